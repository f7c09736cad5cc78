"""Clustering scores for the corpus benchmarks: ARI, V-measure, B-cubed.

Written here (about 60 lines) instead of adding scikit-learn, a large
dependency, for three formulas; ``tests/test_corpus_metrics.py`` checks
them against hand-computed examples.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping


def _contingency(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> tuple[Counter[tuple[Hashable, Hashable]], Counter[Hashable], Counter[Hashable], int]:
    items = sorted(gold, key=repr)
    if set(items) != set(pred):
        raise ValueError("gold and predicted clusterings must cover the same items")
    joint = Counter((gold[i], pred[i]) for i in items)
    return joint, Counter(gold[i] for i in items), Counter(pred[i] for i in items), len(items)


def adjusted_rand_index(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> float:
    """Hubert & Arabie's ARI: 1 for identical partitions, about 0 for chance."""
    joint, a, b, n = _contingency(gold, pred)

    def pairs(x: int) -> float:
        return x * (x - 1) / 2

    index = sum(pairs(v) for v in joint.values())
    sum_a = sum(pairs(v) for v in a.values())
    sum_b = sum(pairs(v) for v in b.values())
    expected = sum_a * sum_b / pairs(n) if n > 1 else 0.0
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def v_measure(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """(homogeneity, completeness, V-measure) after Rosenberg & Hirschberg 2007."""
    joint, a, b, n = _contingency(gold, pred)

    def entropy(counts: Counter[Hashable]) -> float:
        return -sum(c / n * math.log(c / n) for c in counts.values())

    h_gold, h_pred = entropy(a), entropy(b)
    h_gold_given_pred = -sum(c / n * math.log(c / b[k]) for (_, k), c in joint.items())
    h_pred_given_gold = -sum(c / n * math.log(c / a[g]) for (g, _), c in joint.items())
    homogeneity = 1.0 if h_gold == 0 else 1 - h_gold_given_pred / h_gold
    completeness = 1.0 if h_pred == 0 else 1 - h_pred_given_gold / h_pred
    total = homogeneity + completeness
    return homogeneity, completeness, (2 * homogeneity * completeness / total if total else 0.0)


def b_cubed(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """(precision, recall, F1) of Bagga & Baldwin's B-cubed, averaged over items."""
    joint, a, b, n = _contingency(gold, pred)
    precision = sum(c * c / b[k] for (_, k), c in joint.items()) / n
    recall = sum(c * c / a[g] for (g, _), c in joint.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def muc(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """(precision, recall, F1) of Vilain et al.'s link-based MUC score."""
    joint, a, b, _ = _contingency(gold, pred)
    parts_of_gold: Counter[Hashable] = Counter(g for g, _ in joint)
    parts_of_pred: Counter[Hashable] = Counter(k for _, k in joint)
    recall_num = sum(a[g] - parts_of_gold[g] for g in a)
    recall_den = sum(a[g] - 1 for g in a)
    precision_num = sum(b[k] - parts_of_pred[k] for k in b)
    precision_den = sum(b[k] - 1 for k in b)
    recall = recall_num / recall_den if recall_den else 0.0
    precision = precision_num / precision_den if precision_den else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
