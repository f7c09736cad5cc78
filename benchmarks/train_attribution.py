"""Train the attribution-cue classifier on PolNeAR train; write its JSON weights into the package.

Every verb, noun and adjective outside quoted text is an example; it is a cue
when it lies inside a gold Cue span (first annotator per document, as the
benchmark scores). The model is scikit-learn's logistic regression (liblinear,
deterministic) over ``storyline.analyze.cue_model.features``; only non-zero
weights are written, rounded, sorted, so the file is small and diffable.

Parses are cached in /tmp (never in the repo), so re-training takes seconds.

    python benchmarks/train_attribution.py [--C 1] [--threshold 0.5] [--out PATH]

``--gate`` trains the second model instead, ``models/gate.json``: the keep
or drop decision over ``statements.gate_candidates`` (the cues the rules pass
over), on every annotator of the train documents. The shipped one is

    python benchmarks/train_attribution.py --gate --floor 0.02 --threshold 0.5

Needs scikit-learn (dev extra); the package itself only reads the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
CACHE = Path(tempfile.gettempdir()) / "storyline-polnear-parses"
MODEL = ROOT / "src" / "storyline" / "analyze" / "models" / "cues.json"
GATE = ROOT / "src" / "storyline" / "analyze" / "models" / "gate.json"


def parsed(split: str) -> list[tuple[str, Any]]:
    """(document name, spaCy Doc) for every annotated document of a split, parsed once."""
    from spacy.tokens import DocBin

    from storyline.analyze.nlp import load_nlp

    nlp = load_nlp()
    names = sorted(
        txt.stem
        for txt in (DATA / split / "text").glob("*.txt")
        if any((DATA / split / "attributions").glob(txt.stem + "_*.ann"))
    )
    cache = CACHE / f"{split}.spacy"
    if cache.exists() and (CACHE / f"{split}.names").read_text().split("\n") == names:
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        texts = [(DATA / split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
        docs = list(nlp.pipe(texts, n_process=1, batch_size=16))
        CACHE.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache)
        (CACHE / f"{split}.names").write_text("\n".join(names))
    return list(zip(names, docs, strict=True))


def examples(split: str) -> tuple[list[dict[str, int]], list[int]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from attribution_polnear import parse_ann
    from storyline.analyze.cue_model import CANDIDATE_POS, features
    from storyline.analyze.pipeline import Context
    from storyline.analyze.statements import ArticleView
    from storyline.schema import Article, Findings

    xs: list[dict[str, int]] = []
    ys: list[int] = []
    for name, doc in parsed(split):
        ann = sorted((DATA / split / "attributions").glob(name + "_*.ann"))[0]
        cues = [f for frags in parse_ann(ann).cue for f in frags]
        article = Article(name, name, None, None, None, None, "en", doc.text)
        art = ArticleView(Context(article=article, doc=doc, findings=Findings(article=article)))
        for tok in doc:
            if tok.pos_ not in CANDIDATE_POS or art.in_quote(tok.idx):
                continue
            end = tok.idx + len(tok)
            ys.append(int(any(a < end and tok.idx < b for a, b in cues)))
            xs.append(dict.fromkeys(features(tok), 1))
    return xs, ys


def gate_examples(
    split: str, floor: float, all_annotators: bool = False
) -> tuple[list[dict[str, int]], list[int]]:
    """The statements component's gate candidates, labelled against the gold attributions.

    A candidate is right when its cue overlaps a gold cue and its content
    overlaps the content of that same attribution.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from attribution_polnear import parse_ann
    from storyline.analyze.pipeline import Context
    from storyline.analyze.statements import ArticleView, gate_candidates, rule_statements
    from storyline.schema import Article, Findings

    def hit(a: tuple[int, int], frags: list[tuple[int, int]]) -> bool:
        return any(a[0] < e and s < a[1] for s, e in frags)

    xs: list[dict[str, int]] = []
    ys: list[int] = []
    for name, doc in parsed(split):
        anns = sorted((DATA / split / "attributions").glob(name + "_*.ann"))
        article = Article(name, name, None, None, None, None, "en", doc.text)
        art = ArticleView(Context(article=article, doc=doc, findings=Findings(article=article)))
        cands = gate_candidates(art, rule_statements(art), floor)
        # Train on every annotator of a document (more data); dev scores the first only.
        for ann in anns if all_annotators else anns[:1]:
            pairs = parse_ann(ann).pairs
            for cand in cands:
                f = cand.found
                assert f.cue_span is not None
                ys.append(int(any(hit(f.cue_span, c) and hit(f.content, t) for c, t in pairs)))
                xs.append(dict.fromkeys(cand.features, 1))
    return xs, ys


def fit(xs: list[dict[str, int]], ys: list[int], C: float) -> tuple[Any, Any]:
    """(vectoriser, classifier): an L1 logistic regression (liblinear, deterministic),
    so most features get no weight and the shipped file stays small."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    X = _int32(vec.fit_transform(xs))
    clf = LogisticRegression(C=C, l1_ratio=1.0, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(X, ys)
    print(f"{len(ys)} training examples, {sum(ys)} positive, {X.shape[1]} features")
    return vec, clf


def train_gate(args: argparse.Namespace) -> int:
    x_train, y_train = gate_examples("train", args.floor, all_annotators=True)
    vec, clf = fit(x_train, y_train, args.C)
    x_dev, y_dev = gate_examples("dev", args.floor)
    proba = clf.predict_proba(_int32(vec.transform(x_dev)))[:, 1]
    for th in (0.3, 0.4, 0.5, 0.6):
        pred = proba >= th
        tp = sum(1 for p, y in zip(pred, y_dev, strict=True) if p and y)
        print(f"dev gate @{th}: kept {int(pred.sum())}, {tp} right; {sum(y_dev)} right in all")
    weights = _weights(vec, clf)
    model = {
        "about": "Gate over the attributions the rules did not make, a logistic regression "
        "trained on PolNeAR train by benchmarks/train_attribution.py --gate; features: "
        "storyline.analyze.statements.gate_candidates.",
        "C": args.C,
        "threshold": args.threshold,
        "min_cue_probability": args.floor,
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    _write(GATE if args.out == MODEL else args.out, model)
    return 0


def _weights(vec: Any, clf: Any) -> dict[str, float]:
    """Non-zero weights, rounded, so the shipped file is small and diffable."""
    return {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= 0.005
    }


def _write(out: Path, model: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(model['weights'])} weights, {out.stat().st_size // 1024} KiB)")


def _int32(m: Any) -> Any:
    """liblinear accepts only 32-bit sparse indices; DictVectorizer may give 64-bit."""
    m = m.tocsr()
    m.indices = m.indices.astype("int32")
    m.indptr = m.indptr.astype("int32")
    return m


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--C", type=float, default=1.0, help="inverse L1 regularisation strength")
    ap.add_argument(
        "--threshold", type=float, default=0.5, help="probability to call a cue (gate: to keep)"
    )
    ap.add_argument(
        "--complement-threshold",
        type=float,
        default=0.7,
        help="probability for a learned cue whose content is only its object",
    )
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument(
        "--gate", action="store_true", help="train the candidate gate (models/gate.json) instead"
    )
    ap.add_argument(
        "--floor", type=float, default=0.1, help="gate: least cue probability of a candidate"
    )
    args = ap.parse_args()
    if args.gate:
        return train_gate(args)

    x_train, y_train = examples("train")
    vec, clf = fit(x_train, y_train, args.C)

    x_dev, y_dev = examples("dev")
    pred = clf.predict_proba(_int32(vec.transform(x_dev)))[:, 1] >= args.threshold
    tp = sum(1 for p, y in zip(pred, y_dev, strict=True) if p and y)
    p, r = tp / max(1, int(pred.sum())), tp / max(1, sum(y_dev))
    f1 = 2 * p * r / max(1e-9, p + r)
    print(f"dev cue tokens: P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f1:.1f}")

    weights = _weights(vec, clf)
    model = {
        "about": "Attribution-cue logistic regression trained on PolNeAR train "
        "by benchmarks/train_attribution.py; features: storyline.analyze.cue_model.features.",
        "C": args.C,
        "threshold": args.threshold,
        "complement_threshold": args.complement_threshold,
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    _write(args.out, model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
