"""Paging long lists at national scale."""

from collections.abc import Callable
from typing import Any

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """A paginator for lists of tens of thousands of rows.

    - Counts at most COUNT_CAP + 1 rows, without ordering: past that the list says
      "more than 1,000" and asks for a search or filter.
    - Finds the page's ids first, sorting only narrow rows, then fetches those rows
      through the same queryset (so its filters and select_related still apply).
    - ``alongside(ids)``, if given, is a queryset of what the page lists beside its
      rows (their current allocations): it is read with the rows in one statement
      and kept as the page's ``alongside``.
    - ``order``, if given, is the list's ids in the list's order, as rows whose
      first value is the id, cheaper to read than the list (a name search's, from
      its index alone). Its first COUNT_CAP + 1 rows are read once, in one query,
      and give both the count and every page's ids.
    """

    def __init__(
        self,
        object_list: Any,
        per_page: int,
        *args: Any,
        alongside: Callable[[list[Any]], Any] | None = None,
        order: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(object_list, per_page, *args, **kwargs)
        self.alongside = alongside
        self.order = order

    @cached_property
    def _ordered_ids(self) -> list[Any]:
        return [row[0] for row in self.order[: COUNT_CAP + 1]]

    @cached_property
    def count(self) -> int:
        if self.order is not None:
            return len(self._ordered_ids)
        queryset: Any = self.object_list
        rows = queryset.order_by().select_related(None).values("pk")[: COUNT_CAP + 1]
        return min(rows.count(), COUNT_CAP + 1)  # type: ignore[no-any-return]

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def shown_count(self) -> int:
        return min(self.count, COUNT_CAP)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset: Any = self.object_list
        top = bottom + self.per_page
        if self.order is not None and top <= COUNT_CAP:
            ids = self._ordered_ids[bottom:top]
        elif self.order is not None:  # past the ids read: the last page
            ids = [row[0] for row in self.order[bottom:top]]
        else:
            ids = list(queryset.values_list("pk", flat=True)[bottom:top])
        rows = queryset.filter(pk__in=ids)
        if self.alongside is None:
            return self._get_page(list(rows), number, self)  # type: ignore[attr-defined,no-any-return]
        from .batched import evaluate_together

        beside = self.alongside(ids)
        evaluate_together(rows, beside)
        found = self._get_page(list(rows), number, self)  # type: ignore[attr-defined]
        found.alongside = beside
        return found  # type: ignore[no-any-return]
