"""The indicators as their readers get them: the workbook's Mittarit sheet read back with
openpyxl (numbers, display formats, a native chart per indicator), the CSV as Finnish Excel
reads it, the HTML's inline charts with their text alternatives, LibreOffice printing the
sheet, and `tilanne inspect` on the real StatFin PX files."""
import csv
import io
import json
import subprocess

import openpyxl
import pytest

from conftest import ROOT, require_tool, run_tilanne, write_config

KUOPIO = "kasvava-kuopio-tilanne-1-2024"
STATFIN = ROOT / "Tests" / "TilanneCoreTests" / "Fixtures" / "statistics" / "statfin"
NBSP = "\u00a0"


def indicator_rows(ws):
    """Rows of the Mittarit sheet that hold an indicator (a name and a baseline period)."""
    # Names of indicators whose figures are examples end in "(esimerkkiluku)".
    return {ws.cell(r, 1).value.removesuffix(" (esimerkkiluku)"): r for r in range(5, ws.max_row + 1)
            if ws.cell(r, 3).value and ws.cell(r, 2).value is not None}


def test_mittarit_sheet_has_numbers_with_display_formats_and_a_chart_each(kuopio_run):
    _, output = kuopio_run
    book = openpyxl.load_workbook(output / f"{KUOPIO}.xlsx")
    ws = book["Mittarit"]
    assert ws["A1"].value == "Mittarit: lähtötaso, viimeisin arvo ja tavoite"
    assert ws["A5"].value == "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"
    rows = indicator_rows(ws)
    assert list(rows) == ["Väkiluku, Kuopio", "Työllisyysaste, 18–64-vuotiaat", "Työttömät, % työvoimasta",
                          "Yritysten määrä", "Avoimet työpaikat (koko maa)"]
    population = rows["Väkiluku, Kuopio"]
    # Numbers are numbers; the grouping and decimal comma are the reader's display format.
    assert [ws.cell(population, c).value for c in range(3, 10)] == ["2019", 119282, "2023", 124025, "2030", 130000, 4743]
    assert ws.cell(population, 4).number_format == "#,##0"
    employment = rows["Työllisyysaste, 18–64-vuotiaat"]
    assert ws.cell(employment, 6).value == 72.4
    assert ws.cell(employment, 6).number_format == '#,##0.0" %"'
    assert ws.cell(population, 10).number_format == "0.0 %"
    assert round(ws.cell(population, 10).value, 4) == round(4743 / 10718, 4)
    unemployment = rows["Työttömät, % työvoimasta"]
    assert ws.cell(unemployment, 12).value == "-  Ei ole edennyt tavoitteen suuntaan"
    assert ws.cell(unemployment, 12).fill.fgColor.rgb.endswith("F4A6A6")
    assert ws.cell(population, 12).value == "+  Etenee tavoitteen mukaan"
    assert len(ws._charts) == 5
    series = book["Mittarisarjat"]
    values = [(r[1].value, r[2].value, r[4].value) for r in series.iter_rows(min_row=2) if r[0].value == "Yritysten määrä (esimerkkiluku)"]
    assert values[-1] == ("2023", None, "..")  # not yet published: blank, not zero, its symbol kept
    assert values[0][:2] == ("2018", 7562) and not values[0][2]
    # The unit has its own column there: the value's format does not repeat the "%".
    rate = next(r for r in series.iter_rows(min_row=2) if r[0].value == "Työllisyysaste, 18–64-vuotiaat (esimerkkiluku)" and r[2].value)
    assert rate[3].value == "%" and rate[2].number_format == "#,##0.0"
    assert series["E1"].value == "Puuttuvan tiedon merkki"
    # Each status of the legend spans two columns, so its text is not cut.
    assert {"B2:C2", "J2:K2"} <= {str(r) for r in ws.merged_cells.ranges}


def test_indicator_csv_writes_numbers_as_a_finnish_reader_expects(kuopio_run):
    _, output = kuopio_run
    raw = (output / f"{KUOPIO}-mittarit.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["Painopiste", "Mittari", "Yksikkö", "Lähtötaso: ajankohta", "Lähtötaso"]
    by_name = {row[1].removesuffix(" (esimerkkiluku)"): dict(zip(header, row)) for row in body}
    assert by_name["Väkiluku, Kuopio"]["Viimeisin"] == f"124{NBSP}025"
    assert by_name["Työllisyysaste, 18–64-vuotiaat"]["Viimeisin"] == f"72,4{NBSP}%"
    assert by_name["Työttömät, % työvoimasta"]["Matkasta tavoitteeseen"] == f"-26,1{NBSP}%"
    assert by_name["Työttömät, % työvoimasta"]["Eteneminen"] == "-"
    swedish = (output / f"{KUOPIO}-indikatorer-sv.csv").read_text(encoding="utf-8-sig")
    assert "Folkmängd, Kuopio (exempeltal);personer;2019" in swedish


def test_html_section_has_inline_charts_with_text_alternatives(kuopio_run):
    _, output = kuopio_run
    html = (output / f"{KUOPIO}.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="mittarit">'):]
    section = section[:section.index("</section>")]
    assert section.count('<svg class="sparkline" role="img"') == 5
    assert f'aria-label="Kehitys 2017–2023: 118{NBSP}209 → 124{NBSP}025 henkilöä"' in section
    assert "<script" not in html
    assert "Ei ole edennyt tavoitteen suuntaan" in section
    assert '<a href="#mittarit">Mittarit</a>' in html


def test_model_json_holds_the_indicators(kuopio_run):
    _, output = kuopio_run
    model = json.loads((output.parent / "model.json").read_text(encoding="utf-8"))
    population = next(i for i in model["indicators"] if i["id"] == "vakiluku")
    assert population["latest"] == {"period": "2023", "value": 124025, "year": 2023}
    assert population["status"] == "on-track"


def test_libreoffice_prints_the_mittarit_sheet(kuopio_run, tmp_path):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    _, output = kuopio_run
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(output / f"{KUOPIO}.xlsx")], check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{KUOPIO}.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    page = next(p for p in text.split("\f") if "Mittarit: lähtötaso, viimeisin arvo ja tavoite" in p)
    assert "Etenee tavoitteen mukaan" in page and "Väkiluku, Kuopio" in page


@pytest.mark.parametrize("name, expected", [
    ("statfin_atp_pxt_11n3.px", "cells 55, values 55, missing 0, sum 1277900.0"),
    ("statfin_kihi_pxt_141f.px", "cells 30, values 29, missing 1"),
])
def test_inspect_reads_real_statfin_files(name, expected):
    result = run_tilanne("inspect", STATFIN / name)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_inspect_notes_a_wrong_declared_encoding():
    result = run_tilanne("inspect", STATFIN / "statfin_akay_pxt_013.px")
    assert result.returncode == 0  # a note only
    assert "[statistics.encoding-mismatch]" in result.stderr
    assert "10 vuotta täyttäneet yhteensä" in result.stdout  # the labels decoded right


def test_a_wrong_area_code_is_a_located_warning_and_the_report_is_still_written(tmp_path):
    config = write_config(tmp_path, extra_replacements=[("select: {Alue: KU297, Tiedot: vaesto}", "select: {Alue: KU999, Tiedot: vaesto}")])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 1, result.stderr
    assert "kuopio-vaesto.px: varoitus [indicator.code-not-found]" in result.stderr
    assert "KU297 (Kuopio)" in result.stderr
    assert (tmp_path / "Output" / f"{KUOPIO}.xlsx").exists()


PXTOOLS = ROOT / "Tests" / "TilanneCoreTests" / "Fixtures" / "statistics" / "pxtools"


def finding_lines(stderr):
    """The findings a run printed (`file:row:col: severity [code] message`)."""
    return [line for line in stderr.splitlines() if " [" in line and "] " in line and ": " in line]


def test_a_table_with_several_value_columns_is_a_warning_of_its_indicator_and_the_report_is_published(kuopio_run, tmp_path):
    table = tmp_path / "tyottomyys-oma.csv"
    table.write_text("Vuosi;Työttömyysaste;Työllisyysaste\n2019;10,3;70,1\n2023;10,9;72,4\n", encoding="utf-8")
    config = write_config(tmp_path, extra_replacements=[
        (f"path: {ROOT / 'Input' / 'mittarit'}/sotkanet-tyottomyys.csv\n      select: {{Alue: Kuopio, Sukupuoli: Yhteensä}}",
         f"path: {table}")])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 1, result.stderr  # done with warnings, never "invalid input"
    assert (tmp_path / "Output" / f"{KUOPIO}.xlsx").exists()
    baseline, _ = kuopio_run
    new = [line for line in finding_lines(result.stderr) if line not in finding_lines(baseline.stderr)]
    # Exactly one new finding: the indicator's, at the file's first row, naming the columns found.
    assert len(new) == 1, new
    assert "tyottomyys-oma.csv:1: varoitus [statistics.header-not-found] Mittari tyottomyysaste: " in new[0]
    assert '"Vuosi", "Työttömyysaste", "Työllisyysaste"' in new[0]
    assert "{" not in new[0] and '""' not in new[0]


def test_inspect_lists_every_code_column_of_a_table_and_counts_that_add_up():
    result = run_tilanne("inspect", ROOT / "Input" / "mittarit" / "sotkanet-tyottomyys.csv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  Indikaattori, 1 values [fi: Indikaattori]" in lines
    assert "  Alue, 2 values [fi: Alue]" in lines and "    Koko maa" in lines
    assert "  Sukupuoli, 1 values [fi: Sukupuoli]" in lines and "    Yhteensä" in lines
    assert "  Vuosi (time), 7 values [fi: Vuosi]" in lines
    assert "  cells 14, values 12, missing 2, sum 129.20" in lines


@pytest.mark.parametrize("name, expected", [
    ("statfin_klts_pxt_11wv.px", "cells 45, values 45, missing 0"),
    ("statfin_klts_pxt_11wv-tagged.px", "cells 45, values 45, missing 0"),
    ("statfin_khi_pxt_122q.px", "cells 44, values 44, missing 0"),
])
def test_inspect_reads_the_pxtools_files(name, expected):
    result = run_tilanne("inspect", PXTOOLS / name)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert finding_lines(result.stderr) == []


def test_inspect_shows_the_two_key_units_of_default_language_tagged_keys():
    result = run_tilanne("inspect", PXTOOLS / "statfin_klts_pxt_11wv-tagged.px")
    assert result.returncode == 0, result.stderr
    assert "  Tiedot (content), 3 values [en: Information, fi: Tiedot, sv: Uppgifter]" in result.stdout
    assert "    klts030  Kulttuurin osuus bruttoarvonlisäyksestä, %  [%]" in result.stdout
    assert "    klts010  Bruttoarvonlisäys, miljoonaa euroa  [Miljoonaa euroa]" in result.stdout
