"""Claims across articles: which statements and figures are one claim, and their lineage.

The quotes are real ones from the Russia/Ukraine news of May 2025 (news-dumpster), as
the outlets wrote them; so are the tempting false groupings.
"""

from __future__ import annotations

import dataclasses

from storyline.corpus.claims import words as w
from storyline.corpus.claims.figures import NO_COUNT, Number, same_figure
from storyline.corpus.claims.lineage import (
    Appearance,
    Narration,
    blank_quotes,
    certainty,
    copied_narration,
    lineage,
    narration,
)
from storyline.corpus.claims.match import (
    OBJECT_ACTS,
    UNSOURCED_ACTS,
    Quote,
    initials_meet,
    said_nothing,
    same_quote,
    same_speaker,
    speaker_name,
)
from storyline.corpus.sources import relay_in


def _q(text: str, speaker: str | None, direct: bool = True, day: str = "2025-05-25") -> Quote:
    return Quote(
        f"s{abs(hash((text, speaker)))}", f"a{abs(hash(text))}", text, direct, speaker, day
    )


def test_words_fold_case_punctuation_and_curly_quotes() -> None:
    assert w.words("It’s not our war – it’s Ukraine’s!") == w.words(
        "it's not our war, it's Ukraine's"
    )
    assert w.words("large-scale TRADE") == w.words("largescale trade")
    assert w.fragments("US demands as “excessive and outrageous") == [
        ("excessive", "and", "outrageous")
    ]
    assert w.fragments("Israel’s right, and ‘Trump’s war’ is over") == [("trump", "s", "war")]


def test_index_keys_skip_shingles_of_stop_words_only() -> None:
    assert w.keys(("it", "is", "not")) == set()
    assert len(w.keys(("this", "is", "not", "my", "war"))) == 1


def test_speakers() -> None:
    zelensky = speaker_name("Volodymyr Zelenskyy")
    assert same_speaker(zelensky, speaker_name("Zelensky")) is True
    assert same_speaker(speaker_name("Leo"), speaker_name("Leo XIV")) is True
    assert same_speaker(speaker_name("UN"), speaker_name("United Nations")) is True
    assert same_speaker(zelensky, speaker_name("Ihor Klymenko")) is False
    ministry = speaker_name("Russian Defense Ministry")
    assert same_speaker(ministry, speaker_name("Russia's Defence Ministry")) is True
    assert same_speaker(ministry, speaker_name("Ukrainian Defense Ministry")) is False
    jordan = speaker_name("Jordanian Foreign Affairs Ministry")
    assert same_speaker(jordan, speaker_name("Palestinian Foreign Ministry")) is False
    assert same_speaker(ministry, speaker_name("Igor Konashenkov")) is None
    assert same_speaker(ministry, speaker_name("Russia")) is True
    assert same_speaker(speaker_name("Germany"), speaker_name("Christian Wagner")) is None
    for nobody in ("he", "They", "an Israeli official", "the ministry", "Special Envoy"):
        assert speaker_name(nobody) is None, nobody
    # An outlet is where the words came from, not who said them; so is a platform (DW, 25
    # May: "Ten other people were wounded in the attack, according to a Telegram statement").
    assert speaker_name("Agence France-Presse") is None
    assert speaker_name("Telegram") is None and speaker_name("Truth Social") is None
    # Joint speakers are one speaker in any order, and no one of them alone.
    joint = speaker_name("Russia and China")
    assert same_speaker(joint, speaker_name("China and Russia")) is True
    assert same_speaker(joint, speaker_name("Russia and Iran")) is None
    assert same_speaker(joint, speaker_name("Russia")) is None
    # A name after a description is the name; not one after "of".
    charity = speaker_name("aid group Doctors Without Borders")
    assert charity == ("doctors", "without", "borders")
    assert same_speaker(charity, speaker_name("medical charity Doctors Without Borders, MSF"))
    assert speaker_name("the president of Ukraine") is None


def test_a_quote_in_two_renderings_is_one_claim() -> None:
    nyt = _q(
        "Russia wants to do large-scale trade with the United States when this catastrophic "
        "‘bloodbath’ is over, and I agree",
        "Trump",
    )
    dw = _q(
        "Russia wants to do largescale TRADE with the United States when this catastrophic "
        '"bloodbath" is over',
        "Donald Trump",
        direct=False,
    )
    assert same_quote(nyt, dw) is not None


def test_a_quote_cut_short_is_one_claim_even_when_a_speaker_was_misread() -> None:
    dw = _q("Any threats on diplomats' lives are unacceptable", "Kaja Kallas")
    jpost = _q(
        "Any threats on diplomats’ lives are unacceptable,” she told reporters in Brussels",
        "Agence France-Presse",
        direct=False,
    )
    assert same_quote(dw, jpost) is not None


def test_a_quoted_fragment_inside_a_paraphrase() -> None:
    dw = _q(
        "the EU-Israel Association Agreement is an important forum that we must use in order to "
        'discuss critical questions" over the situation in Gaza',
        "Christian Wagner",
        direct=False,
    )
    lemonde = _q(
        'a key EU-Israel cooperation deal as "an important forum that we must use in order to '
        'discuss critical questions" over the situation in Gaza',
        "Germany",
        direct=False,
    )
    assert same_quote(dw, lemonde) is not None


def test_one_speakers_words_translated_twice() -> None:
    independent = _q(
        "Each such terrorist Russian strike is a sufficient reason for new sanctions "
        "against Russia",
        "Volodymyr Zelensky",
    )
    fox = _q(
        "Every such terrorist Russian strike is reason enough for new sanctions against Russia.",
        "Volodymyr Zelenskyy",
    )
    assert same_quote(independent, fox) is not None
    # The same template with other numbers is another claim.
    cbc = _q(
        "its air defences shot down 110 Ukrainian drones overnight", "Russia's Defence Ministry"
    )
    tass = _q(
        "Russian air defense systems shot down 96 Ukrainian drones overnight above Russian regions",
        "Russia's Defence Ministry",
    )
    assert same_quote(cbc, tass) is None


def test_one_speakers_quote_translated_by_two_outlets_keeps_its_order() -> None:
    """Netanyahu's offer of 21 May as Arutz Sheva and the Jerusalem Post translated it:
    'chance' and 'opportunity', 'bring back' and 'return', 'ready' and 'prepared', but
    a temporary ceasefire for hostages in that order in both."""
    arutz = dataclasses.replace(
        _q("if there is a chance for a temporary ceasefire to bring back hostages, we are "
           "ready for it.", "Benjamin Netanyahu", day="2025-05-21"),
        family="israelnationalnews",
    )  # fmt: skip
    jpost = dataclasses.replace(
        _q("If there is an opportunity for a temporary ceasefire to return hostages, we are "
           "prepared for it", "Benjamin Netanyahu", day="2025-05-21"),
        family="jpost",
    )  # fmt: skip
    assert "translated" in (same_quote(arutz, jpost) or "")
    # Not within one outlet family (its own wording again, not a translation), nor from
    # speakers the names do not make one.
    assert same_quote(arutz, dataclasses.replace(jpost, family="israelnationalnews")) is None
    assert same_quote(arutz, dataclasses.replace(jpost, speaker="Yair Lapid")) is None
    # Two things one speaker said on one occasion share generic words in order ("killing
    # people ... happened"), not what was said: Fox gives both, apart.
    fox = dataclasses.replace(
        _q("He's killing people. And something happened to this guy.", "Donald Trump"),
        family="foxnews",
    )
    egypt = dataclasses.replace(
        _q("He's killing a lot of people, and I don't know what the hell happened to Putin.",
           "Donald Trump"),
        family="egyptindependent",
    )  # fmt: skip
    assert same_quote(fox, egypt) is None


def test_a_statement_carrying_two_quotes_compares_each() -> None:
    # Sentences written for this test: the extractor took two quotes and the narration
    # between them as one statement; the second is another outlet's translation.
    two = _q(
        "The harbour stays closed to every foreign ship this week and customs will review "
        'each cargo request separately," Ivan Example said. '
        "\u201cAs a rule, such inspections are pointless, costly and often harmful.",
        "Ivan Example",
    )
    one = _q(
        "As a rule, such inspections turn out pointless, costly and often damaging",
        "Example",
    )
    assert same_quote(two, one) is not None
    # A split quote is stored with its parts joined by a spaced ellipsis.
    split = _q(two.text.replace('," Ivan Example said. \u201c', " \u2026 "), "Ivan Example")
    assert split.fragments == two.fragments and len(two.fragments) == 2
    assert same_quote(split, one) is not None


def test_one_speakers_fragment_in_other_function_words() -> None:
    # Sentences written for this test: two translations of one speaker's words.
    this = _q('the goal is "removing the deep roots of this conflict" first', "Ivan Example", False)
    the = _q(
        "Moscow sees removing the deep roots of the conflict as its goal", "Ivan Example", False
    )
    assert same_quote(this, the) is not None
    # One word more inside the run ("on the city on"), compared on content words.
    short = _q('a "cowardly strike of May 3" against us', "Ivan Example", False)
    long = _q(
        "This was a cowardly strike on the city on May 3 and we will answer it", "Ivan Example"
    )
    assert same_quote(short, long) is not None
    # Two telling words quoted alone, inside a quoted fragment of the other.
    plan = _q('the plan "deeply destabilizing', "Russia and China", False)
    idea = _q('the idea "deeply destabilizing in nature"', "China and Russia", False)
    assert same_quote(plan, idea) is not None
    # Not a week apart: another occasion.
    later = _q('the idea "deeply destabilizing in nature"', "China and Russia", False, "2025-06-02")
    assert same_quote(plan, later) is None
    # Not a generic pair ("very well"), and not another speaker.
    assert (
        same_quote(_q('it went "very well', "Ivan Example", False), _q("very well", "Ivan Example"))
        is None
    )
    assert same_quote(plan, _q('the idea "deeply destabilizing in nature"', "Iran", False)) is None


def test_one_speakers_unrounded_count_in_two_wordings() -> None:
    # Sentences written for this test.
    sworn = _q("412 Latvian volunteers were sworn in at the base on Monday", "Ivan Example", False)
    joined = _q("412 Latvian soldiers joined us today", "Ivan Example")
    assert same_quote(sworn, joined) is not None
    assert w.counts(sworn.text) == {("412", "latvian")}
    # Another count, a round one, another speaker, another week: not one claim.
    assert same_quote(sworn, _q("413 Latvian soldiers joined us today", "Ivan Example")) is None
    round_ = _q("400 Latvian volunteers were sworn in", "Ivan Example", False)
    assert same_quote(round_, _q("400 Latvian soldiers joined us", "Ivan Example")) is None
    assert same_quote(sworn, _q("412 Latvian soldiers joined us today", "Maria Other")) is None
    later = _q("412 Latvian soldiers joined us today", "Ivan Example", day="2025-06-03")
    assert same_quote(sworn, later) is None


def test_tempting_false_groupings_stay_apart() -> None:
    pairs = [
        (_q("This is not my war", "Donald Trump"), _q("This is not our war", "JD Vance")),
        (
            _q("drop in the ocean", "Kaja Kallas"),
            _q("drop in the ocean of what is urgently needed", "Tom Fletcher"),
        ),
        (
            _q("I condemn it in the strongest possible terms.", "David Lammy"),
            _q(
                "This is completely unacceptable and I condemn it in the strongest terms.",
                "Simon Harris",
            ),
        ),
        # A shared run that is a name, not a clause.
        (
            _q(
                "Despite high-level engagement - Iran’s delegation led by Foreign Minister Abbas "
                "Araghchi and the U.S. negotiating team headed by President Donald Trump’s special "
                "envoy Steve Witkoff - the results remain limited.",
                "Andrey Zeltyn",
            ),
            _q(
                "The Palestinian movement Hamas has accepted the proposal of US President Donald "
                "Trump's special envoy Steve Witkoff on cessation of hostilities",
                "Reuters",
                direct=False,
            ),
        ),
        # A run in common that is mostly a name (an event's), said by two speakers.
        (
            _q(
                "We will mark together the 75th anniversary of Liberation in the Great "
                "Northern Campaign next spring",
                "Ivan Example",
            ),
            _q(
                "Both sides discussed trade and the 75th anniversary of Liberation in the "
                "Great Northern Campaign",
                "Foreign Ministry",
            ),
        ),
        # One body's routine wording, nearly the same words in reports five days apart.
        (
            _q(
                "In addition, the navy sank two patrol boats and two supply barges of the enemy",
                "Northern Fleet Command",
                day="2025-05-21",
            ),
            _q(
                "In addition, the navy sank two patrol boats and two armed supply barges of the "
                "enemy",
                "Northern Fleet Command",
                day="2025-05-26",
            ),
        ),
        # One wording of two tallies.
        (
            _q(
                "The enemy lost more than 1,305 troops in battles along the whole front line "
                "over the past day",
                "Northern Fleet Command",
            ),
            _q(
                "The enemy lost more than 1,415 troops in battles along the whole front line "
                "over the past day",
                "Northern Fleet Command",
            ),
        ),
        # One speaker, two occasions five days apart.
        (
            _q(
                "So far, the decision on the venue for further talks has not been made.",
                "Peskov",
                day="2025-05-21",
            ),
            _q(
                "There is no clarity on the continuation of the negotiation process and its venue",
                "Peskov",
                day="2025-05-26",
            ),
        ),
        # A ministry's report and an analyst's comment on it share the places' names
        # ("the Northern Region" in one, "the Northern region" in the other): a name in
        # either is no one's words.
        (
            _q(
                "As a result of decisive actions of Battlegroup West, the settlements of "
                "Zelenivka and Kamianka in the Northern region have been taken control of",
                "Russian Defense Ministry",
            ),
            _q(
                "with the seizure of the settlements of Zelenivka and Kamianka in the Northern "
                "Region, the army showed its advance on a broad front",
                "Ivan Example",
                direct=False,
            ),
        ),
    ]
    for a, b in pairs:
        assert same_quote(a, b) is None, (a.text, b.text)


def test_a_turn_of_speech_is_not_the_same_words() -> None:
    # Sentences written for this test: one speaker, two occasions, one stock phrase.
    def said(text: str, family: str) -> Quote:
        return Quote(f"s-{family}", f"a-{family}", text, True, "Alex Example", "2025-05-25", family)

    fragment = said("losing a lot of time", "one")
    first = said("We are losing a lot of time, and I do not see why the talks stalled.", "two")
    second = said("They are losing a lot of time, and I am not only talking about money.", "three")
    assert same_quote(fragment, second) is None
    assert same_quote(first, second) is None
    # A phrase of telling words is still one speaker's words in two outlet families.
    ban = said("We will ban grain exports through the northern ports next week.", "two")
    ban_again = said("as he put it, ban grain exports through the northern ports, soon", "three")
    assert same_quote(ban, ban_again) is not None
    # "I'm" and "we're" leave no content word behind: four words in common are not five.
    stalling = said("I'm not stalling. I'm trying to answer your question", "two")
    answer = said("I'm trying to answer your question by saying we're trying to stop it", "three")
    assert same_quote(stalling, answer) is None


def test_short_words_are_one_claim_only_in_copies_of_one_text() -> None:
    a = _q("wholly disproportionate", "the leaders of France, the UK and Canada")
    b = _q("wholly disproportionate", "the leaders of France, the UK and Canada")
    assert same_quote(a, b) is None
    assert same_quote(a, b, copies=True) == "same words in a copy of the article"
    c = _q("wholly disproportionate", "Kaja Kallas")
    assert same_quote(a, c, copies=True) is None


def _n(
    value: float,
    claimant: str | None,
    sentence: str,
    day: str = "2025-05-25",
    unit: str | None = None,
    text: str | None = None,
    subject: str | None = None,
    measure: str | None = None,
) -> Number:
    return Number(
        f"f{abs(hash(sentence))}",
        "a",
        text or str(value),
        value,
        value,
        unit,
        None,
        measure,
        claimant,
        day,
        sentence,
        subject,
    )


def test_figures_are_one_claim_by_one_claimant_or_in_one_wording() -> None:
    zelensky = _n(355, "Zelensky", "Russia launched 355 attack drones and nine cruise missiles")
    zelensky_again = _n(
        355, "Volodymyr Zelenskyy", "Zelensky said 355 drones and nine missiles hit"
    )
    air_force = _n(355, "the air force", "The air force said 355 drones and nine cruise missiles")
    assert same_figure(zelensky, zelensky_again) is not None
    # Same number, different claimant, different words: not one claim.
    assert same_figure(zelensky, air_force) is None
    wire = "Trump has asked for an initial $25 billion for the program in a tax bill"
    requested = wire.replace("asked", "requested")
    assert same_figure(_n(25e9, None, wire, unit="USD"), _n(25e9, "Trump", requested, unit="USD"))
    # One claimant's same number about different things: the three leaders, three phases.
    leaders = _n(
        3,
        "Benjamin Netanyahu",
        "Netanyahu responded by saying the three leaders had offered a prize",
    )
    phases = _n(3, "Netanyahu", "Netanyahu laid out three phases of the operation in Gaza")
    assert same_figure(leaders, phases) is None
    later = _n(355, "Zelensky", "Russia launched 355 attack drones", day="2025-05-29")
    assert same_figure(zelensky, later) is None
    # A bare count the reporter writes is no claim to follow.
    assert not _n(3, None, "three people were killed in the attack").keys()
    # Two sides giving one count jointly name no one source: the unnamed rules apply.
    swap = _n(390, "Kyiv and Moscow", "Kyiv and Moscow each released 390 prisoners on Friday")
    freed = _n(390, None, "In all 390 prisoners were released by each side", measure="count")
    assert same_figure(swap, freed) is not None


def test_counts_of_different_kinds_are_two_claims() -> None:
    # Sentences written for this test: one unrounded value, no claimant named.
    drones = _n(
        170,
        None,
        "Officials said 170 drones were used in the night attack",
        subject="drones",
        measure="used",
    )
    uavs = _n(
        170,
        None,
        "In the night attack 170 UAVs were used",
        subject="UAVs",
        day="2025-05-26",
        measure="used",
    )
    hostages = _n(
        170,
        None,
        "The attack left 170 hostages in the tunnels",
        subject="hostages",
        day="2025-05-26",
        measure="held",
    )
    assert same_figure(drones, uavs) is not None
    assert same_figure(drones, hostages) is None
    # A subject of no known kind ("attack") says nothing either way.
    loose = _n(
        170, None, "The night attack: 170 drones and missiles", subject="attack", measure="used"
    )
    assert same_figure(loose, hostages) is not None


def test_one_of_is_no_count() -> None:
    # Sentences written for this test: one claimant, "one" as a pronoun and as a count.
    wall = _n(
        1,
        "Mayor Example",
        "The mayor said a drone hit a school and one of its walls burned",
        text="one",
    )
    drone = _n(
        1, "Mayor Example", "The mayor said debris from one drone hit a school roof", text="one"
    )
    assert not wall.is_claim and not wall.keys()
    assert drone.is_claim
    assert same_figure(wall, drone) is None


def test_a_documents_words_are_its_issuers() -> None:
    data = "latest data on the operation in Ukraine released by Russia\u2019s Defense Ministry"
    assert speaker_name(data) == ("russia", "defense", "ministry")
    assert same_speaker(speaker_name(data), speaker_name("Russian Defense Ministry"))
    assert speaker_name("a statement from the Kremlin") == ("kremlin",)
    # An outlet's report is the outlet's: no one.
    assert speaker_name("a report from Russia's RIA news agency") is None
    assert speaker_name("A statement") is None


def test_initials_name_the_body() -> None:
    # Paraphrased from the 409 (Tasnim, BBC, 21 May): one charity's words in two outlets.
    msf = "medical charity Doctors Without Borders, known by its French initials MSF"
    tasnim = _q('the aid is a "smokescreen to pretend the siege is over"', msf, False)
    bbc = _q(
        'describing it as "a smokescreen to pretend the siege is over"',
        "Médecins Sans Frontières",
        False,
    )
    assert same_quote(tasnim, bbc) is not None
    assert initials_meet("MSF", "Médecins Sans Frontières")
    # Initials a name does not form, or too short to say, name no one.
    assert not initials_meet(msf, "Doctors of the World")
    assert not initials_meet("UN", "United Nations Office")


def test_one_claimants_unrounded_value_is_one_count() -> None:
    # Paraphrased from TASS and Mehr, 26 May: the ministry's one battlegroup count, worded
    # apart (a translation's names, no two content words in common).
    tass = _n(
        475,
        "Russia\u2019s Defense Ministry",
        "Battlegroup Center inflicted roughly 475 "
        "casualties on Ukrainian troops and destroyed nine enemy vehicles",
    )
    mehr = _n(
        475,
        "Russian Defense Ministry",
        "Battlegroup Tsentr has eliminated up to 475 Ukrainian soldiers over the past day",
        subject="Ukrainian soldiers",
    )
    assert same_figure(tass, mehr) is not None
    # A round value is no such proof, nor are things of different kinds, nor other numbers
    # beside it on both sides with none in common.
    assert (
        same_figure(
            dataclasses.replace(tass, low=500.0, high=500.0),
            dataclasses.replace(mehr, low=500.0, high=500.0),
        )
        is None
    )
    drones = dataclasses.replace(tass, subject="drones")
    assert same_figure(drones, mehr) is None
    assert (
        same_figure(
            dataclasses.replace(tass, sentence=tass.sentence + " and 12 tanks"),
            dataclasses.replace(mehr, sentence=mehr.sentence + " and 15 guns"),
        )
        is None
    )


def test_an_outlets_stock_run_is_no_claim_across_its_articles() -> None:
    # Paraphrased from two BBC pages of 21 and 25 May on unrelated stories, each ending in
    # one block of other stories' blurbs.
    block = (
        "Miller's comments come as judges challenge recent detentions. Born in the Windy "
        "City in 1955, Prevost served as an altar boy and was ordained in 1982. The US "
        'president says tariffs are "the most misunderstood thing" in business and threatens '
        "more action. Pope Leo XIV's brother Louis says nothing will be the same again after "
        "his appointment. Robert Prevost is originally from Chicago, where he was ordained."
    )
    said = "nothing will be the same again after his appointment"

    def page(article: str, day: str) -> Quote:
        q = _q(said, "Louis", direct=False, day=day)
        return dataclasses.replace(q, article_id=article, family="bbc", around=block)

    first, later = page("columbia", "2025-05-21"), page("canada", "2025-05-25")
    assert same_quote(first, later) is None
    # Copies of one text, another family, or no stock run around it: the words are a claim.
    assert same_quote(first, later, copies=True) is not None
    assert same_quote(first, dataclasses.replace(later, family="dw")) is not None
    own = "Louis told the paper: " + said + ". He spoke from Chicago."
    assert same_quote(first, dataclasses.replace(later, around=own)) is not None
    # A figure inside one such run is no claim across them either.
    blurbs = ("The former soldier passed information to Tehran before escaping from prison. "
              "Three freed hostages are returned to Israel after a ceasefire between Israel "
              "and Hamas. The Pope's brother says nothing will be the same again.")  # fmt: skip
    three = dataclasses.replace(_n(3, None, blurbs, text="Three", measure="returned"), family="bbc")
    again = dataclasses.replace(three, id="f2", article_id="other")
    assert same_figure(three, again) is None
    assert same_figure(three, again, copies=True) is not None
    # Fox's link to another of its stories, inside two articles, in capitals.
    link = _q("HE COULD 'WALK AWAY' FROM RUSSIA-UKRAINE TALKS", "TRUMP", False, "2025-05-21")
    fox = dataclasses.replace(link, family="foxnews")
    assert same_quote(fox, dataclasses.replace(fox, article_id="other")) is None
    assert same_quote(fox, dataclasses.replace(fox, article_id="other", family="x")) is not None


def test_a_quoted_title_is_not_the_speakers_words() -> None:
    # Paraphrased from two TASS items of 21 May: one official, one project's name quoted.
    explored = _q("these areas may be explored as part of the 'Infrastructure for Life' "
                  "national project", "Marat Khusnullin", False)  # fmt: skip
    telegram = _q("Russia and China may speed up building roads as part of the Infrastructure "
                  "for Life national project", "Marat Khusnullin", False)  # fmt: skip
    assert same_quote(explored, telegram) is None
    # His own words in quote marks still are his.
    said = _q("the talks were 'constructive and very detailed' on roads", "Marat Khusnullin", False)
    again = _q("Khusnullin called the talks constructive and very detailed", "Khusnullin", False)
    assert same_quote(said, again) is not None


def test_a_small_number_of_other_things_is_two_claims() -> None:
    # Paraphrased from one TASS report of 26 May: one ministry, one list, "nine" twice.
    uavs = _n(
        9,
        "Defense Ministry",
        "31 UAVs were shot down over Bryansk, nine over the Tula "
        "Region, eight over the Oryol Region",
        subject="UAVs",
        measure="shot down",
    )
    vehicles = _n(
        9,
        "Russian Defense Ministry",
        "The enemy lost up to 475 personnel, nine "
        "armored combat vehicles and eight vehicles over the region",
        subject="armored combat vehicles",
        measure="lost",
    )
    assert same_figure(uavs, vehicles) is None
    drones = dataclasses.replace(vehicles, subject="Ukrainian unmanned aerial vehicles")
    assert same_figure(uavs, drones) is not None


def test_the_laws_wording_is_nobodys_claim() -> None:
    # Paraphrased from the 409 (BBC, 20 and 21 May): two men charged on consecutive days,
    # each "with others" to damage by fire ..., in the charge's statutory words.
    first = _q(
        'Mr C is accused of conspiring with Roman L, 21, and others to "damage by fire '
        "property belonging to another, intending to damage the property, intending to "
        'endanger the life of another"',
        "Met",
        direct=False,
        day="2025-05-20",
    )
    second = _q(
        "and others unknown to damage by fire property belonging to another",
        "Metropolitan Police",
        day="2025-05-21",
    )
    assert same_quote(first, second) is None
    # One man's charge told twice still is one claim: his name and the rest are words.
    charged = "Petro P, 34, from north London, was charged with conspiracy to commit arson"
    again = _q(charged + " with intent to endanger life", "Metropolitan Police", False)
    assert same_quote(_q(charged, "Metropolitan Police", False), again) is not None
    for formula in w.FORMULAS:
        inside = formula.example[formula.example.index("[[") + 2 : formula.example.index("]]")]
        plain = formula.example.replace("[[", "").replace("]]", "")
        assert w.words(w.without_formulas(plain)) == w.words(plain.replace(inside, " ")), (
            formula.name
        )


def _said_nothing(example: str, speaker: str | None = "Donald Trump") -> str | None:
    """``said_nothing`` on a rule's example: the cue between [[ and ]], the words after it
    (a cue that ends the sentence's words: those before it)."""
    cue_start = example.index("[[")
    text = example.replace("[[", "").replace("]]", "")
    cue = (cue_start, example.index("]]") - 2)
    if cue[1] < len(text.rstrip(".")):
        return said_nothing(text, cue[1] + 1, len(text.rstrip(".")), cue, speaker)
    return said_nothing(text, 0, cue[0], cue, speaker)


def test_an_act_on_an_object_carries_no_words_and_joins_no_claim() -> None:
    for rule in OBJECT_ACTS:
        assert _said_nothing(rule.example) == rule.name
    for rule in UNSOURCED_ACTS:
        assert _said_nothing(rule.example, None) == rule.name
        assert _said_nothing(rule.example) is None  # a named speaker's estimate is said
    # Quoted words, or a clause, are words said (DW, 20 May; DW, 20 May, cut short).
    quoted = 'They [[warned of]] "further concrete actions" if aid is not let in.'
    assert _said_nothing(quoted) is None
    clause = "Trump also [[highlighted]] that Russia wants to do largescale trade."
    assert _said_nothing(clause) is None
    silent = _q("Russian President Vladimir Putin during a press gaggle", "Donald Trump", False)
    silent.silent = True
    assert silent.keys() == set()


def test_each_no_count_rule_holds_on_its_example() -> None:
    for rule in NO_COUNT:
        at = rule.example.index("[[")
        text = rule.example[at + 2 : rule.example.index("]]")]
        sentence = rule.example.replace("[[", "").replace("]]", "")
        figure = dataclasses.replace(_n(1, "Someone", sentence, text=text), at=at)
        assert figure.counts_nothing, rule.name


def test_number_words_that_count_nothing_are_no_claims() -> None:
    # Paraphrased from the 409: each pair had been one "figure claim" of one claimant.
    refs = [
        ("two", "Giorgia Meloni", "the Vatican would host peace talks between the two sides"),
        ("two", "Mikhail Komin", "What did the two of them discuss anyway?"),
        ("one", "an Elysee official", "the couple were relaxing one last time before the trip"),
        ("two", "Alexandra Filippenko", "these two reactions differed from one another"),
        ("No one", "Simon Harris", "No one was hurt in the fire."),
        ("nobody", "police", "Damage was caused to the entrance but nobody was hurt."),
        ("two", "JD Vance", "That takes two to tango."),
        ("zero", "S Jaishankar", "India has zero tolerance for terrorism."),
    ]
    for text, who, sentence in refs:
        figure = _n(2, who, sentence, text=text)
        assert not figure.is_claim and not figure.keys(), sentence
    # The same words counting something stay claims ...
    assert _n(2, "Vitali Klitschko", "two people were taken to hospital", text="two").is_claim
    assert _n(2, "the ICRC", "two of its staff were killed", text="two").is_claim
    # ... and where the figure stands decides when the sentence has both.
    both = "the two sides swapped two prisoners"
    assert not dataclasses.replace(_n(2, "Kyiv", both, text="two"), at=4).is_claim
    assert dataclasses.replace(_n(2, "Kyiv", both, text="two"), at=22).is_claim
    # Not knowing where, a number that counts somewhere in its sentence is a claim.
    assert _n(2, "Kyiv", both, text="two").is_claim
    # Sizes no one counted, and lengths of time no one claims, are no claims either.
    assert not _n(1000, "officials", "Thousands of people crossed", text="Thousands").is_claim
    assert not _n(12, None, "dozens were wounded", text="dozens", measure="wounded").is_claim
    held = _n(3, None, "the two have been held for three years", unit="year", text="three years")
    assert not held.is_claim
    claimed = dataclasses.replace(held, claimant="the CDU/CSU alliance")
    assert claimed.is_claim


def test_a_template_run_without_the_figure_is_not_one_wording() -> None:
    # Sentences written for this test: one report's template, two sorts of vehicles.
    north = _n(
        7,
        None,
        "The northern brigade reported the loss of 310 men, seven motor vehicles and a gun",
        subject="motor vehicles",
        measure="lost",
    )
    south = _n(
        7,
        None,
        "The northern brigade reported the loss of 120 men, seven armored combat vehicles",
        subject="armored combat vehicles",
        measure="lost",
    )
    assert same_figure(north, south) is None
    # The same sort in that template is one wording.
    again = _n(
        7,
        None,
        "The northern brigade reported the loss of 310 men, 7 motor vehicles",
        subject="enemy motor vehicles",
        measure="lost",
    )
    assert same_figure(north, again) is not None


def test_one_phrasing_of_two_deals_is_two_claims() -> None:
    # Sentences written for this test: one phrasing, another number beside the figure.
    old_deal = _n(
        12,
        "officials",
        "The old plan sets the release of 12 prisoners and a 30-day pause.",
        measure="release",
    )
    new_deal = _n(
        12,
        None,
        "The new plan sets the release of 12 prisoners and 45 days of pause.",
        measure="release",
    )
    assert same_figure(old_deal, new_deal) is None
    same_deal = _n(
        12,
        None,
        "The new plan sets the release of 12 prisoners and a 30-day pause.",
        measure="release",
    )
    assert same_figure(old_deal, same_deal) is not None


def _app(
    article: str,
    text: str,
    day: str | None,
    moment: str | None = None,
    outlet: str = "tass",
    url: str | None = None,
    original: str | None = None,
    relay_sentence: str = "",
) -> Appearance:
    relay = relay_in(relay_sentence, 0, len(relay_sentence)) if relay_sentence else None
    return Appearance(
        f"s-{article}",
        article,
        0,
        text,
        "Dmitry Peskov",
        True,
        day,
        moment,
        outlet,
        url or f"https://{outlet}.example/{article}",
        original or article,
        relay,
    )


def test_lineage_orders_by_moment_and_counts_independent_sources() -> None:
    items = [
        _app(
            "b",
            "All these suspicions are groundless",
            "2025-05-26",
            "2025-05-26T10:00:00Z",
            outlet="bbc",
        ),
        _app(
            "a",
            "All these suspicions usually turn out to be groundless",
            "2025-05-26",
            "2025-05-26T08:00:00Z",
            outlet="tass",
        ),
        _app(
            "c",
            "All these suspicions are groundless",
            "2025-05-26",
            "2025-05-26T12:00:00Z",
            outlet="induk",
            relay_sentence="Peskov said, TASS reported.",
        ),
        _app(
            "d",
            "All these suspicions are groundless",
            "2025-05-26",
            "2025-05-26T13:00:00Z",
            outlet="bbc",
        ),
    ]
    claim = lineage(items)
    assert claim is not None
    assert claim.first_article_id == "a" and claim.first_certainty == "exact"
    assert claim.article_ids == ["a", "b", "c", "d"]
    assert claim.outlets == ["tass", "bbc", "induk"]
    assert claim.independent_sources == 2
    reasons = [a["reason"] for a in claim.appearances]
    assert reasons[0] == "first appearance" and reasons[1] == "own report"
    assert reasons[2] == "relays TASS ('TASS reported')"
    assert reasons[3].startswith("same outlet family (bbc) as b")
    assert [v["text"] for v in claim.variants] == [
        "All these suspicions usually turn out to be groundless",
        "All these suspicions are groundless",
    ]
    assert claim.text == "All these suspicions are groundless"  # carried by most articles
    assert lineage(items[:1]) is None  # one article: no claim


def test_an_article_printing_anothers_narration_word_for_word_adds_no_source() -> None:
    # CBC's AP story and the Independent's uncredited copy (25 May), cut short.
    cbc = ('In the village of Markhalivka, the Fedorenkos watched their ruined home. "The street '
           'looks like Bakhmut, like Mariupol. It\'s just terrible," says 76-year-old Liubov '
           "Fedorenko, comparing their village to some of Ukraine's most devastated cities in "
           "the war.")  # fmt: skip
    ind = ("In the village of Markhalivka, devastated residents returned. \u201cThe street looks "
           "like Bakhmut, like Mariupol, it\u2019s just terrible,\u201d said 76-year-old Liubov "
           "Fedorenko, comparing their village to some of Ukraine\u2019s most devastated "
           "cities.")  # fmt: skip
    dw = ('Liubov Fedorenko, 76, said: "The street looks like Bakhmut, like Mariupol. It\'s just '
          'terrible." Her village was among the hardest hit.')  # fmt: skip

    def told(text: str) -> Narration:
        start = text.index("The street")
        return narration(blank_quotes(text), start, text.index("terrible") + 8)

    items = [
        dataclasses.replace(_app("a", "x", "2025-05-25", "2025-05-25T09:00:00Z", "cbc-world"),
                            narration=told(cbc)),
        dataclasses.replace(_app("b", "x", "2025-05-25", "2025-05-25T12:00:00Z", "dw"),
                            narration=told(dw)),
        dataclasses.replace(_app("c", "x", "2025-05-25", "2025-05-25T17:00:00Z", "induk-ukrain"),
                            narration=told(ind)),
    ]  # fmt: skip
    claim = lineage(items)
    assert claim is not None and claim.independent_sources == 2
    reasons = [a["reason"] for a in claim.appearances]
    assert reasons[1] == "own report"
    assert reasons[2] == (
        "copies the words of a (cbc-world) ('76-year-old Liubov Fedorenko, comparing their "
        "village to some of Ukraine\u2019s most devastated cities')"
    )
    # A list of names in common, or a short phrase, is no copy.
    regions = ("Drones hit the Zhytomyr, Khmelnytskyi, Ternopil, Chernihiv, Sumy, Odesa, "
               "Poltava, Dnipro, Mykolaiv, Kharkiv and Cherkasy regions overnight.")  # fmt: skip
    other = ("Officials listed the Zhytomyr, Khmelnytskyi, Ternopil, Chernihiv, Sumy, Odesa, "
             "Poltava, Dnipro, Mykolaiv, Kharkiv and Cherkasy regions as hit.")  # fmt: skip
    one = narration(blank_quotes(regions), 0, 6)
    assert copied_narration(one, narration(blank_quotes(other), 0, 9)) is None
    # No run crosses a quote: words either side of one are two runs.
    split = ('Rescuers said the damaged school building near the old station "was hit twice" '
             "before searching the collapsed homes through the night.")  # fmt: skip
    at = split.index("Rescuers")
    assert (
        copied_narration(
            narration(blank_quotes(split), at, at + 8),
            narration(blank_quotes(split.replace("was hit twice", "burned")), at, at + 8),
        )
        is None
    )


def test_how_sure_the_first_is() -> None:
    first = _app("a", "x", "2025-05-20", "2025-05-20T08:00:00Z")
    assert certainty(first, [_app("b", "x", "2025-05-21", "2025-05-21T08:00:00Z")]) == "exact"
    assert certainty(first, [_app("b", "x", "2025-05-20", "2025-05-20T08:00:00Z")]) == "tied"
    assert certainty(first, [_app("b", "x", "2025-05-20")]) == "day"
    assert certainty(first, [_app("b", "x", None)]) == "undated"


def test_the_window_of_another_count_is_no_claim() -> None:
    # Two reports of Gaza's health ministry, a day apart, each with its own toll for its
    # own past 24 hours: the "24 hours" they share is no claim carried by both.
    injured = "A further 204 people were injured during the past 24 hours"
    bodies = "Over the past 24 hours, 38 bodies and 364 injured were taken to hospitals"
    dw = _n(24, "Health Ministry", injured, unit="hour", text="24 hours", measure="injured")
    tass = _n(24, "Gaza's Health Ministry", bodies, day="2025-05-26", unit="hour", text="24 hours")
    assert dw.window and tass.window and not dw.is_claim
    assert same_figure(dw, tass) is None
    # Alone in its sentence, the length of time is what is claimed.
    alone = _n(4, "Donald Trump", "the scum that spent the last four years trying to destroy",
               unit="year", text="four years")  # fmt: skip
    assert not alone.window and alone.is_claim


def test_a_straight_mark_after_a_word_closes_a_quote() -> None:
    # The statement began inside a quote opened before it: what follows the closing
    # mark is the reporter's ("the meeting of high representatives ... in Moscow"),
    # and two TASS statements naming that meeting are no one claim.
    shoigu = (
        'more than 110 delegations and nearly all major international organizations" will '
        "take part in the meeting of high representatives in charge of security issues in Moscow"
    )
    assert w.fragments(shoigu) == []
    assert w.fragments('he said "we will win" today') == [("we", "will", "win")]
    afghans = (
        "Officials from the new government of Afghanistan will participate in a meeting of "
        "high representatives in charge of security issues in Moscow for the first time ever"
    )
    council = Quote("1", "x", afghans, False, "Russian Security Council", "2025-05-26")
    assert (
        same_quote(council, Quote("2", "y", shoigu, False, "Sergey Shoigu", "2025-05-26")) is None
    )


def test_a_days_toll_on_another_day_and_a_list_are_not_one_claim() -> None:
    died = "At least 38 people died in Israeli attacks on Gaza in one day, the ministry said"
    killed = "At least 38 people were killed, and 170 others were injured in the past day"
    sunday = _n(38, "Health Ministry", died, day="2025-05-25")
    monday = _n(38, "Gaza's Health Ministry", killed, day="2025-05-26")
    assert same_figure(sunday, monday) is None
    # The same day's toll in two outlets stays one claim.
    again = dataclasses.replace(monday, id="again", article_id="b", day="2025-05-25")
    assert same_figure(sunday, again) is not None
    listed = "one over the Yaroslavl Region, and one more over the Tatarstan Region"
    yaroslavl = _n(1, "Russian Defense Ministry", listed, text="one")
    tatarstan = dataclasses.replace(yaroslavl, id="other")
    assert same_figure(yaroslavl, tatarstan) is None


def test_one_nights_tolls_of_two_places_are_two_claims() -> None:
    kyiv = _n(
        4, None, "At least four people were killed in the Kyiv region, emergency services said"
    )
    kyiv = dataclasses.replace(kyiv, place="Kyiv region", subject="people", measure="killed")
    city = dataclasses.replace(kyiv, id="city", article_id="b", place="Kyiv")
    khmelnytskyi = dataclasses.replace(kyiv, id="k", article_id="c", place="Khmelnytskyi region")
    assert same_figure(kyiv, city) is not None
    assert same_figure(kyiv, khmelnytskyi) is None


def _in(quote: Quote, family: str, day: str | None = None) -> Quote:
    """``quote`` as carried by an outlet family, on ``day``."""
    return dataclasses.replace(quote, family=family, day=day or quote.day)


def test_a_whole_quote_word_for_word_is_one_quote_whoever_is_named() -> None:
    # Sentences written for this test: one outlet names the envoy who said it, the other
    # the journalist it was told to.
    quote = "What we have received so far is vague and entirely unworkable"
    envoy = _q(quote, "Anna Keller")
    journalist = _q(quote, "Tom Brandt")
    assert same_quote(envoy, journalist) is not None
    # Not a week later: then it may be another occasion's words.
    assert same_quote(envoy, _in(journalist, "x", "2025-05-31")) is None
    # Not inside the journalist's narration of it, which says more than the quote.
    told = _q(
        "The envoy rejects the group's claim that it accepted the plan and tells me: 'What we "
        "have received so far is vague and entirely unworkable'",
        "Tom Brandt",
    )
    assert same_quote(envoy, told) is None
    # Shorter than a sentence, two people's same words are a phrase anyone says.
    assert (
        same_quote(
            _q("we are ready for a ceasefire now", "Anna Keller"),
            _q("we are ready for a ceasefire now", "Tom Brandt"),
        )
        is None
    )


def test_a_stock_sentence_of_two_people_is_no_whole_quote() -> None:
    # Stock lines every spokesman says, eight words or more: two people's same words,
    # not one quote (few telling words: "good deal", "comment today", "too early").
    for line in (
        "I think it's a very good deal",
        "We are not going to comment on that today",
        "I have nothing to add to what I said",
        "It is too early to talk about that",
    ):
        assert same_quote(_q(line, "Anna Keller"), _q(line, "Tom Brandt")) is None, line


def test_a_whole_quote_needs_both_dates() -> None:
    # Sentences written for this test: "within a few days" holds only with both dates.
    quote = "What we have received so far is vague and entirely unworkable"
    undated = dataclasses.replace(_q(quote, "Tom Brandt"), day=None)
    assert same_quote(_q(quote, "Anna Keller"), undated) is None


def test_one_speakers_quoted_phrase_in_two_renderings() -> None:
    # Sentences written for this test: one speaker's words as two outlets quote them.
    heard = _in(
        _q("What we got back from them last night was vague and wholly unworkable", "Anna Keller"),
        "a",
    )
    seen = _in(_q("Their reply is vague and wholly unworkable", "Anna Keller"), "b")
    assert same_quote(heard, seen) is not None
    # Within one outlet family the same official's wording recurs in every report.
    assert same_quote(heard, _in(seen, "a")) is None
    # Unquoted, four words in common are a reporter's phrasing.
    reported = _in(
        _q("their reply is vague and wholly unworkable", "Anna Keller", direct=False), "b"
    )
    assert same_quote(heard, reported) is None


def test_a_quoted_fragment_when_a_speaker_names_no_one() -> None:
    # Sentences written for this test: the joint statement, with its speaker misread in
    # one outlet and described in the other.
    statement = _in(
        _q(
            "We have always backed the state's right to protect its citizens against "
            "terrorism. But this escalation is wholly disproportionate",
            "Tom Harwood",
        ),
        "a",
    )
    paraphrase = _in(
        _q(
            'they believed that the state "had a right to protect its citizens against terrorism',
            "three governments",
            direct=False,
        ),
        "b",
    )
    assert same_quote(statement, paraphrase) is not None
    assert same_quote(statement, _in(paraphrase, "b", "2025-05-31")) is None
    # Nor undated: "within a few days" holds only with both dates.
    assert same_quote(statement, dataclasses.replace(paraphrase, day=None)) is None
    # A stock phrase in quote marks is anyone's.
    condemned = _q(
        'the attack on the convoy "in the strongest possible terms', "ministry", direct=False
    )
    minister = _q(
        "It is dangerous and I condemn it in the strongest possible terms", "Lena Fischer"
    )
    assert same_quote(condemned, minister) is None


def test_a_run_of_several_speakers_quotes_joins_no_claim() -> None:
    # Sentences written for this test: an extractor took an article's run of quotes, and
    # the narration that gives them to two sides, as one statement.
    run = _q(
        "The blockade is unacceptable and must end. “We will not hesitate to take further "
        "action,” they said. The prime minister responded: “They are rewarding terror.” He "
        "added that the army would fight until “every hostage is home,” and the group said "
        "it “welcomed the joint statement of the three leaders.”",
        None,
    )
    assert run.several and run.keys() == set()
    one = _q("We will not hesitate to take further action, including sanctions", "Anna Keller")
    assert same_quote(run, one) is None
    split = _q("We will not hesitate,” they said. “We will take further action", None)
    assert not split.several


def test_one_speakers_quote_in_several_parts_is_one_quote() -> None:
    # Sentences written for this test: one speaker's quote split by ellipses and opened
    # anew at each paragraph, with no narration between its parts.
    parts = _q(
        "Every such strike shows that Moscow does not want peace … They strike at night, at "
        "homes and hospitals. “We need air defence systems now … and we need pressure on "
        "Moscow that it feels",
        "Olena Marchuk",
    )
    assert len(parts.quotes) == 4 and not parts.several
    again = _q("Every such strike shows that Moscow does not want peace", "Olena Marchuk")
    assert same_quote(parts, again) is not None


def test_two_counts_of_one_sentence_are_never_one_claim() -> None:
    # "half of the living hostages and half of the deceased" (article a), each linked to
    # the same wording in article b: the link that would put both halves of a in one
    # claim is left out, whichever order the links come in.
    from storyline.corpus.claims.lineage import claim_groups

    slots = {"a1": ("a", "0"), "a2": ("a", "0"), "b1": ("b", "7"), "b2": ("b", "7")}
    links = [("a1", "b1"), ("a2", "b2"), ("a2", "b1"), ("a1", "b2")]
    for order in (links, links[::-1]):
        groups = sorted(sorted(g) for g in claim_groups(order, slots))
        assert groups == [["a1", "b1"], ["a2", "b2"]]
    # What each counts decides which pairs first: the living join the living.
    counted = {"a1": "living", "a2": "deceased", "b1": "deceased", "b2": "living"}
    groups = sorted(sorted(g) for g in claim_groups(links, slots, counted))
    assert groups == [["a1", "b2"], ["a2", "b1"]]
    # Items of other sentences, or statements (no slot), still join as before.
    assert claim_groups([("a1", "c"), ("c", "d")], slots) == [["a1", "c", "d"]]


def test_a_quoted_run_long_enough_to_match_always_shares_a_key() -> None:
    # _quoted_run skips a fragment that shares no shingle with the other statement; that
    # only loses nothing while every run it accepts is at least one shingle long.
    from storyline.corpus.claims import match

    assert min(match.MIN_RUN, match.MIN_RUN_ANY_SPEAKER) >= w.KEY_WORDS


def test_a_run_beside_a_small_number_needs_one_counted_thing() -> None:
    # BBC and Tasnim (26 May), cut short: the run in common ("have been charged in
    # connection with the fires") is not about the "two" of either.
    others = _n(
        2,
        None,
        "Two other men have also been charged in connection with the fires",
        text="Two",
        subject="men",
        measure="charged",
    )
    of_them = _n(
        2,
        None,
        "Three men -two of them Ukrainians- have been charged in connection with the fires",
        text="two",
        measure="charged",
    )
    assert same_figure(others, of_them) is None
    # One counted thing by name, and no other count beside it that differs: one claim.
    again = _n(
        2,
        None,
        "Police said two men have been charged in connection with the fires",
        text="two",
        subject="men",
        measure="charged",
    )
    assert same_figure(others, again) is not None
    # The window a daily report covers is no other count ("the past 24 hours").
    east = _n(
        3,
        None,
        "The army lost 10 motor vehicles and three guns in that area over the past 24 hours",
        text="three",
        subject="guns",
        measure="lost",
    )
    west = _n(
        3,
        None,
        "The army lost 12 motor vehicles and three field guns in that area over the past 24 hours",
        text="three",
        subject="field guns",
        measure="lost",
    )
    assert same_figure(east, west) is None


def test_one_speakers_two_quotes_sharing_a_name_are_two_claims() -> None:
    # TASS (21 May), cut short: two things Lavrov said, both naming the OSCE.
    obsolete = _q(
        "the current Euro-Atlantic security structure, in particular within the framework of "
        "the Organization for Security and Cooperation in Europe [OSCE], is becoming obsolete",
        "Sergey Lavrov",
    )
    inclusive = _q(
        'the Organization for Security and Cooperation in Europe (OSCE), which was meant to be "an '
        "inclusive structure",
        "Sergey Lavrov",
        direct=False,
    )
    assert same_quote(obsolete, inclusive) is None
    # A run of names a sentence long, one speaker's, is his words (DW and The Independent).
    listed = _q(
        "Today, warriors of our Armed Forces, the National Guard, the State Border Guard Service, "
        "and the State Special Transport Service are returning home",
        "Zelenskiy",
    )
    members = _q(
        "the troops returning were members of the “Armed Forces, the National Guard, the State "
        "Border Guard Service, and the State Special Transport Service",
        "Volodymyr Zelensky",
        direct=False,
    )
    assert same_quote(listed, members) is not None


def test_one_report_of_two_things_said_joins_neither_claim_to_the_other() -> None:
    from storyline.corpus.claims.lineage import claim_groups
    from storyline.corpus.claims.match import matched_part

    # BBC (20 and 21 May) and DW (21 May), cut short.
    both = _q(
        'his country would allow a "basic amount of food" to enter the territory but it '
        'planned to take "control of all of Gaza"',
        "Benjamin Netanyahu",
        direct=False,
    )
    food = _q(
        'Israel would allow a "basic" amount of food into Gaza to prevent a famine',
        "Benjamin Netanyahu",
        direct=False,
    )
    control = _q(
        "Israel would control all of Gaza by the end of the offensive",
        "Benjamin Netanyahu",
        direct=False,
    )
    assert matched_part(both, food) == 0 and matched_part(both, control) == 1
    assert matched_part(food, both) is None  # one fragment: the whole statement
    assert matched_part(both, both) is None  # a copy carries both fragments
    # A quoted title is no fragment of what was said (DW, 20 May, cut short).
    dome = _q(
        'his "Golden Dome" would cost $175 billion and he wants it "fully operational before '
        'the end of my term"',
        "Donald Trump",
        direct=False,
    )
    assert matched_part(dome, _q("fully operational before the end of my term.", "Trump")) is None
    links = [("both", "food"), ("both", "control")]
    parts = {("both", "food"): (0, None), ("both", "control"): (1, None)}
    assert claim_groups(links, {}, None, parts) == [["both", "food"]]
    # A copy of the report joins it whole, so the copy's claim is the report's.
    links.append(("both", "copy"))
    assert claim_groups(links, {}, None, parts) == [["both", "copy"]]
