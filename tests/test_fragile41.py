"""fragile41: the fragile spots the last round left (no new reading).

Each test pins one fix: a German text with no jurisdiction cue ruled by the law of the countries that write it, one
finding per fact in the report, a policy's own name before "account", and a denial read by its scope.
"""

from __future__ import annotations

from privacykit.changes.boundary import ruling, seat_outside_german_law, spoken_word_ruling
from privacykit.changes.classify import classify_sections, section_from_text
from privacykit.load.rules import load_rules

RULES = load_rules()


def judge(old: str, new: str):
    return classify_sections(section_from_text(old), section_from_text(new), RULES, ("gdpr",))


# -- 1. a German text with no jurisdiction cue ------------------------------------------------------------------------

def test_a_german_text_with_no_jurisdiction_cue_needs_consent_to_record_calls():
    """§ 201 StGB (DE), Art. 179ter StGB (CH), § 120 StGB (AT): the German-speaking countries put the recording of the
    spoken word on a yes; a German text that names no statute, register or seat is read by them."""
    old = "Telefongespräche mit unserem Kundenservice werden nicht aufgezeichnet. Wir speichern Ihre Bestellungen.\n"
    new = "Telefongespräche mit unserem Kundenservice werden aufgezeichnet. Wir speichern Ihre Bestellungen.\n"
    assert judge(old, new).classification.value == "material-consent"
    # (the same change in English, no cue: a notice on legitimate interests)
    assert judge("We do not record calls with our customer service. We keep your orders.\n",
                 "Calls with our customer service are recorded. We keep your orders.\n"
                 ).classification.value == "material-notify"


def test_a_german_text_naming_a_seat_elsewhere_is_ruled_by_that_seat():
    seat = "Verantwortlicher ist die Example Music Ltd, 1 Main Street, Dublin, Irland. "
    old = seat + "Telefonate mit unserem Kundenservice werden nicht aufgezeichnet.\n"
    new = seat + "Telefonate mit unserem Kundenservice werden zu Schulungszwecken aufgezeichnet.\n"
    assert judge(old, new).classification.value == "material-notify"
    assert seat_outside_german_law("The controller is Example AB, Stockholm, Schweden.")
    assert not seat_outside_german_law("The controller is Beispiel GmbH, Wien, Österreich.")
    # (a union or a region is no seat)
    assert not seat_outside_german_law("Der Verantwortliche hat seinen Sitz in der Europäischen Union.")


def test_the_condition_lives_in_the_rule_file():
    """`unless` stops a condition; the language is an input, not code's decision."""
    said = "We record your calls with our support team."
    assert ruling("spoken_word_recorded", frozenset({"written_in_german"})).action == "consent"
    assert ruling("spoken_word_recorded", frozenset({"written_in_german", "seat_outside_german_law"})).action \
        == "notify"
    assert spoken_word_ruling(said, "", "", "de").inputs == ("written_in_german",)
    assert spoken_word_ruling(said, "", "", "fr").action == "notify"


# -- 2. one finding per fact ------------------------------------------------------------------------------------------

def test_a_recorded_call_is_one_finding_with_the_generic_novelty_folded_into_it():
    """A recorded-call change gave a new kind of data "calls", the reading's purpose and its widened form for one
    sentence; the reading explains the sentence, so the generic findings on the same object are its detail."""
    old = "The controller is Beispiel GmbH, Berlin, Germany. We do not record calls with our support team.\n"
    new = "The controller is Beispiel GmbH, Berlin, Germany. We record calls with our support team to train our staff.\n"
    result = judge(old, new)
    assert result.classification.value == "material-consent"
    assert [f.prose.key for f in result.findings if f.prose] == ["spoken-word-recorded"]
    (finding,) = result.findings
    assert [f.kind.value for f in finding.folded] == ["new_data_category"]
    # (a purpose of another object on the same sentence stays a finding of its own)
    other = judge("We answer your questions by phone.\n",
                  "We answer your questions by phone. We record your calls with our support team to train our staff "
                  "and to improve our products.\n")
    assert sorted(f.prose.key for f in other.findings if f.prose) == ["functional.service.improve",
                                                                       "spoken-word-recorded"]


def test_a_generic_finding_stronger_than_the_reading_is_not_folded():
    """The verdict never changes: a generic finding that asks more than the specific reading stays a finding."""
    from privacykit.changes.items import Item
    from privacykit.changes.prose import ProseFinding, ProseKind
    from privacykit.changes.verdict import Finding, Origin, _folded
    from privacykit.model.facts import ChangeKind
    from privacykit.model.rules import Action

    said = "We record calls with our support team."

    def finding(kind, implied, words, key, action):
        prose = ProseFinding("s", kind, Item.PURPOSES, implied, None, words, (words,), said, key)
        return Finding(prose.id, implied, Origin.TEXT, "", ("s",), action, prose=prose)

    specific = finding(ProseKind.NEW_VALUE, ChangeKind.PRACTICE_CHANGED, "record calls", "spoken-word-recorded",
                       Action.NOTIFY)
    weaker = finding(ProseKind.NEW_VALUE, ChangeKind.NEW_DATA_CATEGORY, "calls", "object:call", Action.NOTIFY)
    stronger = finding(ProseKind.NEW_VALUE, ChangeKind.NEW_DATA_CATEGORY, "calls", "object:call", Action.CONSENT)
    assert _folded([specific, weaker]) == [replace_folded(specific, weaker)]
    assert _folded([specific, stronger]) == [specific, stronger]


def replace_folded(finding, *folded):
    from dataclasses import replace
    return replace(finding, folded=folded)


def test_the_check_report_shows_the_folded_findings_as_detail():
    from privacykit.changes.report import _finding_lines
    old = "The controller is Beispiel GmbH, Berlin, Germany. We do not record calls with our support team.\n"
    new = "The controller is Beispiel GmbH, Berlin, Germany. We record calls with our support team to train our staff.\n"
    (finding,) = judge(old, new).findings

    class OneRegion:
        regions = ()

        @staticmethod
        def regions_with(ref):
            return ["eu"]

    lines = _finding_lines(OneRegion, finding, None)
    assert any(line.startswith("  - also read as: needs legal review: new kind of personal data") for line in lines)



def test_an_acknowledgement_of_a_folded_finding_names_the_finding_that_now_stands_for_it():
    """A project that acknowledged the generic "new kind of data" finding before the fold is told, in one line, which
    finding to acknowledge instead (not "the draft does not contain it", and not silently covered)."""
    from privacykit.changes.verdict import Acknowledgement, Decision, RegionVerdict, Verdict
    old = "The controller is Beispiel GmbH, Berlin, Germany. We do not record calls with our support team.\n"
    new = "The controller is Beispiel GmbH, Berlin, Germany. We record calls with our support team to train our staff.\n"
    (finding,) = judge(old, new).findings
    (generic,) = finding.folded
    verdict = Verdict("website", "2024-03-05", "draft", (RegionVerdict("eu", ("gdpr",), (finding,)),))
    problems = verdict.unacknowledged([Acknowledgement(generic.id, Decision.NOTIFY, "told in the e-mail", None, 7)],
                                      "release-notes.yml")
    moved = [p for p in problems if p.line == 7]
    assert len(moved) == 1
    assert f"'{generic.ref}', which is now read as part of '{finding.ref}'" in str(moved[0].message)
    assert f"acknowledge '{finding.ref}' instead" in str(moved[0].hint)
    # (the reading itself is still open until it is acknowledged)
    assert any(p.line is None and finding.ref in str(p.message) for p in problems)

# -- 3. a policy's own name before "account" ---------------------------------------------------------------------------

def test_the_policys_own_names_come_from_its_title_its_we_and_its_brand_words():
    from privacykit.changes.exposed import own_names
    assert "Spotify" in own_names("Spotify Privacy Policy", [])
    assert "Halden" in own_names("", ['Halden Audio Ltd ("Halden", "we", "us") makes an app.'])
    brand = ["Wren keeps your playlists.", "Wren shows what friends play.", "We use your Wren history.", "Ask Google."]
    assert own_names("", brand) == {"Wren"}
    # (a word capitalised only where it opens a sentence is no name)
    assert "Partners" not in own_names("", ["Partners help us.", "Partners measure ads.", "Partners see counts."])


def test_the_policy_naming_itself_before_account_is_no_other_service():
    from privacykit.changes.exposed import account_combined
    said = "Wren may combine your play history with your Wren account to build weekly mixes."
    assert account_combined([], [], said) is not None            # (nothing known of the policy: another company)
    assert account_combined([], [], said, frozenset({"Wren"})) is None
    other = "We share data with our affiliates, so that Microsoft can combine it with the data in your Microsoft account."
    assert account_combined([], [], other, frozenset({"LinkedIn"})) is not None


# -- 4. a denial read by its scope, an act by its role ------------------------------------------------------------------

def test_a_denial_of_recording_is_read_by_its_scope_in_the_clause():
    from privacykit.changes.recorded import denies_recording, recording_turned
    for denied in ("No calls with other players are recorded.", "None of your coaching sessions will ever be recorded.",
                   "We will never, under any circumstances, record your video calls.",
                   "Recording of group calls does not take place.", "No recording of your lessons takes place.",
                   "Nobody records your chats."):
        assert denies_recording(denied), denied
    # (a denial of another verb whose object is a recording)
    for other in ("We do not use your voice recordings to train models.",
                  "No recordings of your sessions are shared with advertisers.",
                  "We will never, under any circumstances, sell recordings of your lessons."):
        assert not denies_recording(other), other
    assert recording_turned("Recording of coaching sessions does not take place.",
                            "Coaching sessions are recorded so that coaches can review them.") is not None


def test_a_yes_is_taken_from_any_act_in_the_acts_place_but_a_control_for_it():
    from privacykit.changes.deemed import deemed
    assert deemed("By joining a club, you consent to your results being sent abroad.") is not None
    assert deemed("When you pair your meter, you consent to us processing your health data.") is not None
    assert deemed("Upon installation, you give your explicit consent to the transfer of your data.") is not None
    for control in ("By ticking the box, you give your explicit consent to the transfer.",
                    "When you switch on Health Sync, you consent to us reading your health data.",
                    "When you choose to share your health data, you give your explicit consent to that sharing.",
                    "By signing the consent form, you give your explicit consent to the transfer abroad.",
                    "Nothing here means your explicit consent to a transfer."):
        assert deemed(control) is None, control
