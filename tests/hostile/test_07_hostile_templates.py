"""Family 7: a hostile template is a located playbook error, never a crash or a hang.

`{{ "x" * 10**9 }}` made `validate` fail with MemoryError at compile time (Jinja folds
constants); nested `range(100000)` loops used 2.7 GB; `include`, `import`, `extends`, a
recursive macro and `filesizeformat` of a huge number ended in exit 3. Each playbook here
is tests/broken/valid.yaml with one suggestion (line 45, on the default path) changed.
`validate` and `lint` must report `valid.yaml:45` with exit 1; `run --no-input` must exit
2 with a message naming the playbook; all within the limits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import Cli, Outcome

LINE = 45
ORIGINAL = """      - "I'm putting it right for you now.\""""

FROM_ISSUE = {
    "string-times-10**9": '{{ "x" * 10**9 }}',
    "nested-range-100000": (
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"
    ),
    "include": '{% include "x" %}',
    "import": '{% import "x" as y %}',
    "extends": '{% extends "x" %}',
    "recursive-macro": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "filesizeformat-10**400": "{{ 10**400 | filesizeformat }}",
}

BEYOND_REFUSE = {
    "from-import": '{% from "x" import y %}',
    "list-times-10**9": "{{ [1] * 10**9 }}",
    "power-tower": "{{ 10 ** 10 ** 8 }}",
    "range-10**9": "{% for i in range(10**9) %}{% endfor %}",
    "recursive-loop": "{% for x in [[1]] recursive %}{{ loop([[x]]) }}{% endfor %}",
    "deep-parentheses": "{{ " + "(" * 2000 + "1" + ")" * 2000 + " }}",
    "string-times-runtime-value": '{{ "x" * (customer_name|length * 10**9) }}',
    "join-big-range": '{{ range(100000) | join("x" * 100000) }}',
}
"""Beyond the issue, templates that cannot render within any sane bound: refused."""

BEYOND_BOUND = {
    "percent-format-width": '{{ "%999999999s" % "x" }}',
    "format-filter-width": '{{ "%0999999999d" | format(1) }}',
    "str-format-width": '{{ "{:>999999999}".format("x") }}',
    "center-filter": '{{ "x" | center(999999999) }}',
    "indent-filter": '{{ ("x\\n" * 1000) | indent(1000000) }}',
}
"""Beyond the issue, templates a sandbox may render harmlessly bounded, or refuse."""


def hostile_playbook(folder: Path, valid_yaml: str, template: str) -> Path:
    lines = valid_yaml.splitlines(keepends=True)
    assert lines[LINE - 1].rstrip("\n") == ORIGINAL, "tests/broken/valid.yaml has changed"
    quoted = "'" + template.replace("'", "''") + "'"
    lines[LINE - 1] = f"      - {quoted}\n"
    path = folder / "valid.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def located(output: str) -> bool:
    return f"valid.yaml:{LINE}" in output


@pytest.mark.parametrize("template", list(FROM_ISSUE.values()), ids=list(FROM_ISSUE))
def test_validate_reports_a_located_error(
    cli: Cli, playbooks: Path, valid_yaml: str, template: str
) -> None:
    hostile_playbook(playbooks, valid_yaml, template)
    outcome = cli("validate", playbooks).exits(1)
    assert located(outcome.out + outcome.err), outcome.describe()


@pytest.mark.parametrize("template", list(FROM_ISSUE.values()), ids=list(FROM_ISSUE))
def test_lint_reports_a_located_error(
    cli: Cli, playbooks: Path, valid_yaml: str, template: str
) -> None:
    hostile_playbook(playbooks, valid_yaml, template)
    outcome = cli("lint", playbooks).exits(1)
    assert located(outcome.out + outcome.err), outcome.describe()


def run_valid(cli: Cli, playbooks: Path) -> Outcome:
    return cli(
        "run", "valid", "--playbooks", playbooks, "--no-input", "--set", "customer_name=Dana"
    )


@pytest.mark.parametrize(
    "template",
    list((FROM_ISSUE | BEYOND_REFUSE).values()),
    ids=list(FROM_ISSUE | BEYOND_REFUSE),
)
def test_run_refuses_the_playbook_with_a_clear_message(
    cli: Cli, playbooks: Path, valid_yaml: str, template: str
) -> None:
    hostile_playbook(playbooks, valid_yaml, template)
    run_valid(cli, playbooks).refused("valid.yaml", "template", "playbook")


@pytest.mark.parametrize("template", list(BEYOND_BOUND.values()), ids=list(BEYOND_BOUND))
def test_run_of_a_wide_format_is_refused_or_bounded(
    cli: Cli, playbooks: Path, valid_yaml: str, template: str
) -> None:
    hostile_playbook(playbooks, valid_yaml, template)
    outcome = run_valid(cli, playbooks).exits(0, 2)
    if outcome.code == 2:
        outcome.says("valid.yaml", "template", "playbook")
    assert len(outcome.stdout) < 100_000, "the draft is bounded"


def folders_of(tmp_path: Path, valid_yaml: str, templates: dict[str, str]) -> list[Path]:
    folders = []
    for name, template in templates.items():
        folder = tmp_path / "lib" / name
        folder.mkdir(parents=True)
        hostile_playbook(folder, valid_yaml, template)
        folders.append(folder)
    return folders


@pytest.mark.slow
def test_lint_reports_every_template_beyond_the_issue_where_it_is(
    cli: Cli, tmp_path: Path, valid_yaml: str
) -> None:
    """One folder per template, all linted by one command: each reported, none crashes."""
    folders = folders_of(tmp_path, valid_yaml, BEYOND_REFUSE)
    outcome = cli("lint", *folders, timeout=60).exits(1, seconds=15)
    text = outcome.out + outcome.err
    missing = [n for n in BEYOND_REFUSE if f"{n}/valid.yaml:{LINE}" not in text]
    assert not missing, f"not reported at valid.yaml:{LINE}: {missing}\n" + outcome.describe()


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_templates_beyond_the_issue_never_crash_validate_or_lint(
    cli: Cli, tmp_path: Path, valid_yaml: str, command: str
) -> None:
    folders = folders_of(tmp_path, valid_yaml, BEYOND_REFUSE | BEYOND_BOUND)
    cli(command, *folders, timeout=60).exits(0, 1, seconds=15)


def test_batch_rows_of_a_hostile_playbook_are_rejected_with_its_location(
    cli: Cli, tmp_path: Path, playbooks: Path, valid_yaml: str
) -> None:
    """Batch either refuses the playbook up front (2) or rejects each row (1), quickly."""
    hostile_playbook(playbooks, valid_yaml, FROM_ISSUE["string-times-10**9"])
    source = tmp_path / "in.csv"
    source.write_text("id,customer_name\nT-1,Dana\nT-2,Bob\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    outcome = cli(
        "batch", source, "--out", out, "--scenario", "valid", "--playbooks", playbooks, "-j", "1"
    ).exits(1, 2)
    outcome.says("valid.yaml", "playbook", "template", "rejected")
