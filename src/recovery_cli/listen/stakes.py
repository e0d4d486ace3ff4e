"""What is riding on it for the customer, as a clause that follows "I know".

Whoever writes it, what is at stake comes in a few shapes, each one pattern over shared
vocabularies (`lexicon`) rather than one pattern per phrasing:

- a purpose: "I need it for my exams next week", "it's for my son's birthday", "these
  are for my football trial sat", "she needs it for rent on the 1st", "my wife needs the
  car tonight for her dialysis appointment" (someone else's need stays theirs);
- something coming, with its day: "the wedding is on the 29th", "Rent leaves on the 1st",
  "my in-laws arrive on Friday", "I've got the fitter booked for Monday", "we have around
  40 guests coming", "I fly out at 6am on the 4th", "my MOT runs out on Friday", "we're
  hosting my husband's 60th", "I'm in Spain from Sunday", "I'm moving out on the 20th";
- a cost already borne: "I took unpaid leave to wait in", "I've had to phone in sick",
  "I've been paying £38 a day for a hire car";
- an occasion named with the thing or the moment: "it's my mum's birthday present", "he's
  due at a job interview at 9", "a blow dry before my sister's wedding".

Who the customer is and what they cannot do now are in `circumstances`. A request is not
a stake ("I need to speak to a manager" is left out). Clauses are turned to the customer
by `wording`, from the customer's words or an agent's note.
"""

from __future__ import annotations

from recovery_cli.listen.circumstances import NOTE_WHO
from recovery_cli.listen.clauses import NP, TAIL, Rule, Voice, rule
from recovery_cli.listen.lexicon import (
    EVENTS,
    FAMILY,
    LITTLE,
    REQUESTS,
    TRADES,
    WHEN,
    WHO,
    WORDS,
)

_REST = r"(?:(?!\sor\s(?!I\b|we\b))(?:[^,.;:!?()\n]|[.,](?=\d))){0,60}(?=[,.](?!\d)|[;:!?()\n]|$)"
"""The rest of a clause, up to its end within reach ("£4,500" and "£9.99" go on; "or I get
a late fee" goes on, "or loses his slot", with no subject of its own, does not)."""

_CLAUSE = (
    r"(?:\s(?!(?:and|but|so|because|or|which|that|who|was|were|is|are|has|had|have|if|when|"
    r"then|please|pls|its|it's|it|i|i'm|im|we|they|you)\b)[\w'’£$€:/-]{1,20}){0,8}"
)
"""Up to eight more words, stopping before a new clause or a relative one ("that it won't ...")."""

_PLACE = _CLAUSE.replace(r"(?:\s(?!", r"(?:\s(?!(?!morning|evening)[\w'-]{1,15}ing\b)(?!", 1)
"""As `_CLAUSE`, also stopping before what the customer is doing there ("... in Geneva
wearing the same clothes")."""

_DET = r"(?:a|an|my|our|his|her|their|the|\d{1,3}|two|three|four|five|six|ten|twelve|twenty)\s"

_NO_DANGLING = (
    r"(?![\w'’-])(?<!\son)(?<!\sat)(?<!\sin)(?<!\sby)(?<!\sfor)(?<!\sthe)(?<!\sof)(?<!\sfrom)"
)
"""Not ending on a word that needs one after it ("is due on", a line cut short)."""

_CONDITIONS = (
    r"eczema|asthma|allergy|allergies|diabetes|arthritis|psoriasis|epilepsy|dementia|"
    r"physio|physiotherapy|rehab|recovery|chemo|chemotherapy|dialysis"
)
"""A condition a thing can be for ("for my son's eczema")."""

_KIT = r"(?:\s(?:pump|pumps|supplies|pens?|refills?|strips|needles|spacer|sensors?)){0,2}"
"""What goes with a medicine ("her insulin pump supplies")."""

_VERBISH = r"(?:arrived|was|is|were|are|came|has|had|got|and|but)\b"
"""Words that end the occasion a gift is for ("...wedding arrived with ...")."""


NEEDS = [
    rule(
        "stakes",
        "need|needed|needs|want|wants",
        r"(?:^|\b(?:(?P<who>I|we|she|he)|cx|cust|customer)\s(?:really\s|just\s|urgently\s|"
        r"desperately\s|only\s)?|\b(?:and|but|"
        r"so|because|cos|as)\s|[,;]\s)(?P<need>need|needed|needs|want|wants)\s(?P<obj>it|them|this|"
        r"these|that|those|(?!(?:a|an|the)\s(?:replacement|refund|new|call|callback|answer|"
        r"response|date|manager|reply|explanation|human|person)\b)(?:(?:the|my)\s[\w'-]{2,15}|"
        r"an?\s[\w'-]{2,15}(?!\s(?:this|next|today|tonight|tomorrow|asap)\b))|"
        r"(?:that|this|our|his|her)\s(?![\w'-]{1,13}ed\b)[\w'-]{2,15}|"
        r"(?:the|my)\s\""
        r"[^\"\n]{1,20}\"\s[\w'-]{2,15})\s(?!(?:before|by|until|for)\s(?:then|that)\b)(?P<rest>(?:(?:mainly|mostly|only|just|urgently)\s)?"
        r"(?:for|by|before|tonight|today|tomorrow|"
        rf"this\s\w{{3,9}}|next\s\w{{3,9}}|on\s(?:mon|tue|wed|thu|fri|sat|sun|the\s\d)\w{{0,6}}|"
        rf"in\stime\sfor|to\s(?!{REQUESTS}))\b"
        rf"{WORDS})",
        "{who} {need} {obj} {rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "need|needed",
        r"\b(?P<who>I|we)\s(?:really\s|just\s|urgently\s)?(?P<need>need|needed)\s(?P<rest>for\s"
        r"(?!(?:you|u|someone|somebody|something|a\srefund|a\sreplacement|a\scall)\b)"
        rf"[\w'-]{{2,15}}{WORDS})",
        "{who} {need} it {rest}",
        rank=1,
    ),
    rule(
        "stakes",
        "need to|have to|needs to|has to|need money|needs money|need access|needs access",
        rf"(?:^|(?<!do\s)(?<!said\s)(?<!says\s)(?<!told\sme\s)(?<!told\sus\s)(?<!that\s)"
        rf"\b{WHO}\s(?:really\s|just\s|urgently\s)?|\b(?:and|so|because|as)\s|"
        rf"[,;]\s)(?P<need>need|have|needs|has|needed|had)\s(?:(?P<to>(?:access\s)?to\s)"
        rf"(?!{REQUESTS}|be\s(?:the|a|an)\b)(?P<verb>\w{{2,15}})"
        rf"|(?P<money>money|(?:the|that|this|my)\smoney)(?=\sfor))(?:(?P<rest>\s{_REST})|{TAIL})",
        "{me} {need} {to}{verb}{money}{rest}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "for my|for our|for her|for his|for their",
        r"\b(?P<subj>it'?s|its|it\sis|it\swas|this\sis|this\swas|they'?re|they\sare|these\sare|"
        r"there|theyre|which\sis|(?:the|this|that|these|those|my|our)\s(?:[\w'’-]{2,15}\s)?"
        r"(?!(?:is|are|was|were)\b)[\w'’-]{2,15}\s(?:is|are|was|were))\s"
        r"(?P<what>(?:a|an|the)\s(?:[\w-]{2,15}\s){0,2}(?:present|"
        r"gift|surprise)\s)?for\s(?P<whose>my|our|her|his|their)\s(?!late\s)"
        rf"(?=[^,.;!?\n]{{0,40}}\b(?:{EVENTS.pattern}|{FAMILY.pattern})\b)"
        rf"(?P<event>[\w'’-]{{2,20}}{WORDS})",
        "{subj} {what}for {whose} {event}",
        voice="any",
    ),
    rule(
        "stakes",
        "present|gift|surprise",
        r"\b(?:as\sa|a|the)\s(?P<what>(?:\d{1,3}(?:st|nd|rd|th)\s(?=birthday|anniversary))?"
        r"(?:(?P<kind>wedding|birthday|christmas|anniversary|leaving|"
        r"retirement|housewarming|graduation|engagement|baby)\s)?(?:present|gift|surprise))"
        r"(?(kind)|(?=\sfor\s))(?P<for>\sfor\s(?:my|our|her|his)\s(?:(?!" + _VERBISH + r")"
        r"[\w'’-]{2,15}\s){0,2}(?!" + _VERBISH + r")[\w'’-]{2,20})?(?=[\s,.;:!?]|$)",
        "it is a {what}{for}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "laptop|phone|tablet|computer|suit|dress|outfit|uniform|cake|kit|bike|cot|pram|buggy",
        r"\b(?P<subj>it'?s|its|it\sis|it\swas|this\sis)\s(?P<what>an?\s(?:[£$€]\d[\d,.]{0,8}\s)?"
        r"(?:[a-z][\w-]{1,15}\s){0,2}?(?:laptop|phone|tablet|computer|suit|dress|outfit|uniform|"
        r"cake|kit|bike|cot|pram|buggy))\sfor\s(?P<whose>my|our|her|his)\s"
        rf"(?=[^,.;!?\n]{{0,40}}\b(?:{EVENTS.pattern}|{FAMILY.pattern})\b)(?P<event>[\w'’-]{{2,20}}{WORDS})",
        "{subj} {what} for {whose} {event}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "tonight's|tomorrow's|today's|tonights|tomorrows|todays",
        r"\bfor\s(?P<when>(?:tonight|tomorrow|today)'?s|this\s(?:morning|afternoon|evening)'?s|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day'?s)\s(?P<event>(?:[\w'’-]{1,15}\s){0,2}?"
        rf"(?:{EVENTS.pattern}))\b",
        "it is for {when} {event}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "for my|for our",
        rf"(?<!reason\s)(?<!charged\s)(?<!billed\s)(?<!twice\s)(?<!debited\s)(?<!double\s)"
        rf"(?<!fee\s)(?<!fees\s)(?<!charge\s)(?<!charges\s)"
        rf"\bfor\s(?P<whose>my|our)\s(?!cancell?ed|delayed|missed|late|broken|"
        rf"damaged|wrong)(?P<event>(?:[\w-]{{2,15}}(?:'s|’s|'|’)?\s){{0,2}}"
        rf"(?:{EVENTS.pattern}|{_CONDITIONS})\b{WORDS})",
        "it is for {whose} {event}",
        rank=2,
    ),
]


def _having(aux: str, verb: str, rank: int, keys: str = "") -> Rule:
    """Something coming the customer has ("I've got the fitter booked for Monday"); one
    in the past ("I had a 2pm appointment") is more often where it failed, so ranks lower.
    With `keys` given, the verb is needed ("I'm having my viva on the 3rd")."""
    optional = "" if keys else "?"
    return rule(
        "stakes",
        keys or "have|has|got|'ve|ve|had|start|starts|starting|begin|'d",
        rf"(?:\b(?P<who>{WHO})(?P<aux>{aux})?(?P<got>\sgot)?\s|^(?=(?:{verb})\s))"
        rf"(?P<verb>(?:{verb})\s){optional}"
        r"(?P<what>(?:(?:a|an|my|our|the|her|his|two|three|four|five|six|ten|twelve|twenty|"
        r"thirty|forty|fifty|\d{1,3}|some)\s|(?:around|about|over|nearly)\s(?:\d{1,3}|[a-z]{3,7})"
        rf"\s)(?:[\w'’-]{{2,15}}\s){{0,3}}?(?:{EVENTS.pattern}|{FAMILY.pattern}|"
        rf"{TRADES.pattern})(?:\s(?:booked|coming|arriving|staying|due|starting))?"
        r"|(?:rent|bills|a\smortgage\spayment|a\sdirect\sdebit)\s(?:to\spay|due|going\sout)"
        r"|(?:rent|exams|finals|mocks)(?=\s(?:on|next|this|tomorrow|today|tonight|at|in)\b))\s?"
        rf"(?P<rest>(?:{WHEN}|booked|coming|arriving|due|that|which|going){WORDS})",
        "{who}{aux}{got} {verb}{what} {rest}",
        rank=rank,
        voice="any",
    )


COMING = [
    rule(
        "stakes",
        "|".join(EVENTS.keys | FAMILY.keys),
        rf"(?:\b(?P<det>the|my|our|his|her|their)\s|(?:^|[,.;:]\s|\band\s|(?<=[\U0001F300-\U0001FAFF]\s))(?P<bare>))(?P<np>"
        rf"(?:[\w'’-]{{2,15}}\s){{0,2}}?(?:{EVENTS.pattern}|{FAMILY.pattern}))"
        r"(?P<mod>\s(?:for|with)\s(?:(?:the|my|our|a|an)\s)?(?:[\w'’-]{1,15}\s){0,2}?"
        r"[\w'’-]{1,15})?(?P<pred>"
        r"(?:\s(?:is|are|was)|'s)(?:\s(?:due|now|also|booked|coming|arriving|starting|only))?"
        r"(?=\s(?:on|at|in|tomorrow|today|tonight|this|next|first|due|coming|any|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|the\s\d{1,2}(?:st|nd|rd|th)|"
        r"\d(?!\d{0,2}\s(?:members|people|persons|adults|of\sus)))\b)|\s(?:starts|start|begins|"
        r"ends|leaves|goes\sout|go\sout|kicks\soff|arrives?|arrive|comes?\sout|is\sdue|are\sdue|"
        r"moves?\sin(?:to)?|opens|open|reopens|fly|flies|land|lands)\b)"
        rf"(?P<tail>(?:\s(?!and\b|but\b|so\b|because\b|which\b)[\w'’£$€:-]{{1,20}}){{1,8}})"
        + _NO_DANGLING,
        "{det} {np}{mod}{pred}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "|".join(FAMILY.keys),
        rf"\b(?P<det>my|our)\s(?P<np>(?:{FAMILY.pattern}))\s(?P<verb>has|have|had)\s(?P<what>(?:(?:a|an|"
        rf"his|her|their|my|our)\s)?(?:[\w'’-]{{2,15}}\s){{0,2}}?{EVENTS.pattern})\b"
        rf"(?P<rest>\s{WHEN}{WORDS})",
        "{det} {np} {verb} {what}{rest}",
        rank=1,
        voice="any",
    ),
    _having(r"'ve|\shave|\shas|'s|ve", r"have|has|got|start|starts|am\sstarting|begin", 0),
    _having(r"\shad|'d", r"had", 1),
    _having(r"'m|\sam|'re|\sare|\sis|'s", r"having", 0, keys="having"),
    rule(
        "stakes",
        "fly|flying|flies|travelling|traveling|leaving|going",
        rf"\b(?P<who>{WHO})(?P<aux>'m|\sam|\sare|'re|\sis|'s)?\s(?P<what>(?:fly|flying|flies|"
        r"travelling|traveling|leaving|going\s(?:abroad|away|on\sholiday))(?:\sout|\sinto|"
        rf"\sto|\shome|\sabroad)?(?:\s[\w'’-]{{2,20}}){{0,3}}?\s(?!on\s(?:my|our|his|her)\sown\b)"
        rf"{WHEN}{WORDS})",
        "{who}{aux} {what}",
        rank=1,
        voice="any",
    ),
]

_NOT_A_CHASE = (
    r"(?!(?:first|second|third|fourth|fifth|sixth|seventh|\d{1,2}(?:st|nd|rd|th))\s"
    r"(?:call|phone\scall|email|letter|message|complaint|chat|attempt|time)\b)"
)
"""Not how often they have had to chase ("This is my fourth call"): that is how hard they had
to try, read as `times`, never as what rides on it."""

COMING += [
    rule(
        "stakes",
        "due",
        r"\b(?P<who>he|she|I|cx)(?P<be>'s|\sis|'m|\sam)\sdue\s(?P<rest>(?:his|her|my|a)\s[\w'-]{1,20}"
        rf"{WORDS})",
        "{who}{be} due {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "depends|relies|depend|rely",
        rf"\b(?P<det>my|our|the)\s{NP}\s(?P<pred>depends\son|relies\son)\s(?P<rest>"
        rf"[\w'-]{{1,20}}{WORDS})",
        "{det} {np} {pred} {rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "tablets|medication|meds|insulin|inhaler|prescription|pills|medicine",
        r"\b(?P<subj>it'?s|it\swas|it\sis|they'?re|they\swere|they\sare)\s(?P<whose>my|our|his|her)\s"
        r"(?P<what>(?:[\w'-]{2,15}\s){0,3}?(?:tablets|medication|meds|insulin|inhaler|"
        rf"prescription|pills|medicine){_KIT})\b",
        "{subj} {whose} {what}",
        voice="any",
    ),
    rule(
        "stakes",
        "tablets|medication|meds|insulin|inhaler|prescription|pills|medicine",
        r"\b(?:the\s)?(?:parcel|package|order|delivery|box|bag)\s(?:is|was|has|had|contains|"
        r"contained|holds|held)\s(?P<whose>my|our|his|her)\s"
        r"(?P<what>(?:[\w'-]{2,15}\s){0,3}?(?:tablets|medication|meds|insulin|inhaler|"
        rf"prescription|pills|medicine){_KIT})\b",
        "it is {whose} {what}",
        voice="any",
    ),
]

COMING += [
    rule(
        "stakes",
        "|".join(EVENTS.keys | {"it", "which", "this", "that"}),
        r"\b(?P<subj>it|which|this|that)(?P<be>\swas|\sis|'s|’s)\s(?P<whose>my|our|his|her|"
        rf"their)\s{_NOT_A_CHASE}(?P<what>(?:[\w'’-]{{2,15}}\s){{0,3}}?{EVENTS.pattern}\b(?:\s(?!and\b|but\b)"
        r"[\w'’-]{2,15}){0,3})",
        "it{be} {whose} {what}",
        voice="any",
    ),
    rule(
        "stakes",
        "|".join(EVENTS.keys | FAMILY.keys),
        rf"\b(?P<det>the|my|our|this|these)\s(?P<np>(?:[\w'’-]{{2,15}}\s){{0,2}}?[\w'’-]{{2,15}})\s"
        r"(?P<be>is|was|are|were)\s(?:meant\s|bought\s|needed\s)?for\s(?P<whose>(?:my|our|her|"
        rf"his|the|a)\s)?(?P<what>(?:[\w'’-]{{2,15}}\s){{0,2}}?(?:{EVENTS.pattern}|"
        rf"{FAMILY.pattern}))\b(?P<rest>{WORDS})",
        "{det} {np} {be} for {whose}{what}{rest}",
        rank=1,
        voice="any",
    ),
]

COSTS = [
    rule(
        "stakes",
        "had to",
        rf"\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shad|'d)?\s(?:now\s|already\s)?(?P<had>had\sto\s)"
        r"(?P<what>(?:turn|send)\s(?:people|customers|clients|patients|guests|diners|kids|children)"
        r"\s(?:away|home)|close\s(?:the\s|our\s|my\s)?(?:shop|café|cafe|salon|store|restaurant|"
        r"business|kitchen|office|bar|pub|clinic|surgery)(?:\searly|\sfor\sthe\sday|\sfor\sthe\s"
        r"(?:morning|afternoon|evening))?|cancel\s(?:(?:all|our|my|the|\d{1,3}|two|three|four|five)\s)?"
        r"(?:[\w'’-]{2,15}\s)?(?:bookings|appointments|orders|jobs|classes|lessons|clients|"
        r"patients|customers))\b",
        "{who}{aux} {had}{what}",
        voice="any",
    ),
    rule(
        "stakes",
        "off|holiday|leave|sick|day from|took the day|waited in|wait in|taken time|unpaid",
        rf"(?:\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shad|'d|\shas)?\s|(?:^|(?<=,\s))(?=(?:took|had\sto)\s))"
        r"(?:now\s|already\s|even\s)?"
        r"(?P<had>had\sto\s)?(?P<verb>took|taken|take|booked|used|had|phoned|called|rang|"
        r"phone|call|ring|taking)\s(?P<span>(?:in\ssick(?:\sat\swork|\sto\swork)?|(?:(?:a|the|an|"
        r"\w{2,6}|\d{1,2}|my)\s)?(?:whole\s|full\s|half\s)?(?:days?|afternoon|morning|week|"
        r"weekend|time)\s(?:off(?:\swork)?(?:\sunpaid|\swithout\spay)?|from\s(?:my\s)?(?:job|work)|holiday|annual\s"
        r"leave|unpaid\sleave|out|of\s(?:my\s)?(?:annual\s|unpaid\s)?(?:leave|holiday)|unpaid)|unpaid\sleave|annual\sleave|leave\sfrom\s(?:my\s)?(?:work|job)|time\soff(?:\swork)?|the\sday"
        r"\soff)(?:\s(?:for\sthis|for\sit|for\s(?:your|the)\s\w{2,15}(?:\s(?!to\b|and\b|but\b|so\b|which\b)\w{2,15})?(?:\sto\s[^,.;!?\n]{1,40})?|"
        r"to\s(?:be\sat\shome|wait\sin|be\sin|be\sthere|be\shome)[^,.;!?\n]{0,30}))?)",
        "{who}{aux} {had}{verb} {span}",
        voice="any",
    ),
    rule(
        "stakes",
        "travelled|traveled|came|drove|flew|travelling|traveling|coming|driving|flying",
        r"\b(?P<who>my\s[\w'-]{2,15}|I|we)(?P<aux>\shad|'m|\sam|'re|\sare|\sis|'s)?\s(?P<verb>"
        r"travelled|traveled|came|drove|flew|travell?ing|coming|driving|flying)\s(?P<rest>(?:all\sthe\sway\s|down\s|up\s|over\s)?from\s[\w'-]{2,20}"
        r"(?:\s[\w'-]{2,20}){0,4})",
        "{who}{aux} {verb} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "cancelled|canceled|rearranged|moved|missed|turned down|skipped|gave up",
        rf"\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shad|'d)?\s(?P<verb>cancell?ed|canceled|rearranged|"
        r"moved|missed|turned\sdown|skipped|gave\sup)\s(?P<what>(?:a|an|my|our|the)\s"
        r"(?:[\w'’-]{2,20}\s){0,2}?[\w'’-]{2,20})\s(?P<why>to\s(?:be\s(?:here|home|in|at\shome|"
        r"there)|wait(?:\sin|\sat\shome)?|let\s(?:you|them|him|her)\sin)|for\s(?:this|it|the\s"
        r"(?:visit|delivery|appointment|installation|install|engineer|movers|removals?|viewing)))\b",
        "{who}{aux} {verb} {what} {why}",
        voice="any",
    ),
    rule(
        "stakes",
        "swapped|changed|moved|gave up|covered",
        rf"\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shad|'d)?\s(?P<verb>swapped|changed|moved|gave\sup)\s"
        r"(?P<what>(?:(?:a|my|our|two|three)\s)?(?:(?:night|day|early|late|double)\s)?shifts?)"
        r"(?P<why>\s(?:for\s(?:this|it|the\s(?:visit|delivery|appointment|engineer|install\w*))|"
        r"to\s(?:be\s(?:here|home|in)|wait\sin)))?\b",
        "{who}{aux} {verb} {what}{why}",
        voice="any",
    ),
    rule(
        "stakes",
        "that's|that is|that was|it's|it is|it was|thats|its",
        r"\b(?:that'?s|that’s|that\sis|that\swas|it'?s|it’s|it\swas)\s(?P<what>my\s(?:food|rent|bills?|"
        r"money|budget|wages?|shopping|petrol|bus\sfare|electric|gas)(?:\smoney)?\sfor\sthe\s"
        r"(?:week|month|fortnight))\b",
        "that's {what}",
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
        "blocked|held up|stuck|on hold|delayed|ruined|spoil",
        rf"\b(?P<det>my|our)\s{NP}\s(?P<pred>was|were|is|are)\s(?P<what>blocked|held\s"
        r"up|stuck|on\shold|delayed|ruined|spoiled|spoilt)(?P<rest>(?:\s[\w'-]{1,15})"
        r"{0,4})",
        "{det} {np} {pred} {what}{rest}",
        rank=1,
    ),
]

_LOSSES = r"customers|clients|sales|money|business|orders|bookings|trade|income|work|jobs"
"""What a business or a worker loses while the failure lasts ("we're losing sales")."""

COSTS += [
    rule(
        "stakes",
        "lost|lose|losing|without pay|unpaid",
        rf"(?:^|\b(?P<who>{WHO})(?P<aux>\shave|'ve|\shas|\shad|'d|\swill|'ll)?\s"
        r"(?:now\s|already\s|also\s)?|\band\s|[,;]\s)(?P<what>(?:lost|lose)\s(?:a|the|my|our|"
        r"her|his|two|three|\d{1,2})\s(?:whole\s|full\s|half\s)?(?:day|days|week|weeks|shift|"
        r"shifts|morning|afternoon)(?:'s|’s|s'|s)?\s(?:pay|wages|work|earnings|income))\b",
        "{who}{aux} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "without pay|unpaid",
        r"\b(?P<who>I'?ve|I\shave|we'?ve|we\shave|I\shad|(?:she|he)\shas|(?:she|he)'s)\s"
        r"(?P<what>been\soff\swork\s(?:without\spay|unpaid))(?P<rest>(?:\s(?:since|for)"
        r"(?:\s[\w'-]{1,15}){1,3})?)",
        "{who} {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "losing|lose",
        r"\b(?P<who>I'?m|I\sam|we'?re(?<!were)|we\sare|we\swill|I\swill|we'?ll(?<!well)|I'?ll(?<!ill)|we\scould|I\scould|"
        r"(?:she|he)(?:\sis|'s))\s(?:already\s|now\s|literally\s)?(?P<what>(?:losing|lose)\s"
        rf"(?:{_LOSSES}|"
        r"my\sjob|our\sjobs|(?:a\slot\sof|hundreds\sof|thousands\sof)\s(?:pounds|money|"
        r"sales|orders|customers)))\b"
        rf"(?P<rest>{WORDS})",
        "{who} {what}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "losing",
        rf"(?:^(?:subject:\s)?|\s[-–—]\s)(?P<what>losing\s(?:{_LOSSES}))\b",
        "{me}'m {what}",
        rank=1,
    ),
    rule(
        "stakes",
        "losing",
        rf"(?:^|[,.;(]\s?){NOTE_WHO}(?:\sis)?\s(?:now\s|already\s)?(?P<what>losing\s(?:{_LOSSES}))\b",
        "I am {what}",
        rank=1,
    ),
    rule(
        "stakes",
        "losing",
        rf"(?:^|[,.;(]\s?){NOTE_WHO}(?:\sis)?\s(?:now\s|already\s)?(?P<what>losing\s(?:{_LOSSES}))\b",
        "she is {what}",
        rank=1,
        voice="note",
    ),
    rule(
        "stakes",
        "paying|pay for|to hire|to rent|to buy|to book",
        rf"(?:\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shad|'d|\shas|'m|\sam|'re|\sare)?\s|^(?=had\sto\s))"
        r"(?:now\s|already\s|also\s)?(?P<what>"
        r"(?:been\spaying|paying(?=\s[£$€]\d[\d,.]{0,9}\s(?:a|per|each)\s(?:day|night|week)\b)|"
        r"had\sto\s(?:pay\sfor|hire|rent|buy|book))\s(?:[\w'’£$€.,-]{1,15}\s){0,5}?"
        rf"(?:for|since|to|while|until)\s[\w'’£$€-]{{1,20}}{_CLAUSE})",
        "{who}{aux} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "spent|spend",
        rf"(?:\b(?P<who>{WHO})|\band)\s(?:then\s|also\s|even\s)?(?P<had>had\sto\s|(?:was|were)\s"
        r"(?:forced|made|left)\sto\s)?(?P<verb>spent|spend)\s"
        r"(?P<what>(?:the|a|an|two|three|four|\d{1,2})\s(?:[\w'’-]{2,12}\s){0,5}?(?:in|at)\s"
        r"(?!(?:the\s)?(?:phone|shop|store|branch|counter|desk|checkout)\b)(?:(?:a|an|the|my|our)\s)?"
        r"[\w&'’-]{2,20}(?:\s(?-i:[A-Z])[\w&'’-]{1,20}|(?:\s(?:aid|room|tent|ward|unit|department|"
        r"centre|center|lounge|area|station|post|park|queue|hall|bay)\b){1,2})?)"
        r"(?:,?\s(?P<before>before\s(?:an?|my|our|"
        rf"the)\s(?:[\w'’-]{{2,15}}\s){{0,2}}?{EVENTS.pattern}(?:\s{EVENTS.pattern})?)\b)?",
        "{who} {had}{verb} {what} {before}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "money i need|money we need|money i needed|money we needed",
        r"\b(?P<subj>it'?s|it\sis|that'?s|that\sis|this\sis)\s(?P<what>(?:the\s|my\s|our\s)?money\s"
        rf"(?:I|we)\s(?:need|needed)\s(?:for|to)\s[\w'’-]{{2,15}}{_CLAUSE})",
        "it is {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "payday",
        r"\b(?P<who>I'?m|I\sam|we'?re(?<!were)|we\sare|(?:she|he)(?:\sis|'s))\s(?P<what>(?:skint|broke|"
        r"short|overdrawn|struggling)\s(?:til|till|until|before|to)\spayday)\b",
        "{who} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "|".join(EVENTS.keys),
        rf"(?:\b(?P<who>{WHO})(?P<aux>'m|\sam|'re|\sare|\sis|'s|\shad\sto|\swas|\swere|"
        r"\shave\sto|'ve\sgot\sto)?\s)(?P<verb>(?:travelling|traveling|"
        r"going|flying|driving|leaving|leave|go|here|over)\s(?:to|for)\s(?:a|an|the|my|our|his|"
        rf"her|their)\s(?:[\w'’-]{{2,15}}\s){{0,2}}?{EVENTS.pattern})\b(?P<rest>{WORDS})",
        "{who}{aux} {verb}{rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "|".join(EVENTS.keys),
        r"(?:^|[,;]\s)(?:(?:the\s)?(?:passenger|guest|caller|patient|pt|client|cust|cx|customer)\s)?"
        r"(?:is\s|was\s)?(?P<verb>(?:travelling|traveling|flying|going|here|over)\s(?:to|for))\s"
        rf"(?P<what>(?:his|her|their)\s(?:[\w'’-]{{2,15}}\s){{0,2}}?{EVENTS.pattern})\b"
        rf"(?P<rest>{WORDS}){_NO_DANGLING}",
        "she is {verb} {what}{rest}",
        rank=1,
        voice="note",
    ),
    rule(
        "stakes",
        "missed",
        r"\b(?P<how>(?:very\s)?(?:nearly|almost)\s)?missed\s(?P<whose>my|our|the)\s(?P<what>"
        rf"(?:[\w'’-]{{2,15}}\s){{0,2}}?(?:{EVENTS.pattern}|train|bus|connection|ferry))\b",
        "{me} {how}missed {whose} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "with",
        r"(?<!\blady\s)(?<!\bwoman\s)(?<!\bman\s)(?<!\bmum\s)(?<!\bmom\s)(?<!\bdad\s)"
        r"(?<!\bcouple\s)(?<!\bfamily\s)(?<!\bparent\s)(?<!\bsomeone\s)(?<!\bpeople\s)"
        r"(?<!\bcustomer\s)(?<!\bothers\s)(?<!\buse\s)(?<!\bspeak\s)(?<!\btalk\s)(?<!\bdeal\s)"
        r"(?<!\bspoke\s)(?<!\btalked\s)(?<!\bdealt\s)(?<!\bused\s)(?<!\bwould\s)"
        rf"\bwith\s(?P<what>{LITTLE})\b",
        "{me} had {what} with {me}",
        rank=2,
        voice="any",
    ),
]

COMING += [
    rule(
        "stakes",
        "need|needs",
        r"\b(?:(?P<who>I|we|she|he)|cx|cust|customer)\s(?P<need>needs|need)\s(?!(?:help|someone|somebody|something|"
        r"anything|answers?|info|information|confirmation|proof|details|assistance|support|"
        r"money|access|to|it|them|this|that|these|those|a|an|the|my|our|her|his|your|more|you)\b)"
        rf"(?P<obj>[a-z][\w'-]{{2,15}})\s(?P<rest>(?:for|to)\s(?!{REQUESTS}|be\b)[\w'-]{{2,15}}{_CLAUSE})",
        "{who} {need} the {obj} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "need|needs|needed",
        rf"\b(?P<det>my|our|the)\s(?P<who>{FAMILY.pattern}|accountant|landlord|lender|solicitor|"
        r"employer|vet|doctor|school)\s(?P<need>needs|need|needed)\s(?P<obj>it|them|this|these|"
        r"(?:the|my|our|his|her|their|an?)\s[\w'-]{2,15})\s(?P<rest>(?:for|by|before|tonight|today|"
        rf"tomorrow|this\s\w{{3,9}}|next\s\w{{3,9}}|in\stime\sfor|on\s(?:mon|tue|wed|thu|fri|sat|"
        rf"sun|the\s\d)\w{{0,6}})\b{_CLAUSE})",
        "{det} {who} {need} {obj} {rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "booked",
        rf"\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shas|'s)?(?P<got>\sgot)?\s(?P<verb>(?:have|has|got)\s)?"
        rf"(?P<what>(?:{_DET})?(?:[\w'’-]{{2,15}}\s){{0,2}}?[\w'’-]{{2,15}}\sbooked)\s"
        rf"(?P<rest>{WHEN}{_CLAUSE})",
        "{who}{aux}{got} {verb}{what} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "run out|runs out|expire|expires|ends|closes|renewal|due|renews",
        r"\b(?P<det>my|our|the|his|her)\s(?!(?:phone\s|live\s|web\s|help\s)?(?:lines?|office|shop|"
        r"store|branch|helpline|chat|website|site|counter|desk|call\scentre|offer|sale|deal)\b)"
        rf"{NP}\s(?P<pred>runs?\sout|expires?|ends|closes|is\sdue"
        r"|renews"
        rf"|(?:is|are)\srunning\sout)\s(?P<rest>(?:{WHEN}|(?:at\s)?(?:the\s)?end\sof\b)"
        rf"{_CLAUSE})",
        "{det} {np} {pred} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "hosting|throwing|holding|organising|organizing|having",
        rf"\b(?P<who>{WHO})(?P<aux>'m|\sam|'re|\sare|\sis|'s)?\s(?P<what>(?:hosting|throwing|"
        rf"holding|organi[sz]ing)\s(?:{_DET})?(?:[\w'’-]{{2,15}}\s){{0,3}}?{EVENTS.pattern}\b|"
        r"(?:having|hosting)\s(?:\d{1,3}|a\sfew|some|[a-z]{3,6})\s(?:people|guests|friends|family|"
        rf"relatives)\s(?:over|round|coming|staying))(?P<rest>{_CLAUSE}){_NO_DANGLING}",
        "{who}{aux}{are} {what}{rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "due",
        rf"(?:^|[,.;:]\s)(?P<det>)(?P<np>(?:{EVENTS.pattern}|{FAMILY.pattern}))\sdue\s"
        rf"(?P<rest>(?:next|this|tomorrow|today|tonight|on|in|by|any)\b{_CLAUSE})",
        "{det} {np} {is} due {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "open|launch|reopen|go live",
        r"\b(?P<who>I|we)\s(?P<verb>open|launch|reopen|go\slive)\s"
        rf"(?P<rest>(?:tomorrow|today|tonight|this\s\w{{3,9}}|next\s\w{{3,9}}|on\s\w{{3,9}})\b{_CLAUSE})",
        "{who} {verb} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "moving|relocating|emigrating",
        rf"\b(?P<who>{WHO})(?P<aux>'?m|\sam|'re|\sare|\sis|'s|\swill\sbe|'ll\sbe)\s(?P<what>"
        r"(?:moving|relocating|emigrating)\s(?:out|house|home|abroad|to|into|back|away|abroad)\b"
        rf"{_CLAUSE})",
        "{who}{aux} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "i'm|i am|we're|we are|she's|she is|he's|he is|i'll|we'll|will be",
        r"\b(?P<who>I|we|she|he)(?P<aux>'m|\sam|'re|\sare|\sis|'s|'ll\sbe|\swill\sbe)\s(?P<what>"
        r"(?:away|abroad|(?:in|at)\s(?-i:[A-Z])[\w'-]{2,20}|at\sa\s(?:[\w'-]{2,15}\s)?"
        rf"{EVENTS.pattern})(?:\s[\w'’-]{{2,20}}){{0,2}}?\s{WHEN}{_PLACE})",
        "{who}{aux} {what}",
        rank=1,
        voice="any",
    ),
]

_TRADES_BOOKED = (
    r"plumber|electrician|builders?|decorator|tiler|carpenter|joiner|painter|roofer|"
    r"(?:kitchen\s|bathroom\s)?fitters?|removal\s(?:van|men|company)|movers|gas\sengineer"
)
"""Trades a customer books themselves; "the engineer is booked" is more often ours."""

COMING += [
    rule(
        "stakes",
        "booked|coming",
        r"(?:\b(?P<det>my|our)\s|(?:^|[,.;:]\s|\band\s|\bso\s)(?P<bare>))(?P<np>"
        rf"(?:{_TRADES_BOOKED}))\s(?:(?:is|are)\s(?:now\s|also\s|already\s)?(?P<what>booked(?:\sin)?)|"
        r"(?:is\s|are\s)?(?P<coming>coming))\s"
        rf"(?P<rest>{WHEN}{WORDS}){_NO_DANGLING}",
        "{det} {np} {be} {what}{coming} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "school|college|nursery|uni|university|term",
        r"(?:^|[,.;:]\s|\band\s|\b(?:the|my|our|his|her)\s)(?P<what>(?:new\s)?(?:school|college|"
        r"nursery|uni|university|term))\s(?P<pred>starts|begins|restarts|opens|goes\sback|"
        rf"is\sback)\s(?P<rest>{WHEN}{WORDS}){_NO_DANGLING}",
        "{what} {pred} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "insurance|insurer|bank|lender|mortgage|landlord|letting|employer|university|college|"
        "embassy|council|solicitor|accountant",
        r"(?:\b(?P<det>my|our|the)\s|(?:^|[,.;:]\s)(?P<bare>))(?P<np>(?:[\w'-]{2,15}\s)?"
        r"(?:insurance|insurer|insurers|bank|lender|mortgage\slender|landlord|letting\sagent|"
        r"employer|university|college|embassy|council|solicitor|accountant))\s(?P<pred>requires|"
        r"require|needs|need|wants|want|expects|expect)\s(?P<obj>(?:the|a|an|my|our|proof|"
        r"evidence)(?:\s[\w'-]{2,15}){1,3}?)\s(?P<rest>(?:by|before|on|within)\s[\w'’-]{1,15}"
        rf"(?:\s[\w'’-]{{1,15}}){{0,2}}){_NO_DANGLING}(?=\s(?:or|and|otherwise)\b|[,.;:!?]|$)",
        "{det} {np} {pred} {obj} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "before",
        r"\b(?P<what>the\s(?:day|night|week|morning|evening)\sbefore\s(?:my|our|his|her|their)\s"
        rf"(?:[\w'’-]{{2,15}}\s){{0,2}}?{EVENTS.pattern}(?:\s{EVENTS.pattern})?)\b",
        "it was {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "going|travelling|traveling|flying|driving|heading",
        r"\band\s(?P<verb>going|travelling|traveling|flying|driving|heading)\s(?:to|for)\s"
        r"(?P<what>(?:a|an|the|my|our|his|her|their)\s(?:[\w'’-]{2,15}\s){0,2}?"
        rf"{EVENTS.pattern})\b(?P<rest>{WORDS}){_NO_DANGLING}",
        "{me}'m {verb} to {what}{rest}",
        rank=1,
    ),
]

_THING = r"(?!(?:and|in|on|of|with|from|that|which|was|were|is|are|I|we|the|my|our)\b)[\w-]{2,20}"
"""One word of a thing kept ("photos"), not the word that goes on past it."""

_KEEPSAKE = (
    rf"(?P<what>late\s(?:{FAMILY.pattern})(?:'s|’s|s'|s’)\s(?:{_THING}\s)?{_THING}(?:\sand\s"
    rf"{_THING})?)(?![\w'’-])(?!\s(?:in|on|inside)\b)"
)
"""Something of a family member who has died ("late wife's photos and papers")."""


def _keepsake(whose: str, voice: Voice, template: str) -> Rule:
    """A container of something of a family member who has died ("the boxes held my late
    husband's medals"), said with the container as the customer's own or ours."""
    return rule(
        "stakes",
        "late",
        r"(?:\b(?P<det>the|my|our|his|her|their)\s|(?:^|[,;]\s)(?P<bare>))(?P<np>boxes|box|bags?|"
        r"cases?|suitcases?|parcel|package|drive|laptop|phone|album|files?)\s(?P<verb>contain|"
        rf"contains|contained|hold|holds|held|had|has|have)\s(?:all\s)?(?:(?:{whose})\s)?"
        + _KEEPSAKE,
        template,
        voice=voice,
    )


COSTS += [
    _keepsake("my|our", "customer", "{det} {np} {verb} my {what}"),
    _keepsake("his|her|their", "note", "{det} {np} {verb} her {what}"),
    rule(
        "stakes",
        "fee|charge|penalty|fine",
        r"\bthere(?:'s|’s|\sis|\swill\sbe|'ll\sbe|\swould\sbe)\s(?P<what>an?\s(?:late(?:\spayment)?|"
        r"penalty|cancellation|reconnection|overdraft)\s(?:fee|charge|penalty|fine)|a\s(?:fine|"
        r"penalty))(?P<rest>\sif\s(?:I|we)\s(?:miss|pay|don'?t\spay|am|'m|are|'re)(?:\s[\w'-]{1,15})"
        r"{0,2}?(?=[,.;:!?]|$|\s(?:and|but|so)\b))",
        "there is {what}{rest}",
        voice="any",
    ),
    rule(
        "stakes",
        "bounce|make me miss|make us miss",
        r"\b(?:that|it|this|which)\s(?P<modal>will|would|could|might|'ll)\s(?P<verb>bounce|make\s"
        r"(?:me|us)\smiss)\s(?P<what>(?:my|our)\s(?:[\w-]{2,15}\s)?(?:mortgage|rent|bills?|"
        r"direct\sdebit|loan|car\sfinance)(?:\spayments?|\srepayments?)?)\b",
        "it {modal} {verb} {what}",
        voice="any",
    ),
    rule(
        "stakes",
        "biggest|busiest|most important",
        r"\b(?P<what>(?:saturday|sunday|friday|today|tomorrow|christmas|easter|this\sweek(?:end)?|"
        r"(?:the\s)?weekend|[\w-]{3,15}\sseason)\s(?:is|are)\s(?:our|my)\s(?:biggest|busiest|"
        r"most\simportant)\s(?:day|night|week|weekend|time|month|season)(?:\sof\sthe\syear)?)\b",
        "{what}",
        rank=2,
        voice="any",
    ),
    rule(
        "stakes",
        "peak|height|middle",
        r"\b(?:at|during|in)\s(?P<what>(?:the\s)?(?:peak|height|middle|busiest\spart)\sof\s(?:the\s|"
        r"our\s|my\s)?(?:[\w'-]{2,15}\s)?(?:season|rush|period|year\send))\b",
        "it is {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "resign|quit|leave|notice|walk",
        r"\b(?P<who>we|I)(?P<aux>'ve|\shave|\shad|'d)\s(?:now\s|already\s|even\s)?had\s(?P<what>"
        r"(?:a|one|two|three|four|\d{1,2})\s(?:[\w-]{2,15}\s)?(?:chef|chefs|staff\smembers?|"
        r"employees?|workers?|members?\sof\sstaff|drivers?|nurses?|teachers?|cleaners?|people|"
        r"staff|tenants?|customers|clients)\s(?:resign|quit|leave|walk\sout|hand\sin\s(?:their|"
        r"his|her)\snotice))\s(?:over|because\sof)\s(?:it|this)\b",
        "{who}{aux} had {what} over it",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "turning|sending",
        r"\b(?P<who>I'?m|I\sam|we'?re(?<!were)|we\sare|we\shave\sbeen|we'?ve\sbeen|I'?ve\sbeen)\s"
        r"(?:already\s|now\s|literally\s)?(?P<what>(?:turning|sending)\s(?:people|customers|"
        r"clients|guests|patients|diners|business|orders)\saway)\b",
        "{who} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "lost",
        rf"(?:^|\b(?P<who>{WHO})(?P<aux>'ve|\shave|\shad|'d|\shas)?\s(?:now\s|already\s|also\s)?"
        r"|\band\s)(?P<what>lost\s(?:(?:[£$€]|R)\d[\d,.]{0,9}|\d[\d,.]{0,9}\s?(?:euros?|"
        r"dollars|pounds|quid|rand))\sof\s(?:my|our|the|her|his)\s(?:[\w'-]{2,15}\s)?"
        r"(?:bond|deposit|wages|pay|savings|salary|pension|takings|profit|holiday\smoney)"
        r"|lost\s(?:a|one|two|three|four|five|\d{1,2}|a\sfull|a\swhole|half\sa)\s(?:full\s|"
        r"whole\s)?(?:days?|weeks?|mornings?|afternoons?)\sof\s(?:[\w'-]{2,15}\s)?"
        r"(?:work|trading|sales|orders|dispatches|deliveries|business|bookings|lessons|"
        r"teaching|revision|study|income|wages|pay))\b",
        "{who}{aux} {what}",
        voice="any",
    ),
]

_ONE_CLAUSE = (
    r"(?:(?!\s(?:and|but|so|or|which|because)\b)(?:[^,.;:!?()\n]|[.,](?=\d))){0,60}"
    r"(?=[,.](?!\d)|[;:!?()\n]|\s(?:and|but|so|or|which|because)\b|$)"
)
"""The rest of a clause, up to its end or the next one ("... at 2pm and my suit is ruined")."""

OCCASIONS = [
    rule(
        "stakes",
        "it's|its|it is|it was|they're|they are|this is",
        r"(?:^|\b)(?P<subj>it'?s|its|it\sis|it\swas|this\sis|they'?re|they\sare)\s"
        r"(?P<whose>my|our)\s(?P<what>(?:[\w'’-]{1,20}\s){0,3}?(?:(?:birthday|christmas|wedding|"
        r"anniversary|leaving|retirement|graduation|engagement)\s)?(?:presents?|gifts?|"
        r"\d{1,3}(?:st|nd|rd|th)(?!\s(?:chat|call|time|email|attempt|complaint|order|message|"
        r"letter|visit|week|day|month|year|go|try|request|ticket|contact|reply|booking|delivery|"
        r"engineer|date)\b)|birthday|anniversary|wedding(?:\sday)?))(?=[\s,.;:!?)]|$)",
        "{subj} {whose} {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "due|presenting|speaking|best man|bridesmaid|maid of honour|on my way|on her way|"
        "on his way|on our way",
        rf"(?:^|\b)(?P<who>{WHO}|(?:my|our|his|her)\s[\w'’-]{{2,15}})(?P<be>'s|'m|'re|\s(?:is|am|"
        r"are|was|were))\s(?P<rest>(?:due\s(?:at|in|to\sgive|to\sspeak\sat)|presenting\s(?:at|to)|"
        r"speaking\sat|(?:the\s)?best\sman\sat|(?:a\s)?bridesmaid\sat|(?:the\s)?maid\sof\s"
        r"honour\sat|on\s(?:my|her|his|our|their)\sway\sto)\s(?:a|an|my|our|his|her|their|the)\s"
        rf"(?=[^,.;!?\n]{{0,30}}\b(?:{EVENTS.pattern})\b)[\w'’-]{{2,20}}{_ONE_CLAUSE})",
        "{who}{be} {rest}",
        rank=1,
        voice="any",
    ),
    rule(
        "stakes",
        "before my|before our|before a|before an|before his|before her",
        r"(?P<pre>(?:\b(?:just|right)\s|\b\d{1,3}\s(?:mins?|minutes|hours?|hrs?)\s)?)"
        r"\bbefore\s(?P<whose>my|our|a|an|his|her)\s(?!\d)(?P<event>(?:[\w'’-]{1,20}\s){0,2}?"
        rf"(?:{EVENTS.pattern}))\b(?!\s(?:was|is|had|has|got)\b)",
        "it was {pre}before {whose} {event}",
        rank=3,
        voice="any",
    ),
    rule(
        "stakes",
        "wedding|funeral|interview|party|meeting|flight|exam|operation|appointment|match|"
        "concert|christening|presentation|gig|hen do|stag do|mehndi|nikah|final",
        r"^(?P<event>(?:(?-i:[A-Z])[a-z'’-]{1,15}\s)?(?:[a-z'’-]{2,15}\s)?(?:wedding|funeral|"
        r"interview|party|meeting|flight|exam|operation|appointment|match|concert|christening|"
        r"presentation|gig|hen\sdo|stag\sdo|mehndi|nikah|final))"
        r"(?P<where>\s(?:in|at)\s(?-i:[A-Z])[\w'’-]{1,20}(?:\s(?-i:[A-Z])[\w'’-]{1,20})?)?"
        r"(?P<at>\sat\s\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm))?"
        r"\s(?P<when>tomorrow|today|tonight|this\s(?:morning|afternoon|evening|weekend))"
        r"(?P<at2>\sat\s\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm))?(?=\s?[.,;:!]|\s(?:and|but|so)\b|$)",
        "my {event}{where} is{at} {when}{at2}",
        rank=1,
        voice="any",
    ),
]
"""An occasion the customer names with the thing or the moment: "it's my mum's birthday
present", "he's due at a job interview at 9", "a blow dry before my sister's wedding", a
note's "Family wedding in Kerry tomorrow". A date after "before" ("before the 14th") is
when, not what is at stake, and is not read."""

RULES: list[Rule] = [*NEEDS, *COMING, *COSTS, *OCCASIONS]
"""Every stakes shape (ranks decide between them)."""

NOTED = [
    rule(
        "stakes",
        "booked",
        r"\b(?:cust(?:omer)?|cx|he|she)\s(?:has|'s\sgot)\s(?:a\s)?(?P<what>(?:fitter|plumber|"
        r"electrician|builder|engineer|installer|decorator)\sbooked(?:\s(?:for|on)\s[\w'-]{2,15})?)",
        "she has a {what}",
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
        "moving|moves",
        r"(?:^|[,.;:]\s)(?P<what>(?:moving|moves)\sin(?:to)?\s(?:a\s|the\s|her\s|his\s)?"
        r"(?:[\w'-]{2,15}\s){0,2}?[\w'-]{2,15})(?=\s\d{1,2}(?:st|nd|rd|th)|\s(?:on|this|next)\b)"
        r"(?P<tail>(?:\s[\w'-]{1,15}){1,3})",
        "you are {what}{tail}",
        rank=1,
        voice="note",
    ),
]
"""Stakes only an agent's note gives ("it was her anniversary"), said to the customer."""
