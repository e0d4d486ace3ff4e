"""How well triage routes realistic customer messages: emails, chats, posts, call notes.

Reads a labelled message set (tests/corpus/messages/, format in its README.md), classifies
every English message with the playbook library and prints the playbook accuracy (strict,
and counting the `acceptable` alternatives), per-playbook precision and recall, and the
commonest confusions. Messages in another language (`playbook: null`) are left out: they
are language detection's business, not triage's.

A verdict is right when it names the labelled playbook (or routine), or one of the
message's `acceptable` ids. Precision of a playbook: of the messages sent to it, how many
it fits (labelled or acceptable); recall: of the messages labelled with it, how many were
routed right.

    python benchmarks/triage_realistic.py [--set dev|...|dev34|dev35|heldout|...|heldout9]
                                          [--playbooks DIR] [--errors N]

Tune on the development sets, `dev` to `dev35`. `heldout` to `heldout9` are
measured, never looked into: `--errors` refuses them, whether named by `--set` or by `--data`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from recovery_cli.library import Library
from recovery_cli.triage import ROUTINE, Triage, TriageResult

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The labelled sets, and which are held out, as the listening benchmark has them.
from listen_quality import HELD_OUT as HELD_OUT_NAMES
from listen_quality import SETS

HELD_OUT = frozenset(HELD_OUT_NAMES)
HELD_OUT_PATHS = frozenset(SETS[name].resolve() for name in HELD_OUT)


@dataclass(frozen=True)
class Message:
    id: str
    shape: str
    text: str
    gold: str  # a playbook id or "routine"
    acceptable: frozenset[str]

    def fits(self, predicted: str) -> bool:
        return predicted == self.gold or predicted in self.acceptable


def read_messages(path: Path) -> list[Message]:
    """The English messages of a labelled set, with their expected playbook."""
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    messages = []
    for item in items:
        if item.get("playbook") is None or item.get("language", "en") != "en":
            continue
        messages.append(
            Message(
                id=str(item["id"]),
                shape=str(item.get("shape", "")),
                text=str(item["text"]),
                gold=str(item["playbook"]),
                acceptable=frozenset(item.get("acceptable") or ()),
            )
        )
    return messages


def name(result: TriageResult) -> str:
    return result.scenario or ROUTINE


def report(messages: Sequence[Message], predicted: Sequence[str]) -> None:
    """Accuracy, then precision and recall per playbook, then the commonest confusions."""
    pairs = list(zip(messages, predicted, strict=True))
    strict = sum(1 for m, p in pairs if p == m.gold) / len(pairs)
    lenient = sum(1 for m, p in pairs if m.fits(p)) / len(pairs)
    print(f"{len(pairs)} English messages")
    print(f"playbook accuracy {lenient:.3f} (exactly the labelled playbook: {strict:.3f})")
    print(f"\n  {'playbook':<24} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    ids = sorted({m.gold for m in messages} | set(predicted), key=lambda i: (i == ROUTINE, i))
    scores = []
    for playbook in ids:
        said = [(m, p) for m, p in pairs if p == playbook]
        real = [(m, p) for m, p in pairs if m.gold == playbook]
        precision = sum(1 for m, _ in said if m.fits(playbook)) / len(said) if said else 0.0
        recall = sum(1 for m, p in real if m.fits(p)) / len(real) if real else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if real:
            scores.append(f1)
        print(f"  {playbook:<24} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {len(real):>8}")
    print(f"  macro F1 over the labelled playbooks {sum(scores) / len(scores):.3f}")
    by_shape: dict[str, list[bool]] = {}
    for m, p in pairs:
        by_shape.setdefault(m.shape, []).append(m.fits(p))
    print(
        "\naccuracy by shape: "
        + ", ".join(
            f"{shape} {sum(hits) / len(hits):.2f} ({len(hits)})"
            for shape, hits in sorted(by_shape.items(), key=lambda item: -len(item[1]))
        )
    )
    confusions = Counter((m.gold, p) for m, p in pairs if not m.fits(p))
    print("\ncommonest confusions (labelled -> predicted):")
    for (gold, said), count in confusions.most_common(12):
        print(f"  {count:>4}  {gold} -> {said}")


def speed(triage: Triage, texts: Sequence[str], rounds: int = 20) -> None:
    """Messages per CPU-second, warm (these messages are long: a batch row's full text)."""
    best = 0.0
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            triage.classify(text)
        best = max(best, len(texts) / max(time.process_time() - start, 1e-9))
    print(f"\nspeed (one core, warm): {best:,.0f} messages/s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="which labelled set")
    parser.add_argument("--data", type=Path, help="another labelled set in the same format")
    parser.add_argument(
        "--playbooks", type=Path, action="append", default=[], help="extra playbook folder"
    )
    parser.add_argument("--errors", type=int, default=0, help="print N misrouted dev messages")
    args = parser.parse_args(argv)
    path = args.data or SETS[args.set]
    if args.errors and path.resolve() in HELD_OUT_PATHS:
        print("the held-out sets are only measured: --errors is for dev and dev2", file=sys.stderr)
        return 2
    if not path.is_file():
        print(f"no labelled set at {path}", file=sys.stderr)
        return 2
    library = Library.configured(args.playbooks)
    triage = Triage.from_library(library)
    for problem in library.problems:
        print(f"warning: {problem.describe()}", file=sys.stderr)
    messages = read_messages(path)
    if not messages:
        print(f"no English labelled messages in {path}", file=sys.stderr)
        return 2
    results = [triage.classify(m.text) for m in messages]
    print(f"{path.name}: ", end="")
    report(messages, [name(r) for r in results])
    speed(triage, [m.text for m in messages])
    shown = 0
    for message, result in zip(messages, results, strict=True):
        if shown >= args.errors:
            break
        if not message.fits(name(result)):
            shown += 1
            others = "; ".join(
                f"{c.scenario or ROUTINE} {c.score} {c.evidence}" for c in result.candidates
            )
            text = " ".join(message.text.split())
            print(
                f"\n{message.id} {message.gold} -> {name(result)} {result.score} "
                f"{result.evidence} | {others}\n  {text[:400]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
