"""Admin: staff see registrations per event, check people in and export; others cannot."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from eventpages.factories import EventPageFactory, RegistrationFactory
from eventpages.models import Registration

pytestmark = pytest.mark.django_db

INDEX_URL = "eventpages_registration_modeladmin_index"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")


@pytest.fixture
def registrations(event, event_index):
    other = EventPageFactory(parent=event_index, title="Andere Veranstaltung", slug="andere")
    return [
        RegistrationFactory(event=event, name="Anna Listed", email="anna@example.org"),
        RegistrationFactory(event=event, name="Bert Listed", status="waiting"),
        RegistrationFactory(event=other, name="Other Person"),
    ]


def test_list_filters_by_event(client, staff, event, registrations):
    client.force_login(staff)
    response = client.get(reverse(INDEX_URL), {"event__id__exact": event.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna Listed" in html and "Bert Listed" in html and "Other Person" not in html


def test_csv_and_xlsx_export_of_one_event(client, staff, event, registrations):
    client.force_login(staff)
    response = client.get(reverse(INDEX_URL), {"event__id__exact": event.pk, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert {row[2] for row in rows[1:]} == {"Anna Listed", "Bert Listed"}

    response = client.get(reverse(INDEX_URL), {"event__id__exact": event.pk, "export": "xlsx"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert sheet.max_row == 3


def test_check_in_from_the_edit_view(client, staff, registrations):
    client.force_login(staff)
    registration = registrations[0]
    url = reverse("eventpages_registration_modeladmin_edit", args=[registration.pk])
    data = {
        "checked_in": "on",
        "name": registration.name,
        "email": registration.email,
        "organisation_name": "",
        "country": "DE",
        "preferred_language": "de",
        "needs": "",
        "offers": "",
        "seeks": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in is True
    assert registration.status == "confirmed"


def test_editors_without_permission_cannot_see_registrations(
    client, django_user_model, registrations
):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editors = Group.objects.get(name="Editors")
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get(reverse(INDEX_URL)).status_code in (302, 403)
    assert client.get(reverse(INDEX_URL), {"export": "csv"}).status_code in (302, 403)

    editors.permissions.add(Permission.objects.get(codename="view_registration"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(reverse(INDEX_URL)).status_code == 200


def test_anonymous_visitors_are_sent_to_login(client, registrations):
    response = client.get(reverse(INDEX_URL), {"export": "csv"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_event_edit_view_links_to_its_registrations(client, staff, event):
    client.force_login(staff)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    assert f"?event__id__exact={event.pk}" in response.content.decode()


def test_staff_cancel_on_someones_behalf_and_the_waiting_list_moves_up(
    client, staff, event, registrations
):
    from django.core import mail

    from tests.outbox_support import send_queued_mail

    event.capacity = 1
    event.save()
    anna, bert = registrations[0], registrations[1]
    client.force_login(staff)
    list_html = client.get(reverse(INDEX_URL), {"event__id__exact": event.pk}).content.decode()
    cancel_url = reverse("eventpages_cancel_registration", args=[anna.pk])
    assert cancel_url in list_html

    assert client.get(cancel_url).status_code == 200
    anna.refresh_from_db()
    assert anna.status == "confirmed"
    response = client.post(cancel_url)
    assert response.status_code == 302
    anna.refresh_from_db()
    bert.refresh_from_db()
    assert (anna.status, bert.status) == ("cancelled", "confirmed")
    send_queued_mail()
    assert {tuple(m.to) for m in mail.outbox} == {(anna.email,), (bert.email,)}
    # A second attempt changes nothing.
    client.post(cancel_url)
    send_queued_mail()
    assert len(mail.outbox) == 2


def test_active_registrations_cannot_be_deleted_or_added_in_the_admin(client, staff, registrations):
    client.force_login(staff)
    active = registrations[0]
    delete_url = reverse("eventpages_registration_modeladmin_delete", args=[active.pk])
    assert client.post(delete_url).status_code in (302, 403)
    assert Registration.objects.filter(pk=active.pk).exists()
    assert client.get(reverse("eventpages_registration_modeladmin_create")).status_code in (
        302,
        403,
    )


def test_cancel_view_needs_the_change_permission(client, django_user_model, registrations):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    client.force_login(editor)
    url = reverse("eventpages_cancel_registration", args=[registrations[0].pk])
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.post(url).status_code in (302, 403)
    registrations[0].refresh_from_db()
    assert registrations[0].status == "confirmed"
