"""Legal classes of the data a sentence names (`changes/classes.py`, `data/classes.txt`)."""

from __future__ import annotations

import time

import pytest

from privacykit import shipped_file
from privacykit.changes.classes import CLASSES_DATA, LegalClass, classed, has_class, pointed_classes
from privacykit.changes.terms import listed_terms

DEVICE, KEPT, COMMS, LOCATION, PRECISE, SENSITIVE = (LegalClass.DEVICE, LegalClass.KEPT, LegalClass.COMMS,
                                                    LegalClass.LOCATION, LegalClass.PRECISE, LegalClass.SENSITIVE)


def _classes(text: str) -> set[LegalClass]:
    return {c for found in classed(text) for c in found.classes}


def test_every_key_and_weight_entry_names_the_lexicon():
    keys = {listed.term.key for listed in listed_terms()}
    weights = {listed.term.weight.value for listed in listed_terms()}
    for line in shipped_file(CLASSES_DATA).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, entries = line.split("|", 1)
        assert {LegalClass(n) for n in names.split()}
        for entry in (e.strip() for e in entries.split(",")):
            if entry.startswith("key:"):
                assert entry[4:] in keys, entry
            elif entry.startswith("weight:"):
                assert entry[7:] in weights, entry


@pytest.mark.parametrize(("text", "wanted"), [
    # By construction, whatever the data are: where they are, or what picked them up.
    ("the names of files and apps open on the PC", {DEVICE, KEPT}),
    ("sample images from the camera", {DEVICE, KEPT}),
    ("the spreadsheets stored on your laptop", {DEVICE, KEPT}),
    ("the audio captured by your phone's microphone", {DEVICE, KEPT}),
    ("the other apps installed on your device", {DEVICE}),
    # By the class of a term.
    ("your phone's address book", {DEVICE, KEPT}),
    ("the list of installed applications", {DEVICE}),
    ("motion-generated device sensor data", {DEVICE}),
    ("the geotags of your photos", {DEVICE, LOCATION, PRECISE}),
    ("your precise location", {LOCATION, PRECISE, SENSITIVE}),
    ("your GPS coordinates", {LOCATION, PRECISE, SENSITIVE}),
    ("your location information", {LOCATION}),
    ("your heart rate", {SENSITIVE}),
    ("posts and private messages", {COMMS}),
    ("the contents of your emails", {COMMS}),
    ("messages that you send to other members", {COMMS}),
])
def test_a_class_is_read_from_the_term_or_the_construction(text, wanted):
    assert wanted <= _classes(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    # What the company sends, or what is known of messages without their content.
    ("we may send you marketing messages", COMMS),
    ("the number of messages in your inbox", COMMS),
    ("promotional messages from us", COMMS),
    ("a hashed version of your email", COMMS),
    # The device's storage and the data named with no kind belong to other readings.
    ("cookies stored on your device", DEVICE),
    ("information from your device", DEVICE),
    ("This face enrollment information remains on your device", DEVICE),
    ("you can turn off notifications on your device", DEVICE),
    # The apps alone are facts about the device, not what the user keeps there.
    ("the apps installed on your PC", KEPT),
    ("your general location", PRECISE),
    ("Lists of applications installed on managed devices", DEVICE),
])
def test_look_alikes_do_not_take_the_class(text, unwanted):
    assert not has_class(text, unwanted)


@pytest.mark.parametrize(("words", "sentence", "before", "wanted"), [
    ("location information", "Lenovo may collect this location information.",
     "If you choose to geo-tag your photos, Google Photos will use it.", {PRECISE}),
    ("location data", "We keep that location data.", "We use your device's GPS coordinates.", {PRECISE}),
])
def test_a_pointed_location_takes_the_class_of_what_it_points_to(words, sentence, before, wanted):
    assert wanted <= pointed_classes(words, sentence, before)


@pytest.mark.parametrize(("words", "sentence", "before"), [
    ("location information", "Spotify collects this location information.", "You may enter your city."),
    ("location information", "Lenovo may collect location information.", "Geo-tag your photos."),
])
def test_a_location_with_no_pointer_or_a_coarse_referent_takes_nothing(words, sentence, before):
    assert PRECISE not in pointed_classes(words, sentence, before)


def test_a_long_list_is_read_in_time_proportional_to_its_length():
    """The constructions are found from their anchors: a list of plural nouns read to its end from each
    of its words cost seconds for a few thousand characters."""

    text = " ".join(["apples, pears and", "big red cars,"] * 400) + " in the box on your device."
    started = time.perf_counter()
    classed(text)
    assert time.perf_counter() - started < 2.0
