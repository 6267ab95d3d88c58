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
    notes = " ".join(texts(at.info)).replace("\\", "")  # shown escaped, read as written
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


def test_words_from_the_file_are_shown_literally_never_as_markdown(app):
    # The file's name and headers are someone else's text: a link or an image (which the
    # browser would fetch) in a header the notes name, or in an error naming the file,
    # stays literal.
    header = "Email ![seen](http://tracker.test/p.png)"
    data = f"{header},What went well?\n" + "".join(
        f"x{i}@team.test,Pairing {i}\n" for i in range(4)
    )
    at = open_import(app)
    at.selectbox[0].set_value("New project…").run()
    at.text_input[0].set_value("Web shop").run()
    at.selectbox[1].set_value("project-postmortem").run()
    name = "[retro](http://tracker.test).csv"
    at.file_uploader[0].set_value((name, data.encode(), "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    notes = texts(at.info)
    assert any("tracker" in t for t in notes), notes  # the identity column is named
    assert not any("](http" in t for t in notes), notes
    at.file_uploader[0].set_value((name, b"", "text/csv")).run()  # an error naming the file
    assert any("tracker" in t for t in texts(at.error))
    assert not any("](http" in t for t in texts(at.error)), texts(at.error)
