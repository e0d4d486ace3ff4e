"""Vocabularies: lists of phrases written for people, compiled for speed.

The general shapes (`failures`, `stakes`) are built from vocabularies such as the ways of
saying "broken" or the occasions a date can hang on. A vocabulary is written as phrases
separated by "|" (a space is one space; a phrase may hold a little regular expression:
"arrive[sd]?", "(?:went|came) out twice"), and `vocabulary` gives two things:

- the keys one of which a sentence must hold before a pattern using the vocabulary runs
  (each phrase's leading literal word, through a leading group's choices), so no phrase
  can be skipped by the key index (`keys`);
- one alternation, factored into a trie on the phrases' literal beginnings. A plain
  alternation of a hundred phrases makes the regular expression engine try each in turn
  at every position of a sentence; the trie decides on the first letter or two, so a
  vocabulary costs about as much as one phrase.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from recovery_cli.listen.keys import register

_META = re.compile(r"[\\()\[\]?*+{}|.^$]|.[?*{]")
"""Where a phrase's literal beginning ends: a regular-expression character, or a letter
made optional ("hasn'?t" begins "hasn")."""


class Vocabulary(NamedTuple):
    """Phrases as one alternation (`pattern`) and the keys one of which must occur."""

    pattern: str
    keys: frozenset[str]


def vocabulary(text: str) -> Vocabulary:
    """Phrases separated by "|", as a factored alternation and the keys it needs."""
    pairs: list[tuple[str, str]] = []
    keys: set[str] = set()
    for phrase in top_level(text):
        phrase = " ".join(phrase.split())
        if not phrase:
            continue
        for literal, rest in _beginnings(phrase):
            pairs.append((literal.lower(), rest))
            word = literal.strip().lower()
            if not literal and rest.startswith("\\d"):
                keys.update("0123456789")
            elif len(word) < 2:
                raise ValueError(f"a phrase needs a literal start of two letters: {phrase!r}")
            else:
                keys.add(" ".join(word.split()))
    return Vocabulary(_factored(pairs), register(keys))


def _beginnings(phrase: str) -> list[tuple[str, str]]:
    """(literal beginning, the rest) for each way `phrase` can start."""
    if phrase.startswith("(?:"):
        end = _closing(phrase)
        if phrase[end + 1 : end + 2] in {"?", "*"}:
            raise ValueError(f"a phrase may not start with an optional group: {phrase!r}")
        rest = phrase[end + 1 :]
        return [pair for choice in top_level(phrase[3:end]) for pair in _beginnings(choice + rest)]
    if phrase.startswith("\\d") or not phrase:
        return [("", phrase)]  # "60th": no literal beginning; keyed on any digit
    meta = _META.search(phrase)
    cut = meta.start() if meta else len(phrase)
    literal, rest = phrase[:cut], phrase[cut:]
    if literal and rest.startswith("(?:"):
        end = _closing(rest)
        if rest[end + 1 : end + 2] not in {"?", "*", "{"}:
            after = rest[end + 1 :]
            choices = top_level(rest[3:end])
            return [
                (literal + more, tail)
                for choice in choices
                for more, tail in _beginnings(choice + after)
            ]  # "has (?:gone|doubled)": keyed on "has gone", "has doubled", not on "has"
    return [(literal, rest)]


def _closing(phrase: str) -> int:
    """Where the group that opens `phrase` closes."""
    depth = 0
    for index, char in enumerate(phrase):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index
    raise ValueError(f"an unclosed group: {phrase!r}")


def _factored(pairs: list[tuple[str, str]]) -> str:
    """An alternation of literal-plus-rest pairs, factored into a trie on the literals."""
    root: dict[str, object] = {}
    for literal, rest in pairs:
        node = root
        for char in literal:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        ends = node.setdefault("", [])
        assert isinstance(ends, list)
        ends.append(rest.replace(" ", r"\s"))
    return f"(?:{_emit(root)})"


def _emit(node: dict[str, object]) -> str:
    branches = [
        (r"\s" if char == " " else re.escape(char)) + _emit(child)  # type: ignore[arg-type]
        for char, child in sorted(node.items())
        if char
    ]
    ends = node.get("")
    if isinstance(ends, list):
        rests = sorted(set(ends), key=lambda rest: (rest == "", -len(rest)))
        branches.extend(rests)  # longer ways on first; an empty rest last
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def top_level(text: str) -> list[str]:
    """`text` split at each "|" outside brackets (a phrase may hold its own alternatives)."""
    parts: list[str] = []
    depth = begin = 0
    escaped = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[begin:index])
            begin = index + 1
    parts.append(text[begin:])
    return parts
