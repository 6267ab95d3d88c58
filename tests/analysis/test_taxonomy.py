"""Taxonomy loading: the shipped default, the AFTERWARD_TAXONOMY override and validation."""

from pathlib import Path

import pytest

from analysis.taxonomy import (
    CATEGORIES,
    DEFAULT_TAXONOMY_PATH,
    TAXONOMY_ENV_VAR,
    load_taxonomy,
    taxonomy_key,
    taxonomy_path,
)

DEFAULT_IDS = [
    "goals_scope_unclear",
    "estimation_schedule",
    "communication_gaps",
    "requirements_change",
    "staffing_resources",
    "tech_debt_tooling",
    "testing_quality",
    "deployment_configuration",
    "client_expectations",
    "monitoring_alerting",
]

VALID = """\
categories:
  - id: first_cause
    description: The first cause.
    keywords:
      - alpha
  - id: second_cause
    description: The second cause.
    based_on:
      - testing_quality
"""


def test_default_taxonomy_has_the_ten_product_ids_in_order():
    assert list(CATEGORIES) == DEFAULT_IDS
    assert all(description.strip() for description in CATEGORIES.values())


def test_categories_come_from_the_default_file_even_when_env_points_elsewhere(
    tmp_path, monkeypatch
):
    custom = tmp_path / "custom.yaml"
    custom.write_text(VALID)
    monkeypatch.setenv(TAXONOMY_ENV_VAR, str(custom))
    assert list(CATEGORIES) == DEFAULT_IDS
    assert list(load_taxonomy()) == ["first_cause", "second_cause"]


def test_env_var_selects_the_file_and_explicit_path_wins(tmp_path, monkeypatch):
    custom = tmp_path / "custom.yaml"
    custom.write_text(VALID)
    monkeypatch.delenv(TAXONOMY_ENV_VAR, raising=False)
    assert taxonomy_path() == DEFAULT_TAXONOMY_PATH
    monkeypatch.setenv(TAXONOMY_ENV_VAR, str(custom))
    assert taxonomy_path() == custom
    assert taxonomy_path(DEFAULT_TAXONOMY_PATH) == DEFAULT_TAXONOMY_PATH


def test_keywords_and_based_on_are_parsed(tmp_path):
    custom = tmp_path / "custom.yaml"
    custom.write_text(VALID)
    taxonomy = load_taxonomy(custom)
    assert taxonomy["first_cause"].keywords == ("alpha",)
    assert taxonomy["second_cause"].based_on == ("testing_quality",)
    assert taxonomy["second_cause"].description == "The second cause."


def test_taxonomy_key_changes_with_content(tmp_path):
    custom = tmp_path / "custom.yaml"
    custom.write_text(VALID)
    before = taxonomy_key(custom)
    custom.write_text(VALID.replace("The first cause.", "Another first cause."))
    assert taxonomy_key(custom) != before


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("categories: [unclosed", "not valid YAML"),
        ("- just\n- a list\n", "top level"),
        ("cats:\n  - id: a_b\n    description: x\n", "top level"),
        ("categories:\n  - id: only_one\n    description: x\n", "at least two"),
        (
            "categories:\n  - id: a_b\n    description: x\n  - id: a_b\n    description: y\n",
            "duplicate",
        ),
        (
            "categories:\n  - id: Bad Id\n    description: x\n  - id: c_d\n    description: y\n",
            "snake_case",
        ),
        (
            "categories:\n  - id: a_b\n    description: ''\n  - id: c_d\n    description: y\n",
            "description",
        ),
        (
            "categories:\n  - id: a_b\n    descripton: x\n  - id: c_d\n    description: y\n",
            "unknown key",
        ),
        (
            "categories:\n  - id: a_b\n    description: x\n    keywords: alpha\n"
            "  - id: c_d\n    description: y\n",
            "keywords",
        ),
        ("categories:\n  - just a string\n  - id: c_d\n    description: y\n", "mapping"),
    ],
)
def test_broken_file_raises_value_error_naming_file_and_problem(tmp_path, content, problem):
    broken = tmp_path / "broken_taxonomy.yaml"
    broken.write_text(content)
    with pytest.raises(ValueError, match=problem) as excinfo:
        load_taxonomy(broken)
    assert "broken_taxonomy.yaml" in str(excinfo.value)


def test_missing_file_raises_value_error_naming_it(tmp_path):
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(ValueError, match="nowhere.yaml"):
        load_taxonomy(missing)


def test_shipped_file_is_block_style_yaml():
    # House style: flow style breaks on '?' in descriptions.
    assert "{" not in Path(DEFAULT_TAXONOMY_PATH).read_text()
