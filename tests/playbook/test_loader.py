"""Loading a playbook file: a valid one loads; a broken one lists every mistake, located.

Also the cross-reference checks (`integrity`) as the loader reports them: each problem
points at the field a trainer has to edit, with its line and a hint.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from recovery_cli import documents
from recovery_cli.errors import Problem, RecoveryError
from recovery_cli.playbook.loader import load_playbook, load_principles
from recovery_cli.playbook.models import Playbook
from support import HEAD, MINIMAL_YAML, write


def step_yaml(step_id: str, extra: str = "") -> str:
    """Six lines of a valid step, then `extra` (YAML at the step's own indentation)."""
    text = (
        f"  - id: {step_id}\n"
        "    stage: listen\n"
        f"    title: Step {step_id}\n"
        "    purpose: Move on.\n"
        "    why: A reason.\n"
        "    principle: listen\n"
    )
    return text + textwrap.indent(textwrap.dedent(extra), "    ")


def load(
    folder: Path, text: str, name: str = "tiny.yaml", principle_ids: set[str] | None = None
) -> Playbook:
    return load_playbook(write(folder, name, text), principle_ids)


def problems(folder: Path, text: str, name: str = "tiny.yaml", **options: object) -> list[Problem]:
    with pytest.raises(RecoveryError) as caught:
        load(folder, text, name, **options)
    return caught.value.problems


def only(found: list[Problem]) -> Problem:
    assert len(found) == 1, [problem.describe() for problem in found]
    return found[0]


# --- a valid playbook ------------------------------------------------------------------


def test_a_valid_playbook_loads(tmp_path: Path) -> None:
    playbook = load(tmp_path, MINIMAL_YAML)
    assert playbook.id == "tiny"
    assert [step.id for step in playbook.steps] == ["hello"]
    assert playbook.steps[0].suggestions == ["Hello {{ customer_name }}."]


def test_a_playbook_with_a_bom_and_windows_line_endings_loads(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL_YAML.replace("\n", "\r\n").encode("utf-8"))
    assert load_playbook(path).title == "A tiny playbook"


def test_a_yml_file_is_named_by_its_stem(tmp_path: Path) -> None:
    assert load(tmp_path, MINIMAL_YAML, name="tiny.yml").id == "tiny"


def test_yes_and_no_answers_stay_strings_in_choices_and_branches(tmp_path: Path) -> None:
    text = (
        HEAD
        + step_yaml(
            "ask",
            """\
        question:
          id: in_time
          ask: Can they make it?
          choices:
            yes: They can
            no: They cannot
          default: yes
        branches:
          yes: end
          no: sorry
        """,
        )
        + step_yaml("sorry")
    )
    step = load(tmp_path, text).steps[0]
    assert step.question is not None
    assert list(step.question.choices) == ["yes", "no"]
    assert step.question.default == "yes"
    assert step.branches == {"yes": "end", "no": "sorry"}


# --- every problem, located ----------------------------------------------------------------


def test_every_problem_in_a_file_is_reported_at_once_with_file_line_column_and_field(
    tmp_path: Path,
) -> None:
    text = """\
    id: tiny
    title: A tiny playbook
    category: general-complaint
    titel: typo
    principles: [listen]
    steps:
      - id: Say Hello
        stage: talk
        title: Hello
        purpose: Greet them.
        why: A greeting.
        principle: listen
    """
    found = problems(tmp_path, text)
    path = str(tmp_path / "tiny.yaml")
    assert {problem.location.file for problem in found} == {path}
    located = sorted((p.location.line, p.location.column, p.location.field) for p in found)
    assert located == [
        (1, 1, "summary"),
        (4, 1, "titel"),
        (7, 5, "steps[0].id"),
        (8, 5, "steps[0].stage"),
    ]


def test_the_summary_line_counts_the_problems(tmp_path: Path) -> None:
    text = MINIMAL_YAML.replace("id: tiny\n", "id: tiny\ncolour: blue\nshape: round\n")
    with pytest.raises(RecoveryError) as caught:
        load(tmp_path, text)
    assert "2 problem(s)" in caught.value.message
    assert "colour" in caught.value.describe()
    assert "shape" in caught.value.describe()


def test_an_unknown_key_is_named_with_a_hint_about_spelling(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + step_yaml("hello", "sugestions: [Hi]\n")))
    assert problem.message == "unknown key `sugestions`"
    assert problem.location.field == "steps[0].sugestions"
    assert (problem.location.line, problem.location.column) == (15, 5)
    assert problem.hint is not None and "spelling" in problem.hint


def test_a_missing_key_is_located_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    text = HEAD + step_yaml("hello").replace("    why: A reason.\n", "")
    problem = only(problems(tmp_path, text))
    assert problem.message == "missing required key `why`"
    assert problem.location.field == "steps[0].why"
    assert (problem.location.line, problem.location.column) == (9, 5)
    assert problem.hint


def test_a_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    text = HEAD + step_yaml("hello", "suggestions: Hello there\n")
    problem = only(problems(tmp_path, text))
    assert "expected a list" in problem.message
    assert problem.location.field == "steps[0].suggestions"
    assert problem.location.line == 15


def test_text_where_a_list_of_text_is_expected_names_the_item(tmp_path: Path) -> None:
    text = HEAD + step_yaml("hello", "suggestions:\n  - Hi\n  - [a, b]\n")
    problem = only(problems(tmp_path, text))
    assert "expected text" in problem.message
    assert problem.location.field == "steps[0].suggestions[1]"
    assert problem.location.line == 17


def test_an_id_that_breaks_the_pattern_is_refused_with_the_allowed_form(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, MINIMAL_YAML.replace("- id: hello", "- id: Say_Hello")))
    assert "'Say_Hello' is not a valid id" in problem.message
    assert problem.location.field == "steps[0].id"
    assert problem.hint is not None and "lower-case" in problem.hint


def test_a_value_outside_a_fixed_list_names_the_allowed_values(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, MINIMAL_YAML.replace("stage: listen", "stage: talk")))
    assert "'talk' is not allowed" in problem.message
    assert "'empathise'" in problem.message
    assert problem.location.field == "steps[0].stage"


@pytest.mark.parametrize(
    ("line", "replacement"),
    [
        ("title: Say hello", "title: [Say, hello]"),
        ("stage: listen", "stage: talk"),
        ("principle: listen", "principle: listen\n    in_draft: maybe"),
    ],
    ids=["wrong-type", "not-allowed", "not-a-boolean"],
)
def test_every_schema_problem_comes_with_a_hint(
    tmp_path: Path, line: str, replacement: str
) -> None:
    problem = only(problems(tmp_path, MINIMAL_YAML.replace(line, replacement)))
    assert problem.hint


def test_a_bad_branch_key_is_located_at_that_branch(tmp_path: Path) -> None:
    text = HEAD + step_yaml(
        "ask",
        """\
        question:
          id: pace
          ask: How fast?
          choices: {rush: Fast, wait: Slow}
          default: rush
        branches:
          Rush: end
        """,
    )
    problem = only(problems(tmp_path, text))
    assert problem.location.field == "steps[0].branches.Rush"


def test_duplicate_keys_in_a_playbook_name_the_line_of_the_first(tmp_path: Path) -> None:
    text = MINIMAL_YAML.replace("summary: Shows one thing.\n", "summary: One.\nsummary: Two.\n")
    problem = only(problems(tmp_path, text))
    assert "duplicate key `summary` (first on line 4)" in problem.message
    assert problem.location.line == 5


def test_the_id_must_match_the_file_name(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, MINIMAL_YAML, name="small.yaml"))
    assert "`tiny`" in problem.message and "`small`" in problem.message
    assert problem.location.field == "id"
    assert problem.location.line == 1
    assert problem.hint is not None and "small" in problem.hint and "tiny.yaml" in problem.hint


# --- files that are not playbooks ----------------------------------------------------------


def test_an_empty_file_is_a_located_error(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, ""))
    assert "empty" in problem.message
    assert problem.location.file == str(tmp_path / "tiny.yaml")


def test_a_list_instead_of_a_mapping_is_refused_in_words(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, "- id: tiny\n- title: A tiny playbook\n"))
    assert "must be a mapping of keys, not a list" in problem.message
    assert (problem.location.line, problem.location.column) == (1, 1)
    assert problem.hint


def test_plain_text_instead_of_a_mapping_is_refused_in_words(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, "Just some notes about a playbook.\n"))
    assert "not plain text" in problem.message


def test_invalid_utf8_in_a_file_is_located(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_bytes(MINIMAL_YAML.encode().replace(b"Shows one", b"Sh\xffows one"))
    with pytest.raises(RecoveryError) as caught:
        load_playbook(path)
    assert (caught.value.location.line, caught.value.location.column) == (4, 12)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_bytes(MINIMAL_YAML.encode() + b"#" * documents.MAX_BYTES)
    with pytest.raises(RecoveryError) as caught:
        load_playbook(path)
    assert "limit" in caught.value.message


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RecoveryError) as caught:
        load_playbook(tmp_path / "nowhere.yaml")
    assert "cannot read" in caught.value.message
    assert caught.value.location.file == str(tmp_path / "nowhere.yaml")


def test_a_small_principles_file_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "principles.yaml",
        """\
        principles:
          - id: be-kind
            rule: Be kind.
            why: Kindness helps.
            source:
              - title: An article
        """,
    )
    assert [principle.id for principle in load_principles(path).principles] == ["be-kind"]


def test_a_principle_without_a_source_is_located(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "principles.yaml",
        """\
        principles:
          - id: be-kind
            rule: Be kind.
            why: Kindness helps.
        """,
    )
    with pytest.raises(RecoveryError) as caught:
        load_principles(path)
    assert only(caught.value.problems).location.field == "principles[0].source"


# --- cross-references (integrity) ----------------------------------------------------------


def test_duplicate_step_ids_are_refused_at_the_second(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + step_yaml("hello") + step_yaml("hello")))
    assert problem.message == "duplicate step id `hello`"
    assert problem.location.field == "steps[1].id"
    assert problem.location.line == 15


def test_end_is_not_a_step_id(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + step_yaml("end")))
    assert "reserved" in problem.message
    assert problem.location.field == "steps[0].id"


def test_next_to_an_unknown_step_lists_the_known_ids(tmp_path: Path) -> None:
    text = HEAD + step_yaml("first", "next: thrid\n") + step_yaml("third")
    problem = only(problems(tmp_path, text))
    assert problem.message == "`next` names unknown step `thrid`"
    assert problem.location.field == "steps[0].next"
    assert (problem.location.line, problem.location.column) == (15, 5)
    assert problem.hint == "use one of: end, first, third"


def test_a_branch_to_an_unknown_step_is_located_at_that_branch(tmp_path: Path) -> None:
    text = HEAD + step_yaml(
        "ask",
        """\
        question:
          id: pace
          ask: How fast?
          choices: {rush: Fast, wait: Slow}
          default: rush
        branches:
          rush: hurry
        """,
    )
    problem = only(problems(tmp_path, text))
    assert problem.message == "branch `rush` goes to unknown step `hurry`"
    assert problem.location.field == "steps[0].branches.rush"
    assert problem.location.line == 21
    assert problem.hint == "use one of: ask, end"


def test_branches_without_a_question_are_refused(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + step_yaml("hello", "branches: {rush: end}\n")))
    assert "without a `question`" in problem.message
    assert problem.location.field == "steps[0].branches"
    assert problem.hint


def test_a_question_default_must_be_one_of_its_choices(tmp_path: Path) -> None:
    text = HEAD + step_yaml(
        "ask",
        """\
        question:
          id: pace
          ask: How fast?
          choices: {rush: Fast, wait: Slow}
          default: never
        """,
    )
    problem = only(problems(tmp_path, text))
    assert "default `never` is not one of the choices" in problem.message
    assert problem.location.field == "steps[0].question.default"
    assert problem.hint == "use one of: rush, wait"


def test_a_branch_key_must_be_an_answer_to_the_question(tmp_path: Path) -> None:
    text = HEAD + step_yaml(
        "ask",
        """\
        question:
          id: pace
          ask: How fast?
          choices: {rush: Fast, wait: Slow}
          default: rush
        branches:
          hurry: end
        """,
    )
    problem = only(problems(tmp_path, text))
    assert problem.message == "branch `hurry` is not an answer to `pace`"
    assert problem.location.field == "steps[0].branches.hurry"
    assert problem.hint == "the answers are: rush, wait"


def test_a_question_may_not_share_the_name_of_an_input(tmp_path: Path) -> None:
    text = HEAD + step_yaml(
        "ask",
        """\
        question:
          id: customer_name
          ask: Who?
          choices: {dana: Dana, sam: Sam}
          default: dana
        """,
    )
    problem = only(problems(tmp_path, text))
    assert "has the name of an input" in problem.message
    assert problem.location.field == "steps[0].question.id"


def test_a_question_id_may_be_used_only_once(tmp_path: Path) -> None:
    asked = """\
    question:
      id: pace
      ask: How fast?
      choices: {rush: Fast, wait: Slow}
      default: rush
    """
    problem = only(problems(tmp_path, HEAD + step_yaml("one", asked) + step_yaml("two", asked)))
    assert "used twice" in problem.message
    assert problem.location.field == "steps[1].question.id"


def test_an_input_may_be_declared_only_once(tmp_path: Path) -> None:
    text = MINIMAL_YAML.replace(
        "  - name: customer_name\n", "  - name: customer_name\n  - name: customer_name\n"
    )
    problem = only(problems(tmp_path, text))
    assert "declared twice" in problem.message
    assert problem.location.field == "inputs[1].name"


def test_unknown_principle_ids_are_refused_where_they_are_used(tmp_path: Path) -> None:
    text = MINIMAL_YAML.replace("principles: [listen]", "principles: [listen, be-kind]")
    text = text.replace("principle: listen", "principle: be-nice")
    found = problems(tmp_path, text, principle_ids={"listen"})
    assert [(p.message, p.location.field) for p in found] == [
        ("unknown principle `be-kind`", "principles[1]"),
        ("unknown principle `be-nice`", "steps[0].principle"),
    ]
    assert all(p.hint and "principles.yaml" in p.hint for p in found)


def test_a_suggestion_that_does_not_compile_is_located_at_its_item(tmp_path: Path) -> None:
    text = HEAD + step_yaml(
        "hello",
        """\
        suggestions:
          - "Hello {{ customer_name }}."
          - "Hello {{ customer_name."
        """,
    )
    problem = only(problems(tmp_path, text))
    assert problem.message.startswith("template does not compile")
    assert problem.location.field == "steps[0].suggestions[1]"
    assert (problem.location.line, problem.location.column) == (17, 9)
    assert problem.hint is not None and "{{ }}" in problem.hint


def test_a_when_condition_that_does_not_compile_is_located(tmp_path: Path) -> None:
    problem = only(problems(tmp_path, HEAD + step_yaml("hello", "when: severity ==\n")))
    assert problem.message.startswith("condition does not compile")
    assert problem.location.field == "steps[0].when"


def test_a_checklist_item_that_does_not_compile_is_located(tmp_path: Path) -> None:
    text = MINIMAL_YAML + "checklist:\n  - kind: log\n    do: Log it {% if x %}\n"
    problem = only(problems(tmp_path, text))
    assert problem.location.field == "checklist[0].do"
    assert problem.location.line == 19


def test_cross_reference_problems_are_reported_together(tmp_path: Path) -> None:
    text = HEAD + step_yaml("hello", "next: nowhere\n") + step_yaml("hello")
    fields = [problem.location.field for problem in problems(tmp_path, text)]
    assert fields == ["steps[1].id", "steps[0].next"]
