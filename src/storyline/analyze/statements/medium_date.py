"""Where and when a statement was made: its medium and its date."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyline.analyze.media_lexicon import (
    BROADCAST_SUFFIXES,
    CHANNEL_TAIL,
    DESK_WORDS,
    EVENT_NOUNS,
    GENERIC_CHANNELS,
    JOURNALIST_NOUNS,
    MEDIA,
    NAMED_CHANNEL_TAIL,
    NEWS_NAME_WORDS,
    NEWS_NOUNS,
    OUTLET_NAME_WORDS,
    OUTLET_NOUNS,
    OUTLET_SHORT_FORMS,
    PLATFORM_TAIL,
    RELAY_LEMMAS,
    RELAY_TAIL,
)
from storyline.analyze.statements.view import ArticleView, Found
from storyline.analyze.timexes.values import timex_date
from storyline.outlet_lexicon import outlet_named
from storyline.schema import Timex


def known_outlet(name: str) -> bool:
    """Whether ``name`` is, whole, an outlet of the shared list ("told DW", "told Bild",
    "the Frankfurter Allgemeine Sonntagszeitung": no news word in their names); the
    medium keeps the name as the article writes it."""
    return outlet_named(name, generic=False) is not None


def _outlet_as_written(name: str) -> str | None:
    return name if known_outlet(name) else None


def medium_in(text: str, start: int, end: int) -> str | None:
    """The medium the first rule of ``MEDIA`` (in the lexicon's order) names in
    ``text[start:end]``, if any."""
    chunk = text[start:end]
    return next((rule.name for rule in MEDIA if rule.pattern.search(chunk)), None)


def attribution_ranges(cue: Token, content: tuple[int, int]) -> list[tuple[int, int]]:
    """The cue's clause outside what was said: where medium and date are stated."""
    sent = cue.sent
    lo, hi = sent.start_char, sent.end_char
    # A cue in a participle ("..., adding on X that") has its own clause.
    if _participle(cue):
        lo = cue.left_edge.idx
    cs, ce = content
    out = []
    if lo < min(cs, hi):
        out.append((lo, min(cs, hi)))
    if max(ce, lo) < hi:
        out.append((max(ce, lo), hi))
    return out


def _participle(cue: Token) -> bool:
    return cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.i < cue.i


def medium_of(art: ArticleView, cue: Token, ranges: list[tuple[int, int]]) -> str | None:
    """A platform or outlet the attribution names and hangs on the cue: the known ones
    by rule, else an outlet the words were told to, given in or written for ("told CBC
    News", "in an interview with Russia's sports daily Sport Express", "on state
    broadcaster Rossiya-1", "Le Monde's correspondent wrote"). A participle cue takes
    its head's channel when it names none itself: "Klitschko took to Telegram,
    explaining that ..."."""
    anchors = [cue]
    if _participle(cue):
        anchors.append(cue.head)
        ranges = [*ranges, (cue.head.left_edge.idx, cue.left_edge.idx)]
    for anchor in anchors:
        found = _named_medium(art, anchor, ranges) or _outlet_medium(art, anchor, ranges)
        if found is not None:
            return found
    return None


def _named_medium(art: ArticleView, anchor: Token, ranges: list[tuple[int, int]]) -> str | None:
    for s, e in ranges:
        chunk = art.text[s:e]
        for rule in MEDIA:
            for m in rule.pattern.finditer(chunk):
                if _credit(art.text, s + m.start(), s + m.end()):
                    continue
                tok = art.doc.char_span(s + m.start(), s + m.end(), alignment_mode="expand")
                if tok is not None and _hangs_on(tok.root, anchor):
                    return rule.name
    return None


def _credit(text: str, start: int, end: int) -> bool:
    """A name in parentheses or after a slash is a credit, not a channel: a wire
    dateline "WASHINGTON (AP) --", a photo's "(AP Photo/Peter Dejong)", "Efrem
    Lukatsky/AP"."""
    return text[start - 1 : start] in ("(", "/") or text[end : end + 1] == ")"


# Clauses of their own: a medium inside one is not the cue's ("'...', says Trump BBC
# News archive footage tells the story ...": a run-on headline list).
_OWN_CLAUSES = frozenset({"ccomp", "conj", "relcl", "advcl", "parataxis", "csubj", "ROOT"})
_MAX_CLIMB = 8


def _hangs_on(tok: Token, anchor: Token) -> bool:
    """Whether ``tok`` belongs to ``anchor``'s clause: its heads reach the anchor without
    passing another clause ("said in a post published on X" does; "who spoke to CNN" and
    a next headline's "BBC News footage tells" do not). A participle without a subject
    of its own is the speaker's act: "Speaking to the BBC's Today programme, Fletcher
    said", "Le Pen accused the government, saying on X that ..."."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.i == anchor.i:
            return True
        if (
            cur.dep_ in _OWN_CLAUSES
            and cur.i != tok.i
            and cur.pos_ in ("VERB", "AUX")
            and not _bare_participle(cur)
        ):
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _bare_participle(tok: Token) -> bool:
    return (
        tok.tag_ in ("VBG", "VBN")
        and tok.dep_ in ("advcl", "xcomp", "conj")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


_OUTLET_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "NORP"})
_CHANNEL_PREPS = frozenset({"with", "to", "in", "on", "for", "via"})
_TELL_LEMMAS = frozenset({"tell", "inform"})
_RUN_POS = frozenset({"PROPN", "NUM"})
_NAME_PARTS = frozenset({"compound", "nmod", "poss", "amod", "appos", "case", "det"})


def _outlet_medium(art: ArticleView, anchor: Token, ranges: list[tuple[int, int]]) -> str | None:
    doc = art.doc
    for s, e in ranges:
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None:
            continue
        for name in _names(span):
            if "/" in name.text or _credit(art.text, name.start_char, name.end_char):
                continue
            channel = _channel_of(name, anchor)
            if channel is not None and _is_outlet_name(name, own_account=channel == "by"):
                if _desk(name):
                    continue
                return _full_outlet(art, name.start_char, _outlet_text(name))
    return None


def _desk(name: Span) -> bool:
    """A newsroom's desk in a byline title, not an outlet: "Foreign News Reporter Tom
    Watling reports" (``DESK_WORDS`` before "News")."""
    words = [t.lower_ for t in name]
    return len(words) == 2 and words[0] in DESK_WORDS and words[1] == "news"


def _full_outlet(art: ArticleView, before: int, text: str) -> str | None:
    """ "told the Post" after "told The Jerusalem Post": the outlet as the article first
    named it in full; a short form named in full nowhere before is no name at all."""
    if text.lower() not in OUTLET_SHORT_FORMS:
        return text
    pattern = re.compile(r"((?:[A-Z][\w.&'’-]*\s+){1,3})" + re.escape(text) + r"\b")
    fulls = [m.group(0) for m in pattern.finditer(art.text, 0, before)]
    if not fulls:
        return None
    return fulls[-1].removeprefix("The ").removeprefix("the ")


def _names(span: Span) -> list[Span]:
    """The names in a stretch: the recogniser's entities, and runs of proper nouns it
    missed ("the conservative media platform PragerU")."""
    doc = span.doc
    out = [
        ent
        for ent in doc.ents
        if span.start <= ent.start
        and ent.end <= span.end
        and (ent.label_ in _OUTLET_LABELS or known_outlet(ent.text))
        and "\n" not in ent.text
    ]
    i = span.start
    while i < span.end:
        if doc[i].pos_ == "PROPN" and not doc[i].ent_type_:
            j = i
            while j + 1 < span.end and doc[j + 1].pos_ in _RUN_POS and not doc[j + 1].ent_type_:
                j += 1
            # A number is part of the name: "the newspaper 20 Minutos", "Rossiya 24".
            first = i - 1 if i > span.start and doc[i - 1].pos_ == "NUM" else i
            out.append(doc[first : j + 1])
            i = j
        i += 1
    return sorted(out, key=lambda n: n.start)


def _is_outlet_name(name: Span, own_account: bool = False) -> bool:
    """An outlet by a known rule, a word of its name, the outlet noun right before or
    after it ("the AFP news agency", "platform PragerU"; not a nationality's: "Italian
    broadcaster Rai 3"), or its journalist ("Le Monde's correspondent"). Saying
    something on its own account takes a news word ("Radio station Cadena SER said"):
    an agency or a platform may be any body."""
    doc = name.doc
    if medium_in(name.text, 0, len(name.text)) or known_outlet(_outlet_text(name)):
        return True
    if name.label_ == "NORP" or all(t.pos_ == "ADJ" for t in name):
        return False
    nouns = NEWS_NOUNS if own_account else OUTLET_NOUNS
    if {t.lower_ for t in name} & (NEWS_NAME_WORDS if own_account else OUTLET_NAME_WORDS):
        return True
    if name.start > 0 and doc[name.start - 1].lower_ in nouns:
        return True
    # The nouns after the name, to the end of its phrase, must all be outlet nouns: "the
    # AFP news agency", "the Rossiya-24 TV channel", "Le Monde's legal correspondent";
    # not "according to Binance platform data" (the data's platform, not an outlet).
    after = []
    for t in doc[name.end : name.end + 5]:
        if t.dep_ == "case" or t.pos_ == "ADJ":
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            break
        after.append(t.lower_)
    if not after or after[-1] not in nouns | JOURNALIST_NOUNS:
        return False
    return all(w in nouns or w == "news" for w in after[:-1])


def _channel_of(name: Span, anchor: Token) -> str | None:
    """How the name is where the words went, in the cue's clause: "to" it (told to it,
    given in or on it, at an event it hosts) or "by" it (said by it or its journalist)."""
    head = name.root
    for _ in range(4):  # up the name's phrase: "Russia's sports daily Sport Express"
        if head.dep_ not in _NAME_PARTS or head.head.i == head.i:
            break
        head = head.head
    before = name.doc[name.start - 1] if name.start > 0 else None
    if head.dep_ == "npadvmod" and before is not None and before.lower_ in OUTLET_NOUNS:
        head = before  # "on the media platform PragerU", PragerU misparsed as an adverb
    gov = head.head
    if (
        head.dep_ in ("advmod", "npadvmod")
        and head.lower_ in OUTLET_NOUNS
        and gov.lemma_.lower() in _TELL_LEMMAS
        and head.i == name.end
    ):
        return "to"  # "told Germany's Frankfurter Allgemeine Zeitung daily": "daily" an adverb
    if not _hangs_on(head, anchor):
        return None
    if _in_subject(head, anchor):
        return None  # "the spokesperson for the U.N.'s agency said": whom the speaker serves
    if (
        (head.dep_ in ("dobj", "dative") and gov.lemma_.lower() in _TELL_LEMMAS)
        or (head.dep_ == "pobj" and gov.lower_ in _CHANNEL_PREPS)
        or (head.dep_ == "pobj" and gov.lower_ == "at" and head.lemma_.lower() in EVENT_NOUNS)
    ):
        return "to"
    if head.dep_ in ("nsubj", "nsubjpass") and gov.i == anchor.i:
        return "by"
    return None


def _in_subject(tok: Token, anchor: Token) -> bool:
    """Whether ``tok`` is inside the subject of ``anchor``'s clause."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.head.i == anchor.i:
            return cur.dep_ in ("nsubj", "nsubjpass") and cur.i != tok.i
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _outlet_text(name: Span) -> str:
    """The outlet's name as written, without "the" or a possessive; of an event it hosts,
    the outlet ("the Jerusalem Post Annual Conference" -> "Jerusalem Post")."""
    if name[-1].lemma_.lower() in EVENT_NOUNS:
        ends = [t.i for t in name if t.lower_ in OUTLET_NAME_WORDS]
        if ends:
            name = name.doc[name.start : ends[-1] + 1]
    doc = name.doc
    end = name.end
    numbered = any(ch.isdigit() for ch in name.text)  # "Rossiya-24": a channel already
    while (
        not numbered
        and end < len(doc)
        and end < name.end + 2
        and doc[end].text in BROADCAST_SUFFIXES
    ):
        end += 1  # "the Knesset TV channel": Knesset TV, not the Knesset
    text = doc[name.start : end].text.removeprefix("the ").removeprefix("The ")
    return text.removesuffix("'s").removesuffix("’s")


def medium_after(art: ArticleView, f: Found) -> str | None:
    """A channel the parser left at the end of reported words: "..., in an interview
    published on the media platform PragerU" (``CHANNEL_TAIL``) after a clause, "on
    Facebook" (``PLATFORM_TAIL``) after a nominal object ("expressed its condolences
    on Facebook"). A quote's words are the speaker's own: never searched."""
    if f.direct or f.cue is None:
        return None
    s, e = f.content
    tail = CHANNEL_TAIL.search(art.text, s, e)
    if tail is not None:
        anchor = art.doc.char_span(tail.start() + 1, e, alignment_mode="expand")
        if anchor is not None:
            first = next(t for t in anchor if not t.is_space)
            ranges = [(tail.start(), e)]
            return _named_medium(art, first, ranges) or _outlet_medium(art, first, ranges)
    said = art.doc.char_span(s, e, alignment_mode="expand")
    platform = PLATFORM_TAIL.search(art.text, s, e)
    if platform is not None and said is not None and said.root.pos_ in ("NOUN", "PROPN"):
        return medium_in(art.text, platform.start(), e)
    return None


def relay_tail(art: ArticleView, cue: Token) -> str | None:
    """An outlet the cue's sentence ends by saying relayed it ("..., Markku Hannonen
    said, Yle reported."): the outlet's name as written, when it is one (``RELAY_TAIL``)."""
    sent = cue.sent
    tail = RELAY_TAIL.search(art.text, sent.start_char, sent.end_char)
    if tail is None or tail.start() < cue.idx:
        return None
    name = tail.group("name")
    return medium_in(name, 0, len(name)) or _outlet_as_written(name)


def channel_tail(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where reported words ``text[start:end]`` end before a channel the parser left in
    them, and the medium it names ("... in a Monday post on X" -> X), if it names one
    (``NAMED_CHANNEL_TAIL``)."""
    tail = NAMED_CHANNEL_TAIL.search(text, start, end)
    if tail is None:
        return None
    name = tail.group("name")
    medium = medium_in(text, tail.start(), end) or _outlet_as_written(name)
    return (tail.start(), medium) if medium is not None else None


def own_occasion(cue: Token, text: str, ranges: list[tuple[int, int]]) -> bool:
    """Whether the attribution says the words came on an occasion of their own: a
    generic channel ("told reporters", "at a press conference", "in a statement":
    ``GENERIC_CHANNELS``), or a present perfect ("Medvedchuk has said ...": what the
    speaker holds, said before and elsewhere)."""
    if any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in cue.children
    ):
        return True
    return any(ch.pattern.search(text, s, e) for s, e in ranges for ch in GENERIC_CHANNELS)


def relay_outlet(art: ArticleView, cue: Token, subj: Token | None) -> str | None:
    """ "..., RT reported": the outlet that relays another's words, when a relay verb's
    subject is an outlet; None otherwise."""
    if subj is None or cue.lemma_.lower() not in RELAY_LEMMAS:
        return None
    for ent in art.doc.ents:
        if ent.start <= subj.i < ent.end:
            name = ent.text.removeprefix("the ").removeprefix("The ")
            if {t.lower_ for t in ent} & OUTLET_NAME_WORDS or medium_in(ent.text, 0, len(ent.text)):
                return medium_in(ent.text, 0, len(ent.text)) or name
    # An outlet of the shared list, whatever the recogniser made of it ("Bloomberg
    # reported" is a place to it; "Yle reported" no name at all).
    compounds = [t for t in subj.lefts if t.dep_ == "compound" and t.i == subj.i - 1]
    first = compounds[0].i if compounds else subj.i
    name = art.doc[first : subj.i + 1].text
    return _outlet_as_written(name) if subj.pos_ == "PROPN" else None


def statement_date(timexes: list[Timex], cue: Token, ranges: list[tuple[int, int]]) -> str | None:
    """The date of the time expression in the cue's clause nearest the cue."""
    best: tuple[int, str] | None = None
    for t in timexes:
        date = timex_date(t)
        if date is None:
            continue
        if not any(s <= t.start and t.end <= e for s, e in ranges):
            continue
        # The timex must hang on the cue, not on a noun or verb inside another clause.
        tok = cue.doc.char_span(t.start, t.end, alignment_mode="expand")
        if tok is not None and not _governed_by(tok.root, cue):
            continue
        dist = abs(t.start - cue.idx)
        if best is None or dist < best[0]:
            best = (dist, date)
    return best[1] if best else None


def _governed_by(tok: Token, cue: Token) -> bool:
    cur = tok
    for _ in range(6):
        if cur.i == cue.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.pos_ == "VERB" and cur.i != tok.i:
            return False
        cur = cur.head
    return False
