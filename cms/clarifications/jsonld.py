"""schema.org ``ClaimReview`` for a clarification.

``ClarificationPage.json_ld`` returns it, and ``cms.syndication.jsonld.page_data`` puts it
in the page's head with the breadcrumbs, serialised by its ``script_json`` (no text inside,
such as a hostile claim or outlet name, can close the script element).
"""

# ClaimReview's numeric scale: worst 1 (false) to best 4 (accurate), see RATING_VALUES.
BEST, WORST = 4, 1


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def claim_review(request, page, author: dict) -> dict:
    """``page`` (a ClarificationPage) as a ClaimReview by ``author`` (the site's
    organisation): the claim, where it appeared (the outlet's link and the news items
    answered), the rating on a 1 (false) to 4 (accurate) scale."""
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
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": page.rating_value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": str(page.get_rating_display()),
        },
        "itemReviewed": claim,
    }
