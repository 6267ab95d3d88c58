"""Action items: what the post-mortems decided, who owns it, and whether it worked."""

from datetime import timedelta
from functools import partial

import pandas as pd
import streamlit as st

from afterward.output import charts
from afterward.services import action_items as items
from afterward.services.manager_views import ACTION_STATUSES, completion_rates, today
from afterward.web.cached_views import ensure_analysis, view
from afterward.web.filters import current_scope
from afterward.web.safe_text import plain
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
scope = current_scope()
st.title("Action items")
if notice := st.session_state.pop("action_notice", None):
    st.success(notice)


def attempt(change, notice: str | None) -> None:
    """Run a change; on bad input say why (the form keeps what was typed), else reload and
    tell `notice` (None: the text the change returned)."""
    try:
        told = change()
    except ValueError as exc:
        st.error(f"{plain(exc)} Nothing was changed.")
    else:
        st.session_state["action_notice"] = told if notice is None else notice
        st.rerun()


projects = store.projects()
with st.expander("New action item", expanded=False):
    if projects.empty:
        st.info("Create a project first (Projects and surveys).")
    else:
        added = st.session_state.get("actions_added", 0)  # a new, empty form after each add
        with st.form(f"new_action_{added}"):
            project = st.selectbox("Project", projects["name"].tolist())
            title = st.text_input("What will change?")
            owner = st.text_input("Owner (one role or name)", placeholder="e.g. Release manager")
            due_on = st.date_input("Due", value=today() + timedelta(days=30))
            causes, themes = items.category_choices(), items.theme_choices(store)
            cause = st.selectbox("Meant to fix (root cause)", list(causes), format_func=causes.get)
            theme = st.selectbox("… or a theme", list(themes), format_func=themes.get)
            if st.form_submit_button("Add action item", type="primary"):
                st.session_state["actions_added"] = added + 1
                topic = cause or theme
                attempt(
                    partial(items.create, store, project, title, owner, due_on, topic), "Added."
                )
                st.session_state["actions_added"] = added  # not added: keep what was typed

ensure_analysis(store)  # "Did it work?" reads the analysis of free text
actions, effect = view("actions", store, scope), view("action_effect", store, scope)
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
titles = items.survey_titles(store)
day = st.column_config.DateColumn(format="D MMM YYYY")
wide = st.column_config.TextColumn(width="large")
st.dataframe(items.action_table(actions, titles), hide_index=True,
             column_config={"Action": wide, "Due": day})  # fmt: skip

st.subheader("Update an action")
labels = items.action_labels(actions)
ids, kept = list(labels), st.session_state.get("action_selected")
if kept is not None and kept not in labels:
    st.info("The action you had open is no longer listed (deleted, or outside the filters).")
action_id = st.selectbox("Action", ids, ids.index(kept) if kept in labels else 0, labels.get,
                         key=items.choice_key(labels))  # fmt: skip
st.session_state["action_selected"] = action_id  # kept when a save changes its label
action = actions.set_index("action_id").loc[action_id]
shown_title, made_in = plain(action["title"]), plain(titles.get(action["survey_id"], "a survey"))
if isinstance(action["survey_id"], str):
    st.caption(f"Decided in the post-mortem of **{made_in}**.")
status_col, edit_col = st.columns(2, gap="large")
with status_col:
    statuses = list(ACTION_STATUSES)
    status = st.radio("Status", statuses, statuses.index(action["status"]), ACTION_STATUSES.get,
                      key=f"status_{action_id}", horizontal=True)  # fmt: skip
    reason = st.text_input("Reason (needed for “not doing”)", key=f"reason_{action_id}",
                           disabled=status != items.NEEDS_REASON)  # fmt: skip
    if st.button("Save status"):
        attempt(lambda: items.set_status(store, action_id, status, reason), None)
    st.markdown("**Status history** (every change, by day)")
    history = items.history_table(store, action_id)
    st.dataframe(history, hide_index=True, width="stretch", column_config={"Day": day})

with edit_col, st.form(f"edit_{action_id}"):
    st.markdown("**Edit this action**")
    new_title = st.text_area("What will change?", value=action["title"], height=90)
    new_owner = st.text_input("Owner", value=action["owner"])
    no_due = st.checkbox("No due date", value=pd.isna(action["due_on"]))
    due = None if pd.isna(action["due_on"]) else action["due_on"].date()
    new_due = st.date_input("Due", value=due or today() + timedelta(days=30))
    current = items.topic_key(action["category"], action["theme_id"])
    topics = items.topic_choices(store, current)
    new_topic = st.selectbox("Meant to fix", list(topics), index=list(topics).index(current),
                             format_func=topics.get)  # fmt: skip
    if st.form_submit_button("Save changes", type="primary"):
        due_on = None if no_due else new_due
        attempt(lambda: items.edit(store, action_id, title=new_title, owner=new_owner,
                                   due_on=due_on, topic=new_topic), "Changes saved.")  # fmt: skip

with edit_col:
    if st.button("Delete this action…", key=f"delete_{action_id}"):
        st.session_state["confirm_delete"] = action_id
    if st.session_state.get("confirm_delete") == action_id:
        st.warning(f"Delete “{shown_title}” and its status history? This cannot be undone.")
        yes, no = st.columns(2)
        if yes.button("Yes, delete it", type="primary"):
            for key in ("action_selected", "confirm_delete"):
                st.session_state.pop(key, None)
            attempt(lambda: items.delete(store, action_id), f"Deleted “{shown_title}”.")
        if no.button("Keep it"):
            st.session_state.pop("confirm_delete", None)
            st.rerun()

st.subheader("Did it work?")
if effect.empty:
    st.caption("Once an action linked to a root cause or theme is done, this shows whether "
               "the project's later retrospectives still raise it.")  # fmt: skip
else:
    verdict = st.column_config.TextColumn(width="medium")
    st.dataframe(items.effect_table(effect), hide_index=True,
                 column_config={"Verdict": verdict, "Action": wide, "Done": day})  # fmt: skip
    st.caption("Raised before / after: answers in the project's retrospectives that name the "
               "problem, up to the quarter the action was done and after it (small counts stay "
               "hidden).")  # fmt: skip
