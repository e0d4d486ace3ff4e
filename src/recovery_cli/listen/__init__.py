"""Reading a customer's message: the facts a recovery needs, where they are, how sure we are.

`read(message, triage=None)` returns a `Reading`: facts (issue, stakes, partner, promised,
reference, amount, waited, times, customer_name), each with its span in the message, its
value worded for a draft and a confidence; a suggested severity with its reasons; the
channel the text shows; the language (another language is reported unsupported, never
routine); and, given a compiled `Triage`, the playbook that fits with its runners-up.
`inputs_from(reading)` turns a reading into playbook input values, keeping only what it is
sure of, and `origins(reading)` says where each value came from.

Nothing downloaded: a few general shapes over word lists (`failures`, `stakes`,
`circumstances`), small fixed patterns, and where no rule reads the issue or the stakes a
guess from counts and weights learnt from labelled messages and shipped beside the code
(`likely`, `named`), run on bounded sentences (see `sentences`) with
every quantifier bounded, so reading costs under a millisecond and has a fixed ceiling on
hostile input. Words are turned to the customer by `recovery_cli.wording`.
"""

from recovery_cli.listen.language import detect
from recovery_cli.listen.model import FACTS, LABELLED, Channel, Fact, Reading, Severity, Signal
from recovery_cli.listen.prefill import Meanings, Origin, inputs_for, inputs_from, origins
from recovery_cli.listen.reader import compile_rules, read
from recovery_cli.listen.sentences import MAX_CHARS, MAX_SENTENCE

__all__ = [
    "FACTS",
    "LABELLED",
    "MAX_CHARS",
    "MAX_SENTENCE",
    "Channel",
    "Fact",
    "Meanings",
    "Origin",
    "Reading",
    "Severity",
    "Signal",
    "compile_rules",
    "detect",
    "inputs_for",
    "inputs_from",
    "origins",
    "read",
]
