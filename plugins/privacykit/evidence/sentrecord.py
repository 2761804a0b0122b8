"""Evidence bundles of format 5: the notices recorded as sent to the bundle's region.

An auditor asks of a text in force "were its readers told, and when?". The release's manifest proves
which notices it wrote (`notices/<region>.*`, hashed and signed); whether they went out is the team's
word, kept in `versions/<statement>.notices-sent.yml` (`privacykit notices sent`). A bundle holds the
entries of its region for the releases of its chain, as `notices-sent.yml` (always, `sent: []` when
none), listed with its sha256 in bundle.json like every other file.

`--verify` checks what the manifests can tell of each entry: that it is of the bundle's region, names a
release of the chain that wrote a notice for that region, was sent no earlier than the release was made,
after its effective date only when recorded as late, and recorded no earlier than sent nor after the
bundle was made. It cannot check that a notice was sent at all: the entries are the team's statement,
which no release key signed; the bundle's own signature covers them when the bundle was signed, and
`--verify` says which.
"""

from __future__ import annotations

import datetime as dt

from ..errors import ContentError
from ..load.yamlio import load_yaml
from ..versions.sent import SentEntry, dates_problem, not_an_entry, read_sent, region_record
from ..versions.store import VersionStore, notice_region

SENT_FORMAT = 5
SENT_FILE = "notices-sent.yml"


def held(store: VersionStore, statement: str, region: str, chain: list[str]) -> bytes:
    """The bytes of `notices-sent.yml` for a bundle of `region` whose chain is `chain`: the record's entries
    of that region for those releases, in the record's order (a record that cannot be read is one line)."""
    return region_record([e for e in read_sent(store, statement)
                          if e.region == region and e.release.isoformat() in chain])


def check(index: dict, files: dict[str, bytes], manifests: dict[str, dict], problems: list[str],
          findings: list[str]) -> list[SentEntry]:
    """Format 5: the entries `notices-sent.yml` holds, each checked against the manifests of the chain; a
    problem in one line otherwise (then no entry is returned). The findings say each entry in one sentence,
    or that none is recorded, naming the releases that wrote a notice for the region."""
    if index["format"] < SENT_FORMAT:
        return []
    entries = _entries(files, problems)
    if entries is None:
        return []
    for number, entry in enumerate(entries, 1):
        wrong = _inconsistent(entry, index, manifests)
        if wrong:
            problems.append(f"{SENT_FILE}: entry {number} ({entry.said()}): {wrong}")
            return []
    region = index["region"]
    for entry in entries:
        timing = _timing(entry, manifests[entry.release.isoformat()], region)
        findings.append(f"notices sent: {entry.said()} ({timing})")
    if not entries:
        wrote = [r for r in index["chain"] if _wrote_notice(manifests[r], region)]
        findings.append(f"notices sent: none recorded for region '{region}'" + (
            f" (release{'s' if len(wrote) > 1 else ''} {', '.join(wrote)} wrote notices for it)" if wrote else
            " (no release of the bundle wrote a notice for it)"))
    return entries


def trust_line(index: dict, entries: list[SentEntry], signer: str | None) -> str | None:
    """What vouches for the entries, said plainly: the team alone, or the bundle's signer too."""
    if index["format"] < SENT_FORMAT or not entries:
        return None
    count = "the notice" if len(entries) == 1 else f"the {len(entries)} notices"
    said = (f"{SENT_FILE}: {count} recorded as sent {'is' if len(entries) == 1 else 'are'} the team's own statement "
            "(recorded with privacykit notices sent), not signed by the release key")
    if signer:
        return said + f"; the bundle's signature by {signer} covers them as they were when the bundle was made"
    return said + (", and this bundle is not signed: they rest on the team's word; only that each names a "
                   "release of the bundle that wrote a notice for this region, on dates consistent with it, was "
                   "checked")


def _entries(files: dict[str, bytes], problems: list[str]) -> list[SentEntry] | None:
    """The entries of the bundle's `notices-sent.yml`, or None after a problem (one line)."""
    data = files.get(SENT_FILE)
    if data is None:
        problems.append(f"{SENT_FILE}: missing from the bundle (a bundle of format {SENT_FORMAT} holds the notices "
                        "recorded as sent to its region, if only none)")
        return None
    try:
        record = load_yaml(data.decode("utf-8"), SENT_FILE, fast=True)
    except (ContentError, UnicodeDecodeError):
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("sent"), list):
        problems.append(f"{SENT_FILE}: not a record of notices sent (no 'sent:' list)")
        return None
    entries = []
    for number, item in enumerate(record["sent"], 1):
        try:
            entries.append(SentEntry.from_yaml(item))
        except (KeyError, ValueError, TypeError) as exc:
            problems.append(f"{SENT_FILE}: entry {number} is not a notice sent ({not_an_entry(exc)})")
            return None
    return entries


def _wrote_notice(manifest: dict, region: str) -> bool:
    return any(notice_region(str(rel)) == region for rel in manifest.get("files") or {})


def _released(manifest: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(manifest["released"])) if manifest.get("released") else None
    except ValueError:
        return None


def _inconsistent(entry: SentEntry, index: dict, manifests: dict[str, dict]) -> str | None:
    """Why `entry` cannot be what it says by the release records, or None: what `notices sent` refuses to
    record, checked again from the bundle alone."""
    release, region = entry.release.isoformat(), index["region"]
    if entry.region != region:
        return f"it is of region '{entry.region}', not the bundle's '{region}'"
    if release not in index["chain"]:
        return f"release {release} is not in the bundle (its chain is {', '.join(index['chain'])})"
    manifest = manifests[release]
    if not _wrote_notice(manifest, region):
        return f"release {release} wrote no notice for region '{region}' (its manifest lists none)"
    wrong = dates_problem(entry, _released(manifest))
    if wrong:
        return wrong
    if entry.recorded_on.isoformat() > index["made"]:
        return f"recorded on {entry.recorded_on.isoformat()}, after the bundle was made ({index['made']})"
    return None


def _timing(entry: SentEntry, manifest: dict, region: str) -> str:
    """How far ahead of the effective date the notice went, against the days the region's rules asked."""
    days = (entry.release - entry.sent_on).days
    if days < 0:
        return f"{-days} days after it took effect"
    if days == 0:
        return "on the day it took effect"
    regions = (manifest.get("verdict") or {}).get("regions") if isinstance(manifest.get("verdict"), dict) else None
    judged = regions.get(region) if isinstance(regions, dict) else None
    asked = judged.get("advance_days") if isinstance(judged, dict) else None
    said = f"{days} days before it took effect"
    if isinstance(asked, int) and not isinstance(asked, bool) and asked > 0:
        said += f"; its rules asked {asked}" + (", so it gave less notice than they asked" if days < asked else "")
    return said
