"""Which money the customer is waiting for, in their words: "your refund for the yoga retreat".

refund's reply names it ("you're still without your refund for the cancelled gig") instead
of "your money". A customer names it by what the money was for, in a few shapes:

- the refund itself: "a refund for the cycle helmet", "Refund of deposit", "my hotel refund",
  "money back for the gym membership";
- a deposit or fee held: "the £40 deposit", "my security deposit", "the £90 booking fee";
- what they sent back: "I returned the jacket", "sent back the ladies coat";
- what we cancelled: "the cancelled concert tix", "you cancelled my swim course", "Boat trip
  to Skellig Michael cancelled by you".

Each keeps the customer's words, cut where the name ends (at a small word, a date, a price
or punctuation), and is left unread when the words name nothing particular ("a refund for
it", "returned the order").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.items import NOT_IN_A_NAME, leading_name
from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only names the money the playbook already says they are without."""

_DET = r"(?:(?:the|my|our|a|an|your|her|his|their)\s)?"
_PRICE = r"(?:[£$€]\s?\d[\d,.]*\s|\d[\d,.]*\s?(?:eur|euros?|usd|dollars?|pounds?|quid)\s)?"
_RUN = r"(?P<np>(?:[A-Za-z][\w'&-]{0,20}\s?){1,6})"
_REFUND_FOR = Keyed(
    {"refund", "refunded", "money"},
    rf"\b(?:refund|money\sback)\s(?:for|of|on)\s{_DET}{_PRICE}(?P<cancelled>cancell?ed\s)?{_RUN}",
)
_HELD = Keyed(
    {"deposit", "deposits", "fee"},
    rf"\b(?:the|my|our|a|your)\s{_PRICE}(?P<np>(?:[A-Za-z][\w'-]{{0,20}}\s){{0,2}}?"
    r"(?:deposit|booking\sfee|joining\sfee|cancellation\sfee|admin\sfee))\b",
)
_SENT_BACK = Keyed(
    {"returned", "sent"},
    rf"(?:^|\b(?:i|we|cx|cust|customer|she|he|they|just|and|had|says|said)\s)"
    rf"(?:have\s|had\s|'ve\s)?(?:returned|sent\sback)\s{_DET}{_RUN}",
)
_CANCELLED = Keyed(
    {"cancelled", "canceled"},
    rf"\b(?:(?:the|your|our|my)\s(?P<cancelled>cancell?ed\s)|you\scancell?ed\s(?:the|my|our)\s)"
    rf"{_RUN}",
)
KEYS = register(_REFUND_FOR.keys | _HELD.keys | _SENT_BACK.keys | _CANCELLED.keys)
"""Words one of which a sentence needs before the money owed can be read in it."""

_ENDS = NOT_IN_A_NAME | words(
    """
    refund refunds money cancelled canceled due within almost nearly returned return bought
    ordered purchased booked collected swept put left taken given dropped two three four five
    six seven eight nine ten couple few several owed owing automatically immediately fully
    properly eur usd gbp egp kes aed inr ngn zar aud cad nzd rs
    php sgd pkr lkr ghs
    """
)
"""Words no name of what was paid for holds (those of a thing's name, and a currency)."""
_NOTHING_PARTICULAR = words(
    """
    it them this that one something everything anything order orders item items parcel
    parcels package stuff thing things product products goods purchase purchases lot
    balance amount money payment payments difference rest full remaining unused duplicate
    diagnostic return page pair
    """
)
"""What names nothing the reply could say ("a refund for it", "returned the order")."""
_MONEY_ITSELF = re.compile(r"(?:deposit|fee)$", re.I)


def owed(sentence: Sentence) -> Iterable[Found]:
    """The money the customer is waiting for, worded as "your ..."."""
    for pattern in (_REFUND_FOR, _HELD, _SENT_BACK, _CANCELLED):
        for match in pattern.finditer(sentence):
            run = match.group("np").split()
            kept = leading_name(run, _ENDS, _NOTHING_PARTICULAR, numbers_end=True)
            if not kept:
                continue
            name = unshout(" ".join(kept))
            start = sentence.start + match.start("np")
            end = start + len(" ".join(kept))
            cancelled = "cancelled " if match.groupdict().get("cancelled") else ""
            if _MONEY_ITSELF.search(name):
                value = f"your {name}"  # "the £40 deposit": the money itself
            else:
                value = f"your refund for the {cancelled}{name}"
            yield Found("owed", value, start, end, CONFIDENCE)
