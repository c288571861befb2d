"""Small mixins the newsroom's pages share: linked pages and the hero image."""

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from glokal.request_memo import is_public, public


class LinkedPagesMixin:
    """Resolves inline links to other pages (organisations, events) into the page's language.

    `linked_relations` names the inline relations and the field of each that holds the page;
    `prefetch_links()` reads them all (with their pages) in one query per relation.
    """

    linked_relations = ()

    def prefetch_links(self):
        prefetch_related_objects(
            [self],
            *(
                Prefetch(
                    relation,
                    queryset=self._meta.get_field(relation).related_model.objects.select_related(
                        attribute
                    ),
                )
                for relation, attribute in self.linked_relations
            ),
        )

    def linked_pages(self, relation, attribute):
        """Live pages linked through `relation`, each in this page's language when translated.

        Links may point at a page of another language (editors pick whatever the chooser shows),
        so the translation is looked up by translation key; untranslated pages are kept as they are.
        Links already in this page's language need no lookup: they are checked as they are.
        """
        resolved = self.__dict__.setdefault("_linked_pages", {})
        if relation not in resolved:
            resolved[relation] = self._resolve_links(relation, attribute)
        return resolved[relation]

    def _resolve_links(self, relation, attribute):
        targets = [getattr(row, attribute) for row in getattr(self, relation).all()]
        targets = [page for page in targets if page is not None]
        if not targets:
            return []
        keys = [page.translation_key for page in targets]
        if all(page.locale_id == self.locale_id for page in targets):
            visible = [page for page in targets if page.live and is_public(page)]
            return list({page.translation_key: page for page in visible}.values())
        candidates = public(
            Page.objects.live().filter(translation_key__in=keys).select_related("locale")
        )
        target_ids = {page.pk for page in targets}
        by_key = {}
        for candidate in candidates:
            if candidate.locale_id == self.locale_id:
                by_key[candidate.translation_key] = candidate
            elif candidate.pk in target_ids:
                by_key.setdefault(candidate.translation_key, candidate)
        return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]


class HeroImageMixin(models.Model):
    """A large image at the top of the page with its caption and photo credit."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("Alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    hero_caption = models.CharField(_("Caption"), max_length=255, blank=True)
    hero_credit = models.CharField(
        _("Photo credit"), max_length=120, blank=True, help_text=_('For example "Foto: Glokal".')
    )

    hero_panels = [
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            _("Hero image"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_image(self):
        return self.listing_image or self.hero_image
