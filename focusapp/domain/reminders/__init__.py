"""When to nudge the user: a pure scheduler for check-in, focus, meeting and risk reminders.

Nothing here reads a clock, a file or a timer. The tray controller passes a snapshot of the
world (:class:`~.model.ReminderInputs`, with ``now``) and what it has already shown
(:class:`~.state.ReminderState`), shows whatever :func:`~.schedule.due_reminders` returns,
records each with :func:`~.schedule.mark_shown`, persists the state
(:meth:`~.state.ReminderState.to_dict`) and arms one single-shot timer for
:func:`~.schedule.next_wakeup`. Pausing and snoozing are in :mod:`.pause`, the wall-clock
arithmetic (DST gaps and folds, clock jumps) in :mod:`.wall_clock`.

Every schedule is derived from the wall clock in the user's IANA zone rather than from
counting timer ticks. That is what makes sleep/resume and clock changes harmless: after a
wake the controller asks again and gets the same answer a never-sleeping machine would have
got, minus anything whose moment has passed for good (a past day's check-in). Because the
state remembers what was shown per day, asking twice, restarting the app or jumping the clock
back never repeats a reminder.

Decisions:
    * The check-in reminder for a user-day is due from ``reminder_time`` until that day's end
      (:func:`focusapp.domain.days.day_bounds`), on work days, while the day is unchecked. It
      is shown at most twice: once, then one repeat ``snooze_minutes`` after it was actually
      shown (not after it was scheduled), so a reminder shown late on wake still gets the full
      snooze before repeating.
    * Snoozing a shown check-in reminder (:func:`~.pause.snooze_checkin`, the "In 30 min" button)
      replaces that repeat: exactly one reminder follows, at the snooze's end, and the
      automatic repeat is not shown as well.
    * Work days are judged on the user-day, not the calendar date: with ``reminder_time``
      02:00 and a 04:00 day start, Friday's reminder rings early on Saturday morning.
    * A ``reminder_time`` inside a spring-forward gap fires at the first real instant after
      it (the moment the clocks jump); inside a fall-back fold it fires at the first
      occurrence only.
    * Once a reminder was shown for a day, earlier days are never reminded again, even when
      the clock is set back across midnight.
    * The focus-break nudge fires once per focus session, when it has run for
      ``focus_length_minutes``; a longer session is not nagged again.
    * The meeting-budget nudge fires at most once per user-day, when today's meeting time is
      strictly over the budget; a budget of 0 turns it off. It depends on data, not on time,
      so the controller should also call :func:`~.schedule.due_reminders` after data changes.
    * The risk notification fires only at ``high``/``very_high``, at most once in any rolling
      seven days (7 x 24 h since the last one was shown), and never before
      ``risk_not_before`` (the controller holds it back during a write burst and just after
      start, when the numbers may still change).
    * The weekly review is due once per ISO week at its moment (see
      :mod:`focusapp.domain.review_schedule`); ``review_moment=None`` turns it off.
    * A pause silences every kind until its end; what is still relevant then (today's unshown
      check-in, an unacknowledged focus break) is shown when the pause ends.
"""
