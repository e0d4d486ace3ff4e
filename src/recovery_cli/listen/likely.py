"""What is at stake when no rule reads it: the customer's sentence most like labelled stakes.

The stakes rules (`stakes`, `circumstances`) read the shapes their authors thought of. The
labelled development messages hold many more ways of saying what rides on a failure ("I run
a taxi business off this phone", "my grandfather is being discharged on the 12th and
cannot walk"). Each of their sentences that could be offered (below) is labelled by whether
it holds the message's labelled stakes, and a naive Bayes vote over those counts
(`triage.bayes`; the counts are `stakes-learnt.json` beside this module, built by
tools/learn.py from the development sets only) says how much a new sentence looks like one.

When no rule read the stakes, the likeliest sentence is offered, if:

- it is the customer's own (not an agent's note) and a plain statement: 4 to 25 words, with
  no question, quotation, colon, bracket, dash or semicolon;
- it is about the customer: it starts with "I", "my", "we" or "our" (after "and", "but",
  "so"), and turned to the customer (`wording.from_customer`) it reads cleanly, starts with
  "you" or "your" and says nothing of us;
- its vote is at least `LIKELY` and rests on at least `MIN_STRENGTH` of a full vote's
  words (a short sentence's few words say little).

Left out one development set at a time, about two in three of the sentences so offered held
the labelled stakes, and most of the rest were stakes the labels left out; but a sentence
that only looks like one ("My 5 year old got it for Christmas and it already squeaks")
would read badly in a draft. So a learnt stake is a guess (`model.KEPT`): shown, and offered
in an attended run where the agent sees its words, never put in an unattended draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from recovery_cli.listen.model import KEPT
from recovery_cli.listen.sentences import Found, Sentence
from recovery_cli.triage.bayes import Learnt, load_learnt
from recovery_cli.wording import from_customer

COUNTS = Path(__file__).with_name("stakes-learnt.json")
STAKES, OTHER = "stakes", "other"
LIKELY = 0.95
"""The least vote a sentence needs to be read at all."""
MIN_STRENGTH = 0.4
"""The least share of a full vote's words (`bayes.FULL_VOTE`) it must rest on."""
CONFIDENCE = KEPT
"""A guess: below what an unattended draft takes (`model.SURE`)."""
RANK = 50
"""Below every rule's rank: a rule's stakes always win."""
MIN_WORDS, MAX_WORDS = 4, 25

_LEAD = re.compile(r"^(?:(?:and|but|so|also|plus|because|as|since|oh|well|now),?\s+)+", re.I)
_ABOUT_ME = re.compile(r"^(?:i|i'm|im|i've|ive|i'd|i'll|my|we|we're|we've|our)\b", re.I)
_NOT_PLAIN = re.compile(r"[?:;\"“”()\[\]]|\s[-–—]\s")
_TAIL = re.compile(
    r"(?:[\s,]+(?:please|pls|plz|thanks|thank\syou|thx|asap|tbh|lol|x+))+[\s.!,]*$|[\s.!,]+$",
    re.I,
)
_TELLS_THE_FAILURE = re.compile(
    r"\b(?:and|but)\s(?:now\s)?(?:it|they|the\s\w+|my\s\w+)\s(?:\w+\s)?(?:keeps?\s(?:crashing|"
    r"freezing|failing|breaking|leaking|cutting|dropping)|crashe[sd]|broke|(?:has|have|had)\s"
    r"(?:broken|stopped|failed)|stopped\sworking|failed|froze|leaks|leaked|"
    r"(?:won't|wont|doesn't|doesnt|didn't|didnt)\s(?:work|turn|load|open|start|arrive|come))\b",
    re.I,
)
"""A sentence that goes on to tell the failure ("We use the app every day and it keeps
crashing") is the failure's, not what rides on it."""
_OURS = re.compile(r"\b(?:we|us|our|ours|we're|we've|we'll|we'd)\b", re.I)


def offerable(sentence: str) -> str | None:
    """The sentence as it would be voted on (leading "and" and trailing "please" gone), or
    None when it could not be offered whatever its vote."""
    text = _TAIL.sub("", _LEAD.sub("", sentence.strip()))
    if not _ABOUT_ME.match(text) or _NOT_PLAIN.search(text) or _TELLS_THE_FAILURE.search(text):
        return None
    if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
        return None
    return text


def candidates(sentences: Sequence[Sentence]) -> Iterator[tuple[Sentence, str]]:
    """Each sentence that could be offered, with its text as voted on."""
    for sentence in sentences:
        text = offerable(sentence.text)
        if text is not None:
            yield sentence, text


def as_stakes(text: str) -> str | None:
    """An offerable sentence turned to the customer, or None when it would read wrong."""
    turned = from_customer(text)
    if not turned or _OURS.search(turned):
        return None
    turned = turned[0].lower() + turned[1:]
    return turned if turned.startswith(("you ", "you'", "your ")) else None


@lru_cache(maxsize=1)
def counts() -> Learnt | None:
    """The shipped counts (None if absent: then nothing is offered)."""
    return load_learnt(COUNTS) if COUNTS.is_file() else None


def likely_stakes(sentences: Sequence[Sentence]) -> Iterator[Found]:
    """The sentence likeliest to say what is at stake, as a candidate ranked below the rules."""
    learnt = counts()
    if learnt is None:
        return
    best: tuple[tuple[float, float], Sentence, str] | None = None
    for sentence, said in candidates(sentences):
        vote = learnt.vote(said)
        share = vote.shares.get(STAKES, 0.0)
        if share < LIKELY or vote.strength < MIN_STRENGTH:
            continue
        if best is None or (share, vote.strength) > best[0]:
            value = as_stakes(said)
            if value is not None:
                best = ((share, vote.strength), sentence, value)
    if best is None:
        return
    _, sentence, value = best
    start = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    end = max(start, sentence.end - len(sentence.text) + len(sentence.text.rstrip()))
    yield Found("stakes", value, start, end, CONFIDENCE, RANK)
