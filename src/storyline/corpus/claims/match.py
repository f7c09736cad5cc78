"""When two statements, or two figures, are one claim: the rules, over plain values.

Statements (``Quote``) are one claim when they carry the same words of a
compatible speaker:

- **same words**: the shorter one's word shingles are (nearly all) in the
  longer one: case, punctuation and curly quotes folded, a quote cut short
  or extended. A short quote needs the same speaker by name; a long one only
  a speaker that is not someone else (a long quote word for word is the same
  quote even where one outlet's speaker resolution slipped);
- **a shared run**: a long run of words in common ("an important forum that
  we must use in order to discuss critical questions" quoted inside two
  different paraphrases);
- **a quoted fragment**: words one article puts in quote marks ("excessive and
  outrageous") found word for word in the other, said by the same speaker.

Figures (``Number``) are one claim when they have the same value and unit, in
articles published within ``FIGURE_DAYS`` of each other, and either their
sentences share a run of words (one wire sentence) or the same claimant, by
name, gives them in sentences about the same thing.

Every rule is a function of the two items alone, so claims found
incrementally are the claims a rebuild finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from storyline.corpus.claims import words as w
from storyline.corpus.lexicon import TITLES
from storyline.corpus.names import fold, name_tokens, surnames_match
from storyline.corpus.sources import outlet_named

# Same words: the share of the shorter statement's shingles the other must have,
# and how many words the shorter must have: when one of them quotes, with the
# speaker named alike, unnamed (or a single word that may name a body), or
# named differently (then nearly all words must match); when both are the
# reporters' paraphrases, whose same wording means a shared wire text.
SAME_WORDS = 0.8
MIN_WORDS = 4
MIN_WORDS_UNNAMED = 6
MIN_WORDS_ANY_SPEAKER = 12
SAME_WORDS_ANY_SPEAKER = 0.9
MIN_WORDS_PARAPHRASE = 10
# A quoted fragment (words in quote marks, or a whole direct quote) sharing a
# run of this many words with the other statement, a clause (with this many
# function words), not a name ("President Donald Trump's special envoy Steve
# Witkoff" is in many different quotes).
MIN_RUN = 8
MIN_RUN_ANY_SPEAKER = 12
MIN_RUN_FUNCTION_WORDS = 3
# A short quoted fragment found whole, said by the same speaker by name.
MIN_FRAGMENT = 3
MIN_FRAGMENT_CONTENT = 2
# One speaker's words rendered twice (a translation, a paraphrase): content
# words (not names, not numbers) in common, as a Dice coefficient, within a
# few days, and no number in one that the other contradicts.
SAME_CONTENT = 0.6
MIN_CONTENT_WORDS = 5
CONTENT_DAYS = 2
# Figures: days between the articles' publication, words their sentences
# share in one run, or content words they share when one claimant gives both.
FIGURE_DAYS = 2
FIGURE_RUN = 6
FIGURE_CONTEXT = 2

# Speakers that name no one: pronouns and the like.
_PRONOUNS = w.word_set("i he she it we they you one who someone everyone")


def speaker_name(speaker: str | None) -> tuple[str, ...] | None:
    """A speaker as a name to compare (folded words), or None when it names no one:
    a pronoun, a description ("an Israeli official", "the ministry"), a bare role,
    or a news outlet (where the words came from, not who said them)."""
    if not speaker or outlet_named(speaker) is not None:
        return None
    tokens = [t for t in name_tokens(speaker) if t not in ("s", "'s")]
    if not tokens or any(not t[:1].isupper() for t in tokens):
        return None
    folded = tuple(fold(t) for t in tokens)
    if any(t in TITLES or t in _PRONOUNS for t in folded):
        return None
    return folded


def same_speaker(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool | None:
    """True for one name in two spellings (``Zelenskyy`` / ``Volodymyr Zelensky``), a
    name and one of its words (``Trump`` / ``Donald Trump``, ``Leo`` / ``Leo XIV``), an
    acronym and its expansion (``UN`` / ``United Nations``); False for two full names
    of different people; None when either names no one, or one is a single word that
    may name a body or place (``Kremlin`` for Peskov, ``Germany`` for its spokesman)."""
    if a is None or b is None:
        return None
    if a == b or surnames_match(a[-1], b[-1]):
        return True
    for one, other in ((a, b), (b, a)):
        if len(one) == 1 and (one[0] in other or one[0] == "".join(t[0] for t in other)):
            return True
    return False if len(a) > 1 and len(b) > 1 else None


@dataclass
class Quote:
    """A statement as claims compare it, with its article's day."""

    id: str
    article_id: str
    text: str
    direct: bool
    speaker: str | None
    day: str | None = None
    words: tuple[str, ...] = field(init=False)
    fragments: list[tuple[str, ...]] = field(init=False)
    shingles: set[tuple[str, ...]] = field(init=False)
    who: tuple[str, ...] | None = field(init=False)
    content: frozenset[str] = field(init=False)
    numbers: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.words = w.words(self.text)
        self.fragments = [self.words] if self.direct else w.fragments(self.text)
        self.shingles = w.shingles(self.words)
        self.who = speaker_name(self.speaker)
        self.content = w.content_stems(self.text)
        self.numbers = frozenset(x for x in self.words if x.isdigit())

    def keys(self) -> set[int]:
        return w.keys(self.words)


def _same_words(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    n = min(len(a.words), len(b.words))
    inter = len(a.shingles & b.shingles)
    share = inter / max(1, min(len(a.shingles), len(b.shingles)))
    if share < SAME_WORDS:
        return None
    if speakers is False:
        enough = n >= MIN_WORDS_ANY_SPEAKER and share >= SAME_WORDS_ANY_SPEAKER
    elif not (a.fragments or b.fragments):
        enough = n >= (MIN_WORDS_UNNAMED if speakers else MIN_WORDS_PARAPHRASE)
    else:
        enough = n >= (MIN_WORDS if speakers else MIN_WORDS_UNNAMED)
    return f"same words ({share:.0%} of the shorter statement's)" if enough else None


def _quoted_run(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """A long quoted fragment of one found (mostly) in the other."""
    floor = MIN_RUN_ANY_SPEAKER if speakers is False else MIN_RUN
    for one, other in ((a, b), (b, a)):
        for fragment in one.fragments:
            if len(fragment) < floor:
                continue
            run = w.longest_run(fragment, other.words)
            if len(run) >= floor and w.stop_words(run) >= MIN_RUN_FUNCTION_WORDS:
                return f"{len(run)} quoted words in common"
    return None


def _shared_fragment(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """A short quoted fragment of one found whole in the other, from the same speaker."""
    if speakers is not True:
        return None
    for one, other in ((a, b), (b, a)):
        for fragment in one.fragments:
            if len(fragment) < MIN_FRAGMENT or w.content_words(fragment) < MIN_FRAGMENT_CONTENT:
                continue
            if w.occurs_in(fragment, other.words):
                return f"quotes the same words ('{' '.join(fragment)}')"
    return None


def _same_content(a: Quote, b: Quote, speakers: bool | None) -> str | None:
    """One speaker's words rendered twice: most content words in common."""
    if speakers is not True or min(len(a.content), len(b.content)) < MIN_CONTENT_WORDS:
        return None
    gap = _days_apart(a.day, b.day)
    if gap is None or gap > CONTENT_DAYS:
        return None
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return None
    dice = 2 * len(a.content & b.content) / (len(a.content) + len(b.content))
    if dice < SAME_CONTENT:
        return None
    return f"same speaker, same content words (Dice {dice:.2f})"


def _same_in_copies(a: Quote, b: Quote, copies: bool) -> str | None:
    """The same words by the same speaker in two copies of one text, however short."""
    if not copies or a.words != b.words or a.speaker != b.speaker:
        return None
    return "same words in a copy of the article"


def same_quote(a: Quote, b: Quote, copies: bool = False) -> str | None:
    """Why two statements are one claim, or None. ``copies``: their articles are
    copies of one text (a MinHash copy pair: a repost, another feed's edition)."""
    if not (a.shingles & b.shingles):
        return None
    speakers = same_speaker(a.who, b.who)
    return (
        _same_words(a, b, speakers)
        or _quoted_run(a, b, speakers)
        or _shared_fragment(a, b, speakers)
        or _same_content(a, b, speakers)
        or _same_in_copies(a, b, copies)
    )


@dataclass
class Number:
    """A figure as claims compare it: its value, its article's day, its claimant and
    the words of its sentence."""

    id: str
    article_id: str
    text: str
    low: float | None
    high: float | None
    unit: str | None
    per: str | None
    measure: str | None
    claimant: str | None
    day: str | None
    sentence: str
    words: tuple[str, ...] = field(init=False)
    who: tuple[str, ...] | None = field(init=False)

    def __post_init__(self) -> None:
        self.words = w.words(self.sentence)
        self.who = speaker_name(self.claimant)

    @property
    def value_key(self) -> str:
        return f"{self.low!r}|{self.high!r}|{self.unit or ''}|{self.per or ''}"

    @property
    def is_claim(self) -> bool:
        """A value someone claims, or one that says what it counts or measures: a bare
        "three" or "27" the reporter writes is no claim to follow."""
        has_value = self.low is not None or self.high is not None
        return has_value and bool(self.claimant or self.measure or self.unit)

    def keys(self) -> set[int]:
        return {w.key(("#figure", self.value_key))} if self.is_claim else set()


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        if a and b:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        pass
    return None


def same_figure(a: Number, b: Number) -> str | None:
    """Why two figures are one claim, or None."""
    if a.value_key != b.value_key or not (a.is_claim and b.is_claim):
        return None
    gap = _days_apart(a.day, b.day)
    if gap is None or gap > FIGURE_DAYS:
        return None
    run = len(w.longest_run(a.words, b.words))
    if run >= FIGURE_RUN:
        return f"same figure in one wording ({run} words in common)"
    if same_speaker(a.who, b.who):
        shared = {x for x in a.words if x not in w.STOP_WORDS and not x.isdigit()}
        shared &= set(b.words)
        if len(shared) >= FIGURE_CONTEXT:
            return f"same figure from the same claimant ({', '.join(sorted(shared)[:4])})"
    return None
