import math
import uuid
from collections import Counter

import pytest

from surveys import links
from surveys.store import AnswerRow


def test_tokens_carry_at_least_128_bits_and_only_hashes_are_stored(store, open_survey_id):
    survey_id = open_survey_id
    tokens = links.issue_invitations(store, survey_id, 50) + [
        links.issue_open_link(store, survey_id)
    ]
    assert len(set(tokens)) == len(tokens)
    for token in tokens:
        # urlsafe base64: 6 bits per character
        assert len(token) * 6 >= 128
    stored = store.table_rows("links")
    hashes_only = stored.drop(columns="shared_token")
    everything = " ".join(map(str, hashes_only.to_numpy().ravel()))
    assert not any(token in everything for token in tokens)
    assert set(stored["token_hash"]) == {links.token_hash(t) for t in tokens}
    # Invitation tokens are never kept; the shareable link's is, so it can be shown again.
    assert stored["shared_token"].dropna().tolist() == [tokens[-1]]
    assert links.current_open_link(store, survey_id) == tokens[-1]


def test_links_command_shows_the_same_open_link_until_rotated(tmp_path, monkeypatch, capsys):
    from afterward import cli
    from surveys import setup
    from surveys.store import Store

    monkeypatch.setenv("AFTERWARD_DB", str(tmp_path / "cli.duckdb"))
    with Store(tmp_path / "cli.duckdb") as store:
        survey = setup.create_survey(
            store, project="P", template_id="project-postmortem", threshold=5
        )
    assert cli.main(["links", survey, "--base-url", "https://retro.example"]) == 0
    first = capsys.readouterr().out.strip()
    assert first.startswith("https://retro.example/?t=")
    assert cli.main(["links", survey, "--base-url", "https://retro.example"]) == 0
    assert capsys.readouterr().out.strip() == first  # shown again, not silently replaced
    assert cli.main(["links", survey, "--rotate", "--base-url", "https://retro.example"]) == 0
    rotated = capsys.readouterr()
    assert rotated.out.strip() != first
    assert "stops working" in rotated.err
    with Store(tmp_path / "cli.duckdb") as store:
        token = first.split("t=")[1]
        assert links.resolve(store, token).status == "unavailable"


def test_token_characters_look_uniform():
    text = "".join(links.new_token() for _ in range(400))
    counts = Counter(text)
    entropy = -sum(c / len(text) * math.log2(c / len(text)) for c in counts.values())
    assert entropy > 5.9  # close to the 6 bits of the base64 alphabet


def test_resolve_open_invitation_used_unknown_closed(store, open_survey_id):
    survey_id = open_survey_id
    open_token = links.issue_open_link(store, survey_id)
    invitation = links.issue_invitations(store, survey_id, 1)[0]
    assert links.resolve(store, open_token).status == "ok"
    assert links.resolve(store, open_token).invitation_hash is None
    state = links.resolve(store, invitation)
    assert state.status == "ok" and state.invitation_hash == links.token_hash(invitation)

    store.record_response(
        survey_id, [AnswerRow("a", value_number=1)], invitation_hash=state.invitation_hash
    )
    used, unknown = links.resolve(store, invitation), links.resolve(store, "not-a-token")
    # A used invitation looks exactly like an unused one (the store refuses it at submit), so
    # whoever holds the invitations cannot tell who answered; unknown tokens are unavailable.
    assert used == state
    assert unknown == links.resolve(store, None) == links.LinkState("unavailable")

    store.set_survey_status(survey_id, "closed")
    assert links.resolve(store, open_token).status == "closed"
    assert links.resolve(store, invitation).status == "closed"


def test_new_open_link_replaces_the_old_one(store, open_survey_id):
    survey_id = open_survey_id
    first = links.issue_open_link(store, survey_id)
    second = links.issue_open_link(store, survey_id)
    assert links.resolve(store, first).status == "unavailable"
    assert links.resolve(store, second).status == "ok"


def test_link_url_carries_the_token():
    assert links.link_url("https://x.example/", "abc") == "https://x.example/?t=abc"


def test_checking_a_token_does_the_same_work_whether_it_exists_or_not(
    store, open_survey_id, monkeypatch
):
    survey_id = open_survey_id
    # Same work either way (one hash, one link lookup, one survey lookup that reaches the
    # database), so timing cannot tell tokens apart. The calls are asserted, not the clock.
    known = links.issue_invitations(store, survey_id, 2)
    used = known[1]
    store.record_response(survey_id, [], invitation_hash=links.token_hash(used))
    open_link = links.issue_open_link(store, survey_id)
    calls: list[tuple[str, str]] = []

    def spy(name):
        original = getattr(store, name)

        def recorded(arg):
            calls.append((name, arg))
            return original(arg)

        return recorded

    for name in ("find_link", "survey"):
        monkeypatch.setattr(store, name, spy(name))
    real_hash = links.token_hash
    monkeypatch.setattr(
        links, "token_hash", lambda token: calls.append(("hash", token)) or real_hash(token)
    )

    work = {}
    for label, token in [
        ("invitation", known[0]),
        ("open", open_link),
        ("used", used),
        ("unknown", links.new_token()),
        ("malformed", "not a token"),
        ("missing", None),
    ]:
        calls.clear()
        links.resolve(store, token)
        assert [name for name, _ in calls] == ["hash", "find_link", "survey"], label
        uuid.UUID(calls[-1][1])  # a well-formed id: the lookup is not skipped
        work[label] = calls[-1][1] == survey_id
    assert work == {
        "invitation": True,
        "open": True,
        "used": True,
        "unknown": False,
        "malformed": False,
        "missing": False,
    }


def test_link_lookups_kept_in_memory_follow_every_change(store, open_survey_id):
    survey_id = open_survey_id
    """Respondents' requests read the survey and link from memory; a rotated link, a closed
    survey and a changed roster still take effect at once."""
    old = links.issue_open_link(store, survey_id)
    assert links.resolve(store, old).status == "ok"  # now remembered
    new = links.issue_open_link(store, survey_id)
    assert links.resolve(store, old).status == "unavailable"
    assert links.resolve(store, new).status == "ok"
    store.set_survey_status(survey_id, "closed")
    assert links.resolve(store, new).status == "closed"
    project = store.survey(survey_id).project_id
    store.project(project)
    store.set_roster(project, ["Ada Lovelace"])
    assert store.project(project).roster == ("Ada Lovelace",)
    # Unknown tokens are never kept: guessing cannot fill the memory.
    for _ in range(50):
        assert links.resolve(store, links.new_token()).status == "unavailable"
    assert not [k for k in store._lookups() if k[0] == "link" and k[1] != links.token_hash(new)]


def test_no_shareable_link_below_the_open_link_threshold(store, survey_id):
    """The rule lives where links are made, so no caller (the sample data once did) can skip
    it: a threshold-3 survey gets no shareable link, and nothing is stored."""
    with pytest.raises(ValueError, match="at least 5"):
        links.issue_open_link(store, survey_id)
    assert links.current_open_link(store, survey_id) is None
    with pytest.raises(ValueError, match="No survey"):
        links.issue_open_link(store, "no-such-survey")
