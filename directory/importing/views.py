"""Admin views of the import: upload, choose columns, read the dry run, run, download."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from glokal.spreadsheets import XLSX_TYPE, table_csv, table_xlsx

from ..models import DirectoryIndexPage, OrganisationImport
from ..search.params import InvalidSearch
from . import export, runs
from .forms import ExportForm, MappingForm, UploadForm
from .layout import guess_mapping, missing_required
from .reader import UnreadableFile, read_table
from .report import action_label
from .spreadsheets import report_csv, template_csv, template_xlsx

PERMISSION = "directory.add_organisationimport"
ROWS_PER_PAGE = 100
# Problems first in the report: what needs a person's attention.
ACTION_ORDER = {"error": 0, "update": 1, "skip": 2, "create": 3}


def may_import(user):
    return user.is_active and user.has_perm(PERMISSION)


def import_permission_required(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def _attachment(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@import_permission_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            table = read_table(data, upload.name)
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            run = OrganisationImport(
                created_by=request.user,
                filename=upload.name[:255],
                data=data,
                source=form.cleaned_data["source"],
                publish=form.cleaned_data["publish"],
            )
            run.position_mapping = guess_mapping(table.headers)
            run.save()
            if missing_required(run.position_mapping):
                return redirect("directory_import_mapping", run.pk)
            runs.check(run, table)
            return redirect("directory_import", run.pk)
    return TemplateResponse(
        request,
        "directory/importing/upload.html",
        {
            "page_title": _("Import organisations"),
            "header_icon": "upload",
            "form": form,
            "recent": OrganisationImport.objects.defer("data", "outcomes")[:10],
        },
    )


@import_permission_required
def mapping(request, pk):
    run = get_object_or_404(OrganisationImport, pk=pk, status=OrganisationImport.Status.CHECKED)
    table = read_table(bytes(run.data), run.filename)
    form = MappingForm(table.headers, run.position_mapping, request.POST or None)
    if request.method == "POST" and form.is_valid():
        missing = missing_required(form.mapping())
        if missing:
            form.add_error(
                None,
                _("Choose a column for: %(columns)s.")
                % {"columns": ", ".join(str(column.label) for column in missing)},
            )
        else:
            run.position_mapping = form.mapping()
            runs.check(run, table)
            return redirect("directory_import", run.pk)
    return TemplateResponse(
        request,
        "directory/importing/mapping.html",
        {
            "page_title": _("Which column is which?"),
            "header_icon": "upload",
            "form": form,
            "run": run,
        },
    )


@import_permission_required
def detail(request, pk):
    run = get_object_or_404(OrganisationImport.objects.defer("data"), pk=pk)
    dry_run = run.status == OrganisationImport.Status.CHECKED
    outcomes = sorted(
        runs.stored_outcomes(run),
        key=lambda outcome: (ACTION_ORDER[outcome.action], outcome.number),
    )
    page = Paginator(outcomes, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    for outcome in page:
        outcome.label = action_label(outcome.action, dry_run)
    return TemplateResponse(
        request,
        "directory/importing/detail.html",
        {
            "page_title": _("Import of %(file)s") % {"file": run.filename},
            "header_icon": "upload",
            "run": run,
            "dry_run": dry_run,
            "in_progress": run.status
            in (OrganisationImport.Status.QUEUED, OrganisationImport.Status.RUNNING),
            "counts": [
                (action_label(action, dry_run), count) for action, count in run.counts.items()
            ],
            "rows": page,
        },
    )


@require_POST
@import_permission_required
def start(request, pk):
    run = get_object_or_404(OrganisationImport.objects.defer("data"), pk=pk)
    with transaction.atomic():
        started = runs.start(run)
    if started:
        messages.success(request, _("The import is running; this page shows its progress."))
    else:
        messages.warning(request, _("This import has already been started."))
    return redirect("directory_import", run.pk)


@import_permission_required
def report(request, pk):
    run = get_object_or_404(OrganisationImport.objects.defer("data"), pk=pk)
    dry_run = run.status == OrganisationImport.Status.CHECKED
    return _attachment(
        report_csv(runs.stored_outcomes(run), dry_run), f"import-{run.pk}-report.csv", "text/csv"
    )


@import_permission_required
def template(request, extension):
    if extension == "xlsx":
        return _attachment(template_xlsx(), "organisations-template.xlsx", XLSX_TYPE)
    return _attachment(template_csv(), "organisations-template.csv", "text/csv")


def may_export(user):
    return user.is_active and user.has_perm(export.EXPORT_PERMISSION)


def export_directory(request):
    if not may_export(request.user):
        raise PermissionDenied
    personal_data_allowed = request.user.has_perm(export.PERSONAL_DATA_PERMISSION)
    languages = [
        (index.locale.language_code, index.locale.get_display_name())
        for index in DirectoryIndexPage.objects.select_related("locale")
    ]
    form = ExportForm(
        request.GET if "language" in request.GET else None,
        languages=languages,
        may_export_personal_data=personal_data_allowed,
        initial={"language": request.LANGUAGE_CODE},
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        language, query = export.selection_from_url(data["search_url"])
        language = language or data["language"]
        personal_data = personal_data_allowed and data.get("personal_data", False)
        try:
            pages = export.organisations(language, query, include_drafts=data["include_drafts"])
        except InvalidSearch as exc:
            form.add_error("search_url", str(exc))
        else:
            header = export.header(personal_data)
            rows = export.rows(pages, personal_data)
            name = f"organisations-{language}.{data['file_format']}"
            if data["file_format"] == "csv":
                return _attachment(table_csv(header, rows), name, "text/csv")
            return _attachment(table_xlsx(header, rows, _("Organisations")), name, XLSX_TYPE)
    return TemplateResponse(
        request,
        "directory/importing/export.html",
        {"page_title": _("Export organisations"), "header_icon": "download", "form": form},
    )
