"""How well `recovery_cli.listen` reads labelled customer messages, and what it costs.

For each labelled set (tests/corpus/messages/*.yaml, format in its README) it prints:

- per fact, precision and recall: a fact counts when the extracted value contains every
  labelled word, case and punctuation aside (for reference and amount, the label's letters
  and digits must appear in the value's); an extraction with no label is a false positive,
  a label with no extraction a miss, and a wrong value is both;
- playbook accuracy: the triage choice is the labelled `playbook` or in `acceptable`
  (routine counts; a message labelled `playbook: null`, another language, is right when
  the reading reports it unsupported);
- severity agreement (English messages) and channel precision and recall;
- "said back": for each fact a message gave, whether the draft made from the reading says
  it (the labelled words appear in the draft; for a name, its first word), per fact and
  overall;
- the cost of reading one message (µs) against a floor of `text.lower()` plus one
  precompiled regex over the same messages, as a ratio.

Only the development sets (dev to dev35) may be used for tuning; the held-out sets (heldout
to heldout9) are measured, never read, each reported on its own.

    python benchmarks/listen_quality.py [--set development|dev5|heldout-all|...]
                                        [--errors N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from recovery_cli.library import Library, shipped_dir
from recovery_cli.listen import LABELLED, Reading, inputs_for, read
from recovery_cli.listen.answers import heard_answers
from recovery_cli.listen.shorthand import written_out
from recovery_cli.playbook.inputs import STANDARD_INPUTS, effective_inputs, resolve
from recovery_cli.playbook.names import TITLES, parse_name
from recovery_cli.playbook.public import PUBLIC_FACTS
from recovery_cli.playbook.reply import PUBLIC
from recovery_cli.playbook.walk import run_scripted
from recovery_cli.triage import Triage

REPO = Path(__file__).resolve().parents[1]
MESSAGES = REPO / "tests" / "corpus" / "messages"
DEVELOPMENT = tuple(f"dev{n}" if n > 1 else "dev" for n in range(1, 36))
"""The sets that may be read and tuned on; the others are only ever measured."""
HELD_OUT = (
    *("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"),
    "heldout8",
    "heldout9",
)
SETS = {name: MESSAGES / f"{name}.yaml" for name in (*DEVELOPMENT, *HELD_OUT)}
GROUPS = {"development": DEVELOPMENT, "heldout-all": HELD_OUT}
CONTACT_LABELS = (MESSAGES / "contact.yaml", MESSAGES / "heldout-contact.yaml")
"""How each customer asked to be reached, labelled after the sets were written: a set named
in one of these files is measured for `contact` too, a message with no entry asking for
nothing (a set that labels `contact` among its own facts is measured for it as well)."""
EXACT = ("reference", "amount")
FLOOR = re.compile(r"\b(?:order|ref|booking)\s?#?\d{3,10}\b")


def words(text: str) -> list[str]:
    """Lower-case words without punctuation ("daughter's" -> "daughters"), shorthand written
    out as a draft writes it ("3 wks" and "3 weeks" are the same words)."""
    return _plain(written_out(text))


def _plain(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))


def alnum(text: str) -> str:
    return "".join(_plain(text))


def says(name: str, label: str, text: str) -> bool:
    """Whether `text` carries the labelled fact (see the module docstring)."""
    if name in EXACT:
        return alnum(label) in alnum(text)
    have = set(words(text))
    return all(word in have for word in words(label))


def said_back(name: str, label: str, draft: str, read: str | None = None) -> bool:
    """Whether a draft says the fact back. A draft greets by first name by design, so a
    name counts when its first word is there ("Hi Dana," for "Dana Whitfield"); a name
    signed with a title or an initial is greeted by title and surname ("Dear Mrs
    Fairweather," for "D. Fairweather", "Dear Mrs Petty," for "Mrs Joan Petty", labelled
    "Joan Petty"), so its surname counts too. A label may hold less of the name than the
    message gave ("Rahul" for "Guest is Mr Rahul Mehta"): when the name `read` holds the
    label, the greeting made from it ("Dear Mr Mehta,") counts as well."""
    if name == "customer_name":
        parts = [part for part in words(label) if part not in TITLES]
        have = set(words(draft))
        first = next((part for part in parts if len(part) > 1), "")
        surname = parts[-1] if len(parts) > 1 else ""
        if bool(first) and (first in have or surname in have):
            return True
        greeted = parse_name(read).first if read and says(name, label, read) else ""
        return bool(greeted) and f"{greeted}," in draft
    return says(name, label, draft)


@dataclass
class Tally:
    hits: Counter[str] = field(default_factory=Counter)
    said: Counter[str] = field(default_factory=Counter)
    real: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, predicted: str | None, label: str | None) -> None:
        if predicted is not None:
            self.said[name] += 1
        if label is not None:
            self.real[name] += 1
        if predicted is not None and label is not None and says(name, label, predicted):
            self.hits[name] += 1

    def line(self, name: str) -> str:
        said, real, hits = self.said[name], self.real[name], self.hits[name]
        precision = f"{hits / said:.3f}" if said else "  -  "
        recall = f"{hits / real:.3f}" if real else "  -  "
        return f"{precision:>9} {recall:>7} {hits:>5} {said:>5} {real:>5}"


@dataclass(frozen=True)
class Drafted:
    text: str
    offered: dict[str, str]
    """The inputs the reading filled for this playbook."""
    public: bool = False
    """A public reply (social): it may name the customer and say back what they said in
    public (`PUBLIC_FACTS`), and must not say anything private."""
    declared: frozenset[str] = frozenset()
    """The inputs the playbook declares."""


def draft(reading: Reading, library: Library, message: str = "") -> Drafted | None:
    """The draft a batch run would make from this reading (None: routine or unsupported).

    The triage's playbook, its declared standard inputs filled from the reading (a name
    not found leaves the neutral greeting), each question the `message` answers as it
    answers it (`heard_answers`, as a batch row's message does), every other at its default.
    """
    verdict = reading.triage
    if not reading.supported or verdict is None or verdict.scenario is None:
        return None
    playbook = library.playbook(verdict.scenario)
    offered = inputs_for(reading, playbook)
    resolved = resolve(playbook, offered)
    values, missing = resolved.values, resolved.missing
    if missing:
        return None
    public = values.get("channel") in PUBLIC
    declared = frozenset(spec.name for spec in effective_inputs(playbook))
    heard = heard_answers(message, playbook, reading.facts)
    answers = {question: each.answer for question, each in heard.items()}
    made = run_scripted(playbook, values, answers, defaulted=resolved.defaulted).draft()
    return Drafted(made, offered, public, declared)


def channel_shown(reading: Reading) -> str | None:
    """The channel read, as the labels name it: they call a review `social`, since both are
    answered in public (the reading tells them apart: a review site has no direct messages)."""
    if reading.channel is None:
        return None
    return "social" if reading.channel.name in PUBLIC else reading.channel.name


def unsaid(name: str, label: str, reading: Reading, made: Drafted | None) -> str:
    """Why a labelled fact is not in the draft."""
    if made is None:
        return "no draft (triage said routine)"
    if made.public and name not in ("customer_name", *PUBLIC_FACTS):
        return "a public reply must not say it (the private reply follows in a direct message)"
    if name not in STANDARD_INPUTS:
        return "no input for it"
    value = reading.value(name)
    if value is None or not says(name, label, value):
        return "not read from the message"
    if name in made.offered:
        return "the draft does not use it on this path"
    if reading.sure(name) is None:
        return "read as a guess (offered to an agent, never drafted unattended)"
    if name not in made.declared:
        return "the playbook does not declare it"
    return "read, but not in a shape the playbook's sentences take"


def contact_labels() -> dict[str, dict[str, str]]:
    """Each set's `contact` labels by message id, for the sets labelled for it."""
    labels: dict[str, dict[str, str]] = {}
    for path in CONTACT_LABELS:
        for name, by_id in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            labels[name] = {str(key): str(value) for key, value in (by_id or {}).items()}
    return labels


def labelled(
    items: list[dict[str, object]], contacts: Mapping[str, str] | None
) -> tuple[list[dict[str, object]], tuple[str, ...]]:
    """The items with their `contact` labels, and the facts the set is measured on."""
    own = any("contact_request" in (item.get("facts") or {}) for item in items)  # type: ignore[operator]
    if contacts is None and not own:
        return items, LABELLED
    for item in items:
        label = (contacts or {}).get(str(item["id"]))
        if label is not None:
            item["facts"] = {**(item.get("facts") or {}), "contact_request": label}  # type: ignore[dict-item]
    return items, (*LABELLED, "contact_request")


def report(
    title: str,
    items: Sequence[Mapping[str, object]],
    readings: Sequence[Reading],
    library: Library,
    errors: int,
    measured: Sequence[str] = LABELLED,
) -> None:
    facts, back = Tally(), Tally()
    right = severity_right = severity_total = 0
    channel = Tally()
    drafted = 0
    shown = 0
    why: Counter[str] = Counter()
    private = 0
    for item, reading in zip(items, readings, strict=True):
        labels: Mapping[str, object] = item.get("facts") or {}  # type: ignore[assignment]
        for name in measured:
            label = labels.get(name)
            value = reading.value(name)
            facts.add(name, value, None if label is None else str(label))
            wrong = value != label and (
                label is None or value is None or not says(name, str(label), value)
            )
            if wrong and shown < errors:
                shown += 1
                print(f"  {item['id']} {name}: label={label!r} got={value!r}")
        gold = item.get("playbook")
        acceptable = [gold, *(item.get("acceptable") or [])]  # type: ignore[misc]
        if gold is None:
            right += not reading.supported
        elif reading.supported and reading.triage is not None:
            right += (reading.triage.scenario or "routine") in acceptable
        if reading.supported:
            severity_total += 1
            severity_right += reading.severity is not None and (
                reading.severity.level == item.get("severity")
            )
        label_channel = item.get("channel")
        channel.add(
            "channel",
            channel_shown(reading),
            None if label_channel is None else str(label_channel),
        )
        if gold not in (None, "routine"):
            made = draft(reading, library, str(item["text"]))
            drafted += made is not None
            for name, label in labels.items():
                back.real[name] += 1
                if made is not None and said_back(name, str(label), made.text, reading.value(name)):
                    back.hits[name] += 1
                else:
                    reason = unsaid(name, str(label), reading, made)
                    why[reason] += 1
                    private += reason.startswith("a public reply")
    print(f"\n{title}: {len(items)} messages")
    print(f"  {'fact':<14} {'precision':>9} {'recall':>7} {'hits':>5} {'said':>5} {'real':>5}")
    for name in measured:
        print(f"  {name:<14} {facts.line(name)}")
    total = Tally(  # the facts every set labels: `contact` is reported on its own line
        Counter({"all": sum(facts.hits[name] for name in LABELLED)}),
        Counter({"all": sum(facts.said[name] for name in LABELLED)}),
        Counter({"all": sum(facts.real[name] for name in LABELLED)}),
    )
    print(f"  {'all facts':<14} {total.line('all')}")
    print(f"  playbook accuracy {right / len(items):.3f} ({right}/{len(items)})")
    if severity_total:
        print(
            f"  severity agreement {severity_right / severity_total:.3f} "
            f"({severity_right}/{severity_total} English messages)"
        )
    print(f"  channel precision/recall {channel.line('channel')}")
    said_total = sum(back.hits.values())
    real_total = sum(back.real.values())
    print(
        f"  said back: {said_total}/{real_total} facts "
        f"({said_total / max(real_total, 1):.3f}) of messages that should get a draft "
        f"({drafted} drafted)"
    )
    print(
        f"  said back where it may be said (not counting {private} private facts a public "
        f"reply must not say): {said_total}/{real_total - private} "
        f"({said_total / max(real_total - private, 1):.3f})"
    )
    if "contact_request" in measured:
        asked = said_total - back.hits["contact_request"], real_total - back.real["contact_request"]
        print(
            f"  said back but for contact (as measured before it was labelled): "
            f"{asked[0]}/{asked[1]} ({asked[0] / max(asked[1], 1):.3f})"
        )
    for name in measured:
        if back.real[name]:
            print(f"    {name:<14} {back.hits[name]:>4}/{back.real[name]:<4}")
    print("  not said back, because:")
    for reason, count in why.most_common():
        print(f"    {count:>4}  {reason}")


def cost(messages: Sequence[str], rounds: int = 9) -> None:
    """Best-of-`rounds` CPU µs per message for `read` and for the floor.

    CPU time of this process (`process_time`), so other work on the machine moves the
    figures less; the ratio to the floor is what to compare between machines.
    """

    def best(work: Callable[[str], object]) -> float:
        fastest = float("inf")
        for _ in range(rounds):
            start = time.process_time()
            for _ in range(5):
                for message in messages:
                    work(message)
            fastest = min(fastest, time.process_time() - start)
        return fastest / (5 * len(messages)) * 1e6

    reading = best(read)
    floor = best(lambda text: FLOOR.search(text.lower()))
    print(
        f"  reading cost {reading:.1f} µs/message, floor {floor:.2f} µs, "
        f"ratio {reading / floor:.0f}x"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=(*SETS, *GROUPS),
        default="development",
        help="one set, or a group: development (dev to dev35) or heldout-all (each reported apart)",
    )
    parser.add_argument(
        "--errors", type=int, default=0, help="print N wrong facts (development sets only)"
    )
    args = parser.parse_args(argv)
    library = Library([shipped_dir()])
    triage = Triage.from_library(library)
    names = GROUPS.get(args.set, (args.set,))
    contacts = contact_labels()
    for name in names:
        loaded = yaml.safe_load(SETS[name].read_text(encoding="utf-8"))
        items, measured = labelled(loaded, contacts.get(name))
        readings = [read(str(item["text"]), triage) for item in items]
        shown = args.errors if name in DEVELOPMENT else 0
        report(name, items, readings, library, shown, measured)
        cost([str(item["text"]) for item in items])
    return 0


if __name__ == "__main__":
    sys.exit(main())
