"""The outbox: every mail the platform sends, stored with what caused it and sent in the background.

models    OutgoingMail: recipients, text, attachments, status, attempts, last error
mailing   queue() and queue_message() store a mail in the caller's transaction; deliver() sends
          one with a timeout and plans the next attempt; the signal mail_status_changed
tasks     the django-tasks task that delivers a mail
wagtail_hooks, views  the staff's list with its status filter and "send again"

Views never talk to the mail server: a refusing or hanging server costs a row in "queued" and
a retry with back-off, not an error page.
"""
