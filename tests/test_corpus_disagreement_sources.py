"""Who stands behind a corroboration: copies, one claimant named two ways, a superseded
count, and the reason's words for each side (sentences from the news-dumpster articles,
cut short)."""

from __future__ import annotations

from typing import Any

from storyline.corpus.disagreements import find_series
from storyline.corpus.independence import sources
from storyline.corpus.quantity import source_name_key
from test_corpus_disagreements import claim, kinds


def test_one_wire_sentence_printed_by_two_outlets_is_one_source() -> None:
    # DW and Fox both print AP's sentence on the swap; neither credits AP.
    dw = claim(
        1000, outlet="dw", measure="swap", subject="prisoners",
        before="In negotiations held in Istanbul earlier this month, Kyiv and Moscow agreed to "
        "swap ",
        after=" prisoners of war and civilian detainees each. Ukraine's President",
    )  # fmt: skip
    fox = claim(
        1000, outlet="fox-world", measure="swap", subject="prisoners",
        before="the first face-to-face meeting between the warring sides in recent peace talks "
        "\u2014 Kyiv and Moscow agreed to swap ",
        after=" prisoners of war and civilian detainees each. The exchange has been",
    )  # fmt: skip
    assert len(sources([dw, fox])) == 1
    assert not kinds([dw, fox], dw, fox)


def test_a_copy_that_drops_words_is_still_one_source() -> None:
    # The Independent's copy of AP's sentence lost its "in the" and "in"; "killed" and
    # "killing" are one word too (Mainichi's AP and Fox's AP boilerplate on 7 October).
    cbc = claim(
        4, qualifier="at least", outlet="cbc-world", place="Khmelnytskyi region",
        before="Twelve were injured in the attacks, the service said. At least ",
        after=" people were killed in the Khmelnytskyi region, in western Ukraine. One man",
    )  # fmt: skip
    independent = claim(
        4, outlet="induk-ukrain", place="Khmelnytskyi region",
        before="where another 12 people were injured. A further ",
        after=" people were killed Khmelnytskyi region, western Ukraine, with another fatality",
    )  # fmt: skip
    assert len(sources([cbc, independent])) == 1
    mainichi = claim(
        251, measure="abducted", outlet="mainichi",
        before="Hamas-led militants killed some 1,200 people, mostly civilians, and abducted ",
        after=" people in the 2023 attack.",
    )  # fmt: skip
    fox = claim(
        251, measure="abducted", outlet="fox-world",
        before="attacked southern Israel, killing some 1,200 people, mostly civilians, and "
        "abducting ",
        after=" others. The militants are still holding 58 captives",
    )  # fmt: skip
    assert len(sources([mainichi, fox])) == 1


def test_two_newsrooms_own_words_for_one_toll_are_two_sources() -> None:
    # AP (CBC) and Reuters (Fox) both wrote "killing at least 12 people and injuring
    # dozens": the common phrasing of a toll, four words, not one text copied.
    cbc = claim(
        12, qualifier="at least", outlet="cbc-world",
        before="early Sunday in the country for a second consecutive night, killing at least ",
        after=" people and injuring dozens. The scale of the onslaught was stunning.",
    )  # fmt: skip
    fox = claim(
        12, qualifier="at least", outlet="fox-world", claimant="officials",
        before="in the largest aerial attack of the war so far, killing at least ",
        after=" people and injuring dozens more, officials said.",
    )  # fmt: skip
    assert kinds([cbc, fox], cbc, fox) == {"corroboration"}


def test_one_claimant_named_two_ways_is_one_source() -> None:
    assert source_name_key("Israel's military") == source_name_key("Israeli army")
    lemonde = claim(0, claimant="Israeli army", measure="wounded", outlet="lemonde")
    dw = claim(0, claimant="Israel's military", measure="wounded", outlet="dw")
    assert len(sources([lemonde, dw])) == 1


def test_an_article_s_officials_are_the_minister_it_names() -> None:
    # Fox: "killing at least 12 people ..., officials said" and, lower, "Interior Minister
    # Ihor Klymenko said 12 people had been killed": one source, not two.
    officials = claim(12, qualifier="at least", claimant="officials", article="fox", outlet="fox")
    minister = claim(12, claimant="Ihor Klymenko", article="fox", outlet="fox")
    cbc = claim(12, qualifier="at least", outlet="cbc-world")
    found = sources([officials, minister, cbc])
    assert len(found) == 2
    assert [len(s) for s in found] == [2, 1]


def test_an_earlier_toll_corroborates_nothing() -> None:
    fox = claim(
        13, claimant="regional authorities and rescuers", outlet="fox-world",
        before="said 12 people had been killed and 60 more wounded. Earlier death tolls given "
        "separately by regional authorities and rescuers had put the number of dead at ",
    )  # fmt: skip
    bbc = claim(13, qualifier="at least", outlet="bbc-world")
    assert not kinds([fox, bbc], fox, bbc)


def test_the_reason_names_each_side_as_a_reader_knows_it() -> None:
    fox = claim(
        5, measure="wounded", outlet="fox-world", claimant_status="unresolved",
        place="Khmelnytskyi region",
        after=" others wounded, according to the governor. \"Without pressure",
    )  # fmt: skip
    cbc = claim(
        5, measure="wounded", outlet="cbc-world", relay="Associated Press",
        place="Khmelnytskyi region",
    )  # fmt: skip
    independent = claim(
        5, measure="wounded", outlet="induk-ukrain", relay="Associated Press",
        place="Khmelnytskyi region",
    )  # fmt: skip
    _, found = find_series([fox, cbc, independent])
    (agree,) = found
    assert "fox-world (according to the governor)" in agree.reason
    assert "(from Associated Press; also in induk-ukrain)" in agree.reason
    assert agree.reason.startswith("2 independent sources")


def test_a_sidebar_teaser_is_dated_by_its_latest_page() -> None:
    # BBC's teaser of the 25 May toll, on a page of 24 May captured after the attack.
    def teaser(day: str) -> Any:
        return claim(
            13, qualifier="at least", outlet="bbc", family="bbc", published=day, as_of=day,
            period=day, event="Russian aerial attack",
            before="Putin's spokesman Dmitry Peskov said there was \"emotional overload\". "
            "At least ",
            after=" people were killed the the latest Russian aerial attack across Ukraine "
            "Play for Ukraine in Reading",
        )  # fmt: skip

    pages = [teaser("2025-05-24"), teaser("2025-05-25"), teaser("2025-05-26")]
    minister = claim(12, claimant="Ihor Klymenko", outlet="fox-world", period=None,
                     published="2025-05-25")  # fmt: skip
    # The minister's later toll beside it, and an earlier one the text says was replaced.
    earlier = claim(
        13, claimant="regional authorities and rescuers", outlet="fox-world", period=None,
        article=minister.article_id, published="2025-05-25",
        before="Earlier death tolls given separately by regional authorities and rescuers "
        "had put the number of dead at ",
    )  # fmt: skip
    _, found = find_series([*pages, minister, earlier])
    (dispute,) = found
    assert dispute.kind == "contradiction"
    assert "24 May" not in (dispute.reason or "")
    assert earlier.id not in dispute.figure_ids


def test_a_claimant_one_copy_of_a_sentence_names_and_the_other_does_not_is_no_claimant() -> None:
    # DW credits the UN with a clause of the wire's sentence that JPost prints unattributed.
    dw = claim(
        11, unit="week", measure=None, subject="blockade", claimant="United Nations",
        outlet="dw", place="Gaza", event=None,
        before="no humanitarian aid has yet been distributed in the Gaza Strip, two days after "
        "Israel officially lifted an ",
        after=" blockade and began allowing limited deliveries through the Kerem Shalom crossing",
    )  # fmt: skip
    jpost = claim(
        11, unit="week", measure=None, subject="blockade", outlet="jpost-world", place="Gaza",
        event=None, relay="Reuters",
        before="into Gaza after Israel lifted an ",
        after=" blockade and began allowing limited deliveries into the enclave via the crossing",
    )  # fmt: skip
    bbc = claim(11, unit="week", measure=None, subject="blockade", outlet="bbc-pol",
                place="Gaza", event=None)  # fmt: skip
    _, found = find_series([dw, jpost, bbc])
    (agree,) = found
    assert "United Nations" not in (agree.reason or "")
    assert "jpost-world (from Reuters; also in dw)" in (agree.reason or "")


def test_a_claimant_quoting_another_source_is_said_to_cite_it() -> None:
    # JPost: the Spanish hosts said "... including more than 15,000 children, according to
    # the United Nations"; BBC: "... at least 16,500 children, ... according to the
    # territory's health ministry" (its own claimant: nothing more to say).
    hosts = claim(
        15000, qualifier="more than", subject="children", place="Gaza", scope="cumulative",
        period=None, event=None, claimant="Julia Varela and Tony Aguilar", outlet="jpost",
        as_of="2025-05-20", after=' children, according to the United Nations."',
    )  # fmt: skip
    ministry = claim(
        16500, qualifier="at least", subject="children", place="Gaza", scope="cumulative",
        period="../2025-05-25", event=None, claimant="health ministry", outlet="bbc-me",
        claimant_entity="e-ministry",
        as_of="2025-05-25",
        after=" children, have been killed in Gaza since then, according to the territory's "
        "health ministry.",
    )  # fmt: skip
    _, found = find_series([hosts, ministry])
    (moved,) = found
    assert "Julia Varela and Tony Aguilar (citing the United Nations, in jpost)" in (
        moved.reason or ""
    )
    assert "health ministry (in bbc-me)" in (moved.reason or "")
