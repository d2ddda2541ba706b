"""Settings for Selfdirect. Every deployment differs only by its environment."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from .env import env_bool, env_int, env_list, env_str, file_text

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(env_str("SELFDIRECT_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Without SECRET_KEY (or SECRET_KEY_FILE), the key `make install` wrote is used.
SECRET_KEY = env_str(
    "SECRET_KEY",
    file_text(VAR_DIR / "secret_key")
    or ("insecure-development-key" if DEBUG else None),
    missing="Set the SECRET_KEY environment variable (or SECRET_KEY_FILE), or run "
    "`make install`, which writes a key to var/secret_key.",
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "ninja",  # Swagger UI from its own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "selfdirect.core",
    "selfdirect.accounts",
    "selfdirect.audit",
    "selfdirect.directory",
    "selfdirect.people",
    "selfdirect.providers",
    "selfdirect.conversations",
    "selfdirect.choices",
    "selfdirect.budgets",
    "selfdirect.delivery",
    "selfdirect.plans",
    "selfdirect.panel",
    "selfdirect.reviews",
    "selfdirect.independent",
    "selfdirect.carers",
    "selfdirect.insights",
    "selfdirect.assurance",
    "selfdirect.demo",
    "selfdirect.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "selfdirect.core.middleware.HtmlContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "selfdirect.core.i18n.OfferedLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "selfdirect.audit.middleware.RefusalLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "selfdirect.core.middleware.SessionLifetimeMiddleware",
    "selfdirect.core.middleware.PrivateResponsesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "selfdirect.core.middleware.FormRescueMiddleware",
    "selfdirect.core.middleware.SignInRequiredMiddleware",
    "selfdirect.accounts.middleware.SignInStepsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "selfdirect.config.urls"
WSGI_APPLICATION = "selfdirect.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "selfdirect.core.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'selfdirect.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # An interactive application: PostgreSQL's JIT compiler costs seconds on report
    # queries whose estimated cost passes its thresholds and saves nothing here.
    # work_mem lets report grouping stay in memory (docs/deploy.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c jit=off -c work_mem={env_str('DATABASE_WORK_MEM', '32MB')}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "selfdirect.accounts.hashers.TunedArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Argon2id's cost: OWASP's first recommended setting (19 MiB, 2 passes, 1 lane)
# takes about 25 ms per hash on the 2-core demo machine, where Django's default
# (100 MiB, 2 passes, 8 lanes) took about 200 ms and 100 MiB a sign-in; `python bench/password_hash.py` measures
# it on yours (docs/deploy.md).
ARGON2_MEMORY_KIB = env_int("ARGON2_MEMORY_KIB", 19 * 1024)
ARGON2_TIME_COST = env_int("ARGON2_TIME_COST", 2)
ARGON2_PARALLELISM = env_int("ARGON2_PARALLELISM", 1)
# Django's password rules, with messages that say what to do (accounts/password_rules).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "selfdirect.accounts.password_rules.NotLikeYourName"},
    {
        "NAME": "selfdirect.accounts.password_rules.MinimumLength",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "selfdirect.accounts.password_rules.NotCommon"},
    {"NAME": "selfdirect.accounts.password_rules.NotAllNumbers"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Two-factor sign-in (django-otp): a code from an authenticator app after the
# password. Required for the roles in accounts.roles.TWO_FACTOR_REQUIRED, or for
# everyone with OTP_REQUIRED_FOR_ALL; optional for the rest. A wrong code makes the
# next try wait 1, 2, 4, 8... seconds (django-otp's throttling).
OTP_REQUIRED_FOR_ALL = env_bool("OTP_REQUIRED_FOR_ALL", False)
# Whether a user whose role requires two-factor sign-in must set it up before
# anything else. Only the test settings turn this off (docs/access-and-records.md).
OTP_ENFORCE_REQUIRED = True
OTP_TOTP_ISSUER = env_str("SERVICE_NAME", "Selfdirect")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
RECOVERY_CODE_COUNT = 10

# Password reset emails go through Django's email backend: the console (the
# server's output) unless EMAIL_BACKEND names another, such as SMTP.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "selfdirect@localhost")
# A password reset link works once, for this long.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_MINUTES", 60) * 60
# How long a granted request for access to another team's record lasts, and how
# long an emergency (break-glass) opening of a record lasts.
ACCESS_GRANT_DAYS = env_int("ACCESS_GRANT_DAYS", 28)
BREAK_GLASS_HOURS = env_int("BREAK_GLASS_HOURS", 4)

# Sign-in lockout (django-axes): a username is locked at one address after
# AXES_FAILURE_LIMIT failures, so nobody can lock a colleague out from elsewhere;
# an address is throttled after AXES_ADDRESS_FAILURE_LIMIT failures for any
# usernames, which stops password spraying but allows a shared office its typos.
# A user with this many refusals, or reads of people's records, in the period the
# data protection officer looks at is listed for review.
ACCESS_REVIEW_REFUSALS = env_int("ACCESS_REVIEW_REFUSALS", 10)
ACCESS_REVIEW_READS = env_int("ACCESS_REVIEW_READS", 300)
# Reviews of support plans (docs/reviews.md): the first is due this many months
# after a plan is agreed; each later one at most REVIEW_INTERVAL_MONTHS after the
# review before it.
PLAN_FIRST_REVIEW_MONTHS = env_int("PLAN_FIRST_REVIEW_MONTHS", 3)
REVIEW_INTERVAL_MONTHS = env_int("REVIEW_INTERVAL_MONTHS", 12)
# Unpaid carers (docs/carers.md). Where the person cared for is terminally ill the
# adult carer support plan is due within this many days of the offer being
# accepted or the plan requested (s7 of the Carers (Scotland) Act 2016: the number
# is set by regulations and is TO BE CONFIRMED LOCALLY). Other plans are due
# within CARER_PLAN_DAYS (a local target, not a statutory one).
CARER_TERMINAL_ILLNESS_DAYS = env_int("CARER_TERMINAL_ILLNESS_DAYS", 10)
CARER_PLAN_DAYS = env_int("CARER_PLAN_DAYS", 28)
# Local eligibility criteria must be reviewed at least every this many years (s21).
CARER_CRITERIA_REVIEW_YEARS = env_int("CARER_CRITERIA_REVIEW_YEARS", 3)
# A carer's review is due this many months after the plan is agreed when the plan
# gives no review date in (l), and the next review is set at most this many months
# after a carer's review.
CARER_REVIEW_INTERVAL_MONTHS = env_int("CARER_REVIEW_INTERVAL_MONTHS", 12)
# Money at review: a difference between the plan and the delivery records larger
# than this share (per cent) of the plan's figure is flagged (reviews/money.py).
REVIEW_MONEY_TOLERANCE_PERCENT = env_int("REVIEW_MONEY_TOLERANCE_PERCENT", 5)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 50)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "selfdirect.accounts.lockout.SignInLockoutHandler"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Sessions end after a period without activity, and in any case a fixed time
# after signing in (core.middleware.SessionLifetimeMiddleware).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_AGE = env_int("SESSION_ABSOLUTE_HOURS", 12) * 60 * 60
# Not saved on every request: the middleware moves the idle expiry (saving the
# session) when it has moved by a minute or more (issue 18: an UPDATE a page).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Browsers keep to HTTPS for a year once they have seen the site over it.
SECURE_HSTS_SECONDS = (
    env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60) if SECURE_COOKIES else 0
)
# No inline scripts or styles run: only the app's own static files, plus inline
# <style> carrying the request's nonce (server-rendered chart SVGs).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)

# Long free-text answers are refused by the form with a message, not by a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("gd", "Gàidhlig")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A translation is offered only once this percentage of its catalogue is
# translated (core/i18n.py): a page mostly in English is never marked Gaelic.
LANGUAGE_MIN_COMPLETENESS = env_int("LANGUAGE_MIN_COMPLETENESS", 95)
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %m %Y", "%Y-%m-%d"]
FORMAT_MODULE_PATH = ["selfdirect.config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "STATICFILES_BACKEND",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Background work (selfdirect.core.jobs): django-tasks with its database backend.
# `selfdirect db_worker` runs the queued jobs (docs/deploy.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Files made for one user (subject access exports) are kept here, never served
# by the web server, and deleted this many hours after they were asked for.
PRIVATE_FILES_ROOT = Path(env_str("PRIVATE_FILES_ROOT", str(VAR_DIR / "private")))
JOB_FILES_KEEP_HOURS = env_int("JOB_FILES_KEEP_HOURS", 24)
# A report's summary table (core.summaries) older than this is shown as out of
# date, even if no record it counts has changed through the application since.
SUMMARY_MAX_AGE_HOURS = env_int("SUMMARY_MAX_AGE_HOURS", 24)
# A kept summary that goes out of date is refreshed by the background worker, as
# the user who last asked for it, no sooner than this many seconds after its
# previous refresh began (so a busy day does not recompute on every save).
SUMMARY_REFRESH_AUTOMATICALLY = env_bool("SUMMARY_REFRESH_AUTOMATICALLY", True)
SUMMARY_REFRESH_DELAY_SECONDS = env_int("SUMMARY_REFRESH_DELAY_SECONDS", 900)
# Reading every case file on PostgreSQL: this many connections read a range of
# the population each at the same time (docs/file-reading.md). One per core the
# database server can spare.
FILE_READING_WORKERS = env_int("FILE_READING_WORKERS", 2)
# A subject access PDF shows a section as a table up to this many lines (records
# and their changes); a longer section goes in a CSV file beside the PDF.
SUBJECT_ACCESS_PDF_LINES = env_int("SUBJECT_ACCESS_PDF_LINES", 300)
# Case file reading (docs/file-reading.md): where people override the automatic
# reader on more than this share of a criterion's answers, in per cent, the
# exercise's results say the criterion's rule needs work.
FILE_READING_OVERRIDE_WARNING_PERCENT = env_int(
    "FILE_READING_OVERRIDE_WARNING_PERCENT", 20
)

SERVICE_NAME = env_str("SERVICE_NAME", "Selfdirect")
PARTNERSHIP_NAME = env_str("PARTNERSHIP_NAME", "")
ADMIN_CONTACT = env_str(
    "ADMIN_CONTACT", "your team manager or the system administrator"
)
# The community directory's search and service pages open to anyone, without
# signing in, when the partnership chooses (off by default). They hold no one's data.
DIRECTORY_PUBLIC = env_bool("DIRECTORY_PUBLIC", False)

# What letters to a person say about the partnership (core/letters.py). Each
# partnership sets its own; an empty text uses the letter's standard wording.
# LETTER_ADDRESS lines are separated by "|" or new lines.
LETTER_ADDRESS = env_str("LETTER_ADDRESS", "")
LETTER_PHONE = env_str("LETTER_PHONE", "")
LETTER_EMAIL = env_str("LETTER_EMAIL", "")
LETTER_WEBSITE = env_str("LETTER_WEBSITE", "")
LETTER_REVIEW_HOW = env_str("LETTER_REVIEW_HOW", "")
LETTER_COMPLAINTS_HOW = env_str("LETTER_COMPLAINTS_HOW", "")
# The Scottish Public Services Ombudsman, as published on spso.org.uk
# (check before going live; a partnership may give a different route).
LETTER_SPSO_PHONE = env_str("LETTER_SPSO_PHONE", "0800 377 7330")
LETTER_SPSO_WEBSITE = env_str("LETTER_SPSO_WEBSITE", "www.spso.org.uk")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Independent support organisations (issue 17): evidence of influence they upload,
# kept in private storage. Types by file ending, with the first bytes of each
# (b"" where the type has no fixed signature, such as plain text).
INDEPENDENT_EVIDENCE_MAX_BYTES = env_int(
    "INDEPENDENT_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024
)
INDEPENDENT_EVIDENCE_TYPES = {
    "pdf": b"%PDF",
    "png": b"\x89PNG",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "docx": b"PK\x03\x04",
    "txt": b"",
}
# National returns (docs/indicators.md): the partnership's PHS `sending_location`,
# the three-digit local authority code (national-data.md §1.4), e.g. "260".
# Empty until set; `selfdirect returns phs-sds` refuses to run without it.
SDS_SENDING_LOCATION = env_str("SDS_SENDING_LOCATION", "")
