"""The public "offer to supply" route of a request, and the requester's admin page of it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..models import SourcingRequestPage
from ..models.alerts import SavedSearch
from ..models.membership import OrganisationAccess
from ..models.sourcing import SupplyAnswer
from ..selfservice.permissions import user_can_edit_organisation
from ..selfservice.views import _submit_once
from . import alerts, files, lifecycle, saved_searches
from .forms import (
    AlertFrequencyForm,
    CloseRequestForm,
    DirectorySearchAlertForm,
    OfferToSupplyForm,
    ReportForm,
    SaveSearchForm,
)
from .matching import matches_for_request
from .permissions import can_manage_request


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _public_form(request, page, form, name, store, template, done, context=None, pages=()):
    """A public form of `page`, rendered with `template`: a valid submission is stored by
    `store()` once per form token and within the rate limits, then answered with the `done`
    (template, context); an invalid or refused one is shown again with what was typed (400, or
    the refusal's status)."""
    refusal = None
    if request.method == "POST" and form.is_valid():
        _outcome, refusal = _submit_once(request, form, name, store, pages=pages)
        if refusal is None:
            done_template, done_context = done
            return page.render(request, template=done_template, context_overrides=done_context)
    response = page.render(
        request,
        template=template,
        context_overrides={
            **(context or {}),
            "form": form,
            "refusal": refusal.message if refusal else None,
        },
    )
    if request.method == "POST":
        response.status_code = refusal.status if refusal else 400
    return response


def offer_to_supply(request, page):
    """A supplier answers a request; closed and expired requests take no more answers."""
    if not page.is_open:
        response = page.render(request, template="directory/sourcing_request_closed.html")
        response.status_code = 410
        return response
    form = OfferToSupplyForm(request.POST or None, request.FILES or None)
    return _public_form(
        request,
        page,
        form,
        "answer",
        lambda: lifecycle.store_answer(form, page, _language()).pk,
        template="directory/sourcing_answer_form.html",
        done=("directory/sourcing_answer_sent.html", {}),
        pages=[page],
    )


def _managed_request(request, pk):
    page = get_object_or_404(SourcingRequestPage, pk=pk)
    if not can_manage_request(request.user, page):
        raise PermissionDenied
    return page


def request_detail(request, pk):
    """The requester's view of a request: its matches with reasons, its answers, closing."""
    page = _managed_request(request, pk)
    return render(
        request,
        "directory/sourcing/admin/request_detail.html",
        {
            "page_title": page.title,
            "header_icon": "doc-full",
            "request_page": page,
            "matches": matches_for_request(page, limit=20),
            "answers": lifecycle.answers_to(page),
            "close_form": CloseRequestForm(),
        },
    )


@require_POST
def close_request(request, pk):
    page = _managed_request(request, pk)
    form = CloseRequestForm(request.POST)
    if form.is_valid():
        lifecycle.close(page, form.cleaned_data["outcome"])
        messages.success(request, _("The request is closed."))
    else:
        messages.error(request, _("Choose an outcome to close the request."))
    return redirect("directory_sourcing_request", pk=page.pk)


def answer_file(request, pk, answer_pk):
    """The file attached to an answer, for the requester's editors and staff only: a plain
    403 to anyone else (not the admin's redirect with a message, which is for pages)."""
    page = get_object_or_404(SourcingRequestPage, pk=pk)
    if not can_manage_request(request.user, page):
        return HttpResponseForbidden()
    answer = get_object_or_404(lifecycle.answers_to(page).exclude(attachment=""), pk=answer_pk)
    return files.download(answer)


ANSWER_ACTIONS = {
    "shortlist": SupplyAnswer.Status.SHORTLISTED,
    "decline": SupplyAnswer.Status.DECLINED,
}


@require_POST
def answer_action(request, pk, answer_pk):
    page = _managed_request(request, pk)
    answer = get_object_or_404(lifecycle.answers_to(page), pk=answer_pk)
    action = request.POST.get("action")
    if action in ANSWER_ACTIONS:
        answer.status = ANSWER_ACTIONS[action]
        answer.save(update_fields=["status"])
    elif action == "reply":
        message = request.POST.get("message", "").strip()[:5000]
        if message:
            lifecycle.reply(answer, page, message)
            messages.success(request, _("Your reply has been sent."))
        else:
            messages.error(request, _("Write a reply first."))
    elif action == "share":
        if lifecycle.share_address(answer, page):
            messages.success(request, _("Addresses exchanged: both of you received a mail."))
        else:
            messages.info(request, _("Noted. The supplier has not agreed to share their address."))
    return redirect("directory_sourcing_request", pk=page.pk)


def unsubscribe(request, board, token):
    """One click (a button, so that mail scanners following links change nothing): the
    organisation receives no more alerts about requests."""
    key = alerts.organisation_for_token(token)
    if key is None:
        response = board.render(
            request,
            template="directory/sourcing_unsubscribe.html",
            context_overrides={"invalid": True},
        )
        response.status_code = 400
        return response
    done = False
    if request.method == "POST":
        alerts.stop_alerts(key)
        done = True
    return board.render(
        request, template="directory/sourcing_unsubscribe.html", context_overrides={"done": done}
    )


@require_POST
def alert_frequency(request, access_pk):
    """The organisation editor chooses how often they hear of matching requests."""
    access = get_object_or_404(OrganisationAccess, pk=access_pk)
    if not user_can_edit_organisation(request.user, access):
        raise PermissionDenied
    form = AlertFrequencyForm(request.POST)
    if form.is_valid():
        setting = alerts.setting_for(access.translation_key)
        setting.frequency = form.cleaned_data["frequency"]
        setting.save(update_fields=["frequency"])
        messages.success(request, _("Your choice of alerts is saved."))
    return redirect("wagtailadmin_home")


def report(request, page):
    """ "Report this request": spam or abuse goes to the moderators."""
    form = ReportForm(request.POST or None)
    return _public_form(
        request,
        page,
        form,
        "report",
        lambda: lifecycle.report(
            page, form.cleaned_data["reason"], form.cleaned_data["email"], _language()
        ),
        template="directory/sourcing_report.html",
        done=("directory/sourcing_report.html", {"done": True}),
    )


def save_search(request, page):
    """A visitor saves the current search of a request board or the directory; a mail asks
    them to confirm."""
    kind = saved_searches.kind_of(page)
    form_class = DirectorySearchAlertForm if kind == SavedSearch.Kind.DIRECTORY else SaveSearchForm
    form = form_class(request.POST or None)
    return _public_form(
        request,
        page,
        form,
        "subscribe",
        lambda: saved_searches.subscribe(
            page, form.cleaned_data["email"], request.POST, _language()
        ),
        template="directory/saved_search.html",
        done=("directory/saved_search.html", {"step": "sent", "kind": kind}),
        context={
            "step": "form",
            "kind": kind,
            "filters": saved_searches.query_pairs(
                saved_searches.kept_query(request.POST or request.GET, page)
            ),
        },
    )


def saved_search(request, page, action, token):
    """Confirm (double opt-in) or stop a saved search: a button, as mail scanners follow
    links."""
    saved = SavedSearch.objects.filter(
        token=token, page__translation_key=page.translation_key
    ).first()
    kind = saved_searches.kind_of(page)
    if saved is None or action not in ("confirm", "stop"):
        response = page.render(
            request,
            template="directory/saved_search.html",
            context_overrides={"step": "invalid", "kind": kind},
        )
        response.status_code = 404
        return response
    step = action
    if request.method == "POST":
        if action == "confirm":
            saved_searches.confirm(saved)
            step = "confirmed"
        else:
            saved.delete()
            step = "stopped"
    return page.render(
        request,
        template="directory/saved_search.html",
        context_overrides={"step": step, "kind": kind},
    )


@csrf_exempt
@require_POST
def one_click_stop(request, kind, token):
    """What a mail program posts when its reader presses its own "unsubscribe" button on an
    alert or a saved search's mail (List-Unsubscribe-Post, RFC 8058): the mails stop at once.

    It carries no CSRF token, as no mail program has one: the secret token in the address
    is the proof, and all it can do is stop these mails."""
    if kind == "requests":
        key = alerts.organisation_for_token(token)
        if key is not None:
            alerts.stop_alerts(key)
        stopped = key is not None
    else:
        stopped = SavedSearch.objects.filter(token=token).delete()[0] > 0
    if not stopped:
        # Not 404: the language middleware would answer that with a redirect to "/de/…".
        return HttpResponse(
            _("This link is not valid (any more)."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(
        _("You will receive no more of these mails."), content_type="text/plain; charset=utf-8"
    )
