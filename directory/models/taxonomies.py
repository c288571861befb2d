"""The directory's taxonomies: regions, sectors and certifications, translatable snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from glokal.models import TaxonomyBase as Taxonomy


class Region(Taxonomy):
    """A NUTS-3 region; the twelve of the Saxon–Czech programme area are marked as such."""

    code = models.CharField(
        _("NUTS-3 code"),
        max_length=5,
        help_text=_("For example DED2D (Görlitz) or CZ042 (Ústí nad Labem Region)."),
    )
    country = models.CharField(_("Country"), max_length=2)
    in_project_area = models.BooleanField(_("In the programme area"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("slug"),
        FieldPanel("country"),
        FieldPanel("in_project_area"),
        FieldPanel("sort_order"),
    ]
    search_fields = Taxonomy.search_fields + [
        index.SearchField("code"),
        index.AutocompleteField("code"),
        index.FilterField("country"),
        index.FilterField("in_project_area"),
    ]
    translatable_fields = Taxonomy.translatable_fields + [
        SynchronizedField("code"),
        SynchronizedField("country"),
        SynchronizedField("in_project_area"),
    ]

    class Meta(Taxonomy.Meta):
        verbose_name = _("Region")
        verbose_name_plural = _("Regions")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def facet_value(self):
        return self.code


class Sector(Taxonomy):
    """An industry of the region, with the NACE Rev. 2 codes it covers."""

    nace_codes = models.CharField(
        _("NACE codes"),
        max_length=100,
        blank=True,
        help_text=_("NACE Rev. 2 codes, separated by commas, for example C28, C29.3."),
    )

    panels = Taxonomy.panels + [FieldPanel("nace_codes")]
    translatable_fields = Taxonomy.translatable_fields + [SynchronizedField("nace_codes")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("Sector")
        verbose_name_plural = _("Sectors")


class Certification(Taxonomy):
    """A management-system or product certification such as ISO 9001."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("Certification")
        verbose_name_plural = _("Certifications")
