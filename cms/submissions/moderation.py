"""What moderators do to a submission: approve it into a page, reject it, promote its
author to contributor. Views check the right (``permissions``) before calling these."""

import logging
import os

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from cms.core.pages import home_pages
from cms.text.slugs import slugify_title

from .mail import send_decision
from .models import ContributionIndexPage, ContributionPage, Contributor, Status, Submission

logger = logging.getLogger(__name__)
INDEX_SLUG = "voices"


class ModerationError(Exception):
    pass


def text_to_richtext(text: str) -> str:
    """Plain text as Wagtail rich text: paragraphs at blank lines, line breaks kept,
    everything escaped (what the visitor typed never becomes markup)."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
        if block
    )


def index_for(locale: Locale) -> ContributionIndexPage:
    """The language's public voices page, created (live, under its home page) if missing,
    as a translation of another language's index when one exists."""
    existing = ContributionIndexPage.objects.filter(locale=locale).first()
    if existing is not None:
        return existing
    home = home_pages().filter(locale=locale).first()
    if home is None:
        raise ModerationError(
            _("The %(language)s site has no home page; run setup_locales first.")
            % {"language": locale.language_code}
        )
    other = ContributionIndexPage.objects.first()
    with translation.override(locale.language_code):
        index = ContributionIndexPage(title=_("Public voices"), slug=INDEX_SLUG, locale=locale)
    if other is not None:
        index.translation_key = other.translation_key
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _unique_slug(parent, title: str, language: str) -> str:
    base = slugify_title(title, language)
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _image(submission: Submission, title: str):
    if not submission.photo:
        return None
    image_model = get_image_model()
    with submission.photo.open("rb") as source:
        image = image_model(
            title=title[:255],
            collection=Collection.get_first_root_node(),
            file=ImageFile(source, name=os.path.basename(submission.photo.name)),
        )
        image.save()
    return image


def approve(
    submission: Submission, user, title: str, text: str, image_alt: str = ""
) -> ContributionPage:
    """Publish the submission (as edited by the moderator) in its language's tree.

    The page goes live at once: the moderator has just read and edited the final text,
    and the author is told its address. The byline appears only with the author's consent."""
    if submission.status != Status.PENDING:
        raise ModerationError(
            _("Only a confirmed submission waiting for moderation can be approved.")
        )
    locale = Locale.objects.get(language_code=submission.language)
    with transaction.atomic():
        index = index_for(locale)
        page = ContributionPage(
            title=title,
            slug=_unique_slug(index, title, submission.language),
            locale=locale,
            body=text_to_richtext(text),
            author_name=submission.name if submission.consent_name else "",
            author_country=submission.country if submission.consent_name else "",
            contributor=submission.contributor,
            licence=submission.licence,
            image=_image(submission, title),
            image_alt=image_alt if submission.photo else "",
            date_published=timezone.now(),
        )
        index.add_child(instance=page)
        # The moderation right (checked by the view) is what lets a moderator publish here.
        page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
        photo = submission.photo.name
        submission.title, submission.text = title, text
        submission.status = Status.APPROVED
        submission.decided_at, submission.decided_by = timezone.now(), user
        submission.page = page
        submission.photo = ""
        submission.save()
        if photo:
            storage = submission._meta.get_field("photo").storage
            transaction.on_commit(lambda: storage.delete(photo))
    send_decision(submission, page.get_full_url())
    return page


def reject(submission: Submission, user, reason: str) -> None:
    if submission.status != Status.PENDING:
        raise ModerationError(
            _("Only a confirmed submission waiting for moderation can be rejected.")
        )
    submission.status = Status.REJECTED
    submission.reason = reason
    submission.decided_at, submission.decided_by = timezone.now(), user
    submission.save()
    send_decision(submission)


def _contributor_slug(name: str, language: str) -> str:
    base = slugify_title(name, language)[:90]
    slug, number = base, 2
    while Contributor.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def link_contributor(contributor: Contributor) -> int:
    """Attach every confirmed submission sent from the contributor's address, and the
    pages made of them (all their translations); returns how many submissions."""
    submissions = Submission.objects.filter(email__iexact=contributor.email).exclude(
        status=Status.UNCONFIRMED
    )
    count = submissions.update(contributor=contributor)
    page_ids = submissions.exclude(page=None).values_list("page_id", flat=True)
    keys = ContributionPage.objects.filter(pk__in=page_ids).values_list(
        "translation_key", flat=True
    )
    ContributionPage.objects.filter(translation_key__in=list(keys)).update(contributor=contributor)
    return count


def promote(submission: Submission) -> Contributor:
    """Make the author of a confirmed submission a contributor (or find the existing one).
    The profile stays private until a moderator records the author's consent."""
    if submission.status == Status.UNCONFIRMED or not submission.email:
        raise ModerationError(_("Only the author of a confirmed submission can be promoted."))
    contributor = Contributor.objects.filter(email__iexact=submission.email).first()
    if contributor is None:
        contributor = Contributor.objects.create(
            name=submission.name,
            slug=_contributor_slug(submission.name, submission.language),
            country=submission.country,
            email=submission.email,
        )
    link_contributor(contributor)
    return contributor
