"""Start-up time of `recovery` commands as an agent runs them, against `python -c pass`.

Run: python benchmarks/startup.py [--runs N]
Each command runs as a fresh process N times; the median wall time is compared with the
floor (an interpreter that does nothing), measured in the same run, and the ratio printed.
Besides `--help` and `list`, it times the two commands that read a customer's message
once and stop: `recovery triage MESSAGE` and `recovery run --message MESSAGE --no-input`
(its transcript written under a temporary RECOVERY_HOME).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

MESSAGE = (
    "You told me Tuesday, then Friday, and my sofa still isn't here. Order 99102. "
    "I took two days off work for this. Priya"
)


def median_seconds(command: list[str], runs: int, home: str) -> float:
    env = {**os.environ, "NO_COLOR": "1", "RECOVERY_HOME": home}
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    recovery = [python, "-m", "recovery_cli"]
    cases = {
        "recovery --help": [*recovery, "--help"],
        "recovery list": [*recovery, "list"],
        "recovery list --format json": [*recovery, "list", "--format", "json"],
        "recovery triage MESSAGE": [*recovery, "triage", MESSAGE],
        "recovery run --message --no-input": [*recovery, "run", "--message", MESSAGE, "--no-input"],
    }
    with tempfile.TemporaryDirectory() as home:
        floor = median_seconds([python, "-c", "pass"], args.runs, home)
        print(f"{'command':36} {'median ms':>10} {'x floor':>8}")
        print(f"{'python -c pass (floor)':36} {floor * 1000:10.1f} {1.0:8.1f}")
        for label, command in cases.items():
            seconds = median_seconds(command, args.runs, home)
            print(f"{label:36} {seconds * 1000:10.1f} {seconds / floor:8.1f}")


if __name__ == "__main__":
    main()
