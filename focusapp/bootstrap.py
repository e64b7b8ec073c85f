"""Qt-free composition: paths, settings, database and services for the CLI and the GUI."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from focusapp.domain.clock import Clock, SystemClock
from focusapp.services.changes import ChangeFeed, ChangeKind, Changes
from focusapp.services.checkins import CheckInService
from focusapp.services.focus import FocusService
from focusapp.services.profile import Profile
from focusapp.services.risk import RiskService
from focusapp.settings.store import SettingsStore
from focusapp.storage.db import make_sessions
from focusapp.storage.safety import NewerDatabase, StartupReport, open_database
from focusapp.system.paths import AppPaths, resolve_paths
from focusapp.system.zone import detect_zone

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from sqlalchemy.engine import Engine

    from focusapp.services.backups import BackupService
    from focusapp.services.calendar.service import CalendarService
    from focusapp.services.coding import CodingService
    from focusapp.services.lookahead import LookaheadService
    from focusapp.services.sources.service import SourcesService
    from focusapp.services.stats import StatsService
    from focusapp.settings.values import Settings
    from focusapp.storage.db import Sessions

_Service = TypeVar("_Service")
#: Held while a service is built on first use: since Python 3.12 ``cached_property`` no
#: longer locks, and the window's GUI thread and worker must share one instance.
_BUILDING = threading.RLock()


@dataclass
class AppContext:
    """Everything a front end needs, built once per process.

    The services that listen to the feed (check-ins, focus, risk) are built with the
    context, so they hear every change from the start and before any front end; the others
    are built, and their modules imported, when first asked for: a command pays only for
    the services it uses.

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
        startup_report: What opening the database found (damage set aside, backups).
        keep_days: Whether days read are kept in memory (the window does; a command not).
        feed: Where every write of this profile is announced (the one change path).
        profile: The database, clock, zone, day rule and feed the day services share.
    """

    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    zone: ZoneInfo
    clock: Clock
    engine: Engine
    sessions: Sessions
    startup_report: StartupReport = field(default_factory=StartupReport)
    keep_days: bool = False
    feed: ChangeFeed = field(default_factory=ChangeFeed)
    profile: Profile = field(init=False)
    checkins: CheckInService = field(init=False)
    focus: FocusService = field(init=False)
    risk: RiskService = field(init=False)

    def __post_init__(self) -> None:
        self.profile = Profile(self.sessions, self.clock, self.zone, self._day_start, self.feed)
        self.checkins = CheckInService(self.profile, keep_days=self.keep_days)
        self.focus = FocusService(self.profile)
        self.risk = RiskService(self.checkins)
        self.checkins.backup_before_overwrite = lambda: self.backups.back_up()

    def _day_start(self) -> int:  # read at each use: the setting may change
        return self.settings.day_start_hour

    def _once(self, name: str, build: Callable[[], _Service]) -> _Service:
        """Return the service ``name`` built on first use, once even across threads."""
        with _BUILDING:
            if name not in self.__dict__:
                self.__dict__[name] = build()
            built: _Service = self.__dict__[name]
            return built

    @cached_property
    def calendar(self) -> CalendarService:
        """Calendar imports, per-day meeting numbers and day audits."""
        from focusapp.services.calendar.service import CalendarService

        return self._once(
            "calendar",
            lambda: CalendarService(self.profile, lambda: self.settings),
        )

    @cached_property
    def sources(self) -> SourcesService:
        """Calendar sources other programs keep here (vdir, Evolution, Thunderbird)."""
        from focusapp.services.sources.service import SourcesService

        return self._once(
            "sources",
            lambda: SourcesService(self.sessions, self.clock, self.calendar, feed=self.feed),
        )

    @cached_property
    def coding(self) -> CodingService:
        """Coding time from the user's git commits."""
        from focusapp.services.coding import CodingService

        return self._once(
            "coding",
            lambda: CodingService(self.profile),
        )

    @cached_property
    def backups(self) -> BackupService:
        """Backup, list and restore."""
        from focusapp.services.backups import BackupService

        return self._once(
            "backups",
            lambda: BackupService(
                self.engine,
                self.paths.db_path,
                self.paths.backups_dir,
                self.clock,
                self.zone,
                after_restore=lambda: self.feed.publish(Changes.anything(external=False)),
            ),
        )

    @cached_property
    def stats(self) -> StatsService:
        """The dashboard's chart data (built off the GUI thread)."""
        from focusapp.services.stats import StatsService

        return self._once("stats", lambda: StatsService(self.checkins, self.risk))

    @cached_property
    def lookahead(self) -> LookaheadService:
        """The forecast, plan, review and insights use cases (built when first asked for)."""
        from focusapp.services.lookahead import LookaheadService

        return LookaheadService(self.sessions, self.calendar, self.checkins, self.risk)

    def reload_settings(self) -> Settings:
        """Re-read the settings file (another process may have changed it)."""
        return self.use_settings(self.settings_store.load())

    def use_settings(self, settings: Settings) -> Settings:
        """Use ``settings`` from now on and publish the change (the day start may move)."""
        self.settings = settings
        self.feed.publish(Changes.of(ChangeKind.SETTINGS))
        return settings

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _warn_open_folder_once(paths: AppPaths, folder: Path) -> None:
    """Say once (remembered in the state file) that others can read a data folder."""
    import logging

    from focusapp.services.app_state import AppStateStore

    store = AppStateStore(paths.state_file)
    state = store.load()
    if str(folder) in state.open_folders_warned:
        return
    logging.getLogger(__name__).warning(
        "%s can be read by other users of this computer; FocusApp leaves its permissions as "
        "they are (make it private with: chmod 700 %s)",
        folder,
        folder,
    )
    state.open_folders_warned = (*state.open_folders_warned, str(folder))
    store.save(state)


def open_context(
    data_dir: str | Path | None = None,
    *,
    clock: Clock | None = None,
    zone: ZoneInfo | None = None,
    newer_database: NewerDatabase = "refuse",
    keep_days: bool = False,
) -> AppContext:
    """Resolve paths, load settings and open (check, recover, migrate, back up) the database.

    Args:
        data_dir: The ``--data-dir`` option, or ``None``.
        clock: Where "now" comes from (default: the system clock).
        zone: The user's zone (default: detected).
        newer_database: ``"set_aside"`` moves a newer FocusApp's database aside untouched
            and starts anew; only after the user agreed (see :mod:`focusapp.storage.safety`).
        keep_days: Keep the days read in memory (the window; see
            :class:`~focusapp.services.day_cache.DayCache`).

    Raises:
        DatabaseTooNewError: If the database belongs to a newer FocusApp (and is refused).
        StorageError: If the database cannot be opened for a reason other than damage.
    """
    # Every file FocusApp creates (database, WAL, backups, settings) is private to the user.
    os.umask(0o077)
    paths = resolve_paths(data_dir)
    for folder in paths.ensure():
        _warn_open_folder_once(paths, folder)
    store = SettingsStore(paths.config_file)
    clock = clock or SystemClock()
    zone = zone or detect_zone()
    engine, report = open_database(
        paths.db_path, paths.backups_dir, now=clock.now(), zone=zone, newer=newer_database
    )
    return AppContext(
        paths=paths,
        settings_store=store,
        settings=store.load(),
        zone=zone,
        clock=clock,
        engine=engine,
        sessions=make_sessions(engine),
        startup_report=report,
        keep_days=keep_days,
    )
