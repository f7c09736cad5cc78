"""The corpus-learned furniture (clean/boilerplate.py): what recurs across one outlet's
unrelated articles at an edge, or speaks to the reader, goes; repeated news stays."""

from __future__ import annotations

import random

from storyline.clean.boilerplate import learn, look, survey
from storyline.clean.profiles import Pattern, apply, index

TOPICS = {
    "football": "striker goal league match coach stadium penalty season transfer midfielder "
    "keeper referee derby trophy fans",
    "weather": "storm rainfall flooding forecast temperatures heatwave drought gusts thunder "
    "meteorologists humidity warning coastline tornado",
    "markets": "shares investors earnings dividend inflation bonds quarterly revenue profits "
    "traders currency index merger analysts",
    "science": "researchers telescope molecules laboratory experiment species genome fossils "
    "particles microscope asteroid vaccine neurons",
    "courts": "judge prosecutors verdict testimony jury appeal defendant lawyers sentencing "
    "hearing evidence acquittal indictment",
    "farming": "harvest wheat tractors livestock fertiliser orchards irrigation cattle barley "
    "farmers pastures vineyards poultry",
}


def story(topic: str, seed: int, sentences: int = 8) -> str:
    """A text about one topic: sentences of that topic's words (unrelated across topics)."""
    rng = random.Random(f"{topic}{seed}")
    vocab = TOPICS[topic].split()
    out = []
    for _ in range(sentences):
        words = rng.sample(vocab, 7)
        out.append(f"The {words[0]} and the {words[1]} {words[2]} near {' '.join(words[3:])}.")
    return " ".join(out)


NAV = "Home World Business Sport Culture Opinion Video Podcasts Newsletters Weather Live"
PROMO = "Sign up for our morning newsletter to get the news you need before breakfast."
TAIL_PROMO = "Listen to our daily podcast on the stories of the day wherever you get podcasts."
QUOTE = '"We will not give up a single metre of our land," the minister told reporters.'


def test_a_navigation_header_on_unrelated_articles_is_furniture_at_the_head() -> None:
    items = [(f"a{i}", f"{NAV} {story(t, i)}") for i, t in enumerate(TOPICS)]
    patterns = learn("example.com", items)
    assert [p.position for p in patterns] == ["head"]
    assert patterns[0].text == NAV
    assert "unrelated" in patterns[0].reason
    text, removed = apply(items[0][1], index(patterns))
    assert text == story("football", 0)
    assert removed == [NAV] and removed[0].reason == patterns[0].reason


def test_a_promo_addressed_to_the_reader_goes_wherever_it_is() -> None:
    items = [
        (f"a{i}", f"{story(t, i, 4)} {PROMO} {story(t, i + 10, 4)}")
        for i, t in enumerate(list(TOPICS)[:4])
    ]
    patterns = learn("example.com", items)
    assert [(p.position, p.text) for p in patterns] == [("any", PROMO.rstrip("."))]
    # A later article, in a later batch, loses it too, and its sentences close up.
    later = f"{story('farming', 99, 3)} {PROMO} {story('farming', 98, 3)}"
    text, removed = apply(later, index(patterns))
    assert text == f"{story('farming', 99, 3)} {story('farming', 98, 3)}"
    assert removed == [PROMO]


def test_a_quote_repeated_in_related_articles_stays() -> None:
    # Four stories on one event: the same quote mid-text and as the last sentence.
    items = [
        (f"a{i}", f"{story('courts', i)} {QUOTE} {story('courts', i + 20, 3)}") for i in range(4)
    ]
    items += [(f"b{i}", f"{story('courts', i + 40)} {QUOTE}") for i in range(4)]
    assert learn("example.com", items) == []


def test_a_background_sentence_in_the_middle_of_unrelated_articles_stays() -> None:
    background = (
        "The war began in February 2022 when troops crossed the border from three directions."
    )
    # (In the middle: more running text after it than a tail carousel of blurbs holds.)
    items = [
        (f"a{i}", f"{story(t, i, 4)} {background} {story(t, i + 5, 12)}")
        for i, t in enumerate(TOPICS)
    ]
    groups = survey("example.com", items)
    assert groups and all(g.why is None for g in groups)
    assert learn("example.com", items) == []


def test_near_copies_count_once() -> None:
    # One story published by three feeds of the same site, plus one other article.
    copy = f"{NAV} {story('markets', 1)}"
    items = [("a1", copy), ("a2", copy), ("a3", copy + " Updated."), ("a4", story("science", 2))]
    assert learn("example.com", items) == []


def test_a_dateline_is_never_furniture() -> None:
    items = [(f"a{i}", f"MOSCOW, May 26. /TASS/. {story(t, i)}") for i, t in enumerate(TOPICS)]
    assert learn("tass.com", items) == []


def test_tail_furniture_is_removed_only_at_the_tail() -> None:
    items = [(f"a{i}", f"{story(t, i)} {TAIL_PROMO}") for i, t in enumerate(TOPICS)]
    items[0] = (
        "a0",
        f"{story('football', 0)} Listen to our daily podcast on the stories of the day",
    )
    patterns = learn("example.com", items)
    assert {p.position for p in patterns} == {"any"}  # it addresses the reader
    headlines = "Storm floods coastline as farmers count losses after harvest ruined by rainfall"
    items = [(f"a{i}", f"{story(t, i)} {headlines}") for i, t in enumerate(TOPICS)]
    patterns = learn("example.com", items)
    assert [p.position for p in patterns] == ["tail"]
    # The same words opening a story are that story's own headline: kept.
    own = f"{headlines}. {story('weather', 50)}"
    assert apply(own, index(patterns)) == (own, [])
    text, removed = apply(f"{story('science', 51)} {headlines}", index(patterns))
    assert text == story("science", 51) and removed == [headlines]


def test_a_blurb_of_a_tail_carousel_is_furniture_at_the_tail() -> None:
    """The BBC closes its pages with blurbs of other stories: one carried by several
    unrelated pages is furniture at the tail although blurbs only one page carries come
    after it (they stay: they cannot be told from the article's own last sentences)."""
    teaser = (
        "Putin's spokesman Dmitry Peskov said there was \"emotional overload at this "
        "important moment\" after Trump's comments."
    )
    blurbs = [
        "Police said the man was having a medical crisis.",
        "Volunteer Chris Garrett, 40, died in an incident in Izyum.",
        "The state department is imposing new sanctions because of the findings.",
        "A Russian couple shared information about Russian forces in their town.",
    ]
    items = [
        (f"a{i}", f"{story(t, i)} {teaser} {blurbs[i]}") for i, t in enumerate(list(TOPICS)[:4])
    ]
    patterns = learn("bbc.com", items)
    assert [(p.position, p.text) for p in patterns] == [("tail", teaser.rstrip("."))]
    closing = f"{blurbs[0]} {blurbs[2]}"
    text, removed = apply(f"{story('science', 60)} {teaser} {closing}", index(patterns))
    assert text == f"{story('science', 60)} {closing}" and removed == [teaser]
    # Followed by more running text than blurbs make, it is the article's own: kept.
    own = f"{story('science', 61, 3)} {teaser} {story('science', 62, 12)}"
    assert apply(own, index(patterns)) == (own, [])
    # Part of a sentence is no blurb: the opening of one outlet's closing line ("Fox News
    # Digital has reached out to ...") before short sentences stays.
    reached = "Fox News Digital has reached out"
    items = [
        (f"a{i}", f"{story(t, i)} {reached} to the {t} office for comment. {blurbs[i]}")
        for i, t in enumerate(list(TOPICS)[:4])
    ]
    assert learn("foxnews.com", items) == []


def test_paragraph_breaks_survive_a_cut() -> None:
    pattern = Pattern("example.com", " ".join(NAV.lower().split()), NAV, "any", "why", 5, 0.0)
    text = f"{story('football', 1, 2)}\n\n{NAV}\n\n{story('football', 2, 2)}"
    clean, removed = apply(text, index([pattern]))
    assert clean == f"{story('football', 1, 2)}\n\n{story('football', 2, 2)}"
    assert removed == [NAV]


def test_learning_is_deterministic() -> None:
    items = [(f"a{i}", f"{NAV} {story(t, i)} {PROMO}") for i, t in enumerate(TOPICS)]
    assert learn("example.com", items) == learn("example.com", list(items))


def test_look() -> None:
    assert look("CLICK HERE TO GET THE FOX NEWS APP") == "an all-caps promo"
    assert look("To view this video please enable JavaScript") == "addresses the reader"
    assert look('"Will you join us?" the minister asked') is None  # "you" in a quote
    assert look("Greg Wehner is a breaking news reporter for Fox News Digital") == (
        "a byline or author bio"
    )


def test_a_header_in_pieces_goes_whole() -> None:
    # Two recurring headline lists with a short sentence between them that only some
    # pages carry (Le Monde: "... 'You instilled fear. But the passage of time ...").
    second = "Glide bombs make cheap weapons How does the conclave pick the new pope World expos"
    items = [
        (f"a{i}", f"{NAV} {'Fear returns.' if i % 2 else 'Hope returns.'} {second} {story(t, i)}")
        for i, t in enumerate(TOPICS)
    ]
    patterns = learn("example.com", items)
    text, removed = apply(items[1][1], index(patterns))
    assert text == story("weather", 1)
    assert removed == [f"{NAV} Fear returns. {second}"]


def test_a_text_that_is_all_pattern_keeps_every_word() -> None:
    # An outlet's wire brief, run again and again, is the article, not furniture on it.
    pattern = Pattern("example.com", " ".join(NAV.lower().split()), NAV, "any", "why", 5, 0.0)
    assert apply(f"{NAV}. {NAV}.", index([pattern])) == (f"{NAV}. {NAV}.", [])
