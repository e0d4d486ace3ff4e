"""Untrusted text made safe to show and to check: no escape sequences, no invisible characters.

Customers and agents type anything, including bytes that move the cursor, recolour the
terminal or rewrite the window title, and characters that show as nothing at all. The
second kind matters as much as the first: `not our fa\u200bult` looks like "not our fault"
on screen, so a check that saw the hidden character would let the phrase through. There
is one definition of what goes, the strictest that still leaves readable text:

- terminal escape sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes, 8-bit CSI);
- C0 and C1 control characters and DEL, except newline and tab, which carry meaning;
- zero-width characters (U+200B, U+2060-U+2064, U+FEFF), the soft hyphen (U+00AD), the
  combining grapheme joiner (U+034F), the Mongolian vowel separator, Hangul fillers,
  interlinear annotation marks and Unicode tag characters;
- direction marks and overrides (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+061C);
- the zero-width joiner and non-joiner (U+200D, U+200C) next to a Latin letter, digit,
  space or punctuation, where they do nothing but hide a word's letters. Between other
  characters they are kept: emoji sequences (a family, a woman technologist) and scripts
  such as Persian and the Indic scripts need them.

Line and paragraph separators (U+2028, U+2029) become newlines. Everything a person typed
passes through `clean` before it reaches a terminal, a file or a check.
"""

from __future__ import annotations

import json
import re

from recovery_cli.errors import Location, RecoveryError

INVISIBLE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves (an unfinished one too)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    r"\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb"
    r"\U000e0000-\U000e007f]"
    r"|(?<![^\x00-\u024f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\u024f])",  # joiners by Latin
    re.S,
)
"""Everything `clean` removes: escape sequences and characters that show as nothing."""

_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\u3164\ufeff"
    "\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]"
)
"""A character every match of `INVISIBLE` starts with (or a separator `clean` turns into a
newline): one character class is searched many times faster than `INVISIBLE`, whose
joiner rule looks behind at every position, and most text holds none of them."""


def is_clean(text: str) -> bool:
    """Whether `clean` would leave `text` as it is (carriage returns aside)."""
    return _SUSPECT.search(text) is None


_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def clean(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without escape sequences or invisible characters (see the module docstring).

    With `keep_newlines` false, all runs of whitespace become single spaces: a value meant
    for one line (a name, a cell) stays on one line.
    """
    if not is_clean(text):
        text = INVISIBLE.sub("", text.replace("\r\n", "\n").translate(_SEPARATORS))
    elif "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return text if keep_newlines else " ".join(text.split())


def clean_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """`text` as `clean` leaves it, and where each of its characters was in `text`.

    For a checker whose findings must point into the text as given: the offsets list has
    one entry per character of the cleaned text plus one for its end. None when nothing
    was removed (the offsets are then the identity and not worth a list).
    """
    if is_clean(text):
        return text, None
    text = text.translate(_SEPARATORS)
    if INVISIBLE.search(text) is None:
        return text, None
    kept: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in INVISIBLE.finditer(text):
        kept.append(text[last : match.start()])
        offsets.extend(range(last, match.start()))
        last = match.end()
    kept.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return "".join(kept), offsets


_JSON_HIDDEN = re.compile(
    "[\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)


def json_text(data: object, *, indent: int | None = None) -> str:
    """JSON that keeps readable text readable but shows no invisible character raw.

    `json` escapes C0 controls by itself; DEL, C1 controls, direction overrides,
    zero-width characters and lone surrogates are escaped here too (`\\u009b`), so the
    text is valid JSON that is safe to print to a terminal and to encode as UTF-8.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_HIDDEN.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a tag character: a UTF-16 surrogate pair, as JSON spells it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


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
