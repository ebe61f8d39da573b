"""URLs under the language prefix: /<lang>/feeds/... and /<lang>/manifest.webmanifest."""

from django.urls import path

from . import feeds, views

app_name = "feeds"

urlpatterns = [
    path("feeds/rss.xml", feeds.LatestRssFeed(), name="rss"),
    path("feeds/atom.xml", feeds.LatestAtomFeed(), name="atom"),
    path("feeds/section/<str:slug>/rss.xml", feeds.SectionRssFeed(), name="section_rss"),
    path("feeds/section/<str:slug>/atom.xml", feeds.SectionAtomFeed(), name="section_atom"),
    path("feeds/province/<slug:code>/rss.xml", feeds.ProvinceRssFeed(), name="province_rss"),
    path("feeds/province/<slug:code>/atom.xml", feeds.ProvinceAtomFeed(), name="province_atom"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
