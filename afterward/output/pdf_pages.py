"""What the two PDF documents (the quarterly review and a post-mortem) share: A4 pages in
DejaVu Sans with a page number in each footer, and tables in one style.

DejaVu Sans ships with matplotlib (a dependency already), so no font is downloaded; it covers
Latin, Greek, Cyrillic, Arabic, Hebrew and many symbols, not Chinese, Japanese, Korean or
emoji. For CJK the document falls back to Noto Sans CJK (SIL Open Font License) where the
server has it: Debian's `fonts-noto-cjk` (`apt-get install fonts-noto-cjk`; `CJK_FONT_FILES`),
loaded only by a document that has such a character. No pip package fits: mplfonts ships
the font beside SimHei (not freely licensed) in an 85 MB wheel, manimgx-fonts-cjk only as a
variable font whose default weight is Thin (fpdf2 took over 3 minutes to make a Regular of
it), the noto-cjk-* packages are first releases. A character no font here can draw (emoji,
or CJK on a server without the font) is drawn as a visible box with a note in the page's
footer; the HTML and Markdown downloads keep every character.
"""

from __future__ import annotations

import logging
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
LOG = logging.getLogger(__name__)

# The fallback for Chinese, Japanese and Korean: Noto Sans CJK, regular and bold, where
# Debian's fonts-noto-cjk puts them, and which font of the collection to use (2: Simplified
# Chinese forms of the Han characters; each font of it has kana and Hangul as well). The
# first pair whose regular file exists is used; bold falls back to regular when missing.
CJK_FONT = "NotoCJK"
_NOTO = Path("/usr/share/fonts/opentype/noto")
CJK_FONT_FILES: tuple[tuple[Path, Path, int], ...] = (
    (_NOTO / "NotoSansCJK-Regular.ttc", _NOTO / "NotoSansCJK-Bold.ttc", 2),
)


def cjk_font_files() -> tuple[Path, Path | None, int] | None:
    """(regular file, bold file or None, collection number) of the first CJK fallback font
    installed (`CJK_FONT_FILES`), or None when the server has none."""
    for regular, bold, number in CJK_FONT_FILES:
        if regular.is_file():
            return regular, (bold if bold.is_file() else None), number
    return None


# What a character the font cannot draw (Chinese, Japanese, Korean, emoji...) becomes, and
# what the footer of a page with one says, so no text vanishes without a trace.
MISSING_GLYPH = "\u25a1"
MISSING_NOTE = (
    f"{MISSING_GLYPH} marks a character this PDF cannot draw; "
    "the HTML and Markdown downloads keep it."
)


class PagedPDF(FPDF):
    """An fpdf2 document whose footer is the page number in `footer_pt` points, grey.

    Characters the current font has no glyph for are drawn in the CJK fallback font
    (`cjk_font_files`, added the first time one is met; `cjk_loaded` says whether it was),
    and those it lacks too as `MISSING_GLYPH`, the footer of each page with one saying so
    (`MISSING_NOTE`); `missing_glyphs` counts them.
    """

    footer_pt: float = 8
    missing_glyphs: int = 0
    cjk_loaded: bool | None = None  # None: no character needed it yet
    _missing_on_page: bool = False

    def _cjk_fallback(self) -> bool:
        """Add the CJK fallback font (once); whether the document has it."""
        if self.cjk_loaded is None:
            self.cjk_loaded = False
            found = cjk_font_files()
            if found is not None:
                regular, bold, number = found
                try:
                    self.add_font(CJK_FONT, "", str(regular), collection_font_number=number)
                    if bold is not None:
                        self.add_font(CJK_FONT, "B", str(bold), collection_font_number=number)
                    self.set_fallback_fonts([CJK_FONT], exact_match=False)
                    self.cjk_loaded = True
                except Exception:  # an unreadable font file: boxes, as without one
                    LOG.warning("The CJK font %s could not be loaded", regular, exc_info=True)
        return self.cjk_loaded

    def normalize_text(self, text: str) -> str:
        text = super().normalize_text(text)
        font = getattr(self, "current_font", None)
        cmap = getattr(font, "cmap", None)
        if not self.is_ttf_font or not cmap or text.isascii():
            return text
        missing = [c for c in set(text) if ord(c) not in cmap and c not in "\n\r\t"]
        if missing and self._cjk_fallback():
            fallbacks = [self.fonts[key].cmap for key in self._fallback_font_ids]
            missing = [c for c in missing if not any(ord(c) in m for m in fallbacks)]
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
