"""The record of a release's notices sent: `versions/<statement>.notices-sent.yml`.

A release writes each region's notices (`notices/<region>.email.md`, `.inapp.txt`) and the team sends them;
`privacykit notices sent` appends what was sent, to whom (the region), by which channel, on which day and by
whom, so the record answers an auditor's "were EU readers told 30 days ahead?". The file sits beside the
releases' folders, not in one: a release folder holds only what its signed manifest lists (`verify`).
`check` warns of a release not yet in force whose regions have no entry once its notice period has begun.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import replace_file
from ..errors import ContentError, Problem, UsageError
from ..load.textfile import read_text
from ..load.yamlio import dump_yaml, load_yaml
from ..model.channels import Channel
from .store import Version, VersionStore, notice_regions

HEADER = ("# The notices of this statement's releases recorded as sent (privacykit notices sent).\n"
          "# Appended to by the command; an entry is the team's statement of what was sent, never edited after.\n")


@dataclass(frozen=True)
class SentEntry:
    """One region's notice of one release, recorded as sent (pure data; round-trips to the record's YAML)."""

    release: dt.date                # the release's effective date (its folder's name)
    region: str
    channels: tuple[Channel, ...]
    sent_on: dt.date
    recorded_on: dt.date
    by: str | None = None
    note: str | None = None
    late: bool = False              # sent after the release took effect, recorded so (`--late`)

    def to_yaml(self) -> dict[str, Any]:
        out: dict[str, Any] = {"release": self.release.isoformat(), "region": self.region,
                               "channels": [c.value for c in self.channels], "sent_on": self.sent_on.isoformat(),
                               "recorded_on": self.recorded_on.isoformat()}
        if self.late:
            out["late"] = True
        if self.by:
            out["by"] = self.by
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_yaml(cls, data: object) -> SentEntry:
        """The entry `data` records; `ValueError`, `KeyError` or `TypeError` when it is not one."""
        if not isinstance(data, dict):
            raise TypeError("an entry is not a mapping")
        return cls(dt.date.fromisoformat(str(data["release"])), str(data["region"]),
                   tuple(Channel(str(c)) for c in data["channels"]), dt.date.fromisoformat(str(data["sent_on"])),
                   dt.date.fromisoformat(str(data["recorded_on"])),
                   str(data["by"]) if data.get("by") else None, str(data["note"]) if data.get("note") else None,
                   data.get("late") is True)

    def said(self) -> str:
        """The entry in one sentence, as an evidence bundle's README and `--verify` say it: "notice of the
        2024-03-05 release sent by email and in the app on 2024-02-01, by Ana Lima"."""
        late = " (recorded as late)" if self.late else ""
        return (f"notice of the {self.release.isoformat()} release sent {channels_said(self.channels)} on "
                f"{self.sent_on.isoformat()}{late}, by {self.by or 'someone not recorded'}")


# How a sentence says a notice went out by each channel ("sent by email", "sent in the app").
_SENT_BY = {Channel.EMAIL: "by email", Channel.IN_APP: "in the app"}


def channels_said(channels: tuple[Channel, ...]) -> str:
    """The channels as "sent …" goes on ("by email and in the app"): the record's values are ids, and "sent by
    in-app" is no sentence."""
    return " and ".join(_SENT_BY[c] for c in channels)


def _load(path: Path, shown: str) -> Any:
    """The record's round-trip YAML (comments kept), or None when there is none yet."""
    if not path.is_file():
        return None
    data = load_yaml(read_text(path, shown), shown, comments=True)
    if data is not None and not (isinstance(data, dict) and isinstance(data.get("sent"), list)):
        raise ContentError(Problem(shown, 1, "not a record of notices sent (no 'sent:' list)",
                                   "restore it from version control"))
    return data


def _read(store: VersionStore, statement: str) -> list[tuple[SentEntry, int | None]]:
    """Every entry of `statement`'s record with its line (none when it has none); a `ContentError` naming the
    entry otherwise."""
    path = store.paths.notices_sent(statement)
    shown = store.shown(path)
    data = _load(path, shown)
    out = []
    for index, item in enumerate(data["sent"] if data is not None else []):
        line = item.lc.line + 1 if hasattr(item, "lc") else None
        try:
            out.append((SentEntry.from_yaml(item), line))
        except (KeyError, ValueError, TypeError) as exc:
            raise ContentError(Problem(shown, line, f"sent: entry {index + 1} is not a notice sent "
                                       f"({not_an_entry(exc)})", "restore it from version control")) from None
    return out


def not_an_entry(exc: Exception) -> str:
    """What `SentEntry.from_yaml` found wrong, in words: a missing key is named as missing."""
    return f"no '{exc.args[0]}'" if isinstance(exc, KeyError) else str(exc)


def read_sent(store: VersionStore, statement: str) -> list[SentEntry]:
    """Every entry of `statement`'s record (none when it has none); a `ContentError` naming the entry otherwise."""
    return [entry for entry, _ in _read(store, statement)]


def dates_problem(entry: SentEntry, released: dt.date | None) -> str | None:
    """Why `entry`'s days cannot be true of its release (made on `released`, when its manifest says), or None:
    what `notices sent` refuses to record, judged again where the record is read (`check`, `evidence --verify`)."""
    release = entry.release.isoformat()
    if released is not None and entry.sent_on < released:
        return f"sent before release {release} was made ({released.isoformat()}), which wrote the notice"
    if entry.sent_on > entry.release and not entry.late:
        return f"sent after release {release} took effect, but not recorded as late"
    if entry.late and entry.sent_on <= entry.release:
        return f"recorded as late, but sent before release {release} took effect"
    if entry.recorded_on < entry.sent_on:
        return f"recorded on {entry.recorded_on.isoformat()}, before it was sent"
    return None


def record_problems(store: VersionStore, statements: list[str]) -> list[Problem]:
    """Each statement's record of notices sent, read whole whenever it exists (not only while a release is
    pending): one line (file:line) for a record that cannot be read, an entry that is not one, or one its
    release contradicts (a release of the statement neither live nor withdrawn, a region it wrote no notice
    for, days `dates_problem` refuses)."""
    problems = []
    for statement in statements:
        path = store.paths.notices_sent(statement)
        if not path.exists():
            continue
        shown = store.shown(path)
        if not path.is_file():
            problems.append(Problem(shown, None, "not a file: the record of notices sent is a YAML file",
                                    "restore it from version control"))
            continue
        try:
            entries = _read(store, statement)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        try:
            told = _notices_written(store, statement)
        except ContentError:
            continue        # a release that cannot be read is `verify`'s to name
        for number, (entry, line) in enumerate(entries, 1):
            wrong = _entry_problem(entry, told)
            if wrong:
                problems.append(Problem(shown, line, f"sent: entry {number} ({entry.said()}): {wrong}",
                                        "restore it from version control"))
                break
    return problems


def _notices_written(store: VersionStore, statement: str) -> dict[dt.date, tuple[list[str], dt.date | None]]:
    """Release (live or withdrawn) -> the regions it wrote notices for, and the day it was made when recorded."""
    told: dict[dt.date, tuple[list[str], dt.date | None]] = {
        w.release: (notice_regions(w.files), None) for w in store.withdrawals(statement)[0]}
    told.update({v.effective_date: (notice_regions(v.files), v.released) for v in store.versions(statement)})
    return told


def _entry_problem(entry: SentEntry, told: dict[dt.date, tuple[list[str], dt.date | None]]) -> str | None:
    if entry.release not in told:
        return f"release {entry.release.isoformat()} is no release of this statement"
    regions, released = told[entry.release]
    if entry.region not in regions:
        return f"release {entry.release.isoformat()} wrote no notice for region '{entry.region}'"
    return dates_problem(entry, released)


def _release(store: VersionStore, statement: str, release: str) -> Version:
    """The live release `release` of `statement`; a withdrawn or unknown one refused in one line."""
    live = {v.id: v for v in store.versions(statement)}
    if release in live:
        return live[release]
    withdrawn = [w for w in store.withdrawals(statement)[0] if w.id == release]
    if withdrawn:
        w = withdrawn[-1]
        raise UsageError(Problem(w.shown, None, f"release {statement} {release} was withdrawn on {w.withdrawn_on} "
                                 "and never takes effect: its notices are not to be recorded as sent",
                                 f"send its recall notices ({w.shown}/notices/) instead"))
    return store.get(statement, release)     # raises, naming the known versions


def record_sent(store: VersionStore, statement: str, release: str, regions: tuple[str, ...],
                channels: tuple[Channel, ...], sent_on: dt.date, today: dt.date, by: str | None = None,
                note: str | None = None, late: bool = False) -> tuple[Path, list[SentEntry]]:
    """Append one entry per region to `statement`'s record and return its path and the entries.

    Refused in one line, nothing written: a release that is not live (unknown or withdrawn), a region it wrote
    no notice for, a day after `today` (UTC), before the release was made, or after it took effect unless
    `late` says so (and `late` when it was not)."""
    with store.locked(statement):
        version = _release(store, statement, release)
        told = notice_regions(version.files)
        for region in regions:
            if region not in told:
                where = f"it wrote notices for {', '.join(told)} ({version.shown}/notices/)" if told \
                    else "it wrote no notices"
                raise UsageError(Problem("--region", None, f"release {statement} {release} wrote no notice for "
                                         f"region '{region}'", where))
        if sent_on > today:
            raise UsageError(Problem("--on", None, f"{sent_on} is in the future (today is {today}, UTC)",
                                     "record a notice once it was sent"))
        if version.released is not None and sent_on < version.released:
            raise UsageError(Problem("--on", None, f"{sent_on} is before release {statement} {release} was made "
                                     f"({version.released}), which wrote the notices", "give the day they were sent"))
        if sent_on > version.effective_date and not late:
            raise UsageError(Problem("--on", None, f"{sent_on} is after release {statement} {release} took effect",
                                     "if they were sent late, record it so with --late"))
        if late and sent_on <= version.effective_date:
            raise UsageError(Problem("--late", None, f"{sent_on} is not after release {statement} {release} took "
                                     "effect", "leave out --late"))
        path = store.paths.notices_sent(statement)
        shown = store.shown(path)
        data = _load(path, shown)
        if data is None:
            data = load_yaml(HEADER + "sent: []\n", shown, comments=True)
        entries = [SentEntry(version.effective_date, region, channels, sent_on, today, by, note, late)
                   for region in dict.fromkeys(regions)]
        data["sent"].extend(entry.to_yaml() for entry in entries)
        replace_file(path, dump_yaml(data).encode("utf-8"))
    return path, entries


# The header of the extract an evidence bundle holds (`region_record`): the entries of one region only.
REGION_HEADER = ("# The notices of this statement's releases to one region recorded as sent (privacykit notices\n"
                 "# sent), copied from the team's record when this evidence bundle was made: the team's statement.\n")


def region_record(entries: list[SentEntry]) -> bytes:
    """The YAML of `entries` (one region's, as `read_sent` gave them) in the record's own form, for a bundle."""
    data = load_yaml(REGION_HEADER + "sent: []\n", "notices-sent.yml", comments=True)
    data["sent"].extend(entry.to_yaml() for entry in entries)
    return dump_yaml(data).encode("utf-8")


def unsent_warnings(store: VersionStore, statements: list[str], today: dt.date) -> list[Problem]:
    """One warning per release not yet in force whose notices were written and whose notice period has begun
    (its effective date `advance_days` away or nearer, a day for a region whose rules ask none), naming the
    regions with no entry in the record."""
    warnings = []
    for statement in statements:
        try:
            versions = [v for v in store.versions(statement) if v.effective_date > today]
        except ContentError:
            continue        # a release that cannot be read is `verify`'s to name
        if not versions:
            continue
        sent = {(e.release, e.region) for e in read_sent(store, statement)}
        for version in versions:
            left = (version.effective_date - today).days
            due = []
            for region in notice_regions(version.files):
                verdict = version.region_verdict(region)
                days = verdict.advance_days if verdict is not None else 0
                if left <= max(days, 1) and (version.effective_date, region) not in sent:
                    due.append(region)
            if due:
                flags = " ".join(f"--region {r}" for r in due)
                warnings.append(Problem(
                    store.shown(store.paths.notices_sent(statement)), None,
                    f"release {statement} {version.id} takes effect in {left} days and its notices to "
                    f"{', '.join(due)} are not recorded as sent",
                    f"send {version.shown}/notices/ to those readers, then: privacykit notices sent {statement} "
                    f"{version.id} {flags}"))
    return warnings
