"""The tray icon: today's state at a glance and a menu rebuilt each time it opens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from focusapp.domain.durations import format_duration
from focusapp.domain.focus import format_elapsed
from focusapp.system.resources import icon_path

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable


@dataclass(frozen=True, slots=True)
class TrayStatus:
    """Everything the tray shows, gathered by the companion from the services.

    Attributes:
        checked_in: Whether today is checked in (:func:`~focusapp.domain.checked_in.is_checked_in`).
        energy: Today's energy, if recorded.
        coding_minutes: Today's effective coding time.
        meeting_minutes: Today's effective meeting time.
        risk_level: Today's risk level name, or ``None`` without a score.
        focus_elapsed: How long the running focus session has run, or ``None``.
        paused_until: Local time reminders are paused until, or ``None``.
    """

    checked_in: bool = False
    energy: int | None = None
    coding_minutes: int | None = None
    meeting_minutes: int | None = None
    risk_level: str | None = None
    focus_elapsed: dt.timedelta | None = None
    paused_until: dt.datetime | None = None


def icon_name(status: TrayStatus) -> str:
    """Return the icon file for ``status``: focus first, then check-in state and risk."""
    if status.focus_elapsed is not None:
        return "tray-focus.svg"
    if not status.checked_in:
        return "tray-pending.svg"
    return f"tray-done-{status.risk_level or 'none'}.svg"


def tooltip_text(status: TrayStatus) -> str:
    """Return e.g. ``Today: energy 3, coding 2h10, meetings 3h, risk moderate``."""
    parts: list[str] = []
    if status.energy is not None:
        parts.append(
            QCoreApplication.translate("TrayIcon", "energy {energy}").format(energy=status.energy)
        )
    if status.coding_minutes is not None:
        parts.append(
            QCoreApplication.translate("TrayIcon", "coding {time}").format(
                time=format_duration(status.coding_minutes)
            )
        )
    if status.meeting_minutes is not None:
        parts.append(
            QCoreApplication.translate("TrayIcon", "meetings {time}").format(
                time=format_duration(status.meeting_minutes)
            )
        )
    if not status.checked_in:
        parts.insert(0, QCoreApplication.translate("TrayIcon", "not checked in yet"))
    if status.risk_level is not None:
        # Here, not at the top: the level words load the risk model, after the icon is up.
        from focusapp.wording.levels import level_in_sentence

        parts.append(
            QCoreApplication.translate("TrayIcon", "risk {level}").format(
                level=level_in_sentence(status.risk_level)
            )
        )
    lines = [
        QCoreApplication.translate("TrayIcon", "Today: {parts}").format(parts=", ".join(parts))
    ]
    if status.focus_elapsed is not None:
        lines.append(
            QCoreApplication.translate("TrayIcon", "Focus session: {elapsed}").format(
                elapsed=format_elapsed(status.focus_elapsed.total_seconds())
            )
        )
    if status.paused_until is not None:
        lines.append(
            QCoreApplication.translate("TrayIcon", "Reminders paused until {time}").format(
                time=f"{status.paused_until:%H:%M}"
            )
        )
    return "\n".join(lines)


class TrayIcon(QSystemTrayIcon):
    """FocusApp in the system tray. Emits intents; the companion acts on them.

    Signals:
        checkin_requested: Open the check-in.
        focus_start_requested: Start a focus session.
        focus_stop_requested: Stop the running focus session.
        add_meetings_requested: Add meeting time to today.
        dashboard_requested: Show the main window.
        pause_requested(str): ``"hour"``, ``"today"`` or ``"resume"``.
        settings_requested: Open the settings.
        quit_requested: Quit FocusApp.
    """

    checkin_requested = Signal()
    focus_start_requested = Signal()
    focus_stop_requested = Signal()
    add_meetings_requested = Signal()
    dashboard_requested = Signal()
    pause_requested = Signal(str)
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, status: Callable[[], TrayStatus], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._menu = QMenu()
        self._menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.setContextMenu(self._menu)
        self.activated.connect(self._on_activated)
        self.refresh()

    def set_status_provider(self, status: Callable[[], TrayStatus]) -> None:
        """Read the status from ``status`` from now on (once the data is open)."""
        self._status = status
        self.refresh()

    def refresh(self) -> None:
        """Update icon and tooltip from the current status."""
        status = self._status()
        self.setIcon(QIcon(str(icon_path(icon_name(status)))))
        self.setToolTip(tooltip_text(status))
        self._build_menu(status)

    def menu_texts(self) -> list[str]:
        """Return the menu's entries as shown (separators as ``"-"``), for tests."""
        self._build_menu(self._status())
        return [a.text() if not a.isSeparator() else "-" for a in self._menu.actions()]

    def menu(self) -> QMenu:
        """Return the context menu."""
        return self._menu

    @Slot()
    def _on_menu_about_to_show(self) -> None:
        self._build_menu(self._status())

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.dashboard_requested.emit()

    def _build_menu(self, status: TrayStatus) -> None:
        menu = self._menu
        menu.clear()
        header = menu.addAction(tooltip_text(status).splitlines()[0])
        header.setEnabled(False)
        menu.addSeparator()
        self._add(
            menu,
            self.tr("Check in now...")
            if not status.checked_in
            else self.tr("Edit today's check-in..."),
            self.checkin_requested.emit,
        )
        if status.focus_elapsed is None:
            self._add(menu, self.tr("Start focus session"), self.focus_start_requested.emit)
        else:
            elapsed = format_elapsed(status.focus_elapsed.total_seconds())
            self._add(
                menu,
                self.tr("Stop focus session ({elapsed})").format(elapsed=elapsed),
                self.focus_stop_requested.emit,
            )
        self._add(menu, self.tr("Add meeting time..."), self.add_meetings_requested.emit)
        self._add(menu, self.tr("Open dashboard"), self.dashboard_requested.emit)
        menu.addSeparator()
        if status.paused_until is not None:
            self._add(
                menu,
                self.tr("Resume reminders (paused until {time})").format(
                    time=f"{status.paused_until:%H:%M}"
                ),
                partial(self.pause_requested.emit, "resume"),
            )
        else:
            pause = menu.addMenu(self.tr("Pause reminders"))
            self._add(pause, self.tr("For 1 hour"), partial(self.pause_requested.emit, "hour"))
            self._add(
                pause, self.tr("For the rest of today"), partial(self.pause_requested.emit, "today")
            )
        self._add(menu, self.tr("Settings..."), self.settings_requested.emit)
        menu.addSeparator()
        self._add(menu, self.tr("Quit FocusApp"), self.quit_requested.emit)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action
