"""Prose and facts agree: what a section's text names that its `declares:` does not cover.

The declared facts are the reliable layer (they are what a release compares), so a writer who
adds "we share order details with insurance companies" to the text but not `insurers` to the
section's `recipients:` weakens every later verdict. `check` reports each gap as a warning with
the key to add. Only values the vocabulary can name are reported: a recipient kind, a Fides data
category, a transfer country, a retention period. A recipient the closed vocabulary has no key
for ("fraud prevention providers") is reported with the way to add one to the project's
vocabulary (`statements/vocabulary.yml`).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import vocabulary as vocab
from ..model.document import ResolvedDocument, ResolvedSection
from ..model.facts import DeclaredFacts, FactKind, retention_days
from ..model.rules import ChangeKind
from .facts import FactChange
from .items import PROCESSING_VERBS, Context, Statement, analyse, sentences
from .redline import split_blocks
from .terms import Item, Lexicon, Weight, lexicon, stem
from .text import reading_form


class GapKind(str, enum.Enum):
    """Why a value the text names is not covered."""

    UNDECLARED = "undeclared"        # the vocabulary has a key; add it to `declares:`
    UNKNOWN_KEY = "unknown-key"      # no key names it; extend the project's vocabulary


@dataclass(frozen=True)
class Gap:
    """A value the text of a section names that its declared facts do not cover."""

    section: str
    fact: FactKind
    kind: GapKind
    words: str             # as the text says it
    key: str | None        # the key to add (None: the vocabulary has none)
    sentence: str

    def message(self) -> str:
        noun = {FactKind.RECIPIENTS: "recipient", FactKind.DATA_CATEGORIES: "kind of data",
                FactKind.TRANSFER_COUNTRIES: "transfer country", FactKind.RETENTION: "retention period"}[self.fact]
        return f"the text names {noun} “{self.words}” that 'declares' does not cover"

    def hint(self) -> str:
        if self.kind is GapKind.UNKNOWN_KEY:
            return ("add a recipient kind for it under 'recipients:' in statements/vocabulary.yml, "
                    "then declare it (or reword the text)")
        if self.fact is FactKind.RETENTION:
            return f"add 'retention: {self.key}' to its declares"
        return f"add '{self.key}' to '{self.fact.value}' in its declares"


def _covers_category(declared: frozenset[str], key: str) -> bool:
    """A declared category covers a key it equals, contains or is contained by (`user.device.cookie`
    and `user.device.cookie_id` name one thing, as a prefix of the name). A sensitive key ("user.location.precise")
    is covered only by a sensitive declaration: a broader ordinary one ("user.location") does not say it (counsel43)."""
    from ..model.facts import is_sensitive

    sensitive = is_sensitive(key)
    return any((key.startswith(other) or other.startswith(key)) and (not sensitive or is_sensitive(other))
               for other in declared)


def _iso_duration(days: float) -> str:
    if days % 365 == 0:
        return f"P{int(days // 365)}Y"
    if days % 30 == 0:
        return f"P{int(days // 30)}M"
    return f"P{round(days)}D"


def section_gaps(section: ResolvedSection, terms: Lexicon | None = None,
                 recipients: frozenset[str] | None = None) -> list[Gap]:
    """Values the text of `section` names and its declared facts do not cover.

    `recipients` is the recipient vocabulary (the closed set, with the project's own kinds).
    Denied values ("we do not sell to data brokers") and vague ones ("personal information")
    are not gaps; a section that declares nothing is not checked (it makes no claim to be complete).
    """
    facts: DeclaredFacts = section.facts
    if facts.is_empty():
        return []
    terms = terms or lexicon()
    known_recipients = recipients if recipients is not None else frozenset(vocab.RECIPIENTS)
    categories = vocab.data_categories()
    countries = vocab.countries()
    gaps: dict[tuple[FactKind, str], Gap] = {}
    longest = 0.0
    longest_words = ""
    longest_sentence = ""
    for sentence, statement in _read(section, terms):
        if statement.about_rights:
            continue
        for claim in statement.claims:
            if not claim.positive or claim.weight in (Weight.VAGUE, Weight.GENERIC):
                continue
            if claim.item in (Item.CATEGORIES, Item.SENSITIVE) and not_processed(sentence, claim.words):
                continue
            gap = _gap(section.id, facts, claim.item, claim.key, claim.words, sentence, known_recipients,
                       categories, countries)
            if gap is not None:
                gaps.setdefault((gap.fact, gap.key or gap.words), gap)
        for quantity in statement.quantities:
            if quantity.item is Item.RETENTION and quantity.amount != math.inf and quantity.amount > longest:
                longest, longest_words, longest_sentence = quantity.amount, quantity.words, sentence
    declared = retention_days(facts.retention) if facts.retention else None
    if longest and (declared is None or declared < longest):
        key = _iso_duration(longest)
        gaps[(FactKind.RETENTION, key)] = Gap(section.id, FactKind.RETENTION, GapKind.UNDECLARED, longest_words, key,
                                              longest_sentence)
    return list(gaps.values())


# The reader as the one given something: "to provide you with communications, including marketing messages",
# "we send you newsletters", "offers sent to you" (what flows to the reader is not data taken from them).
_TO_READER = re.compile(r"\b(?:provid|send|deliver|giv|show|offer)\w*\s+you\b|"
                        r"\b(?:sent|delivered|provided|given|shown|offered)\s+to\s+you\b", re.IGNORECASE)
# A contact channel: the reader writes, sends or calls to the company's address ("send your request to the postal
# address or the email address given below"); "we contact you at the email address you gave" and "we send a code to
# your email address" are the reader's data, used.
_CHANNEL = re.compile(r"\b(?:send|sent|write|writing|mail|e-?mail|call|contact|reach|submit|direct|forward)\w*\b"
                      r"(?P<between>(?:\s+[\w'’-]+){0,6}?)\s+(?:to|at|via)\s+(?:the|our|this|that|its)\b"
                      r"(?P<after>(?:\s+[\w'’-]+){0,5}?)\s*$", re.IGNORECASE)
# A legal basis named: what a basis is relied on for is a practice, described (and declared) where it is told.
_BASIS = re.compile(r"\blegal\s+bas[ie]s\b|\blegitimate\s+interests?\b|\bon\s+the\s+basis\s+of\b|"
                    r"\bwith\s+your\s+consent\b|\bperform(?:ance\s+of)?\s+(?:a|the|our)\s+contract\b", re.IGNORECASE)

# What a basis is relied on for, named as such: "for marketing cookies" (the data right after its "for").
_FOR_WHAT = re.compile(r"\bfor(?:\s+[\w'’-]+){0,2}?\s*$", re.IGNORECASE)


def _processing_verb(text: str) -> bool:
    return any(stem(word) in PROCESSING_VERBS for word in re.findall(r"[a-z]+", text.lower()))


def not_processed(sentence: str, words: str) -> bool:
    """The kind of data `words` names is not said to be processed in `sentence` (strict43).

    Three forms: the company's contact channel the reader writes to ("send your request to the postal address
    or the email address given below": no "you" or "your" says the address is the reader's); what the company
    gives the reader ("to provide you with communications, including marketing messages": the reader is the
    one given the messages, with no verb of processing between); and what a
    legal basis is relied on for ("with your consent (for example, for marketing cookies)": a sentence that
    names a legal basis, the data right after a "for", in a stretch since the last `;`, `:` or `(` with no verb
    of processing; a basis's list of the data it covers, "Data you provide: your connections, education", warns).
    "We read the messages you send us", "with your consent, we collect your location" and "we send your order to
    the postal address you give us" keep their warning: a verb of processing governs the data, or it is the
    reader's.
    """
    at = sentence.lower().find(words.lower()) if words else -1
    if at <= 0:
        return False
    before = sentence[:at]
    clause = re.split(r"[;:]", before)[-1]
    channel = _CHANNEL.search(clause)
    following = " ".join(sentence[at + len(words):].split()[:4])      # "the email address you registered with"
    if channel and not re.search(r"\byou\b", channel["between"], re.IGNORECASE) \
            and not re.search(r"\byour?\b", channel["after"] + " " + following, re.IGNORECASE):
        return True
    given = [m.end() for m in _TO_READER.finditer(clause)]
    if given:
        between = clause[given[-1]:]      # the data in the giving verb's own object, a list at most
        if len(between.split()) <= 12 and not re.search(r"[.!?]|<br", between) and not _processing_verb(between):
            return True
    stretch = re.split(r"[;:(]", before)[-1]
    return bool(_BASIS.search(sentence)) and bool(_FOR_WHAT.search(stretch)) and not _processing_verb(stretch)


def _gap(section_id: str, facts: DeclaredFacts, item: Item, key: str, words: str, sentence: str,
         known_recipients: frozenset[str], categories, countries) -> Gap | None:
    if item is Item.RECIPIENTS:
        if key in facts.recipients:
            return None
        if key in known_recipients:
            return Gap(section_id, FactKind.RECIPIENTS, GapKind.UNDECLARED, words, key, sentence)
        if key.startswith("org:") or key in ("third_parties", "other_services"):
            return None        # a company named, or "third parties": no kind to declare
        return Gap(section_id, FactKind.RECIPIENTS, GapKind.UNKNOWN_KEY, words, None, sentence)
    if item in (Item.CATEGORIES, Item.SENSITIVE):
        if key not in categories or _covers_category(facts.data_categories, key):
            return None
        return Gap(section_id, FactKind.DATA_CATEGORIES, GapKind.UNDECLARED, words, key, sentence)
    if item is Item.TRANSFERS and key in countries and key not in facts.transfer_countries:
        return Gap(section_id, FactKind.TRANSFER_COUNTRIES, GapKind.UNDECLARED, words, key, sentence)
    return None


def document_gaps(documents, terms: Lexicon | None = None,
                  recipients: frozenset[str] | None = None) -> list[tuple[str, Gap]]:
    """(source file, gap) for every distinct section text of `documents` (resolved documents),
    each section file's text checked once whatever the number of regions showing it."""
    seen: set[tuple[str, str]] = set()
    found: list[tuple[str, Gap]] = []
    for document in documents:
        for section in document.sections:
            key = (section.source, section.markdown)
            if key in seen:
                continue
            seen.add(key)
            found.extend((section.source, gap) for gap in section_gaps(section, terms, recipients))
    return found


_STATED_KINDS = {ChangeKind.NEW_DATA_CATEGORY: FactKind.DATA_CATEGORIES,
                 ChangeKind.NEW_SENSITIVE_DATA: FactKind.DATA_CATEGORIES,
                 ChangeKind.NEW_RECIPIENT: FactKind.RECIPIENTS,
                 ChangeKind.NEW_TRANSFER_COUNTRY: FactKind.TRANSFER_COUNTRIES}


def already_stated(change: FactChange, old: ResolvedDocument, terms: Lexicon | None = None) -> bool:
    """A newly declared value the old text of the declaring section already named.

    Completing a section's `declares:` to match what its text always said tells readers nothing
    new: the change is the declaration catching up, not a new practice.
    """
    if change.fact is FactKind.RETENTION and change.kind in _PERIOD_KINDS:
        return _period_stated(change, old, terms or lexicon())
    fact = _STATED_KINDS.get(change.kind)
    if fact is None:
        return False
    terms = terms or lexicon()
    for section_id in change.sections:
        section = old.section(section_id)
        if section is None:
            continue
        for claim in _claims(section, terms):
            if fact is FactKind.DATA_CATEGORIES and claim.item in (Item.CATEGORIES, Item.SENSITIVE) \
                    and (claim.key == change.value or change.value.startswith(claim.key + ".")):
                return True
            if fact is FactKind.RECIPIENTS and claim.item is Item.RECIPIENTS and claim.key == change.value:
                return True
            if fact is FactKind.TRANSFER_COUNTRIES and claim.item is Item.TRANSFERS and claim.key == change.value:
                return True
    return False


_PERIOD_KINDS = frozenset({ChangeKind.LONGER_RETENTION, ChangeKind.RETENTION_CHANGED})


def _period_stated(change: FactChange, old: ResolvedDocument, terms: Lexicon) -> bool:
    """A section's retention period declared now that its old text already gave (at least as long):
    "stored for three years" in the text, then `retention: P3Y` (gate42)."""
    days = retention_days(change.value.rpartition("->")[2])
    if days is None or days == math.inf or days <= 0:
        return False
    for section_id in change.sections:
        section = old.section(section_id)
        if section is None:
            continue
        for _, statement in _read(section, terms):
            if statement.about_rights:
                continue
            if any(q.item is Item.RETENTION and q.amount != math.inf and q.amount >= days
                   for q in statement.quantities):
                return True
    return False


def _claims(section: ResolvedSection, terms: Lexicon):
    for _, statement in _read(section, terms):
        yield from (c for c in statement.claims if c.positive)


def _read(section: ResolvedSection, terms: Lexicon) -> Iterator[tuple[str, Statement]]:
    """Each sentence of a section's text, block by block, with its reading (`items.analyse`)."""
    context = Context.of(section.title)
    for block in split_blocks(section.markdown):
        for sentence in sentences(reading_form(block.text)):
            yield sentence, analyse(sentence, context, terms)
