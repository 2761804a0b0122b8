"""The text readers see, made comparable: Unicode and HTML tricks undone before any matching.

A reader sees "sell" whether the file says `sell`, `s&#101;ll`, `s\u0435ll` (a Cyrillic e),
`s\u200bell` (a zero-width space) or `se\u00adll` (a soft hyphen). The detector must judge
the word the reader sees, so every text is matched in its *reading form*: HTML entities
decoded, NFKC-normalised (full-width and mathematical letters become plain ones), format
characters removed, and letters that only look Latin folded to Latin inside words that are
otherwise Latin.

Two tricks cannot be undone by folding and are reported on their own: bidirectional
controls, which reorder what is shown ("\u202elles" reads "sell"), and words mixing Latin
with Cyrillic or Greek letters, which exist to defeat word matching.
"""

from __future__ import annotations

import enum
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .patterns import compiled
from .prefilter import Required, may_match, required

T = TypeVar("T")


class Places(list[T]):
    """A list (a section's sentences) that tells where an element stands, by identity, without a scan: asked of
    every row of a pasted table, a scan of the section each made reading the table quadratic (perf46). Elements
    are only ever added, never replaced: the places are found again when the length changes."""

    _places: tuple[dict[int, int], int] | None = None
    _found: dict[Callable[[T], bool], tuple[list[int], int]] | None = None

    def place(self, item: T) -> int | None:
        """The index of `item` itself (the first, if it stands twice), or None."""
        if self._places is None or self._places[1] != len(self):
            places: dict[int, int] = {}
            for i, element in enumerate(self):
                places.setdefault(id(element), i)
            self._places = (places, len(self))
        return self._places[0].get(id(item))

    def where(self, test: Callable[[T], bool]) -> list[int]:
        """The indexes of the elements `test` holds for, in order (a test of what an element is made with: its answer
        never changes)."""
        if self._found is None:
            self._found = {}
        found = self._found.get(test)
        if found is None or found[1] != len(self):
            found = self._found[test] = ([i for i, element in enumerate(self) if test(element)], len(self))
        return found[0]


def place(items: Sequence[T], item: T) -> int | None:
    """Where `item` itself stands in `items` (`Places.place` when they are `Places`), or None."""
    if isinstance(items, Places):
        return items.place(item)
    return next((i for i, element in enumerate(items) if element is item), None)


def where(items: Sequence[T], test: Callable[[T], bool]) -> list[int]:
    """The indexes of the elements of `items` that `test` holds for (`Places.where` when they are `Places`)."""
    if isinstance(items, Places):
        return items.where(test)
    return [i for i, element in enumerate(items) if test(element)]

# Embeddings, overrides and isolates reorder what is displayed; marks (LRM, RLM) do not.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common part).
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l",
    "ԛ": "q", "ԝ": "w", "ɡ": "g", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
_CONFUSABLE_CHARS = frozenset(_CONFUSABLES)
_WORD = compiled(r"\w+", re.UNICODE)
# Where format characters (category Cf) and Cyrillic or Greek letters can be: a cheap test
# before the per-character work, which most texts do not need.
_FORMAT = compiled("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                   "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U0001bca0-\U0001bca3"
                   "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
_LOOKALIKE = compiled("[\u0250-\u02af\u0370-\u052f]")
_SPACES = compiled(r"\s+")
_FOOTNOTE_MARK = compiled(r"(?<=[^\W\d_])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")


class HiddenTextKind(str, enum.Enum):
    """Ways text can show readers something other than what a word match sees."""

    BIDI_CONTROL = "bidi-control"
    MIXED_SCRIPT = "mixed-script"


@dataclass(frozen=True)
class HiddenText:
    """One trick found in a text: what it is and the word (in reading form) it touches."""

    kind: HiddenTextKind
    word: str

    def describe(self) -> str:
        if self.kind is HiddenTextKind.BIDI_CONTROL:
            return f"bidirectional control characters reorder what readers see near “{self.word}”"
        return f"“{self.word}” mixes Latin with Cyrillic or Greek letters that look Latin"


class LazyPattern:
    """A regular expression compiled when first used: the detector's patterns would otherwise
    cost a tenth of a second at every start, used or not. A text that holds none of the words
    every match needs (`changes/prefilter.py`) is not searched: the answer is the same."""

    __slots__ = ("_compiled", "_required", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._required: Required = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._required = required(self.pattern, self.flags)
            self._compiled = compiled(self.pattern, self.flags)
        return self._compiled

    def _absent(self, text: str) -> bool:
        """Whether the pattern cannot match `text` (it holds none of the words a match needs)."""
        return self._required is not None and not may_match(self._required, text)

    def possible(self, text: str) -> bool:
        """Whether the pattern may match `text`: False only where it holds none of the words every
        match needs (the prefilter's test alone, without running the pattern)."""
        self.compiled()
        return not self._absent(text)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        pattern = self.compiled()
        return None if self._absent(text) else pattern.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        pattern = self.compiled()
        return None if self._absent(text) else pattern.match(text, *args)

    def finditer(self, text: str):
        pattern = self.compiled()
        return iter(()) if self._absent(text) else pattern.finditer(text)

    def findall(self, text: str) -> list:
        pattern = self.compiled()
        return [] if self._absent(text) else pattern.findall(text)

    def split(self, text: str) -> list[str]:
        pattern = self.compiled()
        return [text] if self._absent(text) else pattern.split(text)

    def sub(self, replacement, text: str) -> str:
        pattern = self.compiled()
        return text if self._absent(text) else pattern.sub(replacement, text)


def _script(char: str) -> str:
    if char < "\u0080":
        return "LATIN" if char.isalpha() else ""
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _fold_word(match: re.Match) -> str:
    word = match.group(0)
    if word.isascii():
        return word
    scripts = {_script(c) for c in word} - {""}
    # Only a word that is otherwise Latin is folded: Russian or Greek text stays as written.
    if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
        return word.translate(_CONFUSABLES)
    if scripts <= {"CYRILLIC", "GREEK"} and all(ord(c) in _CONFUSABLE_CHARS for c in word if c.isalpha()):
        return word.translate(_CONFUSABLES)
    return word


# Typographic quotes read as the plain ones: a policy that switches to curly quotes says nothing new.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})


def reading_form(text: str) -> str:
    """`text` as readers read it, for matching: entities decoded, NFKC, typographic quotes plain,
    no format characters, look-alike letters folded to Latin, spacing collapsed."""
    if "&" in text:
        text = html.unescape(text)
    if text.isascii():
        return _SPACES.sub(" ", text).strip()
    # A footnote marker on a word ("consent¹") is no part of it; NFKC would make it "consent1".
    text = _FOOTNOTE_MARK.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if _FORMAT.search(text):
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if _LOOKALIKE.search(text):
        text = _WORD.sub(_fold_word, text)
    return _SPACES.sub(" ", text).strip()


def hidden_text(text: str) -> list[HiddenText]:
    """Bidirectional controls and mixed-script words in `text` (empty for plain text)."""
    if text.isascii() and "&" not in text:
        return []
    raw = html.unescape(text)
    found: list[HiddenText] = []
    if any(c in BIDI_CONTROLS for c in raw):
        for piece in re.split(r"\s+", raw):
            if any(c in BIDI_CONTROLS for c in piece):
                found.append(HiddenText(HiddenTextKind.BIDI_CONTROL, reading_form(piece) or "(empty)"))
    normal = "".join(c for c in unicodedata.normalize("NFKC", raw) if unicodedata.category(c) != "Cf")
    for match in _WORD.finditer(normal):
        folded = _fold_word(match)
        if folded != match.group(0):
            found.append(HiddenText(HiddenTextKind.MIXED_SCRIPT, folded))
    return list(dict.fromkeys(found))


# -- numbers written in words ---------------------------------------------------------------------
# A figure a writer spells out ("one hundred eighty days", "twenty-one days", "a hundred and twenty days") is
# the same figure as its digits: the readings of periods (retention, a right's deadline) and the editorial
# comparison read it whole, never only its last word ("eighty days" in "one hundred eighty days").
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_VALUES = {w: i for i, w in enumerate(_ONES, 1)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_ONE_TO_NINE = "|".join(_ONES[:9])
_BELOW_HUNDRED = (r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + _ONE_TO_NINE + r"))?\b|(?:"
                  + "|".join(sorted(_ONES, key=len, reverse=True)) + r")\b)")
# A figure of two words or more ("a hundred", "one hundred and eighty", "forty-five"); one word alone is
# left to each reader's own list, as before.
COMPOUND_NUMBER = (r"\b(?:(?:(?:" + "|".join(_ONES) + r"|a|an)[\s-]hundred(?:[\s-](?:and[\s-])?" + _BELOW_HUNDRED
                   + r"|\b)(?:[\s-]thousand\b)?)|(?:" + "|".join(_TENS) + r")[\s-](?:" + _ONE_TO_NINE + r")\b)")


def number_value(words: str) -> int | None:
    """The value of a figure written in words ("one hundred eighty" -> 180, "forty-five" -> 45, "a hundred" ->
    100), or None when a word is no number word."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.strip().lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an") and not seen:
            current, seen = 1, True
        elif word in NUMBER_VALUES:
            current, seen = current + NUMBER_VALUES[word], True
        elif word == "hundred" and seen:
            current *= 100
        elif word == "thousand" and seen:
            total, current = (total + current) * 1000, 0
        else:
            return None
    return total + current if seen else None
