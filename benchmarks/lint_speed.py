"""How long `recovery lint` takes over a library of 1,000 realistic playbooks.

Two figures: cold (`RECOVERY_CACHE=0`: every file parsed, checked, rendered and its
suggestions run through `recovery check`) and warm (a second run over unchanged files,
answered from the lint cache, as in CI or pre-commit after the first run).
The playbooks are the shipped scenarios, each copied under new ids with every line of
text varied, so no two templates are the same (nothing is served from a cache) and each
file is the size a trainer writes. The floor is the least any YAML linter could do in
Python: start an interpreter and parse the same files with libyaml's loader. The ratio
says how much the checking costs on top of reading.

    python benchmarks/lint_speed.py [--count 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SCENARIOS = REPO / "playbooks" / "scenarios"
AIM_SECONDS = 3.0
FLOOR = """
import sys, yaml
from pathlib import Path
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
"""
WORDS = ["today", "right away", "personally", "for you", "as promised", "myself", "now"]


def vary(text: str, number: int) -> str:
    """The same sentence with a different ending, so every template is new to Jinja."""
    word = WORDS[number % len(WORDS)]
    if text.endswith("."):
        return f"{text[:-1]}, {word} (note {number})."
    return f"{text} ({word}, note {number})"


def generate(folder: Path, count: int) -> None:
    """Write `count` playbooks to `folder`, cycling through the shipped scenarios."""
    sources = [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(SCENARIOS.glob("*.yaml"))
    ]
    for number in range(count):
        data = yaml.safe_load(yaml.safe_dump(sources[number % len(sources)]))
        data["id"] = f"{data['id']}-{number:04d}"
        data["title"] = vary(data["title"], number)[:100]
        for step in data["steps"]:
            step["suggestions"] = [vary(text, number) for text in step.get("suggestions", [])]
            step["purpose"] = vary(step["purpose"], number)
        for item in data.get("checklist", []):
            item["do"] = vary(item["do"], number)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")


def timed(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, options.count)
        size = sum(path.stat().st_size for path in folder.glob("*.yaml"))
        print(f"{options.count} playbooks, {size / options.count / 1024:.1f} KiB each on average")
        lint = [sys.executable, "-m", "recovery_cli", "lint", str(folder), "--format", "json"]
        floor = [sys.executable, "-c", FLOOR, str(folder)]
        cold_env = {**os.environ, "RECOVERY_CACHE": "0"}
        warm_env = {**os.environ, "RECOVERY_HOME": str(folder / ".state"), "RECOVERY_CACHE": "1"}
        cold, warm, floors = [], [], []
        timed(lint, warm_env)  # fills the cache
        for _ in range(options.runs):
            seconds, result = timed(lint, cold_env)
            if result.returncode not in (0, 1) or '"findings"' not in result.stdout:
                print(result.stderr, file=sys.stderr)
                return 2
            cold.append(seconds)
            warm.append(timed(lint, warm_env)[0])
            floors.append(timed(floor)[0])
    cold_time, warm_time = statistics.median(cold), statistics.median(warm)
    floor_time = statistics.median(floors)
    print(f"recovery lint, cold: {cold_time:.2f} s (median of {options.runs})")
    print(f"recovery lint, warm: {warm_time:.2f} s (unchanged files, from the cache)")
    print(f"floor (python + libyaml parse of the same files): {floor_time:.2f} s")
    print(
        f"ratio: cold {cold_time / floor_time:.1f}x, warm {warm_time / floor_time:.1f}x the floor"
    )
    for label, seconds in (("cold", cold_time), ("warm", warm_time)):
        verdict = "within" if seconds < AIM_SECONDS else "over"
        print(f"{label}: {verdict} the aim of {AIM_SECONDS:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
