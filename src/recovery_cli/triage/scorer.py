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

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from recovery_cli.documents import build, read_document
from recovery_cli.errors import Location, RecoveryError
from recovery_cli.library import TRIAGE_FILE, Library, shipped_dir
from recovery_cli.playbook.models import Playbook, Strict

ROUTINE = "routine"
MAX_CHARS = 20_000
"""Only the start of a message is read: a pasted log must not cost more than a message."""

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_CACHE_LIMIT = 100_000
_LONGEST_WORD = 30  # longer tokens are not words to correct or split


class Vocabulary(Strict):
    """Phrases and words that mark a message as a routine request, not a failure."""

    phrases: list[str] = Field(default_factory=list, description="Multi-word phrases.")
    words: list[str] = Field(default_factory=list, description="Single telling words.")


class TriageSettings(Strict):
    """The contents of `triage.yaml`: what a trainer tunes without touching code."""

    routine: Vocabulary = Field(
        default_factory=Vocabulary, description="What routine requests (no failure) say."
    )
    variants: dict[str, str] = Field(
        default_factory=dict,
        description="A spelling customers use -> the word triggers use, e.g. `refnd: refund`.",
    )
    stop_words: list[str] = Field(
        default_factory=list, description="Words ignored in messages and triggers alike."
    )
    word_points: float = Field(default=1.0, gt=0, description="Points for a matched word.")
    phrase_points: float = Field(default=1.5, gt=0, description="Points per word of a phrase.")
    routine_points: float = Field(default=0.5, gt=0, description="Multiplies routine points.")
    routine_head_start: float = Field(
        default=0.5, ge=0, description="Routine's points before any match: a scenario must beat it."
    )
    phrase_gap: int = Field(default=1, ge=0, le=5, description="Other words among a phrase's.")
    typo_min_length: int = Field(default=5, ge=3, description="Shorter words are not typos.")
    not_typos: list[str] = Field(
        default_factory=list, description="Real words one letter from a trigger word: kept."
    )
    candidates: int = Field(default=3, ge=0, le=20, description="How many runners-up to keep.")

    @field_validator("variants")
    @classmethod
    def _one_word_keys(cls, value: dict[str, str]) -> dict[str, str]:
        for key, target in value.items():
            if len(_TOKEN.findall(_fold(key))) != 1:
                raise ValueError(f"variant `{key}` must be a single word")
            if not _TOKEN.findall(_fold(target)):
                raise ValueError(f"variant `{key}` must map to a word")
        return value


def load_settings(path: Path) -> TriageSettings:
    """Read a `triage.yaml`; every mistake is reported with its line and field."""
    data, positions = read_document(path)
    if data is None:
        return TriageSettings()
    if not isinstance(data, dict):
        raise RecoveryError(
            "triage settings must be a mapping of keys",
            location=Location(str(path), 1, 1),
            hint="start with `routine:`, `variants:` or `stop_words:`",
        )
    return build(TriageSettings, data, positions, str(path), "triage settings file")


def settings_for(library: Library) -> TriageSettings:
    """The last `triage.yaml` among the library's folders wins, as playbooks override."""
    found: Path | None = None
    for folder in library.dirs:
        candidate = folder / TRIAGE_FILE
        if folder.is_dir() and candidate.is_file():
            found = candidate
    return load_settings(found) if found else TriageSettings()


@dataclass(frozen=True)
class TriageResult:
    """The verdict on one message: the scenario (None when routine) and why."""

    scenario: str | None
    category: str
    score: float
    evidence: list[str]
    candidates: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "category": self.category,
            "score": self.score,
            "evidence": list(self.evidence),
            "candidates": [dict(candidate) for candidate in self.candidates],
        }


def _words(texts: Iterable[str]) -> list[str]:
    return [token for text in texts for token in _TOKEN.findall(_fold(text))]


def _fold(text: str) -> str:
    """Lower case, typographic apostrophes made plain, accents removed."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(char for char in text if not unicodedata.combining(char))
    return text


def stem(word: str) -> str:
    """A crude, consistent stem: plural, -ing, -ed, final e and doubled letters go.

    It is applied to triggers and messages alike, so only consistency matters:
    "refunds", "refunded" and "refunding" all become "refund"; "charge" and "charged" "charg".
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("ery"):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by at most one insertion, deletion, change or swap."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if i >= len(a) - 1 or a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


class Normaliser:
    """Turns text into terms: the shared language of messages and triggers."""

    def __init__(self, settings: TriageSettings, vocabulary: Iterable[str] = ()) -> None:
        self.stop = frozenset(_words(settings.stop_words))
        self.variants = {
            _words([spelling])[0]: tuple(_words([meant]))
            for spelling, meant in settings.variants.items()
        }
        self.typo_min_length = settings.typo_min_length
        self.not_typos = frozenset(stem(word) for word in _words(settings.not_typos))
        known: set[str] = set()
        for token in _words(vocabulary):
            known.update(self._plain((token,)))
        self.vocabulary = frozenset(known)
        # What a (mis)spelt word may resolve to: a vocabulary term, or a listed variant.
        self._targets: dict[str, tuple[str, ...]] = {term: (term,) for term in known}
        for spelling in self.variants:
            self._targets.setdefault(stem(spelling), self._plain((spelling,)))
        near: dict[str, set[str]] = {}
        for target in self._targets:
            if len(target) >= self.typo_min_length - 1 and target.isalpha():
                for key in {target, *(target[:i] + target[i + 1 :] for i in range(len(target)))}:
                    near.setdefault(key, set()).add(target)
        self._near = {key: tuple(sorted(found)) for key, found in near.items()}
        self._cache: dict[str, tuple[str, ...]] = {}

    def terms(self, text: str) -> list[str]:
        """The terms of a text, in order; stop words and punctuation dropped."""
        result: list[str] = []
        cache = self._cache
        for token in _TOKEN.findall(_fold(text[:MAX_CHARS])):
            found = cache.get(token)
            if found is None:
                found = self._resolve(token)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[token] = found
            result.extend(found)
        return result

    def _resolve(self, token: str) -> tuple[str, ...]:
        if token in self.variants or token in self.stop:
            return self._plain((token,))
        if token.endswith("'s"):
            token = token[:-2]
        term = stem(token)
        if term in self._targets:
            return self._targets[term]
        if not token.isalpha() or len(token) > _LONGEST_WORD:
            return (term,)
        if len(term) >= self.typo_min_length and term not in self.not_typos:
            fixed = self._typo(term)
            if fixed:
                return self._targets[fixed]
        parts = self._split(token, 3)
        return self._plain(parts) if parts else (term,)

    def _plain(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """Variants and stems applied, stop words dropped; no guessing."""
        return tuple(
            stem(part)
            for token in tokens
            for part in self.variants.get(token, (token,))
            if part not in self.stop
        )

    def _typo(self, term: str) -> str | None:
        """The known term one edit away (same first letter, or its first two swapped)."""
        keys = {term, *(term[:i] + term[i + 1 :] for i in range(len(term)))}
        found = sorted(
            {
                known
                for key in keys
                for known in self._near.get(key, ())
                if (known[0] == term[0] or known[:2] == term[1::-1]) and _one_edit(known, term)
            }
        )
        return found[0] if found else None

    def _known(self, piece: str) -> bool:
        if piece in self.variants or piece in self.stop:
            return True
        return len(piece) >= 3 and stem(piece) in self.vocabulary

    def _split(self, token: str, pieces: int) -> list[str] | None:
        """Run-together words ("cantlogin") split into known words, longest first part."""
        if pieces < 2:
            return None
        for cut in range(len(token) - 1, 0, -1):
            head, tail = token[:cut], token[cut:]
            if not self._known(head):
                continue
            if self._known(tail):
                return [head, tail]
            rest = self._split(tail, pieces - 1)
            if rest:
                return [head, *rest]
        return None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state


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
                {
                    "scenario": self.targets[target][0],
                    "category": self.targets[target][1],
                    "score": round(points[target] / total, 3),
                    "evidence": evidence[target],
                }
                for target in others
            ],
        )


@lru_cache(maxsize=1)
def _shipped() -> Triage:
    return Triage.from_library(Library([shipped_dir()]))


def triage(text: str) -> TriageResult:
    """Classify with the shipped library (compiled on first use, then reused)."""
    return _shipped().classify(text)
