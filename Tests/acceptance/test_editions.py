"""The two editions: the council edition (every file the council reads, the PDF attachment too)
holds no finding code, no file path, no row accounting and no note to check anything, and says
its dates; the coordinator's edition still has every finding with its place. The Swedish files
hold no Finnish label, header, footer or document property."""
import csv
import datetime
import html.parser
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from conftest import ROOT, require_tool, run_tilanne, write_config, SECOND_PERIOD

PERIOD = "kasvava-kuopio-tilanne-2-2024"
COORDINATOR = f"{PERIOD}-koordinaattori"

# Every finding code, as the code defines them.
CODES = sorted(set(re.findall(r'case \w+ = "([a-z]+\.[a-z0-9.-]+)"',
                              (ROOT / "Sources" / "TilanneCore" / "Diagnostics" / "DiagnosticCode.swift").read_text())))
FILE_PATH = re.compile(r"[\w./-]*\.(?:csv|xlsx|xlsm|docx|px|json|yml|sqlite)\b", re.IGNORECASE)
# Words only a Finnish label, header, footer or property would bring into a Swedish file.
FINNISH_LABELS = ["Tilanne", "tarkista", "Toimenpide", "LUONNOS", "Sivu", "Yhteenveto", "Mittarit", "Eteneminen",
                  "Vastuutaho", "Hankkeet", "Selitteet", "Lähde", "esimerkkiluku", "Kuopion kaupunki", "Muutokset",
                  "Raportti laadittu", "Tiedot", "seurantaraportti", "Elinvoima- ja konsernipalvelut"]


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """1/2024 published and frozen, then 2/2024 run with the PDF attachment when LibreOffice is
    there; returns the output folder of 2/2024 and the files' formats."""
    folder = tmp_path_factory.mktemp("editions")
    history = ("state_folder: ../State", f"state_folder: {folder / 'State'}")
    first = write_config(folder / "p1", extra_replacements=[history])
    (folder / "p2-input").mkdir()
    table = shutil.copy(SECOND_PERIOD, folder / "p2-input" / SECOND_PERIOD.name)
    formats = ["xlsx", "csv", "html"] + (["pdf"] if shutil.which("soffice") else [])
    second = write_config(folder / "p2", source=table, extra_replacements=[
        history, ('period: "1/2024"', 'period: "2/2024"'),
        ("formats: [xlsx, csv, html]", f"formats: [{', '.join(formats)}]")])
    assert run_tilanne("publish", "--config", first).returncode == 1
    assert run_tilanne("freeze", "--config", first).returncode == 0
    result = run_tilanne("run", "--config", second)
    assert result.returncode == 1, result.stderr
    return folder / "p2" / "Output", formats


class TextOf(html.parser.HTMLParser):
    """The text a reader sees in an HTML file; `skip_lang` leaves out what is marked as another language."""

    def __init__(self, skip_lang=None):
        super().__init__()
        self.parts, self.skip_lang, self.depth = [], skip_lang, 0

    VOID = {"br", "img", "meta", "input", "hr", "col", "link", "wbr"}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth or tag in ("style", "script") or (self.skip_lang and tag != "html" and dict(attrs).get("lang") == self.skip_lang):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def html_text(path, skip_lang=None):
    parser = TextOf(skip_lang)
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


def workbook_texts(path, skip_marked=None):
    """Every cell, header and footer of every sheet, the sheet names and the document properties."""
    wb = openpyxl.load_workbook(path)
    texts = list(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not (skip_marked and cell.value.startswith(skip_marked)):
                    texts.append(cell.value)
        for part in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader, ws.firstFooter):
            texts += [side.text for side in (part.left, part.center, part.right) if side.text]
    properties = wb.properties
    texts += [value for value in (properties.title, properties.subject, properties.creator, properties.keywords,
                                  properties.description, properties.category) if value]
    return texts, wb


def company(path):
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
    found = re.search(r"<Company>(.*?)</Company>", app)
    return found.group(1) if found else None


def pdf_text(path):
    require_tool("pdftotext", "Poppler", "poppler-utils")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def council_files(output, formats):
    files = [p for p in sorted(output.iterdir()) if p.is_file() and not p.name.startswith(".")
             and "koordinaattori" not in p.name and "paivitettavat" not in p.name]
    assert {p.suffix for p in files} == {f".{f}" for f in formats}
    return files


def assert_nothing_for_checking(name, text, output):
    for code in CODES:
        assert code not in text, f"{name}: finding code {code}"
    paths = [m.group(0) for m in FILE_PATH.finditer(text)]
    assert not paths, f"{name}: file paths {paths[:5]}"
    assert str(output.parent.parent) not in text, f"{name}: a folder of the run"
    assert "tarkista" not in text.lower() and "kontrollera" not in text.lower(), f"{name}: a note to check"
    assert "Rivejä luettu" not in text and "Lästa rader" not in text, f"{name}: the row accounting"


def test_the_council_edition_has_no_finding_code_path_accounting_or_check_note(editions):
    output, formats = editions
    files = council_files(output, formats)
    seen = set()
    for path in files:
        if path.suffix == ".xlsx":
            texts, wb = workbook_texts(path)
            assert not {"Tarkistukset", "Päivitettävät", "Vastaukset", "Kontroller", "Att uppdatera"} & set(wb.sheetnames)
            # Every part of the file too, not only the cells: a chart's alternative text, the
            # drawings, the document properties (a chart once described "+?" with a note to check it).
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(name).decode("utf-8") for name in archive.namelist()
                          if name.endswith(".xml") and not name.startswith("xl/worksheets/")]
            text = "\n".join(texts)
        elif path.suffix == ".html":
            text = html_text(path)
        elif path.suffix == ".pdf":
            text = pdf_text(path)
            assert "Tarkistukset" not in text and "Päivitettävät rivit" not in text
        else:
            text = path.read_text(encoding="utf-8-sig")
            assert "Tarkistettava" not in text.splitlines()[0]
        assert_nothing_for_checking(path.name, text, output)
        seen.add(path.suffix)
    assert seen == {f".{f}" for f in formats}
    # The unknown code is shown as written, without a note.
    wb = openpyxl.load_workbook(output / f"{PERIOD}.xlsx")
    progress = [c.value for c in wb["Tilanne"]["D"] if isinstance(c.value, str)]
    assert "+?" in progress


def test_the_council_edition_states_the_report_date_and_the_data_date(editions):
    output, _ = editions
    today = datetime.date.today()
    data_day = datetime.date.fromtimestamp(SECOND_PERIOD.stat().st_mtime)
    for name, words in ((f"{PERIOD}.xlsx", ("Raportti laadittu", "Tiedot", "lähdetiedoston muutospäivä")),
                        (f"{PERIOD}-sv.xlsx", ("Rapporten upprättad", "Uppgifterna", "källfilens ändringsdag"))):
        ws = openpyxl.load_workbook(output / name).worksheets[0]
        dates = ws["A2"].value
        for word in words:
            assert word in dates, dates
        assert f"{today.day}.{today.month}.{today.year}" in dates
    text = html_text(output / f"{PERIOD}.html")
    assert f"Raportti laadittu {today.day}.{today.month}.{today.year}." in text
    # The newest input is one of the status table and the indicators' files: no older than the table.
    found = re.search(r"Tiedot (\d+)\.(\d+)\.(\d+) \(uusimman lähdetiedoston muutospäivä\)", text)
    assert found and datetime.date(int(found[3]), int(found[2]), int(found[1])) >= data_day


def test_the_coordinators_edition_has_the_findings_with_their_places(editions):
    output, _ = editions
    _, wb = workbook_texts(output / f"{COORDINATOR}.xlsx")
    # Only the lists the coordinator works from; the status table is the council edition's.
    assert wb.sheetnames == ["Tarkistukset", "Muutokset", "Päivitettävät"]
    checks = wb["Tarkistukset"]
    assert str(checks["A1"].value).startswith("Rivejä luettu")
    # The period is open: the check list is a draft's, and says so like the report.
    assert wb.properties.title == "LUONNOS: Kasvava Kuopio -toimenpideohjelma – tarkistukset 2/2024"
    assert checks.oddHeader.center.text == "LUONNOS"
    header = ["Vakavuus", "Koodi", "Viesti", "Tiedosto", "Rivi", "Sarake", "Kohde", "Rivin sisältö"]
    assert [c.value for c in checks[4]] == header
    rows = [[c.value for c in row] for row in checks.iter_rows(min_row=5)]
    unknown = [r for r in rows if r[1] == "progress.unknown-code"]
    # Each with its file, its row as a number and its column, so the list sorts and filters.
    assert unknown and all(str(r[3]).endswith(SECOND_PERIOD.name) and isinstance(r[4], int) and r[5].startswith("H (")
                           for r in unknown)
    assert str(checks["A2"].value) == f"Havaintoja {len(rows)}, hylättyjä rivejä 0."
    # The Swedish report's findings are the coordinator's too: each action whose Swedish text is
    # missing (the table is in Finnish only), at its row.
    with open(output / f"{PERIOD}-sv.csv", encoding="utf-8-sig", newline="") as f:
        actions = len(list(csv.reader(f, delimiter=";"))) - 1
    missing = [r for r in rows if r[1] == "translation.missing"]
    assert len(missing) == actions > 70 and all(isinstance(r[4], int) and "Teksti puuttuu ruotsiksi" in r[2] for r in missing)
    # The CSV is the same list, row for row.
    lines = (output / f"{COORDINATOR}.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ";".join(header) and len(lines) == 1 + len(rows)
    assert sum(";progress.unknown-code;" in line for line in lines) == len(unknown)
    assert (output / f"{PERIOD}-paivitettavat.csv").exists()
    # Only in the main language: the coordinator works from one workbook.
    assert not list(output.glob("*-koordinaattori-sv.*"))


def test_the_swedish_edition_has_no_finnish_label_header_footer_or_property(editions):
    output, formats = editions
    marker = "[på finska]"
    texts, wb = workbook_texts(output / f"{PERIOD}-sv.xlsx", skip_marked=marker)
    # The period is open: a draft, in the title the file shows too.
    assert wb.properties.title == "UTKAST: Åtgärdsprogrammet Växande Kuopio – läge 2/2024"
    assert wb.properties.creator == "Livskrafts- och koncerntjänster"
    assert company(output / f"{PERIOD}-sv.xlsx") == "Kuopio stad"
    assert any("Kuopio stad" in t for t in texts)  # the footer
    # The data's own texts (projects, responsible parties) are the source's; the words Tilanne writes are checked.
    status = wb.worksheets[0]
    own = {c.value for col in ("B", "C") for c in status[col] if isinstance(c.value, str)}
    checked = [t for t in texts if t not in own]
    for word in FINNISH_LABELS:
        hits = [t for t in checked if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", t)]
        assert not hits, f"Swedish workbook: {word!r} in {hits[:3]}"
    page = (output / f"{PERIOD}-sv.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in page
    text = html_text(output / f"{PERIOD}-sv.html", skip_lang="fi")
    for word in FINNISH_LABELS:
        for value in own:
            text = text.replace(value, "")
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), f"Swedish HTML: {word!r}"
    if "pdf" in formats:
        printed = pdf_text(output / f"{PERIOD}-sv.pdf")
        for word in ("LUONNOS", "Sivu", "Toimenpide", "Yhteenveto", "Selitteet"):
            assert not re.search(rf"(?<!\w){word}(?!\w)", printed), f"Swedish PDF: {word!r}"
        assert "Sida" in printed and "UTKAST" in printed


def test_example_indicators_are_marked_and_their_sources_come_from_the_config(editions):
    output, _ = editions
    ws = openpyxl.load_workbook(output / f"{PERIOD}.xlsx")["Mittarit"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5) if row[1].value is not None]
    names = {r[0]: r for r in rows}
    assert "Väkiluku, Kuopio (esimerkkiluku)" in names
    assert "Avoimet työpaikat (koko maa)" in names  # Statistics Finland's published table
    real = names["Avoimet työpaikat (koko maa)"][13]
    assert "Tilastokeskus, StatFin 11n3" in real and "tavoite on esimerkki" in real
    for name, row in names.items():
        if "esimerkkiluku" in name:
            assert "esimerkkiluvut, ei tilasto" in row[13] and "Tilastokeskus" not in row[13], row[13]
        assert not FILE_PATH.search(row[13] or "")
    csv = (output / f"{PERIOD}-mittarit.csv").read_text(encoding="utf-8-sig")
    assert "esimerkkiluku" in csv and not FILE_PATH.search(csv)
    swedish = (output / f"{PERIOD}-indikatorer-sv.csv").read_text(encoding="utf-8-sig")
    assert "exempeltal" in swedish and "esimerkki" not in swedish


def test_the_coordinators_edition_is_configured_by_outputs_coordinator(tmp_path):
    none = write_config(tmp_path / "none", extra_replacements=[
        ("state_folder: ../State", f"state_folder: {tmp_path / 'none' / 'State'}"),
        ("  coordinator:\n    formats: [xlsx, csv]", "  coordinator:\n    formats: []")])
    assert run_tilanne("run", "--config", none).returncode == 1
    names = [p.name for p in (tmp_path / "none" / "Output").iterdir()]
    assert not [n for n in names if "koordinaattori" in n or "paivitettavat" in n], names
    renamed = write_config(tmp_path / "renamed", extra_replacements=[
        ("state_folder: ../State", f"state_folder: {tmp_path / 'renamed' / 'State'}"),
        ("  coordinator:\n    formats: [xlsx, csv]", "  coordinator:\n    formats: [xlsx]\n    suffix: -tarkistus")])
    assert run_tilanne("run", "--config", renamed).returncode == 1
    output = tmp_path / "renamed" / "Output"
    assert (output / "kasvava-kuopio-tilanne-1-2024-tarkistus.xlsx").exists()
    assert not (output / "kasvava-kuopio-tilanne-1-2024-paivitettavat.csv").exists()  # no CSV in the edition
    bad = write_config(tmp_path / "bad", extra_replacements=[
        ("  coordinator:\n    formats: [xlsx, csv]", "  coordinator:\n    formats: [xlsx]\n    suffix: /etc")])
    result = run_tilanne("run", "--config", bad)
    assert result.returncode == 3 and "outputs.coordinator.suffix" in result.stderr, result.stderr
    # The coordinator's edition is lists to sort and filter: a workbook and a CSV, not a page.
    html = write_config(tmp_path / "html", extra_replacements=[
        ("  coordinator:\n    formats: [xlsx, csv]", "  coordinator:\n    formats: [xlsx, html]")])
    result = run_tilanne("run", "--config", html)
    assert result.returncode == 3 and "outputs.coordinator.formats" in result.stderr and "xlsx or csv" in result.stderr, result.stderr
