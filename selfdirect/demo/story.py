"""Each demo person's own story, so that every stage tells it the same way.

Stages pick words from lists; a word that names family or a pet is written with a
placeholder and is used only for a person whose story has one:

- ``{child}`` / ``{Child}``: their daughter or son, from their relationships;
- ``{spouse}``: their wife, husband or partner, from their relationships;
- ``{mum}``: their mother, from their relationships;
- ``{pet}``: their cat or dog; ``{dog}``: a dog (words about walking one);
- ``{widowed}``: marks words for someone with no spouse in their life (it is
  removed from the text).

A person's pet follows from their public id, so every stage, run at any time, gives
the same person the same pet (or none).
"""

import functools
import random
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from selfdirect.people.models import Person, Relationship

CHILDREN = ("daughter", "son")
SPOUSES = ("wife", "husband", "partner")
PETS = {0: "cat", 1: "dog"}  # by public id modulo PET_EVERY; the rest have none
PET_EVERY = 4
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Story:
    """Who is in a person's life, as the demo tells it."""

    relatives: tuple[str, ...] = ()
    pet: str = ""

    def _first(self, kinds: Sequence[str]) -> str:
        return next((r for r in self.relatives if r in kinds), "")

    @functools.cached_property
    def _values(self) -> dict[str, str]:
        """The placeholders' values (worked out once: a story never changes)."""
        child = self._first(CHILDREN)
        return {
            "child": child,
            "Child": child.capitalize(),
            "spouse": self._first(SPOUSES),
            "pet": self.pet,
            "dog": "dog" if self.pet == "dog" else "",
            "mum": "mum" if "mother" in self.relatives else "",
            "widowed": "" if self._first(SPOUSES) else "yes",
        }

    def fits(self, text: str) -> bool:
        """Whether the words name only family and pets this person has."""
        return _fits(self, text)

    def tell(self, text: str) -> str:
        """The words filled in for this person."""
        return _tell(self, text)

    def choose(self, rng: random.Random, texts: Sequence[str]) -> str:
        """One of the words that fit this person, filled in (nothing when none
        fits)."""
        fitting = [t for t in texts if self.fits(t)]
        return self.tell(rng.choice(fitting)) if fitting else ""


# A story is a few relatives and a pet, and the words come from short lists: the
# answers are kept (the seed asks them hundreds of thousands of times).
@functools.lru_cache(maxsize=65536)
def _fits(story: Story, text: str) -> bool:
    values = story._values
    names = PLACEHOLDER.findall(text)
    return all(values.get(name) for name in names if name in values)


@functools.lru_cache(maxsize=65536)
def _tell(story: Story, text: str) -> str:
    values = {**story._values, "widowed": ""}
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def relatives_in(descriptions: Iterable[str]) -> tuple[str, ...]:
    """The relatives named in relationship descriptions ("Daughter", "Son, lives
    in England"), in order, without repeats."""
    found: list[str] = []
    for description in descriptions:
        for word in re.findall(r"[a-z]+", description.lower()):
            if word in (*CHILDREN, *SPOUSES, "mother") and word not in found:
                found.append(word)
    return tuple(found)


def pet_of(public_id: uuid.UUID) -> str:
    return PETS.get(public_id.int % PET_EVERY, "")


def story_of(person: Person, relationships: Iterable[Relationship]) -> Story:
    """The story of a person not yet saved (while the people stage makes them)."""
    return Story(
        relatives_in(r.description for r in relationships), pet_of(person.public_id)
    )


def stories(person_ids: Iterable[int]) -> dict[int, Story]:
    """The stories of saved people (two queries)."""
    ids = list(person_ids)
    described: dict[int, list[str]] = {}
    for person, description in (
        Relationship.objects.filter(person_id__in=ids)
        .order_by("person_id", "id")
        .values_list("person_id", "description")
    ):
        described.setdefault(person, []).append(description)
    return {
        pk: Story(relatives_in(described.get(pk, [])), pet_of(public_id))
        for pk, public_id in Person.objects.filter(pk__in=ids).values_list(
            "pk", "public_id"
        )
    }
