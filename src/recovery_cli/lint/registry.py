"""Every rule `recovery validate` and `recovery lint` report, with its id, severity and doc.

A finding always carries one of these ids, so a trainer can look it up
(`recovery lint --list-rules`), a CI can filter on it, and the table in
docs/lint-rules.md is generated from this list (a test keeps them in step). Rules are
grouped by stage: `format` rules are what `validate` checks (the file can be read and
means something), `lint` rules what `lint` adds (the playbook works, and reads well).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from recovery_cli.errors import Location, Problem, Severity

Stage = Literal["format", "lint"]


@dataclass(frozen=True)
class LintRule:
    """One kind of finding: its id, its usual severity, and a line on what it means."""

    id: str
    severity: Severity
    stage: Stage
    summary: str

    def problem(
        self,
        message: str,
        location: Location,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Problem:
        """A finding of this rule (at its usual severity unless told otherwise)."""
        return Problem(message, location, hint, self.id, severity or self.severity)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "severity": self.severity, "stage": self.stage,
                "summary": self.summary}  # fmt: skip


_RULES = (
    # --- format: the file can be read and means something ---------------------------------
    LintRule(
        "yaml",
        "error",
        "format",
        "The file is not valid YAML, not UTF-8, or too big, deep or wide.",
    ),
    LintRule(
        "format", "error", "format", "A key is unknown or missing, or a value has the wrong type."
    ),
    LintRule(
        "duplicate-key",
        "error",
        "format",
        "A key appears twice in one mapping; YAML would keep only the last.",
    ),
    LintRule("duplicate-id", "error", "format", "Two steps, inputs or questions share an id."),
    LintRule("id-matches-file", "error", "format", "A playbook's id differs from its file name."),
    LintRule(
        "unknown-step", "error", "format", "A `next` or branch names a step that does not exist."
    ),
    LintRule(
        "choices-branches",
        "error",
        "format",
        "A branch or default is not an answer of the step's question.",
    ),
    LintRule("unknown-principle", "error", "format", "A principle id is not in principles.yaml."),
    LintRule(
        "principle-source",
        "error",
        "format",
        "A principle does not name the article it comes from.",
    ),
    LintRule("template-syntax", "error", "format", "A template or condition does not compile."),
    LintRule(
        "placeholder",
        "error",
        "format",
        "A default names an input (`{item}`) that is not declared before it with a default.",
    ),
    # --- lint: the flow -----------------------------------------------------------------
    LintRule("unreachable-step", "error", "lint", "No branch or `next` leads to a step."),
    LintRule("loop-no-exit", "error", "lint", "A loop of steps has no way out to the end."),
    LintRule(
        "path-without-draft",
        "error",
        "lint",
        "Some path reaches the end without a line for the reply.",
    ),
    LintRule(
        "unused-answer",
        "warning",
        "lint",
        "A question neither branches nor is used by any template.",
    ),
    LintRule("no-suggestion", "warning", "lint", "A step offers the agent no suggested line."),
    LintRule(
        "principle-not-listed",
        "info",
        "lint",
        "A step's principle is missing from the playbook's list.",
    ),
    # --- lint: templates ----------------------------------------------------------------
    LintRule(
        "sandbox", "error", "lint", "A template reaches for Python internals the sandbox refuses."
    ),
    LintRule(
        "undefined-variable",
        "error",
        "lint",
        "A template reads a name that is no input, answer or derived name.",
    ),
    LintRule(
        "answer-order", "warning", "lint", "A template reads an answer that may not be given yet."
    ),
    LintRule("render", "error", "lint", "A template fails when rendered with the sample values."),
    LintRule(
        "breaks-principle",
        "error",
        "lint",
        "A suggestion breaks a principle check (see `recovery check`).",
    ),
    LintRule("unused-input", "warning", "lint", "An input is declared but nothing uses it."),
    LintRule("todo", "warning", "lint", "Text is still marked TODO."),
    # --- lint: the reply, as an unattended run makes it -----------------------------------
    LintRule("sample-run", "error", "lint", "A run with sample inputs and default answers fails."),
    LintRule(
        "channel-fit",
        "error",
        "lint",
        "A channel's reply is over its limit, or a public reply reads private details.",
    ),
    LintRule(
        "unconfirmed-claim",
        "error",
        "lint",
        "An unattended reply states an action as done that no answer confirmed.",
    ),
    LintRule("name-repeated", "warning", "lint", "The reply names the customer more than once."),
    LintRule(
        "value-repeated",
        "warning",
        "lint",
        "The reply says the same fact (stakes, partner, promise) twice.",
    ),
    LintRule(
        "severity-alike", "warning", "lint", "Low, medium and high severity give the same reply."
    ),
    # --- lint: the library ----------------------------------------------------------------
    LintRule("override", "info", "lint", "A playbook replaces an earlier one with the same id."),
)

RULES: dict[str, LintRule] = {rule.id: rule for rule in _RULES}


def rule(rule_id: str) -> LintRule:
    """The rule with this id (a KeyError for an id nobody registered: a bug)."""
    return RULES[rule_id]


def table() -> str:
    """The rules as a Markdown table: what docs/lint-rules.md holds."""
    lines = ["| rule | severity | stage | what it means |", "| --- | --- | --- | --- |"]
    lines += [f"| `{r.id}` | {r.severity} | {r.stage} | {r.summary} |" for r in _RULES]
    return "\n".join(lines) + "\n"
