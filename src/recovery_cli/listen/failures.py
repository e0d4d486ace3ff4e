"""What went wrong, found by a few general shapes rather than one pattern per phrasing.

A failure is stated in a handful of ways, whoever writes it and however they spell it:

- a thing and what is wrong with it: "my sofa still hasn't arrived", "the box was empty",
  "Optician never turned up", "the app wont load", "Cold-chain parcel arrived warm";
- someone of ours (or "you") doing something to the customer: "the installer you booked
  drilled through a water pipe", "you've taken another payment", "one of your staff
  knocked a box of tiles off a shelf";
- the customer on the receiving end: "I was charged £30", "I can't log in", "I ordered
  size 9 and got size 6", "I never got the reset email";
- something absent: "there was no record of us", "No mobile signal since 6am", "nobody
  came".

Each shape is one pattern built from shared vocabularies (`NEGATED`, `BAD`, `BROKE`,
`STAFF_DID`, `SUFFERED`): a new way of saying "broken" is one phrase in a list, and the
list gives the key words the key index needs (`clauses.vocabulary`). The clause is the
subject with its modifier and relative clause ("the TV I ordered"), the predicate, and
the rest of the clause up to where another starts (`clauses.clip`); it is then turned to
the customer (`wording`). The same shapes run on an agent's note, whose clause is turned
from the third person ("cx's laptop won't power on" -> "your laptop won't power on"). A
bare noun gets "the" when it is ours ("the optician") and "your" when it is theirs.
"""

from __future__ import annotations

from recovery_cli.listen.clauses import PAREN, TAIL, Rule, rule, signal
from recovery_cli.listen.vocabulary import vocabulary

_DET = r"(?P<det>my|our|the|your|ur|this|these|that|those|his|her|their)"
_PART = r"(?P<pre>(?:one|some|two|three|half|all|both|most|each)\sof\s)?"
_W = r"[\w£$€](?:[\w'’£$€%-]|[.,](?=\d)){0,24}"
_NP = rf"(?P<np>(?:{_W}\s){{0,3}}?{_W})"
_BARE = (
    r"(?P<det>)(?!(?:i|i'm|i've|we|you|he|she|it|it's|its|they|this|that|there|the|a|an|my|"
    r"our|your|his|her|their|is|was|are|were|have|has|had|do|did|can|will|would|to|in|on|at|"
    r"for|of|with|not|no|so|and|but|if|when|then|just|still|also|now|please|what|why|how)\b)"
    r"(?P<np>(?-i:[A-Za-z])[\w'’-]{1,20}(?:\s[\w'’-]{1,20}){0,3}?)"
)
"""A noun with no determiner ("Optician never turned up"); never a pronoun or a small word."""
_MOD = (
    r"(?P<mod>\s(?:of|with|for|on|in|from|inside)\s(?:(?:the|my|our|your|a|an|his|her)\s)?"
    rf"(?:{_W}\s){{0,2}}?{_W})?"
)
_REL = (
    r"(?P<rel>\s(?:(?:which|that|who)\s)?(?:I|we|you|u|they)(?:\shave|'ve|\shad)?\s"
    r"(?:ordered|bought|booked|sent|send|paid\sfor|got|received|purchased|chose|arranged|"
    r"appointed|hired|delivered|installed|fitted|supplied|used|picked)"
    r"(?:\s(?!(?:is|was|are|were|has|have|had|arrived|came|never|didn'?t|hasn'?t|isn'?t|"
    r"won'?t|doesn'?t|keeps|still|just)\b)[\w'’£$€-]{1,20}){0,8}?"
    r"|\s(?:marked|shown|showing)\sas\s\"?delivered\"?(?:\s(?:at|on|by|to)\s[^,.;!?\n]{1,30}?)?)?"
)
_DUE = (
    r"(?P<due>\s(?:booked|due|scheduled|promised|ordered)\s(?:for\s)?(?:\d{1,2}(?:[:.]\d\d)?"
    r"\s?(?:am|pm)|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday))?"
)
_THING = rf"{_PART}{_DET}\s{_NP}{_MOD}{PAREN}{_REL}"
"""A thing with its determiner, a modifier, an aside and a relative clause."""

_START = (
    r"^(?:>\s?)?(?:\[?\d{1,2}[:.]\d{2}\]?\s)?(?:[A-Z][\w-]{1,20}(?:\s\d{1,2}[:.]\d{2})?:\s)?"
    r"(?:@\w{1,30}\s)?(?:(?:hi|hello|hey|hiya|yo|ok|okay|so|well|also|and|but|oh|um|"
    r"update|subject|re)[,:]?\s){0,2}"
)
"""The start of a sentence, after a time, a speaker's name, a handle or a greeting."""
_OPEN = (
    r"(?:^(?:>\s?)?(?:\[?\d{1,2}[:.]\d{2}\]?\s)?(?:[A-Z][\w-]{1,20}(?:\s\d{1,2}[:.]\d{2})?:\s)?"
    r"(?:@\w{1,30}\s)?(?:(?:hi|hello|hey|hiya|yo|ok|okay|so|well|also|and|but|oh|um|"
    r"update|subject|re)[,:]?\s){0,2}|\(|[,;:]\s|\s[-–]\s|\b(?:re|but|and|so|says|said|"
    r"reports|mentioned|today|yesterday|then)\s)"
)
"""Where a clause with no subject of its own may start: the sentence (after a time, a
speaker's name, a handle or a greeting), a bracket, a comma, a dash, or a note's "says"."""

_NOT = vocabulary(
    "hasn't|hasnt|has not|haven't|havent|have not|isn't|isnt|is not|aren't|arent|are not|"
    "wasn't|wasnt|was not|weren't|werent|were not|didn't|didnt|did not|never|won't|wont|"
    "will not|doesn't|doesnt|does not|can't|cant|cannot|couldn't|couldnt|still not|not|"
    "(?:was|were|has|have|had|is|are) never"
)
_DONE = vocabulary(
    "arrive[sd]?|comes?|came|turned up|turns? up|shown up|show(?:s|ed)?(?: up)?|here|"
    "delivered|reached (?:me|us)|got here|sent|ready|working|works?|loads?|opens?|close|"
    "shut|lock|fit|start|connect|charge|switch on|turn on|power on|accept|recogni[sz]e|"
    r"let (?:me|us) \w{2,10}|attend|called (?:me )?back|call (?:me )?back|received|"
    "processed|refunded|fixed|done|valid|available|reserved|booked|there|registered|"
    "recorded|in stock|back|on the (?:system|list|van|booking)|made|"
    "been (?:sent|delivered|fixed|processed|refunded|done|returned|"
    "credited|paid)"
)
NEGATED = (
    rf"(?:(?:still|also|even)\s)?{_NOT.pattern}(?:\s(?:yet|even|ever|been|be|properly|"
    rf"actually))?\s{_DONE.pattern}\b"
)
"""A thing that did not come, work or happen: "still hasn't arrived", "wont load"."""

_BAD = vocabulary(
    "broken|smashed|cracked|damaged|dented|chipped|scratched|torn|ripped|stained|leaking|"
    "bent|shattered|crushed|snapped|faulty|missing|empty|wrong|late|delayed|cancell?ed|lost|"
    "down|offline|dead|frozen|locked|blocked|suspended|invalid|expired|incorrect|warm|"
    "melted|soaked|mouldy|rotten|cold|dirty|filthy|rude|dismissive|unhelpful|aggressive|"
    "condescending|patronising|overbooked|double[ -]booked|closed|flooded|blank|stuck|"
    "unusable|ruined|gone|in pieces|given away|bend|charged|billed|debited|overcharged|"
    "no[ -]show|"
    "not (?:working|there|here|right|available|valid|reserved?|booked|ready|suitable|"
    "included|close|closing|delivered|finished|fixed|what (?:I|we) (?:ordered|paid for|booked|"
    "asked for))"
)
BAD = (
    r"(?:(?:badly|completely|totally|all|now|really|very|so|clearly|obviously|partly|still)"
    rf"\s)?\"?(?:a\s(?:complete\s|total\s)?(?=no))?{_BAD.pattern}\b"
)
"""A state that is a failure: "cracked", "empty", "down", "not available"."""

_BE = (
    r"(?:is|are|was|were|'s|has\sbeen|have\sbeen|had\sbeen|got|arrived|came|turned\sup|"
    r"(?:was|were)\sdelivered|came\sback|went|keeps\sgoing|seems|looks)"
)
_BROKE = vocabulary(
    "crash(?:es|ed|ing)|freez(?:es|ing)|froze|fail(?:s|ed|ing)|stopped working|slipped|"
    "gave way|toppled|(?:went|came) out (?:twice|again|early|double)|"
    "(?:was|were|got) taken (?:twice|again|early)|"
    "(?:went|were sent|was sent|got sent|have gone|has gone|were given|was given) to "
    r"(?:a |an |the wrong|someone|somebody|another|my ex|a complete)|"
    r"(?:turned up|arrived|came) (?:after (?:the|my|her|his|our)|too late|a (?:day|week) late|"
    r"\w{1,5} (?:days|weeks) late)|"
    "broke(?: down)?|leak(?:s|ed)|collapsed|snapped|fell (?:off|apart|down)|"
    "came (?:off|apart|away)|expired|bounced|rejects|rejected|declined|went out|disappeared|"
    "vanished|keeps (?:crashing|freezing|failing|rejecting|dropping|cutting out|"
    r"logging (?:me|us) out|throwing (?:an? )?(?:error|\d{3}))|"
    "kept (?:crashing|failing|rejecting|dropping)|"
    "has (?:gone (?:up|missing|down|off)|doubled|tripled|increased|disappeared|stopped|"
    "failed|expired|broken|cracked|smashed|snapped|leaked|collapsed|come (?:off|apart)|"
    "been (?:declining|rejecting|refusing|failing|crashing|dropping))|"
    "have (?:gone (?:up|missing|down|off)|doubled|disappeared|stopped|failed|broken|"
    "cracked|smashed|snapped|leaked|been (?:declining|rejecting|failing|crashing))|"
    r"says \"?(?:expired|invalid|declined|failed|error|incorrect|unavailable|wrong)|"
    "got (?:lost|damaged|broken|stuck|cancell?ed)|"
    "(?:had|has|have) no (?:record|booking|reservation|trace|room|table|car|seat)s?|"
    "has (?:cracks|dents|holes|scratches|stains|marks)|"
    "have (?:cracks|dents|holes|scratches|stains|marks)|"
    r"arrived with [^,.;!?\n]{1,60}? (?:broken|damaged|smashed|cracked|missing|torn)"
)
_MARKED = vocabulary("crack|dent|hole|tear|chip|scratch|stain|gouge|leak|mark")
"""The marks damage leaves; "has a crack" is keyed on the mark, not on "has"."""
MARK = (
    r"(?:has|have|had|arrived\swith|came\swith|with)\s(?:(?:a|an|two|\d{1,2}|several|some)\s)?"
    r"(?:(?:big|huge|massive|deep|large)\s)?(?:crack|dent|hole|tear|chip|scratch|stain|gouge|"
    r"leak|mark)s?"
)
BROKE = rf"(?:{_BROKE.pattern}|{MARK})\b"
"""Something that happened to a thing: "crashes", "has a crack", "says expired"."""

_ALARM = (
    r"(?= \"[^\"\n]{0,40}?\b(?:error|wrong|fail|failed|invalid|expired|unavailable|not|no|"
    r"declined|locked|denied|rejected|problem|unable|can'?t|cannot|sorry|try again|too many|"
    r"suspended|blocked|incorrect|rescheduled|cancell?ed|delay|delayed|exception)\b)"
)
"""A quoted message that says something failed ("error", "not registered", "try again")."""
SAYS = vocabulary(
    "keeps (?:saying|telling (?:me|us)|showing|asking|sending me|spinning|loading)|"
    "kept (?:saying|telling (?:me|us)|showing|asking)|"
    rf"is (?:saying|telling (?:me|us)|showing){_ALARM}|was (?:saying|telling me|showing){_ALARM}|"
    rf"just (?:says|shows|opens|spins|keeps)|opens a blank|says{_ALARM}"
)
"""What a screen keeps telling the customer: weaker evidence than a thing that broke."""

_STAFF = (
    r"(?:staff(?:\smember)?|member\sof\s(?:your\s)?staff|engineer|technician|tech|driver|courier|"
    r"fitter|installer|plumber|electrician|agent|advisor|adviser|receptionist|manager|server|"
    r"waiter|waitress|barista|pharmacist|assistant|stylist|porter|host|guy|man|lad|woman|girl|"
    r"lady|worker|builder|painter|contractor|cleaner|nurse|optician|dentist|hygienist|mechanic|"
    r"crew|team|company|shop|store|bank|app|system|site|website|warehouse|delivery\sguy|mover|"
    r"removal\sm[ae]n|operative|rep|colleague|cashier)s?"
)
_ACTOR = (
    r"(?P<who>you(?:\sguys|\slot)?|u|they|(?:your|ur|the|a|one\sof\s(?:your|ur|the))\s"
    rf"(?:@\w{{1,30}}\s)?(?:[\w'’-]{{2,20}}\s){{0,2}}?{_STAFF})"
    r"(?P<at>\s(?:at|in|from|on|behind)\s(?:the|your|our|ur)\s(?:[\w'’]{1,20}\s){0,2}"
    r"[\w'’]{1,20})?"
)
_THEIRS = (
    "(?:my|our) (?:details|address|data|information|info|personal|phone|number|parcel|order|card)"
)
_MONEY = (
    r"(?:another |my |the |a )?(?:[£$€]\d{1,9}(?:[.,]\d{1,3}){0,2}|payment|money|deposit|fee|"
    "twice)"
)
_STAFF_DID = vocabulary(
    "charged|billed|overcharged|double[ -]charged|debited|threw|dropped|spilled|spilt|"
    "knocked|broke|smashed|damaged|scratched|dragged|drilled|trampled|laughed(?: at)?|"
    "lectured|shouted at|swore at|snapped at|ignored|refused|read out|"
    "rolled (?:his|her|their) eyes|hung up on|burnt|burned|trapped|ran|reversed|lost|"
    "cancell?ed (?:my|our|the|a|an) |"
    f"gave {_THEIRS}|sent {_THEIRS}|shared {_THEIRS}|emailed {_THEIRS}|posted {_THEIRS}|"
    f"passed {_THEIRS}|handed {_THEIRS}|"
    r"sent me (?:the wrong|someone else'?s|another|a different)|"
    f"took {_MONEY}|taken {_MONEY}|kept {_MONEY}|"
    r"left (?:a|the|my|our|it) [^,.;!?\n]{0,30}?(?:leak|mess|hole|off|open|broken|unlocked|"
    "outside|in the rain)|"
    "left (?:scratches|marks|holes|dents|stains|rubbish|paint|damage|it (?:in|at|outside))|"
    "put a (?:foot|hole|crack|dent)|made (?:a|an|me|my|us|our|him|her|them) |"
    "read (?:my|our|out)"
)
STAFF_DID = rf"{_STAFF_DID.pattern}\b"
"""What one of ours did to the customer: "charged", "dropped", "laughed at"."""

_SUFFERED_KEYS = (
    "charged|billed|overcharged|debited|double|locked|shut|cut|logged|kicked|refused|ignored|"
    "stranded|turned|waiting|sent|given|log|login|sign|get|access|cancel|create|reset|book|"
    "download|register|pay|got|received|receive|had|getting|being|use|open|send|make|"
    "change|update|still|agree|agreed|authori|ask|asked|order|ordered|trying|struggling|see|"
    "receiving|seeing|shut"
)
SUFFERED = (
    r"(?:(?:was|were|have\sbeen|'ve\sbeen|ve\sbeen|been|got|am|'m|m)\s(?:charged|billed|"
    r"overcharged|debited|double[\s-]charged|locked\sout|shut\sout|cut\soff|logged\sout|"
    r"kicked\sout|refused|ignored|stranded|turned\saway|still\swaiting\s(?:for|on)|"
    r"sent\s(?:the\swrong|someone\selse'?s|another)|given\sthe\swrong)"
    r"|(?:can'?t|cannot|cant|couldn'?t|couldnt|am\sunable\sto|was\sunable\sto|unable\sto|"
    r"(?:have|'ve)\sbeen\sunable\sto|"
    r"still\scan'?t|still\scant)\s(?:even\s)?(?:log\s?in|login|sign\s(?:in|up)|get\s(?:in|"
    r"into|through|back\sin)|access|cancel|create|reset|book|download|register|pay|"
    r"(?:use|open|send|change|update)(?=\s(?:my|the|a|an|any|our|this))|make\sa\spayment)"
    r"|(?:never|didn'?t|didnt|haven'?t|havent|still\shaven'?t|have\snot)\s(?:got|get|"
    r"received?|had)\s(?:the|my|a|any|an|anything)"
    r"|(?:received|got|was\ssent|have\sreceived|'ve\sreceived)\s(?:the\swrong|someone\s"
    r"else'?s|a\sdifferent|another\s(?:customer|person|woman|man)'?s)"
    r"|(?:keep|kept|(?:am|'m|m)\sstill|still)\s(?:getting|being\s(?:charged|billed|logged\sout|"
    r"cut\soff)|receiving|seeing)"
    r"|(?:never|didn'?t|did\snot)\s(?:agree|agreed|sign\sup|signed\sup|authori[sz]ed?|ask\sfor|"
    r"asked\sfor|order|ordered)\s(?:to|for|any|a|an|the|this|that|it)"
    r"|(?:have\sbeen|'ve\sbeen|ve\sbeen|been)\s(?:trying|struggling)\sto\s(?:cancel|end|close|"
    r"stop|leave|get\sout\sof|get\sin|log\sin|get\sa\srefund)"
    r"|(?:could|can)\ssee\s(?:somebody|someone|another\s(?:person|customer))(?:\selse)?'?s"
    r"|(?:have|'ve|ve)\s(?:had|got)\sno\s(?!idea|reply|response|answer|choice)\w{2,20})\b"
)
"""What happened to the customer: "was charged", "can't log in", "never got the"."""

_NOTED = vocabulary(
    "locked out|shut out|cut off|charged|billed|double[ -]charged|overcharged|refused|"
    "stranded|is |was |has been |got |rec'?d|received|was sent"
)
NOTED_SUFFERED = (
    r"(?P<be>(?:is|was|has\sbeen|got)\s)?(?P<passive>locked\sout|shut\sout|cut\soff|charged|"
    r"billed|double[\s-]charged|overcharged|refused|stranded)(?=\s(?:of|for|[£$€]|twice|double|"
    r"again|on|by)\b)|(?:rec'?d|received|got|was\ssent)(?=\s(?:the\swrong|someone\selse'?s|"
    r"a\sdifferent|another))"
)
"""The same in a note, where the verb often has no "is" ("Cx locked out of acct")."""

_STATE = vocabulary(
    "missing|down|broken|shattered|cracked|smashed|cancell?ed|blocked|locked|late|delayed|"
    "closed|shut|overbooked|not available|not working|not ready"
)
"""A state said with no verb, as notes and forms do ("box 2 of 3 missing"): "is" goes in."""

_NO_WHAT = (
    r"(?!problem|rush|worries|issue|complaints|need|idea|longer|way|one\b|thanks|matter|"
    r"reply|answer|response|call|text|email|chance|pressure|claims|option|button|"
    r"explanation|word)(?:sign\sof\s)?(?:[\w'’-]{2,20}\s){0,2}[\w'’-]{2,20}"
)
"""What is missing after "no" (not "no rush", "no reply": those are not a thing)."""
_NO_WHAT_FEW = _NO_WHAT.replace("{0,2}", "{0,2}?")
"""The same, as few words as will do ("no cars" in "no cars avail")."""

_LATE = signal(
    r"\b(?:still\s(?:not|no|nothing|waiting|hasn'?t|hasnt|isn'?t|isnt|haven'?t|says)|"
    r"nothing\s(?:yet|whatever|has|here|at\sall)|not\s(?:received|arrived|here|yet)|"
    r"hasn'?t\s(?:arrived|come|turned\sup|shown)|no\ssign|no\sone\s(?:has\s)?(?:come|came)|"
    r"nobody\s(?:has\s)?(?:come|came|phoned)|it'?s\snow|it\sis\snow|today\sis|it'?s\sbeen|"
    r"been\sover|it'?s\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:"
    r"[.:]\d\d)?\s?(?:am|pm)|the\s\d{1,2}(?:st|nd|rd|th)|half|nearly)|have\snow\selapsed|"
    r"came\sand\swent|missed|rescheduled)"
)
"""Some sign in the message that a thing is late (for shapes that only name the thing)."""


def _keys(*vocabularies: frozenset[str] | str) -> str:
    """Keys for `rule`: the union of vocabularies' keys and any words given as text."""
    found: set[str] = set()
    for each in vocabularies:
        found.update(each.split("|") if isinstance(each, str) else each)
    return "|".join(sorted(found))


_THING_TEMPLATE = "{pre}{det} {np}{mod}{rel} {pred}{tail}"

RULES: list[Rule] = [
    rule(
        "issue",
        _keys(_NOT.keys, _BAD.keys, _BROKE.keys, _MARKED.keys, SAYS.keys),
        rf"\b{_THING}\s\"?(?P<pred>{NEGATED}|{_BE}\s{BAD}|{BROKE}|(?P<weak>{SAYS.pattern})){TAIL}",
        "{pre}{det} {np}{mod}{rel} {pred}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        _keys(_NOT.keys, _BROKE.keys, _MARKED.keys, _BAD.keys, SAYS.keys, _STATE.keys),
        rf"{_OPEN}{_BARE}{_MOD}{PAREN}{_DUE}\s(?P<pred>{NEGATED}|{BROKE}|{_BE}\s{BAD}|"
        rf"(?P<weak>{SAYS.pattern})|\"?(?P<state>{_STATE.pattern})\b){TAIL}",
        "{det} {np}{mod}{due} {pred}{tail}",
        rank=2,
        voice="any",
    ),
    rule(
        "issue",
        "will|would|should|meant|ment|supposed|due|must|promised|guaranteed",
        rf"(?:\b{_DET}\s|{_OPEN}(?P<bare>)){_NP}(?P<paren>\s\([^()\n]{{1,30}}\))?\s(?:(?:will|would|"
        r"should|must|(?:was|were)\s(?:meant|ment|supposed|due|promised|guaranteed)(?:\sto)?)\s"
        r"(?:now\s|definitely\s|only\s)?(?:be\s)?(?:ready|arrive|come|delivered|here|with\s"
        r"(?:me|us)|sent|dispatched|fitted|installed|back|repaired|fixed|collected)\b|(?:was|were)\s"
        r"due\s(?=(?:on\s|by\s)?(?:mon|tue|wed|thu|fri|sat|sun|today|yesterday|the\s\d|\d)))",
        "{det} {np}{paren} {be} late",
        rank=2,
        needs=_LATE,
        voice="any",
    ),
    rule(
        "issue",
        "promised|guaranteed",
        rf"\b(?:you|u|they)\s(?:promised|guaranteed)\s(?:me\s|us\s)?{_DET}\s{_NP}\b",
        "{det} {np} {be} late",
        rank=2,
        needs=_LATE,
    ),
    rule(
        "issue",
        "where",
        rf"\bwhere(?:'?s|\sis|\sare|\sthe\shell\sis)\s(?P<det>my|our)\s{_NP}(?=\s?[?!.,]|$|\s"
        r"(?:lol|pls|please|then|now|mate)\b)",
        "{det} {np} {has}n't arrived",
        rank=3,
        needs=_LATE,
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
        _keys(_STAFF_DID.keys),
        rf"{_OPEN}(?P<who>staff\smember|member\sof\sstaff|staff|colleague|driver|engineer|tech|"
        r"technician|contractor|courier|fitter|barista|server|cashier|worker)(?P<rel>\s(?:we|"
        r"they)\s(?:sent|booked|used)(?:\sfor\s[^,.;!?()\n]{1,30}?)?)?(?P<mod>\s\([^()\n]{1,40}"
        rf"\))?\s(?P<pred>{STAFF_DID}){TAIL}",
        "the {who}{rel}{mod} {pred}{tail}",
        rank=2,
        voice="note",
    ),
    rule(
        "issue",
        _keys(_STAFF_DID.keys),
        rf"{_PART}\b{_ACTOR}(?P<rel>\s(?:you|u|they)\s(?:sent|booked|hired|appointed|used|"
        r"send|chose)(?:\s(?:last\s\w{3,9}|yesterday|today|this\s\w{3,9}))?(?:\sto\s"
        r"[^,.;!?()\n]{1,50}?)?)?(?P<mod>\s\([^()\n]{1,40}\))?(?P<when>\s(?:today|yesterday|this\s"
        r"morning|last\s\w{3,9}|just|then|also|even|still|actually|literally|who))?"
        r"(?P<aux>(?:\s(?:have|has|had)|'ve|ve)(?:\s(?:still|also|now|just|even|already))?)?"
        rf"\s(?P<pred>{STAFF_DID}){TAIL}",
        "{pre}{who}{at}{rel}{mod}{when}{aux} {pred}{tail}",
        rank=1,
        voice="any",
    ),
    rule(
        "issue",
        _SUFFERED_KEYS,
        r"(?P<lead>\b(?:I|we)(?:'?m\snow|\snow|\sjust|\salso|\sstill|\sreally|\sliterally)?"
        rf"\s?)(?P<pred>{SUFFERED}){TAIL}",
        "{lead}{pred}{tail}",
        rank=2,
        voice="customer",
    ),
    rule(
        "issue",
        _SUFFERED_KEYS,
        rf"(?:{_START}|\b(?:and|but)\s)(?P<pred>{SUFFERED}){TAIL}",
        "I {pred}{tail}",
        rank=3,
        voice="customer",
    ),
    rule(
        "issue",
        _keys(_NOTED.keys),
        r"\b(?P<lead>(?:cx|cust|customer|she|he)\s(?:now\s|still\s)?)"
        rf"(?P<pred>{NOTED_SUFFERED}){TAIL}",
        "{lead}{were}{pred}{tail}",
        rank=2,
        voice="note",
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
        "there",
        r"\b(?P<lead>there\s(?:is|was|were|'s\sbeen|has\sbeen|had\sbeen)\s(?:still\s)?)"
        rf"(?P<what>no\s{_NO_WHAT}){TAIL}",
        "{lead}{what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "no",
        rf"(?:{_OPEN}|\bstill\s|\band\s|\bbut\s)(?P<what>no\s{_NO_WHAT})(?P<tail>\s(?:since|"
        r"for)(?:\s[^\s,.;:!?()\n]{1,20}){1,4})",
        "there has been {what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "no",
        rf"(?:{_OPEN}|\bstill\s|\band\s|\bbut\s)(?P<what>no\s{_NO_WHAT})(?P<tail>\s(?:in\sthe\s"
        r"(?:box|bag|parcel|package)|at\sall|anywhere|on\sthe\s\w{2,12})(?:\s[^\s,.;:!?()\n]"
        r"{1,20}){0,4})",
        "there was {what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "no",
        rf"(?:\b(?P<still>still)\s|\b(?:says|said|told\s\w{{2,4}}|that|and|but)\s)(?P<what>no\s"
        rf"(?P<np>{_NO_WHAT_FEW}))(?=\s?[,.;!?]"
        r"|$|\s(?:avail|available|left|yet|at\sall)\b)(?P<tail>\s(?:avail|available|left|yet|at\sall))?",
        "there {be} {still} {what}{tail}",
        rank=3,
        voice="any",
    ),
    rule(
        "issue",
        "nobody|no one|no-one|noone",
        rf"{_OPEN}(?P<who>nobody|no\sone|no-one|noone)\s(?P<pred>(?:has\s)?(?:came|come|turned"
        rf"\sup|showed(?:\sup)?|shown\sup|arrived|came\sout))\b{TAIL}",
        "nobody {pred}{tail}",
        rank=4,
        voice="any",
    ),
    rule(
        "issue",
        "ordered|bought|purchased",
        rf"(?:\b(?:I|we)\s(?:have\s|'ve\s)?|{_START})(?:ordered|bought|purchased)\s(?:(?:a|an|the|my|"
        rf"some|two|2)\s)?{_NP}{PAREN}(?=\s(?:on|in|from|last|for|back|online|and|which|"
        r"through|via|with)\b|[,.]|$)",
        "my {np} {has}n't arrived yet",
        rank=3,
        needs=_LATE,
        voice="any",
    ),
    rule(
        "issue",
        "took|placed",
        r"\b(?:you|u|they|I|we)\s(?:took|placed)\s(?:the|my|an|our)\sorder\sfor\s(?:the|a|an|my|"
        rf"our|two|2)\s{_NP}(?=\s(?:on|in|and|from|last|which)\b|[,.;]|$)",
        "my {np} {has}n't arrived yet",
        rank=3,
        needs=_LATE,
        voice="any",
    ),
    rule(
        "issue",
        "ordered|bought|purchased",
        rf"\b(?P<det>the|my|our)\s{_NP}\s(?:which|that)\s(?:I|we)\s(?:have\s)?(?:ordered|"
        r"bought|purchased)\b",
        "{det} {np} {has}n't arrived yet",
        rank=3,
        needs=_LATE,
    ),
]  # fmt: skip
"""The general shapes of a failure, in the customer's words or an agent's note."""
