"""The controlled vocabulary of declared facts.

Data categories, data uses and data subjects come from the Fides taxonomy
(`fideslang`), so they mean the same thing here as in every other tool that
speaks it. Recipients, rights and the retention keywords are closed sets of our
own: fideslang has no vocabulary for them. Countries are ISO 3166-1 alpha-2.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from .. import shipped_file


@dataclass(frozen=True)
class TaxonomyTerm:
    """One key of the Fides taxonomy with its human name and description."""

    key: str
    name: str
    description: str
    parent: str | None


TAXONOMY_SNAPSHOT = "data/fides-taxonomy.json"
_KINDS = ("data_category", "data_use", "data_subject")


@cache
def _taxonomy(kind: str) -> MappingProxyType:
    rows = (_snapshot() or taxonomy_rows())[kind]
    return MappingProxyType({row[0]: TaxonomyTerm(*row) for row in rows})


def taxonomy_rows() -> dict:
    """The Fides taxonomy as plain rows (key, name, description, parent), from fideslang itself."""
    from fideslang.default_taxonomy import DEFAULT_TAXONOMY

    return {kind: [[item.fides_key, item.name or item.fides_key, item.description or "",
                    getattr(item, "parent_key", None)] for item in getattr(DEFAULT_TAXONOMY, kind)]
            for kind in _KINDS}


def taxonomy_snapshot_text() -> str:
    """What `data/fides-taxonomy.json` holds for the installed fideslang."""
    import json  # only here and where the taxonomy is first read: `classify` needs neither

    rows = taxonomy_rows()
    row = lambda r: json.dumps(r, ensure_ascii=False)  # noqa: E731  (one term a line: readable diffs)
    kinds = ",\n".join(f' "{kind}": [\n' + ",\n".join(f"  {row(r)}" for r in rows[kind]) + "\n ]" for kind in _KINDS)
    return f'{{\n "fideslang": {json.dumps(_installed_fideslang())},\n{kinds}\n}}\n'



def _installed_fideslang() -> str | None:
    from importlib import metadata  # only when the taxonomy is first read: it is slow to import

    try:
        return metadata.version("fideslang")
    except metadata.PackageNotFoundError:
        return None


def _snapshot() -> dict | None:
    """The taxonomy as shipped data, if it was made from the installed fideslang.

    Importing fideslang builds its pydantic models, a tenth of a second on every run;
    the snapshot gives the same terms at once. Another fideslang version is read live.
    """
    import json

    try:
        data = json.loads(shipped_file(TAXONOMY_SNAPSHOT).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("fideslang") == _installed_fideslang() else None


def data_categories() -> MappingProxyType:
    """Fides data categories by key (e.g. `user.contact.email`)."""
    return _taxonomy("data_category")


def data_uses() -> MappingProxyType:
    """Fides data uses by key (e.g. `marketing.advertising.third_party.targeted`)."""
    return _taxonomy("data_use")


def data_subjects() -> MappingProxyType:
    """Fides data subjects by key (e.g. `customer`)."""
    return _taxonomy("data_subject")


def ancestors(key: str) -> list[str]:
    """Dotted parents of a taxonomy key, nearest first: a.b.c -> [a.b, a]."""
    parts = key.split(".")
    return [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


# Who personal information is disclosed to. Kept small and legal-minded: each
# entry is a kind of recipient a privacy notice must name (GDPR Art. 13(1)(e),
# CCPA §1798.110(c)(4), LGPD Art. 9 V, PIPL Art. 23).
RECIPIENTS = MappingProxyType({
    "affiliates": "Companies of the same group",
    "service_providers": "Service providers and processors acting on our behalf",
    "data_hosting_providers": "Data hosting and processing providers",
    "payment_processors": "Payment processors",
    "financial_institutions": "Banks and financing companies",
    "shipping_companies": "Shipping and logistics companies",
    "wireless_carriers": "Wireless carriers",
    "resellers": "Authorized distributors and resellers",
    "repair_providers": "Authorized repair providers",
    "business_partners": "Business partners in joint offerings and events",
    "marketplace_partners": "Partners selling through our marketplaces",
    "advertising_partners": "Advertising and marketing partners",
    "analytics_providers": "Web and product analytics providers",
    "social_media_platforms": "Social media platforms",
    "platform_providers": "Operating system and app platform providers",
    "security_partners": "Security and identity-protection partners",
    "family_members": "Other members of a family account",
    "public": "The public (content you choose to post)",
    "acquirers": "Parties to a merger, acquisition or sale of business",
    "government_authorities": "Regulators, courts and government authorities",
    "law_enforcement": "Law enforcement agencies",
    "professional_advisers": "Lawyers, auditors and other professional advisers",
})

# The key of a term a project adds to a closed list (statements/vocabulary.yml).
PROJECT_TERM = re.compile(r"^[a-z][a-z0-9_]{1,62}$")


@dataclass(frozen=True)
class RecipientKind:
    """A kind of recipient a project adds to the closed list (e.g. fraud prevention providers)."""

    key: str
    name: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectVocabulary:
    """What a project adds to the vocabulary (`statements/vocabulary.yml`): its own recipient kinds."""

    recipients: tuple[RecipientKind, ...] = ()

    def recipient_keys(self) -> frozenset[str]:
        """Every recipient a section may declare: the closed list and the project's own."""
        return frozenset(RECIPIENTS) | {r.key for r in self.recipients}

    def recipient_names(self) -> dict[str, str]:
        return {**RECIPIENTS, **{r.key: r.name for r in self.recipients}}


# Data protection rights a statement offers.
RIGHTS = MappingProxyType({
    "access": "Request confirmation of, access to and a copy of personal information",
    "rectification": "Request correction of personal information",
    "erasure": "Request deletion of personal information",
    "objection": "Object to processing",
    "restriction": "Restrict processing",
    "portability": "Data portability",
    "withdraw_consent": "Withdraw consent",
    "opt_out_sale": "Opt out of the sale of personal information",
    "opt_out_sharing": "Opt out of sharing for cross-context behavioral advertising",
    "opt_out_marketing": "Unsubscribe from marketing communications",
    "limit_sensitive": "Limit the use of sensitive personal information",
    "authorized_agent": "Use an authorized agent",
    "complaint": "Complain to a data protection authority",
    "non_discrimination": "Not be discriminated against for exercising rights",
    "automated_decisions": "Not be subject to solely automated decisions",
})

# Retention keywords allowed besides an ISO 8601 duration (P2Y, P18M, P30D).
RETENTION_KEYWORDS = MappingProxyType({
    "as_long_as_necessary": "As long as necessary for the purposes described",
    "account_lifetime": "While the account is active",
    "session": "Only for the browsing session",
    "not_retained": "Not retained (processed transiently or on the device)",
})


@cache
def countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 country codes."""
    text = shipped_file("data/iso3166-alpha2.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def suggest(value: str, choices) -> str:
    """A hint naming the nearest valid choice, or listing a few when none is near."""
    close = difflib.get_close_matches(str(value), list(choices), n=3, cutoff=0.6)
    if close:
        # A transposed pair of letters ('gpdr') is the commonest typo: prefer anagrams.
        best = next((c for c in close if sorted(c) == sorted(str(value))), close[0])
        return f"did you mean '{best}'?"
    sample = ", ".join(sorted(choices)[:6])
    return f"use one of: {sample}, …"


def main() -> None:
    """`python -m privacykit.model.vocabulary`: rewrite the taxonomy snapshot from fideslang."""
    path = shipped_file(TAXONOMY_SNAPSHOT)
    path.write_text(taxonomy_snapshot_text(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
