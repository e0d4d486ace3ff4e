"""`read`: one call that reads everything a recovery needs from a customer's message.

The message is cut to `MAX_CHARS`, cleaned of invisible characters (offsets still point
into the message as given), checked for language (another language stops here: no facts,
no triage, reported unsupported), split into bounded sentences, and every extractor runs
on each sentence. Of the candidates for each fact the lowest rank wins, then the earliest
(a negative rank means the latest wins: the last of a chain of promised dates).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from recovery_cli.listen import clauses, issues, stakes
from recovery_cli.listen.keys import present, register
from recovery_cli.listen.language import detect
from recovery_cli.listen.model import Fact, Reading
from recovery_cli.listen.names import customer_names
from recovery_cli.listen.numbers import amounts, references, times, waited
from recovery_cli.listen.parties import partners
from recovery_cli.listen.promises import promises
from recovery_cli.listen.sentences import MAX_CHARS, Found, Sentence, split
from recovery_cli.listen.shapes import is_agent_note
from recovery_cli.listen.signals import channel, severity
from recovery_cli.text import clean_with_offsets

if TYPE_CHECKING:
    from recovery_cli.triage import Triage

MIN_CONFIDENCE = 0.75
"""Facts below this are not kept at all (precision over recall)."""


def read(message: str, triage: Triage | None = None) -> Reading:
    """Read one message: facts with their spans, severity, channel and (given one) triage."""
    given = message[:MAX_CHARS]
    text, offsets = _cleaned(given)
    language = detect(text)
    if language != "en":
        return Reading(language, False, read_chars=len(given), total_chars=len(message))
    note = is_agent_note(text)
    keys = present(text.lower())
    facts = choose(_candidates(text, note, keys), text, given, offsets)
    verdict = triage.classify(text) if triage is not None else None
    routine = verdict is not None and verdict.scenario is None
    return Reading(
        language,
        True,
        facts=facts,
        severity=severity(text, facts, routine, keys),
        channel=channel(text, note, keys),
        triage=verdict,
        read_chars=len(given),
        total_chars=len(message),
    )


Extractor = Callable[[Sentence, str], Iterable[Found]]

_EXTRACTORS: tuple[tuple[tuple[str, ...], Extractor], ...] = (
    (tuple("0123456789#"), lambda sentence, _: references(sentence)),
    (("£", "$", "€", "gbp", "usd", "eur", "pound", "quid", "dollar", "buck"),
     lambda sentence, _: amounts(sentence)),
    (("since", "day", "week", "month", "hour", "min", "hr", "year", "all "),
     lambda sentence, _: waited(sentence)),
    (("time", "twice", "x", "call", "email", "letter", "message", "chat", "visit", "promise",
      "second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "6th",
      "attempt", "complaint", "missed"), lambda sentence, _: times(sentence)),
    (("courier", "carrier", "deliver", "lab", "supplier", "manufacturer", "wholesaler",
      "contractor", "installer", "partner", "centre", "center", "bank", "card", "society",
      "dhl", "dpd", "ups", "fedex", "evri", "hermes", "royal mail", "parcelforce", "yodel",
      "usps", "tnt", "gls", "inpost", "amazon", "arrow", "engineer", "fitter", "technician",
      "plumber", "electrician", "locksmith", "cleaner", "surveyor", "builder", "removal",
      "movers"), lambda sentence, _: partners(sentence)),
    (("then", "promis", "guarantee", "due", "told", "booked", "scheduled", "supposed", "meant",
      "ment to", "would", "said", "confirmed", "slot", '"'), promises),
)
EXTRACTORS = tuple((register(keys), extract) for keys, extract in _EXTRACTORS)
"""Each extractor with the words one of which a sentence needs before it is run."""


def _cleaned(given: str) -> tuple[str, list[int] | None]:
    """`clean_with_offsets`, skipped for plain printable ASCII (it has nothing to remove)."""
    if given.isascii() and given.replace("\n", " ").replace("\t", " ").isprintable():
        return given, None
    return clean_with_offsets(given)


def _candidates(text: str, note: bool, keys: frozenset[str]) -> Iterable[Found]:
    sentences = split(text, keys)
    for wanted, extract in EXTRACTORS:
        hits = wanted & keys
        if hits:
            for sentence in sentences:
                if any(key in sentence.low for key in hits):
                    yield from extract(sentence, text)
    if not note:
        yield from clauses.apply(issues.RULES, sentences, text)
        yield from clauses.apply(stakes.RULES, sentences, text)
    yield from customer_names(text, keys)


def choose(
    candidates: Iterable[Found], text: str, given: str, offsets: list[int] | None
) -> dict[str, Fact]:
    """The best candidate for each fact, as a `Fact` with offsets into `given`."""
    best: dict[str, Found] = {}
    for found in candidates:
        if found.confidence < MIN_CONFIDENCE:
            continue
        held = best.get(found.name)
        if held is None or _key(found) < _key(held):
            best[found.name] = found
    facts: dict[str, Fact] = {}
    for name, found in best.items():
        start, end = found.start, found.end
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        facts[name] = Fact(name, found.value, start, end, found.confidence, given[start:end])
    return facts


def _key(found: Found) -> tuple[int, int]:
    return (found.rank, -found.start if found.rank < 0 else found.start)
