"""Evidence bundles of format 4 (bundle45): the version of a region's text, not the release.

A release records the whole statement; a release that left a region's text as it was is no
version of it there (`versions.regional`). A bundle of format 4 therefore answers with the
region's version in force on the date: the release that made it, the fingerprint of its text,
and the release that next changed *this region's* text (`superseded_on`), which may come after
several releases that left it as it was.

To let `--verify` rebuild that answer from the bundle alone, a format-4 bundle holds, besides the
release in force, the release just before it (`chain` then starts there: it shows the version
began with that release) and the region's frozen text (`regions/<region>.md` and `.json`) of every
later release up to the one that changed it. What each release published in the region is read
from its manifest's `texts` (signed with it; manifests made since bundle45) and recomputed from
the frozen text the bundle holds, which must agree; a manifest made before `texts` existed is
answered by recomputation alone, and the bundle says so. `versions.regional.versions_among` then
decides which are versions, as the site does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..errors import ContentError
from ..model.document import ResolvedDocument
from ..versions.regional import Published, versions_among
from ..versions.store import MANIFEST, Version, VersionStore, sha256, version_from_manifest

REGION_FORMAT = 4


@dataclass
class RegionHistory:
    """What a bundle of `version` in a region holds of the region's history."""

    version: Version                      # the region's version in force on the date
    published: Published                  # what it published there
    before: Version | None                # the release just before it (none for a first release)
    changed: Version | None               # the release that next changed the region's text
    texts: list[Version] = field(default_factory=list)   # releases whose region text the bundle holds


def history(store: VersionStore, statement: str, region: str, version: Version, regional: list[Version]) \
        -> RegionHistory:
    """The history a bundle of `version` (one of `regional`, the region's versions) holds."""
    releases = store.versions(statement)
    before = next((v for v in releases if v.effective_date == version.previous), None) \
        if version.previous else None
    # The next version, or a release that left the region out first: it ended the text there (mend1).
    changed = next((v for v in releases if v.effective_date > version.effective_date
                    and (v in regional or region not in v.regions)), None)
    end = changed.effective_date if changed else None
    texts = [v for v in releases if region in v.regions and v is not version
             and (before is None or v.effective_date >= before.effective_date)
             and (end is None or v.effective_date <= end)]
    return RegionHistory(version, Published.of(store.document(version, region)), before, changed, texts)


def held_texts(index: dict, manifests: dict[str, dict]) -> set[str]:
    """The region texts of the chain's releases, other than the release in force, that a bundle holds."""
    region, in_force = index["region"], index["in_force"]
    return {f"releases/{r}/regions/{region}.{ext}" for r in index["chain"] if r != in_force
            and region in [str(x) for x in manifests[r].get("regions") or ()] for ext in ("md", "json")}


def check(index: dict, files: dict[str, bytes], manifests: dict[str, dict], problems: list[str],
          findings: list[str]) -> str | None:
    """Rebuild the region's versions along the bundle's chain: each held region text against its
    release's manifest, what each release published (recorded and recomputed, which must agree),
    then which releases are versions. Returns the release that next changed the region's text (None
    when none did); the findings say what the answer rests on."""
    region, in_force, chain = index["region"], index["in_force"], index["chain"]
    releases: list[Version] = []
    for release in chain:
        shown = f"releases/{release}/{MANIFEST}"
        try:
            releases.append(version_from_manifest(manifests[release], index["statement"],
                                                  _folder(release), shown, f"releases/{release}"))
        except ContentError as exc:
            problems.append(f"{shown}: {exc.problems[0].message}")
            return None
    known: dict[str, Published] = {}
    recorded: list[str] = []
    recomputed: list[str] = []

    def published(release: Version) -> Published:
        if release.id not in known:
            found = _published(release, region, files)
            known[release.id] = found[0]
            (recorded if found[1] else recomputed).append(release.id)
        return known[release.id]

    position = chain.index(in_force)
    if position == 0 and releases[0].previous is not None:
        problems.append(f"bundle.json: chain starts at {in_force}, without release {releases[0].previous.isoformat()} "
                        f"before it, so nothing shows that release {in_force} changed the text of region '{region}'")
        return None
    changed: Version | None = None
    try:
        if in_force not in [v.id for v in versions_among(releases[:position + 1], region, published)]:
            problems.append(f"bundle.json: in_force {in_force}, but release {in_force} left the text of region "
                            f"'{region}' as release {chain[0]} published it (it is no version of the region)")
            return None
        for end in range(position + 2, len(releases) + 1):
            if region not in releases[end - 1].regions or \
                    versions_among(releases[:end], region, published)[-1] is releases[end - 1]:
                changed = releases[end - 1]     # (a release that left the region out ended its text: mend1)
                break
    except _Refused as refused:
        problems.append(str(refused))
        return None
    own = known[in_force]
    for key, value in (("fingerprint", own.fingerprint), ("language", own.language)):
        if index[key] != value:
            problems.append(f"bundle.json: {key} {index[key]!r} is not the {key} of the version {in_force} of "
                            f"region '{region}' ({value})")
            return None
    left = [r.id for r in releases[position + 1:] if region in r.regions
            and (changed is None or r.effective_date < changed.effective_date)]
    findings.append(f"versions: the version {in_force} of region '{region}' (language {own.language}, "
                    f"fingerprint {own.fingerprint}) was made by release {in_force}"
                    + (f"; {_releases(left)} left its text as it was" if left else "")
                    + (f"; release {changed.id} {'changed it' if region in changed.regions else 'left the region out'}"
                       if changed else "; no later release changed it"))
    if recorded:
        one = len(recorded) == 1
        findings.append(f"fingerprints: as {'the manifest' if one else 'the manifests'} of "
                        f"{_releases(sorted(recorded))} {'records' if one else 'record'} them, "
                        "and as the frozen text in the bundle recomputes them")
    if recomputed:
        one = len(recomputed) == 1
        findings.append(f"fingerprints: recomputed from the frozen text of {_releases(sorted(recomputed))}, which "
                        f"{'matches the sha256 its manifest lists' if one else 'match the sha256 their manifests list'}"
                        f" ({'a manifest' if one else 'manifests'} made before privacykit recorded each region's "
                        "fingerprint): this part of the answer rests on recomputation, not on a manifest's record")
    return changed.id if changed else None


class _Refused(Exception):
    """A region text that cannot vouch for what its release published (its message is the one line)."""


def _folder(release: str):
    from pathlib import Path

    return Path("releases") / release


def _releases(ids: list[str]) -> str:
    return ("release " if len(ids) == 1 else "releases ") + ", ".join(ids)


def _published(release: Version, region: str, files: dict[str, bytes]) -> tuple[Published, bool]:
    """What `release` published in `region`, and whether its manifest records it (`texts`): recorded, or
    recomputed from the frozen text the bundle holds. Held text must match the manifest's sha256, and a
    recorded fingerprint the held text's."""
    recorded = Published.from_manifest(release.texts.get(region))
    for ext in ("md", "json"):
        rel = f"regions/{region}.{ext}"
        data = files.get(f"releases/{release.id}/{rel}")
        if data is not None and sha256(data) != release.files.get(rel):
            raise _Refused(f"releases/{release.id}/{rel}: sha256 differs from the manifest of release {release.id} "
                           f"(the text of region '{region}' was changed)")
    data = files.get(f"releases/{release.id}/regions/{region}.json")
    if data is None:
        if recorded is not None:
            return recorded, True
        raise _Refused(f"releases/{release.id}/regions/{region}.json: missing from the bundle (the manifest of "
                       f"release {release.id} records no fingerprint of region '{region}', so it is recomputed "
                       "from the frozen text)")
    try:
        recomputed = Published.of(ResolvedDocument.from_dict(json.loads(data)["document"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _Refused(f"releases/{release.id}/regions/{region}.json: not a frozen document") from None
    if recorded is not None and recorded != recomputed:
        raise _Refused(f"releases/{release.id}/regions/{region}.json: the fingerprint of its text "
                       f"({recomputed.fingerprint}) is not the one the manifest of release {release.id} records "
                       f"({recorded.fingerprint})")
    return recomputed, recorded is not None
