"""The reports in the programs people open them with, at council size: the PDF output, print
layouts one page wide with the header on every page at 1,000 actions (LibreOffice from the
workbook, Chromium from the HTML), and the Swedish workbook opened by LibreOffice."""
import re
import subprocess

from conftest import require_tool, run_tilanne, write_config
from conftest import larger_table

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return info, text.split("\f")


def test_pdf_output_is_the_council_attachment(tmp_path):
    require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    config = write_config(tmp_path)
    result = run_tilanne("run", "--quiet", "--format", "pdf", "--config", config)
    assert result.returncode == 1, result.stderr
    for name, header in ((f"{KUOPIO}.pdf", "Tilanne 1/2024"), (f"{KUOPIO}-sv.pdf", "Läge 1/2024")):
        info, pages = pdf_pages(tmp_path / "Output" / name)
        assert "841.89 x 595.3" in info, info  # A4 landscape
        status = [p for p in pages if header in p and ("Toimenpide" in p or "Åtgärd" in p)]
        assert len(status) >= 5
    # The attachment's structure, as far as a checker here can see it (pikepdf: veraPDF's full
    # PDF/UA rule set is not installable from Debian or PyPI): tagged, with a structure tree,
    # marked PDF/UA, the title shown instead of the file name, the report's language and a
    # bookmark per sheet.
    import pikepdf
    for name, language, first in ((f"{KUOPIO}.pdf", "fi-FI", "Tilanne"), (f"{KUOPIO}-sv.pdf", "sv-FI", "Läge")):
        with pikepdf.open(tmp_path / "Output" / name) as pdf:
            root = pdf.Root
            assert root.MarkInfo.Marked is True, name
            assert len(root.StructTreeRoot.K) > 0 if isinstance(root.StructTreeRoot.K, pikepdf.Array) else root.StructTreeRoot.K
            assert str(root.Lang) == language, (name, root.Lang)
            assert root.ViewerPreferences.DisplayDocTitle is True
            assert str(pdf.open_metadata().get("pdfuaid:part")) == "1"
            assert "1/2024" in str(pdf.docinfo.Title), pdf.docinfo.Title
            with pdf.open_outline() as outline:
                bookmarks = [item.title for item in outline.root]
            assert bookmarks and bookmarks[0] == first, (name, bookmarks)


def test_one_thousand_actions_print_one_page_wide_with_the_header_on_every_page(tmp_path):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    chromium = require_tool("chromium", "Chromium", "chromium")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    config = write_config(tmp_path, source=larger_table(tmp_path, copies=13),
                          extra_replacements=[("languages: [fi, sv]", "languages: [fi]")])
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 1
    output = tmp_path / "Output"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(output / f"{KUOPIO}.xlsx")], capture_output=True, timeout=600, check=True)
    _, pages = pdf_pages(tmp_path / f"{KUOPIO}.pdf")
    status = [p for p in pages if "Tilanne 1/2024" in p and "Hankkeet" in p]
    assert len(status) > 50, len(status)
    for number, page in enumerate(status, 1):
        header = next(line for line in page.splitlines() if "Toimenpide" in line and "Hankkeet" in line)
        for column in ("Toimenpide", "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"):
            assert column in header, f"workbook page {number}: {header!r}"
    html_pdf = tmp_path / "html.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={html_pdf}", (output / f"{KUOPIO}.html").as_uri()], capture_output=True, timeout=600, check=True)
    info, pages = pdf_pages(html_pdf)
    # Pages with action rows (each action of the larger table ends in its copy number, "(7)").
    table_pages = [p for p in pages if re.search(r"\(\d+\)\n", p)]
    assert len(table_pages) > 50, len(table_pages)
    # Chromium repeats each table's header row on every page it continues onto.
    assert all("Vastuutaho" in p for p in table_pages)


def test_libreoffice_opens_the_swedish_workbook_without_repair(kuopio_run, tmp_path):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    _, output = kuopio_run
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(output / f"{KUOPIO}-sv.xlsx")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    _, pages = pdf_pages(tmp_path / f"{KUOPIO}-sv.pdf")
    text = "".join(pages)
    assert "Åtgärdsprogrammet Växande Kuopio – läge 1/2024" in text
    assert "[på finska]" in text and "Teckenförklaring" in text


def test_pdf_without_libreoffice_or_chromium_says_what_to_install(tmp_path):
    import os
    config = write_config(tmp_path)
    env = {"PATH": str(tmp_path / "no-programs-here"), "HOME": os.environ.get("HOME", "/root")}
    from conftest import BIN
    result = subprocess.run([str(BIN), "run", "--quiet", "--format", "pdf", "--config", str(config)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 4, result.stderr
    assert "a PDF needs LibreOffice (Debian: libreoffice-calc-nogui) or Chromium (Debian: chromium)" in result.stderr
