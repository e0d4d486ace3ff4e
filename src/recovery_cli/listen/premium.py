"""What the customer paid extra for, in their own words: "the "VIP Fast Track"".

A customer who pays for more names what they paid for, and a premium that fell short is
answered by saying it back: "You pay £25 for the "VIP Fast Track" so that you never have
to chase us". The premium is said in a few shapes:

- paid for, with a price or "extra" or nothing between: 'Paid extra for "Next Day
  Guaranteed before 10am"', 'paid £15 extra for the "large text senior setup" option',
  'Paid for "Prestige" class';
- a plan, tier or package the customer is on, booked or chose, named in quotes: 'I'm on
  your "Platinum Care" plan', 'booked the "Harbour View Suite"';
- "paid extra for" a plain phrase: "paid extra for express delivery";
- a premium named by what it is, anywhere in the message, with no quotes and no "paid":
  "my Priority Support", "the executive suite", "business class", "a sea-view room", "our
  relationship manager". A premium word alone ("priority", "gold") names nothing, so a
  known premium word needs a noun after it ("priority line", "next-day delivery"), and
  only a few names stand alone ("first class", "relationship manager").

It is its own fact, not `promised`: most playbooks say `promised` as a time ("with you by
Friday"), and only a playbook whose `promised` is the service paid for (premium-failure's
"our priority support plan") takes the premium in its place (`prefill.Meanings`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

_NAMED_BY = words(
    """
    priority premium express vip platinum gold executive concierge butler white-glove
    fast-track next-day same-day extra-legroom lie-flat flat-bed sea-view ocean-view reserved
    dedicated hospitality club
    """
)
"""Words that start the name of a premium when a noun follows ("sea-view room"); a hyphen
stands for a space or a hyphen in the message."""
_STANDING_ALONE = words(
    "first-class business-class club-class premium-economy relationship-manager"
)
"""Premiums named without a noun after them."""

_PAID_KEYS = register(
    {"paid", "pay", "paying", "pays", "on", "booked", "bought", "chose", "selected", "upgraded"}
    | {"requested", "ordered"}
)
"""Words that say a premium was paid for or chosen ("paid extra for", "booked the ...")."""

_NOUNS = words(
    "package plan service option upgrade add-on ticket tickets tier membership class seat seats "
    "room suite experience pass passes delivery cover support lounge"
)
"""What a premium is: a quote ending in one needs no noun after it ("Harbour View Suite")."""
_NOUN = rf"(?P<noun>{'|'.join(sorted(_NOUNS, key=len, reverse=True))})"
_PREMIUM_WORDS = re.compile(
    r"\b(?:vip|premium|express|priority|gold|platinum|silver|elite|prestige|guaranteed|first|"
    r"business|club|fast|next|same|deluxe|luxury|concierge|white\sglove|expert|pro|plus|max|"
    r"unlimited|executive|superior|signature|ultimate|day)\b",
    re.I,
)
"""Words that name a premium ("Next Day Guaranteed", "white glove")."""
_QUOTE = r"[\"“](?P<q>[^\"”\n]{3,40}?)[\"”]"
_PAID = re.compile(
    r"\b(?:paid|pay|paying|pays)\s(?:(?:extra|more|a\spremium|[£$€]\s?\d[\d,.]{0,9}"
    r"(?:\s(?:extra|each|a\smonth|a\syear|per\smonth|per\syear|a\snight))?)\s)?for\s"
    r"(?:the\s|a\s|an\s|our\s|your\s|ur\s|my\s)?(?:@\w{1,30}\s)?"
    rf"{_QUOTE}(?:\s{_NOUN}\b)?",
    re.I,
)
_CHOSEN = re.compile(
    r"\b(?:on|booked|bought|chose|selected|requested|ordered|upgraded\sto)\s(?:the\s|your\s|ur\s|"
    rf"a\s|an\s)?(?:@\w{{1,30}}\s)?{_QUOTE}(?:\s{_NOUN}\b)?",
    re.I,
)
_EXTRA = re.compile(
    r"\bpaid\sextra\sfor\s(?P<det>the\s|a\s|an\s)?(?P<plain>(?!the\b|a\b|an\b|it\b|this\b|"
    r"that\b|them\b)[a-z][\w-]{1,20}(?:\s(?!to\b|for\b|on\b|at\b|in\b|and\b|but\b|so\b|"
    r"because\b|which\b|when\b)[a-z][\w-]{1,20}){0,3})(?=\s?[,.;!?(]|\s(?:to|for|on|at|in|and|"
    r"but|so|because|which|when)\b|$)",
)
"""A plain phrase after "paid extra for" (lower case: a quoted or named premium is above)."""


def _either(names: frozenset[str]) -> str:
    """Names as one alternation, a hyphen matching a space or a hyphen."""
    return "|".join(name.replace("-", r"[\s-]") for name in sorted(names, key=len, reverse=True))


_COUNTED = words(
    "line seat seats room suite lounge ticket tickets pass package upgrade plan membership slot "
    "slots appointment appointments manager return single fare carriage cabin"
)
"""Premiums that are things ("the executive suite"); the others are a service and take no
article ("You pay for priority support")."""
_SERVICE_NOUNS = words(
    "support service delivery entry response repair attendance cover care lane boarding "
    "check-in access installation"
)
_NAMED = Keyed(
    {name.split("-")[0] for name in (*_NAMED_BY, *_STANDING_ALONE)},
    r"(?<![\w-])(?:(?P<det>my|our|your|ur|the|a|an)\s)?"
    rf"(?P<name>(?:{_either(_STANDING_ALONE)})(?:\s(?P<after>seat|seats|ticket|tickets|lounge|"
    rf"upgrade|cabin|return|single|fare|carriage))?|(?:{_either(_NAMED_BY)})\s(?:phone\s|fault\s|account\s)?"
    rf"(?P<noun>{'|'.join(sorted(_COUNTED | _SERVICE_NOUNS, key=len, reverse=True))}))"
    r"(?![\w-])",
)
KEYS = _PAID_KEYS | _NAMED.keys
"""Words one of which a sentence needs before a premium can be read in it: one that says it
was paid for or chosen, or one that starts a premium's name."""


def premiums(sentence: Sentence) -> Iterable[Found]:
    """The premium the customer paid for or is on, worded to follow "you pay for"."""
    paid = not _PAID_KEYS.isdisjoint(sentence.keys)
    has_quote = paid and ('"' in sentence.text or "“" in sentence.text)
    for pattern in (_PAID, _CHOSEN) if has_quote else ():
        for match in pattern.finditer(sentence.text):
            said = match.group("q").strip(" ,.;:")
            quoted = unshout(said)
            noun = match.group("noun")
            if not quoted or not _names_a_premium(said, noun):
                continue  # 'paid for "arrives tomorrow"', '"guaranteed"': no premium named
            if pattern is _CHOSEN and not noun and quoted.split()[-1].lower() not in _NOUNS:
                continue  # 'booked "the usual"': a quote, but no premium named
            article = "" if quoted.lower().startswith(("the ", "a ", "an ")) else "the "
            value = f'{article}"{quoted}"' + (f" {noun.lower()}" if noun else "")
            start = sentence.start + match.start("q") - 1
            yield Found("premium", value, start, sentence.start + match.end(), 0.8, 0)
    for match in _EXTRA.finditer(sentence.text) if paid else ():
        det = (match.group("det") or "").lower()
        value = f"{det}{match.group('plain')}"
        start = sentence.start + match.start("plain")
        yield Found("premium", value, start, sentence.start + match.end("plain"), 0.8, 1)
    for match in _NAMED.finditer(sentence):
        name = unshout(match.group("name"))
        if match.start() == 0 and name[1:].islower():
            name = name[0].lower() + name[1:]  # "Business class seat ..." opens a sentence
        noun = (match.group("noun") or match.group("after") or "").lower()
        det = (match.group("det") or "").lower()
        if det and not noun and name.lower().endswith("class"):
            continue  # "the first class I booked at the gym": a first lesson, not a cabin
        counted = noun in _COUNTED or (not noun and bool(det))  # "my relationship manager"
        article = "your " if det == "my" else "the " if counted else ""
        start = sentence.start + match.start("name")
        yield Found("premium", f"{article}{name}", start, sentence.start + match.end(), 0.8, 2)


def _names_a_premium(quoted: str, noun: str | None) -> bool:
    """Whether a quote names what was paid for: a name in capitals ("Club Class"), or words
    that name a premium ("white glove") or are followed by what it is ("... option"); never
    one plain word ("guaranteed", "premium")."""
    several = " " in quoted
    named = quoted[:1].isupper() and (several or noun is not None or len(quoted) > 3)
    return named or (several and (noun is not None or bool(_PREMIUM_WORDS.search(quoted))))
