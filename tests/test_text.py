"""Untrusted text made safe to print: no escape sequences or controls; meaning kept."""

from __future__ import annotations

import pytest

from recovery_cli.text import (
    INVISIBLE,
    JOINERS,
    SELECTORS,
    clean,
    clean_with_offsets,
    fold_lookalikes,
    is_clean,
    json_text,
)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\x1b[31mred\x1b[0m alert", "red alert"),
        ("\x1b[2J\x1b[Hcleared", "cleared"),
        ("\x1b[1;31;40mbold\x1b[m", "bold"),
        ("\x9b31m8-bit\x9b0m", "8-bit"),
    ],
    ids=["colour", "clear-screen", "several-parameters", "8-bit-csi"],
)
def test_control_sequences_are_stripped(typed: str, shown: str) -> None:
    assert clean(typed) == shown


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\x1b]0;You have been hacked\x07Hello", "Hello"),
        ("\x1b]2;title\x1b\\Hello", "Hello"),
        ("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here", "click here"),
    ],
    ids=["title-bel", "title-st", "hyperlink"],
)
def test_operating_system_commands_such_as_window_titles_are_stripped(
    typed: str, shown: str
) -> None:
    assert clean(typed) == shown


def test_device_control_strings_are_stripped() -> None:
    assert clean("before\x1bP1$r0m\x1b\\after") == "beforeafter"


def test_other_two_byte_escapes_and_a_lone_escape_are_stripped() -> None:
    assert clean("a\x1bcb\x1b") == "ab"


@pytest.mark.parametrize(
    "control",
    ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x0d", "\x7f", "\x85", "\x9f"],
)
def test_c0_and_c1_control_characters_are_stripped(control: str) -> None:
    assert clean(f"ab{control}cd") == "abcd"


@pytest.mark.parametrize(
    "mark",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_overrides_and_isolates_are_stripped(mark: str) -> None:
    assert clean(f"invoice{mark}fdp.exe") == "invoicefdp.exe"


def test_zero_width_spaces_are_stripped() -> None:
    assert clean("pay\u200bpal") == "paypal"


def test_newlines_and_tabs_survive() -> None:
    assert clean("Line one\n\tLine two\n") == "Line one\n\tLine two\n"


def test_windows_line_endings_become_newlines() -> None:
    assert clean("one\r\ntwo") == "one\ntwo"


def test_text_can_be_flattened_to_one_line() -> None:
    assert clean("one\n\ttwo   three\n", keep_newlines=False) == "one two three"


@pytest.mark.parametrize(
    "text",
    [
        "Zoë Ångström, café déjà vu",
        "Müller & Søn — naïve façade",
        "日本語のテキスト",
        "مرحبا بالعالم",
        "Thanks! 👍🏽 🎉 ☕",
        "Price: 5 € / £4 · 50%",
    ],
)
def test_ordinary_unicode_is_kept(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    "text",
    ["\U0001f469\u200d\U0001f4bb", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "می\u200cخواهم"],
    ids=["woman-technologist", "family", "persian-zwnj"],
)
def test_joiners_inside_emoji_and_words_are_kept(text: str) -> None:
    assert clean(text) == text


def test_text_the_quick_check_calls_clean_has_nothing_to_remove() -> None:
    # `is_clean` is a fast pre-check: any character that starts something `clean` removes
    # must make it false, or hidden characters would reach a terminal or a check.
    for code in [*range(0x3000), *range(0xFE00, 0x10000), *range(0xE0000, 0xE01F0)]:
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        for text in (f"a{char}b", f"{char}[31m", f"é{char}", f"{char}é"):
            if is_clean(text):  # then nothing `clean` removes is there
                assert not any(p.search(text) for p in (INVISIBLE, JOINERS, SELECTORS)), hex(code)


@pytest.mark.parametrize(
    "hidden",
    ["\ufe0f", "\ufe00", "\U000e0100", "\u200b\u200d\u2060", "\u200d" * 3, "\u200d\ufe0f"],
    ids=["vs16", "vs1", "vs17", "three-kinds", "three-joiners", "joiner-then-selector"],
)
def test_no_run_of_hidden_characters_survives_inside_a_word(hidden: str) -> None:
    assert clean(f"not our fa{hidden}ult") == "not our fault"


@pytest.mark.parametrize(
    "emoji",
    ["\u2764\ufe0f", "\U0001f469\u200d\U0001f4bb", "\u2764\ufe0f\u200d\U0001f525", "\u6f22\ufe00"],
    ids=["red-heart", "woman-technologist", "heart-on-fire", "cjk-variant"],
)
def test_selectors_and_joiners_that_shape_an_emoji_stay(emoji: str) -> None:
    assert clean(f"I {emoji} it") == f"I {emoji} it"


def test_a_long_run_of_joiners_costs_its_length() -> None:
    run = "\U0001f469" + "\u200d" * 200_000 + "\U0001f4bb"
    assert clean(run) == run  # between emoji they stay; found in one pass, not quadratic
    assert clean("a" + "\u200d" * 200_000 + "b") == "ab"


def test_offsets_lead_back_through_every_pass() -> None:
    given = "x\x1b[31mfa\u200b\u200d\u2060ul\ufe0ft"
    cleaned, offsets = clean_with_offsets(given)
    assert cleaned == "xfault"
    assert offsets is not None
    assert "".join(given[offsets[i]] for i in range(len(cleaned))) == "xfault"
    assert offsets[len(cleaned)] == len(given)


@pytest.mark.parametrize(
    ("shown", "reads"),
    [
        ("ｎｏｔ ｏｕｒ ｆａｕｌｔ", "not our fault"),
        ("𝐧𝐨𝐭 𝐨𝐮𝐫 𝐟𝐚𝐮𝐥𝐭", "not our fault"),
        ("not\u2009our\u3000fault", "not our fault"),
        ("not our f\u0430ult", "not our fault"),
        ("n\u03bft \u043eur fault", "not our fault"),
    ],
    ids=["fullwidth", "mathematical", "odd-spaces", "cyrillic-a", "greek-and-cyrillic-o"],
)
def test_look_alike_letters_read_as_the_letters_they_show(shown: str, reads: str) -> None:
    assert fold_lookalikes(shown) == reads


@pytest.mark.parametrize(
    "text", ["привет, мир", "Καλημέρα", "Zoë and Siobhán", "½ ﬁ", "I \u2764\ufe0f it"]
)
def test_other_scripts_and_ordinary_accents_are_left_alone(text: str) -> None:
    assert fold_lookalikes(text) == text


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Zoë Müller", '"Zoë Müller"'),
        ("Ren\xade", '"Ren\\u00ade"'),
        ("café\x85", '"café\\u0085"'),
        ("del\x7f", '"del\\u007f"'),
        ("Łukasz\u200b", '"Łukasz\\u200b"'),
        ("plain", '"plain"'),
    ],
    ids=["accents-kept", "soft-hyphen", "c1-control", "delete", "zero-width", "ascii"],
)
def test_json_shows_accents_but_no_hidden_character_raw(value: str, written: str) -> None:
    assert json_text(value) == written
