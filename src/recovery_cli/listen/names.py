"""The customer's name: from a sign-off, a chat label, an introduction or an agent's note.

Only places where the name is the writer's own count: the last lines of the message, a
speaker label used on several lines, "my name is ...", "this is ... from", and in an agent's
note the person the note is about ("Cust (Mrs Leila Haddad)", "Name: ..."). A name in an
@handle, a company on a signature line, or a colleague mentioned in passing is never taken.
A title stays ("Mrs Gupta", "Mrs Joan Petty"): whoever signs with one is greeted as a letter
greets them ("Dear Mrs Petty,"), not by a first name they did not offer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Sentence, keyed, lines, sentence_of, words
from recovery_cli.listen.shapes import CUSTOMER_SAYS, STAMP, answer_to, speakers
from recovery_cli.playbook.names import PARTICLES, TITLES

_TOKEN = r"[^\W\d_][\w'’-]{0,20}"
_INITIAL = r"[^\W\d_]\."
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
_NAME = (
    rf"(?:{_INITIAL}[^\S\n]?){{0,2}}{_TOKEN}"
    rf"(?:[^\S\n](?:{_PARTICLE}[^\S\n]){{1,2}}{_TOKEN}|[^\S\n](?:{_TOKEN}|{_INITIAL})){{0,2}}"
)
"""Up to three words and two initials on one line; small words inside a surname ("van
der") come with the word after them, so "Pieter van der Merwe" is one name. A name never
runs on past a line's end: "Mr Adebayo" then "Complaint re ..." is Mr Adebayo."""
_TITLE = r"(?:mrs|mr|ms|miss|dr|mx)\.?"
_RELATION = (
    r"(?:daughter|son|wife|husband|partner|mother|father|mum|dad|sister|brother|niece|nephew|"
    r"carer|granddaughter|grandson|account\sholder|executor|tenant|owner|parent|guardian)"
)
"""Who the writer is to the person concerned: "Joanne Whitlow (daughter)"."""

CLOSINGS = (
    "thanks so much",
    "thank you so much",
    "many thanks",
    "thanks again",
    "thank you",
    "thanks",
    "thx",
    "cheers",
    "kind regards",
    "best regards",
    "warm regards",
    "regards",
    "best wishes",
    "best",
    "yours sincerely",
    "yours faithfully",
    "sincerely",
    "yours",
    "ta",
    "love",
)
_CLOSING = "|".join(c.replace(" ", r"\s") for c in CLOSINGS)
_SIGNED = re.compile(
    rf"^(?:{_CLOSING}),?\s(?P<name>(?:{_TITLE}\s)?{_NAME})(?:\s\([\w\s]{{1,20}}\))?$", re.I
)
_COMMA = re.compile(
    rf"^(?:[-–—]\s?)?(?:(?:{_CLOSING}),?\s)?(?P<name>(?:{_TITLE}\s)?{_NAME}),\s"
    r"(?![A-Z]{1,2}\d)[^\n]{1,50}$",
    re.I,
)
"""A name with a firm, a role or a number after a comma: "Karl Dunne, Dunne Architects",
"— Lindiwe Dube, IT Manager", "Farah Siddiqui, membership 2209187" (not "Leeds, LS1 4AB")."""
_SPEAKER_LABEL = re.compile(rf"^{STAMP}[A-Za-z][\w\s()]{{0,30}}:\s")
"""A chat line's time and speaker, before a sign-off typed in the chat ("Guest: Many thanks,
Ffion")."""
_QUOTED = re.compile(
    r"^(?:-{2,}\s?(?:original\smessage|forwarded(?:\smessage)?)\s?-{2,}|>|from:\s|on\s.{1,60}wrote:)",
    re.I | re.M,
)
"""Where a forwarded or quoted message starts: the writer's sign-off is just above it."""
_BARE_LINE = re.compile(
    rf"^(?P<name>(?:{_TITLE}\s)?{_NAME}|{_TOKEN}\s(?:and|&)\s{_TOKEN}(?:\s{_TOKEN})?)"
    rf"(?:\s\((?:{_TITLE}|{_RELATION})\))?$",
    re.I,
)
_DASHED = re.compile(
    rf"(?:^|\s)[-–—]\s?(?P<name>(?:{_TITLE}\s)?{_NAME}?)(?:\s(?:at|from)\s[^\n]{{0,40}}"
    r"|,\s(?-i:[A-Z])[\w'’-]{1,20}(?:\s(?-i:[A-Z])[\w'’-]{1,20})?)?\.?$",
    re.I,
)
_REFERENCE_LINE = re.compile(r"^[\w\s.'’-]{0,30}?\b(?=[\w/-]{0,20}\d)[\w/-]{3,20}$")
"""A last line that only holds a reference ("Rental agreement 5512-870", "Ref OT-3390")."""
_BEFORE_FIRM = re.compile(rf"^(?P<name>(?:{_TITLE}\s)?{_NAME})\s[-–—]\s[^\n]{{2,40}}$", re.I)
"""A name, a dash and what they sign for ("Dev — Loudhouse Promotions"): the person first."""
_LAST_SENTENCE = re.compile(
    rf"(?:[.!?]\s(?:(?:{_CLOSING}),?\s)?|,\s(?:{_CLOSING}),?\s|\s(?:thanks|thx|cheers),?\s)"
    rf"(?P<name>(?:{_TITLE}\s(?={_INITIAL}))?(?:{_INITIAL}\s)?{_TOKEN}(?:\s{_TOKEN})?)$",
    re.I,
)
_FULL_NAME_LAST = re.compile(
    r"[.!?]\s(?P<name>(?:(?-i:Mrs|Mr|Ms|Miss|Dr)\.?\s(?-i:[A-Z])[\w'’-]{1,20}(?:\s(?-i:[A-Z])"
    r"[\w'’-]{1,20})?|(?-i:[A-Z])[\w'’-]{1,20}\s(?-i:[A-Z])[\w'’-]{1,20}\s(?-i:[A-Z])"
    r"[\w'’-]{1,20}))$"
)
"""A whole name after the last full stop of a text, with its title or in three words ("...
Kindly send someone today. Mrs Funmi Adewale", "... tell us whats happening. Mei Ling
Chua"): `_LAST_SENTENCE` would keep only its last two words."""
_INTRO = keyed(
    "name is|name's|this is|it's|its |it is",
    rf"\b(?:my\sname\sis|(?:my\s)?name'?s)\s(?P<name>{_NAME})"
    rf"|\b(?:this\sis|it'?s|it\sis)\s(?P<intro>(?:{_TITLE}\s)?{_NAME}?)(?:\s(?:from|here|at|"
    r"calling|speaking|ringing|again|just|i\sam|i'm|im)\b|\son\s(?=[+(]?\d)|,|\.|$)",
)
_SAYS_WHO = re.compile(
    r"\s(?:from|here|calling|speaking|ringing|again|i\sam|i'm|im)$|\son\s$", re.I
)
"""After "it's Bev": words that say she is introducing herself, wherever she does it."""
_REPORTED = re.compile(
    r"\b(?:said|says|say|told\s\w+|tells\s\w+|thinks?|reckons?|claims?|that|because|and|but|if)\s$",
    re.I,
)
"""Before "it's X": someone else's words ("Disputes said it's Fraud"), not an introduction."""
_GREETING_ONLY = re.compile(
    r"\s*(?:(?:hi|hello|hey|hiya|morning|evening|afternoon|good\s\w+|ok|okay|yes|again)[,!.]?\s*)*",
    re.I,
)
"""All a sentence may hold before "it's Bev": a greeting, or nothing."""
_TYPED_INTRO = re.compile(
    r"^(?:(?:hi|hello|hey|hiya)[,!]?\s)?(?:it'?s|this\sis)\s(?P<name>[a-z][a-z'-]{1,15})"
    r"(?:\s(?:from|here)\b|,)"
    r"|^(?i:hi|hello|hey|hiya)[,!]?\s(?P<own>[A-Z][a-z'-]{1,15})\s(?:here|from)\b"
)
"""A text that opens by saying who it is, typed in lower case ("hi its ruth from 14 kestrel
close", "hi this is gary, ..."): the name is given its capital; or "Hi Mei here", "Hi,
Sarah from 12 Dene Rd"."""
_CLIENT = keyed(
    "client|instructed by|on behalf of",
    rf"\b(?:our\sclient|client|instructed\sby|on\sbehalf\sof)\s?:?\s(?P<name>{_TITLE}\s{_NAME})",
)
"""Whom a solicitor's letter is for: the customer, not the firm that signs it."""
_NOTED = keyed(
    "cust|cx|guest|passenger|patient|client|caller|gent|lady|name",
    rf"\b(?:(?:cust(?:omer)?|cx|guest|passenger|patient|client|caller|gent|lady)"
    r"(?!\s(?:gave|gives)\b)|name"
    rf"(?:\s(?:on|given|given\sas)(?:\s\w{{1,10}})?)?|gave\s(?:(?:his|her|their)\s)?name"
    rf"(?:\sas)?)(?:\s?:\s?|\s?\(\s?|\s)\"?(?P<name>(?:{_TITLE}\s)?{_NAME})",
)
_TITLED = keyed(
    "mr|ms|dr|mx|miss",
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bw/\s)(?<!\bwith\s)(?<!\bby\s)(?<!\bsaw\s)(?<!\bsee\s)"
    rf"(?<!\bseeing\s)(?<!\bto\s)\b(?P<name>{_TITLE}\s{_NAME})",
)
"""A titled name in a note, not one the customer saw or was booked with ("w/ Dr Menon")."""
_ROLE = keyed(
    "caller|guest|customer|cust|cx|member|passenger|patient|client|resident|tenant|visitor|"
    "graduate|student|pupil|candidate|applicant|delegate|attendee|diner|shopper|parent",
    r"\b(?<!staff\s)(?<!team\s)(?<!crew\s)(?:caller|guest|customer|cust|cx|member|passenger|"
    r"patient|client|resident|tenant|visitor|graduate|student|pupil|candidate|applicant|"
    r"delegate|attendee|diner|shopper|parent)"
    rf"\s(?:\(\s?(?P<own>(?:{_TITLE}\s)?{_NAME})\)|(?P<name>{_TITLE}\s{_NAME}))",
)
"""The person a log or a note is about, in any message: "Caller Mrs Fenwick", "Guest Ms
Abimbola", "Member (Carl)": a title or brackets say it is a name ("Staff member (Dan)" is
ours, not the customer)."""
_FIELD = re.compile(
    r"(?:^|(?<=[.!?;]\s))(?:(?:(?:full|your|customer|caller|passenger|guest|lead\spassenger|"
    r"patient|member|account\sholder|contact|first|given)\s)?(?:name|contact)|account\sholder|"
    r"policy\s?holder|card\s?holder|requester)\s?:\s?"
    rf"(?P<name>(?:{_TITLE}\s)?{_NAME})(?:,|\.?\s?$)",
    re.I | re.M,
)
"""A form's name field ("Name: Dev Patel", "Passenger name: Tomasz Wrona", "Contact:
Bernadette Kwan, 07700 900482"), or a note's, after its last sentence ("... Wants
someone today. Caller name: Mr Pillai.")."""
_NAME_GIVEN = keyed(
    "name|under",
    r"(?:(?:^|[,.;:]\s|\b(?:under|in)\s(?:the\s)?)(?<!my\s)name(?:\sis|\s?:)?"
    r"|\b(?:is|booked|reserved|it's|its)\sunder(?:\sthe\sname(?:\sof)?)?)\s"
    rf"(?P<name>(?:{_TITLE}\s)?{_NAME})",
)
"""A name given in passing: "name is Hargreaves", "Room 208, name Okafor", "ref is
ZP4K7M, name Eoin Gallagher", "account is under Patel"."""
_FIELD_KEYS = register(("name", "contact", "under", "holder", "requester"))
_FIRST_LAST = re.compile(
    rf"^(?:first|given)\sname\s?:\s?(?P<first>{_TOKEN})\s*\n(?:last|family|sur)\s?name\s?:\s?"
    rf"(?P<last>{_TOKEN}(?:[\s-]{_TOKEN})?)\s*$",
    re.I | re.M,
)
"""A form that asks for the first and the last name on two lines."""
_ASKED_NAME = re.compile(
    r"\b(?:take|have|get|confirm|give\sme)\s(?:your|the)\s(?:[\w-]{1,12}\s)?(?:name|number|"
    r"date\sof\sbirth|dob)\b|\bname\son\sthe\s(?:account|booking|policy|order)\b"
    r"|\bin\s(?:your|whose)\sname\b|\bwho\sam\si\sspeaking\b",
    re.I,
)
"""An agent in a chat asking who the customer is: their name, or a number that is theirs,
which customers often answer with their name as well."""
_NAME_IS = re.compile(
    rf"(?:^|[:.]\s)(?P<name>{_TOKEN}\s{_TOKEN})\sis\sthe\sname\son\s(?:the|my)\b", re.M
)
"""A customer saying whose name the account is in: "Chinedu Okafor is the name on the account"."""
_ANSWERED_NAME = re.compile(
    rf"^{CUSTOMER_SAYS}(?:(?:yes|yeah|yep|sure|ok|okay|it'?s|its)[,.]?\s)?"
    r"(?:[\w/.-]{0,12}\d[\w/.-]{0,12}[.,]?\s)?"
    rf"(?P<name>{_TOKEN}\s{_TOKEN}(?:\s{_TOKEN})?)(?=\s*$|\s\d|,|\.|\sis\sthe\sname|\s(?i:dob)\b)",
    re.M | re.I,
)
"""The customer's next line answering it with a full name ("Customer: yes, Louise Tennant,
policy ...", "Student: 21884602. Aditi Sharma."); both words must be a name's."""
_GREETED = re.compile(
    rf"^{STAMP}(?:[A-Z][\w&'-]*\s){{0,3}}?(?i:agent|advisor|adviser|support|"
    r"rep|assistant|team)\b(?:\s?\([^()\n]{1,20}\)|\s[A-Z][a-z]+)?\s?:\s(?i:hi|hello|hey|thanks|"
    r"thank\syou|sorry|i'?m\s(?:so\s)?sorry)(?:\sto\shear\sthat,?)?\s"
    rf"(?P<name>(?:{_TITLE}\s)?[A-Z][\w'’-]{{1,20}})(?=[,!])",
    re.M,
)
"""An agent in a chat greeting the customer by name ("Agent: Hi Tane, yes we do!", "Sentinel
Support: Hi Marco!"): the name on their screen is the customer's."""
_FROM = re.compile(rf"^from:\s(?P<name>{_TOKEN}\s{_TOKEN})\s*$", re.I | re.M)
"""A forwarded message's sender ("From: Sam Okafor"), who may sign off with "Sam"."""

NOT_NAMES = words(
    "thanks thank cheers regards hello hi hey dear sir madam sirs team support customer "
    "customers cust order orders subject message category description problem item re "
    "ref name note contents policy account member booking tracking status username date "
    "time from to sent bot advisor agent manager you your my me i we our the this that "
    "i'm i've i'd i'll im ive "
    "it please urgent help sorry nothing avoid gutted cool fantastic incredible "
    "embarrassing great yes no ok okay hope best kind warm yours sincerely faithfully "
    "love ta regards services service customer monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed weds thu thur thurs fri sat sun "
    "january february march april may june july august september "
    "october november december today tomorrow yesterday again still why what when where "
    "who how just now also same withheld unknown ltd limited co inc plc llc company "
    "finance ops operations director officer department black boxing christmas easter "
    "is was has had called rang phoned thx ta love wants says said asked refused mum "
    "dad mom nan gran ridiculous disgusting shocking unacceptable terrible awful "
    "appalling seriously guest user member visitor caller client patient passenger "
    "resident tenant absolutely utterly totally honestly really seriously disgusted furious "
    "appalled not never pls plz cant can't wont won't dont don't ring call "
    "student pupil parent applicant attendee learner shopper buyer traveller traveler "
    "subscriber cardholder owner host merchant of shaken verified awaiting keeping "
    "disgraceful amazing brilliant lovely wonderful superb marvellous unbelievable pathetic "
    "useless rubbish typical classic genius nice perfect awesome excellent shambolic shambles"
)
_ROLE_LINE = re.compile(
    r",|\b(?:ltd|limited|co|inc|plc|llc|llp|solicitors|lawyers|associates|partners|"
    r"manager|director|officer|team|department|finance|"
    r"accounts|operations|ops|head\sof|sent\sfrom\smy|secretary|treasurer|chair(?:man|woman|person)?|"
    r"committee|collective|society|association|club|trust|council|owner|founder|coordinator|"
    r"administrator|principal|practice|consultant|receptionist|pharmacist|supervisor|"
    r"proprietor|headteacher|executive|ceo|cfo|coo|user|purchase)\b",
    re.I,
)


_SELF_LABELS = frozenset({"me", "customer", "cust", "client", "caller", "user", "guest", "member"})
"""Speaker labels that are the customer's own: in a chat where the customer is "Me", the
other named speaker ("FitZone: Hi! ...") is the business or its bot, never the customer."""


def customer_names(
    text: str, sentences: Sequence[Sentence], keys: frozenset[str], note: bool
) -> Iterable[Found]:
    """Candidate names from a message and its sentences; the surest ways rank first.
    `keys` are the sentences' keys together (`union`), `note` whether it is an agent's note."""
    labels = speakers(text)
    mine = not _SELF_LABELS.isdisjoint(label.lower() for label in labels)
    for speaker, count in labels.items():
        if count >= 2 and not mine and len(speaker) > 1 and _plausible(speaker):
            if _agent(text, speaker):
                continue
            start = text.index(speaker + ":")
            yield Found("customer_name", speaker, start, start + len(speaker), 0.9, 0)
    whole = sentence_of(text[:6000], 0, keys)  # what the patterns below search
    # "Can I take your name?" ... "Customer: Winston Campbell 03/11/1957"
    answered = answer_to(_ASKED_NAME, _ANSWERED_NAME, text, reach=600, end=len(whole.text))
    if answered is not None and " " in _trim(answered[1].group("name")):  # not "Good afternoon"
        yield from _found(whole, answered[1], 0.85, 1)
    if "is the name on" in text:
        for match in _NAME_IS.finditer(whole.text):
            yield from _found(whole, match, 0.85, 1)
    if not _CLIENT.keys.isdisjoint(keys):
        for sentence in sentences:
            for match in _CLIENT.finditer(sentence):
                yield from _found(sentence, match, 0.9, 0)
    typed = _TYPED_INTRO.match(text)
    group = "name" if typed and typed.group("name") else "own"
    if typed and _plausible(typed.group(group).capitalize()):
        start, end = typed.span(group)
        yield Found("customer_name", typed.group(group).capitalize(), start, end, 0.85, 1)
    greeted = _GREETED.search(text, 0, 5000)
    if greeted is not None:  # "Agent: Hi Tane, yes we do!"
        yield from _found(whole, greeted, 0.8, 3)
    top = _FROM.search(text, 0, 300)
    if top is not None and top.start() < 120:  # "From: Thandiwe Dube" heading a pasted email
        yield from _found(whole, top, 0.8, 3)
    if not _INTRO.keys.isdisjoint(keys):
        for number, sentence in enumerate(sentences):
            for match in _INTRO.finditer(sentence):
                group = "name" if match.group("name") else "intro"
                if group == "intro" and _trim(match.group(group)) != match.group(group):
                    continue  # "it's UK only": not a name said to introduce oneself
                before = sentence.text[: match.start()]
                if (
                    group == "intro"
                    and not _SAYS_WHO.search(match.group())
                    and (
                        _REPORTED.search(before)
                        or (number > 1 and not _GREETING_ONLY.fullmatch(before))
                    )
                ):
                    continue  # "Disputes said it's Fraud.": not someone saying who they are
                yield from _found(sentence, match, 0.85, 1, group)
    if not _FIELD_KEYS.isdisjoint(keys):
        head = sentence_of(text[:3000], 0, keys)
        both = _FIRST_LAST.search(head.text)
        if both is not None:  # "First name: Ama" then "Last name: Owusu"
            name = _polish(f"{both.group('first')} {both.group('last')}")
            if name:
                yield Found("customer_name", name, both.start("first"), both.end("last"), 0.9, 0)
        for match in _FIELD.finditer(head.text):
            yield from _found(head, match, 0.9, 0)
        for match in _NAME_GIVEN.finditer(head):  # a surname alone ("booked under Hughes")
            rank = 1 if " " in match.group("name").strip() else 4  # yields to "Claire Hughes"
            yield from _found(head, match, 0.85, rank)
    if not _ROLE.keys.isdisjoint(keys):
        for sentence in sentences[:6]:
            for match in _ROLE.finditer(sentence):
                yield from _found(sentence, match, 0.85, 1, "own" if match.group("own") else "name")
    if note:
        yield from _from_note(text, keys)
    quoted = _QUOTED.search(text, 0, 20_000)
    signed = [_with_title(found, text) for found in _signed_off(text, keys)]
    if quoted is not None and quoted.start() > 0:
        signed += _signed_off(text[: quoted.start()].rstrip(), keys)
    for found in signed:
        if quoted is not None and " " not in found.value:  # "Sam" who forwarded "From: Sam Okafor"
            for sender in _FROM.finditer(text, quoted.start(), quoted.start() + 3000):
                if sender.group("name").split()[0] == found.value:
                    found = found._replace(value=_polish(sender.group("name")) or found.value)
        yield found


_AGENT_OPENING = r"(?:hi|hello|good\s\w+)\b[^\n]{0,60}\bhow\s(?:can|may)\sI\shelp"


def _agent(text: str, speaker: str) -> bool:
    """Whether a chat's speaker is the agent ("You are now chatting with Ria", "Ria: Hi
    there, how can I help today?"), whom the customer talks to and a reply never greets."""
    name = re.escape(speaker)
    return (
        re.search(
            rf"\bchatting\swith\s{name}\b|^{name}:\s{_AGENT_OPENING}", text[:2000], re.I | re.M
        )
        is not None
    )


_STAFF_BEFORE = re.compile(
    r"\b(?:staff|colleague|employee|driver|server|waiter|waitress|cashier|assistant|"
    r"engineer|technician|agent|advisor|adviser|manager)\b[^.!?\n]{0,40}$",
    re.I,
)
"""One of ours just before "gave his name": "Staff member apologised and gave his name"."""


def _from_note(text: str, keys: frozenset[str]) -> Iterable[Found]:
    whole = sentence_of(text[:4000], 0, keys)
    for match in _NOTED.finditer(whole):
        if _STAFF_BEFORE.search(whole.text, max(0, match.start() - 60), match.start()):
            continue
        yield from _found(whole, match, 0.85, 1)
    for match in _TITLED.finditer(whole):
        yield from _found(whole, match, 0.8, 2)


_POST_NOMINALS = re.compile(
    r"(?<=[a-z])(?:,?\s(?!Ma?c)(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Z][A-Za-z]{1,5}(?![\w'-]))+$"
)
"""Letters after a signed name ("Dr Helen Wyatt MRCVS", "Jo Bell BSc FRCS"): not part of it."""
_ASIDE = re.compile(r"\s?\([^()\n]{1,60}\)\s?$")
"""Who the writer is, after their name: "Sian (daughter of Gwyn Powell)", "Jess (Manager,
Fringe Benefits Hair)", "Thanks, Priya (on behalf of Sam Holt)"."""


_TITLE_FIRST = re.compile(r"^\((?:mrs|mr|ms|miss|dr|mx)\.?\)\s(?=\S)", re.I)
"""A title in brackets before a signed name, as older writers sign: "(Mrs) Edna Fairbrother".
The name is read after it."""


def _untitled(line: Sentence) -> Sentence:
    title = _TITLE_FIRST.match(line.text)
    if title is None:
        return line
    return line._replace(start=line.start + title.end(), text=line.text[title.end() :])


_STREET_LINE = re.compile(
    r"^\s*\d{1,4}[a-z]?,?\s(?:[A-Z][\w'-]+\s){1,3}(?:Road|Rd|Street|St|Close|Avenue|Ave|Lane|Ln|"
    r"Way|Drive|Dr|Court|Ct|Crescent|Place|Pl|Gardens|Grove|Terrace|Hill|Park|View|Row|Mews|"
    r"Square|Walk|Green|Rise)\b\.?,?\s*$"
)
"""An address's street line: the line under it is a town, never the customer's name."""


def _signed_off(text: str, keys: frozenset[str]) -> Iterable[Found]:
    """A name on the last lines, after a closing word, a dash or the last full stop."""
    offset = max(0, len(text) - 600)
    tail = [
        _untitled(
            line._replace(
                start=line.start + offset,
                text=_POST_NOMINALS.sub("", _ASIDE.sub("", line.text)).rstrip('"”'),
            )
        )
        for line in lines(text[-600:], keys)[-5:]
    ]  # a sign-off is on the last few lines
    if len(tail) >= 2:  # "Chloé Bergeron\nMontréal": the person signs first, then the place
        above, last = tail[-2], tail[-1]
        if above.text.lower().rstrip(",.! ") not in CLOSINGS:
            upper, lower = _whole_name(above.text), _whole_name(last.text)
            if upper and lower and not _ROLE_LINE.search(above.text):
                yield from _found(above, upper, 0.85, 2)
                return
    for before, line in pairwise(tail):  # "Thanks,\nOllie Brandt\n(firm)"
        if before.text.lower().rstrip(",.! ") in CLOSINGS:
            match = _BARE_LINE.match(line.text) or _COMMA.match(line.text)
            found = list(_found(line, match, 0.9, 2)) if match else []
            if found:
                yield from found
                return
    checked = 0
    fallback: tuple[Sentence, re.Match[str]] | None = None
    for at, line in reversed(list(enumerate(tail))):
        if checked >= 3:
            break
        checked += 1
        label = _SPEAKER_LABEL.match(line.text)
        if label is not None and line is tail[-1]:
            line = line._replace(text=line.text[label.end() :], start=line.start + label.end())
        short = len(line.text) < 60 and not re.search(r"[.!?]\s", line.text)
        if not line.text.strip():
            continue  # "(account email ..., member since 2019)": an aside under the name
        if line is tail[-1] and len(tail) > 1 and _REFERENCE_LINE.match(line.text):
            continue  # "Mr. D. Kowalczyk\nRental agreement 5512-870": the name is above
        if at > 0 and _STREET_LINE.search(tail[at - 1].text):
            continue  # "4 Orchard Close\nThornbury": a town under its street, not a name
        if short and _ROLE_LINE.search(line.text) and not _SIGNED.match(line.text):
            found = _before_firm(line)
            if found:
                yield from found  # "Ro — Bloom & Bramble, Galway"
                return
            signed = _LAST_SENTENCE.search(line.text)
            if signed and _CLOSED.search(line.text, 0, signed.start("name")):
                yield from _found(line, signed, 0.85, 3)  # "acc ending 7710, thanks, Val"
                return
            comma = _COMMA.match(line.text)
            if fallback is None and comma is not None:
                fallback = (line, comma)
            continue
        for pattern, sure in ((_SIGNED, 0.9), (_BARE_LINE, 0.85)):
            match = pattern.match(line.text)
            if match:
                found = list(_found(line, match, sure, 2))
                if found or not any(char.isdigit() for char in line.text):
                    yield from found
                    return
                break  # "Ref OT-3390": a reference line under the name
        else:
            found = _before_firm(line)
            if found:
                yield from found  # "Dev — Loudhouse Promotions"
                return
            for pattern in (_DASHED, _FULL_NAME_LAST, _LAST_SENTENCE):
                match = pattern.search(line.text)
                if match and _BUSINESS.match(match.group("name")):
                    return  # "- Mo's Sarnies" signed under a post: the business, not whom to greet
                if match:
                    yield from _found(line, match, _sureness(pattern, line.text, match), 3)
                    return
            if line.text.lower().rstrip(",.! ") not in CLOSINGS:
                break
    if fallback is not None:
        yield from _found(fallback[0], fallback[1], 0.8, 3)


def _before_firm(line: Sentence) -> list[Found]:
    """The name before a dash and what the writer signs for ("Dev — Loudhouse Promotions")."""
    match = _BEFORE_FIRM.match(line.text)
    return list(_found(line, match, 0.85, 2)) if match else []


def _whole_name(line: str) -> re.Match[str] | None:
    """A line that is nothing but a capitalised name ("Chloé Bergeron", "Montréal"), with no
    number and no lower-case word ("Prescription ref RX-448120", "Repair job FX-3391")."""
    match = _BARE_LINE.match(line)
    if match is None or any(char.isdigit() for char in line):
        return None
    raw = match.group("name")
    return match if _trim(raw) == raw and _polish(raw) else None


def _sureness(pattern: re.Pattern[str], line: str, match: re.Match[str]) -> float:
    """How sure a name at the end of the last line is: sure enough to offer ("- Priya" on a
    line of its own, "... Thanks, Priya", "... back please. Amy Liu", "Pls respond. Mr
    Kiprono") unless two capitalised words after a full stop shrink to one word of a name
    ("Very poor" is no "Very")."""
    if pattern is _DASHED and line.lstrip()[:1] in "-–—":
        return 0.85
    signed = pattern is _LAST_SENTENCE and _CLOSED.search(line, 0, match.start("name"))
    if signed:
        return 0.85
    raw = match.group("name")
    kept = _trim(raw)
    return 0.75 if " " in raw.strip() and " " not in kept.strip() else 0.8


_CLOSED = re.compile(rf"[.!?,]\s(?:{_CLOSING}),?\s$", re.I)


def _found(
    sentence: Sentence, match: re.Match[str], sure: float, rank: int, group: str = "name"
) -> Iterable[Found]:
    raw = _trim(match.group(group))
    name = _polish(raw)
    if name:
        start = sentence.start + match.start(group)
        yield Found("customer_name", name, start, start + len(raw), sure, rank)


_TITLE_AFTER = re.compile(r"\s?\((?P<title>mr|mrs|ms|miss|mx|dr)\.?\)", re.I)
"""A title a letter writer puts after the name: "Arthur Pennington (Mr)"."""


def _with_title(found: Found, text: str) -> Found:
    """A signed name with the title its writer put after it ("Arthur Pennington (Mr)"), in
    front, where a greeting takes it ("Dear Mr Pennington,")."""
    title = _TITLE_AFTER.match(text, found.end)
    if title is None or found.value.split()[0].rstrip(".").lower() in TITLES:
        return found
    return found._replace(value=f"{title.group('title').capitalize()} {found.value}")


def _trim(raw: str) -> str:
    """The captured words up to the first that is not capitalised ("Gupta called" -> "Gupta")."""
    kept: list[str] = []
    tokens = raw.split(" ")
    for index, token in enumerate(tokens):
        joins = token in {"and", "&"} and tokens[index + 1 : index + 2] != [""]
        if joins and kept and index + 1 < len(tokens) and tokens[index + 1][:1].isupper():
            kept.append(token)  # "Arthur and Jean Pemberton"
            continue
        if token.lower() in PARTICLES and kept:
            following = next(
                (later for later in tokens[index + 1 :] if later.lower() not in PARTICLES), ""
            )
            if following[:1].isupper():
                kept.append(token)  # "Pieter van Wyk", "Pieter van der Merwe"
                continue
        if not token[:1].isupper() or token in {"I", "I'm", "I've", "I'd", "I'll"}:
            break
        kept.append(token)
    return " ".join(kept)


_BUSINESS = re.compile(r"[^\W\d_]+['’]s\s[^\W\d_]")
"""A name that starts with a possessive ("Mo's Sarnies", "Rendall's Farm Shop"): a shop."""
_DANGLING_AND = re.compile(r"\s+(?:and|&)\s*$")


def _polish(raw: str) -> str | None:
    """The name as a reply would use it, or None if any part is not a name's."""
    raw = _DANGLING_AND.sub("", raw)  # "My name is Aisling and I'm emailing ..."
    tokens = [token for token in raw.replace("’", "'").split() if token not in {"and", "&"}]
    joined = len(tokens) < len(raw.split())  # "Arthur and Jean Pemberton": said as written
    title = None
    if tokens and re.fullmatch(_TITLE, tokens[0], re.I):
        title = tokens.pop(0).rstrip(".").capitalize()
    if tokens and tokens[-1].endswith("'s"):
        return None  # "Mrs Janet Okafor's daughter": the name of someone else's
    if len(tokens) == 1 and len(tokens[0].rstrip(".")) < 2:
        return None  # one letter is an initial ("Mrs C"), or a survey's "Q:", never a name
    if len(tokens) > 1 and len(tokens[0]) == 1 and tokens[0].isupper():
        tokens[0] += "."  # "P Carstairs": an initial written without its stop
    if not tokens or not all(
        _plausible(token) or _is_initial(token) or (0 < n < len(tokens) - 1 and token in PARTICLES)
        for n, token in enumerate(tokens)
    ):
        return None
    while len(tokens) > 1 and _is_initial(tokens[-1]) and not _is_initial(tokens[-2]):
        tokens.pop()  # "Chukwuemeka O.", "Dale R.": a review's first name and initial
        joined = False
    if _is_initial(tokens[-1]):
        return None
    if joined and title is not None and re.fullmatch(_TITLE, tokens[0], re.I) and len(tokens) == 2:
        return f"{title} and {tokens[0].rstrip('.').capitalize()} {tokens[1]}"  # "Mr & Mrs Greaves"
    if joined:
        return raw if title is None else None
    if title is None:
        return " ".join(tokens)
    names = [token for token in tokens if not _is_initial(token)]
    if len(names) == 1:  # "Mrs Gupta", "Mrs D. Fairweather"
        return f"{title} {' '.join(tokens)}"
    return f"{title} {' '.join(names)}"  # "Mrs Joan Petty": greeted "Dear Mrs Petty,"


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[1] == "." and token[0].isupper()


def _plausible(token: str) -> bool:
    """A word that could be a name: capitalised, not shouted, not a common word."""
    if not token[:1].isupper() or token.lower().strip("'") in NOT_NAMES:
        return False
    if len(token) > 1 and token.isupper():
        return False  # shouted, or initials ("- KM" under an agent's note), or "ID"
    return not any(char.isdigit() for char in token)
