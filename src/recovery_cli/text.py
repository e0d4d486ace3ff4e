"""Making untrusted text safe to show: no terminal escape sequences, no control characters.

Customers and agents type anything, including bytes that move the cursor, recolour the
terminal or rewrite the window title. Everything they typed passes through `clean` before
it is printed; newlines and tabs survive because they carry meaning in a message.
"""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b."  # any other two-byte escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# Zero-width space, direction marks and bidi overrides can disguise text; the zero-width
# joiners (U+200C, U+200D) are kept because emoji sequences and several scripts need them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without escape sequences, control or bidi-override characters."""
    text = _ESCAPES.sub("", text.replace("\r\n", "\n"))
    text = _CONTROLS.sub("", text)
    return text if keep_newlines else " ".join(text.split())
