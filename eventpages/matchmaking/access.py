"""Who may see a Kooperationsbörse: joining from a registration, sign-in links, the session.

Participants have no password. A sign-in link is single-use, expires, and belongs to one
event; the session then remembers the participant for that event only.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Registration, RegistrationStatus
from . import emails
from .models import CooperationItem, LoginLink, Matchmaking, Participant

LOGIN_LINK_LIFETIME = timedelta(hours=24)
# At most this many links per participant and hour: the join form cannot flood an inbox.
LINKS_PER_HOUR = 3
SESSION_KEY = "matchmaking:{}"
SEEK_KINDS = {
    "suppliers": "product",
    "partners": "partnership",
    "investors": "investment",
    "workers": "workers",
}


class InvalidLink(Exception):
    """A sign-in link that is unknown, used, expired or for another event."""


def matchmaking_of(event):
    """The switched-on Kooperationsbörse of `event` (shared by its translations), or None."""
    holder = event.registration_event
    return Matchmaking.objects.filter(event=holder, enabled=True).first()


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def join(matchmaking, email):
    """Send a sign-in link to `email` if it has a confirmed registration for the event.

    Creates the participant (prefilled from the registration and its directory profile) on
    the first request. Says nothing about whether the address is registered.
    """
    registration = Registration.objects.filter(
        event=matchmaking.event_id,
        email__iexact=email.strip(),
        status=RegistrationStatus.CONFIRMED,
    ).first()
    if registration is None:
        return None
    with transaction.atomic():
        participant = Participant.objects.filter(registration=registration).first()
        if participant is None:
            participant = create_participant(matchmaking, registration)
        recent = LoginLink.objects.filter(
            participant=participant, created_at__gte=timezone.now() - timedelta(hours=1)
        ).count()
        if recent >= LINKS_PER_HOUR:
            return None
        token = issue_link(participant)
        return emails.queue(participant, "login", token=token)


def issue_link(participant, lifetime=LOGIN_LINK_LIFETIME, next_route=""):
    token = secrets.token_urlsafe(32)
    LoginLink.objects.create(
        participant=participant,
        token_digest=_digest(token),
        expires_at=timezone.now() + lifetime,
        next_route=next_route,
    )
    return token


def create_participant(matchmaking, registration):
    """A new participant from `registration`, prefilled from the linked directory profile."""
    participant = Participant.objects.create(
        matchmaking=matchmaking,
        registration=registration,
        name=registration.name,
        organisation_name=registration.organisation_name,
        country=registration.country,
        languages=[registration.preferred_language],
        organisation_page=registration.organisation_page,
    )
    profile = _live_profile(registration.organisation_page)
    if profile is None:
        return participant
    participant.organisation_name = profile.title
    participant.country = profile.country
    from directory.fields import split_codes

    # The directory knows more languages than the Kooperationsbörse's de/cs/en.
    known = {code for code, _name in settings.LANGUAGES}
    spoken = [code for code in split_codes(profile.languages) if code in known]
    participant.languages = spoken or participant.languages
    participant.save()
    participant.sectors.set(profile.sectors.all())
    items = [
        CooperationItem(
            participant=participant,
            direction="offer",
            kind="product",
            title=block.value["title"],
            description=block.value.get("description") or "",
            sector=block.value.get("sector"),
        )
        for block in profile.offers
    ] + [
        CooperationItem(
            participant=participant,
            direction="request",
            kind=SEEK_KINDS.get(block.value.get("kind"), "partnership"),
            title=block.value["title"],
            description=block.value.get("description") or "",
            sector=block.value.get("sector"),
        )
        for block in profile.seeks
    ]
    CooperationItem.objects.bulk_create(items)
    return participant


def _live_profile(page):
    if page is None or not page.live:
        return None
    from directory.models import OrganisationPage

    return OrganisationPage.objects.live().filter(pk=page.pk).first()


def use_link(matchmaking, token):
    """The participant of a valid, unused link of this event; the link is used up."""
    with transaction.atomic():
        link = (
            LoginLink.objects.select_for_update()
            .select_related("participant")
            .filter(token_digest=_digest(token or ""))
            .first()
        )
        if (
            link is None
            or link.used_at is not None
            or link.expires_at <= timezone.now()
            or link.participant.matchmaking_id != matchmaking.pk
        ):
            raise InvalidLink
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        return link.participant, link.next_route


def sign_in(request, participant):
    request.session.cycle_key()
    request.session[SESSION_KEY.format(participant.matchmaking_id)] = participant.pk


def sign_out(request, matchmaking):
    request.session.pop(SESSION_KEY.format(matchmaking.pk), None)


def signed_in_participant(request, matchmaking):
    """The participant this browser signed in as for this event, or None."""
    participant_id = request.session.get(SESSION_KEY.format(matchmaking.pk))
    if participant_id is None:
        return None
    return (
        Participant.objects.select_related("registration", "matchmaking")
        .filter(pk=participant_id, matchmaking=matchmaking)
        .first()
    )
