"""A bounded memo for results that repeat across a batch's rows.

A batch renders the same template sentences thousands of times with different values in a
few of them; remembering what a sentence gave saves most of the work per row. The memo has a
ceiling by construction: only keys up to `longest` characters are kept, and it empties
itself when it holds `limit` entries or its keys hold `budget` characters, so a million
different rows (or a thousand very long sentences) cost no more memory than a few thousand
short ones. It is never pickled with its contents: a worker process starts empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")

BUDGET = 60_000
"""Characters of keys a memo holds before it empties: about a quarter of a megabyte with their
values (a batch worker holds three), so a million rows with two workers stay under 150 MB."""


class Memo(Generic[V]):
    """Remembers `compute(key)` for short string keys, up to `limit` of them."""

    def __init__(self, limit: int = 8192, longest: int = 1_000, budget: int = BUDGET) -> None:
        self.limit, self.longest, self.budget = limit, longest, budget
        self._kept: dict[str, V] = {}
        self._characters = 0

    def get(self, key: str, compute: Callable[[str], V]) -> V:
        found = self._kept.get(key)
        if found is not None:
            return found
        value = compute(key)
        if len(key) <= self.longest:
            if len(self._kept) >= self.limit or self._characters + len(key) > self.budget:
                self._kept.clear()  # atomic, so threads sharing the memo stay safe
                self._characters = 0
            self._kept[key] = value
            self._characters += len(key)
        return value

    def __len__(self) -> int:
        return len(self._kept)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_kept": {}, "_characters": 0}
