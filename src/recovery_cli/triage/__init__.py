"""Triage: which recovery playbook fits a customer's message, and why.

`normalise` turns text into terms, `settings` holds what a trainer tunes in `triage.yaml`,
and `scorer` weighs each playbook's triggers against the routine vocabulary.
"""

from recovery_cli.triage.scorer import ROUTINE, Candidate, Triage, TriageResult, triage
from recovery_cli.triage.settings import TriageSettings, Vocabulary, load_settings, settings_for

__all__ = [
    "ROUTINE",
    "Candidate",
    "Triage",
    "TriageResult",
    "TriageSettings",
    "Vocabulary",
    "load_settings",
    "settings_for",
    "triage",
]
