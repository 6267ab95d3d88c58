"""Survey exports (CSV, Parquet, Excel) through the anonymity gate.

What leaves the app: no response ids, no dates, rows in random order, small stakeholder
roles merged or hidden, free text only above the quote threshold, and every text cell made
inert (spreadsheet formulas neutralised, bidirectional controls shown, by the one rule in
`analysis.inert_text`).

Questions few people answered: a question (an optional one, or an imported column with
blank cells) answered by fewer than the survey's threshold has its column in the row-level
`answers` table left empty, and no line in the summary, as the results page hides it; a
free-text question whose own answers (saying something: `analysis.no_root_cause`) are
below the quote threshold has an empty table. `notes` says which and why.

Exports over time: two exports a few responses apart would differ by exactly those people's
rows, so row-level exports (`survey_export`) wait until the survey takes no more answers.
Reopening a closed survey brings that back, so each row-level export records how many
released responses it held (a count in the store, `survey_row_exports`, no time); after a
reopening, the next row-level export is refused (`SMALL_DIFFERENCE`) until at least the
quote threshold of new responses has been released since the last one (none new: the same
rows, allowed). Reopening itself stays allowed. Even then each free-text question is a
table of its own, shuffled on its own, so no row joins a person's words with their ratings
and role. The summary (`summary_export`: counts and means per question and role, through
the gate) may be exported at any time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from afterward.services import publishing
from afterward.services.gates import BY_ROLE_WAITS as BY_ROLE_WAITS  # re-exported
from afterward.services.gates import by_role_note, question_quoted, still_collecting
from afterward.services.survey_results import text_question_note
from analysis.anonymity import (
    NOT_GIVEN,
    breakdown,
    merge_small_groups,
    quote_threshold,
    quotes_visibility,
    suppress,
    visibility,
)
from analysis.inert_text import inert_cell
from surveys.setup import questionnaire_of
from surveys.store import Store

FORMATS = ("csv", "parquet", "xlsx")
HIDDEN_ROLE = "Not shown (too few responses)"
TEXT_TABLE = "text-{question_id}"  # a free-text question's own table (file suffix or sheet)
STILL_OPEN = (
    "This survey is still open, so its row-level export is refused: while it takes answers, "
    "two exports a few responses apart would differ by exactly those people's rows. Close "
    "the survey first, or export only the summary (counts and means per question), which is "
    "allowed at any time."
)
SMALL_DIFFERENCE = (
    "This survey was row-exported before and has been reopened since: only {new} new "
    "response(s) have been released after that export, so a second row-level export would "
    "differ from the first by exactly those people's rows and words. It is allowed again once "
    "at least {needed} new responses have been released since the last row-level export "
    "(reopen the survey to collect {more} more). The summary (counts and means per question) "
    "may be exported at any time."
)
FEW_ANSWERED = (
    "Question {question}: answered by fewer than {limit} people, so its column is left empty "
    "(as the results page hides it)."
)
# The note names the question and says its table is empty; why is the one message of the
# results page (`survey_results.text_question_note`).
FEW_TEXTS = "Free-text question {question}: {why} Its table is left empty."
_SHEET_NAME_LIMIT = 31  # characters: Excel's limit


class ExportRefused(ValueError):
    """The survey cannot be exported (unknown, below its anonymity threshold, a row-level
    export of a survey that still takes answers, or one that would differ from the previous
    row-level export by fewer than the quote threshold of responses)."""


@dataclass(frozen=True)
class SurveyExport:
    """What an export writes. `answers`: the non-text answers, one row per response in
    random order; `texts`: per free-text question id, its answers alone in an order of their
    own; `summary`: counts and means through the gate. A summary export (`rows` False) has
    no answers and no texts."""

    answers: pd.DataFrame
    summary: pd.DataFrame
    notes: list[str]
    texts: dict[str, pd.DataFrame] = field(default_factory=dict)
    rows: bool = True

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table to write, by name, the main one first: "answers", "summary" and one
        "text-<question id>" per text question; a summary export has only "summary"."""
        if not self.rows:
            return {"summary": self.summary}
        tables = {"answers": self.answers, "summary": self.summary}
        for question_id, table in self.texts.items():
            tables[TEXT_TABLE.format(question_id=question_id)] = table
        return tables


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every text cell and column name made inert (`analysis.inert_text`):
    a leading ' on anything a spreadsheet would evaluate, bidi controls written out."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(inert_cell)
    safe.columns = [inert_cell(c) for c in safe.columns]
    return safe


def survey_export(store: Store, survey_id: str) -> SurveyExport:
    """One closed survey's row-level export through the gate: the non-text answers (one row
    per response, random order, small role groups merged or hidden), each free-text question
    in a table of its own (left out until quotes may be shown), and the summary.

    A question answered by fewer than the threshold keeps its column in `answers`, empty;
    a free-text question whose own answers are below the quote threshold keeps an empty
    table; `notes` names each (module docstring). Records the released responses it holds
    (`Store.record_row_export`).

    Raises ExportRefused for an unknown survey, one below its anonymity threshold, one
    that still takes answers (`still_collecting`; see `STILL_OPEN`), or one reopened since
    its last row-level export with fewer than the quote threshold of new responses released
    since (see `SMALL_DIFFERENCE`).
    """
    survey, seen = _gated_survey(store, survey_id, rows=True)
    threshold = survey.anonymity_threshold
    released = store.released_count(survey_id)
    _refuse_small_difference(store, survey_id, released, threshold)
    questionnaire = questionnaire_of(survey)
    text_ids = [q.id for q in questionnaire.questions if q.free_text]
    answers = store.answer_table(
        survey_id, [(q.id, q.kind) for q in questionnaire.questions if not q.free_text]
    )
    notes: list[str] = []
    answers = _blank_few_answered(answers, threshold, notes)

    role = questionnaire.breakdown_question
    if role is not None and role.id in answers and answers[role.id].notna().any():
        reopened = by_role_note(survey, store.reopened_surveys())
        if reopened:  # two closings' role groups could differ by one person: no roles
            answers[role.id] = pd.Series(HIDDEN_ROLE, index=answers.index, dtype=object)
            notes.append(reopened)
        else:
            answers[role.id] = _gate_roles(answers[role.id], threshold)

    texts: dict[str, pd.DataFrame] = {}
    quotes = quotes_visibility(seen.responses, threshold)
    if text_ids and not quotes.visible:
        notes.append(
            f"Free-text answers are left out until the survey has {quotes.needed} more response(s)."
        )
    elif text_ids:
        # Each question read on its own, in a fresh random order: nothing lines up.
        texts = {q: _gated_text(store, survey_id, q, threshold, notes) for q in text_ids}
        notes.append(
            "Each free-text question is in a table of its own, in an order of its own, so "
            "no row ties a person's words to their ratings or role."
        )
    summary = _summary(store, survey_id, questionnaire, threshold)
    export = SurveyExport(neutralise_formulas(answers), neutralise_formulas(summary), notes, texts)
    store.record_row_export(survey_id, released)
    return export


def summary_export(store: Store, survey_id: str) -> SurveyExport:
    """The aggregate export, allowed at any time: per question the responses and the mean,
    and per role group (merged and suppressed by the gate) once the survey has closed and
    unless it was reopened after closing (`gates.by_role_note` says why not). No rows, no
    text.

    Raises ExportRefused for an unknown survey or one below its anonymity threshold.
    """
    survey, _ = _gated_survey(store, survey_id, rows=False)
    questionnaire = questionnaire_of(survey)
    waits = by_role_note(survey, store.reopened_surveys())
    summary = _summary(store, survey_id, questionnaire, survey.anonymity_threshold, not waits)
    notes = [] if not waits or questionnaire.breakdown_question is None else [waits]
    return SurveyExport(pd.DataFrame(), neutralise_formulas(summary), notes, rows=False)


def write_export(export: SurveyExport, fmt: str, out: Path) -> list[Path]:
    """Write the export; returns the files written. XLSX: one file, a sheet per table (and
    "notes"). CSV and Parquet: the main table at `out`, every other table beside it as
    `<stem>.<table><suffix>` (e.g. `out.summary.csv`, `out.text-went_wrong.csv`).

    Raises ValueError for a format not in FORMATS; OSError when a file cannot be written.
    """
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"Format must be one of {', '.join(FORMATS)}.")
    tables = export.tables()
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        if export.notes:
            tables["notes"] = pd.DataFrame({"note": export.notes})
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            for sheet, table in zip(_sheet_names(tables), tables.values(), strict=True):
                table.to_excel(writer, sheet_name=sheet, index=False)
        return [out]
    suffix = out.suffix or f".{fmt}"
    written = []
    for i, (name, table) in enumerate(tables.items()):
        path = out if i == 0 else out.with_name(f"{out.stem}.{name}{suffix}")
        if fmt == "csv":
            table.to_csv(path, index=False)
        else:
            table.to_parquet(path, index=False)
        written.append(path)
    return written


def _gated_survey(store: Store, survey_id: str, *, rows: bool):
    """The survey and its visibility, or ExportRefused saying why not. Due releases are
    published first, like every view: an export shows what the dashboard shows."""
    publishing.publish_due(store)
    survey = store.survey(survey_id)
    if survey is None:
        raise ExportRefused(f"No survey with id {survey_id!r}.")
    # All stored responses, released or waiting: once `publish_due` has run, a survey whose
    # stored responses reach the threshold has released them (`due_releases`), so this
    # decides as the released count would and tells the manager how many more are needed.
    seen = visibility(store.response_count(survey_id), survey.anonymity_threshold)
    if rows and still_collecting(survey):
        raise ExportRefused(f"{STILL_OPEN} {seen.message}".strip())
    if not seen.visible:
        raise ExportRefused(seen.message)
    return survey, seen


def _refuse_small_difference(store: Store, survey_id: str, released: int, threshold: int) -> None:
    """ExportRefused (`SMALL_DIFFERENCE`) when the last row-level export held fewer released
    responses than now, but the new ones are below the quote threshold."""
    before = store.row_export_responses(survey_id)
    if before is None or released == before:
        return  # the first row-level export, or the very same rows again
    new = quotes_visibility(released - before, threshold)
    if not new.visible:
        raise ExportRefused(
            SMALL_DIFFERENCE.format(
                new=new.responses, needed=quote_threshold(threshold), more=new.needed
            )
        )


def _answered(column: pd.Series) -> int:
    """Cells holding an answer: not missing, not blank."""
    given = column.notna() & column.astype(str).str.strip().ne("")
    return int(given.sum())


def _blank_few_answered(answers: pd.DataFrame, threshold: int, notes: list[str]) -> pd.DataFrame:
    """`answers` with every column answered by fewer than `threshold` (the gate's
    `visibility`) emptied, all its cells missing; a note for each."""
    result = answers.copy()
    for question_id in answers.columns:
        if visibility(_answered(answers[question_id]), threshold).visible:
            continue
        result[question_id] = pd.Series(None, index=answers.index, dtype=object)
        notes.append(FEW_ANSWERED.format(question=question_id, limit=threshold))
    return result


def _gated_text(
    store: Store, survey_id: str, question_id: str, threshold: int, notes: list[str]
) -> pd.DataFrame:
    """One free-text question's table, made inert; empty (with a note) when its own answers
    that say something are below the quote threshold (`gates.question_quoted`)."""
    table = store.text_answers(survey_id, question_id)
    if not question_quoted(table[question_id].tolist(), threshold):
        why = text_question_note(threshold, quoted=False)
        notes.append(FEW_TEXTS.format(question=question_id, why=why[0].lower() + why[1:]))
        return table.iloc[0:0]
    return neutralise_formulas(table)


def _sheet_names(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Table names cut to Excel's 31 characters, kept unique."""
    names: list[str] = []
    for name in tables:
        sheet, n = name[:_SHEET_NAME_LIMIT], 1
        while sheet in names:
            n += 1
            sheet = f"{name[: _SHEET_NAME_LIMIT - len(str(n)) - 1]}~{n}"
        names.append(sheet)
    return names


def _gate_roles(roles: pd.Series, threshold: int) -> pd.Series:
    labels = roles.fillna(NOT_GIVEN)
    mapping = merge_small_groups(labels.value_counts().to_dict(), threshold)
    merged = labels.map(mapping)
    counts = merged.value_counts().rename_axis("role").reset_index(name="responses")
    shown = suppress(counts, threshold)
    hidden = set(shown.loc[shown["suppressed"], "role"])
    return merged.where(~merged.isin(hidden), HIDDEN_ROLE)


def _summary(
    store: Store, survey_id: str, questionnaire, threshold: int, by_role: bool = True
) -> pd.DataFrame:
    role = questionnaire.breakdown_question
    totals = store.question_totals(survey_id, role.id if role else None)
    rows = []
    for question_id, per_question in totals.groupby("question_id", sort=True):
        overall = per_question[["responses", "value_sum"]].sum()
        if not visibility(int(overall["responses"]), threshold).visible:
            continue
        rows.append(
            {
                "question": question_id,
                "group": "All respondents",
                "responses": int(overall["responses"]),
                "mean": overall["value_sum"] / overall["responses"],
            }
        )
        if role is None or by_role is False:
            continue
        shown = breakdown(
            per_question[["role", "responses", "value_sum"]],
            "role",
            threshold,
            sum_columns=["value_sum"],
        )
        for _, group in shown.iterrows():
            rows.append(
                {
                    "question": question_id,
                    "group": f"{role.id}: {group['role']}",
                    "responses": group["responses"],
                    "mean": group["value_sum"] / group["responses"]
                    if not group["suppressed"]
                    else float("nan"),
                }
            )
    return pd.DataFrame(rows, columns=["question", "group", "responses", "mean"])
