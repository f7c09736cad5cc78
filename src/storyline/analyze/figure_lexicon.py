"""Constant tables the figures component reads: fractions, units, qualifiers, measures.

Kept as data, apart from the matching code in ``figures/``, so that a reader
can see (and extend) every word the extractor knows without reading regexes.
All keys are lower case. Nothing here is mutated at run time.
"""

from __future__ import annotations

# --- Number words -----------------------------------------------------------
# The cardinal and scale words ("two", "forty", "million") are in
# ``shared_lexicon``, which the timexes read too; these are the figures' own.

# Scale suffixes glued to digits ("25k", "$4bn", "$3m"): only these, since a
# glued letter is otherwise an identifier ("F-16", "5G", "MH17").
GLUED_SCALES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mil": 1e6,  # Malaysian and Singaporean papers: "RM3.06mil"
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
# Words that are a number on their own ("a dozen eggs").
DOZEN_WORDS: dict[str, int] = {"dozen": 12, "score": 20}
# Fractions spelt out. "half" stands alone; the others need an article or a
# count before them ("a third", "two-thirds"), since "third" alone is an ordinal.
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,  # American "one fourth"
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
# Multiplicative words ("sixfold", "twice"): value and the unit "times".
# "twice"/"double" are left out: mostly adverbs ("scored twice", "double-digit").
MULTIPLIER_WORDS: dict[str, float] = {
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "sixfold": 6,
    "tenfold": 10,
}

# Vague plural counts, as (low, high): "thousands of people" is at least a
# thousand and fewer than ten thousand. "dozens" follows NewsQuant's gold
# annotation (12-120); "tens of"/"hundreds of" multiply both ends.
VAGUE_PLURALS: dict[str, tuple[float, float]] = {
    "dozens": (12, 120),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
}

# --- Units -------------------------------------------------------------------
# Currency written before the number. The unit names are ISO 4217 codes so
# that figures from different outlets compare ("$", "US$", "USD" are one unit).
# Unit symbols whose meaning depends on case: "450 Nm" of torque is not 450
# nanometres, "300 PS" is metric horsepower (a car's rating), "100 MB" is bytes.
CASE_SENSITIVE_UNITS: dict[str, str] = {
    "Nm": "newton metre",
    "PS": "metric horsepower",
    "MB": "megabyte",
    "KB": "kilobyte",
    "kB": "kilobyte",
    "GPa": "gigapascal",  # not a grade point average ("a 3.8 GPA")
    "MPa": "megapascal",
    "kV": "kilovolt",
    "W": "watt",  # "a 5 W charger"; a lower-case "w" is only a unit glued on
}
# ISO 4217 codes written in capitals before or after the number ("EGP 50
# billion", "NIS 900", "75 USD"). Matched case-sensitively, and codes that are
# also common capitalised words or names (ALL, CUP, TOP, AMD, TRY, MOP, BOB,
# PEN) are left out.
ISO_CURRENCY_CODES: dict[str, str] = {
    code: code
    for code in [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "CHF",
        "AUD",
        "CAD",
        "NZD",
        "HKD",
        "SGD",
        "INR",
        "RUB",
        "UAH",
        "ILS",
        "BRL",
        "MXN",
        "ARS",
        "CLP",
        "COP",
        "ZAR",
        "EGP",
        "SAR",
        "AED",
        "QAR",
        "KWD",
        "BHD",
        "OMR",
        "JOD",
        "NGN",
        "KES",
        "GHS",
        "ETB",
        "MAD",
        "TND",
        "DZD",
        "PKR",
        "BDT",
        "LKR",
        "NPR",
        "IDR",
        "MYR",
        "THB",
        "VND",
        "KRW",
        "TWD",
        "PHP",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "SEK",
        "NOK",
        "DKK",
        "ISK",
        "IRR",
        "IQD",
        "SYP",
        "LBP",
        "BYN",
        "KZT",
        "GEL",
        "AZN",
        "UZS",
    ]
} | {"NIS": "ILS", "RMB": "CNY"}
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "$us": "USD",
    "us $": "USD",
    "usd": "USD",
    "$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "c $": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "hk$": "HKD",
    "hk $": "HKD",
    "au $": "AUD",
    "nz $": "NZD",
    "nz$": "NZD",
    "s$": "SGD",
    "£": "GBP",
    "gbp": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "¥": "JPY",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    # "PS" is how "£" often arrives after a lossy encoding ("PS2.7m"); only
    # recognised glued to digits, so "PS 5" (PlayStation) stays out.
    "ps": "GBP",
    "₽": "RUB",
    "rub": "RUB",
    "₴": "UAH",
    "uah": "UAH",
    "₪": "ILS",
    "chf": "CHF",
    "rm": "MYR",
    "$a": "AUD",  # Australian papers write "$A82m" beside "$US55m"
    "s $": "SGD",
    # "Y=" is how Reuters copy renders "¥" after a lossy encoding ("Y=28,030")
    "y=": "JPY",
    "r$": "BRL",
}
# Units written after the number, surface form -> unit name. Longer surface
# forms are tried first, so "square metres" wins over "metres".
UNIT_SUFFIXES: dict[str, str] = {
    # shares and rates
    "%": "percent",
    "per cent": "percent",
    "percent": "percent",
    "pct": "percent",
    "pc": "percent",
    "percentage points": "percentage point",
    "percentage point": "percentage point",
    "basis points": "basis point",
    "basis point": "basis point",
    "bps": "basis point",
    "points": "point",
    "point": "point",
    "pts": "point",
    # money written out, and ISO codes after the number ("115USD", "20 EUR")
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "chf": "CHF",
    "dollars": "USD",
    "dollar": "USD",
    "chinese yuan": "CNY",
    "rmb": "CNY",
    "元": "CNY",
    "swiss francs": "CHF",
    # currency symbols written after the number ("15 €", "100元"); not "$",
    # which after a number usually opens the next one ("5 $10 bills")
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
    "japanese yen": "JPY",
    "indian rupees": "INR",
    "russian roubles": "RUB",
    "russian rubles": "RUB",
    "ukrainian hryvnias": "UAH",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "malaysian ringgit": "MYR",
    "turkish lira": "TRY",
    "lira": "TRY",
    "south african rand": "ZAR",
    "rand": "ZAR",
    "danish crowns": "DKK",
    "danish kroner": "DKK",
    "swedish crowns": "SEK",
    "swedish kronor": "SEK",
    "norwegian crowns": "NOK",
    "norwegian kroner": "NOK",
    "us dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "shekels": "ILS",
    "shekel": "ILS",
    "ringgit": "MYR",
    "sen": "sen",
    "cents": "cent",
    "cent": "cent",
    "pence": "penny",
    "p": "penny",
    # durations (a duration is a quantity; a date is not)
    "seconds": "second",
    "second": "second",
    "minutes": "minute",
    "minute": "minute",
    "mins": "minute",
    "min": "minute",
    "hours": "hour",
    "hour": "hour",
    "hrs": "hour",
    "days": "day",
    "day": "day",
    "weeks": "week",
    "week": "week",
    "months": "month",
    "month": "month",
    "years": "year",
    "year": "year",
    "yrs": "year",
    "decades": "decade",
    "decade": "decade",
    "centuries": "century",
    "century": "century",
    # distance, area, volume, mass, energy, speed
    "kilometres per hour": "kilometre per hour",
    "kilometers per hour": "kilometre per hour",
    "km/h": "kilometre per hour",
    "kph": "kilometre per hour",
    "miles per hour": "mile per hour",
    "miles an hour": "mile per hour",
    "mph": "mile per hour",
    "m.p.h.": "mile per hour",
    "m.p.h": "mile per hour",
    "knots": "knot",
    "miles per gallon": "mile per gallon",
    "mpg": "mile per gallon",
    "square kilometres": "square kilometre",
    "square kilometers": "square kilometre",
    "sq km": "square kilometre",
    "km2": "square kilometre",
    "square metres": "square metre",
    "square meters": "square metre",
    "sq m": "square metre",
    "square feet": "square foot",
    "sq ft": "square foot",
    "square miles": "square mile",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "km": "kilometre",
    "metres": "metre",
    "meters": "metre",
    "metre": "metre",
    "meter": "metre",
    "m": "metre",
    "centimetres": "centimetre",
    "centimeters": "centimetre",
    "cm": "centimetre",
    "millimetres": "millimetre",
    "millimetre": "millimetre",
    "millimeter": "millimetre",
    "centimetre": "centimetre",
    "centimeter": "centimetre",
    "nanometre": "nanometre",
    "nanometer": "nanometre",
    "micrometre": "micrometre",
    "micrometer": "micrometre",
    "micron": "micrometre",
    "μm": "micrometre",  # Greek mu
    "µm": "micrometre",  # micro sign (U+00B5), the other common encoding
    "millimeters": "millimetre",
    "mm": "millimetre",
    "micrometres": "micrometre",
    "micrometers": "micrometre",
    "microns": "micrometre",
    "nanometres": "nanometre",
    "nanometers": "nanometre",
    "nm": "nanometre",
    "miles": "mile",
    "mile": "mile",
    "yards": "yard",
    "yard": "yard",
    "feet": "foot",
    "foot": "foot",
    "ft": "foot",
    "inches": "inch",
    "inch": "inch",
    "acres": "acre",
    "hectares": "hectare",
    "litres": "litre",
    "liters": "litre",
    "litre": "litre",
    "liter": "litre",
    "l": "litre",
    "millilitres": "millilitre",
    "milliliters": "millilitre",
    "ml": "millilitre",
    "m2": "square metre",
    "m²": "square metre",
    "t": "tonne",
    "gallons": "gallon",
    "gallon": "gallon",
    "barrels per day": "barrel per day",
    "barrels a day": "barrel per day",
    "barrels": "barrel",
    "barrel": "barrel",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "ton",
    "ton": "ton",
    "gigatons": "gigaton",
    "gigatonnes": "gigaton",
    "kilograms": "kilogram",
    "kilogram": "kilogram",
    "kilos": "kilogram",
    "kg": "kilogram",
    "grams": "gram",
    "gram": "gram",
    "g": "gram",
    "milligrams": "milligram",
    "mg": "milligram",
    "pounds": "pound",
    "pound": "pound",
    "lbs": "pound",
    "lb": "pound",
    "ounces": "ounce",
    "ounce": "ounce",
    "oz": "ounce",
    "degrees celsius": "celsius",
    "degrees fahrenheit": "fahrenheit",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degrees centigrade": "celsius",
    "centigrade": "celsius",
    "degrees c": "celsius",
    "degrees f": "fahrenheit",
    "degree c": "celsius",
    "degree f": "fahrenheit",
    "deg c": "celsius",
    "degc": "celsius",
    "degf": "fahrenheit",
    "deg f": "fahrenheit",
    "deg celsius": "celsius",
    "deg fahrenheit": "fahrenheit",
    # common misspellings in user-written text
    "celcius": "celsius",
    "farenheit": "fahrenheit",
    "degrees farenheit": "fahrenheit",
    "deg": "degree",
    "° celsius": "celsius",
    "°celsius": "celsius",
    "° fahrenheit": "fahrenheit",
    "°fahrenheit": "fahrenheit",
    "°c": "celsius",
    "°f": "fahrenheit",
    "celsius": "celsius",
    "fahrenheit": "fahrenheit",
    "degrees": "degree",
    "degree": "degree",
    "°": "degree",
    "horsepower": "horsepower",
    "hp": "horsepower",
    "bhp": "brake horsepower",
    "pound-feet": "pound-foot",
    "lb-ft": "pound-foot",
    "rpm": "revolutions per minute",
    "kilowatt hours": "kilowatt hour",
    "kilowatt-hours": "kilowatt hour",
    "kilowatt-hour": "kilowatt hour",
    "kilowatt hour": "kilowatt hour",
    "kwh": "kilowatt hour",
    "megawatt hours": "megawatt hour",
    "mwh": "megawatt hour",
    "gigawatts": "gigawatt",
    "gw": "gigawatt",
    "megawatts": "megawatt",
    "megawatt": "megawatt",
    "gigawatt": "gigawatt",
    "kilowatt": "kilowatt",
    "watt": "watt",
    "gigawatt hours": "gigawatt hour",
    "gigawatt-hours": "gigawatt hour",
    "gwh": "gigawatt hour",
    "mw": "megawatt",
    "kilowatts": "kilowatt",
    "kw": "kilowatt",
    "watts": "watt",
    "w": "watt",
    "mah": "milliampere-hour",
    "volts": "volt",
    "volt": "volt",
    "kilovolts": "kilovolt",
    "kv/cm": "kilovolt per centimetre",
    # pressure and material strength
    "gigapascals": "gigapascal",
    "megapascals": "megapascal",
    "ksi": "kilopound per square inch",
    "psi": "pound per square inch",
    # inch and foot marks ("a 25.5″ neck")
    "″": "inch",
    "′": "foot",
    # per-game averages in sports reports ("15.3 ppg, 7.4 rpg")
    "ppg": "point per game",
    "rpg": "rebound per game",
    "apg": "assist per game",
    "gigahertz": "gigahertz",
    "ghz": "gigahertz",
    "megahertz": "megahertz",
    "mhz": "megahertz",
    "kilohertz": "kilohertz",
    "khz": "kilohertz",
    "hertz": "hertz",
    "hz": "hertz",
    "terabytes": "terabyte",
    "tb": "terabyte",
    "gigabytes": "gigabyte",
    "gb": "gigabyte",
    "megabytes": "megabyte",
    "mb": "megabyte",
    "mbps": "megabit per second",
    "gbps": "gigabit per second",
    "parts per million": "part per million",
    "ppm": "part per million",
    "parts per billion": "part per billion",
    "ppb": "part per billion",
    "times": "times",
    "fold": "times",
    "x": "times",
}
# Unit suffixes that may be glued to the digits ("5km", "20mph", "164p",
# "3.5GHz"); the rest need a space or hyphen, so that "5G" or "4x4" stay out.
GLUED_UNITS: frozenset[str] = frozenset(
    {
        "%",
        "°",
        "°c",
        "°f",
        "km",
        "m",
        "cm",
        "mm",
        "nm",
        "ft",
        "kg",
        "g",
        "mg",
        "lb",
        "lbs",
        "oz",
        "mph",
        "kph",
        "km/h",
        "mpg",
        "kwh",
        "mwh",
        "kw",
        "mw",
        "gw",
        "w",
        "mah",
        "ghz",
        "mhz",
        "hz",
        "tb",
        "gb",
        "mb",
        "mbps",
        "gbps",
        "ppm",
        "ppb",
        "hp",
        "bhp",
        "p",
        "bps",
        "pts",
        "x",
        "mins",
        "min",
        "ml",
        "m2",
        "m²",
        "t",
        "usd",
        "€",
        "£",
        "元",
        "₹",
        "₽",
        "₴",
        "eur",
        "gbp",
        "hrs",
        "pc",
        "khz",
        "l",
        "yrs",
        "μm",
        "µm",
        "″",
        "′",
        "degf",
        "degc",
        "deg c",
        "deg f",
        "gwh",
        "ksi",
        "psi",
        "sq m",
        "sq ft",
        "sq km",
    }
)
# Single letters and very short abbreviations that are only a unit when glued
# to the digits or followed by nothing word-like ("6 m" is rarely metres in news).
GLUED_ONLY: frozenset[str] = frozenset({"m", "g", "w", "p", "x", "nm", "mb", "l", "pc", "t"})

# Time units, for durations, ages and rate periods.
TIME_UNITS: frozenset[str] = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
# Lengths and distances: "many hundreds of kilometres away from the front" says how far
# a place is, counts nothing that happened there, and does not own the sentence's place.
DISTANCE_UNITS: frozenset[str] = frozenset(
    {"kilometre", "metre", "centimetre", "millimetre", "mile", "foot", "inch", "yard"}
)
# Age: "a 75-year-old woman", "aged 44", "75 years old", "died at 77".
AGE_SUFFIXES: tuple[str, ...] = (
    "-year-old",
    " year-old",
    " year old",
    " years old",
    "-years-old",
    "-month-old",
    " months old",
    "-week-old",
    " weeks old",
    "-day-old",
    " days old",
    " day old",
    "-day old",
    " years of age",
    " year of age",
    " months of age",
    " weeks of age",
    " days of age",
    " yo",
    " y.o.",
    "-yo",
)
# Nouns for a person: "The suspect, 34, ..." gives the suspect's age, as a name would.
PERSON_NOUNS: frozenset[str] = frozenset(
    {"man", "woman", "boy", "girl", "child", "teenager", "teen", "baby", "toddler"}
    | {"suspect", "victim", "driver", "passenger", "pedestrian", "pilot", "officer"}
    | {"mother", "father", "son", "daughter", "wife", "husband", "grandmother"}
    | {"grandfather", "brother", "sister", "resident", "student", "worker", "soldier"}
    | {"patient", "player", "actor", "actress", "singer", "rapper", "defendant"}
    | {"gunman", "attacker", "survivor", "veteran", "nurse", "doctor", "teacher"}
)
# Who an age limit is about ("children under 15", "those over 65"): the
# number after "under"/"over" is an age, not a figure.
AGE_GROUP_NOUNS: frozenset[str] = frozenset(
    {"children", "kids", "teenagers", "teens", "minors", "girls", "boys", "youths", "people"}
    | {"those", "adults", "pupils", "students", "users", "anyone", "everyone", "persons"}
)
AGE_PREFIXES: tuple[str, ...] = (
    "aged ",
    "age ",
    "at age ",
    "at the age of ",
    "the age of ",
    "who is ",
    "who was ",
    "died at ",
    "dies at ",
    "dead at ",
)

# --- Qualifiers ----------------------------------------------------------------
# Words before a number, surface -> normalised qualifier. The normalised
# vocabulary (documented in docs and tests) is: about, nearly, more than,
# at least, less than, up to, maybe more, average, exactly, estimated.
# "closer to" reads as an approximation ("put the real figure closer to 70,000").
QUALIFIERS_BEFORE: dict[str, str] = {
    "about": "about",
    "around": "about",
    "round about": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "circa": "about",
    "c.": "about",
    "an estimated": "about",
    "estimated": "about",
    "closer to": "about",
    "close to": "nearly",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "above": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "north of": "more than",
    "exceed": "more than",  # "the victims now exceed 50,000": a floor
    "exceeds": "more than",
    "exceeded": "more than",
    "exceeding": "more than",
    "greater than": "more than",
    "higher than": "more than",
    "longer than": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "lower than": "less than",
    "shorter than": "less than",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
    "an average of": "average",
    "on average": "average",
    "average of": "average",
    "exactly": "exactly",
    "precisely": "exactly",
}
# Words after a number (", maybe more", "5,000-plus").
QUALIFIERS_AFTER: dict[str, str] = {
    "maybe more": "maybe more",
    "perhaps more": "maybe more",
    "possibly more": "maybe more",
    "probably more": "maybe more",
    "if not more": "maybe more",
    "or more": "at least",
    "plus": "more than",
    "+": "more than",
    "or so": "about",
    "or fewer": "up to",
    "or less": "up to",
    "on average": "average",
}

# --- Measures (what happened to what is counted) -----------------------------
# Lemma of a nearby word -> normalised measure. "dead", "deaths" and
# "fatalities" all normalise to "killed" so that figures compare across
# outlets; "lost" stays its own measure because it is ambiguous (killed, or
# killed and wounded, as seed 001 itself notes), and so do "casualties"
# (killed + wounded) and "injuries" (one person can have several, seed 000).
MEASURES: dict[str, str] = {
    "kill": "killed",
    "killed": "killed",
    "dead": "killed",
    "death": "killed",
    "deaths": "killed",
    "die": "killed",
    "died": "killed",
    "fatality": "killed",
    "fatalities": "killed",
    "slay": "killed",
    "toll": "killed",
    "wound": "wounded",
    "wounded": "wounded",
    "injure": "wounded",
    "injured": "wounded",
    "injury": "injuries",
    "injuries": "injuries",
    "casualty": "casualties",
    "casualties": "casualties",
    "loss": "lost",
    "losses": "lost",
    "lose": "lost",
    "lost": "lost",
    "missing": "missing",
    "capture": "captured",
    "captured": "captured",
    "abduct": "abducted",
    "abducted": "abducted",
    "kidnap": "abducted",
    "kidnapped": "abducted",
    "prisoner": "captured",
    "evacuate": "evacuated",
    "evacuated": "evacuated",
    "displace": "displaced",
    "displaced": "displaced",
    "flee": "displaced",
    "refugee": "refugees",
    "arrest": "arrested",
    "arrested": "arrested",
    "detain": "detained",
    "detained": "detained",
    "destroy": "destroyed",
    "destroyed": "destroyed",
    "damage": "damaged",
    "damaged": "damaged",
    "mobilise": "mobilised",
    "mobilize": "mobilised",
    "recruit": "recruited",
    "deploy": "deployed",
    "deployed": "deployed",
    "launch": "launched",
    "fire": "fired",
    "shoot": "shot down",
    "intercept": "intercepted",
    "return": "returned",
    "exchange": "exchanged",
    "release": "released",
    "free": "released",
    "sanction": "sanctioned",
    "cost": "cost",
    "spend": "spent",
    "pledge": "pledged",
    "allocate": "allocated",
    "aid": "aid",
}
# A light verb whose object names what happened (verb lemma -> object lemma -> measure):
# "251 others were taken hostage", "militants took 251 hostages" (abducted, as
# "abducted 251 people" says it); "held hostage" is not an abduction's count.
LIGHT_VERB_MEASURES: dict[str, dict[str, str]] = {
    "take": {"hostage": "abducted", "captive": "abducted"},
}
# Verbs that, with "into" a place, say the counted went in (verb lemma -> the object the
# verb needs, or None): "Only five trucks made it into Gaza", "it had allowed five lorries
# carrying humanitarian aid into the territory", "100 trucks crossed into Gaza" all count
# what entered, as "Five trucks entered" does.
ENTRY_VERBS: dict[str, str | None] = {
    "make": "it",
    "allow": None,
    "let": None,
    "cross": None,
    "carry": None,
    "bring": None,
    "get": None,
}
ENTERED = "entered"

# Nouns of a group whose members are counted: "a delegation of about 20 diplomats" counts
# the delegation, whatever its members did ("were standing near the entrance"; "firing
# warning shots at a delegation of some 25 diplomats"), so two reports of one delegation
# compare. Group noun -> measure.
GROUP_NOUNS: dict[str, str] = {"delegation": "delegation", "convoy": "convoy"}

# The subject of a verb a total is stated with that names what happened without a measure
# word: "The victims of the Israeli attacks in Gaza now exceed 50,000, including more than
# 15,000 children" (the death toll). Only as that subject: "12 victims were taken to
# hospital" counts people, and says nothing of what happened to them by this word.
TOTAL_SUBJECT_NOUNS: dict[str, str] = {"victims": "killed"}
TOTAL_VERBS: frozenset[str] = frozenset({"exceed", "top", "surpass", "pass", "reach", "number"})

# Nouns that name people by what was once done to them: what is counted, and their measure
# only when no verb says what happens to them now ("another 307 prisoners of war had
# been swapped" counts prisoners swapped; "Israel holds 9,500 prisoners" counts them held;
# "a camp for 300 refugees" counts refugees).
STATUS_NOUNS: frozenset[str] = frozenset({"prisoner", "refugee"})

# Measure words that are only a measure as nouns or adjectives, not as verbs
# spaCy may mis-tag ("fire" as a noun in "under fire" is not a measure).
NOUN_ONLY_MEASURES: frozenset[str] = frozenset({"toll", "aid", "refugee", "prisoner"})
VERB_ONLY_MEASURES: frozenset[str] = frozenset(
    {"fire", "free", "return", "launch", "shoot", "release", "exchange", "cost", "spend"}
)

# --- Rates -------------------------------------------------------------------
# "5,000 soldiers a week", "per day", "each month", "weekly".
PERIOD_WORDS: dict[str, str] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "night": "night",
    "week": "week",
    "fortnight": "fortnight",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "annum": "year",
    "decade": "decade",
}
PERIOD_ADVERBS: dict[str, str] = {
    "hourly": "hour",
    "daily": "day",
    "nightly": "night",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
}
# Nouns that make "a"/"an" a rate like "per" ("$1.34 a share", "64 cents a dozen").
PER_NOUNS: frozenset[str] = frozenset(
    {"share", "barrel", "gallon", "litre", "liter", "ton", "tonne", "head", "person"}
    | {"kilogram", "kilo", "pound", "ounce", "dozen", "unit", "piece", "seat", "ticket"}
)
# Short period names after a slash ("km/hr", "$3/yr"); single letters are left out
# because "24/7" and "9/11" are not rates.
PERIOD_ABBREVIATIONS: dict[str, str] = {
    "hr": "hour",
    "hrs": "hour",
    "yr": "year",
    "yrs": "year",
    "sec": "second",
    "min": "minute",
    "ms": "millisecond",
    "millisecond": "millisecond",
    "wk": "week",
    "mo": "month",
}
RATE_DETERMINERS: frozenset[str] = frozenset({"a", "an", "per", "each", "every", "/"})

# --- Attribution (who claims a figure) ----------------------------------------
# Verbs whose subject is the source of a figure in the same clause
# ("western estimates put the real figure closer to 70,000").
ATTRIBUTION_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "claim",
        "state",
        "estimate",
        "put",
        "report",
        "cite",
        "announce",
        "add",
        "note",
        "write",
        "post",
        "give",
        "show",
        "suggest",
        "assess",
        "calculate",
        "count",
        "record",
        "confirm",
        "reveal",
        "insist",
        "declare",
        "allege",
        "publish",
        "find",
        "indicate",
    }
)
# Nouns whose possessor is the source of the figure ("Trump's estimate of 400,000").
ESTIMATE_NOUNS: frozenset[str] = frozenset(
    {"estimate", "figure", "count", "tally", "claim", "assessment", "calculation", "toll"}
    | {"data", "number", "statistic", "projection", "forecast", "report"}
)
# Counts that "put" or "showed" a number: never a source themselves, only through
# whoever gave them ("Earlier death tolls given by rescuers had put the number at 13").
# Not "data", "report" or "survey": those are sources a reader can name.
COUNT_NOUNS: frozenset[str] = frozenset({"toll", "tally", "count", "figure", "number", "total"})
# Words that can never be a claimant on their own.
NON_CLAIMANTS: frozenset[str] = frozenset(
    {"it", "this", "that", "there", "which", "who", "what", "these", "those"}
)

# --- Dates and clock times (never figures) ------------------------------------
# (month names: ``shared_lexicon.MONTHS``)
# Words before a four-digit number that make it a year ("in 2022", "since 2014").
YEAR_CUES: frozenset[str] = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "to",
        "of",
        "before",
        "after",
        "during",
        "year",
        "early",
        "late",
        "mid",
        "and",
        "or",
        "through",
        "circa",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "fiscal",
        "season",
        "the",
        "'s",
        "a.d.",
        "ad",
        "bc",
        "b.c.",
    }
)
# Plural nouns after a four-digit number that still make it a year
# ("Keytruda's 2018 sales"); other plurals make it a count ("2000 people").
YEAR_NOUNS: frozenset[str] = frozenset(
    {
        "sales",
        "results",
        "elections",
        "earnings",
        "revenues",
        "profits",
        "figures",
        "accounts",
        "forecasts",
        "estimates",
        "games",
        "olympics",
        "championships",
        "playoffs",
        "finals",
        "protests",
        "talks",
        "accords",
        "agreements",
        "negotiations",
        "levels",
        "numbers",
        "data",
        "statistics",
        "models",
        "standards",
        "rules",
        "budgets",
    }
)
# Stock indices whose name includes a number ("S&P 500", "FTSE 100").
INDEX_LABELS: frozenset[str] = frozenset(
    {"sp", "s&p", "p", "ftse", "nasdaq", "asx", "dax", "cac", "nikkei", "russell", "stoxx"}
    | {"fortune"}  # "the Fortune 500": a list's name
)
# Label words that make the next number a label whatever their case
# ("highway 35", "exit 436"); the rest need a capital ("Row 21", "Day 3").
LABEL_WORDS_ANY_CASE: frozenset[str] = frozenset(
    {"section", "article", "chapter", "page", "flight", "route", "highway", "exit", "room"}
    | {"gate", "episode", "paragraph", "apollo", "iphone", "windows", "no.", "platform"}
)
# Capitalised words before a number that make it a label, not a quantity
# ("Section 427", "Article 5", "Flight 17", "No. 1").
LABEL_WORDS: frozenset[str] = frozenset(
    {
        "section",
        "model",
        "planet",
        "watch",
        "row",
        "article",
        "chapter",
        "page",
        "no",
        "no.",
        "number",
        "flight",
        "route",
        "highway",
        "room",
        "gate",
        "level",
        "category",
        "grade",
        "episode",
        "season",
        "volume",
        "vol",
        "vol.",
        "part",
        "phase",
        "stage",
        "round",
        "game",
        "week",
        "day",
        "resolution",
        "apollo",
        "windows",
        "iphone",
        "galaxy",
        "pixel",
        "version",
        "v",
        "title",
        "amendment",
        "paragraph",
        "item",
        "unit",
        "block",
        "building",
        "district",
        "ward",
        "zone",
        "sector",
        "brigade",
        "regiment",
        "battalion",
        "division",
        "corps",
        "army",
        "squadron",
        "platform",
        "terminal",
        "channel",
        "covid",
        "mh",
        "ms",
        "su",
        "mig",
        "tu",
        "f",
        "s",
        "t",
        "g",
        "p",
        "c",
        "a",
        "b",
        "x",
    }
)
