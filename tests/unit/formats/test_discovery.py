from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.formats.discovery import vdirs
from focusapp.formats.discovery.discover import discover_sources
from focusapp.formats.discovery.mail_apps import evolution_names
from focusapp.formats.discovery.places import FoundSource, SourceKind
from focusapp.formats.thunderbird import thunderbird_names

EDS_CACHE = Path(__file__).resolve().parents[2] / "data" / "evolution" / "webcal-cache.db"
EVENT = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def item(folder: Path, uid: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{uid}.ics").write_text(EVENT.format(uid=uid), encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def by_path(found: list[FoundSource]) -> dict[Path, FoundSource]:
    return {source.path: source for source in found}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_nothing_found_in_an_empty_home(home: Path) -> None:
    home.mkdir()
    assert discover_sources(home, {}) == []


def test_vdirs_in_the_usual_places(home: Path) -> None:
    item(home / ".calendars" / "work", "a")
    item(home / ".calendars" / "work", "b")
    item(home / ".calendars" / "home", "c")
    write(home / ".calendars" / "work" / "displayname", "Work")
    item(home / ".local/share/vdirsyncer/calendars/team", "d")
    item(home / ".local/share/khal/calendars/private", "e")

    found = by_path(discover_sources(home, {}))

    calendars = found[home / ".calendars"]
    assert (calendars.kind, calendars.names, calendars.item_count, calendars.found_by) == (
        SourceKind.VDIR,
        ("home", "Work"),
        3,
        "~/.calendars",
    )
    assert found[home / ".local/share/vdirsyncer/calendars"].names == ("team",)
    assert found[home / ".local/share/khal/calendars"].names == ("private",)


def test_xdg_data_home_from_the_environment_is_used(home: Path, tmp_path: Path) -> None:
    item(tmp_path / "xdg-data" / "calendars" / "work", "a")
    item(home / ".local/share/calendars/ignored", "b")

    found = by_path(discover_sources(home, {"XDG_DATA_HOME": str(tmp_path / "xdg-data")}))

    assert tmp_path / "xdg-data" / "calendars" in found
    assert home / ".local/share/calendars" not in found


def test_a_relative_xdg_value_is_ignored_as_the_spec_says(home: Path) -> None:
    item(home / ".local/share/calendars/work", "a")
    found = by_path(discover_sources(home, {"XDG_DATA_HOME": "relative/path"}))
    assert home / ".local/share/calendars" in found


VDIRSYNCER_CONFIG = """
[general]
status_path = "~/.vdirsyncer/status/"

[pair cal]
a = "my_calendars"
b = "remote"
collections = ["from a", "from b"]

[storage my_calendars]
type = "filesystem"
path = "~/Sync/cal/"
fileext = ".ics"

[storage contacts]
type = "filesystem"
path = "~/Sync/contacts/"
fileext = ".vcf"

[storage remote]
type = "caldav"
url = "https://example.org/dav/"
password.fetch = ["command", "pass", "dav"]
"""


def test_vdirsyncer_config_storages(home: Path) -> None:
    write(home / ".config/vdirsyncer/config", VDIRSYNCER_CONFIG)
    item(home / "Sync/cal/personal", "a")
    item(home / "Sync/contacts/default", "x")

    found = discover_sources(home, {})

    assert [(s.path, s.names, s.found_by) for s in found] == [
        (home / "Sync/cal", ("personal",), "~/.config/vdirsyncer/config [storage my_calendars]")
    ]


def test_vdirsyncer_config_named_by_the_environment_wins(home: Path, tmp_path: Path) -> None:
    named = write(
        tmp_path / "elsewhere.conf", VDIRSYNCER_CONFIG.replace("~/Sync/cal/", str(tmp_path / "cal"))
    )
    item(tmp_path / "cal" / "work", "a")

    found = discover_sources(home, {"VDIRSYNCER_CONFIG": str(named)})

    assert [s.path for s in found] == [tmp_path / "cal"]


def test_vdirsyncer_other_file_extension(home: Path) -> None:
    write(
        home / ".config/vdirsyncer/config",
        '[storage x]\ntype = "filesystem"\npath = "~/cal"\nfileext = ".ical"\n',
    )
    (home / "cal" / "w").mkdir(parents=True)
    (home / "cal" / "w" / "e.ical").write_text(EVENT.format(uid="e"), encoding="utf-8")

    (source,) = discover_sources(home, {})

    assert (source.file_extension, source.item_count) == (".ical", 1)


def test_a_broken_config_is_skipped(home: Path) -> None:
    write(home / ".config/vdirsyncer/config", "[storage x\nthis is = not = ini\n\x00")
    write(home / ".config/khal/config", "[[[[\n")
    item(home / ".calendars" / "work", "a")

    assert [s.path for s in discover_sources(home, {})] == [home / ".calendars"]


KHAL_CONFIG = """
[calendars]

  [[work]]
    path = ~/cals/work
    color = dark blue

  [[birthdays]]
    path = ~/contacts/default
    type = birthdays

  [[others]]
    path = "~/shared/*"
    type = discover

[locale]
timeformat = %H:%M
"""


def test_khal_config_calendars_and_discover_globs(home: Path) -> None:
    write(home / ".config/khal/config", KHAL_CONFIG)
    item(home / "cals/work", "a")
    item(home / "contacts/default", "card")
    item(home / "shared/team", "b")
    item(home / "shared/board", "c")
    (home / "shared/empty").mkdir()

    found = discover_sources(home, {})

    assert [(s.path, s.found_by) for s in found] == [
        (home / "cals/work", "~/.config/khal/config [[work]]"),
        (home / "shared/board", "~/.config/khal/config [[others]]"),
        (home / "shared/team", "~/.config/khal/config [[others]]"),
    ]


def test_a_path_found_twice_is_listed_once_with_the_config_label(home: Path) -> None:
    write(
        home / ".config/vdirsyncer/config",
        '[storage mine]\ntype = "filesystem"\npath = "~/.calendars/"\nfileext = ".ics"\n',
    )
    item(home / ".calendars/work", "a")

    found = discover_sources(home, {})

    assert [(s.path, s.found_by) for s in found] == [
        (home / ".calendars", "~/.config/vdirsyncer/config [storage mine]")
    ]


def test_evolution_caches_and_local_calendars_with_their_names(home: Path) -> None:
    cache = home / ".cache/evolution/calendar/1a2b3c/cache.db"
    cache.parent.mkdir(parents=True)
    shutil.copyfile(EDS_CACHE, cache)
    (home / ".cache/evolution/calendar/trash").mkdir()
    write(
        home / ".config/evolution/sources/1a2b3c.source",
        "[Data Source]\nDisplayName=Team (Google)\nEnabled=true\n",
    )
    write(
        home / ".config/evolution/sources/system-calendar.source",
        "[Data Source]\nDisplayName=Personal\n",
    )
    local = write(
        home / ".local/share/evolution/calendar/system/calendar.ics",
        "BEGIN:VCALENDAR\r\n" + "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n" * 2 + "END:VCALENDAR\r\n",
    )

    found = by_path(discover_sources(home, {}))

    assert (found[cache].kind, found[cache].names, found[cache].item_count) == (
        SourceKind.EVOLUTION_CACHE,
        ("Team (Google)",),
        5,
    )
    assert (found[local].kind, found[local].names, found[local].item_count) == (
        SourceKind.EVOLUTION_LOCAL,
        ("Personal",),
        2,
    )


def test_an_unreadable_evolution_cache_is_listed_without_a_count(home: Path) -> None:
    cache = write(home / ".cache/evolution/calendar/abc/cache.db", "not a database")

    (source,) = discover_sources(home, {})

    assert (source.path, source.names, source.item_count) == (cache, ("abc",), None)


def test_evolution_names_skip_files_without_a_display_name(tmp_path: Path) -> None:
    write(tmp_path / "a.source", "[Data Source]\nDisplayName = Work\n")
    write(tmp_path / "b.source", "[Other]\nDisplayName=No\n")
    write(tmp_path / "c.source", "garbage without sections")
    assert evolution_names(tmp_path) == {"a": "Work"}


def make_thunderbird(path: Path, rows: list[tuple[str, str, str | None]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE cal_events (cal_id TEXT, id TEXT, recurrence_id INTEGER)")
        connection.executemany("INSERT INTO cal_events VALUES (?, ?, ?)", rows)


def test_thunderbird_profiles_with_calendar_names(home: Path) -> None:
    profile = home / ".thunderbird" / "abcd.default-release"
    make_thunderbird(
        profile / "calendar-data/local.sqlite",
        [("cal-1", "e1", None), ("cal-1", "e2", None), ("cal-1", "e2", 5), ("cal-2", "e3", None)],
    )
    make_thunderbird(profile / "calendar-data/cache.sqlite", [])
    write(
        profile / "prefs.js",
        'user_pref("calendar.registry.cal-1.name", "Home \\"private\\"");\n'
        'user_pref("calendar.registry.cal-1.type", "storage");\n'
        'user_pref("calendar.registry.cal-2.name", "Birthdays");\n',
    )

    found = by_path(discover_sources(home, {}))

    local = found[profile / "calendar-data/local.sqlite"]
    assert (local.kind, local.names, local.item_count, local.found_by) == (
        SourceKind.THUNDERBIRD,
        ('Home "private"', "Birthdays"),
        3,
        "~/.thunderbird/abcd.default-release",
    )
    assert found[profile / "calendar-data/cache.sqlite"].item_count == 0


def test_thunderbird_names_without_prefs(tmp_path: Path) -> None:
    assert thunderbird_names(tmp_path / "prefs.js") == {}


def test_discovery_never_executes_a_config(home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    write(
        home / ".config/vdirsyncer/config",
        f'[storage x]\ntype = "filesystem"\npath.fetch = ["command", "touch", "{marker}"]\n',
    )
    discover_sources(home, {})
    assert not marker.exists()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("[]=#'\" \nabcpath~/*"), max_size=200))
def test_the_khal_reader_never_fails_on_any_text(text: str) -> None:
    for name, values in vdirs._khal_calendars(text):
        assert isinstance(name, str)
        assert all(isinstance(v, str) for v in values.values())


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_discovery_never_fails_on_any_config_text(home: Path, text: str) -> None:
    for path in (
        home / ".config/vdirsyncer/config",
        home / ".config/khal/config",
        home / ".config/evolution/sources/x.source",
    ):
        write(path, text)
    item(home / ".calendars/work", "a")
    assert home / ".calendars" in by_path(discover_sources(home, {}))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [('"~/cal/"', "~/cal/"), ("~/cal", "~/cal"), ('["a"]', '["a"]'), ('"a\\u00e9"', "aé")],
)
def test_vdirsyncer_values_are_json(raw: str, expected: str) -> None:
    assert vdirs._json_value(raw) == expected
