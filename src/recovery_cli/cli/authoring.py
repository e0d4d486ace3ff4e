"""Trainers' commands: validate, lint, test, new, schema and graph.

Each converts options, calls one library function and prints; the checking itself lives
in `recovery_cli.validate`, `lint`, `playbook_tests`, `scaffold`, `schema` and `graph`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from recovery_cli.cli import EXIT_FINDINGS, EXIT_OK, app
from recovery_cli.cli.common import ListFormat, Playbooks, ReportFormat, library, shown_path

if TYPE_CHECKING:
    from recovery_cli.errors import Problem
    from recovery_cli.playbook.trainer_tests import SuiteRun

Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Playbook files or folders; default: the active library.",
        show_default=False,
        metavar="PATH",
    ),
]


class GraphFormat(StrEnum):
    mermaid = "mermaid"
    dot = "dot"


FormatOption = Annotated[
    ReportFormat,
    typer.Option("--format", "-f", help="text, json, or github (workflow annotations)."),
]


@app.command("validate")
def validate_command(
    paths: Paths = None,
    format: FormatOption = ReportFormat.text,
    playbooks: Playbooks = None,
) -> None:
    """Check the format of playbooks (and principles and test files): every error at once."""
    from recovery_cli.lint.runner import check_many

    found = check_many(paths or [], library(playbooks), lint=False)
    _report(found.problems, found.files, format)


@app.command("lint")
def lint_command(
    paths: Paths = None,
    format: FormatOption = ReportFormat.text,
    list_rules: bool = typer.Option(
        False, "--list-rules", help="List every rule with its severity and meaning, and exit."
    ),
    playbooks: Playbooks = None,
) -> None:
    """Validate, then check each playbook's flow, templates and wording."""
    from recovery_cli.lint.runner import check_many

    if list_rules:
        _list_rules(format)
        return
    found = check_many(paths or [], library(playbooks), lint=True)
    _report(found.problems, found.files, format)


@app.command("test")
def test_command(
    paths: Paths = None,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    allow_empty: bool = typer.Option(
        False, "--allow-empty", help="Finding no tests is not a failure (a new repository)."
    ),
    playbooks: Playbooks = None,
) -> None:
    """Run the trainers' playbook tests (`<id>.test.yaml`): expected paths and drafts."""
    from recovery_cli.cli.common import print_json
    from recovery_cli.playbook.trainer_tests import run_suites

    lib = library(playbooks)
    run = run_suites(paths or [], [folder for folder in lib.dirs])
    if format is ListFormat.json:
        print_json(run.to_json())
    else:
        _show_suites(run)
    empty_ok = allow_empty and not run.outcomes
    raise typer.Exit(EXIT_OK if run.ok or empty_ok else EXIT_FINDINGS)


def _show_suites(run: SuiteRun) -> None:
    """pytest's shape: a line of marks per file, then each failure, then the counts."""
    marks = {"passed": ".", "failed": "F", "error": "E"}
    for file, outcomes in run.files:
        typer.echo(f"{shown_path(str(file))} {''.join(marks[o.status] for o in outcomes)}")
    for outcome in run.outcomes:
        if outcome.status == "passed":
            continue
        word = "FAILED" if outcome.status == "failed" else "ERROR"
        typer.echo(f"\n{word} {shown_path(str(outcome.location))}: {outcome.name}")
        for detail in outcome.details:
            typer.echo(_indent(detail))
    errors = run.count("error")
    parts = [f"{run.count('passed')} passed"]
    if run.count("failed"):
        parts.append(f"{run.count('failed')} failed")
    if errors:
        parts.append(f"{errors} error{'s' if errors > 1 else ''}")
    if not run.outcomes:
        parts = ["no tests found"]
    typer.echo(f"\n{', '.join(parts)} in {run.seconds:.2f}s")


@app.command("new")
def new_command(
    scenario: str = typer.Argument(
        ..., help="The new playbook's id, e.g. lost-parcel.", metavar="ID"
    ),
    folder: Path = typer.Option(Path("."), "--dir", help="Where to write ID.yaml.", metavar="DIR"),
) -> None:
    """Write a commented starter playbook, ID.yaml, to fill in (never overwrites)."""
    from recovery_cli.playbook.scaffold import create

    path, schema_written = create(scenario, folder)
    typer.echo(f"wrote {path}")
    if schema_written is not None:
        typer.echo(f"wrote {schema_written} (its $schema line points there, for your editor)")
    typer.echo(f"next: fill in the TODOs, then `recovery lint {path}`")


@app.command("schema")
def schema_command(
    principles: bool = typer.Option(
        False, "--principles", help="The schema of principles.yaml instead."
    ),
    write: Path | None = typer.Option(
        None,
        "--write",
        metavar="DIR",
        help="Write both schemas into DIR, where your playbooks' $schema lines can point.",
    ),
) -> None:
    """Print the JSON Schema of the playbook format, for editors."""
    from recovery_cli.playbook import schema

    if write is not None:
        for path in schema.write(write):
            typer.echo(f"wrote {path}")
        return
    generated = schema.principles_schema() if principles else schema.playbook_schema()
    typer.echo(schema.dumps(generated), nl=False)


@app.command("graph")
def graph_command(
    scenario: str = typer.Argument(..., help="Playbook id, e.g. outsourced-delay.", metavar="ID"),
    format: GraphFormat | None = typer.Option(
        None, "--format", "-f", help="mermaid or dot (default: from the output's extension)."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write to FILE: .mmd or .dot text, or a .svg or .png picture (Graphviz); - for "
        "standard output.",
        metavar="FILE",
    ),
    playbooks: Playbooks = None,
) -> None:
    """Draw a playbook's flow: steps, principles, and branches labelled with answers."""
    from recovery_cli.files import atomic_write, refuse_overwriting
    from recovery_cli.playbook import graph

    lib = library(playbooks)
    playbook = lib.playbook(scenario)
    if output is not None and str(output) != "-":
        refuse_overwriting(output, lib.sources(), what="the picture")
    kind = graph.format_for(output, format.value if format else None)
    if kind in graph.DRAWN.values():
        assert output is not None
        graph.draw(graph.dot(playbook), output, kind)
        typer.echo(f"wrote {output}")
        return
    text = graph.dot(playbook) if kind == "dot" else graph.mermaid(playbook)
    if output is None or str(output) == "-":
        typer.echo(text, nl=False)
    else:
        atomic_write(output, text, what="the picture")
        typer.echo(f"wrote {output}")


def _report(problems: list[Problem], files: int, format: ReportFormat) -> None:
    """Print findings in the chosen format; exit 1 if any is an error."""
    from recovery_cli.cli import console, report

    report.lint_report(problems, files, format, console.out)
    errors = any(problem.severity == "error" for problem in problems)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


def _list_rules(format: ReportFormat) -> None:
    from recovery_cli.cli import console
    from recovery_cli.cli.common import print_json
    from recovery_cli.lint.registry import RULES, table

    if format is ReportFormat.json:
        print_json([rule.to_json() for rule in RULES.values()])
    else:
        console.write(table())


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
