from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeReport(models.Model):
    """No table: the holder of the permission to read the programme's reporting dashboard."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_programme_report", _("Can view the programme's figures"))]
        verbose_name = _("Programme report")
