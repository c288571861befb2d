"""Signal receivers of the self-service, connected when directory/signals.py is imported.

Groups, permissions and the review workflow follow pages and memberships; publishing a
revision the organisation wrote or submitted confirms its profile (and drops any expiry
date it set, see fence.py).
"""

from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import GroupApprovalTask, Task, Workflow
from wagtail.signals import page_published, workflow_approved

from ..models import DirectoryIndexPage, OrganisationPage
from ..models.membership import OrganisationAccess, OrganisationMembership
from . import fence, freshness
from .permissions import remove_group_and_collection, sync_access, sync_page_translation
from .workflow import assign_to, show_name_translated, store_name_in_english

for model in (Workflow, Task, GroupApprovalTask):
    post_init.connect(show_name_translated, sender=model)
    pre_save.connect(store_name_in_english, sender=model)


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


@receiver(post_delete, sender=OrganisationAccess)
def access_deleted(sender, instance, **kwargs):
    # Deleting the organisation's page deletes its access: nobody is left in the group.
    remove_group_and_collection(instance)


@receiver(post_save, sender=OrganisationPage)
def organisation_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        # A new translation of an organisation with editors: they may edit it too.
        sync_page_translation(instance)


@receiver(post_save, sender=DirectoryIndexPage)
def directory_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_to(instance)


@receiver(pre_save, sender=OrganisationPage)
def keep_confirmation_date(sender, instance, raw=False, **kwargs):
    # A revision carries the confirmation date of when it was saved; publishing it later
    # must not turn the clock back on a confirmation given in between.
    if not raw and instance.pk is not None:
        freshness.keep_later_confirmation(instance)


@receiver(page_published, sender=OrganisationPage)
def confirm_on_publish(sender, instance, revision, **kwargs):
    # The organisation's own editor wrote it: a trusted editor publishing, or a moderator
    # approving the submission unchanged.
    freshness.confirm_if_by_organisation(instance, revision.user)
    fence.drop_expiry_set_by_organisation(instance, revision.user)


@receiver(workflow_approved)
def confirm_on_approval(sender, instance, **kwargs):
    # The moderator may have corrected the submission before approving it: the editor who
    # submitted it still confirmed the profile.
    page = getattr(instance.content_object, "specific", None)
    if isinstance(page, OrganisationPage):
        freshness.confirm_if_by_organisation(page, instance.requested_by)
