"""Disagreement rules on the seed figures: contradiction, update, corroboration.

The figures are built here by hand from the seed texts (value, measure,
subject, claimant and date as the articles state them, with the real
character offsets); the rules and the store round trip are what is tested.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storyline import corpus
from storyline.corpus.disagreements import Claim, compare, find_disagreements
from storyline.schema import Article, Disagreement, Figure, Findings, stable_id
from storyline.store import Store

# (seed, surface, value, measure, subject, claimant, as_of)
SEED_FIGURES = [
    ("000", "700,000", 700_000, "killed", "Ukrainian soldiers", "Donald Trump", "2025-02-04"),
    ("000", "45,100", 45_100, "killed", "military personnel", "Volodymyr Zelenskyy", "2025-02"),
    ("001", "400,000", 400_000, "casualties", "military", "Donald Trump", "2024-12-08"),
    ("001", "43,000", 43_000, "killed", "soldiers", "Mr. Zelensky", "2024-12-08"),
    ("004", "400,000", 400_000, "lost", "soldiers", "Donald Trump", "2024-12-08"),
    ("004", "43,000", 43_000, "killed", "Ukrainian soldiers", "Zelenskyy", "2024-12-08"),
    ("004", "31,000", 31_000, "killed", "Ukrainian soldiers", "Zelenskyy", "2024-02"),
]
PEOPLE = {"Donald Trump": "trump", "Volodymyr Zelenskyy": "zel", "Mr. Zelensky": "zel"}
PEOPLE["Zelenskyy"] = "zel"


def _figures(articles: dict[str, Article], resolve_people: bool) -> list[Figure]:
    out = []
    for seed, surface, value, measure, subject, claimant, as_of in SEED_FIGURES:
        article = articles[seed]
        start = article.text.index(surface)
        out.append(
            Figure(
                id=stable_id("f", seed, surface, measure),
                article_id=article.id,
                text=surface,
                low=value,
                high=value,
                qualifier=None,
                unit=None,
                measure=measure,
                subject=subject,
                per=None,
                claimant=claimant,
                claimant_entity=PEOPLE[claimant] if resolve_people else None,
                statement_id=None,
                as_of=as_of,
                start=start,
                end=start + len(surface),
            )
        )
    return out


def _by_key(figures: list[Figure]) -> dict[tuple[str, str], str]:
    """(article seed's surface, measure) -> figure id, for readable assertions."""
    return {(f.text, f.measure or ""): f.id for f in figures}


def _check(disagreements, figures: list[Figure]) -> None:  # type: ignore[no-untyped-def]
    ids = {f.id: f for f in figures}
    kinds: dict[str, list[set[str]]] = {}
    for d in disagreements:
        assert d.reason, d
        kinds.setdefault(d.kind, []).append({ids[i].text for i in d.figure_ids})
    # Trump's 700,000 dead vs Zelenskyy's 45,100 killed, both February 2025.
    assert {"700,000", "45,100"} in kinds["contradiction"]
    # Zelenskyy's own count over time: 31,000 -> 43,000 -> 45,100.
    assert any({"31,000", "43,000", "45,100"} <= group for group in kinds["update"])
    # Trump's 400,000 in seeds 001 and 004.
    assert {"400,000"} in kinds["corroboration"]
    # Zelenskyy's 43,000 in seeds 001 and 004.
    assert {"43,000"} in kinds["corroboration"]
    # Casualties (killed + wounded) are not contradicted by a count of the killed.
    for group in kinds["contradiction"]:
        assert "400,000" not in group


def test_rules_on_the_seed_figures(seed_articles: dict[str, Article]) -> None:
    figures = _figures(seed_articles, resolve_people=True)
    claims = [Claim(f, f.as_of, None) for f in figures]
    disagreements = find_disagreements(claims)
    _check(disagreements, figures)
    reasons = {d.kind: d.reason for d in disagreements}
    contradiction = next(
        d
        for d in disagreements
        if d.kind == "contradiction"
        and {"700,000", "45,100"} == {f.text for f in figures if f.id in d.figure_ids}
    )
    assert "ratio 15.5" in (contradiction.reason or "")
    assert "Donald Trump" in (contradiction.reason or "")
    assert "->" in (reasons["update"] or "")
    # Ids are stable: the same input gives the same records.
    assert find_disagreements(list(reversed(claims))) == disagreements


def test_different_measures_are_not_a_contradiction(seed_articles: dict[str, Article]) -> None:
    figures = {(f.text, f.measure): f for f in _figures(seed_articles, resolve_people=True)}
    casualties = Claim(figures[("400,000", "casualties")], "2024-12-08", None)
    killed = Claim(figures[("43,000", "killed")], "2024-12-08", None)
    kind, why = compare(casualties, killed)
    assert kind is None
    assert "different measures (casualties vs killed)" in why
    # "lost" is ambiguous: it does not contradict a count of the killed either.
    lost = Claim(figures[("400,000", "lost")], "2024-12-08", None)
    assert compare(lost, killed)[0] is None


def test_update_needs_the_same_claimant(seed_articles: dict[str, Article]) -> None:
    figures = {(f.text, f.measure): f for f in _figures(seed_articles, resolve_people=True)}
    earlier = Claim(figures[("31,000", "killed")], "2024-02", None)
    later = Claim(figures[("45,100", "killed")], "2025-02", None)
    assert compare(earlier, later)[0] == "update"
    other = dataclasses.replace(figures[("45,100", "killed")], claimant_entity="someone else")
    # A different source a year later, values 1.45x apart: neither update nor contradiction.
    assert compare(earlier, Claim(other, "2025-02", None))[0] is None


def test_store_round_trip_links_claimants(
    tmp_path: Path, seed_findings: dict[str, Findings], seed_articles: dict[str, Article]
) -> None:
    figures = _figures(seed_articles, resolve_people=False)
    store = Store(tmp_path / "d.db")
    for findings in seed_findings.values():
        mine = [f for f in figures if f.article_id == findings.article.id]
        store.save(dataclasses.replace(findings, figures=mine, statements=[]))
    corpus.update(store, [f.article.id for f in seed_findings.values()])
    linked = dict(
        store.conn.execute("SELECT text || ':' || article_id, claimant_entity FROM figures")
    )
    assert all(linked.values()), linked
    zel = {e for (key, e) in linked.items() if key.split(":")[0] in ("45,100", "43,000", "31,000")}
    assert len(zel) == 1  # "Volodymyr Zelenskyy", "Mr. Zelensky", "Zelenskyy": one person
    rows = [Disagreement(**r) for r in store.records("disagreements")]
    assert {r.kind for r in rows} == {"contradiction", "update", "corroboration"}
    figures_linked = [
        dataclasses.replace(f, claimant_entity=linked[f"{f.text}:{f.article_id}"]) for f in figures
    ]
    _check(rows, figures_linked)
    store.close()


@pytest.mark.parametrize("measure", ["wounded", "casualties"])
def test_killed_is_never_compared_with_other_measures(
    measure: str, seed_articles: dict[str, Article]
) -> None:
    base = _figures(seed_articles, resolve_people=True)[0]
    other = dataclasses.replace(base, id="x", measure=measure, claimant_entity="zel", low=1.0)
    kind, why = compare(Claim(base, "2025-02-04", None), Claim(other, "2025-02-04", None))
    assert kind is None and "different measures" in why


def test_rates_and_both_sides_are_kept_apart(seed_articles: dict[str, Article]) -> None:
    """Seed 002: Trump's "more than 5,000" soldiers killed a week, on both sides."""
    figures = _figures(seed_articles, resolve_people=True)
    text = seed_articles["002"].text
    start = text.index("5,000")
    weekly = dataclasses.replace(
        figures[0],
        id="weekly",
        article_id=seed_articles["002"].id,
        text="5,000",
        low=5000,
        high=5000,
        qualifier="more than",
        subject="Russian and Ukrainian soldiers",
        per="week",
        start=start,
        end=start + len("5,000"),
    )
    claims = [Claim(f, f.as_of, None) for f in [*figures, weekly]]
    for d in find_disagreements(claims):
        assert "weekly" not in d.figure_ids, d
    both = dataclasses.replace(weekly, per=None)
    zelenskyy = next(f for f in figures if f.text == "45,100")
    kind, why = compare(Claim(both, "2025-02", None), Claim(zelenskyy, "2025-02", None))
    assert kind is None and why == "different subjects"


def test_real_seed_figures_give_the_three_kinds(
    tmp_path: Path, seed_findings: dict[str, Findings]
) -> None:
    """The whole pipeline (figures and statements components included) on the seeds."""
    store = Store(tmp_path / "real.db")
    for findings in seed_findings.values():
        store.save(findings)
    corpus.update(store, [f.article.id for f in seed_findings.values()])
    seed_of = {f.article.id: seed for seed, f in seed_findings.items()}
    figures = {r["id"]: (seed_of[r["article_id"]], r["text"]) for r in store.records("figures")}
    found = {
        (r["kind"], frozenset(figures[i] for i in r["figure_ids"]))
        for r in store.records("disagreements")
    }
    assert ("contradiction", frozenset({("000", "700,000"), ("000", "45,100")})) in found
    assert ("corroboration", frozenset({("001", "400,000"), ("004", "400,000")})) in found
    updates = [group for kind, group in found if kind == "update"]
    # Zelenskyy's count moving on: 43,000 (December 2024) -> 45,100 (February 2025).
    assert any({("000", "45,100"), ("004", "43,000")} <= group for group in updates)
    store.close()
