"""FocusApp: a local-first daily check-in and burnout-risk tracker."""

__version__ = "0.1.0"

#: The application id: desktop entry, icon, login entry and notification hint all use it.
APP_ID = "io.github.focusapp.FocusApp"
