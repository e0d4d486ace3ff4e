"""Triage: which recovery playbook fits a customer's message, and why.

A small scorer a trainer can read and tune, not a model to download. Each playbook's
`triggers` (phrases and words) and the routine-request vocabulary of `triage.yaml` earn
points when they occur in a message; the playbook with the most points wins unless the
routine vocabulary (plus a fixed head start) has at least as many, in which case the message
reads as a routine request. Messages and triggers pass through the same normaliser (lower
case, no accents or punctuation, a variant table, light stemming, one-edit typo correction
and splitting of run-together words), so "CANT LOGIN", "cantlogin" and "can't log in" meet
the same trigger. Everything is compiled once; `classify` tokenises a message once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from recovery_cli.errors import RecoveryError
from recovery_cli.library import Library, shipped_dir
from recovery_cli.playbook.models import Playbook
from recovery_cli.triage.normalise import Normaliser
from recovery_cli.triage.settings import TriageSettings, settings_for

ROUTINE = "routine"


@dataclass(frozen=True)
class Candidate:
    """A playbook (None: routine) with its share of the points and the triggers it matched."""

    scenario: str | None
    category: str
    score: float
    evidence: list[str]

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {
            "scenario": self.scenario,
            "category": self.category,
            "score": self.score,
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class TriageResult(Candidate):
    """The verdict on one message: the scenario (None when routine), why, and the runners-up."""

    candidates: list[Candidate] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data: the verdict's fields, then `candidates`."""
        return {**super().to_json(), "candidates": [c.to_json() for c in self.candidates]}


def _near(terms: list[str], position: int, rest: tuple[str, ...], gap: int) -> bool:
    """Whether every term of `rest` occurs close to `terms[position]`, in any order.

    Customers say "refund status" and "status of my refund", "payment problem" and
    "problem with my payment": a phrase matches when its words fall within its own length
    plus `gap` other words of each other.
    """
    if not rest:
        return True
    reach = len(rest) + gap
    window = terms[max(0, position - reach) : position + reach + 1]
    return all(term in window for term in rest)


@dataclass(frozen=True)
class _Rule:
    target: int  # 0 is routine; 1.. are the playbooks in order
    points: float
    evidence: str


class Triage:
    """A compiled scorer for one library: build once, classify many messages."""

    def __init__(self, playbooks: Sequence[Playbook], settings: TriageSettings) -> None:
        self.settings = settings
        self.targets: list[tuple[str | None, str]] = [(None, ROUTINE)]
        self.targets += [(playbook.id, playbook.category) for playbook in playbooks]
        sources: list[tuple[int, list[str], list[str]]] = [
            (0, settings.routine.phrases, settings.routine.words)
        ]
        for number, playbook in enumerate(playbooks, start=1):
            sources.append((number, playbook.triggers.phrases, playbook.triggers.words))
        self.normaliser = Normaliser(
            settings, (text for _, phrases, words in sources for text in (*phrases, *words))
        )
        self.rules: list[_Rule] = []
        self.index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        seen: set[tuple[int, tuple[str, ...]]] = set()
        for target, phrases, words in sources:
            scale = settings.routine_points if target == 0 else 1.0
            for text in (*words, *phrases):  # words first: a phrase that says no more loses
                terms = tuple(self.normaliser.terms(text))
                if not terms or (target, terms) in seen:
                    continue
                seen.add((target, terms))
                each = (
                    settings.phrase_points * len(terms) if len(terms) > 1 else settings.word_points
                )
                self.index.setdefault(terms[0], []).append((terms[1:], len(self.rules)))
                self.rules.append(_Rule(target, each * scale, text))

    @classmethod
    def from_library(cls, library: Library) -> Triage:
        """Compile the library's loadable playbooks and its `triage.yaml` settings."""
        playbooks = library.playbooks()
        if not playbooks:
            raise RecoveryError(
                "no playbooks to triage against",
                hint="check --playbooks and the problems above",
            )
        return cls(playbooks, settings_for(library))

    def points(self, text: str) -> tuple[list[float], list[list[str]]]:
        """Points and matched triggers per target (routine first), before any decision."""
        terms = self.normaliser.terms(text)
        fired: list[int] = []
        gap = self.settings.phrase_gap
        for position, term in enumerate(terms):
            for rest, rule in self.index.get(term, ()):
                if rule not in fired and _near(terms, position, rest, gap):
                    fired.append(rule)
        points = [0.0] * len(self.targets)
        evidence: list[list[str]] = [[] for _ in self.targets]
        for number in fired:
            hit = self.rules[number]
            points[hit.target] += hit.points
            evidence[hit.target].append(hit.evidence)
        return points, evidence

    def classify(self, text: str) -> TriageResult:
        """The best playbook for a message, or routine when none beats the routine score."""
        points, evidence = self.points(text)
        points[0] += self.settings.routine_head_start
        total = sum(points) or 1.0
        ranked = sorted(range(1, len(points)), key=lambda target: -points[target])
        winner = ranked[0] if ranked and points[ranked[0]] > points[0] else 0
        others = sorted(
            (target for target, found in enumerate(evidence) if found and target != winner),
            key=lambda target: -points[target],
        )[: self.settings.candidates]
        scenario, category = self.targets[winner]
        return TriageResult(
            scenario=scenario,
            category=category,
            score=round(points[winner] / total, 3),
            evidence=evidence[winner],
            candidates=[
                Candidate(
                    self.targets[target][0],
                    self.targets[target][1],
                    round(points[target] / total, 3),
                    evidence[target],
                )
                for target in others
            ],
        )


@lru_cache(maxsize=1)
def _shipped() -> Triage:
    return Triage.from_library(Library([shipped_dir()]))


def triage(text: str) -> TriageResult:
    """Classify with the shipped library (compiled on first use, then reused)."""
    return _shipped().classify(text)
