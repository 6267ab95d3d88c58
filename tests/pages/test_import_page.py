"""The import page under AppTest: upload, mapping edited in the table, preview, import."""

from tests.conftest import app_store
from tests.pages.helpers import button, texts
from tests.test_import import GOOGLE

PAGE = "app_pages/manager/import_answers.py"


def open_import(app):
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_upload_preview_and_import(app):
    at = open_import(app)
    assert any("Choose a file" in t for t in texts(at.info))
    at.selectbox[0].set_value("New project…").run()
    at.text_input[0].set_value("Web shop").run()
    at.selectbox[1].set_value("project-postmortem").run()
    at.file_uploader[0].set_value(("form.csv", GOOGLE.encode(), "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("5 response(s), quarter 2025Q2" in t for t in texts(at.subheader)), (
        texts(at.error),
        texts(at.subheader),
        texts(at.info),
    )
    notes = " ".join(texts(at.info))
    assert "Never stored (identity data): Timestamp, Email Address" in notes
    preview = at.dataframe[-1].value
    assert "kim.baxter@example.org" not in preview.to_csv()
    button(at, "Import 5 response(s)").click().run()
    assert any("Imported 5 response(s)" in t for t in texts(at.success))
    store = app_store()
    assert store.table_rows("responses").shape[0] == 5


def test_unreadable_file_gives_a_message_not_a_traceback(app):
    at = open_import(app)
    at.selectbox[0].set_value("New project…").run()
    at.text_input[0].set_value("Web shop").run()
    at.file_uploader[0].set_value(("form.csv", b"just,a\n", "text/csv")).run()
    assert not at.exception
    assert at.error and "no rows" in at.error[0].value
