"""Static PNGs of every chart builder's output, drawn with matplotlib (no browser needed)."""

from __future__ import annotations

import io

import plotly.graph_objects as go
import pytest
from PIL import Image

from afterward.output import charts
from afterward.output.static_charts import figure_png
from tests.test_charts import CASES

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_builder_renders(name: str) -> None:
    builder, frame = CASES[name]
    data = figure_png(builder(frame))
    assert data.startswith(PNG)


@pytest.mark.parametrize("name", sorted(CASES))
def test_empty_charts_render(name: str) -> None:
    builder, frame = CASES[name]
    assert figure_png(builder(frame.iloc[0:0])).startswith(PNG)


def test_size_is_respected() -> None:
    data = figure_png(charts.empty_chart("Nothing"), width=640, height=320)
    assert Image.open(io.BytesIO(data)).size == (640, 320)


def test_unusual_figures_do_not_crash() -> None:
    figures = [
        go.Figure(),  # no traces, no title
        go.Figure(go.Bar(x=["a", "b"], y=[None, None])),  # all gaps
        go.Figure(go.Bar(y=["a"], x=[1], orientation="h", text=["one"])),
        go.Figure(go.Scatter(x=[1, 2, 3], y=[1, None, 2], mode="markers")),  # numeric x
        go.Figure(go.Heatmap(z=[[None, None]], x=["q1", "q2"], y=["t"])),  # every cell hidden
    ]
    for fig in figures:
        assert figure_png(fig).startswith(PNG)


def test_escaped_labels_render_as_plain_text() -> None:
    # The builders escape respondent text for plotly; the PNG shows it as plotly.js would.
    from afterward.output.static_charts import _plain

    assert _plain("&lt;script&gt; &amp; co") == "<script> & co"
