"""Figures on NewsQuant (CQE's evaluation set): value, value+unit and value+concept P/R/F1.

Run: ``python benchmarks/figures_newsquant.py`` (reads ../shared/data/newsquant
relative to the repo root). Prints, in one run, storyline, quantulum3 (the
published baseline, re-measured here) and number-parser (words -> digits plus
a digit regex; value only) on:

- NewsQuant full (590 sentences), its dev half (first 295 by index, used while
  developing) and its held-out second half;
- the four Recognizers-Text derived sets (age, currency, dimension,
  temperature), also used for development.

Matching follows ``calculate_metrics`` in CQE_Evaluation/evaluate_models.py
(commit e7d6607), including its quirks, so the numbers compare with the
published table:
- per sentence, gold and predictions are sorted by normalised unit; for each
  gold quantity the predictions are scanned in order; a value match
  (``numpy.isclose``, rtol 1e-5; a range only matches a range, both ends)
  counts towards value (at most as many value matches as gold quantities in
  the sentence) and towards concept (partial: the lower-cased word sets of
  gold and predicted concept intersect; gold concepts are split on commas and
  whitespace, a missing concept is ``-`` on both sides); if the unit also
  matches, value+unit counts, the prediction is consumed and the next gold
  quantity is scanned. A value match with the wrong unit does not consume
  the prediction.
- P = matches / predictions, R = matches / gold (CQE rounds to one decimal;
  we print three).
- quantulum3 ranges are averaged on both sides, as CQE does for quantulum3.
- A range matches only a range with both ends in the same order.

Two rows for storyline, the same extraction scored under two conventions:

- ``storyline`` (the headline row) applies NewsQuant's convention for "from X
  to Y": NewsQuant annotates such a pair of single values as one range
  quantity in text order, a change included ("fell from $36,040 to $34,935"
  -> 36040-34935; no such pair in the set is annotated as two values), and
  the published CQE numbers we compare with are scored against exactly this
  annotation (NewsQuant is CQE's own evaluation set). On the full set the
  adapter joins 12 pairs and all 12 match a gold range.
  storyline's export stores a change as two figures (the old and the new
  value; a plain range "from $5 to $10" is already one figure). The adapter
  ``_merge_changes`` joins two consecutive figures into one range exactly
  when both are single values, the first is preceded by "from ", and the text
  between them is at most five words without a comma or semicolon and ends
  in "to", "-" or "–"; the joined figure keeps the second one's unit, period
  and subject. It reads only the product's figures and the sentence, never
  the gold annotation.
- ``storyline-split`` scores the figures exactly as exported (a change as two
  figures), so the cost of the convention stays visible.

The unit names differ: storyline's contract uses ISO currency codes,
``percent``, SI-style names and null for counts (the counted noun is the
``subject``); NewsQuant names units like ``dollar``, ``percentage`` and, for
counts, the counted noun's lemma (``worker``, ``people``). ``NQ_UNITS`` below
maps ours to theirs; it lives here, not in the product. A count's unit is the
lemmatised counted phrase (``subject_lemmas``); an age's is ``<unit> of age``; a
rate adds `` per <period>``. The product keeps ``unit`` null for counts on
purpose: the disagreement stage groups figures by ``per``/``unit``, and "43,000
soldiers" and "45,000 troops" must land in one group (what is counted is the
``subject``, which that stage normalises).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from storyline.analyze.figures import extract_figures
from storyline.analyze.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "newsquant"

# storyline unit -> NewsQuant normalized_unit
NQ_UNITS: dict[str, str] = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "NZD": "new zealand dollar",
    "SGD": "singapore dollar",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "INR": "indian rupee",
    "RUB": "russian ruble",
    "UAH": "ukrainian hryvnia",
    "CHF": "swiss franc",
    "BRL": "brazilian real",
    "percent": "percentage",
    "percentage point": "percentage",
    "times": "count",
    "pound": "pound-mass",
    "part per billion": "parts-per-billion",
    # NewsQuant normalises the pence sign "p" of share prices to "point" (all six
    # such gold quantities: "rose 6.5% to 164p" -> 164 point)
    "penny": "point",
    "tonne": "metric ton",
    "DKK": "danish krone",
    "SEK": "swedish krona",
    "NOK": "norwegian krone",
    "TRY": "turkish lira",
    "ZAR": "south african rand",
    "metric horsepower": "horsepower",
    "pound-foot": "foot pound-force",
}


def subject_lemmas(fig: Any, doc: Any) -> str:
    """NewsQuant names a count's unit by the counted noun phrase, lemmatised,
    without stop words ("four different bosses" -> "different boss") and without
    participles, which spaCy tags VERB ("400 charging stations" -> "station",
    "517 rushing yards" -> "yard"); storyline's ``subject`` keeps them."""
    if not fig.subject:
        return "-"
    at = doc.text.find(fig.subject, fig.start)
    if at < 0:
        at = doc.text.rfind(fig.subject, 0, fig.end)
    span = doc.char_span(at, at + len(fig.subject), alignment_mode="expand")
    if span is None:
        return "-"
    keep = ("NOUN", "PROPN", "ADJ", "ADV", "NUM", "X")
    words: list[str] = []
    glue = False
    for t in span:
        if t.text == "-" and words and not t.whitespace_:
            glue = True  # NewsQuant keeps hyphenated words whole ("gas-only")
            words[-1] += "-"
            continue
        if t.pos_ in keep and not t.like_num:
            # spaCy leaves a plural proper noun unlemmatised ("Americans")
            lemma = t.lower_[:-1] if t.tag_ == "NNPS" and t.lower_.endswith("s") else t.lemma_
            if glue:
                words[-1] += lemma.lower()
            else:
                words.append(lemma.lower())
        elif glue and words:
            words[-1] = words[-1].rstrip("-")
        glue = False
    return " ".join(words) or "-"


def nq_unit(fig: Any, doc: Any) -> str:
    if fig.measure == "age" and fig.unit:
        return f"{fig.unit} of age"
    if fig.unit == "fraction":
        # NewsQuant names a share's unit "%" plus the whole ("a third of voters" -> "% voter")
        whole = subject_lemmas(fig, doc)
        return "% -" if whole == "-" else f"% {whole}"
    unit = subject_lemmas(fig, doc) if fig.unit is None else NQ_UNITS.get(fig.unit, fig.unit)
    if fig.per and _written_as_rate(fig, doc.text):
        unit = f"{unit} per {fig.per}"
    return unit


def _written_as_rate(fig: Any, text: str) -> bool:
    """NewsQuant puts the period into the unit only when the text writes a rate
    ("$58 per barrel", "$3,500 a month", "£24 a-year", "10 km/h"), not for an
    adverb of frequency ("127 gigatonnes of ice every year", "used annually"),
    which storyline's ``per`` also reads as a rate."""
    after = text[fig.end : fig.end + 60].lower()
    adverb = re.search(r"\b(?:every|each)\s+\w+|\b(?:annual|year|month|week|dai)ly\b", after)
    return adverb is None or re.search(r"\bper\b|/", after[: adverb.start()]) is not None


def _merge_changes(figs: list[Any], text: str) -> list[Any]:
    """NewsQuant's convention: "rose from X to Y" is one range (X, Y), in text order.

    storyline reports a change as two figures (the old and the new value);
    this joins them back for the headline row, also across a few words with
    no comma ("from $36,040 at 10.45pm last night to $34,935"). Only single
    values are joined: "from $160 to $180 to $200" keeps "$180 to $200".
    """
    out: list[Any] = []
    for f in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.low == prev.high
            and f.low == f.high
            and re.fullmatch(r"(?:\s+[^\s,;]+){0,5}?\s*(?:to|-|–)\s*", text[prev.end : f.start])
            and re.search(r"\bfrom\s+$", text[max(0, prev.start - 6) : prev.start])
        ):
            merged = copy.copy(f)
            merged.low, merged.high, merged.start = prev.low, f.high, prev.start
            out[-1] = merged
            continue
        out.append(f)
    return out


def storyline_tagger(
    sentences: Sequence[str], cqe_ranges: bool = False
) -> list[list[dict[str, Any]]]:
    nlp = load_nlp()
    out = []
    for i, doc in enumerate(nlp.pipe(sentences, batch_size=64)):
        figs = extract_figures(f"s{i}", doc.text, doc)
        if cqe_ranges:
            figs = _merge_changes(figs, doc.text)
        tags = []
        for f in figs:
            if f.low is None or f.high is None:
                continue
            value: float | tuple[float, float] = (
                f.low if f.low == f.high else (float(f.low), float(f.high))
            )
            concept = re.split(r"[,\s]+", f.subject.strip()) if f.subject else ["-"]
            tags.append(
                {"value": value, "normalized_unit": nq_unit(f, doc), "referred_concepts": concept}
            )
        out.append(tags)
    return out


# CQE's own mapping of quantulum3 unit names onto NewsQuant's (tagger.py).
_QUANTULUM_UNITS = {
    "dimensionless": "-",
    "unk": "-",
    "per cent": "percentage",
    "dollar dollar": "dollar",
    "united states dollar": "dollar",
    "tonne": "metric ton",
    "degree angle": "degree",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "percentage drop": "percentage",
    "second of arc": "second",
    "minute of arc": "minute",
    "yard yard": "yard",
    "cubic centimetre": "millilitre",
    "degree angle degree fahrenheit": "fahrenheit",
    "pound sterling year": "pound sterling per year",
    "per year per newton per day": "year",
}


def quantulum_tagger(sentences: Sequence[str]) -> list[list[dict[str, Any]]]:
    from quantulum3 import classifier, parser

    # quantulum3 0.10.0 switches to its pickled unit classifier whenever
    # scikit-learn is importable, and that pickle does not load under
    # scikit-learn 1.9 (ModuleNotFoundError: _loss). Use its rule-based
    # disambiguation, as on a machine without scikit-learn.
    classifier.USE_CLF = False

    out = []
    for text in sentences:
        tags = []
        for res in parser.parse(text):
            unit = res.unit.name
            unit = _QUANTULUM_UNITS.get(unit.lower(), unit)
            tags.append({"value": res.value, "normalized_unit": unit.strip()})
        out.append(tags)
    return out


_DIGITS = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")


def number_parser_tagger(sentences: Sequence[str]) -> list[list[dict[str, Any]]]:
    from number_parser import parse

    out = []
    for text in sentences:
        parsed = parse(text)
        tags = [
            {"value": float(m.group(0).replace(",", "")), "normalized_unit": "-"}
            for m in _DIGITS.finditer(parsed)
        ]
        out.append(tags)
    return out


def _decode(q: dict[str, Any], average_ranges: bool, gold: bool) -> tuple[Any, str, list[str]]:
    value = q["value"]
    if isinstance(value, str) and "E" not in value and not value.startswith("-") and "-" in value:
        a, b = (float(x) for x in value.split("-"))
        value = (a + b) / 2 if average_ranges else (a, b)
    elif isinstance(value, tuple):
        value = (float(value[0]), float(value[1]))
    else:
        value = float(value)
    concept = q.get("referred_concepts", "-")
    if gold:
        concept = re.split(r"[,\s]+", concept)
    return value, q["normalized_unit"].lower(), concept


def _values_match(gold: Any, model: Any) -> bool:
    if isinstance(gold, tuple) != isinstance(model, tuple):
        return False
    if isinstance(gold, tuple):
        return bool(np.isclose(gold[0], model[0]) and np.isclose(gold[1], model[1]))
    return bool(np.isclose(gold, model))


def score(
    gold: Sequence[list[dict[str, Any]]],
    tagged: Sequence[list[dict[str, Any]]],
    average_ranges: bool = False,
) -> dict[str, tuple[float, float, float]]:
    """CQE's calculate_metrics (see module docstring), returning P/R/F1 per level."""
    n_gold = n_tags = 0
    ok_value = ok_unit = ok_concept = 0
    for gt, tags in zip(gold, tagged, strict=True):
        n_gold += len(gt)
        n_tags += len(tags)
        tags = sorted(tags, key=lambda d: d["normalized_unit"])
        budget = len(gt)
        for q_gold in sorted(gt, key=lambda d: d["normalized_unit"]):
            g_value, g_unit, g_concept = _decode(q_gold, average_ranges, gold=True)
            for q_model in tags:
                m_value, m_unit, m_concept = _decode(q_model, False, gold=False)
                if not _values_match(g_value, m_value):
                    continue
                if budget > 0:
                    ok_value += 1
                    budget -= 1
                g_set = {w.lower() for w in g_concept}
                if g_set & {w.lower() for w in m_concept}:
                    ok_concept += 1
                if m_unit == g_unit:
                    ok_unit += 1
                    tags.remove(q_model)
                    tags = sorted(tags, key=lambda d: d["normalized_unit"])
                    break

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_tags if n_tags else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {"value": prf(ok_value), "value+unit": prf(ok_unit), "value+concept": prf(ok_concept)}


def _load(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def main() -> None:
    if not DATA.exists():
        sys.exit(f"NewsQuant not found at {DATA}")
    systems: list[tuple[str, Callable[[Sequence[str]], list[list[dict[str, Any]]]], bool]] = [
        ("storyline", lambda texts: storyline_tagger(texts, cqe_ranges=True), False),
        ("storyline-split", storyline_tagger, False),
        ("quantulum3", quantulum_tagger, True),
        ("number-parser", number_parser_tagger, False),
    ]
    sets: list[tuple[str, list[dict[str, Any]]]] = []
    newsquant = _load("NewsQuant.json")
    half = len(newsquant) // 2
    sets.append(("NewsQuant full", newsquant))
    sets.append((f"NewsQuant dev (0-{half - 1})", newsquant[:half]))
    sets.append((f"NewsQuant held-out ({half}-{len(newsquant) - 1})", newsquant[half:]))
    for name in ("age-model", "currency-model", "dimension-model", "temperature-model"):
        sets.append((name, _load(f"{name}.json")))

    header = f"{'set':32} {'system':16} " + "  ".join(
        f"{lvl:>22}" for lvl in ("value P/R/F1", "value+unit P/R/F1", "value+concept P/R/F1")
    )
    print(header)
    print("-" * len(header))
    cache: dict[tuple[str, str], list[list[dict[str, Any]]]] = {}
    for set_name, records in sets:
        texts = [r["text"] for r in records]
        gold = [r["quantities"] for r in records]
        for sys_name, tagger, average in systems:
            key = (sys_name, set_name.split()[0])
            try:
                if key not in cache:
                    full = newsquant if set_name.startswith("NewsQuant") else records
                    cache[key] = tagger([r["text"] for r in full])
                tagged = cache[key]
                if set_name.startswith("NewsQuant dev"):
                    tagged = tagged[:half]
                elif set_name.startswith("NewsQuant held-out"):
                    tagged = tagged[half:]
                assert len(tagged) == len(texts)
            except ImportError as err:
                print(f"{set_name:32} {sys_name:16} not installed ({err.name})")
                continue
            res = score(gold, tagged, average_ranges=average)
            cells = []
            for level in ("value", "value+unit", "value+concept"):
                p, r, f = res[level]
                na = (not sys_name.startswith("storyline") and level == "value+concept") or (
                    sys_name == "number-parser" and level == "value+unit"
                )
                cells.append(f"{'n/a':>22}" if na else f"{p:6.3f} {r:6.3f} {f:6.3f}   ")
            print(f"{set_name:32} {sys_name:16} " + "  ".join(cells))
    print()
    print("storyline = 'from X to Y' joined into one range, NewsQuant's annotation convention;")
    print("storyline-split = the same figures as exported (a change is the old and the new value).")
    print("CQE itself is not run: CQE 2.0.3 on PyPI pins typing_extensions==4.4.0 and")
    print("protobuf==3.20.1 (incompatible with spaCy 3.8), needs torch and spacy-transformers,")
    print("and fetches spaCy models at run time (spacy_download).")
    print("published (CQE paper, NewsQuant full): CQE value F1 .920, value+unit .856,")
    print("value+concept(partial) .761; quantulum3 value .730, value+unit .472")


if __name__ == "__main__":
    main()
