"""What goes into the index for a page or an aggregated item."""

from django.utils.html import strip_tags

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


def _stream_text(stream) -> str:
    parts = []
    for block in stream or []:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "heading":
            parts.append(value["text"])
        elif block.block_type in ("image", "photo"):
            parts += [value.get("caption", ""), value.get("alt_text", "")]
        elif block.block_type == "quote":
            parts += [value["quote"], value.get("attribution", "")]
        elif block.block_type == "fact_box":
            parts.append(value.get("title", ""))
            parts += [f"{fact['label']} {fact['value']}" for fact in value["facts"]]
        elif block.block_type == "video":
            parts.append(value.get("caption", ""))
    return " ".join(p for p in parts if p)


def page_document(page) -> dict:
    from cms.galleries.models import GalleryPage
    from cms.stories.models import StoryPage

    page = page.specific
    section = page.get_parent().specific
    if isinstance(page, StoryPage):
        kind, body, date = (
            "story",
            f"{page.standfirst} {_stream_text(page.body)}",
            page.date_published,
        )
    elif isinstance(page, GalleryPage):
        kind, body, date = (
            "gallery",
            f"{page.intro} {_stream_text(page.items)}",
            page.date_published,
        )
    else:
        raise ValueError(f"{type(page).__name__} is not searchable")
    body = body[:MAX_BODY]
    return {
        "kind": kind,
        "object_id": page.pk,
        "province_code": page.province.code if page.province_id else "",
        "fields": {
            "language": page.locale.language_code,
            "title": page.title,
            "body": body,
            "url": page.url or "",
            "section": section.slug if section.depth > 2 else "",
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


def searchable_page_models():
    from cms.galleries.models import GalleryPage
    from cms.stories.models import StoryPage

    return (StoryPage, GalleryPage)
