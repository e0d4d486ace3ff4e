"""How well triage sorts labelled customer messages, and how fast.

Reads the Bitext customer-service sample (columns flags, utterance, category, intent), maps
each intent to a triage category as its README says, classifies every utterance with the
playbook library and prints per-category precision, recall and F1, the macro F1 over the
six categories and the commonest confusions. A message routed to a scenario whose category
has no Bitext counterpart (late-delivery, service-mistake, order-problem, service-outage,
privacy, cancellation, abuse, ...) counts as a miss. For realistic messages (emails, chats,
posts, call notes) see `triage_realistic.py`.

Figures are given for the even rows (the half the vocabulary was tuned on), the odd rows
(held out) and the whole set, so a vocabulary that memorises sentences shows up as a gap.

    python benchmarks/triage_quality.py [--data PATH] [--playbooks DIR] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from recovery_cli.library import Library
from recovery_cli.triage import Triage

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path("shared") / "data" / "bitext" / "customer-service-8k.csv"
# ../shared beside the checkout; a git worktree one folder deeper finds it one level up.
DEFAULT_DATA = next(
    (folder / SHARED_DATA for folder in REPO.parents if (folder / SHARED_DATA).is_file()),
    REPO.parent / SHARED_DATA,
)
CATEGORIES = (
    "general-complaint",
    "billing-problem",
    "refund",
    "escalation-request",
    "account-access",
    "routine",
)
INTENTS = {
    "complaint": "general-complaint",
    "payment_issue": "billing-problem",
    "get_refund": "refund",
    "track_refund": "refund",
    "contact_human_agent": "escalation-request",
    "registration_problems": "account-access",
}


def read_rows(path: Path) -> list[tuple[str, str]]:
    """(utterance, gold category) for every row of the CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["utterance"], INTENTS.get(row["intent"], "routine"))
            for row in csv.DictReader(handle)
        ]


def report(title: str, gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Print precision, recall and F1 per category and return the macro F1."""
    print(f"\n{title}: {len(gold)} messages")
    print(f"  {'category':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    scores = []
    for category in CATEGORIES:
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == category)
        said = sum(1 for p in predicted if p == category)
        real = sum(1 for g in gold if g == category)
        precision = hits / said if said else 0.0
        recall = hits / real if real else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append(f1)
        print(f"  {category:<20} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {real:>8}")
    macro = sum(scores) / len(scores)
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)
    print(f"  macro F1 {macro:.3f}   accuracy {accuracy:.3f}")
    return macro


def confusions(gold: Sequence[str], predicted: Sequence[str], limit: int = 10) -> None:
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    print("\ncommonest confusions (gold -> predicted):")
    for (g, p), count in pairs.most_common(limit):
        print(f"  {count:>5}  {g} -> {p}")


def speed(triage: Triage, messages: Sequence[str], rounds: int = 5) -> None:
    """Messages per CPU-second of this process (one core, unaffected by other load).

    The first pass fills the word cache; the best of the warm passes is what a long batch
    sees.
    """
    start = time.process_time()
    for message in messages:
        triage.classify(message)
    cold = len(messages) / max(time.process_time() - start, 1e-9)
    best = 0.0
    for _ in range(rounds):
        start = time.process_time()
        for message in messages:
            triage.classify(message)
        best = max(best, len(messages) / max(time.process_time() - start, 1e-9))
    print(f"\nspeed (one core): {cold:,.0f} messages/s on the first pass, {best:,.0f} warm")


def weak_phrases(library: Library, triage: Triage) -> None:
    """Phrases that stop words reduce to a single word (or nothing) match like words.

    A phrase with alternatives is listed when one of its forms reads as one word (`a|my
    table` is `table`), a structure (`...`) when one of its sides reads as nothing.
    """
    sources = [(p.id, p.triggers.phrases) for p in library.playbooks()]
    sources.append(("routine", triage.settings.routine.phrases))
    sources.append(("failure_cues", triage.settings.failure_cues.phrases))
    sources.append(("failure_states", triage.settings.failure_states.phrases))
    print("phrases that read as one word or none:")
    for owner, phrases in sources:
        for phrase in phrases:
            sides = [triage.forms(side) for side in phrase.split("...")]
            if len(sides) > 1:
                short = [] if all(sides) else [()]
            else:
                short = [form for form in sides[0] if len(form) < 2] or ([] if sides[0] else [()])
            if short:
                print(f"  {owner}: {phrase!r} -> {[list(form) for form in short]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the labelled CSV")
    parser.add_argument(
        "--playbooks", type=Path, action="append", default=[], help="extra playbook folder"
    )
    parser.add_argument("--errors", type=int, default=0, help="print N misrouted messages")
    parser.add_argument(
        "--triggers",
        action="store_true",
        help="list the phrases that read as one word or none once stop words go",
    )
    parser.add_argument(
        "--split",
        choices=("even", "odd", "all"),
        default="all",
        help="which rows --errors draws from",
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}; give --data PATH", file=sys.stderr)
        return 2
    library = Library.configured(args.playbooks)
    triage = Triage.from_library(library)
    for problem in library.problems:
        print(f"warning: {problem.describe()}", file=sys.stderr)
    if args.triggers:
        weak_phrases(library, triage)
    rows = read_rows(args.data)
    messages = [text for text, _ in rows]
    gold = [category for _, category in rows]
    results = [triage.classify(text) for text in messages]
    predicted = [result.category for result in results]
    even = slice(0, None, 2)
    odd = slice(1, None, 2)
    report("tuning split (even rows)", gold[even], predicted[even])
    report("held-out split (odd rows)", gold[odd], predicted[odd])
    report("whole set", gold, predicted)
    confusions(gold, predicted)
    speed(Triage.from_library(Library.configured(args.playbooks)), messages)
    if args.errors:
        first = {"even": 0, "odd": 1, "all": 0}[args.split]
        step = 1 if args.split == "all" else 2
        shown = 0
        print()
        for number in range(first, len(rows), step):
            if gold[number] != predicted[number] and shown < args.errors:
                shown += 1
                result = results[number]
                print(
                    f"{gold[number]} -> {result.scenario or 'routine'} {result.evidence} "
                    f"{[c.evidence for c in result.candidates]}: {messages[number]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
