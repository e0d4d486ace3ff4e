"""Where `recovery` keeps what it writes for itself: transcripts and caches."""

from __future__ import annotations

import os
from pathlib import Path


def state_dir() -> Path:
    """$RECOVERY_HOME, else `${XDG_STATE_HOME:-~/.local/state}/recovery`."""
    home = os.environ.get("RECOVERY_HOME")
    if home:
        return Path(home)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "recovery"
