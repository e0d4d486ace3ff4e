"""Build the learnt counts from the labelled development messages.

Two naive Bayes votes (`recovery_cli.triage.bayes`) learn from the development sets in
tests/corpus/messages/:

- `playbooks/triage-learnt.json`: for each playbook (and routine), the words of the
  messages labelled with it; triage adds its vote to the trigger points (docs/triage.md);
- `src/recovery_cli/listen/stakes-learnt.json`: the sentences that could be offered as
  what is at stake (`listen.likely`), labelled by whether they hold the message's labelled
  stakes; reading offers the likeliest when no rule reads the stakes (docs/listen.md).

Only the development sets are read; the held-out sets must stay unseen, or the figures
measured on them would mean nothing. A message in another language teaches nothing and is
left out, and agents' notes teach nothing about the customer's own sentences.

    python tools/learn.py [--check]

`--check` exits 1 when a shipped file differs from a rebuild (the tests compare too).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import yaml

from recovery_cli.listen import likely
from recovery_cli.listen.sentences import split
from recovery_cli.listen.shapes import is_agent_note
from recovery_cli.triage.bayes import Learnt, learn
from recovery_cli.triage.scorer import LEARNT_FILE, ROUTINE

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
# The sets that may be learnt from (never the held-out ones), and how the benchmark decides
# that a fact holds a label: both as the benchmark has them.
from listen_quality import DEVELOPMENT, MESSAGES, says  # noqa: E402

TRIAGE = REPO / "playbooks" / LEARNT_FILE
STAKES = likely.COUNTS


def messages(names: Sequence[str] = DEVELOPMENT) -> Iterator[Mapping[str, object]]:
    """Every English message of the named sets."""
    for name in names:
        for item in yaml.safe_load((MESSAGES / f"{name}.yaml").read_text(encoding="utf-8")):
            if item.get("playbook") is not None:
                yield item


def playbook_examples() -> Iterator[tuple[str, str]]:
    """(text, playbook id or "routine")."""
    for item in messages():
        playbook = str(item["playbook"])
        yield str(item["text"]), ROUTINE if playbook == ROUTINE else playbook


def stakes_examples() -> Iterator[tuple[str, str]]:
    """(an offerable sentence, "stakes" or "other") from the customers' own messages."""
    for item in messages():
        text = str(item["text"])
        if is_agent_note(text):
            continue
        label = (item.get("facts") or {}).get("stakes")  # type: ignore[union-attr]
        for _, said in likely.candidates(split(text)):
            holds = label is not None and says("stakes", str(label), said)
            yield said, likely.STAKES if holds else likely.OTHER


def written(counts: Learnt) -> str:
    """A counts file's text: one line per word, so a rebuild's diff stays small."""
    data = counts.to_json()
    words = data.pop("counts")
    assert isinstance(words, dict)
    head = json.dumps(data, ensure_ascii=False)[:-1]
    lines = [
        f"{json.dumps(word, ensure_ascii=False)}: {json.dumps(per)}" for word, per in words.items()
    ]
    return head + ', "counts": {\n' + ",\n".join(lines) + "\n}}\n"


def built() -> dict[Path, str]:
    """Each counts file's text, as a rebuild writes it."""
    return {
        TRIAGE: written(learn(playbook_examples())),
        STAKES: written(learn(stakes_examples(), most=1.0)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = 0
    for path, text in built().items():
        if args.check:
            same = path.is_file() and path.read_text(encoding="utf-8") == text
            stale += not same
            print(f"{path.relative_to(REPO)}: {'up to date' if same else 'differs from a rebuild'}")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)} ({len(text):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
