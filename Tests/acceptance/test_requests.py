"""`tilanne requests`: each party's workbook opened with openpyxl, and once more after
LibreOffice re-saved it (the hidden id and the dropdown must survive a round trip)."""
import subprocess

import openpyxl
import pytest

from conftest import require_tool, run_tilanne, write_config

SWEDISH_PARTY = (
    '  - key: convention-bureau\n    name: "Kuopio Convention Bureau"\n    email: [convention-bureau@kuopio.example]\n    language: fi',
    '  - key: convention-bureau\n    name: "Kuopio Convention Bureau"\n    email: [convention-bureau@kuopio.example]\n    language: sv',
)


@pytest.fixture(scope="module")
def requests_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("requests")
    config = write_config(folder, extra_replacements=[SWEDISH_PARTY])
    result = run_tilanne("requests", "--config", config)
    assert result.returncode in (0, 1), result.stderr
    return folder / "Output" / "pyynnot" / "1-2024"


def code_validation(sheet):
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    return lists[0]


def check_request(path, *, sheet_name, deadline):
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name]
    assert book.sheetnames[0] == sheet_name
    assert sheet.protection.sheet
    assert sheet.column_dimensions["A"].hidden
    # The id column holds the action's id, the next its 8-digit checksum.
    assert sheet["A9"].value and len(sheet["B9"].value) == 8
    validation = code_validation(sheet)
    assert "Koodit!$A$1:$A$4" in validation.formula1
    assert "H9" in str(validation.sqref)
    lengths = [dv for dv in sheet.data_validations.dataValidation if dv.type == "textLength"]
    assert lengths and lengths[0].formula1 == "32767" and "I9" in str(lengths[0].sqref)
    assert sheet["H9"].protection.locked is False
    assert sheet["I9"].protection.locked is False
    assert sheet["E9"].protection.locked is not False
    assert sheet["A2"].value == deadline
    assert [book["Koodit"].cell(row=r, column=1).value for r in range(1, 5)] == ["+", "+/-", "-", "?"]
    meta = {row[0]: row[1] for row in book["meta"].iter_rows(values_only=True)}
    assert book["meta"].sheet_state == "hidden" and book["Koodit"].sheet_state == "hidden"
    return book, sheet, meta


def test_finnish_request(requests_folder):
    path = requests_folder / "pyynto-yrityspalvelut-1-2024.xlsx"
    book, sheet, meta = check_request(path, sheet_name="Päivitys", deadline="Palauta vastauksesi viimeistään 1.3.2024.")
    assert meta["programme"] == "kasvava-kuopio" and meta["period"] == "1/2024" and meta["party"] == "yrityspalvelut"
    assert meta["rows"] == "11"
    # Exactly the party's rows: 11 under the header, each naming Yrityspalvelu(t).
    names = [sheet.cell(row=r, column=7).value for r in range(9, 9 + 11)]
    assert all("yrityspalvelu" in name.lower() for name in names)
    assert sheet.cell(row=20, column=5).value is None
    assert book.custom_doc_props["Tilanne party"].value == "yrityspalvelut"


def test_swedish_request(requests_folder):
    path = requests_folder / "begaran-convention-bureau-1-2024.xlsx"
    _, _, meta = check_request(path, sheet_name="Uppdatering", deadline="Returnera dina svar senast 1.3.2024.")
    assert meta["language"] == "sv"


def test_one_workbook_per_party(requests_folder):
    files = sorted(p.name for p in requests_folder.iterdir())
    assert len(files) == 39
    assert "pyynto-elinvoima-1-2024.xlsx" in files


def test_libreoffice_round_trip(requests_folder, tmp_path):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    source = requests_folder / "pyynto-yrityspalvelut-1-2024.xlsx"
    out = tmp_path / "saved"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx",
                             "--outdir", str(out), str(source)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out / source.name)
    sheet = book["Päivitys"]
    assert sheet.column_dimensions["A"].hidden
    assert sheet["A9"].value
    assert sheet.protection.sheet
    assert "Koodit" in code_validation(sheet).formula1
    assert sheet["H9"].protection.locked is False
    meta = {row[0]: row[1] for row in book["meta"].iter_rows(values_only=True)}
    assert meta["party"] == "yrityspalvelut"
