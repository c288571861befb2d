"""What every list endpoint of the project shares: `limit`/`offset`, dates, known values,
`fields=` selection and `ordering=`.

Each is checked against what the endpoint offers; anything else is a 400 naming the values it
accepts, like every other bad parameter. Numbers and dates are read here rather than typed in
the request schema so a malformed one is a 400 with a reason, not the schema's 422.
"""

import datetime

from ninja.errors import HttpError

# The hard maximum of items per answer of every list.
MAX_LIMIT = 100

# Always answered, whatever `fields` asks for: a client can still tell the items apart.
ALWAYS = ("id",)


def parse_fields(value, offered):
    """The fields `?fields=title,url` asks for, in `offered`'s order (all when empty)."""
    if not value:
        return list(offered)
    asked = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(asked) - set(offered))
    if unknown:
        raise HttpError(
            400,
            f"Unknown fields: {', '.join(unknown)}; choose from: {', '.join(offered)}.",
        )
    return [name for name in offered if name in asked or name in ALWAYS]


def select(item, fields):
    return {name: item[name] for name in fields if name in item}


def parse_ordering(value, orderings, default):
    """The ORDER BY of `?ordering=` (`orderings` maps each accepted value to its columns)."""
    value = value or default
    if value not in orderings:
        raise HttpError(
            400, f"ordering must be one of: {', '.join(orderings)}; not {value[:40]!r}."
        )
    return orderings[value]


def whole_number(value, name, default=None):
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise HttpError(400, f"{name} must be a whole number, not {value[:40]!r}.") from None


def page_window(limit, offset):
    """`limit` (1 to MAX_LIMIT, 20 when absent) and `offset` (0 or more) of a list."""
    limit, offset = whole_number(limit, "limit", 20), whole_number(offset, "offset", 0)
    if not 1 <= limit <= MAX_LIMIT:
        raise HttpError(400, f"limit must be between 1 and {MAX_LIMIT}.")
    if offset < 0:
        raise HttpError(400, "offset cannot be negative.")
    return limit, offset


def parse_date(value, name):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise HttpError(
            400, f"{name} must be a date like 2026-05-14, not {value[:40]!r}."
        ) from None


def require_known(values, known, name):
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise HttpError(400, f"Unknown {name}: {', '.join(v[:40] for v in unknown)}.")


def parse_locale(code):
    """The Locale of `?locale=` (None when absent)."""
    from wagtail.models import Locale

    if not code:
        return None
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
        raise HttpError(400, f"Unknown locale {code[:10]!r}; use one of: {codes}.")
    return locale
