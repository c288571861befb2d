"""Draft preview for a decoupled front end: signed, expiring links to a page's latest revision.

An editor presses "Preview in the partner front end" in the admin; the front end at
HEADLESS_PREVIEW_CLIENT_URL receives `?token=…` and reads the draft from
`GET /api/v3/preview/?token=…`. The token names the page and the revision, is signed with
SECRET_KEY and expires after HEADLESS_PREVIEW_MAX_AGE seconds; a changed token is refused.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja import Router
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page, Revision

SALT = "glokal.headless.preview"

router = Router(tags=["preview"])


def make_token(revision):
    return signing.dumps({"page": revision.object_id, "revision": revision.pk}, salt=SALT)


def read_token(token):
    """The revision a token names; raises signing.SignatureExpired or signing.BadSignature."""
    data = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    return Revision.page_revisions.filter(pk=data["revision"], object_id=str(data["page"])).first()


def preview_api_url(token):
    return (
        settings.WAGTAILAPI_BASE_URL
        + reverse("wagtailapi_v3:headless_preview")
        + "?"
        + (urlencode({"token": token}))
    )


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="headless_preview",
    summary="A page's draft, for a signed preview link",
    operation_id="preview_detail",
    description=(
        "The latest revision a preview link was made for, in the page detail format. "
        "`token` comes from the admin's preview button; it expires after the configured "
        "time (410) and any change to it is refused (403). Never cached."
    ),
)
def preview_detail(request: HttpRequest, response: HttpResponse, token: str):
    try:
        revision = read_token(token)
    except signing.SignatureExpired:
        return problem_response(status=410, detail="This preview link has expired.")
    except signing.BadSignature:
        return problem_response(status=403, detail="This preview link is not valid.")
    if revision is None:
        return problem_response(status=410, detail="This draft no longer exists.")
    # A draft is for the one editor who asked: no browser or CDN may keep it.
    response["Cache-Control"] = "private, no-store"
    return revision.as_object()


def admin_preview(request, page_id):
    """The admin's button: a token for the page's latest revision, sent to the front end."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision() or page.save_revision(user=request.user)
    token = make_token(revision)
    client = settings.HEADLESS_PREVIEW_CLIENT_URL
    if client:
        separator = "&" if "?" in client else "?"
        return redirect(client + separator + urlencode({"token": token, "type": page._meta.label}))
    return TemplateResponse(
        request,
        "headless/preview_link.html",
        {
            "page": page,
            "api_url": preview_api_url(token),
            "max_age_minutes": settings.HEADLESS_PREVIEW_MAX_AGE // 60,
            "header_title": _("Preview for a decoupled front end"),
        },
    )
