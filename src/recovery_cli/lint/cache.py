"""Remembering each file's findings, so a second lint of a large library takes a moment.

Like ruff's or mypy's cache: a file whose bytes, name and surroundings have not changed
gives the same findings, so they are read back instead of worked out again. An entry is
keyed on the file's name and content; the folder it lives in is keyed on everything else
a finding depends on: this package's code, the principle ids known, the principles and
checks files of the library, and the `RECOVERY_*` settings. Findings that span files
(overrides) are never cached. The cache is an optimisation only: any trouble reading or
writing it is ignored, and `RECOVERY_CACHE=0` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.files import atomic_write
from recovery_cli.paths import cache_dir, code_marks

KEEP = 4
"""How many generations (different libraries or versions) to keep side by side."""


def fingerprint(lint: bool, known: set[str] | None, library_dirs: Iterable[Path]) -> str:
    """Everything besides the file itself that its findings depend on."""
    digest = hashlib.sha256(b"recovery-lint-cache-1\0" + (b"lint" if lint else b"validate"))
    for mark in code_marks():  # the whole recovery_cli package
        digest.update(f"{mark}\0".encode())
    digest.update(("\0".join(sorted(known)) if known is not None else "\0none").encode())
    for folder in library_dirs:
        for name in ("principles.yaml", "checks.yaml"):
            path = folder / name
            if path.is_file():
                digest.update(str(path).encode() + b"\0" + path.read_bytes())
    for key, value in sorted(os.environ.items()):
        if key.startswith("RECOVERY_") and key not in {"RECOVERY_HOME", "RECOVERY_CACHE"}:
            digest.update(f"{key}={value}\0".encode())
    return digest.hexdigest()[:24]


class Cache:
    """One generation of cached findings."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def open(cls, key: str) -> Cache | None:
        root = cache_dir()
        if root is None:
            return None
        folder = root / "lint" / key
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.utime(folder)
            _prune(folder.parent, keep=KEEP)
        except OSError:
            return None
        return cls(folder)

    def _entry(self, path: Path, raw: bytes) -> Path:
        name = hashlib.sha256(path.name.encode() + b"\0" + raw).hexdigest()[:32]
        return self.folder / f"{name}.json"

    def get(self, path: Path, raw: bytes) -> tuple[str | None, list[Problem]] | None:
        """(playbook id or None, findings) as last computed, or None when unknown."""
        try:
            data = json.loads(self._entry(path, raw).read_text(encoding="utf-8"))
            problems = [_problem(item, str(path)) for item in data["problems"]]
            return data["scenario"], problems
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, path: Path, raw: bytes, scenario: str | None, problems: list[Problem]) -> None:
        source = str(path)
        data = {"scenario": scenario, "problems": [_plain(p, source) for p in problems]}
        with contextlib.suppress(RecoveryError):  # a cache that cannot be written costs speed
            atomic_write(
                self._entry(path, raw), json.dumps(data, ensure_ascii=False), durable=False
            )


def _plain(problem: Problem, source: str) -> dict[str, object]:
    data = problem.to_json()
    if data["file"] == source:
        data["file"] = None  # the file itself, wherever it is next time
    return data


def _problem(data: dict[str, object], source: str) -> Problem:
    def number(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) else None

    file = data.get("file")
    where = Location(
        file if isinstance(file, str) else source,
        number("line"),
        number("column"),
        str(data["field"]) if data.get("field") is not None else None,
    )
    hint = data.get("hint")
    severity = str(data["severity"])
    if severity not in {"error", "warning", "info"}:
        raise ValueError(severity)
    return Problem(
        str(data["message"]),
        where,
        str(hint) if hint is not None else None,
        str(data["rule"]),
        severity,  # type: ignore[arg-type]
    )


def _prune(root: Path, keep: int) -> None:
    """Remove all but the `keep` most recently used generations."""
    generations = sorted(
        (entry for entry in root.iterdir() if entry.is_dir()),
        key=lambda entry: entry.stat().st_mtime,
        reverse=True,
    )
    for old in generations[keep:]:
        shutil.rmtree(old, ignore_errors=True)
