"""A suggested severity, with its reasons, and the channel the text shows.

Severity follows what an experienced agent weighs: who the customer is (elderly, disabled,
unwell, short of money, a child involved), what is at stake (a funeral or a wedding, a large
sum, their data), how angry they are (capitals, "!!!", swearing, threats to leave, go public
or go to law) and whether it has failed before. Any grave signal (a vulnerability, a
threat, someone else's data, a big occasion, a large sum, a third failure) makes it high,
and so do two lesser ones together (stakes, anger, a repeat); a routine message, or a
gentle request with no failure in it, is low; the rest is medium.

The channel is only named when the text itself shows it: @mentions and hashtags (social), a
"Subject:" line or a "Dear ..." email (email), speaker labels (chat), an agent's call note
(phone) or a counter or branch note (in person).
"""

from __future__ import annotations

import re

from recovery_cli.listen.model import Channel, ChannelName, Fact, Level, Severity, Signal
from recovery_cli.listen.sentences import Keyed, Sentence, keyed, sentence_of, union
from recovery_cli.listen.shapes import speakers
from recovery_cli.wording import ACRONYMS

_KINDS: tuple[tuple[str, str, Keyed], ...] = tuple(
    (group, kind, keyed(keys, pattern))
    for group, kind, keys, pattern in (
        (
            "vulnerable",
            "elderly",
            "elderly|pensioner|oap|i am|i'm|aged|pension",
            r"\b(?:elderly|pensioner|OAP|(?:I\sam|I'?m|aged)\s[789]\d\b|my\spension|on\sa\spension)",
        ),
        (
            "vulnerable",
            "disability",
            "disab|wheelchair|housebound|arthritis|mobility|blind|deaf|"
            "hearing aid|bathe|alarm|carer|lives alone",
            r"\b(?:disabled|disability|wheelchair|housebound|arthritis|mobility|blind|deaf|"
            r"hearing\saids?|can'?t\sbathe|personal\salarm|carers?|lives\salone)\b",
        ),
        (
            "vulnerable",
            "medical",
            "insulin|meds|medication|hospital|nurse|dose|hiv|surgery|injur|"
            "blister|burn|pain|chemo|medical|tablets|dressing|vulnerab|distressed",
            r"\b(?:insulin|meds|medication|hospital|nurse|dose|hiv|surgery|injur(?:y|ed)|"
            r"blister(?:ed|s)?|burn(?:t|ed)|in\spain|chemo|medical|tablets|dressing\schange|"
            r"vulnerab\w{1,10}|distressed)\b",
        ),
        (
            "vulnerable",
            "money worries",
            "afford|rent|overdra|bills|payroll|debt",
            r"\b(?:can'?t\safford|cannot\safford|rent(?:\smoney)?|overdrawn|overdraft|"
            r"bills?\sto\spay|payroll|in\sdebt)\b",
        ),
        (
            "vulnerable",
            "bereavement",
            "passed away|died|bereave|death",
            r"\b(?:passed\saway|died|bereave\w{1,6}|death\scertificate)\b",
        ),
        (
            "vulnerable",
            "a child",
            "baby|babies|kids|child|toddler| old",
            r"\b(?:baby|babies|kids|children|child|child's|toddler|\d{1,2}\s?yr\sold)\b",
        ),
        (
            "vulnerable",
            "safety",
            "safe|refuge|abuse|danger",
            r"\b(?:don'?t\sfeel\ssafe|unsafe|refuge|domestic\sabuse|safe\sat\snight|danger)\b",
        ),
        (
            "vulnerable",
            "damage to their home",
            "water|flood|ceiling|roof",
            r"\b(?:water\scoming\sthrough|flood(?:ed|ing)?|through\sthe\sceiling|holes?\sdrilled\s"
            r"in\smy\sroof)\b",
        ),
        (
            "privacy",
            "someone else's data",
            "someone else|different customer|another customer|"
            "home address|full name|data|dob|details",
            r"\b(?:someone\selse'?s\s(?:details|data|account)|(?:a\sdifferent|another)\s"
            r"customer'?s|home\saddress|full\sname|data\sprotection|dob|personal\sdetails)\b",
        ),
        (
            "occasion",
            "a big occasion",
            "funeral|wedding|birthday|exam|interview|new job|"
            "anniversary|completion|retirement|10th|20th|30th|40th|50th|60th|70th|80th|90th",
            r"\b(?:funeral|wedding(?!\s(?:present|gift))|birthday(?!\s(?:present|gift|card))|exams?|"
            r"interview|new\sjob|anniversary|completion\sdate|retirement|\d0th)\b",
        ),
        (
            "stakes",
            "what is at stake",
            "off work|day off|afternoon off|black friday|from home|"
            "term starts|late fee|deadline|hen do",
            r"\b(?:days?\soff\swork|day\soff|afternoon\soff|black\sfriday|work(?:ing)?\sfrom\shome|"
            r"term\sstarts|late\sfee|deadline|hen\sdo)\b",
        ),
        (
            "threat",
            "threat of harm",
            "hurt|slap|life hell|know where|wait outside|down there|"
            "know people|your names|banged|aggressive",
            r"\b(?:hurt|slap|make\syour\slife\shell|i\sknow\swhere|wait\soutside|"
            r"coming\sdown\sthere|i\sknow\speople|i\shave\syour\snames|banged\sthe\scounter|"
            r"aggressive)\b",
        ),
        (
            "threat",
            "threat to go to law",
            "ombudsman|solicitor|lawyer|sue|suing|legal|court|"
            "chargeback|trading standards|small claims",
            r"\b(?:ombudsman|solicitors?|lawyers?|sue|suing|legal\saction|court|chargeback|"
            r"trading\sstandards|small\sclaims)\b",
        ),
        (
            "threat",
            "threat to go public",
            "review|trustpilot|press|tiktok|post|publicly|"
            "everyone knows|famous|papers|journalist|watchdog",
            r"\b(?:leav(?:e|ing)\sa\sreview|bad\sreview|review\severyone|trustpilot|the\spress|"
            r"tiktok|post(?:ing)?\s(?:this|it)\s(?:on|publicly|online)|publicly|everyone\sknows|"
            r"how\she\slikes\sbeing\sfamous|the\spapers|journalist|watchdog)\b",
        ),
        (
            "anger",
            "threat to leave",
            "switch|moving|take my business|never again|be back|"
            "not ordering|elsewhere|avoid.|not paying|neveragain|wonder why",
            r"(?:\b(?:switching|switch\sto|i'?m\smoving(?!\s(?:on|house|home|in)\b)|moving\sto|"
            r"take\smy\sbusiness|never\sagain|won'?t\sbe\sback|not\sordering\sagain|"
            r"go(?:ing)?\selsewhere|avoid\.|not\spaying|starting\sto\swonder\swhy)\b|#neveragain)",
        ),
        (
            "anger",
            "swearing or insults",
            "fuck|shit|bloody|crap|prick|idiot|useless|crooks|liars|"
            "incompetent|thickest|laziest|stupid cow|disgusting|pathetic|a joke|ridiculous|"
            "shocking|sort it out",
            r"\b(?:fuck\w{0,6}|shit\w{0,4}|bloody|crap|prick|idiots?|useless|crooks|liars|"
            r"incompetents?|thickest|laziest|stupid\scow|disgusting|pathetic|a\sjoke|ridiculous|"
            r"shocking|sort\sit\sout)\b",
        ),
        (
            "persistent",
            "failed again and again",
            "third time|3rd time|fourth|fifth|every time|"
            "every single time|passed around|four|five|six|4|5|6|7|8|9|3x|three broken",
            r"\b(?:third\stime|3rd\stime|fourth|fifth|every\s(?:single\s)?time|passed\saround|"
            r"(?:four|five|six|[4-9])\s(?:times|calls)|[3-9]x|three\sbroken)\b",
        ),
        (
            "repeat",
            "repeated failure",
            "again|second time|keeps happening|twice|broken|two|three|3",
            r"\b(?:(?<!try\s)again|second\stime|keeps\shappening|twice|(?:three|3)\stimes|"
            r"two\sbroken)\b",
        ),
    )
)
_SHOUT = re.compile(r"(?<![-\w])[A-Z]{4,20}\b(?![-\d])")
_MARKS = re.compile(r"[!?]{3,}|\?!|!\?")
_GENTLE = keyed(
    "any chance|any way|understand|no rush|not a complaint|could|can i|can u|can you|"
    "possible|i'd like|id like|let you know|be nice|happy to pay|not really|not the money|"
    "how do|do you|is there|what|when|where|?",
    r"\b(?:any\schance|is\sthere\sany\sway|i'?d\sunderstand|no\srush|not\sa\scomplaint|"
    r"could\syou|can\si|would\sit\sbe\spossible|please\scould|i'?d\slike\sto|could\si|"
    r"can\su|can\syou|just\swanted\sto\slet\syou\sknow|be\snice|happy\sto\spay|"
    r"any\sway\si\scan|not\sreally\sa\squestion|it'?s\snot\sthe\smoney)\b|\?",
)
_FAILURE = keyed(
    "nothing here|never|no one|nobody|didn|didnt|hasn|hasnt|haven|havent|won't|wont|broken|"
    "missing|wrong|damaged|cracked|delayed|lost|crooked|someone else|not what",
    r"\b(?:nothing\shere|never|no\sone|nobody|didn'?t|hasn'?t|haven'?t|won'?t|broken|missing|wrong|"
    r"damaged|cracked|delayed|lost|crooked|someone\selse'?s|not\swhat)\b",
)
"""Words of a failure: a message holding one is not a plain request, whatever triage says."""
_LARGE = 1000.0
"""A sum this large (in any currency) is at stake by itself."""
_HIGH = frozenset({"vulnerable", "threat", "privacy", "occasion", "persistent", "large"})


def severity(text: str, facts: dict[str, Fact], routine: bool, pieces: list[Sentence]) -> Severity:
    """The suggested severity of one (English) message (given as sentences) and why."""
    keys = union(pieces)
    head = sentence_of(text[:5000], 0, keys)
    reasons: list[Signal] = []
    groups: list[str] = []
    for group, kind, pattern in _KINDS:
        if pattern.keys.isdisjoint(keys):
            continue
        for piece in pieces:
            match = pattern.search(piece)
            if match:
                reasons.append(Signal(kind, match.group(), piece.start + match.start()))
                groups.append(group)
                break
    shout = next((m for m in _SHOUT.finditer(head.text) if m.group() not in ACRONYMS), None)
    marks = _MARKS.search(head.text)
    for match, kind in ((shout, "capitals"), (marks, "repeated ! or ?")):
        if match:
            reasons.append(Signal(kind, match.group(), match.start()))
            groups.append("anger")
    amount = facts.get("amount")
    if amount and float(amount.value[1:].replace(",", "") or 0) >= _LARGE:
        reasons.append(Signal("a large sum", amount.words, amount.start))
        groups.append("large")
    stakes = facts.get("stakes")
    if stakes and not {"stakes", "occasion"} & set(groups):
        reasons.append(Signal("what is at stake", stakes.words, stakes.start))
        groups.append("stakes")
    gentle = "issue" not in facts and not _FAILURE.search(head)
    gentle = gentle and (routine or bool(_GENTLE.search(head)))
    return Severity(_level(groups, routine, gentle), reasons)


def _level(groups: list[str], routine: bool, gentle: bool) -> Level:
    """High for any grave signal or two lesser ones together; low for a plain request."""
    found = set(groups)
    if found & _HIGH or groups.count("anger") >= 2:
        return "high"
    if len(found & {"stakes", "anger", "repeat"}) >= 2:
        return "high"
    if not found and gentle:
        return "low"  # a request (or what triage calls routine) with no failure in it
    return "medium"


_SOCIAL = keyed(
    "@|#|publicly|online|twitter|facebook",
    r"(?<![\w.@])@[A-Za-z_][\w]{1,30}|(?<![\w&#])#[A-Za-z][A-Za-z_]{2,30}(?![\w-])|"
    r"\b(?:posting|sharing|posted)\sthis\s(?:publicly|online|on\s(?:twitter|x|facebook))\b",
)
_IN_PERSON = keyed(
    "note|desk|log|incident|counter|gate",
    r"^\s{0,5}(?:(?:branch|store|counter|shop\sfloor|gate|colleague|floor)\s(?:note|log|incident)"
    r"\b|note\sfrom\s(?:counter|desk|store|branch|floor)\b|front\sdesk\b|shift\slog\b[^\n]{0,40}"
    r"\b(?:desk|counter|reception)\b|incident(?:\snote)?\s?[-:–]\s?[^\n]{0,60}\b(?:centre|center|"
    r"store|shop|branch|counter|desk|lunch\srush|queue)\b|(?:counter|gate)\s[\w:.]{2,6}[\s:])",
)
_PHONE = keyed(
    "called|rang|phoned|cust|cx|voicemail|vm",
    r"\b(?:cust(?:omer)?|cx|caller|client)\s(?:\([^()\n]{1,40}\)\s)?(?:called|rang|phoned)\b|"
    r"^\s{0,5}cust\s(?:is|has)\b|\bcalled\sfrom\b|^\s{0,5}\[?(?:voicemail|vm)\b",
)
_CHAT = keyed(
    "chat",
    r"\b(?:said|says|told\sus)\son\s(?:the\s)?(?:live\s)?chat\b|\bchat\stranscript\b",
)
_NOTE_EMAIL = keyed(
    "email",
    r"\b(?:per|in|from|via)\s(?:cx'?s|cust(?:omer)?'?s|her|his|their)\semail\b|\bemailed\sin\b",
)
"""An agent's note about a message that came by email ("per cx's email")."""
_HEADER = re.compile(r"[^\W\d_][\w ]{1,25}:\s")
_ON_THE_PHONE = keyed(
    "phone|call|transferred",
    r"\bon\s(?:the\s)?phone\b|\b(?:multiple|several|\d|\d(?:st|nd|rd|th)|of|on|this)\s"
    r"calls?\b|\btransferred\b|\bcall\s(?:re|about|back)\b",
)
"""What shows a note was written during a call ("on phone", "3rd call", "transferred")."""
_SUBJECT = re.compile(r"^\s{0,5}subject:", re.I | re.M)
_FORM_FIELD = re.compile(
    r"^\s{0,5}(?:order(?:\s(?:number|ref))?|message|category|description|problem|item|name|"
    r"email):",
    re.I | re.M,
)
_DEAR = re.compile(r"^\s{0,5}dear\b", re.I | re.M)
_QUOTED_MAIL = re.compile(
    r"^\s{0,5}(?:-{3,}\s?forwarded\smessage|from:\s[^\n]{1,60}\n\s{0,5}(?:to|sent|date):|>\s?\S)",
    re.I | re.M,
)
"""A forwarded message's header or a quoted reply ("> Thank you for contacting us"): email."""
_TITLED_LINE = re.compile(r"^(?:mrs|mr|ms|miss|dr)\.?\s", re.I)
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
        match = _NOTE_EMAIL.search(head)
        if match:
            return Channel("email", match.group())
        match = _ON_THE_PHONE.search(head)
        return Channel("phone", match.group()) if match else None
    return _email(head) or _typed(head.text)


def _typed(text: str) -> Channel | None:
    """Chat: typed as it is spoken, starting in lower case, or in short unpunctuated lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or _HEADER.match(lines[0]):
        return None  # a form or a letter with a subject line, not typed chat
    if lines[0][:1].islower() and len(lines) >= 2:
        return Channel("chat", lines[0][:40])  # one lower-case line is as likely a text message
    bare = [line for line in lines if line[-1:].isalnum()]
    if len(lines) >= 3 and len(bare) >= 2:
        return Channel("chat", bare[0][:40])
    return None


def _email(head: Sentence) -> Channel | None:
    text, low = head.text, head.low
    quoted = _QUOTED_MAIL.search(text)
    if quoted:
        return Channel("email", quoted.group().strip())
    subject = _SUBJECT.search(text) if "subject:" in low else None
    if subject and not _FORM_FIELD.search(text):
        return Channel("email", text[subject.start() : text.find("\n", subject.start())].strip())
    dear = _DEAR.search(text) if "dear" in low else None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    titled = bool(lines) and _TITLED_LINE.match(lines[-1]) is not None  # "Mrs Joan Featherstone"
    if dear and not titled and ("yours" not in low or not _LETTER_CLOSE.search(text) or "mail" in low):
        return Channel("email", text[dear.start() : dear.start() + 30].split("\n")[0].strip())
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) >= 2 and _GREETING.match(lines[0]):
        closing = next((line for line in lines[-3:] if _CLOSE_LINE.match(line)), None)
        signed = next((line for line in lines[-3:] if _bare_name(line)), None)
        if closing or signed:
            return Channel("email", closing or signed or "")
    return None


def _bare_name(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def _name(name: str) -> ChannelName:
    names: dict[str, ChannelName] = {"social": "social", "in-person": "in-person", "phone": "phone"}
    return names[name]
