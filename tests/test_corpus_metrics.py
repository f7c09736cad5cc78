"""The clustering scores against examples computed by hand."""

from __future__ import annotations

import math

import pytest

from storyline.corpus.metrics import adjusted_rand_index, b_cubed, muc, v_measure

# Six items: gold {a,b,c} {d,e,f}; predicted {a,b} {c,d,e,f}.
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2}
PRED = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y", "f": "y"}


def test_ari_by_hand() -> None:
    # Contingency [[2,1],[0,3]]: index = C(2,2)+C(3,2) = 1+3 = 4; gold pairs 3+3 = 6;
    # predicted pairs 1+6 = 7; expected = 6*7/15 = 2.8; max = 6.5.
    expected = (4 - 2.8) / (6.5 - 2.8)
    assert adjusted_rand_index(GOLD, PRED) == pytest.approx(expected)
    assert adjusted_rand_index(GOLD, GOLD) == 1.0


def test_b_cubed_by_hand() -> None:
    # Precision per item: a,b 2/2; c 1/4; d,e,f 3/4 -> (2 + 0.25 + 2.25)/6 = 0.75.
    # Recall per item: a,b 2/3; c 1/3; d,e,f 3/3 -> (4/3 + 1/3 + 3)/6 = 14/18.
    p, r, f = b_cubed(GOLD, PRED)
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(14 / 18)
    assert f == pytest.approx(2 * 0.75 * (14 / 18) / (0.75 + 14 / 18))


def test_v_measure_by_hand() -> None:
    n = 6
    h_gold = math.log(2)
    # H(gold | pred): cluster x is pure (0); cluster y holds 1 of gold 1 and 3 of gold 2.
    h_gold_pred = -(1 / n * math.log(1 / 4) + 3 / n * math.log(3 / 4))
    h_pred = -(2 / n * math.log(2 / n) + 4 / n * math.log(4 / n))
    # H(pred | gold): gold 1 splits 2/1, gold 2 is whole.
    h_pred_gold = -(2 / n * math.log(2 / 3) + 1 / n * math.log(1 / 3))
    hom, com, v = v_measure(GOLD, PRED)
    assert hom == pytest.approx(1 - h_gold_pred / h_gold)
    assert com == pytest.approx(1 - h_pred_gold / h_pred)
    assert v == pytest.approx(2 * hom * com / (hom + com))


def test_mismatched_items_are_refused() -> None:
    with pytest.raises(ValueError):
        b_cubed({"a": 1}, {"b": 1})


def test_muc_by_hand() -> None:
    # Gold {a,b,c}: 2 links; predicted splits it into {a,b} {c}: 1 of 2 links kept.
    # Gold {d,e,f}: whole inside predicted {c,d,e,f}: 2 of 2. Recall = 3/4.
    # Predicted {a,b}: 1 link, whole in gold 1; {c,d,e,f}: 3 links, spans 2 gold -> 2.
    # Precision = 3/4.
    p, r, f = muc(GOLD, PRED)
    assert (p, r, f) == (pytest.approx(0.75), pytest.approx(0.75), pytest.approx(0.75))
