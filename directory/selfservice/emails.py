"""Mails of the self-service: rendered from templates in the recipient's language, then stored
in the outbox (glokal.outbox), which sends them in the background and retries."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from glokal.outbox import mailing


def render_mail(template, context, language):
    """Subject and body of `templates/directory/emails/<template>.txt` in `language`.

    The template's first line is the subject, the rest the body.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        text = render_to_string(f"directory/emails/{template}.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


def queue(template, context, to, language, reply_to=None, about=None):
    """Store the mail of `template` in the caller's transaction; it is sent once that commits.

    The template's name is the outbox's kind of mail.
    """
    subject, body = render_mail(template, context, language)
    return mailing.queue(
        template,
        to,
        subject,
        body,
        language or settings.LANGUAGE_CODE,
        reply_to=reply_to or (),
        about=about,
    )


def absolute(url):
    """A full URL for links in mails; Wagtail page URLs may already be absolute."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.BASE_URL + url
