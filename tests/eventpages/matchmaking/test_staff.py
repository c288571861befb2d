"""Staff: the dashboard's figures and exports, the scheduler, check-in, on-the-spot booking."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from eventpages.matchmaking import booking, scheduler
from eventpages.matchmaking.models import Meeting

from .conftest import make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


def _dashboard(matchmaking):
    return reverse("matchmaking_dashboard", args=[matchmaking.pk])


def test_figures_and_exports_count_what_happened(staff_client, matchmaking, people):
    jana, uwe, eva = people["jana"], people["uwe"], people["eva"]
    slot = matchmaking.slots()[0]
    held = booking.accept(booking.request_meeting(jana, uwe, "=HYPERLINK(1)"), uwe, slot)
    booking.request_meeting(eva, uwe)
    staff_client.post(_dashboard(matchmaking), {"action": "held", "meeting": held.pk})
    page = staff_client.get(_dashboard(matchmaking)).content.decode()
    shown = dict(re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', page))
    # The admin speaks the staff member's language: German labels, decimal commas.
    assert shown["Grenzüberschreitender Anteil DE–CZ (%)"] == "100,0"
    assert shown["Annahmequote (%)"] == "50,0"
    assert shown["Quote stattgefundener Gespräche (%)"] == "100,0"
    exported = staff_client.get(_dashboard(matchmaking), {"export": "csv"}).content
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    assert "'=HYPERLINK(1)" in rows[1] + rows[2]
    workbook = load_workbook(
        io.BytesIO(staff_client.get(_dashboard(matchmaking), {"export": "xlsx"}).content)
    )
    assert workbook.worksheets[0]["B5"].value == 2  # requests sent
    plan = staff_client.get(_dashboard(matchmaking), {"export": "table-plan"})
    assert plan.content.startswith(b"%PDF")


def test_people_without_the_permission_see_no_dashboard(client, django_user_model, matchmaking):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    response = client.post(_dashboard(matchmaking), {"action": "schedule"})
    assert response.status_code in (302, 403)
    assert client.get(_dashboard(matchmaking), {"export": "csv"}).status_code in (302, 403)


def test_scheduler_respects_availability_and_tables_then_publishes(
    staff_client, matchmaking, people
):
    from glokal.outbox.models import OutgoingMail

    matchmaking.scheduling = "automatic"
    matchmaking.save()
    matchmaking.tables.exclude(name="1").delete()
    jana, uwe, eva = people["jana"], people["uwe"], people["eva"]
    karl = make_participant(matchmaking, "karl@example.de", "Karl Nowak", "DE", "de", "Nowak KG")
    slots = matchmaking.slots()
    uwe.unavailable = [slots[0].isoformat()]
    uwe.save()
    for first, second in ((jana, uwe), (eva, karl), (eva, uwe)):
        first.matchmaking.refresh_from_db()
        booking.accept(booking.request_meeting(first, second), second)
    # Accepted, not yet placed: nobody sees a time before the agenda is published.
    assert not Meeting.objects.filter(start__isnull=False).exists()
    staff_client.post(_dashboard(matchmaking), {"action": "schedule"})
    meetings = list(Meeting.objects.all())
    starts = [m.start for m in meetings]
    assert None not in starts
    assert len(set(starts)) == 3  # one table: never two meetings in one slot
    assert all(m.start != slots[0] for m in meetings if uwe.pk in (m.requester_id, m.recipient_id))
    OutgoingMail.objects.all().delete()
    staff_client.post(_dashboard(matchmaking), {"action": "publish"})
    assert OutgoingMail.objects.filter(subject__startswith="Ihre Gesprächsagenda").count() == 2


def test_scheduler_places_when_tables_run_out():
    slots, tables = [1, 2], ["a"]
    meetings = [(1, "x", "y"), (2, "z", "w"), (3, "x", "z")]
    assigned = scheduler.plan(slots, {1: tables, 2: tables}, meetings, {}, {})
    assert len(assigned) == 2
    assert {start for start, _table in assigned.values()} == {1, 2}


def test_check_in_and_booking_on_the_spot(staff_client, matchmaking, people):
    jana, uwe = people["jana"], people["uwe"]
    slot = matchmaking.slots()[2]
    staff_client.post(_dashboard(matchmaking), {"action": "check-in", "participant": jana.pk})
    jana.refresh_from_db()
    assert jana.checked_in_at is not None
    data = {"action": "book", "first": jana.pk, "second": uwe.pk, "start": slot.isoformat()}
    staff_client.post(_dashboard(matchmaking), data)
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.start) == ("accepted", slot)
    # Staff move it; a time that is not a slot is refused with a message.
    later = matchmaking.slots()[3]
    staff_client.post(
        _dashboard(matchmaking),
        {"action": "move", "meeting": meeting.pk, "start": later.isoformat()},
    )
    assert (
        staff_client.post(
            _dashboard(matchmaking),
            {"action": "move", "meeting": meeting.pk, "start": "x"},
            follow=True,
        ).status_code
        == 200
    )
    meeting.refresh_from_db()
    assert (meeting.start, meeting.sequence) == (later, 1)
    data["start"] = later.isoformat()
    # The same people in the same slot again: refused with a message, nothing booked twice.
    response = staff_client.post(_dashboard(matchmaking), data, follow=True)
    assert response.status_code == 200
    assert Meeting.objects.filter(status="accepted").count() == 1


def test_the_admin_lists_and_forms_open(staff_client, matchmaking, people):
    for name in ("matchmaking", "matchmaking_participants", "matchmaking_items", "exhibitors"):
        assert staff_client.get(reverse(f"{name}:index")).status_code == 200, name
        assert staff_client.get(reverse(f"{name}:add")).status_code == 200, name
    edit = staff_client.get(reverse("matchmaking:edit", args=[matchmaking.pk]))
    assert edit.status_code == 200 and "Vormittag" in edit.content.decode()
    listing = staff_client.get(reverse("matchmaking_participants:index")).content.decode()
    assert "Svoboda strojírny" in listing
