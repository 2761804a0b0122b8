"""Dates in the reader's locale ("March 5, 2024", "5 de março de 2024", "2024年3月5日").

A small frozen table instead of a CLDR dependency: statements are published in a
handful of locales and each needs exactly one long date format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

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


def format_date(day: dt.date, locale: str) -> str:
    """Long date for `locale` (BCP 47 such as en-US, en-GB, pt-BR, zh-CN)."""
    lang, _, country = locale.replace("_", "-").partition("-")
    lang = lang.lower()
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


def parse_iso_date(text: str, what: str = "date") -> dt.date:
    """Parse YYYY-MM-DD strictly; raise ValueError with a readable message."""
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"invalid {what} '{text}': expected YYYY-MM-DD") from None


def build_date(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """The date a site is built for, so a build is reproducible.

    In order: `explicit`, $PRIVACYKIT_BUILD_DATE, $SOURCE_DATE_EPOCH (as a UTC
    date, the reproducible-builds convention), then today's date.
    """
    import os

    env: Mapping[str, str] = os.environ if environ is None else environ
    if explicit:
        return parse_iso_date(explicit, "build date")
    if env.get("PRIVACYKIT_BUILD_DATE"):
        return parse_iso_date(env["PRIVACYKIT_BUILD_DATE"], "PRIVACYKIT_BUILD_DATE")
    if env.get("SOURCE_DATE_EPOCH"):
        try:
            stamp = int(env["SOURCE_DATE_EPOCH"])
        except ValueError:
            raise ValueError(f"invalid SOURCE_DATE_EPOCH '{env['SOURCE_DATE_EPOCH']}': expected seconds") from None
        return dt.datetime.fromtimestamp(stamp, tz=dt.timezone.utc).date()
    return dt.date.today()
