"""Which playbooks exist: the shipped library plus trainers' own folders.

Folders are searched in order: the shipped playbooks, then each `RECOVERY_PLAYBOOKS`
path, then each `--playbooks DIR`. A playbook whose id matches an earlier one overrides
it (and `recovery lint` says so). A folder's `principles.yaml` adds or replaces principles
by id. Files are found by name, so `recovery run ID` parses only the playbook it needs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_cli.errors import Location, Problem, RecoveryError

if TYPE_CHECKING:  # loading imports pydantic: only when a playbook is actually read
    from recovery_cli.playbook.models import Playbook, Principle
    from recovery_cli.playbook.voice import Voice

PRINCIPLES_FILE = "principles.yaml"
CHECKS_FILE = "checks.yaml"
TRIAGE_FILE = "triage.yaml"
ENV_VAR = "RECOVERY_PLAYBOOKS"
TEST_SUFFIXES = (".test.yaml", ".test.yml")
"""A trainer's playbook tests: `<id>.test.yaml` beside or under the playbooks."""
VOICE_FILE = "voice.yaml"
_NOT_PLAYBOOKS = {PRINCIPLES_FILE, CHECKS_FILE, TRIAGE_FILE, VOICE_FILE}


def shipped_dir() -> Path:
    """The playbooks installed with the package (or the checkout's, when run from source)."""
    installed = Path(__file__).resolve().parent / "playbooks"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "playbooks"


def is_test_file(path: Path) -> bool:
    return path.name.endswith(TEST_SUFFIXES)


def is_playbook_file(path: Path) -> bool:
    name = path.name
    if not name.endswith((".yaml", ".yml")) or name in _NOT_PLAYBOOKS:
        return False
    return not is_test_file(path)


def playbook_files(folder: Path) -> list[Path]:
    """Playbook files under a folder (or the file itself), sorted for stable output.

    Only regular files count: a FIFO or a dangling link named like a playbook is not one
    (reading a FIFO would wait for ever)."""
    if folder.is_file():
        return [folder]
    return sorted(
        path for path in folder.rglob("*.y*ml") if is_playbook_file(path) and path.is_file()
    )


def files_named(name: str, dirs: Iterable[Path]) -> list[Path]:
    """`name` (such as checks.yaml) in each folder that has one, in the folders' order."""
    return [folder / name for folder in dirs if folder.is_dir() and (folder / name).is_file()]


def configured_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """Shipped folder, then the environment's folders, then the command line's."""
    from_env = [Path(part) for part in os.environ.get(ENV_VAR, "").split(os.pathsep) if part]
    return [shipped_dir(), *from_env, *extra]


@dataclass
class Library:
    """The active playbook library."""

    dirs: Sequence[Path]
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def configured(cls, extra: Iterable[Path] = ()) -> Library:
        dirs = configured_dirs(extra)
        for folder in dirs[1:]:
            if not folder.exists():
                raise RecoveryError(
                    f"playbook folder {folder} does not exist",
                    location=Location(str(folder)),
                    hint=f"check --playbooks and {ENV_VAR}",
                )
        return cls(dirs)

    @cached_property
    def files(self) -> dict[str, Path]:
        """Playbook id (file name) -> the file that wins."""
        found: dict[str, Path] = {}
        for folder in self.dirs:
            for path in playbook_files(folder):
                found[path.name.rsplit(".", 1)[0]] = path
        return dict(sorted(found.items()))

    def sources(self) -> dict[Path, str]:
        """Every file the library is read from (playbooks, overridden ones too, and each
        folder's settings), with what it is: no output may be written over one."""
        found = {path: "a playbook" for folder in self.dirs for path in playbook_files(folder)}
        for name in (PRINCIPLES_FILE, CHECKS_FILE, TRIAGE_FILE, VOICE_FILE):
            found.update({path: f"the library's {name}" for path in files_named(name, self.dirs)})
        return found

    def principle_files(self) -> list[Path]:
        return files_named(PRINCIPLES_FILE, self.dirs)

    def voice_files(self) -> list[Path]:
        """Each folder's voice.yaml: the team's company name, signer and greeting."""
        return files_named(VOICE_FILE, self.dirs)

    @cached_property
    def voice(self) -> Voice:
        """The team's voice: the library's voice files merged, a later one winning per key."""
        from recovery_cli.playbook.voice import load_voice

        return load_voice(self.voice_files())

    def checks_files(self) -> list[Path]:
        """Each folder's checks.yaml: a later one adds checks or replaces them by id."""
        return files_named(CHECKS_FILE, self.dirs)

    @cached_property
    def principles(self) -> dict[str, Principle]:
        from recovery_cli.playbook.loader import load_principles

        merged: dict[str, Principle] = {}
        for path in self.principle_files():
            for principle in load_principles(path).principles:
                merged[principle.id] = principle
        return merged

    def playbook(self, scenario: str) -> Playbook:
        from recovery_cli.playbook.loader import load_playbook

        path = self.files.get(scenario)
        if path is None:
            known = ", ".join(self.files) or "none"
            raise RecoveryError(
                f"no playbook `{scenario}`",
                hint=f"known playbooks: {known} (see `recovery list`)",
            )
        return load_playbook(path, set(self.principles))

    @cached_property
    def fingerprint(self) -> list[list[object]]:
        """What a cached copy of this library must match: every playbook and principles
        file's path, size and modification time, and the package's version and code (worked
        out once: `recovery list` asks for its summaries, then perhaps the playbooks)."""
        from recovery_cli.playbook.stored import fingerprint

        return fingerprint([*self.files.values(), *self.principle_files()])

    @cached_property
    def _loaded(self) -> list[Playbook]:
        """Every playbook that loads, parsed once; the problems of the rest are collected.

        A library that loaded cleanly before, unchanged since, comes from the cache
        (`playbook.stored`) without reading its YAML again."""
        from recovery_cli.playbook import stored

        key = self.fingerprint
        cached = stored.load(key)
        if cached is not None:
            playbooks, principles = cached
            self.__dict__["principles"] = principles  # what `principles` would have read
            return playbooks
        try:
            self.principles  # noqa: B018 - load (and validate) the principles first
        except RecoveryError as exc:
            self.problems.extend(exc.problems)
            return []
        loaded: list[Playbook] = []
        for scenario in self.files:
            try:
                loaded.append(self.playbook(scenario))
            except RecoveryError as exc:
                self.problems.extend(exc.problems)
        if not self.problems:
            stored.save(key, loaded, self.principles)
        return loaded

    def playbooks(self) -> list[Playbook]:
        """Every playbook that loads; the ones that do not are kept in `problems`.

        The library is read once however often this is asked (batch and triage both ask),
        and a broken principles file is reported once, not once per playbook.
        """
        return list(self._loaded)
