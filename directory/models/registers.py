"""What public registers said about an organisation's identifiers, kept with its date."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegisterCheck(models.Model):
    """One register's answer about one identifier (IČO in ARES, VAT ID in VIES)."""

    class Register(models.TextChoices):
        ARES = "ares", _("ARES (Czech register of economic subjects)")
        VIES = "vies", _("VIES (EU VAT numbers)")

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed by the register")
        NOT_FOUND = "not_found", _("Not in the register")
        UNAVAILABLE = "unavailable", _("Register did not answer")

    # The organisation in every language, as its enquiries and memberships are.
    translation_key = models.UUIDField(editable=False, db_index=True)
    organisation_name = models.CharField(_("Organisation"), max_length=255)
    register = models.CharField(_("Register"), max_length=10, choices=Register.choices)
    identifier = models.CharField(_("Identifier"), max_length=40)
    outcome = models.CharField(_("Result"), max_length=15, choices=Outcome.choices)
    registered_name = models.CharField(_("Name in the register"), max_length=255, blank=True)
    registered_address = models.CharField(_("Address in the register"), max_length=255, blank=True)
    detail = models.CharField(_("Details"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("Checked at"), auto_now_add=True, db_index=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Register check")
        verbose_name_plural = _("Register checks")
        ordering = ["-checked_at"]
        default_permissions = ("view",)
        permissions = [("check_registers", _("Can check identifiers in public registers"))]

    def __str__(self):
        return f"{self.identifier} ({self.get_register_display()}): {self.get_outcome_display()}"
