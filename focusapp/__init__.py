"""FocusApp: a local-first daily check-in and burnout-risk tracker."""

__version__ = "0.1.0"
