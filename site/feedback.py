"""Feedback on accessibility (EU Web Accessibility Directive, Art. 7): anyone can report a
barrier; the message reaches the communications team through the outbox."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .forms import VisitorFormMixin
from .outbox.mailing import queue
from .outbox.models import OutgoingMail
from .security.client import client_address

# A person reports a few barriers at a time; a script posting hundreds is refused.
FEEDBACK_LIMIT_PER_HOUR = 10


class AccessibilityFeedbackForm(VisitorFormMixin, forms.Form):
    message = forms.CharField(
        label=_("What did not work for you?"),
        help_text=_("The page, what you tried to do and what got in the way."),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page_address = forms.CharField(
        label=_("Address of the page (optional)"), required=False, max_length=500
    )
    name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=120)
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only if you would like an answer."),
    )


def team_addresses():
    """The communications team's addresses: the setting, else the active superusers."""
    if settings.ACCESSIBILITY_FEEDBACK_TO:
        return list(settings.ACCESSIBILITY_FEEDBACK_TO)
    users = get_user_model().objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def accessibility_feedback(request):
    """The feedback form; shown again with its messages (nothing typed lost) until it is sent."""
    form = AccessibilityFeedbackForm(
        request.POST or None, initial={"page_address": request.GET.get("from", "")}
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        counter = f"a11y-feedback:{client_address(request)}"
        cache.add(counter, 0, timeout=3600)
        try:
            sent_this_hour = cache.incr(counter)
        except ValueError:  # the cache is down: the counter is gone, the person is not refused
            sent_this_hour = 1
        if sent_this_hour > FEEDBACK_LIMIT_PER_HOUR:
            form.add_error(
                None, _("Too many messages from your address; please try again in an hour.")
            )
            status = 429
        else:
            data = form.cleaned_data
            body = "\n\n".join(
                line
                for line in (
                    data["message"],
                    f"Page: {data['page_address']}" if data["page_address"] else "",
                    f"From: {data['name']} <{data['email']}>".replace(" <>", ""),
                    f"Language: {get_language()}",
                )
                if line.strip() and line != "From: "
            )
            with transaction.atomic():
                queue(
                    OutgoingMail.Kind.OTHER,
                    team_addresses(),
                    "Accessibility feedback: " + data["message"][:60],
                    body,
                    reply_to=[data["email"]] if data["email"] else (),
                )
            return render(request, "glokal/accessibility_feedback.html", {"sent": True})
    elif request.method == "POST":
        status = 400
    return render(request, "glokal/accessibility_feedback.html", {"form": form}, status=status)
