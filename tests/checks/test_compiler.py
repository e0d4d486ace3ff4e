"""A trainer's regex that could take exponential time is refused by its shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_cli.checks.checker import Checker
from recovery_cli.checks.compiler import backtracking
from recovery_cli.errors import RecoveryError
from support import SHIPPED


@pytest.mark.parametrize("pattern", ["(?:a+)+b", "(?:a|a)*c", "(?:a?){30}a{30}"])
def test_a_pattern_that_can_split_its_text_in_many_ways_is_refused(pattern: str) -> None:
    found = backtracking(pattern)
    assert found is not None and "exponential" in found[0]


@pytest.mark.parametrize("pattern", [r"(?:\w+ ){0,3}end", r"[.!?\n]", r"(?:very )?(?:a?){3}b"])
def test_a_linear_pattern_or_a_few_turns_pass(pattern: str) -> None:
    assert backtracking(pattern) is None


def test_a_backtracking_sentence_break_is_reported_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "checks.yaml"
    path.write_text("sentence_breaks: '(?:a+)+b'\n", encoding="utf-8")
    with pytest.raises(RecoveryError) as caught:
        Checker.load([SHIPPED / "checks.yaml", path])
    [problem] = caught.value.problems
    assert "exponential" in problem.message
    assert (problem.location.file, problem.location.line) == (str(path), 1)
