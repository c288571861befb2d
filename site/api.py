"""The headless API: Wagtail API v3 with the project's own routers added to it."""

from wagtail.api.v3.urls import api

from directory.api import router as directory_router
from newsroom.api import router as newsroom_router

# Feature apps add their routers here before the URLconf reads `api.urls`, e.g.
# api.add_router("/directory/", directory_router)
api.add_router("/directory/", directory_router)
api.add_router("/news/", newsroom_router)

__all__ = ["api"]
