"""Sourcing requests ("we need a supplier for …") and the board that lists them per language.

A request is a Wagtail page under the request board of its language: it goes through the same
"Directory review" workflow as profiles, is translated with wagtail-localize, has its own URL
and appears in the page API. Its organisation's editors write it from their admin home; it
expires at its deadline (Wagtail's `expire_at`) and may be closed early with an outcome.
"""

import datetime
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from glokal.models import BasePage, SectionIndexPage
from glokal.storage import private_storage

from ..fields import LanguageListField, split_codes
from .index import SavedSearchRoutesMixin
from .organisation import OrganisationPage


class RequestType(models.TextChoices):
    PARTS = "parts", _("Supplier of parts or materials")
    SERVICE = "service", _("Service provider")
    COOPERATION = "cooperation", _("Cooperation partner")
    RESEARCH = "research", _("Research and development partner")
    INVESTOR = "investor", _("Investor")


class Frequency(models.TextChoices):
    ONCE = "once", _("Once")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")
    ONGOING = "ongoing", _("Ongoing")


class Outcome(models.TextChoices):
    FOUND_SUPPLIER = "found_supplier", _("Found a supplier")
    NO_LONGER_NEEDED = "no_longer_needed", _("No longer needed")


class RequestBoardPage(SavedSearchRoutesMixin, SectionIndexPage):
    """The request board of one language: open sourcing requests, filtered and searched."""

    subpage_types = ["directory.SourcingRequestPage"]

    class Meta:
        verbose_name = _("Request board")
        verbose_name_plural = _("Request boards")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The board's filters live in directory.matching, above the models (see the index).
        for board_context in hooks.get_hooks("directory_request_board_context"):
            context.update(board_context(request, self))
        return context

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    def unsubscribe_route(self, request, token):
        from ..matching.views import unsubscribe

        return unsubscribe(request, self, token)


class SourcingRequestForm(WagtailAdminPageForm):
    """An organisation editor may only publish requests in the name of their organisations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..matching.permissions import requesting_organisations
        from ..selfservice.permissions import is_organisation_editor

        if "organisation" in self.fields and self.for_user is not None:
            field = self.fields["organisation"]
            field.queryset = requesting_organisations(self.for_user, self.instance)
            if is_organisation_editor(self.for_user):
                # Their own organisations, in the request's language, as a plain list (staff
                # keep the page chooser, which searches thousands).
                parent = getattr(self, "parent_page", None)
                locale_id = self.instance.locale_id or (parent.locale_id if parent else None)
                if locale_id:
                    field.queryset = field.queryset.filter(locale_id=locale_id)
                field.widget = forms.Select(choices=field.choices)
                if len(field.queryset) == 1 and not self.instance.organisation_id:
                    self.initial["organisation"] = field.queryset[0].pk

        # Taxonomies in the request's language, ticked rather than picked from a long list.
        locale_id = self.instance.locale_id or getattr(
            getattr(self, "parent_page", None), "locale_id", None
        )
        for name in ("sectors", "certifications", "delivery_regions"):
            if name in self.fields and locale_id:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale_id=locale_id)
                field.widget = forms.CheckboxSelectMultiple(choices=field.choices)

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate() and "deadline" in self.changed_data:
            raise ValidationError(_("The deadline cannot be in the past."))
        return deadline


class SourcingRequestPage(RoutablePageMixin, BasePage):
    """One organisation's need: what, how much, where to, which certifications, until when."""

    base_form_class = SourcingRequestForm
    fill_missing_translations = sync_translations_on_publish = True
    translation_notice_noun = "page"

    organisation = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("Requesting organisation"),
        # A deleted profile leaves its requests without a requester (Wagtail's tree forbids
        # cascading deletes); they no longer reach the board or matching.
        null=True,
        on_delete=models.SET_NULL,
        related_name="sourcing_requests",
    )
    request_type = models.CharField(
        _("Looking for"), max_length=20, choices=RequestType.choices, default=RequestType.PARTS
    )
    summary = models.CharField(
        _("Summary"), max_length=300, help_text=_("One or two sentences: what is needed.")
    )
    description = models.TextField(
        _("Description"),
        blank=True,
        help_text=_("Specification, materials, tolerances, quality requirements."),
    )
    sectors = ParentalManyToManyField("directory.Sector", verbose_name=_("Sectors"), blank=True)
    nace_code = models.CharField(
        _("NACE code"), max_length=10, blank=True, help_text=_("For example C25.6.")
    )
    quantity = models.CharField(
        _("Quantity or volume"),
        max_length=120,
        blank=True,
        help_text=_("For example 5,000 pieces or 40 hours."),
    )
    frequency = models.CharField(
        _("Frequency"), max_length=20, choices=Frequency.choices, blank=True
    )
    certifications = ParentalManyToManyField(
        "directory.Certification", verbose_name=_("Required certifications"), blank=True
    )
    delivery_regions = ParentalManyToManyField(
        "directory.Region",
        verbose_name=_("Delivery regions"),
        blank=True,
        help_text=_("NUTS-3 regions suppliers should be based in; none for anywhere."),
    )
    max_distance_km = models.PositiveIntegerField(
        _("Maximum distance (km)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
        help_text=_("From your site; leave empty for no limit."),
    )
    languages = LanguageListField(_("Languages accepted"))
    deadline = models.DateField(_("Deadline for answers"))
    confidential = models.BooleanField(
        _("Confidential"),
        default=False,
        help_text=_("Hide your organisation's name until you accept contact with a supplier."),
    )
    # Closing early is an action, not an edit: it applies to every language version at once.
    outcome = models.CharField(
        _("Outcome"), max_length=20, choices=Outcome.choices, blank=True, editable=False
    )
    closed_at = models.DateTimeField(_("Closed"), null=True, blank=True, editable=False)
    # Derived on save (matching.tokens): the request's words in its language and the names of
    # its trade terms, places and sectors in every language, for the board search and matching.
    match_tokens = models.TextField(editable=False, blank=True, default="")

    parent_page_types = ["directory.RequestBoardPage"]
    subpage_types = []

    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "organisation",
            "request_type",
            "nace_code",
            "frequency",
            "max_distance_km",
            "languages",
            "deadline",
            "confidential",
        )
    ]

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("request_type"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("sectors"),
                FieldPanel("nace_code"),
                FieldRowPanel([FieldPanel("quantity"), FieldPanel("frequency")]),
                FieldPanel("certifications"),
            ],
            _("Requirements"),
        ),
        MultiFieldPanel(
            [FieldPanel("delivery_regions"), FieldPanel("max_distance_km")], _("Delivery")
        ),
        FieldPanel("languages"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("confidential")]),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("request_type"),
        index.FilterField("deadline"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("request_type"),
        APIField("summary"),
        APIField("description"),
        APIField("nace_code"),
        APIField("quantity"),
        APIField("frequency"),
        APIField("deadline"),
        APIField("language_codes"),
        APIField("max_distance_km"),
        APIField("requester_name"),
        APIField("is_open"),
    ]

    class Meta:
        verbose_name = _("Sourcing request")
        verbose_name_plural = _("Sourcing requests")

    def clean(self):
        super().clean()
        if self.organisation_id and self.locale_id:
            self.organisation = self.organisation_in_own_language()

    def save(self, *args, **kwargs):
        if self.deadline:
            # Expires at the end of its deadline day: Wagtail's scheduler unpublishes it.
            end_of_day = datetime.datetime.combine(self.deadline, datetime.time(23, 59, 59))
            self.expire_at = timezone.make_aware(end_of_day)
        if self.organisation_id and self.locale_id:
            self.organisation = self.organisation_in_own_language()
        if not self.locale_id:
            self.locale = self.get_default_locale()
        from ..matching.tokens import request_tokens

        self.match_tokens = request_tokens(self)
        return super().save(*args, **kwargs)

    def organisation_in_own_language(self):
        """The requesting organisation's profile in this request's language (or its source)."""
        organisation = self.organisation
        if organisation.locale_id == self.locale_id:
            return organisation
        return (
            OrganisationPage.objects.filter(
                translation_key=organisation.translation_key, locale_id=self.locale_id
            ).first()
            or organisation
        )

    @property
    def language_codes(self):
        return split_codes(self.languages)

    @property
    def is_open(self):
        return not self.outcome and self.deadline >= timezone.localdate()

    @property
    def requester_name(self):
        """The organisation's name, or None while the request is confidential."""
        if self.confidential or self.organisation is None:
            return None
        return self.organisation.title

    @path("offer/", name="offer")
    def offer_route(self, request):
        from ..matching.views import offer_to_supply

        return offer_to_supply(request, self)

    @path("report/", name="report")
    def report_route(self, request):
        from ..matching.views import report

        return report(request, self)

    def permissions_for_user(self, user):
        from ..matching.permissions import SourcingRequestPermissionTester

        return SourcingRequestPermissionTester(user, self)

    def structured_data(self, request=None):
        from ..matching.structured_data import demand

        return demand(self, request)


def answer_file_path(answer, filename):
    """A random name with the extension of the checked type: the supplier's file name is kept
    in `attachment_name` for display, never as a path."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"sourcing-answers/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class SupplyAnswer(models.Model):
    """A supplier's answer to a sourcing request ("offer to supply"), stored before any mail.

    The requester reads it in the admin; neither side's address is shown to the other until
    both agreed to share it.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        DECLINED = "declined", _("Declined")

    request = models.ForeignKey(
        SourcingRequestPage,
        verbose_name=_("Request"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    # Answers belong to the request, not to one of its language versions.
    request_key = models.UUIDField(editable=False, db_index=True)
    supplier_name = models.CharField(_("Organisation"), max_length=150)
    contact_name = models.CharField(_("Name"), max_length=120)
    email = models.EmailField(_("Email"))
    country = models.CharField(_("Country"), max_length=2, blank=True)
    message = models.TextField(_("Message"), max_length=5000)
    language = models.CharField(_("Language"), max_length=5, default="de")
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    # Private (glokal.storage): only the requester's editors and staff download it, through
    # a view that checks who asks; deleting the answer deletes the file (receivers.py).
    attachment = models.FileField(
        _("Attachment"),
        storage=private_storage,
        upload_to=answer_file_path,
        max_length=200,
        blank=True,
    )
    attachment_name = models.CharField(_("File name"), max_length=150, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True, editable=False)
    attachment_size = models.PositiveIntegerField(null=True, blank=True, editable=False)
    supplier_shares_address = models.BooleanField(_("Supplier shares address"), default=False)
    requester_shares_address = models.BooleanField(_("Requester shares address"), default=False)
    created_at = models.DateTimeField(_("Received"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Answer to a request")
        verbose_name_plural = _("Answers to requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.supplier_name}: {self.request}"

    def save(self, *args, **kwargs):
        if not self.request_key:
            self.request_key = self.request.translation_key
        super().save(*args, **kwargs)

    @property
    def addresses_shared(self):
        return self.supplier_shares_address and self.requester_shares_address

    @property
    def crosses_border(self):
        return bool(self.country) and self.country != self.request.organisation.country
