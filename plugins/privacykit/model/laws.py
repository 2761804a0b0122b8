"""The privacy laws privacykit knows, as a frozen table.

Regions name the laws that protect their readers (`regions.yml`); materiality
rules are written per law. A project may add laws in its own rule files.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    jurisdiction: str


LAWS = MappingProxyType({law.id: law for law in (
    Law("gdpr", "General Data Protection Regulation (EU) 2016/679", "European Union / EEA"),
    Law("uk-gdpr", "UK GDPR and Data Protection Act 2018", "United Kingdom"),
    Law("ccpa", "California Consumer Privacy Act as amended by the CPRA", "California, United States"),
    Law("lgpd", "Lei Geral de Proteção de Dados (Lei 13.709/2018)", "Brazil"),
    Law("pipl", "Personal Information Protection Law of the PRC", "China"),
    Law("coppa", "Children's Online Privacy Protection Act", "United States"),
)})
