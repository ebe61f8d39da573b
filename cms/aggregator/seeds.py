"""Starting sources: one per provincial portal and the national press agencies.

All are inactive: nothing here could be checked against the live web, so an editor
confirms each feed URL (or sets HTML selectors) before activating it.
"""

from cms.taxonomy.models import Province

from .models import Source, SourceKind

PRESS = [
    ("Vietnam News Agency (TTXVN)", "https://vnanet.vn/", "vi"),
    ("VietnamPlus", "https://www.vietnamplus.vn/", "vi"),
    ("Nhân Dân", "https://nhandan.vn/", "vi"),
    ("Báo Điện tử Chính phủ", "https://baochinhphu.vn/", "vi"),
    ("Voice of Vietnam (VOV)", "https://vov.vn/", "vi"),
    ("Vietnam Television (VTV)", "https://vtv.vn/", "vi"),
    ("Quân đội Nhân dân", "https://www.qdnd.vn/", "vi"),
    ("Tuổi Trẻ", "https://tuoitre.vn/", "vi"),
    ("Thanh Niên", "https://thanhnien.vn/", "vi"),
    ("VnExpress", "https://vnexpress.net/", "vi"),
    ("Vietnam News", "https://vietnamnews.vn/", "en"),
    ("VnExpress International", "https://e.vnexpress.net/", "en"),
    ("Vietnam Law & Legal Forum", "https://vietnamlawmagazine.vn/", "en"),
    ("Le Courrier du Vietnam", "https://lecourrier.vn/", "fr"),
]
UNCONFIRMED = (
    "Feed URL not confirmed: check the site, set the feed URL or HTML selectors, then activate."
)


def seed_sources() -> tuple[int, int]:
    """Create missing seed sources; returns (created, already there)."""
    created = existing = 0
    for province in Province.objects.exclude(portal_domain=""):
        _, made = Source.objects.get_or_create(
            url=f"https://{province.portal_domain}/",
            defaults={
                "name": province.name_vi or province.name,
                "kind": SourceKind.HTML,
                "province": province,
                "language": "vi",
                "attribution": province.name_vi or province.name,
                "active": False,
                "notes": f"{UNCONFIRMED} Portal domain confidence: {province.portal_confidence}.",
            },
        )
        created, existing = created + made, existing + (not made)
    for name, url, language in PRESS:
        _, made = Source.objects.get_or_create(
            url=url,
            defaults={
                "name": name,
                "kind": SourceKind.FEED,
                "language": language,
                "attribution": name,
                "active": False,
                "notes": UNCONFIRMED,
            },
        )
        created, existing = created + made, existing + (not made)
    return created, existing
