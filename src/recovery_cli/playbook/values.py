"""Values made fit for the sentence they go into.

An agent types "Refund not received after 3 weeks..", a call note says "Customer is a
pensioner and needs the money.", a customer writes "I need it for my son's birthday!!".
Put into "I know {{ stakes }}, so this matters." as typed, each reads as a mistake. So a
value of kind `clause` is tidied before any template sees it:

- spaces collapsed, end punctuation and stray quotes dropped;
- a shouted value lower-cased, and a capital that only started the typed sentence dropped
  ("Refund not received" -> "refund not received"; "DHL", "I" and "Monday" are kept);
- the customer turned into "you" (`wording.from_agent`, the one way words are turned to
  the customer): first person ("I took two days off" -> "you took two days off") and an
  agent's third person ("Customer is a pensioner and needs the money" -> "you are a
  pensioner and need the money"); common misspellings mended ("hasnt" -> "hasn't");
- a bare noun phrase made a clause ("job interview on Monday" -> "it is for your job
  interview on Monday"), so "I know ..." always reads.

A value that is none of these shapes is left as the person typed it (tidied only).
"""

from __future__ import annotations

import re

from recovery_cli.memo import Memo
from recovery_cli.wording import DAY_NAMES, from_agent, unshout

_END = " \t.,;:!?…-–—\"'“”‘’"
_SUBJECTS = frozenset(
    {"you", "your", "you're", "you've", "you'd", "you'll", "it", "it's", "its", "they",
     "there", "this", "that", "these", "those", "we", "we're", "he", "she", "everything",
     "nothing", "someone", "something"}
)  # fmt: skip
_DETERMINERS = frozenset(
    {"a", "an", "the", "your", "his", "her", "their", "our", "this", "that", "these", "those"}
)
_VERBS = frozenset(
    {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
     "need", "needs", "needed", "want", "wants", "wanted", "took", "take", "takes", "can",
     "can't", "cannot", "could", "will", "won't", "would", "must", "should", "may", "might",
     "lost", "missed", "paid", "booked", "planned", "arranged", "rely", "relies", "depend",
     "depends", "count", "counts", "waited", "got", "get", "gets", "left", "leave", "leaves",
     "hasn't", "haven't", "isn't", "aren't", "wasn't", "weren't", "didn't", "don't", "doesn't",
     "start", "starts", "started", "fly", "flies", "travel", "travels", "move", "moves"}
)  # fmt: skip


_PREPOSITIONS = frozenset(
    {"between", "by", "within", "on", "at", "in", "before", "until", "till", "from", "after",
     "around", "about", "with", "for", "over", "under", "since", "during", "ready"}
)  # fmt: skip
"""Words a typed time may open with ("Between 8am and 1pm", "By Friday"): lowered when a
time follows, kept in a name ("On Point Couriers")."""
_WHEN_WORDS = DAY_NAMES | {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "today", "tonight", "tomorrow", "noon", "midday",
}  # fmt: skip
"""Words a time starts with after "By" or "Between", besides a digit or a lower-case word."""

_CLAUSES: Memo[str] = Memo()
_PHRASES: Memo[str] = Memo()


def as_clause(raw: str, *, noun_phrase: bool = True) -> str:
    """A typed value as a clause that reads inside a sentence (see the module docstring).

    `noun_phrase` false leaves a bare noun phrase alone: for `issue`, `promised`, `partner`
    and `next_update`, where "your order is late", "ready by Friday", "the courier" and "by
    5pm" are all what a template expects. Remembered: a batch meets the same partners,
    dates and stakes row after row.
    """
    if noun_phrase:
        return _CLAUSES.get(raw, _turn_clause)
    return _PHRASES.get(raw, _turn_phrase)


def _turn_clause(raw: str) -> str:
    return _turned(raw, noun_phrase=True)


def _turn_phrase(raw: str) -> str:
    return _turned(raw, noun_phrase=False)


def _turned(raw: str, *, noun_phrase: bool) -> str:
    text = tidy(raw)
    if not text:
        return ""
    text = from_agent(unshout(text))  # shouting lowered; "i" is put right here
    text = _lower_first(text)
    if noun_phrase and _is_occasion(text):
        words = text.split(" ")
        article = "" if words[0].lower() in _DETERMINERS else "your "
        text = f"it is for {article}{text}"
    return text


def tidy(raw: str) -> str:
    """A value inserted as it was typed, only with its spaces and end punctuation tidied,
    never leaving half of a pair of quotes (`says it is "already registered"`)."""
    text = " ".join(raw.split()).strip(_END)
    if text.count('"') % 2:
        core = raw.strip(_END.replace('"', ""))
        if core.endswith('"'):
            return text + '"'
        if core.startswith('"'):
            return '"' + text
        return text.replace('"', "")
    return text


def _time_follows(rest: str) -> bool:
    """Whether the words after a typed "By" or "Between" start a time ("8am", "Friday")."""
    head = re.match(r"[^\W\d_]*", rest)
    word = head.group().lower() if head else ""
    return rest[:1].isdigit() or "a" <= rest[:1] <= "z" or word in _WHEN_WORDS


def _lower_first(text: str) -> str:
    """Drop a capital that only began the typed sentence; keep "I", acronyms and names."""
    first, _, rest = text.partition(" ")
    if first == "A" and rest[:1].islower():
        return "a " + rest  # "A refund within five days": the article, not a grade
    capitalised = len(first) > 1 and first.isalpha() and first[0].isupper() and first[1:].islower()
    if capitalised and (
        first.lower() in _SUBJECTS | _DETERMINERS
        or (first.lower() in _PREPOSITIONS and _time_follows(rest))
        or _common(first.lower())
        or _participle(first.lower(), rest)
    ):
        return first.lower() + (" " + rest if rest else "")
    return text


_TIME_OR_PLACE = frozenset(
    {"by", "on", "at", "in", "to", "for", "from", "within", "before", "after", "until", "via",
     "with", "back", "yesterday", "today", "tomorrow", "tonight", "last", "next", "this"}
)  # fmt: skip


def _participle(word: str, rest: str) -> bool:
    """A verb form that began the typed sentence ("Delivered by Tuesday", "Arriving on the
    12th"): an -ed or -ing word before a word of time or place, so "Alfred said" is kept."""
    following = rest.split(" ", 1)[0]
    return len(word) > 5 and word.endswith(("ed", "ing")) and following in _TIME_OR_PLACE


def _common(word: str) -> bool:
    """A word that is ordinary lower-case English rather than a name (a small, safe list)."""
    return word in _VERBS or word in {
        "refund", "order", "parcel", "delivery", "payment", "charge", "account", "booking",
        "job", "wedding", "birthday", "interview", "exam", "flight", "holiday", "rent",
        "surgery", "appointment", "meeting", "not", "no", "still", "never", "only", "just",
        "son's", "daughter's", "mum's", "dad's", "wife's", "husband's", "partner's",
        "pensioner", "elderly", "disabled", "pregnant", "children", "kids", "work", "by",
        "within", "before", "on", "at", "in", "ready", "with", "until", "tomorrow", "today",
        "tonight", "first", "thing", "end", "later", "next",
    }  # fmt: skip


_OCCASIONS = frozenset(
    {"interview", "birthday", "wedding", "exam", "exams", "flight", "holiday", "trip",
     "funeral", "surgery", "operation", "appointment", "meeting", "party", "anniversary",
     "christening", "graduation", "presentation", "conference", "event", "deadline",
     "move", "holidays", "honeymoon", "celebration", "ceremony", "gig", "concert", "match",
     "treatment", "shift"}
)  # fmt: skip


def _is_occasion(text: str) -> bool:
    """Whether the value is a bare occasion ("job interview on Monday"), not a clause.

    Only then is it made a clause; anything else is left as typed, since a wrong guess
    reads worse than the agent's own words.
    """
    words = [word.strip(",;:").lower().replace("’", "'") for word in text.split(" ")]
    if len(words) > 8 or words[0] in _SUBJECTS:
        return False
    if any(word in _VERBS or word.endswith(("ed", "n't")) for word in words):
        return False
    return any(word in _OCCASIONS for word in words[:4])
