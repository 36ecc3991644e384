"""The metrics file a Prometheus node exporter reads (operations.metrics), parsed as Prometheus
parses it, after runs that end in every way a night can."""
import subprocess
import time

from prometheus_client.parser import text_string_to_metric_families

from conftest import run_tilanne, write_config

METRICS = ("validation:\n", "operations:\n  metrics: ../Metrics/tilanne.prom\n\nvalidation:\n")

def metrics_of(folder):
    """The metrics file parsed as Prometheus parses it: {name: {labels-without-config: value}}."""
    text = (folder / "Metrics" / "tilanne.prom").read_text(encoding="utf-8")
    families = {}
    for family in text_string_to_metric_families(text):
        assert family.type == "gauge" and family.documentation, family.name
        for sample in family.samples:
            labels = dict(sample.labels)
            assert labels.pop("config") == str(folder / "Config" / "tilanne.yml")
            families.setdefault(sample.name, {})[tuple(sorted(labels.items()))] = sample.value
    # No temporary file is left beside it for the collector to trip over.
    assert sorted(p.name for p in (folder / "Metrics").iterdir()) == ["tilanne.prom"]
    return families



def test_metrics_say_how_each_night_ended_and_keep_the_last_success(tmp_path):
    config = write_config(tmp_path, extra_replacements=[METRICS])
    first = run_tilanne("run", "--config", config)
    assert first.returncode == 1, first.stderr
    good = metrics_of(tmp_path)
    assert good["tilanne_last_exit_code"][()] == 1
    assert good["tilanne_rows"] == {(("state", "reported"),): 77, (("state", "rejected"),): 0}
    assert good["tilanne_findings"][(("severity", "warning"),)] == 10
    assert good["tilanne_findings"][(("severity", "error"),)] == 0
    assert good["tilanne_delivery_failures"][()] == 0
    success = good["tilanne_last_success_timestamp_seconds"][()]
    assert abs(success - time.time()) < 120
    assert good["tilanne_last_run_timestamp_seconds"][()] == success
    info = dict(next(iter(good["tilanne_run_info"])))
    assert info == {"command": "run", "outcome": "published", "period": "1/2024", "programme": "Kasvava Kuopio -toimenpideohjelma"}

    # Invalid input the next night: the exit code and the findings change, the last success stays.
    broken = tmp_path / "broken.csv"
    broken.write_text("Painopiste;Tavoite\r\n1;2\r\n", encoding="utf-8")
    time.sleep(1.1)  # a later second, so a timestamp taken from this run would show
    config = write_config(tmp_path, source=broken, extra_replacements=[METRICS])
    assert run_tilanne("run", "--config", config).returncode == 2
    bad = metrics_of(tmp_path)
    assert bad["tilanne_last_exit_code"][()] == 2
    assert bad["tilanne_last_success_timestamp_seconds"][()] == success
    assert bad["tilanne_last_run_timestamp_seconds"][()] > success
    assert bad["tilanne_findings"][(("severity", "error"),)] > 0

    # A configuration that cannot be loaded still says so, found leniently in the broken file.
    config = write_config(tmp_path, extra_replacements=[METRICS, ("fail_on: error", "fail_on: sometimes")])
    assert run_tilanne("run", "--config", config).returncode == 3
    unloadable = metrics_of(tmp_path)
    assert unloadable["tilanne_last_exit_code"][()] == 3
    assert unloadable["tilanne_last_success_timestamp_seconds"][()] == success
    assert "tilanne_rows" not in unloadable  # nothing was read: no rows claimed



def test_a_run_refused_by_the_lock_shows_in_the_metrics(tmp_path):
    config = write_config(tmp_path, extra_replacements=[METRICS])
    assert run_tilanne("run", "--config", config).returncode == 1
    holder = subprocess.Popen(["flock", str(tmp_path / "Output" / ".tilanne.lock"), "sleep", "30"])
    try:
        time.sleep(0.5)
        locked = run_tilanne("run", "--force", "--config", config)
    finally:
        holder.kill()
    assert locked.returncode == 7
    assert metrics_of(tmp_path)["tilanne_last_exit_code"][()] == 7
