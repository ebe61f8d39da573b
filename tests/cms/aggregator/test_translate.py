import pytest

from cms.aggregator.models import Item, ItemTranslation, Source
from cms.aggregator.operations import fetch_source
from cms.aggregator.tasks import fetch_sources_task
from cms.aggregator.translate import translate_items

from .conftest import rss

pytestmark = pytest.mark.django_db

HEADLINE = ("t1", "Hà Nội là thủ đô của Việt Nam.", "Vịnh Hạ Long là Di sản Thế giới từ năm 1994.")


def test_headlines_are_translated_where_a_model_reaches(
    server, installed_models, settings, permuted, multi, expect
):
    settings.AGGREGATOR_TRANSLATE_TO = ["en", "lo", "fr", "ja"]
    source = Source.objects.create(
        name="S", url=server.add("/rss", body=rss([HEADLINE])), active=True
    )
    outcome = fetch_source(source.pk)
    assert translate_items(list(outcome.item_ids)) == 3  # no model reaches Japanese
    item = Item.objects.get(source=source)
    english = ItemTranslation.objects.get(item=item, language="en")
    assert english.title == expect(HEADLINE[1], permuted)
    assert english.summary == expect(HEADLINE[2], permuted)
    assert english.engine == "translate-vi_en-1_0"
    assert ItemTranslation.objects.get(item=item, language="lo").title == expect(HEADLINE[1], multi)
    assert ItemTranslation.objects.get(item=item, language="fr").engine.count("+") == 1
    assert translate_items([item.pk]) == 0, "nothing is translated twice"


def test_fetch_task_translates_new_items(server, installed_models, settings):
    settings.AGGREGATOR_TRANSLATE_TO = ["en"]
    source = Source.objects.create(
        name="S", url=server.add("/rss", body=rss([HEADLINE])), active=True
    )
    summary = fetch_sources_task.call([source.pk])
    assert summary == {"new": 1}
    assert ItemTranslation.objects.filter(language="en").count() == 1
