"""Admin views: queue a story's posts, list posts, retry a failed one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms.core.params import bad_request
from cms.stories.models import StoryPage

from . import images, posting
from .forms import PostListParams, QueueForm
from .models import Channel, Post, PostStatus
from .permissions import can_post, languages_for

PER_PAGE = 50


def queue_view(request, page_id: int):
    """GET: the story's channels and the proposed text; POST: the posts, queued."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, StoryPage):
        raise Http404
    if not can_post(request.user, page):
        raise PermissionDenied
    language = page.locale.language_code
    channels = Channel.objects.filter(active=True, language=language)
    form = QueueForm(
        request.POST or None,
        channels=channels,
        initial={
            "channels": list(channels),
            "text": posting.default_text(page),
            "with_image": True,
        },
    )
    if request.method == "POST" and page.live and form.is_valid():
        posts = posting.queue(
            page,
            list(form.cleaned_data["channels"]),
            form.cleaned_data["text"],
            form.cleaned_data["with_image"],
            request.user,
        )
        messages.success(request, _("%(count)d post(s) queued.") % {"count": len(posts)})
        return redirect(f"{reverse('social_posts')}?page_id={page.pk}")
    context = {
        "page": page,
        "form": form,
        "share": images.current(page),
        "has_channels": channels.exists(),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "social/admin/queue.html", context, status=status)


def posts_view(request):
    """Posts of the languages the user may post in, newest first, with their state."""
    languages = languages_for(request.user)
    if not languages:
        raise PermissionDenied
    params = PostListParams(request.GET)
    if problem := params.rejection():
        return bad_request(request, problem)
    usable = params.usable()
    posts = Post.objects.filter(language__in=languages).select_related("channel", "page")
    if usable.get("status"):
        posts = posts.filter(status=usable["status"])
    if usable.get("page_id"):
        posts = posts.filter(page_id=usable["page_id"])
    listing = Paginator(posts, PER_PAGE).get_page(usable.get("p") or 1)
    context = {
        "listing": listing,
        "statuses": PostStatus.choices,
        "status": usable.get("status", ""),
        "failed": PostStatus.FAILED,
    }
    return TemplateResponse(request, "social/admin/posts.html", context)


@require_POST
def retry_view(request, post_id: int):
    post = get_object_or_404(Post, pk=post_id)
    allowed = (
        can_post(request.user, post.page)
        if post.page_id
        else post.language in languages_for(request.user)
    )
    if not allowed:
        raise PermissionDenied
    if post.status != PostStatus.FAILED:
        messages.warning(request, _("Only a failed post can be sent again."))
    else:
        posting.retry(post)
        messages.success(request, _("The post is queued again."))
    return redirect(reverse("social_posts"))
