"""How check patterns are filed and matched quickly over many replies.

Python's regular expressions try every alternative at every position, so a library of
hundreds of phrases run as one alternation is slow. Instead each pattern is filed under its
first word (or, for very common words, its first two words); a reply looks up its own words
and runs only those regexes, anchored on a literal prefix. The file format and the
validation live in `recovery_cli.check_models`.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Generic, TypeVar

from recovery_cli.memo import Memo

K = TypeVar("K")

_LOOKBEHIND = re.compile(r"\(\?<[=!][^()]*\)")
_ASSERTIONS = re.compile(r"(?:\(\?<[=!][^()]*\))*")
ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_CONTRACTED = ("s", "t", "re", "ve", "ll", "d", "m", "nt")
_SPACES = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014"})


_COMMON = frozenset(
    {
        "a",
        "all",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "had",
        "has",
        "have",
        "he",
        "i",
        "if",
        "in",
        "is",
        "it",
        "just",
        "let",
        "my",
        "no",
        "not",
        "of",
        "on",
        "only",
        "or",
        "our",
        "please",
        "she",
        "so",
        "that",
        "the",
        "their",
        "there",
        "they",
        "this",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "will",
        "with",
        "would",
        "you",
        "your",
    }
)
"""Words too common to pick out a phrase alone: a phrase starting with one is filed under
its first two words."""


def word_keys(low: str) -> set[str]:
    """What a reply's words let `Matcher` look up: each word, its first three letters, and
    each common word paired with the first three letters of the word after it.

    Worked out a line or sentence at a time, kept for the next reply that has it (drafts
    repeat their template sentences), and joined up: a break between pieces is always
    whitespace or a full stop, which only ever separates words."""
    keys: set[str] = set()
    last = ""
    for line in low.split("\n"):
        for piece in line.split(". "):
            found, first, final = _piece_keys(piece)
            if not first:
                continue
            keys |= found
            if last in _COMMON:
                keys.add(last + " " + first[:3])
            last = final
    return keys


@lru_cache(maxsize=256)
def _piece_keys(piece: str) -> tuple[frozenset[str], str, str]:
    """`word_keys` of a piece of a reply, with its first and last words ("" for none).

    Each entry is a set of a few dozen keys, about 4 KB: 256 of them hold the pieces a run of
    drafts repeats (as fast as 1,024, timed pair by pair), for about 6 MB less across a
    two-worker batch."""
    words = piece.translate(_SPACES).split()
    keys = set(words)
    keys.update([word[:3] for word in keys])
    keys.update([a + " " + b[:3] for a, b in pairwise(words) if a in _COMMON])
    return frozenset(keys), words[0] if words else "", words[-1] if words else ""


@lru_cache(maxsize=4096)
def occurs(regex: re.Pattern[str], window: str) -> bool:
    """Whether a cue occurs in a few words (kept: the same phrases recur across replies;
    4,096 of them hold what a batch repeats, 3 MB less than 16,384 on a million rows)."""
    return regex.search(window) is not None


def mentions(low: str, part: str) -> bool:
    """Whether `part` occurs in `low` as a whole word (no word character either side).
    Plain string search: a batch names a different customer on every row, and compiling a
    regex for each name would cost more than the rest of the check."""
    at = low.find(part)
    while at >= 0:
        end = at + len(part)
        before = at == 0 or not _word_char(low[at - 1])
        if before and (end == len(low) or not _word_char(low[end])):
            return True
        at = low.find(part, at + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches


def keys_for(word: str, alternative: str) -> tuple[set[str], bool] | None:
    """The keys an alternative is filed under, and whether its first word is whole (so a
    regex may insist that no letter follows it); None when it cannot be filed. A whole
    word is its own key; one the pattern may extend ("labs?") files under its first three
    letters; a common word files under its first two words; and a word with a contraction
    whose apostrophe may be dropped also under the joined form ("dont", "its", "im")."""
    starts = _starts(_ASSERTIONS.sub("", alternative[len(word) :], count=1))
    keys: set[str] = set()
    whole = True
    for start in starts if starts is not None else [None]:
        joined = re.match(r"'(\?)?([a-z]+)", start) if start is not None else None
        spaced = heads(start[3:]) if start is not None and start.startswith("\\s+") else None
        if joined:
            if joined.group(1):
                keys.add(word + joined.group(2))
            keys.add(f"{word} {joined.group(2)[:3]}" if word in _COMMON else word)
        elif spaced and word in _COMMON:
            keys.update(f"{word} {second[:3]}" for second, _ in spaced)
        elif start is not None and (not start or start.startswith(("\\s", "\\b", "(?!", "(?="))):
            keys.add(word)
        elif len(word) >= 3:
            keys.add(word[:3])
            whole = False
        else:
            return None
    return keys, whole


def _starts(rest: str, depth: int = 3) -> list[str] | None:
    """The ways `rest` can begin, opening leading groups (None when too involved)."""
    if not rest.startswith("(?:"):
        return [rest]
    inner, end = _group(rest)
    quantifier = rest[end : end + 1]
    if depth == 0 or quantifier in ("*", "+", "{"):
        return None
    tail = rest[end + 1 :] if quantifier == "?" else rest[end:]
    found: list[str] = []
    for option in [*inner, ""] if quantifier == "?" else inner:
        more = _starts(option + tail, depth - 1)
        if more is None:
            return None
        found.extend(more)
    return found


class Regexes(Generic[K]):
    """Regular expressions compiled on first use: one reply needs a few, a batch all."""

    def __init__(self, sources: dict[K, str]) -> None:
        self.sources = sources
        self.compiled: dict[K, re.Pattern[str]] = {}

    def __getitem__(self, key: K) -> re.Pattern[str]:
        regex = self.compiled.get(key)
        if regex is None:
            regex = self.compiled[key] = re.compile(self.sources[key])
        return regex

    def __getstate__(self) -> dict[str, object]:
        return {"sources": self.sources, "compiled": {}}


@dataclass(frozen=True)
class Matcher:
    """Patterns of one or more owners (checks or cues), filed by their first word (or two):
    one combined regex per key, and per owner its own, to tell whose a match is."""

    regexes: Regexes[str]
    by_key: dict[str, tuple[int, ...]]
    singles: Regexes[tuple[str, int]]
    scans: tuple[tuple[int, re.Pattern[str]], ...]
    keys: frozenset[str] = field(default=frozenset())
    remembered: Memo[tuple[tuple[int, int, int], ...]] = field(
        default_factory=Memo, compare=False, repr=False
    )

    def sentence_hits(self, sentence: str) -> tuple[tuple[int, int, int], ...]:
        """`hits` in one sentence taken on its own, remembered. A phrase never spans two
        sentences, so a reply's hits are its sentences' hits; a batch's drafts repeat their
        template sentences, so only the sentences that received a value cost a search."""
        return self.remembered.get(sentence, self._sentence_hits)

    def _sentence_hits(self, sentence: str) -> tuple[tuple[int, int, int], ...]:
        return tuple(self.hits(sentence, word_keys(sentence)))

    def hits(
        self, low: str, words: AbstractSet[str], start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, int]]:
        """(owner, start, end) of every match in `low[start:end]`, by owner and position,
        never overlapping for one owner."""
        end = len(low) if end is None else end
        found: list[tuple[int, int, int]] = []
        compiled = self.regexes.compiled
        for key in self.keys.intersection(words):
            regex, pos = compiled.get(key) or self.regexes[key], start
            while (match := regex.search(low, pos, end)) is not None:
                at, pos = match.start(), match.start() + 1
                if at and low[at - 1] in ALNUM:
                    continue
                owners = self.by_key[key]
                if len(owners) == 1:
                    found.append((owners[0], at, match.end()))
                    continue
                for owner in owners:  # whose match is it? (there may be several)
                    mine = self.singles[key, owner].match(low, at, end)
                    if mine is not None:
                        found.append((owner, at, mine.end()))
        for owner, regex in self.scans:
            found.extend((owner, s, e) for s, e in _scan(regex, low, start, end))
        found.sort()
        kept: list[tuple[int, int, int]] = []
        for hit in found:
            if not kept or hit[0] != kept[-1][0] or hit[1] >= kept[-1][2]:
                kept.append(hit)
        return kept

    def spans(
        self, low: str, words: AbstractSet[str], start: int = 0, end: int | None = None
    ) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.hits(low, words, start, end)]

    def first(
        self, low: str, words: AbstractSet[str], start: int = 0, end: int | None = None
    ) -> tuple[int, int] | None:
        spans = self.spans(low, words, start, end)
        return min(spans) if spans else None


def _scan(regex: re.Pattern[str], low: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans `(?<![a-z0-9])` + `regex` would find, without that lookbehind: tried at
    every position, it would keep Python from skipping ahead to a possible first letter."""
    spans: list[tuple[int, int]] = []
    pos = start
    while (match := regex.search(low, pos, end)) is not None:
        at, after = match.span()
        if at and low[at - 1] in ALNUM:
            pos = at + 1
            continue
        if after == at:  # an empty match: let the regex engine keep finditer's rules
            guarded = re.compile("(?<![a-z0-9])(?:" + regex.pattern + ")")
            return [match.span() for match in guarded.finditer(low, start, end)]
        spans.append((at, after))
        pos = after
    return spans


def translate(pattern: str) -> str:
    """A space matches any whitespace and the apostrophe of n't, 's, 'm and 've may be left
    out, except where a regex needs fixed widths or literal text (classes, lookbehinds)."""
    out: list[str] = []
    groups: list[bool] = []  # True for a lookbehind group
    in_class = False
    i = 0
    while i < len(pattern):
        char, literal = pattern[i], in_class or any(groups)
        step = 1
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]" or pattern[i - 1] == "["
        elif char == "[":
            in_class = True
        elif char == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
            if pattern.startswith("(?P<", i):  # named and plain groups capture nothing here
                char, step = "(?:", pattern.index(">", i) + 1 - i
            elif not pattern.startswith("(?", i):
                char = "(?:"
        elif char == ")" and groups:
            groups.pop()
        elif char == " " and not literal:
            optional = pattern[i + 1 : i + 2] in ("?", "*")
            char, step = (r"\s*", 2) if optional else (r"\s+", 1)
            if out and out[-1] in (r"\s+", r"\s*"):
                char = ""
        elif char == "'" and not literal and re.match(r"'(?:t|s|m|ve)\b", pattern[i : i + 4]):
            char = "'?"  # "dont", "its", "im", "ive"; not "were", "well" or "id" for 're, 'll, 'd
        out.append(char)
        i += step
    return "".join(out)


def _group(rest: str) -> tuple[list[str], int]:
    """The alternatives of the `(?:...)` group that `rest` opens with, and where it ends."""
    parts: list[str] = []
    depth, last, i, in_class = 0, 3, 3, False
    while i < len(rest):
        char = rest[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return [*parts, rest[last:i]], i + 1
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(rest[last:i])
            last = i + 1
        i += 1
    return [*parts, rest[last:]], len(rest)


def heads(pattern: str, budget: int = 400) -> list[tuple[str, str]] | None:
    """(first word, alternative) for every way `pattern` can start; None when some way
    does not start with a literal word."""
    lead = _ASSERTIONS.match(pattern)
    assertions = lead.group(0) if lead else ""
    rest = pattern[len(assertions) :]
    word = re.match(r"[a-z0-9]+", rest)
    if word:
        text = word.group(0)
        if rest[len(text) : len(text) + 1] in ("?", "*", "{"):
            text = text[:-1]
        if not text:
            return None
        # a lookbehind before the word is checked after it, so the word leads the regex
        moved = "".join(a[:-1] + text + ")" for a in _LOOKBEHIND.findall(assertions))
        return [(text, text + moved + rest[len(text) :])]
    if not rest.startswith("(?:") or budget <= 0:
        return None
    inner, end = _group(rest)
    quantifier = rest[end : end + 1]
    if quantifier in ("*", "{", "+"):
        return None
    tail = rest[end + 1 :] if quantifier == "?" else rest[end:]
    found: list[tuple[str, str]] = []
    for alternative in [*inner, ""] if quantifier == "?" else inner:  # "(?:the )?x": "the x", "x"
        more = heads(assertions + alternative + tail, budget - len(found) - 1)
        if more is None:
            return None
        found.extend(more)
    return found
