"""Bounds on search words, so no search is too long for the database ("LIKE or
GLOB pattern too complex") or makes a query of thousands of conditions."""

# A search box holds words, a name or a postcode, never a page of text.
SEARCH_TEXT = 100
# A search uses at most this many words.
SEARCH_WORDS = 6


def search_words(text: str | None, *, max_length: int = SEARCH_TEXT) -> str:
    """What a search uses of the words typed: at most `max_length` characters,
    without NUL characters. For search words read straight from a request; a
    form's own field (core.forms.SearchText) tells the user when they are too
    long."""
    return str(text or "").replace("\x00", "")[:max_length]


def search_terms(text: str | None) -> list[str]:
    """The words of a search, bounded in length and number."""
    return search_words(text).replace(",", " ").split()[:SEARCH_WORDS]
