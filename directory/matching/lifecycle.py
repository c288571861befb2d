"""Closing a request early, answering it and sharing addresses: actions on every language
version of a request at once, with their mails stored in the outbox."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from glokal.outbox import mailing
from glokal.outbox.models import OutgoingMail

from ..models import SourcingRequestPage
from ..models.sourcing import SupplyAnswer
from ..selfservice.emails import absolute, render_mail
from ..selfservice.permissions import editor_addresses
from ..selfservice.workflow import moderators_by_language


def language_versions(request_page):
    return SourcingRequestPage.objects.filter(translation_key=request_page.translation_key)


@transaction.atomic
def close(request_page, outcome):
    """Close the request with `outcome`: it leaves the board and takes no more answers."""
    now = timezone.now()
    language_versions(request_page).update(outcome=outcome, closed_at=now)
    request_page.outcome, request_page.closed_at = outcome, now


def answers_to(request_page):
    return SupplyAnswer.objects.filter(request_key=request_page.translation_key)


def queue_mail(template, context, to, language, about=None, stop=None):
    """Store a mail of `templates/directory/emails/sourcing/<template>.txt` (first line the
    subject) in `language`; the outbox sends it once the caller's transaction commits.

    `stop` is the (kind, token) of a recurring mail's one-click stop: the mail program then
    offers its own "unsubscribe" button, besides the link in the text."""
    subject, body = render_mail(f"sourcing/{template}", context, language)
    headers = mailing.one_click_unsubscribe(one_click_stop_url(*stop)) if stop else None
    return mailing.queue(
        OutgoingMail.Kind.SOURCING, to, subject, body, language, headers=headers, about=about
    )


def one_click_stop_url(kind, token):
    """Where a mail program posts its "unsubscribe" (no language: nobody reads the answer)."""
    return absolute(reverse("mail_one_click_stop", args=[kind, token]))


@transaction.atomic
def store_answer(form, request_page, language):
    """Store a supplier's answer and tell the requester's editors (without its address)."""
    answer = form.save(request_page, language)
    to = editor_addresses(request_page.organisation.translation_key)
    if to:
        source = request_page.get_translations(inclusive=True).order_by("pk").first()
        queue_mail(
            "new_answer",
            {
                "answer": answer,
                "request_page": request_page,
                "admin_url": absolute(f"/admin/sourcing/{source.pk}/"),
            },
            to,
            source.locale.language_code,
            about=answer,
        )
    return answer


@transaction.atomic
def reply(answer, request_page, message):
    """The requester answers a supplier through the platform: the supplier reads the reply,
    the requester's address stays hidden (the mail has no reply address)."""
    context = {"answer": answer, "request_page": request_page, "message": message}
    return queue_mail("reply", context, [answer.email], answer.language, about=answer)


@transaction.atomic
def share_address(answer, request_page):
    """The requester accepts contact: when the supplier agreed too, both get each other's
    addresses by mail."""
    answer.requester_shares_address = True
    answer.save(update_fields=["requester_shares_address"])
    if not answer.addresses_shared:
        return False
    requester = editor_addresses(request_page.organisation.translation_key)
    context = {"answer": answer, "request_page": request_page, "requester": requester}
    queue_mail("addresses_shared", context, [answer.email], answer.language, about=answer)
    if requester:
        queue_mail(
            "addresses_shared",
            {**context, "for_requester": True},
            requester,
            request_page.locale.language_code,
            about=answer,
        )
    return True


def report(request_page, reason, email, language):
    """A visitor reports a request as spam or abuse: the moderators hear of it by mail, each
    in their admin language."""
    context = {
        "request_page": request_page,
        "reason": reason,
        "email": email,
        "admin_url": absolute(f"/admin/pages/{request_page.pk}/edit/"),
    }
    for mail_language, recipients in moderators_by_language():
        queue_mail("report", context, recipients, mail_language, about=request_page)
    return request_page.pk
