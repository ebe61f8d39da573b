from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db.models import Q

from cms.aggregator.health import describe_delay, with_health
from cms.aggregator.models import Source, SourceKind
from cms.aggregator.operations import due_source_ids, fetch_many
from cms.aggregator.seeds import seed_sources
from cms.aggregator.tasks import ensure_scheduler, process_new_items
from cms.taxonomy.models import Province

ROW = "{:>4}  {:6}  {:>4}  {:>10}  {:16}  {}"


class Command(BaseCommand):
    help = "Manage and fetch the aggregated news sources."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add-source", help="Add a feed or listing.")
        add.add_argument("url")
        add.add_argument("--province", help="province code, e.g. quang-ninh")
        add.add_argument("--language", default="vi")
        add.add_argument("--kind", choices=[k.value for k in SourceKind], default=SourceKind.FEED)
        add.add_argument("--name")
        add.add_argument("--attribution", default="")
        add.add_argument("--interval", type=int, default=30, help="minutes between fetches")
        add.add_argument("--inactive", action="store_true")
        sub.add_parser("list", help="Sources and their health.")
        fetch = sub.add_parser("fetch", help="Fetch now.")
        group = fetch.add_mutually_exclusive_group(required=True)
        group.add_argument("--source", type=int, action="append", help="source ID")
        group.add_argument("--due", action="store_true", help="every active source that is due")
        group.add_argument("--all", action="store_true", help="every active source")
        sub.add_parser("seed", help="Create the (inactive) provincial and press sources.")
        sub.add_parser("schedule", help="Start the background fetch schedule if not running.")

    def handle(self, *args, action, **options):
        getattr(self, "handle_" + action.replace("-", "_"))(**options)

    def handle_add_source(
        self, url, province, language, kind, name, attribution, interval, inactive, **options
    ):
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise CommandError(f"{url} is not an http(s) URL.") from error
        province_obj = None
        if province:
            province_obj = Province.objects.filter(
                Q(code=province) | Q(number=int(province) if province.isdigit() else -1)
            ).first()
            if province_obj is None:
                codes = ", ".join(Province.objects.values_list("code", flat=True))
                raise CommandError(f"Unknown province {province!r}. Codes: {codes}")
        if Source.objects.filter(url=url).exists():
            raise CommandError(f"A source with {url} exists already (see `aggregator list`).")
        source = Source.objects.create(
            url=url,
            name=name or url,
            kind=kind,
            province=province_obj,
            language=language,
            attribution=attribution or name or "",
            poll_interval=interval,
            active=not inactive,
        )
        self.stdout.write(
            f"Added source {source.pk}: {source.name} ({'active' if source.active else 'inactive'})"
        )

    def handle_list(self, **options):
        sources = with_health(Source.objects.all()).order_by("pk")
        header = ("ID", "active", "7d", "delay", "next attempt", "name / last error")
        self.stdout.write(ROW.format(*header))
        for s in sources:
            nxt = s.next_fetch_at.strftime("%Y-%m-%d %H:%M") if s.next_fetch_at else "–"
            active = "yes" if s.active else "no"
            delay = describe_delay(s.average_delay)
            self.stdout.write(ROW.format(s.pk, active, s.items_7d, delay, nxt, s.name))
            if s.last_error:
                self.stdout.write(f"{'':>56}  ! {s.last_error[:100]}")

    def handle_fetch(self, source=None, due=False, all=False, **options):
        if source:
            ids = list(Source.objects.filter(pk__in=source).values_list("pk", flat=True))
            missing = set(source) - set(ids)
            if missing:
                raise CommandError(f"No source with ID {', '.join(map(str, sorted(missing)))}.")
        elif due:
            ids = due_source_ids()
        else:
            ids = list(Source.objects.filter(active=True).values_list("pk", flat=True))
        self.stdout.write(f"Fetching {len(ids)} sources...")

        def progress(outcome, done, total):
            detail = outcome.error or f"{outcome.new} new, {outcome.duplicates} already stored"
            self.stdout.write(
                f"[{done}/{total}] source {outcome.source_id}: {outcome.status} ({detail})"
            )

        outcomes = fetch_many(ids, progress=progress)
        new_ids = process_new_items(outcomes)
        errors = sum(outcome.status == "error" for outcome in outcomes)
        self.stdout.write(f"Done: {len(new_ids)} new items, {errors} sources failed.")

    def handle_seed(self, **options):
        created, existing = seed_sources()
        self.stdout.write(
            f"Seed sources: {created} created, {existing} already there "
            "(all inactive until confirmed)."
        )

    def handle_schedule(self, **options):
        started = ensure_scheduler()
        self.stdout.write(
            "Fetch schedule started."
            if started
            else "Fetch schedule already running (or the tasks backend cannot defer)."
        )
