"""What an organisation import leaves on a profile: where it came from and what it wrote."""

from django.conf import settings
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


class OrganisationImport(models.Model):
    """One uploaded list: checked first (the dry run), then imported in the background."""

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, not imported yet")
        QUEUED = "queued", _("Waiting to run")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("Uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("File"), max_length=255)
    # The file itself, kept with its import (not in public media): chamber lists name people.
    data = models.BinaryField()
    source = models.CharField(_("Imported from"), max_length=120)
    publish = models.BooleanField(_("Publish new organisations"), default=False)
    mapping = models.JSONField(default=dict)  # column position (as text) → layout key
    ignored_columns = models.JSONField(default=list)  # headers of the file's other columns
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.CHECKED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict)
    outcomes = models.JSONField(default=list)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("organisation import")
        verbose_name_plural = _("organisation imports")
        permissions = [
            ("export_organisations", _("Can export the directory")),
            ("export_personal_data", _("Can export contact persons with the directory")),
        ]

    def __str__(self):
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def position_mapping(self):
        return {int(position): key for position, key in self.mapping.items()}

    @position_mapping.setter
    def position_mapping(self, mapping):
        self.mapping = {str(position): key for position, key in mapping.items()}  # JSON keys

    @property
    def percent_done(self):
        return round(100 * self.processed_rows / self.total_rows) if self.total_rows else 100
