"""The demo records each journey stage adds, in the order `selfdirect seed` makes them.

Read top to bottom: the community directory comes before the people (their first
contacts signpost to its services); every later stage comes after the people, in
journey order, and reads what the stages above it made. `seed --reset` calls each
stage's delete function, in the same order, for each batch of demo people.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from selfdirect.demo import (
    access_requests,
    budgets,
    carers,
    choices,
    conversations,
    delivery,
    directory,
    exercises,
    independent,
    panel,
    plans,
    providers,
    reviews,
)


@dataclass(frozen=True)
class Stage:
    """One stage's demo records: how to make them and how to remove them."""

    name: str
    seed: Callable[..., Counter[str]]  # (*, seed, today, now) -> rows created
    delete: Callable[[list[int]], None]  # removes its rows for these person ids


BEFORE_PEOPLE = [
    Stage("community directory", directory.seed_directory, directory.delete_directory),
]

AFTER_PEOPLE = [
    Stage(
        "conversations",
        conversations.seed_conversations,
        conversations.delete_conversations,
    ),
    Stage("choices", choices.seed_choices, choices.delete_choices),
    Stage("budgets", budgets.seed_budgets, budgets.delete_budgets),
    # The register comes before support plans, so plans can name providers.
    Stage("providers", providers.seed_providers, providers.keep_providers),
    Stage("plans", plans.seed_plans, plans.delete_plans),
    Stage("delivery", delivery.seed_delivery, delivery.delete_delivery),
    Stage("panel", panel.seed_panel, panel.delete_panel),
    Stage(
        "requests for access",
        access_requests.seed_access_requests,
        access_requests.delete_access_requests,
    ),
    # Reviews come last: they read the plans as the panel left them.
    Stage("reviews", reviews.seed_reviews, reviews.delete_reviews),
    # Unpaid carers beside the journey: the carers of the people above.
    Stage("carers", carers.seed_carers, carers.delete_carers),
    # Independent organisations come after the council's journey: they receive its
    # referrals for independent support (with consent) and answer them.
    Stage(
        "independent organisations",
        independent.seed_independent,
        independent.delete_independent,
    ),
    # Case file reading reads everything above, so it comes last.
    Stage("case file reading", exercises.seed_exercises, exercises.delete_exercises),
]

STAGES = [*BEFORE_PEOPLE, *AFTER_PEOPLE]
