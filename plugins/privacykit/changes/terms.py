"""Words that carry what a privacy statement must say, and how they are matched.

Each term names one value of one *information item* (`Item`): a kind of data (a Fides data
category), a purpose (a Fides data use), a kind of recipient (our recipient vocabulary), a
country, a right, a legal basis, a source. Terms are multi-word phrases matched on word
stems, so "service providers", "service-provider" and "Service Provider's" are one term, and
"fraud-prevention partners" is a recipient even though no list names it (see `RECIPIENT_HEADS`).

Precision comes first: a term is a phrase that means the value wherever it appears. Words
that are data only in some phrases ("last" in "last name", "state" in "state of residence",
"media" in "social media profile") are never terms on their own; `STOP_WORDS` lists the ones
that tempt, and a test keeps every single-word term out of it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import shipped_file
from ..machine_cache import ParsedCache, cache_folder
from ..model.vocabulary import ProjectVocabulary
from ..render.cache import BoundedCache
from .patterns import compiled


class Item(str, enum.Enum):
    """An information item the laws require a statement to give (GDPR Art. 13/14, CCPA/CPRA
    notice at collection, LGPD Art. 9, PIPL Art. 17)."""

    CONTROLLER = "controller"                    # GDPR 13(1)(a); LGPD 9 III; PIPL 17(1)
    DPO = "dpo"                                  # GDPR 13(1)(b); LGPD 41
    CONTACT = "contact"                          # GDPR 13(1)(a)
    CATEGORIES = "categories"                    # GDPR 14(1)(d); CCPA 1798.100(a)(1)
    SENSITIVE = "sensitive"                      # GDPR 9; CCPA 1798.121; LGPD 11; PIPL 28-29
    PURPOSES = "purposes"                        # GDPR 13(1)(c); CCPA 1798.100(a)(1)
    LEGAL_BASIS = "legal_basis"                  # GDPR 13(1)(c)-(d)
    RECIPIENTS = "recipients"                    # GDPR 13(1)(e); LGPD 9 V; PIPL 23
    TRANSFERS = "transfers"                      # GDPR 13(1)(f); PIPL 39
    RETENTION = "retention"                      # GDPR 13(2)(a); CCPA 1798.100(a)(3)
    RIGHTS = "rights"                            # GDPR 13(2)(b)-(d); CCPA 1798.130
    SOURCES = "sources"                          # GDPR 14(2)(f); CCPA 1798.110(c)(2)
    AUTOMATED_DECISIONS = "automated_decisions"  # GDPR 13(2)(f)
    SALE = "sale"                                # CCPA 1798.120 (sold or shared)
    CHILDREN = "children"                        # GDPR 8; COPPA; CCPA 1798.120(c)

    @property
    def label(self) -> str:
        """The item as a heading: 'recipients', 'retention'."""
        return _ITEM_LABELS[self]

    @property
    def noun(self) -> str:
        """One value of the item: 'recipient', 'retention period'."""
        return _ITEM_NOUNS[self.value]


_ITEM_NOUNS = {
    "controller": "controller", "dpo": "data protection officer", "contact": "contact",
    "categories": "kind of personal data", "sensitive": "sensitive data", "purposes": "purpose",
    "legal_basis": "legal basis", "recipients": "recipient", "transfers": "transfer",
    "retention": "retention period", "rights": "right", "sources": "source of data",
    "automated_decisions": "automated decision-making", "sale": "sale or sharing", "children": "minimum age",
}
_ITEM_LABELS = {
    Item.CONTROLLER: "who is responsible (controller)", Item.DPO: "data protection officer",
    Item.CONTACT: "contact details", Item.CATEGORIES: "kinds of personal data",
    Item.SENSITIVE: "sensitive personal data", Item.PURPOSES: "purposes of use",
    Item.LEGAL_BASIS: "legal basis", Item.RECIPIENTS: "recipients", Item.TRANSFERS: "transfers abroad",
    Item.RETENTION: "retention", Item.RIGHTS: "rights", Item.SOURCES: "sources of data",
    Item.AUTOMATED_DECISIONS: "automated decisions and profiling", Item.SALE: "sale or sharing",
    Item.CHILDREN: "children and minimum age",
}


class Weight(str, enum.Enum):
    """How much a new value of a term weighs (it chooses the kind of change it implies)."""

    PLAIN = "plain"
    SENSITIVE = "sensitive"          # special-category or sensitive personal information
    INCOMPATIBLE = "incompatible"    # a use not compatible with usual purposes (AI training, profiling)
    SALE = "sale"                    # selling, or sharing with buyers of data
    ADVERTISING = "advertising"      # sharing for targeted advertising
    GENERIC = "generic"              # a vague value ("third parties"): counts, but never alone as consent
    VAGUE = "vague"                  # "personal information": only its denial or affirmation counts


@dataclass(frozen=True)
class Term:
    """One value of one information item, as the words that name it."""

    item: Item
    key: str           # a vocabulary key (Fides key, recipient id, ISO code, right) or a term id
    label: str         # the phrase readers know it by
    weight: Weight = Weight.PLAIN


# Government-issued identifiers: a kind of data like any other for the GDPR, but sensitive
# personal information for the CPRA (1798.140(ae)(1)), and what a controller asks for as a
# proof of identity. The lexicon names them; the consent triggers and the rights read them.
GOVERNMENT_ID = "user.government_id"

# The verbs of getting rid of data, as the stems a pattern completes with \w* ("deleted",
# "erasure", "removing", "destroys", "purged").
DELETION_VERB = r"(?:delet|eras|remov|destroy|purg)\w*"

# Words that look like data, purpose or recipient terms in a taxonomy's names but are not,
# on their own: a single-word term is never one of these.
STOP_WORDS = frozenset({
    "last", "first", "date", "state", "media", "dna", "data", "information", "personal", "details", "user",
    "users", "system", "account", "content", "settings", "service", "services", "name", "status", "type",
    "profile", "number", "social", "public", "private", "record", "records", "id", "other", "general",
    "unique", "behavior", "preferences", "privacy", "core", "time", "version", "page", "site", "app",
    "product", "products", "device", "devices", "use", "may", "new", "updated", "effective", "section",
    "policy", "notice", "statement", "party", "company", "companies", "business", "customer", "customers",
    "member", "members", "order", "orders", "legal", "law", "laws", "request", "requests", "contact",
    "address", "phone", "share", "sharing", "help", "support", "face", "voice", "age",
})

# Head nouns of recipient phrases no list names ("fraud-prevention partners", "authorized
# resellers"): the words before the head make the value.
RECIPIENT_HEADS = frozenset({"partner", "provider", "vendor", "processor", "contractor", "agency", "firm",
                             "broker", "reseller", "distributor", "carrier", "institution", "insurer", "sponsor",
                             "advertiser", "affiliate", "subsidiary", "consultant", "authority", "bureau", "auditor",
                             "association"})
# Words that only decorate a phrase and never make a new value.
MODIFIER_STOP = frozenset({
    "our", "your", "their", "its", "the", "a", "an", "this", "that", "these", "those", "such", "other", "certain",
    "some", "any", "all", "trusted", "selected", "select", "carefully", "reputable", "various", "authorized",
    "authorised", "approved", "relevant", "additional", "limited", "basic", "personal", "related", "external",
    "third", "party", "third-party", "outside", "similar", "specific", "applicable", "necessary", "following",
    "and", "or", "of", "with", "to", "for", "by", "from", "in", "on", "at", "as", "is", "are", "be", "we", "us",
    "you", "which", "who", "including", "include", "includes", "like", "e.g", "eg", "etc", "more", "less",
    "same", "own", "new", "existing", "identifiable", "non", "not", "also", "both", "each", "every", "either",
    "many", "much", "few", "several", "most", "there", "here", "when", "where", "how", "what", "about",
    "across", "through", "via", "within", "without", "between", "among", "into", "onto", "over", "under", "after",
    "before", "during", "per", "potential", "prospective", "current",
})

_TOKEN = compiled(r"[a-z0-9]+(?:['’][a-z]+)?|[.%+]")
# Web addresses, e-mail addresses and host names name places, not data: "education" in
# education.lenovo.com is no kind of data, "ads" in ads.reddit.com no purpose.
# Each address is tried only where a run of its characters starts: tried at every position inside
# a long run ("third-party-third-party-…"), each attempt read to the run's end, which made a long
# hyphenated run cost its length squared.
_ADDRESSES = compiled(r"\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
                      r"\b(?<![a-z0-9.-])(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|uk|de|fr|cn|br|gov|edu|info|ai|app|me|us|eu|ie|jp|"
                      r"in|au|ca)\b(?:/[^\s)\]]*)?")
_ISE = compiled(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The form two spellings of one word share: plural, possessive, -ing, -ed and British -ise
    endings removed ("providers" -> "provider", "personalised" -> "personaliz")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    # ("ids" is too short for the plural rule below; "sold" is "sell", so "is never sold" restates
    # "does not sell".)
    w = {"behaviour": "behavior", "behavioural": "behavioral", "licence": "license", "e-mail": "email",
         "centre": "center", "centres": "centers", "ids": "id", "sold": "sell"}.get(w, w)
    w = _ISE.sub(lambda m: "iz" + m.group(1), w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    # -ing, -ed and a final -e go, so "measure", "measured" and "measuring" are one stem; single
    # words that name data or purposes are matched as written (`Lexicon`), so "profile" is
    # not "profiling" there.
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of a text in reading form; hyphens and slashes split words."""
    return list(_tokens(text))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    # Kept for recent texts (speed23b): a sentence's analysis asks for its tokens four or five times
    # (the sentence, its clauses, its content words); each caller gets a list of its own.
    return tuple(_TOKEN.findall(_ADDRESSES.sub(" ", text.lower().replace("e-mail", "email"))))


@dataclass(frozen=True)
class Match:
    """A term found in a token list: where it starts and ends (token indexes) and what it is."""

    term: Term
    start: int
    end: int


# How many texts' readings a lexicon keeps (sentences, most of them: a few hundred characters),
# and how many characters of those texts at most: a hostile document of long sentences must not
# keep megabytes of keys alive for the rest of the process.
_READ_TEXTS = 8192
_READ_CHARACTERS = 4_000_000


def _keyed_size(kept: tuple[int, Any]) -> int:
    """The characters of the text a reading was kept for (`Lexicon.read_once` keeps its length)."""
    return kept[0]


class Lexicon:
    """Terms indexed by their first word; `find` matches the longest phrase at each position.

    Phrases of several words match on stems ("service-provider's" is "service providers").
    A single word that names data or a purpose matches only as written, in the singular or
    plural ("posts" is content; the verb "post" is not; "marketing" is a purpose, "market" is not).
    """

    def __init__(self, terms: list[tuple[tuple[str, ...], Term]], exact: list[tuple[str, Term]] | None = None) -> None:
        self._entries = list(terms)
        self._exact_entries = list(exact or [])
        self._by_first: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
        for phrase, term in terms:
            self._by_first.setdefault(phrase[0], []).append((phrase, term))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._exact: dict[str, Term] = {}
        for word, term in self._exact_entries:
            self._exact.setdefault(word, term)
        # What readers found in recent texts with this lexicon (a pure function of the text and
        # of these terms): a long section repeats sentences, and a release reads the text the
        # previous one read. The cache belongs to this object, so two lexicons (the built-in one
        # and a project's extension of it) never share an answer; it is bounded by entries and
        # by the characters of the texts it keys.
        self._read = BoundedCache(_READ_TEXTS, budget=_READ_CHARACTERS, weigh=_keyed_size)
        self._first_words: dict[str, frozenset[str]] | None = None

    def read_once(self, key: tuple[str, ...], read: Callable[[], Any]) -> Any:
        """What `read()` finds in the text `key` names (its first item, the text, then what else
        the reading depends on), read once for the most recent texts; the result must not be
        changed by the caller."""
        kept = self._read.get(key)
        if kept is None:
            kept = (len(key[0]), read())
            self._read.put(key, kept)
        return kept[1]

    def extended(self, extra: list[tuple[tuple[str, ...], Term]]) -> Lexicon:
        """A new lexicon with a project's own terms added (they take precedence on ties)."""
        return Lexicon(extra + self._entries, self._exact_entries)

    def phrases(self) -> list[tuple[tuple[str, ...], Term]]:
        return list(self._entries) + [((word,), term) for word, term in self._exact_entries]

    def first_words(self, key: str) -> frozenset[str]:
        """The words a term of `key` can start on in `find`: the first stem of each of its phrases, each
        single word matched as written (speed23c)."""
        if self._first_words is None:
            firsts: dict[str, set[str]] = {}
            for phrase, term in self._entries:
                firsts.setdefault(term.key, set()).add(phrase[0])
            for word, term in self._exact_entries:
                firsts.setdefault(term.key, set()).add(word)
            self._first_words = {k: frozenset(v) for k, v in firsts.items()}
        return self._first_words.get(key, frozenset())

    def find(self, stems: list[str], words: list[str] | None = None) -> list[Match]:
        """Every term in `stems` (the stems of `words`), longest first at each position, without overlaps."""
        found: list[Match] = []
        i = 0
        n = len(stems)
        while i < n:
            best = None
            for phrase, term in self._by_first.get(stems[i], ()):
                size = len(phrase)
                if tuple(stems[i:i + size]) == phrase:
                    best = Match(term, i, i + size)
                    break
            if best is None and words is not None:
                single = self._exact.get(possessive(words[i]))
                if single is not None:
                    best = Match(single, i, i + 1)
            if best is None:
                i += 1
                continue
            found.append(best)
            i = best.end
        return found


# Single words matched as written: a noun that is also a verb or names no data on its own
# in one of its numbers keeps only the forms listed.
_EXACT_ITEMS = frozenset({"categories", "purposes", "legal_basis"})
_AS_LISTED = frozenset({"post", "posts", "purchase", "purchases", "comment", "comments", "record", "records", "log",
                        "logs", "file", "files", "message", "messages", "search", "searches", "transaction",
                        "transactions", "chat", "chats", "document", "documents", "name", "names", "connection",
                        "connections", "audio", "ad", "ads", "consent", "likes", "like"})


def possessive(word: str) -> str:
    """The word as `Lexicon.find` looks a single word up: lower case, without a possessive 's."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _number_forms(word: str) -> list[str]:
    """A single-word term in both numbers, unless it is one to match as listed."""
    if word in _AS_LISTED:
        return [word]
    if word.endswith("ies"):
        return [word, word[:-3] + "y"]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return [word, word[:-1]]
    return [word, word[:-1] + "ies" if word.endswith("y") else word + "s"]


def phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in tokens(phrase))


LEXICON_DATA = "data/terms.txt"


@dataclass(frozen=True)
class Listed:
    """One phrase as `data/terms.txt` lists it: its line, its words, and the term it names."""

    line: int
    phrase: str
    term: Term

    def forms(self) -> list[tuple[str, ...]]:
        """What the lexicon matches for it: its stems, or (a single word of an item matched as
        written) the word in both numbers."""
        words = tokens(self.phrase)
        if len(words) == 1 and self.term.item.value in _EXACT_ITEMS:
            return [(form,) for form in _number_forms(words[0])]
        return [phrase_stems(self.phrase)]

    @property
    def exact(self) -> bool:
        return len(tokens(self.phrase)) == 1 and self.term.item.value in _EXACT_ITEMS


def listed_terms() -> list[Listed]:
    """Every phrase of the built-in lexicon (`data/terms.txt`), in the order it is listed."""
    text = shipped_file(LEXICON_DATA).read_text("utf-8")
    listed: list[Listed] = []
    terms: dict[tuple[str, str], Term] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        item, key, weight, phrases = (part.strip() for part in line.split("|"))
        names = [p.strip() for p in phrases.split(",") if p.strip()]
        term = terms.get((item, key))
        if term is None:
            label = names[0].title() if item == Item.TRANSFERS.value else names[0]
            term = terms[(item, key)] = Term(Item(item), key, label, Weight(weight))
        listed.extend(Listed(number, name, term) for name in names)
    return listed


# The lexicon as plain data: its terms (item, key, label, weight), then its phrases as stems
# and its words matched as written, each with the index of its term.
LexiconTable = tuple[list[tuple[str, str, str, str]], list[tuple[tuple[str, ...], int]], list[tuple[str, int]]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The built-in lexicon (`data/terms.txt`: every item's terms, and the countries)."""
    return lexicon_from(ParsedCache(cache_folder()))


def lexicon_from(cache: ParsedCache) -> Lexicon:
    """The built-in lexicon, its table read from `cache` when it holds this one's."""
    # Stemming every phrase is most of the lexicon's cost: the result is kept per machine,
    # keyed by the term list and by this module, whose code makes the stems.
    parsed = cache.parsed("lexicon", (shipped_file(LEXICON_DATA), Path(__file__)), lexicon_table)
    term_rows, phrases, words = parsed
    terms = [Term(Item(item), key, label, Weight(weight)) for item, key, label, weight in term_rows]
    return Lexicon([(stems, terms[index]) for stems, index in phrases],
                   [(word, terms[index]) for word, index in words])


def lexicon_table() -> LexiconTable:
    """The built-in lexicon read from `data/terms.txt`, as plain data (`LexiconTable`)."""
    indexes: dict[Term, int] = {}
    phrases: list[tuple[tuple[str, ...], int]] = []
    words: list[tuple[str, int]] = []
    for listed in listed_terms():
        index = indexes.setdefault(listed.term, len(indexes))
        if listed.exact:
            words.extend((form[0], index) for form in listed.forms())
        else:
            phrases.extend((form, index) for form in listed.forms())
    return [(t.item.value, t.key, t.label, t.weight.value) for t in indexes], phrases, words


def project_lexicon(vocabulary: ProjectVocabulary | None) -> Lexicon:
    """The built-in lexicon with a project's own kinds of recipient (their names and phrases)."""
    if vocabulary is None or not vocabulary.recipients:
        return lexicon()
    return _extended(vocabulary)


@lru_cache(maxsize=8)
def _extended(vocabulary: ProjectVocabulary) -> Lexicon:
    extra: list[tuple[tuple[str, ...], Term]] = []
    for kind in vocabulary.recipients:
        term = Term(Item.RECIPIENTS, kind.key, kind.name)
        extra.extend((phrase_stems(p), term) for p in (kind.name, *kind.phrases))
    return lexicon().extended(extra)
