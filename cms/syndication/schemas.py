"""JSON Schemas (OpenAPI 3.1, JSON Schema 2020-12) of the answers in ``openapi``.

Objects stay open (more properties allowed): partners choose fields with ``fields=``,
and a property is described whenever it appears.
"""


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
RENDITION = {
    "type": "object",
    "properties": {"url": STRING, "width": INTEGER, "height": INTEGER},
    "required": ["url", "width", "height"],
}
LEAD_IMAGE = {
    "type": "object",
    "properties": {
        "id": INTEGER,
        "alt": STRING,
        "large": ref("Rendition"),
        "share": ref("Rendition"),
        "thumbnail": ref("Rendition"),
    },
    "required": ["id", "large", "share", "thumbnail"],
}
PAGE_META = {
    "type": "object",
    "properties": {
        "type": STRING,
        "detail_url": STRING,
        "html_url": nullable(STRING),
        "slug": STRING,
        "first_published_at": nullable(STRING),
        "locale": STRING,
        "url": STRING,
        "licence": {
            "type": "object",
            "properties": {"name": STRING, "url": STRING},
            "required": ["name", "url"],
        },
        "mt_label": nullable(STRING),
        "translations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"id": INTEGER, "locale": STRING, "url": STRING},
                "required": ["id", "locale", "url"],
            },
        },
    },
}
NAMED = {"type": "object", "properties": {"slug": STRING, "code": STRING, "name": STRING}}
PAGE = {
    "type": "object",
    "properties": {
        "id": INTEGER,
        "meta": ref("PageMeta"),
        "title": STRING,
        "description": STRING,
        "standfirst": STRING,
        "intro": STRING,
        "body": {"type": "array", "description": "StreamField blocks as Wagtail stores them."},
        "body_html": {"type": "string", "description": "Rendered, sanitised HTML."},
        "date": STRING,
        "author": STRING,
        "section": nullable(
            {"type": "object", "properties": {"id": INTEGER, "slug": STRING, "title": STRING}}
        ),
        "province": nullable(NAMED),
        "topics": {"type": "array", "items": NAMED},
        "lead_image": nullable(ref("LeadImage")),
    },
}
IMAGE = {
    "type": "object",
    "properties": {
        "id": INTEGER,
        "meta": {"type": "object"},
        "title": STRING,
        "width": INTEGER,
        "height": INTEGER,
    },
}
SEARCH_RESULTS = {
    "type": "object",
    "properties": {
        "query": STRING,
        "language": nullable(STRING),
        "mode": STRING,
        "total": INTEGER,
        "counts": {"type": "object", "additionalProperties": INTEGER},
        "page": INTEGER,
        "pages": INTEGER,
        "warning": STRING,
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": STRING,
                    "title": STRING,
                    "url": STRING,
                    "language": STRING,
                    "date": nullable(STRING),
                    "snippet": STRING,
                    "score": {"type": "number"},
                },
                "required": ["kind", "title", "url"],
            },
        },
    },
    "required": ["query", "total", "results"],
}
SUGGESTIONS = {
    "type": "object",
    "properties": {"suggestions": {"type": "array"}},
    "required": ["suggestions"],
}
MANIFEST = {
    "type": "object",
    "properties": {"name": STRING, "start_url": STRING, "icons": {"type": "array"}},
    "required": ["name", "start_url", "icons"],
}
ERROR = {"type": "object", "properties": {"message": STRING}, "required": ["message"]}
SEARCH_ERROR_BODY = {"type": "object", "properties": {"error": STRING}, "required": ["error"]}

COMPONENTS = {
    "Rendition": RENDITION,
    "LeadImage": LEAD_IMAGE,
    "PageMeta": PAGE_META,
    "Page": PAGE,
    "Image": IMAGE,
    "Error": ERROR,
}


def listing(item: dict) -> dict:
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": INTEGER},
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": item},
        },
        "required": ["meta", "items"],
    }


def json_response(schema: dict, description: str, media: str = "application/json") -> dict:
    return {"description": description, "content": {media: {"schema": schema}}}


def xml_response(media: str, description: str) -> dict:
    return {"description": description, "content": {media: {"schema": STRING}}}


def text_response(description: str) -> dict:
    return {"description": description, "content": {"text/plain": {"schema": STRING}}}


API_ERROR = json_response(ref("Error"), "Bad parameter, or nothing found")
SEARCH_ERROR = json_response(SEARCH_ERROR_BODY, "Bad parameter")
HTML_NOT_FOUND = {"description": "Not found", "content": {"text/html": {"schema": STRING}}}
