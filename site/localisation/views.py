"""The translation status report: every object in every language, filterable, as CSV, with
links to translate; organisation editors see (and may machine-translate) their own only."""

import csv

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import get_edit_url

from glokal.spreadsheets import safe_row

from .bulk import MISSING, STATUS_LABELS, bring_up_to_date, sources, status_rows

PAGE_SIZE = 50


def sees_everything(user):
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def visible_keys(user):
    """Translation keys of the objects `user` may see in the report (None: all of them)."""
    if sees_everything(user):
        return None
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return set(editable.values_list("translation_key", flat=True))


def _rows(request):
    keys = visible_keys(request.user)
    if keys is not None and not keys:
        raise PermissionDenied
    locales = Locale.objects.all()
    language = request.GET.get("locale")
    if language:
        locales = locales.filter(language_code=language)
    content_type = request.GET.get("type") or ""
    models = ContentType.objects.filter(pk=content_type) if content_type.isdigit() else None
    rows = status_rows(sources(models=models, translation_keys=keys), locales)
    status = request.GET.get("status")
    if status in STATUS_LABELS:
        rows = [row for row in rows if row.status == status]
    return rows


def translation_status(request):
    rows = _rows(request)
    if request.GET.get("format") == "csv":
        return _csv(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("p"))
    for row in page:
        row.links = _links(row)
    counts = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "localisation/translation_status.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "globe",
            "rows": page,
            "counts": [(STATUS_LABELS[key], counts.get(key, 0)) for key in STATUS_LABELS],
            "statuses": STATUS_LABELS.items(),
            "locales": Locale.objects.all(),
            "types": ContentType.objects.filter(
                pk__in=sources().values("specific_content_type")
            ).order_by("model"),
            "query": query.urlencode(),
            "csv_query": _with(request, format="csv"),
        },
    )


def _with(request, **params):
    query = request.GET.copy()
    query.update(params)
    return query.urlencode()


def _links(row):
    """Where to translate or edit the row's object in the row's language."""
    try:
        target = row.source.get_translated_instance(row.locale)
    except ObjectDoesNotExist:  # A missing version: offer to translate the source.
        target = None
    if target is not None:
        return {"edit": get_edit_url(target)}
    source = row.source.get_source_instance()
    if isinstance(source, Page):
        return {"translate": reverse("wagtail_localize:submit_page_translation", args=[source.pk])}
    meta = source._meta
    return {
        "translate": reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, source.pk],
        )
    }


def _csv(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    writer.writerow(
        safe_row(
            [
                _("Object"),
                _("Type"),
                _("Source language"),
                _("Language"),
                _("Status"),
                _("Strings translated"),
                _("Strings"),
                "status",
            ]
        )
    )
    for row in rows:
        writer.writerow(
            safe_row(
                [
                    row.source.object_repr,
                    row.source.specific_content_type.name,
                    row.source.locale.language_code,
                    row.locale.language_code,
                    str(row.status_label),
                    row.translated,
                    row.total,
                    row.status,
                ]
            )
        )
    return response


@require_POST
def request_machine_translation(request):
    """Bring one object's version in one language up to date now (by machine, if set up)."""
    keys = visible_keys(request.user)
    source_id, language = request.POST.get("source") or "", request.POST.get("locale")
    rows = status_rows(
        sources(translation_keys=keys).filter(pk=source_id) if source_id.isdigit() else [],
        Locale.objects.filter(language_code=language),
    )
    if not rows:
        raise PermissionDenied
    row = rows[0]
    if keys is not None and row.status == MISSING and not _may_create(request.user, row):
        raise PermissionDenied
    _changed, outcome = bring_up_to_date(row)
    messages.success(request, f"{row.source.object_repr} ({language}): {outcome}")
    query = request.POST.get("query", "")
    return redirect(reverse("localisation_status") + (f"?{query}" if query else ""))


def _may_create(user, row):
    source = row.source.get_source_instance()
    return isinstance(source, Page) and source.permissions_for_user(user).can_edit()
