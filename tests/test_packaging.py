"""The wheel carries its resources and migrations, and an installed copy (not editable) works."""

import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "focusapp").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    assert found <= listed
    assert "focusapp.assets" in listed


def test_desktop_entry_matches_the_packaged_one(tmp_path):
    from focusapp.system.desktop_entry import install, menu_entry, uninstall

    packaged = (ROOT / "packaging" / "linux" / "io.github.focusapp.FocusApp.desktop").read_text()

    def keys(text):
        return {
            line.split("=", 1)[0]: line.split("=", 1)[1]
            for line in text.splitlines()
            if "=" in line
        }

    ours, theirs = keys(menu_entry(["/opt/focus app/focusapp"])), keys(packaged)
    assert ours.pop("Exec") == '"/opt/focus app/focusapp"'
    theirs.pop("Exec")
    assert ours == theirs
    written = install(tmp_path, ["/usr/bin/focusapp"])
    assert (tmp_path / "applications" / "io.github.focusapp.FocusApp.desktop") in written
    assert (tmp_path / "icons/hicolor/256x256/apps/io.github.focusapp.FocusApp.png").is_file()
    assert (tmp_path / "icons/hicolor/scalable/apps/io.github.focusapp.FocusApp.svg").is_file()
    if (
        subprocess.run(
            ["which", "desktop-file-validate"], capture_output=True, check=False
        ).returncode
        == 0
    ):
        result = subprocess.run(
            ["desktop-file-validate", str(written[0])], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert len(uninstall(tmp_path)) == len(written)
    assert not list(tmp_path.rglob("*.desktop"))


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = list(dist.glob("focusapp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "focusapp/assets/icons/tray-pending.svg" in names
    assert "focusapp/assets/icons/hicolor/256x256/apps/io.github.focusapp.FocusApp.png" in names
    assert any(n.startswith("focusapp/storage/migrations/versions/0001_") for n in names)
    assert "focusapp/storage/migrations/script.py.mako" in names
    # Compiled from resources/translations/*.ts by the build (setup.py), not taken from git.
    assert "focusapp/assets/translations/focusapp_de.qm" in names
    assert "focusapp/assets/translations/focusapp_en.qm" in names
    assert not any(n.endswith(".ts") for n in names)
    assert not any(n.startswith("tests/") for n in names)
    print(f"wheel size: {wheel.stat().st_size / 1024:.0f} KiB")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies come from this environment's site-packages, added as a plain path:
    # its .pth files (the editable install of the checkout) are not processed that way.
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            site,
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FOCUSAPP_DATA_DIR=str(tmp_path / "data"))
    env.pop("PYTHONPATH", None)

    def focusapp(*args, **extra):
        return subprocess.run(
            [str(python), "-m", "focusapp", *args],
            capture_output=True,
            text=True,
            env=dict(env, **extra),
            cwd=tmp_path,
            check=False,
            timeout=120,
        )

    where = subprocess.run(
        [str(python), "-c", "import focusapp.system.resources as r; print(r.resources_dir())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert where.startswith(site), where
    catalogue = subprocess.run(
        [
            str(python),
            "-c",
            "from focusapp.ui.translations import translations_dir as d; "
            "print((d() / 'focusapp_de.qm').stat().st_size)",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert int(catalogue) > 10_000
    assert focusapp("--version").returncode == 0
    assert focusapp("log", "--energy", "4", "--coding", "1h").returncode == 0
    export = focusapp("export", "--format", "json")
    assert export.returncode == 0 and '"energy": 4' in export.stdout
    gui = focusapp(FOCUSAPP_EXIT_AFTER_READY="1")
    assert gui.returncode == 0, gui.stderr[-2000:]
