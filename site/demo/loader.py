"""Creates the site-wide demo pages from pages.yaml: home, about the project, partners, imprint,
privacy, the accessibility statement, and the footer."""

from django.conf import settings

from glokal.demo_tools import (
    ensure_page_in_languages,
    home_page,
    indexes_updated_once,
    locales,
    point_default_site_at,
    read_data,
    stream_blocks,
)
from glokal.models import FooterSettings, StandardPage

# The foundation: every other app's demo pages sit under its home pages.
LOAD_AFTER = ()


def _page_fields(content):
    return {**content, "body": stream_blocks(content.get("body", []))}


def _by_language(pages):
    return {code: _page_fields(fields) for code, fields in pages.items()}


def _update_home_pages(home_content):
    """Fill the home pages created by the migration, unless an editor already has."""
    updated = 0
    for code, content in home_content.items():
        home = home_page(code)
        if home.body:
            continue
        for name, value in _page_fields(content).items():
            setattr(home, name, value)
        home.save_revision().publish()
        updated += 1
    return updated


def _partners_page_fields(data, code):
    partner_list = {"title": "", "partners": data["partners"][code]}
    return {**data["partners_page"][code], "body": [("partner_list", partner_list)]}


def _ensure_footers(data, imprint, privacy, accessibility):
    if FooterSettings.objects.exists():
        # Footers of an earlier demo gain the accessibility statement they lacked.
        return FooterSettings.objects.filter(accessibility_page=None).update(
            accessibility_page=accessibility
        )
    by_language = locales()
    german = None
    for code, footer_content in data["footer"].items():
        footer = FooterSettings(
            locale=by_language[code],
            partners=[("partner", partner) for partner in data["partners"][code]],
            imprint_page=imprint,
            privacy_page=privacy,
            accessibility_page=accessibility,
            **footer_content,
        )
        if german is not None:
            footer.translation_key = german.translation_key
        footer.save()
        german = german or footer
    return len(data["footer"])


@indexes_updated_once()
def load():
    """Create the site-wide demo pages; return how many objects were created."""
    data = read_data(__file__, "pages.yaml")
    # Full URLs (sitemap, feeds, API) should use the address the demo is served at.
    point_default_site_at(settings.BASE_URL)
    created = _update_home_pages(data["home"])
    home = home_page("de")
    _about, count = ensure_page_in_languages(home, StandardPage, _by_language(data["about"]))
    created += count
    _partners, count = ensure_page_in_languages(
        home,
        StandardPage,
        {code: _partners_page_fields(data, code) for code in data["partners_page"]},
    )
    created += count
    imprint, count = ensure_page_in_languages(home, StandardPage, _by_language(data["imprint"]))
    created += count
    privacy, count = ensure_page_in_languages(home, StandardPage, _by_language(data["privacy"]))
    created += count
    accessibility, count = ensure_page_in_languages(
        home, StandardPage, _by_language(data["accessibility"])
    )
    created += count
    created += _ensure_footers(data, imprint, privacy, accessibility)
    return created
