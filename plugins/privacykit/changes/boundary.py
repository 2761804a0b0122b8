"""Two boundaries between notice and consent, decided by rule (boundary39).

The same edit needs consent or a notice depending on what the text says around it: a call with the company's
own staff newly recorded (consent where German law applies, § 201 StGB, or where the call carries health data
or a child speaks; a notice for a sales or support call on legitimate interests), and a decision now taken
without a person (consent under Art. 22(2)(c) unless it has no legal or similarly significant effect or the text
gives the contract's necessity or a law as its ground, Art. 22(2)(a)-(b); special-category data in it always
consent, Art. 22(4)). The conditions, actions and sources live in `rules/boundaries.yml`, where a lawyer reviews
them; this module only reads the inputs they name from the text and asks the file which action applies.

Each input is read from plain text (the sentence that tells the change, with the sentence after it in its
block; the whole statement for the jurisdiction), cheaply: the readings call it only for a sentence one of them
already found telling the change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import shipped_file
from ..model.region import primary_language
from .text import LazyPattern

BOUNDARIES = "rules/boundaries.yml"
SPOKEN_WORD = "spoken_word_recorded"
AUTOMATED_DECISION = "automated_decision"


@dataclass(frozen=True)
class Ruling:
    """The action a boundary's first condition that holds gives, and why."""

    action: str             # "consent" or "notify"
    inputs: tuple[str, ...]  # the condition's inputs (empty: the boundary's default)
    source: str
    reader: str


@lru_cache(maxsize=1)
def _boundaries() -> dict:
    from ..load.yamlio import load_yaml  # (read only when a boundary is asked: not at start-up)

    return load_yaml(shipped_file(BOUNDARIES).read_text("utf-8"), BOUNDARIES, fast=True)["boundaries"]


def ruling(boundary: str, inputs: frozenset[str]) -> Ruling:
    """The ruling of `boundary` (a key of `rules/boundaries.yml`) for the inputs that hold in the text."""
    for condition in _boundaries()[boundary]["when"]:
        needed = tuple(condition.get("inputs") or ())
        if all(i in inputs for i in needed) and not any(i in inputs for i in condition.get("unless") or ()):
            return Ruling(condition["action"], needed, condition["source"], condition["reader"])
    raise ValueError(f"{BOUNDARIES}: {boundary} has no default condition")


# -- inputs ----------------------------------------------------------------------------------------------------

# German law governs the controller: the statement is written in German (its statute names survive the English
# reading: "DSGVO", "BDSG", "§ 31a SGB X"), names a German commercial register ("Amtsgericht Köln, HRB 98412"),
# or names the controller with a seat in Germany ("The controller is Kestrel Motorwerke AG, …, München,
# Germany"). A processor's or a data centre's seat in Germany is not the controller's.
_GERMAN_LAW = LazyPattern(
    r"\b(?:DSGVO|BDSG|TTDSG|TDDDG|StGB|SGB|Amtsgericht|Registergericht|HRB\s*\d+)\b"
    r"|\bcontroller\b[^.\n]{0,200}?\b(?:Germany|Deutschland)\b"
    r"|\b(?:Germany|Deutschland)\b[^.\n]{0,40}?\bis\s+(?:the\s+)?(?:data\s+)?controller\b")

# Special-category data carried in the call or deciding the matter (Art. 9(1)): health and care (a
# consultation with a clinician, a prescription, readings of the body), and the other classes by name.
_SPECIAL = LazyPattern(
    r"\b(?:health\w*|medical|medicines?|medication|prescri\w+|clinic\w*|clinician\w*|doctors?|physicians?|"
    r"pharmacists?|therap\w+|nurses?|patients?|diagnos\w+|symptoms?|treatments?|telehealth|telemedicine|"
    r"heart\s+rate|sleep\w*|blood|readiness|mental|pregnan\w*|disabilit\w*|biometric\w*|genetic\w*|"
    r"religio\w*|ethnic\w*|racial|sexual\w*|sex\s+life|political|trade\s+union|krankenkasse|gesundheit\w*|"
    r"ärzt\w*|arzt\w*)\b", re.IGNORECASE)

# A child on the call: a child, a minor, a pupil, a parent calling for one.
_CHILD = LazyPattern(r"\b(?:child(?:ren|'s|’s)?|kids?|minors?|pupils?|under\s+(?:the\s+age\s+of\s+)?1[0-8]|"
                     r"kinder\w*|sch[üu]ler\w*)\b", re.IGNORECASE)

# The effect of the decision, by the kind of matter it settles. Significant: what the user may have, do or pay
# (an account, a payout, credit, a price, an order, a booking, a claim, a job, insurance cover).
_SIGNIFICANT_EFFECT = LazyPattern(
    r"\b(?:ban\w*|suspen\w*|terminat\w*|clos(?:e|es|ed|ing|ure)|deactivat\w*|block\w*|restrict\w*|disabl\w*|"
    r"withh\w+|hold|holds|held|freez\w*|frozen|payouts?|payments?|pay\s+later|credit\w*|loans?|financ\w*|"
    r"instal+ments?|invoice|price\w*|premiums?|discounts?|refunds?|claims?|orders?|bookings?|purchases?|"
    r"applica\w+|applicants?|candidates?|openings?|vacanc\w+|jobs?|hir(?:e|es|ed|ing)|employment|insur\w+|cover|"
    r"quot\w+|eligib\w*|"
    r"cancel\w*|refus\w*|declin\w*|reject\w*|den(?:y|ies|ied)|deletion|delete\w*|"
    r"konto|sperr\w*|kündig\w*|kredit\w*|bonität\w*|rechnung)\b", re.IGNORECASE)
# ... or only how and when the user is contacted, what is suggested or shown first, or a level of practice:
# no legal or similarly significant effect (WP251 rev.01, III.B).
_MINOR_EFFECT = LazyPattern(
    r"\b(?:contact\w*|reach(?:es|ing)?\s+out|approach\w*|follow[- ]?ups?|call\s+you\s+back|"
    r"suggest\w*|recommend\w*|practi[cs]e\s+(?:questions|exercises|tasks)|levels?|"
    r"order\s+in\s+which|shown\s+first|prioriti[sz]\w*)\b", re.IGNORECASE)

# The ground of Art. 22(2)(a)-(b) given in the text: the decision necessary for entering into or performing the
# contract, or authorised by a law (cited by its article or its statute; "as required by law" is said of too much
# else to be read as one).
_CONTRACT_OR_LAW = LazyPattern(
    r"\bArt(?:icle|\.)?\s*22\s*(?:\(2\)\s*\(?[ab]\)|Abs\.?\s*2\s*(?:S\.\s*1\s*)?(?:lit\.?|Buchst\.?)?\s*[ab]\b|"
    r"para(?:graph)?\.?\s*2\s*\(?[ab]\))"
    r"|\b(?:necessary|required|needed|erforderlich)\b[^.;]{0,80}?\b(?:contract|agreement|vertrag\w*)\b"
    r"|\b(?:authori[sz]ed|permitted)\s+by\s+(?:the\s+)?(?:EU\s+|Union\s+|Member\s+State\s+|national\s+)?"
    r"(?:law|legislation|statute)\b"
    r"|§\s*\d+\w*\s+(?:Abs\.\s*\d+\s+)?(?:SGB|BDSG|AO|VwVfG)\b", re.IGNORECASE)


# (fragile41) A controller's seat named in a country whose law is not German criminal law of the spoken word: any
# country name (in English, as the reading glosses some, or in German, as the text writes others) but Germany,
# Austria, Switzerland and Liechtenstein, in a sentence that names the controller ("Verantwortlicher ist Example
# Ltd, …, Dublin, Irland"; glossed "controller"). A processor's or a data centre's country is not the seat.
_GERMAN_LAW_COUNTRIES = frozenset({"DE", "AT", "CH", "LI"})


@lru_cache(maxsize=1)
def _seat_elsewhere() -> re.Pattern[str]:
    from babel import Locale  # (loaded only when a German text's recorded call is ruled)

    from ..model.vocabulary import countries as iso_countries

    # (countries only, as ISO 3166-1 assigns them: not "European Union", "Eurozone" or "Unknown Region")
    names = {name for code in ("en", "de") for key, name in Locale(code).territories.items()
             if key in iso_countries() and key not in _GERMAN_LAW_COUNTRIES}
    countries = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:controller|verantwortlich\w*)\b[^.\n]{{0,200}}?\b(?:{countries})\b", re.IGNORECASE)


def seat_outside_german_law(statement: str) -> bool:
    """The statement names its controller with a seat outside Germany, Austria, Switzerland and Liechtenstein."""
    return _seat_elsewhere().search(statement) is not None


def german_law(statement: str) -> bool:
    """Whether German law governs the statement's controller (read on the whole statement)."""
    return _GERMAN_LAW.search(statement) is not None


def special_data(text: str) -> bool:
    return _SPECIAL.search(text) is not None


def child(text: str) -> bool:
    return _CHILD.search(text) is not None


def no_significant_effect(text: str) -> bool:
    """The decision settles only how or when the user is contacted, what is suggested or shown, or a level of
    practice, and nothing the user may have, do or pay. (A text's own "no legal or similarly significant effect"
    is not read: it is said of the search results beside a fraud block as often as of the decision itself.)"""
    return _MINOR_EFFECT.search(text) is not None and _SIGNIFICANT_EFFECT.search(text) is None


def contract_or_law(text: str) -> bool:
    return _CONTRACT_OR_LAW.search(text) is not None


def spoken_word_ruling(sentence: str, around: str, statement: str, language: str = "") -> Ruling:
    """The ruling on a call or consultation with the company's own staff newly recorded: `sentence` tells it,
    `around` is its section (the call's subject and who speaks), `statement` the whole new text (in its English
    reading), `language` the language the statement is written in (`language.read_pair`; "" for English)."""
    told = f"{sentence} {around}"
    german = primary_language(language) == "de"
    elsewhere = lambda: german and seat_outside_german_law(statement)  # noqa: E731
    inputs = {name for name, holds in (("german_law", lambda: german_law(statement)),
                                       ("written_in_german", lambda: german),
                                       ("seat_outside_german_law", elsewhere),
                                       ("special_data", lambda: special_data(told)),
                                       ("child", lambda: child(sentence))) if holds()}
    return ruling(SPOKEN_WORD, frozenset(inputs))


def decision_ruling(sentence: str, following: str = "") -> Ruling:
    """The ruling on a decision about the user now taken without a person, told by `sentence` (with the
    sentence `following` it in its block)."""
    told = f"{sentence} {following}"
    inputs = {name for name, holds in (("special_data", special_data), ("no_significant_effect",
                                                                         no_significant_effect)) if holds(told)}
    # (the ground only in the decision's own sentence: the next one's "as required by law" is said of other things)
    if contract_or_law(sentence):
        inputs.add("contract_or_law")
    return ruling(AUTOMATED_DECISION, frozenset(inputs))
