"""`tilanne backup`: a copy made with SQLite's online backup API, also while a run writes, and a
restore from it (docs/operations.md, "Backup and restore")."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time

from conftest import BIN, run_tilanne, write_config, write_period_configs

def history_json(config):
    result = run_tilanne("history", "--json", "--runs", "100", "--config", config)
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    return listing["periods"], listing["runs"]



def test_backup_then_restore_gives_back_the_same_history(tmp_path):
    first, second = write_period_configs(tmp_path)
    assert run_tilanne("publish", "--config", first).returncode == 1
    assert run_tilanne("freeze", "--config", first).returncode == 0
    assert run_tilanne("run", "--config", second).returncode == 1
    assert run_tilanne("run", "--config", second).returncode == 0
    before = history_json(second)
    made = run_tilanne("backup", tmp_path / "Backups", "--config", second)
    assert made.returncode == 0, made.stderr
    (copy,) = (tmp_path / "Backups").iterdir()
    assert copy.name.startswith("tilanne-history-2-2024-") and copy.suffix == ".sqlite"
    assert "3 ajoa, 1 jäädytettyä kautta" in made.stdout  # publish, then two nights of 2/2024
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # The original is lost: the next run refuses the damaged file, the restore brings it all back.
    database = tmp_path / "State" / "tilanne-history.sqlite"
    with open(database, "r+b") as damaged:
        damaged.seek(4096)
        damaged.write(b"\xff" * 4096)
    assert run_tilanne("run", "--config", second).returncode == 5
    database.unlink()
    shutil.copy2(copy, database)
    assert history_json(second) == before
    assert run_tilanne("run", "--config", second).returncode == 0  # unchanged since the restored run



def test_backup_while_a_run_writes_holds_the_history_before_that_run(tmp_path):
    config = write_config(tmp_path)
    assert run_tilanne("run", "--config", config).returncode == 1
    marker = tmp_path / "paused"
    env = dict(os.environ, TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE=str(marker))
    process = subprocess.Popen([str(BIN), "run", "--force", "--config", str(config)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "the run never reached the history write"
            time.sleep(0.05)
        started = time.monotonic()
        made = run_tilanne("backup", tmp_path / "Backups", "--config", config)
        took = time.monotonic() - started
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert made.returncode == 0, made.stderr
    assert took < 20, f"the backup waited {took:.0f} s for the run"
    (copy,) = (tmp_path / "Backups").iterdir()
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # The first run whole, nothing of the half-written one.
        assert db.execute("SELECT count(*) FROM run").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM runAction").fetchone() == (77,)



def test_backup_without_a_history_is_a_configuration_error(tmp_path):
    config = write_config(tmp_path, extra_replacements=[("history:\n  state_folder: ../State\n  stale_after_periods: 2\n", "")])
    result = run_tilanne("backup", tmp_path / "Backups", "--config", config)
    assert result.returncode == 3 and "history" in result.stderr
