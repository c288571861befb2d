"""Form tokens already used: a public form's token creates something once, however often sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """The first submission of a form token and what it created (an enquiry batch, a request).

    Stored in the transaction of what the form creates, so a submission that fails frees its
    token again, and a second submission of the same token (a double click, a replaying bot)
    finds this row and creates nothing.
    """

    token_digest = models.CharField(max_length=64, unique=True)
    form = models.CharField(_("Form"), max_length=20)
    outcome = models.CharField(_("Outcome"), max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Form submission")
        verbose_name_plural = _("Form submissions")

    def __str__(self):
        return f"{self.form} {self.created_at:%Y-%m-%d %H:%M}"
