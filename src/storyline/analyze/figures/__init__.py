"""Figures: every quantity in an article (counts, money, shares, durations, ages, rates).

Dates and clock times are not figures: the timexes component owns them, and
any number inside a date/time timex is dropped here (durations and sets are
kept: "24 hours" is a quantity).

Why our own scanner rather than a library: quantulum3 (measured in
``benchmarks/figures_newsquant.py``) reads "300-350,000" as a subtraction,
"a third" as 3, misses "half", and keeps no notion of qualifiers; CQE pins
``typing_extensions==4.4.0`` and ``protobuf==3.20.1`` (incompatible with
spaCy 3.8) and downloads spaCy models at run time; number-parser only turns
words into digits. So numbers are found by a small grammar (``atoms``,
``grammar``, ``units``: digits, number words, fractions, scales, ranges,
currency and unit affixes), minus what is not a quantity (``exclusions``:
rules as data, each with an example), and spaCy's parse of the same text
supplies what the number counts (``subject``), what happened to it
(``measure``), the rate period (``per``) and the source (``claimant``)
(``syntax``); ``as_of`` dates a figure, ``component`` puts it together.

The normalised vocabularies (qualifiers, units, measures) live in
``figure_lexicon``, with the reasons for each choice:
- ``low``/``high``: equal for one value; a range's shared scale applies to
  both ends ("300-350,000" is 300,000..350,000; "2 to 3 million", "four to
  five thousand") unless the lower end is complete ("$800,000 to $1.3
  million"); vague plurals are ranges ("thousands of" is 1,000..10,000). A
  change ("rose from 40 to 52", "fell 2.5p to 231.4p") is two figures, the
  old and the new value, both in the unit written once; "from $5 to $10"
  without a change verb is a range.
- ``qualifier``: one of about, nearly, more than, at least, less than, up to,
  maybe more, average, exactly, or null ("approximately", "around", "some",
  "closer to" -> about; "over", "-plus" -> more than; "or more" -> at least).
- ``unit``: ISO 4217 code for money, ``percent``, a time unit for durations
  and ages, an SI-style name for physical units, ``fraction`` for "a third",
  ``times`` for "sixfold"; null for plain counts (what is counted is ``subject``).
  A share ("a third", "one in ten", "one out of four") has unit ``fraction``
  and, as ``subject``, the whole it is a share of ("half the flats").
- ``measure``: "killed" covers killed, dead, deaths and fatalities; "lost",
  "casualties", "wounded" and "injuries" stay distinct; ``age`` for ages.
- ``claimant``: the speaker of the innermost statement whose span contains
  the figure (with ``statement_id``); else "according to X" in the sentence;
  else the possessor of an estimate noun ("Mr. Trump's estimate of ...");
  else the subject (or passive agent) of an attribution verb governing the
  figure ("western estimates put ..."); else null (the outlet itself).
  ``claimant_entity`` is left to the cross-article stage.
- ``as_of``: the date of a date timex in the figure's sentence (the one
  nearest before the figure, else after); "at the time" inherits the previous
  sentence's date; else the date of the statement carrying the figure; else
  the article's publication date (a claim printed on day D stands as of D);
  else null.
"""

from storyline.analyze.figures.component import extract_figures, find_figures

__all__ = ["extract_figures", "find_figures"]
