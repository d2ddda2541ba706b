import pytest

from selfdirect.assurance.quantity import sentence, term


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (0, 60, "few"),
        (8, 60, "few"),  # 13.3%
        (15, 100, "less than half"),  # on the boundary: the band that starts there
        (9, 60, "less than half"),  # exactly 15%
        (14, 100, "few"),
        (49, 100, "less than half"),
        (50, 100, "the majority"),
        (30, 60, "the majority"),  # exactly 50%
        (74, 100, "the majority"),
        (75, 100, "most"),
        (45, 60, "most"),  # exactly 75%
        (89, 100, "most"),
        (90, 100, "almost all"),
        (54, 60, "almost all"),  # exactly 90%
        (60, 60, "almost all"),
    ],
)
def test_the_terms_and_their_boundaries(count: int, total: int, expected: str) -> None:
    assert term(count, total) == expected


def test_a_sentence_in_the_inspectors_words() -> None:
    assert sentence(29, 60, "the records had contingency arrangements") == (
        "Less than half of the records had contingency arrangements (29 of 60)."
    )


@pytest.mark.parametrize(("count", "total"), [(1, 0), (-1, 10), (11, 10)])
def test_a_share_that_is_not_one_is_refused(count: int, total: int) -> None:
    with pytest.raises(ValueError, match="not a share"):
        term(count, total)
