"""What the views, the command line and the background worker call."""

from .drafting import draft_translation
from .requests import request_translations
from .review import QAFailed, ReviewError, approve, send_back, submit_for_review

__all__ = [
    "QAFailed",
    "ReviewError",
    "approve",
    "draft_translation",
    "request_translations",
    "send_back",
    "submit_for_review",
]
