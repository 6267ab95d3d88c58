"""Releases: results move only in groups of at least the threshold, so two views at two
moments never differ by one person; and storage keeps no arrival order. Attacks as a
curious manager would try them, through the page, the CLI and the file itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from afterward.services import responding
from afterward.services.publishing import open_store
from afterward.services.survey_results import survey_results
from surveys import links, setup
from surveys.questionnaire import AnswerRow
from surveys.store import Store
from tests.conftest import ROOT
from tests.pages.helpers import texts


@pytest.fixture
def store(db_path):
    """The store as the app opens it: each submission releases the groups it makes due."""
    with open_store(db_path) as opened:
        yield opened


def make_survey(store: Store, threshold: int = 3) -> str:
    return setup.create_survey(
        store,
        project="Harbour Website",
        template_id="sprint-retro",
        quarter="2026Q3",
        opens_on=date(2026, 1, 1),
        threshold=threshold,
    )


def answer(store: Store, survey_id: str, rating: int) -> str:
    """One respondent through an invitation link, as the respondent page does it."""
    token = links.issue_invitations(store, survey_id, 1)[0]
    link = responding.open_link(store, token)
    questionnaire = responding.questionnaire_of(link.survey)
    raw = {"sprint_goal_met": "Yes", "workload_sustainable": 3, "goals_clear": 4}
    raw["sprint_rating"] = rating
    checked = responding.validate(questionnaire, raw)
    assert checked.ok, checked.errors
    return responding.submit(store, link, responding.stored_form(questionnaire, checked.answers))


def shown_mean(store: Store, survey_id: str) -> tuple[int, float | None]:
    results = survey_results(store, survey_id)
    rating = next(q for q in results["questions"] if q["id"] == "sprint_rating")
    return results["released_responses"], rating["mean"]


def test_a_fourth_answer_cannot_be_read_off_the_mean(store):
    """Attack 1: read the mean at 3 responses and again at 4: 4 x m4 - 3 x m3 is the 4th
    person's rating. With releases the 4th waits until 3 more have answered."""
    survey_id = make_survey(store)
    for rating in (7, 7, 7):
        answer(store, survey_id, rating)
    assert shown_mean(store, survey_id) == (3, 7.0)
    answer(store, survey_id, 0)
    assert shown_mean(store, survey_id) == (3, 7.0)  # nothing moved: the 4th waits
    answer(store, survey_id, 5)
    assert shown_mean(store, survey_id) == (3, 7.0)
    answer(store, survey_id, 10)
    released, mean = shown_mean(store, survey_id)
    assert released == 6 and mean == pytest.approx((21 + 15) / 6)


def test_the_overview_moves_only_by_whole_releases(app, db_path):
    with open_store(db_path) as store:
        survey_id = make_survey(store)
        for rating in (6, 8, 7):
            answer(store, survey_id, rating)
    app.session_state["manager_login"] = True
    app.run()
    first = [(c.proto.spec) for c in app.get("plotly_chart")]
    assert first, "the overview draws the survey once it is released"
    with open_store(db_path) as store:
        answer(store, survey_id, 0)  # one more person: waits for the next release
    app.run()
    assert [(c.proto.spec) for c in app.get("plotly_chart")] == first
    assert not app.exception


def test_closing_releases_a_large_enough_remainder_and_never_a_small_one(store):
    survey_id = make_survey(store)
    for rating in (4, 5, 6, 7):
        answer(store, survey_id, rating)
    assert shown_mean(store, survey_id)[0] == 3
    from afterward.services.survey_admin import set_survey_open

    set_survey_open(store, survey_id, False)
    results = survey_results(store, survey_id)
    # One left over: releasing it would single that person out.
    assert results["released_responses"] == 3 and results["waiting"] == 1


def test_nothing_is_shown_below_the_threshold_and_the_first_release_is_whole(store):
    survey_id = make_survey(store, threshold=4)
    for rating in (1, 2, 3):
        answer(store, survey_id, rating)
    results = survey_results(store, survey_id)
    assert results["released_responses"] == 0 and results["questions"] == []
    answer(store, survey_id, 4)
    assert shown_mean(store, survey_id) == (4, 2.5)


def test_storage_keeps_no_arrival_order(store):
    """Attack 9: whoever has the file lines rows up with who answered when. Neither the
    waiting rows nor the released ones are kept in the order they arrived."""
    survey_id = make_survey(store, threshold=20)
    arrived = [
        store.record_response(survey_id, [AnswerRow("sprint_rating", value_number=float(i % 11))])
        for i in range(14)
    ]
    with store._cursor() as cur:  # the physical order: a scan without ORDER BY
        waiting = [
            str(r[0]) for r in cur.execute("SELECT response_id FROM pending_responses").fetchall()
        ]
    assert sorted(waiting) == sorted(arrived) and waiting != arrived
    store.release_pending([survey_id])
    with store._cursor() as cur:
        released = [str(r[0]) for r in cur.execute("SELECT response_id FROM responses").fetchall()]
        answers = [str(r[0]) for r in cur.execute("SELECT response_id FROM answers").fetchall()]
    # Released rows get new ids: nothing joins them to the rows that waited (a copy of the
    # file taken meanwhile, or the write-ahead log, holds the waiting ids).
    assert len(released) == len(arrived) and not set(released) & set(arrived)
    assert set(answers) == set(released)
    assert store.pending_counts().empty


def test_batches_that_release_keep_no_arrival_order_either(store):
    """A batch that releases a whole group skips the reshuffle of the waiting rows (nothing
    of it stays waiting): another survey's waiting rows must still not be in arrival order,
    and each release holds at least the threshold."""
    slow = make_survey(store, threshold=20)
    arrived = [
        store.record_response(slow, [AnswerRow("sprint_rating", value_number=float(i % 11))])
        for i in range(12)
    ]
    fast = make_survey(store, threshold=3)
    with ThreadPoolExecutor(max_workers=8) as pool:  # concurrent: several per batch
        fast_ids = list(pool.map(lambda i: answer(store, fast, i % 11), range(16)))
    more = [
        store.record_response(slow, [AnswerRow("sprint_rating", value_number=float(i))])
        for i in range(2)
    ]
    with store._cursor() as cur:  # the physical order: a scan without ORDER BY
        waiting = [
            str(r[0])
            for r in cur.execute(
                "SELECT response_id FROM pending_responses WHERE survey_id = ?", [slow]
            ).fetchall()
        ]
    assert sorted(waiting) == sorted(arrived + more) and waiting != arrived + more
    releases = store.survey_releases(fast)
    assert (releases["responses"] >= 3).all()
    assert int(releases["responses"].sum()) + store.response_count(fast) - store.released_count(
        fast
    ) == len(fast_ids)


def test_results_json_contract_over_time(db_path):
    """`afterward results SURVEY_ID --json`: between two calls either nothing shown changed
    or released_responses grew by at least the threshold."""
    with Store(db_path) as store:
        survey_id = make_survey(store)

    def results() -> dict:
        env = {**os.environ, "AFTERWARD_DB": str(db_path)}
        done = subprocess.run(
            [sys.executable, "-m", "afterward.cli", "results", survey_id, "--json"],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    seen = [results()]
    assert seen[0]["released_responses"] == 0 and seen[0]["threshold"] == 3
    for rating in (3, 9, 4, 8, 10):
        with open_store(db_path) as store:
            answer(store, survey_id, rating)
        seen.append(results())
    for before, after in zip(seen, seen[1:], strict=False):
        shown_before = {k: v for k, v in before.items() if k != "waiting"}
        shown_after = {k: v for k, v in after.items() if k != "waiting"}
        grew = after["released_responses"] - before["released_responses"]
        assert shown_after == shown_before or grew >= 3
    assert seen[-1]["released_responses"] == 3
    rating = next(q for q in seen[-1]["questions"] if q["id"] == "sprint_rating")
    assert set(rating) == {"id", "kind", "n", "mean", "distribution"}
    assert rating["n"] == 3 and rating["distribution"] == {"3": 1, "4": 1, "9": 1}


def test_surveys_page_says_how_many_responses_wait(app, db_path):
    from tests.pages.helpers import log_in

    with open_store(db_path) as store:
        survey_id = make_survey(store)
        for rating in (1, 2, 3, 4):
            answer(store, survey_id, rating)
    log_in(app)
    app.switch_page("app_pages/manager/surveys.py").run()
    assert any("1 response(s) waiting for the next release" in c for c in texts(app.caption))


def test_theme_names_and_keywords_use_only_words_enough_people_wrote(store):
    """Attack 4: a theme named after a phrase one respondent wrote points at them, even
    while the theme's quotes are withheld. Every word in a shown name or keyword list was
    written by at least the quote threshold of distinct responses in that theme."""
    from afterward.services import analysis_upkeep
    from analysis.anonymity import quote_threshold
    from analysis.label_terms import name_terms
    from analysis.themes import analyze
    from surveys.sample import load_sample

    load_sample(store)
    analysis_upkeep.ensure_current(store)
    catalogue = analysis_upkeep.theme_catalogue(store)
    raw = analysis_upkeep._saved_model(store.theme_state()).themes().set_index("theme_id")
    rows = store.analysed_texts()
    needed = quote_threshold(store.highest_threshold())
    dropped = 0
    for theme in catalogue.itertuples():
        mine = rows[rows["theme_id"] == theme.theme_id]
        said = [set(analyze(t)) for t in mine["text"]]
        # A phrase name needs each of its content words ("flaky tests in CI" -> flaky,
        # test, ci); an older "a · b" name each of its parts.
        words = [*name_terms(theme.theme_label), *theme.top_terms]
        if theme.theme_label == analysis_upkeep._unnamed(theme.group, theme.theme_id):
            words = list(theme.top_terms)  # named after its root cause: no respondent's word
        for word in words:
            writers = {
                r for r, terms in zip(mine["response_id"], said, strict=True) if word in terms
            }
            assert len(writers) >= needed, (theme.theme_label, word, len(writers))
        dropped += theme.theme_label != raw.loc[theme.theme_id, "theme_label"]
    assert dropped, "the sample has themes whose raw names use rare words"


def test_released_responses_carry_the_release_day_and_the_log_is_folded_in(store, db_path):
    """Attack: whoever copies the database file reads the write-ahead log, which lists
    each submission in arrival order beside the invitation it used, and each response's
    own day. After a submission the writer folds the log into the file; a released
    response carries only its release's day."""

    survey_id = make_survey(store, threshold=4)
    for rating in (1, 2, 3):  # below the threshold: they wait
        answer(store, survey_id, rating)
    wal = Path(f"{db_path}.wal")
    deadline = time.monotonic() + 5  # the writer folds the log in after answering the caller
    while wal.exists() and wal.stat().st_size and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not wal.exists() or wal.stat().st_size == 0
    store.release_pending([survey_id], on=date(2031, 2, 3))
    with store._cursor() as cur:
        days = {r[0] for r in cur.execute("SELECT submitted_on FROM responses").fetchall()}
    assert days == {date(2031, 2, 3)}
