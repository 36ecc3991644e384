"""The example programmes through the built command, read back as their readers open them:
Mikkeli's three programmes, painopisteet and kohdat in the workbook, each level in its own
style, and each steering group's workbook led by its programme and owner."""
import shutil

import openpyxl

from conftest import ROOT, run_tilanne


def run_example(city, tmp_path):
    folder = tmp_path / city
    shutil.copytree(ROOT / "examples" / city, folder, ignore=shutil.ignore_patterns("Output"))
    result = run_tilanne("run", "--config", folder / "tilanne.yml")
    assert result.returncode in (0, 1), result.stderr
    return result, folder / "Output"


def heading_rows(xlsx):
    sheet = openpyxl.load_workbook(xlsx)["Tilanne"]
    rows = []
    for row in range(1, sheet.max_row + 1):
        cell = sheet.cell(row, 1)
        if cell.fill.fgColor.rgb in ("FF1F3864", "FFDFE6F2", "FFEEF1F7"):
            rows.append((cell.value, cell.fill.fgColor.rgb, bool(cell.font.b), bool(cell.font.i)))
    return rows


def test_mikkeli_levels_in_the_workbook(tmp_path):
    result, output = run_example("mikkeli", tmp_path)
    assert "Rivejä luettu 43: 16 raportissa, 0 hylätty, 27 otsikko- tai väliotsikkoriviä" in result.stdout
    # Each steering group's line names its own folder: the files have the same name.
    assert "Kestävän kasvun ohjelman ohjausryhmä: tiedostot kirjoitettu " \
           "[kestavan-kasvun-ohjelman-ohjausryhma/mikkeli-tilanne-1-2024.xlsx]" in result.stdout
    rows = heading_rows(output / "mikkeli-tilanne-1-2024.xlsx")
    programmes = [value for value, fill, _, _ in rows if fill == "FF1F3864"]
    assert programmes == ["1 Hyvän elämän ohjelma (Sivistysjohtaja)", "2 Kestävän kasvun ohjelma (Tekninen johtaja)",
                          "3 Elinvoimaohjelma (Kaupunginjohtaja)"]
    painopisteet = [value for value, fill, bold, _ in rows if fill == "FFDFE6F2" and bold]
    assert painopisteet[:3] == ["1.1 Yhteisöllisyys", "1.2 Aktiivinen ja hyvinvointia tukeva arki",
                                "1.3 Sujuva ja turvallinen elämä vauvasta ikäihmisiin"]
    assert len(painopisteet) == 12
    kohdat = [value for value, fill, bold, italic in rows if fill == "FFEEF1F7" and italic and not bold]
    assert kohdat[0] == "1.1.1 Syrjäytymisen ehkäisy" and len(kohdat) == 24
    book = openpyxl.load_workbook(output / "mikkeli-tilanne-1-2024.xlsx", data_only=True)
    # Its indicators' figures are written in the programme, none is a series: no page of headers.
    assert book.sheetnames == ["Tilanne", "Yhteenveto", "Kaavio", "Tiedot", "Mittarit"]
    # The example notice runs over the empty cells beside it, not wrapped into the header row.
    notice = book["Yhteenveto"]["A2"]
    assert notice.value.startswith("Esimerkkiaineisto") and not notice.alignment.wrap_text
    summary = book["Yhteenveto"]
    # Rows sized from the names measured in the workbook's font, in Excel's geometry (decision
    # 0006): a name that fits keeps a one-line row, a long one gets the lines it takes.
    heights = {summary.cell(r, 2).value: summary.row_dimensions[r].height for r in range(4, 30)}
    assert heights["1.3.2 Fyysinen, psyykkinen, sosiaalinen turvallisuus"] is None
    assert heights["1.2.3 Luontoympäristön, kulttuurin ja rakennetun ympäristön hyvinvointivaikutusten hyödyntäminen"] == 33
    totals = {summary.cell(r, 1).value: summary.cell(r, summary.max_column).value
              for r in range(1, summary.max_row + 1) if summary.cell(r, 2).value == "Yhteensä"}
    assert totals["1 Hyvän elämän ohjelma"] == 6 and totals["Kaikki ohjelmat"] == 16
    # A steering group's workbook: its programme's heading and owner first, no other programme.
    group = heading_rows(output / "kestavan-kasvun-ohjelman-ohjausryhma" / "mikkeli-tilanne-1-2024.xlsx")
    assert [value for value, fill, _, _ in group if fill == "FF1F3864"] == ["2 Kestävän kasvun ohjelma (Tekninen johtaja)"]


def test_kouvola_percentages_land_in_their_bands(tmp_path):
    _, output = run_example("kouvola", tmp_path)
    sheet = openpyxl.load_workbook(output / "kouvola-elinvoimateot-TP-2024.xlsx")["Tilanne"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Toimenpide")
    progress = next(c for c in range(1, sheet.max_column + 1) if sheet.cell(header, c).value == "Eteneminen")
    cells = [str(sheet.cell(r, progress).value or "") for r in range(header + 1, sheet.max_row + 1)]
    codes = [cell.split("\n")[0] for cell in cells if "toteutuma" in cell]
    assert len(codes) == 15 and set(codes) == {"Toteutunut", "Etenee", "Alkuvaiheessa", "Ei aloitettu"}


def test_every_seed_programme_produces_its_requests(tmp_path):
    """Each example programme's parties get a request workbook of exactly their rows, whatever
    the programme's levels: the request shows each row's place in the city's own words."""
    expected = {"imatra": 8, "kouvola": 7, "heinola": 8, "mikkeli": 10}
    for city, parties in expected.items():
        folder = tmp_path / city
        shutil.copytree(ROOT / "examples" / city, folder, ignore=shutil.ignore_patterns("Output"))
        result = run_tilanne("requests", "--config", folder / "tilanne.yml")
        assert result.returncode in (0, 1), (city, result.stderr)
        (period_folder,) = (folder / "Output" / "pyynnot").iterdir()
        books = sorted(period_folder.glob("pyynto-*.xlsx"))
        assert len(books) == parties, (city, [b.name for b in books])
        for book in books:
            sheet = openpyxl.load_workbook(book).worksheets[0]
            assert sheet.protection.sheet, (city, book.name)
    # Kuopio's 39 requests are tested with its real table in test_requests.py.
