"""Reading YAML from people we do not control: safe, bounded, and located to the column."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from recovery_cli import documents
from recovery_cli.errors import Location, RecoveryError


def parse(text: str) -> object:
    data, _ = documents.parse(textwrap.dedent(text), "f.yaml")
    return data


def refusal(text: str) -> RecoveryError:
    with pytest.raises(RecoveryError) as caught:
        documents.parse(textwrap.dedent(text), "f.yaml")
    return caught.value


# --- what a trainer means is what is read ---------------------------------------------


def test_yes_and_no_stay_the_strings_a_trainer_wrote() -> None:
    data = parse(
        """\
        yes: no
        on: off
        y: n
        """
    )
    assert data == {"yes": "no", "on": "off", "y": "n"}


def test_true_and_false_are_still_booleans() -> None:
    assert parse("a: true\nb: False\n") == {"a": True, "b": False}


def test_every_field_has_its_line_and_column() -> None:
    text = textwrap.dedent(
        """\
        steps:
          - id: one
          - id: two
            branches:
              rush: three
        """
    )
    _, positions = documents.parse(text, "f.yaml")
    assert positions[("steps", 1, "branches", "rush")] == (5, 7)
    assert positions[("steps", 0, "id")] == (2, 5)


def test_a_field_path_is_written_with_dots_and_indices() -> None:
    text = "steps:\n  - id: one\n  - id: two\n    branches:\n      rush: three\n"
    _, positions = documents.parse(text, "f.yaml")
    where = documents.locate(("steps", 1, "branches", "rush"), positions, "f.yaml")
    assert where == Location("f.yaml", 5, 7, "steps[1].branches.rush")


def test_a_missing_field_is_located_at_its_nearest_existing_parent() -> None:
    text = "steps:\n  - id: one\n  - id: two\n"
    _, positions = documents.parse(text, "f.yaml")
    where = documents.locate(("steps", 1, "next"), positions, "f.yaml")
    assert (where.line, where.column, where.field) == (3, 5, "steps[1].next")


# --- encoding ----------------------------------------------------------------------------


def test_a_byte_order_mark_and_windows_line_endings_read_as_plain_text() -> None:
    text = documents.decode(b"\xef\xbb\xbfid: tiny\r\ntitle: Tiny\r\n", "f.yaml")
    assert text == "id: tiny\ntitle: Tiny\n"


def test_old_mac_line_endings_read_as_newlines() -> None:
    assert documents.decode(b"id: tiny\rtitle: Tiny\r", "f.yaml") == "id: tiny\ntitle: Tiny\n"


def test_invalid_utf8_is_located_at_the_line_and_column_of_the_bad_byte() -> None:
    with pytest.raises(RecoveryError) as caught:
        documents.decode(b"id: tiny\ntitle: caf\xe9\n", "f.yaml")
    error = caught.value
    assert (error.location.file, error.location.line, error.location.column) == ("f.yaml", 2, 11)
    assert "UTF-8" in error.message
    assert "0xe9" in error.message
    assert error.hint is not None and "UTF-8" in error.hint


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    with pytest.raises(RecoveryError) as caught:
        documents.decode(b"#" * (documents.MAX_BYTES + 1), "f.yaml")
    assert "limit" in caught.value.message
    assert caught.value.hint is not None


def test_a_file_at_the_size_limit_is_read() -> None:
    raw = b"a: 1\n" + b"#" * (documents.MAX_BYTES - 5)
    assert len(documents.decode(raw, "f.yaml")) == documents.MAX_BYTES


# --- malformed documents -----------------------------------------------------------------


def test_an_empty_file_is_a_located_error() -> None:
    error = refusal("")
    assert "empty" in error.message
    assert (error.location.line, error.location.column) == (1, 1)


def test_a_file_of_only_comments_counts_as_empty() -> None:
    assert "empty" in refusal("# nothing yet\n").message


def test_a_tab_after_a_key_gives_a_located_message_about_tabs() -> None:
    error = refusal("id: tiny\n\ttitle: Tiny\n")
    assert error.location.line == 2
    assert "tab" in error.describe().lower()


def test_a_tab_indented_list_gives_a_located_message_about_tabs() -> None:
    error = refusal("steps:\n\t- id: hello\n")
    assert error.location.line == 2
    assert "tab" in error.describe().lower()


def test_a_syntax_error_names_its_line_and_column() -> None:
    error = refusal("title: [one, two\nsummary: x\n")
    assert error.location.file == "f.yaml"
    assert error.location.line is not None and error.location.column is not None
    assert error.message.startswith("YAML syntax")


def test_duplicate_keys_are_refused_with_the_line_of_the_first() -> None:
    error = refusal(
        """\
        id: tiny
        title: One
        summary: x
        title: Two
        """
    )
    [problem] = error.problems
    assert "duplicate key `title`" in problem.message
    assert "first on line 2" in problem.message
    assert (problem.location.line, problem.location.column) == (4, 1)
    assert problem.location.field == "title"


def test_every_duplicate_key_is_reported_at_once_with_its_field_path() -> None:
    error = refusal(
        """\
        steps:
          - id: one
            next: two
            next: three
          - id: two
            id: four
        """
    )
    fields = {problem.location.field for problem in error.problems}
    assert fields == {"steps[0].next", "steps[1].id"}


# --- hostile documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!python/object/new:os.system ['echo pwned']",
    ],
)
def test_python_tags_are_refused_and_construct_nothing(
    tagged: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def system(command: str) -> int:
        calls.append(command)
        return 0

    monkeypatch.setattr(os, "system", system)
    error = refusal(f"title: {tagged}\n")
    assert "tags are not allowed" in error.message
    assert error.location.line == 1
    assert calls == []


def test_a_custom_tag_is_refused_with_a_hint() -> None:
    error = refusal("title: !include other.yaml\n")
    assert "tags are not allowed" in error.message
    assert error.hint is not None and "tag" in error.hint


def test_a_billion_laughs_document_is_refused_quickly() -> None:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    started = time.monotonic()
    with pytest.raises(RecoveryError) as caught:
        documents.parse(text, "f.yaml")
    assert time.monotonic() - started < 30  # a loose guard: building it would take minutes
    assert "expands" in caught.value.message
    assert caught.value.hint is not None and "alias" in caught.value.hint


def test_a_few_aliases_are_still_allowed() -> None:
    data = parse(
        """\
        base: &base [one, two]
        copy: *base
        """
    )
    assert data == {"base": ["one", "two"], "copy": ["one", "two"]}


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    depth = documents.MAX_DEPTH + 10
    error = refusal("[" * depth + "]" * depth)
    assert "nested too deeply" in error.message
    assert error.location.file == "f.yaml"


def test_nesting_mappings_deeper_than_the_limit_is_refused() -> None:
    text = "".join("  " * level + "k:\n" for level in range(documents.MAX_DEPTH + 10))
    assert "nested too deeply" in refusal(text).message


def test_extremely_deep_nesting_within_the_size_limit_is_refused_not_a_crash() -> None:
    depth = 900_000  # 1.8 MB of brackets: under the 2 MB size limit
    code = (
        "from recovery_cli import documents\n"
        "from recovery_cli.errors import RecoveryError\n"
        f"text = '[' * {depth} + ']' * {depth}\n"
        "try:\n"
        "    documents.parse(text, 'f.yaml')\n"
        "except RecoveryError as error:\n"
        "    print(error.message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert "nested too deeply" in done.stdout


# --- numbers of absurd length ----------------------------------------------------------


def test_a_number_of_thousands_of_digits_is_a_located_problem() -> None:
    problem = refusal(f"title: ok\ncount: {'9' * 5000}\n").problems[0]
    assert "5,000 digits" in problem.message
    assert (problem.location.line, problem.location.field) == (2, "count")


def test_a_long_number_quoted_as_text_is_text() -> None:
    assert parse(f"title: '{'9' * 5000}'\n") == {"title": "9" * 5000}


@pytest.mark.parametrize("text", ['{"a": ' + "9" * 5000 + "}", '{"a": -' + "9" * 5000 + "}"])
def test_json_with_a_number_of_thousands_of_digits_is_refused_in_our_words(text: str) -> None:
    with pytest.raises(RecoveryError) as caught:
        documents.load_json(text, "a.json")
    assert "5,000 digits" in caught.value.message
    assert "int_max_str_digits" not in caught.value.describe()


def test_json_keeps_or_refuses_a_repeated_key_as_asked() -> None:
    with pytest.raises(RecoveryError, match="duplicate key `a`"):
        documents.load_json('{"a": 1, "a": 2}', "a.json")
    assert documents.load_json('{"a": 1, "a": 2}', "row 1", unique_keys=False) == {"a": 2}


def test_broken_json_is_located_at_its_line_and_column() -> None:
    with pytest.raises(RecoveryError) as caught:
        documents.load_json('{\n  "a": }', "a.json")
    assert (caught.value.location.line, caught.value.location.column) == (2, 8)
