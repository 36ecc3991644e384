"""Files others can write to: the output folder, the journal in it, the history database. A link
planted in the output folder is never written through, a name that leaves its folder or takes
another file's place is a configuration error (exit 3), a journal entry that can never complete
does not block later runs, and a damaged or empty history database is refused (exit 5) and left
as it is."""
import os
import sqlite3
import subprocess

from conftest import BIN, reports_in, run_tilanne, write_config

XLSX = "kasvava-kuopio-tilanne-1-2024.xlsx"
CSV = "kasvava-kuopio-tilanne-1-2024.csv"
OUTSIDE = b"not the report's to overwrite\n"


def outside_file(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(OUTSIDE)
    return outside


def test_a_lock_file_that_is_a_link_is_refused_and_its_target_kept(tmp_path):
    config = write_config(tmp_path)
    outside = outside_file(tmp_path)
    output = tmp_path / "Output"
    output.mkdir()
    (output / ".tilanne.lock").symlink_to(outside)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 4, result.stderr
    assert ".tilanne.lock" in result.stderr and "symbolic link" in result.stderr
    assert outside.read_bytes() == OUTSIDE
    assert reports_in(output) == []


def test_a_link_planted_at_a_temporary_file_name_is_not_written_through(tmp_path):
    """The temporary names of earlier versions (`.name.PID.tmp`) are planted as links to an
    outside file while the run goes, as fast as they are removed."""
    config = write_config(tmp_path)
    outside = outside_file(tmp_path)
    output = tmp_path / "Output"
    output.mkdir()
    names = [XLSX, CSV, "kasvava-kuopio-tilanne-1-2024.html", "kasvava-kuopio-tilanne-1-2024-sv.xlsx",
             "kasvava-kuopio-tilanne-1-2024-sv.csv", "kasvava-kuopio-tilanne-1-2024-sv.html"]
    process = subprocess.Popen([str(BIN), "run", "--quiet", "--config", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    links = [output / f".{name}.{process.pid}.tmp" for name in names]
    while process.poll() is None:
        for link in links:
            try:
                link.symlink_to(outside)
            except FileExistsError:
                pass
    assert outside.read_bytes() == OUTSIDE
    assert process.returncode == 1, process.stderr.read()
    for name in names:
        report = output / name
        assert report.is_file() and not report.is_symlink(), name
    assert (output / XLSX).read_bytes()[:2] == b"PK"


def test_the_run_log_in_the_output_folder_is_not_appended_through_a_link(tmp_path):
    """Without a history the run log is kept in the output folder, beside the reports."""
    config = write_config(tmp_path, extra_replacements=[("history:\n  state_folder: ../State\n  stale_after_periods: 2\n", "")])
    outside = outside_file(tmp_path)
    output = tmp_path / "Output"
    output.mkdir()
    (output / "tilanne-runs.log").symlink_to(outside)
    result = run_tilanne("run", "--quiet", "--config", config)
    assert outside.read_bytes() == OUTSIDE
    assert result.returncode == 1 and "tilanne-runs.log" in result.stderr, result.stderr
    assert (output / XLSX).is_file()


GROUP = """
groups:
  - name: Elinvoiman ohjausryhmä
    folder: {folder}
    items: ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"]
    formats: [xlsx, csv]
"""


def config_error(result, key):
    assert result.returncode == 3, (result.returncode, result.stderr)
    line = [line for line in result.stderr.splitlines() if key in line]
    assert line, result.stderr
    return line[0]


def test_a_group_folder_that_is_the_output_folder_is_a_configuration_error(tmp_path):
    for index, folder in enumerate([".", "./", "ohjausryhma/.."]):
        base = tmp_path / str(index)
        config = write_config(base)
        config.write_text(config.read_text(encoding="utf-8") + GROUP.format(folder=f'"{folder}"'), encoding="utf-8")
        line = config_error(run_tilanne("run", "--config", config), "groups[0].folder")
        number = config.read_text(encoding="utf-8").splitlines().index(f'    folder: "{folder}"') + 1
        assert f"tilanne.yml:{number}:" in line, line
        assert reports_in(base / "Output") == []


def test_a_group_folder_that_is_a_link_is_not_written_through(tmp_path):
    config = write_config(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + GROUP.format(folder="elinvoima"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "Output").mkdir()
    (tmp_path / "Output" / "elinvoima").symlink_to(elsewhere, target_is_directory=True)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 9, result.stderr  # the main reports were published before the group's folder
    assert "elinvoima: not a folder (a symbolic link)" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_two_groups_in_one_folder_are_a_configuration_error(tmp_path):
    config = write_config(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + GROUP.format(folder="elinvoima")
                      + GROUP.split("groups:\n")[1].format(folder="./elinvoima/"), encoding="utf-8")
    line = config_error(run_tilanne("run", "--config", config), "groups[1].folder")
    assert "already writes into the folder" in line


def test_an_output_file_name_of_dot_dot_is_a_configuration_error_not_a_failure_every_night(tmp_path):
    config = write_config(tmp_path, extra_replacements=[("xlsx: kasvava-kuopio-tilanne-{period}.xlsx", 'xlsx: ".."')])
    for _ in range(2):
        line = config_error(run_tilanne("run", "--config", config), "outputs.file_names.xlsx")
        assert '".."' in line
    assert reports_in(tmp_path / "Output") == []


def test_a_report_named_like_the_history_database_or_the_lock_is_a_configuration_error(tmp_path):
    cases = [
        # The state folder is the output folder, and a report takes the database's name.
        [("state_folder: ../State", "state_folder: ../Output"), ("csv: kasvava-kuopio-tilanne-{period}.csv", "csv: tilanne-history.sqlite")],
        [("html: kasvava-kuopio-tilanne-{period}.html", "html: .tilanne.lock")],
        [("html: kasvava-kuopio-tilanne-{period}.html", "html: .tilanne-publish.journal")],
        [("html: kasvava-kuopio-tilanne-{period}.html", "html: kasvava-kuopio-tilanne-{period}.csv")],
    ]
    for index, replacements in enumerate(cases):
        base = tmp_path / str(index)
        config = write_config(base, extra_replacements=replacements)
        key = "outputs.file_names.csv" if index == 0 else "outputs.file_names.html"
        line = config_error(run_tilanne("run", "--config", config), key)
        assert "tilanne.yml:" in line
        # No report; the run summary and log line of the failed run only (case 0 keeps its state there).
        assert [name for name in reports_in(base / "Output") if name not in ("last-run.json", "tilanne-runs.log")] == []
        assert not (base / "State" / "tilanne-history.sqlite").exists()


def test_a_journal_entry_that_can_never_complete_is_reported_and_dropped(tmp_path):
    config = write_config(tmp_path)
    output = tmp_path / "Output"
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 1
    before = (output / XLSX).read_bytes()
    (output / ".kasvava-kuopio-tilanne-1-2024.xlsx.99999.tmp").write_bytes(before)
    (output / ".tilanne-publish.journal").write_text(".kasvava-kuopio-tilanne-1-2024.xlsx.99999.tmp\t..\n")
    result = run_tilanne("run", "--quiet", "--config", config)
    assert result.returncode == 0, result.stderr  # inputs unchanged: the reports stay
    assert ".tilanne-publish.journal:1:" in result.stderr and "dropped" in result.stderr and '".."' in result.stderr
    assert not (output / ".tilanne-publish.journal").exists()
    assert [p.name for p in output.iterdir() if p.name.startswith(".") and p.name != ".tilanne.lock"] == []
    assert (output / XLSX).read_bytes() == before
    again = run_tilanne("run", "--quiet", "--force", "--config", config)
    assert again.returncode == 1 and again.stderr == "", again.stderr


def test_an_empty_history_file_is_refused_not_initialised(tmp_path):
    config = write_config(tmp_path)
    database = tmp_path / "State" / "tilanne-history.sqlite"
    database.parent.mkdir()
    database.write_bytes(b"")
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 5, result.stderr
    assert "tilanne-history.sqlite" in result.stderr and "0 bytes" in result.stderr
    assert database.read_bytes() == b""
    assert reports_in(tmp_path / "Output") == []


def damage_a_page(database):
    """Breaks the b-tree page header of the table that holds a run's rows, as a bad sector or a
    stray write would; the file's first page and size stay as they were."""
    with sqlite3.connect(database) as db:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'runAction'").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(database.read_bytes())
    offset = (root - 1) * page_size
    assert data[offset] in (0x05, 0x0D)  # an interior or leaf table page
    data[offset:offset + 8] = b"\x01\xff\xff\xff\xff\xff\xff\xff"
    database.write_bytes(bytes(data))
    db = sqlite3.connect(database)
    try:
        sound = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:  # "database disk image is malformed"
        sound = False
    db.close()
    assert not sound


def test_a_damaged_page_in_the_history_is_found_before_anything_is_written(tmp_path):
    config = write_config(tmp_path)
    output = tmp_path / "Output"
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 1
    database = tmp_path / "State" / "tilanne-history.sqlite"
    damage_a_page(database)
    damaged = database.read_bytes()
    reports = {name: (output / name).read_bytes() for name in reports_in(output)}
    for args in (["run"], ["run", "--force"]):
        result = run_tilanne(*args, "--config", config)
        assert result.returncode == 5, result.stderr
        assert "damaged" in result.stderr and "quick_check" in result.stderr
        assert database.read_bytes() == damaged
        assert not os.path.exists(str(database) + "-journal")
        assert {name: (output / name).read_bytes() for name in reports_in(output)} == reports


def test_a_group_folder_in_the_archive_or_the_requests_folder_is_a_configuration_error(tmp_path):
    """The council editions' archive and the request workbooks have folders of their own in the
    output folder; a group writing there would mix its files into them."""
    for index, (folder, what) in enumerate([("arkisto", "the archive of published periods"),
                                            ("pyynnot/elinvoima", "the request workbooks' folder")]):
        base = tmp_path / str(index)
        config = write_config(base)
        config.write_text(config.read_text(encoding="utf-8") + GROUP.format(folder=folder), encoding="utf-8")
        line = config_error(run_tilanne("run", "--config", config), "groups[0].folder")
        assert what in line, line
        assert reports_in(base / "Output") == []
