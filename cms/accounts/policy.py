"""Who must use a second factor."""

from fnmatch import fnmatchcase

from django.conf import settings


def requires_otp(user) -> bool:
    """Superusers always; members of a group in settings.OTP_REQUIRED_GROUPS (patterns such
    as ``Reviewers (*)``); nobody while settings.OTP_REQUIRED is off."""
    if not settings.OTP_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    patterns = settings.OTP_REQUIRED_GROUPS
    return any(
        fnmatchcase(name, pattern)
        for name in user.groups.values_list("name", flat=True)
        for pattern in patterns
    )
