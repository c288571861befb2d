"""Search parameters: what a visitor or partner site may ask for, checked against the vocabulary.

The page and the API read the same parameters; the API refuses a bad one (400), the page drops
it and says so.
"""

from dataclasses import dataclass, field

from django.db.models import Value
from django.utils.translation import gettext as _

from glokal.vocabularies import COUNTRIES, LANGUAGES

from ..choices import OrganisationType, SizeBand
from ..models import Certification, Region, Sector
from .shared import shared

FACETS = ("country", "region", "sector", "org_type", "size", "certification", "language")
SORTS = ("relevance", "name", "newest")
# The two yes/no filters (parameters of their own, 1 or 0): organisations currently seeking
# partners, and those that confirmed their profile within the last year.
SEEKING = "seeking"
CONFIRMED = "confirmed"

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
# The taxonomy facets: facet name, model and the field their values are written with.
TAXONOMIES = (
    ("region", Region, "code"),
    ("sector", Sector, "slug"),
    ("certification", Certification, "slug"),
)


class InvalidSearch(ValueError):
    """Raised for parameters the search cannot honour; `errors` says which and why."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{e['param']}: {e['message']}" for e in errors))
        self.errors = errors


@dataclass
class SearchParams:
    """One search as asked for: words, facet values, the yes/no filters, page and order."""

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

    def selections(self):
        """Every active filter by facet, the two yes/no filters included."""
        selected = dict(self.filters)
        if self.seeking:
            selected[SEEKING] = ["1"]
        if self.confirmed:
            selected[CONFIRMED] = ["1"]
        return selected


class Vocabulary:
    """The values each facet accepts and their labels in the active language."""

    @classmethod
    def of(cls, locale):
        """The vocabulary of `locale` that this process's searches share (shared.py):
        taxonomies rarely change, and every search would read them all."""
        return shared(("vocabulary", locale.pk), lambda: cls(locale))

    def __init__(self, locale):
        self.locale = locale
        self.labels = {
            "country": dict(COUNTRIES),
            "org_type": dict(OrganisationType.choices),
            "size": dict(SizeBand.choices),
            "language": dict(LANGUAGES),
        }
        # Taxonomy row id → language-neutral code, for counts grouped by id.
        self.codes = {name: {} for name, _model, _key in TAXONOMIES}
        entries = {name: {} for name, _model, _key in TAXONOMIES}
        # Taxonomy names in the visitor's language, else in any language they exist in.
        for name, pk, locale_id, label, value, _order in sorted(
            _taxonomy_rows(), key=lambda row: (row[5], row[4])
        ):
            if value not in entries[name] or locale_id == locale.pk:
                entries[name][value] = label
            self.codes[name][pk] = value
        self.labels.update(entries)
        self.project_area_regions = set(
            Region.objects.filter(in_project_area=True).values_list("pk", flat=True)
        )

    def accepts(self, facet, value):
        return value in self.labels[facet]

    def label(self, facet, value):
        return str(self.labels[facet].get(value, value))


def _taxonomy_rows():
    """(facet, id, locale id, name, code, sort order) of every taxonomy row, in every language:
    one statement and no model instances, for a vocabulary every search builds anew."""
    queries = [
        model.objects.order_by()
        .annotate(facet=Value(name))
        .values_list("facet", "pk", "locale_id", "name", key, "sort_order")
        for name, model, key in TAXONOMIES
    ]
    return list(queries[0].union(*queries[1:], all=True))


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
