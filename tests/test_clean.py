"""Cleaning on the real seeds, case by case, and the text-header metadata."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import seed_path
from storyline.clean import EmptyArticle, build_article, clean_text
from storyline.schema import Article, RawDocument

_WORD = re.compile(r"\w+")


def words(*texts: str | None) -> Counter[str]:
    return Counter(w for t in texts for w in _WORD.findall(t or ""))


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def raw_text(prefix: str) -> str:
    return seed_path(prefix).read_text("utf-8")


def text_doc(text: str, fmt: str = "text", key: str = "k", **meta: str) -> RawDocument:
    return RawDocument(source="test", key=key, text=text, meta=dict(meta), fmt=fmt)


# --- every seed ------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_nothing_is_lost(seed_articles, prefix):
    """Every word of the input is in the title, the text or the removed pieces."""
    a = seed_articles[prefix]
    assert words(raw_text(prefix)) == words(a.title, a.text, *a.removed)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_paragraph_layout(seed_articles, prefix):
    a = seed_articles[prefix]
    assert a.text == a.text.strip()
    assert "\n\n\n" not in a.text
    for para in paragraphs(a):
        assert para and para == para.strip() and "\n" not in para
        assert "](" not in para and not para.startswith("#")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_english_without_invented_dates(seed_articles, prefix):
    a = seed_articles[prefix]
    assert a.language == "en"
    if prefix != "000":  # only seed 000 states a date
        assert a.published is None and a.published_basis is None


# --- seed 000: the metadata line glued to the first sentence ------------------


def test_seed000_date_line(seed_articles):
    a = seed_articles["000"]
    assert a.published == "2025-02-05"
    assert a.published_basis == "header"
    assert a.text.startswith("US President Donald Trump said that the United States")
    assert "2025-02-05" not in a.text and "date 2025" not in a.text
    assert a.title is None  # the first line is a sentence, not a headline


def test_seed000_keeps_every_paragraph(seed_articles):
    paras = paragraphs(seed_articles["000"])
    # 17 blocks in the file, none of them junk; the subheadings stay on their own.
    assert len(paras) == 17
    assert paras[1] == "Details" and "Previously" in paras and "Addendum" in paras
    assert paras[-1].endswith("returning to the battlefield after treatment.")


# --- seed 001: headline and cookie banner -----------------------------------


def test_seed001_title_and_cookie_banner(seed_articles):
    a = seed_articles["001"]
    assert a.title == "Trump Advocates for Ukraine Ceasefire Following Meeting with Zelensky"
    assert a.text.startswith("US President-elect Donald Trump has called")
    assert "cookies" not in a.text and "Accept Read More" not in a.text
    assert a.text.endswith(
        "Mr. Zelensky reported that 43,000 soldiers have been killed and around 370,000 "
        "wounded during the war."
    )
    assert any(r.startswith("This website uses cookies") for r in a.removed)
    assert len(paragraphs(a)) == 11


# --- seed 002: close buttons, captions with glued credits, comment form -------


def test_seed002_close_buttons_and_headline(seed_articles):
    a = seed_articles["002"]
    assert a.title == (
        "Trump has the meeting with Putin back, demanding direct discussions about Ukraine Russia"
    )
    assert not re.search(r"(?im)^close$", a.text)
    assert a.text.startswith("President Donald Trump and his Russian counterpart")


def test_seed002_captions_and_credits(seed_articles):
    a = seed_articles["002"]
    for junk in ("Reuters", "Getty Images", "Valentyn Ogirenko", "A house that was badly damaged"):
        assert junk not in a.text
    assert "shake hands before a meeting in Helsinki" not in a.text
    # The sentences around the captions survive.
    assert "Trump has previously threatened." in a.text
    assert "“Tomorrow President Putin has to prove" in a.text
    assert "NBC News did not review the numbers cited by Trump independently." in a.text
    assert "Apparently Trump referred to his planned call with Putin" in a.text
    assert any("Valentyn Ogirenko / Reuters" in r for r in a.removed)


def test_seed002_comment_form(seed_articles):
    a = seed_articles["002"]
    assert "Leave a Comment" not in a.text
    assert a.text.endswith("According to Ukraine, these requirements are unacceptable.")
    assert len(paragraphs(a)) == 26


# --- seed 003: Source link and everything after it ----------------------------


def test_seed003_tail(seed_articles):
    a = seed_articles["003"]
    assert a.title == "Trump says US officials on way to Moscow for Ukraine talks"
    assert a.text.endswith(
        "he said: “In the most difficult situation, my priority has been and remains saving "
        "the lives of Ukrainian soldiers.”"
    )
    for junk in (
        "Source link",
        "Related Posts",
        "Leave a Reply",
        "Your email address",
        "You Missed",
        "Brentford",
        "Wynn-Williams",
        "Grijalva",
    ):
        assert junk not in a.text
    # An editorial insertion in square brackets is not a Markdown link.
    assert "“ball is truly in their [Russia’s] court”" in a.text
    assert len(paragraphs(a)) == 26


# --- seed 004: Markdown, standfirst, links, captions, newsletter, hard wraps --


def test_seed004_markdown_head(seed_articles):
    a = seed_articles["004"]
    assert a.title == "Trump calls for 'immediate ceasefire' in Ukraine after meeting Zelenskyy"
    assert a.text.startswith("Donald Trump has called for an immediate ceasefire in Ukraine")
    assert "US president-elect claims Kyiv" not in a.text
    assert any(r.startswith("US president-elect claims Kyiv") for r in a.removed)
    for junk in ("4 min. read", "View original", "---"):
        assert junk not in a.text


def test_seed004_link_debris(seed_articles):
    text = seed_articles["004"].text
    assert "a day after meeting the Ukrainian president, Volodymyr Zelenskyy, in Paris" in text
    assert "[" not in text.replace("[Trump]", "") and "](#)" not in text
    assert "The news site Axios reported that the French president" in text
    assert "if Vladimir Putin refused to engage" in text


def test_seed004_captions_and_newsletter(seed_articles):
    a = seed_articles["004"]
    for junk in (
        "Photograph:",
        "Senovilla",
        "skip past newsletter",
        "after newsletter promotion",
        "Wounded Ukrainian soldiers are evacuated",
        "A volunteer paramedic",
    ):
        assert junk not in a.text
    # The caption's date is kept for whoever wants a lower bound on publication.
    assert any("6 December 2024" in r for r in a.removed)
    assert "Zelenskyy said on Sunday that 43,000 Ukrainian soldiers had been killed" in a.text


def test_seed004_hard_wraps_joined(seed_articles):
    text = seed_articles["004"].text
    assert "Trump has already appointed the retired army general Keith Kellogg" in text
    assert "the Biden administration had disastrous consequences" in text
    assert "Putin also wants a ban on Ukraine joining Nato, as well as its disarmament." in text
    assert "replenish ranks. This has led to the US administration" in text
    assert len(paragraphs(seed_articles["004"])) == 17


# --- text headers --------------------------------------------------------------


def test_front_matter():
    a = build_article(
        text_doc(
            '---\ntitle: "Kyiv says talks will resume"\ndate: 2025-03-12T09:30:00+02:00\n'
            "url: https://www.bbc.co.uk/news/world-europe-1\nauthor: Jane Doe\n---\n\n"
            "Kyiv says talks will resume\n\nUkraine's foreign minister said on Wednesday that "
            "talks with the United States would resume next week in Jeddah.",
            fmt="markdown",
        )
    )
    assert a.title == "Kyiv says talks will resume"
    assert a.published == "2025-03-12" and a.published_basis == "metadata"
    assert a.url == "https://www.bbc.co.uk/news/world-europe-1"
    assert a.outlet == "bbc.co.uk"  # the URL's registered domain
    assert a.author == "Jane Doe"
    assert a.text.startswith("Ukraine's foreign minister said on Wednesday")


def test_trafilatura_front_matter():
    """The header trafilatura itself writes with --with-metadata (hostname before sitename)."""
    a = build_article(
        text_doc(
            "---\ntitle: Peace talks stall\nauthor: Olena Kovalenko\n"
            "url: https://www.pravda.com.ua/eng/news/2025/05/21/1/\nhostname: pravda.com.ua\n"
            "description: Talks stall\nsitename: Ukrainska Pravda\ndate: 2025-05-21\n"
            "categories: ['news']\n---\n"
            "Peace talks stalled on Wednesday, officials in Kyiv said.",
            fmt="markdown",
        )
    )
    assert (a.title, a.outlet, a.author) == (
        "Peace talks stall",
        "Ukrainska Pravda",
        "Olena Kovalenko",
    )
    assert a.published == "2025-05-21" and a.published_basis == "metadata"
    assert a.text == "Peace talks stalled on Wednesday, officials in Kyiv said."


def test_markdown_rule_is_not_front_matter():
    a = build_article(
        text_doc(
            "---\n\nThe talks ended without agreement, officials said on Tuesday evening.\n\n"
            "Both sides promised to meet again.",
            fmt="markdown",
        )
    )
    assert a.title is None and a.published is None
    assert a.text.startswith("The talks ended without agreement")


def test_markdown_titles():
    body = "Officials met in Riyadh on Monday for a second round of talks.\n\nNo deal was reached."
    atx = build_article(text_doc(f"# Talks in Riyadh\n\n{body}", fmt="markdown"))
    setext = build_article(text_doc(f"Talks in Riyadh\n===============\n\n{body}", fmt="markdown"))
    for a in (atx, setext):
        assert a.title == "Talks in Riyadh"
        assert a.text == body
    # Headings with no blank line under them stay paragraphs of their own.
    tight = build_article(
        text_doc(f"# Talks in Riyadh\n{body}\n## Next steps\nMore talks.", "markdown")
    )
    assert tight.title == "Talks in Riyadh"
    assert tight.text == f"{body}\n\nNext steps\n\nMore talks."


def test_metadata_line_with_url_and_spelled_date():
    a = build_article(
        text_doc(
            "url https://kyivindependent.com/x published February 5, 2025 Russia launched "
            "dozens of drones overnight, the air force said.\n\nMost were shot down."
        )
    )
    assert a.published == "2025-02-05" and a.published_basis == "header"
    assert a.url == "https://kyivindependent.com/x" and a.outlet == "kyivindependent.com"
    assert a.text.startswith("Russia launched dozens of drones overnight")


def test_byline_and_date_line_under_the_headline():
    a = build_article(
        text_doc(
            "Kyiv hit by drones\n\nBy Jane Doe and John Smith\n\n"
            "Published 5 February 2025 10:30 GMT\n\n"
            "Russia launched 120 drones overnight, the air force said.\n\nMost were shot down."
        )
    )
    assert a.title == "Kyiv hit by drones"
    assert a.author == "Jane Doe and John Smith"
    assert a.published == "2025-02-05" and a.published_basis == "header"
    assert a.text.startswith("Russia launched 120 drones overnight")
    # A byline alone at the top is not a headline.
    alone = build_article(
        text_doc("By Jane Doe\n\nRussia launched drones overnight, officials said.")
    )
    assert alone.title is None and alone.author == "Jane Doe"


def test_first_sentence_is_not_taken_for_a_headline():
    text = (
        "Russia launched 120 drones overnight, Ukraine's air force said.\n\n"
        "Most of them were shot down over the Kyiv region, officials added on Sunday."
    )
    a = build_article(text_doc(text))
    assert a.title is None
    assert a.text == text


def test_container_metadata_wins_and_dates_are_normalised():
    a = build_article(
        text_doc(
            "date 2025-02-05 Kyiv was attacked again overnight, officials said.\n\nMore to come.",
            published="Thu, 06 Feb 2025 01:15:00 +0200",
            title="Kyiv attacked",
            language="en-GB",
        )
    )
    assert a.published == "2025-02-06" and a.published_basis == "metadata"
    assert a.title == "Kyiv attacked"
    assert a.language == "en"
    assert a.text.startswith("Kyiv was attacked again overnight")


def test_repeated_container_title_is_dropped_from_text():
    a = build_article(
        text_doc("Kyiv attacked\n\nKyiv was attacked again overnight.", title="Kyiv attacked")
    )
    assert a.title == "Kyiv attacked" and a.text == "Kyiv was attacked again overnight."


def test_unparseable_or_ambiguous_dates_are_null():
    for value in ("yesterday", "03/04/2025", "sometime in 2025"):
        a = build_article(text_doc("Kyiv was attacked again overnight.", published=value))
        assert a.published is None and a.published_basis is None


# --- junk rules, precision ----------------------------------------------------


def test_caption_rule_keeps_real_paragraphs():
    text = (
        "Zelenskyy said on Sunday that 43,000 soldiers had been killed, his office "
        "reported.Valentyn Ogirenko / Reuters\n\n"
        "“We will not give up,” he told reporters in Kyiv on Sunday evening.\n\n"
        "Photograph: Maria Senovilla/EPA\n\n"
        "The talks continue."
    )
    clean, removed = clean_text(text)
    assert clean.split("\n\n") == [
        "Zelenskyy said on Sunday that 43,000 soldiers had been killed, his office reported.",
        "“We will not give up,” he told reporters in Kyiv on Sunday evening.",
        "The talks continue.",
    ]
    assert removed == ["Valentyn Ogirenko / Reuters", "Photograph: Maria Senovilla/EPA"]


def test_article_about_cookies_is_not_a_banner():
    text = (
        "EU regulators said that every site which uses cookies must ask before storing them.\n\n"
        "This website uses cookies to improve your experience. Accept"
    )
    clean, removed = clean_text(text)
    assert clean == text.split("\n\n")[0]
    assert removed == ["This website uses cookies to improve your experience. Accept"]


def test_related_widget_mid_article_keeps_following_prose():
    text = (
        "Talks resumed in Geneva on Monday.\n\nRelated Articles\n\n"
        "Ukraine war: what we know on day 1,000\n\nThe talks are expected to last two days."
    )
    clean, removed = clean_text(text)
    assert clean == "Talks resumed in Geneva on Monday.\n\nThe talks are expected to last two days."
    assert removed == ["Related Articles", "Ukraine war: what we know on day 1,000"]


def test_hard_wrap_rules():
    text = (
        "Background\n\nThe ceasefire was agreed after months of talks between the two sides and "
        "their allies in the\n\nMiddle East, officials said.\n\nIt did not hold,\n\n"
        "and fighting resumed."
    )
    clean, _ = clean_text(text)
    assert clean.split("\n\n") == [
        "Background",
        "The ceasefire was agreed after months of talks between the two sides and their allies "
        "in the Middle East, officials said.",
        "It did not hold, and fighting resumed.",
    ]


def test_markdown_link_and_image_debris():
    clean, removed = clean_text(
        'Trump [has already](https://example.com/a "t") appointed ![Kellogg at a rally](k.jpg)'
        "Keith Kellogg as **envoy**."
    )
    assert clean == "Trump has already appointed Keith Kellogg as envoy."
    assert removed == ["Kellogg at a rally"]


# --- HTML --------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Zelensky says 43,000 soldiers killed | The Kyiv Ledger</title>
<meta property="og:title" content="Zelensky says 43,000 soldiers killed">
<meta property="og:site_name" content="The Kyiv Ledger">
<meta property="article:published_time" content="2024-12-08T18:05:00+02:00">
<meta name="author" content="Olena Kovalenko">
<link rel="canonical" href="https://kyivledger.example.com/news/zelensky-losses">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><article>
<h1>Zelensky says 43,000 soldiers killed</h1>
<p>Ukrainian President Volodymyr Zelensky said on Sunday that 43,000 Ukrainian soldiers had been
killed since the start of Russia's full-scale invasion, a rare public figure.</p>
<p>He said 370,000 soldiers had been wounded, about half of whom had returned to service after
treatment, and that Russian losses were far higher than Ukraine's.</p>
<figure><img src="a.jpg"><figcaption>Soldiers near Pokrovsk. Photograph: Anatolii Stepanov/AFP
</figcaption></figure>
<p>The figure came a day after Zelensky met Donald Trump in Paris, where the US president-elect
called for an immediate ceasefire and negotiations to end the war.</p>
<p>Neither Kyiv nor Moscow regularly publishes casualty figures, and western estimates have been
considerably higher than the numbers Zelensky gave.</p>
</article></main>
<section class="comments"><h2>Comments</h2><p>Great article, thanks for sharing this news!</p>
</section>
<footer>© 2024 The Kyiv Ledger. All rights reserved. Privacy policy. Contact us.</footer>
</body></html>"""


def test_html_page():
    a = build_article(RawDocument(source="page.html", key="page.html", html=PAGE, fmt="html"))
    assert a.title == "Zelensky says 43,000 soldiers killed"
    assert a.outlet == "The Kyiv Ledger"
    assert a.published == "2024-12-08" and a.published_basis == "html"
    assert a.author == "Olena Kovalenko"
    assert a.url == "https://kyivledger.example.com/news/zelensky-losses"
    assert a.language == "en"
    paras = paragraphs(a)
    assert paras[0].startswith("Ukrainian President Volodymyr Zelensky said on Sunday")
    assert paras[-1].endswith("than the numbers Zelensky gave.")
    assert len(paras) == 4
    for junk in ("Great article", "All rights reserved", "Home", "Photograph"):
        assert junk not in a.text


def test_html_page_with_container_url_and_published():
    a = build_article(
        RawDocument(
            source="https://example.org/x",
            key="https://example.org/x",
            html=PAGE,
            meta={"url": "https://example.org/x", "published": "2024-12-09"},
            fmt="html",
        )
    )
    assert a.url == "https://example.org/x"
    assert a.published == "2024-12-09" and a.published_basis == "metadata"


def test_html_without_main_text():
    page = "<html><head><title>Login</title></head><body><nav>Home</nav></body></html>"
    with pytest.raises(EmptyArticle, match="no main text"):
        build_article(RawDocument(source="x.html", key="x.html", html=page, fmt="html"))


# --- empty input, language, determinism ----------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n\t", "close\n\nLeave a Reply\n\nSource link"])
def test_empty_article(text):
    with pytest.raises(EmptyArticle):
        build_article(text_doc(text))


def test_non_english_text():
    german = build_article(
        text_doc(
            "Der ukrainische Präsident Wolodymyr Selenskyj hat nach dem Treffen mit Donald Trump "
            "in Paris erklärt, dass es ohne Sicherheitsgarantien keinen Frieden geben könne. Die "
            "Gespräche seien konstruktiv gewesen, sagte er am Sonntag in einer Videobotschaft."
        )
    )
    ukrainian = build_article(
        text_doc(
            "Президент України Володимир Зеленський заявив, що мир неможливий без гарантій "
            "безпеки. Він зустрівся з Дональдом Трампом у Парижі, і розмова була конструктивною, "
            "повідомили в Офісі президента у неділю ввечері."
        )
    )
    assert german.language == "de"
    assert ukrainian.language == "uk"


def test_too_little_text_has_no_language():
    assert build_article(text_doc("Kyiv, Sunday.")).language is None


def test_build_article_is_deterministic():
    raw = RawDocument(source="s", key="k", text=raw_text("004"), fmt="markdown")
    first, second = build_article(raw), build_article(raw)
    assert first == second
    assert first.id == build_article(RawDocument(source="other", key="k", text="Other text.")).id
    assert first.id != build_article(RawDocument(source="s", key="k2", text=raw.text)).id
    assert (
        first.content_hash
        != build_article(
            RawDocument(source="s", key="k", text=raw_text("004") + "\n\nOne more sentence.")
        ).content_hash
    )


# --- furniture glued into flattened page text (news-dumpster RSS scrapes) -------


def test_furniture_sentences_in_running_text():
    text = (
        "Russia-Ukraine War Advertisement Supported by Kyiv said on Monday that talks would "
        "resume. “We are ready,” the foreign minister said. Copyright 2025 BBC. All rights "
        "reserved. The BBC is not responsible for the content of external sites. Read about our "
        "approach to external linking."
    )
    clean, removed = clean_text(text)
    assert (
        clean
        == "Kyiv said on Monday that talks would resume. “We are ready,” the foreign minister said."
    )
    assert removed == [
        "Russia-Ukraine War Advertisement Supported by",
        "Copyright 2025 BBC. All rights reserved.",
        "The BBC is not responsible for the content of external sites.",
        "Read about our approach to external linking.",
    ]


def test_reporting_about_advertisements_and_copyright_is_kept():
    text = (
        "The advertisement was supported by the ministry, officials said. The court ruled that "
        "copyright in the film was held by the studio and that all rights were reserved to it."
    )
    assert clean_text(text) == (text, [])


FURNITURE = (
    "This material may not be published",
    "All rights reserved",
    "All Rights Reserved",
    "is not responsible for the content of external sites",
    "Thank you for your patience while we verify access",
    "You've successfully subscribed",
    "Market data provided by",
)


def test_news_dumpster_furniture():
    from conftest import SHARED
    from storyline.read.records import read_records

    path = SHARED / "data" / "news-dumpster-2025" / "dedupe0521.jsonl.gz"
    checked = Counter()
    for raw in read_records(path, str(path)):
        if not isinstance(raw, RawDocument):
            continue
        outlet = (raw.meta.get("outlet") or "").split("-")[0]
        if outlet not in ("fox", "bbc", "nyt", "cnbc") or checked[outlet] >= 5:
            continue
        checked[outlet] += 1
        a = build_article(raw)
        assert words(raw.text) == words(a.text, *a.removed), raw.source
        for phrase in FURNITURE:
            assert phrase not in a.text, (raw.source, phrase)
        assert len(a.text) > 0.5 * len(raw.text) - 1500, raw.source
    assert all(checked[o] == 5 for o in ("fox", "bbc", "nyt", "cnbc")), checked


# --- properties ------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_clean_text_is_idempotent_on_seeds(seed_articles, prefix):
    text = seed_articles[prefix].text
    assert clean_text(text) == (text, [])


_ALPHABET = "abc XYZ.,;:!?\"“”'’-–—•*#_/\n\t0123456789"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=400))
def test_clean_text_keeps_words_and_layout(text):
    clean, removed = clean_text(text)
    assert "\n\n\n" not in clean and clean == clean.strip()
    assert all(p == p.strip() and "\n" not in p for p in clean.split("\n\n") if clean)
    assert words(text) == words(clean, *removed)


def test_trafilatura_text_output_roundtrip():
    """A .md file saved by `trafilatura --with-metadata`: front matter, title line, one
    paragraph per line (no blank lines)."""
    import trafilatura

    saved = trafilatura.extract(PAGE, with_metadata=True, include_comments=False)
    assert saved and "\n\n" not in saved
    a = build_article(text_doc(saved, fmt="markdown"))
    assert a.title == "Zelensky says 43,000 soldiers killed"
    assert a.outlet == "The Kyiv Ledger"
    assert a.published == "2024-12-08" and a.published_basis == "metadata"
    assert a.text == build_article(RawDocument(source="p", key="p", html=PAGE, fmt="html")).text
    assert len(paragraphs(a)) == 4
