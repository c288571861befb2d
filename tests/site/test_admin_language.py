"""The admin speaks the editor's language: no German for a Czech or English editor.

Wagtail's Czech catalogues are incomplete; Django filled their gaps from the site's default
language, German. Now gaps fall back to English, the strings the admin shows most are supplied
in Czech (locale_upstream/), and the project's workflow and mails follow the reader's language.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Task, Workflow
from wagtail.users.models import UserProfile

from directory.selfservice import join
from directory.selfservice.workflow import MODERATORS_GROUP, TASK_NAME, WORKFLOW_NAME
from tests.admin_language import FORMAT_FIELD, catalogue_paths, german_strings
from tests.directory.conftest import add_directory_indexes, add_organisation
from tests.directory.selfservice.support import make_user, page_edit_data

pytestmark = pytest.mark.django_db

WORKFLOW_NAMES = {
    "de": ("Verzeichnisprüfung", "Freigabe durch die Verzeichnis-Moderation"),
    "cs": ("Kontrola adresáře", "Schválení moderátory adresáře"),
    "en": ("Directory review", "Directory moderators approve"),
}


def editor_speaking(language, username=None, **fields):
    """A superuser whose admin language (Wagtail's account setting) is `language`."""
    user = get_user_model().objects.create_superuser(
        username or f"editor-{language}", fields.pop("email", f"{language}@example.org"), "x"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def directory(home_pages):
    indexes = add_directory_indexes(home_pages)
    add_organisation(indexes, title="Muster Fräsen GmbH", summary="CNC-Fräsen.", city="Görlitz")
    return indexes


def admin_page(client, language, url):
    client.force_login(editor_speaking(language))
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def content_titles():
    return frozenset(Page.objects.values_list("title", flat=True))


def explorer_urls(home_pages, directory):
    return {
        "dashboard": "/admin/",
        "home page explorer": f"/admin/pages/{home_pages['de'].pk}/",
        "directory explorer": f"/admin/pages/{directory['de'].pk}/",
        "workflows": "/admin/workflows/list/",
    }


@pytest.mark.parametrize("page", ["dashboard", "home page explorer", "directory explorer"])
@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_admin_shows_no_german_to_czech_and_english_editors(
    client, site_pages, home_pages, directory, page, language
):
    html = admin_page(client, language, explorer_urls(home_pages, directory)[page])

    assert german_strings(html, ignore=content_titles()) == []


@pytest.mark.parametrize(
    ("language", "search", "pages"),
    [("cs", "Hledat ve všech stránkách…", "stránek"), ("en", "Search all pages…", "Pages")],
)
def test_the_dashboard_searches_and_counts_in_the_admin_language(
    client, site_pages, language, search, pages
):
    html = admin_page(client, language, "/admin/")

    # Before, a Czech editor read "Alle Seiten suchen…" and "14 Seiten".
    assert f'placeholder="{search}"' in html
    assert re.search(rf"\d+ {pages} <span", html)
    assert "Alle Seiten suchen" not in html and "Seiten" not in html


def test_the_czech_explorer_counts_and_offers_in_czech(client, site_pages, home_pages, directory):
    html = admin_page(client, "cs", f"/admin/pages/{home_pages['de'].pk}/")

    assert "Další možnosti pro „Verzeichnis“" in html
    assert "Weitere Optionen für" not in html
    assert "Seřadit pořadí v menu" in html


def test_the_german_admin_stays_german(client, site_pages):
    html = admin_page(client, "de", "/admin/")

    assert 'placeholder="Alle Seiten suchen…"' in html
    assert re.search(r"\d+ Seiten <span", html)


def test_a_string_no_czech_catalogue_has_falls_back_to_english_not_german():
    with translation.override("de"):
        assert translation.gettext("Search all pages…") == "Alle Seiten suchen…"
        assert translation.gettext("Change privacy") == "Privatsphäre ändern"
    with translation.override("cs"):
        assert translation.gettext("Search all pages…") == "Hledat ve všech stránkách…"
        assert translation.gettext("Change privacy") == "Změnit viditelnost"
        # Missing from every Czech catalogue (the update check is off, so no editor sees it):
        # the English msgid, not Wagtail's German "Wagtail-Upgrade verfügbar".
        assert translation.gettext("Wagtail upgrade available") == "Wagtail upgrade available"


def test_the_admin_javascript_speaks_czech(client, site_pages):
    catalogue = admin_page(client, "cs", "/admin/jsi18n/")

    assert "Sbalit v\\u0161e" in catalogue or "Sbalit vše" in catalogue
    assert "Alle einklappen" not in catalogue


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_workflow_and_task_names_read_in_the_admin_language(client, directory, language):
    workflow_name, task_name = WORKFLOW_NAMES[language]
    client.force_login(editor_speaking(language))

    workflows = client.get("/admin/workflows/list/").content.decode()
    assert workflow_name in workflows
    assert task_name in workflows
    tasks = client.get("/admin/workflows/tasks/index/").content.decode()
    assert task_name in tasks
    # The organisation's editor submits to the workflow by its name.
    organisation = directory["de"].get_children().get().specific
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[organisation.pk])).content
    assert f"{workflow_name}" in edit.decode()


def test_workflow_names_are_stored_in_english_whatever_language_saved_them(directory):
    with translation.override("cs"):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        assert str(workflow.name) == "Kontrola adresáře"
        # What the Czech edit form submits back.
        workflow.name = "Kontrola adresáře"
        workflow.save()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert Task.objects.filter(name=TASK_NAME).exists()


def test_moderators_get_the_join_request_in_their_admin_language(
    directory, django_capture_on_commit_callbacks
):
    from directory.models.membership import JoinRequest

    for language in ("de", "cs", "en"):
        editor_speaking(language, email=f"moderator-{language}@example.org")
    request = JoinRequest.objects.create(
        kind="join",
        organisation_name="Nová Strojírna s.r.o.",
        contact_name="Jana Nováková",
        email="jana@nova-strojirna.example",
        language="cs",
        consent_at=timezone.now(),
    )
    mail.outbox.clear()

    # A Czech visitor's request: the moderators' own languages count, not the visitor's.
    with django_capture_on_commit_callbacks(execute=True), translation.override("cs"):
        join.notify_staff(request)

    mails = {message.to[0].split("@")[0]: message for message in mail.outbox}
    assert mails["moderator-de"].body.startswith("Guten Tag,")
    assert mails["moderator-cs"].body.startswith("Dobrý den,")
    assert mails["moderator-en"].body.startswith("Hello,")
    assert "im Verzeichnis" in mails["moderator-de"].subject
    assert "v adresáři" in mails["moderator-cs"].subject


def test_the_review_mail_names_the_workflow_in_each_moderators_language(client, directory):
    organisation = directory["de"].get_children().get().specific
    author = make_user("author")
    author.is_superuser = True
    author.save()
    for language in ("cs", "en"):
        moderator = editor_speaking(language, email=f"moderator-{language}@example.org")
        moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    mail.outbox.clear()

    client.force_login(author)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[organisation.pk]),
        page_edit_data(organisation, summary="Neu.", **{"action-submit": "submit"}),
    )

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert f'"{WORKFLOW_NAMES["cs"][0]}"' in bodies["moderator-cs@example.org"]
    assert f'"{WORKFLOW_NAMES["en"][0]}"' in bodies["moderator-en@example.org"]
    assert "Verzeichnisprüfung" not in bodies["moderator-cs@example.org"]


SUPPLEMENTS = sorted(Path(settings.BASE_DIR, "locale_upstream").glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("path", SUPPLEMENTS, ids=lambda path: path.name)
def test_the_upstream_supplement_translates_real_upstream_strings_completely(path):
    catalogue = polib.pofile(str(path))
    upstream = {
        entry.msgid
        for upstream_path in catalogue_paths("de")
        if upstream_path.parent.stem == "LC_MESSAGES"
        and "locale_upstream" not in str(upstream_path)
        for entry in polib.pofile(str(upstream_path))
    }

    assert not catalogue.untranslated_entries() and not catalogue.fuzzy_entries()
    for entry in catalogue:
        assert entry.msgid in upstream, f"no upstream catalogue has {entry.msgid!r}"
        if not entry.msgid_plural:
            assert set(FORMAT_FIELD.findall(entry.msgstr)) == set(FORMAT_FIELD.findall(entry.msgid))
            continue
        assert sorted(entry.msgstr_plural) == [0, 1, 2, 3], entry.msgid
        # The singular may spell out its "1"; every other form keeps the plural's placeholders.
        plural = set(FORMAT_FIELD.findall(entry.msgid_plural))
        for index, text in entry.msgstr_plural.items():
            assert set(FORMAT_FIELD.findall(text)) == plural or index == 0, entry.msgid
