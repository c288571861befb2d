"""Directory search: full text, filters and disjunctive facet counts, for the page and the API.

Full text matches the normalised tokens stored on each organisation (see text.py) through the
database's own full-text index (see fulltext.py), so SQLite and PostgreSQL return identical
results.
Facet counts come from the in-memory facet index (see facetindex.py), so the number of
queries stays the same whatever the number of matches.

A search engine backend can later replace `fulltext.match` and `facet_counts` without touching
the page, the API or the parameter handling.
"""

from dataclasses import dataclass, field
from math import ceil

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Collate
from django.utils.translation import gettext as _
from wagtail.models import Locale

from glokal.vocabularies import COUNTRIES, LANGUAGES

from . import facetindex, fulltext, text
from .choices import OrganisationType, SizeBand
from .facetindex import SEEKING
from .models import Certification, OrganisationPage, Region, Sector
from .models.pages import confirmed_since

FACETS = ("country", "region", "sector", "org_type", "size", "certification", "language")
SORTS = ("relevance", "name", "newest")
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
# "Confirmed within the last year": profiles whose organisation recently said they are current.
CONFIRMED = "confirmed"

SectorLink = OrganisationPage.sectors.through
CertificationLink = OrganisationPage.certifications.through


class InvalidSearch(ValueError):
    """Raised for parameters the search cannot honour; `errors` says which and why."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{e['param']}: {e['message']}" for e in errors))
        self.errors = errors


@dataclass
class SearchParams:
    q: str = ""
    filters: dict = field(default_factory=dict)
    seeking: bool = False
    confirmed: bool = False
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    sort: str = ""
    errors: list = field(default_factory=list)

    @property
    def effective_sort(self):
        # Relevance means nothing without words to match: fall back to the name.
        if self.sort == "relevance" and not self.q.strip():
            return "name"
        return self.sort or ("relevance" if self.q.strip() else "name")


@dataclass
class SearchResult:
    params: SearchParams
    count: int
    results: list
    facets: dict
    seeking_count: int
    confirmed_count: int = 0

    @property
    def page(self):
        return self.params.page

    @property
    def page_size(self):
        return self.params.page_size

    @property
    def num_pages(self):
        return max(1, ceil(self.count / self.page_size))

    @property
    def start_index(self):
        return (self.page - 1) * self.page_size + 1 if self.results else 0


class Vocabulary:
    """The values each facet accepts and their labels in the active language."""

    def __init__(self, locale):
        self.locale = locale
        self.labels = {
            "country": dict(COUNTRIES),
            "org_type": dict(OrganisationType.choices),
            "size": dict(SizeBand.choices),
            "language": dict(LANGUAGES),
        }
        # Taxonomy row id → language-neutral code, for counts grouped by id.
        self.codes = {"region": {}, "sector": {}, "certification": {}}
        for name, model, key in (
            ("region", Region, "code"),
            ("sector", Sector, "slug"),
            ("certification", Certification, "slug"),
        ):
            # Taxonomy names in the visitor's language, else in any language they exist in.
            entries = {}
            rows = model.objects.order_by("sort_order", key).values_list(
                "pk", key, "name", "locale_id"
            )
            for pk, value, label, locale_id in rows:
                if value not in entries or locale_id == locale.pk:
                    entries[value] = label
                self.codes[name][pk] = value
            self.labels[name] = entries

    def accepts(self, facet, value):
        return value in self.labels[facet]

    def label(self, facet, value):
        return str(self.labels[facet].get(value, value))


def parse_params(data, *, vocabulary, strict=True):
    """Read search parameters from a QueryDict (or dict of lists).

    With `strict`, any bad parameter raises InvalidSearch listing every problem (the API
    answers 400); otherwise bad values are dropped and reported in `params.errors` (the page
    shows the rest of the search and a notice).
    """
    errors = []
    params = SearchParams()

    def getlist(name):
        if hasattr(data, "getlist"):
            return data.getlist(name)
        value = data.get(name, [])
        return value if isinstance(value, list) else [value]

    def first(name):
        values = getlist(name)
        return values[-1] if values else None

    q = (first("q") or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        errors.append(
            {
                "param": "q",
                "message": _("The query is longer than %(max)d characters.")
                % {"max": MAX_QUERY_LENGTH},
            }
        )
        q = q[:MAX_QUERY_LENGTH]
    params.q = q

    for facet in FACETS:
        values = []
        for raw in getlist(facet):
            for value in raw.split(",") if raw else []:
                value = value.strip()
                if not value or value in values:
                    continue
                if vocabulary.accepts(facet, value):
                    values.append(value)
                else:
                    errors.append(
                        {
                            "param": facet,
                            "message": _("Unknown value: %(value)s") % {"value": value[:50]},
                        }
                    )
        if len(values) > MAX_VALUES_PER_FACET:
            errors.append({"param": facet, "message": _("Too many values.")})
            values = values[:MAX_VALUES_PER_FACET]
        if values:
            params.filters[facet] = values

    for flag in (SEEKING, CONFIRMED):
        raw = first(flag)
        if raw not in (None, "", "0", "1", "true", "false"):
            errors.append({"param": flag, "message": _("Use 1 or 0.")})
        setattr(params, flag, raw in ("1", "true"))

    for name, default, maximum in (
        ("page", 1, None),
        ("page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    ):
        raw = first(name)
        if raw in (None, ""):
            setattr(params, name, default)
            continue
        try:
            number = int(raw)
        except ValueError:
            errors.append({"param": name, "message": _("Must be a whole number.")})
            setattr(params, name, default)
            continue
        if number < 1:
            errors.append({"param": name, "message": _("Must be 1 or more.")})
            number = default
        elif maximum and number > maximum:
            errors.append(
                {"param": name, "message": _("Must be at most %(max)d.") % {"max": maximum}}
            )
            number = maximum
        setattr(params, name, number)

    sort = first("sort") or ""
    if sort and sort not in SORTS:
        errors.append(
            {
                "param": "sort",
                "message": _("Must be one of: %(choices)s.") % {"choices": ", ".join(SORTS)},
            }
        )
        sort = ""
    params.sort = sort

    if errors and strict:
        raise InvalidSearch(errors)
    params.errors = errors
    return params


def base_queryset(locale):
    """Live, public organisations of one locale: the only ones a search ever returns."""
    return OrganisationPage.objects.filter(listed_locale=locale, listed_live=True).public()


def _filter_q(facet, values):
    if facet == "region":
        return Q(region__in=Region.objects.filter(code__in=values).values("pk"))
    if facet == "sector":
        return Q(
            pk__in=SectorLink.objects.filter(sector__slug__in=values).values("organisationpage_id")
        )
    if facet == "certification":
        return Q(
            pk__in=CertificationLink.objects.filter(certification__slug__in=values).values(
                "organisationpage_id"
            )
        )
    if facet == "language":
        # Two-letter codes in a comma-separated list: a substring test is exact.
        condition = Q()
        for code in values:
            condition |= Q(languages__contains=code)
        return condition
    if facet == SEEKING:
        return Q(is_seeking=True)
    if facet == CONFIRMED:
        return Q(last_confirmed__gte=confirmed_since())
    return Q(**{f"{facet}__in": values})


def apply_filters(queryset, params):
    """`queryset` restricted by every active filter."""
    for facet, values in selections(params).items():
        queryset = queryset.filter(_filter_q(facet, values))
    return queryset


def selections(params):
    """Every active filter by facet, the two yes/no filters included."""
    selected = dict(params.filters)
    if params.seeking:
        selected[SEEKING] = ["1"]
    if params.confirmed:
        selected[CONFIRMED] = ["1"]
    return selected


def _count_facets(listed, matched, params, vocabulary, *, tokens, locale):
    """The number of matches and the disjunctive count of every facet value.

    Counted on the locale's in-memory facet index: the text matches as a bitset, narrowed by
    every selected facet; a facet's own selection is left out of its counts.
    """
    index = facetindex.for_locale(locale, listed)
    scope = (
        index.of_ids(matched.order_by().values_list("pk", flat=True)) & index.everything
        if tokens
        else index.everything
    )
    by_code = {
        facet: _bits_by_code(index, facet, vocabulary) for facet in (*FACETS, SEEKING, CONFIRMED)
    }
    masks = {}
    for facet, values in selections(params).items():
        masks[facet] = 0
        for value in values:
            masks[facet] |= by_code[facet].get(value, 0)

    def narrowed(skip=None):
        bits = scope
        for facet, mask in masks.items():
            if facet != skip:
                bits &= mask
        return bits

    matches = narrowed()
    counts = {}
    for facet, bits_of_value in by_code.items():
        within = narrowed(skip=facet) if facet in masks else matches
        counts[facet] = {}
        for value, bits in bits_of_value.items():
            if n := (within & bits).bit_count():
                counts[facet][value] = n
    return matches.bit_count(), counts


def _bits_by_code(index, facet, vocabulary):
    """The bitset of each value of `facet`, keyed by the code the search parameters use."""
    if facet == CONFIRMED:
        return {"1": index.confirmed_since(confirmed_since())}
    if facet not in vocabulary.codes:
        return index.values(facet)
    # Taxonomies are indexed by row id; rows of several languages can share one code.
    by_code = {}
    for pk, bits in index.values(facet).items():
        if code := vocabulary.codes[facet].get(pk):
            by_code[code] = by_code.get(code, 0) | bits
    return by_code


def facet_counts(listed, matched, params, vocabulary, *, tokens, locale):
    """Disjunctive counts of every facet and the total, for the text-matched queryset."""
    total, counts = _count_facets(listed, matched, params, vocabulary, tokens=tokens, locale=locale)
    facets = {}
    for facet in FACETS:
        chosen = params.filters.get(facet, [])
        facets[facet] = [
            {"value": value, "label": str(label), "count": counts[facet].get(value, 0)}
            for value, label in vocabulary.labels[facet].items()
            if counts[facet].get(value) or value in chosen
        ]
    return total, facets, counts[SEEKING].get("1", 0), counts[CONFIRMED].get("1", 0)


def _name_order():
    # Byte order of the folded name: the same on SQLite and PostgreSQL whatever the
    # database collation.
    if connection.vendor == "postgresql":
        return Collate(F("sort_title"), "C")
    return F("sort_title")


def ordered(queryset, params, tokens):
    sort = params.effective_sort
    if sort == "newest":
        return queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    if sort == "relevance" and tokens:
        score = Value(0)
        for token in tokens:
            # Words in the name weigh most; a whole-word match beats a prefix match.
            score = (
                score
                + Case(
                    When(title_tokens__contains=f" {token}", then=Value(3)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
                + Case(
                    When(search_tokens__contains=f" {token} ", then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
        return queryset.annotate(relevance=score).order_by("-relevance", _name_order(), "pk")
    return queryset.order_by(_name_order(), "pk")


def search(params, locale=None, vocabulary=None):
    """Run one directory search in `locale` (the active one by default)."""
    locale = locale or Locale.get_active()
    vocabulary = vocabulary or Vocabulary(locale)
    tokens = text.query_tokens(params.q, locale.language_code)
    listed = base_queryset(locale)
    matched = fulltext.match(listed, tokens)
    total, facets, seeking_count, confirmed_count = facet_counts(
        listed, matched, params, vocabulary, tokens=tokens, locale=locale
    )
    offset = (params.page - 1) * params.page_size
    results = []
    if offset < total:
        # The page's ids first, from the organisation table alone; then their full rows.
        # One sort over thousands of wide page rows would cost more than the second query.
        page_ids = list(
            ordered(apply_filters(matched, params), params, tokens).values_list("pk", flat=True)[
                offset : offset + params.page_size
            ]
        )
        rows = (
            OrganisationPage.objects.select_related("region", "logo")
            .prefetch_related("sectors", "logo__renditions")
            .in_bulk(page_ids)
        )
        results = [rows[pk] for pk in page_ids if pk in rows]
    return SearchResult(
        params=params,
        count=total,
        results=results,
        facets=facets,
        seeking_count=seeking_count,
        confirmed_count=confirmed_count,
    )


def locale_for_code(code):
    """The content locale with `code`, or None when the site has no such language."""
    if code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return Locale.objects.filter(language_code=code).first()
