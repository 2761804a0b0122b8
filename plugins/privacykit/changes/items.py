"""What one sentence of a statement says, item by item.

A sentence (or a list item, read with the sentence that introduces its list) is analysed into:

* **claims**: values of information items it states (`Item.RECIPIENTS: advertising_partners`),
  each positive or denied ("we do not sell");
* **limits**: words that narrow what it allows ("only", "with your consent", "de-identified",
  "non-precise", "unless you opt in");
* **quantities**: retention periods and ages, in days and years;
* **identities**: the legal entities and the data protection officer it names;
* **links**: the targets it links to, and what they are for (opting out, rights, contact).

`changes/prose.py` compares these between versions; nothing here knows about versions.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .editorial import opted_out_from
from .negation import negation_tokens, negation_words
from .terms import (
    GOVERNMENT_ID,
    MODIFIER_STOP,
    RECIPIENT_HEADS,
    Item,
    Lexicon,
    Term,
    Weight,
    lexicon,
    possessive,
    stem,
    tokens,
)
from .text import COMPOUND_NUMBER, LazyPattern, number_value, reading_form


class Limit(str, enum.Enum):
    """A kind of word that narrows what a sentence allows."""

    ONLY = "only"                  # only, solely, exclusively, strictly
    CONSENT = "consent"            # with your consent, if you opt in, at your request
    DEIDENTIFIED = "deidentified"  # de-identified, aggregated, anonymised, pseudonymised
    NON = "non"                    # a non- prefix: non-precise, non-personal
    CONDITION = "condition"        # unless, except, where required by law
    LOCAL = "local"                # processed locally, on the device, never leaves the device
    SETTINGS = "settings"          # subject to your settings, depending on your preferences
    PARTIAL = "part of the data"   # the last four digits of, a truncated IP address


@dataclass(frozen=True)
class Claim:
    """One value of one information item, stated (or denied) by a sentence."""

    item: Item
    key: str
    label: str
    weight: Weight
    positive: bool = True
    words: str = ""        # the words as written
    conditional: bool = False   # allowed only under a condition ("we do not share it except with X")

    @property
    def value(self) -> tuple[Item, str]:
        return (self.item, self.key)


@dataclass(frozen=True)
class Quantity:
    """A retention period (days; `inf` for 'as long as necessary') or an age (years)."""

    item: Item          # RETENTION or CHILDREN
    amount: float
    words: str
    # The event an open-ended period runs until, whatever its wording (`END_EVENTS`), or "".
    event: str = ""


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    purpose: str        # "opt-out", "rights", "contact" or ""


@dataclass(frozen=True)
class Statement:
    """Everything one sentence says that a law asks a statement to say."""

    text: str                                   # reading form
    claims: tuple[Claim, ...] = ()
    limits: frozenset[Limit] = frozenset()
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[str, ...] = ()              # legal entities named (normalised)
    dpo: tuple[str, ...] = ()                   # names given for the data protection officer
    controller_cue: bool = False                # the sentence says who is responsible
    processing: bool = False                    # the sentence speaks of collecting, using or sharing
    about_rights: bool = False                  # the sentence tells readers what they can ask or do
    names_dpo: bool = False                     # the sentence names a data protection officer (role)
    about_identity: bool = False                # it stands where the statement says who is responsible
    about_children: bool = False                # it speaks of children, minors or their parents
    words: frozenset[str] = field(default_factory=frozenset)   # content-word stems, for alignment

    def positive(self) -> set[tuple[Item, str]]:
        return {c.value for c in self.claims if c.positive}

    def negative(self) -> set[tuple[Item, str]]:
        return {c.value for c in self.claims if not c.positive}

    def claim(self, value: tuple[Item, str]) -> Claim | None:
        return next((c for c in self.claims if c.value == value), None)

    @property
    def substantive(self) -> bool:
        return bool(self.claims or self.quantities or self.entities or self.dpo or self.limits)


# -- sentences -------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "no", "u.s", "u.k", "vs", "dr", "mr",
                            "ms", "mrs", "st", "jr", "sr", "s.a", "b.v", "l.l.c", "n.v", "art", "sec", "para", "approx",
                            "fig"})
_SENTENCE_END = LazyPattern(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])")


def sentences(text: str) -> list[str]:
    """The sentences of a block's visible text (abbreviations such as 'e.g.' and 'Inc.' kept)."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        before = text[start:end].rstrip(".!?\"”’)]")
        last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        # "EU-U.S. Data Privacy Framework": an abbreviation joined to a word by a dash ends nothing.
        tail = re.split(r"[-–/(]", last)[-1]
        if {last.rstrip("."), tail.rstrip(".")} & _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


# -- cues -------------------------------------------------------------------------------------

def _stems(*words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


NEGATORS = negation_tokens("not", "no", "never", "neither", "nor", "cannot", "without") | frozenset({
    "don't", "doesn't", "won't", "can't", "didn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "wouldn't",
    "haven't", "hasn't", "don’t", "doesn’t", "won’t", "can’t", "isn’t", "aren’t"})
# A negation inside the verb: "discourages you from providing" and "discourage posting" are "does
# not encourage you to provide", "refrain from" is "do not" (but "to discourage fraud" denies nothing);
# "are prohibited from using it", "are barred from selling it" are "may not use", "may not sell"
# ("prohibited content" denies nothing: only the verb with its "from").
_VERB_NEGATION = (r"\b(?:(?:discourag|refrain)\w*\s+(?:(?:\w+\s+){0,2}?from|\w+ing)|"
                  r"(?:prohibit(?:s|ed|ing)?|forb[ia]d(?:s|den|ding)?)\s+(?:\w+\s+){0,2}?from|"
                  # ("safety bans from that service" is a noun: "barred", "banned" only after their "be")
                  r"(?:are|is|be)\s+(?:barred|banned)\s+from)\b")
_VERB_NEGATOR = LazyPattern(_VERB_NEGATION, re.IGNORECASE)


def _verb_negations(marks: list[str]) -> list[str]:
    """`marks` with a verb that carries a negation ("discourage you from") as "not"."""
    if not _VERB_NEGATOR.search(" ".join(marks)):
        return marks
    return ["not" if _VERB_NEGATOR.compiled().match(" ".join(marks[i:i + 4])) else w for i, w in enumerate(marks)]


# Predicates that deny their subject with no "not" of their own (denial41). Each is a reading a lawyer gives the
# words, and each is read as the copula's "not", so the subject's reading (negation31) and the passive's
# ("your contacts stay off-limits" as "your contacts are not …") deny what the subject names, in its own clause
# only; an "except" or "unless" after it makes it a limit, as after "we do not" (`_clauses`):
# - "off-limits" / "off limits": barred from use; the practice is forbidden to the party it names ("to us").
# - "out of the question": not possible; the practice is excluded outright.
# - "ruled out": excluded in advance, as a decision.
# - "kept out of": excluded from what follows ("Health data is kept out of all advertising"): the data is not put
#   to that use.
# - "something we never do", "a thing we do not do": a relative clause that denies the speaker's own act; the
#   subject is that act's object ("Selling your data is something we never do" is "we never sell your data").
# The copula ("is", "are", "be", "stays", "remains", "kept") may carry one word that stresses it ("all",
# "strictly"); one denied itself ("is not off-limits", "is no longer ruled out", "cannot be ruled out") is left as
# it reads: the negation before it is already the clause's.
_DENYING_COPULA = frozenset({"is", "are", "was", "were", "be", "been", "stay", "stays", "stayed", "remain", "remains",
                             "remained", "kept"})
_DENYING_STRESS = frozenset({"all", "strictly", "simply", "completely", "entirely", "always", "firmly", "fully",
                             "absolutely"})
_DENYING_PREDICATE = LazyPattern(r"(?:off limits|out of the question|ruled out|kept out of|"
                                 r"(?:something|one thing|a thing) (?:that )?(?:we|\w+) (?:never|do not|does not|"
                                 r"will not|don['’]t|doesn['’]t|won['’]t) (?:ever )?do)\b")
_DENYING_CUE = frozenset({"limits", "question", "ruled", "kept", "something", "thing"})
# The same predicate in a clause's text, for the spans a sentence affirms (`affirmed_spans`).
_DENYING_CLAUSE = LazyPattern(r"\b(?:is|are|was|were|be|been|stays?|stayed|remains?|remained|kept)\s+(?:(?:all|"
                              r"strictly|simply|completely|entirely|always|firmly|fully|absolutely)\s+)?(?:off[\s-]+"
                              r"limits|out\s+of\s+the\s+question|ruled\s+out|kept\s+out\s+of|(?:something|one\s+thing|"
                              r"a\s+thing)\s+(?:that\s+)?\w+\s+(?:never|do\s+not|does\s+not|will\s+not|don['’]t|"
                              r"doesn['’]t|won['’]t)\s+(?:ever\s+)?do)\b", re.IGNORECASE)
_DENYING_CLAUSE_CUE = LazyPattern(r"\b(?:limits|question|ruled|kept|something|thing)\b", re.IGNORECASE)


def _predicate_denied(clause: str, negation: re.Match[str] | None) -> bool:
    """The clause's subject is denied by a predicate of the table above (`_DENYING_CLAUSE`), no negation before
    it ("Selling your data is out of the question"): nothing in the clause is affirmed."""
    if not _DENYING_CLAUSE_CUE.search(clause):
        return False
    denied = _DENYING_CLAUSE.search(clause)
    return denied is not None and (negation is None or negation.start() > denied.start())


def _predicate_negations(marks: list[str]) -> list[str]:
    """`marks` with a predicate that denies its subject ("… is out of the question", "… stay off-limits to us",
    "… is something we never do") read as "is not": the copula as "is", the word after it as "not"."""
    if not _DENYING_CUE.intersection(marks):
        return marks
    out = list(marks)
    for i, word in enumerate(marks):
        if word not in _DENYING_COPULA or (i and (marks[i - 1] in NEGATORS or marks[i - 1] == "longer")):
            continue
        at = i + 2 if marks[i + 1:i + 2] and marks[i + 1] in _DENYING_STRESS else i + 1
        if _DENYING_PREDICATE.compiled().match(" ".join(marks[at:at + 7])):
            out[i], out[i + 1] = "is", "not"     # (a stress word is the "not": "is strictly off-limits")
    return out
DISCLOSURE = _stems("share", "shares", "shared", "sharing", "disclose", "disclosed", "disclosure", "disclosures",
                    "transfer", "transferred", "transfers", "sell", "sold", "sale", "provide", "provided", "give",
                    "given", "send", "sent", "pass", "transmit", "transmitted", "available", "receive",
                    "received", "recipients", "recipient", "rent", "trade", "post", "posted", "display",
                    "displayed", "visible", "appear", "appears",
                    # Content licensed to another company is disclosed to it (Art. 4(2) "disclosure").
                    "license", "licenses", "licensed", "licence", "licences", "licenced")
USE = _stems("use", "used", "uses", "using", "process", "processed", "processing", "collect", "collected",
             "collection", "purpose", "purposes", "analyze", "analyzed", "train", "trained", "personalize",
             "help", "improve", "enable", "order", "support", "serve", "show", "deliver", "display", "measure",
             "understand", "develop", "create", "build", "target", "rely", "need", "needed",
             # What is worked out from a person's data is a use of it (Art. 4(4)).
             "calculate", "calculated", "calculates", "estimate", "estimated", "estimates", "predict",
             "predicted", "predicts")
COLLECTION = _stems("collect", "collected", "collects", "collecting", "collection", "gather", "obtain",
                    "obtained", "receive", "received", "record", "recorded", "capture", "captured", "store",
                    "stored", "include", "includes", "including", "such", "process", "processed", "use",
                    "used", "access", "accessed", "read", "request", "provide", "provided", "ask", "require",
                    "upload", "uploaded", "submit", "submitted", "share", "shared", "disclose", "disclosed",
                    "information", "data", "detail", "sell", "sold", "transfer", "transferred", "retain",
                    "keep", "kept", "delete", "analyze", "inferences", "infer", "log", "logged", "monitor",
                    "track", "tracks", "tracked", "tracking", "detect", "determine", "derive", "estimate", "acquire",
                    "acquired", "purchase", "buy", "license", "supplement", "combine")
RIGHTS_CUES = _stems("right", "rights", "request", "requests", "choice", "choices", "exercise", "entitled",
                     "can", "may", "option", "opt", "control", "controls", "ask", "contact", "submit", "able")
RETENTION_CUES = _stems("retain", "retained", "retains", "retaining", "retention", "keep", "kept", "keeps", "store",
                        "stored", "stores", "storage", "delete", "deleted", "deletes", "deletion", "period", "periods",
                        "hold",
                        "held", "preserve", "preserved", "purge", "purged", "archive", "archived",
                        # data removed or expiring after a time is kept until then (Art. 13(2)(a))
                        "removed", "erased", "expire", "expires")
AGE_CUES = _stems("child", "children", "minor", "minors", "kid", "kids", "teen", "teens", "teenager",
                  "teenagers", "age", "aged", "ages", "old", "older", "younger", "youth", "parental", "parent",
                  "guardian", "student", "students", "coppa", "directed", "underage", "adult", "adults",
                  "juvenile", "pupil", "pupils")
TRANSFER_CUES = _stems("transfer", "transferred", "transfers", "transferring", "server", "servers", "hosted",
                       "hosting", "abroad", "international", "internationally", "cross-border", "datacenter",
                       "datacenters", "stored", "store", "storage")
# Data kept in data centres somewhere is stored there ("processing takes place in data centres in
# the EU and the USA"); a centre alone is not ("4 World Trade Center", "our help center").
_DATA_CENTRE = LazyPattern(r"\bdata[- ]?cent(?:re|er)s?\b", re.IGNORECASE)
CONTROLLER_CUES = ("controller", "responsible for", "operated by", "provided by", "operates", "who we are",
                   "the company responsible", "controls your", "data controller", "joint controller")
DPO_CUES = LazyPattern(r"\b(?:data protection officer|dpo|encarregad[oa]|personal information protection officer"
                      r"|privacy officer)\b[\s:,–—-]*(?:is\s+|at\s+|:\s*)?", re.IGNORECASE)

# As far as the law allows or asks for it ("where permitted by law", "when allowed by applicable
# laws", "where the law of the place you live requires us to", "if local law gives you the right").
# The company's judgement that the law asks for it ("when we believe in good faith that the law
# requires it", "if we determine that disclosure is required by law") still waits on the law: the
# belief is the condition's form, the law's demand its content.
_WE_BELIEVE = (r"(?:we\s+(?:\w+\s+)?(?:believe|determine|conclude|consider|decide|judge|think)\s+"
               r"(?:,?\s*in good faith,?\s+)?(?:that\s+)?)?")
_AS_THE_LAW_ALLOWS = (r"\b(?:where|when|if|as|to the extent|insofar as)\s+" + _WE_BELIEVE +
                      r"(?:(?:it|this|that|doing so|(?:the |such |a )?disclosure|(?:the |such |a )?sharing)\s+is\s+)?"
                      r"(?:\w+\s+)?(?:permitted|allowed|"
                      r"authori[sz]ed|required)\s+(?:by|under)\s+(?:the\s+)?(?:applicable\s+|relevant\s+|"
                      r"local\s+)?laws?\b|"
                      r"\b(?:where|when|if|to the extent|insofar as)\s+" + _WE_BELIEVE +
                      r"(?:the\s+)?(?:applicable\s+|relevant\s+|"
                      r"local\s+)?laws?\b(?:\s+[\w’']+){0,6}?\s+(?:requires?|permits?|allows?|gives?|grants?)\b")

# -- who holds a right ------------------------------------------------------------------------------
# Who holds a right or is reached by a practice: everyone, wherever they live, or only people of
# some places or in the cases a law names (Art. 3, 12(2), 13(2)(b)). The phrases are stated here
# once; each reader asks the question it needs:
# - `EVERYONE` / `ONLY_SOME` (prose.py, `holders_narrowed`): was a right given to all, and is it
#   now given only to residents of some places or as a law requires? The old sentence is the only
#   evidence of "all", so `EVERYONE` must say it outright ("regardless of where you live").
# - `_RIGHT_CONDITION` (`burdens`): does a sentence put a condition on using a right? Living
#   somewhere (`_THEY_LIVE`, `_RESIDENTS_OF`) or a local law's say-so (`_WHOSE_LAW_GIVES`) is one,
#   unless the residence is named to widen or give an example (`_widened_residence`).
# - `IF_YOU_LIVE` (`Limit.CONDITION` here, prose.py's `_RESTRICTING`): the words that only tell
#   whom a practice reaches ("if you live in …"): a limit, and no practice of their own.
_RESIDENTS_OF = r"residents? of"
_HOLDER = r"(?:you|users?|members?|customers?)"
_THEY_LIVE = (rf"{_HOLDER} (?:reside|resides|live|lives|are located|is located|are based|are a resident|"
              r"are residents|is a resident)")
_WHOSE_LAW_GIVES = r"whose (?:local |applicable )?laws? (?:provides?|gives?|grants?|requires?|allows?)"
# Case-blind on its own: `_RESTRICTING` is read with case (postal addresses).
IF_YOU_LIVE = r"(?i:if|where|when)\s+you\s+(?:are\s+located|are\s+based|are|live|reside)\s+"
EVERYONE = LazyPattern(r"\b(?:all (?:of )?(?:our |the )?(?:users|residents|individuals|customers|members|people|"
                       r"consumers|account holders|visitors|data subjects)|everyone|everybody|"
                       r"every (?:user|resident|individual|customer|member|person|consumer)|"
                       r"regardless of (?:where|(?:your |their )?(?:location|residence|country|state|jurisdiction))|"
                       r"wherever (?:you|they) (?:live|are|reside)|whatever (?:country|state|region|jurisdiction)|"
                       r"no matter where)\b", re.IGNORECASE)
ONLY_SOME = LazyPattern(rf"\b(?:{_RESIDENTS_OF}|(?:located|living|based|resident) in|who (?:live|reside|are) in|"
                        r"(?:where|as|when|to the extent)(?: \w+){0,3}? (?:laws?|regulations?) "
                        r"(?:requires?|provides?|gives?|allows?|grants?)|"
                        r"(?:where|as|when|to the extent) (?:required|provided) by (?:applicable )?(?:local )?law|"
                        r"where applicable)\b", re.IGNORECASE)
# Residence named to widen or to give an example, not to restrict ("Wherever you live", "all users,
# including residents of California", "in particular in the country where you live"): a place
# where you live is no condition. Looser than `EVERYONE`: it only has to cancel the residence
# named just after it.
_RESIDENCE = LazyPattern(rf"{_HOLDER} |{_RESIDENTS_OF}", re.IGNORECASE)
_WIDENING = LazyPattern(r"(?:\bwherever|\bregardless of(?: where)?|\bincluding|\bin particular|"
                        r"\b(?:country|state|place|region|jurisdiction|area) (?:where|in which))"
                        r"[\s,]*(?:\w+[\s,]+){0,4}$",
                        re.IGNORECASE)


def _widened_residence(text: str, match: re.Match[str]) -> bool:
    """Whether a residence the condition pattern found widens or exemplifies instead of restricting."""
    return bool(_RESIDENCE.match(match.group(0))) and bool(
        _WIDENING.search(text[max(0, match.start() - 40):match.start()]))


# Data said in a clause not to identify anyone ("metrics that do not identify you personally",
# "which cannot be used to identify any student", "not personally identifiable").
_NOT_IDENTIFYING = (r"\b(?:(?:do|does|will|would|can|could)\s*(?:not|n['’]t)|cannot|never)\s+(?:be\s+used\s+to\s+)?"
                    r"(?:personally\s+)?identify\s+(?:you|anyone|any\s+[a-z]+|individuals|users|people)\b|"
                    r"\bnot\s+(?:personally\s+)?identifiable\b")
_NOTHING_BEYOND = (r"\b(?:nothing|no (?:other |more |further )?(?:data|information|details|personal data))\s+"
                   r"(?:beyond|other than|more than|than|except|besides|apart from)\b")
# -- data kept on the device (`Limit.LOCAL`) --------------------------------------------------------
# The phrases of the limit, in one table: the devices, where data stays on them, and the verbs
# that take it off. The limit's own row reads them; prose.py reads `STAYS_ON_DEVICE` (data named
# as staying is still not collected) and `OFF_DEVICE` (the verb before a recipient a denial names:
# "not uploaded to Motorola"). The limit's row keeps three of the verbs of leaving: "not
# transferred to third countries" or "not synced to your account" limits a transfer, not where the
# data is processed; only read next to a recipient a denial names (`OFF_DEVICE`) do all of them
# mean data leaving the device.
_DEVICE = r"(?:device|phone|computer|pc|tablet)"
_ON_DEVICE = rf"(?:locally|on[- ](?:your |the |this )?{_DEVICE})"
_LEAVES_DEVICE = r"(?:upload\w*|sen[dt]|transmit\w*|transferr?\w*|synced|synchroni[sz]ed)"
_LOCAL_PHRASES = (rf"\b(?:(?:processed|stored|kept|analy[sz]ed|performed|done|handled|runs?) (?:\w+ )?{_ON_DEVICE}|"
                  rf"on-device|never leaves? (?:your|the) {_DEVICE}|without leaving (?:your|the) {_DEVICE}|"
                  r"not (?:uploaded|transmitted|sent) to)\b")
# Data said to stay on the device ("remains on your device", "is stored only locally"): not collected.
STAYS_ON_DEVICE = LazyPattern(rf"\b(?:stays?|remains?|(?:is|are) (?:kept|stored|processed))\s+(?:only\s+)?"
                              rf"{_ON_DEVICE}\b", re.IGNORECASE)
# Data kept from leaving the device: "uploaded to", "sent to", "transmitted to" the party named,
# the data told by a pronoun or not ("does not upload it to Motorola").
OFF_DEVICE = LazyPattern(rf"\b{_LEAVES_DEVICE}\s+(?:(?:it|them|this|these|that|those|any)\s+)?to\s+"
                         rf"(?:\w+\s+){{0,2}}\S+$", re.IGNORECASE)

_NECESSITY = r"\b(?:if|where|when)\s+(?:strictly\s+)?(?:necessary|needed)\b"
# What the reader gives, told as the condition of a consequence ("if you do not provide us with personal
# information where needed, we may not be able to …", Art. 13(2)(e)): a necessity there bounds what the
# reader is asked for, not what is done with it.
_READER_PROVIDES = LazyPattern(r"\bif\s+you\s+(?:do\s+not\s+|don['’]t\s+|choose\s+not\s+to\s+|decline\s+to\s+|"
                               r"refuse\s+to\s+|fail\s+to\s+)?(?:provide|give|supply|share)\b[^,;.]{0,80}$",
                               re.IGNORECASE)
# "Only" said otherwise (rewrite37). A purpose counted as one, with an indefinite article ("uses it for a single
# purpose: to verify …", "for one purpose only"): the purpose limited (Art. 5(1)(b)), as "for the sole purpose of"
# says it. And a pseudo-cleft ("All we see is the last four digits", "All that stays is the outcome", "All we keep is
# the date"): what the relative clause after "all" does reaches only what follows the copula. Led by "all" at a
# sentence's or clause's start, then "that" before a verb or a subject pronoun, then the copula; "All data is
# encrypted" and "All that data is sent" (a quantifier, a demonstrative) are no limit.
_ONLY_SAID_OTHERWISE = (
    r"\bfor (?:a|one) (?:single |sole |specific )?purpose(?= only\b|\s*[:(–—-])|"
    r"\bfor (?:a|one) (?:single|sole) purpose\b|"
    r"(?:^|(?<=[:;])\s*|(?<=[.!?])\s+)\W*all\s+(?:that\s+(?:we|you|they|it|is|are|was|were|gets?|stays?|remains?|"
    r"survives?|goes|leaves?|reaches|passes)\s+|(?:we|you|they|it)\s+(?:\w+\s+){0,3}?\w+\s+)(?:[\w'’-]+\s+){0,5}?"
    r"(?:is|are|was|were)\b"
    # (not a quantifier over what the clause names, "All you post is public", "All we collect is stored in Ireland":
    # the copula's complement an adjective or participle that ends the clause or takes a preposition; review38)
    r"(?!\s+(?:not\s+)?(?:\w+ly\s+)?(?:public|visible|private|available|accessible|\w+ed|\w+en)\s*(?:[.,;:!?)]|$|"
    r"\s+(?:to|by|in|on|at|for|with|from|after|until|unless|if|when|and|or|but|under|through|via|as|only)\b))")
ONLY_SAID_OTHERWISE = LazyPattern(_ONLY_SAID_OTHERWISE, re.IGNORECASE)
_LIMIT_PHRASES: tuple[tuple[LazyPattern, Limit], ...] = tuple((LazyPattern(p, re.IGNORECASE), limit) for p, limit in (
    (r"\b(?:only|solely|exclusively|strictly)\b", Limit.ONLY),
    # "by automated means alone", "on the basis of profiling alone", "purely automated": the plain words of
    # "solely" (Art. 22(1) "based solely on automated processing"), the same limit (revfa28).
    (r"\b(?:by|through|on|from|with|upon)\s+(?:[\w-]+\s+){0,4}alone\b|\bpurely\b", Limit.ONLY),
    # "we use it just to provide the service": "just" before a purpose is "only" (Art. 5(1)(b)), revfa30 ("just to be
    # clear" bounds nothing).
    (r"\bjust (?:to|for)\b(?! be\b)", Limit.ONLY),
    # "only after your device asks you" -> "never before it has asked you", "not until": the same bound in time.
    (r"\b(?:never|not) (?:before|until)\b", Limit.ONLY),
    # Exclusivity told as a denial of everyone else ("by the Family Manager and by no one else", "no one
    # other than you", "to nobody else"): the same limit as "only".
    (r"\b(?:and|but)\s+(?:(?:by|to|with|for|from)\s+)?(?:no\s*one|nobody|none)\s+else\b|"
     r"\b(?:and|but)\s+not\s+(?:(?:by|to|with|for|from)\s+)?(?:anyone|anybody)\s+else\b|"
     r"\b(?:no\s*one|nobody)\s+(?:else\s+)?(?:other\s+than|but|except|besides|apart\s+from)\b", Limit.ONLY),
    # "for the sole purpose of", "for no other purpose": purpose limitation said as a noun (Art. 5(1)(b)).
    (r"\b(?:for the (?:sole|exclusive|single) purposes? of|for no other purposes?|and for no other)\b", Limit.ONLY),
    # "for a single purpose: to …", "All we see is …": "only" said otherwise (rewrite37, `ONLY_SAID_OTHERWISE`).
    (_ONLY_SAID_OTHERWISE, Limit.ONLY),
    # "is limited to your name and address": the list that follows is all there is ("not limited to" is no limit).
    (r"(?<!\bnot )\b(?:limited|restricted|confined) to\b", Limit.ONLY),
    # "no longer than necessary", "no more than 30 days": a ceiling, the same limit as "only as long as".
    (r"\bno (?:longer|more) than\b", Limit.ONLY),
    # "we collect nothing beyond your email address", "no other data than": "only" said as a denial.
    (_NOTHING_BEYOND, Limit.ONLY),
    # (Not the permission a user hands others to use the account: "only provide individuals with
    # permission to use your account" grants nothing to the company. The reader's own permission, "with
    # your permission to access your account", is what the company acts under: a consent limit.)
    (r"\b(?:with|upon|after obtaining|subject to|based on)\s+(?:your\s+(?:prior\s+|express\s+|explicit\s+|"
     r"affirmative\s+|separate\s+|opt-in\s+)*(?:consent|permission|authori[sz]ation|agreement)\b|"
     r"(?:prior\s+|express\s+|explicit\s+|affirmative\s+|separate\s+|opt-in\s+)*"
     r"(?:consent|permission|authori[sz]ation|agreement)\b"
     r"(?!\s+to\s+(?:use|access|share|log in to|sign in to)\s+(?:your|their|the)\s+(?:\w+\s+)?account))",
     Limit.CONSENT),
    # ("provided that you have expressly consented", two words before the verb; silent34: the subject
    # contracted, "if you've chosen to use it", and the choice joined to another condition of the same clause,
    # "if voice features are available in your market and you've chosen to use one": a condition of two limbs
    # still waits on the user's act; "only after you've said yes" as "only if": the practice waits on it as long)
    (r"\b(?:(?:if|unless|until|when|where|once|after|provided(?: that)?)|"
     r"(?:if|when|where|once|provided(?: that)?)\s[^,.;:!?]{1,80}?\s(?:and|or)) "
     r"(?:you(?:['’](?:ve|d|re))?|the user|users|a user|the customer|customers|they) (?:\w+ ){0,2}?"
     # (and in the perfect: "only where you have consented to it", "once you have opted in")
     r"(?:consent(?:s|ed)?|agree[sd]?|accept(?:s|ed)?|opt(?:s|ed)?[- ]in|chooses?|chose|chosen|allow(?:s|ed)?|"
     r"enabled?|enables|permit(?:s|ted)?|authori[sz]e[sd]?|turns? on|turned on|switch(?:es|ed)? on|"
     r"gives? us|"
     # (consent26: a plain yes, "until you say yes"; access given, "if you give the app access to your contacts")
     r"says? yes|said yes|gives? (?:the app|it|\w+) access|"
     r"(?:turn(?:s|ed)?|switch(?:es|ed)?) (?:it|them|this|(?:this|the) (?:feature|setting|option|service)) on|"
     r"ha(?:ve|s) given|grants?)\b(?! not\b)(?! to not\b)",
     Limit.CONSENT),
    (r"\b(?:at|upon|on) your (?:request|direction|instruction)\b", Limit.CONSENT),
    # silent34: the consent of the person the data are about named as theirs, not the reader's ("to port data on
    # a Member's consent", "with the user's permission", "with the permission of the account holder"), and the
    # choice put to the reader as a question ("we'll ask whether you want to upload your contacts"): each waits on
    # that person's yes (Art. 4(11), 6(1)(a)) as "with your consent" does.
    (r"\b(?:with|upon|on|after|subject to|based on)\s+(?:(?:a|an|the|each|that|this|their|his|her)\s+)?"
     r"[\w-]+(?:['’]s|s['’])\s+(?:(?:prior|express|explicit|affirmative|separate)\s+)*"
     r"(?:consent|permission|authori[sz]ation)\b|"
     r"\b(?:with|upon|after|subject to|based on)\s+the\s+(?:(?:prior|express|explicit)\s+)*"
     r"(?:consent|permission|authori[sz]ation)\s+of\s+(?:the|a|an|each|that|their)\b", Limit.CONSENT),
    (r"\b(?:we|we['’]ll|we will|we|the app|it)\s+(?:will\s+)?(?:always\s+|first\s+)?ask\s+(?:you\s+)?"
     r"(?:first\s+)?(?:whether|if)\s+you(?:\s+(?:want|wish|would like|agree|are happy)|['’]d\s+like)\b", Limit.CONSENT),
    # (consent26: asking first, in plain words: "we ask you before we turn it on", "we'll check with you first")
    (r"\b(?:we|we['’]ll|we will|we always)\s+(?:always\s+|first\s+)?(?:ask|check with)\s+(?:you\s+)?"
     r"(?:first|before|beforehand)\b", Limit.CONSENT),
    # "limited Member personal data", "a minimal set of data": an adjective that bounds how much is
    # taken or shown (data minimisation, Art. 5(1)(c)); "a limited number of companies" bounds no data.
    # Written in lower case: "Brightbank Limited" is a legal form.
    (r"\b(?-i:limited|minimal|(?:a )?(?:limited|minimal|small) (?:set|amount|subset|portion) of|a subset of)\s+"
     r"(?:[\w-]+\s+){0,3}?(?:data|information|details|records)\b", Limit.ONLY),
    # Data kept or used "for very limited purposes", "for specific and limited purposes": purpose
    # limitation told of the data (Art. 5(1)(b)); without it they may serve any purpose while kept.
    (r"\bfor (?:a |only |very |strictly |certain )*(?:limited|specific|narrow|restricted)"
     r"(?:,? and (?:limited|specific|narrow|restricted))? purposes?\b", Limit.ONLY),
    # A part of a datum in place of all of it ("the last four digits of your card", "a truncated IP
    # address", "partial postcode"): data minimisation (Art. 5(1)(c)); without it the whole is taken.
    # The part may follow the datum: "your card number's last four digits", "your IP address,
    # truncated to its first three octets".
    (r"\b(?:(?:last|first|final|initial|certain)\s+(?:\w+\s+)?(?:digits?|characters?|letters?|octets?|numbers?)\s+of|"
     r"(?:partial|truncated|masked|redacted|shortened)\s+(?:[\w-]+\s+){0,3}?(?:data|information|numbers?|"
     r"address(?:es)?|postcodes?|(?:zip|postal) codes?|ips?|identifiers?|details|card))\b|"
     r"['’]s\s+(?:last|first|final|initial)\s+(?:\w+\s+)?(?:digits?|characters?|letters?|octets?)\b|"
     r"\b(?:data|information|numbers?|address(?:es)?|postcodes?|(?:zip|postal) codes?|ips?|identifiers?|details|card)"
     r",?\s+(?:truncated|masked|redacted|shortened)\b", Limit.PARTIAL),
    # A parent's consent told as what the parent does ("unless a parent or legal guardian has consented in
    # advance"): the consent COPPA and GDPR Art. 8(1) ask of the holder of parental responsibility.
    (r"\b(?:if|unless|until|when|where|once|provided(?: that)?) (?:a |an |your |their |the(?: child['’]s)? )?"
     r"(?:parents?|(?:legal )?guardians?)(?: or (?:a |an |your |their )?(?:legal )?guardians?)? (?:\w+ ){0,2}?"
     r"(?:consent(?:s|ed)?|agree[sd]?|approved?|approves|permit(?:s|ted)?|authori[sz]e[sd]?|ha(?:ve|s) given)\b"
     r"(?! not\b)", Limit.CONSENT),
    (r"\b(?:parental|parent['’]s|guardian['’]s|verifiable) (?:consent|permission|authori[sz]ation)|"
     r"\b(?:consent|permission) (?:of|from) (?:your|a|their) (?:parent|guardian|legal guardian)s?\b", Limit.CONSENT),
    (r"\bwhere you have (?:given|provided) (?:us )?(?:your )?(?:consent|permission)\b", Limit.CONSENT),
    # A use that "requires your prior agreement", "needs your consent": it waits on the user's choice.
    (r"\b(?:requires?|required|needs?|is conditional on|depends? on)\s+(?:your\s+)?(?:prior\s+|express\s+|"
     r"explicit\s+|separate\s+|affirmative\s+)*(?:consent|permission|authori[sz]ation|agreement)\b", Limit.CONSENT),
    # A promise to ask first ("we will obtain your consent before …") and data the user authorises
    # ("share the information you authorize"): the practice waits on the user's choice.
    (r"\b(?:obtain|ask for|seek|request|get)\s+(?:your\s+)?(?:prior\s+|express\s+|explicit\s+)*"
     r"(?:consent|permission)\b", Limit.CONSENT),
    (r"\b(?:information|data|content)\s+(?:that\s+)?you\s+(?:authori[sz]e|choose to share|allow us to share)\b",
     Limit.CONSENT),
    # A disclosure the user may choose ("You may choose to share your data for this purpose when you sign
    # up"): it waits on the user's act, which is their consent (Art. 4(11)).
    (r"\byou\s+(?:may|can|could)\s+(?:also\s+)?(?:choose|elect|decide|opt)\s+to\s+(?:share|disclose)\b",
     Limit.CONSENT),
    (r"\bwithout (?:first )?(?:obtaining |asking for |getting )?(?:your\s+)?(?:prior\s+|express\s+|explicit\s+)*"
     r"(?:consent|permission)\b", Limit.CONSENT),
    # revfa33: the consent condition said in other words. The reader's assent named by its plain word ("only with
    # your yes", "without a parent's OK", "with your go-ahead"); a parent or guardian made the subject of consenting
    # ("under-16s need a parent or guardian to consent"); the act that gives consent told as what it is ("switching
    # it on is how you give us your explicit consent"); and the consent the law asks for pointed at by its need
    # ("without the consent that was needed", "without the necessary consent"): each waits on the same yes.
    (r"\b(?:with|without|upon|after|on|needs?|needed|requires?|required|must\s+have|must\s+get)\s+"
     r"(?:your|their|the\s+user['’]s|(?:a|your|their)\s+(?:parent|guardian)['’]s)"
     r"\s+(?:(?:explicit|express|clear|prior)\s+)?[\"“‘']?(?:yes|ok|okay|go-ahead|say-so|green light|sign-off)\b",
     Limit.CONSENT),
    (r"\b(?:need|needs|needed|require|requires|required|must\s+have|must\s+get)\s+(?:a|an|your|their|the)\s+"
     r"(?:parents?|(?:legal\s+)?guardians?)(?:\s+or\s+(?:a\s+|an\s+|their\s+)?(?:legal\s+)?guardians?)?\s+to\s+"
     r"(?:consent|agree|approve|authori[sz]e|say\s+yes|give\s+(?:their\s+|his\s+or\s+her\s+)?(?:consent|permission))\b",
     Limit.CONSENT),
    (r"\b(?:is|are|was)\s+how\s+you\s+(?:give\s+(?:us\s+)?(?:your\s+)?(?:(?:explicit|express|prior|separate)\s+)*"
     r"(?:consent|permission|agreement)|consent|opt\s+in|say\s+yes|agree)\b", Limit.CONSENT),
    (r"\bwithout\s+(?:the|any|a|their)\s+(?:(?:required|needed|necessary|parental|verifiable)\s+)*"
     r"(?:consent|permission)\b(?:\s+(?:that|which)\s+(?:was|is|were|are|would\s+be)\s+(?:needed|required|necessary))?",
     Limit.CONSENT),
    (r"\b(?:de-?identified|anonymi[sz]ed|aggregated?|pseudonymi[sz]ed|pseudonymous|hashed|non-identifiable|"
     r"anonymous)\b"
     # (consent26: the same in a short voice's words, "turns each number into a scrambled code (a hash)")
     r"|\bhash(?:es)?\b|\bscrambled\s+(?:codes?|versions?|form)\b", Limit.DEIDENTIFIED),
    (r"\bnon-?(?:personal|personally|precise|identif\w*|sensitive|public)\b", Limit.NON),
    # The same promise as a clause: data that is not about anyone (Recital 26), both a non- word
    # and de-identified data in other words.
    (_NOT_IDENTIFYING, Limit.NON),
    (_NOT_IDENTIFYING, Limit.DEIDENTIFIED),
    (_LOCAL_PHRASES, Limit.LOCAL),
    (r"\b(?:unless|except|other than|apart from)\b", Limit.CONDITION),
    # A practice bounded by the user's own settings ("subject to your settings"): the control is the
    # condition; without it the practice no longer waits on the user's choice (Art. 21, 13(2)(b)).
    (r"\b(?:subject to|depending on|based on|according to|in line with|in accordance with|as allowed by|"
     r"as permitted by) your (?:[\w-]+ )?(?:settings?|preferences|choices|controls)\b|"
     r"\bif your (?:[\w-]+ )?settings? (?:allow|permit)", Limit.SETTINGS),
    # A recipient bound by this statement ("whose use … is subject to this Privacy Policy"): the
    # statement's limits follow the data; without it the recipient's own terms govern (Art. 13(1)(e), 28).
    (r"\b(?:subject to|in accordance with|consistent with|bound by|governed by|in compliance with|in line with)\s+"
     r"(?:the terms of )?(?:this|our) (?:privacy |data protection )?(?:policy|notice|statement)\b", Limit.CONDITION),
    # A practice allowed only as far as the law allows it: without the condition it no longer
    # waits on a legal permission.
    (_AS_THE_LAW_ALLOWS, Limit.CONDITION),
    # A practice told for users of some places only ("In regions outside the Designated Countries, we
    # may share …"): without it, it reaches users it did not (Art. 3 and 13(3)).
    (r"^\W*(?:in (?:regions?|countries|jurisdictions|states|markets) (?:outside|other than|where)|"
     r"in (?:the )?(?:eu|eea|us|usa|uk|united states|united kingdom|european union|designated countries|"
     r"(?:some|certain) (?:countries|regions|markets|jurisdictions|states))\b|"
     r"outside (?:of )?(?:the )?(?:eu|eea|us|usa|uk|united states|united kingdom|designated countries|european)|"
     rf"{IF_YOU_LIVE}(?:in|outside))", Limit.CONDITION),
    # Only when needed ("if necessary", "where strictly required"): necessity limits it (Art. 5(1)(c)).
    (_NECESSITY, Limit.CONDITION),
))

# A word each kind of limit needs: the patterns run only where one is found.
_LIMIT_WORDS = {
    Limit.ONLY: LazyPattern(r"only|solely|exclusively|strictly|alone|purely|limited|restricted|confined|minimal|"
                            r"subset|sole|specific|narrow|no ?one|nobody|none|anyone|anybody|"
                            r"exclusive|single|no other|no longer than|no more than|nothing|no |just |all |"
                            r"one purpose|"
                            r"never before|not before|never until|not until"),
    Limit.PARTIAL: LazyPattern(r"digit|character|letter|octet|number|partial|truncated|masked|redacted|shortened"),
    Limit.CONSENT: LazyPattern(r"consent|permission|authori|agree|accept|opt|choose|chose|allow|enable|permit|turn|"
                               r"switch|yes|ask|check with|give|\bok\b|okay|go-ahead|say-so|green light|sign-off|"
                               r"given|grant|request|direction|instruction"),
    Limit.DEIDENTIFIED: LazyPattern(r"identif|anonym|aggregat|pseudonym|hash|scrambled"),
    Limit.NON: LazyPattern(r"non|identif"),
    Limit.LOCAL: LazyPattern(r"local|device|leav|upload|transmit|sent"),
    Limit.SETTINGS: LazyPattern(r"setting|preferences|choices|controls"),
    Limit.CONDITION: LazyPattern(r"unless|except|other than|apart from|permit|allow|authori|require|necessary|"
                                 r"needed|policy|notice|statement|"
                                 r"^\W*(?:in|outside|if|where|when)\b"),
}
# "including information that has been aggregated": de-identified data named as an example of
# what is shared, not as a limit on it (GDPR Recital 26: only data that cannot identify anyone is outside it).
_EXAMPLE_OF = LazyPattern(r"\b(?:including|includes|such as|for example|e\.g\.|as well as)\s+(?:\w+\s+){0,6}$",
                          re.IGNORECASE)
# A clause ends at a semicolon, a colon, a dash or a contrast; and where ", and" opens a second
# predicate whose verb is a practice ("does not sell … of children, and sells … of others"): that
# predicate has its own polarity, so a denial before it does not reach it.
_CLAUSE_BREAK = LazyPattern(r";|:\s|\s[-–—]\s|,?\s+\b(?:but|however|although|though|whereas|while)\b|"
                            # a clause of its own after a denial, its subject said again or not ("…, and they
                            # receive your email address only if …"): what it tells is not denied
                            r",\s+and\s+(?:(?:we|they)\s+)?(?:also\s+|only\s+)?(?=(?:sell|share|disclose|rent|transfer|use|"
                            r"collect|process|license|trade|receive|work|buy|purchase|combine)s?\b)", re.IGNORECASE)
# A subordinate clause that opens the sentence ("While these programs are optional, they require …",
# "Although we do not sell it, we …") closes at the comma before the main clause's subject: a
# negation in it denies its own clause, not the main one. (Commas of a list inside it are passed over:
# the next words must be a subject, or a short subject and its verb.)
_OPENING_SUBORDINATE = LazyPattern(
    r"^\W*(?:while|although|though|even though|whereas|if|even if|when|whenever|because|since|once|after|before)\b"
    r"[^;:.]*?,\s+(?=(?:we|they|you|it|he|she|i|this|these|those|there)\b|"
    r"(?:[\w'’-]+\s+){1,6}(?:may|will|can|must|might|could|would|should|shall|is|are|was|were|does|do|did|has|"
    r"have|need|needs|require|requires)\b)", re.IGNORECASE)


def _clause_parts(text: str) -> list[str]:
    """The clauses of a sentence: an opening subordinate clause closed at its comma, then each part
    `_CLAUSE_BREAK` cuts."""
    opening = _OPENING_SUBORDINATE.match(text)
    heads = [text[:opening.end()], text[opening.end():]] if opening else [text]
    return [part for head in heads for part in _CLAUSE_BREAK.split(head)]


_CONDITION = LazyPattern(r"\b(?:unless|except|other than|apart from)\b", re.IGNORECASE)
# An exception put first and pointing back ("Apart from that, we don't use your chats to train AI", "Other
# than these suspensions, no decision is automated"): the exception is what the sentence before told; the
# clause after its comma is the sentence's own, main clause, and says what it says (negation31). Anchored and
# bounded: a demonstrative and at most three words before the comma.
_FRONTED_EXCEPTION = LazyPattern(r"^\W{0,4}(?:apart from|other than|except for)\s+(?:that|this|these|those)"
                                 r"(?:\s+[\w-]+){0,3}\s*,\s+", re.IGNORECASE)


def fronted_exception(part: str) -> int:
    """The length of the exception `part` opens with and points back from ("Apart from that, "), else 0."""
    match = _FRONTED_EXCEPTION.match(part) if part[:12].lower().lstrip(" *_>-").startswith(
        ("apart", "other", "except")) else None
    return match.end() if match else 0
_NOT_NEGATION = LazyPattern(r"\b(?:not only|not just|not limited to|without limitation|whether or not|if you do not|"
                           r"if you don['’]t|"
                           # A condition on what the reader has not done ("where you have not engaged with
                           # our Services", "once users do not log in"): it tells whom the practice reaches,
                           # it denies no practice of the controller's.
                           r"(?:if|where|when|once|until|because|since) (?:you|users?|members?|visitors?|customers?) "
                           r"(?:(?:do|does|did|have|has|had|are|is|were|can|could)\s*(?:not|n['’]t)|cannot|never)|"
                           # The same of another person the reader named, or of what was sent them ("if the
                           # invitation is not taken up, …", "if they do not join, …").
                           r"(?:if|where|when|once|until) (?:they|he|she|(?:the|an?|your) (?:invitations?|invitees?|"
                           r"recipients?|friends?|contacts?|family members?|persons?))\s+"
                           r"(?:(?:do|does|did|have|has|had|are|is|were|was)\s*(?:not|n['’]t)|never)|"
                           r"not required to|not obliged to|not obligated to|do not have to|don['’]t have to|"
                           r"if you cannot|no longer than|not more than|no more than|not exceed|no later than|"
                           r"not to exceed|do not hesitate|not necessarily|"
                           # The balancing test of legitimate interests (GDPR Art. 6(1)(f), "unless such interests
                           # are overridden by your interests or fundamental rights"): "a legitimate interest (which
                           # is not overridden by your data protection interests)", "that your rights do not
                           # outweigh" deny the override, never the processing the interest covers (real33).
                           r"(?:is|are|be|been|being|was|were)\s+not\s+(?:\w+ly\s+)?(?:overridden|outweighed)|"
                           r"(?:do|does|did|will|would)\s*(?:not|n['’]t)\s+(?:\w+ly\s+)?(?:override|outweigh)|"
                           # What the company cannot undo goes on ("we cannot stop providing your answers to
                           # …", "we will not be able to erase the recordings"): the practice is affirmed.
                           r"we (?:(?:will|would|may|can|could|shall)\s+not\s+be\s+able\s+to|won['’]t\s+be\s+able\s+to|"
                           r"cannot|can['’]t|can no longer|are unable to)\s+(?:fully\s+|completely\s+)?"
                           r"(?:stop|cease|erase|delete|remove|withdraw|recall|retract|undo|take back)|"
                           # A grievance the company has not settled, told as the reader's condition ("a
                           # concern or complaint that you feel has not been addressed by us"): it denies no
                           # right, the complaint it leads to is given ("if your complaint has not been resolved").
                           r"(?:that|which|(?:if|where|when|once) (?:your|the|a|an) (?:concerns?|complaints?|issues?|"
                           r"matters?|requests?|grievances?)) (?:you (?:feel|believe|think|consider) )?"
                           r"(?:has|have|had|is|are|was|were) not (?:yet )?(?:been )?(?:\w+ly )?"
                           r"(?:addressed|resolved|answered|handled|dealt with|settled)|"
                           # An ellipsis ("highlight suitable dishes and hide those that are not"):
                           # the words it stands for are not denied practices.
                           r"(?:those|ones|others) (?:that|which|who) (?:are|is|do|does) not(?=\s*(?:[.;,)]|$)))\b",
                           re.IGNORECASE)

# -- quantities --------------------------------------------------------------------------------

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                 "twenty-one": 21, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
                 "ninety": 90, "hundred": 100, "eighty": 80, "seventy": 70, "twenty-four": 24,
                 "thirty-six": 36, "eighteen-month": 18}
# A figure in digits, in words of two or more ("one hundred eighty"), or one number word.
_NUM = (r"(\d+(?:[.,]\d+)?|" + COMPOUND_NUMBER + "|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
        + r")")
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "business day": 1.4, "week": 7,
              "month": 30, "year": 365}


def _days(value: float, unit: str) -> float:
    """A period in days. Months count 30 days, but whole years told in months are years ("twelve
    months" restated as "one year" keeps the data no longer)."""
    unit = unit.lower()
    if unit == "month" and value >= 12 and value % 12 == 0:
        return value / 12 * _UNIT_DAYS["year"]
    return value * _UNIT_DAYS[unit]
_DURATION = LazyPattern(_NUM + r"(?:\s*\(\d+\))?[\s-]*(business day|second|minute|hour|day|week|month|year)s?\b",
                       re.IGNORECASE)
# Retention told by its need, not a figure; "no longer than necessary" and "for the period needed"
# are the same measure as "as long as necessary" (storage limitation, Art. 5(1)(e)).
_UNBOUNDED = LazyPattern(r"\b(?:(?:as long as|no longer than) (?:is |it is )?(?:\w+ly )?(?:necessary|needed|required|"
                        r"reasonably necessary|permitted|we need|you)|"
                        r"for (?:the|a) (?:period|time) (?:\w+ ){0,2}?(?:necessary|needed|required)|"
                        r"indefinitely|permanently|forever|for an unlimited|no time limit|"
                        r"for the life of|for the lifetime of|(?:until|unless) you (?:delete|close|ask|request)|"
                        r"for the duration of)\b",
                        re.IGNORECASE)
# The events a period without a figure runs until, each told in its several wordings: the end of
# the account ("until you close your account", "until your account is deleted", "for as long as
# your account is open"), the user's own request to erase ("until you ask us to delete it") and the
# user's own deletion of the item ("until you remove it"). The same event in other words keeps data
# exactly as long; another event is another criterion for the period (Art. 13(2)(a)). The account
# may carry a product's name or two ("your Spotify account", "the Family Hub account").
_ACCOUNT = r"(?:your|their|the|its|a user's|the user's)\s+(?:[\w-]+\s+){0,2}?account"
_CLOSED = r"(?:closed|deleted|deactivated|terminated|cancell?ed|removed|erased)"
_CLOSING = r"(?:close|delete|deactivate|terminate|cancel|remove|erase)s?"
_ACCOUNT_CLOSED = (r"(?:you|the user|users?|they)\s+(?:choose to\s+|decide to\s+)?" + _CLOSING + r"\s+" + _ACCOUNT
                   + r"|" + _ACCOUNT + r"\s+(?:is|has been|gets|was)\s+(?:permanently\s+)?" + _CLOSED
                   + r"|(?:the\s+)?(?:closure|closing|deletion|termination|deactivation|cancell?ation|end)\s+of\s+"
                   + _ACCOUNT
                   + r"|(?:(?:your|the|their)\s+)?account\s+"
                   + r"(?:closure|deletion|termination|deactivation|cancell?ation)")
_ACCOUNT_LIVES = (_ACCOUNT + r"\s+(?:is|remains|stays)\s+(?:still\s+)?(?:open|active|live|in use)|"
                  + _ACCOUNT + r"\s+exists"
                  r"|(?:you|users?|they)\s+(?:have|hold|keep|maintain)s?\s+(?:an|your|their|a)\s+account")
END_EVENTS = (
    ("account", LazyPattern(r"\b(?:(?:until|till|up until|before)\s+(?:" + _ACCOUNT_CLOSED + r")"
                            r"|(?:as long as|so long as|while|whilst|during the time)\s+(?:" + _ACCOUNT_LIVES + r")"
                            r"|for\s+the\s+(?:life|lifetime|duration|existence)\s+of\s+" + _ACCOUNT + r")\b",
                            re.IGNORECASE)),
    ("request", LazyPattern(r"\b(?:until|till|unless)\s+(?:you|the user|users?)\s+(?:ask|request|instruct|tell)s?\s+"
                            r"(?:us\s+)?(?:to\s+)?(?:have (?:it|them)\s+)?(?:delete|erase|remove|deletion|erasure)",
                            re.IGNORECASE)),
    ("own-deletion", LazyPattern(r"\b(?:until|till)\s+(?:you|the user|users?)\s+(?:choose to\s+)?(?:change or\s+)?"
                                 r"(?:delete|remove|erase)s?\s+(?!(?:your|their|the|its)\s+(?:[\w-]+\s+){0,2}?account)"
                                 r"(?:it|them|this|that|(?:your|their|the)\s+\w+)", re.IGNORECASE)),
)


# Words that name an event as one the period does not end ("even while your account is open",
# "whether or not you close your account"): the period runs on past it, so it is no end of keeping.
_DESPITE = (r"\b(?:even(?:\s+(?:if|though|when|once|after|while|whilst))?|also(?:\s+after)?|including\s+after|"
            r"whether\s+or\s+not|(?:regardless|irrespective)\s+of\s+whether)\s+")
_DESPITE_BEFORE = LazyPattern(r"\b(?:even|also)\s+\Z", re.IGNORECASE)


def end_events(text: str) -> dict[str, tuple[int, int]]:
    """The events named in `text` that data is kept until, each with the span of its words
    (not one named as what the period runs past: "kept for a year, even while your account is open")."""
    found: dict[str, tuple[int, int]] = {}
    for event, pattern in END_EVENTS:
        match = next((m for m in pattern.finditer(text)
                      if not _DESPITE_BEFORE.search(text, max(0, m.start() - 8), m.start())), None)
        if match is not None:
            found[event] = match.span()
    return found


# An event told as what a period counts from ("90 days after your account is closed", "five years
# following account closure"): the period runs past the end the event marks.
_AFTER = r"\b(?:after|following|from|of)\s+"
_AFTER_EVENT = {"account": LazyPattern(_AFTER + r"(?:" + _ACCOUNT_CLOSED + r")\b", re.IGNORECASE),
                "request": LazyPattern(_AFTER + r"(?:you|the user|users?)\s+(?:ask|request)s?\b|"
                                       + _AFTER + r"(?:your|a|the)\s+(?:deletion\s+|erasure\s+)?request\b",
                                       re.IGNORECASE),
                "own-deletion": LazyPattern(_AFTER + r"(?:you|the user|users?)\s+(?:delete|remove|erase)s?\b",
                                            re.IGNORECASE)}


def counted_after(text: str, event: str) -> bool:
    """Whether `text` counts a period from `event` ("30 days after you close your account")."""
    return _AFTER_EVENT[event].search(text) is not None


# The same events named as ones the period does not end ("even if you close your account before
# then", "whether or not your account is deleted", "regardless of whether you ask us to erase it").
_OUTLASTED_EVENT = {
    "account": LazyPattern(_DESPITE + r"(?:" + _ACCOUNT_CLOSED + r"|" + _ACCOUNT_LIVES + r")\b", re.IGNORECASE),
    "request": LazyPattern(_DESPITE + r"(?:you|the user|users?)\s+(?:ask|request|instruct|tell)s?\s+(?:us\s+)?"
                           r"(?:to\s+)?(?:delete|erase|remove|deletion|erasure)", re.IGNORECASE),
    "own-deletion": LazyPattern(_DESPITE + r"(?:you|the user|users?)\s+(?:delete|remove|erase)s?\b", re.IGNORECASE)}


def outlasted(text: str, event: str) -> bool:
    """Whether `text` names `event` only as one its period runs past ("kept for four years after
    your last order, even if you close your account before then")."""
    return _OUTLASTED_EVENT[event].search(text) is not None
_AGE = LazyPattern(
    r"(?:\b(?:under|below|younger than|older than|over|above|at least|aged?|ages|ages of|age of|"
    r"minimum age(?: of| is)?|years of age|turn|turned|reached)\s+(?:the\s+age\s+of\s+)?" + _NUM + r"\b"
    # "groups of at least 20 students": a count of people, not an age.
    r"(?!\s+(?:users|students|pupils|people|persons|members|players|customers|participants|individuals|"
    r"learners|subscribers|listeners|viewers|drivers|patients|employees|accounts|respondents|households)\b)"
    # "The minimum age to use the Services is 13": the threshold told after what it is for.
    r"|\bminimum age\b[^.;\d]{0,60}?\b(?:is|of|be)\s+" + _NUM + r"\b"
    # Ages listed before their unit ("you're 15, 16 or 17 years old"): the list starts at its first.
    # (The space after a comma is the separator's own, so a long list cannot be split in many ways.)
    r"|\b" + _NUM + r"(?:\s*(?:,(?:\s*(?:or|and)\b)?|or|and|to|–|-)\s*\d+)+\s*(?:years? (?:of age|old)|-year-olds?|"
    r"year-olds?)"
    r"|\b" + _NUM + r"\s*(?:\+|years? (?:of age|old|or older|and older|and over|or over|and above|and up)|or older|"
    r"and older|and over|or over|and up|or above|-year-olds?|year-olds?))",
    re.IGNORECASE)

# An age threshold named by the law it follows, not a figure: "under the age of majority in their
# jurisdiction" protects everyone under 18 in most countries (the age of digital consent under
# GDPR Art. 8(1) is 16 unless a Member State lowers it). Read as those ages so that cutting the
# alternative ("under 13 or under the age of majority" -> "under 13") reads as a lower minimum age.
_NAMED_AGE = LazyPattern(r"\b(?:the\s+)?(?P<majority>(?:legal\s+)?age\s+of\s+(?:legal\s+)?majority|"
                         r"age\s+of\s+(?:legal\s+)?adulthood|legal\s+age\s+of\s+adulthood)\b"
                         r"|\b(?P<digital>age\s+of\s+digital\s+consent)\b", re.IGNORECASE)

_OWN_AGE = LazyPattern(r"\b(?:you|users|members|players|customers|people|everyone)\s+(?:must|need to|have to|should|"
                       r"are required to)\s+be\s+(?:at least\s+)?" + _NUM
                       + r"\s*(?:\+|(?:or|and)\s+(?:over|older|above))",
                       re.IGNORECASE)


_PEOPLE_UNDER = LazyPattern(r"\b(?:users|members|consumers|people|persons|individuals|customers|players|listeners|"
                            r"visitors|subscribers|account holders|anyone|those)\s+(?:who are\s+)?(?:under|below|"
                            r"younger than)\s+(?:the age of\s+)?\d{1,2}\b(?!\s*(?:%|percent|[.,]\d))",
                            re.IGNORECASE)


def _number(text: str) -> float | None:
    text = text.lower()
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    if (spelled := number_value(text)) is not None:
        return float(spelled)
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


_PRICE_BEFORE = LazyPattern(r"(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:euros?|eur|dollars?|usd|pounds?|gbp|cents?))"
                            r"\s*(?:per\s*)?$", re.IGNORECASE)


def quantities(text: str, cues: frozenset[str]) -> tuple[Quantity, ...]:
    """Retention periods (when `cues` speak of keeping data) and ages (when they speak of age)."""
    found: list[Quantity] = []
    if cues & RETENTION_CUES:
        for match in _DURATION.finditer(text):
            value = _number(match.group(1))
            # A price by the period ("storage costs 2 euros a month") keeps nothing for a month.
            # Time given to appeal or object ("you can appeal within 90 days") keeps nothing either.
            if value is not None and not _PRICE_BEFORE.search(text, 0, match.start()) \
                    and not _in_reader_window(text, match):
                found.append(Quantity(Item.RETENTION, _days(value, match.group(2)), match.group(0)))
        events = end_events(text)
        for event, (start, end) in events.items():
            found.append(Quantity(Item.RETENTION, math.inf, text[start:end], event))
        for match in _UNBOUNDED.finditer(text):
            # Words of a named event already read ("while your account is open") are that event.
            if not any(start <= match.start() < end for start, end in events.values()):
                found.append(Quantity(Item.RETENTION, math.inf, match.group(0)))
    # "You must be 18 or over to use it": a person's own threshold is an age without the word; so is a
    # number after people said to be under it ("users under 16", "members younger than 18").
    if cues & AGE_CUES or _OWN_AGE.search(text) or _PEOPLE_UNDER.search(text):
        for match in _AGE.finditer(text):
            raw = next((g for g in match.groups() if g), None)
            value = _number(raw) if raw else None
            if value is not None and 5 <= value <= 25:
                found.append(Quantity(Item.CHILDREN, value, match.group(0)))
        for match in _NAMED_AGE.finditer(text):
            found.append(Quantity(Item.CHILDREN, 18.0 if match.group("majority") else 16.0, match.group(0)))
    return tuple(found)


# Data kept identifiable until it is de-identified, anonymised, pseudonymised or aggregated "after
# N days": until then it is personal data kept, so N is a retention period (Art. 4(1), 5(1)(e)),
# whatever the sentence says of deleting it later. The verb before the period, or the period first.
_DEIDENTIFY = r"(?:de-?identif|anonymi[sz]|pseudonymi[sz]|aggregat|irreversibly\s+hash)\w*"
_IDENTIFIABLE_UNTIL = LazyPattern(
    # The words between belong to the one clause: another verb joined by "and" starts another.
    r"\b" + _DEIDENTIFY + r"\s+(?:(?!(?:and|or|but)\b)[^.;:\s]+\s+){0,10}?(?:after|within|once|following)\s+"
    r"(?:a period of\s+|up to\s+)?(?P<after>" + _DURATION.pattern + r")"
    r"|\b(?:after|within)\s+(?:a period of\s+|up to\s+)?(?P<before>" + _DURATION.pattern + r"),?\s+"
    r"(?:(?!(?:and|or|but)\b)[^.;:\s]+\s+){0,5}?" + _DEIDENTIFY, re.IGNORECASE)


def identifiable_days(text: str) -> tuple[float, str] | None:
    """The longest time a sentence says data stays identifiable before it is de-identified, in days
    and as written ("we de-identify your data after 7 days" -> (7, "7 days")), or None."""
    found = []
    for match in _IDENTIFIABLE_UNTIL.finditer(text):
        period = _DURATION.search(match.group("after") or match.group("before"))
        value = _number(period.group(1)) if period else None
        if period and value is not None:
            found.append((_days(value, period.group(2)), period.group(0)))
    return max(found, default=None)


# -- identities -------------------------------------------------------------------------------

_SUFFIX = (r"(?:Public Limited Company|Limited Liability Company|"
           r"Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|B\.V\.|BV|S\.A\.(?:S\.)?|S\.à\s?r\.l\.|"
           r"Ltda\.?|Corp\.?|Corporation|PLC|plc|AG|SAS|S\.p\.A\.|Pte\.?\s+Ltd\.?|Unlimited Company|LLP|LP|"
           r"K\.K\.|N\.V\.|Co\.,?\s+Ltd\.?|Company|AB|Oy|A/S|ApS|SE|S\.L\.|S\.r\.l\.|SRL|Pty\.?\s+Ltd\.?|SARL|"
           r"S\.A\.R\.L\.|Sp\. z o\.o\.|ULC|LLLP|PBC|SA|SpA|KG|Oyj|ASA|NV)")
_ENTITY = LazyPattern(r"((?:(?:[A-Z][\w&'’.-]*|\([A-Z][\w ]*\)|of|and|&|de|do|da|du|the)\s+){0,6}?"
                     r"(?:[A-Z][\w&'’.-]*,\s+)?)" + _SUFFIX
                     + r"(?![\w])")
_ENTITY_NOISE = frozenset({"the", "of", "and", "&", "de", "do", "da", "du", "its", "our", "by"})
_SUFFIX_CLASS = (("inc", ("inc", "incorporated", "corp", "corporation")),
                 ("ltd", ("ltd", "limited", "pte", "co ltd")),
                 ("llc", ("llc", "l l c", "limited liability company")), ("gmbh", ("gmbh",)),
                 ("bv", ("b v", "bv")), ("sa", ("s a", "sa", "s a s", "sas")),
                 ("sarl", ("s à r l", "s àr l")), ("ltda", ("ltda",)),
                 ("plc", ("plc", "public limited company")), ("ag", ("ag",)),
                 ("spa", ("s p a", "spa")), ("unlimited", ("unlimited company",)), ("llp", ("llp",)), ("lp", ("lp",)),
                 ("kk", ("k k",)), ("nv", ("n v", "nv")), ("company", ("company",)), ("ab", ("ab",)), ("oy", ("oy",)),
                 ("as", ("a s", "aps")), ("se", ("se",)), ("sl", ("s l",)), ("srl", ("s r l", "srl")),
                 ("pty", ("pty ltd",)))


def _suffix_class(suffix: str) -> str:
    words = " ".join(re.findall(r"[a-zà]+", suffix.lower()))
    for name, forms in _SUFFIX_CLASS:
        if words in forms or words.replace(" ", "") in forms:
            return name
    return words


def entities(text: str) -> tuple[str, ...]:
    """Legal entities named in `text`, each as its distinctive words and the class of its legal
    form: 'Lenovo Group Ltd.' -> 'lenovo group|ltd'."""
    found: list[str] = []
    if not _SUFFIX_ANYWHERE.search(text):
        return ()
    for match in _ENTITY.finditer(text):
        suffix = _SUFFIX_RE.search(match.group(0))
        name = match.group(0)[:suffix.start()] if suffix else match.group(0)
        words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _ENTITY_NOISE]
        if words:
            found.append(" ".join(words) + "|" + (_suffix_class(suffix.group(0)) if suffix else ""))
    return tuple(dict.fromkeys(found))


_SUFFIX_RE = LazyPattern(_SUFFIX + r"$")
_SUFFIX_ANYWHERE = LazyPattern(r"(?<![\w])" + _SUFFIX + r"(?![\w])")

# The roles Art. 13(1)(a)-(b) asks a statement to name; each binds the legal entity the sentence
# gives it: the one right after "the controller is", else the nearest one before the role word.
_ROLE_WORD = LazyPattern(r"\b(?:(?:joint\s+)?(?:data\s+)?controllers?|representatives?|data protection officer|"
                         r"dpo|responsible for (?:the processing of )?(?:your |the )?(?:personal )?"
                         r"(?:data|information))\b", re.IGNORECASE)
# "the controller is also X", "our representative in the United Kingdom for the purposes of the UK
# GDPR is X": a place, a law or a word of degree between the role and its verb leaves X its holder.
_ROLE_THEN_NAME = LazyPattern(r"\A[^.;:]{0,80}?(?:\b(?:is|are|will be|remains|becomes)"
                              r"(?:\s+(?:also|now|still|instead|likewise))?|:)\s*$", re.IGNORECASE)
# A person's title before the name ("Mr. Diogo Manganelli" is Diogo Manganelli).
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Me|Mme|Sr|Sra|Herr|Frau)\.?"
# The same, with a capitalised name after it (its first letter matched as written).
_NAME_AFTER_ROLE = LazyPattern(r"[^.;:]{0,40}?(?:\b(?:[Ii]s|[Aa]re|[Ww]ill be)|:)\s*(?:[Tt]he\s+|" + _TITLE + r"\s+)?"
                               r"([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})")


# The words an address opens with ("Floor 3", "Suite 1200", "Unit 7", "Level 4", "PO Box 12").
_ADDRESS_OPENING = LazyPattern(r"(?:Floor|Fl|Suite|Ste|Unit|Level|Room|Building|Bldg|Apartment|Apt|Flat|Office|"
                               r"Box|PO|P\.O\.)\b")


def _addressed(text: str, named: re.Match) -> bool:
    """Whether the capitalised words after a role's "is" or ":" open an address rather than name
    a holder ("(controller for the UK): Floor 3, One New Bailey"): a word of an address, or a word
    followed by its number ("Herengracht 210"). The same entity at a new address is no other holder."""
    return bool(_ADDRESS_OPENING.compiled().match(named.group(1))) \
        or bool(_HOUSE_NUMBER.compiled().match(text, named.end(1)))


def _role_of(word: str) -> str:
    word = word.lower()
    if "joint" in word:
        return "joint controller"
    if "controller" in word or "responsible" in word:
        return "controller"
    return "representative" if "representative" in word else "dpo"


def _mentions(text: str) -> list[tuple[int, int, str, str]]:
    """Each legal entity a text names: where, as `entities` spells it, and as written."""
    if not _SUFFIX_ANYWHERE.search(text):
        return []
    mentions = []
    for match in _ENTITY.finditer(text):
        named = entities(match.group(0))
        if named:
            written = re.sub(r"^(?:(?:the|and|of|by)\s+)+", "", match.group(0), flags=re.IGNORECASE)
            mentions.append((match.start(), match.end(), named[0], written))
    return mentions


def row_holders(header: str, row: str) -> dict[str, tuple[str, str]]:
    """A table row under a header that names one role ("Where you live | Controller"): the one
    legal entity the row names holds it."""
    roles = {_role_of(m.group(0)) for m in _ROLE_WORD.finditer(header)}
    mentions = _mentions(row)
    if len(roles) != 1 or len({m[2] for m in mentions}) != 1:
        return {}
    return {roles.pop(): (mentions[0][2], mentions[0][3])}


def role_holders(text: str) -> dict[str, tuple[str, str]]:
    """Who a sentence names in each role ("controller", "representative", "dpo", "joint controller"):
    the entity as `entities` spells it and as written. "Reddit, Inc., is the data controller and
    Reddit UK Limited is Reddit's Article 27 Representative" -> controller ('reddit|inc',
    'Reddit, Inc.'), representative ('reddit uk|ltd', 'Reddit UK Limited')."""
    mentions = _mentions(text)
    holders: dict[str, tuple[str, str]] = {}
    for role in _ROLE_WORD.finditer(text):
        after = next((m for m in mentions if m[0] >= role.end()), None)
        before = [m for m in mentions if m[1] <= role.start()]
        # "the controller is X" / "our representative: X" names the holder after the role word;
        # otherwise the holder is the nearest entity before it in the same clause.
        if after is not None and _ROLE_THEN_NAME.search(text[role.end():after[0]]):
            holders.setdefault(_role_of(role.group(0)), (after[2], after[3]))
        elif (named := _NAME_AFTER_ROLE.match(text, role.end())) is not None and (
                after is None or after[0] > named.start(1)) and not _addressed(text, named):
            # "our representative is EDPO", "EU representative: DataRep": a name without a legal form
            # right after the role word holds it, as written.
            name = named.group(1)
            holders.setdefault(_role_of(role.group(0)), (" ".join(name.lower().split()) + "|", name))
        elif before and role.start() - before[-1][1] <= 100 \
                and not re.search(r"[;:]", text[before[-1][1]:role.start()]):
            holders.setdefault(_role_of(role.group(0)), (before[-1][2], before[-1][3]))
        else:
            # A name without a legal form, as the subject of the role ("LinkedIn Ireland will be
            # the controller", a short name the statement defined): the holder as written.
            subject = _SUBJECT_OF_ROLE.search(text[max(0, role.start() - 160):role.start()])
            if subject:
                name = subject.group(1)
                holders.setdefault(_role_of(role.group(0)), (" ".join(name.lower().split()) + "|", name))
    return holders


def controllers_named(text: str) -> tuple[tuple[str, str], ...]:
    """Every legal entity a sentence names as the controller or a joint controller, a coordinated subject
    read whole ("X (“X”) and Y will be joint controllers" -> X and Y; `role_holders` keeps the nearest one):
    the entity as `entities` spells it and as written (recall24)."""
    mentions = _mentions(text)
    found: list[tuple[str, str]] = []
    for role in _ROLE_WORD.finditer(text):
        if _role_of(role.group(0)) not in ("controller", "joint controller"):
            continue
        before = [m for m in mentions if m[1] <= role.start()]
        if not before or role.start() - before[-1][1] > 100 or re.search(r"[;:]", text[before[-1][1]:role.start()]):
            continue
        joined = [before[-1]]
        for m in reversed(before[:-1]):
            # (A mention may hold its own "and": "… (“X”) and Y Inc." is read "… (“X”)" + "and Y Inc.".)
            gap = text[m[1]:joined[-1][0]]
            if text[joined[-1][0]:joined[-1][1]].lower().startswith("and "):
                gap += " and "
            if not _NAMES_JOINED.match(gap) or _OBJECT_OF.search(text[max(0, m[0] - 30):m[0]]):
                break
            joined.append(m)
        found.extend((m[2], m[3]) for m in joined if (m[2], m[3]) not in found)
    return tuple(found)


# What may stand between two coordinated names: a defined short name in brackets, then a comma, "and", "&"
# or "together with".
_NAMES_JOINED = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*|,?\s*(?:and|&|together with)\s+)\Z", re.IGNORECASE)
# A name after a preposition or a verb's object is no subject of the role ("we share data with Acme Ltd, and …").
_OBJECT_OF = re.compile(r"\b(?:with|to|by|from|for|of|on|at|share|shares|use|uses|send|sends)\s+(?:the\s+)?\Z",
                        re.IGNORECASE)


# The capitalised words right before "is / will be / acts as (the) [data] controller".
_SUBJECT_OF_ROLE = LazyPattern(r"(?<![\w'’-])([A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})(?: \([^()]{0,60}\))?,? "
                               r"(?:is|will be|shall be|acts as|remains|becomes) (?:the |our |a )?\Z")


_PERSON = LazyPattern(r"([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|do|dos|van|von|der|la|le)){0,4})")
_EMAIL = LazyPattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


_HONORIFIC = LazyPattern(r"^(\W*)" + _TITLE + r"\s+(?=[A-Z])")


# The officer's postal address after the role ("Attn: Data Protection Officer, Merrion Road, Dublin 4"):
# a street, not a person, so a new address is not another officer.
STREET = LazyPattern(r"\b(?:Road|Street|St|Square|Avenue|Ave|Lane|Place|Quay|Way|Drive|Boulevard|Court|Park|"
                      r"House|Building|Floor|Tower|Plaza|Dock|Centre|Center|Rd|g)\.?$")


# A name followed by a house number is a street ("Attn: Data Protection Officer, Herengracht 412"),
# as streets are written in much of Europe, not an officer.
_HOUSE_NUMBER = LazyPattern(r"\s*\d{1,5}[a-zA-Z]?\b")


def dpo_names(text: str) -> tuple[str, ...]:
    """Who a sentence names as data protection officer: a person's name or an e-mail address."""
    found = []
    for cue in DPO_CUES.finditer(text):
        # A title ("Mr. Diogo Manganelli") is not part of who the officer is.
        rest = _HONORIFIC.compiled().sub(r"\1", text[cue.end():cue.end() + 120], count=1)
        person = _PERSON.match(rest)
        if person and person.group(1).split()[0].lower() not in {"the", "our", "we", "you", "lenovo", "if",
                                                                  "for", "please", "contact", "email", "e-mail"} \
                and not STREET.search(person.group(1)) and not _HOUSE_NUMBER.match(rest, person.end()):
            found.append(" ".join(person.group(1).lower().split()))
            continue
        email = _EMAIL.search(rest[:80])
        if email:
            found.append(email.group(0).lower())
    return tuple(dict.fromkeys(found))


# -- links --------------------------------------------------------------------------------------

_MD_LINK = LazyPattern(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = LazyPattern(r"<((?:https?://|mailto:)[^>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_LINK_PURPOSES = (
    ("opt-out", LazyPattern(r"opt[-_ ]?out|unsubscribe|do[-_ ]not[-_ ]sell|donotsell|your[-_ ]?privacy[-_ ]?choices|"
                           r"limit[-_ ]the[-_ ]use|ad[-_ ]?choices|aboutads|youronlinechoices|cookie[-_ ]?settings",
                           re.IGNORECASE)),
    ("rights", LazyPattern(r"privacy[-_ ]?request|data[-_ ]?request|dsar|webform|privacyportal|privacy[-_ ]?portal|"
                          r"your[-_ ]?rights|exercise|access[-_ ]?request|delete[-_ ]?(?:my|your)|download[-_ ]?your",
                          re.IGNORECASE)),
    ("contact", LazyPattern(r"^mailto:|contact|@|dpo|privacy[-_ ]?office", re.IGNORECASE)),
)


def links(markdown: str) -> tuple[Link, ...]:
    """Every link of a Markdown block with the purpose its target or text shows."""
    found = []
    for match in _MD_LINK.finditer(markdown):
        found.append(link_of(match.group(1), match.group(2)))
    for match in _AUTOLINK.finditer(markdown):
        target = match.group(1)
        found.append(link_of(target, target if ":" in target else "mailto:" + target))
    return tuple(found)


def link_of(text: str, target: str) -> Link:
    """A link with the purpose its target or text shows (opting out, rights, contact, or none)."""
    text = reading_form(re.sub(r"[*_`]", "", text))
    for purpose, pattern in _LINK_PURPOSES:
        if pattern.search(target) or pattern.search(text):
            return Link(text, target, purpose)
    return Link(text, target, "")


# -- analysis -----------------------------------------------------------------------------------

_CONTENT_STOP = MODIFIER_STOP | frozenset({"will", "may", "can", "would", "could", "should", "shall", "must",
                                           "have", "has", "had", "do", "does", "did", "it", "if", "than", "then",
                                           "so", "into", "out", "up", "over", "under", "between", "because",
                                           "been", "being", "was", "were", "am", "i", "me", "my", "he", "she",
                                           "they", "them", "his", "her", "him", "an"})


@dataclass(frozen=True)
class Context:
    """What surrounds a sentence (cue stems): its section's title and the heading above it, and
    the lead-in of its list ("We share your data with:"), which speaks for each item."""

    stems: frozenset[str] = frozenset()
    lead: frozenset[str] = frozenset()
    # The lead-in's colon sentence tells what the reader can do ("… you can:", "lets you:"): its items are
    # the reader's own acts, not the company's processing, whatever verbs the rest of the paragraph uses.
    reader_acts: bool = False

    @staticmethod
    def of(*texts: str, lead: str = "") -> Context:
        lead_stems = frozenset(stem(t) for t in tokens(reading_form(lead))) if lead else frozenset()
        return Context(frozenset(stem(t) for text in texts if text for t in tokens(reading_form(text))) | lead_stems,
                       lead_stems)


_NO_CONTEXT = Context()


def _clauses(text: str) -> list[tuple[str, bool, bool]]:
    """(clause, is a condition, a condition follows) for each clause of a sentence; 'unless' and
    'except' start a condition."""
    return list(_clauses_of(text))


@lru_cache(maxsize=16384)
def _clauses_of(text: str) -> tuple[tuple[str, bool, bool], ...]:
    # Kept for recent texts (speed23b): a sentence's analysis splits it twice (its claims, its exceptions).
    out: list[tuple[str, bool, bool]] = []
    for part in _clause_parts(text):
        if not part or not part.strip():
            continue
        fronted = fronted_exception(part)
        if fronted:
            out.append((part[:fronted], True, False))
            part = part[fronted:]
        condition = _CONDITION.search(part)
        if condition and part[:condition.start()].strip():
            out.append((part[:condition.start()], False, True))
            out.append((part[condition.start():], True, False))
        elif part.strip():
            out.append((part, bool(condition), False))
    return tuple(out)


# A label that denies ("What we never do: sell … or share …", "Things we do not do:") scopes its
# negation over the sentence it introduces: what follows is denied, as "we never sell …" is.
# Anchored and bounded: the text is untrusted.
_DENYING_LABEL = LazyPattern(r"^\W{0,4}(?:what|things?)\s+(?:we|\w+)\s+(?:will\s+)?(?:never|(?:do|does|will)\s*"
                             r"(?:not|n['’]t))\s+(?:ever\s+)?do\s*:\s+", re.IGNORECASE)


def is_denying_label(text: str) -> bool:
    """`text` is only a label that denies ("What we never do:"), standing over a list of its own."""
    text = text.strip()
    label = _DENYING_LABEL.match(text + " ")
    return label is not None and label.end() >= len(text)


# A practice named as a label and answered by a denial alone ("Selling and ad networks: neither.", "Sale of your
# data: No.", "Profiling: none."), as summary tables and "at a glance" boxes answer: the label is what is denied.
# Anchored and bounded: the text is untrusted.
_ANSWERED_NO = LazyPattern(r"^\W{0,4}([^:?]{1,80}?)\s*:\s*(?:no|none|neither|never|nothing|not\s+at\s+all)\W{0,4}$",
                           re.IGNORECASE)


def answered_no(text: str) -> bool:
    """`text` names a practice as a label answered by a denial alone ("Selling and ad networks: neither.")."""
    return _ANSWERED_NO.match(text) is not None


def _label_denied(text: str) -> str:
    """The sentence with a denying label read as the denial it is ("What we never do: sell your
    data" -> "we never sell your data"; "Selling and ad networks: neither." -> "No selling and ad networks.")."""
    answered = _ANSWERED_NO.match(text)
    if answered is not None:
        return f"No {answered.group(1)}."
    label = _DENYING_LABEL.match(text)
    return text if label is None else "we never " + text[label.end():]


_NEGATION_WORD = LazyPattern(negation_words("not", "never", "no", "cannot"), re.IGNORECASE)
_BE = frozenset({"is", "are", "was", "were", "will", "shall", "may", "can", "does", "do", "be", "being", "has",
                 "have", "would", "should", "must", "could", "might", "also", "generally", "ever"})


def _disarm(match: re.Match) -> str:
    return re.sub(r"\b(not|no|don['’]t|cannot|can['’]t|without)\b", r"x\1", match.group(0), flags=re.IGNORECASE)


def _first_negation(marks: list[str]) -> int:
    """Where the clause's first negation stands (its length when none does)."""
    return next((i for i, w in enumerate(marks) if w in NEGATORS), len(marks))


def _negated(marks: list[str], start: int, end: int, first_negation: int) -> bool:
    """A term is denied when a negation stands before it in its clause ("we do not sell"), or
    right after it as a passive ("your data is not sold"); `first_negation` is
    `_first_negation(marks)`, found once per clause rather than once per term."""
    if first_negation < start:
        return True
    at = end
    # A phrase that tells whose or which data it is ("information of consumers", "data about
    # you", "data by us" in a gloss) stands between the subject and its verb, denying nothing.
    if at < len(marks) and marks[at] in _POSTMODIFIER:
        at = next((i for i in range(at + 1, min(at + 4, len(marks))) if marks[i] in _PASSIVE_BE), at)
    agent = False
    for n in range(at, min(at + 6, len(marks))):
        word = marks[n]
        if word in NEGATORS:
            return True
        if word == "either" and _either_denied(marks[n + 1:n + 9]):
            return True
        if agent:
            agent = False     # the agent of a passive put before its verb ("are by us neither sold")
        elif word == "by" and n > at:
            agent = True
        elif word not in _BE:
            if n == at and start == 0 and _coordinated_subject_denied(marks, end, first_negation):
                return True
            # (Most clauses deny nothing after the term: the subject's reading is asked only where one does.)
            return end < first_negation < len(marks) and _subject_denied(marks, start, end, first_negation)
    return False


# The words that join the members of a coordinated subject, and the most words a later member may have.
_COORDINATORS = frozenset({"and", "or", "nor"})
_MEMBER_WORDS = 4


def _coordinated_subject_denied(marks: list[str], end: int, first_negation: int) -> bool:
    """A term that opens its clause, coordinated with the subject's later members, whose verb group denies them
    all ("Advertisers and advertising networks do not receive your data", "Data brokers or advertisers will never
    get it"): the negation denies the whole subject, as it denies its last member. Only a term the clause starts
    with (a subject, not an object: "we collect your email and do not share it" affirms the email), only members
    of a few words with no pronoun, relative or verb group of their own, and only a verb group that is an
    auxiliary then the negation (negation44)."""
    if end >= len(marks) or marks[end] not in _COORDINATORS:
        return False
    aux = first_negation - 1
    if not end + 1 < aux <= end + 1 + _MEMBER_WORDS or marks[aux] not in _BE:
        return False
    return not any(w in _NOT_SUBJECT or w in _BE or w in _COORDINATORS - {"and", "or"} for w in marks[end + 1:aux])


# The verb group of a clause's subject when its negation denies the subject itself: a copula or a passive
# ("… is not something we do", "… isn't shared", "… will not be sold") or a verb of happening ("… does not take
# place"). A verb with an object of its own ("… does not include your name") denies the object, not the subject.
_COPULA = frozenset({"is", "are", "was", "were", "be", "been"})
_COPULA_NOT = frozenset({"isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t"})
_MODAL_NOT = frozenset({"won't", "can't", "cannot", "won’t", "can’t"})
_HAPPENING = frozenset({"take", "takes", "occur", "occurs", "happen", "happens"})
# Words that end a subject before its verb: a subject of its own (a pronoun), a relative or subordinate clause,
# another verb group (an auxiliary), or a coordinated predicate.
_NOT_SUBJECT = frozenset({"we", "i", "you", "they", "he", "she", "it", "us", "that", "which", "who", "whom", "whose",
                          "if", "when", "where", "while", "because", "unless", "until", "once", "since", "so"})
# A clause opened by a preposition has its subject further on ("For advertising, your data is …").
_NOT_SUBJECT_FIRST = _NOT_SUBJECT | {"to", "for", "by", "with", "after", "before", "on", "in", "at", "from", "as"}
_SUBJECT_SPAN = 14
# A pronoun a preposition governs is no subject ("effects on you", "the profiling behind it").
_PREPOSITION = frozenset({"to", "for", "by", "with", "on", "in", "at", "from", "about", "of", "over", "against",
                          "behind", "under", "into"})
_OBJECT_PRONOUN = frozenset({"you", "us", "it", "them"})


def _governed(before: str) -> bool:
    """A pronoun after `before` is its object, not a subject of its own: after a preposition ("effects on you")
    or a gerund ("Selling your data, or using it for advertising, is out of the question": denial41)."""
    return before in _PREPOSITION or (len(before) > 4 and before.endswith("ing") and not before.endswith("thing"))


def _subject_denied(marks: list[str], start: int, end: int, first_negation: int) -> bool:
    """The term is the clause's subject, or in it, and the clause's verb group denies it further on than
    a passive's few words ("Selling your personal information isn't something we do", "Automated
    decision-making, including profiling, within the meaning of the law does not take place"): the
    subject's own phrase stands between it and its verb (negation31)."""
    if not end < first_negation <= min(end + _SUBJECT_SPAN, len(marks) - 1) or marks[0] in _NOT_SUBJECT_FIRST:
        return False
    negation, following = marks[first_negation], marks[first_negation + 1:first_negation + 2]
    verb = marks[first_negation - 1]
    if negation in _COPULA_NOT or (negation in _MODAL_NOT and following == ["be"]):
        aux = 0
    elif negation in ("not", "never") and (verb in _COPULA or (verb in _PASSIVE_BE and following == ["be"]) or (
            verb in ("does", "do", "did") and bool(following) and following[0] in _HAPPENING)):
        aux = 1
    else:
        return False
    between = marks[end:first_negation - aux]
    phrase = [*marks[:start], "", *between]
    if any((w in _NOT_SUBJECT and not (w in _OBJECT_PRONOUN and _governed(phrase[n - 1]))) or w in _BE
           or w in NEGATORS for n, w in enumerate(phrase)):
        return False
    # "… stays with the payment provider and isn't shared": a predicate of its own before the denied one.
    return not (between and between[-1] in ("and", "or", "but"))


def subject_denied(words: str, sentence: str) -> bool:
    """`words` stand in the subject of a clause of `sentence` that its verb group denies further on
    (`_subject_denied`): "Automated decision-making, including profiling, … does not take place" still denies
    profiling, where no term of the clause reads it as a practice."""
    wanted = tokens(words)
    if not wanted or not _NEGATION_WORD.search(sentence.replace("n't", " not").replace("n’t", " not")):
        return False
    for clause, is_condition, excepted in _clauses(_claims_read(sentence)):
        if is_condition or excepted:
            continue
        marks = tokens(_NOT_NEGATION.sub(_disarm, clause))
        at = next((i for i in range(len(marks) - len(wanted) + 1) if marks[i:i + len(wanted)] == wanted), None)
        if at is not None and _subject_denied(marks, at, at + len(wanted), _first_negation(marks)):
            return True
    return False


# grampol42: the scope of a clause's negation, for a recogniser of the same facts (`fallback.facts`). A negation
# word in a clause's verb group ("we do not share", "is neither uploaded … nor shared", "cannot"), its subject ("no
# data is", "nobody sees") or its object ("we sell nothing", "receives no details") denies the clause's practice,
# and with it every value the clause names, wherever the reader puts the word; "without" denies only the phrase it
# heads ("may close that account without human involvement" still closes it); a negation that denies nothing
# ("not only", "if you do not") is disarmed as the readers disarm it; a predicate with no "not" of its own ("is
# out of the question": denial41) denies as "not" does. A condition or an exception ("unless …", "except …") is a
# clause of its own, neither affirmed nor denied.
_SCOPE_NEGATORS = (NEGATORS - {"without"}) | frozenset({"nothing", "none", "nobody", "nowhere"})
_WITHOUT_PHRASE = LazyPattern(r"\bwithout\b[^,;:.()]*", re.IGNORECASE)
_ONLY_WORD = LazyPattern(r"(?<!not )\b(?:only|solely|exclusively|just)\b", re.IGNORECASE)    # not "not only"
SCOPE_CUE = LazyPattern(r"\b(?:not|no|never|neither|nor|cannot|nothing|none|nobody|nowhere)\b|n['’]t\b|"
                         r"\b(?:limits|question|ruled|kept|discourag\w*|refrain\w*|prohibit\w*|forb[ia]d\w*|barred|"
                         r"banned)\b", re.IGNORECASE)


# A predicate or a phrase of its own, denied, coordinated after an affirmed one ("we collect your email, and do not
# collect your phone number", "we share your location, not your contacts", "… and never your contacts"), or a
# relative clause denied ("partners that do not sell it"): the negation governs what follows the coordinator or
# the relative pronoun only, so the clause is cut before it.
_DENIED_GROUP = (r"(?:(?:we|they|it|he|she|you|i)\s+)?(?:(?:do|does|did|will|shall|would|may|can|must|should|is|are|"
                 r"was|were|have|has)\s+)?(?:not|never)\b|(?:(?:we|they|it|you|i)\s+)?\w+n['’]t\b|"
                 r"(?:(?:we|they|it|you|i)\s+)?cannot\b")
_SCOPE_BREAK = LazyPattern(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?={_DENIED_GROUP})|"
                           rf"\s+(?=(?:that|which|who)\s+(?:{_DENIED_GROUP}))|(?<=[a-z)][.!?])\s+(?=(?-i:[A-Z]))",
                           re.IGNORECASE)


def _scope_parts(clause: str) -> list[str]:
    return _SCOPE_BREAK.split(clause) if SCOPE_CUE.search(clause) else [clause]


@lru_cache(maxsize=4096)
def clause_scopes(sentence: str) -> tuple[tuple[str, str], ...]:
    """(clause, "denied" | "affirmed" | "condition" | "restricted") for each clause of `sentence` (`_clauses`, cut
    again at a sentence's end and before a denied predicate, phrase or relative clause coordinated after another:
    `_SCOPE_BREAK`): whether a negation governs the clause's practice (grampol42). A denied lead-in ("we do not
    log:") governs the items after its colon, as a list's lead-in speaks for each item."""
    out: list[tuple[str, str]] = []
    read = _claims_read(sentence)
    lead_denied = False
    for whole, is_condition, excepted in _clauses(read):
        if is_condition:
            out.append((whole, "condition"))
            continue
        parts = [p for p in _scope_parts(whole) if p.strip()]
        for n, clause in enumerate(parts):
            text = _WITHOUT_PHRASE.sub(" ", _NOT_NEGATION.sub(_disarm, clause))
            denied = lead_denied
            if not denied and SCOPE_CUE.search(text):
                marks = _predicate_negations(_verb_negations(tokens(text)))
                denied = any(w in _SCOPE_NEGATORS for w in marks)
            if denied and not lead_denied and read[read.find(clause) + len(clause):].lstrip(" ")[:1] == ":":
                lead_denied = True
            # A restriction, either way round (synonym41): a denial an exception follows ("we do not share it
            # unless you agree", "to no one other than …") and an affirmation bounded by "only" state one rule.
            if (denied and excepted and n == len(parts) - 1) or (not denied and _ONLY_WORD.search(text)):
                out.append((clause, "restricted"))
            else:
                out.append((clause, "denied" if denied else "affirmed"))
    return tuple(out)


# Words that open a phrase after a noun telling whose or which it is.
_POSTMODIFIER = frozenset({"of", "about", "concerning", "relating", "from", "by"})
# The verbs a passive is told with ("… about you is not shared"); not "have" or "do", which open a
# clause of the phrase's own ("surveys about products you have not purchased").
_PASSIVE_BE = frozenset({"is", "are", "was", "were", "will", "shall", "may", "can", "must", "would", "should",
                         "could", "might"})


def _either_denied(rest: list[str]) -> bool:
    """"… is either masked or not collected": one of two predicates denies the subject, as the
    active "we either do not collect or mask it" does; read as the denial the active form is."""
    if "or" not in rest[:6]:
        return False
    after_or = rest.index("or") + 1
    return any(w in NEGATORS for w in rest[after_or:after_or + 2])


# A clause whose subject is a negative pronoun ("Nothing about you is decided this way …", "and nobody at the
# company reads them", "None of it is sold") denies its whole predicate, as "we do not" does; "nothing but",
# "none other than" mean "only" and deny nothing.
_NEGATIVE_SUBJECT = (r"^\W*(?:(?:and|but|or|so)\s+)?(?:nothing|nobody|no\s+one|none)\b"
                     r"(?!\s+(?:but|except|else|other|than)\b)")
_DENIAL = LazyPattern(negation_words("not", "never", "no", "nor", "neither", "cannot", "without", "n't")
                      + "|" + _VERB_NEGATION + "|" + _NEGATIVE_SUBJECT, re.IGNORECASE)


# ("An automated decision does not take place": the practice is the subject of a verb that denies it.)
# (The negator anywhere in the verb group: "will neither be uploaded … nor shared", "will be neither",
# "has never been", "won't be".)
_PASSIVE_DENIAL = LazyPattern(r"\b(?:(?:is|are|was|were|be|been)\s+(?:not|never|neither)|"
                              r"(?:is|are|was|were)n['’]t|(?:has|have|had)\s+(?:not|never|neither)\s+been|"
                              r"(?:has|have|had)n['’]t\s+been|(?:cannot|won['’]t|can['’]t|wouldn['’]t|shouldn['’]t)\s+be|"
                              r"(?:will|shall|may|can|would|should|must)\s+(?:not|never|neither)\s+(?:ever\s+)?be|(?:does|do|did|will|shall)\s+(?:not|never)\s+"
                              r"(?:take place|occur|happen))\b", re.IGNORECASE)


# A predicate joined to an earlier one whose verb it repeats ("… are declined and are not shown").
_COORDINATED = LazyPattern(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?\w+(?:ed|en)\b[^.;,]{0,60}?(?=\s+and\s+$)",
                           re.IGNORECASE)


def affirmed_spans(sentence: str) -> list[tuple[int, int]]:
    """The character spans of `sentence` (reading form) that it affirms: each clause, less what
    follows a negation in it ("we do not sell…", "never…"); a condition ("unless…", "except…")
    affirms nothing on its own. Words in a span are stated; words outside are denied or conditional."""
    if answered_no(sentence):
        return []     # a practice named as a label and answered "No", "Neither": nothing is affirmed
    spans = []
    at = 0
    label = _DENYING_LABEL.match(sentence)
    for part in _clause_parts(sentence):
        if part is None:
            continue
        start = sentence.find(part, at)
        if start < 0:
            continue
        at = start + len(part)
        fronted = fronted_exception(part)
        start, part = start + fronted, part[fronted:]
        condition = _CONDITION.search(part)
        end = start + (condition.start() if condition else len(part))
        if (condition and condition.start() == 0) or (label is not None and start == label.end()):
            continue     # a condition, or the clause a denying label introduces, affirms nothing
        clause = _NOT_NEGATION.sub(_disarm, sentence[start:end])
        negation = _DENIAL.search(clause)
        passive = _PASSIVE_DENIAL.search(clause) if negation else None
        first = _COORDINATED.search(clause[:passive.start()]) if passive else None
        if first:
            # "applications are declined and are not shown": the denial is a second predicate, the
            # first still stands.
            spans.append((start, start + first.end()))
            continue
        if passive or _predicate_denied(clause, negation):
            continue     # "your location is never tracked": what stands before the negation is denied too
        stop = start + negation.start() if negation else end
        # What the reader opts out of ("… as a request to opt out of our sharing with advertisers")
        # is named to be stopped: the clause affirms its opt-out, not the practice.
        stopped = opted_out_from(sentence[start:stop])
        spans.append((start, start + stopped if stopped is not None else stop))
    return spans


def analyse(sentence: str, context: Context = _NO_CONTEXT, terms: Lexicon | None = None) -> Statement:
    """What one sentence (in reading form) says, item by item."""
    return _analyse(sentence, context, terms or lexicon())


# The quoted name of a switch readers turn off ("turn off “Share usage data” in Settings",
# "disable 'Open tracking'"): the label of a control, which names what it stops without any
# processing of its own (Art. 21: the means to object are no new practice). Turning one on
# starts what it names, so that label is read as written.
_SETTING_NAME = LazyPattern(
    r"(?:\b(?:turn(?:s|ed|ing)?|switch(?:es|ed|ing)?)\s+off\s+|\bopt(?:s|ed|ing)?[- ]out\s+of\s+|"
    r"\b(?:disabl|untick|uncheck|deselect)\w*\s+)(?:the\s+)?[“\"‘'][^“”\"‘’'.;]{1,60}[”\"’']", re.IGNORECASE)


# The quoted title of a section a sentence points to ("the advertising partners described in “Does
# Lenovo sell my personal information?”"): where more is told, not a practice the sentence tells.
_SECTION_NAMED = LazyPattern(r"(\b(?:described|explained|set out|detailed|listed|discussed)\s+(?:in|under|at)\s+"
                             r"(?:the\s+)?(?:section\s+)?|\bsee\s+(?:the\s+)?(?:section\s+)?)"
                             r"(?:“[^“”]{1,100}”|\"[^\"]{1,100}\"|‘[^‘’]{1,100}’)", re.IGNORECASE)


def section_names_out(text: str) -> str:
    """`text` without the quoted titles of the sections it points to."""
    return _SECTION_NAMED.sub(r"\1 a section", text)


# A citation of a law or of a decision ("Commission Decision (EU) 2021/914 of 4 June 2021",
# "section 119A of the Data Protection Act 2018", "Article 46(2)(c) GDPR"): it tells where a
# safeguard or a basis comes from, and names no place data goes to ("(EU)") and no practice.
LEGAL_CITATION = LazyPattern(
    r"(?:\b(?:Commission\s+|Implementing\s+|Delegated\s+)*(?:Decision|Regulation|Directive)\s+)?"
    r"\((?:EU|EC|EEC|EEA)\)\s*(?:No\.?\s*)?\d{2,4}/\d+(?:/\w+)?(?:\s+of\s+(?:the\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?|"
    r"(?:\b(?:under|in|of|pursuant to|according to)\s+)?\b(?:[Ss]ections?|[Aa]rticles?|[Aa]rt\.|[Rr]ecitals?|§)\s*"
    r"\d+[A-Za-z]?(?:\s*\(\w{1,4}\))*(?:\s+(?:of\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,6}?"
    r"(?:Act|Regulation|Law|Code|GDPR|DPA|CCPA|CPRA|LGPD|PIPL)\b(?:\s+(?:of\s+)?\d{4})?)?")


# The name of a transfer instrument ("the UK Extension to the EU-U.S. Data Privacy Framework", "the
# Swiss-U.S. Privacy Shield", "the UK International Data Transfer Addendum"): the countries before the
# destination name where the transfers start (Art. 45, 46(2)), not where data goes; the United States
# of a framework with it is the destination, and stays one.
_INSTRUMENT_WORDS = LazyPattern(r"\b(?:Framework|Shield|Addendum|Agreement)\b")
_TRANSFER_INSTRUMENT = LazyPattern(
    r"(?:\b(?:UK|U\.K\.|United Kingdom)\s+Extension\s+to\s+the\s+)?"
    r"\b(?:EU|E\.U\.|EEA|Swiss|UK|U\.K\.)\s?[-–‑]\s?(U\.?S\.?)\s+(Data\s+Privacy\s+Framework|Privacy\s+Shield)\b|"
    r"\b(?:UK|U\.K\.|United Kingdom)(?:'s)?\s+((?:International\s+)?Data\s+Transfer\s+(?:Addendum|Agreement))\b")


def instrument_names_out(text: str) -> str:
    """`text` with each transfer instrument named without the places transfers start from."""
    return _TRANSFER_INSTRUMENT.sub(_instrument, text) if _INSTRUMENT_WORDS.search(text) else text


def _instrument(match: re.Match[str]) -> str:
    # (The destination after the name: "to the U.S. Data Privacy Framework" names no party "U.S.".)
    return f"{match.group(2)} ({match.group(1)})" if match.group(1) else match.group(3).lower()


def _claims_read(text: str) -> str:
    """The sentence as `_analyse` reads its terms: citations, instrument names, the quoted names of
    settings and of sections put aside, a denying label read as the denial."""
    cited = LEGAL_CITATION.sub(" the law ", text) if "(" in text or re.search(r"\d", text) else text
    cited = instrument_names_out(cited)
    return _SECTION_NAMED.sub(r"\1 a section", _SETTING_NAME.sub(" a setting ", _label_denied(cited)))


@lru_cache(maxsize=16384)
def term_words(sentence: str) -> frozenset[str]:
    """The words `analyse(sentence)` matches terms on (`Lexicon.find`), in any context: the stems and
    the written forms of its clauses' tokens. A claim of a term's key needs the first word of one of
    the key's terms among them (speed23c). Kept for recent texts, as analyses are: a later call reads
    the same document."""
    found = {word for clause, _, _ in _clauses(_claims_read(sentence)) for word in tokens(clause)}
    return frozenset(map(stem, found)) | frozenset(map(possessive, found))


# How `_analyse` gives a value (an item, a key) other than by a term of its key: named data, collected
# objects, companies and parties by name (their own keys, never a lexicon's), AI training, a consent
# basis by the reader's act, rights as bare verbs; advertising by others from advertising; a country's
# complement ("outside:"); a kind of recipient or source by an open phrase (its key the stems of its
# words, the head noun last).
_TERMS_ONLY = frozenset({Item.CATEGORIES, Item.SENSITIVE, Item.PURPOSES, Item.TRANSFERS, Item.RECIPIENTS,
                         Item.SOURCES})
_OWN_KEYS = ("named:", "object:", "org:", "party:")
_THIRD_PARTY_ADS = "marketing.advertising.third_party"
_ADS_MADE_THIRD_PARTY = frozenset({_THIRD_PARTY_ADS, "marketing.advertising",
                                   "marketing.advertising.first_party.targeted"})


def value_words(value: tuple[Item, str], terms: Lexicon) -> frozenset[str] | None:
    """Words (`term_words`) of which a sentence must have one to affirm `value` (an item, a key), or
    None when that cannot be told by its words (speed23c)."""
    item, key = value
    if item not in _TERMS_ONLY or key.startswith(_OWN_KEYS) or (item is Item.PURPOSES and key == "train_ai_system"):
        return None
    keys = {key, key.removeprefix("outside:")}
    if item is Item.PURPOSES and key == _THIRD_PARTY_ADS:
        keys |= _ADS_MADE_THIRD_PARTY
    words = frozenset().union(*(terms.first_words(k) for k in keys))
    if item in (Item.RECIPIENTS, Item.SOURCES) and "_" in key:
        words |= {key.rsplit("_", 1)[1]}
    return words


def content_words(text: str, stems: list[str] | None = None) -> frozenset[str]:
    """A sentence's content words as stems (`Statement.words`), read from its text alone: a reader may ask them of
    a sentence not analysed yet (fold28). `stems`, the stems of its tokens, where the caller has them."""
    if stems is None:
        return _content_words(text)
    words = tokens(text)
    return frozenset(s for s, w in zip(stems, words, strict=True) if w not in _CONTENT_STOP and len(w) > 1)


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    # Kept for recent texts (perf46): each row of a pasted table asks them of every old sentence stating its values,
    # and every region asks again of the same texts.
    words = tokens(text)
    return frozenset(stem(w) for w in words if w not in _CONTENT_STOP and len(w) > 1)


# (audit44) A link's invitation: "Learn more about the inferences we may make, including as to your age", "Find
# out more about how partners use data in our Partner Notice", "To learn more about the identifiers our providers
# read, see our Cookie Policy", "You can read more about … in …". It names what another page says and states
# nothing of its own: the data, uses and parties it names are the other page's words, not values this text adds
# or drops. "To learn more about your tastes, we collect …" is a purpose of a processing sentence: the infinitive
# opens an invitation only when a verb of pointing (see, visit, read…) follows its comma.
_INVITATION = LazyPattern(
    r"^\W*(?:(?:learn|find\s+out|read|discover)\s+more\s+(?:about|on|regarding)\b"
    r"|you\s+(?:can|may|could)\s+(?:also\s+)?(?:learn|find\s+out|read)\s+more\s+(?:about|on|regarding)\b"
    r"|(?:to\s+(?:learn|find\s+out|read)\s+more|for\s+more\s+(?:information|details))\s+(?:about|on|regarding)\b"
    r"[^.;:]*?,\s*(?:please\s+)?(?:see|visit|read|click|go\s+to|check|refer\s+to|review|consult)\b)",
    re.IGNORECASE)
# What an invitation does not state: the values a notice lists (Art. 13(1)(c)-(f), 14(1)(d)).
_INVITED_ITEMS = frozenset({Item.CATEGORIES, Item.SENSITIVE, Item.PURPOSES, Item.RECIPIENTS, Item.SOURCES,
                            Item.TRANSFERS})


def invitation(text: str) -> bool:
    """Whether `text` is one sentence that only invites the reader to read elsewhere (a link's words), with
    no statement of its own joined to it (a table row's "cell; cell" holds one)."""
    return ";" not in text and _INVITATION.search(text) is not None


@lru_cache(maxsize=32768)
def _analyse(sentence: str, context: Context, terms: Lexicon) -> Statement:
    text = sentence
    lowered = text.lower()
    all_stems = [stem(t) for t in tokens(text)]
    cues = frozenset(all_stems) | context.stems
    if not cues & COLLECTION and plain_processing(text):
        cues |= _PLAIN_CUE     # data got, told or required in the plain voice is collected (verbs27)
    # Read once per sentence, not once per term: a sentence of many terms cost its length squared.
    own = frozenset(all_stems) | context.lead
    if not own & TRANSFER_CUES and (_PLACED.search(text) or placed_acting(text)):
        own |= _PLACED_CUE     # a party that handles data sits in the places named (verbs27)
    access_named = "access to" in lowered or "accessed by" in lowered
    if ("limits" in lowered or "kept out" in lowered) and _predicate_denied(lowered, None):
        # "off-limits" is "not to be used or accessed", "kept out of all advertising" "not used for it": the
        # predicate holds the verb it denies (denial41).
        cues |= _OFF_LIMITS_CUE
    claims: list[Claim] = []
    read = _claims_read(text)
    for clause, is_condition, excepted in _clauses(read):
        words = tokens(clause)
        # The same tokens, with negations that deny nothing ("not only", "if you do not") disarmed.
        marks = tokens(_NOT_NEGATION.sub(_disarm, clause))
        if len(marks) != len(words):
            marks = words
        marks = _predicate_negations(_verb_negations(marks))
        first_negation = _first_negation(marks)
        after_from = _after_from(words)
        stems = [stem(w) for w in words]
        covered: set[int] = set()
        for match in terms.find(stems, words):
            if match.term.item is Item.RECIPIENTS and words[match.end:match.end + 1] == ["with"] \
                    and words[match.end - 1] in ("partners", "works", "contracts"):
                covered.update(range(match.start, match.end))
                continue   # "Lenovo partners with Xbox": a verb
            if match.end - match.start == 1 and match.term.item is Item.RECIPIENTS \
                    and _modified(words, stems, match.start, clause):
                continue   # "ticketing partners": the open phrase names the kind better than "partners"
            covered.update(range(match.start, match.end))
            if match.term.item is Item.CATEGORIES and words[match.end:match.end + 1] \
                    and words[match.end] in _LAW_WORDS and words[match.end + 1:match.end + 2] != ["enforcement"]:
                continue   # "as medical record laws require", "the Health Data Act": a law's name, not data
            if match.start > 0 and words[match.start - 1] == "non":
                continue   # "non-precise location" is not precise location
            if match.term.key.startswith("user.location") and _premises(words, match.start, match.end):
                continue   # "a map of our store locations": where the company is, not where a person is
            # "We do not share it except with X" allows what it names, under a condition.
            negated = not is_condition and not excepted and _negated(marks, match.start, match.end, first_negation)
            claim = _claim(match.term, cues, lowered, negated, " ".join(words[match.start:match.end]), own,
                           access_named)
            if claim is not None and claim.item is Item.TRANSFERS and not claim.key.startswith("safeguard:"):
                if _outside(words, match.start):
                    # "servers outside the EEA" names every country but the EEA's: another destination.
                    claim = Claim(claim.item, "outside:" + claim.key, "outside " + claim.label, claim.weight,
                                  claim.positive, "outside " + claim.words, claim.conditional)
                elif _origin(words, match.start) and not acting_from(clause, words[match.start:match.end]):
                    continue   # "transfers from the EEA and Switzerland": where data leaves, not where it goes
            if match.term.item is Item.RECIPIENTS and _agent(words, match.start):
                continue   # "services provided by Lenovo and its affiliated companies": who acts, not who receives
            if match.term.item is Item.RECIPIENTS and _gives_to_us(words, match.start, match.end, after_from):
                # "an advertising partner provides us with information": where data comes from.
                claim = Claim(Item.SOURCES, match.term.key, "from " + match.term.label, Weight.PLAIN, not negated,
                              " ".join(words[match.start:match.end])) \
                    if cues & COLLECTION or {"information", "data"} & set(words) else None
            if claim is not None and excepted and claim.positive \
                    and _negated(marks, match.start, match.end, first_negation):
                claim = Claim(claim.item, claim.key, claim.label, claim.weight, True, claim.words, conditional=True)
            if claim is not None:
                claims.append(claim)
        clause_negated = not is_condition and not excepted and any(w in NEGATORS for w in marks)
        claims.extend(_open_phrases(words, stems, covered, cues, clause_negated, clause))
        claims.extend(_named_recipients(clause, cues, clause_negated))
        claims.extend(_named_sources(clause, clause_negated, claims))
        if any(c.item is Item.RECIPIENTS and c.positive for c in claims):
            claims.extend(_listed_names(clause, clause_negated))
        claims.extend(_named_categories(clause, clause_negated, terms))
        claims.extend(_collected_objects(words, stems, covered, clause_negated))
        trained = _training_verb(stems)
        if trained is not None:
            at = trained
            negated = not is_condition and not excepted and _negated(marks, at, at + 1, first_negation)
            claims.append(Claim(Item.PURPOSES, "train_ai_system", "training AI models", Weight.INCOMPATIBLE,
                                not negated, "train"))
    claims = _sharing_for_advertising(claims, cues, text)
    if claims and invitation(text):
        claims = [c for c in claims if c.item not in _INVITED_ITEMS]
    # (Each limit's words searched once, not once per phrase of the limit.)
    present = {limit: words.search(lowered) is not None for limit, words in _LIMIT_WORDS.items()}
    # (A limit found once is not looked for again by its other phrases: revfa33, for speed.)
    found: set[Limit] = set()
    for pattern, limit in _LIMIT_PHRASES:
        if present[limit] and limit not in found and _limiting(pattern, limit, text):
            found.add(limit)
    limits = frozenset(found)
    claims.extend(_bare_rights(claims, all_stems, text))
    claims.extend(_consent_given(claims, cues, lowered))
    if any(excepted and _NEGATION_WORD.search(clause) for clause, _, excepted in _clauses(text)):
        limits |= {Limit.ONLY}
    deduped: dict[tuple[Item, str, bool], Claim] = {}
    for claim in claims:
        deduped.setdefault((claim.item, claim.key, claim.positive), claim)
    content = content_words(text, all_stems)
    return Statement(
        text=text, claims=tuple(deduped.values()), limits=limits, quantities=quantities(text, cues),
        entities=entities(text), dpo=dpo_names(text),
        controller_cue=any(cue in lowered for cue in CONTROLLER_CUES), words=content,
        processing=bool(set(all_stems) & _PROCESSING) or bool(_USER_GIVES.search(text)) or plain_processing(text),
        names_dpo=bool(DPO_CUES.search(text)),
        about_identity=bool(context.stems & _IDENTITY_CONTEXT),
        about_children=bool(set(all_stems) & _CHILDREN),
        about_rights=any(c.item is Item.RIGHTS and c.positive for c in claims) or bool(_RIGHTS_SENTENCE.match(text)))


def limit_words(text: str, limit: Limit) -> str | None:
    """The words by which `text` sets `limit` ("last four digits of"), for quoting to readers."""
    found = next((m for pattern, kind in _LIMIT_PHRASES if kind is limit for m in (pattern.search(text),) if m), None)
    return found.group(0).strip() if found else None


def consent_limited(text: str) -> bool:
    """`text` makes a practice wait on the reader's consent, in any of the words `analyse` reads as its consent
    limit (the limit alone, without the rest of a statement's reading)."""
    return any(kind is Limit.CONSENT and pattern.search(text) is not None for pattern, kind in _LIMIT_PHRASES)


def _limiting(pattern: LazyPattern, limit: Limit, text: str) -> bool:
    """The limit's words stand in `text` as a limit (de-identified data given as an example is none, nor a
    limit word inside a name)."""
    if limit is Limit.CONDITION and pattern.pattern == _NECESSITY:
        return any(not _READER_PROVIDES.search(text[:m.start()]) for m in pattern.finditer(text))
    if limit not in _ADJECTIVE_LIMITS:
        return pattern.search(text) is not None
    return any(not (limit is Limit.DEIDENTIFIED and _EXAMPLE_OF.search(text[:m.start()])) and not _in_name(text, m)
               for m in pattern.finditer(text))


# The limits said by an adjective or adverb, which a name can hold without limiting anything.
_ADJECTIVE_LIMITS = frozenset({Limit.ONLY, Limit.DEIDENTIFIED, Limit.NON})
# What a control is called ("your browser's anonymous usage setting", "the Private Only mode"): the
# word names the control, it tells nothing of the data.
_CONTROL_NAMED = LazyPattern(r"^[-\s]*(?:[\w-]+\s+){0,2}?(?:settings?|modes?|windows?|tabs?|options?|features?|"
                             r"toggles?|switch(?:es)?|buttons?)\b", re.IGNORECASE)


def _in_name(text: str, match: re.Match[str]) -> bool:
    """The limit word of `match` is part of a name: of a control (its head noun a setting, a mode…),
    or within quotes."""
    if _CONTROL_NAMED.match(text[match.end():]):
        return True
    before = text[:match.start()]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Rights listed as bare verbs ("you may access, correct or delete your data"): in a sentence that
# already gives a right, each verb is a right of GDPR Art. 15-21 of its own.
_BARE_RIGHTS = {stem(w): key for w, key in (("access", "access"), ("correct", "rectification"),
                                             ("rectify", "rectification"), ("delete", "erasure"),
                                             ("erase", "erasure"), ("restrict", "restriction"),
                                             ("object", "objection"), ("port", "portability"))}


def _bare_rights(claims: list[Claim], stems: list[str], text: str) -> list[Claim]:
    given = {c.key for c in claims if c.item is Item.RIGHTS and c.positive}
    if _DENIAL.search(text):
        return []
    verbs = {key: word for word, s in zip(tokens(text), stems, strict=False)
             if (key := _BARE_RIGHTS.get(s)) is not None and key not in given}
    # Without a right named in full, two verbs at the head of the sentence make it a list of rights.
    if not given and not (len(verbs) >= 2 and _RIGHTS_SENTENCE.match(text)):
        return []
    return [Claim(Item.RIGHTS, key, key, Weight.PLAIN, True, word) for key, word in verbs.items()]


_RIGHTS_SENTENCE = LazyPattern(r"^\W*(?:request|access|correct|delete|object|restrict|withdraw|opt[- ]out|"
                              r"unsubscribe|port|obtain|receive a copy|right (?:to|of)|turn off|switch off|disable|"
                              r"manage|change your|update your|you (?:can|may|have the right))\b",
                              re.IGNORECASE)
# Verbs of processing: those of GDPR Art. 4(2) (collection, recording, storage, consultation, use,
# disclosure, combination…) as policies write them.
_PROCESSING = _stems("collect", "collected", "collects", "use", "uses", "used", "share", "shared", "shares",
                     "disclose", "disclosed", "process", "processed", "processes", "store", "stored", "retain",
                     "retained", "sell", "sold", "transfer", "transferred", "upload", "uploaded", "access",
                     "accessed", "analyze", "analyzed", "record", "recorded", "send", "sent", "receive", "post",
                     "publish", "track", "tracked", "monitor", "obtain", "obtained", "gather", "gathered", "capture",
                     "captured", "scan", "scanned", "scans", "read", "reads", "review", "reviewed", "analyse",
                     "analysed", "combine", "combined", "infer", "inferred", "keep", "kept", "consult", "retrieve",
                     "disseminate", "profile", "listen", "listens", "listening", "hear", "hears")
# What users give us is what we collect: "you need to provide data including …", "data you submit".
_USER_GIVES = LazyPattern(r"\byou(?:r)?\b(?:\s+\w+){0,3}?\s+(?:provide|submit|give|enter|share)s?\b", re.IGNORECASE)
# The verbs of processing (GDPR Art. 4(2)), for readers of a sentence's surroundings.
PROCESSING_VERBS = _PROCESSING

# The verbs of the plain voice (fold28): the words short and friendly policies use for processing where the legal
# voice writes a verb of Art. 4(2) (`_PROCESSING`), one table for every reader of that voice (`_PLAIN_FLOW` here,
# `answers.pointed_back` and `answers.asks_practice`, the pronoun readings of a short voice). Each verb with its
# finite forms (base, third person, past), its past participle, and the constructions it is read in:
#   TAKES   a party gets, sees, holds … the reader's own things ("we get your gamertag"): collection, storage
#   TELLS   a party tells or gives the company something ("your carrier tells us if …"): a source, Art. 14(2)(f)
#   HANDS   the company hands data on ("we pass it to …"): a recipient, Art. 13(1)(e)
#   TURNS   data turned into something ("we turn a sample of your voice into a voiceprint")
#   GIVES   data a party must give ("owners must also give a phone number"): Art. 13(2)(e)
#   POINTS  a verb whose object, a pronoun, stands for the data of the sentence before ("We also give it to …")
#   SEEN    the reader's data seen or handed on, in a question ("Can your staff see my messages?")
#   PASSIVE a participle told of a pronoun standing for data ("They are fed to …")
# A construction takes the finite forms of its verbs; PASSIVE takes the participles, SEEN both.
class Voice(enum.Flag):
    TAKES = enum.auto()
    TELLS = enum.auto()
    HANDS = enum.auto()
    TURNS = enum.auto()
    GIVES = enum.auto()
    POINTS = enum.auto()
    SEEN = enum.auto()
    PASSIVE = enum.auto()


@dataclass(frozen=True)
class PlainVerb:
    finite: tuple[str, ...]
    participle: str
    voice: Voice


_V = Voice
PLAIN_VERBS: tuple[PlainVerb, ...] = (
    PlainVerb(("get", "gets", "got"), "gotten", _V.TAKES),
    PlainVerb(("see", "sees", "saw"), "seen", _V.TAKES | _V.SEEN | _V.PASSIVE),
    PlainVerb(("know", "knows", "knew"), "known", _V.TAKES),
    PlainVerb(("learn", "learns", "learnt", "learned"), "learnt", _V.TAKES),
    PlainVerb(("hold", "holds", "held"), "held", _V.TAKES),
    PlainVerb(("pull", "pulls", "pulled"), "pulled", _V.TAKES),
    PlainVerb(("grab", "grabs", "grabbed"), "grabbed", _V.TAKES),
    PlainVerb(("need", "needs", "needed"), "needed", _V.TAKES),
    PlainVerb(("note", "notes", "noted"), "noted", _V.TAKES),
    PlainVerb(("log", "logs", "logged"), "logged", _V.TAKES),
    PlainVerb(("save", "saves", "saved"), "saved", _V.TAKES),
    PlainVerb(("keep", "keeps", "kept"), "kept", _V.TAKES | _V.PASSIVE),
    PlainVerb(("ask for", "asks for", "asked for"), "asked for", _V.TAKES),
    PlainVerb(("tell", "tells", "told"), "told", _V.TELLS),
    PlainVerb(("give", "gives", "gave"), "given", _V.TELLS | _V.HANDS | _V.GIVES | _V.POINTS | _V.SEEN | _V.PASSIVE),
    PlainVerb(("send", "sends", "sent"), "sent", _V.TELLS | _V.PASSIVE),
    PlainVerb(("pass", "passes", "passed"), "passed", _V.TELLS | _V.HANDS | _V.POINTS),
    PlainVerb(("hand", "hands", "handed"), "handed", _V.TELLS | _V.HANDS),
    PlainVerb(("show", "shows", "showed"), "shown", _V.TELLS | _V.POINTS | _V.SEEN | _V.PASSIVE),
    PlainVerb(("share", "shares", "shared"), "shared", _V.TELLS | _V.GIVES),
    PlainVerb(("turn", "turns", "turned"), "turned", _V.TURNS | _V.POINTS),
    PlainVerb(("convert", "converts", "converted"), "converted", _V.TURNS),
    PlainVerb(("make", "makes", "made"), "made", _V.TURNS | _V.PASSIVE),
    PlainVerb(("provide", "provides", "provided"), "provided", _V.GIVES),
    PlainVerb(("enter", "enters", "entered"), "entered", _V.GIVES),
    PlainVerb(("add", "adds", "added"), "added", _V.GIVES | _V.POINTS),
    PlainVerb(("supply", "supplies", "supplied"), "supplied", _V.GIVES),
    PlainVerb(("submit", "submits", "submitted"), "submitted", _V.GIVES),
    PlainVerb(("upload", "uploads", "uploaded"), "uploaded", _V.GIVES),
    PlainVerb(("confirm", "confirms", "confirmed"), "confirmed", _V.GIVES),
    PlainVerb(("verify", "verifies", "verified"), "verified", _V.GIVES),
    PlainVerb(("rent", "rents", "rented"), "rented", _V.POINTS),
    PlainVerb(("license", "licenses", "licensed"), "licensed", _V.POINTS),
    PlainVerb(("match", "matches", "matched"), "matched", _V.POINTS),
    PlainVerb(("link", "links", "linked"), "linked", _V.POINTS),
    PlainVerb(("feed", "feeds", "fed"), "fed", _V.POINTS | _V.PASSIVE),
    PlainVerb(("sync", "syncs", "synced"), "synced", _V.POINTS),
    PlainVerb(("look at", "looks at", "looked at"), "looked at", _V.POINTS),
    PlainVerb(("back up", "backs up", "backed up"), "backed up", _V.POINTS),
    PlainVerb(("put", "puts", "put"), "put", _V.POINTS | _V.PASSIVE),
    PlainVerb(("view", "views", "viewed"), "viewed", _V.SEEN),
    PlainVerb(("sell", "sells", "sold"), "sold", _V.SEEN | _V.PASSIVE),
    PlainVerb(("read", "reads", "read"), "read", _V.PASSIVE),
    PlainVerb(("build", "builds", "built"), "built", _V.PASSIVE),
)


def plain_verbs(voice: Voice) -> frozenset[str]:
    """The finite forms of the plain-voice verbs read in `voice` (`PLAIN_VERBS`)."""
    return frozenset(form for verb in PLAIN_VERBS if verb.voice & voice for form in verb.finite)


# Verbs that with "on" or "off" switch a feature and take no data ("turn it on", "switch them off"): the pronoun
# after them stands for no data (short27's `short._NO_REFERENT`), though "turn" is one of `PLAIN_VERBS`.
SWITCH_VERBS = ("turn", "switch", "toggle", "set")


def plain_participles(voice: Voice | None = None) -> frozenset[str]:
    """The past participles of the plain-voice verbs read in `voice` (all of them for None)."""
    return frozenset(verb.participle for verb in PLAIN_VERBS if voice is None or verb.voice & voice)


def plain_alternation(forms: frozenset[str]) -> str:
    """Forms of `PLAIN_VERBS` as a pattern's alternation, longest first, a space as any space."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda f: (-len(f), f)))


# Processing told in the plain voice, by construction rather than by a verb of Art. 4(2) (verbs27): a party
# that gets, sees, knows, holds or is told the reader's data ("we get your gamertag", "they also get your
# phone number", "the publisher tells us your rank", "your carrier tells us if …"), data handed on ("we
# pass it to …"), turned into something else ("we turn a sample of your voice into a voiceprint"), a
# party that handles data located or working in a place ("some service providers are in the US", "our
# support team works from Lisbon"), data the reader or the company must give or needs ("owners must also
# give a phone number", "we also need your phone number"). (A step taken on the reader automatically, "we
# automatically suspend access after five failed sign-ins", is not read so: a security lockout is no new
# practice, the probe risk-of-misuse-lockout.) Each wants its construction, not the verb alone: "see our
# cookie policy", "let us know", "tell you about changes" and "give you control" state nothing processed.
_PLAIN_FLOW = LazyPattern(
    # a party gets, sees, knows, holds … the reader's own things
    r"\b(?:we|they|it|he|she|who|which|that|[a-z]+(?:ers|ors|ies|ants|ners|ists|ces|ps|ts))\s+(?:\w+\s+){0,2}?"
    rf"(?:{plain_alternation(plain_verbs(Voice.TAKES))})\s+"
    r"(?:(?:only|also|just|all|some|both|each|every|a\s+copy\s+of|a\s+sample\s+of|a\s+record\s+of|"
    r"a\s+few\s+of|part\s+of|parts\s+of)\s+)?(?:your|their)\s+\w|"
    # a party tells or gives the company something: a source (Art. 14(2)(f))
    rf"\b(?:{plain_alternation(plain_verbs(Voice.TELLS))})\s+us\s+"
    r"(?:your|their|whether|if|when|which|what|how|about|the|a|an|some|any|details?)\b|"
    # the company hands data on
    rf"\b(?:{plain_alternation(plain_verbs(Voice.HANDS))})\s+(?:it|them|this|that|these|those|"
    r"(?:your|their)\s+\w+(?:\s+\w+)?)\s+(?:on\s+|over\s+)?(?:to|with)\b|"
    # data turned into something else
    rf"\b(?:{plain_alternation(plain_verbs(Voice.TURNS))})\s+(?:\w+\s+){{0,5}}?"
    r"(?:your|their)\s+(?:\w+\s+){0,2}?into\b|"
    # data a party must give
    r"(?<!n't\s)(?<!n’t\s)(?<!not\s)(?<!never\s)"
    r"\b(?:must|need\s+to|needs\s+to|have\s+to|has\s+to|(?:are|is)\s+required\s+to|(?:are|is)\s+asked\s+to)\s+"
    rf"(?:also\s+|still\s+|first\s+)?(?:{plain_alternation(plain_verbs(Voice.GIVES))})\s+"
    r"(?:us\s+)?(?:a|an|your|their|the|some|proof|photo|details)\b", re.IGNORECASE,
)


# A party that handles data, located or working in a place ("some service providers are in the US", "our
# support team works from Lisbon", "our servers sit in Frankfurt"): where data is processed (Art. 13(1)(f)),
# so a country it names is a transfer's, as of a sentence that says data is sent there. The place may be a
# region the party is outside of, its countries named after it ("… are located outside the European Economic
# Area, including in the United States"): outside the region the law protects is abroad, as "in" a country is.
_PLACED = LazyPattern(
    r"\b(?:team|teams|staff|providers?|partners?|servers?|data|processors?|sub-?processors?|vendors?|contractors?|"
    r"agents?|employees|engineers|moderators|reviewers|affiliates|subsidiaries|cent(?:re|er)s?|back-?ups?|"
    r"copies|support|suppliers?|hosts?|tools)\b(?:,[^,.;]{1,60},)?\s+(?:\w+\s+){0,2}?"
    r"(?:is|are|sit|sits|based|located|hosted|stored|kept|work|works|working|operate|operates|run|runs)\s+"
    r"(?:mostly\s+|mainly\s+|also\s+|only\s+|partly\s+)?(?:in|from|out\s+of|outside(?:\s+of)?)\s+(?:the\s+)?"
    r"(?-i:[A-Z])", re.IGNORECASE)


_NOT_REQUIRED = LazyPattern(r"\b(?:don['’]t|do\s+not|doesn['’]t|does\s+not|needn['’]t|need\s+not)\s+"
                            r"(?:have|need)\s+to\b",
                            re.IGNORECASE)
_PLAIN_CUE = _stems("collect")
_OFF_LIMITS_CUE = _stems("use", "access")
_PLACED_CUE = _stems("hosted")


def plain_processing(text: str) -> bool:
    """The sentence tells processing in the plain voice (`_PLAIN_FLOW`): data got, told, handed on, turned
    into something, required, held in a place or acted on automatically."""
    if _NOT_REQUIRED.search(text):
        return False     # "you don't have to give us a phone number": a choice, nothing required or got
    return _PLAIN_FLOW.search(text) is not None or _PLACED.search(text) is not None


# Someone who acts on the company's behalf, placed in a country by what they do there (notify28): "our video
# provider gives technical support from the United States", "some of our tutors live in South Africa", "the
# people who answer your emails work out of Manila", "our moderators review reports from Kenya". Reaching the
# data from a country is a transfer there (GDPR Art. 44, 13(1)(f); EDPB Guidelines 05/2021), whatever the verb:
# the party (one who serves the company, never the reader nor the company itself), a few words of what they do,
# and "in", "from" or "out of" a capitalised place. Not a company registered, headquartered or incorporated
# somewhere (where it is, not where data goes), nor a party receiving from a place ("requests from …" reads no
# party).
_ACTING_PARTY = LazyPattern(
    r"(?:^\W*|\b(?:our|its|their|the|these|those|some|many|most|a\s+few|of)\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:providers?|vendors?|processors?|sub-?processors?|contractors?|subcontractors?|suppliers?|partners?|"
    r"agents?|staff|employees|engineers|developers|moderators|reviewers|tutors|teachers|coaches|trainers|"
    r"advisers|advisors|specialists|technicians|analysts|operators|teams?|people|workers|colleagues|"
    r"affiliates|subsidiaries|offices?|helpdesk|help\s+desk|call\s+cent(?:re|er)s?|support)\b"
    r"(?:\s+(?:who|that|which)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"
    r"\s+(?:[\w'’-]+\s+){1,4}?(?:in|from|out\s+of)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_PLACE_AFTER = LazyPattern(r"\b(?i:in|from|of)\s+(?i:the\s+)?[A-Z]")
_SEATED = LazyPattern(r"\b(?:registered|headquartered|incorporated|established|founded|listed)\b", re.IGNORECASE)


def acting_from(clause: str, country: list[str]) -> bool:
    """The country (its words) is where a party acting for the company works from (`_ACTING_PARTY` ending in
    "from" or "out of", the country in the short list of places after it): a destination, not where a
    transfer starts ("our agents answer chats from Portugal and Egypt")."""
    for match in _ACTING_PARTY.finditer(clause):
        if _SEATED.search(match.group(0)) or not re.search(r"\b(?:from|out\s+of)\s+(?:the\s+)?\S$", match.group(0),
                                                            re.IGNORECASE):
            continue
        places = re.split(r"[.;:()|]", clause[match.end() - 1:match.end() + 80].lower(), maxsplit=1)[0]
        at = places.find(" ".join(country))
        if at >= 0 and len(places[:at].split()) <= 4:
            return True
    return False


def placed_acting(text: str) -> bool:
    """The sentence places a party acting for the company in a country by what it does there (`_ACTING_PARTY`)."""
    if _PLACE_AFTER.search(text) is None:
        return False     # (no capitalised place after "in", "from" or "out of": the common sentence, read cheaply)
    match = _ACTING_PARTY.search(text)
    return match is not None and not _SEATED.search(match.group(0))
_PROCESSORS = frozenset({"service_providers", "data_hosting_providers", "payment_processors", "analytics_providers",
                         "security_partners"})
_ENGAGING = _stems("use", "uses", "engage", "engages", "engaged", "rely", "relies", "retain", "retains", "hire",
                   "contract", "include", "includes", "work")
_CHILDREN = _stems("child", "children", "minor", "minors", "kid", "kids", "teen", "teens", "teenager", "teenagers",
                   "parent", "parents", "guardian", "guardians", "parental")
_IDENTITY_CONTEXT = _stems("contact", "controller", "controllers", "representative", "representatives", "dpo",
                           "officer", "who")
_RIGHTS_NEEDING_CUES = frozenset({"access", "objection", "restriction", "opt_out_marketing", "opt_out_sharing",
                                  "erasure", "rectification"})
def _training_verb(stems: list[str]) -> int | None:
    """Where a clause trains a model: 'train' with AI anywhere in it, or 'develop', 'improve' or
    'fine-tune' with a model or AI as their object ('improve our AI models', not 'use AI to improve')."""
    if "train" in stems and _AI_CUES & set(stems):
        return stems.index("train")
    for i, word in enumerate(stems):
        if word in _TRAINING and _AI_MODELS & set(stems[i + 1:i + 5]):
            return i
    return None


# Verbs that make a model: "train", and "develop", "improve" or "fine-tune" next to a model or AI.
_TRAINING = ("train", "finetun", "fine", "develop", "improv", "build", "teach")
_AI_MODELS = _stems("model", "models", "llm", "llms")
_AI_CUES = _stems("ai", "model", "models", "algorithm", "algorithms", "llm", "llms", "generative", "intelligence",
                  "learning", "chatbot", "assistant")


_OFF_SITE = LazyPattern(r"\boff\s+[A-Z]\w+|\b(?:on|across|outside(?: of)?)\s+(?:other|third[- ]party|partner|non-\w+)"
                       r"\s+(?:web)?(?:sites?|apps?|services|platforms|properties)\b"
                       # (the same place as where the reader goes: "when you use other apps and websites")
                       r"|\b(?:when|while|as|whenever)\s+you\s+(?:use|visit|browse|open)\s+(?:other|third[- ]party)\s+"
                       r"(?:web)?(?:sites?|apps?|services|platforms)\b")


def _sharing_for_advertising(claims: list[Claim], cues: frozenset[str], text: str = "") -> list[Claim]:
    """Advertising as the purpose of a disclosure to others, or shown to users on other sites,
    is sharing for (third-party) advertising."""
    off_site = any(c.item is Item.PURPOSES and c.key.startswith("marketing.advertising") for c in claims) \
        and _off_site_ok(text)
    if not off_site and (not cues & _SHARING or not any(c.item is Item.RECIPIENTS for c in claims)):
        return claims
    out = []
    for claim in claims:
        if claim.item is Item.PURPOSES and claim.key in ("marketing.advertising",
                                                         "marketing.advertising.first_party.targeted"):
            claim = Claim(Item.PURPOSES, "marketing.advertising.third_party", claim.label, Weight.ADVERTISING,
                          claim.positive, claim.words)
        out.append(claim)
    return out


def _origin(words: list[str], start: int) -> bool:
    """The country at words[start] is named as where a transfer starts ('from', 'within')."""
    # A list of places with their abbreviations ("the European Union (EU), the European Economic
    # Area (EEA), Switzerland and the United Kingdom (UK)") runs long after its "from".
    for word in reversed(words[max(0, start - 24):start]):
        if word in ("to", "in", "into", "towards"):
            return False
        if word in ("from", "within", "inside", "outside"):     # ("inside" is "within": revfa33)
            return True
    return False


# Who a location belongs to, when it is not a person's: the company's own premises and equipment.
_PEOPLE = frozenset({"customers", "customer", "users", "user", "members", "member", "drivers", "driver", "players",
                     "player", "employees", "employee", "staff", "riders", "rider", "guests", "guest", "patients",
                     "students", "pupils", "children", "child", "family", "visitors", "clients", "client"})


def _premises(words: list[str], start: int, end: int) -> bool:
    """The location named at words[start:end] is the company's ("our store locations", "the
    locations of our charging points"), not a person's."""
    before = words[max(0, start - 2):start]
    if before[-1:] == ["our"] or (len(before) == 2 and before[0] == "our" and before[1] not in _PEOPLE):
        return True
    after = words[end:end + 3]
    return after[:2] == ["of", "our"] and (after[2:] == [] or after[2] not in _PEOPLE)


_LAW_WORDS = frozenset({"law", "laws", "act", "acts", "regulation", "regulations", "legislation", "statute",
                        "statutes", "directive"})


def _outside(words: list[str], start: int) -> bool:
    """The place at words[start] is named as what data goes beyond ('outside the EEA', 'outside of Europe')."""
    before = [w for w in words[max(0, start - 3):start] if w not in ("the", "of", "your")]
    return bool(before) and before[-1] in ("outside", "beyond")


_GIVING = frozenset({"provide", "provides", "provided", "share", "shares", "shared", "send", "sends", "sent", "give",
                     "gives", "tell", "tells", "supply", "supplies", "disclose", "discloses", "pass", "passes"})


def _modified(words: list[str], stems: list[str], at: int, clause: str) -> bool:
    """The word before position `at` narrows the noun there ('ticketing' in 'ticketing partners')."""
    if at == 0 or stems[at] not in _RECIPIENT_HEAD_STEMS:
        return False
    word = words[at - 1]
    if word in {w.lower() for w in _CAPITALISED.findall(clause)}:
        return False
    return not (word in MODIFIER_STOP or word in NEGATORS or not word.isalpha() or len(word) < 3
                or word.endswith("ly") or (stems[at - 1] in _VERB_STEMS and word not in _NOUNS_LIKE_VERBS)
                or f" {word} {words[at]} " not in f' {" ".join(re.findall(r"[a-z0-9]+|[,;:]", clause.lower()))} ')


def _nearest(words: list[str], start: int, wanted: frozenset[str], window: int = 5) -> bool:
    """One of `wanted` stands in the few words before `start`, with no 'to' or 'with' after it."""
    for word in reversed(words[max(0, start - window):start]):
        if word in ("to", "with"):
            return False
        if word in wanted:
            return True
    return False


def _agent(words: list[str], start: int) -> bool:
    return _nearest(words, start, frozenset({"by"}))


def _after_from(words: list[str]) -> list[bool]:
    """For each word, whether the nearest 'from', 'to' or 'with' before it is 'from' (found in one
    pass over the clause: looking back from every term made a long clause cost its length squared)."""
    out, state = [], False
    for word in words:
        out.append(state)
        if word == "from":
            state = True
        elif word in ("to", "with"):
            state = False
    return out


def _gives_to_us(words: list[str], start: int, end: int, after_from: list[bool]) -> bool:
    """The recipient-like phrase at words[start:end] is where data comes from: 'from our partners',
    'from third-party sources, such as research firms and data brokers', 'partners provide us'.
    `after_from` is `_after_from(words)`."""
    return after_from[start] or _hands_over(words, start, end)


def _hands_over(words: list[str], start: int, end: int) -> bool:
    """The party at words[start:end] is the subject of a verb of giving to us ("partners provide
    us with", "information that the search firms … provide to us")."""
    # The data fronted in a relative clause ("information that the search firms working on behalf
    # of Lenovo provide to us"): the party is the clause's subject, its verb further on.
    fronted = bool({"that", "which"} & set(words[max(0, start - 3):start]))
    after = words[end:end + (9 if fronted else 5)]
    for i, word in enumerate(after):
        if word in _GIVING:
            rest = after[i + 1:i + 3]
            return "us" in rest or rest[:2] == ["with", "us"]
    return False


def _off_site_ok(text: str) -> bool:
    """'ads on other websites', 'ads off Reddit': not 'ads on our Services'."""
    match = _OFF_SITE.search(text)
    if match is None:
        return False
    return not re.search(r"\b(?:our|the)\s+(?:services?|sites?|apps?|platform)\b", match.group(0), re.IGNORECASE)


# Data passed on as an asset of a merger, acquisition or bankruptcy is not sold (CCPA
# 1798.140(ad)(2)(C)): "if we are sold or merged, your data may be transferred to the buyer".
CORPORATE_TRANSACTION = LazyPattern(
    r"\b(?:merg(?:e|ed|er|ers|ing)|acquisitions?|acquired|bankruptcy|insolvency|reorgani[sz]ation|divestiture|"
    r"change of control|corporate transactions?|sale of (?:all|some|part|substantially all|a portion|any) of|"
    r"sale of (?:our|the|its) (?:company|business|assets|shares|stock))\b", re.IGNORECASE)

_SHARING = _stems("share", "shared", "shares", "sharing", "disclose", "disclosed", "sell", "sold", "transfer",
                  "transferred", "provide", "provided", "make available", "available")


@lru_cache(maxsize=16)
def _says(pattern: LazyPattern, lowered: str) -> bool:
    """`pattern` is found in the sentence `lowered`: asked for each term a sentence names, a search
    of the whole sentence made one long sentence of many terms cost its length squared."""
    return pattern.search(lowered) is not None


def _claim(term: Term, cues: frozenset[str], lowered: str, negated: bool, written: str,
           own: frozenset[str], access_named: bool) -> Claim | None:
    """A claim for a term found in a sentence, if the sentence (`cues`: with its context; `own`:
    its words and its list's lead-in; `access_named`: it says "access to" or "accessed by")
    speaks of what the term's item is about."""
    item = term.item
    if item is Item.CATEGORIES:
        if not cues & COLLECTION:
            return None
        if term.weight is Weight.SENSITIVE:
            item = Item.SENSITIVE
    elif item is Item.RECIPIENTS:
        # "have access to" discloses; "when you access the Services" does not; the providers "we use"
        # or "engage" process data for us.
        if not cues & DISCLOSURE and not access_named \
                and not (term.key in _PROCESSORS and cues & _ENGAGING):
            return None
    elif item is Item.PURPOSES:
        if not cues & (USE | DISCLOSURE):
            return None
    elif item is Item.TRANSFERS:
        # A country is a transfer only where the sentence itself speaks of sending data there.
        if not term.key.startswith("safeguard:") and not own & TRANSFER_CUES and not _says(_DATA_CENTRE, lowered) \
                and not (_says(_ACCESSING, lowered) and _located_in(lowered, written.lower())):
            return None
    elif item is Item.RIGHTS:
        # "data portability" or "object to processing" is a right wherever it stands; "access" or
        # "object to" only among rights words.
        # A verb heading an item of a list of what users can do ("Object to our use of …") is one too.
        if not cues & RIGHTS_CUES and term.key in _RIGHTS_NEEDING_CUES and "right" not in written \
                and len(written.split()) < 3 and not _heads(written, lowered):
            return None
    elif item is Item.SALE:
        if not ({"information", "data"} & cues or "personal" in cues) or _says(CORPORATE_TRANSACTION, lowered):
            return None
    elif item is Item.LEGAL_BASIS and term.key == "consent" and "legal basis" not in lowered \
            and "lawful basis" not in lowered and "basis" not in cues and "rely" not in cues \
            and not ("base" in cues and _NAMES_BASES & cues):
        # A list led by "on the following legal bases:" names a basis in each item, as a table
        # under "Legal basis" does in each cell ("bases" stems to "base": the adjective must stand by).
        return None
    if term.key == "non_discrimination":
        negated = False     # "we will not discriminate against you" states the right
    return Claim(item, term.key, term.label, term.weight, not negated, written)


# The lead of a list of legal bases ("on the following legal bases:"), by its stems.
_NAMES_BASES = frozenset({"legal", "lawful"})


# The consent basis told by the reader's act ("You have consented for us to do so for a specific purpose",
# "where you consented to the processing", "you have agreed to it"), among the legal bases a sentence or its
# list's lead-in names: Art. 6(1)(a) in the verb's words, the basis a row labelled "Consent" names.
_CONSENTED = LazyPattern(r"\byou\s+(?:have\s+|had\s+)?(?:(?:expressly|explicitly|freely)\s+)?"
                         r"(?:consented|consent\s+to|agreed\s+to\s+(?:it|this|that|the\s+processing))\b")


def _consent_given(claims: list[Claim], cues: frozenset[str], lowered: str) -> list[Claim]:
    """The consent basis, where the sentence tells it by the reader's act within a statement of legal bases."""
    given = _CONSENTED.search(lowered)
    if given is None or any(c.item is Item.LEGAL_BASIS and c.key == "consent" for c in claims):
        return []
    if not ("legal basis" in lowered or "lawful basis" in lowered or "basis" in cues or "rely" in cues
            or ("base" in cues and _NAMES_BASES & cues)):
        return []
    return [Claim(Item.LEGAL_BASIS, "consent", "your consent", Weight.PLAIN, True, given.group(0))]


# Data reached from a country is data sent there (GDPR Art. 44: remote access is a transfer):
# "your data may be accessed by our support providers in India", "engineers at our vendor in
# Brazil may view your account". The country must place the one who reaches the data: a party
# named after "accessed by", or the subject of "may access/view/…". Not a user ("requests from
# users in India"), nor the company itself, its headquarters, its officers or its contact address
# ("Lenovo, headquartered in the United States, answers questions about how it handles your data").
_ACCESSING = LazyPattern(r"\b(?:access(?:ed|es|ing)?|view(?:ed|s|ing)?|process(?:ed|es|ing)?|handl(?:e|ed|es|ing)|"
                         r"review(?:ed|s|ing)?)\b(?:\s+\w+){0,5}?\s+(?:by|data|information|account|records?|"
                         r"details|content|messages)\b|\b(?:data|information|account|records?|details)\b(?:\s+\w+){0,4}?"
                         r"\s+(?:accessed|viewed|processed|handled|reviewed)\b")
# Each "in" is found first and the words around it are read in bounded windows, so that a long
# run of hyphenated tokens costs linear time.
_IN = LazyPattern(r"\bin\s+")
_IN_WINDOW = 80
_PLACING = frozenset({"located", "based", "situated", "operating"})
_ACCESSORS = frozenset({
    "providers", "provider", "vendors", "vendor", "contractors", "contractor", "subcontractors", "subcontractor",
    "processors", "processor", "sub-processors", "subprocessors", "engineers", "staff", "employees", "personnel",
    "team", "teams", "affiliates", "affiliate", "subsidiaries", "subsidiary", "partners", "partner", "companies",
    "agents", "suppliers", "supplier", "centres", "centers", "specialists", "technicians", "developers",
    "analysts", "agencies", "entities", "colleagues"})
# "… accessed by our customer support providers" just before the "in".
_ACCESSED_BY = LazyPattern(r"\b(?:accessed|viewed|processed|handled|reviewed)\s+by\s+(?:[\w'’-]+,?\s+){0,5}$")
# "… in India and the Philippines, who can view …", "… in Brazil may access …" just after the country.
_THEN_ACCESSES = LazyPattern(r"(?:[\s,]+[\w'’-]+){0,4}?[\s,]+(?:(?:who|which|that|may|can|could|will|might|would|"
                             r"also|only|sometimes|then|must)\s+){0,3}(?:access|view|process|handl|review)\w*\b")


def _located_in(lowered: str, country: str) -> bool:
    """`country` follows an "in" that places the party who reaches the data ("accessed by our
    providers in India and the Philippines", "our vendor in Brazil may access"), within a short
    list of places."""
    for match in _IN.finditer(lowered):
        place = re.split(r"[.;:()|]", lowered[match.end():match.end() + 60], maxsplit=1)[0]
        at = place.find(country)
        if at < 0 or len(place[:at].split()) > 4:
            continue
        before = lowered[max(0, match.start() - _IN_WINDOW):match.start()]
        words = [w.strip(",") for w in before.split()]
        while words and (words[-1] in _PLACING or not words[-1]):
            words.pop()
        if not words or words[-1] not in _ACCESSORS:
            continue
        after = match.end() + at + len(country)
        if _ACCESSED_BY.search(before) or _THEN_ACCESSES.match(lowered, after, after + _IN_WINDOW):
            return True
    return False


def _heads(written: str, lowered: str) -> bool:
    """`written` opens the sentence, as the verb of an item of a list of rights does."""
    return re.sub(r"^[\W_]+", "", lowered).startswith(written.lower()) and bool(_RIGHTS_SENTENCE.match(lowered))


# The words a policy uses, often capitalised as defined terms, for the people it addresses.
_ADDRESSED = frozenset({"member", "members", "user", "users", "customer", "customers", "visitor", "visitors"})


def _open_phrases(words: list[str], stems: list[str], covered: set[int], cues: frozenset[str],
                  negated: bool, clause: str = "") -> list[Claim]:
    """Kinds of recipient no list names: 'fraud-prevention partners', 'authorized resellers'.

    Only recipients: a head noun such as 'partners' or 'providers' makes the phrase one. Kinds
    of data have no such head ('information' ends too many phrases that name no data).
    """
    if not cues & (DISCLOSURE | COLLECTION):
        return []
    # A name ("Lenovo partners") says whose partners, not what kind: capitalised words never modify.
    # The policy's own term for the people it addresses ("Member support providers") is no name: it
    # is capitalised as a defined term, and as the first word of a list item it is not.
    names = {w.lower() for w in _CAPITALISED.findall(clause)} - _ADDRESSED
    # (Commas kept: a modifier never reaches across one into the item before it in a list.)
    flat = " ".join(re.findall(r"[a-z0-9]+|[,;:]", clause.lower()))
    found = []
    for i, head in enumerate(stems):
        if i in covered or head not in _RECIPIENT_HEAD_STEMS or words[i + 1:i + 2] == ["with"]:
            continue
        if words[i].lower().endswith(("ed", "ing")):
            continue     # "sponsored content", "partnering with": a verb's form, not the party it comes from
        modifiers: list[str] = []
        j = i - 1
        while j >= 0 and len(modifiers) < 3 and j not in covered:
            word = words[j]
            if word in MODIFIER_STOP or word in NEGATORS or not word.isalpha() or len(word) < 3 or word in names \
                    or word.endswith("ly") or (stems[j] in _VERB_STEMS and word not in _NOUNS_LIKE_VERBS) \
                    or f" {word} {' '.join(words[j + 1:i + 1])} " not in f" {flat} ":
                break
            modifiers.insert(0, stems[j])
            j -= 1
        if not modifiers:
            continue
        label = " ".join([*words[j + 1:i], words[i]])
        key = "_".join([*modifiers, head])
        # "from our retail partners" names where data comes from, not where it goes.
        source = j >= 0 and (words[j] == "from" or (j > 0 and words[j - 1] == "from" and words[j] in _DETERMINERS))
        # "information that the search firms … provide to us": the party hands data over.
        given = _hands_over(words, j + 1, i + 1) and bool({"information", "data"} & set(words))
        if (source and cues & COLLECTION) or given:
            found.append(Claim(Item.SOURCES, key, "from " + label, Weight.PLAIN, not negated, label))
        else:
            found.append(Claim(Item.RECIPIENTS, key, label, Weight.PLAIN, not negated, label))
    return found


_NAMED = LazyPattern(r"\b(?:with|to|by)\s+(?:the\s+)?"
                     r"((?:[A-Z][\w&'’.-]*[\w])(?:\s+(?:[A-Z][\w&'’.-]*[\w]|\([A-Z]\w+\))){0,2})")
_NOT_NAMES = frozenset({"we", "you", "your", "our", "the", "this", "these", "those", "section", "sections", "privacy",
                        # a question a heading asks ("Who receives your booking information")
                        "who", "what", "which", "how", "whom",
                        "policy", "notice", "services", "service", "terms", "data", "personal", "information",
                        "settings", "help", "center", "account", "it", "us", "them", "they", "a", "an", "in", "if",
                        "when", "any", "all", "such", "other", "european", "united", "california", "eea", "eu",
                        "gdpr", "ccpa", "lgpd", "pipl", "law", "laws", "article", "art", "part", "page", "cookie",
                        "cookies", "app", "apps", "site", "website", "websites", "platform", "members", "users",
                        "member", "user", "visitors", "customers", "partners", "affiliates", "controller",
                        "processor", "standard", "contractual", "clauses", "framework", "shield", "ads", "ad",
                        "learn", "more", "click", "here", "contact", "sign", "log", "opt", "out", "see", "minors",
                        "children", "child", "parents", "parent", "teens", "people", "individuals", "guardians",
                        "authorities", "government", "governments", "court", "courts", "police", "company",
                        "companies", "group", "legal", "agreement"})


_USER_PROVIDES = LazyPattern(r"\byou\s+(?:\w+\s+){0,2}?provided?\b(?:\s+\w+){0,4}\s*$", re.IGNORECASE)

# findings43: the words of a transfer's instrument ("the UK Addendum", "the EU-U.S. DPF", "Binding Corporate Rules").
_INSTRUMENT_TOKENS = frozenset({"addendum", "dpf", "scc", "sccs", "bcr", "bcrs", "framework", "frameworks", "shield",
                                "clauses", "decision", "decisions", "adequacy", "extension", "idta", "binding",
                                "corporate", "rules", "eu", "u", "s", "us", "uk", "swiss"})


def _place_or_instrument(name: str) -> bool:
    """findings43: a capitalised name that is a country ("Japan", "the Republic of Korea") or a transfer's
    instrument ("DPF", "the UK Addendum") says where data goes or on what terms, not who receives it: every word
    is a country's (the lexicon's transfer terms) or an instrument's."""
    words = tokens(name)
    if not words:
        return False
    covered = [w.lower() in _INSTRUMENT_TOKENS for w in words]
    if all(covered):
        return True
    for match in lexicon().find([stem(w) for w in words], words):
        if match.term.item is Item.TRANSFERS:
            for k in range(match.start, match.end):
                covered[k] = True
    return all(covered) or all(c or w.lower() in ("of", "the", "and") for c, w in zip(covered, words, strict=True))


# A company named as the one that receives, sees or gets access ("Motorola never receives a copy",
# "Acme does not see your messages"): the recipient as the subject, the same item as "sent to Acme".
_RECEIVER = LazyPattern(r"^\W*(?:the\s+)?((?:[A-Z][\w&'’.-]*[\w])(?:\s+[A-Z][\w&'’.-]*[\w]){0,2})\s+"
                        r"(?:(?:will|does|do|shall|would|can|could|may|is|are)\s+)?(?:not\s+|never\s+|no longer\s+)?"
                        r"(?:(?:ever|also)\s+)?(?:receives?|gets?|obtains?|sees?|ha(?:s|ve|ving)\s+(?:no\s+)?access|"
                        r"(?:is|are)\s+(?:never\s+|not\s+)?(?:given|granted|sent|shown)|gains?\s+access)\b")


# What a receiver gets is a disclosure when it is personal data ("a copy", "your information", a
# kind of data), not an order or a request placed with it ("Acme receives your order").
_RECEIVED_DATA = LazyPattern(r"\b(?:data|information|details|cop(?:y|ies)|records?|identifiers?)\b", re.IGNORECASE)


def _receives_data(text: str) -> bool:
    if _RECEIVED_DATA.search(text):
        return True
    words = tokens(text)
    return any(m.term.item in (Item.CATEGORIES, Item.SENSITIVE)
               for m in lexicon().find([stem(w) for w in words], words))


# "provide you with", "supply our customers with": what follows "with" is given to the reader, who is
# no recipient of a disclosure.
_GIVEN_TO_USER = LazyPattern(r"\b(?:provid|suppl|furnish|equip|present)\w*\s+(?:you|users?|customers?|members?|"
                             r"our\s+(?:users|customers|members))\s+$", re.IGNORECASE)


def _named_recipients(clause: str, cues: frozenset[str], negated: bool) -> list[Claim]:
    """Companies a disclosure names ('shared with Google', 'referred to Bing (Microsoft)', 'Acme
    receives a copy')."""
    receiver = _RECEIVER.search(clause)
    if receiver is not None and not _receives_data(clause[receiver.end():]):
        receiver = None
    if not cues & _NAMING_CUES and receiver is None:
        return []
    found = []
    for match in ([receiver] if receiver else []) + list(_NAMED.finditer(clause)):
        if _USER_PROVIDES.search(clause[max(0, match.start() - 60):match.start()]):
            continue     # "data you have provided to Reddit": what users give the company, no disclosure
        if _GIVEN_TO_USER.search(clause[max(0, match.start() - 40):match.start()]):
            continue     # "provide you with the Lenovo Products": what the user is given, no recipient
        name = match.group(1)
        words = re.findall(r"[A-Za-z0-9]+", name)
        if not words or words[0].lower() in _NOT_NAMES or all(w.lower() in _NOT_NAMES for w in words):
            continue
        if _place_or_instrument(name):
            continue
        key = "org:" + " ".join(w.lower() for w in words)
        found.append(Claim(Item.RECIPIENTS, key, name, Weight.PLAIN, not negated, name))
    return found


# "We also obtain from HM Land Registry the names of…", "we import pupils' names from Arbor": a
# body the company says it gets data from, by name, is a source (GDPR Art. 14(2)(f)).
_NAMED_SOURCE = LazyPattern(r"\b(?:[Ww]e|us)\b(?:\s+\w+){0,3}?\s+(?:obtain|receive|collect|get|gets|buy|purchase|"
                            r"request|gather|import|retrieve|source)\w*\b(?:[^.;]{0,80}?)?\s+from\s+(?:the\s+)?"
                            r"((?:[A-Z][\w&'’.-]*[\w])(?:\s+(?:[A-Z][\w&'’.-]*[\w]|\([A-Z]\w+\))){0,3})")
_NOT_SOURCES = _NOT_NAMES | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december", "i", "he", "she"}


# A source named by the kind of party it is ("we also receive from that supplier your meter
# readings", "we obtain from your bank …"): whom data comes from (Art. 14(2)(f)) even when no term
# or capitalised name says it; the party's own noun is the value. Read in either order ("we receive
# your meter readings from that supplier"), so that moving the data past the party changes no
# value; a party a term of the lexicon already names ("bank": financial institutions) is that term.
_PARTY_SOURCE = LazyPattern(r"\b(?:we|us)\b(?:\s+\w+){0,3}?\s+(?:obtain|receive|collect|get|gets|buy|purchase|"
                            r"request|gather|import|retrieve)\w*\b(?:[^.;]{0,80}?)?\s+from\s+"
                            r"(?:your|that|this|the|their|such|each)\s+"
                            r"(?:[a-z-]+\s+)?(suppliers?|providers?|banks?|insurers?|employers?|schools?|"
                            r"universit(?:y|ies)|landlords?|lenders?|retailers?|merchants?|operators?|carriers?|"
                            r"manufacturers?|dealers?|agenc(?:y|ies)|brokers?|platforms?|utilit(?:y|ies)|"
                            r"clinics?|hospitals?|pharmac(?:y|ies)|doctors?|recruiters?)\b", re.IGNORECASE)


# A source described rather than named (notify37): the party's kind and a relative clause that says what it
# does ("firms that specialise in property information also supply us with …", "by paying companies that
# compile and sell databases of business contacts"), or a public record data is checked against ("we compare
# it with the land and property registers that local governments make public"). Whom data comes from (Art.
# 14(2)(f)) told in any voice: the party as the subject of a verb of handing data to us, or the object of a
# verb of getting (by paying it, through it, from it), and the record as what data is matched against. The
# value is the party's noun with the content words that describe it, so that the same party told again in
# other words is read as the same.
_DESCRIBED_HEAD = (r"(firms?|compan(?:y|ies)|businesses|providers?|vendors?|suppliers?|organi[sz]ations?|"
                   r"agenc(?:y|ies)|bureaus?|brokers?|registers?|registr(?:y|ies)|records|databases?|directories)")
_RELATIVE = r"\s+(?:that|which|who)\s+(?P<rel>(?:(?!(?:also|and|but|or)\b)[\w'’-]+\s+){1,8}?)"
_DESCRIBED_SOURCE = LazyPattern(
    # the party hands data over: "Firms that specialise in property information also supply us with …"
    r"\b(?P<pre>(?:[a-z-]+\s+){0,2}?)" + _DESCRIBED_HEAD.replace("(", "(?P<head>", 1) + _RELATIVE
    + r"(?:(?:also|may|can|will|then|now|regularly)\s+){0,2}(?:supply|supplies|provide|provides|send|sends|give|gives|"
    r"pass|passes|share|shares|sell|sells|forward|forwards)\s+(?:us\b|(?:[\w-]+\s+){0,4}?(?:to|with)\s+us\b)"
    # we get it from or by paying the party: "we also acquire … by paying companies that compile …"
    r"|\b(?:we|us)\b(?:\s+\w+){0,3}?\s+(?:obtain|receive|collect|get|buy|purchase|acquire|source|gather|import|"
    r"licen[cs]e)\w*\b[^.;]{0,80}?\b(?:from|by paying|by buying from|by purchasing from|through)\s+"
    r"(?P<pre2>(?:[a-z-]+\s+){0,2}?)" + _DESCRIBED_HEAD.replace("(", "(?P<head2>", 1)
    + _RELATIVE.replace("rel", "rel2")
    # data matched against a record: "we compare it with the land and property registers that …"
    + r"|\b(?:check|compare|verif|match|cross-check|validat|confirm)\w*\b[^.;]{0,60}?\b(?:against|with)\s+"
    r"(?:the|a|an|any|some)?\s*(?P<pre3>(?:[a-z-]+\s+){0,5}?)(?P<head3>registers?|registr(?:y|ies)|records|"
    r"databases?|directories)\b(?:\s+(?:that|which|who)\s+(?P<rel3>(?:[\w'’-]+\s?){1,6}))?", re.IGNORECASE)
_OWN_RECORDS = LazyPattern(r"\b(?:our|own|internal|its|their)\b", re.IGNORECASE)
_DESCRIBED_HEADS = ("firm", "compan", "business", "provider", "vendor", "supplier", "organi", "agenc", "bureau",
                    "broker", "regist", "records", "database", "director")
_OUR_KEEPING = LazyPattern(r"\b(?:we|us|our)\b", re.IGNORECASE)
_DATA_NOUN = LazyPattern(r"\b(?:data|information|details|personal|contacts?|lists?|records|profiles?|"
                         r"addresses|numbers|statistics|histor(?:y|ies)|readings|scores|ratings)\b", re.IGNORECASE)
_DESCRIBING_STOP = frozenset({"the", "a", "an", "our", "your", "their", "its", "that", "which", "who", "and", "or",
                              "of", "in", "on", "to", "for", "with", "we", "us", "you", "it", "them", "they", "may",
                              "also", "can", "will", "is", "are", "be", "make", "makes", "made", "some", "any",
                              "other", "such", "these", "those", "this", "by", "from"})


def _described_sources(clause: str, negated: bool) -> list[Claim]:
    """Sources told by the party's kind and what it does or keeps ('firms that specialise in property
    information … supply us', 'the land and property registers that local governments make public')."""
    lowered = clause.lower()
    if not any(head in lowered for head in _DESCRIBED_HEADS):
        return []     # (most clauses name no such party: the pattern is never run on them)
    found = []
    data_told: bool | None = None     # (asked once a clause: a search of the clause a match made it quadratic)
    for match in _DESCRIBED_SOURCE.finditer(clause):
        head = match.group("head") or match.group("head2") or match.group("head3")
        words = " ".join(g for g in (match.group("pre") or match.group("pre2") or match.group("pre3") or "",
                                     match.group("rel") or match.group("rel2") or match.group("rel3") or "") if g)
        described = [stem(w) for w in re.findall(r"[a-z]+", words.lower()) if w not in _DESCRIBING_STOP
                     and len(w) > 2]
        if not described or (match.group("head3") and (_OWN_RECORDS.search(match.group("pre3") or "")
                                                        or _OUR_KEEPING.search(match.group("rel3") or ""))):
            continue    # "the companies that …" with nothing said of them, or the company's own records
        if not match.group("head3"):
            if data_told is None:
                data_told = _DATA_NOUN.search(clause) is not None
            if not data_told:
                continue    # "firms that sell ads send us enquiries": nothing said of data about people
        party = _party(head)
        label = match.group(0).strip()
        found.append(Claim(Item.SOURCES, "described:" + party + ":" + "_".join(sorted(set(described))[:4]),
                           "from " + label, Weight.PLAIN, not negated, party))
    return found


def _party(noun: str) -> str:
    """A party's noun in the singular: 'banks' -> 'bank', 'agencies' -> 'agency'."""
    noun = noun.lower()
    return noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")


def _named_sources(clause: str, negated: bool, claims: Sequence[Claim] = ()) -> list[Claim]:
    """Bodies the company names as where it gets data from ('we obtain … from Experian'), or
    names by their kind ('we receive from your energy supplier …') where no term in `claims`
    already names that party."""
    named = {_party(w) for c in claims if c.item in (Item.SOURCES, Item.RECIPIENTS) for w in c.words.split()}
    found = []
    for match in _PARTY_SOURCE.finditer(clause):
        party = _party(match.group(1))
        if party in named:
            continue
        found.append(Claim(Item.SOURCES, "party:" + party, "from " + match.group(0).split(" from ", 1)[1],
                           Weight.PLAIN, not negated, party))
    for match in _NAMED_SOURCE.finditer(clause):
        name = match.group(1)
        words = re.findall(r"[A-Za-z0-9]+", name)
        if not words or words[0].lower() in _NOT_SOURCES or all(w.lower() in _NOT_SOURCES for w in words):
            continue
        key = "org:" + " ".join(w.lower() for w in words)
        found.append(Claim(Item.SOURCES, key, "from " + name, Weight.PLAIN, not negated, name))
    if not found:
        found.extend(_described_sources(clause, negated))
    return found


_NAMED_CATEGORY = LazyPattern(r"\b((?:[A-Z][a-z]+[ -]){1,3})(Data|Information)\b")
_NOT_CATEGORY = frozenset({"personal", "your", "this", "such", "other", "additional", "all", "any", "certain", "the",
                           "our", "sensitive", "about", "of", "user", "customer", "member", "some", "more", "that",
                           "these", "those", "which", "what", "how", "why", "where", "when", "data", "information",
                           "general", "further", "protection", "privacy", "processing", "related", "relevant",
                           "following", "categories", "category", "types", "type", "kinds", "collected", "public",
                           "we", "use", "you", "provide", "collect", "share", "is", "are", "and", "or", "for", "with",
                           "to", "from", "in", "on", "at", "by", "used", "shared", "processed"})


# The title of a section or heading a sentence points to, unquoted ("as described in the section above titled
# How We Secure and Store Your Information"): its capitalised words are the heading's, a place to read on,
# and name no kind of data ("Store Your Information"). The title runs over capitalised words and the small
# words a title keeps in lower case.
_TITLE_POINTED = LazyPattern(r"\b(?:titled|entitled|headed)\s+[“\"‘']?(?:[A-Z][\w’'-]*|&)"
                             r"(?:\s+(?:[A-Z][\w’'-]*|and|or|of|the|to|for|a|an|in|on|at|with|by|about|from|&))*")


def _named_categories(clause: str, negated: bool, terms: Lexicon) -> list[Claim]:
    """Categories a policy names in Title Case ('Voice Data', 'Age Check Data') that no term names."""
    found = []
    titles = [t.span() for t in _TITLE_POINTED.finditer(clause)]
    for match in _NAMED_CATEGORY.finditer(clause):
        if any(start <= match.start() and match.end() <= end for start, end in titles):
            continue     # a heading's words, where the sentence points to its section: a place to read
        name = match.group(1).strip(" -")
        words = [w for w in (w.lower() for w in re.split(r"[ -]+", name) if w) if w not in _NOT_CATEGORY]
        if not words:
            continue
        phrase_words = tokens(match.group(0))
        phrase = [stem(t) for t in phrase_words]
        if any(m.start == 0 and m.end == len(phrase) for m in terms.find(phrase, phrase_words)):
            continue     # 'Usage Data' is a term already
        found.append(Claim(Item.CATEGORIES, "named:" + " ".join(words), match.group(0), Weight.PLAIN, not negated,
                           match.group(0)))
    return found


# "We (also) collect the voice chat you have with other players": what a collecting verb takes as
# its object is a kind of data (Art. 13(1)(c), 14(1)(d)), whether or not a list knows its name.
_COLLECTING_VERBS = frozenset({"collect", "collects", "gather", "gathers", "capture", "captures", "record", "records"})
_BEFORE_VERB = frozenset({"we", "also", "may", "will", "can", "might", "could", "automatically", "sometimes", "often",
                          "further", "additionally", "and", "to", "then"})
_OBJECT_OPENERS = frozenset({"the", "your", "their", "a", "an", "some", "certain", "details", "each"})
_OBJECT_ENDS = frozenset({"you", "that", "which", "who", "when", "where", "while", "if", "from", "to", "with", "for",
                          "about", "on", "in", "by", "through", "via", "as", "and", "or", "of", "at", "so",
                          "because", "during", "after", "before", "we", "it", "they"})
_NOT_OBJECTS = frozenset({"information", "data", "it", "them", "this", "that", "these", "those", "following",
                          "such", "same", "other", "more", "less", "any", "all", "some", "certain", "details",
                          "personal", "types", "categories", "kinds", "way", "ways", "purposes", "no",
                          "nothing", "none"})


# The main verb that follows "the data we collect": what comes after it is no object of "collect".
_FINITE_AFTER_RELATIVE = frozenset({"is", "are", "was", "were", "will", "would", "may", "might", "can", "could",
                                    "must", "shall", "should", "has", "have", "had", "remains", "remain", "stays",
                                    "stay", "gets", "get", "becomes", "become"})


def _collected_objects(words: list[str], stems: list[str], covered: set[int], negated: bool) -> list[Claim]:
    """The noun phrase a collecting verb of the first person takes, when no term covers it."""
    found = []
    for i, word in enumerate(words):
        if word not in _COLLECTING_VERBS or i == 0 or words[i - 1] not in _BEFORE_VERB \
                or "we" not in words[max(0, i - 4):i]:
            continue
        if words[i + 1:i + 2] and words[i + 1] in _FINITE_AFTER_RELATIVE:
            continue     # "IP addresses we collect are deleted": the verb ends a relative clause
        j = i + 1
        while j < len(words) and words[j] in _OBJECT_OPENERS:
            j += 1
        phrase: list[int] = []
        while j < len(words) and len(phrase) < 4 and words[j] not in _OBJECT_ENDS and words[j].isalpha() \
                and j not in covered and not words[j].endswith("ly"):
            phrase.append(j)
            j += 1
        kept = [words[k] for k in phrase if words[k] not in _NOT_OBJECTS]
        if not phrase or not kept or (j < len(words) and j in covered) or (j < len(words) and words[j] == "of"):
            continue     # nothing named, or a phrase a term goes on to name ("the content of your messages")
        key = "object:" + "_".join(stems[k] for k in phrase if words[k] not in _NOT_OBJECTS)
        label = " ".join(words[k] for k in phrase)
        found.append(Claim(Item.CATEGORIES, key, label, Weight.PLAIN, not negated, label))
    return found


_LIST_LEAD = LazyPattern(r"\b(?:include|includes|including|such as|like|e\.g\.,?|namely|for example,?)\s+(.+)$",
                        re.IGNORECASE)
_NAME = LazyPattern(r"^(?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&))*$")


def _listed_names(clause: str, negated: bool) -> list[Claim]:
    """Companies listed as recipients: 'key service providers include Stripe, Zendesk and Meta Platforms'."""
    lead = _LIST_LEAD.search(clause)
    if lead is None:
        return []
    found = []
    for item in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", lead.group(1).strip(" .;:")):
        item = re.sub(r",?\s+(?:Inc|LLC|Ltd|Limited|Corporation|Corp)\.?$", "", item.strip(" .;:()"))
        if not item or not _NAME.match(item) or item.split()[0].lower() in _NOT_NAMES or _place_or_instrument(item):
            continue
        found.append(Claim(Item.RECIPIENTS, "org:" + item.lower(), item, Weight.PLAIN, not negated, item))
    return found


_NAMING_CUES = _stems("share", "shared", "shares", "sharing", "disclose", "disclosed", "transfer", "transferred",
                      "send", "sends", "sent", "upload", "uploaded",
                      "sell", "sold", "refer", "referred", "forward", "forwarded", "pass", "passed", "transmit",
                      "transmitted", "provide", "provides", "provided", "report", "reports", "reported")
_CAPITALISED = LazyPattern(r"(?<=[a-z,;] )[A-Z][a-z]+|(?<=[a-z,;] )[A-Z]{2,}")
_DETERMINERS = frozenset({"our", "the", "their", "your", "other", "certain", "some", "various", "trusted"})


_RECIPIENT_HEAD_STEMS = frozenset(stem(w) for w in RECIPIENT_HEADS) | frozenset(stem(w + "s") for w in RECIPIENT_HEADS)
_VERB_STEMS = COLLECTION | DISCLOSURE | USE | RETENTION_CUES | RIGHTS_CUES
_NOUNS_LIKE_VERBS = frozenset({"order", "support", "usage", "access", "purchase", "transaction", "payment", "account",
                               "location", "search", "storage", "service", "request", "record", "log", "sale",
                               "transfer", "exchange", "trade", "license", "health", "activity", "control"})


# -- what it takes to exercise a right ---------------------------------------------------------------
# GDPR Art. 12(2)-(5): rights are exercised free of charge, within a month, with no more proof of
# identity than needed and by the means the controller offers. A fee, a proof, a condition or a
# longer wait added, or a way to ask taken away, narrows the right as much as removing it.

# A fee denied, in any of the ways a notice says asking is free (Art. 12(5)): "free of charge", "at no cost", a
# fee denied with the verb that charges it ("No fee is charged", "we will not charge you a fee") and a cost denied
# ("costs you nothing", "does not cost you anything", "nothing to pay"). The verb goes with the denial: left
# behind, "is charged" or "costs" would read as the fee itself. One definition for the burdens, the promises of
# exercising a right and the plain voice's "free before" (`prose._FREE_ASKING`).
NO_FEE = (r"free of (?:charge|cost)|for free|without (?:any )?(?:charge|fee|cost|payment)s?|"
          r"at no (?:extra )?(?:charge|cost)|"
          r"no (?:fee|charge|cost|payment)s?(?: (?:is|are|will be|shall be) (?:charged|payable|due|asked|requested))?|"
          r"(?:not|never|\w+n['’]t) (?:charge|cost)(?: you)?(?: a| any)?"
          r"(?: fees?| charges?| anything| a penny| a thing)?|"
          r"costs? (?:you )?nothing|nothing to pay")
_FREE = LazyPattern(rf"\b(?:{NO_FEE}|free)\b", re.IGNORECASE)
_FEE = LazyPattern(r"\b(?:fees?|charges?|charged|pay|payment of|costs?)\b", re.IGNORECASE)
# A proof of identity asked for: a government ID the lexicon names ("a copy of your driving
# licence"), a passport however it is put, or a sworn or notarised statement.
_PROOF = LazyPattern(r"\b(?:passports?|notari[sz]ed|sworn|affidavit)\b", re.IGNORECASE)
# A condition put on a right ("if you hold a premium subscription", "provided that"); wishes and
# questions ("if you wish", "if you have any questions") condition nothing.
_RIGHT_CONDITION = LazyPattern(r"\b(?:only(?: if| when| where| once| after)?|provided that|on condition that|"
                               r"excluding|except|unless|other than|not including|with the exception of|"
                               r"subject to|as long as you|"
                               # A step the reader must take first ("once you have first raised it with
                               # us", "you must first contact us", "after waiting 60 days"): the right waits
                               # on the company's turn (Art. 12(2); a complaint to an authority, Art. 77, on none).
                               r"(?:once|after|until|before|when)\s+(?:(?:you|they|users|members|customers)\s+)?(?:have\s+)?first|"
                               # The same step naming who may exercise the right ("users who have
                               # first raised the matter with us may also complain").
                               r"(?:who|that)\s+(?:have|has)\s+first|"
                               r"(?:must|need to|are required to|have to|shall)\s+first|"
                               r"after (?:waiting|allowing us|giving us)|"
                               # "even if you opt out" concedes, "if you no longer want" is a wish: no condition.
                               # (the occasion to ask, "if you have a concern or complaint", is no condition either)
                               r"(?<!even )if you (?!wish|want|would|prefer|like|choose|have any|"
                               r"have questions|do not|don['’]t|no longer|are not satisfied|"
                               r"have (?:an? )?(?:concerns?|complaints?|questions?|problems?|issues?|quer(?:y|ies)|"
                               r"disputes?)\b|feel|believe|think|are (?:unhappy|dissatisfied|concerned))\w+|"
                               r"once (?:per|a|every)|"
                               # A right given only where a law asks for it, or "…; otherwise …".
                               r";\s*otherwise|"
                               # A right given to the residents of some places only ("and you reside in
                               # a state whose law provides it", "residents of the EEA may …").
                               rf"{_THEY_LIVE}|{_RESIDENTS_OF}|{_WHOSE_LAW_GIVES})\b|"
                               + _AS_THE_LAW_ALLOWS,
                               re.IGNORECASE)
# A form the request must take beyond what asking needs: a signature on paper, a notarised or
# sworn statement, a visit in person, a letter sent by registered post (GDPR Art. 12(2): the
# controller facilitates; Art. 7(3): withdrawing consent is as easy as giving it).
_FORMALITY = LazyPattern(r"\bsigned\s+(?:and\s+dated\s+)?(?:\w+\s+)?(?:letters?|requests?|forms?|statements?|"
                         r"declarations?|documents?|applications?|notices?|copy|copies)\b|"
                         r"\b(?:handwritten|hand-written|wet|original|physical)\s+signatures?\b|"
                         r"\bsign(?:ing)?\s+and\s+(?:mail|post|send|return)\w*|"
                         r"\bin person\b|\bby (?:registered|certified|recorded)\s+(?:mail|post|letter)\b",
                         re.IGNORECASE)
_EXERCISE = LazyPattern(r"\b(?:exercise|requests?|rights?|ask|contact|reach|complaints?|questions?|opt[- ]out|"
                        r"unsubscribe|withdraw)\b", re.IGNORECASE)
_RESPONSE = LazyPattern(r"\b(?:respond|reply|answer|response|fulfil|fulfill|handle|complete|process|action)\w*\b",
                        re.IGNORECASE)
_ADVANCE_NOTICE = LazyPattern(r"(?:['’]s?)?\s*(?:(?:prior|advance|written|of)\s+)*(?:notice|notification|warning)\b|"
                              r"\s+(?:in advance|beforehand|ahead)\b", re.IGNORECASE)
_CHANNELS = (
    ("email", LazyPattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\be-?mail(?:ing)? us\b|\bby e-?mail\b", re.IGNORECASE)),
    ("phone", LazyPattern(r"\b(?:by (?:tele)?phone|call(?:ing)? us|phone (?:us|number)|toll[- ]free|hotline)\b|"
                          r"\+?\d[\d ()-]{6,}\d", re.IGNORECASE)),
    ("post", LazyPattern(r"\b(?:by (?:post|mail|letter|regular mail|postal mail)|in writing|write to us|"
                         r"writing to us|postal address|mailing address)\b|"
                         # (revfa29: a contact block's labelled line, "Post: Raidline Oy, …", "Mail: …")
                         r"(?<![-\w])(?:post|postal address|mailing address|mail)\s*:[*_\s]*\w", re.IGNORECASE)),
    ("form", LazyPattern(r"\b(?:web ?form|online form|request form|contact form|privacy portal|privacy center|"
                         r"privacy centre|self-service|our portal|form on our)\b", re.IGNORECASE)),
    # A link the reading form no longer shows ("contact our Data Protection Officer [here](…)").
    ("link", LazyPattern(r"\b(?:here|online|this (?:form|page|link)|the (?:link|page|form) below|visit)\b",
                         re.IGNORECASE)),
)


def burdens(text: str) -> frozenset[str]:
    """What a sentence puts on exercising a right: a fee, a proof of identity, a condition."""
    found = set()
    if _FEE.search(_FREE.sub(" ", text)):
        found.add("fee")
    words = tokens(text)
    if _PROOF.search(text) or any(m.term.key == GOVERNMENT_ID for m in lexicon().find([stem(w) for w in words], words)):
        found.add("proof of identity")
    if any(not _widened_residence(text, m) for m in _RIGHT_CONDITION.finditer(text)):
        found.add("condition")
    if _FORMALITY.search(text):
        found.add("signature or visit")
    return frozenset(found)


# What a right is promised with, beyond being given: at any time (GDPR Art. 7(3) for consent, Art. 21
# and 77 for objecting and complaining), free of charge (Art. 12(5)).
_ASSURANCES = (
    ("at any time", LazyPattern(r"\b(?:at any (?:time|point|moment)|any ?time|at all times|"
                                r"whenever (?:you|they|users|members|customers) (?:wish|want|like|choose|decide|need)|"
                                r"as often as (?:you|they|users|members|customers) (?:like|wish))\b",
                                re.IGNORECASE)),
    ("free of charge", LazyPattern(rf"\b(?:{NO_FEE})\b", re.IGNORECASE)),
)


def assurances(text: str) -> frozenset[str]:
    """What a sentence promises of exercising a right: "at any time", "free of charge"."""
    return frozenset(name for name, pattern in _ASSURANCES if pattern.search(text))


def exercises_rights(text: str) -> bool:
    """The sentence speaks of asking the controller something (a right, a request, a contact)."""
    return _EXERCISE.search(text) is not None


def channels(text: str) -> frozenset[str]:
    """The ways to reach the controller a sentence offers (email, phone, post, a form)."""
    return frozenset(name for name, pattern in _CHANNELS if pattern.search(text))


def without_channels(text: str) -> str:
    """`text` less the words that name a way to reach the controller (an address, a number, "by post", a form)."""
    for _, pattern in _CHANNELS:
        text = pattern.sub(" ", text)
    return text


def response_days(text: str) -> float | None:
    """The longest time a sentence gives for answering a request, in days."""
    if not _RESPONSE.search(text):
        return None
    # Advance notice ("at least 45 days' notice before we add a sub-processor") is time the reader is
    # given, not time the controller takes: a longer one is more protection, never a slower answer.
    days = [_days(v, m.group(2)) for m in _DURATION.finditer(text)
            if (v := _number(m.group(1))) is not None and not _ADVANCE_NOTICE.match(text, m.end())]
    return max(days, default=None)


# Time the reader is given: notice before something takes effect or happens ("at least 30 days
# before the changes take effect", "30 days' notice", "14 days in advance"), or time to act on it
# ("you will have 60 days to object"). The period before an event counts only where the sentence
# tells the reader something (a period "before deleting them" is how long data is kept).
_BEFORE_EVENT = LazyPattern(r"\s+(?:before|prior to|ahead of|in advance of)\b", re.IGNORECASE)
_TELLING = LazyPattern(r"\b(?:notif\w*|notices?|tell|inform\w*|warn\w*|alert|let you know|e-?mail you|"
                       r"message you|post(?:s|ed)?)\b", re.IGNORECASE)
_TIME_TO_ACT = LazyPattern(r"\byou (?:will |shall |would )?(?:have|get|be given|are given)\s+"
                           r"(?:at least\s+|up to\s+)?\Z", re.IGNORECASE)
_TO_ACT = LazyPattern(r"\s+(?:to|in which to)\s+(?:object|opt out|cancel|withdraw|respond|review|decide|delete|"
                      r"close|download|export|reject|refuse|tell us)\b", re.IGNORECASE)


# Time the reader has to exercise a right: "you can appeal the decision within 90 days of …",
# "objections must be submitted within 60 days": a window on the right, not a period data is kept
# nor one the company takes (a clause of the company's own, "and we will do so within 30 days",
# breaks the reading).
_READER_WINDOW = LazyPattern(
    r"\b(?:you|users?|members?|customers?|consumers?|requesters?)\s+(?:\w+\s+)?(?:can|may|must|need to|have to|"
    r"are able to|have the right to|are entitled to)\s+(?:(?!(?:we|they|and|but|then|so|which|where)\b)"
    r"[^\s.;!?]+\s+){1,16}?(?:within|no later than|not later than)\s+\Z"
    r"|\b(?:appeals?|requests?|complaints?|objections?|claims?|disputes?)\s+(?:[^\s.;!?]+\s+){0,8}?"
    r"(?:must|should|need to|have to|shall)\s+be\s+(?:\w+\s+){0,2}?(?:made|submitted|filed|lodged|sent|received|"
    r"brought|raised)\s+(?:(?!(?:we|they)\b)[^\s.;!?]+\s+){0,8}?(?:within|no later than|not later than)\s+\Z",
    re.IGNORECASE)


def _in_reader_window(text: str, match: re.Match[str]) -> bool:
    """The duration `match` of `text` is time the reader has to act on a right (read in a window
    before it, so a long sentence costs its length, not its square)."""
    return _READER_WINDOW.search(text[max(0, match.start() - 240):match.start()]) is not None


def reader_window(text: str) -> float | None:
    """The shortest time, in days, a sentence gives the reader to exercise a right, or None."""
    days = [_days(v, m.group(2)) for m in _DURATION.finditer(text)
            if (v := _number(m.group(1))) is not None and _in_reader_window(text, m)]
    return min(days, default=None)


def reader_days(text: str) -> float | None:
    """The shortest time a sentence gives its reader before a change or event, or to act on it, in
    days ("we will notify you at least 30 days before they take effect" -> 30), or None."""
    days = []
    telling = _TELLING.search(text) is not None
    for match in _DURATION.finditer(text):
        value = _number(match.group(1))
        if value is None:
            continue
        given = _ADVANCE_NOTICE.match(text, match.end()) \
            or (telling and _BEFORE_EVENT.match(text, match.end())) \
            or (_TIME_TO_ACT.search(text[:match.start()]) and _TO_ACT.match(text, match.end())) \
            or _in_reader_window(text, match)
        if given:
            days.append(_days(value, match.group(2)))
    return min(days, default=None)


# Notice before a change takes effect, told without a period ("we will notify you before the changes take
# effect", "… to give you the opportunity to review the changes before they become effective", "we will let
# you know in advance"): the reader learns of the change while it can still be reviewed, objected to or left
# (GDPR Art. 12(1), 13(3); FTC: material changes are noticed before they apply). notify36.
_BEFORE_EFFECT = LazyPattern(
    r"\b(?:before|prior to|ahead of|in advance of)\s+(?:(?:it|they|the|any|such|these|those|this|that|a|an|our|its|"
    r"their|each|your)\s+)?(?:[\w-]+\s+){0,3}?(?:takes?|taking|took|becomes?|becoming|goes|go|going|comes?|coming|"
    r"enters?|entering|applies|apply|applying|is|are)\s+(?:into\s+)?(?:effect|effective|force|live|applicable|"
    r"in force|operative)\b|"
    r"\b(?:before|prior to|ahead of|in advance of)\s+(?:(?:it|they|the|any|such|these|those|this|that|our|its|"
    r"their|each)\s+)?(?:\w+\s+){0,2}?(?:effective date|changes?|updates?|amendments?|revisions?)\b(?!\s+(?:to|of)\s+"
    r"(?:your|the)\s+(?:account|settings|profile|data))|"
    r"\b(?:before|prior to|ahead of)\s+(?:it|they|these|those|the changes?|such changes|"
    r"(?:the|this) (?:new|updated|revised|amended) (?:\w+\s+)?(?:policy|statement|notice|version|terms))"
    r"\s+(?:apply|applies|kicks? in|starts?|begins?)\b|"
    r"\b(?:in advance|beforehand|ahead of time)\b", re.IGNORECASE)


def advance_notice(text: str, telling: bool = True) -> int:
    """How far ahead a sentence that tells the reader something tells it, before a change or event: 2 for
    a period before it ("at least 30 days before the changes take effect", "30 days' notice"), 1 for a
    notice before it with no period ("before they become effective", "in advance"), 0 for none ("when it
    takes effect", "we will post the updated policy"). With `telling` False, a sentence that goes on about a
    notice told in another ("You'll get that message at least 14 days in advance") counts too."""
    if telling and not _TELLING.search(text):
        return 0
    # (a period before the event only: a window the reader has to act in, "you may object within 30 days", cut
    # gives the reader more time, not less)
    if any(_ADVANCE_NOTICE.match(text, m.end()) or _BEFORE_EVENT.match(text, m.end())
           for m in _DURATION.finditer(text) if _number(m.group(1)) is not None):
        return 2
    return 1 if _BEFORE_EFFECT.search(text) else 0


# Time before the reader's choice to stop a processing is acted on ("Please allow up to 30 days for your
# choice to take effect", "We will action your request within 30 days" after "To withdraw your
# consent"): consent withdrawn (GDPR Art. 7(3)), an objection (Art. 21(3)) or an opt-out stops the
# processing; a wait put on it lets the processing go on after the reader said stop. The choice is
# named in the sentence or in its paragraph; an answer to any other request is `response_days`'.
_STOPPING = LazyPattern(r"\b(?:withdraw\w*|revok\w*|opt(?:s|ed|ing)?[- ]?outs?|objections?|unsubscrib\w*)\b",
                        re.IGNORECASE)
_ACTED_ON = LazyPattern(r"\b(?:takes?|taking|to take) effect\b|"
                        r"\b(?:action|process|honou?r|implement|apply|give effect to|complete|fulfil+)\w*\s+"
                        r"(?:\w+\s+){0,2}?(?:requests?|choices?|withdrawals?|opt[- ]?outs?|preferences?|objections?)\b|"
                        r"\b(?:be|been|is|are)\s+(?:fully\s+)?(?:processed|actioned|honou?red|implemented|applied|"
                        r"reflected)\b", re.IGNORECASE)


# A control the reader works themselves ("adjust the relevant control", "in your privacy settings",
# "the toggle"), the way of giving consent and so of withdrawing it as easily (Art. 7(3)).
OWN_CONTROL = LazyPattern(r"\b(?:controls?|settings?|toggles?|switch(?:es)?|preference (?:centre|center|page)|"
                           r"dashboard)\b", re.IGNORECASE)


def stops_by_control(text: str) -> bool:
    """The sentence lets the reader stop a processing (withdraw consent, object, opt out) with a
    control of their own."""
    return bool(_STOPPING.search(text) and OWN_CONTROL.search(text))


def stops_processing(text: str) -> bool:
    """The sentence speaks of the reader stopping a processing (consent withdrawn, an objection, an opt-out)."""
    return _STOPPING.search(text) is not None


def stop_delay(text: str, context: str = "") -> float | None:
    """The longest time, in days, a sentence says the reader's choice to stop a processing (consent
    withdrawn, an objection, an opt-out, named in the sentence or in `context`, its paragraph) waits
    before it is acted on, or None."""
    if not _ACTED_ON.search(text) or not (_STOPPING.search(text) or _STOPPING.search(context)):
        return None
    days = [_days(v, m.group(2)) for m in _DURATION.finditer(text) if (v := _number(m.group(1))) is not None]
    return max(days, default=None)


# Steps a request must go through, each one the reader or their agent is required to take ("Lenovo
# will require: (i) you to provide the agent written permission; and (ii) your agent to verify their
# identity"; "you must confirm the request from your e-mail"): one more step asked makes the right
# harder to exercise (GDPR Art. 12(2); CCPA regulations §7063 lists what may be asked of an agent's request).
_REQUIRER = LazyPattern(r"\b(?:requires?|required|requiring|ask|asks)\b", re.IGNORECASE)
_REQUIRED_STEP = LazyPattern(r"\b(?:you|your (?:\w+ )?agents?|the (?:\w+ )?agents?|requesters?|(?:the )?consumers?)\s+"
                             r"(?:(?P<to>to)|(?:will\s+)?(?:must|need to|have to|(?:are|is|will be) required to))\s+"
                             r"(?:also\s+|first\s+|then\s+)?(?!be\b|have\b|do so\b)[a-z]+", re.IGNORECASE)


def required_steps(text: str) -> int:
    """How many steps a sentence requires of the reader or their agent before a request is met: each
    "you must …", and each "you to …" after a verb of requiring ("allows you to download" is none)."""
    return sum(1 for m in _REQUIRED_STEP.finditer(text)
               if not m.group("to") or _REQUIRER.search(text[:m.start()]))


# An exception to deleting or to a retention period ("unless we need it to improve our services");
# one that only defers to the law ("unless the law requires us to keep it") keeps nothing longer
# than the law already does (Art. 17(3)(b)).
EXCEPTION_CLAUSE = LazyPattern(r"\b(?:unless|except|other than|apart from|save)\b([^.;]*)", re.IGNORECASE)
LEGAL_DUTY = LazyPattern(r"\b(?:laws?|legal(?:ly)?|regulat\w*|statut\w*|court|authorit\w*|obligat\w*|"
                          r"tax|accounting)\b", re.IGNORECASE)


def retention_exceptions(text: str) -> int:
    """How many exceptions a sentence makes to deleting data that are not a legal duty."""
    return sum(1 for m in EXCEPTION_CLAUSE.finditer(text) if not LEGAL_DUTY.search(m.group(1)))


# -- lists ---------------------------------------------------------------------------------------------
_LIST_SPLIT = LazyPattern(r",\s*(?:and|or)?\s*|\s+(?:and|or|as well as)\s+|;\s*", re.IGNORECASE)
_LIST_VERBS = DISCLOSURE | COLLECTION | USE


def list_members(text: str) -> list[frozenset[str]]:
    """The members of a sentence's coordinations ("A, B and C"), each as its content-word stems;
    the lead-in and the tail go with the first and the last member."""
    members = []
    for part in _LIST_SPLIT.split(text):
        stems = frozenset(stem(w) for w in tokens(part) if w not in _CONTENT_STOP and len(w) > 1)
        if stems:
            members.append(stems)
    return members


def grown_members(old: str, new: str) -> list[frozenset[str]]:
    """Members a list of `new` adds to the same list of `old`, when that is all that changed: every
    old word kept, and each new member made of words the old sentence did not use."""
    before, after = list_members(old), list_members(new)
    old_words = frozenset().union(*before) if before else frozenset()
    new_words = frozenset().union(*after) if after else frozenset()
    # The same lead-in ("We share it with A, B" -> "We share it with A, B and C"): a member put
    # before it ("Some US state laws, including the CCPA, …") rewrites the sentence, it extends nothing.
    if len(before) < 2 or len(after) <= len(before) or not old_words <= new_words or before[0] != after[0]:
        return []
    # A party's head noun ("services", "companies", "providers") names no kind of party: a member
    # whose other words are all new is a new kind of recipient, though its head is the old list's
    # ("payment processors; shipping companies" + "fraud screening services", Art. 13(1)(e)).
    grown = [m for m in after[1:] if len(m) <= 6 and (m - _PARTY_HEADS) and not (m - _PARTY_HEADS) & old_words]
    return grown if len(grown) == len(after) - len(before) else []


_PARTY_HEADS = _RECIPIENT_HEAD_STEMS | frozenset(stem(w) for w in (
    "service", "services", "company", "companies", "organisation", "organisations", "organization",
    "organizations", "business", "businesses", "entity", "entities"))


def speaks_of_lists(statement: Statement) -> bool:
    """The sentence's list is one of what is collected, used or disclosed, or of whom to: its
    lead-in has such a verb, or its members are kinds of data, recipients or purposes; a list of
    what the law requires ("for tax, accounting and audit purposes") is none."""
    text = statement.text
    if _DENIAL.search(text) or LEGAL_DUTY.search(text):
        return False
    members = list_members(text)
    lead = members[0] if members else frozenset()
    listed = any(c.positive and c.weight is not Weight.VAGUE and c.item in (
        Item.CATEGORIES, Item.SENSITIVE, Item.RECIPIENTS, Item.PURPOSES, Item.SOURCES) for c in statement.claims)
    return bool(lead & _LIST_VERBS) or listed
