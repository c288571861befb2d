"""The directory exported for staff: the import's layout, safe in a spreadsheet, personal data
only for those allowed to see it."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from directory.models import OrganisationPage
from tests.directory.selfservice.support import make_user

from .test_admin import admin_language
from .test_import import CZECH, GERMAN, HEADER


def export(client, **params):
    query = {"language": "de", "file_format": "csv", "search_url": "", **params}
    return client.get(reverse("directory_export"), query)


def csv_rows(response):
    return [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]


@pytest.fixture
def listed(directory_indexes, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("\n".join([HEADER, GERMAN, CZECH]))
    call_command("import_organisations", str(path), "--publish", stdout=io.StringIO())
    german = OrganisationPage.objects.get(
        title="Erzgebirge Drehteile GmbH", locale__language_code="de"
    )
    german.contacts.create(name="Erika Muster", email="erika@drehteile.example", phone="+49 351 1")
    german.save_revision().publish()
    return german


def staff_member(client, *permissions):
    name = "-".join(["exporter", *permissions])
    user = make_user(name, is_staff=True)
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=permissions),
    )
    user.groups.add(group)
    admin_language(user, "en")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_an_export_imports_back_without_changing_anything(client, listed, tmp_path):
    staff_member(client, "export_organisations")

    exported = export(client)

    assert exported["Content-Type"] == "text/csv"
    path = tmp_path / "organisations-de.csv"
    path.write_bytes(exported.content)
    out = io.StringIO()
    call_command("import_organisations", str(path), stdout=out)
    assert out.getvalue().splitlines()[-1] == "create 0, update 0, skip 2, error 0"
    assert OrganisationPage.objects.count() == 6


@pytest.mark.django_db
def test_a_search_url_selects_what_is_exported(client, listed):
    staff_member(client, "export_organisations")

    response = export(
        client,
        search_url="http://testserver/cs/adresar/?region=CZ051&sector=mechanical-engineering",
    )

    rows = csv_rows(response)
    assert [row[0] for row in rows[1:]] == ["Strojírna Liberec s.r.o."]
    assert rows[1][2] == "cs"  # the Czech directory's version


@pytest.mark.django_db
def test_contact_persons_only_with_the_personal_data_permission(client, listed):
    staff_member(client, "export_organisations")
    asked = export(client, personal_data="on")
    assert "erika@drehteile.example" not in asked.content.decode("utf-8-sig")
    assert "personal_data" not in export(client, file_format="").content.decode()

    client.logout()
    staff = staff_member(client, "export_organisations", "export_personal_data")
    allowed = export(staff, personal_data="on", file_format="xlsx")
    sheet = load_workbook(io.BytesIO(allowed.content)).worksheets[0]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "erika@drehteile.example" in values and "Contact 1: e-mail" in values


@pytest.mark.django_db
def test_cells_that_would_run_as_formulas_are_written_as_text(client, listed):
    staff_member(client, "export_organisations")
    listed.summary = '=HYPERLINK("http://evil.example","Klick")'
    listed.save_revision().publish()

    csv_cells = [cell for row in csv_rows(export(client)) for cell in row]
    sheet = load_workbook(io.BytesIO(export(client, file_format="xlsx").content)).worksheets[0]
    xlsx_cells = [cell.value for row in sheet.iter_rows() for cell in row]

    for cells in (csv_cells, xlsx_cells):
        assert '\'=HYPERLINK("http://evil.example","Klick")' in [
            cell.strip('"').replace('""', '"') if isinstance(cell, str) else cell for cell in cells
        ]
        assert not any(isinstance(c, str) and c.startswith("=") for c in cells)


@pytest.mark.django_db
def test_the_export_is_refused_to_everyone_else(client, editor_client, listed):
    assert export(editor_client).status_code in (302, 403)
    client.logout()
    assert export(client).status_code == 302  # to the login page
