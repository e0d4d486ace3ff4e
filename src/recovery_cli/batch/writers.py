"""Records as text: JSON lines, CSV, TSV or Markdown, safe for whoever opens them next.

CSV cells that a spreadsheet would run as a formula get a leading apostrophe; Markdown
escapes HTML; JSON escapes every control character by itself. Rejections are written in
the same format as the output, so a team that re-imports CSV gets CSV back for both.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from recovery_cli.batch.record import Finding, Record, Rejection
from recovery_cli.errors import RecoveryError
from recovery_cli.text import clean, json_text


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"


_OUTPUT_SUFFIXES = {
    ".jsonl": OutputFormat.jsonl,
    ".ndjson": OutputFormat.jsonl,
    ".csv": OutputFormat.csv,
    ".tsv": OutputFormat.tsv,
    ".md": OutputFormat.md,
    ".markdown": OutputFormat.md,
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = (
    "row", "id", "scenario", "category", "triage_score", "triage_evidence",
    "draft", "findings", "path", "checklist", "status", "channel", "assumptions", "language",
)  # fmt: skip
REJECT_COLUMNS = ("row", "line", "kind", "reason", "original")


def output_format_for(name: str) -> OutputFormat:
    for suffix, fmt in _OUTPUT_SUFFIXES.items():
        if name.lower().endswith(suffix):
            return fmt
    raise RecoveryError(
        f"cannot tell the output format of {name!r} from its name",
        hint="end it in .jsonl, .csv, .tsv or .md, or give --format",
    )


class Formats(NamedTuple):
    """What a run writes: the records in `output`'s format, the rejects in `rejects`'."""

    output: OutputFormat
    rejects: OutputFormat


def rejects_format(output: OutputFormat, rejects: str | None = None) -> OutputFormat:
    """A `--rejects` name that says its format (`.jsonl`, `.csv`, `.tsv`) is written that
    way; otherwise rejects come in the output's format when it is a table, so a team that
    re-imports the drafts opens both alike, and as JSON lines when it is not."""
    if rejects is not None:
        for suffix in (".jsonl", ".ndjson", ".csv", ".tsv"):
            if rejects.lower().endswith(suffix):
                return _OUTPUT_SUFFIXES[suffix]
    return output if output in (OutputFormat.csv, OutputFormat.tsv) else OutputFormat.jsonl


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: formulas (`=`, `+`, `-`, `@`, tab, CR) defused."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


class Writer:
    """Turns records into text of one format; one per process, reused per row.

    `kept` names the columns carried through from the input (`--keep`), written after the
    record's own columns.
    """

    def __init__(self, fmt: OutputFormat, kept: Sequence[str] = ()) -> None:
        self.format = fmt
        self.kept = tuple(kept)
        self._buffer = io.StringIO()
        delimiter = "\t" if fmt is OutputFormat.tsv else ","
        self._csv = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\r\n")

    def header(self) -> str:
        if self.format is OutputFormat.md:
            return "# Drafts\n\n"
        if self.format in (OutputFormat.csv, OutputFormat.tsv):
            return self._csv_line([*CSV_COLUMNS, *self.kept])
        return ""

    def reject_header(self) -> str:
        if self.format in (OutputFormat.csv, OutputFormat.tsv):
            return self._csv_line(list(REJECT_COLUMNS))
        return ""

    def record(self, record: Record) -> str:
        if self.format is OutputFormat.jsonl:
            return json_text(record.to_json()) + "\n"
        if self.format is OutputFormat.md:
            return markdown(record)
        cells = [*_cells(record), *(record.kept.get(name, "") for name in self.kept)]
        return self._csv_line([spreadsheet_safe(cell) for cell in cells])

    def rejection(self, rejection: Rejection) -> str:
        """One rejected row: JSON lines for JSON lines and Markdown output, else CSV/TSV."""
        if self.format not in (OutputFormat.csv, OutputFormat.tsv):
            return json_text(rejection.to_json()) + "\n"
        original = rejection.original
        text = original if isinstance(original, str) else json.dumps(original, ensure_ascii=False)
        cells = [str(rejection.row), str(rejection.line or ""), rejection.kind, rejection.reason]
        return self._csv_line([spreadsheet_safe(clean(cell)) for cell in [*cells, text]])

    def _csv_line(self, cells: list[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(cells)
        return self._buffer.getvalue()


def _cells(record: Record) -> list[str]:
    triage = record.triage
    return [
        str(record.row),
        clean(record.id or "", keep_newlines=False),
        record.scenario or "",
        record.category or "",
        str(triage.score) if triage else "",
        clean("; ".join(triage.evidence)) if triage else "",
        clean(record.draft or ""),
        clean("\n".join(_finding_text(item) for item in record.findings)),
        " > ".join(record.path),
        clean("\n".join(record.checklist)),
        record.status,
        record.channel,
        clean("\n".join(_assumption_text(item) for item in record.assumptions)),
        record.language,
    ]


def _finding_text(finding: Finding) -> str:
    return f"{finding.severity} {finding.principle}: {finding.message}"


def _assumption_text(assumption: dict[str, object]) -> str:
    label = assumption.get("label") or assumption.get("value")
    return f"{assumption.get('name')}: {label}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md_inline(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(text, keep_newlines=False))


def _md_block(text: str) -> str:
    """A draft quoted as written: every character Markdown would read as a link, an image,
    HTML or emphasis is escaped, since values in it come from the row."""
    html = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    safe = _MD_SPECIAL.sub(r"\\\1", html)
    return "\n".join(f"> {line}" if line.strip() else ">" for line in safe.splitlines())


def markdown(record: Record) -> str:
    """One record as a Markdown section: heading, the draft quoted, findings and checklist."""
    title = f"Row {record.row}"
    if record.id:
        title += f" · {_md_inline(record.id)}"
    if record.status == "unsupported":
        return f"## {title} · unsupported language\n\nNot drafted: {record.language}.\n\n"
    if not record.scenario:
        return f"## {title} · routine\n\nNo recovery playbook fits: a routine request.\n\n"
    parts = [f"## {title} · {record.scenario} ({record.category})", ""]
    parts += [_md_block(record.draft or ""), ""]
    if record.findings:
        parts.append("Findings:")
        parts += [f"- {_md_inline(_finding_text(item))}" for item in record.findings]
        parts.append("")
    if record.assumptions:
        parts.append("Assumed (check before sending):")
        parts += [f"- {_md_inline(_assumption_text(item))}" for item in record.assumptions]
        parts.append("")
    if record.checklist:
        parts.append("Checklist:")
        parts += [f"- [ ] {_md_inline(item)}" for item in record.checklist]
        parts.append("")
    return "\n".join(parts) + "\n"
