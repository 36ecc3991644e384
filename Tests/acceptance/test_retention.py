"""operations.keep_runs on real runs: old runs pruned, the one the next night needs kept."""
import sqlite3

from conftest import run_tilanne, write_config

def test_keep_runs_prunes_old_runs_but_not_the_published_one(tmp_path):
    config = write_config(tmp_path, extra_replacements=[
        ("validation:\n", "operations:\n  keep_runs: 2\n\nvalidation:\n")])
    database = tmp_path / "State" / "tilanne-history.sqlite"
    assert run_tilanne("run", "--config", config).returncode == 1
    for _ in range(4):
        assert run_tilanne("run", "--config", config).returncode == 0  # unchanged nights
    with sqlite3.connect(database) as db:
        runs = db.execute("SELECT id, outcome FROM run ORDER BY id").fetchall()
        rows = db.execute("SELECT DISTINCT runId FROM runAction").fetchall()
    # The two newest nights, and the published run the unchanged ones were compared with.
    assert runs == [(1, "published"), (4, "unchanged"), (5, "unchanged")]
    assert rows == [(1,)]
    # And it still is the run the next night compares with: unchanged, nothing rewritten.
    again = run_tilanne("run", "--config", config)
    assert again.returncode == 0 and "raportit ennallaan" in again.stdout
