"""From text to terms: the shared language of customers' messages and playbooks' triggers.

Lower case, no accents or punctuation (which only marks where a clause ends), numbers
dropped, a variant table (`refnd` -> `refund`), light stemming, correction of one slip of
the finger (not of one real word into another) and splitting of run-together words into
words a trigger says together, so "CANT LOGIN", "cantlogin" and "can't log in" meet the
same trigger. A transcript's speaker labels ("Agent 16:20:") and a letter's salutation
("Dear Manager,") are not read; quoted words and where clauses end are noted. Everything is
decided once per word and remembered (within a bound).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from recovery_cli.triage.settings import TriageSettings

MAX_CHARS = 20_000
"""Only the start of a message is read: a pasted log must not cost more than a message."""

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_PIECE = re.compile(
    r"[a-z][a-z0-9]*(?=[-/][a-z0-9/-]*[0-9])(?:[-/][a-z0-9]+)+"
    r"|[a-z][a-z0-9]*(?:'[a-z0-9]+)*|[0-9]+(?:[.,:][0-9]+)*[a-z0-9]*|[.!?;:,\n]+"
    r"|[\"\u201c\u201d]|^[ \t]*>",
    re.MULTILINE,
)
"""A reference ("TL-33091", "INV/2024/0091"); a number with its points ("19.99", "16:20");
a word; a run of . ! ? ; : , and line breaks; a quotation mark; a `>` opening a line."""
_BREAK: tuple[str, ...] = ("\n",)  # never a term: terms are letters and digits
"""What a run of . ! ? ; : , or a line break resolves to: no term, the start of a clause."""
_SENTENCE = re.compile(r"[.!;]|\n\n")
"""A run of punctuation that ends a sentence: . ! ? ; or a blank line (not a comma, nor
the line break of a wrapped paragraph)."""
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_QUOTES = frozenset('"\u201c\u201d')
_QUOTE: tuple[str, ...] = ('"',)
"""A quotation mark: the words up to the next one (or the end of the line) are quoted."""
_LINE: tuple[str, ...] = (">",)
"""A `>` opening a line: the line is quoted (an email being replied to or forwarded)."""
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_CACHE_LIMIT = 100_000
_LONGEST_WORD = 30  # longer tokens are not words to correct or split


class Reading(NamedTuple):
    """A text as triage reads it: its terms, where clauses begin, which words are quoted."""

    terms: list[str]
    breaks: set[int]  # positions of terms that begin a clause (after . ! ? ; : , or a line)
    quoted: set[int]  # positions of terms inside quotation marks or on a `>` line
    far: set[int]  # terms after more ignored words than a negation reaches over: in
    # "nothing you can do about changing", "nothing" does not reach "changing"
    sentences: frozenset[int] = frozenset()  # terms that begin a sentence (after . ! ? ;
    # or a blank line): a phrase's words are said in one sentence


def _words(texts: Iterable[str]) -> list[str]:
    return [token for text in texts for token in TOKEN.findall(fold(text))]


def fold(text: str) -> str:
    """Lower case, typographic apostrophes made plain, accents removed."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = _COMBINING.sub("", text)  # the accents NFKD split from their letters
    return text


_KEPT = {
    "note": "note",
    "notes": "note",
    "noted": "note",
    "ordered": "ordered",
    "returned": "returned",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "changed": "changed",
    "delivered": "delivered",
    "killed": "killed",
}
"""Words whose stem would be another word that matters: "note" is not "not"; and what a
customer "ordered", "returned", "cancelled" or "changed" is done, where to "order",
"return", "cancel" or "change" is what a routine request asks to do; a parcel "delivered"
is a status, where a "delivery" is the topic; what "killed" (or could have) is told, where
"kill" is a threat."""


def stem(word: str) -> str:
    """A crude, consistent stem: plural, -ing, -ed, final e and doubled letters go.

    It is applied to triggers and messages alike, so only consistency matters:
    "refunds", "refunded" and "refunding" all become "refund"; "charge" and "charged" "charg".
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word in _KEPT:
        return _KEPT[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("ery"):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS = {key: (row, col) for row, keys in enumerate(_ROWS) for col, key in enumerate(keys)}


def _adjacent(a: str, b: str) -> bool:
    """Whether two letters are neighbours on a QWERTY keyboard (a slip of the finger)."""
    if a not in _KEYS or b not in _KEYS:
        return False
    (row_a, col_a), (row_b, col_b) = _KEYS[a], _KEYS[b]
    if row_a == row_b:
        return abs(col_a - col_b) == 1
    if abs(row_a - row_b) != 1:
        return False
    upper, lower = (col_a, col_b) if row_a < row_b else (col_b, col_a)
    return lower in (upper - 1, upper)


def _slip(known: str, typed: str) -> bool:
    """Whether `typed` is `known` with one slip a typist makes, not another real word.

    A letter left out ("acount") or two swapped ("copmlaint") always counts; a letter
    doubled or hit beside its neighbour ("assistancew") counts, as does a key struck next
    to the right one ("accpunt"). "stream" is not "scream", nor "crown" "clown": those
    letters are far apart on the keyboard, so the word is taken as written.
    """
    if len(typed) + 1 == len(known):
        return True
    if len(typed) == len(known) + 1:
        i = 0
        while i < len(known) and known[i] == typed[i]:
            i += 1
        extra = typed[i]
        around = typed[max(0, i - 1) : i] + typed[i + 1 : i + 2]
        return any(extra == near or _adjacent(extra, near) for near in around)
    if len(typed) != len(known):
        return False
    changed = [i for i in range(len(known)) if known[i] != typed[i]]
    if len(changed) == 1:
        return _adjacent(known[changed[0]], typed[changed[0]])
    return len(changed) == 2 and changed[1] == changed[0] + 1


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by at most one insertion, deletion, change or swap."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if i >= len(a) - 1 or a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _label_pattern(labels: Sequence[str]) -> re.Pattern[str] | None:
    """Who speaks at the start of a line of a transcript or note: "Agent 16:20:", "[09:12]
    Visitor:", "Customer:", "Agent note:". The label is not the customer's words: "agent"
    there asks for no agent."""
    names = sorted({" ".join(_words([label])) for label in labels} - {""}, key=len, reverse=True)
    if not names:
        return None
    time = r"(?:\[[^\]\n]{0,16}\]|\(?\d{1,2}[:.]\d{2}(?:[ap]m)?\)?)"
    name = "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in names)
    return re.compile(
        rf"^[ \t]*(?:{time}[ \t]*)?(?:{name})(?:[ \t]+[a-z]+)?(?:[ \t]*{time})?[ \t]*:(?!\d)",
        re.MULTILINE,
    )


def _salutation_pattern(openings: Sequence[str]) -> re.Pattern[str] | None:
    """A letter's salutation, from its opening word to its comma or the end of its line:
    "Dear Manager," and "Dear Customer Services" ask for no manager and no service."""
    names = sorted({" ".join(_words([opening])) for opening in openings} - {""}, key=len)
    if not names:
        return None
    name = "|".join(re.escape(n).replace(r"\ ", r"[ \t]+") for n in reversed(names))
    return re.compile(rf"^[ \t]*(?:{name})\b[^,\n]{{0,60}}", re.MULTILINE)


class Normaliser:
    """Turns text into terms: the shared language of messages and triggers."""

    def __init__(self, settings: TriageSettings, vocabulary: Iterable[str] = ()) -> None:
        self.stop = frozenset(_words(settings.stop_words))
        self.variants = {
            _words([spelling])[0]: tuple(_words([meant]))
            for spelling, meant in settings.variants.items()
        }
        self.typo_min_length = settings.typo_min_length
        self.not_typos = frozenset(stem(word) for word in _words(settings.not_typos))
        known: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for text in vocabulary:
            terms = self._plain(TOKEN.findall(fold(text)))
            known.update(terms)
            pairs.update(pairwise(terms))
        self.vocabulary = frozenset(known)
        self.pairs = frozenset(pairs)
        # What a (mis)spelt word may resolve to: a vocabulary term, or a listed variant.
        self._targets: dict[str, tuple[str, ...]] = {term: (term,) for term in known}
        for spelling in self.variants:
            self._targets.setdefault(stem(spelling), self._plain((spelling,)))
        near: dict[str, set[str]] = {}
        for target in self._targets:
            if len(target) >= self.typo_min_length and target.isalpha():
                for key in {target, *(target[:i] + target[i + 1 :] for i in range(len(target)))}:
                    near.setdefault(key, set()).add(target)
        self._near = {key: tuple(sorted(found)) for key, found in near.items()}
        self._cache: dict[str, tuple[str, ...]] = {}
        self._labels = _label_pattern(settings.speaker_labels)
        self._salutations = _salutation_pattern(settings.salutations)
        openings = {word for opening in settings.salutations for word in _words([opening])[:1]}
        self._opening = re.compile("|".join(sorted(map(re.escape, openings))) or "(?!)")
        self.negation_skip = settings.negation_skip

    def terms(self, text: str) -> list[str]:
        """The terms of a text, in order; stop words and punctuation dropped."""
        return self.read(text).terms

    def clauses(self, text: str) -> tuple[list[str], set[int]]:
        """The terms, and where a clause begins: positions of terms that follow . ! ? , etc."""
        reading = self.read(text)
        return reading.terms, reading.breaks

    def read(self, text: str) -> Reading:
        """The terms, where clauses begin, and which terms are quoted.

        A negation reaches no further than its clause: in "still nothing. The courier's
        tracking...", "nothing" does not negate "courier". Words between quotation marks
        (straight or curly, closed by the next mark or the end of the line) and lines that
        begin with `>` (a quoted email) are someone else's words: the customer's quoting of
        a promise ("guaranteed"), of the company's reply or of what a screen said.
        """
        result: list[str] = []
        breaks: set[int] = set()
        quoted: set[int] = set()
        far: set[int] = set()
        sentences: set[int] = set()
        cache = self._cache
        folded = fold(text[:MAX_CHARS])
        if self._labels is not None and ":" in folded:
            folded = self._labels.sub("\n", folded)
        if self._salutations is not None and self._opening.search(folded):
            folded = self._salutations.sub("\n", folded)
        marked = '"' in folded or ">" in folded or "\u201c" in folded or "\u201d" in folded
        inside = False  # between quotation marks
        line = False  # on a line that began with `>`
        limit = self.negation_skip
        skipped = 0  # stop words since the last term
        for token in _PIECE.findall(folded):
            found = cache.get(token)
            if found is None:
                found = self._piece(token)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[token] = found
            if found is _BREAK:
                breaks.add(len(result))
                if _SENTENCE.search(token):
                    sentences.add(len(result))
                skipped = 0
                if marked and "\n" in token:
                    inside = line = False  # a quotation ends with its line
            elif not found:
                skipped += 1
            elif marked and found is _QUOTE:
                inside = not inside
            elif marked and found is _LINE:
                line = True
            else:
                if skipped > limit:
                    far.add(len(result))
                skipped = 0
                if inside or line:
                    quoted.update(range(len(result), len(result) + len(found)))
                result.extend(found)
        return Reading(result, breaks, quoted, far, frozenset(sentences))

    def _piece(self, token: str) -> tuple[str, ...]:
        """A word's terms, or the mark a piece of punctuation stands for."""
        first = token[0]
        if first.isalnum():
            if "-" in token or "/" in token:
                return ()  # a reference ("TL-33091" is no team leader): like a number
            return self._resolve(token)
        if first in _QUOTES:
            return _QUOTE
        if token[-1] == ">":
            return _LINE
        return _BREAK

    def _resolve(self, token: str) -> tuple[str, ...]:
        if token in self.variants or token in self.stop:
            return self._plain((token,))
        if token.endswith("'s"):
            token = token[:-2]
        term = stem(token)
        if term in self._targets:
            return self._targets[term]
        if token[0].isdigit() and _NUMBER.fullmatch(token):
            return ()  # amounts and order numbers: "charged £19.99 twice" is "charged twice"
        if not token.isalpha() or len(token) > _LONGEST_WORD:
            return (term,)
        if len(term) >= self.typo_min_length and term not in self.not_typos:
            fixed = self._typo(term)
            if fixed:
                return self._targets[fixed]
        parts = self._split(token, 3)
        if parts:
            # Only words a trigger says together: "cantlogin", "customerservice"; never
            # "membership" as "member ship" or "today" as "to day".
            joined = self._plain(parts)
            if len(joined) > 1 and all(pair in self.pairs for pair in pairwise(joined)):
                return joined
        return (term,)

    def _plain(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """Variants and stems applied, stop words dropped; no guessing."""
        return tuple(
            stem(part)
            for token in tokens
            for part in self.variants.get(token, (token,))
            if part not in self.stop
        )

    def _typo(self, term: str) -> str | None:
        """The known term one edit away (same first letter, or its first two swapped)."""
        keys = {term, *(term[:i] + term[i + 1 :] for i in range(len(term)))}
        found = sorted(
            {
                known
                for key in keys
                for known in self._near.get(key, ())
                if (known[0] == term[0] or known[:2] == term[1::-1])
                and _one_edit(known, term)
                and _slip(known, term)
            }
        )
        return found[0] if found else None

    def _known(self, piece: str) -> bool:
        if piece in self.variants or piece in self.stop:
            return True
        return len(piece) >= 3 and stem(piece) in self.vocabulary

    def _split(self, token: str, pieces: int) -> list[str] | None:
        """Run-together words ("cantlogin") split into known words, longest first part."""
        if pieces < 2:
            return None
        for cut in range(len(token) - 1, 0, -1):
            head, tail = token[:cut], token[cut:]
            if not self._known(head):
                continue
            if self._known(tail):
                return [head, tail]
            rest = self._split(tail, pieces - 1)
            if rest:
                return [head, *rest]
        return None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state
