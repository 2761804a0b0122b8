"""A cheap test before a long regular expression: words any match of it must contain.

Most of the detector's patterns are long alternations of phrases, and most sentences hold
none of them: Python's `re` still tries every alternative at every position of every
sentence, the greater part of what `classify` spends. For each pattern, `required` finds a
few literal strings such that every match contains at least one of them ("sell", "rent",
"monetiz" …); a sentence (lowered) that holds none of them cannot match, and the pattern
is not run on it. This is the prefilter regex engines such as RE2 put before a pattern.

The strings are derived from the parsed pattern, never written by hand, and the test is
conservative: a part of the pattern it cannot read (a class of characters, a back-reference,
a repeat that may match nothing) requires nothing, and a text that is not ASCII is always
matched in full (there, case-insensitive matching folds letters `str.lower` does not, such
as "ſ" or the Kelvin sign). So a pattern matches a text exactly when it did without the
test. `tests/test_patterns.py` checks this on every pattern of the detector and the corpus.

The strings of each pattern depend only on the pattern, its flags and this module; they are
kept per machine next to the compiled patterns (`changes/patterns.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..machine_cache import EntryCache, cache_folder, sources_digest

try:  # CPython ≥ 3.11 names the parts of `re`; elsewhere no pattern is filtered.
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters
    _parser = None

Required = tuple[str, ...] | None

# A run of fixed pieces ("sel" then "l" or "ls") is spelled out while it has at most this many spellings.
_SPELLINGS = 64
# A requirement of more strings than this, or with a string shorter than `_SHORTEST`, rejects too few
# texts to pay for itself: the pattern is then always run.
_MOST = 120
_SHORTEST = 3
# A pattern shorter than this runs about as fast as the test would: it is always run.
_SHORT = 60


def _exact(node: tuple[Any, Any]) -> set[str] | None:
    """Every text `node` can match, lowered, when they are few and all ASCII (else None)."""
    op, value = node
    if op is _c.LITERAL:
        return {chr(value).lower()} if value < 128 else None
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}     # a position or a look: matches no character
    if op is _c.IN:
        if len(value) > 12 or any(kind is not _c.LITERAL or code >= 128 for kind, code in value):
            return None
        return {chr(code).lower() for _, code in value}
    if op is _c.SUBPATTERN or op is getattr(_c, "ATOMIC_GROUP", None):
        return _exact_sequence(value[-1] if op is _c.SUBPATTERN else value)
    if op is _c.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            spellings = _exact_sequence(alternative)
            if spellings is None:
                return None
            found |= spellings
        return found if len(found) <= _SPELLINGS else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        least, most, inner = value
        if most > 1:
            return None
        spellings = _exact_sequence(inner)
        if spellings is None:
            return None
        return spellings | {""} if least == 0 else spellings
    return None


def _exact_sequence(nodes: Any) -> set[str] | None:
    spellings = {""}
    for node in nodes:
        part = _exact(node)
        if part is None:
            return None
        spellings = {a + b for a in spellings for b in part}
        if len(spellings) > _SPELLINGS:
            return None
    return spellings


def _needs(node: tuple[Any, Any]) -> frozenset[str] | None:
    """Strings one of which every match of `node` contains (None: nothing is known)."""
    op, value = node
    if op is _c.SUBPATTERN:
        return _needs_sequence(value[-1])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _needs_sequence(value)
    if op is _c.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            needed = _needs_sequence(alternative)
            if needed is None:
                return None
            found |= needed
        return frozenset(found)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        least, _most, inner = value
        return _needs_sequence(inner) if least >= 1 else None
    spellings = _exact(node)
    return _useful(spellings) if spellings is not None else None


def _useful(spellings: set[str]) -> frozenset[str] | None:
    return frozenset(spellings) if spellings and "" not in spellings else None


def _needs_sequence(nodes: Any) -> frozenset[str] | None:
    """The best of the requirements the parts of a sequence make: runs of fixed pieces spelled
    out whole ("\\bsell(?:s|ing)?\\b" needs "sell"), or what a group that must match needs."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}
    for node in nodes:
        part = _exact(node)
        if part is not None:
            longer = {a + b for a in run for b in part}
            if len(longer) <= _SPELLINGS:
                run = longer
                continue
            found = _useful(run)
            if found is not None:
                candidates.append(found)
            run = part
            continue
        found = _useful(run)
        if found is not None:
            candidates.append(found)
        run = {""}
        needed = _needs(node)
        if needed is not None:
            candidates.append(needed)
    found = _useful(run)
    if found is not None:
        candidates.append(found)
    if not candidates:
        return None
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _shortest_forms(strings: frozenset[str]) -> tuple[str, ...]:
    """The strings, less those that hold another of them (a text holding "sells" holds "sell")."""
    kept: list[str] = []
    for text in sorted(strings, key=len):
        if not any(shorter in text for shorter in kept):
            kept.append(text)
    return tuple(sorted(kept))


def needs(pattern: str, flags: int = 0) -> Required:
    """Lowered strings one of which every match of `pattern` contains (None: none are known)."""
    if _parser is None:
        return None
    try:
        needed = _needs_sequence(_parser.parse(pattern, flags))
    except Exception:  # `re` internals of another version: no filter
        return None
    return None if needed is None else _shortest_forms(needed)


def analyse(pattern: str, flags: int = 0) -> Required:
    """`needs(pattern, flags)` when worth testing before the pattern runs: None for a short
    pattern, or strings too many or too short to reject many texts."""
    if len(pattern) < _SHORT:
        return None
    strings = needs(pattern, flags)
    if strings is None or len(strings) > _MOST or min(map(len, strings)) < _SHORTEST:
        return None
    return strings


def may_match(required: Required, text: str) -> bool:
    """Whether a pattern needing `required` may match `text` (always, for a text not ASCII)."""
    if required is None:
        return True
    # The patterns of a sentence are tried one after another on the same text: it is lowered once
    # (the text and its lowered form are kept as one pair, which threads replace whole).
    last = _LAST[0]
    if last[0] is not text:
        last = (text, text.lower() if text.isascii() else None)
        _LAST[0] = last
    lowered = last[1]
    if lowered is None:
        return True
    for string in required:  # noqa: SIM110 - a loop, not `any()`: called for every pattern and sentence
        if string in lowered:
            return True
    return False


_LAST: list[tuple[str, str | None]] = [("", "")]


# -- kept per machine -------------------------------------------------------------------------------

class RequiredCache(EntryCache):
    """`analyse` of each pattern, read from and written to one file (None: no file)."""

    def required(self, pattern: str, flags: int = 0) -> Required:
        entries = self._load()
        key = (pattern, int(flags))
        if key not in entries:
            self._add(key, analyse(pattern, flags))
        return entries[key]

    def needed(self, pattern: str, flags: int = 0) -> Required:
        """`needs(pattern, flags)` (no size rule), kept in the same file under a key of its own."""
        entries = self._load()
        key = ("needs", pattern, int(flags))
        if key not in entries:
            self._add(key, needs(pattern, flags))
        return entries[key]

    def _key(self) -> tuple[Any, ...]:
        return (sys.implementation.cache_tag, sys.version, sources_digest([Path(__file__)]))


def _default_path() -> Path | None:
    folder = cache_folder()
    if folder is None or _parser is None:
        return None
    return folder / f"required-{sys.implementation.cache_tag}.marshal"


_CACHE = RequiredCache(_default_path(), save_at_exit=True)


def required(pattern: str, flags: int = 0) -> Required:
    """`analyse(pattern, flags)`, through the machine's cache."""
    return _CACHE.required(pattern, flags)


def needed(pattern: str, flags: int = 0) -> Required:
    """`needs(pattern, flags)`, through the machine's cache (asked at each start by `editorial`'s tests, speed26)."""
    return _CACHE.needed(pattern, flags)
