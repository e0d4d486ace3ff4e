"""Someone hurt, made ill or left without care, read so the reply asks after them first.

A son who needed six stitches after a manhole cover was left off, a mother left alone all
night without her tablets, a customer in A&E after a meal: whatever playbook answers, the
person comes before the process. The value names who, turned to the second person ("your
son", "your mum", "you").

A sentence is read in two parts. First what happened: a cue of harm to a body (stitches,
a burn, A&E, vomiting, a fall, missed insulin), never one said as a near miss, a denial or
a fear ("could have been hurt", "nobody was injured", "before someone gets hurt") and
never an idiom ("sick of waiting", "a headache to sort out"). Then to whom: the person
mentioned last before the cue. "My son", "Mum", "our terrier Pip" or "her son" in an
agent's note are the customer's own; "I", "we", "my hand" and a note's "Cx" are the
customer; "he" or "she" is the relation the message named before, of that sex; a driver,
a carer or another guest is someone else, and nothing is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from recovery_cli.listen.loss import PEOPLE
from recovery_cli.listen.sentences import Found, Sentence, keyed
from recovery_cli.listen.staff import ROLES
from recovery_cli.playbook.reply import HE, SHE

_PART = (
    r"hands?|fingers?|thumbs?|arms?|wrists?|legs?|ankles?|knees?|foot|feet|toes?|head|face|"
    r"back|shoulders?|hips?|lips?|mouth|eyes?|eyebrows|chin|nose|elbows?|shins?|neck|tongue|"
    r"skin|forehead|scalp|ribs?|collarbone|thighs?|chest|stomach|gums?|pelvis|spine|teeth|tooth"
)
_MEDICINE = (
    r"insulin|medication|medicine|meds|tablets|pills|dose|injection|inhaler|warfarin|"
    r"dialysis|treatment|breakfast|lunch|dinner|tea|food|drink"
)
_HOSPITAL_WORDS = (
    r"a&e|the\ser|emergency\s(?:room|vets?|department|dentist)|ambulance|paramedics?|"
    r"(?:called|rang|phoned)\s111|walk[- ]in\s(?:centre|center|clinic)|minor\sinjuries|"
    r"urgent\scare|"
    r"out[- ]of[- ]hours\s(?:vets?|doctor|gp)|admitted|on\sa\sdrip|"
    r"(?:in|into|(?:went|gone|taken|rushed|brought|go|admitted)\sto)\s(?:the\s)?(?:children's\s|"
    r"local\s)?hospital(?!\s(?:appointment|appt|bed|bag|car\spark|parking|shift|letter|trust|visit))|"
    r"kept\s(?:him|her|me|them|us)\sin\s(?:overnight|for\s(?:observation|the\snight|\w+\snights?))|"
    r"(?:took|taken|take|went|go)\s(?:\w+\s){0,2}to\s(?:the\s)?(?:gp|doctors?|vets?|dentist)"
)
_INJURY_WORDS = (
    r"stitch(?:es|ed)|glued|concuss(?:ion|ed)|fractur(?:e|ed)|bruis(?:e|ed|es|ing)|"
    r"graz(?:e|es|ed)|blister(?:s|ed|ing)?(?!\spack)|scald(?:s|ed)?|black\seye|bled|bleeding|"
    r"swelling|swollen|sliced|gash|bitten|splinter|tetanus|plaster\scast|a\scast|x-?ray|"
    r"(?:a|deep|bad|nasty|small|big)\scut|cuts(?!\s(?:off|out|short))|"
    r"cut\s(?:to|on|above|below|across)\s(?:his|her|my|their|the)|"
    r"(?:a|the|his|her|my|with|got|has|have|had|nasty|bad)\s(?:\w+\s)?burns?|burns?\s(?:to|on)|"
    rf"(?:broke|broken|cracked|sprained|twisted|dislocated)\s(?:(?:his|her|their|my|a|two|both)\s)?"
    rf"(?:\w+\s)?(?:{_PART})|"
    rf"(?:burn(?:t|ed)?|cut|trapped|caught|hurt|injured|scratched|smacked|banged|hit)\s"
    rf"(?:his|her|their|my|its|two|three|both|several|some)\s(?:\w+\s)?(?:{_PART})|"
    rf"(?:closed|came\sdown|landed|fell)\son\s(?:his|her|their|my)\s(?:\w+\s)?(?:{_PART})|"
    r"went\s(?:right\s)?(?:through|into)\s(?:my|his|her)\s(?:\w+\s)?(?:foot|hand|leg|arm)|"
    r"knocked\s(?:over|down|out)|hit\s(?:him|her|me|them)\s(?:on|in)|passed\sout|fainted|"
    r"choked\s(?:on|and)|"
    r"(?:fell|tripped|slipped)(?!\s(?:for|through|apart|behind|asleep|short|silent|into\sarrears|"
    r"(?:the|a|our|my)\s(?:electrics|fuse|switch|breaker|circuit|power|alarm|trip)|"
    r"in\slove|out\sof|off\s(?:the|our|your)\s(?:system|radar|list)|on\sdeaf))|"
    r"injur(?:y|ies|ed)|(?:was|were|got|been)\s(?:badly\s|seriously\s)?hurt(?!\s(?:by|that|when|"
    r"to|at|about|over))|thrown\s(?:across|off|forward)|"
    r"(?:got|had|gave\s(?:me|him|her|them))\s(?:an?\s)?(?:nasty\s|bad\s|small\s|big\s|electric\s)*"
    r"shock\s(?:off|from)\s(?:it|the\s(?:kettle|plug|socket|switch|charger|lamp|cable|heater|toaster|"
    r"appliance|machine|tap|oven|hob))|electric\sshock|"
    r"(?:bed\s?bugs?|insect|flea|mosquito|midge)\sbites|bites\sall\sover|covered\sin\sbites"
)
_ILLNESS_WORDS = (
    r"vomit(?:ing|ed)|(?:being|been|was|were|got|violently)\ssick(?!\s(?:of|and\stired|to\sdeath|"
    r"note|leave|pay|day|bag))|sick\s(?:all\snight|within|after|from|for)|diarrh(?:o)?ea|"
    r"food\spoisoning|salmonella|stomach\s(?:cramps|pains?|bug|upset)|poorly|unwell|"
    r"(?:was|were|became|been|got|taken)\s(?:very\s|really\s|so\s)?ill|infection|hives|rash|"
    r"(?:came|come|broke)\sout\sin\s(?:hives|a\srash|blisters|spots)|"
    r"allergic\sreaction|(?:had|having)\s(?:an?\s)?(?:\w+\s)?reaction|anaphyla\w+|"
    r"(?:used|gave|give|needed|had\sto\suse)\s(?:\w+\s)?epi-?pen|antihistamine|asthma\sattack|"
    r"wheez\w+|breathless|hypo|hypothermi\w+|heatstroke|dehydrat\w+|dizzy|nause(?:a|ous)|"
    r"shaking\swith\scold|seized\sup|ketones|ketoacidosis|sugar\swas\s(?:very\s|really\s)?low|"
    r"a\sclot|overdos\w+|antibiotics|in\s(?:so\smuch\s|a\slot\sof\s)?pain"
)
_WITHOUT_CARE_WORDS = (
    r"(?:without|missed|went\s\w+\s(?:days?\s)?without|didn't\s(?:have|get)|never\sgot|"
    rf"ran\sout\sof)\s(?:his|her|their|my)\s(?:\w+\s){{0,2}}?(?:{_MEDICINE})|"
    r"left\s(?:sitting|lying|stranded|alone|on\s(?:his|her|their)\sown|on\s(?:the|a|her|his)\s"
    r"(?:floor|ground|toilet|commode|bus|plane|street|pavement|doorstep|platform|tarmac))|"
    r"(?:on\s(?:his|her|their)\sown|alone)\s(?:all\snight|overnight|all\sday|all\sweekend|"
    r"for\s\w+\s(?:hours|hrs|days))|(?:cold|soaked|distressed|frightened)\sand\sconfused|"
    r"soil(?:ed|ing)\s(?:my|him|her)self|pressure\s(?:marks|sores)"
)
_VISIT = re.compile(_HOSPITAL_WORDS, re.I)
"""A cue that is a visit for care: whoever went may have gone with the one who was hurt."""
_CUE = keyed(
    "a&e|er|emergency|ambulance|paramedic|111|walk|minor|out-of-hours|out of hours|admitted|drip|"
    "hospital|overnight|observation|gp|doctor|vet|dentist|stitch|glued|concuss|fractur|bruis|"
    "graz|blister|scald|black|bled|bleed|swell|swoll|slic|gash|bitten|splinter|tetanus|cast|"
    "x-ray|xray|cut|burn|broke|cracked|sprain|twist|dislocat|trapped|caught|hurt|injur|scratch|"
    "smack|bang|hit|landed|choked|urgent|fell|knocked|passed|faint|trip|slip|thrown|vomit|sick|"
    "diarr|poisoning|salmonella|stomach|poorly|unwell|ill|infection|hives|rash|allerg|reaction|"
    "anaphyla|epi|antihistamine|asthma|wheez|breathless|hypo|heatstroke|dehydrat|dizzy|nause|"
    "shaking|seized|ketone|sugar|clot|overdos|antibiotic|pain|soil|pressure|own|alone|sitting|"
    "lying|stranded|confused|without|missed|insulin|medic|meds|tablets|pills|dose|injection|"
    "inhaler|warfarin|dialysis|treatment|floor|ground|toilet|commode|pavement|doorstep|platform|"
    "tarmac|shock|bites|bitten",
    rf"\b(?:{_HOSPITAL_WORDS}|{_INJURY_WORDS}|{_ILLNESS_WORDS}|{_WITHOUT_CARE_WORDS})(?!\w)",
)
"""Harm to a body or to someone's care, in the words people use for it."""

_NOT_SO = re.compile(
    r"\b(?:not|never|no|nothing|nobody|no\sone|nearly|almost|could|would|might|may|if|"
    r"luckily|thankfully|fortunately|in\scase|risk|afraid|worried|scared|before|someone|"
    r"somebody|anyone|until|unless|whether|avoid|prevent|waiting\sfor)\b|n't\b|'d\shave\b",
    re.I,
)
"""Words in the clause before a cue that make it a near miss, a denial or a fear."""
_IDIOM = re.compile(
    r"\b(?:sick\s(?:of|and\stired|to\sdeath)|headache\s(?:to|of)|pain\sin\sthe|a\s(?:real\s)?pain|"
    r"cut\s(?:off|short|out|corners)|burn(?:t|ed)?\s(?:through|out)|broke\sthe\sbank|"
    r"heart\sattack|killing\sme|bleeding\s(?:ridiculous|joke|useless|hell)|"
    r"injured\sparty|left\s(?:it|them|a|the|us\sa)|ran\sout\sof\s(?:patience|time|stock)|"
    r"(?:price|cost|bill)s?\s(?:cuts?|rises?)|(?:in|booked|went)\sfor\sa\scut|"
    r"a\scut\s(?:and|&)\s(?:colou?r|blow|style|finish|highlights)|cut-(?:down|price|off|rate)|"
    r"(?:as|am|I'm|is|was|are)\san?\s(?:trainee\s|student\s|senior\s)?(?:paramedic|doctor|GP|vet|"
    r"dentist|nurse))",
    re.I,
)
"""Harm words used for something else: a haircut, a cut-down event, a job ("I work as a
paramedic")."""
_CLAUSE_START = re.compile(r"[.!?;:]|,\s|\s(?:but|and|so|when|then)\s|\s-\s|—|\(")

_SPECIES = (
    r"dogs?|cats?|puppy|pup|kitten|horse|pony|rabbit|terrier|spaniel|labrador|collie|"
    r"retriever|poodle|whippet|greyhound|beagle|dachshund|tabby|budgie|parrot|hamster"
)
_KIN = (
    rf"{PEOPLE}|boy|girl|kids|children|little\sone|toddler|newborn|twins|\d{{1,2}}\s?yo|"
    rf"(?:\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?(?:yr|year|yo|month)s?"
    rf"[- ]?old|"
    rf"{_SPECIES}"
)
_MENTION = re.compile(
    rf"(?P<kin>\b(?P<owner>my|our|cx's|cust's|caller's|customer's|her|his)\s(?:(?:little|baby|"
    rf"youngest|eldest|oldest|elderly|disabled|poor|old|\d{{1,3}}[- ]?(?:yr|year|month)[- ]old|"
    rf"\w+-year-old)\s)?"
    rf"(?P<rel>{_KIN})\b(?P<poss>(?:'s|’s)(?!\s(?:been|in)\b)(?!\s(?:\w+\s)?(?:{_PART})\b))?)"
    r"|(?-i:(?P<bare>\b(?:Mum|Mom|Dad|Mam|Nan|Nana|Gran|Granny|Grandma|Grandad|Grandpa|Father|"
    r"Mother|MUM|DAD)\b(?!'s|’s)))"
    r"|(?<!told\s)(?<!tell\s)(?<!rang\s)(?<!ring\s)(?<!asked\s)(?<!called\s)(?<!emailed\s)"
    r"(?<!texted\s)(?<!let\s)(?<!gave\s)(?<!give\s)(?<!sent\s)(?-i:(?P<me>\b(?:I|i|I'm|i'm|I've|i've|I'd|im|Im|me|myself)\b))"
    r"|(?P<we>\b(?:we|we're|we've|us)\b)"
    rf"|(?P<body>\bmy\s(?:\w+\s)?(?:{_PART})\b)|(?P<cx>\b(?:cx|cust|caller|pt|patient)\b(?!'s|:))"
    r"|(?P<pronoun>\b(?:he|she|him|her|his|he's|she's)\b)"
    r"|(?<!a\s)(?<!the\s)(?<!another\s)(?<!one\s)(?P<notebare>\b(?:mum|mom|dad|mam|nan|gran|granny|grandma|grandad|grandpa)\b(?!'s|’s))"
    r"|(?-i:(?P<name>\b[A-Z][a-z]{2,}\b))"
    r"|(?P<other>\b(?:driver|carers?|staff|waiter|waitress|cashier|engineer|fitter|courier|porter|"
    r"man|woman|lady|guy|nurse|doctor|manager|receptionist|foreman|instructor|teacher|"
    r"cyclist|guests?|customers?|passengers?|members?|neighbour|friends?|someone|somebody|"
    r"delegates?|attendees?|visitors?|pupils?|students?|(?:a|another|the|one)\s(?:child|kid|boy|girl)|"
    r"anyone|nobody|everyone|people)\b)",
    re.I,
)
"""Anyone a sentence mentions: the last one before a cue is who it happened to."""
_NAMED_KIN = re.compile(
    rf"\b(?:my|our|cx's|cust's)\s(?:\w+\s)?(?P<rel>{_KIN})[,\s(]+(?-i:(?P<name>[A-Z][a-z]{{2,}}))\b"
    rf"|(?-i:(?P<name2>[A-Z][a-z]{{2,}}))\s\((?:our|my|the)\s(?:\w+\s)?(?P<rel2>{_KIN})\b"
    rf"|(?-i:(?P<name3>[A-Z][a-z]{{2,}}))(?:'s|’s)\s(?P<parent>mum|mom|dad|mam)\b"
    rf"|\b(?P<parent2>mum|mom|dad)\sof\s(?-i:(?P<name4>[A-Z][a-z]{{2,}}))\b",
    re.I,
)
"""A name a message ties to a relation: "my son Jake", "Bella (our springer spaniel)",
"Oscar's mum", "mum of Mia"."""

_THIRD_PERSON = frozenset({"her", "his"})
_SUBJECT = re.compile(
    r"\b(?:the|a|an|two|three|several|some|one|its|their|your|this|that|these|those)\s[a-z]+",
    re.I,
)
"""A thing or someone named with a determiner before the cue in its own sentence: whoever
an earlier sentence mentioned, this one is about them ("One of the ewes fell in")."""
_NOT_NAMES = frozenset(
    {
        "The",
        "This",
        "That",
        "When",
        "Then",
        "After",
        "Before",
        "Last",
        "On",
        "In",
        "At",
        "Hi",
        "Hello",
        "Dear",
        "Thanks",
        "Please",
        "Also",
        "And",
        "But",
        "So",
        "Our",
        "Your",
        "Their",
        "Its",
        "Nobody",
        "Within",
        "Today",
        "Yesterday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Staff",
    }
)
"""Capitalised words that open sentences and name no one."""
_FETCHED = re.compile(
    r"\b(?:call|called|calling|rang|ring|phoned|phone|took|take|taking|drove|drive|rushed|"
    r"brought|get|got)\s(?:\w+\s){0,2}?(?:an?\s|the\s)?(?:ambulance|111|paramedics|him|her|them)\b",
    re.I,
)
"""Between "I" or "we" and a cue: they fetched help for someone else."""
_UNHURT = re.compile(
    r"\b(?:not\sa\s(?:mark|scratch)|unhurt|unharmed|no\s(?:injur\w+|harm)|"
    r"(?:wasn't|was\snot|weren't|were\snot)\s(?:hurt|injured))",
    re.I,
)
"""Said soon after a fall or a slip: it came to nothing."""
_NOBODY_HURT = re.compile(
    r"\b(?:nobody|no\sone|no-one|none\sof\sus)\s(?:was|were|got)\s(?:\w+\s)?(?:hurt|injured|harmed)",
    re.I,
)
_FALL = re.compile(r"(?:fell|tripped|slipped)\b", re.I)
_STAY = re.compile(
    r"(?:admitted|(?:in|into|(?:went|gone|taken|brought|go)\sto)\s(?:the\s)?(?:children's\s|"
    r"local\s)?hospital)",
    re.I,
)
"""A stay in hospital: said as often of why a customer asks (a trip missed, a deadline gone
by) as of harm, so it is harm only where the sentence ties it to what happened."""
_CAUSED = re.compile(
    r"\b(?:after|because|due\sto|following|from\s(?:the|your|eating|using)|caused|"
    r"with\s(?:burns|a\s(?:burn|cut|reaction|head|broken)|food\spoisoning|concussion))\b",
    re.I,
)
"""Near a stay in hospital: the words that make it the outcome of what happened ("admitted
after eating the cake", "in hospital with burns")."""
_STAFF_SUBJECT = re.compile(
    r"\b(?:the|a|an|our|your|one\sof\s(?:your|the))\s(?:\w+\s)?"
    rf"(?:{ROLES}|(?:junior|colleague|fitter|man|woman|lady|guy|bloke|cleaner|employee|worker)s?)\b",
    re.I,
)
"""Before a fall in its own clause: one of our staff, who is the one who fell or tripped."""
_THING = re.compile(
    r"\b(?:(?:it|which|this|that)\s(?:\w+\s)?|(?:the|my|our|his|her|its|their)\s(?:[\w-]+\s)?"
    r"(?:phone|mobile|base|bracket|cupboard|unit|screen|box|parcel|bag|lid|door|shelf|worktop|"
    r"frame|handle|plug|case|laptop|tablet|tv|bumper|wall|ceiling|carpet|laminate|sofa|table|"
    r"chair|glass|mirror|vase|cabinet|drawer|panel|pipe|boiler|engine|wheel|tyre|bike|car)s?\s"
    r"(?:(?!(?:I|he|she|we|they|you|my|his|her|me|him|us|them)\b)[\w']+\s){0,5})$",
    re.I,
)
"""A thing just before the cue is what it happened to ("it tripped", "which fell", "my
mobile phone fell out", "the cupboard base is now swollen")."""
_CHILD = re.compile(r"\d|one|two|three|four|five|six|seven|eight|nine|ten|little|toddler|newborn")
_ANIMAL = re.compile(rf"^(?:{_SPECIES})$", re.I)
_KEEP = {"boy": "son", "girl": "daughter", "kids": "children", "twins": "children"}

NAMED_HERE = 0.85
"""How sure a reading is when who is named in the harm's own sentence ("my son needed
stitches"): above `model.SURE`."""
_RESOLVED = 0.78
"""How sure it is when who was found by resolving a "he", a name or an earlier sentence:
between `model.KEPT` and `model.SURE`, a guess offered to an agent."""

KEYS = _CUE.keys
"""Words one of which a sentence needs before `harms` can find anything in it."""


def harms(sentence: Sentence, text: str, note: bool) -> Iterable[Found]:
    """Who was harmed in one sentence, turned to the second person ("your son", "you")."""
    if _nobody_hurt(text):
        return  # "Nobody was hurt, but ...": whatever else it tells, it is not harm
    for cue in _CUE.finditer(sentence):
        clause = _clause_before(sentence.text, cue.start())
        if _NOT_SO.search(clause) or _IDIOM.search(
            sentence.text, max(0, cue.start() - 12), cue.end() + 12
        ):
            continue
        after = sentence.start + cue.end()
        if _UNHURT.search(text, after, after + 160) or _THING.search(sentence.text[: cue.start()]):
            continue
        if _FALL.match(cue.group()) and _STAFF_SUBJECT.search(clause):
            continue  # "the junior bringing drinks tripped on the cable": not the customer
        if _STAY.match(cue.group()) and not _CAUSED.search(
            sentence.text, max(0, cue.start() - 80), cue.end() + 80
        ):
            continue  # "my dad is in hospital, so I can't travel": why they ask, not harm
        before = text[max(0, sentence.start - 600) : sentence.start + cue.start()]
        whom = _who(before, cue.group(), note, text, sentence.text[: cue.start()])
        if whom:
            who, sure = whom
            start = sentence.start + cue.start()
            sureness = NAMED_HERE if sure else _RESOLVED
            yield Found("harmed", who, start, sentence.start + cue.end(), sureness)
            return


@lru_cache(maxsize=4)
def _nobody_hurt(text: str) -> bool:
    """Whether the message says nobody was hurt: asked for each of its sentences, worked out
    once a message."""
    return _NOBODY_HURT.search(text) is not None


def _clause_before(text: str, end: int) -> str:
    """The words of a cue's own clause before it ("luckily nobody was" in "..., luckily
    nobody was hurt")."""
    start = 0
    for start_match in _CLAUSE_START.finditer(text, 0, end):
        start = start_match.end()
    return text[start:end]


def _who(before: str, cue: str, note: bool, text: str, lead: str) -> tuple[str, bool] | None:
    """The person mentioned last before a cue, as the reply names them, and whether that is
    sure (named in the cue's own sentence) or a guess (a "he" or a name resolved, someone
    from an earlier sentence); None when it is someone else or nobody can be told."""
    clause = len(before) - len(_clause_before(before, len(before)))
    sentence = len(before) - len(lead)
    mentions = list(_MENTION.finditer(before))
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        kind, here = mention.lastgroup, mention.start() >= sentence
        if not here and _SUBJECT.search(before, sentence):
            return None  # "two ewes fell": the sentence says whose the harm was, not us
        who = None
        if kind == "name":
            who = _named(mention.group("name"), text)
            if who:
                return who, False
            if mention.start() >= clause and mention.group("name") not in _NOT_NAMES:
                return None  # "Maisie broke her arm": someone we cannot name for the reply
            continue  # a capitalised word that is no one we know: look further back
        if kind == "kin":
            owner = mention.group("owner").lower()
            if owner in _THIRD_PERSON and not note:
                return None  # "her son" in the customer's own words is someone else's
            if mention.group("poss") and before[mention.end() :].strip():
                continue  # "my mum's carer": the harm is someone else's ("mum's in" is not)
            who = _your(mention.group("rel"))
        elif kind in {"bare", "notebare"}:  # "Mum fell", "Cx says dad missed his insulin"
            who = _your(mention.group(kind))
        elif kind in {"me", "we", "body"}:
            if kind == "we" and note:
                return None  # in an agent's note "we" is the business
            if kind != "body" and _FETCHED.search(before[mention.end() :] + cue):
                continue  # "we called an ambulance", "I took her to A&E": for someone else
            if kind == "we" and _VISIT.fullmatch(cue):
                continue  # "we went to the GP": with whoever was hurt, named before
            who = "you"
        elif kind == "cx" and note:
            who = "you"
        elif kind == "pronoun":
            found = _antecedent(mentions[:index], mention.group("pronoun"), note, text)
            return (found, False) if found else None
        if who is None:
            return None  # a driver, a carer, another guest: not the customer's own
        return who, here
    return None


def _antecedent(
    earlier: Sequence[re.Match[str]], pronoun: str, note: bool, text: str
) -> str | None:
    """Whom "he" or "she" stands for: the last relation (or known name) among the mentions
    `earlier` that can be called so, past staff and other pronouns (the waitress's "she"
    between "my husband" and "he was ill"); a baby, a child or a pet can be either."""
    sex = "she" if pronoun.lower() in {"she", "her", "she's"} else "he"
    for mention in reversed(earlier):
        kind = mention.lastgroup
        if kind == "kin":
            owner = mention.group("owner").lower()
            if owner in _THIRD_PERSON and not note:
                continue
            who = _your(mention.group("rel"))
        elif kind in {"bare", "notebare"}:
            who = _your(mention.group(kind))
        elif kind == "name":
            who = _named(mention.group("name"), text) or ""
        elif kind == "cx" and note:
            return "you"
        else:
            continue
        relation = who.removeprefix("your ")
        if relation == "child":
            return "your daughter" if sex == "she" else "your son"
        if relation in (SHE if sex == "she" else HE) or (relation and relation not in HE | SHE):
            return who
    return None


def _named(name: str, text: str) -> str | None:
    """The relation a message ties a name to ("my son Jake" makes Jake "your son")."""
    return _names_in(text).get(name)


@lru_cache(maxsize=4)
def _names_in(text: str) -> dict[str, str]:
    """Every name a message ties to a relation, the first tie winning: found once a message,
    however many names its sentences mention."""
    names: dict[str, str] = {}
    for match in _NAMED_KIN.finditer(text):
        if match.group("name") or match.group("name2"):
            who = _your(match.group("rel") or match.group("rel2"))
            names.setdefault(match.group("name") or match.group("name2"), who)
        else:
            names.setdefault(match.group("name3") or match.group("name4"), "your child")
    return names


def _your(relation: str) -> str:
    """A relation as the reply names it: "your son", "your dog", "your child"."""
    word = " ".join(relation.lower().split())
    if _CHILD.match(word):
        return "your child"
    if _ANIMAL.match(word) and word not in {"dog", "dogs", "cat", "cats"}:
        return "your dog" if word not in {"kitten", "tabby"} else "your cat"
    return f"your {_KEEP.get(word, word)}"
