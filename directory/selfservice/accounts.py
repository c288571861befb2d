"""Accounts of organisation editors: invitations, the export of their data and deletion."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Revision

from ..models import DirectoryIndexPage
from ..models.enquiries import Enquiry
from ..models.freshness import FreshnessReminder
from ..models.membership import JoinRequest, OrganisationAccess
from . import emails


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Single use: the token hashes the password and last login, which setting one changes."""

    # The salt of the links already sent; changing it would void every open invitation.
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


def account_for(email, name):
    """The account of `email`, created without a usable password if there is none yet."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user:
        return user
    first, _space, last = name.partition(" ")
    username, number = email.lower()[:140], 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{email.lower()[:140]}-{number}"
    user = User(username=username, email=email, first_name=first[:150])
    user.last_name = last[:150]
    user.set_unusable_password()
    user.save()
    return user


def invitation_url(user, language):
    """The single-use link on which a new editor sets a password."""
    index = directory_index(language) or directory_index(settings.LANGUAGE_CODE)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = index.reverse_subpage(
        "invitation", kwargs={"uidb64": uid, "token": invitation_tokens.make_token(user)}
    )
    return emails.absolute(index.get_full_url().rstrip("/") + "/" + path)


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
