#!/usr/bin/env python3
"""`make bench`: the whole pipeline (all three formats) on N generated rows, measured in the
same run as the C floor (a minimal libxlsxwriter program writing one sheet from the same CSV);
then reading the same rows from workbooks against reading them from the CSV.

Reads the references from ../shared/bench (or $TILANNE_BENCH_REFERENCES). Prints the median
wall time and peak memory of 3 runs of each program and the ratios."""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

import statistics_bench

ROOT = pathlib.Path(__file__).resolve().parents[1]
REFERENCES = pathlib.Path(os.environ.get("TILANNE_BENCH_REFERENCES", ROOT.parent / "shared" / "bench"))
WORK = ROOT / "bench-work"
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TIME = "/usr/bin/time"
TARGET_WALL, TARGET_MEMORY = 1.2, 1.5
TARGET_TWO_LANGUAGES = 1.5
MILLION = 1_000_000
TARGET_WORKBOOK = 1.5
TARGET_COMPARISON = 0.25
HISTORY_ROWS, HISTORY_PERIODS = 10_000, 20


def measure(command):
    """Wall seconds and peak resident MiB of one run, from GNU time."""
    result = subprocess.run([TIME, "-f", "%e %M", *command], capture_output=True, text=True)
    if result.returncode not in (0, 1):  # tilanne exits 1 for "done, with warnings"
        sys.exit(f"{command[0]} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    wall, kib = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kib) / 1024


def median_of(command):
    samples = [measure(command) for _ in range(RUNS)]
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def prepare(count):
    """The generated input of `count` rows and the floor's binary, made once for both benches."""
    for needed in ("gen_rows.py", "c_floor.c"):
        if not (REFERENCES / needed).exists():
            sys.exit(f"benchmark reference {REFERENCES / needed} not found; set TILANNE_BENCH_REFERENCES")
    if not os.path.exists(TIME):
        sys.exit("GNU time (/usr/bin/time) is needed: apt-get install time")
    WORK.mkdir(exist_ok=True)
    rows = WORK / f"rows-{count}.csv"
    if not rows.exists():
        subprocess.run([sys.executable, str(REFERENCES / "gen_rows.py"), str(count), str(rows)], check=True)
    floor = WORK / "c_floor"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "xlsxwriter"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", str(REFERENCES / "c_floor.c"), *flags, "-o", str(floor)], check=True)
    return rows, floor


def main():
    if os.environ.get("BENCH_MILLION"):
        return bench_million()
    rows, floor = prepare(ROWS)

    config_text = (ROOT / "Config" / "tilanne.yml").read_text(encoding="utf-8")
    config_text = config_text.replace("path: ../Input/kasvava-kuopio-tilanne-{period}.csv", f"path: {rows}")
    config_text = config_text.replace("    columns:\n      levels:", "    columns:\n      id: Tunnus\n      levels:")
    config_text = config_text.replace("folder: ../Output", f"folder: {WORK / 'out'}")
    # The floor writes the report only: the comparison row runs without the history; the
    # history's own cost (recording 100,000 rows a run) is measured on the next row.
    with_history = config_text.replace("state_folder: ../State", f"state_folder: {WORK / 'State'}")
    start = config_text.index("\nhistory:")
    config_text = config_text[:start] + config_text[config_text.index("\n\n", start + 1):]
    # The floor writes one language: so does the compared run. The shipped config's second
    # language (Swedish) is measured on its own row.
    two_languages_text = config_text
    assert "languages: [fi, sv]" in config_text
    config_text = config_text.replace("languages: [fi, sv]", "languages: [fi]")
    with_history = with_history.replace("languages: [fi, sv]", "languages: [fi]")
    config = WORK / "Config" / "tilanne.yml"
    config.parent.mkdir(exist_ok=True)
    write_programme(config.parent)
    config.write_text(config_text, encoding="utf-8")
    two_languages = WORK / "Config" / "two-languages.yml"
    two_languages.write_text(two_languages_text.replace("folder: " + str(WORK / "out"), "folder: " + str(WORK / "out-sv")), encoding="utf-8")
    history_config = WORK / "Config" / "with-history.yml"
    history_config.write_text(with_history, encoding="utf-8")
    shutil.rmtree(WORK / "State", ignore_errors=True)
    shutil.rmtree(WORK / "out", ignore_errors=True)
    tilanne = ROOT / ".build" / "release" / "tilanne"

    size = rows.stat().st_size / 2**20
    print(f"Input: {ROWS:,} action rows, {size:.1f} MiB CSV; median of {RUNS} runs each, measured now on this machine.")
    floor_wall, floor_mem = median_of([str(floor), str(rows), str(WORK / "floor.xlsx")])
    wall, mem = median_of([str(tilanne), "run", "--quiet", "--config", str(config)])
    outputs = sorted(p for p in (WORK / "out").iterdir() if p.suffix in (".xlsx", ".csv", ".html"))
    history_wall, history_mem = median_of([str(tilanne), "run", "--force", "--quiet", "--config", str(history_config)])
    sv_wall, sv_mem = median_of([str(tilanne), "run", "--quiet", "--config", str(two_languages)])
    print()
    print(f"| program | wall s | peak MiB | wall vs floor | memory vs floor |")
    print(f"|---|---|---|---|---|")
    print(f"| c_floor (one XLSX sheet) | {floor_wall:.2f} | {floor_mem:.0f} | 1.00 | 1.00 |")
    print(f"| tilanne run (XLSX + CSV + HTML) | {wall:.2f} | {mem:.0f} | {wall / floor_wall:.2f} | {mem / floor_mem:.2f} |")
    print(f"| tilanne run, history on (also records 100,000 rows, update list) | {history_wall:.2f} | {history_mem:.0f} | "
          f"{history_wall / floor_wall:.2f} | {history_mem / floor_mem:.2f} |")
    print(f"| tilanne run, in Finnish and Swedish (twice the files) | {sv_wall:.2f} | {sv_mem:.0f} | "
          f"{sv_wall / floor_wall:.2f} | {sv_mem / floor_mem:.2f} |")
    print()
    print("Outputs: " + ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MiB" for p in outputs))
    verdict_wall = "within" if wall / floor_wall <= TARGET_WALL else "OVER"
    verdict_mem = "within" if mem / floor_mem <= TARGET_MEMORY else "OVER"
    verdict_two = "within" if sv_wall / floor_wall <= TARGET_TWO_LANGUAGES else "OVER"
    print()
    print("Ratios against the floor, measured in this run:")
    print(f"- one language, XLSX + CSV + HTML: wall {wall / floor_wall:.2f}× (target ≤ {TARGET_WALL}: {verdict_wall}), "
          f"peak memory {mem / floor_mem:.2f}× (target ≤ {TARGET_MEMORY}: {verdict_mem})")
    print(f"- the shipped two languages (fi, sv): wall {sv_wall / floor_wall:.2f}× (target ≤ {TARGET_TWO_LANGUAGES}: {verdict_two})")
    print(f"- {MILLION:,} actions, peak memory against the floor at {MILLION:,}: `make bench-million` (several minutes)")
    bench_workbooks(rows, config, config_text, tilanne)
    bench_history(tilanne)
    bench_statistics(tilanne)


def bench_million():
    """`make bench-million`: one language, XLSX + CSV + HTML, at a million actions, against the
    floor at a million, in the same run: peak memory (the target: no higher than the floor's)
    and wall time. The input is 420 MB; each program runs BENCH_RUNS times (default 1)."""
    global RUNS
    RUNS = int(os.environ.get("BENCH_RUNS", "1"))
    rows, floor = prepare(MILLION)
    text = (ROOT / "Config" / "tilanne.yml").read_text(encoding="utf-8")
    text = text.replace("path: ../Input/kasvava-kuopio-tilanne-{period}.csv", f"path: {rows}")
    text = text.replace("    columns:\n      levels:", "    columns:\n      id: Tunnus\n      levels:")
    text = text.replace("folder: ../Output", f"folder: {WORK / 'out-million'}")
    start = text.index("\nhistory:")
    text = text[:start] + text[text.index("\n\n", start + 1):]
    text = text.replace("languages: [fi, sv]", "languages: [fi]")
    config = WORK / "Config" / "million.yml"
    config.parent.mkdir(exist_ok=True)
    write_programme(config.parent)
    config.write_text(text, encoding="utf-8")
    tilanne = ROOT / ".build" / "release" / "tilanne"
    print(f"Input: {MILLION:,} action rows, {rows.stat().st_size / 2**20:.0f} MiB CSV; median of {RUNS} run(s) each, measured now.")
    floor_wall, floor_mem = median_of([str(floor), str(rows), str(WORK / "floor-million.xlsx")])
    wall, mem = median_of([str(tilanne), "run", "--quiet", "--config", str(config)])
    print()
    print("| program | wall s | peak MiB | wall vs floor | memory vs floor |")
    print("|---|---|---|---|---|")
    print(f"| c_floor (one XLSX sheet) | {floor_wall:.2f} | {floor_mem:.0f} | 1.00 | 1.00 |")
    print(f"| tilanne run (XLSX + CSV + HTML) | {wall:.2f} | {mem:.0f} | {wall / floor_wall:.2f} | {mem / floor_mem:.2f} |")
    outputs = sorted(p for p in (WORK / "out-million").iterdir() if p.suffix in (".xlsx", ".csv", ".html"))
    print()
    print("Outputs: " + ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MiB" for p in outputs))
    verdict = "within" if mem <= floor_mem else "OVER"
    print(f"Target: peak memory at {MILLION:,} actions no higher than the floor's: {verdict} ({mem / floor_mem:.2f}×).")


def make_workbooks(rows):
    """The same rows as workbooks, made by the programs coordinators and scripts save with:
    LibreOffice Calc (shared strings, as Excel also saves) and openpyxl's write-only mode
    (inline strings, as report exports often write). Cached in bench-work/."""
    books = []
    calc = WORK / f"rows-{ROWS}-libreoffice.xlsx"
    if not calc.exists() and shutil.which("soffice"):
        staging = WORK / "calc"
        staging.mkdir(exist_ok=True)
        shutil.copy(rows, staging / calc.with_suffix(".csv").name)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{WORK / 'lo-profile'}", "--headless",
                        "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir", str(WORK),
                        str(staging / calc.with_suffix(".csv").name)], check=True, capture_output=True)
        shutil.rmtree(staging)
    if calc.exists():
        books.append(("LibreOffice Calc (shared strings)", calc))
    else:
        print("(LibreOffice not installed: the Calc workbook is left out; apt-get install libreoffice-calc-nogui)")
    script = WORK / f"rows-{ROWS}-openpyxl.xlsx"
    if not script.exists():
        import csv
        import openpyxl
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Tilanne")
        with open(rows, encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f, delimiter=";"):
                sheet.append(row)
        book.save(script)
    books.append(("openpyxl write-only (inline strings)", script))
    return books


def bench_workbooks(rows, config, config_text, tilanne):
    """`tilanne validate` reads, normalises and validates: the same work after the read, so the
    difference between the inputs is the cost of reading them."""
    print()
    print("Reading the same rows from a workbook vs from the CSV (`tilanne validate`: read + normalise + validate):")
    csv_wall, csv_mem = median_of([str(tilanne), "validate", "--quiet", "--config", str(config)])
    print()
    print("| input | size MiB | wall s | peak MiB | wall vs CSV |")
    print("|---|---|---|---|---|")
    print(f"| CSV | {rows.stat().st_size / 2**20:.1f} | {csv_wall:.2f} | {csv_mem:.0f} | 1.00 |")
    verdicts = []
    for label, book in make_workbooks(rows):
        book_config = config.with_name(book.stem + ".yml")
        book_config.write_text(config_text.replace(f"path: {rows}", f"path: {book}"), encoding="utf-8")
        wall, mem = median_of([str(tilanne), "validate", "--quiet", "--config", str(book_config)])
        print(f"| XLSX, {label} | {book.stat().st_size / 2**20:.1f} | {wall:.2f} | {mem:.0f} | {wall / csv_wall:.2f} |")
        verdicts.append(f"{label}: {'within' if wall / csv_wall <= TARGET_WORKBOOK else 'OVER'}")
    print(f"Target: a workbook costs ≤ {TARGET_WORKBOOK}× the CSV. " + "; ".join(verdicts) + ".")



def write_programme(folder):
    """The Kuopio programme file beside a bench config, without its indicators: their
    statistics files are measured by statistics_bench.py, not here."""
    text = (ROOT / "Config" / "kasvava-kuopio-ohjelma.yml").read_text(encoding="utf-8")
    start = text.index("\nindicators:")
    (folder / "kasvava-kuopio-ohjelma.yml").write_text(text[:start] + "\n", encoding="utf-8")


def bench_history(tilanne):
    """A history of 20 frozen periods of 10,000 actions; then a run of the next period, whose
    comparison (matching with the previous period, staleness over all 20) is timed by
    `tilanne run --timings` and set against the whole run."""
    folder = WORK / "history"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "Config").mkdir(parents=True)
    rows = folder / f"rows-{HISTORY_ROWS}.csv"
    subprocess.run([sys.executable, str(REFERENCES / "gen_rows.py"), str(HISTORY_ROWS), str(rows)], check=True,
                   capture_output=True)
    text = (ROOT / "Config" / "tilanne.yml").read_text(encoding="utf-8")
    text = text.replace("path: ../Input/kasvava-kuopio-tilanne-{period}.csv", f"path: {rows}")
    text = text.replace("    columns:\n      levels:", "    columns:\n      id: Tunnus\n      levels:")
    text = text.replace("folder: ../Output", f"folder: {folder / 'out'}")
    text = text.replace("state_folder: ../State", f"state_folder: {folder / 'State'}")
    # The generated rows name their status column after 1/2024 whatever the period.
    text = text.replace("status: Tilanne {period}", "status: Tilanne 1/2024")
    config = folder / "Config" / "tilanne.yml"
    write_programme(config.parent)

    def at_period(label):
        # A period is frozen as its life goes: opened in the config, published, then frozen.
        config.write_text(text.replace('period: "1/2024"', f'period: "{label}"'), encoding="utf-8")
    print()
    print(f"History: {HISTORY_PERIODS} frozen periods × {HISTORY_ROWS:,} actions, then a run of the next period.")
    started = time.monotonic()
    for index in range(HISTORY_PERIODS):
        label = f"{index % 2 + 1}/{2015 + index // 2}"
        at_period(label)
        for command in ("publish", "freeze"):
            result = subprocess.run([str(tilanne), command, "--quiet", "--config", str(config)], capture_output=True, text=True)
            if result.returncode not in (0, 1):
                sys.exit(f"{command} {label} failed ({result.returncode}): {result.stderr[-2000:]}")
    # The next period after the last frozen one.
    at_period(f"{HISTORY_PERIODS % 2 + 1}/{2015 + HISTORY_PERIODS // 2}")
    database = folder / "State" / "tilanne-history.sqlite"
    print(f"(built in {time.monotonic() - started:.1f} s; database {database.stat().st_size / 2**20:.1f} MiB)")
    samples = []
    for _ in range(RUNS):
        result = subprocess.run([TIME, "-f", "%e %M", str(tilanne), "run", "--force", "--quiet", "--timings",
                                 "--config", str(config)], capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"run failed ({result.returncode}): {result.stderr[-2000:]}")
        lines = result.stderr.strip().splitlines()
        wall = float(lines[-1].split()[0])
        stages = dict((part.split()[0], float(part.split()[1]))
                      for part in next(l for l in lines if l.startswith("timings:"))[len("timings:"):].split(","))
        samples.append((wall, stages))
    wall = statistics.median(s[0] for s in samples)
    compare = statistics.median(s[1]["compare"] for s in samples)
    record = statistics.median(s[1].get("record", 0) for s in samples)
    print()
    print("| part of the run | s | share of the run |")
    print("|---|---|---|")
    print(f"| whole run (XLSX + CSV + HTML + lists, {HISTORY_ROWS:,} actions) | {wall:.2f} | 1.00 |")
    print(f"| comparison: the previous period loaded and matched, staleness carried over {HISTORY_PERIODS} periods | {compare:.3f} | {compare / wall:.2f} |")
    print(f"| recording the run in the history (one transaction) | {record:.3f} | {record / wall:.2f} |")
    verdict = "within" if compare / wall <= TARGET_COMPARISON else "OVER"
    print(f"Target: the comparison costs ≤ {TARGET_COMPARISON:.0%} of the run: {verdict}.")


def bench_statistics(tilanne):
    """A ~50 MB PX file against the same cells as CSV, both read by `tilanne inspect`."""
    px, csv = statistics_bench.write(WORK)
    print()
    print("Indicator files: the same cells as a PX file and as a wide CSV, read by `tilanne inspect` (every cell counted and summed):")
    print()
    print("| input | size MiB | wall s | peak MiB | wall vs CSV | check sum |")
    print("|---|---|---|---|---|---|")
    results = {}
    for name, path, extra in (("CSV", csv, ["--column", "Alue", "--column", "Ikä", "--column", "Sukupuoli", "--column", "Tiedot"]),
                              ("PX", px, [])):
        command = [str(tilanne), "inspect", str(path), *extra]
        wall, mem = median_of(command)
        summary = subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[-1].strip()
        results[name] = (wall, mem, summary)
    csv_wall = results["CSV"][0]
    for name, path in (("CSV", csv), ("PX", px)):
        wall, mem, summary = results[name]
        print(f"| {name} | {path.stat().st_size / 2**20:.1f} | {wall:.2f} | {mem:.0f} | {wall / csv_wall:.2f} | {summary} |")
    same = results["CSV"][2] == results["PX"][2]
    print()
    print(f"Same cells read from both: {'yes' if same else 'NO'}. The PX file is streamed: its peak memory is the "
          f"header and a 1 MiB buffer, whatever its size.")


if __name__ == "__main__":
    main()
