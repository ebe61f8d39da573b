"""Click-to-load facades for oEmbed videos.

A page never renders a provider's HTML. It renders what this module takes from the
embed that Wagtail cached when the editor saved the block (EmbedBlock.clean fetches it):
the title, the provider's name and the address of the player, taken from the ``src`` of
the provider's ``<iframe>``. lightbox.js builds the ``<iframe>`` itself from that address
once the reader clicks. A page view never asks the provider anything: an embed missing
from the cache gives a plain link.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed


@dataclass(frozen=True)
class Facade:
    url: str  # the page the editor pasted, for the link
    title: str
    provider: str
    player: str  # the iframe's address; "" when the site's CSP would not frame it


class _IframeSrc(HTMLParser):
    def __init__(self):
        super().__init__()
        self.src = ""

    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and not self.src:
            self.src = dict(attrs).get("src") or ""


def player_url(embed_html: str) -> str:
    """The ``src`` of the first ``<iframe>`` of a provider's HTML, if it is an http(s)
    address on a host the CSP's frame-src allows."""
    parser = _IframeSrc()
    parser.feed(embed_html or "")
    parts = urlsplit(parser.src.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    origin = f"{parts.scheme}://{parts.netloc}"
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get("frame-src", [])
    return parser.src.strip() if origin in allowed else ""


def facade(value) -> Facade | None:
    """The facade of an EmbedBlock's value, from the cache only (no request)."""
    if value is None or not getattr(value, "url", ""):
        return None
    embed_hash = get_embed_hash(value.url, value.max_width, value.max_height)
    embed = Embed.objects.exclude(cache_until__lte=timezone.now()).filter(hash=embed_hash).first()
    if embed is None:
        return Facade(url=value.url, title="", provider="", player="")
    return Facade(
        url=value.url,
        title=embed.title,
        provider=embed.provider_name,
        player=player_url(embed.html),
    )
