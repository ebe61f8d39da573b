"""Deployment settings read from the environment: pure functions of an environment mapping,
so that the settings modules stay declarative and each choice can be tested on its own."""

from collections.abc import Mapping
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE:
        return True
    if value.strip().lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = env.get(name, "").strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def redis_caches(url: str) -> dict:
    """The shared cache, the session store and the page cache, in Redis under their own key
    prefixes."""
    return {
        "default": {
            "BACKEND": "cms.core.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "vnip",
        },
        "sessions": {
            "BACKEND": "cms.core.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "vnip-session",
            "TIMEOUT": None,  # each session carries its own expiry
        },
        "pages": {
            "BACKEND": "cms.core.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "vnip-page",
        },
    }


def replica_database(env: Mapping[str, str], conn_max_age: int) -> dict | None:
    """DATABASE_REPLICA_URL: a read-only copy used for anonymous public reads."""
    url = env.get("DATABASE_REPLICA_URL", "").strip()
    if not url:
        return None
    replica = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    # In the test run the replica is the primary itself, so tests see their own writes.
    replica["TEST"] = {"MIRROR": "default"}
    return replica


def media_storage(env: Mapping[str, str]) -> dict:
    """MEDIA_STORAGE=filesystem (default, MEDIA_ROOT) or s3 (any S3-compatible service)."""
    kind = env.get("MEDIA_STORAGE", "filesystem").strip().lower()
    if kind == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be filesystem or s3, not {kind!r}.")
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        "file_overwrite": False,
        "querystring_auth": env_bool(env, "AWS_QUERYSTRING_AUTH", False),
        "location": env.get("AWS_LOCATION", "media").strip(),
    }
    optional = {
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
        "region_name": "AWS_S3_REGION_NAME",
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "custom_domain": "AWS_S3_CUSTOM_DOMAIN",
    }
    for option, name in optional.items():
        if env.get(name, "").strip():
            options[option] = env[name].strip()
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origins(storage: dict, media_url: str) -> list[str]:
    """Origins other than the site's own that serve media (for the CSP's img-src)."""
    origins = []
    options = storage.get("OPTIONS", {})
    if options.get("custom_domain"):
        origins.append(f"https://{options['custom_domain']}")
    elif storage["BACKEND"].startswith("storages."):
        endpoint = options.get("endpoint_url")
        origins.append(endpoint.rstrip("/") if endpoint else "https://*.amazonaws.com")
    parts = urlsplit(media_url)
    if parts.scheme and parts.netloc:
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def frontend_cache(env: Mapping[str, str]) -> dict:
    """Wagtail's frontend-cache purgers: FRONTEND_CACHE_URL (Varnish or any cache that
    accepts HTTP PURGE) and/or Cloudflare (FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and _TOKEN)."""
    backends = {}
    url = env.get("FRONTEND_CACHE_URL", "").strip()
    if url:
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    zone = env.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", "").strip()
    if zone:
        token = env.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", "").strip()
        if not token:
            raise ImproperlyConfigured(
                "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID needs FRONTEND_CACHE_CLOUDFLARE_TOKEN."
            )
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    return backends


EMAIL_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}


def email(env: Mapping[str, str], default_backend: str) -> dict:
    """E-mail settings from EMAIL_URL (smtp://user:password@host:587?tls=1, smtps://...,
    console://) or from EMAIL_HOST / EMAIL_PORT / EMAIL_HOST_USER / EMAIL_HOST_PASSWORD /
    EMAIL_USE_TLS / EMAIL_USE_SSL."""
    config = {
        "DEFAULT_FROM_EMAIL": env.get("DEFAULT_FROM_EMAIL", "webmaster@localhost"),
        "SERVER_EMAIL": env.get("SERVER_EMAIL") or env.get("DEFAULT_FROM_EMAIL", "root@localhost"),
        "EMAIL_TIMEOUT": env_int(env, "EMAIL_TIMEOUT", 10),
    }
    url = env.get("EMAIL_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in EMAIL_SCHEMES:
            raise ImproperlyConfigured(
                f"EMAIL_URL must start with smtp://, smtps:// or console://, not {url!r}."
            )
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        ssl = parts.scheme == "smtps" or env_bool(query, "ssl", False)
        return config | {
            "EMAIL_BACKEND": EMAIL_SCHEMES[parts.scheme],
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if ssl else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": ssl,
            "EMAIL_USE_TLS": not ssl and env_bool(query, "tls", False),
        }
    if not env.get("EMAIL_HOST", "").strip():
        return config | {"EMAIL_BACKEND": default_backend}
    return config | {
        "EMAIL_BACKEND": EMAIL_SCHEMES["smtp"],
        "EMAIL_HOST": env["EMAIL_HOST"].strip(),
        "EMAIL_PORT": env_int(env, "EMAIL_PORT", 25),
        "EMAIL_HOST_USER": env.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": env.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool(env, "EMAIL_USE_TLS", False),
        "EMAIL_USE_SSL": env_bool(env, "EMAIL_USE_SSL", False),
    }
