"""Event page types: the index per language, series of events and the events themselves."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from glokal.blocks import BaseContentBlock
from glokal.models import BasePage, FooterSettings, SectionIndexPage
from glokal.vocabularies import EVENT_COUNTRIES

from ..blocks import EventContentBlock, EventMaterialsBlock
from .choices import (
    EventFormat,
    EventStatus,
    Interpreting,
    ProgrammeItemType,
    RegistrationStatus,
)

ORGANISATION_PAGE_TYPE = "directory.OrganisationPage"
# Feeds list events that ended within this many days, so subscribers keep recent history.
FEED_RECENT_DAYS = 180
PAST_EVENTS_PER_PAGE = 12


class LanguageListField(models.JSONField):
    """A list of language codes (["de", "cs"]) edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _name in settings.LANGUAGES}
        if not isinstance(value, list) or not set(value) <= known:
            raise ValidationError(_("Choose languages from the list."), code="invalid_language")


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet; one running right now is still upcoming."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def in_feed(self, now=None):
        """Upcoming events and those that ended recently, for calendar subscriptions."""
        since = (now or timezone.now()) - datetime.timedelta(days=FEED_RECENT_DAYS)
        return self.filter(end__gte=since).order_by("start", "pk")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventFilterForm(forms.Form):
    """The GET filters of an event listing; unknown values are reported, not fatal."""

    event_format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats")), *EventFormat.choices]
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *EVENT_COUNTRIES]
    )
    series = forms.ChoiceField(label=_("Series"), required=False, choices=[])

    def __init__(self, *args, series_pages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if series_pages:
            self.fields["series"].choices = [("", _("All series"))] + [
                (page.slug, page.title) for page in series_pages
            ]
        else:
            del self.fields["series"]

    def is_filtered(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)


class EventListingMixin:
    """Upcoming and past events below the page, filtered by the visitor's GET parameters, and
    their calendar feed at <page>/ical/ (the page needs RoutablePageMixin)."""

    def get_series_pages(self):
        return []

    def get_events(self):
        return (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .select_related("listing_image")
        )

    def filter_events(self, events, form):
        if not form.is_bound:
            return events
        # An unknown value drops out of cleaned_data (and is reported); the others still apply.
        form.is_valid()
        data = form.cleaned_data
        if data.get("event_format"):
            events = events.filter(event_format=data["event_format"])
        if data.get("country"):
            events = events.filter(venue_country=data["country"])
        if data.get("series"):
            series = next((s for s in self.get_series_pages() if s.slug == data["series"]), None)
            if series is not None:
                events = events.descendant_of(series)
        return events

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        series_pages = self.get_series_pages()
        form = EventFilterForm(request.GET if request.GET else None, series_pages=series_pages)
        events = self.filter_events(self.get_events(), form)
        now = timezone.now()
        paginator = Paginator(events.past(now), PAST_EVENTS_PER_PAGE)
        context.update(
            filter_form=form,
            upcoming_events=events.upcoming(now),
            past_events=paginator.get_page(request.GET.get("page")),
            ical_url=self.url + self.reverse_subpage("ical"),
        )
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        """The calendar feed of every event below the page."""
        from ..ical import calendar_response

        return calendar_response(
            request, self.get_events().in_feed(), filename=f"{self.slug}.ics", title=self.title
        )


class EventIndexPage(EventListingMixin, RoutablePageMixin, SectionIndexPage):
    """The events section of one language: lists every event and offers the calendar feed."""

    subpage_types = ["eventpages.EventSeriesPage", "eventpages.EventPage"]

    class Meta:
        verbose_name = _("Event index")
        verbose_name_plural = _("Event indexes")

    def get_series_pages(self):
        return list(
            EventSeriesPage.objects.child_of(self).live().public().filter(locale_id=self.locale_id)
        )


class EventSeriesPage(EventListingMixin, RoutablePageMixin, BasePage):
    """A series of related events, such as the information and cooperation events."""

    introduction = models.TextField(_("Introduction"), blank=True)
    body = StreamField(BaseContentBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["eventpages.EventIndexPage"]
    subpage_types = ["eventpages.EventPage"]

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("body")]

    class Meta:
        verbose_name = _("Event series")
        verbose_name_plural = _("Event series")


class EventPage(RoutablePageMixin, BasePage):
    """One event: when and where, programme, speakers, organisers, status and registration."""

    # Changing any of these re-announces the event to calendars (iCal SEQUENCE).
    CALENDAR_FIELDS = (
        "title",
        "start",
        "end",
        "all_day",
        "status",
        "venue_name",
        "venue_address",
        "venue_city",
        "venue_country",
        "online_url",
        "summary",
    )

    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(_("End"))
    all_day = models.BooleanField(
        _("All-day event"),
        default=False,
        help_text=_("Only the dates are shown; the times are ignored."),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("Status note"),
        max_length=255,
        blank=True,
        help_text=_("Shown next to the status, e.g. the new date of a postponed event."),
    )
    event_format = models.CharField(
        _("Format"), max_length=30, choices=EventFormat.choices, default=EventFormat.WORKSHOP
    )
    summary = models.TextField(_("Summary"), help_text=_("Two or three sentences."))
    description = StreamField(EventContentBlock(), verbose_name=_("Description"), blank=True)

    venue_name = models.CharField(_("Venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("Street address"), max_length=255, blank=True)
    venue_postcode = models.CharField(_("Postcode"), max_length=20, blank=True)
    venue_city = models.CharField(_("City"), max_length=100, blank=True)
    venue_country = models.CharField(
        _("Country"), max_length=2, choices=EVENT_COUNTRIES, blank=True
    )
    latitude = models.DecimalField(
        _("Latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("Longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    online_url = models.URLField(
        _("Online link"),
        blank=True,
        help_text=_("For online and hybrid events: where participants join."),
    )

    languages = LanguageListField(_("Languages"), help_text=_("Languages spoken at the event."))
    interpreting = models.CharField(
        _("Interpreting"), max_length=20, choices=Interpreting.choices, default=Interpreting.NONE
    )

    organiser = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation's page in the directory."),
    )
    organiser_name = models.CharField(
        _("Organiser name"),
        max_length=200,
        blank=True,
        help_text=_("Used when the organiser has no directory page."),
    )
    materials = StreamField(
        EventMaterialsBlock(),
        verbose_name=_("Documents after the event"),
        blank=True,
        help_text=_("Slides, photos and other material published after the event."),
    )

    registration_enabled = models.BooleanField(_("Registration on this site"), default=False)
    capacity = models.PositiveIntegerField(
        _("Places"), null=True, blank=True, help_text=_("Leave empty for unlimited places.")
    )
    waiting_list = models.BooleanField(
        _("Waiting list"),
        default=True,
        help_text=_("When full, further registrations go to a waiting list."),
    )
    registration_deadline = models.DateTimeField(
        _("Registration deadline"),
        null=True,
        blank=True,
        help_text=_("Registration closes at the start of the event when empty."),
    )
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventPageManager()

    parent_page_types = ["eventpages.EventIndexPage", "eventpages.EventSeriesPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            _("Date and status"),
        ),
        FieldPanel("event_format"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_postcode"), FieldPanel("venue_city")]),
                FieldPanel("venue_country"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            _("Venue"),
        ),
        MultiFieldPanel([FieldPanel("languages"), FieldPanel("interpreting")], _("Languages")),
        InlinePanel("programme_items", label=_("Programme")),
        InlinePanel("speakers", label=_("Speakers")),
        MultiFieldPanel(
            [
                PageChooserPanel("organiser", page_type=ORGANISATION_PAGE_TYPE),
                FieldPanel("organiser_name"),
                InlinePanel("partners", label=_("Partner organisations")),
            ],
            _("Organisers"),
        ),
        FieldPanel("materials"),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
                FieldPanel("registration_deadline"),
            ],
            _("Registration"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("venue_city"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_format"),
        index.FilterField("venue_country"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("status"),
        APIField("status_note"),
        APIField("event_format"),
        APIField("summary"),
        APIField("description"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("venue_postcode"),
        APIField("venue_city"),
        APIField("venue_country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("online_url"),
        APIField("attendance_mode"),
        APIField("languages"),
        APIField("interpreting"),
        APIField("organiser"),
        APIField("organiser_name"),
        APIField("organiser_display_name"),
        APIField("partners"),
        APIField("programme_items"),
        APIField("speakers"),
        APIField("materials"),
        APIField("registration_open"),
        APIField("remaining_places"),
        APIField("ical_url"),
    ]

    class Meta:
        verbose_name = _("Event")
        verbose_name_plural = _("Events")
        indexes = [models.Index(fields=["start", "end"])]

    # Validation and saving -------------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            raise ValidationError(
                {"registration_deadline": _("The deadline must be before the event ends.")}
            )
        if self.registration_enabled and self.status == EventStatus.CANCELLED:
            raise ValidationError(
                {"registration_enabled": _("A cancelled event cannot take registrations.")}
            )

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            self.start, self.end = _whole_days(self.start, self.end)
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or "ical_sequence" in update_fields):
            self._bump_sequence_if_changed()
        super().save(*args, **kwargs)

    def _bump_sequence_if_changed(self):
        stored = EventPage.objects.filter(pk=self.pk).values("ical_sequence", *self.CALENDAR_FIELDS)
        stored = stored.first()
        if stored is None:
            return
        changed = any(stored[name] != getattr(self, name) for name in self.CALENDAR_FIELDS)
        # Read by the page_published handler, which tells registrants about a new status.
        self._previous_status = stored["status"]
        # Publishing an older revision carries its old number; never go backwards.
        self.ical_sequence = stored["ical_sequence"] + int(changed)

    # Presentation ----------------------------------------------------------------------------

    def get_social_text(self):
        return super().get_social_text() or self.summary

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def attendance_mode(self):
        """online, offline or mixed, following schema.org's EventAttendanceModeEnumeration."""
        if self.status == EventStatus.MOVED_ONLINE or (self.online_url and not self.venue_city):
            return "online"
        if self.online_url:
            return "mixed"
        return "offline"

    @property
    def ends_on_other_day(self):
        return timezone.localdate(self.start) != timezone.localdate(self.end)

    @property
    def series(self):
        parent = self.get_parent().specific
        return parent if isinstance(parent, EventSeriesPage) else None

    @property
    def ical_url(self):
        url = self.url
        return url + self.reverse_subpage("ical") if url else None

    @property
    def organiser_display_name(self):
        """The organiser's name in the visitor's language, from the directory when linked."""
        page = self.get_organiser_page()
        return page.title if page is not None else self.organiser_name

    def get_organiser_page(self):
        return self.organiser.specific.localized if self.organiser_id else None

    def get_language_names(self):
        """The event's languages named in the visitor's language ("German, Czech")."""
        known = {code for code, _name in settings.LANGUAGES}
        return [
            str(get_language_info(code)["name_translated"])
            for code in self.languages
            if code in known
        ]

    def programme_has_speakers(self):
        return any(item.speaker for item in self.programme_items.all())

    # Registration ----------------------------------------------------------------------------

    @cached_property
    def registration_event(self):
        """The translation that holds the registrations, so all languages share the places.

        The first-created translation is used; it stays the same when others are added.
        """
        first = (
            EventPage.objects.filter(translation_key=self.translation_key).order_by("pk").first()
        )
        return self if first is None or first.pk == self.pk else first

    @property
    def closes_at(self):
        return self.registration_deadline or self.start

    @property
    def registration_open(self):
        event = self.registration_event
        return bool(
            event.registration_enabled
            and event.status != EventStatus.CANCELLED
            and timezone.now() < event.closes_at
        )

    @property
    def confirmed_count(self):
        from .registrations import Registration

        return Registration.objects.filter(
            event=self.registration_event, status=RegistrationStatus.CONFIRMED
        ).count()

    @property
    def remaining_places(self):
        """Free places, or None when the event has no limit or no registration."""
        event = self.registration_event
        if not event.registration_enabled or event.capacity is None:
            return None
        return max(event.capacity - self.confirmed_count, 0)

    # Routes ----------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from ..forms import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        if "registration_form" not in context and self.registration_open:
            language = self.locale.language_code
            context["registration_form"] = RegistrationForm(
                event=self,
                initial={
                    "preferred_language": language,
                    "country": {"de": "DE", "cs": "CZ"}.get(language, ""),
                },
            )
        context["ical_url"] = self.ical_url
        context["register_url"] = self.url + self.reverse_subpage("register")
        footer = FooterSettings.for_active_locale()
        if footer is not None and footer.privacy_page_id:
            context["privacy_page"] = footer.privacy_page.localized
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        from ..ical import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics", title=self.title)

    @path("register/", name="register")
    def register(self, request):
        from ..views import register_view

        return register_view(request, self)

    # The token travels in the query string: signed values contain ":", which Wagtail's page
    # URL pattern does not accept in a path.
    @path("cancel/", name="cancel")
    def cancel_registration(self, request):
        from ..views import cancel_view

        return cancel_view(request, self, request.POST.get("token") or request.GET.get("token", ""))


def _whole_days(start, end):
    """Stretch an all-day event from midnight of its first day to the end of its last."""
    start = timezone.localtime(start).replace(hour=0, minute=0, second=0, microsecond=0)
    end = timezone.localtime(end).replace(hour=23, minute=59, second=59, microsecond=0)
    return start, end


class ProgrammeItem(Orderable):
    """One slot of an event's programme."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme_items")
    start_time = models.TimeField(_("Time"))
    end_time = models.TimeField(_("Until"), null=True, blank=True)
    title = models.CharField(_("Title"), max_length=255)
    speaker = models.CharField(_("Speaker"), max_length=255, blank=True)
    item_type = models.CharField(
        _("Type"), max_length=20, choices=ProgrammeItemType.choices, default=ProgrammeItemType.TALK
    )

    panels = [
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("speaker"), FieldPanel("item_type")]),
    ]
    api_fields = [
        APIField("start_time"),
        APIField("end_time"),
        APIField("title"),
        APIField("speaker"),
        APIField("item_type"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Programme item")
        verbose_name_plural = _("Programme items")


class Speaker(Orderable):
    """A person who speaks at an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("Name"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    bio = models.TextField(_("Short biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    api_fields = [
        APIField("name"),
        APIField("organisation"),
        APIField("bio"),
        APIField("photo", serializer=ImageRenditionField("fill-300x300")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Speaker")
        verbose_name_plural = _("Speakers")


class EventPartner(Orderable):
    """A partner organisation of an event, linked to its directory page."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("Role"), max_length=120, blank=True)

    panels = [
        PageChooserPanel("organisation", page_type=ORGANISATION_PAGE_TYPE),
        FieldPanel("role"),
    ]
    api_fields = [APIField("organisation"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("Partner organisation")
        verbose_name_plural = _("Partner organisations")

    def get_organisation_page(self):
        return self.organisation.specific.localized
