"""The one place that decides which HTML written by someone else may be shown as markup.

Each purpose has its own allow-list; everything else is escaped or stripped by nh3
(ammonia). Callers never mark user, translator, feed, import or visitor text safe
themselves: they pass it through a function here.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe

# Inline tags that wagtail-localize keeps inside a segment (``<b>``, ``<a id="a1">``).
# Links keep only their placeholder id: the real href lives outside the segment.
SEGMENT_TAGS = {"a", "b", "i", "strong", "em", "u", "code", "sub", "sup", "br", "span"}
SEGMENT_ATTRIBUTES = {"a": {"id"}, "span": {"id"}}


def segment_html(value: str | None) -> SafeString:
    """A translation segment as safe inline markup: allowed tags kept, other tags and
    their attributes removed, text escaped."""
    cleaned = nh3.clean(
        value or "",
        tags=SEGMENT_TAGS,
        attributes=SEGMENT_ATTRIBUTES,
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    return mark_safe(cleaned)  # nh3 output under the allow-list above



def has_foreign_markup(value: str | None) -> bool:
    """True when the segment holds tags outside the allow-list, which ``segment_html``
    drops: the review screen then shows the raw text so the reviewer sees what was typed.
    Segments store a literal ``<`` as ``&lt;``, so every ``<`` opens a tag."""
    return bool(value) and value.count("<") != str(segment_html(value)).count("<")
