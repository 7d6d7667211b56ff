"""The French grammar of dates.

French writes month and weekday names in lower case, so the whole grammar is
case-insensitive; none of the names doubles as a common word the way English
"May" does. As in English, spans leave out "le", "en", "au" and keep what
changes the date ("dernier", "fin", "du ... au").
"""

from __future__ import annotations

import re

from . import handlers as h
from .heads import HeadScanner
from .lexicon import (
    MONTH_ABBR_FR,
    MONTHS_FR,
    NUMBER_WORDS_FR,
    WEEKDAYS_FR,
    Handler,
    Head,
    Rule,
    alternation,
    build,
    leads,
)
from .patterns_common import common_rules

TOKENS: dict[str, str] = {
    "MON": (
        "(?:"
        + alternation(list(MONTHS_FR), capitalized=False)
        + "|"
        + alternation(list(MONTH_ABBR_FR), capitalized=False)
        + r"\.?)"
    ),
    "MONF": alternation(list(MONTHS_FR), capitalized=False),
    "WD": alternation(list(WEEKDAYS_FR), capitalized=False),
    "WDA": alternation(list(WEEKDAYS_FR), capitalized=False),
    "ORD": r"(?:er)?\b",
    "TO": r"(?:<S0><DASH><S0>|<S>(?P<cw>au|à|et(?:<S>le)?|jusqu<APOS>(?:au|à|en))<S>)",
    "QN": (
        r"(?P<q>(?<![\d,.])(?<!\d[\u00a0\u202f ])(?:\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)|"
        + NUMBER_WORDS_FR
        + ")"
    ),
    "QTY": (
        r"(?:(?P<qm>plus<S>de|plus<S>d<APOS>|près<S>de|près<S>d<APOS>|pres<S>de|presque|environ"
        r"|au<S>moins|moins<S>de|moins<S>d<APOS>|quelque|bientôt|déjà)<S0>)?<QN>"
    ),
    "UNIT": r"(?P<u>jours?|semaines?|mois|ans|an|années?|annees?|décennies?|decennies?)\b",
    "YMOD": (
        r"(?:début|fin|mi|milieu|courant|(?:premier|second|deuxième|1er|2e)<S>semestre"
        r"|(?:premier|deuxième|troisième|quatrième|dernier)<S>trimestre"
        r"|(?<=l<APOS>)été|printemps|automne|hiver)"
    ),
    "MMOD": r"(?:début|fin|mi|milieu|courant)",
    "YR4": r"(?:19|20)\d\d(?![\d%\u00b0]|s\b|[.,/]\d)",
    "REL": r"(?:dernière|dernier|passée|passé|prochaine|prochain)",
}

WD = " ".join(WEEKDAYS_FR)
QUANT = (
    "# un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze"
    " seize vingt trente quarante cinquante soixante cent quelques plusieurs d de"
)

#: future-tense cues in the sentence before a bare "lundi" or "29 janvier"
_FUTURE_WORDS = """tiendra tiendront aura auront doit doivent devrait devraient prévu prévue
    prévus prévues sera seront rendra rendront ira iront attendu attendue attendus attendues
    prochainement devra devront prévoit prévoient"""
FUTURE = frozenset(_FUTURE_WORDS.split())

DAY_WORDS: dict[str, int] = {
    "aujourd'hui": 0, "ce matin": 0, "ce soir": 0, "cette nuit": 0, "cet après midi": 0,
    "hier": -1, "hier soir": -1, "avant hier": -2, "demain": 1, "après demain": 2,
}  # fmt: skip


def _rule(
    pattern: str,
    handler: Handler,
    head: Head,
    *,
    back: int = 0,
    lead: str | None = None,
    at_head: bool = True,
) -> Rule:
    return Rule(build(pattern, TOKENS, re.I), handler, head, back, leads(lead), at_head)


def _rules() -> list[Rule]:
    r, cal = _rule, h.calendar(FUTURE)
    return [
        # 09/février/2026
        r(
            r"(?:(?P<wd><WD>)<S>)?\b(?P<d><DAY>)(?P<sep>[/.-])(?P<m><MON>)(?P=sep)(?P<y><YEAR>)",
            cal, "day", back=1, lead=WD,
        ),
        # 16 septembre 2023 / 1er janvier / mercredi 29 janvier 2025 / 29 janvier dernier
        r(
            r"(?:(?P<wd><WD>)<S>)?\b(?P<d><DAY>)<ORD><S>(?P<m><MON>)(?:<S>(?P<y><YEAR>))?"
            r"(?:<S>(?P<rel>dernier|prochain)\b)?",
            cal, "day", back=1, lead=WD,
        ),
        # juillet 2024 / septembre de l'année 2022
        r(r"(?P<m><MON>)<S>(?:de<S>l<APOS>(?:année|an)<S>)?(?P<y><YEAR>)", cal, "month"),
        # du 20 au 21 décembre / entre le 20 et le 21 décembre / les 21 et 22 décembre 2025
        r(
            r"(?:(?P<op>du|entre(?:<S>le)?|les|depuis<S>le)<S>)?(?:<WD><S>)?\b(?P<d1><DAY>)<ORD>"
            r"(?:<S>(?P<m1><MON>))?(?:<S>(?P<y1><YEAR>))?<TO>(?:<WD><S>)?(?P<d2><DAY>)<ORD><S>"
            r"(?P<m><MON>)(?:<S>(?P<y><YEAR>))?",
            h.day_range(FUTURE), "day", back=3, lead=WD + " du entre le les depuis",
        ),
        # de juillet à septembre 2025 / entre mars et mai
        r(
            r"(?P<op>(?:de|entre|depuis)<S>|d<APOS>)?(?P<m1><MONF>)(?:<S>(?P<y1><YEAR>))?<TO>"
            r"(?P<m2><MONF>)(?:<S>(?P<y><YEAR>))?",
            h.month_range, "month", back=1, lead="de entre depuis d",
        ),
        # entre 2020 et 2023 / de 2020 à 2023 / 2020-2023
        r(
            r"(?:(?P<op>de|entre|depuis)<S>)?(?<![\w$\u20ac\u00a3/.,+-])(?P<y1>(?:19|20)\d\d)<TO>"
            r"(?P<y2>(?:19|20)\d\d|\d\d)(?![\d%\u00b0]|s\b|[.,/]\d)",
            h.year_range, "year", back=1, lead="de entre depuis",
        ),
        # les années 1990 / au début des années 2000 / années 80
        r(
            r"(?:(?P<mod>début|milieu|fin)<S>des<S>|les<S>)?années<S>"
            r"(?:(?P<y>(?:19|20)\d0)|(?P<yy>[1-9]0))\b",
            h.decade, "unit", back=3, lead="les des",
        ),
        # début 2025 / mi-2024 / fin de l'année 2024 / au premier semestre 2025 / l'été 2024
        r(
            r"(?P<mod><YMOD>)(?:<S0><DASH><S0>|<S>(?:(?:de<S>|d<APOS>)(?:l<APOS>(?:année|an)<S>)?)?)"
            r"(?P<y><YR4>)",
            h.bare_year, "year", back=5, at_head=False,
            lead="début fin mi milieu courant semestre trimestre été printemps automne hiver de d"
            " année an annee",
        ),
        # fin avril / à la fin du mois d'avril / mi-octobre 2025 / début juillet dernier
        r(
            r"(?P<mod><MMOD>)(?:<S0><DASH><S0>|<S>)(?:du<S>mois<S>)?(?:de<S>|d<APOS>)?"
            r"(?P<m><MONF>)(?:<S>(?P<y><YEAR>))?(?:<S>(?P<rel>dernier|prochain)\b)?",
            cal, "month", back=4, lead="début fin mi milieu courant de d mois", at_head=False,
        ),
        # octobre de l'année dernière / en mars l'an prochain / octobre de cette année
        r(
            r"(?P<m><MONF>)<S>(?:de<S>)?(?P<yrel>l<APOS>(?:année|an)<S><REL>|cette<S>année)\b",
            cal, "month",
        ),
        # octobre dernier / mars prochain
        r(r"(?P<m><MONF>)<S>(?P<rel>dernier|prochain)\b", cal, "month"),
        # en octobre / depuis janvier / au mois d'avril / depuis le mois de septembre /
        # le sommet de décembre (the preposition stays out of the span)
        r(
            r"(?:\b(?:en|depuis|dès|avant|après|pendant|durant|d<APOS>ici|jusqu<APOS>en"
            r"|(?:au|le)<S>mois<S>de|de)<S>|\b(?:(?:au|le)<S>mois<S>)?d<APOS>)(?P<t>(?P<m><MONF>))",
            cal, "month", back=4, at_head=False,
            lead="en depuis dès avant après pendant durant ici d de mois",
        ),
        # lundi / lundi dernier / mardi prochain / ce mercredi
        r(
            r"(?:(?P<pre>ce)<S>)?(?P<w><WD>)(?:<S>(?P<rel>dernier|prochain|passé)\b)?",
            h.weekday(FUTURE), "weekday", back=1, lead="ce",
        ),
        # aujourd'hui / hier / avant-hier / ce soir / cet après-midi
        r(
            r"\b(?:aujourd<APOS>hui|avant<DASH>hier|avant<S>hier|après<DASH>demain|après<S>demain"
            r"|hier<S>soir|hier|demain|ce<S>matin|ce<S>soir|cette<S>nuit|cet<S>après<DASH>midi)\b",
            h.day_word(DAY_WORDS), "dayword", back=2, lead="avant après ce cet cette hier",
        ),
        # cette semaine / le mois dernier / l'an passé / plus tôt cette année / fin de l'an dernier
        r(
            r"(?:(?P<pre>plus<S>tôt|plus<S>tard|(?:au<S>)?début|(?:à<S>la<S>)?fin|en<S>début"
            r"|en<S>fin|courant)<S>(?:de<S>|d<APOS>)?)?(?P<c>cette<S>semaine|ce<S>mois(?:<DASH>ci)?"
            r"|cette<S>année|ce<S>week<DASH>end|(?:la<S>semaine|le<S>mois|l<APOS>an|l<APOS>année"
            r"|le<S>week<DASH>end)<S><REL>)(?![\w-])",
            h.period, "unit", back=5, lead="cette ce la le l", at_head=False,
        ),
        # il y a deux ans / il y a plus de 900 jours
        r(
            r"\b(?:il<S>y<S>a|voici|voilà|voila)<S><QTY><S0><UNIT>",
            h.ago, "unit", back=7, lead=QUANT, at_head=False,
        ),
        # depuis plus de 900 jours / depuis une dizaine d'années
        r(
            r"\bdepuis<S>(?:maintenant<S>|déjà<S>|désormais<S>)?<QTY><S0><UNIT>",
            h.elapsed(needs_perfect=False), "unit", back=6, lead=QUANT, at_head=False,
        ),
        # au cours des deux dernières années / ces trois derniers mois
        r(
            r"\b(?:au<S>cours<S>des|durant<S>les|pendant<S>les|ces|depuis<S>les)<S><QN><S>"
            r"(?:derniers|dernières|dernieres)<S><UNIT>",
            h.elapsed(needs_perfect=False), "unit", back=6, at_head=False,
            lead="derniers dernières dernieres",
        ),
        *common_rules(TOKENS, re.I, WD),
    ]  # fmt: skip


RULES: list[Rule] = _rules()
SCANNER = HeadScanner.build(
    [*MONTHS_FR, *MONTH_ABBR_FR, *WEEKDAYS_FR],
    ["jour", "semaine", "mois", "an", "année", "annee", "décennie", "decennie", "week"],
    ["aujourd", "hier", "demain", "soir", "matin", "nuit", "midi"],
    names_capitalized=False,
)
