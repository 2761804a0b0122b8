"""review40: the first round's detector change reviewed (german39, rewrite39, conscol39, boundary39, consaud39).

Each test pins one fix: the recorded own-staff call decided by `rules/boundaries.yml` in one place, the old section's
reads asked once a section, and the audience, session and deemed-act patterns narrowed to what their notes say.
"""

from __future__ import annotations

from privacykit.changes import prose as prose_module
from privacykit.changes.classify import classify_sections, section_from_text
from privacykit.load.rules import load_rules

RULES = load_rules()


def judge(old: str, new: str):
    return classify_sections(section_from_text(old), section_from_text(new), RULES, ("gdpr",))


# -- the fold: a recorded call with the company's own staff, decided by the boundary rule ---------------------------

def test_a_broken_promise_not_to_record_support_calls_is_ruled_by_the_boundaries_file():
    """soA-20's form: "We do not record phone calls" turned into recording calls to the support line. `recorded.py`
    read every broken recording promise as consent; a call with the company's own staff is boundary39's
    `spoken_word_recorded`, a notice under English law, consent where German law governs the controller."""
    old = "The controller is Harbour Lets Ltd, 4 Quay Street, Bristol. We do not record phone calls.\n"
    told = "The controller is Harbour Lets Ltd, 4 Quay Street, Bristol. We now record calls to our helpdesk to train staff.\n"
    assert judge(old, told).classification.value == "material-notify"
    # (the form the recorded-call trigger does not read: this reading's finding is ruled by its key)
    lone = ("The controller is Harbour Lets Ltd, 4 Quay Street, Bristol. We keep the audio of calls to our helpdesk, "
            "recorded for training.\n")
    assert judge(old, lone).classification.value == "material-notify"
    german = old.replace("Harbour Lets Ltd, 4 Quay Street, Bristol", "Hafen Ferien GmbH, Kaistraße 4, Hamburg, Germany")
    assert judge(german, german.replace("We do not record phone calls.",
                                        "We now record calls to our helpdesk to train staff.")
                 ).classification.value == "material-consent"


def test_the_other_broken_recording_promises_keep_their_consent():
    """Calls between users, a consultation, session replay: not the boundary's, consent by `recorded.py` as before."""
    from privacykit.changes.recorded import own_staff_call
    assert judge("We never record video calls between members.\n",
                 "Every video call between members is recorded and kept for 30 days.\n"
                 ).classification.value == "material-consent"
    assert not own_staff_call("Consultations with our support clinicians are recorded.")
    assert not own_staff_call("We use a session-recording tool on our support pages.")
    assert not own_staff_call("Calls with other members are recorded for quality.")
    assert own_staff_call("Calls to our customer service line are recorded for quality.")


# -- speed: the old section asked once a section, not once per added sentence -----------------------------------------

def test_the_old_sections_denials_are_read_once_for_a_long_list_of_added_sentences(monkeypatch):
    """`exposure_turned_unpaired` built the set of the new section's sentences and scanned the old section for each
    added sentence (a list of 2,000 items cost its length squared); now once a section."""
    calls = {"n": 0}
    real = prose_module.denials

    def counted(text: str) -> int:
        calls["n"] += 1
        return real(text)

    monkeypatch.setattr(prose_module, "denials", counted)
    n = 60
    old = "\n".join(f"- Item {i}: nobody else sees your journeys of kind {i}." for i in range(n)) + "\n"
    new = "\n".join(f"- Entry {i * 7}: your contacts view the trips of week {i}." for i in range(n)) + "\n"
    judge(old, new)
    # (each old sentence read once for the section: linear; at 135227d n * n = 3,600 reads)
    assert calls["n"] < 6 * n
    # (the reading itself unchanged: the denial gone beside the sentence that shows the journeys)
    assert judge("Nobody else sees your journeys.\n", "Your contacts can view your journeys.\n"
                 ).classification.value == "material-notify"


# -- patterns wider than their notes ----------------------------------------------------------------------------------

def test_they_of_the_data_is_no_audience():
    """consaud39: "they" counted as an audience wherever it stood, so the person's own view of their data with "they"
    said of the data read as others shown it. "they" and "them" are an audience only as the one who sees or is
    shown ("they can see", "shown to them")."""
    from privacykit.changes.exposed import exposure_turned
    denied = "Your heart rate is never shown to other members."
    assert exposure_turned(denied, "Your heart rate is shown in the app, where they stay for a year.") is None
    assert exposure_turned("Your journeys are not visible to others.",
                           "Your journeys appear in your timeline, and they are kept for two years.") is None
    assert exposure_turned("Your notes are never shown to your tutor.", "Your notes are shown to them after each lesson.")
    assert exposure_turned(denied, "Other members can see your heart rate.")


def test_a_login_session_is_no_communication():
    """conscol39: "sessions" named a communication, so a log-in session recorded for security read as a call turned.
    A session the user lives through (coaching, a lesson, a browsing session replayed) still is one."""
    from privacykit.changes.recorded import recording_turned
    assert recording_turned("We do not record your login sessions.",
                            "We record your login sessions to keep your account safe.") is None
    assert recording_turned("We don't keep a record of your sign-in sessions.",
                            "We record the time of your sign-in sessions.") is None
    assert recording_turned("We never record your coaching sessions.", "We record your coaching sessions for quality.")


def test_terms_agreed_or_a_yes_given_apart_is_no_deemed_yes():
    """conscol39 (`deemed.py`): "you agree to our Terms" is a contract accepted, no yes (its note says so), and a yes
    given by a box or a step of its own is distinct from the act beside it (Art. 7(2))."""
    from privacykit.changes.deemed import deemed
    assert deemed("When you sign up, you agree to our Terms of Service, and we ask separately for your explicit consent "
                  "before we process health data.") is None
    assert deemed("By registering you agree to our Terms, which include how we transfer data abroad.") is None
    assert deemed("You give your explicit consent to the transfer with a separate tick box when you place an order.") \
        is None
    assert deemed("By booking a lesson you give your explicit consent to the processing of your health data.")
    assert deemed("By accepting this policy you agree that your data may be transferred outside the EEA.")
