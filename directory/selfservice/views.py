"""Public self-service pages: list or claim an organisation, enquiries, accepting invitations.

They are routes of the directory's pages (see RoutablePageMixin in directory/models/pages.py), so they
live under each language's directory URL and render inside the site's templates.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from glokal.request_memo import active_locale

from ..models import OrganisationPage
from ..models.enquiries import Enquiry
from . import spam
from .accounts import invitation_tokens
from .enquiries import batch_delivered, store_enquiries
from .forms import ClaimForm, EnquiryForm, JoinForm
from .join import create_claim, create_listing

MAX_ORGANISATIONS_PER_ENQUIRY = 10
LARGEST_ID = 2**63 - 1  # the largest primary key PostgreSQL and SQLite store


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _submit_once(request, form, name, create, pages=()):
    """Run `create()` for a valid public form once per form token, within the rate limits.

    Returns (outcome, refusal): `outcome` is what `create` returned, or for a token sent
    before (a double click, a replay) what its first submission created, without creating
    anything again; `refusal` is a spam.RateLimited when the submission is refused.
    Everything `create` stores, its outbox mails included, is one transaction.
    """
    try:
        with transaction.atomic():
            submission = spam.use_token(form, name)
            spam.check_rate_limits(request, name, pages)
            outcome = create()
            spam.record_outcome(submission, outcome)
    except spam.AlreadySubmitted as previous:
        return previous.outcome, None
    except spam.RateLimited as refusal:
        return None, refusal
    return outcome, None


def _refused(response, refusal):
    response.status_code = refusal.status
    return response


def join(request, index):
    """ "List your organisation", a route of the directory index."""
    form = JoinForm(request.POST or None)
    return _request_form(
        request, index, form, "join", lambda: create_listing(form.cleaned_data, index, _language())
    )


def claim(request, page):
    """ "This is my organisation", a route of the profile."""
    form = ClaimForm(request.POST or None)
    return _request_form(
        request, page, form, "claim", lambda: create_claim(form.cleaned_data, page, _language())
    )


def _request_form(request, page, form, name, create):
    """A join or claim form rendered by `page`: stored once per form token, then confirmed with
    `<name>_done.html`; a refused submission is shown again with the reason."""
    template = f"directory/selfservice/{name}.html"
    if request.method == "POST":
        done = spam.earlier_submission(form, name) is not None
        if not done and form.is_valid():
            _request_id, refusal = _submit_once(request, form, name, lambda: create().pk)
            if refusal is not None:
                form.add_error(None, refusal.message)
                response = page.render(request, template=template, context_overrides={"form": form})
                return _refused(response, refusal)
            done = True
        if done:
            return page.render(
                request,
                template=f"directory/selfservice/{name}_done.html",
                context_overrides={"email": form.data.get("email", "")},
            )
    return page.render(request, template=template, context_overrides={"form": form})


def _chosen_organisations(request, data):
    """The live organisations of the active language chosen by id, and any problem with them."""
    raw = [value for value in data.getlist("org") if value.strip()]
    ids = []
    for value in raw:
        try:
            ids.append(int(value))
        except ValueError:
            continue
        if not 0 < ids[-1] <= LARGEST_ID:  # beyond any primary key: the database cannot compare
            ids.pop()
    ids = list(dict.fromkeys(ids))
    error = None
    if len(ids) > MAX_ORGANISATIONS_PER_ENQUIRY:
        error = _(
            "You can write to at most %(max)d organisations at once; you chose %(count)d. "
            "Please remove some."
        ) % {"max": MAX_ORGANISATIONS_PER_ENQUIRY, "count": len(ids)}
    pages = list(
        OrganisationPage.objects.live().filter(pk__in=ids, locale=active_locale()).order_by("title")
    )
    if not pages and not error:
        error = _("Choose at least one organisation in the directory to write to.")
    return pages, error


def contact(request, index):
    """One enquiry to up to ten organisations (one from a profile, several from results)."""
    data = request.POST if request.method == "POST" else request.GET
    pages, organisations_error = _chosen_organisations(request, data)
    form = EnquiryForm(request.POST or None)
    refusal = None
    if request.method == "POST":
        earlier = spam.earlier_submission(form, "enquiry")
        if earlier is not None:
            # A double click: the confirmation of the enquiry the first click stored.
            return _contact_received(request, index, earlier.outcome, pages)
        if form.is_valid() and not organisations_error:
            batch, refusal = _submit_once(
                request,
                form,
                "enquiry",
                lambda: store_enquiries(form.cleaned_data, pages, _language())[0].batch,
                pages=pages,
            )
            if refusal is None:
                return _contact_received(request, index, batch, pages)
    response = index.render(
        request,
        template="directory/selfservice/contact.html",
        context_overrides={
            "form": form,
            "organisations": pages,
            "organisations_error": organisations_error,
            "refusal": refusal.message if refusal else None,
        },
    )
    if request.method == "POST":
        # Refused: the form comes back with what was typed and says why.
        response.status_code = refusal.status if refusal else 400
    return response


def _contact_received(request, index, batch, pages):
    """What happened to the enquiry: sent, or stored and waiting for the mail server."""
    stored = Enquiry.objects.filter(batch=batch) if batch else Enquiry.objects.none()
    enquiries = list(stored.select_related("organisation"))
    organisations = sorted((e.organisation for e in enquiries), key=lambda p: p.title) or pages
    return index.render(
        request,
        template="directory/selfservice/contact_sent.html",
        context_overrides={
            "organisations": organisations,
            "enquiries": enquiries,
            "delivered": bool(enquiries) and batch_delivered(enquiries),
        },
    )


def invitation(request, index, uidb64, token):
    """Accept an invitation: set a password once, then go to the admin."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None or not invitation_tokens.check_token(user, token):
        response = index.render(request, template="directory/selfservice/invitation_invalid.html")
        response.status_code = 400
        return response
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your password is set."))
        return HttpResponseRedirect("/admin/")
    return index.render(
        request,
        template="directory/selfservice/invitation.html",
        context_overrides={"form": form, "invited_user": user},
    )
