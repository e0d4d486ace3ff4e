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
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from recovery_cli.checks.models import (
    ChecksFile,
    CheckSpec,
    Compiler,
    Cue,
    CueSpec,
    Example,
    Place,
    Severity,
)
from recovery_cli.checks.patterns import Matcher, mentions, occurs, sentence_keys, word_keys
from recovery_cli.errors import Problem, RecoveryError
from recovery_cli.text import clean_with_offsets

_STRAIGHTEN = str.maketrans("‘’ʼ′“”„″\u00a0", '\'\'\'""""" ')
_WORD = re.compile(r"\S+")
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam"}
_SENTENCES = r"[.!?]+(?=\s|$)|\n\s*\n"
_CLAUSES = r"[,;:!?.\n]"
_QUOTES = (
    r'"[^"\n]{1,400}"',
    r"(?<![a-z0-9])'(?=[a-z0-9])(?:[^'\n]|'(?=[a-z])){1,400}?'(?![a-z0-9])",
)


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
        return asdict(self)


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


class _Reply:
    """A reply lower-cased, with its sentences, clauses and quotations found on demand.
    Terminal codes and invisible characters are taken out first (`text.clean`), so they
    hide no phrase; `offsets` leads from the text checked back to the text as given."""

    def __init__(self, checker: Checker, text: str) -> None:
        cleaned, self.offsets = clean_with_offsets(text)
        straight = cleaned.translate(_STRAIGHTEN)
        low = straight.lower()
        if len(low) != len(straight):  # a few characters lower-case to two; keep offsets exact
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in straight)
        self.checker, self.low, self.keys = checker, low, word_keys(low)
        self._seen: dict[int, bool] = {}
        self._around: dict[tuple[int, int, bool, bool], list[str]] = {}

    def as_given(self, finding: Finding) -> Finding:
        """The finding with its offsets in the text as given, hidden characters included."""
        assert self.offsets is not None
        start = self.offsets[finding.start]
        end = self.offsets[finding.end - 1] + 1 if finding.end > finding.start else start
        return replace(finding, start=start, end=end)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for match in self.checker.sentence_breaks.finditer(self.low):
            spans.append((start, match.end()))
            start = match.end()
        spans.append((start, len(self.low)))
        return [(s, e) for s, e in spans if self.low[s:e].strip()] or [(0, len(self.low))]

    def first_sentences(self) -> Iterator[tuple[int, int]]:
        """The sentences in order, found lazily: an opening rarely needs more than two."""
        if "sentences" in self.__dict__:
            yield from self.sentences
            return
        start = 0
        for match in self.checker.sentence_breaks.finditer(self.low):
            if self.low[start : match.end()].strip():
                yield start, match.end()
            start = match.end()
        if self.low[start:].strip() or start == 0:
            yield start, len(self.low)

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return sorted(m.span() for q in self.checker.quotes for m in q.finditer(self.low))

    def sentence(self, at: int) -> tuple[int, int]:
        return self.sentences[max(bisect_right(self._starts, at) - 1, 0)]

    def quoted(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quotes)

    def _clause(self, at: int, bounds: tuple[int, int]) -> tuple[int, int]:
        start, end = bounds
        for match in self.checker.clause_breaks.finditer(self.low, start, end):
            if match.end() <= at:
                start = match.end()
            elif match.start() >= at:
                return start, match.start()
        return start, end

    def near(self, cue: Cue, words: int, start: int, end: int, ahead: bool) -> bool:
        """Whether `cue` occurs within `words` words before `start` (or after `end`), in
        the same clause (or sentence, for a cue that reaches that far)."""
        key = (start, end, cue.sentence, ahead)  # the words around a match, split once
        found = self._around.get(key)
        if found is None:
            bounds = self.sentence(start)
            if not cue.sentence:
                bounds = self._clause(end if ahead else start, bounds)
            span = (end, bounds[1]) if ahead else (bounds[0], start)
            found = self._around[key] = self.low[span[0] : span[1]].split()
        window = " ".join(found[:words] if ahead else found[-words:])
        return bool(window) and occurs(cue.regex, window)

    def anywhere(self, cue: Cue) -> bool:
        if id(cue) not in self._seen:
            self._seen[id(cue)] = bool(cue.matcher.spans(self.low, self.keys))
        return self._seen[id(cue)]

    def suppressed(self, rule: Rule, start: int, end: int) -> bool:
        if rule.skip_quotes and self.quotes and self.quoted(start, end):
            return True
        if any(self.near(cue, n, start, end, False) for cue, n in rule.before):
            return True
        if any(self.near(cue, n, start, end, True) for cue, n in rule.after):
            return True
        if rule.in_sentence:
            s, e = self.sentence(start)
            if any(cue.matcher.spans(self.low, self.keys, s, e) for cue in rule.in_sentence):
                return True
        return any(self.anywhere(cue) for cue in rule.in_reply)


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
        rules = _principle_rules([*dirs, *(path.parent for path in paths)])
        return _build([_read(path) for path in paths], rules)

    def check(self, text: str, *, name: str | None = None, opening: bool = True) -> list[Finding]:
        """Findings for one reply. `opening=False` checks a line said mid-conversation: the
        checks on how a reply opens and on the name are left out, and a finding that the
        rest of the reply could excuse (an alternative offered, a time given) is a warning."""
        reply = _Reply(self, text)
        found: list[Finding] = []
        if self.phrases is not None:
            for index, start, end in self.phrases.hits(reply.low, reply.keys):
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


def _opening(rule: Rule, reply: _Reply, found: list[Finding]) -> Iterator[Finding]:
    """Analysis in the first sentences, before any acknowledgement of the customer. The
    rule's matcher holds acknowledgements (owner 0) and analysis (owner 1)."""
    budget, low = rule.sentences, reply.low
    for start, end in reply.first_sentences():
        keys = sentence_keys(low[start:end])
        hits = rule.matcher.hits(low, keys, start, end) if rule.matcher else []
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


def _name_unused(rule: Rule, reply: _Reply, name: str) -> Iterator[Finding]:
    parts = _name_parts(name.translate(_STRAIGHTEN).lower())
    if not parts or any(mentions(reply.low, part) for part in parts):
        return
    greeting = rule.matcher.first(reply.low, reply.keys) if rule.matcher else None
    yield rule.finding(*(greeting or (0, 0)))


@lru_cache(maxsize=1024)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[^\w'-]+", name) if len(p) > 1 and p not in _TITLES)


# --- loading ---------------------------------------------------------------------------

_Loaded = tuple[ChecksFile, dict[tuple[str | int, ...], tuple[int, int]], str]


def _read(path: Path) -> _Loaded:
    from recovery_cli.documents import build, read_document

    data, positions = read_document(path)
    return build(ChecksFile, data, positions, str(path), "checks file"), positions, str(path)


def _principle_rules(dirs: Sequence[Path]) -> dict[str, str]:
    """Principle id -> its one-line rule; empty when no principles file loads."""
    from recovery_cli.library import Library

    try:
        library = Library(list(dict.fromkeys(dirs)))
        return {key: principle.rule for key, principle in library.principles.items()}
    except RecoveryError:
        return {}


def _build(files: Sequence[_Loaded], principles: dict[str, str]) -> Checker:
    """Merge the files (later ones win by cue name and check id) and compile them."""
    settings: dict[str, tuple[Any, Place]] = {}
    cues: dict[str, tuple[CueSpec, Place]] = {}
    specs: dict[str, tuple[CheckSpec, Place]] = {}
    for model, positions, source in files:
        file = Place(source, positions)
        for key in ("clause_breaks", "sentence_breaks", "quoted_spans"):
            if getattr(model, key) is not None:
                settings[key] = (getattr(model, key), file / key)
        for name, cue in model.cues.items():
            if cue.extend and name in cues:  # earlier patterns keep their own places
                earlier, _ = cues[name]
                cue = cue.model_copy(update={"patterns": [*earlier.patterns, *cue.patterns]})
            cues[name] = (cue, file / "cues" / name / "patterns")
        for index, spec in enumerate(model.checks):
            specs[spec.id] = (spec, file / "checks" / index)
    compiler = Compiler(cues)
    compiler.check_cues()
    problems = compiler.problems
    defaults = {
        "clause_breaks": [_CLAUSES],
        "sentence_breaks": [_SENTENCES],
        "quoted_spans": list(_QUOTES),
    }
    compiled: dict[str, list[re.Pattern[str]]] = {}
    for key, default in defaults.items():
        value, place = settings.get(key, (default, Place("", {}, (key,))))
        compiled[key] = []
        for number, pattern in enumerate([value] if isinstance(value, str) else value):
            try:
                compiled[key].append(re.compile(pattern))
            except re.error as exc:
                where = place.at() if isinstance(value, str) else place.at(number)
                problems.append(Problem(f"{pattern!r} is not a valid regex: {exc}", where, None))
    enabled = [(spec, place) for spec, place in specs.values() if spec.enabled]
    rules = [_rule(spec, place, compiler, principles, set(specs)) for spec, place in enabled]
    phrases = compiler.matcher(
        [
            (index, spec.patterns, place / "patterns")
            for index, (spec, place) in enumerate(enabled)
            if spec.kind == "phrase"
        ]
    )
    if problems:
        raise RecoveryError(f"{len(problems)} problem(s) in the checks", problems=problems)
    examples = tuple(
        (spec.id, Example(text=item) if isinstance(item, str) else item, flag)
        for spec, _ in enabled
        for flag, items in ((True, spec.examples.flag), (False, spec.examples.pass_))
        for item in items
    )
    return Checker(
        tuple(rules),
        compiled["sentence_breaks"][0],
        compiled["clause_breaks"][0],
        tuple(compiled["quoted_spans"]),
        phrases,
        examples,
    )


def _rule(
    spec: CheckSpec, place: Place, compiler: Compiler, principles: dict[str, str], known: set[str]
) -> Rule:
    def cues(names: Sequence[str], field: str) -> tuple[Cue, ...]:
        found = (compiler.cue(name, place.at(field, i)) for i, name in enumerate(names))
        return tuple(cue for cue in found if cue)

    def windows(mapping: dict[str, int], field: str) -> tuple[tuple[Cue, int], ...]:
        pairs = ((compiler.cue(key, place.at(field, key)), n) for key, n in mapping.items())
        return tuple((cue, n) for cue, n in pairs if cue)

    if principles and spec.principle not in principles:
        hint = "known principles: " + ", ".join(sorted(principles))
        message = f"unknown principle `{spec.principle}`"
        compiler.problems.append(Problem(message, place.at("principle"), hint))
    for name in sorted(set(spec.analysis_checks) - known):
        where = place.at("analysis_checks")
        compiler.problems.append(Problem(f"unknown check `{name}`", where, None))
    if spec.kind != "name" and not spec.patterns:
        message = "this check needs `patterns`"
        compiler.problems.append(Problem(message, place.at("patterns"), None))
    return Rule(
        spec.id,
        spec.principle,
        principles.get(spec.principle, spec.description),
        spec.severity,
        spec.message,
        spec.hint,
        spec.kind,
        _own_matcher(spec, compiler, place),
        spec.quotes == "skip",
        windows(spec.unless_before, "unless_before"),
        windows(spec.unless_after, "unless_after"),
        cues(spec.unless_in_sentence, "unless_in_sentence"),
        cues(spec.unless_in_reply, "unless_in_reply"),
        cues(spec.skip, "skip"),
        spec.sentences,
        frozenset(spec.analysis_checks),
    )


def _own_matcher(spec: CheckSpec, compiler: Compiler, place: Place) -> Matcher | None:
    """A check's own matcher: none for phrases (they share one); for an opening check,
    its acknowledgement cues as owner 0 and its analysis patterns as owner 1."""
    if spec.kind == "phrase":
        return None
    if spec.kind == "name":
        return compiler.matcher([(0, spec.patterns, place / "patterns")])
    for number, name in enumerate(spec.acknowledgement):
        compiler.cue(name, place.at("acknowledgement", number))  # reports an unknown name
    acknowledgements = [f"{{{name}}}" for name in spec.acknowledgement if name in compiler.cues]
    return compiler.matcher(
        [(0, acknowledgements, place / "acknowledgement"), (1, spec.patterns, place / "patterns")]
    )


@lru_cache(maxsize=8)
def _configured(folders: str) -> Checker:
    return Checker.load()


def check(text: str, *, name: str | None = None, opening: bool = True) -> list[Finding]:
    """Findings for a reply, using the shipped checks (compiled once per process, cached)."""
    from recovery_cli.library import ENV_VAR

    return _configured(os.environ.get(ENV_VAR, "")).check(text, name=name, opening=opening)
