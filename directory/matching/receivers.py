"""Signal receivers of the sourcing requests (connected by directory/signals.py).

A new request board joins the "Directory review" workflow and every organisation's group may
write requests on it; every language version of a closed request stays closed.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..models import RequestBoardPage
from ..models.membership import OrganisationAccess
from ..selfservice.permissions import sync_access
from ..selfservice.workflow import assign_to


@receiver(post_save, sender=RequestBoardPage)
def request_board_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_to(instance)
        for access in OrganisationAccess.objects.select_related("group", "collection"):
            sync_access(access)
