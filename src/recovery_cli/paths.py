"""Where `recovery` keeps what it writes for itself: transcripts, caches and its crash log.

One root for state and one for caches, each overridable: `RECOVERY_HOME` puts both in one
folder (tests and shared machines use it); otherwise the platform's conventions apply
(`~/.local/state/recovery` and `~/.cache/recovery` on Linux, honouring `XDG_*`).
`RECOVERY_CACHE=0` turns every cache off.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "recovery"


def state_dir() -> Path:
    """Transcripts and the crash log: $RECOVERY_HOME, else the platform's state folder."""
    home = os.environ.get("RECOVERY_HOME")
    if home:
        return Path(home)
    return platformdirs.user_state_path(APP)


def cache_dir() -> Path | None:
    """Caches (the library summary, lint findings); None when `RECOVERY_CACHE` turns them off."""
    if os.environ.get("RECOVERY_CACHE", "1").lower() in {"0", "off", "no", "false"}:
        return None
    home = os.environ.get("RECOVERY_HOME")
    if home:
        return Path(home) / "cache"
    return platformdirs.user_cache_path(APP)


def code_marks() -> list[str]:
    """This package's code as a cache key: each module's path, modification time and size.

    A cached result (lint findings, a validated library) depends on the code that made it;
    an edited or upgraded package is a miss."""
    package = Path(__file__).resolve().parent
    marks = []
    for source in sorted(package.rglob("*.py")):
        status = source.stat()
        marks.append(f"{source.relative_to(package)}:{status.st_mtime_ns}:{status.st_size}")
    return marks
