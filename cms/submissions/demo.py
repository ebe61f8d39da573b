"""Demo content (``load_demo_content`` hook): a contributor with one published
contribution in English. Running it again creates nothing new."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from .models import ContributionPage, Contributor, Licence, Status, Submission
from .moderation import index_for, link_contributor, text_to_richtext

EMAIL = "anna.weber@example.org"
TITLE = "Morning boats on the Mekong at Cai Rang"
TEXT = (
    "I first came to Can Tho as a student in 2009 and I have returned almost every year.\n\n"
    "At half past five the floating market at Cai Rang is already busy: boats hang the "
    "vegetables they sell from tall poles, so buyers can see them from afar.\n\n"
    "What I love most is the kindness of the traders, who always offer a glass of iced "
    "coffee to a foreigner with too many questions."
)


@transaction.atomic
def load_demo(stdout) -> None:
    if not Locale.objects.filter(language_code="en").exists():
        return
    contributor, _created = Contributor.objects.get_or_create(
        email=EMAIL,
        defaults={
            "name": "Anna Weber",
            "slug": "anna-weber",
            "country": "Germany",
            "bio": "Geographer from Leipzig, writing about the Mekong Delta since 2009.",
            "public_profile": True,
        },
    )
    if ContributionPage.objects.filter(contributor=contributor).exists():
        return
    for code in ("vi", "en"):  # the Vietnamese index first: the others translate it
        if Locale.objects.filter(language_code=code).exists():
            index_for(Locale.objects.get(language_code=code))
    index = index_for(Locale.objects.get(language_code="en"))
    page = ContributionPage(
        title=TITLE,
        slug="morning-boats-cai-rang",
        body=text_to_richtext(TEXT),
        author_name=contributor.name,
        author_country=contributor.country,
        contributor=contributor,
        licence=Licence.CC_BY,
        date_published=timezone.now(),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    now = timezone.now()
    Submission.objects.create(
        language="en",
        status=Status.APPROVED,
        name=contributor.name,
        country=contributor.country,
        email=EMAIL,
        title=TITLE,
        text=TEXT,
        consent_processing=True,
        consent_name=True,
        licence=Licence.CC_BY,
        confirmed_at=now,
        decided_at=now,
        page=page,
    )
    link_contributor(contributor)
    stdout.write(f"Public voices: contributor {contributor.name} with one English contribution")
