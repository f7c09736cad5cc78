"""Syntax: what a figure counts, what happened to it, its rate period and its source."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.analyze import figure_lexicon as lex
from storyline.analyze.figures.atoms import UNIT_RE, Quantity


def next_token(tokens: Sequence[Token], char: int) -> Token | None:
    for tok in tokens:
        if tok.idx >= char:
            return tok
    return None


# How a light verb's naming object hangs on it: "taken hostage" (oprd, or attr / advmod /
# xcomp in spaCy's small model), "took 251 hostages" (dobj).
_LIGHT_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "advmod", "npadvmod", "xcomp", "acomp"})


def span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def measure_of(tok: Token) -> str | None:
    word = tok.lower_
    lemma = tok.lemma_.lower()
    for key in (word, lemma):
        if key in lex.MEASURES:
            if tok.pos_ == "VERB" and key in lex.NOUN_ONLY_MEASURES:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and key in lex.VERB_ONLY_MEASURES:
                continue
            return lex.MEASURES[key]
    return None


def light_verb_measure(verb: Token) -> str | None:
    """What a light verb and its naming object say happened ("taken hostage", "took 251
    hostages" -> abducted), else None. Only for the verb the count itself completes: the
    hostages "57 of whom remain" were not taken by the remaining. The naming word may
    also be the noun the participle modifies ("the 250 hostages taken in the attack",
    "more than 200 taken hostage" parsed as an adjective) or come with "as" ("250 were
    taken into Gaza as hostages")."""
    if _enters(verb):
        return lex.ENTERED
    objects = lex.LIGHT_VERB_MEASURES.get(verb.lemma_.lower(), {})
    if not objects:
        return None
    named = [c for c in verb.children if c.dep_ in _LIGHT_OBJECT_DEPS]
    named += [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        named.append(verb.head)
    for word in named:
        if word.lemma_.lower() in objects:
            return objects[word.lemma_.lower()]
    return None


def _enters(verb: Token) -> bool:
    """A verb of passage with "into" a place ("made it into Gaza", "crossed into Gaza")."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.ENTRY_VERBS:
        return False
    needed = lex.ENTRY_VERBS[lemma]
    deps = {(c.dep_, c.lower_) for c in verb.children}
    return ("prep", "into") in deps and (needed is None or ("dobj", needed) in deps)


def number_head(span: Span) -> Token:
    """The token that carries the number's syntax (the last numeric token)."""
    for tok in reversed(span):
        if tok.like_num or tok.pos_ == "NUM":
            return tok
    return span[-1]


def counted_noun(num: Token, span: Span) -> Token | None:
    """The noun a number counts: "700,000 dead Ukrainian soldiers" -> soldiers."""
    head = num
    for _ in range(3):
        if head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.head.i > head.i:
            head = head.head
            if head.pos_ in ("NOUN", "PROPN") and head.i >= span.end:
                return head
        else:
            break
    # "5,000 of them", "half of the soldiers"
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    # The parser sometimes attaches the noun the other way round.
    # "50,000-60,000 Russian soldiers": look past up to two modifiers.
    doc = span.doc
    # "4.3M digital and physical sales": or two modifiers joined by a conjunction.
    for nxt in doc[span.end : min(span.end + 5, num.sent.end)]:
        if nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ in ("NNS", "NNPS"):
            return nxt
        if nxt.i >= span.end + 3 and nxt.pos_ != "ADJ":
            break
        if (nxt.pos_ not in ("ADJ", "PROPN", "NOUN") or nxt.like_num) and not (
            nxt.pos_ == "CCONJ" and nxt.i > span.end and doc[nxt.i - 1].pos_ == "ADJ"
        ):
            break
    return None


def subject_text(noun: Token, span: Span, measure_words: set[int]) -> str | None:
    """The counted noun with its modifiers between the number and it, minus measure words."""
    between = span.doc[span.end : noun.i + 1]
    if noun.lower_ in _CONTAINER_NOUNS:
        return None
    numbers = [t.i for t in between if (t.like_num and t.pos_ == "NUM") or t.is_space]
    if numbers:
        # ("first-team players" is fine: "first" is an ordinal adjective); a part of a
        # counted whole is of its noun: "killed nine of the couple's 10 children"
        partitive = noun.head.lower_ == "of" and span.start <= noun.head.head.i < span.end
        if not partitive or any(t.is_space for t in between):
            return None
        between = span.doc[numbers[-1] + 1 : noun.i + 1]
    words = [
        t for t in between if t.i not in measure_words and t.pos_ not in ("DET", "PUNCT", "ADV")
    ]
    while words and (words[0].pos_ in ("CCONJ", "ADP") or words[0].lower_ in _INCREMENT_WORDS):
        words = words[1:]
    if not words:
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


# "eight more picks", "200 additional troops": the increment word says how the count
# relates to another one; what is counted is still "picks", "troops".
_INCREMENT_WORDS = frozenset({"more", "fewer", "less", "other", "additional", "extra", "further"})

# Nouns that hold a count without being what is counted ("390,000 cases of injuries").
_CONTAINER_NOUNS = frozenset({"case", "cases", "number", "total", "figure", "count", "tally"})


# Verbs that say nothing of what happened to what is counted ("there were 40",
# "it has 9 million"): never a measure by themselves.
_LIGHT_VERBS = frozenset({"be", "have", "become", "remain", "get", "make", "take", "give", "do"})


def event_verb(num: Token, noun: Token | None) -> str | None:
    """What happened to what is counted when no measure word says it: the verb the
    figure depends on, as written ("China shipped $95 million", "sales rose 41
    percent", "handed over 390 POWs"); not a verb of saying, nor a light verb."""
    anchor = noun if noun is not None else num
    for verb in _governing_verbs(anchor, 3):
        lemma = verb.lemma_.lower()
        if lemma in lex.ATTRIBUTION_VERBS:
            return None  # "said 270 were released" found "released" first
        if verb.pos_ != "VERB" or lemma in _LIGHT_VERBS:
            continue
        particle = next((c for c in verb.children if c.dep_ == "prt"), None)
        words = verb.text.lower() + (f" {particle.text.lower()}" if particle is not None else "")
        return words
    return None


# Words that make a count part of a bigger one ("The dead included three children",
# "150 drones, including 53 over Oryol", "Among those killed were three children"):
# what happened to the part is what happened to the whole, never "included".
_PART_HEADS = frozenset({"include", "including"})


def part_measure(num: Token, noun: Token | None) -> tuple[bool, str | None]:
    """(whether the figure's measure is decided here, the measure). Decided as none for
    the object of an action noun ("the release of ten hostages"); for part of a whole,
    the whole's measure: the subject of "include" ("The dead included three" ->
    killed), the word "including" attaches to ("downed 150 drones, including 53" ->
    downed), or an "among those killed" beside the verb the figure completes."""
    anchor = noun if noun is not None else num
    cur = anchor
    for _ in range(3):
        if cur.head is cur:
            break
        below, cur = cur, cur.head
        lemma = cur.lemma_.lower()
        if cur.pos_ == "NOUN" and below.lower_ == "of" and lemma in lex.MEASURES:
            return True, None  # "the release of ten hostages": not what "includes" says
        if lemma not in _PART_HEADS and cur.lower_ not in _PART_HEADS:
            continue
        if cur.dep_ == "prep" or cur.lower_ == "including":
            whole = cur.head
            if whole.pos_ == "VERB":
                if measure_of(whole) is None and total_subject_measure(whole) is not None:
                    return True, total_subject_measure(whole)  # "victims now exceed ..."
                return True, _whole_measure([whole], whole)
            verb = whole.head if whole.head.pos_ == "VERB" else None
            return True, _whole_measure([whole, whole.head], verb)
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        return True, _whole_measure([t for s in subjects for t in s.subtree])
    verb = anchor.head
    for child in verb.children if verb.pos_ in ("VERB", "AUX") else ():
        if child.dep_ == "prep" and child.lower_ == "among" and child.i < anchor.i:
            return True, _whole_measure(list(child.subtree))
    return False, None


def total_subject_measure(verb: Token) -> str | None:
    """What a total's subject says happened ("The victims ... now exceed 50,000" -> killed),
    when ``verb`` states a total and its subject is such a noun; else None."""
    if verb.lemma_.lower() not in lex.TOTAL_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            measure = lex.TOTAL_SUBJECT_NOUNS.get(child.lower_)
            if measure is not None:
                return measure
    return None


def _whole_measure(tokens: list[Token], verb: Token | None = None) -> str | None:
    """The measure among the words naming a whole, else the verb the part hangs on as
    written ("downed"; not a verb of saying, nor a light verb)."""
    for tok in tokens:
        measure = measure_of(tok)
        if measure is not None:
            return measure
    lemma = verb.lemma_.lower() if verb is not None else ""
    if verb is None or lemma in _LIGHT_VERBS or lemma in lex.ATTRIBUTION_VERBS:
        return None
    return verb.text.lower()


def group_measure(noun: Token) -> str | None:
    """The group whose members ``noun`` counts ("a delegation of about 20 diplomats" ->
    delegation), else None."""
    prep = noun.head
    group = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or group.pos_ != "NOUN":
        return None
    return lex.GROUP_NOUNS.get(group.lemma_.lower())


def _governing_verbs(tok: Token, limit: int = 4) -> list[Token]:
    out = []
    cur = tok
    for _ in range(limit):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            out.append(cur)
    return out


def _first_measure(
    candidates: list[Token], light_ok: set[int], status: Token | None, span: Span
) -> tuple[str, Token | None] | None:
    """The first candidate's measure word or light verb, with the word; for a noun of status
    ("307 prisoners") that no word says happened to, its own verb as written, else its
    status (with no word: the noun stays what is counted); else None."""
    for tok in candidates:
        measure = measure_of(tok) if status is None or tok.i != status.i else None
        if measure is None and tok.i in light_ok:
            measure = light_verb_measure(tok)
        if measure is not None:
            return measure, tok
    if status is None:
        return None
    verb = _own_verb(status, span)
    measure = verb.text.lower() if verb is not None else measure_of(status)
    return (measure, None) if measure is not None else None


def _own_verb(noun: Token, span: Span) -> Token | None:
    """The verb a counted noun completes, directly or through its number ("307 prisoners
    had been swapped", "holding thousands of prisoners"), when it says what happened
    (not a verb of saying, nor a light verb); else None."""
    cur = noun.head
    while cur is not cur.head and (cur.lower_ == "of" or span.start <= cur.i < span.end):
        cur = cur.head
    lemma = cur.lemma_.lower()
    if cur.pos_ != "VERB" or lemma in _LIGHT_VERBS or lemma in lex.ATTRIBUTION_VERBS:
        return None
    return cur


def _own_participle(verb: Token, anchor: Token) -> bool:
    """``verb`` is a participle clause whose object is what the figure counts ("Russia
    launched 367 drones, striking more than 30 cities"): what happened to the cities is
    the striking, not the launching of the clause the participle hangs on."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and anchor.head.i == verb.i
        and anchor.dep_ == "dobj"
        and verb.lemma_.lower() not in _LIGHT_VERBS
        and verb.lemma_.lower() not in lex.ATTRIBUTION_VERBS
    )


def find_measure(num: Token, span: Span, noun: Token | None) -> tuple[str | None, set[int]]:
    """What happened to what is counted, nearest first: inside the noun phrase,
    right after the number, the verbs governing it, then the words just before."""
    doc = span.doc
    sent = num.sent
    used: set[int] = set()
    candidates: list[Token] = []
    stop = noun.i + 1 if noun is not None else span.end
    candidates.extend(doc[span.end : stop])  # "700,000 dead Ukrainian soldiers"
    if noun is not None:
        for child in noun.children:
            if (
                child.dep_ in ("acl", "relcl", "amod")
                and child.i > noun.i
                and not any(t.like_num for t in child.subtree)
            ):  # "soldiers lost in the conflict"; but "drones, of which 88 were shot
                # down" is the measure of the 88
                candidates.append(child)
            if child.dep_ == "prep":  # "cases of injuries", "personnel in the killed"
                candidates.extend(t for t in child.subtree if t.i < child.i + 4)
    # Directly after the number or noun: "300-350,000 killed", "370,000 wounded"
    after_start = stop
    after = doc[after_start : min(after_start + 4, sent.end)]
    if (
        len(after) >= 3
        and measure_of(after[0]) == "killed"
        and after[1].lower_ in ("and", "or")
        and measure_of(after[2]) in ("wounded", "injuries")
    ):
        return "casualties", {after[0].i, after[2].i}  # "315,000 killed and wounded"
    for tok in after:
        if tok.is_punct or tok.like_num or tok.pos_ == "CCONJ":
            break  # "killed 35 people and injured 117": the next clause is not ours
        candidates.append(tok)
    anchor = noun if noun is not None else num
    group = group_measure(anchor)
    # The verbs governing a group's members say what the group did or met ("firing at a
    # delegation of 25 diplomats"): the count is the group's size.
    governing = _governing_verbs(anchor) if group is None else []
    participle = governing[0] if governing and _own_participle(governing[0], anchor) else None
    if participle is not None:
        governing = governing[:1]  # "launched 367 drones, striking more than 30 cities"
    own = noun is None or num.head.i == noun.i  # not "57 of whom" read as the hostages
    # A light verb says what happened in the count's own phrase, the participle modifying
    # its noun ("more than 200 taken hostage", "the 250 hostages taken in the attack"), or
    # as the verb the count itself completes; nearest first, as the measure words are.
    light_ok = {t.i for t in candidates if t.pos_ == "VERB"}
    light_ok |= {c.i for c in (noun.children if noun is not None else ()) if c.dep_ == "acl"}
    candidates.extend(doc[i] for i in sorted(light_ok - {t.i for t in candidates}))
    if governing and own:
        light_ok.add(governing[0].i)
    candidates.extend(governing)
    # "are believed to have died", "is estimated to have lost"
    candidates.extend(c for v in governing[:1] for c in v.children if c.dep_ == "xcomp")
    status = noun if noun is not None and noun.lemma_.lower() in lex.STATUS_NOUNS else None
    found = _first_measure(candidates, light_ok, status, span)
    if found is not None:
        word = found[1]
        return found[0], used | ({word.i} if word is not None else set())
    if group is not None:
        return group, used
    if participle is not None:
        return participle.text.lower(), used  # what happened to them, as written
    # Words shortly before the number in the same sentence ("those killed at 31,000",
    # "killed an average of more than 5,000"), stopping at another number.
    for tok in reversed(doc[max(sent.start, span.start - 8) : span.start]):
        measure = measure_of(tok)
        if measure is not None:
            return measure, used
        if tok.is_quote:
            continue  # "cites loss of '400,000 soldiers'"
        if (
            tok.like_num
            or tok.is_punct
            or tok.is_space
            or tok.pos_ in ("SCONJ", "CCONJ", "VERB", "AUX")
        ):
            break
    # The subject of the verb the number completes: "the death toll rose to 52",
    # "Casualties are estimated at 20,000-30,000".
    if noun is None:
        for verb in _governing_verbs(num, 3):
            total = total_subject_measure(verb)
            if total is not None:
                return total, used
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < span.start:
                    for tok in child.subtree:
                        measure = measure_of(tok)
                        if measure is not None and tok.pos_ != "VERB":
                            return measure, used
            break
    return None, used


_GLUED_PER_RE = re.compile(r"(?:-an?-|\s+an?-|\s?/\s?)(?P<w>[A-Za-z]+)\b")


def _glued_per(after: str) -> str | None:
    """ "a $70-a-share price", "10 km/hr": a rate written without spaces."""
    m = _GLUED_PER_RE.match(after)
    if m is None:
        return None
    word = m.group("w").lower()
    if word in lex.PERIOD_ABBREVIATIONS:
        return lex.PERIOD_ABBREVIATIONS[word]
    singular = word[:-1] if word.endswith("s") else word
    for w in (word, singular):
        if w in lex.PERIOD_WORDS:
            return lex.PERIOD_WORDS[w]
        if w in lex.PER_NOUNS:
            return w
    return None


_NOT_RATE_AFTER = frozenset({"earlier", "ago", "later", "before", "after", "previously"})


def find_per(span: Span, noun: Token | None) -> str | None:
    doc = span.doc
    start = (noun.i + 1) if noun is not None else span.end
    if start < len(doc) and doc[start].text == "(":
        # "C$6 (US$4.46) per share": a conversion in brackets sits between the figure
        # and its rate
        for close in doc[start + 1 : min(start + 8, span.sent.end)]:
            if close.text == ")":
                start = close.i + 1
                break
    elif start < len(doc) and doc[start].text == ")":
        start += 1  # the conversion itself: "(US$4.46) per share"
    if start >= len(doc):
        return None
    last = doc[start - 1]  # (Doc.text rebuilds the whole text: read a short span instead)
    glued = _glued_per(last.whitespace_ + doc[start : start + 4].text)
    if glued is not None:
        return glued
    window = doc[start : min(start + 7, span.sent.end)]
    for i, tok in enumerate(window):
        word = tok.lower_
        if tok.like_num or tok.is_currency or any(c.isdigit() for c in tok.text):
            break  # the rate of the next figure ("19 cents at $58.24 per barrel", "RM79 a month")
        if i >= 4 and word not in lex.RATE_DETERMINERS:
            continue  # "2.4 billion gallons of jet fuel a year": look past a short "of" phrase
        if word in lex.PERIOD_ADVERBS:
            return lex.PERIOD_ADVERBS[word]
        if word in lex.RATE_DETERMINERS and i + 1 < len(window):
            nxt = window[i + 1]
            period = lex.PERIOD_WORDS.get(nxt.lemma_.lower()) or lex.PERIOD_WORDS.get(nxt.lower_)
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if after is not None and after.lower_ in _NOT_RATE_AFTER:
                return None  # "$6.78 billion a year earlier" is a date, not a rate
            if period is not None:
                return period
            if word in ("a", "an", "per") and nxt.lower_ in lex.PER_NOUNS:
                return nxt.lemma_.lower()  # "$1.34 a share", "$58 per barrel"
            if word == "per":
                um = UNIT_RE.match(" " + doc[nxt.i : nxt.i + 4].text)  # "$80 per sq m"
                if um is not None and um.group("sep") == " ":
                    return lex.UNIT_SUFFIXES[um.group("unit").lower()]
            if word == "per" and nxt.pos_ in ("NOUN", "PROPN"):
                return nxt.lemma_.lower()
            if word == "per" and nxt.pos_ == "ADJ" and nxt.head.i > nxt.i:
                head = nxt.head  # "$21.25 per square foot"
                if head.pos_ == "NOUN" and head.i - nxt.i <= 2:
                    return doc[nxt.i : head.i].text_with_ws.lower() + head.lemma_.lower()
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ"):
            break
    return None


def _noun_phrase(tok: Token) -> str:
    """The phrase a noun heads, up to the noun, within its own line and sentence."""
    left = max(tok.left_edge.i, tok.sent.start)
    words = [t for t in tok.doc[left : tok.i + 1]]
    while words and (words[0].pos_ in ("DET", "PUNCT", "SPACE") or "\n" in words[0].text):
        words = words[1:]
    for i in range(len(words) - 1, 0, -1):
        if "\n" in words[i].text or "\n" in words[i - 1].whitespace_:
            words = words[i + 1 :] if "\n" in words[i].text else words[i:]
            break
    if not words:
        return tok.text
    return tok.doc[words[0].i : words[-1].i + 1].text


def unit_subject(num: Token, span: Span) -> str | None:
    """What a money/percent/duration figure measures: the noun it modifies
    ("a 30-day ceasefire"), else the subject of the clause ("The call lasted ...")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(doc):
        # "20% of Ukrainian territory", "a third of voters": the whole it is a share of
        for pobj in nxt.children:
            if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(pobj)
    if (
        nxt is not None
        and nxt.is_alpha
        and nxt.pos_ in ("NOUN", "PROPN")
        and (nxt.head.i >= nxt.i or span.root.head.i == nxt.i)
    ):  # (the noun the figure modifies, wherever its own head is: "to avoid 46% tariffs")
        head = nxt
        while (
            head.head.i > head.i
            and head.dep_ in ("compound", "amod")
            and head.head.i < span.end + 4
        ):
            head = head.head
        return doc[nxt.i : head.i + 1].text
    changed = _changed_thing(span.root)
    if changed is not None:
        return _noun_phrase(changed)
    for verb in _governing_verbs(num, 3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in lex.NON_CLAIMANTS:
                if child.pos_ == "PRON" or span.start <= child.i < span.end:
                    return None
                if child.left_edge.i <= span.start and span.end <= child.i + 1:
                    return None  # "Up to 60% of flights": the figure is inside the subject
                return _noun_phrase(child)
    return None


def _changed_thing(num: Token) -> Token | None:
    """What a change moves when the figure is where it moved to or by how much: the object
    of the verb ("pushing annual inflation to 3.6%", "lifting the debt ratio to 68%"), or
    the noun a participle of change describes ("sent output plunging by 21%"); else None."""
    prep = num.head
    if num.dep_ != "pobj" or prep.lower_ not in ("to", "by") or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is not None and obj.i < num.i:
        return obj
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.i < verb.i:
        return verb.head
    return None


def claimant_token(num: Token) -> Token | None:
    """Who the sentence says states the number, as the head of its noun phrase:
    "according to X", "X's estimate of", "estimated by X" / "X estimates", "in what
    X said was"; None when the reporter states it."""
    sent = num.sent
    # "According to Trump, ..." anywhere in the sentence before the figure.
    for tok in sent:
        if tok.lower_ == "according" and not (tok.i <= num.i < tok.i + 3):
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for pobj in nxt.children:
                    if pobj.dep_ == "pobj":
                        return pobj
                if tok.i + 2 < sent.end:
                    return tok.doc[tok.i + 2]
    # "Mr. Trump's estimate of 400,000 soldiers": the owner of an estimate noun.
    cur = num
    for _ in range(4):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.lemma_.lower() in lex.ESTIMATE_NOUNS:
            for child in cur.children:
                if child.dep_ == "poss" and child.pos_ != "PRON":
                    return child
            break
    for verb in _governing_verbs(num, 5):
        if verb.lemma_.lower() in lex.ATTRIBUTION_VERBS and not _sentence_break(verb, num):
            for child in verb.children:
                # Passive: the source is the agent ("estimated by the UN"), not the subject.
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ != "PRON":
                            return pobj
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    if child.lower_ in lex.NON_CLAIMANTS:
                        continue
                    if child.lemma_.lower() in lex.COUNT_NOUNS:
                        return _whose_count(child)
                    return child
    return _in_what_x_said(num)


def _whose_count(noun: Token) -> Token | None:
    """ "Earlier death tolls given by regional authorities put the number at 13": a
    count is not a source; whoever gave it is (the agent of its participle, its
    owner, a name before it: "Ukraine's tally", "UN figures"). A count nobody is
    said to have given is the reporter's ("Earlier tolls had put the number at 13")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None and pobj.pos_ != "PRON":
                return pobj
        if child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or child.ent_type_):
            return noun
    return None


def _sentence_break(a: Token, b: Token) -> bool:
    """A full stop between two tokens that the parser ran into one sentence
    ("Zelenskyy wrote on X. After more than three years ...")."""
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    # (a full stop glued to a word, "on X.", is one token: its last character says it)
    for t in doc[lo:hi]:
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.text[-1] not in ".!?" or nxt is None or not nxt.is_title:
            continue
        if len(t.text) == 2 and t.text[0].isupper() and nxt.pos_ == "PROPN":
            continue  # an initial: "Edwin G. Smith"
        return True
    return False


def _in_what_x_said(num: Token) -> Token | None:
    """ "In what Ukraine said was the largest attack of the war, Russia fired 355
    drones": the speaker of a "what X said" clause states the sentence's figures."""
    for tok in num.sent:
        if tok.lower_ != "what" or tok.i > num.i:
            continue
        verb = tok.head
        for _ in range(2):
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.ATTRIBUTION_VERBS:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None and not (subj.left_edge.i <= num.i <= subj.right_edge.i):
                    return subj
            verb = verb.head
    return None


def fraction_whole(span: Span) -> str | None:
    """What a share is a share of: "half the flats", "two-thirds of the 3,000 new homes"."""
    doc = span.doc
    words: list[Token] = []
    for tok in doc[span.end : min(span.end + 6, span.sent.end)]:
        if not words and (tok.lower_ == "of" or tok.pos_ in ("DET", "NUM") or tok.tag_ == "PRP$"):
            continue
        if tok.pos_ in ("ADJ", "NOUN", "PROPN") or (tok.pos_ == "VERB" and tok.tag_ == "VBG"):
            words.append(tok)
            if tok.pos_ in ("NOUN", "PROPN") and not (
                tok.dep_ in ("compound", "amod") and tok.head.i > tok.i
            ):
                return doc[words[0].i : tok.i + 1].text
            continue
        break
    return None


_DIMENSION_WORDS = frozenset({"tall", "high", "long", "wide", "deep", "thick", "away"})


def counts_after(span: Span) -> bool:
    """A glued "m" before a plural noun is millions: "2.7m combined digital and physical
    sales", "35m of its devices"; "the last 100m of the race", "a 2m high wall" are metres."""
    for tok in span.doc[span.end : min(span.end + 6, span.sent.end)]:
        if tok.tag_ in ("NNS", "NNPS") and tok.lower_ not in lex.UNIT_SUFFIXES:
            return True
        if tok.lower_ in _DIMENSION_WORDS:
            return False
        if not (
            tok.pos_ in ("ADJ", "CCONJ", "DET", "PROPN")
            or tok.tag_ == "NN"  # a modifier noun ("vinyl albums")
            or tok.lower_ == "of"
            or tok.tag_ == "PRP$"
            or (tok.pos_ == "VERB" and tok.tag_ in ("VBG", "VBN"))
        ):
            return False
    return False


def bare_age_after_name(q: Quantity, prev: Token | None, nxt: Token | None) -> bool:
    """A person's name, a small number, then a verb: an apposition whose commas were lost."""
    return bool(
        prev is not None
        and nxt is not None
        and q.kind == "digits"
        and q.low == q.high
        and 0 < q.low < 120
        and float(q.low).is_integer()
        and prev.ent_type_ == "PERSON"
        and nxt.pos_ in ("VERB", "AUX")
    )


def apposition_age(text: str, q: Quantity, num: Token) -> bool:
    """ "Andriy Portnov, 51, had just ...": a bare number set off by commas after a name."""
    if q.kind != "digits" or q.unit is not None or q.low != q.high or not 0 < q.low < 120:
        return False
    doc = num.doc
    prev_tok = doc[num.i - 1] if num.i >= 1 else None
    next_tok = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if bare_age_after_name(q, prev_tok, next_tok):
        return True
    if (
        not re.match(r"^\s*(?:,|\)|$)", text[q.end : q.end + 2])
        or text[q.start - 2 : q.start] != ", "
    ):
        return False
    prev = num.doc[num.i - 2] if num.i >= 2 else None
    if prev is None:
        return False
    if num.dep_ == "appos" and num.head.i == prev.i and prev.pos_ == "PROPN":
        return True  # the small model often tags names as places ("Tatyana, 52,")
    if prev.pos_ == "NOUN" and prev.lemma_.lower() in lex.PERSON_NOUNS:
        return True  # "The suspect, 34, was sentenced"
    return prev.ent_type_ == "PERSON" or (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "EVENT")
    )


def subject_text_excluding_head(noun: Token, span: Span, used: set[int]) -> str | None:
    """ "400,000 military casualties": the noun is the measure; keep the modifiers."""
    words = [
        t
        for t in span.doc[span.end : noun.i]
        if t.pos_ in ("ADJ", "NOUN", "PROPN") and measure_of(t) is None
    ]
    if not words:
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def age_subject(span: Span) -> str | None:
    """ "a 75-year-old woman" -> woman; "Grijalva ... dies at 77" -> the verb's subject."""
    doc = span.doc
    for tok in doc[span.end : min(span.end + 3, len(doc))]:
        if tok.is_space or "\n" in tok.whitespace_ or tok.pos_ in ("VERB", "AUX", "PART"):
            break  # "The 24-year-old took the title": the age is the subject itself
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok
            while head.dep_ == "compound" and head.head.i > head.i and "\n" not in head.whitespace_:
                head = head.head
            if any(t.is_space or "\n" in t.whitespace_ for t in doc[tok.i : head.i]):
                head = tok
            return doc[tok.i : head.i + 1].text
        if tok.is_punct:
            break
    for verb in _governing_verbs(number_head(span), 3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                return _noun_phrase(child)
    return None
