"""A value read from a message, said as a letter to the customer says it.

The reading keeps the customer's words: they are the evidence an agent is shown. A draft
needs them fit for the sentence they go into, and a copy editor reading drafts found the
same faults again and again: a note's shorthand ("waiting 3 wks"), an aside naming one of
our staff ("the server (new, Kamil) poured coffee"), a clause about someone else that the
words a typed value goes through would make the customer's ("he is 84 and lives alone", of
her father, drafted "you are 84 and live alone"), the customer's own judgement repeated
back ("your massive bill"), a note's "her rent" and a bare "son is autistic", a count or an
aside tacked on after a comma, and two things done joined by a comma alone. Each is mended
here, once, for every playbook.
"""

from __future__ import annotations

import re

from recovery_cli.listen.shorthand import written_out

_THEIR_BANK = re.compile(
    r"\b(?:your|their)\s(?:bank|building\ssociety|card\s(?:provider|issuer|company))\b|"
    r"\b(?:bank|building\ssociety)$|^(?:monzo|starling|revolut|barclays|lloyds|hsbc|natwest|"
    r"santander|halifax|nationwide|tsb|chase|aib|metro\sbank|first\sdirect|bank\sof\s[\w\s]+)$",
    re.I,
)
"""The customer's own bank, read as a third party they name ("my bank", "Monzo"): every
playbook's `partner` is a firm that works for us ("our courier", "the ticket agency"), so a
draft saying "the part your bank runs for us" or "your details were with Monzo" would be
false; an agent still sees it in the reading."""
AS_GIVEN = frozenset({"customer_name", "reference", "amount"})
"""Inputs quoted exactly as the customer gave them: never tidied."""
_JUDGING = re.compile(
    r"\b(?P<det>your|the|a|an|our|this|that|these|those)\s(?:massive|ridiculous|extortionate|"
    r"outrageous|insane|crazy|stupid|absurd|ludicrous|disgusting|pathetic|useless|rubbish|"
    r"shocking|bloody|silly|joke)\s(?=[a-z£$€\d])",
    re.I,
)
"""The customer's judgement of a thing ("your massive bill", "the useless app"): theirs to
say, not ours to repeat in a reply (`there's a problem with your massive bill`)."""
_ASIDE_AT_END = re.compile(r"(?:\s(?:anyway|anyhow|please|pls|though|as\swell|at\sleast))+$", re.I)
"""How the customer asked, not what: "honour the free installation anyway" is said as
"we are not able to honour the free installation" without their "anyway"."""
_CLAUSES = frozenset({"issue", "stakes"})
_ASIDE = re.compile(r"\s?\([^()\n]{1,60}\)(?=[\s,.;:!?]|$)")
"""A bracketed aside in a clause, dropped: "the server (new, Kamil) poured coffee" names one
of our staff to the customer, "(unrelated, his asthma)" is a note to colleagues."""
_SOMEONE_ELSE = re.compile(r"(?:he|she|they)\b", re.I)
"""A clause that still opens with someone in the third person once read: "they dropped her
mirror", "he is 84 and lives alone" (her father). A draft cannot show who that is, and the
words a value goes through for an agent's typing ("she needs it" -> "you need it") would
make it the customer."""
_THEY_ARE_FOR = re.compile(r"^they(?:\sare|['’]re)\sfor\b", re.I)
"""The things bought, and what they are for: said as "it is for" (the order)."""
_NOTE_POSSESSIVE = re.compile(r"^(?:his|her)\b(?!['’])", re.I)
"""A note's "her rent is due", "her trousers": the customer's, said to them as "your"."""
_NOTE_TURNED = frozenset({"issue", "stakes", "damaged"})
_TACKED_ON = re.compile(r"(?<=\w),\s(?P<words>[\w'’-]+(?:\s[\w'’-]+)?)$")
"""One or two words after the last comma: a note's aside ("..., new phone", "..., Tesco")."""
_VERB_LIKE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|can|can't|won't|didn't|doesn't|isn't|"
    r"again|too|now|still|\w+ed|\w+n't|\w+ing)\b",
    re.I,
)
_COUNT_AFTER = re.compile(
    r",\s(?:the\s|for\s(?:the\s)?)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
    r"sixth)\stime\b[^,]*$",
    re.I,
)
"""How often, tacked on after a comma ("didn't turn up again today, 3rd time this month"):
`times` says it, in a sentence of its own."""
_BARE_KIN = re.compile(
    r"^(?:son|daughter|wife|husband|partner|mum|mom|mam|mother|dad|father|grandad|granddad|"
    r"grandma|grandmother|grandfather|grandpa|nan|nana|gran|granny|baby|brother|sister|"
    r"child|kids|children|toddler|twins|aunt|auntie|uncle|niece|nephew|fianc[ée]e?|"
    r"girlfriend|boyfriend)\b",
    re.I,
)
"""A relation a note names without "my" ("son is autistic"): "your son is autistic"."""
_SPLICED = re.compile(
    r"^(?P<head>[^,]{12,}),\s(?=(?:[a-z]{2,}ed|left|took|broke|put|cut|hit|made|went|came|"
    r"gave|got|threw|tore|ran|fell|split|burst)\s(?![^,]*\band\b)[^,]*$)"
)
"""Two things done, joined by a comma alone ("drilled through a pipe, flooded the
landing"): joined with "and", as a letter writes it."""


def for_a_letter(name: str, value: str, note: bool = False) -> str | None:
    """The value of fact `name` as a draft says it, or None when it cannot be said to the
    customer (a clause about someone the letter cannot name); `note` says the message is
    an agent's note, whose "her trousers" are the customer's."""
    if name in AS_GIVEN:
        return value
    if name == "partner" and _THEIR_BANK.search(value):
        return None
    value = _JUDGING.sub(_unjudged, written_out(value))
    if name == "request":
        value = _ASIDE_AT_END.sub("", value)
    if note and name in _NOTE_TURNED:
        value = _NOTE_POSSESSIVE.sub("your", value)
    return _clause(value) if name in _CLAUSES else value


def _unjudged(match: re.Match[str]) -> str:
    """The determiner of a judged thing, agreeing with the word now after it (never "an fee")."""
    det = match.group("det")
    if det.lower() not in {"a", "an"}:
        return f"{det} "
    vowel = match.string[match.end() : match.end() + 1].lower() in {"a", "e", "i", "o", "u"}
    article = "an" if vowel else "a"
    return f"{article.capitalize() if det[0].isupper() else article} "


_DANGLING = re.compile(
    r"\b(?:for|with|of|about)\s(?:on|at|by)\s(?!(?:least|most|all|last|first|times)\b)", re.I
)
"""A preposition left hanging by a relative clause ("which I fly out for on the 2nd" read as
"you fly out for on the 2nd"): no sentence can hold it."""


def _clause(value: str) -> str | None:
    """An issue or stakes clause as a letter says it to the customer, or None when it is
    about someone the letter cannot name (see `_SOMEONE_ELSE`)."""
    value = _THEY_ARE_FOR.sub("it is for", _ASIDE.sub("", value))
    if _SOMEONE_ELSE.match(value) or _DANGLING.search(value):
        return None
    value = _BARE_KIN.sub(lambda match: f"your {match.group().lower()}", value)
    value = _COUNT_AFTER.sub("", value)
    tacked = _TACKED_ON.search(value)
    if tacked is not None and not _VERB_LIKE.search(tacked.group("words")):
        value = value[: tacked.start()]  # "you're locked out of the app, new phone"
    return _SPLICED.sub(r"\g<head> and ", value)
