"""The format of `checks.yaml` and how its patterns become fast regular expressions.

A trainer writes patterns as readable lower-case regexes with `{cue}` lists; this module
validates them (every problem located in the file), expands the cues, lets a space match
any whitespace and an apostrophe be left out, and files each alternative under its first
word. A reply then runs only the regexes whose first word it contains, which keeps a
library of hundreds of phrases fast on a batch of a hundred thousand replies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from recovery_cli.errors import Location, Problem
from recovery_cli.models import Slug

Severity = Literal["error", "warning"]
K = TypeVar("K")
_CUE_REF = re.compile(r"\{([a-z_][a-z0-9_-]*)\}")
_LOOKBEHIND = re.compile(r"\(\?<[=!][^()]*\)")
_ASSERTIONS = re.compile(r"(?:\(\?<[=!][^()]*\))*")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_CONTRACTED = ("s", "t", "re", "ve", "ll", "d", "m", "nt")
_SPACES = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014"})


_COMMON = frozenset(
    {
        "a", "all", "an", "and", "are", "as", "at", "be", "but", "can", "could", "did", "do",
        "does", "for", "had", "has", "have", "he", "i", "if", "in", "is", "it", "just", "let",
        "my", "no", "not", "of", "on", "only", "or", "our", "please", "she", "so", "that", "the",
        "their", "there", "they", "this", "to", "us", "was", "we", "were", "what", "when", "will",
        "with", "would", "you", "your",
    }
)
"""Words too common to pick out a phrase alone: a phrase starting with one is filed under
its first two words."""


def word_keys(low: str) -> set[str]:
    """What a reply's words let `Matcher` look up: each word, its first three letters, and
    each common word paired with the first three letters of the word after it."""
    words = low.translate(_SPACES).split()
    keys = set(words)
    keys.update([word[:3] for word in keys])
    keys.update([a + " " + b[:3] for a, b in pairwise(words) if a in _COMMON])
    return keys


def _keys(word: str, alternative: str) -> tuple[set[str], bool] | None:
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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CueSpec(_Strict):
    """A named list of patterns: inserted with `{name}`, or a context for `unless_*`."""

    description: str = ""
    reach: Literal["clause", "sentence"] = Field(
        default="clause", description="How far `unless_before` and `unless_after` look."
    )
    extend: bool = Field(
        default=False, description="Add to an earlier cue of this name instead of replacing it."
    )
    patterns: list[str] = Field(min_length=1)


class Example(_Strict):
    """A reply to test a check on, when it needs the customer's name or is a mid-line."""

    text: str = Field(min_length=1)
    name: str | None = None
    opening: bool = True


class Examples(_Strict):
    flag: list[str | Example] = Field(default_factory=list, description="Text it must flag.")
    pass_: list[str | Example] = Field(
        default_factory=list, alias="pass", description="Text it must not flag."
    )


class CheckSpec(_Strict):
    """One check: the phrases that break a principle, and when they do not."""

    id: Slug
    principle: Slug
    kind: Literal["phrase", "opening", "name"] = "phrase"
    severity: Severity = "error"
    enabled: bool = True
    description: str = Field(min_length=1, max_length=200)
    message: str = Field(min_length=1)
    hint: str = Field(min_length=1)
    patterns: list[str] = Field(default_factory=list)
    quotes: Literal["skip", "check"] = "skip"
    unless_before: dict[str, int] = Field(default_factory=dict)
    unless_after: dict[str, int] = Field(default_factory=dict)
    unless_in_sentence: list[str] = Field(default_factory=list)
    unless_in_reply: list[str] = Field(default_factory=list)
    acknowledgement: list[str] = Field(default_factory=list)
    skip: list[str] = Field(default_factory=list)
    sentences: int = Field(default=2, ge=1, le=20)
    analysis_checks: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)


class ChecksFile(_Strict):
    """The contents of a `checks.yaml`."""

    clause_breaks: str | None = None
    sentence_breaks: str | None = None
    quoted_spans: list[str] | None = None
    cues: dict[str, CueSpec] = Field(default_factory=dict)
    checks: list[CheckSpec] = Field(default_factory=list)


# --- matching --------------------------------------------------------------------------


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

    def hits(self, low: str, words: set[str], start: int = 0, end: int | None = None
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
                if at and low[at - 1] in _ALNUM:
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
            found.extend((owner, *match.span()) for match in regex.finditer(low, start, end))
        found.sort()
        kept: list[tuple[int, int, int]] = []
        for hit in found:
            if not kept or hit[0] != kept[-1][0] or hit[1] >= kept[-1][2]:
                kept.append(hit)
        return kept

    def spans(self, low: str, words: set[str], start: int = 0, end: int | None = None
              ) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.hits(low, words, start, end)]

    def first(self, low: str, words: set[str], start: int = 0, end: int | None = None
              ) -> tuple[int, int] | None:
        spans = self.spans(low, words, start, end)
        return min(spans) if spans else None


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


# --- compiling -------------------------------------------------------------------------


def _verdict(pattern: str) -> tuple[str, str | None] | None:
    """What is wrong with a pattern (message, hint), or None. Each cue is checked on its
    own, so a stub stands in for `{cue}` here."""
    if re.search(r"[A-Z]", re.sub(r"\\.|\(\?P<[^>]*>", "", pattern)):
        hint = "write patterns in lower case; replies are lower-cased before matching"
        return f"pattern {pattern!r} has capital letters", hint
    try:
        compiled = re.compile(translate(_CUE_REF.sub("(?:x)", pattern)))
    except re.error as exc:
        return f"pattern {pattern!r} is not a valid regular expression: {exc}", None
    if compiled.search("") is not None:
        return f"pattern {pattern!r} matches empty text", "make some part of it required"
    return None


@dataclass(frozen=True)
class Place:
    """A field of a checks file, so that a problem in it can say where it is."""

    source: str
    positions: dict[tuple[str | int, ...], tuple[int, int]]
    path: tuple[str | int, ...] = ()

    def at(self, *more: str | int) -> Location:
        from recovery_cli.yamlsafe import locate

        return locate((*self.path, *more), self.positions, self.source)

    def __truediv__(self, more: str | int) -> Place:
        return Place(self.source, self.positions, (*self.path, more))


@dataclass(frozen=True)
class Cue:
    regex: re.Pattern[str]
    matcher: Matcher
    sentence: bool


class Compiler:
    """Turns validated specs into matchers, collecting every located problem."""

    def __init__(self, cues: dict[str, tuple[CueSpec, Place]]) -> None:
        self.cues = cues
        self.problems: list[Problem] = []
        self._compiled: dict[str, Cue | None] = {}
        self._verdicts: dict[str, tuple[str, str | None] | None] = {}

    def _expand(self, pattern: str, at: Location, seen: tuple[str, ...] = ()) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.cues or name in seen:
                why = "refers to itself" if name in seen else "is not defined under `cues:`"
                self.problems.append(Problem(f"cue `{{{name}}}` {why}", at, None))
                return "(?!)"
            inner = [self._expand(p, at, (*seen, name)) for p in self.cues[name][0].patterns]
            return "(?:" + "|".join(inner) + ")"

        return _CUE_REF.sub(one, pattern)

    def sources(self, patterns: Sequence[str], place: Place) -> Iterator[str]:
        """Each valid pattern with its cues expanded; problems recorded, bad ones left out."""
        for number, pattern in enumerate(patterns):
            if pattern not in self._verdicts:
                self._verdicts[pattern] = _verdict(pattern)
            wrong = self._verdicts[pattern]
            if wrong is not None:
                self.problems.append(Problem(wrong[0], place.at(number), wrong[1]))
                continue
            yield self._expand(pattern, place.at(number))

    def regex(self, patterns: Sequence[str], place: Place) -> re.Pattern[str] | None:
        parts = [translate(source) for source in self.sources(patterns, place)]
        if not parts:
            return None
        return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")

    def matcher(self, owned: Sequence[tuple[int, Sequence[str], Place]]) -> Matcher | None:
        """One matcher for the patterns of several owners (each with its location)."""
        grouped: dict[str, dict[str, set[int]]] = {}
        partial: set[str] = set()  # keys whose regex may not insist on a whole first word
        loose: dict[int, list[str]] = {}
        for owner, patterns, place in owned:
            for source in map(translate, self.sources(patterns, place)):
                split = heads(source)
                if split is None:
                    loose.setdefault(owner, []).append(source)
                    continue
                filed = [(alternative, _keys(word, alternative)) for word, alternative in split]
                if any(keys is None for _, keys in filed):
                    loose.setdefault(owner, []).append(source)
                    continue
                for (word, _), (alternative, keys) in zip(split, filed, strict=True):
                    assert keys is not None
                    for key in keys[0]:
                        alternatives = grouped.setdefault(key, {})
                        alternatives.setdefault(alternative, set()).add(owner)
                        if not (keys[1] and key.split(" ")[0] == word):
                            partial.add(key)  # its regex may not insist on a whole word
        if not grouped and not loose:
            return None
        regexes: dict[str, str] = {}
        by_key: dict[str, tuple[int, ...]] = {}
        singles: dict[tuple[str, int], str] = {}
        for key, alternatives in grouped.items():
            first, last = min(alternatives), max(alternatives)
            common = first[: next((i for i, (a, b) in enumerate(zip(first, last, strict=False))
                                   if a != b or a not in _ALNUM), min(len(first), len(last)))]
            while common and any(a[len(common) : len(common) + 1] in ("?", "*", "+", "{")
                                 for a in alternatives):
                common = common[:-1]  # a quantifier must keep the letter it repeats
            parts = [alternative[len(common) :] for alternative in alternatives]
            gate = "" if key in partial or common != key.split(" ")[0] else "(?![a-z0-9])"
            regexes[key] = common + gate + "(?:" + "|".join(parts) + ")(?![a-z0-9])"
            by_key[key] = tuple(sorted({o for who in alternatives.values() for o in who}))
            if len(by_key[key]) > 1:
                for owner in by_key[key]:
                    mine = "|".join(a for a, who in alternatives.items() if owner in who)
                    singles[key, owner] = f"(?:{mine})(?![a-z0-9])"
        scans = tuple(
            (owner, re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])"))
            for owner, parts in sorted(loose.items())
        )
        return Matcher(Regexes(regexes), by_key, Regexes(singles), scans,
                       frozenset(regexes))

    def check_cues(self) -> None:
        """Validate every cue's own patterns (the checks only stub them)."""
        for spec, place in self.cues.values():
            for _ in self.sources(spec.patterns, place):
                pass

    def cue(self, name: str, at: Location) -> Cue | None:
        if name not in self._compiled:
            if name not in self.cues:
                hint = "define it under `cues:`"
                self.problems.append(Problem(f"unknown cue `{name}`", at, hint))
                return None
            spec, where = self.cues[name]
            regex = self.regex(spec.patterns, where)
            matcher = self.matcher([(0, spec.patterns, where)])
            self._compiled[name] = None
            if regex is not None and matcher is not None:
                self._compiled[name] = Cue(regex, matcher, spec.reach == "sentence")
        return self._compiled[name]
