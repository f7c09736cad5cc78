"""Stories: articles that report the same event, across outlets.

Topic alone does not separate events (all five seeds are about Trump and
Ukraine), so the similarity of two articles combines what tells one event
from the next:

- a TF-IDF cosine over content words, pairs of adjacent content words
  (``immediate_ceasefire``), numbers (``400,000``), canonical entity ids, and
  the headline counted twice;
- sentence-level overlap: shared rare word 5-grams (the same quote, the same
  wire sentence) add up to ``PHRASE_BONUS``;
- when: articles dated more than ``DATE_WINDOW_DAYS`` apart never share a story.

A full rebuild (``storyline corpus``, and the first ingest into an empty
store) clusters all articles by average linkage, cut at ``THRESHOLD``. Later
ingests are incremental: a new article is compared with the stored postings
and phrases of the others and joins the story it is most similar to on
average (same threshold), or founds one; then the stories it came close to
are clustered again by the same average linkage with today's IDF, so it can
bridge two stories as a rebuild would. Stories it did not come near never move.

What still drifts from a rebuild, and why (``benchmarks/incremental_drift.py``
measures it): every article changes the IDF of every word, and the norms
stored for other articles keep the IDF of their time; and average linkage
over the whole store can regroup stories no new article came near. On
news-dumpster, adding 100 to 300 articles to 1,010 in batches of ten left the
stories at ARI 0.99 of a rebuild (3-4% of articles with other story-mates),
400 at 0.973 (6.7%); placement alone, without re-clustering, fell to 0.898
(21%). Run ``storyline corpus`` (a rebuild) once the store has grown by a
third or more since the last one.

The constants were set on NewsWCL50 and ECB+ (``benchmarks/stories_clustering.py``
prints the scores at neighbouring thresholds too).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.corpus.lexicon import STOP_WORDS
from storyline.corpus.names import fold
from storyline.schema import Story, stable_id
from storyline.store import Store
from storyline.store.corpus_state import ENTITY_TERM_PREFIX

THRESHOLD = 0.07
# Incremental placement also re-clusters the stories a new article comes close
# to: those whose members it resembles, on average, this share of THRESHOLD.
RECLUSTER = True
RECLUSTER_REACH = 0.5
DATE_WINDOW_DAYS = 2
TITLE_WEIGHT = 2
ENTITY_WEIGHT = 1
PHRASE_LENGTH = 5
PHRASE_BONUS = 0.1
# This many shared rare phrases earn the whole bonus.
PHRASE_CAP = 5
# A phrase is rare when at most this many articles (or 2% of the corpus) use it;
# common ones are boilerplate ("since the beginning of the").
PHRASE_MAX_DF = 3
PHRASE_MAX_SHARE = 0.02
_WORD = re.compile(r"[a-z][a-z'-]{2,}|\d[\d,.]*\d")


@dataclass
class Doc:
    """What the story pass knows about one article."""

    id: str
    terms: Counter[str]
    day: str | None = None
    phrases: set[int] = field(default_factory=set)
    title: str | None = None
    text_head: str = ""


def terms_of(text: str, title: str | None = None, entity_ids: Iterable[str] = ()) -> Counter[str]:
    """Term counts for one article (see the module docstring for what counts)."""
    out: Counter[str] = Counter()
    for chunk, weight in ((text, 1), (title or "", TITLE_WEIGHT)):
        previous = None
        for token in _WORD.findall(fold(chunk)):
            if token[0].isdigit():
                digits = re.sub(r"\D", "", token)
                if len(digits) >= 3:
                    out["#" + digits.lstrip("0")] += weight
                previous = None
            elif token not in STOP_WORDS:
                word = token.strip("'-")
                out[word] += weight
                if previous is not None:
                    out[f"{previous}_{word}"] += weight
                previous = word
    for entity in entity_ids:
        out[ENTITY_TERM_PREFIX + entity] += ENTITY_WEIGHT
    out.pop("", None)
    return out


def phrases_of(text: str, title: str | None = None) -> set[int]:
    """Hashes of the word 5-grams with at least two content words (quotes, wire sentences)."""
    out: set[int] = set()
    for chunk in (title or "", text):
        words = re.findall(r"\w+", fold(chunk))
        for i in range(len(words) - PHRASE_LENGTH + 1):
            gram = words[i : i + PHRASE_LENGTH]
            if sum(1 for w in gram if w not in STOP_WORDS and not w.isdigit()) >= 2:
                digest = hashlib.blake2b(" ".join(gram).encode("utf-8"), digest_size=8).digest()
                out.add(int.from_bytes(digest, "big", signed=True))
    return out


def _phrase_limit(n: int) -> int:
    return max(PHRASE_MAX_DF, int(n * PHRASE_MAX_SHARE))


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates (day precision), or None when either is missing or partial."""
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def _idf(df: int, n: int) -> float:
    """Unsmoothed IDF: a word every article uses weighs nothing. In a pile of
    articles about one story, "Trump" and "Ukraine" say nothing about the event."""
    return math.log((n + 1) / (df + 1))


def _matrix(docs: Sequence[Doc], df: dict[str, int], n: int) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, doc in enumerate(docs):
        weights = {t: (1 + math.log(c)) * _idf(df.get(t, 0), n) for t, c in doc.terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term, w in weights.items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(w / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(1, len(vocab))))


def _order(docs: Sequence[Doc]) -> list[int]:
    return sorted(
        range(len(docs)), key=lambda i: (docs[i].day is None, docs[i].day or "", docs[i].id)
    )


def _combine(cosine: np.ndarray, shared: np.ndarray, days_ok: np.ndarray) -> np.ndarray:
    return (cosine + PHRASE_BONUS * np.minimum(shared, PHRASE_CAP) / PHRASE_CAP) * days_ok


def _days_ok(rows: Sequence[Doc], cols: Sequence[Doc]) -> np.ndarray:
    ok = np.ones((len(rows), len(cols)))
    dated_cols = [(j, d.day) for j, d in enumerate(cols) if d.day and len(d.day) >= 10]
    for i, doc in enumerate(rows):
        if not doc.day:
            continue
        for j, day in dated_cols:
            gap = days_apart(doc.day, day)
            if gap is not None and gap > DATE_WINDOW_DAYS:
                ok[i, j] = 0.0
    return ok


def similarities(docs: Sequence[Doc]) -> np.ndarray:
    """The combined similarity of every pair of ``docs`` (see the module docstring)."""
    n = len(docs)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.terms.keys())
    x = _matrix(docs, df, n)
    cosine = (x @ x.T).toarray()
    holders: dict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for p in doc.phrases:
            holders[p].append(i)
    shared = np.zeros((n, n))
    limit = _phrase_limit(n)
    for members in holders.values():
        if 1 < len(members) <= limit:
            for i in members:
                for j in members:
                    shared[i, j] += 1
    return _combine(cosine, shared, _days_ok(docs, docs))


def cluster(docs: Sequence[Doc], threshold: float = THRESHOLD) -> dict[str, str]:
    """Full recompute: average-linkage agglomerative clustering, cut at ``threshold``.

    With every article at hand, merging the closest groups first does not
    depend on arrival order. Story ids come from each story's earliest member.
    """
    if not docs:
        return {}
    if len(docs) == 1:
        return {docs[0].id: stable_id("s", docs[0].id)}
    return _cut(docs, similarities(docs), threshold)


def _cut(docs: Sequence[Doc], sims: np.ndarray, threshold: float) -> dict[str, str]:
    """Average linkage over ``sims``, cut at ``threshold``; ids from the earliest members."""
    if len(docs) == 1:
        return {docs[0].id: stable_id("s", docs[0].id)}
    distance = np.clip(1.0 - sims, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i in _order(docs):
        groups.setdefault(int(labels[i]), []).append(i)
    out = {}
    for members in groups.values():
        story = stable_id("s", docs[members[0]].id)
        for i in members:
            out[docs[i].id] = story
    return out


def assign(
    sims: np.ndarray, stories: Sequence[str | None], threshold: float = THRESHOLD
) -> tuple[str | None, float]:
    """The story a new article joins: best average similarity to its members, if over
    ``threshold``; ``sims[j]`` is the similarity to the article whose story is ``stories[j]``."""
    members: dict[str, list[int]] = defaultdict(list)
    for j, story in enumerate(stories):
        if story is not None:
            members[story].append(j)
    best, best_score = None, threshold
    for story in sorted(members):
        score = float(sims[members[story]].mean())
        if score >= best_score:
            best, best_score = story, score
    return best, best_score


def _near(sims: np.ndarray, stories: Sequence[str | None], floor: float) -> set[str]:
    """The stories whose members are on average at least ``floor`` similar."""
    members: dict[str, list[int]] = defaultdict(list)
    for j, story in enumerate(stories):
        if story is not None:
            members[story].append(j)
    return {story for story, js in members.items() if float(sims[js].mean()) >= floor}


def make_stories(docs: Sequence[Doc], assignment: dict[str, str]) -> list[Story]:
    """Label (the earliest member's headline) and date span of each story."""
    by_id = {d.id: d for d in docs}
    groups: dict[str, list[Doc]] = {}
    for article_id, story in assignment.items():
        groups.setdefault(story, []).append(by_id[article_id])
    out = []
    for story, members in sorted(groups.items()):
        members.sort(key=lambda d: (d.day is None, d.day or "", d.id))
        days = sorted(d.day[:10] for d in members if d.day and len(d.day) >= 10)
        first = next((d for d in members if d.title), members[0])
        label = (first.title or first.text_head or first.id).strip()
        out.append(
            Story(
                story,
                label[:200],
                [d.id for d in members],
                days[0] if days else None,
                days[-1] if days else None,
            )
        )
    return out


def _norms(docs: Sequence[Doc], df: dict[str, int], n: int) -> dict[str, float]:
    return {
        d.id: math.sqrt(
            sum(((1 + math.log(c)) * _idf(df.get(t, 0), n)) ** 2 for t, c in d.terms.items())
        )
        for d in docs
    }


def _cosines(
    docs: Sequence[Doc],
    rows: Sequence[tuple[str, str, int]],
    stored_norms: dict[str, float],
    n: int,
) -> tuple[list[dict[str, float]], list[float]]:
    """Cosine of each of ``docs`` with every stored article sharing a term with it, and
    the norms of ``docs``.

    ``rows`` are the stored postings (term, article, tf) of the terms ``docs``
    use; one sparse product over them, with ``stored_norms`` (article -> norm)
    standing for the other articles' full vectors.
    """
    df = Counter(term for term, _, _ in rows)
    vocab = {t: k for k, t in enumerate(sorted(df))}
    idf = np.array([_idf(df[t], n) for t in sorted(df)])
    articles = sorted({a for _, a, _ in rows})
    index = {a: k for k, a in enumerate(articles)}
    stored = sparse.csr_matrix(
        (
            [(1 + math.log(tf)) * idf[vocab[t]] for t, _, tf in rows],
            ([index[a] for _, a, _ in rows], [vocab[t] for t, _, _ in rows]),
        ),
        shape=(len(articles), len(vocab)),
    )
    new_rows, new_cols, new_vals = [], [], []
    for k, doc in enumerate(docs):
        for term, count in doc.terms.items():
            if term in vocab:
                new_rows.append(k)
                new_cols.append(vocab[term])
                new_vals.append((1 + math.log(count)) * idf[vocab[term]])
    query = sparse.csr_matrix((new_vals, (new_rows, new_cols)), shape=(len(docs), len(vocab)))
    norms_new = np.sqrt(np.asarray(query.multiply(query).sum(axis=1)).ravel())
    # The new articles were written with no norm yet: theirs are computed here.
    stored_norms = {**stored_norms, **{d.id: float(norms_new[k]) for k, d in enumerate(docs)}}
    dots = (query @ stored.T).toarray()
    out: list[dict[str, float]] = []
    for k, doc in enumerate(docs):
        cos: dict[str, float] = {}
        for a, dot in zip(articles, dots[k], strict=True):
            norm = stored_norms.get(a) or 0.0
            if dot and norm and norms_new[k] and a != doc.id:
                cos[a] = float(dot / (norms_new[k] * norm))
        out.append(cos)
    return out, [float(x) for x in norms_new]


def _stored_similarities(
    docs: Sequence[Doc], df: dict[str, int], rare: set[int], n: int
) -> np.ndarray:
    """:func:`similarities` of stored articles with the store's IDF (``df`` over ``n``
    articles): only the ``rare`` phrases count."""
    x = _matrix(docs, df, n)
    cosine = (x @ x.T).toarray()
    holders: dict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for p in doc.phrases & rare:
            holders[p].append(i)
    shared = np.zeros((len(docs), len(docs)))
    for holding in holders.values():
        for i in holding:
            for j in holding:
                shared[i, j] += 1
    return _combine(cosine, shared, _days_ok(docs, docs))


def _keep_story_ids(
    cut: dict[str, str], current: dict[str, str], in_use: set[str]
) -> dict[str, str]:
    """Story ids for re-clustered groups: larger groups choose first, each takes the id
    most of its members had; an id taken, or used by a story elsewhere
    (``in_use``), gives way to a new one."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for article_id, story in cut.items():
        by_story[story].append(article_id)
    taken: set[str] = set()
    out: dict[str, str] = {}
    for founder, group in sorted(by_story.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        votes = Counter(current[a] for a in group if a in current and current[a] not in taken)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        story = ranked[0][0] if ranked else founder
        if story in taken or story in in_use:
            story = stable_id("s", *sorted(group))
        taken.add(story)
        for article_id in group:
            out[article_id] = story
    return out


def _first_line(text: str) -> str:
    """The first line that reads like a sentence (scraped text starts with debris)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return next((line for line in lines if len(line.split()) >= 4), lines[0] if lines else "")


# -- the store side -----------------------------------------------------------


def _analyse(store: Store, ids: Sequence[str]) -> list[Doc]:
    """Term counts and phrases of the given articles, from their text and mentions."""
    return [
        Doc(article_id, terms_of(text, title, entities), published, phrases_of(text, title))
        for article_id, published, title, text, entities in store.story_inputs(ids)
    ]


def update_stories(
    store: Store, changed: Sequence[str], relinked: Iterable[str] = ()
) -> dict[str, str]:
    """Place the changed articles into stories, then re-cluster the stories they came
    close to (see :func:`_recluster`); other stories do not move.

    Each new article is compared, through the stored postings, with the
    articles that share a term with it (stored norms keep the IDF of their
    time: the usual approximation of incremental TF-IDF, undone by a rebuild).
    ``relinked`` articles had mentions re-resolved to other entity ids: their
    stored terms are refreshed first. When the changed articles outnumber
    the placed ones (the first ingest into a store), or the stored state is
    missing, everything is clustered again.
    """
    changed = sorted(set(changed))
    placed_rows = store.placed_articles(excluding=changed)
    with_story = store.count_with_story(excluding=changed)
    if len(placed_rows) < len(changed) or len(placed_rows) < with_story:
        return rebuild_stories(store)
    new_docs = sorted(_analyse(store, changed), key=lambda d: (d.day is None, d.day or "", d.id))
    store.save_story_state(new_docs, {})
    n = store.story_doc_count()
    _refresh_entity_terms(store, sorted(set(relinked) - set(changed)), n)
    placed = [Doc(a, Counter(), day) for a, day, _ in placed_rows]
    stories: list[str | None] = [story for _, _, story in placed_rows]
    limit = _phrase_limit(n)
    assignment: dict[str, str] = {}
    postings = store.postings_of_terms(t for d in new_docs for t in d.terms)
    stored_norms = store.story_norms(sorted({a for _, a, _ in postings}))
    cosines, norms = _cosines(new_docs, postings, stored_norms, n)
    store.set_story_norms({d.id: norm for d, norm in zip(new_docs, norms, strict=True)})
    touched: set[str] = set()
    for doc, cos in zip(new_docs, cosines, strict=True):
        shared = store.shared_rare_phrases(doc.id, doc.phrases, limit) if doc.phrases else {}
        cosine = np.array([cos.get(d.id, 0.0) for d in placed])
        counts = np.array([shared.get(d.id, 0) for d in placed], dtype=float)
        sims = _combine(cosine, counts, _days_ok([doc], placed)[0])
        touched |= _near(sims, stories, THRESHOLD * RECLUSTER_REACH)
        story, _ = assign(sims, stories)
        story = story or stable_id("s", doc.id)
        assignment[doc.id] = story
        # Later new articles may join the story this one founded or joined.
        placed.append(doc)
        stories.append(story)
    if RECLUSTER and touched:
        assignment.update(_recluster(store, touched, sorted(assignment), n))
    _write_stories(store, assignment)
    return assignment


def _refresh_entity_terms(store: Store, ids: list[str], n: int) -> None:
    """Rewrite the entity terms (``@id``) of stored articles whose mentions now point to
    other entities, and their norms; their words and phrases have not changed."""
    if not ids:
        return
    placed = store.with_story_vectors(ids)
    postings = [
        (ENTITY_TERM_PREFIX + entity, a, c * ENTITY_WEIGHT)
        for a, entity, c in store.entity_mention_counts(ids)
        if a in placed
    ]
    store.replace_entity_terms(ids, postings)
    docs = _stored_docs(store, sorted(placed))
    df = store.document_frequencies(t for d in docs for t in d.terms)
    store.set_story_norms(_norms(docs, df, n))


def _stored_docs(store: Store, ids: list[str]) -> list[Doc]:
    """The articles' terms, phrases and days as the store keeps them (no re-analysis)."""
    return [Doc(a, terms, day, phrases) for a, day, terms, phrases in store.stored_story_docs(ids)]


def _recluster(store: Store, story_ids: set[str], new: list[str], n: int) -> dict[str, str]:
    """Cluster again the members of the stories new articles came close to, with the
    store's current IDF, as a rebuild would: a new article can bridge two stories
    or pull members of one into another. Stories elsewhere do not move, and the
    re-clustered ones keep their ids where most of their members stay together."""
    current = store.members_of_stories(story_ids)
    members = sorted(set(current) | set(new))
    docs = _stored_docs(store, members)
    df = store.document_frequencies(t for d in docs for t in d.terms)
    # Only phrases two of these articles share can count; of those, the rare ones.
    in_two = Counter(p for d in docs for p in d.phrases)
    rare = store.rare_phrases((p for p, k in in_two.items() if k > 1), _phrase_limit(n))
    cut = _cut(docs, _stored_similarities(docs, df, rare, n), THRESHOLD)
    return _keep_story_ids(cut, current, store.stories_in_use() - story_ids)


def rebuild_stories(store: Store) -> dict[str, str]:
    """Recompute every article's vector and cluster the whole store."""
    docs = _analyse(store, store.article_ids_by_id())
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.terms.keys())
    store.save_story_state(docs, _norms(docs, df, len(docs)), reset=True)
    assignment = cluster(docs)
    _write_stories(store, assignment)
    return assignment


def _write_stories(store: Store, assignment: dict[str, str]) -> None:
    """Write the new assignments and refresh every story's label and date span."""
    current = store.story_assignment()
    current.update(assignment)
    docs = [
        Doc(a, Counter(), p, set(), t, _first_line(h or "")) for a, p, t, h in store.story_heads()
    ]
    stories = make_stories(docs, {a: s for a, s in current.items() if s is not None})
    store.replace_stories(stories, dict(assignment))
