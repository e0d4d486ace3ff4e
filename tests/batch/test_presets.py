"""`recovery batch --preset`: a help desk's own export, drafted as its team expects.

Each test runs the command on a sample export from tests/fixtures/helpdesk/ (see the
README there for what each file holds and the traps in it) and reads back what a team
would look at: one record per ticket with the ticket's own id, the columns kept for
re-import, a greeting by first name, the priority and channel the help desk gave, and no
reply in English to a customer who wrote in another language. What is expected is read
from the fixture itself with `csv` and `json`, never with the code under test.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from recovery_cli.cli import app
from support import REPO, SHIPPED, Invoke

FIXTURES = REPO / "tests" / "fixtures" / "helpdesk"
FILES = {
    "zendesk": "zendesk.csv",
    "freshdesk": "freshdesk.csv",
    "intercom": "intercom.jsonl",
    "helpscout": "helpscout.jsonl",
}
PRESETS = list(FILES)
CSV_PRESETS = ["zendesk", "freshdesk"]

SUMMARY = re.compile(
    r"read (?P<read>[\d,]+) rows: (?P<drafted>[\d,]+) drafted, (?P<routine>[\d,]+) routine, "
    r"(?:(?P<unsupported>[\d,]+) in another language, )?(?P<rejected>[\d,]+) rejected"
)

# What a public reply must never show: an order or invoice number, an amount, an email.
REFERENCE = re.compile(r"\b[A-Z]{2,4}-\d{3,}\b|#\s?\d{3,}")
AMOUNT = re.compile(r"[£$€]\s?\d|\d\s?[£$€]")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

HIGH_PRIORITY = {"urgent", "high", "priority"}


# ----------------------------------------------------------------------- the fixtures, read


@cache
def fixture_rows(preset: str) -> tuple[dict[str, Any], ...]:
    """The export's rows as `csv` or `json` reads them."""
    path = FIXTURES / FILES[preset]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return tuple(csv.DictReader(io.StringIO(text, newline="")))
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


def ticket_id(preset: str, row: dict[str, Any]) -> str:
    """The id the help desk gives the ticket (what a re-import matches on)."""
    return str(row[{"zendesk": "Id", "freshdesk": "Ticket Id"}.get(preset, "id")])


def ticket(preset: str, wanted: str) -> dict[str, Any]:
    return next(row for row in fixture_rows(preset) if ticket_id(preset, row) == wanted)


def dig(row: dict[str, Any], path: str) -> str:
    """A dotted path into a JSON row as text ('' when absent), or a CSV column."""
    if path in row:
        value: Any = row[path]
    else:
        value = row
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
    return "" if value is None else str(value)


def requester(preset: str, row: dict[str, Any]) -> str:
    """The customer's name as the help desk holds it."""
    if preset == "zendesk":
        return str(row["Requester"])
    if preset == "freshdesk":
        return str(row["Full name"])
    if preset == "helpscout":
        customer = row["primaryCustomer"]
        return " ".join(part for part in (customer.get("first"), customer.get("last")) if part)
    if row["source"]["delivered_as"] == "customer_initiated":
        return str(row["source"]["author"]["name"] or "")
    parts = row["conversation_parts"]["conversation_parts"]
    return next(str(p["author"]["name"]) for p in parts if p["author"]["type"] in {"user", "lead"})


def priority(preset: str, row: dict[str, Any]) -> str:
    return str(row.get("Priority") if preset in CSV_PRESETS else row.get("priority") or "")


@cache
def high_only_steps(scenario: str) -> frozenset[str]:
    """The steps a shipped playbook takes only when the severity is high."""
    data = yaml.safe_load((SHIPPED / "scenarios" / f"{scenario}.yaml").read_text("utf-8"))
    steps = frozenset(s["id"] for s in data["steps"] if s.get("when") == "severity == 'high'")
    assert steps, f"{scenario} has no step for high severity"
    return steps


# ----------------------------------------------------------------------- running a batch


class Run:
    """One `recovery batch --preset` run: its result, its records and its rejects."""

    def __init__(self, result: Result, out: Path) -> None:
        self.result = result
        self.out = out
        ext = "csv" if out.suffix == ".csv" else "jsonl"
        self.rejects_path = out.with_name(f"{out.stem}.rejects.{ext}")

    @property
    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.read_text("utf-8").splitlines()]

    @property
    def rejects(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.rejects_path.read_text("utf-8").splitlines()]

    def record(self, wanted: str) -> dict[str, Any]:
        found = [record for record in self.records if record["id"] == wanted]
        rejected = [item["reason"] for item in self.rejects if str(item["original"]).count(wanted)]
        assert found, f"ticket {wanted} has no record (rejected: {rejected})"
        return found[0]

    def counts(self) -> dict[str, int]:
        found = SUMMARY.search(self.result.stderr)
        assert found, self.result.stderr
        return {
            key: int((value or "0").replace(",", "")) for key, value in found.groupdict().items()
        }


def batch(invoke: Invoke, tmp_path: Path, preset: str, *options: str,
          source: Path | None = None, out: str = "drafts.jsonl") -> Run:  # fmt: skip
    """`recovery batch EXPORT --preset PRESET --out tmp/OUT` as a team runs it."""
    target = tmp_path / out
    source = source or FIXTURES / FILES[preset]
    result = invoke("batch", str(source), "--preset", preset, "--out", str(target), "-j", "1",
                    *options)  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr + result.stdout
    return Run(result, target)


Exported = Callable[[str], Run]
"""The `exported` fixture: the run of a preset on its whole, unchanged sample export."""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """Each sample export run once, as `invoke` runs it, and shared by the tests that only
    read its output (a run costs seconds, most of it loading the checks)."""
    runner = CliRunner()
    env = {"RECOVERY_HOME": str(tmp_path_factory.mktemp("state")), "RECOVERY_PLAYBOOKS": None,
           "NO_COLOR": "1", "COLUMNS": "200"}  # fmt: skip
    runs: dict[str, Run] = {}

    def run(preset: str) -> Run:
        if preset not in runs:
            folder = tmp_path_factory.mktemp(preset)
            runs[preset] = batch(
                lambda *args, **_: runner.invoke(app, list(args), env=env), folder, preset
            )
        return runs[preset]

    yield run


def variant(tmp_path: Path, preset: str, wanted: str, **changes: str) -> Path:
    """A one-ticket CSV export: the fixture's ticket `wanted`, some columns changed."""
    row = dict(ticket(preset, wanted))
    row.update(changes)
    path = tmp_path / f"{preset}-{wanted}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fixture_rows(preset)[0]))
        writer.writeheader()
        writer.writerow(row)
    return path


# ----------------------------------------------------------------------- every ticket, once


@pytest.mark.parametrize("preset", PRESETS)
def test_every_ticket_is_drafted_routine_unsupported_or_rejected_once(
    exported: Exported, preset: str
) -> None:
    run = exported(preset)
    expected = len(fixture_rows(preset))
    statuses = Counter(record["status"] for record in run.records)
    assert set(statuses) <= {"drafted", "routine", "unsupported"}
    assert run.counts() == {
        "read": expected,
        "drafted": statuses["drafted"],
        "routine": statuses["routine"],
        "unsupported": statuses["unsupported"],
        "rejected": len(run.rejects),
    }
    assert sum(statuses.values()) + len(run.rejects) == expected
    rows = sorted([r["row"] for r in run.records] + [r["row"] for r in run.rejects])
    assert rows == list(range(1, expected + 1))
    assert run.result.exit_code == (1 if run.rejects else 0)


@pytest.mark.parametrize("preset", PRESETS)
def test_each_record_carries_the_tickets_own_id_in_export_order(
    exported: Exported, preset: str
) -> None:
    run = exported(preset)
    ids = {record["row"]: record["id"] for record in run.records}
    for reject in run.rejects:  # a rejected ticket keeps its id in the row as read
        ids[reject["row"]] = ticket_id(preset, reject["original"])
    assert [ids[row] for row in sorted(ids)] == [
        ticket_id(preset, row) for row in fixture_rows(preset)
    ]


PRESET_KEEPS = {
    "zendesk": ["Requester email", "Subject", "Status"],
    "freshdesk": ["Email", "Subject", "Status"],
    "intercom": ["source.author.email", "state"],
    "helpscout": ["primaryCustomer.email", "number", "status"],
}


@pytest.mark.parametrize("preset", PRESETS)
def test_each_record_keeps_the_presets_columns_for_reimport(
    exported: Exported, preset: str
) -> None:
    run = exported(preset)
    rows = fixture_rows(preset)
    for record in run.records:
        row = rows[record["row"] - 1]
        assert record["kept"] == {column: dig(row, column) for column in PRESET_KEEPS[preset]}


EXTRA_KEEPS = {
    "zendesk": ["Tags", "Order number [txt]", "Description"],
    "freshdesk": ["Tags", "Twitter", "Description"],
    "intercom": ["source.url", "created_at"],
    "helpscout": ["preview", "mailboxId"],
}


@pytest.mark.parametrize("preset", PRESETS)
def test_keep_carries_a_column_through_unchanged(
    invoke: Invoke, tmp_path: Path, preset: str
) -> None:
    options = [option for column in EXTRA_KEEPS[preset] for option in ("--keep", column)]
    run = batch(invoke, tmp_path, preset, *options)
    rows = fixture_rows(preset)
    assert len(run.records) + len(run.rejects) == len(rows)
    for record in run.records:
        row = rows[record["row"] - 1]
        for column in EXTRA_KEEPS[preset]:
            assert record["kept"][column] == dig(row, column), (record["id"], column)


# ----------------------------------------------------------------------- greetings

FIRST_NAME_GREETED = {
    "zendesk": ["48211", "48212", "48213", "48214", "48215", "48216", "48217", "48222"],
    "freshdesk": ["20931", "20932", "20939", "20940", "20941"],
    "intercom": [
        "215469812330011",
        "215469812330019",
        "215469812330047",
        "215469812330055",
        "215469812330062",
        "215469812330078",
    ],
    "helpscout": ["2591004411", "2591004502", "2591004533", "2591004590", "2591004650"],
}


def _greeting_cases() -> list[Any]:
    cases = []
    for preset, ids in FIRST_NAME_GREETED.items():
        for wanted in ids:
            cases.append(pytest.param(preset, wanted, id=f"{preset}-{wanted}"))
    return cases


@pytest.mark.parametrize(("preset", "wanted"), _greeting_cases())
def test_a_full_name_is_greeted_by_its_first_name(
    exported: Exported, preset: str, wanted: str
) -> None:
    full = requester(preset, ticket(preset, wanted))
    first = full.split()[0]
    assert first != full, "the fixture gives a full name"
    record = exported(preset).record(wanted)
    assert record["status"] == "drafted"
    opening = f"{first}, " if record["channel"] == "social" else f"Hi {first},"
    assert record["draft"].startswith(opening), record["draft"][:60]


def test_a_caller_id_in_the_name_cell_gets_a_neutral_greeting(exported: Exported) -> None:
    assert ticket("zendesk", "48220")["Requester"] == "Caller +44 7700 900418"
    record = exported("zendesk").record("48220")
    assert record["status"] == "drafted" and record["channel"] == "phone"
    assert record["draft"].startswith("Hello,"), record["draft"][:60]
    spoken = "\n".join([record["draft"], *record["script"]])
    assert "Caller" not in spoken and "7700 900418" not in spoken


@pytest.mark.parametrize(
    ("preset", "wanted", "blank_copy"),
    [
        pytest.param("zendesk", "48221", False, id="zendesk-48221"),
        pytest.param("freshdesk", "20938", False, id="freshdesk-20938"),
        pytest.param("helpscout", "2591004561", False, id="helpscout-2591004561"),
        pytest.param("intercom", "215469812330023", False, id="intercom-215469812330023"),
        # fixture complaints with the Requester cell emptied
        pytest.param("zendesk", "48216", True, id="zendesk-48216-blanked"),
        pytest.param("zendesk", "48212", True, id="zendesk-48212-blanked"),
    ],
)  # fmt: skip
def test_a_requester_with_no_name_is_greeted_neutrally_not_rejected(
    invoke: Invoke, tmp_path: Path, preset: str, wanted: str, blank_copy: bool
) -> None:
    source = variant(tmp_path, preset, wanted, Requester="") if blank_copy else None
    if not blank_copy:
        assert requester(preset, ticket(preset, wanted)) == ""
    run = batch(invoke, tmp_path, preset, source=source)
    assert not [item for item in run.rejects if wanted in str(item["original"])]
    record = run.record(wanted)
    if blank_copy:
        assert record["status"] == "drafted"
    if record["status"] == "drafted":
        assert record["draft"].startswith("Hello,"), record["draft"][:60]


# ----------------------------------------------------------------------- priority


def _high_priority_cases() -> list[Any]:
    cases = [pytest.param("zendesk", t, id=f"zendesk-{t}")
             for t in ("48211", "48214", "48215", "48217", "48222")]  # fmt: skip
    cases += [pytest.param("freshdesk", t, id=f"freshdesk-{t}")
              for t in ("20931", "20939", "20940")]  # fmt: skip
    cases += [
        # Urgent phone ticket: front brake failed on a descent (written by the agent)
        pytest.param("freshdesk", "20933", id="freshdesk-20933-urgent-phone"),
        # High Twitter ticket: bike left unserviced, a day off work wasted
        pytest.param("freshdesk", "20935", id="freshdesk-20935-high-twitter"),
    ]
    cases += [pytest.param("intercom", t, id=f"intercom-{t}")
              for t in ("215469812330019", "215469812330055", "215469812330078")]  # fmt: skip
    return cases


@pytest.mark.parametrize(("preset", "wanted"), _high_priority_cases())
def test_an_urgent_or_high_priority_ticket_is_drafted_at_high_severity(
    exported: Exported, preset: str, wanted: str
) -> None:
    assert priority(preset, ticket(preset, wanted)).lower() in HIGH_PRIORITY
    record = exported(preset).record(wanted)
    assert record["status"] == "drafted", record["triage"]
    assert record["sources"]["severity"] == "given"
    assert high_only_steps(record["scenario"]) & set(record["path"]), record["path"]


@pytest.mark.parametrize("preset", ["zendesk", "freshdesk", "intercom"])
def test_a_normal_priority_ticket_is_not_drafted_at_high_severity(
    exported: Exported, preset: str
) -> None:
    rows = fixture_rows(preset)
    run = exported(preset)
    checked = 0
    for record in run.records:
        given = priority(preset, rows[record["row"] - 1]).lower()
        if record["status"] != "drafted" or not given or given in HIGH_PRIORITY:
            continue
        checked += 1
        assert record["sources"]["severity"] == "given", record["id"]
        assert not high_only_steps(record["scenario"]) & set(record["path"]), record["id"]
    assert checked >= 2


def test_a_helpscout_conversation_tagged_urgent_is_drafted_at_high_severity(
    exported: Exported,
) -> None:
    conversation = ticket("helpscout", "2591004650")
    assert "urgent" in {tag["tag"] for tag in conversation["tags"]}
    record = exported("helpscout").record("2591004650")
    assert record["status"] == "drafted"
    assert high_only_steps(record["scenario"]) & set(record["path"]), record["path"]


# ----------------------------------------------------------------------- channel


@pytest.mark.parametrize(
    ("preset", "wanted"),
    [
        pytest.param("zendesk", "48217", id="zendesk-48217-twitter"),
        # "no one got back to me ... Tracking number not found" (evidence: 'tracking number')
        pytest.param("zendesk", "48218", id="zendesk-48218-facebook"),
        # "it hasn't even been LOOKED at. Took a day off work for this." (no evidence)
        pytest.param("freshdesk", "20935", id="freshdesk-20935-twitter"),
        # 20936 (Facebook) asks "do you price match?": what a policy allows, so routine
        pytest.param("intercom", "215469812330047", id="intercom-215469812330047-facebook"),
    ],
)
def test_a_social_ticket_gets_a_short_public_reply_that_names_nothing_private(
    exported: Exported, preset: str, wanted: str
) -> None:
    row = ticket(preset, wanted)
    channel = row["Via"] if preset == "zendesk" else row.get("Source") or row["source"]["type"]
    assert channel.lower() in {"twitter", "facebook"}
    record = exported(preset).record(wanted)
    assert record["status"] == "drafted" and record["channel"] == "social"
    reply = record["draft"]
    assert len(reply) <= 280
    assert not REFERENCE.search(reply) and not AMOUNT.search(reply) and not EMAIL.search(reply)
    for fact in record["facts"].values():
        if fact["name"] in {"reference", "amount"}:
            assert fact["value"] not in reply and fact["words"] not in reply


def test_a_tweet_whose_content_intercom_hides_is_not_drafted(exported: Exported) -> None:
    conversation = ticket("intercom", "215469812330040")
    assert conversation["source"]["type"] == "twitter"
    assert "not available via the API" in conversation["source"]["body"]
    run = exported("intercom")
    assert not [record for record in run.records if record["id"] == "215469812330040"]
    reasons = [item["reason"] for item in run.rejects if "215469812330040" in str(item["original"])]
    assert len(reasons) == 1 and "no message" in reasons[0], reasons


@pytest.mark.parametrize(
    ("preset", "wanted", "via"),
    [
        pytest.param("intercom", "215469812330011", None, id="intercom-messenger"),
        pytest.param("intercom", "215469812330055", None, id="intercom-whatsapp"),
        # The fixtures' own chat rows are questions (triaged routine): a complaint sent
        # over chat is the fixture's ticket with `Via`/`Source` set to Chat.
        pytest.param("zendesk", "48213", "Chat", id="zendesk-48213-via-chat"),
        pytest.param("zendesk", "48222", "Chat", id="zendesk-48222-via-chat"),
        pytest.param("freshdesk", "20940", "Chat", id="freshdesk-20940-source-chat"),
    ],
)  # fmt: skip
def test_a_chat_ticket_gets_a_chat_reply_of_at_most_700_characters(
    invoke: Invoke, tmp_path: Path, preset: str, wanted: str, via: str | None
) -> None:
    source = None
    if via is not None:
        column = "Via" if preset == "zendesk" else "Source"
        source = variant(tmp_path, preset, wanted, **{column: via})
    else:
        assert ticket(preset, wanted)["source"]["type"] in {"conversation", "whatsapp"}
    record = batch(invoke, tmp_path, preset, source=source).record(wanted)
    assert record["status"] == "drafted" and record["channel"] == "chat"
    assert len(record["draft"]) <= 700, len(record["draft"])


# ----------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("preset", "wanted", "language"),
    [
        pytest.param("zendesk", "48224", "de", id="zendesk-german"),
        pytest.param("freshdesk", "20937", "fr", id="freshdesk-french"),
        pytest.param("intercom", "215469812330031", "es", id="intercom-spanish"),
    ],
)
def test_a_ticket_in_another_language_is_unsupported_not_drafted_in_english(
    exported: Exported, preset: str, wanted: str, language: str
) -> None:
    run = exported(preset)
    record = run.record(wanted)
    assert record["status"] == "unsupported" and record["language"] == language
    assert record["draft"] is None and record["scenario"] is None
    assert run.counts()["unsupported"] == 1


# ----------------------------------------------------------------------- hostile cells


def test_a_formula_in_a_description_is_never_a_live_formula_in_csv_output(
    invoke: Invoke, tmp_path: Path
) -> None:
    formula = ticket("zendesk", "48221")["Description"]
    assert formula.startswith("=HYPERLINK(")
    run = batch(invoke, tmp_path, "zendesk", "--keep", "Description", out="drafts.csv")
    table = list(csv.reader(io.StringIO(run.out.read_text("utf-8"), newline="")))
    header, rows = table[0], table[1:]
    rejects = list(csv.reader(io.StringIO(run.rejects_path.read_text("utf-8"), newline="")))
    for cells in [*table, *rejects]:
        for cell in cells:
            assert not cell.startswith(("=", "+", "-", "@")), cell[:60]
    assert len(rows) + len(rejects[1:]) == len(fixture_rows("zendesk"))
    (row,) = [dict(zip(header, cells, strict=True)) for cells in rows if cells[1] == "48221"]
    assert row["Description"] == "'" + formula  # shown as text, otherwise as written
    assert row["status"] in {"drafted", "routine"}


@pytest.mark.parametrize(
    ("wanted", "fact", "later_words"),
    [
        pytest.param("48215", "reference", "LH-198340", id="48215-order-in-a-numbered-list"),
        pytest.param("48215", "partner", "Evri", id="48215-courier-after-quotes"),
        pytest.param("48211", "waited", "since Thursday", id="48211-third-paragraph"),
        pytest.param("48211", "customer_name", "Priya", id="48211-signature"),
        pytest.param("48213", "stakes", "60th", id="48213-second-paragraph"),
    ],
)
def test_a_multi_line_description_is_read_whole(
    exported: Exported, wanted: str, fact: str, later_words: str
) -> None:
    description = ticket("zendesk", wanted)["Description"]
    first_line, rest = description.split("\n", 1)
    assert later_words not in first_line and later_words in rest
    record = exported("zendesk").record(wanted)
    assert record["status"] == "drafted"
    assert later_words in record["facts"][fact]["value"], record["facts"].get(fact)


@pytest.mark.parametrize(
    ("wanted", "words"),
    [
        # the newest thread is "Any update??"; the order is in the original message
        pytest.param("2591004533", "FH-88077", id="follow-up-first"),
        # newest customer message, then an agent reply, then the original
        pytest.param("2591004650", "FH-87650", id="agent-reply-between"),
    ],
)
def test_a_helpscout_conversation_is_read_from_its_first_customer_thread(
    exported: Exported, wanted: str, words: str
) -> None:
    threads = ticket("helpscout", wanted)["_embedded"]["threads"]
    assert words not in threads[0]["body"] and words in threads[-1]["body"]
    record = exported("helpscout").record(wanted)
    assert record["status"] == "drafted"
    assert words in record["facts"]["reference"]["value"]
