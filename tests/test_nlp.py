"""The pinned spaCy model is checked at start-up."""

from __future__ import annotations

import json

import pytest

from storyline.analyze.nlp import ModelError, check_model_meta, model_meta_path


def test_installed_model_is_en_core_web_sm_3_8_0(nlp) -> None:  # type: ignore[no-untyped-def]
    meta = json.loads(model_meta_path().read_text())
    assert (meta["lang"], meta["version"]) == ("en", "3.8.0")
    check_model_meta(meta)
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    "meta",
    [
        {"lang": "en", "name": "core_web_md", "version": "3.8.0"},
        {"lang": "en", "name": "core_web_sm", "version": "3.7.1"},
        {"lang": "de", "name": "core_news_sm", "version": "3.8.0"},
    ],
)
def test_other_models_are_refused(meta: dict[str, str]) -> None:
    with pytest.raises(ModelError, match=r"en_core_web_sm 3\.8\.0"):
        check_model_meta(meta)
