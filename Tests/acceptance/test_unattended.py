"""Running unattended from cron: one run at a time, and a killed run never blocks the next."""
import fcntl
import os
import signal
import subprocess
import time

from conftest import BIN, run_tilanne, write_config


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
    assert "another run holds" in result.stderr and "PID 4242" in result.stderr
    assert not (tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx").exists()
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
