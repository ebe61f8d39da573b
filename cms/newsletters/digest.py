"""The weekly digest: which stories, and the issue built from them.

A story is in a language's digest when it is live and public in that language's tree,
was first published there within the issue's period, and was reviewed: a story of the
source language (written by the editors), or a translation published through the
per-language review (``translations.operations.review.approve``). Pages written directly
in another language tree without that review stay out.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.query import PageQuerySet
from wagtail_localize.models import Translation

from cms.stories.models import StoryPage
from translations.models.workflow import ReviewState

from . import conf
from .links import absolute, language_url
from .models import Issue, IssueStatus

IMAGE_SPEC = "fill-600x338"


class EmptyDigest(Exception):
    """No reviewed story was published in the period: there is nothing to send."""


def reviewed_stories(language: str, since: datetime, until: datetime) -> PageQuerySet:
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(
            locale__language_code=language,
            first_published_at__gte=since,
            first_published_at__lt=until,
        )
    )
    if language != settings.LANGUAGE_CODE:
        approved = Translation.objects.filter(
            target_locale__language_code=language, review__state=ReviewState.APPROVED
        ).values("source__object_id")
        stories = stories.filter(translation_key__in=approved)
    return stories.select_related("hero_image").order_by("-date_published", "-pk")


def period_start(language: str, until: datetime) -> datetime:
    """The end of the language's last issue sent (or being sent); a week back at first."""
    last = (
        Issue.objects.filter(language=language)
        .exclude(status=IssueStatus.DRAFT)
        .order_by("-period_end")
        .first()
    )
    if last is not None:
        return last.period_end
    return until - timedelta(seconds=conf.get("NEWSLETTER_INTERVAL"))


def image_of(story: StoryPage) -> dict | None:
    if story.hero_image is None:
        return None
    try:
        rendition = story.hero_image.get_rendition(IMAGE_SPEC)
    except (SourceImageIOError, OSError):  # the file is missing: the story goes without
        return None
    return {
        "url": absolute(rendition.url),
        "alt": story.hero_alt,
        "width": rendition.width,
        "height": rendition.height,
    }


def story_item(story: StoryPage) -> dict:
    return {
        "page_id": story.pk,
        "headline": story.title,
        "summary": story.standfirst,
        "url": absolute(story.get_url()),
        "image": image_of(story),
    }


def render_bodies(issue: Issue, unsubscribe_url: str | None = None) -> tuple[str, str]:
    """The HTML and plain-text bodies; without ``unsubscribe_url`` the archive's copy."""
    context = {
        "issue": issue,
        "items": issue.items,
        "unsubscribe_url": unsubscribe_url,
        "subscribe_url": language_url(issue.language, "subscribe"),
        "issue_url": language_url(issue.language, "issue", issue.pk),
    }
    with translation.override(issue.language):
        html = render_to_string("newsletters/email/digest.html", context)
        text = render_to_string("newsletters/email/digest.txt", context)
    return html, text


def subject_for(language: str, until: datetime) -> str:
    with translation.override(language):
        day = date_format(timezone.localtime(until).date(), "DATE_FORMAT")
        return _("Vietnam this week: %(date)s") % {"date": day}


def build_issue(language: str, user=None, until: datetime | None = None) -> Issue:
    """A draft issue of the reviewed stories published since the last issue; raises
    ``EmptyDigest`` when there are none."""
    until = until or timezone.now()
    since = period_start(language, until)
    stories = list(reviewed_stories(language, since, until)[: conf.get("NEWSLETTER_DIGEST_SIZE")])
    if not stories:
        raise EmptyDigest(
            _("No reviewed story in %(language)s was published since %(since)s.")
            % {"language": language, "since": date_format(timezone.localtime(since))}
        )
    issue = Issue(
        language=language,
        subject=subject_for(language, until),
        period_start=since,
        period_end=until,
        items=[story_item(story) for story in stories],
        created_by=user if user is not None and user.is_authenticated else None,
    )
    issue.save()  # the bodies link to the issue's own archive page
    issue.html_body, issue.text_body = render_bodies(issue)
    issue.save(update_fields=["html_body", "text_body"])
    return issue
