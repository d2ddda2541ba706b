"""Short forms of words never cut a word in two, and no model cuts its own."""

import re
from pathlib import Path

import pytest

from selfdirect.core.text import shorten

SOURCE = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("I want to see my grandchildren", "I want to see my grandchildren"),
        (
            "I want to get back to walking the dog along the canal every morning "
            "before breakfast with my neighbour",
            "I want to get back to walking the dog along the canal every morning before…",
        ),
        ("  spaces\n and\tlines  ", "spaces and lines"),
        ("x" * 100, "x" * 79 + "…"),
    ],
)
def test_shorten_cuts_between_words(text: str, short: str) -> None:
    assert shorten(text) == short
    assert len(shorten(text)) <= 80


def test_no_model_cuts_words_by_slicing() -> None:
    """A record's name in a list or a choice label comes from shorten(), never
    from slicing its words at a fixed length."""
    sliced = re.compile(r"return self\.\w+\[:\d+\]")
    found = [
        f"{path.relative_to(SOURCE)}: {match.group()}"
        for path in SOURCE.rglob("*.py")
        if "tests" not in path.parts
        for match in sliced.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
