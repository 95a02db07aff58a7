"""EssayCoach settings: one module, driven by the environment.

Embedded defaults (no environment at all) give SQLite, Huey on SQLite, a local-memory
cache and the offline engine, so `make run` needs no server. DATABASE_URL and REDIS_URL
switch to PostgreSQL and Redis. Every variable is documented in README.md.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.encryption import new_key, valid_key
from config.env import (
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
    local_key_file,
    local_secret_key,
    strong_secret,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("ESSAYCOACH_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded database and queue live here

DEBUG = env_bool("DJANGO_DEBUG", False)
# `local` (a laptop, `make run`, a school's first install) or `production` (Docker, Fly):
# production refuses to start without a strong secret key, its host names and a database.
DJANGO_ENV = env_str("DJANGO_ENV", "local")
if DJANGO_ENV not in {"local", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV={DJANGO_ENV!r} must be 'local' or 'production'")
PRODUCTION = DJANGO_ENV == "production"
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if PRODUCTION:
    missing = [
        name
        for name in (
            "DJANGO_SECRET_KEY",
            "DJANGO_ALLOWED_HOSTS",
            "DATABASE_URL",
            "ESSAYCOACH_ENCRYPTION_KEYS",
        )
        if not env_str(name)
    ]
    if missing:
        raise ImproperlyConfigured(
            f"DJANGO_ENV=production needs {', '.join(missing)} (see README, Configuration)."
        )
    if DEBUG:
        raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")
    if not strong_secret(SECRET_KEY):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too weak: use 50 or more random characters, e.g. "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
elif not SECRET_KEY:
    # One key per installation, made on first start and kept with the data (var/).
    SECRET_KEY = local_secret_key(VAR_DIR / "secret_key")

# Essays, drafts and feedback are encrypted at rest (config/encryption.py): Fernet keys,
# newest first; a local install makes its own once, kept beside the secret key.
ENCRYPTION_KEYS = [k.strip() for k in env_str("ESSAYCOACH_ENCRYPTION_KEYS").split(",") if k.strip()]
if not ENCRYPTION_KEYS and not PRODUCTION:
    ENCRYPTION_KEYS = [local_key_file(VAR_DIR / "encryption_key", make=new_key, valid=valid_key)]

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "tailwind",
    "huey.contrib.djhuey",
    "allauth",
    "allauth.account",
    "config.apps.ThemeConfig",
    "essays",
    "coaching",
    "lti_tool",
    "essays.lti",
]

MIDDLEWARE = [
    "config.middleware.health_check_middleware",
    "config.logs.request_id_middleware",
    "config.metrics.metrics_middleware",
    "config.db_router.replica_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.GZipExceptStreamsMiddleware",
    "essays.lti.middleware.lti_cookie_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "essays.lti.middleware.lti_frame_middleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "csp.context_processors.nonce",
                "config.context_processors.csp_nonce",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'essaycoach.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; the timeout rides out
    # the short write locks that autosave and the worker take at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests run a Huey consumer in threads beside the test: a file (not Django's shared
    # in-memory database, whose table locks ignore the timeout) behaves as production does.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-essaycoach.sqlite3")}
# Read-only pages may read from a replica (config/db_router.py); a browser that wrote in
# the last DATABASE_REPLICA_PIN_SECONDS reads from the primary, so nobody misses their own
# writes. DATABASE_REPLICA_READS=0 sends every read to the primary (replica maintenance).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
DATABASE_REPLICA_READS = env_bool("DATABASE_REPLICA_READS", True)
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 30, minimum=1)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(
            DATABASE_REPLICA_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
            conn_health_checks=True,
        ),
        # tests: the replica is the test database itself, reached by its own connection
        "TEST": {"MIRROR": "default"},
    }
    if DATABASES["default"].get("OPTIONS"):
        DATABASES["replica"]["OPTIONS"] = DATABASES["default"]["OPTIONS"]
    DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "essays.User"

# --- Redis: queue, cache, live updates -------------------------------------------------
REDIS_URL = env_str("REDIS_URL")

if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that falls back to local memory while Redis is down (config/cache.py)
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "essaycoach"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

HUEY_NAME = env_str("HUEY_NAME", "essaycoach")
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": HUEY_NAME,
        "url": REDIS_URL,
        "immediate": env_bool("HUEY_IMMEDIATE", False),
        "results": False,
        "consumer": {"workers": env_int("HUEY_WORKERS", 1, minimum=1), "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": HUEY_NAME,
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": env_bool("HUEY_IMMEDIATE", False),
        "results": False,
        # SQLite cannot block on the queue: poll every 50 ms and never back off far, so
        # the first essay after a quiet spell does not wait seconds (PITFALLS.md).
        "consumer": {
            "workers": env_int("HUEY_WORKERS", 1, minimum=1),
            "worker_type": "thread",
            "initial_delay": 0.05,
            "backoff": 1.15,
            "max_delay": 0.25,
        },
    }

# The stream view waits for "analysis changed" notifications: Redis pub/sub when Redis
# is configured, otherwise it polls the database this often (seconds).
STREAM_POLL_INTERVAL = env_float("STREAM_POLL_INTERVAL", 0.2, minimum=0.02)
STREAM_MAX_SECONDS = env_int("STREAM_MAX_SECONDS", 120, minimum=5)
# Feedback streams one person may hold open at once (tabs, reconnects); one more gets a
# short answer that asks the browser to try again after STREAM_BUSY_RETRY_SECONDS.
STREAM_MAX_PER_USER = env_int("STREAM_MAX_PER_USER", 6, minimum=1)
STREAM_BUSY_RETRY_SECONDS = env_int("STREAM_BUSY_RETRY_SECONDS", 30, minimum=1)
# A waiting stream holds no database connection; when many wake at once, at most this
# many of one web process's streams query the database at the same time.
STREAM_DB_CONCURRENCY = env_int("STREAM_DB_CONCURRENCY", 4, minimum=1)

# --- Auth (django-allauth, e-mail as login) --------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS_ENABLED = True  # documented: allauth keeps the counters in the cache
ACCOUNT_RATE_LIMITS = {
    # A whole school often reaches us from one NAT address, and a class signs in (or up)
    # in the same minute: the per-address limits on every attempt are sized for that;
    # failed logins stay tight, per address and per account.
    "login": env_str("RATE_LIMIT_LOGIN", "300/m/ip"),
    "login_failed": env_str("RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/5m/key"),
    "signup": env_str("RATE_LIMIT_SIGNUP", "120/m/ip"),
    # tries at a class join code (config/throttle.py), per person and per address
    "join_class": env_str("RATE_LIMIT_JOIN", "5/m/user,20/h/user,30/m/ip"),
}
# The limits above key on the client's address: the one the outermost trusted proxy saw.
# Behind N proxies that each append to X-Forwarded-For, set N (Fly.io: 1); 0 = no proxy,
# the socket's peer address. Entries further left are the client's own words.
TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 0, minimum=0)
ACCOUNT_ADAPTER = "config.throttle.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "essays.forms.SignupForm"  # name, teacher or student
# Who may sign up as a teacher: open (anyone), code (with TEACHER_SIGNUP_CODE), closed
# (nobody; teachers come from an invitation to co-teach or from the admin).
TEACHER_SIGNUP = env_str("TEACHER_SIGNUP", "open").strip().lower()
TEACHER_SIGNUP_CODE = env_str("TEACHER_SIGNUP_CODE").strip()
if TEACHER_SIGNUP not in {"open", "code", "closed"}:
    raise ImproperlyConfigured(
        f"TEACHER_SIGNUP={TEACHER_SIGNUP!r} must be one of open, code, closed"
    )
if TEACHER_SIGNUP == "code" and not TEACHER_SIGNUP_CODE:
    raise ImproperlyConfigured("TEACHER_SIGNUP=code needs TEACHER_SIGNUP_CODE")
LOGIN_REDIRECT_URL = "essays:home"  # which redirects by role: teacher or student
LOGIN_URL = "account_login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- E-mail: console by default, SMTP when EMAIL_HOST is set ---------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "EssayCoach <noreply@localhost>")
# Links in e-mails (feedback released, digest, unsubscribe) start with this address.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# The teachers' daily digest goes out at this hour (server time, 0-23).
DIGEST_HOUR = env_int("DIGEST_HOUR", 7, minimum=0)
if DIGEST_HOUR > 23:
    raise ImproperlyConfigured("DIGEST_HOUR must be an hour of the day, 0 to 23")

# --- Internationalisation --------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files: our own origin, hashed names, compressed ----------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Tests and a fresh checkout render pages before collectstatic has run.
WHITENOISE_MANIFEST_STRICT = False
TAILWIND_APP_NAME = "config"  # config/static_src holds package.json and styles.css

# --- Security --------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Nothing of ours is framed, except pages launched from an LMS (essays/lti/middleware.py lifts
# this for them and lists the platforms in CSP frame-ancestors).
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env_bool("DJANGO_SECURE", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 30, minimum=0)
    # Off unless asked for: a school's other sites on subdomains may not all speak HTTPS,
    # and the preload list is hard to leave. `check --deploy` warns about both (W005,
    # W021); that is decided, so those two warnings are silenced while these are off.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [
        *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
    ]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- LMS (LTI 1.3) ----------------------------------------------------------------------
# Scores go to the LMS from a Huey task: this many tries after the first, this many
# seconds apart; after that the submissions page shows the failure and a "send again".
LTI_GRADE_RETRIES = env_int("LTI_GRADE_RETRIES", 5, minimum=0)
LTI_GRADE_RETRY_DELAY = env_int("LTI_GRADE_RETRY_DELAY", 60, minimum=1)
# A platform's public keys (JWKS) are kept this long (0: fetched on every launch); a
# token signed with a key not in the kept set fetches them again at once.
LTI_PLATFORM_KEYS_CACHE_SECONDS = env_int("LTI_PLATFORM_KEYS_CACHE_SECONDS", 300, minimum=0)
# Cookies inside the LMS's iframe are `Partitioned` (CHIPS); 0 only to show what breaks.
LTI_PARTITIONED_COOKIES = env_bool("LTI_PARTITIONED_COOKIES", True)

# --- Essays ----------------------------------------------------------------------------
ESSAY_MAX_WORDS = env_int("ESSAY_MAX_WORDS", 5000, minimum=100)
ESSAY_MAX_UPLOAD_BYTES = env_int("ESSAY_MAX_UPLOAD_BYTES", 2 * 1024 * 1024, minimum=1024)
# Uploads (essays and rubrics) are parsed in a child process the web process kills past
# these bounds (essays/sandbox.py): wall seconds, extra memory, what a .docx may unpack to
# (and a PDF's pages decode to), pages in a PDF; and how many such children one web
# process runs at once (one more upload is refused at once with "try again in a moment").
UPLOAD_PARSE_CONCURRENCY = env_int("UPLOAD_PARSE_CONCURRENCY", 2, minimum=1)
UPLOAD_PARSE_SECONDS = env_int("UPLOAD_PARSE_SECONDS", 10, minimum=1)
UPLOAD_PARSE_MEMORY_MB = env_int("UPLOAD_PARSE_MEMORY_MB", 256, minimum=64)
UPLOAD_MAX_INFLATED_BYTES = env_int("UPLOAD_MAX_INFLATED_BYTES", 32 * 1024 * 1024, minimum=1024)
UPLOAD_MAX_PDF_PAGES = env_int("UPLOAD_MAX_PDF_PAGES", 50, minimum=1)
# The ASGI server refuses (413) a request body over this before Django reads it
# (config/bodylimit.py); room for the largest upload and its multipart wrapping.
REQUEST_MAX_BODY_BYTES = env_int(
    "REQUEST_MAX_BODY_BYTES", ESSAY_MAX_UPLOAD_BYTES + 1024 * 1024, minimum=64 * 1024
)
# /readyz/ fails when no worker has beaten this long (workers beat once a minute).
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 180, minimum=30)
# /metrics/ (Prometheus) answers only with `Authorization: Bearer $METRICS_TOKEN`; off if empty.
METRICS_TOKEN = env_str("METRICS_TOKEN")
# A worker answers health checks on this port (0 = off); the Docker image sets 8001.
WORKER_HEALTH_PORT = env_int("WORKER_HEALTH_PORT", 0, minimum=0)
# Essays with no activity (draft saved, revision submitted) for this many days are deleted
# by a nightly task, with class PDFs as old; 0 keeps everything (coaching/privacy.py).
ESSAY_RETENTION_DAYS = env_int("ESSAY_RETENTION_DAYS", 0, minimum=0)
ANALYSIS_STALE_SECONDS = env_int("ANALYSIS_STALE_SECONDS", 120, minimum=10)
# A worker looks this often (seconds) for analyses whose task could not be sent because the
# queue was down at submit, and for other parked tasks (coaching/outbox.py), and sends them;
# 0 leaves them to the minute's requeue.
ANALYSIS_RESEND_SECONDS = env_int("ANALYSIS_RESEND_SECONDS", 5, minimum=0)
# A class PDF still "being made" after this long lost its worker: it is marked failed so the
# teacher can ask again (a class of 300 takes a few minutes on one core).
PRINT_JOB_STALE_SECONDS = env_int("PRINT_JOB_STALE_SECONDS", 900, minimum=60)
# The engine is deterministic: identical input (text, prompt, rubric, previous text,
# engine version) reuses the cached result for this long.
ENGINE_RESULT_CACHE_SECONDS = env_int("ENGINE_RESULT_CACHE_SECONDS", 30 * 24 * 3600, minimum=0)
# Harper's Node process: seconds to wait for an answer (then the essay gets the other
# checkers' notes and the page says some checks were skipped), and the resident memory
# after which it is started afresh (wasm memory never shrinks).
HARPER_TIMEOUT = env_float("HARPER_TIMEOUT", 30.0, minimum=1.0)
HARPER_MAX_RSS_MB = env_int("HARPER_MAX_RSS_MB", 1000, minimum=0)
# An analysis still queued or running after this long: the page says it is taking longer
# than usual (and, with no worker beating, that feedback is delayed and the essay saved).
ANALYSIS_SLOW_SECONDS = env_int("ANALYSIS_SLOW_SECONDS", 60, minimum=5)
# A student's analyses queued or running at once; more wait, saved, and start as these end.
ANALYSES_IN_FLIGHT_PER_STUDENT = env_int("ANALYSES_IN_FLIGHT_PER_STUDENT", 3, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = ESSAY_MAX_UPLOAD_BYTES + 256 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = ESSAY_MAX_UPLOAD_BYTES + 256 * 1024

# --- Errors and logs -------------------------------------------------------------------
# json: one object a line with the request id (production's default); plain for a laptop
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r} must be 'json' or 'plain'")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "config.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "huey": {"level": env_str("HUEY_LOG_LEVEL", "INFO")},
        # WeasyPrint logs every page it lays out at INFO: a class PDF is hundreds of lines.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    from config.sentry import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", DJANGO_ENV),
        release=env_str("SENTRY_RELEASE", env_str("ESSAYCOACH_RELEASE")),
        traces=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0, minimum=0.0),
    )

# --- Optional LLM (OpenAI-compatible) --------------------------------------------------
# Off unless LLM_BASE_URL is set. It refines the rubric rationale and summary; the offline
# engine's notes stay, and any failure falls back to the offline result.
LLM_BASE_URL = env_str("LLM_BASE_URL")
LLM_API_KEY = env_str("LLM_API_KEY")
LLM_MODEL = env_str("LLM_MODEL")
LLM_TIMEOUT = env_float("LLM_TIMEOUT", 10.0, minimum=0.5)
LLM_BUDGET = env_float("LLM_BUDGET", 20.0, minimum=1.0)

# --- Calibration -----------------------------------------------------------------------
# Marked essays an assignment needs before the engine's overall mark follows the teacher.
CALIBRATION_MIN_ESSAYS = env_int("CALIBRATION_MIN_ESSAYS", 20, minimum=5)
# A note kind the school's teachers keep dismissing stops showing to its students:
# at least this many decisions on it, and at least this share of them dismissals.
NOTE_KIND_MIN_DECISIONS = env_int("NOTE_KIND_MIN_DECISIONS", 10, minimum=1)
NOTE_KIND_DISMISSED_SHARE = env_float("NOTE_KIND_DISMISSED_SHARE", 0.7, minimum=0.0)
