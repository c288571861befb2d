"""The background task that sends one stored mail."""

from django_tasks import task


@task()
def deliver_mail(mail_id):
    """Send the mail if it is due; failures are recorded on the mail and retried with back-off."""
    from .mailing import deliver

    return deliver(mail_id)
