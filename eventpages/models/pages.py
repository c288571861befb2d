"""The event page: when and where, programme, speakers, organisers, status and registration."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
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
from wagtail.models import Page
from wagtail.search import index

from glokal.frame import page_frame
from glokal.headless.content import AbsoluteUrlField
from glokal.models import BasePage
from glokal.translation import in_active_locale
from glokal.vocabularies import EVENT_COUNTRIES

from ..blocks import EventContentBlock, EventMaterialsBlock
from .choices import EventFormat, EventStatus, Interpreting
from .fields import LanguageListField
from .querysets import EventPageManager
from .registrations import EventRegistrationMixin
from .structured_data import EventStructuredDataMixin

ORGANISATION_PAGE_TYPE = "directory.OrganisationPage"


class EventPage(EventStructuredDataMixin, EventRegistrationMixin, RoutablePageMixin, BasePage):
    """One event: when and where, programme, speakers, organisers, status and registration."""

    fill_missing_translations = True

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
    route_select_related = ("listing_image", "social_image", "organiser")

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
            pgettext_lazy("event", "Registration"),
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
        APIField("ical_url", serializer=AbsoluteUrlField()),
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
        from .listings import EventSeriesPage

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
        return self.localized_organisations().get(self.organiser_id)

    def localized_organisations(self):
        """Organiser and partner pages in the visitor's language, by the id of the linked page."""
        if "_localized_organisations" not in self.__dict__:
            linked = [partner.organisation for partner in self.partners.all()]
            if self.organiser_id:
                linked.append(self.organiser)
            localized = in_active_locale(linked, queryset=Page.objects.live())
            self._localized_organisations = {
                page.pk: local for page, local in zip(linked, localized, strict=True)
            }
        return self._localized_organisations

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

    # Routes ----------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from ..forms import RegistrationForm
        from .programme import EventPartner, Speaker

        # The programme, speakers and partners appear in the head and the body: read each once.
        prefetch_related_objects(
            [self],
            "programme_items",
            Prefetch("speakers", queryset=Speaker.objects.select_related("photo")),
            Prefetch("partners", queryset=EventPartner.objects.select_related("organisation")),
        )
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
        from ..matchmaking.exhibition import event_extras

        context["matchmaking"], context["exhibitors"], context["exhibitor_sectors"] = event_extras(
            self, request.GET.get("exhibitor_sector", "")
        )
        context["matchmaking_url"] = self.url + self.reverse_subpage("matchmaking")
        context["register_url"] = self.url + self.reverse_subpage("register")
        context["privacy_page"] = page_frame(request, self).privacy_page
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

    # The Kooperationsbörse (eventpages/matchmaking/views.py checks who may see what).
    @path("matchmaking/", name="matchmaking")
    def matchmaking_home(self, request):
        from ..matchmaking.views import dispatch

        return dispatch(request, self, "home")

    @path("matchmaking/calendar/<uuid:key>/", name="matchmaking_calendar")
    def matchmaking_calendar(self, request, key):
        from ..matchmaking.views import calendar

        return calendar(request, self, key)

    @path("matchmaking/<slug:action>/", name="matchmaking_action")
    def matchmaking_action(self, request, action):
        from ..matchmaking.views import dispatch

        return dispatch(request, self, action)

    @path("matchmaking/<slug:action>/<int:pk>/", name="matchmaking_object")
    def matchmaking_object(self, request, action, pk):
        from ..matchmaking.views import dispatch

        return dispatch(request, self, action, pk)


def _whole_days(start, end):
    """Stretch an all-day event from midnight of its first day to the end of its last."""
    start = timezone.localtime(start).replace(hour=0, minute=0, second=0, microsecond=0)
    end = timezone.localtime(end).replace(hour=23, minute=59, second=59, microsecond=0)
    return start, end
