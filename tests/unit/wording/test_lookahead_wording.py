import pytest

from focusapp.domain.review import Suggestion
from focusapp.wording.lookahead import (
    insight_text,
    projection_assumptions,
    suggestion_text,
    week_comparison,
)

BASE = {"n_with": 23, "n_without": 61}


def test_a_clear_lower_answer_reads_like_the_issue():
    text = insight_text(
        "after_meeting_heavy",
        difference=0.8,
        interval=(0.4, 1.2),
        clear=True,
        energy_with=2.6,
        energy_without=3.4,
        threshold=300,
        **BASE,
    )
    assert text == (
        "On days after 5.0 h+ of meetings your energy averaged 2.6, 0.8 lower than other days "
        "(interval 0.4 to 1.2; 23 vs 61 days). This is a pattern in your data, not proof of cause."
    )


def test_a_clear_higher_answer_turns_the_interval_round():
    text = insight_text(
        "focus_block",
        difference=-0.5,
        interval=(-0.9, -0.2),
        clear=True,
        energy_with=3.9,
        energy_without=3.4,
        threshold=None,
        **BASE,
    )
    assert "0.5 higher than other days (interval 0.2 to 0.9;" in text


def test_an_unclear_answer_says_so_plainly():
    text = insight_text(
        "weekday",
        difference=0.2,
        interval=(-0.3, 0.7),
        clear=False,
        energy_with=3.1,
        energy_without=3.3,
        threshold=0,
        **BASE,
    )
    assert text.startswith("On Mondays your energy averaged 3.1")
    assert "does not show a difference yet" in text
    assert "lower" not in text


def test_no_answer_says_what_is_needed():
    text = insight_text(
        "short_sleep",
        difference=None,
        interval=None,
        clear=False,
        energy_with=None,
        energy_without=None,
        threshold=None,
        n_with=2,
        n_without=3,
    )
    assert "not enough data yet" in text and "2 vs 3" in text


@pytest.mark.parametrize("code", list(Suggestion))
def test_every_suggestion_has_calm_words(code):
    text = suggestion_text(str(code), "Weekly sync")
    assert text and "!" not in text
    assert "burn" not in text.lower()


def test_the_heaviest_series_is_named():
    assert "Weekly sync" in suggestion_text("skip_heaviest_series", "Weekly sync")


def test_projection_and_week_sentences_state_their_numbers():
    assert "3.4/5" in projection_assumptions(3.4, 150, 19)
    assert "2.5 h" in projection_assumptions(3.4, 150, 19)
    assert "as booked" in projection_assumptions(3.4, 150, 19)
    assert "10.0 h" in week_comparison(600, 480, 8, 3) and "8.0 h" in week_comparison(
        600, 480, 8, 3
    )
    assert "no logged week" in week_comparison(600, None, 0, 3)
