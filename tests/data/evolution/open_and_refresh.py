"""Open one EDS calendar over D-Bus and refresh it, so its backend writes its cache.db.

Run with the system python (python3-gi), inside the D-Bus session that runs
evolution-source-registry and evolution-calendar-factory:
``/usr/bin/python3 open_and_refresh.py SOURCE_UID``. The connection is kept for a few
seconds: the factory closes the backend as soon as its last client disconnects.
"""

import sys
import time

from gi.repository import Gio, GLib  # type: ignore[import-not-found]

FACTORY = "org.gnome.evolution.dataserver.Calendar8"
CALENDAR = "org.gnome.evolution.dataserver.Calendar"

bus = Gio.bus_get_sync(Gio.BusType.SESSION)


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
time.sleep(6)
objects = call(bus_name, path, CALENDAR, "GetObjectList", GLib.Variant("(s)", ("#t",)))
print(len(objects.unpack()[0]), "objects")
