"""Sentences that state an action as already done: true only if someone did it.

"I have refunded the full amount", "I've moved you to a better room", "your replacement
has been dispatched", "everything is set up for you". An agent who did those things may
say so; a draft nobody reviewed may not, because nobody did them. `claims` finds such
statements so lint can keep them out of the replies unattended runs make, and batch can
flag any that slip through. It is deliberately narrow: first person (or the customer's
thing) in the perfect or a finished state, an action verb, no negation, no "once", "when"
or "if" in front, not a question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recovery_cli.checks.checker import Finding
from recovery_cli.memo import Memo

_ACTIONS = (
    "refunded|credited|reimbursed|repaid|paid|covered|waived|cancell?ed|booked|rebooked|"
    "reserved|arranged|organi[sz]ed|sent|resent|dispatched|shipped|posted|emailed|called|"
    "rung|phoned|contacted|messaged|moved|upgraded|replaced|repaired|fixed|restored|reset|"
    "unlocked|removed|deleted|corrected|reversed|cleared|issued|processed|ordered|reordered|"
    "added|applied|escalated|raised|logged|reported|flagged|passed|handed|chased|asked|"
    "spoken|spoke|checked|confirmed|verified|traced|located|found|secured|blocked|changed|"
    "updated|sorted|resolved|settled|approved|authori[sz]ed|extended|scheduled|rescheduled|"
    "done|set up|put through|put in|put (?:it|this|that|things|everything) right|"
    "taken care of|looked into|dealt with"
)
_WE = r"(?:i|we)(?:\s+have|'ve|\s+already|\s+just)+"
_DONE = re.compile(
    rf"\b(?:{_WE}\s+(?:(?:already|now|just|personally|also)\s+)*(?:{_ACTIONS})\b"
    rf"|(?:has|have)\s+(?:now\s+|already\s+|just\s+)?been\s+(?:{_ACTIONS})\b"
    rf"|(?:it'?s|it is|that'?s|that is|everything is|everything's|all)\s+"
    rf"(?:(?:now|all|already)\s+)*(?:done|sorted|set up|fixed|arranged|taken care of)\b"
    rf"|\bi did (?:it|that)\b"
    rf"|\b(?:i|we) got (?:it|this|that|everything|you) (?:all )?(?:sorted|fixed|done|booked)\b)",
    re.I,
)
_NOT_YET = re.compile(
    r"\b(?:once|when|after|if|until|as soon as|before|unless|whether|will|'ll|going to|"
    r"confirm|make sure|so that|check|let you know|tell you|hope|expect)\b[^.!?;]{0,80}$|"
    r"\b(?:not|n't|never|haven't|hasn't|should|would|could|might|must|may)\b[^.!?]{0,12}$|"
    r"\b(?:everything|anything|whatever|what|all)\s+$",  # "everything we've done": a thing
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
MAX_CHARS = 20_000
"""Only the start of a reply is read: a claim hides in a reply, not in a pasted log."""


@dataclass(frozen=True)
class Claim:
    """Where a reply says something is done: the offsets and the words."""

    start: int
    end: int
    words: str


def claims(text: str) -> list[Claim]:
    """Every statement in `text` that reports an action as already done."""
    found: list[Claim] = []
    for sentence in _SENTENCE.finditer(text[:MAX_CHARS]):
        at = sentence.start()
        for start, end, words in _REMEMBERED.get(sentence.group(0), _sentence_claims):
            found.append(Claim(at + start, at + end, words))
    return found


def _sentence_claims(body: str) -> tuple[tuple[int, int, str], ...]:
    """The claims in one sentence: a batch's drafts repeat their template sentences, so
    each is worked out once (`_REMEMBERED`)."""
    if body.rstrip().endswith("?"):
        return ()
    return tuple(
        (match.start(), match.end(), match.group(0))
        for match in _DONE.finditer(body)
        if not _NOT_YET.search(body[: match.start()][-100:])
    )


_REMEMBERED: Memo[tuple[tuple[int, int, str], ...]] = Memo()


def claim_findings(text: str) -> list[Finding]:
    """The claims in a draft nobody reviewed, as warnings a reviewing agent sees."""
    return [
        Finding(
            "do-what-you-say",
            "Tell them what you are doing for them, and promise only what you will keep.",
            "warning",
            claim.start,
            claim.end,
            "This says an action is already done; a draft written unattended cannot know that.",
            "Confirm it was done before sending, or say what will be done and by when.",
            "unconfirmed-claim",
        )
        for claim in claims(text)
    ]


def length_findings(channel: str, text: str, too_long: str | None) -> list[Finding]:
    """A reply over its channel's limit, as a warning: a letter in a chat window is a
    recital, not a conversation. Long values can push a reply that fits with ordinary ones
    past the limit, and only a person can choose what to cut."""
    if too_long is None:
        return []
    return [
        Finding(
            "listen",
            "Ask, then listen; a recovery is a conversation, not a script you recite.",
            "warning",
            0,
            len(text),
            too_long[0].upper() + too_long[1:] + ".",
            "Cut what repeats, or move the detail to a follow-up message.",
            "over-channel-limit",
        )
    ]
