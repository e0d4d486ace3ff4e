"""`recovery list` and `recovery show`: what playbooks there are and how each flows."""

from __future__ import annotations

import typer

from recovery_cli.cli import EXIT_USAGE, app
from recovery_cli.cli.common import ListFormat, Playbooks, library, print_json
from recovery_cli.text import clean

COLUMNS = ("id", "title", "category")


@app.command("list")
def list_command(
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """List the scenarios: id, title and category."""
    from recovery_cli.cli import console, report
    from recovery_cli.playbook.catalogue import summaries

    lib = library(playbooks)
    rows = summaries(lib)
    if format is ListFormat.json:
        print_json(rows)
    elif not console.styled():
        for row in rows:  # one line a playbook, whole, for grep, cut and sort
            console.write(clean("\t".join(str(row[key]) for key in COLUMNS)) + "\n")
    else:
        from rich.table import Table

        table = Table(box=None, pad_edge=False, header_style="bold")
        table.add_column("id", no_wrap=True, overflow="fold")
        table.add_column("title")
        table.add_column("category", no_wrap=True)
        for row in rows:
            table.add_row(*(console.plain(str(row[key])) for key in COLUMNS))
        console.out.print(table)
    if lib.problems:
        report.print_problems(lib.problems, console.err)
        raise typer.Exit(EXIT_USAGE)


@app.command("show")
def show_command(
    scenario: str = typer.Argument(..., help="Playbook id, e.g. outsourced-delay.", metavar="ID"),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """Show a scenario as a tree of steps and branches, with the principle behind each."""
    from recovery_cli.cli import console
    from recovery_cli.playbook.catalogue import outline

    lib = library(playbooks)
    playbook = lib.playbook(scenario)
    principles = lib.principles
    steps = outline(playbook)
    if format is ListFormat.json:
        rules = {key: principle.rule for key, principle in principles.items()}
        print_json({
            "id": playbook.id, "title": playbook.title, "category": playbook.category,
            "summary": playbook.summary,
            "steps": [{**step.to_json(), "rule": rules.get(step.principle)} for step in steps],
        })  # fmt: skip
        return
    if not console.styled():  # a pipe or a dumb terminal: indented text, no box characters
        lines = [f"{playbook.id}: {playbook.title} [{playbook.category}]", f"  {playbook.summary}"]
        for node in steps:
            lines.append(
                f"  {node.step_id} ({node.stage}) {node.title}  principle: {node.principle}"
            )
            rule = principles[node.principle].rule if node.principle in principles else ""
            lines += [f"    {text}" for text in (rule,) if text]
            lines += [f"    only when {node.when}"] if node.when else []
            lines += [f"    asks: {node.question}"] if node.question else []
            lines += [f"    -> {edge}" for edge in node.edges]
        console.write(clean("\n".join(" ".join(line.split(" ")) for line in lines)) + "\n")
        return
    from rich.tree import Tree

    tree = Tree(console.plain(f"{playbook.id}: {playbook.title} [{playbook.category}]", "bold"))
    tree.add(console.plain(playbook.summary, "dim"))
    for node in steps:
        rule = principles[node.principle].rule if node.principle in principles else ""
        label = console.plain(f"{node.step_id} ({node.stage}) {node.title}", "bold")
        label.append(console.plain(f"  principle: {node.principle}", "cyan"))
        branch = tree.add(label)
        if rule:
            branch.add(console.plain(rule, "italic"))
        if node.when:
            branch.add(console.plain(f"only when {node.when}", "yellow"))
        if node.question:
            branch.add(console.plain(f"asks: {node.question}", "magenta"))
        for edge in node.edges:
            branch.add(console.plain(f"-> {edge}"))
    console.out.print(tree, soft_wrap=False)


@app.command("principles")
def principles_command(
    principle: str = typer.Argument(
        None, help="One principle id; all of them when left out.", metavar="ID"
    ),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """The principles behind the playbooks: rule, why, source and examples."""
    from recovery_cli.cli import console
    from recovery_cli.errors import RecoveryError

    known = library(playbooks).principles
    if principle is not None and principle not in known:
        raise RecoveryError(f"no principle `{principle}`", hint="known: " + ", ".join(known))
    chosen = [known[principle]] if principle else list(known.values())
    if format is ListFormat.json:
        print_json([item.model_dump(mode="json") for item in chosen])
        return
    for item in chosen:
        console.heading(f"{item.id}: {item.rule}")
        console.say(item.why)
        for source in item.source:
            console.say(
                f"  source: {source.title}" + (f", {source.author}" if source.author else ""), "dim"
            )
        for line in item.say_this:
            console.say(f"  say: {line}", "green")
        for line in item.not_this:
            console.say(f"  not: {line}", "red")
        console.out.print()
