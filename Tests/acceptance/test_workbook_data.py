"""The workbook as data: sheet Tiedot holds one row per action in an Excel Table (header row,
autofilter, no merged cells) with the hierarchy in columns under the programme's own level names,
the progress code and its label apart and whole numbers as numbers; every column is a defined
name, and the summary's counts are formulas over the table whose cached results are the counts
the report computed, as LibreOffice finds when it recalculates them."""
import collections
import csv
import json
import os
import shutil
import subprocess

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from conftest import ROOT, larger_table, require_tool, run_tilanne, write_config

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def data_table(xlsx, sheet="Tiedot"):
    book = openpyxl.load_workbook(xlsx)
    ws = book[sheet]
    assert len(ws.tables) == 1, ws.tables
    table = next(iter(ws.tables.values()))
    header = [c.value for c in ws[1]]
    rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    return book, ws, table, header, rows


def assert_is_a_table_of_every_action(ws, table, header, rows, actions):
    """The table covers the header and one row per action, filters every column, and nothing is merged."""
    assert table.ref == f"A1:{get_column_letter(len(header))}{actions + 1}"
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert table.headerRowCount in (None, 1)
    assert [c.name for c in table.tableColumns] == header
    assert not ws.merged_cells.ranges
    assert len(rows) == actions and len({r[0] for r in rows}) == actions  # one row per action, by its id
    assert ws.freeze_panes == "A2"


def level_headers(model):
    """The hierarchy's columns as the programme names its levels: per level its number, when it has one, and title."""
    headers = [model["programmeLevelName"]] if model["showsProgrammes"] else []
    for level in model["levels"]:
        if level["numbering"] != "none":
            headers.append(f"{level['name']} nro")
        headers.append(level["name"])
    return headers


def test_kuopio_actions_are_an_excel_table(kuopio_run):
    _, output = kuopio_run
    model = json.loads((output.parent / "model.json").read_text(encoding="utf-8"))
    book, ws, table, header, rows = data_table(output / f"{KUOPIO}.xlsx")
    assert book.sheetnames.index("Tiedot") == book.sheetnames.index("Kaavio") + 1
    assert table.name == "Toimenpiteet"
    assert_is_a_table_of_every_action(ws, table, header, rows, 77)
    assert header[:4] == ["Tunnus", "Painopiste", "Tavoite nro", "Tavoite"] == ["Tunnus"] + level_headers(model)
    # The council edition: no column of findings (the coordinator's edition has it).
    assert header[5:11] == ["Toimenpide", "Hankkeet", "Vastuutaho", "Eteneminen", "Etenemisen selite", "Tilanne 1/2024"]
    assert "Tarkistettava" not in header
    code, label = header.index("Eteneminen"), header.index("Etenemisen selite")
    # Code and label apart; the three unknown codes are rows like the others.
    assert collections.Counter(r[code] for r in rows) == {"+": 51, "+/-": 11, "-": 8, "?": 4, "+?": 3}
    assert {r[label] for r in rows if r[code] == "+?"} == {None}  # shown as written, with no note to check
    assert {r[label] for r in rows if r[code] == "+"} == {"Etenee myönteisesti"}
    # The goal numbers are numbers, in the programme's order.
    goals = [r[2] for r in rows]
    assert all(isinstance(n, int) for n in goals) and goals == sorted(goals) and set(goals) == set(range(1, 14))
    assert rows[0][3] == "Osaavan työvoiman saannin turvaaminen" and rows[0][1] == "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"
    # The same actions in the same order as the CSV.
    with open(output / f"{KUOPIO}.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r[0] for r in rows] == [line[0] for line in list(csv.reader(handle, delimiter=";"))[1:]]
    # Each column is a defined name over its cells.
    assert book.defined_names["Tiedot_Eteneminen"].attr_text == "'Tiedot'!$I$2:$I$78"
    assert book.defined_names["Tiedot_Tavoite_nro"].attr_text == "'Tiedot'!$C$2:$C$78"
    assert len([name for name in book.defined_names if name.startswith("Tiedot_")]) == len(header)


def test_summary_counts_are_formulas_over_the_table(kuopio_run):
    _, output = kuopio_run
    xlsx = output / f"{KUOPIO}.xlsx"
    formulas = openpyxl.load_workbook(xlsx)["Yhteenveto"]
    cached = openpyxl.load_workbook(xlsx, data_only=True)["Yhteenveto"]
    _, _, _, header, rows = data_table(xlsx)
    code = header.index("Eteneminen")
    by_goal = collections.Counter((r[2], r[code]) for r in rows)
    goals = collections.Counter(r[2] for r in rows)
    for row in range(4, 17):  # the 13 goals
        goal = int(cached.cell(row, 2).value.split(".")[0])
        for column, value in zip((3, 5, 7, 9), ("+", "+/-", "-", "?")):
            formula = formulas.cell(row, column).value
            assert formula == (f'=SUMPRODUCT(--(Tiedot_Painopiste="{cached.cell(row, 1).value}"),'
                               f'--(Tiedot_Tavoite_nro={goal}),--(Tiedot_Eteneminen="{value}"))')
            assert cached.cell(row, column).value == by_goal[(goal, value)]
        assert formulas.cell(row, 4).value == f"=IF(M{row}=0,0,C{row}/M{row})"
        assert cached.cell(row, 11).value == by_goal[(goal, "+?")]  # other codes: what the legend's leave
        assert formulas.cell(row, 11).value == f"=M{row}-L{row}-(C{row}+E{row}+G{row}+I{row})"
        assert cached.cell(row, 13).value == goals[goal]
    total = next(r for r in range(4, cached.max_row + 1) if cached.cell(r, 1).value == "Kasvava Kuopio -toimenpideohjelma")
    assert formulas.cell(total, 13).value == "=ROWS(Tiedot_Tunnus)" and cached.cell(total, 13).value == 77
    assert formulas.cell(total, 3).value == '=SUMPRODUCT(--(Tiedot_Eteneminen="+"))' and cached.cell(total, 3).value == 51


def recalculated_summary(xlsx, tmp_path):
    """The summary sheet as LibreOffice computes it, every formula recalculated on loading."""
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    profile = tmp_path / "lo-recalc"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
        '<value>0</value></prop></item></oor:items>\n', encoding="utf-8")
    out = tmp_path / "recalculated"
    # Comma-separated UTF-8, the second sheet (Yhteenveto), values rather than formulas.
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                             "--outdir", str(out), str(xlsx)], capture_output=True, text=True, timeout=240,
                            env={**os.environ, "LC_ALL": "C.UTF-8"})
    files = list(out.glob("*.csv")) if out.exists() else []
    assert result.returncode == 0 and len(files) == 1, result.stderr
    with open(files[0], encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def assert_recalculation_gives_the_cached_counts(xlsx, tmp_path):
    cached = openpyxl.load_workbook(xlsx, data_only=True)["Yhteenveto"]
    formulas = openpyxl.load_workbook(xlsx)["Yhteenveto"]
    lines = recalculated_summary(xlsx, tmp_path)
    checked = 0
    for row in range(1, cached.max_row + 1):
        for column in range(1, cached.max_column + 1):
            formula = formulas.cell(row, column).value
            if not (isinstance(formula, str) and formula.startswith("=")):
                continue
            text = lines[row - 1][column - 1].replace(",", ".")
            value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
            assert value == pytest.approx(cached.cell(row, column).value, abs=1e-6), (row, column, formula)
            checked += 1
    assert checked > 0
    return checked


def test_libreoffice_recalculates_the_summary_to_the_same_counts(kuopio_run, tmp_path):
    _, output = kuopio_run
    checked = assert_recalculation_gives_the_cached_counts(output / f"{KUOPIO}.xlsx", tmp_path)
    assert checked >= 18 * 11  # 13 goals, 4 themes and the total, 11 counts and shares each


def run_example(city, tmp_path):
    folder = tmp_path / city
    shutil.copytree(ROOT / "examples" / city, folder, ignore=shutil.ignore_patterns("Output"))
    result = run_tilanne("run", "--config", folder / "tilanne.yml", "--dump-model", folder / "model.json")
    assert result.returncode in (0, 1), result.stderr
    model = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    workbooks = [p for p in (folder / "Output").glob("*.xlsx") if not p.stem.endswith(("-sv", "-koordinaattori"))]
    assert len(workbooks) == 1, workbooks
    return model, workbooks[0]


@pytest.mark.parametrize("city, headers", [
    ("heinola", ["Luku nro", "Luku", "Kärki / väline nro", "Kärki / väline"]),
    ("mikkeli", ["Ohjelma", "Painopiste nro", "Painopiste", "Kohta nro", "Kohta"]),
])
def test_other_programmes_as_tables_under_their_own_level_names(city, headers, tmp_path):
    model, xlsx = run_example(city, tmp_path)
    book, ws, table, header, rows = data_table(xlsx)
    assert_is_a_table_of_every_action(ws, table, header, rows, model["totals"]["total"])
    assert header[1:1 + len(headers)] == headers == level_headers(model)
    for name in headers:
        key = "Tiedot_" + name.replace("ä", "a").replace(" / ", "_").replace(" ", "_")
        assert key in book.defined_names, (key, list(book.defined_names))
    code = header.index("Eteneminen")
    counted = collections.Counter(r[code] for r in rows)
    assert {c["code"]: c["count"] for c in model["totals"]["byCode"] if c["count"]} == \
        {k: v for k, v in counted.items() if k in {c["code"] for c in model["totals"]["byCode"]}}
    assert_recalculation_gives_the_cached_counts(xlsx, tmp_path)


def test_a_report_of_more_than_20000_actions_has_no_data_sheet_and_says_so(tmp_path, kuopio_run):
    """Written in constant-memory mode, where libxlsxwriter cannot make the Excel Table, the
    workbook leaves the data sheet out and says so under the summary, in the report's language;
    the summary's counts are numbers, the Kuopio table's own counts times the copies, and the
    CSV holds every action (decision 0009)."""
    copies = 263  # 20,251 actions
    config = write_config(tmp_path, source=larger_table(tmp_path, copies=copies))
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 1, result.stderr
    output = tmp_path / "Output"
    notes = {"": ("Tilanne", "Yhteenveto", "Raportissa on yli 20\u00a0000 toimenpidettä, joten työkirjassa ei ole "
                  "Tiedot-välilehteä: yhteenvedon luvut ovat arvoja, eivät kaavoja."),
             "-sv": ("Läge", "Sammandrag", "Rapporten har över 20\u00a0000 åtgärder och därför saknar arbetsboken "
                     "bladet Data: talen i sammandraget är värden, inte formler.")}
    for suffix, (status, summary_name, note) in notes.items():
        book = openpyxl.load_workbook(output / f"{KUOPIO}{suffix}.xlsx", read_only=True)
        assert book.sheetnames[:2] == [status, summary_name] and "Tiedot" not in book.sheetnames
        assert "Data" not in book.sheetnames
        assert not any(name.startswith(("Tiedot_", "Data_")) for name in book.defined_names)
        summary = [row for row in book[summary_name].iter_rows(values_only=True) if any(v is not None for v in row)]
        assert [v for v in summary.pop() if v is not None] == [note]
        assert not any(isinstance(v, str) and v.startswith("=") for row in summary for v in row)
        # The 77-action report's summary (its formulas' cached results), every count times the copies.
        small = openpyxl.load_workbook(kuopio_run[1] / f"{KUOPIO}{suffix}.xlsx", read_only=True, data_only=True)
        expected = [row for row in small[summary_name].iter_rows(values_only=True) if any(v is not None for v in row)]
        assert len(summary) == len(expected) == 20  # title, header, 13 goals, 4 themes, the programme
        shares = {i for i, header in enumerate(summary[1]) if str(header).endswith((" osuus", " andel"))}
        assert len(shares) == 4
        for row, want in zip(summary[2:], expected[2:]):
            assert row[:2] == want[:2]
            for column, (value, wanted) in enumerate(zip(row[2:], want[2:]), start=2):
                assert value == (pytest.approx(wanted) if column in shares else wanted * copies), (column, row, want)
        assert any(row[-1] == 77 * copies for row in summary)
        with open(output / f"{KUOPIO}{suffix}.csv", encoding="utf-8-sig", newline="") as f:
            assert len(list(csv.reader(f, delimiter=";"))) == 77 * copies + 1
