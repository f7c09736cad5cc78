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
    # Text as it was seen, with the furniture between [[ and ]]: tests check
    # that the rule removes exactly that and keeps the rest.
    example: str = ""

    def may_match(self, lowered: str) -> bool:
        return not self.triggers or any(t in lowered for t in self.triggers)


def _rule(
    name: str,
    pattern: str,
    why: str,
    flags: int = re.IGNORECASE,
    triggers: tuple[str, ...] = (),
    example: str = "",
) -> Rule:
    return Rule(name, re.compile(pattern, flags), why, triggers, example)


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
        r"(?:^|(?<=[.!?] )|(?<=[.!?][”\"’] ))(?:get|sign up)\b[^.!?]{0,150}? (?:to|in) your inbox\b"
        r"[^.!?]{0,80}(?:[.!?]|$)",
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
        r"fox news flash top (?:sports )?headlines are here\."
        r"(?:\s*check out what's clicking on foxnews\.com\.)?"
        r"|get the latest updates from the \d{4} campaign trail[^.!?]{0,80}\."
        r"|(?:from [^.!?]{0,80}, )?the independent is on the ground when the story is developing\."
        r".{0,900}?paid for by those who can afford it\.",
        "the outlet advertising itself between sentences (Fox 12-34, five of them sports "
        "headlines; The Independent's donation appeal 12)",
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


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)

# ---------------------------------------------------------------------------
# Page widgets glued into running text, seen on news-dumpster's one-line
# scrapes (../shared/data/news-dumpster-2025; counts are occurrences in its
# 1,421 records). The corpus learner (boilerplate.py) finds an outlet's
# furniture once it recurs; these rules catch the widgets every site of a
# kind shows, in a batch of one article too. Each rule's example is a real
# occurrence, with the removed part between [[ and ]].
# ---------------------------------------------------------------------------
# A character inside a sentence: anything but sentence punctuation, or a period
# with no space after it (an e-mail address, "foxnews.com").
_IN_SENTENCE = r"(?:[^.!?]|[.!?](?=\S))"

WIDGET_RULES: tuple[Rule, ...] = (
    _rule(
        "player-notice",
        r"to (?:view|play) this (?:video|audio) please enable javascript,? and consider upgrading "
        r"to a web browser that supports html5(?: video| audio)?\.?",
        "the placeholder of an embedded video or audio player (DW 133), glued between sentences",
        triggers=("enable javascript",),
        example="added Jaiswal. [[To view this video please enable JavaScript, and consider "
        "upgrading to a web browser that supports HTML5 video]] Pakistan's government has "
        "strongly denied it.",
    ),
    _rule(
        "comments-notice",
        r"comments can not be loaded\s*to load comments you need to enable javascript in your "
        r"browser\.?",
        "BBC Sport's comment widget (10); the headlines after it are learned as BBC furniture",
        triggers=("comments can not",),
        example="in the final. [[Comments can not be loaded To load Comments you need to enable "
        "JavaScript in your browser]]",
    ),
    _rule(
        "caps-promo",
        r"CLICK HERE TO GET THE FOX NEWS APP\b"
        r"|(?<![“\"‘'])(?<![A-Z0-9'’] )"
        r"\b(?:CLICK HERE|CLICK|SIGN UP|FOLLOW|GET|SUBSCRIBE|DOWNLOAD)\b"
        r"(?:[ \t]+(?!(?:A|I)[ \t]+[a-z])[A-Z0-9][A-Z0-9.,'’&:-]*(?![^\W\d_])){2,}",
        "an all-caps call to action between paragraphs (Fox 'CLICK HERE TO GET THE FOX NEWS APP' "
        "134, 'SIGN UP TO GET THE TRUE CRIME NEWSLETTER' 6); case-sensitive; it starts the caps "
        "run (not 'STATES TO GET' inside another story's headline), and a closing 'A' or 'I' "
        "is the next sentence's first word",
        flags=0,
        triggers=("click here", "sign up", "follow", "get", "subscribe", "download"),
        example="he said. [[CLICK HERE TO GET THE FOX NEWS APP]] A little less than an hour "
        "before, Trump posted.",
    ),
    _rule(
        "reading-time-inline",
        rf"(?:(?:By [A-Z][^.!?]{{2,120}}?|Le Monde(?: with (?:AFP|AP|Reuters))?|Published "
        rf"(?:today|yesterday|on {_MONTH_NAME} \d{{1,2}}(?:, \d{{4}})?) at \d{{1,2}}:\d{{2}} [ap]m "
        r"\(Paris\))\s+)?(?<!\ba )(?<!\ban )\d{1,3} min(?:ute)?s?\.? read\b(?:\s+Lire en français)?"
        r"(?:\s+Subscribers only)?(?=\s+[A-Z]|\s*$)",
        "Le Monde's byline box glued before the body: byline, reading time, 'Subscribers only' "
        "(18); the byline's author is the article's author, not its text",
        flags=0,
        triggers=("min read", "minute read", "mins read", "minutes read"),
        example="the Elysée said. [[Le Monde with AFP 2 min read]] President Emmanuel Macron on "
        "Wednesday ordered the government to act.",
    ),
    _rule(
        "site-clock",
        rf"^{_WEEKDAY}, {_MONTH_NAME} \d{{1,2}}, \d{{4}} \d{{1,2}}:\d{{2}} [ap]m \(Paris\)",
        "Le Monde's clock at the top of every page (18); the page's time, not the article's date",
        flags=0,
        triggers=("(paris)",),
        example="[[Wednesday, May 21, 2025 11:05 pm (Paris)]] Netanyahu says ready for Gaza "
        "'temporary ceasefire'",
    ),
    _rule(
        "masthead",
        r"^japan's national daily since 1922\b|(?<=\(mainichi japan\)\s)japanese version\b",
        "the Mainichi's masthead and its 'Japanese version' link (40); the date and '(Mainichi "
        "Japan)' after it are the dateline, and stay",
        triggers=("national daily", "japanese version"),
        example="[[Japan's National Daily Since 1922]] May 21, 2025 (Mainichi Japan) TOKYO "
        "(Kyodo) -- The number rose.",
    ),
    _rule(
        "newsletter-box",
        r"(?:fox news' )?antisemitism exposed\"? newsletter brings you stories on the rising "
        r"anti-jewish prejudice across the u\.s\. and the world\.?\"?"
        r"|the hottest stories ripped from the headlines, from crime to courts, legal and scandal\."
        r"|follow fox news digital[’']s sports coverage on x,? and subscribe to the fox news "
        r"sports huddle newsletter\."
        r"|sign up for our [\w'’ -]{2,40} newsletter to [^.!?]{0,200}[.!?]"
        r"(?:\s*it[’']ll be delivered straight to your inbox every weekday\.)?"
        r"|add some [“\"]good[”\"] to your morning and evening\..{0,400}?discover all cbc "
        r"newsletters in the subscription centre\."
        r"|while you[’']re here: every tuesday, dw editors round up [^.!?]{0,120}\.\s*you can "
        r"sign up here for the weekly email newsletter,? berlin briefing\."
        r"|starten sie mit unserem kurzen nachrichten-newsletter in den tag\..{0,300}?"
        r"datenschutzerklärung zur kenntnis\.",
        "newsletter boxes between or after paragraphs (Fox 14 + 25 + 9, BBC 8, CBC 15, DW 7, "
        "ZEIT 4)",
        triggers=("newsletter", "hottest stories"),
        example="to deal with this. [[Sign up for our Politics Essential newsletter to read top "
        "political analysis, gain insight from across the UK and stay up to speed with the big "
        "moments. It'll be delivered straight to your inbox every weekday.]] The minister said.",
    ),
    _rule(
        "comment-prompt",
        r"join thought-provoking conversations, follow other independent readers and see their "
        r"replies\.?",
        "The Independent's comment-section prompt closing the page (6)",
        triggers=("thought-provoking",),
        example="at a regular press conference. [[Join thought-provoking conversations, follow "
        "other Independent readers and see their replies]]",
    ),
    _rule(
        "paywall-notice",
        r"wir entwickeln derzeit eine neue suche, die sich noch in der beta-phase befindet\.\s*"
        r"danke, dass sie zeit online nutzen\.\s*melden sie sich jetzt mit ihrem bestehenden "
        r"account an oder testen sie unser digitales abo mit zugang zu allen artikeln\."
        r"(?:\s*erscheinungsbild\b)?"
        r"|hier können sie interessante artikel speichern, um sie später zu lesen und "
        r"wiederzufinden\.\s*sie haben bereits ein konto\?\s*hier anmelden\."
        r"|zeit online hat diese meldung redaktionell nicht bearbeitet\.\s*sie wurde automatisch "
        r"von der deutschen presse-agentur \(dpa\) übernommen\."
        r"|subscribe now to support independent journalism and to enjoy:?"
        r"|almost finished\.\.\.\s*we need to confirm your email address\..{0,300}?please try "
        r"again later\.",
        "account, paywall and sign-up prompts (ZEIT 29 at the head and 29 at the tail, its dpa "
        "notice 16; Egyptian Streets 12; AllAfrica's e-mail confirmation 41)",
        triggers=("beta-phase", "artikel speichern", "redaktionell", "subscribe now", "almost"),
        example="[[Hier können Sie interessante Artikel speichern, um sie später zu lesen und "
        "wiederzufinden. Sie haben bereits ein Konto? Hier anmelden.]]",
    ),
    _rule(
        "outlet-links",
        r"go to bbcafrica\.com for more news from the african continent\.(?:\s*follow us on "
        r"twitter @bbcafrica, on facebook at bbc africa or on instagram at bbcafrica)?"
        r"|a division of nbc ?universal\s*$",
        "the outlet pointing to itself after the article (BBC Africa 5, CNBC's footer 89)",
        triggers=("bbcafrica", "nbc"),
        example="the White House said. [[A Division of NBCUniversal]]",
    ),
    _rule(
        "translation-note",
        r"this article was originally (?:written|published) in [a-z]+\.",
        "DW's note that the English text is a translation (17)",
        triggers=("originally",),
        example="a constructive role. [[This article was originally written in German.]]",
    ),
    _rule(
        "editor-credit",
        r"(?:^|(?<=\s))edited by: ?[A-Z][\w.'’ -]{1,60}$",
        "DW's 'Edited by: <name>' line closing the article (67)",
        triggers=("edited by",),
        example="press freedom index. [[Edited by: Keith Walker]]",
    ),
    _rule(
        "author-bio",
        r"(?:^|(?<=[.!?”\"’] ))(?:Journalist |Associate Producer )?(?:[A-Z][\w.'’-]+ ){1,3}is "
        r"(?:an? |the )?(?:[\w./-]+ ){0,4}(?:[Rr]eporter|[Ww]riter|[Ee]ditor|[Cc]orrespondent|"
        r"[Pp]roducer|[Jj]ournalist)s?\b(?:/\w+)? (?:for|with|at|in|based in) (?:the )?[A-Z]"
        rf"{_IN_SENTENCE}{{0,200}}[.!?]"
        r"(?:\s+(?=[^.!?]{0,300}(?:[Tt]ips|Twitter|@|[Ee]mail|[Rr]each|[Ff]ollow|joined|joining|"
        rf"[Pp]reviously|covers|covered|based in|beats|LinkedIn)){_IN_SENTENCE}{{1,300}}[.!?]?)"
        r"{0,4}\s*$",
        "the writer's bio closing the article, with the tip line and handles after it (Fox 108, "
        "CBC 29, NYT 8); case-sensitive, at the very end, and every sentence after the bio must "
        "be about reaching or following the writer, so a news sentence about a reporter stays",
        flags=0,
        triggers=("reporter", "writer", "editor", "correspondent", "producer", "journalist"),
        example="the investigation is ongoing. [[Greg Wehner is a breaking news reporter for Fox "
        "News Digital. Story tips and ideas can be sent to Greg.Wehner@Fox.com and on Twitter "
        "@GregWehner.]]",
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
