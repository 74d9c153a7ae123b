"""Settings of the COP platform.

Production differs from development only by environment values, read through
one ``env`` object. ``DATABASE_URL`` (PostgreSQL) is the one variable always
needed; ``make run`` sets it to the embedded PostgreSQL it starts under ``var/``
(``config/embedded.py``). Without ``REDIS_URL``, Celery tasks run in-process and
the cache is in local memory.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from territories.region import geography_region_name

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    default="django-insecure-cop-dev-only-never-use-this-key-in-production",
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The region whose COP this instance runs (INSEE code; 24 = Centre-Val de Loire).
COP_REGION_CODE = env("COP_REGION_CODE", default="24")
# Nothing regional is written in code or templates (territories/region.py): the
# region's name comes from the geography unless COP_REGION_NAME is set, and the
# co-pilots' titles are built from it ("{region}" stands for the name). An empty
# value is the default (docker-compose.yml passes every variable through).
COP_REGION_NAME = env("COP_REGION_NAME", default="")
COP_STATE_AUTHORITY = env("COP_STATE_AUTHORITY", default="") or "Préfecture de la région {region}"
COP_REGION_AUTHORITY = env("COP_REGION_AUTHORITY", default="") or "Région {region}"
# The Region's territorial contracts: CRST (contrats régionaux de solidarité
# territoriale) in Centre-Val de Loire; each region names its own.
COP_REGION_CONTRACT_NAME = env("COP_REGION_CONTRACT_NAME", default="") or "CRST"
# The co-pilots' sites, linked from the footer. Empty COP_STATE_WEBSITE: the
# region's page on prefectures-regions.gouv.fr; empty COP_REGION_WEBSITE: no link.
COP_STATE_WEBSITE = env("COP_STATE_WEBSITE", default="")
COP_REGION_WEBSITE = env("COP_REGION_WEBSITE", default="")
# Who heads the State's side ("la préfète de la région {region}" when a woman
# holds the office), and both co-pilots' postal addresses for the legal pages
# ("181 rue de Bourgogne, 45042 Orléans Cedex": a comma starts a new line;
# empty: the pages say the operator must complete them).
COP_STATE_HEAD = env("COP_STATE_HEAD", default="") or "le préfet de la région {region}"
COP_STATE_ADDRESS = env("COP_STATE_ADDRESS", default="")
COP_REGION_ADDRESS = env("COP_REGION_ADDRESS", default="")
# For what is fixed when the process starts (email sender and subjects).
_REGION_NAME = COP_REGION_NAME or geography_region_name(COP_REGION_CODE) or COP_REGION_CODE
# The platform's public address, for the links of the emails sent by Celery
# (no request there to tell the host).
COP_SITE_URL = env("COP_SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "csp",
    "dsfr",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "widget_tweaks",
    # Ours, by floor (see ARCHITECTURE.md): lower apps never import higher ones.
    "core",
    "cop",
    "panorama",
    "territories",
    "workshops",
    "consultation",
    "roadmap",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last: a forgotten unparsed parameter answers 400, never 500 (core/params.py).
    "core.params.BadParameterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cop.context_processors.platform",
                "workshops.context_processors.moderation",
                "territories.context_processors.region",
            ],
        },
    },
]

if "DATABASE_URL" not in env:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set: `make run` starts an embedded PostgreSQL and sets it; "
        "otherwise give a PostgreSQL URL (postgres://user:password@host:5432/name)."
    )
DATABASES = {"default": env.db("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must name a PostgreSQL database (postgres://...).")
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "cop.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cop:profile"
LOGOUT_REDIRECT_URL = "cop:home"

# Accounts (django-allauth): email as login, mandatory verification.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[COP {_REGION_NAME}] "
# The platform's name in the emails Celery renders (no request, so no context processor).
COP_PLATFORM_NAME = f"COP Planification Action {_REGION_NAME}"
# The verification pages and emails tell users the link lasts three days.
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# Behind reverse proxies, the address that reaches gunicorn is the nearest
# proxy's: the number of proxies of ours in front of the platform tells which
# X-Forwarded-For entry is the client (core.ratelimit.client_ip, also used by
# allauth through cop.adapters). 0: REMOTE_ADDR, for a platform reached directly.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT doit être un entier positif ou nul.")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_ADAPTER = "cop.adapters.AccountAdapter"

# Per-person limits of the writes people trigger (core.ratelimit.limit): an
# amount per duration (s, m, h, d), generous enough for a busy workshop.
# DJANGO_RATE_LIMITS overrides some of them: "comment=60/10m,support=100/10m"
# (an empty value lifts a limit).
COP_RATE_LIMITS = {
    "contribution": "10/h",
    "contribution_edit": "30/h",
    "comment": "30/10m",
    "support": "60/10m",
    "report": "20/h",
    "group": "30/h",
    "registration": "30/h",
} | {
    action.strip(): rate.strip()
    for action, rate in env.dict("DJANGO_RATE_LIMITS", default={}).items()
}

# Email: console in development, SMTP from the environment in production.
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
# A mail server that hangs must not hold a worker (and a notification's claim)
# for ever: seconds per SMTP operation.
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", default=f"COP {_REGION_NAME} <ne-pas-repondre@cop.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Cache and Celery: Redis when REDIS_URL is set, otherwise in-process.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # With Redis down, reads miss and writes do nothing (logged): pages,
            # sign-in and rate limits (failing open) keep working.
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", default="cop"),
            # An unreachable Redis must fail a request fast, not hang it; after
            # a failure the cache is not tried again for `retry_after` seconds.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "retry_after": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ROUTES = {"roadmap.tasks.*": {"queue": "pdf"}}
CELERY_TIMEZONE = "Europe/Paris"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A PDF dossier takes seconds to render: a worker takes one task at a time and
# acknowledges it when done, so a crash hands it to another worker (tasks are
# idempotent: running one twice changes nothing).
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task taken by a worker that dies comes back after the visibility timeout
# (Redis' default is an hour). It must exceed the longest task (a PDF dossier,
# a digest run) and the longest countdown, or a running task is handed out
# twice; the claims on the rows make a second delivery harmless anyway.
COP_TASK_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=900)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": COP_TASK_VISIBILITY_TIMEOUT,
    # How often a worker looks for abandoned tasks (every `interval` seconds).
    "unacked_restore_interval": max(1, min(60, COP_TASK_VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 2,
}
# A broker down must not hold a request: one quick retry, then the task stays
# in the outbox (cop.services.outbox.enqueue_after_commit).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# An immediate email claimed by a worker that died before reaching the mail
# server is sent by the periodic sender after this many seconds.
COP_OUTBOX_LEASE_SECONDS = env.int("COP_OUTBOX_LEASE_SECONDS", default=300)
# Periodic tasks, run by `celery -A config beat` (times in CELERY_TIMEZONE).
CELERY_BEAT_SCHEDULE = {
    # Every minute: the immediate notifications due (task never queued, mail
    # server down before) are sent, the tasks that never ran are queued again.
    "sweep-outbox": {
        "task": "cop.tasks.sweep_outbox",
        "schedule": 60.0,
    },
    "send-daily-digests": {
        "task": "cop.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=0),
    },
    # Hourly: long jobs past their expiry are deleted with their files.
    "purge-expired-jobs": {
        "task": "cop.tasks.purge_expired_jobs",
        "schedule": crontab(minute=30),
    },
    # Hourly: reminds each meeting starting within 24 hours, once (the task
    # claims each meeting), so a missed hour is caught up by the next.
    "send-meeting-reminders": {
        "task": "workshops.send_meeting_reminders",
        "schedule": crontab(minute=0),
    },
}

# French throughout.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# Off on purpose: with it on, every integer printed in a template (ids in
# attributes, htmx targets, query strings) would read "1 096" past 999. Figures
# shown to people are grouped explicitly: |intcomma or |floatformat:"0g".
USE_THOUSAND_SEPARATOR = False
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Uploaded files are served by core.media.serve_file after a permission check;
# set to the proxy's internal location (nginx: "/protected-media/") to let the
# proxy send the bytes (X-Accel-Redirect). Empty: gunicorn sends them.
MEDIA_ACCEL_REDIRECT = env("DJANGO_MEDIA_ACCEL_REDIRECT", default="")
# Validated uploads waiting for staff to confirm their import (core.previews); never served.
UPLOAD_PREVIEWS_DIR = env.path("DJANGO_UPLOAD_PREVIEWS_DIR", default=BASE_DIR / "var" / "previews")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MANIFEST_STRICT = False

# DSFR assets are served by the platform itself: no CDN, integrity checks kept.
DSFR_USE_INTEGRITY_CHECKSUMS = True
# django-dsfr's tags must escape what they are given: messages and alerts may
# carry user text.
DSFR_CONTENT_IS_SAFE = False

# Content Security Policy (django-csp 4): scripts only from us, with a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Security: everything on when DEBUG is off (check --deploy is clean).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG and SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY doit être défini quand DJANGO_DEBUG vaut 0.")
if not DEBUG:
    # TLS ends at the reverse proxy, which must set X-Forwarded-Proto (and strip
    # any value sent by the client). /healthz stays reachable in plain HTTP for
    # the load balancer's probes.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}
