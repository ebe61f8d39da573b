from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from translations.engines import download, registry, store
from translations.engines.base import EngineError
from translations.engines.package_index import IndexPackage, PackageIndexError, load_index
from translations.engines.progress import ProgressBar, human_size
from translations.requests import RequestError, request_translations


def plural(count: int) -> str:
    return f"{count} package" if count == 1 else f"{count} packages"


class Command(BaseCommand):
    help = "Manage machine-translation models and request MT drafts."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        install = sub.add_parser("install", help="Install model packages from files.")
        install.add_argument("paths", nargs="+", help=".argosmodel, .zip or a package folder")
        sub.add_parser("list", help="Installed packages and the language pairs they reach.")
        remove = sub.add_parser("remove", help="Remove an installed package.")
        remove.add_argument("name")
        fetch = sub.add_parser(
            "download", help="Download packages from the package index (MT_PACKAGE_INDEX)."
        )
        fetch.add_argument("pair", nargs="*", metavar="LANG", help="source and target: vi en")
        fetch.add_argument(
            "--all",
            action="store_true",
            dest="all_languages",
            help="every configured language from the source language, through English "
            "where no direct package exists",
        )
        fetch.add_argument("--force", action="store_true", help="even when already installed")
        fetch.add_argument("--index", help="an index other than MT_PACKAGE_INDEX: URL or folder")
        offered = sub.add_parser("index", help="The packages the package index offers.")
        offered.add_argument("--from", dest="source", help="only those from this language")
        offered.add_argument("--index", help="an index other than MT_PACKAGE_INDEX: URL or folder")
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
        self.write_routes(packages)

    def write_routes(self, packages=None):
        self.stdout.write("Reachable pairs:")
        reachable = registry.Registry(packages).reachable()
        for (source, target), how in reachable.items():
            self.stdout.write(f"  {source}→{target}  {how}")
        if not reachable:
            self.stdout.write("  none")

    def planned_packages(self, index, pair, all_languages) -> tuple[list[IndexPackage], list[str]]:
        """The packages to fetch, and the pairs the index cannot serve (with --all; for
        one pair that is an error straight away, saying what the index has)."""
        if all_languages == bool(pair) or (pair and len(pair) != 2):
            raise CommandError("Give a source and a target language (mt download vi en) or --all.")
        if all_languages:
            source = settings.LANGUAGE_CODE
            targets = [code for code, _name in settings.LANGUAGES if code != source]
        else:
            source, targets = pair[0], [pair[1]]
        planned: dict[tuple[str, str], IndexPackage] = {}
        problems = []
        for target in targets:
            codes = registry.mt_code(source), registry.mt_code(target)
            if codes[0] == codes[1]:
                continue
            try:
                for package in index.plan(*codes):
                    planned.setdefault(package.pair, package)
            except PackageIndexError:
                if not all_languages:
                    raise
                problems.append("→".join(codes))
        return list(planned.values()), problems

    def fetch_one(self, package: IndexPackage, prefix: str) -> None:
        size = human_size(package.size) if package.size else "size not given by the index"
        self.stdout.write(f"{prefix}: downloading ({size})...")
        bar = ProgressBar(self.stdout)
        try:
            result = download.install(package, bar)
        finally:
            bar.finish()
        checked = ", ".join(result.download.checked)
        self.stdout.write(
            f"  installed {result.info.name} ({human_size(result.download.size)} from "
            f"{result.download.link}; checked: {checked})"
        )
        if "sha256" not in result.download.checked:
            self.stdout.write(
                "  The index gives no sha256 for it: only the transfer length and the "
                "package's contents were checked."
            )
        for name in result.replaced:
            self.stdout.write(f"  removed the older {name}")

    def handle_download(self, pair, all_languages, force, index=None, **options):
        offered = load_index(index)
        self.stdout.write(f"Package index {offered.location}: {plural(len(offered.packages))}.")
        packages, problems = self.planned_packages(offered, pair, all_languages)
        failures = []
        for number, package in enumerate(packages, start=1):
            prefix = f"[{number}/{len(packages)}] {package.label}"
            current = None if force else download.installed_version(package)
            if current:
                self.stdout.write(
                    f"{prefix}: {current.name} ({current.version}) is installed; skipped "
                    "(--force downloads it again)."
                )
                continue
            try:
                self.fetch_one(package, prefix)
            except download.DownloadError as error:
                failures.append(str(error))
                self.stderr.write(f"  {error}")
            except KeyboardInterrupt:
                raise CommandError(
                    "Interrupted: the partial download was deleted; the installed models are "
                    "unchanged. Run the command again to resume."
                ) from None
        self.write_routes()
        if problems:
            source = registry.mt_code(settings.LANGUAGE_CODE)
            offered_pairs = ", ".join(f"{a}→{b}" for a, b in offered.pairs_from(source))
            self.stderr.write(
                f"The package index has no package, direct or through English, for "
                f"{', '.join(problems)}. From {source} it offers: {offered_pairs or 'nothing'}. "
                "Install such packages from files with `python manage.py mt install PATH`, "
                "or point MT_PACKAGE_INDEX at an index that has them."
            )
        if failures or problems:
            raise CommandError(
                f"{len(failures)} download(s) failed, {len(problems)} language(s) have no "
                "package; see the messages above."
            )

    def handle_index(self, source=None, index=None, **options):
        offered = load_index(index)
        have = {(pair, info.version) for info in store.installed() for pair in info.pairs}
        packages = [p for p in offered.packages if source in (None, p.from_code)]
        self.stdout.write(f"Package index {offered.location}: {plural(len(packages))}.")
        for package in sorted(packages, key=lambda p: (p.pair, p.version)):
            size = human_size(package.size) if package.size else "size ?"
            checksum = "sha256" if package.sha256 else "no checksum"
            mark = "  installed" if (package.pair, package.version) in have else ""
            self.stdout.write(
                f"  {package.from_code}→{package.to_code}  {package.version}  "
                f"{package.code or '-'}  {size}  {checksum}{mark}"
            )

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
