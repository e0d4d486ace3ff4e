"""What is riding on it for the customer, as a clause that follows "I know".

Each rule is one way people say why it matters: what they need it for ("I need it for my
exams next week"), what it is for ("it's for my son's birthday on Sunday"), what it has
cost them already ("I took two days off work for this"), what they cannot do without it
("I can't bathe safely without it"), and who depends on it ("my mum has been taken into
hospital"). A request is not a stake: "I need to speak to a manager" is left out.
"""

from __future__ import annotations

from recovery_cli.listen.clauses import NP, REST, Rule, rule

_WORDS = r"(?:\s(?!and\b|but\b|so\b|because\b|or\b|which\b)[\w'’£$€-]{1,20}){0,8}"
"""Up to eight more words, stopping before a new clause."""

_OCCASION = (
    r"birthday|wedding|anniversary|party|funeral|christening|graduation|retirement|hen\sdo|"
    r"stag\sdo|\d{1,3}(?:st|nd|rd|th)\b|exams?|interview|trials?|holiday|honeymoon|"
    r"school\srun|new\sjob|first\sday"
)
_FAMILY = (
    r"mum|mom|mother|dad|father|wife|husband|partner|son|daughter|child|children|kids|baby|nan|"
    r"gran|grandmother|grandfather|grandson|granddaughter|sister|brother|niece|nephew|"
    r"friend|boss|team"
)
_REQUESTS = (
    r"speak|talk|know|hear|chase|contact|call|complain|cancel|escalate|ask|tell|check|"
    r"be\stold|get\sa\srefund|return|change|update|freeze|pause|move\smy\sappointment"
)
_PAST = r"(?=[^\n]{0,200}?\b(?:booked|turned\sup|was|were|had|splashed|bought|ordered|paid)\b)"

NEEDS = [
    rule(
        "stakes",
        "need",
        r"(?:^|\b(?:I|we)\s(?:really\s|just\s|urgently\s)?)(?P<need>need|needed)\s"
        r"(?P<obj>it|them|this|these|that|the\s\w{2,15})\s(?P<rest>(?:for|to|by|before|tonight|"
        rf"today|tomorrow|this\s\w{{3,9}}|on\s\w{{3,9}})\b{_WORDS})",
        "I {need} {obj} {rest}",
    ),
    rule(
        "stakes",
        "need to|have to",
        r"(?:^|\b(?:I|we)\s(?:really\s|just\s)?)(?P<need>need|have)\sto\s"
        rf"(?!{_REQUESTS})(?P<verb>\w{{2,15}})(?P<rest>\s{REST})",
        "I {need} to {verb}{rest}",
        rank=1,
    ),
    rule(
        "stakes",
        "new job|interview|funeral|wedding|appointment|flight|exam|operation|to pay",
        r"\b(?:I|we)(?P<aux>'ve|\shave)?\s(?P<verb>start|have|got|am\sstarting)\s"
        r"(?P<what>(?:a\s(?:new\sjob|job\sinterview|interview|funeral|wedding|hospital\s"
        r"appointment|flight|exam)|an\s(?:interview|exam|operation)|exams|my\sexams|rent\sto\s"
        rf"pay|bills\sto\spay){_WORDS})",
        "I{aux} {verb} {what}",
    ),
]

OCCASIONS = [
    rule(
        "stakes",
        "for my|for our",
        r"\b(?P<subj>it'?s|its|it\sis|it\swas|this\sis|this\swas|they'?re|they\sare|"
        r"there|theyre|these\sare|which\sis)\s(?P<what>a\s(?:birthday|wedding|christmas|"
        r"anniversary|leaving|retirement)\s(?:present|gift)\s)?for\s(?P<whose>my|our)\s"
        rf"(?=[^,.;!?\n]{{0,40}}\b(?:{_OCCASION}|{_FAMILY})\b)(?P<event>[\w'’-]{{2,20}}{_WORDS})",
        "{subj} {what}for {whose} {event}",
    ),
    rule(
        "stakes",
        "for my|for our",
        rf"^{_PAST}[^\n]{{0,200}}?\bfor\s(?P<whose>my|our)\s(?P<event>(?:[\w-]{{2,15}}"
        rf"(?:'s|’s|s)?\s){{0,2}}(?:{_OCCASION}){_WORDS})",
        "it was for {whose} {event}",
        rank=1,
    ),
    rule(
        "stakes",
        "for my|for our",
        rf"\bfor\s(?P<whose>my|our)\s(?P<event>(?:[\w-]{{2,15}}(?:'s|’s|s)?\s){{0,2}}"
        rf"(?:{_OCCASION}){_WORDS})",
        "it is for {whose} {event}",
        rank=2,
    ),
    rule(
        "stakes",
        "as a",
        r"\bas\sa\s(?P<what>(?:wedding|birthday|christmas|anniversary|leaving|"
        r"retirement|housewarming)\s(?:present|gift))(?P<rest>\sfor\s(?:my|our)\s\w{2,15})?",
        "it is a {what}{rest}",
    ),
    rule(
        "stakes",
        "wedding|funeral|party|birthday|interview|exam|flight|event|ceremony|christening|operation",
        r"\b(?P<det>the|my|our)\s(?P<np>wedding|funeral|party|birthday|interview|exam|"
        r"flight|event|ceremony|christening|operation)\s(?P<pred>is|was)\s(?P<rest>(?:on|at|in)"
        rf"{_WORDS})",
        "{det} {np} {pred} {rest}",
        rank=1,
    ),
]

COSTS = [
    rule(
        "stakes",
        "off|holiday|leave",
        r"\b(?P<who>I|we)(?P<aux>'ve|\shave)?\s(?:now\s)?(?P<verb>took|taken|had|booked|"
        r"take|taking)\s(?P<span>(?:a|the|an|\w{2,6}|\d{1,2})\s(?:whole\s|full\s)?(?:days?|"
        r"afternoon|morning|week|weekend)\s(?:off(?:\swork)?|holiday|annual\sleave|unpaid\s"
        r"leave)(?:\s(?:for\sthis|for\sit|for\s(?:your|the)\s\w{2,15}(?:\sto\s[^,.;!?\n]{1,40})?))?)",
        "{who}{aux} {verb} {span}",
    ),
    rule(
        "stakes",
        "booked|coming|arranged",
        r"\bI\s(?:have|'ve\sgot|had)\s(?P<what>(?:a|an|the)\s(?:plumber|fitter|"
        r"electrician|builder|engineer|installer|removal\svan|movers|decorator|tiler|carpenter|"
        r"joiner)\s(?:booked|coming|arranged)(?:\s(?:for|on)\s[\w'-]{2,15}(?:\s[\w'-]{2,15})?)?)",
        "I have {what}",
    ),
    rule(
        "stakes",
        "late for",
        r"(?:^|\b(?P<who>I)\s|\band\s)(?:was|were)\slate\sfor\s(?P<what>work|school|"
        r"my\s\w{2,15})",
        "I was late for {what}",
    ),
    rule(
        "stakes",
        "blocked|held up|stuck|on hold|delayed|cancelled|ruined|spoil",
        rf"\b(?P<det>my|our)\s{NP}\s(?P<pred>was|were|is|are)\s(?P<what>blocked|held\s"
        r"up|stuck|on\shold|delayed|cancelled|ruined|spoiled|spoilt)(?P<rest>(?:\s[\w'-]{1,15})"
        r"{0,4})",
        "{det} {np} {pred} {what}{rest}",
        rank=1,
    ),
]

LIVES = [
    rule(
        "stakes",
        "can't|cant|cannot|can not|couldn",
        r"(?:^|\b(?:I|we)\s(?:literally\s|just\s|really\s)?)(?P<neg>can'?t|cannot|cant|"
        r"can\snot|couldn'?t)\s(?P<verb>bathe|drive|see|work|sleep|walk|cook|wash|shower|eat|"
        r"breathe|hear|get\sto\swork|pay|afford|use\sthe\sphone|leave\sthe\shouse)\b"
        rf"(?P<rest>{_WORDS})",
        "I {neg} {verb}{rest}",
    ),
    rule(
        "stakes",
        "feel",
        r"\bI\s(?P<neg>don'?t|do\snot)\sfeel\s(?P<what>safe|secure)(?P<rest>(?:\s"
        r"[\w'-]{1,15}){0,3})",
        "I {neg} feel {what}{rest}",
    ),
    rule(
        "stakes",
        "single|pensioner|carer|wheelchair|disabled|housebound|pregnant|diabetic|blind|deaf|"
        "down to|on my own|pension|hospital",
        r"\b(?P<who>I'?m|I\sam|we'?re|we\sare)\s(?P<what>a\s(?:single\sparent|"
        r"pensioner|carer|wheelchair\suser)|disabled|housebound|pregnant|diabetic|blind|deaf|"
        r"down\sto\smy\slast\s\w{2,15}|on\smy\sown|on\sa\spension|in\shospital)\b",
        "{who} {what}",
        rank=1,
    ),
    rule(
        "stakes",
        "bad back|arthritis|diabetes|asthma|epilepsy|disability|mobility|dementia|cancer|heart",
        r"\bI\s(?:have|'ve\sgot|suffer\sfrom)\s(?P<what>a\sbad\sback|arthritis|diabetes|"
        r"asthma|epilepsy|a\sdisability|mobility\sproblems|dementia|cancer|a\sheart\scondition)",
        "I have {what}",
        rank=1,
    ),
    rule(
        "stakes",
        "work from|work nights|work shifts|run a|rely on",
        r"\b(?:I|we)\s(?P<what>work\sfrom\shome|work\snights|work\sshifts|run\sa\s"
        r"(?:business|shop)|rely\son\s(?:it|this|them))\b",
        "I {what}",
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
        "depends|relies",
        rf"\b(?P<det>my|our)\s{NP}\s(?P<pred>depends\son|relies\son)\s(?P<rest>"
        rf"[\w'-]{{1,20}}{_WORDS})",
        "{det} {np} {pred} {rest}",
    ),
    rule(
        "stakes",
        "hospital|ill|sick|disabled|housebound|pain|relies",
        rf"\b(?P<det>my|our)\s(?P<who>{_FAMILY})\s(?P<pred>has\sbeen\s(?:taken\sinto|"
        r"admitted\sto|rushed\sto)\shospital|is\sin\shospital|is\s(?:ill|sick|disabled|"
        r"housebound|terminally\sill|in\spain)|relies\son\s[\w'-]{1,20})" + _WORDS,
        "{det} {who} {pred}",
    ),
    rule(
        "stakes",
        "relies|depends",
        r"\b(?P<who>he|she)\s(?P<pred>relies\son|depends\son)\s(?P<rest>[\w'-]{1,20}"
        rf"{_WORDS})",
        "{who} {pred} {rest}",
        rank=2,
    ),
    rule(
        "stakes",
        "due",
        r"\b(?P<who>he|she)(?P<be>'s|\sis)\sdue\s(?P<rest>(?:his|her)\s[\w'-]{1,20}"
        rf"{_WORDS})",
        "{who}{be} due {rest}",
        rank=2,
    ),
]

RULES: list[Rule] = [*NEEDS, *OCCASIONS, *COSTS, *LIVES]
"""Every stakes rule for the customer's own words (ranks decide between them)."""

_SOMEONE = r"(?:cust(?:omer)?|he|she)"
NOTED = [
    rule(
        "stakes",
        "booked",
        rf"\b{_SOMEONE}\s(?:has|'s\sgot)\s(?:a\s)?(?P<what>(?:fitter|plumber|"
        r"electrician|builder|engineer|installer|decorator)\sbooked(?:\s(?:for|on)\s[\w'-]{2,15})?)",
        "she has a {what}",
        voice="note",
    ),
    rule(
        "stakes",
        "needs",
        rf"\b(?:{_SOMEONE}\s)?needs\s(?P<what>(?:access\s)?to\s(?:get\sto|pay|be|"
        rf"attend|make)\s{REST})",
        "she needs {what}",
        voice="note",
    ),
    rule(
        "stakes",
        "needs|wants",
        rf"\b{_SOMEONE}\s(?:needs|wants)\s(?P<obj>these|them|it|this)\s"
        rf"(?P<rest>(?:mainly\s)?for\s{REST})",
        "she needs {obj} {rest}",
        voice="note",
    ),
    rule(
        "stakes",
        "anniversary|birthday|wedding",
        r"\bit\swas\s(?:his|her|their)\s(?P<what>"
        r"anniversary|birthday|wedding\sanniversary|\d{1,3}(?:st|nd|rd|th)\sbirthday)",
        "it was her {what}",
        voice="note",
    ),
    rule(
        "stakes",
        "for his|for her|for their",
        r"\b(?:it\swas|it'?s|is)\sfor\s(?:his|her|their)\s"
        r"(?P<what>[\w'’]{2,20}\s(?:birthday|party|wedding|exams?|anniversary)(?:\s(?:today|"
        r"tomorrow|on\s\w{3,9}))?)",
        "it is for her {what}",
        voice="note",
    ),
    rule(
        "stakes",
        "money|pension|savings",
        r"\bit'?s\s(?:his|her|their)\s(?P<what>rent\smoney|"
        r"pension|savings|\w{3,10}\smoney)\b",
        "it is her {what}",
        voice="note",
    ),
    rule(
        "stakes",
        "had a",
        r"\bhad\sa\s(?P<what>(?:conference|job\sinterview|interview|exam|flight|"
        r"presentation|meeting|funeral|wedding)(?:\s(?!and\b)[\w'-]{2,15}){0,3})",
        "she had a {what}",
        rank=1,
        voice="note",
    ),
    rule(
        "stakes",
        "kids|children|baby|newborn|toddler",
        rf"\b{_SOMEONE}\s(?:has|'s\sgot)\s"
        r"(?P<what>\d{1,2}\s(?:kids|children)|a\s(?:baby|newborn|toddler))\b",
        "she has {what}",
        rank=1,
        voice="note",
    ),
]
"""Stakes in an agent's note, said back in the second person ("she has" -> "you have")."""
