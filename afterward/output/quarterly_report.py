"""The quarterly review as a document a process review can keep: HTML and PDF.

Both formats render the same list of sections, built once from a `QuarterlyReview`, so they
cannot drift apart. Respondents' words (theme labels) reach this module, so every piece of
text is escaped for HTML and charts get their labels escaped by the chart builders.
The HTML inlines plotly.js (it must open offline, years later); the PDF draws the same
figures with matplotlib and embeds DejaVu Sans (shipped with matplotlib) for any script.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from fpdf import FPDF
from plotly.offline import get_plotlyjs

from afterward.output import charts
from afterward.output.pdf_pages import new_pdf, write_table
from afterward.output.static_charts import figure_png
from afterward.services.quarterly_review import QuarterlyReview
from analysis.insights import busiest_projects, effect_count, question_label
from analysis.taxonomy import no_root_cause_note
from surveys.questionnaire import scale_of

SECTIONS = (
    "Participation",
    "Rating trends",
    "Top recurring root causes",
    "Themes: new and persisting",
    "Action items and their effect",
)
MAX_THEMES_IN_CHART = 12
# Charts are drawn at the size they are printed, so their text keeps its point size (>= 8).
CHART_DPI = 200
# A section starts on a new page only when less than this is left (mm): no near-empty pages.
SECTION_MIN_SPACE = 70


def not_enough(what: str) -> str:
    return f"Not enough responses this quarter to show {what} without risking anyone's anonymity."


# -- a tiny document model shared by both formats ------------------------------------------


@dataclass(frozen=True)
class TextBlock:
    text: str
    note: bool = False  # a small-state message, set apart visually


@dataclass(frozen=True)
class TableBlock:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ChartBlock:
    figure: go.Figure


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[TextBlock | TableBlock | ChartBlock, ...]


def review_sections(review: QuarterlyReview) -> list[Section]:
    return [
        Section(SECTIONS[0], tuple(_participation(review))),
        Section(SECTIONS[1], tuple(_ratings(review))),
        Section(SECTIONS[2], tuple(_root_causes(review))),
        Section(SECTIONS[3], tuple(_themes(review))),
        Section(SECTIONS[4], tuple(_actions(review))),
    ]


def _participation(review: QuarterlyReview) -> list:
    blocks: list = []
    if review.surveys == 0:
        return [TextBlock(f"No surveys ran in {review.quarter}.", note=True)]
    frame = review.participation
    rate = (
        f" {int(frame['invitations_used'].sum())} of {int(frame['invitations'].sum())} "
        f"invitations were used ({review.response_rate:.0%}), counting responses still "
        "waiting for release."
        if review.response_rate is not None
        else ""
    )
    blocks.append(
        TextBlock(
            f"{review.surveys} survey(s) ran in {review.quarter}; {review.surveys_shown} had "
            f"enough responses to show results, with {review.responses} response(s) in all.{rate}"
        )
    )
    hidden = review.surveys - review.surveys_shown
    if review.surveys_shown == 0:
        blocks.append(TextBlock(not_enough("any survey's results"), note=True))
    elif hidden:
        blocks.append(
            TextBlock(
                f"{hidden} survey(s) stay hidden below their anonymity threshold and are left out of "
                "every number below.",
                note=True,
            )
        )
    blocks.append(
        TableBlock(
            ("Survey", "Released", "Waiting", "Invitations used", "Results"),
            tuple(
                (
                    s,
                    str(r),
                    str(w),
                    f"{u} of {i} ({_pct(rr)})" if i else "–",
                    _results_cell(shown, n, st, r + w),
                )
                for s, r, w, u, i, rr, shown, n, st in zip(
                    frame["survey"],
                    frame["responses"],
                    frame["waiting"],
                    frame["invitations_used"],
                    frame["invitations"],
                    frame["response_rate"],
                    frame["shown"],
                    frame["needed"],
                    frame["status"],
                    strict=True,
                )
            ),
        )
    )
    blocks.append(
        ChartBlock(charts.participation_chart(frame, f"Responses per survey, {review.quarter}"))
    )
    trend = review.participation_trend
    blocks.append(
        TableBlock(
            ("Quarter", "Surveys", "Surveys shown", "Responses (shown surveys)"),
            tuple(
                (q, str(s), str(v), str(r))
                for q, s, v, r in zip(
                    trend["quarter"],
                    trend["surveys"],
                    trend["surveys_shown"],
                    trend["responses"],
                    strict=True,
                )
            ),
        )
    )
    return blocks


def _ratings(review: QuarterlyReview) -> list:
    summary = review.rating_summary
    if summary.empty:
        return [TextBlock(not_enough("rating trends"), note=True)]
    blocks: list = [
        TextBlock(
            f"Mean rating of every project together in {review.quarter}, against the latest earlier "
            "quarter with enough answers. Charts show all projects together and the ten with "
            "most responses; lines break where a point is hidden."
        )
    ]
    blocks.append(
        TableBlock(
            ("Question", "Scale", review.quarter, "Before", "Change"),
            tuple(
                (
                    question_label(q, p),
                    "{}–{}".format(*scale_of(k)),
                    f"{m:.2f}",
                    "–" if pd.isna(pm) else f"{pm:.2f} ({pq})",
                    "–" if pd.isna(c) else f"{c:+.2f}",
                )
                for q, p, k, m, pq, pm, c in zip(
                    summary["question_id"],
                    summary["prompt"],
                    summary["kind"],
                    summary["mean"],
                    summary["previous_quarter"],
                    summary["previous_mean"],
                    summary["change"],
                    strict=True,
                )
            ),
        )
    )
    for question, prompt, kind in zip(
        summary["question_id"], summary["prompt"], summary["kind"], strict=True
    ):
        rows = busiest_projects(
            review.rating_trends[review.rating_trends["question_id"] == question]
        )
        low, high = scale_of(kind)
        scale = (float(low), float(high))
        title = question_label(question, prompt)
        blocks.append(ChartBlock(charts.rating_trend_chart(rows, title, scale=scale)))
    return blocks


def _root_causes(review: QuarterlyReview) -> list:
    top = review.top_categories
    if top.empty:
        return [TextBlock(review.text_note or not_enough("root causes"), note=True)]
    blocks: list = [
        TextBlock(
            "Root-cause categories of free-text answers this quarter, most frequent first. "
            "'New' means not seen in any earlier quarter."
        )
    ]
    blocks.append(
        TableBlock(
            (
                "Category",
                "Answers",
                "Share",
                "Projects",
                f"Quarters seen (of {len(review.quarters)})",
                "New or persisting",
                "First seen",
            ),
            tuple(
                (lbl, _int(a), _pct(s), _int(p), _int(qs), st, fs)
                for lbl, a, s, p, qs, st, fs in zip(
                    top["label"],
                    top["answers"],
                    top["share"],
                    top["projects"],
                    top["quarters_seen"],
                    top["status"],
                    top["first_seen"],
                    strict=True,
                )
            ),
        )
    )
    new_elsewhere = review.new_categories[~review.new_categories["category"].isin(top["category"])]
    if len(new_elsewhere):
        names = ", ".join(new_elsewhere["label"])
        blocks.append(TextBlock(f"Also new this quarter, outside the top {len(top)}: {names}."))
    blocks.append(ChartBlock(charts.category_share_chart(review.category_quarters)))
    blocks.append(
        ChartBlock(
            charts.category_by_project_chart(
                review.category_projects, f"Root-cause categories per project, {review.quarter}"
            )
        )
    )
    if review.no_root_cause:
        blocks.append(TextBlock(no_root_cause_note(review.no_root_cause)))
    return blocks


def _themes(review: QuarterlyReview) -> list:
    themes = review.themes
    if themes.empty:
        return [TextBlock(review.text_note or not_enough("themes"), note=True)]
    blocks: list = []
    for status, heading in (
        ("new", "New this quarter"),
        ("persisting", "Persisting from earlier quarters"),
    ):
        part = themes[themes["status"] == status]
        blocks.append(TextBlock(f"{heading}: {len(part)} theme(s)."))
        if len(part):
            blocks.append(
                TableBlock(
                    ("Theme", "Answers", "Projects", "First seen"),
                    tuple(
                        (t, _int(a), _int(p), fs)
                        for t, a, p, fs in zip(
                            part["theme"],
                            part["answers"],
                            part["projects"],
                            part["first_seen"],
                            strict=True,
                        )
                    ),
                )
            )
    top = themes["theme_id"].head(MAX_THEMES_IN_CHART)
    heat = review.theme_quarters[review.theme_quarters["theme_id"].isin(top)]
    blocks.append(ChartBlock(charts.theme_heatmap_chart(heat)))
    blocks.append(ChartBlock(charts.recurring_themes_chart(review.recurring_themes)))
    return blocks


def _actions(review: QuarterlyReview) -> list:
    blocks: list = [
        TextBlock(
            f"Action items in {review.quarter}: {review.actions_opened} decided, "
            f"{review.actions_done} done, {review.actions_overdue} overdue."
        )
    ]
    frame = review.actions
    if len(frame):
        blocks.append(
            TableBlock(
                ("Project", "Action", "Owner", "Status", "Due", "Done"),
                tuple(
                    (p, t, o, ("overdue" if od else s.replace("_", " ")), _day(d), _day(dn))
                    for p, t, o, s, d, dn, od in zip(
                        frame["project"],
                        frame["title"],
                        frame["owner"],
                        frame["status"],
                        frame["due_on"],
                        frame["done_on"],
                        frame["overdue"],
                        strict=True,
                    )
                ),
            )
        )
    if not review.action_completion.empty:
        blocks.append(ChartBlock(charts.action_completion_chart(review.action_completion)))
    effects = review.action_effects
    blocks.append(
        TextBlock(
            "Did it work? For each done action with a root cause or theme: answers in it from the "
            "project's retrospectives up to the quarter it was done, against those after "
            "(Before and After: answers / quarters; “hidden” where they were too few to show)."
        )
    )
    if effects.empty:
        blocks.append(TextBlock("No done action names a root cause or theme yet.", note=True))
    else:
        blocks.append(
            TableBlock(
                (
                    "Project",
                    "Action",
                    "About",
                    "Done",
                    "Before",
                    "After",
                    "Verdict",
                ),
                tuple(
                    (
                        p,
                        t,
                        tp,
                        _day(d),
                        f"{effect_count(ab, hb)} / {qb}",
                        f"{effect_count(aa, ha)} / {qa}",
                        v,
                    )
                    for p, t, tp, d, ab, qb, hb, aa, qa, ha, v in zip(
                        effects["project"],
                        effects["title"],
                        effects["topic"],
                        effects["done_on"],
                        effects["answers_before"],
                        effects["quarters_before"],
                        effects["hidden_before"],
                        effects["answers_after"],
                        effects["quarters_after"],
                        effects["hidden_after"],
                        effects["verdict"],
                        strict=True,
                    )
                ),
            )
        )
    return blocks


def _results_cell(shown: bool, needed: int, status: str, given: int) -> str:
    """The participation table's Results cell: a closed survey takes no more answers, so it
    never says how many more are needed."""
    if shown:
        return "shown"
    if status == "closed":
        return "no responses" if not given else "hidden (too few responses)"
    return f"hidden ({needed} more needed)"


def _pct(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.0%}"


def _int(value: object) -> str:
    return "–" if value is None or pd.isna(value) else str(int(value))


def _day(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(pd.Timestamp(value).date())


def _window(review: QuarterlyReview) -> str:
    earlier = review.quarters[:-1]
    return f"{earlier[0]}–{earlier[-1]}" if earlier else "no earlier quarter"


# -- HTML -----------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1000px;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}
h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}
section{margin-top:2.5rem;border-top:1px solid #ddd;padding-top:1rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem;width:100%}
th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}.note{background:#fff7e0;border-left:4px solid #e0b000;padding:.5rem .8rem}
.chart{margin:1rem 0}
"""


def review_html(review: QuarterlyReview) -> str:
    """A self-contained HTML document (plotly.js inlined: it opens offline)."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Quarterly process review {e(review.quarter)}</title>",
        f"<style>{_CSS}</style>",
        # plotly.js once for every chart; its source contains no closing script tag.
        f'<script type="text/javascript">{get_plotlyjs()}</script>',
        "</head><body>",
        f"<h1>Quarterly process review: {e(review.quarter)}</h1>",
        f'<p class="meta">Generated {e(str(review.generated_on))} · compared with '
        f"{e(_window(review))} · only groups with enough responses are shown.</p>",
        "<nav><ol>",
        *(f'<li><a href="#s{i}">{e(title)}</a></li>' for i, title in enumerate(SECTIONS, 1)),
        "</ol></nav>",
    ]
    for number, section in enumerate(review_sections(review), 1):
        parts.append(f'<section id="s{number}"><h2>{e(section.title)}</h2>')
        for block in section.blocks:
            parts.append(_html_block(block))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_block(block: TextBlock | TableBlock | ChartBlock) -> str:
    e = html.escape
    if isinstance(block, TextBlock):
        return f'<p class="note">{e(block.text)}</p>' if block.note else f"<p>{e(block.text)}</p>"
    if isinstance(block, TableBlock):
        head = "".join(f"<th>{e(c)}</th>" for c in block.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    # plotly writes the figure as JSON with <, > and / escaped, so labels cannot end the script.
    div = block.figure.to_html(
        full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True}
    )
    return f'<div class="chart">{div}</div>'


# -- PDF ------------------------------------------------------------------------------------


def review_pdf(review: QuarterlyReview, *, compress: bool = True) -> bytes:
    """The review as a PDF with bookmarks per section; charts drawn by matplotlib."""
    pdf = new_pdf(f"Quarterly process review {review.quarter}", compress=compress)

    # The cover is a header on the first page, not a page of its own.
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 20)
    pdf.multi_cell(0, 10, "Quarterly process review", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 13)
    pdf.multi_cell(
        0,
        7,
        f"{review.quarter} · Generated {review.generated_on.isoformat()}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("DejaVu", "", 10)
    pdf.ln(2)
    pdf.multi_cell(
        0,
        5.5,
        f"Compared with {_window(review)}. Only groups with enough responses "
        "are shown; hidden points are gaps, never zeros. Sections: "
        + "; ".join(f"{number}. {title}" for number, title in enumerate(SECTIONS, 1))
        + ".",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)

    for number, section in enumerate(review_sections(review), 1):
        if pdf.get_y() + SECTION_MIN_SPACE > pdf.page_break_trigger:
            pdf.add_page()
        elif number > 1:
            pdf.ln(4)
        pdf.start_section(section.title)  # a PDF bookmark per section
        pdf.set_font("DejaVu", "B", 16)
        pdf.multi_cell(0, 10, f"{number}. {section.title}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for block in section.blocks:
            _pdf_block(pdf, block)
    return bytes(pdf.output())


def _pdf_block(pdf: FPDF, block: TextBlock | TableBlock | ChartBlock) -> None:
    if isinstance(block, TextBlock):
        pdf.set_font("DejaVu", "", 10)
        if block.note:
            pdf.set_fill_color(255, 247, 224)
        pdf.multi_cell(0, 5.5, block.text, fill=block.note, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    elif isinstance(block, TableBlock):
        pdf.set_font("DejaVu", "", 8)
        write_table(pdf, block.columns, block.rows, _column_widths(pdf, block), line_height=4.5)
        pdf.ln(3)
    else:
        width, height = chart_size(block.figure, pdf.epw)
        png = figure_png(
            block.figure,
            width=round(width / 25.4 * CHART_DPI),
            height=round(height / 25.4 * CHART_DPI),
            dpi=CHART_DPI,
        )
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
        pdf.image(io.BytesIO(png), w=width, h=height)
        pdf.ln(3)


# A column whose every cell (and every word of its heading) fits on one line this wide (mm)
# gets exactly the room it needs: days and counts never wrap ("2025-09 / -20").
ONE_LINE_COLUMN = 32.0


def _column_widths(pdf: FPDF, block: TableBlock) -> tuple[float, ...]:
    """Column widths (mm, summing to the page's width) in the current font: each narrow
    column (up to ONE_LINE_COLUMN mm) as wide as its longest cell or heading word, the
    wide ones sharing the rest by `_column_weights`. Falls back to `_column_weights` when
    the narrow columns would leave the wide ones under 25 mm each."""
    weights = _column_weights(block)
    style = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    pdf.set_font(style[0], "B", style[2])
    heads = [
        max((pdf.get_string_width(w) for w in str(h).split()), default=0.0) for h in block.columns
    ]
    pdf.set_font(*style)
    needed = [
        max([heads[i], *(pdf.get_string_width(str(row[i])) for row in block.rows)]) + 3.0
        for i in range(len(block.columns))
    ]
    narrow = [n <= ONE_LINE_COLUMN for n in needed]
    wide_weight = sum(w for w, n in zip(weights, narrow, strict=True) if not n)
    rest = pdf.epw - sum(n for n, short in zip(needed, narrow, strict=True) if short)
    if not wide_weight or rest < 25.0 * narrow.count(False):
        return weights
    return tuple(
        n if short else rest * w / wide_weight
        for n, w, short in zip(needed, weights, narrow, strict=True)
    )


def _column_weights(block: TableBlock) -> tuple[float, ...]:
    """Relative column widths from the longest text of each column (within 6-40 characters;
    a heading counts by its longest word, as it wraps), so a column of names gets the room
    a column of numbers or days does not need."""
    longest = (
        max(
            max(len(word) for word in str(header).split() or [""]) + 2,
            *(len(str(row[i])) + 2 for row in block.rows),
        )
        for i, header in enumerate(block.columns)
    )
    return tuple(float(min(max(n, 6), 40)) for n in longest)


def chart_size(figure: go.Figure, width: float) -> tuple[float, float]:
    """Printed width and height (mm) of a chart `width` mm wide: as tall as the figure asks
    for (a heatmap with many rows, long bar lists), between 0.4 and 1.1 of its width."""
    asked = figure.layout.height
    ratio = 0.42 if not asked else min(max(asked / 900, 0.4), 1.1)
    return width, width * ratio


def report_format(path: Path) -> str:
    """ "pdf" or "html" from the file name (checked before any work is done)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".html", ".htm"):
        return "html"
    raise ValueError(f"Cannot tell the format from {path.name!r}: use .pdf or .html.")


def write_review(review: QuarterlyReview, path: Path) -> Path:
    """Write the review to `path`; the suffix (.pdf or .html) picks the format."""
    if report_format(path) == "pdf":
        path.write_bytes(review_pdf(review))
    else:
        path.write_text(review_html(review), encoding="utf-8")
    return path
