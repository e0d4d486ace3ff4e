"""How fast the principle checks run on a batch of replies, against a floor.

Builds 100,000 varied replies (sentences of the labelled corpora recombined, with greetings
and names, so no two runs of the checker see the same string by accident), then times, in
this one process:

- the floor: a plain loop doing `text.lower()` and one precompiled regex search per reply,
  which is about the least any phrase check could do;
- `Checker.check` on every reply as a whole reply (openings and names included);
- `Checker.check` on every reply as a line (`opening=False`), as `recovery run` does;
- `Checker.check` on the shipped playbooks' drafts for many customers (each playbook's
  sample draft rendered for 5,000 different names), as `recovery batch` does;

and prints replies (or drafts) per second, microseconds per reply and the ratio to the
floor. Loading and compiling the checks is timed separately, since a batch pays it once.

    python benchmarks/check_speed.py [--replies N] [--drafts N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import yaml

from recovery_cli.checks.checker import Checker

REPO = Path(__file__).resolve().parents[1]
CORPORA = sorted((REPO / "tests" / "corpus").glob("*.yaml"))
NAMES = ["Dana", "Sam", "Priya", "Tom", "Aisha", "Noor", "Ben", "Lucia", "Grace", "Femi"]
GREETINGS = ["Hi {name},\n\n", "Dear {name},\n\n", "{name}, ", "Hello,\n\n", ""]
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def replies(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(text, customer name) pairs made of 1-4 corpus sentences each."""
    sentences: list[str] = []
    for path in CORPORA:
        for reply in yaml.safe_load(path.read_text(encoding="utf-8"))["replies"]:
            body = reply["text"].split("\n\n", 1)[-1]
            sentences.extend(part for part in SENTENCE.split(body) if part.strip())
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        name = rng.choice(NAMES)
        body = " ".join(rng.sample(sentences, rng.randint(1, 4)))
        made.append((rng.choice(GREETINGS).format(name=name) + body, name))
    return made


def drafts(count: int) -> list[tuple[str, str]]:
    """(draft, customer name): the shipped playbooks' sample drafts, each rendered for
    different customers in turn, as a batch of rows would."""
    from recovery_cli.library import Library
    from recovery_cli.playbook.inputs import sample_values
    from recovery_cli.playbook.walk import run_scripted

    playbooks = Library.configured().playbooks()
    surnames = ["Okafor", "Smith", "Nguyen", "Garcia", "Kowalski", "Haddad", "Ito", "Byrne"]
    made = []
    for number in range(count):
        playbook = playbooks[number % len(playbooks)]
        values = sample_values(playbook)
        name = f"{NAMES[number % len(NAMES)]}{number // len(NAMES)}"
        values["customer_name"] = f"{name} {surnames[number % len(surnames)]}"
        answers = {question.id: question.default for question in playbook.questions()}
        made.append((run_scripted(playbook, values, answers, {}).draft(), values["customer_name"]))
    return made


def timed(
    label: str, run: object, count: int, floor: float | None = None, unit: str = "replies"
) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    rate = count / seconds
    line = f"  {label:<34} {seconds:7.2f} s  {rate:>10,.0f} {unit}/s"
    line += f"  {seconds / count * 1e6:7.1f} µs"
    if floor is not None:
        line += f"  ({seconds / floor:.0f}x the floor)"
    print(line)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=100_000)
    parser.add_argument("--drafts", type=int, default=5_000)
    args = parser.parse_args(argv)

    batch = replies(args.replies)
    chars = sum(len(text) for text, _ in batch) / len(batch)
    print(f"{len(batch):,} replies, {chars:.0f} characters on average")

    start = time.perf_counter()
    checker = Checker.load()
    print(f"  load and compile the checks        {time.perf_counter() - start:7.3f} s (once)")

    pattern = re.compile(r"not our fault|out of our hands|nothing we can do")

    def floor_loop() -> None:
        for text, _ in batch:
            pattern.search(text.lower())

    def whole() -> None:
        for text, name in batch:
            checker.check(text, name=name)

    def lines() -> None:
        for text, _ in batch:
            checker.check(text, opening=False)

    floor = min(timed("floor: lower() + one regex", floor_loop, len(batch)) for _ in range(3))
    timed("check, whole replies (with names)", whole, len(batch), floor)
    timed("check, lines (opening=False)", lines, len(batch), floor)

    rows = drafts(args.drafts)
    chars = sum(len(text) for text, _ in rows) / len(rows)
    print(
        f"{len(rows):,} drafts (the shipped playbooks' drafts for many customers), "
        f"{chars:.0f} characters on average"
    )

    def draft_floor() -> None:
        for text, _ in rows:
            pattern.search(text.lower())

    def each_draft() -> None:
        for text, name in rows:
            checker.check(text, name=name)

    floor = min(
        timed("floor: lower() + one regex", draft_floor, len(rows), unit="drafts") for _ in range(3)
    )
    timed("check, drafts (with names)", each_draft, len(rows), floor, unit="drafts")
    flagged = sum(1 for text, name in batch if checker.check(text, name=name))
    print(f"  replies with at least one finding: {flagged:,} of {len(batch):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
