"""The quarterly review: numbers through the anonymity gate, HTML and PDF documents, the CLI."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import uuid
import zlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from afterward.output import quarterly_report as report
from afterward.services import quarterly_review as review
from afterward.services.quarterly_review import quarterly_review
from clock import shift_quarter
from surveys import setup
from surveys.store import Store

ROOT = Path(__file__).resolve().parents[1]
XSS_LABEL = "<script>alert('theme')</script>"
CATEGORIES = ("estimation_schedule", "communication_gaps", "testing_quality")


def add_survey(
    store: Store,
    project: str,
    quarter: str,
    responses: int,
    *,
    categories: tuple[str, ...] = CATEGORIES,
    themes: tuple[int, ...] = (0, 1),
    goals: float = 3.0,
) -> str:
    """A project post-mortem with `responses` answers: ratings, one text each, its analysis."""
    year, q = int(quarter[:4]), int(quarter[5])
    survey_id = setup.create_survey(
        store,
        project=project,
        template_id="project-postmortem",
        quarter=quarter,
        opens_on=date(year, 3 * (q - 1) + 1, 2),
    )
    ids = [str(uuid.uuid4()) for _ in range(responses)]
    day = date(year, 3 * (q - 1) + 2, 15)
    answers, analysis = [], []
    for i, rid in enumerate(ids):
        for question, value in (
            ("goals_clear", goals + i % 2),
            ("schedule_realistic", 2 + i % 3),
            ("communication", 6 + i % 4),
        ):
            answers.append(
                {
                    "response_id": rid,
                    "survey_id": survey_id,
                    "question_id": question,
                    "value_number": value,
                    "value_text": None,
                    "value_choice": None,
                }
            )
        answers.append(
            {
                "response_id": rid,
                "survey_id": survey_id,
                "question_id": "root_cause",
                "value_number": None,
                "value_text": f"text {i}",
                "value_choice": None,
            }
        )
        analysis.append(
            {
                "response_id": rid,
                "question_id": "root_cause",
                "survey_id": survey_id,
                "category": categories[i % len(categories)],
                "confidence": 0.8,
                "second_category": None,
                "theme_id": themes[i % len(themes)],
                "model_key": "test",
            }
        )
    store.bulk_load(
        pd.DataFrame({"response_id": ids, "survey_id": survey_id, "submitted_on": day}),
        pd.DataFrame(answers),
    )
    store.save_text_analysis(pd.DataFrame(analysis))
    return survey_id


def populate(store: Store, monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    """Two projects over three quarters, a tiny survey below threshold, actions."""
    for quarter, goals in (("2026Q1", 2.0), ("2026Q2", 3.0), ("2026Q3", 4.0)):
        add_survey(store, "Web shop", quarter, 9, goals=goals)
        add_survey(store, "Harbour", quarter, 6, categories=("estimation_schedule",), themes=(1,))
    # New in Q3: a category and a theme never seen before.
    add_survey(store, "Lighthouse", "2026Q3", 8, categories=("monitoring_alerting",), themes=(2,))
    add_survey(store, "Tiny", "2026Q3", 2)  # below the threshold: never shown
    web = store.project_by_name("Web shop").project_id
    if monkeypatch is not None:
        # Actions record today's date; pretend this one was done in Q1.
        monkeypatch.setattr("surveys.store.followup.today", lambda: date(2026, 2, 20))
    store.create_action(
        project_id=web,
        title="Add a buffer to estimates",
        owner="Lead",
        quarter="2026Q1",
        category="estimation_schedule",
        status="done",
    )
    if monkeypatch is not None:
        monkeypatch.setattr("surveys.store.followup.today", lambda: date(2026, 8, 1))
    store.create_action(
        project_id=web,
        title="Weekly status mail",
        owner="PM",
        quarter="2026Q3",
        due_on=date(2026, 8, 15),
        category="communication_gaps",
    )
    store.create_action(
        project_id=web,
        title="Fix flaky tests",
        owner="QA",
        quarter="2026Q3",
        category="testing_quality",
        status="done",
    )


LABELS = {0: "Late scope changes", 1: XSS_LABEL, 2: "Alarmmüdigkeit — усталость от алертов"}


@pytest.fixture
def filled(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    populate(store, monkeypatch)
    monkeypatch.setattr("surveys.store.followup.today", lambda: date(2026, 11, 2))
    return store


@pytest.fixture
def quarter_review(filled: Store) -> review.QuarterlyReview:
    return quarterly_review(filled, "2026q3", theme_labels=LABELS, on=date(2026, 11, 2))


# -- the review's numbers ------------------------------------------------------------------------


def test_quarter_is_validated(store: Store) -> None:
    with pytest.raises(ValueError, match="2026Q3"):
        quarterly_review(store, "Q3 2026")


def test_shift_quarter_crosses_years() -> None:
    assert shift_quarter("2026Q1", -1) == "2025Q4"
    assert shift_quarter("2025Q4", 1) == "2026Q1"
    assert shift_quarter("2026Q3", -3) == "2025Q4"


def test_participation_leaves_small_surveys_out(quarter_review: review.QuarterlyReview) -> None:
    r = quarter_review
    assert r.quarter == "2026Q3"
    assert r.quarters == ("2025Q4", "2026Q1", "2026Q2", "2026Q3")
    assert (r.surveys, r.surveys_shown, r.responses) == (4, 3, 9 + 6 + 8)
    tiny = r.participation[r.participation["project"] == "Tiny"].iloc[0]
    assert not tiny["shown"] and tiny["needed"] == 1


def test_rating_trend_has_all_projects_line(quarter_review: review.QuarterlyReview) -> None:
    trends = quarter_review.rating_trends
    goals = trends[(trends["question_id"] == "goals_clear") & (trends["project"] == "All projects")]
    assert goals["quarter"].tolist() == ["2026Q1", "2026Q2", "2026Q3"]
    summary = quarter_review.rating_summary.set_index("question_id")
    assert summary.loc["goals_clear", "change"] > 0
    assert "Tiny" not in set(trends["project"])


def test_new_and_persisting(quarter_review: review.QuarterlyReview) -> None:
    cats = quarter_review.top_categories.set_index("category")
    assert cats.loc["monitoring_alerting", "status"] == "new"
    assert cats.loc["estimation_schedule", "status"] == "persisting"
    themes = quarter_review.themes.set_index("theme_id")
    assert themes.loc[2, "status"] == "new" and themes.loc[0, "status"] == "persisting"
    assert themes.loc[1, "theme"] == XSS_LABEL
    assert quarter_review.themes.set_index("theme_id").loc[1, "projects"] == 2


def test_small_cells_are_suppressed_not_zero(store: Store) -> None:
    # 4 responses, 3 categories: every category has fewer than 3 responses -> all hidden.
    add_survey(store, "Solo", "2026Q3", 4)
    r = quarterly_review(store, "2026Q3")
    assert r.top_categories.empty
    assert r.category_projects["answers"].isna().all()
    assert r.surveys_shown == 1


def test_actions_and_their_effect(quarter_review: review.QuarterlyReview) -> None:
    r = quarter_review
    assert (r.actions_opened, r.actions_done, r.actions_overdue) == (2, 1, 1)
    effects = r.action_effects.set_index("title")
    buffer = effects.loc["Add a buffer to estimates"]
    assert (buffer["quarters_before"], buffer["quarters_after"]) == (1, 2)
    assert buffer["answers_after"] > 0 and buffer["verdict"].startswith("Still")
    assert effects.loc["Fix flaky tests", "verdict"].startswith("Too early")


def test_empty_store_review(store: Store) -> None:
    r = quarterly_review(store, "2026Q3")
    assert r.surveys == 0 and r.rating_summary.empty and r.themes.empty
    page = report.review_html(r)
    assert "No surveys ran in 2026Q3" in page
    assert report.not_enough("rating trends").replace("'", "&#x27;") in page
    assert report.review_pdf(r).startswith(b"%PDF")


# -- documents ----------------------------------------------------------------------------------


def test_html_has_every_section_and_escapes(quarter_review: review.QuarterlyReview) -> None:
    page = report.review_html(quarter_review)
    for title in report.SECTIONS:
        assert f"<h2>{title}</h2>" in page
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(&#x27;theme&#x27;)&lt;/script&gt;" in page
    assert "Alarmmüdigkeit — усталость от алертов" in page
    assert "<script src=" not in page and "<script charset" not in page  # offline: inlined
    assert page.count("Plotly.newPlot") >= 5


def pdf_text(data: bytes) -> str:
    """Decode every stream of an uncompressed or Flate-compressed PDF, loosely."""
    chunks = [data.decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            pass
    return "\n".join(chunks)


def outline_titles(data: bytes) -> list[str]:
    """Bookmark titles (fpdf writes them as literal or UTF-16 hex strings)."""
    text = data.decode("latin-1")
    titles = []
    for match in re.finditer(r"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", text):
        raw = match.group(1)
        if raw.startswith("<"):
            blob = bytes.fromhex(raw[1:-1])
            titles.append(
                blob[2:].decode("utf-16-be") if blob[:2] == b"\xfe\xff" else blob.decode("latin-1")
            )
        else:
            body = raw[1:-1].encode("latin-1")
            titles.append(
                body[2:].decode("utf-16-be") if body[:2] == b"\xfe\xff" else body.decode("latin-1")
            )
    return titles


def test_pdf_has_every_section(quarter_review: review.QuarterlyReview) -> None:
    data = report.review_pdf(quarter_review, compress=False)
    assert data.startswith(b"%PDF")
    titles = outline_titles(data)
    for title in report.SECTIONS:
        assert title in titles
    assert b"DejaVu" in data  # the Unicode font is embedded
    assert data.count(b"/Subtype /Image") >= 5


def test_pdf_compressed_is_smaller(quarter_review: review.QuarterlyReview) -> None:
    assert len(report.review_pdf(quarter_review)) < len(
        report.review_pdf(quarter_review, compress=False)
    )


def test_pdf_text_with_pypdf(quarter_review: review.QuarterlyReview) -> None:
    import io

    from pypdf import PdfReader

    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(report.review_pdf(quarter_review))).pages
    )
    for title in report.SECTIONS:
        assert title in text


def test_write_review_picks_format_from_suffix(
    quarter_review: review.QuarterlyReview, tmp_path: Path
) -> None:
    assert report.write_review(quarter_review, tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF"
    assert (
        "<!DOCTYPE html>" in (report.write_review(quarter_review, tmp_path / "r.html")).read_text()
    )
    with pytest.raises(ValueError, match=".pdf or .html"):
        report.write_review(quarter_review, tmp_path / "r.docx")


# -- command line -------------------------------------------------------------------------------


def _cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AFTERWARD_DB": str(db_path)}
    return subprocess.run(
        [sys.executable, "-m", "afterward.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_report_writes_pdf(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        populate(store)
    out = tmp_path / "review.pdf"
    done = _cli(db_path, "report", "--quarter", "2026Q3", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in done.stdout


def test_cli_report_rejects_unknown_suffix_and_bad_quarter(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process (the subprocess test above covers the entry point): errors exit with 2.
    from afterward.cli import main

    Store(db_path).close()
    assert main(["report", "--quarter", "2026Q3", "--out", str(tmp_path / "r.txt")]) == 2
    assert ".pdf or .html" in capsys.readouterr().err
    assert main(["report", "--quarter", "26Q3", "--out", str(tmp_path / "r.pdf")]) == 2
    assert "2026Q3" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_cli_report_writes_html_in_process(filled: Store, db_path: Path, tmp_path: Path) -> None:
    from afterward.cli import main

    filled.close()  # DuckDB allows one open handle per file
    assert main(["report", "--quarter", "2026Q3", "--out", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text()
    assert all(f"<h2>{title}</h2>" in page for title in report.SECTIONS)


# -- sample data ----------------------------------------------------------------------------------


def test_report_from_sample_data(store: Store) -> None:
    """What `afterward report` builds after `afterward demo`: every section has content,
    not just its heading, and the numbers are the store's."""
    from afterward.services.quarterly_review import build_quarterly_review
    from surveys.sample import load_sample

    load_sample(store)
    quarter = store.scope_choices()[0][-2]  # the last complete quarter
    r = build_quarterly_review(store, quarter)
    assert r.text_note == ""
    assert len(r.top_categories) >= 3 and len(r.themes) >= 3
    assert not r.rating_summary.empty and r.actions_opened + r.actions_done > 0
    in_quarter = store.surveys_overview().query("quarter == @quarter")
    assert r.surveys == len(in_quarter)
    page = report.review_html(r)
    pdf = report.review_pdf(r, compress=False)
    titles = outline_titles(pdf)
    for title in report.SECTIONS:
        assert f"<h2>{title}</h2>" in page
        assert title in titles
    assert report.not_enough("root causes").replace("'", "&#x27;") not in page
    assert report.not_enough("themes").replace("'", "&#x27;") not in page
    for label in r.top_categories["label"]:
        assert html.escape(label) in page
    for theme in r.themes["theme"].head(3):
        assert html.escape(theme) in page


def pdf_pages(quarter_review: review.QuarterlyReview) -> list:
    import io

    from pypdf import PdfReader

    return PdfReader(io.BytesIO(report.review_pdf(quarter_review))).pages


def test_pdf_first_page_is_not_a_near_empty_cover(quarter_review: review.QuarterlyReview) -> None:
    first = pdf_pages(quarter_review)[0].extract_text()
    assert "Quarterly process review" in first
    assert f"1. {report.SECTIONS[0]}" in first  # the review starts on page 1
    assert "Responses (shown surveys)" in first and len(first) > 400  # its tables too


def test_pdf_charts_are_embedded_at_their_printed_size(
    quarter_review: review.QuarterlyReview,
) -> None:
    # Drawn for the printed width, the chart's 8-point text prints at 8 points (a 900-pixel
    # image squeezed onto the page printed it at about 5).
    printed_width = report.FPDF(format="A4").epw  # mm
    expected = round(printed_width / 25.4 * report.CHART_DPI)
    widths = {image.image.width for page in pdf_pages(quarter_review) for image in page.images}
    assert widths == {expected}


def test_pdf_and_html_name_questions_without_internal_ids(
    quarter_review: review.QuarterlyReview,
) -> None:
    text = "\n".join(page.extract_text() for page in pdf_pages(quarter_review))
    assert "Goals were clear" in text and "(goals_clear)" not in text
    cells = re.findall(r"<td>(.*?)</td>", report.review_html(quarter_review))
    assert "Goals were clear" in cells
    assert not [c for c in cells if "goals_clear" in c]


def test_pdf_action_effect_table_keeps_days_and_headings_whole(
    quarter_review: review.QuarterlyReview,
) -> None:
    import io

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(report.review_pdf(quarter_review))).pages
    text = "\n".join(p.extract_text() for p in pages)
    done = quarter_review.action_effects["done_on"].dropna()
    assert len(done)
    for day in done:
        assert str(day) in text  # not broken as "2026-07- / 20"
    # Every table's narrow columns fit their longest cell and heading word on one line.
    pdf = report.new_pdf("t")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 8)
    for section in report.review_sections(quarter_review):
        for block in section.blocks:
            if not isinstance(block, report.TableBlock):
                continue
            widths = report._column_widths(pdf, block)
            scale = pdf.epw / sum(widths)
            for i, column in enumerate(block.columns):
                cells = [str(row[i]) for row in block.rows]
                if max((pdf.get_string_width(c) for c in cells), default=0) > 29:
                    continue  # a wide column wraps by design
                need = max(pdf.get_string_width(c) for c in [*cells, *column.split()])
                assert widths[i] * scale >= need + 2, (section.title, column)


def test_a_survey_past_its_closing_day_is_closed_in_the_review(store: Store) -> None:
    """The review's participation says "closed" of a survey whose closing day has passed
    though its stored status still says open, as the overview does: no "N more needed"."""
    from clock import today

    past = setup.create_survey(
        store,
        project="Tern",
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 7, 2),
        closes_on=date(2026, 7, 30),
    )
    setup.create_survey(
        store,
        project="Heron",
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 7, 2),
    )
    assert store.survey(past).status == "open" and today() > date(2026, 7, 30)
    status = quarterly_review(store, "2026Q3").participation.set_index("project")["status"]
    assert status["Tern"] == "closed"
    assert status["Heron"] == "open"


def test_no_root_cause_is_its_own_bucket_in_the_review(filled: Store) -> None:
    """Answers with no root cause are counted apart from the categories, in the review and
    in its report, and only when their cell reaches the threshold."""
    from analysis.taxonomy import NO_ROOT_CAUSE, no_root_cause_note

    add_survey(filled, "Open day", "2026Q3", 7, categories=(NO_ROOT_CAUSE,), themes=(0,))
    r = quarterly_review(filled, "2026Q3", theme_labels=LABELS, on=date(2026, 11, 2))
    assert r.no_root_cause == 7
    assert NO_ROOT_CAUSE not in set(r.categories["category"])
    assert NO_ROOT_CAUSE not in set(r.category_quarters["category"])
    page = report.review_html(r)
    assert html.escape(no_root_cause_note(7)) in page
    # Below the threshold the bucket is hidden like any small category.
    add_survey(filled, "Quiet", "2026Q2", 5, categories=(NO_ROOT_CAUSE, "testing_quality"))
    q2 = quarterly_review(filled, "2026Q2", theme_labels=LABELS, on=date(2026, 11, 2))
    assert q2.no_root_cause == 0
