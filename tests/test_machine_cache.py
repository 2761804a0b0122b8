"""The shipped files parsed once per machine (lexicon, rule table) read back as parsed, or
are parsed again: never a different result."""

from __future__ import annotations

import marshal
import sys
from pathlib import Path

import pytest

import privacykit
from privacykit import machine_cache
from privacykit.changes.terms import lexicon_from, stem, tokens
from privacykit.load.rules import load_rules
from privacykit.machine_cache import ParsedCache, cache_folder


def _counting(result: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def parse() -> object:
        calls.append(1)
        return result
    return calls, parse


def test_the_lexicon_read_back_is_the_lexicon_parsed(tmp_path: Path) -> None:
    parsed = lexicon_from(ParsedCache(None)).phrases()
    assert len(parsed) > 1000
    assert lexicon_from(ParsedCache(tmp_path)).phrases() == parsed  # parsed, then written
    assert (tmp_path / f"lexicon-{sys.implementation.cache_tag}.marshal").stat().st_size > 10_000
    again = lexicon_from(ParsedCache(tmp_path))
    assert again.phrases() == parsed
    # The lexicon finds the same terms (multi-word stems and words matched as written).
    words = tokens("We share precise geolocation and your posts with advertising partners")
    assert again.find([stem(w) for w in words], words) == lexicon_from(ParsedCache(None)).find(
        [stem(w) for w in words], words)


def test_the_class_table_read_back_is_the_class_table_parsed(tmp_path: Path) -> None:
    from privacykit.changes.classes import table_from

    def plain(table):
        lexicon, classes = table
        return lexicon.phrases(), lexicon._exact_entries, list(classes.items())

    parsed = plain(table_from(ParsedCache(None)))
    assert plain(table_from(ParsedCache(tmp_path))) == parsed  # parsed, then written
    assert (tmp_path / f"classes-{sys.implementation.cache_tag}.marshal").stat().st_size > 1_000
    assert plain(table_from(ParsedCache(tmp_path))) == parsed  # read back


def test_the_rule_table_read_back_is_the_rule_table_parsed(tmp_path: Path) -> None:
    parsed = load_rules(cache=ParsedCache(None))
    assert load_rules(cache=ParsedCache(tmp_path)) == parsed
    assert load_rules(cache=ParsedCache(tmp_path)) == parsed
    assert (tmp_path / f"rules-{sys.implementation.cache_tag}.marshal").is_file()
    assert len(parsed.laws) > 3 and parsed.laws["gdpr"].rules


def test_a_stored_result_is_used_only_for_the_same_sources(tmp_path: Path) -> None:
    data, code = tmp_path / "terms.txt", tmp_path / "reader.py"
    data.write_text("a | b\n")
    code.write_text("def read(): ...\n")
    cache = ParsedCache(tmp_path / "cache")
    calls, parse = _counting({"terms": [("a", 1)]})
    assert cache.parsed("table", (data, code), parse) == {"terms": [("a", 1)]}
    assert cache.parsed("table", (data, code), parse) == {"terms": [("a", 1)]}
    assert len(calls) == 1  # the second came from the file

    # The data file or the code that reads it changed: parsed again.
    data.write_text("a | c\n")
    assert cache.parsed("table", (data, code), parse) == {"terms": [("a", 1)]}
    code.write_text("def read(): return 2\n")
    assert cache.parsed("table", (data, code), parse) == {"terms": [("a", 1)]}
    assert len(calls) == 3


def test_a_damaged_or_foreign_file_is_parsed_again(tmp_path: Path) -> None:
    source = tmp_path / "rules.yml"
    source.write_text("laws: {}\n")
    cache = ParsedCache(tmp_path / "cache")
    calls, parse = _counting(["gdpr", "ccpa"])
    cache.parsed("rules", (source,), parse)
    stored = tmp_path / "cache" / f"rules-{sys.implementation.cache_tag}.marshal"

    key, checksum, payload = marshal.loads(stored.read_bytes())
    # Damaged: cut short, not marshal at all, or its data changed under a valid key.
    for damaged in (stored.read_bytes()[:-5], b"\x00not marshal at all",
                    marshal.dumps((key, checksum, marshal.dumps(["gdpr", "lgpd"])))):
        stored.write_bytes(damaged)
        assert cache.parsed("rules", (source,), parse) == ["gdpr", "ccpa"]
    # Written by another interpreter build for the same sources.
    stored.write_bytes(marshal.dumps(((("another", "build"), key[1]), checksum, payload)))
    assert cache.parsed("rules", (source,), parse) == ["gdpr", "ccpa"]
    assert len(calls) == 5
    # Each fallback wrote the file back: the next run reads it.
    assert cache.parsed("rules", (source,), parse) == ["gdpr", "ccpa"] and len(calls) == 5


def test_a_folder_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = ParsedCache(blocker / "privacykit")
    assert lexicon_from(cache).phrases() == lexicon_from(ParsedCache(None)).phrases()
    assert load_rules(cache=cache) == load_rules(cache=ParsedCache(None))
    assert blocker.read_text().startswith("a file")


def test_a_result_marshal_cannot_write_is_returned_unstored(tmp_path: Path) -> None:
    source = tmp_path / "data.txt"
    source.write_text("x")
    result = [object()]
    assert ParsedCache(tmp_path / "cache").parsed("odd", (source,), lambda: result) is result
    assert not (tmp_path / "cache" / f"odd-{sys.implementation.cache_tag}.marshal").exists()


def test_one_variable_turns_every_per_machine_cache_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from privacykit.changes import patterns

    monkeypatch.setenv("PRIVACYKIT_CACHE_DIR", str(tmp_path))
    assert cache_folder() == tmp_path / "privacykit"
    monkeypatch.setenv(machine_cache.NO_CACHE_VARIABLE, "1")
    assert cache_folder() is None
    assert patterns._default_path() is None
    calls, parse = _counting(1)
    cache = ParsedCache(cache_folder())
    assert cache.parsed("x", (Path(privacykit.__file__),), parse) == 1
    assert cache.parsed("x", (Path(privacykit.__file__),), parse) == 1
    assert len(calls) == 2 and not (tmp_path / "privacykit").exists()


def test_the_rule_table_is_parsed_again_under_another_yaml_library(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from privacykit.load import rules

    assert "__version__" in rules._yaml_library().read_text("utf-8")
    library = tmp_path / "ruamel_init.py"
    library.write_text("__version__ = '0.18.0'\n")
    monkeypatch.setattr(rules, "_yaml_library", lambda: library)
    calls: list[int] = []
    parse = rules.default_rules_table
    monkeypatch.setattr(rules, "default_rules_table", lambda: calls.append(1) or parse())
    cache = ParsedCache(tmp_path / "cache")
    parsed = load_rules(cache=cache)
    assert load_rules(cache=cache) == parsed and len(calls) == 1
    library.write_text("__version__ = '0.19.1'\n")
    assert load_rules(cache=cache) == parsed and len(calls) == 2
