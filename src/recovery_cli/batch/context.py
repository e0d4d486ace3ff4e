"""Everything a batch row needs, loaded and compiled once per run and once per worker.

A `BatchContext` holds the playbooks with their compiled plans, a compiled `Triage`, a
compiled principle `Checker`, the team's voice and the run's options. It is picklable, so
worker processes and cluster workers receive it whole; `draft_row` needs nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from recovery_cli.batch.plan import Plan
from recovery_cli.batch.presets import Preset
from recovery_cli.batch.record import Finding
from recovery_cli.errors import RecoveryError
from recovery_cli.listen import Meanings
from recovery_cli.playbook import render
from recovery_cli.playbook.inputs import STANDARD_INPUTS, effective_inputs
from recovery_cli.playbook.models import Input, Playbook
from recovery_cli.playbook.voice import Voice
from recovery_cli.text import shorten

_WARM_UP = "My sofa still hasn't arrived, order 4410. I drive for a delivery app. Priya"
"""A message that runs every part of the reading a row runs, once. A row is read without
the learnt guesses (a batch could not use them), so their weights are never loaded."""

if TYPE_CHECKING:
    from recovery_cli.library import Library
    from recovery_cli.triage import Triage

RESERVED = ("id", "scenario")
"""Columns with a meaning of their own: the row's id (carried) and its scenario."""


class ReplyChecker(Protocol):
    def check(self, text: str, *, name: str | None = None) -> Sequence[Finding]: ...


@dataclass
class BatchContext:
    """Everything `draft_row` needs, built once per run and once per worker process.

    `mapping` renames input columns (column -> input name); `scenario` forces one
    playbook for every row; `text_column` is what triage reads when a row names no
    scenario. `triage` may be None when `scenario` is set.
    """

    playbooks: dict[str, Playbook]
    checker: ReplyChecker
    triage: Triage | None = None
    scenario: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    text_column: str = "message"
    voice: Voice = field(default_factory=Voice)
    agent: str | None = None
    preset: Preset | None = None
    keep: list[str] = field(default_factory=list)
    """Columns (or JSON paths) carried into each record unchanged, for re-import."""
    specs: dict[str, list[Input]] = field(init=False, repr=False)
    plans: dict[str, Plan] = field(init=False, repr=False)
    meanings: dict[str, Meanings] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Merging input specs is pydantic work and plans compile templates: once, not per row.
        self.specs = {key: effective_inputs(book) for key, book in self.playbooks.items()}
        self.plans = {key: Plan(book, self.voice) for key, book in self.playbooks.items()}
        self.meanings = {key: Meanings.of(specs) for key, specs in self.specs.items()}

    @classmethod
    def from_library(
        cls,
        library: Library,
        *,
        scenario: str | None = None,
        mapping: Mapping[str, str] | None = None,
        text_column: str = "message",
        agent: str | None = None,
        preset: Preset | None = None,
        keep: Sequence[str] = (),
    ) -> BatchContext:
        """Load and compile a library for a batch; a broken playbook stops it here."""
        from recovery_cli.checks import Checker
        from recovery_cli.triage import Triage

        # The library's folders, --playbooks included, may each extend the checks.
        checks = library.checks_files()

        if scenario is not None:
            playbooks = {scenario: library.playbook(scenario)}
            triage = None
        else:
            loaded = library.playbooks()
            if library.problems:
                raise RecoveryError(
                    "some playbooks do not load; fix them or leave their folder out",
                    problems=library.problems,
                )
            playbooks = {playbook.id: playbook for playbook in loaded}
            triage = Triage.from_library(library)
        context = cls(
            playbooks=playbooks,
            checker=Checker.load(checks or None),
            triage=triage,
            scenario=scenario,
            mapping=dict(mapping or {}),
            text_column=text_column,
            voice=library.voice,
            agent=agent,
            preset=preset,
            keep=list(dict.fromkeys([*(preset.keep if preset else []), *keep])),
        )
        context.check_mapping()
        return context

    def input_names(self) -> set[str]:
        """Every name a column may map to: standard inputs, declared inputs, question ids."""
        names = set(STANDARD_INPUTS) | set(RESERVED)
        for scenario, playbook in self.playbooks.items():
            names.update(spec.name for spec in self.specs[scenario])
            names.update(question.id for question in playbook.questions())
        return names

    def check_mapping(self) -> None:
        known = self.input_names()
        for column, name in self.mapping.items():
            if name not in known:
                raise RecoveryError(
                    f"--map {shorten(column)}={shorten(name)}: "
                    f"no playbook has an input called `{shorten(name)}`",
                    hint="map to one of: " + ", ".join(sorted(known)),
                )

    def check_columns(self, columns: Sequence[str] | None) -> None:
        """Mistakes the first line reveals before any row is drafted: a `--map` or
        `--keep` naming what the input does not have, no message to read. For JSON lines,
        `columns` are the first row's fields."""
        if not columns:  # an empty file has no rows
            return
        lowered = {column.lower() for column in columns}

        def has(path: str) -> bool:
            return path.lower() in lowered or path.split(".")[0].split("[")[0].lower() in lowered

        for option, paths in (("--map", list(self.mapping)), ("--keep", self.keep)):
            for path in paths:
                if not has(path):
                    raise RecoveryError(
                        f"{option} names `{shorten(path)}`, which the input does not have",
                        hint="the input has: " + ", ".join(columns),
                    )
        named = lowered | {name.lower() for name in self.mapping.values()}
        if self.preset is not None:
            named |= set(self.preset.inputs)
        text = self.text_column.lower()
        if self.scenario is None and "scenario" not in named and text not in named:
            raise RecoveryError(
                f"the input has no `scenario` column and no `{self.text_column}` column to triage",
                hint="give --scenario ID, --preset for your help desk, or --text-column with "
                "the column holding the message",
            )

    def fingerprint(self) -> dict[str, object]:
        """What a checkpoint must match to resume: the playbooks' content and the options."""
        playbooks = {
            key: hashlib.sha256(playbook.model_dump_json().encode()).hexdigest()
            for key, playbook in sorted(self.playbooks.items())
        }
        return {
            "playbooks": playbooks,
            "scenario": self.scenario,
            "mapping": self.mapping,
            "text_column": self.text_column,
            "voice": self.voice.model_dump(),
            "agent": self.agent,
            "preset": self.preset.model_dump() if self.preset else None,
            "keep": self.keep,
        }

    def warm(self) -> None:
        """Compile every template, and read one message (which builds the reading's key index
        and loads its learnt counts), so the first rows are not slower than the rest and
        forked workers share all of it instead of each building a copy."""
        from recovery_cli.listen import read

        read(_WARM_UP, self.triage, guesses=False)  # as every row is read: no guesses
        for playbook in self.playbooks.values():
            for step in playbook.steps:
                for text in step.suggestions[:1]:
                    render.syntax_problem(text)
            for template in (playbook.draft.opening, playbook.draft.closing):
                if template:
                    render.syntax_problem(template)
