"""Overview: participation and rating trends across projects and quarters."""

import streamlit as st

from afterward.output import charts
from afterward.services.manager_views import (
    ALL_PROJECTS,
    busiest_projects,
    question_label,
    scale_of,
)
from afterward.services.survey_admin import (
    invitation_use,
    invitation_uses,
    participation_note,
)
from afterward.web.cached_views import offer_sample, view
from afterward.web.filters import current_scope
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
scope = current_scope()

st.title("Overview")
offer_sample(store)

participation = view("participation", store, scope)
if participation.empty:
    st.stop()

left, middle, right = st.columns(3)
left.metric("Surveys", len(participation))
middle.metric("Responses released", int(participation["responses"].sum()))
totals = {c: int(participation[c].sum()) for c in ("invitations", "invitations_used", "waiting")}
rate = invitation_use(totals["invitations"], totals["invitations_used"])
right.metric("Invitations used", f"{rate:.0%}" if rate is not None else "No invitations")
st.caption(
    participation_note(
        int(participation["responses"].sum()),
        totals["waiting"],
        totals["invitations"],
        totals["invitations_used"],
    )
)

# The chart's "N more needed" only for surveys that still take answers (gated_participation's
# status: closed by hand or past the closing day).
participation = participation.assign(
    survey=participation["project"] + " · " + participation["quarter"],
    response_rate=invitation_uses(participation["invitations"], participation["invitations_used"]),
)
st.plotly_chart(charts.participation_chart(participation), width="stretch")
st.caption(
    "Bars count released responses; “of invited” is the share of invitations used, which "
    "includes responses still waiting for release."
)
if len(participation) > charts.MAX_SURVEY_BARS:
    st.caption("Narrow the filters in the sidebar to see older surveys.")
hidden = participation[~participation["shown"]]
if not hidden.empty:
    st.caption(
        f"{len(hidden)} survey(s) have fewer responses than their anonymity threshold; their "
        "answers are left out of every chart until enough people respond."
    )

st.subheader("Ratings over time")
trends = view("rating_trends", store, scope)
if trends.empty:
    st.info("Rating trends appear once surveys in this view reach their anonymity threshold.")
    st.stop()
questions = {
    q: question_label(q, p)
    for q, p in trends.drop_duplicates("question_id")[["question_id", "prompt"]].itertuples(
        index=False
    )
}
chosen = st.multiselect(
    "Questions",
    list(questions),
    format_func=questions.get,
    default=[q for q in ("goals_clear", "schedule_realistic", "communication") if q in questions]
    or list(questions)[:2],
    key="overview_questions",
)
if trends["project"].nunique() - 1 > 10:
    st.caption(
        "Lines for the 10 projects with most responses, and for all projects together; "
        "pick projects in the sidebar to compare others."
    )
for question_id in chosen:
    frame = busiest_projects(trends[trends["question_id"] == question_id])
    scale = scale_of(frame["kind"].iloc[0])
    st.plotly_chart(
        charts.rating_trend_chart(frame, questions[question_id], scale=scale), width="stretch"
    )
if trends["suppressed"].any():
    st.caption(
        "Gaps are project-quarters hidden to protect anonymity (too few responses, or hidden "
        f"so a small one cannot be worked out from the {ALL_PROJECTS!r} line)."
    )

st.subheader("By stakeholder role")
roles = view("role_breakdown", store, scope)
if roles.empty:
    st.info("Role breakdowns appear for questionnaires that ask for the stakeholder role.")
    st.stop()
question_id = st.selectbox(
    "Question",
    sorted(set(roles["question_id"])),
    format_func=lambda q: questions.get(q, q),
    key="overview_role_question",
)
frame = roles[roles["question_id"] == question_id]
scale = scale_of(frame["kind"].iloc[0])
st.plotly_chart(charts.role_breakdown_chart(frame, scale=scale), width="stretch")
st.caption(
    "Roles with fewer responses than the anonymity threshold are merged into "
    f"“{charts.MERGED_GROUP_LABEL}”; a group still too small is hidden together with a "
    "second one."
)
