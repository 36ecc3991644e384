"""The command as cron and a coordinator use it: exit codes, messages, row accounting."""
import json
import os
import stat

from conftest import ROOT, reports_in, run_tilanne, write_config

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def test_kuopio_run_writes_the_reports_and_ends_with_the_row_accounting(kuopio_run):
    result, output = kuopio_run
    assert result.returncode == 1, result.stderr  # done, with warnings
    assert result.stdout.strip().splitlines()[-1] == "Rivejä luettu 77: 77 raportissa, 0 hylätty"
    # The council edition's three formats in Finnish and in Swedish (-sv), no frozen period
    # yet, so no list of changes; the coordinator's edition in Finnish with (the config keeps a
    # history) the rows to update per responsible party.
    assert reports_in(output) == [
        f"{KUOPIO}-indikatorer-sv.csv", f"{KUOPIO}-koordinaattori.csv", f"{KUOPIO}-koordinaattori.xlsx",
        f"{KUOPIO}-mittarit.csv", f"{KUOPIO}-paivitettavat.csv", f"{KUOPIO}-sv.csv", f"{KUOPIO}-sv.html",
        f"{KUOPIO}-sv.xlsx", f"{KUOPIO}.csv", f"{KUOPIO}.html", f"{KUOPIO}.xlsx"]
    # The three '+?' rows are named with file, row and column.
    for row in (52, 53, 55):
        assert f"{KUOPIO}.csv:{row}:H: varoitus [progress.unknown-code] [Eteneminen]" in result.stderr


def test_dump_model_is_the_report_model_as_json(kuopio_run):
    _, output = kuopio_run
    model = json.loads((output.parent / "model.json").read_text(encoding="utf-8"))
    assert model["period"] == "1/2024"
    assert model["schemaVersion"] == 2
    assert [level["name"] for level in model["levels"]] == ["Painopiste", "Tavoite"]
    [programme] = model["programmes"]
    themes = programme["items"]
    assert len(themes) == 4
    assert [g["path"] for g in themes[0]["items"]] == [f"kasvava-kuopio/yrittajyysymparisto/{n}" for n in range(1, 6)]
    assert sum(len(t["items"]) for t in themes) == 13
    assert sum(len(g["actions"]) for t in themes for g in t["items"]) == 77
    assert programme["counts"]["total"] == 77
    assert model["accounting"] == {"rowsIn": 77, "reported": 77, "rejected": 0, "structure": 0, "blank": 0}


def test_quiet_prints_nothing_on_success(tmp_path):
    config = write_config(tmp_path)
    result = run_tilanne("run", "--quiet", "--config", config)
    assert result.returncode == 1
    assert result.stdout == "" and result.stderr == ""


def test_validate_lists_findings_without_writing_reports(tmp_path):
    config = write_config(tmp_path)
    result = run_tilanne("validate", "--config", config)
    assert result.returncode == 1
    assert "goal.title-differs" in result.stderr
    assert "Rivejä luettu 77" in result.stdout
    assert not (tmp_path / "Output").exists()


def test_invalid_input_exits_2_and_publishes_nothing(tmp_path):
    broken = tmp_path / "broken.csv"
    text = (ROOT / "Input" / f"{KUOPIO}.csv").read_text(encoding="utf-8-sig")
    broken.write_text(text + "KUOPION TUNNETTUUS JA EDUNVALVONTA;99;Ei luettelossa;;Uusi toimenpide;;Taho;+;Teksti\r\n",
                      encoding="utf-8-sig")
    config = write_config(tmp_path, source=broken)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 2, result.stderr
    assert "goal.not-in-register" in result.stderr
    assert "raportteja ei kirjoitettu" in result.stderr
    assert "hylätty" in result.stdout
    assert reports_in(tmp_path / "Output") == []


def test_bad_configuration_exits_3_naming_key_and_line(tmp_path):
    config = write_config(tmp_path, extra_replacements=[("  fail_on: error", "  fail_on: error\n  colour: red")])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3
    line = config.read_text(encoding="utf-8").splitlines().index("  colour: red") + 1
    assert f"tilanne.yml:{line}: validation.colour: unknown key" in result.stderr


def test_unwritable_output_exits_4_and_keeps_the_previous_reports(tmp_path):
    config = write_config(tmp_path)
    assert run_tilanne("run", "--config", config).returncode == 1
    output = tmp_path / "Output"
    before = {p.name: p.read_bytes() for p in output.iterdir() if p.name != ".tilanne.lock"}
    os.chmod(output, stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(output, os.W_OK):  # root ignores permissions: make the folder a file's child instead
            os.chmod(output, 0o755)
            config = write_config(tmp_path, extra_replacements=[(f"folder: {output}", f"folder: {tmp_path / 'Config' / 'tilanne.yml' / 'x'}")])
        result = run_tilanne("run", "--config", config)
    finally:
        os.chmod(output, 0o755)
    assert result.returncode == 4, result.stderr
    assert "raporttia ei voi kirjoittaa" in result.stderr
    assert {p.name: p.read_bytes() for p in output.iterdir() if p.name != ".tilanne.lock"} == before


def test_usage_error_exits_64():
    result = run_tilanne("run", "--format", "docx")
    assert result.returncode == 64
    assert "Unknown format" in result.stderr


def test_help_speaks_to_a_coordinator():
    result = run_tilanne("--help")
    assert result.returncode == 0
    assert "Input/" in result.stdout and "Output/" in result.stdout
    assert "Exit codes" in result.stdout
