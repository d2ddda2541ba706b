"""Test settings: the same as production but with fast hashing and known keys."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

import tempfile  # noqa: E402

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = True
# The personas sign in with a password only, as if their second step were done;
# accounts/tests turn this on to test two-factor sign-in itself.
OTP_ENFORCE_REQUIRED = False
# Jobs run at once, inside the request that starts them; one test runs the
# database backend's worker (core/tests/test_jobs.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PRIVATE_FILES_ROOT = Path(tempfile.mkdtemp(prefix="selfdirect-private-"))  # noqa: F405
