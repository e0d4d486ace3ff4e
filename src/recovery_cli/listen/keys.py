"""Which key words occur in a message, found in one pass, so patterns can be skipped cheaply.

Every pattern and rule names a few lower-case keys, one of which must occur in a sentence
for the pattern to match at all ("arriv" for "hasn't arrived"). Testing each key against
each sentence costs more than the patterns it saves, so all keys are compiled into one trie
regular expression and a message is scanned once: the result is the set of keys present,
and a pattern runs only on sentences holding one of its own. Keys are found where a word
starts (so "ment to" is not found in "payment to"); keys that start with a space or a
symbol ("£", " ago") are simply looked for. The trie is built again when new keys are
registered (a test defining its own rules, say).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD_START = re.compile(r"[^\W\d_]")
_registered: set[str] = set()
_compiled: tuple[int, re.Pattern[str], dict[str, frozenset[str]], tuple[str, ...]] | None = None


def register(keys: Iterable[str]) -> frozenset[str]:
    """Add keys to the index and return them as a set (what a pattern keeps)."""
    found = frozenset(key for key in keys if key)
    _registered.update(found)
    return found


def present(low: str) -> frozenset[str]:
    """The registered keys that occur in `low` (a lower-case text)."""
    index, prefixes, others = _index()
    hits = {key for key in others if key in low}
    found = index.findall(low)  # the longest key at each word start, as text: no match objects
    if found:
        hits.update(*map(prefixes.__getitem__, found))
    return frozenset(hits)


def _index() -> tuple[re.Pattern[str], dict[str, frozenset[str]], tuple[str, ...]]:
    global _compiled
    if _compiled is None or _compiled[0] != len(_registered):
        words = sorted(key for key in _registered if _WORD_START.match(key))
        others = tuple(sorted(key for key in _registered if not _WORD_START.match(key)))
        known = set(words)
        prefixes = {  # a key's shorter keys are among its own prefixes: len(key) lookups
            key: frozenset(key[:end] for end in range(1, len(key) + 1) if key[:end] in known)
            for key in words
        }
        pattern = re.compile(rf"\b(?=({_trie(words)}))", re.S)
        _compiled = (len(_registered), pattern, prefixes, others)
    return _compiled[1], _compiled[2], _compiled[3]


def _trie(keys: Iterable[str]) -> str:
    """A regular expression matching the longest of `keys` at a position."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(root) or "(?!)"


def _branch(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    parts = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body
