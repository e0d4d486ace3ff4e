"""Facts with a fixed shape: references, sums of money, how long and how often.

Each is a handful of patterns over one sentence. Every quantifier is bounded, so a pattern
does a fixed amount of work at each position whatever the text (see `sentences`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.model import KEPT
from recovery_cli.listen.sentences import Found, KeyIndex, Sentence, keyed, keys_of, words
from recovery_cli.listen.shapes import CUSTOMER_SAYS, answer_to
from recovery_cli.wording import mend

# --- references ---------------------------------------------------------------------------

_NO = r"(?:\s(?:no\.?|number|num|ref(?:erence)?|id|code)(?![a-z]))?(?:\sis)?"
_ENDING = r"(?:ending|ends)(?:\s(?:in|with|is))?"
"""The last digits of an account or a card: "account ending 4410", "card ending in 2291".
Read as "your account ending 4410": a draft says "about your account ending 4410"."""
_KEYWORDS = (
    ("your order ending", r"(?:order|ord)\s" + _ENDING),
    ("order", r"(?:order|ord)" + _NO),
    ("booking", r"booking" + _NO),
    ("ticket", r"ticket" + _NO),
    ("your account ending", r"(?:acct|acc|account|a/c):?\s\(?(?:no\.?\s|number\s)?" + _ENDING),
    ("your card ending", r"card\s(?:no\.?\s|number\s)?" + _ENDING),
    ("account", r"(?:acct|acc|account|a/c)" + _NO),
    ("booking", r"(?:pnr|reservation)" + _NO),
    ("job", r"job(?:\s(?:card|sheet))?" + _NO),
    ("contract", r"contract" + _NO),
    ("agreement", r"(?:rental\s|hire\s|tenancy\s)?agreement" + _NO),
    ("quote", r"quote" + _NO),
    ("username", r"user(?:name)?" + _NO),
    ("room", r"room"),
    ("invoice", r"invoice" + _NO),
    ("policy", r"policy" + _NO),
    ("member no.", r"(?:member(?:ship)?|mem)(?:\s(?:no\.?|number|id))?"),
    ("customer no.", r"customer\s(?:no\.?|number|id)"),
    ("confirmation", r"conf(?:irmation)?\.?" + _NO),
    ("claim", r"claim" + _NO),
    ("batch", r"batch" + _NO),
    ("return", r"(?:return|rma)\s(?:no\.?|number|ref(?:erence)?|id|code)|rma"),
    ("PO", r"(?-i:PO)(?:\s(?:no\.?|number))?"),
    (
        "flight",
        r"flight(?:\s(?:no\.?|number))?(?=[\s:]{1,3}#?(?:[a-z\d]?[a-z]\d|[a-z]{2}\s\d{2,4}\b|\d{3,4}\b"
        r"(?!\s(?:times|people|passengers|miles|km|hours|mins?|minutes))))",
    ),
    ("train", r"train(?:\s(?:no\.?|number))?(?=\s\d{3,5}\b)"),
    ("work order", r"(?:work\sorder|(?-i:WO))" + _NO),
    ("RO", r"(?-i:RO)"),
    ("docket", r"docket" + _NO),
    ("unit", r"(?:storage\s)?unit"),
    ("visit ID", r"visit\s(?:no\.?|number|id)"),
    ("candidate no.", r"candidate\s(?:no\.?|number|id)"),
    ("Rx", r"(?:rx|prescription)(?:\s(?:no\.?|numbers?|num|ref|id))?(?:\s(?:is|are))?"),
    ("transaction", r"(?:tx|txn|transaction)\s?(?:id|no\.?|number|ref|code)"),
    ("group code", r"group\s(?:code|booking\s(?:code|ref(?:erence)?))"),
    ("tenancy", r"tenancy(?:\s(?:no\.?|number|ref(?:erence)?))?(?!\s(?:agreement|deposit))"),
    ("project", r"project(?!\s(?:19|20)\d\d\b)" + _NO),
    ("file", r"file" + _NO),
    ("case", r"case" + _NO),
    ("merchant ID", r"merchant\sid"),
    ("receipt", r"receipt" + _NO),
    ("repair", r"repair\s(?:no\.?|number|ref(?:erence)?|id|code)(?:\sis)?"),
    ("student ID", r"student(?:\s(?:no\.?|number|id))?(?:\sis)?"),
    ("employee no.", r"(?:employee|staff|payroll)\s(?:no\.?|number|id)(?:\sis)?"),
    ("patient ID", r"patient\s(?:no\.?|number|id|\#)(?:\sis)?"),
    ("ref", r"(?<!police\s)(?<!crime\s)ref(?:erence)?\.?" + _NO),
    ("tracking", r"(?:tracking|trk)" + _NO),
)
_ID = (
    r"(?!\d{1,4}(?:kg|g|cm|mm|ml|lbs?|am|pm|st|nd|rd|th|mins?|hrs?|k)\b)"
    r"(?!\d{1,2}[/-]\d{1,2}(?:/\d{2,4})?(?![\w/-]))"
    r"(?!\d{2}-\d{2}-\d{2}(?![\w-]))"
    r"(?P<id>(?-i:[A-Z]{2,4})\s\d{3,10}(?:\s\d{2,6})?(?![\w/-])"
    r"|#?(?=[A-Z0-9/-]{0,20}\d)[A-Z0-9][A-Z0-9/-]{2,20}"
    r"(?:\s\d{3,6}(?:\s\d{2,6})?(?![\w-])|\s\d{2}\s\d{3,6}(?![\w-])|\s(?-i:[A-Z]{3})\b)?)(?![\w-])"
)
"""A reference after its word: a code ("SUB-22091", "7719203", "K9WQ2P"), capitals then
digits ("INV 30092", "CT 0091 4478"), or digits in groups ("0719 55 3382": a short group
in the middle only, so "order 4411 20 minutes late" is order 4411); never a bank's sort code
("40-11-72")."""
_KEYED = keyed(
    "order|ord|booking|ticket|acct|account|a/c|invoice|policy|member|customer|conf|claim|case|"
    "merchant|ref|tracking|trk|pnr|reservation|job|contract|quote|user|username|room|card|mem|"
    "batch|project|file|return|rma|po|flight|receipt|repair|student|employee|staff|payroll|"
    "patient|acc|train|work|wo|ro|docket|unit|storage|visit|candidate|rx|prescription|tx|txn|"
    "transaction|agreement|group|tenancy",
    r"\b(?P<key>" + "|".join(f"(?P<k{n}>{rx})" for n, (_, rx) in enumerate(_KEYWORDS)) + r")"
    r"[\s:(]{0,4}(?:#:?\s)?(?:\d{2}-\d{2}-\d{2}(?:\s?/\s?|\s))?" + _ID,
)
_LOOSER = frozenset(
    {
        "ref",
        "tracking",
        "room",
        "your account ending",
        "your card ending",
        "your order ending",
        "batch",
        "project",
        "file",
        "flight",
        "PO",
        "return",
        "unit",
        "train",
        "tenancy",
    }
)
"""Kinds that rank below an order or booking number when a message gives both."""
_IS_REF = keyed("reference", r"\breference\b[^.\n]{0,30}?\bis\s" + _ID)
_BARE = keyed(
    "#|-|/",
    r"(?<![\w#/-])(?P<id>#(?=[A-Z0-9-]{0,20}\d)[A-Z0-9][A-Z0-9-]{2,20}"
    r"|(?-i:[A-Z]{1,4})-\d{3,10}(?:-\d{1,6})?|(?-i:[A-Z]{2,4})(?:/(?-i:[A-Z]{2,4}))?/\d{2,6}/\d{2,8})"
    r"(?![\w/-])",
)
_CODE_SHAPED = re.compile(r"^#?(?:[A-Z]{2,4}[-/](?:\d{4}[-/])?|#)(?!\d*000$)\d{4,10}$")
"""A bare code shaped like a reference, sure enough to draft ("SUB-22091", "INV/2024/0091",
"#29940"): letters and at least four digits that are not a round number ("OR-2000", "GT-400"
and "HB-200" name models and sizes) and not one capital ("#S-4412" is often a seat or room)."""
_REG = keyed("reg", r"\breg(?:istration)?\.?\s(?P<id>(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3}))\b")


def references(sentence: Sentence) -> Iterable[Found]:
    """Order, booking, ticket and account numbers, with the word that names them."""
    for match in _KEYED.finditer(sentence):
        kind = next(
            _KEYWORDS[n][0] for n in range(len(_KEYWORDS)) if match.group(f"k{n}") is not None
        )
        said = match.group("id")
        value = said if said.upper().startswith(kind.upper() + "-") else f"{kind} {said}"
        yield _ref(sentence, match, value, 0.9, 1 if kind in _LOOSER else 0)  # "RX-448120"
    for match in _IS_REF.finditer(sentence):
        yield _ref(sentence, match, f"ref {match.group('id')}", 0.8, 1)
    for match in _REG.finditer(sentence):
        yield _ref(sentence, match, f"reg {match.group('id')}", 0.8, 2)
    for match in _BARE.finditer(sentence):
        said = match.group("id")
        yield _ref(sentence, match, said, 0.8 if _CODE_SHAPED.match(said) else 0.75, 3)


_ASKED = re.compile(
    r"\b(?:take|have|get|confirm|provide|give\sme|what'?s|what\sis)\s(?:your|the)\s"
    r"(?P<kind>order|account|booking|reservation|policy|membership|member|ticket|claim|case|"
    r"customer|reference)(?:\s(?:number|no\.?|ref(?:erence)?|id|code))?\b",
    re.I,
)
"""An agent in a chat asking for the customer's number ("Could I take your order number?")."""
_ANSWERED = re.compile(
    rf"^{CUSTOMER_SAYS}(?:(?:yes|yeah|yep|sure|ok|okay)[,.]?\s)?(?:(?:it'?s|its)\s)?"
    r"(?P<id>(?=[A-Z0-9/-]{0,20}\d)(?-i:[A-Z0-9][A-Z0-9/-]{3,20}))(?=[.,]?(?:\s|$))",
    re.M | re.I,
)
"""The customer's next line answering with it ("Visitor: 7002-118-443", "Passenger: K9WQ2P.")."""
_ASKED_KIND = {"reservation": "booking", "membership": "member", "reference": "ref"}


def answered_references(text: str) -> Iterable[Found]:
    """A number the customer gave when an agent asked for it: "Could I take your account
    number?" ... "Customer: 30019-4427" reads as "account 30019-4427"."""
    found = answer_to(_ASKED, _ANSWERED, text, reach=400)
    if found is None:
        return
    asked, answer = found
    said = answer.group("id")
    kind = asked.group("kind").lower()
    kind = _ASKED_KIND.get(kind, kind)
    yield Found("reference", f"{kind} {said}", answer.start("id"), answer.end("id"), 0.85, 0)


def _ref(sentence: Sentence, match: re.Match[str], value: str, sure: float, rank: int) -> Found:
    start = sentence.start + match.start()
    return Found("reference", value, start, sentence.start + match.end(), sure, rank)


# --- amounts ------------------------------------------------------------------------------

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,2})?(?!\d|,\d)|\d{1,9}(?:\.\d{1,2})?(?!\d|,\d))"
_COMMA_DECIMAL = r"(?P<cnum>\d{1,3}(?:[ .]\d{3}){0,3},\d{2}(?![\d,.]))"
"""A sum written the continental way, with a decimal comma ("79,90", "2 189,00")."""
_CURRENCY_WORDS = {
    "gbp": "£",
    "pounds": "£",
    "pound": "£",
    "quid": "£",
    "usd": "$",
    "dollars": "$",
    "dollar": "$",
    "bucks": "$",
    "eur": "€",
    "euro": "€",
    "euros": "€",
}
_CODE_NAMES = (
    "CAD AUD NZD NGN KES KSh Ksh EGP CHF ZAR INR Rs TRY MYR SGD HKD PHP JPY PLN SEK NOK DKK AED "
    "GHS UGX TZS ZMW"
)
_CODES = (
    "(?-i:"
    + "|".join(code + r"\.?" if code == "Rs" else code for code in _CODE_NAMES.split())
    + ")"
)
"""Currency codes kept as written ("KES 45,000"); in capitals, so "try 3 times" is no sum."""
_SIGN = r"(?:(?-i:NZ|AU|A|CA|C|US|HK|S)?[£$€]|[₦₹₱¥])"
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<sign>{_SIGN})\s?(?:{_COMMA_DECIMAL}|{_NUMBER})"
    r"(?P<scale>\s?(?:m|k|bn|million|billion)\b)?"
    rf"|(?<![\w.,£$€])(?:(?P<word_before>gbp|usd|eur|euros?)|(?P<code>{_CODES}))\s?"
    + _NUMBER.replace("num", "num3")
    + r"|(?<![\w.,])(?-i:R)(?P<rand>\d{1,3}(?:,\d{3}){1,3}|\d{3,7})(?![\d.,]\d|\w)"
    + r"|(?<![\w.,])(?-i:N)(?P<naira>\d{1,3}(?:,\d{3}){1,3})(?![\d.,]\d|\w)"
    + r"|(?<![\w.,£$€])(?:"
    + _NUMBER.replace("num", "num2")
    + "|"
    + _COMMA_DECIMAL.replace("cnum", "cnum2")
    + r")(?:\s?(?P<after>[€$£])|\s(?P<word>gbp|usd|eur|euros?|pounds?|quid|dollars?|bucks)\b"
    + r"|\s(?P<named>pesos|naira|cedis|shillings|rupees|ringgit|rand)\b"
    + rf"|\s(?P<code_after>{_CODES})\b)",
    re.I,
)
_UNMARKED = re.compile(
    r"\b(?:charged?|charges\sof|billed|bill\sof|taken|took|take|taking|debited|paid|"
    r"refund\sof)\s(?:(?:me|us|again|another|twice|out|off)\s){0,2}"
    r"(?P<num>\d{1,5}\.\d{2})(?![\d.,%]|\s?(?:am|pm|kg|km|mb|gb|hrs?|hours?|mins?)\b)",
    re.I,
)
"""A sum with no currency, after a word that says money moved ("billed 9.99 again")."""
_NOTHING = re.compile(r"\D*[0.,\s]+")
_GOOD_CUE = re.compile(
    r"(?:\b(?:charged?|charging|refund|back|difference|fee|deposit|bill(?:ed)?\s(?:is|was|of)|"
    r"taken|took|owed|worth|lose|lost|cost|paid|overcharged?|total|in\stotal|"
    r"(?:has|have|had)\s(?:come|gone)\sout|(?:came|went)\sout)\b[^£$€\d]{0,25}"
    r"|=\s?)$",
    re.I,
)
_BAD_CUE = re.compile(
    r"\b(?:from|quoted|quote|last year|new customer|usage|up\sto)\b\W{0,3}$", re.I
)


AMOUNT_KEYS = (
    frozenset(
        [*"£$€₦₹₱¥", *_CURRENCY_WORDS, *(f"r{digit}" for digit in "123456789")]  # "R1,850": rand
    )
    | {f"n{digit}" for digit in "123456789"}
    | words(
        _CODE_NAMES.lower()
        + " buck charge bill taken took take taking debited paid refund"
        + " pesos naira cedis shillings rupees ringgit rand"
    )
)
"""Words one of which a sentence needs before `amounts` can find anything in it: a currency,
or a word that says money moved."""


def amounts(sentence: Sentence) -> Iterable[Found]:
    """Sums of money with their currency; the one the complaint is about ranks first."""
    found = False
    for match in _AMOUNT.finditer(sentence.text):
        value = _money(match)
        if _NOTHING.fullmatch(value):  # "a £0.00 balance"
            continue
        found = True
        yield _amount(sentence, match, value)
    if not found:
        for match in _UNMARKED.finditer(sentence.text):
            amount = _amount(sentence, match, match.group("num"))
            start = sentence.start + match.start("num")
            yield amount._replace(start=start, rank=amount.rank + 1)


def _money(match: re.Match[str]) -> str:
    """The sum as a draft says it: a sign before the number ("£40" for "40 quid"), a
    currency code as written ("KES 45,000")."""
    groups = match.groupdict()
    number = next(
        groups[name]
        for name in ("num", "cnum", "num2", "cnum2", "num3", "rand", "naira")
        if groups[name]
    )
    if groups["rand"]:
        return "R" + number
    if groups["naira"]:
        return "₦" + number  # "N85,000": the naira, as Nigerian writers type it
    if groups["named"]:
        return f"{number} {groups['named'].lower()}"  # "2,450 pesos"
    sign = groups["sign"] or groups["after"]
    if sign is None and (groups["word"] or groups["word_before"]):
        sign = _CURRENCY_WORDS[(groups["word"] or groups["word_before"]).lower()]
    if sign is not None:
        return sign + number + (groups["scale"] or "")
    return f"{groups['code'] or groups['code_after']} {number}"


_MAJOR = re.compile(r"[£$€](?P<number>[\d ,.]+?)\s?(?P<scale>m|k|bn|million|billion)?")
_SCALES = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def major_sum(value: str) -> float | None:
    """The size of an amount read in pounds, dollars or euros (None in another currency,
    or with none: a sum in shillings or rand is not weighed against a sterling bar)."""
    match = _MAJOR.fullmatch(value[value.find("$") :] if "$" in value[:4] else value)
    if match is None:
        return None
    number = match.group("number").replace(" ", "")
    if re.search(r",\d{2}$", number):  # a decimal comma: "2.189,00"
        number = number.replace(".", "").replace(",", ".")
    return float(number.replace(",", "")) * _SCALES.get(match.group("scale") or "", 1)


def _amount(sentence: Sentence, match: re.Match[str], value: str) -> Found:
    before = sentence.text[max(0, match.start() - 40) : match.start()]
    rank = 1
    if (
        _GOOD_CUE.search(before)
        or re.search(r"\bto\s$", before)
        or _TAKEN_AFTER.match(sentence.text, match.end())
    ):
        rank = 0
    elif _BAD_CUE.search(before) or _EXPECTED.match(sentence.text, match.end()):
        rank = 2
    start = sentence.start + match.start()
    if (
        _RATE.match(sentence.text, match.end())
        or _USUAL.search(before)
        or _OFFERED.match(sentence.text, match.end())
    ):
        return Found("amount", value, start, sentence.start + match.end(), 0.75, 3)
    return Found("amount", value, start, sentence.start + match.end(), 0.85, rank)


_TAKEN_AFTER = re.compile(
    r"\s(?:has|have|had)\s(?:come|gone)\sout\b|\s(?:came|went)\sout\b|"
    r"\s(?:was|were|has\sbeen|have\sbeen|had\sbeen)\s(?:taken|debited|charged|deducted)\b",
    re.I,
)
"""After a sum: it left their account ("£240 has come out of my bank"), the sum the complaint
is about."""
_RATE = re.compile(r"\s(?:a|an|per|each|every)\s(?:day|hour|night|hr)\b|\s(?:daily|hourly)\b", re.I)
"""After a sum: a rate ("losing about $400 a day"), what the failure costs over time, not
the sum the complaint is about; offered to an agent, never drafted as "with $400 at stake"."""
_USUAL = re.compile(
    r"\b(?:normal(?:ly)?|usual(?:ly)?|typical(?:ly)?|average|regular|used\sto\s(?:be|pay))\b"
    r"[^£$€\d]{0,20}$",
    re.I,
)
"""Before a sum: what it usually is ("her normal bill is about £30"), the yardstick beside the
sum that went wrong."""
_EXPECTED = re.compile(
    r"\s(?:[\w-]{1,12}\s){0,2}(?:I|we)\s(?:expected|thought|was\squoted|were\squoted|budgeted)"
    r"(?=[,.;!]|\s(?:but|and|to\spay)\b)",
    re.I,
)
"""After a sum: what the customer expected ("£38 consult I expected, but we left with a £212
bill"), the yardstick beside the sum that went wrong."""
_OFFERED = re.compile(r"\s(?:voucher|gift\scard|goodwill|credit\snote|e-?voucher)\b", re.I)
"""After a sum: what we offered ("a £20 voucher"), not what the customer lost."""


# --- how long they have waited --------------------------------------------------------------

_COUNT = (
    r"(?:(?!0\b)\d{1,3}(?:\.\d)?\+?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\scouple\sof|a\sfew|several)"
)
_UNIT = r"(?:min(?:ute)?s?|hours?|hrs?|hr|days?|weeks?|wks?|fortnight|months?)"
_SPAN = (
    r"(?P<span>(?:(?:over|nearly|almost|about|around|more\sthan|the\s(?:past|last))\s)?"
    + _COUNT
    + r"\s?(?:working\s)?"
    + _UNIT
    + r"(?:\s(?:and\s)?\d{1,2}(?:\s?min(?:ute)?s?\b|(?![\w:.])))?)\b"
)
_DAY_WORDS = (
    r"(?:yesterday(?:\s(?:morning|afternoon|evening|lunchtime|lunch))?|last\s(?:night|week|month)|(?:storm\s|last\s)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:\s(?:morning|afternoon|"
    r"evening|night))?|\d{1,2}(?:st|nd|rd|th)?\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]{0,6}|(?:last\s)?(?:january|february|april|june|july|august|september|october|"
    r"november|december)|last\s(?:march|may))"
)
_WAITED = (
    (keyed("more", r"\b(?P<span>" + _COUNT + r"\s" + _UNIT + r"\smore)\b"), 0),
    (
        keyed(
            "been|waited|waiting|chasing|hold|had to wait",
            r"\b(?:been|waited|waiting|chasing|hold|had\sto\swait)\s" + _SPAN,
        ),
        0,
    ),
    (
        keyed(
            "been",
            r"\bbeen\s(?:at|in|on|outside)\s(?:the|a|your)\s(?:desk|counter|queue|airport|station|"
            r"gate|phone|reception|branch|store|shop|platform|terminal)\s(?:for\s)?" + _SPAN,
        ),
        1,
    ),
    (keyed("spend|spent", r"\b(?:spend|spent)\s" + _SPAN + r"\s(?:chasing|waiting|on\shold)"), 0),
    (
        keyed(
            "that's|thats|that is|it's|its|it is",
            r"\b(?:that'?s|that\sis|it'?s|it\sis)\s(?:now\s|been\s)?"
            + _SPAN
            + r"(?=\s(?:since|now|already|with|and|later|of\s(?:waiting|chasing|no))\b|\s?[.,!]|$)",
        ),
        0,
    ),
    (
        keyed(
            "since|response|reply|answer|word|update|contact",
            r"\b(?:no\s(?:response|reply|answer|word|update|contact)\s(?:in|for)|since)\s"
            + _SPAN
            + r"(?!\s(?:ago|old))",
        ),
        0,
    ),
    (keyed("trying|chasing", r"\b" + _SPAN + r"\s(?:trying|chasing)\b"), 0),
    (keyed("on hold|on the phone", r"\b" + _SPAN + r"\s(?:on\shold|on\sthe\sphone)\b"), 1),
    (
        keyed(
            "later",
            r"\b(?:still|no|nothing|never)\b[^.\n]{0,50}?\s" + _SPAN + r"\slater\b",
        ),
        0,
    ),
    (
        keyed(
            "sat|sitting|waited|spinning|queued|queuing|queueing|stood|standing|stuck|took",
            r"\b(?:sat|sitting|waited|spinning|queued|queuing|queueing|stood|standing|stuck|took)"
            r"\s(?:there\s|here\s)?(?:(?:in|at|on|outside)\s(?:the\s|a\s)?[\w'-]{1,15}"
            r"(?:\s[\w'-]{1,15})?\s){0,2}(?:for\s)?"
            + _SPAN
            + r"(?!\s(?:ago|old|before|earlier|off|out|of|holiday|leave)\b)",
        ),
        1,
    ),
    (keyed("now|later", r"\b" + _SPAN + r"\s(?:now\b|later(?=,?\s(?:nothing|still|no\b)))"), 0),
    (
        keyed("later", r"\b" + _SPAN + r"\slater\b(?=[^.!?\n]{0,40}?\b(?:still|nothing|never)\b)"),
        0,
    ),
    (
        keyed(
            "response|reply|answer",
            r"\b(?:response|reply|answer)\b[^.!?\n]{0,25}?\s" + _SPAN + r"\slater\b",
        ),
        0,
    ),
    (keyed("delayed", r"\bdelayed\s(?:by\s)?" + _SPAN + r"(?!\s(?:ago|before|earlier))"), 1),
    (keyed("since", r"\b(?P<span>since\s(?:the\s[a-z]{3,10}\s)?" + _DAY_WORDS + r")\b"), 0),
    (
        keyed(
            "since",
            r"\b(?P<span>since\s(?:(?:about|around|approx\.?|roughly|just\safter|just\sbefore)\s)?"
            r"(?:\d{1,2}(?::\d{2})?\s?(?:am|pm)(?:\s(?:yesterday|today|this\smorning|last\snight))?|"
            r"\d{1,2}[:.]\d{2}|lunchtime|lunch|(?:the\s)?\d{1,2}(?:st|nd|rd|th)|"
            r"this\smorning|morning|breakfast|first\sthing|midnight|the\sweekend|the\supdate(?:\son\s"
            r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))?|"
            r"(?:last|this)\s(?:night|week|month))\b)",
        ),
        0,
    ),
    (
        keyed(
            "after|over|for|open|queued|queue|now|broken|cold|dead|down|offline|faulty|"
            "leaking|flooded|blocked|stranded|without|order",
            r"\b(?:(?:nothing|still|unresolved|came|arrived|ready|refund(?:ed)?|open|queued|"
            r"queue[ds]|waited|stuck|sat|sitting|left)\s(?:\w{1,12}\s){0,6}?(?:after|for|over)"
            r"|(?:broken|cold|dead|down|offline|faulty|leaking|flooded|blocked|stranded|"
            r"out\sof\sorder|(?:without|no)\s(?:power|water|heating|heat|hot\swater|signal|"
            r"internet|wifi|broadband|service|phone\sline|landline|gas|electricity|connection|"
            r"a\s\w{2,12})(?:\s(?:or|and)\s(?:hot\s)?\w{2,12})?)(?:\sfor)?"
            r"|across\s\w{1,12}\s\w{1,12}\sover|open|queued|now(?:\sis)?)\s"
            + _SPAN
            + r"(?!\s(?:ago|old|warranty|guarantee|return|later|earlier|before)\b)"
            r"(?!\sof\s(?:normal\s|regular\s|light\s|daily\s)?(?:use|usage|wear|using|ownership)\b)",
        ),
        0,
    ),
    (
        keyed(
            "elapsed|passed|on|hold|delay|queue|wait|waiting|running|in a row|in line",
            r"\b(?:some\s)?" + _SPAN + r"\s(?:have\s(?:now\s)?(?:elapsed|passed|gone\sby)|on\b"
            r"(?=[,.!]|$)|hold|wait|waiting|delay|queue|running\b(?!\s(?:late|behind|over))|"
            r"in\sa\srow\b|in\s(?:line|(?:the|a)\squeue)\b)",
        ),
        0,
    ),
    (keyed("for|and|waiting", r"^(?:@\w{1,30}\s)?" + _SPAN + r"\s(?:for|and|waiting)\b"), 1),
    (
        keyed("and", r"\b" + _SPAN + r"\s(?:and|&)\s(?:still\s)?(?:no|nothing|not\sa)\b"),
        1,
    ),
    (keyed("times|attempts|tries", r"\b(?:times|attempts|tries)\sover\s" + _SPAN), 1),
    (
        keyed(
            "haven't|havent|hasn't|hasnt|not|never|nothing|no ",
            r"\b(?:haven'?t|hasn'?t|not|never|nothing|no)\b[^.!?\n]{0,50}?\bin\s"
            r"(?:the\s(?:last|past)\s)?" + _SPAN + r"(?!\s(?:ago|time|from|before|after)\b)",
        ),
        1,
    ),
    (
        keyed(
            "all |whole",
            r"\b(?:waited|waiting|been\sdown|down)\s(?:in\s)?(?P<span>(?:all|the\swhole)\s(?:day|"
            r"weekend|week|morning|afternoon|evening|night))\b",
        ),
        0,
    ),
    (keyed("day ", r"^(?:@\w{1,30}\s)?(?P<span>day\s\d{1,3})\b"), 1),
    (
        keyed(
            " ago",
            r"\b(?:sent|posted|returned|ordered|told|reported|called|rang|emailed|raised|"
            r"submitted|opened|cancell?ed|requested|claimed|complained|applied|asked|collected|"
            r"paid|installed|fitted|replaced|repaired|serviced|approved|promised|said|died|broke|"
            r"stopped|that\swas|meant|supposed|due|expected)\b"
            r"[^.]{0,40}?\b(?:like\s|about\s|over\s)?" + _SPAN + r"\sago\b",
        ),
        1,
    ),
    (keyed(" ago", r"^(?:@\w{1,30}\s)?" + _SPAN + r"\sago\s?[.!]*$"), 1),
    (
        keyed(
            "raised|sent|ordered|reported|submitted|opened|booked|paid|applied|returned",
            r"\b(?:raised|sent|ordered|reported|submitted|opened|booked|paid|applied|returned)\b"
            r"[^.]{0,40}?\s" + _SPAN + r"\sback\b(?!\s(?:to|from|in|into|on|for))",
        ),
        1,
    ),
    (
        keyed(
            "in line|queue|queuing|queueing|waiting|here|there|standing",
            r"\b(?:in\s(?:line|(?:the|a)\squeue)|queu(?:e|ed|ing|eing)|waiting|been\s(?:here|there)|"
            r"standing)\b[^.!?\n]{0,20}?\b(?P<span>since\s(?:[1-9]|1[0-2])(?:[:.][0-5]\d)?)"
            r"(?![\d:.]|\s?(?:am|pm|days?|weeks?|months?|years?)\b)",
        ),
        0,
    ),
    (
        keyed(
            "min|hour|hr|day|week|wk|fortnight|month",
            r"^(?:@\w{1,30}\s)?" + _SPAN + r"(?=\s?[.!]+$|\s(?:no|and\sthe|and\sstill|my|"
            r"without|now)\b)",
        ),
        1,
    ),
    (keyed("since", r"\b(?P<span>since\s(?-i:March|May))\b"), 0),
    (keyed("since", r"\b" + _SPAN + r"\ssince\s(?:i|we|you|my|our)\b"), 0),
    (
        keyed(
            "late",
            r"(?<!\bbe\s)(?<!\bbe\sabout\s)(?<!\brunning\sabout\s)(?<!\bi'm\srunning\s)"
            r"(?<!\bwe're\srunning\s)(?<!\bim\srunning\s)(?<!\barriving\s)"
            r"(?<!\bi\sarrived\s)(?<!\bwe\sarrived\s)(?<!\bi\swas\s)(?<!\bwe\swere\s)"
            r"(?<!\bif\sit's\s)(?<!\bif\sits\s)(?<!\bif\sit\sis\s)(?<!\bif\sit\swas\s)\b"
            + _SPAN
            + r"\slate\b(?!\s(?:fee|charge|payment|notice)|\sfor\s(?:my|our)\b)",
        ),
        1,
    ),
    (keyed(" ago", r"\b" + _SPAN + r"\sago,?\s(?:and\s)?(?:still|nothing|no)\b"), 1),
    (
        keyed(
            "taken|took",
            r"\b(?:has\s(?:now\s)?taken|took|it'?s\staken)\s(?:us\s|me\s|them\s|you\s)?"
            + _SPAN
            + r"\s(?:to|for|and)\b",
        ),
        1,
    ),
)
_FOR_SPAN = keyed(
    "has|have|'ve|been|waiting|unanswered|down|offline|nobody|no one|sat|sit|stood|standing|"
    "stuck|held|hold|queued|tried|trying|out of order|stand|unable",
    r"\b(?:(?:has|have|'ve)\s(?!(?:used|owned|worn|driven|lived|worked|run|ridden|"
    r"banked|been\swith)\b)\w{2,12}|been|waiting|unanswered|down|offline|"
    r"nobody|no\sone|sat|sit|stood|(?:me|us|them)\sstand|standing|stuck|held|hold|queued|tried|"
    r"trying|out\sof\sorder|unable\sto\s\w{2,12})"
    r"\b(?:(?!\bby\s(?:his|her|my|their)\s|\bphone\sto\s(?:his|her|my|their)\s)[^.,;\n]|[.,](?=\d))"
    r"{0,60}?\bfor\s" + _SPAN,
)


WAITED_KEYS = keys_of([*(pattern for pattern, _ in _WAITED), _FOR_SPAN])
"""Words one of which a sentence needs before `waited` can find anything in it."""


_WAITED_INDEX = KeyIndex(pattern for pattern, _ in _WAITED)


def waited(sentence: Sentence) -> Iterable[Found]:
    """How long they have been waiting ("three weeks", "since Monday", "all day")."""
    if "?" in sentence.text and _ASKED_TO_WAIT.search(sentence.text):
        return  # "Agent: Can you hold for a few minutes?": a wait asked for, not one had
    for position in sorted(_WAITED_INDEX.holding(sentence)):  # in order: order breaks ties
        pattern, rank = _WAITED[position]
        for match in pattern.pattern.finditer(sentence.text):
            if _THEY_WERE_LATE.search(sentence.text, 0, match.start("span")) and (
                _LATE_AFTER.match(sentence.text, match.end("span"))
            ):
                continue
            if _NOTICE.search(sentence.text, 0, match.start("span")):
                continue  # "a disconnection notice for 14 days": a deadline, not a wait
            yield _span(sentence, match, "waited", rank)
    for match in _FOR_SPAN.finditer(sentence):
        if not _NOTICE.search(sentence.text, 0, match.start("span")):
            yield _span(sentence, match, "waited", 1)


_ASKED_TO_WAIT = re.compile(
    r"(?:^|:\s)(?:can|could|would|will)\s(?:you|u)\s(?:please\s)?(?:hold|wait|bear\swith)\b", re.I
)
_NOTICE = re.compile(r"\bnotice\s(?:period\s)?(?:of|for)\s$", re.I)
_LATE_AFTER = re.compile(r"\s(?:late|behind)\b", re.I)
_THEY_WERE_LATE = re.compile(
    r"(?:^|\b)(?:I|we|client|cust|customer|caller|patient|guest|member|she|he)\b"
    r"(?:\s\([^()\n]{1,40}\))?\s(?:arrived|was|were|got\sthere|turned\sup|came\sin|ran)\s$",
    re.I,
)
"""Before "25 min late": the customer was late ("Client (Mrs Sutton) arrived 25 min late"),
which is no wait of theirs; "the fitter turned up 2 hrs late" still is."""


# --- how often it has happened ----------------------------------------------------------------

_NUMBER_WORD = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
_CONTACTS = (
    r"(?:calls|emails|letters|messages|chats|visits|chatbots|broken\spromises|promised\sdates|"
    r"missed\sdates|conversations|"
    r"outages|attempts|tries|goes|agents|advisors|advisers|reschedules|cancellations|"
    r"no-shows|delays|missed\s(?:deliveries|appointments|visits))"
)
_TIMES = (
    (
        keyed(
            "second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th",
            r"\b(?P<span>(?:the\s)?(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s"
            r"(?:time|email|call|letter|message|msg|chat|visit|attempt|complaint|one|copy|"
            r"contact|order|chase|reminder|date|new\sdate|promised\sdate|confirmed\sdate|engineer|"
            r"driver|delivery|"
            r"deadline|booking|return|slot|collection|"
            r"outage|delay|rescheduling|reschedule|cancellation|no-show|job|refund|replacement|"
            r"mistake|error|failure|fault|repair|technician|tech|crew|broken\s\w{2,12}|"
            r"(?:day|week|weekend|fortnight|month|year|monday|tuesday|wednesday|thursday|friday|"
            r"saturday|sunday)\s(?:in\sa\srow|running)|"
            r"missed\s(?:visit|delivery|appointment|appt|slot|collection))"
            r"(?:\s(?:this|in\sa)\s(?:week|month|year|row)|\sin\s(?:the\s)?(?:last|past)\s"
            r"(?:week|month|year|fortnight))?)\b",
        ),
        0,
    ),
    (
        keyed(
            "twice|times|time|0x|1x|2x|3x|4x|5x|6x|7x|8x|9x|occasions|different",
            r"\b(?P<span>twice|" + _NUMBER_WORD + r"\s?(?:more\s)?times?|\d{1,2}x|several\stimes|"
            r"many\stimes|(?:on\s)?"
            + _NUMBER_WORD
            + r"\s(?:separate\s)?occasions|"
            + _NUMBER_WORD
            + r"\sdifferent\s(?:agents|people|advisors|advisers|staff|numbers|"
            r"departments|teams|consultants|engineers|technicians|techs|managers|drivers))\b"
            r"(?!\s(?:a|per)\s(?:day|week|month))",
        ),
        1,
    ),
    (
        keyed(
            "calls|emails|letters|messages|chats|visits|promises|missed|conversations|outages|"
            "attempts|tries|goes|agents|advisors|advisers|reschedules|cancellations|no-shows|"
            "delays",
            r"\b(?P<span>"
            + _NUMBER_WORD
            + r"\s(?:phone\s)?"
            + _CONTACTS
            + r"(?:,?\s(?:and\s)?"
            + _NUMBER_WORD
            + r"\s(?:phone\s)?"
            + _CONTACTS
            + r"){0,3})\b(?!\s(?:a|per)\s(?:day|week|month))",
        ),
        2,
    ),
)


TIMES_KEYS = keys_of(pattern for pattern, _ in _TIMES)
"""Words one of which a sentence needs before `times` can find anything in it."""


def times(sentence: Sentence) -> Iterable[Found]:
    """How often it has gone wrong or they have had to ask ("the third time", "twice")."""
    for pattern, rank in _TIMES:
        for match in pattern.finditer(sentence):
            before = sentence.text[max(0, match.start() - 50) : match.start()]
            after = sentence.text[match.end() : match.end() + 12]
            if _PAID.search(before) or _NOT_A_REPEAT_BEFORE.search(before):
                continue
            if _NOT_A_REPEAT_AFTER.match(after) or (
                match.group("span")[-1:] in "xX" and _NOT_A_COUNT_AFTER.match(after)
            ):
                continue
            found = _span(sentence, match, "times", rank)
            if _CHASED.search(before) or _DONE_WHAT_ADVISED.search(
                sentence.text, max(0, match.start() - 90), match.start()
            ):  # "rang twice": how hard they chased, not our failures
                found = found._replace(confidence=KEPT)
            yield found


_CHASED = re.compile(
    r"\b(?:rang|called|phoned|telephoned|emailed|e-mailed|chased|wrote|written|messaged|contacted|"
    r"complained|asked|unsubscribed|been\sback|gone\sback|went\sback|come\sback|came\sback|"
    r"been\sin|visited|tried(?:\s[\w-]{3,15}ing)?|tried\sto\s[\w-]{2,15})"
    r"(?:\s(?:you|us|them|me|it|in|back|up|about\sit|to\sthe\s\w+|to\s(?:me|us|you|them)|"
    r"for\s(?:a\s|the\s)?[\w-]{2,15}|"
    r"(?:your|the)\s[\w-]{2,15}(?:\s(?:line|number|team|office|shop|branch|desk))?))?\s$",
    re.I,
)
"""A count of the customer's own tries ("rang twice", "tried assembling twice", "I've been
back 3 times", "unsubscribed 4 times", "asked for a supervisor 3x"): shown to the agent as a
guess, never drafted as how often we failed them."""
_DONE_WHAT_ADVISED = re.compile(
    r"\b(?:don'?t|do\snot)\s(?:tell|ask)\s(?:me|us)\sto\b[^.!?]{0,60}\bdone\s(?:it|that|this)\s$",
    re.I,
)
"""Before a count: "don't tell me to restart the router, I've done that twice", the customer's
own tries at what we advise, a guess at how often it failed."""
_SEVERAL_TIME = re.compile(
    r"^((?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?<!^1))\stime$"
)
"""A count with "time" left singular, as a non-native writer may ("Three time")."""
_UNMARKED_ORDINAL = re.compile(
    r"^((?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s"
    r"(?:time|[A-Za-z]{2,12}(?:\s[a-z]{2,12})?(?=\s(?:this|in|running)\b)).*)$"
)
"""A count without its article ("Third time I have called", "3rd call this week"): said as
"the third time", "the 3rd call this week"."""
_PAID = re.compile(
    r"(?:\b(?:charged|billed|paid|taken|took|pay|paying|pays)(?:\s(?:me|us|him|her|them|for\sit))?"
    r"(?:\s(?:the|my|our|your|a|an)(?:\s[\w£$€.-]{1,15}){1,3})?|"
    r"[£$€]\d[\d,]{0,9}(?:\.\d\d)?)\s$",
    re.I,
)
"""Before "twice": a sum taken twice is a billing error, not a repeated failure."""
_NOT_A_REPEAT_BEFORE = re.compile(
    r"\b(?:(?:restarted|rebooted|reinstalled|reset|cleared|deleted|uninstalled|updated|refreshed|"
    r"wore|worn|washed|used|(?:switched|turned)"
    r"(?:\s\w{1,12}){0,2}\s(?:off\sand\son|on\sand\soff)|checked|double-checked|counted|"
    r"measured|stopped)(?:\s\w{1,12}){0,3}"
    r"(?:\s(?:about|like|maybe|over|around))?|warned|said|nearly|almost|how|"
    r"(?:want|need|get|give|book|offer(?:ed)?)\s(?:me\s|us\s)?(?:an?|another)|"
    r"(?:won't|will\snot|not)\s(?:have|accept|take)\s(?:an?|another)|"
    r"(?:rang|rung|called|phoned|ringing|calling|phoning)\s(?:the\s|my\s|his\s|her\s|their\s)?"
    r"(?:gp|doctors?|surgery|hospital|police|school|solicitor|insurer|insurance)(?:\s\w{1,12})?|"
    r"calling\s(?:him|her|me|us|them)\sback|"
    r"\b(?:into|onto|from|than|think)(?:\sthe)?|"
    r"\bnot\s(?:[\w']{2,12}\s){1,3}an?)\s$",
    re.I,
)
"""Before a count: what the customer or an agent did ("restarted it about 10 times", "worn
them twice", "warned twice"), calls to someone else ("rung the GP three times today"), a
multiple ("nearly twice the rate") or one not wanted ("I don't want a 3rd date"), not a
failure that happened again."""
_NOT_A_REPEAT_AFTER = re.compile(
    r"\s(?:what\b|as\s(?:much|many|long|big|high|expensive|fast|slow|bad)\b|the\s(?:price|cost|"
    r"rate|amount|size|fee|normal|usual|standard|going|quote|bill)\b|"
    r"(?:my|our|his|her|their|your)\s(?:usual|normal|typical|average|regular|monthly|old)\b|"
    r"(?:bigger|larger|smaller|"
    r"higher|lower|longer|shorter|faster|slower|worse|better|heavier|cheaper|dearer|"
    r"(?:more|less)\s(?:than|expensive))\b)",
    re.I,
)
"""After a count: a multiple ("twice the price", "three times as long", "10 times bigger",
"eight times my usual amount")."""
_NOT_A_COUNT_AFTER = re.compile(
    r"\s?(?:[\d£$€]|[A-Z]|(?:normal|more|higher|bigger)\b|"
    r"(?!(?:a|an|the|about|after|again|already|and|any|at|before|but|by|each|for|from|in|into|"
    r"last|my|now|of|on|or|over|per|re|regarding|since|so|still|than|that|then|this|today|"
    r"tonight|to|until|up|with|within|without|yet|yesterday|your|times?|running)\b)[a-z]{2,})"
)
"""After "2x": a quantity or a size ("2x 12kg bags", "1x Hampton Sofa", "2x tickets", "3x
normal"); "3x now", "3x this week" stay counts."""


def _day(word: str) -> str:
    return word.capitalize() if word in _SHORT_DAYS or word in _MONTHS else word


_SHORT_DAYS = words("mon tue wed thu fri sat sun")
_MONTHS = words(
    "january february march april may june july august september october november december"
)
"""Said in a span only as a month ("since March"), so always capitalised."""


def _span(sentence: Sentence, match: re.Match[str], name: str, rank: int) -> Found:
    start = sentence.start + match.start("span")
    end = sentence.start + match.end("span")
    value = " ".join(_day(mend(word.lower())) for word in match.group("span").split())
    value = _SEVERAL_TIME.sub(r"\1 times", value)  # "3 time already" -> "3 times"
    value = _UNMARKED_ORDINAL.sub(r"the \1", value)
    return Found(name, value, start, end, 0.8, rank)
