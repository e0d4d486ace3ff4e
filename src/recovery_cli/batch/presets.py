"""Help-desk exports as they come: which column (or JSON path) holds each input.

A Zendesk export calls the message `Subject` and `Description`, the name `Requester` and
the channel `Via: Twitter`; Intercom nests the message in `source.body` as HTML; Help Scout
keeps it in `_embedded.threads`, newest first. A `Preset` says, for each input, where its
value comes from and how the help desk's words map to the playbooks' (`Urgent` -> `high`,
`Twitter` -> `social`). Four ship with the tool (`zendesk`, `freshdesk`, `intercom`,
`helpscout`); a team writes its own as a YAML file of the same shape and passes its path.

A source is a column name (any capitals) or a dotted path into a JSON row, where a step
may filter a list or an object: `_embedded.threads[type=customer|chat].body` takes the
body of every customer or chat thread; `source[delivered_as=customer_initiated].body` the
body only when the customer started the conversation. The first source with a value wins;
`join` puts several together (a subject and its body).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from recovery_cli.documents import build, read_document
from recovery_cli.errors import Location, RecoveryError

MAX_VALUES = 50
"""The most list items one path may gather: a thread of fifty messages is plenty."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Join(_Strict):
    """Several sources put together, in order, with a blank line between them."""

    join: list[str | Join] = Field(min_length=1, description="Columns, paths or joins.")
    reverse: StrictBool = Field(
        default=False,
        description="Reverse the values found (oldest first, when the export lists the newest "
        "first).",
    )


Source = str | Join


class Preset(_Strict):
    """How one help desk's export maps onto the playbooks' inputs."""

    name: str = Field(min_length=1, max_length=40)
    format: Literal["csv", "tsv", "jsonl"] | None = Field(
        default=None, description="The export's format, when its file name does not say."
    )
    inputs: dict[str, list[Source]] = Field(
        description="Input (or `id`, `scenario`) -> where its value comes from, first first."
    )
    html: list[str] = Field(default_factory=list, description="Inputs whose value is HTML.")
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Input -> {the help desk's word: the playbooks' word}, any capitals.",
    )
    keep: list[str] = Field(
        default_factory=list, description="Columns carried into the output for re-import."
    )
    placeholders: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Input -> text the help desk puts in place of what the customer wrote "
        "(a tweet its API withholds); it is taken out, so a value of nothing else is empty.",
    )

    def apply(self, row: Mapping[str, object]) -> dict[str, str]:
        """The inputs this preset finds in one row (empty ones left out)."""
        columns = {str(key).lower(): key for key in row}
        found: dict[str, str] = {}
        for name, sources in self.inputs.items():
            value = ""
            for source in sources:
                values = _values(row, columns, source)
                if values:  # a message gathers every part; a name or a code is one value
                    value = (
                        "\n\n".join(values)
                        if name == "message"
                        else " ".join(values if isinstance(source, Join) else values[:1])
                    )
                    break
            if name in self.html:
                value = html_to_text(value)
            for placeholder in self.placeholders.get(name, []):
                value = value.replace(placeholder, "")
            mapping = self.values.get(name)
            if mapping is not None and value.strip():
                lowered = {key.lower(): word for key, word in mapping.items()}
                value = lowered.get(value.strip().lower(), "")
            if value.strip():
                found[name] = value
        return found

    def columns(self) -> set[str]:
        """Every top-level column the preset reads (for checking a header)."""
        return {_steps(path)[0][0].lower() for sources in self.inputs.values()
                for source in sources for path in _paths(source)}  # fmt: skip


def _paths(source: Source) -> Iterator[str]:
    if isinstance(source, Join):
        for item in source.join:
            yield from _paths(item)
    else:
        yield source


def _values(row: Mapping[str, object], columns: Mapping[str, object], source: Source) -> list[str]:
    """The non-empty texts a source finds, in order."""
    if isinstance(source, Join):
        found = [part for item in source.join for part in _values(row, columns, item)]
        return found[::-1] if source.reverse else found
    texts = (_text(value).strip() for value in lookup(row, columns, source))
    return [text for text in texts if text]


_STEP = re.compile(r"^([^\[\]]+)(?:\[([^\]]*)\])?$")


def _steps(path: str) -> list[tuple[str, str | None]]:
    """`a.b[c=d|e].f` -> [("a", None), ("b", "c=d|e"), ("f", None)]."""
    steps: list[tuple[str, str | None]] = []
    for part in _split(path):
        match = _STEP.match(part)
        if match is None:
            raise RecoveryError(f"`{path}` is not a column or a path", hint="e.g. source.body")
        steps.append((match.group(1), match.group(2)))
    return steps


def _split(path: str) -> list[str]:
    """A path's steps: dots outside brackets separate them."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in path:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "." and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def lookup(row: Mapping[str, object], columns: Mapping[str, object], path: str) -> Iterator[object]:
    """Every value at `path` in a row: a column (any capitals) or a dotted JSON path."""
    if path.lower() in columns:  # a column whose name holds a dot, as CSV headers may
        yield row[str(columns[path.lower()])]
        return
    current: list[object] = [row]
    for index, (name, condition) in enumerate(_steps(path)):
        following: list[object] = []
        for node in current:
            if not isinstance(node, Mapping):
                continue
            keys = columns if index == 0 else {str(key).lower(): key for key in node}
            key = keys.get(name.lower())
            if key is None:
                continue
            value = node[key]
            if condition is None:
                following.append(value)
            elif isinstance(value, list):
                following.extend(item for item in value[:MAX_VALUES] if _holds(item, condition))
            elif _holds(value, condition):
                following.append(value)
        current = following
    yield from current


def _holds(node: object, condition: str) -> bool:
    """`*`, a list index, or `key=value|value` (the key may be a dotted path)."""
    if condition == "*":
        return True
    key, sep, wanted = condition.partition("=")
    if not sep or not isinstance(node, Mapping):
        return False
    values = list(lookup(node, {str(k).lower(): k for k in node}, key.strip()))
    options = {option.strip().lower() for option in wanted.split("|")}
    return any(_text(value).strip().lower() in options for value in values)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


class _Text(HTMLParser):
    """HTML to plain text: paragraphs and line breaks kept, scripts and styles dropped."""

    BREAKS = frozenset({"p", "div", "br", "li", "tr", "blockquote", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.skip += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """The text a person reads in an HTML message."""
    if "<" not in value and "&" not in value:
        return value
    parser = _Text()
    parser.feed(value)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def load_preset(name: str) -> Preset:
    """A shipped preset by name, or a team's preset file by path."""
    shipped = Path(__file__).resolve().parent / "presets" / f"{name}.yaml"
    path = shipped if shipped.is_file() else Path(name)
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in shipped.parent.glob("*.yaml")))
        raise RecoveryError(
            f"no preset `{name}`",
            location=Location(name),
            hint=f"use one of: {known}, or the path of a preset file of your own",
        )
    data, positions = read_document(path)
    return build(Preset, data, positions, str(path), "preset")
