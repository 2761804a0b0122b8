"""The clause practice frame (`changes/frame.py`): slots filled wherever their words stand."""

from __future__ import annotations

from privacykit.changes.frame import (
    child_marketed,
    condition_moved,
    data_combined,
    denied_data,
    denied_scope,
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


def test_data_forwarded_to_a_partner_who_tells_of_its_own_wares_is_its_end():
    """consent31: "forward" hands data over; "tell you about their products" is the recipients' own end."""
    assert others_own_end(one("We forward your contact details to the dealer near you, which may contact you with "
                              "its own offers."))
    assert others_own_end(one("We may pass your details to selected partners so that they can tell you about "
                              "their products."))
    # (the person told of the recipient's delivery, not of its wares, is no end of its own)
    assert others_own_end(one("We forward your address to the courier so that it can tell you about its delivery "
                              "slots.")) is None


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
    # An opt-out in place of the consent is no consent (optout23, the lead's decision of 2026-11-29), and an
    # opt-out the old clause already gave is not moved.
    assert condition_moved(asked, refusable) and condition_moved(gated, refusable)
    assert not condition_moved(refusable, refusable) and not condition_moved(refusable, asked)
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
    # real33: "child sexual abuse material" names content a service detects, not the person whose data it uses.
    assert not child_marketed(one("We use usage data to detect child sexual abuse material and to promote the "
                                  "Services."))
    assert child_marketed(one("We use a child's usage data to detect abuse and to promote the Services to them."))


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


def test_a_denial_covers_another_only_as_far_as_it_reaches():
    # optout23: a denial of minors' data only, or of sensitive data with an exception, does not cover a
    # denial of selling or sharing all personal information; one of every user's data does.
    dropped = "Reddit does not sell or share personal information as those terms are defined under the CCPA."
    covering = denied_data(dropped, TERMS)
    assert denied_scope(dropped, TERMS) == {"sale", "third-party-advertising"}
    minors = "Reddit does not have knowledge that it sells or shares the personal information of users under 16."
    sensitive = "We do not use or disclose sensitive personal information except to provide you the Services."
    everyone = "We do not share the personal information of any user, including users under 16."
    assert "third-party-advertising" in denied_scope(minors, TERMS, defined=False)
    assert denied_scope(minors, TERMS, defined=False, covering=covering) == frozenset()
    assert denied_scope(sensitive, TERMS, defined=False, covering=covering) == frozenset()
    assert denied_scope(everyone, TERMS, defined=False, covering=covering) == {"third-party-advertising"}


def test_an_act_after_a_subject_of_its_own_is_not_denied():
    # optout23: "…, and we 'share' …" affirms the sharing the first predicate's "not" does not reach.
    turned = ("Reddit does not \"sell\" personal information as that term is defined under the CCPA, and we "
              "\"share\" personal information only with advertising partners for cross-context behavioral advertising.")
    assert denied_scope(turned, TERMS) == {"sale"}
    assert denied_scope("We never sell your data, and we do not share it as the CCPA defines sharing.", TERMS) == {
        "sale", "third-party-advertising"}


def test_the_exercise_frame_reads_the_forms_of_authorising_an_agent() -> None:
    """recall23: the forms an agent may be authorised in; one of several no longer accepted is lost, a form
    added or the same forms reordered is not."""
    from privacykit.changes.exercise import agent_forms, agent_forms_lost

    both = "You may designate, in writing or through a power of attorney, an authorized agent to make requests."
    poa = "You may designate, through a power of attorney, an authorized agent to make requests."
    assert agent_forms(both) == {"written", "power-of-attorney"}
    assert agent_forms_lost(both, poa) == {"written"}
    assert not agent_forms_lost(poa, both)
    assert not agent_forms_lost(both, "You may designate an authorized agent through a power of attorney or in writing.")
    assert not agent_forms("Sign the form in writing or through a power of attorney.")     # no agent named


def test_a_notice_of_changes_reaches_readers_unless_it_is_only_the_date() -> None:
    """recall23: an email or a prominent notice reaches readers; a revised date does not."""
    from privacykit.changes.prose import change_notice_reaches

    assert change_notice_reaches("When we make material changes to this Policy, we'll provide you with prominent notice.")
    assert change_notice_reaches("If we make material changes to this policy, we will notify you by email.")
    assert not change_notice_reaches("If we make changes, we will notify you by revising the date at the top of this Privacy Policy.")
    assert not change_notice_reaches("When we make material changes to this Policy, we'll update the effective date at the top.")
    assert not change_notice_reaches("We will notify you by email when your export is ready.")     # not about the statement


def test_a_practice_on_until_refused_is_read_in_its_sentence_or_the_next() -> None:
    """`opt_out_offered` (fold24): the frame's opt-out condition ("unless you opt out", "…, who can reply STOP"),
    or a way to switch the practice off in its sentence or the next ("turn them off", "deactivate", "change your
    preferences", "opt out"); not a refusal beside words of asking (a consent withdrawn), nor none at all."""
    from privacykit.changes.frame import opt_out_offered

    sent = "We may send you push notifications about trending posts."
    assert opt_out_offered("We send texts to all members, who can reply STOP to unsubscribe.", "", TERMS)
    assert opt_out_offered("Lenovo collects usage data unless you opt out in Settings.", "", TERMS)
    assert opt_out_offered(sent, "You can turn them off at any time in your device settings.", TERMS)
    assert opt_out_offered(sent, "You can deactivate these messages at any time.", TERMS)
    assert opt_out_offered("We may send you emails; you can change your preferences at any time.", "", TERMS)
    assert not opt_out_offered(sent, "You can withdraw your consent at any time in your device settings.", TERMS)
    assert not opt_out_offered(sent, "We use cookies to remember your settings.", TERMS)
    assert not opt_out_offered(sent, "", TERMS)


def test_a_choice_told_as_made_is_asked_and_a_device_state_is_not() -> None:
    """consent24: "where you've chosen to use a voice feature" is the user's choice; "your device's microphone
    is on" is no choice of theirs, and the microphone is read from the device (ePrivacy Art. 5(3))."""
    chosen = one("If voice features are available in your market and where you’ve chosen to use a voice feature, "
                 "we collect and process voice data.")
    state = one("If voice features are available in your market and your device’s microphone is on, we collect and "
                "process voice data.")
    enabled = one("Once you have enabled video introductions, we record the images from your camera.")
    assert (chosen.condition, state.condition, enabled.condition) == ("choice", "none", "choice")
    assert condition_moved(chosen, state) and not condition_moved(state, chosen)
    assert one("We have chosen to collect and process voice data.").condition == "none"


def test_a_choice_made_first_now_undone_by_the_user() -> None:
    """consent24: `consent.choice_made_opt_out`, a choice offered in any voice now a default the user undoes."""
    from privacykit.changes.consent import choice_made_opt_out
    chose = "You can also choose for your profile to include the content you upvote and downvote."
    assert choice_made_opt_out(chose, "Your profile also includes the content you upvote and downvote, unless "
                                      "you choose to hide it.") == "unless you choose to hide"
    assert choice_made_opt_out("Users may opt to share their playlists with partners.",
                               "Playlists are shared with partners; users can turn this off.") is not None
    # An opt-in said as "unless", the choice offered again, a choice that was already a refusal: none.
    assert choice_made_opt_out(chose, "Your profile does not include the content you upvote unless you choose "
                                      "to show it.") is None
    assert choice_made_opt_out(chose, "You can also decide to have your profile include the content you "
                                      "upvote.") is None
    assert choice_made_opt_out("You can choose to hide the content you upvote.",
                               "Your profile shows the content you upvote unless you choose to hide it.") is None
