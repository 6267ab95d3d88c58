"""Action items for the actions page: edit, delete, history, and tables that read at a glance.

What an action is meant to fix is one choice in the page, a *topic key*: "" (nothing),
"category:<root cause id>" or "theme:<theme id>". The store keeps it as a category and a
theme id; these helpers translate both ways and check the choice before anything is stored.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pandas as pd

from afterward.services.manager_views import (
    ACTION_STATUSES,
    add_action,
    category_ids,
    category_label,
    theme_label,
    theme_labels,
)
from analysis.insights import effect_count
from clock import today
from surveys.store import NOT_DOING_STATUS, Scope, Store

NO_TOPIC = ""
NEEDS_REASON = NOT_DOING_STATUS  # the one status that takes a reason


def topic_key(category: object, theme_id: object) -> str:
    """The topic key of a stored (category, theme_id) pair; the root cause wins when both are
    set (as in `manager_views.with_topics`)."""
    if isinstance(category, str) and category:
        return f"category:{category}"
    if theme_id is not None and pd.notna(theme_id):
        return f"theme:{int(theme_id)}"
    return NO_TOPIC


def category_choices() -> dict[str, str]:
    """Topic key -> label for "—" (none) and every root cause of the taxonomy in effect."""
    return {NO_TOPIC: "—"} | {f"category:{c}": category_label(c) for c in category_ids()}


def theme_choices(store: Store) -> dict[str, str]:
    """Topic key -> label for "—" (none) and every named theme."""
    return {NO_TOPIC: "—"} | {f"theme:{t}": name for t, name in theme_labels(store).items()}


def topic_choices(store: Store, current: str = NO_TOPIC) -> dict[str, str]:
    """Topic key -> label for one select box: nothing, every root cause of the taxonomy in
    effect, every named theme, and `current` even when its theme has no name any more."""
    labels = theme_labels(store)
    choices = {NO_TOPIC: "— not linked to a problem"}
    choices |= {k: f"Root cause: {v}" for k, v in category_choices().items() if k}
    choices |= {k: f"Theme: {v}" for k, v in theme_choices(store).items() if k}
    if current and current not in choices:
        kind, _, value = current.partition(":")
        choices[current] = (
            f"Theme: {theme_label(int(value), labels)}"
            if kind == "theme"
            else f"Root cause: {value}"
        )
    return choices


def parse_topic(store: Store, key: str) -> tuple[str | None, int | None]:
    """(category, theme_id) of a topic key. Raises ValueError for a root cause the taxonomy
    does not have, a theme the theme model does not have, or a malformed key."""
    if not key:
        return None, None
    kind, _, value = key.partition(":")
    if kind == "category" and value in category_ids():
        return value, None
    if kind == "theme" and value.isdigit() and int(value) in theme_labels(store):
        return None, int(value)
    raise ValueError(f"Unknown problem to fix: {key!r}. Pick one from the list.")


def check_due(due_on: date | None, *, kept: date | None = None) -> None:
    """The one rule for due dates: none, or today (`clock.today()`) or later. An existing
    action may keep the past due date it already has (`kept`), so an edit of its other
    fields is not refused. Raises ValueError, saying so, for any other day before today."""
    if due_on is None or due_on >= today() or due_on == kept:
        return
    raise ValueError(
        f"The due date {_day(due_on)} is in the past (today is {_day(today())}): "
        "pick today or a later day, or no due date."
    )


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def create(
    store: Store, project: str, title: str, owner: str, due_on: date | None, topic: str
) -> str:
    """Record a new action item decided today (see `manager_views.add_action`); returns its
    id. Raises ValueError for an unknown project or topic, a blank title or owner, or a due
    date before today (`check_due`)."""
    check_due(due_on)
    category, theme_id = parse_topic(store, topic)
    return add_action(
        store,
        project=project,
        title=title,
        owner=owner,
        due_on=due_on,
        category=category,
        theme_id=theme_id,
    )


def edit(
    store: Store, action_id: str, *, title: str, owner: str, due_on: date | None, topic: str
) -> None:
    """Replace an action's title, owner, due date (None: none) and what it is meant to fix.
    Nothing is stored unless all of it is valid. Raises ValueError for a blank title or
    owner, an unknown topic, an unknown action, or a due date before today unless it is the
    one the action already has (`check_due`)."""
    actions = store.actions(Scope()).set_index("action_id")
    if action_id not in actions.index:
        raise ValueError("Unknown action.")
    stored_due = actions.loc[action_id, "due_on"]
    check_due(due_on, kept=None if pd.isna(stored_due) else pd.Timestamp(stored_due).date())
    category, theme_id = parse_topic(store, topic)
    store.edit_action(
        action_id, title=title, owner=owner, due_on=due_on, theme_id=theme_id, category=category
    )


def set_status(store: Store, action_id: str, status: str, reason: str) -> str:
    """Change an action's status today; the reason is kept only for "not doing"
    (`Store.set_action_status`). Returns what to tell the user: "Status saved: Done." or,
    when it already had that status and reason, that nothing changed. Raises ValueError for
    an unknown status or action, or "not doing" without a reason."""
    label = ACTION_STATUSES.get(status, status)
    if store.set_action_status(action_id, status, reason):
        return f"Status saved: {label}."
    return f"Nothing to save: it is already “{label}”."


def delete(store: Store, action_id: str) -> None:
    """Delete an action item and its status history. Raises ValueError when it is unknown
    (already deleted)."""
    store.delete_action(action_id)


def survey_titles(store: Store) -> dict[str, str]:
    """Survey id -> its title, for naming the post-mortem an action came from."""
    surveys = store.surveys_overview()
    return dict(zip(surveys["survey_id"].astype(str), surveys["title"], strict=True))


def status_text(status: str, overdue: bool) -> str:
    """A status as people read it: "Open", "In progress · overdue"."""
    label = ACTION_STATUSES.get(status, status)
    return f"{label} · overdue" if overdue else label


def action_table(actions: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """The actions list as shown, what to read first on the left: columns Status (label,
    "· overdue" when past due), Action, Due (date or None), Owner, Project, Meant to fix,
    From post-mortem (survey title or ""), Reason. `actions` is the "actions" view (with
    `topic`)."""
    return pd.DataFrame(
        {
            "Status": [
                status_text(s, bool(o))
                for s, o in zip(actions["status"], actions["overdue"], strict=True)
            ],
            "Action": actions["title"],
            "Due": [None if pd.isna(d) else pd.Timestamp(d).date() for d in actions["due_on"]],
            "Owner": actions["owner"],
            "Project": actions["project"],
            "Meant to fix": actions["topic"].replace("", "—"),
            "From post-mortem": [
                titles.get(str(s), "") if isinstance(s, str) else "" for s in actions["survey_id"]
            ],
            "Reason": actions["status_reason"].fillna(""),
        }
    )


def action_labels(actions: pd.DataFrame) -> dict[str, str]:
    """Action id -> "project · title", for choosing one."""
    return dict(
        zip(actions["action_id"], actions["project"] + " · " + actions["title"], strict=True)
    )


def choice_key(labels: dict[str, str]) -> str:
    """The widget key of the select box that picks an action, new whenever a label or the
    order changes. A select box holds the label it shows, not the action id: after a title
    changes, the browser would send back a label no option has any more and the box would
    fall back to its first action. A new box starts from the action the page remembers."""
    digest = hashlib.sha256(json.dumps(list(labels.items())).encode()).hexdigest()[:16]
    return f"action_choice_{digest}"


def history_table(store: Store, action_id: str) -> pd.DataFrame:
    """One action's status history, newest first: Day (date), Status (label), Reason."""
    history = store.action_history(action_id)
    return (
        pd.DataFrame(
            {
                "Day": [pd.Timestamp(d).date() for d in history["changed_on"]],
                "Status": [ACTION_STATUSES.get(s, s) for s in history["status"]],
                "Reason": history["reason"].fillna(""),
            }
        )
        .iloc[::-1]
        .reset_index(drop=True)
    )


def _counted(answers: int, quarters: int, hidden: bool = False) -> str:
    if quarters == 0:
        return "no retrospective"
    return f"{effect_count(answers, hidden)} in {quarters} quarter{'s' if quarters != 1 else ''}"


def verdict_parts(verdict: str) -> tuple[str, str]:
    """A verdict sentence ("Unclear: later answers are too few to show.") as a short verdict
    and its detail ("Unclear", "Later answers are too few to show"); detail "" when the
    sentence has no colon."""
    short, _, detail = verdict.rstrip(".").partition(":")
    detail = detail.strip()
    return short.strip(), detail[:1].upper() + detail[1:]


def effect_table(effect: pd.DataFrame) -> pd.DataFrame:
    """ "Did it work?" as shown, the verdict first and short enough to read whole: Verdict,
    Action, Detail (the rest of the verdict sentence), Meant to fix, Project, Done (date),
    Raised before / Raised after ("12 in 4 quarters": answers raising it, shown cells
    only; "hidden in 4 quarters" or "at least 12 in 4 quarters" where cells are too small
    to show, never a 0 that is not one). `effect` is the "action_effect" view (with
    `topic`)."""
    parts = [verdict_parts(v) for v in effect["verdict"]]
    return pd.DataFrame(
        {
            "Verdict": [short for short, _ in parts],
            "Action": effect["title"],
            "Detail": [detail for _, detail in parts],
            "Meant to fix": effect["topic"],
            "Project": effect["project"],
            "Done": effect["done_on"],
            "Raised before": [
                _counted(a, q, h)
                for a, q, h in zip(
                    effect["answers_before"],
                    effect["quarters_before"],
                    effect["hidden_before"],
                    strict=True,
                )
            ],
            "Raised after": [
                _counted(a, q, h)
                for a, q, h in zip(
                    effect["answers_after"],
                    effect["quarters_after"],
                    effect["hidden_after"],
                    strict=True,
                )
            ],
        },
        index=effect.index,
    )
