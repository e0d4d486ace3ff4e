"""From validated check specs to matchers: cues expanded, patterns vetted and filed.

A trainer's pattern is checked before it is used (lower case, a valid regex, not matching
empty text), its `{cue}` references are expanded, and `patterns` files it under its first
words for fast matching. Every problem is collected with its place in the file.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from recovery_cli.checks.models import CueSpec
from recovery_cli.checks.patterns import ALNUM, Matcher, Regexes, heads, keys_for, translate
from recovery_cli.checks.vetted import Vetted
from recovery_cli.documents import Place
from recovery_cli.errors import Location, Problem

_CUE_REF = re.compile(r"\{([a-z_][a-z0-9_-]*)\}")


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
    return _backtracking(pattern, compiled.pattern)


FEW_TURNS = 5
"""The most turns a repeat of an ambiguous part may take: a few cost a few times over."""
_BACKTRACKING_HINT = (
    "a repeated part that can match the same text in more than one way takes exponential "
    "time on some replies; make the inner part possessive (`\\w++`) or atomic (`(?>...)`), "
    "or bound the outer repeat (`{0,3}`)"
)


def backtracking(pattern: str) -> tuple[str, str | None] | None:
    """A problem (message, hint) when a raw regex, such as a checks file's
    `sentence_breaks`, can backtrack catastrophically; None when it cannot."""
    return _backtracking(pattern, pattern)


def _backtracking(shown: str, source: str) -> tuple[str, str | None] | None:
    """A problem when the pattern can backtrack catastrophically (found by its shape)."""
    try:
        parsed = _parser.parse(source)
    except re.error:
        return None
    why = _risky(parsed)
    if why is None:
        return None
    return f"pattern {shown!r} could take exponential time: {why}", _BACKTRACKING_HINT


def _risky(sub: Any) -> str | None:
    """Why `sub` can backtrack without bound, or None.

    An unbounded repeat is safe when each of its turns can be cut from the next in one way
    only: every variable-length part of its body is followed (after any optional parts, and
    wrapping round to the next turn) by text it cannot match, and no alternatives in it can
    start alike. `(\\w+ )+` ends every turn at a space and is fine; `(a+)+`, `(\\w+\\s?)+`
    and `(a|a)*` are not. A repeat of more than `FEW_TURNS` turns counts as unbounded:
    `(a?){30}` splits thirty characters in 2**30 ways."""
    for op, av in sub:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if av[1] == _c.MAXREPEAT or av[1] > FEW_TURNS:
                why = _ambiguous(av[2])
                if why:
                    return why
            found = _risky(av[2])
        elif op == _c.SUBPATTERN:
            found = _risky(av[3])
        elif op == _c.BRANCH:
            found = next((why for branch in av[1] if (why := _risky(branch))), None)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _risky(av[1])
        else:
            found = None  # atomic groups and possessive repeats never backtrack
        if found:
            return found
    return None


Part = tuple[set[str] | None, bool, bool]
"""A piece of a repeated body: the characters it can match, whether its length varies,
whether it may match nothing."""


def _ambiguous(body: Any) -> str | None:
    """Why the turns of a repeated `body` can be split in more than one way, or None."""
    parts: list[Part] = []
    for op, av in _flat(body):
        if op in (_c.LITERAL, _c.IN, _c.ANY):
            parts.append((_first([(op, av)]), False, False))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and _single(av[2]):
            parts.append((_first(av[2]), av[0] != av[1], av[0] == 0))
        elif op == _c.BRANCH:
            firsts = [_first(branch) for branch in av[1]]
            known = [chars for chars in firsts if chars is not None]
            if len(known) < len(firsts) or sum(map(len, known)) > len(set().union(*known)):
                return "alternatives that can match the same text, repeated"
            parts.append((set().union(*known), True, any(not branch for branch in av[1])))
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.POSSESSIVE_REPEAT, _c.ATOMIC_GROUP):
            continue
        else:
            parts.append((None, True, False))
    for index, (chars, variable, _) in enumerate(parts):
        if not variable:
            continue
        for step in range(1, len(parts) + 1):
            after, _, optional = parts[(index + step) % len(parts)]
            if chars is None or after is None or chars & after:
                return "a repeated part inside another repeated part"
            if not optional:
                break
    return None


def _single(sub: Any) -> bool:
    """Whether `sub` is one character (a literal or a set)."""
    return len(sub) == 1 and sub[0][0] in (_c.LITERAL, _c.IN)


def _flat(sub: Any) -> list[Any]:
    """The items of `sub` with plain groups opened up."""
    items: list[Any] = []
    for op, av in sub:
        if op == _c.SUBPATTERN:
            items.extend(_flat(av[3]))
        else:
            items.append((op, av))
    return items


_CATEGORIES = {
    _c.CATEGORY_DIGIT: set("0123456789"),
    _c.CATEGORY_SPACE: set(" \t\n\r\f\v"),
    _c.CATEGORY_WORD: set("abcdefghijklmnopqrstuvwxyz0123456789_"),
}


def _first(sub: Any) -> set[str] | None:
    """The characters `sub` can start with, or None when that is not simple to say."""
    for op, av in sub:
        if op == _c.LITERAL:
            return {chr(av)}
        if op == _c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind == _c.LITERAL:
                    chars.add(chr(value))
                elif kind == _c.RANGE and value[1] - value[0] < 256:
                    chars |= {chr(code) for code in range(value[0], value[1] + 1)}
                elif kind == _c.CATEGORY and value in _CATEGORIES:
                    chars |= _CATEGORIES[value]
                else:
                    return None
            return chars
        if op == _c.SUBPATTERN:
            return _first(av[3])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] > 0:
            return _first(av[2])
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        return None
    return None


@dataclass(frozen=True)
class Cue:
    regex: re.Pattern[str]
    matcher: Matcher
    sentence: bool


class Compiler:
    """Turns validated specs into matchers, collecting every located problem."""

    def __init__(
        self, cues: dict[str, tuple[CueSpec, Place]], vetted: Vetted | None = None
    ) -> None:
        self.cues = cues
        self.vetted = vetted
        """Patterns that passed vetting in an earlier run (none are trusted without it)."""
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
                self._verdicts[pattern] = self._vet(pattern)
            wrong = self._verdicts[pattern]
            if wrong is not None:
                self.problems.append(Problem(wrong[0], place.at(number), wrong[1]))
                continue
            yield self._expand(pattern, place.at(number))

    def _vet(self, pattern: str) -> tuple[str, str | None] | None:
        if self.vetted is not None and self.vetted.passed(pattern):
            return None
        verdict = _verdict(pattern)
        if verdict is None and self.vetted is not None:
            self.vetted.remember([pattern])
        return verdict

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
