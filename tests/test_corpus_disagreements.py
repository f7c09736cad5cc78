"""Series and the relations inside them: on claims written for the tests, and on the seeds.

Claims are built by hand (value, qualifier, measure, subject, claimant, place,
scope, period, outlet) so each rule is tested alone; the seeds run through the
whole pipeline for the three relations users saw first.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from storyline import corpus
from storyline.corpus.disagreements import find_series
from storyline.corpus.independence import sources
from storyline.corpus.quantity import (
    TITLE_PLACES,
    defended_land,
    index_key,
    owner_key,
    place_key,
    source_name_key,
    thing_key,
    title_place,
)
from storyline.corpus.series import Claim
from storyline.corpus.values import compatible
from storyline.schema import Disagreement, Findings
from storyline.store import Store
from storyline.views.series import story_series

_N = iter(range(10_000))


def claim(value: float, **kw: Any) -> Claim:
    """A claim with sensible defaults: people killed in Ukraine overnight into 25 May."""
    n = next(_N)
    fields: dict[str, Any] = {
        "id": f"f{n:04d}",
        "article_id": kw.pop("article", f"a{n}"),
        "text": str(int(value)),
        "low": value,
        "high": value,
        "qualifier": None,
        "unit": None,
        "per": None,
        "measure": "killed",
        "subject": "people",
        "claimant": None,
        "claimant_entity": None,
        "as_of": "2025-05-25",
        "place": "Ukraine",
        "scope": "incident",
        "period": "2025-05-24/2025-05-25",
        "event": "Russian attack",
    }
    extra_keys = (
        "published", "published_at", "outlet", "family", "copy_of", "story", "lead", "relay"
    )  # fmt: skip
    extra = {k: kw.pop(k) for k in extra_keys if k in kw}
    fields.update(kw)
    c = Claim(**fields)
    for key, value_ in extra.items():
        setattr(c, key, value_)
    c.story = c.story or "story"
    c.outlet = c.outlet or f"outlet{n}"
    c.family = c.family or c.outlet
    return c


def relations(claims: list[Claim]) -> dict[frozenset[str], set[str]]:
    """Figure pairs -> the kinds relating them (figures on different sides)."""
    _, found = find_series(claims)
    out: dict[frozenset[str], set[str]] = {}
    for d in found:
        for i, side in enumerate(d.sides):
            for other in d.sides[i + 1 :]:
                for a in side:
                    for b in other:
                        out.setdefault(frozenset((a, b)), set()).add(d.kind)
    return out


def kinds(claims: list[Claim], a: Claim, b: Claim) -> set[str]:
    return relations(claims).get(frozenset((a.id, b.id)), set())


def test_qualifiers_are_read_before_values_are_compared() -> None:
    at_least_12, exact_12, exact_13 = claim(12, qualifier="at least"), claim(12), claim(13)
    assert compatible(at_least_12, exact_13)
    assert not compatible(exact_12, exact_13)
    assert compatible(claim(20, qualifier="about"), claim(21))


def test_two_rounded_counts_meet_where_one_count_rounds_to_both() -> None:
    # JPost: "firing warning shots at a delegation of some 25 Arab and European diplomats
    # in Jenin"; Fox: "a delegation of about 20 regional, European and Western diplomats":
    # 22 is "about 20" and "some 25" both. Mehr's exact 35 is neither.
    kw = {"measure": "opened fire", "subject": "diplomats", "place": "Jenin"}
    jpost = claim(25, qualifier="about", outlet="JPost", **kw)
    fox = claim(20, qualifier="about", outlet="Fox", **kw)
    mehr = claim(35, claimant="Ahmed al-Deek", outlet="Mehr", **kw)
    assert compatible(jpost, fox)
    assert not compatible(mehr, jpost) and not compatible(mehr, fox)
    assert not kinds([jpost, fox, mehr], jpost, fox)  # nor do they confirm each other
    # Fox's "Some 50 Afrikaners were flown to the U.S." is 45 to 55: BBC's 59 is not it.
    assert not compatible(claim(50, qualifier="some"), claim(59))
    assert not compatible(claim(100, qualifier="about"), claim(130))  # a quarter off at most


def test_close_exact_tolls_of_one_attack_contradict_whatever_the_ratio() -> None:
    minister = claim(12, claimant="Ihor Klymenko", outlet="Fox News")
    bbc = claim(13, qualifier="at least", outlet="BBC")
    cbc = claim(12, qualifier="at least", outlet="CBC")
    found = [minister, bbc, cbc]
    assert kinds(found, minister, bbc) == {"contradiction"}
    # "at least 12" agrees with both: CBC's own count is a second newsroom's report of
    # the minister's 12, and contradicts neither.
    assert "contradiction" not in kinds(found, cbc, bbc)
    assert kinds(found, minister, cbc) == {"corroboration"}
    (contradiction,) = [d for d in find_series(found)[1] if d.kind == "contradiction"]
    assert "Ihor Klymenko (in Fox News) says 12" in (contradiction.reason or "")
    assert "BBC says at least 13" in (contradiction.reason or "")


def test_different_places_and_nights_are_different_quantities() -> None:
    national = claim(12)
    kyiv = claim(4, place="Kyiv")
    region = claim(4, place="Khmelnytskyi region")
    next_night = claim(9, period="2025-05-25/2025-05-26", as_of="2025-05-26")
    later_night = claim(13, period="2025-05-25/2025-05-26", as_of="2025-05-26")
    found = [national, kyiv, region, next_night, later_night]
    assert not kinds(found, national, kyiv)
    assert not kinds(found, kyiv, region)  # same value, different places: no corroboration
    assert not kinds(found, national, next_night)
    assert kinds(found, next_night, later_night) == {"contradiction"}


def test_a_24_hour_toll_is_not_an_overnight_one() -> None:
    overnight = claim(19, scope="incident", event="Israeli strikes", place="Gaza")
    day = claim(82, scope="period", event="in the past 24 hours", place="Gaza")
    assert not kinds([overnight, day], overnight, day)


def test_a_figure_without_its_place_joins_the_series_its_value_fits() -> None:
    national = [claim(12, qualifier="at least"), claim(12, qualifier="at least")]
    kyiv = claim(4, place="Kyiv")
    region = claim(4, place="Khmelnytskyi region")
    loose = claim(12, place=None, claimant="Ihor Klymenko")
    loose_four = claim(4, place=None)  # Kyiv's four, or the region's?
    found = [*national, kyiv, region, loose, loose_four]
    series, _ = find_series(found)
    (ukraine,) = [s for s in series if loose.id in s.figure_ids]
    assert set(ukraine.figure_ids) == {*(c.id for c in national), loose.id}
    assert not any(loose_four.id in s.figure_ids for s in series)


def test_one_source_carried_again_is_one_side() -> None:
    """Another edition of one outlet, a copy, one named claimant in two outlets."""
    dw = claim(110, claimant="Russian Defense Ministry", outlet="dw", family="dw.com")
    dw_eu = claim(110, claimant="Russian Defense Ministry", outlet="dw-eu", family="dw.com")
    cbc = claim(110, claimant="Russia's Defence Ministry", outlet="CBC")
    found = [dw, dw_eu, cbc]
    assert len(sources(found)) == 1
    assert not relations(found)
    bbc = claim(5, claimant="Israel's military", outlet="BBC", family="bbc.com", place="Gaza")
    # Its own claimant: only the outlet family keeps the two BBC pages one side.
    bbc_again = claim(5, claimant="the IDF", outlet="BBC", family="bbc.com", place="Gaza")
    un = claim(5, claimant="Tom Fletcher", outlet="Tasnim", place="Gaza")
    found = [bbc, bbc_again, un]
    assert kinds(found, bbc, un) == {"corroboration"}
    assert not kinds(found, bbc, bbc_again)


def test_one_wire_story_carried_by_two_outlets_is_one_source() -> None:
    # CBC and the Independent both run AP's story of the 25 May attack (each has AP's
    # interview: "he told The Associated Press"): "at least 12" there is AP's, once. Fox's
    # own "killing at least 12, officials said" is a second newsroom's.
    cbc = claim(12, qualifier="at least", outlet="cbc-world", relay="Associated Press")
    independent = claim(12, qualifier="at least", outlet="induk-ukrain", relay="Associated Press")
    assert len(sources([cbc, independent])) == 1
    assert not kinds([cbc, independent], cbc, independent)
    fox = claim(12, qualifier="at least", claimant="officials", outlet="fox-world")
    assert kinds([cbc, independent, fox], cbc, fox) == {"corroboration"}
    # The agency's own page and an article relaying it are one source too.
    mainichi = claim(12, qualifier="at least", outlet="mainichi", relay="Associated Press")
    ap = claim(12, qualifier="at least", outlet="apnews", family="apnews")
    assert len(sources([mainichi, ap])) == 1


def test_one_body_by_its_initials_is_one_source() -> None:
    # Sentences written for this test: one charity's count, by its initials and by name.
    msf = claim(11, claimant="MSF", outlet="Tasnim", place="Gaza")
    named = claim(11, claimant="M\u00e9decins Sans Fronti\u00e8res", outlet="BBC", place="Gaza")
    assert len(sources([msf, named])) == 1
    # Two names that form the same letters are two bodies.
    pew = claim(11, claimant="the Pew Research Centre", outlet="BBC", place="Gaza")
    prc = claim(11, claimant="Public Relations Center", outlet="Tasnim", place="Gaza")
    assert len(sources([pew, prc])) == 2


def test_nothing_is_related_within_one_article_of_one_claimant() -> None:
    a = claim(12, article="same", claimant="Ihor Klymenko")
    b = claim(13, article="same", claimant="Ihor Klymenko")
    assert not kinds([a, b], a, b)


def test_a_running_total_updates_and_a_raised_floor_updates() -> None:
    day1 = claim(605, scope="cumulative", period="../2025-05-21", as_of="2025-05-21",
                 claimant="Russian Defence Ministry", outlet="TASS", place=None,
                 event="overall", subject="air defence missiles", measure="destroyed")  # fmt: skip
    day2 = dataclasses.replace(day1, id="later", article_id="b", text="607", low=607.0,
                               high=607.0, as_of="2025-05-26", period="../2025-05-26")  # fmt: skip
    assert kinds([day1, day2], day1, day2) == {"update"}
    morning = claim(9, qualifier="at least", claimant="Ukrainian officials")
    later = claim(12, qualifier="at least", claimant="officials")
    assert kinds([morning, later], morning, later) == {"update"}


def test_series_say_what_they_count_in_words() -> None:
    series, _ = find_series([claim(12), claim(13, outlet="BBC")])
    (s,) = series
    assert s.label.startswith("people killed in Ukraine")
    assert s.measure == "killed" and s.subject == "people" and s.place == "Ukraine"
    assert s.period == "2025-05-24/2025-05-25"


def _seed_store(tmp_path: Path, seed_findings: dict[str, Findings]) -> tuple[Store, dict[str, Any]]:
    store = Store(tmp_path / "seeds.db")
    for findings in seed_findings.values():
        store.save(findings)
    corpus.update(store, [f.article.id for f in seed_findings.values()])
    seed_of = {f.article.id: seed for seed, f in seed_findings.items()}
    figures = {r["id"]: (seed_of[r["article_id"]], r["text"]) for r in store.records("figures")}
    return store, figures


def test_the_seeds_give_the_three_relations(
    tmp_path: Path, seed_findings: dict[str, Findings]
) -> None:
    """Trump's 700,000 against Zelenskyy's 45,100; Zelenskyy's 43,000 then 45,100; and
    Trump's 400,000 in two outlets, one claimant's claim repeated: not a corroboration."""
    store, figures = _seed_store(tmp_path, seed_findings)
    found = []
    for row in store.records("disagreements"):
        d = Disagreement(**row)
        found.append((d.kind, [frozenset(figures[i] for i in side) for side in d.sides]))
    # A contradiction has no first side: which one comes first follows the ids, and the
    # ids follow where the files lie.
    contradictions = [
        set(map(frozenset, sides)) for kind, sides in found if kind == "contradiction"
    ]
    assert {frozenset({("000", "700,000")}), frozenset({("000", "45,100")})} in contradictions
    updates = [sides for kind, sides in found if kind == "update"]
    assert [{("004", "43,000")}, {("000", "45,100")}] in updates
    for _, sides in found:
        assert not any(("001", "400,000") in side for side in sides)
    (lost,) = [s for s in store.records("series") if {figures[f] for f in s["figure_ids"]}
               == {("001", "400,000"), ("004", "400,000")}]  # fmt: skip
    assert len(lost["sources"]) == 1  # Trump, repeated
    in_series = {r["id"]: r["series_id"] for r in store.records("figures")}
    assert all(in_series[f] == lost["id"] for f in lost["figure_ids"])
    # What the briefing and the web show per story: the disputed quantity, its claims
    # over time, and the relation in words.
    shown = story_series(store, [f.article.id for f in seed_findings.values()])
    (killed,) = [s for s in shown if "contradiction" in s["kinds"]]
    assert killed["kinds"][0] == "contradiction" and killed["label"].startswith("soldiers killed")
    assert {c["value"] for c in killed["claims"]} >= {"700,000", "about 45,100"}
    (why,) = [r["reason"] for r in killed["relations"] if r["kind"] == "contradiction"
              and "700,000" in r["reason"] and "45,100" in r["reason"]]  # fmt: skip
    assert "Donald Trump" in why and "Volodymyr Zelenskyy" in why
    store.close()


def test_the_killed_without_a_counted_noun_are_people() -> None:
    # "36 were killed in the strike on the school": only people are killed or wounded.
    named = claim(31, place="Gaza", claimant="health officials", outlet="AP")
    bare = claim(36, place="Gaza", subject=None, claimant="Al Mayadeen", outlet="TASS")
    assert kinds([named, bare], named, bare) == {"contradiction"}
    # A subject the tables do not know stays unknown ("killed 12 cattle" is no toll).
    cattle = claim(31, place="Gaza", subject="cattle", outlet="BBC")
    assert not kinds([named, cattle], named, cattle)


def test_every_folding_table_keeps_its_example() -> None:
    from storyline.corpus import quantity as q

    readers = {
        "MEASURES": q.measure_key,
        "THINGS": q.thing_key,
        "SIDES": q.side_of,
        "IMPLIED_THINGS": lambda m: q.counted_key(None, m),
        "THING_PHRASES": q.thing_key,
        "PLACE_SPELLINGS": q.place_key,
        "UNIT_QUANTITIES": lambda words: q.unit_quantity_key("day", words, None),
    }
    assert set(readers) == set(q.EXAMPLES)
    for table, (written, key) in q.EXAMPLES.items():
        assert readers[table](written) == key, table


def test_hardware_and_places_are_read_as_outlets_word_them() -> None:
    # A ministry's running total, in its two reports: the later one moves it on.
    first = claim(1563, subject="multiple rocket launchers", measure="destroyed",
                  scope="cumulative", period="../2025-05-21", as_of="2025-05-21",
                  place=None, claimant="Russia's Defense Ministry")  # fmt: skip
    later = claim(1564, subject="multiple rocket launchers", measure="destroyed",
                  scope="cumulative", period="../2025-05-26", as_of="2025-05-26",
                  place=None, claimant="Russia's Defense Ministry")  # fmt: skip
    assert kinds([first, later], first, later) == {"update"}
    # UAVs are drones, whatever the last word says.
    assert [thing_key("unmanned aerial vehicles"), thing_key("armored vehicles")] == [
        "drones",
        "vehicles",
    ]


def test_a_source_named_through_what_it_released_is_that_source() -> None:
    assert source_name_key("the latest data released by Russia's Defense Ministry") == (
        source_name_key("the Russian Defence Ministry")
    )
    # Who runs a body describes it: one ministry, however the outlet words it.
    assert source_name_key("the territory's Hamas-run health ministry") == (
        source_name_key("Gaza's health ministry")
    )


def test_a_running_total_never_falls() -> None:
    def total(value: float, day: str, start: str = "..") -> Claim:
        return claim(value, scope="cumulative", period=f"{start}/{day}", as_of=day,
                     place="Gaza", claimant="Gaza health ministry")  # fmt: skip

    first, since_march, later = (
        total(53655, "2025-05-20"),
        total(3509, "2025-05-21"),
        total(53977, "2025-05-26"),
    )
    found = [first, since_march, later]
    assert kinds(found, first, later) == {"update"}
    assert "update" not in kinds(found, first, since_march)
    assert "update" not in kinds(found, since_march, later)


def test_one_article_giving_both_values_from_one_source_is_no_dispute() -> None:
    def total(value: float, article: str, claimant: str) -> Claim:
        return claim(value, article=article, scope="cumulative", period="../2025-05-21",
                     as_of="2025-05-21", place="Gaza", claimant=claimant)  # fmt: skip

    whole = total(53655, "bbc", "the health ministry")
    part = total(3509, "bbc", "the health ministry")
    other = total(53655, "lemonde", "Gaza's health ministry officials")
    assert "contradiction" not in kinds([whole, part, other], part, other)
    # Two claimants in one article still disagree.
    trump = total(700_000, "fox", "Donald Trump")
    zelenskyy = total(45_100, "fox", "Volodymyr Zelenskyy")
    assert kinds([trump, zelenskyy], trump, zelenskyy) == {"contradiction"}


def test_children_killed_by_the_ten_thousand_are_a_running_total() -> None:
    """Spanish broadcasters, citing the UN on 15 May: "more than 15,000 children" killed in
    Gaza, with no time; the health ministry on 25 May: "at least 16,500 children" killed
    since October 2023. The first is the war's toll too, and the later one supersedes it."""
    total = {"subject": "children", "scope": "cumulative", "place": "Gaza", "event": None}
    earlier = claim(15_000, qualifier="more than", subject="children", scope=None,
                    period=None, place=None, event=None, as_of="2025-05-20",
                    claimant="Julia Varela")  # fmt: skip
    later = claim(16_500, qualifier="at least", period="../2025-05-25", as_of="2025-05-25",
                  claimant="the health ministry", **total)  # fmt: skip
    again = claim(16_500, qualifier="at least", period="../2025-05-26", as_of="2025-05-26",
                  claimant="the health ministry", **total)  # fmt: skip
    assert kinds([earlier, later, again], earlier, later) == {"update"}


def test_struck_and_hit_are_one_measure() -> None:
    """The air force's "striking more than 30 cities" and the president's "hit more than 30
    cities" count one thing."""
    from storyline.corpus.quantity import measure_key

    assert measure_key("striking") == measure_key("hit") == measure_key("struck")


def test_what_counted_things_are_for_is_no_measure() -> None:
    # "about 100 aid trucks" allowed in on Tuesday; "100 trucks with aid" entered Wednesday.
    allowed = claim(100, measure="aid", subject="trucks", place="Gaza", outlet="BBC")
    entered = claim(100, measure="aid", subject="trucks", place="Gaza", outlet="Le Monde")
    assert not kinds([allowed, entered], allowed, entered)


def test_a_nights_weapons_count_has_one_counter() -> None:
    # The air force counts what was launched; "officials" and the outlets pass it on.
    kw = {"measure": "launched", "subject": "drones", "event": "attack"}
    air_force = claim(298, claimant="Ukraine's air force", outlet="NYT", **kw)
    officials = claim(298, claimant="officials", outlet="CBC", **kw)
    reported = claim(298, outlet="DW", **kw)
    found = [air_force, officials, reported]
    assert not any("corroboration" in k for k in relations(found).values())
    # A toll is counted by many: two named counters' 12 corroborate.
    a = claim(12, claimant="Ihor Klymenko", outlet="NYT")
    b = claim(12, claimant="the State Emergency Service", outlet="CBC")
    assert kinds([a, b], a, b) == {"corroboration"}


def test_a_corroboration_is_one_count_from_two_newsrooms() -> None:
    # The minister's 12 (Reuters), AP's "officials", NYT's and CBC's own "12": four
    # newsrooms' reports, as the gold and the issue count sources (issue 13).
    minister = claim(12, claimant="Interior Minister Ihor Klymenko", outlet="Reuters")
    officials = claim(12, claimant="officials", outlet="AP")
    nyt, cbc = claim(12, outlet="NYT"), claim(12, outlet="CBC")
    found = [minister, officials, nyt, cbc]
    assert kinds(found, nyt, cbc) == kinds(found, minister, officials) == {"corroboration"}
    (agree,) = [d for d in find_series(found)[1] if d.kind == "corroboration"]
    assert (agree.reason or "").startswith("4 independent sources give 12")
    assert "NYT (unattributed); CBC (unattributed)" in (agree.reason or "")
    # "according to the governor" with no governor named before: a source, not the
    # outlet's own figure, though the analysis cannot name it (Fox).
    governor = claim(12, outlet="Fox News", claimant_status="unresolved")
    (agree,) = [d for d in find_series([minister, governor])[1] if d.kind == "corroboration"]
    assert "Fox News (source not identified)" in (agree.reason or "")
    # "two officials" (NYT) beside "US officials" (CBC): two newsrooms too.
    two = claim(3, claimant="two officials", outlet="NYT")
    us = claim(3, claimant="US officials", outlet="CBC")
    assert kinds([two, us], two, us) == {"corroboration"}
    # One outlet's two editions are one newsroom (dw / dw-eu), not two sources.
    dw, dw_eu = claim(4, outlet="dw", family="dw"), claim(4, outlet="dw-eu", family="dw")
    assert not kinds([dw, dw_eu], dw, dw_eu)
    # Three newsrooms' counts of the children killed in one region.
    zhytomyr = {"subject": "children", "place": "Zhytomyr region"}
    service = claim(3, claimant="the emergency service", outlet="CBC", **zhytomyr)
    local = claim(3, claimant="local officials there", outlet="Fox News", **zhytomyr)
    klymenko = claim(3, claimant="Ihor Klymenko", outlet="CNN", **zhytomyr)
    found = [service, local, klymenko]
    assert kinds(found, service, local) == kinds(found, local, klymenko) == {"corroboration"}
    # "Earlier death tolls given separately by regional authorities had put the number of
    # dead at 13": a superseded count, not a source.
    earlier = claim(13, claimant="Earlier death tolls", outlet="Fox News")
    bbc = claim(13, claimant="Ukraine's emergency service", outlet="BBC")
    assert not kinds([earlier, bbc], earlier, bbc)
    # "Officials initially reported that four children were killed but later changed the
    # death toll" (AP via Fox): the four is withdrawn, and confirms DW's four no more.
    initially = claim(4, claimant="Officials", outlet="Fox News",
                      lead="Officials initially reported that ")  # fmt: skip
    dw = claim(4, claimant="authorities", outlet="DW")
    assert not kinds([initially, dw], initially, dw)
    # BBC's later "at least 35 were reported to have been killed when the school was hit"
    # is met by Al Mayadeen's 36 (compatible values of two sources corroborate); a
    # superseded floor would not be.
    school = {"place": "Gaza", "event": "strike on the school"}
    floor = claim(35, qualifier="at least", claimant="hospital directors", **school)
    mayadeen = claim(36, claimant="Al Mayadeen TV", **school)
    assert kinds([floor, mayadeen], floor, mayadeen) == {"corroboration"}
    earlier_floor = dataclasses.replace(floor, lead="Officials initially reported that ")
    assert not kinds([earlier_floor, mayadeen], earlier_floor, mayadeen)


def test_a_claimant_titled_by_a_place_gives_the_figure_its_place() -> None:
    # "Kharkiv Mayor Ihor Terekhov said drones ... injured three people" is Kharkiv's three,
    # not the three injured the governor of the Tula region reported.
    tula = claim(3, measure="wounded", place="Tula region",
                 claimant="The governor of the Tula region, Dmitry Miliaev")  # fmt: skip
    kharkiv = claim(3, measure="wounded", place=None, claimant="Kharkiv Mayor Ihor Terekhov")
    assert not kinds([tula, kharkiv], tula, kharkiv)
    # TASS's "Kharkov region" is the Kharkiv region.
    tass = claim(5, measure="wounded", place="Kharkov region", claimant="the regional governor")
    ap = claim(7, measure="wounded", place="Kharkiv region", claimant="Oleh Syniehubov")
    assert kinds([tass, ap], tass, ap) == {"contradiction"}


def test_one_strikes_toll_is_part_of_the_nights_toll() -> None:
    # "The death toll in a strike on the school has increased to 36" against "at least 54
    # Palestinians have been killed ... during Israeli air strikes on Gaza overnight".
    night = {"place": "Gaza", "period": "2025-05-25/2025-05-26", "as_of": "2025-05-26"}
    school = claim(36, claimant="Al Mayadeen TV", event="strike", **night)
    overnight = claim(54, qualifier="at least", claimant="hospital directors",
                      event="Israeli air strikes on Gaza overnight", **night)  # fmt: skip
    assert not kinds([school, overnight], school, overnight)
    # Without the words, the two tolls of one night do contradict.
    other = claim(54, claimant="hospital directors", event="Israeli air strike", **night)
    assert kinds([school, other], school, other) == {"contradiction"}


def test_two_floors_of_one_article_are_two_counts_not_a_revision() -> None:
    # One article: "at least 35 were reported killed when the school was hit" and "at least
    # 54 killed overnight": no update unless another report raises the floor.
    night = {"place": "Gaza", "article": "bbc"}
    school = claim(35, qualifier="at least", **night)
    overnight = claim(54, qualifier="at least", claimant="hospital directors", **night)
    assert not kinds([school, overnight], school, overnight)
    later = claim(40, qualifier="at least", place="Gaza", article="ap", as_of="2025-05-26")
    assert kinds([school, later], school, later) == {"update"}


def test_a_floor_an_article_revised_away_is_not_raised_by_a_later_report() -> None:
    # Morning: "killing five people, including at least three children ... officials
    # initially reported four children". Later, elsewhere: "at least four children".
    bus = {"subject": "children", "place": "Balochistan region", "event": "bus bombing"}
    floor = claim(3, qualifier="at least", article="fox", claimant="officials", **bus)
    initial = claim(4, article="fox", claimant="Officials", **bus)
    later = claim(4, qualifier="at least", article="dw", claimant="authorities", **bus)
    assert "update" not in kinds([floor, initial, later], floor, later)
    # Without the dropped count the later floor does raise the toll.
    assert kinds([floor, later], floor, later) == {"update"}


def test_a_bound_or_a_near_value_confirms_only_what_it_says() -> None:
    # "fewer than 12", "nearly 12", "more than 12" are not 12; "as many as 20" is not 18.
    def corroborated(a: Claim, b: Claim) -> bool:
        return "corroboration" in kinds([a, b], a, b)

    minister = {"claimant": "Ihor Klymenko", "outlet": "Reuters"}
    service = {"claimant": "the State Emergency Service", "outlet": "CBC"}
    for qualifier in ("fewer than", "under", "nearly", "almost", "more than", "over"):
        assert not corroborated(claim(12, qualifier=qualifier, **minister), claim(12, **service))
    assert not corroborated(claim(20, qualifier="as many as", **minister), claim(18, **service))
    # What the docs promise still holds: 12 and "at least 12"; two approximations that
    # meet ("some 500", "about 540"); and one bound given twice.
    assert corroborated(claim(12, qualifier="at least", **minister), claim(12, **service))
    assert corroborated(claim(500, qualifier="some", **minister),
                        claim(540, qualifier="about", **service))  # fmt: skip
    assert corroborated(claim(12, qualifier="more than", **minister),
                        claim(12, qualifier="more than", **service))  # fmt: skip
    # TASS's "more than 240 Israelis" abducted on 7 October, BBC's 251: a floor met close
    # above; not a floor far below ("more than 200" is not 1,200's confirmation).
    assert corroborated(claim(240, qualifier="more than", **minister), claim(251, **service))
    tass = claim(240, qualifier="more than", outlet="TASS")
    bbc = claim(251, outlet="BBC")
    (record,) = find_series([tass, bbc])[1]
    assert "give one count: TASS (unattributed): more than 240; BBC (unattributed): 251" in (
        record.reason or ""
    )
    assert not corroborated(claim(240, qualifier="more than", **minister), claim(400, **service))


def test_a_large_total_given_with_no_source_is_its_counters() -> None:
    # Mehr: "53,655 with 121,950 wounded, the ministry said"; TASS, after quoting the
    # ministry: "... has risen to 53,655, with 121,950 Palestinians injured."
    kw = {"measure": "wounded", "scope": "cumulative", "period": "2023-10-07/2025-05-21",
          "place": "Gaza", "as_of": "2025-05-21"}  # fmt: skip
    mehr = claim(121_950, claimant="Palestinian Ministry of Health", outlet="Mehr", **kw)
    tass = claim(121_950, outlet="TASS", **kw)
    assert len(sources([mehr, tass])) == 1
    assert not kinds([mehr, tass], mehr, tass)
    # A newsroom's own count of one attack is its own: BBC's 13 and the minister's 13.
    bbc = claim(13, outlet="BBC")
    assert len(sources([claim(13, claimant="Ihor Klymenko", outlet="Fox"), bbc])) == 2


def test_a_title_names_a_place_only_when_it_is_one() -> None:
    places = {
        "Belgorod Governor Vyacheslav Gladkov": "belgorod region",
        "The governor of the Tula region, Dmitry Miliaev": "tula region",
        "Kharkiv Mayor Ihor Terekhov": "kharkiv",
        "Kryvyi Rih Mayor Oleksandr Vilkul": "kryvyi rih",
        "New York City Mayor Eric Adams": "new york",
        "the head of the Kharkiv regional military administration": "kharkiv region",
        "Head of the Presidential Office Andriy Yermak": None,
        "the head of the General Staff": None,
        "the head of UNRWA": None,
        "Federal Reserve Governor Christopher Waller": None,
        "Vice Mayor Ivan Petrov": None,
        "Lieutenant Governor Jane Doe": None,
    }
    assert {c: title_place(c) for c in places} == places
    for rule in TITLE_PLACES:
        assert title_place(rule.example[0]) == rule.example[1], rule.example
    # The governor's three wounded are the Belgorod region's three.
    region = claim(
        3, measure="wounded", place="Belgorod region", claimant="Russia's Defence Ministry"
    )
    gladkov = claim(
        3, measure="wounded", place=None, claimant="Belgorod Governor Vyacheslav Gladkov"
    )
    assert kinds([region, gladkov], region, gladkov) == {"corroboration"}
    # A figure with no measure from Kharkiv's mayor does not join the Tula region's three.
    tula = [claim(3, measure="wounded", place="Tula region", outlet=o) for o in ("TASS", "RT")]
    kharkiv = claim(3, measure=None, place=None, claimant="Kharkiv Mayor Ihor Terekhov")
    series, _ = find_series([*tula, kharkiv])
    assert not any(kharkiv.id in s.figure_ids for s in series)


def test_a_place_under_another_name_is_that_place() -> None:
    # "the Gaza Strip" is Gaza; "Kiev" (TASS) is Kyiv.
    assert place_key("the Gaza Strip") == place_key("Gaza") == "gaza"
    assert place_key("Kiev region") == "kyiv region"
    kw = {"scope": "cumulative", "period": None, "claimant": "Gaza's health ministry"}
    earlier = claim(53655, place="Gaza", as_of="2025-05-21", **kw)
    later = claim(53977, place="the Gaza Strip", as_of="2025-05-26", **kw)
    assert kinds([earlier, later], earlier, later) == {"update"}


def test_a_share_of_its_sentences_total_is_no_dispute() -> None:
    # "Israeli strikes killed at least 46 people in the Gaza Strip on Monday, including 31
    # in a school": the 31 is the school's, whatever place the sentence gives.
    kw = {"place": "Gaza", "period": "2025-05-26", "event": None}
    whole = claim(46, qualifier="at least", outlet="AP", **kw)
    lead = "people in the Gaza Strip on Monday, including "
    part = claim(31, claimant="local health officials", outlet="AP", lead=lead, **kw)
    later = claim(54, qualifier="at least", claimant="hospital directors", outlet="BBC", **kw)
    found = [whole, part, later]
    assert "contradiction" not in kinds(found, part, later)
    # Without the "including", an exact 31 against a floor of 54 is a dispute.
    alone = dataclasses.replace(part, lead="Health officials said ")
    assert kinds([whole, alone, later], alone, later) == {"contradiction"}


def test_a_floor_that_joined_by_its_value_is_no_step_of_the_toll() -> None:
    # "At least 35 were reported killed when the school was hit" says no place: it joins
    # the Gaza series by agreeing with the school's 36, and does not become the first step
    # of the day's toll (at least 46).
    kw = {"place": "Gaza", "period": "2025-05-26"}
    school = claim(36, claimant="Al Mayadeen", outlet="TASS", **kw)
    loose = claim(35, qualifier="at least", outlet="BBC", place=None, period=None)
    day = claim(46, qualifier="at least", claimant="local health officials", outlet="AP", **kw)
    assert "update" not in kinds([school, loose, day], loose, day)
    placed = dataclasses.replace(loose, place="Gaza", period="2025-05-26")
    assert kinds([school, placed, day], placed, day) == {"update"}


def test_what_is_shot_down_over_a_sides_land_is_the_other_sides() -> None:
    assert owner_key("drones", "shot down", "drones", "Sergey Sobyanin", "Moscow") == "ukraine"
    assert owner_key("drones", "shot down", "drones", None, "Kyiv") == "russia"
    # Killed in a place says nothing of whose soldiers.
    assert owner_key("soldiers", "killed", "soldiers", None, "Kyiv") is None


def test_a_report_of_none_disputes_a_count_of_the_same_place() -> None:
    # Fox (Reuters): "No deaths were reported in the capital"; AP: "At least four people
    # were killed in the capital itself, according to Ukraine's security service".
    kw = {"place": "Kyiv", "scope": None, "period": None, "event": None}
    none = claim(0, claimant="officials", outlet="Fox", **kw)
    four = claim(4, qualifier="at least", claimant="security service", outlet="AP", **kw)
    assert kinds([none, four], none, four) == {"contradiction"}
    (record,) = find_series([dataclasses.replace(none, text="No"), four])[1]
    assert "Fox (officials) says none" in record.reason
    # A report of none that does not say where joins no placed series by its value.
    loose = claim(0, outlet="Independent", place=None, scope=None, period=None, event=None)
    other = claim(0, claimant="officials", outlet="CBC", **kw)
    series, _ = find_series([none, four, loose, other])
    assert all(loose.id not in s.figure_ids for s in series if s.place == "Kyiv")


def test_outlets_giving_one_claimants_count_of_a_night_differently_disagree() -> None:
    # AP: "Russia's Ministry of Defense said that its air defenses shot down 159 Ukrainian
    # drones across the country overnight"; the Independent: "Russia's ministry of defence
    # claimed to have downed 150 drones overnight": no place, over Russia all the same.
    assert defended_land("shot down", "Russia’s ministry of defence") == "russia"
    assert defended_land("killed", "Russia’s ministry of defence") is None
    assert defended_land("shot down", "Sergei Sobyanin") is None
    kw = {"measure": "shot down", "period": "2025-05-20/2025-05-21", "as_of": "2025-05-21",
          "scope": "period", "event": "overnight", "published": "2025-05-21"}  # fmt: skip
    ap = claim(159, subject="Ukrainian drones", place="Russia", outlet="Mainichi",
               claimant="Russia's Ministry of Defense", **kw)  # fmt: skip
    independent = claim(150, subject="drones", place=None, outlet="Independent",
                        claimant="Russia’s ministry of defence", **kw)  # fmt: skip
    # An air defence's tally is exact even when round: 150 is not 135 to 165.
    assert not compatible(independent, ap)
    assert compatible(claim(150), claim(159))  # a round toll is read give or take
    assert kinds([ap, independent], ap, independent) == {"contradiction"}
    # One outlet giving both (a partial count and the night's) disagrees with nobody.
    same = dataclasses.replace(independent, outlet="Mainichi", family="Mainichi")
    assert not kinds([ap, same], ap, same)
    # Nor does a claimant's count of an open day, which may be raised later.
    day = {"period": "2025-05-21", "event": None, "scope": None}
    open_ap = dataclasses.replace(ap, **day)
    open_independent = dataclasses.replace(independent, place="Russia", **day)
    assert "contradiction" not in kinds([open_ap, open_independent], open_ap, open_independent)


def test_a_count_carried_from_the_night_before_is_that_nights() -> None:
    # CBC on Sunday: the ministry "said its air defences shot down 110 Ukrainian drones
    # overnight"; Fox, published after midnight in a story of Sunday's news, says the same
    # words: 110 is Saturday night's count, not a dispute of Sunday night's 96.
    kw = {"measure": "shot down", "subject": "Ukrainian drones", "place": "Russia",
          "scope": "period", "event": "overnight", "claimant_entity": "mod"}  # fmt: skip
    saturday = {"period": "2025-05-24/2025-05-25", "as_of": "2025-05-25"}
    sunday = {"period": "2025-05-25/2025-05-26", "as_of": "2025-05-26", "published": "2025-05-26"}
    cbc = claim(110, outlet="CBC", claimant="Russia's Defence Ministry", published="2025-05-25",
                **saturday, **kw)  # fmt: skip
    tass = claim(96, outlet="TASS", claimant="Defense Ministry", **sunday, **kw)
    fox = claim(110, outlet="Fox", claimant="Russia's Defense Ministry", **sunday, **kw)
    assert not kinds([cbc, tass, fox], tass, fox)
    # A night's count its text dates itself stays that night's, and disputes.
    dated = dataclasses.replace(fox, as_of="2025-05-26", published="2025-05-27")
    assert kinds([cbc, tass, dated], tass, dated) == {"contradiction"}


def test_one_claimants_count_raised_later_in_the_day_is_an_update() -> None:
    # The mayor said 12 drones were shot down on their way to the capital; by the next
    # morning's report, 19 had been that day.
    kw = {"measure": "shot down", "subject": "Ukrainian drones", "scope": None,
          "period": None, "event": None, "claimant_entity": "sobyanin",
          "as_of": "2025-05-25"}  # fmt: skip
    morning = claim(12, claimant="Sergei Sobyanin", outlet="Fox", place=None,
                    published_at="2025-05-25T09:00:00Z", **kw)  # fmt: skip
    night = claim(12, qualifier=None, claimant="Russian authorities", outlet="DW",
                  place="Moscow", published_at="2025-05-25T10:00:00Z",
                  **{**kw, "claimant_entity": None})  # fmt: skip
    later = claim(19, claimant="Sergey Sobyanin", outlet="TASS", place="Moscow",
                  published_at="2025-05-26T10:00:00Z", **kw)  # fmt: skip
    found = [morning, night, later]
    assert "update" in kinds(found, morning, later)
    # Reported the other way round (19, then 12), or at one time, it is no update.
    early = dataclasses.replace(later, published_at="2025-05-25T08:00:00Z")
    assert "update" not in kinds([morning, night, early], morning, early)
    same_time = dataclasses.replace(later, published_at=morning.published_at)
    assert "update" not in kinds([morning, night, same_time], morning, same_time)
    # A night's count is given once, after the night: two values of it are no update.
    closed = {"period": "2025-05-24/2025-05-25"}
    first = dataclasses.replace(morning, place="Moscow", **closed)
    second = dataclasses.replace(later, **closed)
    assert "update" not in kinds([first, second], first, second)


def test_an_index_level_quoted_later_in_the_day_moves_on_and_never_contradicts() -> None:
    # TASS at 17:45: "the RTS Index was up by 0.64% at 1,114.62 points"; at the close:
    # "the dollar-denominated RTS Index added 0.2% to 1,107.54 points".
    assert index_key("the dollar-denominated RTS Index") == "rts"
    assert index_key("the party's ratings") is None
    kw = {"unit": "point", "measure": None, "scope": None, "period": None, "event": None,
          "place": None, "as_of": "2025-05-21", "outlet": "TASS", "family": "tass"}  # fmt: skip
    intraday = claim(1114.62, subject="RTS Index", published_at="2025-05-21T18:03:00Z", **kw)
    close = claim(1107.54, subject="dollar-denominated RTS Index",
                  published_at="2025-05-21T18:44:00Z", **kw)  # fmt: skip
    moex = claim(2809.58, subject="MOEX Index", published_at="2025-05-21T18:44:00Z", **kw)
    found = [intraday, close, moex]
    assert kinds(found, intraday, close) == {"update"}
    assert not kinds(found, close, moex)  # another index
    assert "RTS Index level, 2025-05-21" in [s.label for s in find_series(found)[0]]
    # Two levels of one article are of two times it gives: no step between them.
    same = dataclasses.replace(close, id="same", article_id=intraday.article_id,
                               published_at=intraday.published_at)  # fmt: skip
    assert not kinds([intraday, same], intraday, same)
    # Points of no index (a poll's) are not compared.
    poll = claim(5, unit="point", subject="party", outlet="DW")
    assert not relations([poll, dataclasses.replace(poll, id="p2", article_id="x", low=7.0)])


def test_a_toll_the_text_says_was_raised_updates_the_earlier_counts() -> None:
    # AP in the morning: 31 killed at the school; TASS later: "the death toll in the strike
    # on the school has increased to 36".
    kw = {"place": "Gaza", "period": "2025-05-26", "event": "strike on the school"}
    morning = claim(31, claimant="local health officials", outlet="AP",
                    published_at="2025-05-26T06:36:00Z", **kw)  # fmt: skip
    lead = "Jarjawi school in Gaza has increased to "
    later = claim(36, claimant="Al Mayadeen", outlet="TASS", lead=lead,
                  published_at="2025-05-26T14:00:00Z", **kw)  # fmt: skip
    assert kinds([morning, later], morning, later) == {"update"}
    # Without the words, two exact tolls of one strike disagree.
    plain = dataclasses.replace(later, lead="Al Mayadeen said ")
    assert kinds([morning, plain], morning, plain) == {"contradiction"}
    # A count published after the raised toll is not one it raised.
    after = dataclasses.replace(morning, published_at="2025-05-26T20:00:00Z")
    assert kinds([after, later], after, later) == {"contradiction"}
    # AP's 31 is the school's share of its sentence's total ("killed at least 46 people in
    # the Gaza Strip on Monday, including 31 in a school-turned-shelter"): still the one
    # strike's toll that TASS says was raised, though no part of it.
    share = dataclasses.replace(morning, event=None, lead="in the Gaza Strip, including ")
    assert kinds([share, later], share, later) == {"update"}
    # Against several strikes' toll the share stays a part, not a step.
    strikes = dataclasses.replace(later, event="Israeli strikes across Gaza")
    assert not kinds([share, strikes], share, strikes)


def test_a_count_without_a_measure_reaches_the_series_it_confirms(tmp_path: Path) -> None:
    """The air force said Russia launched nine cruise missiles at Ukraine overnight; the
    president wrote "there were also 9 cruise missiles": no measure in his sentence, but
    his count of the same night joins the air force's series (the store hands the corpus
    stage every figure that says what it counts). It counts what the series counts, the
    missiles launched, which one military counts and the president passes on: one
    source, no corroboration."""
    from storyline.corpus.disagreements import update_disagreements
    from storyline.schema import Article, Figure

    def article(n: int, outlet: str) -> Article:
        return Article(id=f"a{n}", source=f"s{n}", title=None, outlet=outlet,
                       published="2025-05-26", published_basis=None, language="en",
                       text="x" * 40, url=f"https://{outlet}.example/{n}")  # fmt: skip

    def figure(n: int, **kw: Any) -> Figure:
        fields: dict[str, Any] = {
            "id": f"f{n}", "article_id": f"a{n}", "text": "nine", "low": 9.0, "high": 9.0,
            "qualifier": None, "unit": None, "measure": None, "subject": "cruise missiles",
            "per": None, "claimant": None, "claimant_entity": None, "statement_id": None,
            "as_of": "2025-05-26", "start": 0, "end": 4,
        }  # fmt: skip
        fields.update(kw)
        return Figure(**fields)

    store = Store(tmp_path / "s.db")
    store.save(Findings(article(1, "cbc"), figures=[figure(
        1, measure="launched", claimant="the Ukrainian air force", place="Ukraine",
        scope="incident", period="2025-05-25/2025-05-26")]))  # fmt: skip
    store.save(Findings(article(2, "fox"), figures=[figure(2, claimant="Volodymyr Zelenskyy")]))
    found = update_disagreements(store)
    (series,) = store.records("series")
    assert sorted(series["figure_ids"]) == ["f1", "f2"]
    assert len(series["sources"]) == 1 and found == []
    store.close()


def test_hostages_abducted_are_people_abducted() -> None:
    # Le Monde's "took 251 hostages" and the BBC's "251 taken hostage": one count.
    took = claim(251, measure="abducted", subject="hostages", outlet="Le Monde")
    taken = claim(251, measure="abducted", subject="others", outlet="BBC")
    assert kinds([took, taken], took, taken) == {"corroboration"}


def test_a_label_says_a_thing_and_its_measure_of_one_word_once() -> None:
    # "three counts of arson" charged, in AP (Independent) and TASS: "charges", not
    # "charges charged".
    a = claim(3, measure="charged", subject="counts", outlet="Independent")
    b = claim(3, measure="charged", subject="counts", outlet="TASS")
    (series,) = find_series([a, b])[0]
    assert series.label.startswith("charges") and "charged" not in series.label


def test_a_label_names_what_is_counted_and_when_even_with_no_event() -> None:
    # BBC: "Damage was caused to the property's entrance but nobody was hurt"; NYT:
    # "Nobody was hurt in the fires": "people wounded, 2025-05-20", not "wounded".
    kw = {"measure": "wounded", "subject": None, "place": None, "scope": None, "period": None,
          "event": None, "as_of": "2025-05-20"}  # fmt: skip
    bbc = claim(0, outlet="BBC", **kw)
    nyt = claim(0, outlet="NYT", **kw)
    (series,) = find_series([bbc, nyt])[0]
    assert series.label == "people wounded, 2025-05-20"


def test_one_sentence_copied_by_two_outlets_is_one_source() -> None:
    # Fox and DW print one wire sentence: "... in the largest aerial attack of the war so
    # far, killing at least [12] people and injuring dozens more, officials said".
    lead = "in the largest aerial attack of the war so far, killing at least "
    fox = claim(12, qualifier="at least", claimant="officials", outlet="fox-world", lead=lead)
    dw = claim(12, qualifier="at least", claimant="officials", outlet="dw", lead=f"at {lead}")
    assert len(sources([fox, dw])) == 1
    # Different words before the same toll: two newsrooms.
    bbc = claim(12, qualifier="at least", outlet="bbc", lead="Officials say the attack killed ")
    assert len(sources([fox, bbc])) == 2


def test_a_past_events_count_retold_later_joins_the_events_series() -> None:
    # BBC dates it: "Hamas's cross-border attack on 7 October 2023, in which about 1,200
    # people were killed and 251 others were taken hostage"; Fox retells it with no date
    # ("Hamas-led militants attacked southern Israel, ... abducting 251 others"), Mainichi
    # by its year ("abducted 251 people in the 2023 attack").
    past = {"measure": "abducted", "subject": "others", "scope": "incident", "story": "gaza"}
    bbc = claim(251, **past, place="Gaza", as_of="2023-10-07", period="2023-10-07",
                published="2025-05-21")  # fmt: skip
    fox = claim(251, **{**past, "scope": None}, place=None, as_of="2025-05-21", period=None,
                event=None, published="2025-05-21")  # fmt: skip
    mainichi = claim(251, **past, place=None, as_of="2023", period="2023", event="attack",
                     published="2025-05-26")  # fmt: skip
    found = [bbc, fox, mainichi]
    assert kinds(found, bbc, fox) == {"corroboration"}
    assert kinds(found, bbc, mainichi) == {"corroboration"}
    # A year of its own the event is not in ("abducted 251 in 2024") is another count.
    other_year = dataclasses.replace(mainichi, id="other-year", as_of="2024", period="2024")
    assert not kinds([bbc, other_year], bbc, other_year)
    # A small count is not known by its value (claims written for this test): "three were
    # killed" in a later article is not the three of an attack a month before.
    killed = {"scope": "incident", "story": "kharkiv", "place": "Kharkiv"}
    april = claim(3, **killed, as_of="2025-04-10", period="2025-04-10", published="2025-04-10")
    may = claim(3, **{**killed, "scope": None}, as_of="2025-05-25", period=None,
                published="2025-05-25")  # fmt: skip
    assert not kinds([april, may], april, may)


def test_two_people_one_outlet_quotes_are_two_sources() -> None:
    # TASS: "with some 90,000 troops taking part in it, Patrushev emphasized"; another
    # TASS piece: "the Steadfast Defender 2024 that involved 90,000 NATO troops", military
    # expert Viktor Litovkin. One outlet, two people it names: two sources.
    kw = {"measure": "involved", "subject": "troops", "place": "Europe", "outlet": "tass"}
    patrushev = claim(90_000, **kw, claimant="Nikolay Patrushev", claimant_entity="e1")
    litovkin = claim(90_000, **kw, claimant="Viktor Litovkin", claimant_entity="e2")
    assert kinds([patrushev, litovkin], patrushev, litovkin) == {"corroboration"}
    # Claimants the analysis did not resolve to anyone stay the outlet's.
    found = [dataclasses.replace(c, claimant_entity=None) for c in (patrushev, litovkin)]
    assert not kinds(found, *found)


def test_a_joint_claimant_is_each_of_its_sources() -> None:
    # DW: "Ukraine's President Volodymyr Zelenskyy and Russia's Defense Ministry said 307
    # soldiers were swapped on Saturday"; the Independent: "Russia's Defence Ministry said
    # ... each released 307 combatants and civilians on Saturday". The ministry's count,
    # carried twice.
    kw = {"measure": "swapped", "subject": "soldiers", "place": None, "scope": "incident",
          "period": "2025-05-24", "as_of": "2025-05-24"}  # fmt: skip
    dw = claim(307, **kw, claimant="Volodymyr Zelenskyy and Russia's Defense Ministry",
               claimant_entity="zelenskyy", outlet="dw")  # fmt: skip
    independent = claim(307, **kw, claimant="Russia\u2019s Defence Ministry", outlet="induk")
    assert len(sources([dw, independent])) == 1
    assert not kinds([dw, independent], dw, independent)


def test_figures_with_a_unit_are_compared_when_their_words_say_what_they_measure() -> None:
    # JPost: "the Witkoff framework, which includes the release of 10 hostages and a 60-day
    # ceasefire"; Arutz Sheva: Egyptian media say "the expected ceasefire agreement would
    # last at least sixty days": one truce's length, from two sources.
    kw = {"unit": "day", "measure": None, "place": None, "scope": None, "period": None,
          "event": None, "as_of": "2025-05-26"}  # fmt: skip
    jpost = claim(60, subject="ceasefire", claimant="Israeli officials", outlet="JPost", **kw)
    egypt = claim(60, subject="ceasefire agreement", qualifier="at least",
                  claimant="Egyptian media outlets", outlet="Arutz Sheva", **kw)  # fmt: skip
    assert kinds([jpost, egypt], jpost, egypt) == {"corroboration"}
    series, _ = find_series([jpost, egypt])
    assert series[0].label.startswith("truce length in days")
    # The unit must agree: "a two-month ceasefire" is no 60 days, nor a 60-hour one.
    months = claim(2, subject="ceasefire", unit="month", claimant="Hamas", outlet="BBC",
                   **{k: v for k, v in kw.items() if k != "unit"})  # fmt: skip
    assert not kinds([jpost, months], jpost, months)
    # Words the table does not know stay out: DW's "tariffs of 20% on the European Union"
    # and the "10% baseline" are two rates.
    pct = {**kw, "unit": "percent", "place": "European Union"}
    rate = claim(20, subject="tariffs", claimant="Trump", outlet="DW", **pct)
    baseline = claim(10, subject="baseline", claimant="White House", outlet="Fox", **pct)
    assert not kinds([rate, baseline], rate, baseline)
    # TASS: "Annual inflation in Russia slowed down to 9.9% from May 13 to 19" is a year's
    # inflation; "Inflation in Russia totaled 0.07% from May 13 to 19" a week's.
    from storyline.corpus.quantity import unit_quantity_key

    assert unit_quantity_key("percent", "Annual inflation", "slowed") == "annual inflation"
    assert unit_quantity_key("percent", "Inflation", "totaled") is None
    # DW: "two days after Israel officially lifted an 11-week blockade".
    assert unit_quantity_key("week", "blockade", "lifted") == "blockade length"


def test_a_running_total_whose_start_is_open_is_the_named_total_its_count_fits() -> None:
    # Le Monde: "taking the war's overall toll to 53,655"; TASS: "since October 7, 2023,
    # the number of fatalities ... has risen to 53,655"; TASS five days on: "has approached
    # 53,977"; BBC: "including 3,509 since the Israeli offensive resumed" (18 March).
    def total(value: float, day: str, start: str) -> Claim:
        return claim(value, scope="cumulative", period=f"{start}/{day}", as_of=day,
                     place="Gaza", claimant="Gaza's health ministry")  # fmt: skip

    overall = total(53655, "2025-05-20", "..")
    named = total(53655, "2025-05-21", "2023-10-07")
    later = total(53977, "2025-05-26", "2023-10-07")
    since_march = total(3509, "2025-05-21", "2025-03-18")
    open_march = total(3509, "2025-05-21", "..")
    series, _ = find_series([overall, named, later, since_march, open_march])
    members = {frozenset(s.figure_ids) for s in series}
    assert frozenset({overall.id, named.id, later.id}) in members
    assert frozenset({since_march.id, open_march.id}) in members
    assert "update" in kinds([overall, named, later], overall, later)
    # With no count of about its day to fit, an open total stays apart.
    weeks_later = total(60000, "2025-07-01", "..")
    series, _ = find_series([named, later, weeks_later])
    assert not any(weeks_later.id in s.figure_ids for s in series)


def test_a_running_totals_floor_is_not_confirmed_by_the_next_days_count() -> None:
    # DW, 25 May: "more than 53,900 people have been killed in Gaza"; TASS, 26 May: the
    # toll "has approached 53,977": the total moved, it was not confirmed.
    kw = {"scope": "cumulative", "place": "Gaza"}
    floor = claim(53900, qualifier="more than", period="2023-10-07/2025-05-25",
                  as_of="2025-05-25", **kw)  # fmt: skip
    next_day = claim(53977, period="2023-10-07/2025-05-26", as_of="2025-05-26",
                     claimant="Gaza's Health Ministry", **kw)  # fmt: skip
    assert "corroboration" not in kinds([floor, next_day], floor, next_day)
    # The same count a day on, from another source, is one count confirmed.
    again = claim(53977, period="2023-10-07/2025-05-27", as_of="2025-05-27",
                  claimant="UN humanitarian office", **kw)  # fmt: skip
    assert kinds([next_day, again], next_day, again) == {"corroboration"}


def test_each_unit_quantity_reads_its_example() -> None:
    from storyline.corpus import quantity as q

    for rule in q.UNIT_QUANTITIES:
        unit, subject, measure, key = rule.example
        assert q.unit_quantity_key(unit, subject, measure) == key == rule.key


def test_how_long_a_visit_lasted_is_one_quantity_across_outlets() -> None:
    # DW: "Abbas arrived in Beirut earlier in the day for a three-day visit to Lebanon";
    # JPost: "Abbas landed in Beirut on Wednesday for a three-day visit".
    kw = {"unit": "day", "scope": None, "period": None, "event": None, "as_of": "2025-05-21",
          "place": "Beirut", "subject": "visit"}  # fmt: skip
    dw = claim(3, measure="arrived", **kw)
    jpost = claim(3, measure="landed", claimant="Al-Araby Al-Jadeed", **kw)
    assert kinds([dw, jpost], dw, jpost) == {"corroboration"}


def test_one_count_two_stories_give_on_one_day_is_one_series() -> None:
    # BBC and TASS on 26 May, clustered into two stories: "there would be a 70-day truce"
    # and "includes the release of ten hostages and a 70-day truce".
    kw = {"unit": "day", "subject": "truce", "measure": None, "place": None, "period": None,
          "event": None, "as_of": "2025-05-26"}  # fmt: skip
    bbc = claim(70, story="s1", scope="incident", **kw)
    tass = claim(70, story="s2", scope=None, claimant="a Palestinian official", **kw)
    jpost = claim(70, story="s2", scope=None, claimant="Israeli officials", **kw)
    assert kinds([tass, jpost, bbc], tass, bbc) == {"corroboration"}
    # A small count recurs by chance: four killed in two stories are two events.
    kw = {"place": None, "scope": None, "period": None, "event": None}
    one = claim(4, story="s1", **kw)
    other = claim(4, story="s2", claimant="police", **kw)
    assert kinds([one, other], one, other) == set()


def test_a_platform_named_as_the_claimant_is_no_source() -> None:
    # DW: "Ten other people were wounded in the attack, according to a Telegram statement."
    from storyline.corpus.disagreements import claims_from_rows

    fields = ["f1", "a1", "Ten", 10.0, 10.0, None, None, None, "wounded", "people",
              "Telegram", "e1", "2025-05-25", "Zhytomyr region", "incident", "2025-05-25",
              "attack", "named"]  # fmt: skip
    context = ["2025-05-25", None, "dw", "https://www.dw.com/en/x", None, "s1", "", "", None]
    (read,) = claims_from_rows([[*fields, *context]])
    assert (read.claimant, read.claimant_entity, read.claimant_status) == (None, None, None)
    fields[10] = "Ukraine's emergency service"
    (read,) = claims_from_rows([[*fields, *context]])
    assert read.claimant == "Ukraine's emergency service"
