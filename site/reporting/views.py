"""The reporting dashboard in the admin, its exports and its printable view."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from glokal.spreadsheets import XLSX_TYPE, table_csv, table_xlsx

from .figures import dashboard_tables
from .forms import ReportForm

PERMISSION = "reporting.view_programme_report"


def may_view_report(user):
    return user.is_active and user.has_perm(PERMISSION)


def dashboard(request):
    if not may_view_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.GET or {"period": "project"})
    if not form.is_valid():
        return TemplateResponse(request, "reporting/dashboard.html", _context(form, []), status=400)
    scope = form.scope()
    tables = dashboard_tables(scope)
    export = request.GET.get("export")
    if export:
        return _export(tables, request.GET.get("table", ""), export, scope)
    template = "reporting/print.html" if request.GET.get("print") else "reporting/dashboard.html"
    context = _context(form, tables, scope)
    query = request.GET.copy()
    for parameter in ("export", "table", "print"):
        query.pop(parameter, None)
    context["query"] = query.urlencode()
    return TemplateResponse(request, template, context)


def _context(form, tables, scope=None):
    return {
        "form": form,
        "tables": tables,
        "scope": scope,
        "header_title": _("Programme figures"),
        "page_title": _("Programme figures"),
    }


def _export(tables, key, extension, scope):
    table = next((table for table in tables if table.key == key), None)
    if table is None or extension not in ("csv", "xlsx"):
        return HttpResponseBadRequest(_("There is no such table or file format to download."))
    filename = f"glokal-{table.key}-{scope.period.slug}.{extension}"
    if extension == "csv":
        content, content_type = table_csv(table.columns, table.rows), "text/csv"
    else:
        content, content_type = table_xlsx(table.columns, table.rows, table.title), XLSX_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
