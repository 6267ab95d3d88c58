"""Chinese, Japanese and Korean in the PDF documents: drawn in the CJK fallback font where
the server has one (`pdf_pages.cjk_font_files`), as a box with a footer note where it has
none; emoji stay boxes either way. A tiny font made here stands in for Noto Sans CJK, so the
fallback is tested on every machine; the real font is tested where it is installed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from afterward.output import pdf_pages
from afterward.output.pdf_pages import FONT, MISSING_GLYPH, MISSING_NOTE, new_pdf, write_table

CJK = "李明 目标不清楚。 テスト 테스트"
TEXT = f"Owner: {CJK} 🎯 Next time: one owner."


def tiny_cjk_font(path: Path, characters: str) -> Path:
    """A TrueType font whose only glyphs are squares for `characters` (and .notdef)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    wanted = sorted({c for c in characters if not c.isspace()})
    names = [".notdef", *(f"uni{ord(c):04X}" for c in wanted)]

    def square():
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 800))
        pen.lineTo((900, 800))
        pen.lineTo((900, 0))
        pen.closePath()
        return pen.glyph()

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in wanted})
    builder.setupGlyf({name: square() for name in names})
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Tiny CJK", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


def rendered(text: str = TEXT):
    """A PDF with `text` in a heading (bold), a paragraph and a table cell; (pdf, its text
    as extracted, spaces folded, the fonts it embeds)."""
    pdf = new_pdf("CJK")
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    write_table(pdf, ["Question", "Answer"], [["stop", text]], [1, 3], line_height=5)
    page = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0]
    fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    text = page.extract_text().replace("\x00", "")  # pypdf marks gaps in the tiny font
    return pdf, "".join(text.split()), fonts


def test_cjk_is_drawn_in_the_fallback_font_and_only_emoji_are_boxes(tmp_path, monkeypatch):
    font = tiny_cjk_font(tmp_path / "tiny-cjk.ttf", CJK)
    monkeypatch.setattr(pdf_pages, "CJK_FONT_FILES", ((font, tmp_path / "no-bold.ttf", 0),))
    pdf, text, fonts = rendered()
    assert pdf.cjk_loaded is True
    assert "".join(CJK.split()) in text and "Owner:" in text
    assert text.count(MISSING_GLYPH) == 3 + 1  # the emoji, three times, and the note
    assert "".join(MISSING_NOTE.split()) in text
    assert any("TinyCJK" in f for f in fonts) and any("DejaVu" in f for f in fonts)


def test_without_a_cjk_font_the_characters_are_boxes_with_the_note(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_pages, "CJK_FONT_FILES", ((tmp_path / "none.ttc",) * 2 + (0,),))
    pdf, text, fonts = rendered()
    assert pdf.cjk_loaded is False and pdf_pages.cjk_font_files() is None
    cjk = len("".join(CJK.split()))
    assert text.count(MISSING_GLYPH) == 3 * (cjk + 1) + 1  # CJK and emoji, and the note
    assert "李" not in text and pdf.missing_glyphs > 0
    assert "".join(MISSING_NOTE.split()) in text
    assert not any("CJK" in f for f in fonts)


def test_an_unreadable_font_file_gives_boxes_not_an_error(tmp_path, monkeypatch):
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font at all")
    monkeypatch.setattr(pdf_pages, "CJK_FONT_FILES", ((broken, broken, 0),))
    pdf, text, _ = rendered()
    assert pdf.cjk_loaded is False and "李" not in text and MISSING_GLYPH in text


def test_a_document_without_such_characters_never_loads_the_cjk_font(tmp_path, monkeypatch):
    font = tiny_cjk_font(tmp_path / "tiny-cjk.ttf", CJK)
    monkeypatch.setattr(pdf_pages, "CJK_FONT_FILES", ((font, font, 0),))
    pdf, text, fonts = rendered("Café, naïve, Ελληνικά, Кириллица: all in DejaVu Sans.")
    assert pdf.cjk_loaded is None and pdf.missing_glyphs == 0
    assert "Ελληνικά" in text and not any("CJK" in f for f in fonts)


@pytest.mark.skipif(
    pdf_pages.cjk_font_files() is None, reason="no CJK font installed (fonts-noto-cjk)"
)
def test_the_installed_noto_sans_cjk_draws_chinese_japanese_and_korean():
    pdf, text, fonts = rendered()
    assert pdf.cjk_loaded is True
    assert "".join(CJK.split()) in text and text.count(MISSING_GLYPH) == 3 + 1  # emoji only
    assert any("NotoSansCJK" in f for f in fonts)
    assert any("NotoSansCJK" in f and f.endswith("Bold") for f in fonts)  # the heading
