"""The partner origins of the PARTNER_ORIGINS setting: one `scheme://host[:port]` a line."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def parse_origins(text):
    """The origins listed in `text`, one a line (blank lines and `#` comments skipped).

    A line that is not a bare http(s) origin stops the start with the line named, so a typo
    cannot silently open the API or the embeds to the wrong site.
    """
    origins = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/"):
            raise ImproperlyConfigured(
                f"PARTNER_ORIGINS line {number}: {line!r} is not an origin like "
                "https://www.partner.example"
            )
        if parts.query or parts.fragment or "@" in parts.netloc:
            raise ImproperlyConfigured(f"PARTNER_ORIGINS line {number}: {line!r} is not an origin")
        origins.append(f"{parts.scheme}://{parts.netloc.lower()}")
    return origins
