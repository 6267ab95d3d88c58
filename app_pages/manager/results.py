"""Survey results: one survey's answers, question by question, then what people wrote.
Deep link: `?survey=SURVEY_ID`."""

import streamlit as st

from afterward.output import result_charts
from afterward.services import publishing
from afterward.services.survey_results import (
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


def measure(label: str, value, before, unit: str = "", scale: float = 1.0) -> None:
    """A headline number with its change against earlier surveys of the questionnaire."""
    if value is None:
        return
    delta = None if before is None else f"{scale * (value - before):+.1f}{unit} vs earlier"
    st.metric(label, f"{scale * value:.0f}{unit}" if scale != 1 else f"{value:+.0f}", delta)


for q in result.questions:
    if q.chart == "text":
        continue
    st.markdown(f"**{plain(q.prompt)}**")
    if q.hidden:
        st.caption(q.hidden)
        continue
    before = q.earlier or {}
    if q.chart == "likert":
        measure("Favourable", q.favourable, before.get("favourable"), "%", 100)
        st.plotly_chart(result_charts.likert_chart(q.bands), width="stretch")
    elif q.chart == "nps":
        measure("Net Promoter Score", q.nps, before.get("nps"))
        st.plotly_chart(result_charts.nps_chart(q.bands, q.nps), width="stretch")
        st.plotly_chart(result_charts.rating_chart(q.counts), width="stretch")
    elif q.chart == "rating":
        mean, earlier_mean = q.mean, before.get("mean")
        delta = None if earlier_mean is None else f"{mean - earlier_mean:+.1f} vs earlier"
        st.metric("Mean (0–10)", f"{mean:.1f}", delta)
        st.plotly_chart(result_charts.rating_chart(q.counts), width="stretch")
    else:
        st.plotly_chart(result_charts.choice_chart(q.counts), width="stretch")
    note = f"{q.answered} answered."
    if q.earlier:
        note += (
            f" Earlier: {q.earlier['surveys']} earlier survey(s) of this questionnaire, "
            f"{q.earlier['answered']} answers combined."
        )
    st.caption(note)

st.subheader("What people wrote")
if not result.texts.visible:
    st.info(
        f"Answers in people's own words are shown once {result.texts.responses + result.texts.needed} "
        f"responses are released ({result.texts.needed} more needed): wording identifies more "
        "than a number."
    )
    st.stop()
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
table = rows.assign(
    question=rows["question_id"].map(options["questions"]),
    theme=rows["theme_id"].map(options["themes"]),
    root_cause=rows["category"].map(options["categories"]),
)
st.caption("Identical answers are shown once, with how many people gave them. Redacted.")
st.dataframe(
    table[["text", "answers", "question", "theme", "root_cause"]],
    hide_index=True,
    width="stretch",
    column_config={
        "text": st.column_config.TextColumn("Answer", width="large"),
        "answers": st.column_config.NumberColumn("People", width="small"),
        "root_cause": "Root cause",
    },
)
