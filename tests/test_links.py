import math
from collections import Counter

from surveys import links
from surveys.store import AnswerRow


def test_tokens_carry_at_least_128_bits_and_only_hashes_are_stored(store, survey_id):
    tokens = links.issue_invitations(store, survey_id, 50) + [
        links.issue_open_link(store, survey_id)
    ]
    assert len(set(tokens)) == len(tokens)
    for token in tokens:
        # urlsafe base64: 6 bits per character
        assert len(token) * 6 >= 128
    stored = store.table_rows("links")
    everything = " ".join(map(str, stored.to_numpy().ravel()))
    assert not any(token in everything for token in tokens)
    assert set(stored["token_hash"]) == {links.token_hash(t) for t in tokens}


def test_token_characters_look_uniform():
    text = "".join(links.new_token() for _ in range(400))
    counts = Counter(text)
    entropy = -sum(c / len(text) * math.log2(c / len(text)) for c in counts.values())
    assert entropy > 5.9  # close to the 6 bits of the base64 alphabet


def test_resolve_open_invitation_used_unknown_closed(store, survey_id):
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
    # Used and unknown tokens look exactly alike to the visitor.
    assert used == unknown == links.LinkState("unavailable")
    assert links.resolve(store, None) == links.LinkState("unavailable")

    store.set_survey_status(survey_id, "closed")
    assert links.resolve(store, open_token).status == "closed"


def test_new_open_link_replaces_the_old_one(store, survey_id):
    first = links.issue_open_link(store, survey_id)
    second = links.issue_open_link(store, survey_id)
    assert links.resolve(store, first).status == "unavailable"
    assert links.resolve(store, second).status == "ok"


def test_link_url_carries_the_token():
    assert links.link_url("https://x.example/", "abc") == "https://x.example/?t=abc"


def test_checking_a_token_takes_the_same_time_whether_it_exists_or_not(store, survey_id):
    import statistics
    import time

    known = links.issue_invitations(store, survey_id, 200)
    unknown = [links.new_token() for _ in range(200)]

    def timed(tokens):
        samples = []
        for token in tokens:
            start = time.perf_counter()
            links.resolve(store, token)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    timed(known[:20] + unknown[:20])  # warm up
    known_time, unknown_time = timed(known), timed(unknown)
    # Same work either way: one hash and one indexed lookup. Generous bound against CI noise.
    assert 0.5 < known_time / unknown_time < 2.0, (known_time, unknown_time)
