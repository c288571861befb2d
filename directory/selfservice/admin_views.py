"""Admin views of the self-service: request decisions, invitations, "still current", privacy."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models.membership import JoinRequest, OrganisationAccess
from . import accounts, freshness
from .forms import DecisionForm, DeleteAccountForm, InviteEditorForm
from .join import approve, reject
from .permissions import is_directory_staff, user_can_edit_organisation

# Requests.


def _require_staff(request):
    if not is_directory_staff(request.user):
        raise PermissionDenied


def requests_index(request):
    _require_staff(request)
    status = request.GET.get("status", JoinRequest.Status.PENDING)
    if status not in JoinRequest.Status.values:
        status = JoinRequest.Status.PENDING
    join_requests = JoinRequest.objects.filter(status=status).select_related("page", "decided_by")
    return render(
        request,
        "directory/selfservice/admin/requests_index.html",
        {
            "page_title": _("Join and claim requests"),
            "header_icon": "user",
            "join_requests": join_requests[:200],
            "status": status,
            "statuses": JoinRequest.Status.choices,
        },
    )


def request_decide(request, pk):
    _require_staff(request)
    join_request = get_object_or_404(JoinRequest, pk=pk)
    if join_request.status != JoinRequest.Status.PENDING:
        messages.warning(request, _("This request has already been decided."))
        return redirect("directory_requests")
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if join_request.page is None:
            form.add_error(None, _("The organisation's page no longer exists."))
        elif form.cleaned_data["decision"] == "approve":
            approve(join_request, request.user)
            messages.success(
                request,
                _("Approved: %(name)s can now edit %(organisation)s.")
                % {
                    "name": join_request.contact_name,
                    "organisation": join_request.organisation_name,
                },
            )
            return redirect("directory_requests")
        else:
            reject(join_request, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Rejected; the applicant has been told why."))
            return redirect("directory_requests")
    return render(
        request,
        "directory/selfservice/admin/request_decide.html",
        {
            "page_title": _("Decide request"),
            "page_subtitle": str(join_request),
            "header_icon": "user",
            "join_request": join_request,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def invite_editor(request):
    """Staff add a person by email; new people get the same single-use invitation link."""
    _require_staff(request)
    form = InviteEditorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        access = form.cleaned_data["access"]
        join_request = JoinRequest.objects.create(
            kind=JoinRequest.Kind.CLAIM,
            page=access.page,
            organisation_name=access.page.title,
            contact_name=form.cleaned_data["contact_name"],
            email=form.cleaned_data["email"],
            message=_("Invited by %(name)s.") % {"name": request.user.get_full_name()},
            language=access.page.locale.language_code,
            # Staff act on the organisation's behalf; the person consents when signing in.
            consent_at=timezone.now(),
        )
        approve(join_request, request.user)
        messages.success(
            request,
            _("%(email)s can now edit %(organisation)s.")
            % {"email": join_request.email, "organisation": access.page.title},
        )
        return redirect("directory_requests")
    return render(
        request,
        "directory/selfservice/admin/invite_editor.html",
        {"page_title": _("Invite an editor"), "header_icon": "user", "form": form},
        status=400 if request.method == "POST" else 200,
    )


# The organisation editor's own tools.


@require_POST
def confirm_current(request, pk):
    access = get_object_or_404(OrganisationAccess, pk=pk)
    if not user_can_edit_organisation(request.user, access):
        raise PermissionDenied
    freshness.confirm_current(access)
    messages.success(
        request,
        _("Thank you: %(organisation)s is confirmed as current.")
        % {"organisation": access.page.title},
    )
    return redirect("wagtailadmin_home")


def my_data(request):
    data = accounts.export_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="glokal-my-data.json"'
    return response


def delete_account(request):
    if request.user.is_superuser or is_directory_staff(request.user):
        # Staff accounts are managed by administrators in the user list.
        raise PermissionDenied
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        accounts.delete_account(user)
        return HttpResponseRedirect("/")
    return render(
        request,
        "directory/selfservice/admin/delete_account.html",
        {"page_title": _("Delete my account"), "header_icon": "bin", "form": form},
    )
