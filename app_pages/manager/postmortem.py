"""Post-mortems: the document one named owner runs the meeting from, prefilled from a
survey's released, gated results; the owner's summaries, action items and downloads."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from afterward.output import postmortem_document as rendering
from afterward.services.manager_views import category_ids, category_label, theme_labels, today
from afterward.services.postmortem import (
    POSTMORTEM_STATUSES,
    Quotes,
    Table,
    add_postmortem_action,
    postmortem_document,
    save_postmortem,
    save_summary,
    survey_choices,
)
from afterward.web.cached_views import ensure_analysis
from afterward.web.safe_text import plain
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
ensure_analysis(store)
st.title("Post-mortems")
st.caption("One named owner runs the meeting from this document; results are released, gated.")

choices = survey_choices(store)
if not choices:
    st.info("No surveys yet. Create one under Projects and surveys; its post-mortem starts here.")
    st.stop()

started = store.postmortems()
if len(started):
    with st.expander(f"Post-mortems started ({len(started)})"):
        st.dataframe(
            started.assign(status=started["status"].map(POSTMORTEM_STATUSES))[
                ["project", "title", "quarter", "owner", "status", "updated_on"]
            ],
            hide_index=True,
            column_config={"updated_on": st.column_config.DateColumn("updated")},
        )

ids = list(choices)
wanted = st.query_params.get("survey")
survey_id = st.selectbox(
    "Survey",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    format_func=choices.get,
    key="postmortem_survey",
)
st.query_params["survey"] = survey_id
doc = postmortem_document(store, survey_id)

if st.session_state.pop("postmortem_saved", False):
    st.success("Saved.")
st.markdown(f"**Owner: {plain(doc.owner_label)}** · Status: {doc.status_label}")
formats = (("Markdown", "md"), ("HTML", "html"), ("PDF", "pdf"))
for column, (label, fmt) in zip(st.columns(3), formats, strict=True):
    column.download_button(
        f"Download {label}",
        data=lambda fmt=fmt: rendering.render(doc, fmt),
        file_name=rendering.file_name(doc, fmt),
        mime=rendering.MEDIA_TYPES[fmt],
        key=f"download_{fmt}",
        width="stretch",
    )
if doc.hidden:
    st.warning(doc.hidden_message)

left, right = st.columns([2, 3])
owner = left.text_input("Owner (the one person who runs the meeting)", value=doc.owner or "",
                        placeholder="e.g. Ana Ruiz", key=f"owner_{survey_id}")  # fmt: skip
statuses = list(POSTMORTEM_STATUSES)
status = right.radio(
    "Status",
    statuses,
    index=statuses.index(doc.status),
    format_func=POSTMORTEM_STATUSES.get,
    horizontal=True,
    key=f"status_{survey_id}",
)


def keep_summary(section_id: str, key: str) -> None:
    """Autosave: a summary is stored when its field loses focus (once the owner is saved)."""
    try:
        save_summary(store, survey_id, section_id, st.session_state[key])
        st.session_state[f"{key}_note"] = "Kept: saved as you typed."
    except ValueError as exc:
        st.session_state[f"{key}_note"] = str(exc)


summaries: dict[str, str] = {}
for section in doc.sections:
    st.header(section.title, divider="gray")
    for block in section.blocks:
        if isinstance(block, Table):
            frame = pd.DataFrame(list(block.rows), columns=list(block.columns))
            st.dataframe(frame, hide_index=True)
        elif isinstance(block, Quotes):
            count = f" ({block.answers} answers)" if block.answers else ""
            st.markdown(f"**{plain(block.heading)}**{count}")
            for text, n in block.quotes:
                st.markdown("> " + plain(text) + (f" *(×{n})*" if n > 1 else ""))
        else:
            (st.info if block.note else st.markdown)(plain(block.text))
    if section.id == "actions":
        with st.form(f"new_action_{survey_id}", clear_on_submit=True):
            st.markdown("**Add an action item**")
            title = st.text_input("What will change?")
            action_owner = st.text_input("Action owner", placeholder="e.g. Release manager")
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
                format_func=lambda t, names=themes: "—" if t is None else names[t],
            )
            if st.form_submit_button("Add action item"):
                try:
                    add_postmortem_action(store, survey_id, title=title, owner=action_owner,
                                          due_on=due_on, category=category, theme_id=theme_id)  # fmt: skip
                except ValueError as exc:
                    st.error(str(exc))
                else:
                    st.rerun()
    key = f"summary_{survey_id}_{section.id}"
    summaries[section.id] = st.text_area(f"Owner's summary: {section.title}", section.summary,
                                         key=key, on_change=keep_summary, args=(section.id, key))  # fmt: skip
    if note := st.session_state.pop(f"{key}_note", None):
        st.caption(note)

if st.button("Save", type="primary", key="save_postmortem"):
    try:
        save_postmortem(store, survey_id, owner=owner, status=status, summaries=summaries)
    except ValueError as exc:
        st.error(f"Not saved: {exc}")
    else:
        st.session_state["postmortem_saved"] = True
        st.rerun()  # the header and downloads show what was saved
