"""One survey's results as a manager may see them now: released responses only, through
the anonymity gate. `survey_results` is behind `afterward results SURVEY_ID --json` (a public
contract); `survey_results_view` feeds the survey results page and `survey_texts` its
free-text browser.

The free-text browser's anonymity rule (why filtering and searching cannot single anyone out):

1. Nothing is listed until the survey's released responses reach the quote threshold
   (`analysis.anonymity.quotes_visibility`); a survey the gate hides lists nothing either.
   A question fewer than the quote threshold answered (non-answers aside) lists nothing,
   by the rule the row-level export applies too (`gates.question_quoted`): its few answers
   would be quotes of a handful of people (`text_question_note` says why, without the
   exact count).
2. The full list is fixed first: one row per question and near-identical answer
   (`analysis.text_normal.answer_key`), its count being every released answer with that key,
   and one category and theme per row (the most common among its answers; a category or
   theme the gate hides in the survey's breakdown is not named: None / -1).
3. Filters and the search only pick whole rows of that list by what the row itself shows
   (its wording, question, theme, category). A row's count never depends on the filter and
   no total of matches is given, so two filtered lists differ only by rows, with their
   counts, that the unfiltered list already shows to the same manager: no difference of two
   searches says more than the list itself. Nothing about who answered (role, day, response)
   can be filtered on.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from afterward.services import analysis_upkeep, publishing
from afterward.services.gates import by_role_note, question_quoted, still_collecting
from afterward.services.manager_views import (
    category_counts,
    theme_counts,
    theme_label,
    theme_labels,
)
from analysis.anonymity import (
    Visibility,
    breakdown,
    quote_threshold,
    quotes_visibility,
    shown_surveys,
    visibility,
)
from analysis.insights import gated_cells, root_cause_cells, shown
from analysis.no_root_cause import non_answer_mask
from analysis.taxonomy import category_label
from analysis.text_normal import answer_key, normalise_text
from surveys.questionnaire import scale_of
from surveys.setup import questionnaire_of
from surveys.store import Scope, Store

TEXT_COLUMNS = ("text", "answers", "question_id", "theme_id", "category")
ROLES_HIDDEN = (
    "The groups are hidden to protect anonymity: no group has enough answers to be shown "
    "on its own."
)
NO_RESPONSES = "No responses: this survey closed without any."
NO_THEME = -1
# Why a free-text question lists no answers: its own answers that say something are below
# the quote threshold ({limit}). Never the exact count. The one wording of this message:
# the results page, the post-mortem and the row-level export's notes (`exports.FEW_TEXTS`).
FEW_TEXTS = (
    "Fewer than {limit} people answered this question; answers are quoted once {limit} "
    "have, to protect anonymity."
)

# Likert bands, in chart order (left to right). Favourable is above the middle of the
# question's own scale (`LikertQuestion.scale`: agree and strongly agree), unfavourable
# below it, neutral the middle.
UNFAVOURABLE, NEUTRAL, FAVOURABLE = "Unfavourable", "Neutral", "Favourable"
LIKERT_BANDS = (UNFAVOURABLE, NEUTRAL, FAVOURABLE)
# Net Promoter Score groups on the 0-10 scale (Reichheld, "The One Number You Need to
# Grow", HBR 2003): detractors 0-6, passives 7-8, promoters 9-10.
DETRACTORS, PASSIVES, PROMOTERS = "Detractors", "Passives", "Promoters"
NPS_GROUPS = (DETRACTORS, PASSIVES, PROMOTERS)
_RECOMMEND = re.compile(r"\blikely\b.*\brecommend", re.IGNORECASE | re.DOTALL)


def survey_results(store: Store, survey_id: str) -> dict[str, Any]:
    """What a manager may see of one survey now, as plain data (JSON-ready).

    Keys: survey_id, threshold, released_responses (how many responses the results are
    computed from; 0 while nothing may be shown), waiting (responses not released yet),
    questions (list of id, kind, n — None while hidden: fewer than the threshold answered
    the question, as the results page hides it, since that one person answered an optional
    question is a fact — mean — None where not numeric or hidden — and distribution
    {value: count}; for a free-text question n is its released text answers as the results
    page lists them, non-answers left out, None while the quote gate hides them, and
    distribution is empty), roles (role, n), categories (category, answers), themes
    (theme_id, label, answers). `roles` (and the role question's distribution) stay empty
    while views by role wait (`gates.by_role_note`: the survey still collects, or was
    reopened after closing), as on the results page. Between two calls either nothing
    shown changes or released_responses grows by at least the threshold.

    Raises ValueError for an unknown survey; the store's StoreError when the database cannot
    be read.
    """
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    publishing.publish_due(store)
    analysis_upkeep.ensure_current(store)
    survey_id = survey.survey_id
    participation = store.participation(Scope(projects=(survey.project_name,)))
    row = shown_surveys(participation[participation["survey_id"] == survey_id]).iloc[0]
    result: dict[str, Any] = {
        "survey_id": survey_id,
        "threshold": int(survey.anonymity_threshold),
        "released_responses": int(row["responses"]) if row["shown"] else 0,
        "waiting": int(row["waiting"]),
        "questions": [],
        "roles": [],
        "categories": [],
        "themes": [],
    }
    if not row["shown"]:
        return result
    threshold = int(survey.anonymity_threshold)
    questionnaire = questionnaire_of(survey)
    counts = store.answer_distribution(survey_id)
    texts_gate, texts = _gated_texts(store, survey)
    text_answers = texts.groupby("question_id")["answers"].sum() if texts_gate.visible else {}
    for q in questionnaire.questions:
        entry = _question(q, counts[counts["question_id"] == q.id], threshold)
        if q.free_text:  # counted as the page's free-text browser counts them; None: hidden
            entry["n"] = int(text_answers[q.id]) if q.id in text_answers else None
        result["questions"].append(entry)
    role = questionnaire.breakdown_question
    if role is not None and not by_role_note(survey, store.reopened_surveys()):
        result["roles"] = _roles(counts[counts["question_id"] == role.id], threshold)
    if role is not None:
        # The stakeholder role is a breakdown: its counts are the gated roles, never raw.
        for entry in result["questions"]:
            if entry["id"] == role.id:
                entry["distribution"] = {r["role"]: r["n"] for r in result["roles"]}
    categories = shown(root_cause_cells(category_counts(store, [survey_id]))[0])
    result["categories"] = [
        {"category": str(c), "answers": int(n)}
        for c, n in categories.groupby("category")["answers"].sum().sort_index().items()
    ]
    themes = shown(gated_cells(theme_counts(store, [survey_id]), "theme_id"))
    labels = theme_labels(store) if len(themes) else {}
    result["themes"] = [
        {"theme_id": int(t), "label": theme_label(int(t), labels), "answers": int(n)}
        for t, n in themes.groupby("theme_id")["answers"].sum().sort_index().items()
    ]
    return result


def _question(q: Any, counts: pd.DataFrame, threshold: int) -> dict[str, Any]:
    answered = int(counts["answered"].iloc[0]) if len(counts) else 0
    entry: dict[str, Any] = {"id": q.id, "kind": q.kind, "n": answered, "mean": None}
    entry["distribution"] = {}
    if q.free_text:
        return entry
    if not visibility(answered, threshold).visible:
        entry["n"] = None  # not even how many: as on the results page
        return entry  # too few answered this question to show how
    entry["distribution"] = {
        str(v): int(n) for v, n in zip(counts["value"], counts["responses"], strict=True)
    }
    if q.scale is not None:
        values = counts["value"].astype(float)
        entry["mean"] = float((values * counts["responses"]).sum() / answered)
    return entry


def _roles(counts: pd.DataFrame, threshold: int) -> list[dict[str, Any]]:
    frame = counts.rename(columns={"value": "role"})[["role", "responses"]]
    gated = breakdown(frame, "role", threshold)
    gated = gated[~gated["suppressed"].astype(bool)]
    return [
        {"role": str(r), "n": int(n)}
        for r, n in zip(gated["role"], gated["responses"], strict=True)
    ]


# -- the free-text browser ----------------------------------------------------------------


def texts_visibility(store: Store, survey_id: str) -> Visibility:
    """Whether the survey's free text may be listed now: its released responses against the
    quote threshold (`analysis.anonymity.quotes_visibility`; `.message` says how many more
    are needed). Raises ValueError for an unknown survey."""
    return _gated_texts(store, _survey_or_error(store, survey_id))[0]


def text_question_note(threshold: int, quoted: bool) -> str:
    """Why a free-text question lists no answers ("" when it lists them): its own answers
    that say something are below the quote threshold. Never the exact count (that one person
    answered an optional question is a fact), as the row-level export says it."""
    if quoted:
        return ""
    return FEW_TEXTS.format(limit=quote_threshold(threshold))


def quoted_questions(store: Store, survey_id: str) -> set[str]:
    """Ids of the free-text questions whose answers the free-text browser lists now (the
    survey and the question's own answers reach the quote threshold). Raises ValueError for
    an unknown survey."""
    _, rows = _gated_texts(store, _survey_or_error(store, survey_id))
    return {str(q) for q in rows["question_id"]}


def survey_texts(
    store: Store,
    survey_id: str,
    *,
    question_id: str | None = None,
    theme_id: int | None = None,
    category: str | None = None,
    search: str = "",
) -> pd.DataFrame:
    """One survey's released free-text answers for browsing, identical answers once.

    Columns: text (one stored, redacted wording of the answer), answers (count of released
    answers to that question that are near-identical to it: the same after
    `analysis.text_normal.answer_key`), question_id, theme_id (int; -1 for none or a theme
    the gate hides in this survey), category (root-cause category id, "none" for no root
    cause; None when not analysed or hidden by the gate). Non-answers are left out.
    Ordered by answers descending, then text.

    `question_id`, `theme_id` and `category` keep the rows that show that value; `search`
    keeps rows whose wording contains it (case-insensitive) or whose normalised form
    contains its normalised form ("prioritise" finds "prioritize"). Filters pick whole rows
    and never change a row's count (the anonymity rule in the module docstring). Empty (with
    these columns) while the survey's released responses are below the quote threshold; a
    question whose own answers (non-answers aside) are below it has no rows. Uses the
    free-text analysis as stored (the pages keep it current). Raises ValueError
    for an unknown survey; the store's StoreError or StorageUnavailable when the database
    cannot be read.
    """
    gate, rows = _gated_texts(store, _survey_or_error(store, survey_id))
    if not gate.visible:
        return pd.DataFrame({c: [] for c in TEXT_COLUMNS}).astype(
            {"answers": "int64", "theme_id": "int64"}
        )
    keep = pd.Series(True, index=rows.index)
    if question_id is not None:
        keep &= rows["question_id"] == question_id
    if theme_id is not None:
        keep &= rows["theme_id"] == int(theme_id)
    if category is not None:
        keep &= rows["category"] == category
    needle = str(search or "").strip()
    if needle:
        wording = rows["text"].str.casefold().str.contains(needle.casefold(), regex=False)
        normal = normalise_text(needle)
        if normal:
            wording |= rows["_key"].str.contains(normal, regex=False)
        keep &= wording
    return rows.loc[keep, list(TEXT_COLUMNS)].reset_index(drop=True)


# Store -> {survey id: (data version and threshold, gate, rows)}. Keyed by the store itself
# (weak keys, as `analysis_upkeep` and `recurring`), not id(store): a store opened after
# another was closed and collected may get its id, and the same counts (the data version)
# with other texts. The entries go with their store. At most _TEXT_CACHE_SIZE surveys a store.
_TEXT_CACHE: weakref.WeakKeyDictionary[Store, dict[str, tuple[tuple, Visibility, pd.DataFrame]]] = (
    weakref.WeakKeyDictionary()
)
_TEXT_CACHE_SIZE = 16


def _survey_or_error(store: Store, survey_id: str) -> Any:
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    publishing.publish_due(store)  # a release that is due is shown before anything is read
    return survey


def _gated_texts(store: Store, survey: Any) -> tuple[Visibility, pd.DataFrame]:
    """The quote gate and the full, gated list (`survey_texts` columns plus `_key`; empty
    while the gate hides it), cached per data version and threshold."""
    survey_id = str(survey.survey_id)
    version = (store.data_version(), int(survey.anonymity_threshold))
    per_store = _TEXT_CACHE.setdefault(store, {})
    cached = per_store.get(survey_id)
    if cached is not None and cached[0] == version:
        return cached[1], cached[2]
    gate = quotes_visibility(_released(store, survey), int(survey.anonymity_threshold))
    rows = _group_texts(store.survey_text_groups(survey_id) if gate.visible else pd.DataFrame())
    # Each question on its own: its answers that say something against the quote threshold.
    quoted = [
        question_id
        for question_id, group in rows.groupby("question_id")
        if question_quoted(group["text"], int(survey.anonymity_threshold), group["answers"])
    ]
    rows = rows[rows["question_id"].isin(quoted)].reset_index(drop=True)
    shown_categories, shown_themes = _shown_cells(store, survey_id) if gate.visible else ({}, {})
    rows["category"] = rows["category"].where(rows["category"].isin(shown_categories), None)
    rows["theme_id"] = rows["theme_id"].where(rows["theme_id"].isin(shown_themes), NO_THEME)
    per_store.pop(survey_id, None)
    if len(per_store) >= _TEXT_CACHE_SIZE:
        per_store.pop(next(iter(per_store)))
    per_store[survey_id] = (version, gate, rows)
    return gate, rows


def _group_texts(groups: pd.DataFrame) -> pd.DataFrame:
    """Exact-text groups from the store merged into near-identical ones: one wording (the
    most common, then first in text order), summed counts, the most common category and
    theme (by answers; ties: smallest value)."""
    columns = [*TEXT_COLUMNS, "_key"]
    if groups.empty:
        return pd.DataFrame({c: [] for c in columns}).astype(
            {"answers": "int64", "theme_id": "int64"}
        )
    # Texts not analysed yet: the analysis's own rule says which say nothing.
    groups = groups[~pd.Series(non_answer_mask(groups["text"].tolist()), index=groups.index)]
    groups = groups.assign(
        _key=groups["text"].map(answer_key), answers=groups["answers"].astype("int64")
    )
    by = ["question_id", "_key"]
    ordered = groups.sort_values(["answers", "text"], ascending=[False, True], kind="stable")
    merged = ordered.groupby(by, sort=False).agg(text=("text", "first"), answers=("answers", "sum"))
    for column in ("category", "theme_id"):
        votes = groups.groupby([*by, column], dropna=False)["answers"].sum().reset_index()
        votes = votes.sort_values(
            [*by, "answers", column], ascending=[True, True, False, True], kind="stable"
        )
        merged[column] = votes.drop_duplicates(by).set_index(by)[column]
    merged = merged.reset_index()
    merged["theme_id"] = merged["theme_id"].fillna(NO_THEME).astype("int64")
    merged["category"] = merged["category"].astype(object).where(merged["category"].notna(), None)
    merged = merged.sort_values(["answers", "text"], ascending=[False, True], kind="stable")
    return merged[columns].reset_index(drop=True)


def _shown_cells(store: Store, survey_id: str) -> tuple[set[str], set[int]]:
    """The categories ("none" included) and themes the gate shows in this survey's
    breakdowns: only those may be named beside an answer or filtered on."""
    categories, no_root_cause = root_cause_cells(category_counts(store, [survey_id]))
    named = set(shown(categories)["category"]) | set(shown(no_root_cause)["category"])
    themes = shown(gated_cells(theme_counts(store, [survey_id]), "theme_id"))
    return {str(c) for c in named}, {int(t) for t in themes["theme_id"]}


def _released(store: Store, survey: Any) -> int:
    """Released responses of a survey the gate shows, else 0 (nothing may be drawn on)."""
    participation = store.participation(Scope(projects=(survey.project_name,)))
    rows = shown_surveys(participation[participation["survey_id"] == str(survey.survey_id)])
    if rows.empty or not bool(rows["shown"].iloc[0]):
        return 0
    return int(rows["responses"].iloc[0])


# -- the survey results page ---------------------------------------------------------------


def likert_band(value: int, scale: tuple[int, int]) -> str:
    """The band of a Likert answer on `scale` (lowest, highest): above the middle is
    FAVOURABLE, below it UNFAVOURABLE, the middle NEUTRAL. The one rule for "favourable"."""
    low, high = scale
    doubled = 2 * int(value) - (low + high)
    return FAVOURABLE if doubled > 0 else UNFAVOURABLE if doubled < 0 else NEUTRAL


def nps_group(value: int) -> str:
    """The NPS group of a 0-10 answer: PROMOTERS 9-10, PASSIVES 7-8, DETRACTORS 0-6."""
    return PROMOTERS if value >= 9 else PASSIVES if value >= 7 else DETRACTORS


def is_nps(question: Any) -> bool:
    """Whether a question is a Net Promoter question: a 0-10 question whose questionnaire
    says so (an `nps` flag, honoured when a questionnaire has one) or, without a flag, whose
    prompt asks how likely someone is to recommend ("How likely are you to recommend us
    to a colleague?")."""
    if getattr(question, "scale", None) != (0, 10):
        return False
    flag = getattr(question, "nps", None)
    if flag is not None:
        return bool(flag)
    return bool(_RECOMMEND.search(str(question.prompt)))


@dataclass(frozen=True)
class QuestionResult:
    """One question on the results page.

    `chart`: "likert", "nps", "rating", "choice" or "text" (free text: no chart, see
    `survey_texts`). `answered` (responses that answered it; 0 when hidden and for free
    text), `hidden` (why it is hidden when fewer than the threshold answered it — free text:
    the quote threshold, `text_question_note` — without the exact count, else ""). `counts`: columns value
    (str: the number or the choice), label (what the value means), responses (count),
    share (0-1 of answered), and for an NPS question band (its NPS group) — every value of the scale, zero counts included; for the
    breakdown question the gated roles only (none while views by role wait, with `hidden`
    saying why: `gates.by_role_note`). `bands`: LIKERT_BANDS or NPS_GROUPS with
    responses and share (empty otherwise). `mean` (on the question's scale), `favourable`
    (share 0-1, Likert), `nps` (-100..100), None where not applicable. `earlier`: the same
    measures over the organisation's earlier shown surveys of the questionnaire combined
    (keys surveys, answered, mean, favourable, nps), None when there are none or too few
    answered there.
    """

    question_id: str
    prompt: str
    kind: str
    chart: str
    answered: int = 0
    hidden: str = ""
    counts: pd.DataFrame = field(default_factory=pd.DataFrame)
    bands: pd.DataFrame = field(default_factory=pd.DataFrame)
    mean: float | None = None
    favourable: float | None = None
    nps: float | None = None
    earlier: dict[str, Any] | None = None

    @property
    def note(self) -> str:
        """How many answered, and what the comparison combines, in words."""
        note = f"{self.answered} answered."
        if self.earlier:
            note += (
                f" Earlier: {self.earlier['surveys']} survey(s) of this questionnaire, "
                f"{self.earlier['answered']} answers."
            )
        return note


def headline(result: QuestionResult) -> tuple[str, str, str | None]:
    """(label, value, change against earlier surveys or None) of a question's headline
    number: the favourable share of a Likert question ("67%", "+5 pts vs earlier"), the NPS
    ("+11", "-3 points vs earlier"), else the mean ("7.2", "+0.4 vs earlier"). Raises
    TypeError for a question without a number (hidden, choice or text)."""
    before = result.earlier or {}
    if result.chart == "likert":
        value, earlier = 100 * result.favourable, before.get("favourable")
        earlier = None if earlier is None else 100 * earlier
        label, shown, unit = "Favourable", f"{value:.0f}%", " pts"
    elif result.chart == "nps":
        value, earlier = result.nps, before.get("nps")
        label, shown, unit = "Net Promoter Score", f"{value:+.0f}", " points"
    else:
        value, earlier = result.mean, before.get("mean")
        low, high = scale_of(result.kind)
        label, shown, unit = f"Mean ({low}–{high})", f"{value:.1f}", ""
    if earlier is None:
        return label, shown, None
    change = f"{value - earlier:+.0f}" if unit else f"{value - earlier:+.1f}"
    return label, shown, f"{change}{unit} vs earlier"


@dataclass(frozen=True)
class SurveyResultsView:
    """What the survey results page shows of one survey.

    `released` (responses the results come from; 0 while hidden), `waiting` (submitted,
    not released yet), `threshold` (the survey's anonymity threshold, responses), `message`
    (the gate's message when nothing may be shown, else ""), `questions` (QuestionResult
    per question, questionnaire order; empty while hidden), `earlier_surveys` (how many
    earlier shown surveys of the same questionnaire the comparisons combine), `texts`
    (the gate's Visibility for the free-text browser: quotes need the quote threshold).
    """

    survey_id: str
    title: str
    project: str
    quarter: str
    template_id: str
    threshold: int
    released: int
    waiting: int
    message: str
    questions: list[QuestionResult]
    earlier_surveys: int
    texts: Visibility


def survey_results_view(store: Store, survey_id: str) -> SurveyResultsView:
    """The survey results page's data for one survey (see `SurveyResultsView`).

    Everything comes from released responses of a survey the gate shows; a question fewer
    than the threshold answered is hidden with the gate's message. Comparisons combine only
    earlier surveys (opened before this one) of the same questionnaire that the gate shows.
    Raises ValueError for an unknown survey; the store's StoreError or StorageUnavailable
    when the database cannot be read.
    """
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    publishing.publish_due(store)
    survey_id = str(survey.survey_id)
    threshold = int(survey.anonymity_threshold)
    participation = shown_surveys(store.participation(Scope(templates=(survey.template_id,))))
    row = participation[participation["survey_id"] == survey_id].iloc[0]
    released = int(row["responses"]) if row["shown"] else 0
    gate = visibility(int(row["responses"]), threshold)
    base = {
        "survey_id": survey_id,
        "title": survey.title,
        "project": survey.project_name,
        "quarter": survey.quarter,
        "template_id": survey.template_id,
        "threshold": threshold,
        "released": released,
        "waiting": int(row["waiting"]),
        "texts": quotes_visibility(released, threshold),
    }
    if not row["shown"]:
        nothing = not int(row["responses"]) and not int(row["waiting"])
        message = NO_RESPONSES if nothing and not still_collecting(survey) else gate.message
        return SurveyResultsView(**base, message=message, questions=[], earlier_surveys=0)
    earlier_ids = _earlier_shown(store, survey, participation)
    earlier = _earlier_counts(store, earlier_ids)
    earlier_threshold = (
        int(participation.loc[participation["survey_id"].isin(earlier_ids), "threshold"].max())
        if earlier_ids
        else threshold
    )
    counts = store.answer_distribution(survey_id)
    questionnaire = questionnaire_of(survey)
    role = questionnaire.breakdown_question
    role_note = by_role_note(survey, store.reopened_surveys()) if role is not None else ""
    quoted = quoted_questions(store, survey_id) if base["texts"].visible else set()
    questions = []
    for q in questionnaire.questions:
        if q.free_text:  # its answers are listed below; hidden says why one lists none
            shown_here = base["texts"].visible
            hidden = text_question_note(threshold, q.id in quoted) if shown_here else ""
            questions.append(QuestionResult(q.id, q.prompt, q.kind, "text", hidden=hidden))
            continue
        mine = counts[counts["question_id"] == q.id]
        before = (
            earlier[(earlier["question_id"] == q.id) & (earlier["kind"] == q.kind)]
            if len(earlier)
            else earlier
        )
        is_role = q is role
        questions.append(
            _question_result(q, mine, threshold, before, earlier_threshold, is_role, role_note)
        )
    return SurveyResultsView(
        **base, message="", questions=questions, earlier_surveys=len(earlier_ids)
    )


def _earlier_counts(store: Store, earlier_ids: list[str]) -> pd.DataFrame:
    """`Store.value_counts` of the earlier surveys, each survey's question only where the
    gate shows it on that survey's own page (a question few answered in one survey must not
    come back as "earlier" minus the other surveys)."""
    if not earlier_ids:
        return pd.DataFrame()
    answered = shown_surveys(store.question_answers(earlier_ids))
    shown_pairs = answered[answered["shown"]]
    questions = (shown_pairs["survey_id"] + ":" + shown_pairs["question_id"]).tolist()
    return store.value_counts(earlier_ids, questions)


def _earlier_shown(store: Store, survey: Any, participation: pd.DataFrame) -> list[str]:
    """Shown surveys of the same questionnaire that opened before `survey`."""
    shown_ids = set(participation.loc[participation["shown"], "survey_id"])
    overview = store.surveys_overview()
    opened = pd.to_datetime(overview["opens_on"]).dt.date
    earlier = overview[
        (overview["template_id"] == survey.template_id)
        & (opened < survey.opens_on)
        & overview["survey_id"].isin(shown_ids)
    ]
    return earlier["survey_id"].astype(str).tolist()


def _chart_of(q: Any) -> str:
    if q.free_text:
        return "text"
    if is_nps(q):
        return "nps"
    if q.scale is not None and getattr(q, "labels", None):
        return "likert"
    if q.scale is not None:
        return "rating"
    return "choice"


def _question_result(
    q: Any,
    counts: pd.DataFrame,
    threshold: int,
    earlier: pd.DataFrame,
    earlier_threshold: int,
    is_role: bool,
    role_note: str = "",
) -> QuestionResult:
    chart = _chart_of(q)
    base = {"question_id": q.id, "prompt": q.prompt, "kind": q.kind, "chart": chart}
    if chart == "text":
        return QuestionResult(**base)
    answered = int(counts["answered"].iloc[0]) if len(counts) else 0
    if not visibility(answered, threshold).visible:
        # Not the exact count: that one person answered an optional question is a fact.
        hidden = (
            f"Fewer than {threshold} people answered this question: hidden to protect anonymity."
        )
        return QuestionResult(**base, hidden=hidden)
    if is_role and role_note:  # views by role wait: no role counts either
        return QuestionResult(**base, answered=answered, hidden=role_note)
    if is_role:
        gated = _roles(counts, threshold)
        if not gated:  # every group too small: say so, no empty chart
            return QuestionResult(**base, answered=answered, hidden=ROLES_HIDDEN)
        frame = pd.DataFrame(
            {
                "value": [r["role"] for r in gated],
                "label": [r["role"] for r in gated],
                "responses": [r["n"] for r in gated],
            }
        )
        return QuestionResult(**base, answered=answered, counts=_with_share(frame, answered))
    frame = _value_frame(q, counts)
    measures = _measures(q, chart, frame, answered)
    if chart == "nps":  # each bar of the histogram in its group's colour
        frame = frame.assign(band=frame["value"].astype(int).map(nps_group))
    before = None
    if len(earlier) and q.scale is not None:
        earlier_answered = int(earlier["answered"].iloc[0])
        if visibility(earlier_answered, earlier_threshold).visible:
            previous = _value_frame(q, earlier)
            before = {
                "surveys": int(earlier["surveys"].iloc[0]),
                "answered": earlier_answered,
                **_measures(q, chart, previous, earlier_answered),
            }
            before.pop("bands")
    return QuestionResult(
        **base,
        answered=answered,
        counts=_with_share(frame, answered),
        bands=measures.pop("bands"),
        earlier=before,
        **measures,
    )


def _value_frame(q: Any, counts: pd.DataFrame) -> pd.DataFrame:
    """value, label, responses: every value of the scale or every option, in order."""
    given = dict(zip(counts["value"].astype(str), counts["responses"].astype(int), strict=True))
    if q.scale is not None:
        low, high = q.scale
        values = [str(v) for v in range(low, high + 1)]
        labels = list(getattr(q, "labels", None) or values)
    else:
        values = list(getattr(q, "choices", None) or getattr(q, "options", None) or given)
        values += [v for v in given if v not in values]
        labels = values
    return pd.DataFrame(
        {
            "value": values,
            "label": labels,
            "responses": [int(given.get(v, 0)) for v in values],
        }
    )


def _with_share(frame: pd.DataFrame, answered: int) -> pd.DataFrame:
    return frame.assign(share=frame["responses"] / answered if answered else 0.0)


def _measures(q: Any, chart: str, frame: pd.DataFrame, answered: int) -> dict[str, Any]:
    """mean, favourable, nps and bands (LIKERT_BANDS or NPS_GROUPS) of a value frame."""
    result: dict[str, Any] = {"mean": None, "favourable": None, "nps": None}
    result["bands"] = pd.DataFrame(columns=["band", "responses", "share"])
    if q.scale is None or not answered:
        return result
    values = frame["value"].astype(int)
    result["mean"] = float((values * frame["responses"]).sum() / answered)
    if chart == "likert":
        bands = frame.groupby(values.map(lambda v: likert_band(v, q.scale)))["responses"].sum()
        order = LIKERT_BANDS
    elif chart == "nps":
        bands = frame.groupby(values.map(nps_group))["responses"].sum()
        order = NPS_GROUPS
    else:
        return result
    bands = bands.reindex(order, fill_value=0)
    share = bands / answered
    result["bands"] = pd.DataFrame(
        {"band": list(order), "responses": bands.astype(int).tolist(), "share": share.tolist()}
    )
    if chart == "likert":
        result["favourable"] = float(share[FAVOURABLE])
    else:
        result["nps"] = float(100 * (share[PROMOTERS] - share[DETRACTORS]))
    return result


def survey_choices(store: Store, scope: Scope | None = None) -> pd.DataFrame:
    """Surveys a manager can pick on the results page, newest first (by opening day).

    Columns: survey_id (str), label (the title, with " · quarter" unless it names it), status, released (responses) and
    waiting (counts). With `scope`, only surveys in it. Raises the store's StoreError or
    StorageUnavailable when the database cannot be read.
    """
    overview = store.surveys_overview()
    if scope is not None and scope != Scope():
        overview = overview[overview["survey_id"].isin(store.participation(scope)["survey_id"])]
    return pd.DataFrame(
        {
            "survey_id": overview["survey_id"].astype(str),
            "label": [
                t if q in t else f"{t} · {q}"
                for t, q in zip(overview["title"], overview["quarter"], strict=True)
            ],
            "status": overview["status"],
            "released": overview["responses"].fillna(0).astype(int),
            "waiting": overview["waiting"].fillna(0).astype(int),
        }
    ).reset_index(drop=True)


def text_filter_options(store: Store, survey_id: str) -> dict[str, dict[Any, str]]:
    """What the free-text browser can filter on, from the survey's full list (so a filter
    never names what the list does not show): {"questions": {question_id: prompt},
    "themes": {theme_id: label}, "categories": {category: label}}, each empty while the
    texts are hidden. Raises ValueError for an unknown survey."""
    rows = survey_texts(store, survey_id)
    questionnaire = questionnaire_of(store.survey(survey_id))
    present = set(rows["question_id"])
    questions = {q.id: q.prompt for q in questionnaire.questions if q.id in present}
    theme_ids = sorted({int(t) for t in rows["theme_id"] if int(t) != NO_THEME})
    labels = theme_labels(store) if theme_ids else {}
    categories = sorted({str(c) for c in rows["category"].dropna()})
    return {
        "questions": questions,
        "themes": {t: theme_label(t, labels) for t in theme_ids},
        "categories": {c: category_label(c) for c in categories},
    }
