"""JSON Schemas for editors, generated from the models so they cannot drift from them.

An editor with a YAML language server reads the `# yaml-language-server: $schema=...` line
at the top of a playbook and offers completion, hover help (the field descriptions in
`recovery_cli.playbook.models`) and red underlines while the trainer types. The committed
files in `schema/` are this module's output (a test keeps them current) and ship inside the
package, so an installed playbook's `$schema` line resolves; `recovery schema --write DIR`
puts them beside a trainer's own playbooks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from recovery_cli.files import atomic_write
from recovery_cli.playbook.models import Playbook, PrincipleLibrary

DIALECT = "https://json-schema.org/draft/2020-12/schema"
PLAYBOOK_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/playbook.schema.json"
"""The first line of a shipped scenario (`playbooks/scenarios/<id>.yaml`)."""


def playbook_schema() -> dict[str, Any]:
    """The schema of one scenario playbook file."""
    return _finish(Playbook.model_json_schema(), "recovery playbook")


def principles_schema() -> dict[str, Any]:
    """The schema of a `principles.yaml` file."""
    return _finish(PrincipleLibrary.model_json_schema(), "recovery principles")


FILES = {"playbook.schema.json": playbook_schema, "principles.schema.json": principles_schema}


def write(folder: Path) -> list[Path]:
    """Write both schemas into `folder` (created when missing), where playbooks can point."""
    written = []
    for name, make in FILES.items():
        path = folder / name
        atomic_write(path, dumps(make()), what="the schema")
        written.append(path)
    return written


def dumps(schema: dict[str, Any]) -> str:
    """Stable text (sorted keys, two-space indent, final newline) so diffs stay small."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _finish(schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": DIALECT, **schema, "title": title}
