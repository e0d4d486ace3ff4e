"""Validating or linting many files at once: in parallel, and with the library in view.

A trainers' repository may hold hundreds of playbooks and a CI job checks them all on
every push, so files are checked on every core when there are many (each file is
independent; only the results are gathered). Findings that need the whole set, such as
one playbook overriding another with the same id, are added at the end.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from recovery_cli.errors import Location, Problem
from recovery_cli.library import Library, playbook_files, shipped_dir
from recovery_cli.lint import Checker, lint_playbook, principle_checker
from recovery_cli.lint.cache import Cache
from recovery_cli.lint.validate import (
    Kind,
    check_file,
    discover,
    kind_of,
    library_files,
    principle_ids,
)

PARALLEL_FROM = 48
"""Below this many files, starting workers costs more than it saves."""


@dataclass
class Result:
    """One file's findings, and what the library-wide checks need to know of it."""

    path: Path
    kind: Kind
    scenario: str | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Report:
    files: int
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(problem.severity == "error" for problem in self.problems)


def check_many(paths: Sequence[Path], library: Library | None, *, lint: bool) -> Report:
    """Validate (and, with `lint`, lint) files and folders, or the library when none given."""
    files = discover(paths) if paths else (library_files(library) if library else [])
    known = principle_ids(files, library)
    from recovery_cli.lint.cache import fingerprint

    cache = Cache.open(fingerprint(lint, known, library.dirs if library else []))
    results = _map(files, known, lint, cache)
    problems = [problem for result in results for problem in result.problems]
    if lint:
        problems.extend(_overrides(results, library))
    problems.sort(key=_order)
    return Report(len(files), problems)


_CHECKER: list[Checker | None] = []
"""The principle checker, loaded once per process (and inherited by forked workers)."""


def _checker() -> Checker | None:
    if not _CHECKER:
        _CHECKER.append(principle_checker())
    return _CHECKER[0]


def _one(path: Path, known: set[str] | None, lint: bool, cache: Cache | None) -> Result:
    raw: bytes | None = None
    if cache is not None:
        try:
            raw = path.read_bytes()
        except OSError:
            raw = None
        remembered = cache.get(path, raw) if raw is not None else None
        if remembered is not None:
            return Result(path, kind_of(path) or "playbook", *remembered)
    checked = check_file(path, known)
    result = Result(path, checked.kind, None, list(checked.problems))
    if checked.playbook is not None:
        result.scenario = checked.playbook.id
        if lint:
            result.problems.extend(lint_playbook(checked, _checker()))
    if cache is not None and raw is not None:
        cache.put(path, raw, result.scenario, result.problems)
    return result


def _map(
    files: list[Path], known: set[str] | None, lint: bool, cache: Cache | None
) -> list[Result]:
    """Check each file, on several processes when there are many files and cores."""
    work = partial(_one, known=known, lint=lint, cache=cache)
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [work(path) for path in files]
    if "fork" not in multiprocessing.get_all_start_methods():
        return [work(path) for path in files]
    if lint:
        _checker()  # loaded once, inherited by workers
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(work, files, chunksize=chunk))


def _order(problem: Problem) -> tuple[str, int, int]:
    where = problem.location
    return (where.file or "", where.line or 0, where.column or 0)


def _overrides(results: Sequence[Result], library: Library | None) -> Iterator[Problem]:
    """Playbooks that replace an earlier one with the same id: allowed, worth knowing.

    Earlier means earlier in the library's order (shipped, RECOVERY_PLAYBOOKS, then
    --playbooks), then the files named on the command line in the order given.
    """
    order: list[Path] = []
    if library is not None:
        for folder in library.dirs:
            if folder.exists():
                order.extend(path.resolve() for path in playbook_files(folder))
    order.extend(result.path.resolve() for result in results if result.kind == "playbook")
    first: dict[str, Path] = {}
    for path in order:
        first.setdefault(_stem(path), path)
    shipped = shipped_dir().resolve()
    for result in results:
        if result.scenario is None:
            continue
        original = first.get(_stem(result.path))
        if original is None or original == result.path.resolve():
            continue
        what = "shipped playbook" if original.is_relative_to(shipped) else "playbook"
        yield Problem(
            f"overrides the {what} `{_stem(result.path)}` in {original}",
            Location(str(result.path), 1, 1),
            "intended when you adapt a shipped playbook; otherwise choose another id",
            "override",
            "info",
        )


def _stem(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]
