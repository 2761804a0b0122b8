"""The clause practice frame (`changes/frame.py`): slots filled wherever their words stand."""

from __future__ import annotations

from privacykit.changes.frame import (
    child_marketed,
    condition_moved,
    data_combined,
    guard_dropped,
    location_kept,
    others_own_end,
    position_moved,
    read_frames,
    same_practice,
)
from privacykit.changes.terms import lexicon

TERMS = lexicon()


def frames(sentence: str):
    return read_frames(sentence, TERMS)


def one(sentence: str):
    found = frames(sentence)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def test_the_source_slot_is_read_before_or_after_the_verb():
    before = one("Data that our partners give us about you is merged with your profile so that we can show you ads.")
    after = one("We merge your profile with data from our partners so that we can show you ads.")
    assert before.sources >= {"others"} and after.sources >= {"others"}
    assert data_combined(before) and data_combined(after)
    assert data_combined(one("We merge your profile with data from our partners to detect fraud.")) is None


def test_each_coordinated_end_has_its_own_on_our_behalf():
    frame = one("This information may be shared with partners to manage loyalty programs on our behalf and to "
                "send you offers for their own products.")
    assert [(e.on_behalf, e.others_own) for e in frame.ends] == [(True, False), (False, True)]
    assert others_own_end(frame) == "to send you offers for their own products."
    assert others_own_end(one("This information may be shared with partners to manage loyalty programs on our "
                              "behalf and to answer your questions on our behalf.")) is None


def test_the_place_slot_is_read_wherever_it_stands():
    assert location_kept(one("The location of your photos is also sent to Lenovo to improve our services."))
    assert location_kept(one("Lenovo also stores the location of your photos on its own servers."))
    assert location_kept(one("This location information is retained only on your device.")) is None
    assert location_kept(one("We keep your approximate location from your IP address on our servers.")) is None


def test_a_position_denied_then_kept_by_the_company_moved():
    old = one("Lenovo does not otherwise collect, retain or share this location information.")
    new = one("Lenovo may also collect and retain this location information to help improve our services.")
    assert old.denied >= {"keep"} and new.acts >= {"keep"}
    assert position_moved(old, new) and not position_moved(new, new)


def test_the_condition_slot():
    chosen = one("On Motorola devices, you can select the “Enhanced Device Support” option at set-up.")
    preset = one("On Motorola devices, the “Enhanced Device Support” option is turned on at set-up.")
    waiting = one("The option stays off until you select it at set-up.")
    assert (chosen.condition, preset.condition, waiting.condition) == ("choice", "default", "choice")
    assert condition_moved(chosen, preset) and not condition_moved(preset, chosen)
    assert same_practice(chosen.text, preset.text)


def test_a_guard_dropped_from_a_practice_that_runs_despite_a_refusal():
    old = frames("If you turn off cookies, web beacons will still detect visits, but the notices they generate "
                 "cannot be associated with other non-identifiable cookie information and are disregarded.")
    new = frames("If you turn off cookies, web beacons will still detect visits, and the notices they generate "
                 "may be associated with your device identifiers.")
    assert any(f.condition == "despite-refusal" for f in new)
    assert guard_dropped(old, new) == {"deidentified", "disregarded"}
    assert guard_dropped(old, old) == frozenset()


def test_the_condition_slot_tells_what_is_asked_from_what_is_only_told():
    asked = one("We do not provide contact information to customers without your consent.")
    told = one("We do not provide contact information to customers without notice to you.")
    gated = one("If your settings allow, we scan messages to suggest replies.")
    ungated = one("We scan messages to suggest replies.")
    refusable = one("Information about your use of the app will be shared with us unless you turn off such data "
                    "collection in settings.")
    assert (asked.condition, told.condition, gated.condition, refusable.condition) == (
        "consent", "notice", "choice", "opt-out")
    assert condition_moved(asked, told) and not condition_moved(told, asked)
    assert condition_moved(gated, ungated)      # the content of communications: consent whatever the basis
    assert not condition_moved(asked, refusable)    # a way to refuse kept: the dev labels read a notice
    emailed = one("We may use your email address to send you notices about your account.")
    assert not condition_moved(one("With your consent, we may use your email address to send you notices about "
                                   "your account."), emailed)


def test_a_childs_data_put_to_marketing():
    assert child_marketed(one("In youth mode, we use usage data to recommend age-appropriate products and offers "
                              "to the young user."))
    assert not child_marketed(one("In youth mode, we use usage data to recommend age-appropriate videos."))
    assert not child_marketed(one("With a parent's consent, we use a child's listening history to recommend "
                                  "merchandise."))
    assert not child_marketed(one("We use usage data to recommend products and offers to you."))


def test_a_location_kept_is_read_from_the_legal_class_once():
    """fold23: the frame's data slot takes the class LOCATION (any precision, not a coarse one) and the
    location kept by the company is read there alone, whatever the order of verb and place."""
    from privacykit.changes.consent import triggers

    kept = "Location data that we retain on our servers is used to measure ads."
    assert location_kept(one(kept))
    assert [t.concept for t in triggers(kept, TERMS)].count("sensitive:user.location.kept") == 1
    assert location_kept(one("Your geolocation is also stored in our cloud databases for analytics."))
    assert not one("We choose the location of our servers for speed.").location
    assert not one("Each file is kept in our data centre and replicated across both locations.").location
    assert one("We store your saved locations on our servers.").location
    assert location_kept(one("We store location information on your device and do not upload it to our "
                             "servers.")) is None


def test_data_combination_and_a_profile_built_are_read_on_the_frame():
    assert data_combined(one("We match your account with publicly available records to infer your interests."))
    assert data_combined(one("We may combine it with data from the services of our affiliates to show you ads."))
    assert data_combined(one("We also merge your listening history with third-party data to target ads."))
    assert data_combined(one("We compile an interest profile of each user."))
    assert data_combined(one("Measurement providers may combine that information with other information they "
                             "already have about you to provide services to us."))
    assert data_combined(one("We do not build advertising profiles of you.")) is None
    assert data_combined(one("We may combine it with data from the services of our affiliates to detect "
                             "fraud.")) is None
    assert data_combined(one("We combine that information with the other information we have about you.")) is None


def test_a_preset_is_the_frames_default_condition():
    from privacykit.changes.frame import preset_on

    assert preset_on("These ad settings are turned on when you join.", TERMS)
    assert preset_on("The box is ticked by default.", TERMS) == "ticked by default"
    assert preset_on("Ad personalisation is active once you install the app.", TERMS)
    assert preset_on("Personalised ads are off by default.", TERMS) is None
