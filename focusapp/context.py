"""Qt-free composition: paths, settings, database and services for the CLI and the GUI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from focusapp.domain.clock import Clock, SystemClock
from focusapp.paths import AppPaths, resolve_paths
from focusapp.services.checkins import CheckInService
from focusapp.services.focus import FocusService
from focusapp.services.risk import RiskService
from focusapp.settings import Settings, SettingsStore
from focusapp.storage.db import make_sessions
from focusapp.storage.safety import StartupReport, open_database
from focusapp.zone import detect_zone

if TYPE_CHECKING:
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker


@dataclass
class AppContext:
    """Everything a front end needs, built once per process.

    Attributes:
        paths: Resolved file locations.
        settings_store: Reads and writes the settings file.
        settings: The settings as last loaded.
        zone: The user's time zone.
        clock: Where "now" comes from.
        engine: The SQLAlchemy engine on the database file.
        sessions: The session factory services share.
        checkins: The check-in use cases.
        focus: The focus-session use cases.
        risk: The burnout-risk series.
    """

    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    zone: ZoneInfo
    clock: Clock
    engine: Engine
    sessions: sessionmaker[Session]
    startup_report: StartupReport = field(default_factory=StartupReport)
    checkins: CheckInService = field(init=False)
    focus: FocusService = field(init=False)
    risk: RiskService = field(init=False)

    def __post_init__(self) -> None:
        self.checkins = CheckInService(
            self.sessions, self.clock, self.zone, lambda: self.settings.day_start_hour
        )
        self.focus = FocusService(
            self.sessions, self.clock, self.zone, lambda: self.settings.day_start_hour
        )
        self.risk = RiskService(self.checkins)
        # Focus sessions change coding time, which the risk signal reads.
        self.focus.on_change(self.risk.invalidate)

    def reload_settings(self) -> Settings:
        """Re-read the settings file (another process may have changed it)."""
        self.settings = self.settings_store.load()
        return self.settings

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def open_context(
    data_dir: str | Path | None = None,
    *,
    clock: Clock | None = None,
    zone: ZoneInfo | None = None,
) -> AppContext:
    """Resolve paths, load settings and open (and migrate) the database.

    Raises:
        DatabaseTooNewError: If the database belongs to a newer FocusApp.
    """
    # Every file FocusApp creates (database, WAL, backups, settings) is private to the user.
    os.umask(0o077)
    paths = resolve_paths(data_dir)
    paths.ensure()
    store = SettingsStore(paths.config_file)
    engine, report = open_database(paths.db_path)
    return AppContext(
        paths=paths,
        settings_store=store,
        settings=store.load(),
        zone=zone or detect_zone(),
        clock=clock or SystemClock(),
        engine=engine,
        sessions=make_sessions(engine),
        startup_report=report,
    )
