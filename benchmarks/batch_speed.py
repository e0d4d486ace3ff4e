"""How fast `recovery batch` drafts, against the floor of just moving the rows.

Generates realistic ticket rows (varied names, messages and scenarios; about half name
their scenario, the rest are triaged from the message) as JSON lines, then times, each as
its own process:

- the floor: the same rows read and written as JSON lines by a plain Python loop, no drafting;
- `recovery batch` with --workers 1 and --workers 2 (JSON lines in, JSON lines out);
- `recovery batch` with --workers 2 on CSV in and CSV out, for comparison;

and prints rows per second and the ratios. Then it runs `recovery batch` on a million rows
and reports the peak memory: the largest resident set of any one process (the parent or a
worker, from getrusage) and the largest total over the process tree (sampled from /proc, as
proportional set sizes, which count pages the forked workers share once, and as the plain
sum of resident sets, which counts them in every process).

    python benchmarks/batch_speed.py            # 100,000 rows timed, 1,000,000 for memory
    python benchmarks/batch_speed.py --quick    # 10,000 and 100,000
    python benchmarks/batch_speed.py --rows 50000 --memory-rows 0
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

FIRST = [
    "Dana",
    "Bob",
    "Zoë",
    "Łukasz",
    "Aoife",
    "Mohammed",
    "Priya",
    "José",
    "Mei",
    "Olu",
    "Siobhán",
    "Ngozi",
    "Hiroshi",
    "Fatima",
    "Lars",
    "Ana-María",
    "Kwame",
    "Élodie",
    "Ravi",
    "Greta",
    "Tomás",
    "Yusuf",
    "Ingrid",
    "Chen",
    "Amara",
    "Dmitri",
    "Leilani",
    "Sven",
]
LAST = [
    "O'Brien",
    "Nowak",
    "Okafor",
    "García",
    "Tanaka",
    "Smith",
    "Müller",
    "Haddad",
    "Johansson",
    "Kowalski",
    "Nguyen",
    "Rossi",
    "Dubois",
    "Patel",
    "Mensah",
    "Kim",
]
PRODUCTS = [
    "glasses",
    "sofa",
    "laptop",
    "wedding dress",
    "bike",
    "order",
    "parcel",
    "prescription",
    "tickets",
    "kitchen worktop",
    "phone",
    "suit",
]
PARTNERS = ["the lens lab", "the courier", "our supplier", "the workshop", "", "", ""]
PROBLEMS = [
    "My {p} was promised for {d} and it still hasn't arrived.",
    "Where is my {p}?? it was supposed to arrive {d}, the courier says nothing",
    "I was charged twice for my {p} order, please fix this.",
    "you billed me {n} pounds for a {p} I never ordered",
    "I want a refund for the {p}, it's been {n} days and nothing.",
    "I can't log in to my account, the password reset email never comes",
    "I want to speak to a manager about how I was treated in store on {d}",
    "This is the third time you've missed the date for my {p}. You promised {d} again!",
    "I paid for premium delivery of my {p} and got the standard service.",
    "My booking for {d} was cancelled without telling me, I had paid in full.",
    "I wish to make a formal complaint about the {p} and your staff.",
    "The {p} I ordered won't fit, can you stop the order before it ships?",
    "cant login since yesterday, locked out of my acount",
    "STILL WAITING FOR MY {P}. UNACCEPTABLE.",
    "Your engineer damaged my {p} during the visit on {d}.",
]
ROUTINE = [
    "How do I change the delivery address for my {p}?",
    "What are your opening hours on {d}?",
    "Can I track my order? Order number {n}.",
    "Do you sell gift cards?",
    "Thanks, the {p} arrived and it's lovely!",
    "Is the {p} available in blue?",
]
DAYS = ["Friday", "Monday", "the 12th", "last week", "yesterday", "next Tuesday", "today"]


def scenarios() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from recovery_cli.library import Library

    return list(Library.configured().files)


def generate(path: Path, count: int, seed: int = 7) -> None:
    """Rows as JSON lines: half name their scenario, the rest are left to triage."""
    rng = random.Random(seed)
    ids = scenarios()
    with path.open("w", encoding="utf-8") as handle:
        for number in range(1, count + 1):
            product = rng.choice(PRODUCTS)
            pool = ROUTINE if rng.random() < 0.2 else PROBLEMS
            message = rng.choice(pool).format(
                p=product, P=product.upper(), d=rng.choice(DAYS), n=rng.randint(2, 900)
            )
            row = {
                "id": f"T-{number:07d}",
                "scenario": rng.choice(ids) if rng.random() < 0.5 else "",
                "customer_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "message": message,
                "issue": f"your {product} is late" if rng.random() < 0.5 else "",
                "partner": rng.choice(PARTNERS),
                "severity": rng.choice(["low", "medium", "high", ""]),
                "channel": rng.choice(["email", "chat", "phone", ""]),
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def to_csv(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8") as lines, target.open("w", newline="") as handle:
        writer: csv.DictWriter[str] | None = None
        for line in lines:
            row = json.loads(line)
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)


FLOOR = """
import json, sys
with open(sys.argv[1], encoding="utf-8") as rows, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in rows:
        out.write(json.dumps(json.loads(line), ensure_ascii=False) + "\\n")
"""


class Peak:
    """Samples the memory of the processes a probe started (not the probe itself, a
    Python of its own that is no part of `recovery`) from /proc, two ways.

    The sum of resident sets counts a page shared by forked workers once per process; the
    sum of proportional sets (`Pss` in smaps_rollup) splits each shared page among the
    processes that share it, so it is the memory the whole tree really holds.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.total_kb = 0
        self.proportional_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        found, queue = [], [self.pid]
        while queue:
            pid = queue.pop()
            if pid != self.pid:
                found.append(pid)
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            queue.extend(int(child) for child in children)
        return found

    def _sample(self) -> None:
        while not self._stop.is_set():
            tree = self._tree()
            total = sum(_field(f"/proc/{pid}/status", "VmRSS:") for pid in tree)
            shared = sum(_field(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in tree)
            self.total_kb = max(self.total_kb, total)
            self.proportional_kb = max(self.proportional_kb, shared)
            time.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _field(path: str, name: str) -> int:
    """A size in KB from a /proc file's `name:` line (0 when the process has gone)."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def timed(command: list[str]) -> tuple[float, float, int, Peak | None]:
    """Wall seconds, CPU seconds of all processes, the largest single-process peak (KB)
    and the tree's sampled peaks."""
    probe = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(u.ru_maxrss, u.ru_utime + u.ru_stime); sys.exit(r.returncode)"
    )
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", probe, *command], stdout=subprocess.PIPE, text=True
    )
    peak = Peak(process.pid) if Path("/proc").is_dir() else None
    stdout, _ = process.communicate()
    elapsed = time.perf_counter() - start
    if peak:
        peak.stop()
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    single, cpu = stdout.strip().splitlines()[-1].split()
    return elapsed, float(cpu), int(single), peak


def batch(source: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "recovery_cli", "batch", str(source), "--out", str(out),
            "--workers", str(workers)]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows to time")
    parser.add_argument("--memory-rows", type=int, default=1_000_000, help="0 to skip")
    parser.add_argument(
        "--memory-workers",
        type=int,
        nargs="+",
        default=[2],
        help="worker counts for the memory runs (default: 2)",
    )
    parser.add_argument("--quick", action="store_true", help="10,000 timed, 100,000 for memory")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.memory_rows = 10_000, 100_000
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        rows = work / "rows.jsonl"
        generate(rows, args.rows)
        to_csv(rows, work / "rows.csv")
        print(f"{args.rows:,} rows, {rows.stat().st_size / args.rows:.0f} bytes each "
              f"(JSON lines), {os.cpu_count()} cores")  # fmt: skip
        results: dict[str, float] = {}
        runs = [
            ("floor: plain JSON lines loop", [sys.executable, "-c", FLOOR, str(rows),
                                              str(work / "floor.jsonl")]),
            ("recovery batch --workers 1", batch(rows, work / "one.jsonl", 1)),
            ("recovery batch --workers 2", batch(rows, work / "two.jsonl", 2)),
            ("recovery batch --workers 2, CSV", batch(work / "rows.csv", work / "two.csv", 2)),
        ]  # fmt: skip
        for label, command in runs:
            seconds, cpu, _, _ = timed(command)
            results[label] = args.rows / seconds
            print(
                f"  {label:34} {seconds:7.2f} s  {results[label]:10,.0f} rows/s  "
                f"CPU {cpu:6.2f} s ({cpu / args.rows * 1e6:5.0f} µs a row)"
            )
        floor = results["floor: plain JSON lines loop"]
        one = results["recovery batch --workers 1"]
        two = results["recovery batch --workers 2"]
        print(f"  workers 1 / floor: {one / floor:.3f} (aim: at least 0.5)")
        print(f"  workers 2 / floor: {two / floor:.3f}")
        print(f"  workers 2 / workers 1: {two / one:.2f} (aim: near 2)")
        summary = (work / "one.rejects.jsonl").read_text(encoding="utf-8").count("\n")
        print(f"  rejected rows: {summary:,} of {args.rows:,}")
        if args.memory_rows:
            big = work / "big.jsonl"
            generate(big, args.memory_rows, seed=11)
            rows.unlink()
            for workers in args.memory_workers:
                seconds, _, single, peak = timed(batch(big, work / "big.out.jsonl", workers))
                print(
                    f"{args.memory_rows:,} rows, --workers {workers}: {seconds:.1f} s, "
                    f"peak memory {single / 1024:.0f} MB in the largest process; all "
                    f"processes together {peak.proportional_kb / 1024 if peak else 0:.0f} MB "
                    f"(proportional: shared pages once; aim: under 150 MB), "
                    f"{peak.total_kb / 1024 if peak else 0:.0f} MB summing resident sets"
                )


if __name__ == "__main__":
    main()
