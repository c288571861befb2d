"""Site-wide page types, the mixins every page is built from, and the translatable footer."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from glokal.headless.content import ImageRenditionsField

from .blocks import PageBodyBlock, PartnerBlock
from .localisation.status import source_copy_languages
from .page_meta import PageMetaMixin
from .request_memo import (
    MemoisedPageManager,
    active_locale,
    all_rows,
    default_locale,
    in_request,
    memoised,
)
from .routing import RoutedPageMixin
from .search.indexed import SiteSearchMixin
from .translation import localise_relations


class SocialMediaMixin(models.Model):
    """Open Graph fields: what a shared link to the page shows on social networks."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; 1200 × 630 pixels work best."),
    )
    social_text = models.CharField(
        _("Social media text"),
        max_length=255,
        blank=True,
        help_text=_("Short text for shared links; the search description is used when empty."),
    )

    promote_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], _("Social media"))
    ]

    class Meta:
        abstract = True

    def get_social_text(self):
        return self.social_text or getattr(self, "search_description", "")


class ListingMixin(models.Model):
    """Fields that present the page in listings and teasers, separate from its own heading."""

    listing_title = models.CharField(
        _("Listing title"),
        max_length=255,
        blank=True,
        help_text=_("Replaces the page title in listings and teasers."),
    )
    listing_summary = models.CharField(
        _("Listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for listings and teasers."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            _("Listings"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title


class BasePage(
    PageMetaMixin, SiteSearchMixin, RoutedPageMixin, SocialMediaMixin, ListingMixin, Page
):
    """The abstract base of every page type: SEO, social and listing fields, sitemap alternates.

    Pages are routed and their view restrictions checked with a fixed number of queries
    (see routing.py and request_memo.py).
    """

    show_in_menus_default = False
    # Cross-border content (glokal.localisation): where `fill_missing_translations` is set
    # (profiles, news, stories, events), publishing a page in its source language creates its
    # missing language versions, in the source text or machine-translated, so no visitor
    # misses it; where `sync_translations_on_publish` is set, its existing translations follow
    # every change at once (elsewhere "Sync translated pages" does it in one click).
    fill_missing_translations = False
    sync_translations_on_publish = False

    objects = MemoisedPageManager()

    promote_panels = (
        Page.promote_panels + ListingMixin.promote_panels + SocialMediaMixin.promote_panels
    )
    search_fields = Page.search_fields + [index.SearchField("site_search_text")]

    api_fields = [
        APIField("listing_title"),
        APIField("listing_summary"),
        APIField("social_text"),
        APIField("social_image", serializer=ImageRenditionsField("fill-1200x630")),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.locale_id:
            localise_relations(self)
        return super().save(*args, **kwargs)

    def get_translations_for_links(self):
        """Live translations of this page, including itself, in the order of LANGUAGES;
        a language version that only repeats the source's text is no translation."""
        copies = source_copy_languages(self)
        pages = {
            page.locale.language_code: page
            for page in Page.objects.filter(translation_key=self.translation_key)
            .live()
            .public()
            .select_related("locale")
            if page.locale.language_code not in copies
        }
        return [pages[code] for code, _name in settings.LANGUAGES if code in pages]

    def get_sitemap_urls(self, request=None):
        alternates = [
            {"lang_code": page.locale.language_code, "location": page.get_full_url(request)}
            for page in self.get_translations_for_links()
        ]
        return [
            {
                "location": self.get_full_url(request),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
                "alternates": alternates if len(alternates) > 1 else [],
            }
        ]


class SectionIndexPage(BasePage):
    """The listing page of one section (news, stories, events, directory) in one language.

    Each home page holds at most one of each kind, so there is one per content language.
    """

    introduction = models.TextField(_("Introduction"), blank=True)

    parent_page_types = ["glokal.HomePage"]
    max_count_per_parent = 1
    max_count = len(settings.WAGTAIL_CONTENT_LANGUAGES)
    # Sections belong in the main navigation unless an editor takes them out.
    show_in_menus_default = True

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    class Meta:
        abstract = True


class TaxonomyManager(models.Manager):
    """Answers chooser blocks, which ask for taxonomy rows by id, from the request's rows."""

    def in_bulk(self, id_list=None, *, field_name="pk"):
        # Only the model's own manager: related managers derived from it filter by relation.
        whole_table = self is self.model._default_manager
        if id_list is None or field_name != "pk" or not whole_table or not in_request():
            return super().in_bulk(id_list, field_name=field_name)
        rows = {row.pk: row for row in all_rows(self.model)}
        if not all(pk in rows for pk in id_list):
            return super().in_bulk(id_list, field_name=field_name)
        return {pk: rows[pk] for pk in id_list}


class TaxonomyBase(TranslatableMixin, index.Indexed, models.Model):
    """Shared base of every taxonomy (regions, sectors, certifications, topics).

    The name is translated; the slug and the order are the same in every language, so search
    filters and API parameters that use the slug work whatever the visitor's language.
    Taxonomies are small: a request reads each one whole, once, for every label it shows.
    """

    name = models.CharField(_("Name"), max_length=150)
    slug = models.SlugField(
        _("Slug"),
        max_length=100,
        help_text=_("Used in search filters and the API; the same in every language."),
    )
    sort_order = models.IntegerField(_("Sort order"), default=0)

    objects = TaxonomyManager()
    memoise_rows_per_request = True

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="%(app_label)s_%(class)s_unique_slug_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def facet_value(self):
        """The value that selects this entry in search filters."""
        return self.slug

    def clean(self):
        super().clean()
        model = type(self)
        # The admin form has no locale field, so the database constraint on (slug, locale)
        # would surface as a server error; check it here to give the editor a message.
        same_slug = model.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.locale_id and same_slug.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("This slug is already used in this language.")})
        other_translations = model.objects.filter(translation_key=self.translation_key)
        if (
            self.translation_key
            and other_translations.exclude(pk=self.pk).exclude(slug=self.slug).exists()
        ):
            raise ValidationError(
                {"slug": _("Translations share one slug; use the slug of the other languages.")}
            )


class HomePage(BasePage):
    """The start page of one language; every other page lives below it."""

    hero_title = models.CharField(_("Hero title"), max_length=160)
    hero_text = models.TextField(_("Hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(PageBodyBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    # One home page per content language.
    max_count = len(settings.WAGTAIL_CONTENT_LANGUAGES)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            _("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageRenditionsField("fill-1600x700")),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")


class StandardPage(BasePage):
    """A content page: about the project, partners, imprint, privacy."""

    introduction = models.TextField(_("Introduction"), blank=True)
    body = StreamField(PageBodyBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["glokal.HomePage", "glokal.StandardPage"]
    subpage_types = ["glokal.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("body")]

    class Meta:
        verbose_name = _("Standard page")
        verbose_name_plural = _("Standard pages")


class FooterSettings(TranslatableMixin, models.Model):
    """Footer of every page in one language: partners and the EU funding notice.

    A translatable snippet rather than a Wagtail site setting, because site settings exist once
    per site while the footer needs one version per language that wagtail-localize can sync.
    """

    about_text = models.TextField(_("About the platform"), blank=True)
    partners = StreamField([("partner", PartnerBlock())], verbose_name=_("Partners"), blank=True)
    funding_notice = models.CharField(
        _("Funding notice"), max_length=200, default="Co-funded by the European Union"
    )
    programme_name = models.CharField(
        _("Programme"), max_length=200, default="Interreg Sachsen – Česko 2021–2027"
    )
    funding_text = RichTextField(
        _("Funding details"), blank=True, features=["bold", "italic", "link"]
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Imprint page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Accessibility statement"),
        help_text=_("Required of public bodies by the EU Web Accessibility Directive."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("about_text"),
        FieldPanel("partners"),
        MultiFieldPanel(
            [
                FieldPanel("funding_notice"),
                FieldPanel("programme_name"),
                FieldPanel("funding_text"),
            ],
            _("EU funding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            _("Legal pages"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Footer and funding notice")
        verbose_name_plural = _("Footer and funding notice")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale})"

    def clean(self):
        super().clean()
        others = FooterSettings.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("There is already a footer for this language; edit that one."))

    @classmethod
    def for_active_locale(cls):
        """The footer in the visitor's language, or the default language's when untranslated."""
        footers = memoised(
            "footers",
            lambda: {
                footer.locale_id: footer
                for footer in cls.objects.select_related(
                    "locale",
                    "imprint_page__locale",
                    "privacy_page__locale",
                    "accessibility_page__locale",
                )
            },
        )
        if not footers:
            return None
        active = active_locale()
        if active is not None and active.pk in footers:
            return footers[active.pk]
        return footers.get(default_locale().pk) or next(iter(footers.values()))
