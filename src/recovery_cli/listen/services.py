"""What went wrong with money, an account, a service or a person, said back to the customer.

"you've charged me twice for the same order" -> "you were charged twice for the same order",
"your app logged me out" -> "our app logged you out", "the pharmacist lectured me" -> "the
pharmacist lectured you". The rules about goods are in `issues`.
"""

from __future__ import annotations

from recovery_cli.listen.clauses import LONG_REST, NP, PAREN, REST, START, Rule, rule, signal

NOT_RECEIVED = signal(
    r"\b(?:never|nothing|not\shere|haven'?t\s(?:had|got|received)|havent\s(?:had|got)|"
    r"didn'?t\s(?:get|receive|sign)|wasn'?t|no\sparcel|no\ssign|nowhere|not\sreceived|"
    r"(?:nobody|no\sone|no-one)(?:'s|\shas)?\s(?:knocked|called|came|rang|been)|no\svan|"
    r"isn'?t\s(?:even\s)?(?:mine|here|ours))\b"
)
"""Some sign in the message that a thing never reached the customer."""

_STAFF_DID = (
    r"threw|dropped|spilled|spilt|knocked|broke|smashed|damaged|lost|scratched|dragged|"
    r"lectured|shouted\sat|laughed\sat|read\sout|ignored|snapped\sat|swore\sat|trampled"
)

_FOR_WHAT = (
    r"(?P<rest>\sfor\s(?:[^,.;!?\n—–(]|[.,](?=\d)){1,50}?(?=[,.;!?](?!\d)|[\n—–]|\s[-(]|$))?"
)
"""What a double charge was for, up to the end of its clause ("for order #44821", not the
sum after a dash)."""

MONEY = [
    rule(
        "issue",
        "charged|billed",
        r"\b(?:you|u|they|you\sguys)(?:'ve|\shave|ve)?\s(?:charged|billed)\sme\s"
        rf"(?P<what>twice|double|two\stimes){_FOR_WHAT}",
        "I was charged twice{rest}",
    ),
    rule(
        "issue",
        "charged|billed",
        r"\bI\s(?:was|have\sbeen|'ve\sbeen|got)\s(?:charged|billed)\s(?:twice|double)"
        rf"{_FOR_WHAT}",
        "I was charged twice{rest}",
    ),
    rule(
        "issue",
        "charged me",
        r"\bcharged\sme\s(?P<what>(?:a|an)\s[^,.;!?\n]{1,50}?)(?=\sfor\sit\b|[,.;!?\n]|$)",
        "I was charged {what}",
        rank=1,
    ),
    rule(
        "issue",
        "bounced|failed|declined|rejected|refused",
        rf"\b(?P<det>your|the|my)\s{NP}\s(?P<pred>bounced|failed|was\s(?:declined|"
        rf"rejected|refused))(?P<rest>\sbecause\s{REST})?",
        "{det} {np} {pred}{rest}",
        rank=1,
    ),
    rule(
        "issue",
        "reminder|letter",
        r"\bI\s(?:got|received|was\ssent)\sa\s(?P<what>(?:reminder|bill|letter|invoice)\swith\s"
        r"(?:a\s)?[^,.;!?\n]{1,30}?\s(?:added|on\sit))",
        "I got a {what}",
        rank=1,
    ),
]

ACCESS = [
    rule(
        "issue",
        "keeps|just says",
        r"\b(?P<subj>it|the\s(?:app|site|website|page|system)|your\s(?:app|site|website|"
        r"system))\s(?P<pred>keeps\s(?:saying|telling\sme|showing|asking)|just\ssays)\s"
        r"(?P<what>\"[^\"\n]{1,60}\"|[^,.;!?\n]{1,40}(?=[,.;!?\n]|$))",
        "{subj} {pred} {what}",
        rank=3,
    ),
    rule(
        "issue",
        "logged me out|locked me out|let me",
        r"\b(?P<subj>your|the|my)\s(?P<np>app|site|website|system|account)\s(?P<pred>"
        r"logged\sme\sout|locked\sme\sout|won'?t\slet\sme\s(?:in|log\sin|sign\sin))"
        rf"(?P<rest>\sand\s{LONG_REST})?",
        "{subj} {np} {pred}{rest}",
    ),
    rule(
        "issue",
        "never got|never get|never rec|didn't get|didnt get|didn't rec|didnt rec|"
        "haven't got|haven't rec|havent got|havent rec",
        r"\b(?:I\s)?(?<!\bthey\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bit\s)(?<!\byou\s)(?<!\bwe\s)"
        r"(?P<neg>never|didn'?t|haven'?t|havent|didnt)\s(?P<verb>got|get|received?)\s"
        r"(?P<np>(?:the|a|my|any)\s(?:[^,.;!?()\n]|[.,](?=\d)){1,40})",  # "my £89.99 back"
        "I {neg} {verb} {np}",
        rank=1,
    ),
    rule(
        "issue",
        "expired",
        rf"\b(?P<det>your|the|my)\s{NP}\s(?P<pred>\"?expired\"?)(?P<rest>\s(?:at|on|before)"
        r"\s\w{2,12})?",
        "{det} {np} {pred}{rest}",
        rank=1,
    ),
]

_OUT = (
    r"(?:has|have)\sbeen\s(?:completely\s|totally\s)?(?:down|offline|dead|broken|declining"
    r"\s[\w\s]{1,30}?(?=\s(?:since|for)\b|[,.;!?\n]|$))|(?:is|are|went|keeps\sgoing)\s(?:completely\s|still\s)?(?:down|"
    r"offline|dead)|(?:won'?t|wont)\s(?:open|load|connect|work|turn\son)|doesn'?t\s(?:work|load|"
    r"open|connect)|(?:isn'?t|is\snot)\sworking|keeps\s(?:crashing|freezing|logging\sme\sout|"
    r"dropping)|(?:has\s)?stopped\sworking"
)
_VISITORS = (
    r"engineer|technician|driver|fitter|nurse|surveyor|courier|plumber|electrician|installer"
)
_DELIVERED = r"\s(?:as\s)?[\"“]?delivered\b"
SERVICE = [
    rule(
        "issue",
        "delivered",
        rf"\b(?:says?|shows?|said|showing)\s(?:that\s)?(?P<det>my|our|the)\s{NP}{PAREN}\s(?:was|were|"
        rf"is|are|has\sbeen|have\sbeen)\s(?:marked{_DELIVERED}|[\"“]?delivered\b)",
        "{det} {np} show{s} as delivered but {has}n't reached me",
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "marked",
        rf"\bmarked\s(?P<det>my|our|the)\s{NP}{_DELIVERED}",
        "{det} {np} show{s} as delivered but {has}n't reached me",
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "marked",
        rf"(?:\b(?P<det>my|our|the)\s|{START}(?P<bare>)){NP}\s(?:was\s|is\s|has\sbeen\s)?"
        rf"marked{_DELIVERED}",
        "{det} {np} show{s} as delivered but {has}n't reached me",
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "delivered",
        r"\b(?:tracking|it|the\sapp|my\sapp|your\sapp|the\swebsite)\s(?:for\s[^,.;!?\n]{1,25}"
        rf"\s)?(?:says|shows|said)\s(?P<det>my|our|the)\s{NP}\s(?:(?:was|were|as|is|has\sbeen)\s)?"
        r"\"?(?:marked\s)?(?:as\s)?delivered",
        "{det} {np} show{s} as delivered but {has}n't reached me",
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "delivered",
        r"\b(?:your\s|the\s)?(?:courier|tracking|app|site|website)(?:\s(?-i:[A-Z])[\w-]{1,20})?\s"
        r"(?:says|shows|said|showed)\s[\"“]?(?:marked\s)?(?:as\s)?delivered\b",
        "my parcel shows as delivered but hasn't reached me",
        rank=4,
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "tracking",
        rf"\btracking\s(?:for|on)\s(?P<det>my|our|the)\s{NP}{PAREN}\s(?:says|shows|said)\s"
        r"[\"“]?(?:marked\s)?(?:as\s)?delivered",
        "{det} {np} show{s} as delivered but {has}n't reached me",
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "waited",
        rf"{START}(?:I\s)?waited\s(?P<when>in\s[\w\s]{{1,20}}?|all\s\w{{3,9}})\sfor\s"
        rf"(?P<who>@\w{{1,30}}|you|your\s\w{{2,15}}|the\s\w{{2,15}})\sto\s(?P<what>{REST})",
        "I waited {when} for you to {what}",
        rank=1,
        needs=signal(
            r"\b(?:no\sshow|no[\s-]?one\s(?:came|arrived|turned\sup)|nobody\s(?:came|"
            r"arrived|turned\sup)|never\s(?:came|showed|turned\sup)|didn'?t\s(?:turn|show))"
        ),
    ),
]

PEOPLE = [
    rule(
        "issue",
        "to cancel",
        rf"(?:{START}|\bI(?:'ve|\shave)?\s)(?P<verb>tried|been\strying)\sto\scancel\s(?P<what>my"
        rf"\s{REST})",
        "I have {verb} to cancel {what}",
        rank=1,
    ),
    rule(
        "issue",
        "rude",
        r"^(?:subject:\s)?rude\s(?P<np>staff|service|driver|receptionist|manager|agent|advisor)"
        r"(?P<at>\s(?:at|in)\s(?:your|the)\s[\w\s'’]{1,30})?$",
        "the {np}{at} {were} rude",
        rank=1,
    ),
]

_BAD = r"cold|rude|dirty|filthy|dismissive|unhelpful|aggressive|patronising|condescending"
OTHERS = [
    rule(
        "issue",
        "cold|rude|dirty|filthy|dismissive|unhelpful|aggressive|patronising|condescending",
        rf"\b(?P<det>the|your|ur)\s{NP}\s(?P<v>was|were)\s(?:really\s|very\s|so\s|extremely\s)?"
        rf"(?P<adj>{_BAD})\b",
        "{det} {np} {v} {adj}",
        rank=1,
    ),
]

OTHERS.append(
    rule(
        "issue",
        "won't|wont|doesn't|doesnt",
        rf"\bit\s(?:won'?t|wont|doesn'?t|doesnt)\s(?P<verb>load|show|open|accept)\s(?P<what>my\s{REST})",
        "it won't {verb} {what}",
        rank=2,
    )
)

_NOTE_START = r"(?:^|[-–:]\s|\b(?:re|but)\s|\b(?:her|his|their|the)\s)(?:prepaid\s)?"
NOTED = [
    rule(
        "issue",
        "rescheduled|cancelled|hasn't|hasnt",
        rf"{_NOTE_START}{NP}{PAREN}\s(?P<pred>(?:has|have)\sbeen\s(?:rescheduled|cancelled)|"
        r"hasn'?t\s(?:arrived|come\sin))\b",
        "your {np} {pred}",
        voice="note",
    ),
    rule(
        "issue",
        "charge",
        r"\b(?:re|about)\s(?:an?\s)?(?P<what>unexpected|unknown|duplicate|double)\scharge"
        r"(?P<of>\sof\s[£$€]\d[\d.,]{0,9})?(?P<on>\son\s(?:her|his|their)\scard)?",
        "there was an {what} charge{of}{on}",
        voice="note",
    ),
]
"""What went wrong, read from an agent's note and said to the customer."""

RULES: list[Rule] = [*MONEY, *ACCESS, *SERVICE, *PEOPLE, *OTHERS]
"""The rules about money, accounts, services and people."""
