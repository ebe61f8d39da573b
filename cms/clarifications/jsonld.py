"""schema.org ``ClaimReview`` for a clarification, in the page's head.

Serialised as ``cms.syndication.jsonld.script_json`` does (the site layer, which this app
may not import): ``<``, ``>``, ``&`` and the line separators become ``\\uXXXX`` escapes,
so no text inside (a hostile claim or outlet name) can close the script element. JSON
parsers read the escapes back as the original characters.
"""

import json

from django.utils.safestring import SafeString, mark_safe

from . import conf
from .models import ClarificationPage

SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
BEST, WORST = 4, 1


def script_json(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # no <, > or & left: cannot end the element


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def claim_review(request, page: ClarificationPage) -> dict:
    """The page as a ClaimReview: the claim, where it appeared (the outlet's link and the
    news items answered), the rating on a 1 (false) to 4 (accurate) scale."""
    url = _absolute(request, page.get_url(request=request) or "/")
    appearance = []
    if page.claim_url:
        appearance.append({"@type": "CreativeWork", "url": page.claim_url})
    for item in page.answered_items():
        if item.link and item.link != page.claim_url:
            appearance.append(
                {
                    "@type": "CreativeWork",
                    "url": item.link,
                    "headline": item.title,
                    "publisher": {"@type": "Organization", "name": item.source.name},
                }
            )
    claim = {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": page.claim_outlet},
        "appearance": appearance,
    }
    if page.claim_date:
        claim["datePublished"] = page.claim_date.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "inLanguage": page.locale.language_code,
        "headline": page.title,
        "claimReviewed": page.claim,
        "datePublished": page.date_published.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": conf.get("CLARIFICATIONS_PUBLISHER"),
            "url": _absolute(request, "/"),
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": page.rating_value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": str(page.get_rating_display()),
        },
        "itemReviewed": claim,
    }
