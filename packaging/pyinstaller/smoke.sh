#!/usr/bin/env bash
# Smoke-test the one-folder bundle built by `make bundle`.   Usage: smoke.sh [BUNDLE_DIR]
#
# Runs the command line, the bundle self-test (everything FocusApp imports lazily), the window
# offscreen and, when xvfb-run exists, under X11; checks that the tray icon registers when
# tests/e2e/tray-session and its tools exist; checks what the bundle holds (no GLib/GIO, no
# unused Qt, the plugins and migrations it needs) and its size. Prints the size and the GUI
# start time. Exit status: 0 when every check passed, 1 otherwise, 2 when there is no bundle.
# Environment: FOCUSAPP_BUNDLE_MAX_MB (default 200).
set -uo pipefail

bundle=${1:-dist/focusapp}
exe="$bundle/focusapp"
max_mb=${FOCUSAPP_BUNDLE_MAX_MB:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "$exe" ]; then
    echo "smoke: $exe not found; build it with: make bundle" >&2
    exit 2
fi
internal="$bundle/_internal"

work=$(mktemp -d "${TMPDIR:-/tmp}/focusapp-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
data="$work/data"
# Keep every file the app or Qt might write (settings, caches) inside the scratch folder.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" XDG_CACHE_HOME="$work/cache"
export XDG_STATE_HOME="$work/state" HOME="$work/home"
mkdir -p "$HOME"
unset QT_QPA_PLATFORM FOCUSAPP_DATA_DIR FOCUSAPP_EXIT_AFTER_READY

failures=0
ok() { printf 'ok    %s\n' "$*"; }
fail() {
    printf 'FAIL  %s\n' "$*"
    failures=$((failures + 1))
}
skip() { printf 'skip  %s\n' "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
started=$(now)

# Lines that mean a library, plugin or module is missing or mismatched.
bad_output='Traceback|Could not load|Cannot load library|Failed to load|undefined symbol|version `|GLib-GIO|No module named|not found \(required by'

# run NAME EXPECTED_TEXT CMD...: run a command line, check status 0 and (if given) its output.
run() {
    local name=$1 expect=$2
    shift 2
    if "$@" >"$work/out" 2>"$work/err"; then
        if [ -n "$expect" ] && ! grep -qE "$expect" "$work/out"; then
            fail "$name: output lacks /$expect/"
            sed 's/^/      /' "$work/out" | head -20
        elif grep -qE "$bad_output" "$work/err"; then
            fail "$name: stderr"
            sed 's/^/      /' "$work/err" | head -20
        else
            ok "$name"
        fi
    else
        fail "$name: exit status $?"
        sed 's/^/      /' "$work/err" "$work/out" | head -30
    fi
}

echo "== bundle $bundle"
# --- command line ------------------------------------------------------------------------
run "--version" '^FocusApp [0-9]' "$exe" --version
run "log --energy 3" 'energy 3' "$exe" --data-dir "$data" log --energy 3
run "export --format json" '"energy": 3' "$exe" --data-dir "$data" export --format json
run "risk --json" '"days"' "$exe" --data-dir "$data" risk --json
today=$(date +%Y%m%d)
cat >"$work/week.ics" <<ICS
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//FocusApp//bundle smoke//EN
X-WR-TIMEZONE:Europe/Berlin
BEGIN:VEVENT
UID:standup@focusapp.invalid
DTSTAMP:${today}T080000Z
DTSTART;TZID=Europe/Berlin:${today}T093000
DTEND;TZID=Europe/Berlin:${today}T100000
RRULE:FREQ=DAILY;COUNT=3
SUMMARY:Stand-up
END:VEVENT
END:VCALENDAR
ICS
run "calendar import (icalendar, recurrences, tzdata)" '' \
    "$exe" --data-dir "$data" calendar import "$work/week.ics"
run "calendar show today" '' "$exe" --data-dir "$data" calendar show today
run "bundle self-test (lazy imports, migrations, svg, fonts, pyqtgraph)" 'selftest: ok' \
    env QT_QPA_PLATFORM=offscreen FOCUSAPP_BUNDLE_SELFTEST=1 "$exe"
sed -n 's/^selftest: /      /p' "$work/out"

# --- window ------------------------------------------------------------------------------
# gui NAME RUNNER...: start the window until it shows the data, then quit; record the time.
gui() {
    local name=$1
    shift
    local t0
    t0=$(now)
    if FOCUSAPP_EXIT_AFTER_READY=1 FOCUSAPP_STARTUP_MARKS=1 \
        "$@" "$exe" --data-dir "$data" >"$work/out" 2>"$work/err"; then
        gui_seconds=$(since "$t0")
        if ! grep -q '^mark ready' "$work/out"; then
            fail "$name: never reached 'ready'"
        elif grep -qE "$bad_output" "$work/err"; then
            fail "$name: stderr"
            sed 's/^/      /' "$work/err" | head -20
        else
            ok "$name: ready in ${gui_seconds}s ($(awk '/^mark ready/ { print "ready mark " $3 "s" }' "$work/out"))"
        fi
    else
        fail "$name: exit status $?"
        sed 's/^/      /' "$work/err" | head -30
    fi
}
gui "window, offscreen" env QT_QPA_PLATFORM=offscreen
times=()
for _ in 1 2 3; do
    gui "window, offscreen (timing)" env QT_QPA_PLATFORM=offscreen >/dev/null
    times+=("$gui_seconds")
done
start_median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
if command -v xvfb-run >/dev/null; then
    gui "window, X11 (xvfb-run, xcb)" xvfb-run -a -s "-screen 0 1280x800x24" \
        env QT_QPA_PLATFORM=xcb
else
    skip "window, X11: no xvfb-run"
fi

# --- tray icon: the part an old bundled libgio broke for ActivityWatch (aw-qt #92) --------
session="$root/tests/e2e/tray-session"
missing_tools=""
for tool in Xvfb xfce4-panel dunst dbus-run-session dbus-send; do
    command -v "$tool" >/dev/null || missing_tools="$missing_tools $tool"
done
if [ -x "$session" ] && [ -z "$missing_tools" ]; then
    cat >"$work/tray.sh" <<DRIVER
#!/bin/bash
items() {
    dbus-send --session --print-reply --dest=org.kde.StatusNotifierWatcher /StatusNotifierWatcher \
        org.freedesktop.DBus.Properties.Get string:org.kde.StatusNotifierWatcher \
        string:RegisteredStatusNotifierItems 2>/dev/null | grep -c StatusNotifierItem
}
QT_QPA_PLATFORM=xcb "$exe" --data-dir "$data" --autostart >"$work/tray.log" 2>&1 & app=\$!
for _ in \$(seq 1 100); do [ "\$(items)" -ge 1 ] && break; sleep 0.1; done
echo "tray items: \$(items)"
kill \$app; wait \$app 2>/dev/null
exit 0
DRIVER
    chmod +x "$work/tray.sh"
    if "$session" "$work/tray.sh" >"$work/out" 2>"$work/err" && grep -q 'tray items: [1-9]' "$work/out"; then
        if grep -qE "$bad_output" "$work/tray.log"; then
            fail "tray icon registered, but stderr"
            sed 's/^/      /' "$work/tray.log" | head -20
        else
            ok "tray icon registered with the StatusNotifierWatcher (xfce4-panel, D-Bus)"
        fi
    else
        fail "tray icon did not register"
        sed 's/^/      /' "$work/out" "$work/err" "$work/tray.log" | head -30
    fi
else
    skip "tray icon: needs tests/e2e/tray-session and${missing_tools:- its tools}"
fi

# --- contents ------------------------------------------------------------------------------
glib=$(find "$bundle" -name 'libglib-2.0.so*' -o -name 'libgio-2.0.so*' -o -name 'libgobject-2.0.so*' \
    -o -name 'libgmodule-2.0.so*' -o -name 'libgthread-2.0.so*' -o -name 'libgtk-3.so*')
[ -z "$glib" ] && ok "no GLib/GIO/GTK in the bundle" || fail "GLib/GIO/GTK shipped: $glib"
unused=$(find "$bundle" \( -name 'libQt6Quick*' -o -name 'libQt6Qml*' -o -name 'libQt6Pdf*' \
    -o -name 'libQt6WebEngine*' -o -name 'libQt63D*' -o -name 'libQt6Multimedia*' \
    -o -name 'libQt6Charts*' -o -name 'libQt6DataVisualization*' -o -name 'libQt6Bluetooth*' \
    -o -name 'libQt6Positioning*' -o -name 'libQt6SerialPort*' -o -name 'libQt6Sql*' \
    -o -name 'libQt6Test*' -o -name 'libQt6Designer*' -o -name 'libQt6Help*' \) -printf '%f ')
[ -z "$unused" ] && ok "no unused Qt modules" || fail "unused Qt shipped: $unused"
plugins="$internal/PySide6/Qt/plugins"
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqwayland.so \
    imageformats/libqsvg.so iconengines/libqsvgicon.so; do
    [ -f "$plugins/$plugin" ] || fail "Qt plugin missing: $plugin"
done
ok "Qt plugins: $(cd "$plugins" && find . -name '*.so' | sed 's|^\./||' | sort | tr '\n' ' ')"
shipped=$(find "$internal/focusapp/storage/migrations/versions" -name '0*_*.py' 2>/dev/null | wc -l)
expected=$(find "$root/focusapp/storage/migrations/versions" -name '0*_*.py' 2>/dev/null | wc -l)
if [ "$shipped" -ge 1 ] && [ "$shipped" -eq "$expected" ] && [ -f "$internal/focusapp/storage/migrations/env.py" ]; then
    ok "migrations shipped as files: $shipped revisions and env.py"
else
    fail "migrations: $shipped revision files shipped, $expected in the source tree"
fi
[ -f "$internal/focusapp/assets/icons/focusapp.svg" ] && ok "resources in focusapp/assets" ||
    fail "resources missing: focusapp/assets/icons/focusapp.svg"
dangling=$(find "$bundle" -xtype l)
[ -z "$dangling" ] && ok "no dangling symlinks" || fail "dangling symlinks: $dangling"
written=$(find "$bundle" -name __pycache__)
[ -z "$written" ] && ok "nothing written into the bundle" || fail "written into the bundle: $written"
size_mb=$(du -sm "$bundle" | cut -f1)
if [ "$size_mb" -le "$max_mb" ]; then
    ok "size ${size_mb} MB <= ${max_mb} MB"
else
    fail "size ${size_mb} MB > ${max_mb} MB"
fi

echo "== size $(du -sh "$bundle" | cut -f1) ($(du -sb "$bundle" | cut -f1) bytes)," \
    "GUI start to ready and exit: ${start_median:-?}s (median of 3, offscreen)," \
    "smoke $(since "$started")s"
if [ "$failures" -gt 0 ]; then
    echo "== $failures check(s) failed"
    exit 1
fi
echo "== all checks passed"
