"""The format of `checks.yaml`: cues, checks and their examples, as pydantic models.

A trainer writes patterns as readable lower-case regexes with `{cue}` lists; `compiler`
turns validated specs into matchers, every problem located in the file.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from recovery_cli.playbook.models import Slug

Severity = Literal["error", "warning"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CueSpec(_Strict):
    """A named list of patterns: inserted with `{name}`, or a context for `unless_*`."""

    description: str = ""
    reach: Literal["clause", "sentence"] = Field(
        default="clause", description="How far `unless_before` and `unless_after` look."
    )
    extend: StrictBool = Field(
        default=False, description="Add to an earlier cue of this name instead of replacing it."
    )
    patterns: list[str] = Field(min_length=1)


class Example(_Strict):
    """A reply to test a check on, when it needs the customer's name or is a mid-line."""

    text: str = Field(min_length=1)
    name: str | None = None
    opening: StrictBool = True


class Examples(_Strict):
    flag: list[str | Example] = Field(default_factory=list, description="Text it must flag.")
    pass_: list[str | Example] = Field(
        default_factory=list, alias="pass", description="Text it must not flag."
    )


class CheckSpec(_Strict):
    """One check: the phrases that break a principle, and when they do not."""

    id: Slug
    principle: Slug
    kind: Literal["phrase", "opening", "name"] = "phrase"
    severity: Severity = "error"
    enabled: StrictBool = True
    description: str = Field(min_length=1, max_length=200)
    message: str = Field(min_length=1)
    hint: str = Field(min_length=1)
    patterns: list[str] = Field(default_factory=list)
    quotes: Literal["skip", "check"] = "skip"
    unless_before: dict[str, int] = Field(default_factory=dict)
    unless_after: dict[str, int] = Field(default_factory=dict)
    unless_in_sentence: list[str] = Field(default_factory=list)
    unless_in_reply: list[str] = Field(default_factory=list)
    acknowledgement: list[str] = Field(default_factory=list)
    skip: list[str] = Field(default_factory=list)
    sentences: int = Field(default=2, ge=1, le=20)
    analysis_checks: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)


class ChecksFile(_Strict):
    """The contents of a `checks.yaml`."""

    clause_breaks: str | None = None
    sentence_breaks: str | None = None
    quoted_spans: list[str] | None = None
    cues: dict[str, CueSpec] = Field(default_factory=dict)
    checks: list[CheckSpec] = Field(default_factory=list)
