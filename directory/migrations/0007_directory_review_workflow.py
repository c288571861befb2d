"""The "Directory review" workflow, its moderators group, assigned to every directory index."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Directory review"
TASK_NAME = "Directory moderators approve"
MODERATORS_GROUP = "Directory moderators"
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


def create_workflow(apps, schema_editor):
    # Permissions of this app's new models only exist after post_migrate; create them now.
    app_config = apps.get_app_config("directory")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    DirectoryIndexPage = apps.get_model("directory", "DirectoryIndexPage")

    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    for app_label, codename in MODERATOR_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            moderators.permissions.add(permission)

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, active=True, content_type=task_type
        )
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=("change_page", "publish_page")
    )
    for index in DirectoryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
        # Approving publishes, which needs the approver to hold publish permission.
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page_id=index.pk, permission=permission
            )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name=MODERATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_enquiry_freshnessreminder_joinrequest_and_more"),
        ("wagtailcore", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
