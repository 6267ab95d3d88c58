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


def visible_texts(figure) -> list:
    from matplotlib.text import Text

    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_text_is_smaller_than_8_points(name: str) -> None:
    from afterward.output.static_charts import render

    builder, frame = CASES[name]
    figure = render(builder(frame), 1400, 700, dpi=200)
    figure.canvas.draw()
    sizes = {t.get_text(): t.get_fontsize() for t in visible_texts(figure)}
    assert sizes and min(sizes.values()) >= 8, sizes


def test_legend_sits_under_the_plot_not_beside_it() -> None:
    from afterward.output.static_charts import render

    builder, frame = CASES["category_share"]
    figure = render(builder(frame), 900, 450)
    figure.canvas.draw()
    [legend] = figure.legends
    box, plot = legend.get_window_extent(), figure.axes[0].get_window_extent()
    assert box.y1 <= plot.y0  # below the plot
    assert plot.width > 0.75 * figure.bbox.width  # the plot keeps the width


def test_long_titles_and_labels_wrap_instead_of_being_cut() -> None:
    import pandas as pd

    from afterward.output.static_charts import render

    survey = "Project post-mortem: Lighthouse mobile app 2026Q4"
    frame = pd.DataFrame({"survey": [survey, "Sprint retro: Data pipeline"], "responses": [7, 5]})
    title = "Responses per survey for every project of the quarter, 2026Q4 and earlier ones"
    figure = render(charts.participation_chart(frame, title), 700, 400)
    figure.canvas.draw()
    texts = " ".join(t.get_text() for t in visible_texts(figure))
    flat = texts.replace("\n", " ")
    assert title in flat  # whole, on several lines
    assert survey in flat  # the project name survives
    right = figure.bbox.x1
    words = [t for t in visible_texts(figure) if any(c.isalpha() for c in t.get_text())]
    assert all(t.get_window_extent().x1 <= right + 1 for t in words)  # nothing runs off


def test_bar_text_stays_with_its_bar_whatever_the_axis_order() -> None:
    import pandas as pd

    from afterward.output.static_charts import render

    frame = pd.DataFrame(
        {"survey": ["Old", "New"], "responses": [4, 9], "response_rate": [0.1, 0.9]}
    )
    figure = render(charts.participation_chart(frame), 900, 450)
    ax = figure.axes[0]
    rows = {
        label.get_text(): pos
        for label, pos in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)
    }
    notes = {t.get_text().strip(): t.get_position() for t in ax.texts}
    assert notes["10% of invited"] == (4, rows["Old"])
    assert notes["90% of invited"] == (9, rows["New"])


def test_hidden_survey_bars_are_hatched() -> None:
    import pandas as pd

    from afterward.output.static_charts import render

    frame = pd.DataFrame(
        {"survey": ["A", "B"], "responses": [6, 2], "shown": [True, False], "needed": [0, 1]}
    )
    ax = render(charts.participation_chart(frame), 900, 450).axes[0]
    hatches = [patch.get_hatch() for patch in ax.patches if patch.get_width() > 0]
    assert sorted(map(bool, hatches)) == [False, True]
    assert any(t.get_text().strip() == "hidden: 1 more needed" for t in ax.texts)
