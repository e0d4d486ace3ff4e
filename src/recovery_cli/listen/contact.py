"""How the customer asked to be reached, read so the reply can say it back and keep to it.

"Please ring me on 07700 900123 after 5", "I'm deaf, text me, don't phone", "don't call me
at work": a reply that answers by email as if nobody had said so has not listened. The
value is what follows "You asked us to" in the reply (`reply.as_asked`): the way they want
first, with the number, address or time they gave ("call you back on 07700 900123 after
5"), then a way they asked us not to use ("text you, not call you"), or that alone ("not
call you at work").

Only requests count, in the customer's own turns: "you never call me back" and "I called
you three times" are what went wrong, "please call us" quoted from an error message is
ours, "call me crazy" is an idiom, and "email me the invoice" asks for a document, not a
way to be reached. An agent's note reads the same requests said of the customer ("wants a
call back from a manager today", "cb requested by EOD", "asked us to ring her").

A number or a time is read only near the request: in the rest of its clause ("call me,
tomorrow if possible, on 07700 900123"), in a sentence that is only the number ("Please
call me. 087 555 0192."), after "my number is", or on a signature's last lines. A number
anywhere else may be one the customer rang us on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from recovery_cli.listen.sentences import Found, Sentence, keyed, keys_of

CALL, TEXT, EMAIL, POST = "call you", "text you", "email you", "write to you by post"
WRITE = "write to you"
WAYS = {
    "call": CALL,
    "ring": CALL,
    "phon": CALL,
    "bell": CALL,
    "shout": CALL,
    "cb": CALL,
    "text": TEXT,
    "txt": TEXT,
    "sms": TEXT,
    "whatsapp": TEXT,
    "email": EMAIL,
    "e-mail": EMAIL,
    "post": POST,
    "letter": POST,
    "writ": WRITE,
}
"""Each word for a way of reaching someone (as found in a request: "phon" for "phone",
"telephone", "phoning"; "cb" in a note), as the reply says it."""
_WAY_WORDS = re.compile(r"\b(?:tele)?(?:" + "|".join(WAYS) + ")", re.I)

_VERB = r"(?P<way>call|ring|phone|telephone|text|sms|whatsapp|e-?mail)"
_PHONE_START = (
    r"(?:\+\d|0\d{3}|0\d{2}[\s-]\d{3,4}|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|555[\s.-]\d{4})"
)
"""How a telephone number starts, unlike a time ("Call 11:04") or a reference."""
_ME = r"(?:me|us(?=\s(?:back|on|at)\b))"
"""Who to reach: "us" only as "call us back" or "call us on ...", since "please call us" is
mostly a line quoted from our own mail or an error message."""
_THEM = r"(?:me|us|her|him|them|cust(?:omer)?|caller|cx)"
"""Who to reach, in an agent's note of the customer."""
_NOT_A_THING = (
    r"(?!\s(?:crazy|old|stupid|naive|naïve|cynical|paranoid|picky|silly|mad|pedantic|daft|"
    r"fussy|a|an|the|my|your|it|them|what|whatever|when|if|e-?tickets?|tickets?|"
    r"this(?!\s(?:week|morning|afternoon|evening))|that(?!\s\w{2,6}day)|"
    r"invoices?|receipts?|cop(?:y|ies)|confirmation|details|documents?|proof|photos?|"
    r"pictures?|links?|codes?|labels?|forms?|statements?|passwords?)\b)"
)
"""What may not follow "call me": an idiom ("call me crazy") or a thing to send ("email me
the invoice", "text me a code")."""
_OPENS = (
    r"(?:^|(?<=[,;:.!?(\-–])\s?|\b(?:please|pls|plz|kindly|so|and|but|or|just|then|instead|"
    r"better)\s)"
)
"""Where a request may open: a clause's start, or after a word that leads into one."""
_PLEASE = r"(?:(?:please|pls|plz|kindly|just|can\syou|could\syou|someone|somebody),?\s){0,2}"
_SOMEONE = (
    r"(?:you|someone|somebody|anyone|one\sof\syou|them|a\s(?:manager|supervisor|person)|"
    r"your\smanager|the\s\w{2,20}|(?:someone|somebody)\s[\w'’-]{2,20}(?:\s[\w'’-]{2,20}){0,6}?|"
    r"(?:a|an|the|your)\s[\w'’-]{2,20}(?:\s[\w'’-]{2,20}){0,5}?)"
)
"""Whom a request asks to make the call: "someone senior", "a manager with authority"."""

_ASK = keyed(
    "call|ring|phon|telephon|text|sms|whatsapp|email|e-mail",
    rf"{_OPENS}{_PLEASE}{_VERB}(?:\s{_ME}\b{_NOT_A_THING}|(?=\s(?:on\s)?{_PHONE_START}"
    rf"|\sback\s(?:on\s)?{_PHONE_START}"
    rf"|\s(?:the|my)\s(?:shop|office|salon|surgery|studio|house|landline|mobile|business)\s"
    rf"(?:on\s)?{_PHONE_START}))",
)
"""A request in the imperative: "please ring me back", "someone call me", "call 07700 ..."."""
_ASK_PLEASE = keyed(
    "call|ring|phon|telephon|text|sms|whatsapp|email|e-mail",
    r"(?:^|(?<=[,;:.!?(])\s?|\b)(?:please|pls|plz|kindly)\s(?:just\s)?"
    rf"{_VERB}(?=\s?[.!]|\s?$|\s(?:back(?!\s(?:to|from))|after|before|between|any\s?time|"
    r"tomorrow|today|tonight|asap)\b)",
)
"""A request with no one named, only with "please": "Pls call.", "Please ring after 6pm"
("Call before it ships?" in a note is what we should do, not what the customer asked)."""
_ASK_SOMEONE = keyed(
    "call|ring|phon|telephon|text|sms|whatsapp|email|e-mail",
    r"\b(?:(?:can|could|would|will)(?:\s(?:please|not))?|can't|cannot|please\s(?:have|get|ask)|"
    r"(?<!i'd\s)(?<!i’d\s)(?<!i'll\s)(?<!we'll\s)(?:get|have)|i(?:'d|’d|\swould)\s(?:like|prefer|appreciate\sit\sif)|i\s(?:want|need|expect)|"
    r"i(?:'m|\sam)\sasking\sfor)"
    rf"\s{_SOMEONE}\s(?:to\s)?(?:please\s)?(?:just\s)?{_VERB}(?:ed)?"
    rf"(?:\s{_ME}\b{_NOT_A_THING}|(?=\s(?:today|tonight|tomorrow|asap|back)\b))",
)
"""Someone asked to do it: "can someone call me back", "I want someone senior to call me"."""
_ASK_FOR = keyed(
    "call|ring|phon|bell|shout|text|email|e-mail|letter",
    r"\b(?:i(?:'d|’d|\swould)\s(?:like|prefer|appreciate|rather\shave|be\sgrateful\sfor)|"
    r"i\s(?:want|need|prefer)|please\s(?:arrange|book|give\sme)|(?:can|could|may)\si\s"
    r"(?:get|have|request|book)|request(?:ing)?|give\sme|i(?:'m|\sam)?\sask(?:ing)?\sfor|"
    r"(?:please\s)?(?:send|drop)\sme|please\ssend|"
    r"(?:and|also|plus)(?=\sa\s(?:phone|telephone)\scall\sfrom))"
    r"\s(?:a\s|an\s)?(?:quick\s|urgent\s)?(?P<way>call[\s-]?back|(?:phone|telephone)\s?call|"
    r"call|ring|bell|shout|text|email|e-mail|letter|reply\sby\s(?:email|e-mail|text|post|phone))\b"
    r"(?!\s(?:centre|center|handler|list))",
)
"""A way asked for by name: "I'd like a call back", "give me a ring", "give me a shout",
"I'd prefer email", "please send a text when he's on his way"."""
_BY = keyed(
    "reply|respond|contact|get back|write|answer|update|reach|let me|let us|keep me|only|confirm|"
    "response|decision|prefer",
    r"(?:\b(?:(?:reply|respond)(?:\sto\s(?:me|us))?|(?:all\s)?contact(?:\s(?:me|her|him|us))?|"
    r"get\sback\sto\s(?:me|us)|"
    r"write\sto\sme|answer\sme|"
    r"update\s(?:me|us)|reach\sme|let\s(?:me|us)\sknow|keep\s(?:me|us)\s(?:updated|posted|"
    r"informed))\s(?:please\s)?(?:directly\s)?(?:only\s)?(?:by|via|over):?\s(?:the\s)?"
    r"(?P<way>email|e-mail|text|sms|(?:tele)?phone|post|letter|whatsapp)\b"
    r"|(?:^|(?<=[,;:.!?(])\s?|\bplease\s)(?:by\s)?(?P<only>email|e-mail|text|sms)\s(?:only|please)\b"
    r"|\breply\sto\sthis\s(?P<this>email|e-mail|text)\b"
    r"|\b(?:confirm|confirmation|answer|reply|response|update|decision)(?:\sin\swriting)?\s"
    r"(?:by|via|over)\s(?P<what>email|e-mail|text|sms|post|letter|phone)\b"
    r"|\bprefers?\s(?:a\s)?(?P<prefers>(?:phone\s)?call|email|e-mail|text|sms|post|letter)\b)",
)
"""A way named after what we should do: "please reply by email", "email only", "reply to
this email", "let us know by phone"."""
_YOU_CAN = keyed(
    "call|ring|phon|text|email|e-mail|whatsapp",
    r"\b(?:you|u)\s(?:can|could|may)\s(?:always\s|also\s|just\s)?"
    r"(?P<way>call|ring|phone|text|email|e-mail|whatsapp)\s(?:me|us)\b(?!\s(?-i:[A-Z])[a-z])",
)
"""A way offered: "You can call me on 07700 900134" (never "you can call me Dave")."""
_WRITE_TO = keyed("write", rf"{_OPENS}(?:please\s)?(?P<write>write)\sto\sme\b")
"""A letter asked for: "please write to me at this address"."""
_WRITTEN = keyed(
    "written",
    r"\b(?:want|wants|like|need|needs|prefer|prefers|request|requests|asked\sfor)\s(?:a\s)?"
    r"(?P<written>written)\s(?:response|reply|answer)\b",
)
"""An answer in writing, asked for without naming how: "I want a written response"."""
_REACH_ON = keyed(
    "reach|contact|get hold",
    r"\b(?:(?:reach|contact|get\shold\sof)\sme|be\s(?:reached|contacted))\s(?:on|at)\b",
)
"""A number to use: "you can reach me on 07700 900123" (the number is read after it)."""
_FORM = keyed(
    "preferred|contact method|contact by|contact preference|best way|easiest|easier|best|call|"
    "phon|text|email|"
    "e-mail|whatsapp",
    r"\b(?:(?:preferred\s(?:contact(?:\smethod)?|method\sof\scontact|way\sto\scontact\sme)|"
    r"contact\smethod|contact\sby|contact\spreference|best\sway\sto\s(?:reach|contact|get\shold\s"
    r"of)\sme)\s?[:=-]\s?"
    r"(?:by\s)?(?P<way>phone|call|email|e-mail|text|sms|whatsapp|post|letter)\b"
    r"|(?P<easiest>text|email|e-mail|phone|a\s(?:phone\s)?call|whatsapp)\s(?:is|would\sbe)\s"
    r"(?:easiest|easier|best|better|preferred|fine|ok|okay|good)\b"
    r"|\bbest\stime\sto\s(?P<time>call|ring|phone|text)(?:\s(?:me|us))?\s?[:=-]"
    r"|\bbest\sto\s(?P<best>ring|call|phone|text|email|e-mail|whatsapp)\s(?:me|my)\b)",
)
"""A web form's field or the customer's own word for it: "Preferred contact: WhatsApp",
"Best way to reach me: email", "Best time to call: evenings", "text is easiest", "(cell -
text is fine)"."""
_NOTE = keyed(
    "call|cb|ring|phon|text|txt|email|e-mail",
    r"\b(?:wants|wanted|asked\sfor|asks\sfor|requested|requests|requesting|req|needs|prefers|"
    r"pref|awaiting)\s(?:(?:[\w'’-]{1,20}\s){1,4}?(?:\+|and|or|&)\s)?(?:a\s|an\s)?"
    r"(?:urgent\s|personal\s|(?:gm|mgr|tl|dpo|md|ceo|manager|supervisor|senior|team\sleader)\s)?"
    r"(?P<way>call[\s-]?back|cb|(?:phone\s)?call|ring|text|txt|sms|email|e-mail)\b"
    r"(?!\s(?:centre|center|handler|list|recording|log))"
    rf"|\b(?:asked|wants|wanted|needs)\s(?:us\s|someone\s|(?:[\w'’-]{{1,20}}\s){{1,7}}?)to\s"
    rf"(?P<verb>call|ring|phone|text|email|e-mail)(?:\s(?:{_THEM}|back)\b|(?=\s?[.,;]|\s?$))"
    r"|\basked\sto\sbe\s(?P<passive>called|rung|phoned|texted|emailed|e-mailed)\b",
)
"""An agent's note of a request: "wants a call back pm", "CB req", "wants GM to call"."""

_CALLBACK_ASKED = keyed(
    "cb|call",
    r"\b(?P<done>cb|call[\s-]?back)\s(?:req(?:uested)?|asked\sfor|wanted|needed)\b",
)
"""A note's shorthand for a call asked for: "CB req", "callback requested by EOD"."""

_REFUSED = keyed(
    "call|ring|phon|text|writ|email|e-mail|talk|speak|able",
    rf"{_OPENS}(?:please\s)?(?:do\snot|don't|don’t|dont|pls\sdon'?t|stop|no\smore)\s"
    r"(?P<way>(?:call|ring|phon|text|writ)(?:ing|e|s)?)"
    r"(?:\s(?:me|(?:on\s)?(?:my|the|our)?\s?(?P<own>mobile|landline|phone|cell|number|"
    r"home\s(?:number|phone|landline)|work\s(?:number|phone))))?\b"
    r"(?!\s(?:to|about|for|my|the|a|an|his|her|their|our|him|them|mum|mom|mam|dad|mother|"
    r"father|nan|gran|grandma|grandad|(?-i:[A-Z])(?!(?:on|at|after|before|until|in)\b)"
    r"[\w'’-]+)\b)"
    r"|\b(?:i\s(?:do\snot|don't|don’t)|does\snot|doesn't|doesn’t)\swant\s"
    r"(?:a\s|any\s|another\s|more\s)?(?:phone\s)?(?P<call>call(?:\s?backs?|s)?)\b"
    r"(?!\s(?:handler|centre|center))"
    r"|\b(?:asks?|asked|wants?|wanted|requests?|requested)\s(?:for\s)?no\s(?:phone\s)?calls\b"
    r"|(?:\b(?:please\s(?:no|not)\s(?:phone\s)?calls|no\s(?:phone\s)?calls,?\splease)|"
    r"(?:^|(?<=[,;(]\s)|\b(?:i|and|but|so)\s)(?:can't|can’t|cant|cannot|can\snot|am\sunable\sto|"
    r"'m\sunable\sto|am\snot\sable\sto|'m\snot\sable\sto)\s(?:really\s)?(?:take|answer|receive|do|"
    r"hear|talk\son)\s(?:phone\s)?(?:calls|the\sphone)|(?:i|and|but|so|pls|as|because)\s"
    r"(?:can't|can’t|cant|cannot)\s(?:really\s)?(?:talk|speak)(?!\sto))\b"
    r"|\bi\s(?:don't|don’t|dont|do\snot|can't|can’t|cant|cannot)\s(?:do|use|have|check|read|see)\s"
    r"(?:any\s|the\s)?(?P<medium>e-?mails?|texts?)\b",
)
"""A way they ask us not to use: "please don't ring me at work", "stop calling me", "no
calls please", "I can't take calls at work". An email refused is not read: "stop emailing
me" is mostly about marketing, and the reply itself may be an email."""
_DEAF = keyed(
    "deaf|hard of hearing",
    r"\bi(?:'m|’m|\sam)\s(?:\w{1,12}\s)?(?:deaf|hard\sof\shearing)\b",
)
"""Calls are no use, said of themselves: it refuses calls only beside a way they want."""
_MY_NUMBER = keyed(
    "mobile|mob|number|phone|cell|landline|tel",
    r"\b(?:my|best|(?:pref(?:erred)?\s)?contact)\s(?:mob(?:ile)?|(?:phone\s|contact\s)?number|"
    r"phone|cell|landline)(?:\sis|'s|’s|:|\s-|\s(?=\+?\d))"
    r"|(?m:^)(?:phone|mobile|tel|telephone|cell)(?:\s(?:number|no\.?))?\s?:",
)
"""A number given apart from the request ("my mobile is ...", "pref contact mob 07700 ...",
a form's "Phone: ...")."""

_PHONE = re.compile(
    r"(?<![\w-])(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?\d{2,5}(?:[\s-]?\d{2,4}){1,3}"
    r"|0\d{2,4}(?:[\s-]?\d{3,4}){1,2}|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|555[\s.-]\d{4})(?![\w-])"
)
"""A telephone number's shape: international, national with a leading 0, North American."""
_ADDRESS = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_WHEN = re.compile(
    r"\b(?:(?:after|before|from|around|between|by|at)\s\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?"
    r"(?:\s?(?:and|-|to|or)\s?\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?)?(?:\s(?:today|tomorrow|tonight))?"
    r"|(?:in\sthe|this|tomorrow|any)\s(?:morning|afternoon|evening)s?"
    r"|(?:on\s)?(?:weekday|weekend)\s(?:mornings?|afternoons?|evenings?)|on\s(?:weekdays|weekends)"
    r"|by\s(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|by\s(?:eod|cob)"
    r"|by\s(?:the\s)?end\sof\s(?:the\s)?(?:day|week)|by\s(?:noon|lunch(?:time)?|tonight|tomorrow)"
    r"|this\sweek|within\s(?:the\s)?(?:hour|\d{1,2}\shours?|24\shours)"
    r"|in\sthe\snext\s\w{1,10}\s(?:minutes|hours)|all\sday(?:\stomorrow)?|in\sthe\sdaytime"
    r"|the\sday\sbefore|\d{1,3}\s?(?:mins?|minutes)\sbefore"
    r"|today|tomorrow|tonight|asap|as\ssoon\sas\spossible|urgently|now|right\snow|immediately"
    r"|at\swork|at\shome|during\s(?:office|working|business)\shours|in\soffice\shours"
    r"|during\sthe\s(?:day|week)|on\s(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|(?:on|at)\s(?:my|the)\s(?:mobile|cell|landline|home\snumber|work\snumber|home\sphone"
    r"|number\son\sfile))\b",
    re.I,
)
"""When or where to call, as the customer said it."""
_PART_OF_DAY = re.compile(
    r"\b(?P<part>morning|afternoon|evening)s?(?:\s(?:are|is))?\s(?:best|better|easiest|only)\b",
    re.I,
)
"""A part of the day said as a preference ("afternoons are best", "mornings only"), which the
reply says as "in the afternoon"."""
_CLAUSE_END = re.compile(
    r"[.;!?](?=\s|$)|\n|\s[-–—]\s(?!\+?\d|(?:after|before|between|any\s?time|from)\b)"
    r"|\s(?:but|because|as|since|otherwise|or\selse)\s"
    r"|,\s(?:i\s)?(?:can't|can’t|cant|cannot|don't|don’t|dont|won't|not\sable)\s",
    re.I,
)
_NOT_THAT = re.compile(
    r"(?:^|,\s?|\s)(?:(?:please\s)?(?:not|don't|don’t|dont|do\snot|no)|rather\sthan|instead\sof)\s"
    r"(?:by\s)?(?:an?\s)?(?:(?P<way>e-?mail|post|letter|text|sms|phone\scall|phone|call)"
    r"(?:s|ing|ed)?\b(?!\s(?:me\s)?(?:to|about|for|him|her|them|mum|mom|dad)\b)"
    r"|(?:on\s)?(?:my\s|the\s|our\s)?(?P<own>(?:home\s|house\s)?landline|mobile|cell)\b"
    r"|(?:the\sother\sway\sround|me\s\w+ing))",
    re.I,
)
"""A way turned down beside the one asked for: "phone me rather than email", "call me,
don't email", "call me on the salon phone, not my cell", "mobile, not landline"."""
_WANTED = (
    *(_ASK, _ASK_PLEASE, _ASK_SOMEONE, _YOU_CAN, _ASK_FOR, _BY, _REACH_ON, _FORM),
    _CALLBACK_ASKED,
    *(_WRITE_TO, _WRITTEN),
)
KEYS = keys_of([*_WANTED, _NOTE, _REFUSED, _DEAF])
"""Words one of which a sentence needs before `contacts` can find anything in it."""
CONFIDENCE = 0.9
SIGNATURE_LINES = 4
"""How many of a message's last lines are its signature, where a number stands alone."""
SHORT_LINE = 60
"""A line no longer than a signature's, where a number beside a request is its number."""
_REACH = 80
"""How far past a request its number or time may be said, within the clause."""
_FURTHER = 150
"""How far past a request, in the same sentence, its number may be said."""


def contacts(sentences: Sequence[Sentence], note: bool, text: str = "") -> Iterable[Found]:
    """The one way the customer asked to be reached, from the sentences in their words:
    the way wanted (with its number, address or time) and a way refused, joined; `text`
    is the whole message, whose signature may hold the number."""
    wanted: tuple[str, int, int] | None = None
    refused: tuple[str, int, int] | None = None
    deaf = False
    for at, sentence in enumerate(sentences):
        if KEYS.isdisjoint(sentence.keys):
            continue
        if wanted is None:
            wanted = _wanted(sentence, note)
            if wanted is not None:
                wanted = (_after(wanted[0], sentences, at, text), *wanted[1:])
        if refused is None:
            refused = _refused(sentence)
        deaf = deaf or _DEAF.search(sentence) is not None
    if wanted is None and refused is None:
        return
    if refused is None and deaf and wanted is not None and not wanted[0].startswith(CALL):
        refused = ("not " + CALL, wanted[1], wanted[2])
    parts = [wanted[0]] if wanted is not None else []
    if refused is not None:
        said = " ".join(refused[0].split()[:3])  # "not call you" of "not call you before 2pm"
        if parts and said in parts[0]:
            parts[0] = parts[0].replace(said, refused[0], 1)  # the fuller of the two
        elif not any(_same_way(part, refused[0]) for part in parts):
            parts.append(refused[0])
        elif refused[0] != said and refused[0][len(said) :].strip() not in parts[0]:
            parts.append("not " + refused[0][len(said) :].strip())  # "..., not at work"
    start, end = (wanted or refused or ("", 0, 0))[1:]
    yield Found("contact_request", ", ".join(parts), start, end, CONFIDENCE, 0)


def _wanted(sentence: Sentence, note: bool) -> tuple[str, int, int] | None:
    """The way asked for in one sentence, with what the rest of its clause says of it."""
    for pattern in (*_WANTED, *((_NOTE,) if note else ())):
        match = pattern.search(sentence)
        if match is None:
            continue
        groups = match.groupdict()
        said = next((groups[name] for name in _GROUPS if groups.get(name)), None)
        way = _way(said) if said is not None else CALL  # "reach me on ..."
        if way is None:
            continue
        rest = _clause_after(sentence.text, match.end())
        further = sentence.text[match.end() : match.end() + _FURTHER]
        value = _qualified(way, match.group(0), rest, further)
        turned_down = _NOT_THAT.search(further)
        if turned_down is not None:
            value += _not_that(turned_down, way)
        return value, sentence.start + match.start(), sentence.start + match.end()
    return None


def _not_that(turned_down: re.Match[str], way: str) -> str:
    """What a way turned down beside the request adds to it: ", not email you", ", not on
    your landline" (for a call or a text), or nothing."""
    if turned_down.group("way"):
        other = _way(turned_down.group("way"))
        return f", not {other}" if other is not None and other != way else ""
    own = turned_down.group("own")
    if own and way in (CALL, TEXT):
        return f", not on your {own.lower()}"
    return ""


_GROUPS = (
    *("way", "only", "this", "what", "written", "prefers", "easiest", "time", "done", "verb"),
    "passive",
    "best",
    "write",
)
"""The groups a request's patterns name its way in ("way", or "only" in "email only", ...)."""


def _clause_after(text: str, at: int) -> str:
    """The rest of the clause a request ends at, at most `_REACH` characters."""
    rest = text[at : at + _REACH]
    end = _CLAUSE_END.search(rest)
    return rest[: end.start()] if end is not None else rest


def _qualified(way: str, request: str, rest: str, sentence_rest: str = "") -> str:
    """The way as the reply says it, with the number, address or time the customer gave:
    in the rest of the clause, or a number further on in the sentence ("please ring me
    instead - Maureen Kelly, 01632 960 441")."""
    value = way
    if way == CALL and re.search(r"back\b|\bcb\b", request + rest[:6], re.I):
        value += " back"
    if way == WRITE:
        where = _LETTER_TO.match(rest.lstrip(" ,"))
        return value + (" " + _yours(where.group(0)) if where is not None else "")
    address = _ADDRESS.search(rest) if way == EMAIL else None
    number = None
    if way in (CALL, TEXT):
        number = _PHONE.search(rest) or _PHONE.search(sentence_rest)
    if address is not None:
        value += f" at {address.group(0)}"
    elif number is not None and _digits(number.group(0)):
        value += f" on {_spaced(number.group(0))}"
    when = (_WHEN.search(rest) or _WHEN.search(request)) if way in (CALL, TEXT) else None
    if when is not None and way == TEXT and when.group(0).lower() in _WHERE:
        when = None  # "text me, I'm at work": where they are says why not a call
    part = _PART_OF_DAY.search(rest) if way in (CALL, TEXT) and when is None else None
    if when is not None:
        value += " " + _said_when(when.group(0))
    elif part is not None:
        value += f" in the {part.group('part').lower()}"  # "afternoons are best"
    return value


_WHERE = frozenset({"at work", "at home"})
"""Where the customer is, which says when not to call, never when to text."""

_LETTER_TO = re.compile(
    r"(?:at\s(?:this|my|the\sabove)\s(?:home\s)?address|at\sthe\saddress\sabove|by\spost)\b", re.I
)
"""Where a letter goes, after "write to me"."""


def _refused(sentence: Sentence) -> tuple[str, int, int] | None:
    match = _REFUSED.search(sentence)
    if match is None:
        return None
    way = _way(match.group("way") or match.group("medium") or "") or CALL
    value = f"not {way}"
    rest = _clause_after(sentence.text, match.end())
    own = (match.group("own") or "").lower()
    when = _WHEN.search(rest)
    if when is not None and rest[: when.start()].strip() == "":
        value += " " + _said_when(when.group(0))
    elif own and own.split()[-1] in _PHONES:
        value += f" on your {own}"
    return value, sentence.start + match.start(), sentence.start + match.end()


_PHONES = frozenset({"mobile", "landline", "phone", "cell", "number"})


def _after(value: str, sentences: Sequence[Sentence], at: int, text: str) -> str:
    """A request with what the next sentences add: a way turned down ("Call me. Not an
    email."), and for a call or a text asked for without a number, the number."""
    for following in sentences[at + 1 : at + 3]:
        turned_down = _NOT_THAT.match(following.text)
        other = _way(turned_down.group("way") or "") if turned_down is not None else None
        if other is not None and other not in value:
            value += f", not {other}"
            break
    if value.startswith((CALL, TEXT)) and _PHONE.search(value) is None:
        number = _number_beside(sentences, at, text)
        if number:
            value = _with_number(value, number)
            when = _WHEN.search(_following_number(sentences, at))
            if when is not None and not _WHEN.search(value):
                value += " " + _said_when(when.group(0))
    return value


def _following_number(sentences: Sequence[Sentence], at: int) -> str:
    """The next sentence when it starts with a number, which may say when to call too
    ("07700 900 145, any day after 5.")."""
    for following in sentences[at + 1 : at + 3]:
        if _PHONE.match(following.text.strip()):
            return following.text
    return ""


def _number_beside(sentences: Sequence[Sentence], at: int, text: str) -> str:
    """A number for a call or a text asked for without one: on the request's own short line
    ("555-0163 (cell - text is fine)"), said after "my number is", alone in the next
    sentence, or on the signature's lines."""
    own = sentences[at].text
    if len(own) < SHORT_LINE and "\n" not in own.strip():
        number = _PHONE.search(own)
        if number is not None and _digits(number.group(0)):
            return _spaced(number.group(0))
    for sentence in sentences:
        given = _MY_NUMBER.search(sentence)
        if given is not None:
            number = _PHONE.search(sentence.text, given.end())
            if number is not None and _digits(number.group(0)):
                return _spaced(number.group(0))
    for following in sentences[at + 1 : at + 3]:
        number = _PHONE.match(following.text.strip())
        if number is not None and _digits(number.group(0)):
            return _spaced(number.group(0))
    for line in text.strip().splitlines()[-SIGNATURE_LINES:]:
        number = _PHONE.search(line)
        if number is not None and len(line) < SHORT_LINE and _digits(number.group(0)):
            return _spaced(number.group(0))
    return ""


def _with_number(value: str, number: str) -> str:
    way = next(way for way in (f"{CALL} back", CALL, TEXT) if value.startswith(way))
    return f"{way} on {number}{value[len(way) :]}"


def _digits(number: str) -> bool:
    """Whether a number has as many digits as a telephone number (a 555 one aside)."""
    count = sum(character.isdigit() for character in number)
    return 9 <= count <= 13 or number.startswith("555")


def _way(word: str) -> str | None:
    """The way a word names ("a phone call", "reply by post", "cb"), or None."""
    found = _WAY_WORDS.search(word.lower())
    if found is None:
        return None
    return WAYS[found.group(0).removeprefix("tele")]


def _spaced(number: str) -> str:
    return " ".join(number.split())


def _said_when(words: str) -> str:
    """When to call as the reply says it: "on weekday evenings" for "weekday evenings"."""
    words = _yours(words)
    return "on " + words if words[:7].lower() in ("weekday", "weekend") else words


def _yours(words: str) -> str:
    """The customer's "my mobile" as the reply's "your mobile" ("TODAY" as "today")."""
    words = words.strip()
    return re.sub(r"\bmy\b", "your", words.lower() if words.isupper() else words, flags=re.I)


def _same_way(wanted: str, refused: str) -> bool:
    """A way both asked for and refused ("call me after 5, I can't take calls at work"): the
    request says it, with where or when not ("call you after 5, not at work")."""
    return refused.removeprefix("not ").split(" ", 2)[:2] == wanted.split(" ", 2)[:2]
