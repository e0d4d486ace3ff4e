"""The format of `checks.yaml`, and its compilation into matchers.

A trainer writes patterns as readable lower-case regexes with `{cue}` lists; this module
validates them, every problem located in the file, expands the cues and hands each pattern
to `recovery_cli.check_patterns`, which files it for fast matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from recovery_cli.checks.patterns import ALNUM, Matcher, Regexes, heads, keys_for, translate
from recovery_cli.errors import Location, Problem
from recovery_cli.playbook.models import Slug

Severity = Literal["error", "warning"]
_CUE_REF = re.compile(r"\{([a-z_][a-z0-9_-]*)\}")


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
        from recovery_cli.documents import locate

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
                filed = [(alternative, keys_for(word, alternative)) for word, alternative in split]
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
            common = first[
                : next(
                    (
                        i
                        for i, (a, b) in enumerate(zip(first, last, strict=False))
                        if a != b or a not in ALNUM
                    ),
                    min(len(first), len(last)),
                )
            ]
            while common and any(
                a[len(common) : len(common) + 1] in ("?", "*", "+", "{") for a in alternatives
            ):
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
            (owner, re.compile(r"(?:" + "|".join(parts) + r")(?![a-z0-9])"))
            for owner, parts in sorted(loose.items())
        )
        return Matcher(Regexes(regexes), by_key, Regexes(singles), scans, frozenset(regexes))

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
