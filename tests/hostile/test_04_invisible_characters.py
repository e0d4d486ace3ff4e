"""Family 4: text the checker reads is the text the reader sees.

`not our fa\\u200bult` passed the check while the screen showed "not our fault"; so did
U+200D, U+2060, U+FEFF, U+00AD, U+034F and an escape sequence in the middle of a word.
Each variant must be flagged exactly like the plain phrase: the same check ids.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hostile.harness import Cli, InProcess, accounted

PLAIN = "I'm sorry, but that is not our fault."
HIDDEN = {
    "zero-width-space-U+200B": "\u200b",
    "zero-width-joiner-U+200D": "\u200d",
    "word-joiner-U+2060": "\u2060",
    "byte-order-mark-U+FEFF": "\ufeff",
    "soft-hyphen-U+00AD": "\u00ad",
    "grapheme-joiner-U+034F": "\u034f",
    "csi-reset-ESC[0m": "\x1b[0m",
    # beyond the list: the same family
    "zero-width-non-joiner-U+200C": "\u200c",
    "left-to-right-mark-U+200E": "\u200e",
    "right-to-left-mark-U+200F": "\u200f",
    "invisible-times-U+2062": "\u2062",
    "mongolian-vowel-separator-U+180E": "\u180e",
    "arabic-letter-mark-U+061C": "\u061c",
    "variation-selector-16-U+FE0F": "\ufe0f",
    "variation-selector-1-U+FE00": "\ufe00",
    "variation-selector-17-U+E0100": "\U000e0100",
    "tag-letter-U+E0041": "\U000e0041",
    "csi-colour-ESC[31;1m": "\x1b[31;1m",
    "osc-title-ESC]0;x-BEL": "\x1b]0;x\x07",
    "c1-csi-U+009B": "\u009b0m",
    "three-in-a-row": "\u200b\u200d\u2060",
    "one-of-each": "\u200b\u200d\u2060\ufeff\u00ad\u034f",
}


def check_ids(outcome_json: Any) -> list[str]:
    """The check ids of `recovery check --format json` output, sorted."""
    return sorted(str(finding["check"]) for finding in outcome_json["findings"])


@pytest.fixture(scope="module")
def plain_ids() -> list[str]:
    from recovery_cli.checks.checker import Checker

    found = Checker.load().check(PLAIN, opening=False)
    assert found, "the plain phrase is flagged"
    return sorted(f.check for f in found)


@pytest.mark.parametrize("hidden", list(HIDDEN.values()), ids=list(HIDDEN))
def test_hidden_character_inside_a_word_does_not_hide_the_phrase(
    inproc: InProcess, hidden: str, plain_ids: list[str]
) -> None:
    text = PLAIN.replace("fault", "fa" + hidden + "ult")
    outcome = inproc("check", "--line", "--format", "json", text).exits(1)
    assert check_ids(outcome.json()) == plain_ids, outcome.describe()


@pytest.mark.parametrize(
    "phrase",
    ["We are not liable for the delay.", "That's the courier's fault.", "We'll look into it."],
)
@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\ufe0f", "\x1b[0m"], ids=repr)
def test_hidden_characters_in_other_phrases_change_nothing(
    inproc: InProcess, phrase: str, hidden: str
) -> None:
    plain = inproc("check", "--line", "--format", "json", phrase).clean()
    word = max(phrase.rstrip(".").split(), key=len)
    hidden_text = phrase.replace(word, word[:2] + hidden + word[2:-1] + hidden + word[-1:])
    outcome = inproc("check", "--line", "--format", "json", hidden_text).clean()
    assert check_ids(outcome.json()) == check_ids(plain.json()), outcome.describe()
    assert outcome.code == plain.code


def test_hidden_character_in_a_file_does_not_hide_the_phrase(
    inproc: InProcess, tmp_path: Path, plain_ids: list[str]
) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(PLAIN.replace("fault", "fa\u2060\u200dult"), encoding="utf-8")
    outcome = inproc("check", "--line", "--format", "json", "--file", str(reply)).exits(1)
    assert check_ids(outcome.json()) == plain_ids


def test_hidden_character_on_stdin_does_not_hide_the_phrase(
    inproc: InProcess, plain_ids: list[str]
) -> None:
    text = PLAIN.replace("fault", "fa\ufe0fult")
    outcome = inproc("check", "--line", "--format", "json", "-", input=text).exits(1)
    assert check_ids(outcome.json()) == plain_ids


def test_batch_draft_with_a_hidden_phrase_gets_the_same_findings(cli: Cli, tmp_path: Path) -> None:
    """A row's `stakes` lands in the draft, and batch checks every draft."""
    blame = "the courier lost it, which is not our fault"
    hidden = "the courier lost it, which is not our fa\u00adu\u200blt"
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": i, "customer_name": "Dana", "stakes": stakes}) + "\n"
            for i, stakes in (("plain", blame), ("hidden", hidden))
        ),
        encoding="utf-8",
    )
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    outcome = cli("batch", source, "--out", out, "--scenario", "outsourced-delay", "-j", "1").exits(
        0, 1
    )
    written, _ = accounted(outcome, out, rejects)
    by_id = {r["id"]: sorted(f["check"] for f in r["findings"]) for r in written}
    assert by_id["plain"], "the plain blame is flagged in the draft"
    assert by_id["hidden"] == by_id["plain"]
