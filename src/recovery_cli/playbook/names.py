"""People's names as help desks hold them, and how a reply addresses them.

A requester field says "Priya Shah", "SHAH, Priya", "priya shah", "Mrs Gupta" or
"Caller +44 7700 900418"; a reply greets "Hi Priya," once, and falls back to a neutral
greeting when there is no usable name rather than "Hi ," or "Hi Caller +44...,". A title
is kept with the surname, because that is how the customer gave it, and a titled name is
greeted as a letter greets it: "Dear Mrs Gupta," for "Mrs Gupta" and "Ms L. Reyes" alike
("Hi Ms L. Reyes," mixes two registers and reads like a database field).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dame", "lord", "lady"}
    | {"chief", "rev", "revd", "pastor", "alhaji", "alhaja", "engr"}
)
"""Titles a name may start with: a titled name is greeted "Dear Chief Nwachukwu,"."""
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del"})
"""Small words inside a surname ("Pieter van Wyk", "Ana da Silva"), kept as written; the
reading uses them to keep such a surname whole."""
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?$")
_NOT_NAMES = frozenset(
    {"customer", "caller", "client", "unknown", "anonymous", "guest", "user", "visitor", "n/a",
     "na", "none", "null", "test", "sir/madam", "team", "admin", "support", "info"}
)  # fmt: skip
MAX_NAME = 80
_INITIAL = re.compile(r"^[^\W\d_]\.$")


@dataclass(frozen=True)
class Name:
    """A customer's name split the way a reply needs it; both parts empty when unknown."""

    full: str
    first: str

    @property
    def known(self) -> bool:
        return bool(self.first)


def parse_name(raw: str | None) -> Name:
    """The full name (tidied) and the name to greet with, or an unknown name.

    "SHAH, Priya" -> Priya Shah / Priya; "mrs gupta" -> Mrs Gupta / Mrs Gupta;
    "priya.shah@example.com", "Caller +44 7700 900418" or "Customer" -> unknown.
    """
    text = " ".join((raw or "").split())[:MAX_NAME].strip(" ,;:")
    if "," in text:  # "Shah, Priya": a family name first, as exports often list them
        family, _, given = text.partition(",")
        text = f"{given.strip()} {family.strip()}".strip()
    words = ["and" if word == "&" else word for word in text.split(" ")]
    if not text or any(not _NAME_WORD.match(word) for word in words):
        return Name("", "")
    if " ".join(words).lower() in _NOT_NAMES or words[0].lower() in _NOT_NAMES:
        return Name("", "")
    words = [_capitalised(word, index) for index, word in enumerate(words)]
    full = " ".join(words)
    if words[0].rstrip(".").lower() in TITLES:
        if "and" in words:  # "Mr and Mrs Greaves": both, as written
            return Name(full, full)
        title = words[0].rstrip(".")
        return Name(full, f"{title} {_surname(words[1:])}" if len(words) > 1 else "")
    if _INITIAL.match(words[0]) and len(words) > 1:  # "R. Osei": no first name to use
        return Name(full, full)
    if "and" in words[1:-1]:  # "Arthur and Jean Pemberton": greet them both
        index = words.index("and")
        return Name(full, " ".join(words[: index + 2]))
    return Name(full, words[0])


def _surname(words: list[str]) -> str:
    """The surname a titled greeting uses, with the small words before it, as written ("Mr
    van der Berg", not "Mr Berg")."""
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _capitalised(word: str, index: int) -> str:
    """A word as a name is written: shouting and all-lower-case tidied, "McDonald" kept."""
    if index > 0 and (word.lower() in PARTICLES or word.lower() == "and"):
        return word.lower()
    if word.isupper() or word.islower():
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word.lower())
    return word


def greeting(name: Name, word: str = "Hi", neutral: str = "Hello,") -> str:
    """ "Hi Priya," for a known name ("Dear Mrs Gupta," for a titled one, when the house
    word is the everyday "Hi"), else the neutral greeting."""
    if not name.known:
        return neutral
    opening = name.first.split(" ", 1)[0]
    if word == "Hi" and (opening.rstrip(".").lower() in TITLES or _INITIAL.match(opening)):
        word = "Dear"  # "Dear Mrs Gupta,", "Dear R. Osei,"
    return f"{word} {name.first},"
