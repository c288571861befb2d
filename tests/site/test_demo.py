"""`load_demo` finds every app's demo content itself and loads it after what it links to; the
whole demo, as `make run` loads it (once for this module), is translated, indexed for the
admin, and loading it again changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from directory.models import OrganisationPage
from glokal.management.commands.load_demo import demo_loaders
from glokal.models import FooterSettings
from tests.conftest import demo_loaded_once, load_demo

whole_demo = demo_loaded_once()


def test_every_app_with_demo_content_takes_part_in_menu_order():
    # The sections appear in the main menu in the order their demo pages are created.
    assert list(demo_loaders()) == ["glokal", "directory", "newsroom", "eventpages"]


def test_the_loading_order_does_not_depend_on_the_order_of_installed_apps(monkeypatch):
    configs = list(apps.get_app_configs())
    monkeypatch.setattr(apps, "get_app_configs", lambda: reversed(configs))
    loaders = demo_loaders()
    assert list(loaders) == ["glokal", "directory", "newsroom", "eventpages"]
    for position, (_label, module) in enumerate(loaders.items()):
        assert set(module.LOAD_AFTER) <= set(list(loaders)[:position])


@pytest.mark.django_db
def test_demo_loader_refuses_an_unknown_app():
    with pytest.raises(CommandError, match="No demo content for: shop"):
        call_command("load_demo", "shop", stdout=StringIO())


@pytest.mark.django_db
def test_every_demo_page_exists_in_every_language(whole_demo):
    assert [line.endswith("object(s) created") for line in whole_demo.splitlines()] == [True] * 4
    by_locale = {
        code: set(
            Page.objects.filter(locale__language_code=code, depth__gte=2).values_list(
                "translation_key", flat=True
            )
        )
        for code in ("de", "cs", "en")
    }
    assert by_locale["de"] == by_locale["cs"] == by_locale["en"]
    assert len(by_locale["de"]) >= 5


@pytest.mark.django_db
def test_loading_the_demo_again_creates_and_changes_nothing(whole_demo):
    def state():
        return {
            "pages": list(
                Page.objects.order_by("pk").values_list(
                    "pk", "latest_revision_id", "last_published_at"
                )
            ),
            "revisions": Revision.objects.count(),
            "footers": FooterSettings.objects.count(),
            "images": get_image_model().objects.count(),
            # Loading again never moves an organisation's confirmation date.
            "confirmed": dict(OrganisationPage.objects.values_list("pk", "last_confirmed")),
        }

    before = state()
    output = load_demo()
    assert output.count(" 0 object(s) created") == 4, output
    assert state() == before


@pytest.mark.django_db
def test_admin_search_finds_the_demo_pages_in_every_language(admin_client, whole_demo):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Karlovy Vary"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Auftaktworkshop in Karlovy Vary" in html
    assert "Kick-off workshop in Karlovy Vary" in html


@pytest.mark.django_db
def test_admin_shows_where_a_demo_image_is_used(admin_client, whole_demo):
    organisation = OrganisationPage.objects.filter(locale__language_code="de").first()
    response = admin_client.get(reverse("wagtailimages:image_usage", args=[organisation.logo_id]))
    assert response.status_code == 200
    html = response.content.decode()
    # The logo appears on the organisation's profile in each of its three languages.
    for page in organisation.get_translations(inclusive=True):
        assert f"/admin/pages/{page.pk}/edit/" in html
