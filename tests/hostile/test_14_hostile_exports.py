"""Beyond the issue: exports shaped to exhaust or confuse the batch reader.

A 10 MB field, a 10 MB line, deeply nested JSON, a hundred thousand columns, NUL bytes,
a file that is only a byte-order mark, UTF-16, duplicate or empty column names, and a
very long `--map` name. Each costs at most its own row (rejected with a reason), or is
refused up front with a clear message; the run stays within the limits and every row
read is accounted for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile.harness import Cli, Outcome, accounted

SCENARIO = ("--scenario", "outsourced-delay", "-j", "1")


def run(cli: Cli, tmp_path: Path, name: str, data: bytes, *args: str) -> tuple[Outcome, Path]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.jsonl"
    return cli("batch", source, "--out", out, *SCENARIO, *args), out


def rows_of(outcome: Outcome, out: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return accounted(outcome, out, out.with_name("out.rejects.jsonl"))


@pytest.mark.slow
def test_a_10MB_csv_field_costs_one_row(cli: Cli, tmp_path: Path) -> None:
    data = (
        b'id,customer_name,stakes\nT-1,Dana,x\nT-2,Bob,"' + b"blah " * 2_000_000 + b'"\nT-3,Ann,y\n'
    )
    outcome, out = run(cli, tmp_path, "in.csv", data)
    written, rejected = rows_of(outcome.exits(1), out)
    assert [r["id"] for r in written] == ["T-1", "T-3"]
    assert [r["row"] for r in rejected] == [2]
    assert len(out.with_name("out.rejects.jsonl").read_bytes()) < 3_000_000, (
        "the rejects file does not copy the whole 10 MB"
    )


@pytest.mark.slow
def test_an_unclosed_quote_with_10MB_after_it_costs_one_row(cli: Cli, tmp_path: Path) -> None:
    data = b'id,customer_name\nT-1,"Dana\n' + b"x" * 10_000_000 + b"\nT-3,Ann\n"
    outcome, out = run(cli, tmp_path, "in.csv", data)
    outcome.exits(1)
    rows_of(outcome, out)


@pytest.mark.slow
def test_a_10MB_json_line_costs_one_row(cli: Cli, tmp_path: Path) -> None:
    big = json.dumps({"id": "T-2", "customer_name": "Bob", "stakes": "z" * 10_000_000})
    data = (
        json.dumps({"id": "T-1", "customer_name": "Dana"}) + "\n" + big + "\n"
        + json.dumps({"id": "T-3", "customer_name": "Ann"}) + "\n"
    ).encode()  # fmt: skip
    outcome, out = run(cli, tmp_path, "in.jsonl", data)
    written, rejected = rows_of(outcome.exits(1), out)
    assert [r["id"] for r in written] == ["T-1", "T-3"]
    assert rejected[0]["kind"] == "too-large"


@pytest.mark.slow
@pytest.mark.parametrize(
    "value",
    [
        pytest.param('{"a": ' * 50_000 + "1" + "}" * 50_000, id="nested-objects"),
        pytest.param("[" * 50_000 + "]" * 50_000, id="nested-lists"),
        pytest.param("[" + "[1]," * 200_000 + "1]", id="wide-list"),
    ],
)
def test_deeply_nested_json_in_a_row_costs_at_most_that_row(
    cli: Cli, tmp_path: Path, value: str
) -> None:
    data = (
        '{"id": "T-1", "customer_name": "Dana", "stakes": ' + value + "}\n"
        + json.dumps({"id": "T-2", "customer_name": "Bob"}) + "\n"
    ).encode()  # fmt: skip
    outcome, out = run(cli, tmp_path, "in.jsonl", data)
    written, _ = rows_of(outcome.exits(0, 1), out)
    assert "T-2" in [r["id"] for r in written]


@pytest.mark.slow
def test_a_hundred_thousand_columns(cli: Cli, tmp_path: Path) -> None:
    columns = 100_000
    header = "id,customer_name," + ",".join(f"c{i}" for i in range(columns))
    row = "T-{n},Dana," + "," * (columns - 1)
    data = (header + "\n" + "\n".join(row.format(n=n) for n in range(3)) + "\n").encode()
    outcome, out = run(cli, tmp_path, "in.csv", data)
    outcome.exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says("column", "header", "wide", "many")
    else:
        written, _ = rows_of(outcome, out)
        assert [r["id"] for r in written] == ["T-0", "T-1", "T-2"]


@pytest.mark.slow
def test_a_million_empty_columns_in_one_row(cli: Cli, tmp_path: Path) -> None:
    data = b"id,customer_name\nT-1,Dana" + b"," * 1_000_000 + b"\nT-2,Bob\n"
    outcome, out = run(cli, tmp_path, "in.csv", data)
    written, rejected = rows_of(outcome.exits(1), out)
    assert [r["id"] for r in written] == ["T-2"]
    assert [r["row"] for r in rejected] == [1]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"id,customer_name\nT-1,Da\x00na\nT-2,Bob\n", id="nul-in-a-field"),
        pytest.param(b"id,custo\x00mer_name\nT-1,Dana\n", id="nul-in-the-header"),
        pytest.param(b"id,customer_name\n\x00\x00\x00\nT-2,Bob\n", id="nul-line"),
        pytest.param(b'id,customer_name\nT-1,"Da\x00\n\x00na"\n', id="nul-in-a-quoted-field"),
    ],
)
def test_nul_bytes_in_csv(cli: Cli, tmp_path: Path, data: bytes) -> None:
    outcome, out = run(cli, tmp_path, "in.csv", data)
    outcome.exits(0, 1, 2)
    if outcome.code != 2:
        written, _ = rows_of(outcome, out)
        for record in written:
            assert "\x00" not in json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("in.csv", b"\xef\xbb\xbf", id="csv-bom-only"),
        pytest.param("in.jsonl", b"\xef\xbb\xbf", id="jsonl-bom-only"),
        pytest.param("in.csv", b"", id="csv-empty"),
        pytest.param("in.jsonl", b"", id="jsonl-empty"),
        pytest.param("in.csv", b"\xef\xbb\xbf\xef\xbb\xbf\n", id="two-boms"),
        pytest.param("in.csv", b"\n\n\n\r\n\r", id="only-line-ends"),
        pytest.param("in.csv", "id,customer_name\nT-1,Dana\n".encode("utf-16"), id="utf-16"),
        pytest.param("in.jsonl", '{"customer_name": "Dana"}\n'.encode("utf-16"), id="jsonl-16"),
        pytest.param("in.csv", b"customer_name,customer_name\nDana,Bob\n", id="duplicate-col"),
        pytest.param("in.csv", b",,,\nDana,,,\n", id="empty-column-names"),
        pytest.param("in.csv", b"id,customer_name\r\rT-1,Dana\r", id="cr-only"),
        pytest.param("in.tsv", b'id\tcustomer_name\nT-1\tDa"na\n', id="tsv-quote"),
    ],
)
def test_odd_files_are_read_or_refused_clearly(
    cli: Cli, tmp_path: Path, name: str, data: bytes
) -> None:
    outcome, out = run(cli, tmp_path, name, data)
    outcome.exits(0, 1, 2)
    if outcome.code != 2:
        rows_of(outcome, out)


def test_a_very_long_map_name_is_refused_with_a_short_message(cli: Cli, tmp_path: Path) -> None:
    long = "c" * 100_000
    outcome, _ = run(
        cli, tmp_path, "in.csv", b"id,customer_name\nT-1,Dana\n", "--map", f"{long}=customer_name"
    )
    outcome.refused("--map", "column")
    assert len(outcome.err) < 20_000, "the message does not repeat 100 KB of name"


def test_a_very_long_column_name_in_the_header(cli: Cli, tmp_path: Path) -> None:
    data = b"id,customer_name," + b"k" * 1_000_000 + b"\nT-1,Dana,x\n"
    outcome, _ = run(cli, tmp_path, "in.csv", data)
    outcome.exits(0, 1, 2)
    assert len(outcome.err) < 20_000


@pytest.mark.slow
def test_twenty_thousand_garbage_lines_are_each_rejected_quickly(cli: Cli, tmp_path: Path) -> None:
    data = b"".join(b"{not json %d\n" % n for n in range(20_000))
    outcome, out = run(cli, tmp_path, "in.jsonl", data)
    _, rejected = rows_of(outcome.exits(1), out)
    assert len(rejected) == 20_000
