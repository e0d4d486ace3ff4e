"""The words failure is said in: what did not happen, what is broken, what was done to
the customer, what they could not do, what is missing.

Each list is written for people to read and extend ("stopped working", "has a crack",
"read out my", "can't log in"); those built with `vocabulary` carry their own key words
for the key index, and the shapes in `failures` put them after a subject.
"""

from __future__ import annotations

from recovery_cli.listen.clauses import signal
from recovery_cli.listen.vocabulary import vocabulary

NOT = vocabulary(
    "hasn't|hasnt|has not|haven't|havent|have not|isn't|isnt|is not|aren't|arent|are not|"
    "wasn't|wasnt|was not|weren't|werent|were not|didn't|didnt|did not|never|won't|wont|"
    "will not|doesn't|doesnt|does not|can't|cant|cannot|couldn't|couldnt|still not|not|"
    "wouldn't|wouldnt|would not|"
    "(?:was|were|has|have|had|is|are) never"
)
DONE = vocabulary(
    "arrive[sd]?|comes?|came|turned up|turns? up|shown up|show(?:s|ed)?(?: up)?|here|"
    "delivered|reached (?:me|us)|got here|sent|ready|working|works?|loads?|opens?|close|"
    "shut|lock|fit|start|connect|charge|switch on|turn on|power on|accept(?:ing)?|"
    "recogni[sz]e|activate|loading|opening|responding|connecting|syncing|charging|printing|"
    "starting|turning on|switching on|"
    r"let (?:me|us) \w{2,10}|attend|called (?:me )?back|call (?:me )?back|received|"
    "processed|refunded|fixed|done|valid|available|reserved|booked|there|registered|"
    "recorded|in stock|back|exist|on the (?:system|list|van|booking)|made|appeared|"
    "come through|gone through|cleared|landed|turned on|switched on|joined|collected|emptied|"
    "picked up|taken|honou?red|read|scan|"
    "go (?:flat|in|on|off|through|up|down)|stay (?:on|lit|closed|shut|open)|"
    "been (?:sent|delivered|fixed|processed|refunded|done|returned|"
    "credited|paid)"
)
NEGATED = (
    rf"(?:(?:still|also|even)\s)?{NOT.pattern}(?:\s(?:yet|even|ever|been|be|properly|"
    rf"actually))?\s{DONE.pattern}\b"
)
"""A thing that did not come, work or happen: "still hasn't arrived", "wont load"."""

BAD_WORDS = vocabulary(
    "broken|smashed|cracked|damaged|dented|chipped|scratched|torn|ripped|stained|leaking|"
    "bent|shattered|crushed|snapped|faulty|missing|empty|wrong|late|delayed|cancell?ed|lost|"
    "down|offline|dead|frozen|slow|locked|blocked|suspended|invalid|expired|incorrect|warm|"
    "melted|soaked|mouldy|rotten|cold|dirty|filthy|off(?! sick| work| duty| today| for| to)|"
    "rude|dismissive|unhelpful|aggressive|"
    "condescending|patronising|rubbish|terrible|awful|appalling|useless|shocking|dreadful|"
    "overbooked|double[ -]booked|closed|flooded|blank|stuck|"
    "unusable|ruined|gone|in pieces|given away|bend|broke|charged|billed|debited|overcharged|"
    "declined|rejected|"
    "no[ -]show|void|out of (?:service|order|stock)|under maintenance|out of date|"
    "left (?:off|open|unlocked|uncovered|unsecured|unattended|running)|going off|"
    "not (?:working|there|here|right|available|valid|reserved?|booked|ready|suitable|"
    "included|close|closing|delivered|finished|fixed|what (?:I|we) (?:ordered|paid for|booked|"
    "asked for))"
)
BAD = (
    r"(?:(?:badly|completely|totally|all|now|really|very|so|clearly|obviously|partly|still)"
    rf"\s)?\"?(?:a\s(?:complete\s|total\s)?(?=no))?{BAD_WORDS.pattern}\b"
)
"""A state that is a failure: "cracked", "empty", "down", "not available"."""

BE = (
    r"(?:is|are|was|were|'s(?:\sbeen)?|'ve\sbeen|has\sbeen|have\sbeen|had\sbeen|got|arrived|came|turned\sup|"
    r"(?:was|were)\sdelivered|came\sback|went|keeps\sgoing|seems|looks|(?:is|are|keeps?)\sgetting)"
)
BROKE_WORDS = vocabulary(
    "crash(?:es|ed)|freezes|froze|fail(?:s|ed)|slipped|packed (?:in|up)|conked out|"
    "stopped (?:working|turning on|switching on|charging|responding|heating|cooling|"
    "spinning|draining|flushing|printing|connecting)|"
    "(?:is|are|keeps?|kept) (?:slipping|leaking|sticking|rattling|flickering|peeling|overheating|"
    "tripping|dripping|buffering|dropping out|cutting out|falling apart|coming apart)|"
    "melted|caught fire|exploded|shattered|burst|blew up|shrank|faded|peeled|"
    "popped (?:open|off|out)|came (?:loose|undone|unstuck)|"
    "started (?:sparking|smoking|leaking|overheating|flickering)|"
    r"(?:is|are|keeps?|kept) returning (?:an? )?(?:\d{3}|errors?)|"
    "gave way|toppled(?: over)?|tipped over|fell over|slid (?:off|over|down)|"
    "went (?:straight |all )?(?:down|over|all over|onto) (?:my|our|his|her)|"
    "(?:has|had|have) (?:slid|fallen|come) (?:off|over|down|apart)|"
    "(?:went|came) out (?:twice|again|early|double)|"
    "(?:was|were|got) taken (?:twice|again|early)|"
    "(?:went|were sent|was sent|got sent|have gone|has gone|were given|was given) to "
    r"(?:a |an |the wrong|someone|somebody|another|my ex|a complete)|"
    r"(?:turned up|arrived|came) with (?:no|none of the) [^,.;!?\n]{1,40}?|"
    r"(?:arrived|came) with someone else'?s [^,.;!?\n]{1,30}?|"
    r"(?:has|had|contained|contains|included|includes) someone else'?s [^,.;!?\n]{1,30}?|"
    r"(?:has|had|have) (?:a|an) (?:torn|broken|cracked|smashed|ripped|dented|bent|snapped|"
    r"chipped|stained|faulty|damaged|missing|split) [\w-]{2,20}(?: [\w-]{2,20})?|"
    r"(?:has |have )(?:driven|gone) (?:straight )?(?:past|by) (?:me|us)|"
    r"(?:drove|went) (?:straight )?(?:past|by) (?:me|us)|"
    "cracked|warped|"
    r"(?:turned up|arrived|came) (?:after (?:the|my|her|his|our)|too late|a (?:day|week) late|"
    r"\w{1,5} (?:days|weeks) late)|"
    "broke(?: down)?|leak(?:s|ed)|collapsed|snapped|fell (?:off|apart|down)|"
    "came (?:off|apart|away)|expired|bounced|rejects|rejected|declined|went out|disappeared|"
    "vanished|keeps (?:crashing|freezing|failing|rejecting|dropping|cutting out|"
    r"logging (?:me|us) out|throwing (?:an? )?(?:error|\d{3}))|"
    "kept (?:crashing|failing|rejecting|dropping)|"
    "(?:dropped|drops|cut|cuts) out|"
    "has (?:gone (?:up|missing|down|off)|doubled|tripled|increased|disappeared|stopped|dropped out|"
    "cut out|"
    "failed|expired|broken|cracked|smashed|snapped|leaked|collapsed|come (?:off|apart)|"
    "been (?:declining|rejecting|refusing|failing|crashing|dropping))|"
    "have (?:gone (?:up|missing|down|off)|doubled|disappeared|stopped|failed|broken|"
    "dropped out|cut out|"
    "cracked|smashed|snapped|leaked|been (?:declining|rejecting|failing|crashing))|"
    r"says \"?(?:expired|invalid|declined|failed|error|incorrect|unavailable|wrong)|"
    "got (?:lost|damaged|broken|stuck|cancell?ed)|"
    "should have been|came through at|renewed at|went up|jumped to|rose to|"
    "(?:is|was|are|were) being used by|(?:is|was) taken by|"
    r"been \"?delivered\"? to (?:thin air|the wrong|someone else|a different|another)|"
    r"delivered to (?:thin air|the wrong|someone else|a different|another)|"
    "goes to a (?:page|site|link) that (?:doesn't|does not|doesnt) exist|goes nowhere|"
    "went to my (?:work|old|ex|neighbour)|"
    "(?:had|has|have) no (?:record|booking|reservation|trace|room|table|car|seat)s?|"
    "(?:had|has|have) no (?:hot water|running water|water|heating|heat|power|electricity|gas|"
    "internet|broadband|wi-?fi|signal|service|lights?|air con|aircon|air conditioning)|"
    "(?:had|has|have) been given (?:away|to (?:a|an|the wrong|someone|somebody|another))|"
    "(?:was|were|had been|has been) left (?:wide )?(?:open|unlocked|unattended)|"
    "(?:smelled|smelt|smells|stank|stinks) (?:of|like) (?:damp|mould|mold|smoke|sewage|gas|"
    "burning|bleach|urine|cigarettes|drains|wee)|"
    "has (?:cracks|dents|holes|scratches|stains|marks)|"
    "have (?:cracks|dents|holes|scratches|stains|marks)|"
    r"arrived with [^,.;!?\n]{1,60}? (?:broken|damaged|smashed|cracked|missing|torn)"
)
MARKED = vocabulary(
    "crack|dent|hole|tear|chip|scratch|stain|gouge|leak|mark|cracked|dented|chipped|scratched|"
    "torn|ripped|smashed|stained|snapped|shattered"
)
"""The marks damage leaves; "has a crack" is keyed on the mark, not on "has"."""
MARK = (
    r"(?:has|have|had|arrived\swith|came\swith|with)\s(?:(?:a|an|two|\d{1,2}|several|some)\s)?"
    r"(?:(?:(?!and\b|in\b|on\b)[\w'’-]{2,15}\s)?(?:crack|dent|hole|tear|chip|scratch|stain|gouge|"
    r"leak|mark)s?|(?:cracked|dented|chipped|scratched|torn|ripped|smashed|stained|snapped|shattered)\s"
    r"(?!and\b|in\b|on\b|by\b|during\b|when\b)[\w'’-]{2,15})"
)
BROKE = rf"(?:{BROKE_WORDS.pattern}|{MARK})\b"
"""Something that happened to a thing: "crashes", "has a crack", "says expired"."""

ALARM = (
    r"(?= \"[^\"\n]{0,40}?\b(?:error|wrong|fail|failed|invalid|expired|unavailable|not|no|"
    r"declined|locked|denied|rejected|problem|unable|can'?t|cannot|sorry|try again|too many|"
    r"suspended|blocked|incorrect|rescheduled|cancell?ed|delay|delayed|exception)\b)"
)
"""A quoted message that says something failed ("error", "not registered", "try again")."""
SAYS = vocabulary(
    "keeps (?:saying|telling (?:me|us)|showing|asking|sending me|spinning|loading)|"
    "kept (?:saying|telling (?:me|us)|showing|asking)|"
    rf"is (?:saying|telling (?:me|us)|showing){ALARM}|was (?:saying|telling me|showing){ALARM}|"
    rf"just (?:says|shows|opens|spins|keeps)|opens a blank|says{ALARM}|"
    rf"(?:has been|have been|'s been|keeps|kept|is|was) (?:giving|throwing|showing)(?: me| us)?"
    rf"{ALARM}"
)
"""What a screen keeps telling the customer: weaker evidence than a thing that broke."""

STAFF = (
    r"(?:staff(?:\smember)?|member\sof\s(?:your\s)?staff|engineer|technician|tech|driver|courier|"
    r"fitter|installer|plumber|electrician|agent|advisor|adviser|receptionist|manager|server|"
    r"waiter|waitress|barista|pharmacist|assistant|stylist|porter|host|guy|man|lad|woman|girl|"
    r"lady|worker|builder|painter|contractor|cleaner|nurse|optician|dentist|hygienist|mechanic|"
    r"crew|team|company|shop|store|bank|app|system|site|website|warehouse|delivery\sguy|mover|"
    r"hotel|clinic|surgery|pharmacy|airline|branch|restaurant|gym|venue|"
    r"removal\sm[ae]n|operative|rep|colleague|cashier|tiler|roofer|joiner|carpenter|decorator|"
    r"gardener|locksmith|assembler|groomer|carer|security\sguard|guard|bouncer|doorman|steward)s?"
)
ACTOR = (
    r"(?P<who>you(?:\sguys|\slot|\speople)?|u|they|(?:your|ur|the|a|one\sof\s(?:your|ur|the))\s"
    rf"(?:@\w{{1,30}}\s)?(?:[\w'’-]{{2,20}}\s){{0,2}}?{STAFF})"
    r"(?P<at>\s(?:at|in|from|on|behind)\s(?:the|your|our|ur)\s(?:[\w'’]{1,20}\s){0,2}"
    r"[\w'’]{1,20})?"
)
THEIRS = (
    "(?:my|our) (?:(?:new|old|home|full|personal|private|medical|bank) )?"
    "(?:details|address|data|information|info|personal|phone|number|parcel|order|card)"
)
MONEY = (
    r"(?:another |my |the |a )?(?:[£$€]\d{1,9}(?:[.,]\d{1,3}){0,2}|payment|money|deposit|fee|"
    "twice|direct debit|subscription|instalment|premium)"
)
STAFF_DID_WORDS = vocabulary(
    "charged|billed|overcharged|double[ -]charged|debited|deducted|substituted|threw|dropped|"
    "spilled|spilt|tipped|poured|splashed|tore|ripped|knocked into|stepped on|hung up|"
    "sighed at|tutted at|smirked at|grabbed|pushed|shoved|searched|"
    "cut (?:my|our) (?:electric|electricity|gas|power|water|supply|line|phone) off|"
    "cut off (?:my|our) (?:electric|electricity|gas|power|water|supply|line|phone)|"
    "tripped and (?:spilled|spilt|dropped|knocked)|"
    "walked (?:me|us|him|her|them) (?:backwards )?into|left without (?:me|us|him|her|them|my|our)|"
    "knocked|broke|smashed|damaged|scratched|dragged|drilled|trampled|laughed(?: at)?|"
    "walked (?:mud|muddy|dirt|into|in on)|tracked (?:mud|dirt)|"
    "lectured|shouted at|screamed at|yelled at|swore at|snapped at|ignored|refused|read out|"
    "told (?:the whole|the entire|everyone|the other|other|all the)|"
    "rolled (?:his|her|their) eyes|hung up on|burnt|burned|trapped|ran|reversed|lost|"
    "cancell?ed (?:my|our|the|a|an) |"
    f"gave {THEIRS}|sent {THEIRS}|shared {THEIRS}|emailed {THEIRS}|posted {THEIRS}|"
    f"passed {THEIRS}|handed {THEIRS}|"
    r"sent me (?:the wrong|someone else'?s|another|a different)|"
    r"sent (?:my|our) [^,.;!?\n]{1,30}? to (?:a |an |the )?(?:wrong|different|completely different|"
    "someone else|another|old|previous)|"
    f"took {MONEY}|taken {MONEY}|kept {MONEY}|"
    r"left (?:a|the|my|our|it) [^,.;!?\n]{0,30}?(?:leak|mess|hole|gap|lip|ridge|off|open|"
    "broken|unlocked|"
    "outside|in the rain|puddle|water|dirt|dust|debris|marks)|"
    "left (?:scratches|marks|holes|dents|stains|rubbish|paint|damage|it (?:in|at|outside))|"
    "put a (?:foot|hole|crack|dent)|made (?:a|an|me|my|us|our|him|her|them) |"
    "read (?:my|our|out)"
)
STAFF_DID = rf"{STAFF_DID_WORDS.pattern}\b"
"""What one of ours did to the customer: "charged", "dropped", "laughed at"."""

SUFFERED_KEYS = (
    "charged|billed|overcharged|debited|double|locked|shut out|cut off|logged|kicked|refused|"
    "ignored|stranded|turned away|waiting|sent the|sent someone|sent another|given the|log|"
    "login|sign|can't|cannot|cant|couldn|unable|never|didn't|didnt|haven't|havent|have not|"
    "did not|received the|received someone|received a different|received another|got the "
    "wrong|got someone|got a different|keep getting|kept getting|still getting|still "
    "receiving|still seeing|being charged|had no|got no|trying|struggling|could see|can see|got"
)
"""What a sentence needs before `SUFFERED` can match in it (its distinctive words)."""
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
    r"|(?:never|didn'?t|didnt|haven'?t|havent|still\shaven'?t|have\snot)\s(?:get|received?|"
    r"had)\s(?:the|my|a|any|an|anything)"
    r"|(?:never|didn'?t|didnt|still\shaven'?t)\sgot\s(?:the|my|a|any|an|anything)"
    r"|(?:haven'?t|havent|have\snot)\sgot\s(?:the|my)"
    r"|(?:received|got|was\ssent|have\sreceived|'ve\sreceived)\s(?:the\swrong|someone\s"
    r"else'?s|a\sdifferent|another\s(?:customer|person|woman|man)'?s)"
    r"|got\s(?=\"[^\"\n]{0,30}?\b(?:error|failed|declined|invalid|denied)\b)"
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

NOTED = vocabulary(
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

STATE = vocabulary(
    "missing|down(?!\\s(?:the|one|both|each|his|her|its|a|to|onto|into)\\b)|broken|shattered|"
    "cracked|smashed|cancell?ed|blocked|locked|late|delayed|"
    "leaking|faulty|damaged|flooded|dripping|"
    "closed|shut|overbooked|dead|offline|not available|not working|not ready|not loading|"
    "not responding|not connecting|not opening|not charging|not syncing|"
    "going to (?:an? |the |my |his |her )?(?:old|wrong|previous|different)"
)
"""A state said with no verb, as notes and forms do ("box 2 of 3 missing"): "is" goes in.
"down" before a place ("a dent down the side", "sauce down the front") is not one."""

NO_WHAT = (
    r"(?!problem|rush|worries|issue|complaints|need|idea|longer|way|one\b|thanks|matter|"
    r"reply|answer|response|call|text|email|chance|pressure|claims|option|button|"
    r"explanation|word|(?:(?:visible|real|lasting|serious|obvious|major)\s)?(?:injur|harm|damage|"
    r"bruis|blood|mark|hurt|pain))(?:sign\sof\s)?(?:[\w'’-]{2,20}\s){0,2}[\w'’-]{2,20}"
)
"""What is missing after "no" (not "no rush", "no reply": those are not a thing; "no visible
injury", "no damage": good news, never what went wrong)."""
NO_WHAT_FEW = NO_WHAT.replace("{0,2}", "{0,2}?")
"""The same, as few words as will do ("no cars" in "no cars avail")."""

LATE = signal(
    r"\b(?:still\s(?:not|no|nothing|waiting|hasn'?t|hasnt|isn'?t|isnt|haven'?t|says)|"
    r"nothing\s(?:yet|whatever|has|here|at\sall)|not\s(?:received|arrived|here|yet)|"
    r"hasn'?t\s(?:arrived|come|turned\sup|shown)|no\ssign|no\sone\s(?:has\s)?(?:come|came)|"
    r"nobody\s(?:has\s)?(?:come|came|phoned)|it'?s\snow|it\sis\snow|it'?s\sbeen|"
    r"today\sis\s(?:now\s)?(?:the\s)?(?:\d|mon|tue|wed|thu|fri|sat|sun|day\s\d)|"
    r"been\sover|it'?s\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:"
    r"[.:]\d\d)?\s?(?:am|pm)|the\s\d{1,2}(?:st|nd|rd|th)|half|nearly)|have\snow\selapsed|"
    r"came\sand\swent|missed|rescheduled)"
)
"""Some sign in the message that a thing is late (for shapes that only name the thing)."""
