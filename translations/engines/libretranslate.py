"""LibreTranslate over HTTP: used only when ``MT_LIBRETRANSLATE_URL`` is configured."""

import httpx

from .base import EngineError

KIND = "libretranslate"


class LibreTranslateEngine:
    kind = KIND
    name = "libretranslate"

    def __init__(self, url: str, api_key: str = "", timeout: float = 20.0, languages=()):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))
        self.languages = set(languages)

    def pairs(self) -> set[tuple[str, str]]:
        return {(a, b) for a in self.languages for b in self.languages if a != b}

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        if not sentences:
            return []
        payload = {"q": sentences, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        try:
            response = httpx.post(f"{self.url}/translate", json=payload, timeout=self.timeout)
            response.raise_for_status()
            translated = response.json()["translatedText"]
        except (httpx.HTTPError, KeyError, ValueError) as error:
            raise EngineError(f"LibreTranslate at {self.url} failed: {error}") from error
        if not isinstance(translated, list) or len(translated) != len(sentences):
            raise EngineError(f"LibreTranslate at {self.url} returned a malformed answer.")
        return [str(text) for text in translated]
