"""What the self-service does, apart from HTTP: listing, approving, enquiries, privacy.

Views and admin actions call these functions, so the rules live in one place and tests can
exercise them without a browser.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from wagtail.models import Locale

from . import emails
from .models import DirectoryIndexPage, OrganisationPage
from .models.enquiries import Enquiry
from .models.freshness import FreshnessReminder
from .models.membership import JoinRequest, OrganisationAccess
from .permissions import add_editor

logger = logging.getLogger(__name__)


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Single use: the token hashes the password and last login, which setting one changes."""

    key_salt = "directory.selfservice.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


def directory_index(language):
    """The live directory of a language, where public self-service routes live."""
    return (
        DirectoryIndexPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )


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
    """Tell the moderators a request is waiting; a failing mail never loses the request."""
    from django.db.models import Q

    from .workflow import MODERATORS_GROUP

    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True))
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return
    context = {
        "request": join_request,
        "decide_url": emails.absolute(f"/admin/directory/requests/{join_request.pk}/"),
    }

    def send():
        try:
            emails.send("new_request", context, recipients, settings.LANGUAGE_CODE)
        except Exception as exc:  # noqa: BLE001 - the request is stored and listed in the admin
            logger.warning(
                "Moderators could not be told about request %s: %s", join_request.pk, exc
            )

    transaction.on_commit(send)


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


def create_translations(page):
    """Draft copies of a new profile in every language that has a directory."""
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if page.get_translations().filter(locale=locale).exists():
            continue
        index = DirectoryIndexPage.objects.filter(locale=locale).order_by("path").first()
        if index is None:
            continue
        copy = page.copy(
            to=index,
            update_attrs={
                "locale": locale,
                "translation_key": page.translation_key,
                "slug": unique_slug(index, page.title),
                "live": False,
            },
            copy_revisions=False,
            keep_live=False,
            reset_translation_key=False,
        )
        copy.save_revision()


def _account_for(join_request):
    User = get_user_model()
    user = User.objects.filter(email__iexact=join_request.email).order_by("pk").first()
    if user:
        return user
    first, _space, last = join_request.contact_name.partition(" ")
    username, number = join_request.email.lower()[:140], 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{join_request.email.lower()[:140]}-{number}"
    user = User(username=username, email=join_request.email, first_name=first[:150])
    user.last_name = last[:150]
    user.set_unusable_password()
    user.save()
    return user


def invitation_url(user, language):
    index = directory_index(language) or directory_index(settings.LANGUAGE_CODE)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = index.reverse_subpage(
        "invitation", kwargs={"uidb64": uid, "token": invitation_tokens.make_token(user)}
    )
    return emails.absolute(index.get_full_url().rstrip("/") + "/" + path)


@transaction.atomic
def approve(join_request, staff_user):
    """The applicant becomes an editor; new accounts get a single-use link to set a password."""
    page = join_request.page
    if join_request.kind == JoinRequest.Kind.JOIN:
        create_translations(page)
    user = _account_for(join_request)
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
    language = join_request.language
    transaction.on_commit(lambda: emails.send(template, context, [user.email], language))
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
    to, language = [join_request.email], join_request.language
    transaction.on_commit(lambda: emails.send("request_rejected", context, to, language))


# Enquiries.


def enquiry_recipients(page):
    """The organisation's contact addresses; its editors' if no contact has one."""
    addresses = [c.email for c in page.contacts.all() if c.email]
    if not addresses:
        access = OrganisationAccess.objects.filter(translation_key=page.translation_key).first()
        if access:
            addresses = [
                user.email for user in access.members.filter(is_active=True).exclude(email="")
            ]
    return sorted(set(addresses))


def store_enquiries(data, pages, language):
    """Save one enquiry per organisation before anything is mailed."""
    from uuid import uuid4

    batch = uuid4()
    fields = {k: data[k] for k in ("sender_name", "sender_email", "sender_organisation")}
    return [
        Enquiry.objects.create(
            batch=batch,
            organisation=page,
            translation_key=page.translation_key,
            subject=data["subject"],
            message=data["message"],
            language=language,
            **fields,
        )
        for page in pages
    ]


def deliver_enquiries(enquiries):
    """Mail each stored enquiry to its organisation and a copy to the sender.

    A failing mail server loses nothing: the enquiry keeps its text and a delivery status
    staff can see and act on.
    """
    for enquiry in enquiries:
        page = enquiry.organisation
        recipients = enquiry_recipients(page)
        if not recipients:
            enquiry.delivery_status = Enquiry.Delivery.NO_RECIPIENT
            enquiry.save(update_fields=["delivery_status"])
            continue
        context = {"enquiry": enquiry, "organisation": page.title}
        try:
            emails.send(
                "enquiry", context, recipients, enquiry.language, reply_to=[enquiry.sender_email]
            )
        except Exception as exc:  # noqa: BLE001 - any backend error must leave a record
            logger.warning("Enquiry %s could not be mailed: %s", enquiry.pk, exc)
            enquiry.delivery_status = Enquiry.Delivery.FAILED
            enquiry.delivery_error = str(exc)[:255]
            enquiry.save(update_fields=["delivery_status", "delivery_error"])
        else:
            enquiry.delivery_status = Enquiry.Delivery.SENT
            enquiry.sent_at = timezone.now()
            enquiry.save(update_fields=["delivery_status", "sent_at"])
    if enquiries:
        first = enquiries[0]
        context = {"enquiry": first, "organisations": [e.organisation.title for e in enquiries]}
        try:
            emails.send("enquiry_copy", context, [first.sender_email], first.language)
        except Exception as exc:  # noqa: BLE001 - the copy is a courtesy; the enquiry is stored
            logger.warning("Copy of enquiry batch %s could not be mailed: %s", first.batch, exc)


# Freshness and the "still current" button.


def confirm_current(access):
    """Mark every translation of the profile as confirmed today, without a new revision."""
    today = timezone.localdate()
    access.pages().update(last_confirmed=today, search_updated_at=timezone.now())
    return today


# Privacy.


def _user_data(user):
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def export_data(user):
    """Everything stored about the user's account and the organisations they edit."""
    from wagtail.models import Revision

    organisations = []
    for access in OrganisationAccess.objects.filter(memberships__user=user):
        organisations.append(
            {
                "translation_key": str(access.translation_key),
                "trusted": access.trusted,
                "editors": [
                    {"name": m.get_full_name(), "email": m.email} for m in access.members.all()
                ],
                "pages": [page.serializable_data() for page in access.pages().order_by("pk")],
                "enquiries": list(
                    Enquiry.objects.filter(translation_key=access.translation_key).values(
                        "created_at",
                        "sender_name",
                        "sender_email",
                        "sender_organisation",
                        "subject",
                        "message",
                        "delivery_status",
                    )
                ),
                "freshness_reminders": list(
                    FreshnessReminder.objects.filter(translation_key=access.translation_key).values(
                        "step", "confirmed_on", "sent_at"
                    )
                ),
            }
        )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": _user_data(user),
        "memberships": list(
            user.organisation_memberships.values("access__page__title", "created_at")
        ),
        "requests": list(
            JoinRequest.objects.filter(user=user).values(
                "kind", "status", "organisation_name", "contact_name", "email", "created_at"
            )
        ),
        "revisions": list(
            Revision.objects.filter(user=user).values("object_id", "created_at", "object_str")
        ),
        "organisations": organisations,
    }


@transaction.atomic
def delete_account(user):
    """Remove the person's data; the organisation's pages and their history stay."""
    JoinRequest.objects.filter(user=user).update(contact_name="", email="", message="")
    JoinRequest.objects.filter(email__iexact=user.email).exclude(email="").update(
        contact_name="", email="", message=""
    )
    # Revisions and pages keep their content; Wagtail sets their user and owner to null.
    user.delete()
