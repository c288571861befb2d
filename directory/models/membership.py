"""Who may edit which organisation: access records, memberships, join and claim requests."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import COUNTRIES

from ..choices import OrganisationType


class OrganisationAccess(models.Model):
    """The admin access of one organisation (all translations of its page).

    Its own Wagtail group holds the page permissions on every translation and the permissions
    on the organisation's own collection; members are the users in that group.
    """

    translation_key = models.UUIDField(_("Translation key"), unique=True, editable=False)
    page = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page in its original language; translations are included."),
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="organisation_access", editable=False
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+", editable=False
    )
    trusted = models.BooleanField(
        _("Trusted"),
        default=False,
        help_text=_("Trusted organisations publish their changes without moderation."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="directory.OrganisationMembership",
        related_name="organisation_accesses",
        blank=True,
    )

    class Meta:
        verbose_name = _("Organisation access")
        verbose_name_plural = _("Organisation access")

    def __str__(self):
        return self.page.title

    def save(self, *args, **kwargs):
        # Staff may create access from the admin by choosing a page: the group and the
        # collection follow from it.
        from django.contrib.auth.models import Group
        from wagtail.models import Collection

        self.translation_key = self.page.translation_key
        name = f"{self.page.title[:100]} [{str(self.translation_key)[:8]}]"
        if not self.group_id:
            self.group = Group.objects.create(name=f"Organisation: {name}")
        if not self.collection_id:
            self.collection = Collection.get_first_root_node().add_child(name=name)
        super().save(*args, **kwargs)

    def pages(self):
        """Every translation of the organisation's page."""
        from .organisation import OrganisationPage

        return OrganisationPage.objects.filter(translation_key=self.translation_key)


class OrganisationMembership(models.Model):
    """One person who edits one organisation's profile."""

    access = models.ForeignKey(
        OrganisationAccess,
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("User"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    created_at = models.DateTimeField(_("Since"), auto_now_add=True)

    class Meta:
        verbose_name = _("Organisation editor")
        verbose_name_plural = _("Organisation editors")
        constraints = [
            models.UniqueConstraint(fields=["access", "user"], name="directory_unique_membership")
        ]

    def __str__(self):
        return f"{self.user} – {self.access}"


class JoinRequest(models.Model):
    """A request to list a new organisation or to claim an existing one, decided by staff."""

    class Kind(models.TextChoices):
        JOIN = "join", _("New listing")
        CLAIM = "claim", _("Claim")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    kind = models.CharField(_("Kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    page = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("Organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("Organisation name"), max_length=255)
    org_type = models.CharField(
        _("Organisation type"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    country = models.CharField(_("Country"), max_length=2, choices=COUNTRIES, blank=True)
    identifier = models.CharField(_("Registration identifier"), max_length=40, blank=True)
    contact_name = models.CharField(_("Contact person"), max_length=120)
    email = models.EmailField(_("Email"))
    message = models.TextField(_("Message"), blank=True)
    language = models.CharField(_("Language"), max_length=5, default="de")
    consent_at = models.DateTimeField(_("Privacy consent given"))
    created_at = models.DateTimeField(_("Received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("Reason"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_requests",
    )

    class Meta:
        verbose_name = _("Join request")
        verbose_name_plural = _("Join requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.organisation_name}"
