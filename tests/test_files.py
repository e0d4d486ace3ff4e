"""The file primitives: which names reach one file, and outputs kept off files read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.files import refuse_overwriting, same_file


def test_same_file_sees_through_spellings_and_links(tmp_path: Path) -> None:
    original = tmp_path / "in.jsonl"
    original.write_text("{}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    os.link(original, tmp_path / "hard.jsonl")
    (tmp_path / "soft.jsonl").symlink_to(original)
    for other in ("sub/../in.jsonl", "hard.jsonl", "soft.jsonl"):
        assert same_file(original, tmp_path / other), other
    assert not same_file(original, tmp_path / "missing.jsonl")


def test_refuse_overwriting_names_what_the_file_is(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("{}", encoding="utf-8")
    os.link(answers, tmp_path / "copy.json")
    with pytest.raises(RecoveryError, match="the answers file"):
        refuse_overwriting(tmp_path / "copy.json", {answers: "the answers file"}, what="it")
    refuse_overwriting(tmp_path / "other.json", {answers: "the answers file"}, what="it")
