"""Keeping groups, permissions and the review workflow in step with pages and memberships."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Certification, DirectoryIndexPage, OrganisationPage, Region, Sector
from .models.membership import OrganisationAccess, OrganisationMembership
from .permissions import sync_access, sync_page_translation
from .search import facetindex


@receiver(post_save, sender=OrganisationMembership)
def membership_added(sender, instance, created, **kwargs):
    instance.user.groups.add(instance.access.group)


@receiver(post_delete, sender=OrganisationMembership)
def membership_removed(sender, instance, **kwargs):
    instance.user.groups.remove(instance.access.group)


@receiver(post_save, sender=OrganisationAccess)
def access_changed(sender, instance, **kwargs):
    # "Trusted" adds or removes the publish permission.
    sync_access(instance)


@receiver(post_save, sender=OrganisationPage)
def organisation_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        # A new translation of an organisation with editors: they may edit it too.
        sync_page_translation(instance)


@receiver(post_save, sender=DirectoryIndexPage)
def directory_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .workflow import assign_to

        assign_to(instance)


# Changes that reach the facets without saving an organisation: a taxonomy deleted (its links
# go, regions are cleared by cascade) or links set directly.
for model in (Region, Sector, Certification):
    post_delete.connect(facetindex.bump_generation, sender=model, weak=False)
for link in (OrganisationPage.sectors.through, OrganisationPage.certifications.through):
    m2m_changed.connect(facetindex.bump_generation, sender=link, weak=False)
