"""What an organisation import leaves on a profile: where it came from and what it wrote."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecordMixin(models.Model):
    """An organisation created or updated from a chamber's or partner's list.

    `imported_values` keeps each value as the last import wrote it: a later import changes a
    field only while it still holds that value, so what an organisation edited itself stays.
    """

    import_source = models.CharField(
        _("Imported from"),
        max_length=120,
        blank=True,
        editable=False,
        help_text=_("The list this organisation was imported from, e.g. “IHK Dresden 2026”."),
    )
    imported_values = models.JSONField(editable=False, default=dict, blank=True)

    class Meta:
        abstract = True
