"""A reply as the checker reads it: cleaned, lower-cased, split on demand.

Terminal codes and invisible characters are taken out first (`text.clean_with_offsets`),
so they hide no phrase; curly quotes are straightened, and letters that only look Latin
read as the letters they show (`text.fold_lookalikes`); sentences, clauses and quotations
are found only when a check needs them. Offsets lead back to the text as given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from recovery_cli.checks.patterns import occurs, word_keys
from recovery_cli.text import clean_with_offsets, fold_lookalikes

if TYPE_CHECKING:
    from recovery_cli.checks.checker import Checker, Finding, Rule
    from recovery_cli.checks.compiler import Cue

STRAIGHTEN = str.maketrans("‘’ʼ′“”„″\u00a0", '\'\'\'""""" ')
SENTENCES = r"[.!?\n](?:(?<=[.!?])[.!?]*(?=\s|$)|(?<=\n)[ \t\r\f\v]*\n)"
"""Where sentences end, unless a checks file says otherwise: a run of end punctuation before
a space, or a blank line. Linear (no run is rescanned), and it starts with a character
class, which lets the regex engine skip straight to the candidates."""
_CURLY = re.compile("[‘’ʼ′“”„″\u00a0]")
LONGEST_SENTENCE = 2_000
"""A "sentence" longer than this is cut into pieces of this size, so that every look at the
words around a match costs a bounded amount however the reply is punctuated."""
REACH = 40
"""Characters looked at per word of a cue's reach (`unless_before: {cue: 3}`: 120)."""
CLAUSE_REACH = 400
"""How far from a match its clause's edges are looked for."""
CLAUSES = r"[,;:!?.\n]"
"""Where clauses end, unless a checks file says otherwise."""
QUOTES = (  # each starts with its quote mark, which lets the regex engine skip ahead
    r'"[^"\n]{1,400}"',
    r"'(?<![a-z0-9]')(?=[a-z0-9])(?:[^'\n]|'(?=[a-z])){1,400}?'(?![a-z0-9])",
)


class Reply:
    """A reply lower-cased, with its sentences, clauses and quotations found on demand.
    Terminal codes and invisible characters are taken out first (`text.clean`), so they
    hide no phrase; `offsets` leads from the text checked back to the text as given."""

    def __init__(self, checker: Checker, text: str) -> None:
        cleaned, self.offsets = clean_with_offsets(text)
        curly = not cleaned.isascii() and _CURLY.search(cleaned) is not None  # all non-ASCII
        straight = cleaned.translate(STRAIGHTEN) if curly else cleaned
        straight = fold_lookalikes(straight)  # "ｆａｕｌｔ" and "f\u0430ult" read "fault"
        low = straight.lower()
        if len(low) != len(straight):  # a few characters lower-case to two; keep offsets exact
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in straight)
        self.checker, self.low = checker, low
        self._seen: dict[int, bool] = {}
        self._around: dict[tuple[int, int, bool, bool], list[str]] = {}

    @cached_property
    def keys(self) -> set[str]:
        """The reply's `word_keys`, for the cues looked for in the whole reply."""
        return word_keys(self.low)

    def as_given(self, finding: Finding) -> Finding:
        """The finding with its offsets in the text as given, hidden characters included."""
        assert self.offsets is not None
        start = self.offsets[finding.start]
        end = self.offsets[finding.end - 1] + 1 if finding.end > finding.start else start
        return replace(finding, start=start, end=end)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        spans = list(self._spans())
        return [(s, e) for s, e in spans if self.low[s:e].strip()] or [(0, len(self.low))]

    def _spans(self) -> Iterator[tuple[int, int]]:
        """Sentence spans in order, a very long one cut into `LONGEST_SENTENCE` pieces."""
        start = 0
        ends = [match.end() for match in self.checker.sentence_breaks.finditer(self.low)]
        for end in [*ends, len(self.low)]:
            while end - start > LONGEST_SENTENCE:
                yield start, start + LONGEST_SENTENCE
                start += LONGEST_SENTENCE
            yield start, end
            start = end

    def first_sentences(self) -> Iterator[tuple[int, int]]:
        """The sentences in order, found lazily: an opening rarely needs more than two."""
        if "sentences" in self.__dict__:
            yield from self.sentences
            return
        start = 0
        for match in self.checker.sentence_breaks.finditer(self.low):
            end = match.end()
            while end - start > LONGEST_SENTENCE:
                if self.low[start : start + LONGEST_SENTENCE].strip():
                    yield start, start + LONGEST_SENTENCE
                start += LONGEST_SENTENCE
            if self.low[start:end].strip():
                yield start, end
            start = end
        if self.low[start:].strip() or start == 0:
            yield start, len(self.low)

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return sorted(m.span() for q in self.checker.quotes for m in q.finditer(self.low))

    def sentence(self, at: int) -> tuple[int, int]:
        return self.sentences[max(bisect_right(self._starts, at) - 1, 0)]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self.quotes]

    def quoted(self, start: int, end: int) -> bool:
        """Whether the span lies inside a quotation (quotations are at most 400 characters
        long, so only those starting shortly before it can hold it)."""
        first = bisect_right(self._quote_starts, start - 402)
        last = bisect_right(self._quote_starts, start)
        return any(self.quotes[i][1] >= end for i in range(first, last))

    def _clause(self, at: int, bounds: tuple[int, int]) -> tuple[int, int]:
        """The clause around `at`, looked for no further than a cue can reach."""
        start, end = max(bounds[0], at - CLAUSE_REACH), min(bounds[1], at + CLAUSE_REACH)
        for match in self.checker.clause_breaks.finditer(self.low, start, end):
            if match.end() <= at:
                start = match.end()
            elif match.start() >= at:
                return start, match.start()
        return start, end

    def near(self, cue: Cue, words: int, start: int, end: int, ahead: bool) -> bool:
        """Whether `cue` occurs within `words` words before `start` (or after `end`), in
        the same clause (or sentence, for a cue that reaches that far)."""
        key = (start, end, cue.sentence, ahead)  # the words around a match, split once
        found = self._around.get(key)
        if found is None:
            bounds = self.sentence(start)
            if not cue.sentence:
                bounds = self._clause(end if ahead else start, bounds)
            reach = words * REACH
            span = (
                (end, min(bounds[1], end + reach))
                if ahead
                else (max(bounds[0], start - reach), start)
            )
            found = self._around[key] = self.low[span[0] : span[1]].split()
        window = " ".join(found[:words] if ahead else found[-words:])
        return bool(window) and occurs(cue.regex, window)

    def anywhere(self, cue: Cue) -> bool:
        if id(cue) not in self._seen:
            self._seen[id(cue)] = bool(cue.matcher.spans(self.low, self.keys))
        return self._seen[id(cue)]

    def suppressed(self, rule: Rule, start: int, end: int) -> bool:
        if rule.skip_quotes and self.quotes and self.quoted(start, end):
            return True
        if any(self.near(cue, n, start, end, False) for cue, n in rule.before):
            return True
        if any(self.near(cue, n, start, end, True) for cue, n in rule.after):
            return True
        if rule.in_sentence:
            s, e = self.sentence(start)
            if any(cue.matcher.spans(self.low, self.keys, s, e) for cue in rule.in_sentence):
                return True
        return any(self.anywhere(cue) for cue in rule.in_reply)
