"""Near-duplicates: copies (MinHash) and translations of one wire text (anchors).

The five real seeds are the background corpus and the hard negatives (all
about Trump and Ukraine; 001 and 004 report the same event in different
articles). The wire report below is made up for these tests: one English
original, a second English rendering, German and French renderings, and a
follow-up story about the same floods that must stay apart.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from storyline.clean.language import detect_language
from storyline.corpus.duplicates import update_duplicates
from storyline.corpus.translations import anchors, check, rendering, weight
from storyline.schema import Article, Findings, stable_id
from storyline.store import Store

WIRE = (
    "VALMORA, March 14 - Heavy rains flooded the port city of Valmora on Thursday, killing at "
    "least 17 people and forcing 4,200 residents from their homes, regional governor Tomas "
    "Ekberg said. Ekberg said rescue teams from the Northern Brigade had reached the Delsing "
    "district, where the water stood 2.5 metres deep. The national weather office warned that "
    "another 120 millimetres of rain could fall by Saturday. Prime Minister Anja Rolvik will "
    "visit the city on Friday and has promised 35 million euros in emergency aid. The river "
    "Sorne burst its banks for the first time since 1987, Ekberg added."
)
# The same dispatch as another translator renders it: hardly a 5-gram in common.
REWORDED = (
    "Torrential rain caused flooding in the port of Valmora on Thursday, leaving no fewer than "
    "17 dead and displacing 4,200 inhabitants, according to regional governor Tomas Ekberg. "
    "Rescuers of the Northern Brigade have made it to the district of Delsing, where the water "
    "reached a depth of 2.5 metres, Ekberg said. According to the national meteorological "
    "service, up to 120 mm of additional rain is expected before Saturday. Premier Anja Rolvik "
    "is due in the city on Friday; she pledged emergency aid worth 35 million euros. It is the "
    "first time since 1987 that the Sorne river has overflowed, the governor said."
)
GERMAN = (
    "VALMORA, 14. März - Heftige Regenfälle haben am Donnerstag die Hafenstadt Valmora "
    "überflutet. Mindestens 17 Menschen kamen ums Leben, 4.200 Einwohner mussten ihre Häuser "
    "verlassen, wie Regionalgouverneur Tomas Ekberg mitteilte. Rettungsteams der Nordbrigade "
    "hätten den Stadtteil Delsing erreicht, wo das Wasser 2,5 Meter hoch stehe, sagte Ekberg. "
    "Der nationale Wetterdienst warnte, bis Samstag könnten weitere 120 Millimeter Regen "
    "fallen. Ministerpräsidentin Anja Rolvik wird die Stadt am Freitag besuchen und hat 35 "
    "Millionen Euro Soforthilfe zugesagt. Der Fluss Sorne trat nach Angaben Ekbergs zum ersten "
    "Mal seit 1987 über die Ufer."
)
FRENCH = (
    "VALMORA, 14 mars - De fortes pluies ont inondé jeudi la ville portuaire de Valmora, "
    "faisant au moins 17 morts et contraignant 4 200 habitants à quitter leur logement, a "
    "annoncé le gouverneur régional Tomas Ekberg. Selon Ekberg, les secours de la Brigade du "
    "Nord ont atteint le quartier de Delsing, où l'eau atteignait 2,5 mètres. Le service "
    "météorologique national a averti que 120 millimètres de pluie supplémentaires pourraient "
    "tomber d'ici samedi. La Première ministre Anja Rolvik se rendra vendredi dans la ville et "
    "a promis 35 millions d'euros d'aide d'urgence. La Sorne est sortie de son lit pour la "
    "première fois depuis 1987, a ajouté Ekberg."
)
# Same place, same people, same river, two days later: a different article.
FOLLOW_UP = (
    "Ten days after the floods in Valmora, the death toll has risen to 23 and about 1,900 "
    "residents are still unable to return home, governor Tomas Ekberg told reporters on "
    "Monday. Ekberg said clearing mud from the Delsing district would take until June and "
    "estimated the damage at 410 million euros. Prime Minister Anja Rolvik, who toured the "
    "city last week, faced criticism in parliament after opposition leader Marit Hals said "
    "the Northern Brigade had arrived too late. Rolvik defended the response and announced "
    "an inquiry led by former judge Oskar Brenne. Engineers are examining the levees along "
    "the Sorne, which last failed in 1987."
)
MADE_UP = {
    "wire": (WIRE, "wire-service", "2025-03-14"),
    "reworded": (REWORDED, "daily-courier", "2025-03-14"),
    "german": (GERMAN, "zeitung", "2025-03-15"),
    "french": (FRENCH, "quotidien", "2025-03-14"),
    "follow_up": (FOLLOW_UP, "evening-post", "2025-03-16"),
}


def _article(name: str) -> Article:
    text, outlet, published = MADE_UP[name]
    return Article(
        id=stable_id("a", name),
        source=f"{name}.txt",
        title=None,
        outlet=outlet,
        published=published,
        published_basis="metadata",
        language=detect_language(text),
        text=text,
    )


def _store(path: Path, articles: list[Article]) -> Store:
    store = Store(path)
    for article in articles:
        store.save(Findings(article=dataclasses.replace(article)))
    return store


def _pairs(store: Store) -> dict[tuple[str, str], tuple[str, str]]:
    rows = store.conn.execute("SELECT a, b, kind, reason FROM corpus_duplicate_pairs")
    return {(a, b): (kind, reason) for a, b, kind, reason in rows}


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, seed_articles):  # type: ignore[no-untyped-def]
    """The five seeds and the made-up renderings, duplicates computed in one batch."""
    articles = list(seed_articles.values()) + [_article(n) for n in MADE_UP]
    store = _store(tmp_path_factory.mktemp("dup") / "d.db", articles)
    update_duplicates(store, [a.id for a in articles])
    yield store
    store.close()


def test_anchors_are_numbers_and_names_in_order() -> None:
    assert anchors(WIRE)[2:8] == ["valmor", "#17", "#4200", "tomas", "ekberg", "northe"]
    # Thousands separators of three languages, decimal comma, small numbers dropped.
    for text in ("4,200 people", "4.200 menschen", "4 200 habitants"):
        assert anchors(text) == ["#4200"], text
    assert anchors("2,5 meter, 2.5 metres, 3 days") == ["#2.5"]
    # A capitalised sentence start is a name only if it recurs inside a sentence.
    assert anchors("Torrential rain hit. Ekberg said so. Officials met Ekberg.") == ["ekberg"]
    # Transliteration variants and possessives fold to one key.
    assert anchors("met Zelenskyy's aide") == anchors("met Zelensky aide") == ["zelens"]
    # Superscripts and other-script digits: "¹" is no number, "٤٢٠٠" is 4200.
    assert anchors("footnote¹ and ² of \u0664\u0662\u0660\u0660 people") == ["#4200"]


def test_the_seeds_stay_apart(corpus_store: Store, seed_articles) -> None:  # type: ignore[no-untyped-def]
    seeds = {a.id for a in seed_articles.values()}
    involved = {x for pair in _pairs(corpus_store) for x in pair}
    assert not involved & seeds
    rows = corpus_store.conn.execute(
        f"SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL "
        f"AND id IN ({','.join('?' * len(seeds))})",
        sorted(seeds),
    )
    assert rows.fetchone()[0] == 0
    # The precise check itself, with uniform weights (no rarity to help), on every
    # seed pair, including 001/004 (same event, different articles); their
    # publication dates are dropped so that only the texts decide.
    renders = {
        k: rendering(a.id, a.text, a.language, f"outlet{k}", None) for k, a in seed_articles.items()
    }
    for x, y in itertools.combinations(sorted(renders), 2):
        assert check(renders[x], renders[y], lambda _: 1.0) is None, (x, y)


def test_two_english_renderings_are_one_text(corpus_store: Store) -> None:
    wire, reworded = _article("wire").id, _article("reworded").id
    kind, reason = _pairs(corpus_store)[tuple(sorted((wire, reworded)))]  # type: ignore[index]
    assert kind == "translation"
    assert reason.startswith("same-language") and "anchors in order" in reason


@pytest.mark.parametrize("language", ["german", "french"])
def test_a_translation_into_another_language_is_found(corpus_store: Store, language: str) -> None:
    pairs = _pairs(corpus_store)
    for english in ("wire", "reworded"):
        key = tuple(sorted((_article(english).id, _article(language).id)))
        assert key in pairs, (english, language)
        kind, reason = pairs[key]  # type: ignore[index]
        assert kind == "translation" and reason.startswith("cross-language")


def test_the_cluster_points_at_the_earliest_fullest_copy(corpus_store: Store) -> None:
    renderings = ("wire", "reworded", "german", "french")
    dup = dict(corpus_store.conn.execute("SELECT id, duplicate_of FROM articles"))
    # Earliest first (the German one is a day late), then the longest text.
    original = min(renderings, key=lambda n: (MADE_UP[n][2], -len(MADE_UP[n][0])))
    assert dup[_article(original).id] is None  # nothing deleted, the original stays itself
    for name in set(renderings) - {original}:
        assert dup[_article(name).id] == _article(original).id, name


def test_a_follow_up_on_the_same_floods_stays_apart(corpus_store: Store) -> None:
    follow_up = _article("follow_up").id
    assert not [p for p in _pairs(corpus_store) if follow_up in p]
    dup = dict(corpus_store.conn.execute("SELECT id, duplicate_of FROM articles"))
    assert dup[follow_up] is None
    assert follow_up not in dup.values()


def _repost(article: Article) -> Article:
    return dataclasses.replace(
        article,
        id=stable_id("a", "repost"),
        source="repost.html",
        outlet="scraper-site",
        text="Breaking: " + article.text + "\n\nLeave a Reply\n\nYour email will not be published.",
    )


def test_a_store_from_before_the_band_index_still_finds_copies(
    tmp_path: Path, seed_articles
) -> None:  # type: ignore[no-untyped-def]
    first = [seed_articles["001"], seed_articles["004"]]
    store = _store(tmp_path / "b.db", first)
    update_duplicates(store, [a.id for a in first])
    store.conn.execute("DELETE FROM corpus_minhash_bands")  # as migrated from before the index
    repost = _repost(seed_articles["001"])
    store.save(Findings(article=repost))
    update_duplicates(store, [repost.id])
    assert list(_pairs(store)) == [tuple(sorted((seed_articles["001"].id, repost.id)))]
    banded = store.conn.execute("SELECT count(DISTINCT article_id) FROM corpus_minhash_bands")
    assert banded.fetchone()[0] == 3
    store.close()


def test_a_repost_is_a_copy_not_a_translation(tmp_path: Path, seed_articles) -> None:  # type: ignore[no-untyped-def]
    original = seed_articles["001"]
    repost = _repost(original)
    store = _store(tmp_path / "r.db", [original, repost, seed_articles["004"]])
    update_duplicates(store, [original.id, repost.id, seed_articles["004"].id])
    ((kind, reason),) = _pairs(store).values()
    assert kind == "copy" and "5-gram" in reason
    store.close()


def test_adding_one_rendering_queries_it_alone(tmp_path: Path, seed_articles) -> None:  # type: ignore[no-untyped-def]
    first = [*seed_articles.values(), _article("wire"), _article("follow_up")]
    store = _store(tmp_path / "i.db", first)
    update_duplicates(store, [a.id for a in first])
    postings_before = store.conn.execute(
        "SELECT key, article_id FROM corpus_anchor_postings ORDER BY 1, 2"
    ).fetchall()
    assert not _pairs(store)
    german = _article("german")
    store.save(Findings(article=german))
    update_duplicates(store, [german.id])
    assert list(_pairs(store)) == [tuple(sorted((german.id, _article("wire").id)))]
    postings_after = store.conn.execute(
        "SELECT key, article_id FROM corpus_anchor_postings WHERE article_id != ? ORDER BY 1, 2",
        (german.id,),
    ).fetchall()
    assert postings_after == postings_before  # the others were not re-fingerprinted
    docs = store.conn.execute("SELECT count(*) FROM corpus_anchor_docs").fetchone()[0]
    assert docs == len(first) + 1
    store.close()


def test_a_store_from_before_the_anchor_index_is_backfilled(tmp_path: Path, seed_articles) -> None:  # type: ignore[no-untyped-def]
    articles = [_article("wire"), _article("reworded"), *seed_articles.values()]
    store = _store(tmp_path / "o.db", articles)
    update_duplicates(store, [a.id for a in articles])
    assert _pairs(store)
    store.conn.execute("DELETE FROM corpus_anchor_docs")
    store.conn.execute("DELETE FROM corpus_anchor_postings")
    store.conn.execute("DELETE FROM corpus_duplicate_pairs")
    # The next update, for one unrelated article, fingerprints the rest too.
    update_duplicates(store, [seed_articles["000"].id])
    assert [kind for kind, _ in _pairs(store).values()] == ["translation"]
    store.close()


def test_weights_favour_rare_anchors() -> None:
    assert weight(1, 1400) > weight(300, 1400) > 0
    assert weight(2, 2) > 0  # a corpus of two still weighs its anchors
