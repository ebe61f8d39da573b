"""“65th anniversary” in the reader's language: CLDR ordinals through ICU."""

import icu
from django.utils.translation import gettext as _
from django.utils.translation import to_locale

# ICU has no Lao ordinals and falls back to Thai ones (ที่50): Lao gets the plain number.
PLAIN_NUMBER = frozenset({"lo"})


def ordinal(number: int, language: str) -> str:
    if language in PLAIN_NUMBER:
        return str(number)
    rules = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.ORDINAL, icu.Locale(to_locale(language)))
    return rules.format(number)


def anniversary_label(number: int, language: str) -> str:
    return _("%(ordinal)s anniversary") % {"ordinal": ordinal(number, language)}
