"""`recovery batch`: every row of an export ends up exactly once, drafted, routine or rejected.

Each test feeds a small export through the command as a user would and reads back the
output and the rejects file. The invariant checked everywhere: the summary's counts add
up, and the row numbers in the output and the rejects together are 1..read, once each.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from support import PARCEL_PLAYBOOK as PLAYBOOK
from support import Invoke

SUMMARY = re.compile(
    r"read (?P<read>[\d,]+) rows: (?P<drafted>[\d,]+) drafted, (?P<routine>[\d,]+) routine, "
    r"(?P<rejected>[\d,]+) rejected"
)


@pytest.fixture
def playbooks(tmp_path: Path) -> Path:
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "parcel-mixup.yaml").write_text(PLAYBOOK, encoding="utf-8")
    return folder


class Run:
    """One `recovery batch` run: its result, output records and rejects."""

    def __init__(self, result: Result, out: Path, rejects: Path) -> None:
        self.result = result
        self.out = out
        self.rejects_path = rejects

    @property
    def code(self) -> int:
        return self.result.exit_code

    @property
    def records(self) -> list[dict[str, Any]]:
        text = self.out.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines()]

    @property
    def rejects(self) -> list[dict[str, Any]]:
        """The rejected rows, read back from JSON lines or (for a CSV or TSV run) a table."""
        text = self.rejects_path.read_text(encoding="utf-8")
        if self.rejects_path.suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines()]
        delimiter = "\t" if self.rejects_path.suffix == ".tsv" else ","
        found = []
        for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter):
            original: object = row["original"]
            if isinstance(original, str) and original.startswith("{"):
                original = json.loads(original)
            found.append({**row, "row": int(row["row"]), "original": original})
        return found

    def counts(self) -> dict[str, int]:
        found = SUMMARY.search(self.result.stderr)
        assert found, self.result.stderr
        return {key: int(value.replace(",", "")) for key, value in found.groupdict().items()}

    def assert_nothing_lost(self) -> None:
        counts = self.counts()
        assert counts["read"] == counts["drafted"] + counts["routine"] + counts["rejected"]
        written = [record["row"] for record in self.records] if self.out.suffix == ".jsonl" else []
        rejected = [record["row"] for record in self.rejects]
        if self.out.suffix == ".jsonl":
            assert sorted(written + rejected) == list(range(1, counts["read"] + 1))
            assert written == sorted(written), "output keeps input order"
        assert len(rejected) == counts["rejected"]


BatchRunner = Callable[..., Run]
"""The `batch` fixture: run `recovery batch` on some content and get a `Run` back."""


@pytest.fixture
def batch(invoke: Invoke, tmp_path: Path, playbooks: Path) -> BatchRunner:
    def run(content: str | bytes, *args: str, name: str = "in.csv", out: str = "out.jsonl",
            stdin: str | None = None) -> Run:  # fmt: skip
        source = tmp_path / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        source.write_bytes(content)
        target = tmp_path / out
        stem = out.rsplit(".", 1)[0]
        result = invoke(
            "batch", "-" if stdin is not None else str(source), "--out", str(target),
            "--playbooks", str(playbooks), *args, input=stdin,
        )  # fmt: skip
        ext = out.rsplit(".", 1)[1] if out.endswith((".csv", ".tsv")) else "jsonl"
        return Run(result, target, tmp_path / f"{stem}.rejects.{ext}")

    return run


# ----------------------------------------------------------------------- the happy path


def test_each_row_gets_the_playbook_its_scenario_column_names(batch: BatchRunner) -> None:
    run = batch(
        "id,scenario,customer_name,remedy\n"
        "T-1,parcel-mixup,Dana,\n"
        "T-2,parcel-mixup,Bob,refund\n",
        "-j", "1",
    )  # fmt: skip
    assert run.code == 0, run.result.stderr
    first, second = run.records
    assert first["id"] == "T-1" and first["scenario"] == "parcel-mixup"
    assert first["category"] == "service-mistake"
    assert first["draft"] == (
        "Hi Dana,\n\nI'm sorry, Dana: we sent you the wrong parcel.\n\n"
        "The right parcel leaves today."
    )
    assert first["path"] == ["hear", "resend"], "a missing answer takes the playbook's default"
    assert second["path"] == ["hear", "refund"], "an answer column picks the branch"
    assert first["triage"] is None and isinstance(first["findings"], list)
    run.assert_nothing_lost()
    assert "read 2 rows: 2 drafted, 0 routine, 0 rejected" in run.result.stderr


def test_scenario_option_applies_to_every_row_and_map_renames_columns(batch: BatchRunner) -> None:
    run = batch("client,text\nDana,hello\n", "--scenario", "parcel-mixup", "--map",
                "client=customer_name", "-j", "1")  # fmt: skip
    assert run.code == 0, run.result.stderr
    assert run.records[0]["draft"].startswith("Hi Dana,")
    assert run.records[0]["id"] is None


def test_triage_picks_the_scenario_when_the_row_names_none(batch: BatchRunner) -> None:
    run = batch(
        "id,customer_name,message\n"
        '1,Dana,"You sent me the wrong parcel, this is someone else\'s mixup"\n'
        "2,Bob,How do I change my password?\n",
        "-j", "1",
    )  # fmt: skip
    assert run.code == 0, run.result.stderr
    drafted, routine = run.records
    assert drafted["scenario"] == "parcel-mixup"
    assert drafted["triage"]["score"] > 0 and drafted["triage"]["evidence"]
    assert routine["scenario"] is None and routine["draft"] is None
    assert routine["category"] == "routine"
    assert "1 drafted, 1 routine" in run.result.stderr


def test_an_empty_scenario_cell_falls_back_to_triage(batch: BatchRunner) -> None:
    run = batch("scenario,customer_name,message\n,Dana,wrong item again\n", "-j", "1")
    assert run.records[0]["scenario"] == "parcel-mixup"


def test_json_lines_in_tsv_in_and_markdown_out(batch: BatchRunner) -> None:
    rows = [{"id": 7, "scenario": "parcel-mixup", "customer_name": "<b>Dana</b>"}]
    text = "\n".join(json.dumps(row) for row in rows) + "\n"
    run = batch(text, "-j", "1", name="in.jsonl", out="out.md")
    assert run.code == 0, run.result.stderr
    markdown = run.out.read_text(encoding="utf-8")
    assert "## Row 1 · 7 · parcel-mixup (service-mistake)" in markdown
    assert "&lt;b&gt;Dana&lt;/b&gt;" in markdown and "<b>" not in markdown

    tsv = batch("scenario\tcustomer_name\nparcel-mixup\tDana\n", "-j", "1", name="in.tsv")
    assert tsv.records[0]["draft"].startswith("Hi Dana,")


def test_standard_input_with_an_explicit_format(batch: BatchRunner) -> None:
    line = json.dumps({"scenario": "parcel-mixup", "customer_name": "Dana"}) + "\n"
    run = batch("", "--input-format", "jsonl", "-j", "1", stdin=line)
    assert run.code == 0, run.result.stderr
    assert len(run.records) == 1


def test_two_workers_keep_input_order(batch: BatchRunner) -> None:
    lines = ["scenario,customer_name,remedy"]
    lines += [f"parcel-mixup,Name{n},{'refund' if n % 3 else ''}" for n in range(1, 1201)]
    lines.insert(500, 'parcel-mixup,"broken')
    one = batch("\n".join(lines) + "\n", "-j", "1", out="one.jsonl")
    two = batch("\n".join(lines) + "\n", "-j", "2", out="two.jsonl")
    assert one.out.read_text() == two.out.read_text()
    assert one.rejects_path.read_text() == two.rejects_path.read_text()
    two.assert_nothing_lost()
    assert two.counts()["read"] == 1201


# ----------------------------------------------------------------------- hostile rows


def test_a_broken_quote_costs_one_row_not_the_rest_of_the_file(batch: BatchRunner) -> None:
    run = batch(
        "scenario,customer_name\n"
        'parcel-mixup,"Dana\n'
        "parcel-mixup,Bob\n"
        "parcel-mixup,Eve\n"
        'parcel-mixup,"Zed"oops\n'
        "parcel-mixup,Ann\n",
        "-j", "1",
    )  # fmt: skip
    assert run.code == 1
    assert [r["row"] for r in run.rejects] == [1, 4]
    assert all(r["kind"] == "malformed" for r in run.rejects)
    assert run.rejects[0]["original"] == 'parcel-mixup,"Dana\n'
    names = [str(r["draft"]).split(",")[0] for r in run.records]
    assert names == ["Hi Bob", "Hi Eve", "Hi Ann"]
    run.assert_nothing_lost()


def test_a_bad_json_line_is_one_rejected_row(batch: BatchRunner) -> None:
    good = json.dumps({"scenario": "parcel-mixup", "customer_name": "Dana"})
    text = f'{good}\n{{"scenario": "parcel-mixup", "customer_name": \n[1, 2]\n\n{good}\n'
    run = batch(text, "-j", "1", name="in.jsonl")
    assert run.code == 1
    assert [(r["row"], r["kind"]) for r in run.rejects] == [(2, "malformed"), (3, "malformed")]
    assert "bad JSON" in str(run.rejects[0]["reason"])
    assert [r["row"] for r in run.records] == [1, 4], "a blank line is not a row"
    run.assert_nothing_lost()


@pytest.mark.parametrize("name", ["in.csv", "in.jsonl"])
def test_a_field_of_megabytes_is_rejected_and_the_run_goes_on(
    batch: BatchRunner, name: str
) -> None:
    huge = "x" * 3_000_000
    if name == "in.csv":
        text = f"scenario,customer_name\nparcel-mixup,{huge}\nparcel-mixup,Bob\n"
        quoted = f'scenario,customer_name\nparcel-mixup,"{huge}"\nparcel-mixup,Eve\n'
        texts = [text, quoted]
    else:
        row = {"scenario": "parcel-mixup", "customer_name": huge}
        ok = {"scenario": "parcel-mixup", "customer_name": "Bob"}
        texts = [json.dumps(row) + "\n" + json.dumps(ok) + "\n"]
    for text in texts:
        run = batch(text, "-j", "1", name=name)
        assert run.code == 1
        assert [r["kind"] for r in run.rejects] == ["too-large"]
        assert len(str(run.rejects[0]["original"])) <= 1_100_000
        assert len(run.records) == 1
        run.assert_nothing_lost()


def test_invalid_utf8_spoils_only_its_row_and_is_kept_exactly(batch: BatchRunner) -> None:
    content = b"scenario,customer_name\nparcel-mixup,Ren\xe9e\nparcel-mixup,Bob\n"
    run = batch(content, "-j", "1")
    assert [r["kind"] for r in run.rejects] == ["encoding"]
    reject = run.rejects[0]
    assert reject["original"] == "parcel-mixup,Ren\ufffde\n"
    import base64

    assert base64.b64decode(str(reject["original_base64"])) == b"parcel-mixup,Ren\xe9e\n"
    assert len(run.records) == 1
    run.assert_nothing_lost()


def test_escape_sequences_in_the_data_never_reach_the_terminal_or_the_draft(
    batch: BatchRunner,
) -> None:
    evil = "Dana\x1b[31m\x1b]0;owned\x07\u202e"
    run = batch(f"scenario,customer_name\nparcel-mixup,{evil}\nnope\x1b[2J,Bob\n", "-j", "1")
    assert "\x1b" not in run.result.stderr and "\x1b" not in run.result.stdout
    assert run.records[0]["draft"].startswith("Hi Dana,")
    assert "\x1b" not in run.out.read_text(encoding="utf-8")
    assert "\x1b" not in run.rejects_path.read_text(encoding="utf-8"), "JSON escapes it"
    assert run.rejects[0]["kind"] == "unknown-scenario"


def test_template_syntax_in_the_data_comes_out_verbatim(batch: BatchRunner) -> None:
    run = batch("scenario,customer_name\nparcel-mixup,{{ 7*7 }}{% raw %}\n", "-j", "1")
    assert run.code == 0, run.result.stderr
    assert run.records[0]["draft"].startswith("Hi {{ 7*7 }}{% raw %},")


def test_csv_output_defuses_formulas(batch: BatchRunner) -> None:
    import csv
    import io

    run = batch(
        "id,scenario,customer_name\n"
        "=cmd|' /C calc'!A0,parcel-mixup,Dana\n"
        "@SUM(A1),parcel-mixup,+Bob\n"
        "-3,parcel-mixup,Eve\n",
        "-j", "1", out="out.csv",
    )  # fmt: skip
    assert run.code == 0, run.result.stderr
    rows = list(csv.DictReader(io.StringIO(run.out.read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == ["'=cmd|' /C calc'!A0", "'@SUM(A1)", "'-3"]
    assert rows[1]["draft"].startswith("Hi +Bob,")
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_rows_that_cannot_be_drafted_are_rejected_with_the_reason(batch: BatchRunner) -> None:
    run = batch(
        "id,scenario,customer_name,severity,remedy\n"
        "a,parcel-mixup,,,\n"
        "b,no-such-playbook,Dana,,\n"
        "c,parcel-mixup,Dana,extreme,\n"
        "d,parcel-mixup,Dana,,maybe\n"
        "e,parcel-mixup,Dana,HIGH,REFUND\n",
        "-j", "1",
    )  # fmt: skip
    assert run.code == 1
    reasons = {r["original"]["id"]: (r["kind"], r["reason"]) for r in run.rejects}
    assert reasons["a"] == ("missing-input", "missing required input: customer_name")
    assert reasons["b"][0] == "unknown-scenario" and "no-such-playbook" in str(reasons["b"][1])
    assert reasons["c"][0] == "invalid-value" and "extreme" in str(reasons["c"][1])
    assert reasons["d"][0] == "invalid-value" and "remedy" in str(reasons["d"][1])
    assert run.records[0]["path"] == ["hear", "refund"], "answers and choices ignore case"
    assert run.rejects[0]["line"] == 2
    assert "rejects:" in run.result.stderr and "missing-input" in run.result.stderr
    run.assert_nothing_lost()


@pytest.mark.parametrize(
    ("out", "rejects", "looks_like"),
    [
        ("out.csv", None, "row,line,kind,reason,original"),  # beside a table: a table
        ("out.csv", "r.jsonl", '{"row": 1'),  # a name that says its format is obeyed
        ("out.jsonl", "r.tsv", "row\tline\tkind\treason\toriginal"),
        ("out.md", None, '{"row": 1'),  # Markdown is no table to re-import: JSON lines
    ],
)
def test_the_rejects_file_is_written_in_the_format_its_name_or_the_output_says(
    batch: BatchRunner, tmp_path: Path, out: str, rejects: str | None, looks_like: str
) -> None:
    args = ("--rejects", str(tmp_path / rejects)) if rejects else ()
    run = batch("id,scenario,customer_name\na,parcel-mixup,\n", *args, out=out)
    assert run.code == 1
    path = tmp_path / rejects if rejects else run.rejects_path
    assert path.read_text("utf-8").startswith(looks_like)


def test_a_row_with_no_scenario_and_no_message_is_rejected_not_guessed(batch: BatchRunner) -> None:
    run = batch("customer_name,message\nDana,\n", "-j", "1")
    assert run.rejects[0]["kind"] == "missing-input"
    run.assert_nothing_lost()


def test_bom_crlf_and_old_mac_line_endings_are_all_read(batch: BatchRunner) -> None:
    for ending in ("\r\n", "\r"):
        text = ending.join(["\ufeffid,scenario,customer_name", "1,parcel-mixup,Dana",
                            '2,parcel-mixup,"Bob"', ""])  # fmt: skip
        run = batch(text, "-j", "1")
        assert run.code == 0, run.result.stderr
        assert [r["id"] for r in run.records] == ["1", "2"]


def test_an_empty_file_is_an_empty_run(batch: BatchRunner) -> None:
    for content in ("", "scenario,customer_name\n"):
        run = batch(content, "-j", "1")
        assert run.code == 0, run.result.stderr
        assert run.out.read_text() == "" and run.rejects_path.read_text() == ""
        assert "read 0 rows" in run.result.stderr


# ----------------------------------------------------------------------- bad usage


def test_unknown_map_column_or_input_is_bad_usage_and_writes_nothing(batch: BatchRunner) -> None:
    for args in (["--map", "nosuch=customer_name"], ["--map", "scenario=nosuch"],
                 ["--map", "oops"]):  # fmt: skip
        run = batch("scenario,customer_name\nparcel-mixup,Dana\n", "-j", "1", *args)
        assert run.code == 2, run.result.stderr
        assert not run.out.exists()


def test_unknown_scenario_option_or_format_is_bad_usage(batch: BatchRunner, tmp_path: Path) -> None:
    assert batch("customer_name\nDana\n", "--scenario", "nope").code == 2
    assert batch("customer_name\nDana\n", name="in.txt").code == 2
    assert batch("customer_name\nDana\n", out="out.xlsx").code == 2
    assert batch("", "-j", "1", stdin="x").code == 2, "standard input needs --input-format"
    same = str(tmp_path / "out.jsonl")
    assert batch("customer_name\nDana\n", "--rejects", same, out="out.jsonl").code == 2


def test_no_scenario_and_no_text_column_is_caught_before_any_row(batch: BatchRunner) -> None:
    run = batch("customer_name,body\nDana,late\n", "-j", "1")
    assert run.code == 2
    assert "--text-column" in run.result.stderr
    ok = batch("customer_name,body\nDana,wrong item\n", "-j", "1", "--text-column", "body")
    assert ok.records[0]["scenario"] == "parcel-mixup"


def test_a_missing_input_file_is_unreadable_input(
    invoke: Invoke, tmp_path: Path, playbooks: Path
) -> None:
    out = tmp_path / "o.jsonl"
    result = invoke("batch", str(tmp_path / "nope.csv"), "--out", str(out), "--playbooks",
                    str(playbooks))  # fmt: skip
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_a_chat_draft_pushed_over_its_limit_by_long_values_says_so(
    invoke: Invoke, tmp_path: Path
) -> None:
    story = "you were relying on it for " + "the move and the family visit and the party, " * 9
    rows = tmp_path / "rows.jsonl"
    row = {"scenario": "outsourced-delay", "customer_name": "Dana", "channel": "chat",
           "stakes": story.strip(), "issue": story.strip()}  # fmt: skip
    rows.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    invoke("batch", str(rows), "--out", str(out), "--workers", "1")
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["draft"]) > 700
    flagged = [f for f in record["findings"] if f["check"] == "over-channel-limit"]
    assert flagged and flagged[0]["severity"] == "warning"
    assert str(len(record["draft"])) in flagged[0]["message"]


def _drafted(
    invoke: Invoke, tmp_path: Path, rows: list[dict[str, str]]
) -> dict[str, dict[str, Any]]:
    """The records `recovery batch` writes for some JSON rows, by their `id`."""
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = invoke("batch", str(source), "--out", str(target), "-j", "1")
    assert result.exit_code == 0, result.stderr
    return {r["id"]: r for r in map(json.loads, target.read_text().splitlines())}


def test_a_rows_message_answers_what_a_default_would_get_wrong_and_a_column_still_wins(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Missing hinges are not "the wrong item"; a burn is not "nobody was hurt"."""
    hinges = "The wardrobe came but there are no hinges in the box. Order 4410982. Graham"
    rows = [
        {"id": "1", "scenario": "wrong-item", "message": hinges},
        {"id": "2", "scenario": "wrong-item", "message": hinges, "mistake": "wrong"},
        {"id": "3", "scenario": "product-safety", "message": "It sparked. Nobody was hurt."},
        {"id": "4", "scenario": "product-safety", "message": "It caught fire: a burn, A&E."},
    ]
    records = _drafted(invoke, tmp_path, rows)
    heard = records["1"]["answers_read"]["mistake"]
    assert (heard["answer"], heard["words"]) == ("missing", "no hinges in the box")
    assert "without everything in it" in records["1"]["draft"]
    assert "wrong item" not in records["1"]["draft"]
    assert records["2"]["answers_read"] == {}  # the column said so
    assert "We sent you the wrong item" in records["2"]["draft"]
    assert records["3"]["answers_read"] == {}
    assert any(item["name"] == "hurt" for item in records["3"]["assumptions"])
    assert records["4"]["answers_read"]["hurt"]["answer"] == "yes"
    assert not any(item["name"] == "hurt" for item in records["4"]["assumptions"])
    assert "I'm so sorry for the injury" in records["4"]["draft"]


def test_a_premium_draft_says_back_what_the_customer_paid_extra_for(
    invoke: Invoke, tmp_path: Path
) -> None:
    message = (
        'Paid extra for the "VIP Fast Track" at the coach station, €25 on top of the ticket. '
        "The fast track queue was closed and we waited 50 minutes with everyone else.\nMaria"
    )
    rows = [
        {"id": "1", "scenario": "premium-failure", "message": message},
        {"id": "2", "scenario": "broken-promise", "message": message},
    ]
    records = _drafted(invoke, tmp_path, rows)
    assert 'You pay €25 for the "VIP Fast Track" so that' in records["1"]["draft"]
    assert records["1"]["sources"]["promised"] == "read"
    assert records["1"]["facts"]["premium"]["words"] == '"VIP Fast Track"'
    assert "VIP Fast Track" not in records["2"]["draft"]  # its `promised` is a time
