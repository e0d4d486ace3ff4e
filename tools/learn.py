"""Build the learnt counts from the labelled development messages.

Two naive Bayes votes (`recovery_cli.triage.bayes`) learn from the development sets in
tests/corpus/messages/:

- `playbooks/triage-learnt.json`: for each playbook (and routine), the words of the
  messages labelled with it; triage adds its vote to the trigger points (docs/triage.md);
- `src/recovery_cli/listen/stakes-learnt.json`: the sentences that could be offered as
  what is at stake (`listen.likely`), labelled by whether they hold the message's labelled
  stakes; reading offers the likeliest when no rule reads the stakes (docs/listen.md).

And one linear model:

- `src/recovery_cli/listen/issue-learnt.json`: the weights that choose, among the noun
  phrases of a message (`listen.named`), the one that names what failed (its labelled
  issue), or none; reading offers it when no rule reads the issue. A conditional logit,
  fitted by a fixed number of passes of stochastic gradient descent in a fixed order, so a
  rebuild gives the same weights.

Only the development sets are read; the held-out sets must stay unseen, or the figures
measured on them would mean nothing. A message in another language teaches nothing and is
left out, and agents' notes teach nothing about the customer's own sentences.

    python tools/learn.py [--check]

`--check` exits 1 when a shipped file differs from a rebuild (the tests compare too).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import yaml

from recovery_cli.listen import likely, named
from recovery_cli.listen.sentences import split
from recovery_cli.listen.shapes import is_agent_note
from recovery_cli.triage.bayes import learn
from recovery_cli.triage.scorer import LEARNT_FILE, ROUTINE

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
# The sets that may be learnt from (never the held-out ones), and how the benchmark decides
# that a fact holds a label: both as the benchmark has them.
from listen_quality import DEVELOPMENT, MESSAGES, says  # noqa: E402

TRIAGE = REPO / "playbooks" / LEARNT_FILE
STAKES = likely.COUNTS
ISSUE = named.WEIGHTS
PASSES, STEP, DECAY = 15, 0.1, 1e-4
"""The issue model's fitting: passes over the examples, step size, and the share each
weight loses after a pass (so a feature seen a few times cannot grow without bound)."""
SEED = 1
MIN_SEEN = 3
"""A feature must occur in this many messages to be weighed (as `bayes.MIN_MESSAGES`)."""


def messages(names: Sequence[str] = DEVELOPMENT) -> Iterator[Mapping[str, object]]:
    """Every English message of the named sets."""
    for name in names:
        for item in yaml.safe_load((MESSAGES / f"{name}.yaml").read_text(encoding="utf-8")):
            if item.get("playbook") is not None:
                yield item


def playbook_examples() -> Iterator[tuple[str, str]]:
    """(text, playbook id or "routine")."""
    for item in messages():
        playbook = str(item["playbook"])
        yield str(item["text"]), ROUTINE if playbook == ROUTINE else playbook


def stakes_examples() -> Iterator[tuple[str, str]]:
    """(an offerable sentence, "stakes" or "other") from the customers' own messages."""
    for item in messages():
        text = str(item["text"])
        if is_agent_note(text):
            continue
        label = (item.get("facts") or {}).get("stakes")  # type: ignore[union-attr]
        for _, said in likely.candidates(split(text)):
            holds = label is not None and says("stakes", str(label), said)
            yield said, likely.STAKES if holds else likely.OTHER


def issue_examples(
    names: Sequence[str] = DEVELOPMENT,
) -> Iterator[tuple[list[list[str]], list[bool]]]:
    """(each candidate's features, whether it holds the labelled issue) for every message.

    The labelled playbook stands for triage's choice (on the development sets they agree),
    so the weights do not depend on the reading rules of the day."""
    for item in messages(names):
        playbook = str(item["playbook"])
        label = (item.get("facts") or {}).get("issue")  # type: ignore[union-attr]
        found = named.candidates(split(str(item["text"])))
        if not found:
            continue
        scenario = None if playbook == ROUTINE else playbook
        yield (
            [named.features(candidate, found, scenario) for candidate in found],
            [label is not None and says("issue", str(label), each.text) for each in found],
        )


def fit_issue(names: Sequence[str] = DEVELOPMENT) -> dict[str, object]:
    """The issue model: a softmax over each message's candidates and "none of them"."""
    examples = list(issue_examples(names))
    seen: Counter[str] = Counter()
    for found, _ in examples:
        seen.update({feature for each in found for feature in each})
    examples = [
        ([[f for f in each if seen[f] >= MIN_SEEN] for each in found], right)
        for found, right in examples
    ]
    weights: dict[str, float] = {}
    none = 0.0
    order = random.Random(SEED)
    for _ in range(PASSES):
        order.shuffle(examples)
        for found, right in examples:
            scores = [sum(weights.get(feature, 0.0) for feature in each) for each in found]
            top = max(max(scores), none)
            exps = [math.exp(score - top) for score in scores]
            exp_none = math.exp(none - top)
            total = sum(exps) + exp_none
            hits = sum(right)
            for each, exp, holds in zip(found, exps, right, strict=True):
                error = (holds / hits if hits else 0.0) - exp / total
                if error:
                    for feature in each:
                        weights[feature] = weights.get(feature, 0.0) + STEP * error
            none += STEP * ((0.0 if hits else 1.0) - exp_none / total)
        weights = {feature: weight * (1 - DECAY) for feature, weight in weights.items()}
    kept = {feature: round(weight, 3) for feature, weight in sorted(weights.items())}
    return {named.NONE: round(none, 3), "weights": {f: w for f, w in kept.items() if w}}


def one_line_each(data: Mapping[str, object], table: str) -> str:
    """A learnt file's text: `data` as JSON with each entry of its `table` (the counts, the
    weights) on a line of its own, last, so a rebuild's diff stays small."""
    entries = data[table]
    assert isinstance(entries, dict)
    rest = {key: value for key, value in data.items() if key != table}
    head = json.dumps(rest, ensure_ascii=False)[:-1]
    lines = [
        f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(value)}"
        for key, value in entries.items()
    ]
    return head + f', "{table}": {{\n' + ",\n".join(lines) + "\n}}\n"


def built() -> dict[Path, str]:
    """Each counts file's text, as a rebuild writes it."""
    return {
        TRIAGE: one_line_each(learn(playbook_examples()).to_json(), "counts"),
        STAKES: one_line_each(learn(stakes_examples(), most=1.0).to_json(), "counts"),
        ISSUE: one_line_each(fit_issue(), "weights"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = 0
    for path, text in built().items():
        if args.check:
            same = path.is_file() and path.read_text(encoding="utf-8") == text
            stale += not same
            print(f"{path.relative_to(REPO)}: {'up to date' if same else 'differs from a rebuild'}")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)} ({len(text):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
