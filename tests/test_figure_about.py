"""What figures are about: scope, period, place and event, on sentences written for the tests.

Every scope and place rule is data with an example (the figure in [brackets]);
each example must be read by its own rule, and the whole figures component must
give the example's figure that scope or place.
"""

from __future__ import annotations

import pytest

from conftest import text_article
from storyline.analyze.figures import extract_figures
from storyline.analyze.figures.place import PLACE_RULES, PlaceRule
from storyline.analyze.figures.scope import SCOPE_RULES, ScopeRule, read_scope
from storyline.analyze.timexes import find_timexes
from storyline.schema import Figure, Findings


def _marked(example: str) -> tuple[str, int]:
    assert example.count("[") == 1 and example.count("]") == 1, example
    return example.replace("[", "").replace("]", ""), example.index("[")


def _figures(nlp, text: str, published: str = "2025-05-25") -> list[Figure]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    article = text_article(text, published)
    findings = Findings(article)
    from storyline.analyze.registry import Context

    find_timexes(Context(article, doc, findings))
    return extract_figures("t", text, doc, timexes=findings.timexes, published=published)


def _at(figures: list[Figure], mark: int) -> Figure:
    (figure,) = [f for f in figures if f.start <= mark < f.end]
    return figure


def test_rules_have_unique_names() -> None:
    for rules in (SCOPE_RULES, PLACE_RULES):
        names = [r.name for r in rules]
        assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", SCOPE_RULES, ids=lambda r: r.name)
def test_each_scope_example_is_read_by_its_rule(nlp, rule: ScopeRule) -> None:  # type: ignore[no-untyped-def]
    text, mark = _marked(rule.example)
    figure = _at(_figures(nlp, text), mark)
    reading = read_scope(text, (0, len(text)), (figure.start, figure.end))
    assert reading is not None
    cue = reading.incident if rule.scope == "incident" else reading.time
    assert cue is not None and cue.rule is rule, (rule.name, reading)
    assert figure.scope == reading.scope


@pytest.mark.parametrize("rule", PLACE_RULES, ids=lambda r: r.name)
def test_each_place_example_gives_its_place(nlp, rule: PlaceRule) -> None:  # type: ignore[no-untyped-def]
    text, mark = _marked(rule.example)
    assert _at(_figures(nlp, text), mark).place == rule.expected


def test_a_night_a_day_and_a_running_total(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Saturday night, a Russian drone attack killed 12 people across Ukraine. "
        "Israeli strikes killed 19 people overnight and 82 in the past 24 hours, the ministry "
        "said on Sunday. Since March 18, at least 3,509 people have been killed, it added."
    )
    figures = {f.text: f for f in _figures(nlp, text)}
    assert figures["12"].period == "2025-05-24/2025-05-25"  # the night from Saturday
    assert (figures["12"].scope, figures["12"].place) == ("incident", "Ukraine")
    assert figures["12"].event == "Russian drone attack"
    assert figures["19"].period == "2025-05-24/2025-05-25"
    assert (figures["82"].scope, figures["82"].event) == ("period", "in the past 24 hours")
    assert figures["3,509"].scope == "cumulative"
    assert figures["3,509"].period == "2025-03-18/2025-05-25"
    assert figures["3,509"].event == "Since March 18"


def test_a_record_is_not_a_running_total(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In the largest attack since the full-scale invasion began, Russia fired 355 drones."
    figure = _at(_figures(nlp, text), text.index("355"))
    assert figure.scope == "incident"  # "since" names the record, not what is counted


def test_a_distance_does_not_take_the_place_from_the_count(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In the western region of Khmelnytskyi, many hundreds of kilometers away from the "
        "frontlines of fighting, four people were killed, and five others wounded."
    )
    figures = _figures(nlp, text)
    assert _at(figures, text.index("four")).place == "Khmelnytskyi region"
    assert _at(figures, text.index("hundreds")).place is None


def test_a_total_of_is_a_sum_not_a_running_total(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia used a total of 69 missiles of various types and 298 drones - the largest "
        "single aerial attack of the war."
    )
    figure = _at(_figures(nlp, text), text.index("69"))
    assert figure.scope != "cumulative"


def test_a_relative_clause_about_another_noun_dates_that_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A delegation of 35 diplomats approached the camp, which has been under siege since May 1."
    )
    assert [f.scope for f in _figures(nlp, text)] == [None]
    # The counted noun's own clause still dates the count.
    text = "The army has lost 45,100 soldiers, who have died since the start of the war."
    assert [f.scope for f in _figures(nlp, text)] == ["cumulative"]


def test_the_capital_is_the_capital_city_the_paragraph_named_last(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia launched its largest attack on Ukraine. In Kyiv, the head of the city's "
        "military administration said 11 people were injured. No deaths were reported in "
        "the capital, although four were killed in the region around the city."
    )
    places = {f.text: f.place for f in _figures(nlp, text)}
    assert (places["No"], places["four"]) == ("Kyiv", "Kyiv region")


def test_the_camp_is_the_camp_named_before_or_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [f.place for f in _figures(nlp, "Five people were killed in the camp.")] == [None]


def test_coordinated_figures_share_their_place_and_the_capital_is_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Ukrainian capital, Kyiv, was hit. At least four people were killed and 16 were "
        "injured in the capital itself. Russia's defence ministry said it downed 110 drones "
        "across the country, including 13 over the Moscow and Tver regions."
    )
    figures = {f.text: f for f in _figures(nlp, text)}
    assert figures["four"].place == figures["16"].place == "Kyiv"
    assert figures["110"].place == "Russia"
    assert figures["13"].place == "Moscow and Tver regions"


def test_a_list_shares_its_time_cue_and_the_capital_is_of_the_country_its_sentence_names(
    nlp,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia said the talks would go on. Overall, the army has destroyed 660 warplanes, "
        "600 missile systems, 23,000 tanks and other armored vehicles, 1,500 rocket launchers "
        "and 35,000 motor vehicles since the start of the special military operation. "
        "At least four people were killed in the capital itself, according to Ukraine's "
        "security service."
    )
    figures = {f.text: f for f in _figures(nlp, text)}
    assert {figures[t].scope for t in ("660", "600", "23,000", "1,500", "35,000")} == {"cumulative"}
    assert figures["four"].place == "Kyiv"  # not Moscow, the first country the article names


def test_a_place_after_including_is_a_part_not_the_figures_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia launched 367 drones and missiles at Ukrainian cities overnight, including at "
        "the capital Kyiv, killing at least 12 people. A further four people were killed in "
        "several villages, including in the Khmelnytskyi region."
    )
    figures = {f.text: f for f in _figures(nlp, text)}
    assert figures["12"].place == "Ukraine"
    assert figures["four"].place == "Khmelnytskyi region"  # the only place it has


def test_a_possessor_is_not_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    # "in Sunday's onslaught": a day owning the attack, not where the drones flew.
    text = "Russia fired 367 drones and missiles in Sunday’s onslaught, officials in Kyiv said."
    (figure,) = [f for f in _figures(nlp, text) if f.text == "367"]
    assert figure.place != "Sunday’s"
    assert "Sunday" not in (figure.place or "")


def test_a_buildings_name_is_not_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    # TASS: the school's name is no place; the city the school stands in is.
    text = (
        "Arab media outlets reported that 30 people had been killed in an Israeli strike "
        "on the Fahmi al-Jarjawi School in Gaza City."
    )
    (figure,) = _figures(nlp, text)
    assert figure.place == "Gaza City"


def test_his_country_is_the_country_he_leads(nlp) -> None:  # type: ignore[no-untyped-def]
    # After DW's report of the night of 24-25 May: the cities struck were Ukraine's, not the
    # Russia of "sanctions on Russia" earlier in the sentence.
    text = (
        "Ukrainian President Volodymyr Zelenskyy called for more sanctions on Russia after a "
        "night in which he said Russian drones struck more than 30 cities across his country."
    )
    (f,) = _figures(nlp, text)
    assert f.place == "Ukraine"
    text = "He called for sanctions on Russia after drones struck 30 towns in his country."
    (g,) = _figures(nlp, text)
    assert g.place is None  # whose country is not said: no place rather than Russia


def test_a_period_after_a_list_covers_every_item_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # After TASS's daily reports of the Russian Defence Ministry: "over the past 24 hours"
    # ends a list whose items are not all figures ("a tank"), or names an abbreviation
    # ("(UAVs)"), or a second verb of one subject ("and destroyed"): it dates them all.
    for text in (
        "The army lost an estimated [235] personnel, a tank, two armored vehicles and three "
        "guns in that area over the past 24 hours, it specified.",
        "Air defense forces shot down [236] unmanned aerial vehicles (UAVs) and six smart "
        "bombs over the past day, the ministry reported.",
        "The battlegroup inflicted roughly [170] casualties on the troops and destroyed four "
        "armored vehicles in its area over the past day, the ministry reported.",
    ):
        text, mark = _marked(text)
        figure = _at(_figures(nlp, text), mark)
        assert (figure.scope, figure.period) == ("period", "2025-05-24/2025-05-25"), text


def test_a_casualty_count_carries_on_from_the_other_count_of_its_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    # DW, 25 May: Zhytomyr's wounded are given two sentences after its dead.
    text = (
        "A Russian airstrike has killed three in the region of Zhytomyr, emergency services "
        "said on Sunday. Those killed were children, they said. Ten other people were "
        "wounded in the attack, according to a Telegram statement.\n"
        "At least four people were killed in Kyiv. In all, 12 people died, officials said. "
        "Russia launched 69 missiles at Ukraine. No deaths were reported."
    )
    figures = {f.text: f for f in _figures(nlp, text)}
    assert figures["three"].place == "Zhytomyr region"
    assert figures["Ten"].place == "Zhytomyr region"
    assert figures["12"].place is None  # the same measure: no part of Kyiv's count
    assert figures["No"].place is None  # after a count of missiles, not of casualties
