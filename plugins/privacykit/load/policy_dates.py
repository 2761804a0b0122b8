"""Dates as policies write them, in their own language (import45).

"Last updated: March 5, 2024", "Zuletzt aktualisiert: 5. März 2024", "Mise à jour : 5 mars 2024",
"Última actualización: 5 de marzo de 2024", "最終更新日：2024年3月5日": the month names and the order of
day, month and year come from CLDR (Babel's data), never from a table written here. A language's dates
are read with the long and medium patterns of every CLDR locale of that language ("MMMM d, y" and
"d MMMM y" for English), so a British date reads in an American project; the month names are CLDR's
wide and abbreviated ones, in their format and stand-alone forms.

A numeric date (`03/05/2024`, `05.03.2024`) follows the convention of the policy's locale (its short
pattern: en-US reads month first, en-GB and de-DE day first); when both readings are real dates, the
reading is a guess and is said so (`ReadDate.other`). ISO dates (`2024-03-05`) and year-first dates
(`2024/3/5`) have one reading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model.region import primary_language

# The languages a policy's date is looked for in when the locale's own language finds none (a German
# policy imported into a project whose regions speak English): the languages of the package's catalog
# and a few more of the policies the archive holds. Numeric dates are read in the locale's convention only.
FALLBACK_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "ja", "zh", "ko")
DEFAULT_LOCALE = "en-US"

_FIELD = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")
_ORDINAL = r"(?:st|nd|rd|th|er|º|ª)?"


@dataclass(frozen=True)
class ReadDate:
    """A date found in a text: where, which day, and the other day it could be (numeric dates only)."""

    start: int
    end: int
    day: dt.date
    other: dt.date | None = None    # the other reading of an ambiguous numeric date: the day is a guess
    language: str | None = None     # the language whose month names or date words it is written in (None: numeric)

    @property
    def guess(self) -> bool:
        return self.other is not None


def babel_locale(locale: str):    # -> babel.Locale | None
    """Babel's locale of a language tag (`pt-BR` or `pt_BR`: CLDR's data of it), or None when it knows none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def known_locale(locale: str) -> bool:
    return babel_locale(locale) is not None


# CLDR's region groups, whose locales hold a language's conventions beside its default one (en_001, the
# English of the world, writes "d MMMM y" where en writes "MMMM d, y"; es_419, Latin America's Spanish).
_REGION_GROUPS = ("001", "150", "419")


@lru_cache(maxsize=64)
def _language_locales(language: str) -> tuple:
    """The CLDR locales of `language` whose dates are read: the language's own and its region groups'."""
    found = [babel_locale(language), *(babel_locale(f"{language}_{group}") for group in _REGION_GROUPS)]
    return tuple(loc for loc in found if loc is not None)


@lru_cache(maxsize=64)
def month_names(language: str) -> dict[str, int]:
    """CLDR's month names of `language` (wide and abbreviated, format and stand-alone, of all its
    locales), casefolded and without a final period, to the month's number."""
    out: dict[str, int] = {}
    for loc in _language_locales(language):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in loc.months.get(context, {}).get(width, {}).items():
                    key = name.casefold().rstrip(".")
                    if key and not key.isdigit():
                        out.setdefault(key, number)
    return out


def _pattern_regex(pattern: str, months: str) -> tuple[str, tuple[str, ...]] | None:
    """A CLDR date pattern as a regular expression, with the fields it captures in order ('y', 'M',
    'N' for a month name, 'd'), or None for a pattern with other fields (eras, weekdays, quarters)."""
    parts: list[str] = []
    fields: list[str] = []
    for m in _FIELD.finditer(pattern):
        token = m.group(0)
        if m.group(1):
            letter, width = m.group(1), len(token)
            if letter in "yu":
                parts.append(r"(\d{4})" if width != 2 else r"(\d{4}|\d{2})")
                fields.append("y")
            elif letter in "ML":
                parts.append(rf"({months})\.?" if width >= 3 else r"(\d{1,2})")
                fields.append("N" if width >= 3 else "M")
            elif letter == "d":
                parts.append(rf"(\d{{1,2}}){_ORDINAL}")
                fields.append("d")
            else:
                return None
        else:
            parts.extend(_literal(token[1:-1].replace("''", "'") if token.startswith("'") else token))
    if not {"y", "d"} <= set(fields) or not ({"M", "N"} & set(fields)):
        return None
    regex = "".join(parts)
    regex = (r"(?<!\w)" if fields[0] == "N" else r"(?<!\d)" if parts[0].startswith("(") else "") + regex
    regex += r"(?!\w)" if fields[-1] == "N" else r"(?!\d)" if parts[-1].startswith("(") else ""
    return regex, tuple(fields)


def _literal(text: str) -> list[str]:
    """A pattern's literal text as regular expressions: spaces optional, commas and periods optional,
    words ('de', 年) whole with optional space around them."""
    out = []
    for piece in re.findall(r"\s+|[^\W\d_]+|.", text):
        if piece.isspace():
            out.append(r"\s*")
        elif piece in ",.":
            out.append(re.escape(piece) + "?")
        elif piece.isalpha():
            out.append(r"\s*" + re.escape(piece) + r"\s*")
        else:
            out.append(re.escape(piece))
    return out


def _numeric_only(pattern: str) -> bool:
    """A pattern of numbers and separators alone (`M/d/yy`, `dd.MM.y`): read by `_NUMERIC` in the locale's order."""
    literal = _FIELD.sub(lambda m: "" if m.group(1) else m.group(0), pattern)
    return "MMM" not in pattern and "LLL" not in pattern and not re.search(r"[^\s/.,\-]", literal)


@lru_cache(maxsize=64)
def _named_patterns(language: str) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """The long and medium date patterns of every locale of `language`, as regular expressions."""
    names = month_names(language)
    months = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    seen: dict[str, tuple[str, ...]] = {}
    for loc in _language_locales(language):
        for width in ("long", "medium"):
            pattern = loc.date_formats[width].pattern
            if _numeric_only(pattern):
                continue
            made = _pattern_regex(pattern, months)
            if made:
                seen.setdefault(*made)
    return tuple((re.compile(r, re.IGNORECASE), f) for r, f in seen.items())


@lru_cache(maxsize=64)
def numeric_order(locale: str) -> str:
    """The order of day, month and year in `locale`'s short date ("mdy" for en-US, "dmy" for de-DE)."""
    loc = babel_locale(locale) or babel_locale(DEFAULT_LOCALE)
    order = "".join(dict.fromkeys(c for c in re.sub(r"'[^']*'", "", loc.date_formats["short"].pattern).lower()
                                  if c in "dmy"))
    return order if len(order) == 3 else "mdy"


_NUMERIC = re.compile(r"(?<![\d./-])(?:(\d{4})([./-])(\d{1,2})\2(\d{1,2})|(\d{1,2})([./-])(\d{1,2})\6(\d{4}|\d{2}))"
                      r"(?![\d/-]|\.\d)")


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _numeric_dates(text: str, locale: str) -> list[ReadDate]:
    found = []
    for m in _NUMERIC.finditer(text):
        if m.group(1):
            day = _day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
            if day:
                found.append(ReadDate(m.start(), m.end(), day))
            continue
        a, b, year = int(m.group(5)), int(m.group(7)), _year(m.group(8))
        month_first = numeric_order(locale).index("m") < numeric_order(locale).index("d")
        mine = _day(year, a, b) if month_first else _day(year, b, a)
        theirs = _day(year, b, a) if month_first else _day(year, a, b)
        if mine:
            found.append(ReadDate(m.start(), m.end(), mine, theirs if theirs and theirs != mine else None))
        elif theirs:
            found.append(ReadDate(m.start(), m.end(), theirs))
    return found


def _named_dates(text: str, language: str) -> list[ReadDate]:
    names = month_names(language)
    found = []
    for regex, fields in _named_patterns(language):
        for m in regex.finditer(text):
            values = dict(zip(fields, m.groups(), strict=True))
            month = int(values["M"]) if "M" in values else names.get(values["N"].casefold().rstrip("."))
            day = _day(_year(values["y"]), month, int(values["d"])) if month else None
            if day:
                found.append(ReadDate(m.start(), m.end(), day, language=language))
    return found


def find_dates(text: str, locale: str = DEFAULT_LOCALE) -> list[ReadDate]:
    """Every date of `text`, in order: written with month names or CJK date words in the locale's language
    (else in the first of `FALLBACK_LANGUAGES` that finds one), or numerically (ISO, year first, or in
    the locale's order, an ambiguous one being a guess). Overlapping finds keep the longest."""
    if not any(c.isdigit() for c in text):
        return []
    own = primary_language(locale)
    named = _named_dates(text, own) if babel_locale(locale) else []
    if not named:
        for language in FALLBACK_LANGUAGES:
            if language != own and (named := _named_dates(text, language)):
                break
    found = sorted([*named, *_numeric_dates(text, locale)], key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[ReadDate] = []
    for read in found:
        if not kept or read.start >= kept[-1].end:
            kept.append(read)
    return kept


@lru_cache(maxsize=64)
def _month_year(language: str) -> re.Pattern[str]:
    """A month named with its year ("March 2024", "März 2024", "2024年3月"): CLDR's `yMMMM` pattern of the
    language."""
    names = month_names(language)
    months = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    locales = _language_locales(language)
    fmt = locales[0].datetime_skeletons.get("yMMMM") if locales else None
    parts: list[str] = []
    for m in _FIELD.finditer(getattr(fmt, "pattern", "")):
        token = m.group(0)
        if m.group(1) and token[0] in "yu":
            parts.append(r"(?<!\d)\d{4}(?!\d)")
        elif m.group(1) and token[0] in "ML":
            parts.append(rf"(?<!\w)(?:{months})\.?(?!\w)" if len(token) >= 3 else r"(?<!\d)\d{1,2}")
        elif m.group(1):
            return re.compile(r"(?!)")
        else:
            parts.extend(_literal(token[1:-1] if token.startswith("'") else token))
    return re.compile("".join(parts) or r"(?!)", re.IGNORECASE)


def names_a_month(text: str, locale: str = DEFAULT_LOCALE) -> bool:
    """`text` holds a date or a month of a year ("March 2024", "März 2024") in the locale's language or a
    fallback one."""
    if not any(c.isdigit() for c in text):
        return False
    if find_dates(text, locale):
        return True
    languages = dict.fromkeys((primary_language(locale), *FALLBACK_LANGUAGES))
    return any(_month_year(language).search(text) for language in languages)
