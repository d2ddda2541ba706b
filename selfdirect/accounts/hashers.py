"""The password hasher: Argon2id with a cost set for the machine (docs/deploy.md)."""

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher


class TunedArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2id hasher with its cost from settings (ARGON2_MEMORY_KIB,
    ARGON2_TIME_COST, ARGON2_PARALLELISM). It keeps Django's algorithm name, so
    hashes made at other costs still check, and are re-made at the current cost
    the next time their owner signs in (Django's must_update)."""

    @property
    def time_cost(self) -> int:  # type: ignore[override]
        return int(settings.ARGON2_TIME_COST)

    @property
    def memory_cost(self) -> int:  # type: ignore[override]
        return int(settings.ARGON2_MEMORY_KIB)

    @property
    def parallelism(self) -> int:  # type: ignore[override]
        return int(settings.ARGON2_PARALLELISM)
