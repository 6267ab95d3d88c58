"""Chart builders: plain functions from a small, already-gated DataFrame to a plotly Figure.

The frames come out of `afterward.services` (or a page) after the anonymity gate, so a hidden
value arrives as NaN. Builders draw NaN as a gap or a blank cell, never as zero, and an empty
frame as a figure that says "Not enough data yet" (a chart must never crash a page or report).
Category columns hold taxonomy ids; builders label them from the taxonomy in effect.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from analysis.anonymity import MERGED_GROUP
from analysis.insights import ALL_PROJECTS
from analysis.taxonomy import category_ids, category_label
from clock import ClockError, quarters_between

NOT_ENOUGH_DATA = "Not enough data yet"
# A title longer than this wraps onto the next line (a phone shows about 40 characters).
TITLE_WIDTH = 40
SUBTITLE_WIDTH = 50
# Category labels (themes, surveys) longer than this are cut on the axis.
TICK_WIDTH = 32
# "Responses per survey" draws the most recent surveys only: more bars are unreadable.
MAX_SURVEY_BARS = 25
HIDDEN_COLOR = "#BBBBBB"
# How a group merged by the anonymity gate reads: never "Other", which questionnaires offer
# as an answer of its own (a chart showing "Other" and "Other roles" reads as one group).
MERGED_GROUP_LABEL = "Small roles combined"
TREND_NOTE = "A gap: hidden (too few responses) or no survey that quarter"
HEATMAP_NOTE = "Blank: hidden (too few responses) or no survey · 0: surveyed, not raised"

# One qualitative palette (plotly's colour-blind-safe "Safe" set plus a grey) so a category
# has the same colour in every chart, page and report.
PALETTE: tuple[str, ...] = (
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
    "#117733",
    "#332288",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
    "#6699CC",
    "#888888",
)


def category_color(category: str) -> str:
    """A category's colour: its position in the taxonomy in effect, the same everywhere."""
    ids = category_ids()
    if category in ids:
        return PALETTE[ids.index(category) % len(PALETTE)]
    # Custom categories: a stable colour from the name (not hash(), which is salted per run).
    return PALETTE[sum(map(ord, str(category))) % len(PALETTE)]


def _series_color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _wrapped(text: str, width: int = TITLE_WIDTH) -> str:
    """Escaped text broken into lines of at most `width` characters (plotly never wraps)."""
    return "<br>".join(_label(line) for line in textwrap.wrap(str(text), width) or [""])


def _layout(
    fig: go.Figure,
    title: str,
    x_title: str,
    y_title: str,
    *,
    subtitle: str | None = None,
    **extra: object,
) -> go.Figure:
    """The one layout every chart shares: a title that wraps instead of running off a
    phone's screen, an optional subtitle (a short reading note), and the legend in a row
    under the plot, so it never squeezes the plot beside it on a narrow screen."""
    heading = _wrapped(title)
    note = _wrapped(subtitle, SUBTITLE_WIDTH) if subtitle else ""
    lines = heading.count("<br>") + 1 + (note.count("<br>") + 1 if note else 0)
    fig.update_layout(
        title={"text": heading, "x": 0, "xanchor": "left", "subtitle": {"text": note}},
        xaxis_title={"text": _label(x_title)},
        yaxis_title={"text": _label(y_title)},
        template="plotly_white",
        font={"size": 13},
        legend={
            "title": {"text": ""},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
            "font": {"size": 12},
        },
        margin={"l": 60, "r": 20, "t": 40 + 22 * lines, "b": 60},
        **extra,
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def empty_chart(title: str, x_title: str = "", y_title: str = "") -> go.Figure:
    """A figure with its title and a centred note instead of data."""
    fig = go.Figure()
    _layout(fig, title, x_title, y_title)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(
        text=NOT_ENOUGH_DATA,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": "#666666"},
    )
    return fig


def _is_empty(frame: pd.DataFrame | None, columns: Iterable[str], value: str) -> bool:
    if frame is None or frame.empty or any(c not in frame.columns for c in columns):
        return True
    return bool(pd.to_numeric(frame[value], errors="coerce").isna().all())


def _label(value: object) -> str:
    """Text for plotly, which reads labels as HTML-like markup: escape respondent text (theme
    labels) so `<b>` or `<script>` shows literally; plotly turns the entities back."""
    return html.escape(str(value), quote=False)


def _labels(values: Iterable[object]) -> list[str]:
    return [_label(v) for v in values]


def _numbers(values: pd.Series) -> list[float | None]:
    # None, not NaN, so plotly leaves a gap and JSON stays valid.
    return [None if pd.isna(v) else float(v) for v in values]


def _quarters(frame: pd.DataFrame) -> list[str]:
    """Every quarter from the first to the last in `frame`, those without data included,
    so the axis spaces quarters as time passes (a missing quarter is a visible gap)."""
    seen = sorted(frame["quarter"].astype(str).unique())
    try:
        return quarters_between(seen[0], seen[-1])
    except ClockError:  # not quarters after all: keep what is there
        return seen


def group_label(group: object) -> str:
    """How a breakdown group reads in a chart or caption: the anonymity gate's merged group
    gets `MERGED_GROUP_LABEL`, every other group its own name (escaped for plotly)."""
    return _label(MERGED_GROUP_LABEL if group == MERGED_GROUP else group)


def _readable_ticks(labels: list[str], limit: int = TICK_WIDTH) -> dict[str, object]:
    """Axis settings that label every category, a long label on two lines of at most
    `limit` characters (plotly never wraps; a label longer than the plot's room would
    squeeze the plot on a phone). Beyond two lines the middle goes: the end (a project,
    a quarter) tells labels apart. The whole label stays in the hover text."""
    return {
        "tickmode": "array",
        "tickvals": labels,
        "ticktext": [_two_lines(x, limit) for x in labels],
    }


def _two_lines(label: str, limit: int) -> str:
    lines = textwrap.wrap(html.unescape(label), limit) or [""]
    if len(lines) > 2:
        rest = " ".join(lines[1:])
        lines = [lines[0], "…" + rest[-(limit - 1) :]]
    return "<br>".join(_label(line) for line in lines)


def _unique(labels: list[str]) -> list[str]:
    """Labels made distinct ("A", "A (2)"): plotly puts bars with one label on one spot."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _pivot(frame: pd.DataFrame, index: str, columns: str, values: str) -> pd.DataFrame:
    """Sum per cell, keeping NaN (hidden) cells NaN: pivot_table would turn them into 0."""
    cells = frame.assign(**{index: frame[index].astype(str), columns: frame[columns].astype(str)})
    summed = cells.groupby([index, columns])[values].sum(min_count=1)
    return summed.unstack(columns)


def participation_chart(
    frame: pd.DataFrame, title: str = "Responses per survey", *, limit: int = MAX_SURVEY_BARS
) -> go.Figure:
    """Horizontal bars of responses per survey, newest on top; a survey whose results are
    hidden by the anonymity gate is a grey hatched bar that says "hidden".

    `frame`: survey (label), responses (released, count), optional response_rate (share of
    invitations used, 0-1, NaN without invitations; a used invitation may be a response
    still waiting for release, so a page drawing this says so), shown (bool) and
    needed (further responses before results show), optional status ("closed": a hidden
    bar says "No responses" — none released nor, with an optional waiting column, waiting —
    or "hidden: too few", not how many more), oldest first. Only
    the last `limit` rows are drawn; the subtitle says so.
    """
    x_title, y_title = "Responses", "Survey"
    if _is_empty(frame, ["survey", "responses"], "responses"):
        return empty_chart(title, x_title, y_title)
    total = len(frame)
    frame = frame.tail(limit)
    rates = (
        frame["response_rate"]
        if "response_rate" in frame
        else pd.Series(float("nan"), index=frame.index)
    )
    shown = frame["shown"].astype(bool) if "shown" in frame else pd.Series(True, index=frame.index)
    needed = frame["needed"] if "needed" in frame else pd.Series(0, index=frame.index)
    labels = _unique(_labels(frame["survey"]))
    fig = go.Figure()
    for visible in (True, False):
        rows = [i for i, s in enumerate(shown) if bool(s) == visible]
        if not rows:
            continue
        if visible:
            text = [
                "" if pd.isna(rates.iloc[i]) else f"{rates.iloc[i]:.0%} of invited" for i in rows
            ]
        else:
            # A closed survey takes no more answers: "N more needed" would mislead.
            closed = (
                frame["status"].eq("closed")
                if "status" in frame
                else pd.Series(False, index=frame.index)
            )
            given = frame["responses"].fillna(0) + (frame["waiting"] if "waiting" in frame else 0)
            text = [
                ("No responses" if not given.iloc[i] else "hidden: too few")
                if closed.iloc[i]
                else f"hidden: {int(needed.iloc[i])} more needed"
                if needed.iloc[i]
                else "hidden"
                for i in rows
            ]
        fig.add_trace(
            go.Bar(
                x=[_numbers(frame["responses"])[i] for i in rows],
                y=[labels[i] for i in rows],
                orientation="h",
                text=text,
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x} responses<extra></extra>",
                marker={
                    "color": PALETTE[0] if visible else HIDDEN_COLOR,
                    "pattern": {"shape": "" if visible else "/"},
                },
                name="Results shown" if visible else "Hidden: below the anonymity threshold",
            )
        )
    order = list(reversed(labels))  # plotly draws the first category at the bottom
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=order, **_readable_ticks(order)
    )
    # Room on the right for the bar text ("hidden: 2 more needed"), even on a phone.
    peak = pd.to_numeric(frame["responses"], errors="coerce").max()
    fig.update_xaxes(range=[0, float(peak) * 1.6], rangemode="tozero")
    subtitle = f"The {len(frame)} most recent of {total} surveys" if total > len(frame) else None
    return _layout(
        fig,
        title,
        x_title,
        y_title,
        subtitle=subtitle,
        height=170 + (34 if any(len(x) > TICK_WIDTH for x in labels) else 24) * len(frame),
        barmode="overlay",
        showlegend=not shown.all(),
    )


def rating_trend_chart(
    frame: pd.DataFrame,
    title: str = "Rating per quarter",
    *,
    scale: tuple[float, float] | None = None,
) -> go.Figure:
    """One line per project plus an "All projects" line; hidden points are gaps.

    `frame`: quarter, project, mean (NaN where suppressed). `scale` fixes the y range,
    e.g. (1, 5) for Likert questions.
    """
    x_title, y_title = "Quarter", "Mean rating"
    if _is_empty(frame, ["quarter", "project", "mean"], "mean"):
        return empty_chart(title, x_title, y_title)
    quarters = _quarters(frame)
    fig = go.Figure()
    projects = sorted(p for p in frame["project"].astype(str).unique() if p != ALL_PROJECTS)
    # "All projects" first, thin, grey and dotted: behind the projects, so a single project
    # (whose line it may equal) stays visible on top of it.
    for i, project in enumerate([ALL_PROJECTS, *projects]):
        rows = frame[frame["project"].astype(str) == project]
        if rows.empty:
            continue
        # Reindex on every quarter so a missing or hidden point breaks the line.
        means = rows.groupby("quarter")["mean"].first().reindex(quarters)
        is_all = project == ALL_PROJECTS
        fig.add_trace(
            go.Scatter(
                x=quarters,
                y=_numbers(means),
                name=_label(project),
                mode="lines+markers",
                connectgaps=False,
                line={
                    "color": "#777777" if is_all else _series_color(i - 1),
                    "width": 2 if is_all else 3,
                    "dash": "dot" if is_all else "solid",
                },
                marker={"size": 5 if is_all else 8},
            )
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=quarters)
    if scale is not None:
        fig.update_yaxes(range=[scale[0] - 0.2, scale[1] + 0.2])
    return _layout(fig, title, x_title, y_title)


def category_share_chart(
    frame: pd.DataFrame, title: str = "Root-cause categories per quarter"
) -> go.Figure:
    """Stacked bars: each category's share of the shown answers of a quarter.

    `frame`: quarter, category, answers (NaN where suppressed: left out of the stack).
    """
    x_title, y_title = "Quarter", "Share of answers"
    if _is_empty(frame, ["quarter", "category", "answers"], "answers"):
        return empty_chart(title, x_title, y_title)
    quarters = _quarters(frame)
    table = _pivot(frame, "quarter", "category", "answers").reindex(quarters)
    shares = table.div(table.sum(axis=1, min_count=1), axis=0)
    fig = go.Figure()
    order = table.sum().sort_values(ascending=False).index
    for category in order:
        fig.add_trace(
            go.Bar(
                x=quarters,
                y=_numbers(shares[category]),
                name=_label(category_label(category)),
                marker_color=category_color(category),
            )
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=quarters)
    fig.update_yaxes(tickformat=".0%", range=[0, 1])
    return _layout(fig, title, x_title, y_title, barmode="stack")


def category_by_project_chart(
    frame: pd.DataFrame, title: str = "Root-cause categories per project"
) -> go.Figure:
    """Stacked bars of answers per project, one colour per category.

    `frame`: project, category, answers (NaN where suppressed).
    """
    x_title, y_title = "Project", "Answers"
    if _is_empty(frame, ["project", "category", "answers"], "answers"):
        return empty_chart(title, x_title, y_title)
    projects = sorted(frame["project"].astype(str).unique())
    table = _pivot(frame, "project", "category", "answers").reindex(projects)
    fig = go.Figure()
    for category in table.sum().sort_values(ascending=False).index:
        fig.add_trace(
            go.Bar(
                x=_labels(projects),
                y=_numbers(table[category]),
                name=_label(category_label(category)),
                marker_color=category_color(category),
            )
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=_labels(projects))
    return _layout(fig, title, x_title, y_title, barmode="stack")


def theme_heatmap_chart(frame: pd.DataFrame, title: str = "Themes per quarter") -> go.Figure:
    """Theme x quarter heatmap of answer counts; suppressed cells stay blank.

    `frame`: theme (label), quarter, answers (NaN where suppressed). A theme absent from a
    quarter is a real zero.
    """
    x_title, y_title = "Quarter", "Theme"
    if _is_empty(frame, ["theme", "quarter", "answers"], "answers"):
        return empty_chart(title, x_title, y_title)
    quarters = _quarters(frame)
    table = _pivot(frame, "theme", "quarter", "answers").reindex(columns=quarters)
    present = (
        frame.assign(theme=frame["theme"].astype(str), quarter=frame["quarter"].astype(str))
        .groupby(["theme", "quarter"])
        .size()
        .unstack("quarter")
        .reindex(index=table.index, columns=quarters)
    )
    # No row for a cell -> a real 0; a row whose value is NaN -> hidden (blank); a quarter
    # without any row had no survey (blank too).
    surveyed = set(frame["quarter"].astype(str))
    table = table.where(present.notna() | ~table.columns.isin(surveyed), 0.0)
    order = table.sum(axis=1).sort_values().index  # biggest theme on top
    table = table.loc[order]
    z = [_numbers(row) for _, row in table.iterrows()]
    text = [["" if v is None else f"{v:.0f}" for v in row] for row in z]
    labels = _labels(table.index)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=quarters,
            y=labels,
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            hoverongaps=False,
            xgap=1,
            ygap=1,
            showscale=False,  # every cell shows its number: the scale only took room
        )
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=quarters)
    # Every row labelled: plotly would thin the labels of a tall category axis out.
    fig.update_yaxes(type="category", **_readable_ticks(labels))
    return _layout(
        fig, title, x_title, y_title, subtitle=HEATMAP_NOTE, height=190 + 22 * len(labels)
    )


def recurring_themes_chart(
    frame: pd.DataFrame, title: str = "Recurring themes across projects"
) -> go.Figure:
    """Horizontal bars: in how many projects each theme appeared.

    `frame`: theme (label), projects (count).
    """
    x_title, y_title = "Projects", "Theme"
    if _is_empty(frame, ["theme", "projects"], "projects"):
        return empty_chart(title, x_title, y_title)
    rows = frame.dropna(subset=["projects"]).sort_values("projects")
    fig = go.Figure(
        go.Bar(
            x=_numbers(rows["projects"]),
            y=_labels(rows["theme"]),
            orientation="h",
            marker_color=PALETTE[4],
            name="Projects",
        )
    )
    fig.update_yaxes(type="category")
    fig.update_xaxes(dtick=1, rangemode="tozero")
    return _layout(fig, title, x_title, y_title, showlegend=False, height=170 + 26 * len(rows))


def action_completion_chart(
    frame: pd.DataFrame, title: str = "Action items completed"
) -> go.Figure:
    """Project x quarter grid of how many of the actions decided then are done.

    `frame`: project, quarter, completion_rate (0-1), and optionally actions and done
    (counts). Each cell reads "2/3" (done / decided; the share when counts are missing) and
    is coloured from orange (none done) to blue (all done). A quarter in which a project
    decided no actions stays blank, so "nothing decided" never reads as "0% done"; the
    subtitle says so.
    """
    x_title, y_title = "Quarter decided", "Project"
    if _is_empty(frame, ["project", "quarter", "completion_rate"], "completion_rate"):
        return empty_chart(title, x_title, y_title)
    quarters = _quarters(frame)
    cells = frame.assign(project=frame["project"].astype(str), quarter=frame["quarter"].astype(str))
    cells = cells.groupby(["project", "quarter"]).first()
    projects = sorted(cells.index.get_level_values("project").unique(), reverse=True)
    counted = {"done", "actions"} <= set(cells.columns)
    z, text, hover = [], [], []
    for project in projects:
        row_z, row_text, row_hover = [], [], []
        for quarter in quarters:
            cell = cells.loc[(project, quarter)] if (project, quarter) in cells.index else None
            value = None if cell is None else cell["completion_rate"]
            rate = None if value is None or pd.isna(value) else float(value)
            if rate is None:
                label, note = "", "no action items decided"
            elif counted and pd.notna(cell["actions"]):
                label = f"{int(cell['done'])}/{int(cell['actions'])}"
                note = f"{int(cell['done'])} of {int(cell['actions'])} done ({rate:.0%})"
            else:
                label, note = f"{rate:.0%}", f"{rate:.0%} done"
            row_z.append(rate)
            row_text.append(label)
            row_hover.append(f"{_label(project)}, {quarter}: {note}")
        z.append(row_z)
        text.append(row_text)
        hover.append(row_hover)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=quarters,
            y=_labels(projects),
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=[[0.0, "#f7c59f"], [1.0, "#6fa8dc"]],
            zmin=0,
            zmax=1,
            xgap=3,
            ygap=3,
            hoverongaps=False,
            showscale=False,
        )
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=quarters)
    fig.update_yaxes(type="category", automargin=True)
    note = (
        "Actions done / decided that quarter; orange: none done yet. "
        "Blank: none decided (or only ones set to “not doing”)."
    )
    return _layout(fig, title, x_title, y_title, subtitle=note, height=160 + 42 * len(projects))


def theme_trend_chart(
    frame: pd.DataFrame,
    title: str = "Theme answers per quarter",
    *,
    surveyed: Iterable[str] = (),
) -> go.Figure:
    """One line per theme over quarters; hidden points and quarters without a survey are gaps.

    `frame`: theme (label), quarter, answers (NaN where suppressed). A quarter of `frame`, or
    of `surveyed` (quarters that had surveys, e.g. every quarter of the view when `frame`
    holds one theme), in which a theme has no row counts 0 for it.
    """
    x_title, y_title = "Quarter", "Answers"
    if _is_empty(frame, ["theme", "quarter", "answers"], "answers"):
        return empty_chart(title, x_title, y_title)
    surveyed = {str(q) for q in surveyed} | set(frame["quarter"].astype(str))
    quarters = _quarters(frame)
    fig = go.Figure()
    totals = frame.groupby(frame["theme"].astype(str))["answers"].sum()
    for i, theme in enumerate(totals.sort_values(ascending=False).index):
        rows = frame[frame["theme"].astype(str) == theme]
        values = rows.groupby("quarter")["answers"].sum(min_count=1).reindex(quarters)
        present = rows.groupby("quarter").size().reindex(quarters)
        absent = present.isna() & present.index.isin(sorted(surveyed))
        values = values.where(~absent, 0.0)  # absent = zero, NaN = hidden or no survey
        fig.add_trace(
            go.Scatter(
                x=quarters,
                y=_numbers(values),
                name=_label(theme),
                mode="lines+markers",
                connectgaps=False,
                line={"color": _series_color(i), "width": 2},
            )
        )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=quarters)
    fig.update_yaxes(rangemode="tozero")  # counts: a bar at 4 must not look like nothing
    return _layout(fig, title, x_title, y_title, subtitle=TREND_NOTE)


def role_breakdown_chart(
    frame: pd.DataFrame,
    title: str = "By stakeholder role",
    *,
    scale: tuple[float, float] | None = None,
) -> go.Figure:
    """Bars of the mean rating per stakeholder role; hidden groups are named, not drawn.

    `frame`: role, mean (NaN where suppressed), responses.
    """
    x_title, y_title = "Stakeholder role", "Mean rating"
    if _is_empty(frame, ["role", "mean"], "mean"):
        return empty_chart(title, x_title, y_title)
    roles = [group_label(r) for r in frame["role"]]
    text = [
        "hidden (too few)" if pd.isna(m) else f"n={int(n)}"
        for m, n in zip(frame["mean"], frame["responses"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=roles,
            y=_numbers(frame["mean"]),
            text=text,
            textposition="outside",
            marker_color=PALETTE[2],
            name="Mean",
        )
    )
    fig.update_xaxes(type="category")
    if scale is not None:
        fig.update_yaxes(range=[scale[0], scale[1] + 0.5])
    return _layout(fig, title, x_title, y_title, showlegend=False)
