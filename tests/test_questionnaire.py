from pathlib import Path

import pytest

from surveys.questionnaire import (
    TEMPLATES_DIR,
    QuestionnaireError,
    load_questionnaire,
    load_templates,
    parse_questionnaire,
)

REQUIRED_TEMPLATES = {
    "project-postmortem",
    "incident-postmortem",
    "sprint-retro",
    "client-feedback",
}
KINDS = {"likert", "rating", "single_choice", "multiple_choice", "yes_no", "text"}


def test_every_shipped_questionnaire_validates():
    valid, broken = load_templates()
    assert broken == []
    assert REQUIRED_TEMPLATES <= set(valid)
    # Between them the templates use every question kind.
    assert KINDS == {q.kind for t in valid.values() for q in t.questions}


def test_project_postmortem_covers_what_the_issue_asks():
    questionnaire = load_templates()[0]["project-postmortem"]
    ids = {q.id for q in questionnaire.questions}
    assert {
        "goals_clear",
        "schedule_realistic",
        "communication",
        "went_well",
        "went_wrong",
        "root_cause",
        "do_differently",
        "role",
    } <= ids
    role = questionnaire.breakdown_question
    assert role is not None and not role.required
    assert role.options == ["Team member", "Client", "Manager", "Other"]


def test_incident_postmortem_is_blameless():
    questionnaire = load_templates()[0]["incident-postmortem"]
    wording = " ".join(q.prompt + " " + q.help for q in questionnaire.questions).lower()
    assert "who " not in wording and "whose" not in wording
    assert {"severity", "detection"} <= {q.id for q in questionnaire.questions}


BASE = "id: broken\ntitle: Broken\nquestions:\n"
BROKEN = [
    # (yaml after the header, expected line, expected words in the message)
    ("  - id: a\n    kind: text\n    prompt: Hi\n    requird: true\n", 7, "unknown key"),
    ("  - id: a\n    kind: essay\n    prompt: Hi\n", 5, "kind must be one of"),
    ("  - id: a\n    prompt: Hi\n", 4, "needs a kind"),
    (
        "  - id: a\n    kind: likert\n    prompt: Hi\n    labels:\n      - x\n      - y\n",
        7,
        "at least 5",
    ),
    ("  - id: a\n    kind: text\n    prompt: Hi\n    max_length: 0\n", 7, "greater than or equal"),
    (
        "  - id: a\n    kind: single_choice\n    prompt: Hi\n    options:\n      - x\n      - x\n",
        7,
        "repeat",
    ),
    (
        "  - id: a\n    kind: text\n    prompt: Hi\n  - id: a\n    kind: text\n    prompt: Ho\n",
        1,
        "repeat",
    ),
    ("  - id: a\n    kind: text\n    prompt: [unclosed\n", 7, "not valid YAML"),
    ("  - id: Bad Id\n    kind: yes_no\n    prompt: Hi\n", 4, "pattern"),
    ("  - id: a\n    kind: rating\n    prompt: Hi\n    required: maybe\n", 7, "boolean"),
]


@pytest.mark.parametrize(("body", "line", "words"), BROKEN)
def test_broken_file_names_file_line_and_problem(tmp_path: Path, body: str, line: int, words: str):
    path = tmp_path / "broken.yaml"
    path.write_text(BASE + body)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert caught.value.source == "broken.yaml"
    assert caught.value.line == line, str(caught.value)
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"broken.yaml:{line}: ")


def test_id_must_match_file_name(tmp_path: Path):
    path = tmp_path / "other.yaml"
    path.write_text(BASE + "  - id: a\n    kind: text\n    prompt: Hi\n")
    with pytest.raises(QuestionnaireError, match=r"other.yaml:1: .*must match the file name"):
        load_questionnaire(path)


def test_folder_with_broken_files_lists_them_and_keeps_the_good_ones(tmp_path: Path):
    for name in REQUIRED_TEMPLATES:
        (tmp_path / f"{name}.yaml").write_text((TEMPLATES_DIR / f"{name}.yaml").read_text())
    (tmp_path / "broken.yaml").write_text(BASE + "  - id: a\n    kind: nope\n    prompt: x\n")
    (tmp_path / "empty.yaml").write_text("")
    valid, broken = load_templates(tmp_path)
    assert set(valid) == REQUIRED_TEMPLATES
    assert sorted(b.path.name for b in broken) == ["broken.yaml", "empty.yaml"]
    assert all(str(b.error).startswith(b.path.name) for b in broken)


def test_non_mapping_document_is_an_error():
    with pytest.raises(QuestionnaireError, match="expected a mapping"):
        parse_questionnaire("- just\n- a list\n", "list.yaml")
