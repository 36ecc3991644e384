"""Full filesystems, made real with small tmpfs mounts: the output folder or libxlsxwriter's
temporary folder runs out of space during a run → exit 4, a clear message, the previous reports
intact and nothing corrupt or temporary left behind. Needs permission to mount tmpfs (root);
where that is missing the tests skip and say so."""
import contextlib
import os
import subprocess

import openpyxl
import pytest

from conftest import BIN, larger_table, reports_in, run_tilanne, write_config

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


@contextlib.contextmanager
def tmpfs(path, megabytes):
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"SKIPPED: cannot mount a tmpfs here ({mounted.stderr.strip() or 'not permitted'}); "
                    "the full-filesystem tests need root or CAP_SYS_ADMIN")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def good_reports(folder, output):
    config = write_config(folder, extra_replacements=[("folder: " + str(folder / "Output"), f"folder: {output}")])
    assert run_tilanne("run", "--config", config).returncode == 1
    return {name: (output / name).read_bytes() for name in reports_in(output)}


def test_output_folder_fills_up_during_the_run(tmp_path):
    with tmpfs(tmp_path / "small-output", 6) as output:
        before = good_reports(tmp_path / "good", output)
        # The council edition: five files in Finnish, four in Swedish (with the indicator table);
        # the coordinator's workbook and CSV.
        assert len(before) == 11
        config = write_config(tmp_path / "big", source=larger_table(tmp_path),
                              extra_replacements=[("folder: " + str(tmp_path / "big" / "Output"), f"folder: {output}")])
        result = run_tilanne("run", "--config", config)
        assert result.returncode == 4, result.stderr
        assert "raporttia ei voi kirjoittaa" in result.stderr
        assert {name: (output / name).read_bytes() for name in reports_in(output)} == before
        assert [p.name for p in output.iterdir() if p.name.endswith(".tmp")] == []


def test_output_folder_without_room_is_refused_before_writing(tmp_path):
    with tmpfs(tmp_path / "tiny-output", 6) as output:
        before = good_reports(tmp_path / "good", output)
        (output / ".filler").write_bytes(b"\0" * (os.statvfs(output).f_bavail * os.statvfs(output).f_frsize - 512 * 1024))
        config = write_config(tmp_path / "again", extra_replacements=[
            ("folder: " + str(tmp_path / "again" / "Output"), f"folder: {output}")])
        result = run_tilanne("run", "--force", "--config", config)
        assert result.returncode == 4, result.stderr
        assert "not enough free space" in result.stderr
        assert {name: (output / name).read_bytes() for name in reports_in(output)} == before


# 250 copies: 19,250 actions, written in libxlsxwriter's normal mode (every sheet's XML made at
# close); 400: 30,800, above 20,000, in constant-memory mode (each row written as it comes, the
# status sheet beside the others). Either way the temporary XML outgrows what is left (the
# free-space check asks for 4 MiB, so the run gets past it and fails while the library writes).
@pytest.mark.parametrize("copies", [250, 400], ids=["normal-mode", "constant-memory"])
def test_temporary_folder_fills_up_while_the_workbook_is_written(tmp_path, copies):
    """libxlsxwriter writes each sheet to a temporary file first; when that folder fills up it
    can still report success for a broken file. The read-back check must catch it."""
    output = tmp_path / "Output"
    with tmpfs(tmp_path / "small-tmp", 5) as temp:
        before = good_reports(tmp_path / "good", output)
        config = write_config(tmp_path / "big", source=larger_table(tmp_path, copies=copies),
                              extra_replacements=[("folder: " + str(tmp_path / "big" / "Output"), f"folder: {output}")])
        env = dict(os.environ, TMPDIR=str(temp))
        (temp / "filler").write_bytes(b"\0" * (os.statvfs(temp).f_bavail * os.statvfs(temp).f_frsize - 4200 * 1024))
        result = subprocess.run([str(BIN), "run", "--config", str(config)],
                                capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 4, result.stderr
        # libxlsxwriter itself reported success: the read-back found the file broken. In the
        # normal mode it is the sheet that is cut short; in constant-memory mode another part
        # breaks (seen: [Content_Types].xml with content after its end).
        assert "the written workbook does not read back" in result.stderr
        assert "is not well-formed XML" in result.stderr
        if copies == 250:
            assert "xl/worksheets/sheet1.xml is not well-formed XML" in result.stderr
    assert {name: (output / name).read_bytes() for name in reports_in(output)} == before
    openpyxl.load_workbook(output / f"{KUOPIO}.xlsx")  # the previous workbook still opens
