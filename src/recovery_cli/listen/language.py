"""Which language a message is in: English, or which other one, from its commonest words.

No model and no download: each language has a list of its most frequent short words,
leaving out any that are also English words ("die", "was", "no", "me"), and the language
whose words occur most wins. Another language must clearly beat English (at least
`MIN_HITS` of its words, and half as many again as English has) before a message is called
unsupported, so an English message signed "Joanna Wiśniewska" or quoting "Gracias" stays
English. Letters that belong to one language (ß, ñ, ł, ğ, ã) only break ties between the
others.
"""

from __future__ import annotations

import re

MIN_HITS = 3
SAMPLE = 1000
"""How many characters of the message the detector looks at."""

_PUNCTUATION = str.maketrans({char: " " for char in '.,;:!?"()[]{}<>/\\|*_-–—…«»¿¡@#&+=~'})

STOP_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and to my is it for of was have not this that with you your me on but been "
        "still i are has can please would when what just will they told get got no so an at "
        "be did do hi thanks hello we our us from there here now had which am any or",
        "de": "und der das ist nicht ich mein meine meinen einen eine mit auf für wurde sehr "
        "geehrte damen herren bitte noch auch aber sie wir uns keine kein heute gestern seit "
        "mehr mir mich habe hat dem des zu von geht kann soll jetzt eure euer ihr grüßen "
        "freundlichen hallo schon nur wieder immer doch wird sind oder wenn",
        "fr": "le la les des est et je j'ai mon ma mes pas une pour avec dans sur que qui mais "
        "vous nous bonjour merci rien depuis même c'est n'ai reçu très cordialement madame "
        "monsieur été ce cette il elle ne du au aux sont ai mais toujours",
        "es": "el los las y es que mi mis por para con una del al pero muy hola gracias lo se "
        "su sus nada ya está estoy llevo nadie tres hace hoy ayer todavía porque cuando "
        "sin desde esperando",
        "it": "il lo gli di che è non ho per con una sono del della nel ma anche già nessuno "
        "buongiorno grazie cordiali saluti volte vorrei avete ancora perché mio mia ci",
        "nl": "de het een en ik niet van dat op te voor met maar zou vandaag er geen heeft "
        "niemand graag groet hoi mijn nog wel ook al naar bij werd geweest wordt",
        "pt": "os e é não que de do da dos das em na um uma para com minha meu mas já mais "
        "obrigado olá bom dia até está foi sempre preciso consigo vezes agora",
        "pl": "w z na nie się że jest mi mnie już był była dzień dobry proszę nikt potem też "
        "nic przez jak ale dla moje mój moja pracy",
        "sv": "och att det är jag inte en ett som på för med har min mitt mina till av om men "
        "hej tack fortfarande ingen inget ska idag igår",
        "tr": "ve bir bu için ile da de çok ama değil ben benim hala hâlâ merhaba teşekkürler "
        "neden yok var mı ne olarak",
        "da": "og jeg ikke det er en et til på med har mit mine fra kom ingen hvad sker "
        "der hej tak venlig hilsen mvh skulle arbejde",
        "fi": "ja ei se että mutta minä minun olen oli hei kiitos ole ollut tilaukseni "
        "haluaisin sivustolla edelleen joka kuukausi veloitatte",
        "cs": "dobrý den je se na že ale nic jsem mi už byla bylo prosím děkuji dodnes "
        "objednávka měla nepřišlo tvrdí pomoc",
        "ro": "și nu este cu pentru la mi vă rog mulțumesc bună ziua dar azi ce trebuie "
        "să fac primit",
        "hu": "és nem az hogy de már volt jó napot köszönöm kérem mindig tudok kaptam belépni",
        "id": "dan tidak yang ini itu saya sudah bisa tolong terima kasih sejak tadi "
        "pagi sama sekali segera",
        "vi": "và không tôi của là có được cho nhưng nhận cũng đổi giúp chào mong",
        "cy": "yn y yr mae wedi dwi rwy ydw nid oes does ddim gyda fi chi ein eich gan ond "
        "hefyd heddiw ddoe diolch helo gwelwch dda fy neb ers bod ac ei sydd efo mewn hyn "
        "dydd ffoniwch cyfeirnod bore'n",
        "sw": "na ya kwa wa ni hii hiyo sana asante habari mimi wewe sisi lakini bado leo jana "
        "tafadhali kwamba yangu wangu hakuna nimekuwa nilikuwa",
        "tl": "ang ng mga sa ko po hindi pa ako yung kasi lang naman salamat ako'y kayo niyo "
        "namin wala ngayon kahapon paki",
    }.items()
}

_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOP_WORDS.items():
    for _word in _words:
        _INDEX[_word] = (*_INDEX.get(_word, ()), _lang)

LETTERS: dict[str, str] = {
    "de": "ßäöü",
    "fr": "çèêàùâœ",
    "es": "ñ¿¡áíóú",
    "it": "àèìòù",
    "pt": "ãõçâê",
    "pl": "ąęłńśźż",
    "sv": "åäö",
    "tr": "ğşıçİ",
    "nl": "ĳ",
    "da": "æøå",
    "cs": "ěščřžýůňť",
    "ro": "ăâîșț",
    "hu": "őűáé",
    "vi": "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
}

_SCRIPTS = (
    ("el", 0x0370, 0x03FF),
    ("ru", 0x0400, 0x04FF),
    ("he", 0x0590, 0x05FF),
    ("ar", 0x0600, 0x06FF),
    ("hi", 0x0900, 0x097F),
    ("th", 0x0E00, 0x0E7F),
    ("ko", 0xAC00, 0xD7AF),
    ("ja", 0x3040, 0x30FF),
    ("zh", 0x4E00, 0x9FFF),
)
"""Scripts that name a language by themselves (Cyrillic is read as Russian)."""


def detect(text: str) -> str:
    """The message's language as an ISO 639-1 code: "en" unless another clearly wins."""
    sample = text[:SAMPLE].lower().replace("’", "'").translate(_PUNCTUATION)
    script = _script(sample)
    if script is not None:
        return script
    hits = dict.fromkeys(STOP_WORDS, 0)
    for word in sample.split():
        for lang in _INDEX.get(word, ()):
            hits[lang] += 1
    english = hits.pop("en")
    if not hits:
        return "en"
    most = max(hits.values())
    if most < MIN_HITS or most <= english * 1.5:
        return "en"
    tied = [lang for lang, count in hits.items() if count == most]
    return max(tied, key=lambda lang: _letters(lang, sample)) if len(tied) > 1 else tied[0]


def _script(sample: str) -> str | None:
    """The language a script names, when most of the letters are in it."""
    if sample.isascii():
        return None
    others = _NON_LATIN.findall(sample)
    if len(others) * 2 <= len(_LETTER.findall(sample)):
        return None
    for lang, low, high in _SCRIPTS:
        if sum(1 for char in others if low <= ord(char) <= high) * 2 > len(others):
            return lang
    return None


_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u036f]")
_LETTER = re.compile(r"[^\W\d_]")


def _letters(lang: str, sample: str) -> int:
    return sum(1 for letter in LETTERS.get(lang, "") if letter in sample)
