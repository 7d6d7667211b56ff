"""What is on the page but is not the article, and why.

Pages pasted as text drag along share buttons, cookie banners, "Related"
grids, comment forms and reference lists. Each is recognised by the words
sites print on it, in English and French, never by the outlet: a single line
(a share bar, a "Read more:" link) goes alone; a heading that opens a section
("Related", "Leave a Reply", "References") takes the lines that follow it
while they still look like that section. Nothing is dropped silently: every
line taken out gets the reason the export records.
"""

# Typographic quotes, dashes and guillemets are what pages print: RUF001 would have us
# confuse them with their ASCII look-alikes.

from __future__ import annotations

import re
from collections.abc import Sequence

from sahelwatch.clean.lines import is_prose, words
from sahelwatch.model import RemovalReason


def _line(*patterns: str) -> re.Pattern[str]:
    """One pattern matching a whole line, tolerant of decoration around a heading."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^[\s#*>»›•|:\-–—]*(?:{body})[\s:»›>.!…|\-–—]*$", re.I)


_TEASER_PHRASES = (
    r"posts? grid",
    r"related(?: (?:articles?|posts?|stories|news|content|coverage|topics|reading|links))?",
    r"recommended(?: (?:for you|articles?|stories|reading))?",
    r"read (?:more|also|next)|also read|see also",
    r"more (?:stories|news|articles|headlines)|more from [\w'’ ]{1,30}|more on this(?: \w+)?",
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"don'?t miss|editor'?s picks?|top stories|in other news|what to read next",
    r"trending(?: now| stories)?|most (?:read|popular|viewed|shared)|popular (?:posts|stories|now)",
    r"latest(?: news| stories| articles| headlines)?",
    r"(?:à |a )?lire (?:aussi|également|egalement)|voir aussi|sur le m[êe]me sujet|lire la suite",
    r"dans la même rubrique|les plus (?:lus|populaires|partagés)|à la une",
    r"articles? (?:similaires|liés|recommandés)|vous (?:aimerez|pourriez) aussi(?: aimer)?",
    r"(?:nos )?dernières actualités|plus d'articles|également à lire",
    r"l'actualité en continu|en continu",
)
_TEASER_HEADING = _line(*_TEASER_PHRASES)
# "Read more: <another story>", a link line inside or under the story.
_TEASER_INLINE = re.compile(rf"^[\s•*>»›-]*(?:{'|'.join(_TEASER_PHRASES)})\s*[:>»|\-–—]\s*\S", re.I)
_COMMENT_HEADING = _line(
    r"leave a (?:comment|reply)|post a comment|add (?:a )?comment|write a comment|comments?",
    r"\d+ comments?|comments? ?\(\d+\)|\d+ comments? ?\(s\)|comments? ?\(s\)",
    r"\d+ thoughts? on .{1,120}|\d+ responses?(?: to .{1,120})?",
    r"join the (?:conversation|discussion)",
    r"(?:\d+ )?commentaires?|(?:laisser|laissez|ajouter|écrire) un commentaire",
    r"réagir|réagissez|vos réactions|\d+ réactions?",
)
_ZERO_COMMENTS = re.compile(r"^\W*(?:0|no|aucun) (?:comments?|commentaires?)", re.I)
_COMMENT_LINE = _line(
    r"your email address will not be published.*|required fields are marked.*",
    r"save my name,? email,? and website.*|cancel reply|post comment|submit comment",
    r"you must be logged in to post a comment.*|be the first to comment.*|no comments yet.*",
    r"votre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiée.*",
    r"les champs obligatoires sont indiqués.*|annuler la réponse|publier (?:le|un) commentaire",
    r"vous devez être connecté.*|soyez le premier à (?:commenter|réagir).*|aucun commentaire.*",
    r"(?:name|email|website|comment|nom|e-mail|site web|commentaire)\s*\*",
)
_REFERENCE_HEADING = _line(
    r"references?|sources?(?: and references)?|bibliography|works cited|citations",
    r"notes(?: and references)?|endnotes|footnotes",
    r"références|bibliographie|sources et références|notes et références",
)
_CITATION_MARK = re.compile(
    r"\((?:19|20)\d{2}\b|retrieved|accessed|consulté|et al\.|\bpp?\.\s*\d|\bvol\.|\bdoi\b|isbn"
    r"|^\[\d+\]|^\d{1,3}[.)]\s",
    re.I,
)
_URL = re.compile(r"https?://|www\.", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail|print|imprimer|reddit|pinterest"
    r"|messenger|tweet|share|partager|pocket|flipboard|copy link|copier le lien|threads|bluesky"
    r"|instagram|youtube|tiktok"
)
_NAVIGATION = _line(
    r"share(?: this(?: article| story| post| page)?)?(?: (?:on|via|with) .{1,40})?",
    r"(?:share|partage[rz])(?: (?:this|cet) (?:article|story|post|page))? ?:.{0,80}",
    r"click to share.{0,40}|partage[rz](?: cet article| l'article| sur .{1,40})?",
    rf"(?:(?:{_SOCIAL})[\s|•·,/]*){{2,}}",
    r"follow us(?: on .{1,60})?|suivez[- ]nous(?: sur .{1,60})?|retrouvez[- ]nous sur .{1,60}",
    r"join (?:us|our \w+ (?:channel|group)) on .{1,40}",
    r"subscribe(?: now| today| here)?|subscribe (?:to|for) (?:our|the|free) .{1,80}",
    r"sign up(?: now| here)?|sign up (?:for|to) (?:our|the|free) .{1,80}",
    r"abonnez[- ]vous.{0,80}|s'abonner.{0,80}|inscrivez[- ]vous.{0,80}|newsletter",
    r"(?:get|receive) (?:the|our) .{1,40}newsletter.{0,40}|download (?:the|our) app.{0,60}",
    r"téléchargez (?:l'application|notre application).{0,60}",
    r"advertisement|advertising|ad|sponsored(?: content)?|publicité|pub|annonce",
    r"contenu sponsorisé|scroll to continue(?: with content)?|continue reading(?: below)?",
    r"story continues below(?: advertisement)?",
    r"skip to (?:main )?content|aller au contenu(?: principal)?",
    r"menu|search|rechercher|home|accueil|back to top|retour en haut(?: de (?:la )?page)?",
    r"(?:previous|next) (?:article|post|story)|article (?:précédent|suivant)",
    r"[«‹]? ?(?:previous|next|précédent|suivant) ?[»›]?|(?:home|accueil) ?[›>»/|].{0,120}",
    r"(?:©|\(c\)|copyright\b).{0,160}|.{0,160}all rights reserved|.{0,160}tous droits réservés",
    r"privacy policy|terms of (?:use|service)|cookie policy|contact us|about us",
    r"mentions légales|politique de confidentialité|conditions (?:générales )?d'utilisation",
    r"nous contacter|qui sommes-nous",
    r"\d+ ?(?:min(?:ute)?s?|mn)\.?(?: (?:read|de lecture|lecture))?",
    r"(?:temps de )?lecture ?: ?\d+ ?min.{0,20}|reading time.{0,30}",
    r"listen to (?:this )?article.{0,30}|écouter (?:cet )?article.{0,30}",
    r"[\d,. ]+ (?:views?|vues|lectures)",
    r"(?:tags?|topics?|mots[- ]clés|étiquettes|filed under|catégories?|keywords) ?:.{0,200}",
    r"print(?: this (?:article|page))?|email(?: this (?:article|page))?|font size.{0,20}",
    r"a\+? ?a-?|(?:click|cliquez) (?:here|ici).{0,100}",
)
# Feed items from WordPress end with where the post first appeared.
_FEED_FOOTER = re.compile(
    r"^(?:the post .{1,300} appeared first on .{1,120}"
    r"|l['’]article .{1,300} est apparu en premier sur .{1,120})$",
    re.I,
)
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:use|accept|consent|polic|settings|utilis|politique|paramètres"
    r"|consentement)|\b(?:use|utilisons|utilise)\b.*\bcookies?\b",
    re.I,
)
_CREDIT = re.compile(
    r"^(?:photo|image|credit|crédit|crédits|photo credit|crédit photo|illustration)s?\s*[:©]", re.I
)
_SHORT_LINE = 15
_CREDIT_LINE = 20
_COOKIE_LINE = 80
_INLINE_TEASER = 40
_REFERENCE_WORDS = 40


def single_line_reason(text: str) -> RemovalReason | None:
    """Why a line that stands on its own is not article text, if it is not."""
    count = words(text)
    if count <= _SHORT_LINE:
        if _COMMENT_LINE.match(text):
            return "comments"
        if _NAVIGATION.match(text):
            return "navigation"
    if count <= _INLINE_TEASER and _TEASER_INLINE.match(text):
        return "teaser"
    if count <= _COOKIE_LINE and _FEED_FOOTER.match(text):
        return "navigation"
    if count <= _COOKIE_LINE and _COOKIE.search(text):
        return "navigation"
    if count <= _CREDIT_LINE and _CREDIT.match(text):
        return "other"
    if _COMMENT_LINE.match(text):
        return "comments"
    return None


def section_opener(text: str) -> RemovalReason | None:
    """The section a heading line opens, if it is one of the non-article ones."""
    if words(text) > 12:
        return None
    if _TEASER_HEADING.match(text):
        return "teaser"
    if _COMMENT_HEADING.match(text):
        return "comments"
    if _REFERENCE_HEADING.match(text):
        return "references"
    return None


def is_citation(text: str) -> bool:
    """A bibliography entry: a URL, or a year with citation apparatus around it."""
    return bool(_URL.search(text)) or bool(_YEAR.search(text) and _CITATION_MARK.search(text))


def _is_reference_entry(text: str) -> bool:
    """Inside a reference list, a short line with a year is one more entry."""
    return is_citation(text) or (bool(_YEAR.search(text)) and words(text) <= _REFERENCE_WORDS)


def mark_boilerplate(texts: Sequence[str], reasons: list[RemovalReason | None]) -> None:
    """Set ``reasons[i]`` for every non-article line.

    Lines that already have a reason (header lines) are left alone. A comment
    heading only claims the rest of the text once two real paragraphs have
    gone by: "0 Comments" printed under a headline is one line of chrome, not
    the start of the reader comments. A teaser section ends at the first real
    paragraph, so a "Related" box inside a story cannot swallow the rest of it.
    """
    section: RemovalReason | None = None
    comments_to_end = False
    prose_seen = 0
    for i in range(len(texts)):
        if reasons[i] is not None:
            continue
        text = texts[i]
        opener = section_opener(text)
        if opener == "comments":
            if prose_seen >= 2 and not _ZERO_COMMENTS.match(text):
                comments_to_end = True
            reasons[i] = "comments"
            section = None
            continue
        if opener == "teaser" or (
            opener == "references" and any(map(is_citation, texts[i + 1 : i + 4]))
        ):
            reasons[i] = opener
            section = opener
            continue
        if section == "teaser" and not is_prose(text):
            reasons[i] = single_line_reason(text) or "teaser"
            continue
        if section == "references" and _is_reference_entry(text):
            reasons[i] = "references"
            continue
        section = None
        if comments_to_end:
            reasons[i] = single_line_reason(text) or "comments"
            continue
        reasons[i] = single_line_reason(text)
        if reasons[i] is None and is_prose(text):
            prose_seen += 1
