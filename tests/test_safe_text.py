"""Respondents' words on the pages: Markdown must show them as written."""

import re

from afterward.web.safe_text import plain


def test_character_references_are_not_decoded_by_markdown():
    # Streamlit's Markdown (CommonMark) turns "&#8238;" into U+202E and "&lt;" into "<":
    # an answer could slip a bidi override past show_bidi_controls. Escaped, it reads as typed.
    shown = plain("report &#8238;fdp.exe &amp; &lt;b&gt; \u202e")
    assert not re.search(r"(?<!\\)&", shown)
    assert "\\&\\#8238;fdp\\.exe" in shown and "\\[U\\+202E\\]" in shown
