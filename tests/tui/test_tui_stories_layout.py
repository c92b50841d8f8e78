"""The stories table keeps the story readable when a "By" column is added on a narrow screen."""

from elicit.tui.screens.stories import story_column_layout


def test_a_by_column_on_an_80_column_screen_takes_the_tags_column_s_room_not_the_story_s() -> None:
    assert story_column_layout(80, by=True) == (37, False)


def test_without_a_by_column_or_on_a_wide_screen_the_tags_column_stays() -> None:
    assert story_column_layout(80, by=False) == (34, True)
    assert story_column_layout(120, by=True) == (61, True)
