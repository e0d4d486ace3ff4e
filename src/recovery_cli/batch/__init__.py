"""Batch drafts: a reviewed draft for every row of a ticket export, losing none.

`rows` reads an export row by row; `draft.draft_row` turns one row into a `Record` (or a
`Rejection`) using a `BatchContext` built once; `plan` makes that cheap for a million
rows; `pipeline` runs rows on one or more processes in input order; `writers` turns
records into JSON lines, CSV or Markdown; `checkpoint` makes a run resumable.
"""

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.draft import draft_row, draft_rows, outcome_for, outcomes_for
from recovery_cli.batch.record import Outcome, Record, Rejection, Triaged
from recovery_cli.batch.rows import InputFormat, RowSource, read_items
from recovery_cli.batch.writers import OutputFormat, Writer

__all__ = [
    "BatchContext",
    "InputFormat",
    "Outcome",
    "OutputFormat",
    "Record",
    "Rejection",
    "RowSource",
    "Triaged",
    "Writer",
    "draft_row",
    "draft_rows",
    "outcome_for",
    "outcomes_for",
    "read_items",
]
