import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from clock import today
from surveys import links, setup
from surveys.store import (
    MIGRATIONS,
    AnswerRow,
    DatabaseLocked,
    LinkUnavailable,
    Store,
    StoreError,
    SurveyNotOpen,
)
from surveys.store.writer import Submission
from tests.conftest import stored_rows

HOSTILE = [
    "'; DROP TABLE answers; --",
    "Robert'); DELETE FROM responses WHERE ('1'='1",
    '" OR 1=1 --',
    "?",
    "$1",
    "\\x00",
    "<script>alert(1)</script>",
    "𝕌𝕟𝕚𝕔𝕠𝕕𝕖 🙂 مرحبا",
]


def test_migrations_create_every_table_from_an_empty_file(tmp_path):
    with Store(tmp_path / "new.duckdb") as store:
        assert store.schema_version() == len(MIGRATIONS)
        tables = set(store.table_columns()["table_name"])
    assert {
        "schema_version",
        "settings",
        "projects",
        "surveys",
        "links",
        "responses",
        "answers",
    } <= tables


def test_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        store.create_project("Kept")
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert list(store.projects()["name"]) == ["Kept"]
        assert len(store.table_rows("schema_version")) == len(MIGRATIONS)


def test_answers_are_typed_columns_not_blobs(store):
    types = store.table_columns().query("table_name == 'answers'").set_index("column_name")
    assert types.loc["value_number", "data_type"] == "DOUBLE"
    assert types.loc["value_text", "data_type"] == "VARCHAR"
    assert types.loc["value_choice", "data_type"] == "VARCHAR"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_are_bound_not_executed(store, survey_id, hostile):
    store.create_project(hostile)
    assert store.project_by_name(hostile).name == hostile.strip()
    store.record_response(
        survey_id,
        [AnswerRow("went_wrong", value_text=hostile), AnswerRow("role", value_choice=hostile)],
    )
    answers = stored_rows(store, "answers")
    assert hostile in set(answers["value_text"])
    assert hostile in set(answers["value_choice"])
    assert store.find_link(hostile) is None
    assert store.survey(hostile) is None


def test_failed_transaction_leaves_nothing_behind(store, survey_id):
    token = links.issue_invitations(store, survey_id, 1)[0]
    bad_row = AnswerRow("x", value_number=float("nan"))
    store.record_response(survey_id, [bad_row])  # NaN is a valid DOUBLE: stored
    before = len(stored_rows(store, "responses"))
    with pytest.raises(LinkUnavailable):
        store.record_response(
            survey_id,
            [AnswerRow("a", value_text="t")],
            invitation_hash=links.token_hash(token) + "x",
        )
    assert len(stored_rows(store, "responses")) == before


def test_closed_and_future_surveys_refuse_answers(store, survey_id):
    store.set_survey_status(survey_id, "closed")
    with pytest.raises(SurveyNotOpen):
        store.record_response(survey_id, [])
    later = setup.create_survey(
        store, project="P", template_id="sprint-retro", opens_on=today() + timedelta(days=3)
    )
    with pytest.raises(SurveyNotOpen):
        store.record_response(later, [])
    ended = setup.create_survey(
        store,
        project="P",
        template_id="sprint-retro",
        opens_on=date(2025, 1, 1),
        closes_on=date(2025, 2, 1),
    )
    with pytest.raises(SurveyNotOpen):
        store.record_response(ended, [])
    assert store.response_count(survey_id) == 0


def test_invitation_is_used_once_and_keeps_no_link_to_the_response(store, survey_id):
    token = links.issue_invitations(store, survey_id, 1)[0]
    hashed = links.token_hash(token)
    store.record_response(survey_id, [], invitation_hash=hashed)
    with pytest.raises(LinkUnavailable):
        store.record_response(survey_id, [], invitation_hash=hashed)
    assert store.response_count(survey_id) == 1
    assert store.find_link(hashed).used
    link_columns = set(store.table_columns().query("table_name == 'links'")["column_name"])
    # No response id, no day: only the shareable link keeps its (everyone's) token.
    assert link_columns == {"token_hash", "survey_id", "kind", "used", "shared_token"}


def test_response_ids_are_random_uuid4(store, survey_id):
    ids = [store.record_response(survey_id, []) for _ in range(20)]
    assert all(i[14] == "4" for i in ids)  # version nibble: random, not time-ordered
    assert ids != sorted(ids)


def test_only_the_day_is_kept(store, survey_id):
    store.record_response(survey_id, [AnswerRow("goals_clear", value_number=4)])
    columns = store.table_columns()
    temporal = columns[columns["data_type"].str.contains("TIME")]
    assert temporal.empty, temporal
    assert set(stored_rows(store, "responses")["submitted_on"].dt.date) == {today()}


def test_many_threads_submitting_lose_nothing_and_use_each_invitation_once(store, survey_id):
    tokens = links.issue_invitations(store, survey_id, 20)
    hashes = [links.token_hash(t) for t in tokens]
    attempts = hashes * 4 + [None] * 60  # each invitation tried four times, plus open-link answers

    def submit(invitation_hash):
        try:
            store.record_response(
                survey_id,
                [AnswerRow("goals_clear", value_number=3)],
                invitation_hash=invitation_hash,
            )
        except LinkUnavailable:
            return "refused"
        return "stored"

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(submit, attempts))
    stored = outcomes.count("stored")
    invitation_outcomes = outcomes[: len(hashes) * 4]
    assert invitation_outcomes.count("stored") == 20
    assert stored == 80
    assert store.response_count(survey_id) == stored
    assert len(stored_rows(store, "answers")) == stored
    assert all(store.find_link(h).used for h in hashes)


def test_second_process_gets_a_clear_locked_error(tmp_path):
    path = tmp_path / "held.duckdb"
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); "
            "time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseLocked, match="in use by another Afterward process"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_close_is_safe_twice(tmp_path):
    store = Store(tmp_path / "x.duckdb")
    store.close()
    store.close()


# Layering (who may import duckdb, streamlit, ...) is read from the AST import graph in
# tests/test_conventions.py.


def test_a_database_from_an_older_version_is_migrated_and_keeps_its_data(tmp_path, monkeypatch):
    import surveys.store.base as base

    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(base, "MIGRATIONS", MIGRATIONS[:2])
    with Store(path) as old:
        project = old.create_project("Before the upgrade")
        assert old.schema_version() == 2
    monkeypatch.setattr(base, "MIGRATIONS", MIGRATIONS)
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert store.project_by_name("Before the upgrade") == project
        survey_id = setup.create_survey(
            store, project="Before the upgrade", template_id="project-postmortem"
        )
        columns = store.table_columns().query("table_name == 'survey_questions'")
        assert "breakdown" in set(columns["column_name"])
        flags = store.table_rows("survey_questions")
        flags = flags[flags["survey_id"].astype(str) == survey_id]
        assert flags.loc[flags["breakdown"], "question_id"].tolist() == ["role"]


# -- group commit: one writer thread, many submissions per transaction ------------------------


def test_duplicated_invitations_from_many_threads_are_each_used_exactly_once(store, survey_id):
    tokens = links.issue_invitations(store, survey_id, 50)
    hashes = [links.token_hash(t) for t in tokens]
    attempts = hashes * 3 + [None] * 50 + hashes[:10]
    random.Random(7).shuffle(attempts)

    def submit(invitation_hash):
        try:
            return store.record_response(
                survey_id,
                [
                    AnswerRow("went_well", value_text="demos"),
                    AnswerRow("goals_clear", value_number=4),
                ],
                invitation_hash=invitation_hash,
            )
        except LinkUnavailable:
            return None

    with ThreadPoolExecutor(max_workers=32) as pool:
        ids = list(pool.map(submit, attempts))
    acknowledged = [i for i in ids if i is not None]
    by_invitation = {h: 0 for h in hashes}
    for hashed, response_id in zip(attempts, ids, strict=True):
        if hashed is not None and response_id is not None:
            by_invitation[hashed] += 1
    assert set(by_invitation.values()) == {1}
    assert len(acknowledged) == 50 + 50
    stored = stored_rows(store, "responses")
    assert set(stored["response_id"].astype(str)) == set(acknowledged)
    assert stored_rows(store, "answers").groupby("response_id").size().eq(2).all()
    assert all(store.find_link(h).used for h in hashes)


def _outcome(submission: Submission) -> str | type:
    error = submission.outcome.exception(timeout=5)
    return type(error) if error else submission.outcome.result()


def _submission(survey_id, *, invitation_hash=None, receipt_hash=None) -> Submission:
    return Submission(
        str(uuid.uuid4()),
        survey_id,
        [AnswerRow("goals_clear", value_number=5)],
        invitation_hash,
        receipt_hash,
    )


def test_one_batch_stores_the_good_submissions_and_refuses_the_bad(store, survey_id):
    closed = setup.create_survey(store, project="P", template_id="sprint-retro")
    store.set_survey_status(closed, "closed")
    used, fresh = (links.token_hash(t) for t in links.issue_invitations(store, survey_id, 2))
    store.record_response(survey_id, [], invitation_hash=used)
    batch = [
        _submission(survey_id),
        _submission(closed),
        _submission(survey_id, invitation_hash=used),
        _submission(survey_id, invitation_hash=fresh),
        _submission(survey_id, invitation_hash=fresh),  # same invitation later in the batch
        _submission(str(uuid.uuid4())),  # unknown survey
        _submission(survey_id, receipt_hash="r1"),
    ]
    store._response_writer()._write(batch)  # as the writer thread does with one batch
    assert [_outcome(s) for s in batch] == [
        batch[0].response_id,
        SurveyNotOpen,
        LinkUnavailable,
        batch[3].response_id,
        LinkUnavailable,
        LinkUnavailable,
        batch[6].response_id,
    ]
    stored = set(stored_rows(store, "responses")["response_id"].astype(str))
    assert {batch[0].response_id, batch[3].response_id, batch[6].response_id} <= stored
    assert len(stored) == 4 and store.response_count(closed) == 0


def test_a_failing_row_falls_back_to_one_transaction_per_submission(store, survey_id):
    store.record_response(survey_id, [], receipt_hash="taken")
    token = links.issue_invitations(store, survey_id, 1)[0]
    broken = _submission(survey_id, receipt_hash="broken")
    broken.answers = [AnswerRow(None, value_number=1.0)]  # breaks the batch's INSERT (NOT NULL)
    batch = [
        _submission(survey_id, invitation_hash=links.token_hash(token)),
        broken,
        _submission(survey_id, receipt_hash="new"),
    ]
    store._response_writer()._write(batch)
    assert [_outcome(s) for s in batch] == [
        batch[0].response_id,
        LinkUnavailable,
        batch[2].response_id,
    ]
    assert store.response_count(survey_id) == 3
    assert store.find_link(links.token_hash(token)).used


def test_close_stops_the_writer_thread_and_is_safe_twice(tmp_path):
    idle = Store(tmp_path / "idle.duckdb")
    idle.close()
    idle.close()
    assert idle._writer is None  # never started: nothing was submitted

    store = Store(tmp_path / "used.duckdb")
    survey = setup.create_survey(store, project="P", template_id="sprint-retro")
    store.record_response(survey, [AnswerRow("goals_clear", value_number=3)])
    thread = store._response_writer()._thread
    assert thread.is_alive()
    store.close()
    assert not thread.is_alive()
    store.close()
    with Store(tmp_path / "used.duckdb") as reopened:
        assert reopened.response_count(survey) == 1


def test_record_response_after_close_raises_store_error(tmp_path):
    store = Store(tmp_path / "x.duckdb")
    survey = setup.create_survey(store, project="P", template_id="sprint-retro")
    store.record_response(survey, [])
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.record_response(survey, [])
    never_used = Store(tmp_path / "y.duckdb")
    never_used.close()
    with pytest.raises(StoreError, match="closed"):
        never_used.record_response(survey, [])


def test_close_during_submissions_loses_no_acknowledged_response(tmp_path):
    path = tmp_path / "closing.duckdb"
    store = Store(path)
    survey = setup.create_survey(store, project="P", template_id="sprint-retro")
    started = threading.Barrier(9)

    def submit_until_closed() -> list[str]:
        acknowledged = []
        started.wait()
        while True:
            try:
                acknowledged.append(store.record_response(survey, []))
            except StoreError:
                return acknowledged

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(submit_until_closed) for _ in range(8)]
        started.wait()
        time.sleep(0.3)
        store.close()
        acknowledged = [i for f in futures for i in f.result(timeout=30)]
    with Store(path) as reopened:
        stored = set(stored_rows(reopened, "responses")["response_id"].astype(str))
    assert acknowledged and set(acknowledged) == stored
