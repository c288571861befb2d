"""The staff's outbox in the admin: every stored mail, its status and "send again"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .mailing import send_again
from .models import OutgoingMail

RESENDABLE = (OutgoingMail.Status.QUEUED, OutgoingMail.Status.FAILED)


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """View and "send again" (`outbox.resend_outgoingmail`); mails are never edited or added."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class OutboxIndexView(ModelViewSet.index_view_class):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status in RESENDABLE and self.permission_policy.user_has_permission(
            self.request.user, "resend"
        ):
            buttons.append(
                MenuItem(
                    _("Send again"),
                    url=reverse("outbox_send_again", args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class OutboxViewSet(ModelViewSet):
    """Settings → Outbox: every mail with its status, filterable, readable, sendable again."""

    model = OutgoingMail
    icon = "mail"
    menu_label = gettext_lazy("Outbox")
    menu_order = 900
    add_to_settings_menu = True
    index_view_class = OutboxIndexView
    inspect_view_enabled = True
    list_display = [
        # A plain field name first: Wagtail makes it the title column with the row's buttons.
        "subject",
        Column("recipients", label=gettext_lazy("To")),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("attempts", label=gettext_lazy("Attempts")),
        Column("last_error", label=gettext_lazy("Last error")),
        DateColumn("created_at", label=gettext_lazy("Stored")),
    ]
    list_filter = ["status", "kind"]
    search_fields = ["subject", "to"]
    search_backend_name = None
    inspect_view_fields = [
        "kind",
        "status",
        "to",
        "reply_to",
        "subject",
        "body",
        "language",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
    ]
    # ModelViewSet needs a form definition; the permission policy keeps its edit view closed.
    form_fields = ["subject"]


def send_again_view(request, pk):
    """Ask on GET, send on POST; only for staff allowed to (`outbox.resend_outgoingmail`)."""
    if not OutboxPermissionPolicy(OutgoingMail).user_has_permission(request.user, "resend"):
        raise PermissionDenied
    mail = get_object_or_404(OutgoingMail, pk=pk)
    index_url = reverse("outbox_outgoingmail:index")
    if mail.status not in RESENDABLE:
        messages.error(request, _("This mail is not waiting to be sent, so it was not sent again."))
        return redirect(index_url)
    if request.method == "POST":
        send_again(mail)
        messages.success(request, _("The mail is queued to be sent again."))
        return redirect(index_url)
    return TemplateResponse(
        request, "outbox/send_again.html", {"mail": mail, "index_url": index_url}
    )


def admin_urls():
    return [path("outbox/<int:pk>/send-again/", send_again_view, name="outbox_send_again")]
