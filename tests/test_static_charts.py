"""Static PNGs of every chart builder's output, drawn with matplotlib (no browser needed)."""

from __future__ import annotations

import io

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image

from afterward.output import charts
from afterward.output.static_charts import figure_png
from tests.test_charts import CASES

PNG = b"\x89PNG\r\n\x1a\n"
DEFAULT_SIZE = (900, 450)  # figure_png's default width x height


def decode(data: bytes) -> np.ndarray:
    """The PNG fully decoded (a truncated or corrupt file raises) as height x width x RGB."""
    assert data.startswith(PNG)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    image.load()
    return np.asarray(image.convert("RGB"))


def colours(pixels: np.ndarray) -> int:
    return len(np.unique(pixels.reshape(-1, 3), axis=0))


def ink(pixels: np.ndarray) -> float:
    """Share of pixels that are not (near) white: what was drawn on the page."""
    return float((pixels.min(axis=2) < 250).mean())


def coloured(pixels: np.ndarray) -> int:
    """Pixels in colour rather than grey: the series, never the axes, text or gridlines."""
    return int((pixels.max(axis=2).astype(int) - pixels.min(axis=2) > 40).sum())


def assert_drawn(pixels: np.ndarray, size: tuple[int, int] = DEFAULT_SIZE) -> None:
    width, height = size
    assert pixels.shape == (height, width, 3)
    # A blank canvas has one colour; anti-aliased text alone gives a couple of hundred.
    assert colours(pixels) >= 16, colours(pixels)
    assert ink(pixels) > 0.002, ink(pixels)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_builder_renders(name: str) -> None:
    builder, frame = CASES[name]
    assert_drawn(decode(figure_png(builder(frame))))


@pytest.mark.parametrize("name", sorted(CASES))
def test_empty_charts_render(name: str) -> None:
    builder, frame = CASES[name]
    assert_drawn(decode(figure_png(builder(frame.iloc[0:0]))))


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_chart_with_data_draws_more_than_an_empty_one(name: str) -> None:
    builder, frame = CASES[name]
    full = decode(figure_png(builder(frame)))
    empty = decode(figure_png(builder(frame.iloc[0:0])))
    assert not np.array_equal(full, empty)
    # The bars, lines and cells are drawn in colour; an empty chart has only grey text and axes.
    assert coloured(full) - coloured(empty) >= 100, (coloured(full), coloured(empty))


def test_size_is_respected() -> None:
    assert_drawn(
        decode(figure_png(charts.empty_chart("Nothing"), width=640, height=320)), (640, 320)
    )
    builder, frame = CASES["participation"]
    assert_drawn(decode(figure_png(builder(frame), width=400, height=700)), (400, 700))


def test_unusual_figures_do_not_crash() -> None:
    figures = [
        go.Figure(),  # no traces, no title
        go.Figure(go.Bar(x=["a", "b"], y=[None, None])),  # all gaps
        go.Figure(go.Bar(y=["a"], x=[1], orientation="h", text=["one"])),
        go.Figure(go.Scatter(x=[1, 2, 3], y=[1, None, 2], mode="markers")),  # numeric x
        go.Figure(go.Heatmap(z=[[None, None]], x=["q1", "q2"], y=["t"])),  # every cell hidden
    ]
    for fig in figures:
        assert_drawn(decode(figure_png(fig)))


def test_escaped_labels_render_as_plain_text() -> None:
    # The builders escape respondent text for plotly; the PNG shows it as plotly.js would.
    from afterward.output.static_charts import _plain

    assert _plain("&lt;script&gt; &amp; co") == "<script> & co"
