"""Charts of one survey's results page: plain functions from small, already-gated frames
(`afterward.services.survey_results.QuestionResult`'s `bands` and `counts`) to plotly figures.

Colours are the Okabe-Ito colour-blind-safe set: unfavourable / detractors in vermillion,
neutral / passives in grey, favourable / promoters in blue, so the two ends differ in hue and
lightness for every kind of colour vision. Legends sit above the plot, horizontally, so a
390 px wide phone keeps the whole width for the bars. An empty frame gives a figure that
says "Not enough data yet" (`charts.empty_chart`); a chart never crashes a page.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from afterward.output.charts import empty_chart

VERMILLION, GREY, BLUE, SKY = "#D55E00", "#BBBBBB", "#0072B2", "#56B4E9"
# Band -> colour, in chart order: one meaning per colour on the whole page.
BAND_COLORS: dict[str, str] = {
    "Unfavourable": VERMILLION,
    "Neutral": GREY,
    "Favourable": BLUE,
    "Detractors": VERMILLION,
    "Passives": GREY,
    "Promoters": BLUE,
}
_LEGEND = {
    "orientation": "h",
    "yanchor": "bottom",
    "y": 1.0,
    "xanchor": "left",
    "x": 0,
    "title": {"text": ""},
    "traceorder": "normal",
}


def _text(value: object) -> str:
    """Respondent or questionnaire text for plotly, which reads labels as markup."""
    return html.escape(str(value), quote=False)


def _layout(fig: go.Figure, height: int, **extra: object) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        height=height,
        margin={"l": 8, "r": 8, "t": 36, "b": 8},
        legend=_LEGEND,
        font={"size": 13},
        **extra,
    )
    return fig


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _has_answers(frame: pd.DataFrame | None) -> bool:
    return frame is not None and not frame.empty and int(frame["responses"].sum()) > 0


def likert_chart(bands: pd.DataFrame, title: str = "") -> go.Figure:
    """A diverging stacked bar of one Likert question: unfavourable to the left of zero,
    neutral centred on it (half each side), favourable to the right, each labelled with its
    share. `bands`: band (Unfavourable, Neutral, Favourable), responses (count), share
    (0-1). The x axis runs from -100% to 100%."""
    if not _has_answers(bands):
        return empty_chart(title)
    share = dict(zip(bands["band"], bands["share"].astype(float), strict=True))
    count = dict(zip(bands["band"], bands["responses"].astype(int), strict=True))
    neutral = share.get("Neutral", 0.0)
    # (band, start, width) in percent of answers: neutral straddles zero.
    segments = [
        (
            "Unfavourable",
            -neutral / 2 - share.get("Unfavourable", 0.0),
            share.get("Unfavourable", 0.0),
        ),
        ("Neutral", -neutral / 2, neutral),
        ("Favourable", neutral / 2, share.get("Favourable", 0.0)),
    ]
    fig = go.Figure()
    for band, start, width in segments:
        fig.add_bar(
            name=band,
            y=[""],
            x=[100 * width],
            base=[100 * start],
            orientation="h",
            marker_color=BAND_COLORS[band],
            text=[_percent(width) if width >= 0.06 else ""],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"color": "#222222" if band == "Neutral" else "#FFFFFF", "size": 14},
            hovertemplate=f"{band}: {_percent(width)} ({count.get(band, 0)})<extra></extra>",
        )
    fig.add_vline(x=0, line_width=1, line_color="#444444")
    _layout(fig, 96, barmode="overlay", title={"text": _text(title)} if title else None)
    fig.update_xaxes(range=[-100, 100], ticksuffix="%", zeroline=False, showgrid=False)
    fig.update_xaxes(tickvals=[-100, -50, 0, 50, 100], ticktext=["100%", "50%", "0", "50%", "100%"])
    fig.update_yaxes(showticklabels=False)
    return fig


def rating_chart(counts: pd.DataFrame, title: str = "") -> go.Figure:
    """A histogram of one rating question: one bar per value of the scale (zero counts
    kept, so the shape is honest), labelled with its count. `counts`: value (str), label,
    responses (count), share (0-1) and optionally band (a key of BAND_COLORS, e.g. an NPS
    group: each bar then takes its band's colour)."""
    if not _has_answers(counts):
        return empty_chart(title)
    fig = go.Figure(
        go.Bar(
            x=[_text(v) for v in counts["value"]],
            y=counts["responses"].astype(int).tolist(),
            marker_color=(
                [BAND_COLORS.get(b, BLUE) for b in counts["band"]]
                if "band" in counts.columns
                else BLUE
            ),
            text=[str(int(n)) if n else "" for n in counts["responses"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y} responses<extra></extra>",
        )
    )
    _layout(fig, 200, showlegend=False, title={"text": _text(title)} if title else None)
    fig.update_xaxes(type="category", title={"text": ""})
    fig.update_yaxes(rangemode="tozero", showticklabels=False)
    return fig


def nps_chart(
    bands: pd.DataFrame, nps: float | None, title: str = "", *, show_score: bool = True
) -> go.Figure:
    """Net Promoter Score: detractors, passives and promoters as one 100% bar, each labelled
    with its share, and (with `show_score`) the score (promoters % - detractors %, -100 to
    100) in the title. `bands`: band (Detractors, Passives, Promoters), responses (count),
    share (0-1)."""
    if not _has_answers(bands) or nps is None:
        return empty_chart(title)
    fig = go.Figure()
    for band, share, n in zip(bands["band"], bands["share"], bands["responses"], strict=True):
        fig.add_bar(
            name=band,
            y=[""],
            x=[100 * float(share)],
            orientation="h",
            marker_color=BAND_COLORS[band],
            text=[_percent(share) if share >= 0.06 else ""],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"color": "#222222" if band == "Passives" else "#FFFFFF", "size": 14},
            hovertemplate=f"{band}: {_percent(share)} ({int(n)})<extra></extra>",
        )
    heading = " · ".join(
        [*([f"NPS {nps:+.0f}"] if show_score else []), *([_text(title)] if title else [])]
    )
    if heading:
        _layout(fig, 120, barmode="stack", title={"text": heading, "x": 0, "y": 0.97})
        fig.update_layout(margin={"l": 8, "r": 8, "t": 64, "b": 8})
    else:
        _layout(fig, 96, barmode="stack")
    fig.update_xaxes(range=[0, 100], ticksuffix="%", showgrid=False)
    fig.update_yaxes(showticklabels=False)
    return fig


def choice_chart(counts: pd.DataFrame, title: str = "") -> go.Figure:
    """Horizontal bars of a choice, yes/no or multiple-choice question, one per option in
    questionnaire order, labelled with count and share. `counts`: value, label,
    responses (count), share (0-1 of those who answered; multiple choice may sum above 1)."""
    if not _has_answers(counts):
        return empty_chart(title)
    frame = counts.iloc[::-1]  # plotly draws the first category at the bottom
    fig = go.Figure(
        go.Bar(
            y=[_text(v) for v in frame["label"]],
            x=frame["responses"].astype(int).tolist(),
            orientation="h",
            marker_color=SKY,
            text=[
                f"{int(n)} ({_percent(s)})"
                for n, s in zip(frame["responses"], frame["share"], strict=True)
            ],
            textposition="auto",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    height = 60 + 34 * len(frame)
    _layout(fig, height, showlegend=False, title={"text": _text(title)} if title else None)
    fig.update_layout(margin={"l": 8, "r": 8, "t": 24 if title else 8, "b": 8})
    fig.update_xaxes(showticklabels=False, showgrid=False)
    fig.update_yaxes(automargin=True)
    return fig


def question_charts(
    chart: str, bands: pd.DataFrame, counts: pd.DataFrame, nps: float | None = None
) -> list[go.Figure]:
    """The figures of one question on the results page, by its `chart` kind ("likert",
    "nps", "rating", "choice"; anything else has none): an NPS question shows its groups
    and its 0-10 histogram."""
    if chart == "likert":
        return [likert_chart(bands)]
    if chart == "nps":
        # The page shows the score beside the chart as a number.
        return [nps_chart(bands, nps, show_score=False), rating_chart(counts)]
    if chart == "rating":
        return [rating_chart(counts)]
    if chart == "choice":
        return [choice_chart(counts)]
    return []
