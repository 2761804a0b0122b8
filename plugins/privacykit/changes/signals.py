"""Text signals: prose changes that may be material even where no declared fact changed.

Looked for inside the changed blocks of a redline:

* numbers that changed next to a unit of time or age ("16" -> "13", "30 days" -> "2 years");
* negation and modality flips ("do not sell" -> "may sell", "will not" -> "will");
* new terms for data, purposes and recipients (from the Fides taxonomy's names plus our
  own list), and removed terms for rights;
* new items in lists of data or recipients.

A signal may imply a kind of change (a lower minimum age, starting to sell); it is then
judged by the same rules as a declared-fact change, and always needs legal review.
Editorial changes — typo fixes, rewording without new terms, link updates, reordering,
spacing, a new street address — produce no signal.
"""

from __future__ import annotations

import enum
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model.rules import ChangeKind
from .redline import BlockStatus, SectionChange, SectionStatus

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)?")


class SignalKind(str, enum.Enum):
    NUMBER = "number"
    NEGATION = "negation"
    TERMS = "terms"
    REMOVED_TERMS = "removed-terms"
    LIST_ITEM = "list-item"


AGE_WORDS = {"age", "aged", "ages", "old", "older", "younger", "under", "children", "child", "minors", "minor",
             "teen", "teens", "years-old"}
TIME_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"}
RETENTION_WORDS = {"retain", "retained", "retention", "keep", "kept", "store", "stored", "storage", "delete",
                   "deleted", "deletion", "period"}
UNIT_WORDS = AGE_WORDS | TIME_WORDS | {"percent", "%", "minimum", "maximum", "least", "most"}
NEGATIONS = {"not", "no", "never", "neither", "nor", "don't", "doesn't", "won't", "cannot", "can't", "without",
             "don’t", "doesn’t", "won’t", "can’t", "none", "nothing"}
MODALS = {"may", "might", "can", "will", "shall", "must", "could", "would", "only"}

# Terms whose arrival suggests a kind of change, checked as words or two-word phrases.
SENSITIVE_TERMS = {
    "precise", "biometric", "biometrics", "fingerprint", "fingerprints", "facial", "face", "faces", "health",
    "medical", "genetic", "dna", "religious", "religion", "ethnic", "racial", "sexual", "political",
    "criminal", "social security", "passport", "geolocation", "gps", "heart rate", "voiceprint", "iris",
    "retina", "children", "child", "minors", "pregnancy",
}
PURPOSE_TERMS = {
    "train", "training", "trains", "machine learning", "artificial intelligence", "ai", "profiling",
    "sell", "sells", "sale", "sold", "selling", "targeted", "cross-context", "behavioral", "behavioural",
    "advertising", "advertisers", "ads", "profile building", "data broker", "data brokers", "monetize",
    "automated decision", "automated decisions", "inferences", "infer",
}
RECIPIENT_TERMS = {
    "third parties", "third-party", "third party", "partners", "affiliates", "advertisers", "brokers",
    "government", "authorities", "law enforcement", "vendors", "sponsors", "insurers", "employers",
    "publicly", "public", "disclose", "disclosed", "share", "shared", "shares", "sharing", "transfer",
    "transferred", "transfers",
}
RIGHT_TERMS = {
    "right", "rights", "access", "rectification", "erasure", "erase", "delete", "deletion", "portability",
    "object", "objection", "restrict", "restriction", "withdraw", "opt-out", "opt out", "unsubscribe",
    "complaint", "complain", "correct", "correction",
}
COUNTRY_TERMS = {
    "united states", "usa", "china", "india", "brazil", "japan", "singapore", "germany", "ireland", "france",
    "united kingdom", "canada", "mexico", "australia", "korea", "russia", "israel", "taiwan", "hong kong",
    "philippines", "vietnam", "malaysia", "indonesia", "netherlands", "switzerland", "argentina", "chile",
    "colombia", "south africa", "turkey", "poland", "romania", "ukraine", "egypt", "saudi arabia",
    "united arab emirates", "new zealand", "thailand", "pakistan", "nigeria",
}
STORAGE_WORDS = {"transfer", "transferred", "transfers", "stored", "store", "storage", "servers", "server",
                 "hosted", "hosting", "processed", "processing", "centers", "centres"}
_GENERIC = {"information", "data", "personal", "user", "users", "system", "the", "and", "of", "or", "your",
            "details", "other", "general", "id", "record", "records", "account", "content", "settings",
            "operations", "service", "services", "name", "preferences", "privacy", "unique", "behavior",
            "authorization", "status", "type", "profile", "number", "social", "public", "private"}


@lru_cache(maxsize=1)
def data_terms() -> frozenset[str]:
    """Words and phrases that name kinds of personal data, from the Fides category names."""
    from ..model.vocabulary import data_categories

    terms = set()
    for term in data_categories().values():
        words = [w for w in re.findall(r"[a-z]+", term.name.lower()) if w not in _GENERIC and len(w) > 2]
        terms.update(words)
        if len(words) >= 2:
            terms.add(" ".join(words[:2]))
    terms.update({"email", "e-mail", "phone", "telephone", "address", "location", "cookies", "ip address",
                  "device identifiers", "contacts", "microphone", "camera", "photos", "videos", "voice",
                  "messages", "calendar", "browsing", "purchase", "payment", "credit card", "date of birth",
                  "birth", "gender", "salary", "income", "serial number", "imei", "mac address"})
    return frozenset(terms - _GENERIC)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _phrases(words: list[str]) -> set[str]:
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


@dataclass(frozen=True)
class TextSignal:
    """A prose change that needs a lawyer's eye, with the words that triggered it."""

    section: str
    kind: SignalKind
    words: tuple[str, ...]
    implied: ChangeKind | None = None

    @property
    def id(self) -> str:
        return f"text:{self.section}:{self.kind.value}"

    def describe(self) -> str:
        shown = ", ".join(f"“{w}”" for w in self.words[:8])
        what = {
            SignalKind.NUMBER: "a number changed",
            SignalKind.NEGATION: "a negation or modal verb changed",
            SignalKind.TERMS: "new data, purpose or recipient terms",
            SignalKind.REMOVED_TERMS: "rights text removed",
            SignalKind.LIST_ITEM: "a new item in a list of data or recipients",
        }[self.kind]
        return f"{what}: {shown}"

    def to_dict(self) -> dict:
        return {"id": self.id, "section": self.section, "kind": self.kind.value, "words": list(self.words),
                "implied": self.implied.value if self.implied else None, "description": self.describe()}


def _term_kind(term: str) -> ChangeKind | None:
    if term in COUNTRY_TERMS:
        return ChangeKind.NEW_TRANSFER_COUNTRY
    if term in SENSITIVE_TERMS:
        return ChangeKind.NEW_SENSITIVE_DATA
    if term in PURPOSE_TERMS:
        return ChangeKind.NEW_INCOMPATIBLE_USE
    if term in RECIPIENT_TERMS:
        return ChangeKind.NEW_RECIPIENT
    if term in data_terms():
        return ChangeKind.NEW_DATA_CATEGORY
    return None


_KIND_ORDER = [ChangeKind.NEW_SENSITIVE_DATA, ChangeKind.NEW_INCOMPATIBLE_USE, ChangeKind.NEW_RECIPIENT,
               ChangeKind.NEW_TRANSFER_COUNTRY, ChangeKind.NEW_DATA_CATEGORY]


def _number(token: str) -> float | None:
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def section_signals(change: SectionChange) -> list[TextSignal]:
    """Every text signal in one changed (or added) section of a redline."""
    if change.status in (SectionStatus.UNCHANGED, SectionStatus.MOVED, SectionStatus.REMOVED):
        return _removed_rights(change) if change.status is SectionStatus.REMOVED else []
    old_words: list[str] = []
    for block in change.blocks:
        if block.old is not None:
            old_words.extend(_words(block.old.text))
    old_phrases = _phrases(old_words)

    numbers: list[str] = []
    implied_numbers: list[ChangeKind] = []
    negations: list[str] = []
    implied_negation: list[ChangeKind] = []
    terms: dict[str, ChangeKind] = {}
    list_items: list[str] = []
    removed_rights: list[str] = []
    for block in change.blocks:
        if block.status in (BlockStatus.EQUAL, BlockStatus.WHITESPACE, BlockStatus.FORMATTING, BlockStatus.MOVED):
            continue
        if block.status is BlockStatus.CHANGED:
            deleted = [w for op in block.words if op.op == "delete" for w in _words(op.text)]
            inserted = [w for op in block.words if op.op == "insert" for w in _words(op.text)]
            context = set(_words(block.old_text)) | set(_words(block.new_text))
        elif block.status is BlockStatus.ADDED:
            deleted, inserted = [], _words(block.new_text)
            context = set(inserted)
        else:  # removed
            deleted, inserted = _words(block.old_text), []
            context = set(deleted)
        if block.status is BlockStatus.REMOVED:
            rights = sorted(_phrases(deleted) & RIGHT_TERMS)
            if rights:
                removed_rights.extend(rights)
            continue

        # Numbers next to a unit of time or age.
        old_nums = [n for n in (_number(w) for w in deleted) if n is not None]
        new_nums = [n for n in (_number(w) for w in inserted) if n is not None]
        if (old_nums or new_nums) and context & UNIT_WORDS and block.status is BlockStatus.CHANGED:
            numbers.extend([w for w in deleted + inserted if _number(w) is not None])
            if old_nums and new_nums:
                if context & AGE_WORDS and min(new_nums) < min(old_nums):
                    implied_numbers.append(ChangeKind.LOWER_MINIMUM_AGE)
                elif context & (RETENTION_WORDS | TIME_WORDS) and max(new_nums) > max(old_nums):
                    implied_numbers.append(ChangeKind.LONGER_RETENTION)

        # Negation and modality flips.
        neg_removed = set(deleted) & NEGATIONS
        neg_added = set(inserted) & NEGATIONS
        modal_change = (set(deleted) ^ set(inserted)) & MODALS
        flipped = neg_removed ^ neg_added or (modal_change and (neg_removed or neg_added))
        if block.status is BlockStatus.CHANGED and flipped:
            negations.extend(sorted(neg_removed | neg_added | modal_change))
            if neg_removed and not neg_added:
                if context & {"sell", "sells", "sale", "sold", "selling"}:
                    implied_negation.append(ChangeKind.STARTS_SELLING)
                elif context & {"share", "shares", "sharing"} and context & {"advertising", "ads", "advertisers"}:
                    implied_negation.append(ChangeKind.STARTS_SHARING_FOR_ADVERTISING)
                elif context & {"precise", "biometric", "health", "children", "fingerprint", "face"}:
                    implied_negation.append(ChangeKind.NEW_SENSITIVE_DATA)
            elif neg_added and context & RIGHT_TERMS:
                implied_negation.append(ChangeKind.REMOVED_RIGHT)

        # New terms, not already in the section's old text.
        for phrase in sorted(_phrases(inserted) - old_phrases):
            kind = _term_kind(phrase)
            if kind is ChangeKind.NEW_TRANSFER_COUNTRY and not context & STORAGE_WORDS:
                continue  # a country named for another reason ("effective in Switzerland")
            if kind is not None:
                terms.setdefault(phrase, kind)
        if block.status is BlockStatus.ADDED and block.kind == "li":
            found = sorted(p for p in _phrases(inserted) if _term_kind(p))
            if found:
                list_items.extend(found[:4])

    signals: list[TextSignal] = []
    sid = change.id
    if numbers:
        signals.append(TextSignal(sid, SignalKind.NUMBER, tuple(dict.fromkeys(numbers)),
                                  implied_numbers[0] if implied_numbers else None))
    if negations:
        signals.append(TextSignal(sid, SignalKind.NEGATION, tuple(dict.fromkeys(negations)),
                                  implied_negation[0] if implied_negation else None))
    if terms:
        strongest = min(terms.values(), key=_KIND_ORDER.index)
        signals.append(TextSignal(sid, SignalKind.TERMS, tuple(terms), strongest))
    elif list_items:
        signals.append(TextSignal(sid, SignalKind.LIST_ITEM, tuple(dict.fromkeys(list_items))))
    if removed_rights:
        signals.append(TextSignal(sid, SignalKind.REMOVED_TERMS, tuple(dict.fromkeys(removed_rights)),
                                  ChangeKind.REMOVED_RIGHT))
    return signals


def _removed_rights(change: SectionChange) -> list[TextSignal]:
    words = [w for b in change.blocks if b.old is not None for w in _words(b.old.text)]
    rights = sorted(_phrases(words) & RIGHT_TERMS)
    if not rights:
        return []
    return [TextSignal(change.id, SignalKind.REMOVED_TERMS, tuple(rights[:8]), ChangeKind.REMOVED_RIGHT)]
