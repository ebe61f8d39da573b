from cms.aggregator.dedupe import bands, canonical_link, content_hash, jaccard, shingles


def test_canonical_link_drops_tracking_and_fragments():
    assert (
        canonical_link("HTTPS://Tinh.GOV.vn/a?utm_source=x&id=3&fbclid=y#top")
        == "https://tinh.gov.vn/a?id=3"
    )
    assert canonical_link("https://tinh.gov.vn/a?b=2&a=1") == canonical_link(
        "https://tinh.gov.vn/a?a=1&b=2"
    )
    assert canonical_link("") == ""


def test_content_hash_ignores_case_and_punctuation_not_diacritics():
    assert content_hash("Hội nghị tỉnh", "Nội dung.") == content_hash("HỘI NGHỊ TỈNH!", "nội dung")
    assert content_hash("Hội nghị", "") != content_hash("Hồi nghỉ", "")


def test_similar_texts_share_bands_and_score_high():
    a = shingles("Thủ tướng chủ trì hội nghị về kinh tế số với các tỉnh", "Sáng nay tại Hà Nội.")
    b = shingles(
        "Thủ tướng chủ trì hội nghị về kinh tế số với các tỉnh - Báo X", "Sáng nay tại Hà Nội."
    )
    assert jaccard(a, b) >= 0.75
    assert set(bands(a)) & set(bands(b))


def test_different_texts_score_low():
    a = shingles("Lễ hội hoa ban khai mạc tại Điện Biên", "")
    b = shingles("Cà Mau thả giống tôm sú vụ mới", "")
    assert jaccard(a, b) == 0.0
