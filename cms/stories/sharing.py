"""Share links: plain addresses of each network's share page, so a story page loads no
script or picture from the networks and tells them nothing until the reader clicks."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def share_links(url: str, title: str) -> list[ShareLink]:
    """Where to share the page at the absolute ``url``, titled ``title``."""

    def query(**params: str) -> str:
        return urlencode(params, quote_via=quote)

    return [
        ShareLink(
            "facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?{query(u=url)}"
        ),
        ShareLink("x", "X", f"https://x.com/intent/post?{query(url=url, text=title)}"),
        ShareLink(
            "linkedin",
            "LinkedIn",
            f"https://www.linkedin.com/sharing/share-offsite/?{query(url=url)}",
        ),
        ShareLink("telegram", "Telegram", f"https://t.me/share/url?{query(url=url, text=title)}"),
        ShareLink("zalo", "Zalo", f"https://sp.zalo.me/share?{query(url=url)}"),
        ShareLink("email", str(_("E-mail")), f"mailto:?{query(subject=title, body=url)}"),
    ]
