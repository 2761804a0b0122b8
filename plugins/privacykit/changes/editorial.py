"""Recognisers of editorial changes: what a change is when it changes nothing a law asks for.

Each recogniser looks at an old and a new text (reading form) whose information items
are the same and says what kind of edit it was, so a report can say "typo fixed" or "link
target changed" instead of "no signal". They never decide materiality on their own: a change
is editorial because what it says is the same (`changes/prose.py`), and these only name it.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections import Counter
from functools import lru_cache

from .negation import negation_marks
from .prefilter import needed
from .terms import DELETION_VERB, stem, tokens
from .text import COMPOUND_NUMBER, LazyPattern, number_value


class EditorialKind(str, enum.Enum):
    """What an editorial change did."""

    FORMATTING = "formatting"        # same visible text, other Markdown (emphasis, spacing, line breaks)
    LINK_TARGET = "link-target"      # a link points elsewhere; its text is the same
    TYPO = "typo"                    # words corrected by a letter or two
    SPELLING = "spelling"            # the same words in another spelling, case, hyphenation or punctuation
    REORDER = "reorder"              # the same words or list items in another order
    RENUMBERING = "renumbering"      # footnote, section or cross-reference numbers
    CROSS_REFERENCE = "cross-reference"  # a pointer to where more is told: another policy, a section, a page
    DATE = "date"                    # a date, or a "last updated" line
    ADDRESS = "address"              # a postal address, e-mail, phone or web address of the same entity
    REWORDING = "rewording"          # other words, the same items and values
    NOT_A_POLICY = "not-a-policy"    # one version is an error page or an empty capture
    OTHER_LANGUAGE = "other-language"  # one version is in another language than the other


_DATE = LazyPattern(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"\s+\d{4})\b", re.IGNORECASE)
# An e-mail address is tried only where a run of its characters starts (see `terms._ADDRESSES`).
_ADDRESS = LazyPattern(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|\+?\d[\d ().-]{6,}\d|"
                      r"\b\d{1,6}\s+[A-Z][\w ]+(?:Drive|Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Place|"
                      r"Way|Lane|Park|Square|Court)\b|\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|"
                      # (revfa33: a street whose kind is written in lower case before its name, as French, Italian or
                      # Spanish write it: "14 rue Mercière", "27 quai Saint-Antoine", "3 rue de la Paix", "5 via Roma")
                      r"(?-i:\b\d{1,6}\s+(?:rue|quai|avenue|boulevard|allée|chemin|place|cours|impasse|via|viale|piazza|"
                      r"calle|rua)\s+(?:(?:de|du|des|la|le|del|della|di|da|do)\s+|[ld]['’])*[A-Z][\w'’-]*"
                      r"(?:[ -][A-Z][\w'’-]*)*)|"
                      # The unit inside a building ("Suite 1400", "Floor 9", "9th Floor"): part of the same address.
                      r"\b(?:Suite|Ste\.|Floor|Fl\.|Unit|Room|Apt\.|Apartment|Building|Bldg\.)\s+\d+[A-Za-z]?\b|"
                      r"\b\d+(?:st|nd|rd|th)\s+Floor\b")
_NUMBER_MARK = LazyPattern(r"\[\d+\]|\(\d+\)|\b(?:section|sections|part|article|art\.|clause|paragraph|note|"
                          r"footnote)\s+\d+(?:\.\d+)*\b|^\d+(?:\.\d+)*\.?\s|\b\d+(?:\.\d+)+\b",
                          re.IGNORECASE)


# Words too short to be typos of anything else: a letter changed in them changes the meaning.
_MEANINGFUL = frozenset({"not", "now", "no", "nor", "never", "may", "will", "can", "cannot", "only", "must", "shall",
                         "all", "any", "non", "own", "our", "your", "sell", "sold", "share", "we", "you",
                         # (consent26: "is off" -> "is on" turns a feature on; no misspelling)
                         "off"})


# Words whose absence or doubling does not change what a sentence says.
_FILLERS = frozenset({"the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "is", "are", "be", "as", "that",
                      "this", "its", "and"})


def _words(text: str) -> list[str]:
    return tokens(text)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early past `limit` (returns limit + 1)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def is_typo_fix(old: str, new: str) -> bool:
    """Only a few words changed, each by a letter or two (or a word of one or two letters
    added or removed), and no number changed."""
    a, b = _words(old), _words(new)
    if a == b:
        return False
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    changed = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        if any(w.isdigit() or w in _MEANINGFUL for w in olds + news):
            return False
        if tag == "replace" and len(olds) == len(news):
            for x, y in zip(olds, news, strict=True):
                if stem(x) != stem(y) and edit_distance(x, y, 2) > 2:
                    return False
                changed += 1
        elif tag == "replace" and "".join(olds) == "".join(news):
            changed += 1          # "e mail" -> "email", a split or joined word
        elif tag in ("insert", "delete") and len(olds + news) == 1 and (olds + news)[0] in _FILLERS:
            changed += 1          # "the", "a", "of": a missing or doubled small word
        else:
            return False
    return 0 < changed <= 4


# -- the same words in another form ---------------------------------------------------------------

# British and American spellings, and the forms one word is written in, read as one: a
# statement respelled ("personalised" -> "personalized", "e-mail" -> "email", "ten" -> "10",
# "&" -> "and") says what it said. Each pattern is applied to both texts, so a rule only has to
# map the variants onto the same form, not onto the "right" one. Word stems are listed where a
# suffix rule would merge two words that mean different things ("your" is no "yor").
_SPELLINGS = tuple((LazyPattern(p), r) for p, r in (
    # Contractions first: "don't" keeps its "not" when punctuation is dropped.
    (r"\b(do|does|did|is|are|was|were|has|have|had|would|could|should|must)n't\b", r"\1 not"),
    (r"\bwon't\b", "will not"), (r"\bcan't\b|\bcannot\b", "can not"),
    (r"\b(we|you|they|i)'ll\b", r"\1 will"), (r"\b(we|you|they)'re\b", r"\1 are"),
    (r"\b(we|you|they|i)'ve\b", r"\1 have"), (r"\b(it|that|there|here|what|who)'s\b", r"\1 is"),
    # Abbreviations and their words.
    (r"\be\.\s?g\.,?|\bfor instance\b", "for example"), (r"\bi\.\s?e\.,?", "that is"),
    (r"\betc\.", "and so on"), (r"\bco\.(?=\s|$)", "company"), (r"\bcorp\.(?=\s|$)", "corporation"),
    (r"\blimited\b(?=\W*$)|\bltd\.?(?=\s|$|,)", "ltd"), (r"\bincorporated\b|\binc\.?(?=\s|$|,)", "inc"),
    (r"\bu\.\s?s\.(?:\s?a\.)?|\busa\b|\bus(?= law| laws| federal| government| state)|"
     r"\bunited states(?: of america)?", "unitedstates"),
    (r"\bu\.\s?k\.|\bunited kingdom\b|\bgreat britain\b", "unitedkingdom"),
    (r"\beuropean union\b|\beu\b", "europeanunion"),
    (r"\bno\.(?=\s*\d)", "number"), (r"\bapprox\.", "approximately"), (r"\bvs\.?(?=\s)", "versus"),
    (r"&", " and "), (r"\bper cent\b|%", " percent "), (r"\bwhilst\b", "while"), (r"\bamongst\b", "among"),
    (r"\btowards\b", "toward"), (r"\bupon\b", "on"),
    (r"\bdata base", "database"), (r"\bweb site", "website"), (r"\bweb page", "webpage"),
))
# British and American endings, applied to each word on its own (once per word, then remembered).
_WORD_SPELLINGS = tuple((LazyPattern(p), r) for p, r in (
    (r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers|able)\b", r"iz\1"),
    (r"(?<=[a-z])ys(e|es|ed|ing|er|ers)\b", r"yz\1"),
    (r"\b(behavi|col|fav|hon|lab|neighb|rum|harb|hum|vap|endeav|sav|arm|flav|od|rig|val|vig|cand)our",
     r"\1or"),
    (r"\b(lic|def|off|pret)ence", r"\1ense"), (r"\b(catal|dial|anal|prol|epil)ogue(s?)\b", r"\1og\2"),
    (r"(?<=[a-z]{2}e)ll(ed|ing|er|ers|ation)\b", r"l\1"),
    (r"\b(fulfil|enrol|instal|distil)(?=s?\b|ment)", r"\1l"), (r"\b(skil|wil)ful", r"\1lful"),
    (r"\b(cent|met|theat|lit|fib|calib)re(s|d)?\b", r"\1er\2"), (r"\bprogramme", "program"),
    (r"\bjudgement", "judgment"),
    (r"\backnowledgement", "acknowledgment"), (r"\bageing\b", "aging"),
    (r"\b(p|h|an)ae", r"\1e"), (r"\boes", "es"), (r"\bcheque", "check"), (r"\bgrey\b", "gray"),
    (r"\bmould", "mold"), (r"\btyre", "tire"), (r"\bpyjama", "pajama"), (r"\bplough", "plow"),
))
_LOWER_WORD = LazyPattern(r"[a-z]+")
# Numbers written out read as numerals ("ten (10) days", "ten days", "10 days").
_NUMBER_WORDS = {w: str(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
_NUMBER_WORDS |= {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "ninety": "90", "hundred": "100"}
# A figure of several words ("one hundred eighty", "forty-five") reads as one numeral, not one a word.
_NUMBER_WORD = LazyPattern(r"(" + COMPOUND_NUMBER + r"|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)(?:\s*\((\d+)\))?")
_US = LazyPattern(r"\bUSA?\b")     # in capitals: "us" is also a pronoun
_NOT_LETTERS = LazyPattern(r"[^a-z0-9]+")
# What stands between two digits is part of the number: "1.5 years" is not "15 years".
_BETWEEN_DIGITS = LazyPattern(r"(?<=\d)[^a-z0-9]+(?=\d)")


def spelling_form(text: str) -> str:
    """`text` (reading form) with spelling, case, hyphenation, spacing of compounds ("e-mail",
    "opt out", "log-in"), punctuation, "&", numbers written out and common abbreviations made
    one: two statements with the same spelling form say the same in the same words."""
    # Without spaces and punctuation, "opt-out", "opt out" and "optout" (or "e-mail" and
    # "email") are one word; a changed comma or a quote mark is no change.
    return _NOT_LETTERS.sub("", _BETWEEN_DIGITS.sub("x", respelled(text)))


# Any of the spellings of `_SPELLINGS`, for a text none of them matches (most sentences), as below.
_ANY_SPELLING = LazyPattern("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SPELLINGS))
# Any of the word spellings: a word none of them matches (most words) is left as it is by every one of
# them in turn, so one search answers for all of them.
_ANY_WORD_SPELLING = LazyPattern("|".join(f"(?:{pattern.pattern})" for pattern, _ in _WORD_SPELLINGS))
# A cheaper test before `_ANY_SPELLING` (speed23b): its alternatives without their word boundaries.
# Dropping a zero-width test that is not negated from a pattern only lets it match more texts, so a
# text this one does not match none of `_SPELLINGS` matches; it runs in about half the time, as the
# engine no longer tests a boundary before each alternative at each place (one sentence in twelve passes
# it, against one in twenty-four for `_ANY_SPELLING`).
_MAY_RESPELL = LazyPattern("|".join(f"(?:{pattern.pattern.replace(chr(92) + 'b', '')})" for pattern, _ in _SPELLINGS))


_RESPELL_TEST: tuple[tuple[str, ...], LazyPattern] | None = None


def _may_respell(lowered: str) -> bool:
    """Whether one of `_SPELLINGS` may match `lowered`, cheaper than `_MAY_RESPELL` (speed26): a spelling whose
    every match holds one of a few strings of four letters or more (`prefilter.needed`, derived from the pattern)
    is tested by those strings alone; the others (short or common strings: "u.s.", "eu", "&") by their alternation
    without word boundaries, as `_MAY_RESPELL` tests them all. A text none of them may match is matched by none."""
    global _RESPELL_TEST
    if _RESPELL_TEST is None:
        strings: list[str] = []
        rest: list[str] = []
        for pattern, _ in _SPELLINGS:
            required = needed(pattern.pattern, pattern.flags)
            if required and min(map(len, required)) >= 4:
                strings.extend(required)
            else:
                rest.append(pattern.pattern.replace(chr(92) + "b", ""))
        _RESPELL_TEST = (tuple(sorted(set(strings))), LazyPattern("|".join(f"(?:{p})" for p in rest)))
    strings_needed, rest_pattern = _RESPELL_TEST
    return any(string in lowered for string in strings_needed) or rest_pattern.search(lowered) is not None


_WORD_STRINGS: list[tuple[str, ...]] = []


def _may_respell_a_word(lowered: str) -> bool:
    """Whether one of `_WORD_SPELLINGS` may match a word of `lowered` (speed26): each match of each holds one of a
    few strings (`prefilter.needed`: "our", "ise", "lled" …), inside its word, so a text holding none of them has no
    word any of them changes. True when a spelling's strings are not known."""
    if not _WORD_STRINGS:
        found = [needed(pattern.pattern, pattern.flags) for pattern, _ in _WORD_SPELLINGS]
        _WORD_STRINGS.append(tuple(sorted({s for strings in found if strings for s in strings}))
                             if all(found) else ())
    strings = _WORD_STRINGS[0]
    return not strings or any(string in lowered for string in strings)


@lru_cache(maxsize=65536)
def _respelled_word(word: str) -> str:
    if _ANY_WORD_SPELLING.search(word) is None:
        return word
    for pattern, replacement in _WORD_SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def _respell(match: re.Match) -> str:
    return _respelled_word(match.group(0))


@lru_cache(maxsize=16384)
def respelled(text: str) -> str:
    """`text` (a reading form, its quotes already plain: `text.reading_form`) lowered, in one
    spelling (American), abbreviations and numbers written one way."""
    # A line set in capitals ("HOW TO CONTACT US") says the pronoun.
    lowered = (text if text.isupper() else _US.sub("unitedstates", text)).lower()
    # (Most sentences hold none: each would leave it.)
    if _may_respell(lowered) and _ANY_SPELLING.search(lowered) is not None:
        for pattern, replacement in _SPELLINGS:
            lowered = pattern.sub(replacement, lowered)
    if _may_respell_a_word(lowered):
        lowered = _LOWER_WORD.sub(_respell, lowered)
    return _NUMBER_WORD.sub(_numeral, lowered)


def _numeral(match: re.Match[str]) -> str:
    """A number written in words as its numeral (the one in brackets after it, when given)."""
    words = match.group(1)
    return match.group(2) or _NUMBER_WORDS.get(words) or str(number_value(words) or words)


def same_wording(old: str, new: str) -> bool:
    """`old` and `new` say the same in the same words, in another spelling or form."""
    return old == new or spelling_form(old) == spelling_form(new)


def _masked(text: str, pattern: LazyPattern) -> str:
    return " ".join(pattern.sub("#", text).split())


def recognise(old: str, new: str) -> EditorialKind:
    """The kind of an editorial edit from `old` to `new` (reading forms of the same items)."""
    if " ".join(old.split()) == " ".join(new.split()):
        return EditorialKind.FORMATTING
    # Another spelling, case or hyphenation of the same words ("e-mail", "email") is spelling
    # before it is anything else: their tokens are equal too.
    if same_wording(old, new):
        return EditorialKind.SPELLING
    a, b = _words(old), _words(new)
    if a == b:
        return EditorialKind.FORMATTING
    if _masked(old, _DATE) == _masked(new, _DATE):
        return EditorialKind.DATE
    if _masked(old, _ADDRESS) == _masked(new, _ADDRESS):
        return EditorialKind.ADDRESS
    if _masked(old, _NUMBER_MARK) == _masked(new, _NUMBER_MARK):
        return EditorialKind.RENUMBERING
    if Counter(a) == Counter(b):
        return EditorialKind.REORDER
    if is_typo_fix(old, new):
        return EditorialKind.TYPO
    if is_pointer(new):
        return EditorialKind.CROSS_REFERENCE
    return EditorialKind.REWORDING


# A sentence that sends readers elsewhere ("please visit our Cookie Policy", "you can review
# the information that applies to you in our Regional Notice", "is governed by their terms")
# tells where something is told, not what is done with data: a cross-reference, however worded.
_POINTING = LazyPattern(
    r"\b(?:please (?:visit|see|refer to|review|read|consult|check|go to)|"
    r"(?:visit|see|refer to|consult|review|read) (?:our|the|their|its|this|that|these|each)|"
    r"you (?:can|may) (?:also )?(?:review|read|find|see|consult)|learn more|find out more|"
    r"more (?:information|details)|for details|further (?:details|information)|details (?:about|on)|"
    r"(?:described|explained|set out|detailed|found) (?:in|at|on)|governed by|available (?:at|in|on)|"
    # (the steps of doing it told on a help page: "follow the steps on our Help Center", "learn how on our Help
    # page"; realfa35)
    r"follow(?:ing)? (?:the |these |our )?(?:steps|instructions)|(?:learn|see|find out) how)"
    # Words and what separates them are told apart by disjoint classes: no run of dashes or
    # apostrophes can be split between them in many ways (backtracking on untrusted text).
    r"[^\w'’-]+(?:[\w'’-]+[^\w'’-]+){0,12}?(?:polic(?:y|ies)|notices?|terms|statements?|pages?|settings|"
    r"help cent(?:er|re)|sections?|agreements?|faqs?|articles?|links?|here|website|site)\b", re.IGNORECASE)
_POINTER_WORDS = 45     # longer sentences say more than where to look


# A cookie banner caught in a capture (realfa35): a paragraph that ends in a row of the banner's buttons
# ("… you agree to our use of cookies. [Accept Cookies](#) [Cookie Settings](#)", "[Allow all](#) | [Reject
# optional](#)"). The site's chrome, not the statement: its words tell no practice of the policy, and it comes and
# goes between captures. Two buttons at least, side by side at the paragraph's end, one of them a choice (accept,
# allow, agree, reject, decline, refuse, got it); a sentence that tells readers to click such a button keeps words
# after it, or names one button only.
_BUTTON = LazyPattern(r"^\s*(?:accept|allow|agree|i agree|i accept|reject|decline|refuse|deny|ok(?:ay)?|got it|manage|"
                      r"customi[sz]e|cookies?|consent|settings|preferences|more options|(?:only|strictly) necessary|"
                      r"necessary only|save)\b.{0,40}$", re.IGNORECASE)
_CHOICE_BUTTON = LazyPattern(r"^\s*(?:accept|allow|agree|i agree|i accept|reject|decline|refuse|deny|ok(?:ay)?|"
                             r"got it)\b", re.IGNORECASE)
_BETWEEN_BUTTONS = " \t|·•/"


def is_cookie_banner(text: str, links: tuple[str, ...]) -> bool:
    """A paragraph (its visible `text` and its links' texts in order) is a cookie banner the capture caught: it
    ends in two buttons or more side by side, one of them a choice, and speaks of cookies."""
    if len(links) < 2 or "cookie" not in text.lower():
        return False
    rest, buttons, choice = text.rstrip(_BETWEEN_BUTTONS), 0, False
    for label in reversed(links):
        label = label.strip()
        if not label or not rest.endswith(label) or not _BUTTON.search(label):
            break
        buttons += 1
        choice = choice or _CHOICE_BUTTON.search(label) is not None
        rest = rest[:-len(label)].rstrip(_BETWEEN_BUTTONS)
    return buttons >= 2 and choice


# A line of a change log tells of a change made elsewhere in the statement ("1 October 2024: we
# clarified how long we keep payment data", "Version 3.1 - added a section on cookies"): the change
# itself is judged where it is made, so the line is judged nowhere. Dated lines ("Last updated …",
# "Effective …") say when, not what. An announcement that says what a change brings ("we are
# updating this notice to tell you we rely on legitimate interests to train AI") is read as prose.
_CHANGE_VERB = (r"(?:added|updated|clarified|changed|revised|removed|amended|introduced|reorgani[sz]ed|restructured|"
                r"expanded|simplified|moved|corrected|edited|rewrote|rewritten|reworded|deleted|made|improved|"
                r"refreshed|renamed|renumbered|merged|split)")
_CHANGE_LOG = LazyPattern(
    r"^\W*(?:(?:last\s+)?(?:updated|revised|modified|amended|effective|changed|published)(?:\s+(?:on|as of|from))?"
    r"\s*:?\s*(?:" + _DATE.pattern + r")\W*$|"
    # The same said as a sentence ("This statement was last updated on March 5, 2024.").
    r"^\W*(?:this|the|our)\s+(?:[\w-]+\s+){0,2}?(?:polic(?:y|ies)|notice|statement)\s+(?:was|is|has been|became)\s+"
    r"(?:last\s+)?(?:updated|revised|modified|amended|effective|changed|published)(?:\s+(?:on|as of|from))?"
    r"\s*:?\s*(?:" + _DATE.pattern + r")\W*$|(?:(?:" + _DATE.pattern + r")|v(?:ersion)?\.?\s*\d+(?:\.\d+)*)"
    r"\s*(?:[:)\u2013\u2014-]|\s)\s*(?:we\s+)?(?:have\s+)?" + _CHANGE_VERB + r"\b)", re.IGNORECASE)


# How the statement itself changes and how readers hear of it ("We may update this policy from time
# to time", "If the changes are material, we will notify you by email"): about the statement, not
# about what is done with data.
_POLICY_CHANGES = LazyPattern(
    r"\b(?:may|might|can|will)\s+(?:\w+\s+)?(?:change|update|revise|modify|amend)\s+(?:this|our|the)\s+"
    r"(?:privacy\s+)?(?:policy|notice|statement)\b(?:\s+(?:from time to time|at any time|periodically|occasionally))?"
    r"\W*$|\b(?:bound by|accept|agree to) the (?:revised|updated|amended|new) (?:privacy )?"
    r"(?:policy|notice|statement)\b|"
    # Readers told of the changes: notified, or given a notice (not "this notice", which only names
    # the statement: "the updates to how we share data are explained in this notice").
    r"\bthe (?:changes|updates|revisions)\b[^.;]*\b(?:notify|inform|let you know|tell you|(?:post|give|send|provide|"
    r"display)\w*\s+(?:you\s+)?(?:an?\s+)?(?:\w+\s+)?notice)\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def is_change_log(text: str) -> bool:
    """`text` is a line of a change log, a dated line or a sentence on how the statement changes:
    it tells of a change, it makes none."""
    return bool(_CHANGE_LOG.search(text) or _POLICY_CHANGES.search(text))


# The parts of the statement that tell it, as the sentence's subject ("The sections below explain how we
# collect …", "The following describes …"): where it is told, not a practice of its own.
_TOLD_BELOW = LazyPattern(r"^\W{0,4}(?:the\s+)?(?:following(?:\s+(?:sections?|paragraphs?|parts?|table|list))?|"
                          r"(?:sections?|paragraphs?|parts?|table|list)\s+(?:below|above|that follows?))\s+"
                          r"(?:explains?|describes?|sets?\s+out|tells?\s+you|lists?|shows?|details?)\b",
                          re.IGNORECASE)


def is_pointer(text: str) -> bool:
    """`text` sends readers to another document, section or page for what it tells."""
    return ";" not in text and len(_words(text)) <= _POINTER_WORDS and bool(_POINTING.search(text)
                                                                         or _TOLD_BELOW.search(text))


# A label of a list item or a paragraph ("Retention.", "With linked services.", "In an
# emergency."): a few words without a sentence of their own; what follows it says the practice.
_LABEL_WORDS = 5


def is_label(text: str) -> bool:
    """`text` is a short label of what follows, not a sentence."""
    words = _words(text)
    return 0 < len(words) <= _LABEL_WORDS and not re.search(r"\b(?:we|you|our|us|will|may|can|is|are)\b", text,
                                                             re.IGNORECASE)


# -- the same content in other words -------------------------------------------------------------

# Phrases policies write in several ways, in one form before words are compared.
_PHRASES = tuple((LazyPattern(p, re.IGNORECASE), r) for p, r in (
    (r"\bfor example\b|\bsuch as\b|\bincluding\b|\binclud(?:e|es)\b|\bnamely\b",
     " example "),
    # "This covers …" after what it refers to says what "This includes …" says.
    (r"\b(this|that|which)\s+covers?\b", r"\1 example "),
    (r"\bthat is\b|\bin other words\b", " "),
    (r"\bthird[- ]part(?:y|ies)\b|\bother companies\b|\boutside companies\b", " thirdparty "),
    (r"\bmake sure\b", " ensure "),
    (r"\bmake available\b|\bmade available\b", " share "),
    (r"\bcan not\b", " not "),
))

# Words policies use for one another: a rewrite that swaps one for another says the same
# ("share" for "disclose"). Each group is read as its first word.
_SYNONYMS = (
    ("share", "disclose", "disclosure", "disclosing"),
    ("use", "process", "processing", "utilize", "utilise", "handle"),
    ("collect", "obtain", "gather", "acquire"),
    ("keep", "retain", "retention", "store", "storage", "hold", "preserve"),
    ("information", "data", "details", "info"),
    ("service", "product", "platform", "site", "website", "app", "application", "feature", "offering",
     "experience"),
    ("help", "allow", "enable", "let", "permit", "assist", "support", "facilitate", "effectuate"),
    ("operate", "run", "maintain", "manage", "administer"),
    ("measure", "count", "quantify", "gauge"),
    ("provide", "give", "offer", "supply", "deliver"),
    ("improve", "enhance", "better", "optimize", "optimise"),
    ("ensure", "confirm", "verify", "check"),
    ("personalize", "personalise", "customize", "customise", "tailor"),
    ("affiliate", "subsidiary"),
    ("request", "ask", "query", "inquiry", "enquiry", "question"),
    ("law", "legal", "regulation", "statute", "legislation"),
    ("advertising", "advertisement", "ad", "ads"),
)
SYNONYMS: dict[str, str] = {stem(w): stem(group[0]) for group in _SYNONYMS for w in group}

# Words every policy uses that name no kind of data, purpose, recipient or practice on their
# own: a sentence that gains only these says what it said.
GENERIC = frozenset(stem(w) for w in (
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "is", "are",
    "be", "been", "being", "was", "were", "it", "its", "this", "that", "these", "those", "which", "who", "whom",
    "whose", "what", "when", "where", "how", "why", "if", "than", "then", "so", "such", "into", "out", "up",
    "over", "under", "about", "after", "before", "between", "while", "because", "there", "here", "have", "has",
    "had", "do", "does", "did", "not", "no", "any", "all", "each", "every", "both", "either", "some", "more",
    "most", "less", "very", "own", "same", "one", "i", "me", "my", "he", "she", "they", "them", "their",
    "his", "her", "him", "your", "yours",
    "case", "way", "time", "part", "thing", "certain", "various", "particular", "specific", "general",
    "generally", "typically", "usually", "also", "just", "always", "often", "sometimes", "otherwise", "able",
    "need", "necessary", "appropriate", "reasonable", "reasonably", "relevant", "applicable", "described",
    "describe", "set", "forth", "below", "above", "following", "follow", "further", "additional", "other",
    "others", "else", "people", "person", "individual", "someone", "anyone", "everyone", "member", "user",
    "customer", "visitor", "you", "we", "our", "us", "call", "refer", "mean", "meaning", "term", "defined",
    "define", "known", "now", "currently", "may", "might", "will", "would", "can", "could", "should", "shall",
    "must", "make", "made", "take", "taken", "get", "got", "put", "place", "within", "through", "throughout",
    "accordance", "according", "order", "purpose", "reason", "manner", "kind", "type", "category", "extent",
    "basis", "regard", "regarding", "related", "relate", "relating", "respect", "connection", "context", "page",
    "section", "policy", "notice", "statement", "document", "table", "list", "link", "click", "here", "see",
    "visit", "read", "find", "learn", "please", "note", "example", "inc", "ltd", "llc", "company",
    "corporation", "group", "etc", "many", "much", "long", "how", "often", "number", "amount", "total",
    "average", "whether", "whatever", "whichever", "whenever", "wherever", "however", "receive", "well",
    # Every piece of data a privacy statement speaks of is personal: "personal information" is "information".
    "personal", "personally",
    # Belief, effort and knowing: how a company puts what it does, not what it does.
    "believe", "attempt", "try", "happen", "know", "encourage", "stay", "aware", "understand", "want",
    "apply", "applies", "located", "reside", "resident",
    # Contractions of a pronoun and an auxiliary ("if you'd like to understand", recall25): no content.
    *(p + a for p in ("you", "we", "they", "it", "i") for a in ("'d", "'ll", "'re", "'ve", "'s", "'m",
                                                                "’d", "’ll", "’re", "’ve", "’s", "’m"))))
_WORD = LazyPattern(r"[a-z0-9]+(?:['’][a-z]+)?")


_PHRASE_STRINGS: list[tuple[str, ...] | None] = []


def _phrase_strings() -> list[tuple[str, ...] | None]:
    """For each of `_PHRASES`, lowered strings one of which every match of it holds (`prefilter.needed`), or None:
    an ASCII text that holds none of them is left as it is by that phrase (a text not ASCII is always run: its
    letters may fold otherwise under IGNORECASE)."""
    if not _PHRASE_STRINGS:
        _PHRASE_STRINGS.extend(needed(pattern.pattern, pattern.flags) for pattern, _ in _PHRASES)
    return _PHRASE_STRINGS


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """The content words of a text (reading form), as stems, synonyms merged and generic words
    left out: what two wordings of one statement have in common. Kept for recent texts (a pure
    function of the text): a document's vocabulary reads every sentence, and the two versions
    classify compares share most of theirs."""
    lowered = respelled(text)
    for (pattern, replacement), strings in zip(_PHRASES, _phrase_strings(), strict=True):
        # (A phrase none of whose strings the text holds is not run: speed26.)
        if strings is not None and lowered.isascii():
            probe = lowered.lower()
            if not any(string in probe for string in strings):
                continue
        lowered = pattern.sub(replacement, lowered)
    out = set()
    for word in _WORD.findall(lowered):
        # Four-letter past forms keep their -ed in `stem` ("used"); here they meet their verb.
        if len(word) > 5 and word.endswith("ly"):
            continue     # an adverb says how ("directly", "generally"), not what is processed
        word = stem(word[:-1] if len(word) == 4 and word.endswith("ed") else word)
        if word in GENERIC or len(word) < 3 or word.isdigit():
            continue
        out.add(SYNONYMS.get(word, word))
    return frozenset(out)


def new_content(old: str, new: str, known: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Content words `new` says that `old` (and the words the old text uses throughout,
    `known`) does not, and those `old` said that `new` no longer does: what a rewrite adds and
    drops, beyond other words for the same things."""
    before, after = content_stems(old), content_stems(new)
    return sorted(after - before - known), sorted(before - after)


def same_items(old: list[str], new: list[str]) -> bool:
    """Two lists hold the same items (in any order), compared on their words."""
    return Counter(" ".join(_words(x)) for x in old) == Counter(" ".join(_words(x)) for x in new)


# -- more protection ------------------------------------------------------------------------------

# Sentences that give readers more protection, not more processing: a control or a choice
# ("you can opt out", "you can change your preferences"), word that they will be told ("you
# will receive a message to let you know"), or a practice held back under a condition ("you
# will not receive tailored ads unless you have reached the age"). GDPR Art. 13(3) asks for
# notice before processing for a new purpose, not before a new safeguard.
# The control may be given to any data subject or to whoever acts for them ("each User can turn
# them off", "parents can disable …", "account holders may opt out").
_CONTROL = LazyPattern(
    r"\b(?:you|(?:each|every|any) (?:\w+ )?(?:user|member|customer|patient|student|player|driver|parent|visitor|"
    r"employee|subscriber|account holder)|(?:users|members|customers|patients|students|players|drivers|parents|"
    r"guardians|visitors|employees|subscribers|account holders|administrators|admins))"
    r" (?:can|may|will be able to|are able to|is able to|have the (?:right|option|choice) to|"
    r"has the (?:right|option|choice) to)\b(?:\s+\w+){0,8}?"
    r"\s+(?:opt[- ]?out|(?:by )?turn(?:ing)? (?:\w+ ){0,3}?off|(?:by )?switch(?:ing)? (?:\w+ ){0,3}?off|disable|"
    r"change your (?:preferences|settings|choices)|stop (?:this|that|the|such|it|them)\b|"
    r"manage|control|withdraw|object|unsubscribe|adjust|limit|restrict|revoke|decline|refuse)\b"
    # The same choice as a condition or an instruction: "unless you switch off …", "if you would
    # rather not …, switch off …".
    r"|\bunless you (?:\w+ )?(?:opt(?:ed)?[- ]?out|turn(?:s|ed)? (?:\S+ ){0,6}?off|switch(?:es|ed)? (?:\S+ ){0,6}?off|"
    r"disabled?|unsubscribed?|object(?:ed)?)\b"
    r"|\bif you (?:would rather|prefer|do not want|don't want)\b[^.;]*,\s*(?:switch|turn) (?:\S+ ){0,6}?off\b"
    # An instruction on using the choice ("To opt out on another device, you will need to repeat the
    # process there", "To unsubscribe, please click the link"), and the wish to use it answered ("If you
    # wish to limit certain tracking, you can still do so").
    r"|(?:^|(?<=[.;:]\s))\W*(?:to|in order to) (?:opt[- ]?out|unsubscribe|withdraw|object|disable|"
    r"(?:turn|switch) (?:\S+ ){0,3}?off)\b[^.;]*?,\s*(?:you|please)\b"
    r"|\bif you (?:wish|want|would like|prefer) to (?:opt[- ]?out|limit|restrict|block|stop|disable|object|"
    r"unsubscribe|(?:turn|switch) (?:\S+ ){0,3}?off)\b[^.;]*,\s*you (?:can|may) (?:still |also |always )?do so\b",
    re.IGNORECASE)
_TOLD = LazyPattern(r"\b(?:let you know|notify you|inform you|tell you|ask (?:for )?your (?:consent|permission))\b",
                    re.IGNORECASE)
# "not", "never" and a contraction's "n't" ("don't", which has no word boundary before "n't").
_NEGATION = negation_marks("not", "never", "n't")
_HELD_BACK = LazyPattern(_NEGATION + r"[^.;]*\b(?:unless|until|without your|except (?:with|where|if)|"
                         r"only (?:if|when|with))\b", re.IGNORECASE)
_DELETION = LazyPattern(rf"\b{DELETION_VERB}", re.IGNORECASE)


# What a reader's objection or opt-out is to, when the sentence's own verb is the opt-out ("we
# treat a GPC signal as a request to opt out of our use of information from third parties to
# personalize ads", "you can object to our processing of …", "limit our use of …"): the practice
# it stops is named to be stopped, not told anew (Art. 21, 13(3)).
# A switch readers turn off ("you can switch off personalised recommendations in Settings") is an
# opt-out too: what it names is stopped, not told anew.
_OPTED_OUT_OF = LazyPattern(r"\b(?:opt(?:s|ing)?[- ]?out\s+of|object(?:s|ing)?\s+to|(?:switch|turn)(?:es|s|ing)?\s+off|"
                            r"(?:restrict|limit)(?:s|ing)?\s+"
                            r"(?:our|the|its|their)\s+(?:use|processing|sharing|disclosure|sale)|"
                            r"stop(?:s|ping)?\s+(?:us\s+from|our))\b", re.IGNORECASE)
# The opt-out is the sentence's predicate: the reader's ("you can …", "you may …") or one the
# company honours for them ("as a request to …", "honor …").
_OPT_OUT_PREDICATE = LazyPattern(
    r"\b(?:you|users|members|visitors|customers)\s+(?:\w+\s+)?(?:can|may|could|are able to|have the right to|"
    r"will be able to)\s+(?:\w+\s+){0,2}?(?:opt|object|restrict|limit|stop|switch|turn)\b|"
    r"\bas an? (?:valid )?(?:request|instruction|signal) to (?:opt|object|restrict|limit|stop)\b|"
    r"\bhonou?rs? (?:\w+\s+){0,3}?(?:opt[- ]?outs?|objections?|requests? to opt)|"
    # A choice told to the reader as what to do ("Stop us from disclosing … in Settings", an item or
    # a cell of a "Your choices" list or table): the imperative opening the sentence or its cell.
    r"(?:^|;\s)\W{0,4}(?:opt[- ]?out of|object to|stop us from|turn off|switch off)\b", re.IGNORECASE)


def opted_out_from(text: str) -> int | None:
    """Where what a reader's opt-out or objection stops begins, in a text whose own verb is that
    opt-out ("… as a request to opt out of |our use of …"); None when it has none."""
    predicate = _OPT_OUT_PREDICATE.search(text)
    target = _OPTED_OUT_OF.search(text, predicate.start()) if predicate else None
    if target is None:
        return None
    # A clause of the company's own inside it ("… training by developers to whom we license your
    # content") tells a practice, not only names one to stop.
    # What follows ", and we will then …" tells what the opt-out leads to, not what it stops.
    stopped = re.split(r"[;:]|\.(?=\s+[A-Z]|\s*$)|,\s+(?:and|so)\s+(?=we\b)", text[target.end():])[0]
    return None if re.search(r"\bwe\b", stopped, re.IGNORECASE) else target.end()


def opted_out_of(text: str, words: str) -> bool:
    """`words` stand in what a reader's opt-out or objection stops, in a sentence whose own verb is
    that opt-out: the practice is named to be stopped, so it is no new practice told."""
    start = opted_out_from(text)
    if start is None:
        return False
    at = text.lower().find(words.lower(), start)
    return at >= 0 and not re.search(r"[;:]|\.(?=\s+[A-Z])", text[start:at])


def gives_control(text: str) -> bool:
    """`text` gives readers (or whoever acts for them) a control of their own: "you can restrict …",
    "you may opt out …", "you can adjust your settings to …"."""
    return _CONTROL.search(text) is not None


def is_protective(text: str) -> bool:
    """`text` gives readers a control, tells them they will be told, or holds a practice back
    until a condition is met: more protection, which needs no notice."""
    if _DELETION.search(text) and re.search(_NEGATION, text, re.IGNORECASE):
        return False     # "we will not delete …" takes protection away
    return bool(_CONTROL.search(text) or _TOLD.search(text) or _HELD_BACK.search(text)
                or _OPT_OUT_PREDICATE.search(text))



# realfa37: what follows if the reader withholds data (Art. 13(2)(e): "whether the provision of personal data is a
# statutory or contractual requirement ... and of the possible consequences of failure to provide such data").
# A condition in which the reader does not give data ("if you do not provide", "should you decide not to share",
# "you may decline to submit ..., in which case") and a main clause saying what the company then cannot do ("we will
# not be able to", "we can't", "we may have to suspend"): the sentence tells the cost of withholding, no collection,
# use or disclosure of its own. A sentence that says what the company does instead ("we will instead obtain it from
# your carrier", "but we will still ...") tells that practice, and is read as before.
_WITHHELD = LazyPattern(
    r"\byou\s+(?:(?:do|did|does)\s+not|don['’]t|didn['’]t|(?:may|can|might)\s+(?:choose\s+not\s+to|decline\s+to|"
    r"refuse\s+to)|(?:choose|chose|decide|prefer|opt)\s+not\s+to|(?:refuse|decline|fail)\s+to)\s+"
    r"(?:provide|give|share|supply|submit|enter|disclose|furnish)\b|"
    r"\bunless\s+you\s+(?:provide|give|supply|submit)\b", re.IGNORECASE)
_UNABLE = LazyPattern(
    r"\b(?:(?:will|may|might|would|could|shall)\s+not\s+be\s+able\s+to|(?:will|may|might|would|could)\s+be\s+unable\s+to|"
    r"(?:are|is|am)\s+unable\s+to|cannot|can['’]t|can\s+not|won['’]t\s+be\s+able\s+to|"
    r"(?:will|may|might)\s+(?:have|need)\s+to\s+(?:suspend|cancel|close|end|terminate|refuse|decline|limit))\b",
    re.IGNORECASE)
_OTHERWISE = LazyPattern(r"\b(?:instead|rather|in\s+its\s+place|alternatively|still|nonetheless|anyway|but)\b",
                         re.IGNORECASE)


def tells_withholding(text: str) -> bool:
    """`text` tells what follows if the reader does not give data: a condition of withholding and what the company
    then cannot do, and nothing it does instead (realfa37)."""
    if "you" not in text.lower():
        return False
    return bool(_WITHHELD.search(text) and _UNABLE.search(text)) and not _OTHERWISE.search(text)


# Advice to readers on keeping themselves safe ("To protect your account, we encourage you to:"):
# what the reader should do, not what the controller does with data.
_ADVICE = LazyPattern(r"\b(?:we|you are|users are)\s+(?:\w+ly\s+)?(?:encourag|recommend|urg|advis|suggest)\w*\s+"
                      r"(?:that\s+)?(?:you|users|members|to)\b", re.IGNORECASE)
# Words by which a sentence speaks of what the controller itself does.
_CONTROLLER_ACTS = LazyPattern(r"\b(?:we|us|our|ours)\b", re.IGNORECASE)


def is_advice(lead_in: str, text: str) -> bool:
    """`text`, an item of the list `lead_in` introduces, recommends what readers should do
    themselves and speaks of nothing the controller does: it tells no processing."""
    return _ADVICE.search(lead_in) is not None and _CONTROLLER_ACTS.search(text) is None


# A paragraph on where links and embedded content lead, disclaiming what happens there ("We are not
# responsible for the practices of such third parties", "is not covered by this privacy policy"):
# what those others collect is theirs to tell, under their own policies (Art. 13 binds the controller).
_OTHERS_DISCLAIMED = LazyPattern(r"\b(?:(?:is|are)\s+not\s+responsible\s+for|(?:do|does)\s+not\s+control|"
                                 r"(?:is|are)\s+not\s+(?:covered|governed)\s+by\s+(?:this|our)\b|"
                                 r"subject\s+to\s+their\s+own\s+(?:privacy\s+)?(?:policies|polic(?:y|ies)|terms))",
                                 re.IGNORECASE)
_LEADS_OUT = LazyPattern(r"\b(?:links?|linked|(?:web)?sites?|plug-?ins?|embed(?:s|ded)?)\b", re.IGNORECASE)
_THOSE_OTHERS = LazyPattern(r"\b(?:third[- ]part(?:y|ies)|"
                            r"(?:such|these|those) (?:parties|partners|services|providers))\b", re.IGNORECASE)
# Tracking on the controller's own pages stays the controller's to tell, whoever runs it; so do a
# sale and a disclosure to those others, by whatever name the controller calls itself.
_TRACKING = LazyPattern(r"\b(?:cookies?|pixels?|sdks?|tags?|beacons?|tracking|trackers?|sells?|sold|sale)\b|"
                        r"\b(?:on|through|via|in|use|using|with)\s+(?:the|this|our)\s+(?:services?|apps?|platform)\b|"
                        # Others as the ones data goes to ("shares it with these partners"): a disclosure.
                        r"\b(?:with|to)\s+(?:these|such|those|the|third)[- ](?:\w+\s+)?(?:parties|partners|party|"
                        r"providers|services)\b(?![- ](?:web)?sites?\b|[- ]app(?:lication)?s?\b)|"
                        r"\b(?:shar|send|disclos|transfer|provid)\w*\s+(?:\w+\s+){0,4}?(?:with|to)\s+them\b",
                        re.IGNORECASE)


def disclaims_others(paragraph: str) -> bool:
    """`paragraph` speaks of where links or embedded content lead and disclaims control of it."""
    return _OTHERS_DISCLAIMED.search(paragraph) is not None and _LEADS_OUT.search(paragraph) is not None


def tells_others_practice(text: str) -> bool:
    """`text`, a sentence of a paragraph that `disclaims_others`, tells what third parties do
    where links or embedded content lead, and speaks of nothing the controller does (or is that
    disclaimer): it tells no processing of the controller's."""
    if _TRACKING.search(text) is not None:
        return False
    if _OTHERS_DISCLAIMED.search(text) is None and _LEADS_OUT.search(text) is None \
            and _THOSE_OTHERS.search(text) is None:
        return False     # a sentence that is not about where the links lead (the controller by its name)
    # The disclaimer itself ("We are not responsible for their practices") tells no practice either.
    return _CONTROLLER_ACTS.search(text) is None or _OTHERS_DISCLAIMED.search(text) is not None
