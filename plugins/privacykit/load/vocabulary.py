"""`statements/vocabulary.yml`: the kinds of recipient a project adds to the closed list.

```yaml
recipients:
  fraud_prevention_providers:
    name: Fraud prevention providers
    phrases: [fraud-prevention partners, anti-fraud services]
```

A key added here may be declared in any section's `recipients:`; its name and phrases teach
the detector to recognise it in prose (so `check` can say when a section names it undeclared).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ProblemLog
from ..model.vocabulary import RECIPIENTS, ProjectVocabulary, RecipientKind
from .yamlio import line_of, load_yaml, read_text

VOCABULARY_FILE = "vocabulary.yml"
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,62}$")


def load_vocabulary(content_dir: Path, shown: str, log: ProblemLog) -> ProjectVocabulary:
    """The project's vocabulary (empty when the file is absent); problems go to `log`."""
    path = content_dir / VOCABULARY_FILE
    if not path.exists():
        return ProjectVocabulary()
    doc = load_yaml(read_text(path, shown), shown)
    if doc is None:
        return ProjectVocabulary()
    if not isinstance(doc, dict) or set(doc) - {"recipients"}:
        extra = sorted(set(doc) - {"recipients"}) if isinstance(doc, dict) else []
        log.add(shown, line_of(doc, extra[0]) if extra else 1,
                f"unknown key '{extra[0]}'" if extra else "the vocabulary must be a mapping",
                "write 'recipients:' with one entry per kind of recipient")
        return ProjectVocabulary()
    raw = doc.get("recipients") or {}
    if not isinstance(raw, dict):
        log.add(shown, line_of(doc, "recipients"), "'recipients' must be a mapping of keys",
                "write 'recipients: {fraud_prevention_providers: {name: …, phrases: [...]}}'")
        return ProjectVocabulary()
    kinds = []
    for key, entry in raw.items():
        line = line_of(raw, key)
        if not isinstance(key, str) or not _KEY.match(key):
            log.add(shown, line, f"invalid recipient key '{key}'", "use lower case letters, digits and underscores")
            continue
        if key in RECIPIENTS:
            log.add(shown, line, f"recipient '{key}' is already in the vocabulary", "remove it from vocabulary.yml")
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            log.add(shown, line, f"recipient '{key}' has no name", "write 'name: Fraud prevention providers'")
            continue
        phrases = entry.get("phrases") or []
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            log.add(shown, line_of(entry, "phrases", line), f"'phrases' of recipient '{key}' must be a list of words",
                    "write 'phrases: [fraud-prevention partners, …]'")
            continue
        unknown = sorted(set(entry) - {"name", "phrases"})
        if unknown:
            log.add(shown, line_of(entry, unknown[0], line), f"unknown key '{unknown[0]}' in recipient '{key}'",
                    "use 'name' and 'phrases'")
            continue
        kinds.append(RecipientKind(key, entry["name"].strip(), tuple(p.strip() for p in phrases)))
    return ProjectVocabulary(tuple(kinds))
