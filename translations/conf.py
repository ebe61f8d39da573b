"""Settings of machine translation and the review workflow, their defaults and
environment variables.

Read a value with ``conf.get(name)`` when it is needed (see ``cms.core.conf``): a project
setting of the same name wins, then the environment variable, then the default here.
"""

from django.conf import settings

from cms.core.conf import AppSettings, Setting

SETTINGS = AppSettings(
    Setting(
        "TRANSLATIONS_ALLOW_SELF_APPROVAL",
        False,
        "let the last editor of a translation approve it (a one-person newsroom)",
    ),
    Setting(
        "MT_MODELS_DIR",
        lambda: settings.BASE_DIR / "var" / "mt-models",
        "where installed model packages are kept",
        shown_default="`var/mt-models`",
    ),
    Setting(
        "MT_TRANSLATE_ON_PUBLISH",
        [],
        "languages drafted automatically whenever a source-language page is published",
    ),
    Setting(
        "MT_LANGUAGE_ALIASES",
        {"zh-hans": "zh", "zh-hant": "zt"},
        "site language codes as model packages name them",
        env=None,
        shown_default="`zh-hans`: `zh`, `zh-hant`: `zt`",
    ),
    Setting(
        "MT_PACKAGE_INDEX",
        "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json",
        "where `mt download` finds model packages: the Argos index URL, a mirror, a "
        "`file://` URL or a folder (its `index.json`, else its `.argosmodel` files)",
        shown_default="Argos Translate's index on GitHub",
    ),
    Setting("MT_DOWNLOAD_TIMEOUT", 60.0, "seconds `mt download` waits for the network to answer"),
    Setting("MT_BEAM_SIZE", 2, "beam width of the local models (1: greedy, fastest)"),
    Setting("MT_MAX_BATCH_SIZE", 32, "sentences sent to a local model at once"),
    Setting(
        "MT_DECODING",
        {},
        "further CTranslate2 options (`max_decoding_length`, `compute_type`, threads)",
        env=None,
        shown_default="none",
    ),
    Setting("MT_LIBRETRANSLATE_URL", "", "a LibreTranslate server for pairs no local model has"),
    Setting("MT_LIBRETRANSLATE_API_KEY", "", "its API key"),
    Setting("MT_LIBRETRANSLATE_TIMEOUT", 20.0, "seconds to wait for it"),
    Setting(
        "MT_LIBRETRANSLATE_LANGUAGES",
        ["vi", "en", "zh", "fr", "ru", "es", "ja", "ko"],
        "languages it is asked to translate between",
    ),
    Setting(
        "WAGTAILREDIRECTS_AUTO_CREATE",
        True,
        "Wagtail's: redirects on renaming; when off, renamed translations still get them",
        env=None,
    ),
)
get = SETTINGS.get
