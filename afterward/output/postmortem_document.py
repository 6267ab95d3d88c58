"""A survey's post-mortem document (`afterward.services.postmortem.PostmortemDocument`) as
Markdown, HTML and PDF.

All three draw the same sections and blocks, so they cannot drift apart. Respondents' words
(quotes, theme names) reach this module: the HTML is rendered by Jinja2 with autoescaping,
Markdown escapes the characters that would change its structure, and the PDF embeds DejaVu
Sans (shipped with matplotlib, set up as in the quarterly report) for any script.
"""

from __future__ import annotations

import re
from dataclasses import asdict, fields, is_dataclass, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

# The quarterly report's PDF pieces: its page class, the fonts folder and the table heading
# style, so both PDFs look alike (page numbers here are 9 pt, like the smallest text).
from afterward.output.pdf_pages import new_pdf, write_table
from afterward.services.postmortem import PostmortemDocument, Quotes, Table, Text
from analysis.inert_text import show_bidi_controls

FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "web" / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    auto_reload=False,
)


def document_format(path: Path | str) -> str:
    """ "md", "html" or "pdf" from a file name's extension.

    Raises ValueError (saying which extensions work) for any other extension.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(
            f"Cannot tell the format from {Path(path).name!r}: use .md, .html or .pdf."
        )
    return FORMATS[suffix]


def _inert(value):
    """`value` (the document or any part of it) with bidi controls written out in every
    string, the managers' words (owner, summaries, actions, names) as well as the answers:
    a pasted control cannot reorder a line such as "Owner: ..." in any format."""
    if isinstance(value, str):
        return show_bidi_controls(value)
    if isinstance(value, tuple):
        return tuple(_inert(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _inert(getattr(value, f.name)) for f in fields(value)})
    return value


def render(doc: PostmortemDocument, fmt: str) -> bytes:
    """The document as a file's bytes in `fmt` ("md", "html" or "pdf"; text as UTF-8).

    Raises ValueError for another format.
    """
    if fmt == "md":
        return to_markdown(doc).encode("utf-8")
    if fmt == "html":
        return to_html(doc).encode("utf-8")
    if fmt == "pdf":
        return to_pdf(doc)
    raise ValueError("The post-mortem is written as .md, .html or .pdf.")


def file_name(doc: PostmortemDocument, fmt: str) -> str:
    """A download name such as "postmortem-harbour-website-2026Q3.pdf"."""
    slug = re.sub(r"[^a-z0-9]+", "-", doc.project.lower()).strip("-") or "survey"
    return f"postmortem-{slug}-{doc.quarter}.{fmt}"


# -- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&])")


def _md(text: str) -> str:
    """Plain text that Markdown shows as written (no links, emphasis or HTML from answers)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return "\\" + escaped if escaped[:1] in ("-", "+") else escaped


def to_markdown(doc: PostmortemDocument) -> str:
    """The document as GitHub-flavoured Markdown (headings, tables, block quotes)."""
    doc = _inert(doc)
    lines = [
        f"# Post-mortem: {_md(doc.project)} · {_md(doc.survey_title)}",
        "",
        f"**Owner: {_md(doc.owner_label)}** · Status: {doc.status_label} · Quarter {doc.quarter}",
        "",
        _meta(doc),
        "",
    ]
    if doc.hidden:
        lines += [f"> **{_md(doc.hidden_message)}**", ""]
    for section in doc.sections:
        lines += [f"## {_md(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Text):
                lines += [f"_{_md(block.text)}_" if block.note else _md(block.text), ""]
            elif isinstance(block, Table):
                lines.append("| " + " | ".join(_md(c) for c in block.columns) + " |")
                lines.append("|" + "---|" * len(block.columns))
                lines += ["| " + " | ".join(_md(v) for v in row) + " |" for row in block.rows]
                lines.append("")
            else:
                lines += [f"### {_md(block.heading)}{_count(block)}", ""]
                for text, n in block.quotes:
                    lines += [f"> {_md(text)}" + (f" (×{n})" if n > 1 else ""), ""]
        paragraphs = [_md(p) for p in section.summary.splitlines() if p.strip()]
        lines += ["**Owner's summary:** " + ("\n\n".join(paragraphs) or "_none yet_"), ""]
    return "\n".join(lines).rstrip() + "\n"


def _meta(doc: PostmortemDocument) -> str:
    shown = (
        "Results hidden."
        if doc.hidden
        else f"From {doc.released_responses} released response(s); groups below "
        f"{doc.threshold} responses are hidden."
    )
    return f"{shown} Generated {doc.generated_on.isoformat()}."


def _count(block: Quotes) -> str:
    return f" ({block.answers} answers)" if block.answers else ""


# -- HTML -----------------------------------------------------------------------------------


def to_html(doc: PostmortemDocument) -> str:
    """A self-contained, printable HTML page (inline CSS, no scripts; readable on a phone)."""
    doc = _inert(doc)
    sections = [
        {
            "id": s.id,
            "title": s.title,
            "summary": s.summary.strip(),
            "blocks": [_kind(b) | asdict(b) for b in s.blocks],
        }
        for s in doc.sections
    ]
    view = {
        "project": doc.project,
        "survey_title": doc.survey_title,
        "quarter": doc.quarter,
        "owner_label": doc.owner_label,
        "status_label": doc.status_label,
        "hidden": doc.hidden,
        "hidden_message": doc.hidden_message,
        "released_responses": doc.released_responses,
        "threshold": doc.threshold,
        "generated_on": doc.generated_on,
        "sections": sections,
    }
    return _TEMPLATES.get_template("postmortem_document.html").render(doc=view)


def _kind(block: Text | Table | Quotes) -> dict[str, str]:
    if isinstance(block, Text):
        return {"kind": "text"}
    return {"kind": "table" if isinstance(block, Table) else "quotes"}


# -- PDF ------------------------------------------------------------------------------------

BODY_PT, SMALL_PT = 10, 9  # never below 9 pt, page numbers included


def to_pdf(doc: PostmortemDocument, *, compress: bool = True) -> bytes:
    """The document as an A4 PDF: sections flow on from the title (no cover page), with a
    bookmark each; DejaVu Sans for any script."""
    doc = _inert(doc)
    pdf = new_pdf(f"Post-mortem {doc.project} {doc.quarter}", compress=compress, footer_pt=SMALL_PT)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.multi_cell(0, 9, f"Post-mortem: {doc.project} · {doc.survey_title}", **_NEXT)
    pdf.ln(1)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, f"Owner: {doc.owner_label}", **_NEXT)
    pdf.set_font("DejaVu", "", BODY_PT)
    pdf.multi_cell(0, 5.5, f"Status: {doc.status_label} · Quarter {doc.quarter}", **_NEXT)
    pdf.multi_cell(0, 5.5, _meta(doc), **_NEXT)
    if doc.hidden:
        pdf.ln(2)
        _note(pdf, doc.hidden_message)
    for section in doc.sections:
        if pdf.get_y() > pdf.page_break_trigger - 35:  # keep a heading with what follows
            pdf.add_page()
        pdf.ln(4)
        pdf.start_section(section.title)
        pdf.set_draw_color(200)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", 14)
        pdf.multi_cell(0, 7.5, section.title, **_NEXT)
        pdf.ln(1)
        for block, after in zip(section.blocks, (*section.blocks[1:], None), strict=True):
            if isinstance(block, Text) and isinstance(after, Table):
                _keep_room(pdf, 14 + _table_height(after))  # a table's lead-in stays with it
            _pdf_block(pdf, block)
        _summary(pdf, section.summary.strip())
    return bytes(pdf.output())


_NEXT = {"new_x": "LMARGIN", "new_y": "NEXT", "align": "L"}


def _table_height(table: Table) -> float:
    return 6.5 * (len(table.rows) + 1)


def _keep_room(pdf, height: float) -> None:
    """Start a new page unless `height` mm fit on this one (a taller block just flows)."""
    if pdf.get_y() + height > pdf.page_break_trigger and height < pdf.eph / 2:
        pdf.add_page()


def _note(pdf, text: str) -> None:
    pdf.set_font("DejaVu", "", BODY_PT)
    pdf.set_fill_color(255, 247, 224)
    pdf.multi_cell(0, 5.5, text, fill=True, **_NEXT)
    pdf.ln(1.5)


def _pdf_block(pdf, block: Text | Table | Quotes) -> None:
    if isinstance(block, Text):
        if block.note:
            _note(pdf, block.text)
            return
        pdf.set_font("DejaVu", "", BODY_PT)
        pdf.multi_cell(0, 5.5, block.text, **_NEXT)
        pdf.ln(1.5)
    elif isinstance(block, Table):
        pdf.set_font("DejaVu", "", SMALL_PT)
        _keep_room(pdf, _table_height(block))  # a short table stays on one page
        widths = (2.5, *([1.0] * (len(block.columns) - 1)))
        write_table(pdf, block.columns, block.rows, widths, line_height=5)
        pdf.ln(2)
    else:
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 6, block.heading + _count(block), **_NEXT)
        pdf.set_font("DejaVu", "", BODY_PT)
        pdf.set_text_color(60)
        for text, n in block.quotes:
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(pdf.epw - 4, 5.2, f"“{text}”" + (f"  ×{n}" if n > 1 else ""), **_NEXT)
            pdf.ln(0.8)
        pdf.set_text_color(0)
        pdf.ln(1.5)


def _summary(pdf, summary: str) -> None:
    pdf.set_font("DejaVu", "B", BODY_PT)
    if summary:
        pdf.set_fill_color(238, 245, 251)
        pdf.multi_cell(0, 5.5, "Owner's summary", fill=True, **_NEXT)
        pdf.set_font("DejaVu", "", BODY_PT)
        pdf.multi_cell(0, 5.5, summary, fill=True, **_NEXT)
    else:
        pdf.set_text_color(110)
        pdf.set_font("DejaVu", "", BODY_PT)
        pdf.multi_cell(0, 5.5, "No summary from the owner yet.", **_NEXT)
        pdf.set_text_color(0)
    pdf.ln(1)
