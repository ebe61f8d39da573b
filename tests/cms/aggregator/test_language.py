import pytest

from cms.aggregator.language import detect_language


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("Hội nghị phát triển du lịch tỉnh Quảng Ninh", "en", "vi"),
        ("ແຂວງຫົວພັນ ຕ້ອນຮັບຄະນະຜູ້ແທນ", "vi", "lo"),
        ("ខេត្តកំពត ទទួលភ្ញៀវទេសចរ", "vi", "km"),
        ("越南广宁省举行旅游发展会议", "vi", "zh-hans"),
        ("กรุงเทพมหานคร", "vi", "th"),
        ("The delegation visited the border gate on Monday", "vi", "en"),
        ("Le Premier ministre a visité la province", "fr", "fr"),
        ("OK", "vi", "vi"),
    ],
)
def test_detect(text, default, expected):
    assert detect_language(text, default) == expected
