"""Making untrusted text safe to show: no terminal escape sequences, no control characters.

Customers and agents type anything, including bytes that move the cursor, recolour the
terminal or rewrite the window title. Everything they typed passes through `clean` before
it is printed; newlines and tabs survive because they carry meaning in a message.
"""

from __future__ import annotations

import re

from recovery_cli.errors import Location, RecoveryError

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


def decode_utf8(raw: bytes, source: str, *, limit: int, too_long: str, hint: str) -> str:
    """Bytes from a person as text: UTF-8 with or without a BOM, within a size limit.

    `raw` may hold one byte more than `limit` (read that way, a huge input is never read
    whole); a bad byte is reported at its line and column.
    """
    if len(raw) > limit:
        raise RecoveryError(too_long, location=Location(source), hint=hint, rule="yaml")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RecoveryError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            location=Location(source, line, column),
            hint="save or send it as UTF-8 text",
            rule="yaml",
        ) from None
