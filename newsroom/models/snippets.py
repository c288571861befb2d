"""Translatable snippets of the newsroom: topics and contact persons."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class TaxonomyBase(TranslatableMixin, models.Model):
    """A translatable taxonomy term: a name per language, one slug shared by all languages.

    The slug is what filters and API parameters use, so it is synchronised, not translated.
    """

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Slug"),
        max_length=100,
        help_text=_("The same in every language; used in addresses, filters and the API."),
    )
    sort_order = models.IntegerField(_("Sort order"), default=0)

    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        model = type(self)
        # The admin form has no locale field, so the database constraint on (slug, locale)
        # would surface as a server error; check it here to give the editor a message.
        if (
            self.locale_id
            and model.objects.filter(locale_id=self.locale_id, slug=self.slug)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"slug": _("This slug is already used in this language.")})
        if (
            self.translation_key
            and model.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .exclude(slug=self.slug)
            .exists()
        ):
            raise ValidationError(
                {"slug": _("Translations share one slug; use the slug of the other languages.")}
            )


class Topic(TaxonomyBase):
    """A news topic such as "Events" or "Funding"; articles are filtered by it."""

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="newsroom_topic_slug_locale")
        ]


class ContactPerson(index.Indexed, TranslatableMixin, models.Model):
    """Someone readers can contact about an article or a story; shown in a contact box."""

    name = models.CharField(_("Name"), max_length=120)
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
        try:
            # Without a leading + the number is read as German, the programme's default language.
            number = phonenumbers.parse(self.phone, "DE")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError({"phone": _("Enter a valid phone number, e.g. +49 351 123456.")})
        self.phone = phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )

    @property
    def phone_uri(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    def as_api_dict(self):
        return {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "email": self.email,
            "phone": self.phone,
        }
