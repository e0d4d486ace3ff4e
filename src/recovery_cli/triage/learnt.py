"""What labelled messages teach triage: a vote over their words, beside the trainers' triggers.

Triggers are read exactly, so they miss a failure told in words no trainer thought of
("the locker code doesn't work", "got really hot while charging and started to swell").
Labelled messages say which playbook each one needed; a naive Bayes vote over their words
and word pairs (each counted once per message) gives the probability that a new message
belongs with each playbook's examples. `Triage` adds `learnt_points` times that probability
to each playbook's share of the trigger points, so the vote settles close calls and
catches a failure the triggers only half read; it cannot make a playbook from nothing (a
message no trigger reads stays routine).

The counts are built by `learn` from the development sets only (tools/learn_triage.py
writes `playbooks/triage-learnt.json`); a test rebuilds them and compares. Words are folded
and stemmed as triggers are, with no other vocabulary, so editing triggers never makes the
counts stale. Reading is bounded: only the first `READ_CHARS` characters count.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.triage.normalise import TOKEN, fold, stem

LEARNT_FILE = "triage-learnt.json"
READ_CHARS = 20_000
"""As much of a message as triage reads."""
ALPHA = 0.1
"""Smoothing: how much a word never seen with a playbook counts against it."""
MIN_MESSAGES = 2
"""A word (or pair) must occur in this many labelled messages to be kept: one message's
oddities (a name, a product) teach nothing."""
ROUTINE = "routine"


FULL_VOTE = 20
"""Known words and pairs a message needs for its vote to count in full: the few words of a
short message ("the signup page is not working") say too little to overrule a trigger, so
its vote counts in proportion."""


def _words(text: str) -> list[tuple[str, str]]:
    """(stem, word as written) for each word of the message, numbers aside."""
    found = []
    for word in TOKEN.findall(fold(text[:READ_CHARS])):
        if not word.isdigit():
            found.append((stem(word), word))
    return found


def _pairs(words: list[tuple[str, str]]) -> dict[str, str]:
    """Each feature (a stem, or two adjacent stems) with the words it was written as."""
    found = {stemmed: word for stemmed, word in words}
    for (first, said), (second, then) in pairwise(words):
        found.setdefault(f"{first} {second}", f"{said} {then}")
    return found


def features(text: str) -> set[str]:
    """The stemmed words of a message and its adjacent pairs ("locker code"), numbers aside."""
    return set(_pairs(_words(text)))


@dataclass(frozen=True)
class Vote:
    """The learnt probability of each playbook, and how much the message gave to go on."""

    shares: dict[str, float]
    strength: float
    """From 0 to 1: the known words and pairs found, over `FULL_VOTE`."""


@dataclass(frozen=True)
class Learnt:
    """Per playbook (and routine), how many labelled messages, and with which words."""

    messages: dict[str, int]
    """Labelled messages per playbook id ("routine" for routine requests)."""
    counts: dict[str, dict[str, int]]
    """Per word or pair: in how many messages of each playbook it occurs."""
    alpha: float = ALPHA
    _bonus: dict[str, tuple[tuple[str, float], ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _base: dict[str, tuple[float, float]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # log P(word | playbook) = base + bonus: base for an unseen word, plus
        # log((count + alpha) / alpha) where it was seen, so a vote sums only what occurs.
        totals: Counter[str] = Counter()
        for per_playbook in self.counts.values():
            totals.update(per_playbook)
        size = len(self.counts)
        everyone = sum(self.messages.values()) or 1
        for playbook, count in self.messages.items():
            prior = math.log(count / everyone) if count else -math.inf
            base = math.log(self.alpha / (totals[playbook] + self.alpha * size or 1.0))
            self._base[playbook] = (prior, base)
        for word, per_playbook in self.counts.items():
            self._bonus[word] = tuple(
                (playbook, math.log((count + self.alpha) / self.alpha))
                for playbook, count in per_playbook.items()
            )

    def vote(self, text: str) -> Vote:
        """The probability of each playbook (and routine) given the message's words."""
        if not self.messages:
            return Vote({}, 0.0)
        known = [word for word in features(text) if word in self._bonus]
        scores = {
            playbook: prior + base * len(known) for playbook, (prior, base) in self._base.items()
        }
        for word in known:
            for playbook, bonus in self._bonus[word]:
                scores[playbook] += bonus
        top = max(scores.values())
        weights = {playbook: math.exp(score - top) for playbook, score in scores.items()}
        total = sum(weights.values())
        shares = {playbook: weight / total for playbook, weight in weights.items()}
        return Vote(shares, min(1.0, len(known) / FULL_VOTE))

    def telling(
        self, text: str, playbook: str, ignore: frozenset[str] = frozenset(), most: int = 3
    ) -> list[str]:
        """The message's own words that most set `playbook`'s examples apart, for evidence
        (words in `ignore`, and words under three letters, are never shown)."""
        count = self.messages.get(playbook, 0)
        others = sum(self.messages.values()) - count
        if not count:
            return []
        ranked = []
        for word, said in _pairs(_words(text)).items():
            if any(len(part) < 3 or part in ignore for part in said.split()):
                continue
            per_playbook = self.counts.get(word)
            if not per_playbook or playbook not in per_playbook:
                continue
            mine = per_playbook[playbook] / count
            rest = (sum(per_playbook.values()) - per_playbook[playbook]) / max(others, 1)
            ranked.append((rest - mine, said))
        return [said for lead, said in sorted(ranked)[:most] if lead < 0]

    def to_json(self) -> dict[str, object]:
        """As written to `triage-learnt.json` (sorted, so a rebuild compares exactly)."""
        return {
            "alpha": self.alpha,
            "messages": dict(sorted(self.messages.items())),
            "counts": {
                word: dict(sorted(per_playbook.items()))
                for word, per_playbook in sorted(self.counts.items())
            },
        }


def learn(examples: Iterable[tuple[str, str]], alpha: float = ALPHA) -> Learnt:
    """Count the words of labelled messages: (text, playbook id or "routine") pairs."""
    messages: Counter[str] = Counter()
    seen: dict[str, Counter[str]] = {}
    for text, playbook in examples:
        messages[playbook] += 1
        for word in features(text):
            seen.setdefault(word, Counter())[playbook] += 1
    counts = {
        word: dict(per_playbook)
        for word, per_playbook in seen.items()
        if sum(per_playbook.values()) >= MIN_MESSAGES
    }
    return Learnt(dict(messages), counts, alpha)


def load_learnt(path: Path) -> Learnt:
    """Read a `triage-learnt.json`; a broken one is reported, not half used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        messages = _counts(data["messages"])
        counts = {str(word): _counts(per) for word, per in dict(data["counts"]).items()}
        alpha = float(data.get("alpha", ALPHA))
        if not alpha > 0:
            raise ValueError("alpha must be above 0")
    except (OSError, UnicodeDecodeError) as error:
        raise RecoveryError(
            f"cannot read the learnt triage counts: {error}", location=Location(str(path))
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise RecoveryError(
            f"the learnt triage counts are not in the expected shape ({error})",
            location=Location(str(path)),
            hint="rebuild it with tools/learn_triage.py, or delete it to triage by triggers only",
        ) from None
    return Learnt(messages, counts, alpha)


def _counts(data: Mapping[str, object]) -> dict[str, int]:
    found = {}
    for key, value in dict(data).items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{key}: a count must be a whole number")
        found[str(key)] = value
    return found
