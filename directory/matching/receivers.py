"""Signal receivers of the sourcing requests (connected by directory/signals.py).

A new request board joins the "Directory review" workflow and every organisation's group may
write requests on it; publishing a request or a profile matches again in the background and
alerts the organisations that fit (alerts.py); a deleted answer takes its file with it.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from ..models import OrganisationPage, RequestBoardPage, SourcingRequestPage
from ..models.membership import OrganisationAccess
from ..models.sourcing import SupplyAnswer
from ..selfservice.permissions import sync_access
from ..selfservice.workflow import assign_to
from . import alerts


@receiver(post_save, sender=RequestBoardPage)
def request_board_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_to(instance)
        for access in OrganisationAccess.objects.select_related("group", "collection"):
            sync_access(access)


@receiver(page_published, sender=SourcingRequestPage)
def request_published(sender, instance, **kwargs):
    alerts.requests_published(instance)


@receiver(page_published, sender=OrganisationPage)
def profile_published(sender, instance, **kwargs):
    # Matching all open requests again runs in the background (django-tasks).
    alerts.profile_published(instance)


@receiver(post_delete, sender=SupplyAnswer)
def answer_deleted(sender, instance, **kwargs):
    # After the commit: a deletion rolled back must not have lost the file.
    if instance.attachment:
        file = instance.attachment
        transaction.on_commit(lambda: file.delete(save=False))
