"""Survey results: one survey's answers, question by question, then what people wrote.
Deep link: `?survey=SURVEY_ID`."""

import streamlit as st

from afterward.output import result_charts
from afterward.services import publishing
from afterward.services.survey_results import (
    headline,
    survey_choices,
    survey_results_view,
    survey_texts,
    text_filter_options,
)
from afterward.web.cached_views import ensure_analysis
from afterward.web.filters import current_scope
from afterward.web.safe_text import plain
from afterward.web.session import require_manager, store_or_stop


@st.cache_data(show_spinner=False, max_entries=32)
def cached_results(survey_id: str, version: tuple):
    # `version` is only a cache key: any change in the data recomputes.
    return survey_results_view(store_or_stop(), survey_id)


require_manager()
store = store_or_stop()
st.title("Survey results")
ensure_analysis(store)
publishing.publish_due(store)  # a release that is due is shown before anything is read

choices = survey_choices(store, current_scope())
linked = st.query_params.get("survey")
if linked and linked not in set(choices["survey_id"]):
    everywhere = survey_choices(store)
    if linked in set(everywhere["survey_id"]):
        choices = everywhere  # a deep link outside the sidebar filters still opens
    else:
        st.error("That link names no survey here. Pick one below.")
        linked = None
if choices.empty:
    st.info("No surveys in this view yet. Create one under **Projects and surveys**.")
    st.stop()
ids = choices["survey_id"].tolist()
labels = dict(zip(ids, choices["label"], strict=True))
survey_id = st.selectbox(
    "Survey",
    ids,
    index=ids.index(linked) if linked else 0,
    format_func=lambda s: labels[s],
    key="results_survey",
)
st.query_params["survey"] = survey_id

result = cached_results(survey_id, store.data_version())
left, middle, right = st.columns(3)
left.metric("Released responses", result.released)
middle.metric("Waiting for release", result.waiting)
right.metric("Anonymity threshold", result.threshold)
st.caption(
    f"{plain(result.project)} · {result.quarter}. Results move only in released groups of at "
    f"least {result.threshold} responses, so no single answer can be read off a change."
)
if result.message:
    st.info(result.message)
    st.stop()


for q in result.questions:
    if q.chart == "text":
        continue
    st.markdown(f"**{plain(q.prompt)}**")
    if q.hidden:
        st.caption(q.hidden)
        continue
    figures = result_charts.question_charts(q.chart, q.bands, q.counts, q.nps)
    left, right = st.columns([1, 3], vertical_alignment="center")
    if q.chart == "choice":
        right, left = st.container(), st.container()
    with left:
        if q.chart != "choice":
            st.metric(*headline(q))
        st.caption(q.note)
    for figure in figures:
        right.plotly_chart(figure, width="stretch")

st.subheader("What people wrote")
if not result.texts.visible:
    st.info(
        f"Answers in people's own words are shown once {result.texts.responses + result.texts.needed} "
        f"responses are released ({result.texts.needed} more needed): wording identifies more "
        "than a number."
    )
    st.stop()
for q in result.questions:  # a free-text question few answered: why it lists nothing
    if q.chart == "text" and q.hidden:
        st.caption(f"**{plain(q.prompt)}** {q.hidden}")
options = text_filter_options(store, survey_id)
ALL = "All"
cols = st.columns(3)
question_id = cols[0].selectbox(
    "Question", [ALL, *options["questions"]], format_func=lambda k: options["questions"].get(k, k)
)
theme_id = cols[1].selectbox(
    "Theme", [ALL, *options["themes"]], format_func=lambda k: options["themes"].get(k, k)
)
category = cols[2].selectbox(
    "Root cause",
    [ALL, *options["categories"]],
    format_func=lambda k: options["categories"].get(k, k),
)
search = st.text_input("Search the answers", placeholder="e.g. deploy, meetings, scope")
rows = survey_texts(
    store,
    survey_id,
    question_id=None if question_id == ALL else question_id,
    theme_id=None if theme_id == ALL else theme_id,
    category=None if category == ALL else category,
    search=search,
)
if rows.empty:
    st.caption("No answers match.")
    st.stop()
SHOWN = 60
st.caption("Identical answers are shown once, with how many people gave them. Redacted.")
if len(rows) > SHOWN:
    st.caption(f"The {SHOWN} most common are shown: narrow them with the filters or the search.")
for row in rows.head(SHOWN).itertuples():
    about = [options["questions"].get(row.question_id, row.question_id)]
    about += [options["themes"].get(row.theme_id, ""), options["categories"].get(row.category, "")]
    with st.container(border=True):
        st.markdown(f"**{row.answers}×** {plain(row.text)}" if row.answers > 1 else plain(row.text))
        st.caption(" · ".join(plain(a) for a in about if a))
