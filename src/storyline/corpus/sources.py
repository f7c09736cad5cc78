"""Which articles are independent sources of each other, and why.

A quote carried by eight outlets that all copy one wire report is one source,
not eight. ``judge`` walks the articles that carry one claim (a quote, a
figure) in publication order; the first always counts one, and a later one
adds no source when it is

- a **copy** of an earlier one: a near-duplicate or translation, i.e. in the
  same duplicate cluster (the corpus stage's ``duplicate_of`` points every
  copy at its cluster's original);
- of the **same outlet family** as an earlier one (``storyline.outlets.family``):
  the first label of its URL's registered domain (bbc.com and bbc.co.uk are
  ``bbc``; the dw, dw-eu and dw-world feeds are all www.dw.com), else its
  outlet name's first word (``bbc-world``, ``jpost-break``);
- an explicit **relay**: the item's sentence says it passes on another
  outlet's words ("..., RT reported", "according to Reuters", "told TASS" in
  an article that is not TASS's), or the article is a wire story by its
  dateline ("WASHINGTON (AP) --") or credit ("The Associated Press contributed to this
  report", an interview "told Reuters": ``WIRE_CREDITS``);
- a **copy of its words**: the narration around the claim (outside every quote) is an
  earlier one's word for word, for a sentence's length (the Independent's uncredited AP
  story, "comparing their village to some of Ukraine's most devastated cities", as in
  CBC's);
- the outlet an earlier appearance relays (TASS's own story after another
  outlet's "TASS reported").

Everything else is its own report. Every judgement carries its reason
("copy of <article>", "same outlet family as <article>", "relays RT"), so a
reader can check it. Pure: plain values in and out; the claims stage and the
disagreements' corroboration both count sources with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.outlet_lexicon import GENERIC_OUTLETS, OUTLETS, Outlet, outlet_named
from storyline.outlets import UNKNOWN_FAMILY, family_key

# -- relays --------------------------------------------------------------------------


@dataclass(frozen=True)
class Relay:
    """Another outlet whose words an article passes on, and the words that say so."""

    outlet: str
    families: frozenset[str]
    evidence: str


@dataclass(frozen=True)
class RelayForm:
    """A way of saying that words come from an outlet: ``{o}`` stands for the outlet."""

    name: str
    template: str
    example: str


RELAY_FORMS: tuple[RelayForm, ...] = (
    RelayForm(
        "outlet-reported",
        r"\b{o}(?:'s?\s+\w+(?:\s+\w+)?)?,?\s+(?:has\s+|had\s+|also\s+)?"
        r"(?:reported|reports|quoted|cited|wrote|broadcast|published)\b",
        "Jaishankar said, TASS reported.",
    ),
    RelayForm(
        "according-to-outlet",
        r"\b[Aa]ccording to (?:(?:an?|the) (?:report|interview|article|broadcast)s? "
        r"(?:by|in|with|on|from|to) )?{o}",
        "The demands are excessive and outrageous, according to state media.",
    ),
    RelayForm(
        "told-outlet",
        r"\b(?:told|telling|tells)\s+{o}",
        "Peskov told TASS the talks would go on.",
    ),
    RelayForm(
        "interview-with-outlet",
        r"\b(?:in an? (?:interview|conversation|comments?|remarks|op-ed|article) "
        r"(?:with|to|on|for|in)|speaking (?:to|with|on)|spoke (?:to|with|on)|"
        r"(?:quoted|cited|interviewed|reported) by|writing (?:in|for)|wrote in)\s+{o}",
        "He said in an interview with the Frankfurter Allgemeine Sonntagszeitung that ...",
    ),
    RelayForm(
        "citing-outlet",
        r"\bciting\s+{o}",
        "The ministry confirmed the strike, the agency said, citing Reuters.",
    ),
)


def _alternation(outlets: Sequence[Outlet]) -> str:
    return "|".join(f"(?:{o.pattern})" for o in outlets)


_ALL_OUTLETS = (*OUTLETS, *GENERIC_OUTLETS)
_OUTLET_GROUP = r"(?:[Tt]he\s+)?(?P<o>" + _alternation(_ALL_OUTLETS) + ")"
_RELAYS = tuple(
    (form, re.compile(form.template.replace("{o}", _OUTLET_GROUP))) for form in RELAY_FORMS
)
WIRE_AGENCIES = ("Associated Press", "Reuters", "AFP", "dpa", "UPI")
_WIRES = tuple(o for o in OUTLETS if o.label in WIRE_AGENCIES)


def _relay(outlet_words: str, evidence: str) -> Relay | None:
    outlet = outlet_named(outlet_words)
    if outlet is None:
        return None
    return Relay(outlet.label, outlet.families, " ".join(evidence.split()))


@dataclass(frozen=True)
class WireCredit:
    """A way an article says it runs a wire agency's story: ``{o}`` stands for the agency;
    ``reach`` is where it is looked for (the opening, the closing, or anywhere)."""

    name: str
    template: str
    reach: str
    example: str


WIRE_CREDITS: tuple[WireCredit, ...] = (
    WireCredit("dateline", r"\({o}\)\s*(?:--|[-\u2013\u2014])", "head",
               "DEIR AL-BALAH, Gaza Strip (AP) -- Israeli strikes killed at least 46 people"),
    WireCredit("contributed",
               r"\b{o}(?:\s+and\s+[^.]{1,80}?)?\s+contributed\s+(?:to\s+this\s+report|reporting)",
               "any", "The Associated Press contributed to this report."),
    WireCredit("with-files", r"\b[Ww]ith files from {o}", "tail",
               "broke down after two hours last week. With files from Reuters"),
    WireCredit("sign-off", r"[\u2013\u2014]\s*{o}\s*$", "tail",
               "the ministry said on Monday. \u2014 Reuters"),
    # The agency's own interview, printed by another outlet: its story carried.
    WireCredit("told-agency", r"\b(?:told|telling)\s+{o}\b(?!\s+(?:Photo|photographer))",
               "any", "including Iranian-designed Shahed drones, he told The Associated Press."),
    # The agency asking for comment: only its own copy says so.
    WireCredit("request-for-comment",
               r"\b(?:respond|reply|replied|responded)\s+to\s+(?:an?\s+)?{o}\s+"
               r"requests?\s+for\s+comment",
               "any", "The British government did not immediately respond to a Reuters "
               "request for comment."),
    # The agency speaking of its own checks: only its own copy says so.
    WireCredit("could-not-verify",
               r"\b{o}\s+(?:has\s+not\s+been\s+able\s+to|could\s+not|was\s+unable\s+to|"
               r"has\s+not)\s+(?:immediately\s+)?(?:independently\s+)?(?:confirm|verify)",
               "any", "Reuters could not immediately verify the battlefield report."),
)  # fmt: skip
# Another outlet's staff credited at the end: the article republishes that outlet's story
# (Egypt Independent runs CNN's). Any outlet, not only a wire; the article's own staff
# ("Fox News Digital's Greg Norman" in Fox) is no relay (``Carrier.foreign_relay``).
STAFF_CREDITS: tuple[WireCredit, ...] = (
    WireCredit("staff-contributed",
               r"\b{o}['\u2019]s\s+[^.]{1,300}?\s+contributed\s+(?:to\s+this\s+report|reporting)",
               "tail", "CNN\u2019s Kit Maher and Svitlana Vlasova contributed to this report."),
)  # fmt: skip
# Characters of an article's opening and closing where a dateline or credit is looked for.
CREDIT_REACH = 600
_WIRE_GROUP = r"(?:[Tt]he\s+)?(?P<o>" + _alternation(_WIRES) + ")"
_ANY_OUTLET = r"(?:[Tt]he\s+)?(?P<o>" + _alternation(OUTLETS) + ")"
_CREDITS = tuple(
    (credit, re.compile(credit.template.replace("{o}", _WIRE_GROUP))) for credit in WIRE_CREDITS
) + tuple(
    (credit, re.compile(credit.template.replace("{o}", _ANY_OUTLET))) for credit in STAFF_CREDITS
)


# Credits that say an article is the outlet's own, mixed with a wire's material: its own
# staff contributed beside the agency, so the article is not the agency's story.
_ANY_WIRE = r"(?:[Tt]he\s+)?(?:" + _alternation(_WIRES) + ")"
_STAFF = r"[^.]{0,80}?['\u2019]s\s[^.]{0,80}?"  # "Fox News Digital's Brooke Curto"
MIXED_CREDITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:{_STAFF}\s+and\s+{_ANY_WIRE}|{_ANY_WIRE}\s+and\s+{_STAFF})"
                r"\s+contributed\s+to\s+this\s+report"),
     "Fox News Digital\u2019s Andrea Margolis and The Associated Press contributed to this"
     " report."),
)  # fmt: skip
# A live page gathers passages from everywhere: a credit there is one passage's.
LIVE_PAGE = re.compile(r"[-/_]live(?:[-/_]|$)")


def wire_credit(text: str, url: str | None = None) -> Relay | None:
    """The wire agency whose story an article runs, by its credit (``WIRE_CREDITS``): a
    dateline, "The Associated Press contributed to this report", an interview "told
    Reuters"; the first the article gives. None for an article mixing its own staff's
    reporting with the agency's (``MIXED_CREDITS``) and for a live page."""
    if (url and LIVE_PAGE.search(url)) or any(p.search(text) for p, _ in MIXED_CREDITS):
        return None
    found: list[tuple[int, Relay]] = []
    text = text.rstrip()  # (a sign-off ends the text)
    tail = max(0, len(text) - CREDIT_REACH)
    reaches = {"head": (0, CREDIT_REACH), "tail": (tail, len(text)), "any": (0, len(text))}
    for credit, pattern in _CREDITS:
        lo, hi = reaches[credit.reach]
        m = pattern.search(text, lo, hi)
        relay = _relay(m["o"], m[0]) if m else None
        if m is not None and relay is not None:
            found.append((m.start(), relay))
    return min(found, key=lambda f: f[0])[1] if found else None


# A sentence ends at . ! ? (and closing quotes) before a capital or digit, or at a line break.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019\u00bb)]*\s+(?=[\"'\u201c\u2018\u00ab(]?[A-Z0-9])|\n"
)
SENTENCE_REACH = 600


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around ``text[start:end]``."""
    lo = max(0, start - SENTENCE_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    lo = ends[-1] if ends else lo
    hi = min(len(text), end + SENTENCE_REACH)
    m = _SENTENCE_END.search(text, end, hi)
    return lo, (m.start() + 1 if m else hi)


# A sentence that goes on with the report before it: its words are given to a pronoun or
# to a source named before ("the ministry said", "it added", "The US president added").
CONTINUED = re.compile(
    r"(?:^\s*|[,\"\u201d\u2019]\s*)(?:he|she|it|they|the\s+(?:[\w-]+\s+){0,2}?(?:ministry|president|minister|"
    r"agency|official|officials|spokesman|spokeswoman|spokesperson|statement|report|channel|"
    r"leader|prime\s+minister))\s+(?:also\s+)?(?:said|added|stated|noted|continued|wrote)\b",
    re.IGNORECASE,
)
# How many sentences a relay reaches past its own when each goes on with its report.
RELAY_CARRY = 3
# A sentence that names the relayed outlet's reporter or agency by a noun, as one named
# before ("According to the reporter, Witkoff said ...", "Witkoff told the reporter that
# ...", "According to the news agency, ..."): the report before it, up to
# ``RELAY_CARRY`` sentences back, whatever the sentences between say.
REPORTER_BACK = re.compile(
    r"\b(?:according\s+to|told|telling|quoted\s+by|cited\s+by)\s+the\s+"
    r"(?:reporter|journalist|correspondent|(?:news\s+)?agency|newspaper|broadcaster|outlet)\b",
    re.IGNORECASE,
)


def relay_in(
    text: str, start: int, end: int, content: tuple[int, int] | None = None
) -> Relay | None:
    """The outlet the sentence around ``text[start:end]`` says the words come from, if any;
    or, when that sentence goes on with the report before it (``CONTINUED``: "..., the
    ministry said"), the outlet of the sentence it goes on from ("..., Al Jazeera
    reported. The casualties bring the total to 53,655, the ministry said."), up to
    ``RELAY_CARRY`` sentences back, each going on from the one before; or, when it names
    the reporter as one named before (``REPORTER_BACK``: "According to the reporter"),
    the first outlet in those sentences back.

    ``content`` (a statement's own words) is left out: "told TASS" inside a
    quote is what the speaker said, not where the article got it.
    """
    lo, hi = sentence_bounds(text, start, end)
    found = _relay_of_sentence(text, lo, hi, content)
    back = REPORTER_BACK.search(_blanked(text, lo, hi, content)) is not None
    for _ in range(RELAY_CARRY):
        if found is not None or lo == 0 or not (back or _goes_on(text, lo, hi, content)):
            break
        lo, hi = sentence_bounds(text, max(0, lo - 2), max(0, lo - 1))
        found = _relay_of_sentence(text, lo, hi, None)
        if found is not None:
            found = Relay(found.outlet, found.families, f"{found.evidence} (an earlier sentence)")
    return found


def _goes_on(text: str, lo: int, hi: int, content: tuple[int, int] | None) -> bool:
    """The sentence ``text[lo:hi]`` gives its words to a pronoun or to a source named
    before (its own quoted words left out)."""
    return CONTINUED.search(_blanked(text, lo, hi, content)) is not None


def _blanked(text: str, lo: int, hi: int, content: tuple[int, int] | None) -> str:
    """``text[lo:hi]`` with ``content`` (a statement's own words) blanked."""
    window = text[lo:hi]
    if content is not None:
        cs, ce = max(content[0], lo) - lo, min(content[1], hi) - lo
        if cs < ce:
            window = window[:cs] + " " * (ce - cs) + window[ce:]
    return window


def _relay_of_sentence(
    text: str, lo: int, hi: int, content: tuple[int, int] | None
) -> Relay | None:
    window = _blanked(text, lo, hi, content)
    found: list[tuple[int, Relay]] = []
    for _form, pattern in _RELAYS:
        for m in pattern.finditer(window):
            relay = _relay(m["o"], m[0])
            if relay is not None:
                found.append((m.start(), relay))
    return min(found, key=lambda f: f[0])[1] if found else None


def medium_relay(medium: str | None) -> Relay | None:
    """A statement's medium when it is a news outlet ("told TASS" -> TASS); platforms
    (X, Telegram, Truth Social) are where people speak, not outlets that relay."""
    if not medium:
        return None
    return _relay(medium, f"medium {medium}")


# -- judging ---------------------------------------------------------------------


@dataclass(frozen=True)
class Carrier:
    """One article that carries a claim, as independence is judged."""

    article_id: str
    family: str  # ``family_key``
    original: str  # its duplicate cluster's original (itself when it is no copy)
    relay: Relay | None = None  # the outlet it says it relays the claim from
    label: str = ""  # how a reason names it (its outlet)
    # An earlier carrier whose text around the claim it prints word for word, and those
    # words (the claims stage's ``lineage.copied_narration``): one text copied, credited
    # or not.
    copied: tuple[str, str] | None = None

    @property
    def foreign_relay(self) -> Relay | None:
        """The relay, unless it names the article's own outlet ("told TASS" in TASS)."""
        if self.relay is None or self.family in self.relay.families:
            return None
        return self.relay


def carrier_of(
    article_id: str,
    url: str | None,
    outlet: str | None,
    duplicate_of: str | None = None,
    relay: Relay | None = None,
) -> Carrier:
    """A carrier from an article's stored fields (``duplicate_of`` as the store keeps it)."""
    return Carrier(
        article_id,
        family_key(article_id, url, outlet),
        duplicate_of or article_id,
        relay,
        label=outlet or "",
    )


@dataclass(frozen=True)
class Judgement:
    article_id: str
    independent: bool
    reason: str
    after: str | None = None  # the earlier article it repeats, when one is to blame


def _name(c: Carrier) -> str:
    return f"{c.article_id} ({c.label})" if c.label else c.article_id


def _relays_words(relay: Relay) -> str:
    return f"relays {relay.outlet} ('{relay.evidence}')"


def _shown_family(family: str) -> str:
    return "unknown" if family.startswith(UNKNOWN_FAMILY) else family


def judge(carriers: Sequence[Carrier]) -> list[Judgement]:
    """Independent or not, and why, for each carrier (given in publication order)."""
    out: list[Judgement] = []
    seen: list[Carrier] = []
    for c in carriers:
        out.append(_judge_one(c, seen))
        seen.append(c)
    return out


def _judge_one(c: Carrier, earlier: list[Carrier]) -> Judgement:
    relay = c.foreign_relay
    if not earlier:
        why = "first appearance" + (f" ({_relays_words(relay)})" if relay else "")
        return Judgement(c.article_id, True, why)
    for e in earlier:
        if e.original == c.original:
            return Judgement(c.article_id, False, f"copy of {_name(e)}", e.article_id)
    for e in earlier:
        if e.family == c.family:
            why = f"same outlet family ({_shown_family(c.family)}) as {_name(e)}"
            return Judgement(c.article_id, False, why, e.article_id)
    if relay is not None:
        return Judgement(c.article_id, False, _relays_words(relay))
    copied = [e for e in earlier if c.copied is not None and e.article_id == c.copied[0]]
    if copied and c.copied is not None:
        why = f"copies the words of {_name(copied[0])} ('{c.copied[1]}')"
        return Judgement(c.article_id, False, why, copied[0].article_id)
    for e in earlier:
        if e.foreign_relay is not None and c.family in e.foreign_relay.families:
            why = f"the outlet {_name(e)} relays ({e.foreign_relay.outlet})"
            return Judgement(c.article_id, False, why, e.article_id)
    return Judgement(c.article_id, True, "own report")


def independent_sources(carriers: Sequence[Carrier]) -> int:
    """How many independent sources the carriers (in publication order) are."""
    return sum(j.independent for j in judge(carriers))
