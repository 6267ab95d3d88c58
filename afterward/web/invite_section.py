"""The surveys page's invitations: single-use links to download, and "Invite by e-mail"
(invitations, reminders and a test e-mail).

Invitations and reminders are sent in the background (`afterward.services.mail_jobs`): the
buttons start a batch and return at once; a fragment shows its progress every second, and
the report once it is done. A batch started elsewhere (another manager, the command line
through the app) shows its progress too, but only the session that started it sees the
report (it names addresses that failed)."""

from __future__ import annotations

import streamlit as st

from afterward.services import mail_jobs, mailing
from afterward.services.survey_admin import invitation_links_csv
from afterward.web.safe_text import plain
from surveys.links import check_invitation_count
from surveys.store import Store, Survey

PRIVACY_CAPTION = (
    "Addresses are kept apart from answers (they are never stored beside one), only so that "
    "reminders reach those whose link is unused, and are deleted when the survey closes."
)
REMIND_CAPTION = (
    "Each invited address whose link is still unused gets a new single-use link; its earlier "
    "link stops working. You are told how many were reminded, never who."
)


def invitations_section(store: Store, survey: Survey, base: str) -> None:
    """Draw the survey's invitations: single-use links to download (the list is not stored),
    then `invite_section`. Links are built on `base`. Raises nothing."""
    st.markdown("#### Single-use invitation links")
    st.caption("Each link works once. The list is not stored: download it now.")
    # No min/max on the field: the browser would clamp a typed 0 back to the last value and
    # create links anyway. The rule (1-10,000) is links.check_invitation_count, called here.
    count = st.number_input("How many?", value=10, step=1, help="Between 1 and 10,000.")
    if st.button("Create invitation links"):
        try:
            check_invitation_count(int(count))
            made = invitation_links_csv(store, survey.survey_id, int(count), base)
        except ValueError as exc:  # a count outside the rule: nothing is created
            st.error(f"No links were created. {exc}")
        else:
            st.session_state["fresh_invitations"] = made
    if st.session_state.get("fresh_invitations"):
        st.download_button(
            "Download invitation links (CSV)",
            data=st.session_state["fresh_invitations"],
            file_name="invitation-links.csv",
            mime="text/csv",
        )
    invite_section(store, survey, base)


def invite_section(store: Store, survey: Survey, base: str) -> None:
    """Draw the section for `survey`: paste or upload addresses, edit the message, send; remind
    those who have not answered; send a test e-mail. Links are built on `base`. Says what to
    set when e-mail is not configured. Raises nothing (problems are shown as errors)."""
    sid = survey.survey_id
    with st.expander("Invite by e-mail"):
        try:
            mailing.smtp_settings()
        except mailing.MailError as exc:
            st.info(str(exc))
            return
        st.caption(PRIVACY_CAPTION)
        kept = store.invited_address_count(sid)
        if kept:
            st.caption(f"{kept} address(es) kept for reminders.")
        pasted = st.text_area("Addresses, one per line", key=f"invite_emails_{sid}")
        uploaded = st.file_uploader(
            "Or upload a file (one address per line, or a CSV with an email column)",
            type=["txt", "csv"],
            key=f"invite_file_{sid}",
        )
        message = st.text_area(
            "Message",
            value=mailing.DEFAULT_INVITATION,
            height=260,
            key=f"invite_message_{sid}",
            help="{link}, {survey}, {project} and {threshold} are filled in for each person; "
            "the link is added at the end if you leave {link} out.",
        )
        if st.button("Send invitations", type="primary", key=f"invite_send_{sid}"):
            _start(sid, lambda: _invite(store, sid, pasted, uploaded, message, base))
        st.markdown("**Remind those who have not answered**")
        st.caption(REMIND_CAPTION)
        if st.button("Send reminders", key=f"invite_remind_{sid}"):
            _start(sid, lambda: mail_jobs.start_reminders(store, sid, base))
        to = st.text_input("Send a test e-mail to", key=f"invite_test_to_{sid}")
        if st.button("Send a test e-mail", key=f"invite_test_{sid}"):
            _run(sid, lambda: _test(to))
        _progress(sid)
        _show(sid)


def _invite(store: Store, sid: str, pasted: str, uploaded, message: str, base: str):
    text = pasted
    if uploaded is not None:
        text += "\n" + mailing.decode_address_file(uploaded.getvalue())
    return mail_jobs.start_invitations(store, sid, text, message, base)


def _start(sid: str, start) -> None:
    """Start a batch (`start` returns its MailJob); keep its id, or the refusal to show."""
    st.session_state.pop("invite_report", None)
    try:
        st.session_state["invite_job"] = (sid, start().job_id)
    except ValueError as exc:  # MailError, MailJobBusy, bad input: a message, never a traceback
        st.session_state["invite_report"] = (sid, [], str(exc))


def _progress(sid: str) -> None:
    """This session's batch: its progress while it runs, its report (to `_show`) once done.
    Else another session's batch for the survey: its progress only."""
    held = st.session_state.get("invite_job")
    if held and held[0] == sid:
        try:
            job = mail_jobs.job(held[1])
        except mail_jobs.UnknownMailJob:
            st.session_state.pop("invite_job", None)
            return
        if job.done:
            st.session_state.pop("invite_job", None)
            lines = job.report.lines() if job.report is not None else []
            st.session_state["invite_report"] = (sid, lines, job.error or None)
            return
        _follow(job.job_id)
    elif (other := mail_jobs.running_for(sid)) is not None:
        _follow(other.job_id)


@st.fragment(run_every=1.0)
def _follow(job_id: str) -> None:
    """The batch's progress bar, redrawn every second; the whole page reruns once it is done."""
    try:
        job = mail_jobs.job(job_id)
    except mail_jobs.UnknownMailJob:
        return
    if job.done:
        st.rerun()
    st.progress(job.fraction, text=job.progress_line())
    st.caption("Sending goes on in the background: you may leave this page.")


def _test(to: str) -> list[str]:
    mailing.send_test_mail(to)
    return [f"Test e-mail sent to {to.strip()}: check that it arrived."]


def _run(sid: str, work) -> None:
    """Run `work` (returning report lines) with a spinner; keep its lines or error to show."""
    try:
        with st.spinner("Sending…"):
            st.session_state["invite_report"] = (sid, work(), None)
    except ValueError as exc:  # MailError and refused requests: a message, never a traceback
        st.session_state["invite_report"] = (sid, [], str(exc))


def _show(sid: str) -> None:
    shown = st.session_state.get("invite_report")
    if not shown or shown[0] != sid:
        return
    _, lines, error = shown
    if error:
        st.error(plain(error))
        return
    st.success(lines[0])
    for line in lines[1:]:  # entries as pasted, addresses, the server's reasons: literal
        st.warning(plain(line))
