import codecs

from cms.aggregator.encoding import decode_document


def test_declared_utf8():
    text, encoding = decode_document(
        '<?xml version="1.0" encoding="utf-8"?><rss>Hà Nội</rss>'.encode()
    )
    assert (encoding, "Hà Nội" in text) == ("utf-8", True)


def test_bom_wins():
    text, encoding = decode_document(codecs.BOM_UTF8 + "<rss>Huế</rss>".encode())
    assert encoding == "utf-8" and text == "<rss>Huế</rss>"


def test_utf16():
    text, _ = decode_document(codecs.BOM_UTF16_LE + "<rss>Đà Nẵng</rss>".encode("utf-16-le"))
    assert text == "<rss>Đà Nẵng</rss>"


def test_junk_before_the_document_is_dropped():
    text, _ = decode_document(b"Warning: x\n\n<?xml version='1.0'?><rss/>")
    assert text.startswith("<?xml")


def test_unknown_declared_encoding_falls_back():
    text, encoding = decode_document(
        "<?xml version='1.0' encoding='x-nonsense'?><rss>Cà Mau</rss>".encode()
    )
    assert encoding == "utf-8" and "Cà Mau" in text


def test_result_is_nfc():
    decomposed = "Ho\u0302\u0323i"  # Windows-1258 style: base letter + combining marks
    text, _ = decode_document(f"<rss>{decomposed}</rss>".encode())
    assert "Hội" in text
