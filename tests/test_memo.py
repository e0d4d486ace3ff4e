"""The bounded memo a batch keeps per process: what it remembers, and the memory it may hold."""

from __future__ import annotations

import pickle

from recovery_cli.memo import Memo


def test_a_result_asked_for_again_is_not_worked_out_again() -> None:
    calls: list[str] = []
    memo: Memo[int] = Memo()

    def length(key: str) -> int:
        calls.append(key)
        return len(key)

    assert memo.get("the sofa", length) == 8
    assert memo.get("the sofa", length) == 8
    assert calls == ["the sofa"]


def test_it_never_holds_more_characters_of_keys_than_its_budget() -> None:
    memo: Memo[int] = Memo(budget=100)
    for number in range(1_000):
        memo.get(f"a sentence of about thirty chars {number:04d}", len)
        assert len(memo) * 38 <= 100
    assert 0 < len(memo) <= 2


def test_a_long_key_is_answered_but_not_kept() -> None:
    memo: Memo[int] = Memo(longest=10)
    assert memo.get("x" * 11, len) == 11
    assert len(memo) == 0


def test_a_copy_sent_to_a_worker_starts_empty_with_the_same_ceilings() -> None:
    memo: Memo[int] = Memo(limit=5, longest=50, budget=500)
    memo.get("a key", len)
    copy = pickle.loads(pickle.dumps(memo))
    assert len(copy) == 0
    assert (copy.limit, copy.longest, copy.budget) == (5, 50, 500)
    assert copy.get("another key", len) == 11
