"""The detector's pattern cache gives the patterns `re.compile` gives, or falls back to it."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
from pathlib import Path

import pytest

import privacykit.changes
from privacykit.changes import patterns
from privacykit.changes.patterns import PatternCache
from privacykit.changes.text import LazyPattern

pytestmark = pytest.mark.skipif(patterns._sre is None, reason="the interpreter's re has no parts to cache")


def _detector_patterns() -> list[tuple[str, int]]:
    """Every LazyPattern the detector's modules hold at module level (alone or in tuples)."""
    found: dict[tuple[str, int], None] = {}

    def visit(value: object, depth: int = 0) -> None:
        if isinstance(value, LazyPattern):
            found[(value.pattern, value.flags)] = None
        elif isinstance(value, (tuple, list)) and depth < 3:
            for part in value:
                visit(part, depth + 1)

    for module in pkgutil.iter_modules(privacykit.changes.__path__):
        for value in vars(importlib.import_module(f"privacykit.changes.{module.name}")).values():
            visit(value)
    return list(found)


def test_cached_patterns_are_the_patterns_re_compiles(tmp_path: Path) -> None:
    detector = _detector_patterns()
    assert len(detector) > 150  # the detector's phrase patterns, not a handful
    path = tmp_path / "patterns.marshal"
    first = PatternCache(path)
    for pattern, flags in detector:
        first.compile(pattern, flags)
    first.save()
    assert path.stat().st_size > 0

    # A new run reads the engine code from the file instead of parsing: patterns compare
    # equal only when pattern, flags and engine code are all the same.
    second = PatternCache(path)
    for pattern, flags in detector:
        assert second.compile(pattern, flags) == re.compile(pattern, flags), pattern
    assert not second._added


def test_a_cached_pattern_matches_as_re_does(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    source = r"\b(?P<verb>sell|share)s? (?:your )?(?P<what>personal (?:data|information))\b"
    PatternCache(path).compile(source, re.IGNORECASE)
    PatternCache(path).save()  # nothing new: the file is left as it is
    cache = PatternCache(path)
    cache.compile("x")  # reads the file
    cache.save()
    cached = PatternCache(path).compile(source, re.IGNORECASE)
    text = "We may SELL your personal information, and share personal data with partners."
    assert [m.groupdict() for m in cached.finditer(text)] == [
        m.groupdict() for m in re.finditer(source, text, re.IGNORECASE)]
    assert cached.groupindex == {"verb": 1, "what": 2}


def test_a_damaged_or_foreign_file_falls_back_to_compiling(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal at all")
    assert PatternCache(path).compile(r"\bopt[- ]?out\b").search("you may opt-out")

    # Code of another interpreter build is never used, even for the same pattern.
    marshal.dump((("another", "build"), {(r"\bsell\b", 0): (0, b"\x01\x02\x03\x04", 0, {}, (None,))}),
                 path.open("wb"))
    assert PatternCache(path).compile(r"\bsell\b") == re.compile(r"\bsell\b")

    # Damaged code under this interpreter's key: the engine refuses it and the pattern is compiled.
    cache = PatternCache(path)
    cache.compile(r"\bshare\b")
    cache.save()
    key, entries = marshal.loads(path.read_bytes())
    flags, code, groups, groupindex, indexgroup = entries[(r"\bshare\b", 0)]
    entries[(r"\bshare\b", 0)] = (flags, b"\xff" * len(code), groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps((key, entries)))
    assert PatternCache(path).compile(r"\bshare\b") == re.compile(r"\bshare\b")


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    cache = PatternCache(blocker / "privacykit" / "patterns.marshal")
    assert cache.compile(r"\bbiometric\b").search("biometric data")
    cache.save()  # no exception, nothing written
    assert blocker.read_text().startswith("a file")


def test_the_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PRIVACYKIT_CACHE_DIR", str(tmp_path))
    assert patterns._default_path() == tmp_path / "privacykit" / patterns._default_path().name
    monkeypatch.setenv("PRIVACYKIT_NO_PATTERN_CACHE", "1")
    assert patterns._default_path() is None
    assert PatternCache(None).compile(r"\bads?\b") == re.compile(r"\bads?\b")


# -- the prefilter (`changes/prefilter.py`): words a match needs, tested before the pattern runs ------

def test_the_words_a_match_needs_are_read_from_the_pattern() -> None:
    from privacykit.changes.prefilter import analyse, needs

    assert needs(r"\b(?:sell|sold)s?\b", re.IGNORECASE) == ("sell", "sold")
    assert needs(r"we\s+(?:do\s+not\s+)?(?:Rent|sell)\b") == ("rent", "sell")   # lowered; the longest part
    assert needs(r"\b(?:sell|\w+)\b") is None              # an alternative that needs no word
    assert needs(r"\b(?:sell|\w+ing)\b") == ("ing", "sell")
    assert needs(r"(?:share)?\s+data") == ("data",)     # an optional part needs nothing
    assert needs(r"(?=[^.]*\bmodel\b)train") == ("train",)  # a look matches no character of its own
    assert needs(r"colou?r") == ("color", "colour")
    assert needs(r"(?:sells|sell|selling)") == ("sell",)     # a text holding "sells" holds "sell"
    # Worth a test only before a long pattern, with few strings none of them short.
    assert analyse(r"colou?r") is None
    assert analyse(r"\bcolou?rs?\b(?=\W+(?:of|in)\W+(?:your|the|a)\W+(?:page|site|app))") == ("color", "colour")
    assert analyse(r"\b(?:a|an|sell|sold)\b(?=\W+(?:of|in)\W+(?:your|the|a)\W+(?:page|site|app))") is None


def test_a_text_without_the_words_is_not_searched_and_the_answer_is_the_same() -> None:
    pattern = LazyPattern(r"\b(?:sell|rent)s?\b(?=[^.;]*\b(?:data|information|details|records|addresses)\b)",
                          re.IGNORECASE)
    assert pattern.search("We SELL your data.") and pattern.findall("we rents data") == ["rents"]
    assert pattern.search("We share your data.") is None and list(pattern.finditer("no")) == []
    assert pattern.sub("x", "nothing here") == "nothing here" and pattern.split("a b") == ["a b"]
    # Not ASCII: searched in full, as case-insensitive matching folds letters `str.lower` does not
    # ("ſ", a long s, is an "s" to `re.IGNORECASE`).
    assert pattern.search("We ſell your data.")


def test_the_prefilter_never_hides_a_match_of_a_detector_pattern() -> None:
    """Every pattern of the detector, on sentences of the seed statements and of the corpus: where
    the prefilter says a pattern cannot match, it does not (checked with the pattern itself)."""
    from conftest import CORPUS, SEED
    from privacykit.changes.items import sentences
    from privacykit.changes.prefilter import analyse, may_match
    from privacykit.changes.text import reading_form

    files = sorted(SEED.glob("*.md")) + sorted(CORPUS.glob("*/*.md"))[::6]
    texts = sorted({s for f in files for line in f.read_text("utf-8").splitlines() if line.strip()
                    for s in sentences(reading_form(line))})[::20]
    assert len(texts) > 250
    skipped = 0
    for source, flags in _detector_patterns():
        needed = analyse(source, flags)
        if needed is None:
            continue
        engine = re.compile(source, flags)
        for text in texts:
            if not may_match(needed, text):
                skipped += 1
                assert engine.search(text) is None, (source[:80], text)
    assert skipped > 50_000   # the test rejects most pairs: it is worth its cost
