"""Listing and claiming an organisation: the public requests and the staff decision on them.

Views and admin actions call these functions, so the rules live in one place and tests can
exercise them without a browser.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ..models import OrganisationPage
from ..models.membership import JoinRequest
from . import emails
from .accounts import account_for, invitation_url
from .permissions import add_editor
from .workflow import moderators_by_language


def unique_slug(parent, title):
    base = slugify(title)[:60] or "organisation"
    slug, number = base, 1
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        number += 1
        slug = f"{base}-{number}"
    return slug


# Listing and claiming.


def notify_staff(join_request):
    """Tell the moderators a request is waiting, each in their admin language.

    The mails are stored with the request (same transaction) and sent in the background, so
    a failing mail server neither loses the request nor the notice.
    """
    context = {
        "request": join_request,
        "decide_url": emails.absolute(f"/admin/directory/requests/{join_request.pk}/"),
    }
    for language, recipients in moderators_by_language():
        emails.queue("new_request", context, recipients, language, about=join_request)


@transaction.atomic
def create_listing(data, index, language):
    """A draft profile and a pending request from the public "list your organisation" form."""
    page = OrganisationPage(
        title=data["organisation_name"],
        slug=unique_slug(index, data["organisation_name"]),
        org_type=data["org_type"],
        country=data["country"],
        city=data["city"],
        summary=data["summary"],
        languages=language,
        locale=index.locale,
        live=False,
        **data["identifier_fields"],
    )
    index.add_child(instance=page)
    page.save_revision()
    return _submit_request(
        JoinRequest.Kind.JOIN, page, data, language, identifier=data["identifier"]
    )


@transaction.atomic
def create_claim(data, page, language):
    return _submit_request(JoinRequest.Kind.CLAIM, page, data, language, message=data["message"])


def _submit_request(kind, page, data, language, **details):
    """Store a join or claim request for `page` and tell the moderators."""
    join_request = JoinRequest.objects.create(
        kind=kind,
        page=page,
        organisation_name=page.title,
        org_type=page.org_type,
        country=page.country,
        contact_name=data["contact_name"],
        email=data["email"],
        language=language,
        consent_at=timezone.now(),
        **details,
    )
    notify_staff(join_request)
    return join_request


@transaction.atomic
def approve(join_request, staff_user):
    """The applicant becomes an editor; new accounts get a single-use link to set a password."""
    # The profile reaches the other languages when it is first published (glokal.localisation).
    page = join_request.page
    user = account_for(join_request.email, join_request.contact_name)
    add_editor(page, user)
    join_request.status = JoinRequest.Status.APPROVED
    join_request.decided_at = timezone.now()
    join_request.decided_by = staff_user
    join_request.user = user
    join_request.save()
    context = {
        "request": join_request,
        "name": join_request.contact_name,
        "organisation": page.title,
        "admin_url": emails.absolute("/admin/"),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    if user.has_usable_password():
        template = "access_granted"
    else:
        template = "invitation"
        context["invitation_url"] = invitation_url(user, join_request.language)
    # Stored with the decision: a failing mail server delays the mail, it never undoes the
    # decision or shows staff an error page.
    emails.queue(template, context, [user.email], join_request.language, about=join_request)
    return user


@transaction.atomic
def reject(join_request, staff_user, reason):
    """The request is closed with a reason; the draft of a never-approved listing goes."""
    page = join_request.page
    join_request.status = JoinRequest.Status.REJECTED
    join_request.reason = reason
    join_request.decided_at = timezone.now()
    join_request.decided_by = staff_user
    if join_request.kind == JoinRequest.Kind.JOIN and page is not None and not page.live:
        for translation_page in page.get_translations(inclusive=True):
            if not translation_page.live:
                translation_page.delete()
        join_request.page = None
    join_request.save()
    context = {"request": join_request, "name": join_request.contact_name, "reason": reason}
    emails.queue(
        "request_rejected", context, [join_request.email], join_request.language, about=join_request
    )
