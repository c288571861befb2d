"""The contact persons of an organisation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail_localize.fields import SynchronizedField

from glokal.phones import international_format, phone_uri

from .. import validators
from ..fields import LanguageListField
from .organisation import OrganisationPage


class OrganisationContact(Orderable):
    """A contact person of an organisation; the email address is kept but never published."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(pgettext_lazy("person", "Name"), max_length=120)
    role = models.CharField(_("Role"), max_length=120, blank=True)
    email = models.EmailField(
        _("Email"),
        blank=True,
        help_text=_("Not shown on the website; enquiries are forwarded to it."),
    )
    phone = models.CharField(
        _("Phone"),
        max_length=20,
        blank=True,
        help_text=_("With the country code, for example +49 351 1234567; stored as E.164."),
    )
    languages = LanguageListField(_("Languages"))

    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("phone"),
        SynchronizedField("languages"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("languages"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Contact person")
        verbose_name_plural = _("Contact persons")

    def __str__(self):
        return self.name

    @property
    def readable_phone(self):
        """The stored E.164 number grouped as people read it, as the newsroom shows its contacts."""
        return international_format(self.phone) or self.phone

    @property
    def phone_uri(self):
        return phone_uri(self.phone)

    def clean(self):
        super().clean()
        if self.phone:
            # Numbers without a country code are read as numbers of the organisation's country,
            # which the admin form hands over (the inline form has no page yet when adding).
            country = getattr(self, "organisation_country", None)
            if not country:
                try:
                    country = self.page.country
                except OrganisationPage.DoesNotExist:
                    country = "DE"
            try:
                self.phone = validators.normalise_phone(self.phone, country)
            except ValidationError as exc:
                raise ValidationError({"phone": exc.messages}) from exc
