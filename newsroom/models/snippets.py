"""Translatable snippets of the newsroom: topics and contact persons."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from glokal.models import TaxonomyBase
from glokal.phones import international_format, phone_uri


class Topic(TaxonomyBase):
    """A news topic such as "Events" or "Funding"; articles are filtered by it."""

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")


class ContactPerson(index.Indexed, TranslatableMixin, models.Model):
    """Someone readers can contact about an article or a story; shown in a contact box."""

    name = models.CharField(pgettext_lazy("person", "Name"), max_length=120)
    role = models.CharField(_("Role"), max_length=120, blank=True)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    phone = models.CharField(
        _("Phone"),
        max_length=40,
        blank=True,
        help_text=_("International format, e.g. +49 351 123456 or +420 353 123 456."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Contact person")
        verbose_name_plural = _("Contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def clean(self):
        super().clean()
        if not self.phone:
            return
        formatted = international_format(self.phone)
        if formatted is None:
            raise ValidationError({"phone": _("Enter a valid phone number, e.g. +49 351 123456.")})
        self.phone = formatted

    @property
    def phone_uri(self):
        return phone_uri(self.phone)

    def as_api_dict(self):
        return {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "email": self.email,
            "phone": self.phone,
        }
