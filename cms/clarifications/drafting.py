"""Opening a clarification draft from an aggregated item the desk found."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.aggregator.errors import AggregatorError
from cms.aggregator.models import Item

from .models import AnsweredClaim, ClarificationPage, Rating
from .permissions import desk_languages, draft_parent

TITLE_LENGTH = 255


class DraftError(AggregatorError):
    """No listing to put the draft in: the message says what to create first."""


def create_draft(item: Item, user) -> ClarificationPage:
    """An unpublished ClarificationPage answering ``item``: in the item's language tree,
    else the Vietnamese one, wherever ``user`` may add pages; the claim's outlet, link and
    date come from the item, which is linked as a claim answered. The editor writes the
    facts and the rating before publishing (the rating starts at "missing context")."""
    if not desk_languages(user):
        raise PermissionDenied
    parent = draft_parent(user, item.language)
    if parent is None:
        raise DraftError(
            _(
                "There is no clarifications page in %(language)s or Vietnamese that you "
                "may add to. Ask an administrator to create one under the home page, or "
                "for rights on that language."
            )
            % {"language": item.language}
        )
    outlet = item.source.attribution or item.source.name
    claim_date = timezone.localdate(item.published_at) if item.published_at else None
    title = _("Clarification: %(title)s") % {"title": item.title}
    page = ClarificationPage(
        title=title[:TITLE_LENGTH],
        standfirst="",
        claim=item.summary or item.title,
        claim_outlet=outlet[:255],
        claim_url=item.link,
        claim_date=claim_date,
        rating=Rating.MISSING_CONTEXT,
        facts="",
        province=item.province,
        owner=user,
        live=False,
    )
    page.answered_claims = [AnsweredClaim(item=item)]
    parent.add_child(instance=page)
    # The facts are still to be written: as in the page editor, a draft may leave required
    # fields empty; publishing validates them.
    page.save_revision(user=user, clean=False)
    return page
