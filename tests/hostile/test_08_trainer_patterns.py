"""Family 8: a trainer's pattern cannot make a reply take exponential time.

`aa(?:a+)+b` in a checks.yaml made a 31-character reply take 15 s, doubling with every
character. A pattern like that is refused when the checks load, as a located problem
(exit 2, naming checks.yaml and its line), or it is run in a way that keeps it bounded:
either way `recovery check` finishes within a few seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile.harness import Cli

CATASTROPHIC = {
    "nested-plus-after-prefix": ("aa(?:a+)+b", "a" * 31),
    "alternation-of-equals": ("(?:a|a)*c", "a" * 31),
    "plus-plus-plus": ("(?:x+x+)+y", "x" * 31),
    # beyond the issue
    "star-star": ("(?:a*)*b", "a" * 31),
    "overlapping-alternation": ("(?:a|aa)+b", "a" * 40),
    "word-runs": ("(?:[a-z]+ ?)+!", "ab " * 20 + "ab"),
    "nested-optional": ("(?:a?){30}a{30}", "a" * 30),
    "backreference": ("(a+)+\\1b", "a" * 31),
}

CHECK = """\
checks:
  - id: hostile-pattern
    principle: listen
    severity: warning
    description: A pattern written to backtrack.
    message: It backtracks.
    hint: Do not.
    patterns: [{pattern}]
"""


def checks_folder(playbooks: Path, text: str) -> Path:
    (playbooks / "checks.yaml").write_text(text, encoding="utf-8")
    return playbooks


def assert_refused_or_bounded(outcome_code: int, err: str) -> None:
    if outcome_code == 2:
        assert "checks.yaml:" in err, f"the refusal names checks.yaml and a line: {err!r}"


@pytest.mark.parametrize(("pattern", "reply"), list(CATASTROPHIC.values()), ids=list(CATASTROPHIC))
def test_catastrophic_check_pattern_is_refused_or_bounded(
    cli: Cli, playbooks: Path, pattern: str, reply: str
) -> None:
    checks_folder(playbooks, CHECK.format(pattern=json.dumps(pattern)))
    outcome = cli("check", "--playbooks", playbooks, reply).exits(0, 1, 2)
    assert_refused_or_bounded(outcome.code, outcome.err)


@pytest.mark.parametrize(
    ("pattern", "reply"), list(CATASTROPHIC.values())[:3], ids=list(CATASTROPHIC)[:3]
)
def test_catastrophic_cue_pattern_is_refused_or_bounded(
    cli: Cli, playbooks: Path, pattern: str, reply: str
) -> None:
    text = (
        "cues:\n  hostile:\n    description: a cue that backtracks\n"
        f"    patterns: [{json.dumps(pattern)}]\n" + CHECK.format(pattern='"sorry {hostile}"')
    )
    checks_folder(playbooks, text)
    outcome = cli("check", "--playbooks", playbooks, "sorry " + reply).exits(0, 1, 2)
    assert_refused_or_bounded(outcome.code, outcome.err)


@pytest.mark.parametrize("key", ["sentence_breaks", "clause_breaks"])
def test_catastrophic_break_pattern_is_refused_or_bounded(
    cli: Cli, playbooks: Path, key: str
) -> None:
    checks_folder(playbooks, f"{key}: '(?:a+)+b'\n")
    outcome = cli("check", "--playbooks", playbooks, "hello " + "a" * 31).exits(0, 1, 2)
    assert_refused_or_bounded(outcome.code, outcome.err)


def test_catastrophic_quoted_spans_pattern_is_refused_or_bounded(cli: Cli, playbooks: Path) -> None:
    checks_folder(playbooks, "quoted_spans: ['(?:x+x+)+y']\n")
    outcome = cli("check", "--playbooks", playbooks, "hello " + "x" * 31).exits(0, 1, 2)
    assert_refused_or_bounded(outcome.code, outcome.err)


def test_catastrophic_pattern_in_batch_is_bounded(
    cli: Cli, tmp_path: Path, playbooks: Path
) -> None:
    """Batch checks every draft with the same checks: a row must not be able to stall it."""
    checks_folder(playbooks, CHECK.format(pattern=json.dumps("aa(?:a+)+b")))
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "1", "customer_name": "Dana", "stakes": "a" * 40}) + "\n",
        encoding="utf-8",
    )
    outcome = cli(
        "batch", source, "--out", tmp_path / "out.jsonl", "--scenario", "outsourced-delay",
        "--playbooks", playbooks, "-j", "1",
    ).exits(0, 1, 2)  # fmt: skip
    assert_refused_or_bounded(outcome.code, outcome.err)
