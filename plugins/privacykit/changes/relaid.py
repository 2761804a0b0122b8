"""A statement laid out again in place: a paragraph or a list made a table, a table made a list or prose.

A table made from a paragraph (or back) says what the paragraph said when each row's cells, read with the column
headers, hold the words the paragraph's clauses held, and nothing else: the column "Where you are located" carries
the old "If you are located in …", the column "Average response time" the old header "Average response rate" of
the figures. The prose reader compares sentence with sentence, so a row read against the old paragraph loses the
paragraph's condition, gains the row's label as a value, or meets a period its old table row (figures only) never
stated as a sentence. GDPR Art. 12-13 ask what the notice tells the reader, not in what layout: a unit whose words
and numbers are those of a few consecutive old units of its own section, no word gained but its header's and a
label the old section (or the row itself) already gives, no word lost but the old table's header, tells nothing new
(revfa25).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .editorial import content_stems
from .restated import _numbers, cover_words

# The old units a re-laid unit may gather: a list of purposes made one table row holds one item; a list of rights
# turned back into one sentence holds up to this many.
RELAID_MAX_UNITS = 12
# Where a re-laid unit's parts meet: a table's cells ("; ") and its sentences. Each part must be told by ONE old
# unit of the run (a row's cells, or a clause of prose), so that words swapped between two old sentences ("We share
# A with X. We collect B." -> "We share B with X; we collect A") are not the same statement.
_PARTS = re.compile(r";\s+|(?<=[.!?])\s+(?=[A-Z])|\s+\*\s+")
# The words of polarity, limits and modality a content word leaves out ("only", "not", "may"): a re-laid unit and
# its run say each of them alike, so "only" dropped (revS-01's "but only in a pseudonymized format", revU-06's
# "used only to send the invitation") or a denial turned round is no re-layout.
_BOUNDING = frozenset({"not", "never", "no", "none", "neither", "nor", "cannot", "without", "only", "solely",
                       "exclusively", "unless", "until", "except", "but", "however", "may", "might", "will", "must",
                       "shall", "can", "could", "would", "should", "always", "typically", "usually", "generally",
                       "sometimes", "all", "any", "some", "each", "every",
                       # the words of a choice or a consent the practice waits on ("… and you've chosen to use a voice
                       # feature, we collect …" losing its second limb in a row): a consent condition dropped is no
                       # re-layout either (silent34)
                       "consent", "consented", "consents", "chosen", "choose", "chooses", "chose", "agree", "agreed",
                       "permission", "opted"})
# A label shares a word's start with the row's own words ("Analytics" | "Monitor and analyze trends"): this long.
_LABEL_PREFIX = 5


def _bounds(text: str) -> list[str]:
    """The words of `_BOUNDING` in `text`, each as often as it stands there: a second "only" dropped beside one kept
    ("… use it only to evaluate …, and share it only with …", sgG-16) is a limit dropped."""
    return sorted(w for w in re.findall(r"[a-z]+", text.lower().replace("n't", " not")) if w in _BOUNDING)


def _words(text: str) -> frozenset[str]:
    return cover_words(text) | _numbers(text)


def _label_told(label: str, body: frozenset[str], old_section: str) -> frozenset[str]:
    """The words of a row's label ("Analytics", "User Research") the old section gives as written, or the row's
    own words name (a word with the same start of `_LABEL_PREFIX` letters): a name of the row, not a value."""
    lowered = old_section.lower()
    if label.strip(" *_").lower() and label.strip(" *_").lower() in lowered:
        return _words(label)
    return frozenset(w for w in _words(label)
                     if len(w) >= _LABEL_PREFIX and any(b[:_LABEL_PREFIX] == w[:_LABEL_PREFIX] for b in body))


def relaid_in_place(text: str, header: str, label: str, old_units: Sequence[tuple[str, str]], old_section: str,
                    found: Sequence[str] = ()) -> bool:
    """Whether `text` (a new unit of a section: a table row's cells joined by "; " under the column names `header`
    and with its first cell `label`, a list item, a sentence) says what a run of consecutive `old_units` of the old
    section (each its text and its table's column names, "" outside tables) said, in another layout: every word and
    number of it, its header's aside (and its label's, where the old section or the row's own words give it), in the
    run; every word and number of the run, old headers aside, in it; and each of its parts told by one unit of the
    run."""
    heading = cover_words(header)
    body = _words(text) - heading
    if len(body) < 3:
        return False
    free = heading | (_label_told(label, body - _words(label), old_section) if label else frozenset())
    wanted = body - free
    for start in range(len(old_units)):
        told: set[str] = set()
        # A run of several old units is gathered by a table's row only: a list or a sentence gathering several
        # (cgC-14, a list of data a sentence of which moved) is read by the section's pairing.
        for end in range(start, min(len(old_units), start + (RELAID_MAX_UNITS if header else 1))):
            old_text, old_header = old_units[end]
            told |= _words(old_text) | cover_words(old_header)
            if not wanted <= told:
                continue
            run = old_units[start:end + 1]
            # Nothing lost: the run's own words (its table's header aside, a layout's form) are all in the unit.
            lost = set().union(*(_words(t) for t, _ in run)) - _words(text) - content_stems(text) - heading
            if lost:
                break      # a longer run only loses more
            if _bounds(text + " " + header) != _bounds(" ".join(f"{t} {h}" for t, h in run)):
                continue
            # The finding's own words (a value, a practice's words) the unit writes outside its label stand in the run
            # as written: words of form the content words leave out ("for their own purposes", cgG-12) still changed.
            joined = " ".join(f"{t} {h}" for t, h in run).lower()
            own = (text[len(label):] if label and text.startswith(label) else text).lower()
            if any(w.lower() in own and w.lower() not in joined for w in found if w.strip()):
                continue
            if not all(_part_told(part, heading | free, run) for part in _PARTS.split(text)):
                continue
            return True
    return False


def _part_told(part: str, free: frozenset[str], run: Sequence[tuple[str, str]]) -> bool:
    words = _words(part) - free
    return not words or any(words <= _words(p) | cover_words(h) for t, h in run for p in _PARTS.split(t))


def table_rows(markdown: str) -> list[tuple[str, str]]:
    """The rows of a section's tables as (cells joined by "; ", the column names joined by " "), header rows
    left out: what a row read with its column headers says, figures included."""
    rows: list[tuple[str, str]] = []
    header: str | None = None
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped.startswith("|"):
            header = None
            continue
        if set(stripped) <= set("|-: "):
            continue
        cells = [c.strip(" *_") for c in stripped.strip("|").split("|")]
        if header is None:
            header = " ".join(c for c in cells if c)
            continue
        rows.append(("; ".join(c for c in cells if c), header))
    return rows
