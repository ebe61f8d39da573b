import pytest

from cms.text.html import feed_item_html, first_image, plain_text

BASE = "https://tinh.gov.vn/tin/"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x.jpg" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        "<iframe src='https://evil.example'></iframe>",
        "<style>body{display:none}</style>",
        '<p style="position:fixed">x</p>',
        "<svg onload=alert(1)>",
        "<object data='x.swf'></object>",
        '<form action="https://evil.example"><input name=x></form>',
    ],
)
def test_hostile_html_is_neutralised(hostile):
    cleaned = feed_item_html(hostile, BASE).lower()
    for bad in (
        "script",
        "onerror",
        "onload",
        "javascript:",
        "data:",
        "iframe",
        "style",
        "object",
        "<form",
        "<input",
        "<svg",
    ):
        assert bad not in cleaned


def test_links_and_images_become_absolute_and_safe():
    cleaned = feed_item_html(
        '<p>Xem <a href="../a.html">bài</a><img src="/anh/1.jpg" alt="Ảnh"></p>', BASE
    )
    assert cleaned == (
        '<p>Xem <a href="https://tinh.gov.vn/a.html" rel="noopener noreferrer nofollow">bài</a>'
        '<img src="https://tinh.gov.vn/anh/1.jpg" alt="Ảnh"></p>'
    )


def test_broken_br_is_repaired():
    assert feed_item_html("a</br>b", BASE) == "a<br>b"


def test_plain_text_and_first_image():
    assert plain_text("<p>Hà&nbsp;Nội   <b>đẹp</b></p>") == "Hà Nội đẹp"
    assert plain_text("một hai ba bốn năm", limit=10) == "một hai…"
    assert first_image("<p><img src='a.png'></p>", BASE) == "https://tinh.gov.vn/tin/a.png"
    assert first_image("<img src='javascript:x'>", BASE) == ""
