"""The principle checks as a library: what they flag, what they let pass, and the file format."""

from __future__ import annotations

import pickle
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import yaml

from recovery_cli.checks.checker import Checker, Finding, check
from recovery_cli.errors import RecoveryError
from recovery_cli.library import Library
from support import REPO, SHIPPED

CORPUS = REPO / "tests" / "corpus" / "replies.yaml"


def principles(text: str, **options: Any) -> set[str]:
    return {finding.principle for finding in check(text, **options)}


def flagged(text: str, principle: str, **options: Any) -> str:
    """The words flagged for `principle` (there must be exactly one such finding)."""
    found = [f for f in check(text, **options) if f.principle == principle]
    assert len(found) == 1, found
    return text[found[0].start : found[0].end]


# --- what a finding says ---------------------------------------------------------------


def test_a_finding_names_the_principle_its_rule_the_words_and_a_better_direction() -> None:
    text = "I'm sorry. It's not our fault, the lab did it."
    [finding] = [f for f in check(text) if f.principle == "own-the-outcome"]
    assert text[finding.start : finding.end] == "not our fault"
    assert finding.severity == "error"
    assert finding.rule == Library.configured().principles["own-the-outcome"].rule
    assert finding.message and finding.hint and finding.check
    assert set(finding.to_json()) == {
        "principle",
        "rule",
        "severity",
        "start",
        "end",
        "message",
        "hint",
        "check",
    }


def test_offsets_count_characters_of_the_text_as_given() -> None:
    # curly apostrophes, capitals and a letter that lower-cases to two characters
    text = "İstanbul order: Sorry — IT’S NOT OUR FAULT, honestly."
    assert flagged(text, "own-the-outcome") == "NOT OUR FAULT"


def test_findings_come_in_reading_order() -> None:
    found = check("I'm sorry. We'll be in touch soon. It's out of our hands, calm down.")
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert len(found) >= 3


def test_an_empty_reply_has_no_findings() -> None:
    assert check("") == []


def test_a_phrase_split_across_lines_or_written_without_apostrophes_is_still_found() -> None:
    assert "own-the-outcome" in principles("Sorry, this is out of\nour hands.")
    assert "own-the-outcome" in principles("sorry its not our fault")


# --- what must be caught ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "principle"),
    [
        ("I'm sorry, but the courier is responsible for the delay.", "own-the-outcome"),
        ("Sorry about that. It's out of our hands now.", "own-the-outcome"),
        ("I'm sorry, you'll need to contact the supplier directly.", "own-the-outcome"),
        ("I'm sorry, but you should have checked the size guide.", "dont-argue"),
        ("Sorry. As I already told you, the sale has ended.", "dont-argue"),
        ("I'm sorry, but company policy doesn't allow that.", "policies-serve-customers"),
        ("Sorry, we are not liable for items left in the car.", "policies-serve-customers"),
        ("I'm sorry for the wait. We'll get back to you shortly.", "do-what-you-say"),
        ("Sorry! I'll look into it.", "do-what-you-say"),
        ("Sorry, it's just a small delay.", "impact-over-intention"),
        ("Sorry, please calm down.", "impact-over-intention"),
        ("I'm sorry, we are unable to offer a refund.", "end-well-even-on-no"),
        ("Sorry, but nobody else has complained about it.", "welcome-complaints"),
    ],
)
def test_each_kind_of_broken_principle_is_caught(text: str, principle: str) -> None:
    assert principle in principles(text)


def test_a_reply_that_opens_with_facts_before_any_acknowledgement_is_flagged() -> None:
    text = "Hi Sam,\n\nOur records show the parcel was delivered on Monday. Sorry it's missing."
    assert flagged(text, "empathise-first", name="Sam") == "Our records"


def test_a_reply_that_opens_with_an_apology_may_explain_afterwards() -> None:
    text = "Hi Sam,\n\nI'm sorry your parcel is missing. Our records show it was delivered."
    assert "empathise-first" not in principles(text, name="Sam")


def test_a_line_from_the_middle_of_a_conversation_is_not_an_opening() -> None:
    line = "Our records show it left the warehouse on Monday."
    assert "empathise-first" in principles(line)
    assert "empathise-first" not in principles(line, opening=False)


def test_on_a_line_seen_alone_what_the_rest_of_a_reply_could_excuse_is_a_warning() -> None:
    refusal = "I'm sorry, we cannot refund the deposit."
    [whole] = check(refusal)
    [line] = check(refusal, opening=False)
    assert (whole.principle, whole.severity) == ("end-well-even-on-no", "error")
    assert (line.principle, line.severity) == ("end-well-even-on-no", "warning")
    blame = "I'm sorry, but that's not our fault."
    assert [f.severity for f in check(blame, opening=False)] == ["error"]  # nothing excuses it


def test_a_known_name_never_used_is_a_warning() -> None:
    text = "Dear customer,\n\nI'm sorry your order was late; I've refunded the postage today."
    [finding] = [f for f in check(text, name="Dana") if f.principle == "use-their-name"]
    assert finding.severity == "warning"
    assert text[finding.start : finding.end] == "Dear customer"


def test_the_name_counts_as_used_in_any_form_the_customer_gave() -> None:
    text = "Thank you, Mr Demir. I'm sorry about the wait; your replacement ships today."
    assert "use-their-name" not in principles(text, name="Yusuf Demir")
    assert "use-their-name" not in principles(text, name="Mr Demir")
    assert "use-their-name" not in principles(text)  # no name given, nothing to use
    assert "use-their-name" not in principles("I'm sorry.", name="Dana", opening=False)


# --- what must not be flagged ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I won't blame the lab: this is ours to fix, and I'll call you by 5pm today.",
        "I'm not going to tell you it's out of our hands, because it isn't.",
        "You said the last agent told you there was nothing we could do. That was wrong.",
        "You were told 'it's not our fault, the lab did it', and I'm sorry you heard that.",
        "I'd rather not say \"it's the courier's fault\"; you bought from us, so it's ours.",
        "I'm sorry: our supplier shipped the wrong part, but that's no excuse and it's on us.",
        "I'm so sorry. The lab let us down, and that's our responsibility, not theirs to fix.",
        "I'm sorry we missed you. You should have received a text on Monday, and it never came.",
        "I'm sorry. This was not a small delay for you, and I've refunded the postage today.",
        "I can't refund it to your card, but I can give you store credit today.",
        "I'm sorry: there's no charge for the new one, and no need to send the old one back.",
        "I'll email you once the engineer has been, and call you at 3pm either way.",
        "I'm sorry the part is late. I'll call you by noon tomorrow; see you soon!",
    ],
)
def test_negation_quotation_reported_speech_and_ownership_are_not_violations(text: str) -> None:
    assert check(text) == []


# --- the library of checks -------------------------------------------------------------


def test_every_example_written_in_the_shipped_checks_behaves_as_written() -> None:
    assert Checker.load().example_failures() == []


def test_a_checker_survives_pickling_for_worker_processes() -> None:
    checker = Checker.load()
    copy = pickle.loads(pickle.dumps(checker))
    text = "Sorry, it's out of our hands. We'll be in touch soon."
    assert copy.check(text) == checker.check(text)


def test_the_labelled_corpus_meets_the_precision_and_recall_aim() -> None:
    replies = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["replies"]
    known = set(Library.configured().principles)
    assert len(replies) >= 200
    true_pos = false_pos = false_neg = 0
    for reply in replies:
        gold = set(reply["breaks"])
        assert gold <= known, reply["id"]
        opening = reply.get("opening", True)
        found = principles(reply["text"], name=reply.get("name"), opening=opening)
        true_pos += len(found & gold)
        false_pos += len(found - gold)
        false_neg += len(gold - found)
    assert true_pos / (true_pos + false_pos) >= 0.95
    assert true_pos / (true_pos + false_neg) >= 0.90


# --- a trainer's own checks ------------------------------------------------------------


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "checks.yaml"
    path.write_text(text, encoding="utf-8")
    return path


EXTRA = """\
cues:
  sorry_words: {patterns: [gutted]}
checks:
  - id: no-ta
    principle: premium-standard
    severity: warning
    description: Too casual for a premium client.
    message: Casual thanks.
    hint: Thank them properly.
    patterns: ["ta(?: very much)?"]
  - id: vague-promise
    principle: do-what-you-say
    enabled: false
    description: off
    message: off
    hint: off
"""


def test_a_later_file_adds_checks_and_switches_shipped_ones_off_by_id(tmp_path: Path) -> None:
    extra = write(tmp_path / "mine", EXTRA)
    checker = Checker.load([SHIPPED / "checks.yaml", extra])
    found = checker.check("Ta very much, I'm sorry. We'll be in touch soon.")
    assert [(f.check, f.severity) for f in found] == [("no-ta", "warning")]


def test_a_cue_can_be_extended_instead_of_replaced(tmp_path: Path) -> None:
    extra = write(tmp_path / "mine", "cues:\n  partner: {extend: true, patterns: [glaziers?]}\n")
    checker = Checker.load([SHIPPED / "checks.yaml", extra])
    for firm in ("glazier", "courier"):
        found = checker.check(f"I'm sorry, the {firm} messed up.")
        assert [f.principle for f in found] == ["own-the-outcome"], firm


def test_a_folder_in_the_environment_extends_the_shipped_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "mine", EXTRA)
    monkeypatch.setenv("RECOVERY_PLAYBOOKS", str(tmp_path / "mine"))
    assert [f.check for f in check("Ta, I'm sorry.")] == ["no-ta"]


def test_a_broken_principles_file_leaves_the_checks_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "principles.yaml").write_text("principles: [oops", encoding="utf-8")
    monkeypatch.setenv("RECOVERY_PLAYBOOKS", str(tmp_path / "mine"))
    [finding] = [f for f in check("Sorry, it's out of our hands.")]
    assert finding.rule  # the check's own description stands in for the principle's rule


CHECK = (
    "checks:\n  - id: x\n    principle: {principle}\n    description: d\n    message: m\n"
    "    hint: h\n    {last}\n"
)


@pytest.mark.parametrize(
    ("principle", "last", "message", "line", "field"),
    [
        ("listen", "colour: red", "unknown key `colour`", 7, "checks[0].colour"),
        (
            "listen",
            "patterns: ['(unclosed']",
            "not a valid regular expression",
            7,
            "checks[0].patterns[0]",
        ),
        (
            "listen",
            "patterns: [lab, '{nowhere} lab']",
            "cue `{nowhere}`",
            7,
            "checks[0].patterns[1]",
        ),
        ("listen", "patterns: [Capital]", "capital letters", 7, "checks[0].patterns[0]"),
        ("listen", "patterns: ['(?:maybe)?']", "matches empty text", 7, "checks[0].patterns[0]"),
        ("no-such-lesson", "patterns: [word]", "unknown principle", 3, "checks[0].principle"),
        (
            "listen",
            "unless_before: {nowhere: 3}",
            "unknown cue `nowhere`",
            7,
            "checks[0].unless_before.nowhere",
        ),
    ],
)
def test_a_mistake_in_a_checks_file_is_reported_where_it_is(
    tmp_path: Path, principle: str, last: str, message: str, line: int, field: str
) -> None:
    if "patterns" not in last:
        last += "\n    patterns: [word]"
    path = write(tmp_path / "bad", CHECK.format(principle=principle, last=last))
    with pytest.raises(RecoveryError) as caught:
        Checker.load([SHIPPED / "checks.yaml", path])
    [problem] = caught.value.problems
    assert message in problem.message
    assert problem.location.file == str(path)
    assert problem.location.line == line
    assert problem.location.field == field


def test_the_module_level_check_uses_the_shipped_checks() -> None:
    assert isinstance(check("Sorry, it's out of our hands.")[0], Finding)


def test_a_finding_as_json_names_every_field_once() -> None:
    finding = check("Unfortunately that is our policy.")[0]
    assert isinstance(finding, Finding)
    assert list(finding.to_json()) == [item.name for item in fields(Finding)]
