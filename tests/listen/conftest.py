"""Fixtures for reading customers' messages: the labelled development set and a compiled triage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from recovery_cli.library import Library, shipped_dir
from recovery_cli.triage import Triage

DEV_SET = Path(__file__).resolve().parents[1] / "corpus" / "messages" / "dev.yaml"


@pytest.fixture(scope="session")
def dev_messages() -> list[dict[str, Any]]:
    """The labelled development messages (tests/corpus/messages/dev.yaml)."""
    items: list[dict[str, Any]] = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))
    return items


@pytest.fixture(scope="session")
def english_messages(dev_messages: list[dict[str, Any]]) -> list[str]:
    """The text of every English development message."""
    return [str(item["text"]) for item in dev_messages if item["language"] == "en"]


@pytest.fixture(scope="session")
def library() -> Library:
    """The shipped playbook library."""
    return Library([shipped_dir()])


@pytest.fixture(scope="session")
def triage(library: Library) -> Triage:
    """Triage compiled once for the shipped library."""
    return Triage.from_library(library)
