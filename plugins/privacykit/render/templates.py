"""The page templates: statement page, index, archive, redline, notice, fragment.

Defaults ship with the package (`privacykit/templates/`); a project overrides any
of them by putting a file of the same name in its own `templates/` folder.
Templates run sandboxed too, with undefined variables as errors, and with HTML
autoescaping: section HTML is passed in already sanitized and marked safe.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from ..errors import ContentError, Problem, display_path
from ..load.policy_dates import babel_locale
from ..load.yamlio import line_of, load_yaml, read_text
from ..model.region import primary_language

STRINGS = "strings.yml"
PACKAGE_STRINGS = resources.files("privacykit").joinpath("templates").joinpath(STRINGS)
NAMES = "names.yml"
PACKAGE_NAMES = resources.files("privacykit").joinpath("templates").joinpath(NAMES)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, **values: Any) -> Markup:
    """A template filter: `text` escaped, with each `{name}` replaced by its value (escaped
    unless it is markup already). Plain replacement in one pass: a catalog entry reaches no
    attribute, and a value's own braces stay as they are."""
    escaped = {name: str(escape(value)) for name, value in values.items()}
    return Markup(_filled(str(escape(text)), escaped))


def fill_text(text: str, **values: Any) -> str:
    """`fill` for plain text (escaped later, where it is shown)."""
    return _filled(text, {name: str(value) for name, value in values.items()})


def _filled(text: str, values: dict[str, str]) -> str:
    """Each `{name}` of `text` replaced by its value, in one pass. A value that ends with a full stop
    ("… Ltda.") takes the place of the sentence's own stop after it: one stop, in every language."""
    parts: list[str] = []
    end = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() < end:
            continue
        value = values.get(match.group(1), match.group(0))
        parts.append(text[end:match.start()] + value)
        end = match.end()
        if match.group(1) in values and value.endswith(".") and text.startswith(".", end):
            end += 1
    return "".join(parts) + text[end:]


def _parse_strings(text: str, shown: str, fast: bool = False) -> dict[str, dict[str, str]]:
    """`key: {language: text}` entries of a strings file, checked."""
    doc = load_yaml(text, shown, fast=fast)
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ContentError(Problem(shown, 1, "a strings file is a mapping of keys to translations",
                                   "see privacykit/templates/strings.yml"))
    return _entries(doc, shown)


def _parse_names(text: str, shown: str, fast: bool = False) -> dict[str, dict[str, str]]:
    """`kind: {key: {language: text}}` entries of a names file, as `kind:key` entries, checked."""
    doc = load_yaml(text, shown, fast=fast)
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not all(isinstance(keys, dict) for keys in doc.values()):
        raise ContentError(Problem(shown, 1, "a names file maps kinds of value to names by language",
                                   "see privacykit/templates/names.yml"))
    return {f"{kind}:{key}": texts for kind, keys in doc.items() for key, texts in _entries(keys, shown).items()}


def _entries(doc: dict, shown: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, texts in doc.items():
        line = line_of(doc, key)
        if not isinstance(texts, dict) or not texts:
            raise ContentError(Problem(shown, line, f"'{key}' needs texts by language, such as 'en: …'",
                                       "write one line per language under it"))
        for language, value in texts.items():
            if not isinstance(value, str):
                raise ContentError(Problem(shown, line_of(texts, language, line),
                                           f"'{key}' in '{language}' is not text", "quote the text"))
        out[str(key)] = {str(language).lower(): value for language, value in texts.items()}
    return out


# Languages written right to left (CLDR's character order, the ones a privacy statement is likely in).
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr"})


def text_direction(locale: str) -> str:
    """`rtl` or `ltr`: the direction of the language of `locale`."""
    return "rtl" if primary_language(locale) in RTL_LANGUAGES else "ltr"


def other_direction(language: str, page_language: str) -> str:
    """The direction of `language` where it differs from `page_language`'s ("ltr" for English in an
    Arabic page), else "": the `dir` an element marked with `lang` carries in the markup (rtl44)."""
    direction = text_direction(language)
    return direction if language and direction != text_direction(page_language) else ""


def other_language(language: str | None, page_language: str) -> str:
    """`language` where a page (or feed) in `page_language` must say it (`lang`) of words in it: their
    primary languages differ; else "" (also where either is not known)."""
    if not language or not page_language or primary_language(language) == primary_language(page_language):
        return ""
    return language


def lang_marks(language: str | None, page_language: str) -> str:
    """The attributes of an element of words in `language` on a page in `page_language`: ` lang="…"`, with
    ` dir="…"` where its direction is not the page's (an English title in an Arabic page, rtl44); "" where
    the page's language is theirs."""
    other = other_language(language, page_language)
    if not other:
        return ""
    direction = other_direction(other, page_language)
    return f' lang="{escape(other)}"' + (f' dir="{direction}"' if direction else "")


def language_name(language: str, catalog: dict[str, str] | None = None) -> str:
    """A language named in itself (the region switcher's "(日本語)"): the strings catalog's
    `language_name` where it has the language, else CLDR's name of it (Babel's data), else its code."""
    if catalog and language in catalog:
        return catalog[language]
    known = babel_locale(language)
    name = known.get_language_name() if known is not None else None
    return (name[:1].upper() + name[1:]) if name else language


def _territory(locale: str) -> str:
    parts = locale.replace("_", "-").split("-")[1:]
    return next((part.upper() for part in parts if len(part) == 2 and part.isalpha()), "")


@lru_cache(maxsize=256)
def territory_name(locale: str, language: str | None = None) -> str:
    """CLDR's name of the territory of `locale` (`ar-SA` -> "المملكة العربية السعودية") in `language`
    (the locale's own by default), or "" when the locale names none or Babel does not know it."""
    territory = _territory(locale)
    if not territory:
        return ""
    known = babel_locale(language or primary_language(locale))
    return known.territories.get(territory, "") if known is not None else ""


@lru_cache(maxsize=1024)
def english_name(name: str, locale: str) -> bool:
    """Whether a region's `name` is English rather than in the language of `locale`: CLDR's English
    name of its territory ("Saudi Arabia" for ar-SA), or plain ASCII where the language is not
    written in Latin letters (`NON_LATIN`)."""
    language = primary_language(locale)
    if language == "en" or not name:
        return False
    if name.casefold() == territory_name(locale, "en").casefold() and name != territory_name(locale):
        return True
    return language in NON_LATIN and name.isascii() and any(c.isalpha() for c in name)


# Languages whose text is not in Latin letters (an ASCII region name on their pages is English).
NON_LATIN = RTL_LANGUAGES | frozenset({"ja", "zh", "ko", "ru", "uk", "bg", "sr", "mk", "be", "kk", "el", "hy", "ka",
                                       "th", "lo", "km", "my", "hi", "bn", "ta", "te", "kn", "ml", "mr", "gu", "pa",
                                       "si", "ne", "am"})


class TemplateSet:
    """Renders named templates, the project's own first, then the package's."""

    def __init__(self, project_templates: Path | None = None):
        loaders: list[BaseLoader] = []
        if project_templates is not None and project_templates.is_dir():
            loaders.append(FileSystemLoader(str(project_templates)))
        loaders.append(PackageLoader("privacykit", "templates"))
        self.loader = ChoiceLoader(loaders)
        self.env = ImmutableSandboxedEnvironment(
            loader=self.loader, undefined=StrictUndefined,
            autoescape=lambda name: bool(name) and name.endswith((".html", ".xml")),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        self.env.filters["fill"] = fill
        self.env.filters["fill_text"] = fill_text     # for the text templates (notices), never escaped
        self.project_templates = project_templates
        self._digests: dict[str, str] = {}
        self._all: str | None = None
        self._catalog: dict[str, dict[str, str]] | None = None
        self._strings: dict[str, dict[str, str]] = {}
        self._names: dict[str, dict[str, str]] | None = None
        self._names_in: dict[str, dict[str, tuple[str, str]]] = {}

    def strings(self, locale: str) -> dict[str, str]:
        """The words around a statement in the language of `locale` (`pt-BR` -> `pt`),
        English where a translation is missing (see `templates/strings.yml`)."""
        language = primary_language(locale)
        if language not in self._strings:
            catalog = self._load_strings()
            words = {key: texts.get(language) or texts["en"] for key, texts in catalog.items()}
            # The words of a language the catalog lacks are English: `fallback_attrs` marks the element
            # they are in as English (left to right in a right-to-left page), so screen readers read them
            # in English and punctuation stays in place (i18n44).
            spoken = language == "en" or any(language in texts for texts in catalog.values())
            words["fallback_attrs"] = Markup("" if spoken else lang_marks("en", language))
            words["language_name"] = language_name(language, catalog.get("language_name", {}))
            self._strings[language] = words
        return self._strings[language]

    def entries(self, keys: list[str]) -> str:
        """The catalog's texts of `keys` in every language, as one string: part of a cache key that
        must change when those words change, and only then."""
        catalog = self._load_strings()
        return repr([(key, sorted(catalog.get(key, {}).items())) for key in keys])

    def speaks(self, locale: str) -> bool:
        """Whether the catalog has the language of `locale` (else its words are English)."""
        language = primary_language(locale)
        return language == "en" or any(language in texts for texts in self._load_strings().values())

    def words_locale(self, locale: str) -> str:
        """The locale of the catalog's words for readers in `locale`, and of the dates in their sentences:
        `locale` where the catalog speaks its language, else "en" (rtl44: not "on 31 ديسمبر 2026")."""
        return locale if self.speaks(locale) else "en"

    def names(self, locale: str) -> dict[str, tuple[str, str]]:
        """Names of the values findings speak of (`templates/names.yml`, `kind:key` -> the name and
        the language it is in): in the language of `locale` where the catalog has it, else English."""
        language = primary_language(locale)
        if self._names is None:
            self._names = self._load(PACKAGE_NAMES.read_text("utf-8"), "privacykit/templates/names.yml", NAMES,
                                     _parse_names)
        if language not in self._names_in:
            self._names_in[language] = {key: (texts[language], language) if language in texts else (texts["en"], "en")
                                        for key, texts in self._names.items()}
        return self._names_in[language]

    def region_name(self, region_id: str, locale: str, default: str) -> str:
        """A region's name in the language of `locale`: the catalog's (`regions:` in a project's
        `templates/names.yml`) where it has one in that language, else `default` (`regions.yml`'s,
        or the name a frozen document recorded)."""
        found = self.names(locale).get(f"regions:{region_id}")
        if found is not None and found[1] == primary_language(locale):
            return found[0]
        if not self.speaks(locale) and english_name(default, locale):
            # A language the catalog lacks, and a name written in English: CLDR's name of the
            # locale's territory in that language ("السعودية" for ar-SA), so an Arabic heading
            # does not hold an English name that splits around its parentheses (rtl44).
            return territory_name(locale) or default
        return default

    def _load_strings(self) -> dict[str, dict[str, str]]:
        if self._catalog is None:
            self._catalog = self._load(PACKAGE_STRINGS.read_text("utf-8"), "privacykit/templates/strings.yml",
                                       STRINGS, _parse_strings)
        return self._catalog

    def _load(self, package_text: str, package_shown: str, name: str, parse) -> dict[str, dict[str, str]]:
        """The package's catalog `name` with the project's own entries over it."""
        catalog: dict[str, dict[str, str]] = {}
        # The package's own file is trusted (and tested): the C parser, without line numbers.
        files = [(package_text, package_shown, True)]
        if self.project_templates is not None and (self.project_templates / name).is_file():
            path = self.project_templates / name
            files.append((read_text(path, display_path(path)), display_path(path), False))
        for text, shown, fast in files:
            for key, texts in parse(text, shown, fast).items():
                catalog.setdefault(key, {}).update(texts)
        missing = sorted(key for key, texts in catalog.items() if "en" not in texts)
        if missing:
            raise ContentError(Problem(files[-1][1], None, f"no English text for '{missing[0]}'",
                                       "give every entry an 'en:' text (the fallback of every language)"))
        return catalog

    def render(self, name: str, **context: Any) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except TemplateError as exc:
            where = getattr(exc, "filename", None) or self._filename(name)
            line = getattr(exc, "lineno", None) or _template_line(exc, where)
            raise ContentError(Problem(display_path(where), line, f"template error: {exc}",
                                       "fix the template or remove the project's override")) from None

    def _filename(self, name: str) -> str:
        try:
            return self.env.get_template(name).filename or name
        except TemplateError:
            return name

    def digest(self, name: str) -> str:
        """A digest of a template's text: part of cache keys, so an edited template is re-rendered."""
        if name not in self._digests:
            self._digests[name] = hashlib.sha256(self.source(name).encode()).hexdigest()
        return self._digests[name]

    def digest_all(self) -> str:
        """A digest of every template (a page includes others): part of whole-page cache keys."""
        if self._all is None:
            digest = hashlib.sha256()
            for name in sorted(self.env.list_templates()):
                digest.update(f"{name}\0{self.source(name)}\0".encode())
            self._all = digest.hexdigest()
        return self._all

    def source(self, name: str) -> str:
        """The text of a template (used for static assets such as the stylesheet)."""
        return self.loader.get_source(self.env, name)[0]


def _template_line(exc: BaseException, filename: str) -> int | None:
    """The template line a render error happened on (Jinja puts template frames in the traceback)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
