"""Reading ticket exports row by row, without trusting them.

Exports from help desks are messy: a quote left open, one line of bad JSON, a pasted
megabyte, bytes that are not UTF-8, a byte-order mark, Windows or old Mac line endings.
Each of those must cost one row (rejected with a reason), never the run and never the
rows after it. So the readers here stream physical lines with a size limit, decode with
`surrogateescape` so a bad byte only spoils its own row, and when a CSV record goes wrong
they reject its first line and read on from the next, instead of letting an open quote
swallow the rest of the file.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO

from recovery_cli.documents import load_json
from recovery_cli.errors import RecoveryError
from recovery_cli.text import clean

MAX_ROW_CHARS = 1_048_576
"""The most characters one row may hold (all its fields together): about a megabyte."""

_SURROGATES = re.compile("[\ud800-\udfff]")


class InputFormat(StrEnum):
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"


_INPUT_SUFFIXES = {
    ".csv": InputFormat.csv,
    ".tsv": InputFormat.tsv,
    ".tab": InputFormat.tsv,
    ".jsonl": InputFormat.jsonl,
    ".ndjson": InputFormat.jsonl,
}


def input_format_for(name: str) -> InputFormat:
    """The input format a file name implies; `-` and unknown endings need the option."""
    for suffix, fmt in _INPUT_SUFFIXES.items():
        if name.lower().endswith(suffix):
            return fmt
    raise RecoveryError(
        f"cannot tell the format of {name!r} from its name",
        hint="give --input-format csv, tsv or jsonl",
    )


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class Row:
    """One readable input row: its 1-based number, first physical line and its fields."""

    row: int
    line: int
    fields: dict[str, object]
    """Text for a CSV row; a JSON row keeps its nested objects for presets' paths."""


@dataclass(frozen=True, slots=True)
class Malformed:
    """A row that could not be read; `text` is what was there (possibly cut short)."""

    row: int
    line: int
    text: str
    reason: str
    kind: str

    def original(self) -> tuple[str, str | None]:
        """The row's text for the rejects file, and its exact bytes in base64 when they
        were not UTF-8 (None otherwise)."""
        if not _SURROGATES.search(self.text):
            return self.text, None
        raw = self.text.encode("utf-8", "surrogateescape")
        return _readable(self.text), base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True, slots=True)
class Line:
    """A JSON line not parsed yet: parsing is left to the worker that drafts it."""

    row: int
    line: int
    text: str

    def parse(self) -> Row | Malformed:
        return _json_row(self.row, self.line, self.text)


Item = Row | Malformed | Line


def _readable(text: str) -> str:
    """Text safe to encode as UTF-8: undecodable bytes become U+FFFD."""
    if not _SURROGATES.search(text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "replace")


class _TooLong(Exception):
    """A record ran past the size limit."""


class _Lines:
    """Physical lines with a size limit and push-back, remembering what a record used."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.text = io.TextIOWrapper(
            stream, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        self.limit = limit
        self.number = 0
        self.pending: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        self.chars = 0

    def start(self) -> None:
        self.taken.clear()
        self.chars = 0

    def push_back(self, lines: Sequence[tuple[int, str]]) -> None:
        self.pending.extendleft(reversed(lines))

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.pending:
            number, line = self.pending.popleft()
        else:
            line = self.text.readline(self.limit + 1)
            if not line:
                raise StopIteration
            self.number += 1
            number = self.number
            if len(line) > self.limit and line[-1] not in "\r\n":
                self._skip_rest_of_line()
        self.taken.append((number, line))
        self.chars += len(line)
        if self.chars > self.limit:
            raise _TooLong
        return line

    def _skip_rest_of_line(self) -> None:
        while True:
            part = self.text.readline(self.limit)
            if not part or part[-1] in "\r\n":
                return

    def position(self) -> int:
        """Bytes consumed from the underlying file so far (approximate: it reads ahead)."""
        try:
            return int(self.text.buffer.tell())
        except (OSError, ValueError):
            return 0


class RowSource:
    """The rows of one input, streamed: `columns` (None for JSON lines), then items."""

    def __init__(self, stream: IO[bytes], fmt: InputFormat, limit: int = MAX_ROW_CHARS) -> None:
        self.format = fmt
        self.limit = limit
        self._lines = _Lines(stream, limit)
        self.columns: list[str] | None = None
        if fmt is not InputFormat.jsonl:
            self.columns = self._read_header()

    def position(self) -> int:
        return self._lines.position()

    def _dialect(self) -> dict[str, object]:
        delimiter = "\t" if self.format is InputFormat.tsv else ","
        return {"delimiter": delimiter, "strict": True}

    def _read_header(self) -> list[str]:
        csv.field_size_limit(self.limit)
        reader = csv.reader(self._lines, **self._dialect())  # type: ignore[arg-type]
        while True:
            self._lines.start()
            try:
                header = next(reader)
            except StopIteration:
                return []
            except (csv.Error, _TooLong) as exc:
                raise RecoveryError(
                    f"the header line cannot be read: {_csv_reason(exc)}",
                    hint="the first line must name the columns, e.g. id,customer_name,message",
                ) from None
            if header:
                break
        names = [clean(_readable(name), keep_newlines=False) for name in header]
        seen: set[str] = set()
        for name in names:
            if name and name in seen:
                raise RecoveryError(
                    f"the column `{name}` appears twice in the header",
                    hint="rename one of them, or drop it from the export",
                )
            seen.add(name)
        return names

    def __iter__(self) -> Iterator[Row | Malformed]:
        for item in self.items():
            yield item.parse() if isinstance(item, Line) else item

    def items(self) -> Iterator[Item]:
        """Rows as cheaply as possible: JSON lines come unparsed (see `Line.parse`)."""
        if self.format is InputFormat.jsonl:
            return self._json_rows()
        return self._csv_rows()

    def _csv_rows(self) -> Iterator[Row | Malformed]:
        lines = self._lines
        columns = self.columns or []
        width = len(columns)
        reader = csv.reader(lines, **self._dialect())  # type: ignore[arg-type]
        number = 0
        while True:
            lines.start()
            try:
                fields = next(reader)
            except StopIteration:
                return
            except (csv.Error, _TooLong) as exc:
                if not lines.taken:
                    return
                number += 1
                yield self._resync(number, _csv_reason(exc), _kind(exc))
                continue
            if not fields:
                continue  # a blank line is not a row
            number += 1
            if len(fields) != width:
                reason = f"expected {width} fields, found {len(fields)}"
                yield self._resync(number, reason, "malformed")
                continue
            taken = lines.taken
            first = taken[0][0]
            raw = taken[0][1] if len(taken) == 1 else "".join(text for _, text in taken)
            if _SURROGATES.search(raw):
                yield Malformed(number, first, raw, "the row is not valid UTF-8", "encoding")
                continue
            yield Row(number, first, dict(zip(columns, fields, strict=True)))

    def _resync(self, number: int, reason: str, kind: str) -> Malformed:
        """Reject the record's first line and read on from its second, so one open quote
        costs one row instead of everything after it."""
        taken = list(self._lines.taken)
        (first, text), rest = taken[0], taken[1:]
        if rest:
            self._lines.push_back(rest)
        if _SURROGATES.search(text) and kind == "malformed":
            reason += " (and it is not valid UTF-8)"
        return Malformed(number, first, text, reason, kind)

    def _json_rows(self) -> Iterator[Line | Malformed]:
        lines = self._lines
        number = 0
        while True:
            lines.start()
            try:
                text = next(lines)
            except StopIteration:
                return
            except _TooLong:
                number += 1
                first, text = lines.taken[0]
                reason = f"the row is longer than {self.limit:,} characters"
                yield Malformed(number, first, text, reason, "too-large")
                continue
            if not text.strip():
                continue
            number += 1
            yield Line(number, lines.taken[0][0], text)


def _json_row(number: int, line: int, text: str) -> Row | Malformed:
    if _SURROGATES.search(text):
        return Malformed(number, line, text, "the row is not valid UTF-8", "encoding")
    try:
        data = load_json(text, f"row {number}", unique_keys=False)
    except RecoveryError as exc:
        column = exc.location.column
        where = f" at column {column}" if column is not None else ""
        return Malformed(number, line, text, f"bad JSON: {exc.message}{where}", "malformed")
    if not isinstance(data, dict):
        return Malformed(number, line, text, "a JSON line must be an object of fields", "malformed")
    fields: dict[str, object] = {
        str(key): value if type(value) in (str, dict, list) else _as_text(value)
        for key, value in data.items()
    }
    if ("\\ud" in text or "\\uD" in text) and _SURROGATES.search(json.dumps(fields)):
        return Malformed(
            number, line, text, "the row holds an unpaired surrogate escape", "encoding"
        )
    return Row(number, line, fields)


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _csv_reason(exc: Exception) -> str:
    if isinstance(exc, _TooLong) or "field larger than field limit" in str(exc):
        return f"the row is longer than {MAX_ROW_CHARS:,} characters"
    return f"broken CSV: {exc}"


def _kind(exc: Exception) -> str:
    reason = _csv_reason(exc)
    return "too-large" if reason.startswith("the row is longer") else "malformed"


def read_items(path: Path, fmt: InputFormat | None = None) -> Iterator[Item]:
    """Every row of an export file, numbered as `recovery batch` numbers them, for other
    engines (a Dask bag, a Spark RDD) to draft with `draft.outcome_for`."""
    with path.open("rb") as stream:
        yield from RowSource(stream, fmt or input_format_for(path.name)).items()
