"""A death the customer tells us of, read so the reply can say sorry for it before anything.

A widow writing about her late husband's account, a son cancelling his mother's contract, a
late delivery for a funeral: whatever went wrong, the first thing a person says back is
sorry for their loss. The value names who died in the customer's words, turned to the
second person ("your husband", "your mum"); a death with no one named ("the funeral is on
Friday", "bereavement") reads as `your loss`. Only the words of a death count: a phone
that "died" or a "lost" parcel never does, and a relation must be the customer's own
("my dad", "Mum"), so "the driver's father died" is not read.
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_cli.listen.sentences import Found, Sentence, keyed, keys_of
from recovery_cli.playbook.reply import NO_ONE_NAMED

GENERIC = NO_ONE_NAMED
"""The value when a death is told but not whose: the reply's own word for it."""

PEOPLE = (
    r"husband|wife|partner|fianc[eé]e?|father|dad|daddy|mother|mum|mom|mam|mummy|mommy|"
    r"son|daughter|baby|child|brother|sister|grandmother|grandma|gran|granny|nan|nana|nanna|"
    r"grandfather|grandad|granddad|grandpa|uncle|aunt|auntie|aunty|cousin|friend|"
    r"father-in-law|mother-in-law|stepfather|stepmother|stepdad|stepmum"
)
_RELATION = PEOPLE + r"|dog|cat"
"""Whose death: a pet's counts where the words say it died ("our dog died at the kennels"),
never where it was only lost."""
_DIED = r"(?:died|passed\saway|passed|was\skilled)"
_BETWEEN = r"(?:,?\s(?:has|had|have|just|recently|sadly|suddenly|unexpectedly|who|that))*"
_NAME = r"(?:\s[A-Z][a-z]+)?"

_MY_RELATION_DIED = keyed(
    "died|passed|killed",
    rf"\b(?:my|our)\s(?:late\s)?(?:beloved\s|dear\s)?(?P<who>{_RELATION})\b(?!'s){_NAME}"
    rf"{_BETWEEN}\s{_DIED}\b",
)
_LATE_RELATION = keyed("late", rf"\b(?:my|our)\slate\s(?P<who>{_RELATION})\b")
_DEATH_OF = keyed(
    "death|loss|passing|lost|losing",
    rf"\b(?:(?:death|loss|passing)\sof\s(?:my|our)|lost\s(?:my|our)|since\slosing\s(?:my|our))"
    rf"\s(?:late\s)?(?P<who>{PEOPLE})\b(?!'s|-)",
)
_FUNERAL_OF = keyed(
    "funeral", rf"\b(?:my|our)\s(?:late\s)?(?P<who>{_RELATION})(?:'s|’s|s)\sfuneral\b"
)
_BARE_PARENT_DIED = keyed(
    "mum|mom|dad|mam",
    rf"(?:^|(?<=[.!?]\s))(?P<who>Mum|Mom|Dad|Mam)\b{_BETWEEN}\s{_DIED}\b",
    0,
)
_GENERIC = keyed(
    "funeral|bereave|passed|death",
    r"\b(?:funeral|bereavement|bereaved|passed\saway|death\scertificate|"
    r"(?:a|the)\sdeath\sin\sthe\sfamily)\b",
)

_RELATIONS = (_MY_RELATION_DIED, _LATE_RELATION, _DEATH_OF, _FUNERAL_OF, _BARE_PARENT_DIED)

KEYS = keys_of([*_RELATIONS, _GENERIC])
"""Words one of which a sentence needs before `losses` can find anything in it."""


def losses(sentence: Sentence) -> Iterable[Found]:
    """A death told in one sentence: whose, when it is said, else `GENERIC`."""
    for rank, pattern in enumerate(_RELATIONS):
        for match in pattern.finditer(sentence):
            who = match.group("who").lower()
            start, end = sentence.start + match.start(), sentence.start + match.end()
            yield Found("loss", f"your {who}", start, end, 0.9, rank)
    for match in _GENERIC.finditer(sentence):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        yield Found("loss", GENERIC, start, end, 0.8, len(_RELATIONS))
