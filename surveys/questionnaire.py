"""Declarative questionnaires: YAML files validated by a strict schema.

A broken file never stops the app: `load_templates` returns it as a `BrokenQuestionnaire`
whose message names the file, the line and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
IDENTIFIER = r"^[a-z][a-z0-9_-]{0,63}$"


class StrictModel(BaseModel):
    """Unknown keys are errors: a typo in a YAML key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _Question(StrictModel):
    id: Annotated[str, Field(pattern=IDENTIFIER)]
    prompt: Annotated[str, Field(min_length=1, max_length=500)]
    help: str = ""
    required: bool = False


class LikertQuestion(_Question):
    kind: Literal["likert"]
    labels: Annotated[list[str], Field(min_length=5, max_length=5)] = [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ]


class RatingQuestion(_Question):
    """0–10 scale; the end labels say what 0 and 10 mean."""

    kind: Literal["rating"]
    low_label: str = "0"
    high_label: str = "10"


class _ChoiceQuestion(_Question):
    options: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=120)]], Field(min_length=2)
    ]

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


class MultipleChoiceQuestion(_ChoiceQuestion):
    kind: Literal["multiple_choice"]


class YesNoQuestion(_Question):
    kind: Literal["yes_no"]


class TextQuestion(_Question):
    kind: Literal["text"]
    max_length: Annotated[int, Field(ge=1, le=10_000)] = 2000
    placeholder: str = ""


Question = Annotated[
    LikertQuestion
    | RatingQuestion
    | SingleChoiceQuestion
    | MultipleChoiceQuestion
    | YesNoQuestion
    | TextQuestion,
    Field(discriminator="kind"),
]


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
                if key in _KINDS:
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
    path = ".".join(str(p) for p in error["loc"] if not isinstance(p, str) or p not in _KINDS)
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key (check the spelling)"
    elif error["type"] == "union_tag_invalid":
        message = f"kind must be one of: {', '.join(sorted(_KINDS))}"
    elif error["type"] == "union_tag_not_found":
        message = "every question needs a kind"
    return f"{path}: {message}" if path else message


_KINDS = {"likert", "rating", "single_choice", "multiple_choice", "yes_no", "text"}
