from django import template

from cms.clarifications.jsonld import claim_review, script_json

register = template.Library()


@register.simple_tag(takes_context=True)
def claim_review_json(context, page):
    """The page's ClaimReview, inert inside a ``<script type="application/ld+json">``."""
    return script_json(claim_review(context.get("request"), page))
