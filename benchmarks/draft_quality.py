"""How good the drafts are: every shipped playbook rendered every way it can be, then read.

Drafts every scenario (every playbook of `Library.configured()`) x channel (email, chat,
social, phone) x severity (low, medium, high) x answer branch (every combination of answers
to the playbook's questions, at most `--cap` per playbook, sampled deterministically when
there are more, plus an unattended run that answers nothing, so the playbook's defaults are
taken as `recovery batch` and `recovery run --no-input` do) x value set (realistic values,
and awkward ones an agent or a help desk really types: a full or accented name, no name,
empty optional inputs, trailing and doubled full stops, ALL CAPS, a capital at the start,
a 300-character stake, a third-person agent note, the customer's own first-person words, a
bare noun phrase). Each row goes through the batch API (`draft_row`), so the draft is the
one a batch would write.

It then reads the drafts and prints:

- per channel: drafts, length (min, median, p90, max characters), how many are over the
  channel's limit (social 280, chat 700), and Flesch reading ease (mean and lowest; the
  syllables are counted with a simple vowel-group heuristic);
- names: how often the customer's name (or first name) appears, drafts that use it more
  than once, drafts that greet with the full name where the first name would do;
- sentences repeated word for word (the customer's name aside) in drafts of 3 or more
  different scenarios, openings and closings marked;
- unconfirmed claims ("I have refunded...") in unattended drafts, which nobody reviewed;
- findings of the principle checks per check id and severity;
- template residue (`{{`, `{%`, `}}`, None, undefined, doubled spaces, "..", " ,", " .",
  a lower-case sentence start, a hole such as "I know .");
- garbled inserted values (an agent's note or a bare phrase after "I know", a value with
  ".." or ". ," once inserted, a shouted value still shouting, a capital mid-sentence, the
  customer's "I"/"my" left as typed);
- the stakes said more than once in one draft.

It is a measure, not a test: it exits 0 whatever it finds (2 if the library does not load).

    python benchmarks/draft_quality.py            # everything (about 12,000 drafts)
    python benchmarks/draft_quality.py --quick    # one severity, fewer value sets
    python benchmarks/draft_quality.py --show 10  # and ten drafts with problems
    python benchmarks/draft_quality.py --json     # the figures as JSON
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.draft import draft_row
from recovery_cli.batch.record import Record
from recovery_cli.checks.claims import claims
from recovery_cli.errors import RecoveryError
from recovery_cli.library import Library
from recovery_cli.playbook.inputs import clean_value
from recovery_cli.playbook.models import Input, Playbook
from recovery_cli.playbook.names import parse_name
from recovery_cli.playbook.reply import ANSWERED, LIMITS
from recovery_cli.playbook.values import tidy

CHANNELS = ("email", "chat", "social", "phone")
SEVERITIES = ("low", "medium", "high")
UNATTENDED = "unattended"
REPEATED_IN = 3
"""A sentence found in drafts of this many different scenarios counts as repeated."""

MESSAGE = "I was promised this would be sorted days ago and nothing has happened. What now?"
LONG_STAKES = (
    "you had arranged for your elderly mother to stay with you for the week, booked time off "
    "work to look after her, cancelled two appointments of your own, told the carers they "
    "would not be needed, and planned every day around this being in place by Monday morning "
    "as we said it would be"
)
AGENT_NOTE = "Customer is a pensioner and needs the money."
AGENT_ISSUE = "Customer says the order never arrived and nobody called back."
CUSTOMER_STAKES = "I need it for my son's birthday!!"
CUSTOMER_ISSUE = "I've been waiting THREE WEEKS and nobody answers!!"

# Inputs whose value the awkward sets change; the rest keep their realistic value.
PHRASES = ("issue", "promised", "partner", "next_update")


def _with(**changes: str) -> Callable[[dict[str, str]], dict[str, str]]:
    def change(values: dict[str, str]) -> dict[str, str]:
        return {**values, **{name: value for name, value in changes.items() if name in values}}

    return change


def _each(
    names: Sequence[str], how: Callable[[str], str]
) -> Callable[[dict[str, str]], dict[str, str]]:
    def change(values: dict[str, str]) -> dict[str, str]:
        return {
            name: how(value) if name in names and value else value for name, value in values.items()
        }

    return change


def _only_required(values: dict[str, str]) -> dict[str, str]:
    return {name: value if name == "customer_name" else "" for name, value in values.items()}


def _doubled(values: dict[str, str]) -> dict[str, str]:
    stops = _each((*PHRASES, "stakes"), lambda value: value + ".")(values)
    for name in ("issue", "stakes"):
        if stops.get(name):
            stops[name] += "."
    return stops


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


VALUE_SETS: dict[str, Callable[[dict[str, str]], dict[str, str]]] = {
    "realistic": lambda values: values,
    "accented-name": _with(customer_name="Zoë O'Brien-Smith"),
    "no-name": _with(customer_name=""),
    "empty-optional": _only_required,
    "full-stops": _doubled,
    "all-caps": _each(("customer_name", *PHRASES, "stakes"), str.upper),
    "capitalised": _each((*PHRASES, "stakes"), _capital),
    "long-stakes": _with(stakes=LONG_STAKES),
    "agent-note": _with(stakes=AGENT_NOTE, issue=AGENT_ISSUE),
    "customer-words": _with(stakes=CUSTOMER_STAKES, issue=CUSTOMER_ISSUE),
    "bare-occasion": _with(stakes="job interview"),
    "bare-fragment": _with(stakes="rent due Friday"),
}
QUICK_SETS = ("realistic", "no-name", "full-stops", "all-caps", "agent-note", "customer-words")

REALISTIC = {
    "customer_name": "Dana Whitfield",
    "message": MESSAGE,
    "reference": "order 99102",
    "amount": "£49.99",
    "waited": "three weeks",
    "times": "the third time",
}


@dataclass
class Case:
    """One row drafted: what went in, what came out and what is wrong with it."""

    scenario: str
    channel: str
    severity: str
    branch: str
    value_set: str
    values: dict[str, str]
    inserted: dict[str, str]
    """Each value as the templates receive it (tidied for its kind by the project)."""
    record: Record
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def draft(self) -> str:
        return self.record.draft or ""

    def label(self) -> str:
        return (
            f"{self.scenario} / {self.channel} / {self.severity} / {self.branch} / {self.value_set}"
        )


def realistic_values(specs: Sequence[Input]) -> dict[str, str]:
    """A value for every declared input, as a careful agent would fill the form."""
    values: dict[str, str] = {}
    for spec in specs:
        if spec.name in ("channel", "severity"):
            continue
        if spec.name in ANSWERED:  # sorry for a death or harm, how they asked to be reached:
            values[spec.name] = ""  # the same lines everywhere, said only when told of them
            continue
        values[spec.name] = REALISTIC.get(spec.name) or spec.example or spec.default or ""
    return values


def as_inserted(specs: Sequence[Input], values: dict[str, str]) -> dict[str, str]:
    """The values the templates see: each tidied by the project as its kind says."""
    inserted: dict[str, str] = {}
    for spec in specs:
        if spec.name in values:
            try:
                inserted[spec.name] = clean_value(spec, values[spec.name])
            except RecoveryError:
                inserted[spec.name] = ""
    return inserted


def branches(playbook: Playbook, cap: int, seed: int = 7) -> list[tuple[str, dict[str, str]]]:
    """Every combination of answers (a deterministic sample of `cap` when there are more,
    the defaults always among them), then the unattended run that answers nothing."""
    questions = playbook.questions()
    combos = [
        dict(zip([q.id for q in questions], answers, strict=True))
        for answers in itertools.product(*(list(q.choices) for q in questions))
    ]
    if len(combos) > cap:
        defaults = {q.id: q.default for q in questions}
        rest = [combo for combo in combos if combo != defaults]
        combos = [defaults, *random.Random(f"{seed}:{playbook.id}").sample(rest, cap - 1)]
    named = [(",".join(f"{k}={v}" for k, v in combo.items()) or "-", combo) for combo in combos]
    return [*named, (UNATTENDED, {})]


# ---------------------------------------------------------------- reading the drafts

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWELS = re.compile(r"[aeiouy]+")
RESIDUE: dict[str, re.Pattern[str]] = {
    "{{": re.compile(r"\{\{"),
    "{%": re.compile(r"\{%"),
    "}}": re.compile(r"\}\}|%\}"),
    "None": re.compile(r"\bNone\b(?! of)"),
    "undefined": re.compile(r"\bundefined\b|\bnull\b"),
    "doubled space": re.compile(r"[^\s] {2,}[^\s]"),
    "..": re.compile(r"(?<!\.)\.\.(?!\.)|\.\.\."),
    "' ,'": re.compile(r" ,"),
    "space before full stop": re.compile(r"\w \.(?!\w)"),
    "stray punctuation": re.compile(r"[.!?][,;:]|,[.,]|;[.;]|:[.:]|[!?][.]|\.[!?]"),
    "lower-case sentence start": re.compile(
        r"(?:^|\n|(?<!\b[eia]\.[gem])(?<!\b[ap]\.m)[.!?] )(?=[a-z])"
    ),
    "hole": re.compile(
        r"\b(?:I know|because|since|the|an|your|our|my|of|and|by|until)"
        r"\s*[.,;:!?](?!\w)"
    ),
}
_I_KNOW = re.compile(r"\bI know,? (\S+)")
_CLAUSE_START = {
    "you", "your", "you're", "you've", "you'd", "you'll", "it", "it's", "this", "that",
    "how", "what", "why", "when", "the", "we", "there", "they", "these", "those", "our",
    "a", "an", "from", "about", "yours", "we've", "we're", "that's", "there's", "i",
    "i'm", "i've", "what's", "just", "too", "only", "so",
}  # fmt: skip
_SHOUT = re.compile(r"\b[A-Z][A-Z'’-]+(?:[ ,]+[A-Z][A-Z'’-]+)+\b")
_GARBLES: dict[str, re.Pattern[str]] = {
    "agent's third person": re.compile(
        r"\b[Cc]ustomer (?:is|says|said|was|has|needs|wants)\b"
        r"|\b(?:I know|since|as|because|that|if) you (?:is|was|needs|says|has|wants)\b"
    ),
    "customer's first person": re.compile(r"\bI need it\b|\bmy son'?s\b|\bI've been waiting\b"),
    "exclamations": re.compile(r"!!"),
}


def sentences(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n"):
        found.extend(part.strip() for part in _SENTENCE_END.split(paragraph) if part.strip())
    return found


def syllables(word: str) -> int:
    """A simple heuristic: vowel groups, less a silent final e, at least one."""
    word = word.lower().strip("'’-")
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(count, 1)


def flesch(text: str) -> float | None:
    """Flesch reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word."""
    words = _WORDS.findall(text)
    parts = sentences(text)
    if not words or not parts:
        return None
    total = sum(syllables(word) for word in words)
    return 206.835 - 1.015 * len(words) / len(parts) - 84.6 * total / len(words)


def count_words(text: str, phrase: str) -> int:
    if not phrase:
        return 0
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.I))


def examine(case: Case) -> dict[str, Any]:
    """Find what is wrong with one draft; record it on the case and return the figures."""
    text = case.draft
    problems = case.problems
    limit = LIMITS.get(case.channel)
    if limit is not None and len(text) > limit:
        problems.append(("over limit", f"{len(text)} characters (limit {limit})"))
    for kind, pattern in RESIDUE.items():
        match = pattern.search(text)
        if match:
            problems.append((f"residue: {kind}", _around(text, match.start(), match.end())))
    for match in _I_KNOW.finditer(text):
        if match.group(1).lower().strip(",.") not in _CLAUSE_START:
            problems.append(("garbled: I know + not a clause", _around(text, *match.span())))
            break
    for kind, pattern in _GARBLES.items():
        match = pattern.search(text)
        if match:
            problems.append((f"garbled: {kind}", _around(text, match.start(), match.end())))
    shout = _SHOUT.search(text)
    if shout:
        problems.append(("garbled: still shouting", _around(text, *shout.span())))
    if case.value_set == "capitalised":
        for name in (*PHRASES, "stakes"):
            value = tidy(case.values.get(name, ""))
            head = " ".join(value.split()[:2])
            if not head or not head[0].isupper():
                continue
            mid = re.search(rf"[a-z,;:] {re.escape(head)}\b", text)
            if mid:
                problems.append(("garbled: capital mid-sentence", _around(text, *mid.span())))
                break

    name = parse_name(case.values.get("customer_name"))
    mentions = count_words(text, name.first) if name.known else 0
    full = count_words(text, name.full) if name.known and name.full != name.first else 0
    greeting = text.split("\n", 1)[0].split(",", 1)[0]
    full_greeting = bool(full) and count_words(greeting, name.full) > 0
    if mentions > 1:
        problems.append(("name more than once", f"{mentions} times"))
    if full_greeting:
        problems.append(("greets with full name", greeting))

    probe = case.inserted.get("stakes", "")[:40]
    stakes_times = count_words(text, probe) if probe else 0
    if stakes_times > 1:
        problems.append(("stakes said more than once", f"{stakes_times} times: {probe}..."))

    found_claims = [claim.words for claim in claims(text)] if case.branch == UNATTENDED else []
    if found_claims:
        problems.append(("unconfirmed claim (unattended)", "; ".join(found_claims)))
    for finding in case.record.findings:
        if finding.severity == "error":
            problems.append((f"check error: {_check(finding)}", finding.message))
    return {
        "mentions": mentions,
        "full": full,
        "full_greeting": full_greeting,
        "claims": found_claims,
        "stakes_times": stakes_times,
        "flesch": flesch(text),
    }


def _check(finding: Any) -> str:
    return str(getattr(finding, "check", None) or finding.principle)


def _around(text: str, start: int, end: int, margin: int = 30) -> str:
    left = max(0, start - margin)
    right = min(len(text), end + margin)
    snippet = text[left:right].replace("\n", " / ")
    return ("..." if left else "") + snippet + ("..." if right < len(text) else "")


def percentile(values: Sequence[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# ---------------------------------------------------------------- running and reporting


def draft_all(
    context: BatchContext, *, severities: Sequence[str], value_sets: Sequence[str], cap: int
) -> tuple[list[Case], Counter[str], list[str]]:
    cases: list[Case] = []
    rejected: Counter[str] = Counter()
    rejected_examples: list[str] = []
    number = 0
    for scenario in sorted(context.playbooks):
        playbook = context.playbooks[scenario]
        base = realistic_values(context.specs[scenario])
        answer_sets = branches(playbook, cap)
        for set_name in value_sets:
            values = VALUE_SETS[set_name](dict(base))
            inserted = as_inserted(context.specs[scenario], values)
            for channel, severity, (branch, answers) in itertools.product(
                CHANNELS, severities, answer_sets
            ):
                number += 1
                row = {"scenario": scenario, **values, "channel": channel, "severity": severity}
                row.update(answers)
                outcome = draft_row(context, number, row)
                if not isinstance(outcome, Record) or outcome.draft is None:
                    if isinstance(outcome, Record):
                        kind, reason = outcome.status, f"no draft ({outcome.status})"
                    else:
                        kind, reason = outcome.kind, outcome.reason
                    rejected[f"{set_name}: {kind}"] += 1
                    if len(rejected_examples) < 5 and reason not in str(rejected_examples):
                        rejected_examples.append(f"{scenario} ({set_name}): {reason}")
                    continue
                cases.append(
                    Case(scenario, channel, severity, branch, set_name, values, inserted, outcome)
                )
    return cases, rejected, rejected_examples


def measure(cases: list[Case], top: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    per_case = [examine(case) for case in cases]

    channels: dict[str, Any] = {}
    for channel in CHANNELS:
        chosen = [
            (case, fig) for case, fig in zip(cases, per_case, strict=True)
            if case.channel == channel
        ]  # fmt: skip
        if not chosen:
            continue
        lengths = [len(case.draft) for case, _ in chosen]
        limit = LIMITS.get(channel)
        scores = [(fig["flesch"], case) for case, fig in chosen if fig["flesch"] is not None]
        lowest, lowest_case = min(scores, key=lambda pair: pair[0])
        channels[channel] = {
            "drafts": len(chosen),
            "min": min(lengths),
            "median": int(statistics.median(lengths)),
            "p90": percentile(lengths, 0.9),
            "max": max(lengths),
            "limit": limit,
            "over_limit": sum(length > limit for length in lengths) if limit else 0,
            "flesch_mean": round(statistics.fmean(score for score, _ in scores), 1),
            "flesch_min": round(lowest, 1),
            "flesch_min_case": lowest_case.label(),
        }
    figures["channels"] = channels

    named = [(case, fig) for case, fig in zip(cases, per_case, strict=True) if fig["mentions"]]
    with_name = [
        case for case in cases if parse_name(case.values.get("customer_name")).known
    ]  # fmt: skip
    mentions = Counter(fig["mentions"] for _, fig in named)
    figures["names"] = {
        "drafts_with_a_name_given": len(with_name),
        "drafts_naming_the_customer": len(named),
        "mentions_histogram": {str(k): v for k, v in sorted(mentions.items())},
        "more_than_once": sum(fig["mentions"] > 1 for _, fig in named),
        "full_name_anywhere": sum(fig["full"] > 0 for _, fig in named),
        "full_name_greeting": sum(fig["full_greeting"] for _, fig in named),
        "full_name_greeting_scenarios": sorted(
            {case.scenario for case, fig in named if fig["full_greeting"]}
        ),
    }

    seen: dict[str, set[str]] = defaultdict(set)
    drafts_with: Counter[str] = Counter()
    where: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        parts = sentences(generic(case))
        for index, sentence in enumerate(dict.fromkeys(parts)):
            if len(sentence.split()) < 3:
                continue
            seen[sentence].add(case.scenario)
            drafts_with[sentence] += 1
            position = "opening" if index == 0 else "closing" if index == len(parts) - 1 else ""
            if position:
                where[sentence][position] += 1
    repeated = sorted(
        (s for s, scenarios in seen.items() if len(scenarios) >= REPEATED_IN),
        key=lambda s: (-len(seen[s]), -drafts_with[s], s),
    )
    figures["repeated_sentences"] = {
        "count": len(repeated),
        "openings": sum(bool(where[s]["opening"]) for s in repeated),
        "top": [
            {
                "sentence": s,
                "scenarios": len(seen[s]),
                "drafts": drafts_with[s],
                "as_opening": where[s]["opening"],
                "as_closing": where[s]["closing"],
            }
            for s in repeated[:top]
        ],
    }

    unattended = [
        (case, fig) for case, fig in zip(cases, per_case, strict=True)
        if case.branch == UNATTENDED
    ]  # fmt: skip
    claimed = [(case, fig) for case, fig in unattended if fig["claims"]]
    words: Counter[str] = Counter(w.lower() for _, fig in claimed for w in fig["claims"])
    by_scenario: Counter[str] = Counter(case.scenario for case, _ in claimed)
    examples: dict[str, str] = {}
    sentences_seen: set[str] = set()
    for case, fig in claimed:
        for claim in fig["claims"]:
            sentence = _claim_sentence(case, claim)
            if claim.lower() not in examples and sentence not in sentences_seen:
                sentences_seen.add(sentence)
                examples[claim.lower()] = f"{case.label()}: [{claim}] {sentence}"
    figures["unattended_claims"] = {
        "unattended_drafts": len(unattended),
        "with_claims": len(claimed),
        "scenarios": dict(by_scenario.most_common()),
        "claims": dict(words.most_common(top)),
        "examples": [examples[w] for w, _ in words.most_common() if w in examples][:top],
    }

    checks: Counter[tuple[str, str]] = Counter()
    check_scenarios: dict[tuple[str, str], set[str]] = defaultdict(set)
    for case in cases:
        for key in {(_check(f), f.severity) for f in case.record.findings}:
            checks[key] += 1
            check_scenarios[key].add(case.scenario)
    figures["findings"] = [
        {
            "check": check,
            "severity": severity,
            "drafts": count,
            "scenarios": sorted(check_scenarios[check, severity]),
        }
        for (check, severity), count in sorted(checks.items(), key=lambda kv: (-kv[1], kv[0]))
        if severity in ("error", "warning")
    ]
    figures["drafts_with_error_findings"] = sum(
        any(f.severity == "error" for f in case.record.findings) for case in cases
    )

    problems: dict[str, dict[str, Any]] = {}
    for case in cases:
        for kind, detail in dict(case.problems).items():
            entry = problems.setdefault(
                kind,
                {"drafts": 0, "value_sets": Counter(), "scenarios": Counter(), "example": ""},
            )
            entry["drafts"] += 1
            entry["value_sets"][case.value_set] += 1
            entry["scenarios"][case.scenario] += 1
            if not entry["example"]:
                entry["example"] = f"{case.label()}: {detail}"
    figures["problems"] = {
        kind: {
            "drafts": entry["drafts"],
            "scenarios": len(entry["scenarios"]),
            "by_scenario": dict(entry["scenarios"].most_common()),
            "value_sets": dict(entry["value_sets"].most_common()),
            "example": entry["example"],
        }
        for kind, entry in sorted(problems.items(), key=lambda kv: (-kv[1]["drafts"], kv[0]))
    }
    stakes_cases = [(c, f) for c, f in zip(cases, per_case, strict=True) if f["stakes_times"]]
    figures["stakes"] = {
        "drafts_with_stakes": len(stakes_cases),
        "said_more_than_once": sum(f["stakes_times"] > 1 for _, f in stakes_cases),
        "scenarios": sorted({c.scenario for c, f in stakes_cases if f["stakes_times"] > 1}),
    }
    figures["drafts_with_problems"] = sum(bool(case.problems) for case in cases)
    return figures


def generic(case: Case) -> str:
    """The draft with the customer's name and every inserted value replaced by its input's
    name, so sentences that differ only in what was typed compare equal."""
    name = parse_name(case.values.get("customer_name"))
    found = [(part, "<name>") for part in (name.full, name.first) if part]
    found += [(value, f"<{key}>") for key, value in case.inserted.items() if len(value) > 3]
    text = case.draft
    for value, placeholder in sorted(found, key=lambda pair: -len(pair[0])):
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", placeholder, text, flags=re.I)
    return text


def _claim_sentence(case: Case, words: str) -> str:
    for sentence in sentences(case.draft):
        if words in sentence:
            return sentence
    return words


def report(figures: dict[str, Any], cases: list[Case], top: int) -> None:
    print(
        f"\n{'channel':<8} {'drafts':>6} {'min':>5} {'median':>6} {'p90':>5} {'max':>5} "
        f"{'limit':>5} {'over':>5} {'flesch':>7} {'lowest':>7}"
    )
    for channel, c in figures["channels"].items():
        print(
            f"{channel:<8} {c['drafts']:>6} {c['min']:>5} {c['median']:>6} {c['p90']:>5} "
            f"{c['max']:>5} {c['limit'] or '-':>5} {c['over_limit']:>5} "
            f"{c['flesch_mean']:>7.1f} {c['flesch_min']:>7.1f}"
        )
    for channel, c in figures["channels"].items():
        print(f"  hardest {channel}: {c['flesch_min_case']}")

    n = figures["names"]
    print(
        f"\nnames: {n['drafts_naming_the_customer']} of {n['drafts_with_a_name_given']} drafts "
        f"given a name use it; times used {n['mentions_histogram']}"
    )
    print(
        f"  more than once: {n['more_than_once']}; full name anywhere: "
        f"{n['full_name_anywhere']}; greets with the full name: {n['full_name_greeting']} "
        f"({len(n['full_name_greeting_scenarios'])} scenarios)"
    )

    r = figures["repeated_sentences"]
    print(
        f"\nsentences word for word in drafts of {REPEATED_IN}+ scenarios: {r['count']} "
        f"({r['openings']} of them open a draft)"
    )
    print(f"  {'scen':>4} {'drafts':>6} {'open':>5} {'close':>5}  sentence")
    for item in r["top"]:
        print(
            f"  {item['scenarios']:>4} {item['drafts']:>6} {item['as_opening']:>5} "
            f"{item['as_closing']:>5}  {_short(item['sentence'], 110)}"
        )

    u = figures["unattended_claims"]
    print(
        f"\nunconfirmed claims in unattended drafts: {u['with_claims']} of "
        f"{u['unattended_drafts']} ({len(u['scenarios'])} scenarios)"
    )
    for scenario, count in u["scenarios"].items():
        print(f"  {scenario:<24} {count:>5}")
    for example in u["examples"]:
        print(f"  e.g. {_short(example, 200)}")

    print(
        f"\nprinciple-check findings (drafts; {figures['drafts_with_error_findings']} drafts "
        f"with an error):"
    )
    print(f"  {'check':<34} {'severity':<8} {'drafts':>6} {'scen':>4}")
    for item in figures["findings"]:
        print(
            f"  {item['check']:<34} {item['severity']:<8} {item['drafts']:>6} "
            f"{len(item['scenarios']):>4}"
        )

    s = figures["stakes"]
    print(
        f"\nstakes said more than once: {s['said_more_than_once']} of "
        f"{s['drafts_with_stakes']} drafts that say them ({', '.join(s['scenarios']) or '-'})"
    )

    print(f"\nproblems ({figures['drafts_with_problems']} of {len(cases)} drafts have any):")
    print(f"  {'problem':<40} {'drafts':>6} {'scen':>4}  value sets")
    for kind, item in figures["problems"].items():
        sets = ", ".join(f"{k} {v}" for k, v in list(item["value_sets"].items())[:4])
        print(f"  {kind:<40} {item['drafts']:>6} {item['scenarios']:>4}  {_short(sets, 70)}")
    print("\nfirst example of each problem:")
    for kind, item in figures["problems"].items():
        print(f"  {kind}: {_short(item['example'], 220)}")
        worst = ", ".join(f"{k} {v}" for k, v in list(item["by_scenario"].items())[:4])
        print(f"    most in: {worst}")


def show(cases: list[Case], count: int) -> None:
    """`count` drafts with problems, the rarest kinds of problem first, one per kind."""
    if count <= 0:
        return
    kinds: Counter[str] = Counter(kind for case in cases for kind, _ in case.problems)
    chosen: list[Case] = []
    for kind, _ in sorted(kinds.items(), key=lambda kv: kv[1]):
        for case in cases:
            if case not in chosen and any(k == kind for k, _ in case.problems):
                chosen.append(case)
                break
        if len(chosen) >= count:
            break
    for case in chosen:
        print(f"\n=== {case.label()}")
        for kind, detail in case.problems:
            print(f"  ! {kind}: {_short(detail, 160)}")
        for line in case.draft.splitlines():
            print(f"  | {line}")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="one severity, six value sets, 8 branches"
    )
    parser.add_argument("--cap", type=int, default=64, help="most answer combinations per book")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N bad drafts")
    parser.add_argument("--top", type=int, default=8, help="rows in the top-N lists")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    try:
        context = BatchContext.from_library(Library.configured())
    except RecoveryError as exc:
        print(f"the library does not load: {exc.describe()}", file=sys.stderr)
        return 2
    severities = ("high",) if args.quick else SEVERITIES
    value_sets = QUICK_SETS if args.quick else tuple(VALUE_SETS)
    cap = min(args.cap, 8) if args.quick else args.cap
    started = time.perf_counter()
    cases, rejected, rejected_examples = draft_all(
        context, severities=severities, value_sets=value_sets, cap=cap
    )
    seconds = time.perf_counter() - started
    figures = measure(cases, args.top)
    figures["run"] = {
        "playbooks": len(context.playbooks),
        "value_sets": list(value_sets),
        "severities": list(severities),
        "drafts": len(cases),
        "rejected": dict(rejected),
        "rejected_examples": rejected_examples,
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    run = figures["run"]
    print(
        f"{run['playbooks']} playbooks x {len(CHANNELS)} channels x {len(severities)} "
        f"severities x answer branches (+ unattended) x {len(value_sets)} value sets: "
        f"{len(cases)} drafts, {sum(rejected.values())} rows rejected, in {seconds:.1f} s"
    )
    for kind, count in rejected.items():
        print(f"  rejected {kind}: {count}")
    for example in rejected_examples:
        print(f"  e.g. {_short(example, 150)}")
    report(figures, cases, args.top)
    show(cases, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
