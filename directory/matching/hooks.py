"""Admin hooks of the sourcing requests, imported by directory/wagtail_hooks.py: the
requester's page of a request and the panel on organisation editors' admin home."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from ..models import RequestBoardPage, SourcingRequestPage
from ..selfservice.editor_home import page_status
from ..selfservice.permissions import accesses_for, is_organisation_editor
from . import alerts, lifecycle, views
from .forms import AlertFrequencyForm
from .matching import requests_for_organisation


@hooks.register("register_admin_urls")
def register_sourcing_urls():
    return [
        path("sourcing/<int:pk>/", views.request_detail, name="directory_sourcing_request"),
        path("sourcing/<int:pk>/close/", views.close_request, name="directory_sourcing_close"),
        path(
            "sourcing/alerts/<int:access_pk>/",
            views.alert_frequency,
            name="directory_sourcing_alerts",
        ),
        path(
            "sourcing/<int:pk>/answers/<int:answer_pk>/",
            views.answer_action,
            name="directory_sourcing_answer",
        ),
    ]


class SourcingPanel(Component):
    """Per organisation: its requests with their state, a link to write one, and the open
    requests of others that fit its offers."""

    name = "directory_sourcing"
    template_name = "directory/sourcing/admin/home_panel.html"
    order = 20

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        organisations = []
        for access in accesses_for(self.request.user):
            source = access.page
            board = RequestBoardPage.objects.filter(locale_id=source.locale_id).first()
            own = SourcingRequestPage.objects.filter(
                organisation__translation_key=source.translation_key,
                locale_id=source.locale_id,
            ).order_by("-pk")
            organisations.append(
                {
                    "page": source,
                    "add_url": reverse(
                        "wagtailadmin_pages:add",
                        args=["directory", "sourcingrequestpage", board.pk],
                    )
                    if board
                    else None,
                    "requests": [
                        {
                            "page": request_page,
                            "status": _("Closed")
                            if request_page.outcome
                            else page_status(request_page)[1],
                            "edit_url": reverse("wagtailadmin_pages:edit", args=[request_page.pk]),
                            "detail_url": reverse(
                                "directory_sourcing_request", args=[request_page.pk]
                            ),
                            "answer_count": lifecycle.answers_to(request_page).count(),
                        }
                        for request_page in own
                    ],
                    "fitting": requests_for_organisation(source, limit=5),
                    "alerts_url": reverse("directory_sourcing_alerts", args=[access.pk]),
                    "alerts_form": AlertFrequencyForm(
                        initial={"frequency": alerts.setting_for(access.translation_key).frequency},
                        auto_id=f"alerts-{access.pk}-%s",
                    ),
                }
            )
        return {
            "organisations": organisations,
            "request": self.request,
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_sourcing_panel(request, panels):
    if is_organisation_editor(request.user):
        panels.append(SourcingPanel(request))
