"""The medium of one interview or post carries over to the speaker's other words from it.

Our gold's convention: "Shoigu warned in an interview with TASS ... He drew
attention to ..." are both TASS; "'...,' said Fesneau, in the newspaper La Tribune
Dimanche", after "Fesneau expressed concern about ...", names the paper for both.
A medium carries along a run of one speaker's statements, forward, and one step
back to the statement just before the one that names it, and stops where the run
does:

- another speaker's statement comes between ("Zelensky said on Telegram ...
  Trump said ... Zelensky said Sunday he was grateful": Zelensky's second words
  are from another occasion); one reported inside the speaker's own words does
  not break the run, nor do words no one is given;
- the statement names an occasion of its own ("told reporters", "at a press
  conference", "in a statement": ``GENERIC_CHANNELS``; a perfect "has said", which
  tells what the speaker holds, not what this post says) or another date;
- more than two paragraphs lie between (one paragraph back).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from storyline.analyze.source_lexicon import UNNAMED_SOURCE_NOUNS
from storyline.analyze.speech_lexicon import ORG_WORDS
from storyline.analyze.statements.view import ArticleView
from storyline.schema import Statement

_FORWARD_PARAS = 2
_BACKWARD_PARAS = 1


@dataclass
class _Link:
    st: Statement
    para: int
    own_medium: bool  # named at this statement, not carried to it
    occasion: bool  # names a generic channel of its own


class MediaCarry:
    """Fed the speech statements in text order (``add``), then ``finish``."""

    def __init__(self, art: ArticleView) -> None:
        self.art = art
        self.run: list[_Link] = []
        # Unnamed sources an outlet cited, by their words: the outlet ("the Washington
        # Post reported, citing a European diplomat").
        self.cited: dict[str, str] = {}

    def add(self, st: Statement, occasion: bool) -> None:
        if st.speaker is None and st.speaker_status is None:
            return  # no one's words ("..., the source said, confirming the victim") break no run
        if st.medium is None and st.speaker_status == "described" and st.speaker:
            # "... the Washington Post reported, citing a European diplomat. According to
            # the diplomat, Berlin will send ...": the diplomat's words came through the Post
            st.medium = self.cited.get(st.speaker.lower())
        cited = _cited_by(self.art, st)
        if cited is not None:
            self.cited.setdefault(cited, st.medium or st.speaker or "")
        prev = self.run[-1] if self.run else None
        if (
            prev is not None
            and prev.st.start <= st.start < prev.st.end
            and not same_speaker(st, prev.st)
        ):
            return  # reported inside the speaker's words: neither breaks nor continues the run
        para = bisect.bisect_right(self.art.para_starts, st.start)
        link = _Link(st, para, st.medium is not None, occasion)
        if (
            prev is not None
            and st.medium is None
            and prev.st.medium is not None
            and link.para - prev.para <= _FORWARD_PARAS
            and _same_occasion(prev, link)
        ):
            st.medium = prev.st.medium
        self.run.append(link)

    def finish(self) -> None:
        for before, after in zip(self.run, self.run[1:], strict=False):
            if (
                before.st.medium is None
                and after.own_medium
                and after.para - before.para <= _BACKWARD_PARAS
                and _same_occasion(before, after)
            ):
                before.st.medium = after.st.medium


def _same_occasion(a: _Link, b: _Link) -> bool:
    """One speaker, no channel of its own at either end, no two dates."""
    if (a.occasion and not a.own_medium) or (b.occasion and not b.own_medium):
        return False
    if a.st.date is not None and b.st.date is not None and a.st.date != b.st.date:
        return False
    return same_speaker(a.st, b.st)


def same_speaker(a: Statement, b: Statement) -> bool:
    """One source: a person by surname when both end in a name ("Yechiel Leiter",
    "Israeli ambassador to the United States Yechiel Leiter"); a body, or a source
    described, only by the same words ("Portugal's Foreign Ministry" is not the
    "Palestinian Authority's Foreign Ministry"; "children's school" and its "it")."""
    if a.speaker is None or b.speaker is None:
        return False
    last_a, last_b = a.speaker.split()[-1], b.speaker.split()[-1]
    if last_a[:1].isupper() and last_b[:1].isupper() and last_a.lower() not in ORG_WORDS:
        return last_a.lower() == last_b.lower()
    return a.speaker.lower() == b.speaker.lower()


def _cited_by(art: ArticleView, st: Statement) -> str | None:
    """The unnamed source an outlet's report cites, as the article words it ("the
    Washington Post reported, citing a European diplomat": "a european diplomat")."""
    if st.cue_start is None or st.speaker_status != "named" or not (st.medium or st.speaker):
        return None
    span = art.doc.char_span(st.cue_start, st.cue_end or st.cue_start + 1, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() != "report":
        return None
    for c in span.root.children:
        if c.lower_ == "citing":
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if (
                obj is not None
                and obj.pos_ == "NOUN"
                and obj.lemma_.lower() in UNNAMED_SOURCE_NOUNS
            ):
                return art.doc[obj.left_edge.i : obj.i + 1].text.lower()
    return None
