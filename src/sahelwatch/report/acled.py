"""ACLED-style CSV: one row per real-world event, in the columns conflict analysts already read.

Researchers of the Sahel load ACLED files into scripts and dashboards every
week; writing our events in ACLED's columns and codes lets them lay our
articles beside ACLED's data without a conversion step. A row is an event
*cluster* (one event told by several articles), never one article's sentence:
ACLED counts events, and counting mentions would multiply an attack by its
press coverage.

The mapping, and why each choice was made, is documented in
``docs/acled-mapping.md``; this module is its executable form. The rows are
*ACLED-style*, not ACLED data: actor names are ours, not ACLED's actor
dictionary, and ``event_id_cnty`` numbers are local to one export.

Article text is untrusted, and a CSV is opened in spreadsheets that execute a
cell starting with ``=``: every text cell is neutralised before it leaves here.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Final, TextIO
from urllib.parse import urlsplit

from sahelwatch.domain import DomainPack, PackEntity, default_pack, fold

Row = dict[str, str | int | float | None]
Record = Mapping[str, Any]

# fmt: off
COLUMNS: Final = (
    "event_id_cnty", "event_date", "year", "time_precision",
    "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "interaction",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp",
)
# fmt: on

# --- Event clusters ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventCluster:
    """One real-world event with the event mentions (one per article sentence) that tell it.

    Built from the export's additive ``clusters`` section when present, else
    from the events' ``cluster`` field, so old exports and new ones read alike.
    ``figures`` holds one fatality figure per article that gives one: it is
    what shows two sources disagreeing, which a single ``fatalities`` hides.
    """

    id: str
    type: str
    date: str | None
    date_precision: str | None
    approximate: bool
    location: str | None
    participants: tuple[str, ...]
    events: tuple[Record, ...]
    articles: tuple[str, ...]
    outlets: int
    summary: str
    fatalities: int | None
    fatalities_disputed: bool
    figures: tuple[int, ...]


_PRECISION_RANK: Final = {"year": 1, "month": 2, "day": 3}


def event_clusters(document: Record) -> list[EventCluster]:
    """Every event cluster of an export, listed clusters first, in document order.

    Without a ``clusters`` section, events sharing a ``cluster`` id form one
    cluster; an unclustered event carries its own id there, so it stands alone.
    An event claimed by a listed cluster is never counted in a second one.
    """
    events = [e for e in document.get("events") or () if isinstance(e, Mapping)]
    articles = {a["id"]: a for a in document.get("articles") or () if isinstance(a, Mapping)}
    names = {e["id"]: str(e.get("name") or e["id"]) for e in document.get("entities") or ()}
    by_id = {str(e["id"]): e for e in events}
    grouped: dict[str, list[Record]] = {}
    for event in events:
        grouped.setdefault(str(event.get("cluster") or event["id"]), []).append(event)

    out: list[EventCluster] = []
    claimed: set[str] = set()
    listed = document.get("clusters")
    for record in listed if isinstance(listed, list) else ():
        cid = str(record["id"])
        members = [by_id[i] for i in record.get("events") or () if i in by_id]
        members += grouped.pop(cid, [])
        unique = {str(e["id"]): e for e in members}
        group = [e for i, e in unique.items() if i not in claimed]
        claimed.update(str(e["id"]) for e in group)
        out.append(_from_record(record, _synthesize(cid, group, articles, names)))
    for cid, members in grouped.items():
        group = [e for e in members if str(e["id"]) not in claimed]
        if group:
            out.append(_synthesize(cid, group, articles, names))
    return out


def _synthesize(
    cid: str, group: list[Record], articles: Mapping[str, Record], names: Mapping[str, str]
) -> EventCluster:
    """What a clustering stage would have recorded, derived from the member events."""
    best = max(group, key=_date_rank, default=None)
    types = Counter(str(e.get("type") or "other") for e in group)
    event_type = types.most_common(1)[0][0] if types else "other"
    places = Counter(str(e["location"]) for e in group if e.get("location"))
    location = places.most_common(1)[0][0] if places else None
    participants = tuple(
        dict.fromkeys(str(p["entity"]) for e in group for p in e.get("participants") or ())
    )
    article_ids = tuple(dict.fromkeys(str(e["article"]) for e in group if e.get("article")))
    figures = source_figures(group)
    date = best.get("date") if best is not None else None
    summary = _summary(event_type, names.get(location or ""), date, participants, names)
    return EventCluster(
        id=cid,
        type=event_type,
        date=date,
        date_precision=best.get("date_precision") if best is not None else None,
        approximate=bool(best.get("approximate")) if best is not None else False,
        location=location,
        participants=participants,
        events=tuple(group),
        articles=article_ids,
        outlets=len({outlet_label(articles.get(a), a) for a in article_ids}),
        summary=summary,
        fatalities=min(figures) if figures else None,
        fatalities_disputed=len(set(figures)) > 1,
        figures=figures,
    )


def _from_record(record: Record, base: EventCluster) -> EventCluster:
    """The listed cluster's own fields, falling back to what its events say where it is silent."""

    def pick(key: str, default: Any) -> Any:
        value = record.get(key)
        return default if value is None else value

    return replace(
        base,
        type=str(pick("type", base.type)),
        date=pick("date", base.date),
        date_precision=pick("date_precision", base.date_precision),
        approximate=bool(pick("approximate", base.approximate)),
        location=pick("location", base.location),
        participants=tuple(pick("participants", base.participants)),
        articles=tuple(pick("articles", base.articles)),
        outlets=int(pick("outlets", base.outlets)),
        summary=str(record.get("summary") or base.summary),
        fatalities=pick("fatalities", base.fatalities),
        fatalities_disputed=bool(record.get("fatalities_disputed")) or base.fatalities_disputed,
    )


def _date_rank(event: Record) -> tuple[int, bool, float]:
    """The event whose date a cluster should show: most precise, then exact, then surest."""
    precision = _PRECISION_RANK.get(str(event.get("date_precision")), 0) if event.get("date") else 0
    return precision, not event.get("approximate"), float(event.get("confidence") or 0.0)


def source_figures(events: Iterable[Record]) -> tuple[int, ...]:
    """One fatality figure per article, in article order.

    Within one article the highest figure is kept: an article that updates a
    toll ("at least 12 ... the toll rose to 15") means its last, higher one.
    Negated events ("no one was killed in the attack that did not happen") give none.
    """
    per_article: dict[str, int] = {}
    for event in events:
        figure = event.get("fatalities")
        if figure is None or event.get("modality") == "negated":
            continue
        key = str(event.get("article") or event.get("id"))
        per_article[key] = max(per_article.get(key, 0), int(figure))
    return tuple(per_article.values())


def _summary(
    event_type: str,
    place: str | None,
    date: str | None,
    participants: Sequence[str],
    names: Mapping[str, str],
) -> str:
    text = event_type.replace("_", " ").capitalize()
    if place:
        text += f" in {place}"
    if date:
        text += f" ({date})"
    who = [names.get(p, p) for p in participants[:4]]
    return f"{text}: {', '.join(who)}" if who else text


# --- Countries and outlets -----------------------------------------------------

#: Pack state name -> (ISO 3166-1 alpha-3, alpha-2, in Africa). The Sahel pack's
#: states and their neighbours, plus the foreign powers its articles name.
_COUNTRIES: Final[Mapping[str, tuple[str, str, bool]]] = {
    fold(name): (iso3, iso2, african)
    for name, iso3, iso2, african in (
        ("Mali", "MLI", "ml", True),
        ("Niger", "NER", "ne", True),
        ("Burkina Faso", "BFA", "bf", True),
        ("Nigeria", "NGA", "ng", True),
        ("Senegal", "SEN", "sn", True),
        ("Ivory Coast", "CIV", "ci", True),
        ("Côte d'Ivoire", "CIV", "ci", True),
        ("Benin", "BEN", "bj", True),
        ("Togo", "TGO", "tg", True),
        ("Ghana", "GHA", "gh", True),
        ("Guinea", "GIN", "gn", True),
        ("Guinea-Bissau", "GNB", "gw", True),
        ("Gambia", "GMB", "gm", True),
        ("Sierra Leone", "SLE", "sl", True),
        ("Liberia", "LBR", "lr", True),
        ("Cape Verde", "CPV", "cv", True),
        ("Mauritania", "MRT", "mr", True),
        ("Algeria", "DZA", "dz", True),
        ("Chad", "TCD", "td", True),
        ("Libya", "LBY", "", True),  # .ly is mostly link shorteners, not Libyan outlets
        ("Morocco", "MAR", "ma", True),
        ("Cameroon", "CMR", "cm", True),
        ("Central African Republic", "CAF", "cf", True),
        ("Sudan", "SDN", "sd", True),
        ("United States", "USA", "us", False),
        ("France", "FRA", "fr", False),
        ("Russia", "RUS", "ru", False),
        ("China", "CHN", "cn", False),
        ("Turkey", "TUR", "tr", False),
        ("Germany", "DEU", "de", False),
        ("United Kingdom", "GBR", "uk", False),
        ("Belgium", "BEL", "be", False),
        ("Italy", "ITA", "it", False),
        ("Spain", "ESP", "es", False),
        ("Sweden", "SWE", "se", False),
        ("Ukraine", "UKR", "ua", False),
        ("Iran", "IRN", "ir", False),
        ("Canada", "CAN", "ca", False),
        ("Belarus", "BLR", "by", False),
        ("United Arab Emirates", "ARE", "ae", False),
        ("Qatar", "QAT", "qa", False),
    )
}
_BY_TLD: Final[Mapping[str, str]] = {
    iso2: key for key, (_, iso2, _) in reversed(list(_COUNTRIES.items())) if iso2
}
UNKNOWN_COUNTRY: Final = "XXX"

NATIONAL, REGIONAL, INTERNATIONAL = "National", "Regional", "International"
_SCALE_RANK: Final = {NATIONAL: 1, REGIONAL: 2, INTERNATIONAL: 3}


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet we can recognise from a URL host or a byline credit.

    ``country`` is set for national outlets: whether one is "National" for an
    event depends on whether the event happened in that country.
    """

    name: str
    scale: str
    hosts: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    country: str | None = None


OUTLETS: Final = (
    Outlet("AFP", INTERNATIONAL, ("afp.com",), ("AFP", "Agence France-Presse")),
    Outlet("Reuters", INTERNATIONAL, ("reuters.com",), ("Reuters",)),
    Outlet("Associated Press", INTERNATIONAL, ("apnews.com",), ("AP", "Associated Press")),
    Outlet("BBC", INTERNATIONAL, ("bbc.com", "bbc.co.uk"), ("BBC",)),
    Outlet("RFI", INTERNATIONAL, ("rfi.fr",), ("RFI", "Radio France Internationale")),
    Outlet("France 24", INTERNATIONAL, ("france24.com",), ("France 24",)),
    Outlet("Deutsche Welle", INTERNATIONAL, ("dw.com",), ("DW", "Deutsche Welle")),
    Outlet("Al Jazeera", INTERNATIONAL, ("aljazeera.com", "aljazeera.net"), ("Al Jazeera",)),
    Outlet("Le Monde", INTERNATIONAL, ("lemonde.fr",), ("Le Monde",)),
    Outlet("The New York Times", INTERNATIONAL, ("nytimes.com",), ("New York Times",)),
    Outlet("The Washington Post", INTERNATIONAL, ("washingtonpost.com",), ("Washington Post",)),
    Outlet("Voice of America", INTERNATIONAL, ("voanews.com", "voaafrique.com"), ("VOA",)),
    Outlet("Anadolu Agency", INTERNATIONAL, ("aa.com.tr",), ("Anadolu",)),
    Outlet("TV5Monde", INTERNATIONAL, ("tv5monde.com",), ("TV5Monde",)),
    Outlet("RT", INTERNATIONAL, ("rt.com",), ()),
    Outlet("Sputnik", INTERNATIONAL, ("sputniknews.com", "sputniknews.africa"), ("Sputnik",)),
    Outlet("Xinhua", INTERNATIONAL, ("xinhuanet.com", "news.cn"), ("Xinhua",)),
    Outlet("Jeune Afrique", REGIONAL, ("jeuneafrique.com",), ("Jeune Afrique",)),
    Outlet("Africanews", REGIONAL, ("africanews.com",), ("Africanews",)),
    Outlet("APA News", REGIONAL, ("apanews.net",), ("APA",)),
    Outlet("The Africa Report", REGIONAL, ("theafricareport.com",), ("The Africa Report",)),
    Outlet("ORTM", NATIONAL, ("ortm.ml",), ("ORTM",), "Mali"),
    Outlet("Studio Tamani", NATIONAL, ("studiotamani.org",), ("Studio Tamani",), "Mali"),
    Outlet("Maliweb", NATIONAL, ("maliweb.net",), ("Maliweb",), "Mali"),
    Outlet("RTB", NATIONAL, ("rtb.bf",), ("RTB",), "Burkina Faso"),
    Outlet("Lefaso.net", NATIONAL, ("lefaso.net",), ("Lefaso.net",), "Burkina Faso"),
    Outlet("AIB", NATIONAL, ("aib.media",), ("AIB",), "Burkina Faso"),
    Outlet("ActuNiger", NATIONAL, ("actuniger.com",), ("ActuNiger",), "Niger"),
    Outlet("ANP", NATIONAL, ("anp.ne",), ("ANP",), "Niger"),
)
# Credits are proper names: matching case-sensitively keeps "AP" from matching "ap".
_CREDITS: Final = tuple(
    (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, o.credits)) + r")(?!\w)"), o)
    for o in OUTLETS
    if o.credits
)


def _host(article: Record | None) -> str | None:
    uri = str(article.get("source_uri") or "") if article is not None else ""
    if not uri.startswith(("http://", "https://")):
        return None
    host = urlsplit(uri).hostname
    return host.removeprefix("www.") if host else None


def find_outlet(article: Record | None) -> Outlet | None:
    """The outlet that published an article, from its URL host or its byline's credit.

    A host on a state's country-code domain (``.ml``, ``.ne``) is taken as a
    national outlet of that state even when we do not know its name.
    """
    if article is None:
        return None
    host = _host(article)
    if host:
        for outlet in OUTLETS:
            if any(host == h or host.endswith("." + h) for h in outlet.hosts):
                return outlet
    byline = str(article.get("byline") or "")
    for pattern, outlet in _CREDITS:
        if pattern.search(byline):
            return outlet
    if host and (key := _BY_TLD.get(host.rsplit(".", 1)[-1])) is not None:
        return Outlet(host, NATIONAL, (host,), (), key)
    return None


def outlet_label(article: Record | None, article_id: str) -> str:
    """How the ``source`` column names an article: its outlet, else its host or title."""
    outlet = find_outlet(article)
    if outlet is not None:
        return outlet.name
    if article is not None:
        return _host(article) or str(article.get("title") or "").strip() or article_id
    return article_id


def _scale(outlet: Outlet, country: PackEntity | None) -> str:
    """ACLED's scale is relative to the event: a Malian outlet is National only for Mali."""
    if outlet.country is None or outlet.scale != NATIONAL:
        return outlet.scale
    code, _, african = _COUNTRIES.get(fold(outlet.country), (UNKNOWN_COUNTRY, "", False))
    if country is not None and code == country_code(country):
        return NATIONAL
    return REGIONAL if african else INTERNATIONAL


# --- Places ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """Where a row says an event happened, and how sure that is (ACLED's geo_precision)."""

    name: str
    country: PackEntity | None
    lat: float | None
    lon: float | None
    precision: int | None
    remark: str | None = None


def _pack_entity(entity_id: str | None, pack: DomainPack) -> PackEntity | None:
    if not entity_id:
        return None
    return pack.get(entity_id) or pack.get(entity_id.removeprefix("pack:"))


def _is_state(entity: PackEntity) -> bool:
    return entity.type == "GPE" and entity.country is None


def _home(entity_id: str | None, pack: DomainPack) -> PackEntity | None:
    """The state an entity is, or belongs to, according to the pack."""
    found = _pack_entity(entity_id, pack)
    if found is None:
        return None
    if _is_state(found):
        return found
    return pack.get(found.country) if found.country else None


def _coordinates(
    entity_id: str | None, entities: Mapping[str, Record], pack: DomainPack
) -> tuple[float, float] | None:
    record = entities.get(entity_id or "")
    if record is not None and record.get("lat") is not None and record.get("lon") is not None:
        return float(record["lat"]), float(record["lon"])
    found = _pack_entity(entity_id, pack)
    if found is not None and found.lat is not None and found.lon is not None:
        return found.lat, found.lon
    return None


def _precision_of(entity_id: str, entities: Mapping[str, Record], pack: DomainPack) -> int:
    """1 for a town or site, 2 for part of one country, 3 for a country or wider region."""
    found = _pack_entity(entity_id, pack)
    kind = found.type if found is not None else str(entities.get(entity_id, {}).get("type"))
    if found is not None and _is_state(found):
        return 3
    if kind in {"GPE", "FAC"}:
        return 1
    if kind == "LOC" and found is not None and found.country:
        return 2
    return 3


def locate(cluster: EventCluster, entities: Mapping[str, Record], pack: DomainPack) -> Place:
    """The cluster's place, its country, and coordinates, falling back to what is known.

    A place the pack does not list has no known country, so the country comes
    from the other places the cluster's articles name, then from the states
    among its participants (an army's or a ministry's state is where it acts).
    """
    places = [cluster.location] if cluster.location else []
    places += [str(e["location"]) for e in cluster.events if e.get("location")]
    places = list(dict.fromkeys(places))
    # States first, then national bodies (an army, a ministry); never a group, whose
    # home (Wagner's Russia) is not where it fights.
    known = [(p, e) for p in cluster.participants if (e := _pack_entity(p, pack)) is not None]
    actors = [p for p, e in known if e.type == "GPE"] + [p for p, e in known if e.type == "ORG"]
    country = next((c for p in places if (c := _home(p, pack)) is not None), None)
    remark = None
    if country is None:
        country = next((c for p in actors if (c := _home(p, pack)) is not None), None)
    if not places:
        if country is None:
            return Place("", None, None, None, None)
        places = [country.id]
        remark = "location not reported; country inferred from participants"
    where = places[0]
    precision = _precision_of(where, entities, pack)
    point = _coordinates(where, entities, pack)
    if point is None and country is not None:
        point, precision = _coordinates(country.id, entities, pack), 3
    name = str(entities.get(where, {}).get("name") or "")
    if not name:
        found = _pack_entity(where, pack)
        name = found.name if found is not None else where
    lat, lon = point if point is not None else (None, None)
    return Place(name, country, lat, lon, precision, remark)


def country_code(country: PackEntity | None) -> str:
    """ISO 3166-1 alpha-3 code of a pack state, ``XXX`` when unknown."""
    if country is None:
        return UNKNOWN_COUNTRY
    return _COUNTRIES.get(fold(country.name), (UNKNOWN_COUNTRY, "", False))[0]


# --- Actors -------------------------------------------------------------------------

STATE, REBEL, POLITICAL_MILITIA, CIVILIANS, EXTERNAL = 1, 2, 3, 7, 8
ARMED: Final = frozenset({1, 2, 3, 4, 8})


def actor_code(entity_id: str, country: PackEntity | None, pack: DomainPack) -> int | None:
    """ACLED's actor category (inter code) of an entity in an event in ``country``.

    Only pack entities are categorised: the pack says what a state, an army or
    a jihadist group is, while a name found in text alone could be anything.
    A town is a place, not an actor: "JNIM attacked Kati" targets the people
    there, so it gets no category.
    Who is "foreign" depends on where the event is: France's army is state
    forces in France and an external force in Mali.
    """
    found = _pack_entity(entity_id, pack)
    if found is None:
        return None
    home = _home(entity_id, pack)
    abroad = country is not None and home is not None and home.id != country.id
    if _is_state(found) or (found.type == "ORG" and home is not None):
        return EXTERNAL if abroad else STATE
    if found.type == "ORG":
        return EXTERNAL  # international organisations and multinational forces
    if found.type == "GROUP":
        if home is None:
            return REBEL  # jihadist and separatist groups the pack ties to no state
        return EXTERNAL if abroad else POLITICAL_MILITIA
    return None


def pick_actors(cluster: EventCluster) -> tuple[str | None, str | None]:
    """Actor 1 and 2: the first agent and the first patient, else other participants.

    The events' roles count, not the cluster's flat participant list: that
    list does not say who attacked whom.
    """
    ranked = sorted(cluster.events, key=lambda e: -float(e.get("confidence") or 0.0))
    roles: dict[str, list[str]] = {"agent": [], "patient": [], "participant": []}
    for event in ranked:
        for p in event.get("participants") or ():
            roles.setdefault(str(p.get("role")), []).append(str(p["entity"]))
    roles["participant"] += list(cluster.participants)
    agents, patients = roles["agent"], roles["patient"]
    others = roles["participant"]
    first = next(iter(agents + others + patients), None)
    second = next((p for p in patients if p != first), None)
    if second is None:
        second = next((p for p in others + agents if p != first), None)
    return first, second


def interaction(code1: int | None, code2: int | None, *, has_actor2: bool) -> int | None:
    """ACLED's two-digit interaction: lower code first; ``X0`` for an actor acting alone."""
    if code1 is None:
        return None
    if not has_actor2 and code2 is None:
        return code1 * 10
    if code2 is None:
        return None
    low, high = sorted((code1, code2))
    return low * 10 + high


# --- Event types ------------------------------------------------------------------

POLITICAL_VIOLENCE = "Political violence"
STRATEGIC = "Strategic developments"
AGREEMENT, CHANGE, OTHER = "Agreement", "Change to group/activity", "Other"
BASE = "Headquarters or base established"

#: Our non-violent types and their Strategic developments sub-type (reasons in the docs).
STRATEGIC_SUBTYPES: Final[Mapping[str, str]] = {
    "summit": OTHER,
    "meeting_visit": OTHER,
    "agreement_treaty": AGREEMENT,
    "alliance_formation": AGREEMENT,
    "withdrawal": CHANGE,
    "force_creation": CHANGE,
    "threat": OTHER,
    "sanction": OTHER,
    "coup": CHANGE,
    "appointment_leadership": CHANGE,
    "dissolution_ban": CHANGE,
    "blockade": OTHER,
    "statement_accusation": OTHER,
    "institution_launch": OTHER,
    "other": OTHER,
}

#: Means of remote violence, English and French, most specific first.
_REMOTE: Final = (
    ("Suicide bomb", re.compile(r"suicide|kamikaze", re.I)),
    (
        "Remote explosive/landmine/IED",
        re.compile(
            r"\bIEDs?\b|\bEEI\b|improvised explosive|land ?mines?|roadside bomb|"
            r"engins? explosifs?|mines? artisanales?",
            re.I,
        ),
    ),
    (
        "Air/drone strike",
        re.compile(
            r"\bdrones?\b|air ?strikes?|air raids?|frappes? a[ée]riennes?|raids? a[ée]riens?|"
            r"bombardements? a[ée]riens?",
            re.I,
        ),
    ),
    (
        "Shelling/artillery/missile attack",
        re.compile(
            r"shell(?:ing|ed|s)\b|mortars?|rockets?|artillery|missiles?|\bobus\b|"
            r"roquettes?|mortiers?|artillerie",
            re.I,
        ),
    ),
)
_BASE_WORDS: Final = re.compile(
    r"\b(?:bases?|headquarters|quartiers? g[ée]n[ée]ra(?:l|ux)|QG)\b", re.I
)


def classify(
    event_type: str, evidence: str, code1: int | None, code2: int | None
) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) of one of our event types.

    An attack's ACLED type depends on how it was done and on whom: the
    evidence sentences say the first, the actors' categories the second.
    """
    if event_type == "attack":
        for sub_type, pattern in _REMOTE:
            if pattern.search(evidence):
                return POLITICAL_VIOLENCE, "Explosions/Remote violence", sub_type
        if code1 in ARMED and code2 in ARMED:
            return POLITICAL_VIOLENCE, "Battles", "Armed clash"
        return POLITICAL_VIOLENCE, "Violence against civilians", "Attack"
    sub_type = STRATEGIC_SUBTYPES.get(event_type, OTHER)
    if event_type == "force_creation" and _BASE_WORDS.search(evidence):
        sub_type = BASE
    return STRATEGIC, "Strategic developments", sub_type


# --- Dates ------------------------------------------------------------------------

_ISO_DATE: Final = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class When:
    """A row's date in ACLED's terms, with what the notes must say about it."""

    date: str
    year: int | None
    precision: int | None
    remarks: tuple[str, ...] = ()


def date_of(cluster: EventCluster, articles: Mapping[str, Record]) -> When:
    """ACLED wants a day: a partial date becomes its first day, and time_precision says so.

    ACLED has no year precision, so a year-only date is coded 3 (month) and
    the notes say "year precision"; an approximate day ("around 12 March") is
    coded 2 (week). An undated event takes its earliest article's publication
    date, coded 3: the event happened by then, but not necessarily that day.
    """
    claimed, approximate, fallback = cluster.date_precision, cluster.approximate, False
    found = _ISO_DATE.fullmatch(str(cluster.date or ""))
    if found is None:
        published = sorted(
            str(a.get("publication_date"))
            for i in cluster.articles
            if (a := articles.get(i)) is not None and a.get("publication_date")
        )
        found = next((m for p in published if (m := _ISO_DATE.fullmatch(p))), None)
        if found is None:
            return When("", None, None)
        claimed, approximate, fallback = None, False, True
    year, month, day = found.groups()
    stated = "day" if day else "month" if month else "year"
    # A precision finer than the date string can carry is a bug upstream: trust the string.
    coarser = claimed in _PRECISION_RANK and _PRECISION_RANK[claimed] < _PRECISION_RANK[stated]
    precision = str(claimed) if coarser else stated
    remarks = ["date not reported; earliest publication date used"] if fallback else []
    if approximate:
        remarks.append("approximate date")
    if precision == "year":
        remarks.append("year precision")
    code = (2 if approximate else 1) if precision == "day" and not fallback else 3
    month_text = month if precision in {"day", "month"} else "01"
    day_text = day if precision == "day" else "01"
    return When(f"{year}-{month_text}-{day_text}", int(year), code, tuple(remarks))


# --- Rows ---------------------------------------------------------------------------

_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_FORMULA_START: Final = ("=", "+", "-", "@")


def safe_text(text: str) -> str:
    """One line of text that a spreadsheet will show rather than execute.

    A cell starting with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel and
    LibreOffice; a leading apostrophe makes it text again (OWASP's advice).
    Control characters and line breaks become spaces first, so a tab or a
    newline cannot hide a formula at the start of the cell.
    """
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return "'" + flat if flat.startswith(_FORMULA_START) else flat


def _timestamp(document: Record) -> int | None:
    try:
        when = datetime.fromisoformat(str(document.get("generated_at")))
    except ValueError:
        return None
    return int((when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp())


def _notes(cluster: EventCluster, remarks: list[str]) -> str:
    members = cluster.events
    summary = cluster.summary.strip()
    best = max(members, key=lambda e: float(e.get("confidence") or 0.0), default=None)
    evidence = str(best.get("evidence") or "").strip() if best is not None else ""
    text = summary
    if evidence and evidence != summary:
        text = f'{summary} Evidence: "{evidence}"' if summary else evidence
    modalities = {str(e.get("modality") or "asserted") for e in members}
    if members and modalities <= {"planned", "possible"}:
        remarks.insert(0, "reported as " + " or ".join(sorted(modalities)))
    figures = cluster.figures
    if len(set(figures)) > 1:
        remarks.append(
            f"fatalities disputed: {min(figures)} to {max(figures)} across {len(figures)} sources"
        )
    elif cluster.fatalities_disputed:
        remarks.append("fatalities disputed")
    return f"{text} [{'; '.join(remarks)}]" if remarks else text


def _row(
    cluster: EventCluster,
    document: Record,
    entities: Mapping[str, Record],
    articles: Mapping[str, Record],
    pack: DomainPack,
) -> tuple[str, Row]:
    """The row of one cluster and its country code (numbered once rows are sorted)."""
    place = locate(cluster, entities, pack)
    when = date_of(cluster, articles)
    first, second = pick_actors(cluster)
    code1 = actor_code(first, place.country, pack) if first else None
    code2 = actor_code(second, place.country, pack) if second else None
    evidence = " ".join(str(e.get("evidence") or "") for e in cluster.events)
    disorder, event_type, sub_type = classify(cluster.type, evidence, code1, code2)
    if event_type == "Violence against civilians":
        code2 = CIVILIANS  # ACLED's category for whoever this sub-type targets
    outlets = [find_outlet(articles.get(a)) for a in cluster.articles]
    scales = [_scale(o, place.country) for o in outlets if o is not None]
    figures = cluster.figures
    fatalities = min(figures) if figures else (cluster.fatalities or 0)
    remarks = [*when.remarks, *([place.remark] if place.remark else [])]
    row: Row = {
        "event_id_cnty": "",
        "event_date": when.date,
        "year": when.year,
        "time_precision": when.precision,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": _name(first, entities, pack),
        "actor2": _name(second, entities, pack),
        "interaction": interaction(code1, code2, has_actor2=second is not None),
        "country": place.country.name if place.country is not None else "",
        "admin1": "",
        "location": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": place.precision,
        "source": "; ".join(
            dict.fromkeys(outlet_label(articles.get(a), a) for a in cluster.articles)
        ),
        "source_scale": max(scales, key=_SCALE_RANK.__getitem__) if scales else "",
        "notes": _notes(cluster, remarks),
        "fatalities": fatalities,
        "timestamp": _timestamp(document),
    }
    return country_code(place.country), row


def _name(entity_id: str | None, entities: Mapping[str, Record], pack: DomainPack) -> str:
    if not entity_id:
        return ""
    record = entities.get(entity_id)
    if record is not None and record.get("name"):
        return str(record["name"])
    found = _pack_entity(entity_id, pack)
    return found.name if found is not None else entity_id


def acled_rows(document: Record, *, pack: DomainPack | None = None) -> list[Row]:
    """One ACLED-style row per event cluster, oldest first, text cells spreadsheet-safe.

    A cluster whose every event is negated ("the army denied any attack")
    reports something that did not happen, and ACLED records only events
    that did: it gets no row. ``event_id_cnty`` numbers rows per country in
    date order, so the same export always gives the same ids.
    """
    pack = pack if pack is not None else default_pack()
    entities = {str(e["id"]): e for e in document.get("entities") or ()}
    articles = {str(a["id"]): a for a in document.get("articles") or ()}
    drafts: list[tuple[str, str, Row]] = []
    for cluster in event_clusters(document):
        members = [e for e in cluster.events if e.get("modality") != "negated"]
        if cluster.events and not members:
            continue
        kept = replace(cluster, events=tuple(members), figures=source_figures(members))
        code, row = _row(kept, document, entities, articles, pack)
        drafts.append((code, cluster.id, row))
    drafts.sort(key=lambda d: (not d[2]["event_date"], str(d[2]["event_date"]), d[1]))
    numbers: Counter[str] = Counter()
    rows: list[Row] = []
    for code, _, row in drafts:
        numbers[code] += 1
        row["event_id_cnty"] = f"{code}{numbers[code]}"
        rows.append({k: safe_text(v) if isinstance(v, str) else v for k, v in row.items()})
    return rows


def write_acled_csv(document: Record, stream: TextIO, *, pack: DomainPack | None = None) -> int:
    """Write the rows as CSV (header always, even with no rows); return how many rows.

    Open a file with ``newline=""`` as the csv module asks; rows end in ``\\n``
    so that a CSV piped to a terminal or another tool has no stray ``\\r``.
    """
    rows = acled_rows(document, pack=pack)
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)
