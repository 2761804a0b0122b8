"""`tests/classify/calibrate.py --silent` traces why a missed material case drew no finding by wrapping the prose
reader's methods: the wrapping must follow their signatures as readers gain parameters."""

from __future__ import annotations

from conftest import REPO, load_script
from privacykit.changes import prose
from privacykit.changes.classify import classify_texts
from privacykit.load.rules import load_rules

calibrate = load_script(REPO / "tests" / "classify" / "calibrate.py", "classify_calibrate")


def test_the_silent_trace_records_each_changed_sentence_and_puts_the_reader_back() -> None:
    before = (prose._Practice.added_words, prose._Judge.compare, prose._Judge.removed)
    box = [calibrate._Trace()]
    undo = calibrate._traced(box)
    try:
        result = classify_texts("# Data\n\nWe keep your delivery address to ship your orders.\n",
                                "# Data\n\nWe keep your delivery address to ship your orders.\n\nWe use your "
                                "delivery address to plan new store openings.\n", load_rules())
    finally:
        undo()
    assert result.classification.value == "material-notify"
    traced = [p for p in box[0].practice if "store openings" in p["text"]]
    assert traced and traced[0]["about"] and traced[0]["result"]
    assert (prose._Practice.added_words, prose._Judge.compare, prose._Judge.removed) == before
