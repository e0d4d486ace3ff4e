"""What kind of text a message is: the customer's own words, or an agent's note about them.

Facts said back to a customer must come from the customer's own voice. An agent's note
("Cust called re order 4410, says her sofa ...") speaks of the customer in the third
person, so its clauses cannot simply be turned to "you"; notes give names, references and
sums, but no issue or stakes clause.
"""

from __future__ import annotations

import re

_NOTE_START = re.compile(
    r"\s{0,10}(?:cust\b|cx\b|caller\b|customer\s(?:called|rang|phoned|is|has|came)\b|"
    r"(?:tenant|resident|patient|member|client|pt)(?:'s\s[a-z]{2,12})?\s(?:called|rang|phoned|"
    r"advises|says|reports|"
    r"states)\b|"
    r"(?:branch|store|counter|shop\sfloor|gate|colleague|front\sdesk|desk|floor|agent|shift|"
    r"incident|dispatch)\s(?:note|log|incident)\b|incident\b|heads\sup:|pre-dispatch\b|"
    r"note\s(?:from|on|for)\b|front\sdesk,|(?:counter|gate)\s[\w:]{2,6}[\s:]|"
    r"(?:mrs?|ms|miss|dr)\.?\s[a-z'-]{2,20}(?:\s[a-z'-]{2,20})?\s(?:called|rang|phoned|came\sin)\b|"
    # a call log's header: "Call 09:12 - Mrs Pike", "Inbound 14:55 -", "Outbound call to ..."
    r"(?:(?:inbound|outbound|incoming|outgoing)\s)?(?:phone\s)?call(?:\slog)?\s(?:from|to|log|"
    r"\d{1,2}[:./]\d{2})\b|(?:inbound|outbound)\s\d{1,2}[:.]\d{2}\b|"
    # "Rec'd call from Mr Asante", "Call 2 of 2 today, 13:45 -", "Store call 10:40 -"
    r"(?:rec'?d|received|took|answered)\s(?:a\s)?(?:phone\s)?call\sfrom\b|call\s\d\sof\s\d\b|"
    r"(?:store|branch|shop|desk|reception|team)\scall\s\d{1,2}[:./]\d{2}\b|"
    # a staff note with its time on the same line: "Reception note 09:25 - Mr Joel Ramos"
    r"(?:reception|desk|front\sdesk|manager|duty|shift|staff|incident|counter)(?:'s|’s)?\s"
    r"(?:note|log|report)\s\d{1,2}[:.]\d{2}\b|"
    # a staff note's header line: "Duty manager note - aisle 7", "Manager's note, table 9"
    r"[\w ]{0,30}?\b(?:manager|supervisor|duty|shift|staff|colleague|handover|reception|"
    r"receptionist|desk|team\sleader|incident)(?:'s|’s)?\s(?:note|log|report)\b[^\n]{0,60}\n)",
    re.I,
)
_NOTE_ANYWHERE = re.compile(
    r"\b(?i:cust\s(?:is|has))\b|\bcx\b|\b(?:calls?|called|rang|phoned|complaining|upset|angry)\sre\b|"
    r"\b(?i:(?:cust|customer)\s(?:called|rang|phoned|says|said|wants|mentioned|bought|ordered))\b|"
    r"\b(?:cust|customer|guest|passenger)\s?(?::|\()\s?(?:mrs?|ms|dr|mr)?\.?\s?[A-Z]"
)
_VOICEMAIL = re.compile(r"\s{0,10}\[?(?:voicemail|vm)\b", re.I)
STAMP = r"(?:\[?\d{1,2}:\d{2}\]?\s)?"
"""The time a chat transcript may give a line, before its speaker ("[14:02] ")."""
CUSTOMER_SAYS = (
    STAMP + r"(?:customer|visitor|passenger|guest|member|user|client|caller|patient|tenant|"
    r"parent|student|me|you)\s?:\s"
)
"""A chat line the customer says, by the label a transcript gives them ("Customer: ",
"[14:05] Visitor: "), at the start of a line: what answers an agent's question."""
_MAIL_HEADERS = frozenset({"subject", "from", "to", "sent", "date", "cc", "bcc", "re", "fwd", "fw"})
"""Labels a forwarded email repeats ("From:", "Subject:"): never a chat's speakers."""
_SPEAKER = re.compile(rf"^{STAMP}([^\W\d_][\w'-]{{0,20}}):\s", re.M)
"""A chat line's speaker, after the time a transcript may give it ("[14:02] Karina: hi")."""


def is_agent_note(text: str) -> bool:
    """Whether the text is an agent's note about a customer rather than the customer's own."""
    head = text[:2000]
    if _NOTE_START.match(head):
        return True
    if _VOICEMAIL.match(head):
        return False  # a voicemail is the customer's own words, transcribed
    low = head.lower()
    keys = ("cust", "guest", "passenger", "cx", " re ")
    return any(key in low for key in keys) and bool(_NOTE_ANYWHERE.search(head))


def is_voicemail(text: str) -> bool:
    """Whether the text is a transcribed voicemail (the customer's words, by phone)."""
    return bool(_VOICEMAIL.match(text[:40]))


def speakers(text: str) -> dict[str, int]:
    """Chat-style speaker labels ("Rahul: ...") and how many lines each starts; a forwarded
    email's "From:" and "Subject:" are no speakers, however often they repeat."""
    counts: dict[str, int] = {}
    if ": " not in text:
        return counts
    for match in _SPEAKER.finditer(text[:5000]):
        if match.group(1).lower() not in _MAIL_HEADERS:
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return counts


ASKED_WITHIN = 5000
"""How far into a chat an agent's question is looked for."""


def answer_to(
    question: re.Pattern[str], answer: re.Pattern[str], text: str, reach: int, end: int = -1
) -> tuple[re.Match[str], re.Match[str]] | None:
    """An agent's question in a chat and the customer's next line answering it ("Could I
    take your account number?" ... "Customer: 30019-4427"): the answer is looked for within
    `reach` characters of the question (and before `end`, when given), or not at all."""
    asked = question.search(text, 0, ASKED_WITHIN)
    if asked is None:
        return None
    stop = asked.end() + reach if end < 0 else min(end, asked.end() + reach)
    said = answer.search(text, asked.end(), stop)
    return None if said is None else (asked, said)
