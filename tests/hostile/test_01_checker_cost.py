"""Family 1: the checker has a bound on time and memory, whatever the reply holds.

`recovery check` on 150 KB of repeated blame took 91 s and 11 GB; a run of 100,000 `!`
defeated the quadratic sentence splitter; one batch row with a long `stakes` cost 18 s.
An oversized reply may be checked, or refused as too long (exit 2 with a message): either
is fine, as long as the process stays within a few seconds and the memory limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import Cli, accounted, rows_jsonl

BLAME = "not our fault, " * 10_000
BANGS = "!" * 100_000 + "x"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(BLAME, id="repeated-blame-150KB"),
        pytest.param(BANGS, id="100k-bangs-then-x"),
        pytest.param("it is. " * 20_000, id="many-short-sentences"),
        pytest.param(("a " * 5_000 + "\n\n") * 20, id="long-sentences-and-paragraphs"),
        pytest.param("'" * 50_000 + "x" + '"' * 50_000, id="unbalanced-quotes"),
        pytest.param("- " * 60_000, id="bullet-breaks"),
    ],
)
def test_check_file_of_hostile_text_finishes_quickly(cli: Cli, tmp_path: Path, text: str) -> None:
    reply = tmp_path / "m.txt"
    reply.write_text(text, encoding="utf-8")
    outcome = cli("check", "--file", reply).exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says("long", "large", "size", "limit", "bytes")


def test_check_of_repeated_blame_on_stdin_finishes_quickly(cli: Cli) -> None:
    cli("check", "-", input=BLAME).exits(0, 1, 2)


def test_check_of_repeated_blame_as_json_finishes_quickly(cli: Cli, tmp_path: Path) -> None:
    reply = tmp_path / "m.txt"
    reply.write_text(BLAME, encoding="utf-8")
    outcome = cli("check", "--file", reply, "--format", "json").exits(0, 1, 2)
    if outcome.code != 2:
        assert isinstance(outcome.json()["findings"], list)


def test_check_just_under_the_documented_size_limit_finishes_quickly(
    cli: Cli, tmp_path: Path
) -> None:
    """The documented limit is 1,000,000 bytes: everything below it must be affordable."""
    reply = tmp_path / "m.txt"
    reply.write_text(("we are not liable, " * 52_000)[:999_000], encoding="utf-8")
    cli("check", "--file", reply).exits(0, 1, 2)


def test_triage_of_repeated_blame_finishes_quickly(cli: Cli, tmp_path: Path) -> None:
    message = tmp_path / "m.txt"
    message.write_text("my order is still not here, " * 10_000, encoding="utf-8")
    cli("triage", "-", input=message.read_bytes()).exits(0, 1, 2)


def test_batch_row_with_75KB_of_blame_in_stakes_is_drafted_or_rejected_quickly(
    cli: Cli, tmp_path: Path
) -> None:
    stakes = ("that's not our fault, the courier lost it, " * 1_800)[:75_000]
    source = tmp_path / "in.jsonl"
    source.write_text(
        rows_jsonl(
            {"id": "T-1", "customer_name": "Dana", "stakes": "you need it on Monday"},
            {"id": "T-2", "customer_name": "Bob", "stakes": stakes},
            {"id": "T-3", "customer_name": "Ann"},
        ),
        encoding="utf-8",
    )
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    outcome = cli(
        "batch", source, "--out", out, "--rejects", rejects,
        "--scenario", "outsourced-delay", "-j", "1",
    ).exits(0, 1)  # fmt: skip
    written, rejected = accounted(outcome, out, rejects)
    assert {r["id"] for r in written} >= {"T-1", "T-3"}
    assert len(written) + len(rejected) == 3
