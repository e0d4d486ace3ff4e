"""A playbook's questions answered by what the customer already said.

A question's default is the most common answer, but a default the message contradicts
becomes a false statement in an unattended draft: "We sent you the wrong item" to a
customer whose hinges were missing, "if anyone was hurt, please tell me" to one who wrote
that she went to A&E. A trainer lists, per answer, the phrases that give it (`heard` in the
playbook format); an answer is heard when the phrases of exactly one answer occur in the
message and are not denied ("nobody was hurt", "no damage"). Two answers heard at once,
or none, leave the question to the agent, or to its default in a batch.

The cost is bounded like the rest of reading: the message is cut to `MAX_CHARS`, each
phrase becomes one pattern of bounded quantifiers, compiled once per question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from recovery_cli.listen.model import Fact
from recovery_cli.listen.sentences import MAX_CHARS
from recovery_cli.playbook.models import Playbook, Question
from recovery_cli.text import clean

GAP = 4
"""How many other words `...` in a phrase stands for, at most."""

_DENIED = re.compile(
    r"\b(?:no|not|never|nobody|none|nothing|neither|nor|without|wasn't|weren't|isn't|"
    r"aren't|didn't|doesn't|don't|hasn't|haven't|won't|wouldn't)"
    r"(?:[\s-]{1,3}(?!(?:and|but|so|then|or)\b)[\w'’]+){0,2}\s{1,3}$",
    re.I,
)
"""A denial within three words before a phrase, in its clause: "nobody was hurt", "no
burns", not "there was no booking and (they) turned us away". So a phrase says what
happened, never that something did not: a denial cannot be heard."""


@dataclass(frozen=True)
class HeardAnswer:
    """An answer the message gives, with the words it was heard in."""

    question: str
    answer: str
    words: str
    start: int
    end: int

    def describe(self) -> str:
        """One line for a person: "from the message: 'went to A&E'"."""
        return f"from the message: {self.words!r}"

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {
            "answer": self.answer,
            "words": self.words,
            "start": self.start,
            "end": self.end,
        }


def heard_answers(
    message: str, playbook: Playbook, facts: Mapping[str, Fact] | None = None
) -> dict[str, HeardAnswer]:
    """The answers `message` (as the customer gave it) gives to `playbook`'s questions,
    by question id; it is cleaned of control and invisible characters first. `facts`, the
    message's reading, give the answers a question's `read` names."""
    text = clean(message)[:MAX_CHARS]
    found: dict[str, HeardAnswer] = {}
    for question in playbook.questions():
        if question.heard or question.read:
            answer = _heard(text, question, facts or {})
            if answer is not None:
                found[question.id] = answer
    return found


def _heard(text: str, question: Question, facts: Mapping[str, Fact]) -> HeardAnswer | None:
    """The one answer whose phrases the text says, undenied, or whose fact was read; None
    for none or several."""
    heard: list[HeardAnswer] = []
    for answer, pattern in _patterns(question):
        for match in pattern.finditer(text):
            if not _DENIED.search(text, max(0, match.start() - 60), match.start()):
                heard.append(
                    HeardAnswer(question.id, answer, match.group(), match.start(), match.end())
                )
                break
    for answer, name in question.read.items():
        fact = facts.get(name)
        if fact is not None:  # already read undenied ("nobody was hurt" is no harm)
            heard.append(HeardAnswer(question.id, answer, fact.words, fact.start, fact.end))
    if len({each.answer for each in heard}) != 1:
        return None
    return heard[0]


_COMPILED: dict[
    tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], list[tuple[str, re.Pattern[str]]]
] = {}


def _patterns(question: Question) -> list[tuple[str, re.Pattern[str]]]:
    """Each answer's phrases as one pattern, compiled once per question's phrases."""
    key = (
        question.id,
        tuple((answer, tuple(phrases)) for answer, phrases in question.heard.items()),
    )
    compiled = _COMPILED.get(key)
    if compiled is None:
        if len(_COMPILED) >= 256:
            _COMPILED.clear()
        compiled = _COMPILED[key] = [
            (answer, re.compile("|".join(_phrase(phrase) for phrase in phrases), re.I))
            for answer, phrases in question.heard.items()
            if phrases
        ]
    return compiled


def _phrase(phrase: str) -> str:
    """One phrase as a pattern: whole words in order, a few words for each `...`."""
    parts: list[str] = []
    for word in phrase.split(" "):
        if word == "...":
            parts.append(rf"(?:\W{{1,3}}[\w'’&+-]{{1,30}}){{0,{GAP}}}")
            continue
        choices = "|".join(re.escape(choice) for choice in word.split("|"))
        parts.append(("" if not parts else r"\W{1,3}") + rf"(?:{choices})")
    return r"(?<![\w&])" + "".join(parts) + r"(?![\w&])"
