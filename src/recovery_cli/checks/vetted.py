"""Patterns already found safe, remembered between runs so start-up does not vet them again.

Vetting a pattern (`compiler._verdict`: capitals, a valid regex, not matching empty text, no
catastrophic backtracking) parses it with Python's regex parser; for the few hundred
patterns of the shipped checks that is most of the time `recovery check` takes to start.
A pattern's verdict depends only on its text and on the vetting rules, so the digests of
the patterns that passed are kept in the cache folder, under a key that changes with the
rules. Only passes are kept: a pattern that failed is vetted again and reported every time.
A damaged, foreign or oversized cache file is ignored, and a cache that cannot be written
costs only speed. `RECOVERY_CACHE=0` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from recovery_cli.documents import load_json
from recovery_cli.errors import RecoveryError
from recovery_cli.files import atomic_write, read_limited
from recovery_cli.paths import cache_dir

RULES = "vetting-2"
"""Changes whenever the vetting rules change, so passes under older rules are forgotten."""
MAX_BYTES = 1_000_000
MAX_KEPT = 20_000


def digest(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Vetted:
    """The digests of patterns that passed vetting, loaded from and saved to one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: set[str] = set()
        self._added = False
        if path is not None:
            self.known = _load(path)

    @classmethod
    def from_cache(cls) -> Vetted:
        root = cache_dir()
        return cls(root / "vetted-patterns.json" if root is not None else None)

    def passed(self, pattern: str) -> bool:
        return digest(pattern) in self.known

    def remember(self, patterns: Iterable[str]) -> None:
        for pattern in patterns:
            key = digest(pattern)
            if key not in self.known:
                self.known.add(key)
                self._added = True

    def save(self) -> None:
        if self.path is None or not self._added or len(self.known) > MAX_KEPT:
            return
        data = json.dumps({"rules": RULES, "passed": sorted(self.known)})
        with contextlib.suppress(RecoveryError):
            atomic_write(self.path, data, durable=False)
        self._added = False


def _load(path: Path) -> set[str]:
    try:
        raw = read_limited(path, MAX_BYTES, what="a cache").decode("utf-8")
        data = load_json(raw, str(path))
    except (RecoveryError, OSError, ValueError):
        return set()
    if not isinstance(data, dict) or data.get("rules") != RULES:
        return set()
    passed = data.get("passed")
    if not isinstance(passed, list):
        return set()
    return {item for item in passed[:MAX_KEPT] if isinstance(item, str) and len(item) == 32}
