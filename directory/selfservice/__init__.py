"""Self-service of organisations: they list, claim, keep and confirm their own profile.

join        listing and claiming requests and the staff decision on them
accounts    invitations, data export and account deletion of editors
permissions ownership: one Wagtail group and collection per organisation
fence       what editors may not do to their page, decided by its permission tester
workflow    the "Directory review" moderation workflow
freshness   confirming a profile and the reminder schedule
enquiries   visitors' messages, stored with their mails (the outbox sends them)
spam        honeypot, form timing, single-use form tokens and rate limits of the public forms
receivers   signal receivers (groups follow memberships, publishing confirms)
forms, views, admin_views, editor_home, hooks, emails: the HTTP and admin side

Registration identifiers (VAT ID, IČO, register number) are read by directory/validators.py,
below the models, because the model fields validate with the same rule.
"""

from .accounts import delete_account, export_data, invitation_tokens, invitation_url
from .enquiries import enquiry_recipients, store_enquiries
from .freshness import confirm_current
from .join import approve, create_claim, create_listing, reject
from .permissions import (
    add_editor,
    ensure_access,
    is_directory_staff,
    is_organisation_editor,
    sync_access,
)
from .workflow import MODERATORS_GROUP, WORKFLOW_NAME, ensure_directory_workflow

__all__ = [
    "MODERATORS_GROUP",
    "WORKFLOW_NAME",
    "add_editor",
    "approve",
    "confirm_current",
    "create_claim",
    "create_listing",
    "delete_account",
    "enquiry_recipients",
    "ensure_access",
    "ensure_directory_workflow",
    "export_data",
    "invitation_tokens",
    "invitation_url",
    "is_directory_staff",
    "is_organisation_editor",
    "reject",
    "store_enquiries",
    "sync_access",
]
