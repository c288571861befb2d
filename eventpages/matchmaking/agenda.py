"""A participant's agenda: the rows of the page, the calendar feed and the PDF."""

import logging
from dataclasses import dataclass
from datetime import datetime

import icalendar
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from glokal import fonts

from ..ical import EVENT_TIMEZONE, PRODID, UID_DOMAIN
from .models import Meeting, MeetingStatus

# fpdf2 subsets the embedded font through fontTools, which logs every step at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)


@dataclass
class AgendaRow:
    meeting: Meeting
    start: datetime
    end: datetime
    table: object
    other_name: str
    other: object


def agenda_rows(participant):
    """The participant's placed, accepted meetings in time order (hidden until published)."""
    matchmaking = participant.matchmaking
    if not matchmaking.agenda_visible:
        return []
    meetings = (
        Meeting.objects.filter(status=MeetingStatus.ACCEPTED, start__isnull=False)
        .filter(seats__participant=participant)
        .select_related("requester", "recipient", "table", "matchmaking")
        .order_by("start")
    )
    rows = []
    for meeting in meetings:
        other = meeting.other(participant)
        rows.append(
            AgendaRow(
                meeting=meeting,
                start=meeting.start,
                end=matchmaking.slot_end(meeting.start),
                table=meeting.table,
                other_name=str(other),
                other=other,
            )
        )
    return rows


def calendar_bytes(participant, page):
    """The participant's meetings as iCalendar; a moved meeting keeps its UID, new SEQUENCE."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("My meetings at %(event)s") % {"event": page.title})
    for row in agenda_rows(participant):
        entry = icalendar.Event()
        entry.add("uid", f"meeting-{row.meeting.uid}@{UID_DOMAIN}")
        entry.add("sequence", row.meeting.sequence)
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", row.start.astimezone(EVENT_TIMEZONE))
        entry.add("dtend", row.end.astimezone(EVENT_TIMEZONE))
        entry.add("summary", _("Meeting with %(name)s") % {"name": row.other_name})
        where = [page.title]
        if row.table:
            where.insert(0, _("Table %(table)s") % {"table": row.table})
        entry.add("location", ", ".join(where))
        calendar.add_component(entry)
    return calendar.to_ical()


def pdf_bytes(participant, page):
    """A printable one-page agenda in the participant's language (Czech letters included)."""
    document = FPDF(format="A4")
    document.add_font("DejaVu", "", str(fonts.SANS))
    document.add_font("DejaVu", "B", str(fonts.SANS_BOLD))
    document.add_page()
    document.set_font("DejaVu", "B", 16)
    document.multi_cell(0, 9, page.title, new_x="LMARGIN", new_y="NEXT")
    document.set_font("DejaVu", "", 11)
    heading = _("Agenda of %(name)s") % {"name": participant}
    document.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    rows = agenda_rows(participant)
    if not rows:
        document.multi_cell(0, 7, _("No meetings yet."), new_x="LMARGIN", new_y="NEXT")
    for row in rows:
        local = timezone.localtime(row.start, EVENT_TIMEZONE)
        when = f"{date_format(local, 'SHORT_DATE_FORMAT')} {time_format(local, 'TIME_FORMAT')}"
        table = _("Table %(table)s") % {"table": row.table} if row.table else ""
        document.set_font("DejaVu", "B", 11)
        document.cell(45, 8, when)
        document.cell(30, 8, table)
        document.set_font("DejaVu", "", 11)
        document.multi_cell(0, 8, row.other_name, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def table_plan_pdf(matchmaking, page):
    """The printable table plan: every slot with its tables and who meets there."""
    document = FPDF(format="A4", orientation="landscape")
    document.add_font("DejaVu", "", str(fonts.SANS))
    document.add_font("DejaVu", "B", str(fonts.SANS_BOLD))
    document.add_page()
    document.set_font("DejaVu", "B", 14)
    heading = _("Table plan: %(event)s") % {"event": page.title}
    document.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    meetings = (
        Meeting.objects.filter(
            matchmaking=matchmaking, status=MeetingStatus.ACCEPTED, start__isnull=False
        )
        .select_related("requester", "recipient", "table")
        .order_by("start", "table__sort_order", "table__pk")
    )
    current = None
    for meeting in meetings:
        if meeting.start != current:
            current = meeting.start
            local = timezone.localtime(current, EVENT_TIMEZONE)
            document.ln(2)
            document.set_font("DejaVu", "B", 11)
            document.cell(0, 7, time_format(local, "TIME_FORMAT"), new_x="LMARGIN", new_y="NEXT")
            document.set_font("DejaVu", "", 10)
        document.cell(25, 6, str(meeting.table or "–"))
        document.multi_cell(
            0, 6, f"{meeting.requester} · {meeting.recipient}", new_x="LMARGIN", new_y="NEXT"
        )
    return bytes(document.output())
