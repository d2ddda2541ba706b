"""Bounds on every API input, so bad input gets a 422 that names the parameter.

Without an upper bound a page number like 99999999999999999999 reaches the
database as an offset and fails there with a server error (issue 11).
"""

from typing import Annotated

from ninja import Field, Query, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE = 1_000_000
MAX_PAGE_SIZE = 100
MAX_SEARCH_LENGTH = 200
# PostgreSQL cannot store or compare text containing NUL characters.
NO_NUL = r"^[^\x00]*$"

PageNumber = Annotated[
    int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1 to 1,000,000")
]
PageSize = Annotated[
    int, Query(ge=1, le=MAX_PAGE_SIZE, description="Results per page, from 1 to 100")
]
SearchWords = Annotated[
    str,
    Query(
        max_length=MAX_SEARCH_LENGTH,
        pattern=NO_NUL,
        description="Words to search for, up to 200 characters",
    ),
]


class BoundedPageNumberPagination(PageNumberPagination):
    """Django Ninja's page-number pagination with an upper bound on both inputs."""

    class Input(Schema):
        page: int = Field(
            1, ge=1, le=MAX_PAGE, description="Page number, from 1 to 1,000,000"
        )
        page_size: int | None = Field(
            None,
            ge=1,
            le=MAX_PAGE_SIZE,
            description="Results per page, from 1 to 100",
        )
