"""Workbooks and Word documents through the built command: the report they give, and the
hostile ones refused with exit 2, a clear message, bounded memory and no output written."""
import json
import os
import struct
import subprocess
import zipfile

import openpyxl
import pytest

from conftest import BIN, ROOT, reports_in, run_measured, run_tilanne, write_config

FIXTURES = ROOT / "Tests" / "TilanneCoreTests" / "Fixtures"
SECTIONED_COLUMNS = """      levels:
        painopiste: Painopiste
        tavoite: {number: Tavoite nro, title: Tavoite}
      binding_goal: Sitova tavoite TA2021
"""
# The council table's section rows: the theme row may carry the legend the document glues to it.
SECTIONS = r"""    sections:
      painopiste: '^(?<title>[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9 ,\-–]+?)(?:\s+SELITTEET\b.*)?$'
      tavoite: '^TAVOITE\s+(?<number>\d+)\s*[.:]?\s*(?<title>.+)$'
      binding_goal: '^\(?\s*Sitova tavoite\s*(?<label>[^:]*):\s*(?<text>.+?)\s*\)?$'
"""


def sectioned_config(folder, source, part_line):
    return write_config(folder, source=source, extra_replacements=[
        ("shape: flat", f"shape: sectioned\n    {part_line}\n{SECTIONS.rstrip()}"),
        (SECTIONED_COLUMNS, ""),
    ])


def status_cells(xlsx):
    sheet = openpyxl.load_workbook(xlsx, read_only=True)["Tilanne"]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_and_document_give_the_csv_report(kuopio_run, tmp_path):
    _, csv_output = kuopio_run
    expected = status_cells(csv_output / "kasvava-kuopio-tilanne-1-2024.xlsx")
    for name, part in (("kuopio-sectioned-libreoffice.xlsx", "sheet: Tilanne"),
                       ("kuopio-sectioned-python-docx.docx", "table: all")):
        folder = tmp_path / name
        config = sectioned_config(folder, FIXTURES / "office" / name, part)
        result = run_tilanne("run", "--config", config)
        assert result.returncode == 1, result.stderr
        assert "Rivejä luettu" in result.stdout and "77 raportissa, 0 hylätty" in result.stdout
        assert status_cells(folder / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx") == expected


def test_workbook_findings_name_sheet_and_cell(tmp_path):
    config = write_config(tmp_path, source=FIXTURES / "office" / "kuopio-flat-openpyxl.xlsx")
    result = run_tilanne("validate", "--config", config)
    assert result.returncode == 1
    assert "kuopio-flat-openpyxl.xlsx:Tilanne!H54: varoitus [progress.unknown-code] [Eteneminen]" in result.stderr


@pytest.mark.parametrize("name,code", [
    ("bomb-lying-size.xlsx", "archive.too-large"),
    ("escape.xlsx", "archive.unsafe-path"),
    ("laughs.xlsx", "xml.dtd-forbidden"),
    ("xxe.docx", "xml.dtd-forbidden"),
    ("wide.xlsx", "sheet.too-large"),
    ("truncated.xlsx", "archive.damaged"),
    ("renamed-csv.xlsx", "source.wrong-format"),
    ("old-binary.xlsx", "source.wrong-format"),
])
def test_hostile_file_exits_2_and_writes_nothing(tmp_path, name, code):
    config = write_config(tmp_path, source=FIXTURES / "hostile" / name,
                          extra_replacements=[("validation:", "limits:\n  max_expanded_mb: 16\n\nvalidation:")])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 2, result.stderr
    assert f"virhe [{code}]" in result.stderr
    assert "raportteja ei kirjoitettu" in result.stderr
    assert reports_in(tmp_path / "Output") == []


def lying_bomb(path, gigabytes=1):
    """A sheet that expands to `gigabytes` GiB of spaces while its ZIP headers claim 1,000 bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="Tilanne" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = b" " * (16 * 1024 * 1024)
            for _ in range(gigabytes * 64):
                f.write(block)
            f.write(b"</sheetData></worksheet>")
    data = bytearray(path.read_bytes())
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        offset = 0
        while (offset := data.find(signature, offset)) >= 0:
            if data[offset + name_offset:offset + name_offset + 24] == b"xl/worksheets/sheet1.xml":
                struct.pack_into("<I", data, offset + size_offset, 1000)
            offset += 4
    path.write_bytes(bytes(data))


def test_zip_bomb_stops_at_the_limit_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    lying_bomb(bomb)
    assert bomb.stat().st_size < 4 * 1024 * 1024
    config = write_config(tmp_path, source=bomb)  # the default limit: 512 MB of XML per file
    _, peak_mib, _, _, stderr = run_measured("run", "--config", config)
    print(f"bomb: peak {peak_mib:.0f} MiB")
    assert "virhe [archive.too-large]" in stderr and "yli 512 Mt" in stderr, stderr
    assert peak_mib < 150, f"peak memory {peak_mib:.0f} MiB while refusing a 1 GiB bomb"
    assert reports_in(tmp_path / "Output") == []


def kuopio_sectioned_rows():
    """The Kuopio table as the printed council table: (kind, cells) in order."""
    import csv
    with open(ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    theme = goal = None
    for r_theme, number, title, binding, action, projects, responsible, progress, status in rows[1:]:
        if r_theme != theme:
            theme, goal = r_theme, None
            yield "section", theme
        if number != goal:
            goal = number
            yield "section", f"TAVOITE {number}. {title}" + (f"\n(Sitova tavoite TA2021: {binding})" if binding else "")
            yield "header", ["Toimenpiteet 2018-2021 (-2022)", "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]
        yield "action", [action, projects, responsible, progress, status]


# As coordinators save the table: the programme's name in capitals and the period above the first section row.
TITLE_ROWS = ["KASVAVA KUOPIO -TOIMENPIDEOHJELMA", "Tilanne 1/2024"]


def test_title_rows_above_the_first_section_are_titles_not_actions(tmp_path):
    import docx
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tilanne"
    document = docx.Document()
    items = [("title", text) for text in TITLE_ROWS] + list(kuopio_sectioned_rows())
    table = document.add_table(rows=len(items), cols=5)
    for index, (kind, cells) in enumerate(items, start=1):
        row = table.rows[index - 1]
        if kind in ("title", "section"):
            sheet.cell(index, 1, cells)
            sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=5)
            row.cells[0].merge(row.cells[4]).text = cells
        else:
            for column, text in enumerate(cells, start=1):
                sheet.cell(index, column, text)
                row.cells[column - 1].text = text
    workbook, word = tmp_path / "kuopio-otsikot.xlsx", tmp_path / "kuopio-otsikot.docx"
    book.save(workbook)
    document.save(word)
    for source, part in ((workbook, "sheet: Tilanne"), (word, "table: 1")):
        folder = tmp_path / source.suffix[1:]
        result = run_tilanne("run", "--config", sectioned_config(folder, source, part))
        assert result.returncode == 1, result.stderr
        # Every one of the 77 actions is in the report; the 2 title rows, 4 theme rows, 13 goal
        # rows and 12 repeated headers are counted as structure.
        assert "Rivejä luettu 108: 77 raportissa, 0 hylätty, 31 otsikko- tai väliotsikkoriviä" in result.stdout, result.stdout
        assert "goal.not-in-register" not in result.stderr and "row.outside-goal" not in result.stderr
        actions = [row[0] for row in status_cells(folder / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx") if row[3]]
        assert not any(str(text).startswith(("KASVAVA KUOPIO", "Tilanne 1/2024")) for text in actions)


def test_a_progress_cell_with_only_its_fill_colour_is_read_by_that_colour(tmp_path):
    """Some units colour the progress cell instead of typing a code: with `fill:` in the
    legend, the colour is the code; an unfilled empty cell is still 'code missing'."""
    from openpyxl.styles import PatternFill
    import csv
    with open(ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(rows[0])
    fills = {"+": "C6EFCE", "+/-": "FFEB9C", "-": "FFC7CE"}
    for row in rows[1:6]:
        sheet.append(row)
        code = row[7]
        if code in fills:
            sheet.cell(sheet.max_row, 8).value = None
            sheet.cell(sheet.max_row, 8).fill = PatternFill("solid", fgColor=fills[code])
    sheet.append(rows[6][:7] + ["", rows[6][8]])  # empty and unfilled
    source = tmp_path / "varit.xlsx"
    book.save(source)
    config = write_config(tmp_path, source=source, extra_replacements=[
        (f'colour: "#{colour}"', f'colour: "#{colour}"\n    fill: "#{colour}"') for colour in fills.values()])
    result = run_tilanne("run", "--config", config, "--dump-model", tmp_path / "model.json")
    assert result.returncode == 1, result.stderr
    model = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    codes = [a["progress"]["code"] for t in model["programmes"][0]["items"] for g in t["items"] for a in g["actions"]]
    assert codes == [row[7] for row in rows[1:6]] + [""]
    assert result.stderr.count("[progress.missing]") == 1
