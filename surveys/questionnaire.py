"""Declarative questionnaires: YAML files validated by a strict schema.

A broken file never stops the app: `load_templates` returns it as a `BrokenQuestionnaire`
whose message names the file, the line and the problem.

Each question kind is one class here and owns its behaviour: how a raw widget value becomes
an answer (`normalise`, with the message the respondent sees), how an answer is stored
(`answer_rows`, `stored_in`, `multiple`), how it is read back (`value_from_rows`) and shown
(`display`), how a cell of another tool's export becomes a raw value (`from_export`), and
what it is (`scale`, `free_text`). Other code asks the question object, or,
when it only has the kind's name, `KINDS` / `scale_of`. Adding a kind means adding a class
to `Question` (and a widget and a sample generator; tests fail until both exist).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

if TYPE_CHECKING:
    import pandas as pd

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
IDENTIFIER = r"^[a-z][a-z0-9_-]{0,63}$"
# The two answers of a yes/no question, as widgets offer them and as they are stored.
YES, NO = "Yes", "No"
# Control characters (except tab and newline) never reach storage: they cannot be shown,
# and the respondent confirms exactly what is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def fold(text: str) -> str:
    """`text` for matching labels and prompts: case-folded, accents and punctuation dropped,
    spaces collapsed ("Strongly  agree!" -> "strongly agree")."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# A number at the start of an exported cell: "4", "4.0", "7 - Extremely well", "8/10".
_LEADING_NUMBER = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)(?:\s*(?:/\s*\d+|[-–:)]|\s|$))")


def clean_text(text: str) -> str:
    """`text` as stored: NFC, newlines as `\\n`, no control characters, trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    # Lone surrogates cannot be encoded and would fail at storage time.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text.strip()


@dataclass(frozen=True)
class AnswerRow:
    """One stored answer row: the value sits in one typed column (a yes/no answer fills both
    `value_number` and `value_choice`; a multiple-choice answer is one row per choice)."""

    question_id: str
    value_number: float | None = None
    value_text: str | None = None
    value_choice: str | None = None


class StrictModel(BaseModel):
    """Unknown keys are errors: a typo in a YAML key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class BaseQuestion(StrictModel):
    """What every question kind has and does; each kind overrides the behaviour below.

    Values: likert and rating answers are ints, choice and yes/no answers the option's text,
    multiple-choice answers a list of options in questionnaire order, text answers a str.
    """

    id: Annotated[str, Field(pattern=IDENTIFIER)]
    prompt: Annotated[str, Field(min_length=1, max_length=500)]
    help: str = ""
    required: bool = False

    # (lowest, highest) for kinds answered on a numeric scale; None for the others.
    scale: ClassVar[tuple[int, int] | None] = None
    # Respondents' own words: redacted before storing, analysed, shown only as gated quotes.
    free_text: ClassVar[bool] = False
    # The answers column an answer is read back from, and whether it takes one row per choice.
    stored_in: ClassVar[Literal["value_number", "value_choice", "value_text"]]
    multiple: ClassVar[bool] = False

    def normalise(self, raw: Any) -> Any:
        """The answer to store for a raw widget value, or None when it is unanswered.

        Raises ValueError whose message is shown to the respondent when `raw` cannot be an
        answer to this question (out of range, not a listed option, too long, wrong type).
        """
        if raw is None or raw == "" or raw == []:
            return None
        return self._normalise(raw)

    def _normalise(self, raw: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} does not normalise answers")

    def answer_rows(self, value: Any) -> list[AnswerRow]:
        """The rows that store `value`, an answer `normalise` returned (never None).

        Raises NotImplementedError when the kind does not define its stored shape.
        """
        raise NotImplementedError(f"{type(self).__name__} does not define its stored rows")

    def value_from_rows(self, rows: pd.DataFrame) -> Any:
        """The answer back from this question's stored rows of one response (columns
        value_number, value_text, value_choice; at least one row).

        Raises NotImplementedError when the kind does not define how it is read back.
        """
        raise NotImplementedError(f"{type(self).__name__} does not read its rows back")

    def display(self, value: Any) -> str:
        """`value` as plain text for the respondent (their review and receipt)."""
        return str(value)

    def from_export(self, cell: str) -> Any:
        """The raw value (for `normalise`) in one non-blank cell of another tool's export
        (Google Forms, Microsoft Forms, Typeform, SurveyMonkey, retro boards): labels match
        ignoring case, accents and punctuation. Returns the cell unchanged when it cannot be
        read, so `normalise` gives the message."""
        return cell


class _ScaleQuestion(BaseQuestion):
    stored_in: ClassVar[Literal["value_number"]] = "value_number"

    def _normalise(self, raw: Any) -> int:
        low, high = self.scale  # every scale kind sets it
        value = self._from_label(raw)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"Pick a value from {low} to {high}.")
        if not low <= value <= high or value != int(value):
            raise ValueError(f"Pick a value from {low} to {high}.")
        return int(value)

    def _from_label(self, raw: Any) -> Any:
        return raw

    def from_export(self, cell: str) -> Any:
        value = self._from_label(self._export_label(cell))
        if not isinstance(value, str):
            return value
        number = _LEADING_NUMBER.match(value)
        if number is None:
            return value
        read = float(number.group(1).replace(",", "."))
        return int(read) if read == int(read) else read

    def _export_label(self, cell: str) -> Any:
        return cell

    def answer_rows(self, value: Any) -> list[AnswerRow]:
        return [AnswerRow(self.id, value_number=float(value))]

    def value_from_rows(self, rows: pd.DataFrame) -> int:
        return int(rows["value_number"].iloc[0])


class LikertQuestion(_ScaleQuestion):
    kind: Literal["likert"]
    labels: Annotated[list[str], Field(min_length=5, max_length=5)] = [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ]

    scale: ClassVar[tuple[int, int]] = (1, 5)

    def _from_label(self, raw: Any) -> Any:
        return self.labels.index(raw) + 1 if isinstance(raw, str) and raw in self.labels else raw

    def _export_label(self, cell: str) -> Any:
        folded = {fold(label): label for label in self.labels}
        return folded.get(fold(cell), cell)

    def display(self, value: Any) -> str:
        return f"{value} – {self.labels[int(value) - 1]}"


class RatingQuestion(_ScaleQuestion):
    """0–10 scale; the end labels say what 0 and 10 mean."""

    kind: Literal["rating"]
    low_label: str = "0"
    high_label: str = "10"
    # A Net Promoter question ("How likely are you to recommend us?"): results show
    # promoters, passives and detractors. Unset: recognised from the prompt
    # (`afterward.services.survey_results.is_nps`).
    nps: bool | None = None

    scale: ClassVar[tuple[int, int]] = (0, 10)


class _ChoiceQuestion(BaseQuestion):
    options: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=120)]], Field(min_length=2)
    ]

    stored_in: ClassVar[Literal["value_choice"]] = "value_choice"

    @field_validator("options")
    @classmethod
    def _options_unique(cls, options: list[str]) -> list[str]:
        duplicates = sorted({o for o in options if options.count(o) > 1})
        if duplicates:
            raise ValueError(f"options repeat: {', '.join(duplicates)}")
        return options


class SingleChoiceQuestion(_ChoiceQuestion):
    kind: Literal["single_choice"]
    # Marks the stakeholder-role question that breakdowns group by.
    breakdown: bool = False

    def _normalise(self, raw: Any) -> str:
        if raw not in self.options:
            raise ValueError("Pick one of the listed options.")
        return raw

    def from_export(self, cell: str) -> Any:
        return {fold(o): o for o in self.options}.get(fold(cell), cell)

    def answer_rows(self, value: Any) -> list[AnswerRow]:
        return [AnswerRow(self.id, value_choice=value)]

    def value_from_rows(self, rows: pd.DataFrame) -> str:
        return rows["value_choice"].iloc[0]


class MultipleChoiceQuestion(_ChoiceQuestion):
    kind: Literal["multiple_choice"]

    multiple: ClassVar[bool] = True

    def _normalise(self, raw: Any) -> list[str] | None:
        picked = [raw] if isinstance(raw, str) else list(raw)
        if any(v not in self.options for v in picked):
            raise ValueError("Pick only from the listed options.")
        return sorted(set(picked), key=self.options.index) or None

    def from_export(self, cell: str) -> Any:
        """Google Forms joins picked options with ", ", Microsoft Forms with ";": options
        are found by name first (an option may itself contain a comma), then the rest is
        split on ";" and ","."""
        rest = f" {fold(cell)} "
        picked = []
        for option in sorted(self.options, key=len, reverse=True):
            key = f" {fold(option)} "
            if key in rest:
                picked.append(option)
                rest = rest.replace(key, " ")
        # Words no option explains: the raw cell goes along, and `normalise` refuses it.
        return picked + ([cell] if rest.split() else [])

    def answer_rows(self, value: Any) -> list[AnswerRow]:
        return [AnswerRow(self.id, value_choice=v) for v in value]

    def value_from_rows(self, rows: pd.DataFrame) -> list[str]:
        picked = set(rows["value_choice"])
        return [c for c in self.options if c in picked]

    def display(self, value: Any) -> str:
        return ", ".join(value)


class YesNoQuestion(BaseQuestion):
    kind: Literal["yes_no"]

    choices: ClassVar[tuple[str, str]] = (YES, NO)
    stored_in: ClassVar[Literal["value_choice"]] = "value_choice"

    def _normalise(self, raw: Any) -> str:
        if raw not in self.choices:
            raise ValueError("Answer yes or no.")
        return raw

    def from_export(self, cell: str) -> Any:
        folded = fold(cell)
        if folded in ("yes", "y", "true", "1"):
            return YES
        if folded in ("no", "n", "false", "0"):
            return NO
        return cell

    def answer_rows(self, value: Any) -> list[AnswerRow]:
        # The number too, so "share of yes" is a mean like any other.
        return [AnswerRow(self.id, value_number=1.0 if value == YES else 0.0, value_choice=value)]

    def value_from_rows(self, rows: pd.DataFrame) -> str:
        return rows["value_choice"].iloc[0]


class TextQuestion(BaseQuestion):
    kind: Literal["text"]
    max_length: Annotated[int, Field(ge=1, le=10_000)] = 2000
    placeholder: str = ""

    free_text: ClassVar[bool] = True
    stored_in: ClassVar[Literal["value_text"]] = "value_text"

    def _normalise(self, raw: Any) -> str | None:
        if not isinstance(raw, str):
            raise ValueError("Write your answer as text.")
        text = clean_text(raw)
        if len(text) > self.max_length:
            raise ValueError(f"Keep this under {self.max_length} characters (now {len(text)}).")
        return text or None

    def answer_rows(self, value: Any) -> list[AnswerRow]:
        return [AnswerRow(self.id, value_text=value)]

    def value_from_rows(self, rows: pd.DataFrame) -> str:
        return rows["value_text"].iloc[0]


Question = Annotated[
    LikertQuestion
    | RatingQuestion
    | SingleChoiceQuestion
    | MultipleChoiceQuestion
    | YesNoQuestion
    | TextQuestion,
    Field(discriminator="kind"),
]


def _kind_name(cls: type[BaseQuestion]) -> str:
    (name,) = get_args(cls.model_fields["kind"].annotation)
    return name


# Every question kind by its name (as YAML files and the store spell it), from `Question`.
KINDS: dict[str, type[BaseQuestion]] = {
    _kind_name(cls): cls for cls in get_args(get_args(Question)[0])
}
# Kinds answered on a numeric scale: their answers have means and trends.
NUMERIC_KINDS: tuple[str, ...] = tuple(k for k, cls in KINDS.items() if cls.scale is not None)


def scale_of(kind: str) -> tuple[int, int]:
    """(lowest, highest) value of a numeric question kind, by name (e.g. for chart axes).

    Raises ValueError when `kind` is not a numeric question kind (see `NUMERIC_KINDS`).
    """
    cls = KINDS.get(kind)
    if cls is None or cls.scale is None:
        raise ValueError(f"{kind!r} is not a numeric question kind")
    return cls.scale


class Questionnaire(StrictModel):
    id: Annotated[str, Field(pattern=IDENTIFIER)]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    description: str = ""
    intro: str = ""
    questions: Annotated[list[Question], Field(min_length=1)]

    @model_validator(mode="after")
    def _ids_unique_and_one_breakdown(self) -> Questionnaire:
        ids = [q.id for q in self.questions]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"question ids repeat: {', '.join(repeated)}")
        breakdowns = [q.id for q in self.questions if getattr(q, "breakdown", False)]
        if len(breakdowns) > 1:
            raise ValueError(f"only one question may set breakdown: {', '.join(breakdowns)}")
        return self

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    @property
    def breakdown_question(self) -> SingleChoiceQuestion | None:
        for q in self.questions:
            if isinstance(q, SingleChoiceQuestion) and q.breakdown:
                return q
        return None


class QuestionnaireError(ValueError):
    """A questionnaire file that cannot be used; str() is `file:line: problem`."""

    def __init__(self, source: str, line: int | None, problem: str):
        self.source, self.line, self.problem = source, line, problem
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class BrokenQuestionnaire:
    path: Path
    error: QuestionnaireError


def parse_questionnaire(text: str, source: str = "<string>") -> Questionnaire:
    """Parse and validate YAML text; errors name `source`, the line and the problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise QuestionnaireError(source, line, f"not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise QuestionnaireError(source, None, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise QuestionnaireError(source, 1, "expected a mapping with id, title and questions")
    try:
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("kind",)
        line = _line_of(root, loc)
        raise QuestionnaireError(source, line, _describe(first)) from None


def load_questionnaire(path: Path) -> Questionnaire:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionnaireError(path.name, None, f"cannot read file: {exc}") from None
    questionnaire = parse_questionnaire(text, source=path.name)
    if questionnaire.id != path.stem:
        line = _line_of(yaml.compose(text, Loader=yaml.SafeLoader), ("id",))
        raise QuestionnaireError(
            path.name, line, f"id {questionnaire.id!r} must match the file name {path.stem!r}"
        )
    return questionnaire


def load_templates(
    folder: Path = TEMPLATES_DIR,
) -> tuple[dict[str, Questionnaire], list[BrokenQuestionnaire]]:
    """All questionnaires in `folder`, by id, and the files that failed validation."""
    valid: dict[str, Questionnaire] = {}
    broken: list[BrokenQuestionnaire] = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        try:
            questionnaire = load_questionnaire(path)
        except QuestionnaireError as exc:
            broken.append(BrokenQuestionnaire(path, exc))
        else:
            valid[questionnaire.id] = questionnaire
    return valid, broken


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML key or item at pydantic location `loc` (deepest found)."""
    if root is None:
        return None
    node, line = root, root.start_mark.line + 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            entry = next(((k, v) for k, v in node.value if k.value == key), None)
            if entry is None:
                if key in KINDS:
                    continue  # discriminated unions add the tag ("text") to the location
                break
            key_node, node = entry
            line = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _describe(error: dict[str, Any]) -> str:
    path = ".".join(str(p) for p in error["loc"] if not isinstance(p, str) or p not in KINDS)
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key (check the spelling)"
    elif error["type"] == "union_tag_invalid":
        message = f"kind must be one of: {', '.join(sorted(KINDS))}"
    elif error["type"] == "union_tag_not_found":
        message = "every question needs a kind"
    return f"{path}: {message}" if path else message
