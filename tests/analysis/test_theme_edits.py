"""Manager edits persist: rename, merge and split survive updates and full refits."""

from __future__ import annotations

import json

import pytest

from analysis.theme_edits import (
    ThemeEdit,
    apply_edits,
    check_new_name,
    merge,
    rename,
    resolve_theme,
    split,
)
from analysis.themes import ThemeFinder
from tests.analysis.test_themes import APP_STORE, CERT, FLAKY_CI, TEXTS, TRANSLATIONS


def fitted(texts: list[str] = TEXTS, **params: object) -> ThemeFinder:
    return ThemeFinder(random_state=0, **params).fit(texts)


def theme_of(model: ThemeFinder, text: str) -> int:
    return int(model.predict([text])[0])


def test_rename_sticks_through_update_and_refit() -> None:
    model = fitted()
    edits = [rename(model, theme_of(model, FLAKY_CI[0]), "Flaky CI")]
    model = apply_edits(model, edits)
    assert model.label(theme_of(model, FLAKY_CI[1])) == "Flaky CI"
    # Incremental update, then re-apply (idempotent).
    model = apply_edits(model.partial_fit(TRANSLATIONS), edits)
    assert model.label(theme_of(model, FLAKY_CI[2])) == "Flaky CI"
    # Full re-analysis in another order: ids change, the edit follows the theme.
    refit = apply_edits(fitted(list(reversed(TEXTS)) + TRANSLATIONS), edits)
    assert refit.label(theme_of(refit, FLAKY_CI[3])) == "Flaky CI"
    assert sum(lbl == "Flaky CI" for lbl in refit.theme_labels_.values()) == 1


def test_merge_routes_new_answers_to_survivor_through_refit() -> None:
    model = fitted()
    app, cert = theme_of(model, APP_STORE[0]), theme_of(model, CERT[0])
    edits = [merge(model, app, into_id=cert)]
    merged = apply_edits(model, edits)
    assert set(merged.predict(APP_STORE).tolist()) <= {cert, -1}
    assert app not in merged.themes()["theme_id"].tolist()
    merged.partial_fit(["The app store review delay cost us another week."])
    assert merged.labels_.tolist() == [cert]
    refit = apply_edits(fitted(list(reversed(TEXTS))), edits)
    assert theme_of(refit, APP_STORE[1]) == theme_of(refit, CERT[1]) != -1
    again = apply_edits(refit, edits)
    assert len(again.themes()) == len(refit.themes())


def test_split_makes_two_themes_that_persist() -> None:
    texts = FLAKY_CI + APP_STORE
    model = fitted(texts, max_themes=1)
    (only,) = model.themes()["theme_id"].tolist()
    edit = split(model, only, texts)
    model = apply_edits(model, [edit])
    assert only not in model.themes()["theme_id"].tolist()
    flaky, app = theme_of(model, FLAKY_CI[0]), theme_of(model, APP_STORE[0])
    assert flaky != app and -1 not in (flaky, app)
    assert set(model.predict(FLAKY_CI).tolist()) == {flaky}
    assert "flaky" in model.label(flaky) or "ci" in model.label(flaky)
    assert "store" in model.label(app) or "review" in model.label(app)
    # Re-applied after a refit (which again finds a single theme) it splits again.
    refit = apply_edits(fitted(list(reversed(texts)), max_themes=1), [edit])
    assert len(refit.themes()) == 2
    assert theme_of(refit, FLAKY_CI[1]) != theme_of(refit, APP_STORE[1])
    assert len(apply_edits(refit, [edit]).themes()) == 2  # idempotent


def test_split_a_merged_theme_separates_the_merged_pair() -> None:
    model = fitted()
    app, cert = theme_of(model, APP_STORE[0]), theme_of(model, CERT[0])
    edits = [merge(model, app, into_id=cert)]
    merged = apply_edits(model, edits)
    edits.append(split(merged, cert, TEXTS))
    done = apply_edits(merged, edits[1:])
    live = set(done.themes()["theme_id"])
    assert cert not in live and app not in live
    halves = {theme_of(done, APP_STORE[0]), theme_of(done, CERT[0])}
    assert len(halves) == 2 and halves <= live
    # Stored and reloaded, the whole edit list re-applies as a no-op.
    again = apply_edits(ThemeFinder.from_dict(done.to_dict()), edits)
    assert set(again.themes()["theme_id"]) == live


def test_edits_round_trip_as_json() -> None:
    model = fitted()
    a, b = theme_of(model, APP_STORE[0]), theme_of(model, CERT[0])
    edits = [rename(model, a, "Store review"), merge(model, a, into_id=b)]
    stored = json.loads(json.dumps([e.to_dict() for e in edits]))
    loaded = [ThemeEdit.from_dict(d) for d in stored]
    assert loaded == edits
    left, right = apply_edits(model, stored), apply_edits(model, edits)
    assert left.predict(TEXTS).tolist() == right.predict(TEXTS).tolist()


def test_edit_for_vanished_theme_is_skipped() -> None:
    model = fitted()
    edit = rename(model, theme_of(model, CERT[0]), "Certificates")
    other = fitted(FLAKY_CI + APP_STORE)
    assert resolve_theme(other, edit.theme_id, edit.anchor) is None
    assert "Certificates" not in apply_edits(other, [edit]).theme_labels_.values()


def test_apply_edits_leaves_input_model_alone() -> None:
    model = fitted()
    tid = theme_of(model, CERT[0])
    apply_edits(model, [rename(model, tid, "Certificates")])
    assert model.label(tid) != "Certificates"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda m: rename(m, 999, "x"), "not a live theme"),
        (lambda m: rename(m, int(m.theme_ids_[0]), "  "), "Type a name"),
        (lambda m: merge(m, int(m.theme_ids_[0]), int(m.theme_ids_[0])), "into itself"),
        (lambda m: split(m, int(m.theme_ids_[0]), []), "fewer than two"),
    ],
)
def test_invalid_edits_raise(make, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make(fitted())


def test_rename_to_another_themes_name_is_refused_and_suggests_merge() -> None:
    model = fitted()
    a, b = theme_of(model, APP_STORE[0]), theme_of(model, CERT[0])
    taken = model.label(b)
    for clash in (taken, f"  {taken.upper()} ", taken.title()):
        with pytest.raises(ValueError, match="already called .*Merge into"):
            rename(model, a, clash)
    # Against the names managers see (the catalogue's), not only the model's own labels.
    names = {a: "handover", b: "rota"}
    with pytest.raises(ValueError, match="already called “rota”"):
        rename(model, a, " Rota", names=names)
    # Its own name (re-typed, another case) and a fresh one are fine; the label is trimmed.
    assert rename(model, a, "HANDOVER", names=names).label == "HANDOVER"
    assert rename(model, a, "  On-call rota  ", names=names).label == "On-call rota"


def test_check_new_name_messages() -> None:
    names = {1: "handover", 2: "rota"}
    assert check_new_name(1, "  shift   swaps ", names) == "shift swaps"
    with pytest.raises(ValueError, match="Type a name"):
        check_new_name(1, " \t ", names)
    with pytest.raises(ValueError, match="Pick another name"):
        check_new_name(1, "ROTA", names)
