"""Small rules that lift a clause from a sentence and say it back in the second person.

A `Rule` is one readable pattern ("my X still hasn't arrived") and a template that puts
its parts back together in the customer's voice ("{det} {np} {pred}"); `voice` then turns
the persons round. Most rules name a thing (`np`, a noun phrase of at most four words);
one whose noun phrase holds a verb or a pronoun is dropped rather than risk "your it
arrived broken". Templates may also use `{be}`, `{were}`, `{has}` and `{s}`, which agree with the
noun phrase ("your glasses are late", "your sofa is late").

Every pattern is written with bounded repetition only, and the noun phrase is words
separated by single spaces, so matching is linear in the sentence's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Sentence, words
from recovery_cli.wording import from_customer, from_note

PAREN = r"(?:\s\([^()\n]{1,60}\))?"
"""An aside in brackets, skipped ("my contact lenses (monthlies) were due ...")."""

REST = r"[^,.;:!?()\n]{0,60}(?=[,.;:!?()\n]|$)"
"""The rest of a clause, up to its end (a clause too long to end within reach is left out)."""

START = r"(?:^(?:@\w{1,30}\s|subject:\s|re:\s)?|\(|,\s)"
"""Where a clause with no subject of its own may start: the sentence, a bracket, a comma."""

LONG_REST = r"[^.;:!?\n]{1,110}(?=[.;:!?\n]|$)"
"""The rest of a sentence, commas and all."""

_NOT_IN_NP = words(
    "is was were are am be been being has have had do does did will would can could "
    "should still never not no and but or so if when then because that which who whom "
    "what where it i me you we they he she him her them us this these those there here "
    "to for from with at on in by into onto about after before since until just only "
    "also now today yesterday tonight tomorrow again even really please very too ever "
    "hasn't haven't isn't aren't wasn't weren't didn't don't doesn't can't won't hasnt "
    "havent isnt arent wasnt werent didnt dont doesnt cant wont sent said told got get "
    "arrived came come went left took gave made kept one ones"
)
WORD = r"[\w£$€](?:[\w'’£$€%-]|[.,](?=\d)){0,24}"
"""One word of a noun phrase."""

NP = rf"(?P<np>(?:{WORD}\s){{0,3}}?{WORD})"
"""A noun phrase: one to four words, the fewest that let the rule match (checked by
`plausible_np`; when it fails, the search starts again one character on)."""

_DETERMINERS = frozenset({"a", "an", "the", "my", "your", "our", "their", "his", "her"})
WEAK_HEADS = words(
    "order orders parcel parcels package packages delivery item items stuff box thing "
    "things purchase top side corner lid packaging wheel leg handle edge base front "
    "bottom"
)
"""Heads that name no particular thing, or only a part of it ("the top is cracked")."""
SUBJECTS = {
    "it's": "it is",
    "its": "it is",
    "this is": "it is",
    "which is": "it is",
    "this was": "it was",
    "they're": "they are",
    "there": "they are",
    "theyre": "they are",
    "these are": "they are",
}
"""How "it's for my son's birthday" and its spellings start once said back."""

_POSSESSIVE = re.compile(
    r"\b(son|daughter|mum|mom|dad|sister|brother|wife|husband|niece|nephew|friend|father|"
    r"mother|partner|granddaughter|grandson)s\s(?!(?:and|are|were|have|had|is|was|who)\b)"
    r"(?=[a-z0-9])",
    re.I,
)
"""A family word run into what is theirs: "my daughters 7th birthday" -> "daughter's"."""

_PLURAL_SINGULARS = words("glass class gas bus address business series news")


@dataclass(frozen=True)
class Rule:
    """A pattern over one sentence and the clause it makes.

    `keys` are a cheap test before the pattern runs: one of them must occur in the
    sentence (lower-cased). `needs`, when set, must also match somewhere in the message (a
    rule about a late order needs some sign that it has not come). `rank` orders rules
    (lower wins); a noun phrase that is only "order" or "parcel", or a part such as "the
    top", adds 2, so a clause that names the thing beats one that does not.
    """

    fact: str
    pattern: re.Pattern[str]
    template: str
    keys: frozenset[str]
    rank: int = 0
    sure: float = 0.8
    needs: re.Pattern[str] | None = None
    noted: bool = False
    """A rule for agents' notes: its clause speaks of the customer in the third person."""


def rule(
    fact: str,
    keys: str,
    pattern: str,
    template: str,
    rank: int = 0,
    sure: float = 0.8,
    needs: re.Pattern[str] | None = None,
    noted: bool = False,
) -> Rule:
    """A `Rule`, compiled case-insensitively; `keys` are separated by "|"."""
    compiled = re.compile(pattern, re.I)
    return Rule(fact, compiled, template, register(keys.split("|")), rank, sure, needs, noted)


def apply(rules: Sequence[Rule], sentences: Sequence[Sentence], text: str) -> Iterable[Found]:
    """Every clause the rules make from a message's sentences (`text` is the message)."""
    if not sentences:
        return
    keys = sentences[0].keys
    for each in rules:
        if each.keys.isdisjoint(keys):
            continue
        hits = each.keys & keys
        if each.needs is not None and not each.needs.search(text):
            continue
        for sentence in sentences:
            if any(key in sentence.low for key in hits):
                yield from _matches(each, sentence)


def _matches(each: Rule, sentence: Sentence) -> Iterable[Found]:
    text = sentence.text
    match = each.pattern.search(text)
    while match is not None:
        made = None
        if not _HYPOTHETICAL.search(text, max(0, match.start() - 12), match.start()):
            made = build(each, match)  # not "if my parcel isn't here tomorrow ..."
        if made is None:
            match = each.pattern.search(text, match.start() + 1)
            continue
        clause, generic = made
        yield Found(
            each.fact,
            clause,
            sentence.start + match.start(),
            sentence.start + match.end(),
            each.sure,
            each.rank + (2 if generic else 0),
        )
        match = each.pattern.search(text, max(match.end(), match.start() + 1))


def build(each: Rule, match: re.Match[str]) -> tuple[str, bool] | None:
    """The clause for one match, and whether its noun phrase is generic; None if unfit."""
    parts = {name: _sentence_case(match, name) for name in match.groupdict()}
    np = parts.get("np", "")
    generic = False
    if "np" in parts:
        if not plausible_np(np):
            return None
        head = np.lower().split()[-1]
        generic = head in WEAK_HEADS
        plural = is_plural(head)
        parts["be"] = "are" if plural else "is"
        parts["were"] = "were" if plural else "was"
        parts["has"] = "have" if plural else "has"
        parts["s"] = "" if plural else "s"
    if "subj" in parts:
        parts["subj"] = SUBJECTS.get(" ".join(parts["subj"].lower().split()), parts["subj"])
    raw = _POSSESSIVE.sub(r"\1's ", each.template.format(**parts))
    clause = (from_note if each.noted else from_customer)(" ".join(raw.split()))
    if clause is None:
        return None
    if clause.endswith(" afford"):
        clause += " it"  # "which we can't afford" -> "you can't afford it"
    return clause, generic


def _sentence_case(match: re.Match[str], name: str) -> str:
    """A captured part, its first letter lowered when only a sentence start capitalised it."""
    value = match.group(name) or ""
    start = match.start(name)
    before = match.string[:start].rstrip()
    starts = not before or before.endswith(("(", ":")) or _HANDLE_ONLY.fullmatch(before)
    first = value.split(" ", 1)[0]
    if starts and first[:1].isupper() and first[1:].islower() and first.lower() not in _PROPER:
        return value[0].lower() + value[1:]
    return value


_HYPOTHETICAL = re.compile(r"\b(?:if|unless|once|until|whether|in\scase)\s$", re.I)
_HANDLE_ONLY = re.compile(r"@\w{1,30}")
_PROPER = words(
    "monday tuesday wednesday thursday friday saturday sunday january february april "
    "june july august september october november december mum dad"
)


def plausible_np(np: str) -> bool:
    """Whether a captured noun phrase names a thing (no verbs, pronouns or dates in it)."""
    words = np.lower().replace("’", "'").split()
    if not words or any(word in _NOT_IN_NP for word in words):
        return False
    if words[-1] in _DETERMINERS or words[0] in {"of", "and"} or words[-1] == "of":
        return False
    return not words[-1].isdigit()


def is_plural(head: str) -> bool:
    """A rough number for agreement: "glasses", "lenses" and "invitations" are plural."""
    head = head.lower()
    if head in {"staff", "people", "clothes", "police"}:
        return True
    if head in _PLURAL_SINGULARS or head.endswith(("ss", "us", "is")):
        return head in {"glasses", "lenses"}
    return head.endswith("s") and len(head) > 3


def signal(pattern: str) -> re.Pattern[str]:
    """A message-wide condition for `Rule.needs`."""
    return re.compile(pattern, re.I)
