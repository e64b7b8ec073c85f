"""The weekly review in a real X session with a tray and dunst (issue 11 item 4): it comes
once at its moment, its button opens the review window, and a restart does not repeat it."""

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.e2e.test_reminder_actions_e2e import (
    day_start_hour,
    focusapp,
    history,
    session,
    write_days,
)

pytestmark = [pytest.mark.x11, pytest.mark.gui]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Set to a folder to keep the session's screenshot of the notification for a person to see.
SHOT_DIR = os.environ.get("FOCUSAPP_E2E_SHOTS")


def test_the_review_comes_once_and_its_button_opens_the_review(tmp_path: Path) -> None:
    data = tmp_path / "data"
    now = dt.datetime.now().astimezone()
    earlier = now - dt.timedelta(minutes=1)
    focusapp(data, "config", "set", "day.start_hour", str(day_start_hour(now)))
    focusapp(data, "config", "set", "checkin.workdays", "")  # only the review is due
    moment = f"{WEEKDAYS[earlier.weekday()]} {earlier:%H:%M}"
    focusapp(data, "config", "set", "review.moment", moment)
    first = now.date() - dt.timedelta(days=30)
    days = write_days(
        tmp_path / "weeks.csv", first, 30, energy=3, coding_minutes=90, meeting_minutes=120
    )
    focusapp(data, "import", str(days))
    shot = Path(SHOT_DIR) / "review-notification.png" if SHOT_DIR else tmp_path / "shot.png"
    result = session(
        f"""
        shift_clock 0
        SHIFTED --autostart > app.log 2>&1 & pid=$!
        until_true '[ "$(displayed)" -ge 1 ]'
        import -window root {shot}
        pick "Open the review"
        review() {{ xdotool search --onlyvisible --name 'look ahead and back' | head -1; }}
        until_true '[ -n "$(review)" ]'
        echo "review window: $([ -n "$(review)" ] && echo shown)"
        dunstctl history > history.json
        kill $pid; wait $pid
        SHIFTED --autostart > app2.log 2>&1 & pid=$!
        sleep 5
        echo "after restart: displayed=$(displayed)"
        kill $pid; wait $pid; echo "app: $?"
        """,
        tmp_path,
        data,
    )
    out = result.stdout
    assert "timeout" not in out, (out, result.stderr[-3000:])
    assert "review window: shown" in out
    assert "after restart: displayed=0" in out  # never twice
    assert [entry["summary"] for entry in history(tmp_path)] == ["Your week in review"]
    assert "Traceback" not in (tmp_path / "app.log").read_text()
