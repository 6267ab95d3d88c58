"""Chart builders: titles and axis titles, readable labels, gaps for hidden values, empty frames."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import pytest

from afterward.output import charts

NAN = float("nan")
Q = ["2026Q1", "2026Q2", "2026Q3"]

# Each builder with a tiny hand-made frame (one hidden value where the chart has values).
CASES: dict[str, tuple[Callable[..., go.Figure], pd.DataFrame]] = {
    "participation": (
        charts.participation_chart,
        pd.DataFrame(
            {"survey": ["Web shop", "Harbour"], "responses": [12, 5], "response_rate": [0.6, NAN]}
        ),
    ),
    "rating_trend": (
        charts.rating_trend_chart,
        pd.DataFrame(
            {
                "quarter": Q * 2,
                "project": ["Web shop"] * 3 + [charts.ALL_PROJECTS] * 3,
                "mean": [3.0, NAN, 4.0, 3.2, 3.5, 3.9],
            }
        ),
    ),
    "category_share": (
        charts.category_share_chart,
        pd.DataFrame(
            {
                "quarter": ["2026Q1", "2026Q1", "2026Q2", "2026Q2"],
                "category": ["estimation_schedule", "testing_quality"] * 2,
                "answers": [3.0, 1.0, NAN, 4.0],
            }
        ),
    ),
    "category_by_project": (
        charts.category_by_project_chart,
        pd.DataFrame(
            {
                "project": ["A", "A", "B"],
                "category": ["estimation_schedule", "testing_quality", "testing_quality"],
                "answers": [3.0, NAN, 5.0],
            }
        ),
    ),
    "theme_heatmap": (
        charts.theme_heatmap_chart,
        pd.DataFrame(
            {
                "theme": ["flaky CI", "flaky CI", "late scope"],
                "quarter": ["2026Q1", "2026Q2", "2026Q1"],
                "answers": [3.0, NAN, 5.0],
            }
        ),
    ),
    "recurring_themes": (
        charts.recurring_themes_chart,
        pd.DataFrame({"theme": ["flaky CI", "late scope"], "projects": [3, 1]}),
    ),
    "action_completion": (
        charts.action_completion_chart,
        pd.DataFrame(
            {
                "project": ["A", "B", "A"],
                "quarter": ["2026Q2", "2026Q2", "2026Q3"],
                "completion_rate": [0.5, 1.0, 0.25],
            }
        ),
    ),
    "theme_trend": (
        charts.theme_trend_chart,
        pd.DataFrame(
            {
                "theme": ["flaky CI", "flaky CI", "late scope"],
                "quarter": ["2026Q1", "2026Q2", "2026Q2"],
                "answers": [1.0, NAN, 3.0],
            }
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_builder_draws_small_frame(name: str) -> None:
    builder, frame = CASES[name]
    fig = builder(frame)
    assert isinstance(fig, go.Figure) and fig.data
    assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    assert not fig.layout.annotations  # no "Not enough data" note
    fig.to_json()  # serialisable: no NaN or numpy leftovers that break the browser


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("empty", ["no rows", "no columns", "all hidden"])
def test_builder_survives_empty_frame(name: str, empty: str) -> None:
    builder, frame = CASES[name]
    if empty == "no rows":
        frame = frame.iloc[0:0]
    elif empty == "no columns":
        frame = pd.DataFrame()
    else:
        value = frame.columns[-1] if name != "participation" else "responses"
        frame = frame.assign(**{value: NAN})
    fig = builder(frame)
    assert not fig.data
    assert [a.text for a in fig.layout.annotations] == [charts.NOT_ENOUGH_DATA]
    assert fig.layout.title.text


def test_rating_trend_hidden_point_is_a_gap() -> None:
    fig = charts.rating_trend_chart(CASES["rating_trend"][1])
    line = next(t for t in fig.data if t.name == "Web shop")
    assert list(line.x) == Q and list(line.y) == [3.0, None, 4.0]
    assert line.connectgaps is False


def test_a_single_project_is_drawn_on_top_of_all_projects_and_looks_different() -> None:
    # One project is all of the data: its line equals "All projects" and used to hide under it.
    frame = pd.DataFrame(
        {
            "quarter": Q * 2,
            "project": ["Web shop"] * 3 + [charts.ALL_PROJECTS] * 3,
            "mean": [3.0, 3.5, 4.0] * 2,
        }
    )
    fig = charts.rating_trend_chart(frame)
    assert [t.name for t in fig.data] == [charts.ALL_PROJECTS, "Web shop"]  # last drawn on top
    everyone, project = fig.data
    assert everyone.line.dash != "solid" and project.line.dash == "solid"
    assert project.line.width > everyone.line.width
    assert project.line.color != everyone.line.color


def test_quarter_axis_keeps_a_place_for_a_quarter_without_data() -> None:
    frame = pd.DataFrame(
        {"quarter": ["2025Q3", "2026Q1"], "project": ["A", "A"], "mean": [3.0, 4.0]}
    )
    fig = charts.rating_trend_chart(frame)
    assert list(fig.layout.xaxis.categoryarray) == ["2025Q3", "2025Q4", "2026Q1"]
    assert list(fig.data[0].y) == [3.0, None, 4.0]
    themes = pd.DataFrame({"theme": ["x", "x"], "quarter": ["2025Q4", "2026Q2"], "answers": [2, 3]})
    heat = charts.theme_heatmap_chart(themes)
    assert list(heat.data[0].x) == ["2025Q4", "2026Q1", "2026Q2"]
    assert list(heat.data[0].z[0]) == [2.0, None, 3.0]  # no survey: blank, not 0
    one = pd.DataFrame({"theme": ["x", "x"], "quarter": ["2025Q4", "2026Q2"], "answers": [2, 3]})
    assert list(charts.theme_trend_chart(one).data[0].y) == [2.0, None, 3.0]
    surveyed = charts.theme_trend_chart(one, surveyed={"2025Q4", "2026Q1", "2026Q2"})
    assert list(surveyed.data[0].y) == [2.0, 0.0, 3.0]  # surveyed, theme not raised


def test_theme_answers_axis_starts_at_zero() -> None:
    frame = pd.DataFrame({"theme": ["x"] * 3, "quarter": Q, "answers": [6.0, 8.0, 7.0]})
    assert charts.theme_trend_chart(frame).layout.yaxis.rangemode == "tozero"


def test_heatmap_labels_every_row_and_explains_blank_and_zero() -> None:
    themes = [f"theme {i:02d}" for i in range(30)]
    frame = pd.DataFrame(
        {"theme": themes, "quarter": ["2026Q1"] * 30, "answers": [float(i + 1) for i in range(30)]}
    )
    fig = charts.theme_heatmap_chart(frame)
    assert fig.layout.yaxis.tickmode == "array"
    assert sorted(fig.layout.yaxis.tickvals) == sorted(themes)
    assert fig.layout.height >= 30 * 20  # room for every label to be read
    note = fig.layout.title.subtitle.text
    assert "Blank" in note and "hidden" in note and "0" in note


def test_participation_marks_hidden_surveys_and_limits_the_bars() -> None:
    frame = pd.DataFrame(
        {
            "survey": [f"Project · 2026Q{1 + i % 4} #{i}" for i in range(40)],
            "responses": [8] * 39 + [2],
            "shown": [True] * 39 + [False],
            "needed": [0] * 39 + [1],
        }
    )
    fig = charts.participation_chart(frame)
    bars = {t.name: t for t in fig.data}
    assert all(t.orientation == "h" for t in fig.data)  # labels read across, not rotated
    shown = bars["Results shown"]
    hidden = next(t for name, t in bars.items() if name.startswith("Hidden"))
    assert len(shown.y) + len(hidden.y) == charts.MAX_SURVEY_BARS
    assert list(hidden.y) == ["Project · 2026Q4 #39"] and list(hidden.text) == [
        "hidden: 1 more needed"
    ]
    assert hidden.marker.pattern.shape and hidden.marker.color != shown.marker.color
    assert fig.layout.yaxis.categoryarray[0] == "Project · 2026Q4 #39"  # newest on top
    assert "25 most recent of 40" in fig.layout.title.subtitle.text


def test_duplicate_survey_labels_get_bars_of_their_own() -> None:
    frame = pd.DataFrame({"survey": ["A · 2026Q1", "A · 2026Q1"], "responses": [3, 4]})
    assert list(charts.participation_chart(frame).data[0].y) == ["A · 2026Q1", "A · 2026Q1 (2)"]


def test_every_chart_puts_its_legend_in_a_row_and_wraps_long_titles() -> None:
    for name, (builder, frame) in CASES.items():
        if name == "action_completion":  # drawn by its own owner
            continue
        legend = builder(frame).layout.legend
        assert legend.orientation == "h", name
    long = "Incident response quality for the Lighthouse mobile app project"
    fig = charts.rating_trend_chart(CASES["rating_trend"][1], long)
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) > 1 and all(len(line) <= charts.TITLE_WIDTH for line in lines)
    assert "Lighthouse mobile app" in fig.layout.title.text.replace("<br>", " ")


def test_merged_group_reads_apart_from_an_other_answer() -> None:
    from analysis.anonymity import MERGED_GROUP

    frame = pd.DataFrame({"role": ["Other", MERGED_GROUP], "mean": [3.0, 4.0], "responses": [5, 6]})
    names = list(charts.role_breakdown_chart(frame).data[0].x)
    assert names[0] == "Other" and names[1] == charts.MERGED_GROUP_LABEL
    assert "other" not in names[1].lower()


def test_missing_quarter_is_a_gap_too() -> None:
    frame = pd.DataFrame(
        {
            "quarter": ["2026Q1", "2026Q3", "2026Q2"],
            "project": ["A", "A", "B"],
            "mean": [3.0, 4.0, 2.0],
        }
    )
    a = next(t for t in charts.rating_trend_chart(frame).data if t.name == "A")
    assert list(a.y) == [3.0, None, 4.0]


def test_category_share_uses_short_names_and_leaves_hidden_out() -> None:
    fig = charts.category_share_chart(CASES["category_share"][1])
    names = {t.name: t for t in fig.data}
    assert set(names) == {"Estimation &amp; schedule", "Testing &amp; quality"}
    assert list(names["Estimation &amp; schedule"].y) == [0.75, None]
    assert list(names["Testing &amp; quality"].y) == [0.25, 1.0]
    assert fig.layout.barmode == "stack"


def test_categories_keep_their_colour_across_charts() -> None:
    share = charts.category_share_chart(CASES["category_share"][1])
    by_project = charts.category_by_project_chart(CASES["category_by_project"][1])
    colours = {t.name: t.marker.color for t in share.data}
    assert all(colours[t.name] == t.marker.color for t in by_project.data)
    assert charts.category_color("estimation_schedule") != charts.category_color("testing_quality")


def test_chart_labels_come_from_the_taxonomy_in_effect(tmp_path, monkeypatch) -> None:
    import yaml

    from analysis.taxonomy import DEFAULT_TAXONOMY_PATH, category_label

    # The shipped taxonomy names every category itself (no second copy in the charts).
    for entry in yaml.safe_load(DEFAULT_TAXONOMY_PATH.read_text())["categories"]:
        assert category_label(entry["id"]) == entry["label"]
    custom = tmp_path / "taxonomy.yaml"
    custom.write_text(
        "categories:\n"
        "  - id: vendor_issues\n    label: Vendors let us down\n    description: Vendors.\n"
        "  - id: people_gaps\n    description: Not enough people.\n"
    )
    monkeypatch.setenv("AFTERWARD_TAXONOMY", str(custom))
    fig = charts.category_share_chart(
        pd.DataFrame(
            {
                "quarter": ["2026Q1", "2026Q1"],
                "category": ["vendor_issues", "people_gaps"],
                "answers": [3.0, 2.0],
            }
        )
    )
    assert {t.name for t in fig.data} == {"Vendors let us down", "People gaps"}
    assert charts.category_color("vendor_issues") != charts.category_color("people_gaps")


def test_heatmap_hidden_cells_blank_absent_cells_zero() -> None:
    fig = charts.theme_heatmap_chart(CASES["theme_heatmap"][1])
    heat = fig.data[0]
    cells = dict(zip(heat.y, heat.z, strict=True))
    assert list(cells["flaky CI"]) == [3.0, None]  # hidden in Q2
    assert list(cells["late scope"]) == [5.0, 0.0]  # not mentioned in Q2
    assert list(heat.y)[-1] == "late scope"  # biggest theme on top


def test_theme_trend_hidden_is_gap_absent_is_zero() -> None:
    fig = charts.theme_trend_chart(CASES["theme_trend"][1])
    lines = {t.name: list(t.y) for t in fig.data}
    assert lines == {"late scope": [0.0, 3.0], "flaky CI": [1.0, None]}


def test_participation_shows_response_rate_text() -> None:
    fig = charts.participation_chart(CASES["participation"][1])
    assert list(fig.data[0].text) == ["60% of invited", ""]


def test_respondent_text_is_escaped_for_plotly() -> None:
    frame = pd.DataFrame({"theme": ["<b>boss</b> & <script>x</script>"], "projects": [2]})
    fig = charts.recurring_themes_chart(frame)
    assert list(fig.data[0].y) == ["&lt;b&gt;boss&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"]


def test_long_axis_labels_wrap_and_keep_their_end() -> None:
    survey = "Project post-mortem: Lighthouse mobile app 2026Q4"
    longest = "Incident review: a very long title about a failover that took all night · 2026Q2"
    frame = pd.DataFrame({"survey": ["Web shop · 2026Q3", survey, longest], "responses": [5, 6, 7]})
    axis = charts.participation_chart(frame).layout.yaxis
    shown = dict(zip(axis.tickvals, axis.ticktext, strict=True))
    assert shown["Web shop · 2026Q3"] == "Web shop · 2026Q3"
    assert shown[survey].replace("<br>", " ") == survey  # whole, on two lines
    lines = shown[longest].split("<br>")
    assert len(lines) == 2 and all(len(line) <= charts.TICK_WIDTH for line in lines)
    assert lines[1].endswith("· 2026Q2")
