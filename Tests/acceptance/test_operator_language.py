"""Every line a failing run prints is framed in the configuration's language: a Finnish
municipality's cron mail says "virhe asetuksissa", not "configuration error". A system's own
words (an errno text, a path) stay as they are inside it. `--help` stays English."""
import shutil

from conftest import ROOT, run_tilanne, write_config

# The sentences Tilanne used to say in English whatever the language.
ENGLISH_FRAMES = ["configuration error", "cannot write the report", "history database", "another run holds",
                  "the reports were", "unexpected error", "needs a history", "was frozen at", "Open the next period",
                  "The source files have errors", "cannot create the output folder", "cannot open the lock file"]


def assert_no_english_frame(stderr):
    for frame in ENGLISH_FRAMES:
        assert frame not in stderr, f"English frame {frame!r} in: {stderr}"


def finnish(tmp_path, *extra):
    return write_config(tmp_path, extra_replacements=extra)


def test_a_configuration_error_is_framed_in_finnish(tmp_path):
    config = finnish(tmp_path, ("  fail_on: error", "  fail_on: error\n  input_max_age: 45 days"))
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3
    assert result.stderr.startswith("tilanne: virhe asetuksissa: "), result.stderr
    assert_no_english_frame(result.stderr)


def test_invalid_input_is_said_in_finnish(tmp_path):
    source = tmp_path / "Input" / "kasvava-kuopio-tilanne-1-2024.csv"
    source.parent.mkdir()
    # The table with a quote that never closes at its end: an error, nothing published.
    text = (ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv").read_text(encoding="utf-8-sig")
    source.write_text(text + 'X;1;"kesken\n', encoding="utf-8")
    config = write_config(tmp_path, source=source)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 2, result.stderr
    assert "virhe [csv.unterminated-quote]" in result.stderr
    assert "Lähdetiedoissa on virheitä; raportteja ei kirjoitettu." in result.stderr
    assert_no_english_frame(result.stderr)


def test_a_command_that_needs_the_missing_history_says_so_in_finnish(tmp_path):
    config = finnish(tmp_path, ("history:\n  state_folder: ../State\n  stale_after_periods: 2\n", ""))
    for command, purpose in [("history", "historian listaaminen"), ("freeze", "kauden jäädyttäminen")]:
        result = run_tilanne(command, "--config", config)
        assert result.returncode == 3, result.stderr
        assert result.stderr.startswith("tilanne: virhe asetuksissa: "), result.stderr
        assert f"history: {purpose} vaatii asetuksiin historian (history.state_folder)" in result.stderr
        assert_no_english_frame(result.stderr)


def test_an_output_folder_that_cannot_be_made_is_said_in_finnish_with_the_system_detail(tmp_path):
    blocker = tmp_path / "tiedosto"
    blocker.write_text("x", encoding="utf-8")
    config = finnish(tmp_path, (f"folder: {tmp_path / 'Output'}", f"folder: {blocker / 'Output'}"))
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 4, result.stderr
    assert result.stderr.startswith(f"tilanne: raporttia ei voi kirjoittaa: {blocker / 'Output'}: tulostekansiota ei voi luoda ("), result.stderr
    assert_no_english_frame(result.stderr)


def test_a_frozen_period_is_said_in_finnish(tmp_path):
    config = finnish(tmp_path, ("state_folder: ../State", f"state_folder: {tmp_path / 'State'}"))
    assert run_tilanne("publish", "--config", config).returncode == 1
    assert run_tilanne("freeze", "--config", config).returncode == 0
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 10, result.stderr
    assert "tilanne: kausi 1/2024 jäädytettiin " in result.stderr and "Avaa seuraava kausi" in result.stderr, result.stderr
    assert_no_english_frame(result.stderr)


def test_a_swedish_configuration_frames_its_failures_in_swedish(tmp_path):
    swedish = ("languages: [fi, sv]", "languages: [sv]")
    broken = write_config(tmp_path / "a", extra_replacements=[swedish, ("  fail_on: error", "  fail_on: error\n  input_max_age: 6w")])
    result = run_tilanne("run", "--config", broken)
    assert result.returncode == 3
    assert result.stderr.startswith("tilanne: fel i inställningarna: "), result.stderr
    assert_no_english_frame(result.stderr)

    no_history = write_config(tmp_path / "b", extra_replacements=[swedish, ("history:\n  state_folder: ../State\n  stale_after_periods: 2\n", "")])
    result = run_tilanne("history", "--config", no_history)
    assert result.returncode == 3
    assert "history: att lista historiken kräver en historik (history.state_folder) i inställningarna" in result.stderr, result.stderr
    assert_no_english_frame(result.stderr)


def test_help_stays_english_for_the_administrator():
    result = run_tilanne("--help")
    assert result.returncode == 0
    assert "USAGE" in result.stdout.upper() and "Builds the status report" in result.stdout
