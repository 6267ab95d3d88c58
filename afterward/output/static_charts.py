"""PNG images of our plotly charts, drawn with matplotlib.

plotly's own image export (kaleido) needs a Chrome install that a fresh machine lacks, so the
PDF report redraws each figure from its traces and layout (`fig.data`, `fig.layout`). This
covers what `afterward.charts` builds: vertical/horizontal bars (stacked or grouped, with
text), lines with markers and gaps, heatmaps with cell text, paper annotations, titles and
axis titles. It is not a general plotly renderer.
"""

from __future__ import annotations

import html
import io
import math
import re
import textwrap
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # no display on servers; set before anything imports pyplot

import numpy as np  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

DPI = 100
_DASHES = {"solid": "-", "dash": "--", "dot": ":", "dashdot": "-."}
# Text sizes in points: at the size the image is printed (see `figure_png`'s `dpi`), nothing
# is smaller than MIN_FONT, the least a printed review can be read at.
MIN_FONT = 8
TITLE_FONT = 12
SUBTITLE_FONT = 9
LABEL_FONT = 9
_HATCHES = {"/": "//", "\\": "\\\\", "x": "xx", "-": "--", "|": "||", "+": "++", ".": ".."}


def figure_png(fig: go.Figure, width: int = 900, height: int = 450, *, dpi: int = DPI) -> bytes:
    """Render `fig` to PNG bytes of `width` x `height` pixels at `dpi` pixels per inch.

    Text sizes are points of the image printed at `dpi` (a 900-pixel image at 100 dpi is 9
    inches wide): to print text at its size, pass the printed width in inches times `dpi`.
    Titles wrap to the width instead of running off it; the legend sits in rows under the
    plot. Returns PNG bytes.
    """
    canvas_fig = render(fig, width, height, dpi=dpi)
    out = io.BytesIO()
    canvas_fig.savefig(out, format="png", dpi=dpi)
    return out.getvalue()


def render(fig: go.Figure, width: int = 900, height: int = 450, *, dpi: int = DPI) -> Figure:
    """The matplotlib Figure `figure_png` saves (for tests that look at its text)."""
    # A bare Figure (not pyplot) keeps no global state, so this is safe from any thread.
    canvas_fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")
    FigureCanvasAgg(canvas_fig)
    ax = canvas_fig.add_subplot(1, 1, 1)
    layout = fig.layout
    chars = _chars_per_line(width / dpi, TITLE_FONT)
    title = _wrap(_text(layout.title), chars)
    subtitle = _wrap(
        _text(getattr(layout.title, "subtitle", None)), _chars_per_line(width / dpi, SUBTITLE_FONT)
    )
    if title:
        canvas_fig.suptitle(title, x=0.01, ha="left", fontsize=TITLE_FONT, fontweight="bold")
    if subtitle:  # a lighter line under the title: how to read the chart
        ax.set_title(subtitle, fontsize=SUBTITLE_FONT, loc="left", color="#555555")

    traces = list(fig.data)
    horizontal = any(
        getattr(t, "orientation", None) == "h" for t in traces if isinstance(t, go.Bar)
    )
    # Category axes: map labels to positions in plotly's order (categoryarray, else first seen).
    cat_axis = "y" if horizontal else "x"
    categories = _categories(traces, layout, cat_axis)
    heatmap = next((t for t in traces if isinstance(t, go.Heatmap)), None)

    if heatmap is not None:
        _draw_heatmap(ax, canvas_fig, heatmap)
    else:
        bars = [t for t in traces if isinstance(t, go.Bar)]
        _draw_bars(ax, bars, categories, horizontal, layout.barmode or "group")
        for index, trace in enumerate(t for t in traces if isinstance(t, go.Scatter)):
            _draw_scatter(ax, trace, categories, index)
        if categories:
            positions = list(range(len(categories)))
            # Whole labels on up to two lines: a cut one loses its end (the project name).
            labels = [_label_lines(_plain(c)) for c in categories]
            if horizontal:
                ax.set_yticks(positions, labels)
            else:
                rotate = len(categories) > 6 or max(len(c) for c in categories) > 12
                labels = [label.replace("\n", " ") if rotate else label for label in labels]
                ax.set_xticks(
                    positions,
                    labels,
                    rotation=30 if rotate else 0,
                    ha="right" if rotate else "center",
                )
        _apply_axis(ax, layout.xaxis, "x")
        _apply_axis(ax, layout.yaxis, "y")

    ax.set_xlabel(_text(layout.xaxis.title), fontsize=LABEL_FONT)
    ax.set_ylabel(_text(layout.yaxis.title), fontsize=LABEL_FONT)
    ax.tick_params(labelsize=MIN_FONT)
    if layout.xaxis.visible is False:
        ax.get_xaxis().set_visible(False)
    if layout.yaxis.visible is False:
        ax.get_yaxis().set_visible(False)
    if layout.xaxis.visible is False and layout.yaxis.visible is False:
        for spine in ax.spines.values():
            spine.set_visible(False)
    else:
        ax.spines["top"].set_visible(False)
        ax.spines["right"].set_visible(False)

    for note in layout.annotations or ():
        if note.xref == "paper" and note.yref == "paper":
            ax.text(
                note.x if note.x is not None else 0.5,
                note.y if note.y is not None else 0.5,
                _plain(note.text or ""),
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontsize=max(note.font.size or 12, MIN_FONT),
                color=note.font.color or "#444444",
            )

    named = [t for t in traces if t.name and not isinstance(t, go.Heatmap)]
    if len(named) > 1 and layout.showlegend is not False:
        # In rows under the plot, as on screen: a legend beside it squeezes the plot.
        longest = max(len(_plain(t.name)) for t in named)
        columns = max(
            1, min(len(named), int(_chars_per_line(width / dpi, MIN_FONT) // (longest + 6)))
        )
        canvas_fig.legend(
            loc="outside lower center", ncols=columns, fontsize=MIN_FONT + 0.5, frameon=False
        )
    return canvas_fig


def _chars_per_line(inches: float, points: float) -> int:
    """About how many characters of `points`-sized text fit in `inches` (DejaVu Sans)."""
    return max(12, int(inches * 72 / (points * 0.6)))


def _wrap(text: str, width: int) -> str:
    """`text` with each line broken at `width` characters (plotly's <br>s kept)."""
    lines = [w for line in text.split("\n") for w in (textwrap.wrap(line, width) or [""])]
    return "\n".join(lines).strip("\n")


def _label_lines(label: str, width: int = 30, lines: int = 2) -> str:
    """A category label on at most `lines` lines of `width` characters (cut only beyond)."""
    parts = textwrap.wrap(label, width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], _short(" ".join(parts[lines - 1 :]), width)]
    return "\n".join(parts)


def _text(title: object) -> str:
    text = getattr(title, "text", None)
    return _plain(text) if text else ""


def _plain(text: object) -> str:
    """Plotly text is HTML-like: show it as plotly.js does (entities decoded, <br> a newline)."""
    return html.unescape(re.sub(r"<br\s*/?>", "\n", str(text)))


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _values(values: object) -> list:
    if values is None:
        return []
    return (
        list(np.asarray(values, dtype=object).ravel()) if not isinstance(values, list) else values
    )


def _number(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number


def _categories(traces: Sequence, layout: go.Layout, axis: str) -> list[str]:
    array = getattr(layout, f"{axis}axis").categoryarray
    if array is not None and len(array):
        return [str(v) for v in array]
    seen: dict[str, None] = {}
    for trace in traces:
        if isinstance(trace, go.Heatmap):
            continue
        for value in _values(getattr(trace, axis)):
            seen.setdefault(str(value), None)
    return list(seen)


def _draw_bars(
    ax, bars: Sequence[go.Bar], categories: list[str], horizontal: bool, barmode: str
) -> None:
    if not bars:
        return
    stacked = barmode in ("stack", "relative")
    slot = 0.8
    width = slot if stacked or len(bars) == 1 else slot / len(bars)
    base = np.zeros(len(categories))
    for index, bar in enumerate(bars):
        labels = _values(bar.y if horizontal else bar.x)
        amounts = [_number(v) for v in _values(bar.x if horizontal else bar.y)]
        position = {str(label): amount for label, amount in zip(labels, amounts, strict=False)}
        heights = np.array([position.get(c, math.nan) for c in categories], dtype=float)
        offset = 0.0 if stacked or len(bars) == 1 else (index - (len(bars) - 1) / 2) * width
        where = np.arange(len(categories)) + offset
        drawn = np.nan_to_num(heights)  # a gap: nothing drawn, and the stack does not move
        color = _bar_color(bar, index)
        pattern = getattr(bar.marker, "pattern", None) if bar.marker is not None else None
        hatch = _HATCHES.get(getattr(pattern, "shape", None) or "")
        kwargs = {
            "color": color,
            "label": _plain(bar.name) if bar.name else None,
            "edgecolor": "#555555" if hatch else "white",
            "linewidth": 0.5,
            "hatch": hatch,
        }
        if horizontal:
            ax.barh(where, drawn, height=width, left=base if stacked else None, **kwargs)
        else:
            ax.bar(where, drawn, width=width, bottom=base if stacked else None, **kwargs)
        texts = _values(bar.text) if bar.text is not None and not isinstance(bar.text, str) else []
        # A bar's text goes with its category, whatever order the axis puts categories in.
        by_label = {str(c): t for c, t in zip(labels, texts, strict=False)}
        texts = [by_label.get(c, "") for c in categories]
        for pos, height, label in zip(where, drawn, texts, strict=False):
            if label:
                if horizontal:
                    ax.text(height, pos, f" {_plain(label)}", va="center", fontsize=MIN_FONT)
                else:
                    ax.text(pos, height, _plain(label), ha="center", va="bottom", fontsize=MIN_FONT)
        if stacked:
            base = base + drawn


def _bar_color(bar: go.Bar, index: int) -> str | None:
    color = bar.marker.color if bar.marker is not None else None
    return color if isinstance(color, str) else f"C{index % 10}"


def _draw_scatter(ax, trace: go.Scatter, categories: list[str], index: int) -> None:
    xs = _values(trace.x)
    ys = np.array([_number(v) for v in _values(trace.y)], dtype=float)
    if categories:
        lookup = {c: i for i, c in enumerate(categories)}
        xs = [lookup.get(str(x), math.nan) for x in xs]
    line = trace.line
    mode = trace.mode or "lines+markers"
    # NaN breaks a matplotlib line exactly like plotly's connectgaps=False.
    ax.plot(
        np.asarray(xs, dtype=float),
        ys,
        linestyle=_DASHES.get(line.dash or "solid", "-") if "lines" in mode else "none",
        marker="o" if "markers" in mode else None,
        color=line.color or f"C{index % 10}",
        linewidth=(line.width or 2) * 0.8,
        markersize=4,
        label=_plain(trace.name) if trace.name else None,
    )


def _draw_heatmap(ax, fig: Figure, heatmap: go.Heatmap) -> None:
    rows = [[_number(v) for v in row] for row in (heatmap.z or ())]
    z = np.ma.masked_invalid(np.array(rows, dtype=float)) if rows else np.ma.masked_all((1, 1))
    xs = [str(v) for v in _values(heatmap.x)] or [str(i) for i in range(z.shape[1])]
    ys = [str(v) for v in _values(heatmap.y)] or [str(i) for i in range(z.shape[0])]
    cmap = _colormap(heatmap.colorscale).with_extremes(bad="white")  # hidden cells stay blank
    image = ax.imshow(z, aspect="auto", origin="lower", cmap=cmap, interpolation="nearest")
    ax.set_xticks(range(len(xs)), xs)
    ax.set_yticks(range(len(ys)), [_short(_plain(y), 40) for y in ys])
    texts = heatmap.text
    peak = float(z.max()) if z.count() else 0.0
    for r in range(z.shape[0]):
        for c in range(z.shape[1]):
            if z.mask is not np.ma.nomask and np.ma.getmaskarray(z)[r, c]:
                continue
            label = texts[r][c] if texts is not None else f"{z[r, c]:g}"
            dark = peak and z[r, c] > 0.6 * peak
            ax.text(
                c,
                r,
                str(label),
                ha="center",
                va="center",
                fontsize=MIN_FONT,
                color="white" if dark else "#222222",
            )
    if heatmap.showscale is False:  # every cell shows its number
        return
    title = _text(getattr(heatmap.colorbar, "title", None)) if heatmap.colorbar else ""
    bar = fig.colorbar(image, ax=ax)
    bar.ax.tick_params(labelsize=MIN_FONT)
    if title:
        bar.set_label(title, fontsize=LABEL_FONT)


def _colormap(colorscale: object) -> LinearSegmentedColormap:
    # Plotly expands a named scale into ((position, colour), ...); rebuild it as a colormap.
    if colorscale and not isinstance(colorscale, str):
        stops = [(float(p), _rgb(c)) for p, c in colorscale]
        return LinearSegmentedColormap.from_list("plotly", stops)
    return LinearSegmentedColormap.from_list("blues", ["#f7fbff", "#08306b"])


def _rgb(color: str) -> tuple[float, float, float] | str:
    if color.startswith("rgb"):
        parts = color[color.index("(") + 1 : color.index(")")].split(",")
        return tuple(float(p) / 255 for p in parts[:3])  # type: ignore[return-value]
    return color


def _apply_axis(ax, axis: object, which: str) -> None:
    fmt = getattr(axis, "tickformat", None)
    if fmt and fmt.endswith("%"):
        getattr(ax, f"{which}axis").set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0%}"))
    rng = getattr(axis, "range", None)
    if rng is not None and len(rng) == 2 and getattr(axis, "type", None) != "category":
        (ax.set_xlim if which == "x" else ax.set_ylim)(rng[0], rng[1])
    if getattr(axis, "dtick", None) == 1:
        getattr(ax, f"{which}axis").set_major_locator(MaxNLocator(integer=True))
