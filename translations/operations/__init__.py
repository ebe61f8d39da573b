"""What the views, the command line and the background worker call (asking for a
translation is ``translations.requests``)."""

from .drafting import draft_translation
from .review import QAFailed, ReviewError, approve, send_back, submit_for_review

__all__ = [
    "QAFailed",
    "ReviewError",
    "approve",
    "draft_translation",
    "send_back",
    "submit_for_review",
]
