"""`read`: one call that reads everything a recovery needs from a customer's message.

The message is cut to `MAX_CHARS`, cleaned of invisible characters (offsets still point
into the message as given), checked for language (another language stops here: no facts,
no triage, reported unsupported), split into bounded sentences, and every extractor runs
on each sentence. Of the candidates for each fact the lowest rank wins, then the earliest
(a negative rank means the latest wins: the last of a chain of promised dates).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from recovery_cli.listen import (
    belongings,
    bookings,
    charges,
    circumstances,
    clauses,
    contact,
    deadline,
    disclosures,
    failures,
    harm,
    issues,
    items,
    jobs,
    loss,
    numbers,
    outages,
    parties,
    premium,
    refunds,
    requests,
    services,
    staff,
    stakes,
    visits,
)
from recovery_cli.listen import promises as promises_module
from recovery_cli.listen.deadline import deadlines
from recovery_cli.listen.harm import harms
from recovery_cli.listen.keys import present, register
from recovery_cli.listen.language import detect
from recovery_cli.listen.likely import likely_stakes
from recovery_cli.listen.loss import losses
from recovery_cli.listen.model import KEPT, SURE, Fact, Reading
from recovery_cli.listen.named import likely_issue
from recovery_cli.listen.names import customer_names
from recovery_cli.listen.numbers import amounts, answered_references, references, times, waited
from recovery_cli.listen.parties import partners
from recovery_cli.listen.premium import premiums
from recovery_cli.listen.promises import promises
from recovery_cli.listen.sentences import MAX_CHARS, Found, Sentence, split, union, words
from recovery_cli.listen.severity import severity
from recovery_cli.listen.shapes import is_agent_note, is_voicemail
from recovery_cli.listen.signals import channel, logged, opening
from recovery_cli.listen.turns import ours
from recovery_cli.text import clean_with_offsets, is_clean

if TYPE_CHECKING:
    from recovery_cli.triage import Triage

ISSUE_REACH = 250
"""What went wrong is said early: a failure first named past this many characters and past
the first half of the story is a detail of one told before it ("the stain won't come out",
"my neighbours are down too"), so it is not offered as the issue."""

_STORY = re.compile(
    r"^(?:-{2,}\s?(?:original\smessage|forwarded(?:\smessage)?)\s?-{2,}|>)|" + clauses.MAIN_POINT,
    re.I | re.M,
)
"""Where the story itself starts, when the message says so: a forwarded or quoted message,
or "the reason I'm writing is"."""


def read(
    message: str,
    triage: Triage | None = None,
    *,
    known: Collection[str] = (),
    read_routine: bool = True,
    playbook: str | None = None,
    guesses: bool = True,
) -> Reading:
    """Read one message: facts with their spans, severity, channel and (given one) triage.

    `known` names what the caller has already ("severity", "channel", as a batch row's
    columns give them): those are not worked out, and the reading leaves them None. With
    `read_routine` false, a message triage finds routine is read no further (no facts,
    severity or channel): a batch drafts nothing for it. `playbook` is the one already
    chosen (by an agent, or a row's column) when there is no triage to choose it: the
    learnt issue weighs it (`named`). With `guesses` false, what no rule reads is left
    unread (no learnt stake or issue): an unattended run never drafts a guess, so a batch
    does not spend time on them."""
    given = message[:MAX_CHARS]
    text, offsets = _cleaned(given)
    language = detect(text)
    if language != "en":
        shown = None if "channel" in known else channel(opening(text, present(text.lower())), False)
        return Reading(
            language, False, channel=shown, read_chars=len(given), total_chars=len(message)
        )
    verdict = triage.classify(text) if triage is not None else None
    routine = verdict is not None and verdict.scenario is None
    if routine and not read_routine:
        return Reading(
            language, True, triage=verdict, read_chars=len(given), total_chars=len(message)
        )
    sentences = split(text)
    keys = union(sentences)
    head = opening(text, keys)  # what the channel and a log's heading are looked for in
    note = is_agent_note(text) or (not is_voicemail(text) and logged(head))
    theirs = _customers(text, sentences)
    issues: list[Found] = []
    facts = choose(_candidates(text, note, sentences, keys, theirs), given, offsets, issues)
    _name_the_thing(facts, given)
    if guesses and "stakes" not in facts and not note:  # no rule read it: the likeliest
        facts.update(choose(likely_stakes(_beside(theirs, facts, offsets)), given, offsets))
    chosen = verdict.scenario if verdict is not None else playbook
    if guesses and "issue" not in facts and chosen is not None:
        # No rule read it, and a playbook fits: the thing the message likeliest names.
        facts.update(choose(likely_issue(theirs, chosen, note), given, offsets))
    judged = None if "severity" in known else severity(text, facts, routine, sentences, keys)
    _said_once(facts)  # after severity, which weighs the stakes however they were said
    return Reading(
        language,
        True,
        facts=facts,
        severity=judged,
        channel=None if "channel" in known else channel(head, note),
        triage=verdict,
        read_chars=len(given),
        total_chars=len(message),
        note=note,
        also=_also(facts.get("issue"), issues, given, offsets),
    )


Extractor = Callable[[Sentence, str, bool], Iterable[Found]]
"""Candidates in one sentence, given the whole message and whether it is an agent's note."""

EXTRACTORS: tuple[tuple[frozenset[str], Extractor], ...] = (
    (register("0123456789#"), lambda sentence, *_: references(sentence)),
    (register(numbers.AMOUNT_KEYS), lambda sentence, *_: amounts(sentence)),
    (numbers.WAITED_KEYS, lambda sentence, *_: waited(sentence)),
    (numbers.TIMES_KEYS, lambda sentence, *_: times(sentence)),
    (parties.KEYS, lambda sentence, *_: partners(sentence)),
    (promises_module.KEYS, lambda sentence, text, _: promises(sentence, text)),
    (loss.KEYS, lambda sentence, *_: losses(sentence)),
    (harm.KEYS, harms),
    (deadline.KEYS, lambda sentence, *_: deadlines(sentence)),
    (premium.KEYS, lambda sentence, *_: premiums(sentence)),
    (items.KEYS, lambda sentence, *_: items.items(sentence)),
    (visits.KEYS, lambda sentence, *_: visits.visits(sentence)),
    (bookings.KEYS, lambda sentence, *_: bookings.booked(sentence)),
    (outages.KEYS, lambda sentence, *_: outages.outages(sentence)),
    (charges.KEYS, lambda sentence, *_: charges.charges(sentence)),
    (requests.KEYS, lambda sentence, *_: requests.requests(sentence)),
    (disclosures.KEYS, lambda sentence, *_: disclosures.disclosures(sentence)),
    (refunds.KEYS, lambda sentence, *_: refunds.owed(sentence)),
    (staff.KEYS, lambda sentence, *_: staff.staff(sentence)),
    (jobs.KEYS, lambda sentence, *_: jobs.jobs(sentence)),
    (belongings.KEYS, lambda sentence, *_: belongings.belongings(sentence)),
)
"""Each extractor but the clause rules, with the words one of which a sentence must hold."""

CLAUSE_RULES = (
    *issues.RULES,
    *failures.RULES,
    *services.NOTED,
    *stakes.RULES,
    *circumstances.RULES,
    *stakes.NOTED,
)
"""Every clause rule; each says whose words it reads (the customer's, a note's or any)."""


def compile_rules() -> None:
    """Compile every clause rule now (about 0.15 s) rather than on first use: a batch does it
    before forking its workers, so they share the compiled patterns instead of each holding
    a copy of the ones its rows meet."""
    for each in CLAUSE_RULES:
        each.pattern  # noqa: B018 - a cached property: reading it compiles and keeps it


def _said_once(facts: dict[str, Fact]) -> None:
    """What went wrong and what is at stake read from the same words would say them twice in
    one reply. An issue that runs on into the stakes ("the tablet has not come and college
    starts on Monday") stops before them; one that holds them otherwise ("your payroll run
    was blocked the whole time" as both) keeps them, and the stakes go."""
    issue, stakes = facts.get("issue"), facts.get("stakes")
    if issue is None or stakes is None:
        return
    said, riding = issue.value.lower(), stakes.value.lower()
    for joint in (" and ", ", "):
        if said.endswith(joint + riding):  # "the tablet has not come and college starts ..."
            facts["issue"] = replace(issue, value=issue.value[: -len(joint + riding)])
            return
    if riding in said or said in riding:
        del facts["stakes"]


def _name_the_thing(facts: dict[str, Fact], given: str) -> None:
    """What failed, said with the thing it is part of or the visit it was for, when the
    message named both: "the screen is cracked" and "I ordered a laptop" read "the screen
    on your laptop is cracked"; "the engineer didn't turn up" and "my boiler service" read
    "the engineer didn't turn up for your boiler service"."""
    issue = facts.get("issue")
    if issue is None or issue.confidence < SURE:
        return
    for name, said_with in (("item", items.with_thing), ("appointment", visits.with_visit)):
        thing = facts.get(name)
        if thing is None or thing.confidence < SURE or _owned_before(given, issue, thing):
            continue
        named = said_with(issue.value, thing.value)
        if named is not None:
            facts["issue"] = replace(issue, value=named)
            return


_ITS_OWN_SUBJECT = re.compile(
    r"\b(?:my|our)\s(?:[\w'-]{2,20}\s){0,2}?[\w'-]{2,20}\s(?:fell|dropped|slipped|went|came|got|"
    r"was|were|is|has|had)\b[^.!?\n]{0,40}\band\s$",
    re.I,
)
"""Before a broken part: another thing of the customer's that the part belongs to, as the
subject of the clause just before ("My mobile phone fell out and the screen shattered")."""


def _owned_before(given: str, issue: Fact, thing: Fact) -> bool:
    """Whether the issue's part belongs to something else the customer names just before
    it: in "My mobile phone fell out and the screen shattered" the screen is the phone's,
    not the glasses they came for."""
    lead = given[max(0, issue.start - 80) : issue.start]
    owner = _ITS_OWN_SUBJECT.search(lead)
    return owner is not None and thing.value.lower().split()[-1] not in owner.group().lower()


def _beside(
    sentences: list[Sentence], facts: dict[str, Fact], offsets: list[int] | None
) -> list[Sentence]:
    """The sentences that do not hold what went wrong: the sentence that says the kettle
    leaks says what failed, not what rides on it ("I'm 84 and the new kettle leaks")."""
    issue = facts.get("issue")
    if issue is None:
        return sentences

    def at(place: int) -> int:
        return offsets[place] if offsets is not None else place

    return [s for s in sentences if at(s.end) <= issue.start or at(s.start) >= issue.end]


def _cleaned(given: str) -> tuple[str, list[int] | None]:
    """`clean_with_offsets`, skipped for plain printable ASCII (it has nothing to remove).

    Curly apostrophes become straight ones ("can’t" reads as "can't"); one character for
    one, so the offsets still point into the message as given.
    """
    if given.isascii() and is_clean(given):
        return given, None
    text, offsets = clean_with_offsets(given)
    return text.replace("’", "'").replace("‘", "'"), offsets


def _customers(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences in the customer's words: all of them, less a chat's lines by our agent
    or bot (`turns`), which are not theirs to be turned to "you"."""
    spans = ours(text) if ":" in text else []
    if not spans:
        return sentences
    return [s for s in sentences if not any(start <= s.start < end for start, end in spans)]


def _candidates(
    text: str,
    note: bool,
    sentences: list[Sentence],
    keys: frozenset[str],
    theirs: list[Sentence],
) -> Iterable[Found]:
    """Every extractor's candidates; `keys` are the sentences' keys together (`union`), and
    the clause rules read only `theirs`, the sentences in the customer's words."""
    for wanted, extract in EXTRACTORS:
        if not wanted.isdisjoint(keys):
            for sentence in sentences:
                if not wanted.isdisjoint(sentence.keys):
                    yield from extract(sentence, text, note)
    yield from clauses.apply(CLAUSE_RULES, theirs, text, note)
    if not contact.KEYS.isdisjoint(keys):  # only a request in the customer's own words
        yield from contact.contacts(theirs, note, text)
    yield from customer_names(text, sentences, keys, note)
    if "?" in text:  # an agent asked for the customer's number in a chat
        yield from answered_references(text)


def choose(
    candidates: Iterable[Found],
    given: str,
    offsets: list[int] | None,
    issues: list[Found] | None = None,
) -> dict[str, Fact]:
    """The best candidate for each fact, as a `Fact` with offsets into `given`; `issues`
    collects every sure issue candidate on the way (for `Reading.also`)."""
    best: dict[str, Found] = {}
    mentions: dict[str, int] = {}
    reach = max(ISSUE_REACH, len(given) // 2)
    story: int | None = None
    for found in candidates:
        if found.confidence < KEPT:  # not kept at all: precision over recall
            continue
        if found.name == "issue" and found.start > reach:
            if story is None:  # looked for only when needed: most issues come early
                told = _STORY.search(given)
                story = told.start() if told is not None else 0
                reach = story + max(ISSUE_REACH, (len(given) - story) // 2)
            if found.start > reach:
                continue
        if found.name == "amount":
            found = _amount(found, mentions)
        if issues is not None and found.name == "issue" and found.confidence >= SURE:
            issues.append(found)
        held = best.get(found.name)
        if held is None or _key(found) < _key(held):
            best[found.name] = found
    amount = best.get("amount")
    if amount is not None and len(mentions) >= _MANY_SUMS and amount.rank > 0:
        best["amount"] = amount._replace(confidence=min(amount.confidence, KEPT))
    return {name: _fact(found, given, offsets) for name, found in best.items()}


def _fact(found: Found, given: str, offsets: list[int] | None) -> Fact:
    start, end = found.start, found.end
    if offsets is not None:
        start, end = offsets[start], offsets[end]
    return Fact(found.name, found.value, start, end, found.confidence, given[start:end])


def _also(
    issue: Fact | None, issues: list[Found], given: str, offsets: list[int] | None
) -> tuple[Fact, ...]:
    """The likeliest other failure the message tells of, apart from `issue`: a sure one of
    no weaker shape, elsewhere in the message, about other things (no content word shared)."""
    if issue is None or len(issues) < 2:
        return ()
    first = next((found for found in issues if found.value == issue.value), None)
    if first is None:
        return ()
    said = _content(first.value)
    for other in sorted(issues, key=_key):
        if other.start < first.end and first.start < other.end:
            continue  # the same words, or part of them
        if other.rank > first.rank or _content(other.value) & said:
            continue  # a weaker shape, or the same failure said again ("the line is down")
        return (_fact(other, given, offsets),)
    return ()


def _content(value: str) -> set[str]:
    """The words that say what a clause is about: any of four letters or more."""
    return {word for word in re.findall(r"[a-z]{4,}", value.lower()) if word not in _COMMON}


_COMMON = words(
    "your have been with that this they from were their there what when still just again "
    "also even since into over about after before because"
)
"""Words too common to say two clauses are about the same thing."""


_MANY_SUMS = 3
"""With this many different sums and no word saying which one the complaint is about
("charged", "refund", "paid"), the first is only a guess: "£240 taken instead of the usual
£85, and the bank charged me £25" must not be drafted as "the £240 at stake" by chance, so
it is offered to an agent, never drafted unattended."""


def _amount(found: Found, mentions: dict[str, int]) -> Found:
    """A sum named twice ("a refund of the €318") outranks one named once."""
    mentions[found.value] = mentions.get(found.value, 0) + 1
    return found._replace(rank=found.rank * 10 - (mentions[found.value] - 1))


def _key(found: Found) -> tuple[int, int, int]:
    """Lower rank first, then the earliest (the latest for a negative rank), then the
    longest: of two clauses from one place, the one that says more."""
    return (found.rank, -found.start if found.rank < 0 else found.start, found.start - found.end)
