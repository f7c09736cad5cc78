"""Time expressions: the seeds' date cases and the normalisation rules, on real text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyze.pipeline import Context
from storyline.analyze.time_patterns import COMPILED
from storyline.analyze.timexes import (
    date_of,
    extract_timexes,
    extract_timexes_bounded,
    find_timexes,
    normalise,
    published_lower_bound,
)
from storyline.analyze.timexes.normalise import EXAMPLE_ANCHOR, NORMALISERS
from storyline.schema import Article, Findings, Timex

ROOT = Path(__file__).resolve().parents[1]


def run_component(article: Article, nlp) -> Findings:  # type: ignore[no-untyped-def]
    """The timexes component on a copy of the article (fixtures are shared)."""
    art = dataclasses.replace(article, removed=list(article.removed))
    ctx = Context(article=art, doc=nlp(art.text), findings=Findings(article=art))
    find_timexes(ctx)
    return ctx.findings


def timexes(nlp, text: str, anchor: dt.date | None) -> list[Timex]:  # type: ignore[no-untyped-def]
    return extract_timexes(nlp(text), anchor, "test")


def by_text(found: list[Timex], text: str) -> Timex:
    matches = [t for t in found if t.text == text]
    assert matches, f"no timex {text!r} in {[t.text for t in found]}"
    return matches[0]


# --- seed 000: dated 2025-02-05 (a Wednesday) by its header line -----------


@pytest.fixture(scope="module")
def seed000(seed_articles, nlp) -> Findings:  # type: ignore[no-untyped-def]
    return run_component(seed_articles["000"], nlp)


def test_seed000_is_anchored_on_its_header_date(seed000: Findings) -> None:
    assert seed000.article.published == "2025-02-05"


def test_seed000_tuesday_evening_is_the_day_before(seed000: Findings) -> None:
    tx = by_text(seed000.timexes, "Tuesday evening")
    assert (tx.type, tx.value) == ("time", "2025-02-04TEV")
    assert date_of(tx.value) == "2025-02-04"
    text = seed000.article.text
    assert text[tx.start - 3 : tx.start] == "on "  # the preposition stays outside


def test_seed000_duration_and_set(seed000: Findings) -> None:
    dur = by_text(seed000.timexes, "almost three years")
    assert (dur.type, dur.value) == ("duration", "P3Y")
    every = by_text(seed000.timexes, "every week")
    assert (every.type, every.value) == ("set", "P1W")


def test_seed000_second_tuesday_and_no_event_anchored_value(seed000: Findings) -> None:
    tuesdays = [t for t in seed000.timexes if t.text == "Tuesday"]
    assert [t.value for t in tuesdays] == ["2025-02-04"]
    # "since the beginning of the Russian full-scale invasion" names an event,
    # not a date: nothing in it is claimed as a timex.
    text = seed000.article.text
    since = text.index("since the beginning of the Russian full-scale invasion")
    assert not [t for t in seed000.timexes if since <= t.start < since + 55]


def test_seed000_headings_are_not_time_references(seed000: Findings) -> None:
    # "Previously" stands alone as a section heading in this article.
    assert all(t.text != "Previously" for t in seed000.timexes)


def test_seed000_spans_cover_the_text_exactly(seed000: Findings) -> None:
    text = seed000.article.text
    for tx in seed000.timexes:
        assert text[tx.start : tx.end] == tx.text
        assert tx.text == tx.text.strip()


# --- seed 004: undated; a photo caption says 6 December 2024 ------------------


@pytest.fixture(scope="module")
def seed004(seed_articles, nlp) -> Findings:  # type: ignore[no-untyped-def]
    return run_component(seed_articles["004"], nlp)


def test_seed004_caption_date_is_a_lower_bound(seed_articles) -> None:  # type: ignore[no-untyped-def]
    assert published_lower_bound(seed_articles["004"]) == dt.date(2024, 12, 6)


def test_seed004_published_from_text(seed004: Findings) -> None:
    assert seed004.article.published == "2024-12-06"
    assert seed004.article.published_basis == "text"


def test_seed004_february_is_the_one_before(seed004: Findings) -> None:
    feb = by_text(seed004.timexes, "February")
    assert (feb.type, feb.value) == ("date", "2024-02")
    assert date_of(feb.value, coarse=True) == "2024-02"
    assert date_of(feb.value) is None


def test_seed004_sunday_is_not_resolved_against_a_lower_bound(seed004: Findings) -> None:
    # Published on the 6th it would be 1 December, on the 9th (the real date)
    # 8 December: a lower bound cannot tell, so no value is claimed.
    sundays = [t for t in seed004.timexes if t.text == "Sunday"]
    assert len(sundays) >= 3
    assert all(t.value is None for t in sundays)


def test_seed004_absolute_values_survive_the_bound(seed004: Findings) -> None:
    assert by_text(seed004.timexes, "2022").value == "2022"
    assert by_text(seed004.timexes, "nearly three years").value == "P3Y"


def test_seed004_with_its_real_date_sunday_resolves(seed_articles, nlp) -> None:  # type: ignore[no-untyped-def]
    found = extract_timexes(nlp(seed_articles["004"].text), dt.date(2024, 12, 9), "a")
    assert {t.value for t in found if t.text == "Sunday"} == {"2024-12-08"}


def test_seed004_component_is_idempotent(seed004: Findings, nlp) -> None:  # type: ignore[no-untyped-def]
    again = run_component(seed004.article, nlp)
    assert [(t.text, t.value) for t in again.timexes] == [
        (t.text, t.value) for t in seed004.timexes
    ]
    assert again.article.published == "2024-12-06"


# --- unit cases ---------------------------------------------------------------

WED = dt.date(2025, 2, 5)


def test_last_month_and_next_week(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "Prices rose last month and talks will resume next week.", WED)
    assert by_text(found, "last month").value == "2025-01"
    assert by_text(found, "next week").value == "2025-W07"


def test_month_name_prefers_the_past_in_past_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    dec = dt.date(2024, 12, 9)
    found = timexes(nlp, "In February, Zelenskyy gave a figure for the first time.", dec)
    assert by_text(found, "February").value == "2024-02"
    found = timexes(nlp, "In November, the army lost ground.", dec)
    assert by_text(found, "November").value == "2024-11"


def test_month_name_future_tense_goes_forward(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "The book will be published in May.", dt.date(2013, 3, 22))
    assert by_text(found, "May").value == "2013-05"


def test_weekday_on_the_anchors_own_day_is_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "The minister said Wednesday that talks had failed.", WED)
    assert by_text(found, "Wednesday").value == "2025-02-05"


def test_we_is_not_wednesday(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "We are talking to the Russians. We met them, we said.", WED)
    assert found == []


def test_may_the_verb_is_not_a_month(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "May the talks succeed; the army may withdraw.", WED)
    assert found == []


def test_no_anchor_leaves_relative_values_empty(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump said on Tuesday that last month was hard, as in 2018 and on 28 February 2022."
    found = timexes(nlp, text, None)
    assert by_text(found, "Tuesday").value is None
    assert by_text(found, "last month").value is None
    assert by_text(found, "2018").value == "2018"
    assert by_text(found, "28 February 2022").value == "2022-02-28"


def test_explicit_day_month_against_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "The deadline passed on 28 February.", dt.date(2025, 3, 12))
    assert by_text(found, "28 February").value == "2025-02-28"


def test_present_and_past_references(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "Troops are now in the city, which is currently calm.", WED)
    assert by_text(found, "now").value == "PRESENT_REF"
    assert by_text(found, "currently").value == "PRESENT_REF"


def test_spans_exclude_prepositions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He left on Tuesday and returned in early August after two weeks."
    found = timexes(nlp, text, WED)
    assert [t.text for t in found] == ["Tuesday", "early August", "two weeks"]
    for tx in found:
        assert text[tx.start : tx.end] == tx.text
    assert by_text(found, "two weeks").value == "P2W"


def test_ages_are_not_timexes(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "A 22-year-old soldier and an 18 years old recruit were killed.", WED)
    assert found == []


def test_years_counting_things_are_not_years(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "About 2000 soldiers crossed in a 2014 raid.", WED)
    assert [t.text for t in found] == ["2014"]


def test_bounded_resolution_keeps_only_stable_values(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("On Sunday he said that in February the losses were 31,000, up from 2023.")
    found = extract_timexes_bounded(doc, dt.date(2024, 12, 6), "a")
    values = {t.text: t.value for t in found}
    assert values == {"Sunday": None, "February": "2024-02", "2023": "2023"}


def test_date_of() -> None:
    assert date_of("2025-02-04TEV") == "2025-02-04"
    assert date_of("2025-02-04T10:00") == "2025-02-04"
    assert date_of("2025-02") is None
    assert date_of("2025-02", coarse=True) == "2025-02"
    assert date_of("2025-W07", coarse=True) == "2025"
    assert date_of("P3Y") is None
    assert date_of("PRESENT_REF", coarse=True) is None
    assert date_of(None) is None


# --- the benchmark's reader ---------------------------------------------------


def test_tempeval_reader_maps_gold_spans_to_text() -> None:
    path = ROOT / "benchmarks" / "time_tempeval3.py"
    spec = importlib.util.spec_from_file_location("time_tempeval3", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["time_tempeval3"] = module
    spec.loader.exec_module(module)
    doc = module.parse_tml(ROOT.parent / "shared/data/tempeval3/te3-platinum/AP_20130322.tml")
    assert doc.dct == dt.date(2013, 3, 22)
    surfaces = [(doc.text[g.start : g.end], g.value) for g in doc.gold[:4]]
    assert surfaces == [
        ("a month", "P1M"),
        ("a decade", "P10Y"),
        ("the last week", "2013-W11"),
        ("Friday", "2013-03-22"),
    ]


def test_clock_time_takes_the_day_next_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He said on Saturday that he spoke to Putin on Monday at 10 a.m. and again at 3 p.m."
    found = timexes(nlp, text, dt.date(2025, 3, 12))
    assert by_text(found, "Monday").value == "2025-03-10"
    assert by_text(found, "10 a.m.").value == "2025-03-10T10:00"
    # No day beside it: the article's day, as TimeML does.
    assert by_text(found, "3 p.m.").value == "2025-03-12T15:00"


def test_a_tenseless_date_far_ahead_is_the_last_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # Real sentence (news-dumpster, 21 May 2025), cut short: no tense dates the massacre.
    text = "The posters bore the names of the 250 hostages taken in Hamas's October 7 Massacre."
    found = timexes(nlp, text, dt.date(2025, 5, 21))
    assert by_text(found, "October 7").value == "2024-10-07"
    # A near one stays ahead, and a future marker keeps a far one ahead.
    text = "Russia plays Nigeria on June 6 at the Luzhniki; talks are scheduled for October 7."
    found = timexes(nlp, text, dt.date(2025, 5, 21))
    assert by_text(found, "June 6").value == "2025-06-06"
    assert by_text(found, "October 7").value == "2025-10-07"
    # The marker allows a date ahead, it does not push a recent one a year on (Le Monde,
    # 21 May 2025, quoting an April report).
    text = "The gendarmes mobilized on the day of her testimony, scheduled for May 13, wait."
    found = timexes(nlp, text, dt.date(2025, 5, 21))
    assert by_text(found, "May 13").value == "2025-05-13"


def test_the_articles_own_day_is_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On May 26, the second stage of NATO's drills will kick off in eight nations."
    found = timexes(nlp, text, dt.date(2025, 5, 26))
    assert by_text(found, "May 26").value == "2025-05-26"


def test_weekday_and_date_pick_the_year_they_fit(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "The vote was held on Monday, Oct. 26.", dt.date(1998, 10, 25))
    assert by_text(found, "Monday, Oct. 26").value == "1998-10-26"


def test_seasons_and_vague_plural_periods(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Over the past years trade fell; talks resume this autumn, as they did last summer."
    found = timexes(nlp, text, dt.date(2025, 5, 21))
    assert by_text(found, "the past years").value == "PXY"
    assert by_text(found, "this autumn").value == "2025-FA"
    assert by_text(found, "last summer").value == "2024-SU"


def test_last_winter_spans_the_new_year(nlp) -> None:  # type: ignore[no-untyped-def]
    # Winter 2024 runs from December 2024 into February 2025.
    may = timexes(nlp, "It was cold last winter.", dt.date(2025, 5, 21))
    assert by_text(may, "last winter").value == "2024-WI"
    january = timexes(nlp, "It was cold last winter.", dt.date(2025, 1, 10))
    assert by_text(january, "last winter").value == "2023-WI"


def test_clock_time_after_a_part_of_day(nlp) -> None:  # type: ignore[no-untyped-def]
    found = timexes(nlp, "They met on Sunday night at 8 PM in Kyiv.", dt.date(2025, 3, 12))
    assert by_text(found, "Sunday night").value == "2025-03-09TNI"
    assert by_text(found, "8 PM").value == "2025-03-09T20:00"


_VOCAB = [
    "on",
    "in",
    "Tuesday",
    "evening",
    "last",
    "next",
    "this",
    "month",
    "week",
    "year",
    "years",
    "ago",
    "earlier",
    "February",
    "May",
    "28",
    "2024",
    "6",
    "December",
    "the",
    "past",
    "every",
    "nearly",
    "three",
    "a",
    "few",
    "days",
    "now",
    "at",
    "10",
    "a.m.",
    "p.m.",
    "Sunday",
    "night",
    "winter",
    "fall",
    "third",
    "quarter",
    "1990s",
    "century",
    "20th",
    "We",
    "said",
    "will",
    "-",
    "1/2",
    "2",
    "hours",
    ",",
    ".",
    "Jan.",
    "14",
    "since",
    "until",
    "early",
    "late",
    "daily",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=14),
    anchor=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_any_text_gives_exact_disjoint_spans(nlp, words: list[str], anchor) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    found = timexes(nlp, text, anchor)
    last_end = -1
    for tx in found:
        assert text[tx.start : tx.end] == tx.text and tx.text.strip() == tx.text
        assert tx.start >= last_end
        last_end = tx.end
        assert tx.type in ("date", "time", "duration", "set")
    again = timexes(nlp, text, anchor)
    assert [(t.id, t.value) for t in again] == [(t.id, t.value) for t in found]


def test_a_month_only_date_is_kept_and_bounds_the_values(seed_articles, nlp) -> None:  # type: ignore[no-untyped-def]
    article = dataclasses.replace(
        seed_articles["004"], published="2024-12", published_basis="metadata"
    )
    findings = run_component(article, nlp)
    assert (findings.article.published, findings.article.published_basis) == ("2024-12", "metadata")
    # Every day of December 2024 reads "In February" as February 2024; "on
    # Sunday" depends on the day.
    assert by_text(findings.timexes, "February").value == "2024-02"
    assert {t.value for t in findings.timexes if t.text == "Sunday"} == {None}


def test_fractions_are_not_durations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Three-quarters of voters and a quarter of troops left in the third quarter."
    found = timexes(nlp, text, dt.date(2025, 5, 1))
    assert [(t.text, t.value) for t in found] == [("the third quarter", "2024-Q3")]


def test_every_pattern_kind_has_a_normaliser_and_no_other() -> None:
    assert set(NORMALISERS) == {kind for kind, _ in COMPILED}
    assert all(kind == n.kind for kind, n in NORMALISERS.items())


@pytest.mark.parametrize("normaliser", NORMALISERS.values(), ids=lambda n: n.kind)
def test_each_normaliser_reads_its_example(normaliser) -> None:  # type: ignore[no-untyped-def]
    surface, type_, value = normaliser.example
    # The example is what the kind's pattern finds, whole ...
    assert dict(COMPILED)[normaliser.kind].fullmatch(surface)
    # ... and it normalises to the stated value against the example date.
    assert normalise(normaliser.kind, surface, EXAMPLE_ANCHOR) == (type_, value)
    if normaliser.unanchored is not None:
        # Without a date a relative expression keeps its type and claims no value.
        assert normalise(normaliser.kind, surface, None) == (type_, None)
    else:
        assert normalise(normaliser.kind, surface, None)[0] == type_


def test_an_unknown_kind_is_a_date_without_value() -> None:
    assert normalise("spacy_date", "the holidays", EXAMPLE_ANCHOR) == ("date", None)
