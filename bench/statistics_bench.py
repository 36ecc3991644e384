"""Part of `make bench`: a PX file of about 50 MB read by `tilanne inspect` (streamed, counting
every cell), next to the same cells as a wide CSV (area, age, sex, measure, then a column per
year) read by the same command. Prints wall time, peak memory and the check sums, which must
be equal."""
import os
import pathlib
import random

YEARS = [str(y) for y in range(1975, 2025)]            # 50
AREAS = ["SSS"] + [f"KU{n:03d}" for n in range(5, 5 + 319)]  # 320
AGES = [str(a) for a in range(0, 101)]                   # 101
SEXES = ["SSS", "1", "2"]
MEASURES = ["vaesto", "muutos"]


def cells():
    """Every cell in PX order (stub: area, age, sex, measure; heading: year), a few missing."""
    random.seed(297)
    for area in AREAS:
        for age in AGES:
            for sex in SEXES:
                for measure in MEASURES:
                    row = []
                    for year in YEARS:
                        if random.random() < 0.002:
                            row.append(None)
                        elif measure == "vaesto":
                            row.append(str(random.randint(0, 99999)))
                        else:
                            row.append(f"{random.uniform(-99, 99):.1f}")
                    yield (area, age, sex, measure), row


def quoted(items):
    return ",".join(f'"{i}"' for i in items)


def write(work: pathlib.Path):
    px = work / "statistics-50mb.px"
    csv = work / "statistics-50mb.csv"
    if px.exists() and csv.exists():
        return px, csv
    header = [
        'CHARSET="ANSI";', 'AXIS-VERSION="2013";', 'CODEPAGE="iso-8859-15";', 'LANGUAGE="fi";', 'LANGUAGES="fi","sv";',
        'DECIMALS=1;', 'MATRIX="bench";', 'TITLE="Väestö alueittain, iän ja sukupuolen mukaan (benchmark)";',
        'TITLE[sv]="Befolkning (benchmark)";', 'CONTENTS="Väestö";', 'UNITS="henkilöä";', 'UNITS[sv]="personer";',
        'STUB="Alue","Ikä","Sukupuoli","Tiedot";', 'STUB[sv]="Område","Ålder","Kön","Uppgifter";',
        'HEADING="Vuosi";', 'HEADING[sv]="År";',
        f'VALUES("Alue")={quoted(AREAS)};', f'VALUES[sv]("Område")={quoted(AREAS)};',
        f'VALUES("Ikä")={quoted(AGES)};', f'VALUES[sv]("Ålder")={quoted(AGES)};',
        f'VALUES("Sukupuoli")={quoted(SEXES)};', f'VALUES[sv]("Kön")={quoted(SEXES)};',
        f'VALUES("Tiedot")={quoted(MEASURES)};', f'VALUES[sv]("Uppgifter")={quoted(MEASURES)};',
        f'VALUES("Vuosi")={quoted(YEARS)};', f'VALUES[sv]("År")={quoted(YEARS)};',
        f'TIMEVAL("Vuosi")=TLIST(A1),{quoted(YEARS)};',
        'DATA=',
    ]
    with open(px, "w", encoding="iso-8859-15", newline="\r\n") as out_px, open(csv, "w", encoding="utf-8", newline="") as out_csv:
        out_px.write("\n".join(header) + "\n")
        out_csv.write("Alue;Ikä;Sukupuoli;Tiedot;" + ";".join(YEARS) + "\r\n")
        for key, row in cells():
            out_px.write(" ".join('".."' if v is None else v for v in row) + "\n")
            out_csv.write(";".join(key) + ";" + ";".join(".." if v is None else v.replace(".", ",") for v in row) + "\r\n")
        out_px.write(";\n")
    return px, csv
