"""Build `playbooks/triage-learnt.json`: the words of the labelled development messages.

Triage adds a vote learnt from these counts to the trainers' triggers (see
`recovery_cli.triage.learnt` and docs/triage.md). Only the development sets are read; the
held-out sets must stay unseen, or the figures measured on them would mean nothing. A
message in another language (`playbook: null`) teaches nothing and is left out.

    python tools/learn_triage.py [--check]

`--check` exits 1 when the shipped file differs from a rebuild (the tests run the same
comparison).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import yaml

from recovery_cli.triage.learnt import LEARNT_FILE, ROUTINE, learn

REPO = Path(__file__).resolve().parents[1]
MESSAGES = REPO / "tests" / "corpus" / "messages"
DEVELOPMENT = ("dev", "dev2", "dev3", "dev4", "dev5")
"""The labelled sets that may be learnt from; never the held-out ones."""
TARGET = REPO / "playbooks" / LEARNT_FILE


def examples(names: Sequence[str] = DEVELOPMENT) -> Iterator[tuple[str, str]]:
    """(text, playbook id or "routine") for every English message of the named sets."""
    for name in names:
        for item in yaml.safe_load((MESSAGES / f"{name}.yaml").read_text(encoding="utf-8")):
            playbook = item.get("playbook")
            if playbook is None:
                continue
            yield str(item["text"]), ROUTINE if playbook == ROUTINE else str(playbook)


def built() -> str:
    """The file's text, as a rebuild writes it."""
    data = learn(examples()).to_json()
    counts = data.pop("counts")
    assert isinstance(counts, dict)
    head = json.dumps(data, ensure_ascii=False)[:-1]  # one line per word below: diffs stay small
    lines = [
        f"{json.dumps(word, ensure_ascii=False)}: {json.dumps(per)}" for word, per in counts.items()
    ]
    return head + ', "counts": {\n' + ",\n".join(lines) + "\n}}\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = built()
    if args.check:
        same = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET} differs from a rebuild")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
