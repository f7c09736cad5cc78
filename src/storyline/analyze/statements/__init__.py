"""Who said what: direct quotes and reported speech, with speaker, cue, medium and date.

Rules over spaCy's dependency parse in three passes, then a learned pass:

1. cue-centric: every speech verb (``speech_lexicon.CUE_LEMMAS``) outside
   quoted text with a subject and something said (a ``that``-clause, an
   adjacent quote, text after a colon or before a dash, else its complement)
   gives a statement, as do ``according to X, ...``, stance verbs taken from
   PolNeAR train (``blasted``, ``called for``; ``STANCE_LEMMAS``), noun cues
   with a possessive (``Trump's claim that``) and ``NAME: ...`` paragraphs;
   the verbs and nouns a classifier trained on PolNeAR (``cue_model``)
   calls cues are taken too, when the parse gives them a subject and a
   clause, a quote, an intention or a topic (a bare object needs a confident
   model), so beliefs and judgements (``believes that``, ``fears that``) count;
2. quote-centric: a quote no statement covers takes the speech verb right
   after it (``"...," Trump said``) or right before it (``said: "..."``), is
   signed with a dash and a name (``"..." ― Sonya Herridge``), or continues
   the attribution earlier in its paragraph;
3. a paragraph that is only a quote continues the previous paragraph's
   attribution;
4. learned: every other plausible cue (``gate_candidates``) is read
   generously from the parse (subject, agent or possessor; clause, quote,
   passive subject or complement) and a second classifier trained on PolNeAR
   (``models/gate.json``) keeps it or not. It only adds what the rules left,
   so the rules decide every seed case.

Then a clause that swallowed a following ``..., arguing that`` is split, and
an attribution reported inside another's ``that``-clause is dropped (it is
the outer speaker's report).

The passes live in their own modules: ``quotes`` (the scanner), ``cues``
and ``content`` (a cue's subject and what it introduces), ``people`` and
``speakers`` (who is speaking), ``medium_date``, ``cue_pass`` and
``quote_pass`` (the rules), ``gate`` (the learned pass), ``refine``
(splitting and nesting) and ``component`` (the order, and one record per
statement); ``view.ArticleView`` is what they all read.

Quotes come from our own scanner rather than textacy's, because scraped text
drops and mistypes quote marks and textacy raises on it; a quote that never
closes ends at its paragraph. Speakers given by pronoun, title or role are
resolved to the fullest name of the person or organisation in the article.
"""

from storyline.analyze.statements.component import find_statements, rule_statements
from storyline.analyze.statements.gate import Candidate, gate_candidates
from storyline.analyze.statements.people import Person, person_mentions
from storyline.analyze.statements.quotes import Quote, paragraphs, scan_quotes
from storyline.analyze.statements.speakers import Source, Sources
from storyline.analyze.statements.view import ArticleView, Found

__all__ = [
    "ArticleView",
    "Candidate",
    "Found",
    "Person",
    "Quote",
    "Source",
    "Sources",
    "find_statements",
    "gate_candidates",
    "paragraphs",
    "person_mentions",
    "rule_statements",
    "scan_quotes",
]
