"""The headless API: Wagtail API v3 with the project's own routers added to it.

Every error it answers is a problem document (glokal.api_errors); the OpenAPI schema lists the
statuses each operation answers and marks the operations anyone may call (glokal.api_schema).
"""

from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api

from directory.search.api import router as directory_router
from eventpages.api import router as events_router
from newsroom.api import router as newsroom_router
from newsroom.contacts_api import router as contacts_router

from . import api_errors, api_media, api_schema
from .headless import content as headless_content
from .headless.footer import router as footer_router
from .headless.preview import router as preview_router
from .headless.taxonomies import router as taxonomies_router
from .search.api import router as site_search_router

api.add_router("/directory/", directory_router)
api.add_router("/news/", newsroom_router)
api.add_router("/events/", events_router)
api.add_router("/search/", site_search_router)
api.add_router("/preview/", preview_router)
api.add_router("/taxonomies/", taxonomies_router)
api.add_router("/contacts/", contacts_router)
api.add_router("/footer/", footer_router)

api_errors.install(api)
api_media.install()
api_schema.install(api)
headless_content.install(api)


@api.exception_handler(NinjaValidationError)
def bad_request_parameters(request, exc):
    # Wagtail answers unparsable parameters with 422; the project's contract is 400 with the
    # reasons, the same answer its own endpoints give for values they reject.
    return problem_response(status=400, detail="Invalid request parameters", errors=exc.errors)


__all__ = ["api"]
