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
from functools import lru_cache
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
MOST_MESSAGES = 0.1
"""A word (or pair) in more than this share of the labelled messages is left out: "the",
"and", "order" or "hi" say little about which playbook a message needs, and, said by every
playbook's examples, they would cost the most to count."""
ROUTINE = "routine"


FULL_VOTE = 20
"""Known words and pairs a message needs for its vote to count in full: the few words of a
short message ("the signup page is not working") say too little to overrule a trigger, so
its vote counts in proportion."""


_stem = lru_cache(maxsize=1 << 16)(stem)
"""`stem`, remembered: the same few thousand words make up most messages."""


def _words(text: str) -> list[tuple[str, str]]:
    """(stem, word as written) for each word of the message, numbers aside."""
    return [
        (_stem(word), word) for word in TOKEN.findall(fold(text[:READ_CHARS])) if not word.isdigit()
    ]


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
    words: dict[str, str] = field(default_factory=dict)
    """The known words and pairs found, each as the message wrote it."""


@dataclass(frozen=True)
class Learnt:
    """Per playbook (and routine), how many labelled messages, and with which words."""

    messages: dict[str, int]
    """Labelled messages per playbook id ("routine" for routine requests)."""
    counts: dict[str, dict[str, int]]
    """Per word or pair: in how many messages of each playbook it occurs."""
    alpha: float = ALPHA
    _names: list[str] = field(init=False, repr=False, compare=False, default_factory=list)
    _priors: list[float] = field(init=False, repr=False, compare=False, default_factory=list)
    _bases: list[float] = field(init=False, repr=False, compare=False, default_factory=list)
    _bonus: dict[str, tuple[tuple[int, float], ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _seen: dict[str, int] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        # log P(word | playbook) = base + bonus: base for an unseen word, plus
        # log((count + alpha) / alpha) where it was seen, so a vote sums only what occurs.
        totals: Counter[str] = Counter()
        for per_playbook in self.counts.values():
            totals.update(per_playbook)
        size = len(self.counts)
        everyone = sum(self.messages.values()) or 1
        number = {}
        for playbook, count in self.messages.items():
            number[playbook] = len(self._names)
            self._names.append(playbook)
            self._priors.append(math.log(count / everyone) if count else -math.inf)
            self._bases.append(math.log(self.alpha / (totals[playbook] + self.alpha * size or 1.0)))
        for word, per_playbook in self.counts.items():
            self._bonus[word] = tuple(
                (number[playbook], math.log((count + self.alpha) / self.alpha))
                for playbook, count in per_playbook.items()
                if playbook in number
            )
            self._seen[word] = sum(per_playbook.values())

    def vote(self, text: str) -> Vote:
        """The probability of each playbook (and routine) given the message's words."""
        if not self.messages:
            return Vote({}, 0.0)
        bonuses = self._bonus
        known = {word: said for word, said in _pairs(_words(text)).items() if word in bonuses}
        found = len(known)
        scores = [
            prior + base * found for prior, base in zip(self._priors, self._bases, strict=True)
        ]
        for word in known:
            for number, bonus in bonuses[word]:
                scores[number] += bonus
        top = max(scores)
        weights = [math.exp(score - top) for score in scores]
        total = sum(weights)
        shares = {name: weight / total for name, weight in zip(self._names, weights, strict=True)}
        return Vote(shares, min(1.0, found / FULL_VOTE), known)

    def telling(
        self, vote: Vote, playbook: str, ignore: frozenset[str] = frozenset(), most: int = 3
    ) -> list[str]:
        """The message's own words that most set `playbook`'s examples apart, for evidence
        (words in `ignore`, and words under three letters, are never shown)."""
        count = self.messages.get(playbook, 0)
        others = max(sum(self.messages.values()) - count, 1)
        if not count:
            return []
        ranked = []
        for word, said in vote.words.items():
            mine = self.counts[word].get(playbook, 0)
            lead = (self._seen[word] - mine) / others - mine / count
            if lead < 0:
                ranked.append((lead, said))
        ranked.sort()
        shown = [
            said
            for _, said in ranked
            if all(len(part) > 2 and part not in ignore for part in said.split())
        ]
        return shown[:most]

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


def learn(
    examples: Iterable[tuple[str, str]], alpha: float = ALPHA, most: float = MOST_MESSAGES
) -> Learnt:
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
        if MIN_MESSAGES <= sum(per_playbook.values()) <= most * sum(messages.values())
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
