"""The import as the communications team uses it in the admin, and as nobody else can."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from directory.importing import COLUMNS, guess_mapping
from directory.models import OrganisationImport, OrganisationPage

from .test_import import BROKEN, CZECH, GERMAN, HEADER


def csv_upload(*lines, header=HEADER, name="mitglieder.csv"):
    return SimpleUploadedFile(name, "\n".join([header, *lines]).encode())


def upload(client, file, source="IHK Dresden 2026", publish=False):
    data = {"file": file, "source": source}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("directory_import_upload"), data)


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def staff_client(client, staff_user):
    admin_language(staff_user, "en")
    client.force_login(staff_user)
    return client


@pytest.mark.django_db
def test_staff_check_a_list_then_import_it_in_the_background(
    staff_client, directory_indexes, django_capture_on_commit_callbacks
):
    response = upload(staff_client, csv_upload(GERMAN, CZECH, BROKEN), publish=True)

    run = OrganisationImport.objects.get()
    assert response.url == reverse("directory_import", args=[run.pk])
    page = staff_client.get(response.url)
    html = page.content.decode()
    assert "would be created: <strong>2</strong>" in html
    assert "has errors: <strong>1</strong>" in html
    assert "Unknown organisation type: firm" in html
    assert not OrganisationPage.objects.exists()  # the dry run writes nothing

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("directory_import_start", args=[run.pk]))

    run.refresh_from_db()
    assert run.status == OrganisationImport.Status.DONE
    assert (run.processed_rows, run.counts["create"], run.counts["error"]) == (3, 2, 1)
    titles = set(OrganisationPage.objects.live().values_list("title", flat=True))
    assert titles == {"Erzgebirge Drehteile GmbH", "Strojírna Liberec s.r.o."}
    report = staff_client.get(reverse("directory_import_report", args=[run.pk]))
    lines = report.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Row;Name;Result;Column;Message"
    assert "4;Kaputt GmbH;not imported;Organisation type;Unknown organisation type: firm" in lines


@pytest.mark.django_db
def test_a_second_click_on_import_starts_nothing_more(
    staff_client, directory_indexes, django_capture_on_commit_callbacks
):
    upload(staff_client, csv_upload(CZECH))
    run = OrganisationImport.objects.get()
    start = reverse("directory_import_start", args=[run.pk])

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(start)
        second = staff_client.post(start, follow=True)

    assert "This import has already been started." in second.content.decode()
    assert OrganisationPage.objects.count() == 1


@pytest.mark.django_db
def test_other_layouts_are_mapped_column_by_column(staff_client, directory_indexes):
    header = "Unternehmensname;Typ;Kurzbeschreibung;PLZ;Ort;Land;Kammerbezirk"
    response = upload(
        staff_client,
        csv_upload("Elbtal GmbH;company;Spritzguss.;01796;Pirna;DE;Dresden", header=header),
    )
    run = OrganisationImport.objects.get()
    assert response.url == reverse("directory_import_mapping", args=[run.pk])
    form = staff_client.get(response.url).content.decode()
    assert "Unternehmensname" in form and "Kammerbezirk" in form

    mapping = {"0": "", "1": "org_type", "2": "summary", "3": "postal_code", "4": "city"}
    missing = staff_client.post(response.url, {**mapping, "5": "country", "6": ""})
    assert "Choose a column for: Name." in missing.content.decode()

    checked = staff_client.post(response.url, {**mapping, "0": "name", "5": "country", "6": ""})
    assert checked.url == reverse("directory_import", args=[run.pk])
    run.refresh_from_db()
    assert run.counts["create"] == 1


@pytest.mark.django_db
def test_an_unreadable_file_is_explained_and_what_was_typed_stays(staff_client, directory_indexes):
    response = upload(
        staff_client, SimpleUploadedFile("liste.xlsx", b"not a workbook"), source="HWK Chemnitz"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "The XLSX file cannot be read: is it an Excel workbook?" in html
    assert 'value="HWK Chemnitz"' in html
    assert not OrganisationImport.objects.exists()


@pytest.mark.django_db
def test_progress_is_shown_while_the_import_runs(staff_client, directory_indexes):
    upload(staff_client, csv_upload(GERMAN, CZECH))
    run = OrganisationImport.objects.get()
    OrganisationImport.objects.filter(pk=run.pk).update(
        status=OrganisationImport.Status.RUNNING, processed_rows=1
    )

    html = staff_client.get(reverse("directory_import", args=[run.pk])).content.decode()

    assert '<progress id="import-progress" max="2" value="1">' in html
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "1 of 2 rows imported" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_the_templates_name_every_column_so_that_they_import_as_they_are(
    staff_client, staff_user, directory_indexes, language
):
    admin_language(staff_user, language)

    csv_headers = (
        staff_client.get(reverse("directory_import_template", args=["csv"]))
        .content.decode("utf-8-sig")
        .strip()
        .split(";")
    )
    workbook = load_workbook(
        io.BytesIO(staff_client.get(reverse("directory_import_template", args=["xlsx"])).content)
    )
    xlsx_headers = [cell.value for cell in workbook.worksheets[0][1]]

    everything = sorted(column.key for column in COLUMNS)
    assert sorted(guess_mapping(csv_headers).values()) == everything
    assert sorted(guess_mapping(xlsx_headers).values()) == everything


@pytest.mark.django_db
def test_nobody_but_staff_with_the_permission_reaches_the_import(
    client, editor_client, directory_indexes, staff_user, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    upload(client, csv_upload(CZECH))
    run = OrganisationImport.objects.get()
    client.logout()
    organisations_before = OrganisationPage.objects.count()

    for user_client, refused in ((editor_client, {403, 302}),):
        for name, args in [
            ("directory_import_upload", []),
            ("directory_import", [run.pk]),
            ("directory_import_mapping", [run.pk]),
            ("directory_import_report", [run.pk]),
            ("directory_import_template", ["csv"]),
        ]:
            assert user_client.get(reverse(name, args=args)).status_code in refused, name
        with django_capture_on_commit_callbacks(execute=True):
            start = user_client.post(reverse("directory_import_start", args=[run.pk]))
            again = upload(user_client, csv_upload(GERMAN))
        assert start.status_code in refused and again.status_code in refused

    run.refresh_from_db()
    assert run.status == OrganisationImport.Status.CHECKED
    assert OrganisationImport.objects.count() == 1
    assert OrganisationPage.objects.count() == organisations_before
