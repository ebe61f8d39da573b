"""What the clarifications desk lists: items that matched watched terms, grouped by the
aggregator's clusters (one story republished by several portals is one row group),
filtered by language, term and date, and marked when a clarification answers them."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone

from cms.aggregator.models import Item
from cms.aggregator.models.sources import host_of
from cms.core.params import DateParam, FlagParam, ParamsForm

from . import conf
from .models import AnsweredClaim, TermMatch, WatchedTerm

DOMESTIC_SUFFIX = ".vn"


class TermParam(forms.IntegerField):
    raw_limit = 20

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, max_value=2**31 - 1, **kwargs)


class DeskParams(ParamsForm):
    """The desk's filters: a language of the user's desk, a term id, a date range, and
    ``open`` for items no clarification answers yet."""

    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    term = TermParam()
    date_from = DateParam()
    date_to = DateParam()
    open = FlagParam()


@dataclass
class DeskItem:
    item: Item
    terms: list[WatchedTerm] = field(default_factory=list)
    clarifications: list = field(default_factory=list)

    @property
    def domestic(self) -> bool:
        return host_of(self.item.source.url).endswith(DOMESTIC_SUFFIX)

    @property
    def answered(self) -> bool:
        return any(page.live for page in self.clarifications)


@dataclass
class DeskGroup:
    """The matched items of one cluster (or one item outside any cluster), newest first."""

    cluster_id: int | None
    items: list[DeskItem]

    @property
    def latest(self) -> datetime:
        return self.items[0].item.sort_at

    @property
    def answered(self) -> bool:
        return any(entry.answered for entry in self.items)


@dataclass
class Filters:
    languages: list[str]
    term: WatchedTerm | None
    start: datetime
    end: datetime | None
    open_only: bool


def filters_from(params: DeskParams, languages: list[str]) -> Filters:
    """The usable filters, limited to ``languages`` (the user's desk). Without dates the
    desk shows the last CLARIFICATIONS_DESK_DAYS days."""
    values = params.usable()
    chosen = values.get("language")
    if chosen in languages:
        languages = [chosen]
    term = None
    if values.get("term"):
        term = WatchedTerm.objects.filter(pk=values["term"], language__in=languages).first()
    zone = timezone.get_current_timezone()
    if values.get("date_from"):
        start = datetime.combine(values["date_from"], time.min, tzinfo=zone)
    else:
        start = timezone.now() - timedelta(days=conf.get("CLARIFICATIONS_DESK_DAYS"))
    end = None
    if values.get("date_to"):
        end = datetime.combine(values["date_to"] + timedelta(days=1), time.min, tzinfo=zone)
    return Filters(languages, term, start, end, bool(values.get("open")))


def desk_groups(filters: Filters) -> list[DeskGroup]:
    matches = TermMatch.objects.filter(
        term__active=True, term__language__in=filters.languages, item__sort_at__gte=filters.start
    )
    if filters.end is not None:
        matches = matches.filter(item__sort_at__lt=filters.end)
    if filters.term is not None:
        matches = matches.filter(term=filters.term)
    matches = matches.select_related("term", "item__source").order_by(
        "-item__sort_at", "-item_id", "term__term"
    )[: conf.get("CLARIFICATIONS_DESK_LIMIT")]
    entries: dict[int, DeskItem] = {}
    for match in matches:
        entries.setdefault(match.item_id, DeskItem(match.item)).terms.append(match.term)
    links = AnsweredClaim.objects.filter(item_id__in=list(entries)).select_related("page")
    for link in links:
        entries[link.item_id].clarifications.append(link.page)
    if filters.open_only:
        entries = {pk: entry for pk, entry in entries.items() if not entry.answered}
    groups: dict[object, DeskGroup] = {}
    for entry in entries.values():
        key = entry.item.cluster_id or f"item-{entry.item.pk}"
        groups.setdefault(key, DeskGroup(entry.item.cluster_id, [])).items.append(entry)
    return sorted(groups.values(), key=lambda group: group.latest, reverse=True)
