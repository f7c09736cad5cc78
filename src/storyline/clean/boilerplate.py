"""Page furniture an outlet repeats across its articles, learned from the corpus itself.

Scraped JSON Lines keep no HTML to tell furniture from text, and no single
page shows its furniture as such: DW glues "To view this video please enable
JavaScript, ..." mid-sentence, Le Monde opens every page with a list of other
stories' headlines, Fox News closes with its writers' bios. What gives them
away is the corpus: the same run of words in many articles of one outlet.
But real news repeats too (a wire background paragraph in every TASS story
on the talks, a quote an outlet reuses in three articles on one event), so
recurrence alone decides nothing. A run that recurs is furniture when

- it speaks to the reader or is an all-caps promo (``look``: "CLICK HERE
  ...", "you", "sign up", "please"), wherever it is; or
- it sits at the head or the tail of the text (a dateline may come first; the
  tail includes a closing carousel of other stories' blurbs,
  ``shingles.CAROUSEL_WORDS``) and the articles carrying it are unrelated to
  each other (their remaining content words overlap little: a navigation header
  rides on every story, a background sentence only on stories about the same
  thing); or
- it sits at an edge, has the shape of furniture (a byline or bio, a run of
  headlines without sentence punctuation) and its carriers are not clearly
  related, or it is a bio naming the outlet itself.

A run in the middle of the text that does not address the reader is kept,
however often it recurs: that is where syndicated and repeated reporting
lives. Near-copies of one article (DW's feeds publish one story two or three
times) count as one occurrence, or every copy would be its own furniture.

``learn`` is pure: articles of one outlet family in, ``profiles.Pattern`` out.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from storyline.clean.language import FUNCTION_WORDS
from storyline.clean.profiles import (
    ANYWHERE,
    BIO,
    HEADLINES,
    PROMO,
    READER,
    UNRELATED_EDGE,
    Pattern,
)
from storyline.clean.shingles import (
    SHINGLE,
    Interner,
    Passage,
    Position,
    shingles,
    stretches,
    word_set,
)

# A run must recur in this many articles (near-copies counted once) to be a candidate.
MIN_ARTICLES = 3
# Two articles whose shingle sets overlap this much (Jaccard) are copies of one.
COPY_JACCARD = 0.5
# Shingles carried by more articles than this are furniture, not evidence of a copy.
COPY_MAX_CARRIERS = 20
# Median pairwise Jaccard of the carriers' remaining content words. Navigation
# headers, promos and bios ride on unrelated stories (news-dumpster: Le Monde's
# header 0.03, Mainichi's 0.03, ZEIT's 0.03, DW's video notice 0.05);
# background sentences and quotes repeat in stories about one thing (TASS on
# the Istanbul talks 0.11-0.18, a Fox lead reused in three Trump-Putin
# stories 0.16).
UNRELATED = 0.07
RELATED = 0.10
# How many carriers (one per near-copy cluster) the relatedness is measured on.
RELATEDNESS_SAMPLE = 24
# Where support changes by this factor inside a run, one piece ends and another
# begins; pieces shorter than MIN_PIECE words are left alone (a stray "The").
SUPPORT_STEP = 2
MIN_PIECE = 4

# Content words: four letters or more, not a function word of any language
# storyline detects, nor one of these common English verbs and adverbs.
_CONTENT_STOP = frozenset().union(*FUNCTION_WORDS.values()) | word_set(
    "that this with from have were been they their which would about there after said "
    "says also will into more than other some when what where while could them then "
    "those these being over only just against because during before under between"
)
# Furniture does not end on an article or a preposition: such a last word is
# the first word of the text after it, shared by chance ("... Live | The").
_DANGLING = word_set("the a an in on at of to and for by as")
# Addressed to the reader, outside quotation marks.
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re|yourself)\b", re.IGNORECASE)
_IMPERATIVE = re.compile(
    r"\bplease\b|(?:^|[.!?:]\s+)(?:click|tap|sign up|subscribe|follow|join|download|get|read|"
    r"watch|listen|enable|share|send|discover|add|scroll|register|log in|sign in|check out|"
    r"go to|visit|learn more|find out|don't miss|try)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”][^\"“”]{0,400}[\"“”]")
_BIO = re.compile(
    r"\b(?:is|was) (?:an? |the )?(?:[\w-]+ ){0,4}(?:reporter|writer|editor|correspondent|"
    r"producer|journalist|contributor|columnist|anchor|host|author)\b|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|\b(?:story )?tips (?:and ideas )?can be sent\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\s|$)")
# A run this long with at most one sentence end per this many words, where a
# capitalised function word follows a lower-case word without punctuation this
# many times ("... a fresh start In Lithuania, ..."), is a list of headlines.
HEADLINES_MIN_WORDS = 25
HEADLINES_WORDS_PER_END = 30
HEADLINES_MIN_GLUED = 3
_GLUED_HEADLINE = re.compile(
    r"[a-z\d'’\"”]\s+(?:The|A|An|In|On|At|As|For|From|After|How|Why|What|When|Who|Where|"
    r"Is|Are|Can|Will|This|Inside|Watch|Video|Live|Meet)\b"
)


def look(text: str) -> str | None:
    """What makes a run look like furniture by itself, or None."""
    letters = [c for c in text if c.isalpha()]
    n_words = len(text.split())
    if n_words >= 4 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return PROMO
    unquoted = _QUOTED.sub(" ", text)
    if _SECOND_PERSON.search(unquoted) or _IMPERATIVE.search(unquoted):
        return READER
    if _BIO.search(unquoted):
        return BIO
    if (
        n_words >= HEADLINES_MIN_WORDS
        and len(_SENTENCE_END.findall(text)) * HEADLINES_WORDS_PER_END <= n_words
        and len(_GLUED_HEADLINE.findall(text)) >= HEADLINES_MIN_GLUED
    ):
        return HEADLINES
    return None


@dataclass
class _Doc(Passage):
    grams: list[int] = field(default_factory=list)


@dataclass
class _Run:
    doc: int
    start: int  # word indexes, end exclusive
    end: int
    anchor: int  # the run's best-supported shingle: runs sharing it are one group


@dataclass
class Group:
    """Occurrences of one recurring piece of text (runs sharing their best shingle)."""

    anchor: int
    runs: list[_Run]
    carriers: int  # distinct articles, near-copies once
    relatedness: float
    text: str  # the commonest occurrence as it reads
    edge: Position | None = None  # where most occurrences sit: head, tail or None
    why: str | None = None  # why it is furniture; None: kept
    position: Position = "any"  # where the learned pattern may be removed
    docs: list[_Doc] = field(default_factory=list, repr=False)


def survey(family_name: str, items: Sequence[tuple[str, str]]) -> list[Group]:
    """Every run of words that recurs across ``(article id, text)`` pairs of one outlet
    family, grouped, each with the verdict (``Group.why`` is None for kept text)."""
    docs, postings = _prepare(items)
    if len(docs) < MIN_ARTICLES:
        return []
    clusters = _copy_clusters(docs, postings)
    support = _support(postings, clusters)
    runs = [run for i, doc in enumerate(docs) for run in _runs(i, doc, support)]
    groups = _groups(docs, runs, clusters)
    furniture: dict[int, list[tuple[int, int]]] = defaultdict(list)
    changed = True
    while changed:  # a piece reaches an edge once the furniture beyond it is decided
        changed = False
        for group in groups:
            if group.why is not None:
                continue
            edges = Counter(docs[r.doc].edge(r.start, r.end, furniture[r.doc]) for r in group.runs)
            group.edge = edges.most_common()[0][0]
            group.why = _decide(family_name, group)
            if group.why is None:
                continue
            group.position = "any" if group.why in ANYWHERE else group.edge or "any"
            for run in group.runs:
                furniture[run.doc].append((run.start, run.end))
            changed = True
    return groups


def learn(family_name: str, items: Sequence[tuple[str, str]]) -> list[Pattern]:
    """The furniture of one outlet family, from ``(article id, text)`` pairs.

    Texts should already be without the family's known patterns (``apply``), so
    what is learned is new. Deterministic: the same items in the same order give
    the same patterns, in the order they were found.
    """
    out: list[Pattern] = []
    seen: set[str] = set()
    for group in survey(family_name, items):
        if group.why is None:
            continue
        for run in group.runs:
            doc = group.docs[run.doc]
            key = doc.key(run.start, run.end)
            if key in seen:
                continue
            seen.add(key)
            s, e = doc.span(run.start, run.end)
            out.append(
                Pattern(
                    family_name,
                    key,
                    doc.text[s:e],
                    group.position,
                    group.why,
                    group.carriers,
                    round(group.relatedness, 3),
                )
            )
    return out


def _decide(family_name: str, group: Group) -> str | None:
    looks = look(group.text)
    if looks in ANYWHERE:
        return looks
    if group.edge is None:
        return None
    if group.relatedness < UNRELATED:
        return looks or UNRELATED_EDGE
    if looks and group.relatedness < RELATED:
        return looks
    # An outlet's own writers cover a beat, so their bios ride on related stories;
    # a bio that names the outlet is the outlet's, not a news sentence about a reporter.
    if looks == BIO and _names_outlet(family_name, group.text):
        return looks
    return None


def _names_outlet(family_name: str, text: str) -> bool:
    name = family_name.split(".")[0].lower()
    squeezed = re.sub(r"\W", "", text.lower())
    return len(name) >= 3 and name in squeezed


def _prepare(items: Sequence[tuple[str, str]]) -> tuple[list[_Doc], dict[int, list[int]]]:
    interner = Interner()
    docs = []
    postings: dict[int, list[int]] = defaultdict(list)
    for i, (doc_id, text) in enumerate(items):
        doc = _Doc(doc_id, text)
        doc.grams = interner.of(shingles(doc.words.forms))
        for gram in sorted(set(doc.grams)):
            postings[gram].append(i)
        docs.append(doc)
    return docs, postings


def _jaccard(a: frozenset[str] | set[int], b: frozenset[str] | set[int]) -> float:
    return len(a & b) / max(1, len(a | b))


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _copy_clusters(docs: list[_Doc], postings: dict[int, list[int]]) -> list[int]:
    """Cluster id per article: near-copies (shingle Jaccard >= COPY_JACCARD) share one."""
    shared: Counter[tuple[int, int]] = Counter()
    for carriers in postings.values():
        if 2 <= len(carriers) <= COPY_MAX_CARRIERS:
            for pair in combinations(carriers, 2):
                shared[pair] += 1
    sets = [set(d.grams) for d in docs]
    uf = _UnionFind(len(docs))
    for (i, j), n in sorted(shared.items()):
        # A copy shares at least this many rare shingles; only then compute the Jaccard.
        enough = n >= COPY_JACCARD * min(len(sets[i]), len(sets[j])) * 0.5
        if enough and _jaccard(sets[i], sets[j]) >= COPY_JACCARD:
            uf.union(i, j)
    return [uf.find(i) for i in range(len(docs))]


def _support(postings: dict[int, list[int]], clusters: list[int]) -> dict[int, int]:
    """Recurring shingles -> how many distinct articles (near-copies once) carry them."""
    out = {}
    for gram, carriers in postings.items():
        if len(carriers) >= MIN_ARTICLES:
            n = len({clusters[i] for i in carriers})
            if n >= MIN_ARTICLES:
                out[gram] = n
    return out


def _runs(index: int, doc: _Doc, support: dict[int, int]) -> list[_Run]:
    """The recurring pieces of one article: maximal runs of words covered by recurring
    shingles, cut where a sentence ends and where support changes sharply (the run
    "...public official. CLICK HERE TO GET THE FOX NEWS APP The" is a repeated news
    sentence carried by 5 articles, a promo carried by 134, and the next sentence's
    first word)."""
    level = [0] * doc.size
    best = [-1] * doc.size
    for i, gram in enumerate(doc.grams):
        n = support.get(gram)
        if n:
            for k in range(i, i + SHINGLE):
                if n > level[k]:
                    level[k], best[k] = n, gram
    runs = []
    for i, j in stretches(level, doc.head):
        for start, end in _pieces(doc, level, i, j):
            if end - start >= MIN_PIECE:
                top = max(range(start, end), key=lambda k: (level[k], -best[k]))
                runs.append(_Run(index, start, end, best[top]))
    return runs


def _pieces(doc: _Doc, level: list[int], start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    for k in range(start + 1, end):
        low, high = sorted((level[k - 1], level[k]))
        if doc.sentence_ends_before(k) or high >= SUPPORT_STEP * low:
            cuts.append(k)
    cuts.append(end)
    pieces = []
    for s, e in pairwise(cuts):
        while e - s > MIN_PIECE and doc.words.forms[e - 1] in _DANGLING:
            e -= 1
        pieces.append((s, e))
    return pieces


def _content(doc: _Doc, covered: set[int]) -> frozenset[str]:
    return frozenset(
        w
        for i, w in enumerate(doc.words.forms)
        if i not in covered and len(w) >= 4 and w not in _CONTENT_STOP and not w.isdigit()
    )


def _groups(docs: list[_Doc], runs: list[_Run], clusters: list[int]) -> list[Group]:
    by_anchor: dict[int, list[_Run]] = defaultdict(list)
    covered: dict[int, set[int]] = defaultdict(set)
    for run in runs:
        by_anchor[run.anchor].append(run)
        covered[run.doc].update(range(run.start, run.end))
    content = [_content(doc, covered[i]) for i, doc in enumerate(docs)]
    groups = []
    for anchor in sorted(by_anchor):
        members = by_anchor[anchor]
        reps: dict[int, int] = {}
        for run in members:
            reps.setdefault(clusters[run.doc], run.doc)
        if len(reps) < MIN_ARTICLES:
            continue
        sample = [content[d] for d in sorted(reps.values())[:RELATEDNESS_SAMPLE]]
        related = statistics.median(_jaccard(a, b) for a, b in combinations(sample, 2))
        keys = [docs[r.doc].key(r.start, r.end) for r in members]
        first = members[keys.index(Counter(keys).most_common()[0][0])]
        s, e = docs[first.doc].span(first.start, first.end)
        text = docs[first.doc].text[s:e]
        groups.append(Group(anchor, members, len(reps), related, text, docs=docs))
    return groups
