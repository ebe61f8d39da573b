from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from translations.glossary import Glossary, Term


def language_choices():
    return list(settings.LANGUAGES)


class TermCategory(models.TextChoices):
    PERSON = "person", _("Name of a leader or person")
    BODY = "body", _("Name of a body or organisation")
    PLACE = "place", _("Place name")
    SLOGAN = "slogan", _("Slogan or official phrase")
    OTHER = "other", _("Other")


class GlossaryTerm(models.Model):
    """An official term and its approved form in one target language.

    Machine translation never translates the term: it puts ``target_term`` in its place
    (the source term itself when ``do_not_translate`` is set). QA checks that it is used.
    """

    source_language = models.CharField(
        _("source language"), max_length=20, default="vi", choices=language_choices
    )
    target_language = models.CharField(
        _("target language"), max_length=20, choices=language_choices
    )
    source_term = models.CharField(_("term"), max_length=255)
    target_term = models.CharField(_("approved translation"), max_length=255, blank=True)
    do_not_translate = models.BooleanField(
        _("keep as is"), default=False, help_text=_("Use the term unchanged in this language.")
    )
    category = models.CharField(
        _("category"), max_length=20, choices=TermCategory.choices, default=TermCategory.OTHER
    )
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("source_language"),
        FieldPanel("target_language"),
        FieldPanel("source_term"),
        FieldPanel("target_term"),
        FieldPanel("do_not_translate"),
        FieldPanel("category"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["source_language", "target_language", "source_term"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "source_term"],
                name="unique_glossary_term",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_term} → {self.approved_form} ({self.target_language})"

    @property
    def approved_form(self) -> str:
        return self.source_term if self.do_not_translate else self.target_term

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.do_not_translate and not self.target_term.strip():
            raise ValidationError(
                {"target_term": _("Give the approved translation, or tick 'keep as is'.")}
            )

    @classmethod
    def for_pair(cls, source_language: str, target_language: str) -> Glossary:
        terms = cls.objects.filter(source_language=source_language, target_language=target_language)
        return Glossary([Term(term.source_term, term.approved_form) for term in terms])
