"""The junk that scraped news text carries, as data.

Each rule says what it matches, why that is not article text, and where it
was seen (``seed NNN`` is ``../shared/corpus/seeds/NNN_*``). ``text.py``
applies them; nothing else in the cleaner knows a junk phrase.

Rules are matched against one *block* (a paragraph: text between blank
lines) after Markdown link syntax has been unwrapped, with surrounding
whitespace and list bullets stripped (``BULLET``). A block rule must match
the whole block, so a phrase like "close" or "Source link" inside a real
sentence is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    why: str
    # Lower-case words one of which any match contains: the regex only runs
    # on text that has one (Python's re has no fast prefilter for
    # case-insensitive alternations, and most text has no furniture).
    triggers: tuple[str, ...] = ()

    def may_match(self, lowered: str) -> bool:
        return not self.triggers or any(t in lowered for t in self.triggers)


def _rule(
    name: str,
    pattern: str,
    why: str,
    flags: int = re.IGNORECASE,
    triggers: tuple[str, ...] = (),
) -> Rule:
    return Rule(name, re.compile(pattern, flags), why, triggers)


# List bullets and indentation that page widgets carry ("  • Related Posts", seed 003).
# A bullet must be followed by a space, so a Markdown rule "---" is not a bullet.
BULLET = re.compile(r"^\s*(?:[•·▪►*+\-–—]\s+)*")

# ---------------------------------------------------------------------------
# Markdown debris (applied inline, before block rules).
# ---------------------------------------------------------------------------

# ![alt](src): an image; its alt text describes a photo, not the story.
MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
# [words](target): keep the words, drop the target. Seed 004 has
# "[meeting the Ukrainian president](#)" mid-sentence. A bracket not followed
# by "(...)" is not a link: seed 003's editorial insertion "[Russia’s]" stays.
MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
# **bold** emphasis markers around words. (Not __bold__: underscores are word
# characters, and snake_case names do occur in tech news.)
MD_STRONG = re.compile(r"(\*\*)(?=\S)(.+?)(?<=\S)\1")
# "## Subheading" / "> quoted": keep the words, drop the Markdown markers.
MD_HEADING = re.compile(r"^#{1,6}\s+")
MD_QUOTE = re.compile(r"^>\s?", re.MULTILINE)

# ---------------------------------------------------------------------------
# Blocks that are junk as a whole (the block must match entirely).
# ---------------------------------------------------------------------------
BLOCK_RULES: tuple[Rule, ...] = (
    _rule(
        "close-button",
        r"(?:close|×|✕|✖)(?:\s*\n\s*(?:close|×|✕|✖))*",
        "the label of a dialog's close button (seed 002 starts with two 'close' lines)",
    ),
    _rule(
        "markdown-rule",
        r"(?:[-*_]\s*){3,}",
        "a Markdown horizontal rule separating page header from body (seed 004 '---')",
    ),
    _rule(
        "reading-time",
        r"\d{1,3}\s*min(?:ute)?s?\.?\s+read\b[^\n]{0,40}",
        "reading-time widget, often with a 'View original' link (seed 004 "
        "'4 min. read · [View original](#)')",
    ),
    _rule(
        "view-original",
        r"(?:view|read) (?:the )?(?:original|full (?:article|story))",
        "a link back to the source page (seed 004)",
    ),
    _rule(
        "newsletter-promo",
        r"(?:skip past|after) newsletter promotion",
        "the Guardian's screen-reader markers around a newsletter box (seed 004)",
    ),
    _rule(
        "advertisement",
        r"advertisement|sponsored content|story continues below(?: this)? advertisement",
        "ad slot labels left in the text flow (common on US news pages; not in the seeds)",
    ),
    _rule(
        "share-buttons",
        r"share(?: this (?:article|story))?(?:\s*(?:on )?(?:facebook|twitter|x|whatsapp|"
        r"telegram|linkedin|email|copy link))*",
        "social share button labels (common on news pages; not in the seeds)",
    ),
)

# Block rules that mark a page scraped from its top (buttons, widgets), as
# opposed to document formatting (a Markdown rule): after these, a short first
# line ending in a period is the page's headline (seed 002, see header.py).
PAGE_CHROME = frozenset(
    {"close-button", "reading-time", "view-original", "advertisement", "share-buttons"}
)

# A cookie/consent banner, in its own block or glued after the last sentence
# (seed 001 ends "This website uses cookies to improve your experience. We'll
# assume you're ok with this, but you can opt-out if you wish. Accept Read
# More"). It must start like a banner and address the reader ("you", "your"):
# an article *about* cookie law says neither "This website uses cookies" nor
# speaks to the reader in the same breath.
COOKIE_BANNER = re.compile(
    r"(?:^|(?<=[.!?”\"’]\s)|(?<=[.!?]))"
    r"(?:this (?:web)?site|our (?:web)?site|we) (?:uses?|is using) cookies\b[^\n]*$",
    re.IGNORECASE,
)
SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re)\b", re.IGNORECASE)
COOKIE_BANNER_MAX_WORDS = 80

# ---------------------------------------------------------------------------
# Furniture sentences inside running text. Scrapers that flatten a page into
# one paragraph (news-dumpster's RSS scrapes: ../shared/data/news-dumpster-2025)
# glue copyright lines, paywall prompts and market-data notices to the
# article's first and last sentences, so block rules cannot see them. Each
# pattern matches a whole furniture sentence (or a fixed run of them) and is
# worded so that it cannot match reporting: it speaks to the reader about the
# site, or it is a legal/data notice. Counts are articles of that corpus
# (1,424) in which the sentence occurs verbatim.
# ---------------------------------------------------------------------------
SENTENCE_RULES: tuple[Rule, ...] = (
    _rule(
        "copyright",
        r"(?:(?:copyright|©)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?[^.!?\n]{0,60}?[.,]?\s*"
        r"all rights reserved\b\.?",
        "copyright line (BBC 'Copyright 2025 BBC. All rights reserved.' 113, Fox '©2025 FOX "
        "News Network, LLC. All rights reserved.' 146, Mainichi, Mehr, CNBC)",
        triggers=("copyright", "©"),
    ),
    _rule(
        "external-links",
        r"(?:the [\w .'’-]{1,40} is not responsible for the content of external (?:web)?sites\.)"
        r"|read about our approach to external linking\.",
        "the BBC's external-link disclaimer (129)",
        triggers=("external",),
    ),
    _rule(
        "redistribution",
        r"this material may not be published, broadcast, rewritten,? or redistributed\.",
        "Fox News legal notice at both ends of every page (146)",
        triggers=("redistributed",),
    ),
    _rule(
        "market-data",
        r"quotes displayed in real-time or delayed by at least \d+ minutes\."
        r"|market data provided by\s+\w+\.|powered and implemented by\s+factset digital solutions\."
        r"|legal statement\.(?=\s+mutual fund)"
        r"|mutual fund and etf data provided by\s+refinitiv lipper\."
        r"|\*?data is a real-time snapshot\s*\*?data is delayed at least \d+ minutes\."
        r"|global business and financial news, stock quotes, and market data\s+and analysis\."
        r"|data also provided by\s*$",
        "stock-ticker notices in page footers (Fox 146, CNBC 81)",
        triggers=(
            "market data",
            "factset",
            "refinitiv",
            "real-time snapshot",
            "stock quotes",
            "data also provided",
            "legal statement",
        ),
    ),
    _rule(
        "newsletter-signup",
        r"by entering your email and clicking the subscribe button, you agree to .{0,200}?"
        r"opt-out at any time\.(?:\s*subscribed)?"
        r"|you've successfully subscribed to this newsletter!"
        r"|sign up for free newsletters and get more cnbc delivered to your inbox"
        r"|by subscribing i accept the terms of use and privacy policy",
        "newsletter sign-up forms (Fox 113-135, CNBC 81, Jerusalem Post 54)",
        triggers=("subscribe", "newsletter", "inbox", "subscribing"),
    ),
    _rule(
        "paywall",
        r"we are having trouble retrieving the article content\."
        r"|please enable javascript in your browser settings\."
        r"|thank you for your patience while we verify access\."
        r"|if you are in reader mode please exit and\s+log into\s+your times account, or\s+"
        r"subscribe\s+for all of the times\."
        r"|already a subscriber\?\s*log in\.|want all of the times\?\s*subscribe\."
        r"|please refresh the page or navigate to another page on the site to be automatically "
        r"logged in|please refresh your browser to be logged in"
        r"|notifications can be managed in browser preferences\."
        r"|the page may not be displayed properly if the javascript is deactivated on your "
        r"browser\."
        r"|please view the main text area of the page by skipping the main menu\."
        r"|you've read all of your free articles\.",
        "paywall and login prompts (New York Times 54-67, The Independent 13, Mainichi 40)",
        triggers=(
            "trouble retrieving",
            "javascript",
            "verify access",
            "reader mode",
            "subscriber",
            "want all of the times",
            "refresh",
            "notifications can be",
            "main text area",
            "free articles",
        ),
    ),
    _rule(
        "account-prompt",
        r"(?:already|don[’']t) have an account\?"
        r"|username or email address\s+password\s+remember me\s+forgot password\?"
        r"|you must be logged in to post a comment\."
        r"|subscribe now and enjoy unlimited access to the stories that matter\."
        r"|this site is protected by recaptcha and the google privacy policy and google terms of "
        r"service apply\.",
        "login and comment-form prompts (Egyptian Streets 18, CBC 15)",
        triggers=("account", "forgot password", "logged in", "unlimited access", "recaptcha"),
    ),
    _rule(
        "truncation-notice",
        r"you have [\d.,]+% of this article left to read\.\s*the rest is for subscribers only\.",
        "paywall truncation notice (Le Monde 12): the article text stops here",
        triggers=("left to read",),
    ),
    _rule(
        "inbox-promo",
        r"(?:^|(?<=[.!?] ))(?:get|sign up)\b[^.!?]{0,150}? to your inbox\b[^.!?]{0,80}(?:[.!?]|$)",
        "'get ... delivered to your inbox' newsletter promotions (CNBC 81, Fox 17, AllAfrica 52)",
        triggers=("inbox",),
    ),
    _rule(
        "news-tips",
        r"got a confidential news tip\?(?:\s*we want to hear from you\.)?",
        "CNBC's tip-line box (56)",
        triggers=("news tip",),
    ),
    _rule(
        "site-promo",
        r"fox news flash top headlines are here\."
        r"(?:\s*check out what's clicking on foxnews\.com\.)?"
        r"|get the latest updates from the \d{4} campaign trail[^.!?]{0,80}\."
        r"|(?:from [^.!?]{0,80}, )?the independent is on the ground when the story is developing\."
        r".{0,900}?paid for by those who can afford it\.",
        "the outlet advertising itself between sentences (Fox 12-34, The Independent's donation "
        "appeal 12)",
        triggers=("fox news flash", "campaign trail", "the independent"),
    ),
    _rule(
        "about-publisher",
        r"allafrica publishes around \d+ reports a day\b.{0,1500}?(?:please try again later\.|$)"
        r"|audience relations, cbc p\.o\.\s*box 500\b.{0,400}?offered on cbc gem\."
        r"|lecture du monde en cours sur un autre appareil\..{0,1500}?(?:follow le monde|$)",
        "the publisher's about/contact/device-limit footer after the article (AllAfrica 49, "
        "CBC 51, Le Monde 18)",
        triggers=("allafrica", "audience relations", "lecture du monde"),
    ),
    _rule(
        "advertisement-label",
        r"^(?:[\w'’-]+(?: [\w'’-]+){0,3} )?advertisement\s+supported by\s+"
        r"|(?<=[.!?”\"’])\s*advertisement\s*$",
        "the New York Times' ad slot label opening ('Russia-Ukraine War Advertisement Supported "
        "by') and closing every page (78)",
        triggers=("advertisement",),
    ),
)

# ---------------------------------------------------------------------------
# End of the article: everything from these blocks on is page furniture.
# ---------------------------------------------------------------------------
TAIL_RULES: tuple[Rule, ...] = (
    _rule(
        "source-link",
        r"source link",
        "the 'Source link' line that auto-reposting WordPress plugins append after "
        "the copied article; what follows is the host site's widgets (seed 003)",
    ),
    _rule(
        "comment-form",
        r"leave a (?:reply|comment)(?: cancel reply)?|"
        r"your email address will not be published\.?(?: required fields are marked \*)?|"
        r"required fields are marked \*",
        "the WordPress comment form that closes a post (seed 002 'Leave a Comment', "
        "seed 003 'Leave a Reply / Your email address will not be published')",
    ),
)

# ---------------------------------------------------------------------------
# "Related" widgets: the marker and the teaser blocks after it (other
# stories' headlines and cut-off summaries) go; the first block of real prose
# after them stays, so a widget in mid-article does not take the rest with it.
# ---------------------------------------------------------------------------
RELATED_RULES: tuple[Rule, ...] = (
    _rule(
        "related-widget",
        r"related (?:posts|articles|stories|news|coverage|content|reading)"
        r"|you (?:may have )?missed|(?:you )?(?:might|may) also (?:like|be interested in)"
        r"|more stories|(?:recommended|trending|popular|latest) (?:stories|articles|news|posts)"
        r"|read (?:more|next)",
        "headline lists of other stories (seed 003 'Related Posts' and 'You Missed', "
        "each followed by duplicated headlines of unrelated stories)",
    ),
)
# A teaser ends in an ellipsis (a cut-off summary, seed 003 "... a former
# director of Facebook…") or is a headline (no sentence-final punctuation).
TEASER_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*$")

# ---------------------------------------------------------------------------
# Photo captions and credits.
# ---------------------------------------------------------------------------
# Photo agencies and picture desks that appear after "Name /" in credits.
AGENCIES = (
    "Reuters|AP|AP Photo|Associated Press|The Associated Press|AFP|EPA|EPA-EFE|Getty Images|"
    "Getty|Bloomberg|Anadolu|Anadolu Agency|Anadolu via Getty Images|Sputnik|TASS|NurPhoto|"
    "SOPA Images|LightRocket|Shutterstock|Alamy|PA|PA Wire|PA Images|Ukrinform|Pool|UPI|ZUMA|"
    "ZUMA Press|ZUMA Wire|Xinhua|Abaca|dpa|picture alliance|Sipa|Sipa USA|Redux|Polaris|"
    "Kremlin|Kremlin Pool|Presidential Press Service|Ukrainian Presidential Press Service|"
    "Bloomberg via Getty Images|The New York Times|The Washington Post|Rex|Rex Features|"
    "Alamy Live News|AP Images|Xinhua via Getty Images|Handout|Courtesy"
)
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’\-]+)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
_VIA = r"(?:[ \t]+via[ \t]+(?:Getty Images|AP|Reuters|Shutterstock|ZUMA Press|Redux|AFP))?"
_FILE = r"(?:[ \t]*[/,;-]?[ \t]*(?:file|File|FILE)(?: photo| Photo)?)?"
# A credit closing a block: "Valentyn Ogirenko / Reuters" glued to the
# caption's last word (seed 002 "... before Kyiv.Valentyn Ogirenko / Reuters",
# "... in 2018.Brendan Smialowski / AFP via Getty Images file"), or a labelled
# credit (seed 004 "Photograph: Maria Senovilla/EPA"; "Photo: ...",
# "Illustration: ..." on other sites). Case-sensitive: names and agencies are
# capitalised, which keeps "he / she" prose out.
CREDIT = re.compile(
    r"(?:^|(?<=[\s.!?)”\"’]))"
    r"(?P<credit>"
    rf"{_NAME}[ \t]*/[ \t]*(?:{AGENCIES}){_VIA}{_FILE}"
    r"|(?:Photograph|Photographs|Photo|Photos|Photo credit|Picture|Pictures|Image|Images|"
    r"Illustration|Composite|Credit|Video|Foto)s?[ \t]*:[ \t]*[^\n.!?]{1,80}?"
    r"|(?:Photo|Picture|Image)[ \t]+(?:by|courtesy of)[ \t]+[^\n.!?]{1,80}?"
    r")[ \t]*\.?$"
)
# What a caption looks like once its credit is stripped: short, at most two
# sentences, no quotation marks and no speech verb (quotes and "said" belong
# to reporting, not to photo descriptions). A block that fails this keeps its
# text and loses only the credit.
CAPTION_MAX_WORDS = 50
CAPTION_MAX_SENTENCES = 2
CAPTION_FORBIDDEN = re.compile(
    r"[\"“”«»„]|\b(?:said|says|told|tells|added|wrote|writes|stated|according to|asked)\b",
    re.IGNORECASE,
)
# When the credit block holds no more than this many words besides the credit
# (seed 004 "6 December 2024. Photograph: ..."), the caption itself is the
# block just before it (seed 004 "Wounded Ukrainian soldiers are evacuated
# ... battalion,").
CAPTION_TAIL_MAX_WORDS = 6

# ---------------------------------------------------------------------------
# Paragraph boundaries.
# ---------------------------------------------------------------------------
# Sentence-final punctuation, looked for after stripping closing quotes and
# brackets. A block ending otherwise was cut mid-sentence by a hard wrap
# (seed 004 "the Biden\n\nadministration", "Ukraine joining\n\nNato").
TERMINAL = frozenset(".!?…:;")
CLOSERS = "\"'”’»)]“ \t"
# A block that ends without terminal punctuation is a cut sentence (and is
# joined with the next block) when the next block starts in lower case, when
# it ends on a comma or dash, or when it is prose rather than a subheading:
# at least this many words, or a sentence end inside it. Seed 000's
# subheadings "Details", "Previously", "Addendum" are one word and stay.
WRAP_MIN_WORDS = 15
# A text without blank lines whose median line is longer than this puts one
# paragraph per line (trafilatura's text output); shorter lines are a hard
# wrap of running text and are joined instead.
HARD_WRAP_MAX_CHARS = 100
INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z]")
