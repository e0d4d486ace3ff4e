"""What the customer asks us to do, as it follows "we are not able to": "extend your free trial".

saying-no's reply names the request it cannot grant ("we are not able to change the name on
your ticket this time") instead of "do what you asked for". A request is asked in a few
shapes, and only for an action we could grant or refuse:

- of us: "can you extend my free trial by a week?", "could u unlock my phone", "Please
  refund the £35 fee", "I'd like you to move the dates", "is it possible to transfer it",
  and in an agent's note "asked if we can at least offer store credit";
- for themselves: "can I change the name on my ticket?" (we would let them: "let you
  change the name on your ticket"), "can I get a full refund?", "I'd like my deposit back"
  (we would give it: "give you your deposit back").

Asking to be told, called or helped ("can you tell me why", "could you call me back") asks
for nothing to refuse, and is not read; nor is a request that runs on past the clause
("can you refund me, as I was told I could") beyond its own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import from_customer

CONFIDENCE = 0.8
"""Sure: it only names what the playbook already says it cannot do."""

_ACTIONS = words(
    """
    refund return exchange swap change move extend transfer cancel waive match honour honor
    apply reopen reinstate unlock upgrade downgrade send book reserve hold keep freeze pause
    defer postpone accept take replace repair fix deliver reduce lower reverse remove release
    credit give backdate open switch add reissue rebook drop lift override prescribe dispense
    supply ship post collect pay compensate cover reimburse fit seat use buy bring stay
    arrange sell split waiver let make put offer
    """
)
"""Verbs that ask for something we could grant or refuse; "tell", "call", "help", "check"
and "explain" ask for an answer, not a favour."""
_VERB = rf"(?P<verb>{'|'.join(sorted(_ACTIONS, key=len, reverse=True))})"
_POLITE = r"(?:(?:please|pls|plz|kindly|just|possibly|maybe|perhaps)\s)?"
_REST = (
    r"(?P<rest>(?:\s[^\s,.;:!?()]{1,25}){0,12}?)(?=\s?[,.;:!?()]|\s(?:as|because|since|so|"
    r"but|if|when|or\snot|otherwise|thanks|thank|cheers|please|pls|plz)\b|$)"
)
"""The rest of the request, to the end of its clause."""

_OF_US = Keyed(
    {"can", "could", "would", "will", "please", "like", "want", "possible"},
    r"(?:\b(?:can|could|would|will)\s(?:you|u|ya)\s|\bi(?:'d|\swould)\slike\s(?:you|u)\sto\s|"
    r"\basked\s(?:if|whether)\s(?:we|you|u)\s(?:can|could|would)\s(?:at\sleast\s|still\s)?|"
    r"\bi\swant\s(?:you|u)\sto\s|\bis\sit\spossible\s(?:for\s(?:you|u)\s)?to\s|\bplease\s)"
    rf"{_POLITE}(?P<said>{_VERB}\b{_REST})",
)
_FOR_ME = Keyed(
    {"can", "could", "may", "like", "want", "way"},
    r"\b(?:(?:can|could|may)\s(?:i|we)\s|way\s(?:i|we)\scan\s|i(?:'d|\swould)\slike\sto\s|"
    r"i\swant\sto\s)"
    rf"{_POLITE}(?P<said>(?:{_VERB}|(?P<get>get|have))\b{_REST})",
)
_WANTED = Keyed(
    {"like", "want"},
    r"\bi(?:'d|\swould\slike|\swant)\s(?:like\s)?(?P<said>(?:a|an|my|the|our|some|"
    rf"at\sleast|half|all)\b{_REST})",
)
KEYS = register(_OF_US.keys | _FOR_ME.keys | _WANTED.keys)
"""Words one of which a sentence needs before a request can be read in it."""

_FOR_ME_ALREADY = words("let give")
"""Verbs that already say what we would do for them ("can I let you know")."""
_GRANTED = words(
    """
    refund back money exception discount credit replacement compensation extension upgrade
    exchange voucher transfer change deposit
    """
)
"""What a bare "I'd like ..." asks for when it asks for something we could give."""


_ASKED_FOR = register(_ACTIONS | _GRANTED | {"get", "have"})
"""Words one of which a sentence holds when it asks for something we could grant."""
_DONE = {
    "refunded": "refund",
    "extended": "extend",
    "changed": "change",
    "moved": "move",
    "fixed": "fix",
    "replaced": "replace",
    "repaired": "repair",
    "cancelled": "cancel",
    "canceled": "cancel",
    "transferred": "transfer",
    "waived": "waive",
    "reversed": "reverse",
    "removed": "remove",
    "unlocked": "unlock",
    "upgraded": "upgrade",
    "reopened": "reopen",
    "reinstated": "reinstate",
    "swapped": "swap",
    "exchanged": "exchange",
    "returned": "return",
}
"""What the customer would "get done", as the verb we would do it with."""


_FEWEST_WORDS = 3
_PARTICLES = words("out in back off on through into to away up down over around")
"""After "get", a way out or in ("can I get out of my contract"), not a thing to be given."""


def _got(rest: str) -> tuple[str, str]:
    """ "get my pass extended" asks us to extend it; "get a refund" asks us to give one."""
    if rest.split(" ", 1)[0].lower() in _PARTICLES:
        return "", ""
    last = rest.rsplit(" ", 1)
    if len(last) == 2 and last[1].lower() in _DONE:
        return f"{_DONE[last[1].lower()]} ", last[0]
    return "give you ", rest


_NOT_A_FAVOUR = re.compile(
    r"^(?:(?:put|get|let)\s(?:me|us)\s(?:through|on|know|see|check|speak|talk)|"
    r"(?:give|send|tell|have)\s(?:me|us)\s(?:your|ur)\b|(?:we|they|he|she|i)\b)",
    re.I,
)
"""What asks for no favour: to be put through or told ("put me through to a manager", "let
me know"), the agent asking the customer ("can you give me your order number"), or no
object at all ("get we sorted")."""
_NOT_GRANTED = words(
    """
    manager supervisor someone somebody anyone person human call callback update answer
    reply response explanation date time moment minute second sec number reference
    """
)
"""What a request for a person, an answer or a wait asks for: none of it is refused."""
_AGENTS_WORDS = re.compile(r"\b(?:your|ur)\b", re.I)
"""In "can I ...", the agent's words: a customer asking for themselves says "my", and "can I
take your order number" is the agent asking."""


def requests(sentence: Sentence) -> Iterable[Found]:
    """What the customer asks us to do, worded to follow "we are not able to"."""
    if _ASKED_FOR.isdisjoint(sentence.keys):
        return  # "could", "like", "please" are in many sentences; what they ask for is rarer
    for pattern in (_OF_US, _FOR_ME, _WANTED):
        for match in pattern.finditer(sentence):
            said = match.group("said")
            prefix = ""
            object_ = said.split(" ", 1)[1] if " " in said else ""
            if _NOT_A_FAVOUR.match(said) or _NOT_A_FAVOUR.match(object_):
                continue
            if not _NOT_GRANTED.isdisjoint(object_.lower().split()[:4]):
                continue  # "get a manager to ring me", "give me a real answer"
            if pattern is _FOR_ME and _AGENTS_WORDS.search(said):
                continue
            if pattern is _FOR_ME:
                verb = (match.group("verb") or "").lower()
                if match.group("get"):
                    prefix, said = _got(said.split(" ", 1)[1] if " " in said else "")
                elif verb not in _FOR_ME_ALREADY:
                    prefix = "let you "
            elif pattern is _WANTED:
                if _GRANTED.isdisjoint(said.lower().split()):
                    continue  # "I'd like the truth": nothing we could give or refuse
                prefix = "give you "
            turned = from_customer(said) if said else None
            if not turned or len((prefix + turned).split()) < _FEWEST_WORDS:
                continue  # "apply it", "make exception": says no more than the default
            value = prefix + turned
            start = sentence.start + match.start("said")
            yield Found("request", value, start, sentence.start + match.end("said"), CONFIDENCE)
