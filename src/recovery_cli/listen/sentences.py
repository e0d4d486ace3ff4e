"""The message cut into bounded sentences, so every pattern runs on short text.

The cost of reading is bounded by construction: at most `MAX_CHARS` of a message are read,
it is split into sentences (at a newline, or at `.`, `!` or `?` followed by a space), and a
sentence longer than `MAX_SENTENCE` is cut into pieces of at most that length. Patterns only
ever see one piece, and every quantifier in them is bounded, so the work per message grows
linearly with its length and has a fixed ceiling however hostile the input (at most
`MAX_PIECES` pieces of at most `MAX_SENTENCE` characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from recovery_cli.listen.keys import present, register
from recovery_cli.listen.times import ANY_TIME

MAX_CHARS = 20_000
"""How much of a message is read; the rest is ignored (and `Reading.truncated` says so)."""

MAX_SENTENCE = 400
"""The longest piece of text a pattern ever runs against."""

MAX_PIECES = 500
"""The most pieces a message is cut into; a run of tiny sentences ("! ! ! !") joins up first."""

_TINY = 8
"""A sentence shorter than this ("Seven.", "!!") joins the one before when it fits."""

_STOPS = re.compile(r"\n|[.!?]{1,50}")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:no|ref|acct|mr|mrs|ms|dr|approx|conf|tel|st|eg|ie|e\.g|i\.e|vs|inc|ltd)$",
    re.I,
)


class Sentence(NamedTuple):
    """A piece of the message, where it starts, its lower-case form, and the message's keys."""

    text: str
    start: int
    low: str
    keys: frozenset[str]
    """The registered keys present in this piece (see `keys`)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentence_of(text: str, start: int = 0, keys: frozenset[str] | None = None) -> Sentence:
    """`text` as one `Sentence` (its keys found unless given)."""
    low = text.lower()
    return Sentence(text, start, low, present(low) if keys is None else keys)


class Keyed:
    """A pattern that only runs on a sentence holding one of its keys (see `keys`).

    It is compiled the first time a sentence holds one of its keys: a message runs only
    the patterns its keys call for, so a one-off read does not wait for all of them."""

    __slots__ = ("_compiled", "flags", "keys", "source")

    def __init__(self, keys: Iterable[str], source: str, flags: int = re.I) -> None:
        self.keys = register(keys)
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def present(self, sentence: Sentence) -> bool:
        """Whether one of the pattern's keys is in the sentence."""
        return not self.keys.isdisjoint(sentence.keys)

    def finditer(self, sentence: Sentence) -> Iterator[re.Match[str]]:
        if self.present(sentence):
            return self.pattern.finditer(sentence.text)
        return iter(())

    def search(self, sentence: Sentence) -> re.Match[str] | None:
        return self.pattern.search(sentence.text) if self.present(sentence) else None


class KeyIndex:
    """Which of some `Keyed` patterns a sentence may match, found from the keys they share
    with it (one intersection and a few lookups) instead of a test of every pattern's keys."""

    __slots__ = ("by_key", "keys")

    def __init__(self, patterns: Iterable[Keyed]) -> None:
        self.by_key: dict[str, list[int]] = {}
        for position, pattern in enumerate(patterns):
            for key in pattern.keys:
                self.by_key.setdefault(key, []).append(position)
        self.keys = frozenset(self.by_key)

    def holding(self, sentence: Sentence) -> set[int]:
        """The positions of the patterns one of whose keys is in `sentence`."""
        found: set[int] = set()
        for key in self.keys.intersection(sentence.keys):
            found.update(self.by_key[key])
        return found


def keys_of(patterns: Iterable[Keyed]) -> frozenset[str]:
    """All the keys of some patterns: one of them must occur for any of the patterns to run."""
    return frozenset(key for pattern in patterns for key in pattern.keys)


def keyed(keys: str, pattern: str, flags: int = re.I) -> Keyed:
    """A `Keyed` pattern; `keys` are lower-case and separated by "|"."""
    return Keyed(keys.split("|"), pattern, flags)


class Found(NamedTuple):
    """A candidate fact from one rule, before the best of each kind is chosen."""

    name: str
    value: str
    start: int
    end: int
    confidence: float
    rank: int = 0
    """Lower wins among candidates for the same fact (then the earlier one)."""


def union(pieces: Iterable[Sentence]) -> frozenset[str]:
    """The keys present anywhere in some pieces (a message's, when they are all of it)."""
    return frozenset().union(*(piece.keys for piece in pieces))


def split(text: str) -> list[Sentence]:
    """The sentences of `text` (already cut to `MAX_CHARS`), blank ones left out.

    Each piece finds its own keys (one scan of its text), so a pattern is tried only on the
    pieces that hold one of its keys; `union` gives the message's. A line break a mail
    program put inside a sentence (`_wrapped`) does not end it, and reads as a space (one
    character for one, so offsets still hold): "for the past\nfive weeks".
    """
    keys = None
    cuts: list[tuple[int, int]] = []
    spaces: list[int] = []
    begin = 0
    widest: int | None = None
    for stop in _STOPS.finditer(text):
        end = stop.end()
        if stop.group() == "\n" and end < len(text) and not text[end].isspace():
            widest = _widest(text) if widest is None else widest
            if _wrapped(text, stop.start(), widest):
                spaces.append(stop.start())
                continue  # a long line hard-wrapped mid-sentence: the sentence goes on
        if stop.group() != "\n" and end < len(text) and not text[end].isspace():
            continue  # "£89.99", "10.05", "e.g.x": not the end of a sentence
        if stop.group() == "." and _ABBREVIATION.search(
            text, max(0, stop.start() - 8), stop.start()
        ):
            continue  # "acct no. 0042", "Mr. Doyle": not the end either
        cuts.append((begin, end))
        begin = end
    cuts.append((begin, len(text)))
    flat = text
    if spaces:  # one character for one, so offsets still hold
        bounds = [-1, *spaces, len(text)]
        flat = " ".join(text[bounds[i] + 1 : bounds[i + 1]] for i in range(len(bounds) - 1))
    pieces: list[Sentence] = []
    for begin, end in cuts:
        _add(pieces, flat, begin, end, keys)
    return pieces[:MAX_PIECES]


WRAP = 50
"""A wrapped line is at least this long: shorter ones were ended by their writer."""

_WIDEST_WRAP = 100
"""Mail programs wrap at 72 to 80 columns; text with longer lines was not wrapped by one."""

_MID_PHRASE = re.compile(
    r"(?:,|\b(?:a|an|the|of|and|or|to|at|for|with|from|by|was|were|is|are|has|have|had|be|"
    r"been|my|our|your|his|her|their|its|this|that|into|onto|not|no|very|as|than|about|"
    r"because|but|which|who|when|where|while|then))$",
    re.I,
)
"""A line that stops on a comma or a small word stops mid-phrase: the next line goes on."""

_BEFORE_A_DATE = re.compile(r"\b(?:on|by|until|before|from|at)$", re.I)
"""A long line that stops on "on" or "by" before a day, a date or a time (`times.ANY_TIME`)
was wrapped there."""

_BEFORE_A_NUMBER = re.compile(
    r"\b(?:order|account|acct|booking(?:\sid)?|ref(?:erence)?|invoice|ticket|policy|case|"
    r"no\.?|number|id)$",
    re.I,
)
_A_NUMBER = re.compile(r"#?(?:[A-Z]{2,4}[\s/-]?)?\d[\d\s/-]{2,20}\b")
"""A long line that stops on the word for a reference, before a line that starts with one,
was wrapped there ("booking ID\n7730219845")."""

_NOT_CONTINUED = re.compile(r"[>*•|#\[-]|[\w ()/.'-]{1,30}:\s|\d{1,2}[:.]\d\d\b")
"""How a line starts when it is not the rest of the one before: a quote, a list item, a
header or a speaker ("Customer: ..."), a time stamp."""


def _wrapped(text: str, at: int, widest: int) -> bool:
    """Whether the line break at `at` was put inside a sentence by a mail program.

    No writer ends a long line on a comma or a small word ("...for lunch on Sunday and
    the\nwaiter knocked"): that line was wrapped. Otherwise a mail program breaks a line only
    when the next word would pass its width, which is at least the `widest` line of the
    message, and the sentence goes on into a line that starts in lower case or with a
    bracket ("Courier\n(Roadbridge)"). So a short line, a line that had room for the next
    word or one ended by a stop was ended by its writer, and so was one followed by a quote,
    a list item, a header or a speaker; and so was every line of a message that never ends
    a sentence inside a line ("the party stuff is stuck with us\norder 31-88420"): for it,
    `widest` is 0.
    """
    line = text[text.rfind("\n", max(0, at - MAX_SENTENCE), at) + 1 : at].rstrip()
    if len(line) < WRAP or line[-1:] in {".", "!", "?", ":", ";"}:
        return False
    following = text[at + 1 : at + 1 + _WIDEST_WRAP]
    if _NOT_CONTINUED.match(following):
        return False
    if _MID_PHRASE.search(line, max(0, len(line) - 12)):
        return True
    if _BEFORE_A_DATE.search(line, max(0, len(line) - 8)) and ANY_TIME.match(following):
        return True  # "...is due on\nFriday and ...": the day is the same sentence's
    if _BEFORE_A_NUMBER.search(line, max(0, len(line) - 12)) and _A_NUMBER.match(following):
        return True  # "...booking ID\n7730219845 made through ...": the number is its
    if not 0 < widest <= _WIDEST_WRAP or not (following[:1].islower() or following[:1] == "("):
        return False
    return len(line) + 1 + len(following.split(None, 1)[0]) > widest


_INNER_STOP = re.compile(r"[.!?] {1,3}[A-Za-z]")


def _widest(text: str) -> int:
    """The length of the longest line of `text`, or 0 when no sentence ends inside a line."""
    if _INNER_STOP.search(text) is None:
        return 0
    return max(map(len, text.split("\n")), default=0)


def _add(
    pieces: list[Sentence], text: str, begin: int, end: int, keys: frozenset[str] | None
) -> None:
    """Add text[begin:end] without its outer whitespace, in pieces of `MAX_SENTENCE`."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    while end - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + MAX_SENTENCE // 2, begin + MAX_SENTENCE)
        cut = cut if cut > begin else begin + MAX_SENTENCE
        pieces.append(sentence_of(text[begin:cut], begin, keys))
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if end <= begin:
        return
    last = pieces[-1] if pieces else None
    if last is not None and end - begin < _TINY and end - last.start <= MAX_SENTENCE:
        pieces[-1] = sentence_of(text[last.start : end], last.start, keys)
    else:
        pieces.append(sentence_of(text[begin:end], begin, keys))


def lines(text: str, keys: frozenset[str] | None = None) -> list[Sentence]:
    """The non-blank lines of `text`, for sign-offs: a line longer than `MAX_SENTENCE` keeps
    its end, from a word's start, since that is where a name is signed ("... what we'll do.
    Thank you, Jan & Pete Hollis"), never a word cut in two ("Than")."""
    keys = present(text.lower()) if keys is None else keys
    found: list[Sentence] = []
    begin = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = begin + line.index(stripped[0])
            if len(stripped) > MAX_SENTENCE:
                cut = stripped.find(" ", len(stripped) - MAX_SENTENCE) + 1
                cut = cut or len(stripped) - MAX_SENTENCE  # one long word: its end
                offset, stripped = offset + cut, stripped[cut:]
            found.append(sentence_of(stripped, offset, keys))
        begin += len(line) + 1
    return found


def words(text: str) -> frozenset[str]:
    """A vocabulary written as one string of words: easier to read and to edit than a list."""
    return frozenset(text.split())
