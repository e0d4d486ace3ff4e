"""Who the customer is and what they cannot do now: what is at stake, in their life.

"I'm an agency nurse", "Dad is housebound", "I have a 4 month old", "cx a single mum",
"I walk with a stick"; "I can't drive without them", "14 staff can't clock in", "I've only
got 2 days of pens left", "now I'm overdrawn", "Living out of a cool box".
A way in is not a consequence ("I can't log in" is what went wrong). An age alone ("I'm
84") is who the customer is, not what rides on the failure: `severity` weighs it, a draft
does not say it. What the customer cannot do ranks below an occasion or a deadline, which
says more of what is riding on it ("I can't read with them" < "I start a new job Monday").
"""

from __future__ import annotations

from recovery_cli.listen.clauses import LABELS, Rule, Voice, rule
from recovery_cli.listen.lexicon import (
    CANT,
    FAMILY,
    LITTLE,
    VULNERABLE,
    VULNERABLE_WORDS,
    WHO,
    WORDS,
)

_TRADING = (
    r"business|shop|company|café|cafe|restaurant|salon|practice|firm|pub|bakery|studio|"
    r"farm|b&b|guesthouse|stall|takeaway|clinic|nursery|gym|garage"
)
"""What a customer may run for a living ("I run a taxi business off this phone")."""

_AWAY_FROM_HOME = (
    r"floor|sofa|couch|air\s?bed|camp\sbed|chair|armchair|downstairs|hotel|b&b|hostel|caravan|tent|car|one\sroom|"
    r"boxes|suitcases?|cool\s?box|friend'?s|sister'?s|brother'?s|mum'?s|mother'?s|dad'?s|"
    r"parents'?|in-laws|relatives"
)
"""Where a household lives or sleeps while it cannot be at home."""

_CUT = r"before|after|when|while|until|and|but|so|because|as|then"
"""Words that start another clause ("... out of the seat before I could pull over")."""

_FRAIL = r"elderly|disabled|frail|sick|housebound|bed-?bound|blind|deaf|vulnerable|infirm"
_CONDITIONS = (
    r"dementia|alzheimer'?s|parkinson'?s|(?-i:MS)|multiple\ssclerosis|motor\sneurone\sdisease|"
    r"cancer|heart\sfailure|a\sheart\scondition|a\spacemaker|emphysema|crohn'?s|sickle\scell|"
    r"cerebral\spalsy|cystic\sfibrosis|long\scovid|epilepsy|diabetes|autism|"
    r"(?:a\s)?learning\sdisabilit(?:y|ies)|(?:stage\s\d\s|chronic\s|severe\s)?(?:kidney|"
    r"liver|lung)\sdisease"
)
"""Long-term conditions one of the family lives with ("Grandad is 91 and has dementia")."""
_CARED_FOR = r"disabled|autistic|deaf|blind|housebound|bed-?bound"
_FRAIL_FAMILY = rf"an?\s(?:severely\s)?(?:{_CARED_FOR})\s(?:{FAMILY.pattern})\b"
"""One of the family who needs care: "a disabled son", "a deaf wife" (an elderly mother is
read with what she needs, by the rules of what is at stake)."""


NOTE_WHO = r"(?:the\s)?(?:caller|patient|pt|client|tenant|resident|member)"
"""What a note may call the customer, which a reader may not know for a note."""


_LABEL = rf"(?:{LABELS})(?:[,.;!?]|\s?$)"
"""An agent's one-word label for the caller ("caller is elderly"): it weighs in severity,
but said back to them ("as you are elderly") it reads as a label, not as listening."""


def _caller(voice: Voice, template: str) -> Rule:
    """Who the caller is, in a note ("Caller is a garda", "Pt on Universal Credit")."""
    return rule(
        "stakes",
        "caller|patient|pt|client|tenant|resident|member",
        rf"(?:^|[,.;]\s){NOTE_WHO}(?:\s(?:is|was))?\s(?:also\s|now\s)?(?!{_LABEL})"
        rf"(?P<what>{VULNERABLE})(?P<rest>{WORDS})",
        template,
        rank=2,
        voice=voice,
    )


def _gift(whose: str, voice: Voice) -> Rule:
    """A thing given by someone who has died ("glasses were a gift from late husband")."""
    return rule(
        "stakes",
        "gift|present",
        r"(?:\b(?P<det>the|my|our|her|his|these|this)\s|(?:^|[,.;:]\s|\s[-–—]\s)(?P<bare>))"
        r"(?P<np>(?:[\w'-]{2,15}\s)?[\w'-]{2,15})\s(?P<was>was|were|is|are)\s(?:a|the|my|her|his)\s"
        r"(?:last\s)?(?:gift|present)\sfrom\s(?:(?:my|her|his|our|their)\s)?"
        rf"(?P<who>late\s(?:{FAMILY.pattern}))\b",
        "{det} {np} {was} a gift from " + whose + " {who}",
        voice=voice,
    )


def _left(verb: str, template: str) -> Rule:
    """How little the customer has left ("I've only got 2 days of insulin left", "Cust has
    approx 3 days supply"); "only" goes after "has", which a note's turn cannot agree."""
    return rule(
        "stakes",
        "got|have|left|enough|last",
        rf"\b(?P<who>{WHO}){verb}\s(?:only\s|approx\.?\s|about\s|around\s|roughly\s)?"
        r"(?P<what>(?:enough\sfor\s)?(?:\d{1,3}|one|two|three|four|five|a\sfew|a\scouple\sof)\s"
        r"(?:more\s)?(?:days?|weeks?|doses?|pens?|tablets?|tabs|pills?|nappies|vials?|pairs?|left|"
        r"bottles?)"
        r"(?:\sof\s(?:(?:his|her|my|their|our|the)\s)?(?:(?!left\b)[\w'-]{2,15}\s)?[\w'-]{2,15})?"
        r"(?:\s(?:left|supply|worth))?)",
        template,
        rank=1,
        voice="any",
    )


def _cant(without: bool) -> Rule:
    """What the customer cannot do now. "I can't read my labels without them" says what
    the thing is for and "we can't afford it" what the money is, so they rank with an
    occasion; a bare "I can't go out" ranks below."""
    need = r"(?:(?<=afford)|(?=[^,.;!?\n]{0,60}\bwithout\b))" if without else ""
    rest = (
        r"(?:(?P<rest>[^,.;!?\n]{0,60}?\swithout\s(?:them|it|this|(?:my|his|her|their|the)\s"
        rf"[\w'-]{{2,15}}))|(?P<more>{WORDS}))"
        if without
        else rf"(?P<rest>{WORDS})"
    )  # "can't read or see clearly without them": never cut to "can't read"
    return rule(
        "stakes",
        "can't|cant|cannot|can not|can no|couldn|unable|able",
        rf"(?:^|(?<!thing\s)\b(?P<who>I|we|\d{{1,3}}\s(?!and\b|or\b|but\b)[\w'-]{{2,15}}|cx|she|he|the\s[\w'-]{{2,15}})\s"
        r"(?:literally\s|just\s|really\s|still\s|now\s)?|\b(?:and|so|now)\s)(?P<neg>can'?t|"
        r"cannot|cant|can\snot|can\sno\slonger|couldn'?t|won'?t\sbe\sable\sto|(?:will\s)?not\sbe\sable\sto|"
        r"am\sunable\sto|unable\sto)\s"
        rf"(?:even\s|legally\s|safely\s)?(?P<verb>{CANT.pattern})\b{need}{rest}",
        "{who} {neg} {verb}{rest}{more}" if without else "{who} {neg} {verb}{rest}",
        rank=0 if without else 1,
        voice="any",
    )


RULES: list[Rule] = [
    rule(
        "stakes",
        "got",
        rf"(?:^|(?<=[,;:]\s))(?:I'?ve\s|I\shave\s)?got\s(?P<what>{LITTLE}|{_FRAIL_FAMILY})"
        r"(?=[,.;!?]|$|\s(?:who|and|with|to|in|at|so|that|under)\b)"
        rf"(?P<rest>{WORDS})",
        "I've got {what}{rest}",
    ),
    rule(
        "stakes",
        "restraining|barring|protection|protective|non-molestation",
        rf"\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shas|'s|\shad)?(?P<got>\sgot)?\s(?P<what>an?\s"
        r"(?:restraining|barring|protection|protective|non-molestation)\sorder)"
        r"(?P<rest>\sagainst\s(?:him|her|them|(?:my|our|his|her)\s[\w'-]{2,15}))?",
        "{who}{aux}{got} {what}{rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "restraining|barring|protection|protective|non-molestation",
        r"\bthere(?:'s|’s|\sis)\s(?P<what>an?\s(?:restraining|barring|protection|protective|"
        r"non-molestation)\sorder)(?P<rest>\sagainst\s(?:him|her|them|(?:my|our|his|her)\s"
        r"[\w'-]{2,15}))?",
        "there is {what}{rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "living|staying|sleeping|lived|stayed|slept",
        rf"\b(?P<who>{WHO}|(?:(?:my|our|the)\s)?(?:{FAMILY.pattern})(?:\sof\s(?:\w{{3,5}}|\d)|\sis\s"
        rf"\d{{2,3}}\sand)?)(?P<aux>'ve|"
        r"\shave|\shas|'s|\shad)?\s(?P<what>been\s(?:living|staying|sleeping)\s(?:downstairs\s)?(?:on|in|at|with|"
        r"out\sof)\s(?:[\w'’-]{1,15}\s){0,6}?(?:" + _AWAY_FROM_HOME + r")(?:\s[\w'’-]{1,15}){0,4}?"
        r"(?:\s(?:since|for)\s(?:[\w'’-]{1,15}\s){0,3}?[\w'’-]{1,15})?)(?=[,.;:!?]|$|\s(?:waiting|"
        r"while|because|and|but|so|as)\b)",
        "{who}{aux} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "alone|lives|living",
        rf"(?:\b(?P<det>my|our|his|her)\s|^(?P<bare>)(?!(?:mum|dad|mom|mam)\b))(?P<np>(?:(?:{_FRAIL})\s)?(?:"
        rf"{FAMILY.pattern}))(?:,\s[^,\n]{{2,40}},)?,?\s(?:who\s)?(?P<age>is\s(?:\d{{2,3}}|"
        rf"{_FRAIL})\sand\s)?(?P<how>lives\s(?:alone|on\s(?:her|his|their)\sown))\b",
        "{det} {np} {age}{how}",
        voice="any",
    ),
    rule(
        "stakes",
        "alone|own",
        r"\b(?P<who>he|she)(?P<be>\sis|'s)\s(?P<age>\d{2,3})\sand\s(?P<how>lives\s(?:alone|on\s"
        r"(?:his|her)\sown))\b",
        "{who}{be} {age} and {how}",
        voice="any",
    ),
    _gift("my", "customer"),
    _gift("her", "note"),
    rule(
        "stakes",
        "lives|living",
        rf"(?:\b(?P<det>my|our|his|her)\s|^(?P<bare>)(?!(?:mum|dad|mom|mam)\b))(?P<np>(?:{_FRAIL})\s(?:{FAMILY.pattern}))"
        r"\s(?:who\s)?(?:lives|living|is\sliving)\s(?P<with>with\s(?:me|us|her|him|them))\b",
        "{det} {np} lives {with}",
        voice="any",
    ),
    rule(
        "stakes",
        "hospital",
        rf"\b(?P<who>I|we|she|he|(?:my|our)\s(?:{FAMILY.pattern}))\s(?P<what>(?:was|were|got|had\sto"
        r"\sbe)\s(?:admitted\sto|taken\sto|rushed\sto|taken\sinto|rushed\sinto|kept\sin)\s"
        rf"hospital)(?P<rest>{WORDS})",
        "{who} {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "from home",
        r"\b(?P<who>I|we|she|he)\s(?:also\s|mainly\s|now\s|mostly\s)?(?P<what>(?:work|works)\s"
        r"(?:(?!from\b)[\w'-]{1,15}\s){0,3}?from\shome)(?!,?\s(?:so|and)\s(?:I|we)\s(?:saw|was|"
        rf"were|would|know|heard|(?:have|'ve)\sbeen)\b)(?P<rest>{WORDS})",
        "{who} {what}{rest}",
        voice="any",
    ),
    _caller("customer", "I am {what}{rest}"),
    _caller("note", "she is {what}{rest}"),
    _cant(without=True),
    _cant(without=False),
    rule(
        "stakes",
        "drive",
        r"(?:^|[.!?]\s)(?P<who>I|we)\s(?P<neg>don'?t|do\snot)\s(?:even\s)?drive\b(?=[,.;!?]|$|\s(?:and|so|"
        r"myself)\b)",
        "{who} {neg} drive",
        rank=1,
    ),
    rule(
        "stakes",
        "year old|month old|week old|baby|toddler|newborn",
        r"\b(?P<det>my|our)\s(?P<what>\d{1,2}[\s-](?:year|month|week)[\s-]old|baby|toddler|newborn)\s"
        rf"(?P<pred>sleeps|uses|plays|eats|drinks|lives|shares|goes)\b(?P<rest>{WORDS})",
        "{det} {what} {pred}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "|".join(
            [
                *(f"{det} {n}" for det in ("my", "our") for n in range(1, 10)),
                "baby",
                "toddler",
                "newborn",
            ]
        ),
        r"\b(?P<det>my|our)\s(?P<what>\d{1,2}[\s-]?(?:yo|y/o|(?:year|yr|month)[\s-]old)(?:\s(?:son|"
        r"daughter|boy|girl))?|baby|toddler|newborn)\s(?P<pred>(?:was|got)\s(?:nearly\s|almost\s|"
        r"just\s)?(?:out|stuck|trapped|burned|burnt|cut|hurt|choking)|had\s(?:it|one|them|some)|"
        r"(?:nearly|almost)\s"
        rf"(?:swallowed|fell|choked|drank|ate)|could\shave\s(?:swallowed|choked|died|been))"
        rf"(?P<rest>(?:\s(?!(?:{_CUT})\b)[\w'’-]{{1,15}}){{0,6}})(?=[,.;:!?]|$|\s(?:{_CUT})\b)",
        "{det} {what} {pred}{rest}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "worse",
        r"\b(?:made|has\smade|have\smade|making)\s(?P<what>(?:my|his|her|our)\s(?:[\w-]{2,15}\s)?"
        r"(?:knee|back|neck|shoulder|hip|wrist|ankle|pain|condition|asthma|eczema|skin|injury|"
        r"symptoms|anxiety|migraines?))\s(?:much\s|a\slot\s|even\s)?worse\b",
        "it made {what} worse",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "passed away|died",
        r"\b(?P<det>my|our)\s(?P<who>dog|cat|pet|horse)\s(?P<pred>passed\saway|has\spassed\saway|died)"
        rf"(?P<rest>{WORDS})",
        "{det} {who} {pred}{rest}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "feel",
        r"\bI\s(?P<neg>don'?t|do\snot)\sfeel\s(?P<what>safe|secure)(?P<rest>(?:\s"
        r"[\w'-]{1,15}){0,3}(?:(?<=\sown)\s[\w'-]{1,15})?)",
        "I {neg} feel {what}{rest}",
    ),
    rule(
        "stakes",
        "|".join(VULNERABLE_WORDS.keys),
        rf"\b(?P<who>I'?m|I\sam|Im|we'?re(?<!were)|we\sare|I\swas|we\swere|(?:(?:my|our)\s)?"
        rf"(?:{FAMILY.pattern}|(?<=my\s)ma|(?<=our\s)ma)(?:\sis|\sare|'s)|(?:she|he)(?:'s|\sis)|(?:cx|cust|customer)"
        rf"(?P<be>\sis|\swas)?)\s(?:now\s|also\s|only\s|just\s)?(?P<what>{VULNERABLE})"
        rf"(?!\s(?:{FAMILY.pattern})\b)(?P<rest>{WORDS})",  # not "cx elderly mum lives w/ her"
        "{who}{are} {what}{rest}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "use|uses|rely|relies|depend|depends|need|needs",
        rf"\b(?P<who>I|we|(?:my|our)\s(?:{FAMILY.pattern})|she|he)\s(?P<verb>uses?|relies\son|"
        r"rely\son|depends?\son|needs?)\s(?P<what>(?:a|an|her|his|my|our|their)\s(?:[\w-]{2,12}\s)?"
        r"(?:wheelchair|nebuli[sz]er|oxygen(?:\ssupply|\smachine|\sconcentrator)?|walking\sframe|"
        r"walker|stair-?lift|hoist|ventilator|cpap(?:\smachine)?|dialysis\smachine|insulin\spump|"
        r"feeding\spump|mobility\sscooter|hearing\saids?|electric\sbed|ramp)"
        rf"|(?:home\s)?oxygen)(?P<rest>{WORDS})",
        "{who} {verb} {what}{rest}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "have|has|got",
        rf"\b(?P<who>{WHO}|my\s[\w'-]{{2,15}})(?P<aux>'ve|\shave|\shas|'s)?(?P<got>\sgot)?\s"
        rf"(?P<what>{LITTLE}|{_FRAIL_FAMILY}|a\sbad\sback|arthritis|diabetes|asthma|epilepsy|a\sdisability|"
        r"mobility\sproblems|dementia|cancer|a\sheart\scondition|an?\s(?:[\w-]{2,15}\s)?allergy|"
        r"(?:stage\s\d\s|chronic\s|severe\s)?(?:kidney|heart|liver|lung|motor\sneurone)\sdisease|"
        r"(?:a\s)?(?:bad\s)?(?:back|knee|neck|shoulder|hip|wrist|ankle|leg|head)\sinjury)"
        rf"(?P<rest>{WORDS})",
        "{who}{aux}{got} {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "work|works|walk|walks|rely|relies|run|depend|depends|use|uses",
        rf"\b(?P<who>{WHO})\s(?P<what>(?:work|works)\s(?:nights|shifts|weekends)|(?:walk|walks)\swith\sa\s(?:stick|frame)|(?:rely|"
        r"relies|depend|depends)\son\s(?:it|this|them|[\w'-]{2,15})|"
        rf"(?:run|runs)\s(?:a|an|my|our|the)\s(?:[\w'’-]{{2,15}}\s){{0,2}}?(?:{_TRADING})|"
        r"(?:use|uses)\s(?:it|the\s[\w'-]{2,15}|a\swheelchair)\sto\s[\w'-]{2,15})"
        rf"(?P<rest>{WORDS})",
        "{who} {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "drive for|drives for",
        r"(?:^|\b(?P<who>I|we|she|he|(?:my|our)\s[\w'-]{2,15})\s(?:also\s|both\s|now\s)?)"
        r"(?P<what>(?:drive|drives)\sfor\s(?:a\sliving|work|(?:my|her|his)\s(?:job|work)))\b"
        rf"(?P<rest>{WORDS})",
        "{who} {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "works from|does not drive|doesn't drive|doesnt drive",
        r"\b(?P<who>cx|cust|customer|she|he)\s(?:also\s|now\s)?(?P<what>works\sfrom\shome|"
        r"(?:doesn'?t|does\snot)\sdrive)\b",
        "{who} {what}",
        rank=1,
        voice="note",
    ),
    rule(
        "stakes",
        "has|got",
        rf"(?:\b(?P<det>my|our|his|her)\s|(?:^|(?<=[,;]\s))(?P<bare>)(?!(?:mum|dad|mom|mam)\b))"
        rf"(?P<np>{FAMILY.pattern})"
        rf"(?P<age>\sis\s\d{{2,3}}\sand)?\s(?P<has>has|has\sgot|'s\sgot)\s(?P<what>{_CONDITIONS})\b",
        "{det} {np}{age} {has} {what}",
        rank=1,
        voice="any",
    ),
    _left(
        r"(?P<aux>'ve|\shave|\shas)\s(?:only\s|just\s)?(?P<verb>got)",
        "{who}{aux} only {verb} {what}",
    ),
    _left(r"'s\s(?:only\s|just\s)?(?P<verb>got)", "{who} has only {verb} {what}"),  # not "Cust's"
    _left(r"\s(?:only\s|just\s)?(?P<verb>have|has)", "{who} {verb} only {what}"),
    rule(
        "stakes",
        "out of",
        r"\b(?P<who>I|we|he|she|(?:my|our)\s(?:[\w'’-]{2,15}\s)?[\w'’-]{2,15})"
        r"(?P<be>'s|'m|'re|'ve|\s(?:is|am|are|has|have|had|was|were))\s(?P<adv>(?:now|completely|"
        r"already|nearly|almost)\s)?(?P<ran>(?:run|ran|running)\s)?out\sof\s(?P<what>"
        r"(?:his|her|my|their|our)\s(?:[\w'’-]{2,15}\s){0,2}?(?:insulin|medication|medicine|meds|"
        r"tablets|pills|inhalers?|warfarin|blood\sthinners|epipens?|formula|nappies|oxygen|"
        r"antibiotics|prescription))\b(?:\s\([^()\n]{1,30}\))?(?P<when>\s(?:tonight|today|"
        r"tomorrow|now|this\s(?:morning|afternoon|evening)))?",
        "{who}{be} {adv}{ran}out of {what}{when}",
        rank=0,
        voice="any",
    ),
    rule(
        "stakes",
        "overdrawn|stranded|living|hand-washing|without|out of|freezing|sat in|sitting in",
        r"\b(?P<who>I'?m|I\sam|we'?re(?<!were)|we\sare|I\swas|we\swere|and\swas|(?:cx|cust)(?:\sis)?)\s"
        r"(?:now\s|still\s)?(?P<what>"
        r"overdrawn|stranded|living\sout\sof|hand-washing|without|out\sof|freezing|"
        r"(?:sat|sitting)\sin(?![^.;!?\n]{0,60}\b(?:when|while)\s))(?P<rest>(?:\s(?!(?:when|while|and|but|because|as|until|till|so)\b)"
        r"[\w'’-]{1,20}){1,6})",
        "{who} {what}{rest}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "kid|kids|child|children|baby|babies|toddler|toddlers|newborn|twins|teenagers|teens",
        rf"\band\s(?P<what>{LITTLE})(?=\s?[.!?]|$)",
        "{me} have {what}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "kid|child|bab|toddler|newborn|old|twins|teen",
        rf"(?:^|[,;]\s|\band\s)(?:{NOTE_WHO}\s)?(?:has|have)\s(?:got\s)?(?P<what>{LITTLE})(?=[,.;!?]|$|\s(?:and|"
        r"so)\b)",
        "{me} have {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "injury",
        r"(?:^|[,;]\s|\band\s)(?:has|have)\s(?:got\s)?(?:a\s)?(?P<what>(?:bad\s)?(?:back|knee|neck|"
        r"shoulder|hip|wrist|ankle|leg|head)\sinjury)(?=[,.;!?]|$|\s(?:and|so)\b)",
        "{me} have a {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "kid|child|bab|toddler|newborn|old|twins",
        rf"^(?P<what>{LITTLE})\b(?P<rest>{WORDS})",
        "{me} have {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "slept|sleep",
        rf"(?:^|\b(?P<who>{WHO})\s)(?P<what>(?:slept|had\sto\ssleep)\s(?:in|on|at)\s(?:the|a|an|my|our)\s"
        r"(?:[\w'-]{2,15}\s)?(?:car|van|floor|sofa|couch|airport|station|terminal|chair|armchair|"
        r"lounge|corridor|waiting\sroom))(?=[,.;!?]|$|\s(?:and|so|because)\b)",
        "{who} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "nearly|almost",
        rf"(?:\b(?P<det>my|our|his|her|their)\s|(?:^|[,;]\s)(?P<bare>)(?!(?:mum|dad|mom|mam)\b))(?P<np>dog|cat|puppy|kitten|"
        rf"pet|horse|{FAMILY.pattern})\s(?P<pred>(?:nearly|almost)\s(?:choked|died|drowned|"
        r"suffocated|fell\s(?:down|out|off)(?:\s(?:of\s)?(?:the|a)\s[\w-]{2,15})?))\b",
        "{det} {np} {pred}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "living|sleeping|stuck|stranded|freezing",
        r"^(?P<what>(?:living|sleeping|stuck|stranded|freezing)\s(?:out\sof|on|in|at|"
        r"without|with)\s(?:[\w'’-]{1,20}\s){0,9}?[\w'’-]{2,20})(?=[,.;!?]|$)",
        "{me}'m {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "money",
        r"\b(?:it'?s|it\sis|that'?s|that\sis|this\sis)\s(?P<what>(?:a\slot|a\sgreat\sdeal|a\s"
        r"fortune)\sof\smoney|my\s(?:rent|food|bill|birthday|christmas|savings|pension)\smoney)"
        r"(?P<rest>\s(?:to|for)\s(?:me|us))?",
        "it is {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "impossible|nightmare",
        r"\b(?P<what>working\sfrom\shome|work|school|sleeping)\s(?P<pred>is\s(?:"
        r"impossible|a\snightmare)|has\sbeen\simpossible)",
        "{what} {pred}",
    ),
    rule(
        "stakes",
        "hospital|ill|sick|disabled|housebound|pain|passed away|died|broken|broke|fractured|"
        "sprained|injured|hurt|dislocated",
        rf"(?:\b(?P<det>my|our)\s|^(?P<bare>)(?!(?:mum|dad|mom|mam)\b))(?P<np>(?:{_FRAIL}\s)?(?:{FAMILY.pattern}))\s"
        r"(?P<pred>has\sbeen\s(?:taken\sinto|"
        r"admitted\sto|rushed\sto)\shospital|is\sin\shospital|is\s(?:ill|sick|disabled|"
        r"housebound|terminally\sill|in\spain)|(?P<weak>passed\saway|has\spassed\saway|died)|"
        r"is\sbeing\s(?:discharged|released|sent\shome)\sfrom\shospital(?:\s(?:on|this|next|"
        r"tomorrow|today|tonight|\d{1,2}(?:st|nd|rd|th))(?:\s[\w'’-]{1,15}){0,2}?)?(?=[,.;!?]|"
        r"\s(?:and|but|so)\b|$)|(?:has|had)\s(?:just\s)?(?:broken|fractured|sprained|injured|"
        r"hurt|dislocated)\s(?:her|his|their|my)\s[\w'-]{2,15})" + WORDS,
        "{det} {np} {pred}",
        voice="any",
    ),
    rule(
        "stakes",
        "lose|losing",
        r"\b(?P<said>(?:I|we)(?:'m|'ll|\swill|\sam|\sare|'re|\scould|\smight)?\s(?:now\s)?"
        r"(?:going\sto\s|gonna\s|about\sto\s|set\sto\s|likely\sto\s|at\srisk\sof\s)?"
        r"(?:lose|losing)\s(?:part\sof\s|some\sof\s|all\sof\s|half\s(?:of\s)?)?(?:my|our)\s"
        r"(?:deposit|job|booking|place|flight|holiday|house|home|business|contract|tenancy|sale|"
        r"purchase|slot|licence|license))\b",
        "{said}",
        rank=2,
    ),
    rule(
        "stakes",
        "overdraft",
        r"\b(?:pushed|put|sent|tipped|took|taken)\s(?:me|us)\s(?:(?:straight|right)\s)?"
        r"into\s(?:my|our)\s(?P<what>(?:unarranged\s)?overdraft)\b",
        "it pushed me into my {what}",
        rank=2,
    ),
    rule(
        "stakes",
        "overdraft",
        r"\b(?:I|we)(?:'?ve|\shave)?\s(?:now\s)?(?:went|gone|ended\sup)\s(?:(?:straight|right)\s)?"
        r"into\s(?:my|our|the)\s(?P<what>(?:unarranged\s)?overdraft)\b",
        "I went into my {what}",
        rank=2,
    ),
    rule(
        "stakes",
        "overdraft",
        r"\b(?:I'?m|I\sam|we're|we\sare)\s(?:now\s)?in\s(?:my|our|the)\s"
        r"(?P<what>(?:unarranged\s)?overdraft)\b",
        "I'm in my {what}",
        rank=2,
    ),
]
"""Every shape of the customer's circumstances (ranks decide between them)."""
