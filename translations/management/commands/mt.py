from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from translations.engines import registry, store
from translations.engines.base import EngineError
from translations.requests import RequestError, request_translations


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


class Command(BaseCommand):
    help = "Manage machine-translation models and request MT drafts."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        install = sub.add_parser("install", help="Install model packages from files.")
        install.add_argument("paths", nargs="+", help=".argosmodel, .zip or a package folder")
        sub.add_parser("list", help="Installed packages and the language pairs they reach.")
        remove = sub.add_parser("remove", help="Remove an installed package.")
        remove.add_argument("name")
        translate = sub.add_parser("translate", help="Request MT drafts of a page.")
        translate.add_argument("--page", type=int, required=True, help="source page ID")
        translate.add_argument(
            "--to", action="append", required=True, dest="languages", help="language code"
        )

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"handle_{action}")(**options)
        except (EngineError, RequestError) as error:
            raise CommandError(str(error)) from error

    def handle_install(self, paths, **options):
        for number, path in enumerate(paths, start=1):
            self.stdout.write(f"[{number}/{len(paths)}] Installing {path}...")
            info = store.install(path)
            pairs = ", ".join(f"{a}→{b}" for a, b in sorted(info.pairs))
            self.stdout.write(
                f"  {info.name} ({info.kind}, {human_size(info.size_bytes)}): {pairs}"
            )
        registry.clear_cache()

    def handle_list(self, **options):
        packages = store.installed()
        if not packages:
            self.stdout.write(f"No models installed in {store.models_dir()}.")
            self.stdout.write("Install one with: python manage.py mt install PATH (see README).")
            return
        self.stdout.write(f"Models in {store.models_dir()}:")
        for info in packages:
            pairs = ", ".join(f"{a}→{b}" for a, b in sorted(info.pairs))
            size = human_size(info.size_bytes)
            self.stdout.write(f"  {info.name}  {info.kind}  {size}  {info.version}  {pairs}")
        self.stdout.write("Reachable pairs:")
        for (source, target), how in registry.Registry(packages).reachable().items():
            self.stdout.write(f"  {source}→{target}  {how}")

    def handle_remove(self, name, **options):
        store.remove(name)
        registry.clear_cache()
        self.stdout.write(f"Removed {name}.")

    def handle_translate(self, page, languages, **options):
        try:
            source = Page.objects.get(pk=page).specific
        except Page.DoesNotExist as error:
            raise CommandError(f"No page with ID {page}.") from error
        unknown = set(languages) - set(Locale.objects.values_list("language_code", flat=True))
        if unknown:
            raise CommandError(
                f"Unknown language(s): {', '.join(sorted(unknown))}. Run setup_locales first?"
            )
        locales = list(Locale.objects.filter(language_code__in=languages))
        tasks = request_translations(source, locales)
        for task in tasks:
            line = (
                f"{source.title} → {task.target_locale.language_code}: {task.get_status_display()}"
            )
            if task.error:
                line += f" ({task.error})"
            self.stdout.write(line)
        if any(task.status == "failed" for task in tasks):
            raise CommandError("Some translations failed; see the messages above.")
