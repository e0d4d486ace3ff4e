"""The channel the text shows, with the words that show it.

The channel is only named when the text itself shows it: @mentions, hashtags and a review's
rating or warning to others (social: a review is answered where it was posted); a
"Subject:" line, a "Dear ..." email, a forwarded or quoted message (email); speaker labels,
several short lines typed as spoken, a chat transcript (chat); an agent's call note or a
voicemail (phone); a counter, branch, store or incident log (in person). A single
lower-case line is as likely a text message as a chat, and a letter signed with a title is
not an email, so neither is named. The agent confirms it; a wrong channel costs more than
none, so precision comes first.
"""

from __future__ import annotations

import re

from recovery_cli.listen.model import Channel, ChannelName
from recovery_cli.listen.sentences import WRAP, Keyed, Sentence, keyed, sentence_of
from recovery_cli.listen.shapes import speakers
from recovery_cli.listen.turns import ROLES, TRANSCRIPT_LINE

_SOCIAL = keyed(
    "@|#|publicly|online|twitter|facebook|instagram|tiktok|review|posted",
    r"(?<![\w.@])@[A-Za-z_][\w]{1,30}|(?<![\w&#])#[A-Za-z][A-Za-z_]{2,30}(?![\w-])|"
    r"\b(?:posting|sharing|posted)\sthis\s(?:publicly|online|on\s(?:twitter|x|facebook))\b|"
    r"^\s{0,5}(?:posted\s(?:in|on|to)\s(?:your\s)?(?:facebook|instagram|twitter|tiktok|x)\b|"
    r"(?:google|trustpilot|tripadvisor|yelp|facebook|app\sstore|play\sstore)\sreview\b|"
    r"review,?\s[1-5]\sstars?\b|public\sreview\b)",
)
"""A public post: a handle or a hashtag, or a pasted post or review saying where it was
posted ("Posted in your Facebook page comments:", "Google review, 1 star:", "Public
review:")."""
_REVIEW = keyed(
    "★|☆|⭐|star|/5|/ 5|out of|recommend|do not|don't|avoid|stay away",
    r"[★☆⭐]|(?<!\ba\s)(?<!\bthe\s)(?<!\byou\s)(?<!\bit\s)(?<!\bleave\s)"
    r"\b(?:[0-5]|one|two|zero|no)[\s-]?(?:/\s?5\b(?!\s[a-z])|stars?\b(?![\s-]"
    r"(?:hotel|resort|restaurant|service|treatment|rated|rating|holiday|cruise|spa|luxury|"
    r"accommodation))|out\sof\s(?:5|five)\b)|"
    r"\bwould(?:n't|\snot)\s(?:\w+\s)?recommend\b|"
    r"\b(?:do\snot|don't)\s(?:use|book\swith|buy\sfrom|order\sfrom)\s(?:this|these|them)\b|"
    r"\bavoid\s(?:this|these|them|at\sall\scosts)\b|\bstay\saway\b",
)
"""A review: a rating ("★★☆☆☆", "1 star", "2/5") or a warning to other customers ("would
not recommend", "avoid this place"). A review is answered where it was posted, so it is a
public reply (`review`): short, owning it, naming nothing private, moving to a private
channel, which on a review site is not a direct message. Answered with a letter, it would
have no place to go."""
_ADDRESSED = re.compile(
    r"^\s{0,5}(?:dear|hi|hello|hey|good\s(?:morning|afternoon|evening)|to\swhom)\b|"
    r"\byours\s(?:sincerely|faithfully)\b",
    re.I | re.M,
)
"""A greeting or a letter's close: the writer speaks to us, which a review does not."""
_IN_PERSON = keyed(
    "note|desk|log|incident|counter|gate|office|floor|store|shop|branch|aisle|café|cafe|till|"
    "checkout|lobby|foyer",
    r"^\s{0,5}(?:(?:branch|store|counter|shop\sfloor|gate|colleague|floor)\s(?:note|log|incident)"
    r"\b|note\sfrom\s(?:counter|desk|store|branch|floor)\b|front\sdesk\b|shift\slog\b[^\n]{0,40}"
    r"\b(?:desk|counter|reception)\b|incident(?:\snote)?\s?[-:–]\s?[^\n]{0,60}\b(?:centre|center|"
    r"store|shop|branch|counter|desk|lunch\srush|queue)\b|(?:counter|gate)\s[\w:.]{2,6}[\s:])|"
    r"^\s{0,5}(?:[\w'-]{1,15}\s){0,3}?(?:office|desk|floor|store|shop|branch|counter|aisle|café|"
    r"cafe|till|checkout|lobby|foyer|incident(?:\snote)?)(?:\s[\w'-]{1,15}){0,2}?\s?[,:\-–]\s"
    r"[^\n]{0,40}?\b\d{1,2}[:.]\d{2}\b|"
    r"^\s{0,5}(?:manager'?s|duty\smanager|foh|front\sof\shouse|floor|shift|terminal\sdesk|desk|"
    r"counter|store|branch)\snote\b|^\s{0,5}note\sfrom\s(?:the\s)?(?:maitre|manager|duty|floor|"
    r"front|shift)\b",
)
"""A note written at a counter, a desk or a store: a log's heading ("Branch, counter 3,
12:20", "Incident note - 2nd floor café, 10:25", "Store, Sat 14:30")."""
_PHONE = keyed(
    "called|rang|phoned|cust|cx|voicemail|vm|inbound|outbound|call|caller|line|calls|calling|"
    "rec'd|recd",
    r"\b(?:cust(?:omer)?|cx|caller|client)\s(?:\([^()\n]{1,40}\)\s)?(?:called|rang|phoned)\b|"
    r"^\s{0,5}cust\s(?:is|has)\b|\bcalled\sfrom\b|^\s{0,5}\[?(?:voicemail|vm)\b|"
    r"^\s{0,5}(?:inbound|outbound)(?:\scall)?\b|^\s{0,5}(?:call\sfrom|caller)\b|"
    r"^\s{0,5}\d(?:st|nd|rd|th)\scall\b|\bthis\sis\s(?:his|her|their)\s\d(?:st|nd|rd|th)\scall\b|"
    r"^\s{0,5}(?:cust(?:omer)?|cx)\s(?:(?:mr|mrs|ms|miss|dr)\.?\s)?(?:[\w.'-]{1,20}\s){0,3}"
    r"(?:called|rang|phoned)\b|^\s{0,5}(?:[\w-]{2,15}\s){0,2}line,\s\d{1,2}[:.]\d{2}\b|"
    r"(?<!\bi\s)(?<!\bwe\s)\b(?:called|rang|phoned|calls|calling)\sre\b|\brec'?d\scall\b|"
    r"^\s{0,5}(?:\d{1,2}[:.]\d{2}\s)?(?:[\w-]{2,15}\s)?call(?:\snotes?)?(?=\s?[-–—:,]|\s\d)|"
    r"\b(?:cust(?:omer)?|cx|caller)\s(?:\([^()\n]{1,40}\)\s)?calling\b|"
    r"^\s{0,5}(?:[\w-]{2,15}\s)?(?:mr|mrs|ms|miss|dr)\.?\s(?:[\w.'&-]{1,20}\s){1,3}"
    r"(?:\([^()\n]{1,40}\)\s)?(?:rang|called|phoned)\b(?!\s(?:me|us|you)\b)",
)
"""An agent's note of a call: the caller or the customer who rang, called or is calling
("Caller Mrs Ahmed", "Cust Mr Paul Nguyen rang", "Mr Tariq Hussain rang re"), a call log's
heading ("Inbound 09:12", "Call 13:15 -", "Store call 10:40", "Bookings line, 18:40"), "Rec'd
call from", "this is his 4th call", or a voicemail. A customer's own "I called re ..." or
"Mrs Patel from your office called me" is a message about a call, not one."""
_CHAT = keyed(
    "chat|sms|text|whatsapp",
    r"\b(?:said|says|told\sus)\son\s(?:the\s)?(?:live\s)?chat\b|\bchat\stranscript\b|"
    r"^\s{0,5}(?:sms|text\smessage|whatsapp)\s?[-:]",
)
"""A chat, or a text message pasted with its label ("SMS: Hi its Deepa"): a short reply."""
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
_DEAR = re.compile(
    r"^\s{0,5}(?:dear|sehr\sgeehrte|geachte|estimad[oa]s?|szanown[iya]|prezad[oa]s?|"
    r"madame,?\smonsieur|to\swho(?:m|ever)(?:'s)?\s(?:it\s(?:may\s)?concerns?|in\scharge))\b",
    re.I | re.M,
)
"""A letter's salutation, in English or another language ("Sehr geehrte Damen und Herren")."""
_QUOTED_MAIL = re.compile(
    r"^\s{0,5}(?:-{3,}\s?forwarded\smessage|from:\s[^\n]{1,60}\n\s{0,5}(?:to|sent|date):|>\s?\S)",
    re.I | re.M,
)
"""A forwarded message's header or a quoted reply ("> Thank you for contacting us"): email."""
_TITLED_LINE = re.compile(r"^(?:mrs|mr|ms|miss|dr)\.?\s", re.I)
_LETTER_CLOSE = re.compile(r"\byours\s(?:sincerely|faithfully)\b", re.I)
_GREETING = re.compile(
    r"^\s{0,5}(?:hi|hello|hey|hiya|greetings|good\s(?:morning|afternoon|evening|day)|"
    r"to\swhom\sit\smay\sconcern)\b",
    re.I,
)
_CLOSE_LINE = re.compile(
    r"^(?:thanks|many\sthanks|thank\syou|kind\sregards|regards|best\sregards|best|cheers|"
    r"warm\sregards)\b[,!]?(?:\s[^\W\d_][\w'-]{1,20}(?:\s[^\W\d_][\w'-]{1,20})?)?$",
    re.I,
)

_SHOWN_BY_WORDS: tuple[tuple[ChannelName, Keyed], ...] = (
    ("social", _SOCIAL),
    ("in-person", _IN_PERSON),
    ("phone", _PHONE),
)
"""The channels a message's own words show, in the order they are looked for."""


OPENING = 5000
"""How much of a message its channel is looked for in: a header, a greeting, a log's heading
or a transcript's first lines all come early."""


def opening(text: str, keys: frozenset[str]) -> Sentence:
    """The start of a message, as one piece for the channel's patterns (`keys`: the keys of
    the whole message, which hold those of its start)."""
    return sentence_of(text[:OPENING], 0, keys)


def logged(head: Sentence) -> bool:
    """Whether the message is headed or worded as an agent's log of a call or of a
    conversation at a counter ("Call notes 09:41 -", "Duty manager note, 19:35"): an agent's
    note, however its first words read, so its clauses speak of the customer in the third
    person. `head` is the message's `opening`."""
    return any(pattern.search(head) for pattern in (_IN_PERSON, _PHONE))


def channel(head: Sentence, note: bool) -> Channel | None:
    """The channel the message's `opening` shows, or None when it does not show one."""
    for name, pattern in _SHOWN_BY_WORDS:
        match = pattern.search(head)
        if match:
            found: ChannelName = (
                "review" if name == "social" and "review" in match.group().lower() else name
            )
            return Channel(found, match.group())
    chat = [speaker for speaker, count in speakers(head.text).items() if count >= 2]
    if chat:
        return Channel("chat", chat[0] + ":")
    match = _CHAT_OPENER.match(head.text)
    if match:
        return Channel("chat", match.group("who") + ":")
    label = _transcript(head.text)
    if label:
        return Channel("chat", label)
    match = _CHAT.search(head)
    if match:
        return Channel("chat", match.group())
    if not note and not _ADDRESSED.search(head.text):  # a review speaks to other customers
        match = _REVIEW.search(head)
        if match:
            return Channel("review", match.group())
    if note:
        match = _NOTE_EMAIL.search(head)
        if match:
            return Channel("email", match.group())
        match = _ON_THE_PHONE.search(head)
        return Channel("phone", match.group()) if match else None
    return _email(head) or _typed(head.text)


_CHAT_OPENER = re.compile(
    r"\s{0,5}(?:\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]\s{0,3})?(?P<who>visitor|customer|user|you|me)"
    r"(?:\s\d{1,2}[:.]\d{2})?:\s{1,3}(?:\S{1,30}\s){3}",
    re.I,
)
"""A transcript opening with the customer's chat label ("Visitor: hi, my order...")."""


def _transcript(text: str) -> str | None:
    """A chat transcript whose labels `speakers` does not see: a time before the label
    ("10:02 You:", "[14:01] Tenant - Chloe Bennett:") or a name after a role ("Customer
    (Priya):"). A web form's fields ("Name:", "Account no:") are each used once and carry no
    time, so they never count."""
    lines = list(TRANSCRIPT_LINE.finditer(text[:5000]))
    if len(lines) < 2:
        return None
    labels = [match.group("label") for match in lines]
    roles = [label for label in labels if label.split()[0].lower() in ROLES]
    timed = [match for match in lines if match.group("time")]
    repeated = len(set(labels)) < len(labels)
    if len(timed) >= 2 or (roles and (repeated or (len(set(labels)) >= 2 and len(roles) >= 2))):
        return f"{labels[0]}:"
    return None


_FIELD_LINE = re.compile(r"[^\W\d_][\w /'()?&-]{1,30}:\s")
"""A form's field and its answer ("Order/Job number: SR-118530", "What happened?: ...")."""
_TO_WHOM = re.compile(r"^to\s(?:whom\sit\smay\sconcern|the\smanager)\b", re.I)


def _typed(text: str) -> Channel | None:
    """Chat: typed as it is spoken, starting in lower case, or in short unpunctuated lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or _HEADER.match(lines[0]):
        return None  # a form or a letter with a subject line, not typed chat
    if sum(1 for line in lines[:8] if _FIELD_LINE.match(line)) >= 2:
        return None  # a web form's fields under its title ("Complaint form\nName: ...")
    if _TO_WHOM.match(lines[0]) or (len(lines) > 1 and _TO_WHOM.match(lines[1])):
        return None  # a letter to whom it may concern, under its address or not
    if _DEAR.search(text) or _LETTER_CLOSE.search(text):
        return None  # a letter: its address lines are short and unpunctuated too
    if lines[0][:1].islower() and len(lines) >= 2:
        return Channel("chat", lines[0][:40])  # one lower-case line is as likely a text message
    # a longer line without an end stop was wrapped by a mail program, not typed as sent
    bare = [line for line in lines if line[-1:].isalnum() and len(line) < WRAP]
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
    dear = _DEAR.search(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    titled = bool(lines) and _TITLED_LINE.match(lines[-1]) is not None  # "Mrs Joan Featherstone"
    if (
        dear
        and not titled
        and ("yours" not in low or not _LETTER_CLOSE.search(text) or "mail" in low)
    ):
        return Channel("email", text[dear.start() : dear.start() + 30].split("\n")[0].strip())
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) >= 2 and _GREETING.match(lines[0]):
        closing = next((line for line in lines[-3:] if _CLOSE_LINE.match(line)), None)
        signed = next((line for line in lines[-3:] if _bare_name(line)), None)
        if closing or signed:
            return Channel("email", closing or signed or "")
    return None


def _bare_name(line: str) -> bool:
    """A signed name alone on a line: "Stephen Kelly", "Rasa & Tom"."""
    words = [word for word in line.split() if word not in {"&", "and"}]
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)
