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
from functools import lru_cache

from .editorial import content_stems
from .items import Claim, Limit, Quantity, Statement, instrument_names_out
from .practice import pointer
from .terms import Item, Weight, stem
from .text import LazyPattern

Value = tuple[Item, str]

# What a restatement restates: the values of the listed items (Art. 13(1)(c)-(f), 14(1)(d)).
RESTATED_ITEMS = frozenset({Item.CATEGORIES, Item.SENSITIVE, Item.PURPOSES, Item.RECIPIENTS, Item.SOURCES,
                            Item.TRANSFERS})
_DATA = frozenset({Item.CATEGORIES, Item.SENSITIVE})
_USES = frozenset({Item.PURPOSES, Item.RECIPIENTS})
_CONSENT_WEIGHTS = frozenset({Weight.ADVERTISING, Weight.SALE, Weight.INCOMPATIBLE})
_RELATED = frozenset({Item.PURPOSES, Item.RECIPIENTS, Item.TRANSFERS, Item.SOURCES})

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
    # One new word may be a summary's form, never a verb of processing the old document never uses ("At a glance:
    # we sell your order records …"): a new act on familiar data is a new practice (restate24).
    _, verbs = _form_and_verbs()
    if any((content_stems(instrument_names_out(s.text)) - vocabulary) & verbs
           for s in added if not s.about_rights and _states_values(s) and not _denies(s.text)):
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


# (Kept for recent texts, pure functions of the text: every finding asks them of each old sentence, in every region.)
@lru_cache(maxsize=65536)
def _denies(text: str) -> bool:
    return any(w in _DENYING for w in re.findall(r"[a-z]+", text.lower().replace("n't", " not")))


@lru_cache(maxsize=65536)
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
    _, verbs = _form_and_verbs()
    return bool(words) and any(
        any(q.item is Item.RETENTION and abs(q.amount - amount) < 1e-9 for q in old.quantities)
        and len(words & old_words) >= share * len(words)
        and not (words - old_words) & verbs     # a verb of processing the old sentence lacks: a new practice too
        and data <= {c.value for c in old.claims if c.positive and c.item in _DATA}
        for old_words, old in old_sentences)


# -- a sentence restated from two or three old sentences, wherever they stand (restate24) ----------------------
# A summary's line merges two old sentences, a paragraph split in two gives each half the words of one old
# sentence and a word of grammar, a sentence moved under a new heading gains a connective: none of them is told
# by ONE old sentence in full (`told_in_one_sentence`), all of them by a few together. Art. 12-13 ask what the
# notice tells, not where: a sentence whose content, terms and polarity a few old sentences together hold tells
# nothing new, whatever finding it produced. The guards keep what a restatement cannot add: a verb of processing,
# a term, a number or period, a party's name, a denial turned round, a limit dropped, a use related to data no old
# sentence related it to.
# The words of a summary's or a pointer's form, and of polarity and limits (read for themselves by the guards):
# what a restatement may add around the old words.
_COVER_FORM = ("but only until unless except also each these this those above below following explain explained "
               "describe described set out summarise summarize summary outline detail details section sections "
               "notice policy glance short brief overview key main point points here more learn find note please "
               "including include includes such example examples instance whether either both other others further "
               "additional certain some various many most way ways information data personal")
# Verbs of processing a restatement cannot add: a new act on the data is a new practice, however familiar the rest.
_COVER_VERBS = ("sell sold sale share shared train trained combine combined infer inferred collect collected use used "
                "disclose disclosed transfer transferred process processed store stored retain retained keep kept "
                "record recorded monitor monitored track tracked analyse analyze analysed profile profiled link linked "
                "match matched buy bought rent license publish published upload uploaded obtain obtained receive "
                "received gather gathered acquire acquired scan scanned derive derived predict predicted target "
                "targeted advertise market personalise personalize tailor recognise recognize identify transmit "
                "send sent provide provided give given make available delete deleted access accessed")
# Irregular participles meet their verb ("Some data is kept …" restates "We keep some data …").
_PARTICIPLES = {"kept": "keep", "sold": "sell", "told": "tell", "shown": "show", "seen": "see", "given": "give",
                "made": "make", "taken": "take", "held": "hold", "sent": "send", "bought": "buy", "known": "know",
                "found": "find", "written": "write", "writ": "write", "chosen": "choose", "done": "do"}
# Words of a number: each number a restated sentence gives, its old sentences give.
_NUMBER = LazyPattern(r"\d+(?:[.,]\d+)*")
# A table's column or a lead-in that asks where the reader is ("Where you are located", "If you are in the UK"):
# each row then holds the condition of place its old sentence gave ("If you are located in the United Kingdom, …").
_READER_PLACE = LazyPattern(r"(?i)\b(?:where|if|when)\s+you\s+(?:are|live|reside)\b"
                            r"|\byour\s+(?:location|country|region)\b")
# Where a sentence's clauses part: a comma or semicolon, with the conjunction after it.
_CLAUSE_SPLIT = LazyPattern(r"[;,]\s*(?:and|but|or)?\s*|\s+and\s+(?=we\b|it\b|they\b)")
# Where a sentence's main clauses part: a semicolon, or "and" before a new subject.
_MAIN_CLAUSE = LazyPattern(r";\s*|,?\s+(?:and|but)\s+(?=(?:we|it|they|you|some)\b)")
# At most this share of a restated sentence's content words may be words no covering sentence has (at least one).
COVER_LEFTOVER_SHARE = 0.2
# The covering sentences: at most three, or one per clause of a sentence that merges more.
COVER_MAX_SENTENCES = 3


def _stems_of(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split()) | content_stems(words)


_FORM_STEMS: frozenset[str] | None = None
_VERB_STEMS: frozenset[str] | None = None


def _form_and_verbs() -> tuple[frozenset[str], frozenset[str]]:
    global _FORM_STEMS, _VERB_STEMS
    if _FORM_STEMS is None or _VERB_STEMS is None:
        _FORM_STEMS, _VERB_STEMS = _stems_of(_COVER_FORM), _stems_of(_COVER_VERBS)
    return _FORM_STEMS, _VERB_STEMS


@lru_cache(maxsize=16384)
def cover_words(text: str) -> frozenset[str]:
    """A sentence's content words as a restatement is asked to hold them: stems, irregular participles met with
    their verb, a summary's label before a colon and the words of form, polarity and limits left out. Kept for recent
    texts (a pure function of the text): the covers of every old sentence are read again by each finding and call."""
    form, _ = _form_and_verbs()
    words = {stem(_PARTICIPLES[w]) if w in _PARTICIPLES else w for w in moved_content(text)}
    return frozenset(w for w in words if w not in form)


@lru_cache(maxsize=16384)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


# A pointer to a part of the notice by its number ("(Section 4)", "see section 3.5", "§ 2"): where something is told,
# no value the notice tells (revfa27: a summary box whose lines end "(Section 4)").
_SECTION_POINTER = LazyPattern(r"(?i)\b(?:sections?|§§?|parts?|chapters?|clauses?|paragraphs?)\s*\d+(?:\.\d+)*"
                               r"(?:\s*(?:,|and|or|to|-|–)\s*\d+(?:\.\d+)*)*")


def value_numbers(text: str) -> frozenset[str]:
    """The numbers of a sentence that are values it tells: those of its pointers to numbered sections left out."""
    return _numbers(_SECTION_POINTER.sub(" ", text)) if _SECTION_POINTER.search(text) else _numbers(text)


def _clauses(text: str) -> int:
    """How many clauses of two content words or more a sentence has (split at commas and semicolons)."""
    return sum(1 for part in re.split(r"[;,]", text) if len(content_stems(part)) >= 2)


OldUnit = tuple[str, frozenset[str], Callable[[], Statement]]


def restated_by_cover(statement: Statement, text: str, old_units: Sequence[OldUnit], old_text: str,
                      found: Iterable[str] = (), context: str = "",
                      denied_in_section: frozenset[Value] = frozenset(), lead: frozenset[str] = frozenset(),
                      gained: Iterable[str] = ()) -> bool:
    """Whether a few old sentences, wherever they stand, together say all the new sentence says (restate24).

    `old_units` are the old document's sentences (headings included: a heading tells where something is told),
    each its text, its `cover_words` and its statement (read only when asked). The sentence is restated when at
    most three of them (one per clause where it merges more) hold its content words but a fifth (at least one),
    and the words left over are of no verb of processing, no term, no number, no name; every term it affirms or
    denies one of them affirms or denies; each kind of data it relates to a use one of them relates to it
    (`related_before`); every number, period, entity and finding word (`found`) is in them; it denies where they
    deny; and no limit of theirs is dropped (a row is read with its columns and lead-in, `context`). A value of the
    sentence its own section denied before (`denied_in_section`) is news there, however much another section
    tells it. A sentence of form only ("Each of these is explained below.") states nothing to cover."""
    words = cover_words(text)
    numbers = value_numbers(text)
    if any(c.value in denied_in_section for c in statement.claims if c.positive and c.weight is not Weight.VAGUE):
        return False
    if not words and not numbers:
        return not (statement.substantive or statement.processing or _denies(text))
    # A list item under a lead-in is a member of that list ("Verify warranty eligibility for your Lenovo Product" among
    # the uses of a feature's data, cgE-30), unless it opens with a summary's label ("Writing to us: …").
    if lead and not _SUMMARY_LABEL.match(text):
        return False
    # A summary's label ("Request to Delete: …") helps find the sentences it restates; it need not be covered.
    opener = _SUMMARY_LABEL.match(text)
    label = cover_words(opener.group(0)) if opener else frozenset()
    # A sentence that affirms is covered by sentences that affirm: a denial's words do not tell a practice.
    denies = _denies(text)
    scored = []
    for i, (old, old_words, _) in enumerate(old_units):
        gain = len((words | label) & old_words) + len(numbers & _numbers(old))
        if gain and (denies or not _denies(old)):
            scored.append((gain, i))
    scored.sort(key=lambda t: -t[0])
    pool = [i for _, i in scored[:40]]
    left, left_numbers = set(words | label), set(numbers)
    cover: list[int] = []
    for _ in range(max(COVER_MAX_SENTENCES, _clauses(text))):
        best, best_gain = -1, 0
        for i in pool:
            if i in cover:
                continue
            old, old_words, _ = old_units[i]
            gain = len(left & old_words) + len(left_numbers & _numbers(old))
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            break
        cover.append(best)
        left -= old_units[best][1]
        left_numbers -= _numbers(old_units[best][0])
    left -= label - words
    if not cover or left_numbers or len(left) > max(1.0, COVER_LEFTOVER_SHARE * len(words)):
        return False
    if left and len(words) - len(left) < 2:
        return False
    # A sentence edited in place (`gained`: the words it gained on its own old form, which its section still holds) is
    # restated only if the covering sentences hold every one of those words: a single new word there may be new data
    # no list names ("… recordings and transcripts of your calls"), not a summary's form.
    form, verbs = _form_and_verbs()
    held = frozenset().union(*(old_units[i][1] for i in cover))
    if any(w not in held and w not in form for w in gained):
        return False
    term_words = {w for c in statement.claims for w in content_stems(c.words)} | {
        w for q in statement.quantities for w in content_stems(q.words)} | {
        w for e in (*statement.entities, *statement.dpo) for w in content_stems(e.replace("|", " "))}
    if any(w in verbs or w in term_words for w in left):
        return False
    for name in _NAME_INSIDE.findall(_SUMMARY_LABEL.sub("", text)):
        if name.lower() not in old_text and name.lower().rstrip("s") not in old_text:
            return False     # a name the old document never gives: a new party, product or programme
    texts = [old_units[i][0] for i in cover]
    joined = " ".join(texts).lower()
    told = [old_units[i][2]() for i in cover]
    for claim in statement.claims:
        if claim.weight is Weight.VAGUE:
            continue
        # An open phrase read as named data ("the Information We Collect section above") is the same words where a
        # covering sentence has them as written, however that sentence's frame read them.
        if claim.key.startswith(("object:", "named:")) and claim.words and claim.words.lower() in joined:
            continue
        if not any((claim.value in s.positive()) if claim.positive else (claim.value in s.negative()) for s in told):
            return False
    values = [frozenset(c.value for c in s.claims if c.positive and c.item in RESTATED_ITEMS) for s in told]
    if not related_before(statement, values, values):
        return False
    # A place, a recipient, a purpose or a source is related to what the sentence speaks of by the old sentence that
    # tells it: one that names it beside the sentence's data, or beside two more of its words ("These files are stored
    # in Germany and China" is not told by "These files are stored in Germany" and a transfers section naming China:
    # the files' flow to China is new, practice22).
    # Each kind of data it names is named there too: a place told of the username is not told of the messages
    # (br23). Data named by a pointer ("this data", "the data described above") are those before it, which the
    # covering sentences do not see: such a sentence relates nothing to a use, place or source by a cover.
    related = [c for c in statement.claims if c.positive and c.item in _RELATED and c.weight is not Weight.VAGUE]
    if related and pointer(text):
        return False
    # Within one clause, each kind of data is named with what the clause says of it by one covering sentence: "your
    # username and your messages are kept in the United States" is not told by "Your username is stored in the United
    # States" and "We collect … the messages you send" (the messages' place is new, br23).
    kinds = [c for c in statement.claims if c.positive and c.item in _DATA and c.weight is not Weight.VAGUE and c.words
             and not (c.key.startswith(("object:", "named:")) and c.words.lower() in joined)]
    # (A main clause, not a list's comma: "… we will need to collect … such as your name, address, email address,
    # phone number …" gains a number collected at sign-up however many other sentences name phone numbers; the
    # covering sentence must say at least half of what its main clause says besides the data.)
    for clause in _MAIN_CLAUSE.split(text):
        named = [c for c in kinds if c.words in clause]
        said = cover_words(clause) - {w for c in named for w in content_stems(c.words)}
        if said and not all(any(c.value in s.positive() and len(said & old_units[i][1]) >= max(1.0, len(said) / 2)
                                for s, i in zip(told, cover, strict=True)) for c in named):
            return False
    # A list item is read with its lead-in ("… we have disclosed the following categories:", `lead`): a kind of data
    # it names is that list's new member, whatever other sentences name the kind (`list_grew` reads lists).
    if lead and kinds:
        return False
    data = {c.value for c in kinds}
    for claim in related:
        rest = words - content_stems(claim.words)
        if not all(any(claim.value in s.positive() and kind in s.positive() for s in told) for kind in data):
            return False
        if not data and not any(claim.value in s.positive() and len(rest & old_units[i][1]) >= 2
                                for s, i in zip(told, cover, strict=True)):
            return False
    # A period the sentence gives, an old sentence gives for the same data: among the covering ones, or anywhere
    # in the old document in the same words ("… some is kept until your Spotify account is deleted" restates "We keep
    # some data until your Spotify account is deleted", a paragraph away). The same period for other data is another.
    def keeps(s: Statement, t: str, q: Quantity, data: set[Value]) -> bool:
        same = any(p.item is q.item and (p.amount == q.amount or abs(p.amount - q.amount) < 1e-9)
                   for p in s.quantities) or q.words.lower() in t.lower()
        return same and data <= {c.value for c in s.claims if c.positive and c.item in _DATA}

    for q in statement.quantities:
        # The data a period is given for are those of its own clause ("we collect your name …, and we keep your
        # order records for five years"): the other clauses' data are not kept for it.
        clause = next((part for part in _CLAUSE_SPLIT.split(text) if q.words in part), text)
        data = {c.value for c in statement.claims if c.positive and c.item in _DATA and c.weight is not Weight.VAGUE
                and (not c.words or c.words in clause)}
        if any(keeps(s, t, q, data) for s, t in zip(told, texts, strict=True)):
            continue
        elsewhere = next((t for t, _, get in old_units if q.words.lower() in t.lower() and keeps(get(), t, q, data)),
                         None)
        if elsewhere is None:
            return False
        joined += " " + elsewhere.lower()
    entities = {e for s in told for e in (*s.entities, *s.dpo)}
    shown = [w for v in (*statement.entities, *statement.dpo) if v not in entities
             for w in re.findall(r"[a-z]{3,}", v.partition("|")[0].lower())]
    shown += [w for v in found for w in re.findall(r"[a-z]{3,}", v.lower())]
    if any(w not in joined for w in shown):
        return False
    if denies and not any(_denies(t) for t in texts):
        return False
    limits = set(statement.limits)
    if context and _READER_PLACE.search(context):
        limits.add(Limit.CONDITION)
    return all(s.limits <= limits for s in told)
