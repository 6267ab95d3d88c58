"""Themes: what keeps coming up across projects, with manager edits."""

import pandas as pd
import streamlit as st

from afterward.output import charts
from afterward.services.analysis_upkeep import (
    merge_themes,
    rename_theme,
    split_theme,
    theme_catalogue,
)
from afterward.services.manager_views import shown, theme_quotes
from afterward.web.cached_views import ensure_analysis, view
from afterward.web.filters import current_scope
from afterward.web.safe_text import inert, plain
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
scope = current_scope()
st.title("Themes")
ensure_analysis(store)

catalogue = theme_catalogue(store).set_index("theme_id")
cells = view("theme_cells", store, scope)
cells = cells[cells["theme_id"].isin(catalogue.index)]
if shown(cells).empty:
    st.info(
        "Themes appear once free-text answers from surveys at or above their anonymity "
        "threshold have been analysed."
    )
    st.stop()
label = catalogue["theme_label"].to_dict()
cells = cells.assign(theme=cells["theme_id"].map(label))

st.plotly_chart(charts.theme_heatmap_chart(cells), width="stretch")
report = view("theme_recurrence", store, scope).join(catalogue[["theme_label"]])
left, right = st.columns(2)
with left:
    top = report.sort_values("n_projects", ascending=False).head(10)
    st.plotly_chart(
        charts.recurring_themes_chart(
            pd.DataFrame({"theme": top["theme_label"], "projects": top["n_projects"]})
        ),
        width="stretch",
    )
with right:
    st.markdown("**Rising and falling**")
    moving = report[report["trend"].isin(["rising", "falling"])]
    st.dataframe(
        moving[["theme_label", "trend", "sentence"]],
        hide_index=True,
        column_config={"theme_label": "theme", "sentence": "recurrence"},
    )
    if moving.empty:
        st.caption("No theme is clearly rising or falling in this view.")

st.subheader("One theme")
options = list(report.sort_values("answers", ascending=False).index)
theme_id = st.selectbox(
    "Theme", options, format_func=lambda t: label.get(t, str(t)), key="theme_choice"
)
row = report.loc[theme_id]
st.markdown(f"**Keywords:** {plain(', '.join(catalogue.loc[theme_id, 'top_terms']))}")
st.write(row["sentence"])
st.plotly_chart(
    charts.theme_trend_chart(
        cells[cells["theme_id"] == theme_id], surveyed=set(cells["quarter"].astype(str))
    ),
    width="stretch",
)
quotes, needed_for_quotes = theme_quotes(store, scope, int(theme_id))
st.markdown("**What people wrote** (redacted)")
if quotes:
    for quote in quotes:
        st.text(inert(quote))
else:
    st.caption(f"Quotes are shown once a theme has {needed_for_quotes} responses.")
visible = shown(cells)
projects = sorted(set(visible.loc[visible["theme_id"] == theme_id, "project"]))
st.markdown(f"**Projects:** {plain(', '.join(projects))}")

with st.expander("Rename, merge or split this theme"):
    new_label = st.text_input("New name", value=label.get(theme_id, ""), key="theme_new_label")
    if st.button("Rename"):
        try:
            rename_theme(store, int(theme_id), new_label)
        except ValueError as exc:  # a blank name, or one another theme has: say so
            st.error(plain(str(exc)))
        else:
            st.rerun()
    others = [t for t in options if t != theme_id]
    into = (
        st.selectbox(
            "Merge into", others, format_func=lambda t: label.get(t, str(t)), key="theme_merge_into"
        )
        if others
        else None
    )
    if into is not None and st.button("Merge"):
        merge_themes(store, int(theme_id), int(into))
        st.rerun()
    if st.button("Split in two"):
        try:
            split_theme(store, int(theme_id))
        except ValueError as exc:
            st.error(str(exc))
        else:
            st.rerun()
