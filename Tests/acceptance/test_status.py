"""`tilanne status`: the last successful run, the ages of the inputs and the data, the periods."""
import json
import time

from conftest import run_tilanne, write_config, write_period_configs

def test_status_tells_the_last_success_the_ages_and_the_periods(tmp_path):
    first, second = write_period_configs(tmp_path)
    never = run_tilanne("status", "--max-age", "26h", "--config", first)
    assert never.returncode == 12, never.stderr
    assert "Viimeisin onnistunut ajo: ei koskaan" in never.stdout
    assert "VANHENTUNUT" in never.stdout
    assert run_tilanne("publish", "--config", first).returncode == 1
    assert run_tilanne("freeze", "--config", first).returncode == 0
    assert run_tilanne("run", "--config", second).returncode == 1
    ok = run_tilanne("status", "--max-age", "26h", "--config", second)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "kausi 2/2024, paluukoodi 1 (published)" in ok.stdout
    assert "Avoimet kaudet: 2/2024" in ok.stdout and "Jäädytetyt kaudet: 1/2024" in ok.stdout
    status = json.loads(run_tilanne("status", "--json", "--config", second).stdout)
    assert status["lastSuccess"]["period"] == "2/2024" and status["lastSuccess"]["exitCode"] == 1
    assert status["openPeriods"] == ["2/2024"]
    assert [p["label"] for p in status["frozenPeriods"]] == ["1/2024"]
    assert status["dataPublished"] == status["lastSuccess"]["finished"]
    assert status["newestInput"]["path"].endswith("kuopio-tilanne-2-2024.csv")
    assert status["inputFiles"] >= 1 and status["stale"] is False
    # A later failed night does not move the last success; past --max-age the exit code says so.
    time.sleep(2)
    broken = tmp_path / "broken.csv"
    broken.write_text("Painopiste;Tavoite\r\n1;2\r\n", encoding="utf-8")
    failing = write_config(tmp_path / "p3", source=broken, extra_replacements=[
        ("state_folder: ../State", f"state_folder: {tmp_path / 'State'}"), ('period: "1/2024"', 'period: "2/2024"')])
    assert run_tilanne("run", "--config", failing).returncode == 2
    stale = run_tilanne("status", "--max-age", "1s", "--config", second)
    assert stale.returncode == 12, stale.stdout
    assert "Viimeisin ajo:" in stale.stdout and "paluukoodi 2 (invalid-input)" in stale.stdout
    assert json.loads(run_tilanne("status", "--json", "--config", second).stdout)["lastSuccess"]["period"] == "2/2024"



def test_status_speaks_the_report_language(tmp_path):
    config = write_config(tmp_path, extra_replacements=[("languages: [fi, sv]", "languages: [sv]")])
    result = run_tilanne("status", "--config", config)
    assert result.returncode == 0, result.stderr
    assert "Senaste lyckade körning: aldrig" in result.stdout and "Öppna perioder: 1/2024" in result.stdout
