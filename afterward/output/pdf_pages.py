"""What the two PDF documents (the quarterly review and a post-mortem) share: A4 pages in
DejaVu Sans with a page number in each footer, and tables in one style.

DejaVu Sans ships with matplotlib (a dependency already), so no font is downloaded; it covers
Latin, Greek, Cyrillic, Arabic, Hebrew and many symbols, not CJK or emoji: those are drawn
as a visible box with a note in the page's footer (no maintained pip package ships a CJK
font; the HTML and Markdown downloads keep every character).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib
from fpdf import FPDF

from surveys.text_limits import shorten

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
# A table cell's text is cut to this many characters ("…" last): fpdf cannot split a row over
# two pages, so a row taller than a page fails the whole document. Seven columns of 200
# wide characters at 8-9 pt stay well under a page; the HTML and Markdown keep the full text.
MAX_CELL_CHARS = 200


# What a character the font cannot draw (Chinese, Japanese, Korean, emoji...) becomes, and
# what the footer of a page with one says, so no text vanishes without a trace.
MISSING_GLYPH = "\u25a1"
MISSING_NOTE = (
    f"{MISSING_GLYPH} marks a character this PDF cannot draw; "
    "the HTML and Markdown downloads keep it."
)


class PagedPDF(FPDF):
    """An fpdf2 document whose footer is the page number in `footer_pt` points, grey.

    Characters the current font has no glyph for are drawn as `MISSING_GLYPH`, and the
    footer of each page with one says so (`MISSING_NOTE`); `missing_glyphs` counts them.
    """

    footer_pt: float = 8
    missing_glyphs: int = 0
    _missing_on_page: bool = False

    def normalize_text(self, text: str) -> str:
        text = super().normalize_text(text)
        font = getattr(self, "current_font", None)
        cmap = getattr(font, "cmap", None)
        if not self.is_ttf_font or not cmap or text.isascii():
            return text
        missing = [c for c in set(text) if ord(c) not in cmap and c not in "\n\r\t"]
        if not missing:
            return text
        self.missing_glyphs += sum(text.count(c) for c in missing)
        self._missing_on_page = True
        return "".join(MISSING_GLYPH if c in missing else c for c in text)

    def footer(self) -> None:
        missing, self._missing_on_page = self._missing_on_page, False
        self.set_y(-16 if missing else -12)
        self.set_font(FONT, size=self.footer_pt)
        self.set_text_color(120)
        if missing:
            self.cell(0, 4, MISSING_NOTE, align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 6, f"Page {self.page_no()}", align="C")
        self.set_text_color(0)


def new_pdf(title: str, *, compress: bool = True, footer_pt: float = 8) -> PagedPDF:
    """An empty A4 PagedPDF titled `title` (document metadata), DejaVu Sans regular and bold
    loaded as FONT, pages breaking 18 mm above the bottom. Raises OSError when matplotlib's
    font files are missing."""
    pdf = PagedPDF(format="A4")
    pdf.footer_pt = footer_pt
    pdf.set_compression(compress)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(title)
    pdf.set_auto_page_break(auto=True, margin=18)
    return pdf


def write_table(
    pdf: FPDF,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    line_height: float,
) -> None:
    """One table in the documents' style (heading row, left-aligned, 1 mm padding) in the
    current font; `col_widths` are relative weights, `line_height` in mm. Each cell's text is
    cut to MAX_CELL_CHARS characters with an ellipsis, so no row is taller than a page."""
    with pdf.table(
        col_widths=tuple(col_widths),
        headings_style=_heading_style(),
        line_height=line_height,
        padding=1,
        text_align="LEFT",
        first_row_as_headings=True,
    ) as table:
        table.row([shorten(str(c), MAX_CELL_CHARS) for c in columns])
        for row in rows:
            table.row([shorten(str(v), MAX_CELL_CHARS) for v in row])


def _heading_style():  # fpdf's FontFace, built per call so the import stays local
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(240, 240, 240))
