"""How well `recovery check` finds broken principles in the labelled corpus of replies.

Each reply in `tests/corpus/replies.yaml` is labelled with the principles it breaks. A
principle counts as found for a reply when the checks report at least one finding for it
(warnings included); precision and recall are counted per (reply, principle) pair, per
principle and overall. The traps (replies with a `note`: negations, quotations, ownership
of a partner's failure) are reported on their own, since a checker that cries wolf on them
is worse than none. `--errors` lists what was missed and what was wrongly flagged.

    python benchmarks/check_quality.py [--corpus PATH] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from recovery_cli.checks import Checker

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "corpus" / "replies.yaml"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        replies: list[dict[str, Any]] = yaml.safe_load(handle)["replies"]
    return replies


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)

    checker = Checker.load()
    replies = load(args.corpus)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong: list[str] = []
    trap_alarms = 0
    traps = [reply for reply in replies if reply.get("note") and not reply["breaks"]]
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
                why = [f"{f.check}: {reply['text'][f.start:f.end]!r}" for f in findings
                       if f.principle == principle]
                wrong.append(f"  false alarm {reply['id']} {principle} ({'; '.join(why)})")
            else:
                fn[principle] += 1
                wrong.append(f"  missed      {reply['id']} {principle}")
        if reply in traps and found:
            trap_alarms += 1

    print(f"{len(replies)} replies, {sum(1 for r in replies if not r['breaks'])} break nothing")
    print(f"\n  {'principle':<26} {'precision':>9} {'recall':>7} {'TP':>4} {'FP':>4} {'FN':>4}")
    for principle in sorted(set(tp) | set(fp) | set(fn)):
        p = ratio(tp[principle], tp[principle] + fp[principle])
        r = ratio(tp[principle], tp[principle] + fn[principle])
        print(f"  {principle:<26} {p:>9.3f} {r:>7.3f} {tp[principle]:>4} {fp[principle]:>4} "
              f"{fn[principle]:>4}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = ratio(all_tp, all_tp + all_fp)
    recall = ratio(all_tp, all_tp + all_fn)
    print(f"  {'overall':<26} {precision:>9.3f} {recall:>7.3f} {all_tp:>4} {all_fp:>4} {all_fn:>4}")
    clean = [r for r in replies if not r["breaks"]]
    flagged_clean = sum(
        1 for r in clean
        if checker.check(r["text"], name=r.get("name"), opening=r.get("opening", True))
    )
    print(f"\n  clean replies flagged: {flagged_clean} of {len(clean)}")
    print(f"  traps flagged:         {trap_alarms} of {len(traps)}")
    if args.errors and wrong:
        print("\n" + "\n".join(sorted(wrong)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
