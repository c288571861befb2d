"""Registration and cancellation on an event page (routes of EventPage) and in the admin."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glokal.outbox.models import OutgoingMail

from . import services
from .forms import RegistrationForm
from .models import Registration


def _back_to_form(page):
    return redirect(page.url + "#registration")


def register_view(request, page):
    """Store the registration, then tell the visitor what happened (Post/Redirect/Get)."""
    if request.method != "POST":
        return _back_to_form(page)
    if not page.registration_open:
        messages.error(request, _("Registration for this event is not open."))
        return _back_to_form(page)
    form = RegistrationForm(request.POST, event=page)
    if not form.is_valid():
        messages.error(request, _("Please correct the marked fields and send the form again."))
        return page.render(request, context_overrides={"registration_form": form})
    try:
        result = services.register(page, form.cleaned_data)
    except services.RegistrationRefused as refusal:
        messages.error(request, str(refusal.message))
        return _back_to_form(page)
    _tell_what_happened(request, result)
    return _back_to_form(page)


def _tell_what_happened(request, result):
    """The message matches the mail: sent, queued for sending, or not sent again so soon."""
    email = result.registration.email
    mail_status = result.mail_status()
    sent = mail_status == OutgoingMail.Status.SENT
    if result.outcome == "duplicate":
        if mail_status is None:
            text = _(
                "You are already registered for this event with %(email)s. We sent your "
                "confirmation less than an hour ago; please look for it in your inbox and "
                "spam folder."
            )
        elif sent:
            text = _(
                "You are already registered for this event with %(email)s. "
                "We have sent your confirmation again."
            )
        else:
            text = _(
                "You are already registered for this event with %(email)s. "
                "We will send your confirmation again in a few minutes."
            )
        messages.info(request, text % {"email": email})
    elif result.outcome == "waiting":
        messages.warning(
            request,
            _(
                "The event is fully booked, so you are on the waiting list. We will write to "
                "%(email)s as soon as a place becomes free."
            )
            % {"email": email},
        )
    elif sent:
        messages.success(
            request,
            _("Thank you, you are registered. We have sent a confirmation to %(email)s.")
            % {"email": email},
        )
    else:
        messages.success(
            request,
            _(
                "Thank you, you are registered. We will send a confirmation to %(email)s in a "
                "few minutes."
            )
            % {"email": email},
        )
    if mail_status is not None and not sent and result.mail.attempts:
        messages.warning(
            request,
            _(
                "Your registration is saved, but we could not send the email just now. "
                "We will send it as soon as possible."
            ),
        )


def cancel_view(request, page, token):
    """Ask to confirm on GET (mail scanners follow links), cancel on POST."""
    template = "eventpages/cancel_registration.html"
    try:
        registration = services.registration_for_token(page, token)
    except services.InvalidToken:
        response = page.render(request, template=template, context_overrides={"invalid": True})
        response.status_code = 400
        return response
    if request.method == "POST":
        try:
            result = services.cancel(page, token)
        except services.InvalidToken:
            response = page.render(request, template=template, context_overrides={"invalid": True})
            response.status_code = 400
            return response
        result.mail.refresh_from_db(fields=["status"])
        return page.render(
            request,
            template=template,
            context_overrides={
                "cancelled": True,
                "registration": result.registration,
                # Said only once the mail server has taken it (the outbox may still queue it).
                "confirmation_sent": result.mail.status == OutgoingMail.Status.SENT,
            },
        )
    return page.render(
        request,
        template=template,
        context_overrides={"registration": registration, "token": token},
    )


@permission_required("eventpages.change_registration", raise_exception=True)
def admin_cancel_view(request, pk):
    """Staff cancel a registration on someone's behalf; the waiting list moves up as usual."""
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    index_url = (
        reverse("eventpages_registration_modeladmin_index")
        + f"?event__id__exact={registration.event_id}"
    )
    if not registration.is_active:
        messages.error(request, _("This registration is already cancelled."))
        return redirect(index_url)
    if request.method == "POST":
        result = services.cancel_by_staff(registration)
        messages.success(
            request,
            ngettext(
                "%(name)s is cancelled; %(count)s person moved up from the waiting list.",
                "%(name)s is cancelled; %(count)s people moved up from the waiting list.",
                len(result.promoted),
            )
            % {"name": registration.name, "count": len(result.promoted)},
        )
        return redirect(index_url)
    return TemplateResponse(
        request,
        "eventpages/admin/cancel_registration.html",
        {"registration": registration, "index_url": index_url},
    )
