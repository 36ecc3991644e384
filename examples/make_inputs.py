#!/usr/bin/env python3
"""Writes the example status tables under examples/<city>/Input/.

    python3 examples/make_inputs.py          # from anywhere; needs openpyxl and python-docx
    python3 -m pip install openpyxl python-docx

The action texts come from the cities' own programme documents (shortened where long); the
responsible units, progress codes, percentages and status texts are INVENTED example data.
Every report made from these files carries the notice set in each tilanne.yml.

The output is deterministic: the document properties carry fixed dates and every ZIP entry
(XLSX, DOCX) is written with a fixed timestamp, so a rerun gives byte-identical files.
"""

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

try:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
except ImportError as error:  # pragma: no cover - a message rather than a traceback
    sys.exit(f"{error}: run `python3 -m pip install openpyxl python-docx` first")

HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------------------------
# Determinism helpers
# --------------------------------------------------------------------------------------------

def normalise_zip(path: Path, stamp: dt.datetime) -> None:
    """Rewrites an Office file with fixed ZIP timestamps and a fixed dcterms:modified."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{iso}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def fit_row_heights(sheet, widths: dict, first_row: int = 1) -> None:
    """Sets each row's height from its longest wrapped text (LibreOffice and Excel do not
    grow a row for wrapped text in a file written by openpyxl)."""
    merged_rows = {cell_range.min_row for cell_range in sheet.merged_cells.ranges}
    total = sum(widths.values())
    for row in sheet.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None or not isinstance(cell.value, str):
                continue
            width = total if cell.row in merged_rows else widths[cell.column_letter]
            lines = max(lines, -(-len(cell.value) * 11 // (width * 10)))
        size = row[0].font.size or 11
        sheet.row_dimensions[row[0].row].height = round(lines * size * 1.35 + 3, 1)


def report(path: Path, rows: int) -> None:
    print(f"{path.relative_to(HERE)}: {rows} toimenpideriviä")


# --------------------------------------------------------------------------------------------
# Imatra: CSV, flat, UTF-8 with BOM, ';', CRLF. Progress as colour words in mixed case.
# --------------------------------------------------------------------------------------------

IMATRA_HEADER = ["Painopiste", "Toimenpide", "Kärkitekeminen", "Vastuutaho", "Aikataulu",
                 "Tila", "Tilanne 1/2024"]

ERITYISHANKE = "Erityishanke: Suomen Erä- ja luontokulttuurimuseo"

IMATRA_ROWS = [
    ["1 Vaikuttavat työvoima- ja yrityspalvelut",
     "Rakennetaan tiedolla johdettu maakunnallinen elinvoima-, yrityspalvelu-, osaamis- ja "
     "työllisyysekosysteemi", "1", "Elinvoimapalvelut", "2024–2025", "Vihreä",
     "Ekosysteemin yhteistä tietopohjaa kootaan maakunnan kuntien kanssa. Ensimmäinen "
     "yhteinen tilannekuva käsitellään elinvoimajaostossa syksyllä."],
    ["1", "Kootaan yritys- ja työllisyyspalvelut asiakkaalle yhdeksi palveluksi", "",
     "Työllisyyspalvelut", "2024", "keltainen",
     "Palvelumallin luonnos on valmis. Työvoimapalvelujen siirron aikataulu on hidastanut "
     "yhteisen asiakaspalvelun käynnistymistä."],
    ["1", "Hyödynnetään elinvoimakyselyn tuloksia yrityspalvelujen kehittämisessä", "",
     "Elinvoimapalvelut", "2024", "vihreä",
     "Kyselyn tulokset on käyty läpi yrittäjäjärjestöjen kanssa, ja kolme kehittämiskohdetta "
     "on valittu."],
    ["2 Houkutteleva ja yritysmyönteinen toimintaympäristö",
     "Kehitetään tulevaisuuskestävät ja aktiiviset sijoittumispalvelut alueella", "2",
     "Elinvoimapalvelut", "2024–2025", "Vihreä",
     "Sijoittumispalvelun prosessi on kuvattu ja yhteyshenkilöt nimetty. Markkinointimateriaali "
     "valmistuu syksyllä."],
    ["2", "Varmistetaan yritystonttien ja toimitilojen riittävä tarjonta kaavoituksella", "",
     "Kaupunkisuunnittelu", "2024–2025", "keltainen",
     "Kaksi yritysalueen asemakaavaa on vireillä. Toisen aikataulu on siirtynyt "
     "lisäselvitysten vuoksi."],
    ["Houkutteleva ja yritysmyönteinen toimintaympäristö",
     "Otetaan yritysvaikutusten arviointi osaksi päätösten valmistelua", "",
     "Konsernipalvelut", "2025", "",
     "Valmistelu alkaa syksyllä 2024, kun päätösvalmistelun ohjeistus päivitetään."],
    ["3 Osaava työvoima",
     "Selvitetään Hubin konsepti Työ- ja elinkeinoministeriön myöntämällä "
     "koordinaattorirahoituksella", "3", "Elinvoimapalvelut", "2024", "Vihreä",
     "Hub-koordinaattori aloitti keväällä. Konseptia työstetään oppilaitosten ja yritysten "
     "kanssa työpajoissa."],
    ["3", "Hub: kootaan osaamistason nostoon ja elinvoiman vahvistamiseen tähtäävä kokonaisuus",
     "1, 3", "Sivistyspalvelut", "2024–2025", "keltainen",
     "Kokonaisuuden sisältö on hahmoteltu, mutta tilaratkaisu on vielä auki."],
    ["3", "Kehitetään oppilaitosten ja yritysten yhteistyötä osaavan työvoiman saatavuuden "
     "turvaamiseksi", "", "Sivistyspalvelut", "2024", "PUNAINEN",
     "Yhteistyöryhmä ei ole kokoontunut henkilövaihdosten vuoksi. Asia tuodaan elinvoimajaoston "
     "käsittelyyn syksyllä."],
    ["4 Kestävän aktiivi- ja elämysmatkailun kasvu",
     "Käynnistetään Rauhan-Ukonniemen alueen visiotyö", "4", "Elinvoimapalvelut", "2024",
     "Vihreä",
     "Visiotyö käynnistyi työpajalla, johon osallistui alueen yrittäjiä ja asukkaita. "
     "Visioluonnos valmistuu syksyllä."],
    ["4", "Kehitetään Rauha-Ukonniemi-alueen urheilumatkailuverkostoa", "4",
     "Liikuntapalvelut", "2024–2025", "keltainen",
     "Verkoston yritykset on kartoitettu. Yhteisen tuotteen kehittäminen odottaa "
     "rahoituspäätöstä."],
    ["4", "Vahvistetaan aktiivi- ja elämysmatkailun yhteismarkkinointia", "",
     "Elinvoimapalvelut", "2024", "PUNAINEN",
     "Yhteismarkkinoinnin sopimus ei ole edennyt, koska kumppaneiden rahoitusosuuksista ei "
     "ole päästy sopuun."],
    [ERITYISHANKE,
     "Edistetään määrätietoisesti Suomen Erä- ja luontokulttuurimuseon toteutumista", "",
     "Elinvoimajohtaja", "2024–2025", "Vihreä",
     "Museohankkeen ohjausryhmä on koottu ja hankesuunnitelma päivitetty."],
    [ERITYISHANKE, "Selvitetään museon rahoitusmalli ja hankekumppanit", "",
     "Kulttuuripalvelut", "2024", "keltainen",
     "Rahoitusvaihtoehdot on selvitetty. Neuvottelut kumppaneiden kanssa jatkuvat syksyllä."],
]


def make_imatra() -> None:
    path = HERE / "imatra" / "Input" / "imatra-tilanne-1-2024.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(IMATRA_HEADER)
        writer.writerows(IMATRA_ROWS)
    report(path, len(IMATRA_ROWS))


# --------------------------------------------------------------------------------------------
# Kouvola: XLSX, flat, sheet "Elinvoimateot". Progress as percentages: numbers formatted
# '0 %' and a few texts ("60 %", "100%", "45 %" with a no-break space as Finnish Excel writes).
# --------------------------------------------------------------------------------------------

KOUVOLA_HEADER = ["Kantoraketti", "Elinvoimateko", "Vastuutaho", "Toteutuma",
                  "Tilanne TP 2024"]

KOUVOLA_ROWS = [
    [1, "Edistetään Suomen suurimman tavararatapihan toteutumista Kouvolaan", "Kaupunkikehitys",
     0.75, "Ratapihan suunnittelu on edennyt yhteistyössä väyläviranomaisen kanssa. "
     "Toteutuksen rahoituspäätöstä odotetaan."],
    [1, "Markkinoidaan logistiikkakeskuksen tontteja ja palveluja kansainvälisille toimijoille",
     "Kouvola Innovation Oy", 0.5,
     "Logistiikka-alueen markkinointi on esillä alan messuilla. Yritysten kiinnostus on "
     "kasvanut, mutta sijoittumispäätöksiä ei vielä ole."],
    [1, "Kehitetään rautatie- ja maantielogistiikan yhdistävää terminaalitoimintaa",
     "Kouvola Innovation Oy", "60 %",
     "Terminaalin toimintamallista on tehty esiselvitys yhdessä logistiikkayritysten kanssa."],
    [2, "Edistetään itäradan toteutumista edunvalvonnalla", "Strategia ja kehittäminen", 0.3,
     "Itärata on mukana edunvalvontaohjelmassa. Hankeyhtiön rahoitusneuvottelut ovat kesken."],
    [2, "Sovitetaan joukkoliikenne ja itärata toimivaksi kokonaisuudeksi", "Kaupunkiympäristö",
     0.0, "Työ käynnistyy, kun itäradan linjausratkaisu on tehty."],
    [3, "Vahvistetaan koulutus- ja innovaatiotoimintaa erityisaloilla yhdessä oppilaitosten "
     "kanssa", "Sivistyspalvelut", 0.9,
     "Oppilaitosten kanssa on sovittu yhteisistä painoaloista, ja kaksi uutta koulutusta "
     "käynnistyi syksyllä."],
    [3, "Käynnistetään yritysten ja oppilaitosten yhteisiä innovaatiohankkeita",
     "Kouvola Innovation Oy", 0.2,
     "Ensimmäinen hankehaku on valmisteilla. Hankkeiden käynnistyminen siirtyi kevääseen."],
    [4, "Kehitetään asemanseutua koko kaupungin käyntikortiksi", "Kaupunkikehitys",
     "45\u00a0%",
     "Asemanseudun kehityskuva on valmis ja asemakaavan muutos vireillä."],
    [4, "Elävöitetään keskustaa tapahtumilla ja tyhjien liiketilojen väliaikaiskäytöllä",
     "Kulttuuripalvelut", 1.0,
     "Keskustan tapahtumakalenteri ja liiketilojen väliaikaiskäytön malli ovat vakiintuneet."],
    [5, "Kehitetään lähiruokaa, hyvää oloa ja elämyksiä tarjoavaa liiketoimintaa",
     "Kouvola Innovation Oy", 0.65,
     "Lähiruokatoimijoiden verkosto on koottu ja yhteinen myyntikanava on kokeilussa."],
    [5, "Vahvistetaan luontomatkailun ja hyvinvointipalvelujen yhteistuotteita",
     "Kouvola Innovation Oy", "100%",
     "Yhteistuotteet ovat myynnissä matkailun verkkokaupassa."],
    ["Kehitysperusta", "Vahvistetaan omaleimaista asumista ja vapaa-ajan mahdollisuuksia",
     "Kaupunkikehitys", 0.55,
     "Asumisen ohjelman toimenpiteet etenevät. Vapaa-ajan asumisen tonttihaku avataan "
     "keväällä."],
    ["Kehitysperusta", "Kehitetään elinvoiman kasvuverkoston yhteistyötä ja verkostojohtamista",
     "Strategia ja kehittäminen", 1.0,
     "Kasvuverkoston tapaamiset järjestetään neljännesvuosittain."],
    ["Kehitysperusta", "Laaditaan aihekohtaiset kehittämis- ja toimenpidesuunnitelmat ohjelman "
     "tueksi", "Strategia ja kehittäminen", 0.0,
     "Suunnitelmien laadinta on siirretty seuraavalle vuodelle."],
    ["Kehitysperusta", "Seurataan elinvoiman mittareita vuosittain tilinpäätöksen yhteydessä",
     "Talous- ja strategiapalvelut", 1.0,
     "Mittarit on raportoitu tilinpäätöksen yhteydessä."],
]

KOUVOLA_STAMP = dt.datetime(2025, 3, 17, 9, 0, 0)


def make_kouvola() -> None:
    path = HERE / "kouvola" / "Input" / "kouvola-elinvoimateot-TP-2024.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Elinvoimateot"
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append(KOUVOLA_HEADER)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in KOUVOLA_ROWS:
        sheet.append(row)
        cells = sheet[sheet.max_row]
        for cell in cells:
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        progress = cells[3]
        if isinstance(progress.value, float):
            progress.number_format = "0 %"
        progress.alignment = Alignment(horizontal="right", vertical="top")
        cells[0].alignment = Alignment(horizontal="left", vertical="top")
    widths = dict(zip("ABCDE", (14, 60, 28, 12, 70)))
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    fit_row_heights(sheet, widths)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{sheet.max_row}"
    properties = workbook.properties
    properties.creator = "Kouvolan kaupunki"
    properties.lastModifiedBy = "Kouvolan kaupunki"
    properties.title = "Elinvoiman kasvu -ohjelma: elinvoimateot TP 2024 (esimerkkiaineisto)"
    properties.created = KOUVOLA_STAMP
    properties.modified = KOUVOLA_STAMP
    workbook.save(path)
    normalise_zip(path, KOUVOLA_STAMP)
    report(path, len(KOUVOLA_ROWS))


# --------------------------------------------------------------------------------------------
# Heinola: DOCX, sectioned. One table: header row, a title row (merged), section rows
# (merged) for chapters 6 and 7 and their points, action rows beneath.
# --------------------------------------------------------------------------------------------

HEINOLA_HEADER = ["Toimenpide", "Vastuutaho", "Tila", "Tilanne 2/2024"]
HEINOLA_TITLE = "HEINOLAN ELINKEINOSTRATEGIA 2020 – TOIMENPITEET"

# ("section", text) | (action, responsible, progress, status)
HEINOLA_ROWS = [
    ("section", "6 STRATEGISET KÄRJET"),
    ("section", "6.1 TEOLLISUUDEN MENESTYS JA KASVU, TYÖPAIKKOJEN TURVAAMINEN"),
    ("Ylläpidetään jatkuvaa yhteyttä yrityksiin näiden toimintaan ja henkilöstöön liittyvissä "
     "asioissa", "Elinkeinotoimi", "Käynnissä",
     "Yrityskäyntejä on tehty suunnitellusti, ja teollisuusyritysten kanssa pidetään "
     "säännölliset tapaamiset."),
    ("Otetaan yritysvaikutukset systemaattisesti huomioon päätöksenteossa ja valmistelussa",
     "Hallintokeskus", "Valmis",
     "Yritysvaikutusten arviointi on lisätty päätösesitysten valmisteluohjeeseen."),
    ("section", "6.2 YRITTÄJÄMYÖNTEINEN, SEUTUKOHTAINEN, METROPOLIALUEEN KOHDENNUS"),
    ("Laaditaan Heinolan kaupungille hankintastrategia v. 2014 aikana", "Hankintapalvelut",
     "Valmis", "Hankintastrategia on hyväksytty, ja sen päivitys on sisällytetty seuraavan "
     "vuoden työohjelmaan."),
    ("Aloitetaan Lahden seudun ja Ladecin kanssa neuvottelut toimialakohtaisesta yhteistyöstä "
     "(mm. Cleantech)", "Kaupunginjohtaja", "KÄYNNISSÄ",
     "Neuvottelut on aloitettu, ja sopimusluonnos yhteistyön muodoista on valmisteilla."),
    ("Toteutetaan Kimolan kanavahanke seudullisena yhteistyönä Kymenlaakson, Iitin ja "
     "Päijänteen kuntien kanssa", "Kaupunginjohtaja", "ei aloitettu",
     "Hanke odottaa kuntien yhteistä rahoituspäätöstä."),
    ("section", "6.3 ASUMINEN, KAKKOSASUMINEN, VAPAA-AJAN ASUMINEN"),
    ("Laaditaan ja toteutetaan vapaa-ajan asumisen strategia", "Tekninen palvelukeskus",
     "Käynnissä", "Strategialuonnos on ollut lausunnolla, ja lausunnot käsitellään "
     "elinkeinotoimikunnassa."),
    ("Tekninen palvelukeskus tekee ehdotuksen vapaa-ajan asumisen kaavoituksesta syksyyn 2014 "
     "mennessä", "Tekninen palvelukeskus", "Valmis",
     "Ehdotus on tehty, ja ranta-alueiden kaavoitus on otettu kaavoitusohjelmaan."),
    ("section", "6.4 KESKUSTAN ELINVOIMAN KEHITTÄMINEN, ARKIVIIHTYVYYS"),
    ("Toteutetaan kaavallisia erityistoimenpiteitä keskustan elinvoimaisuuden lisäämiseksi",
     "Tekninen palvelukeskus", "Käynnissä",
     "Keskustan asemakaavan muutos on vireillä, ja osallisten kuuleminen on pidetty."),
    ("Varmistetaan keskustan viihtyvyys: hoidetaan hyvin maisema, asfaltti, valot, viitoitus, "
     "viheralueet jne.", "Tekninen palvelukeskus", "KÄYNNISSÄ",
     "Katuvalojen uusiminen jatkuu, ja opastusviitat uusitaan kesään mennessä."),
    ("section", "6.5 HYVINVOINTI, LIIKUNTA, TERVEYS, KULTTUURI, TAPAHTUMAT, MATKAILU"),
    ("Päivitetään ja toteutetaan matkailustrategia", "Matkailupalvelut", "Käynnissä",
     "Päivitystyö on käynnissä yhdessä matkailuyrittäjien kanssa."),
    ("Aloitetaan neuvottelut vuoden 2014 aikana Lahti Region -yhteistyöhön liittymiseksi "
     "vuonna 2015", "Kaupunginjohtaja", "Valmis",
     "Heinola on mukana seudullisessa yhteistyössä, ja yhteinen markkinointi on käynnissä."),
    ("section", "7 VÄLINEET"),
    ("section", "7.1 Maankäytön suunnittelu ja kaavoitus"),
    ("Perustetaan maankäytön suunnittelua ja keskustan kehittämistä johtava ja toteuttava "
     "kaupunkikehitysryhmä kaupunginjohtajan alaisuuteen", "Kaupunginjohtaja", "Valmis",
     "Kaupunkikehitysryhmä on perustettu ja kokoontuu kuukausittain."),
    ("Tuodaan maankäytön toimenpideohjelma valtuuston käsittelyyn ja hyväksyntään",
     "Tekninen palvelukeskus", "ei aloitettu",
     "Ohjelman valmistelu käynnistyy, kun yleiskaavan tarkistus on edennyt luonnosvaiheeseen."),
    ("section", "7.2 Cleantech puhdas teknologia"),
    ("Hyödynnetään cleantech-osaamista vapaa-ajan asumisen kehittämisessä", "Elinkeinotoimi",
     "Käynnissä", "Kaksi paikallista yritystä on mukana vapaa-ajan asumisen "
     "energiaratkaisujen kokeilussa."),
    ("section", "7.3 Puurakentaminen ja -osaaminen"),
    ("Myllyojan koulurakennus korvataan puurakenteisella uudisrakennuksella puurakentamisen "
     "referenssikohteena", "Tekninen palvelukeskus", "KÄYNNISSÄ",
     "Hankesuunnitelma on hyväksytty, ja urakkakilpailutus on käynnissä."),
    ("section", "7.5 Joukkoistamisen prosessointi"),
    ("section", "7.6 Kokeileva ja kohdennettu toimintatapa"),
    ("Kehitetään Korttelitori.fi yrittäjien markkinapaikkaa", "Elinkeinotoimi", "ei aloitettu",
     "Markkinapaikan uudistus on siirretty, koska rahoitushakemus ei saanut myönteistä "
     "päätöstä."),
    ("Tuetaan pienten tapahtumien yhteistyötä (esim. tapahtumaviikonloput)",
     "Kulttuuripalvelut", "Käynnissä",
     "Tapahtumajärjestäjien yhteinen kalenteri on otettu käyttöön."),
    ("section", "7.7 Osaaminen ja koulutus"),
    ("Perustetaan koulutuksen seuranta- ja kehittämisryhmä kaupunginjohtajan alaisuuteen",
     "Sivistystoimi", "Valmis",
     "Ryhmä on perustettu, ja siinä ovat mukana oppilaitokset, sivistystoimi ja yritykset."),
    ("Toteutetaan KoRa korjausrakentamisen yhteistyöhanke (Heinolan kaupunki ja Salpaus)",
     "Sivistystoimi", "Käynnissä",
     "Hankkeen ensimmäinen koulutusryhmä aloitti syksyllä."),
]

HEINOLA_STAMP = dt.datetime(2025, 2, 10, 9, 0, 0)


def shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def write_cell(cell, text: str, bold: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = Pt(9)


def make_heinola() -> None:
    path = HERE / "heinola" / "Input" / "heinola-toimenpiteet-2-2024.docx"
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))

    table = document.add_table(rows=0, cols=len(HEINOLA_HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(9.5), Cm(4.6), Cm(2.7), Cm(9.9))

    header = table.add_row()
    for cell, text in zip(header.cells, HEINOLA_HEADER):
        write_cell(cell, text, bold=True)
        shade(cell, "D9E2F3")
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)

    def merged_row(text: str, fill: str) -> None:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        write_cell(merged, text, bold=True)
        shade(merged, fill)

    merged_row(HEINOLA_TITLE, "BDD7EE")
    actions = 0
    for entry in HEINOLA_ROWS:
        if entry[0] == "section":
            text = entry[1]
            is_chapter = re.match(r"^\d+ ", text) is not None
            merged_row(text, "DEEAF6" if is_chapter else "F2F2F2")
            continue
        actions += 1
        row = table.add_row()
        for cell, text in zip(row.cells, entry):
            write_cell(cell, text)
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        cells = row.cells
        if len(row._tr.tc_lst) == 1:
            cells[0].width = sum(widths, Cm(0))
            continue
        for cell, width in zip(cells, widths):
            cell.width = width

    core = document.core_properties
    core.author = "Heinolan kaupunki"
    core.last_modified_by = "Heinolan kaupunki"
    core.title = "Heinolan elinkeinostrategia 2020: toimenpiteiden tilanne 2/2024 " \
                 "(esimerkkiaineisto)"
    core.created = HEINOLA_STAMP
    core.modified = HEINOLA_STAMP
    core.last_printed = HEINOLA_STAMP
    core.revision = 1
    core.comments = "Esimerkkiaineisto: tilannetekstit ovat keksittyjä."
    document.save(path)
    normalise_zip(path, HEINOLA_STAMP)
    report(path, actions)


# --------------------------------------------------------------------------------------------
# Mikkeli: XLSX, sectioned, sheet "Tilanne": two title rows, the header row, programme,
# painopiste and kohta rows (merged), actions under kohdat (3.3–3.6 directly under the
# painopiste). Progress codes + +/- - ? and one unknown "+?".
# --------------------------------------------------------------------------------------------

MIKKELI_TITLES = ["MIKKELIN KAUPUNKISTRATEGIAN STRATEGISET OHJELMAT", "Tilanne 1/2024"]
MIKKELI_HEADER = ["Toimenpide", "Vastuu", "Eteneminen", "Tilanne 1/2024"]

# ("programme" | "painopiste" | "kohta", text) | (action, responsible, progress, status)
MIKKELI_ROWS = [
    ("programme", "1. Hyvän elämän ohjelma"),
    ("painopiste", "1.1. Yhteisöllisyys"),
    ("kohta", "1.1.1. Syrjäytymisen ehkäisy"),
    ("Tunne- ja vuorovaikutuskasvatuspolku varhaiskasvatuksessa ja perusopetuksessa",
     "Sivistystoimi", "+",
     "Polku on käytössä kaikissa yhtenäiskouluissa, ja vertaissovittelijat on koulutettu."),
    ("kohta", "1.1.3. Osallisuuden ja toimijuuden edistäminen"),
    ("Kahvitunti kaupunkilaisille: jalkaudutaan kaupunkilaisten keskuuteen", "Konsernipalvelut",
     "+", "Kahvitunteja on pidetty eri kaupunginosissa, ja teemoina ovat olleet kaavoitus ja "
     "kouluverkko."),
    ("Osallistava budjetointi: kokeilut ja suunnitelma jatkokokeiluille", "Konsernipalvelut",
     "+/-", "Nuorten kokeilu on toteutettu. Aluejohtokuntien kokeilu on siirtynyt syksyyn."),
    ("Avustusklinikka-pop-up, jossa ohjataan järjestöjä avustusten hakemisessa",
     "Hyvinvointi ja osallisuus", "?", "Tilannetta ei ole päivitetty tälle kaudelle."),
    ("painopiste", "1.2. Aktiivinen ja hyvinvointia tukeva arki"),
    ("kohta", "1.2.2. Kävelyn ja pyöräilyn edistämisen toimenpiteet"),
    ("Selvitetään Mikkeliin kaupunkipyörämahdollisuus", "Tekninen toimi", "-",
     "Selvitystä ei ole aloitettu, koska hankerahoitusta ei saatu."),
    ("painopiste", "1.3. Sujuva ja turvallinen elämä vauvasta ikäihmisiin"),
    ("kohta", "1.3.2. Fyysinen, psyykkinen, sosiaalinen turvallisuus"),
    ("Päivitetään esteettömyyssuunnitelma", "Tekninen toimi", "+/-",
     "Päivitys on aloitettu vammaisneuvoston kanssa. Valmistuminen siirtyy loppuvuoteen."),

    ("programme", "2. Kestävän kasvun ohjelma"),
    ("painopiste", "2.1. Terveellinen ja turvallinen ympäristö"),
    ("kohta", "2.1.2 Vesistöjen laadun parantaminen ja pohjavesiriskin vähentäminen"),
    ("Edistetään pohjavesien kunnostushankkeita Pursialan alueella ja Urpolan entisen "
     "kyllästämön alueella", "Mikkelin Vesilaitos", "+",
     "Urpolan kunnostuksen toinen vaihe on käynnissä, ja Pursialan seurantakaivot on "
     "asennettu."),
    ("kohta", "2.1.3. Ilmanlaadun parantaminen ja kasvihuonekaasupäästöjen vähentäminen"),
    ("Päivitetään kaupungin ilmasto- ja energiastrategia vuosille 2020–2030", "Tekninen toimi",
     "+", "Strategian päivitys on valmis, ja toimenpiteiden seuranta on aloitettu."),
    ("painopiste", "2.2. Elinvoimaisuus"),
    ("kohta", "2.2.2. Matkailun edistäminen"),
    ("Rakennetaan ja viimeistellään Geopark-kohteita; kohteille haetaan Unescon "
     "Geopark-status", "Miksei Oy", "+",
     "Kohteiden opasteet on uusittu, ja hakemus on jätetty suunnitellusti."),
    ("painopiste", "2.3. Kaupungistuminen"),
    ("kohta", "2.3.2. Palvelujen digitalisointi/etäsaavutettavuus"),
    ("Toteutetaan kaupungin tilojen ja alueiden sähköinen varausjärjestelmä", "Tilapalvelut",
     "+?", "Järjestelmä on otettu käyttöön liikuntapaikoissa, ja koulujen tilat lisätään "
     "syksyllä."),

    ("programme", "3. Elinvoimaohjelma"),
    ("painopiste", "3.1. Osaaminen ja TKI-toiminta"),
    ("kohta", "3.1.1. EcoSairila-kehittämisalusta"),
    ("Käynnistetään EcoSairila-kehittämisalustan toiminta kehittämisalustan toimijoiden "
     "sopimuksella", "Miksei Oy", "+",
     "Toimijoiden sopimus on allekirjoitettu, ja alustan projektipäällikkö on aloittanut."),
    ("painopiste", "3.2. Asiakaslähtöiset yrityspalvelut"),
    ("kohta", "3.2.1. Sujuvat sijoittautumispalvelut, joustava ja ennakoiva kaavoitus"),
    ("Kehitetään yritysten sijoittumispalvelua, sijaintipaikkamarkkinointia ja "
     "invest-in-toimintaa", "Miksei Oy", "+",
     "Sijoittumispalvelun palvelupaketti on koottu yhdessä maankäyttöryhmän kanssa."),
    ("kohta", "3.2.2. Laadukkaat neuvonta- ja kehittämispalvelut sekä yhteistyöverkostot "
     "yrityksille elinkaaren eri vaiheisiin"),
    ("Järjestetään yrityksille verkostoitumista edistäviä tilaisuuksia (esim. Mikserit)",
     "Miksei Oy", "+", "Tilaisuuksia on järjestetty kuukausittain, ja osallistujamäärä on "
     "kasvanut."),
    ("painopiste", "3.3. Matkailu, vapaa-ajanasuminen, kulttuuri ja liikunta sekä niihin "
     "liittyvä tapahtumatuotanto"),
    ("Kehitetään matkailua, kulttuuria ja liikuntaa yhdistävää tapahtumatuotantoa",
     "Kulttuuri- ja liikuntapalvelut", "+/-",
     "Tapahtumien yhteinen markkinointi on aloitettu. Tapahtumatuotannon koordinaattorin "
     "rekrytointi on kesken."),
    ("painopiste", "3.4. Työllisyydenhoito"),
    ("Laaditaan työllisyysohjelma", "Työllisyyspalvelut", "-",
     "Ohjelman valmistelu on keskeytetty työllisyyspalvelujen uudistuksen vuoksi."),
    ("painopiste", "3.6. Kaupunkimarkkinointi"),
    ("Laaditaan kaupunkimarkkinointisuunnitelma", "Viestintä", "?",
     "Tilannetietoa ei ole saatu."),
]

MIKKELI_STAMP = dt.datetime(2024, 8, 26, 9, 0, 0)


def make_mikkeli() -> None:
    path = HERE / "mikkeli" / "Input" / "mikkeli-tilanne-1-2024.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tilanne"
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top", wrap_text=True)
    fills = {
        "programme": PatternFill("solid", fgColor="1F4E78"),
        "painopiste": PatternFill("solid", fgColor="BDD7EE"),
        "kohta": PatternFill("solid", fgColor="DDEBF7"),
    }
    fonts = {
        "programme": Font(bold=True, color="FFFFFF", size=12),
        "painopiste": Font(bold=True),
        "kohta": Font(bold=True, italic=True),
    }
    last = get_column_letter(len(MIKKELI_HEADER))

    def merged(text: str, font: Font, fill=None) -> None:
        sheet.append([text])
        row = sheet.max_row
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1)
        cell.font = font
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        if fill is not None:
            for column in range(1, len(MIKKELI_HEADER) + 1):
                sheet.cell(row=row, column=column).fill = fill

    merged(MIKKELI_TITLES[0], Font(bold=True, size=14))
    merged(MIKKELI_TITLES[1], Font(bold=True, size=12))
    sheet.append(MIKKELI_HEADER)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = border
        cell.alignment = top

    actions = 0
    for entry in MIKKELI_ROWS:
        if entry[0] in fills:
            merged(entry[1], fonts[entry[0]], fills[entry[0]])
            continue
        actions += 1
        sheet.append(list(entry))
        for cell in sheet[sheet.max_row]:
            cell.border = border
            cell.alignment = top
        sheet.cell(row=sheet.max_row, column=3).alignment = Alignment(horizontal="center",
                                                                      vertical="top")
    widths = dict(zip("ABCD", (62, 24, 12, 70)))
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    fit_row_heights(sheet, widths)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    properties = workbook.properties
    properties.creator = "Mikkelin kaupunki"
    properties.lastModifiedBy = "Mikkelin kaupunki"
    properties.title = "Strategiset ohjelmat: tilanne 1/2024 (esimerkkiaineisto)"
    properties.created = MIKKELI_STAMP
    properties.modified = MIKKELI_STAMP
    workbook.save(path)
    normalise_zip(path, MIKKELI_STAMP)
    report(path, actions)


def main() -> None:
    make_imatra()
    make_kouvola()
    make_heinola()
    make_mikkeli()


if __name__ == "__main__":
    main()
