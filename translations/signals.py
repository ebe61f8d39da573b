"""Keeping review states honest, and translating on publish when configured."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published
from wagtail_localize.models import StringTranslation

from . import conf
from .models import TranslationReview
from .models.workflow import ReviewState, TaskKind


@receiver(post_save, sender=StringTranslation)
def reopen_review_on_edit(sender, instance: StringTranslation, **kwargs):
    """An approved translation edited afterwards needs review again before publishing."""
    if instance.context_id is None:
        return
    TranslationReview.objects.filter(
        translation__source__object_id=instance.context.object_id,
        translation__target_locale_id=instance.locale_id,
        state=ReviewState.APPROVED,
    ).update(state=ReviewState.POST_EDIT)


@receiver(page_published)
def translate_on_publish(sender, instance, **kwargs):
    languages = conf.get("MT_TRANSLATE_ON_PUBLISH")
    if not languages or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    if instance.depth <= 2:  # home pages are created per language by setup_locales
        return
    from .requests import request_translations

    existing = set(instance.get_translations().values_list("locale__language_code", flat=True))
    locales = Locale.objects.filter(language_code__in=languages)
    new = [locale for locale in locales if locale.language_code not in existing]
    old = [locale for locale in locales if locale.language_code in existing]
    if new:
        request_translations(instance, new)
    if old:
        request_translations(instance, old, kind=TaskKind.SYNC)
