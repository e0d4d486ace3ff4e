"""What went wrong with an order, as a clause for after "and" or "I'm so sorry:".

Each rule is one way customers say what failed, kept in their terms and turned to the
second person: "my sofa still isn't here" -> "your sofa still isn't here". This module
holds the rules about goods (late, damaged, wrong); `services` holds those about money,
accounts, outages and people, and `RULES` is both. Within the issue fact a lower rank
wins, and a clause naming the thing ("your coffee table") beats one that only says "your
order".
"""

from __future__ import annotations

from recovery_cli.listen import services
from recovery_cli.listen.clauses import NP, PAREN, REST, START, Rule, rule, signal
from recovery_cli.listen.services import NOT_RECEIVED

_NOT_ARRIVED = signal(
    r"\b(?:still\s(?:not|no|nothing|waiting|hasn'?t|hasnt|isn'?t|isnt|haven'?t|says)|"
    r"nothing\s(?:yet|has\s(?:arrived|appeared|turned\sup|come)|pending)|not\s(?:received|"
    r"arrived|here|yet)|hasn'?t\s(?:arrived|come|turned\sup|shown)|no\ssign|"
    r"it'?s\snow|it\sis\snow|today\sis|ever\sturns\sup|it'?s\sbeen|been\sover|yet\b|"
    r"it'?s\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
_DAMAGE = (
    r"cracked|broken|smashed|damaged|dented|chipped|scratched|torn|stained|leaking|bent|"
    r"shattered|crushed|faulty|missing|snapped"
)
_NOT_COME = (
    r"still\s(?:hasn'?t|hasnt|has\snot|haven'?t|havent|have\snot|isn'?t|isnt|is\snot|"
    r"aren'?t|arent|are\snot|not)\s(?:been\s)?(?:arrived|come|turned\sup|shown\sup|here|"
    r"delivered|come\sin)"
    r"|(?:hasn'?t|hasnt|has\snot|haven'?t|havent|have\snot)\s(?:yet\s)?(?:been\s)?"
    r"(?:arrived|come|turned\sup|shown\sup|delivered|come\sin)(?:\syet)?"
    r"|(?:isn'?t|isnt|is\snot|aren'?t|arent|are\snot)\s(?:here|delivered)(?:\syet)?"
    r"|(?:is|are)\sstill\snot\shere"
    r"|never\s(?:arrived|came|turned\sup|reached\sme|got\sto\sme)"
    r"|didn'?t\s(?:arrive|turn\sup|come)"
)
_WHICH = (
    r"(?P<rel>\s(?:(?:I|we)\s(?:paid\sfor|ordered|bought|booked)"
    r"|marked\sas\sdelivered(?:\s[^,.\n]{1,30}?)?))?"
)
ARRIVAL = [
    rule(
        "issue",
        "meant|ment|supposed|due|promised",
        rf"\b(?P<det>my|our|the)\s{NP}{PAREN}\s(?:was|were)\s(?:meant|ment|supposed|due|"
        r"promised)\b",
        "{det} {np} {be} late",
        rank=1,
        needs=_NOT_ARRIVED,
    ),
    rule(
        "issue",
        "would",
        r"\b(?:told|promised|said)\b(?:[^.\n]{0,30}?\sthat)?\s(?:me\s)?(?:that\s)?"
        rf"(?P<det>my|our|a|the)\s{NP}(?P<of>\sfor\s(?:my|our)\s[\w'’]{{1,20}}(?:\s[\w'’]{{1,20}}){{0,2}})?"
        r"\swould\s(?:come|arrive|be\s(?:sent|ready|delivered|here|with\sme))\b",
        "the {np}{of} {be} late",
        rank=1,
        needs=_NOT_ARRIVED,
    ),
    rule(
        "issue",
        "refund",
        r"\b(?:the|my|a|your)\s(?P<np>refund)(?P<of>\sof\s[£$€]?\d[\d.,]{0,9}(?:\s?"
        r"(?:GBP|EUR|USD))?)?\s(?:would|will|should)\sbe\s(?:with\sme|back|processed|paid|in\smy"
        r"|on\smy)",
        "my refund{of} hasn't arrived",
        rank=1,
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "still waiting",
        rf"(?:{START}|\b(?:I'?m|I\sam|am)\s)still\swaiting\s(?P<prep>on|for)\s(?P<np>(?:the|"
        rf"my|a|your)\s(?:refund|money|replacement|credit))(?P<rest>{REST})",
        "I'm still waiting {prep} {np}{rest}",
        rank=1,
    ),
    rule(
        "issue",
        "been",
        rf"\b(?P<det>my|our)\s{NP}\s(?:has|'s)\sbeen\s(?P<where>(?:at|in|with)\s(?:your|the)\s"
        r"(?:[\w'’-]{2,15}\s){0,2}?(?:service\scent(?:er|re)|workshop|garage|repair\scent(?:er|re)|"
        r"depot|warehouse|lab|shop|store))\sfor\s(?P<dur>(?:\d{1,3}|two|three|four|five|six|seven|"
        r"eight|nine|ten|a|over\sa|nearly\s(?:\d{1,3}|two|three|four))\s(?:days?|weeks?|months?))\b",
        "{det} {np} {has} been {where} for {dur}",
        rank=2,
    ),
    rule(
        "issue",
        "ready",
        rf"\b(?P<det>my|the|our)\s{NP}\s(?:will|would)\sbe\sready\b[^.\n]{{0,40}}?\b(?:and|but)"
        r"\sit\s(?:isn'?t|wasn'?t|isnt|wasnt)\b",
        "{det} {np} {be}n't ready",
    ),
    rule(
        "issue",
        "still no",
        rf"\bstill\sno\s{NP}(?P<of>\sof\s[£$€]\d[\d.,]{{0,9}})?(?=\s?[.,;!]|\s(?:and|but|"
        r"almost|nearly|over|after)\b|$)",
        "I still have no {np}{of}",
        rank=1,
    ),
]

_MARRED = (
    r"shattered|broken|cracked|smashed|split|snapped|dented|missing|ripped|torn|bent|leaking|"
    r"damaged|crushed|scratched|dead"
)
"""What a thing that came marred is found with: "with the glass shattered", "with a dead
controller"."""
DAMAGE = [
    rule(
        "issue",
        "arriv|came|deliver|turned",
        rf"\b(?P<det>my|our|the)\s{NP}\s(?:arrived|came|was\sdelivered|turned\sup)\b"
        r"(?:(?!\b(?:fine|ok|okay|perfect|nothing|no|not|never)\b|n't)[^.;\n]){0,60}?"
        rf"\b(?:{_DAMAGE}|an?\s(?:[\w-]{{2,15}}\s){{0,2}}?(?:dent|crack|hole|chip|scratch|tear|split))\b",
        "{det} {np} arrived damaged",  # "... arrived this morning with a massive crack"
        rank=2,
    ),
    rule(
        "issue",
        "deliver",
        rf"\bdeliver(?:ing|ed)\s(?P<det>my|our)\s{NP}\swith\s(?:a\s)?(?:dent|crack|"
        r"scratch|hole|damage)",
        "{det} {np} arrived damaged",
    ),
    rule(
        "issue",
        "arrived|came|turned",
        r"\b(?P<subj>it|they|the\s(?:parcel|box|package|order|delivery))\s(?:arrived|came|turned\sup)"
        r"(?:\s(?:today|yesterday|this\smorning|last\snight))?\swith\s(?P<what>(?:the|its|one|"
        rf"two|both)\s(?:[\w-]{{2,20}}\s){{0,2}}?(?:{_MARRED})|(?:a|an)\s(?:{_MARRED}|faulty)"
        r"\s[\w-]{2,20}(?:\s(?!and\b|but\b)[\w-]{2,20})?)\b",
        "{subj} arrived with {what}",
        rank=2,
    ),
]

RULES: list[Rule] = [*ARRIVAL, *DAMAGE, *services.RULES]
"""Every issue rule, in no particular order (ranks decide)."""
