"""What failed, by name, when no rule reads it: the thing the message is about.

The issue rules (`issues`, `failures`, `services`) read a failure where it is said in a
shape they know ("my sofa still hasn't arrived"). When none does, the customer has still
nearly always named the thing that failed ("your crib mattress will ship by the 9th",
"the hire car for my trip"), but in a sentence of some other shape. Nine issue labels in
ten are words of the message, and most of those are a noun phrase after "my", "the", "a"
or "our". So:

- the candidates are the runs of one to three words after a determiner ("my", "the",
  "our", "a", "her", "mum's", ...) that are not small or function words ("still", "was",
  "arrived", "today"), within one clause of one sentence;
- each is described by a few features (its last word and its other words, the determiner,
  the words either side, how early it comes, how often its last word recurs, whether its
  sentence says something failed, and the playbook triage chose, paired with the last
  word and the next word);
- a linear model scores them, and the message's best candidate wins with the
  probability of a choice among all its candidates and "none of them" (a conditional
  logit). The weights are `issue-learnt.json` beside this module, learnt by
  tools/learn.py from the development sets only (a candidate is right when it holds the
  message's labelled issue).

Fitted on six sevenths of the thirty-four development sets and tried on the rest (seven
folds), 685 of the 1,137 candidates offered at `LIKELY` held the labelled issue (0.60), and
many of the rest named a thing of the story that was not the one that failed. So a learnt
issue is a guess (`model.KEPT`): shown, and offered in an attended run where the agent sees
its words, never put in an unattended draft. It is worded as ours to own, whatever the
playbook: "we got it wrong with your crib mattress". A run of words stops at a verb after
its first word ("the nail technician used", "our text saying", "your prescription wrong"),
and a sentence about what may happen ("If my parcel doesn't arrive") offers none."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from recovery_cli.listen.model import KEPT
from recovery_cli.listen.sentences import Found, Sentence, words
from recovery_cli.wording import ING_NOUNS, unshout

WEIGHTS = Path(__file__).with_name("issue-learnt.json")
LIKELY = 0.5
"""The least probability the best candidate needs to be offered."""
CONFIDENCE = KEPT
"""A guess: below what an unattended draft takes (`model.SURE`)."""
RANK = 50
"""Below every rule's rank: a rule's issue always wins."""
MAX_CANDIDATES = 60
"""The most candidates scored in one message (the first ones: what failed is said early)."""
NONE = "none"
"""The weight of "none of the candidates": the message does not name what failed."""

_TO_CUSTOMER = {"my": "your", "our": "your", "your": "our", "ur": "our"}
"""How a customer's determiner reads in our reply; "a", "this" and the like become "the"."""
_KEPT_AS_SAID = frozenset({"the", "his", "her", "their"})
_FAMILY_WORDS = "mum|mom|dad|son|daughter|wife|husband|partner|kid|child"
_FAMILY = re.compile(rf"^(?:{_FAMILY_WORDS})'?s$")
"""A family member's ("mum's laptop") determines a thing as "my" does: "your mum's laptop"."""
_NOT_NAMING = words(
    """
    i me my mine we us our you your he him his she her they them their it its it's this
    that these those there here the a an and or but so if then than as of to in on at by
    for with from about into over under after before since until up down out off via
    is are was were be been being am have has had do does did done will would shall should
    can could may might must not no nor never isn't wasn't aren't weren't hasn't haven't
    hadn't don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't isnt wasnt
    arent werent hasnt havent hadnt dont doesnt didnt wont wouldnt cant couldnt shouldnt
    still just now yet again already also even only very really too all any some more most
    much many what which who whom whose when where why how online arrived came come coming
    delivered turned sent got get getting gone went going said says told asked booked
    ordered paid bought left took taken carrying using today tomorrow yesterday tonight
    week weeks day days month months year years hour hours minutes time times please thanks
    thank hi hello dear regards cheers ok okay yes i've i'm i'd i'll we've we're we'd we'll
    you've you're you'd you'll they've they're he's she's there's that's what's ive im
    either neither anyway though instead onto upon across through without within during
    against towards toward behind beside between beyond became become spoke treat made gave
    put kept broke fell threw brought caught found felt held knew lost meant met ran saw
    seemed stood sat wrote because although whilst while unless whether say loose
    spent written slid goes takes go ships away rather something ye wud
    """
)
"""Words that never belong to the name of a thing ("my order still", "the parcel was")."""
_AFTER_A_NAME = re.compile(r"[\w-]{2,}(?<!e)ed")
"""A word ending "-ed" after a thing's first word is a verb ("the nail technician used",
"my hair coloured"); at its start it may be part of the name ("my fitted wardrobe")."""
_SAID_OF_A_NAME = words(
    "wrong early late broken missing faulty again twice open closed shut unlocked back "
    "inside needs one two three four five six seven eight nine ten asap tues weds thurs"
)
"""Words that after a thing's first word say what happened to it or where it is ("your
prescription wrong", "your deposit back", "the dress inside") or start what follows ("your
broadband three times", "the controller Tues"); at its start they may name it ("the broken
handle", "the back door")."""
_ADVERB = re.compile(r"[a-z]{3,}(?:al|ic|ful|ous|ate|ent|ant|ib|ab|ive|ish|ar|er)ly")
"""An adverb after a thing's first word ends its name ("the waste pipe properly", "your
washing machine specifically"); nouns in "-ly" ("family", "supply") do not end this way."""
_HYPOTHETICAL = re.compile(r"^(?:if|unless|in\scase|should)\b", re.I)
"""A sentence about what may happen names nothing that failed ("If my parcel doesn't come")."""
_WORD = r"[A-Za-z0-9£$€][\w'’£$€.-]{0,30}\w|[A-Za-z0-9]"
_TOKEN = re.compile(_WORD)
_LAST_TOKEN = re.compile(rf"({_WORD})\W*$")
_DETERMINER = re.compile(
    rf"(?<![\w'’£$€.-])(?:my|our|the|your|ur|an?|his|her|their|this|these|that|those|"
    rf"(?:{_FAMILY_WORDS})['’]?s)(?=\s)",
    re.I,
)
_LOOK_AHEAD = 200
"""How far past a determiner its name and the two words after it are looked for."""
_NUMBER = re.compile(r"[\d.,£$€]+|\d{1,2}(?:st|nd|rd|th)")
_BREAK = re.compile(r"[,;:!?()\"]")
_FAILED = re.compile(
    r"\b(?:broken|broke|cracked|smashed|damaged|missing|wrong|late|never|not|no|didn'?t|"
    r"hasn'?t|isn'?t|won'?t|doesn'?t|can'?t|cant|failed|faulty|leak\w{0,3}|stopped|charged|"
    r"locked|crash\w{0,3}|down|cancel\w{0,5}|lost|still|delay\w{0,3})\b"
)


@dataclass(frozen=True)
class Candidate:
    """A run of words after a determiner, where it is, and what is around it."""

    words: tuple[str, ...]
    """Lower-case, as written."""
    text: str
    """As written (the message's own spelling and capitals)."""
    determiner: str
    start: int
    sentence: int
    index: int
    """Its place among the message's candidates, which come in message order."""
    first: bool
    """Whether it is the first candidate to end in its word (the first mention of the thing)."""
    before: str
    after: str
    after_next: str
    failed: bool
    """Whether its sentence says something failed."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def candidates(sentences: Sequence[Sentence]) -> list[Candidate]:
    """Every run of one to three naming words after a determiner, in message order."""
    found: list[Candidate] = []
    heads: set[str] = set()
    for number, sentence in enumerate(sentences):
        text = sentence.text
        if _HYPOTHETICAL.match(text):
            continue
        failed: bool | None = None
        for determiner in _DETERMINER.finditer(text):
            following = _TOKEN.finditer(text, determiner.end(), determiner.end() + _LOOK_AHEAD)
            tokens = [(token.group(), token.start()) for token in islice(following, 6)]
            words = [_low(token) for token, _ in tokens]
            run = 0
            while run < len(words) and run < 4 and _naming(words[run]):
                if run and (
                    _AFTER_A_NAME.fullmatch(words[run])
                    or (words[run].endswith("ing") and words[run] not in ING_NOUNS)
                    or words[run] in _SAID_OF_A_NAME
                    or _ADVERB.fullmatch(words[run])
                ):
                    break  # "the nail technician used ...", "our text saying": a verb
                run += 1
            if not 1 <= run <= 3:
                continue
            first, last = tokens[0], tokens[run - 1]
            named = text[first[1] : last[1] + len(last[0])]
            if _BREAK.search(named) or not text[determiner.end() : first[1]].isspace():
                continue
            if failed is None:
                failed = _FAILED.search(sentence.low) is not None
            before = _LAST_TOKEN.search(text, max(0, determiner.start() - 40), determiner.start())
            head = words[run - 1]
            found.append(
                Candidate(
                    words=tuple(words[:run]),
                    text=named,
                    determiner=_low(determiner.group()),
                    start=sentence.start + first[1],
                    sentence=number,
                    index=len(found),
                    first=head not in heads,
                    before=_low(before.group(1)) if before else "^",
                    after=words[run] if run < len(words) else "$",
                    after_next=words[run + 1] if run + 1 < len(words) else "$",
                    failed=failed,
                )
            )
            heads.add(head)
            if len(found) >= MAX_CANDIDATES:
                return found
    return found


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def _naming(word: str) -> bool:
    return word not in _NOT_NAMING and not _NUMBER.fullmatch(word)


def features(candidate: Candidate, others: Sequence[Candidate], playbook: str | None) -> list[str]:
    """What the model weighs about one candidate among its message's `others`."""
    head = candidate.words[-1]
    mentions = sum(other.words[-1] == head for other in others)
    found = [
        f"head={head}",
        f"determiner={candidate.determiner}",
        f"before={candidate.before}",
        f"after={candidate.after}",
        f"after2={candidate.after_next}",
        f"length={len(candidate.words)}",
        f"sentence={min(candidate.sentence, 4)}",
        f"failed={candidate.failed}",
        f"mentions={min(mentions, 3)}",
        f"first={candidate.first}",
        f"order={min(candidate.index, 5)}",
        *(f"word={word}" for word in candidate.words[:-1]),
    ]
    if playbook is not None:
        found += [
            f"{playbook}:head={head}",
            f"{playbook}:determiner={candidate.determiner}",
            f"{playbook}:after={candidate.after}",
        ]
    return found


@dataclass(frozen=True)
class Model:
    """A weight per feature, and the weight of "none of them"."""

    weights: Mapping[str, float]
    none: float

    def score(self, features: Sequence[str]) -> float:
        weights = self.weights
        return sum(weights.get(feature, 0.0) for feature in features)

    def best(
        self, found: Sequence[Candidate], playbook: str | None
    ) -> tuple[Candidate, float] | None:
        """The likeliest candidate and its probability against the others and "none"."""
        if not found:
            return None
        scores = [self.score(features(candidate, found, playbook)) for candidate in found]
        top = max(max(scores), self.none)
        total = math.exp(self.none - top) + sum(math.exp(score - top) for score in scores)
        best = max(range(len(found)), key=scores.__getitem__)
        return found[best], math.exp(scores[best] - top) / total


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped weights (None if absent: then nothing is offered)."""
    if not WEIGHTS.is_file():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Model(dict(data["weights"]), float(data[NONE]))


def as_issue(candidate: Candidate, note: bool = False) -> str:
    """The candidate as a clause of ours to own: "we got it wrong with your sofa" (in an
    agent's note, "her laptop" is the customer's: "your laptop")."""
    determiner = candidate.determiner
    if note and determiner in {"his", "her", "their"}:
        determiner = "your"
    elif determiner in _TO_CUSTOMER:
        determiner = _TO_CUSTOMER[determiner]
    elif _FAMILY.match(determiner):
        determiner = "your " + determiner.replace("'s", "").rstrip("s") + "'s"
    elif determiner not in _KEPT_AS_SAID:
        determiner = "the"
    return f"we got it wrong with {determiner} {unshout(candidate.text)}"


def likely_issue(
    sentences: Sequence[Sentence], playbook: str | None, note: bool = False
) -> Iterator[Found]:
    """The thing the message likeliest names as what failed, as a guess ranked below rules.

    Reading asks only when triage found a playbook: a routine question ("how do I change my
    password?") names things, but nothing failed."""
    learnt = model()
    if learnt is None:
        return
    chosen = learnt.best(candidates(sentences), playbook)
    if chosen is None or chosen[1] < LIKELY:
        return
    candidate, _ = chosen
    value = as_issue(candidate, note)
    yield Found("issue", value, candidate.start, candidate.end, CONFIDENCE, RANK)
