"""The Kooperationsbörse of an event: its settings, participants, their offers and requests,
meetings with their slots and tables, ratings and the follow-up survey.

Offers, requests and messages are the participants' own words and are not translated: each
participant writes in their own language and is read as written, like a business card.
"""

import datetime
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from ..models.choices import REGISTRANT_COUNTRIES
from ..models.fields import LanguageListField


class MeetingPlace(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    BOTH = "both", _("On site and online")


class SchedulingMode(models.TextChoices):
    PICK_SLOT = "pick", _("The recipient picks a free slot when accepting")
    AUTOMATIC = "automatic", _("Staff run the scheduler and publish the agenda")


class Matchmaking(ClusterableModel):
    """The Kooperationsbörse of one event: booking window, meeting length, sessions, tables."""

    event = models.OneToOneField(
        "eventpages.EventPage",
        verbose_name=_("Event"),
        on_delete=models.CASCADE,
        related_name="matchmaking",
    )
    enabled = models.BooleanField(_("Matchmaking switched on"), default=True)
    booking_opens = models.DateTimeField(_("Booking opens"))
    booking_closes = models.DateTimeField(_("Booking closes"))
    meeting_minutes = models.PositiveSmallIntegerField(
        _("Meeting length (minutes)"),
        default=20,
        validators=[MinValueValidator(15), MaxValueValidator(30)],
    )
    pause_minutes = models.PositiveSmallIntegerField(
        _("Pause between meetings (minutes)"), default=5, validators=[MaxValueValidator(30)]
    )
    languages = LanguageListField(_("Meeting languages"))
    place = models.CharField(
        _("Meetings take place"), max_length=10, choices=MeetingPlace.choices, default="on_site"
    )
    request_limit = models.PositiveSmallIntegerField(
        _("Requests per participant"), default=10, validators=[MinValueValidator(1)]
    )
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("Unanswered requests expire after (hours)"), default=72, validators=[MinValueValidator(1)]
    )
    scheduling = models.CharField(
        _("Scheduling"), max_length=10, choices=SchedulingMode.choices, default="pick"
    )
    agenda_published_at = models.DateTimeField(_("Agenda published"), null=True, blank=True)

    panels = [
        FieldPanel("event"),
        FieldPanel("enabled"),
        FieldRowPanel([FieldPanel("booking_opens"), FieldPanel("booking_closes")]),
        FieldRowPanel([FieldPanel("meeting_minutes"), FieldPanel("pause_minutes")]),
        FieldRowPanel([FieldPanel("request_limit"), FieldPanel("request_expiry_hours")]),
        FieldPanel("languages"),
        FieldPanel("place"),
        FieldPanel("scheduling"),
        MultiFieldPanel([InlinePanel("sessions", label=_("Sessions"))], _("Sessions")),
        MultiFieldPanel([InlinePanel("tables", label=_("Tables"))], _("Tables and rooms")),
    ]

    class Meta:
        verbose_name = _("Kooperationsbörse")
        verbose_name_plural = _("Kooperationsbörsen")

    def __str__(self):
        return str(self.event)

    @property
    def booking_open(self):
        return self.enabled and self.booking_opens <= timezone.now() < self.booking_closes

    @property
    def agenda_visible(self):
        return self.scheduling == SchedulingMode.PICK_SLOT or self.agenda_published_at is not None

    def slots(self):
        """Every meeting start of every session, in order (breaks are the gaps between them)."""
        step = datetime.timedelta(minutes=self.meeting_minutes + self.pause_minutes)
        length = datetime.timedelta(minutes=self.meeting_minutes)
        starts = []
        for session in self.sessions.all():
            start = session.start
            while start + length <= session.end:
                starts.append(start)
                start += step
        return sorted(starts)

    def dashboard_link(self):
        from django.urls import reverse
        from django.utils.html import format_html

        url = reverse("matchmaking_dashboard", args=[self.pk])
        return format_html('<a href="{}">{}</a>', url, _("Dashboard"))

    dashboard_link.short_description = _("Dashboard")

    def slot_end(self, start):
        return start + datetime.timedelta(minutes=self.meeting_minutes)


class MatchmakingSession(models.Model):
    """A block of meetings (a morning, an afternoon); the gaps between sessions are breaks."""

    matchmaking = ParentalKey(Matchmaking, on_delete=models.CASCADE, related_name="sessions")
    name = models.CharField(pgettext_lazy("thing", "Name"), max_length=100)
    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(_("End"))

    class Meta:
        ordering = ["start"]
        verbose_name = _("Session")

    def __str__(self):
        return self.name


class MeetingTable(models.Model):
    """A table or room where meetings take place; an online table is a video room."""

    matchmaking = ParentalKey(Matchmaking, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(pgettext_lazy("thing", "Name"), max_length=50)
    online = models.BooleanField(_("Online room"), default=False)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("Table")

    def __str__(self):
        return self.name


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Participant(models.Model):
    """A registrant who takes part in the Kooperationsbörse; visible to others once approved."""

    matchmaking = models.ForeignKey(
        Matchmaking,
        verbose_name=_("Kooperationsbörse"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    registration = models.OneToOneField(
        "eventpages.Registration",
        verbose_name=pgettext_lazy("event", "Registration"),
        on_delete=models.CASCADE,
        related_name="participant",
    )
    organisation_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Directory page of the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(pgettext_lazy("person", "Name"), max_length=200)
    organisation_name = models.CharField(_("Organisation"), max_length=200, blank=True)
    country = models.CharField(_("Country"), max_length=5, choices=REGISTRANT_COUNTRIES)
    languages = LanguageListField(_("Meeting languages"))
    sectors = models.ManyToManyField("directory.Sector", verbose_name=_("Sectors"), blank=True)
    about = models.TextField(_("About us"), blank=True, max_length=1000)
    status = models.CharField(
        _("Status"), max_length=10, choices=ReviewStatus.choices, default="pending"
    )
    is_exhibitor = models.BooleanField(_("Exhibitor"), default=False)
    checked_in_at = models.DateTimeField(_("Checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("Reminder sent"), null=True, blank=True)
    # Meeting starts (ISO strings) the participant cannot meet, e.g. during their own talk.
    unavailable = models.JSONField(_("Not available"), default=list, blank=True)
    # Part of the address of the personal calendar feed; replaced to revoke the address.
    feed_key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(_("Joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("Matchmaking participant")
        verbose_name_plural = _("Matchmaking participants")
        ordering = ["organisation_name", "name"]

    def __str__(self):
        return f"{self.name} ({self.organisation_name})" if self.organisation_name else self.name

    @property
    def email(self):
        return self.registration.email

    @property
    def language(self):
        return self.registration.preferred_language

    @property
    def is_approved(self):
        return self.status == ReviewStatus.APPROVED


class LoginLink(models.Model):
    """A single-use, expiring sign-in link to one event's Kooperationsbörse (no password)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    # Only the hash is stored: the database never holds a usable link.
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    # Where the link leads after signing in (the agenda, the follow-up survey).
    next_route = models.CharField(max_length=40, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)


class CooperationType(models.TextChoices):
    PRODUCT = "product", _("Product")
    SERVICE = "service", _("Service")
    PARTNERSHIP = "partnership", _("Partnership")
    INVESTMENT = "investment", _("Investment")
    RESEARCH = "research", _("Research and development")
    WORKERS = "workers", _("Skilled workers")


class Direction(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class CooperationItem(models.Model):
    """A typed cooperation offer or request of a participant, shown once staff approve it.

    Written by the participant in their own language and shown as written (not translated).
    """

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="items")
    direction = models.CharField(_("Offer or request"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("Type"), max_length=20, choices=CooperationType.choices)
    title = models.CharField(_("Title"), max_length=150)
    description = models.TextField(_("Description"), blank=True, max_length=2000)
    sector = models.ForeignKey(
        "directory.Sector",
        verbose_name=_("Sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=ReviewStatus.choices, default="pending"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Cooperation offer or request")
        verbose_name_plural = _("Cooperation offers and requests")
        ordering = ["participant", "direction", "pk"]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.title}"


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")


# A meeting between a participant from Germany and one from Czechia, in either direction.
ACROSS_THE_BORDER = models.Q(requester__country="DE", recipient__country="CZ") | models.Q(
    requester__country="CZ", recipient__country="DE"
)


class Meeting(models.Model):
    """A meeting request between two participants and, once accepted, its slot and table."""

    matchmaking = models.ForeignKey(Matchmaking, on_delete=models.CASCADE, related_name="meetings")
    requester = models.ForeignKey(
        Participant, verbose_name=_("Requested by"), on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        Participant, verbose_name=_("Requested from"), on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("Message"), max_length=1000, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=MeetingStatus.choices, default="requested"
    )
    created_at = models.DateTimeField(_("Requested at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Expires at"))
    answered_at = models.DateTimeField(_("Answered at"), null=True, blank=True)
    start = models.DateTimeField(_("Time"), null=True, blank=True)
    table = models.ForeignKey(
        MeetingTable,
        verbose_name=_("Table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendance = models.CharField(
        _("Attendance"), max_length=10, choices=Attendance.choices, blank=True
    )
    # Raised whenever the time or table changes, so calendars replace the old entry.
    sequence = models.PositiveIntegerField(default=0)
    uid = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("Meeting")
        verbose_name_plural = _("Meetings")
        ordering = ["start", "pk"]
        constraints = [
            # A table holds one meeting at a time (NULLs are distinct: unplaced meetings).
            models.UniqueConstraint(fields=["table", "start"], name="matchmaking_table_once"),
        ]
        indexes = [models.Index(fields=["matchmaking", "status"])]

    def __str__(self):
        return f"{self.requester} – {self.recipient}"

    def other(self, participant):
        return self.recipient if participant.pk == self.requester_id else self.requester

    @property
    def end(self):
        return self.matchmaking.slot_end(self.start) if self.start else None

    @property
    def is_cross_border(self):
        return {self.requester.country, self.recipient.country} == {"DE", "CZ"}


class Seat(models.Model):
    """A participant's place in a slot: the database refuses a second meeting at the same time."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="seats")
    start = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "start"], name="matchmaking_seat_once")
        ]


class FollowUpOutcome(models.TextChoices):
    NONE = "none", _("No further contact")
    KNOWLEDGE = "knowledge", _("Contact, knowledge gained")
    VALUABLE = "valuable", _("Valuable contact for future projects")
    NEGOTIATION = "negotiation", _("Negotiation started")
    AGREEMENT = "agreement", _("Cooperation agreement reached")


class MeetingFeedback(models.Model):
    """One participant's rating of a held meeting and, six months on, what came of it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(
        _("Rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("Comment"), blank=True, max_length=1000)
    follow_up_sent_at = models.DateTimeField(_("Follow-up survey sent"), null=True, blank=True)
    outcome = models.CharField(
        _("What came of it"), max_length=20, choices=FollowUpOutcome.choices, blank=True
    )
    outcome_at = models.DateTimeField(_("Answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meeting feedback")
        verbose_name_plural = _("Meeting feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="matchmaking_one_feedback"
            )
        ]


# The accompanying exhibition's model lives beside these; imported so the app registers it.
from .exhibitors import Exhibitor  # noqa: E402,F401
