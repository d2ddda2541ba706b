"""A case file as the reader sees it: lists with their paths, the current records,
and evidence and answers to hand back. Reads the dict alone, never the database."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

YES, PARTLY, NO, NOT_APPLICABLE = "yes", "partly", "no", "not_applicable"

Record = dict[str, Any]


@dataclass(frozen=True)
class Evidence:
    """A record that decided an answer: which list it is in, its ref, the path of
    the field read, and the words (or value) quoted from it."""

    record: str
    ref: str
    path: str
    quote: str

    def as_dict(self) -> dict[str, str]:
        return {
            "record": self.record,
            "ref": self.ref,
            "path": self.path,
            "quote": self.quote,
        }


@dataclass(frozen=True)
class Answer:
    id: str
    answer: str
    reason: str
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "answer": self.answer,
            "evidence": [item.as_dict() for item in self.evidence],
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Item:
    """One record of the file, with where it is."""

    kind: str
    path: str
    record: Record

    def get(self, name: str, default: Any = None) -> Any:
        return self.record.get(name, default)

    def text(self, name: str) -> str:
        return str(self.record.get(name) or "").strip()

    def date(self, name: str) -> datetime.date | None:
        value = self.record.get(name)
        return datetime.date.fromisoformat(value) if value else None

    @property
    def ref(self) -> str:
        return str(self.record.get("ref") or "")

    def cite(self, name: str, quote: object = None, ref: str | None = None) -> Evidence:
        """Evidence: this record's field, quoting its value (or `quote`)."""
        value = self.record.get(name) if quote is None else quote
        if isinstance(value, bool) or value is None:
            value = {True: "yes", False: "no", None: "not recorded"}[value]
        return Evidence(self.kind, ref or self.ref, f"{self.path}/{name}", str(value))

    def parts(self, name: str) -> list["Item"]:
        return [
            Item(f"{self.kind}.{name}", f"{self.path}/{name}/{index}", part)
            for index, part in enumerate(self.record.get(name) or [])
        ]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def every(count: int, word: str) -> str:
    """'the outcome', 'both outcomes', 'all 3 outcomes'."""
    if count == 1:
        return f"the {word}"
    return f"both {word}s" if count == 2 else f"all {count} {word}s"


def share(good: int, total: int) -> str:
    """yes, partly or no: all, some or none of a number of things."""
    if total and good == total:
        return YES
    return PARTLY if good else NO


class CaseFile:
    """Read access to a valid case file (checked with casefile.problems first)."""

    def __init__(self, data: Record) -> None:
        self.data = data
        self.as_of = datetime.date.fromisoformat(data["as_of"])

    def items(self, kind: str) -> list[Item]:
        return [
            Item(kind, f"/{kind}/{index}", record)
            for index, record in enumerate(self.data.get(kind) or [])
        ]

    @property
    def person(self) -> Item:
        return Item("person", "/person", self.data["person"])

    def latest(self, kind: str, date_name: str) -> Item | None:
        """The record of a list with the latest date (the later one on a tie)."""
        found = [item for item in self.items(kind) if item.get(date_name)]
        return max(found, key=lambda item: item.get(date_name), default=None)

    @property
    def conversation(self) -> Item | None:
        """The latest conversation: the assessment the file is read on."""
        return self.latest("conversations", "conversation_date")

    @property
    def plan(self) -> Item | None:
        """The current plan: the latest agreed one, else the latest draft, else the
        latest replaced one."""
        plans = list(enumerate(self.items("plans")))
        for state in ("agreed", "draft", "replaced"):
            found = [(i, p) for i, p in plans if p.get("state") == state]
            if found:
                # On a tie, the later in the file (by position, not path text).
                return max(found, key=lambda f: (f[1].get("agreed_on") or "", f[0]))[1]
        return None

    @property
    def choice(self) -> Item | None:
        return self.latest("choices", "made_on")

    @property
    def assessed(self) -> bool:
        """Whether the person went on past first contact: a conversation, a choice
        or a plan is in the file."""
        return any(
            self.data.get(kind) for kind in ("conversations", "choices", "plans")
        )

    def assessment_evidence(self) -> list[Evidence]:
        """For a record that is missing: the assessment (or choice, or plan) it
        should have come with."""
        for kind, name in (
            ("conversations", "conversation_date"),
            ("choices", "made_on"),
            ("plans", "started_on"),
        ):
            item = self.latest(kind, name)
            if item is not None:
                return [item.cite(name)]
        return []

    def find(self, kind: str, ref: str | None) -> Item | None:
        return next((item for item in self.items(kind) if item.ref == ref), None)


def cites(items: Iterable[Item], name: str) -> list[Evidence]:
    return [item.cite(name) for item in items]
