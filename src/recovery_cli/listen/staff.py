"""Who of ours the customer complains about, by their role: "our receptionist".

general-complaint's reply names them ("we fell short of what you had every right to expect
from our night manager") instead of "from us". A complaint about how someone treated them
names the person by role, in a sentence that says how: "the receptionist was so rude", "your
delivery driver shouted at my son", "one of your pharmacists lectured me", "the attitude of
the reception team".

Only a role (never a name, which the customer may have wrong and the reply need not repeat)
and only in a sentence about manner, so "the driver left it at the door" is not read here;
nor is someone asked for ("I want to speak to a manager").
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words

CONFIDENCE = 0.8
"""Sure: it only names who the playbook already says fell short."""

_MANNER = words(
    """
    rude rudely rudeness attitude spoke spoken speak talked treated laughed laughing ignored
    shouted shouting yelled dismissive condescending patronising patronizing unprofessional
    lectured sarcastic swore argued argumentative unhelpful abrupt aggressive snapped mocked
    belittled humiliated disrespectful impolite arrogant smirked tone manner conduct behaviour
    behavior sneered scolded said told refused complain complaining complaint rolled
    """
)
"""Words that say how someone treated the customer, or that the customer complains of them:
what a member of staff "said" or "told" them, in a complaint, is how they were treated."""
ROLES = (
    r"staff\smembers?|members?\sof\sstaff|staff|receptionists?|reception\steam|reception\sstaff|"
    r"night\smanager|duty\smanager|store\smanager|shop\smanager|branch\smanager|managers?|"
    r"hosts?|hostess|waiters?|waitress|servers?|baristas?|pharmacists?|shop\sassistants?|"
    r"sales\sassistants?|assistants?|cashiers?|delivery\sdrivers?|bus\sdrivers?|drivers?|"
    r"technicians?|engineers?|instructors?|teachers?|tutors?|tour\sguides?|guides?|nurses?|"
    r"doctors?|dentists?|opticians?|hygienists?|mechanics?|agents?|advis[eo]rs?|"
    r"customer\sservices?(?:\steam)?|security\sguards?|security|bouncers?|doorman|stewards?|"
    r"stewardess|cabin\screw|crew|conductors?|ticket\sinspectors?|inspectors?|clerks?|"
    r"reps?|consultants?|caretakers?|porters?|concierge|chefs?|bartenders?|lifeguards?|"
    r"trainers?|therapists?|stylists?|hairdressers?|barbers?|gate\sstaff|ground\sstaff|"
    r"shop\sstaff|store\sstaff|counter\sstaff|desk\sstaff|front\sdesk(?:\sstaff)?"
)
"""The people who serve customers for us, by role: whom a complaint of manner names, and who,
in a mishap, may be the one who fell."""
_WHO = Keyed(
    _MANNER,
    r"(?<!\bto\s)(?<!\bfor\s)(?<!\bwith\s)"
    r"(?:\b(?:your|ur|the|(?P<one>one\sof\s(?:your|the|ur))|a|an|this|that|our)\s|"
    r"^(?:(?:very\s)?(?:rude|unhelpful|dismissive|arrogant|condescending|patronising)\s))"
    rf"(?:(?:young|older|new|same|male|female|senior|junior|other)\s)?(?P<role>{ROLES})\b",
)
KEYS = register(_WHO.keys)
"""Words one of which a sentence needs before who treated the customer can be read in it."""


def staff(sentence: Sentence) -> Iterable[Found]:
    """Who of ours the customer complains about, worded as "our ..."."""
    for match in _WHO.finditer(sentence):
        role = match.group("role").lower()
        start = sentence.start + match.start("role")
        whose = "one of our" if match.group("one") else "our"
        yield Found("staff", f"{whose} {role}", start, start + len(role), CONFIDENCE)
