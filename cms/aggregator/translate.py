"""Machine translation of headlines and summaries into the site's languages."""

import logging
from collections import defaultdict

from django.conf import settings

from translations.engines.base import EngineError
from translations.engines.registry import Registry
from translations.pipeline import translate_document

from . import conf
from .models import Item, ItemTranslation

logger = logging.getLogger(__name__)


def target_languages() -> list[str]:
    configured = conf.get("AGGREGATOR_TRANSLATE_TO")
    return list(configured) if configured else [code for code, _name in settings.LANGUAGES]


def translate_items(item_ids: list[int]) -> int:
    """Translate what an installed model can reach; returns translations made."""
    registry = Registry()
    items = list(Item.objects.filter(pk__in=item_ids))
    done = set(ItemTranslation.objects.filter(item__in=items).values_list("item_id", "language"))
    groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in items:
        for language in target_languages():
            if language != item.language and (item.pk, language) not in done:
                groups[(item.language, language)].append(item)
    made = 0
    for (source, target), group in groups.items():
        if not registry.can_translate(source, target):
            continue
        texts = [text for item in group for text in (item.title, item.summary)]
        try:
            document = translate_document(texts, source, target, registry=registry)
        except EngineError as error:
            logger.warning("Translating items %s→%s failed: %s", source, target, error)
            continue
        for index, item in enumerate(group):
            ItemTranslation.objects.update_or_create(
                item=item,
                language=target,
                defaults={
                    "title": document.strings[2 * index],
                    "summary": document.strings[2 * index + 1],
                    "engine": document.engine,
                },
            )
            made += 1
    return made
