from selfdirect.insights import disclosure

H = disclosure.HIDDEN


def test_counts_from_1_to_4_are_hidden_and_0_and_5_shown() -> None:
    cells, total = disclosure.column([0, 1, 4, 5, None])
    assert cells == [0, H, H, 5, None]
    assert total is None


def test_one_hidden_count_hides_the_next_smallest_so_the_total_cannot_reveal_it() -> (
    None
):
    cells, total = disclosure.column([3, 10, 7, 0], total=20)
    assert cells == [H, 10, H, 0]
    assert total == 20


def test_two_hidden_counts_need_no_more() -> None:
    cells, total = disclosure.column([3, 2, 10], total=15)
    assert cells == [H, H, 10]
    assert total == 15


def test_with_nothing_else_to_hide_the_total_is_hidden() -> None:
    cells, total = disclosure.column([3, 0], total=3)
    assert cells == [H, 0]
    assert total == H
    cells, total = disclosure.column([2, 0], total=12)
    assert total == H


def test_a_table_is_controlled_column_by_column_with_its_totals() -> None:
    rows, totals = disclosure.table([[2, 10], [8, 20], [9, 1]], totals=[19, 31])
    # Column 1: 2 hidden, then 8 (the next smallest); column 2: 1 hidden, then 10.
    assert rows == [[H, H], [H, 20], [9, H]]
    assert totals == [19, 31]


def test_a_rate_is_hidden_when_a_count_is() -> None:
    assert disclosure.rate(H, 10, 30.0) == H
    assert disclosure.rate(3 + 5, 10, 80.0) == 80.0
