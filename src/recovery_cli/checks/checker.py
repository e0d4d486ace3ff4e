"""The principle checks: which words in a reply break which lesson, and where.

The patterns are data (`playbooks/checks.yaml`, extendable from a trainer's own folder);
this module applies them with the bit of context that keeps them honest: words in
quotation marks are someone else's, a negation or reported speech just before a phrase
undoes it ("I won't blame the lab"), and some phrases are fine when the same reply owns the
failure or offers an alternative. Offsets always refer to the text as given.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from recovery_cli.checks.compiler import Cue
from recovery_cli.checks.models import Example, Severity
from recovery_cli.checks.patterns import Matcher, mentions
from recovery_cli.checks.reply import STRAIGHTEN, Reply
from recovery_cli.errors import RecoveryError
from recovery_cli.playbook.names import TITLES

MAX_CHARS = 50_000
"""Only this much of a text is checked: a reply is far shorter, and the cost of checking
grows with the length, so a pasted document must not cost more than a reply."""


@dataclass(frozen=True)
class Finding:
    """One place where a reply breaks a principle."""

    principle: str
    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    hint: str
    check: str

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data (by hand: `asdict` deep-copies, and a batch writes millions)."""
        return {
            "principle": self.principle, "rule": self.rule, "severity": self.severity,
            "start": self.start, "end": self.end, "message": self.message,
            "hint": self.hint, "check": self.check,
        }  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """A compiled check."""

    id: str
    principle: str
    rule: str
    severity: Severity
    message: str
    hint: str
    kind: str
    matcher: Matcher | None
    skip_quotes: bool = True
    before: tuple[tuple[Cue, int], ...] = ()
    after: tuple[tuple[Cue, int], ...] = ()
    in_sentence: tuple[Cue, ...] = ()
    in_reply: tuple[Cue, ...] = ()
    skip: tuple[Cue, ...] = ()
    sentences: int = 2
    analysis_checks: frozenset[str] = frozenset()

    def finding(self, start: int, end: int, *, line: bool = False) -> Finding:
        """A finding here; on a line seen alone, only a warning when the rest of a reply
        could excuse it (an alternative, a time, ownership said in another line)."""
        severity: Severity = "warning" if line and self.in_reply else self.severity
        return Finding(
            self.principle, self.rule, severity, start, end, self.message, self.hint, self.id
        )


@dataclass(frozen=True)
class Checker:
    """Compiled checks, ready for any number of replies (picklable: regexes re-compile)."""

    rules: tuple[Rule, ...]
    sentence_breaks: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    quotes: tuple[re.Pattern[str], ...]
    phrases: Matcher | None = None
    examples: tuple[tuple[str, Example, bool], ...] = ()

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None) -> Checker:
        """The checks in `paths` (a later file adds checks, or replaces them by id); by
        default the shipped checks plus any `checks.yaml` in RECOVERY_PLAYBOOKS folders."""
        from recovery_cli.library import CHECKS_FILE, configured_dirs, files_named

        dirs = configured_dirs()
        if paths is None:
            paths = files_named(CHECKS_FILE, dirs)
        if not paths:
            raise RecoveryError("no checks.yaml found", hint="reinstall recovery")
        from recovery_cli.checks.build import build_checker

        return build_checker(paths, [*dirs, *(path.parent for path in paths)])

    def check(self, text: str, *, name: str | None = None, opening: bool = True) -> list[Finding]:
        """Findings for one reply. `opening=False` checks a line said mid-conversation: the
        checks on how a reply opens and on the name are left out, and a finding that the
        rest of the reply could excuse (an alternative offered, a time given) is a warning."""
        reply = Reply(self, text[:MAX_CHARS])
        found: list[Finding] = []
        if self.phrases is not None:
            for index, start, end in _phrase_hits(self.phrases, reply):
                rule = self.rules[index]
                if reply.suppressed(rule, start, end):
                    continue
                last = found[-1] if found else None
                if last and last.check == rule.id and reply.sentence(last.start)[1] > start:
                    found[-1] = replace(last, end=max(end, last.end))  # one finding a sentence
                else:
                    found.append(rule.finding(start, end, line=not opening))
        if opening:
            for rule in self.rules:
                if rule.kind == "opening":
                    found.extend(_opening(rule, reply, found))
                elif rule.kind == "name" and name:
                    found.extend(_name_unused(rule, reply, name))
        if reply.offsets is not None:
            found = [reply.as_given(finding) for finding in found]
        return sorted(found, key=lambda f: (f.start, f.end, f.check))

    def example_failures(self) -> list[str]:
        """The examples in the checks files that the checks get wrong."""
        wrong = []
        for check_id, example, flag in self.examples:
            found = self.check(example.text, name=example.name, opening=example.opening)
            if any(f.check == check_id for f in found) != flag:
                should = "be flagged" if flag else "pass"
                wrong.append(f"{check_id}: {example.text!r} should {should}")
        return wrong


def _phrase_hits(phrases: Matcher, reply: Reply) -> list[tuple[int, int, int]]:
    """(check, start, end) of every phrase in the reply, by check and position, found a
    sentence at a time (see `Matcher.sentence_hits`)."""
    low = reply.low
    found = [
        (owner, start + s, start + e)
        for start, end in reply.sentences
        for owner, s, e in phrases.sentence_hits(low[start:end])
    ]
    found.sort()
    return found


def _opening(rule: Rule, reply: Reply, found: list[Finding]) -> Iterator[Finding]:
    """Analysis in the first sentences, before any acknowledgement of the customer. The
    rule's matcher holds acknowledgements (owner 0) and analysis (owner 1)."""
    budget, low = rule.sentences, reply.low
    for start, end in reply.first_sentences():
        found_here = rule.matcher.sentence_hits(low[start:end]) if rule.matcher else ()
        hits = [(o, start + s, start + e) for o, s, e in found_here]
        hits = [(owner, s, e) for owner, s, e in hits if not reply.quoted(s, e)]
        if any(owner == 0 for owner, _, _ in hits):
            return
        spans = [(s, e) for _, s, e in hits]
        spans += [
            (f.start, f.end)
            for f in found
            if f.check in rule.analysis_checks and start <= f.start < end
        ]
        if spans:
            yield rule.finding(*min(spans))
            return
        text = low[start:end].strip()
        at = low.index(text, start) if text else start
        if any(_covers(cue.regex.match(low, at, at + len(text)), text) for cue in rule.skip):
            continue
        budget -= 1
        if budget == 0:
            return


def _covers(match: re.Match[str] | None, text: str) -> bool:
    return match is not None and not text[match.end() - match.start() :].strip(" ,.!:;-")


def _name_unused(rule: Rule, reply: Reply, name: str) -> Iterator[Finding]:
    parts = _name_parts(name.translate(STRAIGHTEN).lower())
    if not parts or any(mentions(reply.low, part) for part in parts):
        return
    greeting = rule.matcher.first(reply.low, reply.keys) if rule.matcher else None
    yield rule.finding(*(greeting or (0, 0)))


@lru_cache(maxsize=1024)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[^\w'-]+", name) if len(p) > 1 and p.lower() not in TITLES)


@lru_cache(maxsize=8)
def _configured(folders: str) -> Checker:
    return Checker.load()


def check(text: str, *, name: str | None = None, opening: bool = True) -> list[Finding]:
    """Findings for a reply, using the shipped checks (compiled once per process, cached)."""
    from recovery_cli.library import ENV_VAR

    return _configured(os.environ.get(ENV_VAR, "")).check(text, name=name, opening=opening)
