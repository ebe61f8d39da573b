"""A system check: the share-image fonts are installed."""

from django.core import checks

from . import conf, fonts


@checks.register()
def fonts_installed(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    warnings = []
    for script in conf.get("SOCIAL_FONTS"):
        try:
            fonts.check_files(script)
        except fonts.FontMissing as error:
            warnings.append(checks.Warning(str(error), id="social.W001"))
    return warnings
