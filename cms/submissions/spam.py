"""Spam defences that need no outside service: the text check and the rate limit.

The honeypot and the fill time are checked by the form (``forms``). The rate limit
counts accepted submissions per e-mail address and per client address in the cache,
under a keyed hash of each (the address itself is stored nowhere)."""

import re
import unicodedata

from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from . import conf

LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
REPEATED = re.compile(r"(\S)\1{9,}")  # one character ten times or more
CAPS_MIN_LETTERS = 40
CAPS_SHARE = 0.7


def _cased_letters(text: str) -> list[str]:
    return [char for char in text if unicodedata.category(char) in ("Lu", "Ll")]


def text_problem(text: str) -> str | None:
    """Why ``text`` looks like spam, or None."""
    if len(LINK.findall(text)) > conf.get("SUBMISSIONS_MAX_LINKS"):
        return _(
            "Your text holds too many links (at most %(count)s). Remove some and send it again."
        ) % {"count": conf.get("SUBMISSIONS_MAX_LINKS")}
    lowered = text.casefold()
    for word in conf.get("SUBMISSIONS_BANNED_WORDS"):
        word = word.strip().casefold()
        if word and re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", lowered):
            return _("Your text contains words this site does not accept. Please rephrase it.")
    if REPEATED.search(text):
        return _("Your text repeats one character many times. Please write it out normally.")
    letters = _cased_letters(text)
    if len(letters) >= CAPS_MIN_LETTERS:
        upper = sum(1 for char in letters if unicodedata.category(char) == "Lu")
        if upper / len(letters) > CAPS_SHARE:
            return _("Your text is written mostly in capital letters. Please write it normally.")
    return None


def _key(kind: str, value: str) -> str:
    digest = salted_hmac("cms.submissions.rate", f"{kind}:{value}").hexdigest()
    return f"submissions:rate:{digest}"


def _keys(email: str, ip: str | None) -> list[str]:
    keys = [_key("email", email.strip().lower())]
    if ip:
        keys.append(_key("ip", ip))
    return keys


def rate_limited(email: str, ip: str | None) -> bool:
    limit = conf.get("SUBMISSIONS_RATE_LIMIT")
    return any((cache.get(key) or 0) >= limit for key in _keys(email, ip))


def count_submission(email: str, ip: str | None) -> None:
    """Count one accepted submission; the window starts with the first one."""
    window = conf.get("SUBMISSIONS_RATE_WINDOW")
    for key in _keys(email, ip):
        if not cache.add(key, 1, timeout=window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=window)
