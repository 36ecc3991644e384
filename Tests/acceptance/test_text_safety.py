"""No input can block the night unseen: texts no spreadsheet cell can hold, a UTF-8 file with a
row in another encoding, and inputs whose cost used to grow faster than their size. Each case
runs the built command and checks the exit code, the published reports read back, and the
exact list of findings (an unexpected extra finding fails the test)."""
import os
import re
import subprocess
import threading
import time
import zipfile

import openpyxl
import pytest

from conftest import BIN, ROOT, reports_in, run_measured, run_tilanne, write_config

HEADER = ["Painopiste", "Tavoite nro", "Tavoite", "Sitova tavoite TA2021", "Toimenpiteet 2018-2021 (-2022)",
          "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]
ROW = ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ", "1", "Osaavan työvoiman saannin turvaaminen", "",
       "Muuttajapalvelujen kehittäminen", "Future Savo", "Elinvoima- ja konsernipalvelut", "+", "Sivusto käytössä."]
CELL_LIMIT = 32_767
REPORT = "kasvava-kuopio-tilanne-1-2024"
FINDING = re.compile(r"^(?P<location>\S+): (?:virhe|varoitus|tieto) \[(?P<code>[a-z0-9.\-]+)\]", re.M)


def row(**changes):
    cells = list(ROW)
    for index, value in changes.items():
        cells[int(index[1:])] = value
    return cells


def csv_bytes(rows, bom=True):
    text = ("\ufeff" if bom else "") + "\r\n".join(";".join(r) for r in [HEADER, *rows]) + "\r\n"
    return text.encode("utf-8")


def config_for(tmp_path, source, **kwargs):
    return write_config(tmp_path, source=source, extra_replacements=[
        ("state_folder: ../State", f"state_folder: {tmp_path / 'State'}")], **kwargs)


def findings(stderr, folder):
    """Every finding printed, as (location, code), the folder left out of the location."""
    return [(m["location"].replace(f"{folder}/", ""), m["code"]) for m in FINDING.finditer(stderr)]


def published(tmp_path, edition=""):
    """The Finnish workbook once every report is there; `edition="-koordinaattori"`: the
    coordinator's, which has the findings and the update list."""
    names = reports_in(tmp_path / "Output")
    for suffix in (".xlsx", ".csv", ".html", "-sv.xlsx", "-sv.csv", "-sv.html", "-koordinaattori.xlsx"):
        assert REPORT + suffix in names, names
    return openpyxl.load_workbook(tmp_path / "Output" / f"{REPORT}{edition}.xlsx")


def action_rows(workbook):
    """The Tilanne sheet's action rows (those with a progress cell), as lists of cell values."""
    sheet = workbook["Tilanne"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r and r[0] == "Toimenpide")
    return [r for r in rows[header + 1:] if r[3] is not None]


def check_findings_sheet(workbook, expected_codes):
    sheet = workbook["Tarkistukset"]
    codes = [r[1] for r in sheet.iter_rows(min_row=5, values_only=True) if r[1] and "." in str(r[1])]
    assert codes == expected_codes
    for cells in sheet.iter_rows(values_only=True):
        for value in cells:
            assert value is None or len(str(value)) <= CELL_LIMIT


def test_a_noncharacter_is_replaced_and_located(tmp_path):
    source = tmp_path / "ffff.csv"
    source.write_bytes(csv_bytes([row(c8="Tila \uffff auki")]))
    result = run_tilanne("run", "--config", config_for(tmp_path, source))
    assert result.returncode == 1, result.stderr
    assert findings(result.stderr, tmp_path) == [("ffff.csv:2:I", "text.noncharacters")]
    workbook = published(tmp_path)
    assert action_rows(workbook)[0][-1] == "Tila \ufffd auki"
    # The shipped config reports in Swedish too: the row's missing Swedish text is listed as well.
    check_findings_sheet(published(tmp_path, "-koordinaattori"), ["text.noncharacters", "translation.missing"])


def test_a_text_too_long_for_a_cell_on_the_update_list(tmp_path):
    # Progress unknown puts the row on the update list (Päivitettävät) with its whole action text.
    source = tmp_path / "long.csv"
    source.write_bytes(csv_bytes([row(c4="Pitkä toimenpide " + "x" * 40_000, c7="?")]))
    result = run_tilanne("run", "--config", config_for(tmp_path, source))
    assert result.returncode == 1, result.stderr
    assert findings(result.stderr, tmp_path) == [("long.csv:2:E", "text.too-long")]
    assert "Teksti on 40017 merkkiä pitkä" in result.stderr
    workbook = published(tmp_path)
    action = action_rows(workbook)[0][0]
    assert len(action) == CELL_LIMIT and action.startswith("Pitkä toimenpide xxx") and action.endswith(" […]")
    updates = [r for r in published(tmp_path, "-koordinaattori")["Päivitettävät"].iter_rows(values_only=True)
               if r[3] and str(r[3]).startswith("Pitkä")]
    assert [r[3] for r in updates] == [action]
    # The same cut text in every format: the CSV report too.
    csv_text = (tmp_path / "Output" / f"{REPORT}.csv").read_text(encoding="utf-8-sig")
    assert action in csv_text and "x" * (CELL_LIMIT + 1) not in csv_text


def test_a_long_text_quoted_in_a_finding_is_an_excerpt(tmp_path):
    source = tmp_path / "code.csv"
    source.write_bytes(csv_bytes([row(c7="+" * 40_000)]))
    result = run_tilanne("run", "--config", config_for(tmp_path, source))
    assert result.returncode == 1, result.stderr
    assert findings(result.stderr, tmp_path) == [("code.csv:2:H", "text.too-long"), ("code.csv:2:H", "progress.unknown-code")]
    workbook = published(tmp_path, "-koordinaattori")
    check_findings_sheet(workbook, ["text.too-long", "progress.unknown-code", "translation.missing"])
    message = next(r[2] for r in workbook["Tarkistukset"].iter_rows(values_only=True) if r[1] == "progress.unknown-code")
    assert len(message) < 1_200 and "+" * 999 + "…" in message


def test_workbook_cells_no_spreadsheet_holds(tmp_path):
    """A workbook can carry both: U+FFFF as the `_xFFFF_` escape Excel writes, and a cell longer
    than Excel itself allows (another program's export; openpyxl cuts at the limit, so the long
    text is put into the saved XML afterwards)."""
    source = tmp_path / "cells.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tilanne"
    sheet.append(HEADER)
    sheet.append(row(c8="Tila _xFFFF_ auki"))
    sheet.append(row(c4="Toinen toimenpide", c8="LONGTEXT"))
    workbook.save(tmp_path / "saved.xlsx")
    with zipfile.ZipFile(tmp_path / "saved.xlsx") as saved, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as patched:
        for entry in saved.infolist():
            patched.writestr(entry, saved.read(entry).replace(b"LONGTEXT", b"y" * 40_000))
    # Only the patched workbook stays beside the config: the saved one would be a file nobody reads.
    (tmp_path / "saved.xlsx").unlink()
    result = run_tilanne("run", "--config", config_for(tmp_path, source))
    assert result.returncode == 1, result.stderr
    assert findings(result.stderr, tmp_path) == [("cells.xlsx:Tilanne!I2", "text.noncharacters"),
                                                 ("cells.xlsx:Tilanne!I3", "text.too-long")]
    rows = action_rows(published(tmp_path))
    assert rows[0][-1] == "Tila \ufffd auki"
    assert len(rows[1][-1]) == CELL_LIMIT and rows[1][-1].endswith(" […]")


def px_with(tmp_path, edit):
    text = (ROOT / "Input" / "mittarit" / "kuopio-vaesto.px").read_bytes().decode("latin-1")
    path = tmp_path / "vaesto.px"
    path.write_bytes(edit(text).encode("latin-1"))
    return write_config(tmp_path, extra_replacements=[
        ("state_folder: ../State", f"state_folder: {tmp_path / 'State'}"),
        (f"path: {ROOT / 'Input' / 'mittarit'}/kuopio-vaesto.px", f"path: {path}")])


@pytest.mark.parametrize("case,edit,expected", [
    # A 40,000-character value where a number belongs: quoted as an excerpt in its finding.
    ("data", lambda text: re.sub(r"(DATA=\r?\n)\d+", lambda m: m.group(1) + "x" * 40_000, text, count=1),
     [("vaesto.px:72", "statistics.bad-value")]),
    # A 40,000-character period code: cut, and named by its variable.
    ("period", lambda text: text.replace('CODES("Vuosi")="2017"', 'CODES("Vuosi")="2017' + "x" * 40_000 + '"', 1),
     [("vaesto.px", "text.too-long")]),
])
def test_a_40000_character_px_value_is_a_warning_and_the_report_is_published(tmp_path, case, edit, expected):
    config = px_with(tmp_path, edit)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 1, result.stderr
    ours = [f for f in findings(result.stderr, tmp_path) if f[0].startswith("vaesto.px")]
    assert ours == expected, result.stderr
    if case == "period":
        assert "vaesto.px: varoitus [text.too-long] [Vuosi] Mittari vakiluku: Teksti on 40004 merkkiä pitkä" in result.stderr
    workbook = published(tmp_path)
    assert "Mittarit" in workbook.sheetnames
    for name in workbook.sheetnames:
        for cells in workbook[name].iter_rows(values_only=True):
            assert all(value is None or len(str(value)) <= CELL_LIMIT for value in cells)


def test_a_utf8_file_with_one_windows_1252_row(tmp_path):
    source = tmp_path / "mixed.csv"
    second = row(c4="Yritysten sijoittuminen", c8="Työ jatkuu.")
    source.write_bytes(csv_bytes([ROW]) + (";".join(second) + "\r\n").encode("cp1252"))
    result = run_tilanne("run", "--config", config_for(tmp_path, source))
    assert result.returncode == 1, result.stderr
    assert findings(result.stderr, tmp_path) == [("mixed.csv:3", "source.mixed-encoding")]
    assert "(sarakkeet A, C, I)" in result.stderr
    rows = action_rows(published(tmp_path))
    assert [r[-1] for r in rows] == ["Sivusto käytössä.", "Työ jatkuu."]
    csv_text = (tmp_path / "Output" / f"{REPORT}.csv").read_text(encoding="utf-8-sig")
    assert "Ã" not in csv_text and "YRITTÄJYYSYMPÄRISTÖ" in csv_text


def test_a_windows_1252_file_is_still_windows_1252(tmp_path):
    source = tmp_path / "ansi.csv"
    source.write_bytes(("\r\n".join(";".join(r) for r in [HEADER, ROW]) + "\r\n").encode("cp1252"))
    result = run_tilanne("validate", "--config", config_for(tmp_path, source))
    assert result.returncode == 0, result.stderr
    assert findings(result.stderr, tmp_path) == [("ansi.csv", "source.encoding-fallback")]


def measured(args, limit=120):
    """Wall time in seconds and peak memory in MiB of one run of the command, killed past `limit` seconds."""
    wall, peak, code, stdout, _ = run_measured(*args, limit=limit)
    return wall, peak, code, stdout


def test_a_flood_of_empty_lines_costs_nothing_per_line(tmp_path):
    # 5 MB of line feeds after one action row: was 1.2 GB and 17 s.
    source = tmp_path / "lines.csv"
    source.write_bytes(csv_bytes([ROW]) + b"\n" * 5_000_000)
    wall, peak, code, stdout = measured(["validate", "--config", config_for(tmp_path, source)])
    print(f"5 MB of line feeds: {wall:.2f} s, peak {peak:.0f} MiB")
    assert code == 0
    assert "Rivejä luettu 5\xa0000\xa0001: 1 raportissa, 0 hylätty, 5\xa0000\xa0000 tyhjää" in stdout
    assert peak < 150, f"peak {peak:.0f} MiB"


def test_comparison_keys_are_linear(tmp_path):
    # 800,000 capital letters outside ASCII in one title: was more than two minutes.
    source = tmp_path / "capitals.csv"
    source.write_bytes(csv_bytes([row(c2="Ä" * 800_000)]))
    wall, peak, code, _ = measured(["validate", "--config", config_for(tmp_path, source)])
    print(f"800,000 capital letters: {wall:.2f} s, peak {peak:.0f} MiB")
    assert code == 1
    assert wall < 20, f"{wall:.1f} s"


def test_a_status_text_full_of_commas_keeps_the_file_a_semicolon_file(tmp_path):
    # 10,000 commas in one unquoted cell outvoted the semicolons: the file was split on ',' (exit 2).
    source = tmp_path / "commas.csv"
    source.write_bytes(csv_bytes([row(c8="Eteni, " * 2_000 + "valmis.")]))
    result = run_tilanne("run", "--config", config_for(tmp_path, source))
    assert result.returncode == 0, result.stderr
    assert findings(result.stderr, tmp_path) == []
    assert action_rows(published(tmp_path))[0][-1] == "Eteni, " * 2_000 + "valmis."
