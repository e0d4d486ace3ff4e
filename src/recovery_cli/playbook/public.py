"""What a public reply may say back of what the customer told us.

A public post or review is answered where everyone can see it, so the reply names nothing
private: no order numbers, sums, accounts or addresses, no health, family or money worries,
nothing about what is at stake for the customer, nobody else involved. It should still show
that we listened. The customer has already said in public what went wrong, how long they
have waited, how often, and what we promised; saying that back is what separates an answer
from a canned one, and owning it in public is the articles' lesson. So a public reply may
read those four facts, as `public_issue`, `public_waited`, `public_times` and
`public_promised`: each is the fact itself, or empty when nobody gave it, when it holds
something private, or when it would take the facts past a post's budget (a reply that fits
with them empty still fits with them said).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

PUBLIC_FACTS = ("issue", "waited", "times", "promised")
"""The standard inputs a public reply may say back, each read as `public_<name>`, in the
order they are kept when not all of them fit."""
PUBLIC_BUDGET = 100
"""The most characters the public facts may take together: a social reply whose fixed
words fit in 180 characters still fits a post's 280 with every one of them said. Lint
measures each reply with every set of the facts said (`lint.reply_rules`)."""
BESIDE_ISSUE = 40
"""The most characters each fact but the issue may take ("nearly three weeks", "within 14
days"): they follow the issue in a few words, and a reply that has no issue to say spends
its room on neutral words ("your order hasn't reached you"), not on them."""

_PRIVATE = re.compile(
    r"\d"  # a reference, a sum, a slot, an address, a table, a model, an age
    # health and the body
    r"|\b(?:hospital|a\s?&\s?e|gp|doctor|nurse|clinic|ambulance|hearing|deaf|blind|wheelchair|"
    r"walker|disab\w*|allerg\w*|diabet\w*|pregnan\w*|cancer|chemo\w*|medic\w*|prescription|"
    r"insulin|surgery|operation|therapy|mental|anxiety|depress\w*|autis\w*|dementia|ill(?!-)|"
    r"illness|sick|injur\w*|hurt|burn\w*|bled|blood|died|death|dead|funeral|bereave\w*|"
    r"pain|vomit\w*|poison\w*|rash|asthma|epilep\w*|seizure)\b"
    # family and home
    r"|\b(?:son|daughter|child|children|kids?|baby|babies|toddler|mum|mom|mam|dad|mother|"
    r"father|wife|husband|partner|grand\w*|nan|gran|family|carer|widow\w*|sister|brother|"
    r"address|street|road|lane|avenue|flat|house|home)\b"
    # money worries
    r"|\b(?:benefits?|overdra\w*|debt|rent|salary|wages?|payday|bailiffs?|evict\w*|loan|"
    r"mortgage|pension)\b",
    re.IGNORECASE,
)
"""What a post must not repeat of what went wrong or what we promised, whoever wrote it
first."""
_MONEY_OR_CONTACT = re.compile(
    r"[£$€¥₹₦@]|\bhttps?:|\bwww\.|\.(?:com|co\.uk|org|net)\b"
    r"|\b(?:usd|gbp|eur|inr|ngn|aud|cad|rs|pounds?|dollars?|euros?|rupees?|naira|quid|bucks)\b",
    re.IGNORECASE,
)
"""What none of them may hold: a sum, or a way to reach someone."""
_COUNTED = frozenset({"waited", "times"})
"""Facts that are a length of time or a count: their digits ("3 weeks") are no secret."""


def public_facts(
    values: Mapping[str, str], defaulted: Collection[str] = (), contact: str = ""
) -> dict[str, str]:
    """`public_<name>` for each of `PUBLIC_FACTS`: the fact when the customer or the agent
    gave it (a playbook's default is written for a letter, and the public reply has its own
    neutral words), it is safe to say in public and it still fits the budget; else empty.

    `contact` is the reply's `CONTACT`: lint measures every public reply with `DIRECT`
    there, so a team's longer `review_contact` takes its extra characters from the facts'
    budget, and a reply that passed lint still fits whatever the team wrote."""
    said: dict[str, str] = {}
    room = PUBLIC_BUDGET - max(len(contact) - len(DIRECT), 0)
    for name in PUBLIC_FACTS:
        value = (values.get(name) or "").strip()
        private = _MONEY_OR_CONTACT.search(value) or (
            name not in _COUNTED and _PRIVATE.search(value)
        )
        most = room if name == "issue" else min(room, BESIDE_ISSUE)
        if name in defaulted or len(value) > most or private:
            value = ""
        room -= len(value)
        said[f"public_{name}"] = value
    return said


FACT_NAMES = tuple(f"public_{name}" for name in PUBLIC_FACTS)
"""The names `public_facts` fills, which templates may read besides the inputs."""

CONTACT = "contact_us"
"""How a public reply asks the customer to reach us in private, as it follows "Please":
"DM us" under a post, and on a review site, which has no direct messages, the team's own
way (`voice.yaml`'s `review_contact`, "email care@example.com") or "contact us directly"."""
DIRECT = "contact us directly"


def contact_us(channel: str, review_contact: str = "") -> str:
    """The words of `CONTACT` for a reply on `channel`."""
    return (review_contact or DIRECT) if channel == "review" else "DM us"
