"""Admin additions of the core app."""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from wagtail import hooks

from cms.text.slugs import client_rules


@hooks.register("insert_editor_js")
def readable_slug_script() -> str:
    """The slug field folds titles like the server (``cms.text.slugs``) while they are
    typed; the rules travel as a JSON data block, not as code."""
    return format_html(
        '{}<script src="{}"></script>',
        json_script(client_rules(), "readable-slug-rules"),
        static("core/js/readable-slugs.js"),
    )
