"""One profile page per organisation, written in its own language and translated."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from glokal.headless.content import ImageRenditionsField
from glokal.models import BasePage
from glokal.vocabularies import COUNTRIES

from .. import validators
from ..blocks import OfferStreamBlock, SeekStreamBlock
from ..choices import OrganisationType, SizeBand
from ..fields import CountryListField, LanguageListField
from .imports import ImportedRecordMixin
from .profile import OrganisationProfileMixin
from .structured_data import OrganisationStructuredDataMixin


class OrganisationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # The contact forms are validated after this form: tell them the country to read
        # national phone numbers in.
        for form in self.formsets["contacts"].forms if "contacts" in self.formsets else []:
            form.instance.organisation_country = cleaned_data.get("country")
        return cleaned_data


class OrganisationPage(
    OrganisationProfileMixin,
    OrganisationStructuredDataMixin,
    ImportedRecordMixin,
    RoutablePageMixin,
    BasePage,
):
    """The profile of one company or institution: who it is, what it offers and seeks."""

    base_form_class = OrganisationPageForm
    # In every language at once, following every change of its source (glokal.localisation).
    fill_missing_translations = sync_translations_on_publish = True
    translation_notice_noun = "profile"

    legal_form = models.CharField(
        _("Legal form"), max_length=60, blank=True, help_text=_("For example GmbH, s.r.o., e. V.")
    )
    org_type = models.CharField(
        _("Organisation type"), max_length=20, choices=OrganisationType.choices
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.CharField(
        _("Summary"), max_length=300, help_text=_("One or two sentences, shown in search results.")
    )
    description = RichTextField(
        _("Description"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"]
    )

    street_address = models.CharField(_("Street and number"), max_length=150, blank=True)
    postal_code = models.CharField(_("Postal code"), max_length=12, blank=True)
    city = models.CharField(_("City"), max_length=100)
    country = models.CharField(_("Country"), max_length=2, choices=COUNTRIES, default="DE")
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("NUTS-3 region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for organisations outside the listed regions."),
    )
    latitude = models.DecimalField(
        _("Latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("Longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    ico = models.CharField(
        _("IČO"),
        max_length=12,
        blank=True,
        validators=[validators.validate_ico],
        help_text=_("Czech company identification number: eight digits."),
    )
    register_court = models.CharField(
        _("Register court"),
        max_length=80,
        blank=True,
        help_text=_(
            "German organisations: the local court keeping the register, e.g. Amtsgericht Dresden."
        ),
    )
    register_number = models.CharField(
        _("Register number"),
        max_length=20,
        blank=True,
        validators=[validators.validate_german_register_number],
        help_text=_("German organisations: HRA or HRB and the number, e.g. HRB 12345."),
    )
    vat_id = models.CharField(
        _("VAT ID"),
        max_length=16,
        blank=True,
        validators=[validators.validate_vat_id],
        help_text=_("With the country prefix: DE and nine digits, or CZ and eight to ten digits."),
    )

    sectors = ParentalManyToManyField("directory.Sector", verbose_name=_("Sectors"), blank=True)
    offers = StreamField(
        OfferStreamBlock(),
        verbose_name=_("Offers"),
        blank=True,
        help_text=_("Products and services the organisation offers."),
    )
    seeks = StreamField(
        SeekStreamBlock(),
        verbose_name=_("Looking for"),
        blank=True,
        help_text=_(
            "Suppliers, cooperation partners, investors or skilled workers it is looking for."
        ),
    )
    certifications = ParentalManyToManyField(
        "directory.Certification", verbose_name=_("Certifications"), blank=True
    )
    size = models.CharField(
        _("Number of employees"), max_length=10, choices=SizeBand.choices, blank=True
    )
    founded = models.PositiveSmallIntegerField(
        _("Founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1500), MaxValueValidator(2100)],
    )
    languages = LanguageListField(_("Languages spoken"))
    export_countries = CountryListField(_("Export countries"))
    website = models.URLField(_("Website"), blank=True)
    last_confirmed = models.DateField(
        _("Last confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Set when the organisation confirms its profile or a revision it wrote is published."
        ),
    )

    # Derived on save for backend-neutral full-text search: normalised tokens (see
    # search/analysis.py).
    search_tokens = models.TextField(editable=False, blank=True, default="")
    title_tokens = models.TextField(editable=False, blank=True, default="")
    offer_tokens = models.TextField(editable=False, blank=True, default="")
    text_tokens = models.TextField(editable=False, blank=True, default="")
    sort_title = models.CharField(editable=False, max_length=255, blank=True, default="")
    is_seeking = models.BooleanField(editable=False, default=False, db_index=True)
    # Copies of the page's locale and live flag, kept in step on every save, so that search
    # and facet counting read one table instead of joining the whole page tree.
    listed_locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    listed_live = models.BooleanField(editable=False, default=False)
    search_updated_at = models.DateTimeField(editable=False, null=True)

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    route_select_related = ("logo", "region")

    # Codes, identifiers and addresses are the same in every language: wagtail-localize
    # copies them instead of offering them to translators.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "legal_form",
            "street_address",
            "postal_code",
            "ico",
            "register_court",
            "register_number",
            "vat_id",
            "languages",
            "export_countries",
            "website",
        )
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("org_type"), FieldPanel("legal_form")]),
                FieldPanel("logo"),
                FieldPanel("summary"),
                FieldPanel("description"),
            ],
            _("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            _("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ico"),
                FieldRowPanel([FieldPanel("register_court"), FieldPanel("register_number")]),
                FieldPanel("vat_id"),
            ],
            pgettext_lazy("company register", "Registration"),
        ),
        FieldPanel("sectors"),
        FieldPanel("offers"),
        FieldPanel("seeks"),
        MultiFieldPanel(
            [
                FieldPanel("certifications"),
                FieldRowPanel([FieldPanel("size"), FieldPanel("founded")]),
                FieldPanel("languages"),
                FieldPanel("export_countries"),
            ],
            _("Facts"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), InlinePanel("contacts", label=_("Contact persons"))],
            _("Contact"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("search_tokens"),
        index.AutocompleteField("city"),
        index.FilterField("country"),
        index.FilterField("org_type"),
        index.FilterField("size"),
        index.FilterField("region_id"),
        index.FilterField("is_seeking"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("legal_form"),
        APIField("org_type"),
        APIField("logo", serializer=ImageRenditionsField("max-400x400")),
        APIField("summary"),
        APIField("description"),
        APIField("street_address"),
        APIField("postal_code"),
        APIField("city"),
        APIField("country"),
        APIField("region_info"),
        APIField("in_project_area"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("ico"),
        APIField("register_court"),
        APIField("register_number"),
        APIField("vat_id"),
        APIField("sector_list"),
        APIField("offers"),
        APIField("seeks"),
        APIField("certification_list"),
        APIField("size"),
        APIField("founded"),
        APIField("language_codes"),
        APIField("export_country_codes"),
        APIField("website"),
        APIField("public_contacts"),
        APIField("last_confirmed"),
    ]

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisations")
        indexes = [
            models.Index(
                fields=["listed_locale", "listed_live", "search_updated_at"],
                name="directory_org_listing_idx",
            ),
            # PostgreSQL answers the facet counts from this index alone (an index-only scan
            # instead of reading 50,000 wide rows); other databases skip covering indexes.
            models.Index(
                fields=["listed_locale", "listed_live"],
                include=[
                    "page_ptr",
                    "country",
                    "region",
                    "org_type",
                    "size",
                    "languages",
                    "is_seeking",
                    "last_confirmed",
                ],
                name="directory_org_facets_idx",
            ),
        ]

    # Validation: field-level messages for identifiers that do not fit the country.

    def clean(self):
        super().clean()
        errors = validators.identifier_errors(
            self.country,
            ico=self.ico,
            register_court=self.register_court,
            register_number=self.register_number,
            vat_id=self.vat_id,
        )
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Enter both coordinates or neither."
            )
        if self.founded and self.founded > timezone.localdate().year:
            errors["founded"] = _("The founding year cannot be in the future.")
        if errors:
            raise ValidationError(errors)
        # Store identifiers in one canonical spelling so they can be compared.
        self.ico = validators.compact(self.ico)
        self.vat_id = validators.compact(self.vat_id)
        self.register_number = validators.canonical_register_number(self.register_number)

    def save(self, *args, **kwargs):
        if not self.locale_id:
            # Wagtail sets it in super().save(), but the tokens need the language first.
            self.locale = self.get_default_locale()
        partial = kwargs.get("update_fields")
        if partial is None or not set(partial).isdisjoint(self.SEARCHED_FIELDS):
            self.refresh_search_fields()  # revision bookkeeping keeps the published tokens
        self.listed_locale_id, self.listed_live = self.locale_id, self.live
        self.search_updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = self.fields_to_write(kwargs["update_fields"])
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None or "search_tokens" in kwargs["update_fields"]:
            from ..search import indexing

            indexing.spread_to_language_versions(self)

    DERIVED_FIELDS = (
        "search_tokens",
        "title_tokens",
        "offer_tokens",
        "text_tokens",
        "sort_title",
        "is_seeking",
        "listed_locale",
        "listed_live",
        "search_updated_at",
    )
    # What the search reads of the page's text, and what it derives from that text.
    SEARCHED_FIELDS = (
        "title",
        "summary",
        "description",
        "city",
        "offers",
        "seeks",
        "sectors",
        "certifications",
        "region",
    )
    SEARCH_DATA_FIELDS = (
        "search_tokens",
        "title_tokens",
        "offer_tokens",
        "text_tokens",
        "sort_title",
        "is_seeking",
    )

    def fields_to_write(self, update_fields):
        """The columns a partial save writes: `update_fields` and the fields derived from them.
        The page row holds the published text; a draft revision is saved with update_fields
        naming only Wagtail's revision bookkeeping, so the search data keeps describing the
        published text until a revision is published (a full save of its content).
        """
        fields = set(update_fields) | set(self.DERIVED_FIELDS)
        if fields.isdisjoint(self.SEARCHED_FIELDS):
            fields.difference_update(self.SEARCH_DATA_FIELDS)
        return fields

    def refresh_search_fields(self):
        """Recompute the normalised search tokens and the "seeking partners" flag.
        Only saves that write the text store the result (see fields_to_write).
        """
        # The one thing the models take from the search: its indexing, which reads the page
        # and its taxonomies. Imported here because the search package as a whole is built
        # on these models.
        from ..search import analysis, indexing

        for field, tokens in indexing.search_data(self, self.text_language()).items():
            setattr(self, field, tokens)
        self.search_tokens = (
            indexing.merged_tokens(self.text_tokens, indexing.language_versions(self))
            if self.translation_key
            else self.text_tokens
        )
        self.sort_title = analysis.fold(self.title)[:255]
        self.is_seeking = len(self.seeks) > 0

    def site_search_text(self):
        # The site-wide search reads `search_tokens`, the directory's own analysed text.
        return ""

    def get_context(self, request, *args, **kwargs):
        # The profile and its JSON-LD both list these: read each once.
        prefetch_related_objects([self], "sectors", "certifications", "contacts")
        return super().get_context(request, *args, **kwargs)

    @path("claim/", name="claim")
    def claim_route(self, request):
        from ..selfservice.views import claim

        return claim(request, self)

    def permissions_for_user(self, user):
        # Its editors may edit the profile but never delete, unpublish or move it.
        from ..selfservice.fence import OrganisationPagePermissionTester

        return OrganisationPagePermissionTester(user, self)
