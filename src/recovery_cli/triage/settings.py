"""What a trainer tunes in `triage.yaml`: the routine vocabulary, spellings, stop words, points."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from recovery_cli.documents import build, read_document
from recovery_cli.errors import Location, RecoveryError
from recovery_cli.library import TRIAGE_FILE, Library, files_named
from recovery_cli.playbook.models import Strict
from recovery_cli.triage.normalise import TOKEN, fold


class Vocabulary(Strict):
    """Phrases and words that mark a message as a routine request, not a failure."""

    phrases: list[str] = Field(default_factory=list, description="Multi-word phrases.")
    words: list[str] = Field(default_factory=list, description="Single telling words.")


class TriageSettings(Strict):
    """The contents of `triage.yaml`: what a trainer tunes without touching code."""

    routine: Vocabulary = Field(
        default_factory=Vocabulary, description="What routine requests (no failure) say."
    )
    variants: dict[str, str] = Field(
        default_factory=dict,
        description="A spelling customers use -> the word triggers use, e.g. `refnd: refund`.",
    )
    stop_words: list[str] = Field(
        default_factory=list, description="Words ignored in messages and triggers alike."
    )
    word_points: float = Field(default=1.0, gt=0, description="Points for a matched word.")
    phrase_points: float = Field(default=1.5, gt=0, description="Points per word of a phrase.")
    routine_points: float = Field(default=0.5, gt=0, description="Multiplies routine points.")
    routine_head_start: float = Field(
        default=0.5, ge=0, description="Routine's points before any match: a scenario must beat it."
    )
    phrase_gap: int = Field(default=1, ge=0, le=5, description="Other words among a phrase's.")
    typo_min_length: int = Field(default=5, ge=3, description="Shorter words are not typos.")
    not_typos: list[str] = Field(
        default_factory=list, description="Real words one letter from a trigger word: kept."
    )
    candidates: int = Field(default=3, ge=0, le=20, description="How many runners-up to keep.")
    negations: list[str] = Field(
        default_factory=list,
        description="Words that cancel the trigger right after them: `not` in 'not broken'.",
    )
    negation_reach: int = Field(
        default=1, ge=1, le=3, description="How many words before a trigger a negation reaches."
    )
    negation_skip: int = Field(
        default=2,
        ge=0,
        le=10,
        description="Most ignored words between a negation and the trigger it cancels.",
    )
    failure_cues: Vocabulary = Field(
        default_factory=Vocabulary,
        description="Signs that something went wrong, whatever it was: `still`, `again`.",
    )
    failure_states: Vocabulary = Field(
        default_factory=Vocabulary,
        description="Words that state a failure in general terms (`broken`, `freezes`): a "
        "weak word in their clause counts in full.",
    )
    cue_points: float = Field(
        default=0.5, ge=0, description="Points each failure cue adds to the leading playbook."
    )
    speaker_labels: list[str] = Field(
        default_factory=list,
        description="Who speaks at the start of a line ('Agent 16:20:', 'Customer:'): not read.",
    )
    salutations: list[str] = Field(
        default_factory=list,
        description="Words opening a letter's salutation ('Dear'): the salutation is not read.",
    )
    quoted_points: float = Field(
        default=1.0,
        ge=0,
        le=1,
        description="Multiplies the points of a trigger inside quotation marks or a `>` line.",
    )
    weak_words: list[str] = Field(
        default_factory=list,
        description="Words that name a topic, not a failure (`app`, `engineer`): weak evidence.",
    )
    weak_points: float = Field(
        default=0.5, ge=0, description="Points for a trigger made only of weak words."
    )
    span_points: float = Field(
        default=1.0,
        ge=0,
        description="Points for a trigger with `...` ('ordered ... got'): a structure, not words.",
    )
    span_reach: int = Field(
        default=8, ge=1, le=30, description="Most words the `...` of a trigger stands for."
    )
    complaint_routine_points: float = Field(
        default=1.0,
        ge=0,
        le=1,
        description="Multiplies routine's vocabulary points once a failure cue is found.",
    )
    idioms: list[str] = Field(
        default_factory=list,
        description="Phrases whose words mean something else together ('my late husband', "
        "'late checkout'): no one-word trigger, failure state or cue reads a word of theirs.",
    )
    learnt_points: float = Field(
        default=1.5,
        ge=0,
        le=2,
        description="Weight of the vote learnt from labelled messages (`triage-learnt.json`), "
        "added to each playbook's share of the trigger points; 0 triages by triggers alone.",
    )
    priors: dict[str, float] = Field(
        default_factory=dict,
        description="Points a playbook (by id) earns on top once one of its own triggers matched.",
    )

    @field_validator("variants")
    @classmethod
    def _one_word_keys(cls, value: dict[str, str]) -> dict[str, str]:
        for key, target in value.items():
            if len(TOKEN.findall(fold(key))) != 1:
                raise ValueError(f"variant `{key}` must be a single word")
            if not TOKEN.findall(fold(target)):
                raise ValueError(f"variant `{key}` must map to a word")
        return value


def load_settings(path: Path) -> TriageSettings:
    """Read a `triage.yaml`; every mistake is reported with its line and field."""
    data, positions = read_document(path)
    if data is None:
        return TriageSettings()
    if not isinstance(data, dict):
        raise RecoveryError(
            "triage settings must be a mapping of keys",
            location=Location(str(path), 1, 1),
            hint="start with `routine:`, `variants:` or `stop_words:`",
        )
    return build(TriageSettings, data, positions, str(path), "triage settings file")


def settings_for(library: Library) -> TriageSettings:
    """The last `triage.yaml` among the library's folders wins, as playbooks override."""
    found = files_named(TRIAGE_FILE, library.dirs)
    return load_settings(found[-1]) if found else TriageSettings()
