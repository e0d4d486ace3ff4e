"""Shared fixtures: drive the CLI as a user does, with an isolated home for transcripts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from recovery_cli.cli import app
from support import Invoke


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Transcripts and state go to a temporary folder; no extra playbooks leak in."""
    monkeypatch.setenv("RECOVERY_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("RECOVERY_PLAYBOOKS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    yield


@pytest.fixture
def invoke() -> Invoke:
    """Run `recovery ARGS...` and return the result (exit code, stdout, stderr)."""
    runner = CliRunner()

    def run(
        *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None
    ) -> Result:
        return runner.invoke(app, list(args), input=input, env=env)

    return run
