"""The exit-code contract of docs/exit-codes.md, one test per claim: for each code, the run is
made to end that way for real and what was and was not published is checked against what the
page says. A code's row in the page and its test change together."""
import json
import os
import sqlite3
import subprocess
import threading
import time

import pytest

from conftest import BIN, ROOT, reports_in, run_tilanne, write_config

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def snapshot(folder):
    return {name: (folder / name).read_bytes() for name in reports_in(folder) if (folder / name).is_file()}


def published_run(tmp_path, **kwargs):
    """A good first run: the reports a failing later run must leave alone (or replace)."""
    config = write_config(tmp_path, **kwargs)
    first = run_tilanne("run", "--config", config)
    assert first.returncode == 1, first.stderr
    return config, snapshot(tmp_path / "Output")


def summary_of(tmp_path):
    return json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))


def test_0_and_1_done_written(tmp_path):
    config = write_config(tmp_path)
    done = run_tilanne("run", "--config", config)
    assert done.returncode == 1, done.stderr  # the Kuopio table has warnings
    assert "10 varoitusta" in done.stderr  # counted in Finnish, plural as Finnish says it
    assert f"{KUOPIO}.xlsx" in reports_in(tmp_path / "Output")
    again = run_tilanne("run", "--config", config)
    assert again.returncode == 0, again.stderr  # nothing changed: reports left as they were
    assert summary_of(tmp_path)["outcome"] == "unchanged"


def test_2_invalid_input_nothing_written(tmp_path):
    config, before = published_run(tmp_path)
    broken = tmp_path / "broken.csv"
    broken.write_text("Painopiste;Tavoite\r\n1;2\r\n", encoding="utf-8")
    config = write_config(tmp_path, source=broken)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 2, result.stderr
    assert snapshot(tmp_path / "Output") == before


def test_2_a_raised_translation_finding_fails_the_run_and_is_printed(tmp_path):
    """translation.missing raised to error with fail_on: error stops the run: the policy
    judges the translations' findings with the rest, before anything is published."""
    config, before = published_run(tmp_path)
    config = write_config(tmp_path, extra_replacements=[
        ("validation:\n  fail_on: error", "validation:\n  fail_on: error\n  severity:\n    translation.missing: error")])
    result = run_tilanne("run", "--force", "--config", config)
    assert result.returncode == 2, result.stderr
    assert "virhe [translation.missing]" in result.stderr
    assert "Teksti puuttuu ruotsiksi" in result.stderr
    assert snapshot(tmp_path / "Output") == before


def test_3_bad_configuration_nothing_written(tmp_path):
    config = write_config(tmp_path, extra_replacements=[("fail_on: error", "fail_on: sometimes")])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3, result.stderr
    assert reports_in(tmp_path / "Output") == []
    # Not silent to a monitor: the summary and the log line are where the file says they go.
    summary = summary_of(tmp_path)
    assert summary["outcome"] == "bad-configuration" and summary["exitCode"] == 3
    assert "fail_on" in summary["problem"]
    assert "exit=3 outcome=bad-configuration" in (tmp_path / "State" / "tilanne-runs.log").read_text(encoding="utf-8")


def test_4_output_failed_none_published(tmp_path):
    """The output folder cannot be made (a file stands in its place): exit 4, nothing written.
    That the previous reports stay when the disk fills mid-run is test_full_filesystem.py's."""
    blocked = tmp_path / "Output"
    blocked.write_text("a file where the output folder should be\n")
    config = write_config(tmp_path)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 4, result.stderr
    assert blocked.read_text() == "a file where the output folder should be\n"
    assert summary_of(tmp_path)["outcome"] == "output-failed"


def test_5_history_locked_by_another_process_nothing_published(tmp_path):
    """A history another process holds write-locked is found before publishing: exit 5 and
    the previous reports stay (it used to exit 5 after replacing them)."""
    config, before = published_run(tmp_path)
    changed = tmp_path / "changed.csv"
    changed.write_text((ROOT / "Input" / f"{KUOPIO}.csv").read_text(encoding="utf-8-sig").replace("Talent HUB", "Talent Hub"),
                       encoding="utf-8")
    config = write_config(tmp_path, source=changed)
    database = sqlite3.connect(tmp_path / "State" / "tilanne-history.sqlite", timeout=1, isolation_level=None)
    database.execute("BEGIN IMMEDIATE")
    try:
        result = run_tilanne("run", "--config", config)
    finally:
        database.execute("ROLLBACK")
        database.close()
    assert result.returncode == 5, result.stderr
    assert snapshot(tmp_path / "Output") == before
    assert summary_of(tmp_path)["outcome"] == "history-failed"


def test_6_period_already_frozen(tmp_path):
    config = write_config(tmp_path)
    assert run_tilanne("publish", "--config", config).returncode == 1
    assert run_tilanne("freeze", "--config", config).returncode == 0
    again = run_tilanne("freeze", "--config", config)
    assert again.returncode == 6, again.stderr


def test_7_another_run_holds_the_lock(tmp_path):
    config, before = published_run(tmp_path)
    holder = subprocess.Popen(["flock", str(tmp_path / "Output" / ".tilanne.lock"), "sleep", "30"])
    try:
        time.sleep(0.5)
        result = run_tilanne("run", "--force", "--config", config)
    finally:
        holder.kill()
    assert result.returncode == 7, result.stderr
    assert snapshot(tmp_path / "Output") == before


def write_sendmail(folder, body):
    script = folder / "sendmail"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


GROUP = """
groups:
  - name: Elinvoiman ohjausryhmä
    items: ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"]
    folder: elinvoima
    email: [elinvoima@kuopio.example]

delivery:
  sendmail: [{sendmail}]
  send_on: change
  from: tilanne@kuopio.example
  timeout_seconds: 2

validation:"""


def test_8_a_sendmail_that_never_ends_is_stopped_and_the_run_ends(tmp_path):
    """A hung sendmail used to hold the run (and its lock) forever: it is killed at the
    deadline, the run exits 8 with the reports published and says what happened."""
    sendmail = write_sendmail(tmp_path, "cat > /dev/null; sleep 600")
    config = write_config(tmp_path, extra_replacements=[("validation:", GROUP.format(sendmail=sendmail))])
    started = time.monotonic()
    result = run_tilanne("run", "--config", config)
    took = time.monotonic() - started
    assert result.returncode == 8, result.stderr
    assert took < 30, f"the run took {took:.0f} s"
    assert "did not finish within 2 s and was stopped" in result.stderr
    assert f"{KUOPIO}.xlsx" in reports_in(tmp_path / "Output")
    assert summary_of(tmp_path)["outcome"] == "delivery-failed"


def test_9_published_then_a_group_folder_fails(tmp_path):
    """The main reports are out when a group's folder cannot be made: exit 9 says exactly
    that (it used to exit 4, 'none published', after replacing the main reports)."""
    sendmail = write_sendmail(tmp_path, "cat > /dev/null")
    config = write_config(tmp_path, extra_replacements=[("validation:", GROUP.format(sendmail=sendmail))])
    (tmp_path / "Output").mkdir()
    (tmp_path / "Output" / "elinvoima").write_text("a file where the group's folder should be\n")
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 9, result.stderr
    assert "raportit julkaistiin (11 tiedostoa), sitten ohjausryhmien tiedostojen kirjoittaminen epäonnistui" in result.stderr
    assert f"{KUOPIO}.xlsx" in reports_in(tmp_path / "Output")
    summary = summary_of(tmp_path)
    assert summary["outcome"] == "published-then-failed" and summary["exitCode"] == 9
    assert len(summary["outputs"]) == 11


def test_12_status_past_max_age(tmp_path):
    """`tilanne status --max-age` for monitoring: 12 when the last successful run is older than
    the limit or there has been none; 0 within it. It changes nothing."""
    config = write_config(tmp_path)
    never = run_tilanne("status", "--max-age", "26h", "--config", config)
    assert never.returncode == 12, never.stderr
    assert not (tmp_path / "State").exists() and reports_in(tmp_path / "Output") == []
    assert run_tilanne("run", "--config", config).returncode == 1
    assert run_tilanne("status", "--max-age", "26h", "--config", config).returncode == 0
    time.sleep(2)
    old = run_tilanne("status", "--max-age", "1s", "--config", config)
    assert old.returncode == 12 and "VANHENTUNUT" in old.stdout
    assert summary_of(tmp_path)["outcome"] == "published"  # status writes no summary of its own


def test_64_wrong_command_line(tmp_path):
    result = run_tilanne("run", "--format", "docx", "--config", write_config(tmp_path))
    assert result.returncode == 64
    assert reports_in(tmp_path / "Output") == []


def test_70_an_unexpected_error_is_never_success(tmp_path):
    """An error the contract does not name used to exit 1 ('done with warnings'), which the
    systemd unit counts as success; now 70, with a summary and a log line."""
    config = write_config(tmp_path)
    result = subprocess.run([str(BIN), "run", "--config", str(config)], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "TILANNE_FAULT_UNEXPECTED_ERROR": "1"})
    assert result.returncode == 70, result.stderr
    assert "odottamaton virhe" in result.stderr
    summary = summary_of(tmp_path)
    assert summary["outcome"] == "unexpected-error" and summary["exitCode"] == 70
    assert "unexpected-error" in (tmp_path / "State" / "tilanne-runs.log").read_text(encoding="utf-8")


def test_4_state_folder_without_space_is_found_before_publishing(tmp_path):
    """The history's folder is checked for space with the others: a full state folder used to
    exit 5 after the new reports were published; now nothing is published (exit 4)."""
    from test_full_filesystem import tmpfs
    config, before = published_run(tmp_path)
    state = tmp_path / "State"
    saved = {name.name: name.read_bytes() for name in state.iterdir()}
    with tmpfs(state, 1):
        for name, data in saved.items():
            (state / name).write_bytes(data)
        result = run_tilanne("run", "--force", "--config", config)
        assert result.returncode == 4, result.stderr
        assert "not enough free space" in result.stderr and str(state) in result.stderr
    assert snapshot(tmp_path / "Output") == before


def test_10_a_run_for_a_frozen_period_replaces_nothing(tmp_path):
    """A forgotten period bump used to overwrite the frozen period's published reports (the
    council attachment) with new data under the old label, exit 1 as usual."""
    config = write_config(tmp_path)
    assert run_tilanne("publish", "--config", config).returncode == 1
    frozen = run_tilanne("freeze", "--config", config)
    assert frozen.returncode == 0, frozen.stderr
    before = snapshot(tmp_path / "Output")
    edited = tmp_path / "edited.csv"
    edited.write_text((ROOT / "Input" / f"{KUOPIO}.csv").read_text(encoding="utf-8-sig").replace("Talent HUB", "Talent Hub -hanke"),
                      encoding="utf-8")
    config = write_config(tmp_path, source=edited)
    result = run_tilanne("run", "--force", "--config", config)
    assert result.returncode == 10, result.stderr
    assert "kausi 1/2024 jäädytettiin" in result.stderr and "tilanne period open 2/2024" in result.stderr
    assert snapshot(tmp_path / "Output") == before
    assert summary_of(tmp_path)["outcome"] == "period-frozen"


def test_11_freezing_what_was_never_published_is_refused(tmp_path):
    config, before = published_run(tmp_path)
    result = run_tilanne("freeze", "--config", config)
    assert result.returncode == 11, result.stderr
    assert "ei ole julkaistu" in result.stderr
    assert snapshot(tmp_path / "Output") == before
    assert summary_of(tmp_path)["outcome"] == "refused-by-period-state"
