"""What a scripted run is told: an answers file and `--set key=value`, layered.

Both speak the same flat vocabulary, so a batch row, a file and a flag mean the same:
input names (`customer_name`), question ids (`partner_can_rush`) and, under `choose`,
which suggestion to use at a step (`choose.empathise=2`, or the text of the agent's own
line). Priority: `--set` over the file; the interactive prompt and the playbook's
defaults fill what neither gave. Unknown keys are errors, so a typo is not silently lost.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from recovery_cli import documents
from recovery_cli.documents import read_document
from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.playbook.inputs import STANDARD_INPUTS, effective_inputs
from recovery_cli.playbook.models import Playbook
from recovery_cli.text import shorten

CHOOSE = "choose"


@dataclass
class Supplied:
    """Values given ahead of a run, sorted by what they are for."""

    inputs: dict[str, str] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    picks: dict[str, int | str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """Values set aside, said plainly: a standard input this playbook does not use."""


def read_answers_file(path: Path) -> dict[str, object]:
    """A YAML or JSON mapping from a file (same safe reader and limits as playbooks)."""
    if path.suffix.lower() == ".json":
        text = documents.decode(_read_bytes(path), str(path))
        data = documents.load_json(text, str(path))
    else:
        data, _ = read_document(path)
    return _mapping(data, str(path))


def parse_answers(text: str, source: str) -> dict[str, object]:
    """Answers given as text (standard input): JSON when it looks like it, else YAML."""
    if text.lstrip().startswith("{"):
        return _mapping(documents.load_json(text, source), source)
    data, _ = documents.parse(text, source)
    return _mapping(data, source)


def _mapping(data: object, source: str) -> dict[str, object]:
    if not isinstance(data, dict):
        raise RecoveryError(
            "answers must be a mapping such as `customer_name: Dana`",
            location=Location(source, 1, 1),
        )
    return {str(key): value for key, value in data.items()}


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(documents.MAX_BYTES + 1)
    except OSError as exc:
        raise RecoveryError(
            f"cannot read {path}: {exc.strerror or exc}", location=Location(str(path))
        ) from None


def parse_sets(pairs: Iterable[str]) -> dict[str, object]:
    """`key=value` flags to a mapping; `choose.STEP=N` nests under `choose`."""
    result: dict[str, object] = {}
    for pair in pairs:
        try:
            pair.encode("utf-8")
        except UnicodeEncodeError:  # bytes the terminal could not decode
            raise RecoveryError(
                f"--set {pair.encode('utf-8', 'replace').decode()!r} is not valid UTF-8",
                hint="type the value as UTF-8 text",
            ) from None
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise RecoveryError(
                f"--set expects key=value, not {pair!r}", hint="e.g. --set customer_name=Dana"
            )
        if key == CHOOSE or key.startswith(CHOOSE + "."):
            step = key[len(CHOOSE) + 1 :]
            if not step:
                raise RecoveryError(
                    f"--set {pair!r}: say which step", hint="e.g. --set choose.empathise=2"
                )
            picks = result.setdefault(CHOOSE, {})
            assert isinstance(picks, dict)  # only this branch ever sets it
            picks[step] = value
        else:
            result[key] = value
    return result


def merge(*layers: Mapping[str, object]) -> dict[str, object]:
    """Later layers win; `choose` mappings merge key by key."""
    merged: dict[str, object] = {}
    for layer in layers:
        for key, value in layer.items():
            if key == CHOOSE:
                if not isinstance(value, Mapping):
                    raise RecoveryError(
                        "`choose` must map step ids to a suggestion number or a line",
                        location=Location(field=CHOOSE),
                        hint="e.g. choose: {empathise: 2}",
                    )
                earlier = merged.get(CHOOSE)
                picks = dict(earlier) if isinstance(earlier, Mapping) else {}
                picks.update(value)
                merged[CHOOSE] = picks
            else:
                merged[key] = value
    return merged


def sort_out(playbook: Playbook, raw: Mapping[str, object], source: str = "answers") -> Supplied:
    """Split a flat mapping into inputs, answers and picks; unknown keys are problems."""
    input_names = {spec.name for spec in effective_inputs(playbook)}
    questions = {question.id: question for question in playbook.questions()}
    step_ids = {step.id for step in playbook.steps}
    supplied = Supplied()
    problems: list[Problem] = []
    for key, value in raw.items():
        shown = shorten(key)
        where = Location(source, field=shown)
        if key == CHOOSE:
            if not isinstance(value, Mapping):
                problems.append(Problem("`choose` must map step ids to a number or a line", where))
                continue
            for step_id, pick in value.items():
                if step_id not in step_ids:
                    problems.append(
                        Problem(
                            f"`choose.{shorten(str(step_id))}`: no such step",
                            where,
                            f"steps: {', '.join(sorted(step_ids))}",
                        )
                    )
                else:
                    supplied.picks[step_id] = _pick(pick)
        elif key in input_names:
            if isinstance(value, (dict, list)):
                problems.append(
                    Problem(f"`{key}` must be text, not a {type(value).__name__}", where)
                )
            else:
                supplied.inputs[key] = as_text(value, where)
        elif key in questions:
            answer = as_text(value, where).strip()
            if answer not in questions[key].choices:
                problems.append(
                    Problem(
                        f"`{shorten(answer)}` is not an answer to `{key}`",
                        where,
                        f"answer one of: {', '.join(questions[key].choices)}",
                    )
                )
            else:
                supplied.answers[key] = answer
        elif key in STANDARD_INPUTS:
            # One script can feed any playbook: a standard input it does not use is noted.
            supplied.notes.append(f"`{shown}` is not used by `{playbook.id}`; it is set aside")
        else:
            known = sorted(input_names | set(questions))
            close = difflib.get_close_matches(shown, [*known, *STANDARD_INPUTS], n=1, cutoff=0.7)
            hint = (f"did you mean `{close[0]}`? " if close else "") + f"known: {', '.join(known)}"
            problems.append(
                Problem(f"`{shown}` is not an input or question of `{playbook.id}`", where, hint)
            )
    if problems:
        raise RecoveryError(f"{len(problems)} problem(s) in the supplied values", problems=problems)
    return supplied


def _pick(value: object) -> int | str:
    """A suggestion number, or the agent's own line."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return suggestion_number(str(value)) if value > 999 else value
    text = str(value).strip()
    return suggestion_number(text) if is_number(text) else text


def is_number(text: str) -> bool:
    """Plain ASCII digits: `2` picks a suggestion, `²` or `٣` is text an agent typed."""
    return text.isascii() and text.isdigit()


def suggestion_number(text: str) -> int:
    """`text` (ASCII digits) as a suggestion number; absurdly long numbers are refused."""
    if len(text) > 3:
        raise RecoveryError(
            f"{text[:12]}{'...' if len(text) > 12 else ''} is not a suggestion number",
            hint="pick a suggestion by its number (1, 2, ...) or give your own line",
        )
    return int(text)


def as_text(value: object, where: Location | None = None) -> str:
    """A supplied value as text: None is empty; a number of absurd length is refused."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3000:
        raise RecoveryError(
            "a number of hundreds of digits is not a value", location=where, hint="check the file"
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
