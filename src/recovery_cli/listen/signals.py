"""A suggested severity, with its reasons, and the channel the text shows.

Severity follows what an experienced agent weighs: who the customer is (elderly, disabled,
unwell, short of money, a child involved), what is at stake, how angry they are (capitals,
"!!!", swearing, threats to leave, go public or go to law) and whether it has failed before.
Any vulnerability or threat makes it high; stakes or anger together with a repeat make it
high; a polite request with none of these, or a routine one, is low; the rest is medium.

The channel is only named when the text itself shows it: @mentions and hashtags (social), a
"Subject:" line or a "Dear ..." email (email), speaker labels (chat), an agent's call note
(phone) or a counter or branch note (in person).
"""

from __future__ import annotations

import re

from recovery_cli.listen.model import Channel, ChannelName, Fact, Level, Severity, Signal
from recovery_cli.listen.sentences import Keyed, keyed, sentence_of
from recovery_cli.listen.shapes import speakers
from recovery_cli.listen.voice import ACRONYMS

_KINDS: tuple[tuple[str, str, Keyed], ...] = tuple(
    (group, kind, keyed(keys, pattern))
    for group, kind, keys, pattern in (
        ("vulnerable", "elderly", "elderly|pensioner|oap|i am|i'm|aged|pension",
         r"\b(?:elderly|pensioner|OAP|(?:I\sam|I'?m|aged)\s[789]\d\b|my\spension|on\sa\spension)"),
        ("vulnerable", "disability", "disab|wheelchair|housebound|arthritis|mobility|blind|deaf|"
         "hearing aid|bathe|alarm|carer",
         r"\b(?:disabled|disability|wheelchair|housebound|arthritis|mobility|blind|deaf|"
         r"hearing\saids?|can'?t\sbathe|personal\salarm|carers?)\b"),
        ("vulnerable", "medical", "insulin|prescription|meds|medication|hospital|nurse|dose|hiv|"
         "surgery|injur|blister|burn|pain|chemo|medical|tablets|dressing|vulnerab|distressed",
         r"\b(?:insulin|prescriptions?|meds|medication|hospital|nurse|dose|hiv|surgery|"
         r"injur(?:y|ed)|blister(?:ed|s)?|burn(?:t|ed)|in\spain|chemo|medical|tablets|"
         r"dressing\schange|vulnerab\w{1,10}|distressed)\b"),
        ("vulnerable", "money worries", "afford|rent|overdra|bills|payroll|debt|late fee",
         r"\b(?:can'?t\safford|cannot\safford|rent(?:\smoney)?|overdrawn|overdraft|"
         r"bills?\sto\spay|payroll|in\sdebt|late\sfee)\b"),
        ("vulnerable", "a child", "baby|babies|kids|child|toddler|my son|my daughter|school|yr old",
         r"\b(?:baby|babies|kids|children|child|child's|toddler|my\s(?:son|daughter)(?:'s|s)?|"
         r"school\s(?:run|laptop|uniform)|\d{1,2}\s?yr\sold)\b"),
        ("vulnerable", "safety", "safe|refuge|abuse|danger",
         r"\b(?:don'?t\sfeel\ssafe|unsafe|refuge|domestic\sabuse|safe\sat\snight|danger)\b"),
        ("stakes", "what is at stake", "off work|day off|afternoon off|funeral|wedding|birthday|"
         "exam|interview|new job|anniversary|completion|black friday|from home|hen do|"
         "term starts|10th|20th|30th|40th|50th|60th|70th|80th|90th",
         r"\b(?:days?\soff\swork|day\soff|afternoon\soff|funeral|wedding|birthday|exams?|"
         r"interview|new\sjob|anniversary|completion\sdate|black\sfriday|"
         r"work(?:ing)?\sfrom\shome|\d{1,2}0th\b|hen\sdo|term\sstarts)\b"),
        ("threat", "threat of harm", "hurt|slap|life hell|know where|wait outside|down there|"
         "know people|your names|banged|aggressive",
         r"\b(?:hurt|slap|make\syour\slife\shell|i\sknow\swhere|wait\soutside|"
         r"coming\sdown\sthere|i\sknow\speople|i\shave\syour\snames|banged\sthe\scounter|"
         r"aggressive)\b"),
        ("threat", "threat to go to law", "ombudsman|solicitor|lawyer|sue|suing|legal|court|"
         "chargeback|trading standards|small claims",
         r"\b(?:ombudsman|solicitors?|lawyers?|sue|suing|legal\saction|court|chargeback|"
         r"trading\sstandards|small\sclaims)\b"),
        ("threat", "threat to go public", "review|trustpilot|press|tiktok|post|publicly|"
         "everyone knows|famous|papers|journalist|watchdog",
         r"\b(?:leav(?:e|ing)\sa\sreview|bad\sreview|review\severyone|trustpilot|the\spress|"
         r"tiktok|post(?:ing)?\s(?:this|it)\s(?:on|publicly|online)|publicly|everyone\sknows|"
         r"how\she\slikes\sbeing\sfamous|the\spapers|journalist|watchdog)\b"),
        ("anger", "threat to leave", "switch|moving|take my business|never again|be back|"
         "not ordering|elsewhere|avoid.|not paying|neveragain",
         r"(?:\b(?:switching|switch\sto|i'?m\smoving|moving\sto|take\smy\sbusiness|"
         r"never\sagain|won'?t\sbe\sback|not\sordering\sagain|go(?:ing)?\selsewhere|avoid\.|"
         r"not\spaying)\b|#neveragain)"),
        ("anger", "swearing or insults", "fuck|shit|bloody|crap|prick|idiot|useless|crooks|liars|"
         "incompetent|thickest|laziest|stupid cow|disgusting|pathetic|a joke|ridiculous|"
         "shocking|sort it out",
         r"\b(?:fuck\w{0,6}|shit\w{0,4}|bloody|crap|prick|idiots?|useless|crooks|liars|"
         r"incompetents?|thickest|laziest|stupid\scow|disgusting|pathetic|a\sjoke|ridiculous|"
         r"shocking|sort\sit\sout)\b"),
        ("repeat", "repeated failure", "again|every time|every single time|second time|"
         "third time|3rd time|keeps happening|twice|times|broken|fifth|passed around|0x|1x|2x|"
         "3x|4x|5x|6x|7x|8x|9x",
         r"\b(?:again|every\s(?:single\s)?time|second\stime|third\stime|3rd\stime|"
         r"keeps\shappening|twice|three\stimes|\d\stimes|(?:two|three|four|five)\sbroken|"
         r"fifth|passed\saround|\dx)\b"),
    )
)
_SHOUT = re.compile(r"\b[A-Z]{3,20}\b")
_MARKS = re.compile(r"[!?]{2,}")
_POLITE = keyed(
    "any chance|any way|understand|no rush|not a complaint|could|can i|can u|can you|"
    "possible|i'd like|id like|let you know|be nice|happy to pay|not really|not the money",
    r"\b(?:any\schance|is\sthere\sany\sway|i'?d\sunderstand|no\srush|not\sa\scomplaint|"
    r"could\syou|can\si|would\sit\sbe\spossible|please\scould|i'?d\slike\sto|could\si|"
    r"can\su|can\syou|just\swanted\sto\slet\syou\sknow|be\snice|happy\sto\spay|"
    r"any\sway\si\scan|not\sreally\sa\squestion|it'?s\snot\sthe\smoney)\b",
)


def severity(text: str, facts: dict[str, Fact], routine: bool, keys: frozenset[str]) -> Severity:
    """The suggested severity of one (English) message and why."""
    head = sentence_of(text[:5000], 0, keys)
    reasons: list[Signal] = []
    groups: set[str] = set()
    for group, kind, pattern in _KINDS:
        match = pattern.search(head)
        if match:
            reasons.append(Signal(kind, match.group(), match.start()))
            groups.add(group)
    shout = next((m for m in _SHOUT.finditer(head.text) if m.group() not in ACRONYMS), None)
    marks = _MARKS.search(head.text)
    for match, kind in ((shout, "capitals"), (marks, "repeated ! or ?")):
        if match:
            reasons.append(Signal(kind, match.group(), match.start()))
            groups.add("anger")
    if "times" in facts and "repeat" not in groups:
        reasons.append(Signal("repeated failure", facts["times"].words, facts["times"].start))
        groups.add("repeat")
    if "stakes" in facts and "stakes" not in groups:
        reasons.append(Signal("what is at stake", facts["stakes"].words, facts["stakes"].start))
        groups.add("stakes")
    return Severity(_level(groups, routine, bool(_POLITE.search(head))), reasons)


def _level(groups: set[str], routine: bool, polite: bool) -> Level:
    if groups & {"vulnerable", "threat"}:
        return "high"
    if "repeat" in groups and groups & {"stakes", "anger"}:
        return "high"
    if {"stakes", "anger"} <= groups:
        return "high"
    if not groups and (routine or polite):
        return "low"
    return "medium"


_SOCIAL = keyed(
    "@|#|publicly|online|twitter|facebook",
    r"(?<![\w.@])@[A-Za-z_][\w]{1,30}|(?<![\w&#])#[A-Za-z][A-Za-z_]{2,30}(?![\w-])|"
    r"\b(?:posting|sharing|posted)\sthis\s(?:publicly|online|on\s(?:twitter|x|facebook))\b",
)
_IN_PERSON = keyed(
    "note|desk",
    r"^\s{0,5}(?:(?:branch|store|counter|shop\sfloor|gate|colleague|floor)\snote\b|"
    r"note\sfrom\s(?:counter|desk|store|branch|floor)\b|front\sdesk\b)",
)
_PHONE = keyed(
    "called|rang|phoned|cust",
    r"\b(?:cust(?:omer)?|caller|client)\s(?:\([^()\n]{1,40}\)\s)?(?:called|rang|phoned)\b|"
    r"^\s{0,5}cust\s(?:is|has)\b|\bcalled\sfrom\b",
)
_CHAT = keyed("chat", r"\b(?:said|says|told\sus)\son\s(?:the\s)?(?:live\s)?chat\b")
_SUBJECT = re.compile(r"^\s{0,5}subject:", re.I | re.M)
_FORM_FIELD = re.compile(
    r"^\s{0,5}(?:order(?:\s(?:number|ref))?|message|category|description|problem|item|name|"
    r"email):", re.I | re.M
)
_DEAR = re.compile(r"^\s{0,5}dear\b", re.I | re.M)
_LETTER_CLOSE = re.compile(r"\byours\s(?:sincerely|faithfully)\b", re.I)
_GREETING = re.compile(r"^\s{0,5}(?:hi|hello|hey|hiya|good\s(?:morning|afternoon))\b", re.I)
_CLOSE_LINE = re.compile(
    r"^(?:thanks|many\sthanks|thank\syou|kind\sregards|regards|best\sregards|best|cheers|"
    r"warm\sregards)\b[,!]?(?:\s[^\W\d_][\w'-]{1,20}(?:\s[^\W\d_][\w'-]{1,20})?)?$",
    re.I,
)


def channel(text: str, note: bool, keys: frozenset[str]) -> Channel | None:
    """The channel the text shows, or None when it does not show one."""
    head = sentence_of(text[:5000], 0, keys)
    for name, pattern in (("social", _SOCIAL), ("in-person", _IN_PERSON), ("phone", _PHONE)):
        match = pattern.search(head)
        if match:
            return Channel(_name(name), match.group())
    chat = [speaker for speaker, count in speakers(head.text).items() if count >= 2]
    if chat:
        return Channel("chat", chat[0] + ":")
    match = _CHAT.search(head)
    if match:
        return Channel("chat", match.group())
    if note:
        return None
    return _email(head)


def _email(head: Sentence) -> Channel | None:
    text, low = head.text, head.low
    subject = _SUBJECT.search(text) if "subject:" in low else None
    if subject and not _FORM_FIELD.search(text):
        return Channel("email", text[subject.start() : text.find("\n", subject.start())].strip())
    dear = _DEAR.search(text) if "dear" in low else None
    if dear and ("yours" not in low or not _LETTER_CLOSE.search(text) or "mail" in low):
        return Channel("email", text[dear.start() : dear.start() + 30].split("\n")[0].strip())
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) >= 2 and _GREETING.match(lines[0]):
        closing = next((line for line in lines[-3:] if _CLOSE_LINE.match(line)), None)
        last = lines[-1]
        if closing or (len(last.split()) <= 3 and last[:1].isupper() and last[-1:].isalpha()):
            return Channel("email", closing or last)
    return None


def _name(name: str) -> ChannelName:
    names: dict[str, ChannelName] = {"social": "social", "in-person": "in-person", "phone": "phone"}
    return names[name]
