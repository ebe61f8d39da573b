from cms.text.html import imported_body_html


def test_structure_and_links_are_kept():
    body = '<h2>Hà Nội</h2><p>Xem <a href="https://hanoi.gov.vn/">cổng</a></p><ul><li>a</li></ul>'
    assert imported_body_html(body) == (
        '<h2>Hà Nội</h2><p>Xem <a href="https://hanoi.gov.vn/" rel="noopener noreferrer">cổng</a>'
        "</p><ul><li>a</li></ul>"
    )


def test_hostile_markup_and_images_are_dropped():
    body = (
        '<p onclick="x()">a<script>alert(1)</script><img src="https://old.example/1.jpg">'
        '<a href="javascript:alert(1)">b</a><iframe src="https://evil.example"></iframe></p>'
    )
    assert imported_body_html(body) == '<p>a<a rel="noopener noreferrer">b</a></p>'
    assert imported_body_html(None) == ""
