"""Paging long lists without counting every row a user could see."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows: past that the list says "more than 1,000"
    and asks for a search or filter, instead of counting a whole partnership."""

    @cached_property
    def count(self) -> int:
        return min(self.object_list[: COUNT_CAP + 1].count(), COUNT_CAP + 1)  # type: ignore[union-attr, attr-defined]

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def shown_count(self) -> int:
        return min(self.count, COUNT_CAP)
