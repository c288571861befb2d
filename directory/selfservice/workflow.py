"""The "Directory review" workflow: moderators approve every change of an organisation page.

The data migration creates it; directory indexes created later (demo content, tests) get it
assigned by a signal, so no organisation page is ever outside moderation.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage

WORKFLOW_NAME = "Directory review"
TASK_NAME = "Directory moderators approve"
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
