#!/usr/bin/env python3
"""Makes the committed XLSX and DOCX fixtures from the real Kuopio table
(Input/kasvava-kuopio-tilanne-1-2024.csv), each with a program other than Tilanne, so the
readers are tested on files they did not write:

  kuopio-sectioned-libreoffice.xlsx  LibreOffice Calc (soffice --convert-to xlsx) from a flat
      ODS document written here: an instructions sheet first, then sheet "Tilanne" with title
      rows, theme rows (theme + the legend merged over four columns), goal rows merged over
      all five columns, the header repeated under every goal, then the actions.
  kuopio-flat-openpyxl.xlsx          openpyxl: the flat shape with the header on row 3 below
      title rows, goal numbers as numbers, theme and goal merged down over their actions,
      one status text as rich text runs.
  kuopio-theme-{a,b}-openpyxl.xlsx   openpyxl: the flat table split in two files by theme, as
      two responsible units would keep it.
  kuopio-sectioned-python-docx.docx  python-docx: the sectioned council table as in the Word
      attachment (gridSpan for merged rows, paragraphs per line), a legend table before it, and
      a nested table inside one cell.
  kuopio-flat-libreoffice.docx       LibreOffice Writer (soffice --convert-to docx) from an HTML
      table with rowspan (theme and goal merged down: vMerge) and a title row with colspan.
  cell-values-libreoffice.xlsx       LibreOffice Calc: dates, decimals,
      formulas with cached values, an error value, a line break in a cell.

Run from the repository root: python3 Tests/TilanneCoreTests/Fixtures/make_office_fixtures.py
(needs soffice from libreoffice-calc-nogui and libreoffice-writer-nogui, openpyxl, python-docx)."""
import csv
import html
import os
import shutil
import subprocess
import tempfile

import openpyxl
from docx import Document
from docx.shared import Pt
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "office")
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
os.makedirs(out, exist_ok=True)
with open(os.path.join(root, "Input", "kasvava-kuopio-tilanne-1-2024.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, body = rows[0], rows[1:]
LEGEND = "+ Etenee myönteisesti     +/- Etenee osittain myönteisesti       - Ei ole edennyt       ? Ei tietoa etenemisestä"
COLUMNS = ["Toimenpiteet 2018-2021 (-2022)", "Hankkeet ", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]


def sectioned_rows():
    """(kind, cells) in the printed council table's order."""
    theme = goal = None
    for r in body:
        r_theme, number, title, binding, action, projects, responsible, progress, status = r
        if r_theme != theme:
            theme, goal = r_theme, None
            yield "theme", [f"{theme} SELITTEET", LEGEND]
        if number != goal:
            goal = number
            cell = f"TAVOITE {number}. {title} "
            if binding:
                cell += f"\n(Sitova tavoite TA2021: {binding})"
            yield "goal", [cell]
            yield "header", COLUMNS
        yield "action", [action, projects, responsible, progress, status]


def soffice(source, fmt, folder, infilter=None):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        if infilter:
            command.append(f"--infilter={infilter}")
        result = subprocess.run(command + ["--convert-to", fmt, "--outdir", folder, source],
                                check=True, capture_output=True, timeout=180, text=True)
        if "Error" in result.stderr or "Error" in result.stdout:
            raise SystemExit(f"soffice: {result.stdout} {result.stderr}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def fods_cell(text, span=1, value_type=None, value=None, formula=None):
    attrs = ""
    if span > 1:
        attrs += f' table:number-columns-spanned="{span}"'
    if formula:
        attrs += f' table:formula="{html.escape(formula)}"'
    if value_type == "float":
        attrs += f' office:value-type="float" office:value="{value}"'
    elif value_type == "date":
        attrs += f' office:value-type="date" office:date-value="{value}" table:style-name="date"'
    elif value_type == "boolean":
        attrs += f' office:value-type="boolean" office:boolean-value="{value}"'
    elif value_type == "percentage":
        attrs += f' office:value-type="percentage" office:value="{value}"'
    elif text != "":
        attrs += ' office:value-type="string"'
    paragraphs = "".join(f"<text:p>{html.escape(line)}</text:p>" for line in str(text).split("\n")) if text != "" else ""
    cell = f"<table:table-cell{attrs}>{paragraphs}</table:table-cell>"
    if span > 1:
        cell += "<table:covered-table-cell/>" * (span - 1)
    return cell


def fods(sheets):
    body_xml = ""
    for name, table_rows in sheets:
        body_xml += f'<table:table table:name="{html.escape(name)}">'
        for cells in table_rows:
            body_xml += "<table:table-row>" + "".join(cells) + "</table:table-row>"
        body_xml += "</table:table>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="fi-date"><number:day/><number:text>.</number:text><number:month/><number:text>.</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="fi-date"/>
</office:automatic-styles>
<office:body><office:spreadsheet>{body_xml}</office:spreadsheet></office:body></office:document>"""


def make_sectioned_libreoffice_xlsx(tmp):
    instructions = [[fods_cell("Täytä Tilanne-välilehti. Etenemiskoodit: + +/- - ?")]]
    table = [[fods_cell("Kasvava Kuopio -toimenpideohjelma")], [fods_cell("Tilanne 1/2024")], []]
    for kind, cells in sectioned_rows():
        if kind == "theme":
            table.append([fods_cell(cells[0]), fods_cell(cells[1], span=4)])
            table.append([])
        elif kind == "goal":
            table.append([fods_cell(cells[0], span=5)])
        else:
            table.append([fods_cell(c) for c in cells])
    path = os.path.join(tmp, "kuopio-sectioned-libreoffice.fods")
    with open(path, "w", encoding="utf-8") as f:
        f.write(fods([("Ohjeet", instructions), ("Tilanne", table)]))
    soffice(path, "xlsx", out)


def make_cell_values_xlsx(tmp):
    rows = [
        [fods_cell("Tyyppi"), fods_cell("Arvo")],
        [fods_cell("päivämäärä"), fods_cell("", value_type="date", value="2024-02-15")],
        [fods_cell("vanha päivämäärä"), fods_cell("", value_type="date", value="1900-01-15")],
        [fods_cell("kokonaisluku"), fods_cell("", value_type="float", value="13")],
        [fods_cell("desimaali"), fods_cell("", value_type="float", value="7.8")],
        [fods_cell("kaava"), fods_cell("", value_type="float", value="12", formula="of:=[.B4]-1")],
        [fods_cell("tekstikaava"), fods_cell("a+b", formula='of:="a"&"+b"')],
        [fods_cell("virhe"), fods_cell("", formula="of:=1/0")],
        [fods_cell("rivinvaihto"), fods_cell("rivi 1\nrivi 2")],
    ]
    path = os.path.join(tmp, "cell-values-libreoffice.fods")
    with open(path, "w", encoding="utf-8") as f:
        f.write(fods([("Arvot", rows)]))
    soffice(path, "xlsx", out)


def flat_workbook(data_rows, title):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tilanne"
    sheet.append([title])
    sheet.append([])
    sheet.append(header)
    first = 4
    for r in data_rows:
        values = list(r)
        values[1] = int(values[1])
        sheet.append(values)
    # Theme (A) and goal columns (B-D) merged down over the actions they hold, as people do.
    for col in (1, 2, 3, 4):
        start = first
        for row in range(first + 1, first + len(data_rows) + 1):
            same = row < first + len(data_rows) and all(
                sheet.cell(row, c).value == sheet.cell(start, c).value for c in range(1, col + 1))
            if not same:
                if row - 1 > start:
                    sheet.merge_cells(start_row=start, start_column=col, end_row=row - 1, end_column=col)
                start = row
    for row in sheet.iter_rows(min_row=first):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return book


def make_flat_openpyxl():
    book = flat_workbook(body, "Kasvava Kuopio – tilanne 1/2024")
    sheet = book.active
    # One status text written as rich text: three runs that read as one text.
    for row in range(4, 4 + len(body)):
        status = sheet.cell(row, 9).value
        if status and len(status) > 40 and "\n" not in status:
            sheet.cell(row, 9).value = CellRichText(
                status[:10], TextBlock(InlineFont(b=True), status[10:30]), status[30:])
            break
    book.save(os.path.join(out, "kuopio-flat-openpyxl.xlsx"))
    themes = list(dict.fromkeys(r[0] for r in body))
    first_half = [r for r in body if r[0] in themes[:2]]
    second_half = [r for r in body if r[0] not in themes[:2]]
    flat_workbook(first_half, "Yksikkö A").save(os.path.join(out, "kuopio-theme-a-openpyxl.xlsx"))
    flat_workbook(second_half, "Yksikkö B").save(os.path.join(out, "kuopio-theme-b-openpyxl.xlsx"))


def set_cell_text(cell, text):
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def make_sectioned_docx():
    document = Document()
    document.add_heading("KASVAVA KUOPIO -TOIMENPIDEOHJELMA", level=1)
    document.add_paragraph("Tilanne 1/2024")
    legend = document.add_table(rows=1, cols=2)
    legend.cell(0, 0).text = "SELITTEET"
    legend.cell(0, 1).text = LEGEND
    document.add_paragraph("")
    items = list(sectioned_rows())
    table = document.add_table(rows=len(items), cols=5)
    table.style = "Table Grid"
    nested_done = False
    for index, (kind, cells) in enumerate(items):
        row = table.rows[index]
        if kind == "theme":
            merged = row.cells[1].merge(row.cells[4])
            set_cell_text(row.cells[0], cells[0])
            set_cell_text(merged, cells[1])
        elif kind == "goal":
            merged = row.cells[0].merge(row.cells[4])
            set_cell_text(merged, cells[0])
        else:
            for column, text in enumerate(cells):
                set_cell_text(row.cells[column], text)
            if kind == "action" and not nested_done:
                nested = row.cells[2].add_table(rows=1, cols=2)
                nested.cell(0, 0).text = "sisäkkäinen"
                nested.cell(0, 1).text = "taulukko"
                nested_done = True
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(10)
    document.save(os.path.join(out, "kuopio-sectioned-python-docx.docx"))


def make_flat_libreoffice_docx(tmp):
    e = html.escape
    def cell_html(text, attrs=""):
        return f"<td{attrs}>" + "".join(f"<p>{e(line)}</p>" for line in text.split("\n")) + "</td>"
    parts = ["<html><head><meta charset='utf-8'></head><body><h1>Kasvava Kuopio</h1><table border='1'>",
             f"<tr>{cell_html('Tilanne 1/2024', ' colspan=9')}</tr>",
             "<tr>" + "".join(cell_html(h) for h in header) + "</tr>"]
    spans = {}
    for col in (0, 1, 2, 3):
        index = 0
        while index < len(body):
            end = index
            while end + 1 < len(body) and all(body[end + 1][c] == body[index][c] for c in range(col + 1)):
                end += 1
            spans[(index, col)] = end - index + 1
            for covered in range(index + 1, end + 1):
                spans[(covered, col)] = 0
            index = end + 1
    for index, r in enumerate(body):
        cells = []
        for col, text in enumerate(r):
            span = spans.get((index, col), 1)
            if span == 0:
                continue
            cells.append(cell_html(text, f" rowspan={span}" if span > 1 else ""))
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table></body></html>")
    path = os.path.join(tmp, "kuopio-flat-libreoffice.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    soffice(path, "docx:MS Word 2007 XML", out, infilter="HTML (StarWriter)")


with tempfile.TemporaryDirectory() as tmp:
    make_sectioned_libreoffice_xlsx(tmp)
    make_cell_values_xlsx(tmp)
    make_flat_openpyxl()
    make_sectioned_docx()
    make_flat_libreoffice_docx(tmp)
for name in sorted(os.listdir(out)):
    print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")
