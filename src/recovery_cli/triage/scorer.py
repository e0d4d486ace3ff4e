"""Triage: which recovery playbook fits a customer's message, and why.

A small scorer a trainer can read and tune, not a model to download. Each playbook's
`triggers` (phrases, words, alternatives `a|b` and structures `first ... then`) and the
routine-request vocabulary of `triage.yaml` earn points when they occur in a message; a
trigger right after a negation ("not broken") does not count, a quoted one counts for less,
and one made only of topic words ("the app") counts in full only in a clause that states a
failure ("the app freezes"). Failure cues ("still", "again") back the leading playbook and
discount routine's vocabulary, and a playbook's prior lifts it once its own triggers
matched. The playbook with the most points wins unless the routine vocabulary (plus a fixed
head start) has at least as many, in which case the message reads as a routine request;
every decision lists the triggers behind it. Messages and triggers pass through the same
normaliser (lower case, no accents or punctuation, speakers' labels and salutations left
out, a variant table, light stemming, correction of keyboard slips and splitting of
run-together words), so "CANT LOGIN", "cantlogin" and "can't log in" meet the same trigger.
Everything is compiled once; `classify` reads a message once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from recovery_cli.errors import RecoveryError
from recovery_cli.library import Library, files_named, shipped_dir
from recovery_cli.playbook.models import Playbook
from recovery_cli.triage.bayes import Learnt, Vote, load_learnt
from recovery_cli.triage.normalise import Normaliser
from recovery_cli.triage.settings import TriageSettings, settings_for

ROUTINE = "routine"
VOTE_TEMPERATURE = 8.0
"""How far the learnt vote's probabilities are tempered (`Learnt.vote`)."""
LEARNT_FILE = "triage-learnt.json"
"""The counts of the learnt vote (`bayes`), in a library folder, as `triage.yaml` is."""


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


_NONE: frozenset[int] = frozenset()
_WHOLE = (0, 1 << 30)
"""A whole message, as the bounds of a sentence."""


def _sentence(starts: list[int], position: int) -> tuple[int, int]:
    """The bounds (first term, and the term after the last) of the sentence a term is in;
    `starts` are where sentences begin, in order."""
    at = bisect_right(starts, position)
    return (starts[at - 1] if at else 0, starts[at] if at < len(starts) else 1 << 30)


def _window(
    terms: list[str], position: int, reach: int, sentence: tuple[int, int]
) -> tuple[int, list[str]]:
    """The terms within `reach` of `position`, inside its sentence, and where they begin:
    where `_start` looks for a phrase's other words and `_end` finds the last of them."""
    low = max(position - reach, 0, sentence[0])
    return low, terms[low : min(position + reach + 1, sentence[1])]


def _start(
    terms: list[str],
    position: int,
    rest: tuple[str, ...],
    gap: int,
    sentence: tuple[int, int] = _WHOLE,
) -> int:
    """Where a phrase anchored at `terms[position]` begins, or -1 when it is not there.

    Customers say "refund status" and "status of my refund", "payment problem" and
    "problem with my payment": a phrase matches when its other words (`rest`) all occur
    within its own length plus `gap` other words of the anchor, in any order, in the
    anchor's sentence ("...never arrived. Will order again" has no "order ... arrived").
    """
    if not rest:
        return position
    low, window = _window(terms, position, len(rest) + gap, sentence)
    for term in rest:
        if term not in window:
            return -1
    return min(position, *(low + window.index(term) for term in rest))


CUES = -1
"""The target of the failure cues: they back whichever playbook leads, never one of their own."""
STATES = -2
"""The target of the failure states: they make the clause they are in state a failure."""


SPAN = "..."
"""In a trigger, a few other words: "ordered ... got" is "ordered X, got Y"."""


@dataclass(frozen=True)
class _Rule:
    target: int  # 0 is routine; 1.. are the playbooks in order; CUES the failure cues
    points: float
    evidence: str
    negatable: bool  # False when the trigger says its own negation ("not delivered")
    then: tuple[tuple[str, ...], ...] = ()  # a span's forms after its `...`, a few words on
    then_said: tuple[str, ...] = ()  # the words of the trigger each of `then` stands for
    weak: bool = False  # made only of weak words: names a topic, not a failure


def _in_order(
    terms: list[str], start: int, form: tuple[str, ...], gap: int, end: int = 1 << 30
) -> bool:
    """Whether `form` is said from `start` in its own order, `gap` other words allowed
    between each word and the next, before `end` (where the sentence ends)."""
    if terms[start] != form[0]:
        return False
    position = start
    for word in form[1:]:
        window = terms[position + 1 : min(position + 2 + gap, end)]
        if word not in window:
            return False
        position += 1 + window.index(word)
    return True


def _clause(breaks: set[int], position: int) -> int:
    """Which clause of a message a term is in: how many clause breaks come before it."""
    return sum(1 for start in breaks if start <= position)


def _end(
    terms: list[str],
    position: int,
    rest: tuple[str, ...],
    gap: int,
    sentence: tuple[int, int] = _WHOLE,
) -> int:
    """Where a phrase found at `position` (by `_start`) ends: its last word's position."""
    if not rest:
        return position
    low, window = _window(terms, position, len(rest) + gap, sentence)
    return max(position, *(low + window.index(term) for term in rest))


def _then(
    terms: list[str], end: int, then: tuple[tuple[str, ...], ...], reach: int, gap: int
) -> int:
    """Which of `then` (its index; -1 for none) follows a span's first part (ending at
    `end`) after at least one other word and within `reach` words: "ordered size 10, got a
    6", "ordered a blue armchair. Got a green one", "you said monday / then you said
    wednesday"."""
    limit = min(len(terms), end + 2 + reach)
    for position in range(end + 2, limit):
        term = terms[position]
        for number, form in enumerate(then):
            if term in form:
                window = terms[position : position + len(form) + gap]
                if all(word in window for word in form):
                    return number
    return -1


@dataclass
class _Tally:
    """What one message earned: points and matched triggers per target, and the cues."""

    points: list[float]
    evidence: list[list[str]]
    first: list[int]  # where each target's first trigger begins (-1: none)
    named: list[bool]  # whether a target matched a trigger that is not weak
    cues: list[str] = field(default_factory=list)


class Triage:
    """A compiled scorer for one library: build once, classify many messages."""

    def __init__(
        self,
        playbooks: Sequence[Playbook],
        settings: TriageSettings,
        layers: Sequence[int] | None = None,
        learnt: Learnt | None = None,
    ) -> None:
        """`layers`: each playbook's folder in the library's order; a later one wins a tie.
        `learnt`: the vote of labelled messages (`learnt`), weighed by `learnt_points`."""
        self.settings = settings
        self.learnt = learnt if settings.learnt_points > 0 else None
        self.targets: list[tuple[str | None, str]] = [(None, ROUTINE)]
        self.targets += [(playbook.id, playbook.category) for playbook in playbooks]
        self.layers = [0, *(layers or [0] * len(playbooks))]
        self.priors = {
            number: settings.priors[playbook.id]
            for number, playbook in enumerate(playbooks, start=1)
            if settings.priors.get(playbook.id)
        }
        sources: list[tuple[int, list[str], list[str]]] = [
            (0, settings.routine.phrases, settings.routine.words)
        ]
        for number, playbook in enumerate(playbooks, start=1):
            sources.append((number, playbook.triggers.phrases, playbook.triggers.words))
        sources.append((CUES, settings.failure_cues.phrases, settings.failure_cues.words))
        sources.append((STATES, settings.failure_states.phrases, settings.failure_states.words))
        self.normaliser = Normaliser(
            settings,
            (
                *(text for _, phrases, words in sources for text in (*phrases, *words)),
                *settings.negations,
                *settings.idioms,
            ),
        )
        self.idioms: dict[str, list[tuple[str, ...]]] = {}
        for idiom in settings.idioms:
            form = tuple(self.normaliser.terms(idiom))
            if form:
                self.idioms.setdefault(form[0], []).append(form)
        self.negations = frozenset(
            term for word in settings.negations for term in self.normaliser.terms(word)
        )
        self.weak = frozenset(self.normaliser.terms(" ".join(settings.weak_words)))
        self.rules: list[_Rule] = []
        compiled: list[tuple[list[tuple[str, ...]], _Rule, dict[tuple[str, ...], str]]] = []
        seen: set[tuple[int, tuple[str, ...], frozenset[tuple[str, ...]]]] = set()
        for target, phrases, words in sources:
            scale = settings.routine_points if target == 0 else 1.0
            for text in (*words, *phrases):  # words first: a phrase that says no more loses
                before, span, after = text.replace("\u2026", SPAN).partition(SPAN)
                said = self.phrasings(before)
                after_said = self.phrasings(after) if span else {}
                spanned = bool(span and said and after_said)
                if span and not spanned:  # "... got": words
                    said, after_said = self.phrasings(f"{before} {after}"), {}
                firsts, thens = list(said), list(after_said)
                # Shown as the words found by only where the trigger text says more than them.
                phrasings = said if "|" in text or spanned else {}
                # A form another trigger of the target already says counts once, in that
                # trigger: "wrong item|colour" adds nothing to "wrong item" ("in any order").
                keys = [(target, tuple(sorted(form)), frozenset(thens)) for form in firsts]
                firsts = [form for form, key in zip(firsts, keys, strict=True) if key not in seen]
                if not firsts:
                    continue
                seen.update(keys)
                size = min(len(form) for form in firsts)
                each = settings.phrase_points * size if size > 1 else settings.word_points
                weak = not thens and all(self.weak.issuperset(form) for form in firsts)
                if thens:
                    each = settings.span_points
                elif weak:
                    each = min(each, settings.weak_points)
                if target < 0:
                    each = settings.cue_points if target == CUES else 0.0
                negatable = not any(self.negations.intersection(form) for form in firsts)
                then_said = tuple(f"{SPAN} {after_said[form]}" for form in thens)
                rule = _Rule(target, each * scale, text, negatable, tuple(thens), then_said, weak)
                compiled.append((firsts, rule, phrasings))
        # A phrase is looked up by its least common word, so a message's common words
        # ("not", "still") do not send it through dozens of phrases.
        uses: dict[str, int] = {}
        for firsts, _, _ in compiled:
            for form in firsts:
                for term in set(form):
                    uses[term] = uses.get(term, 0) + 1
        self.index: dict[str, list[tuple[tuple[str, ...], int, tuple[str, ...], str]]] = {}
        for number, (firsts, rule, phrasings) in enumerate(compiled):
            text = rule.evidence
            for form in firsts:  # every form of a trigger is the same rule: it counts once
                anchor = min(form, key=lambda term: (uses[term], -len(term)))
                rest = list(form)
                rest.remove(anchor)
                # Said in its own order: a trigger with alternatives ("arrived|came broken")
                # or its own negation ("not refunded", not "refunded ... not ordering again").
                strict = "|" in text or not self.negations.isdisjoint(form[:-1])
                self.index.setdefault(anchor, []).append(
                    (
                        tuple(rest),
                        number,
                        form if strict and rest else (),
                        phrasings.get(form, text),
                    )
                )
            self.rules.append(rule)

    def phrasings(self, text: str) -> dict[tuple[str, ...], str]:
        """The term sequences a trigger (or a side of its `...`) stands for, each with the
        words of the trigger it stands for ("came cracked"), shown as evidence rather than
        every alternative: one sequence, or one per choice of its alternatives,
        `arrived|came broken|cracked` being four phrases (a stop word among the
        alternatives makes the word optional: `a|my table` is `table`)."""
        terms = self.normaliser.terms
        slots: list[list[tuple[tuple[str, ...], str]]] = []
        for word in text.split():
            choices: dict[tuple[str, ...], str] = {}
            for choice in word.split("|"):
                choices.setdefault(tuple(terms(choice)), choice)
            slots.append(list(choices.items()))
        found: dict[tuple[str, ...], str] = {}
        for picked in product(*slots):
            form = tuple(term for said, _ in picked for term in said)
            if form:
                found.setdefault(form, " ".join(word for _, word in picked))
        return dict(sorted(found.items()))

    @classmethod
    def from_library(cls, library: Library) -> Triage:
        """Compile the library's loadable playbooks and its `triage.yaml` settings."""
        playbooks = library.playbooks()
        if not playbooks:
            raise RecoveryError(
                "no playbooks to triage against",
                hint="check --playbooks and the problems above",
            )
        layers = [_layer(library, p.id) for p in playbooks]
        return cls(playbooks, settings_for(library), layers, learnt_for(library))

    def points(self, text: str) -> tuple[list[float], list[list[str]]]:
        """Points and matched triggers per target (routine first), before any decision."""
        tally = self._tally(text)
        return tally.points, tally.evidence

    def _tally(self, text: str) -> _Tally:
        reading = self.normaliser.read(text)
        terms, breaks, quoted = reading.terms, reading.breaks, reading.quoted
        starts = sorted(reading.sentences)
        found: dict[int, int] = {}  # rule -> where it begins in the message
        said: dict[int, str] = {}  # rule -> the trigger's words it was found by
        gap = self.settings.phrase_gap
        negations = self.negations
        reach = self.settings.negation_reach
        span_reach = self.settings.span_reach
        rules = self.rules
        index = self.index
        present = set(terms)
        masked = self._idioms(terms) if self.idioms else _NONE
        for position, term in enumerate(terms):
            for rest, rule, strict, shown in index.get(term, ()):
                if rule in found or (not rest and position in masked):
                    continue  # counted already; or "late" in "my late husband"
                if rest:
                    if not present.issuperset(rest):
                        continue  # a phrase whose other words the message never says
                    sentence = _sentence(starts, position) if starts else _WHOLE
                    start = _start(terms, position, rest, gap, sentence)
                    if start < 0:
                        continue
                else:
                    start, sentence = position, _WHOLE
                hit = rules[rule]
                if hit.then:
                    then = _then(
                        terms, _end(terms, position, rest, gap, sentence), hit.then, span_reach, gap
                    )
                    if then < 0:
                        continue
                    shown = f"{shown} {hit.then_said[then]}"
                if strict:
                    if not _in_order(terms, start, strict, gap, sentence[1]):
                        continue
                elif (
                    start
                    and hit.negatable
                    and (reach > 1 or terms[start - 1] in negations)
                    and self._negated(terms, breaks, reading.far, start, reach)
                ):
                    continue  # "not broken", "no problem": this mention does not count
                found[rule] = start
                said[rule] = shown
        size = len(self.targets)
        tally = _Tally([0.0] * size, [[] for _ in range(size)], [-1] * size, [False] * size)
        matched = sorted(found, key=lambda rule: (found[rule], rule))
        failing = self._failing(found, matched, breaks)
        settings = self.settings
        for number in matched:
            hit = rules[number]
            start = found[number]
            if hit.target < 0:
                if hit.target == CUES:
                    tally.cues.append(said[number])
                continue
            points, weak = hit.points, hit.weak
            if weak and failing and _clause(breaks, start) in failing:
                points, weak = settings.word_points, False  # "the app ... freezes"
            if start in quoted:
                points *= settings.quoted_points
            tally.points[hit.target] += points
            tally.evidence[hit.target].append(said[number])
            if not weak:
                tally.named[hit.target] = True
            if tally.first[hit.target] < 0:
                tally.first[hit.target] = start
        return tally

    def _idioms(self, terms: list[str]) -> set[int]:
        """Where the idioms are said (word for word): no one-word trigger reads there."""
        masked: set[int] = set()
        idioms = self.idioms
        for position, term in enumerate(terms):
            for form in idioms.get(term, ()):
                if tuple(terms[position : position + len(form)]) == form:
                    masked.update(range(position, position + len(form)))
        return masked

    def _failing(self, found: dict[int, int], matched: list[int], breaks: set[int]) -> set[int]:
        """The clauses (by number) that state a failure: a failure state is in them."""
        rules = self.rules
        if not any(rules[number].weak for number in matched):
            return set()
        return {_clause(breaks, found[n]) for n in matched if rules[n].target == STATES}

    def _vote(self, text: str, hit: Sequence[int]) -> tuple[list[float], Vote] | None:
        """The learnt vote's share for each target (routine first), and the vote; or None.

        The vote only settles between playbooks it knows: when one it does not know (a
        trainer's own) matched a trigger, the triggers alone decide, so a playbook of your
        own is neither helped nor held back by counts that never saw it.
        """
        if self.learnt is None:
            return None
        known = self.learnt.messages
        if any((self.targets[target][0] or ROUTINE) not in known for target in hit):
            return None
        vote = self.learnt.vote(text, VOTE_TEMPERATURE)
        shares = [vote.shares.get(scenario or ROUTINE, 0.0) for scenario, _ in self.targets]
        return shares, vote

    def _telling(self, vote: Vote, target: int) -> list[str]:
        """Evidence for a winner the vote chose: the message's words most like its examples."""
        assert self.learnt is not None  # only called once a vote was made
        words = self.learnt.telling(vote, self.targets[target][0] or ROUTINE, self.normaliser.stop)
        return [f"like its examples: {', '.join(words)}"] if words else []

    def _negated(
        self, terms: list[str], breaks: set[int], far: set[int], start: int, reach: int
    ) -> bool:
        """Whether a negation stands within `reach` terms before `start`, in its clause and
        with no more ignored words between than `negation_skip`."""
        position = start
        for _ in range(reach):
            if position == 0 or position in breaks or position in far:
                return False
            position -= 1
            if terms[position] in self.negations:
                return True
        return False

    def classify(self, text: str) -> TriageResult:
        """The best playbook for a message, or routine when none beats the routine score.

        Failure cues ("still", "again") name no playbook: they back the leading one (the
        playbook with the most points of its own) against routine, and are listed in its
        evidence after its own triggers.
        """
        tally = self._tally(text)
        points, evidence = tally.points, tally.evidence
        if tally.cues:  # a message that complains is no routine request, whatever it asks
            points[0] *= self.settings.complaint_routine_points
        points[0] += self.settings.routine_head_start
        hit = [target for target, found in enumerate(evidence) if found]
        for target in hit:
            points[target] += self.priors.get(target, 0.0)
        layers = self.layers
        first = tally.first

        def rank(target: int) -> tuple[float, int, int]:
            """Most points; on a tie, a later folder's playbook, then the first mentioned."""
            return points[target], layers[target], -first[target]  # `points` when called

        leader = max((target for target in hit if target), key=rank, default=0)
        cues = (
            [cue for cue in tally.cues if cue not in evidence[leader]]
            if leader and tally.named[leader]
            else []
        )
        if cues:
            points[leader] += self.settings.cue_points * len(cues)
            evidence[leader] = [*evidence[leader], *cues]
        total = sum(points) or 1.0
        by_triggers = leader if leader and points[leader] > points[0] else 0
        vote = self._vote(text, hit)
        if vote is None:
            winner = by_triggers
        else:  # each target's share of the trigger points, plus the weighed vote
            shares, learnt = vote
            weight = self.settings.learnt_points * learnt.strength
            points = [
                point / total + weight * share for point, share in zip(points, shares, strict=True)
            ]
            total = sum(points) or 1.0
            winner = max(range(len(points)), key=rank)
            if winner and winner != by_triggers:  # the vote decided: say which words did
                evidence[winner] = [*evidence[winner], *self._telling(learnt, winner)]
        others = sorted(
            (target for target in hit if target != winner),
            key=lambda target: (-points[target], -layers[target], first[target]),
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


def learnt_for(library: Library) -> Learnt | None:
    """The last `triage-learnt.json` among the library's folders, as `triage.yaml` is found."""
    found = files_named(LEARNT_FILE, library.dirs)
    return load_learnt(found[-1]) if found else None


def _layer(library: Library, scenario: str) -> int:
    """Which of the library's folders (0: the first) the playbook's file comes from."""
    path = library.files.get(scenario)
    if path is None:
        return 0
    return max(
        (
            n
            for n, folder in enumerate(library.dirs)
            if path == folder or path.is_relative_to(folder)
        ),
        default=0,
    )


@lru_cache(maxsize=1)
def _shipped() -> Triage:
    return Triage.from_library(Library([shipped_dir()]))


def triage(text: str) -> TriageResult:
    """Classify with the shipped library (compiled on first use, then reused)."""
    return _shipped().classify(text)
