"""Survey exports (CSV, Parquet, Excel) through the anonymity gate.

What leaves the app: no response ids, no dates, rows in random order, small stakeholder
roles merged or hidden, free text only above the quote threshold, and every text cell that
a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.anonymity import (
    NOT_GIVEN,
    merge_small_groups,
    quotes_visibility,
    suppress,
    visibility,
)
from surveys.setup import questionnaire_of
from surveys.store import Store

FORMATS = ("csv", "parquet", "xlsx")
HIDDEN_ROLE = "Not shown (too few responses)"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportRefused(ValueError):
    """The survey cannot be exported yet (below its anonymity threshold)."""


@dataclass(frozen=True)
class SurveyExport:
    answers: pd.DataFrame
    summary: pd.DataFrame
    notes: list[str]


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix a quote to text cells a spreadsheet would evaluate (=, +, -, @, tab, CR)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    safe.columns = [
        "'" + c if isinstance(c, str) and c.startswith(_FORMULA_START) else c for c in safe.columns
    ]
    return safe


def survey_export(store: Store, survey_id: str) -> SurveyExport:
    """One survey's answers (one row per response, random order) and summary, through the
    gate: small role groups merged or hidden, free text left out until quotes may be shown.

    Raises ExportRefused for an unknown survey or one below its anonymity threshold.
    """
    survey = store.survey(survey_id)
    if survey is None:
        raise ExportRefused(f"No survey with id {survey_id!r}.")
    threshold = survey.anonymity_threshold
    seen = visibility(store.response_count(survey_id), threshold)
    if not seen.visible:
        raise ExportRefused(seen.message)
    questionnaire = questionnaire_of(survey)
    answers = store.answer_table(survey_id, [(q.id, q.kind) for q in questionnaire.questions])
    notes: list[str] = []

    role = questionnaire.breakdown_question
    if role is not None and role.id in answers:
        answers[role.id] = _gate_roles(answers[role.id], threshold)

    text_columns = [q.id for q in questionnaire.questions if q.free_text and q.id in answers]
    if text_columns and not quotes_visibility(seen.responses, threshold).visible:
        answers = answers.drop(columns=text_columns)
        notes.append(
            "Free-text answers are left out until the survey has "
            f"{quotes_visibility(seen.responses, threshold).needed} more response(s)."
        )
    summary = _summary(store, survey_id, questionnaire, threshold)
    return SurveyExport(neutralise_formulas(answers), neutralise_formulas(summary), notes)


def write_export(export: SurveyExport, fmt: str, out: Path) -> list[Path]:
    """Write the export; returns the files written (CSV and Parquet add a summary file)."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"Format must be one of {', '.join(FORMATS)}.")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            export.answers.to_excel(writer, sheet_name="answers", index=False)
            export.summary.to_excel(writer, sheet_name="summary", index=False)
            if export.notes:
                pd.DataFrame({"note": export.notes}).to_excel(
                    writer, sheet_name="notes", index=False
                )
        return [out]
    summary_path = out.with_name(f"{out.stem}.summary{out.suffix or '.' + fmt}")
    if fmt == "csv":
        export.answers.to_csv(out, index=False)
        export.summary.to_csv(summary_path, index=False)
    else:
        export.answers.to_parquet(out, index=False)
        export.summary.to_parquet(summary_path, index=False)
    return [out, summary_path]


def _gate_roles(roles: pd.Series, threshold: int) -> pd.Series:
    labels = roles.fillna(NOT_GIVEN)
    mapping = merge_small_groups(labels.value_counts().to_dict(), threshold)
    merged = labels.map(mapping)
    counts = merged.value_counts().rename_axis("role").reset_index(name="responses")
    shown = suppress(counts, threshold)
    hidden = set(shown.loc[shown["suppressed"], "role"])
    return merged.where(~merged.isin(hidden), HIDDEN_ROLE)


def _summary(store: Store, survey_id: str, questionnaire, threshold: int) -> pd.DataFrame:
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
        if role is None:
            continue
        labels = per_question["role"].fillna(NOT_GIVEN)
        mapping = merge_small_groups(
            per_question.groupby(labels)["responses"].sum().to_dict(), threshold
        )
        merged = (
            per_question.assign(role=labels.map(mapping))
            .groupby("role", as_index=False)[["responses", "value_sum"]]
            .sum()
        )
        shown = suppress(merged, threshold, value_columns=["value_sum"])
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
