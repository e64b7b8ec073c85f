"""Window tests open the profile as the app does (days read are kept in memory), and no
window code may read the database on the GUI thread."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

import pytest

from tests.conftest import BERLIN

if TYPE_CHECKING:
    from types import FrameType


@pytest.fixture
def context(data_dir, clock):
    from focusapp.bootstrap import open_context

    ctx = open_context(data_dir, clock=clock, zone=BERLIN, keep_days=True)
    yield ctx
    ctx.close()


#: Where the window may still read the database on the GUI thread, with the reason (nowhere:
#: backups are listed, made and restored on the database worker too).
GUI_THREAD_SQL_ALLOWED: tuple[str, ...] = ()


def _ui_frame(frame: FrameType | None) -> str | None:
    """Return the innermost focusapp/ui file on the stack of ``frame``, if any."""
    while frame is not None:
        name = frame.f_code.co_filename
        if "/focusapp/ui/" in name:
            return name[name.index("focusapp/ui/") :] + f":{frame.f_lineno}"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def no_sql_on_the_gui_thread():
    """Fail a window test whose window code ran SQL on the GUI thread (issue 13).

    Test code itself may set data up through the services on this thread; only statements
    with window code (``focusapp/ui``) on the stack count.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    seen: list[str] = []
    gui_thread = threading.main_thread()

    def check(*_args: object) -> None:
        if threading.current_thread() is not gui_thread:
            return
        where = _ui_frame(sys._getframe(1))
        if where is not None and not where.startswith(GUI_THREAD_SQL_ALLOWED):
            seen.append(where)

    event.listen(Engine, "before_cursor_execute", check)
    yield
    event.remove(Engine, "before_cursor_execute", check)
    assert seen == [], f"SQL on the GUI thread from window code: {sorted(set(seen))}"
