#!/bin/bash
# Run inside dbus-run-session: an X server, the accessibility bus, FocusApp, then the walk.
# Usage: session.sh DATA_DIR PYTHON WALKER OUT
set -u
data=$1 python=$2 walker=$3 out=$4
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 QT_QPA_PLATFORM=xcb
display=:$((90 + RANDOM % 400))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY=$display
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & bus=$!
sleep 0.5
"$python" -m focusapp --data-dir "$data" >"$data.log" 2>&1 & app=$!
/usr/bin/python3 "$walker" focusapp >"$out"
status=$?
# Once more after the tree settled: the first walk may race the window's first paint.
sleep 2
/usr/bin/python3 "$walker" focusapp >"$out"
status=$?
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
kill "$bus" "$xvfb" 2>/dev/null
exit $status
