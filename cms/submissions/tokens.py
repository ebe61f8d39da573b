"""Signed values the public forms carry: when the form was shown, and the link that
confirms an e-mail address. Both are signed with SECRET_KEY, so a bot cannot forge them."""

import time

from django.core import signing

FILL_SALT = "cms.submissions.fill"
CONFIRM_SALT = "cms.submissions.confirm"


def fill_token(now: float | None = None) -> str:
    """The hidden ``started`` value of a form shown at ``now`` (seconds since the epoch)."""
    return signing.dumps({"t": round(time.time() if now is None else now, 3)}, salt=FILL_SALT)


def form_age(token: str) -> float | None:
    """Seconds since the form carrying ``token`` was shown; None if it was tampered with."""
    try:
        shown = float(signing.loads(token, salt=FILL_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return time.time() - shown


def confirm_token(submission) -> str:
    return signing.dumps({"s": submission.pk, "k": submission.confirm_key}, salt=CONFIRM_SALT)


def read_confirm_token(token: str, max_age_seconds: int) -> dict:
    """``{"s": pk, "k": key}``; raises ``signing.SignatureExpired`` or ``BadSignature``."""
    value = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age_seconds)
    if not isinstance(value, dict) or "s" not in value or "k" not in value:
        raise signing.BadSignature("incomplete token")
    return value
