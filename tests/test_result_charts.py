"""The survey results page's charts: geometry, labels, legends and empty frames."""

from __future__ import annotations

import pandas as pd
import pytest

from afterward.output import result_charts
from afterward.output.charts import NOT_ENOUGH_DATA


def bands(names, counts):
    total = sum(counts)
    return pd.DataFrame(
        {"band": names, "responses": counts, "share": [c / total if total else 0 for c in counts]}
    )


def test_likert_diverges_around_zero_with_neutral_centred():
    fig = result_charts.likert_chart(bands(["Unfavourable", "Neutral", "Favourable"], [2, 2, 6]))
    bars = {t.name: t for t in fig.data}
    assert list(bars) == ["Unfavourable", "Neutral", "Favourable"]
    assert bars["Neutral"].base[0] == pytest.approx(-10) and bars["Neutral"].x[0] == 20
    assert bars["Unfavourable"].base[0] + bars["Unfavourable"].x[0] == pytest.approx(-10)
    assert bars["Unfavourable"].base[0] == pytest.approx(-30)
    assert bars["Favourable"].base[0] == pytest.approx(10) and bars["Favourable"].x[0] == 60
    assert [t.text[0] for t in fig.data] == ["20%", "20%", "60%"]
    assert fig.layout.legend.orientation == "h"  # never a side legend squeezing a phone
    colours = {t.name: t.marker.color for t in fig.data}
    assert colours["Unfavourable"] != colours["Favourable"]


def test_nps_bar_and_score():
    groups = bands(["Detractors", "Passives", "Promoters"], [3, 2, 5])
    fig = result_charts.nps_chart(groups, 20.0)
    assert fig.layout.title.text.startswith("NPS +20")
    assert [t.x[0] for t in fig.data] == [30, 20, 50]
    assert fig.layout.barmode == "stack" and fig.layout.legend.orientation == "h"
    assert not result_charts.nps_chart(groups, 20.0, show_score=False).layout.title.text


def test_rating_histogram_keeps_every_value():
    counts = pd.DataFrame(
        {"value": [str(v) for v in range(11)], "label": "", "responses": [0] * 9 + [4, 1]}
    ).assign(share=lambda f: f["responses"] / 5)
    fig = result_charts.rating_chart(counts)
    assert list(fig.data[0].x) == [str(v) for v in range(11)]
    assert list(fig.data[0].text)[-2:] == ["4", "1"] and fig.data[0].text[0] == ""
    assert fig.data[0].marker.color == result_charts.BLUE
    grouped = result_charts.rating_chart(
        counts.assign(band=["Detractors"] * 7 + ["Passives"] * 2 + ["Promoters"] * 2)
    )
    colours = list(grouped.data[0].marker.color)
    assert colours[0] == result_charts.VERMILLION and colours[-1] == result_charts.BLUE
    assert colours[7] == result_charts.GREY


def test_choice_labels_are_inert_and_in_questionnaire_order():
    counts = pd.DataFrame(
        {"value": ["<b>A</b>", "B"], "label": ["<b>A</b>", "B"], "responses": [2, 1]}
    ).assign(share=lambda f: f["responses"] / 3)
    fig = result_charts.choice_chart(counts)
    assert list(fig.data[0].y) == ["B", "&lt;b&gt;A&lt;/b&gt;"]  # first option on top


@pytest.mark.parametrize(
    "figure",
    [
        lambda: result_charts.likert_chart(pd.DataFrame(columns=["band", "responses", "share"])),
        lambda: result_charts.nps_chart(bands(["Detractors"], [0]), None),
        lambda: result_charts.rating_chart(pd.DataFrame()),
        lambda: result_charts.choice_chart(pd.DataFrame()),
    ],
)
def test_nothing_to_draw_says_so(figure):
    assert figure().layout.annotations[0].text == NOT_ENOUGH_DATA
