"""Best-practice stories of cross-border cooperation and their per-language index.

Sectors and regions are stored on the story as codes (newsroom.regions) rather than derived
from the involved organisations' directory profiles: a story is classified by what the
cooperation is about, which need not match every partner's profile, and the filters keep
working for partners that have no directory page. The codes are the directory's own, so a
filter link carries over between directory and stories. Countries follow from the regions.
"""

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from glokal.blocks import ImageBlock, KeyFigureBlock
from glokal.headless.content import ImageRenditionsField
from glokal.localisation.notices import translation_of_work
from glokal.models import BasePage, SectionIndexPage
from glokal.pagination import paginate
from glokal.translation import in_locale
from newsroom.regions import (
    COUNTRIES,
    REGIONS,
    SECTORS,
    country_of,
    region_choices,
    region_name,
    sector_choices,
    sector_name,
)
from newsroom.serializers import ContactListField, LinkedPageListField

from .mixins import HeroImageMixin, LinkedPagesMixin
from .news import LocalisedChoicesPageForm, with_listing_images
from .snippets import ContactPerson

STORY_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class StoryIndexPage(SectionIndexPage):
    """The best-practice stories of one language, filterable by sector, region and country."""

    subpage_types = ["newsroom.StoryPage"]
    page_size = 9

    class Meta:
        verbose_name = _("Story index")
        verbose_name_plural = _("Story indexes")

    def get_stories(self):
        return (
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-publication_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = {
            # Unknown codes are dropped: a stale or mistyped link shows all stories, not an error.
            "sector": [s for s in request.GET.getlist("sector") if s in SECTORS],
            "region": [r for r in request.GET.getlist("region") if r in REGIONS],
            "country": [c for c in request.GET.getlist("country") if c in COUNTRIES],
        }
        stories = filter_stories(self.get_stories(), **filters)
        stories = with_listing_images(stories).prefetch_related("regions", "sectors")
        page_obj = paginate(request, stories, self.page_size)
        query = [(name, value) for name, values in filters.items() for value in values]
        context.update(
            {
                "stories": page_obj,
                "page_obj": page_obj,
                "filters": filters,
                "filter_query": query,
                "sector_options": [(slug, sector_name(slug)) for slug in SECTORS],
                "region_options": [(code, region_name(code)) for code in REGIONS],
                "country_options": list(COUNTRIES.items()),
            }
        )
        return context


def filter_stories(stories, sector=(), region=(), country=()):
    """Several values of one filter are OR-ed, different filters AND-ed."""
    if sector:
        stories = stories.filter(
            pk__in=StorySector.objects.filter(sector__in=sector).values("story_id")
        )
    if region:
        stories = stories.filter(
            pk__in=StoryRegion.objects.filter(region__in=region).values("story_id")
        )
    if country:
        codes = [code for code in REGIONS if country_of(code) in country]
        stories = stories.filter(
            pk__in=StoryRegion.objects.filter(region__in=codes).values("story_id")
        )
    return stories


class StoryOrganisation(Orderable):
    """An organisation involved in a story, with its part in the cooperation."""

    story = ParentalKey(
        "newsroom.StoryPage", on_delete=models.CASCADE, related_name="organisations"
    )
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("Role in the cooperation"),
        max_length=160,
        blank=True,
        help_text=_("For example: supplier, research partner."),
    )

    panels = [
        PageChooserPanel("organisation", page_type="directory.OrganisationPage"),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Organisation involved")
        verbose_name_plural = _("Organisations involved")


class StoryRegion(Orderable):
    """A region where a story takes place (NUTS-3 code, as in the directory)."""

    story = ParentalKey("newsroom.StoryPage", on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(_("Region"), max_length=5, choices=region_choices)

    panels = [FieldPanel("region")]

    class Meta(Orderable.Meta):
        verbose_name = _("Region")
        verbose_name_plural = _("Regions")

    @property
    def name(self):
        return region_name(self.region)

    @property
    def country(self):
        return country_of(self.region)


class StorySector(Orderable):
    """A sector a story belongs to (stable slug, as in the directory)."""

    story = ParentalKey("newsroom.StoryPage", on_delete=models.CASCADE, related_name="sectors")
    sector = models.CharField(_("Sector"), max_length=60, choices=sector_choices)

    panels = [FieldPanel("sector")]

    class Meta(Orderable.Meta):
        verbose_name = _("Sector")
        verbose_name_plural = _("Sectors")

    @property
    def name(self):
        return sector_name(self.sector)


class StoryPage(LinkedPagesMixin, HeroImageMixin, BasePage):
    """A best-practice story: who worked together across the border, how, and what came of it."""

    fill_missing_translations = True

    summary = models.TextField(
        _("Summary"), help_text=_("Two or three sentences for the top of the page.")
    )
    publication_date = models.DateField(_("Publication date"), default=timezone.localdate)
    featured = models.BooleanField(
        _("Feature on the home page"),
        default=False,
        help_text=_("Featured stories are shown on the home page."),
    )
    starting_point = RichTextField(_("Starting point"), features=STORY_TEXT_FEATURES, blank=True)
    challenge = RichTextField(_("Challenge"), features=STORY_TEXT_FEATURES, blank=True)
    solution = RichTextField(_("Solution"), features=STORY_TEXT_FEATURES, blank=True)
    result = RichTextField(_("Result"), features=STORY_TEXT_FEATURES, blank=True)
    figures = StreamField([("figure", KeyFigureBlock())], verbose_name=_("Figures"), blank=True)
    quote = models.TextField(_("Quote"), blank=True)
    quote_attribution = models.CharField(_("Quote attribution"), max_length=200, blank=True)
    gallery = StreamField([("image", ImageBlock())], verbose_name=_("Images"), blank=True)
    contact_persons = ParentalManyToManyField(
        ContactPerson,
        verbose_name=_("How to do the same: contacts"),
        blank=True,
        related_name="stories",
    )

    parent_page_types = ["newsroom.StoryIndexPage"]
    subpage_types = []
    base_form_class = LocalisedChoicesPageForm
    linked_relations = (("organisations", "organisation"),)
    route_select_related = ("hero_image", "listing_image", "social_image")

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            MultiFieldPanel(
                [FieldPanel("publication_date"), FieldPanel("featured")], _("Publication")
            ),
        ]
        + HeroImageMixin.hero_panels
        + [
            InlinePanel("organisations", label=_("Organisations involved"), min_num=1),
            InlinePanel("sectors", label=_("Sectors")),
            InlinePanel("regions", label=_("Regions"), min_num=1),
            MultiFieldPanel(
                [
                    FieldPanel("starting_point"),
                    FieldPanel("challenge"),
                    FieldPanel("solution"),
                    FieldPanel("result"),
                ],
                _("Story"),
            ),
            FieldPanel("figures"),
            MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_attribution")], _("Quote")),
            FieldPanel("gallery"),
            FieldPanel("contact_persons"),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("starting_point"),
        index.SearchField("challenge"),
        index.SearchField("solution"),
        index.SearchField("result"),
        index.SearchField("quote"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("summary"),
        APIField("publication_date"),
        APIField("featured"),
        APIField("hero_image", serializer=ImageRenditionsField("fill-1600x900")),
        APIField("hero_alt_text"),
        APIField("hero_caption"),
        APIField("hero_credit"),
        APIField("starting_point"),
        APIField("challenge"),
        APIField("solution"),
        APIField("result"),
        APIField("figures"),
        APIField("quote"),
        APIField("quote_attribution"),
        APIField("gallery"),
        APIField(
            "organisations_involved",
            serializer=LinkedPageListField("organisations", "organisation"),
        ),
        APIField("sector_codes"),
        APIField("region_codes"),
        APIField("country_codes"),
        APIField("sector_list"),
        APIField("region_list"),
        APIField("contact_persons", serializer=ContactListField()),
    ]

    class Meta:
        verbose_name = _("Best-practice story")
        verbose_name_plural = _("Best-practice stories")

    @property
    def sector_codes(self):
        return [row.sector for row in self.sectors.all()]

    @property
    def region_codes(self):
        return [row.region for row in self.regions.all()]

    @property
    def sector_list(self):
        """The sectors as `{code, name}`, named in the active language."""
        return [{"code": code, "name": sector_name(code)} for code in self.sector_codes]

    @property
    def region_list(self):
        """The regions as `{code, name}`, named in the active language."""
        return [{"code": code, "name": region_name(code)} for code in self.region_codes]

    @property
    def country_codes(self):
        return sorted({country_of(code) for code in self.region_codes})

    def countries(self):
        return [COUNTRIES[code] for code in self.country_codes if code in COUNTRIES]

    def localized_contacts(self):
        return in_locale(self.contact_persons.all(), self.locale_id)

    def involved_organisations(self):
        """The organisations involved, in this page's language, with their role in the story."""
        roles = {row.organisation.translation_key: row.role for row in self.organisations.all()}
        pages = self.linked_pages("organisations", "organisation")
        return [{"page": page, "role": roles.get(page.translation_key, "")} for page in pages]

    def get_context(self, request, *args, **kwargs):
        # Organisations, places and contacts appear in the head and the body: read each once.
        self.prefetch_links()
        prefetch_related_objects([self], story_regions_prefetch(), "sectors", "contact_persons")
        context = super().get_context(request, *args, **kwargs)
        context["og_type"] = "article"
        return context

    def structured_data(self, request=None):
        """schema.org Article with the involved organisations as its subjects."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.summary,
            "inLanguage": self.text_language(),
            **translation_of_work(self, request),
            "mainEntityOfPage": self.get_full_url(request),
            "publisher": {"@type": "Organization", "name": "Glokal"},
            "about": [
                {
                    "@type": "Organization",
                    "name": item["page"].title,
                    "url": item["page"].get_full_url(request),
                }
                for item in self.involved_organisations()
            ],
        }
        data["datePublished"] = self.publication_date.isoformat()
        image = self.hero_image or self.listing_image
        if image is not None:
            data["image"] = [image.get_rendition("fill-1200x675").full_url]
        return data


def story_regions_prefetch():
    return Prefetch("regions", queryset=StoryRegion.objects.order_by("sort_order"))
