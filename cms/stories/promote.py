"""Turning an aggregated item into a StoryPage draft, with attribution."""

from django.core.exceptions import PermissionDenied
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from cms.aggregator.errors import AggregatorError
from cms.aggregator.models import Item

from .models import SectionPage, StoryPage


class PromoteError(AggregatorError):
    """The item cannot become a story (already promoted, section in another language)."""


def can_promote(user) -> bool:
    """Promoting needs to see news items; each section is checked by ``promote_item``."""
    return user.has_perm("aggregator.view_item")


def promotable_sections(item: Item, user) -> list[SectionPage]:
    """The sections in the item's language where ``user`` may add a story."""
    sections = SectionPage.objects.filter(locale__language_code=item.language).order_by("path")
    return [s for s in sections if s.permissions_for_user(user).can_add_subpage()]


def promote_item(item: Item, section: SectionPage, user) -> StoryPage:
    """Create a draft story in ``section`` (which must be in the item's language); it then
    goes through the normal editing and translation workflow."""
    if not section.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    if section.locale.language_code != item.language:
        raise PromoteError(
            _("The section is in %(section)s but the item is in %(item)s.")
            % {"section": section.locale.language_code, "item": item.language}
        )
    if item.promoted_page_id:
        raise PromoteError(_("This item has already been made into a story."))
    attribution = item.source.attribution or item.source.name
    body = [("paragraph", RichText(f"<p>{escape(item.summary)}</p>"))] if item.summary else []
    story = StoryPage(
        title=item.title[:255],
        standfirst=item.summary or item.title,
        body=body,
        province=item.province,
        source_name=attribution[:255],
        source_url=item.link,
        owner=user,
        live=False,
    )
    if item.published_at:
        story.date_published = item.published_at
    section.add_child(instance=story)
    story.topics.set(item.topics.all())
    story.save_revision(user=user)
    item.promoted_page = story
    item.save(update_fields=["promoted_page"])
    return story
