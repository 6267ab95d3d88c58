"""The post-mortem of a survey: the document its one named owner runs the meeting from.

`postmortem_document` prefills the meeting's sections from the survey's RELEASED responses,
through the anonymity gate only (`survey_results` for distributions, `role_breakdown` for
roles, `root_cause_cells` for categories, `analysis.anonymity.suppress` and
`visible_quotes` for themes and quotes), and adds the owner's summary of each section
(`Store.postmortem`). A hidden survey gives a document that says so and why, with no
results at all. The renderers live in `afterward.output.postmortem_document`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from afterward.services.gates import BY_ROLE_WAITS, by_role_note
from afterward.services.manager_views import category_counts, theme_label, theme_labels
from afterward.services.survey_results import (
    survey_results,
    survey_texts,
    text_question_note,
    texts_visibility,
)
from analysis.anonymity import (
    Visibility,
    quote_threshold,
    shown_surveys,
    suppress,
    visible_quotes,
)
from analysis.inert_text import show_bidi_controls
from analysis.insights import role_breakdown, root_cause_cells, shown
from analysis.taxonomy import category_label, no_root_cause_note
from clock import today
from surveys.questionnaire import scale_of
from surveys.setup import questionnaire_of
from surveys.store import ACTION_STATUSES, POSTMORTEM_STATUSES, Scope, Store
from surveys.store.postmortems import Postmortem

NOT_ASSIGNED = "not assigned yet"
MAX_THEMES = 8  # themes listed per section, largest first
MAX_QUOTES = 5  # quotes per theme
MAX_OTHER_QUOTES = 10  # quotes of the answers in no theme shown
NO_THEME = -1  # answers that joined no theme

# The meeting, in order: section id -> (title, question ids that feed it, first found wins).
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "goals": ("Were the goals clear to all stakeholders?", ("goals_clear",)),
    "schedule": (
        "Was the schedule realistic and detailed enough?",
        ("schedule_realistic", "schedule_detailed"),
    ),
    "went_well": ("What went well", ("went_well", "continue")),
    "went_wrong": ("What went wrong", ("went_wrong", "what_happened", "stop")),
    "root_causes": ("Root causes", ()),
    "do_differently": (
        "What to do differently",
        ("do_differently", "prevent_next_time", "start"),
    ),
    "actions": ("Action items", ()),
}
SECTION_IDS: tuple[str, ...] = tuple(SECTIONS)


# -- the document model (plain data; every renderer draws the same blocks) -----------------


@dataclass(frozen=True)
class Text:
    """A paragraph; `note` marks a state message (hidden, nothing to show, no source)."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class Table:
    """A small table of already formatted cells."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Quotes:
    """A theme (or the other answers) with its count of answers (0 when too few to show the
    count) and its quotes as (text, identical answers) pairs: identical answers once."""

    heading: str
    answers: int
    quotes: tuple[tuple[str, int], ...]


Block = Text | Table | Quotes


@dataclass(frozen=True)
class Section:
    """One part of the meeting: `id` (a SECTION_IDS key), `title`, prefilled `blocks` and
    the owner's `summary` ("" when none was written)."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    summary: str = ""


@dataclass(frozen=True)
class PostmortemDocument:
    """A survey's post-mortem. `owner` is None until one is named (`owner_label` says "not
    assigned yet"); `status` a POSTMORTEM_STATUSES key; `released_responses` the responses the
    results come from (0 while hidden); `hidden_message` why nothing is shown ("" when shown);
    `quote_threshold` the responses a theme needs before its quotes are shown."""

    survey_id: str
    project: str
    survey_title: str
    quarter: str
    template_id: str
    owner: str | None
    status: str
    released_responses: int
    threshold: int
    quote_threshold: int
    hidden_message: str
    generated_on: date
    sections: tuple[Section, ...]

    @property
    def owner_label(self) -> str:
        return self.owner or NOT_ASSIGNED

    @property
    def status_label(self) -> str:
        return POSTMORTEM_STATUSES.get(self.status, self.status)

    @property
    def hidden(self) -> bool:
        return bool(self.hidden_message)

    def section(self, section_id: str) -> Section:
        """The section with id `section_id`. Raises KeyError for an unknown id."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


# -- building it ----------------------------------------------------------------------------


def postmortem_document(store: Store, survey_id: str) -> PostmortemDocument:
    """The post-mortem document of one survey, prefilled from its released, gated results.

    Sections in meeting order (SECTIONS): goals, schedule, went well, went wrong, root causes,
    what to do differently, action items; each carries the owner's summary. Without a started
    post-mortem the owner is None and the status "draft". A hidden survey's result sections
    hold only the gate's message (`Visibility.message`); its action items are still listed
    (they are the managers' own decisions, not answers).

    Raises ValueError for an unknown survey; the store's StoreError when the database cannot
    be read.
    """
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    survey_id = survey.survey_id
    results = survey_results(store, survey_id)  # releases what is due, refreshes the analysis
    threshold = int(survey.anonymity_threshold)
    participation = store.participation(Scope(projects=(survey.project_name,)))
    row = shown_surveys(participation[participation["survey_id"] == survey_id]).iloc[0]
    gate = Visibility(bool(row["shown"]), int(row["responses"]), int(row["needed"]))
    record = store.postmortem(survey_id)
    summaries = record.summaries if record else {}
    questions = {q.id: q for q in questionnaire_of(survey).questions}
    if gate.visible:
        builder = _Builder(store, survey_id, threshold, results, questions)
        content = {
            "goals": builder.scales(SECTIONS["goals"][1], by_role=True),
            "schedule": builder.scales(SECTIONS["schedule"][1]),
            "went_well": builder.themes(SECTIONS["went_well"][1]),
            "went_wrong": builder.themes(SECTIONS["went_wrong"][1]),
            "root_causes": builder.root_causes(),
            "do_differently": builder.themes(SECTIONS["do_differently"][1], what="strategies"),
        }
    else:
        content = {key: [Text(gate.message, note=True)] for key in SECTION_IDS[:-1]}
    content["actions"] = _action_blocks(store, survey_id)
    sections = tuple(
        Section(key, SECTIONS[key][0], tuple(content[key]), summaries.get(key, ""))
        for key in SECTION_IDS
    )
    return PostmortemDocument(
        survey_id=survey_id,
        project=survey.project_name,
        survey_title=survey.title,
        quarter=survey.quarter,
        template_id=survey.template_id,
        owner=record.owner if record else None,
        status=record.status if record else "draft",
        released_responses=int(results["released_responses"]),
        threshold=threshold,
        quote_threshold=quote_threshold(threshold),
        hidden_message=gate.message,
        generated_on=today(),
        sections=sections,
    )


class _Builder:
    """The result sections of a shown survey."""

    def __init__(
        self,
        store: Store,
        survey_id: str,
        threshold: int,
        results: dict[str, Any],
        questions: dict[str, Any],
    ) -> None:
        self.store, self.survey_id, self.threshold = store, survey_id, threshold
        self.results = {q["id"]: q for q in results["questions"]}
        self.released = int(results["released_responses"])
        self.questions = questions
        self._labels: dict[int, str] | None = None

    def _present(self, ids: tuple[str, ...]) -> list[str]:
        return [i for i in ids if i in self.questions]

    def _no_source(self, ids: tuple[str, ...]) -> list[Block]:
        del ids  # internal question ids are never shown
        return [Text("This survey's questionnaire does not ask about this.", True)]

    def scales(self, ids: tuple[str, ...], *, by_role: bool = False) -> list[Block]:
        present = [i for i in self._present(ids) if self.questions[i].scale is not None]
        if not present:
            return self._no_source(ids)
        blocks: list[Block] = []
        for qid in present:
            blocks += _scale_blocks(self.questions[qid], self.results.get(qid), self.threshold)
        if by_role:
            blocks += self._roles(present)
        return blocks

    def _roles(self, ids: list[str]) -> list[Block]:
        survey = self.store.survey(self.survey_id)
        reopened = self.store.reopened_surveys()
        waits = BY_ROLE_WAITS if survey is None else by_role_note(survey, reopened)
        if waits:  # still collecting, or reopened after closing: no view by role
            return [Text(waits, note=True)]
        totals = self.store.role_rating_totals([self.survey_id])
        roles = role_breakdown(totals[totals["question_id"].isin(ids)])
        if roles.empty:
            return []  # no role question in this survey
        visible = roles[~roles["suppressed"].astype(bool)]
        if visible.empty:
            return [Text("Too few answers per role to show them by role.", note=True)]
        rows = tuple(
            (str(r), _int(n), f"{m:.2f}")
            for r, n, m in zip(visible["role"], visible["responses"], visible["mean"], strict=True)
        )
        return [
            Text("By role (small roles merged or hidden to protect anonymity):"),
            Table(("Role", "Responses", "Mean"), rows),
        ]

    def themes(self, ids: tuple[str, ...], *, what: str = "themes") -> list[Block]:
        present = [i for i in self._present(ids) if self.questions[i].free_text]
        if not present:
            return self._no_source(ids)
        qid = present[0]
        texts = question_texts(self.store, self.survey_id, qid)
        if texts.empty:
            if not texts_visibility(self.store, self.survey_id).visible:
                why = (
                    f"answers are quoted only once the survey has "
                    f"{quote_threshold(self.threshold)} released responses."
                )
            else:  # the survey may quote; this question's own answers are too few
                note = text_question_note(self.threshold, quoted=False)
                why = note[0].lower() + note[1:]
            return [Text(f"No {what} to show: {why}", note=True)]
        labels = self._theme_labels()
        counts = texts.groupby("theme_id", as_index=False)["answers"].sum()
        # Theme sizes through the gate (the question's total is public: complementary
        # suppression); the rest is one group of other answers, never split further.
        gated = suppress(counts, self.threshold, count_column="answers")
        themed = shown(gated[gated["theme_id"] != NO_THEME])
        themed = themed.sort_values(["answers", "theme_id"], ascending=[False, True])
        themed = themed.head(MAX_THEMES)
        limit = quote_threshold(self.threshold)
        kind = "Strategies" if what == "strategies" else "Themes"
        blocks: list[Block] = [
            Text(
                f"{kind} in the answers to “{self.questions[qid].prompt}”, largest first "
                f"(quoted because the survey and this question have at least {limit} "
                "responses; "
                "identical answers once, with their count)."
            )
        ]
        for theme_id, answers in zip(themed["theme_id"], themed["answers"], strict=True):
            part = texts[texts["theme_id"] == theme_id]
            heading = show_bidi_controls(theme_label(int(theme_id), labels))
            blocks.append(Quotes(heading, int(answers), self._quotes(part)))
        rest = texts[~texts["theme_id"].isin(themed["theme_id"])]
        if len(rest):
            total = int(rest["answers"].sum())
            heading = "Other answers" if len(themed) else "Answers"
            shown_total = total if total >= self.threshold else 0
            blocks.append(Quotes(heading, shown_total, self._quotes(rest, MAX_OTHER_QUOTES)))
        return blocks

    def _quotes(self, part: pd.DataFrame, n: int = MAX_QUOTES) -> tuple[tuple[str, int], ...]:
        """The most given wordings of a group, through the survey's quote gate."""
        part = part.sort_values(["answers", "text"], ascending=[False, True])
        allowed = set(visible_quotes(part["text"].tolist(), self.released, self.threshold))
        return tuple(
            (show_bidi_controls(t), int(c))  # respondents' words, in the order written
            for t, c in zip(part["text"], part["answers"], strict=True)
            if t in allowed
        )[:n]

    def _theme_labels(self) -> dict[int, str]:
        if self._labels is None:
            self._labels = theme_labels(self.store)
        return self._labels

    def root_causes(self) -> list[Block]:
        categories, none = root_cause_cells(category_counts(self.store, [self.survey_id]))
        categories, none = shown(categories), shown(none)
        if categories.empty and none.empty:
            return [
                Text(
                    "No root-cause category has enough answers to show without risking "
                    "anyone's anonymity (or no free text was analysed yet).",
                    note=True,
                )
            ]
        blocks: list[Block] = [
            Text(
                "Root-cause categories of the survey's free-text answers, most frequent "
                "first; small categories are hidden."
            )
        ]
        if len(categories):
            summed = categories.groupby("category")["answers"].sum().sort_values(ascending=False)
            rows = tuple((category_label(str(c)), _int(n)) for c, n in summed.items())
            blocks.append(Table(("Root cause", "Answers"), rows))
        if len(none):
            blocks.append(Text(no_root_cause_note(int(none["answers"].sum()))))
        return blocks


def _scale_blocks(question: Any, result: dict[str, Any] | None, threshold: int) -> list[Block]:
    prompt = question.prompt
    distribution = (result or {}).get("distribution") or {}
    if not distribution:
        return [
            Text(f"“{prompt}”: too few answers to show without risking anyone's anonymity.", True)
        ]
    n = int(result["n"])
    low, high = scale_of(question.kind)
    labels = getattr(question, "labels", None)
    rows = []
    for value in range(low, high + 1):
        count = int(distribution.get(str(value), 0))
        name = f"{value} – {labels[value - low]}" if labels else str(value)
        rows.append((name, str(count), f"{count / n:.0%}"))
    favourable = sum(int(distribution.get(str(v), 0)) for v in _favourable(low, high))
    line = (
        f"“{prompt}” {n} answers, mean {result['mean']:.2f} on a {low}–{high} scale, "
        f"{favourable / n:.0%} favourable ({_favourable_words(question.kind)})."
    )
    return [Text(line), Table(("Answer", "Responses", "Share"), tuple(rows))]


def _favourable(low: int, high: int) -> range:
    """Favourable answers: the top two of a 1–5 scale, 9–10 of a 0–10 scale (promoters)."""
    return range(high - 1, high + 1)


def _favourable_words(kind: str) -> str:
    return "agree or strongly agree" if kind == "likert" else "9 or 10"


def question_texts(store: Store, survey_id: str, question_id: str) -> pd.DataFrame:
    """One free-text question's answers as the gate lets them be quoted: text, answers
    (identical answers once, with their count), theme_id (int; NO_THEME when none or hidden
    by the gate), from `survey_results.survey_texts`. Empty below the survey's quote
    threshold, or while the question's own answers are below it."""
    columns = ["text", "answers", "theme_id"]
    found = survey_texts(store, survey_id, question_id=question_id)
    if found.empty:
        return pd.DataFrame({"text": [], "answers": [], "theme_id": []}).astype(
            {"answers": "int64", "theme_id": "int64"}
        )
    theme = pd.to_numeric(found["theme_id"], errors="coerce").fillna(NO_THEME).astype(int)
    return found.assign(theme_id=theme)[columns].reset_index(drop=True)


def _action_blocks(store: Store, survey_id: str) -> list[Block]:
    actions = survey_actions(store, survey_id)
    if actions.empty:
        return [Text("No action items yet: add them in the meeting, one owner each.", True)]
    rows = tuple(
        (t, o, _day(d), ACTION_STATUSES.get(s, s) + (" (overdue)" if od else ""), tp, w)
        for t, o, d, s, od, tp, w in zip(
            actions["title"],
            actions["owner"],
            actions["due_on"],
            actions["status"],
            actions["overdue"],
            actions["topic"],
            actions["worked"],
            strict=True,
        )
    )
    return [Table(("Action", "Owner", "Due", "Status", "Meant to fix", "Did it work?"), rows)]


def survey_actions(store: Store, survey_id: str) -> pd.DataFrame:
    """The action items this survey's post-mortem decided (`Store.actions` columns plus
    `topic`, what each is meant to fix, and `worked`, the short "Did it work?" verdict of a
    done action from the project's later retrospectives — "" while not done, "Not linked"
    when done without a root cause or theme). Overdue first, then by due date."""
    from afterward.services.action_items import verdict_parts
    from afterward.services.manager_views import compute_view, with_topics

    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    scope = Scope(projects=(survey.project_name,))
    actions = store.actions(scope, today())
    mine = actions[actions["survey_id"] == survey.survey_id].reset_index(drop=True)
    labels = theme_labels(store) if mine["theme_id"].notna().any() else {}
    mine = with_topics(mine, labels)
    verdicts: dict[str, str] = {}
    if mine["is_done"].any():
        effect = compute_view("action_effect", store, scope)
        verdicts = {
            a: verdict_parts(v)[0]
            for a, v in zip(effect["action_id"], effect["verdict"], strict=True)
        }
    mine["worked"] = [
        verdicts.get(a, "Not linked to a root cause or theme") if done else ""
        for a, done in zip(mine["action_id"], mine["is_done"], strict=True)
    ]
    return mine


# -- what the owner does ---------------------------------------------------------------------


def start_postmortem(store: Store, survey_id: str, owner: str) -> Postmortem:
    """Start a survey's post-mortem with its one named `owner` (draft), or rename the owner
    of one already started (status and summaries kept).

    Raises ValueError for a blank owner or an unknown survey; StoreError when the database
    cannot be written.
    """
    current = store.postmortem(survey_id)
    status = current.status if current else "draft"
    return store.save_postmortem(survey_id, owner=owner, status=status)


def save_postmortem(
    store: Store,
    survey_id: str,
    *,
    owner: str,
    status: str,
    summaries: dict[str, str],
) -> Postmortem:
    """Save the owner, status (a POSTMORTEM_STATUSES key) and every section's summary at once
    (`summaries`: section id -> text; blank ones are dropped).

    Raises ValueError for a blank owner, an unknown status, section or survey; StoreError
    when the database cannot be written.
    """
    unknown = sorted(set(summaries) - set(SECTION_IDS))
    if unknown:
        raise ValueError(f"Unknown section(s): {', '.join(unknown)}.")
    return store.save_postmortem(survey_id, owner=owner, status=status, summaries=summaries)


NEEDS_OWNER_FIRST = (
    "Name the owner and press Save once; after that each summary is kept as you type it."
)


def save_summary(store: Store, survey_id: str, section_id: str, text: str) -> Postmortem:
    """Keep one section's summary as the owner types it (the page calls this when the field
    loses focus), leaving the owner, the status and the other summaries as stored; a blank
    text removes that summary. Returns what is stored.

    Raises ValueError for an unknown section, a post-mortem not saved with an owner yet
    (`NEEDS_OWNER_FIRST`) or a summary over the length limit; StoreError when the
    database cannot be written.
    """
    if section_id not in SECTION_IDS:
        raise ValueError(f"Unknown section: {section_id}.")
    stored = store.postmortem(survey_id)
    if stored is None:
        raise ValueError(NEEDS_OWNER_FIRST)
    summaries = {**stored.summaries, section_id: text}
    return store.save_postmortem(
        survey_id, owner=stored.owner, status=stored.status, summaries=summaries
    )


def add_postmortem_action(
    store: Store,
    survey_id: str,
    *,
    title: str,
    owner: str,
    due_on: date | None,
    theme_id: int | None = None,
    category: str | None = None,
) -> str:
    """Record an action item decided in this survey's post-mortem: for the survey's project,
    in the survey's quarter, tied to the survey. Returns its id.

    Raises ValueError for an unknown survey, a blank title or owner, a due date before
    today (`action_items.check_due`, the one rule), or a category the taxonomy in effect
    does not have; StoreError when the database cannot be written.
    """
    from afterward.services.action_items import check_due
    from afterward.services.manager_views import add_action

    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    check_due(due_on)
    return add_action(
        store,
        project=survey.project_name,
        title=title,
        owner=owner,
        due_on=due_on,
        category=category,
        theme_id=theme_id,
        survey_id=survey.survey_id,
        quarter=survey.quarter,
    )


def survey_choices(store: Store) -> dict[str, str]:
    """Survey id -> label for the page's picker: surveys whose post-mortem has started first
    (label ends with its status and owner), then the others; newest quarter first in each.
    The label names the project and the quarter once ("Payments platform · Incident review
    (2025Q1) — Published, Ines Marchetti")."""
    surveys = store.participation(Scope())
    started = store.postmortems().set_index("survey_id")
    surveys = surveys.assign(started=surveys["survey_id"].isin(started.index)).sort_values(
        ["started", "quarter", "project", "title"], ascending=[False, False, True, True]
    )
    choices = {}
    for s, p, t, q in zip(
        surveys["survey_id"], surveys["project"], surveys["title"], surveys["quarter"], strict=True
    ):
        label = t if p in t else f"{p} · {t}"
        label = label if q in label else f"{label} ({q})"
        if s in started.index:
            row = started.loc[s]
            label += f" — {POSTMORTEM_STATUSES.get(row['status'], row['status'])}, {row['owner']}"
        choices[s] = label
    return choices


def _int(value: object) -> str:
    return "–" if value is None or pd.isna(value) else str(int(value))


def _day(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(pd.Timestamp(value).date())
