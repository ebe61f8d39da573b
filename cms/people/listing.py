"""What the index pages of people, events and press releases share: a query string
checked before anything is read (a malformed one gets a 400 page, see
``cms.core.params``) and the listing's RSS and Atom feeds as routes of the page."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.core.params import PageParams, ParamsForm, bad_request

from .feeds import IndexAtomFeed, IndexRssFeed, feed_links


class ListingPage(RoutablePageMixin):
    """Mixin for an index page; it provides ``feed_pages()`` (live, public, newest first)."""

    params_class: type[ParamsForm] = PageParams

    def feed_pages(self):
        raise NotImplementedError

    @path("")
    def listing(self, request):
        params = self.params_class(request.GET)
        if problem := params.rejection():
            return bad_request(request, problem, page=self)
        return self.render(request)

    @path("feed/rss/")
    def rss(self, request):
        return IndexRssFeed()(request, index=self)

    @path("feed/atom/")
    def atom(self, request):
        return IndexAtomFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["params"] = self.params_class(request.GET).usable()
        context["feed_links"] = feed_links(request, self)
        return context
