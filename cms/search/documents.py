"""What goes into the index for a page or an aggregated item."""

from wagtail.models import Page, get_page_models

from cms.core.pages import HOME_DEPTH

from .segmentation import prepare

MAX_BODY = 20000


def _fields(title: str, body: str) -> dict:
    title_prepared, body_prepared = prepare(title), prepare(body)
    return {
        "title_exact": title_prepared.exact_text,
        "title_folded": title_prepared.folded_text,
        "title_grams": title_prepared.grams_text,
        "body_exact": body_prepared.exact_text,
        "body_folded": body_prepared.folded_text,
        "body_grams": body_prepared.grams_text,
    }


def page_document(page) -> dict:
    """The document of a searchable page (see ``searchable_page_models``)."""
    page = page.specific
    if not isinstance(page, searchable_page_models()):
        raise ValueError(f"{type(page).__name__} is not searchable")
    section = page.get_parent().specific
    body = page.search_body()[:MAX_BODY]
    date = page.date_published
    return {
        "kind": page.search_kind,
        "object_id": page.pk,
        "province_code": page.province.code if page.province_id else "",
        "fields": {
            "language": page.locale.language_code,
            "title": page.title,
            "body": body,
            "url": page.url or "",
            "section": section.slug if section.depth > HOME_DEPTH else "",
            "province_id": page.province_id,
            "date": date,
            **_fields(page.title, body),
        },
    }


def item_document(item) -> dict:
    body = f"{item.summary}"[:MAX_BODY]
    return {
        "kind": "feed_item",
        "object_id": item.pk,
        "province_code": item.province.code if item.province_id else "",
        "fields": {
            "language": item.language,
            "title": item.title,
            "body": body,
            "url": item.link,
            "section": "",
            "province_id": item.province_id,
            "date": item.sort_at,
            **_fields(item.title, body),
        },
    }


def searchable_page_models() -> tuple[type[Page], ...]:
    """The page types that declare themselves searchable.

    Search sits below the page types and never imports them: a page type is indexed when
    it has a ``search_kind`` (a ``Kind`` value), a ``search_body()`` method, and the fields
    ``date_published`` and ``province``.
    """
    return tuple(model for model in get_page_models() if getattr(model, "search_kind", None))


def page_kinds() -> list[str]:
    return [model.search_kind for model in searchable_page_models()]


def section_page_models() -> tuple[type[Page], ...]:
    """The page types that hold searchable pages. Those below the home pages are the
    sections a search can be narrowed to (a document's ``section`` is its parent's slug)."""
    return tuple(
        {
            parent
            for model in searchable_page_models()
            for parent in model.allowed_parent_page_models()
        }
    )
