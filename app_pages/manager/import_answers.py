"""Import answers from other tools: upload, confirm or edit the column mapping, see the first
responses exactly as they would be stored, then import into a new closed survey."""

import streamlit as st

from afterward.services.importing import HOW, plan_import, run_import
from afterward.services.survey_admin import (
    DEFAULT_THRESHOLD,
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    load_templates,
)
from afterward.web.safe_text import plain
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
st.title("Import answers")
st.caption(
    "Bring in retrospectives answered in Google Forms, Microsoft Forms, Typeform, "
    "SurveyMonkey (CSV or XLSX exports), Parabol or a retro board. Only answers to matched "
    "questions are stored, free text redacted; timestamps are kept only as the quarter, and "
    "e-mail, name, respondent-id and other identity columns are never stored."
)

templates = {t: q for t, q in load_templates()[0].items()}
upload = st.file_uploader("Export file", type=["csv", "tsv", "txt", "xlsx"])
left, right = st.columns(2)
projects = store.projects()["name"].tolist()
NEW = "New project…"
choice = left.selectbox("Project", [*projects, NEW])
project = left.text_input("New project name") if choice == NEW else choice
template_id = right.selectbox(
    "Questionnaire", list(templates), format_func=lambda t: templates[t].title
)
quarter = left.text_input("Quarter (empty: from the dates in the file)", placeholder="2026Q1")
threshold = right.number_input(
    "Anonymity threshold (responses)",
    min_value=MIN_THRESHOLD,
    max_value=MAX_THRESHOLD,
    value=DEFAULT_THRESHOLD,
)
board = st.checkbox("Retro board: one column per board column, each cell a card")
if upload is None or not project:
    st.info("Choose a file and a project to see how the answers would be imported.")
    st.stop()

options = dict(
    project=project,
    template_id=template_id,
    quarter=quarter.strip() or None,
    board=board,
    threshold=int(threshold),
)
try:
    plan = plan_import(store, upload.getvalue(), upload.name, **options)
except ValueError as exc:
    st.error(plain(exc))
    st.stop()

st.subheader("Columns")
st.caption("Pick the question each column answers (empty: not imported).")
edited = st.data_editor(
    plan.mapping_table(),
    hide_index=True,
    disabled=["column", "how"],
    column_config={
        "column": st.column_config.TextColumn("column in the file", width="large"),
        "question_id": st.column_config.SelectboxColumn(
            "question", options=["", *(q.id for q in templates[template_id].questions)]
        ),
        "how": st.column_config.TextColumn("matched", width="medium"),
    },
    key=f"mapping_{upload.file_id}_{template_id}_{board}",
)
mapping = {
    row["column"]: row["question_id"] or ""
    for row in edited.to_dict("records")
    if row["how"] != HOW["identity"]
}
if mapping != {m.column: m.question_id or "" for m in plan.matches if m.how != "identity"}:
    try:
        plan = plan_import(store, upload.getvalue(), upload.name, mapping=mapping, **options)
    except ValueError as exc:
        st.error(plain(exc))
        st.stop()

st.subheader(f"{plan.responses} response(s), quarter {plan.quarter}")
st.caption(f"Read as {plan.flavour.replace('_', ' ')}; quarter {plan.quarter_source}.")
for note in plan.notes:
    st.info(plain(note))
if plan.problems:
    more = f" (and {plan.more_problems} more)" if plan.more_problems else ""
    st.warning(
        "These cells are not valid answers and will be left out"
        + more
        + ":\n\n"
        + "\n".join(f"- {plain(p)}" for p in plan.problems)
    )
if len(plan.preview):
    st.caption("The first responses exactly as they would be stored:")
    st.dataframe(plan.preview, hide_index=True)

if st.button(f"Import {plan.responses} response(s)", type="primary", disabled=not plan.responses):
    try:
        survey_id = run_import(store, plan)
    except ValueError as exc:
        st.error(plain(exc))
    else:
        st.success(
            f"Imported {plan.responses} response(s) into a new closed survey of "
            f"{plain(plan.project)} ({plan.quarter}). Survey id: {survey_id}"
        )
