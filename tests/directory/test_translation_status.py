"""The translation status report, bulk translation and who may see and request what."""

import csv
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from directory.models import OrganisationPage
from glokal.localisation.bulk import (
    MACHINE,
    MISSING,
    OUTDATED,
    SOURCE_COPY,
    UP_TO_DATE,
    sources,
    status_rows,
)

pytestmark = pytest.mark.django_db

TEST_TRANSLATOR = {"CLASS": "glokal.localisation.machine.GlossaryTestTranslator"}


@pytest.fixture
def czech_profile(make_org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_org(
            language="cs",
            in_every_language=True,
            title="Sklárna Nový Bor",
            summary="Ruční výroba skla, kooperační burza.",
            city="Nový Bor",
            country="CZ",
        )


def report_csv(client, **params):
    """The report's CSV rows as dicts: object, language, status, translated, strings."""
    response = client.get(reverse("localisation_status"), {"format": "csv", **params})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))[1:]
    return [
        {
            "object": r[0],
            "language": r[3],
            "translated": int(r[5]),
            "total": int(r[6]),
            "status": r[7],
        }
        for r in rows
    ]


def test_report_counts_match_the_database(admin_client, czech_profile):
    rows = report_csv(admin_client)
    assert len(rows) == 2 * TranslationSource.objects.count()
    profile_rows = {r["language"]: r for r in rows if r["object"] == "Sklárna Nový Bor"}
    assert set(profile_rows) == {"de", "en"}
    total = TranslationSource.objects.get(object_id=czech_profile.translation_key)
    segments = total.stringsegment_set.count()
    for row in profile_rows.values():
        assert row["status"] == "source_copy"
        assert (row["translated"], row["total"]) == (0, segments)
    html = admin_client.get(reverse("localisation_status"), {"status": "source_copy"})
    assert html.status_code == 200
    assert "Sklárna Nový Bor" in html.content.decode()


def test_bulk_command_machine_translates_and_keeps_what_a_person_wrote(czech_profile):
    german_locale = Locale.objects.get(language_code="de")
    source = TranslationSource.objects.get(object_id=czech_profile.translation_key)
    title = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=german_locale,
        context=title.context,
        data="Glashütte Nový Bor",
        translation_type="manual",
    )
    out = io.StringIO()
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        call_command("translate_content", "--locale", "de", stdout=out, stderr=io.StringIO())
    assert "Sklárna Nový Bor [cs→de]: machine-translated" in out.getvalue()
    german = OrganisationPage.objects.get(
        translation_key=czech_profile.translation_key, locale=german_locale
    )
    assert german.title == "Glashütte Nový Bor"
    assert german.summary == "[DE] Ruční výroba skla, Kooperationsbörse."
    (row,) = status_rows(sources(translation_keys=[czech_profile.translation_key]), [german_locale])
    assert row.status == MACHINE
    # English was not asked for: still in Czech.
    english = OrganisationPage.objects.get(
        translation_key=czech_profile.translation_key, locale__language_code="en"
    )
    assert english.summary == "Ruční výroba skla, kooperační burza."


def test_bulk_command_without_translator_creates_what_is_missing(admin_client, make_org):
    # Imported in Czech only: registered, but no other version exists.
    page = make_org(language="cs", title="Stará firma", country="CZ")
    call_command("register_translations", stdout=io.StringIO())
    rows = status_rows(sources(translation_keys=[page.translation_key]))
    assert {row.status for row in rows} == {MISSING}
    report = admin_client.get(reverse("localisation_status"), {"status": MISSING}).content.decode()
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert "Stará firma" in report and f'href="{submit}"' in report
    out = io.StringIO()
    call_command("translate_content", stdout=out, stderr=io.StringIO())
    assert "Stará firma [cs→de]: created in the source language" in out.getvalue()
    assert OrganisationPage.objects.filter(translation_key=page.translation_key).live().count() == 3
    rows = status_rows(sources(translation_keys=[page.translation_key]))
    assert {row.status for row in rows} == {SOURCE_COPY}
    # Still to be translated, as the dry run says, and changes nothing.
    assert "Stará firma [cs→en]: would be translated" in _run("translate_content", "--dry-run")


def _run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_outdated_after_a_source_change(czech_profile, django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        _run("translate_content", "--locale", "en")
    (row,) = status_rows(sources(translation_keys=[czech_profile.translation_key]), [english])
    assert row.status == MACHINE
    czech_profile.summary = "Foukané sklo."
    with django_capture_on_commit_callbacks(execute=True):
        czech_profile.save_revision().publish()
    (row,) = status_rows(sources(translation_keys=[czech_profile.translation_key]), [english])
    assert row.status == OUTDATED and row.translated == row.total - 1


def test_organisation_editor_sees_and_translates_only_their_own_profile(
    client, editor, other_organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor.page.save_revision().publish()
        other_organisation.save_revision().publish()
    client.force_login(editor.user)
    rows = report_csv(client)
    assert {row["object"] for row in rows} == {editor.page.title}
    # The admin menu leads them there.
    assert reverse("localisation_status") in client.get("/admin/").content.decode()

    other = TranslationSource.objects.get(object_id=other_organisation.translation_key)
    before = list(StringTranslation.objects.values_list("pk", "data"))
    response = client.post(
        reverse("localisation_translate_now"), {"source": other.pk, "locale": "cs"}
    )
    # Refused: the admin sends them back to its start page, and nothing was written.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert list(StringTranslation.objects.values_list("pk", "data")) == before

    own = TranslationSource.objects.get(object_id=editor.page.translation_key)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        response = client.post(
            reverse("localisation_translate_now"), {"source": own.pk, "locale": "cs"}
        )
    assert response.status_code == 302
    czech = OrganisationPage.objects.get(
        translation_key=editor.page.translation_key, locale__language_code="cs"
    )
    assert czech.summary.startswith("[CS] ")
    (row,) = status_rows(
        sources(translation_keys=[editor.page.translation_key]),
        [Locale.objects.get(language_code="cs")],
    )
    assert row.status in (MACHINE, UP_TO_DATE)


def test_visitors_and_anonymous_users_get_no_report(client):
    response = client.get(reverse("localisation_status"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_bulk_action_translates_the_selected_pages_into_every_language(admin_client, make_org):
    page = make_org(language="cs", title="Pivovar Děčín", summary="Vaříme pivo.", country="CZ")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "translate_everywhere"])
    confirm = admin_client.get(url, {"id": page.pk, "next": "/admin/"})
    assert confirm.status_code == 200 and "Pivovar Děčín" in confirm.content.decode()
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        response = admin_client.post(f"{url}?id={page.pk}&next=/admin/")
    assert response.status_code == 302
    versions = OrganisationPage.objects.filter(translation_key=page.translation_key).live()
    assert {p.locale.language_code: p.summary for p in versions} == {
        "cs": "Vaříme pivo.",
        "de": "[DE] Vaříme pivo.",
        "en": "[EN] Vaříme pivo.",
    }


def test_bulk_action_refuses_another_organisations_page(
    client, editor, other_organisation, django_capture_on_commit_callbacks
):
    client.force_login(editor.user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "translate_everywhere"])
    before = (
        list(OrganisationPage.objects.values_list("pk", "locale_id", "summary")),
        TranslationSource.objects.count(),
        StringTranslation.objects.count(),
    )
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        response = client.post(f"{url}?id={other_organisation.pk}&next=/admin/pages/")
    # Wagtail counts the page among those they may not change and acts on none of them.
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert (
        list(OrganisationPage.objects.values_list("pk", "locale_id", "summary")),
        TranslationSource.objects.count(),
        StringTranslation.objects.count(),
    ) == before
