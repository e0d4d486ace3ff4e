"""The rule registry: every finding names a registered rule, and the docs list them all."""

from __future__ import annotations

import json

from recovery_cli.lint.registry import RULES, table
from support import REPO, Invoke

BROKEN = REPO / "tests" / "broken"


def test_every_finding_on_the_broken_corpus_names_a_registered_rule(invoke: Invoke) -> None:
    result = invoke("lint", str(BROKEN), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert findings, "the broken corpus must produce findings"
    assert {finding["rule"] for finding in findings} <= set(RULES)


def test_the_documented_rule_table_is_the_registry(invoke: Invoke) -> None:
    documented = (REPO / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    assert table() in documented
    listed = invoke("lint", "--list-rules")
    assert listed.exit_code == 0 and listed.stdout == table()


def test_list_rules_as_json_gives_id_severity_stage_and_summary(invoke: Invoke) -> None:
    rules = json.loads(invoke("lint", "--list-rules", "--format", "json").stdout)
    assert [rule["id"] for rule in rules] == list(RULES)
    assert all(set(rule) == {"id", "severity", "stage", "summary"} for rule in rules)
