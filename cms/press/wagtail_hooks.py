from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale

from .models import PressReleaseIndexPage


@hooks.register("register_footer_links")
def footer_links(request) -> list[tuple[str, str]]:
    index = PressReleaseIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    return [(_("Press releases"), index.get_url(request=request))] if index else []


@hooks.register("load_demo_content")
def load_demo_content(stdout) -> None:
    from .demo import load

    load(stdout)
