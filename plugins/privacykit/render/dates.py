"""Dates in the reader's locale ("March 5, 2024", "5 de março de 2024", "2024年3月5日").

A small frozen table for the languages the package's catalog speaks (their output never moves), and
CLDR's long date (Babel's data) for any other locale Babel knows ("1 ديسمبر 2026"); English only for
a locale neither knows, which `date_language` says, so the page can mark it (rtl44).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

from ..errors import Problem, UsageError, excerpt
from ..load.policy_dates import babel_locale
from ..model.region import primary_language

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}


# Languages the frozen table writes; any other goes to CLDR.
_TABLE = frozenset({"en", "pt", "de", "fr", "es", "zh", "ja"})


def _cldr_date(day: dt.date, locale: str) -> str | None:
    """CLDR's long date for `locale`, or None when Babel does not know it."""
    from babel.dates import format_date as babel_date

    known = babel_locale(locale)
    return babel_date(day, format="long", locale=known) if known is not None else None


@lru_cache(maxsize=256)
def date_language(locale: str) -> str:
    """The language `format_date` writes a date of `locale` in: its own, or "en" when it falls back."""
    lang = primary_language(locale)
    if lang in _TABLE or _cldr_date(dt.date(2000, 1, 1), locale) is not None:
        return lang
    return "en"


def format_date(day: dt.date, locale: str) -> str:
    """Long date for `locale` (BCP 47 such as en-US, en-GB, pt-BR, zh-CN, ar-SA)."""
    lang, _, country = locale.replace("_", "-").partition("-")
    lang = lang.lower()
    if lang not in _TABLE:
        found = _cldr_date(day, locale)
        if found is not None:
            return found
    if lang in ("zh", "ja"):
        return f"{day.year}年{day.month}月{day.day}日"
    months = _MONTHS.get(lang, _MONTHS["en"])
    month = months[day.month - 1]
    if lang == "en" and country.upper() in ("US", "PH", ""):
        return f"{month} {day.day}, {day.year}"
    if lang == "en":
        return f"{day.day} {month} {day.year}"
    if lang in ("pt", "es"):
        return f"{day.day} de {month} de {day.year}"
    if lang == "de":
        return f"{day.day}. {month} {day.year}"
    return f"{day.day} {month} {day.year}"


# A site's build date is written into the sitemap's gzip header as 32-bit seconds since
# 1970: dates outside these can be neither built nor reproduced.
EARLIEST_BUILD = dt.date(1970, 1, 1)
LATEST_BUILD = dt.date(2106, 2, 7)


def parse_iso_date(text: str, what: str = "date") -> dt.date:
    """Parse YYYY-MM-DD strictly; a bad date is a `UsageError` naming `what` (its source)."""
    try:
        if not isinstance(text, str) or len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise UsageError(Problem(what, None, f"invalid {what} '{excerpt(str(text))}': expected YYYY-MM-DD",
                                 "write the date as YYYY-MM-DD")) from None


def check_build_date(day: dt.date, what: str) -> dt.date:
    """Refuse a build date the site cannot be stamped with; `what` names where it came from."""
    if not EARLIEST_BUILD <= day <= LATEST_BUILD:
        raise UsageError(Problem(what, None, f"build date {day.isoformat()} is outside "
                                 f"{EARLIEST_BUILD.isoformat()} to {LATEST_BUILD.isoformat()}",
                                 "build for a date in that range"))
    return day


def clock_today() -> dt.date:
    """Today's date in UTC by the system clock, whatever $PRIVACYKIT_BUILD_DATE or $SOURCE_DATE_EPOCH say.

    `release` and `release --withdraw` are judged and dated by it (withdraw44): a build date set in
    the past would otherwise unlock a refusal (withdraw a release already in force, give less notice
    than the rules ask) and back-date the record. The variables date builds only."""
    return dt.datetime.now(dt.timezone.utc).date()


def build_date(explicit: str | None = None, environ: Mapping[str, str] | None = None,
               what: str = "build_date") -> dt.date:
    """The date a site is built for, so a build is reproducible.

    In order: `explicit` (from `what`: the plugin's `build_date` or `--date`),
    $PRIVACYKIT_BUILD_DATE, $SOURCE_DATE_EPOCH (as a UTC date, the reproducible-builds
    convention), then today's date. A date that cannot be built is a `UsageError`.
    """
    import os

    env: Mapping[str, str] = os.environ if environ is None else environ
    if explicit:
        return check_build_date(parse_iso_date(explicit, what), what)
    if env.get("PRIVACYKIT_BUILD_DATE"):
        return check_build_date(parse_iso_date(env["PRIVACYKIT_BUILD_DATE"], "PRIVACYKIT_BUILD_DATE"),
                                "PRIVACYKIT_BUILD_DATE")
    if env.get("SOURCE_DATE_EPOCH"):
        text = env["SOURCE_DATE_EPOCH"]
        # Compare as text first: int() of thousands of digits is refused by Python itself.
        if not text.isascii() or not text.isdigit() or len(text) > 10 or int(text) >= 2 ** 32:
            raise UsageError(Problem("SOURCE_DATE_EPOCH", None,
                                     f"invalid SOURCE_DATE_EPOCH '{excerpt(text)}': expected seconds since "
                                     "1970-01-01 (0 to 4294967295)", "set it to a Unix timestamp, or unset it"))
        return check_build_date(dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc).date(),
                                "SOURCE_DATE_EPOCH")
    return clock_today()
