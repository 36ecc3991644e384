"""Acceptance tests: run the built `tilanne` command on the real Kuopio table and open its
outputs the way their readers do (openpyxl, LibreOffice, Chromium with axe-core)."""
import csv
import io
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("TILANNE_BIN", ROOT / ".build" / "debug" / "tilanne"))


def require_tool(command, what, package):
    """Skip, saying why, when an outside program is missing; in CI (TILANNE_REQUIRE_TOOLS=1) fail."""
    path = shutil.which(command)
    if path:
        return path
    message = f"{what} ({command}) is not installed: install {package} or run `make test-tools`"
    if os.environ.get("TILANNE_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


PROGRAMME_FILE = "kasvava-kuopio-ohjelma.yml"


def write_config(folder, *, source=None, extra_replacements=()):
    """The shipped Kuopio config and its programme file with absolute paths, writing into
    folder/Output. Each replacement applies to whichever of the two files holds its text."""
    text = (ROOT / "Config" / "tilanne.yml").read_text(encoding="utf-8")
    programme = (ROOT / "Config" / PROGRAMME_FILE).read_text(encoding="utf-8")
    text = text.replace("path: ../Input/kasvava-kuopio-tilanne-{period}.csv",
                        f"path: {source or ROOT / 'Input' / 'kasvava-kuopio-tilanne-1-2024.csv'}")
    text = text.replace("folder: ../Output", f"folder: {folder / 'Output'}")
    programme = programme.replace("path: ../Input/mittarit/", f"path: {ROOT / 'Input' / 'mittarit'}/")
    for old, new in extra_replacements:
        if old in text:
            text = text.replace(old, new)
        else:
            assert old in programme, old
            programme = programme.replace(old, new)
    config = folder / "Config" / "tilanne.yml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    (config.parent / PROGRAMME_FILE).write_text(programme, encoding="utf-8")
    return config


def larger_table(folder, copies=130):
    """The Kuopio table repeated with numbered actions (77 a copy; 130 copies: about 10,000 rows,
    8 MB of reports)."""
    text = (ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(rows[0])
    for copy in range(copies):
        for row in rows[1:]:
            writer.writerow(row[:4] + [f"{row[4]} ({copy + 1})"] + row[5:])
    path = folder / "larger.csv"
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    return path


def reports_in(folder):
    """The report files in an output folder (the run lock `.tilanne.lock` and temporary files are not reports)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []


def run_tilanne(*args, cwd=None):
    assert BIN.exists(), f"{BIN} is missing: build it with `make build-debug`"
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="session")
def kuopio_run(tmp_path_factory):
    """One real run of the shipped configuration; returns (result, output folder)."""
    folder = tmp_path_factory.mktemp("kuopio")
    config = write_config(folder)
    result = run_tilanne("run", "--config", config, "--dump-model", folder / "model.json")
    return result, folder / "Output"


SECOND_PERIOD = ROOT / "Tests" / "TilanneCoreTests" / "Fixtures" / "kuopio-tilanne-2-2024.csv"


def write_period_configs(folder):
    """Period 1/2024 (the real table) and 2/2024 (the edited copy), sharing one state folder.
    A new period is one edit: the status column's header follows {period}."""
    history = ("state_folder: ../State", f"state_folder: {folder / 'State'}")
    first = write_config(folder / "p1", extra_replacements=[history])
    # The edited table in an input folder of its own, as a city keeps it: beside the other
    # fixtures it would be one of many files no source reads (source.unread-file).
    (folder / "p2-input").mkdir(parents=True, exist_ok=True)
    table = shutil.copy(SECOND_PERIOD, folder / "p2-input" / SECOND_PERIOD.name)
    second = write_config(folder / "p2", source=table, extra_replacements=[
        history, ('period: "1/2024"', 'period: "2/2024"')])
    return first, second


@pytest.fixture(scope="session")
def second_period_run(tmp_path_factory):
    """1/2024 published and frozen, then a run of 2/2024; returns (result, output folder of 2/2024)."""
    folder = tmp_path_factory.mktemp("periods")
    first, second = write_period_configs(folder)
    published = run_tilanne("publish", "--config", first)
    assert published.returncode == 1, published.stderr
    frozen = run_tilanne("freeze", "--config", first)
    assert frozen.returncode == 0, frozen.stderr
    result = run_tilanne("run", "--config", second)
    return result, folder / "p2" / "Output"


# A child's peak memory (ru_maxrss) counts the image it was forked from until it executes the
# command, so a command started straight from pytest reports at least pytest's own size (156 MiB
# late in the suite, after openpyxl and Chromium tests). A small Python without its site
# packages starts the command instead and reports the command's peak alone.
_PEAK_HELPER = r'''
import os, signal, sys
limit = float(sys.argv[2])
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[3], sys.argv[3:])
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, limit)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
'''


def run_measured(*args, limit=120, cwd=None):
    """Runs the command; returns (wall seconds, peak MiB of the command alone, exit code, stdout,
    stderr). The command is killed past `limit` seconds."""
    import sys
    import tempfile
    import time
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as report:
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-S", "-c", _PEAK_HELPER, report.name, str(limit), str(BIN), *map(str, args)],
                                capture_output=True, text=True, cwd=cwd, timeout=limit + 60)
        wall = time.monotonic() - started
        peak_kib, code = report.read().split()
    return wall, int(peak_kib) / 1024, int(code), result.stdout, result.stderr
