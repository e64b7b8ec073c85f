"""Keep one EDS calendar open and refresh it on request, for the live Evolution test.

Run with the system python (python3-gi) inside the D-Bus session that runs
evolution-source-registry and evolution-calendar-factory:
``/usr/bin/python3 eds_driver.py SOURCE_UID CONTROL_FOLDER``. It opens the calendar and
refreshes it, then refreshes again each time a file ``refresh-N`` appears in the control
folder, and exits when ``stop`` appears (the factory writes the cache only while a client
keeps the calendar open).
"""

import sys
import time
from pathlib import Path

from gi.repository import Gio, GLib  # type: ignore[import-not-found]

FACTORY = "org.gnome.evolution.dataserver.Calendar8"
CALENDAR = "org.gnome.evolution.dataserver.Calendar"

bus = Gio.bus_get_sync(Gio.BusType.SESSION)
control = Path(sys.argv[2])


def call(dest: str, path: str, interface: str, method: str, args: object = None) -> object:
    return bus.call_sync(dest, path, interface, method, args, None, Gio.DBusCallFlags.NONE, 60000)


path, bus_name = call(
    FACTORY,
    "/org/gnome/evolution/dataserver/CalendarFactory",
    "org.gnome.evolution.dataserver.CalendarFactory",
    "OpenCalendar",
    GLib.Variant("(s)", (sys.argv[1],)),
).unpack()
call(bus_name, path, CALENDAR, "Open")
call(bus_name, path, CALENDAR, "Refresh")
done = 0
deadline = time.monotonic() + 120
while not (control / "stop").exists() and time.monotonic() < deadline:
    if (control / f"refresh-{done + 1}").exists():
        call(bus_name, path, CALENDAR, "Refresh")
        done += 1
    time.sleep(0.1)
