"""Light and dark themes: the application palette for ``ui.theme`` and the charts' colours.

The risk colours are the calm palette of ``resources/icons/README.md`` (teal, sand, amber,
burnt orange; no red). Chart colours are derived from the widget palette so that they follow
the system theme, the ``ui.theme`` setting and live palette changes alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

#: Risk level colours, keyed by :class:`focusapp.domain.risk.Level` value.
LEVEL_COLORS: Final = {
    "low": "#2a9d8f",
    "moderate": "#e9c46a",
    "high": "#f4a261",
    "very_high": "#d4793a",
}
#: No score yet / pending (the tray's "mist").
NO_SCORE_COLOR: Final = "#a3b3bf"
TREND_ARROWS: Final = {"rising": "\u2197", "easing": "\u2198", "steady": "\u2192"}
INDIGO: Final = "#5b6cc9"
TEAL: Final = "#2a9d8f"
AMBER: Final = "#f4a261"
MIST: Final = "#a3b3bf"
#: Inline error text: the calm burnt orange, darkened or lightened to read as text.
ERROR_ON_LIGHT: Final = "#9c4215"
ERROR_ON_DARK: Final = "#f4a77a"


def is_dark(palette: QPalette) -> bool:
    """Tell whether ``palette`` draws light text on a dark window."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


#: WCAG 2 AA contrast for normal text; the energy selection and links must reach it.
MIN_TEXT_CONTRAST: Final = 4.5


def relative_luminance(color: QColor) -> float:
    """Return the WCAG 2 relative luminance of ``color`` (0 black to 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Return the WCAG 2 contrast ratio of two colours, from 1 (same) to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(background: QColor, preferred: QColor) -> QColor:
    """Return ``preferred`` if it reads on ``background``, else black or white, whichever does.

    Platform palettes (a high-contrast theme, a vendor's accent) pair colours we do not
    choose; this keeps a selected choice legible whatever they are.
    """
    if contrast_ratio(background, preferred) >= MIN_TEXT_CONTRAST:
        return preferred
    black, white = QColor("#000000"), QColor("#ffffff")
    return max((black, white), key=lambda text: contrast_ratio(background, text))


@dataclass(frozen=True, slots=True)
class ChoiceColors:
    """How a tile of a choice (an energy button) is painted in one palette.

    The selection is a filled tile; keyboard focus is an outline only, in a colour that
    differs from the fill, so the two never look alike.

    Attributes:
        background: An unselected tile.
        text: Text on an unselected tile.
        border: The frame of an unselected tile.
        selected_background: The chosen tile's fill.
        selected_text: Text on the chosen tile (contrast >= :data:`MIN_TEXT_CONTRAST`).
        focus: The focus outline on an unselected tile.
        focus_on_selected: The focus outline drawn inside the chosen tile.
    """

    background: QColor
    text: QColor
    border: QColor
    selected_background: QColor
    selected_text: QColor
    focus: QColor
    focus_on_selected: QColor


def choice_colors(palette: QPalette) -> ChoiceColors:
    """Return the colours of choice tiles for ``palette`` (light, dark or high contrast)."""
    roles = QPalette.ColorRole
    background = palette.color(roles.Button)
    selected = palette.color(roles.Highlight)
    selected_text = readable_on(selected, palette.color(roles.HighlightedText))
    text = readable_on(background, palette.color(roles.ButtonText))
    return ChoiceColors(
        background=background,
        text=text,
        border=palette.color(roles.Mid) if not is_dark(palette) else palette.color(roles.Light),
        selected_background=selected,
        selected_text=selected_text,
        focus=selected,
        focus_on_selected=selected_text,
    )


def link_color(palette: QPalette) -> QColor:
    """Return the palette's link colour, or a readable substitute on its window colour."""
    return readable_on(
        palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Link)
    )


def error_color(palette: QPalette) -> QColor:
    """Return the burnt orange of inline errors, light or dark enough for ``palette``."""
    window = palette.color(QPalette.ColorRole.Window)
    return readable_on(window, QColor(ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT))


def high_contrast_palette() -> QPalette:
    """Return a black-and-white palette with a yellow selection, as high-contrast themes use."""
    p = QPalette()
    roles = QPalette.ColorRole
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, color in (
        (roles.Window, black),
        (roles.WindowText, white),
        (roles.Base, black),
        (roles.AlternateBase, QColor("#1a1a1a")),
        (roles.Text, white),
        (roles.Button, black),
        (roles.ButtonText, white),
        (roles.PlaceholderText, QColor("#c0c0c0")),
        (roles.Light, white),
        (roles.Mid, white),
        (roles.Dark, white),
        (roles.Highlight, yellow),
        (roles.HighlightedText, black),
        (roles.Link, QColor("#00ffff")),
        (roles.LinkVisited, QColor("#ff80ff")),
    ):
        p.setColor(role, color)
    return p


def _with_alpha(color: str | QColor, alpha: float) -> QColor:
    out = QColor(color)
    out.setAlphaF(alpha)
    return out


@dataclass(frozen=True, slots=True)
class ChartPalette:
    """The colours of every chart element for one widget palette.

    Attributes:
        dark: Whether the palette is dark.
        background: Plot background (the window colour, so charts sit flat in the window).
        text: Titles and axis labels.
        axis: Axis lines and ticks (muted text).
        grid_alpha: Opacity of grid lines (0-1).
        bands: Background band per risk level, at low alpha.
        score: The risk score line.
        energy_points: Daily energy points.
        energy_mean: The 7-day mean energy line.
        usual: The usual-energy line.
        coding: Coding time bars.
        meetings: Meeting time bars.
        share: The meeting-share line.
        hours: The hours-per-week line.
        hours_fill: The area under the hours line.
        reference: The 55-hour and 5-day reference lines.
        streak: The consecutive-work-days area.
        cursor: The selected day's vertical line.
    """

    dark: bool
    background: QColor
    text: QColor
    axis: QColor
    grid_alpha: float
    bands: dict[str, QColor]
    score: QColor
    energy_points: QColor
    energy_mean: QColor
    usual: QColor
    coding: QColor
    meetings: QColor
    share: QColor
    hours: QColor
    hours_fill: QColor
    reference: QColor
    streak: QColor
    cursor: QColor


def chart_palette(palette: QPalette) -> ChartPalette:
    """Return chart colours that read well on ``palette``'s window colour."""
    dark = is_dark(palette)
    text = palette.color(QPalette.ColorRole.WindowText)
    band_alpha = 0.26 if dark else 0.22
    return ChartPalette(
        dark=dark,
        background=palette.color(QPalette.ColorRole.Window),
        text=text,
        axis=_with_alpha(text, 0.62),
        grid_alpha=0.16 if dark else 0.12,
        bands={name: _with_alpha(color, band_alpha) for name, color in LEVEL_COLORS.items()},
        score=QColor("#c9cff7" if dark else "#33407f"),
        energy_points=QColor("#aab8c4" if dark else "#7b8c99"),
        energy_mean=QColor("#9aa6f2" if dark else INDIGO),
        usual=QColor("#4fc2b3" if dark else TEAL),
        coding=QColor("#7f8ce0" if dark else INDIGO),
        meetings=QColor("#7d8c98" if dark else MIST),
        share=_with_alpha("#e8e8e8" if dark else "#1f2a30", 0.75),
        hours=QColor("#9aa6f2" if dark else INDIGO),
        hours_fill=_with_alpha(INDIGO, 0.28 if dark else 0.14),
        reference=QColor(AMBER if dark else "#d4793a"),
        streak=QColor("#8796a3" if dark else "#7b8c99"),
        cursor=_with_alpha(palette.color(QPalette.ColorRole.Highlight), 0.7),
    )


_ROLE = QPalette.ColorRole
#: FocusApp's Fusion palettes: each colour role's colour in the dark and in the light theme
#: (soft greys, or a neutral light, both with the indigo accent).
_FUSION_COLORS: Final = {
    _ROLE.Window: ("#2b2b2b", "#f3f3f3"),
    _ROLE.WindowText: ("#e6e6e6", "#1f2a30"),
    _ROLE.Base: ("#232323", "#ffffff"),
    _ROLE.AlternateBase: ("#303030", "#f6f7f8"),
    _ROLE.ToolTipBase: ("#3a3a3a", "#ffffdc"),
    _ROLE.ToolTipText: ("#e6e6e6", "#1f2a30"),
    _ROLE.PlaceholderText: ("#9a9a9a", "#80868b"),
    _ROLE.Text: ("#e6e6e6", "#1f2a30"),
    _ROLE.Button: ("#353535", "#f0f0f0"),
    _ROLE.ButtonText: ("#e6e6e6", "#1f2a30"),
    _ROLE.BrightText: ("#ffffff", "#ffffff"),
    _ROLE.Light: ("#4a4a4a", "#ffffff"),
    _ROLE.Midlight: ("#3e3e3e", "#e3e3e3"),
    _ROLE.Mid: ("#303030", "#b8b8b8"),
    _ROLE.Dark: ("#1e1e1e", "#9f9f9f"),
    _ROLE.Shadow: ("#141414", "#767676"),
    _ROLE.Highlight: (INDIGO, INDIGO),
    _ROLE.HighlightedText: ("#ffffff", "#ffffff"),
    _ROLE.Link: ("#9aa6f2", "#3f4d9c"),
    _ROLE.LinkVisited: ("#b59af2", "#6a3f9c"),
}
#: The disabled text colour of each theme, and the dark theme's disabled highlight.
_DISABLED_TEXT: Final = ("#7a7a7a", "#9a9a9a")
_DISABLED_HIGHLIGHT: Final = "#474f75"


def dark_palette() -> QPalette:
    """Return FocusApp's dark palette (for Fusion): soft greys with the indigo accent."""
    p = _fusion_palette(0)
    p.setColor(QPalette.ColorGroup.Disabled, _ROLE.Highlight, QColor(_DISABLED_HIGHLIGHT))
    return p


def light_palette() -> QPalette:
    """Return a neutral light palette (for Fusion) with the indigo accent."""
    return _fusion_palette(1)


def _fusion_palette(theme: int) -> QPalette:
    """Return the palette of column ``theme`` of :data:`_FUSION_COLORS` (0 dark, 1 light)."""
    p = QPalette()
    for role, colors in _FUSION_COLORS.items():
        p.setColor(role, QColor(colors[theme]))
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[theme]))
    return p


class ThemeController(QObject):
    """Applies the ``ui.theme`` setting to the application, and can undo it at run time.

    ``system`` keeps the platform's style and palette (which Qt updates when the desktop
    switches between light and dark); ``dark`` uses Fusion with :func:`dark_palette`;
    ``light`` keeps the platform look when it is already light, else Fusion with
    :func:`light_palette`. The platform style and palette are remembered on creation so
    that switching back to ``system`` restores them.
    """

    OBJECT_NAME: Final = "focusapp_theme"

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(self.OBJECT_NAME)
        self._app = app
        self._system_style = app.style().name()
        self._system_palette = QPalette(app.palette())
        self.theme = "system"

    def apply(self, theme: str) -> None:
        """Switch the application to ``theme`` (``system``, ``light`` or ``dark``)."""
        if theme == "dark":
            _color_scheme(Qt.ColorScheme.Dark)
            self._set_style("fusion")
            self._app.setPalette(dark_palette())
        elif theme == "light" and is_dark(self._system_palette):
            _color_scheme(Qt.ColorScheme.Light)
            self._set_style("fusion")
            self._app.setPalette(light_palette())
        else:
            _color_scheme(None)
            if self.theme != "system":
                self._set_style(self._system_style)
                self._app.setPalette(self._system_palette)
        self.theme = theme

    def _set_style(self, name: str) -> None:
        if name and self._app.style().name().lower() != name.lower():
            self._app.setStyle(name)


def _color_scheme(scheme: Qt.ColorScheme | None) -> None:
    """Tell the platform (title bars, native dialogs) which scheme we use, where Qt can."""
    hints = QGuiApplication.styleHints()
    if scheme is None:
        if hasattr(hints, "unsetColorScheme"):  # Qt 6.8+
            hints.unsetColorScheme()
    elif hasattr(hints, "setColorScheme"):  # Qt 6.8+
        hints.setColorScheme(scheme)


def apply_theme(theme: str) -> None:
    """Apply the ``ui.theme`` setting (``system``, ``light`` or ``dark``) to the application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    controller = app.findChild(ThemeController, ThemeController.OBJECT_NAME)
    if not isinstance(controller, ThemeController):
        controller = ThemeController(app)
    controller.apply(theme)
