"""The Kooperationsbörse's mails, in each participant's language, stored in the outbox."""

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from glokal.outbox import mailing
from glokal.outbox.models import OutgoingMail

SUBJECTS = {
    "login": _("Your sign-in link to the Kooperationsbörse: %(title)s"),
    "request": _("New meeting request: %(title)s"),
    "accepted": _("Meeting accepted: %(title)s"),
    "declined": _("Meeting request declined: %(title)s"),
    "expired": _("Meeting request expired: %(title)s"),
    "changed": _("Your meeting has moved: %(title)s"),
    "cancelled": _("Meeting cancelled: %(title)s"),
    "agenda": _("Your meeting agenda: %(title)s"),
    "reminder": _("Tomorrow: your meetings at %(title)s"),
    "follow_up": _("What came of your meetings at %(title)s?"),
}


def page_in_language(participant):
    from ..services import event_in_language

    return event_in_language(participant.matchmaking.event, participant.language)


def route_url(page, name, *args, query=None):
    """The full address of a Kooperationsbörse route of the event page `page`."""
    url = page.get_full_url() + page.reverse_subpage(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def queue(participant, kind, *, meeting=None, token="", meetings=()):
    """Store the mail of `kind` to `participant` in the outbox (the caller's transaction)."""
    page = page_in_language(participant)
    with translation.override(participant.language):
        context = {
            "participant": participant,
            "event": page,
            "kind": kind,
            "meeting": meeting,
            "other": meeting.other(participant) if meeting else None,
            "meetings": meetings,
            "home_url": route_url(page, "matchmaking"),
            "login_url": route_url(page, "matchmaking_action", "login", query={"token": token})
            if token
            else "",
            "calendar_url": route_url(page, "matchmaking_calendar", str(participant.feed_key)),
        }
        subject = str(SUBJECTS[kind]) % {"title": page.title}
        body = render_to_string("eventpages/matchmaking/emails/mail.txt", context)
    return mailing.queue(
        OutgoingMail.Kind.MATCHMAKING,
        [participant.email],
        subject,
        body,
        participant.language,
        about=meeting or participant,
    )
