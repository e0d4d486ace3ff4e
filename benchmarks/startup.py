"""Start-up time of `recovery --help` and `recovery list`, against `python -c pass`.

Run: python benchmarks/startup.py [--runs N]
Each command runs as a fresh process N times; the median wall time is compared with the
floor (an interpreter that does nothing), measured in the same run, and the ratio printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def median_seconds(command: list[str], runs: int) -> float:
    env = {**os.environ, "NO_COLOR": "1"}
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    floor = median_seconds([python, "-c", "pass"], args.runs)
    cases = {
        "recovery --help": [python, "-m", "recovery_cli", "--help"],
        "recovery list": [python, "-m", "recovery_cli", "list"],
        "recovery list --format json": [python, "-m", "recovery_cli", "list", "--format", "json"],
    }
    print(f"{'command':32} {'median ms':>10} {'x floor':>8}")
    print(f"{'python -c pass (floor)':32} {floor * 1000:10.1f} {1.0:8.1f}")
    for label, command in cases.items():
        seconds = median_seconds(command, args.runs)
        print(f"{label:32} {seconds * 1000:10.1f} {seconds / floor:8.1f}")


if __name__ == "__main__":
    main()
