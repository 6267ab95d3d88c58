"""Reading answers exported from other tools, and matching their columns to questions.

Supported exports (what each looks like, from the tools' own export formats):
- Google Forms (CSV from the responses sheet): "Timestamp", optionally "Email Address" or
  "Score", then one column per question headed by its prompt; picked options joined by ", ".
- Microsoft Forms (XLSX): "ID", "Start time", "Completion time", "Email", "Name", "Last
  modified time", then one column per question; picked options joined by ";".
- Typeform (CSV/XLSX): "#", one column per question, a multiple-choice question as one column
  per option (headed by the option, holding it when picked), "Start Date (UTC)", "Submit Date
  (UTC)", "Network ID".
- SurveyMonkey (CSV/XLSX, "all responses"): two header rows — the question, then "Response",
  "Open-Ended Response" or each option's label — after "Respondent ID", "Collector ID", "Start
  Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name".
- Parabol (retrospective meeting CSV): one row per card, with "prompt" (the board column),
  "content", "type" (only "Reflection" rows are cards people wrote; comments and replies carry
  their authors' names and are left out), "author", "createdAt", "votes".
- EasyRetro and other boards: one row per card with a column naming the board column and one
  with the card's text, or (`board=True`) one column per board column, each cell a card.
Any other spreadsheet with a header row works like a form export.

Identity columns (timestamps, e-mail addresses, names, respondent ids, IP addresses and the
like) are recognised by their header or by holding e-mail addresses: they are never matched
to a question and never leave this module. Dates are read only to find the quarter.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import io
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

import pandas as pd

from surveys.questionnaire import AnswerRow, MultipleChoiceQuestion, Questionnaire, fold

# Headers that identify a person or a moment: never stored, never matchable (folded form).
IDENTITY_HEADERS = frozenset(
    {
        "timestamp", "time", "date", "start time", "end time", "completion time",
        "last modified time", "start date", "end date", "start date utc", "submit date utc",
        "submitted at", "submitted", "created at", "createdat", "updated at", "email",
        "email address", "e mail", "e mail address", "mail", "name", "full name", "first name",
        "last name", "your name", "respondent", "respondent id", "collector id", "id",
        "response id", "network id", "ip address", "ip", "user agent", "tags", "score",
        "total score", "total points", "author", "created by", "owner", "votes", "vote count",
        "reflectiongroup", "reflection group", "discussionthread", "discussion thread",
        "type", "language", "response type", "",
    }
)  # fmt: skip
_IDENTITY_PARTS = ("email", "e mail", "ip address", "custom data", "user agent", "respondent")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# A whole cell that is a date with a time of day ("2025-03-04 10:15:22", "3/4/25 9:05 AM",
# "2025-03-04T10:15:22Z"): a moment someone answered, whatever the header says.
_TIMESTAMP = re.compile(
    r"\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})[ T,]+"
    r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|[A-Za-z]{2,5}|[+-]\d{1,2}(:?\d{2})?)?\s*"
)
# Board exports in one row per card: the column naming the board column, and the card text.
_BOARD_COLUMN = ("prompt", "column", "section", "category", "list", "board column")
_CARD_TEXT = ("content", "message", "text", "card", "description", "note")
# Similarity (difflib ratio of folded prompt and header) above which a header is a prompt
# written slightly differently (a typo fixed, a question mark added).
PROMPT_SIMILARITY = 0.85
# A header shorter than this (folded) is not matched by being part of a longer prompt.
MIN_PARTIAL = 12


@dataclass(frozen=True)
class ExportTable:
    """Another tool's export as read: `flavour` names the tool ("google_forms",
    "microsoft_forms", "typeform", "surveymonkey", "parabol", "board", "spreadsheet");
    `frame` holds every cell as a str ("" when blank), one row per response (per card for
    boards), columns named by unique headers; `notes` says what reading did."""

    flavour: str
    frame: pd.DataFrame
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnMatch:
    """How one column is used: `question_id` (None: not imported) and `how` — "id",
    "prompt", "option" (a Typeform option column), "map" (given by the manager), "identity"
    (identity data: dropped), "unmatched", or "taken" (its question already has a column)."""

    column: str
    question_id: str | None
    how: str


@dataclass
class ReadAnswers:
    """Answers read from an export: `rows` per response (list of AnswerRow, free text not yet
    redacted), `problems` (messages naming row and column), `dates` (the dates found in
    identity columns: only their quarter is used)."""

    rows: list[list[AnswerRow]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dates: list[pd.Timestamp] = field(default_factory=list)


def read_export(data: bytes, filename: str, *, board: bool = False) -> ExportTable:
    """Read an export (CSV, TSV or XLSX by `filename`'s extension) into an ExportTable.

    `board`: the file is a retro board with one column per board column, each cell a card.
    Raises ValueError with a message for the manager when the file is empty, not a table,
    or of an unsupported type.
    """
    suffix = PurePath(filename).suffix.lower()
    if not data.strip():
        raise ValueError(f"{filename} is empty: it has no rows under its header row.")
    if suffix not in (".xlsx", ".xlsm", ".csv", ".tsv", ".txt", ""):
        raise ValueError(
            f"{filename}: import reads .csv, .tsv or .xlsx exports (this is {suffix})."
        )
    notes: tuple[str, ...] = ()
    try:
        if suffix in (".xlsx", ".xlsm"):
            sheets = pd.read_excel(
                io.BytesIO(data), dtype=str, header=None, keep_default_na=False, sheet_name=None
            )
            raw, notes = _largest_sheet(filename, sheets)
        else:
            text = _decode(data)
            raw = pd.read_csv(
                io.StringIO(text),
                dtype=str,
                header=None,
                keep_default_na=False,
                sep=_delimiter(text),
                engine="python",
            )
    except Exception as exc:  # pandas raises many parser errors; all mean "not a table"
        raise ValueError(f"{filename} could not be read as a table: {exc}") from exc
    raw = raw.fillna("").astype(str)
    if raw.empty or len(raw) < 2:
        raise ValueError(f"{filename} has no rows under its header row.")
    table = _shape(raw, board)
    return replace(table, notes=notes + table.notes)


def _largest_sheet(
    filename: str, sheets: dict[str, pd.DataFrame]
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The sheet with the most non-blank rows (the first of equals) and, when the workbook
    has several sheets with something in them, a note naming the one read."""
    filled = {
        name: sheet
        for name, sheet in sheets.items()
        if sheet.fillna("").astype(str).apply(lambda c: c.str.strip()).ne("").any(axis=None)
    }
    if len(filled) <= 1:
        return next(iter(filled.values()), pd.DataFrame()), ()
    name = max(filled, key=lambda n: len(filled[n]))  # max keeps the first of equals
    others = ", ".join(repr(n) for n in filled if n != name)
    return filled[name], (
        f"{filename} has {len(filled)} sheets with data: read {name!r}, the longest "
        f"(not {others}); save another sheet on its own to import it.",
    )


def _delimiter(text: str) -> str:
    """The CSV's delimiter among comma, semicolon, tab and bar, told from the header line
    (as pandas does); a comma when it has one column (a space or a letter never is one)."""
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _decode(data: bytes) -> str:
    """UTF-16 when the file says so (a byte-order mark, or NULs beside ASCII), else UTF-8,
    else Windows-1252 (Excel's "CSV" on Windows). Bytes are never guessed to be UTF-16:
    almost any even number of bytes decodes as UTF-16, into nonsense."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-16")
    if b"\x00" in data[:4096] and len(data) % 2 == 0:
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(encoding)
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig")
    return data.decode("cp1252", errors="replace")


def _shape(raw: pd.DataFrame, board: bool) -> ExportTable:
    header = [h.strip() for h in raw.iloc[0]]
    body = raw.iloc[1:].reset_index(drop=True)
    folded = [fold(h) for h in header]
    second = [fold(v) for v in body.iloc[0]] if len(body) else []
    if "respondent id" in folded or {"response", "open ended response"} & set(second):
        return _surveymonkey(header, body)
    frame = _frame(header, body)
    if {"prompt", "content"} <= set(folded) and ("type" in folded or "reflectiongroup" in folded):
        return _cards(frame, "parabol", "prompt", "content", type_column="type")
    column = next((c for c in frame.columns if fold(c) in _BOARD_COLUMN), None)
    text = next((c for c in frame.columns if fold(c) in _CARD_TEXT), None)
    if column is not None and text is not None:
        return _cards(frame, "board", column, text)
    if board:
        return _board(frame)
    if folded and folded[0] == "timestamp":
        flavour = "google_forms"
    elif {"start time", "completion time"} <= set(folded):
        flavour = "microsoft_forms"
    elif "submit date utc" in folded or "network id" in folded:
        flavour = "typeform"
    else:
        flavour = "spreadsheet"
    return ExportTable(flavour, frame)


def _frame(header: list[str], body: pd.DataFrame) -> pd.DataFrame:
    names: list[str] = []
    seen: Counter[str] = Counter()
    for index, name in enumerate(header):
        name = name or f"Column {index + 1}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    frame = body.copy()
    frame.columns = names
    return frame.map(str.strip)


def _surveymonkey(header: list[str], body: pd.DataFrame) -> ExportTable:
    """Two header rows: the question (blank over a question's further option columns),
    then "Response" / "Open-Ended Response" or the option a column stands for."""
    names, current = [], ""
    for top, sub in zip(header, body.iloc[0], strict=True):
        current = top or current
        sub = sub.strip()
        if fold(sub) in ("", "response", "open ended response"):
            names.append(current)
        else:
            names.append(f"{current} [{sub}]")
    frame = _frame(names, body.iloc[1:].reset_index(drop=True))
    return ExportTable("surveymonkey", frame, ("Read two header rows (SurveyMonkey).",))


def _cards(
    frame: pd.DataFrame, flavour: str, column: str, text: str, type_column: str | None = None
) -> ExportTable:
    """One row per card -> one response per card, in a column named after its board column."""
    notes = []
    if type_column is not None:
        kinds = frame[type_column].map(fold)
        left_out = int((kinds != "reflection").sum())
        frame = frame[kinds == "reflection"]
        if left_out:
            notes.append(
                f"Left out {left_out} comment(s), replies and tasks: they carry their "
                "authors' names. Only the cards (reflections) are imported."
            )
    frame = frame[frame[text].str.strip() != ""]
    cards = pd.DataFrame({"card": range(len(frame))})
    for board_column in dict.fromkeys(frame[column]):
        name = board_column or "Cards"
        cards[name] = [
            "" if c != board_column else t for c, t in zip(frame[column], frame[text], strict=True)
        ]
    notes.append(
        f"Each of the {len(frame)} cards is imported as one response (a board does not say "
        "who wrote which card)."
    )
    return ExportTable(flavour, cards.drop(columns="card"), tuple(notes))


def _board(frame: pd.DataFrame) -> ExportTable:
    long = frame.melt(var_name="column", value_name="text")
    return _cards(long, "board", "column", "text")


def is_identity(column: str, values: pd.Series | None = None) -> bool:
    """Whether a column identifies a person or a moment (never stored): its header (folded)
    is a known identity header or contains one of its parts, or most of its non-blank cells
    are e-mail addresses or timestamps (a date with a time of day)."""
    folded = fold(column)
    if folded in IDENTITY_HEADERS or any(part in folded for part in _IDENTITY_PARTS):
        return True
    return values is not None and (_mostly(values, _EMAIL) or _mostly(values, _TIMESTAMP))


def _mostly(values: pd.Series, pattern: re.Pattern[str]) -> bool:
    """Whether most non-blank cells are wholly `pattern`."""
    filled = values[values != ""]
    return len(filled) > 0 and filled.str.fullmatch(pattern).mean() > 0.5


def match_columns(
    table: ExportTable, questionnaire: Questionnaire, mapping: dict[str, str] | None = None
) -> list[ColumnMatch]:
    """Each column of `table` matched to a question of `questionnaire`, in column order.

    A column matches a question whose id it names, or whose prompt it contains or is part of
    (ignoring case, punctuation and surrounding text: "2. The schedule was realistic? *"), or
    whose prompt it nearly equals (difflib ratio ≥ PROMPT_SIMILARITY); a Typeform option
    column matches its multiple-choice question. Each question takes one column (the closest),
    a multiple-choice question all of its option columns. `mapping` (column -> question id,
    "" to skip) overrides the matching for its columns.
    Raises ValueError naming the problem for a mapping to an unknown column or question, or
    of an identity column.
    """
    mapping = dict(mapping or {})
    frame = table.frame
    known = {q.id for q in questionnaire.questions}
    for column, question_id in mapping.items():
        if column not in frame.columns:
            raise ValueError(
                f"--map names a column the file does not have: {column!r}. "
                f"Columns: {', '.join(map(repr, frame.columns))}."
            )
        if question_id and question_id not in known:
            raise ValueError(
                f"--map names an unknown question {question_id!r}; this questionnaire has "
                f"{', '.join(sorted(known))}."
            )
        if question_id and is_identity(column, frame[column]):
            raise ValueError(f"{column!r} holds identity data: it is never imported.")
    scored: list[tuple[float, str, str, str]] = []  # (score, column, question_id, how)
    matches: dict[str, ColumnMatch] = {}
    for column in frame.columns:
        if column in mapping:
            qid = mapping[column] or None
            matches[column] = ColumnMatch(column, qid, "map" if qid else "unmatched")
        elif is_identity(column, frame[column]):
            matches[column] = ColumnMatch(column, None, "identity")
        else:
            for question in questionnaire.questions:
                score, how = _score(column, frame[column], question)
                if score > 0:
                    scored.append((score, column, question.id, how))
    taken = {m.question_id for m in matches.values() if m.question_id}
    for _points, column, question_id, how in sorted(scored, key=lambda s: -s[0]):
        question = questionnaire.question(question_id)
        if column in matches:
            continue
        if question_id in taken and not isinstance(question, MultipleChoiceQuestion):
            continue
        matches[column] = ColumnMatch(column, question_id, how)
        taken.add(question_id)
    for column in frame.columns:
        if column not in matches:
            taken_by = any(s[1] == column for s in scored)
            matches[column] = ColumnMatch(column, None, "taken" if taken_by else "unmatched")
    return [matches[c] for c in frame.columns]


def _score(column: str, values: pd.Series, question: Any) -> tuple[float, str]:
    header, prompt = fold(column), fold(question.prompt)
    if header in (fold(question.id), fold(question.id.replace("_", " "))):
        return 3.0, "id"
    if prompt and prompt in header:
        return 2.0 + len(prompt) / max(len(header), 1), "prompt"
    if len(header) >= MIN_PARTIAL and header in prompt:
        return 1.5 + len(header) / max(len(prompt), 1), "prompt"
    ratio = difflib.SequenceMatcher(None, header, prompt).ratio()
    if ratio >= PROMPT_SIMILARITY:
        return 1.0 + ratio, "prompt"
    if isinstance(question, MultipleChoiceQuestion):
        options = {fold(o): o for o in question.options}
        filled = {fold(v) for v in values if v}
        if header in options and filled <= {header}:
            return 1.0, "option"
        if "[" in column and fold(column.rsplit("[", 1)[0]) == prompt:
            return 2.0, "prompt"
    return 0.0, ""


def read_answers(
    table: ExportTable, matches: list[ColumnMatch], questionnaire: Questionnaire
) -> ReadAnswers:
    """The answers of every row under the matched columns, as AnswerRows per response (rows
    without any answer are skipped). A cell that is not a valid answer is left out and
    reported in `problems` ("row 4, 'Schedule': Pick a value from 1 to 5."); the row's other
    answers are kept. Dates in identity columns are collected (for the quarter) and dropped.
    Raises nothing.
    """
    frame = table.frame
    by_question: dict[str, list[str]] = {}
    for match in matches:
        if match.question_id:
            by_question.setdefault(match.question_id, []).append(match.column)
    date_columns = [
        m.column
        for m in matches
        if m.how == "identity"
        and (
            any(p in fold(m.column) for p in ("time", "date", "created"))
            or _mostly(frame[m.column], _TIMESTAMP)
        )
    ]
    result = ReadAnswers()
    for column in date_columns:
        parsed = pd.to_datetime(frame[column], errors="coerce", format="mixed")
        result.dates.extend(parsed.dropna().tolist())
    for index in range(len(frame)):
        row = frame.iloc[index]
        answers: list[AnswerRow] = []
        for question_id, columns in by_question.items():
            question = questionnaire.question(question_id)
            cells = [row[c] for c in columns if row[c]]
            if not cells:
                continue
            if isinstance(question, MultipleChoiceQuestion):
                raw: Any = [v for cell in cells for v in question.from_export(cell)]
            else:  # one column per question (a mapping naming two: the first filled one)
                raw = question.from_export(cells[0])
            try:
                value = question.normalise(raw)
            except ValueError as exc:
                result.problems.append(f"row {index + 2}, {columns[0]!r}: {exc}")
                continue
            if value is not None:
                answers.extend(question.answer_rows(value))
        if answers:
            result.rows.append(answers)
    return result
