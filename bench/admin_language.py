"""How much German a Czech and an English editor see on the 20 most used admin pages.

Loads the demo content into a throw-away test database, logs in as a superuser whose admin
language is cs (then en), renders each page and prints, per language, the share of visible
strings that are German (tests/admin_language.py says what counts), the offending strings, and
how many strings the Czech admin shows in English for want of an upstream Czech translation.

Run: .venv/bin/python bench/admin_language.py [--verbose]   (uses a throw-away test database)
"""

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def demo_site():
    """The demo content, a page translated with wagtail-localize, and the bench's editor."""
    import logging

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from wagtail.models import Locale, Site

    from glokal.models import HomePage, StandardPage

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    user = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")

    from wagtail_localize.operations import TranslationCreator

    home = HomePage.objects.get(locale__language_code="de")
    source = home.add_child(instance=StandardPage(title="Über das Netzwerk", slug="netzwerk"))
    source.save_revision().publish()
    TranslationCreator(user, [Locale.objects.get(language_code="cs")]).create_translations(source)
    return user


def admin_urls():
    """(name, URL) of the 20 admin pages editors open most."""
    from directory.models import DirectoryIndexPage, OrganisationPage
    from glokal.models import HomePage, StandardPage
    from newsroom.models import NewsArticlePage

    home = HomePage.objects.get(locale__language_code="de")
    index = DirectoryIndexPage.objects.get(locale__language_code="de")
    organisation = OrganisationPage.objects.filter(locale__language_code="de").first()
    article = NewsArticlePage.objects.filter(locale__language_code="de").first()
    translated = StandardPage.objects.get(slug="netzwerk", locale__language_code="cs")
    return [
        ("dashboard", "/admin/"),
        ("explorer: home page", f"/admin/pages/{home.pk}/"),
        ("explorer: directory index", f"/admin/pages/{index.pk}/"),
        ("edit: organisation", f"/admin/pages/{organisation.pk}/edit/"),
        ("edit: news article", f"/admin/pages/{article.pk}/edit/"),
        ("add subpage", f"/admin/pages/{home.pk}/add_subpage/"),
        ("snippets: regions", "/admin/snippets/directory/region/"),
        ("snippets: sectors", "/admin/snippets/directory/sector/"),
        ("snippets: topics", "/admin/snippets/newsroom/topic/"),
        ("images", "/admin/images/"),
        ("documents", "/admin/documents/"),
        ("users", "/admin/users/"),
        ("workflows", "/admin/workflows/list/"),
        ("workflow tasks", "/admin/workflows/tasks/index/"),
        ("translation editor", f"/admin/pages/{translated.pk}/edit/"),
        ("report: workflows", "/admin/reports/workflow/"),
        ("settings: footer", "/admin/snippets/glokal/footersettings/"),
        ("search", "/admin/pages/search/?q=energie"),
        ("directory requests", "/admin/directory/requests/"),
        ("enquiries", "/admin/directory/enquiry/"),
    ]


def content_strings():
    """Titles and names of content: they are in the content's language, not the admin's."""
    from django.apps import apps
    from wagtail.models import Collection, Page, TranslatableMixin

    strings = set(Page.objects.values_list("title", flat=True))
    strings |= set(Collection.objects.values_list("name", flat=True))
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            texts = [f.name for f in model._meta.fields if f.get_internal_type() == "CharField"]
            for obj in model.objects.all():
                strings.add(str(obj))
                strings |= {str(getattr(obj, name)) for name in texts}
    for label in ("wagtailimages.Image", "wagtaildocs.Document"):
        strings |= set(apps.get_model(label).objects.values_list("title", flat=True))
    return frozenset(" ".join(text.split()) for text in strings)


def measure(user, language, urls, ignore):
    from wagtail.users.models import UserProfile

    from tests.admin_language import catalogues, visible_strings

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    found = catalogues()
    rows, german, english = [], Counter(), Counter()
    for name, url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        strings = visible_strings(response.content.decode(), ignore)
        page_german = [text for text in strings if found.is_german(text)]
        german.update(page_german)
        if language == "cs":
            english.update(text for text in strings if found.is_untranslated_in_czech(text))
        rows.append((name, len(strings), len(page_german)))
    return rows, german, english


def main(verbose):
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        user = demo_site()
        urls = admin_urls()
        ignore = content_strings()
        for language in ("cs", "en"):
            rows, german, english = measure(user, language, urls, ignore)
            total = sum(count for _name, count, _german in rows)
            found = sum(count for _name, _count, count in rows)
            print(
                f"\nAdmin language {language}: {found} of {total} visible strings German"
                f" ({100 * found / total:.2f} %)"
            )
            if verbose:
                for name, count, page_german in rows:
                    print(f"  {name:28} {count:5} strings {page_german:4} German")
            for text, count in german.most_common():
                print(f"  German ×{count}: {text!r}")
            if language == "cs":
                shown = sum(english.values())
                print(
                    f"  shown in English for want of a Czech translation: {shown} strings,"
                    f" {len(english)} distinct"
                )
                for text, count in english.most_common() if verbose else ():
                    print(f"    English ×{count}: {text!r}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main("--verbose" in sys.argv[1:])
