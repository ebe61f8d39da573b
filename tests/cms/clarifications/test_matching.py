"""Watched terms are matched like search segments text: whole words in Latin scripts,
grapheme pairs in Lao, Khmer and Chinese (written without spaces)."""

import pytest
from django.core.management import call_command

from cms.aggregator.models import Item, Source
from cms.aggregator.operations import fetch_many
from cms.aggregator.signals import items_ingested
from cms.clarifications.matching import match_items, term_matches
from cms.clarifications.models import TermMatch
from tests.cms.aggregator.conftest import rss, server  # noqa: F401

from .factories import ItemFactory, WatchedTermFactory

pytestmark = pytest.mark.django_db

LAO_TERM = "ອ່າວຮ່າລອງ"  # Ha Long Bay
KHMER_TERM = "ឈូងសមុទ្រហាឡុង"
CHINESE_TERM = "下龙湾"


@pytest.mark.parametrize(
    ("term", "text"),
    [
        (LAO_TERM, "ນັກທ່ອງທ່ຽວມາຢ້ຽມຢາມອ່າວຮ່າລອງຫຼາຍຂຶ້ນ"),
        (KHMER_TERM, "ភ្ញៀវទេសចរទៅលេងឈូងសមុទ្រហាឡុងច្រើនឡើង"),
        (CHINESE_TERM, "越南下龙湾游客人数增加"),
        ("vịnh Hạ Long", "Du khách đổ về Vịnh Hạ Long dịp hè"),
        ("Ha Long Bay", "Tourists flock to Hạ Long bay"),  # diacritics folded, as search does
    ],
)
def test_term_is_found_in_text_written_without_spaces(term, text):
    assert term_matches(term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("nam", "Vietnamese tourists arrive"),  # a substring, not a word
        ("Việt Nam", "Người Vietnamese"),
        ("Long Bay", "Along Bayside"),
        (CHINESE_TERM, "下龙2026湾"),  # digits end the run of Chinese, as in search
        (LAO_TERM, "ອ່າວ ABC ຮ່າລອງ"),  # Latin text between: no phrase across it
    ],
)
def test_term_does_not_match_across_a_word_or_script_boundary(term, text):
    assert not term_matches(term, text)


def test_title_and_summary_are_separate_fields():
    """A phrase cannot run from the end of the headline into the summary."""
    assert not term_matches("Hạ Long", "Tin mới về Hạ", "Long An phát triển")
    assert term_matches("Hạ Long", "Tin mới", "Vịnh Hạ Long đẹp")


def test_matches_are_stored_once_per_item_and_term():
    lao = WatchedTermFactory(language="lo", term=LAO_TERM)
    khmer = WatchedTermFactory(language="km", term=KHMER_TERM)
    chinese = WatchedTermFactory(language="zh-hans", term=CHINESE_TERM)
    WatchedTermFactory(language="en", term="Ha Long Bay", active=False)
    items = [
        ItemFactory(language="lo", title="ຂ່າວ", summary="ນັກທ່ອງທ່ຽວມາອ່າວຮ່າລອງ"),
        ItemFactory(language="km", title="ភ្ញៀវទៅឈូងសមុទ្រហាឡុង"),
        ItemFactory(language="zh-hans", title="下龙湾游客增加"),
        ItemFactory(language="en", title="Ha Long Bay is busy"),
        ItemFactory(language="zh-hans", title="下龙市场"),
    ]
    ids = [item.pk for item in items]
    assert match_items(ids) == 3
    assert match_items(ids) == 0
    pairs = set(TermMatch.objects.values_list("term_id", "item_id"))
    assert pairs == {(lao.pk, ids[0]), (khmer.pk, ids[1]), (chinese.pk, ids[2])}


def test_ingested_items_are_matched_and_clustered(server):  # noqa: F811
    """A real fetch of three portals, then the aggregator's ``items_ingested`` signal."""
    WatchedTermFactory(language="vi", term="vịnh Hạ Long")
    story = ("Vịnh Hạ Long đóng cửa đón khách suốt mùa hè", "Tin đồn lan truyền trên mạng xã hội.")
    sources = []
    for n, suffix in enumerate(["", " - Cổng TTĐT tỉnh", " (Báo địa phương)"]):
        body = rss([(f"s{n}", story[0] + suffix, story[1]), (f"o{n}", f"Tin khác {n}", "")])
        sources.append(
            Source.objects.create(
                name=f"Cổng {n}", url=server.add(f"/p{n}", body=body), active=True
            )
        )
    fetch_many([source.pk for source in sources])
    new_ids = list(Item.objects.values_list("pk", flat=True))
    assert TermMatch.objects.count() == 0
    items_ingested.send(sender=Item, item_ids=new_ids)
    matched = Item.objects.filter(watched_term_matches__isnull=False)
    assert matched.count() == 3
    assert len({item.cluster_id for item in matched}) == 1
    assert None not in {item.cluster_id for item in matched}


def test_command_rematches_after_a_term_is_added(capsys):
    item = ItemFactory(language="zh-hans", title="越南下龙湾游客增加")
    term = WatchedTermFactory(language="zh-hans", term=CHINESE_TERM)
    TermMatch.objects.all().delete()
    call_command("match_watched_terms", "--language", "zh-hans")
    assert TermMatch.objects.filter(term=term, item=item).exists()
    assert "matches stored" in capsys.readouterr().out


def test_saving_a_term_matches_it_against_stored_items(django_capture_on_commit_callbacks):
    item = ItemFactory(language="km", title="ភ្ញៀវទៅឈូងសមុទ្រហាឡុង")
    with django_capture_on_commit_callbacks(execute=True):
        term = WatchedTermFactory(language="km", term=KHMER_TERM)
    assert TermMatch.objects.filter(term=term, item=item).exists()
    term.active = False
    term.save()
    assert not TermMatch.objects.filter(term=term).exists()


def test_command_refuses_a_language_without_terms():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No active watched term"):
        call_command("match_watched_terms", "--language", "xx")


def test_a_changed_term_loses_the_matches_that_no_longer_hold(django_capture_on_commit_callbacks):
    bay = ItemFactory(language="zh-hans", title="越南下龙湾游客增加")
    market = ItemFactory(language="zh-hans", title="下龙市场开业")
    with django_capture_on_commit_callbacks(execute=True):
        term = WatchedTermFactory(language="zh-hans", term=CHINESE_TERM)
    assert set(term.matches.values_list("item_id", flat=True)) == {bay.pk}
    term.term = "下龙市场"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert set(term.matches.values_list("item_id", flat=True)) == {market.pk}
