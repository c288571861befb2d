"""Staff admin of the Kooperationsbörse: settings, participants, offers, exhibitors (viewsets),
and the dashboard per event with figures, exports, scheduler, check-in and the table plan."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import booking, dashboard, feedback, scheduler
from .agenda import table_plan_pdf
from .models import (
    CooperationItem,
    Exhibitor,
    Matchmaking,
    Meeting,
    MeetingStatus,
    Participant,
)

PERMISSION = "eventpages.change_matchmaking"


class MatchmakingViewSet(ModelViewSet):
    model = Matchmaking
    icon = "calendar-alt"
    menu_label = gettext_lazy("Settings per event")
    list_display = ["event", "enabled", "booking_opens", "scheduling", "dashboard_link"]


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "group"
    menu_label = gettext_lazy("Participants")
    list_display = ["name", "organisation_name", "country", "matchmaking", "status"]
    list_filter = ["status", "matchmaking", "country"]
    search_fields = ["name", "organisation_name"]
    form_fields = [
        "status",
        "name",
        "organisation_name",
        "country",
        "languages",
        "about",
        "is_exhibitor",
    ]


class CooperationItemViewSet(ModelViewSet):
    model = CooperationItem
    icon = "tag"
    menu_label = gettext_lazy("Offers and requests")
    list_display = ["title", "direction", "kind", "participant", "status"]
    list_filter = ["status", "direction", "kind"]
    form_fields = ["status", "direction", "kind", "title", "description", "sector"]


class ExhibitorViewSet(ModelViewSet):
    model = Exhibitor
    icon = "home"
    menu_label = gettext_lazy("Exhibitors")
    list_display = ["booth", "organisation_page", "event"]
    list_filter = ["event"]
    panels = [
        PageChooserPanel("event", page_type="eventpages.EventPage"),
        PageChooserPanel("organisation_page", page_type="directory.OrganisationPage"),
        FieldPanel("booth"),
        FieldPanel("sector"),
        FieldPanel("short_text"),
        FieldPanel("participant"),
    ]


class MatchmakingGroup(ViewSetGroup):
    menu_label = gettext_lazy("Kooperationsbörse")
    menu_icon = "group"
    menu_order = 255
    items = (
        MatchmakingViewSet("matchmaking"),
        ParticipantViewSet("matchmaking_participants"),
        CooperationItemViewSet("matchmaking_items"),
        ExhibitorViewSet("exhibitors"),
    )


@hooks.register("register_admin_viewset")
def register_matchmaking_viewsets():
    return MatchmakingGroup()


@permission_required(PERMISSION, raise_exception=True)
def dashboard_view(request, pk):
    """Figures, pending reviews, scheduler, on-site check-in and on-the-spot booking."""
    matchmaking = get_object_or_404(Matchmaking.objects.select_related("event"), pk=pk)
    here = reverse("matchmaking_dashboard", args=[pk])
    if request.method == "POST":
        _act(request, matchmaking)
        return redirect(here)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        content, mime = (
            (dashboard.as_csv(matchmaking), "text/csv")
            if export == "csv"
            else (
                dashboard.as_xlsx(matchmaking),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        )
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="matchmaking-{pk}.{export}"'
        return response
    if export == "table-plan":
        response = HttpResponse(
            table_plan_pdf(matchmaking, matchmaking.event), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'inline; filename="table-plan-{pk}.pdf"'
        return response
    participants = Participant.objects.filter(matchmaking=matchmaking, status="approved")
    return TemplateResponse(
        request,
        "eventpages/matchmaking/admin/dashboard.html",
        {
            "matchmaking": matchmaking,
            "figures": dashboard.figures(matchmaking),
            "participants": participants,
            "meetings": Meeting.objects.filter(
                matchmaking=matchmaking, status=MeetingStatus.ACCEPTED
            ).select_related("requester", "recipient", "table"),
            "slots": matchmaking.slots(),
            "pending": Participant.objects.filter(matchmaking=matchmaking, status="pending"),
            "pending_items": CooperationItem.objects.filter(
                participant__matchmaking=matchmaking, status="pending"
            ).select_related("participant"),
        },
    )


def _act(request, matchmaking):
    """One staff action from the dashboard; every refusal is a message, never an error page."""
    action = request.POST.get("action")
    participants = Participant.objects.filter(matchmaking=matchmaking)
    try:
        if action == "schedule":
            result = scheduler.run(matchmaking)
            messages.success(
                request,
                _("%(placed)s meetings placed, %(unplaced)s without a free slot.")
                % {"placed": result.placed, "unplaced": result.unplaced},
            )
        elif action == "publish":
            count = scheduler.publish(matchmaking)
            messages.success(
                request, _("Agenda published to %(count)s participants.") % {"count": count}
            )
        elif action == "check-in":
            feedback.check_in(get_object_or_404(participants, pk=request.POST.get("participant")))
            messages.success(request, _("Checked in."))
        elif action in ("held", "no_show"):
            meeting = get_object_or_404(
                Meeting.objects.filter(matchmaking=matchmaking), pk=request.POST.get("meeting")
            )
            feedback.mark_attendance(meeting, action)
            messages.success(request, _("Saved."))
        elif action == "move":
            meeting = get_object_or_404(
                Meeting.objects.filter(matchmaking=matchmaking), pk=request.POST.get("meeting")
            )
            start = parse_datetime(request.POST.get("start") or "")
            if start is None:
                raise booking.BookingRefused(_("Please choose one of the offered times."))
            booking.move(meeting, start)
            messages.success(request, _("Saved."))
        elif action == "approve":
            participants.filter(pk=request.POST.get("participant")).update(status="approved")
            CooperationItem.objects.filter(
                participant__matchmaking=matchmaking, pk=request.POST.get("item")
            ).update(status="approved")
            messages.success(request, _("Approved."))
        elif action == "book":
            start = parse_datetime(request.POST.get("start") or "")
            first = get_object_or_404(participants, pk=request.POST.get("first") or 0)
            second = get_object_or_404(participants, pk=request.POST.get("second") or 0)
            if start is None:
                raise booking.BookingRefused(_("Please choose one of the offered times."))
            booking.book_on_the_spot(first, second, timezone.localtime(start))
            messages.success(request, _("The meeting is booked."))
    except booking.BookingRefused as refusal:
        messages.error(request, str(refusal.message))


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [
        path("matchmaking/<int:pk>/dashboard/", dashboard_view, name="matchmaking_dashboard"),
    ]
