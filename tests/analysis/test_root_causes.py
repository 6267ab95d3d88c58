"""Root-cause classifier: estimator contract, public functions, custom taxonomies, quality.

Quality floors sit a little below the figures measured with bench/bench_root_causes.py, so
a regression fails them. Eval data lives beside the repo (``../shared/eval``) and is only
ever scored against, never trained on.
"""

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import f1_score
from sklearn.pipeline import Pipeline

from analysis import root_causes
from analysis.root_causes import (
    NEIGHBOUR_MAX_SHARE,
    RootCauseClassifier,
    classify_root_causes,
    classify_with_confidence,
    fitted_model,
    load_corpus,
    normalise_text,
)
from analysis.taxonomy import CATEGORIES, NO_ROOT_CAUSE, TAXONOMY_ENV_VAR
from analysis.text_normal import answer_key

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"

TOY_TEXTS = [
    "the deploy pushed a bad config to production",
    "rollback failed after the release",
    "nobody was paged, no alert fired",
    "dashboards were missing and monitoring was noisy",
    "we had no unit tests and the review was rushed",
    "bugs escaped because testing started late",
]
TOY_LABELS = ["deploy", "deploy", "monitoring", "monitoring", "testing", "testing"]


@pytest.fixture(autouse=True)
def default_taxonomy(monkeypatch):
    monkeypatch.delenv(TAXONOMY_ENV_VAR, raising=False)


# --- estimator contract -------------------------------------------------------------


def test_init_only_stores_params_and_clone_round_trips():
    model = RootCauseClassifier(C=3.0, lexicon_weight=0.5, random_state=7)
    cloned = clone(model)
    assert cloned.get_params() == model.get_params()
    assert not hasattr(cloned, "classes_")


def test_fit_returns_self_and_sets_learned_state():
    model = RootCauseClassifier()
    assert model.fit(TOY_TEXTS, TOY_LABELS) is model
    assert list(model.classes_) == ["deploy", "monitoring", "testing"]
    proba = model.predict_proba(["config push broke prod"])
    assert proba.shape == (1, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_works_inside_a_pipeline_and_after_clone():
    pipeline = Pipeline([("classifier", RootCauseClassifier())])
    pipeline.fit(TOY_TEXTS, TOY_LABELS)
    assert pipeline.predict(["nobody was paged and no alert fired"])[0] == "monitoring"
    refit = clone(pipeline).fit(TOY_TEXTS, TOY_LABELS)
    assert list(refit.predict(TOY_TEXTS)) == list(pipeline.predict(TOY_TEXTS))


def test_predict_before_fit_raises_not_fitted():
    with pytest.raises(NotFittedError):
        RootCauseClassifier().predict(["anything"])


@pytest.mark.parametrize(
    ("texts", "labels", "message"),
    [
        (TOY_TEXTS, TOY_LABELS[:-1], "labels"),
        (TOY_TEXTS[:2], ["deploy", "deploy"], "two categories"),
        ("a single string", ["deploy"], "single string"),
    ],
)
def test_fit_rejects_bad_input(texts, labels, message):
    with pytest.raises(ValueError, match=message):
        RootCauseClassifier().fit(texts, labels)


def test_same_random_state_gives_identical_output():
    corpus = load_corpus()
    first = RootCauseClassifier(random_state=0).fit(corpus["text"], corpus["category"])
    second = RootCauseClassifier(random_state=0).fit(corpus["text"], corpus["category"])
    probe = ["deadline was unrealistic", "no alerts", "client kept changing their mind"]
    np.testing.assert_array_equal(first.predict_proba(probe), second.predict_proba(probe))


def test_predict_top2_keeps_second_only_when_close():
    model = RootCauseClassifier(second_ratio=0.0).fit(TOY_TEXTS, TOY_LABELS)
    always = model.predict_top2(["no alert after the bad deploy"])
    assert always.loc[0, "second_category"] is not None
    model.set_params(second_ratio=1.01)  # a second category can never reach this
    never = model.predict_top2(["no alert after the bad deploy"])
    assert never.loc[0, "second_category"] is None
    assert never.loc[0, "second_confidence"] is None


# --- public functions -----------------------------------------------------------------


def test_classify_returns_one_known_category_per_text():
    texts = [
        "The TLS certificate expired and took the API down.",
        "we committed to a date before estimating anything",
        "Nobody got paged; customers told us first.",
        "the client took three weeks to sign off the designs",
    ]
    result = classify_root_causes(texts)
    assert len(result) == len(texts)
    assert set(result) <= set(CATEGORIES)
    assert result == [
        "deployment_configuration",
        "estimation_schedule",
        "monitoring_alerting",
        "client_expectations",
    ]


@pytest.mark.parametrize(
    "odd", ["", "   ", "🔥🔥🔥", "???", "x" * 10_000, "word " * 2_000, None, float("nan"), 42]
)
def test_odd_input_still_gets_a_valid_category(odd):
    (category,) = classify_root_causes([odd])
    assert category in CATEGORIES or category == NO_ROOT_CAUSE
    if odd in ("", "   ", "🔥🔥🔥", "???", None) or not isinstance(odd, str):
        assert category == NO_ROOT_CAUSE  # says nothing: no root cause


def test_empty_input_gives_empty_output():
    assert classify_root_causes([]) == []
    frame = classify_with_confidence([])
    assert list(frame.columns) == ["category", "confidence", "second_category", "second_confidence"]
    assert frame.empty


def test_confidence_frame_is_consistent():
    texts = ["deploy broke because of a config typo", "too few people and burnout", ""]
    frame = classify_with_confidence(texts)
    assert list(frame.columns) == ["category", "confidence", "second_category", "second_confidence"]
    assert len(frame) == len(texts)
    assert frame["confidence"].between(0, 1).all()
    for row in frame.itertuples():
        if row.second_category is None:
            assert row.second_confidence is None
        else:
            assert row.second_category != row.category
            assert row.second_confidence <= row.confidence


def test_default_model_is_fitted_once_per_process():
    assert fitted_model() is fitted_model()
    assert fitted_model().default is fitted_model().default


def test_default_model_fits_quickly():
    root_causes._model_cache.clear()
    start = time.perf_counter()
    fitted_model()
    # ~0.7 s on an idle 2-core box (target < 3 s); the bound only catches gross
    # regressions, since a shared CI machine can be several times slower.
    assert time.perf_counter() - start < 10.0


def test_corrections_change_predictions():
    text = "the vendor portal was down again"
    before = classify_root_causes([text])[0]
    target = "staffing_resources" if before != "staffing_resources" else "testing_quality"
    corrections = pd.DataFrame({"text": [text], "category": [target]})
    assert classify_root_causes([text], corrections=corrections) == [target]


def test_corrections_teach_new_vocabulary_beyond_exact_matches():
    probe = "zorblax sync broke again"
    before = classify_root_causes([probe])[0]
    target = "client_expectations" if before != "client_expectations" else "testing_quality"
    corrections = pd.DataFrame(
        {
            "text": [
                "zorblax rejected our build",
                "the zorblax people again",
                "zorblax",
                "waiting on zorblax",
                "zorblax sign-off",
            ],
            "category": [target] * 5,
        }
    )
    assert classify_root_causes([probe], corrections=corrections) == [target]


# Invented answers (not from any eval file): a correction, answers worded differently but
# about the same thing (none shares its ``answer_key``), and answers about other things.
SIMILAR_CASES = [
    (
        "The status page went stale for two hours during the outage",
        "client_expectations",
        [
            "the status page was stale for about two hours in the outage",
            "Status page stale for two hours during that outage!",
            "the status page lagged during the outage",
        ],
    ),
    (
        "Half the squad was pulled onto the billing fire in week two",
        "goals_scope_unclear",
        [
            "half of the squad got pulled onto the billing fire during week two",
            "In week two half the squad was pulled onto the billing fire",
        ],
    ),
]
UNRELATED = [
    "Estimates ignored the time needed for code review",
    "The client changed the brief after sign-off",
    "Nobody was paged when the queue backed up",
    "Flaky end-to-end tests blocked merges all week",
    "We never agreed what done meant for the MVP",
    "The deploy script pointed at the wrong cluster",
    "Two senior engineers left mid-project",
    "Legacy build tooling took forty minutes per run",
    "Requirements kept growing after the sprint started",
    "Decisions in the channel never reached the designers",
]


@pytest.mark.parametrize(("corrected", "category", "similar"), SIMILAR_CASES)
def test_a_correction_moves_similar_answers_and_leaves_unrelated_ones(corrected, category, similar):
    assert {answer_key(t) for t in similar}.isdisjoint({answer_key(corrected)})
    before = classify_root_causes(similar)
    assert category not in before  # the corpus alone says something else
    corrections = pd.DataFrame({"text": [corrected], "category": [category]})
    assert classify_root_causes(similar, corrections=corrections) == [category] * len(similar)
    assert classify_root_causes(UNRELATED, corrections=corrections) == classify_root_causes(
        UNRELATED
    )


def test_neighbour_vote_grows_with_similarity_to_a_corrected_answer():
    corrections = pd.DataFrame(
        {
            "text": [SIMILAR_CASES[0][0], SIMILAR_CASES[1][0]],
            "category": [SIMILAR_CASES[0][1], SIMILAR_CASES[1][1]],
        }
    )
    fitted = fitted_model(corrections)
    neighbours = fitted.neighbours
    texts = [SIMILAR_CASES[0][2][0], SIMILAR_CASES[1][2][0], "nobody updated the status page"]
    votes = fitted.default.per_distinct_text(
        texts + UNRELATED, neighbours.votes, neighbours.n_classes + 1
    )
    share, vote = votes[:, -1], votes[:, :-1]
    classes = list(fitted.classes_)
    # A close paraphrase: the nearest correction's vote nearly decides (never alone).
    top = NEIGHBOUR_MAX_SHARE
    assert share[0] == top and vote[0].argmax() == classes.index(SIMILAR_CASES[0][1])
    assert share[1] == top and vote[1].argmax() == classes.index(SIMILAR_CASES[1][1])
    assert top < 1.0
    # Sharing a phrase only ("status page"), most content words apart: no say.
    assert share[2] == 0.0
    # Unrelated answers: no say at all.
    assert (share[3:] == 0.0).all()
    assert np.allclose(vote.sum(axis=1)[vote.sum(axis=1) > 0], 1.0)


def test_corrections_with_unknown_categories_are_ignored():
    text = "the deploy pushed the wrong config"
    corrections = pd.DataFrame({"text": [text], "category": ["not_a_category"]})
    assert classify_root_causes([text], corrections=corrections) == classify_root_causes([text])


def test_corrections_need_text_and_category_columns():
    with pytest.raises(ValueError, match="columns"):
        classify_root_causes(["x"], corrections=pd.DataFrame({"answer": ["x"]}))


def test_normalisation_unifies_spelling_and_jargon():
    assert (
        normalise_text("Prioritised the k8s config") == "prioritized the kubernetes configuration"
    )
    assert normalise_text("We didn't see the colour") == "we did not see the color"
    assert normalise_text(None) == ""


# --- custom taxonomy ------------------------------------------------------------------

CUSTOM_TAXONOMY = """\
categories:
  - id: release_engineering
    description: Deploys, releases, configuration and rollbacks.
    based_on:
      - deployment_configuration
  - id: vendor_problems
    description: Third-party vendor or supplier failures and missed vendor commitments.
    keywords:
      - vendor
      - supplier
      - third party
      - outsourcing partner
  - id: monitoring_alerting
    description: Missing or noisy monitoring and alerts.
  - id: testing_quality
    description: Insufficient testing and weak reviews.
  - id: staffing_resources
    description: Too few people, turnover, burnout.
"""


def test_custom_taxonomy_renames_adds_and_removes(tmp_path, monkeypatch):
    custom = tmp_path / "org_taxonomy.yaml"
    custom.write_text(CUSTOM_TAXONOMY)
    monkeypatch.setenv(TAXONOMY_ENV_VAR, str(custom))
    texts = [
        "the deploy pushed a bad config to production",  # renamed category
        "the supplier missed their delivery and the vendor never answered",  # added
        "the client took weeks to approve the designs",  # removed category
        "nobody got paged",
    ]
    result = classify_root_causes(texts)
    allowed = {
        "release_engineering",
        "vendor_problems",
        "monitoring_alerting",
        "testing_quality",
        "staffing_resources",
    }
    assert set(result) <= allowed
    assert result[0] == "release_engineering"
    assert result[1] == "vendor_problems"
    assert result[3] == "monitoring_alerting"
    assert set(fitted_model().classes_) == allowed | {NO_ROOT_CAUSE}


def test_broken_custom_taxonomy_is_reported(tmp_path, monkeypatch):
    custom = tmp_path / "org_taxonomy.yaml"
    custom.write_text("categories: nope\n")
    monkeypatch.setenv(TAXONOMY_ENV_VAR, str(custom))
    with pytest.raises(ValueError, match="org_taxonomy.yaml"):
        classify_root_causes(["anything"])


# --- quality on the public eval sets (never trained on) -------------------------------

needs_eval = pytest.mark.skipif(
    not (EVAL_DIR / "retro_dev.jsonl").exists(), reason="shared/eval not beside the repo"
)


def _dev() -> pd.DataFrame:
    return pd.read_json(EVAL_DIR / "retro_dev.jsonl", lines=True)


def _macro_f1(frame: pd.DataFrame, predicted: list[str], lenient: bool) -> float:
    truth = frame["category"].to_numpy(dtype=object)
    pred = np.asarray(predicted, dtype=object)
    if lenient:
        secondary = frame["secondary_category"].fillna("").to_numpy(dtype=object)
        truth = np.where(pred == secondary, pred, truth)
    # Over the truth's classes: a stray "none" must not dilute the mean of the others.
    return f1_score(truth, pred, labels=sorted(set(truth)), average="macro")


@needs_eval
def test_quality_floor_on_dev_answers():
    dev = _dev()
    predicted = classify_root_causes(dev["text"].tolist())
    assert _macro_f1(dev, predicted, lenient=False) >= 0.80  # measured 0.845
    assert _macro_f1(dev, predicted, lenient=True) >= 0.87  # measured 0.905


@needs_eval
def test_config_error_postmortems_land_in_deployment_configuration():
    posts = pd.read_json(EVAL_DIR / "postmortems.jsonl", lines=True)
    config = posts[posts["category"] == "Config Errors"]["text"].tolist()
    predicted = classify_root_causes(config)
    share = np.mean([p == "deployment_configuration" for p in predicted])
    # measured 0.756 (34 of 45): 0.867 -> 0.822 -> 0.778 -> 0.756 -> 0.756 -> 0.733 -> 0.756 over
    # six corpus rounds for real retros (real macro-F1 0.472 -> 0.512 -> 0.536 -> 0.553 -> 0.597
    # -> 0.586 -> 0.584); incident-voice lines
    # about capacity and monitoring pull some summaries that mix a config change with an
    # overload. A sanity check (see ../shared/eval/README), not a target.
    assert share >= 0.70


@needs_eval
def test_quality_floor_on_real_retrospectives():
    """Real retros written outside the team (measured only, never trained on): floors a
    little below bench/bench_root_causes.py's figures, so a corpus edit that loses ground
    on real writing fails here (issue 12's targets, 0.65 and more, are not met yet)."""
    real = pd.read_json(EVAL_DIR / "real_retro_dev.jsonl", lines=True)
    real = real[real["category"].notna()].reset_index(drop=True)
    predicted = np.asarray(classify_root_causes(real["text"].tolist()), dtype=object)
    assert _macro_f1(real, list(predicted), lenient=False) >= 0.55  # measured 0.584
    truth = real["category"].to_numpy(dtype=object)
    none = truth == NO_ROOT_CAUSE
    assert np.mean(predicted[none] == NO_ROOT_CAUSE) >= 0.55  # measured 0.65
    assert np.mean(predicted[~none] == NO_ROOT_CAUSE) <= 0.15  # measured 0.04


@needs_eval
def test_quality_floor_with_half_of_dev_as_corrections():
    dev = _dev()
    scores = []
    for seed in range(3):
        shuffled = dev.sample(frac=1.0, random_state=seed)
        half = len(shuffled) // 2
        given, scored = shuffled.iloc[:half], shuffled.iloc[half:]
        predicted = classify_root_causes(scored["text"].tolist(), corrections=given)
        scores.append(_macro_f1(scored, predicted, lenient=False))
    assert np.mean(scores) >= 0.81  # measured 0.848 over 5 splits


def test_models_with_corrections_are_cached_by_content():
    corrections = pd.DataFrame({"text": ["the vendor was slow"], "category": ["testing_quality"]})
    first = fitted_model(corrections)
    assert fitted_model(corrections.copy()) is first
    assert first.default is fitted_model().default  # the corpus model is shared
    changed = corrections.assign(category=["staffing_resources"])
    assert fitted_model(changed) is not first


def test_classifier_key_follows_the_corpus_file(tmp_path, monkeypatch):
    """Stored analysis is redone when only the root-cause corpus changes (an upgrade that
    brings new training lines), not only when the taxonomy or the no-root-cause corpus do."""
    from analysis import root_causes

    before = root_causes.classifier_key()
    assert before == root_causes.classifier_key()  # the same file, the same key
    edited = tmp_path / "root_causes.yaml"
    edited.write_bytes(root_causes.CORPUS_PATH.read_bytes() + b"\n# one more comment\n")
    monkeypatch.setattr(root_causes, "CORPUS_PATH", edited)
    assert root_causes.classifier_key() != before


def test_the_stored_analysis_key_holds_the_classifier_key(monkeypatch):
    from afterward.services import analysis_upkeep

    no_reviews = pd.DataFrame({"text": [], "category": []})
    before = analysis_upkeep.model_key(no_reviews)
    monkeypatch.setattr(analysis_upkeep, "classifier_key", lambda: "another corpus")
    assert analysis_upkeep.model_key(no_reviews) != before


@pytest.mark.parametrize(
    ("corrected", "category", "other"),
    [
        ("Thanks for the great talk", NO_ROOT_CAUSE, "Thanks for the great alerts"),
        ("The coffee was great this time", NO_ROOT_CAUSE, "The handover was great this time"),
        (
            "The projector didn't work for the first talk",
            NO_ROOT_CAUSE,
            "The alerting didn't work for the first hour",
        ),
        ("The deploy went well", "deployment_configuration", "Lunch went well"),
    ],
)
def test_a_correction_does_not_spill_onto_an_answer_about_something_else(
    corrected, category, other
):
    """A fresh reviewer's finds: one correction took over answers that only share its
    wording, with confidence 1.0 (so they sank to the end of the review queue)."""
    corrections = pd.DataFrame({"text": [corrected], "category": [category]})
    before = classify_with_confidence([other]).iloc[0]
    after = classify_with_confidence([other], corrections).iloc[0]
    assert after["category"] == before["category"] != category
    assert after["confidence"] < 1.0


def test_a_negated_answer_takes_no_vote_from_its_positive_twin():
    corrections = pd.DataFrame({"text": ["The deploy was great"], "category": [NO_ROOT_CAUSE]})
    fitted = fitted_model(corrections)
    neighbours = fitted.neighbours
    votes = fitted.default.per_distinct_text(
        ["The deploy was not great", "the deploy was great!"],
        neighbours.votes,
        neighbours.n_classes + 1,
    )
    assert votes[0, -1] == 0.0 and votes[1, -1] > 0.0
