"""Periods and history through the built command: freeze, re-freeze, the comparison in the
XLSX read back with openpyxl, skipping an unchanged run, and a run killed while it writes the
history leaving the database as it was."""
import os
import signal
import sqlite3
import subprocess
import time

import openpyxl

from conftest import BIN, run_tilanne, write_config, write_period_configs


def test_freeze_refuses_a_frozen_period_unless_forced(tmp_path):
    first, _ = write_period_configs(tmp_path)
    assert run_tilanne("publish", "--config", first).returncode == 1  # published, with the table's warnings
    assert run_tilanne("freeze", "--config", first).returncode == 0
    again = run_tilanne("freeze", "--config", first)
    assert again.returncode == 6
    assert "Kausi 1/2024 on jo jäädytetty" in again.stderr
    forced = run_tilanne("freeze", "--force", "--config", first)
    assert forced.returncode == 0
    assert "aiempi jäädytys korvattiin" in forced.stdout
    listing = run_tilanne("history", "--config", first)
    assert "1/2024" in listing.stdout and "77 toimenpidettä" in listing.stdout


def test_second_period_workbook_lists_exactly_the_changes(second_period_run):
    result, output = second_period_run
    assert result.returncode == 1, result.stderr
    assert "history.uncertain-match" in result.stderr
    book = openpyxl.load_workbook(output / "kasvava-kuopio-tilanne-2-2024.xlsx")
    # The council edition; the coordinator's workbook holds only the lists to work from.
    assert book.sheetnames == ["Tilanne", "Yhteenveto", "Kaavio", "Tiedot", "Mittarit", "Mittarisarjat", "Muutokset"]
    coordinator = openpyxl.load_workbook(output / "kasvava-kuopio-tilanne-2-2024-koordinaattori.xlsx")
    assert coordinator.sheetnames == ["Tarkistukset", "Muutokset", "Päivitettävät"]
    # Its change list has the column of matches to check; the council's has not.
    assert coordinator["Muutokset"].cell(4, 13).value == "Tarkistettava" and book["Muutokset"].cell(4, 13).value is None
    changes = book["Muutokset"]
    assert changes["A1"].value == "Muutokset kaudesta 1/2024 kauteen 2/2024"
    rows = [row for row in changes.iter_rows(min_row=5, values_only=True) if row[0]]
    assert [(r[0], r[2], r[5], r[6], r[7]) for r in rows] == [
        ("Muuttunut", 1, "+", "+", "ennallaan"),
        ("Muuttunut", 1, "+", "+/-", "↓ heikentynyt"),
        ("Muuttunut", 1, "-", "+/-", "↑ parantunut"),
        ("Uusi toimenpide", 2, None, "+", None),
        ("Ei enää raportoitu", 1, "+", None, None),
    ]
    assert rows[0][9] == "Muuttajapalvelujen kehittäminen"  # the previous wording of the reworded action
    status = book["Tilanne"]
    header = [cell.value for cell in status[4]]  # under the title, the dates and the legend
    assert header[-1] == "Muutos (vrt. 1/2024)"
    csv_changes = (output / "kasvava-kuopio-tilanne-2-2024-muutokset.csv").read_text(encoding="utf-8-sig")
    assert csv_changes.count("\nMuuttunut;") == 3 and csv_changes.count("\nUusi toimenpide;") == 1
    assert csv_changes.count("\nEi enää raportoitu;") == 1


def test_unchanged_inputs_leave_the_reports_as_they_are(tmp_path):
    config = write_config(tmp_path)
    assert run_tilanne("run", "--config", config).returncode == 1
    report = tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx"
    before = report.stat().st_mtime_ns
    time.sleep(0.05)
    again = run_tilanne("run", "--config", config)
    assert again.returncode == 0, again.stderr
    assert "raportit ennallaan" in again.stdout
    assert report.stat().st_mtime_ns == before
    assert run_tilanne("run", "--quiet", "--config", config).stdout == ""
    forced = run_tilanne("run", "--force", "--config", config)
    assert forced.returncode == 1
    assert report.stat().st_mtime_ns != before


def runs_in(database):
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute("SELECT count(*) FROM run").fetchone()[0], db.execute("SELECT count(*) FROM runAction").fetchone()[0]


def test_a_run_killed_while_writing_the_history_leaves_it_as_it_was(tmp_path):
    config = write_config(tmp_path)
    database = tmp_path / "State" / "tilanne-history.sqlite"
    assert run_tilanne("run", "--config", config).returncode == 1
    assert runs_in(database) == (1, 77)
    marker = tmp_path / "paused"
    env = dict(os.environ, TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE=str(marker))
    process = subprocess.Popen([str(BIN), "run", "--force", "--config", str(config)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the run never reached the history write"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # Half of the rows were inserted inside the transaction when the process died.
    assert runs_in(database) == (1, 77)
    after = run_tilanne("run", "--force", "--config", config)
    assert after.returncode == 1, after.stderr
    assert runs_in(database) == (2, 154)
