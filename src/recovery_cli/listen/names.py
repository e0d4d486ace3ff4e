"""The customer's name: from a sign-off, a chat label, an introduction or an agent's note.

Only places where the name is the writer's own count: the last lines of the message, a
speaker label used on several lines, "my name is ...", "this is ... from", and in an agent's
note the person the note is about ("Cust (Mrs Leila Haddad)", "Name: ..."). A name in an
@handle, a company on a signature line, or a colleague mentioned in passing is never taken.
With a title and only a surname ("Mrs Gupta") the title stays, so "Hi Mrs Gupta" reads
right; with a first name the title goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from recovery_cli.listen.sentences import Found, Sentence, keyed, lines, sentence_of, union, words
from recovery_cli.listen.shapes import is_agent_note, speakers

_TOKEN = r"[^\W\d_][\w'’-]{0,20}"
_INITIAL = r"[^\W\d_]\."
_NAME = rf"(?:{_INITIAL}\s?){{0,2}}{_TOKEN}(?:\s(?:{_TOKEN}|{_INITIAL})){{0,2}}"
_TITLE = r"(?:mrs|mr|ms|miss|dr|mx)\.?"

CLOSINGS = (
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
_SIGNED = re.compile(rf"^(?:{_CLOSING}),?\s(?P<name>(?:{_TITLE}\s)?{_NAME})$", re.I)
_BARE_LINE = re.compile(
    rf"^(?P<name>(?:{_TITLE}\s)?{_NAME}|{_TOKEN}\s(?:and|&)\s{_TOKEN}\s{_TOKEN})"
    rf"(?:\s\((?:{_TITLE})\))?$",
    re.I,
)
_DASHED = re.compile(
    rf"(?:^|\s)[-–—]\s?(?P<name>(?:{_TITLE}\s)?{_NAME}?)(?:\s(?:at|from)\s[^\n]{{0,40}})?\.?$",
    re.I,
)
_LAST_SENTENCE = re.compile(
    rf"[.!?]\s(?:(?:{_CLOSING}),?\s)?(?P<name>{_TOKEN}(?:\s{_TOKEN})?)$", re.I
)
_INTRO = keyed(
    "name is|this is|it's|its |it is",
    rf"\bmy\sname\sis\s(?P<name>{_NAME})"
    rf"|\b(?:this\sis|it'?s|it\sis)\s(?P<intro>(?:{_TITLE}\s)?{_NAME}?)(?:\s(?:from|here|at|"
    r"calling|speaking|ringing|again|just)\b|,|\.|$)",
)
_CLIENT = keyed(
    "client|instructed by|on behalf of",
    rf"\b(?:our\sclient|client|instructed\sby|on\sbehalf\sof)\s?:?\s(?P<name>{_TITLE}\s{_NAME})",
)
"""Whom a solicitor's letter is for: the customer, not the firm that signs it."""
_NOTED = keyed(
    "cust|cx|guest|passenger|patient|client|caller|gent|lady|name",
    rf"\b(?:cust(?:omer)?|cx|guest|passenger|patient|client|caller|gent|lady|name"
    rf"(?:\s(?:on|given|given\sas)(?:\s\w{{1,10}})?)?)"
    rf"(?:\s?:\s?|\s?\(\s?|\s)(?P<name>(?:{_TITLE}\s)?{_NAME})",
)
_TITLED = keyed("mr|ms|dr|mx|miss", rf"(?<!\ba\s)(?<!\ban\s)\b(?P<name>{_TITLE}\s{_NAME})")

NOT_NAMES = words(
    "thanks thank cheers regards hello hi hey dear sir madam sirs team support customer "
    "customers cust order orders subject message category description problem item re "
    "ref name note contents policy account member booking tracking status username date "
    "time from to sent bot advisor agent manager you your my me i we our the this that "
    "i'm i've i'd i'll im ive "
    "it please urgent help sorry nothing avoid gutted cool fantastic incredible "
    "embarrassing great yes no ok okay hope best kind warm yours sincerely faithfully "
    "love ta regards services service customer monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september "
    "october november december today tomorrow yesterday again still why what when where "
    "who how just now also same withheld unknown ltd limited co inc plc llc company "
    "finance ops operations director officer department black boxing christmas easter "
    "is was has had called rang phoned thx ta love wants says said asked refused mum "
    "dad mom nan gran ridiculous disgusting shocking unacceptable terrible awful "
    "appalling seriously"
)
_ROLE_LINE = re.compile(
    r",|\b(?:ltd|limited|co|inc|plc|llc|llp|solicitors|lawyers|associates|partners|"
    r"manager|director|officer|team|department|finance|"
    r"accounts|operations|ops|head\sof|sent\sfrom\smy)\b",
    re.I,
)


def customer_names(text: str, sentences: Sequence[Sentence]) -> Iterable[Found]:
    """Candidate names from a message and its sentences; the surest ways rank first."""
    keys = union(sentences)
    for speaker, count in speakers(text).items():
        if count >= 2 and _plausible(speaker):
            start = text.index(speaker + ":")
            yield Found("customer_name", speaker, start, start + len(speaker), 0.9, 0)
    if not _CLIENT.keys.isdisjoint(keys):
        for sentence in sentences:
            for match in _CLIENT.finditer(sentence):
                yield from _found(sentence, match, 0.9, 0)
    if not _INTRO.keys.isdisjoint(keys):
        for sentence in sentences:
            for match in _INTRO.finditer(sentence):
                yield from _found(
                    sentence, match, 0.85, 1, "name" if match.group("name") else "intro"
                )
    if is_agent_note(text):
        yield from _from_note(text, keys)
    yield from _signed_off(text, keys)


def _from_note(text: str, keys: frozenset[str]) -> Iterable[Found]:
    whole = sentence_of(text[:4000], 0, keys)
    for match in _NOTED.finditer(whole):
        yield from _found(whole, match, 0.85, 1)
    for match in _TITLED.finditer(whole):
        yield from _found(whole, match, 0.8, 2)


def _signed_off(text: str, keys: frozenset[str]) -> Iterable[Found]:
    """A name on the last lines, after a closing word, a dash or the last full stop."""
    tail = lines(text[-600:], keys)[-4:]  # a sign-off is on the last few lines
    offset = max(0, len(text) - 600)
    checked = 0
    for line in reversed(tail):
        line = line._replace(start=line.start + offset)
        if checked >= 3:
            break
        checked += 1
        short = len(line.text) < 60 and not re.search(r"[.!?]\s", line.text)
        if short and _ROLE_LINE.search(line.text) and not _SIGNED.match(line.text):
            continue
        for pattern, sure in ((_SIGNED, 0.9), (_BARE_LINE, 0.85)):
            match = pattern.match(line.text)
            if match:
                yield from _found(line, match, sure, 2)
                return
        for pattern in (_DASHED, _LAST_SENTENCE):
            match = pattern.search(line.text)
            if match:
                yield from _found(line, match, _sureness(pattern, line.text, match), 3)
                return
        if line.text.lower().rstrip(",.! ") not in CLOSINGS:
            return


def _sureness(pattern: re.Pattern[str], line: str, match: re.Match[str]) -> float:
    """How sure a name at the end of the last line is: sure enough to offer ("- Priya" on a
    line of its own, "... Thanks, Priya") unless it is a bare word after a full stop."""
    if pattern is _DASHED and line.lstrip()[:1] in "-–—":
        return 0.85
    signed = pattern is _LAST_SENTENCE and _CLOSED.search(line, 0, match.start("name"))
    return 0.85 if signed else 0.8 if " " not in match.group("name") else 0.75


_CLOSED = re.compile(rf"[.!?]\s(?:{_CLOSING}),?\s$", re.I)


def _found(
    sentence: Sentence, match: re.Match[str], sure: float, rank: int, group: str = "name"
) -> Iterable[Found]:
    raw = _trim(match.group(group))
    name = _polish(raw)
    if name:
        start = sentence.start + match.start(group)
        yield Found("customer_name", name, start, start + len(raw), sure, rank)


def _trim(raw: str) -> str:
    """The captured words up to the first that is not capitalised ("Gupta called" -> "Gupta")."""
    kept: list[str] = []
    tokens = raw.split(" ")
    for index, token in enumerate(tokens):
        joins = token in {"and", "&"} and tokens[index + 1 : index + 2] != [""]
        if joins and kept and index + 1 < len(tokens) and tokens[index + 1][:1].isupper():
            kept.append(token)  # "Arthur and Jean Pemberton"
            continue
        if not token[:1].isupper() or token in {"I", "I'm", "I've", "I'd", "I'll"}:
            break
        kept.append(token)
    return " ".join(kept)


def _polish(raw: str) -> str | None:
    """The name as a reply would use it, or None if any part is not a name's."""
    tokens = [token for token in raw.replace("’", "'").split() if token not in {"and", "&"}]
    joined = len(tokens) < len(raw.split())  # "Arthur and Jean Pemberton": said as written
    title = None
    if tokens and re.fullmatch(_TITLE, tokens[0], re.I):
        title = tokens.pop(0).rstrip(".").capitalize()
    if not tokens or not all(_plausible(token) or _is_initial(token) for token in tokens):
        return None
    if _is_initial(tokens[-1]):
        return None
    if joined:
        return raw if title is None else None
    if title is None:
        return " ".join(tokens)
    names = [token for token in tokens if not _is_initial(token)]
    if len(names) == 1:  # "Mrs Gupta", "Mrs D. Fairweather": the title stays
        return f"{title} {' '.join(tokens)}"
    return " ".join(names)


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[1] == "." and token[0].isupper()


def _plausible(token: str) -> bool:
    """A word that could be a name: capitalised, not shouted, not a common word."""
    if not token[:1].isupper() or token.lower().strip("'") in NOT_NAMES:
        return False
    if len(token) > 2 and token.isupper():
        return False
    return not any(char.isdigit() for char in token)
