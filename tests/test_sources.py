"""Independent sources: copies, outlet families and relays, each judgement with its reason."""

from __future__ import annotations

import pytest

from storyline.corpus.sources import (
    RELAY_FORMS,
    STAFF_CREDITS,
    WIRE_CREDITS,
    Carrier,
    carrier_of,
    independent_sources,
    judge,
    medium_relay,
    relay_in,
    wire_credit,
)
from storyline.outlet_lexicon import GENERIC_OUTLETS, OUTLETS


def _relay_of(sentence: str) -> str | None:
    found = relay_in(sentence, 0, len(sentence)) or wire_credit(sentence)
    return found.outlet if found else None


@pytest.mark.parametrize("outlet", OUTLETS + GENERIC_OUTLETS, ids=lambda o: o.label)
def test_every_outlet_example_names_its_outlet(outlet) -> None:  # type: ignore[no-untyped-def]
    assert _relay_of(outlet.example) == outlet.label


@pytest.mark.parametrize("form", RELAY_FORMS, ids=lambda f: f.name)
def test_every_relay_form_example_is_a_relay(form) -> None:  # type: ignore[no-untyped-def]
    assert _relay_of(form.example) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is ready to talk, the Kremlin said.",
        "Zelensky wrote on Telegram that the attack was a war crime.",
        "The minister told reporters in Brussels that threats were unacceptable.",
        "He told parliament on Tuesday that the deal was done.",
        "The video spread quickly on social media reported as genuine.",
        "The ap said nothing.",
    ],
)
def test_own_reporting_is_no_relay(sentence: str) -> None:
    assert _relay_of(sentence) is None


def test_a_quote_saying_told_tass_is_not_where_the_article_got_it() -> None:
    text = 'Peskov said: "I told TASS yesterday that nothing changed." The talks went on.'
    content = (text.index("I told"), text.index('."'))
    assert relay_in(text, *content, content=content) is None
    text = '"Nothing changed," Peskov told TASS. The talks went on.'
    content = (1, text.index(',"'))
    found = relay_in(text, *content, content=content)
    assert found is not None and found.outlet == "TASS" and found.evidence == "told TASS"


def test_the_relay_is_looked_for_in_the_items_sentence_only() -> None:
    text = "Reuters reported the strike. Later, Zelensky said the city was hit."
    start = text.index("the city")
    assert relay_in(text, start, len(text) - 1) is None


def test_a_relay_reaches_the_sentences_that_go_on_with_its_report() -> None:
    # Mehr (21 May), cut short: the toll after "..., Al Jazeera reported" is Al Jazeera's.
    text = ("Israeli attacks have killed at least 82 Palestinians, according to the ministry, "
            "Al Jazeera reported. The casualties bring the total to 53,655, the ministry said. "
            "Since March 18, at least 3,509 people have been killed, it added. Zelensky said "
            "the city of 3,000 was hit.")  # fmt: skip
    for figure in ("53,655", "3,509"):
        at = text.index(figure)
        found = relay_in(text, at, at + len(figure))
        assert found is not None and found.outlet == "Al Jazeera"
    # A sentence that names its own source does not go on with the report before it.
    at = text.index("3,000")
    assert relay_in(text, at, at + 5) is None
    # Tasnim (26 May), cut short: a quote after "RT reported", given to "he".
    text = ("\u201cI don\u2019t like it, and it better stop,\u201d RT reported. \u201cThis is "
            "Zelensky, Putin\u2019s, and Biden\u2019s War, not \u2018Trump\u2019s,\u2019\u201d "
            "he said.")  # fmt: skip
    start = text.index("This is")
    end = text.index(",\u2019\u201d") + 2
    found = relay_in(text, start, end, (start, end))
    assert found is not None and found.outlet == "RT"


def test_a_sentence_naming_the_reporter_goes_back_to_the_relay() -> None:
    # Arutz Sheva and TASS (26 May), cut short: the reporter is Axios's, named sentences before.
    arutz = ("Witkoff has denied reports, Axios' Barak Ravid reported on Monday. \"What I have "
             "seen is disappointing,\" Witkoff told Ravid. On the other hand, Witkoff told the "
             "reporter that Israel has agreed to a temporary ceasefire.")  # fmt: skip
    tass = ("Hamas did not agree, Steve Witkoff told Axios correspondent Barak Ravid. \"Witkoff "
            "rejects Hamas' claim,\" the journalist wrote on his X page. \"What I have seen is "
            "disappointing,\" Ravid quoted the envoy as saying. According to the reporter, "
            "Witkoff said that Israel would agree to a temporary truce.")  # fmt: skip
    for text in (arutz, tass):
        at = text.index("Israel")
        found = relay_in(text, at, len(text) - 1)
        assert found is not None and found.outlet == "Axios"
    # Without the reporter named, the sentence names its own source.
    own = tass.replace("According to the reporter, ", "")
    at = own.index("Israel")
    assert relay_in(own, at, len(own) - 1) is None


def test_a_wire_dateline_makes_the_article_a_relay() -> None:
    text = "May 21, 2025 (Mainichi Japan) WASHINGTON (AP) -- President Donald Trump has"
    found = wire_credit(text)
    assert found is not None and found.outlet == "Associated Press"
    assert wire_credit("KYIV (Reuters) - Russia launched") is not None
    assert wire_credit("An AP reporter was in Kyiv (AP photo)") is None


@pytest.mark.parametrize("credit", WIRE_CREDITS, ids=lambda c: c.name)
def test_every_wire_credit_example_names_its_agency(credit) -> None:  # type: ignore[no-untyped-def]
    found = wire_credit(credit.example)
    assert found is not None and found.outlet in ("Associated Press", "Reuters")


def test_a_wire_credit_makes_the_article_a_relay_unless_it_mixes_its_own_reporting() -> None:
    # CBC runs AP's story: AP's interview is in it.
    cbc = ("Russia launched 298 drones and 69 missiles of various types, including "
           "Iranian-designed Shahed drones, he told The Associated Press.")  # fmt: skip
    found = wire_credit(cbc)
    assert found is not None and found.outlet == "Associated Press"
    fox = "Moscow by Russia. Reuters contributed to this report. Fox News' Antisemitism Exposed"
    assert wire_credit(fox) is not None
    # Fox's own story, with its staff's reporting beside AP's, is Fox's.
    mixed = (f"{cbc} Fox News Digital\u2019s Andrea Margolis and The Associated Press "
             "contributed to this report.")  # fmt: skip
    assert wire_credit(mixed) is None
    # A live page gathers passages from everywhere; a photo credit credits a photo.
    live = (
        "https://www.independent.co.uk/news/world/europe/ukraine-russia-war-map-live-b2757930.html"
    )
    assert wire_credit("sources told Reuters on Monday.", live) is None
    assert wire_credit("Kyiv, Sunday, May 25, 2025. (AP Photo/Efrem Lukatsky) He said") is None


@pytest.mark.parametrize("credit", STAFF_CREDITS, ids=lambda c: c.name)
def test_another_outlets_staff_credited_makes_the_article_a_relay(credit) -> None:  # type: ignore[no-untyped-def]
    found = wire_credit(credit.example)
    assert found is not None and found.outlet == "CNN"
    # Egypt Independent (26 May) runs CNN's story.
    egypt = (
        "This story has been updated. CNN\u2019s Kit Maher and Ivana Kottasov\u00e1 contributed "
        "to this report."
    )
    found = wire_credit(egypt)
    assert found is not None and found.outlet == "CNN"


def test_a_medium_is_a_relay_only_when_it_is_an_outlet() -> None:
    relay = medium_relay("TASS")
    assert relay is not None and relay.outlet == "TASS"
    assert medium_relay("Telegram") is None
    assert medium_relay("Truth Social") is None
    assert medium_relay(None) is None


def _carrier(article: str, fam: str, original: str | None = None, relay: str = "") -> Carrier:
    found = relay_in(relay, 0, len(relay)) if relay else None
    return Carrier(article, fam, original or article, found, label=fam)


def test_copies_families_and_relays_add_no_source() -> None:
    carriers = [
        _carrier("dw1", "dw"),
        _carrier("dw2", "dw", original="dw1"),  # the dw-eu feed's copy
        _carrier("bbc1", "bbc"),
        _carrier("bbc2", "bbc"),  # another BBC desk
        _carrier("fox1", "foxnews", relay="Zelensky said, RT reported."),
        _carrier("jp1", "jpost", relay="the strike killed 12, according to Reuters"),
        _carrier("tr1", "tribune", original="bbc1"),  # a translation of the BBC story
        _carrier("ind1", "independent"),
    ]
    judged = judge(carriers)
    assert [j.independent for j in judged] == [True, False, True, False, False, False, False, True]
    reasons = [j.reason for j in judged]
    assert reasons[0] == "first appearance"
    assert reasons[1] == "copy of dw1 (dw)"
    assert reasons[3] == "same outlet family (bbc) as bbc1 (bbc)"
    assert reasons[4] == "relays RT ('RT reported')"
    assert reasons[5] == "relays Reuters ('according to Reuters')"
    assert reasons[6] == "copy of bbc1 (bbc)"
    assert reasons[7] == "own report"
    assert judged[1].after == "dw1" and judged[4].after is None
    assert independent_sources(carriers) == 3


def test_the_first_appearance_counts_even_when_it_relays() -> None:
    carriers = [
        _carrier("tn1", "tn", relay="Jaishankar said, TASS reported."),
        _carrier("tass1", "tass"),
        _carrier("dw1", "dw", relay="Jaishankar told TASS."),
    ]
    judged = judge(carriers)
    assert judged[0].independent and judged[0].reason.startswith("first appearance (relays TASS")
    assert not judged[1].independent
    assert judged[1].reason == "the outlet tn1 (tn) relays (TASS)"
    assert not judged[2].independent and judged[2].reason.startswith("relays TASS")


def test_an_outlets_own_interview_is_no_relay() -> None:
    carriers = [_carrier("dw1", "dw"), _carrier("tass1", "tass", relay="Lavrov told TASS.")]
    assert [j.independent for j in judge(carriers)] == [True, True]
    assert judge(carriers)[1].reason == "own report"


def test_carriers_from_stored_fields() -> None:
    url = "https://www.dw.com/en/merz/a-72625600?maca=en-rss-en-{}"
    first = carrier_of("a", url.format("all"), "dw")
    copy = carrier_of("b", url.format("eu"), "dw-eu", duplicate_of="a")
    other = carrier_of("c", "https://tass.com/politics/1", "tass")
    assert (first.family, first.original, copy.original, other.family) == ("dw", "a", "a", "tass")
    assert [j.reason for j in judge([first, copy, other])] == [
        "first appearance",
        "copy of a (dw)",
        "own report",
    ]
