"""The words what is at stake is said in: occasions, family, trades, days, consequences.

Shared by `stakes` (purposes, what is coming, costs) and `circumstances` (who the customer
is and what they cannot do now). Each list is written for people to read and extend; the
ones built with `vocabulary` carry their own key words for the key index.
"""

from __future__ import annotations

from recovery_cli.listen.vocabulary import vocabulary

WORDS = (
    r"(?:\s(?!(?:and|but|so|because|or(?!\s(?:my|the|our|his|her)\b)|which|was|were|is|are|has|had|have|if|when|then|"
    r"please|pls|tbh|lol|asap|like|its|it's|i|i'm|im)\b)[\w£$€][\w'’£$€:/-]{0,19}){0,8}"
)
"""Up to eight more words, stopping before a new clause."""

EVENTS = vocabulary(
    "birthday|wedding|anniversary|party|do|funeral|christening|graduation|retirement|"
    "hen (?:do|party)|stag (?:do|party)|exams?|interview|trials?|holiday|honeymoon|flight|"
    "trip|school run|school trip|new job|first day|prom|concert|gig|match|game|show|"
    "conference|presentation|meeting|deadline|appointment|operation|surgery|treatment|"
    "ceremony|event|move|moving day|completion|christmas(?: dinner)?|dinner|lunch|"
    "sale|kick[ -]?off|rent|mortgage|bills?|direct debit|payment|self-assessment|"
    "term|shift|shifts|trek|visit|service|training|course|competition|recital|call|zoom|"
    "project|launch|opening|reopening|promo|bday|b'day|festival|fete|camp|submission|"
    "assignment|dissertation|thesis|coursework|essay|audition|inspection|court date|"
    "tutorial|lecture|seminar|viva|placement|scan|check-?up|consultation|appraisal|"
    "mehndi|nikah|walima|sangeet|baraat|bar mitzvah|bat mitzvah|quincea[ñn]era|baby shower|"
    "bridal shower|naming ceremony|eid|diwali|communion|reunion|final(?! (?:notice|demand|"
    "reminder|bill|warning))|tournament|marathon|"
    r"\d{1,3}(?:st|nd|rd|th)(?: birthday)?"
)
"""Occasions and deadlines a date can hang on."""

FAMILY = vocabulary(
    "mum|mom|mother|dad|father|wife|husband|partner|son|daughter|child|children|kids|baby|"
    "newborn|toddler|twins|"
    "nan|gran|grandmother|grandfather|grandson|granddaughter|sister|brother|niece|nephew|"
    "friend|boss|team|in-laws|mother-in-law|father-in-law|family|guests|people|staff|"
    "fiancée?|girlfriend|boyfriend|parents|grandparents|neighbour|carers?|pupils|students|"
    "aunt|auntie|uncle|cousin|"
    "customers|clients|patients|visitors|tenants|buyers|mam|granny|grandma|grandpa|"
    "grandad|granddad|nana"
)
TRADES = vocabulary(
    "plumber|fitter|fitters|electrician|builder|builders|engineer|installer|removal van|"
    "removal men|movers|decorator|tiler|carpenter|joiner|painter|nurse|carer|surveyor|"
    "gas engineer|kitchen fitter|van"
)
WHEN = (
    r"(?:on|at|in|by|for|from|this|next|tomorrow|today|tonight|first\sthing|before|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|"
    r"sat|sun|\d{1,2}(?:st|nd|rd|th))\b"
)
REQUESTS = (
    r"speak|talk|know|hear|chase|contact|call|complain|cancel|escalate|ask|tell|check|"
    r"be\stold|get\sa\srefund|return|change|update|freeze|pause|"
    r"move\s(?:my|our|the)\s(?:[\w'-]{1,15}\s){0,2}?(?:appointment|booking|check-?up|slot|"
    r"reservation|session|visit|delivery|date)\b|"
    r"send\sit\sback|see\sa\smanager|make\sa\scomplaint|confirm|understand|raise|"
    r"log\sin|sign\sin|reset|access|get\sin|get\sinto|get\sback\sin|use\sthe\sapp"
)
ACCESS = (
    r"log\s?in|login|sign\s(?:in|up)|get\s(?:in|into|through|back)|access|cancel|create|"
    r"reset|register|find|open\sit|believe|understand|see\swhy|get\shold"
)
WHO = (
    r"(?:(?=[iwcpsh])(?<!\ba\s)(?<!\bthe\s)(?<!\bour\s)(?<!\byour\s)(?<!\bmy\s)(?<!\bone\s)"
    r"(?:I|we|cx|cust|customer|pt|patient|she|he))"
)
"""Who a note or a message says it of; never a noun after a determiner ("for a customer's
van that's booked in at 8": the van is someone else's, and "'s" is not "has")."""
CANT = vocabulary(
    "drive|see(?! (?:whether|if|why|what|how|where|when|who|my|the|our|your|any)\\b)|"
    "work|sleep|walk|cook|wash|shower|"
    "bathe|eat|breathe|hear|read|afford|"
    "pay (?:my|the|our|for|rent|bills)|move (?:money|house|in)|get to (?:work|school|hospital)|"
    "go to (?:work|school)|go out|leave the house|clock in|heat|study|revise|"
    "travel|trade|sell|run (?:my|our|the)|get (?:my|our) boarding pass(?:es)?|"
    "take (?:my|her|his)|make (?:calls|payments|it)|"
    "contact (?:my|our)|speak to (?:my|our)|call (?:my|our)|use the (?:phone|car|kitchen|"
    "bathroom|toilet|shower|heating)|stand|sit|lift|do my job|do (?:my|our) (?:work|job)|"
    "look after|care for|get (?:my|our|the) (?:kids|children)|feed|charge my|access my money|"
    "get any sleep|concentrate|function|wait|risk|miss"
)
"""What the customer cannot do now: a consequence, not a way in ("log in")."""
VULNERABLE_WORDS = vocabulary(
    "a single (?:parent|mum|mom|dad|mother|father)|a pensioner|pensioners|a senior citizen|"
    "senior citizens|a carer|a wheelchair user|"
    "a widow(?:er)?|an agency nurse|a night nurse|a nurse|a new mum|a (?:tight|small|fixed) "
    "budget|disabled|housebound|pregnant|diabetic|coeliac|blind|deaf|elderly|vulnerable|"
    "unwell|in pain|in hospital|on a pension|on my pension|on a (?:really |very )?tight budget|"
    "anaphylactic|epileptic|asthmatic|autistic|severely allergic|"
    r"on a (?:low|fixed|limited) income|on benefits|on universal credit|on my own|"
    r"allergic to \w{2,15}|on oxygen|on dialysis|on chemo(?:therapy)?|terminally ill|"
    r"bed-?bound|immunocompromised|a garda|a police officer|a paramedic|a midwife|"
    r"a firefighter|a childminder|self-employed|a sole trader|a freelancer|"
    r"a freelance \w{3,15}|a (?:taxi|delivery|lorry|bus) driver|"
    r"down to (?:my|our) last \w{2,15}|overdrawn|stranded"
)
VULNERABLE = VULNERABLE_WORDS.pattern
"""Who the customer is, when it makes them vulnerable: keyed on these words themselves."""
LITTLE = (
    r"(?:(?:a|an|two|three|four|five|\d)\s(?:small\s|young\s|little\s|newborn\s|hungry\s|"
    r"tired\s|exhausted\s|crying\s|sick\s|poorly\s)?|"
    r"(?:small|young|little)\s(?=kids|children|babies))(?:kids?|"
    r"children|child|babies|baby|toddlers?|newborn|teenagers|teens|"
    r"\d{1,2}[\s-]?(?:months?|years?|weeks?|yrs?|mths?|mo)[\s-]old|(?:twins|grandchildren))\b"
    r"(?:\sunder\s\w{1,5})?"
)
