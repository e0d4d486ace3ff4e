"""The customer's words turned into words we can say back to them.

A clause lifted from a message goes into a draft addressed to its writer, so the persons
swap: the customer's "I", "my" and "me" (and "we" and "our" when they mean their family)
become "you" and "your", and their "you" and "your" (meaning us) become "we", "us" and
"our". Shouting is lowered ("STILL NOT HERE" -> "still not here"), the commonest
apostrophe-less spellings are mended ("hasnt" -> "hasn't"), and a clause that would still
carry the first person, an inner "?!", or more than `MAX_CLAUSE` characters is refused:
the playbook's neutral wording is better than a clause that reads wrong.
"""

from __future__ import annotations

import re

from recovery_cli.listen.sentences import words

MAX_CLAUSE = 160

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9']{0,40}|\s{1,40}|.", re.S)

SPELLING = {
    "hasnt": "hasn't",
    "havent": "haven't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "cant": "can't",
    "couldnt": "couldn't",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "ive": "I've",
    "im": "I'm",
    "ment": "meant",
    "definately": "definitely",
    "recieved": "received",
    "thats": "that's",
    "theres": "there's",
    "youve": "you've",
    "youre": "you're",
    "pls": "please",
    "u": "you",
}

_CUSTOMER = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
}
_BUSINESS = {
    "your": "our",
    "yours": "ours",
    "yourself": "ourselves",
    "yourselves": "ourselves",
    "you're": "we're",
    "you've": "we've",
    "you'd": "we'd",
    "you'll": "we'll",
}
_AFTER_I = {"am": "are", "was": "were", "wasn't": "weren't"}
_SUBJECT_NEXT = words(
    "are were have had said told sent promised charged took take keep kept gave give "
    "will would can can't cannot could should did didn't don't do never still just also "
    "always only guys people lot all lost left cancelled booked moved made let "
    "delivered clearly obviously then now again even really"
)
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
DANGLING = words(
    "to for by of with at from into the a an and or but your our their his her its that "
    "which who because so if than as is are was were be has have had"
)
"""Words a clause cannot end on: it would have been cut short."""

ACRONYMS = words(
    "TV DHL DPD UPS USPS TNT GLS NHS GPS PIN ID UK USB HDMI SMS VIP DVD PC ATM HR "
    "DIY MOT BBC EU VAT HIV DOB RX IP DPO API URL QR AM PM GBP USD EUR"
)
_DAYS = {
    day: day.capitalize()
    for day in words(
        "monday tuesday wednesday thursday friday saturday sunday tues tue thurs thur weds"
    )
}
_SHORT_DAYS = words("mon wed thu fri sat sun")
"""Day names that are also words ("sat", "wed"): capitalised only after "since", "on"..."""
_BEFORE_DAY = words("since on by until till from last next this every")


def mend(word: str) -> str:
    """A word with shouting lowered, a day capitalised and a common misspelling fixed."""
    if len(word) > 1 and word.isupper() and word not in ACRONYMS and word.isalpha():
        word = word.lower()
    low = word.lower()
    if low in _DAYS:
        return _DAYS[low]
    fixed = SPELLING.get(low)
    if fixed is not None:
        return fixed
    return word


def second_person(clause: str) -> str | None:
    """`clause` as said back to the customer who wrote it, or None when it would read wrong."""
    tokens = _TOKEN.findall(clause.replace("’", "'").replace("&", "and"))
    quoted = _quoted(tokens)
    words = [n for n, token in enumerate(tokens) if token[:1].isalnum() and n not in quoted]
    previous = ""
    for position, n in enumerate(words):
        word = mend(tokens[n])
        low = word.lower()
        following = mend(tokens[words[position + 1]]).lower() if position + 1 < len(words) else ""
        if low in _CUSTOMER:
            word = _CUSTOMER[low]
        elif low in _BUSINESS:
            word = _BUSINESS[low]
        elif low == "you":
            word = "we" if _is_subject(previous, following) else "us"
        elif low == "ur":
            word = "we're" if following.endswith("ing") else "our"
        elif previous == "i" and low in _AFTER_I:
            word = _AFTER_I[low]
        elif previous in _BEFORE_DAY and low in _SHORT_DAYS:
            word = low.capitalize()
        tokens[n] = word
        previous = low
    return tidy("".join(tokens))


_NOTED = {
    "he": "you",
    "she": "you",
    "cust": "you",
    "customer": "you",
    "they": "you",
    "him": "you",
    "them": "you",
    "his": "your",
    "their": "your",
    "himself": "yourself",
    "herself": "yourself",
}
_NOTED_VERBS = {"has": "have", "is": "are", "was": "were", "'s": "'re", "needs": "need"}
_NOT_A_NOUN = words("to and or that at in on for with by from")


def from_note(clause: str) -> str | None:
    """A clause from an agent's note about the customer, said to the customer.

    "Cust has a fitter booked for Thurs" -> "you have a fitter booked for Thurs"; "it was
    for his son's birthday" -> "it was for your son's birthday".
    """
    tokens = _TOKEN.findall(clause.replace("’", "'"))
    words = [n for n, token in enumerate(tokens) if token[:1].isalnum()]
    previous = ""
    for position, n in enumerate(words):
        low = tokens[n].lower()
        following = tokens[words[position + 1]].lower() if position + 1 < len(words) else ""
        if low in _NOTED:
            tokens[n] = _NOTED[low]
        elif low == "her":
            tokens[n] = "your" if following and following not in _NOT_A_NOUN else "you"
        elif previous in {"he", "she", "cust", "customer", "they"} and low in _NOTED_VERBS:
            tokens[n] = _NOTED_VERBS[low]
        else:
            tokens[n] = mend(tokens[n])
        previous = low
    return tidy("".join(tokens))


def _quoted(tokens: list[str]) -> set[int]:
    """Positions of tokens inside double quotes: someone else's words, left as they are."""
    inside = False
    found: set[int] = set()
    for n, token in enumerate(tokens):
        if token in {'"', "“", "”"}:
            inside = not inside
        elif inside:
            found.add(n)
    return found if not inside else set()


def _is_subject(previous: str, following: str) -> bool:
    if following in _SUBJECT_NEXT or (following.endswith("ed") and len(following) > 3):
        return True
    return previous in {"", "and", "but", "that", "which", "because", "so", "when", "if"}


def tidy(clause: str) -> str | None:
    """A clause ready to go mid-sentence in a draft, or None when it is not fit to."""
    clause = " ".join(clause.split())
    clause = clause.strip(" \t.,;:!?-–—…*")
    if not clause or len(clause) > MAX_CLAUSE:
        return None
    if any(mark in clause for mark in "?!@#|<>{}[]\\/\ufffd") or _has_symbols(clause):
        return None
    if clause.count('"') % 2:
        clause = clause.replace('"', "")
    if clause.count("(") != clause.count(")"):
        return None
    first = clause.split(" ", 1)[0]
    if first.istitle() and first.lower() not in _DAYS and not _looks_named(first):
        clause = clause[0].lower() + clause[1:]
    words = [token.lower() for token in re.findall(r"[\w'£$€]{1,40}", clause)]
    if FIRST_PERSON.intersection(words) or not words or words[-1] in DANGLING:
        return None
    return clause


def _has_symbols(clause: str) -> bool:
    """Emoji and pictographs (a clause with them is not one to say back)."""
    return any(ord(char) >= 0x2190 and not char.isalpha() for char in clause)


def _looks_named(word: str) -> bool:
    """Capitalised words that stay capitalised at the start of a clause."""
    return word in {"I", "Mum", "Dad"} or (len(word) > 1 and word[1:].lower() != word[1:])
