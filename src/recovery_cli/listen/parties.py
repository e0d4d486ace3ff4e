"""The third party the customer names: a courier, a lab, an installer, their bank.

Three kinds of evidence, surest first: a carrier's or partner's own name ("DHL", "Supplier
(Stonecraft)"); a tradesperson we sent ("the engineer you sent"); and a role that is always
someone else's ("the lab", "your supplier", "my bank"). A word like "engineer" alone is not
enough: it may be one of our own staff. The customer's "your supplier" is ours ("our
supplier") and their "my bank" is theirs ("your bank").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.model import KEPT
from recovery_cli.listen.sentences import Found, Sentence, keyed, keys_of

CARRIERS = {
    "dhl": "DHL",
    "dpd": "DPD",
    "ups": "UPS",
    "fedex": "FedEx",
    "evri": "Evri",
    "hermes": "Hermes",
    "royal mail": "Royal Mail",
    "parcelforce": "Parcelforce",
    "yodel": "Yodel",
    "usps": "USPS",
    "tnt": "TNT",
    "gls": "GLS",
    "inpost": "InPost",
    "amazon logistics": "Amazon Logistics",
    "arrow xl": "Arrow XL",
    "paypal": "PayPal",
    "klarna": "Klarna",
    "clearpay": "Clearpay",
    "stripe": "Stripe",
    "apple pay": "Apple Pay",
    "google pay": "Google Pay",
}
_CARRIER = keyed(
    "dhl|dpd|fedex|evri|hermes|royal mail|parcelforce|yodel|usps|inpost|amazon|arrow|ups|tnt|gls|"
    "paypal|klarna|clearpay|stripe|apple pay|google pay",
    r"\b(?P<p>dhl|dpd|fedex|evri|hermes|royal\smail|parcelforce|yodel|usps|inpost|"
    r"amazon\slogistics|arrow\sxl|paypal|klarna|clearpay|stripe|apple\spay|google\spay|"
    r"(?-i:UPS|TNT|GLS))\b",
)
_ROLES = (
    r"courier|carrier|delivery\s(?:company|firm)|lab|laboratory|supplier|manufacturer|"
    r"wholesaler|sub-?contractor|contractor|installer|venue(?:\smanager)?|"
    r"management\scompany|managing\sagents?|letting\sagents?|"
    r"(?:car\shire|rental|hire)\s(?:desk|company)|box\soffice|"
    r"(?:repair|print|delivery|logistics|installation|fitting)\s(?:partner|centre|center)|"
    r"glaziers?|engravers?|scaffolders?|carpet\sfitters|gp\ssurgery"
)
_ROLE_KEYS = (
    "courier|carrier|delivery company|delivery firm|lab|supplier|manufacturer|wholesaler|"
    "contractor|installer|partner|centre|center|venue|car hire|rental|hire|box office|"
    "management company|managing agent|letting agent|glazier|engraver|scaffolder|carpet fitters|"
    "gp surgery"
)
_NAMED_ROLE = keyed(
    "(|:",
    rf"\b(?:{_ROLES}|partner)\s?(?:\(\s?|:\s?)(?P<p>(?-i:[A-Z])[\w&'-]{{1,25}}"
    rf"(?:\s(?-i:[A-Z])[\w&'-]{{1,25}}){{0,2}})",
)
_NAME = r"(?-i:[A-Z])[\w&'-]{1,25}(?:\s(?-i:[A-Z])[\w&'-]{1,25}){0,2}(?:\s(?:Ltd|Limited|plc))?"
_BRACKETED = (
    "contractor|painters|fitters|installers|builders|company|firm|carrier|courier|supplier|"
    "partner|engineers|cleaners|electricians|plumbers|technicians|scaffolders|decorators|"
    "roofers|gardeners|caterers|removers|movers|subcontracted|sub-contracted"
)
"""Who we send or use, named in brackets after them ("the cleaners you send (Sparkle)")."""
_NAMED_NEAR = keyed(
    f"{_BRACKETED}|operatives|engaged",
    rf"\b(?:{_BRACKETED})\b[^()\n]{{0,40}}?\((?P<p>"
    + _NAME
    + r")\)|\b(?:third[\s-]party\s)?(?:carrier|courier|supplier|contractor|partner),\s(?P<q>"
    + _NAME
    + r"),|\b(?:operatives|engineers|staff|fitters|installers)\s(?:of|from)\s(?P<r>"
    + _NAME
    + r")(?=,|\s(?:engaged|who|that|sent|were|came)\b)",
)
"""A partner's own name next to what they are: "the contractor we sent (Warmline Ltd)"."""
_NOT_NAME = (
    r"(?!(?:I|I'm|I've|I'd|I'll|The|This|That|These|Those|They|Them|Their|There|Then|He|She|"
    r"It|It's|We|You|Your|My|Our|His|Her|And|But|So|On|In|At|For|To|If|As|Not|No|Yes|Has|Had|"
    r"Was|Were|Did|Does|Is|Are|Can|Will|Would|Also|Just|Still|Never|Today|Tomorrow|Yesterday|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Weds|Thu|"
    r"Thur|Thurs|Fri|Sat|Sun|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Christmas|"
    r"Easter|Mr|Mrs|Ms|Miss|Dr|Order|Delivery|Customer|Service|Services|Support|Online|"
    r"Team|Tracking|Please|Thanks|Hi|Hello|Dear|Subject|Ref|Re|Again|ALL|DAY|NOT|DID|"
    r"WAS|HAS|THE|AND|YOU|OK|UK|US|EU|TV|PC|GP|NHS|AM|PM|SMS|MMS|PDF|URL|ETA|ASAP|FYI|DM|"
    r"ID|PIN|OTP|QR|IT|HR|Luton|Transit|Sprinter|Used|Booked|Called|Paid|Got|Sent|Via)\b)"
)
_FIRM_WORD = (
    rf"{_NOT_NAME}(?-i:[A-Z][a-z][\w'-]{{0,24}}|[A-Z][A-Z\d]{{1,4}}(?![\w'-])|[A-Z]&[A-Z]{{1,3}}\b)"
)
_FIRM = (
    rf"{_FIRM_WORD}(?:\s(?:&\s)?(?:{_FIRM_WORD}|(?-i:Services|Service|Delivery|Support|Group|UK)"
    rf"(?![\w'-]))){{0,2}}(?:\s(?-i:Ltd|Limited|plc|&\sCo))?"
)
_BRAND = rf"{_NOT_NAME}(?-i:[A-Z][A-Z\d]{{1,4}}(?![\w'-])|[A-Z][a-z]{{1,12}}[A-Z][\w'-]{{1,12}})"
"""A name that is no one's first name: "DPX", "QuickBag"."""
"""A firm's own name: capitalised words ("Kestrel Logistics", "Harcourt & Lyle", "DPX"),
never a pronoun, a day, a month or a word a customer shouts ("NOT")."""
_FIRM_ROLES = (
    r"courier|carrier|(?:delivery|logistics|installation|repair)\s(?:partner|company|firm)|"
    r"supplier|manufacturer|lab|laboratory|sub-?contractor|contractor|installers?|fitters|"
    r"(?:approved\s)?repairer|"
    r"(?<=my\s)bank|(?<=our\s)bank|"
    r"garage|groomer|surveyor|valuers?|solicitors?|funeral\sdirectors|removal\s(?:firm|company)|"
    r"(?:tour|travel|letting|managing)\s(?:operator|company|agents?)|partner|hauliers?|"
    r"(?:loss\s)?(?:adjusters?|assessors?)|(?:marketplace\s)?seller"
)
_FIRM_NAMED = keyed(
    "courier|carrier|delivery|logistics|installation|repair|supplier|contractor|subcontractor|"
    "sub-contractor|installer|fitters|approved|repairer|garage|groomer|surveyor|valuer|"
    "manufacturer|my bank|our bank|"
    "solicitor|funeral|removal|tour|travel|letting|managing|partner|company|firm|agency|"
    "haulier|adjuster|assessor|way|coming|shipped|dispatched|sent|lab|outfit|tracking|booked|"
    "not us|not ours|seller|made|reserved|samples|sample|results|bloods|swabs",
    rf"\b(?:{_FIRM_ROLES})(?:,\s(?:from\s)?|\s[-\u2013\u2014]\s|\s(?:called|named)\s|\s)\"?"
    rf"(?P<p>{_FIRM})\"?(?=[,.;:)\"\u2013\u2014-]|\s(?:(?-i:[a-z])|&|\()|$)"
    rf"|\b(?:{_FIRM_ROLES}|lab)\s(?:was|is)\s\"?(?P<v>{_FIRM})\"?(?=[,.;!]|\s(?-i:[a-z])|$)"
    rf"|\b(?:on\sits\sway|coming|sent|shipped|dispatched|tracking)\swith\s\"?(?P<w>{_FIRM})\"?"
    rf"(?=[,.;!]|\s(?-i:[a-z])|$)"
    rf"|\btracking\sfrom\s\"?(?P<x>{_FIRM})\"?(?=[,.;!]|\s(?-i:[a-z])|$)"
    rf"|\((?P<y>{_FIRM}),?\snot\s(?:us|ours)(?:\)|\s[-\u2013\u2014]\s)"
    rf"|\b(?:{_FIRM_ROLES})(?:\s[a-z]{{2,12}}){{1,3}},\s(?P<q>{_FIRM}),"
    rf"|\b(?<!your\s)(?<!ur\s)(?:company|firm|agency|outfit)(?:\s[-\u2013\u2014]\s|,\s|\s(?:called|named)\s)"
    rf"\"?(?P<r>{_FIRM})\"?(?=\s[-\u2013\u2014]|,|\s(?-i:[a-z]))"
    rf"|\b(?:courier|carrier|delivery|logistics)\s(?:partner\s)?@(?P<s>{_FIRM})\b"
    rf"|\b(?:(?:I|we)\s)?(?:booked|made|reserved)\s(?:it\s|this\s|them\s|us\s)?(?:through|via)\s"
    rf"\"?(?P<t>{_FIRM})\"?(?=[,.;!]|\s(?-i:[a-z])|$)"
    rf"|\b(?:samples?|results|bloods|swabs?)\s(?:were|was|have\sbeen|had\sbeen)\ssent\sto\s"
    rf"(?P<u>{_FIRM})(?=[,.;!]|\s(?-i:[a-z])|$)",
)
"""A role and the firm's name beside it: "your courier Yodex", "Courier was SwiftLane", "on
its way with ParcelSwift", "The installer, Rockwell Joinery, finished", "a subcontractor
called LineRight", "your courier partner @Parcelo" (a handle after another role may be the
firm addressed: "the installer @SolarBright sent")."""
_FIRM_BRACKETED = keyed(
    "courier|repairer|groomer|surveyor|valuer|garage|installer|fitters|supplier|contractor|"
    "operator|my bank|our bank|haulier|lab|manufacturer|mfr|driver|shuttle|crew|coach|handling|"
    "handler|plasterer|plumber|electrician|builder|roofer|scaffolder|decorator|caterer|sent|"
    "engineer|technician|seller|recovery|transfer|tow|breakdown|adjuster|assessor",
    rf"\b(?:couriers?|(?:approved\s)?repairer|groomer|surveyor|valuers?|garage|installers?|"
    rf"fitters|suppliers?|contractors?|operator|(?<=my\s)bank|(?<=our\s)bank|hauliers?|lab|"
    rf"laboratory|manufacturer|mfr|driver|shuttle|crew|coach|(?:ground\s)?handl(?:ing|ers?)|"
    rf"plasterers?|plumbers?|electricians?|builders?|roofers?|scaffolders?|decorators?|"
    rf"caterers?|engineers?|technicians?|sellers?|recovery|transfers?|tow(?:ing)?|breakdown|"
    rf"(?:loss\s)?adjusters?|assessors?|(?:lad|lads|guy|guys|man|men|team)\s(?:you|they)\ssent)\b"
    rf"[^()\n]{{0,40}}?\((?:run\sby\s|sub(?:contracted)?\s?[-\u2013]\s?|via\s|"
    rf"(?:I\sthink\s)?(?:from|of)\s)?"
    rf"\"?(?P<p>{_FIRM})\"?(?:\.?\)|,\s[^()\n]{{1,40}}\))",
)
"""A role with the firm's name in brackets further on: "the surveyor your bank instructed
(Hartley Valuations)", "the couriers fault (DPX)", "my bank (AIB)", "The audiology lab you use
(SoundTech Labs)", "Shuttle (run by Airlink Transfers)", "the coach (Sunrise Travel)", "the lad
you sent in (I think from Brightwall Plastering)"."""
_FIRM_STAFF = keyed(
    "driver|rider|courier|engineer|technician|van|tracking|depot|fitter|installer|from|via|"
    "delivered|couriered|shipped|dispatched|sent|crew|tech|team|guys|men|plumber|electrician|"
    "roofer|painter|cleaner|mechanic|arrived|came|adjuster|assessor|rep|received",
    rf"\b(?:the|a|an|your|their|our)\s\"?(?P<p>{_FIRM})\"?\s(?:driver|rider|courier|engineers?|"
    r"technician|van|tracking|depot|fitters?|installers?)\b"
    rf"|\b(?:driver|rider|guy|man|lad|bloke|engineer|installer|fitter|technician|courier|"
    rf"surveyor|fitters|installers|engineers|crew|tech|team|guys|men|plumber|electrician|"
    rf"roofer|painter|cleaner|mechanic|(?:loss\s)?adjuster|assessor|rep|representative)\s"
    rf"(?:from|with)\s\"?(?P<q>{_FIRM})\"?"
    rf"|\b(?:sent|couriered|shipped|dispatched|delivered|posted|returned|arrived|came|received)\s"
    rf"(?:[\w'\".:-]{{1,12}}\s){{0,6}}"
    rf"?(?:via\s\"?(?P<r>{_FIRM})\"?|(?<!signed\sfor\s)(?<!signed\s)by\s(?:(?P<s>{_BRAND})|\"(?P<v>{_FIRM})\")"
    rf"|from\s(?P<x>{_BRAND})(?![\w'-]))"
    rf"|\b(?:email|e-mail|text|message|notification|letter|call)\sfrom\s(?:\"(?P<t>{_FIRM})\"|"
    rf"(?P<u>{_BRAND}))"
    rf"|(?<![\w@#])(?P<w>{_BRAND})\s(?:tracking|driver|van|depot)\b",
)
"""The firm's staff, van or tracking, or a thing sent through it: "The Parcelgo driver",
"an Openreach engineer", "the delivery guy from Hartwell Freight", "couriered via
QuickBag"."""
_OWN_DEPOT = re.compile(r"(?:your|our)\s.{1,60}\sdepot$", re.I)
"""A depot named by its town after "your" or "our" is ours ("your Hulme depot")."""
_VENUE = keyed(
    "hotel|theatre|theater|cinema|restaurant|venue|arena|spa|inn|lodge",
    r"\bthe\s(?P<p>(?:(?-i:[A-Z])[\w'-]{1,20}\s){1,3}(?-i:Hotel|Theatre|Theater|Cinema|Restaurant|"
    r"Venue|Hall|Arena|Spa|Inn|Lodge|hotel))\b"
    r"|\bthe\s(?P<q>(?-i:Hotel)\s(?-i:[A-Z])[\w'-]{1,20}(?:\s(?-i:[A-Z])[\w'-]{1,20})?)\b",
)
"""A venue booked through us: "the Harbour View Hotel", "the Meridian Quay hotel", "the
Hotel Marisol"."""
_TRADES = keyed(
    "cleaners|painters|decorators|builders|gardeners|roofers|fitters|installers|contractors|"
    "gas engineer",
    r"\b(?:your|ur)\s(?P<p>(?:[a-z]{3,12}\s)?(?:cleaners|painters|decorators|builders|gardeners|"
    r"roofers|fitters|installers|contractors)|gas\sengineer)\b",
)
"""Trades that are usually someone else's firm: "Ur window cleaners smashed a pot"."""
_SENT = keyed(
    "sent|appointed|hired|used|booked|arranged|chose",
    r"\b(?P<det>the|your|ur)\s(?P<p>(?:[a-z]{3,12}\s)?(?:engineer|fitters?|technician|plumber|"
    r"electrician|locksmith|installer|contractor|(?:window\s)?cleaners?|surveyor|builders?|"
    r"removal\smen|movers))\s(?:you|u|they)\s(?:sent|appointed|hired|used|booked|arranged|chose)\b",
)
_THEIRS = keyed(
    "my bank|our bank|my card|our card|building society|his bank|her bank|the bank",
    r"(?<!\bthrough\s)(?<!\bvia\s)"
    r"\b(?:my|our)\s(?P<p>bank|card\s(?:provider|company|issuer)|building\ssociety)"
    r"\b(?!\s(?:account|details|statement|app|transfer|card|holiday|balance))"
    r"|\b(?:the|his|her)\s(?P<q>bank)(?=\s(?:are|is|has|have|says|said|charged|charges|won'?t|"
    r"will)\b)",
)
_TRADE_NOUNS = (
    r"lens|optical|eye|dental|photo|print|parts|furniture|flooring|kitchen|glass|glazing|stone|"
    r"tile|tyre|tire|paint|frame|blinds?|window|door|carpet|sofa|bed|mattress|cake|flower|"
    r"removals?|storage|bike|cycle|car|van|parcel|freight|specialist|external|outside|local"
)
"""Words that say which lab or supplier ("the lens lab", "our furniture supplier"): kept
with the role, since the customer named it so. Adjectives are not ("the useless courier")."""
_ROLE = keyed(
    _ROLE_KEYS,
    rf"(?<!\byou\s)(?<!\bto\s)(?<!\bcan\s)(?<!\bwill\s)(?:\b(?P<det>the|your|ur|our)\s(?:(?P<kind>"
    rf"{_TRADE_NOUNS})\s)?)?(?P<p>{_ROLES})\b"
    r"(?!\s(?:number|fee|charge|tracking|bags?|collection|pick-?up|account|portal|app|website|"
    r"site|login|page|form|line|hotline|helpline|email|address|details|code|id|reference|ref)\b)",
)
"""A role ("the courier", "our installer"), but not a verb ("can you courier them") or the
name of something of ours ("the contractor portal")."""


_FREIGHT = keyed(
    "logistics|freight|parcels|couriers|haulage|collections|recoveries|installations|transfers|"
    "shuttle|tow|towing",
    rf"(?<!Dear\s)(?<!booked\s)\b(?P<p>{_NOT_NAME}(?-i:[A-Z])[\w&'-]{{1,20}}(?:\s(?-i:[A-Z])[\w&'-]{{1,20}})?\s"
    r"(?-i:Logistics|Freight|Parcels|"
    r"Couriers|Haulage|Collections|Recoveries|Installations|Transfers|Shuttle|Tow|Towing))\b",
)
"""A firm named with what it does ("Velo Freight", "RoadRunner Logistics", "Harcourt
Collections", "Highland Tow")."""
_FIRM_THEN = keyed(
    "(",
    rf"(?<![\w@#])(?P<p>{_FIRM})\s\((?:who|which|that|they|your|our|the|a)\s[^()\n]{{0,30}}?"
    r"(?:contractor|partner|courier|supplier|installer|agent|for\syou|you\suse|you\shired|"
    r"you\sused|you\ssent|you\sbooked)\)",
)
"""A firm by its own name with what it is to us in brackets after it ("LineCore (who dig
the road for you)", "SkyFix Installations (our contractor)"). A firm's name alone doing
something ("WarmHome say contact the installer") is as often the business the customer is
writing to, so it is not read."""


KEYS = keys_of(
    [
        _NAMED_ROLE,
        _NAMED_NEAR,
        _FIRM_NAMED,
        _FIRM_BRACKETED,
        _FIRM_STAFF,
        _VENUE,
        _CARRIER,
        _FREIGHT,
        _FIRM_THEN,
        _SENT,
        _TRADES,
        _THEIRS,
        _ROLE,
    ]
)
"""Words one of which a sentence needs before `partners` can find anything in it."""


_OWN_TRADE = re.compile(
    r"(?:\bself[\s-]employed|\bI'?m\s(?:a|an)|\bI\sam\s(?:a|an)|\bwork(?:ing)?\sas\s(?:a|an))"
    r"(?:\s[\w-]{1,15})?\s$",
    re.I,
)
"""Before a role: the customer's own trade ("I drive for a living (self employed courier)")."""


_SIGNED_FOR = re.compile(
    r"(?:^|\n)[^\n]{0,40}\b(?-i:Head|Director|Manager|Officer|Owner|Founder|CEO|COO|CFO|"
    r"Coordinator|Administrator|Lead|Partner|Proprietor)\b[^\n,]{0,30},\s$",
    re.I,
)
"""Before a firm's name on a signature line ("Head of Operations, Veldt Logistics"): the
customer's own firm."""
_THEIR_SIDE = re.compile(
    r"\b(?:(?:my|our|his|her|their)\s(?:\w+\s)?(?:landlord|solicitors?|lawyers?|accountants?|"
    r"employer|broker|estate\sagents?)|(?:the\s)?(?:solicitors?|lawyers?)\s(?:handling|acting|"
    r"dealing)\b[^.\n]{0,20}|(?:my|our)\s(?:letting|managing)\sagents?)\W{0,3}$",
    re.I,
)
"""Before a firm's name: someone on the customer's side ("my landlord (Harbour Lettings)",
"the solicitor handling probate, Harcourt & Lyle"): read, but never ours to own."""
_CUSTOMER_SIDE_ROLE = re.compile(r"(?:the|our)\s(?:letting|managing)\sagents?$", re.I)
"""A letting agent named by role: as often the customer's (an inspection "with the letting
agent") as a firm working for us."""


def partners(sentence: Sentence) -> Iterable[Found]:
    """Third parties named in one sentence, less the customer's own trade and firm; one on
    the customer's side (their landlord, their solicitor) is only a guess, never drafted as
    a partner of ours."""
    for found in _named(sentence):
        at = found.start - sentence.start
        before = sentence.text[max(0, at - 60) : at]
        if _OWN_TRADE.search(before[-40:]) or _SIGNED_FOR.search(before):
            continue
        if _THEIR_SIDE.search(before) or _CUSTOMER_SIDE_ROLE.fullmatch(found.value):
            found = found._replace(confidence=KEPT)
        yield found


def _named(sentence: Sentence) -> Iterable[Found]:
    """Third parties named in one sentence; names beat roles."""
    for match in _NAMED_ROLE.finditer(sentence):
        name = match.group("p")
        yield _found(sentence, match, CARRIERS.get(name.lower(), name), 0.9, 0)
    for match in _CARRIER.finditer(sentence):
        yield _found(sentence, match, CARRIERS[" ".join(match.group("p").lower().split())], 0.9, 0)
    for match in _FREIGHT.finditer(sentence):
        yield _found(sentence, match, match.group("p"), 0.85, 0)
    for match in _FIRM_THEN.finditer(sentence):
        yield _found(sentence, match, match.group("p"), 0.85, 0)
    for match in _NAMED_NEAR.finditer(sentence):
        group = next(name for name in "pqr" if match.group(name))
        yield _found(sentence, match, match.group(group), 0.85, 0, group)
    for pattern in (_FIRM_NAMED, _FIRM_BRACKETED, _FIRM_STAFF):
        for match in pattern.finditer(sentence):
            if _OWN_DEPOT.match(match.group(0)):
                continue  # "your Hulme depot": a place of ours, not a third party
            group = next(name for name in "pqrstuvwxy" if match.groupdict().get(name))
            name = match.group(group)
            yield _found(sentence, match, CARRIERS.get(name.lower(), name), 0.85, 0, group)
    for match in _VENUE.finditer(sentence):
        group = "p" if match.group("p") else "q"
        yield _found(sentence, match, "the " + match.group(group), 0.8, 2, group)
    for match in _SENT.finditer(sentence):
        yield _found(sentence, match, "the " + _words(match.group("p")), 0.85, 1)
    for match in _TRADES.finditer(sentence):
        yield _found(sentence, match, "the " + _words(match.group("p")), 0.8, 2)
    for match in _THEIRS.finditer(sentence):
        group = "p" if match.group("p") else "q"
        yield _found(sentence, match, "your " + _words(match.group(group)), 0.85, 1, group)
    for match in _ROLE.finditer(sentence):
        if match.group("det") is None and _ANOTHER.search(sentence.text, 0, match.start()):
            continue  # "wanted same-day on another carrier": not the one we used
        det = (match.group("det") or "the").lower()
        owner = "the" if det in {"the", "our"} else "our"
        kind = f"{_words(match.group('kind'))} " if match.group("kind") else ""
        found = _found(sentence, match, f"{owner} {kind}{_words(match.group('p'))}", 0.8, 2)
        if kind:  # the span starts at the word that says which
            found = found._replace(start=sentence.start + match.start("kind"))
        yield found


_ANOTHER = re.compile(r"\b(?:another|other|a|an|any|different|new|every|no)\s$", re.I)
"""Before a bare role: some firm other than ours ("another carrier", "a different lab")."""


def _words(text: str) -> str:
    """A role as a reply says it: lower case, one space, the "GP" of "GP surgery" kept."""
    return " ".join(text.lower().split()).replace("gp surgery", "GP surgery")


def _found(
    sentence: Sentence, match: re.Match[str], value: str, sure: float, rank: int, group: str = "p"
) -> Found:
    start = sentence.start + match.start(group)
    return Found("partner", value, start, sentence.start + match.end(group), sure, rank)
