"""The participants' pages of a Kooperationsbörse, served as routes of the event page.

Every route checks who asks: a visitor sees only the sign-in form, a participant waiting for
approval only their own profile, and nobody sees another event's participants or meetings.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import access, booking, feedback, marketplace
from .agenda import agenda_rows, calendar_bytes, pdf_bytes
from .forms import (
    AcceptForm,
    FilterForm,
    FollowUpForm,
    ItemForm,
    JoinForm,
    ProfileForm,
    RatingForm,
    RequestForm,
)
from .models import (
    CooperationItem,
    Meeting,
    MeetingFeedback,
    MeetingStatus,
    Participant,
    ReviewStatus,
)

TEMPLATE = "eventpages/matchmaking/{}.html"


def _render(request, page, name, status=200, **context):
    context["mm"] = _url(page)
    context.setdefault("participant", getattr(request, "matchmaking_participant", None))
    context["matchmaking"] = access.matchmaking_of(page)
    participant = context.get("participant")
    context["participant_nav"] = participant is not None and participant.is_approved
    response = page.render(request, template=TEMPLATE.format(name), context_overrides=context)
    response.status_code = status
    return response


def _url(page, name="matchmaking", *args):
    return page.url + page.reverse_subpage(name, args=args)


def home(request, page, matchmaking, participant):
    if participant is None:
        return _render(request, page, "join", form=JoinForm())
    if not participant.is_approved:
        return redirect(_url(page, "matchmaking_action", "profile"))
    return marketplace_view(request, page, matchmaking, participant)


def join(request, page, matchmaking, participant):
    if request.method != "POST":
        return redirect(_url(page))
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _render(request, page, "join", status=400, form=form)
    access.join(matchmaking, form.cleaned_data["email"])
    messages.success(
        request,
        _(
            "If %(email)s is registered for this event, a sign-in link is on its way. "
            "It works once and for 24 hours."
        )
        % {"email": form.cleaned_data["email"]},
    )
    return redirect(_url(page))


def login(request, page, matchmaking, participant):
    """GET asks to confirm (mail scanners open links); POST uses the link up."""
    token = request.POST.get("token") or request.GET.get("token", "")
    if request.method != "POST":
        return _render(request, page, "login", token=token)
    try:
        participant, next_route = access.use_link(matchmaking, token)
    except access.InvalidLink:
        return _render(request, page, "login", status=400, invalid=True, form=JoinForm())
    access.sign_in(request, participant)
    if next_route:
        return redirect(_url(page, "matchmaking_action", next_route))
    return redirect(_url(page))


def logout(request, page, matchmaking, participant):
    if request.method == "POST":
        access.sign_out(request, matchmaking)
    return redirect(_url(page))


def profile(request, page, matchmaking, participant):
    form = ProfileForm(request.POST or None, instance=participant, prefix="profile")
    item_form = ItemForm(prefix="item")
    if request.method == "POST":
        if "item-title" in request.POST:
            form = ProfileForm(instance=participant, prefix="profile")
            item_form = ItemForm(request.POST, prefix="item")
            if item_form.is_valid():
                item = item_form.save(commit=False)
                item.participant = participant
                item.save()
                messages.success(request, _("Saved. Staff will approve it before others see it."))
                return redirect(_url(page, "matchmaking_action", "profile"))
        elif form.is_valid():
            form.save()
            messages.success(request, _("Your profile is saved."))
            return redirect(_url(page, "matchmaking_action", "profile"))
        messages.error(request, _("Please correct the marked fields and send the form again."))
    items = participant.items.select_related("sector")
    return _render(
        request,
        page,
        "profile",
        status=400 if request.method == "POST" else 200,
        form=form,
        item_form=item_form,
        items=items,
    )


def delete_item(request, page, matchmaking, participant, pk):
    item = CooperationItem.objects.filter(pk=pk, participant=participant).first()
    if item is None:
        raise Http404
    if request.method == "POST":
        item.delete()
    return redirect(_url(page, "matchmaking_action", "profile"))


def marketplace_view(request, page, matchmaking, participant):
    filters = FilterForm(request.GET or None)
    params = filters.cleaned_data if filters.is_valid() else {}
    return _render(
        request,
        page,
        "marketplace",
        filters=filters,
        results=marketplace.filtered(participant, params),
        recommendations=[] if any(params.values()) else marketplace.recommended(participant),
    )


def participant_view(request, page, matchmaking, participant, pk):
    other = marketplace.visible_participants(participant).filter(pk=pk).first()
    if other is None:
        raise Http404
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking.request_meeting(participant, other, form.cleaned_data["message"])
        except booking.BookingRefused as refusal:
            messages.error(request, str(refusal.message))
        else:
            messages.success(request, _("Your request is sent."))
            return redirect(_url(page, "matchmaking_action", "requests"))
    marketplace.in_visitor_language([other])
    return _render(request, page, "participant", other=other, form=form)


def requests_view(request, page, matchmaking, participant):
    incoming = list(
        Meeting.objects.filter(
            recipient=participant, status=MeetingStatus.REQUESTED
        ).select_related("requester", "recipient", "matchmaking")
    )
    for meeting in incoming:
        meeting.accept_form = AcceptForm(slots=booking.free_slots(meeting), prefix=meeting.pk)
    outgoing = Meeting.objects.filter(requester=participant).select_related("recipient", "table")
    return _render(
        request, page, "requests", incoming=incoming, outgoing=outgoing.order_by("-created_at")
    )


def _own_meeting(participant, pk):
    meeting = (
        Meeting.objects.filter(pk=pk, matchmaking=participant.matchmaking_id)
        .select_related("requester", "recipient", "matchmaking")
        .first()
    )
    if meeting is None or participant.pk not in (meeting.requester_id, meeting.recipient_id):
        raise Http404
    return meeting


def answer(request, page, matchmaking, participant, pk, action):
    meeting = _own_meeting(participant, pk)
    if request.method != "POST":
        return redirect(_url(page, "matchmaking_action", "requests"))
    try:
        if action == "accept":
            start = None
            if matchmaking.scheduling == "pick":
                form = AcceptForm(request.POST, slots=booking.free_slots(meeting), prefix=pk)
                if not form.is_valid():
                    raise booking.BookingRefused(_("Please choose one of the offered times."))
                start = form.cleaned_data["start"]
            booking.accept(meeting, participant, start)
            messages.success(request, _("The meeting is in your agenda."))
        elif action == "decline":
            booking.decline(meeting, participant)
            messages.info(request, _("The request is declined."))
        else:
            booking.cancel(meeting, participant)
            messages.info(request, _("The meeting is cancelled."))
    except booking.BookingRefused as refusal:
        messages.error(request, str(refusal.message))
    target = "agenda" if action == "cancel" else "requests"
    return redirect(_url(page, "matchmaking_action", target))


def agenda(request, page, matchmaking, participant):
    rows = agenda_rows(participant)
    for row in rows:
        if row.meeting.attendance == "held":
            row.rating_form = RatingForm(prefix=row.meeting.pk)
    return _render(
        request,
        page,
        "agenda",
        rows=rows,
        calendar_url=_url(page, "matchmaking_calendar", str(participant.feed_key)),
    )


def agenda_pdf(request, page, matchmaking, participant):
    response = HttpResponse(pdf_bytes(participant, page), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-agenda.pdf"'
    return response


def calendar(request, page, key):
    """The personal calendar feed; its secret address is its only key (calendar apps)."""
    matchmaking = access.matchmaking_of(page)
    participant = (
        Participant.objects.select_related("matchmaking", "registration")
        .filter(feed_key=key, matchmaking=matchmaking, status=ReviewStatus.APPROVED)
        .first()
        if matchmaking
        else None
    )
    if participant is None:
        raise Http404
    response = HttpResponse(calendar_bytes(participant, page), content_type="text/calendar")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-meetings.ics"'
    return response


def rate(request, page, matchmaking, participant, pk):
    meeting = _own_meeting(participant, pk)
    form = RatingForm(request.POST, prefix=pk)
    if request.method == "POST" and form.is_valid():
        try:
            feedback.rate(meeting, participant, **form.cleaned_data)
            messages.success(request, _("Thank you for your rating."))
        except booking.BookingRefused as refusal:
            messages.error(request, str(refusal.message))
    return redirect(_url(page, "matchmaking_action", "agenda"))


def follow_up(request, page, matchmaking, participant, pk=None):
    participant_feedback = MeetingFeedback.objects.filter(
        participant=participant, follow_up_sent_at__isnull=False
    ).select_related("meeting__requester", "meeting__recipient")
    if request.method == "POST" and pk is not None:
        form = FollowUpForm(request.POST, prefix=pk)
        entry = participant_feedback.filter(meeting_id=pk).first()
        if entry is None:
            raise Http404
        if form.is_valid():
            feedback.answer_follow_up(entry.meeting, participant, form.cleaned_data["outcome"])
            messages.success(request, _("Thank you! Your answer helps the programme."))
        return redirect(_url(page, "matchmaking_action", "follow-up"))
    asked = []
    for entry in participant_feedback:
        entry.other = entry.meeting.other(participant)
        entry.form = FollowUpForm(prefix=entry.meeting_id, initial={"outcome": entry.outcome})
        asked.append(entry)
    return _render(request, page, "follow_up", entries=asked)


# What each route needs: (view, who may use it).
PUBLIC, MEMBER, APPROVED = "public", "member", "approved"
ROUTES = {
    "home": (home, PUBLIC),
    "join": (join, PUBLIC),
    "login": (login, PUBLIC),
    "logout": (logout, PUBLIC),
    "profile": (profile, MEMBER),
    "delete-item": (delete_item, MEMBER),
    "participant": (participant_view, APPROVED),
    "requests": (requests_view, APPROVED),
    "accept": (lambda *a, **k: answer(*a, **k, action="accept"), APPROVED),
    "decline": (lambda *a, **k: answer(*a, **k, action="decline"), APPROVED),
    "cancel": (lambda *a, **k: answer(*a, **k, action="cancel"), APPROVED),
    "agenda": (agenda, APPROVED),
    "agenda-pdf": (agenda_pdf, APPROVED),
    "rate": (rate, APPROVED),
    "follow-up": (follow_up, APPROVED),
}


def dispatch(request, page, action, pk=None):
    matchmaking = access.matchmaking_of(page)
    if matchmaking is None or action not in ROUTES:
        raise Http404
    view, audience = ROUTES[action]
    participant = access.signed_in_participant(request, matchmaking)
    if audience != PUBLIC and participant is None:
        return _render(request, page, "join", status=403, form=JoinForm())
    if audience == APPROVED and not participant.is_approved:
        return _render(request, page, "pending", status=403, participant=participant)
    arguments = {} if pk is None else {"pk": pk}
    request.matchmaking_participant = participant
    return view(request, page, matchmaking, participant, **arguments)
