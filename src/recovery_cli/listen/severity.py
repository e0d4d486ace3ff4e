"""A suggested severity, with its reasons.

Severity follows what an experienced agent weighs: who the customer is (elderly, disabled,
unwell, pregnant, short of money, a child involved, unsafe, or hurt by what went wrong:
the `harmed` fact), what is at stake (a funeral
or a wedding, a flight, a large sum, their data or someone else's), how angry they are
(capitals, "!!!", swearing, threats to leave, go public or go to law, threats of harm)
and whether it has failed before. Any grave signal (a vulnerability, a threat, someone
else's data, a big occasion, a large sum) makes it high, and so does what is at stake
together with anger or a repeated failure (a second or a fifth time alike); a routine
message, a gentle request with no failure in it, or a decision to leave that names no
failure ("I'm switching, please cancel"), is low; the rest is medium. The agent confirms it.
"""

from __future__ import annotations

import re

from recovery_cli.listen.model import SURE, Fact, Level, Severity, Signal
from recovery_cli.listen.numbers import major_sum
from recovery_cli.listen.sentences import Keyed, Sentence, keyed, sentence_of
from recovery_cli.wording import ACRONYMS

_KINDS: tuple[tuple[str, str, Keyed], ...] = tuple(
    (group, kind, keyed(keys, pattern))
    for group, kind, keys, pattern in (
        (
            "vulnerable",
            "elderly",
            "elderly|pensioner|oap|i am|i'm|aged|pension|on pension",
            r"\b(?:elderly|pensioner|OAP|(?:I\sam|I'?m|aged)\s[789]\d\b|my\spension|on\s(?:a\s)?"
            r"pension)",
        ),
        (
            "vulnerable",
            "disability",
            "disab|wheelchair|housebound|arthritis|mobility|blind|deaf|"
            "hearing aid|bathe|alarm|carer|lives alone",
            r"\b(?:disabled|disability|wheelchair|housebound|arthritis|mobility|blind|deaf|"
            r"hearing\saids?|can'?t\sbathe|personal\salarm|carers?|lives\salone)\b",
        ),
        (
            "vulnerable",
            "medical",
            "insulin|meds|medication|hospital|nurse|dose|hiv|surgery|injur|"
            "blister|burn|pain|chemo|medical|tablets|dressing|vulnerab|distressed|bruised|"
            "swollen|bleeding|my foot|my ankle|fingers|coeliac|allerg|anaphyla|gluten|pregnant|"
            "due any",
            r"\b(?:insulin|meds|medication|hospital|nurse|dose|hiv|(?<!gp\s)surgery|injur(?:y|ed|ies)|"
            r"blister(?:ed|s|ing)?|burn(?:t|ed)|in\spain|chemo|medical(?!\s(?:secretary|records?|"
            r"practice|centre|center|receptionist|device))|tablets|dressing\schange|"
            r"vulnerab\w{1,10}|distressed|bruised|swollen|bleeding|(?:on|onto|into)\smy\s(?:foot|"
            r"ankle|head|hand|arm|leg)|(?:my\s)?(?:two\s)?fingers|coeliac|allerg(?:y|ic)|"
            r"anaphyla\w{1,6}|gluten|pregnant|due\sany\sday)\b",
        ),
        (
            "vulnerable",
            "money worries",
            "afford|rent|overdra|bills|payroll|debt|landlord|great deal|lot of money|tight",
            r"\b(?:can'?t\safford|cannot\safford|rent(?:\smoney)?|overdrawn|overdraft|"
            r"bills?\sto\spay|payroll|in\sdebt|landlord|a\s(?:great\sdeal|lot)\sof\smoney\sto\s"
            r"(?:me|us)|tight\sbudget)\b",
        ),
        (
            "vulnerable",
            "bereavement",
            "passed away|died|bereave|death",
            r"\b(?:passed\saway|died|bereave\w{1,6}|death\scertificate)\b",
        ),
        (
            "vulnerable",
            "a child",
            "baby|babies|kids|child|toddler| old|newborn|year old|month old",
            r"\b(?:baby|babies|kids|children|child|child's|toddler|newborn|\d{1,2}\s?(?:yr|year|"
            r"month)[\s-]old(?:'s)?)\b",
        ),
        (
            "vulnerable",
            "safety",
            "safe|refuge|abuse|danger|restraining|terrified|scared|frightened|stranded",
            r"\b(?:don'?t\sfeel\ssafe|unsafe|refuge|domestic\sabuse|safe\sat\snight|danger|"
            r"restraining\sorder|terrified|scared|frightened|stranded)\b",
        ),
        (
            "vulnerable",
            "damage to their home",
            "water|flood|ceiling|roof",
            r"\b(?:water\scoming\sthrough|flood(?:ed|ing)?|through\sthe\sceiling|holes?\sdrilled\s"
            r"in\smy\sroof)\b",
        ),
        (
            "privacy",
            "someone else's data",
            "someone else|somebody else|different customer|another customer|"
            "home address|full name|data|dob|details|card number|other people|cc field|gdpr",
            r"\b(?:(?:someone|somebody)\selse'?s\s(?:details|data|account|invoice|address)|"
            r"(?:see|saw|seeing|showing|shows)\s(?:someone|somebody)\selse'?s|"
            r"(?:a\sdifferent|another)\s(?:customer|person)'?s|home\saddress|full\sname|"
            r"data\sprotection|dob|personal\sdetails|(?:full\s)?card\snumber|other\speople'?s\s"
            r"(?:addresses|details|data)|cc\sfield|gdpr|data\sbreach)\b",
        ),
        (
            "occasion",
            "a big occasion",
            "funeral|wedding|birthday|exam|interview|new job|christmas|xmas|fly out|flight|"
            "anniversary|completion|retirement|10th|20th|30th|40th|50th|60th|70th|80th|90th",
            r"\b(?:funeral|wedding(?!\s(?:present|gift))|birthday(?!\s(?:present|gift|card|money))|"
            r"exams?|interview|new\sjob|anniversary|completion\sdate|retirement|"
            r"(?:(?:my|our|his|her|their|\w+'s|\w+s)\s)\d0th(?!\s(?:of|jan|feb|mar|apr|may|jun|jul|aug|"
            r"sep|oct|nov|dec))|\d0th\s(?:birthday|anniversary|party|celebration)|christmas\s"
            r"dinner|fly(?:ing)?\sout|flight\s(?:is|leaves|tomorrow|tonight|today|on))\b",
        ),
        (
            "stakes",
            "what is at stake",
            "off work|day off|afternoon off|black friday|from home|"
            "term starts|late fee|deadline|hen do",
            r"\b(?:days?\soff\swork|day\soff|afternoon\soff|black\sfriday|work(?:ing)?\sfrom\shome|"
            r"term\sstarts|late\sfee|deadline|hen\sdo)\b",
        ),
        (
            "threat",
            "threat of harm",
            "hurt|slap|life hell|know where|wait outside|waiting outside|down there|"
            "know people|your names|banged|aggressive|abusive|threaten|slurs|regret|watch your|"
            "ambulance|police|round your head|your reg|find her|find him|turn up",
            r"\b(?:hurt|slap|make\syour\slife\shell|(?:make\severy\sone\sof\s)?your\s(?:agents'?\s)?"
            r"lives\shell|i\sknow\swhere|wait(?:ing)?\soutside|coming\sdown\sthere|i\sknow\speople|"
            r"i\shave\syour\snames|banged\sthe\scounter|aggressive|abusive|threaten\w{0,3}|slurs|"
            r"(?:going\sto|gonna)\sregret|watch\syour(?:selves|\sback)|ambulance|police|round\s"
            r"your\shead|your\sdriver'?s\sreg|find\s(?:her|him|you)|turn\sup\sat)\b",
        ),
        (
            "threat",
            "threat to go to law",
            "ombudsman|solicitor|lawyer|sue|suing|legal|court|"
            "chargeback|trading standards|small claims",
            r"\b(?:ombudsman|solicitors?|lawyers?|sue|suing|legal\saction|court|chargeback|"
            r"trading\sstandards|small\sclaims)\b",
        ),
        (
            "threat",
            "threat to go public",
            "review|trustpilot|press|tiktok|post|publicly|filming|recording|internet|"
            "everyone knows|famous|papers|journalist|watchdog",
            r"\b(?:leav(?:e|ing)\sa\sreview|bad\sreview|review\severyone|trustpilot|the\spress|"
            r"tiktok|post(?:ing)?\s(?:this|it)\s(?:on|publicly|online|everywhere)|publicly|"
            r"everyone\sknows|how\she\slikes\sbeing\sfamous|the\spapers|journalist|watchdog|filming|"
            r"recording\s(?:me|us|staff|it)|all\sover\sthe\sinternet)\b",
        ),
        (
            "leave",
            "threat to leave",
            "switch|moving|take my business|never again|be back|"
            "not ordering|elsewhere|avoid.|not paying|neveragain|wonder why",
            r"(?:\b(?:switching|switch\sto|i'?m\smoving(?!\s(?:on|house|home|in)\b)|moving\sto|"
            r"take\smy\sbusiness|never\sagain|won'?t\sbe\sback|not\sordering\sagain|"
            r"go(?:ing)?\selsewhere|avoid\.|not\spaying|starting\sto\swonder\swhy)\b|#neveragain)",
        ),
        (
            "anger",
            "swearing or insults",
            "fuck|shit|bloody|crap|prick|idiot|useless|crooks|liars|"
            "incompetent|thickest|laziest|stupid cow|disgusting|pathetic|a joke|ridiculous|"
            "shocking|sort it out",
            r"\b(?:fuck\w{0,6}|shit\w{0,4}|bloody|crap|prick|idiots?|useless|crooks|liars|"
            r"incompetents?|thickest|laziest|stupid\scow|disgusting|pathetic|a\sjoke|ridiculous|"
            r"shocking|sort\sit\sout)\b",
        ),
        (
            "persistent",
            "failed again and again",
            "third time|3rd time|third call|3rd call|fourth|fifth|4th|5th|every time|"
            "every single time|passed around|four|five|six|4|5|6|7|8|9|3x|three broken",
            r"\b(?:third\s(?:time|call)|3rd\s(?:time|call)|fourth|fifth|[4-9]th\s(?:time|call)|"
            r"every\ssingle\stime|every\stime\s(?:I|we)\s(?:go|call|ring|phone|contact|chase|ask|"
            r"email|write|try\sto\scall)|passed\saround|(?:four|five|six|[4-9])\s(?:times|calls)|[3-9]x|"
            r"three\sbroken)\b",
        ),
        (
            "repeat",
            "repeated failure",
            "again|second time|keeps happening|twice|broken|two|three|3",
            r"\b(?:(?<!try\s)again|second\stime|keeps\shappening|twice|(?:three|3)\stimes|"
            r"two\sbroken)\b",
        ),
    )
)
_SHOUT = re.compile(r"(?<![-\w])(?:[A-Z]{5,20}|[A-Z]{2,20}\s[A-Z]{2,20})\b(?![-\d])")
"""Shouting: a word of five capitals or more, or two capitalised words together."""
_MARKS = re.compile(r"[!?]{3,}|\?!|!\?")
_GENTLE = keyed(
    "any chance|any way|understand|no rush|not a complaint|could|can i|can u|can you|"
    "possible|i'd like|id like|let you know|be nice|happy to pay|not really|not the money|"
    "how do|do you|is there|what|when|where|?|would like|wondering|please could|no issue|"
    "all good|happy|lovely",
    r"\b(?:would\slike\sto|wondering|no\sissues?|all\sgood|quite\shappy|lovely,\sthanks|"
    r"any\schance|is\sthere\sany\sway|i'?d\sunderstand|no\srush|not\sa\scomplaint|"
    r"could\syou|can\si|would\sit\sbe\spossible|please\scould|i'?d\slike\sto|could\si|"
    r"can\su|can\syou|just\swanted\sto\slet\syou\sknow|be\snice|happy\sto\spay|"
    r"any\sway\si\scan|not\sreally\sa\squestion|it'?s\snot\sthe\smoney)\b|\?",
)
_FAILURE = keyed(
    "nothing here|never|no one|nobody|didn|didnt|hasn|hasnt|haven|havent|won't|wont|broken|"
    "missing|wrong|damaged|cracked|delayed|lost|crooked|someone else|not what",
    r"\b(?:nothing\shere|never|no\sone|nobody|didn'?t|hasn'?t|haven'?t|won'?t|broken|missing|wrong|"
    r"damaged|cracked|delayed|lost|crooked|someone\selse'?s|not\swhat)\b",
)
"""Words of a failure: a message holding one is not a plain request, whatever triage says."""
_LARGE = 1000.0
"""A sum this large (in any currency) is at stake by itself."""
_HIGH = frozenset({"vulnerable", "threat", "privacy", "occasion", "large"})
"""Signals grave enough alone. Failing again and again is not one: most agents weigh a
third failure as the standard recovery unless something rides on it."""
_GRAVE = frozenset({"vulnerable", "threat", "privacy"})
"""Signals that keep a request that triage calls routine from being low: someone at risk, a
threat, someone else's data."""


def severity(
    text: str, facts: dict[str, Fact], routine: bool, pieces: list[Sentence], keys: frozenset[str]
) -> Severity:
    """The suggested severity of one (English) message (given as sentences, with their keys
    together, `union`) and why."""
    head = sentence_of(text[:5000], 0, keys)
    reasons: list[Signal] = []
    groups: list[str] = []
    for group, kind, pattern in _KINDS:
        if pattern.keys.isdisjoint(keys):
            continue
        for piece in pieces:
            match = pattern.search(piece)
            if match:
                reasons.append(Signal(kind, match.group(), piece.start + match.start()))
                groups.append(group)
                break
    harmed = facts.get("harmed")
    if harmed:  # someone hurt, made ill or left without care: as grave as a vulnerability
        reasons.append(Signal("someone was hurt", harmed.words, harmed.start))
        groups.append("vulnerable")
    shout = next((m for m in _SHOUT.finditer(head.text) if m.group() not in ACRONYMS), None)
    marks = _MARKS.search(head.text)
    for match, kind in ((shout, "capitals"), (marks, "repeated ! or ?")):
        if match:
            reasons.append(Signal(kind, match.group(), match.start()))
            groups.append("anger")
    amount = facts.get("amount")
    if amount and (major_sum(amount.value) or 0) >= _LARGE:
        reasons.append(Signal("a large sum", amount.words, amount.start))
        groups.append("large")
    stakes = facts.get("stakes")
    if stakes and stakes.confidence >= SURE and not {"stakes", "occasion"} & set(groups):
        reasons.append(Signal("what is at stake", stakes.words, stakes.start))
        groups.append("stakes")
    failure = "issue" in facts or bool(_FAILURE.search(head))
    gentle = not failure and (routine or bool(_GENTLE.search(head)))
    if groups == ["leave"] and not failure:
        return Severity("low", reasons)  # "I'm switching, please cancel": a decision, not a crisis
    if routine and not failure and not _GRAVE & set(groups):
        return Severity("low", reasons)  # a plain request, whatever it is for ("for his birthday")
    return Severity(_level(groups, routine, gentle), reasons)


def _level(groups: list[str], routine: bool, gentle: bool) -> Level:
    """High for any grave signal, or what is at stake with anger or a repeated failure; low
    for a plain request."""
    groups = ["anger" if group == "leave" else group for group in groups]
    found = {"repeat" if group == "persistent" else group for group in groups}
    if found & _HIGH or groups.count("anger") >= 2:
        return "high"
    if "stakes" in found and found & {"anger", "repeat"}:
        return "high"  # something rides on it, and it has failed before or they are angry
    if not found and gentle:
        return "low"  # a request (or what triage calls routine) with no failure in it
    return "medium"
