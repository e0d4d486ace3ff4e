"""How the hostile-input tests drive `recovery`: a real process, fenced in.

Every case runs `python -m recovery_cli ...` in a subprocess with an address-space limit
(RLIMIT_AS), a CPU-time limit (RLIMIT_CPU) and a wall-clock timeout, in its own process
group so that a runaway batch worker goes down with its parent. The environment is
isolated: RECOVERY_HOME in the test's temporary folder, NO_COLOR=1, no RECOVERY_PLAYBOOKS.

`Outcome` carries what a user would notice (exit code, both streams, time taken) and
the assertions every test shares: the documented exit code, a clear message, no traceback,
and the limits held. This is a helper module, not a test module: the tests import it, and
`conftest.py` turns it into fixtures.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
PYTHON = sys.executable

MEMORY_LIMIT = 1536 * 1024 * 1024
"""RLIMIT_AS for one case: 1.5 GB of address space, workers included (each its own)."""
CPU_LIMIT = 20
"""RLIMIT_CPU for one case, in seconds: the kernel sends SIGXCPU past it."""
WALL_LIMIT = 30.0
"""The wall-clock timeout for one case, in seconds: past it the process group is killed."""
QUICK = 8.0
"""What "finishes within a few seconds" means for one hostile input: CPU seconds used by
the command and its workers, start-up included. CPU time rather than wall-clock time, so
that a busy machine does not fail a tool that does little work; the wall-clock timeout
still stops one that waits for ever."""

TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s*File \".*\", line \d+", re.M)
UNEXPECTED = re.compile(r"unexpected error|internal error|please report", re.I)
CRASHES = ("MemoryError", "RecursionError", "UnicodeEncodeError", "Exceeds the limit")
DOCUMENTED = {0, 1, 2, 130}
"""The exit codes a user may meet for any input; 3 means a bug."""


def _limits(memory: int, cpu: int, close_stdin: bool, umask: int | None) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if close_stdin:
            os.close(0)
        if umask is not None:
            os.umask(umask)

    return apply


@dataclass
class Outcome:
    """What one `recovery` process did: exit code, output, time, and whether it was stopped."""

    args: Sequence[str | bytes]
    code: int
    stdout: bytes
    stderr: bytes
    seconds: float
    timed_out: bool = False
    home: Path | None = None
    cpu: float | None = None
    """CPU seconds of the command and the workers it waited for (None when not measured)."""

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def describe(self) -> str:
        shown = [a if isinstance(a, str) else repr(a) for a in self.args]
        shown = [a if len(a) < 120 else a[:100] + f"...({len(a)} chars)" for a in shown]
        how = "timed out" if self.timed_out else f"exit {self.code}"
        if self.code < 0 and not self.timed_out:
            how = f"killed by {signal.Signals(-self.code).name}"
        cpu = "" if self.cpu is None else f" ({self.cpu:.1f}s of CPU)"
        return (
            f"recovery {' '.join(shown)}\n  -> {how} after {self.seconds:.1f}s{cpu}\n"
            f"  stderr: {self.err[-2500:]!r}\n  stdout: {self.out[:600]!r}"
        )

    def json(self) -> Any:
        return json.loads(self.out)

    # ------------------------------------------------------------------ the shared checks

    def within_limits(self, seconds: float = QUICK) -> Outcome:
        """Finished by itself, in time, and not killed by the memory or CPU limit."""
        assert not self.timed_out, "did not finish within the wall-clock limit\n" + self.describe()
        assert self.code >= 0, "killed by a resource limit or signal\n" + self.describe()
        assert "MemoryError" not in self.err, "ran out of memory\n" + self.describe()
        if self.cpu is not None:
            assert self.cpu < seconds, f"used more than {seconds}s of CPU\n" + self.describe()
        return self

    def no_traceback(self) -> Outcome:
        assert not TRACEBACK.search(self.err), "a traceback reached stderr\n" + self.describe()
        assert not TRACEBACK.search(self.out), "a traceback reached stdout\n" + self.describe()
        assert "Exception ignored" not in self.err, "Python's noise on stderr\n" + self.describe()
        return self

    def clean(self, seconds: float = QUICK) -> Outcome:
        """Within the limits, no traceback, no internal-error report, a documented code."""
        self.within_limits(seconds)
        self.no_traceback()
        assert self.code in DOCUMENTED, f"exit {self.code} is not documented\n" + self.describe()
        assert not UNEXPECTED.search(self.err), "reported as a bug\n" + self.describe()
        for crash in CRASHES:
            assert crash not in self.err, f"{crash} reached the user\n" + self.describe()
        return self

    def exits(self, *codes: int, seconds: float = QUICK) -> Outcome:
        self.clean(seconds)
        assert self.code in codes, f"expected exit {codes}\n" + self.describe()
        return self

    def refused(self, *words: str, seconds: float = QUICK) -> Outcome:
        """Exit 2 with a message on stderr that names what is wrong (any of `words`)."""
        self.exits(2, seconds=seconds)
        return self.says(*words)

    def says(self, *words: str) -> Outcome:
        """stderr is not empty and mentions one of `words` (case-insensitive), if given."""
        assert self.err.strip(), "no message on stderr\n" + self.describe()
        if words:
            lowered = self.err.lower()
            assert any(w.lower() in lowered for w in words), (
                f"stderr names none of {words}\n" + self.describe()
            )
        return self


class Cli(Protocol):
    """The `cli` fixture: run `recovery ARGS...` in a fenced subprocess."""

    def __call__(
        self,
        *args: str | bytes | os.PathLike[str],
        input: bytes | str | None = None,
        stdin: int | None = subprocess.DEVNULL,
        stdout: int | None = subprocess.PIPE,
        close_stdin: bool = False,
        env: Mapping[str, str] | None = None,
        timeout: float = WALL_LIMIT,
        memory: int = MEMORY_LIMIT,
        cpu: int = CPU_LIMIT,
        umask: int | None = None,
        cwd: Path | None = None,
    ) -> Outcome: ...


class InProcess(Protocol):
    """The `inproc` fixture: run `recovery ARGS...` in this process (cheap cases only)."""

    def __call__(
        self, *args: str | os.PathLike[str], input: bytes | str | None = None
    ) -> Outcome: ...


class Spawn(Protocol):
    """The `spawn` fixture: start `recovery ARGS...` fenced in, without waiting for it."""

    def __call__(
        self,
        *args: str | bytes | os.PathLike[str],
        stdin: int | None = subprocess.DEVNULL,
        env: Mapping[str, str] | None = None,
        pass_fds: tuple[int, ...] = (),
    ) -> Running: ...


@dataclass
class Running:
    """A started `recovery` process; `finish()` waits (within the limit) and gives an Outcome."""

    args: Sequence[str | bytes]
    process: subprocess.Popen[bytes]
    started: float
    home: Path | None = None
    _done: Outcome | None = field(default=None, repr=False)

    def finish(self, timeout: float = WALL_LIMIT) -> Outcome:
        if self._done is not None:
            return self._done
        timed_out = False
        if self.process.stdin is not None and self.process.stdin.closed:
            self.process.stdin = None  # closed by the test: communicate() would flush it
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            stop(self.process)
            out, err = self.process.communicate()
        self._done = Outcome(
            self.args, self.process.returncode, out or b"", err or b"",
            time.monotonic() - self.started,
            timed_out, self.home,
        )  # fmt: skip
        return self._done


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a process this suite started, and its process group (batch workers)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()


def environment(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean environment: the source tree on the path, state in `home`, no colour."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    env = {key: os.environ[key] for key in keep if key in os.environ}
    env.update(
        PYTHONPATH=str(SRC),
        RECOVERY_HOME=str(home),
        NO_COLOR="1",
        COLUMNS="200",
        PYTHONDONTWRITEBYTECODE="1",
        HOME=str(home.parent / "user-home"),
        XDG_STATE_HOME=str(home.parent / "xdg-state"),
    )
    env.setdefault("LANG", "C.UTF-8")
    if extra:
        env.update(extra)
    return env


def command(args: Iterable[str | bytes | os.PathLike[str]]) -> list[str | bytes]:
    return [
        PYTHON,
        "-m",
        "recovery_cli",
        *(a if isinstance(a, bytes) else os.fspath(a) for a in args),
    ]


def make_cli(home: Path) -> Cli:
    def run(
        *args: str | bytes | os.PathLike[str],
        input: bytes | str | None = None,
        stdin: int | None = subprocess.DEVNULL,
        stdout: int | None = subprocess.PIPE,
        close_stdin: bool = False,
        env: Mapping[str, str] | None = None,
        timeout: float = WALL_LIMIT,
        memory: int = MEMORY_LIMIT,
        cpu: int = CPU_LIMIT,
        umask: int | None = None,
        cwd: Path | None = None,
    ) -> Outcome:
        argv = command(args)
        data = input.encode("utf-8") if isinstance(input, str) else input
        before = _children_cpu()
        started = time.monotonic()
        process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE if data is not None else stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            env=environment(home, env),
            cwd=cwd or home.parent,
            preexec_fn=_limits(memory, cpu, close_stdin, umask),
            start_new_session=True,
        )
        running = Running(argv[3:], process, started, home)
        if data is not None:
            timed_out = False
            try:
                out, err = process.communicate(data, timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                stop(process)
                out, err = process.communicate()
            return Outcome(
                argv[3:], process.returncode, out or b"", err, time.monotonic() - started,
                timed_out, home, _children_cpu() - before,
            )  # fmt: skip
        outcome = running.finish(timeout)
        outcome.cpu = _children_cpu() - before
        return outcome

    return run


def make_inproc(home: Path) -> InProcess:
    """Typer's test runner, for inputs that cannot be expensive: no process start-up.

    An exception that escapes the CLI's own handler is shown as the traceback a user
    would have seen, so the shared checks catch it."""
    import traceback

    from typer.testing import CliRunner

    from recovery_cli.cli import app

    def run(*args: str | os.PathLike[str], input: bytes | str | None = None) -> Outcome:
        argv = [os.fspath(a) for a in args]
        started = time.monotonic()
        result = CliRunner().invoke(app, argv, input=input)
        seconds = time.monotonic() - started
        stderr = result.stderr_bytes or b""
        code = result.exit_code
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            trace = "".join(traceback.format_exception(result.exception))
            stderr += trace.encode("utf-8")
            code = 3
        return Outcome(argv, code, result.stdout_bytes, stderr, seconds, False, home, seconds)

    return run


def _children_cpu() -> float:
    """CPU seconds of every child this test process has waited for, so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def make_spawn(home: Path, started: list[subprocess.Popen[bytes]]) -> Spawn:
    def spawn(
        *args: str | bytes | os.PathLike[str],
        stdin: int | None = subprocess.DEVNULL,
        env: Mapping[str, str] | None = None,
        pass_fds: tuple[int, ...] = (),
    ) -> Running:
        argv = command(args)
        process = subprocess.Popen(
            argv,
            pass_fds=pass_fds,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(home, env),
            cwd=home.parent,
            preexec_fn=_limits(MEMORY_LIMIT, CPU_LIMIT, False, None),
            start_new_session=True,
        )
        started.append(process)
        return Running(argv[3:], process, time.monotonic(), home)

    return spawn


# ----------------------------------------------------------------------------- batch


SUMMARY = re.compile(
    r"read (?P<read>[\d,]+) rows: (?P<drafted>[\d,]+) drafted, (?P<routine>[\d,]+) routine, "
    r"(?P<rejected>[\d,]+) rejected"
)


def summary(outcome: Outcome) -> dict[str, int]:
    """The counts from batch's summary line; they must add up."""
    found = SUMMARY.search(outcome.err)
    assert found, "no summary line\n" + outcome.describe()
    counts = {key: int(value.replace(",", "")) for key, value in found.groupdict().items()}
    assert counts["read"] == counts["drafted"] + counts["routine"] + counts["rejected"], counts
    return counts


def jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON lines file: every line whole, every line an object."""
    text = path.read_text(encoding="utf-8")
    assert not text or text.endswith("\n"), f"{path} ends in a torn line: {text[-200:]!r}"
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert all(isinstance(record, dict) for record in records)
    return records


def accounted(outcome: Outcome, out: Path, rejects: Path) -> tuple[list[Any], list[Any]]:
    """Every row read is in the output or the rejects, once, in order; return both."""
    counts = summary(outcome)
    written = jsonl(out)
    rejected = jsonl(rejects)
    rows = sorted([r["row"] for r in written] + [r["row"] for r in rejected])
    assert rows == list(range(1, counts["read"] + 1)), (rows, counts, outcome.describe())
    assert len(rejected) == counts["rejected"], (rejected, counts)
    assert [r["row"] for r in written] == sorted(r["row"] for r in written), "input order"
    for record in rejected:
        assert record.get("reason"), f"a rejected row without a reason: {record}"
    return written, rejected


def rows_jsonl(*rows: Mapping[str, Any]) -> str:
    return "".join(json.dumps(dict(row)) + "\n" for row in rows)


# ------------------------------------------------------------------ special files


DEVICES = {"null": (1, 3), "zero": (1, 5), "full": (1, 7)}
"""Character devices a test may clone into its own folder: (major, minor) as on Linux."""


Device = Callable[[str], Path]
"""The `device` fixture: `device("full")` is a clone of /dev/full in the test's folder."""


def clone_device(folder: Path, name: str) -> Path | str:
    """A device node like /dev/NAME made in `folder`, or the reason it cannot be made.

    A clone behaves as the real device does, so a tool that would replace it with a
    regular file damages nothing outside the test's folder."""
    import stat as stat_module

    if os.geteuid() != 0:
        return "making a device node needs root"
    major, minor = DEVICES[name]
    path = folder / f"dev-{name}"
    try:
        os.mknod(path, stat_module.S_IFCHR | 0o666, os.makedev(major, minor))
        os.chmod(path, 0o666)
        with open(path, "rb+", buffering=0) as handle:
            if name == "zero":
                assert handle.read(4) == b"\0\0\0\0"
            else:
                handle.write(b"x")
    except PermissionError as exc:
        return f"device nodes are not permitted here: {exc}"
    except OSError as exc:
        if not (name == "full" and exc.errno == 28):
            return f"the device node does not work here (a nodev mount?): {exc}"
    return path


def is_char_device(path: Path) -> bool:
    import stat as stat_module

    return stat_module.S_ISCHR(os.lstat(path).st_mode)


class FifoReader:
    """Reads a FIFO on a thread until the writer closes it; `stop()` unblocks it if no
    writer ever came, and returns what was read (None when nothing ever opened it)."""

    def __init__(self, path: Path) -> None:
        import threading

        self.path = path
        self.data: bytes | None = None
        self.opened = False
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as handle:
            self.opened = True
            self.data = handle.read()

    def stop(self, timeout: float = 5.0) -> bytes | None:
        self.thread.join(timeout=0.5)
        if self.thread.is_alive() and not self.opened:
            # Our own writer releases the reader's open(); it then reads EOF.
            with contextlib.suppress(OSError):
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            self.thread.join(timeout=timeout)
            return None
        self.thread.join(timeout=timeout)
        assert not self.thread.is_alive(), "the writer never closed the FIFO"
        return self.data
