"""Figures on the real seed articles, case by case, and the linking rules on built records."""

from __future__ import annotations

import pytest

from conftest import text_article
from storyline.analyze.figures import extract_figures
from storyline.schema import Article, Figure, Statement, Timex, stable_id


@pytest.fixture(scope="module")
def seed_figures(seed_articles, nlp):  # type: ignore[no-untyped-def]
    """Seed -> figures from the figures code alone (no statements or timexes)."""
    return {
        key: extract_figures(a.id, a.text, nlp(a.text), published=a.published)
        for key, a in seed_articles.items()
    }


def _one(figures: list[Figure], text: str, context: str, article: Article) -> Figure:
    """The figure with surface ``text`` inside the first occurrence of ``context``."""
    at = article.text.index(context)
    found = [f for f in figures if f.text == text and at <= f.start and f.end <= at + len(context)]
    assert len(found) == 1, (text, context, [(f.text, f.start) for f in figures])
    return found[0]


def test_shared_thousands_in_a_range(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_figures["000"], "300-350,000", "300-350,000 killed", seed_articles["000"])
    assert (f.low, f.high) == (300_000, 350_000)
    assert f.measure == "killed"
    assert f.unit is None


def test_maybe_more_takes_the_measure_of_its_pair(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    art = seed_articles["000"]
    dead = _one(seed_figures["000"], "700,000", "700,000 dead Ukrainian soldiers", art)
    assert (dead.low, dead.measure, dead.subject) == (700_000, "killed", "Ukrainian soldiers")
    more = _one(seed_figures["000"], "800,000", "800,000, maybe more", art)
    assert (more.low, more.high, more.qualifier) == (800_000, 800_000, "maybe more")
    assert more.measure == "killed"


def test_translation_artefact_is_still_killed(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_figures["000"], "45,100", "about 45,100 military", seed_articles["000"])
    assert (f.low, f.qualifier, f.measure, f.subject) == (
        45_100,
        "about",
        "killed",
        "military personnel",
    )


def test_injuries_are_their_own_measure(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_figures["000"], "390,000", "390,000 cases of injuries", seed_articles["000"])
    assert (f.low, f.qualifier, f.measure) == (390_000, "about", "injuries")
    assert f.subject is None  # "cases" holds the count; it is not what is counted


def test_rate_per_week(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_figures["002"], "5,000", "more than 5,000 Russian", seed_articles["002"])
    assert (f.low, f.qualifier, f.per, f.measure) == (5_000, "more than", "week", "killed")
    assert f.subject == "Russian and Ukrainian soldiers"


def test_two_figures_with_their_own_measures(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    art = seed_articles["001"]
    killed = _one(seed_figures["001"], "43,000", "43,000 soldiers have been killed", art)
    wounded = _one(seed_figures["001"], "370,000", "around 370,000 wounded", art)
    assert (killed.low, killed.measure, killed.subject, killed.qualifier) == (
        43_000,
        "killed",
        "soldiers",
        None,
    )
    assert (wounded.low, wounded.measure, wounded.qualifier) == (370_000, "wounded", "about")
    assert wounded.subject == "soldiers"  # shared with the coordinated figure


def test_same_claim_worded_twice(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    casualties = _one(
        seed_figures["001"], "400,000", "400,000 military casualties", seed_articles["001"]
    )
    assert (casualties.low, casualties.qualifier, casualties.measure) == (
        400_000,
        "about",
        "casualties",
    )
    lost = _one(seed_figures["004"], "400,000", "lost 400,000 soldiers", seed_articles["004"])
    assert (lost.low, lost.measure, lost.subject) == (400_000, "lost", "soldiers")


def test_word_numbers(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    art4, art2 = seed_articles["004"], seed_articles["002"]
    thirds = [f for f in seed_figures["004"] if f.text.lower() == "a third"]
    assert len(thirds) == 3
    assert all(f.low == pytest.approx(1 / 3) and f.unit == "fraction" for f in thirds)
    assert thirds[0].qualifier == "about"
    half = _one(seed_figures["004"], "half", "about half had", art4)
    assert (half.low, half.unit, half.qualifier) == (0.5, "fraction", "about")
    hours = _one(seed_figures["002"], "two hours", "longer than two hours", art2)
    assert (hours.low, hours.unit, hours.qualifier) == (2, "hour", "more than")
    truce = _one(seed_figures["002"], "30-day", "30-day unconditional", art2)
    assert (truce.low, truce.unit) == (30, "day")


def test_an_age_is_not_a_figure(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    """A person's age is a fact about them, not a claim about the world (issue 15)."""
    art = seed_articles["002"]
    at = art.text.index("a 75-year-old woman")
    assert not [f for f in seed_figures["002"] if at <= f.start < at + 20]


def test_duration_kept_dates_and_clock_times_excluded(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    art2, art3, art4 = seed_articles["002"], seed_articles["003"], seed_articles["004"]
    day = _one(seed_figures["002"], "24 hours", "end the war in 24 hours", art2)
    assert (day.low, day.unit) == (24, "hour")
    for key, art, date in (
        ("002", art2, "10 a.m."),
        ("004", art4, "in 2022"),
        ("003", art3, "28 February"),
    ):
        at = art.text.index(date)
        assert not [f for f in seed_figures[key] if f.start < at + len(date) and at < f.end], date


def test_western_estimates_claim(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_figures["004"], "70,000", "closer to 70,000 military", seed_articles["004"])
    assert (f.low, f.qualifier, f.measure, f.claimant) == (
        70_000,
        "about",
        "killed",
        "western estimates",
    )


def test_possessor_of_an_estimate_claims_it(seed_figures, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_figures["001"], "400,000", "estimate of 400,000", seed_articles["001"])
    assert (f.measure, f.subject, f.claimant) == ("lost", "Ukrainian soldiers", "Donald Trump")
    assert f.claimant_status == "named"  # "Mr. Trump" as the fullest name the article gives


def test_according_to_trump(seed_findings, seed_articles):  # type: ignore[no-untyped-def]
    f = _one(seed_findings["000"].figures, "700,000", "700,000 dead", seed_articles["000"])
    assert f.claimant is not None and "Trump" in f.claimant


def test_as_of_february_resolved_against_the_article_date(seed_findings, seed_articles):  # type: ignore[no-untyped-def]
    art = seed_articles["004"]
    f = _one(seed_findings["004"].figures, "31,000", "killed at 31,000", art)
    assert (f.low, f.measure, f.as_of) == (31_000, "killed", "2024-02")
    # "At the time, western estimates ..." describes the same February.
    later = _one(seed_findings["004"].figures, "70,000", "closer to 70,000", art)
    assert later.as_of == "2024-02"


def test_figures_link_to_the_statement_that_carries_them(seed_findings, seed_articles):  # type: ignore[no-untyped-def]
    findings = seed_findings["002"]
    f = _one(findings.figures, "5,000", "more than 5,000", seed_articles["002"])
    assert f.statement_id is not None and f.claimant is not None and "Trump" in f.claimant
    statement = next(s for s in findings.statements if s.id == f.statement_id)
    assert statement.start <= f.start and f.end <= statement.end
    z = _one(seed_findings["001"].figures, "43,000", "43,000 soldiers", seed_articles["001"])
    assert z.claimant is not None and "Zelensky" in z.claimant and z.statement_id is not None


def _article(text: str, published: str | None = "2025-03-05") -> Article:
    return Article(
        id="a1",
        source="test",
        title=None,
        outlet=None,
        published=published,
        published_basis="metadata" if published else None,
        language="en",
        text=text,
    )


def test_statement_and_timex_linking_on_built_records(nlp):  # type: ignore[no-untyped-def]
    text = "On Monday, officials said that 1,200 people were evacuated. Nobody else spoke."
    art = _article(text)
    content = text.index("1,200 people were evacuated")
    statement = Statement(
        id="st1",
        article_id="a1",
        speaker="officials",
        speaker_entity=None,
        cue="said",
        text="1,200 people were evacuated",
        direct=False,
        medium=None,
        date="2025-03-03",
        start=content,
        end=content + len("1,200 people were evacuated"),
    )
    monday = Timex("t1", "a1", "Monday", 3, 9, "date", "2025-03-03")
    (f,) = extract_figures("a1", text, nlp(text), [statement], [monday], art.published)
    assert (f.low, f.measure, f.subject) == (1200, "evacuated", "people")
    assert (f.claimant, f.statement_id, f.as_of) == ("officials", "st1", "2025-03-03")
    assert f.id == stable_id("fg", "a1", f.start, f.end)
    assert text[f.start : f.end] == f.text == "1,200"
    # Without a dated expression the statement's date stands; without either, publication.
    (g,) = extract_figures("a1", text, nlp(text), [statement], [], art.published)
    assert g.as_of == "2025-03-03"
    (h,) = extract_figures("a1", text, nlp(text), [], [], art.published)
    assert (h.as_of, h.claimant, h.statement_id) == ("2025-03-05", "officials", None)


def test_date_timexes_block_figures_and_durations_do_not(nlp):  # type: ignore[no-untyped-def]
    text = "The talks on 12 March lasted 36 hours and drew 300 delegates."
    date = Timex("t1", "a1", "12 March", 13, 21, "date", "2025-03-12")
    hours = Timex("t2", "a1", "36 hours", 29, 37, "duration", "PT36H")
    figs = extract_figures("a1", text, nlp(text), [], [date, hours], None)
    assert [(f.text, f.low, f.unit) for f in figs] == [("36 hours", 36, "hour"), ("300", 300, None)]
    assert figs[1].subject == "delegates" and figs[1].as_of == "2025-03-12"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ford estimated that a disorderly exit would cost it $800 million.", [(8e8, 8e8, "USD")]),
        ("Between 2 and 3 million people fled.", [(2e6, 3e6, None)]),
        ("The index was up about 19 per cent.", [(19, 19, "percent")]),
        ("Half a million people marched.", [(5e5, 5e5, None)]),
        ("Britain can borrow at a rate of 1.38pc.", [(1.38, 1.38, "percent")]),
        ("Thousands of people were displaced.", [(1e3, 1e4, None)]),
        ("Bristol City beat Charlton 2-1 at Ashton Gate.", []),
        ("The iPhone 11 Pro sold well in 2019.", []),
        ("Shares rose 6.5% to 164p.", [(6.5, 6.5, "percent"), (164, 164, "penny")]),
        ("Prices ranged from $5 to $10.", [(5, 10, "USD")]),
        ("The toll rose from 40 to 52.", [(40, 40, None), (52, 52, None)]),
        ("It is a 1/4 mile oval.", [(0.25, 0.25, "mile")]),
        # a change keeps both values, each with the unit written once at the end
        (
            "Valve lift was increased from 13.5 to 14.0 mm.",
            [(13.5, 13.5, "millimetre"), (14, 14, "millimetre")],
        ),
        ("US firms cut oil rigs by eight to 465 last week.", [(8, 8, None), (465, 465, None)]),
        (
            "Losses are put at EGP 50 billion, or NIS 900 each.",
            [(5e10, 5e10, "EGP"), (900, 900, "ILS")],
        ),
        ("In a 30-to-45-minute session, volunteers learn.", [(30, 45, "minute")]),
        ("It takes two-and-a-half years.", [(2.5, 2.5, "year")]),
        ("It was passed by a two-thirds majority.", [(2 / 3, 2 / 3, "fraction")]),
        ("A third man was arrested. Call 0800 now.", []),
        ("Call 1-866-306-4636 after a 19-1-2 record.", []),
        (
            "It gives 300 PS and 450 Nm.",
            [(300, 300, "metric horsepower"), (450, 450, "newton metre")],
        ),
        ("A 5nm chip in the Fortune 500.", [(5, 5, "nanometre")]),
        ("In second-half stoppage time the net-zero goal held.", []),
        ("Safety Shilo Sanders, #21, served after 9/11.", []),
        ("The Lakers won 112-104 at home.", []),
        ("They lost 300-400 jobs.", [(300, 400, None)]),
        ("It reached 40C (104F).", [(40, 40, "celsius"), (104, 104, "fahrenheit")]),
        ("The PS5 sold 40 million units.", [(4e7, 4e7, None)]),
        ("A PS6m golden hello.", [(6e6, 6e6, "GBP")]),
        ("The top three seeds won; they finished in the top three.", [(3, 3, None)]),
        ("Damascus 2016 Eight Civilians Killed in Attack.", [(8, 8, None)]),
        # a lower end that is complete on its own keeps its value
        ("Flats cost from $650,000 to $2.1 million.", [(6.5e5, 2.1e6, "USD")]),
        ("Fines range from $300 to $2 million.", [(300, 2e6, "USD")]),
        ("They want from $20 to $30 billion.", [(2e10, 3e10, "USD")]),
        ("Sales rose in 2021 to 4.2 million cars.", [(4.2e6, 4.2e6, None)]),
        ("Some six to seven thousand fans came.", [(6000, 7000, None)]),
        ("There were 3 hundred thousand voters.", [(3e5, 3e5, None)]),
        (
            "Nights fall to minus-40 degrees and minus 12 Celsius.",
            [(-40, -40, "degree"), (-12, -12, "celsius")],
        ),
        ("The deficit widened to $-12.5bn.", [(-1.25e10, -1.25e10, "USD")]),
        ("Demand for sub-200 sq m shops grew.", [(200, 200, "square metre")]),
        ("The game ended tied at 77-77.", []),
        ("Seas may rise a metre by 2150.", []),
        # a glued "m" is millions before what is counted, metres otherwise
        ("Its mills made 4.6m tonnes of steel.", [(4.6e6, 4.6e6, "tonne")]),
        ("The label sold 1.8m digital and vinyl albums.", [(1.8e6, 1.8e6, None)]),
        ("The app has 3.4M monthly users.", [(3.4e6, 3.4e6, None)]),
        ("He led for the last 400m of the race.", [(400, 400, "metre")]),
        # currency codes glued on, "$A", Reuters' "Y=" for the yen sign
        (
            "A villa sold for AUD2.4m and a flat for USD900,000.",
            [(2.4e6, 2.4e6, "AUD"), (9e5, 9e5, "USD")],
        ),
        ("Shares closed at Y=3,250, or $A31.", [(3250, 3250, "JPY"), (31, 31, "AUD")]),
        ("Police seized RM2.5mil in cash.", [(2.5e6, 2.5e6, "MYR")]),
        (
            "Pipes rated at 8 ksi (55 MPa) light a 3 W lamp.",
            [(8, 8, "kilopound per square inch"), (55, 55, "megapascal"), (3, 3, "watt")],
        ),
        ("A 12 μm film on a 400 megawatt plant.", [(12, 12, "micrometre"), (400, 400, "megawatt")]),
        ("Her GPA was 3.8 at 25.5″.", [(3.8, 3.8, None), (25.5, 25.5, "inch")]),
        # shares said as a ratio
        (
            "One out of four tenants moved; 1 in 10 adults smoke.",
            [(0.25, 0.25, "fraction"), (0.1, 0.1, "fraction")],
        ),
        ("One fourth of the city flooded in 2019.", [(0.25, 0.25, "fraction")]),
        # a unit said once serves both numbers
        ("It comes with a 6- or 7-inch screen.", [(6, 6, "inch"), (7, 7, "inch")]),
        (
            "She went from 70 kilograms to 64 in a year.",
            [(70, 70, "kilogram"), (64, 64, "kilogram")],
        ),
        ("They raised 40 million of the 90 million euros.", [(4e7, 4e7, "EUR"), (9e7, 9e7, "EUR")]),
        ("Exports may see a six per cent to 15 per cent rise.", [(6, 15, "percent")]),
        (
            "A 1,200sq m site and 3⁄8 inch bolts.",
            [(1200, 1200, "square metre"), (0.375, 0.375, "inch")],
        ),
        (
            "Light covers 2.998×10−8 km; there are 6.02 x 10^23 atoms.",
            [(2.998e-8, 2.998e-8, "kilometre"), (6.02e23, 6.02e23, None)],
        ),
        ("Tokyo +0.4% FTSE 100 +0.6%.", [(0.4, 0.4, "percent"), (0.6, 0.6, "percent")]),
        ("Sales should grow this half and next.", []),
        ("About 300 Ford and Toyota cars were towed.", [(300, 300, None)]),
        ("Tesco fell 2.5 p to 231.4 p, at 3 p.m.", [(2.5, 2.5, "penny"), (231.4, 231.4, "penny")]),
        (
            "It closed at 7,120, 2 per cent up, or 3, 4 per cent.",
            [(7120, 7120, None), (2, 2, "percent"), (3, 3, "percent"), (4, 4, "percent")],
        ),
        (
            "Two hundred and fifty came, then three and four more.",
            [(250, 250, None), (3, 3, None), (4, 4, None)],
        ),
        ("She will be 40 by June.", []),  # an age
        ("The poet died around 278 BCE, after a year-and-a-half in exile.", []),
    ],
)
def test_number_grammar(nlp, sentence, expected):  # type: ignore[no-untyped-def]
    figs = extract_figures("a1", sentence, nlp(sentence))
    assert [(f.low, f.high, f.unit) for f in figs] == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "measure", "claimant"),
    [
        ("The death toll rose to 52, officials said on Monday.", "52", "killed", "officials"),
        ("Casualties were estimated by the UN at 20,000.", "20,000", "casualties", "UN"),
        (
            "About 1.2 million people have fled, according to the UN.",
            "1.2 million",
            "displaced",
            "UN",
        ),
        ("Covid-19 killed 6.9m people worldwide.", "6.9m", "killed", None),
        (
            "Some 50,000-60,000 Russian soldiers are believed to have died.",
            "50,000-60,000",
            "killed",
            None,
        ),
        (
            "Analysts put Russian losses at 315,000 killed and wounded.",
            "315,000",
            "casualties",
            "Analysts",
        ),
    ],
)
def test_measure_and_source_in_news_sentences(nlp, sentence, surface, measure, claimant):  # type: ignore[no-untyped-def]
    (f,) = extract_figures("a1", sentence, nlp(sentence))
    assert (f.text, f.measure, f.claimant, f.unit) == (surface, measure, claimant, None)


def test_each_clause_keeps_its_measure(nlp):  # type: ignore[no-untyped-def]
    text = "The strike killed 35 people and injured 117, including 15 children."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.text, f.measure, f.subject) for f in figs] == [
        ("35", "killed", "people"),
        ("117", "wounded", "people"),
        ("15", "wounded", "children"),
    ]


def test_a_relative_clause_with_its_own_number_keeps_its_measure(nlp):  # type: ignore[no-untyped-def]
    text = "Russia launched 273 drones overnight, of which 88 were shot down."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.low, f.measure, f.subject) for f in figs] == [
        (273, "launched", "drones"),
        (88, "shot down", "drones"),
    ]


def test_a_share_names_its_whole(nlp):  # type: ignore[no-untyped-def]
    text = "Around 20% of Ukrainian territory is under Russian control."
    (f,) = extract_figures("a1", text, nlp(text))
    assert (f.low, f.unit, f.qualifier, f.subject) == (
        20,
        "percent",
        "about",
        "Ukrainian territory",
    )


def test_deterministic(seed_articles, nlp):  # type: ignore[no-untyped-def]
    art = seed_articles["004"]
    first = extract_figures(art.id, art.text, nlp(art.text), published=art.published)
    second = extract_figures(art.id, art.text, nlp(art.text), published=art.published)
    assert first == second and len(first) >= 10
    assert len({f.id for f in first}) == len(first)


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("A higher, $70-a-share price blocks the bid.", "share"),
        ("The car reached 10 km/hr.", "hour"),
        ("It boils down to $21.25 per square foot.", "square foot"),
        ("The trust pays 1,015 francs a share.", "share"),
        ("Fees went up by £30 a-year.", "year"),
        ("The unit leased at $95 per sq m.", "square metre"),
        ("Power costs 9 cents per kilowatt-hour.", "kilowatt hour"),
    ],
)
def test_rates_written_many_ways(nlp, sentence, per):  # type: ignore[no-untyped-def]
    (f,) = extract_figures("a1", sentence, nlp(sentence))
    assert f.per == per


def test_a_share_names_what_it_is_a_share_of(nlp):  # type: ignore[no-untyped-def]
    text = "Half the flats have sold, and nearly two-thirds of the 3,000 new homes."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.text, f.subject) for f in figs] == [
        ("Half", "flats"),
        ("two-thirds", "new homes"),
        ("3,000", "new homes"),
    ]


def test_the_counted_noun_after_joined_modifiers(nlp):  # type: ignore[no-untyped-def]
    text = "They shipped 3.1M new and used bikes last year."
    (f,) = extract_figures("a1", text, nlp(text))
    assert (f.low, f.unit, f.subject) == (3.1e6, None, "new and used bikes")


def test_a_rate_belongs_to_the_nearest_figure(nlp):  # type: ignore[no-untyped-def]
    text = "The plan gives 80GB of data for RM59 a month."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.text, f.unit, f.per) for f in figs] == [
        ("80GB", "gigabyte", None),
        ("RM59", "MYR", "month"),
    ]


def test_a_bracketed_conversion_does_not_hide_the_rate(nlp):  # type: ignore[no-untyped-def]
    text = (
        "Holders were offered C$9 (US$6.70) per share, "
        "a tax of 3 billion rupees ($36 million) a year."
    )
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.text, f.unit, f.per) for f in figs] == [
        ("C$9", "CAD", "share"),
        ("US$6.70", "USD", "share"),
        ("3 billion rupees", "INR", "year"),
        ("$36 million", "USD", "year"),
    ]


def test_an_elliptical_count_keeps_the_counted_noun(nlp):  # type: ignore[no-untyped-def]
    text = "They offer 435 homes by open sale and 187 by tender. They drafted eight more picks."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.text, f.subject) for f in figs] == [
        ("435", "homes"),
        ("187", "homes"),
        ("eight", "picks"),
    ]
    text = "Sales rose to 3.9 million headsets, up from 2.4 million, and 500 cars versus 320."
    assert [f.subject for f in extract_figures("a1", text, nlp(text))] == [
        "headsets",
        "headsets",
        "cars",
        "cars",
    ]
    text = "Police said 12 officers were hurt, and one of the buildings burned. 3 were freed."
    assert [f.subject for f in extract_figures("a1", text, nlp(text))] == [
        "officers",
        "buildings",  # its own counted noun wins
        None,  # another sentence: nothing to inherit
    ]


def test_index_levels_are_points(nlp):  # type: ignore[no-untyped-def]
    text = "The TA-35 fell to 1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.low, f.unit) for f in figs] == [
        (1463.87, "point"),
        (0.1, "percent"),
        (1333.18, "point"),
    ]
    text = "He averaged 7.3 points and 3 rebounds in 12 games."
    assert [f.unit for f in extract_figures("a1", text, nlp(text))] == ["point", None, None]


def test_ages_said_with_a_pronoun_or_a_leading_at(nlp):  # type: ignore[no-untyped-def]
    """Ages are told apart from counts and durations, and left out (issue 15)."""
    text = "When he was 11, his family moved. At 16, Isaiah played. He was 5 minutes late."
    figs = extract_figures("a1", text, nlp(text))
    assert [(f.low, f.unit, f.measure) for f in figs] == [(5, "minute", None)]
    text = "The suspect, 34, was sentenced. The company, 50, was sold."
    assert [f.text for f in extract_figures("a1", text, nlp(text))] == ["50"]
    text = "At 5, the shares fell."  # not an age: a price
    assert [(f.text, f.measure) for f in extract_figures("a1", text, nlp(text))] == [("5", "fell")]
    # "the dead" is the people killed: a toll, where "died at 77" is an age (news-dumpster)
    text = "Regional authorities had put the number of dead at 13. The actor died at 77."
    assert [f.text for f in extract_figures("a1", text, nlp(text))] == ["13"]


# --- who states a figure, and when (issue 15); sentences written for these tests


def _figures(nlp, text: str):  # type: ignore[no-untyped-def]
    from storyline.analyze import analyze_doc

    return analyze_doc(text_article(text), nlp(text)).figures


def test_the_reporters_own_number_has_no_claimant(nlp) -> None:  # type: ignore[no-untyped-def]
    (f,) = _figures(nlp, "Congress approved $12 million in new funding on Thursday.")
    assert (f.claimant, f.claimant_status) == (None, None)


def test_in_what_x_said_states_the_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In what Ukraine said was the largest attack of the war, Russia fired 355 drones."
    (f,) = _figures(nlp, text)
    assert (f.text, f.claimant, f.claimant_status) == ("355", "Ukraine", "named")


def test_claimant_resolved_like_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia's Defense Ministry reported fighting near Pokrovsk. "
        "The ministry said 40 Ukrainian drones were shot down overnight."
    )
    f = next(f for f in _figures(nlp, text) if f.text == "40")
    assert (f.claimant, f.claimant_status) == ("Russia's Defense Ministry", "named")
    (g,) = _figures(nlp, "The ministry said 40 drones were shot down.")
    assert (g.claimant, g.claimant_status) == (None, "unresolved")


def test_as_of_is_the_claims_own_time_not_a_background_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia and Ukraine exchanged 303 prisoners on Friday, the largest swap since the "
        "invasion began in February 2022."
    )
    (f,) = _figures(nlp, text)
    assert f.as_of == "2025-05-23"  # Friday; not February 2022
    (g,) = _figures(nlp, "Ahead of February's election, the party raised $12 million.")
    assert g.as_of == "2025-05-23"  # as published; not February


def test_the_day_before_dates_the_figure_a_day_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    # text_article is published on 2025-05-23: the mayor's 19 were reported on the 22nd.
    text = "The day before, the mayor reported that 19 drones had been shot down."
    assert [f.as_of for f in _figures(nlp, text)] == ["2025-05-22"]
    # "the day before the vote" is the vote's eve, not the day before the article's.
    text = "The day before the vote, the mayor reported that 19 drones had been shot down."
    assert [f.as_of for f in _figures(nlp, text)] == ["2025-05-23"]


def test_measure_from_the_verb_when_no_measure_word_says_it(nlp) -> None:  # type: ignore[no-untyped-def]
    (f,) = _figures(nlp, "China shipped $95 million worth of consoles to Russia.")
    assert f.measure == "shipped"
    (g,) = _figures(nlp, "Officials said each side handed over 390 soldiers.")
    assert (g.measure, g.subject) == ("handed over", "soldiers")


def test_a_report_of_no_harm_is_a_count_of_none(nlp) -> None:  # type: ignore[no-untyped-def]
    (f,) = _figures(nlp, "No deaths were reported in the capital, officials said.")
    assert (f.text, f.low, f.high, f.measure) == ("No", 0.0, 0.0, "killed")
    (g,) = _figures(nlp, "Nobody was injured in the attack.")
    assert (g.low, g.measure) == (0.0, "wounded")
    # Only harm reported as nil: "no one wins", "no deal" count nothing.
    assert _figures(nlp, "No one wins if the talks fail, and no deal was reported.") == []


def test_a_groups_members_count_the_group_not_what_it_met(nlp) -> None:  # type: ignore[no-untyped-def]
    # Two reports of one delegation: what it did or met is no measure of its size.
    text = "Soldiers fired warning shots at a delegation of some 25 diplomats in Jenin."
    (f,) = _figures(nlp, text)
    assert (f.measure, f.subject) == ("delegation", "diplomats")
    (g,) = _figures(nlp, "A delegation of about 20 diplomats was standing near the gate.")
    assert g.measure == "delegation"
    # A measure word of the members themselves still says what happened to them.
    (h,) = _figures(nlp, "A convoy of 20 trucks was destroyed near Kherson.")
    assert h.measure == "destroyed"


def test_a_new_speaker_clause_does_not_borrow_the_counted_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    # The second figure counts the other side's losses: it must not take "soldiers".
    text = (
        "The minister said the army had lost 2,300 soldiers killed this year, and he "
        "estimated enemy losses at 9,000-9,500 killed."
    )
    first, second = _figures(nlp, text)
    assert first.subject == "soldiers"
    assert second.subject != "soldiers"
    # Coordinated figures with no new clause still share it.
    (killed, wounded) = _figures(
        nlp, "Officials said 2,300 soldiers were killed and 9,100 wounded."
    )
    assert (killed.subject, wounded.subject) == ("soldiers", "soldiers")


def test_a_since_clause_or_since_then_is_no_figures_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # The clause opens a period ("the largest since ..."): the toll is of the report's day.
    text = (
        "At least 14 people were killed after the army launched the largest shelling "
        "since the war started in March 2021."
    )
    assert [f.as_of for f in _figures(nlp, text)] == ["2025-05-23"]
    # "since then" counts from the earlier date to now.
    text = (
        "The siege began on 4 June 2021. At least 9,100 people have died since then, "
        "officials said."
    )
    assert [f.as_of for f in _figures(nlp, text) if f.text == "9,100"] == ["2025-05-23"]
    # A date the figure's own clause gives still dates it.
    (f,) = _figures(nlp, "The ministry said 2,100 soldiers had been killed by March 2024.")
    assert f.as_of == "2024-03"


def test_a_part_takes_the_measure_of_its_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    # What happened to the part is what happened to the whole, never "included".
    text = "The strikes killed 14 people in the north. The dead included four children there."
    assert [(f.measure, f.subject) for f in _figures(nlp, text)][1] == ("killed", "children")
    (whole, part) = _figures(nlp, "The army said it downed 120 drones, including 43 over Kursk.")
    assert (whole.measure, part.measure) == ("downed", "downed")
    (f, _) = _figures(nlp, "Among those injured were six children from one village.")
    assert f.measure == "wounded"
    # A part is counted as its whole is, whatever that says.
    (whole, part) = _figures(nlp, "The victims now exceed 30,000, including 9,000 children.")
    assert part.measure == whole.measure
    # What a plan includes is no measure of what it would do to them.
    (f,) = _figures(nlp, "The plan includes the release of 12 hostages held in the city.")
    assert f.measure is None


def test_a_count_is_no_claimant_but_whoever_gave_it_is(nlp) -> None:  # type: ignore[no-untyped-def]
    # Sentences written for this test, after a wire report of a strike on a city.
    text = "Earlier death tolls given by regional authorities had put the number of dead at 13."
    (f,) = _figures(nlp, text)
    assert (f.text, f.claimant) == ("13", "regional authorities")
    (g,) = _figures(nlp, "Earlier death tolls had put the number of dead at 13.")
    assert g.claimant is None  # nobody is said to have given it: the reporter's number
    (h,) = _figures(nlp, "Ukraine's tally put the number of dead at 13.")
    assert h.claimant == "Ukraine"


def test_a_participle_clause_says_what_happened_to_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    # After a wire report of the largest air attack of the war: the cities were struck, the
    # drones launched; the participle's object does not take the main clause's verb.
    text = "Russia launched 360 drones in the onslaught, striking more than 30 cities and towns."
    (drones, cities) = _figures(nlp, text)
    assert (drones.measure, cities.measure) == ("launched", "striking")
    # A measure word after the object still says it ("leaving 30 people dead").
    (_, dead) = _figures(nlp, "The army fired 20 missiles, leaving 30 people dead.")
    assert dead.measure == "killed"


def test_victims_a_total_exceeds_are_the_dead_and_exceed_is_a_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    # After a broadcaster's words on Gaza: "the victims ... now exceed" states the death toll,
    # and its part ("including more than 15,000 children") is a toll of the dead too.
    text = (
        "The victims of the attacks in Gaza now exceed 50,000, including more than 15,000 children."
    )
    (total, children) = _figures(nlp, text)
    assert (total.measure, total.qualifier) == ("killed", "more than")
    assert (children.measure, children.qualifier) == ("killed", "more than")
    # Only as the subject of a total: victims taken to hospital were not killed.
    (f,) = _figures(nlp, "Twelve victims were taken to hospital.")
    assert f.measure != "killed"


def test_taken_hostage_is_an_abduction_count(nlp) -> None:  # type: ignore[no-untyped-def]
    # The 7 October hostages, as outlets word them (news-dumpster): one measure, so the
    # counts compare; "took 251" does not pass to the hostages "57 of whom remain".
    for text in (
        "About 1,200 people were killed and 251 others were taken hostage in the attack.",
        "The attack saw around 1,200 people killed and 251 taken hostage.",
        "Militants killed some 1,200 people and abducted 251 people in the 2023 attack.",
    ):
        f = next(f for f in _figures(nlp, text) if f.text == "251")
        assert f.measure == "abducted", text
    text = "Militants took 251 hostages, 57 of whom remain in Gaza including 34 said to be dead."
    measures = {f.text: f.measure for f in _figures(nlp, text)}
    assert measures["251"] == "abducted"
    assert measures["57"] is None and measures["34"] != "abducted"
    # "held hostage" is who is still held, not how many were taken.
    (f,) = _figures(nlp, "Some 58 people are still held hostage in Gaza.")
    assert f.measure != "abducted"


def test_hostages_taken_however_it_is_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    # DW, JPost and AP word the 7 October hostages so (news-dumpster, cut short): the
    # participle may modify the count's noun, or name it with "as".
    text = "In the attack around 1,200 people were killed and more than 200 taken hostage."
    assert [f.measure for f in _figures(nlp, text)] == ["killed", "abducted"]
    # The people's own participle says what happened to them, not the clause's "taken".
    text = "The attack saw around 1,200 people killed and 251 taken hostage."
    assert [f.measure for f in _figures(nlp, text)] == ["killed", "abducted"]
    (f,) = _figures(nlp, "The posters bore the names of the 250 hostages taken in the attack.")
    assert f.measure == "abducted"
    text = "It said 1,200 people were killed and 250 were taken into Gaza as hostages."
    assert [f.measure for f in _figures(nlp, text)] == ["killed", "abducted"]


def test_prisoners_are_counted_by_what_happens_to_them(nlp) -> None:  # type: ignore[no-untyped-def]
    # After DW on the May 2025 exchange: the prisoners are what is counted, the verb says
    # what happened to them; with no verb, being prisoners is their measure.
    text = "Russia and Ukraine said another 307 prisoners of war had been swapped."
    (f,) = _figures(nlp, text)
    assert (f.measure, f.subject) == ("swapped", "prisoners")
    (f,) = _figures(nlp, "Over 600 prisoners were released on Saturday.")
    assert (f.measure, f.subject) == ("released", "prisoners")
    (f,) = _figures(nlp, "Zelenskyy announced the return of 390 prisoners of war to Russia.")
    assert (f.measure, f.subject) == ("captured", "prisoners")


def test_aid_trucks_that_went_in_entered(nlp) -> None:  # type: ignore[no-untyped-def]
    # BBC, the Times of Israel and the UN's Fletcher on one day's aid (news-dumpster): three
    # wordings of the trucks that entered Gaza, one measure; "carrying aid" is their load.
    for text in (
        "Only five trucks made it into Gaza on Monday, as troops advanced.",
        "Israel said it had allowed five lorries carrying humanitarian aid into the territory.",
        "Five trucks entered Monday.",
    ):
        (f,) = _figures(nlp, text)
        assert f.measure == "entered", text
    (f,) = _figures(nlp, "The UN said 90 trucks of aid were waiting at the border.")
    assert f.measure != "entered"


def test_a_change_to_or_by_a_figure_is_of_what_it_moves(nlp) -> None:  # type: ignore[no-untyped-def]
    # After the Bank of Israel's report (news-dumpster, cut short): the figure is the level
    # or the change of the verb's object, or of the noun a participle of change describes.
    text = "Prices jumped on the month, pushing annual inflation to 3.6%."
    assert _figures(nlp, text)[0].subject == "annual inflation"
    text = "The war sent output plunging by an annualized 21% in the fourth quarter."
    assert _figures(nlp, text)[0].subject == "output"
    # A rate is of the noun it modifies, though that noun is another verb's object (the BBC
    # on US tariffs).
    (f,) = _figures(nlp, "Vietnam made concessions in a bid to avoid 46% tariffs.")
    assert f.subject == "tariffs"


def test_a_part_of_a_counted_whole_counts_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # The BBC on a strike in Khan Younis (news-dumpster, cut short).
    text = "An Israeli strike killed nine of the couple's 10 children on Friday."
    (nine, _) = _figures(nlp, text)
    assert (nine.measure, nine.subject) == ("killed", "children")
