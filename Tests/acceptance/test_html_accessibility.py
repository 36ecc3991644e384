"""The HTML report passes axe-core's WCAG 2.1 A and AA rules in headless Chromium."""
import importlib.util
import json
import pathlib

import pytest

from conftest import require_tool

KUOPIO = "kasvava-kuopio-tilanne-1-2024"


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        pytest.fail("axe-core is missing: run `make test-deps` (pip install --no-deps axe-playwright-python)")
    return (pathlib.Path(next(iter(spec.submodule_search_locations))) / "axe.min.js").read_text(encoding="utf-8")


def test_html_passes_axe_wcag21_aa(kuopio_run):
    _, output = kuopio_run
    check_with_axe(output / f"{KUOPIO}.html")


def test_html_with_changes_and_update_lists_passes_axe(second_period_run):
    """The report of 2/2024 compared with the frozen 1/2024: change column, Muutokset, Päivitettävät."""
    _, output = second_period_run
    check_with_axe(output / "kasvava-kuopio-tilanne-2-2024.html")


def check_with_axe(page, width=1280):
    """axe-core's WCAG 2.1 A/AA rules on the page as a window `width` px wide shows it; returns
    what the page measures there (its scroll width, the viewport's width)."""
    chromium = require_tool("chromium", "Chromium", "chromium")
    driver_path = require_tool("chromedriver", "ChromeDriver", "chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.set_window_size(width, 900)
        driver.get(page.as_uri())
        measured = driver.execute_script(
            "return {scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,"
            " unlabelled: document.querySelectorAll('.status-table td:not([data-label])').length,"
            " tables: document.querySelectorAll('table').length,"
            " wrapped: document.querySelectorAll('.table-wrap[role=region][tabindex=\"0\"][aria-label] > table').length,"
            # Where the summary's region is scrolled to its end: its first row's name, against the region's left edge.
            " pinned: (() => { const wrap = document.querySelector('.summary-table').parentElement;"
            "   const th = wrap.querySelector('tbody th'); const left = () => th.getBoundingClientRect().left - wrap.getBoundingClientRect().left;"
            "   const start = left(); wrap.scrollLeft = wrap.scrollWidth; const end = left(), scrolled = wrap.scrollLeft;"
            "   wrap.scrollLeft = 0; return [start, end, scrolled]; })()}")
        driver.execute_script(axe_source())
        driver.set_script_timeout(120)
        results = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length, version: axe.version})))"
            ".catch(e => done(JSON.stringify({error: String(e)})));")
    finally:
        driver.quit()
    report = json.loads(results)
    assert "error" not in report, report
    summary = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in report["violations"]]
    assert summary == [], f"axe {report['version']} found: {summary}"
    assert report["passes"] > 10
    return measured


def test_swedish_html_with_finnish_parts_passes_axe(kuopio_run):
    """The Swedish report: `lang="sv"`, every Finnish-only text in `lang="fi"` and marked."""
    _, output = kuopio_run
    page = output / f"{KUOPIO}-sv.html"
    text = page.read_text(encoding="utf-8")
    assert '<html lang="sv">' in text
    assert text.count('<span class="untranslated">[på finska]</span> <span lang="fi">') >= 77
    check_with_axe(page)


def test_on_a_phone_the_page_never_scrolls_sideways_and_each_row_says_its_columns(kuopio_run):
    """At 390 px the report used to be 965 px wide (Swedish 1,111): it scrolled sideways and
    showed two of five columns. Now each action is a block of labelled lines and the wide
    tables scroll inside their own named, focusable region; axe still finds nothing."""
    _, output = kuopio_run
    for name, width in ((f"{KUOPIO}.html", 390), (f"{KUOPIO}-sv.html", 390), (f"{KUOPIO}-sv.html", 320)):
        measured = check_with_axe(output / name, width=width)
        assert measured["scroll"] <= measured["viewport"], (name, width, measured)
        assert measured["unlabelled"] == 0, (name, measured)
        status_tables = (output / name).read_text(encoding="utf-8").count('<table class="status-table"')
        assert measured["wrapped"] == measured["tables"] - status_tables, (name, measured)
        # The summary scrolls sideways in its region, and each row's name stays in view meanwhile.
        start, end, scrolled = measured["pinned"]
        assert scrolled > 200 and abs(end - start) <= 1, (name, width, measured["pinned"])


def test_the_printed_html_numbers_its_pages_in_the_report_language(kuopio_run, tmp_path):
    """Printed, the HTML had no page numbers; now every page says "Sivu n / N" (Swedish "Sida")."""
    import subprocess
    chromium = require_tool("chromium", "Chromium", "chromium")
    require_tool("pdftotext", "Poppler", "poppler-utils")
    _, output = kuopio_run
    for name, word in ((f"{KUOPIO}.html", "Sivu"), (f"{KUOPIO}-sv.html", "Sida")):
        pdf = tmp_path / (name + ".pdf")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", (output / name).as_uri()], capture_output=True, timeout=180)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
        assert pages > 2
        for page in (1, pages):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True).stdout
            assert f"{word} {page} / {pages}" in text, (name, page)


def test_the_summary_chart_is_an_image_with_its_figures_in_words_and_a_skip_link_leads_to_the_content(kuopio_run):
    """The HTML had no chart and no skip link. The chart: one bar per legend code in the
    legend's order, then the code outside the legend (`+?`), each with its count; named and
    described for a screen reader, the summary table after it."""
    import re
    _, output = kuopio_run
    text = (output / f"{KUOPIO}.html").read_text(encoding="utf-8")
    body = text.split("<body>", 1)[1]
    assert body.lstrip().startswith('<a class="skip" href="#sisalto">Siirry sisältöön</a>')
    assert '<main id="sisalto"' in text
    # The contents list names every goal under its theme, so a reader jumps to a goal from the top.
    contents = text.split('<nav aria-label="Sisältö">', 1)[1].split("</nav>", 1)[0]
    assert contents.count("TAVOITE ") == 13 and contents.count("<ul>") == 5
    assert re.search(r'KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ</a>\n<ul>\n<li><a href="#kohta-2">TAVOITE 1\. ', contents)
    chart = text.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    assert '<svg role="img" aria-labelledby="kaavio-otsikko kaavio-kuvaus"' in chart
    labels = re.findall(r'<text x="4" y="\d+">([^<]*)</text>', chart)
    assert labels == ["+  Etenee myönteisesti", "+/-  Etenee osittain myönteisesti", "-  Ei ole edennyt",
                      "?  Ei tietoa etenemisestä", "+?  Muu koodi"], labels
    description = re.search(r'<desc id="kaavio-kuvaus">([^<]*)</desc>', chart).group(1)
    assert description.startswith("+ Etenee myönteisesti: 51; +/- Etenee osittain myönteisesti: 11; - Ei ole edennyt: 8; ? Ei tietoa etenemisestä: 4; +? Muu koodi: 3")
    # Bars grow rightwards from one edge, the longest for the largest count.
    widths = [int(w) for w in re.findall(r'<rect x="4" y="\d+" width="(\d+)"', chart)]
    assert widths[0] == max(widths) and len(widths) == 5
    assert text.index('<figure class="chart">') < text.index('<caption>Toimenpiteiden eteneminen</caption>')
