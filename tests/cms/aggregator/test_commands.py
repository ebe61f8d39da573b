from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.aggregator.models import Item, Source, SourceKind

from .conftest import rss

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("aggregator", *args, stdout=out)
    return out.getvalue()


def test_add_list_fetch(server):
    url = server.add("/rss", body=rss([("a", "Tin một", "Một."), ("b", "Tin hai", "Hai.")]))
    assert "Added source" in run(
        "add-source", url, "--province", "quang-ninh", "--language", "vi", "--name", "QN"
    )
    source = Source.objects.get(url=url)
    assert source.province.code == "quang-ninh" and source.active
    output = run("fetch", "--source", str(source.pk))
    assert "[1/1]" in output and "2 new" in output
    assert "QN" in run("list")
    assert Item.objects.filter(source=source).count() == 2
    assert "0 new" in run("fetch", "--all").splitlines()[-2]


def test_fetch_due_skips_sources_that_are_not_due(server):
    url = server.add("/rss", body=rss([("a", "Tin", "Nội dung.")]))
    run("add-source", url)
    run("fetch", "--due")
    assert "Fetching 0 sources" in run("fetch", "--due")


def test_errors_show_in_the_list(server):
    run("add-source", server.add("/bad", status=500), "--name", "Broken")
    run("fetch", "--all")
    assert "! " in run("list") and "HTTP 500" in run("list")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add-source", "not a url"], "not an http"),
        (["add-source", "https://x.example/rss", "--province", "atlantis"], "Unknown province"),
        (["fetch", "--source", "999999"], "No source with ID"),
    ],
)
def test_bad_arguments(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_duplicate_url(server):
    url = server.add("/rss", body=rss([]))
    run("add-source", url)
    with pytest.raises(CommandError, match="exists already"):
        run("add-source", url)


def test_seed_is_idempotent_and_inactive():
    assert "0 created" in run("seed")
    # One HTML listing per province (the demo adds a few portals' feeds of its own).
    assert Source.objects.filter(province__isnull=False, kind=SourceKind.HTML).count() == 34
    assert not Source.objects.filter(active=True).exists()


def test_schedule_with_the_immediate_backend_says_so():
    assert "cannot defer" in run("schedule")
