"""After the passes: drop what only looks like a statement, split and nest attributions."""

from __future__ import annotations

import re

from spacy.tokens import Token

from storyline.analyze.cue_model import load_cue_model
from storyline.analyze.nlp import capitals_word
from storyline.analyze.source_lexicon import (
    DOCUMENT_NOUNS,
    PERSON_SUBJECT_PRONOUNS,
    UNNAMED_SOURCE_NOUNS,
)
from storyline.analyze.speech_lexicon import (
    ASIDE_NOUNS,
    ASIDE_VERBS,
    NO_COMMENT_LEMMAS,
    NOBODY_WORDS,
    NOT_STATEMENT_LEMMAS,
    OBJECT_SENSE,
    ORG_WORDS,
)
from storyline.analyze.statements.antecedents import in_caps_run
from storyline.analyze.statements.cues import (
    event_noun,
    is_cue,
    issuer_of,
    quoted_as_saying,
    reads_document,
    unsaid_infinitive,
    unseen_negation,
)
from storyline.analyze.statements.gate import content_words, read_candidate
from storyline.analyze.statements.medium_date import channel_tail, relay_outlet
from storyline.analyze.statements.quotes import trim
from storyline.analyze.statements.view import ArticleView, Found


def is_statement(art: ArticleView, f: Found) -> bool:
    """False for what only looks like one: how things seem to the writer, a
    refusal to comment, or a bare handle or link ("He tweets @pmorici1")."""
    cue = f.cue
    if cue is not None:
        lemma = cue.lemma_.lower()
        if lemma in NOT_STATEMENT_LEMMAS:
            return False
        if cue.pos_ in ("VERB", "AUX") and unseen_negation(cue) and not f.direct:
            return False  # "nor did they mention that ...": unsaid, and the cue can't say so
        if not f.direct and unsaid_infinitive(cue):
            return False  # "failed to mention", "expects entrepreneurs to say"
        if quoted_as_saying(cue) is not None:
            return False  # "X was quoted as saying ...": the participle is the cue
        refusal = ("decline", "refuse")
        declined = (
            any(c.dep_ == "neg" for c in cue.children)
            or cue.head.lemma_.lower() in refusal
            or any(t.lower_ == "yet" for t in art.doc[max(0, cue.i - 3) : cue.i])
        )
        if lemma in NO_COMMENT_LEMMAS and declined:
            return False
        if lemma in refusal and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_LEMMAS for c in cue.children
        ):
            return False
    if f.subj is not None and f.subj.ent_type_ in ("DATE", "TIME") and f.subj.pos_ == "NOUN":
        return False  # "The night of May 21 to 22 promised to be long": a time says nothing
    if f.subj is not None and event_noun(f.subj) and (cue is None or cue.lower_ != "according"):
        # "The visit highlights the difficult balancing act": no one's ("according to the
        # proposed deal" gives its terms)
        return False
    if cue is not None and is_cue(cue) and f.subj is not None and _nobody(f.subj):
        return False  # silence; "no one expected X" is still a stance PolNeAR annotates
    words = content_words(art, f)
    if cue is not None and not f.direct and words and _other_sense(cue, words):
        return False  # "Atlantis boasting vast resources" has them
    return not words or not all(
        t.like_url or t.like_email or t.text.startswith(("@", "#")) for t in words
    )


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _other_sense(cue: Token, words: list[Token]) -> bool:
    """A cue of ``OBJECT_SENSES`` whose words are a bare object ("boasting vast
    resources", "revealing the president standing inside", "citing the army"):
    no finite verb (a small clause such as "the president standing inside" is what
    was seen, not said)."""
    rule = OBJECT_SENSE.get(cue.lemma_.lower())
    if rule is None or any(t.tag_ in _FINITE_TAGS for t in words):
        return False
    inside = {t.i for t in words}
    head = next((t for t in words if t.head.i not in inside or t.head.i == t.i), words[0])
    lemma = head.lemma_.lower()
    if lemma in rule.keep:
        return False
    if not rule.source:
        return True
    return (
        head.ent_type_ in _SOURCE_ENTS
        or head.pos_ == "PROPN"
        or lemma in UNNAMED_SOURCE_NOUNS
        or lemma in ORG_WORDS
    )


_CLOSING_MARKS = frozenset({"'", '"', "’", "”", "''"})


def split_siblings(art: ArticleView, found: list[Found]) -> list[Found]:
    """``he did not believe X, arguing that Y``: X and Y are two attributions, not one.

    The parser often hangs a participle or a coordinated speech verb inside
    the clause before it, so that clause swallows the next attribution. The
    content ends at the comma or ``and`` before such a verb, which gets its
    own statement (the same speaker unless it has its own subject).
    """
    model = load_cue_model()
    floor = model.threshold if model is not None else 1.1
    doc = art.doc
    by_cue = {f.cue.i: f for f in found if f.cue is not None}
    out = list(found)
    for f in found:
        if f.direct or f.cue is None:
            continue
        span = doc.char_span(f.content[0], f.content[1], alignment_mode="contract")
        if span is None:
            continue
        for t in span:
            if t.dep_ not in ("advcl", "conj") or t.pos_ != "VERB" or t.i == 0:
                continue
            if t.tag_ != "VBG" and t.dep_ != "conj":
                continue
            if not (is_cue(t) or art.cue_probability(t) >= floor):
                continue
            cut = t.i - 1
            if cut > span.start and doc[cut].text in _CLOSING_MARKS and doc[cut - 1].text == ",":
                cut -= 1  # "were 'just joking,' denying a fight": the comma inside the quote
            if doc[cut].text != "," and doc[cut].dep_ != "cc":
                continue
            if doc[cut].dep_ == "cc" and cut > span.start and doc[cut - 1].text == ",":
                cut -= 1
            start, end = trim(art.text, f.content[0], doc[cut].idx)
            if end - start < 10:
                continue
            old_end = f.content[1]
            if t.i not in by_cue:
                got = read_candidate(art, t)
                if got is None:
                    continue
                g = got[0]
                if not (t.idx < g.content[1] <= old_end) or g.content[0] < end:
                    continue
                if g.subj is None:
                    g.subj = f.subj
                out.append(g)
            f.content = (start, end)
            break
    return out


def relayed(art: ArticleView, found: list[Found]) -> list[Found]:
    """ "Peskov said X, RT reported": Peskov's statement, with RT as its medium; the
    outlet's report of it is not a statement of its own."""
    out = []
    for g in found:
        outlet = relay_outlet(art, g.cue, g.subj) if g.cue is not None else None
        inner = [
            f
            for f in found
            if outlet is not None
            and f is not g
            and f.cue_span is not None
            and g.content[0] <= f.cue_span[0] < g.content[1]
        ]
        if not inner:
            out.append(g)
            continue
        for f in inner:
            f.relay = outlet
    return out


def outermost(found: list[Found]) -> list[Found]:
    """Drop attributions reported inside another's indirect content.

    In "Trump said that Clinton claimed X" Clinton's claim is Trump's report,
    not Clinton's statement; PolNeAR annotates the outer attribution. Under a
    cue that is not a speech verb ("remember that experts say X") the speech
    inside is kept and the frame dropped.
    """

    def inside(f: Found, g: Found) -> bool:
        if f is g or f.cue_span is None or g.direct or f.cue is None or g.cue is None:
            return False
        if not (g.content[0] <= f.cue_span[0] and f.cue_span[1] <= g.content[1]):
            return False
        # Only a report the outer cue governs; a relative clause ("details,
        # which spokesman Dmitry Peskov said will come") is its own statement.
        cur = f.cue
        for _ in range(8):
            if cur.dep_ in ("relcl", "acl", "appos") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i == g.cue.i:
                return True
        return False

    def issued(g: Found, f: Found) -> bool:
        # "issued | a statement saying X" is the issuer's "saying | X" (or "that read X").
        if f is g or f.cue is None or g.cue is None:
            return False
        if f.cue.dep_ != "acl" and not (f.cue.dep_ == "relcl" and reads_document(f.cue)):
            return False
        verb = issuer_of(f.cue.head)
        return verb is not None and verb.i == g.cue.i

    def speech(f: Found) -> bool:
        return f.cue is not None and is_cue(f.cue)

    def sourceless_inside(f: Found, g: Found) -> bool:
        # "According to investigators, the man is said to have ...": a report with no
        # source inside what a named source said is that source's words, not a second
        # statement.
        if f is g or f.subj is not None or f.speaker is not None or f.cue_span is None:
            return False
        if g.direct or (g.subj is None and g.speaker is None):
            return False
        return g.content[0] <= f.cue_span[0] < g.content[1]

    def restated(f: Found, g: Found) -> bool:
        # "An aid worker, who ..., said a delegation ... heard gunshots, she said": the
        # whole attribution again under a pronoun; the named one inside stands.
        if g.subj is None or f.subj is None or g.subj.lower_ not in PERSON_SUBJECT_PRONOUNS:
            return False
        return inside(f, g) and speech(f) and g.content[0] <= f.subj.left_edge.idx

    def unowned_record(f: Found, g: Found) -> bool:
        # "..., the governor said that X, according to preliminary information": what
        # no one's records qualify is the named source's report inside them.
        if f.cue is None or f.cue.lower_ != "according" or f.subj is None:
            return False
        if f.subj.lemma_.lower() not in DOCUMENT_NOUNS:
            return False
        if any(c.dep_ in ("poss", "det") and c.lower_ not in ("the", "a") for c in f.subj.children):
            return False  # ("according to its information": the issuer's)
        return (
            g is not f
            and g.subj is not None
            and speech(g)
            and g.cue_span is not None
            and f.content[0] <= g.subj.idx
            and g.cue_span[1] <= f.content[1]
        )

    def dropped(f: Found) -> bool:
        for g in found:
            if issued(f, g) or sourceless_inside(f, g) or unowned_record(f, g):
                return True
            if restated(g, f):
                return True
            if inside(f, g) and not (speech(f) and not speech(g)) and not restated(f, g):
                return True
            # "should remember that social scientists say X": the saying is the
            # statement, the frame around it is not.
            if inside(g, f) and speech(g) and not speech(f):
                return True
        return False

    return [f for f in found if not dropped(f)]


_ASIDE = re.compile(
    r",\s+without\s+(?:" + "|".join(sorted(ASIDE_VERBS)) + r")\b"
    r"|\s[-\u2013\u2014]+\s+(?:an?|the)\s+(?:" + "|".join(sorted(ASIDE_NOUNS)) + r")s?\b",
    re.IGNORECASE,
)


def headline_words(art: ArticleView, found: list[Found]) -> None:
    """A cue in a headline set in capitals ("WHITE HOUSE DECRIES 'EVILS OF
    ANTISEMITISM,' VOWS JUSTICE ... STAFFERS Yaron Lischinsky and ...", a promo link run
    into the page) says the headline's words only, not the caption after them."""
    doc = art.doc
    for f in found:
        cue = f.cue
        if cue is None or f.direct or not in_caps_run(cue) or f.content[0] < cue.idx:
            continue
        last = None
        for t in doc[cue.i + 1 :]:
            if capitals_word(t.text):
                last = t
            elif not t.is_punct:
                break
        if last is not None and last.idx + len(last) < f.content[1]:
            start, end = trim(art.text, doc[cue.i + 1].idx, last.idx + len(last))
            if end > start:
                f.content = (start, end)


def without_asides(art: ArticleView, found: list[Found]) -> None:
    """ "accused India of involvement, without providing any evidence", "they were used
    by Hamas - an allegation the group has denied": the reporter's aside on the claim is
    not part of what was said (reported speech only; a quote keeps its words); nor is a
    title the parser left in it before the speaker's name ("... malicious slander,
    Russian Ambassador to Dublin Yury Filatov told TASS": ``_title_tail``)."""
    for f in found:
        if f.direct or f.parts:
            continue
        s, e = f.content
        channel = channel_tail(art.text, s, e)
        if channel is not None and f.relay is None:
            f.relay = channel[1]  # "... in a Monday post on X": X, and not what was said
            s2, e2 = trim(art.text, s, channel[0])
            if e2 - s2 >= 3:
                f.content = (s2, e2)
                s, e = f.content
        m = _ASIDE.search(art.text, s, e)
        cut = m.start() if m is not None else _title_tail(art, f)
        if cut is not None:
            s2, e2 = trim(art.text, s, cut)
            if e2 - s2 >= 3:
                f.content = (s2, e2)


_TITLE_TAIL_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADP", "DET", "PART"})


def _title_tail(art: ArticleView, f: Found) -> int | None:
    """Where reported words end before the speaker's title the parser gave them: the
    last comma, when the words after it (six at most, no verb, a capital among them)
    run straight into the speaker's name after the words."""
    subj = f.subj
    s, e = f.content
    if subj is None or subj.idx < e or art.text[e : subj.left_edge.idx].strip():
        return None
    comma = art.text.rfind(", ", s, e)
    tail = art.doc.char_span(comma + 2, e, alignment_mode="expand") if comma > s else None
    if tail is None or not 0 < len(tail) <= 6:
        return None
    if all(t.pos_ in _TITLE_TAIL_POS for t in tail) and any(t.text[:1].isupper() for t in tail):
        return comma
    return None


def _nobody(subj: Token) -> bool:
    """ "No group has claimed responsibility", "nobody said": a source that does not
    exist has said nothing."""
    if subj.lower_ in NOBODY_WORDS:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
