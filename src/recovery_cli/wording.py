"""Someone's words turned into words addressed to the customer: one way, used everywhere.

Whatever goes into a draft is read by the customer, so "I", "my", "she" and "the customer"
must all become "you" and "your". Who wrote the words decides what turns:

- `from_customer`: the customer's own message. Their "I", "my" and "me" (and "we" and
  "our", meaning their household) become "you" and "your"; their "you" and "your" (meaning
  us) become "we", "us" and "our". Words inside double quotes are someone else's and stay.
- `from_note`: an agent's note about the customer. "she", "he", "they", "cust", "cx" and
  "the customer" become "you", and the verb after them agrees ("she has" -> "you have").
- `from_agent`: a value an agent typed into an input. "you" already means the customer;
  their pasted first person turns ("I need it for my son's birthday" -> "you need it for
  your son's birthday"), and so does a third-person subject at the start ("Customer is a
  pensioner and needs the money" -> "you are a pensioner and need the money").

All three mend the commonest apostrophe-less spellings ("hasnt" -> "hasn't"), capitalise
day names, and the first two lower shouted words ("STILL NOT HERE"), keeping acronyms.
`from_customer` and `from_note` return None for a clause that would still read wrong
(see `tidy`): a reading leaves a fact out rather than put words in the customer's mouth.
`from_agent` never refuses: an agent's own words are theirs to send.

This module is a shared primitive: it imports nothing from `playbook` or `listen`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    """A table written as "word=replacement" pairs separated by spaces."""
    return dict(pair.split("=", 1) for pair in text.split())


MAX_CLAUSE = 160
"""The longest clause said back; a longer one is too long to read in a sentence."""

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9']{0,40}|\s{1,40}|.", re.S)
_AMPERSAND = re.compile(r"\s&\s")
"""An ampersand between words ("paid & now"), not inside a name ("M&S")."""

SPELLING = _pairs(
    "hasnt=hasn't havent=haven't isnt=isn't arent=aren't wasnt=wasn't werent=weren't "
    "cant=can't couldnt=couldn't dont=don't doesnt=doesn't didnt=didn't wont=won't "
    "wouldnt=wouldn't shouldnt=shouldn't ive=I've im=I'm ment=meant definately=definitely "
    "recieved=received thats=that's theres=there's youve=you've youre=you're pls=please "
    "u=you elses=else's tonights=tonight's todays=today's tomorrows=tomorrow's "
    "yesterdays=yesterday's"
)
"""Misspellings mended wherever they occur (all are unambiguous as whole words)."""

ACRONYMS = _words(
    "TV DHL DPD UPS USPS TNT GLS NHS GPS PIN ID UK USB HDMI SMS VIP DVD PC ATM HR "
    "DIY MOT BBC EU VAT HIV DOB RX IP DPO API URL QR AM PM GBP USD EUR LEGO SLA RCA "
    "PNR GP ETA FAQ SIM OK USA US UAE HMRC DVLA BT EE IT PDF ASAP OTP 2FA"
)
"""Words in capitals that are not shouting: names and abbreviations ("DHL", "OTP")."""

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
DANGLING = _words(
    "to for by of with at from into the a an and or but your our their his her its that "
    "which who because so if than as is are was were be has have had says said tells"
)
"""Words a clause cannot end on: it would have been cut short (`the desk says`)."""

_DAYS = {
    day: day.capitalize()
    for day in _words(
        "monday tuesday wednesday thursday friday saturday sunday tues tue thurs thur weds"
    )
}
_SHORT_DAYS = _words("mon wed thu fri sat sun")
"""Day names that are also words ("sat", "wed"): capitalised only after "since", "on"..."""
DAY_NAMES = frozenset(_DAYS) | _SHORT_DAYS
"""Every way a day is named ("Friday", "Thurs", "Sat"), in lower case."""
_BEFORE_DAY = _words("since on by until till from last next this every")


def mend(word: str, *, shouting: bool = True) -> str:
    """A word with shouting lowered, a day capitalised and a common misspelling fixed."""
    if (
        shouting
        and len(word) > 1
        and word.isupper()
        and word not in ACRONYMS
        and word.isalpha()
        and not _UNSAYABLE.fullmatch(word)
    ):
        word = word.lower()
    low = word.lower()
    if low in _DAYS:
        return _DAYS[low]
    return SPELLING.get(low, word)


_UNSAYABLE = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,6}")
"""Capitals with no vowel ("HDFC", "NBN", "RBS") are initials, never a shouted word."""
_CAPS_WORD = r"[A-Z](?:[A-Z'’-]*[A-Z])?"
_CAPS = re.compile(_CAPS_WORD)
_CAPS_PARTS = re.compile(f"({_CAPS_WORD})")
_SHOUTED_RUN = re.compile(rf"\b{_CAPS_WORD}(?:[ ,]+{_CAPS_WORD})+\b")


def unshout(text: str) -> str:
    """Shouting lowered: a value typed all in capitals, and a run of shouted words inside
    one ("I've waited THREE WEEKS"); a lone acronym (DHL) and known ones in a run are kept."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) > 3 and all(char.isupper() for char in letters):
        return text.lower()
    if not any(char.isupper() for char in text[1:]):
        return text
    return _SHOUTED_RUN.sub(_lower_run, text)


def quiet_words(words: Iterable[str]) -> str:
    """Words joined with each one shouted on its own lowered ("my NEW business line" is "my
    new business line"), where `unshout` keeps a short shouted word; an acronym and a
    two-letter word ("AC", "TV") stay as written."""
    return " ".join(
        word.lower() if word.isupper() and len(word) > 2 and word not in ACRONYMS else word
        for word in words
    )


def _lower_run(match: re.Match[str]) -> str:
    words = _CAPS.findall(match.group())
    shouted = [word for word in words if word not in ACRONYMS and len(word) > 1]
    if sum(len(word) for word in shouted) < 6:
        return match.group()  # "DHL UK", "NOT OK": names, or too little to be shouting
    return "".join(
        part if part in ACRONYMS or part == "I" else part.lower()
        for part in _CAPS_PARTS.split(match.group())
    )


# --- who means whom --------------------------------------------------------------------------

_CUSTOMER = _pairs(
    "i=you me=you my=your mine=yours myself=yourself i'm=you're i've=you've i'd=you'd i'll=you'll"
)
_HOUSEHOLD = _pairs(
    "we=you us=you our=your ours=yours ourselves=yourselves we're=you're we've=you've "
    "we'd=you'd we'll=you'll"
)
_BUSINESS = _pairs(
    "your=our yours=ours yourself=ourselves yourselves=ourselves you're=we're "
    "you've=we've you'd=we'd you'll=we'll"
)
_AFTER_I = {"am": "are", "was": "were", "wasn't": "weren't"}
_SUBJECT_NEXT = _words(
    "are were have had said told sent promised charged took take keep kept gave give "
    "will would can can't cannot could should did didn't don't do never still just also "
    "always only guys people lot all lost left cancelled booked moved made let "
    "delivered clearly obviously then now again even really"
)
"""Words after "you" that show it is a subject ("you sent" -> "we sent", not "us sent")."""
_YOU_ALL = _words("guys people lot")
"""What makes "you" plural in the customer's words, and has no place after "we"."""

_THIRD = _pairs(
    "he=you she=you they=you cust=you cx=you customer=you client=you caller=you guest=you "
    "passenger=you patient=you pt=you him=you them=you his=your their=your cust's=your cx's=your "
    "customer's=your client's=your caller's=your guest's=your passenger's=your patient's=your "
    "pt's=your himself=yourself herself=yourself themselves=yourself"
)
SHORTHAND = _pairs(
    "acct=account ord=order pkg=parcel appt=appointment rec'd=received recd=received "
    "del=delivery msgd=messaged adv'd=advised mgr=manager dept=department wk=week "
    "wks=weeks hr=hour hrs=hours mins=minutes tmrw=tomorrow re=about approx=about "
    "avail=available"
)
"""An agent's shorthand in a note, written out for the customer ("pkg" -> "parcel")."""
_WITH = re.compile(r"\bw/\s?(?=\w)", re.I)
_THIRD_SUBJECTS = _words(
    "he she they cust cx customer client caller member guest passenger patient pt"
)
_HAS = _words("got been had gone done taken lost paid made left booked seen tried")
_AGREE = _pairs(
    "is=are was=were has=have does=do isn't=aren't wasn't=weren't hasn't=haven't "
    "doesn't=don't 's='re"
)
_COMPOUNDS = _words(
    "seat seats side door window footwell lounge service services area areas number "
    "portal record records entrance lift toilets toilet car cars parking"
)
"""Nouns that make "passenger", "customer" or "guest" part of a thing's name."""
_NOT_A_NOUN = _words("to and or that at in on for with by from")
_LEADING_THIRD = re.compile(
    r"^(?:the\s+)?(?:customer|cust|cx|client|caller|member|guest|she|he|they)\b(?!['’])\s*",
    re.I,
)


def agree(verb: str) -> str:
    """A verb that followed "she" made to follow "you": "needs" -> "need", "is" -> "are"."""
    low = verb.lower()
    if low in _AGREE:
        return _AGREE[low]
    if re.fullmatch(r"[a-z]{3,}s", low) and not low.endswith(("ss", "us", "is")):
        if low.endswith("ies") and len(low) > 4:
            return verb[:-3] + "y"  # "flies" -> "fly"
        return verb[:-2] if low.endswith(("shes", "ches", "xes", "oes")) else verb[:-1]
    return verb


Turn = Callable[[str, str, str], str | None]
"""Given a word (lower case), the word before and the word after: its replacement, if any."""


def _walk(clause: str, turn: Turn, *, shouting: bool = True) -> str:
    """`clause` with every word outside double quotes mended and passed through `turn`."""
    tokens = _TOKEN.findall(_AMPERSAND.sub(" and ", clause.replace("’", "'")))
    quoted = _quoted(tokens)
    places = [n for n, token in enumerate(tokens) if token[:1].isalnum() and n not in quoted]
    mended = [mend(tokens[n], shouting=shouting) for n in places]
    lows = [word.lower() for word in mended]
    lows.append("")  # what follows the last word
    previous = ""
    for position, n in enumerate(places):
        word, low, following = mended[position], lows[position], lows[position + 1]
        turned = turn(low, previous, following)
        if turned is not None:
            word = turned
        elif previous in _BEFORE_DAY and low in _SHORT_DAYS:
            word = low.capitalize()
        tokens[n] = word
        previous = low
    return "".join(tokens)


ING_NOUNS = _words(
    "booking heating parking clothing wedding christening ceiling building morning evening bedding "
    "lighting flooring packaging listing pricing billing banking shipping housing tracking "
    "training meeting rating setting settings recording painting plumbing wiring roofing "
    "fencing decking tiling cladding catering cleaning servicing ordering checking fitting "
    "viewing screening hearing reading"
)
"""Nouns ending in "-ing" that "ur" can own: "ur booking app" is "our booking app", while
"ur charging me twice" is "we're charging you twice"."""


_THEIRS_ANYWAY = _words("refund refunds money deposit cashback compensation reimbursement")
"""What the customer calls "your" but is theirs: "Your refund still hasn't come through"
is said back as "your refund", never "our refund"."""


def _customer_turn(low: str, previous: str, following: str) -> str | None:
    if low == "your" and following in _THEIRS_ANYWAY:
        return "your"  # "your refund" is the customer's money, whoever holds it
    if low in _CUSTOMER:
        return _CUSTOMER[low]
    if low in _HOUSEHOLD:
        return _HOUSEHOLD[low]
    if low in _BUSINESS:
        return _BUSINESS[low]
    if low == "you":
        return "we" if _is_subject(previous, following) else "us"
    if previous == "you" and low in _YOU_ALL:
        return ""  # "you guys charged me" -> "we charged you", not "we guys"
    if low == "ur":
        return "we're" if following.endswith("ing") and following not in ING_NOUNS else "our"
    if previous == "i" and low in _AFTER_I:
        return _AFTER_I[low]
    return None


def _note_turn(low: str, previous: str, following: str) -> str | None:
    if low in {"he's", "she's", "they're", "cust's", "cx's"} and following in _HAS | {
        "been",
        "got",
    }:
        return "you've"
    if low in {"he's", "she's", "they're"}:
        return "you're"
    if low in _THIRD and following in _COMPOUNDS:
        return None  # "passenger footwell", "customer services": a thing, not the customer
    if low == "them" and previous in _OF_A_THING:
        return None  # "can't drive without them": his glasses, not the customer
    if low in _THIRD:
        return _THIRD[low]
    if low in SHORTHAND:
        return SHORTHAND[low]
    if low == "her":
        if previous in _CAUSATIVE or following in _PARTICLES:
            return "you"  # "made her pay", "before letting her out"
        return "your" if following and following not in _NOT_A_NOUN else "you"
    if previous in _THIRD_SUBJECTS and low not in _COMPOUNDS:
        turned = agree(low)
        return turned if turned != low else None
    return None


_OF_A_THING = frozenset({"without", "with", "wear", "wearing", "use", "using", "need", "needs"})
"""Words after which a note's "them" is a thing of the customer's, not the customer."""
_CAUSATIVE = frozenset({"made", "make", "makes", "making", "let", "lets", "letting"})
"""Verbs whose "her" is the person made or let do something ("made her pay"): "you"."""
_PARTICLES = frozenset({"out", "in", "up", "down", "off", "back", "through", "over", "away"})
"""Words after which "her" was the person, not her thing ("letting her out")."""


def _agent_turn(low: str, previous: str, following: str) -> str | None:
    if low in _CUSTOMER:
        return _CUSTOMER[low]
    if low in _AFTER_I and previous in {"i", "you"}:
        return _AFTER_I[low]
    return None


def _is_subject(previous: str, following: str) -> bool:
    if following in _YOU_ALL:  # "you guys ...": the word before says which
        return previous in _BEFORE_SUBJECT
    if following in _SUBJECT_NEXT or (following.endswith("ed") and len(following) > 3):
        return True
    return previous in _BEFORE_SUBJECT


_BEFORE_SUBJECT = frozenset(
    {"", "and", "but", "that", "which", "because", "so", "when", "if"}
    | {"what", "whether", "before", "after", "until", "till", "unless", "while", "once"}
    | {"since", "where", "why", "how", "though", "although"}
)
"""Words after which "you" starts a clause, so is its subject ("and you lost it", "tell me
what you intend to do", "before you post it")."""


def _quoted(tokens: list[str]) -> set[int]:
    """Positions of tokens inside double quotes: someone else's words, left as they are."""
    inside = False
    found: set[int] = set()
    for n, token in enumerate(tokens):
        if token in {'"', "“", "”"}:
            inside = not inside
        elif inside:
            found.add(n)
    return found if not inside else set()


def from_customer(clause: str) -> str | None:
    """The customer's own words said back to them, or None when they would read wrong."""
    turned = tidy(_walk(repair(clause), _customer_turn))
    return _OUR_FIRM.sub(_we, turned) if turned else turned


_OUR_FIRM = re.compile(
    r"^(?P<firm>[Oo]ur\s(?:company|firm|business|organi[sz]ation))\s(?P<verb>[a-z']+)\b"
)
"""The customer's "your company" as the subject, turned to our side: "our company cancelled
your holiday" reads as a stranger's; "we cancelled your holiday" owns it."""


def _we(match: re.Match[str]) -> str:
    """ "Our company has ..." as "we have ...": the verb made to agree with "we"."""
    we = "We" if match.group("firm")[0] == "O" else "we"
    return f"{we} {agree(match.group('verb'))}"


_PARTICIPLES = _pairs(
    "bend=bent break=broken broke=broken damage=damaged crack=cracked scratch=scratched "
    "close=closed reserve=reserved book=booked deliver=delivered cancel=cancelled "
    "charge=charged fix=fixed lose=lost refund=refunded confirm=confirmed "
    "recognise=recognised accept=accepted"
)
_PAST = _pairs(
    "arrive=arrived come=came call=called answer=answered reply=replied send=sent "
    "deliver=delivered ring=rang phone=phoned tell=told give=gave turn=turned show=showed"
)
_BE_BASE = re.compile(
    r"\b(?P<be>(?:is|are|was|were)(?:n't|\snot)?|(?:has|have|had|'s)\sbeen)\s(?P<verb>"
    + "|".join(_PARTICIPLES)
    + r"|arrive|come)\b",
    re.I,
)
_NEVER_BASE = re.compile(
    r"\b(?P<who>never|nobody|no\sone|no-one|noone)\s(?P<verb>" + "|".join(_PAST) + r")\b", re.I
)


_NOT_ARRIVED = re.compile(r"\b(?P<be>is|are)\snot\s(?P<done>arrived|come)\b", re.I)
_HAS_FOR = {"is": "has", "are": "have"}
_I_BEEN = re.compile(r"\b([Ii]|you|we)\sbeen\b")
_I_AGREE = re.compile(r"\b(I|you|we)\s(need|want|ha)s\b")
"""A verb left agreeing with someone else ("I needs it"): "I need it", "I have it"."""


def repair(text: str) -> str:
    """Verb forms a non-native writer commonly uses, put right where the meaning is plain:
    "the frame is bend" -> "the frame is bent", "my parcel is not arrive" -> "my parcel has
    not arrived", "nobody come" -> "nobody came"."""
    text = _BE_BASE.sub(_participle, text)
    text = _NOT_ARRIVED.sub(lambda m: f"{_HAS_FOR[m['be'].lower()]} not {m['done']}", text)
    text = _I_BEEN.sub(r"\1've been", text)
    text = _I_AGREE.sub(lambda m: f"{m[1]} {m[2]}{'ve' if m[2] == 'ha' else ''}", text)
    return _NEVER_BASE.sub(lambda m: f"{m['who']} {_PAST[m['verb'].lower()]}", text)


def _participle(match: re.Match[str]) -> str:
    be, verb = match["be"], match["verb"].lower()
    if verb in {"arrive", "come"}:
        has = "have" if be.lower().startswith(("are", "were")) else "has"
        negation = " not" if "n" in be.lower()[2:] or " not" in be.lower() else ""
        return f"{has}{negation} {'arrived' if verb == 'arrive' else 'come'}"
    return f"{be} {_PARTICIPLES[verb]}"


_ARTICLE_BEFORE_THEM = re.compile(
    r"\b(?:the|a|an)\s(?=(?:customer|cust|cx|client|caller|guest|passenger|patient)\b"
    rf"(?:['’]s\b)?(?!\s(?:{'|'.join(sorted(_COMPOUNDS))})\b))",
    re.I,
)
"""An article before the person a note is about: "wine over a guest" is "wine over you",
never "over a you", and "onto a customer's trouser leg" is "onto your trouser leg"; "the
passenger seat" is a thing and keeps it."""


def from_note(clause: str) -> str | None:
    """An agent's note about the customer said to the customer, or None when unfit.

    "Cust has a fitter booked for Thurs" -> "you have a fitter booked for Thurs"; "it was
    for his son's birthday" -> "it was for your son's birthday".
    """
    clause = _ARTICLE_BEFORE_THEM.sub("", clause)
    return tidy(_walk(_WITH.sub("with ", clause), _note_turn))


def from_agent(text: str) -> str:
    """A value an agent typed, turned to the customer (see the module docstring)."""
    third = _LEADING_THIRD.match(text)
    if third is not None:
        return "you " + _agree_all(text[third.end() :])
    return _walk(text, _agent_turn, shouting=False)


def _agree_all(rest: str) -> str:
    """The verbs of a clause whose subject became "you": the first, and each after "and"."""
    words = rest.split(" ")
    if not words or not words[0]:
        return rest
    words[0] = agree(words[0])
    for index in range(1, len(words)):
        if words[index - 1].lower() == "and":
            words[index] = agree(words[index])
    return " ".join(words)


# --- what may be said back -----------------------------------------------------------------------


_HASHTAG = re.compile(r"#(?!\d)")


INSULTING = (
    r"useless|idiot(?:ic)?|stupid|incompetent|clueless|pathetic|bloody|moronic|muppet|"
    r"f[u*]+c?k(?:ing|in)|f\*+ing|effing"
)
"""Words a customer puts before a noun to insult it ("our useless idiot driver", "you
stupid clowns"): a pattern's alternatives, shared by the clause reader and the voice."""
INSULTS = (
    r"idiots?|morons?|muppets?|clowns?|cowboys?|liars?|thieves|crooks|scammers?|scum|"
    r"bastards?|twats?|dickheads?|wankers?|pricks?"
)
"""What a customer calls us ("cowboys", "thieves"): never ours to repeat."""
OATHS = r"shit\w*|crap|f[u*]+c?k\w*|arse\w*"
"""Swearing, as it reaches a clause."""

_ABUSIVE_WORD = re.compile(rf"\b(?:{INSULTING})\s+(?=[A-Za-z])", re.I)
"""A customer's insult before a noun ("our useless idiot driver"): never said back."""
_ABUSE = re.compile(rf"\b(?:{INSULTS}|{OATHS}|useless|pathetic)\b", re.I)
"""A clause whose point is an insult or an oath is not ours to repeat."""


_WE_AFTER_A_PREPOSITION = re.compile(r"\b(?:through|with|to|for|from|by|at|of|about)\swe\b", re.I)
""""we" never follows a preposition: a clause that says so was turned wrong."""


_BARE_YEAR = re.compile(
    r"\b(?!(?:in|since|of|from|until|till|to|by|before|after|for|model|edition|year|on|the|and|or|"
    r"then)\s)[a-z]{2,15}\s(?:(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)\s(?i:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)[a-z]{0,6})$"
)
"""A clause ending on a year or a date with no word to join it ("is closed 2022", "is
cancelled 3rd April"): a note's shorthand, not English."""


def tidy(clause: str) -> str | None:
    """A clause ready to go mid-sentence in a draft, or None when it is not fit to.

    Refused: an empty or over-long clause, one with an inner "?" or "!", a handle, a
    hashtag, markup, an emoji or an unbalanced bracket, an insult or an oath, one that still
    holds the first person, and one that ends on a word that leaves it hanging ("to", "the",
    "and"). A customer's insult before a noun goes ("our useless idiot driver" is "our
    driver").
    """
    clause = _ABUSIVE_WORD.sub("", " ".join(clause.split()))
    clause = clause.strip(" \t.,;:!?-–—…*")
    if not clause or len(clause) > MAX_CLAUSE:
        return None
    if any(mark in clause for mark in "?!@|<>{}[]\\/\ufffd") or _has_symbols(clause):
        return None
    if _HASHTAG.search(clause):
        return None  # "#fail"; "order #44821" is a number
    if "*" in clause:
        return None  # "f***ing", "c***s": a masked oath, never ours to repeat
    if _ABUSE.search(clause):
        return None  # "your drivers are cowboys": the customer's to say, not ours
    if _WE_AFTER_A_PREPOSITION.search(clause):
        return None  # "the cottage you booked through we had": a turn gone wrong
    if _BARE_YEAR.search(clause):
        return None  # a note's "joint acct closed 2022": no clause in English
    if clause.count('"') % 2:
        clause = clause.replace('"', "")
    if clause.count("(") != clause.count(")"):
        return None
    first = clause.split(" ", 1)[0]
    if first.istitle() and first.lower() not in _DAYS and not _looks_named(first):
        clause = clause[0].lower() + clause[1:]
    words = [token.lower() for token in re.findall(r"[\w'£$€]{1,40}", clause)]
    if FIRST_PERSON.intersection(words) or not words or words[-1] in DANGLING:
        return None
    return clause


def _has_symbols(clause: str) -> bool:
    """Emoji and pictographs (a clause with them is not one to say back)."""
    return not clause.isascii() and any(
        ord(char) >= 0x2190 and not char.isalpha() for char in clause
    )


def _looks_named(word: str) -> bool:
    """Capitalised words that stay capitalised at the start of a clause."""
    return word in {"I", "Mum", "Dad"} or (len(word) > 1 and word[1:].lower() != word[1:])
