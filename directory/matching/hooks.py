"""Admin hooks of the sourcing requests, imported by directory/wagtail_hooks.py: the
requester's page of a request and the panel on organisation editors' admin home."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from ..models import RequestBoardPage, SourcingRequestPage
from ..selfservice.editor_home import page_status
from ..selfservice.permissions import accesses_for, is_organisation_editor
from . import alerts, lifecycle, views
from .forms import AlertFrequencyForm
from .matching import requests_for_organisation
from .permissions import can_manage_request


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
        path(
            "sourcing/<int:pk>/answers/<int:answer_pk>/file/",
            views.answer_file,
            name="directory_sourcing_answer_file",
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


def _matches_button(page, user):
    if isinstance(page.specific_deferred, SourcingRequestPage) and can_manage_request(
        user, page.specific_deferred
    ):
        yield Button(
            _("Matches and answers"),
            reverse("directory_sourcing_request", args=[page.pk]),
            icon_name="list-ul",
            priority=12,
        )


@hooks.register("register_page_header_buttons")
def matches_header_button(page, user, view_name, next_url=None):
    # Staff reach every request's ranked list from its page in the admin.
    yield from _matches_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def matches_listing_button(page, user, next_url=None):
    yield from _matches_button(page, user)
