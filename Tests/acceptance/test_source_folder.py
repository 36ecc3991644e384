"""What the input folder says beside the table: a file nobody reads, and a table older than the
configured age. Both are said every night, never skipped as "unchanged"."""
import json
import os
import shutil
import time

from conftest import ROOT, run_tilanne, write_config

TABLE = "kasvava-kuopio-tilanne-1-2024.csv"
DAY = 86400


def project(tmp_path, *extra):
    inputs = tmp_path / "Input"
    inputs.mkdir()
    shutil.copy(ROOT / "Input" / TABLE, inputs)
    config = write_config(tmp_path, source=inputs / "kasvava-kuopio-tilanne-{period}.csv", extra_replacements=extra)
    return inputs, config


def codes(stderr, code):
    return [line for line in stderr.splitlines() if f"[{code}]" in line]


def test_a_copy_and_an_old_folder_in_input_are_named_every_night_and_lock_files_are_not(tmp_path):
    inputs, config = project(tmp_path)
    assert run_tilanne("run", "--config", config).returncode == 1
    assert run_tilanne("run", "--config", config).returncode == 0  # unchanged
    shutil.copy(inputs / TABLE, inputs / "Tilanne_1-2024 (2).xlsx")
    (inputs / "vanha").mkdir()
    shutil.copy(inputs / TABLE, inputs / "vanha" / "kasvava-kuopio-tilanne-4-2023.csv")
    for name in ["~$Tilanne_1-2024.xlsx", ".~lock.kasvava-kuopio-tilanne-1-2024.csv#", "README.md"]:
        (inputs / name).write_text("x", encoding="utf-8")
    for night in range(2):
        result = run_tilanne("run", "--config", config)
        assert result.returncode == 1, result.stderr
        unread = codes(result.stderr, "source.unread-file")
        assert unread == [
            "Input/Tilanne_1-2024 (2).xlsx: varoitus [source.unread-file] Tiedosto \"Tilanne_1-2024 (2).xlsx\" on "
            "lähdekansiossa, mutta yksikään lähde ei lue sitä, joten sen tiedot eivät ole raportissa. Siirrä se pois kansiosta, "
            "tai jos se kuuluu raporttiin, lisää se lähteisiin (sources: asetuksissa).",
            "Input/vanha: varoitus [source.unread-file] Kansio \"vanha\" on lähdekansiossa, mutta yksikään lähde ei lue "
            "sitä, joten sen tiedot eivät ole raportissa. Siirrä se pois kansiosta, tai jos se kuuluu raporttiin, lisää se "
            "lähteisiin (sources: asetuksissa).",
        ], result.stderr

    # As data for other programs.
    validated = run_tilanne("validate", "--json", "--config", config)
    findings = [f for f in json.loads(validated.stdout)["diagnostics"] if f["code"] == "source.unread-file"]
    assert [f["arguments"] for f in findings] == [["Tilanne_1-2024 (2).xlsx", {"phrase": "theFile"}], ["vanha", {"phrase": "theFolder"}]]

    # Moved out: silent again, and the next night may skip as unchanged.
    (inputs / "Tilanne_1-2024 (2).xlsx").unlink()
    shutil.rmtree(inputs / "vanha")
    cleared = run_tilanne("run", "--config", config)
    assert cleared.returncode == 1 and not codes(cleared.stderr, "source.unread-file"), cleared.stderr
    assert run_tilanne("run", "--config", config).returncode == 0


def test_an_unread_file_can_be_made_an_error_that_stops_the_run(tmp_path):
    inputs, config = project(tmp_path, ("  fail_on: error", "  fail_on: error\n  severity:\n    source.unread-file: error"))
    shutil.copy(inputs / TABLE, inputs / "Tilanne_1-2024 (2).xlsx")
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 2, result.stderr
    assert "virhe [source.unread-file] Tiedosto \"Tilanne_1-2024 (2).xlsx\"" in result.stderr
    assert not (tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx").exists()


def test_a_table_older_than_the_configured_age_is_a_warning_every_night(tmp_path):
    inputs, config = project(tmp_path, ("  fail_on: error", "  fail_on: error\n  input_max_age: 45d"))
    assert run_tilanne("run", "--config", config).returncode == 1
    assert run_tilanne("run", "--config", config).returncode == 0  # fresh and unchanged: skipped
    old = time.time() - 60 * DAY - 3600
    os.utime(inputs / TABLE, (old, old))
    for night in range(2):
        result = run_tilanne("run", "--config", config)
        assert result.returncode == 1, result.stderr
        assert codes(result.stderr, "source.stale-input") == [
            f"Input/{TABLE}: varoitus [source.stale-input] Tiedostoa \"{TABLE}\" on muokattu viimeksi 60 päivää sitten; "
            "raja on 45 päivää (validation.input_max_age). Tarkista, että kansiossa on kauden tuorein taulukko."], result.stderr


def test_a_source_can_have_its_own_age_in_hours_and_swedish_runs_say_it_in_swedish(tmp_path):
    inputs, config = project(tmp_path, ("    shape: flat", "    shape: flat\n    max_age: 36h"),
                             ("languages: [fi, sv]", "languages: [sv]"))
    old = time.time() - 40 * 3600 - 60
    os.utime(inputs / TABLE, (old, old))
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 1, result.stderr
    assert codes(result.stderr, "source.stale-input") == [
        f"Input/{TABLE}: varning [source.stale-input] Filen \"{TABLE}\" ändrades senast för 40 timmar sedan; "
        "gränsen är 36 timmar (max_age). Kontrollera att mappen har periodens senaste tabell."], result.stderr


def test_an_age_the_configuration_cannot_read_is_exit_3_with_key_and_line(tmp_path):
    _, config = project(tmp_path, ("  fail_on: error", "  fail_on: error\n  input_max_age: 45 days"))
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3, result.stderr
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "input_max_age" in text)
    assert f"tilanne.yml:{line}: validation.input_max_age:" in result.stderr, result.stderr
    assert "45d" in result.stderr and "36h" in result.stderr
