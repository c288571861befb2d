"""Shared fixtures: the three locales and home pages (created by migrations) and the site."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

from glokal.models import HomePage

LANGUAGE_CODES = ("de", "cs", "en")


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}


@pytest.fixture
def site(db):
    """The default site, answering on the test client's host name."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    return site


@pytest.fixture
def home_pages(site, locales):
    """The home page in each language, keyed by language code."""
    return {
        code: HomePage.objects.get(locale=locale) for code, locale in locales.items()
    }


@pytest.fixture
def demo_content(site):
    """The full demo content, loaded once per test like `make run` does."""
    call_command("load_demo", stdout=StringIO())
    site.refresh_from_db()
    return site
