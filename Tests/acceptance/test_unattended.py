"""Running unattended from cron: one run at a time, and a killed run never blocks the next."""
import fcntl
import pathlib
import os
import signal
import subprocess
import time

from conftest import BIN, ROOT, run_tilanne, write_config


def test_a_run_while_another_holds_the_lock_exits_7_at_once(tmp_path):
    config = write_config(tmp_path)
    lock_path = tmp_path / "Output" / ".tilanne.lock"
    lock_path.parent.mkdir(parents=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write("4242\n")
        lock.flush()
        started = time.monotonic()
        result = run_tilanne("run", "--quiet", "--config", config)
        assert time.monotonic() - started < 10
    assert result.returncode == 7
    assert "toinen ajo pitää lukkoa" in result.stderr and "PID 4242" in result.stderr
    assert not (tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx").exists()
    # Logged for the operator; the summary of the run holding the lock is not overwritten.
    assert " run exit=7 outcome=locked " in (tmp_path / "State" / "tilanne-runs.log").read_text(encoding="utf-8")
    assert not (tmp_path / "State" / "last-run.json").exists()
    # Released: the next run goes ahead.
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 1


def test_two_runs_started_together_one_runs_one_exits_7_and_a_killed_run_leaves_no_stale_lock(tmp_path):
    config = write_config(tmp_path)
    marker = tmp_path / "paused"
    env = dict(os.environ, TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE=str(marker))
    first = subprocess.Popen([str(BIN), "run", "--quiet", "--config", str(config)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = subprocess.Popen([str(BIN), "run", "--quiet", "--config", str(config)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert time.monotonic() < deadline, "no run reached the history write"
        time.sleep(0.05)
    # One of them holds the lock and is paused inside its run; the other gave up at once.
    results = {}
    for name, process in (("first", first), ("second", second)):
        try:
            results[name] = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            results[name] = None
    paused = [name for name, code in results.items() if code is None]
    assert len(paused) == 1 and sorted(c for c in results.values() if c is not None) == [7], results
    holder = first if paused == ["first"] else second
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    # The killed run's lock went with it: the next run is not blocked.
    after = run_tilanne("run", "--force", "--quiet", "--config", config)
    assert after.returncode == 1, after.stderr


def test_each_run_writes_a_json_summary_and_a_log_line(tmp_path):
    import hashlib
    import json
    config = write_config(tmp_path)
    result = run_tilanne("run", "--quiet", "--config", config)
    assert result.returncode == 1
    state = tmp_path / "State"
    summary = json.loads((state / "last-run.json").read_text(encoding="utf-8"))
    assert summary["command"] == "run" and summary["exitCode"] == 1 and summary["outcome"] == "published"
    assert summary["period"] == "1/2024" and summary["config"] == str(config)
    source = summary["inputs"][0]
    data = open(source["path"], "rb").read()
    assert source["bytes"] == len(data) and source["sha256"] == hashlib.sha256(data).hexdigest()
    assert summary["rows"] == {"rowsIn": 77, "reported": 77, "rejected": 0, "structure": 0, "blank": 0}
    # The Swedish edition's 77 untranslated action texts are findings of the run, judged with the rest.
    assert summary["findings"]["bySeverity"] == {"warning": 10, "info": 77}
    assert summary["findings"]["byCode"]["translation.missing"] == 77
    assert summary["findings"]["byCode"]["progress.unknown-code"] == 3
    outputs = {pathlib.Path(o["path"]).name: o for o in summary["outputs"]}
    xlsx = tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx"
    assert outputs[xlsx.name]["sha256"] == hashlib.sha256(xlsx.read_bytes()).hexdigest()
    assert len(outputs) == 11  # the council edition (five files in Finnish, four in Swedish), the coordinator's two
    assert summary["started"] <= summary["finished"] and summary["seconds"] > 0

    broken = tmp_path / "broken.csv"
    broken.write_text("Painopiste;Tavoite\r\n", encoding="utf-8")
    bad = write_config(tmp_path / "bad", source=broken, extra_replacements=[
        ("state_folder: ../State", f"state_folder: {state}")])
    assert run_tilanne("run", "--quiet", "--config", bad).returncode == 2
    failed = json.loads((state / "last-run.json").read_text(encoding="utf-8"))
    assert failed["outcome"] == "invalid-input" and failed["exitCode"] == 2 and failed["outputs"] == []

    lines = (state / "tilanne-runs.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert " run exit=1 outcome=published period=1/2024 rows=77 reported=77 rejected=0 errors=0 warnings=10 " in lines[0]
    assert " run exit=2 outcome=invalid-input " in lines[1]


def test_schedule_prints_a_crontab_line_and_systemd_units_that_install_as_they_are(tmp_path):
    import re
    import shutil
    config = write_config(tmp_path)
    units = tmp_path / "units"
    result = run_tilanne("schedule", "--at", "03:15", "--user", "tilanne", "--config", config, "--write", units)
    assert result.returncode == 0, result.stderr
    lines = [line for line in (units / "tilanne.crontab").read_text().splitlines() if line and not line.startswith("#")]
    # The schedule's zone for crons that read it (cronie, busybox); the command line after it.
    assert lines[0] == "CRON_TZ=Europe/Helsinki"
    cron = lines[1:]
    assert len(cron) == 1
    minute, hour, day, month, weekday, command = cron[0].split(" ", 5)
    assert (minute, hour, day, month, weekday) == ("15", "3", "*", "*", "*")
    # No flock wrapper of its own: Tilanne's lock refuses a second run and logs it.
    assert re.search(r"TZ=Europe/Helsinki \S+/tilanne run --quiet --config " + re.escape(str(config)), command)
    # The command part runs as cron would run it: from /bin/sh, with a bare environment.
    ran = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=300)
    assert ran.returncode == 1 and ran.stdout == "" and ran.stderr == "", ran.stderr  # warnings only: quiet
    assert (tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx").exists()
    # A start while another run holds the lock: exit 7, and a line in the run log (a crontab
    # wrapper's `flock -E 7` used to exit without one).
    holder = subprocess.Popen(["flock", str(tmp_path / "Output" / ".tilanne.lock"), "sleep", "30"])
    try:
        time.sleep(0.5)
        locked = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=300)
    finally:
        holder.kill()
    assert locked.returncode == 7, locked.stderr
    assert "exit=7 outcome=locked" in (tmp_path / "State" / "tilanne-runs.log").read_text(encoding="utf-8")
    service = (units / "tilanne.service").read_text()
    assert "Environment=TZ=Europe/Helsinki" in service and "SuccessExitStatus=1" in service
    assert "OnCalendar=*-*-* 03:15:00 Europe/Helsinki" in (units / "tilanne.timer").read_text()
    # Sandboxed as the named user, writing only its own folders (here under /tmp, so no private /tmp).
    settings = service.splitlines()
    for setting in ["User=tilanne", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateDevices=yes", "ProtectHome=yes",
                    "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "PrivateTmp=no",
                    f"ReadWritePaths={tmp_path / 'Output'} {tmp_path / 'State'}"]:
        assert setting in settings, setting
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        import pytest
        pytest.skip("SKIPPED the systemd check: systemd-analyze is not installed (Debian package systemd)")
    verified = subprocess.run([analyze, "verify", str(units / "tilanne.service"), str(units / "tilanne.timer")],
                              capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    # The sandbox as systemd rates it (docs/operations.md records the figures).
    security = subprocess.run([analyze, "security", "--offline=yes", str(units / "tilanne.service")], capture_output=True, text=True)
    exposure = re.search(r"Overall exposure level for tilanne.service: ([0-9.]+)", security.stdout)
    assert exposure and float(exposure.group(1)) <= 2.0, security.stdout[-2000:]


def complete(folder):
    """Every published report reads back whole: the workbook as a ZIP with its parts, the CSV and HTML to their end."""
    import zipfile
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None, path
                assert "xl/worksheets/sheet1.xml" in archive.namelist()
        elif path.suffix == ".html":
            assert path.read_bytes().endswith(b"</html>\n"), path
        elif path.suffix == ".csv":
            assert path.read_bytes().endswith(b"\r\n"), path
    return True


def test_a_run_killed_at_any_stage_leaves_whole_reports_and_the_next_run_succeeds(tmp_path):
    from conftest import larger_table
    config = write_config(tmp_path, source=larger_table(tmp_path, copies=40))
    output = tmp_path / "Output"
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 1
    for delay in (0.05, 0.15, 0.3, 0.5, 0.8, 1.2, 1.8):
        process = subprocess.Popen([str(BIN), "run", "--force", "--quiet", "--config", str(config)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert complete(output)
    final = run_tilanne("run", "--force", "--quiet", "--config", config)
    assert final.returncode == 1, final.stderr
    assert complete(output)
    assert [p.name for p in output.iterdir() if p.name.startswith(".") and p.name != ".tilanne.lock"] == []


def test_a_publish_cut_between_two_renames_is_completed_by_the_next_run(tmp_path):
    """The journal names every rename first; a kill between two renames leaves it, and the next
    run completes the set (all new) before it does anything else."""
    config = write_config(tmp_path)
    output = tmp_path / "Output"
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 1
    # As a run killed after renaming the XLSX but not yet the CSV leaves it:
    newer_csv = output / ".kasvava-kuopio-tilanne-1-2024.csv.99999.tmp"
    newer_csv.write_bytes((output / "kasvava-kuopio-tilanne-1-2024.csv").read_bytes() + b"uusi;rivi\r\n")
    (output / ".tilanne-publish.journal").write_text(
        ".kasvava-kuopio-tilanne-1-2024.xlsx.99999.tmp\tkasvava-kuopio-tilanne-1-2024.xlsx\n"
        f"{newer_csv.name}\tkasvava-kuopio-tilanne-1-2024.csv\n")
    (output / ".kasvava-kuopio-tilanne-1-2024.html.88888.tmp").write_text("<html>half")  # a run that died earlier
    result = run_tilanne("run", "--quiet", "--config", config)
    assert result.returncode == 0  # inputs unchanged: nothing rendered, but the set was completed first
    assert not (output / ".tilanne-publish.journal").exists()
    assert (output / "kasvava-kuopio-tilanne-1-2024.csv").read_bytes().endswith(b"uusi;rivi\r\n")
    assert [p.name for p in output.iterdir() if p.name.endswith(".tmp")] == []
    assert complete(output)


def test_a_deleted_file_of_any_kind_is_written_again(tmp_path):
    """Only the three main-language files used to be looked for: a deleted Swedish report,
    side list or group file was never rebuilt while the inputs stayed the same."""
    config = write_config(tmp_path, extra_replacements=[("validation:", """groups:
  - name: Kaupunkikehitys
    items: [9, 10, 11]
    formats: [xlsx, html]

validation:""")])
    assert run_tilanne("run", "--config", config).returncode == 1
    output = tmp_path / "Output"
    assert run_tilanne("run", "--config", config).returncode == 0  # nothing changed, all there: skipped
    for deleted in [output / "kasvava-kuopio-tilanne-1-2024-sv.xlsx", output / "kasvava-kuopio-tilanne-1-2024-paivitettavat.csv",
                    output / "kaupunkikehitys" / "kasvava-kuopio-tilanne-1-2024.html"]:
        assert deleted.exists(), sorted(p.name for p in deleted.parent.iterdir())
        deleted.unlink()
        rebuilt = run_tilanne("run", "--config", config)
        assert rebuilt.returncode == 1, rebuilt.stderr
        assert deleted.exists()


def test_a_later_periods_file_dropped_into_the_input_folder_is_said_every_night(tmp_path):
    """A new period's file dropped into Input/ used to be ignored while the config pointed at
    the old one: "unchanged", exit 0, indefinitely."""
    import shutil
    inputs = tmp_path / "Input"
    inputs.mkdir()
    shutil.copy(ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv", inputs)
    config = write_config(tmp_path, source=inputs / "kasvava-kuopio-tilanne-{period}.csv")
    assert run_tilanne("run", "--config", config).returncode == 1
    assert run_tilanne("run", "--config", config).returncode == 0  # unchanged
    shutil.copy(inputs / "kasvava-kuopio-tilanne-1-2024.csv", inputs / "kasvava-kuopio-tilanne-2-2024.csv")
    for night in range(2):
        result = run_tilanne("run", "--config", config)
        assert result.returncode == 1, result.stderr
        assert ("kasvava-kuopio-tilanne-2-2024.csv: varoitus [source.later-period] Kauden 2/2024 tiedosto on jo kansiossa, "
                "mutta raportti tehdään yhä kaudelle 1/2024.") in result.stderr
