"""A learned attribution-cue classifier: is this verb or noun the cue of an attribution?

PolNeAR's cues are spread over hundreds of rare words (beliefs, intentions,
judgements, noun cues); a hand list of speech verbs finds about half of them.
This is a logistic regression over parse features, trained on PolNeAR train by
``benchmarks/train_attribution.py`` and shipped as JSON weights in
``models/cues.json`` (deterministic, diffable, no pickle). Scoring is a sum of
weights, so the package needs no machine-learning library at run time.

The model only proposes cues; the statements component still derives the
speaker and what was said from the parse, and drops a cue without both.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

# Parts of speech a cue can have (verbs, and nouns such as "claim", "plan").
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})
_QUOTE_CHARS = frozenset('"“”„«»')
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})


def features(tok: Token) -> list[str]:
    """Feature names of one candidate token, from the parse around it only."""
    doc = tok.doc
    n = len(doc)
    lemma = tok.lemma_.lower()
    head = tok.head
    # Every spaCy token access builds an object: read the children once.
    children = list(tok.children)
    child_deps = sorted({c.dep_ for c in children})
    out = [
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"l|d={lemma}|{tok.dep_}",
        f"l|t={lemma}|{tok.tag_}",
        f"hl={head.lemma_.lower()}",
        f"hp|d={head.pos_}|{tok.dep_}",
        f"prev={doc[tok.i - 1].lower_ if tok.i > 0 else '<s>'}",
        f"next={doc[tok.i + 1].lower_ if tok.i + 1 < n else '</s>'}",
    ]
    for d in child_deps:
        out.append(f"c={d}")
        out.append(f"p|c={tok.pos_}|{d}")
    for c in children:
        if c.dep_ in ("ccomp", "xcomp", "acl", "relcl"):
            mark = next((m.lower_ for m in c.children if m.dep_ in ("mark", "aux")), "-")
            out.append(f"comp={c.dep_}|{mark}")
            out.append(f"l|comp={lemma}|{c.dep_}")
    subj = next((c for c in children if c.dep_ in _SUBJ), None)
    if subj is not None:
        kind = subj.ent_type_ or subj.pos_
        out.append(f"subj={kind}")
        out.append(f"l|subj={lemma}|{kind}")
    else:
        out.append(f"l|nosubj={lemma}")
    poss = next((c for c in children if c.dep_ == "poss"), None)
    if poss is not None:
        out.append(f"poss={poss.ent_type_ or poss.pos_}")
    lo, hi = max(0, tok.i - 3), min(n, tok.i + 4)
    if any(ch in _QUOTE_CHARS for t in doc[lo : tok.i] for ch in t.text):
        out.append("q<")
    if any(ch in _QUOTE_CHARS for t in doc[tok.i + 1 : hi] for ch in t.text):
        out.append("q>")
    if tok.i + 1 < n and doc[tok.i + 1].text == ":":
        out.append("colon>")
    if any(c.dep_ == "neg" for c in children):
        out.append("neg")
    return out


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    # A learned cue whose only content is its object ("offered no proof") needs
    # more confidence than one with a clause or a quote: bare objects are where
    # non-speech verbs ("pushed the mound") slip in.
    complement_threshold: float

    def probability(self, tok: Token, feats: list[str] | None = None) -> float:
        """P(cue); ``feats`` are ``features(tok)`` when the caller already has them."""
        return _logistic(self.bias, self.weights, feats or features(tok))

    def is_cue(self, tok: Token) -> bool:
        return tok.pos_ in CANDIDATE_POS and self.probability(tok) >= self.threshold


@dataclass(frozen=True)
class GateModel:
    """Keeps or drops an attribution the rules did not make (``statements.gate_candidates``).

    Trained on PolNeAR train by ``benchmarks/train_attribution.py --gate``
    over the candidate's features (its cue's parse features, the cue model's
    probability, what kind of content and source the parse gave it).
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    # Tokens under this cue probability are not even made candidates (speed).
    min_cue_probability: float

    def probability(self, feats: list[str]) -> float:
        return _logistic(self.bias, self.weights, feats)


@lru_cache(maxsize=1)
def load_gate_model() -> GateModel | None:
    """The packaged candidate gate, read once per process; None when the package ships none."""
    data = _read_model("gate.json")
    if data is None:
        return None
    return GateModel(
        data["weights"],
        float(data["bias"]),
        float(data["threshold"]),
        float(data["min_cue_probability"]),
    )


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The packaged model, read once per process; None when the package ships none."""
    data = _read_model("cues.json")
    if data is None:
        return None
    return CueModel(
        data["weights"],
        float(data["bias"]),
        float(data["threshold"]),
        float(data["complement_threshold"]),
    )


def _logistic(bias: float, weights: dict[str, float], feats: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _read_model(name: str) -> dict[str, Any] | None:
    """A packaged model's JSON with its weights as floats; None when the package ships none."""
    path = resources.files("storyline.analyze") / "models" / name
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["weights"] = {str(k): float(v) for k, v in data["weights"].items()}
    return data
