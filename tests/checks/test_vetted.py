"""Patterns found safe once are not vetted again at start-up; a bad one is always reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import recovery_cli.checks.compiler as compiler
from recovery_cli.checks.checker import Checker
from recovery_cli.checks.vetted import RULES, Vetted
from recovery_cli.errors import RecoveryError
from support import SHIPPED

CHECKS = SHIPPED / "checks.yaml"
FLAGGED = "Unfortunately that is not our fault."


def _cache_file() -> Path:
    path = Vetted.from_cache().path
    assert path is not None
    return path


def _no_vetting(pattern: str) -> None:
    raise AssertionError(f"vetted again: {pattern!r}")


def test_a_second_start_takes_the_shipped_patterns_as_vetted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Checker.load([CHECKS])
    assert _cache_file().exists()
    monkeypatch.setattr(compiler, "_verdict", _no_vetting)
    assert Checker.load([CHECKS]).check(FLAGGED), "the checker still flags what it should"


def test_a_bad_pattern_is_reported_on_every_start(tmp_path: Path) -> None:
    mine = tmp_path / "checks.yaml"
    mine.write_text(
        "checks:\n  - id: greedy\n    principle: listen\n    description: d\n"
        "    message: m\n    hint: h\n    patterns: ['(?:a+)+b']\n",
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(RecoveryError) as caught:
            Checker.load([CHECKS, mine])
        assert any("exponential" in problem.message for problem in caught.value.problems)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        '{"rules": "vetting-0", "passed": []}',
        '{"rules": "' + RULES + '", "passed": "everything"}',
        '{"rules": "' + RULES + '", "passed": [1, null, "short"]}',
        "[" * 100_000,
    ],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_every_pattern_vetted(
    monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    path = _cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    vetted: list[str] = []
    real = compiler._verdict

    def counting(pattern: str) -> tuple[str, str | None] | None:
        vetted.append(pattern)
        return real(pattern)

    monkeypatch.setattr(compiler, "_verdict", counting)
    assert Checker.load([CHECKS]).check(FLAGGED)
    assert len(vetted) > 100


def test_no_cache_is_kept_when_caches_are_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERY_CACHE", "0")
    assert Vetted.from_cache().path is None
    assert Checker.load([CHECKS]).check(FLAGGED)
