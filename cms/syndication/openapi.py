"""The OpenAPI 3.1 document of the site's public machine-readable endpoints, served at
/api/openapi.json: the partner API (Wagtail API v2), search JSON and autocomplete, the
feeds, the sitemaps and robots.txt. A plain dict, so no generator is needed; the test
suite loads it with schemathesis and runs it against the application."""

from django.conf import settings

from . import schemas as s

PAGE_TYPES = [
    "home.HomePage",
    "stories.SectionPage",
    "stories.StoryPage",
    "galleries.GalleryPage",
    "provinces.ProvinceIndexPage",
    "provinces.ProvincePage",
    "aggregator.FeedIndexPage",
]
MAX_ID = 2**31 - 1


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _query(name: str, schema: dict, description: str, required: bool = False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }


def _path(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "description": description,
    }


LANG = _path(
    "lang", {"type": "string", "enum": _languages()}, "Language code of the site, e.g. `en`, `lo`."
)
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
PAGING = [
    _query("limit", {"type": "integer", "minimum": 0, "maximum": 20}, "Items per answer."),
    _query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_ID}, "Items to skip."),
    _query(
        "fields", {"type": "string", "maxLength": 200}, "Fields to add or remove (`-title`, `*`)."
    ),
]


def _page_parameters() -> list[dict]:
    return [
        *PAGING,
        _query("type", {"type": "string", "enum": PAGE_TYPES}, "Only pages of this type."),
        _query("locale", {"type": "string", "enum": _languages()}, "Only pages in this language."),
        _query("translation_of", ID, "Only translations of this page (other languages)."),
        _query("child_of", ID, "Only children of this page."),
        _query("descendant_of", ID, "Only pages below this page."),
        _query("ancestor_of", ID, "Only pages above this page."),
        _query(
            "order",
            {"type": "string", "enum": ["id", "-id", "title", "-title", "random"]},
            "Sort order.",
        ),
    ]


def _ops(summary: str, parameters: list, responses: dict, tag: str) -> dict:
    return {
        "get": {"summary": summary, "tags": [tag], "parameters": parameters, "responses": responses}
    }


def _feed_paths() -> dict:
    paths = {}
    for kind, media in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        feed = s.xml_response(media, f"{kind.upper()} feed")
        paths[f"/{{lang}}/feeds/{kind}.xml"] = _ops(
            f"Latest stories and galleries ({kind.upper()})",
            [LANG],
            {"200": feed, "404": s.HTML_NOT_FOUND},
            "feeds",
        )
        paths[f"/{{lang}}/feeds/section/{{slug}}/{kind}.xml"] = _ops(
            f"One section's stories and galleries ({kind.upper()})",
            [LANG, _path("slug", {"type": "string", "maxLength": 100}, "Section slug.")],
            {"200": feed, "404": s.HTML_NOT_FOUND},
            "feeds",
        )
        paths[f"/{{lang}}/feeds/province/{{code}}/{kind}.xml"] = _ops(
            f"Stories and galleries about one province ({kind.upper()})",
            [
                LANG,
                _path("code", {"type": "string", "maxLength": 40}, "Province code, e.g. `ha-noi`."),
            ],
            {"200": feed, "404": s.HTML_NOT_FOUND},
            "feeds",
        )
    return paths


def _search_paths() -> dict:
    q = {"type": "string", "minLength": 1, "maxLength": 500}
    filters = [
        _query("type", {"type": "string", "enum": ["story", "gallery", "feed_item"]}, "Kind."),
        _query("section", {"type": "string", "pattern": "^[-a-z0-9_]{1,100}$"}, "Section slug."),
        _query("province", {"type": "string", "maxLength": 40}, "Province code."),
        _query("date_from", {"type": "string", "format": "date"}, "From this day."),
        _query("date_to", {"type": "string", "format": "date"}, "Up to this day."),
        _query("all_languages", {"type": "boolean"}, "Search every language."),
        _query("page", {"type": "integer", "minimum": 1, "maximum": 1000}, "Page of results."),
    ]
    return {
        "/{lang}/search/json/": _ops(
            "Search stories, galleries and news items",
            [LANG, _query("q", q, "Words to find.", required=True), *filters],
            {
                "200": s.json_response(s.SEARCH_RESULTS, "Results"),
                "400": s.SEARCH_ERROR,
                "404": s.HTML_NOT_FOUND,
            },
            "search",
        ),
        "/{lang}/search/suggest/": _ops(
            "Autocomplete titles",
            [LANG, _query("q", q, "The start of a title."), filters[5]],
            {
                "200": s.json_response(s.SUGGESTIONS, "Suggestions"),
                "400": s.SEARCH_ERROR,
                "404": s.HTML_NOT_FOUND,
            },
            "search",
        ),
    }


def _api_paths() -> dict:
    api_errors = {"400": s.API_ERROR, "404": s.API_ERROR}
    return {
        "/api/v2/pages/": _ops(
            "Live, public pages",
            _page_parameters(),
            {"200": s.json_response(s.listing(s.ref("Page")), "Pages"), **api_errors},
            "api",
        ),
        "/api/v2/pages/{id}/": _ops(
            "One live, public page with all its fields",
            [_path("id", ID, "Page id."), PAGING[2]],
            {"200": s.json_response(s.ref("Page"), "The page"), **api_errors},
            "api",
        ),
        "/api/v2/images/": _ops(
            "Images used by live, public pages",
            [
                *PAGING,
                _query("order", {"type": "string", "enum": ["id", "-id", "title"]}, "Sort order."),
            ],
            {"200": s.json_response(s.listing(s.ref("Image")), "Images"), **api_errors},
            "api",
        ),
        "/api/v2/images/{id}/": _ops(
            "One image",
            [_path("id", ID, "Image id."), PAGING[2]],
            {"200": s.json_response(s.ref("Image"), "The image"), **api_errors},
            "api",
        ),
    }


def _site_paths() -> dict:
    return {
        "/robots.txt": _ops(
            "Rules for crawlers", [], {"200": s.text_response("robots.txt")}, "site"
        ),
        "/sitemap.xml": _ops(
            "Sitemap index", [], {"200": s.xml_response("application/xml", "Sitemap index")}, "site"
        ),
        "/sitemap-{lang}.xml": _ops(
            "One language's sitemap with hreflang alternates",
            [LANG],
            {"200": s.xml_response("application/xml", "Sitemap"), "404": s.HTML_NOT_FOUND},
            "site",
        ),
        "/manifest.webmanifest": _ops(
            "Web app manifest",
            [],
            {"200": s.json_response(s.MANIFEST, "Manifest", "application/manifest+json")},
            "site",
        ),
    }


def openapi_document(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Vietnam: public endpoints",
            "version": "1.0.0",
            "description": (
                "Read-only. Pages and images through Wagtail's API v2, search, feeds "
                "and sitemaps. Content licence: see each page's `meta.licence`."
            ),
        },
        "servers": [{"url": server_url or "/"}],
        "paths": {**_api_paths(), **_search_paths(), **_feed_paths(), **_site_paths()},
        "components": {"schemas": s.COMPONENTS},
    }
