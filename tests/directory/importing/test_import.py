"""Importing organisations from a chamber's list: checked row by row, written row by row."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from directory.models import OrganisationAccess, OrganisationPage

HEADER = "Firma;Typ;Kurzbeschreibung;Straße;PLZ;Ort;Land;Kreis;IČO;USt-IdNr;Branche;Zertifizierungen;Mitarbeiter;Gründungsjahr;Webseite"
GERMAN = (
    "Erzgebirge Drehteile GmbH;Unternehmen;CNC-Drehteile in Serie für den Fahrzeugbau.;"
    "Hauptstraße 1;09456;Annaberg-Buchholz;DE;DED42;;DE123456789;C25;ISO 9001;35;1994;"
    "www.drehteile.example"
)
CZECH = (
    "Strojírna Liberec s.r.o.;company;Obrábění CNC a svařování.;Tř. 1. máje 1;46001;"
    "Liberec;CZ;CZ051;12345679;;C28.4;;120;2001;"
)
BROKEN = "Kaputt GmbH;firm;;;01067;Dresden;Deutschland;XX999;;DE12;Z99;;viele;1200;ht tp://x"


@pytest.fixture
def write_csv(tmp_path):
    def write(*lines, encoding="utf-8", name="list.csv"):
        path = tmp_path / name
        path.write_bytes("\n".join([HEADER, *lines]).encode(encoding))
        return str(path)

    return write


def run(path, *args):
    out = io.StringIO()
    call_command("import_organisations", path, *args, stdout=out)
    return out.getvalue()


def organisations():
    return OrganisationPage.objects.order_by("pk")


@pytest.mark.django_db
def test_dry_run_reports_every_problem_by_row_and_column_and_writes_nothing(
    directory_indexes, write_csv
):
    path = write_csv(GERMAN, CZECH, BROKEN, GERMAN.replace("Unternehmen", "company"))

    output = run(path, "--dry-run")

    assert "row 2: Erzgebirge Drehteile GmbH: would be created" in output
    assert "row 3: Strojírna Liberec s.r.o.: would be created" in output
    for column, message in [
        ("Summary", "This column must not be empty."),
        ("Organisation type", "Unknown organisation type: firm"),
        ("NUTS-3 region", "Unknown NUTS-3 region code: XX999"),
        ("Sectors", "Unknown code: Z99"),
        ("VAT ID", "A German VAT ID is DE followed by nine digits."),
        ("Website", "Enter a valid URL."),
        ("Founding year", "A year between 1500 and 2100."),
        ("Number of employees", "Unknown size: viele"),
    ]:
        assert f"row 4: Kaputt GmbH: has errors [{column}] {message}" in output
    assert "row 5: Erzgebirge Drehteile GmbH: would be skipped The same organisation as row 2" in (
        output
    )
    assert "Dry run: create 2, update 0, skip 1, error 1" in output
    assert not organisations().exists()


@pytest.mark.django_db
def test_new_organisations_are_unclaimed_drafts_marked_with_their_source(
    directory_indexes, write_csv
):
    run(write_csv(GERMAN, CZECH), "--source", "IHK Chemnitz 2026")

    german, czech = organisations()
    assert (german.title, german.live, german.import_source) == (
        "Erzgebirge Drehteile GmbH",
        False,
        "IHK Chemnitz 2026",
    )
    assert german.locale.language_code == "de" and czech.locale.language_code == "cs"
    assert german.region.code == "DED42" and german.size == "small" and german.founded == 1994
    assert [sector.slug for sector in german.sectors.all()] == ["metalworking"]
    assert [cert.slug for cert in german.certifications.all()] == ["iso-9001"]
    assert german.website == "https://www.drehteile.example"
    # NACE 28.4 belongs to mechanical engineering (C28); 120 employees are a medium company.
    assert [sector.slug for sector in czech.sectors.all()] == ["mechanical-engineering"]
    assert (czech.ico, czech.size, czech.summary) == (
        "12345679",
        "medium",
        "Obrábění CNC a svařování.",
    )
    # Unclaimed: nobody may edit it until the company claims it.
    assert not OrganisationAccess.objects.filter(translation_key=german.translation_key).exists()


@pytest.mark.django_db
def test_published_import_reaches_every_language_and_can_be_claimed(
    directory_indexes, write_csv, client
):
    run(write_csv(CZECH), "--publish")

    versions = organisations()
    assert sorted(page.locale.language_code for page in versions) == ["cs", "de", "en"]
    assert all(page.live for page in versions)
    german = versions.get(locale__language_code="de")
    assert german.summary == "Obrábění CNC a svařování."  # shown in the language it was written in
    assert client.get(german.url).status_code == 200
    assert client.get(german.url + "claim/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changed",
    [
        # The same IČO under another name and address.
        CZECH.replace("Strojírna Liberec s.r.o.", "Strojírna LBC").replace("46001", "46002"),
        # The same name and postal code without the IČO.
        CZECH.replace("12345679", ""),
    ],
)
def test_duplicates_update_the_organisation_already_listed(directory_indexes, write_csv, changed):
    run(write_csv(CZECH))

    output = run(write_csv(changed))

    assert organisations().count() == 1
    assert "Already listed" in output


@pytest.mark.django_db
def test_a_later_import_never_overwrites_what_the_organisation_edited(directory_indexes, write_csv):
    run(write_csv(GERMAN), "--publish")
    page = organisations().get(locale__language_code="de")
    page.summary = "Wir drehen alles, was rund ist."
    page.save_revision().publish()

    output = run(
        write_csv(
            GERMAN.replace("CNC-Drehteile in Serie", "Neuer Text der Kammer")
            .replace("www.drehteile.example", "https://drehteile-neu.example")
            .replace(";35;", ";300;")
        )
    )

    page.refresh_from_db()
    assert page.summary == "Wir drehen alles, was rund ist."
    assert (page.website, page.size) == ("https://drehteile-neu.example", "large")
    assert "Kept what the organisation wrote itself: Summary." in output
    assert "Changed: Number of employees, Website." in output


@pytest.mark.django_db
def test_a_row_is_written_completely_or_not_at_all(directory_indexes, write_csv):
    # Passes the row check, fails the profile's own validation when written.
    future = GERMAN.replace(";1994;", ";2099;")

    output = run(write_csv(future, CZECH))

    assert "row 2: Erzgebirge Drehteile GmbH: not imported [Founding year]" in output
    assert [page.title for page in organisations()] == ["Strojírna Liberec s.r.o."]


@pytest.mark.django_db
def test_xlsx_and_windows_encoded_csv_are_read(directory_indexes, write_csv, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    row = CZECH.split(";")
    row[8] = 12345679  # IČO typed as a number
    sheet.append(row)
    xlsx = tmp_path / "list.xlsx"
    workbook.save(xlsx)

    assert "create 1" in run(str(xlsx), "--dry-run")
    assert "create 1" in run(write_csv(CZECH, encoding="cp1250"), "--dry-run")


@pytest.mark.django_db
def test_a_file_without_the_required_columns_is_refused(directory_indexes, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Company;Town\nA;B\n")

    with pytest.raises(CommandError, match="required columns are missing: Organisation type"):
        run(str(path))
