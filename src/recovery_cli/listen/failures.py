"""What went wrong, found by a few general shapes rather than one pattern per phrasing.

A failure is stated in a handful of ways, whoever writes it and however they spell it:

- a thing and what is wrong with it: "my sofa still hasn't arrived", "the box was empty",
  "Optician never turned up", "the app wont load", "Cold-chain parcel arrived warm";
- someone of ours (or "you") doing something to the customer: "the installer you booked
  drilled through a water pipe", "you've taken another payment", "one of your staff
  knocked a box of tiles off a shelf";
- the customer on the receiving end: "I was charged £30", "I can't log in", "I ordered
  size 9 and got size 6", "I never got the reset email";
- something absent: "No mobile signal since 6am", "still no money back" (a bare "there was
  no champagne" or "nobody came" names nothing and is left to the playbook's wording);
- a subject line that names the problem: "Wrong phone sent", "Card payment taken twice",
  "MOT booking not honoured", "Mattress "delivered"", unless it asks for something;
- a delivery shown but not received, a mark found on a thing ("there was a dent on the
  rear bumper"), a wrong item said plainly ("the lenses are NOT varifocals"), something
  found in food.

Each shape is one pattern built from shared vocabularies (`failure_words`: `NEGATED`,
`BAD`, `BROKE`, `STAFF_DID`, `SUFFERED`): a new way of saying "broken" is one phrase in a
list, and the list gives the key words the key index needs (`vocabulary`). The clause is the
subject with its modifier and relative clause ("the TV I ordered"), the predicate, and
the rest of the clause up to where another starts (`clauses.clip`); it is then turned to
the customer (`wording`). The same shapes run on an agent's note, whose clause is turned
from the third person ("cx's laptop won't power on" -> "your laptop won't power on"). A
bare noun gets "the" when it is ours ("the optician") and "your" when it is theirs.
"""

from __future__ import annotations

from recovery_cli.listen.clauses import PAREN, TAIL, Rule, rule
from recovery_cli.listen.failure_words import (
    ACTOR,
    BAD,
    BAD_WORDS,
    BE,
    BROKE,
    BROKE_WORDS,
    LATE,
    MARKED,
    NEGATED,
    NO_WHAT,
    NO_WHAT_FEW,
    NOT,
    NOTED,
    NOTED_SUFFERED,
    SAYS,
    STAFF,
    STAFF_DID,
    STAFF_DID_WORDS,
    STATE,
    SUFFERED,
    SUFFERED_KEYS,
)
from recovery_cli.listen.services import NOT_RECEIVED

_DET = r"(?P<det>my|our|the|your|ur|this|these|that|those|his|her|their|a|an)"
_PART = (
    r"(?P<pre>(?:one|some|two|three|four|half|all|both|most|each|"
    r"(?<!for\s)(?<!of\s)(?<!in\s)(?<!to\s)(?<!with\s)\d{1,3})\sof\s)?"
)
"""A part of what failed ("two of the slats", "3 of the 5 records"); a number after "for" or
"of" belongs to another noun ("the chicken for 2 of the 3 recipes is missing")."""
_W = r"[\w£$€](?:[\w'’£$€%-]|[.,](?=\d)){0,24}"
_NP = rf"(?P<np>(?:{_W}\s){{0,3}}?{_W})"
_BARE = (
    r"(?P<det>)(?!(?:i|i'm|i've|we|you|he|she|it|it's|its|they|this|that|there|the|a|an|my|"
    r"our|your|his|her|their|is|was|are|were|have|has|had|do|did|can|will|would|to|in|on|at|"
    r"for|of|with|not|no|so|and|but|if|when|then|just|still|also|now|please|what|why|how|"
    r"advises|says|states|explains|mentions|confirms|probably|definitely|maybe|honestly|"
    r"seriously|certainly|obviously|apparently|literally|really|actually|nearly|almost|"
    r"every|each|both|all|some|any|most|many|several|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|wants|needs|asks|broken|stuck)\b)"
    r"(?P<np>(?-i:[A-Za-z])[\w'’-]{1,20}(?:\s(?!been\b)[\w'’-]{1,20}){0,3}?)"
)
"""A noun with no determiner ("Optician never turned up"); never a pronoun, a small word, a
number or quantity ("every single order fails") or a state itself ("Broken down on the A9")."""
_VERB_IN_MOD = r"(?:can|could|will|would|should|must|may|might|did|does|do)\b"
"""A modal or "do" ends a modifier: "my friends from Poland can not come" is the friends'."""
_MOD = (
    r"(?P<mod>\s(?:of|with|for|on|in|at|from|inside)\s(?:(?:the|my|our|your|ur|a|an|his|her)\s)?"
    rf"(?:(?!{_VERB_IN_MOD}){_W}\s){{0,2}}?(?!{_VERB_IN_MOD}){_W})?"
)
_REL = (
    r"(?P<rel>\s(?:(?:which|that|who)\s)?(?:I|we|you|u|they)(?:\shave|'ve|\shad)?\s"
    r"(?:ordered|bought|booked|sent|send|paid\sfor|got|received|purchased|chose|arranged|"
    r"appointed|hired|delivered|installed|fitted|supplied|used|picked|subcontracted|"
    r"recommended|engaged|referred\s(?:me|us)\sto)"
    r"(?:\s(?!(?:is|was|are|were|has|have|had|arrived|came|never|didn'?t|hasn'?t|isn'?t|"
    r"won'?t|doesn'?t|keeps|still|just)\b)[\w'’£$€-]{1,20}){0,8}?"
    r"|\s(?:marked|shown|showing)\sas\s\"?delivered\"?(?:\s(?:at|on|by|to)\s[^,.;!?\n]{1,30}?)?"
    r"|\s(?:that|which)\s(?:came|comes)\swith\s(?:my|the|our|a|an)(?:\s[\w'’-]{1,20}){1,3}?)?"
)
_DUE = (
    r"(?P<due>\s(?:booked|due|scheduled|promised|ordered)\s(?:for\s)?(?:\d{1,2}(?:[:.]\d\d)?"
    r"\s?(?:am|pm)|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday))?"
)
_FIRST = r"(?=[oabhstmeyuf\d])"
"""The letters a determiner or "one of" can start with: a cheap test that lets the regular
expression engine skip every other position before it tries the subject."""
_CODE = r"(?:\s(?:no\.?\s|#)?\d[\d-]{2,14}(?![\w-]))?"
"""A number the customer gives after the thing ("your locker code 44812"), left out."""
_THING = rf"{_FIRST}{_PART}{_DET}\s{_NP}{_CODE}{_MOD}{PAREN}{_REL}"
"""A thing with its determiner, a modifier, an aside and a relative clause."""
_WHEN = (
    r"(?:\s(?:today|tomorrow|tonight|yesterday|this\s(?:morning|afternoon|evening|week|month)))?"
)
"""A day between the thing and what went wrong ("my blood test tomorrow is cancelled"), left
out of the clause: the draft says the thing and its failure."""

_START = (
    r"^(?:>\s?)?(?:\[?\d{1,2}[:.]\d{2}\]?\s)?(?:[A-Z][\w-]{1,20}(?:\s\d{1,2}[:.]\d{2})?:\s)?"
    r"(?:@\w{1,30}\s)?(?:(?:hi|hello|hey|hiya|yo|ok|okay|so|well|also|and|but|oh|um|"
    r"update|subject|re)[,:]?\s){0,2}"
)
"""The start of a sentence, after a time, a speaker's name, a handle or a greeting."""
_OPEN = (
    r"(?:^(?:>\s?|[★☆⭐]{1,5}\s)?(?:\[?\d{1,2}[:.]\d{2}\]?\s)?(?:[A-Z][\w-]{1,20}(?:\s\d{1,2}[:.]\d{2})?:\s)?"
    r"(?:@\w{1,30}\s)?(?:(?:hi|hello|hey|hiya|yo|ok|okay|so|well|also|and|but|oh|um|"
    r"update|subject|re)[,:]?\s){0,2}|(?=[(,;:\-–rbasmtyec])(?:\(|[,;:]\s|(?<=\s)[-–]\s|"
    r"\b(?:re|but|and|so|says|said|reports|mentioned|today|yesterday|then|advises|states|"
    r"explains|confirms|claims)\s))"
)
"""Where a clause with no subject of its own may start: the sentence (after a time, a
speaker's name, a handle or a greeting), a bracket, a comma, a dash, or a note's "says"."""


_HEADLINE = (
    r"^(?:subject|title)\s?:\s(?:(?:re|fwd?|fw)\s?:\s){0,4}(?![^\n]{0,80}?\bplease\b)"
    r"(?:(?:order|booking|ref|account|acct|claim)\s#?[\w-]{2,20}\s[-–—:]\s)?"
)
"""A subject line, past "Re:" and "Fwd:" and an order number: it names the problem in a few
words ("Wrong phone sent - order MX-7", "Card payment taken twice"), unless it asks for
something ("wrong size, please change")."""
_HEADLINE_END = r"(?=\s[-–—]\s|\s?[!.,(]|\sand\s|$)"
"""Where the headline's first phrase ends: a dash, a stop, a bracket, "and"; never "?"."""
_UNDONE = (
    r"(?:still\s)?not\s(?:received|processed|honou?red|delivered|refunded|fixed|returned|"
    r"credited|applied|cancell?ed|paid|sent|activated|connected|repaired|installed)"
    r"|(?:taken|charged|billed|debited|paid|sent|delivered)\s(?:twice|double|two\stimes)"
    r"|double[\s-](?:booked|charged|billed)|(?:sent|delivered|posted)\sto\s(?:the\s)?wrong"
    r"\s[\w'’-]{2,15}|charged\s(?:on|for)\s(?:a|an|my|the)\s[\w%'’-]{1,20}"
)
"""What a headline says was not done, or done wrong, with its verb's "was" left out."""


def _keys(*vocabularies: frozenset[str] | str) -> str:
    """Keys for `rule`: the union of vocabularies' keys and any words given as text."""
    found: set[str] = set()
    for each in vocabularies:
        found.update(each.split("|") if isinstance(each, str) else each)
    return "|".join(sorted(found))


_VISITOR = (
    r"(?:engineer|technician|tech|driver|courier|fitter|installer|plumber|electrician|assembler|"
    r"nurse|carer|cleaner|surveyor|inspector|gardener|handyman|builder|crew|team|mechanic|"
    r"locksmith|therapist|tutor|instructor|photographer|van)"
)
"""Who comes to the customer and can fail to ("Washer engineer no show AGAIN")."""

_PLACES = (
    r"(?:house|address|door|flat|number|building|street|postcode|person|name|time|day|date|way|"
    r"people|department|team|place|station|platform|gate|terminal)"
)
"""Where or to whom a thing went wrong, never a thing received ("Wrong house.")."""

_GOES_ON = (
    r"again|today|yesterday|overnight|twice|in|on|at|for|since|from|with|by|and|but|after|"
    r"before|while"
)
"""Words after a state or a participle that carry its clause on ("cancelled in January",
"down again", "crashed for the whole match"): what follows is not the noun it describes."""
_NOT_BEFORE_NOUN = (
    rf"(?!\s(?!(?:{_GOES_ON}|tonight|now|already|still|too|anyway|everywhere|completely|"
    r"totally|entirely|all|or|as|so|until|till|whilst|when|because|during|despite)\b)[a-z]{3,20}"
    r"(?:\s[a-z]{2,20})?(?:\s*$|[,.;!?]))"
)
"""A bare state with a noun after it, then the end, is an adjective ("Refund request -
cancelled flight", "Move on 14th - damaged items"), not what happened to the thing before
it."""
_AFTER_A_DASH = (
    r"(?:(?<![-–]\s)|(?![a-z]{2,15}(?:ed|en)\b)|(?=\S+(?:\s*$|[,.;:!?)]|\s(?:"
    rf"{_GOES_ON}|worse|to|last|this|&|bent|broken|damaged|late|smashed|cracked|wet|soaked|"
    r"empty|open|opened|faulty|dead|torn|incomplete|leaking|damp|wrong|missing)\b)))"
)
"""After a headline's dash ("Order 99102 - smashed eggs and missing items"), a participle
with a noun after it names what is wrong, not what happened to the thing before the dash:
read only when the end, a stop, a preposition or a state follows ("Water meter application -
declined", "chafing dishes - arrived bent", "stream - crashed for the whole main event")."""
_THING_TEMPLATE = "{pre}{det} {np}{mod}{rel} {pred}{tail}"

RULES: list[Rule] = [
    rule(
        "issue",
        "subject|title",
        rf"{_HEADLINE}(?P<what>wrong\s(?:[\w'’-]{{1,20}}\s){{0,2}}?[\w'’-]{{1,20}})(?:\s(?:sent|"
        r"delivered|given|supplied|dispensed|received))?(?P<tail>\s(?:in|for|on|with)\s(?:my|our|"
        rf"the|his|her)\s(?:[\w'’-]{{1,20}}\s){{0,2}}?[\w'’-]{{1,20}})?{_HEADLINE_END}",
        "I received the {what}{tail}",
        rank=1,
    ),
    rule(
        "issue",
        "else's|elses",
        rf"{_HEADLINE}someone\selse'?s\s(?P<what>(?:[\w'’-]{{2,20}}\s){{0,2}}?[\w'’-]{{2,20}})"
        rf"{_HEADLINE_END}",
        "I received someone else's {what}",
        rank=1,
    ),
    rule(
        "issue",
        "wrong",
        rf"{_START}(?P<what>wrong\s(?!(?:[\w'’-]{{1,20}}\s){{0,2}}?{_PLACES}\b)"
        rf"(?:[\w'’-]{{1,20}}\s){{0,2}}?[\w'’-]{{1,20}})(?=\s?[.!]*$)",
        "I received the {what}",
        rank=2,
    ),
    rule(
        "issue",
        "subject|title",
        rf"{_HEADLINE}{_BARE}(?:\s[-–—:])?\s(?P<done>{_UNDONE}){_HEADLINE_END}",
        "{det} {np} {were} {done}",
        rank=1,
    ),
    rule(
        "issue",
        "subject|title",
        rf"{_HEADLINE}{_BARE}\s[\"“]delivered[\"”]",
        "{det} {np} show{s} as delivered but {has}n't reached me",
        rank=1,
        needs=NOT_RECEIVED,
    ),
    rule(
        "issue",
        "subject|title",
        rf"{_HEADLINE}{_BARE}\s(?:doa|dead\son\sarrival){_HEADLINE_END}",
        "{det} {np} {were} dead on arrival",
        rank=1,
    ),
    rule(
        "issue",
        "subject|title",
        rf"{_HEADLINE}(?:the\s|your\s|ur\s)?(?P<who>(?:[\w'’-]{{2,20}}\s){{0,2}}?{STAFF})\s"
        rf"(?P<pred>{STAFF_DID}){TAIL}",
        "the {who} {pred}{tail}",
        rank=1,
    ),
    rule(
        "issue",
        "no-show|no show",
        r"\b(?:advises|reports|says|said|re:?|about)\s(?:an?\s|the\s)?(?P<det>)(?P<np>[\w'’-]{2,20}"
        r"(?:\s[\w'’-]{2,20})?)\sno[\s-]show\b(?P<for>\s(?:for|on|at)\s(?:(?:the|my|her|his|their|"
        r"our|a)\s)?(?:[\w'’-]{1,20}\s){0,2}?[\w'’-]{1,20})?(?=\s?[,.;!?()]|\s(?:and|but|today|"
        r"yesterday|this|slot)\b|$)",
        "{det} {np} was a no-show{for}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "nobody|no one|no-one|noone",
        r"\b(?P<det>your|ur|the|my|our)\s(?P<np>(?:[a-z]{3,12}\s)?(?:engineer|technician|tech|driver|"
        r"fitter|fitters|installer|courier|surveyor|plumber|electrician|nurse|carer|cleaner|"
        r"cleaners|locksmith|delivery|collection|visit|appointment|repair|installation))\s"
        r"(?:was|were)\s(?:booked|due|scheduled|supposed\sto\scome|meant\sto\scome|coming)\b"
        r"[^.!?;\n]{0,60}?\s(?:and|but)\s(?:no\sone|nobody|no-one|noone)(?:'s|\shas)?\s"
        r"(?:came|come|turned\sup|shown\sup|showed(?:\sup)?|arrived)\b",
        "{det} {np} didn't come",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        "no-show|no show",
        r"(?:^(?:subject:\s|re:\s)?|,\s)(?P<det>)(?:no[\s-]show\s(?P<np>tech|technician|engineer|"
        r"driver|fitter|installer|courier|surveyor|plumber|electrician|nurse)"
        r"|(?P<np2>engineer|technician|driver|fitter|installer|courier|surveyor|plumber|"
        r"electrician|nurse)\sno[\s-]show)\b",
        "the {np}{np2} was a no-show",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "subject|title",
        rf"{_HEADLINE}(?P<pred>(?:denied|refused|overcharged|double[\s-]charged)"
        rf"(?:\s[\w'’£$€%-]{{1,20}}){{0,6}}?){_HEADLINE_END}",
        "I was {pred}",
        rank=1,
    ),
    rule(
        "issue",
        _keys(NOT.keys, BAD_WORDS.keys, BROKE_WORDS.keys, MARKED.keys, SAYS.keys),
        rf"\b{_THING}{_WHEN}(?:\s|(?='s\sbeen\s))\"?(?P<pred>{NEGATED}|{BE}\s{BAD}|{BROKE}|(?P<weak>{SAYS.pattern})){TAIL}",
        "{pre}{det} {np}{mod}{rel} {pred}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        _keys(NOT.keys, BROKE_WORDS.keys, MARKED.keys, BAD_WORDS.keys, SAYS.keys, STATE.keys),
        rf"{_OPEN}{_BARE}{_MOD}{PAREN}{_DUE}{_WHEN}(?:\s|(?='s\sbeen\s)){_AFTER_A_DASH}(?P<pred>{NEGATED}|{BROKE}|"
        rf"{BE}\s{BAD}|(?P<weak>{SAYS.pattern})|\"?(?P<state>{STATE.pattern})\b{_NOT_BEFORE_NOUN})"
        rf"{TAIL}",
        "{det} {np}{mod}{due} {pred}{tail}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "will|would|should|meant|ment|supposed|due|must|promised|guaranteed|booked|scheduled|"
        "arranged",
        rf"(?:\b{_DET}\s|{_OPEN}(?P<bare>)){_NP}(?P<of>\sof\s(?:[\w'’-]{{1,20}}\s){{0,2}}?"
        rf"[\w'’-]{{1,20}})?(?P<paren>\s\([^()\n]{{1,30}}\))?\s(?:(?:will|would|"
        r"should|must|(?:was|were)\s(?:meant|ment|supposed|due|promised|guaranteed|booked|"
        r"scheduled|arranged)(?:\sto)?)\s(?:now\s|definitely\s|only\s)?(?:be\s)?(?:ready|arrive|"
        r"come|delivered|here|with\s(?:me|us)|sent|dispatched|fitted|installed|back|repaired|fixed|"
        r"collected|collect|turn\sup|fit|install|deliver|pick\sup)\b|(?:was|were)\s"
        r"due\s(?=(?:on\s|by\s)?(?:mon|tue|wed|thu|fri|sat|sun|today|yesterday|the\s\d|\d)))",
        "{det} {np}{of}{paren} {be} late",
        rank=2,
        needs=LATE,
        voice="any",
    ),
    rule(
        "issue",
        "promised|guaranteed",
        rf"\b(?:you|u|they)\s(?:promised|guaranteed)\s(?:me\s|us\s)?{_DET}\s{_NP}"
        r"(?=\s(?:back|by|for|on|in|to|would|will|was|within|before|and)\b|\s?[,.;!?\"“]|$)",
        "{det} {np} {be} late",
        rank=2,
        needs=LATE,
    ),
    rule(
        "issue",
        "where",
        rf"\bwhere(?:'?s|\sis|\sare|\sthe\shell\sis)\s(?P<det>my|our)\s{_NP}(?P<mod>\sfor\s(?:the|"
        r"my|our|a|an)\s(?:[\w'’-]{1,20}\s){0,3}?[\w'’-]{1,20})?(?=\s?[?!.,]|$|\s"
        r"(?:lol|pls|please|then|now|mate)\b)",
        "{det} {np}{mod} {has}n't arrived",
        rank=3,
        needs=LATE,
    ),
    rule(
        "issue",
        "late|missing|damaged|wrong|failed|declined|double|duplicate|missed|faulty|broken|"
        "cancel",
        r"(?:\b(?:re|about|over)|\bissue\s?[=:])\s(?:an?\s|the\s|her\s|his\s|their\s)?(?P<adj>late|missing|"
        r"damaged|wrong|failed|declined|double|duplicate|missed|faulty|broken|cancell?ed)\s"
        r"(?P<det>)(?P<np>[\w'’-]{2,20}(?:\s(?!(?:and|but|on|for|in|at|with|from|to|of)\b)"
        r"[\w'’-]{2,20}){0,2})(?=[\s,.;:()-]|$)",
        "{det} {np} {were} {adj}",
        rank=2,
        voice="note",
    ),
    rule(
        "issue",
        "no-show|no show",
        r"\b(?:re|about|over)\s(?:a\s|the\s)?no[\s-]show\s(?:on|for|at|of)\s(?:the\s|her\s|his\s|"
        r"their\s)?(?P<det>)(?P<np>[\w'’-]{2,20}(?:\s(?!(?:and|but|ref|on|for|at)\b)[\w'’-]{2,20})"
        r"{0,2})",
        "{det} {np} {were} missed",
        rank=2,
        voice="note",
    ),
    rule(
        "issue",
        "has since|have since|has been|have been|has now|has also",
        rf"{_START}(?P<pred>(?:has|have)(?:\s(?:since|now|also|still|then))?\sbeen\s(?:billed|"
        rf"charged|debited|overcharged|cut\soff|locked\sout)){TAIL}",
        "{me} {pred}{tail}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        _keys(STAFF_DID_WORDS.keys),
        rf"{_OPEN}(?P<who>(?:(?:bin|delivery|cabin|cleaning|kitchen|removal|dental|ground)\s)?"
        r"(?:staff\smember|member\sof\sstaff|staff|colleague|driver|engineer|tech|technician|"
        r"contractor|courier|fitter|barista|server|cashier|worker|crew|team|cleaner|porter|"
        r"installer|plumber|electrician|nurse|receptionist|guard|groomer|mechanic|waiter|waitress|"
        r"porter|pharmacist|stylist|barber|instructor|trainer|steward|housekeeper|housekeeping|"
        r"valet|attendant|chef|cook|tiler|roofer|carer|gardener|assembler))(?P<rel>\s(?:we|"
        r"they)\s(?:sent|booked|used)(?:\sfor\s[^,.;!?()\n]{1,30}?)?)?(?P<mod>\s\([^()\n]{1,40}"
        rf"\))?\s(?P<pred>{STAFF_DID}){TAIL}",
        "the {who}{rel}{mod} {pred}{tail}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        _keys(STAFF_DID_WORDS.keys),
        rf"{_FIRST}{_PART}\b{ACTOR}(?P<rel>\s(?:you|u|they|(?:your|ur)\scompany)\s(?:sent|booked|"
        r"hired|appointed|used|"
        r"send|chose)(?:\s(?:last\s\w{3,9}|yesterday|today|this\s\w{3,9}))?(?:\sto\s"
        r"[^,.;!?()\n]{1,50}?)?)?(?P<dated>\s(?:today|yesterday)\s\([^()\n]{1,40}\))?"
        r"(?P<mod>\s\([^()\n]{1,40}\))?(?P<when>\s(?:today|yesterday|this\s"
        r"morning|last\s\w{3,9}|just|then|also|even|still|actually|literally|who))?"
        r"(?P<aux>(?:\s(?:have|has|had)|'ve|ve)(?:\s(?:still|also|now|just|even|already|since|then))?)?"
        rf"\s(?P<pred>{STAFF_DID}){TAIL}",
        "{pre}{who}{at}{rel}{mod}{when}{aux} {pred}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        SUFFERED_KEYS,
        r"(?P<lead>\b(?:I|we)(?:'?m\snow|\snow|\sjust|\salso|\sstill|\sreally|\sliterally)?"
        rf"\s?)(?P<pred>{SUFFERED}){TAIL}",
        "{lead}{pred}{tail}",
        rank=2,
        voice="customer",
    ),
    rule(
        "issue",
        SUFFERED_KEYS,
        rf"(?:{_START}|\b(?:and|but)\s)(?P<pred>{SUFFERED}){TAIL}",
        "I {pred}{tail}",
        rank=3,
        voice="customer",
    ),
    rule(
        "issue",
        "cannot|can't|cant|unable",
        r"(?:^|(?<=\s[-–]\s)|(?<=\.\s))(?P<pred>(?:cannot|can'?t|cant)\s(?:log\s?in|"
        rf"sign\sin|get\s(?:in|into|through)|access|pay|top\sup|book|cancel)){TAIL}",
        "cx {pred}{tail}",
        rank=3,
        voice="note",
    ),
    rule(
        "issue",
        "unable",
        r"(?:^|(?<=\s[-–]\s)|(?<=\.\s))(?P<pred>unable\sto\s(?:log\s?in|"
        rf"sign\sin|get\s(?:in|into|through)|access|pay|top\sup|book|cancel)){TAIL}",
        "cx has been {pred}{tail}",
        rank=3,
        voice="note",
    ),
    rule(
        "issue",
        _keys(NOTED.keys),
        r"\b(?P<lead>(?:cx|cust|customer|she|he)\s(?:now\s|still\s)?)"
        rf"(?P<pred>{NOTED_SUFFERED}){TAIL}",
        "{lead}{were}{pred}{tail}",
        rank=2,
        voice="note",
    ),
    rule(
        "issue",
        "locked out|shut out|kicked out|logged out",
        rf"(?!subject\b){_START}(?P<pred>(?:locked|shut|kicked|logged)\sout\sof){TAIL}",
        "I was {pred}{tail}",
        rank=2,
        voice="customer",
    ),
    rule(
        "issue",
        "locked out|shut out|kicked out|logged out",
        rf"(?!subject\b)(?:{_START}|(?<=\s[-–]\s))(?P<pred>(?:locked|shut|kicked|logged)\sout\sof)"
        rf"{TAIL}",
        "cx was {pred}{tail}",
        rank=2,
        voice="note",
    ),
    rule(
        "issue",
        "says|say|said|told",
        r"\b(?P<det>the|your|ur|)\s?(?P<np>(?:front\s)?desk|reception(?:ist)?|hotel|site\smanager|"
        r"manager|desk\sclerk|clerk|staff|hostess|host|agent|girl|guy|lady|man|warden)"
        r"(?:\s\([^()\n]{1,40}\))?"
        r"\s(?P<say>says?|"
        r"said|told\s(?:me|us))\s(?:that\s)?(?P<what>(?:they\s(?:have|had)|there\s(?:is|was|'s|were)|"
        r"we\s(?:have|had))\sno\s(?:booking|reservation|record|room|table|car|seat|minivan|van)s?"
        r"(?:\s(?:under|with|for|in)\s(?:my|our|the|your|his|her)\s[\w'’-]{2,20})?"
        r"|no\s(?:[\w'’-]{1,15}\s){0,2}?(?:rooms?|tables?|cars?|seats?|seaters?|vans?|minivans?|"
        r"pitch(?:es)?|spaces?|beds?)\s(?:available|left|free)|(?:it'?s|it\shas)\sbeen\s(?:given|"
        r"let|sold)\sto\s(?:someone|somebody|another\s(?:guest|family|customer|group))(?:\selse)?"
        r"|(?:I|we)(?:'m|'re|"
        r"\sam|\sare|\swas|\swere|m)\snot\son\sthe\s(?:system|list|booking|manifest|rota))\b",
        "{det} {np} {say} {what}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "no show|no-show",
        rf"{_OPEN}(?P<det>)(?P<np>(?:[a-z][\w'’-]{{1,20}}\s)?{_VISITOR})\sno[\s-]show\b"
        r"(?P<tail>\s(?-i:AGAIN|again))?",
        "{det} {np} {were} a no-show{tail}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "instead",
        rf"\b{_THING}\s(?P<pred>(?:came|arrived|was\sdelivered|turned\sup)\swith\s"
        r"[^,.;!?()\n]{1,50}?\sinstead\sof\s[^,.;!?()\n]{1,50}?)(?=\s?[,.;!?()]|\s(?:and|but|which"
        r"|so)\b|$)",
        "{pre}{det} {np}{mod}{rel} {pred}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        "instead",
        rf"(?:(?P<who>\b(?:I|we)\s(?:have\s|'ve\s|just\s)?)|{_START}(?=(?:got|received)\s))"
        r"(?P<pred>(?:got|received|were\ssent|was\ssent|been\ssent)\s[^,.;!?()\n]{1,50}?\sinstead\s"
        r"of\s[^,.;!?()\n]{1,50}?)(?=\s?[,.;!?()]|\s(?:and|but|which|so)\b|$)",
        "{who} {pred}",
        rank=1,
        voice="customer",
    ),
    rule(
        "issue",
        "told",
        r"\b(?:was|were|be|been)\stold\s(?:that\s)?(?P<what>(?:they|the\s(?:hotel|site|venue|desk|"
        r"restaurant))\s(?:had|have)\s[\"“]?no\s(?:record|booking|reservation|room|table|space|pitch)"
        r"s?[\"”]?(?:\s(?:of|for|under)\s(?:us|me|it|(?:my|our|the)\s[\w'’-]{2,20}))?)",
        "I was told {what}",
        rank=2,
        voice="customer",
    ),
    rule(
        "issue",
        "no ",
        rf"(?:,\s|\buntil\snow\s|\bas\sof\snow\s|\bso\sfar\s)(?P<what>no\s(?P<np>{NO_WHAT_FEW}))"
        r"\s(?:yet|still)(?=\s?[,.;!?]|$)",
        "there is still {what}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "reported|complained|raised|logged",
        r"(?P<lead>\b(?:I|we)(?:'ve|\shave|\shad|'d)?(?:\salready|\snow)?\s)(?P<verb>reported|"
        rf"complained\sabout|raised|logged)\s(?P<det>the|my|our)\s{_NP}{_MOD}(?P<tail>(?:\s"
        r"(?:[\w'’-]{1,20})){0,3}?\s(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|"
        r"several|multiple|many|countless)\s(?:times|occasions)(?:\s(?:since|in|over|this|last)"
        r"(?:\s[\w'’-]{1,20}){1,2})?)(?=\s?[,.;!?()—–-]|\s(?:and|but|now|already|yet)\b|$)",
        "{lead}{verb} {det} {np}{mod}{tail}",
        rank=3,
        voice="customer",
    ),
    rule(
        "issue",
        "chasing",
        r"\bchasing\s(?:up\s)?(?:(?:a|the|my|our|her|his|their)\s)?(?P<np>refund|replacement|"
        r"credit|compensation|repair)(?P<mod>\sfor\s(?:(?:a|an|the|my|our|her|his|their)\s)?"
        r"(?:[\w'’$£€.,-]{1,20}\s){0,4}?[\w'’$£€.,-]{1,20})?(?=\s?[,.;!?()—–-]|\s(?:and|but|which|"
        r"that|as|since|from|after)\b|$)",
        "the {np}{mod} still {has}n't come through",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "found",
        rf"(?:{_START}|\b(?:I|we)\s(?:just\s|have\s|'ve\s|then\s)?)found\s(?P<what>(?:a|an|some|two|"
        r"three|\d{1,2})\s(?:[\w'’-]{1,20}\s){0,3}?(?:piece|bit|shard|chunk|lump|hair|fly|insect|"
        r"bug|slug|worm|maggot|glass|plastic|metal|stone|mould|mold|bone|screw|nail|staple|"
        r"plaster|cockroach|droppings)s?(?:\sof\s(?:[\w'’-]{1,20}\s){0,2}?[\w'’-]{1,20})?)\s"
        r"(?P<where>in\s(?:the|my|our|his|her|a|an)\s(?:[\w'’-]{1,20}\s){0,3}?[\w'’-]{1,20})"
        r"(?=\s?[,.;!?(]|\s(?:from|which|that|and|but|I|we|when|after)\b|$)",
        "I found {what} {where}",
        rank=1,
    ),
    rule(
        "issue",
        "cancelled|canceled",
        r"\b(?P<what>cancell?ed\s[^,.;!?\n]{1,30}?),?\s(?:(?:and|but|then)\s)?(?:still\s)?(?:I\s"
        rf"(?:was|got)\s|got\s|was\s)?(?:still\s)?(?P<how>charged|billed|debited){TAIL}",
        "I {what} and I was still {how}{tail}",
        rank=1,
        voice="customer",
    ),
    rule(
        "issue",
        "ordered",
        rf"(?:{_OPEN}|\b(?:I|we)\s)ordered\s(?P<thing>(?:(?:the|a|an)\s)?[^,.;!?()\n]{{2,40}}?)"
        r"(?:\s\([^()\n]{1,30}\))?(?:,\s|\s)(?:and\s|but\s|then\s)?(?:I\s)?(?:received|got)\s"
        rf"(?P<got>(?:one|a|an|the|some)\s[^,.;!?()\n]{{1,40}}?|[^,.;!?()\n]{{1,40}}?)\b{TAIL}",
        "I ordered {thing} and got {got}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        "instead of",
        r"\binstead\sof\s(?P<want>(?:the|a|an|my|our)\s[^,.;!?()\n]{1,30}?),?\s(?:there'?s|theres|"
        r"there\s(?:was|is|were|are)|I\s(?:got|received)|we\s(?:got|received)|(?:you|u)\ssent"
        r"(?:\sme|\sus)?|it'?s)\s(?P<got>(?:a|an|some|two|\d{1,2})\s[^,.;!?()\n]{1,30}?)"
        r"(?=\s(?:in\sthe|inside|instead)\b|\s?[,.;!?(]|$)",
        "I received {got} instead of {want}",
        rank=1,
        voice="customer",
    ),
    rule(
        "issue",
        _keys(MARKED.keys, "scrape"),
        r"\bthere\s(?P<be>was|were|is|are)\s(?:now\s|also\s)?(?P<what>(?:a|an|two|three|several|"
        r"some)\s(?:[\w'’-]{1,15}\s){0,2}?(?:dent|scratch|scrape|crack|hole|tear|stain|chip|gouge|"
        r"mark|burn)(?:e?s)?(?:\s(?:and|&)\s(?:a\s)?[\w-]{2,12})?)\s(?P<where>(?:on|in|down|across|"
        r"along|under)\s(?:the|my|our|his|her)\s(?:[\w'’-]{1,20}\s){0,2}?[\w'’-]{1,20})"
        r"(?=\s?[,.;!?]|\s(?:that|which|and|but|when)\b|$)",
        "there {be} {what} {where}",
        rank=1,
    ),
    rule(
        "issue",
        "not",
        rf"\b{_THING}\s(?:is|are|was|were)\s(?-i:NOT|not)\s(?P<what>(?:the\s|a\s|an\s)?[\w'’-]{{2,20}}"
        r"(?:\s[\w'’-]{2,20}){0,2}?)(?=,\s(?:they'?re|it'?s|they\sare|it\sis|but|instead)\b|\s"
        r"(?:but|instead)\b|\s?[-–—;]\s?(?:they|it)\b)",
        "{pre}{det} {np}{mod}{rel} {be} not {what}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        "there",
        r"\b(?P<lead>there\s(?:is|was|were|'s\sbeen|has\sbeen|had\sbeen)\s(?:still\s)?)"
        r"(?P<what>no\s(?:record|booking|reservation|trace)s?(?:\sof\s(?:us|me|it|them|(?:my|our|the)"
        r"\s[\w'’-]{2,20}))?)\b(?![^\s,.;:!?])",
        "{lead}{what}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "no ",
        rf"(?:{_OPEN}|\bstill\s|\band\s|\bbut\s)(?P<what>no\s{NO_WHAT})(?P<tail>\s(?:since|"
        r"for)(?:\s(?!(?:and|but|so|because|as|with)\b)[^\s,.;:!?()\n]{1,20}){1,4})",
        "there has been {what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "no ",
        rf"(?:{_OPEN}|\bstill\s|\band\s|\bbut\s)(?P<what>no\s{NO_WHAT})(?P<tail>\s(?:in\sthe\s"
        r"(?:box|bag|parcel|package)|at\sall|anywhere|on\sthe\s\w{2,12})(?:\s[^\s,.;:!?()\n]"
        r"{1,20}){0,4})",
        "there was {what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "no ",
        rf"(?:\b(?P<still>still)\s|\b(?:says|said|told\s\w{{2,4}}|that|and|but)\s)(?P<what>no\s"
        rf"(?P<np>{NO_WHAT_FEW}))(?=\s?[,.;!?]"
        r"|$|\s(?:avail|available|left|yet|at\sall)\b)(?P<tail>\s(?:avail|available|left|yet|at\sall))?",
        "there {be} {still} {what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "ordered|purchased",
        rf"(?:\b(?:I|we)\s(?:have\s|'ve\s)?|{_START})(?:ordered|purchased)\s(?:(?:a|an|the|my|"
        rf"some|two|2)\s)?{_NP}{PAREN}(?=\s(?:on|in|from|last|for|back|online|and|which|"
        r"through|via|with)\b|[,.]|$)",
        "my {np} {has}n't arrived yet",
        rank=3,
        needs=LATE,
        voice="any",
    ),
    rule(
        "issue",
        "about|re|regarding|with",
        rf"\b(?:calling|ringing|writing|emailing|chasing|about|re|regarding|"
        r"(?:problem|issue|trouble|delay|no-?one|no\sone|nobody)\swith)\s(?:about\s)?"
        r"(?P<det>the|my|our)\s(?!(?:[\w'-]+\s){1,3}(?:going|being|getting|showing|saying|giving|"
        rf"keeping|not|still)\b){_NP}{PAREN}(?=\s(?:again|order|delivery|which|that|I|and)\b|[,.;!?]|$)",
        "{det} {np} {be} late",
        rank=5,
        needs=LATE,
        voice="customer",
    ),
    rule(
        "issue",
        "took|placed",
        r"\b(?:you|u|they|I|we)\s(?:took|placed)\s(?:the|my|an|our)\sorder\sfor\s(?:the|a|an|my|"
        rf"our|two|2)\s{_NP}(?=\s(?:on|in|and|from|last|which)\b|[,.;]|$)",
        "my {np} {has}n't arrived yet",
        rank=3,
        needs=LATE,
        voice="any",
    ),
    rule(
        "issue",
        "ordered|bought|purchased",
        rf"\b(?P<det>the|my|our)\s{_NP}\s(?:which|that)\s(?:I|we)\s(?:have\s)?(?:ordered|"
        r"bought|purchased)\b",
        "{det} {np} {has}n't arrived yet",
        rank=3,
        needs=LATE,
    ),
]  # fmt: skip
"""The general shapes of a failure, in the customer's words or an agent's note."""
