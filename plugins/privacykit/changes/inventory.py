"""A paragraph rewritten whole, compared as a whole by what it names (para33).

A heavy rewording splits, joins and reorders a paragraph's sentences, and the sentence reader pairs each new
sentence with an old one it does not restate: each such pairing can draw a finding of its own, and a rewrite
draws several. What a notice must state (GDPR Art. 13-14) is named by words the project already knows, by
numbers with their units, and by a few markers of limit and consent. A paragraph (or a run of list items) is
compared with the old one it rewrites by that coarse *inventory*, read without parsing a sentence:

- what it names: the lexicon's terms (kinds of data, purposes, recipients, rights, bases, countries) as keys, so
  the synonyms the lexicon knows are one value; the consent triggers it mentions, in any polarity; the parties
  named by a recipient's head noun ("collection agencies"); its legal entities, e-mail and web addresses;
- its numbers, each with the unit after it (periods as days, so "24 months" is "two years"; ages);
- its markers counted by kind: negations, limiting words ("only", "solely", "limited to", "no longer than"),
  consent words, opt-in and opt-out, "off" and "by default", exceptions ("unless", "except"), "own"; and
  whether it states a condition at all ("if", "when", "until", "should we …").

para34 reads three of those markers for what they do rather than how they are worded: a condition is counted only
where it bears on a practice (not "If anything is unclear, write to us"; not "until" before a period); "not … until
you agree" is a limit, as "only once you have agreed" is; a basis cited by its article ("Art. 6(1)(b)") is the basis,
and a citation's digits are no numbers.

Where the old and new inventories are equal, the paragraph names the same things with the same limits, and
the findings its sentences draw are not evidence of a change (`prose._rewritten_alike_out`, which asks it only
of a whole document rewritten in three paragraphs or more). Where they differ (one term more or less, a number
changed, one "only" or one "not" fewer) today's readings stand.

family35 reads the same inventory by *concept family* (`families`): a kind of data or a purpose by its first two
levels ("device identifiers" and "IP address and advertising ID" are one family), a party by its head noun, a datum
named only as "personal data" as none; and leaves out the markers of a clause that instructs the reader ("please
don't hesitate to contact us"). Two paragraphs equal by family are a rewording too. A paragraph that shares too few
words to be paired is paired with the old one naming the same families and numbers (`_pair_by_family`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .consent import triggers
from .items import PROCESSING_VERBS, content_words, entities
from .terms import MODIFIER_STOP, RECIPIENT_HEADS, Lexicon, stem, tokens

# Words of negation (a token as `tokens` gives it: "don't" is one token).
_NEGATIONS = frozenset({"not", "never", "no", "none", "nothing", "nobody", "neither", "nor", "cannot", "without"})
# Words that limit what a sentence allows to what follows them ("no longer than" is counted as one of them).
_ONLY = frozenset({"only", "solely", "exclusively", "alone", "purely"})
_ONLY_PAIRS = frozenset({("limited", "to"), ("restricted", "to"), ("confined", "to")})
# Stems of the words that ask the reader ("consent", "permission", "agree", "accept", "authorise").
_CONSENT = frozenset({"consent", "permission", "agre", "accept", "authoriz", "approval"})
# "Off" and "by default" say what holds until the reader acts (opt-in and opt-out in other words).
_DEFAULTS = frozenset({"off", "default"})
# Words that make what follows a condition: whether the paragraph states one at all is counted (a rewording says
# "if" as "when", "should we", "where").
_CONDITIONS = frozenset({"if", "when", "whenever", "until", "once", "provided", "whether"})
# "Should we learn …", "Were you to …": a condition said by the verb put first.
_INVERTED_IF = re.compile(r"(?:^|[.;:!?]\s+)(?:Should|Were|Had)\s+(?:we|you|they|it|[A-Z]\w+)\b")
# A condition's clause: from its word to the next comma, semicolon or colon (or the sentence's end).
# A sentence led by "Whether you … or …," states the cases it covers as "when you … or …" does.
_CONDITION_CLAUSE = re.compile(r"\b(?:if|when|whenever|until|once|provided)\b[^,;:]*|^Whether\b[^,;:]*",
                               re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?;])\s+")
# The verbs a notice tells its reader with, put first in a clause of no subject ("call Support or use the chat",
# "contact our DPO", "write to us"): an instruction to the reader, unless it holds a "we" or a passive.
_INSTRUCTIONS = frozenset({"please", "contact", "write", "call", "email", "phone", "message", "visit", "see", "go",
                           "let", "ask", "read", "check", "click", "tap", "follow", "reach", "get", "find", "use",
                           "send", "submit", "tell", "talk", "speak", "chat", "refer", "consult", "raise", "head",
                           "look", "drop", "fill", "complete", "sign", "log", "open"})
_WE = frozenset({"we", "we'll", "we’ll", "we're", "we’re", "we've", "we’ve", "we'd", "we’d"})
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# "not … until", "never … unless" in one sentence: a denial until a condition is a limit ("only … once", "only if").
_NOT_UNTIL = re.compile(r"\b(?:not|never|no|nothing|none|cannot|\w+n[’']t)\b[^.;:!?]{0,80}?\b(?:until|unless)\b",
                        re.IGNORECASE)
# A legal basis cited by its article (GDPR Art. 6(1)(a)-(f)): the citation names the basis as its words do.
_ARTICLE_6 = re.compile(r"\bArt(?:icle|\.)?\s*6\s*\(\s*1\s*\)\s*\(\s*([a-f])\s*\)", re.IGNORECASE)
# A citation of an article or a section ("Art. 6(1)(b)", "Section 7027(m)"): its numbers are no values.
_CITATION = re.compile(r"\b(?:Art(?:icle)?s?\.?|Sections?|§)\s*\d+(?:\s*\(\s*\w{1,4}\s*\))*", re.IGNORECASE)
_BASES = {"a": "consent", "b": "contract", "c": "legal_obligation", "d": "vital_interests", "e": "public_interest",
          "f": "legitimate_interests"}
# Words that carve an exception out of what a sentence says (each counted).
_EXCEPTIONS = frozenset({"unless", "except", "excluding", "apart"})
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40,
                 "sixty": 60, "ninety": 90, "hundred": 100}
# The units of a number, as stems ("ag" is "age"), and a period's unit in days ("24 months" is "two years").
_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "ag"})
_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 365 / 12, "year": 365}
_DIGITS = re.compile(r"\d+")
# E-mail and web addresses: whom to write to, where to go (a rewording keeps them).
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://[^\s)\]>]*[\w/]|www\.[^\s)\]>]*[\w/]")

# What a paragraph names (terms, triggers, parties, entities, addresses), its numbers, its markers counted.
Inventory = tuple[frozenset[tuple[str, str]], frozenset[tuple[float, str]], tuple[tuple[str, int], ...]]


def _amount(value: float, unit: str) -> tuple[float, str]:
    """A number and its unit, a period as days (rounded: twelve months are a year)."""
    if unit in _DAYS:
        return round(value * _DAYS[unit], 3), "day"
    return value, unit


def _unit_after(stems: Sequence[str], at: int) -> str:
    """The unit of the number at `at`: the stem after it (or after one more word: "30-day", "16 years"), if any."""
    for s in stems[at + 1:at + 3]:
        if s in _UNITS:
            return s
    return ""


def _address(found: str) -> str:
    """An address as one value however it is written: "https://www.x.ie/" is "x.ie"."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", found.lower()).rstrip("/")


def _bears_on_practice(clause: str, terms: Lexicon) -> bool:
    """Whether a clause tells what is done with data: what "we" do, what is done (a passive), a verb of processing
    or a term of the lexicon, in a clause that is not an instruction to the reader ("call Support or use the chat",
    "contact our DPO": no subject, no "we", no passive). A clause of no word at all is read as bearing (a condition
    that is the whole sentence)."""
    words = tokens(clause.strip(" ,;:.!?"))
    if not words:
        return True
    if words[0] in _INSTRUCTIONS and not any(w in _PASSIVE or w in _WE for w in words):
        return False
    if any(w in _PASSIVE or w in _WE for w in words):
        return True
    stems = [stem(w) for w in words]
    return any(s in PROCESSING_VERBS for s in stems) or bool(terms.find(stems, words))


# How many condition clauses of one sentence are read one by one before the sentence is taken as stating a
# condition: each reading re-reads the sentence, so an adversarial run of "if …, if …," would cost its square.
_MOST_CONDITIONS = 8


def _practice_conditions(text: str, terms: Lexicon) -> Iterator[str | None]:
    """Each condition word's clause of `text` whose sentence, without that clause, names a practice, in order; None
    for a sentence of more than `_MOST_CONDITIONS` conditions (each clause re-reads the whole sentence: a sentence
    of many is taken as stating one, and read no further). An "until" before a period is a period, no condition.
    (review36: the one reading of `_condition_clauses` and `_states_condition`.)"""
    for sentence in _SENTENCES.split(text):
        for count, m in enumerate(_CONDITION_CLAUSE.finditer(sentence)):
            if count == _MOST_CONDITIONS:
                yield None
                break
            clause = tokens(m.group())
            if clause[:1] == ["until"] and any(_unit_after([stem(w) for w in clause], k)
                                               for k, w in enumerate(clause[1:4], 1)
                                               if _DIGITS.fullmatch(w) or w in _NUMBER_WORDS):
                continue
            if _bears_on_practice(sentence[:m.start()] + " " + sentence[m.end():], terms):
                yield m.group()


def _condition_clauses(text: str, terms: Lexicon) -> list[str]:
    """The clauses of `text` that state a condition on a practice, as `_states_condition` reads them (family35): each
    condition word's clause ("When you sign up", "until you unsubscribe"), a condition said by the verb put first up
    to its comma ("Should we learn …,"). Read only up to `_MOST_CONDITIONS` a sentence."""
    found = [m.group().split(",")[0] for m in _INVERTED_IF.finditer(text)]
    return found + [c for c in _practice_conditions(text, terms) if c is not None]


def _states_condition(text: str, terms: Lexicon) -> bool:
    """Whether `text` states a condition on a practice (para34): a condition word ("if", "when", "until" …) whose
    sentence, without the condition's own clause, names a practice ("we store it if you switch Sync on"). A
    condition on the reader's own doing ("If anything is unclear, write to us") limits no practice, and an
    "until" before a period ("until six years have passed") is a period, counted with the numbers."""
    if _INVERTED_IF.search(text):
        return True
    return any(True for _ in _practice_conditions(text, terms))


def _count_markers(text: str, words: Sequence[str], stems: Sequence[str]) -> Counter[str]:
    """The markers of `text` counted by kind (negation, only, consent, opt-in, opt-out, off, by default,
    exception, one's own): a denial until a condition counted as a limit (para34); no condition."""
    markers: Counter[str] = Counter()
    for i, (w, s) in enumerate(zip(words, stems, strict=True)):
        after = words[i + 1] if i + 1 < len(words) else ""
        if w == "no" and after in ("longer", "more") and words[i + 2:i + 3] == ["than"]:
            markers["only"] += 1        # "no longer than we need" is "only as long as we need"
        elif w in _NEGATIONS or w.endswith(("n't", "n’t")):
            markers["negation"] += 1
        if w in _ONLY or (w, after) in _ONLY_PAIRS:
            markers["only"] += 1
        if s in _CONSENT:
            markers["consent"] += 1
        if w == "opt" and after in ("in", "out"):
            markers["opt-" + after] += 1
        if w in _DEFAULTS or w in _EXCEPTIONS or w == "own":
            markers[w] += 1
    denied_until = min(len(_NOT_UNTIL.findall(text)), markers["negation"])
    if denied_until:
        # "We will not apply it until you agree" is "we apply it only once you agree" (para34).
        markers["negation"] -= denied_until
        markers["only"] += denied_until
        markers += Counter()    # a count of none is no count
    return markers


@lru_cache(maxsize=4096)
def inventory(text: str, terms: Lexicon) -> Inventory:
    """What `text` names, as a coarse inventory read without parsing a sentence: the keys of its lexicon terms,
    of the consent triggers it mentions in any polarity, of the parties it names by a recipient's head noun
    ("collection agencies"), its legal entities and addresses; its numbers with their units; and its markers
    counted by kind (negation, only, consent, opt-in, opt-out, off, by default, exception, one's own; whether it
    states a condition)."""
    words = tokens(text)
    stems = [stem(w) for w in words]
    named = frozenset((m.term.item.value, m.term.key) for m in terms.find(stems, words)) \
        | frozenset(("trigger", t.concept) for t in triggers(text, terms, affirmed_only=False)) \
        | frozenset(("party", stems[i - 1] + " " + s) for i, s in enumerate(stems)
                    if i and s in RECIPIENT_HEADS and words[i - 1] not in MODIFIER_STOP) \
        | frozenset(("entity", e) for e in entities(text)) \
        | frozenset(("address", _address(a)) for a in _ADDRESS.findall(text)) \
        | frozenset(("legal_basis", _BASES[m.group(1).lower()]) for m in _ARTICLE_6.finditer(text))
    numbers = set()
    cited = _CITATION.sub(" ", text)
    told = (words, stems) if cited == text else (tokens(cited), [stem(w) for w in tokens(cited)])
    for i, w in enumerate(told[0]):
        if _DIGITS.fullmatch(w) or (w in _NUMBER_WORDS and _unit_after(told[1], i)):
            numbers.add(_amount(float(w) if w.isdigit() else float(_NUMBER_WORDS[w]), _unit_after(told[1], i)))
    markers = _count_markers(text, words, stems)
    if (any(w in _CONDITIONS for w in words) and _states_condition(text, terms)) or _INVERTED_IF.search(text):
        markers["condition"] = 1
    return named, frozenset(numbers), tuple(sorted(markers.items()))


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


# A paragraph is paired with the other version's it shares most content words with, by this much (cosine),
_PAIRED = 0.3
# and is rewritten heavily when a fifth of the pair's content words or more are not in both (Jaccard <= 0.8).
_HEAVY = 0.2


def _pair_by_family(old_blocks: Sequence[str], new_blocks: Sequence[str], old_at: Sequence[int],
                    new_at: Sequence[int], parent: dict[tuple[str, int], tuple[str, int]], terms: Lexicon) -> None:
    """Pair the paragraphs left unpaired by shared words that name the same concept families (family35): a
    paragraph rewritten with almost no word in common ("Advertising cookies; Up to 13 months" for "We keep ad
    cookies for no more than 13 months") pairs with the old one naming the same families and the same numbers, when
    each is the other's only such paragraph. A paragraph naming no family, or two that name the same, pair with
    nothing."""
    paired = set(parent) | set(parent.values())
    olds = [i for i in old_at if ("o", i) not in paired]
    news = [j for j in new_at if ("n", j) not in paired]
    if not olds or not news:
        return

    def key(text: str) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[float, str]]] | None:
        named, numbers, _ = families(text, terms)
        return (named, numbers) if named else None

    old_keys = {i: key(old_blocks[i]) for i in olds}
    new_keys = {j: key(new_blocks[j]) for j in news}
    for i, k in old_keys.items():
        if k is None:
            continue
        same_new = [j for j, m in new_keys.items() if m == k]
        if len(same_new) == 1 and sum(1 for m in old_keys.values() if m == k) == 1:
            parent[("n", same_new[0])] = ("o", i)


def rewritten_alike(old_sentences: Sequence[tuple[str, ...]], new_sentences: Sequence[tuple[str, ...]],
                    terms: Lexicon) -> tuple[int, list[tuple[frozenset[int], frozenset[int]]]]:
    """How many groups of a section's paragraphs (each given as its sentences) were rewritten heavily, and those
    of them whose inventories are equal: each the indexes of its old paragraphs and of its new ones. A paragraph
    is paired with the other version's it shares most content words with, both ways, so a paragraph split in two
    or two joined are one group; a paragraph written the same on both sides is no part of any group."""
    old_blocks = [" ".join(b) for b in old_sentences]
    new_blocks = [" ".join(b) for b in new_sentences]
    same = set(old_blocks) & set(new_blocks)
    old_at = [i for i, b in enumerate(old_blocks) if b not in same]
    new_at = [j for j, b in enumerate(new_blocks) if b not in same]
    if not old_at or not new_at:
        return 0, []
    old_words = {i: content_words(old_blocks[i]) for i in old_at}
    new_words = {j: content_words(new_blocks[j]) for j in new_at}
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for j in new_at:
        score, best = max((_cosine(old_words[i], new_words[j]), i) for i in old_at)
        if score >= _PAIRED:
            parent[root(("n", j))] = root(("o", best))
    for i in old_at:
        score, best = max((_cosine(old_words[i], new_words[j]), j) for j in new_at)
        if score >= _PAIRED:
            parent[root(("o", i))] = root(("n", best))
    _pair_by_family(old_blocks, new_blocks, old_at, new_at, parent, terms)
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for side, at in (("o", old_at), ("n", new_at)):
        for k in at:
            groups.setdefault(root((side, k)), (set(), set()))[0 if side == "o" else 1].add(k)
    heavy, found = 0, []
    for olds, news in groups.values():
        a = frozenset().union(*(old_words[i] for i in olds))
        b = frozenset().union(*(new_words[j] for j in news))
        if not a or not b or len(a & b) > (1 - _HEAVY) * len(a | b):
            continue
        heavy += 1
        before = " ".join(old_blocks[i] for i in sorted(olds))
        after = " ".join(new_blocks[j] for j in sorted(news))
        if inventory(before, terms) == inventory(after, terms) or alike_by_family(before, after, terms):
            found.append((frozenset(olds), frozenset(news)))
    return heavy, found


# family35: the inventory by concept family, its markers scoped to the clauses that bear on a practice.
# What a family keeps of an item's key: a kind of data or a purpose by its first two levels ("user.device.ip_address"
# and "user.device.device_id" are "user.device"; "marketing.advertising.third_party.targeted" is
# "marketing.advertising"); a party named by a recipient's head noun by that noun ("collection agency" and "debt
# agency" are one kind of recipient); a legal entity by the last word of its name and its legal form; anything else
# (recipients of the lexicon, which are kinds already; rights, bases, triggers, countries, addresses) as it is.
_FAMILY_LEVELS = frozenset({"categories", "purposes", "sources"})

# A clause of a sentence: up to a comma, semicolon, colon or dash set apart (an instruction is read by its clause).
_CLAUSES = re.compile(r"[,;:]\s+|\s+[–—-]\s+")

# What the family inventory holds: the families a paragraph names, its numbers, its markers that bear on a practice.
Families = tuple[frozenset[tuple[str, str]], frozenset[tuple[float, str]], tuple[tuple[str, int], ...]]


def _family(item: str, key: str) -> tuple[str, str] | None:
    """An item's concept family (None for a datum named only as "personal data", which names no kind)."""
    if item in _FAMILY_LEVELS:
        if key == "personal_data":
            return None
        return item, ".".join(key.split(".")[:2])
    if item == "party":
        return item, key.rsplit(" ", 1)[-1]
    if item == "entity":
        name, _, form = key.partition("|")
        return item, name.rsplit(" ", 1)[-1] + "|" + form
    return item, key


def _clause_markers(clause: str) -> Counter[str]:
    """The markers of one clause counted by kind, as `inventory` counts them (a condition's presence aside)."""
    words = tokens(clause)
    return _count_markers(clause, words, [stem(w) for w in words])


@lru_cache(maxsize=4096)
def families(text: str, terms: Lexicon) -> Families:
    """`inventory` read by concept family (family35): the items by their families (`_family`), the numbers as they
    are, and the markers counted by sentence without those of a clause that instructs the reader (`_instruction`:
    "please don't hesitate to contact us", "just write to our DPO"): a marker there bears on the reader's doing, no
    practice. The condition's presence is kept as `inventory` reads it (para34: where it bears on a practice)."""
    named, numbers, markers = inventory(text, terms)
    grouped = frozenset(f for f in (_family(item, key) for item, key in named) if f is not None)
    scoped: Counter[str] = Counter()
    if {kind for kind, _ in markers} - {"condition"}:
        for sentence in _SENTENCES.split(text):
            found = _clause_markers(sentence)
            if found:
                # (read by sentence, so "not … until" across a comma is still a limit; an instruction's are taken off)
                for clause in _CLAUSES.split(sentence):
                    if _instruction(clause):
                        found -= _clause_markers(clause)
                scoped += found
    return grouped, numbers, tuple(sorted(scoped.items()))


# The words of a condition that say only who acts or when ("you", "we", "have", "first"): the occasion is the rest.
_OCCASION_STOP = frozenset({"if", "when", "whenever", "until", "once", "provided", "whether", "you", "we", "your",
                            "our", "it", "they", "them", "us", "have", "has", "had", "do", "does", "ever", "first",
                            "time", "should", "were", "any", "so", "that", "the", "a", "an", "to"})


def _occasion(clause: str) -> frozenset[str]:
    """A condition's occasion: the stems of its content words, without those of who acts and when."""
    return frozenset(s for s in content_words(clause) if s not in _OCCASION_STOP)


def alike_by_family(before: str, after: str, terms: Lexicon) -> bool:
    """Whether two wordings of a paragraph are alike by concept family (family35): their `families` are equal, and
    each condition either states on a practice is told by the other's words: its occasion ("When you sign up", "If
    you buy a paid plan", "When we transfer your data out of the EEA") is named there, as a preposition or a noun
    says it ("on sign-up", "paid plans also need", "transfers out of the EEA"). A condition whose occasion the other
    wording does not name ("Whenever you rent," dropped; "if you allow it" dropped) is a limit dropped or added."""
    if families(before, terms) != families(after, terms):
        return False
    old_conditions, new_conditions = _condition_clauses(before, terms), _condition_clauses(after, terms)
    old_words, new_words = content_words(before), content_words(after)
    return all(_occasion(c) and _occasion(c) <= new_words for c in old_conditions) and \
        all(_occasion(c) and _occasion(c) <= old_words for c in new_conditions)


def _instruction(clause: str) -> bool:
    """Whether a clause is an instruction to the reader: led by a verb a notice tells its reader with, no "we" and
    no passive in it ("don't hesitate to contact us", "please write to our DPO")."""
    words = tokens(clause.strip(" ,;:.!?"))
    lead = 0
    while lead < len(words) and words[lead] in _INVITING:
        lead += 1
    return lead < len(words) and words[lead] in _INSTRUCTIONS and not any(w in _PASSIVE or w in _WE for w in words)


# Words that lead an instruction to the reader as an invitation ("please", "do not hesitate to", "feel free to"): the
# negation of "don't hesitate to contact us" denies nothing.
_INVITING = frozenset({"please", "kindly", "just", "do", "don't", "don’t", "not", "never", "hesitate", "to", "feel",
                       "free"})


# rewrite40: a sentence of a document rewritten whole is paired with the old sentence it rewrites when they share
# this much of their content words (cosine), the best such old sentence only.
_SENTENCE_PAIRED = 0.5


def restated_pair(sentence: str, old_sentences: Sequence[tuple[frozenset[str], str]], terms: Lexicon) -> str | None:
    """The old sentence `sentence` rewrites where the two state the same things (rewrite40): the old sentence sharing
    most of its content words (`_SENTENCE_PAIRED` or more, given as (content words, text)), when the two name the same
    terms, triggers, parties, entities and addresses, the same numbers, and the same markers counted (negations,
    "only", consent, opt-in and opt-out, defaults, exceptions, "own", a condition): a sentence reworded whole that
    states no other value, limit, condition or polarity. None when no old sentence is that close, or the closest
    differs in what it names or marks."""
    words = content_words(sentence)
    if not words:
        return None
    score, best = max(((_cosine(w, words), text) for w, text in old_sentences), default=(0.0, ""))
    if score < _SENTENCE_PAIRED:
        return None
    mine, theirs = inventory(sentence, terms), inventory(best, terms)
    if not mine[0] or mine[:2] != theirs[:2]:
        return None
    return best if mine[2] == theirs[2] or _restriction_turned(dict(mine[2]), dict(theirs[2])) else None


# synonym41: the markers of a restriction (`fallback.facts`): "only", its condition, and the negation and exception
# of a denial that excepts ("we do not share it unless …", "… except with …").
_RESTRICTION_MARKERS = frozenset({"only", "condition", "negation", *_EXCEPTIONS})


def _restriction_turned(a: dict[str, int], b: dict[str, int]) -> bool:
    """Whether two sentences' markers differ only by a restriction told the other way round (synonym41): one
    sentence denies with an exception ("we do not send it unless you opt in") where the other allows with "only"
    ("we send it only if you opt in"), one denial and one exception against one "only", every other marker the
    same. A restriction added or dropped is no such turn."""
    def turned(x: dict[str, int], y: dict[str, int]) -> bool:
        excepted = sum(x.get(e, 0) for e in _EXCEPTIONS)
        return x.get("negation", 0) == 1 and excepted == 1 and not x.get("only") \
            and y.get("only", 0) == 1 and not y.get("negation") and not any(y.get(e) for e in _EXCEPTIONS)
    if not (turned(a, b) or turned(b, a)):
        return False
    return {k: v for k, v in a.items() if k not in _RESTRICTION_MARKERS} \
        == {k: v for k, v in b.items() if k not in _RESTRICTION_MARKERS}
