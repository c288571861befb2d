"""The staff dashboard's figures per event and the export of its meetings (CSV and XLSX)."""

import io

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from glokal.spreadsheets import as_cell, table_csv

from ..models import RegistrationStatus
from .models import ACROSS_THE_BORDER, Attendance, Meeting, MeetingStatus, Participant


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def figures(matchmaking):
    """[(label, value)] in the order the dashboard shows them; rates are percentages."""
    registrations = matchmaking.event.registrations.exclude(
        status=RegistrationStatus.CANCELLED
    ).count()
    participants = Participant.objects.filter(matchmaking=matchmaking).annotate(
        item_count=Count("items")
    )
    meetings = Meeting.objects.filter(matchmaking=matchmaking)
    sent = meetings.count()
    accepted = meetings.filter(status=MeetingStatus.ACCEPTED)
    held = accepted.filter(attendance=Attendance.HELD).count()
    no_show = accepted.filter(attendance=Attendance.NO_SHOW).count()
    cross = accepted.filter(ACROSS_THE_BORDER).count()
    return [
        (_("Registrations"), registrations),
        (_("Matchmaking participants"), participants.count()),
        (_("Approved participants"), participants.filter(status="approved").count()),
        (_("Profiles without offers or requests"), participants.filter(item_count=0).count()),
        (_("Requests sent"), sent),
        (_("Requests accepted"), accepted.count()),
        (_("Requests expired"), meetings.filter(status=MeetingStatus.EXPIRED).count()),
        (_("Acceptance rate (%)"), _share(accepted.count(), sent)),
        (_("Meetings scheduled"), accepted.filter(start__isnull=False).count()),
        (_("Meetings held"), held),
        (_("Kept-meeting rate (%)"), _share(held, held + no_show)),
        (_("Cross-border share DE–CZ (%)"), _share(cross, accepted.count())),
    ]


def meeting_rows(matchmaking):
    """A header and one row per meeting request, for the exports."""
    header = [
        _("Requested by"),
        _("Organisation"),
        _("Country"),
        _("Requested from"),
        _("Organisation"),
        _("Country"),
        _("Status"),
        _("Time"),
        _("Table"),
        _("Attendance"),
        _("Message"),
    ]
    rows = [header]
    meetings = (
        Meeting.objects.filter(matchmaking=matchmaking)
        .select_related("requester", "recipient", "table")
        .order_by("start", "pk")
    )
    for meeting in meetings:
        start = (
            timezone.localtime(meeting.start).strftime("%Y-%m-%d %H:%M") if meeting.start else ""
        )
        rows.append(
            [
                meeting.requester.name,
                meeting.requester.organisation_name,
                meeting.requester.country,
                meeting.recipient.name,
                meeting.recipient.organisation_name,
                meeting.recipient.country,
                str(meeting.get_status_display()),
                start,
                str(meeting.table or ""),
                str(meeting.get_attendance_display()) if meeting.attendance else "",
                meeting.message,
            ]
        )
    return rows


def as_csv(matchmaking):
    """The meetings in the project's one CSV layout (semicolons, BOM, formulas neutralised)."""
    header, *rows = meeting_rows(matchmaking)
    return table_csv(header, rows)


def as_xlsx(matchmaking):
    """Two sheets: the figures and the meetings, every cell safe from formula injection."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Figures")[:31]
    for label, value in figures(matchmaking):
        sheet.append([as_cell(label), as_cell(value)])
    meetings = workbook.create_sheet(_("Meetings")[:31])
    for row in meeting_rows(matchmaking):
        meetings.append([as_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
