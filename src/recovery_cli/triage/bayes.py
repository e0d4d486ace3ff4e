"""A naive Bayes vote over a text's words: which of a few labels its words most resemble.

Hand-written rules read exactly what their authors thought of; labelled examples know how
things are usually written. `learn` counts, per label, in how many examples each word and
each pair of adjacent words occurs (folded and stemmed as triage's triggers are, numbers
left out); `Learnt.vote` gives the probability of each label for a new text. Triage uses
it to weigh playbooks (`scorer`), and listen to find what is at stake when no rule
reads it (`listen.likely`). Counts are plain JSON a reviewer can read, built from the
development sets only by tools/learn.py, and a test rebuilds them. Reading is bounded:
only the first `READ_CHARS` characters count.
"""

from __future__ import annotations

import json
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import InitVar, dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.triage.normalise import TOKEN, fold, stem

READ_CHARS = 20_000
"""As much of a text as is read (as much as triage reads)."""
ALPHA = 0.1
"""Smoothing: how much a word never seen with a label counts against it."""
MIN_MESSAGES = 3
"""A word (or pair) must occur in this many examples to be kept: one example's oddities (a
name, a product) teach nothing."""
MOST_MESSAGES = 0.1
"""A word (or pair) in more than this share of the examples is left out: "the", "and",
"order" or "hi" say little about which label fits, and, in every label's examples, they
would cost the most to count."""


FULL_VOTE = 20
"""Known words and pairs a text needs for its vote to count in full (`Vote.strength`): the
few words of a short message ("the signup page is not working") say little."""


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
    """The learnt probability of each label, and how much the text gave to go on."""

    shares: dict[str, float]
    strength: float
    """From 0 to 1: the known words and pairs found, over `FULL_VOTE`."""
    words: dict[str, str] = field(default_factory=dict)
    """The known words and pairs found, each as the message wrote it."""


@dataclass(frozen=True)
class Learnt:
    """Per label, how many examples, and with which words.

    The counts are kept in two flat arrays (a row of one number per label for each word, at
    the word's offset): the log-probabilities a vote sums, and the counts themselves. Each
    array is one object, so worker processes forked from the parent share its pages rather
    than copying thousands of small ones as they read them.
    """

    messages: dict[str, int]
    """Examples per label (for triage, a playbook id or "routine")."""
    counts: InitVar[Mapping[str, Mapping[str, int]]]
    """Per word or pair: in how many examples of each label it occurs."""
    alpha: float = ALPHA
    _names: list[str] = field(init=False, repr=False, default_factory=list)
    _priors: list[float] = field(init=False, repr=False, default_factory=list)
    _offsets: dict[str, int] = field(init=False, repr=False, default_factory=dict)
    _logs: array[float] = field(init=False, repr=False, default_factory=lambda: array("d"))
    _tally: array[int] = field(init=False, repr=False, default_factory=lambda: array("H"))
    """Each word's count per label, in two bytes (no label has 65,535 examples)."""
    _heads: set[str] = field(init=False, repr=False, compare=False, default_factory=set)

    def __post_init__(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        # Each counted word's row holds log P(word | label) for every label, so a vote is a
        # column sum over the rows of the words a text has (done in C by `zip` and `sum`).
        totals: Counter[str] = Counter()
        for per_label in counts.values():
            totals.update(per_label)
        size = len(counts)
        everyone = sum(self.messages.values()) or 1
        number: dict[str, int] = {}
        bases = []
        for label, count in self.messages.items():
            number[label] = len(self._names)
            self._names.append(label)
            self._priors.append(math.log(count / everyone) if count else -math.inf)
            bases.append(math.log(self.alpha / (totals[label] + self.alpha * size or 1.0)))
        width = len(self._names)
        for word, per_label in counts.items():
            row = array("d", bases)
            tally = array("H", [0]) * width
            for label, count in per_label.items():
                if label in number:
                    row[number[label]] += math.log((count + self.alpha) / self.alpha)
                    tally[number[label]] = min(count, 0xFFFF)
            self._offsets[word] = len(self._logs)
            self._logs.extend(row)
            self._tally.extend(tally)
            if " " in word:
                self._heads.add(word.split(" ", 1)[0])

    def _rows(self, words: Iterable[str]) -> Iterator[memoryview]:
        """Each word's row of log-probabilities, without copying it."""
        view, offsets, width = memoryview(self._logs), self._offsets, len(self._names)
        for word in words:
            at = offsets[word]
            yield view[at : at + width]

    def vote(self, text: str, temperature: float = 1.0) -> Vote:
        """The probability of each label given the text's words; a `temperature` above 1
        tempers naive Bayes's certainty (it multiplies the evidence of words that are not
        independent, so its probabilities run to 0 and 1)."""
        if not self.messages:
            return Vote({}, 0.0)
        known = self._known(_words(text))
        found = len(known)
        scores = list(map(sum, zip(self._priors, *self._rows(known), strict=True)))
        top = max(scores)
        weights = [math.exp((score - top) / temperature) for score in scores]
        total = sum(weights)
        shares = {name: weight / total for name, weight in zip(self._names, weights, strict=True)}
        return Vote(shares, min(1.0, found / FULL_VOTE), known)

    def _known(self, words: list[tuple[str, str]]) -> dict[str, str]:
        """The words and pairs of a text that have counts, each as the text wrote it (a pair
        is only built where its first word begins some counted pair)."""
        offsets, heads = self._offsets, self._heads
        known = {stemmed: said for stemmed, said in words if stemmed in offsets}
        for (first, said), (second, then) in pairwise(words):
            if first in heads:
                pair = f"{first} {second}"
                if pair in offsets and pair not in known:
                    known[pair] = f"{said} {then}"
        return known

    def telling(
        self, vote: Vote, label: str, ignore: frozenset[str] = frozenset(), most: int = 3
    ) -> list[str]:
        """The text's own words that most set `label`'s examples apart, for evidence
        (words in `ignore`, and words under three letters, are never shown)."""
        count = self.messages.get(label, 0)
        others = max(sum(self.messages.values()) - count, 1)
        if not count:
            return []
        column, width = self._names.index(label), len(self._names)
        ranked = []
        for word, said in vote.words.items():
            at = self._offsets[word]
            mine = self._tally[at + column]
            seen = sum(self._tally[at : at + width])
            lead = (seen - mine) / others - mine / count
            if lead < 0:
                ranked.append((lead, said))
        ranked.sort()
        shown = [
            said
            for _, said in ranked
            if all(len(part) > 2 and part not in ignore for part in said.split())
        ]
        return shown[:most]

    def counted(self) -> dict[str, dict[str, int]]:
        """Per word or pair, the labels it occurs with and how often (as `learn` counted)."""
        names, width = self._names, len(self._names)
        return {
            word: {
                names[column]: self._tally[at + column]
                for column in range(width)
                if self._tally[at + column]
            }
            for word, at in self._offsets.items()
        }

    def to_json(self) -> dict[str, object]:
        """As written to a counts file (sorted, so a rebuild compares exactly)."""
        return {
            "alpha": self.alpha,
            "messages": dict(sorted(self.messages.items())),
            "counts": {
                word: dict(sorted(per_label.items()))
                for word, per_label in sorted(self.counted().items())
            },
        }


def learn(
    examples: Iterable[tuple[str, str]], alpha: float = ALPHA, most: float = MOST_MESSAGES
) -> Learnt:
    """Count the words of labelled examples: (text, label) pairs."""
    messages: Counter[str] = Counter()
    seen: dict[str, Counter[str]] = {}
    for text, label in examples:
        messages[label] += 1
        for word in features(text):
            seen.setdefault(word, Counter())[label] += 1
    counts = {
        word: dict(per_label)
        for word, per_label in seen.items()
        if MIN_MESSAGES <= sum(per_label.values()) <= most * sum(messages.values())
    }
    return Learnt(dict(messages), counts, alpha)


def load_learnt(path: Path, rebuild: str = "rebuild it with tools/learn.py") -> Learnt:
    """Read learnt counts; a broken file is reported, not half used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        messages = _counts(data["messages"])
        counts = {str(word): _counts(per) for word, per in dict(data["counts"]).items()}
        alpha = float(data.get("alpha", ALPHA))
        if not alpha > 0:
            raise ValueError("alpha must be above 0")
    except (OSError, UnicodeDecodeError) as error:
        raise RecoveryError(
            f"cannot read the learnt counts: {error}", location=Location(str(path))
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise RecoveryError(
            f"the learnt counts are not in the expected shape ({error})",
            location=Location(str(path)),
            hint=rebuild,
        ) from None
    return Learnt(messages, counts, alpha)


def _counts(data: Mapping[str, object]) -> dict[str, int]:
    found = {}
    for key, value in dict(data).items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{key}: a count must be a whole number")
        found[str(key)] = value
    return found
