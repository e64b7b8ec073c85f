"""The translations: complete, up to date with the sources, loaded from the locale, CLI English."""

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from focusapp.domain.models import ENERGY_LABELS, CheckIn
from focusapp.wording import numbers
from focusapp.wording import translate as wording
from focusapp.wording.levels import energy_word

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
PLACEHOLDER = re.compile(r"\{[^}]*\}|%n")


def _messages(path):
    """Return {(context, source, numerus): [translations]} of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            key = (name, message.findtext("source"), message.get("numerus") == "yes")
            found[key] = (forms or [translation.text or ""], translation.get("type"))
    return found


def _lupdate(ts, *extra):
    subprocess.run(
        [
            str(LUPDATE),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            *extra,
            str(ROOT / "focusapp" / "ui"),
            str(ROOT / "focusapp" / "wording"),
            str(ROOT / "focusapp" / "domain"),
            str(ROOT / "focusapp" / "storage"),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize(
    ("name", "extra"), [("focusapp_de.ts", ()), ("focusapp_en.ts", ("-pluralonly",))]
)
def test_ts_files_are_up_to_date_with_the_sources(tmp_path, name, extra):
    committed = FOLDER / name
    fresh = tmp_path / name
    shutil.copy(committed, fresh)
    _lupdate(fresh, *extra)
    assert set(_messages(fresh)) == set(_messages(committed)), "run make update-translations"


def test_german_is_complete_and_keeps_every_placeholder():
    messages = _messages(FOLDER / "focusapp_de.ts")
    assert len(messages) > 550
    for (context, source, numerus), (forms, kind) in messages.items():
        assert kind is None, f"{context}: {source!r} is {kind}"
        assert all(forms), f"{context}: {source!r} has no translation"
        assert len(forms) == (2 if numerus else 1)
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            assert sorted(set(PLACEHOLDER.findall(form))) == wanted, (context, source, form)
            # A fragment that goes after a word (" (your usual: ...)") keeps its space.
            assert form.startswith(" ") == source.startswith(" "), (context, source, form)
            assert form.count("&") - form.count("&nbsp;") - form.count("&amp;") <= 1


def test_english_catalogue_holds_the_plural_forms_only():
    messages = _messages(FOLDER / "focusapp_en.ts")
    assert messages and all(numerus for _, _, numerus in messages)
    for (_, source, _), (forms, kind) in messages.items():
        assert kind is None and len(forms) == 2 and forms[1] == source


def test_words_spelled_out_for_the_tools_equal_the_domains():
    assert {n: energy_word(n) for n in ENERGY_LABELS} == ENERGY_LABELS


@pytest.fixture
def compiled(tmp_path, monkeypatch):
    """Compile the catalogues into a temporary assets folder the loader reads."""
    out = tmp_path / "assets" / "translations"
    out.mkdir(parents=True)
    for ts in FOLDER.glob("*.ts"):
        subprocess.run(
            [str(LRELEASE), "-silent", str(ts), "-qm", str(out / (ts.stem + ".qm"))], check=True
        )
    from focusapp.ui import translations

    monkeypatch.setattr(translations, "translations_dir", lambda: out)
    return translations


@pytest.fixture
def installed(qapp, compiled):
    done = []

    def install(name):
        done.extend(compiled.install_translators(qapp, QLocale(name)))

    yield install
    for translator in done:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    wording.install(None)
    numbers.install(None)
    QLocale.setDefault(QLocale.c())


def test_german_locale_translates_the_window_and_the_wording(qtbot, installed):
    from focusapp.ui.tray import TrayStatus, tooltip_text
    from focusapp.wording.levels import level_word

    installed("de_DE")
    assert QCoreApplication.translate("MainMenus", "&Quit") == "&Beenden"
    assert level_word("very_high") == "Sehr hoch"
    assert tooltip_text(TrayStatus(checked_in=False)).startswith("Heute: noch nicht eingecheckt")
    assert QCoreApplication.translate("DashboardHeader", "Not yet (%n more check-ins)", "", 1) == (
        "Noch nicht (noch 1 Check-in)"
    )
    from focusapp.ui.locale_text import day_text

    format_ = QCoreApplication.translate("DayEditor", "dddd dd MMMM yyyy")
    assert day_text(dt.date(2026, 12, 1), format_) == "Dienstag, 1. Dezember 2026"
    # Qt's own catalogue names the standard buttons.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_what_a_start_found_is_said_in_german_in_the_window_and_the_tray(qtbot, installed):
    from focusapp.domain.phrases import Phrase
    from focusapp.services.backups import StartupReport
    from focusapp.storage.startup_words import (
        BACKUP_CONTEXT,
        BACKUP_DAYS,
        CONTEXT,
        NEWEST_BACKUP,
        NO_BACKUP,
        NO_DAILY_BACKUP,
    )
    from focusapp.ui.recovery import RecoveryDialog
    from focusapp.wording.phrase_lines import phrase_line, said_line
    from focusapp.wording.phrases import say

    installed("de_DE")
    failed = Phrase(CONTEXT, NO_DAILY_BACKUP, error="No space left on device")
    dialog = RecoveryDialog(StartupReport(messages=[failed, Phrase(CONTEXT, NO_BACKUP)]), False)
    qtbot.addWidget(dialog)
    assert dialog.text.text() == (
        "<p>Die automatische Sicherung von heute konnte nicht angelegt werden: "
        "No space left on device.</p>"
        "<p>Es gibt keine Sicherung, aus der wiederhergestellt werden könnte.</p>"
    )
    assert said_line(phrase_line(failed)).startswith("Die automatische Sicherung von heute")
    assert str(failed).startswith("Today's automatic backup")  # the command line's English
    span = Phrase(BACKUP_CONTEXT, BACKUP_DAYS, days=3, first="2026-11-01", last="2026-11-05")
    newest = Phrase(CONTEXT, NEWEST_BACKUP, made="2026-12-03 04:12", what=span)
    assert say(newest) == (
        "Ihre neueste intakte Sicherung ist vom 2026-12-03 04:12 "
        "(3 Tage, 2026-11-01 bis 2026-11-05); Sie können sie wiederherstellen."
    )


def test_english_locale_has_english_plurals(installed):
    installed("en_US")
    assert QCoreApplication.translate("DashboardHeader", "Not yet (%n more check-ins)", "", 1) == (
        "Not yet (1 more check-in)"
    )
    assert QCoreApplication.translate("DashboardHeader", "Not yet (%n more check-ins)", "", 2) == (
        "Not yet (2 more check-ins)"
    )
    assert QCoreApplication.translate("MainMenus", "&Quit") == "&Quit"


@pytest.mark.slow
def test_command_line_stays_english_under_a_german_locale(tmp_path):
    def run(*args, lang):
        env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE="")
        return subprocess.run(
            [sys.executable, "-m", "focusapp", *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        ).stdout

    assert run("--help", lang="de_DE.UTF-8") == run("--help", lang="C.UTF-8")
    run("log", "--energy", "2", "--coding", "1h", lang="de_DE.UTF-8")
    assert run("show", lang="de_DE.UTF-8") == run("show", lang="C.UTF-8")
    assert "Energy" in run("show", lang="de_DE.UTF-8")


# --- the domain's sentences in a German window -------------------------------------------------

STRAINED_WEEK = [
    CheckIn(
        dt.date(2026, 11, 1) + dt.timedelta(days=n),
        energy=2,
        coding_minutes=90,
        meeting_minutes=270,
        sleep_hours=6.5,
    )
    for n in range(30)
]


def test_german_window_shows_the_risk_explanations_and_messages_with_a_decimal_comma(installed):
    from focusapp.domain.risk import assess_day
    from focusapp.wording.phrases import say

    assessment = assess_day(STRAINED_WEEK, dt.date(2026, 11, 30))
    english = assessment.factors["exhaustion"].explanation
    assert english == "Energy on work days averaged 2.0/5 over the last 7 days (your usual: 2.0)."
    installed("de_DE")
    assert say(english) == (
        "Deine Energie an Arbeitstagen lag in den letzten 7 Tagen im Mittel bei 2,0/5 "
        "(dein üblicher Wert: 2,0)."
    )
    assert say(assessment.factors["recovery"].explanation) == (
        "28 oder mehr Arbeitstage am Stück ohne Ruhetag. Dein Schlaf lag im Mittel bei 6,5 h "
        "(Erwachsene brauchen 7 h oder mehr)."
    )
    assert "(im Mittel 4,5 h pro Arbeitstag)" in say(assessment.factors["meeting_load"].explanation)
    message = say(assessment.message or "")
    # The high level quotes the first sentences of its top factors, keeping German's capitals.
    assert message.startswith(
        "Seit mindestens einer Woche kommen mehrere Belastungssignale zusammen: Deine Energie an "
        "Arbeitstagen lag in den letzten 7 Tagen im Mittel bei 2,0/5 (dein üblicher Wert: 2,0); "
        "und 28 oder mehr Arbeitstage am Stück ohne Ruhetag. Das ist ein guter Moment zu handeln"
    )
    # The command line and the JSON export read the very same value, still English.
    assert assessment.message.startswith(
        "Several strain signals have lined up for at least a week: energy on work days averaged "
        "2.0/5 over the last 7 days (your usual: 2.0); and 28 or more consecutive"
    )
    assert "(avg 4.5 h per work day)" in assessment.factors["meeting_load"].explanation


def test_german_check_in_form_shows_the_validation_messages(qtbot, installed):
    from focusapp.ui.checkin_form import CheckInForm

    installed("de_DE")
    form = CheckInForm(dt.date(2026, 11, 3))
    qtbot.addWidget(form)
    form.coding.setText("lots")
    form.sleep.setText("25,5")
    form.submit()
    coding = form.findChild(type(form.title), "error_coding_minutes")
    sleep = form.findChild(type(form.title), "error_sleep_hours")
    assert coding.text().startswith("'lots' ist keine Dauer; erlaubt sind 90, 90m")
    assert sleep.text() == "25,5 Stunden liegen außerhalb von 0-24"


def test_german_import_problems_keep_their_field_names(installed):
    from focusapp.domain.validation import problems_in
    from focusapp.wording.phrases import say

    (problem,) = problems_in(CheckIn(dt.date(2026, 11, 3), energy=7), dt.date(2026, 11, 3))
    installed("de_DE")
    assert say(problem.text) == "energy: 7 liegt außerhalb von 1-5"
    assert str(problem) == "energy: 7 is outside 1-5"


def test_german_window_writes_hours_with_a_decimal_comma(installed):
    from focusapp.ui.dashboard.detail import _hours
    from focusapp.wording.lookahead import projection_assumptions

    installed("de_DE")
    assert _hours(4.5) == "4,5 h"
    assert "bei 3,2/5 und deine Coding-Zeit bei 4,5 h pro Tag" in projection_assumptions(
        3.2, 270, 9
    )


def test_english_window_and_command_line_keep_the_decimal_point(installed):
    from focusapp.domain.validation import problems_in
    from focusapp.ui.dashboard.detail import _hours
    from focusapp.wording.phrases import say

    (problem,) = problems_in(CheckIn(dt.date(2026, 11, 3), sleep_hours=25.5), dt.date(2026, 11, 3))
    assert say(problem.message) == problem.message == "25.5 hours is outside 0-24"
    installed("en_US")
    assert _hours(4.5) == "4.5 h"
    assert say(problem.message) == "25.5 hours is outside 0-24"
