"""What the customer ordered, in their own words: "your Calora 2kW oil-filled radiator".

When no rule reads what went wrong as a clause, a goods playbook still knows what kind of
failure it is ("your order arrived damaged"); what it does not know is the thing. The
customer nearly always names it, in a few plain shapes:

- a form's field: "Product: 65W USB-C fast charger (black)", "Item(s) affected: Gluten
  free bread x2";
- bought or ordered: "I ordered the Ridgeline Trek boots", "Cust ordered 3x cot
  mattress", "our order of smoke alarms", "re oil-filled heater purchased 3 wks ago", "the
  TV I ordered";
- beside the order number: "Order 7730019, MacBook Pro £2,249", "order WP-5520 (foil
  wedding invitations)", "Your stair gate order LT-30219";
- new or a replacement: "my new laptop would be delivered", "our replacement router";
- the first words of a sentence that says it arrived: "Bed frame arrived with the
  headboard cracked".

The thing is kept as written (its brand, size and model), shouting lowered, with "your"
before it, and cut where the name ends: at a small word ("for", "from", "last"), a verb,
a date, a price or punctuation. A run that does not end in a noun-like word ("wks ago",
"right ones"), names nothing particular ("order", "parcel", "stuff") or lists two things
("a sofa and a footstool": which one failed?) is not offered.

A playbook fills its neutral wording with it: damaged-item's default issue "{item}
arrived damaged" reads "your oak coffee table arrived damaged" instead of "your order
arrived damaged". The claim is the playbook's own; only the name is the customer's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from recovery_cli.listen.clauses import is_plural
from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only ever names the thing in a sentence the playbook already says."""
MAX_WORDS = 5

NOT_IN_A_NAME = words(
    """
    for from on in at last which that and but with to off online yesterday today tonight
    this these those week month via using as by was were is are has have had it i we me
    they he she you my our your their his her its of back yet still already just only
    never not no nor so because when if or before after since until than then arrived
    came come delivered turned got sent who what where size uk eu mens womens kids ladies
    please thanks plus also about around over under into onto up down out cost costing
    priced paid worth a an the some ago wks weeks days months years hours hrs mins late almost told
    early per posted here there monday tuesday wednesday thursday friday saturday sunday
    morning afternoon evening night jan feb mar apr may jun jul aug sep sept oct nov dec
    january february march april june july august september october november december
    hi hello dear message subject order ref thank regards cheers cx customer cust would
    will should could can did does do be been being isn't wasn't hasn't won't didn't
    doesn't can't isnt wasnt hasnt wont didnt doesnt cant reason ones one right wrong
    same other another age annual year colour color first second third latest previous
    whole entire recent usual extra both all any every each instead again even through
    itself themselves ourselves yourselves own most full price shows showing says said
    """
)
"""Words no name of a thing holds: where one comes, the name has ended ("radiator I")."""


def leading_name(
    run: Sequence[str],
    ends: frozenset[str],
    nothing_particular: frozenset[str],
    *,
    numbers_end: bool = False,
) -> list[str]:
    """The words of a name at the start of `run`, up to the first word in `ends` (or, with
    `numbers_end`, the first with a digit), without their end punctuation; none when its
    last word names nothing particular ("booked it", "a refund for the order")."""
    kept: list[str] = []
    for word in run:
        if word.lower().strip(".,!?") in ends or (numbers_end and any(c.isdigit() for c in word)):
            break
        kept.append(word.rstrip(".,!?"))
    if not kept or kept[-1].lower() in nothing_particular:
        return []
    return kept


def modifiers_before(run: Sequence[str], stops: Callable[[str], bool]) -> list[str]:
    """The words at the end of `run` that say which, walked back from the head word after
    it up to the first word that `stops` ("the engineer" from "says boiler engineer" keeps
    "boiler"): the other half of a name, which `leading_name` reads forwards."""
    kept: list[str] = []
    for word in reversed(run):
        if stops(word):
            break
        kept.insert(0, word)
    return kept


_NOTHING_PARTICULAR = words(
    """
    order orders item items parcel parcels package packages stuff thing things product
    products goods delivery deliveries purchase purchases box boxes it them something
    everything anything shopping bits lot lots set kit one job home house flat address
    baby account number card life school boss manager landlord neighbour neighbours
    """
)
"""Names of no particular thing ("your order arrived damaged" already says as much), or of
what nobody orders ("my new job")."""
_ENDS_A_NAME = words("order orders parcel parcels package packages delivery deliveries purchase")
"""Words after a thing's name that are not part of it ("sofa order", "rug delivery")."""
_REFERENCE = re.compile(r"^#?[A-Z]{0,5}-?\d[\d-]{2,}$|^\d{4,}$", re.I)
PEOPLE = words(
    """
    driver drivers engineer engineers courier couriers technician fitter fitters guy man
    woman lady bloke someone nobody nothing he she they van lorry rider person team staff
    agent parcel package box email letter text message refund confirmation invoice bill
    florist plumber electrician builder installer cleaner nurse doctor carer police fire
    ambulance dept department kitchen employer provider patrol company shop store firm
    adjuster assessor surveyor inspector valuer tenant patient customer guest client resident
    mr mrs ms miss dr chef chefs waiter waitress server manager receptionist stylist barber
    hairdresser host hostess cashier porter steward stewardess crew mechanic optician
    pharmacist dentist hygienist therapist instructor trainer guide security
    """
)
"""Who or what a sentence may be about that is not the thing ordered ("Driver came")."""
_MEASURES = words(
    """
    pair pairs tonne tonnes ton tons length lengths bottle bottles bag bags pack packs tin
    tins can cans roll rolls sheet sheets piece pieces unit units case cases crate crates
    litre litres kilo kilos dozen lot
    """
)
"""How much of it, not what it is ("2 pairs", "20 bags"): a name ending so is not offered."""
_FAMILY_PLURAL = re.compile(r"^(mum|mom|dad|son|daughter|wife|husband|kid|child|partner)s$", re.I)
"""A family member's, written without its apostrophe ("daughters school shoes")."""
_NOUN_ENDINGS_OK = words(
    """
    bed shed sled ring string bedding clothing flooring decking tubing ceiling swing sling
    wing railing lighting fitting stuffing icing sledge
    """
)
"""Names that end like a verb ("-ed", "-ing") but are things."""
_UNITS = (
    r"(?:kw|w|l|ml|cm|mm|kg|g|gb|tb|inch|in|litre|liter|piece|pc|seater|tier|pack|v|mah|person|"
    r"man|gallon|ft|foot|m2|m)\b"
)
"""What a number before a name measures ("2kW", "12 inch", "4 person"): part of the name."""
_UNIT = rf"\d+(?:[.,]\d+)?(?:\s?{_UNITS}\.?|\"|-inch\b)"
_WORD = r"(?:\"[\w' &+/.-]{1,30}\"|[A-Za-z][\w'&+/.-]{0,24}|" + _UNIT + ")"
_NAME = rf"(?P<np>(?:{_WORD}\s){{0,6}}{_WORD})"
_COUNT = (
    r"(?:(?:a|an|the|some|my|our|his|her|their|one\sof\s(?:your|the|their)|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|"
    rf"\d{{1,3}}(?:\s?x)?(?!\s?{_UNITS})|new|brand\snew|replacement|pairs?\sof|set\sof|"
    r"box(?:es)?\sof|bags?\sof|packs?\sof)\s){0,3}"
)
"""What comes before the name and is not part of it: an article, a count ("3x", "20 boxes
of"), "new"."""
_BOUGHT = r"(?:ordered|order|bought|purchased|got\sfrom\syou|paid\sfor)"

_FIELD = Keyed(
    {"product", "item", "items", "goods", "model"},
    r"(?:^|\s)(?:product(?:\s(?:name|ordered))?|items?(?:\s?\(s\))?(?:\s(?:affected|ordered|name))?"
    rf"|goods)\s?:\s*(?:\d{{1,3}}\s?x\s)?{_NAME}(?=\s?(?:\(|x\d|,|$|\s[A-Z][a-z]+(?:\s[a-z]+)?:))",
)
_VERB = Keyed(
    {"ordered", "order", "bought", "purchased"},
    r"(?:(?:^|\s[-–:]\s|,\s)(?:ordered|bought|purchased)|\b(?:i|we|i've|we've|i\shave|we\shave|"
    r"i\sjust|cust|customer|cx|she|he|they|caller)\s(?:ordered|bought|purchased|order)|"
    rf"\b(?:my|our|the|his|her|their)\sorder\sof)\s{_COUNT}{_NAME}",
)
_RE = Keyed(
    {"re"},
    rf"\bre:?\s{_COUNT}{_NAME}\s(?:(?:that\s|which\s)?(?:i|we|she|he|they)\s)?(?:bought|purchased|"
    r"ordered)\b",
)
_THE_ONE_BOUGHT = Keyed(
    {"ordered", "order", "bought", "purchased", "paid", "got"},
    rf"\b(?:my|our|the)\s(?:new\s)?{_NAME}\s"
    rf"(?:(?:that\s|which\s)?(?:i|we)\s(?:just\s)?{_BOUGHT})\b",
)
_BESIDE_NUMBER = Keyed(
    {"order"},
    r"\border\s(?:no\.?\s?|number\s|#|\()?#?(?=[A-Z0-9-]{0,20}\d)[A-Z0-9][A-Z0-9-]{2,20}"
    r"(?:,\s|\s\()(?:\d{1,3}\s?x\s|an?\s(?:[£$€]\d[\d,.]{0,9}\s)?)?"
    rf"{_NAME}(?=\s?[,).£$€]|\s?$|\s-)",
)
_BEFORE_NUMBER = Keyed(
    {"order"},
    r"(?:^(?:subject:\s|re:\s)?(?:(?:my|your|our|the)\s)?|\b(?:my|your|our|the)\s)"
    rf"{_NAME}\sorder\s(?:no\.?\s?|number\s|#)?#?"
    r"(?=[A-Z0-9-]{0,20}\d)[A-Z0-9][A-Z0-9-]{2,20}\b",
)
_NEW = Keyed(
    {"new", "replacement"},
    rf"\b(?:my|our)\s(?:brand\snew|new|replacement)\s{_NAME}",
)
_ARRIVED = Keyed(
    {"arrived", "came", "turned", "delivered"},
    rf"^(?:the\s|my\s|our\s)?{_NAME}\s(?:\([^()\n]{{1,40}}\)\s)?(?:has\s|have\s|was\s|were\s)?"
    r"(?:arrived|came|turned\sup|delivered)\b",
)
PATTERNS = (
    (_FIELD, 0),
    (_BESIDE_NUMBER, 1),
    (_VERB, 2),
    (_RE, 2),
    (_THE_ONE_BOUGHT, 2),
    (_BEFORE_NUMBER, 3),
    (_NEW, 3),
    (_ARRIVED, 4),
)
"""Each shape, with its rank: a form's field is surest; an arrival the least sure."""
_STARTS = (_ARRIVED,)
"""The shapes whose name starts a sentence, capitalised for that alone ("Bed frame arrived");
a form's field keeps its capitals, which are more often a brand's ("Mira wool rug")."""
_WHOLE = (_RE, _THE_ONE_BOUGHT, _BEFORE_NUMBER, _ARRIVED)
"""The shapes whose name comes just before a fixed word: all of it must be the name."""
KEYS = register(key for pattern, _ in PATTERNS for key in pattern.keys)
"""Words one of which a sentence needs before a thing can be read in it."""

_LISTED_NEXT = re.compile(
    r"\s?(?:(?:and|&|\+|plus)\s(?:a|an|some|matching|\d|two|three|four|five)\b|,\s(?:a|an|\d)\b"
    r"|\s?\+)",
    re.I,
)
"""A second thing after the name: "a sofa and a footstool" does not say which one failed
("the boots and the sole is peeling" goes on to say what happened to them)."""
_NUMBER = re.compile(r"[\d.,£$€x-]+", re.I)
_VERB_LIKE = re.compile(r"(?:ly|ing|ed)$")


def items(sentence: Sentence) -> Iterable[Found]:
    """The thing the customer ordered, worded as "your ..."."""
    for pattern, rank in PATTERNS:
        for match in pattern.finditer(sentence):
            found = _name(match.group("np"), pattern in _STARTS, pattern in _WHOLE)
            if found is None:
                continue
            named, length = found
            start = sentence.start + match.start("np")
            if _LISTED_NEXT.match(sentence.text, match.start("np") + length):
                continue
            yield Found("item", f"your {named}", start, start + length, CONFIDENCE, rank)


def _name(run: str, starts: bool, whole: bool) -> tuple[str, int] | None:
    """The name of a thing at the start of `run` and how much of `run` it takes, or None when
    it names nothing particular; `whole`: the run must be all name (it comes just before
    the pattern's next word)."""
    kept: list[str] = []
    for word in run.split():
        bare = word.lower().strip(".,'\"")
        if bare in NOT_IN_A_NAME or (kept and bare in _ENDS_A_NAME):
            break
        named_so_far = kept and kept[-1].isalpha() and kept[-1].islower()
        if named_so_far and word[:1].isupper() and not re.fullmatch(_UNITS, kept[-1]):
            break  # "phone Vega X2": a lower-case name, then something else
        kept.append(word)
    while kept and (_NUMBER.fullmatch(kept[-1]) or kept[-1].lower().endswith("'s")):
        kept.pop()
    if kept and kept[0].isdigit() and len(kept) > 1 and not re.fullmatch(_UNIT, " ".join(kept[:2])):
        kept = kept[1:]  # a count the pattern left ("2 tickets"), not a size ("12 inch")
    if not kept or len(kept) > MAX_WORDS or (whole and len(kept) < len(run.split())):
        return None  # too long, or not the whole run before "order", "I bought", "arrived"
    if any(_REFERENCE.match(word) for word in kept):
        return None  # "Order BBZ-50312": a number, not a name
    last = kept[-1].lower().strip(".,'\"")
    if last in _NOTHING_PARTICULAR or last in NOT_IN_A_NAME or last in _MEASURES:
        return None
    if re.fullmatch(_UNIT, kept[-1], re.I) or re.fullmatch(_UNIT, " ".join(kept), re.I):
        return None  # "PrestoChef 6L", "2.5L": a size, and no word for what it is
    if kept[0].startswith('"') and kept[-1].endswith('"'):
        return None  # '"child safe"': what it was called, not what it is
    if _VERB_LIKE.search(last) and last not in _NOUN_ENDINGS_OK:
        return None  # "the one delivered", "bags missing": not a name
    if last in PEOPLE or kept[0].lower() in PEOPLE:
        return None  # "Driver came", "Refund arrived": not the thing ordered
    if len(kept) == 1 and kept[0][:1].isupper() and not kept[0].isupper():
        return None  # "Halden", "RoadSafe": a model's name alone, not what it is
    length = len(" ".join(kept).rstrip(".,:;-"))  # as written, before any word is put right
    if starts and kept[0][1:].islower() and all(word.islower() for word in kept[1:]):
        kept[0] = kept[0].lower()  # "Bed frame arrived": a capital for the sentence only
    kept[0] = _FAMILY_PLURAL.sub(r"\1's", kept[0])
    named = " ".join(kept).rstrip(".,:;-")
    if len(named) < 2 or (len(named) < 3 and not named.isupper()):
        return None
    return unshout(named), length


_PARTS = words(
    """
    screen lid glass door doors handle handles leg legs wheel wheels base top side back front
    corner edge strap straps zip zipper sole soles heel heels hinge hinges button buttons cable
    plug lens lenses frame headboard drawer drawers shelf shelves seat cushion cushions panel
    panels tank motor battery cord blade blades stems petals icing deck arm arms spout knob
    dial display keyboard trackpad speaker seal valve pump filter hose tray basket casing case
    stitching seam seams fabric paint finish surface mechanism clasp chain buckle mattress
    """
)
"""The parts of a thing a customer says failed ("the screen", "the lid", "the stems")."""
_PART_CLAUSE = re.compile(
    r"^the\s(?P<part>(?:[a-z-]{2,15}\s){0,2}?(?P<head>[a-z-]{2,15}))\s(?P<rest>(?:is|are|was|were|"
    r"has|have|had|came|come|got|arrived|cracked|shattered|snapped|broke|split|tore|ripped|"
    r"melted|leaks|leaked|fell|stopped|won't|wouldn't|doesn't|didn't|keeps)\b.*)$"
)


_GENERIC = re.compile(
    r"^your\s(?:parcel|order|package|delivery|item)(?:\s[\w-]*\d[\w-]*)?\s(?P<rest>(?P<verb>"
    r"[a-z']+)\b.*)$"
)
"""A clause about "your order" or "your parcel" (and its number), which the thing can name."""
_AGREEING = {
    "is": "are",
    "was": "were",
    "has": "have",
    "hasn't": "haven't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "doesn't": "don't",
    "shows": "show",
    "says": "say",
}
"""A verb as it reads after one thing, and after several ("your boots show as delivered")."""
_ANY_NUMBER = words("never still arrived came went got turned should")
"""Verbs and words before them that read the same after one thing or several."""


def with_thing(issue: str, item: str) -> str | None:
    """What failed said with the thing the customer ordered, or None when it names no more.

    "Your order" or "your parcel" becomes the thing ("your parcel shows as delivered but
    hasn't reached you" with "your headphones": "your headphones show as delivered but
    haven't reached you"), and a broken part is said with the thing it is part of ("the
    screen is cracked" with "your laptop": "the screen on your laptop is cracked")."""
    generic = _GENERIC.match(issue)
    if generic is not None:
        verb = generic.group("verb")
        if verb not in _AGREEING and verb not in _ANY_NUMBER:
            return None  # "your order last Friday never came": not a clause to rename
        rest = generic.group("rest")
        if is_plural(item.split()[-1]):
            rest = " ".join(_AGREEING.get(word, word) for word in rest.split(" "))
        return f"{item} {rest}"
    return _with_part(issue, item)


def _with_part(issue: str, item: str) -> str | None:
    """What failed said with the thing it is part of: "the screen is cracked" and "your
    laptop" read "the screen on your laptop is cracked". None when the issue does not start
    with a part ("the box was dented": packaging, not the thing) or already names the thing."""
    clause = _PART_CLAUSE.match(issue)
    if clause is None or clause.group("head") not in _PARTS:
        return None
    thing = item.lower().removeprefix("your ")
    if thing.split()[-1] in issue.lower() or clause.group("head") in thing.split():
        return None  # "your bed frame": the frame is the thing itself, said already
    return f"the {clause.group('part')} on {item} {clause.group('rest')}"
