"""The Spark recipe in docs/batch.md, run as written on a local Spark: the same drafts as
`recovery batch`, multi-line descriptions and doubled quotes included.

Needs PySpark (`pip install -e '.[test,spark]'`) and a Java runtime; skipped without them.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO, Invoke

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

MESSAGES = [
    "My sofa still isn't here.\nYou promised Friday and I took two days off work. Priya",
    'you charged me twice for order 99102!! "unbelievable", as my wife said',
    "how do I change my delivery address?",
    "Hallo, mein Paket ist kaputt angekommen und niemand antwortet.",
    "The lamp arrived smashed,\n\nit's for my mum's 80th on Saturday.",
    "",
]


def test_the_documented_spark_recipe_writes_what_recovery_batch_writes(
    invoke: Invoke, tmp_path: Path
) -> None:
    doc = (REPO / "docs" / "batch.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: spark -->\n```python\n(.*?)```", doc, re.S)
    assert found, "docs/batch.md has the Spark recipe"
    script = tmp_path / "draft_spark.py"
    script.write_text(found.group(1), encoding="utf-8")
    source = tmp_path / "tickets.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "message", "customer_name"])
        writer.writeheader()
        for number in range(1, 31):
            message = MESSAGES[number % len(MESSAGES)]
            writer.writerow({"id": f"T{number}", "message": message, "customer_name": ""})
    env = {
        **os.environ,
        "RECOVERY_HOME": str(tmp_path / "state"),
        "PYSPARK_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": "127.0.0.1",
        "PYSPARK_SUBMIT_ARGS": "--master local[2] --conf spark.ui.enabled=false pyspark-shell",
    }
    env.pop("RECOVERY_PLAYBOOKS", None)
    done = subprocess.run(
        [sys.executable, str(script), str(source), "drafts", "rejects"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]

    drafts = "".join(p.read_text() for p in sorted((tmp_path / "drafts").glob("part-*")))
    rejects = "".join(p.read_text() for p in sorted((tmp_path / "rejects").glob("part-*")))
    out = tmp_path / "cli.jsonl"
    result = invoke("batch", str(source), "--out", str(out), "--workers", "1")
    assert result.exit_code in (0, 1), result.output
    assert drafts == out.read_text(encoding="utf-8")
    assert len(drafts.splitlines()) == 25  # every row with a message
    cli_rejects = (tmp_path / "cli.rejects.jsonl").read_text(encoding="utf-8")
    assert (
        [json.loads(line)["row"] for line in rejects.splitlines()]
        == [json.loads(line)["row"] for line in cli_rejects.splitlines()]
        == [5, 11, 17, 23, 29]
    )
