"""How well `recovery check` finds broken principles in the labelled corpora of replies.

Each reply is labelled by hand with the principles it breaks. A principle counts as found
for a reply when the checks report at least one finding for it (warnings included);
precision and recall are counted per (reply, principle) pair, per principle and overall.
Replies that break nothing but carry a `note` are traps (negation, quotation, ownership of a
partner's failure) and are counted on their own.

The corpora in `tests/corpus/` are measured one by one:

- `replies.yaml`: the development corpus the checks were written against;
- `heldout.yaml` to `heldout4.yaml`: each written after a round of changes and measured
  once on unseen text, then used to generalise the next round, so their figures now are no
  longer unseen ones;
- `heldout5.yaml`: written and measured before the latest round and not used to tune it, so
  it is the closest estimate for replies the checks have not seen.

    python benchmarks/check_quality.py [--corpus PATH] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from recovery_cli.checks.checker import Checker

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "tests" / "corpus"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        replies: list[dict[str, Any]] = yaml.safe_load(handle)["replies"]
    return replies


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def measure(checker: Checker, path: Path, errors: bool) -> None:
    replies = load(path)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong: list[str] = []
    flagged_clean = flagged_traps = 0
    for reply in replies:
        findings = checker.check(
            reply["text"], name=reply.get("name"), opening=reply.get("opening", True)
        )
        found = {finding.principle for finding in findings}
        gold = set(reply["breaks"])
        for principle in found | gold:
            if principle in found and principle in gold:
                tp[principle] += 1
            elif principle in found:
                fp[principle] += 1
                why = [
                    f"{f.check}: {reply['text'][f.start : f.end]!r}"
                    for f in findings
                    if f.principle == principle
                ]
                wrong.append(f"  false alarm {reply['id']} {principle} ({'; '.join(why)})")
            else:
                fn[principle] += 1
                wrong.append(f"  missed      {reply['id']} {principle}")
        if not gold and found:
            flagged_clean += 1
            flagged_traps += bool(reply.get("note"))
    clean = sum(1 for reply in replies if not reply["breaks"])
    traps = sum(1 for reply in replies if not reply["breaks"] and reply.get("note"))
    print(f"\n{path.name}: {len(replies)} replies, {clean} break nothing")
    print(f"  {'principle':<26} {'precision':>9} {'recall':>7} {'TP':>4} {'FP':>4} {'FN':>4}")
    for principle in sorted(set(tp) | set(fp) | set(fn)):
        p = ratio(tp[principle], tp[principle] + fp[principle])
        r = ratio(tp[principle], tp[principle] + fn[principle])
        print(
            f"  {principle:<26} {p:>9.3f} {r:>7.3f} {tp[principle]:>4} {fp[principle]:>4} "
            f"{fn[principle]:>4}"
        )
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = ratio(all_tp, all_tp + all_fp)
    recall = ratio(all_tp, all_tp + all_fn)
    print(f"  {'overall':<26} {precision:>9.3f} {recall:>7.3f} {all_tp:>4} {all_fp:>4} {all_fn:>4}")
    print(
        f"  clean replies flagged: {flagged_clean} of {clean}; traps flagged: "
        f"{flagged_traps} of {traps}"
    )
    if errors and wrong:
        print("\n".join(sorted(wrong)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="a corpus file (repeatable); default: every file in tests/corpus",
    )
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    checker = Checker.load()
    for path in args.corpus or sorted(CORPORA.glob("*.yaml")):
        measure(checker, path, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
