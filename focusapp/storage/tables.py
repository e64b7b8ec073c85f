"""ORM tables. Rows never leave the storage layer; repositories map them to domain objects."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes stored as naive UTC, so SQLite's text ordering is time ordering."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        """Refuse naive values: an instant without a zone would be silently misread later."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        """Give every stored instant back its UTC zone."""
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with the project's naming convention and type map."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar = {dt.datetime: UTCDateTime()}


class CheckInRow(Base):
    """One row per local day: what the user typed (or imported) for that day."""

    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(unique=True, index=True)
    energy: Mapped[int | None]
    coding_minutes: Mapped[int | None]
    meeting_minutes: Mapped[int | None]
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    stress: Mapped[int | None]
    meeting_count: Mapped[int | None]
    back_to_back_count: Mapped[int | None]
    longest_free_block_minutes: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    zone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class FocusSessionRow(Base):
    """A focus session; a running one has no end yet and survives restarts and crashes."""

    __tablename__ = "focus_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(index=True)
    ended_at: Mapped[dt.datetime | None]
    zone: Mapped[str] = mapped_column(String(64))


class CalendarSourceRow(Base):
    """An imported calendar file, named by its resolved absolute path.

    ``content_sha256`` and ``rules_key`` let a re-import of an unchanged file under unchanged
    settings skip all work; ``report`` keeps the last import's counts, skipped events and
    warnings (JSON) so they can be shown again without re-reading the file.
    """

    __tablename__ = "calendar_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True, index=True)
    imported_at: Mapped[dt.datetime]
    first_day: Mapped[dt.date]
    last_day: Mapped[dt.date]
    content_sha256: Mapped[str] = mapped_column(String(64))
    rules_key: Mapped[str] = mapped_column(String(64))
    extra_addresses: Mapped[str] = mapped_column(Text)
    report: Mapped[str] = mapped_column(Text)


class CalendarEventRow(Base):
    """One occurrence read from a calendar file, counted or left out with its reason."""

    __tablename__ = "calendar_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("calendar_sources.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(Text, index=True)
    recurrence_id: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    start_at: Mapped[dt.datetime] = mapped_column(index=True)
    end_at: Mapped[dt.datetime]
    sequence: Mapped[int]
    counted: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(32))
    all_day: Mapped[bool] = mapped_column(Boolean)


class CalendarDayRow(Base):
    """Meeting numbers of one local day covered by at least one imported calendar.

    A cache of :func:`focusapp.domain.calendar.summarise_days` over every source, rewritten
    for the days an import touches, so reading years of history never re-summarises events.
    """

    __tablename__ = "calendar_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(unique=True, index=True)
    meeting_minutes: Mapped[int]
    meeting_count: Mapped[int]
    back_to_back_count: Mapped[int]
    longest_free_block_minutes: Mapped[int]
    after_hours_minutes: Mapped[int]
    double_booked_minutes: Mapped[int]


class PlanChoiceRow(Base):
    """One kept "what if" choice about a meeting series; never written to any calendar."""

    __tablename__ = "plan_choices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    choice: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int | None]
    updated_at: Mapped[dt.datetime]


class WeekReflectionRow(Base):
    """The user's short reflection on one ISO week, kept with the week (keyed by Monday)."""

    __tablename__ = "week_reflections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    week_start: Mapped[dt.date] = mapped_column(unique=True, index=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime]


class AddedCalendarRow(Base):
    """A calendar source the user added (an .ics file, a vdir, an Evolution or Thunderbird file).

    Its events live in ``calendar_sources``/``calendar_events`` under the same path, so
    removing it removes exactly its meetings (ON DELETE CASCADE) and nothing typed.
    """

    __tablename__ = "added_calendars"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[dt.datetime]


class CodingSourceRow(Base):
    """A folder of git repositories (or an ActivityWatch database) coding time is read from.

    ``authors`` are the user's addresses (comma-separated); ``report`` keeps the last scan's
    repositories and warnings (JSON).
    """

    __tablename__ = "coding_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    authors: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime]
    scanned_at: Mapped[dt.datetime | None]
    report: Mapped[str] = mapped_column(Text)


class CodingCommitRow(Base):
    """One of the user's commits found in a coding source: hash, time and repository only."""

    __tablename__ = "coding_commits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("coding_sources.id", ondelete="CASCADE"), index=True
    )
    sha: Mapped[str] = mapped_column(String(64))
    authored_at: Mapped[dt.datetime] = mapped_column(index=True)
    repository: Mapped[str] = mapped_column(Text)


class CodingIntervalRow(Base):
    """A stretch of time in an editor or notebook read from ActivityWatch (AFK time removed)."""

    __tablename__ = "coding_intervals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("coding_sources.id", ondelete="CASCADE"), index=True
    )
    start_at: Mapped[dt.datetime] = mapped_column(index=True)
    end_at: Mapped[dt.datetime]


class CalendarExclusionRow(Base):
    """An event (UID and RECURRENCE-ID) or a whole series (UID) the user excluded from counting.

    Kept apart from ``calendar_events``, which an import replaces, so no re-import brings an
    excluded event back. ``recurrence_id`` is ``""`` for a one-off event and for a series.
    """

    __tablename__ = "calendar_exclusions"
    __table_args__ = (UniqueConstraint("uid", "recurrence_id", "series"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(Text, index=True)
    recurrence_id: Mapped[str] = mapped_column(Text)
    series: Mapped[bool] = mapped_column(Boolean)
    excluded_at: Mapped[dt.datetime]
