"""Text that restates what the old document already disclosed elsewhere.

A summary box, a notice for the residents of some US states or of the EEA, a section split or
merged, whatever its title: a new block names kinds of data, uses and recipients the policy already
gives in other sections. The section is the unit the prose reader compares a new sentence with (a kind of data
already collected for orders is news when a loyalty programme starts to collect it), so such a
block read as new processing. This module decides when the whole old document is the unit
instead: when the block restates, it tells the reader nothing the old document did not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .editorial import content_stems
from .items import Claim, Statement, instrument_names_out
from .terms import Item, Weight
from .text import LazyPattern

Value = tuple[Item, str]

# What a restatement restates: the values of the listed items (Art. 13(1)(c)-(f), 14(1)(d)).
RESTATED_ITEMS = frozenset({Item.CATEGORIES, Item.SENSITIVE, Item.PURPOSES, Item.RECIPIENTS, Item.SOURCES,
                            Item.TRANSFERS})
_DATA = frozenset({Item.CATEGORIES, Item.SENSITIVE})
_USES = frozenset({Item.PURPOSES, Item.RECIPIENTS})
_CONSENT_WEIGHTS = frozenset({Weight.ADVERTISING, Weight.SALE, Weight.INCOMPATIBLE})

# A restatement uses the old document's own words: the words it adds are of its form ("at a glance",
# "in short", "residents of"), at most this share of its content words. A block that names a context
# the old document never names ("if you join the referral club we collect your name") is a new
# processing activity, however familiar its data.
NEW_WORDS_SHARE = 0.12
# One sentence of it that states processing, most of whose words are new ("If you join the referral club,
# we collect your name"), names a new activity however long the summary around it: more than one new
# word, and more than this share of its own.
OWN_NEW_WORDS_SHARE = 0.25
# Words of negation are the form of a sentence, not what it names.
_FORM_WORDS = frozenset({"neither", "nor", "never", "not", "no", "none"})
# A capitalised word inside a sentence, not its first, nor an abbreviation ("GPS"): a programme's, a
# product's or a party's name.
_NAME_INSIDE = LazyPattern(r"(?<=[\w,;:)] )[A-Z][a-z][A-Za-z0-9]*")


def _claims(statements: Iterable[Statement]) -> dict[Value, Claim]:
    return {c.value: c for s in statements for c in s.claims
            if c.positive and c.item in RESTATED_ITEMS and c.weight is not Weight.VAGUE}


def _states_values(statement: Statement) -> bool:
    return any(c.positive and c.item in RESTATED_ITEMS and c.weight is not Weight.VAGUE for c in statement.claims)


def restates(added: Sequence[Statement], in_old_document: Callable[[Claim], bool],
             vocabulary: frozenset[str], old_text: str) -> bool:
    """Whether the sentences added to one section restate the old document, whatever their title
    says: every value they name the old document states, and they name no context it does not (no
    name it lacks, and new content words only as the form of a summary: at most `NEW_WORDS_SHARE`
    of the words of the sentences stating values, sentences giving rights aside, since rights process
    nothing). `vocabulary` is the old
    document's content words, `old_text` its text in lower case. Each sentence is then still asked
    whether the old document related its data to its uses (`related_before`)."""
    claims = _claims(added)
    if not claims or not all(in_old_document(c) for c in claims.values()):
        return False
    for statement in added:
        for name in _NAME_INSIDE.findall(statement.text):
            if name.lower() not in old_text and name.lower().rstrip("s") not in old_text:
                return False     # a name the old document never gives: a new programme, product or party
    # Only a sentence that states processing can name its new context: the words of one that states
    # no value ("For convenience, this section brings together …", "The rest of this Notice applies
    # to you as well") are the frame of the summary. And each such sentence is asked on its own too,
    # so that one new activity ("If you join the referral club, we collect …") is not lost among
    # the sentences of a long summary (`OWN_NEW_WORDS_SHARE`).
    # (A transfer instrument's name is read without the places it names: "the UK Extension to the EU-U.S.
    # Data Privacy Framework" is the framework the old document relies on.)
    stating = [content_stems(instrument_names_out(s.text)) - _FORM_WORDS
               for s in added if not s.about_rights and _states_values(s)]
    if any(len(own - vocabulary) > max(1.0, OWN_NEW_WORDS_SHARE * len(own)) for own in stating):
        return False
    words = frozenset().union(*stating)
    unknown = words - vocabulary
    return len(unknown) <= NEW_WORDS_SHARE * len(words)


def related_before(statement: Statement, old_sections: Sequence[frozenset[Value]],
                   old_sentences: Sequence[frozenset[Value]] = ()) -> bool:
    """Whether the old document already relates the statement's kinds of data to every use it
    names: for each purpose or recipient, some old section states it with one of those kinds, or
    with no kind of data at all (a use of all the data). Data moved to a new purpose or recipient
    is that new use, however many uses the sentence lists and however much of the rest the old
    text gave. A statement naming no such relation relates nothing in particular."""
    claims = [c for c in statement.claims if c.positive and c.weight is not Weight.VAGUE]
    # A phrase no list names has no value another sentence could share: only named kinds relate.
    data = {c.value for c in claims if c.item in _DATA and not c.key.startswith("object:")}
    uses = {c.value for c in claims if c.item in _USES}
    if not data or not uses:
        return True
    # A use the laws allow only with consent (advertising by others, a sale, AI training) is asked
    # of each kind of data on its own, named in one old sentence (`old_sentences`, each sentence's or
    # row's affirmed values): one kind so used, a section that tells of that use and of other data,
    # or the use told of no data in particular, does not carry the others with it.
    strict = {c.value for c in claims if c.item in _USES and c.weight in _CONSENT_WEIGHTS}

    def related(use: Value, kinds: set[Value], units: Sequence[frozenset[Value]], all_data: bool = True) -> bool:
        return any(use in values and (kinds & values or (all_data and not any(item in _DATA for item, _ in values)))
                   for values in units)

    return all(related(use, data, old_sections) if use not in strict
               else all(related(use, {kind}, old_sentences, all_data=False) for kind in data) for use in uses)


# -- findings the old document already tells, whatever section it told them in -------------------------
# A sentence moved or restated from another section (a summary's "At a glance: …", a contact block's "Writing to
# us: …", a paragraph moved whole) says nothing the old document did not, though its new section never said it.
# A short label before a colon opens a summary line; it names no practice.
_SUMMARY_LABEL = LazyPattern(r"^\W*[A-Z][^:.;!?]{0,40}:(?:\*\*|__)?\s+")
# Words of negation: a moved sentence must deny what its old form denied, and affirm what it affirmed.
_DENYING = frozenset({"not", "never", "no", "none", "neither", "nor", "cannot", "without"})
# A moved sentence's content words must number at least this many to be told apart from a label.
MOVED_MIN_WORDS = 3


def _denies(text: str) -> bool:
    return any(w in _DENYING for w in re.findall(r"[a-z]+", text.lower().replace("n't", " not")))


def moved_content(text: str) -> frozenset[str]:
    """A sentence's content words as a moved or restated sentence would keep them: without a summary's label
    ("At a glance:", "Writing to us:") before them."""
    return content_stems(_SUMMARY_LABEL.sub("", text))


def told_in_one_sentence(statement: Statement, old_sentences: Iterable[tuple[frozenset[str], Statement]],
                         found: Iterable[str] = ()) -> bool:
    """Whether one old sentence, wherever it stands, already says all the new sentence says: every content word of
    it (a summary's label aside), and every word the finding was made of (`found`, short ones such as "ID"
    included, which content words leave out), the same denial or affirmation, and no limit of the old sentence
    dropped (a sentence moved without its "only with your consent" is a wider practice, read as one)."""
    words = moved_content(statement.text)
    if len(words) < MOVED_MIN_WORDS:
        return False
    denies = _denies(statement.text)
    body = _SUMMARY_LABEL.sub("", statement.text).lower()
    shown = [p for w in found if w.strip() and (p := re.compile(r"\b" + re.escape(w.lower()))).search(body)]
    return any(words <= old_words and _denies(old.text) == denies and old.limits <= statement.limits
               and all(p.search(old.text.lower()) for p in shown)
               for old_words, old in old_sentences)


def period_told_with(amount: float, statement: Statement, old_sentences: Iterable[tuple[frozenset[str], Statement]],
                     share: float = 0.5) -> bool:
    """Whether an old sentence keeps data for the same period, in most of the new sentence's words: a retention
    period "not stated -> X" in a section where the old document states X in another (a period restated in a
    summary, or moved with its paragraph). The period's own words aside, and every kind of data the new sentence
    names named there too: the same period for other data is another period."""
    text = statement.text
    for q in statement.quantities:
        text = text.replace(q.words, " ")
    words = moved_content(text)
    data = {c.value for c in statement.claims if c.positive and c.item in _DATA}
    return bool(words) and any(
        any(q.item is Item.RETENTION and abs(q.amount - amount) < 1e-9 for q in old.quantities)
        and len(words & old_words) >= share * len(words)
        and data <= {c.value for c in old.claims if c.positive and c.item in _DATA}
        for old_words, old in old_sentences)
