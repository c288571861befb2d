"""The "Directory review" workflow: moderators approve every change of an organisation page.

The data migration creates it; directory indexes created later (demo content, tests) get it
assigned by a signal, so no organisation page is ever outside moderation. Its names are stored
in English and read in the language of whoever sees them (the admin, Wagtail's mails).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage

WORKFLOW_NAME = gettext_noop("Directory review")
TASK_NAME = gettext_noop("Directory moderators approve")
TRANSLATED_NAMES = (WORKFLOW_NAME, TASK_NAME)
MODERATORS_GROUP = "Directory moderators"
# Approving publishes the page, which Wagtail checks against the approver's page permissions.
MODERATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")
MODERATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("directory", "view_joinrequest"),
    ("directory", "change_joinrequest"),
    ("directory", "view_enquiry"),
    ("directory", "view_organisationaccess"),
    ("directory", "change_organisationaccess"),
    ("directory", "view_organisationmembership"),
    ("directory", "add_organisationmembership"),
    ("directory", "delete_organisationmembership"),
)


def ensure_directory_workflow(group_model=Group, permission_model=Permission, **models):
    """The moderators group and the workflow with its approval task (idempotent).

    Migrations pass their historical models; code at runtime uses the real ones.
    """
    workflow_model = models.get("workflow_model", Workflow)
    task_model = models.get("task_model", GroupApprovalTask)
    moderators, _created = group_model.objects.get_or_create(name=MODERATORS_GROUP)
    for app_label, codename in MODERATOR_PERMISSIONS:
        permission = permission_model.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            moderators.permissions.add(permission)
    workflow = workflow_model.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = workflow_model.objects.create(name=WORKFLOW_NAME, active=True)
        task = task_model.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = task_model.objects.create(name=TASK_NAME, active=True)
            task.groups.add(moderators)
        workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


def assign_to(index_page):
    """Put a directory index (and so all its organisations) under the review workflow."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        workflow = ensure_directory_workflow()
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    for codename in MODERATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page=index_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


class TranslatedName(str):
    """A name stored in English that displays in the active language.

    Its value (what the database stores and the code compares) stays English; `str()`, which
    templates, `%`-formatting and Wagtail's mails use to show it, translates at display time.
    """

    def __str__(self):
        return gettext(str.__str__(self))


def show_name_translated(sender, instance, **kwargs):
    """post_init of workflows and tasks: the project's own names read in the active language."""
    # Read from __dict__: a deferred name would cost a query per instance.
    if instance.__dict__.get("name") in TRANSLATED_NAMES:
        instance.name = TranslatedName(instance.name)


def store_name_in_english(sender, instance, **kwargs):
    """pre_save: an editor's form submits the name as it was shown; store the English one."""
    for english in TRANSLATED_NAMES:
        shown = set()
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                shown.add(gettext(english))
        if instance.name in shown:
            instance.name = english
            return


def moderators_by_language():
    """[(language, addresses)] of the active moderators and superusers with an address, each
    in their admin language: mails to moderators are written once per language."""
    moderators = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True))
        .exclude(email="")
        .values_list("email", "wagtail_userprofile__preferred_language")
        .distinct()
    )
    # A moderator who never chose an admin language gets the site's default language.
    by_language = {}
    for email, language in moderators:
        by_language.setdefault(language or settings.LANGUAGE_CODE, set()).add(email)
    return [(language, sorted(emails)) for language, emails in sorted(by_language.items())]
