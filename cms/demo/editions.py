"""The demo's editions in every language, made the way real translations are made.

For each page and language: the language's demo translator writes the text of every
segment (wagtail-localize ``StringTranslation``, a manual translation), then
``draft_translation`` makes the draft (machine translation is only asked for segments
nobody wrote, and there are none), the translator sends it for review and the language's
demo reviewer approves it, which publishes it. The texts come from a small translation
memory ``{Vietnamese source text: {language code: text}}`` built from the demo data files.
"""

from collections.abc import Iterable
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cms.core.roles import reviewers_group_name, setup_roles, translators_group_name
from translations.models import TranslationReview
from translations.models.workflow import ReviewState
from translations.operations import approve, draft_translation, submit_for_review

# The languages every demo page is published in, besides Vietnamese.
EDITION_LANGUAGES = ("en", "zh-hans", "lo", "km", "fr", "ru", "es", "ja", "ko")
APPROVAL_NOTE = "Demo content: written by hand in this language and checked."


class MissingDemoText(Exception):
    """The demo data has no text for some segments; add them to the data files."""


Memory = dict[str, dict[str, str]]


def add_aligned(memory: Memory, versions: dict[str, object]) -> None:
    """Add the texts of parallel structures (dicts, lists, strings) keyed by language,
    matching each Vietnamese string with the string at the same place in each language."""
    source = versions.get("vi")

    def walk(vi, others: dict[str, object]) -> None:
        if isinstance(vi, str):
            if vi.strip():
                entry = memory.setdefault(vi, {})
                entry.update({code: text for code, text in others.items() if isinstance(text, str)})
        elif isinstance(vi, dict):
            for key, value in vi.items():
                walk(value, {c: o.get(key) for c, o in others.items() if isinstance(o, dict)})
        elif isinstance(vi, list):
            for n, value in enumerate(vi):
                walk(value, {c: o[n] for c, o in others.items() if isinstance(o, list)})

    walk(source, {code: value for code, value in versions.items() if code != "vi"})


def demo_team(code: str) -> tuple:
    """The demo translator and reviewer of a language, created without a password (``load_demo
    --with-users`` gives them one)."""
    User = get_user_model()
    team = []
    for username, group_name in (
        (f"translator-{code}", translators_group_name(code)),
        (f"reviewer-{code}", reviewers_group_name(code)),
    ):
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        group, _ = Group.objects.get_or_create(name=group_name)
        user.groups.add(group)
        team.append(user)
    return tuple(team)


class Editions:
    """Publishes reviewed translations of demo pages from a translation memory."""

    def __init__(self, memory: Memory, stdout=None):
        self.memory = memory
        self.stdout = stdout
        self.published = 0
        self.kept = 0
        self._teams: dict[str, tuple] = {}
        self._roles_ready = False
        self._locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def team(self, code: str) -> tuple:
        if not self._roles_ready:
            setup_roles()  # reviewers need their rights in their tree to approve
            self._roles_ready = True
        if code not in self._teams:
            self._teams[code] = demo_team(code)
        return self._teams[code]

    def text(self, source: str, code: str) -> str | None:
        entry = self.memory.get(unescape(source).strip())
        if entry and entry.get(code):
            return entry[code]
        if not any(ch.isalpha() for ch in source):
            return source  # numbers and dates are written the same way
        return None

    def pending(self, page: Page, code: str) -> bool:
        """Whether the edition in ``code`` is still to be made. A translation that exists
        and is not waiting in post-edit or review is kept as it is (an editor may have
        changed or unpublished it)."""
        existing = page.get_translations().filter(locale=self._locales[code]).first()
        if existing is None:
            return True
        if existing.live:
            return False
        return TranslationReview.objects.filter(
            translation__source__object_id=page.translation_key,
            translation__target_locale=self._locales[code],
            state__in=(ReviewState.POST_EDIT, ReviewState.CHANGES, ReviewState.REVIEW),
        ).exists()

    def publish_all(self, page: Page, codes: Iterable[str]) -> None:
        """Make the editions of ``page`` still missing in ``codes``."""
        codes = list(codes)
        todo = [code for code in codes if self.pending(page, code)]
        self.kept += len(codes) - len(todo)
        if not todo:
            return
        page = page.specific
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context")
        )
        for code in todo:
            self.publish(page, self._locales[code], segments)

    def publish(self, page: Page, locale: Locale, segments: list[StringSegment]) -> None:
        translator, reviewer = self.team(locale.language_code)
        with transaction.atomic():
            self.write_segments(page, segments, locale, translator)
            result = draft_translation(page, locale, user=translator)
            review = TranslationReview.objects.get(translation=result.translation)
            if review.state in (ReviewState.POST_EDIT, ReviewState.CHANGES):
                submit_for_review(review, translator)
            approve(review, reviewer, APPROVAL_NOTE)
        self.published += 1

    def write_segments(
        self, page: Page, segments: list[StringSegment], locale: Locale, translator
    ) -> None:
        """The translator's text for every segment of the page's current version."""
        code = locale.language_code
        missing = [s.string.data for s in segments if self.text(s.string.data, code) is None]
        if missing:
            raise MissingDemoText(
                f"No {code} text for {page.title!r}: {missing}. "
                "Add it to cms/demo/site_structure.json or cms/demo/editions.json."
            )
        for segment in segments:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": self.text(segment.string.data, code),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "",
                    "last_translated_by": translator,
                    "has_error": False,
                    "field_error": "",
                },
            )
