"""Word lists for resolving who a source is: pronouns, roles, documents, unnamed sources, gender.

Kept as data next to ``speech_lexicon`` (which says what a cue is): these say
whom a cue's subject refers to. Everything is lower-case; each list has the
example it exists for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Gender = Literal["f", "m"]


def _word_list(text: str) -> frozenset[str]:
    """A long list of words, written as text (one per space), for reading."""
    return frozenset(text.split())


# Pronouns that stand for a person ("he said"), a body or a thing ("it
# said"), or several ("they said"). Outside quotes, "I", "we" and "you"
# speak for the writer or the reader: never resolved to a source.
PERSON_SUBJECT_PRONOUNS: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
}
THING_PRONOUNS: frozenset[str] = frozenset({"it", "its"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their"})
# A quantifier after the group it counts, which the parser may make the subject: "He and
# House Judiciary Committee Chairman Bob Goodlatte (R-Va.) both condemned the program".
FLOATING_QUANTIFIERS: frozenset[str] = frozenset({"both", "all", "each"})
WRITER_PRONOUNS: frozenset[str] = frozenset(
    {"i", "me", "my", "we", "us", "our", "you", "your", "one"}
)

# Titles that say a person's gender ("Mrs. Clinton ... she said").
GENDER_TITLES: dict[str, Gender] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "mme": "f",
    "mme.": "f",
    "dame": "f",
    "lady": "f",
    "baroness": "f",
}

# Nouns next to a name that say its gender ("Kremlin spokeswoman Maria
# Zakharova", "his wife, Melania").
GENDER_NOUNS: dict[str, Gender] = {
    "spokeswoman": "f",
    "spokesman": "m",
    "chairwoman": "f",
    "chairman": "m",
    "congresswoman": "f",
    "congressman": "m",
    "businesswoman": "f",
    "businessman": "m",
    "actress": "f",
    "actor": "m",
    "queen": "f",
    "king": "m",
    "princess": "f",
    "prince": "m",
    "duchess": "f",
    "duke": "m",
    "wife": "f",
    "husband": "m",
    "widow": "f",
    "widower": "m",
    "mother": "f",
    "father": "m",
    "daughter": "f",
    "son": "m",
    "sister": "f",
    "brother": "m",
    "grandmother": "f",
    "grandfather": "m",
    "woman": "f",
    "man": "m",
    "girl": "f",
    "boy": "m",
    "policewoman": "f",
    "policeman": "m",
    "anchorwoman": "f",
    "anchorman": "m",
    "countrywoman": "f",
    "countryman": "m",
}

# Common first names in international news, by gender: what keeps "she
# said" from going to Keith and "he said" from going to Hillary when the
# article gives no title. Names ending in "a" are women's unless listed in
# MALE_A_NAMES, so they are not repeated here.
WOMEN_FIRST_NAMES: frozenset[str] = _word_list(
    """
    abigail agnes alice alison amy ann anne annegret annette ashley astrid beatrice
    bridget brigitte carol caroline carolyn catherine cathy charlotte chelsea cheryl
    christine claire colette dagmar daphne debbie deborah denise diane dianne dorothy
    elaine eleanor elisabeth elise elizabeth ellen emily esther evelyn frances gillian
    grace gretchen gwen hannah heather heidi helen helene hillary hope ingrid irene iris
    isabel isabelle jacqueline jane janet jeanne jennifer jessica jill joan jocelyn
    joy judith judy julie justine karen karin karoline kate katherine kathleen kathryn
    kathy katie kay kelly kirsten kristen kristi kristin laurel lauren leslie lily
    linda lindsay liz louise lucy madeleine madison margaret margot marian marie marine
    marion marjorie mary maryam megan meghan melanie mette michele michelle mira miriam
    muriel nadine nancy naomi natalie nicole nikki olivia pam pamela patricia
    paulette pauline peggy penelope penny rachel rachida rebecca renate rose ruth sabine
    sally samantha sandra sarah segolene sharon sherri shirley sigrid sophie stephanie
    sue susan suzanne sylvie tamar tiffany tracy tulsi ursula valerie vivian wendy yael
    yulia zoe
    """
)
MEN_FIRST_NAMES: frozenset[str] = _word_list(
    """
    abdel abdul abdullah adam ahmad ahmed alain alan albert aleksandr aleksei alex
    alexander alexandre alexei alexey ali alistair andre andrei andrew andrii andriy
    andrzej andy angus anthony anton antonio antony ari arkady armin arnold arseniy
    arthur ashraf ayman barack ben benjamin bernard bernie bill bob bobby boris boyko
    brad brett brian bruce bruno carl carlos charles charlie chris christian christopher
    chuck claude colin craig dan daniel danny dave david dean denis dennis denys derek
    dick dmitri dmitriy dmitry dmytro don donald doug douglas duncan ed edgar edward egor
    emmanuel enrique eric erik evan evgeny fedor felix francis francisco francois frank
    franz fred friedrich gabriel gary gavin geert gennady george georgy gerald gerhard
    giuseppe gordon graham grant greg gregory guido gustavo hakan hans harold harry
    hassan heinz helmut henry herbert hossein howard hubert hugh hunter hussein ian igor
    ihor ilham isaac ivan jack jacob jaime jake james jan jared jason javier jd jean-luc
    jean-noel jeff jeffrey jens jeremy jerome jerry jim jimmy joe joel johann johannes
    john johnny jon jonathan jorge jose josef joseph josh juan julian justin karl keir
    keith ken kenneth kevin kirill klaus kurt kyriakos larry lars lee leo leon leonid
    lindsey lloyd louis luis lukas luke malcolm manfred manuel marc marco marcus mario
    mark markus martin mateusz matt matthew max maxim maxime michael michel miguel mike
    mikhail mitch mitt mohamed mohammad mohammed muhammad mykhailo mykola nathan neil
    nicholas nick nicolas nigel nikolai nikolay norbert olaf oleg oleh oleksandr oleksiy
    oliver olivier omar oscar owen pablo patrick paul pavel pavlo pedro pete peter petr
    petro philip philippe pierre pyotr rafael ralph ramzan randy ray raymond recep
    reince rex richard rick rishi rob robert roberto rodrigo roger roman ron ronald ross
    roy ruslan russell rustem ryan sam samuel scott sean sebastian serge sergei sergey
    sergiy seth shimon sigmar simon stanislav stefan stephen steve steven stuart taras
    ted terry thierry thomas tim timothy todd tom tommy tony ulf valery vasily victor
    viktor vincent vitali vitaliy vitaly vladimir vladislav volker volodymyr walter
    wayne werner william wolfgang xavier yair yevgeny yevhen yosef yuri yuriy yury
    yegor zbigniew
    """
)

# First names ending in "a" are mostly women's in the languages of this news
# (Maria, Kaja, Iryna, Giorgia, Annalena); these are men's.
MALE_A_NAMES: frozenset[str] = frozenset(
    {
        "nikita",
        "ilya",
        "luca",
        "joshua",
        "mustafa",
        "musa",
        "isa",
        "kostya",
        "sasha",
        "misha",
        "vanya",
        "grisha",
        "yasha",
        "ezra",
        "akira",
        "elijah",
        "noah",
        "jonah",
        "dara",
        "attila",
        "luka",
    }
)

# Surname endings of Slavic women ("Maria Zakharova", "Valentina Matviyenko"
# has none) and of Slavic men ("Sergey Lavrov", "Dmitry Peskov", "Andriy
# Yermak" has none): used only when the first name says nothing.
FEMALE_SURNAME_ENDINGS: tuple[str, ...] = ("ova", "eva", "yova", "ina", "skaya", "tskaya", "aya")
MALE_SURNAME_ENDINGS: tuple[str, ...] = ("ov", "ev", "yov", "sky", "skiy", "skyi", "tsky")

# Plural nouns for unnamed sources: "officials said", "Ukrainian officials",
# "sources familiar with the talks", "witnesses told": described, never
# resolved to a name.
UNNAMED_SOURCE_NOUNS: frozenset[str] = frozenset(
    {
        "official",
        "source",
        "analyst",
        "expert",
        "witness",
        "resident",
        "people",
        "person",
        "diplomat",
        "observer",
        "critic",
        "activist",
        "investigator",
        "researcher",
        "scientist",
        "economist",
        "lawmaker",
        "legislator",
        "politician",
        "commentator",
        "blogger",
        "journalist",
        "reporter",
        "correspondent",
        "insider",
        "aide",
        "adviser",
        "advisor",
        "supporter",
        "opponent",
        "protester",
        "volunteer",
        "soldier",
        "serviceman",
        "fighter",
        "survivor",
        "victim",
        "relative",
        "neighbour",
        "neighbor",
        "doctor",
        "medic",
        "worker",
        "employee",
        "member",
        "leader",
        "voter",
        "citizen",
        "participant",
        "organizer",
        "organiser",
        "student",
        "teacher",
        "parent",
        "local",
        "authority",
        "authorities",
        "military",
        "media",
        "outlet",
        "poll",
        "survey",
        "study",
        "estimate",
    }
)

# Documents that speak for whoever issued them ("the statement said", "a
# report said"): the issuer when the text gives it ("a statement from the
# ministry", "the ministry's statement"), else the source that spoke just
# before; an indefinite one ("a report said") is described as it is.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {
        "statement",
        "report",
        "release",
        "communique",
        "letter",
        "memo",
        "note",
        "message",
        "post",
        "tweet",
        "video",
        "email",
        "filing",
        "document",
        "notice",
        "announcement",
        "readout",
        "transcript",
        "decree",
        "resolution",
        "motion",
        "declaration",
        "text",
        "order",
        "ruling",
        "verdict",
        "indictment",
        "complaint",
        "lawsuit",
        "data",
        "figure",
        "record",
        "bulletin",
        "update",
        "summary",
        "briefing",
        "assessment",
        # "According to its information, ... hospitals admitted 82" (TASS, on the
        # ministry named before): the issuer's, as its data are.
        "information",
        "estimate",
        "count",
        "tally",
        "calculation",
        "statistic",
    }
)

# Things written or made that a later "it" may mean as the source of what it says
# ("The police also released a video ... It directly contradicted what Trump said";
# "an ad titled 'Scam.' It slams ..."): the documents and, besides, these.
SPEAKING_THINGS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    {"ad", "advertisement", "commercial", "editorial", "article", "book", "study", "bill"}
    | {"law", "legislation", "measure", "page", "platform", "website", "petition", "op-ed"}
)
# What a body releases, publishes or sends whose words are then the body's ("according
# to the latest data ... released by Russia's Defense Ministry", "satellite images
# published by the New York Times indicating", "The letter, sent by Assistant Attorney
# General Harmeet Dhillon, cited"); never people ("soldiers released by Russia said").
ISSUED_THINGS: frozenset[str] = SPEAKING_THINGS | frozenset(
    {"data", "figure", "statistic", "list", "image", "footage", "poll", "survey", "map"}
    | {"estimate", "assessment", "analysis", "tally", "count", "photo", "photograph"}
)
# Verbs by whose agent one of them speaks ("A statement signed by 300 international
# organizations described the bill as ...": the organizations; "sent by").
ISSUING_LEMMAS: frozenset[str] = frozenset(
    {"sign", "issue", "release", "publish", "write", "draft", "co-sign", "endorse", "send"}
)
# Things that act but never speak: a verb of stance after one is its doing, not a
# position ("Flames ripped through Nottoway House", "the blast tore apart").
MUTE_THINGS: frozenset[str] = frozenset(
    {"flame", "fire", "blaze", "smoke", "storm", "wind", "flood", "water", "wave", "blast"}
    | {"explosion", "missile", "drone", "rocket", "shell", "bomb", "bullet", "debris"}
    | {"car", "truck", "vehicle", "plane", "ship", "boat", "train", "tank"}
)
# Verbs whose object is a thing made public, a candidate for that "it" as a subject is.
RELEASE_VERBS: frozenset[str] = frozenset(
    {"release", "launch", "publish", "issue", "post", "air", "run", "unveil", "file", "send"}
)

# Head nouns of a body that a definite reference points back to only when the
# body's own name says it ("the ministry" -> "Russia's Defense Ministry", "the
# bank" -> "Bank of Israel"); GENERIC_BODY_NOUNS may also point back to the
# body named just before ("the company" after "Pfizer").
GENERIC_BODY_NOUNS: frozenset[str] = frozenset(
    {"company", "firm", "group", "organization", "organisation", "network", "outlet", "broadcaster"}
)

# What an outlet is called once named ("According to the TV channel" after "Egypt's
# Al-Qahira Al-Ekhbariya reported").
_PAPER_NOUNS = _word_list("newspaper paper daily tabloid publication")
_NETWORK_NOUNS = _word_list("network broadcaster channel station outlet")
OUTLET_NOUNS: frozenset[str] = (
    _PAPER_NOUNS | _NETWORK_NOUNS | frozenset({"agency", "magazine", "website", "portal"})
)

# Bodies every place has, which "the police said" names well enough when no police
# force was named before ("According to the police, they received a call ...": DW, 409
# articles); "the ministry" without one named before is nobody a reader can place.
STANDING_BODIES: frozenset[str] = frozenset({"police", "authorities"})

# Determiners that make a noun phrase definite (a reference back) or not (a
# new, unnamed source).
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that", "these", "those"})

# Capitals that news writes for their governments ("Kiev does not understand
# Washington's position", "Moscow said"): the small model sometimes tags them as
# a person, and a later "he" then resolves to "Kiev". Alone, never a person.
CAPITAL_CITIES: frozenset[str] = _word_list(
    """
    kiev kyiv moscow washington beijing london paris berlin brussels tehran ankara
    warsaw minsk pretoria islamabad tokyo pyongyang seoul damascus riyadh doha cairo
    """
)

# What news calls a person it has just named, instead of a pronoun: a standing, not an
# office ("a reporter asked Trump ... 'There should be systems,' the businessman
# replied"). An office ("the judge", "the governor") is someone's only when the article
# gave it to them.
EPITHETS: frozenset[str] = frozenset(
    {"candidate", "nominee", "front-runner", "frontrunner", "hopeful", "contender"}
    | {"challenger", "incumbent", "businessman", "businesswoman", "billionaire", "mogul"}
    | {"tycoon", "developer", "actor", "actress", "star", "singer", "comedian", "host"}
    | {"republican", "democrat", "conservative", "liberal", "populist", "newcomer"}
)

# Words that qualify a role ("Deputy Chairman", "First Deputy Head", "Acting
# Minister"): with role words alone they name no one.
# Offices held over one region: "the governor" in a sentence about another region
# ("Regional governor Oleh Kiper said ... In the western region of Khmelnytskyi, ...,
# the governor said") is that region's governor, not the one named before.
REGIONAL_ROLES: frozenset[str] = frozenset({"governor", "mayor"})

# Nouns a region's name is given with: "the central Cherkasy region", "the region of
# Khmelnytskyi", "Kharkiv oblast".
REGION_NOUNS: frozenset[str] = frozenset(
    {"region", "oblast", "province", "governorate", "krai", "county", "city"}
)

ROLE_MODIFIERS: frozenset[str] = frozenset(
    {"deputy", "vice", "first", "acting", "former", "chief", "head", "chairman", "member"}
    | {"special", "senior", "top", "interim", "outgoing", "incoming"}
)


@dataclass(frozen=True)
class BodyKind:
    """What a bare definite body noun ("the agency", "the company") can refer back to:
    a body named before whose name or description has one of ``shows`` ("FBI" is an
    agency, "Ameriquest, a lender" a company); where ``unknown`` is set, also a body
    whose words show no kind at all (most companies are known by their name alone:
    "Twitter ... The company said"). ``example`` is the sentence it exists for."""

    nouns: frozenset[str]
    shows: frozenset[str]
    unknown: bool
    example: str


BODY_KINDS: tuple[BodyKind, ...] = (
    BodyKind(
        _word_list("agency"),
        _word_list(
            """agency bureau administration service department fbi cia nsa dhs epa fda irs fema
            nasa dea atf cdc ice tass ria interfax reuters ap afp xinhua ukrinform unian mna irna
            tasnim wafa anadolu yonhap kyodo efe ansa dpa pap belta ukrinform"""
        ),
        False,
        "the FBI confirmed that it was working on the matter. The agency declined to detail it",
    ),
    BodyKind(
        _word_list("company firm business corporation"),
        _word_list(
            """company companies firm inc inc. corp corp. corporation co co. ltd llc plc group
            airlines airways lender retailer maker automaker carmaker insurer giant startup
            bank"""
        ),
        True,
        "Twitter said it had suspended accounts. The company said its moves had worked",
    ),
    BodyKind(
        _word_list("group organization organisation foundation association"),
        _word_list(
            """group organization organisation foundation association coalition alliance
            institute center centre council network union society league fund watch
            committee movement project caucus"""
        ),
        True,
        "The Trayvon Martin Foundation told Fox 35 ... “We are focused,” the group said",
    ),
    BodyKind(
        _PAPER_NOUNS,
        _word_list(
            """newspaper paper times post journal herald tribune gazette daily guardian
            telegraph independent izvestia kommersant vedomosti haaretz monde express mail
            mirror sun observer standard economist"""
        ),
        False,
        "the New York Daily News ran the cover. The newspaper said it stood by it",
    ),
    BodyKind(
        _NETWORK_NOUNS,
        _word_list(
            """network broadcaster channel station outlet cnn msnbc fox nbc abc cbs bbc rt
            pbs npr tv television radio news"""
        ),
        False,
        "Fox News announced the change. The network said the host would stay",
    ),
    BodyKind(
        _word_list("ministry"),
        _word_list("ministry mod"),
        False,
        "while China’s foreign ministry also weighed in. “...,” the ministry said",
    ),
    BodyKind(
        _word_list("department"),
        _word_list("department dept dept. doj dos dod dhs pentagon"),
        False,
        "the Justice Department opened an inquiry. The department said",
    ),
    BodyKind(
        _word_list("military army"),
        _word_list("military army idf forces armed defense defence"),
        False,
        "The Israeli military said the delegation deviated. The military apologized",
    ),
    BodyKind(
        _word_list("force police constabulary"),
        _word_list("police constabulary met"),
        False,
        "The Metropolitan Police said a third man had been charged. ... the force said",
    ),
    BodyKind(
        _word_list("presidency"),
        _word_list("presidency presidential élysée elysée elysee kremlin bankova"),
        False,
        "The Elysée Palace has said that ... “...,” the presidency said",
    ),
)

# Who a person described by trade is, a person noun when no other list has it ("A
# British surgeon who returned to southern Gaza ... Dr Rose says").
PROFESSION_NOUNS: frozenset[str] = _word_list(
    """
    surgeon physician medic paramedic volunteer witness photographer farmer engineer
    lawyer attorney researcher scientist professor pastor priest imam rabbi chef
    """
)
