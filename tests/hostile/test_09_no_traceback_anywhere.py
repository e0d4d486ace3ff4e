"""Family 9: the crash log is private, and no exit path shows a traceback.

The crash log was one fixed file in the shared temporary folder: when it belonged to
another user or was a folder, an internal error printed two chained tracebacks; it
followed symlinks and was world-readable while messages can hold customer text.
`recovery --help > /dev/full` printed a traceback, and so did Ctrl-C during start-up.

An internal error is made to happen with a `sitecustomize` module on PYTHONPATH that
replaces `Library.configured` (the documented entry point to the library, which every
command that reads playbooks calls) with a function that raises.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from hostile.harness import SRC, Cli, Outcome, Spawn

SECRET = "injected internal error for Dana Customer"
MARK = "_injected_failure"
"""The injected function's name: in any traceback, whatever the log keeps of the message."""

CRASH = f"""\
import recovery_cli.library as _library


def _injected_failure(cls, extra=()):
    raise RuntimeError({SECRET!r})


_library.Library.configured = classmethod(_injected_failure)
"""

CTRL_C_ON_IMPORT = """\
import os
import signal
import sys


class _CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, _CtrlC())
"""


def site(tmp_path: Path, text: str) -> dict[str, str]:
    folder = tmp_path / "site"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(text, encoding="utf-8")
    return {"PYTHONPATH": f"{folder}{os.pathsep}{SRC}"}


def logs_holding(root: Path, text: str) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if text in path.read_text("utf-8", "replace"):
                    found.append(path)
            except OSError:
                continue
    return found


def crashed(outcome: Outcome) -> Outcome:
    """Exit 3 (a bug, as documented), a message, and no traceback on screen."""
    outcome.within_limits().no_traceback()
    assert outcome.code == 3, "an internal error exits 3\n" + outcome.describe()
    assert outcome.err.strip(), outcome.describe()
    return outcome


@pytest.fixture
def crash_env(tmp_path: Path) -> dict[str, str]:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    return {**site(tmp_path, CRASH), "TMPDIR": str(shared)}


def test_internal_error_is_logged_privately_under_recovery_home(
    cli: Cli, home: Path, tmp_path: Path, crash_env: dict[str, str]
) -> None:
    outcome = crashed(cli("list", env=crash_env, umask=0))
    logs = logs_holding(home, MARK)
    assert logs, "the traceback is in a log under RECOVERY_HOME\n" + outcome.describe()
    assert not logs_holding(tmp_path / "shared-tmp", MARK), "not in the shared temp folder"
    for log in logs:
        assert stat.S_IMODE(log.stat().st_mode) == 0o600, f"{log} is private, even with umask 0"
        assert log.stat().st_uid == os.getuid()
        assert str(log) in outcome.err or log.name in outcome.err, "the message names the log"


def test_crash_log_in_the_shared_temp_folder_being_a_folder_changes_nothing(
    cli: Cli, tmp_path: Path, crash_env: dict[str, str]
) -> None:
    (tmp_path / "shared-tmp" / "recovery-crash.log").mkdir()
    crashed(cli("list", env=crash_env))


def test_crash_log_never_follows_a_symlink_planted_at_its_path(
    cli: Cli, home: Path, tmp_path: Path, crash_env: dict[str, str]
) -> None:
    crashed(cli("list", env=crash_env))
    logs = logs_holding(home, MARK)
    assert logs, "a log under RECOVERY_HOME"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    for log in logs:
        log.unlink()
        log.symlink_to(victim)
    crashed(cli("list", env=crash_env))
    assert victim.read_text(encoding="utf-8") == "keep me\n", "the link's target is untouched"


def test_crash_log_never_creates_the_target_of_a_dangling_symlink(
    cli: Cli, home: Path, tmp_path: Path, crash_env: dict[str, str]
) -> None:
    crashed(cli("list", env=crash_env))
    logs = logs_holding(home, MARK)
    assert logs, "a log under RECOVERY_HOME"
    target = tmp_path / "elsewhere" / "planted.log"
    target.parent.mkdir()
    for log in logs:
        log.unlink()
        log.symlink_to(target)
    crashed(cli("list", env=crash_env))
    assert not target.exists(), "a dangling link is not followed to create its target"


def test_crash_log_that_cannot_be_written_still_gives_a_clean_message(
    cli: Cli, tmp_path: Path, crash_env: dict[str, str]
) -> None:
    not_a_folder = tmp_path / "home-is-a-file"
    not_a_folder.write_text("", encoding="utf-8")
    crashed(cli("list", env={**crash_env, "RECOVERY_HOME": str(not_a_folder)}))


def test_two_crashes_do_not_expose_the_first_ones_text_to_others(
    cli: Cli, home: Path, crash_env: dict[str, str]
) -> None:
    crashed(cli("list", env=crash_env))
    crashed(cli("list", env=crash_env))
    logs = logs_holding(home, MARK)
    assert logs, "the crashes are logged under RECOVERY_HOME"
    for log in logs:
        assert stat.S_IMODE(log.stat().st_mode) & 0o077 == 0


# ----------------------------------------------------------------- output that fails


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--help",), id="help"),
        pytest.param(("list",), id="list"),
        pytest.param(("list", "--format", "json"), id="list-json"),
        pytest.param(("check", "--format", "json", "not our fault"), id="check-json"),
        pytest.param(("schema",), id="schema"),
        pytest.param(("show", "outsourced-delay"), id="show"),
    ],
)
def test_output_to_a_full_device_gives_no_traceback(cli: Cli, args: tuple[str, ...]) -> None:
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        outcome = cli(*args, stdout=full)
    finally:
        os.close(full)
    outcome.within_limits().no_traceback()
    assert outcome.code in (0, 1, 2), outcome.describe()
    assert "unexpected error" not in outcome.err, outcome.describe()
    if args != ("--help",):
        assert outcome.code != 0, "output that could not be written is not a success"
        outcome.says("space", "write", "output")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("list", "--format", "json"), id="list-json"),
        pytest.param(("schema",), id="schema"),
        pytest.param(("show", "outsourced-delay"), id="show"),
    ],
)
def test_output_to_a_closed_pipe_gives_no_traceback(cli: Cli, args: tuple[str, ...]) -> None:
    """`recovery list | head -1`: the reader goes away early."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        outcome = cli(*args, stdout=write_end)
    finally:
        os.close(write_end)
    outcome.no_traceback()
    if outcome.code != -signal.SIGPIPE:  # ended by SIGPIPE as Unix tools are: allowed here
        outcome.within_limits()
    assert outcome.code in (0, 1, 2, 130) or outcome.code == -signal.SIGPIPE, outcome.describe()


# ------------------------------------------------------------------ Ctrl-C at start-up


def interrupted(outcome: Outcome) -> None:
    """130, or killed by SIGINT before Python took over (a shell shows 130 too), or 0."""
    assert not outcome.timed_out, outcome.describe()
    outcome.no_traceback()
    assert outcome.code in (0, 130, -signal.SIGINT), outcome.describe()
    assert "unexpected error" not in outcome.err, outcome.describe()


READY = """\
import os
import runpy  # what `python -m` imports next: part of Python's start-up, not the tool's

os.write(int(os.environ["RECOVERY_TEST_READY_FD"]), b"!")
"""
"""A sitecustomize that says when Python's own start-up is over: from then on, what
happens on Ctrl-C is the tool's business."""


def interrupt_after_start_up(spawn: Spawn, tmp_path: Path, delay: float) -> Outcome:
    read_end, write_end = os.pipe()
    try:
        env = {**site(tmp_path, READY), "RECOVERY_TEST_READY_FD": str(write_end)}
        running = spawn("list", env=env, pass_fds=(write_end,))
        os.close(write_end)
        write_end = -1
        assert os.read(read_end, 1) == b"!", "Python started"
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    time.sleep(delay)
    if running.process.poll() is None:
        os.kill(running.process.pid, signal.SIGINT)
    return running.finish()


@pytest.mark.parametrize("delay", [0.02, 0.04, 0.07, 0.1, 0.2, 0.4])
def test_ctrl_c_soon_after_start_up_gives_130_and_no_traceback(
    spawn: Spawn, tmp_path: Path, delay: float
) -> None:
    for _ in range(3):
        outcome = interrupt_after_start_up(spawn, tmp_path, delay)
        if "Traceback" in outcome.err and "recovery_cli" not in outcome.err:
            continue  # it landed in Python's own start-up, before any of the tool's code
        interrupted(outcome)
        return
    pytest.skip("the interrupt kept landing before the tool's first line")


@pytest.mark.parametrize(
    "module",
    ["recovery_cli.cli", "typer", "rich", "yaml", "pydantic", "recovery_cli.library"],
)
def test_ctrl_c_while_a_module_is_imported_gives_130_and_no_traceback(
    cli: Cli, tmp_path: Path, module: str
) -> None:
    outcome = cli("list", env=site(tmp_path, CTRL_C_ON_IMPORT.format(module=module)))
    interrupted(outcome)


def test_ctrl_c_while_reading_standard_input_gives_130_and_no_traceback(
    spawn: Spawn,
) -> None:
    running = spawn("check", "-", stdin=subprocess.PIPE)
    time.sleep(1.5)
    os.kill(running.process.pid, signal.SIGINT)
    outcome = running.finish()
    interrupted(outcome)


def test_ctrl_c_inside_a_librarys_lazy_import_is_an_interrupt_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python re-raises a KeyboardInterrupt that lands in a class body being built during an
    import as a RuntimeError; while the arguments are parsed, that is still Ctrl-C."""
    import recovery_cli.cli as cli

    def interrupted_import(*args: object, **kwargs: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on 'cached_property'") from exc

    monkeypatch.setattr(cli, "app", interrupted_import)
    assert cli.run(["list"]) == 130
    assert "Traceback" not in capsys.readouterr().err
