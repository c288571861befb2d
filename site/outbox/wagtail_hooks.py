"""The outbox in the admin's settings menu, and its "send again" route."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OutgoingMail
from .views import OutboxPermissionPolicy, OutboxViewSet, admin_urls

register_permission_policy(OutgoingMail, OutboxPermissionPolicy(OutgoingMail))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet("outbox_outgoingmail", url_prefix="outbox")


@hooks.register("register_admin_urls")
def register_send_again_url():
    return admin_urls()
