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
from functools import cached_property
from typing import Literal

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Sentence, union, words
from recovery_cli.wording import ING_NOUNS, INSULTING, INSULTS, from_customer, from_note

PAREN = r"(?:\s\([^()\n]{1,60}\))?"
"""An aside in brackets, skipped ("my contact lenses (monthlies) were due ...")."""

REST = r"[^,.;:!?()\n]{0,60}(?=[,.;:!?()\n]|$)"
"""The rest of a clause, up to its end (a clause too long to end within reach is left out)."""

START = r"(?:^(?:@\w{1,30}\s|subject:\s|re:\s)?|\(|,\s)"
"""Where a clause with no subject of its own may start: the sentence, a bracket, a comma."""

LONG_REST = r"[^.;:!?\n]{1,110}(?=[.;:!?\n]|$)"
"""The rest of a sentence, commas and all."""

TAIL = r"(?P<tail>(?:[^\S\n](?:\"[^\"\n]{1,40}\"|(?:[\w'’£$€%&+,/#-]|[.:](?=\d)){1,25})){0,18})"
"""The rest of a clause, at most eighteen words, cut where another clause starts (`clip`)
or at a line break."""

_NOT_IN_NP = words(
    "is was were are am be been being has have had do does did will would can could "
    "should still never not no and but or so if when then because that which who whom whose "
    "what where it i me you we they he she him her them us this these those there here "
    "to for from with at on in by into onto about after before since until just only ran collect "
    "also now today yesterday tonight tomorrow again even really please very too ever "
    "hasn't haven't isn't aren't wasn't weren't didn't don't doesn't can't won't hasnt "
    "havent isnt arent wasnt werent didnt dont doesnt cant wont sent said told got get "
    "arrived came come went left took gave made kept one ones nothing everything something "
    "anything someone nobody everyone anyone somebody all cx cust customer i'm i've i'd i'll a an "
    "the guest passenger patient client caller clearly really actually basically literally "
    "honestly seriously obviously apparently anymore properly either "
    "mine yours ours theirs hers turns seems looks "
    "im ive you're we're they're it's its he's she's there's that's theres thats having "
    "being getting my our your ur his their says said tells told shows showed keeps kept "
    "youre y'all yall showing saying attached both else contain contains contained "
    "advises states explains confirms mentions"
)
_WHEN_NOUNS = words("morning afternoon evening night week weekend month year time")
"""Nouns that say when after "this" or "that" ("this morning"), never what failed."""
_DAY_NAMES = words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
    "january february march april june july august september october november december"
)
"""A day or a month is when, never the subject of what failed ("Tuesday did not connect",
left at the start of a line by "...batteries on")."""
_PLURAL_VERB = re.compile(r"\s(?:are|were|have)\b", re.I)
"""A verb for two things after a noun for one: "and deep freezer are dead" is half a subject."""
WORD = r"[\w£$€](?:[\w'’£$€%-]|[.,](?=\d)){0,24}"
"""One word of a noun phrase."""

NP = rf"(?P<np>(?:{WORD}\s){{0,3}}?{WORD})"
"""A noun phrase: one to four words, the fewest that let the rule match (checked by
`plausible_np`; when it fails, the search starts again one character on)."""

_DETERMINERS = frozenset({"a", "an", "the", "my", "your", "our", "their", "his", "her"})
_NOT_LATE = words(
    "engineer engineers technician tech electrician plumber fitter fitters installer driver "
    "courier man men lady guy guys nan gran granny mum dad therapist nurse doctor surveyor "
    "partner lab team staff agent rep representative contractor builder builders missing "
    "confirmation"
)
"""What "is late" must not be said of: someone (a person who did not come did not "run
late", and "your nan is late" says she has died), or a thing already called missing."""
_PEOPLE_WHO_ACT = words(
    "engineer engineers technician technicians tech techs electrician plumber fitter fitters "
    "installer installers driver drivers courier couriers surveyor nurse doctor team staff agent "
    "agents rep contractor builder builders crew movers cleaner cleaners"
)
_PAST_ACT = re.compile(
    r"(?:cancell?ed|rescheduled|refused|left|changed|moved|forgot|ignored)\b", re.I
)
"""A headline's people and a past verb ("Engineers cancelled twice"): they did it, and "your
engineers are cancelled" turns the meaning round."""
_THEY = words("they they've they're they'd they'll theyve")
_TO_YOU = re.compile(r"\s(?:you|your)\b")
"""A clause whose "they" did something to the customer: in their words "they" is often us."""
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
    r"mother|partner|granddaughter|grandson|nan|gran|nana|grandma|grandad|auntie|aunt|uncle)s\s"
    r"(?!(?:and|are|were|have|had|is|was|who|from|in|at|on|of|with|can|could|will|would)\b)"
    r"(?=[a-z0-9])",
    re.I,
)
"""A family word run into what is theirs: "my daughters 7th birthday" -> "daughter's"."""

Voice = Literal["customer", "note", "any"]

OURS = words(
    "app site website system portal page engineer technician tech driver courier staff "
    "optician nurse surveyor fitter fitters installer plumber electrician agent advisor "
    "reader receptionist manager server waiter barista pharmacist assistant stylist "
    "porter host line service helpline chat bot checkout phone broadband internet wifi "
    "signal network connection lift store shop branch lounge reception desk portal "
    "assembler cleaner carer gardener handyman builder crew mechanic locksmith inspector "
    "tutor instructor therapist photographer link check-in warden queue barrier gate turnstile "
    "scanner escalator ramp spa gym pool"
)
"""Nouns that are ours, not the customer's: a bare "App crashes" is "the app crashes"."""

_PLURAL_SINGULARS = words("glass class gas bus address business series news lens")


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
    source: str
    """The pattern as written; compiled case-insensitively the first time it is needed."""
    template: str
    keys: frozenset[str]
    rank: int = 0
    sure: float = 0.8
    needs: re.Pattern[str] | None = None
    voice: Voice = "customer"
    """Whose words the rule reads: the customer's own, an agent's note about them, or both
    (a note speaks of the customer in the third person, so its clauses turn differently)."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use: a message runs only the rules its keys call for, so a
        one-off read (`recovery triage`) does not wait for hundreds it never runs."""
        return re.compile(self.source, re.I)


def rule(
    fact: str,
    keys: str,
    pattern: str,
    template: str,
    rank: int = 0,
    sure: float = 0.8,
    needs: re.Pattern[str] | None = None,
    voice: Voice = "customer",
) -> Rule:
    """A `Rule`, case-insensitive; `keys` are separated by "|"."""
    return Rule(fact, pattern, template, register(keys.split("|")), rank, sure, needs, voice)


def apply(
    rules: Sequence[Rule], sentences: Sequence[Sentence], text: str, note: bool = False
) -> Iterable[Found]:
    """Every clause the rules make from a message's sentences (`text` is the message).

    `note` says the message is an agent's note: only rules for notes (or for any text)
    run, and their clauses are turned from the third person.
    """
    if not sentences:
        return
    skip = "customer" if note else "note"
    index = _index(rules)
    needed: dict[int, bool] = {}  # rules share their signals: each searched once a message
    for each in index.relevant(union(sentences)):
        if each.voice == skip:
            continue
        if each.needs is not None:
            held = needed.get(id(each.needs))
            if held is None:
                held = needed[id(each.needs)] = each.needs.search(text) is not None
            if not held:
                continue
        if len(sentences) == 1:  # the message's keys are its one sentence's
            yield from _matches(each, sentences[0], note)
            continue
        for sentence in sentences:
            if not each.keys.isdisjoint(sentence.keys):
                yield from _matches(each, sentence, note)


class RuleIndex:
    """Rules by key, so the rules that can match a message follow from the keys it holds
    (a few dozen lookups) instead of testing every rule's keys against it."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self.by_key: dict[str, list[int]] = {}
        for position, each in enumerate(self.rules):
            for key in each.keys:
                self.by_key.setdefault(key, []).append(position)

    def relevant(self, keys: Iterable[str]) -> list[Rule]:
        """The rules with a key among `keys`, in their own order (order breaks ties)."""
        return [self.rules[position] for position in sorted(self.positions(keys))]

    def positions(self, keys: Iterable[str]) -> set[int]:
        """Where in `rules` the rules with a key among `keys` stand."""
        positions: set[int] = set()
        by_key = self.by_key
        for key in keys:
            found = by_key.get(key)
            if found is not None:
                positions.update(found)
        return positions


_INDEXES: dict[int, tuple[Sequence[Rule], RuleIndex]] = {}


def _index(rules: Sequence[Rule]) -> RuleIndex:
    """The index of a sequence of rules, built once (the sequence is held, so its id stays
    its own); a few sequences at most are kept."""
    held = _INDEXES.get(id(rules))
    if held is None or held[0] is not rules:
        if len(_INDEXES) >= 16:
            _INDEXES.clear()
        held = _INDEXES[id(rules)] = (rules, RuleIndex(rules))
    return held[1]


def _matches(each: Rule, sentence: Sentence, note: bool) -> Iterable[Found]:
    text = sentence.text
    pattern = each.pattern
    weakened = "weak" in pattern.groupindex
    match = pattern.search(text)
    while match is not None:
        made = None
        quoted = each.fact == "issue" and _QUOTED.search(
            text, max(0, match.start() - 3), match.start()
        )
        hypothetical = _HYPOTHETICAL.search(text, max(0, match.start() - 30), match.start())
        themselves = _THEMSELVES.search(text, max(0, match.start() - 8), match.start())
        excuse = (
            each.fact == "issue"
            and _QUOTE_MARKS.search(match.group())
            and _REPORTED.search(text, max(0, match.start() - 30), match.start())
        )
        if not quoted and not hypothetical and not themselves and not excuse:
            made = build(each, match, note)  # not "if my parcel isn't here tomorrow ..."
        if made is None:
            match = each.pattern.search(text, match.start() + 1)
            continue
        clause, generic, end = made
        if (
            each.fact == "stakes"
            and _OBLIGED.match(clause)
            and _TOLD_BEFORE.search(text, 0, match.start())
        ):
            match = each.pattern.search(text, match.start() + 1)
            continue  # 'I was told ... I need to send a certified letter': our rule, no stake
        if _cut_in_a_quote(text, match.start(), end, clause):
            match = each.pattern.search(text, match.start() + 1)
            continue  # 'keeps giving "Error - basket ...': cut inside what it quotes
        main = _MAIN_POINT.search(text, 0, match.start()) is not None or text[:8].lower() in {
            "subject:",
            "subject ",
        }
        weak = weakened and match.group("weak") is not None  # weaker evidence: ranks lower
        aside = each.fact == "issue" and _BESIDE_THE_POINT.search(clause) is not None
        yield Found(
            each.fact,
            clause,
            sentence.start + match.start(),
            sentence.start + end,
            each.sure,
            each.rank + (2 if generic or aside else 0) + (2 if weak else 0) - (1 if main else 0),
        )
        match = each.pattern.search(text, max(match.end(), match.start() + 1))


def build(each: Rule, match: re.Match[str], note: bool = False) -> tuple[str, bool, int] | None:
    """The clause for one match, whether its noun phrase is generic, and where it ends.

    A `tail` group (the rest of a clause, see `TAIL`) is cut at the first word that starts
    another clause, and the span ends there. A `det` group that matched nothing (a bare
    "Optician never turned up") is filled from the noun: "the" for people and services
    that are ours, "your" for the customer's things.
    """
    groups = match.groupdict()
    parts = {name: _sentence_case(match, name, value) for name, value in groups.items()}
    end = match.end()
    if groups.get("tail") is not None:
        kept = clip(parts["tail"])
        if (
            "," in kept
            and kept == parts["tail"]
            and _UNFINISHED.match(match.string, match.end("tail"))
        ):
            kept = kept[: kept.rfind(",")]  # stopped mid-clause (a wrapped line, the word limit)
        if ", " in kept and match.string[match.start("tail") + len(kept) :].startswith(", "):
            kept = kept[: kept.rfind(", ")]  # a list cut after one item: "today, Tesco, the ..."
        end = match.start("tail") + len(kept)
        if end < match.end() and match.end("tail") < match.end():
            return None  # the pattern went on past the tail; cutting it would lose that
        parts["tail"] = kept
    if "*" in match.string[max(0, match.start() - 1) : end + 1]:
        return None  # a masked oath in or at the edge of the words ("you c***s"): not ours
    if match.string[end - 1 : end].isdigit() and _NUMBER_GOES_ON.match(match.string, end):
        return None  # "my wife is 2,000 short" cut at "2": a number is never half said
    if (
        groups.get("who") is not None
        and match.start() == match.start("who")
        and _PLACE_OF.search(match.string, 0, match.start("who"))
    ):
        return None  # "Barista at the Bridge St branch knocked ...": the branch did nothing
    np = parts.get("np", "")
    generic = False
    if "np" in parts:
        if not plausible_np(np) or _PRONOUN.search(parts.get("mod", "")):
            return None  # "half of them": no thing named
        if parts.get("det") and np.lower().split()[0] in _DETERMINERS:
            return None  # "that the tea service": the subject starts after "that"
        subject = match.start("det") if groups.get("det") else match.start("np")
        if match.start() == subject and _OBJECT_OF.search(match.string, 0, subject):
            return None  # "a ramp at the back door would be fitted": not the subject
        head = np.lower().split()[-1]
        if parts.get("det", "").lower() in {"this", "that"} and head in _WHEN_NOUNS:
            return None  # "arrived this morning with a crack": when, not what
        if each.template.endswith(" late") and (
            head in _NOT_LATE or not _NOT_LATE.isdisjoint(np.lower().split()[:-1])
        ):
            return None  # "your nan is late", "the lab is late": a person, not what is late
        if "det" in parts and not parts["det"]:
            tag, _, rest = np.partition(" ")
            if tag.lower().strip("!:-") in _TAGS:  # "Subject: URGENT - card payments down"
                np = parts["np"] = rest.lstrip("-–:! ")
                if not np:
                    return None
            first = np.lower().split()[0]
            verb = first.endswith("ed") or (
                first.endswith("ing") and " " not in np and first not in ING_NOUNS
            )
            if (
                first in _DETERMINERS
                or (len(first) > 4 and verb)
                or first in _SAID_PAST
                or first in _NOT_A_BARE_START
            ):
                return None  # "Calmed down", "Spinning", "Bit down on it": a verb, not a noun
            predicate = f" {parts.get('pred', '')}{parts.get('tail', '')} "
            if " " not in np and match.group("np")[:1].isupper() and _PERSONS_OWN.search(predicate):
                return None  # "Maisie broke her arm": a person, not a thing of theirs
            if head in _DAY_NAMES:
                return None  # "...on\nTuesday did not connect": when it happened, not what
            if head in _BODY_PARTS:
                return None  # "right arm snapped" (of glasses): "your right arm" is a body
            if (
                match.string[max(0, match.start("np") - 4) : match.start("np")].lower() == "and "
                and not is_plural(head)
                and _PLURAL_VERB.match(match.string, match.end("np"))
            ):
                return None  # "my fridge and deep freezer are dead": half of two things
            if _COORDINATED.search(match.string, max(0, match.start("np") - 60), match.start("np")):
                return None  # "to install my inverter and batteries on Tuesday did not ..."
            if groups.get("weak") is not None and head not in OURS:
                return None  # "Seller says ...": what someone said, not what went wrong
            if (
                np[:1].isupper()
                and head not in OURS
                and _AFTER_COMMA.search(match.string, 0, match.start("np"))
            ):
                return None  # "at Phoenix Arena, Pune on 12 October was": a place, not a thing
            owner = np.split()[0].lower().replace("’", "'")
            if owner.endswith("'s"):  # "caller's mum slipped": the owner is said already
                parts["det"] = "" if owner in _CUSTOMERS_OWN else "the"
            elif not note and _SOMEONE_ELSES.search(match.string, 0, match.start("np")):
                parts["det"] = "the"  # "shoes for my son, term starts Monday": his term
            else:
                parts["det"] = "the" if head in OURS else "your" if note else "my"
        generic = head in WEAK_HEADS
        plural = is_plural(head)
        one_of = bool(parts.get("pre"))  # "one of the legs is snapped" agrees with "one"
        if (
            plural
            and head.endswith("s")
            and not one_of
            and _SINGULAR_VERB.match(match.string, match.end("np"))
        ):
            return None  # "the chicken for 2 of the 3 recipes is missing": the subject is longer
        parts["be"] = "are" if plural else "is"
        parts["is"] = parts["be"]
        parts["were"] = "were" if plural else "was"
        parts["has"] = "have" if plural else "has"
        parts["s"] = "" if plural else "s"
    parts["me"] = "she" if note else "I"  # the customer, when a template names them
    if "who" in parts and not parts["who"]:
        parts["who"] = parts["me"]  # "can't drive without them": the customer, unsaid
    if parts.get("who", "").lower() == "and was":
        parts["who"] = f"{parts['me']} was"  # "I am 84 and was without heating"
    if "who" in parts:  # "cx a single mum": the "is" a note leaves out
        bare = parts["who"].lower() in {"cx", "cust", "customer", "aged"} and not parts.get("be")
        parts["are"] = " is" if bare else ""
    if parts.get("pred", "").lower().startswith(("not ", "still not ", "also not ")):
        # "desk not available", "sync bug still not fixed": the "is" a headline leaves out
        parts["state"] = parts["pred"]
    if parts.get("pred", "").lower().startswith("taken ") and not parts.get("aux"):
        return None  # "why have u taken ...": a question, not a statement
    if parts.get("state"):  # "box 2 of 3 missing": the "is" a note leaves out
        if np and np.lower().split()[-1] in _PEOPLE_WHO_ACT and _PAST_ACT.match(parts["pred"]):
            return None  # "Engineers cancelled twice": they cancelled, not "are cancelled"
        link = parts.get("be", "is")
        came = _NOT_CAME.match(parts["pred"])
        if came is not None:  # "Delivery not came": "your delivery hasn't come"
            past = " ".join(came.group(1).lower().split())
            has = "haven't" if link == "are" else "hasn't"
            still = "still " if parts["pred"].lower().startswith("still ") else ""
            parts["pred"] = f"{still}{has} {_ARRIVED.get(past, past)}{parts['pred'][came.end() :]}"
        else:
            if parts.get("tail", "").lstrip().lower().startswith(("since", "for ")):
                link = "have been" if link == "are" else "has been"  # "dead since Sat"
            state = parts["pred"]
            if link.endswith(" been") and state.lower().startswith("not "):
                link, state = f"{link[:-5]} not been", state[4:]  # "not emptied for 4 weeks"
            parts["pred"] = f"{link} {state}"
    if parts.get("when", "").strip().lower() == "who" and not _MAIN_VERB.search(
        parts.get("tail", "")
    ):  # "your team who ignored 4 emails" is no clause; "our team ignored 4 emails" is
        parts["when"] = ""  # ("the waiter who spilled it just laughed" is one already)
    if "passive" in parts:  # "Cx locked out of acct": the "were" a note leaves out
        parts["were"] = "" if parts.get("be") or not parts["passive"] else "were "
    if "subj" in parts:
        parts["subj"] = SUBJECTS.get(" ".join(parts["subj"].lower().split()), parts["subj"])
    raw = _POSSESSIVE.sub(r"\1's ", _HANDLE.sub("", each.template.format(**parts)))
    turned = from_note if note or each.voice == "note" else from_customer
    clause = turned(" ".join(raw.split()).replace(" 's been ", " has been "))  # "app's been"
    if clause is None or _REVIEW_SITE.search(clause):
        return None  # "your trustpilot - is cracked TV": a review's title, not a clause
    clause = _DASH.sub(" ", clause)  # "your roof repair - is leaking": the dash goes
    clause = _QUOTE_AFTER.sub("", clause)  # '... since Fri, "self-disconnected"': a label
    if _LEFT_HANGING.search(clause):
        return None  # "... deposit $450 on": cut short mid-phrase
    clause = _VOCATIVE.sub("", clause)  # "the letterbox is empty mate"
    if _LEFT_HANGING.search(clause):
        return None  # what the vocative leaves must still end where a clause can
    alone = match.string[end:].lstrip()[:1] in {"", ",", ".", ";", "!", "?"}
    if note and each.fact == "stakes" and alone and _LABEL_ONLY.fullmatch(clause):
        return None  # "Cust elderly, ...": a label, not said back as what is at stake
    if each.fact == "stakes" and _ONLY_WHEN.search(clause):
        return None  # "your visit was Tuesday": when it was, not what rides on it
    if clause.endswith(" afford"):
        clause += " it"  # "which we can't afford" -> "you can't afford it"
    said = clause.split()
    if len(said) <= 3 and said[-1] in {"it", "them", "this", "that"}:
        return None  # "we cancelled it": nothing a customer would recognise
    if each.fact == "issue" and said[-1] in {"this", "that"}:
        return None  # "you never agreed to this": what "this" is, the reply cannot say
    if each.fact == "issue" and _OUR_RULE.search(clause):
        return None  # "bag drop closed at 40", "closed at 06:05 per policy": the rule they missed
    if each.fact == "issue" and said[0].lower() in _THEY and _TO_YOU.search(clause):
        return None  # "they've charged you": by us or by a partner? Either way it reads wrong
    return clause, generic, end


_OUR_RULE = re.compile(
    r"\bper\s(?:the\s|our\s)?policy\b|\bclosed\sat\s[2-5]\d(?![\d:.]|\s?(?:am|pm))\b|"
    r"\bnotice\swas\s(?:in|on|given|posted|sent)\b",
    re.I,
)
"""In a staff log, the rule a customer missed, not a failure of ours: "bag drop closed at 40"
(minutes before departure), "gate closed at 06:05 per policy", "notice was in the
newsletter"."""
_SOMEONE_ELSES = re.compile(
    r"\b(?:my|our)\s(?:son|daughter|kids?|child|children|boy|girl|mum|mom|dad|wife|husband|"
    r"partner|nan|gran|sister|brother|father|mother)\b",
    re.I,
)
"""Someone of the customer's named before a bare noun: the thing may be theirs, so "the"."""
_CUSTOMERS_OWN = words("caller's cx's cust's customer's client's patient's")
"""A note's word for the customer's own, which the turn says as "your"."""
_TAGS = words("urgent important asap attn fwd fw complaint")
"""A word a subject line is tagged with, not part of what went wrong."""

_MAIN_VERB = re.compile(
    r"\b(?:is|was|were|are|has|had|did|didn'?t|wasn'?t|isn'?t|weren'?t|hasn'?t|won'?t|"
    r"\w{3,}ed)\b",
    re.I,
)
"""A verb in what follows "X who did Y": the sentence's main clause goes on past it."""
_ONLY_WHEN = re.compile(
    r"^\S+\s\S+\s(?:was|were)\s(?:on\s)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|tomorrow|last\s\w+|this\s\w+)"
    r"(?:\s(?:at\s)?\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)?)?$",
    re.I,
)
"""A stake that only says when something was ("your visit was Tuesday"); an event ahead
("your wedding is Saturday") is what rides on it."""
_THEMSELVES = re.compile(r"\b(?:I\swas|I\sam|I'm|Im)\s$", re.I)
"""What comes after "I was" is the customer ("I was the man who lost his temper")."""

_NOT_A_BARE_START = words(
    "hi hello hey about re brought bought first second third fourth fifth last next "
    "advises says states explains mentions confirms finally eventually apparently obviously "
    "clearly basically literally honestly seriously actually suddenly recently initially "
    "originally previously unfortunately luckily thankfully hopefully currently already"
)
"""Words a sentence starts with that are not a thing's name: "Hi is locked out" is a
greeting gone wrong, "Third is cancelled" a count, "advises carer did not attend" a note's
verb."""
_SAID_PAST = words(
    "bit fell went came got took left hit cut put ran sat broke spilt spilled slipped tripped "
    "felt found saw said told rang called waited paid"
)
"""Past tenses a note starts a sentence with, its subject left out ("Bit down on it, small
cut to gum"): never a bare noun."""
_DASH = re.compile(r"\s[-–—]\s|\s:\s(?=(?:is|are|was|were|has|have)\b)")
"""A dash a headline or a note puts between the thing and what happened to it ("Chafing
dishes - arrived bent"): said back without it."""
_QUOTE_AFTER = re.compile(r',\s"[^"\n]{1,40}"$')
"""A quoted label after a clause's comma ('top-ups since Fri, "self-disconnected"'): the
clause says it already."""
_LEFT_HANGING = re.compile(
    r"\d\s(?:on|in|at)$|\s(?:and|the|of|to|with|a|an|your|our|my|for|but|or|so|because|that|"
    r"will|would|can|could|should|is|are|was|were|about|from)$|\bdue\son$|"
    r"\s(?:dr|mr|mrs|ms|mx|prof)\.?$|\b(?:in|of|at|into)\s(?:your|our|his|her|their|my)\sown$|"
    r"\b(?:between|from)\s(?:\d{1,2}(?:[:.]\d\d)?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)(?:\s?[ap]m)?$|\b(?:in|on|at)\sa\s(?:wet|soaking|cold|dirty|new|big|small|"
    r"full|empty|broken)$",
    re.I,
)
"""A clause that stops on a word that needs more ("... and", "$450 on"), half a range
("booked today between eight") or an adjective with no noun ("the night in a wet"); "log
in" is whole."""
_REVIEW_SITE = re.compile(
    r"^(?:the|your|our|my)\s(?:trustpilot|tripadvisor|yelp|google|feefo|trustedshops|"
    r"app\sstore|play\sstore|review)\b",
    re.I,
)
"""A clause whose subject is where a review was posted: its title, not what went wrong."""
_COORDINATED = re.compile(
    r"\b(?:install|instal+ed|fit|fitted|fix|fixed|repair|repaired|replace|replaced|deliver|"
    r"delivered|send|sent|bring|brought|collect|collected|service|serviced|connect|connected|"
    r"mount|mounted|order|ordered|buy|bought|promised)\s(?:my|our|the|your|his|her|their|a|an)\s"
    r"(?:[\w'-]+\s){1,3}and\s$",
    re.I,
)
"""Something done to a thing and another ("to install my inverter and batteries on Tuesday
did not ..."): the bare noun after "and" is the second of them, not what went wrong."""
_OBJECT_OF = re.compile(
    r"\b(?:at|in|on|by|near|to|from|into|onto|under|behind|beside|for)\s$"
    r"|\bto\s(?:fix|fit|install|service|repair|replace|mount|lay|assemble|build|collect|deliver|"
    r"clean|check|connect|paint|measure|bring|drop\soff|pick\sup|look\sat|sort|unblock|move)\s$"
    r"|\b(?:dropped|delivered|brought|took|sent|broke|lost|gave|put|threw|sold|fitted|installed|"
    r"repaired|serviced|replaced|damaged|scratched|dented|ruined|spilled|spilt|collected|carried|"
    r"handed|packed|fixed|cleaned|painted|mounted)\s$",
    re.I,
)
"""A word before a noun phrase that makes it the object of a preposition ("my booking for
the Garden Room ... was cancelled"), of the work someone came to do ("the engineer who
came to fix my boiler broke the thermostat") or of what someone did ("the driver who
dropped my parcel was rude"), not a subject. A verb that introduces what was found or said
("I noticed the lid is cracked") or takes no object ("when we arrived the room was taken")
is not among them."""


_NUMBER_GOES_ON = re.compile(r"[.,]\d")
"""After a digit: the rest of the same number ("2,000", "4.5")."""
_BODY_PARTS = words("arm arms leg legs hand hands foot feet finger fingers head neck back knee")
"""Parts of a thing named like parts of a body: said bare ("right arm snapped") they would
read as the customer's own."""
_PLACE_OF = re.compile(r"[A-Za-z]\s(?:at|from)\s$", re.I)
"""Before who did it: the place or firm of someone named just before ("Barista at the Bridge
St branch knocked ..."), which did nothing itself."""


_NOT_CAME = re.compile(
    r"^(?:still\s)?not\s(?:yet\s)?(came|come|arrived|turned\sup|showed\sup|shown\sup)\b", re.I
)
_ARRIVED = {"came": "come", "showed up": "shown up"}
"""The past participle after "hasn't" of a past tense a note or a learner writes after "not"."""


_BOUNDARY = re.compile(
    r"\s(?:but|so|because|cos|coz|which|while|whilst|although|though|if|unless|when|whenever|"
    r"then|until|(?<!every\s)(?<!the\s)(?<!a\s)(?<!each\s)(?<!this\s)(?<!that\s)till|lol|tbh|pls|"
    r"please|even\sthough|as\ssoon\sas|or|who|whereas|plus|and\s"
    r"(?:then|now|so|also|I|we|i'?m|i'?ve|I'?d|we'?re(?<!were)|we'?ve|you|u|yet|still|this|that|these|"
    r"those|there|he|she|they|need|want|would|like|can|could|please|hope|expect|am|was))\b"
    r"(?!\s(?:didn'?t|never|hasn'?t|haven'?t|won'?t|wont|can'?t|cant|isn'?t|wasn'?t|doesn'?t|"
    r"not)\b)"
    r"|,\s(?=(?:I|we|you|u|he|she|they|it|there|the|my|our|your|this|that|so|but|and|which|just|"
    r"only|tried|tryed|got|card|still|no|not|"
    r"cx|cust|customer|passenger|guest|caller|patient|member|client|tenant|resident|"
    r"who|now|then|if|when|because|as|even|although|though|what|how|why|pls|please|don't|"
    r"do\snot|can\syou|could\syou)\b)"
    r"|\s(?=(?:I|we)\s(?:have|am|'m|was|had|asked|need|called|rang|phoned|tried|went|got)\b)"
    r"|\s(?=(?:he|she|they)\s(?:had|has|have|was|were|is|are|did|said|says|told|then)\b)"
    rf"|\s(?=(?:you|u)\s(?:absolute|lot\sof|{INSULTING}|{INSULTS})\b)"
    r"|\sand\s(?=(?:the|my|our|your|his|her|their)\s\w{2,20}(?:\s\w{2,20})?\s(?:is|was|are|"
    r"were|has|have|had|did|didn't|does|doesn't|said|says|came|went|close|closed|kept|"
    r"refused|told|sent|needs|uses|lives|relies|depends|works)\b)"
    r"|\s[-–—](?=\s)",
    re.I,
)
"""Where the rest of a clause stops: a word that starts another clause. "and" goes on
("left a leak under the sink and didn't fit the tap") unless the customer starts a new
clause of their own ("and I need it by Friday"), and a comma goes on before a verb or a
list ("threw my parcel over the gate, didn't even knock")."""

_ROOM = 110
"""The most characters the rest of a clause may add; a longer rest is cut at a comma or
an "and" before it, else at a word."""


def clip(tail: str) -> str:
    """The rest of a clause up to the first word that starts another one (see `_BOUNDARY`)."""
    cut = _BOUNDARY.search(tail)
    tail = tail[: cut.start()] if cut else tail
    if len(tail) > _ROOM:
        soft = max(tail.rfind(",", 0, _ROOM), tail.rfind(" and ", 0, _ROOM))
        tail = tail[:soft] if soft > 0 else tail[: tail.rfind(" ", 0, _ROOM)]
    tail = tail.rstrip(" ,;:-–—")
    if cut is not None:  # "went out twice and | if you don't fix it": not "and" on its own
        tail = _DANGLING.sub("", tail)
    return tail


LABELS = r"elderly|disabled|vulnerable|frail|blind|deaf|housebound|unwell"
"""The one-word labels a note gives the customer (see `_LABEL_ONLY`)."""
_LABEL_ONLY = re.compile(rf"you(?:'re|\sare|\swere)\s(?:{LABELS}|a\spensioner)", re.I)
"""A note's one-word label for the customer, turned to the second person ("caller is
elderly", "Cust elderly"): it weighs in severity, but said back ("as you are elderly") it
reads as a label, not as listening."""
_VOCATIVE = re.compile(
    r"(?:,?\s(?:mate|m8|bro|bruv|pal|hun|babe|lol|lmao|smh|fam|oga|sir|madam|thx|thanks|ty)|"
    r",\s(?:guys|folks|lads|people))+$",
    re.I,
)
"""Who the customer is talking to, or a sign-off, at the end of a clause: not said back
("people" only after a comma: "in front of a queue of people" keeps its noun)."""


def _cut_in_a_quote(text: str, start: int, end: int, clause: str) -> bool:
    """Whether a clause stops inside a quotation that goes on ('keeps giving "Error -
    basket could not be saved"' made "keeps giving Error"): the quotation opened in its
    words is still open where they end, and its last words are the quotation's first,
    capitalised as a message's first words are."""
    span = text[start:end]
    if span.count('"') % 2:
        opened = span.rfind('"')
    elif span.count("“") > span.count("”"):
        opened = span.rfind("“")
    else:
        return False
    if text[end : end + 1] in {'"', "”"}:
        return False
    quoted = span[opened + 1 :].split()
    if not quoted or not quoted[0][:1].isupper():
        return False  # 'the code is "invalid or expired"': "invalid" says it as well
    return clause.lower().split()[-len(quoted) :] == [word.lower() for word in quoted]


_UNFINISHED = re.compile(r"\n|\s\w")
"""What follows a tail that stopped before its clause ended: a line break, or a word."""
_DANGLING = re.compile(
    r"(?:\s(?:and|or|but|so|then|and\sthen|after|before|since|because|while|until|when))+$", re.I
)
"""A joining word left at the end of a clause once the next clause is cut off."""


def _sentence_case(match: re.Match[str], name: str, value: str | None) -> str:
    """A captured part (`value`, the group `name` of `match`), its first letter lowered when
    only a sentence start capitalised it."""
    if not value:
        return ""  # an empty or unmatched part: nothing to lower (most groups of a rule)
    start = match.start(name)
    before = match.string[:start].rstrip().rstrip("★☆⭐").rstrip()  # after a review's stars
    starts = not before or before.endswith(("(", ":")) or _HANDLE_ONLY.fullmatch(before)
    first, _, after = value.partition(" ")
    named = after[:1].isupper()  # "Royal Mail tracking": a name, not a sentence's capital
    if (
        starts
        and not named
        and first[:1].isupper()
        and first[1:].islower()
        and first.lower() not in _PROPER
    ):
        return value[0].lower() + value[1:]
    return value


_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|once|until|whether|in\scase|hope|hoping|wish|pray|imagine|"
    r"(?:does|did|would|could|might)\s(?:that|this|it)\smean(?:\sthat)?|"
    r"is\sit\spossible(?:\sthat)?|could\sit\sbe(?:\sthat)?)\s$",
    re.I,
)
"""What the customer fears or supposes, not what happened: "if my parcel isn't here",
"does that mean my details went to someone else as well?"."""
_OBLIGED = re.compile(r"you\s(?:need|have|must|would\shave|'d\shave|will\shave)\sto\s", re.I)
_TOLD_BEFORE = re.compile(
    r"\b(?:(?:was|were|been|being|get|got)\stold|told\s(?:me|us)|(?:they|you|he|she)\s(?:said|say|"
    r"says|insist|insisted))\b[^.!?\n]*$",
    re.I,
)
"""Before "I need to send a certified letter" in its sentence: what we told them they must do,
an obstacle of ours, not what rides on it for them."""
_REPORTED = re.compile(
    r"\b(?:said|says|saying|told|claimed|claims|claiming|insisted|reckoned)\s(?:me\s|us\s|that\s)?$",
    re.I,
)
_QUOTE_MARKS = re.compile(
    r"[\"“](?:delayed|broken|held\sup|running\slate|stuck|unwell|sick|ill|busy|unavailable|"
    r"off\ssick|out\sof\sorder|faulty|not\sworking)\b",
    re.I,
)
"""What we told them, with the excuse in quotes ('was told the engineer had been "delayed"',
'said the ramp was "broken" and drove off'): an excuse the customer doubts, not what went
wrong ('told the hotel was "overbooked"' still is)."""
_QUOTED = re.compile(r"(?:^|[\s(:])[\"“]$")
"""A failure quoted from someone else ('the email says "Your subscription has been
cancelled"') is what they said, not what went wrong."""
MAIN_POINT = (
    r"\b(?:the\sreason\sI'?m\swriting(?:\sis)?|I'?m\swriting\s(?:because|to\ssay|to\scomplain)|"
    r"the\s(?:problem|issue|trouble)\sis|what\shappened\sis|bottom\sline|long\sstory\sshort)"
    r"\b"
)
"""Words that announce the point of a long message ("the reason I'm writing is that ...")."""
_MAIN_POINT = re.compile(MAIN_POINT, re.I)
_BESIDE_THE_POINT = re.compile(
    r"\s(?:too|as\swell|also)$|^(?:the|your|our|its)\s(?:outer\s)?(?:boxe?s?|packaging|"
    r"packet|carton|wrapping|bag)\s",
    re.I,
)
"""A failure told beside the main one ("Ice packs were warm too") or the packaging's ("the
boxes had big dents"): ranked below what went wrong with the thing itself."""
_HANDLE_ONLY = re.compile(r"@\w{1,30}")
_HANDLE = re.compile(r"(?<![\w@])@\w{1,30}\s?")
"""A handle inside a clause ("the @BoltFitness staff member"): the name says it already."""
_PROPER = words(
    "monday tuesday wednesday thursday friday saturday sunday january february april "
    "june july august september october november december mum dad"
)


def plausible_np(np: str) -> bool:
    """Whether a captured noun phrase names a thing (no verbs, pronouns or dates in it)."""
    words = np.lower().replace("’", "'").split()
    if len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]  # a rule's own "the refund": the determiner is not the noun
    if len(words) > 1 and words[-1] in {"one", "ones"} and words[-2] in _REPLACED:
        words = words[:-1]  # "the new one won't lock": a thing all the same
    if not words or any(word in _NOT_IN_NP for word in words):
        return False
    if words[-1].endswith("'s") or any(
        word[:1].isdigit() and _ORDINAL.fullmatch(word) for word in words
    ):
        return False  # "lift's broken", "the 19th is late": no thing named
    if words[-1] in _DETERMINERS or words[0] in {"of", "and"} or words[-1] == "of":
        return False
    if words[0] in _HOW_MANY and (len(words) == 1 or words[1] == "of"):
        return False  # "Two (of the 6 bottles)": how many, not the thing
    said = [word for word in words if any(char.isalnum() for char in word)]
    if any(_REFERENCE_WORD.fullmatch(word) for word in said[:-1]):
        return False  # "order 30-77195 lens": a reference, then another thing
    if len(words) > 1 and _PARTICIPLE.fullmatch(words[-1]) and words[-1] not in _ED_NOUNS:
        return False  # "the door seal ripped": what happened to it, not the thing
    return not words[-1].isdigit() or (len(words) > 1 and words[0] in _NUMBERED)


_REFERENCE_WORD = re.compile(r"\d+-\d[\d-]*|[a-z]{2,4}-\d{4,}|\d{5,}")
"""A reference's shape ("30-77195", "inv-20931", "7710024"), not a price or a year."""
_PERSONS_OWN = re.compile(r"\s(?:her|his|herself|himself)\s", re.I)
"""A possessive that says the subject before it is a person ("Maisie broke her arm")."""
_AFTER_COMMA = re.compile(r",\s$")
"""A bare noun phrase right after a comma: its capital is a name's, not a sentence's."""
_SINGULAR_VERB = re.compile(r"\s(?:is|was|has)\b")
"""A singular verb straight after a plural noun: the clause's subject began earlier."""

_PRONOUN = re.compile(
    r"\b(?:it|them|us|me|you|him|her|this|that|these|those|a|an|the|my|your|our)$", re.I
)

_PARTICIPLE = re.compile(r"[a-z]{2,}ed")
_ED_NOUNS = words("bed shed speed seed feed need weed reed breed sled hundred steed")
"""Nouns that end like a past participle."""
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")
"""A day of the month ("the 19th"), never a thing."""

_HOW_MANY = words("one two three four five six some all both half most each none")
"""Words that start "two of the bottles": a part of the thing, not the thing."""
_REPLACED = words("new second replacement other latest third")
"""What "one" can follow and still name a thing: "the new one", "the second one"."""

_NUMBERED = words("box size part item bag room gate platform seat table flat unit level")
"""Heads a number can follow without making a reference of them ("box 2", "size 6")."""


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
