"""API keys: issued by staff to partner websites for higher limits, revocable, usage counted."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "glk_"
# Characters of the key kept in clear so staff can tell keys apart in the list.
VISIBLE_CHARACTERS = 8


def key_digest(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True)

    def for_key(self, key):
        """The usable key record matching the secret `key`, or None."""
        if not key or len(key) > 200:
            return None
        return self.usable().filter(key_hash=key_digest(key)).first()


class ApiKey(models.Model):
    """A partner website's key to the read API: higher limits than anonymous clients.

    Only a digest of the key is stored; staff see the key once, when it is issued.
    """

    name = models.CharField(
        _("Partner"), max_length=150, help_text=_("Who uses the key, e.g. the partner's website.")
    )
    notes = models.TextField(_("Notes"), blank=True)
    rate_limit = models.PositiveIntegerField(
        _("Requests a minute"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the standard limit of keys."),
    )
    visible_part = models.CharField(_("Key starts with"), max_length=20, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("Issued"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Issued by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("Revoked"), null=True, blank=True, editable=False)
    request_count = models.PositiveBigIntegerField(_("Requests"), default=0, editable=False)
    last_used_at = models.DateTimeField(_("Last used"), null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["name", "pk"]
        permissions = [("write_through_api", _("Can write content through the API"))]

    def __str__(self):
        return f"{self.name} ({self.visible_part}…)"

    def issue(self):
        """Give the record a new secret and return it; only its digest is kept."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        self.key_hash = key_digest(key)
        self.visible_part = key[: len(KEY_PREFIX) + VISIBLE_CHARACTERS]
        return key

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def limit(self):
        return self.rate_limit or settings.API_KEY_RATE_LIMIT

    def count_use(self):
        ApiKey.objects.filter(pk=self.pk).update(
            request_count=F("request_count") + 1, last_used_at=timezone.now()
        )
