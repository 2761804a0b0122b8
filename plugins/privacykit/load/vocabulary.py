"""`statements/vocabulary.yml`: the kinds of recipient a project adds to the closed list.

```yaml
recipients:
  fraud_prevention_providers:
    name: Fraud prevention providers
    phrases: [fraud-prevention partners, anti-fraud services]
```

A key added here may be declared in any section's `recipients:` (it reaches validation as
the context `{"terms": {"recipient": [...]}}`); its name and phrases teach the detector to
recognise it in prose, so `check` can say when a section names it undeclared.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, ProblemLog
from ..model.files import VocabularyFile
from ..model.vocabulary import RECIPIENTS, ProjectVocabulary, RecipientKind
from .validate import validate
from .yamlio import line_of, load_yaml, read_text


def load_vocabulary(path: Path, shown: str, log: ProblemLog) -> ProjectVocabulary:
    """The project's vocabulary (empty when the file is absent); problems go to `log`."""
    if not path.exists():
        return ProjectVocabulary()
    try:
        node = load_yaml(read_text(path, shown), shown)
    except ContentError as exc:
        log.extend(exc.problems)
        return ProjectVocabulary()
    if node is None:
        return ProjectVocabulary()
    spec, problems = validate(VocabularyFile, node, shown, node)
    log.extend(problems)
    if spec is None:
        return ProjectVocabulary()
    kinds = []
    for key, entry in spec.recipients.items():
        if key in RECIPIENTS:
            log.add(shown, line_of(node.get("recipients"), key), f"recipient '{key}' is already in the vocabulary",
                    "remove it from vocabulary.yml")
            continue
        kinds.append(RecipientKind(key, entry.name.strip(), tuple(p.strip() for p in entry.phrases)))
    return ProjectVocabulary(tuple(kinds))


def validation_context(vocabulary: ProjectVocabulary) -> dict | None:
    """What `load.validate.validate` needs to accept the project's own terms (None: nothing added)."""
    if not vocabulary.recipients:
        return None
    return {"terms": {"recipient": [r.key for r in vocabulary.recipients]}}
