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
  such as Persian and the Indic scripts need them;
- variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF) after a Latin letter, digit, space
  or punctuation; after an emoji or a CJK character they choose how it looks, and stay.

The joiners and selectors are judged after everything else is gone, so a run of hidden
characters cannot shield one of them from the letters around it.

Line and paragraph separators (U+2028, U+2029) become newlines. Everything a person typed
passes through `clean` before it reaches a terminal, a file or a check.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from recovery_cli.errors import Location, RecoveryError

INVISIBLE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves (an unfinished one too)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    r"\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb"
    r"\U000e0000-\U000e007f]",
    re.S,
)
"""What `clean` removes wherever it is: escape sequences and characters that show as nothing."""

_NOT_LATIN = r"[^\x00-\u024f]"
JOINERS = re.compile(
    rf"(?<![\u200c\u200d])(?:(?<!{_NOT_LATIN})[\u200c\u200d]++|[\u200c\u200d]++(?!{_NOT_LATIN}))"
)
"""A run of zero-width (non-)joiners touching a Latin letter, digit, space or punctuation,
or the text's edge. Tried only where a run starts, and taken whole, so a run of any
length costs its length."""
SELECTORS = re.compile(rf"(?<!{_NOT_LATIN})[\ufe00-\ufe0f\U000e0100-\U000e01ef]++")
"""Variation selectors after a Latin letter, digit, space or punctuation (or first)."""
_PASSES = (INVISIBLE, JOINERS, SELECTORS)
"""`clean` removes each in turn, so hidden characters cannot shield a joiner or selector
from the letters around it."""

_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\u3164\ufeff"
    "\ufe00-\ufe0f\uffa0\ufff9-\ufffb\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
"""A character every match of `INVISIBLE`, `JOINERS` and `SELECTORS` starts with (or a
separator `clean` turns into a newline): one character class is searched many times
faster than `INVISIBLE`, and most text holds none of them."""


def is_clean(text: str) -> bool:
    """Whether `clean` would leave `text` as it is (carriage returns aside).

    ASCII text can hold only C0 controls and DEL of `_SUSPECT`, which are exactly what
    `isprintable` refuses once tabs and newlines are spaces: a test far cheaper than the
    regular expression's walk over every character."""
    if text.isascii():
        return text.replace("\n", " ").replace("\t", " ").isprintable()
    return _SUSPECT.search(text) is None


_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def clean(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without escape sequences or invisible characters (see the module docstring).

    With `keep_newlines` false, all runs of whitespace become single spaces: a value meant
    for one line (a name, a cell) stays on one line.
    """
    if not is_clean(text):
        text = text.replace("\r\n", "\n").translate(_SEPARATORS)
        for hidden in _PASSES:
            text = hidden.sub("", text)
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
    offsets: list[int] | None = None
    for hidden in _PASSES:
        if hidden.search(text) is None:
            continue
        kept: list[str] = []
        here: list[int] = []
        last = 0
        for match in hidden.finditer(text):
            kept.append(text[last : match.start()])
            here.extend(range(last, match.start()))
            last = match.end()
        kept.append(text[last:])
        here.extend(range(last, len(text) + 1))
        text = "".join(kept)
        offsets = here if offsets is None else [offsets[index] for index in here]
    return text, offsets


_CONFUSABLE = {
    **dict(zip("аеорсухіјѕԁԛԝһӏ", "aeopcyxijsdqwhl", strict=True)),  # Cyrillic
    **dict(zip("АВЕКМНОРСТХІЈЅ", "ABEKMHOPCTXIJS", strict=True)),
    **dict(zip("οανρικυΟΑΒΕΖΗΙΚΜΝΡΤΧΥ", "oavrikuOABEZHIKMNPTXY", strict=True)),  # Greek
}
_COMPATIBLE_RANGES = (
    (0x2000, 0x200B), (0x202F, 0x2030), (0x205F, 0x2060), (0x3000, 0x3001),  # spaces
    (0x2070, 0x20A0), (0x2100, 0x2150), (0x2460, 0x2500),  # super/subscripts, letterlike
    (0xFF01, 0xFF5F), (0x1D400, 0x1D800), (0x1F130, 0x1F18A),  # fullwidth, mathematical
)  # fmt: skip


@lru_cache(maxsize=1)
def _foldable() -> tuple[dict[int, str], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """The compatibility forms that fold to one plain letter, digit or space (built on
    first use: a few thousand characters, NFKC-normalised once), and the look-alikes."""
    table: dict[int, str] = {}
    for start, end in _COMPATIBLE_RANGES:
        for code in range(start, end):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and ((folded.isascii() and folded.isalnum()) or folded == " "):
                table[code] = folded
    # Two classes, not one: mixing astral ranges into a class makes every test slow.
    plane0 = re.compile("[" + "".join(_ranges(sorted(c for c in table if c < 0x10000))) + "]")
    astral = re.compile("[\U0001d400-\U0001d7ff\U0001f130-\U0001f189]")  # whole blocks
    look_alike = "[" + "".join(_CONFUSABLE) + "]"
    beside_latin = re.compile(f"{look_alike}(?:(?<=[A-Za-z].)|(?=[A-Za-z]))")
    return table, (plane0, astral), beside_latin


def _ranges(codes: list[int]) -> list[str]:
    """Code points as character-class ranges: one range is one test for the regex engine."""
    spans: list[list[int]] = []
    for code in codes:
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return [f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans]


def fold_lookalikes(text: str) -> str:
    """`text` as it reads on screen, for matching only, with the same length: fullwidth,
    mathematical and other compatibility letters become plain ones ("ｆａｕｌｔ" reads
    "fault"), odd spaces become spaces, and a Cyrillic or Greek letter that looks Latin
    becomes that letter where it touches a Latin one ("f\u0430ult"). A word written wholly
    in another script is left alone."""
    if text.isascii():
        return text
    table, compatible, beside_latin = _foldable()
    if any(forms.search(text) for forms in compatible):
        text = text.translate(table)
    return beside_latin.sub(lambda match: _CONFUSABLE[match.group()], text)


_JSON_HIDDEN = re.compile(
    "[\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)


def shorten(text: str, limit: int = 60) -> str:
    """Text cut to `limit` characters with an ellipsis, for a message or a label that names
    it: a 100 KB key must not come back as a 100 KB error, nor a long question fill a graph."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def json_text(data: object, *, indent: int | None = None) -> str:
    """JSON that keeps readable text readable but shows no invisible character raw.

    `json` escapes C0 controls by itself; DEL, C1 controls, direction overrides,
    zero-width characters and lone surrogates are escaped here too (`\\u009b`), so the
    text is valid JSON that is safe to print to a terminal and to encode as UTF-8.
    """
    if indent is None:
        text = _ENCODER.encode(data)  # one encoder, not one made per call as `dumps` does
    else:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    if _json_plain(text):
        return text
    return _JSON_HIDDEN.sub(_escape, text)


_LATIN_SHOWN = bytes(b for b in range(256) if not (0x7F <= b <= 0x9F or b == 0xAD))
"""The Latin-1 bytes `_JSON_HIDDEN` leaves alone."""


def _json_plain(text: str) -> bool:
    """Whether `text` holds nothing `_JSON_HIDDEN` escapes, told without the regex engine
    walking every character: ASCII text can hold only DEL, and Latin-1 text (most names
    with accents) is checked byte by byte by `bytes.translate`."""
    if text.isascii():
        return "\x7f" not in text
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not raw.translate(None, _LATIN_SHOWN)


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
