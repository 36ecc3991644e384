"""The XLSX read back cell by cell with openpyxl: texts, formats, merged ranges, print settings."""
import re
import zipfile

import openpyxl

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def workbook(output, edition=""):
    return openpyxl.load_workbook(output / f"{KUOPIO}{edition}.xlsx")


def test_sheets_and_document_properties(kuopio_run):
    _, output = kuopio_run
    wb = workbook(output)
    # The council edition; the coordinator's workbook holds the checks and the update list only.
    assert wb.sheetnames == ["Tilanne", "Yhteenveto", "Kaavio", "Tiedot", "Mittarit", "Mittarisarjat"]
    assert workbook(output, "-koordinaattori").sheetnames == ["Tarkistukset", "Päivitettävät"]
    # The period is not frozen: a draft, in the title a file manager and the PDF show too.
    assert wb.properties.title == "LUONNOS: Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024"
    assert wb.properties.creator == "Elinvoima- ja konsernipalvelut"
    assert wb.properties.created.date().isoformat() == "2024-02-15"


def test_status_sheet_is_laid_out_like_the_council_table(kuopio_run):
    _, output = kuopio_run
    ws = workbook(output)["Tilanne"]
    # A nightly run of an open period writes a draft, and says so first.
    assert ws["A1"].value == "LUONNOS: Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024"
    # Under the title, the day of the report and of its data.
    assert ws["A2"].value.startswith("Raportti laadittu ") and "(uusimman lähdetiedoston muutospäivä)" in ws["A2"].value
    assert [c.value for c in ws[3]] == ["Selitteet", "+  Etenee myönteisesti", "+/-  Etenee osittain myönteisesti",
                                        "-  Ei ole edennyt", "?  Ei tietoa etenemisestä"]
    assert [c.value for c in ws[4]] == ["Toimenpide", "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]
    assert ws["A4"].font.b and ws["A4"].fill.fgColor.rgb.endswith("D9E1F2")
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A5:E5" in merged and ws["A5"].value == "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"
    assert "A6:E6" in merged and ws["A6"].value == "TAVOITE 1. Osaavan työvoiman saannin turvaaminen"
    themes = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value and ws.cell(r, 1).fill.fgColor.rgb.endswith("1F3864")]
    goals = [r for r in range(5, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("TAVOITE ")]
    assert len(themes) == 4 and len(goals) == 13
    assert all(f"A{r}:E{r}" in merged for r in themes + goals)
    goal2 = ws.cell(goals[1], 1).value
    assert goal2.endswith("(Sitova tavoite TA2021: Kehitetään yrityksille suunnattuja palveluja yhteistyössä kumppanien kanssa)")
    actions = [r for r in range(7, ws.max_row + 1) if ws.cell(r, 4).value]
    assert len(actions) == 77
    first = actions[0]
    assert ws.cell(first, 1).value == "Osaajien rekrytoinnin tuki, opiskelu- ja työperäinen maahanmuutto"
    assert ws.cell(first, 4).value == "+\nEtenee myönteisesti"
    assert ws.cell(first, 4).fill.fgColor.rgb.endswith("C6EFCE")
    assert ws.cell(first, 5).alignment.wrap_text and ws.cell(first, 5).alignment.vertical == "top"
    assert ws.row_dimensions[first].height and ws.row_dimensions[first].height > 15
    unknown = [r for r in actions if ws.cell(r, 4).value.startswith("+?")]
    assert len(unknown) == 3
    # The council edition shows the code as written; the coordinator's check list names each one.
    assert all(ws.cell(r, 4).value == "+?" for r in unknown)
    assert all(ws.cell(r, 4).border.left.style == "mediumDashed" for r in unknown)
    checks = workbook(output, "-koordinaattori")["Tarkistukset"]
    assert sum(1 for row in checks.iter_rows(min_row=5, values_only=True) if row[1] == "progress.unknown-code") == 3


def test_status_sheet_is_print_ready(kuopio_run):
    _, output = kuopio_run
    ws = workbook(output)["Tilanne"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    # A fixed scale at which the columns fit one page wide and Calibri 11 prints at 9 points
    # (fitting to the width would override the page breaks), and breaks that never leave a goal
    # or theme heading as the last row of a page.
    assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.scale == 82
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks and all(b.man for b in ws.row_breaks.brk)
    headings = {r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).fill.fgColor.rgb in ("FF1F3864", "FFDFE6F2")}
    assert not any(b in headings for b in breaks)  # a break's id is the last row of its page (1-based)
    assert ws.print_title_rows == "$4:$4"  # the title, the dates, the legend, the header
    assert ws.freeze_panes == "A5"
    assert "Kasvava Kuopio -toimenpideohjelma" in ws.oddHeader.left.text
    assert ws.oddHeader.center.text == "LUONNOS"  # every printed page of a draft says so
    assert ws.oddFooter.right.text == "Sivu &P / &N"


def test_summary_counts_and_native_chart(kuopio_run):
    _, output = kuopio_run
    # The counts are formulas over the data sheet (test_workbook_data.py); these are their cached results.
    ws = openpyxl.load_workbook(output / f"{KUOPIO}.xlsx", data_only=True)["Yhteenveto"]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(3, 14)] for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "Yhteensä"}
    # The report's total is named after the programme it adds up.
    whole = rows["Kasvava Kuopio -toimenpideohjelma"]
    assert whole[0::2][:4] == [51, 11, 8, 4]  # +, +/-, -, ? counts
    assert whole[8:] == [3, 0, 77] or whole[-3:] == [3, 0, 77]
    assert ws.cell(5, 4).number_format == "0.0 %"
    with zipfile.ZipFile(output / f"{KUOPIO}.xlsx") as z:
        assert "xl/charts/chart1.xml" in z.namelist()
        chart = z.read("xl/charts/chart1.xml").decode("utf-8")
        assert "<c:barChart>" in chart
        # The chart is alone on its sheet (Kaavio, the third), with its title and alternative text.
        rels = z.read("xl/worksheets/_rels/sheet3.xml.rels").decode("utf-8")
        name = re.search(r'Target="../drawings/([^"]+)"', rels).group(1)
        drawing = z.read(f"xl/drawings/{name}").decode("utf-8")
        assert "../charts/chart1.xml" in z.read(f"xl/drawings/_rels/{name}.rels").decode("utf-8")
    assert "<a:t>Toimenpiteet etenemisen mukaan – 1/2024</a:t>" in chart
    assert re.search(r'descr="Toimenpiteet etenemisen mukaan – Kasvava Kuopio -toimenpideohjelma, yhteensä 77\. '
                     r'\+ Etenee myönteisesti: 51; .*Muu koodi \(\+\?\): 3\."', drawing)
    # The first goal on top and the bars growing left to right from 0: the category axis runs
    # from the top, the value axis from the left and crosses the categories at the bottom (their
    # maximum, the categories being reversed), with ticks at whole actions.
    category = re.search(r"<c:catAx>(.*?)</c:catAx>", chart, re.S).group(1)
    value = re.search(r"<c:valAx>(.*?)</c:valAx>", chart, re.S).group(1)
    assert 'orientation val="maxMin"' in category and 'orientation val="minMax"' in value
    assert '<c:min val="0"/>' in value and '<c:crosses val="max"/>' in value and '<c:axPos val="b"/>' in value
    assert float(re.search(r'majorUnit val="([\d.]+)"', value).group(1)).is_integer()
    # Every action is in a bar: a segment per legend code, then the codes the legend does not know.
    names = re.findall(r"<c:ser>.*?<c:tx>.*?<c:v>([^<]*)</c:v>", chart, re.S)
    assert names == ["+ Etenee myönteisesti", "+/- Etenee osittain myönteisesti", "- Ei ole edennyt",
                     "? Ei tietoa etenemisestä", "Muu koodi (+?)"]
    assert "Yhteenveto!$C$4:$C$16" in chart and "Yhteenveto!$K$4:$K$16" in chart
    categories = re.search(r"<c:cat>.*?</c:cat>", chart, re.S).group(0)
    assert re.findall(r"<c:v>([^<]*)</c:v>", categories)[0] == "1. Osaavan työvoiman saannin turvaaminen"


def test_checks_sheet_lists_findings_with_locations(kuopio_run):
    _, output = kuopio_run
    ws = workbook(output, "-koordinaattori")["Tarkistukset"]
    assert ws["A1"].value == "Rivejä luettu 77: 77 raportissa, 0 hylätty"
    findings = [[c.value for c in row] for row in ws.iter_rows(min_row=5) if row[1].value == "progress.unknown-code"]
    assert [f[4] for f in findings] == [52, 53, 55]
    assert all(f[5] == "H (Eteneminen)" and f[0] == "varoitus" for f in findings)


def test_summary_rows_are_tall_enough_for_their_wrapped_names(kuopio_run):
    """Spreadsheet programs do not grow rows on opening: a long theme name needs a tall row, or
    it is printed over the next one."""
    _, output = kuopio_run
    sheet = workbook(output)["Yhteenveto"]
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 2).value == "Yhteensä"}
    long_theme = "VETOVOIMAINEN INNOVAATIO- JA OPPIMISYMPÄRISTÖ SEKÄ LAADUKAS KOULUTUSKETJU VARHAISKASVATUKSESTA KORKEAKOULUTUKSEEN"
    assert sheet.row_dimensions[rows[long_theme]].height >= 45  # three or more lines of 15 pt
