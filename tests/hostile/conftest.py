"""Fixtures for the hostile-input suite: a fenced `recovery` process and small playbooks.

`cli` runs one command to completion under memory, CPU and wall-clock limits; `spawn`
starts one and leaves it running (for signals and concurrent runs), and kills whatever is
left at the end of the test; `inproc` runs a command that cannot be expensive in this
process. The helpers and the `Outcome` type live in `harness.py`.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostile.harness import (
    Cli,
    Device,
    InProcess,
    Spawn,
    clone_device,
    make_cli,
    make_inproc,
    make_spawn,
    stop,
)

VALID = (Path(__file__).resolve().parents[1] / "broken" / "valid.yaml").read_text("utf-8")
"""A small valid playbook (id `valid`); hostile playbooks change one line of it."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: a hostile case that takes several seconds even when the tool behaves; runs by "
        'default, `-m "not slow"` leaves it out',
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """RECOVERY_HOME for the subprocess (created, so a log can be looked for in it)."""
    path = tmp_path / "state"
    path.mkdir()
    return path


@pytest.fixture
def cli(home: Path) -> Cli:
    """Run `recovery ARGS...` in a subprocess with resource limits; get an `Outcome`."""
    return make_cli(home)


@pytest.fixture
def inproc(home: Path) -> InProcess:
    """Run `recovery ARGS...` in this process: for cases that cannot be expensive."""
    return make_inproc(home)


@pytest.fixture
def spawn(home: Path) -> Iterator[Spawn]:
    """Start `recovery ARGS...` without waiting; anything still running is killed after."""
    started: list[subprocess.Popen[bytes]] = []
    yield make_spawn(home, started)
    for process in started:
        if process.poll() is None:
            stop(process)
            process.wait()


@pytest.fixture
def playbooks(tmp_path: Path) -> Path:
    """An empty folder for --playbooks."""
    folder = tmp_path / "playbooks"
    folder.mkdir()
    return folder


@pytest.fixture
def valid_yaml() -> str:
    """The text of tests/broken/valid.yaml: a playbook `valid` that loads and runs."""
    return VALID


@pytest.fixture
def device(tmp_path: Path) -> Device:
    """Clones of /dev/null, /dev/zero and /dev/full in tmp_path (skips when not root).

    Tests use clones rather than the real nodes so that a tool that replaces a device
    with a regular file (the bug they look for) cannot damage the machine."""

    def make(name: str) -> Path:
        made = clone_device(tmp_path, name)
        if isinstance(made, str):
            pytest.skip(made)
        return made

    return make
