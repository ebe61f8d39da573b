"""A demo press release, in Vietnamese and English, with its spokesperson."""

from datetime import datetime
from zoneinfo import ZoneInfo

from wagtail.rich_text import RichText

from cms.people.demo_pages import DemoPages

from .models import PressReleaseIndexPage, PressReleasePage

TITLES = {
    "vi": "Thông cáo báo chí",
    "en": "Press releases",
    "zh-hans": "新闻稿",
    "lo": "ຖະແຫຼງຂ່າວ",
    "km": "សេចក្តីប្រកាសព័ត៌មាន",
}
INTROS = {
    "vi": "Thông cáo chính thức của trang thông tin quảng bá hình ảnh Việt Nam.",
    "en": "Official statements of the Vietnam image-promotion site.",
}
VERSIONS = {
    "vi": {
        "title": "Ra mắt trang quảng bá hình ảnh Việt Nam bằng mười ngôn ngữ",
        "standfirst": (
            "Trang thông tin nay có bài viết bằng mười ngôn ngữ, kể cả tiếng Lào và Khmer."
        ),
        "body": "Bạn đọc ở các nước láng giềng có thể đọc tin về Việt Nam bằng tiếng mẹ đẻ.",
        "spokesperson_role": "Người phát ngôn",
    },
    "en": {
        "title": "Vietnam's image-promotion site launches in ten languages",
        "standfirst": "The site now publishes stories in ten languages, Lao and Khmer included.",
        "body": "Readers in neighbouring countries can read about Vietnam in their own language.",
        "spokesperson_role": "Spokesperson",
    },
}


def _fields(version: dict) -> dict:
    return {
        "title": version["title"],
        "standfirst": version["standfirst"],
        "body": [("paragraph", RichText(f"<p>{version['body']}</p>"))],
        "spokesperson_role": version["spokesperson_role"],
    }


def load(stdout=None) -> None:
    pages = DemoPages(stdout)
    pages.say("Press releases...")
    index = pages.index(PressReleaseIndexPage, "thong-cao-bao-chi", TITLES, INTROS)
    release = pages.child(
        index,
        PressReleasePage,
        "ra-mat-trang-muoi-ngon-ngu",
        date_published=datetime(2026, 9, 2, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        spokesperson_name="Nguyễn Văn An",
        spokesperson_email="press@example.org",
        spokesperson_phone="+84 24 3825 0000",
        province=None,
        **_fields(VERSIONS["vi"]),
    )
    pages.translate(release, "en", **_fields(VERSIONS["en"]))
    pages.say(f"  press releases: {pages.created} pages created")
