"""Action items: what the post-mortems decided, who owns it, and whether it worked."""

from datetime import timedelta

import streamlit as st

from afterward.output import charts
from afterward.services.manager_views import (
    ACTION_STATUSES,
    add_action,
    category_ids,
    category_label,
    completion_rates,
    theme_labels,
    today,
)
from afterward.web.cached_views import view
from afterward.web.filters import current_scope
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
scope = current_scope()
st.title("Action items")

projects = store.projects()
with st.expander("New action item", expanded=False):
    if projects.empty:
        st.info("Create a project first (Projects and surveys).")
    else:
        with st.form("new_action", clear_on_submit=True):
            project = st.selectbox("Project", projects["name"].tolist())
            title = st.text_input("What will change?")
            owner = st.text_input("Owner (one role or name)", placeholder="e.g. Release manager")
            due_on = st.date_input("Due", value=today() + timedelta(days=30))
            category = st.selectbox(
                "Meant to fix (root cause)",
                [None, *category_ids()],
                format_func=lambda c: "—" if c is None else category_label(c),
            )
            themes = theme_labels(store)
            theme_id = st.selectbox(
                "… or a theme",
                [None, *themes],
                format_func=lambda t: "—" if t is None else themes[t],
            )
            if st.form_submit_button("Add action item", type="primary"):
                try:
                    add_action(
                        store,
                        project=project,
                        title=title,
                        owner=owner,
                        due_on=due_on,
                        category=category,
                        theme_id=theme_id,
                    )
                except ValueError as exc:
                    st.error(str(exc))
                else:
                    st.success("Action item added.")

actions = view("actions", store, scope)
if actions.empty:
    st.info(
        "No action items yet. Add the changes a post-mortem decided on, with one owner "
        "and a due date, and follow them here until they are done."
    )
    st.stop()

overdue = actions[actions["overdue"]]
left, middle, right = st.columns(3)
left.metric("Open", int(actions["is_open"].sum()))
middle.metric("Overdue", len(overdue))
right.metric("Done", f"{actions['is_done'].mean():.0%}")
if not overdue.empty:
    st.error(f"{len(overdue)} action item(s) are past their due date.")

st.plotly_chart(charts.action_completion_chart(completion_rates(actions)), width="stretch")

shown = actions.assign(status=actions["status"].map(ACTION_STATUSES))
st.dataframe(
    shown[["project", "title", "owner", "due_on", "status", "overdue", "topic", "status_reason"]],
    hide_index=True,
    column_config={
        "due_on": st.column_config.DateColumn("due"),
        "topic": "meant to fix",
        "status_reason": "reason",
    },
)

st.subheader("Update an action")
labels = dict(zip(actions["action_id"], actions["project"] + " · " + actions["title"], strict=True))
action_id = st.selectbox("Action", list(labels), format_func=labels.get, key="action_choice")
status = st.radio(
    "Status",
    list(ACTION_STATUSES),
    format_func=ACTION_STATUSES.get,
    horizontal=True,
    index=list(ACTION_STATUSES).index(actions.set_index("action_id").loc[action_id, "status"]),
    key=f"status_{action_id}",
)
reason = st.text_input("Reason (needed for “not doing”)", key=f"reason_{action_id}")
if st.button("Save status"):
    try:
        store.set_action_status(action_id, status, reason)
    except ValueError as exc:
        st.error(str(exc))
    else:
        st.rerun()

st.subheader("Did it work?")
effect = view("action_effect", store, scope)
if effect.empty:
    st.caption(
        "Once an action linked to a root cause or theme is done, this shows whether the "
        "project's later retrospectives still raise it."
    )
else:
    counts = ["answers_before", "quarters_before", "answers_after", "quarters_after"]
    st.dataframe(
        effect[["project", "title", "topic", "done_on", *counts, "verdict"]],
        hide_index=True,
        column_config={"topic": "meant to fix", "done_on": "done"}
        | {c: c.replace("_", " ") for c in counts},
    )
