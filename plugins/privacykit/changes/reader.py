"""Reader lines: one plain sentence per change, for the people a statement is written for.

A finding says what changed for reviewers ("new recipient: “identity verification partners”",
the rules that apply, the decision). Readers get one sentence instead ("We now share your name
and order details with identity verification partners."), made from the finding's data (its
fact and value, or the item, old and new values and sentence of the text that shows it) and
the catalog: the sentences are `reader_…` entries of `templates/strings.yml`, the values'
names are in `templates/names.yml`, both per language.

Readers of the statement's own language get the values as the text writes them; readers of a
translation get the catalog's names of the values' keys in their language. A value the
catalog cannot name (a company's name, words the detector found no key for) is quoted as
the text writes it and marked with the text's language, so a screen reader says it right.

A statement in another language than English is judged on its English reading
(`changes/language.py`), and a finding's values are that reading's words where the text's own
words for them are not known ("24 months" for "24 Monate", "a data protection officer" for
"einen Datenschutzbeauftragten"). Those values are given as the sentence writes them (the span
whose reading they are); a period the sentence does not write is put in the reader's language
by the catalog's units; any other reading's words are quoted and marked as English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from markupsafe import Markup

from ..load.policy_dates import babel_locale
from ..model.facts import ChangeKind, FactKind
from ..model.region import primary_language
from ..model.vocabulary import ancestors
from .items import analyse
from .language import ENGLISH, reading
from .patterns import compiled
from .prose import ProseFinding, ProseKind
from .terms import Item, Weight
from .verdict import Finding, Origin

_PLACEHOLDER = compiled(r"\{(\w+)\}")
_NAMED_FIRST = frozenset({"data_uses", "legal_basis", "safeguards", "sources"})


@dataclass(frozen=True)
class Phrase:
    """A value put into a reader line; `lang` is set when it is in another language than the line."""

    text: str
    lang: str | None = None
    html: str | None = None     # its HTML, when a part of it is in another language

    def marked(self, language: str) -> str:
        """The phrase as HTML in a line in `language` (marked with its own language when another)."""
        if self.html is not None:
            return self.html
        if self.lang and primary_language(self.lang) != language:
            return f'<span lang="{escape(self.lang)}">{escape(self.text)}</span>'
        return escape(self.text)


@dataclass(frozen=True)
class ReaderLine:
    """One sentence for readers, as plain text and as HTML (values in another language marked)."""

    text: str
    html: Markup
    language: str
    frame: str = ""     # the catalog entry it was written from (`reader_other`…), for pages that rank lines

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class ReaderWords:
    """The catalog in one reader's language: the sentences (`strings`, English where the language
    has none), the names of values (`kind:key` -> name and the language it is in), the language
    the statement's own words are in, and names a project gives its own recipient kinds."""

    language: str
    strings: Mapping[str, str]
    names: Mapping[str, tuple[str, str]]
    source_language: str = "en"
    project_names: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, templates, locale: str, source_language: str = "en",
           project_names: Mapping[str, str] | None = None) -> ReaderWords:
        """The words of `templates` (a `TemplateSet`) for readers in `locale`."""
        language = primary_language(templates.words_locale(locale))
        return cls(language, templates.strings(locale), templates.names(locale),
                   primary_language(source_language), dict(project_names or {}))

    @property
    def reads_source(self) -> bool:
        """The reader reads the language the statement is written in."""
        return self.language == self.source_language

    def name(self, kind: str, key: str | None) -> Phrase | None:
        """The catalog's name of `key` (the nearest broader Fides key's when it has none)."""
        if not key:
            return None
        for candidate in [key, *ancestors(key)] if kind in ("data_categories", "data_uses") else [key]:
            found = self.names.get(f"{kind}:{candidate}")
            if found is not None:
                text, language = found
                return Phrase(text, None if language == self.language else language)
        if kind == "recipients" and key in self.project_names:
            name = self.project_names[key]
            return Phrase(name[:1].lower() + name[1:], None if self.reads_source else self.source_language)
        return None

    def as_written(self, words: str) -> Phrase:
        """Words of the statement: as they are for its own readers, quoted and marked for others."""
        words = words.strip()
        if self.reads_source:
            return Phrase(words)
        return Phrase(_fill(self.strings["reader_quote"], text=words), self.source_language)

    def in_english(self, words: str) -> Phrase:
        """Words of the English reading of a statement in another language that its text does not
        write: quoted, and marked as English for readers of any other language."""
        words = words.strip()
        return Phrase(_fill(self.strings["reader_quote"], text=words), None if self.language == ENGLISH else ENGLISH)

    def value(self, kind: str, key: str | None, words: str = "", read: bool = False) -> Phrase | None:
        """A value as readers read it: the text's words for its own readers, else the catalog's name.
        Uses are named from the catalog for every reader: the words that show one are often a verb
        ('train') rather than a name. `read`: `words` are the English reading's, not the text's."""
        if words and read:
            return self.name(kind, key) or self.in_english(words)
        if words and self.reads_source and kind not in _NAMED_FIRST:
            return Phrase(words.strip())
        return self.name(kind, key) or (self.as_written(words) if words else None)

    def join(self, phrases: list[Phrase]) -> Phrase:
        """'a, b and c' in the reader's language (a value in another language keeps its mark only alone)."""
        if len(phrases) == 1:
            return phrases[0]
        comma = self.strings["reader_list_comma"]
        text = _fill(self.strings["reader_list_and"], items=comma.join(p.text for p in phrases[:-1]),
                     last=phrases[-1].text)
        return Phrase(text)


def reader_line(finding: Finding, words: ReaderWords, titles: Mapping[str, Phrase] | None = None) -> ReaderLine:
    """The sentence readers in `words`' language get for `finding`. `titles` gives the section
    titles as those readers read them (`titles_of`; a line may name the section a change is in)."""
    titles = titles or {}
    frame, values = _line(finding, words, titles)
    apps = _apps(finding, frame, titles)
    if apps:
        # A value new to these apps' users only (facts45): "Moto Body now collects …", a sentence per app.
        lines = [_render(words, _APP_FRAMES[frame], {**values, "section": title}) for title in apps]
        gap = sentence_gap(words.language)
        return ReaderLine(gap.join(line.text for line in lines), Markup(gap).join(line.html for line in lines),
                          words.language, _APP_FRAMES[frame])
    return _render(words, frame, values)


def sentence_gap(language: str) -> str:
    """What goes between two sentences in `language`: a space, or nothing in Chinese and Japanese,
    whose full stop (。) ends a sentence without one ("…模型。Moto Body现在…", final45b)."""
    return "" if primary_language(language) in ("zh", "ja") else " "


# The sentence of a value new to one app's users, for the sentence of a value new to every reader.
_APP_FRAMES = {"reader_collect": "reader_app_collect", "reader_collect_sensitive": "reader_app_collect_sensitive",
               "reader_use": "reader_app_use", "reader_share": "reader_app_share",
               "reader_transfer": "reader_app_transfer", "reader_subjects": "reader_app_subjects",
               "reader_sell": "reader_app_sell", "reader_advertising": "reader_app_advertising"}


def _apps(finding: Finding, frame: str, titles: Mapping[str, Phrase]) -> list[Phrase]:
    """The titles of the app sections a finding's value is new to, when it is new to their users only."""
    fact = finding.declared
    if fact is None or not fact.local or frame not in _APP_FRAMES:
        return []
    return [titles[s] for s in finding.sections if s in titles and titles[s].text.strip()]


def _render(words: ReaderWords, frame: str, values: Mapping[str, Phrase]) -> ReaderLine:
    template = words.strings[frame]
    texts: list[str] = []
    parts: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        between = template[last:match.start()]
        if texts and texts[-1].endswith(".") and between.startswith("."):
            between = between[1:]  # "… instead of Reddit, Inc." ends the sentence with the name's own stop
        phrase = values.get(match.group(1))
        texts += [between, match.group(0) if phrase is None else phrase.text]
        parts += [escape(between), escape(match.group(0)) if phrase is None else phrase.marked(words.language)]
        last = match.end()
    tail = template[last:]
    if texts and texts[-1].endswith(".") and tail.startswith("."):
        tail = tail[1:]
    texts.append(tail)
    parts.append(escape(tail))
    return ReaderLine("".join(texts), Markup("".join(parts)), words.language, frame)


def _fill(template: str, **values: str) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


# -- which sentence, with which values ------------------------------------------------------------

def _line(finding: Finding, words: ReaderWords, titles: Mapping[str, Phrase]) -> tuple[str, dict[str, Phrase]]:
    titles = {sid: title for sid, title in titles.items() if title.text.strip()}  # an untitled section is none
    prose = finding.prose
    fact = finding.declared
    if fact is not None:
        made = _fact_line(finding, words, titles)
        if made is not None:
            return _faithful(finding, made, words, titles)
    if prose is not None:
        made = _prose_line(finding, prose, words, titles)
        if made is not None:
            return _faithful(finding, made, words, titles)
    return _general(finding, titles)


# findings43: a reader line says only what the text says. A value is given as the text writes it (its own
# capitals: "ChatGPT", "Reddit, Inc", "IP address", "Japan", not the key's lower case); a value that is not the
# name of a thing (a clause read as a recipient, "a data protection officer" as the officer's name) gives the
# neutral line of its item instead ("We changed what “Contact” says about our data protection officer.").
_NAMED_SLOTS = ("recipient", "data", "controller", "before", "dpo", "country", "source", "right", "use")
# Words between two of a name's words that its key drops ("Reddit Rede de Comunidades do Brasil Ltda").
_NAME_GAP = r"[\s,.\-]+(?:(?:of|de|do|da|du|der|des|the|and|&)[\s,.\-]+)?"
# A value that opens as a clause or a phrase of another part of speech, not a noun phrase.
_NOT_A_NAME = compiled(r"^(?:with|to|from|by|for|of|they|we|you|it|he|she|this|these|those|who|which|that)\b|"
                       r"[;:()]|\.\s|\.$|\b(?:may|will|shall|must|can|is|are|was|were|have|has)\b",
                       re.IGNORECASE)
# Words that end as a clause does, on its object pronoun ("discriminate against you"), or are one.
_CLAUSE_END = compiled(r"(?:^|\s)(?:you|us|them|it|me)\s*$", re.IGNORECASE)
# A purpose's words that are a sentence or a link's words, not the name of a use: a link's invitation ("Learn
# more about the inferences we make…"), a sentence's stop or colon, or more words than a use's name takes.
# Another party's use ("for its AI training") is not ours to tell as "We now use".
_NOT_A_USE = compiled(r"^(?:learn|see|click|visit|read|find|go|check)\b|[:;]|\.\s|\.$|^(?:\S+\s+){9,}\S|"
                      r"\b(?:its|their|his|her)\b", re.IGNORECASE)
# The officer named only by the office ("a Data Protection Office", "our data protection officer").
_OFFICE_ONLY = compiled(r"^(?:(?:a|an|the|our)\s+)?data\s+protection\s+office(?:r)?\s*$", re.IGNORECASE)


def _faithful(finding: Finding, made: tuple[str, dict[str, Phrase]], words: ReaderWords,
              titles: Mapping[str, Phrase]) -> tuple[str, dict[str, Phrase]]:
    frame, values = made
    if not words.reads_source:
        return made
    sentence = finding.prose.sentence if finding.prose is not None else ""
    fixed: dict[str, Phrase] = {}
    for slot, phrase in values.items():
        if slot in _NAMED_SLOTS and phrase.html is None and phrase.lang is None:
            text = phrase.text
            if (slot == "dpo" and _OFFICE_ONLY.match(text)) or (
                    slot in ("recipient", "source") and _NOT_A_NAME.search(text)) or (
                    slot == "use" and _NOT_A_USE.search(text)):
                return _about(finding, words, titles)
            if slot == "use" and _FOR.match(text):
                phrase = Phrase(_FOR.sub("", text))     # "for for its AI training": the use's own "for"
                text = phrase.text
            if sentence and text == text.lower():
                phrase = Phrase(_as_in(text, sentence, slot in _PROPER_SLOTS))
        fixed[slot] = phrase
    return frame, fixed


# Slots whose value is a proper name by nature: a company, a country.
_PROPER_SLOTS = frozenset({"controller", "before", "country"})
# A capital inside a word: an acronym or a brand's own spelling ("IP", "ChatGPT", "IDs").
_INNER_CAPITAL = compiled(r"[A-Za-z][A-Z]")


def _as_in(text: str, sentence: str, proper: bool) -> str:
    """`text` (a value's words, lower-cased) as `sentence` writes it, when the capitals are the value's own:
    an acronym or a brand's spelling anywhere, the capitals of a name where the value is a name (a company,
    a country). Title case that only marks a heading or a list's item ("Precise Location Data") is not."""
    tokens = re.findall(r"\w+", text)
    if not tokens or len(tokens) > 8:
        return text
    found = re.search(r"(?<!\w)" + _NAME_GAP.join(map(re.escape, tokens)) + r"(?!\w)", sentence, re.IGNORECASE)
    if found is None:
        return text
    written = found.group(0).rstrip(",.- ")
    if written.lower() == written:
        return text
    if _INNER_CAPITAL.search(written) or proper:
        return written
    return text


def _about(finding: Finding, words: ReaderWords, titles: Mapping[str, Phrase]) -> tuple[str, dict[str, Phrase]]:
    """The neutral line: which section changed what it says of the finding's item."""
    prose = finding.prose
    item = prose.item.value if prose is not None and prose.item is not None else None
    about = words.name("items", item) if item else None
    if about is None:
        return _general(finding, titles)
    title = next((titles[s] for s in finding.sections if s in titles), None)
    if title:
        return "reader_about", {"section": title, "item": about}
    return "reader_about_general", {"item": about}


def _general(finding: Finding, titles: Mapping[str, Phrase]) -> tuple[str, dict[str, Phrase]]:
    """A change the catalog has no sentence for: which section it is in, without saying more.
    A translation's own change says it is one (its readers' text changed, not the source's)."""
    title = next((titles[s] for s in finding.sections if s in titles), None)
    if title:
        return "reader_translation" if finding.origin is Origin.TRANSLATION else "reader_other", {"section": title}
    return "reader_other_general", {}


def _data(finding: Finding, words: ReaderWords, titles: Mapping[str, Phrase], exclude: str | None = None) -> Phrase:
    """What information a change is about: the kinds of data its sentence names, else the section it is
    in, else 'your information'."""
    prose = finding.prose
    if prose is not None and prose.sentence:
        found: list[Phrase] = []
        seen: set[str] = set()
        for claim in analyse(prose.sentence).claims:
            if (claim.item in (Item.CATEGORIES, Item.SENSITIVE) and claim.positive and claim.weight is not Weight.VAGUE
                    and claim.key != exclude and claim.key not in seen):
                seen.add(claim.key)
                phrase = words.value("data_categories", claim.key, claim.words)
                if phrase is not None:
                    found.append(phrase)
        if found:
            return words.join(found)
    sections = [s for s in finding.sections if s in titles]
    if len(sections) == 1:
        title = titles[sections[0]]
        frame = words.strings["reader_section_information"]
        before, _, after = frame.partition("{section}")
        return Phrase(_fill(frame, section=title.text),
                      html=escape(before) + title.marked(words.language) + escape(after))
    return Phrase(words.strings["reader_your_information"])


def _sentence(finding: Finding) -> str:
    return finding.prose.sentence if finding.prose is not None else ""


def _prose_words(finding: Finding) -> str:
    prose = finding.prose
    return prose.words[0] if prose is not None and prose.words else ""


# Fact kind -> the names section of its values, the sentence for a new value and for a removed one.
_SET_FACTS: dict[FactKind, tuple[str, str, str]] = {
    FactKind.DATA_CATEGORIES: ("data_categories", "reader_collect", "reader_no_longer_collect"),
    FactKind.DATA_USES: ("data_uses", "reader_use", "reader_no_longer_use"),
    FactKind.DATA_SUBJECTS: ("data_subjects", "reader_subjects", "reader_subjects_removed"),
    FactKind.RECIPIENTS: ("recipients", "reader_share", "reader_no_longer_share"),
    FactKind.TRANSFER_COUNTRIES: ("countries", "reader_transfer", "reader_no_longer_transfer"),
    FactKind.RIGHTS: ("rights", "reader_right_added", "reader_right_removed"),
}
_SLOT = {"data_categories": "data", "data_uses": "use", "data_subjects": "subjects", "recipients": "recipient",
         "countries": "country", "rights": "right"}


def _fact_line(finding: Finding, words: ReaderWords, titles: Mapping[str, Phrase]
               ) -> tuple[str, dict[str, Phrase]] | None:
    fact = finding.declared
    assert fact is not None
    kind = finding.kind
    if fact.fact in _SET_FACTS:
        names, added, removed = _SET_FACTS[fact.fact]
        if kind is ChangeKind.NARROWER_CHANGE:
            value = _named(words, names, fact.value, "")
            return ("reader_narrower", {"value": value}) if value else None
        gone = kind is ChangeKind.REMOVED_RIGHT if fact.fact is FactKind.RIGHTS else kind is ChangeKind.REDUCTION
        frame = removed if gone else added
        if kind is ChangeKind.NEW_SENSITIVE_DATA:
            frame = "reader_collect_sensitive"
        written = _prose_words(finding) if finding.prose and finding.prose.key == fact.value else ""
        if written:     # (the English reading's words of a statement in another language: the catalog names it)
            written = _own_words(written, _sentence(finding), words.source_language) or ""
        value = _named(words, names, fact.value, written)
        if value is None:
            return None
        values = {_SLOT[names]: value}
        if frame in ("reader_use", "reader_share", "reader_transfer"):
            values["data"] = _data(finding, words, {} if fact.local else titles)
        return frame, values
    before, _, after = fact.value.partition("->")
    if fact.fact is FactKind.RETENTION:
        if kind is ChangeKind.REDUCTION:
            return "reader_keep_shorter", {"data": _data(finding, words, titles),
                                           "period": _period(after, words, _sentence(finding))}
        return _keep(finding, after, before, words, titles)
    if fact.fact is FactKind.MINIMUM_AGE:
        if before and before not in ("None", "unstated"):
            return "reader_minimum_age_instead", {"age": Phrase(after), "before": Phrase(before)}
        return "reader_minimum_age", {"age": Phrase(after)}
    if fact.fact is FactKind.SELLS_DATA:
        if kind is ChangeKind.REDUCTION:
            return "reader_no_longer_sell", {}
        return "reader_sell", {"data": _data(finding, words, {} if fact.local else titles)}
    if fact.fact is FactKind.SHARES_FOR_ADVERTISING:
        if kind is ChangeKind.REDUCTION:
            return "reader_no_longer_advertising", {}
        return "reader_advertising", {"data": _data(finding, words, {} if fact.local else titles)}
    return None


def _named(words: ReaderWords, names: str, key: str, written: str) -> Phrase | None:
    if names == "countries":
        return _country(key, words, written)
    if not key:
        return words.value(names, key, written)
    # A key the catalog cannot name is the project's English id ("courier_firms"), whatever the text's language.
    said = key.replace("_", " ")
    fallback = words.as_written(said) if words.source_language == ENGLISH else words.in_english(said)
    return words.value(names, key, written) or fallback


def _country(code: str, words: ReaderWords, written: str = "") -> Phrase | None:
    """A country (ISO 3166 code) named in the reader's language (CLDR, through Babel)."""
    if written and words.reads_source:
        return Phrase(written)
    known = babel_locale(words.language)
    name = known.territories.get(code.upper()) if known is not None else None
    if name:
        return Phrase(name)
    return words.as_written(written or code)


def _prose_line(finding: Finding, prose: ProseFinding, words: ReaderWords, titles: Mapping[str, Phrase]
                ) -> tuple[str, dict[str, Phrase]] | None:
    item = prose.item
    written = prose.words[0] if prose.words else (prose.new or "")
    if prose.kind is ProseKind.HIDDEN_TEXT:
        title = titles.get(prose.section)
        return ("reader_wording", {"section": title}) if title else None
    if prose.kind in (ProseKind.PRACTICE, ProseKind.NARROWED, ProseKind.UNEXPLAINED):
        return None     # words no list names, or a right or deletion made conditional: which section changed
    if prose.kind is ProseKind.LINK_REMOVED:
        return "reader_link_removed", {"link": _said(words, prose.old or "", prose.sentence)}
    if prose.kind is ProseKind.WIDER_SCOPE:
        frame = "reader_consent_condition_removed" if prose.implied is ChangeKind.CONSENT_CONDITION_REMOVED \
            else "reader_limit_removed"
        own = _own_words(prose.old or "", prose.sentence, words.source_language)
        quoted = words.in_english(prose.old or "") if own is None else Phrase(
            _fill(words.strings["reader_quote"], text=own), None if words.reads_source else words.source_language)
        about = words.name("items", item.value if item else None) or words.name("items", "purposes")
        return frame, {"words": quoted, "item": about} if about else {"words": quoted}
    if prose.kind is ProseKind.RIGHT_REMOVED:
        if item is not Item.RIGHTS:
            # findings43: a legal basis, a transfer's safeguard or a promise the text no longer gives is no right.
            return _about(finding, words, titles)
        said = prose.old or written
        if _CLAUSE_END.search(said):
            # The words of a right's verb ("discriminate against you", "object to us"): the right by its name.
            right = words.name("rights", prose.key)
            return ("reader_right_removed", {"right": right}) if right else _about(finding, words, titles)
        right = words.value("rights", prose.key, said)
        return ("reader_right_removed", {"right": right}) if right else None
    if prose.kind is ProseKind.QUANTITY or item in (Item.RETENTION, Item.CHILDREN):
        return _quantity_line(finding, prose, words, titles)
    if prose.kind is ProseKind.IDENTITY or item in (Item.CONTROLLER, Item.DPO):
        # (a name as the sentence writes it: the reading may have lower-cased it, gate43)
        named = cased(prose.new or written, prose.sentence)
        if item is Item.DPO:
            if prose.new is None or _OFFICE_ONLY.match(named):
                # the office, not who holds it (findings43); or an officer no longer named, whom "is now" would
                # have told as the new one
                return _about(finding, words, titles)
            return "reader_dpo", {"dpo": _said(words, named, prose.sentence)}
        new = _said(words, named, prose.sentence)
        if prose.old:
            return "reader_controller_instead", {"controller": new, "before": _said(words, prose.old, prose.sentence)}
        return "reader_controller", {"controller": new}
    own = _own_words(written, prose.sentence, words.source_language)
    return _value_line(finding, prose, words, titles, written if own is None else own, read=own is None)


def _said(words: ReaderWords, value: str, sentence: str) -> Phrase:
    """A value of the text as its sentence writes it, or the English reading's words when it does not."""
    own = _own_words(value, sentence, words.source_language)
    return words.in_english(value) if own is None else words.as_written(own)


_TOKEN = compiled(r"\w[\w'’-]*")


@lru_cache(maxsize=1024)
def _own_words(value: str, sentence: str, language: str) -> str | None:
    """`value`, words of a finding, as `sentence` writes them: as they are where the sentence has them, else
    the sentence's words whose English reading they are ("24 Monate" for "24 months"). None when the sentence
    has neither: the value is the reading's English only. English text is its own reading."""
    value = value.strip()
    if not value or not sentence or primary_language(language) == ENGLISH:
        return value
    found = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, value.split())) + r"(?!\w)", sentence, re.IGNORECASE)
    if found is not None:
        return found.group(0)
    known = reading(primary_language(language))
    if known is None:
        return value    # a language with no reading file is judged as written
    target = _plain(value)
    numbers = set(re.findall(r"\d+", target))    # a number reads as itself: only spans with the value's numbers
    tokens = list(_TOKEN.finditer(sentence))
    for size in range(1, len(target.split()) + 3):
        for first in range(len(tokens) - size + 1):
            span = sentence[tokens[first].start():tokens[first + size - 1].end()]
            if numbers <= set(re.findall(r"\d+", span)) and _plain(known.gloss(span)) == target:
                return span
    return None


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def cased(value: str, sentence: str | None) -> str:
    """A value the reading gives in lower case ("vietnam", "maria silva") as `sentence` writes it
    ("Vietnam", "Maria Silva"): names keep their case in what readers read. As given when the
    sentence does not have it, or writes it in lower case itself."""
    if not value or not sentence or value != value.lower():
        return value
    found = re.search(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in value.split()) + r"(?!\w)", sentence,
                      re.IGNORECASE)
    return found.group(0) if found else value


# A consent trigger's concept (`changes/consent.py`) under the key the catalog names it by.
_CATALOG_KEYS = {"ai-training": "train_ai_system", "automated-decisions": "automated_decisions",
                 "third-party-advertising": "share_for_advertising", "sale": "sell",
                 # boundary39: a call with the company's own staff recorded (`rules/boundaries.yml`).
                 "spoken-word-recorded": "record_calls",
                 # Data from other sources joined to the account is told as the profile it builds.
                 "data-combination": "personalize.profiling"}


def _value_line(finding: Finding, prose: ProseFinding, words: ReaderWords, titles: Mapping[str, Phrase],
                written: str, read: bool = False) -> tuple[str, dict[str, Phrase]] | None:
    """A value added, or a denial dropped: a kind of data, a use, a recipient, a country, a source…
    `read`: `written` is the English reading's, the text does not write it so."""
    item, key = prose.item, _CATALOG_KEYS.get(prose.key or "", prose.key)
    if key and key.startswith("sensitive:"):
        key = key.removeprefix("sensitive:")
    if item in (Item.CATEGORIES, Item.SENSITIVE):
        data = words.value("data_categories", key, written, read)
        sensitive = item is Item.SENSITIVE or finding.kind is ChangeKind.NEW_SENSITIVE_DATA
        return ("reader_collect_sensitive" if sensitive else "reader_collect", {"data": data}) if data else None
    if item in (Item.PURPOSES, Item.AUTOMATED_DECISIONS):
        use = words.value("data_uses", key, written, read)
        return ("reader_use", {"data": _data(finding, words, titles), "use": use}) if use else None
    if item is Item.RECIPIENTS:
        recipient = words.value("recipients", key, written, read)
        if recipient is None:
            return None
        if finding.kind is ChangeKind.STARTS_SELLING:
            return "reader_sell_to", {"data": _data(finding, words, titles), "recipient": recipient}
        return "reader_share", {"data": _data(finding, words, titles), "recipient": recipient}
    if item is Item.TRANSFERS:
        if key and key.startswith("safeguard:"):
            safeguard = words.value("safeguards", key, written, read)
            return ("reader_safeguard", {"safeguard": safeguard}) if safeguard else None
        country = _country(key, words, "" if read else cased(written, prose.sentence)) if key else None
        return ("reader_transfer", {"data": _data(finding, words, titles), "country": country}) if country else None
    if item is Item.SALE:
        if key == "share_for_advertising" or finding.kind is ChangeKind.STARTS_SHARING_FOR_ADVERTISING:
            return "reader_advertising", {"data": _data(finding, words, titles)}
        return "reader_sell", {"data": _data(finding, words, titles)}
    if item is Item.SOURCES:
        source = words.value("sources", key, re.sub(r"^from\s+", "", written, flags=re.IGNORECASE), read)
        return ("reader_source", {"source": source}) if source else None
    if item is Item.LEGAL_BASIS:
        basis = words.value("legal_basis", key, written, read)
        return ("reader_legal_basis", {"basis": basis, "data": _data(finding, words, titles)}) if basis else None
    return None


def _quantity_line(finding: Finding, prose: ProseFinding, words: ReaderWords, titles: Mapping[str, Phrase]
                   ) -> tuple[str, dict[str, Phrase]] | None:
    if prose.item is Item.CHILDREN or finding.kind is ChangeKind.LOWER_MINIMUM_AGE:
        age, before = _age(prose.new), _age(prose.old)
        if age is None:
            return None
        if before is not None:
            return "reader_minimum_age_instead", {"age": Phrase(age), "before": Phrase(before)}
        return "reader_minimum_age", {"age": Phrase(age)}
    if prose.new is None:
        return None
    return _keep(finding, prose.new, prose.old if finding.kind is not ChangeKind.REDUCTION else None, words, titles)


# findings43: a period the text gives with its own preposition ("for the period necessary") or as a clause
# ("until you remove it", "as long as your account is open"): the line does not put "for" before it again.
_FOR = compiled(r"^for\s+", re.IGNORECASE)
_UNTIL = compiled(r"^(?:until|till|while|whilst|as\s+long\s+as|so\s+long\s+as|during|throughout)\b", re.IGNORECASE)


def _keep(finding: Finding, new: str, old: str | None, words: ReaderWords, titles: Mapping[str, Phrase]
          ) -> tuple[str, dict[str, Phrase]]:
    new, old = _FOR.sub("", new.strip()), _FOR.sub("", old.strip()) if old else old
    sentence = _sentence(finding)
    values = {"data": _data(finding, words, titles), "period": _period(new, words, sentence)}
    clause = _UNTIL.match(new) is not None
    if old and old not in ("None", "undeclared", "unstated"):
        if clause or _UNTIL.match(old):
            return _about(finding, words, titles)
        return "reader_keep_instead", {**values, "before": _period(old, words, sentence)}
    return ("reader_keep_until" if clause else "reader_keep"), values


def _age(text: str | None) -> str | None:
    match = re.search(r"\d{1,3}", text or "")
    return match.group(0) if match else None


# -- periods ----------------------------------------------------------------------------------------

_ISO = compiled(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_UNITS = ("year", "month", "week", "day")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                 "forty": 40, "sixty": 60, "ninety": 90}
_WRITTEN = compiled(r"\b(\d+|" + "|".join(_NUMBER_WORDS) + r")[\s-]*(year|month|week|day|hour)s?\b", re.IGNORECASE)


def _period(text: str, words: ReaderWords, sentence: str = "") -> Phrase:
    """A retention period in the reader's language: an ISO 8601 duration, a keyword or the text's words
    ('10 years', 'thirty days'); anything else as written. The text's own readers get the period as
    `sentence` writes it ("24 Monate", where the English reading says "24 months"); a period it does
    not write (the previous one) is put in their language by the catalog's units."""
    text = text.strip()
    named = words.name("retention", text)
    if named is not None:
        return named
    iso = _ISO.match(text)
    if iso and any(iso.groups()):
        return _units(words, [(int(n), unit) for n, unit in zip(iso.groups(), _UNITS, strict=True) if n])
    own = _own_words(text, sentence, words.source_language)
    if own is not None and words.reads_source:
        return Phrase(own)   # (with what the words say besides a number: "10 years after your last purchase")
    parts = _written_parts(text) or _written_parts(_in_english(own or "", words.source_language))
    if parts:
        return _units(words, parts)
    return words.in_english(text) if own is None else words.as_written(own)


def _written_parts(text: str) -> list[tuple[int, str]]:
    """The numbers and units of a period written in English words ("10 years", "thirty days")."""
    return [(int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()], unit.lower())
            for number, unit in _WRITTEN.findall(text)]


def _in_english(text: str, language: str) -> str:
    """The English reading of words of a statement in `language` ("One year" for "ein Jahr")."""
    known = reading(primary_language(language)) if text and primary_language(language) != ENGLISH else None
    return known.gloss(text) if known is not None else ""


def _units(words: ReaderWords, parts: list[tuple[int, str]]) -> Phrase:
    return words.join([Phrase(_fill(words.strings[f"period_{unit}" + ("_one" if n == 1 else "")], n=str(n)))
                       for n, unit in parts])


def reader_lines(findings: Iterable[Finding], words: ReaderWords,
                 titles: Mapping[str, Phrase] | None = None) -> list[ReaderLine]:
    """One line per finding, each sentence once (two findings may tell readers the same thing)."""
    lines: dict[str, ReaderLine] = {}
    for finding in findings:
        line = reader_line(finding, words, titles)
        lines.setdefault(line.text, line)
    return list(lines.values())


def titles_of(document, source_language: str | None = None) -> dict[str, Phrase]:
    """Section id -> title, as readers of `document` (a resolved document) read them, in the language
    of its text (`source_language`: the region's, for a document frozen before languages)."""
    language = document.text_language(source_language)
    return {section.id: Phrase(section.title, language) for section in document.sections}

