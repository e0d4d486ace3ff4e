"""How well the reading finds someone hurt, made ill or left without care (`harmed`).

Two sets in tests/corpus/concerns/, each written by someone who had not seen the reading
code, half with someone harmed (labelled with who: "your son", "you") and half with traps
(hurt feelings, near misses, "nobody was hurt", a phone that died, someone else's injury):
`harmed-dev.yaml` (90 messages) may be read and tuned on; `harmed-heldout.yaml` (100) is
only ever measured. Each is reported on its own.

A found value counts when it names the labelled person ("your nan" and "your grandmother"
are the same person); a value on a message labelled null is a false positive, a label with
no value a miss, and a wrong person both.

    python benchmarks/harmed_quality.py
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from recovery_cli.listen import read
from recovery_cli.listen.model import SURE

SETS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "concerns"
ROLES = {"harmed-dev": "development", "harmed-heldout": "held out"}
SAME = {
    "nan": "grandmother", "gran": "grandmother", "granny": "grandmother", "grandma": "grandmother",
    "mom": "mum", "mam": "mum", "mother": "mum", "father": "dad", "grandad": "grandfather",
    "grandpa": "grandfather", "little girl": "daughter", "girl": "daughter", "lad": "son",
    "boy": "son", "little boy": "son", "kids": "children",
}  # fmt: skip
CHILD = {"son", "daughter", "baby", "child", "little one", "toddler", "stepson", "stepdaughter"}
"""A value of "your child" names any of these: the right person, said less exactly."""


def person(value: str | None) -> str | None:
    """Who a value names, with the family words that mean the same person made one."""
    if not value:
        return None
    word = value.lower().removeprefix("your ").strip()
    if re.fullmatch(r"\d+[- ]?(?:yr|year)s?[- ]old", word):
        return "child"
    return SAME.get(word, word)


def main() -> None:
    for name, role in ROLES.items():
        measure(name, role)


def measure(name: str, role: str) -> None:
    """Print precision and recall of `harmed` on one set: every reading, then only the sure
    ones (what an unattended draft says; guesses are offered to an agent)."""
    messages = yaml.safe_load((SETS / f"{name}.yaml").read_text(encoding="utf-8"))
    labelled = sum(person(message.get("harmed")) is not None for message in messages)
    print(f"{name} ({role}): {len(messages)} messages, {labelled} with someone harmed")
    for kind, least in (("all", 0.0), ("sure", SURE)):
        found = right = 0
        for message in messages:
            fact = read(message["text"]).facts.get("harmed")
            if fact is None or fact.confidence < least:
                continue
            got, want = person(fact.value), person(message.get("harmed"))
            found += 1
            right += got == want or (got == "child" and want in CHILD)
        precision = right / found if found else 0.0
        recall = right / labelled if labelled else 0.0
        print(
            f"  {kind:>4}: found {found}, right {right}: "
            f"precision {precision:.3f}, recall {recall:.3f}"
        )


if __name__ == "__main__":
    main()
