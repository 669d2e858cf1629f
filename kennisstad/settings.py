"""Settings for Kennisstad, read from environment variables with defaults that run locally.

Every variable is listed in docs/configuration.md.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only"  # noqa: S105 - local default
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # The admin, entered only by whom accounts.policy lets in (the programme office).
    "accounts.admin_site.PolicyAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "core",
    "organisations",
    "search",
    "portfolio",
    "accounts",
    "questions",
    "editorial",
    "events",
    "backups",
    "ambitions",
    "sitepages",
    "coherence",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.permissions_policy",
    "core.middleware.strip_nul_characters",
    "core.middleware.content_versions",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.addresses.remember_request_origin",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history tables (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "kennisstad.urls"
WSGI_APPLICATION = "kennisstad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portfolio.context_processors.programme",
                "accounts.context_processors.workspace",
            ],
            "libraries": {"site": "core.templatetags"},
        },
    },
]

# SQLite under var/ by default; PostgreSQL (or any database) through DATABASE_URL.
DATABASE_URL = os.environ.get(
    "DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'kennisstad.sqlite3'}"
)
# Connections are kept between requests on every database: on SQLite, opening one and running
# the PRAGMAs below cost a cached page three quarters of its throughput (docs/benchmark.md).
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at the same time; IMMEDIATE avoids
        # "database is locked" upgrades inside write transactions.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation cost more than it saved on every page query measured (bench/).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache that every process and server shares (core.caching): rendered public pages and
# the version of each kind of content. The database by default (`manage.py migrate` makes its
# table); Redis where several servers run, with CACHE_URL=redis://host:6379/0.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL:
    raise RuntimeError(f"CACHE_URL must be a redis:// address, not {CACHE_URL!r}.")
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kennisstad_cache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "20000"))},
        }
    }
# What each process keeps in its own memory, keyed by the content's versions so a stale entry
# is never asked for again: template fragments ({% cache ... using="fragments" %}, the project
# cards) and the pages it served from the shared cache (core.caching.cached_page).
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "20000"))},
}
# How long a rendered public page may be served from the cache (0 turns page caching off).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))
# How many computed results (the project index, search matches) a process keeps for the
# current content versions (core.caching.LocalCache); 0 turns that cache off.
CONTENT_CACHE_ENTRIES = int(os.environ.get("CONTENT_CACHE_ENTRIES", "1024"))

# Background tasks (django-tasks): stored in the database and run by `manage.py db_worker`;
# TASKS_BACKEND=immediate runs them at once in the calling process (tests, local use).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND],
    }
}

# Behind a reverse proxy that sets X-Forwarded-For, rate limits count per real client.
USE_X_FORWARDED_FOR = env_bool("USE_X_FORWARDED_FOR", False)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/beheer/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch first, English under /en/.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# E-mail: printed to the console locally; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kennisstad <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Which programme the home page shows when more than one is loaded.
KENNISSTAD_PROGRAMME = os.environ.get("KENNISSTAD_PROGRAMME", "leiden-kennisstad")
PROJECTS_PER_PAGE = int(os.environ.get("PROJECTS_PER_PAGE", "24"))
# The site's own address, for every link in every e-mail (core.addresses). Unset, the
# address of the request that sent the e-mail is used; set it in production.
SITE_URL = os.environ.get("SITE_URL", "")

# Kenniswinkel: spam rules of the public question form, and how long askers' personal data of
# closed or declined questions is kept.
QUESTION_MIN_FILL_SECONDS = int(os.environ.get("QUESTION_MIN_FILL_SECONDS", "3"))
QUESTION_MAX_FORM_AGE_SECONDS = int(os.environ.get("QUESTION_MAX_FORM_AGE_SECONDS", "86400"))
QUESTION_RATE_LIMIT_PER_EMAIL = os.environ.get("QUESTION_RATE_LIMIT_PER_EMAIL", "3/d")
QUESTION_RATE_LIMIT_PER_IP = os.environ.get("QUESTION_RATE_LIMIT_PER_IP", "10/h")
QUESTION_RETENTION_MONTHS = int(os.environ.get("QUESTION_RETENTION_MONTHS", "12"))

# The API and open data (docs/api.md): requests per API key, and the datasets' licence.
API_RATE_LIMIT_PER_KEY = os.environ.get("API_RATE_LIMIT_PER_KEY", "120/m")
API_CONTACT_EMAIL = os.environ.get("API_CONTACT_EMAIL", "opendata@example.org")
OPEN_DATA_LICENSE = os.environ.get(
    "OPEN_DATA_LICENSE", "http://creativecommons.org/licenses/by/4.0/"
)

# Production hardening, on whenever DEBUG is off (behind a TLS-terminating proxy).
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    CSRF_COOKIE_HTTPONLY = True
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' preload list binds the whole domain and its subdomains for
        # months; that is the domain owner's explicit choice (SECURE_HSTS_PRELOAD=true).
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# --- Accounts, the workspace and security (docs/configuration.md) ---------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    # Django's permission questions (the admin's) answered by accounts.policy.
    "accounts.backends.PolicyPermissionBackend",
]
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "7"))
LOGIN_ATTEMPTS_PER_USER = os.environ.get("LOGIN_ATTEMPTS_PER_USER", "5/15m")
LOGIN_ATTEMPTS_PER_IP = os.environ.get("LOGIN_ATTEMPTS_PER_IP", "30/15m")
INVITATION_ACCEPT_RATE = os.environ.get("INVITATION_ACCEPT_RATE", "20/h")
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "3/h")
PASSWORD_RESET_RATE_PER_IP = os.environ.get("PASSWORD_RESET_RATE_PER_IP", "10/h")
PROJECT_IMAGE_MAX_BYTES = int(os.environ.get("PROJECT_IMAGE_MAX_BYTES", str(8 * 1024 * 1024)))
PROJECT_IMAGE_MAX_SIDE = int(os.environ.get("PROJECT_IMAGE_MAX_SIDE", "1600"))
# Retention (manage.py run_retention, or the run_retention task): days before removal.
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "730"))
INVITATION_RETENTION_DAYS = int(os.environ.get("INVITATION_RETENTION_DAYS", "90"))
TRASH_RETENTION_DAYS = int(os.environ.get("TRASH_RETENTION_DAYS", "90"))

# Single sign-on through OpenID Connect (mozilla-django-oidc), off unless OIDC_ENABLED.
OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
OIDC_LOGIN_LABEL = os.environ.get("OIDC_LOGIN_LABEL", "Inloggen via uw instelling")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_REQUIRE_VERIFIED_EMAIL = env_bool("OIDC_REQUIRE_VERIFIED_EMAIL", True)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
LOGIN_REDIRECT_URL_FAILURE = "/beheer/inloggen/"
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.insert(1, "accounts.backends.InvitationOIDCBackend")

# Content-Security-Policy (django-csp): only our own scripts, styles and images; no inline
# code; nobody may frame the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The map's base layer (coherence): a tile URL with {z}/{x}/{y}, and its attribution. Empty:
# no base map, the vector layers alone (as in the tests).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
)
if MAP_TILE_URL:  # the tiles are images from elsewhere: let every page with a map load them
    _tiles = urlsplit(MAP_TILE_URL.replace("{s}", "*"))  # {s}: any subdomain
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
