"""Window tests open the profile as the app does: days read are kept in memory."""

from __future__ import annotations

import pytest

from tests.conftest import BERLIN


@pytest.fixture
def context(data_dir, clock):
    from focusapp.bootstrap import open_context

    ctx = open_context(data_dir, clock=clock, zone=BERLIN, keep_days=True)
    yield ctx
    ctx.close()
