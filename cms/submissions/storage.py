"""Where photos wait for moderation: a folder outside MEDIA_ROOT that no URL serves.

The folder is read from ``SUBMISSIONS_UPLOAD_DIR`` each time (not at import), so tests and
deployments can move it; a moderator sees a photo only through the admin's photo view.
"""

import os

from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from . import conf


@deconstructible
class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self) -> str:
        return str(conf.get("SUBMISSIONS_UPLOAD_DIR"))

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Photos awaiting moderation have no public URL.")
