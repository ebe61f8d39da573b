from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_footer_links")
def catalogue_link(request) -> list[tuple[str, str]]:
    return [(_("Open catalogue"), reverse("catalogue:catalogue"))]
