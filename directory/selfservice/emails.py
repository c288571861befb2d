"""Mails of the self-service: rendered from templates in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def render_mail(template, context, language):
    """Subject and body of `templates/directory/emails/<template>.txt` in `language`.

    The template's first line is the subject, the rest the body.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        text = render_to_string(f"directory/emails/{template}.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


def send(template, context, to, language, reply_to=None):
    """Send one mail; raises whatever the mail backend raises (callers decide what that means)."""
    subject, body = render_mail(template, context, language)
    message = EmailMessage(
        subject=subject,
        body=body,
        to=list(to),
        reply_to=list(reply_to) if reply_to else None,
    )
    return message.send(fail_silently=False)


def absolute(url):
    """A full URL for links in mails; Wagtail page URLs may already be absolute."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.BASE_URL + url
