"""The read-only partner API: Wagtail's API v2 at /api/v2/ (pages and images), JSON only.

- Pages: live, public pages only (no page behind a password or a sign-in, whatever the
  caller's session); filters ``type``, ``locale``, ``translation_of``, ``child_of``,
  ``descendant_of``, ``ancestor_of``, ``order``, ``limit``/``offset``, ``fields``, and
  the fields of ``api_fields``.
- Images: those that live, public pages use (Wagtail's reference index), so an image
  uploaded for an unpublished story stays private.
- Every value is checked first: control characters, over-long values and integers past
  32 bits get a 400 (``{"message": ...}``) before any reaches the database.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from cms.text.normalise import UNDECODABLE, has_controls

from . import api_fields

MAX_VALUE_LENGTH = 200
MAX_INTEGER = 2**31 - 1
INTEGER = re.compile(r"-?\d+")


def check_query_string(query) -> None:
    """Raise ``BadRequestError`` for a value no client should send (see module docstring)."""
    for name, values in query.lists():
        if len(values) > 1:
            raise BadRequestError(_("give %(name)s only once") % {"name": name})
        for value in [name, *values]:
            if len(value) > MAX_VALUE_LENGTH or has_controls(value) or UNDECODABLE in value:
                raise BadRequestError(_("malformed value for %(name)s") % {"name": name[:40]})
            if INTEGER.fullmatch(value) and abs(int(value)) > MAX_INTEGER:
                raise BadRequestError(_("%(name)s is out of range") % {"name": name})


class CheckedQueryMixin:
    renderer_classes = [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_string(request.GET)

    def finalize_response(self, request, response, *args, **kwargs):
        """A 404 stays a JSON 404: Django's LocaleMiddleware would otherwise redirect it to
        ``/<lang>/api/...``, which Wagtail's catch-all page route seems to serve. It
        consults ``request.urlconf``, so the answer names a URLconf without language
        prefixes (only the middleware reads it this late)."""
        if response.status_code == 404:
            request._request.urlconf = "cms.syndication.urls"
        return super().finalize_response(request, response, *args, **kwargs)

    @classmethod
    def get_urlpatterns(cls):
        """Listing and detail; Wagtail's ``find/`` redirect helper is left out."""
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "find"]


class PartnerPagesAPIViewSet(CheckedQueryMixin, PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
    ]
    known_query_parameters = frozenset(
        {
            *("limit", "offset", "fields", "order", "type", "locale", "translation_of"),
            *("child_of", "ancestor_of", "descendant_of"),
        }
    )
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "url", "mt_label"]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields) + api_fields.body_fields(model)

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(PagesAPIViewSet.meta_fields) + api_fields.COMMON

    def get_base_queryset(self):
        return super().get_base_queryset().public()


def public_image_ids() -> list[int]:
    """Ids of the images that live, public pages refer to."""
    pages = Page.objects.live().public().values_list("pk", flat=True)
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        object_id__in=[str(pk) for pk in pages],
    ).values_list("to_object_id", flat=True)
    return sorted({int(pk) for pk in references})


class PartnerImagesAPIViewSet(CheckedQueryMixin, ImagesAPIViewSet):
    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = frozenset({"limit", "offset", "fields", "order"})

    def get_queryset(self):
        return get_image_model().objects.filter(pk__in=public_image_ids()).order_by("id")


api_router = WagtailAPIRouter("partner_api")
api_router.register_endpoint("pages", PartnerPagesAPIViewSet)
api_router.register_endpoint("images", PartnerImagesAPIViewSet)
