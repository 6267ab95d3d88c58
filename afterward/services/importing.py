"""Import retrospectives answered in other tools into a new closed survey.

`plan_import` reads the export and shows what would be stored (the dry run); `run_import`
stores it. One implementation behind the import page, `afterward import` and the JSON API.

What is stored of an export: only the answers under columns matched to the chosen
questionnaire's questions, free text redacted like any answer (`analysis.redact`, with the
project's roster); each response a new random id and one day, the last day of the survey's
quarter (or today, in the current quarter): no timestamp, row order, e-mail, name or
respondent id. The rows are released as one group, so the survey obeys the anonymity
threshold like any other (fewer responses than the threshold are never shown).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from analysis.redaction import redact
from clock import check_quarter, quarter_dates, quarter_of, today
from surveys import setup
from surveys.imports import ColumnMatch, match_columns, read_answers, read_export
from surveys.questionnaire import load_templates
from surveys.store import Store
from surveys.text_limits import MAX_SURVEY_TITLE, shorten

# Problems listed in a plan; the count says how many more there were.
MAX_PROBLEMS = 20
PREVIEW_ROWS = 5
HOW = {
    "id": "matched by question id",
    "prompt": "matched by prompt",
    "option": "an option column of this question",
    "map": "mapped by you",
    "identity": "identity data: never stored",
    "unmatched": "not imported",
    "taken": "not imported (its question already has a column)",
}


@dataclass
class ImportPlan:
    """What an import would store. `matches`: ColumnMatch per column; `quarter` the survey's
    quarter and `quarter_source` where it came from; `responses` how many responses would be
    stored; `preview` the first responses as stored (one column per question id, free text
    redacted); `problems` cells left out (at most MAX_PROBLEMS, `more_problems` beyond);
    `notes` what the manager should know (threshold, cards, dropped columns)."""

    filename: str
    flavour: str
    project: str
    template_id: str
    threshold: int
    quarter: str
    quarter_source: str
    matches: list[ColumnMatch]
    responses: int
    preview: pd.DataFrame
    problems: list[str]
    more_problems: int
    notes: list[str] = field(default_factory=list)
    _rows: list[list[Any]] = field(default_factory=list, repr=False)

    def mapping_table(self) -> pd.DataFrame:
        """Columns: column (the file's header), question_id ("" when not imported), how (in
        words)."""
        return pd.DataFrame(
            {
                "column": [m.column for m in self.matches],
                "question_id": [m.question_id or "" for m in self.matches],
                "how": [HOW[m.how] for m in self.matches],
            }
        )

    def as_json(self) -> dict[str, Any]:
        """The plan as JSON-ready data: filename, flavour, project, template, quarter,
        quarter_source, threshold, responses, mapping (list of column, question_id, how),
        preview (list of {question_id: value}), problems, more_problems, notes."""
        return {
            "filename": self.filename,
            "flavour": self.flavour,
            "project": self.project,
            "template": self.template_id,
            "quarter": self.quarter,
            "quarter_source": self.quarter_source,
            "threshold": self.threshold,
            "responses": self.responses,
            "mapping": self.mapping_table().to_dict("records"),
            "preview": self.preview.fillna("").astype(str).to_dict("records"),
            "problems": self.problems,
            "more_problems": self.more_problems,
            "notes": self.notes,
        }


def parse_mapping(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`--map "COLUMN=question_id"` pairs as a dict (the last "=" splits; an empty question id
    skips the column). Raises ValueError for a pair without "="."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValueError(f'--map takes "COLUMN=question_id", not {pair!r}.')
        column, question_id = pair.rsplit("=", 1)
        mapping[column.strip()] = question_id.strip()
    return mapping


def plan_import(
    store: Store,
    data: bytes,
    filename: str,
    *,
    project: str,
    template_id: str,
    quarter: str | None = None,
    mapping: dict[str, str] | None = None,
    board: bool = False,
    threshold: int = setup.DEFAULT_THRESHOLD,
) -> ImportPlan:
    """Read the export and work out what would be stored; stores nothing.

    The quarter is `quarter`, else the quarter of the latest date in the export's timestamp
    columns, else the current quarter. Raises ValueError with a message for the manager for
    an unreadable file, an unknown template, a blank project, a bad quarter or mapping, or a
    file in which no column matches a question.
    """
    if not project.strip():
        raise ValueError("Name the project the answers belong to (--project).")
    templates = load_templates()[0]
    if template_id not in templates:
        known = ", ".join(sorted(templates))
        raise ValueError(f"Unknown template {template_id!r}. Known templates: {known}.")
    questionnaire = templates[template_id]
    table = read_export(data, filename, board=board)
    matches = match_columns(table, questionnaire, mapping)
    if not any(m.question_id for m in matches):
        raise ValueError(
            f"No column of {filename} matches a question of {template_id!r}. Map them with "
            '--map "COLUMN=question_id" (questions: '
            f"{', '.join(q.id for q in questionnaire.questions)})."
        )
    read = read_answers(table, matches, questionnaire)
    if quarter:
        quarter, source = check_quarter(quarter), "given"
    elif read.dates:
        quarter, source = quarter_of(max(read.dates)), "from the latest date in the file"
    else:
        quarter, source = quarter_of(today()), "the current quarter (no dates in the file)"
    existing = store.project_by_name(project)
    roster = existing.roster if existing is not None else ()
    stored = [_redacted(rows, roster) for rows in read.rows]
    preview = pd.DataFrame([_as_record(rows) for rows in stored[:PREVIEW_ROWS]])
    notes = list(table.notes)
    dropped = [m.column for m in matches if m.how == "identity"]
    if dropped:
        notes.append(f"Never stored (identity data): {', '.join(dropped)}.")
    if len(stored) < threshold:
        notes.append(
            f"Only {len(stored)} response(s): below the anonymity threshold ({threshold}), "
            "so this survey's results will stay hidden."
        )
    return ImportPlan(
        filename=filename,
        flavour=table.flavour,
        project=project.strip(),
        template_id=template_id,
        threshold=threshold,
        quarter=quarter,
        quarter_source=source,
        matches=matches,
        responses=len(stored),
        preview=preview,
        problems=read.problems[:MAX_PROBLEMS],
        more_problems=max(0, len(read.problems) - MAX_PROBLEMS),
        notes=notes,
        _rows=stored,
    )


def run_import(store: Store, plan: ImportPlan) -> str:
    """Store the plan's responses in a new closed survey of its project (created when new);
    returns the survey id. Every response gets a random id and the same day (the quarter's
    last day, or today within the current quarter); rows are released as one group.
    Raises ValueError when the plan has no responses; StoreError when the database cannot be
    written (nothing is stored then: the survey is removed again).
    """
    if not plan.responses:
        raise ValueError("Nothing to import: no row has an answer to a matched question.")
    start, end = quarter_dates(plan.quarter)
    day = min(end, today()) if start <= today() else end
    survey_id = setup.create_survey(
        store,
        project=plan.project,
        template_id=plan.template_id,
        title=f"Imported: {shorten(plan.filename, MAX_SURVEY_TITLE - 10)}",
        quarter=plan.quarter,
        opens_on=start,
        closes_on=day,
        threshold=plan.threshold,
    )
    response_rows, answer_rows = [], []
    for rows in plan._rows:
        response_id = str(uuid.uuid4())
        response_rows.append({"response_id": response_id, "survey_id": survey_id})
        for row in rows:
            answer_rows.append(
                {
                    "response_id": response_id,
                    "survey_id": survey_id,
                    "question_id": row.question_id,
                    "value_number": row.value_number,
                    "value_text": row.value_text,
                    "value_choice": row.value_choice,
                }
            )
    responses = pd.DataFrame(response_rows).assign(submitted_on=day)
    answers = pd.DataFrame(
        answer_rows,
        columns=["response_id", "survey_id", "question_id", "value_number", "value_text",
                 "value_choice"],
    )  # fmt: skip
    try:
        store.set_survey_status(survey_id, "closed")
        store.bulk_load(responses, answers)
    except Exception:
        store.delete_unanswered_survey(survey_id)
        raise
    return survey_id


def _redacted(rows: list[Any], roster: tuple[str, ...]) -> list[Any]:
    return [
        replace(r, value_text=redact(r.value_text, roster)) if r.value_text is not None else r
        for r in rows
    ]


def _as_record(rows: list[Any]) -> dict[str, str]:
    values: dict[str, list[str]] = {}
    for r in rows:
        value = r.value_text or r.value_choice
        if value is None and r.value_number is not None:
            value = f"{r.value_number:g}"
        values.setdefault(r.question_id, []).append(str(value))
    return {q: ", ".join(v) for q, v in values.items()}


def plan_summary(plan: ImportPlan) -> list[str]:
    """The plan as lines for the command line: mapping, preview, problems, notes."""
    lines = [
        f"{plan.filename}: read as {plan.flavour.replace('_', ' ')}; "
        f"{plan.responses} response(s) for {plan.project!r} ({plan.template_id}), "
        f"quarter {plan.quarter} ({plan.quarter_source}).",
        "Columns:",
    ]
    for m in plan.matches:
        target = f"-> {m.question_id}" if m.question_id else "   (skipped)"
        lines.append(f"  {m.column!r} {target}  [{HOW[m.how]}]")
    if len(plan.preview):
        lines.append(f"First {len(plan.preview)} response(s) as they would be stored:")
        for record in plan.preview.fillna("").to_dict("records"):
            shown = "; ".join(f"{k}={v}" for k, v in record.items() if v)
            lines.append(f"  {shown}")
    if plan.problems:
        lines.append(f"Left out {len(plan.problems) + plan.more_problems} cell(s):")
        lines.extend(f"  {p}" for p in plan.problems)
        if plan.more_problems:
            lines.append(f"  … and {plan.more_problems} more")
    lines.extend(plan.notes)
    return lines
