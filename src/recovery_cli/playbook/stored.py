"""A library that loaded cleanly, kept as validated JSON so the next command skips the YAML.

Reading 23 playbooks means parsing their YAML with positions and checking every template
and cross-reference: about 0.4 s, paid by every `recovery triage`, `run` and `batch`
before it reads a word. A library with no problems is stored in the cache folder as the
models' own JSON (only the fields each file set, so defaults still apply as written), keyed
by the package's version and code and the path, size and modification time of every
playbook and principles file: any edit is a miss, and the files are read and checked again. A stored
copy is validated by the same models when it is read back (a few milliseconds), so a
damaged or foreign cache file is a miss, never a wrong playbook. A library with problems
is never stored: its problems must be found and shown every time.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_cli import __version__
from recovery_cli.errors import RecoveryError
from recovery_cli.files import atomic_write
from recovery_cli.paths import cache_dir, code_marks

if TYPE_CHECKING:
    from recovery_cli.playbook.models import Playbook, Principle

FILE = "library.json"
LARGEST = 32_000_000
"""Bytes: a larger library is read from its files each time (a cache must not cost more
memory than it saves time)."""


def fingerprint(files: list[Path]) -> list[list[object]]:
    """What a cached copy of these files must match: the version and code of this package,
    then each file's resolved path, size and modification time."""
    marks: list[list[object]] = [[__version__, *code_marks()]]
    for path in files:
        stat = path.stat()
        marks.append([str(path.resolve()), stat.st_size, stat.st_mtime_ns])
    return marks


def load(key: list[list[object]]) -> tuple[list[Playbook], dict[str, Principle]] | None:
    """The stored playbooks and principles for `key`, or None (no cache, another key, or a
    file that does not validate)."""
    path = _path()
    if path is None:
        return None
    from pydantic import ValidationError

    from recovery_cli.playbook.models import Playbook, Principle

    try:
        with path.open("rb") as stream:
            raw = stream.read(LARGEST + 1)
        if len(raw) > LARGEST:
            return None
        stored = json.loads(raw)
        if stored["key"] != key:
            return None
        playbooks = [Playbook.model_validate(each) for each in stored["playbooks"]]
        principles = {
            name: Principle.model_validate(each) for name, each in stored["principles"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError):
        return None
    return playbooks, principles


def save(
    key: list[list[object]], playbooks: list[Playbook], principles: dict[str, Principle]
) -> None:
    """Store a library that loaded with no problems; a cache that cannot be written only
    costs speed next time."""
    path = _path()
    if path is None:
        return
    data = json.dumps(
        {
            "key": key,
            "playbooks": [each.model_dump(mode="json", exclude_unset=True) for each in playbooks],
            "principles": {
                name: each.model_dump(mode="json", exclude_unset=True)
                for name, each in principles.items()
            },
        },
        ensure_ascii=False,
    )
    if len(data) <= LARGEST:
        with contextlib.suppress(RecoveryError):
            atomic_write(path, data, durable=False)


def _path() -> Path | None:
    root = cache_dir()
    return root / FILE if root is not None else None
