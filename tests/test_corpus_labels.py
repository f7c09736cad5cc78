"""A relation's topic says only what its figures' sentences support (sentences from the
news-dumpster articles, cut short)."""

from __future__ import annotations

from typing import Any

from storyline.corpus.disagreements import find_series
from storyline.corpus.labels import period_of
from storyline.schema import Disagreement
from test_corpus_disagreements import claim


def only(claims: list[Any]) -> Disagreement:
    _, found = find_series(claims)
    (one,) = found
    return one


def tass_total(value: float, day: str, after: str, subject: str) -> Any:
    return claim(
        value, measure="destroyed", subject=subject, claimant="Russia's Defense Ministry",
        outlet="tass", scope="cumulative", period=f"../{day}", as_of=day, published=day,
        place=None, event="overall", after=after,
    )  # fmt: skip


def test_what_is_counted_is_said_in_the_figures_own_words() -> None:
    sam = "surface-to-air missile systems"
    systems = [
        tass_total(605, "2025-05-21", f" {sam}, 23,441 tanks", sam),
        tass_total(607, "2025-05-26", f" {sam}, 23,594 tanks", sam),
    ]
    assert only(systems).topic.startswith(f"Ukrainian {sam} destroyed")
    tanks = [
        tass_total(23441, "2025-05-21", " tanks and other armored combat vehicles, 1,563", "tanks"),
        tass_total(23594, "2025-05-26", " tanks and other armored combat vehicles, 1,564", "tanks"),
    ]  # fmt: skip
    topic = only(tanks).topic
    assert topic.startswith("Ukrainian tanks and other armored combat vehicles destroyed")


def swap(value: float, **kw: Any) -> Any:
    return claim(value, measure="released", subject="prisoners", event="prisoner exchange", **kw)


def test_a_venue_of_talks_is_not_where_the_counted_thing_happened() -> None:
    zelenskyy = swap(
        303, claimant="Volodymyr Zelenskyy", outlet="dw", place="Istanbul",
        after=" Ukrainian POWs had been freed by Russia as the final stage of a prisoner "
        "exchange deal agreed in Istanbul, the biggest",
    )  # fmt: skip
    ria = swap(303, claimant="Russia's RIA news agency", outlet="dw-eu", family="ria", place=None)
    assert only([zelenskyy, ria]).topic.startswith("prisoners released (prisoner exchange)")


def test_a_place_set_beside_another_land_or_retold_is_left_out() -> None:
    # Fox: "The war in Gaza began when Hamas-led militants attacked southern Israel,
    # killing some 1,200 people": the analysis placed the 1,200 in Gaza.
    fox = claim(
        1200, qualifier="some", outlet="fox-world", place="Gaza", event=None, period=None,
        as_of="2025-05-21", published="2025-05-21",
        before="The war in Gaza began when Hamas-led militants attacked southern Israel, "
        "killing some ",
    )  # fmt: skip
    bbc = claim(1200, outlet="bbc-world", place=None, event=None, period=None, as_of="2025-05-20",
                published="2025-05-20")  # fmt: skip
    topic = only([fox, bbc]).topic
    assert "Gaza" not in topic
    assert topic == "people killed, reported 2025-05-20 to 2025-05-21"
    # A past event retold: the place of today's war, not of 7 October.
    bbc_me = claim(251, measure="abducted", place="Gaza", period="2023-10-07", as_of="2023-10-07",
                   published="2025-05-25", event=None, outlet="bbc-me")  # fmt: skip
    lemonde = claim(251, measure="abducted", place="Gaza", period="2023-10-07",
                    as_of="2023-10-07", published="2025-05-21", event=None,
                    outlet="lemonde")  # fmt: skip
    assert "Gaza" not in only([bbc_me, lemonde]).topic


def test_an_event_says_only_what_the_figures_sentences_support() -> None:
    # A dateline's dashes: "(AP) -- Israeli strikes killed at least 46 people".
    ap = claim(46, qualifier="at least", place="Gaza", event="-- Israeli strikes", outlet="ap")
    bbc = claim(46, qualifier="at least", place="Gaza", event="Israeli strikes", outlet="bbc")
    assert only([ap, bbc]).topic.startswith("people killed in Gaza (Israeli strikes)")
    # One source's event after the figure is another clause's: "Only five trucks made it
    # into Gaza on Monday, as Israeli troops advanced and air and artillery strikes killed".
    bbc_trucks = claim(
        5, measure="entered", subject="trucks", place="Gaza", event="artillery strikes",
        outlet="bbc-world", period=None, scope=None,
        after=" trucks made it into Gaza on Monday, as Israeli troops advanced and air and "
        "artillery strikes killed more",
    )  # fmt: skip
    fletcher = claim(5, measure="entered", subject="trucks", place=None, event=None,
                     claimant="Tom Fletcher", outlet="tasnim", period=None, scope=None)  # fmt: skip
    assert "artillery" not in only([bbc_trucks, fletcher]).topic
    # Before the figure, it is the figure's own: "The death toll in a strike ... has
    # increased to 36".
    tass = claim(
        36, place="Gaza", event="strike", outlet="tass", claimant="Al Mayadeen TV channel",
        before="The death toll in a strike by the Israeli Air Force on the building of the "
        "Fahmi Al-Jarjawi school in Gaza has increased to ",
    )  # fmt: skip
    bbc_school = claim(35, qualifier="at least", place="Gaza", event=None, outlet="bbc-top")
    assert "(strike)" in only([tass, bbc_school]).topic
    # Words that only point back name no event.
    total = [
        claim(53655, place="Gaza", scope="cumulative", period="../2025-05-21", event="since then",
              claimant="health ministry", outlet="bbc", as_of="2025-05-21"),
        claim(53939, place="Gaza", scope="cumulative", period="../2025-05-25", event="since then",
              claimant="health ministry", outlet="bbc", as_of="2025-05-25"),
    ]  # fmt: skip
    assert "since then" not in only(total).topic


def test_nobody_hurt_of_nothing_named_is_no_corroboration() -> None:
    # BBC: "Damage was caused to the property's entrance but nobody was hurt"; NYT:
    # "Nobody was hurt in the fires": no place, no event the analysis could name.
    bbc = claim(0, measure="wounded", place=None, event=None, period=None, scope=None,
                outlet="bbc-pol", text="nobody")  # fmt: skip
    nyt = claim(0, measure="wounded", place=None, event=None, period=None, scope=None,
                outlet="nyt-world", text="Nobody")  # fmt: skip
    assert find_series([bbc, nyt])[1] == []


def test_an_index_is_what_is_measured_never_a_claimant() -> None:
    def level(value: float, at: str, claimant: str | None) -> Any:
        return claim(
            value, unit="point", measure=None, subject="the RTS Index", claimant=claimant,
            outlet="tass", family="tass", place=None, event=None, scope=None, period=None,
            as_of="2025-05-21", published="2025-05-21", published_at=at,
        )  # fmt: skip

    moved = only([level(1113.1, "2025-05-21T15:13:00Z", None),
                  level(1107.54, "2025-05-21T17:00:00Z", "RTS Index")])  # fmt: skip
    assert moved.kind == "update"
    assert "RTS Index (in tass)" not in (moved.reason or "")


def test_a_coarse_date_another_claim_makes_precise_is_not_a_span() -> None:
    # Mainichi's AP: "abducted 251 people in the 2023 attack"; BBC: "on 7 October 2023".
    ap = claim(251, measure="abducted", period="2023", as_of="2023", place=None, event=None,
               outlet="mainichi", published="2025-05-26")  # fmt: skip
    bbc = claim(251, measure="abducted", period="2023-10-07", as_of="2023-10-07", place=None,
                event=None, outlet="bbc-me", published="2025-05-25")  # fmt: skip
    assert period_of([ap, bbc]) == "2023-10-07"
