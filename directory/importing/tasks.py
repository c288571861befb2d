"""The background run of an import: thousands of rows never hold up a request."""

from django_tasks import task


@task()
def run_import(import_id):
    from ..models import OrganisationImport
    from .runs import perform

    run = OrganisationImport.objects.filter(pk=import_id).first()
    if run is None or run.status != OrganisationImport.Status.QUEUED:
        return 0
    return len(perform(run))
