"""The admin loads the site's self-hosted fonts, and those files are served."""

import re

import pytest
from django.templatetags.static import static
from django.urls import reverse

from cms.core.roles import translators_group_name
from tests.factories import UserFactory
from tests.helpers import home

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return body_bytes(response).decode()


def test_every_admin_page_links_the_font_css(client):
    client.force_login(UserFactory(groups=[translators_group_name("km")]))
    for url in (
        reverse("wagtailadmin_home"),
        reverse("translations:queue"),
        reverse("wagtailadmin_explore", args=[home("km").pk]),
    ):
        html = client.get(url).content.decode()
        assert f'<link rel="stylesheet" href="{static("fonts/fonts.css")}">' in html, url
        assert f'<link rel="stylesheet" href="{static("css/admin.css")}">' in html, url


def test_login_page_links_the_font_css(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert static("fonts/fonts.css") in html


def test_fonts_css_and_its_subsets_are_served(client):
    response = client.get(static("fonts/fonts.css"))
    assert response.status_code == 200
    css = body(response)
    for family in ("Noto Sans", "Noto Sans Lao", "Noto Sans Khmer", "Noto Sans SC"):
        assert f"font-family: '{family}';" in css
    khmer = re.search(r"url\(\./(noto-sans-khmer-khmer-400-normal\.woff2)\)", css).group(1)
    font = client.get(static(f"fonts/{khmer}"))
    assert font.status_code == 200
    assert body_bytes(font)[:4] == b"wOF2"


def body_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_admin_css_font_stack(client):
    css = body(client.get(static("css/admin.css")))
    stack = re.search(r"--w-font-sans:([^;]+);", css).group(1)
    families = [name.strip().strip('"') for name in stack.split(",")]
    # Lao and Khmer cover only their scripts and must lead (see admin.css); Noto Sans and
    # Noto Sans SC also cover Latin, which stays with Wagtail's fonts.
    for family in ("Noto Sans Lao", "Noto Sans Khmer"):
        assert families.index(family) < families.index("-apple-system")
    assert families.index("Arial") < families.index("Noto Sans") < families.index("Noto Sans SC")
    assert families.index("Noto Sans SC") < families.index("sans-serif")
    assert re.search(r"input,\s*select,\s*textarea", css)
