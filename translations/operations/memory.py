"""Translation memory: approved segments reused before MT and offered as close matches."""

from difflib import SequenceMatcher

from django.utils import timezone

from translations.models import MemoryEntry

CLOSE_MATCH_RATIO = 0.75


def exact_matches(strings, locale) -> dict[int, str]:
    """Approved translations for these source strings, by string id."""
    entries = MemoryEntry.objects.filter(string__in=strings, locale=locale)
    return {entry.string_id: entry.text for entry in entries}


def close_matches(source_text: str, locale, limit: int = 3) -> list[tuple[float, MemoryEntry]]:
    length = len(source_text)
    candidates = MemoryEntry.objects.filter(
        locale=locale,
        source_length__gte=int(length * 0.7),
        source_length__lte=int(length * 1.3) + 1,
    ).exclude(source_text=source_text)[:500]
    scored = []
    for entry in candidates:
        matcher = SequenceMatcher(None, source_text, entry.source_text, autojunk=False)
        if matcher.quick_ratio() < CLOSE_MATCH_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= CLOSE_MATCH_RATIO:
            scored.append((ratio, entry))
    scored.sort(key=lambda item: -item[0])
    return scored[:limit]


def remember(states, locale, user) -> int:
    """Store the approved text of every translated segment."""
    now = timezone.now()
    stored = 0
    for state in states:
        if not state.current or state.current.has_error:
            continue
        MemoryEntry.objects.update_or_create(
            string=state.segment.string,
            locale=locale,
            defaults={
                "source_text": state.source_text,
                "source_length": len(state.source_text),
                "text": state.current.data,
                "approved_at": now,
                "approved_by": user,
            },
        )
        stored += 1
    return stored
