"""Data from other companies, kept apart from the user's profile, now combined with it to profile or target (consent29).

The old text let data another company sends (advertisers, ad, measurement or attribution partners, other sources)
in only as counts or for measuring campaigns: "only to measure our own ad campaigns", "in aggregate", "these are
counts, not people", "we do not combine it with your viewing activity". The new one combines it with the user's
account, profile or activity, or uses it to learn the user's interests or to choose the ads or offers the user
sees. Profiling that joins data from other sources to the user's own for behavioural advertising rests on consent,
not on a legitimate interest (CJEU C-252/21 Meta Platforms v Bundeskartellamt, para. 117-118; EDPB Guidelines 8/2020
on targeting, para. 86; GDPR Art. 6(1)(a), 6(4); CPRA 1798.140(ah) cross-context behavioural advertising).

The functions read plain text; the caller (`prose._Consent.other_source_combined`) finds the sentence's source.
"""

from __future__ import annotations

import re

from .items import affirmed_spans
from .text import LazyPattern

# Another company whose data comes in.
OTHER_SOURCE = LazyPattern(
    r"\b(?:advertis\w+|ads?|marketing|measurement|attribution|analytics|data|business|commercial)\s+"
    r"(?:partners?|networks?|vendors?)\b|\b(?:retailers|merchants|brands|publishers)\b"
    r"|\badvertisers?\b|\bthird[- ]part(?:y|ies)\b|\bother\s+(?:companies|businesses|services|sources|apps)\b"
    r"|\bdata\s+(?:brokers?|providers?|suppliers?)\b|\bpartners?\b", re.IGNORECASE)
# Joined to the user's own record: "combine it with your profile", "match them to Pling accounts".
_COMBINE = LazyPattern(
    r"\b(?:combin\w*|match\w*|link\w*|merg\w*|connect\w*|append\w*|enrich\w*|join\w*|tie|ties|tied)\b"
    r"[^.;]{0,60}?\b(?:to|with|into|onto)\s+(?:your|their|the\s+user['’]s|users['’]|members['’]|players['’]|"
    r"[A-Z][\w-]*)\s+(?:[\w-]+\s+){0,2}?(?:profiles?|accounts?|activity|activities|history|gameplay|usage|"
    r"behaviou?r|records?|data|information)\b", re.IGNORECASE)
# Put to profiling or targeting: "to learn what you are interested in", "to choose which ads you see".
_TARGETED = LazyPattern(
    r"\bto\s+(?:learn|infer|understand|work\s+out|figure\s+out|guess|predict)\s+(?:what|which)\b[^.;]{0,30}?"
    r"\b(?:interest\w*|like|likes|into|want)\b"
    r"|\bto\s+(?:pick|choose|select|target|decide|personali[sz]e|tailor|shape|rank)\b[^.;]{0,40}?"
    r"\b(?:ads?|adverts?|advertising|offers?|sponsored|promotions?|deals?|campaigns?\s+you)\b"
    r"|\bto\s+profile\s+(?:you|them|users|players|members|customers)\b|\binterest\s+profiles?\b", re.IGNORECASE)
# The old limit: measuring only, in aggregate, as counts, or a denial of joining or targeting.
_KEPT_APART = LazyPattern(
    r"\bonly\b|\baggregate\w*|\bcounts?\b|\btotals?\b|\bnumbers\b|\bstatistic\w*|\bstats\b|\banonymi[sz]\w*"
    r"|\bde-?identified\b|\bnot\s+(?:people|individuals|persons)\b"
    r"|\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)
_NEGATED = LazyPattern(r"\b(?:not|never|no|neither|nor|without)\b|n['’]t\b", re.IGNORECASE)
# Clauses of a sentence: a denial in one ("we do not combine it") does not reach the next ("and we combine it").
_CLAUSE = LazyPattern(r"[,;:]\s*|\s+(?:and|but|while|whereas)\s+(?=(?:we|it|they|our|this|these)\b)",
                      re.IGNORECASE)


def _affirmed_clauses(text: str) -> list[tuple[int, str]]:
    """The clauses of `text` that deny nothing, each with where it starts."""
    clauses, at = [], 0
    for clause in _CLAUSE.split(text):
        if not clause:
            continue
        start = text.find(clause, at)
        at = start + len(clause)
        if not _NEGATED.search(clause):
            clauses.append((start, clause))
    return clauses


def joined_or_targeted(text: str) -> str | None:
    """The words of an affirmed clause of `text` that joins data to the user's record or puts it to profiling or
    targeting, or None. The words must stand in what the reader's one reading of what a sentence affirms
    (`items.affirmed_spans`) affirms: a clause cut from its negation by a list's commas ("nothing from your video,
    audio or event history is used to target ads") is still denied."""
    spans = None
    for start, clause in _affirmed_clauses(text):
        found = _COMBINE.search(clause) or _TARGETED.search(clause)
        if found is None:
            continue
        spans = affirmed_spans(text) if spans is None else spans
        if any(a <= start + found.start() < b for a, b in spans):
            return found.group(0)
    # ("We match them to Pling accounts to pick sponsored messages": the end in a clause of its own)
    return None


def kept_apart(text: str) -> bool:
    """`text` let another source's data in only as counts or for measuring, or denied joining or targeting."""
    return _KEPT_APART.search(text) is not None and joined_or_targeted(text) is None
