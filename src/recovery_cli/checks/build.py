"""Loading checks files and compiling them into a `Checker`.

The shipped `checks.yaml` and any a trainer adds are merged (a later file adds checks, or
replaces a check by id and a cue by name), validated with every problem located, and
compiled: cues expanded, patterns filed by their first words, the context rules of each
check bound to compiled cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from recovery_cli.checks.checker import Checker, Rule
from recovery_cli.checks.compiler import Compiler, Cue, backtracking
from recovery_cli.checks.models import ChecksFile, CheckSpec, CueSpec, Example
from recovery_cli.checks.patterns import Matcher
from recovery_cli.checks.reply import CLAUSES, QUOTES, SENTENCES
from recovery_cli.checks.vetted import Vetted
from recovery_cli.documents import Place, build, read_document
from recovery_cli.errors import Problem, RecoveryError


def build_checker(paths: Sequence[Path], principle_dirs: Sequence[Path]) -> Checker:
    """The checks in `paths`, merged in order and compiled, with the principles' rules."""
    rules = _principle_rules(principle_dirs)
    return _build([_read(path) for path in paths], rules)


_Loaded = tuple[ChecksFile, dict[tuple[str | int, ...], tuple[int, int]], str]


def _read(path: Path) -> _Loaded:
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
    vetted = Vetted.from_cache()
    compiler = Compiler(cues, vetted)
    compiler.check_cues()
    problems = compiler.problems
    defaults = {
        "clause_breaks": [CLAUSES],
        "sentence_breaks": [SENTENCES],
        "quoted_spans": list(QUOTES),
    }
    compiled: dict[str, list[re.Pattern[str]]] = {}
    for key, default in defaults.items():
        value, place = settings.get(key, (default, Place("", {}, (key,))))
        compiled[key] = []
        for number, pattern in enumerate([value] if isinstance(value, str) else value):
            where = place.at() if isinstance(value, str) else place.at(number)
            try:
                compiled[key].append(re.compile(pattern))
            except re.error as exc:
                problems.append(Problem(f"{pattern!r} is not a valid regex: {exc}", where, None))
                continue
            wrong = backtracking(pattern) if pattern not in default else None
            if wrong is not None:
                problems.append(Problem(wrong[0], where, wrong[1]))
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
    vetted.save()
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
