"""Demo profiles: a composer, a mathematician and a swimmer, in Vietnamese and English."""

from datetime import datetime
from zoneinfo import ZoneInfo

from wagtail.rich_text import RichText

from cms.taxonomy.models import Province

from .demo_pages import DemoPages, monogram
from .models import PeopleIndexPage, ProfilePage

TITLES = {
    "vi": "Nhân vật",
    "en": "Notable people",
    "zh-hans": "人物",
    "lo": "ບຸກຄົນ",
    "km": "បុគ្គល",
}
INTROS = {
    "vi": "Những người Việt Nam để lại dấu ấn trong khoa học, nghệ thuật và thể thao.",
    "en": "Vietnamese people who made their mark in science, the arts and sport.",
}

PROFILES = [
    {
        "slug": "trinh-cong-son",
        "letters": "TCS",
        "colour": (94, 60, 120),
        "field": "music",
        "birth_date": "1939-02-28",
        "death_date": "2001-04-01",
        "province": "dak-lak",
        "vi": {
            "title": "Trịnh Công Sơn",
            "standfirst": "Nhạc sĩ, tác giả của hơn sáu trăm ca khúc.",
            "birth_place": "Buôn Ma Thuột",
            "achievements": [(None, "Hơn 600 ca khúc"), (1972, "Đĩa vàng tại Nhật Bản")],
            "quotes": [("Sống trong đời sống cần có một tấm lòng.", "Ca khúc Để gió cuốn đi")],
            "body": "Ông sáng tác những bản tình ca và ca khúc về thân phận con người.",
        },
        "en": {
            "title": "Trịnh Công Sơn",
            "standfirst": "Composer and songwriter, author of more than six hundred songs.",
            "birth_place": "Buôn Ma Thuột",
            "achievements": [(None, "More than 600 songs"), (1972, "A gold record in Japan")],
            "quotes": [("To live in this life, one needs a heart.", "The song Let the Wind")],
            "body": "He wrote love songs and songs about the human condition.",
        },
    },
    {
        "slug": "ngo-bao-chau",
        "letters": "NBC",
        "colour": (30, 90, 130),
        "field": "science",
        "birth_date": "1972-06-28",
        "death_date": "",
        "province": "hanoi",
        "vi": {
            "title": "Ngô Bảo Châu",
            "standfirst": "Nhà toán học, người chứng minh Bổ đề cơ bản của chương trình Langlands.",
            "birth_place": "Hà Nội",
            "achievements": [(2010, "Huy chương Fields"), (1988, "Huy chương vàng IMO")],
            "quotes": [("Toán học là một hành trình dài.", "Phỏng vấn, 2010")],
            "body": "Ông là người Việt Nam đầu tiên nhận Huy chương Fields.",
        },
        "en": {
            "title": "Ngô Bảo Châu",
            "standfirst": (
                "Mathematician who proved the Fundamental Lemma of the Langlands programme."
            ),
            "birth_place": "Hanoi",
            "achievements": [(2010, "Fields Medal"), (1988, "Gold medal, Mathematical Olympiad")],
            "quotes": [("Mathematics is a long journey.", "Interview, 2010")],
            "body": "He was the first Vietnamese to receive the Fields Medal.",
        },
    },
    {
        "slug": "nguyen-thi-anh-vien",
        "letters": "NTAV",
        "colour": (20, 120, 110),
        "field": "sport",
        "birth_date": "1996",
        "death_date": "",
        "province": "can-tho",
        "vi": {
            "title": "Nguyễn Thị Ánh Viên",
            "standfirst": "Vận động viên bơi lội, nhiều lần vô địch SEA Games.",
            "birth_place": "Cần Thơ",
            "achievements": [(2015, "Tám huy chương vàng SEA Games")],
            "quotes": [],
            "body": "Cô là kình ngư hàng đầu Đông Nam Á.",
        },
        "en": {
            "title": "Nguyễn Thị Ánh Viên",
            "standfirst": "Swimmer, many times a SEA Games champion.",
            "birth_place": "Can Tho",
            "achievements": [(2015, "Eight SEA Games gold medals")],
            "quotes": [],
            "body": "She is one of South-East Asia's leading swimmers.",
        },
    },
]


def _fields(version: dict) -> dict:
    return {
        "title": version["title"],
        "standfirst": version["standfirst"],
        "birth_place": version["birth_place"],
        "portrait_alt": version["title"],
        "achievements": [
            ("achievement", {"year": year, "text": text}) for year, text in version["achievements"]
        ],
        "quotes": [("quote", {"quote": q, "context": c}) for q, c in version["quotes"]],
        "body": [("paragraph", RichText(f"<p>{version['body']}</p>"))],
    }


def load(stdout=None) -> None:
    pages = DemoPages(stdout)
    pages.say("People...")
    index = pages.index(PeopleIndexPage, "nhan-vat", TITLES, INTROS)
    published = datetime(2026, 1, 15, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    for spec in PROFILES:
        profile = pages.child(
            index,
            ProfilePage,
            spec["slug"],
            field=spec["field"],
            birth_date=spec["birth_date"],
            death_date=spec["death_date"],
            province=Province.objects.filter(code=spec["province"]).first(),
            portrait_image=monogram(f"Portrait: {spec['slug']}", spec["letters"], spec["colour"]),
            date_published=published,
            **_fields(spec["vi"]),
        )
        pages.translate(profile, "en", **_fields(spec["en"]))
    pages.say(f"  people: {pages.created} pages created")
