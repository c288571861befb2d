"""What every list endpoint of the project shares: `fields=` selection and `ordering=`.

Both are checked against what the endpoint offers; anything else is a 400 naming the values
it accepts, like every other bad parameter.
"""

from ninja.errors import HttpError

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
