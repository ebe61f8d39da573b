from translations.markup import join_spans, plain_text, split_markup, tags


def test_split_and_join_round_trip():
    value = 'Đoạn <b>văn</b> có <a id="a1">liên kết</a> &amp; ký tự.'
    spans = split_markup(value)
    assert [s.text for s in spans if not s.translatable] == ["<b>", "</b>", '<a id="a1">', "</a>"]
    assert [s.text for s in spans if s.translatable] == [
        "Đoạn ",
        "văn",
        " có ",
        "liên kết",
        " & ký tự.",
    ]
    assert join_spans(spans) == value


def test_tags_and_plain_text():
    value = 'A <b>b</b><br/>c <a id="a1">d</a>'
    assert tags(value) == ["<b>", "</b>", "<br/>", '<a id="a1">', "</a>"]
    assert plain_text("x &lt; y <b>z</b>") == "x < y  z "
