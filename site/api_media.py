"""Which images and documents the public API lists (`/api/v3/images/`, `/api/v3/documents/`).

Decision: an anonymous client sees a file when it is in the staff's own collections (the
root collection and those below it that belong to no organisation: staff upload only what they
publish), or when a live, public page or a snippet refers to it (Wagtail's reference index,
which follows what pages hold in their own row: a live page's published content, never a draft
revision). A file in an organisation's collection that only an unpublished or unapproved draft
uses stays unlisted until that draft is published. Token holders get Wagtail's own listing.

Wagtail's image and document routers read their base queryset from a module function
(`get_images_queryset`, `get_documents_queryset`); `install()` narrows those.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from wagtail.documents.api.v3 import router as documents_router
from wagtail.images.api.v3 import router as images_router
from wagtail.models import Page, ReferenceIndex


def public_files(queryset):
    """`queryset` of images or documents narrowed to what anonymous clients may list."""
    from directory.models.membership import OrganisationAccess

    model_type = ContentType.objects.get_for_model(queryset.model)
    page_type = ContentType.objects.get_for_model(Page)
    live_pages = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    references = ReferenceIndex.objects.filter(to_content_type=model_type).filter(
        Q(base_content_type=page_type, object_id__in=live_pages) | ~Q(base_content_type=page_type)
    )
    # Every to_object_id of an image or document reference is its integer primary key.
    referenced = references.annotate(file_id=Cast("to_object_id", BigIntegerField()))
    organisation_collections = OrganisationAccess.objects.values("collection_id")
    return queryset.filter(
        ~Q(collection__in=organisation_collections) | Q(pk__in=referenced.values("file_id"))
    )


def narrowed(get_queryset):
    def get_public_queryset(request):
        queryset = get_queryset(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return queryset
        return public_files(queryset)

    get_public_queryset.narrowed_for_anonymous = True
    return get_public_queryset


def install():
    for module, name in (
        (images_router, "get_images_queryset"),
        (documents_router, "get_documents_queryset"),
    ):
        current = getattr(module, name)
        if not getattr(current, "narrowed_for_anonymous", False):
            setattr(module, name, narrowed(current))
