"""Reading iCalendar (.ics) files into classified calendar events, all or nothing per event.

The entry point is :func:`focusapp.formats.ics.read.read_calendar`; the modules here:
:mod:`.read` (bytes to text, the result), :mod:`.collect` (the VEVENTs of a file),
:mod:`.occurrences` (expansion and classification), :mod:`.report` (what was skipped and
warned about), :mod:`.parse`, :mod:`.expand`, :mod:`.values` and :mod:`.identity`.

A file that is not a calendar, or cannot be parsed at all, raises
:class:`~.report.CalendarFormatError` and yields nothing. In a file that parses, each event
is read on its own: one that cannot be read or expanded is listed in
:attr:`~.report.CalendarReadResult.skipped` with its UID, summary and line while the rest
imports. Every occurrence that touches the requested days comes back as a
:class:`~focusapp.domain.calendar.CalendarEvent`, counted or with the reason it is not, so
the numbers can always be audited.

Decisions worth knowing (they follow RFC 5545 where it has an answer):

* Repeats (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides including RANGE=THISANDFUTURE) are
  expanded by ``recurring-ical-events``, lazily and only around the requested days, at most
  :data:`~focusapp.formats.ics.expand.MAX_OCCURRENCES_PER_EVENT` per event (a warning
  names an event cut short; see :mod:`focusapp.formats.ics.expand`); calendars with
  X-WR-TIMEZONE (Google) are first brought into standard form with ``x-wr-timezone``.
* With ``CalendarRules.keep_titles`` off, titles are used only to classify while reading:
  events, skipped events and warnings carry none.
* Floating times (no zone) are the user's wall-clock time. A TZID that names a known zone
  (IANA, or Windows such as "W. Europe Standard Time") is used even without its VTIMEZONE;
  an unknown TZID without VTIMEZONE falls back to the user's zone. Both are warned about.
* A date-time start without DTEND or DURATION lasts zero time (RFC 5545 3.6.1); a date
  start without them lasts one day. Zero-length events take no time, so they are listed
  as ``free`` and never add minutes or meetings.
* An end before the start is treated as the two times in the right order (the interval
  between them), with a warning, as ``recurring-ical-events`` does for repeats.
* Duplicates share a UID and RECURRENCE-ID; the highest SEQUENCE wins, on a tie the later
  DTSTAMP (RFC 5546), then the first in the file; the others are listed as ``duplicate``.
  Events without a UID get a stable one derived from their content, so identical copies
  are duplicates too.
* A faulty part that is not an event (a VTODO, VJOURNAL, VALARM or VTIMEZONE rule that
  cannot be read) is left out with a warning naming its line (see
  :mod:`focusapp.formats.ics.parse`); a faulty event is skipped on its own.
* A cancelled occurrence (STATUS:CANCELLED, or a file sent with METHOD:CANCEL) is listed
  as ``cancelled``; TRANSP:TRANSPARENT and Microsoft's BUSYSTATUS/INTENDEDSTATUS FREE as
  ``free``; an ATTENDEE with one of the user's addresses and PARTSTAT=DECLINED as
  ``declined``.
* An event none of whose occurrences touch the requested days, and whose own start lies
  outside them, is listed once (at its own start) as ``outside_range``.

The parsing libraries are imported inside the functions: they take a noticeable time to
load and the app must start fast.
"""
