"""Private files: stored on the server's disk outside MEDIA_ROOT and never given a URL.

Only a view that checks who asks may hand them out (for example the requester's download of a
file attached to an answer); `url()` refuses, so no template can link one by mistake.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage below PRIVATE_MEDIA_ROOT (read when used, so tests may move it)."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


def private_storage():
    """The "private" storage of STORAGES: a callable, so migrations do not record a path."""
    return storages["private"]
