"""Demo events: two anniversaries of diplomatic relations, a festival, an online talk
and a past exhibition, in Vietnamese and English."""

from datetime import datetime
from zoneinfo import ZoneInfo

from wagtail.rich_text import RichText

from cms.people.demo_pages import DemoPages
from cms.taxonomy.models import Province

from .models import EventIndexPage, EventPage

TITLES = {
    "vi": "Sự kiện",
    "en": "Events",
    "zh-hans": "活动",
    "lo": "ເຫດການ",
    "km": "ព្រឹត្តិការណ៍",
}
INTROS = {
    "vi": "Lễ kỷ niệm, lễ hội và sự kiện về Việt Nam.",
    "en": "Anniversaries, festivals and events about Vietnam.",
}


def _at(text: str, zone: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


EVENTS = [
    {
        "slug": "quan-he-ngoai-giao-viet-nam-lao",
        "start": "1962-09-05T00:00",
        "zone": "Asia/Vientiane",
        "all_day": True,
        "yearly": True,
        "province": "hanoi",
        "vi": (
            "Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào",
            "Hà Nội và Viêng Chăn",
            "Việt Nam và Lào thiết lập quan hệ ngoại giao ngày 5 tháng 9 năm 1962.",
        ),
        "en": (
            "Diplomatic relations between Vietnam and Laos",
            "Hanoi and Vientiane",
            "Vietnam and Laos established diplomatic relations on 5 September 1962.",
        ),
    },
    {
        "slug": "quan-he-ngoai-giao-viet-nam-campuchia",
        "start": "1967-06-24T00:00",
        "zone": "Asia/Phnom_Penh",
        "all_day": True,
        "yearly": True,
        "province": "hanoi",
        "vi": (
            "Ngày thiết lập quan hệ ngoại giao Việt Nam – Campuchia",
            "Hà Nội và Phnôm Pênh",
            "Việt Nam và Campuchia thiết lập quan hệ ngoại giao ngày 24 tháng 6 năm 1967.",
        ),
        "en": (
            "Diplomatic relations between Vietnam and Cambodia",
            "Hanoi and Phnom Penh",
            "Vietnam and Cambodia established diplomatic relations on 24 June 1967.",
        ),
    },
    {
        "slug": "festival-hue-2027",
        "start": "2027-06-05T19:00",
        "end": "2027-06-12T22:00",
        "zone": "Asia/Ho_Chi_Minh",
        "province": "hue",
        "vi": (
            "Festival Huế 2027",
            "Đại Nội Huế",
            "Một tuần nghệ thuật truyền thống và đương đại ở cố đô.",
        ),
        "en": (
            "Hue Festival 2027",
            "Imperial City of Hue",
            "A week of traditional and contemporary arts in the old capital.",
        ),
    },
    {
        "slug": "gioi-thieu-du-lich-viet-nam-truc-tuyen",
        "start": "2027-03-10T14:00",
        "end": "2027-03-10T15:30",
        "zone": "Europe/Paris",
        "online_url": "https://example.org/vietnam-tourism-talk",
        "vi": (
            "Giới thiệu du lịch Việt Nam trực tuyến",
            "",
            "Buổi giới thiệu trực tuyến cho khán giả châu Âu, theo giờ Paris.",
        ),
        "en": (
            "Discover Vietnam: an online talk",
            "",
            "An online introduction for European audiences, at Paris time.",
        ),
    },
    {
        "slug": "trien-lam-anh-di-san-2025",
        "start": "2025-10-01T09:00",
        "end": "2025-10-15T17:00",
        "zone": "Asia/Ho_Chi_Minh",
        "province": "hanoi",
        "vi": (
            "Triển lãm ảnh di sản 2025",
            "Bảo tàng Mỹ thuật Việt Nam",
            "Ảnh về các di sản thế giới của Việt Nam.",
        ),
        "en": (
            "Heritage photo exhibition 2025",
            "Vietnam National Museum of Fine Arts",
            "Photographs of Vietnam's World Heritage sites.",
        ),
    },
]


def _fields(version: tuple[str, str, str]) -> dict:
    title, place, text = version
    return {
        "title": title,
        "standfirst": text,
        "place_name": place,
        "body": [("paragraph", RichText(f"<p>{text}</p>"))],
    }


def load(stdout=None) -> None:
    pages = DemoPages(stdout)
    pages.say("Events...")
    index = pages.index(EventIndexPage, "su-kien", TITLES, INTROS)
    for spec in EVENTS:
        event = pages.child(
            index,
            EventPage,
            spec["slug"],
            start=_at(spec["start"], spec["zone"]),
            end=_at(spec["end"], spec["zone"]) if "end" in spec else None,
            time_zone=spec["zone"],
            all_day=spec.get("all_day", False),
            yearly=spec.get("yearly", False),
            online_url=spec.get("online_url", ""),
            province=Province.objects.filter(code=spec.get("province", "")).first(),
            **_fields(spec["vi"]),
        )
        pages.translate(event, "en", **_fields(spec["en"]))
    pages.say(f"  events: {pages.created} pages created")
