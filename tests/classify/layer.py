"""Features of a section change and two small models over them, for the learned-layer experiment.

`tests/classify/learn.py` measures whether a model over these features, trained on the
development half, corrects the detector's calls on a service it was not trained on. It does
not (docs/design-notes.md, "A learned layer over the findings does not carry to unseen text"),
so none of this is part of privacykit: it stays here for the next attempt to start from.

A changed section is a few dozen numbers: which rule fired and on which item, which editorial
recogniser named what, how many content words, negations, limiting words, modal verbs and
numbers came and went, what the sentences claim item by item before and after (the rules' own
reader, `items.analyse`). No raw words: a model of words learns the texts it was trained on.
The models are plain Python (no numpy, no scikit-learn): a logistic regression with an L2
penalty, and boosted decision stumps.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from privacykit.changes.editorial import content_stems, is_protective
from privacykit.changes.items import NEGATORS, PROCESSING_VERBS, analyse, sentences
from privacykit.changes.prose import EditorialNote, rule_of
from privacykit.changes.redline import BlockStatus, SectionChange
from privacykit.changes.terms import Lexicon, lexicon, stem, tokens
from privacykit.changes.verdict import Finding
from privacykit.model.rules import Action

# Closed word classes whose coming or going changes what a sentence allows.
_LIMITING = frozenset({"only", "solely", "exclusively", "strictly", "limited", "restricted", "except", "unless",
                       "necessary", "minimum", "sole", "until", "provided", "if", "when", "where", "required"})
_MODALS = frozenset({"may", "might", "can", "could", "will", "would", "shall", "should", "must"})
_CONSENTING = frozenset({"consent", "permission", "opt", "agree", "authorize", "authorise", "choose", "choice"})
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                     r"eighteen|sixteen|thirteen|thirty|sixty|ninety|hundred)$")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _bucket(n: float) -> float:
    """Counts as features: log-scaled so that one long rewrite does not outweigh every other sign."""
    return math.log1p(n)


def _classes(words: Iterable[str]) -> dict[str, int]:
    counts = {"negation": 0, "limiting": 0, "modal": 0, "number": 0, "consenting": 0, "processing": 0}
    for word in words:
        if word in NEGATORS or word.endswith("n't"):
            counts["negation"] += 1
        if word in _LIMITING:
            counts["limiting"] += 1
        if word in _MODALS:
            counts["modal"] += 1
        if _NUMBER.match(word):
            counts["number"] += 1
        if word in _CONSENTING:
            counts["consenting"] += 1
        if stem(word) in PROCESSING_VERBS:
            counts["processing"] += 1
    return counts


def _statements(text: str, terms: Lexicon) -> list:
    return [analyse(s, terms=terms) for s in sentences(text) if s.strip()]


def text_features(old: str, new: str, terms: Lexicon | None = None) -> dict[str, float]:
    """How the changed text moved: words kept, added and removed, their word classes, and what
    the sentences say item by item before and after (the rules' own reader, `items.analyse`)."""
    terms = terms or lexicon()
    out: dict[str, float] = {}
    before, after = content_stems(old), content_stems(new)
    union = before | after
    out["diff:content-added"] = _bucket(len(after - before))
    out["diff:content-removed"] = _bucket(len(before - after))
    out["diff:content-kept-share"] = len(before & after) / len(union) if union else 1.0
    out["diff:pure-insert"] = float(not old.strip())
    out["diff:pure-delete"] = float(not new.strip())
    old_tokens, new_tokens = tokens(old), tokens(new)
    inserted: list[str] = []
    deleted: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            deleted += old_tokens[i1:i2]
        if op in ("insert", "replace"):
            inserted += new_tokens[j1:j2]
    out["diff:tokens-inserted"] = _bucket(len(inserted))
    out["diff:tokens-deleted"] = _bucket(len(deleted))
    # A multiset difference: a word moved within the text is neither added nor removed.
    gained, lost = _multiset_minus(inserted, deleted), _multiset_minus(deleted, inserted)
    for name, count in _classes(gained).items():
        out[f"words-added:{name}"] = _bucket(count)
    for name, count in _classes(lost).items():
        out[f"words-removed:{name}"] = _bucket(count)
    olds, news = _statements(old, terms), _statements(new, terms)
    claims_before = {(c.item, c.key, c.positive) for s in olds for c in s.claims}
    claims_after = {(c.item, c.key, c.positive) for s in news for c in s.claims}
    weights_after = {(c.item, c.key, c.positive): c.weight for s in news for c in s.claims}
    for item, _key, positive in claims_after - claims_before:
        _count(out, f"claim-added:{item.value}" + ("" if positive else ":denied"))
    for item, _key, positive in claims_before - claims_after:
        _count(out, f"claim-removed:{item.value}" + ("" if positive else ":denied"))
    for claim in claims_after - claims_before:
        if weights_after[claim].value not in ("plain", "generic", "vague"):
            _count(out, f"claim-added-weight:{weights_after[claim].value}")
    limits_before = {limit for s in olds for limit in s.limits}
    limits_after = {limit for s in news for limit in s.limits}
    for limit in limits_before - limits_after:
        _count(out, f"limit-removed:{limit.value}")
    for limit in limits_after - limits_before:
        _count(out, f"limit-added:{limit.value}")
    out["statement:processing-new"] = float(any(s.processing for s in news))
    out["statement:processing-old"] = float(any(s.processing for s in olds))
    out["statement:rights-new"] = float(any(s.about_rights for s in news))
    out["statement:quantity-changed"] = float({(q.item, q.amount) for s in olds for q in s.quantities}
                                              != {(q.item, q.amount) for s in news for q in s.quantities})
    out["statement:sentences-added"] = _bucket(max(0, len(news) - len(olds)))
    out["statement:sentences-removed"] = _bucket(max(0, len(olds) - len(news)))
    out["diff:protection-added"] = float(is_protective(new) and not is_protective(old))
    return {k: (_bucket(v) if k.startswith(("claim-", "limit-")) else v) for k, v in out.items() if v}


def _count(out: dict[str, float], name: str) -> None:
    # A count while the features are gathered; log-scaled when they are returned.
    out[name] = out.get(name, 0.0) + 1.0


def _multiset_minus(a: list[str], b: list[str]) -> list[str]:
    rest = list(b)
    out = []
    for word in a:
        if word in rest:
            rest.remove(word)
        else:
            out.append(word)
    return out


def section_features(change: SectionChange, findings: Sequence[Finding], notes: Sequence[EditorialNote],
                     terms: Lexicon | None = None) -> dict[str, float]:
    """The features of one changed section: what the rules found in it, what the editorial
    recognisers named, and how its changed blocks moved (`text_features`)."""
    changed = [b for b in change.blocks if b.status not in (BlockStatus.EQUAL, BlockStatus.WHITESPACE)]
    old = "\n".join(b.old_text for b in changed)
    new = "\n".join(b.new_text for b in changed)
    out = text_features(old, new, terms)
    whole = sum(len(b.new_text or b.old_text) for b in change.blocks) or 1
    out["diff:share-of-section"] = min(1.0, (len(old) + len(new)) / (2 * whole))
    # The section as a whole: a reordered or restructured section says the same words, wherever its blocks went.
    before = content_stems(" ".join(b.old_text for b in change.blocks))
    after = content_stems(" ".join(b.new_text for b in change.blocks))
    out["section:words-new"] = _bucket(len(after - before))
    out["section:words-gone"] = _bucket(len(before - after))
    out["section:kept-share"] = len(before & after) / len(before | after) if before | after else 1.0
    out["diff:blocks-changed"] = _bucket(len(changed))
    action = Action.strongest(f.action for f in findings)
    out["rules:material"] = float(action is not Action.NONE)
    out["rules:consent"] = float(action is Action.CONSENT)
    counts: dict[str, float] = {}
    for finding in findings:
        if finding.action is Action.NONE:
            continue
        _count(counts, f"finding-origin:{finding.origin.value}")
        if finding.prose is not None:
            _count(counts, f"finding-rule:{rule_of(finding.prose)}")
            _count(counts, f"finding-kind:{finding.prose.kind.value}")
            if finding.prose.item is not None:
                _count(counts, f"finding-item:{finding.prose.item.value}")
        if finding.kind is not None:
            _count(counts, f"finding-change:{finding.kind.value}")
    for note in notes:
        _count(counts, f"editorial:{note.kind.value}")
    out.update({k: _bucket(v) for k, v in counts.items()})
    out["findings"] = _bucket(sum(f.action is not Action.NONE for f in findings))
    return {k: v for k, v in out.items() if v}


def weak(findings: Iterable[Finding]) -> bool:
    """The material call rests on what the text reader found alone: no declared fact changed, and
    no finding asks for consent (a cited trigger is never the model's to overrule)."""
    material = [f for f in findings if f.action is not Action.NONE]
    return bool(material) and all(f.origin.value == "text" and f.action is not Action.CONSENT for f in material)


@dataclass(frozen=True)
class Model:
    """A logistic regression over named features: P(material) = sigmoid(bias + Σ weight × value)."""

    bias: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        return _sigmoid(self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items()))


def train(rows: Sequence[tuple[dict[str, float], bool]], l2: float = 1.0, epochs: int = 300,
          rate: float = 0.5) -> Model:
    """A logistic regression fitted by full-batch gradient descent with an L2 penalty (`l2` / n
    per weight; the bias is not penalised). Plain Python: the data is small and sparse."""
    n = len(rows)
    names = sorted({name for features, _ in rows for name in features})
    weights = dict.fromkeys(names, 0.0)
    bias = 0.0
    # Adagrad steps: rare features (a rule that fired ten times) move as fast as common ones.
    square = dict.fromkeys(names, 1e-8)
    square_bias = 1e-8
    for _ in range(epochs):
        grad = dict.fromkeys(names, 0.0)
        grad_bias = 0.0
        for features, material in rows:
            error = _sigmoid(bias + sum(weights[k] * v for k, v in features.items())) - (1.0 if material else 0.0)
            grad_bias += error
            for k, v in features.items():
                grad[k] += error * v
        for k in names:
            g = grad[k] / n + l2 * weights[k] / n
            square[k] += g * g
            weights[k] -= rate * g / math.sqrt(square[k])
        g = grad_bias / n
        square_bias += g * g
        bias -= rate * g / math.sqrt(square_bias)
    return Model(bias, weights)


@dataclass(frozen=True)
class Stumps:
    """Boosted decision stumps: P(material) = sigmoid(Σ the leaf value of each stump)."""

    stumps: tuple[tuple[str, float, float, float], ...]    # feature, threshold, value at or below, value above

    def probability(self, features: dict[str, float]) -> float:
        return _sigmoid(sum(low if features.get(name, 0.0) <= cut else high for name, cut, low, high in self.stumps))


def train_stumps(rows: Sequence[tuple[dict[str, float], bool]], rounds: int = 60, rate: float = 0.3,
                 smallest: int = 10) -> Stumps:
    """Gradient-boosted stumps on the logistic loss (Newton leaf values), each leaf at least `smallest` rows."""
    names = sorted({name for features, _ in rows for name in features})
    columns = {name: [features.get(name, 0.0) for features, _ in rows] for name in names}
    cuts = {}
    for name, column in columns.items():
        values = sorted(set(column))
        # Few distinct values: between each; many: at four quantiles.
        cuts[name] = [(a + b) / 2 for a, b in itertools.pairwise(values)] if len(values) <= 9 else \
            [values[int(len(values) * q)] for q in (0.2, 0.4, 0.6, 0.8)]
    target = [1.0 if material else -1.0 for _, material in rows]
    score = [0.0] * len(rows)
    stumps = []
    for _ in range(rounds):
        grad = [y / (1.0 + math.exp(y * f)) for y, f in zip(target, score, strict=True)]
        hess = [abs(g) * (1.0 - abs(g)) for g in grad]
        best: tuple[float, str, float, float, float] | None = None
        for name, column in columns.items():
            for cut in cuts[name]:
                left = [(g, h) for v, g, h in zip(column, grad, hess, strict=True) if v <= cut]
                if len(left) < smallest or len(rows) - len(left) < smallest:
                    continue
                gl, hl = sum(g for g, _ in left), sum(h for _, h in left)
                gr, hr = sum(grad) - gl, sum(hess) - hl
                gain = gl * gl / (hl + 1) + gr * gr / (hr + 1)
                if best is None or gain > best[0]:
                    best = (gain, name, cut, gl / (hl + 1), gr / (hr + 1))
        if best is None:
            break
        _, name, cut, low, high = best
        stumps.append((name, cut, rate * low, rate * high))
        score = [f + (rate * low if v <= cut else rate * high) for f, v in zip(score, columns[name], strict=True)]
    return Stumps(tuple(stumps))
