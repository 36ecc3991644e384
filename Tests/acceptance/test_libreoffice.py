"""LibreOffice opens the workbook without repair and its PDF has the header on every page."""
import os
import re
import subprocess

from conftest import BIN, require_tool, write_config

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def test_pdf_export_repeats_the_header_and_fits_the_page_width(kuopio_run, tmp_path):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    _, output = kuopio_run
    xlsx = output / f"{KUOPIO}.xlsx"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(xlsx)], capture_output=True, text=True, timeout=240)
    pdf = tmp_path / f"{KUOPIO}.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert "841.89 x 595.3" in info  # A4 landscape
    texts = [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"],
                            capture_output=True, text=True).stdout for p in range(1, pages + 1)]
    # The Tilanne sheet's pages (the update list also has Toimenpide and Eteneminen, not Hankkeet).
    status_pages = [t for t in texts if "Toimenpide" in t and "Hankkeet" in t]
    assert len(status_pages) >= 5
    for page, text in enumerate(status_pages, 1):
        header_line = next((line for line in text.splitlines() if "Toimenpide" in line), "")
        # All five columns on the header line of every page: one page wide, header repeated.
        for column in ("Toimenpide", "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"):
            assert column in header_line, f"page {page}: {header_line!r}"
    # Fitting the width means no page holds only the right-hand columns.
    assert all("Toimenpide" in t for t in status_pages)
    assert "TAVOITE 13." in "".join(texts) and "+?" in "".join(texts)
    # The summary chart is whole on a page of its own: every goal's bar and the unknown code's
    # segment in its legend, no repeated header row of the summary table over it.
    chart_pages = [t for t in texts if "Toimenpiteet etenemisen mukaan – 1/2024" in t]
    assert len(chart_pages) == 1
    for label in ("1. Osaavan työvoiman", "7. Innovaatioekosysteemi", "13. Kuopion kansallisen", "Muu koodi (+?)"):
        assert label in chart_pages[0], label
    assert "Ohjelman osa" not in chart_pages[0] and not any("Toimenpiteet etenemisen mukaan" in t for t in texts
                                                            if t is not chart_pages[0])


def test_second_period_workbook_prints_its_change_lists_one_page_wide(second_period_run, tmp_path):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    _, output = second_period_run
    xlsx = output / "kasvava-kuopio-tilanne-2-2024.xlsx"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(xlsx)], capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "kasvava-kuopio-tilanne-2-2024.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    changes = [p for p in pages if "Muutokset kaudesta 1/2024 kauteen 2/2024" in p]
    assert len(changes) == 1, "the five changes fit one page"
    # Every column of the list on that page: one page wide.
    for column in ("Muutos", "Eteneminen ennen", "Eteneminen nyt", "Suunta", "Tilanne 2/2024"):
        assert column in changes[0]
    assert "Parantunut 1, heikentynyt 1" in changes[0]
    # The council edition: the match to check and the update list are the coordinator's.
    assert "Tarkistettava" not in text and not any("Päivitettävät rivit vastuutahoittain" in p for p in pages)
    # The change column is on every status page.
    assert all("Muutos (vrt. 1/2024)" in p for p in pages if "Toimenpide" in p and "Hankkeet" in p)


def test_the_pdf_speaks_the_report_language_on_a_c_locale_server(tmp_path):
    """On a server whose locale is C, `--format pdf` printed "119,282" and "85.7 %" in a Finnish
    report; the converter now gets the report language's locale, whatever the server's."""
    require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    config = write_config(tmp_path)
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    result = subprocess.run([str(BIN), "run", "--format", "pdf", "--config", str(config)], capture_output=True, text=True,
                            timeout=600, env=environment)
    assert result.returncode == 1, result.stderr
    for suffix, words in (("", ["119 282", "85,7 %"]), ("-sv", ["119 282", "85,7 %"])):
        text = subprocess.run(["pdftotext", str(tmp_path / "Output" / f"{KUOPIO}{suffix}.pdf"), "-"],
                              capture_output=True, text=True).stdout
        for word in words:
            assert word in text, (suffix, word)
        assert "119,282" not in text and "85.7 %" not in text


def test_the_council_pdf_prints_the_status_table_in_six_pages_at_nine_points(tmp_path):
    """The PDF LibreOffice prints (rows sized for LibreOffice from Carlito's widths, decision
    0006): the status table in at most six A4 landscape pages, body text at 9 points or more, the
    header row on every page and no goal heading as the last row of a page."""
    require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    config = write_config(tmp_path)
    result = subprocess.run([str(BIN), "run", "--format", "pdf", "--config", str(config)], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 1, result.stderr
    pdf = tmp_path / "Output" / f"{KUOPIO}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in info
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    status = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        # The data sheet (a table to filter, headed Tunnus … Tavoite nro) is not printed.
        assert not ("Tunnus" in text and "Tavoite nro" in text), page
        header = next((line for line in text.splitlines() if "Toimenpide" in line), "")
        # The status sheet's header row (the data sheet's begins with Tunnus).
        if all(column in header for column in ("Toimenpide", "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024")) \
                and "Tunnus" not in header:
            status.append((page, text))
    assert 5 <= len(status) <= 6, [p for p, _ in status]
    assert [p for p, _ in status] == list(range(1, len(status) + 1))
    for page, text in status:
        # Word boxes are 1.3 times the font size in Carlito (ascender to descender of its PDF font).
        boxes = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                               capture_output=True, text=True).stdout
        sizes = sorted((float(b) - float(a)) / 1.3 for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes))
        body = sizes[len(sizes) // 2]
        assert body >= 8.95, (page, body)
        lines = [line.strip() for line in text.splitlines() if line.strip() and "Sivu" not in line]
        # The foot of the page is an action, not a theme (capitals) or a goal heading.
        assert not lines[-1].startswith(("TAVOITE", "(Sitova tavoite")) and not lines[-1].isupper(), (page, lines[-2:])
        assert not (lines[-2].startswith("TAVOITE") and lines[-1].startswith("(Sitova")), (page, lines[-2:])
    printed = "".join(text for _, text in status)
    assert "TAVOITE 13." in printed and printed.count("+?") == 3
