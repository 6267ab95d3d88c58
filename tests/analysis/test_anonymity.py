import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.anonymity import (
    MERGED_GROUP,
    breakdown,
    merge_small_groups,
    quote_threshold,
    suppress,
    suppress_groups,
    visibility,
    visible_quotes,
)


def test_visibility_says_how_many_more_are_needed():
    assert not visibility(2, 3).visible
    assert visibility(2, 3).needed == 1
    assert "1 more needed" in visibility(2, 3).message
    assert visibility(3, 3).visible and visibility(3, 3).message == ""
    assert not visibility(0, 1).visible


def test_single_small_group_is_hidden_with_a_complement():
    frame = pd.DataFrame(
        {
            "role": ["Team", "Client", "Manager"],
            "responses": [10, 2, 6],
            "score_sum": [40.0, 9.0, 20.0],
        }
    )
    shown = suppress(frame, 3, value_columns=["score_sum"])
    assert shown["suppressed"].tolist() == [False, True, True]
    assert shown.loc[~shown["suppressed"], "responses"].sum() == 10
    # Subtracting the visible groups from the total leaves 8 for two groups: neither recoverable.
    assert shown.loc[1:, ["responses", "score_sum"]].isna().all().all()


def test_hidden_groups_together_reach_the_threshold():
    frame = pd.DataFrame({"g": list("abcd"), "responses": [1, 1, 9, 9]})
    shown = suppress(frame, 5)
    hidden = frame[shown["suppressed"]]
    assert hidden["responses"].sum() >= 5


def test_no_complement_needed_when_no_total_is_shown():
    frame = pd.DataFrame({"g": ["a", "b"], "responses": [1, 9]})
    assert suppress(frame, 3, total_shown=False)["suppressed"].tolist() == [True, False]


def test_lone_small_role_is_merged_with_the_next_smallest():
    mapping = merge_small_groups({"Team member": 12, "Client": 1, "Manager": 4, "Other": 7}, 3)
    assert mapping["Client"] == MERGED_GROUP and mapping["Manager"] == MERGED_GROUP
    assert mapping["Team member"] == "Team member" and mapping["Other"] == "Other"


def test_breakdown_merges_then_suppresses_and_keeps_sums_exact():
    frame = pd.DataFrame(
        {
            "role": ["Team member", "Client", "Manager", None],
            "responses": [8, 1, 1, 4],
            "score_sum": [32.0, 5.0, 1.0, 12.0],
        }
    )
    shown = breakdown(frame, "role", 3, sum_columns=["score_sum"])
    merged = shown.set_index("role").loc[MERGED_GROUP]
    # Client and Manager (1 each) merge to 2, still below 3, so the merged group is hidden
    # and so is the next smallest ("Not given", 4).
    assert bool(merged["suppressed"])
    assert shown.set_index("role").loc["Not given", "suppressed"]
    assert shown.set_index("role").loc["Team member", "score_sum"] == 32.0


@pytest.mark.parametrize("threshold", [1, 3, 5, 10])
def test_quote_threshold_is_higher(threshold):
    assert quote_threshold(threshold) > threshold or quote_threshold(threshold) >= 5


def test_quotes_hidden_below_their_threshold():
    assert visible_quotes(["a", "b"], responses=4, threshold=3) == []
    assert visible_quotes(["a", "", "b"], responses=6, threshold=3) == ["a", "b"]


def reference_suppress(counts: list[int], threshold: int) -> list[bool]:
    """The rule written out plainly: hide the small, then the smallest until safe."""
    hidden = [c < threshold for c in counts]
    if not any(hidden):
        return hidden
    for index in sorted(range(len(counts)), key=lambda i: (counts[i], i)):
        hidden_total = sum(c for c, h in zip(counts, hidden, strict=True) if h)
        if (hidden_total >= threshold and sum(hidden) >= 2) or all(hidden):
            break
        hidden[index] = True
    return hidden


@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 12)), min_size=1, max_size=30),
    st.integers(1, 6),
)
def test_vectorised_gate_matches_the_plain_rule_for_every_group(rows, threshold):
    frame = pd.DataFrame(rows, columns=["group", "responses"])
    gated = suppress_groups(frame, ["group"], threshold)
    for _, part in frame.groupby("group"):
        expected = reference_suppress(part["responses"].tolist(), threshold)
        assert gated.loc[part.index, "suppressed"].tolist() == expected
    assert gated["responses"].isna().tolist() == gated["suppressed"].tolist()
    # Every group: hidden rows are none, or together at least the threshold, or all rows.
    for _, part in gated.groupby(frame["group"]):
        hidden = frame.loc[part.index[part["suppressed"]], "responses"]
        assert hidden.empty or hidden.sum() >= threshold or part["suppressed"].all()
