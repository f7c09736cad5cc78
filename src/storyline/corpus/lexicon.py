"""Constant word lists the cross-article stage reads (data, not logic).

Kept in one module so a reader can see and extend what counts as a title,
a role word or a stop word without reading the matching code.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """Whitespace-separated word lists read better than long list literals."""
    return text.split()


# Words that precede a name but are not part of it: honorifics, titles and
# offices ("US President Donald Trump", "Mr. Zelensky", "Secretary of State
# Marco Rubio"). Stripped from the front of a mention before names compare.
TITLES: frozenset[str] = frozenset(
    _words(
        """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend
    president vice prime minister secretary chancellor premier taoiseach
    senator sen rep representative congressman congresswoman speaker
    gov governor mayor general gen lt col colonel major maj capt captain admiral adm sgt
    king queen pope prince princess emperor sheikh ayatollah
    judge justice attorney ambassador envoy spokesman spokeswoman spokesperson
    chairman chairwoman chair ceo director chief commander adviser advisor
    former acting deputy elect president-elect us u.s. uk ukrainian russian
    american french german british israeli chinese iranian
    """
    )
)

# Honorifics are never part of a name, whatever spaCy labelled the mention;
# the other titles are stripped only from people ("General Motors" keeps its
# first word).
HONORIFICS: frozenset[str] = frozenset(_words("mr mrs ms miss dr sir dame"))

# Legal-form words that end organisation names: "Apple Inc", "Ford Motor
# Company" and "Fiat Group SpA" are Apple, Ford Motor and Fiat.
CORPORATE_SUFFIXES: frozenset[str] = frozenset(
    _words(
        """
        inc incorporated corp corporation co company group plc spa nv n.v ag sa ltd llc
        limited holdings
        """
    )
)

# Common words that begin many organisations' names without naming one on
# their own: "Defense" (Ministry, Committee, Department), "National" (Guard,
# Crime Agency, Institutes of Health), "House" (of Commons, Judiciary
# Committee). Such a word, used alone, joins a longer name only when one
# entity holds most of the longer names' uses, and never names an entity.
# Words that are a body's usual short name ("Labour", "Hamas") are not here.
GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    _words(
        """
    national international united state states federal central general public royal
    supreme independent free new black white red green north south east west
    northern southern eastern western american european global world
    house senate congress parliament assembly government administration
    department ministry office bureau agency service services authority
    center centre institute university college school academy library museum
    council committee commission board court tribunal union league federation
    association foundation society organization organisation alliance coalition
    party movement front forces force army navy police guard
    bank fund group company corporation trust crown church land
    defense defence health justice foreign interior finance treasury education energy
    security intelligence homeland trade transport labor environment
    """
    )
)

# Words skipped when reading an acronym off a name ("European Aeronautic
# Defence and Space" -> EADS).
ACRONYM_SKIP: frozenset[str] = frozenset(_words("of and the for de du"))

# Role words that describe an office; shared role words across two articles
# are evidence that two near-miss spellings name the same office holder.
# Generic words ("president", nationality adjectives) are excluded because
# many different people share them.
GENERIC_ROLE_WORDS: frozenset[str] = frozenset(
    _words(
        """
    mr mrs ms dr the of and for us u.s. uk president former acting deputy
    white house ukrainian russian american
    """
    )
)

# A trailing word that ends a mention but is not part of the name ("Trump's").
POSSESSIVE_SUFFIXES: tuple[str, ...] = ("'s", "’s", "'", "’")

# Common English words skipped when building story term vectors: they say
# nothing about which event an article reports.
STOP_WORDS: frozenset[str] = frozenset(
    _words(
        """
    a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't
    do does doesn't doing don't down during each few for from further had hadn't has hasn't
    have haven't having he he'd he'll he's her here here's hers herself him himself his how
    how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
    mustn't my myself no nor not of off on once only or other ought our ours ourselves out
    over own same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's
    whom why why's with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves said says say told according also would could will just like one two
    new year years last first time people mr mrs ms may can get got make made many much
    still even back well way since another around week day days month months told saying
    """
    )
)

# East-Asian names come surname first in English-language news (Xi Jinping,
# Kim Jong Un, Moon Jae-in, and sometimes Abe Shinzo). A name is read that way
# when its first word is one of these surnames and every other word spells
# syllables of the matching romanisation (below), so "Kim Jong Un" is the Kim
# family's Jong Un while "Kim Kardashian" keeps the usual given-name-first order.
# Chinese (pinyin) and Korean surnames share the Sinitic syllable check.
SINITIC_SURNAMES: frozenset[str] = frozenset(
    _words(
        """
    xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao
    luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan
    cai jiang yu du ye cheng wei su lu ding ren shen yao jin wen qin bo hua mao fu lai
    kong qian kim lee yi park pak choi jung jeong kang cho yoon yun jang lim oh seo shin
    kwon hwang ahn ryu hong moon mun ko son bae baek heo nam roh noh ri chun chung
    """
    )
)
JAPANESE_SURNAMES: frozenset[str] = frozenset(
    _words(
        """
    abe kishida suga ishiba takaichi koizumi aso noda kan hatoyama fukuda mori sato
    suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida
    yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu motegi kono iwaya
    nishimura okada ozawa hashimoto miyazawa nakasone
    """
    )
)

# Pinyin syllables as initials x finals (over-generating a little is harmless:
# the check only has to reject English given names such as "Kardashian").
PINYIN_INITIALS: tuple[str, ...] = (*_words("b p m f d t n l g k h j q x zh ch sh r z c s y w"), "")
PINYIN_FINALS: tuple[str, ...] = tuple(
    _words(
        """
    a o e i u v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong
    ua uo uai ui uan un uang ue
    """
    )
)
# Syllables of Korean given names (Revised and McCune-Reischauer spellings).
KOREAN_SYLLABLES: frozenset[str] = frozenset(
    _words(
        """
    jae in jong un yo hyun min woo young yeong sung seong hee ho suk seok jin joon jun
    myung kyung soo su ji hye eun dae jung chul il nam kwang chan hwan yeol ryul wook
    hoon sang won gyu geun doo hak hong tae yun yoon mi ae ja sook yong bok gil han hyuk
    chang kun keun mun myeong seon sun gi ki yeon yon bin bum beom cheol chol dong du
    gun hwa hyo je jeong jo ju kang kyu man mo mu na no o ok pil rae ri ro sam se seo si
    so song tak u ung wan we wi ya ye yeo yu hi do yol yup
    """
    )
)
# Japanese morae in Hepburn spelling (long vowels written out or with h).
JAPANESE_MORAE: frozenset[str] = frozenset(
    [v for v in "aiueo"]
    + [c + v for c in "kstnhmyrwgzdbp" for v in "aiueo"]
    + _words("shi chi tsu fu ji n sha shu sho cha chu cho ja ju jo kya kyu kyo")
    + _words("gya gyu gyo nya nyu nyo hya hyu hyo mya myu myo rya ryu ryo bya byu byo")
    + _words("pya pyu pyo oh")
)


# One first name as Russian, Ukrainian and English spell it: TASS's "Vladimir
# Zelensky" is Kyiv's "Volodymyr Zelenskyy", "Aleksandr Syrsky" is "Oleksandr
# Syrskyi". Names in one group are compatible first names (``names.
# first_names_compatible``) when the surnames match.
FIRST_NAME_EQUIVALENTS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "vladimir volodymyr wladimir",
        "aleksandr alexander oleksandr olexander oleksander alexandr",
        "aleksei alexei alexey oleksiy oleksii olexiy",
        "dmitry dmitri dmitriy dmytro",
        "sergei sergey serhiy serhii sergiy",
        "andrei andrey andriy andrii",
        "yuri yury yuriy yurii",
        "mikhail mykhailo mykhaylo",
        "nikolai nikolay mykola",
        "pavel pavlo",
        "pyotr petr petro",
        "grigory hryhoriy hryhorii",
        "gennady hennadiy hennadii",
        "vitaly vitaliy vitalii vitali",
        "oleg oleh",
        "igor ihor",
        "yevgeny yevgeniy evgeny yevhen yevhenii",
        "vasily vasyl vasilii",
        "anatoly anatoliy anatolii",
        "valery valeriy valerii",
        "kirill kyrylo",
        "maxim maksim maksym",
        "bogdan bohdan",
        "georgy georgiy heorhiy heorhii",
        "arseny arseniy",
        "yelena elena olena",
        "yulia yuliya julia",
        "tatiana tatyana tetiana tetyana",
        "natalia natalya nataliya",
        "irina iryna",
        "olga olha",
        "lyudmila liudmyla",
    )
)

# An organisation's name in British and American spelling is one name
# ("Russian Defence Ministry" ~ "Russian Defense Ministry").
ORG_SPELLINGS: dict[str, str] = {
    "defence": "defense",
    "organisation": "organization",
    "centre": "center",
    "programme": "program",
    "labour": "labor",
}
# Heads whose "<head> of <X>" is the same body as "<X> <head>" ("Ministry of
# Defense" ~ "Defense Ministry").
OF_INVERTED_HEADS: frozenset[str] = frozenset({"ministry", "department"})

# A country's name as its adjective, so "Russia's Defense Ministry" is the
# "Russian Defense Ministry".
COUNTRY_ADJECTIVES: dict[str, str] = {
    "russia": "Russian",
    "ukraine": "Ukrainian",
    "israel": "Israeli",
    "iran": "Iranian",
    "china": "Chinese",
    "germany": "German",
    "france": "French",
    "britain": "British",
    "poland": "Polish",
    "turkey": "Turkish",
    "india": "Indian",
    "pakistan": "Pakistani",
    "belarus": "Belarusian",
    "syria": "Syrian",
    "japan": "Japanese",
    "america": "American",
}

# Well-known places and bodies under other names or spellings: each line is the
# usual name, then its other names, in lower case without dots (see
# ``entities.forms.form_key``). "Kiev" (TASS) is "Kyiv", "America" and "USA" are
# the "US", "Britain" is the "UK", "Gaza Strip" is "Gaza".
PLACE_ALIASES: dict[str, str] = {
    variant.strip(): canonical
    for canonical, variants in (
        line.split(":")
        for line in """
us: usa, america, united states, united states of america
uk: britain, great britain, united kingdom
russia: russian federation
kyiv: kiev
gaza: gaza strip
nato: north atlantic alliance, north atlantic treaty organization
washington: washington dc
idf: israeli defense forces, israel defense forces
germany: federal republic of germany
iran: islamic republic of iran
turkey: turkiye
vatican: vatican city
""".strip().splitlines()
    )
    for variant in variants.split(",")
}

# Words after a body's name that make a longer name for another body, its organ,
# or for an event it holds: the "UN Security Council", the "UN General Assembly"
# and the "EU Council" are not the UN or the EU, an "SCO Summit" is not the SCO
# ("BBC Verify", a programme, is the BBC's own). A longer name that goes on with
# "of" is another body too ("Congress of Soviets").
ORGAN_HEADS: frozenset[str] = frozenset(
    _words(
        """
    council assembly committee commission court tribunal parliament secretariat
    office agency mission bank fund program summit conference
    """
    )
)

# Words after a person's surname that make a body led by or named after the
# person, which does not make the lone surname that body: "Orban" in an article
# with "Viktor Orban" is the prime minister even where "Orban government" is an
# organisation.
PERSON_LED_HEADS: frozenset[str] = frozenset(
    _words(
        """
    administration government campaign era team family cabinet presidency regime
    foundation doctrine camp allies aides white house
    """
    )
)
