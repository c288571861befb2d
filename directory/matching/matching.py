"""Ranking organisations for a sourcing request, and open requests for an organisation.

One scorer (`Match`) compares a request with an organisation and says why they fit:

- text: the request's meaningful tokens (tokens.py) found among the organisation's offers
  (most), or anywhere in its text in any of its languages;
- sector: a sector in common; certifications: each required one it holds;
- place: inside a delivery region or within the distance from the requester's site (both
  missing counts against it when the request sets one);
- languages in common, and a profile confirmed within the last year.

Against tens of thousands of organisations the database first picks the likely candidates —
a sector in common, or without sectors a text match through the full-text index — and
orders them by a coarse score of the organisation table's own columns; only the best
CANDIDATES are read whole, scored and explained in Python.
"""

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from glokal.translation import in_locale
from glokal.vocabularies import LANGUAGE_NAMES

from ..fields import split_codes
from ..models import OrganisationPage, Region, SourcingRequestPage
from ..models.freshness import confirmed_since
from ..search import fulltext
from .tokens import meaningful_tokens

SectorLink = OrganisationPage.sectors.through
CertificationLink = OrganisationPage.certifications.through

CANDIDATES = 60
# Points of the scorer (see the module docstring).
OFFER_POINTS = 3
TEXT_POINTS = 1
SECTOR_POINTS = 6
CERTIFICATION_POINTS = 4
MISSING_CERTIFICATION_POINTS = -3
PLACE_POINTS = 4
OUTSIDE_POINTS = -6
LANGUAGE_POINTS = 2
NO_LANGUAGE_POINTS = -3
CURRENT_POINTS = 1
# Below this a pair is no match at all (a common language alone is no reason to write).
MINIMUM_SCORE = 6


def distance_km(a, b):
    """Great-circle distance between two objects with latitude and longitude, or None."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(
        math.radians, map(float, (a.latitude, a.longitude, b.latitude, b.longitude))
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@dataclass
class RequestFacts:
    """What the scorer needs of a request, read once for all its candidates."""

    page: SourcingRequestPage
    tokens: list
    sector_keys: set
    certifications: dict  # translation key → name in the request's language
    region_keys: set
    languages: set
    site: OrganisationPage

    @classmethod
    def of(cls, page):
        return cls(
            page=page,
            tokens=meaningful_tokens(page.match_tokens),
            sector_keys={s.translation_key for s in page.sectors.all()},
            certifications={c.translation_key: c.name for c in page.certifications.all()},
            region_keys={r.translation_key for r in page.delivery_regions.all()},
            languages=set(page.language_codes),
            site=page.organisation,
        )


@dataclass
class Match:
    """An organisation that could meet a request, its score and the reasons, in order."""

    organisation: OrganisationPage
    score: int = 0
    reasons: list = field(default_factory=list)
    distance: float | None = None

    @property
    def explanation(self):
        return ", ".join(self.reasons)


def _offer_titles(organisation, tokens):
    """Titles of the organisation's offers that hold any of `tokens`, those holding the most
    first."""
    from ..search import analysis

    language = organisation.locale.language_code
    counted = []
    for block in organisation.offers:
        text = f"{block.value.get('title', '')} {block.value.get('description', '')}"
        found = set(analysis.tokens(text, language))
        if hits := sum(token in found for token in tokens):
            counted.append((-hits, len(counted), block.value.get("title", "")))
    return [title for _hits, _order, title in sorted(counted)]


def score(facts, organisation):
    """The Match of one organisation for a request, with the reasons a person would give."""
    match = Match(organisation)
    offer_tokens = organisation.offer_tokens
    search_tokens = organisation.search_tokens
    in_offers = [t for t in facts.tokens if f" {t}" in offer_tokens]
    in_text = [t for t in facts.tokens if t not in in_offers and f" {t}" in search_tokens]
    match.score += OFFER_POINTS * len(in_offers) + TEXT_POINTS * len(in_text)
    if in_offers:
        titles = _offer_titles(organisation, in_offers)
        if titles:
            match.reasons.append(_("offers %(offers)s") % {"offers": ", ".join(titles[:2])})

    sectors = list(organisation.sectors.all())
    shared = [s for s in sectors if s.translation_key in facts.sector_keys]
    if shared:
        match.score += SECTOR_POINTS
        match.reasons.append(_("sector %(sector)s") % {"sector": shared[0].name})

    held_keys = {c.translation_key for c in organisation.certifications.all()}
    held = [name for key, name in facts.certifications.items() if key in held_keys]
    missing = len(facts.certifications) - len(held)
    match.score += CERTIFICATION_POINTS * len(held) + MISSING_CERTIFICATION_POINTS * missing
    if held:
        match.reasons.append(_("holds %(certifications)s") % {"certifications": ", ".join(held)})

    match.distance = distance_km(facts.site, organisation) if facts.site else None
    limit = facts.page.max_distance_km
    region = organisation.region if organisation.region_id else None
    in_region = region is not None and region.translation_key in facts.region_keys
    near = match.distance is not None and limit is not None and match.distance <= limit
    if in_region or near:
        match.score += PLACE_POINTS
    elif facts.region_keys or limit is not None:
        match.score += OUTSIDE_POINTS
    if in_region:
        match.reasons.append(_("based in %(region)s") % {"region": region.name})
    if match.distance is not None:
        match.reasons.append(_("%(km)s km away") % {"km": round(match.distance)})

    common = [code for code in split_codes(organisation.languages) if code in facts.languages]
    if common:
        match.score += LANGUAGE_POINTS
        names = ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in common)
        match.reasons.append(_("speaks %(languages)s") % {"languages": names})
    elif facts.languages:
        match.score += NO_LANGUAGE_POINTS

    if organisation.last_confirmed and organisation.last_confirmed >= confirmed_since():
        match.score += CURRENT_POINTS
    return match


# Tokens of a request without sectors that pick text candidates: its first words (title and
# summary) say best what it needs; matching on every word would pick half the directory.
TEXT_CANDIDATE_TOKENS = 12
KM_PER_DEGREE = 111.2


def _coarse_score_sql(facts, locale, since):
    """(SQL, params) of what the organisation table's own columns say of a candidate: offers,
    certifications, place, languages, currency — `score` without the text beyond the offers.
    Distances are compared flat (degrees scaled at the requester's latitude), which is
    close enough within a few hundred kilometres and needs no square root in SQLite."""
    table = connection.ops.quote_name(OrganisationPage._meta.db_table)
    parts, params = [], []
    for token in facts.tokens:
        parts.append(f"CASE WHEN {table}.offer_tokens LIKE %s THEN {OFFER_POINTS} ELSE 0 END")
        params.append(f"% {token}%")
    certification_ids = [c.pk for c in in_locale(list(facts.page.certifications.all()), locale.pk)]
    if certification_ids:
        marks = ", ".join(["%s"] * len(certification_ids))
        parts.append(
            f"{CERTIFICATION_POINTS} * (SELECT COUNT(*) FROM "
            f"{connection.ops.quote_name(CertificationLink._meta.db_table)} held "
            f"WHERE held.organisationpage_id = {table}.page_ptr_id "
            f"AND held.certification_id IN ({marks}))"
        )
        params += certification_ids
    limit = facts.page.max_distance_km
    if facts.region_keys or limit is not None:
        inside = []
        region_ids = list(
            Region.objects.filter(translation_key__in=facts.region_keys, locale=locale).values_list(
                "pk", flat=True
            )
        )
        if region_ids:
            inside.append(f"{table}.region_id IN ({', '.join(['%s'] * len(region_ids))})")
            params_inside = list(region_ids)
        else:
            params_inside = []
        site = facts.site
        if limit is not None and site is not None and site.latitude is not None:
            scale = math.cos(math.radians(float(site.latitude)))
            inside.append(
                f"(({table}.latitude - %s) * {KM_PER_DEGREE}) * (({table}.latitude - %s) * "
                f"{KM_PER_DEGREE}) + (({table}.longitude - %s) * {KM_PER_DEGREE * scale}) * "
                f"(({table}.longitude - %s) * {KM_PER_DEGREE * scale}) <= %s"
            )
            lat, lon = float(site.latitude), float(site.longitude)
            params_inside += [lat, lat, lon, lon, float(limit) ** 2]
        condition = " OR ".join(inside) or "1 = 0"
        parts.append(f"CASE WHEN {condition} THEN {PLACE_POINTS} ELSE {OUTSIDE_POINTS} END")
        params += params_inside
    if facts.languages:
        spoken = " OR ".join([f"{table}.languages LIKE %s"] * len(facts.languages))
        parts.append(f"CASE WHEN {spoken} THEN {LANGUAGE_POINTS} ELSE 0 END")
        params += [f"%{code}%" for code in sorted(facts.languages)]
    parts.append(f"CASE WHEN {table}.last_confirmed >= %s THEN {CURRENT_POINTS} ELSE 0 END")
    params.append(since)
    return "(" + " + ".join(parts) + ")", params


def candidates(facts, locale, among=None):
    """The organisations of `locale` worth scoring, the best CANDIDATES by the coarse score;
    `among` narrows them to an OrganisationPage queryset.

    Those of the request's sectors (through the sector links' index); for a request without
    sectors, those whose text holds one of its first words (through the full-text index).
    """
    listed = (among if among is not None else OrganisationPage.objects).filter(
        listed_locale=locale, listed_live=True
    )
    if facts.site is not None:
        listed = listed.exclude(translation_key=facts.site.translation_key)
    sector_ids = [s.pk for s in in_locale(list(facts.page.sectors.all()), locale.pk)]
    if sector_ids:
        picked = listed.filter(
            pk__in=SectorLink.objects.filter(sector_id__in=sector_ids).values("organisationpage_id")
        )
    elif facts.tokens:
        terms = [tuple((token,) for token in facts.tokens[:TEXT_CANDIDATE_TOKENS])]
        picked = fulltext.match(listed, terms)
    else:
        return []
    sql, params = _coarse_score_sql(facts, locale, confirmed_since())
    best = list(
        picked.annotate(coarse=RawSQL(sql, params, output_field=IntegerField()))
        .order_by("-coarse", "pk")
        .values_list("pk", flat=True)[:CANDIDATES]
    )
    pages = (
        OrganisationPage.objects.filter(pk__in=best)
        .select_related("locale", "region")
        .prefetch_related("sectors", "certifications")
    )
    return list(pages)


def matches_for_request(page, limit=10, among=None):
    """The organisations that could meet `page`, best first, each with its reasons."""
    page = page.specific if not isinstance(page, SourcingRequestPage) else page
    facts = RequestFacts.of(page)
    found = candidates(facts, page.locale, among)
    scored = [score(facts, organisation) for organisation in found]
    scored = [match for match in scored if match.score >= MINIMUM_SCORE]
    scored.sort(key=lambda match: (-match.score, match.distance or 0, match.organisation.pk))
    return scored[:limit]


def open_requests(locale):
    return (
        SourcingRequestPage.objects.live()
        .public()
        .filter(locale=locale, outcome="", deadline__gte=timezone.localdate())
    )


def requests_for_organisation(organisation, limit=10):
    """Open requests of other organisations in `organisation`'s language that it could meet."""
    organisation = (
        OrganisationPage.objects.select_related("locale", "region")
        .prefetch_related("sectors", "certifications")
        .get(pk=organisation.pk)
    )
    found = []
    requests = (
        open_requests(organisation.locale)
        .exclude(organisation__translation_key=organisation.translation_key)
        .select_related("organisation", "locale")
        .prefetch_related("sectors", "certifications", "delivery_regions")
    )
    for request_page in requests:
        match = score(RequestFacts.of(request_page), organisation)
        if match.score >= MINIMUM_SCORE:
            found.append((request_page, match))
    found.sort(key=lambda pair: (-pair[1].score, pair[0].deadline))
    return found[:limit]
