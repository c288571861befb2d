"""Registration and cancellation on an event page (routes of EventPage)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import services
from .forms import RegistrationForm


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
    email = result.registration.email
    if result.outcome == "duplicate":
        messages.info(
            request,
            _(
                "You are already registered for this event with %(email)s. "
                "We have sent your confirmation again."
            )
            % {"email": email},
        )
    elif result.outcome == "waiting":
        messages.warning(
            request,
            _(
                "The event is fully booked, so you are on the waiting list. We will write to "
                "%(email)s as soon as a place becomes free."
            )
            % {"email": email},
        )
    else:
        messages.success(
            request,
            _("Thank you, you are registered. We have sent a confirmation to %(email)s.")
            % {"email": email},
        )
    if not result.mail_sent:
        messages.warning(
            request,
            _(
                "Your registration is saved, but we could not send the email just now. "
                "We will send it as soon as possible."
            ),
        )
    return _back_to_form(page)


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
        return page.render(
            request,
            template=template,
            context_overrides={"cancelled": True, "registration": result.registration},
        )
    return page.render(
        request,
        template=template,
        context_overrides={"registration": registration, "token": token},
    )
