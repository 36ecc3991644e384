#!/usr/bin/env python3
"""Writes the Kuopio programme's indicator files into Input/mittarit/, one per format the
indicator readers take, shaped as the services publish them:

- kuopio-vaesto.px: a StatFin 11ra-style PX table (Alue x Vuosi x Tiedot), ISO-8859-15, CRLF,
  labels in fi/sv/en, a "." missing-value symbol for a municipality that no longer exists;
- kuopio-tyollisyysaste.json: a JSON-stat 2.0 dataset as the StatFin PxWeb API returns it,
  the category index as an object in shuffled key order, values as a sparse object and a
  status ".." for the missing year;
- sotkanet-tyottomyys.csv: THL Sotkanet's semicolon export with a decimal comma;
- kuopio-yritykset.xlsx: a coordinator's own workbook of year -> value (openpyxl), a title row
  above the header and ".." for a year not yet published.

The figures are typed in for tests and the sample report, close to the published ones; they
are not a source for a council decision. statfin_atp_pxt_11n3.px (a real StatFin file) is
copied beside them.
"""
import json
import os
import shutil
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
OUT = os.path.join(ROOT, "Input", "mittarit")
HERE = os.path.dirname(os.path.abspath(__file__))

AREAS = [("SSS", "KOKO MAA", "HELA LANDET", "WHOLE COUNTRY"), ("KU091", "Helsinki", "Helsingfors", "Helsinki"),
         ("KU179", "Jyväskylä", "Jyväskylä", "Jyväskylä"), ("KU297", "Kuopio", "Kuopio", "Kuopio"),
         ("KU476", "Maaninka", "Maaninka", "Maaninka")]
YEARS = ["2017", "2018", "2019", "2020", "2021", "2022", "2023"]
POPULATION = {
    "SSS": [5513130, 5517919, 5525292, 5533793, 5548241, 5563970, 5603851],
    "KU091": [648042, 650058, 653835, 656920, 658457, 664028, 674500],
    "KU179": [140188, 141305, 142400, 143420, 144477, 145887, 147746],
    "KU297": [118209, 118664, 119282, 120210, 121557, 122594, 124025],
    # Maaninka merged into Kuopio in 2015: no population of its own ("." = not applicable).
    "KU476": None,
}


def px_list(items):
    return ",".join(f'"{item}"' for item in items)


def write_population():
    lines = [
        'CHARSET="ANSI";', 'AXIS-VERSION="2013";', 'CODEPAGE="iso-8859-15";', 'LANGUAGE="fi";',
        'LANGUAGES="fi","sv","en";', 'CREATION-DATE="20240328 08:00";', 'TABLEID="statfin_vaerak_pxt_11ra";',
        'DECIMALS=0;', 'SHOWDECIMALS=0;', 'MATRIX="001_11ra_2023";', 'SUBJECT-CODE="VAERAK";',
        'SUBJECT-AREA="vaerak";', 'SUBJECT-AREA[sv]="vaerak";', 'SUBJECT-AREA[en]="vaerak";', 'COPYRIGHT=YES;',
        'DESCRIPTION="11ra -- Tunnuslukuja väestöstä alueittain, 1990-2023";',
        'DESCRIPTION[sv]="11ra -- Nyckeltal för befolkningen efter område, 1990-2023";',
        'DESCRIPTION[en]="11ra -- Key figures on population by region, 1990-2023";',
        'TITLE="Tunnuslukuja väestöstä alueittain muuttujina Alue, Tiedot ja Vuosi";',
        'TITLE[sv]="Nyckeltal för befolkningen efter område efter Område, Uppgifter och År";',
        'TITLE[en]="Key figures on population by region by Area, Information and Year";',
        'CONTENTS="Tunnuslukuja väestöstä alueittain";', 'CONTENTS[sv]="Nyckeltal för befolkningen efter område";',
        'CONTENTS[en]="Key figures on population by region";',
        'UNITS="lukumäärä";', 'UNITS[sv]="antal";', 'UNITS[en]="number";',
        'STUB="Alue","Tiedot";', 'STUB[sv]="Område","Uppgifter";', 'STUB[en]="Area","Information";',
        'HEADING="Vuosi";', 'HEADING[sv]="År";', 'HEADING[en]="Year";',
        'CONTVARIABLE="Tiedot";', 'CONTVARIABLE[sv]="Uppgifter";', 'CONTVARIABLE[en]="Information";',
        f'VALUES("Alue")={px_list(a[1] for a in AREAS)};',
        f'VALUES[sv]("Område")={px_list(a[2] for a in AREAS)};',
        f'VALUES[en]("Area")={px_list(a[3] for a in AREAS)};',
        'VALUES("Tiedot")="Väkiluku";', 'VALUES[sv]("Uppgifter")="Folkmängd";', 'VALUES[en]("Information")="Population";',
        # A long list broken over lines, as PX writers do.
        f'VALUES("Vuosi")={px_list(YEARS[:4])},\n{px_list(YEARS[4:])};',
        f'VALUES[sv]("År")={px_list(YEARS)};', f'VALUES[en]("Year")={px_list(YEARS)};',
        f'TIMEVAL("Vuosi")=TLIST(A1),{px_list(YEARS)};',
        f'CODES("Alue")={px_list(a[0] for a in AREAS)};', f'CODES[sv]("Område")={px_list(a[0] for a in AREAS)};',
        f'CODES[en]("Area")={px_list(a[0] for a in AREAS)};',
        'CODES("Tiedot")="vaesto";', 'CODES[sv]("Uppgifter")="vaesto";', 'CODES[en]("Information")="vaesto";',
        f'CODES("Vuosi")={px_list(YEARS)};', f'CODES[sv]("År")={px_list(YEARS)};', f'CODES[en]("Year")={px_list(YEARS)};',
        'VARIABLE-TYPE("Vuosi")="Time";', 'VARIABLE-TYPE[sv]("År")="Time";', 'VARIABLE-TYPE[en]("Year")="Time";',
        'LAST-UPDATED("Väkiluku")="20240328 08:00";', 'LAST-UPDATED[sv]("Folkmängd")="20240328 08:00";',
        'LAST-UPDATED[en]("Population")="20240328 08:00";',
        'UNITS("Väkiluku")="henkilöä";', 'UNITS[sv]("Folkmängd")="personer";', 'UNITS[en]("Population")="persons";',
        'SOURCE="Tilastokeskus, väestörakenne";', 'SOURCE[sv]="Statistikcentralen, befolkningsstruktur";',
        'SOURCE[en]="Statistics Finland, population structure";',
        'NOTE="Luvut on kirjoitettu testiaineistoksi; ne ovat lähellä julkaistuja, mutta eivät lähde "\n"päätöksenteolle.";',
        'DATA=',
    ]
    for code, *_ in AREAS:
        values = POPULATION[code]
        lines.append(" ".join('"."' if values is None else str(v) for v in (values or [None] * len(YEARS))))
    lines[-1] += ";"
    with open(os.path.join(OUT, "kuopio-vaesto.px"), "wb") as out:
        out.write(("\r\n".join(lines) + "\r\n").encode("iso-8859-15"))


def write_employment_rate():
    # Työllisyysaste 18-64, Kuopio and whole country; 2023 not yet published for Kuopio.
    years = ["2018", "2019", "2020", "2021", "2022", "2023"]
    values = {("SSS", y): v for y, v in zip(years, [71.7, 72.6, 71.5, 72.9, 74.0, 73.9])}
    values.update({("KU297", y): v for y, v in zip(years[:5], [70.3, 71.0, 69.6, 70.8, 72.4])})
    areas = ["KU297", "SSS"]
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "label": "Työllisyysaste (18-64-vuotiaat) muuttujina Alue, Vuosi ja Tiedot",
        "source": "Tilastokeskus, työssäkäynti",
        "updated": "2024-10-31T05:00:00Z",
        "id": ["Alue", "Vuosi", "Tiedot"],
        "size": [len(areas), len(years), 1],
        "role": {"time": ["Vuosi"], "metric": ["Tiedot"]},
        "dimension": {
            "Tiedot": {"label": "Tiedot", "category": {"index": {"tyollisyysaste": 0},
                                                      "label": {"tyollisyysaste": "Työllisyysaste, %"},
                                                      "unit": {"tyollisyysaste": {"label": "%", "decimals": 1}}}},
            # Keys deliberately not in index order: the order is the position, not the key order.
            "Alue": {"label": "Alue", "category": {"index": {"SSS": 1, "KU297": 0},
                                                  "label": {"SSS": "KOKO MAA", "KU297": "Kuopio"}}},
            "Vuosi": {"label": "Vuosi", "category": {"index": years, "label": {y: y for y in years}}},
        },
        "value": {},
        "status": {},
    }
    for a, area in enumerate(areas):
        for y, year in enumerate(years):
            index = a * len(years) + y
            if (area, year) in values:
                dataset["value"][str(index)] = values[(area, year)]
            else:
                dataset["status"][str(index)] = ".."
    with open(os.path.join(OUT, "kuopio-tyollisyysaste.json"), "w", encoding="utf-8") as out:
        json.dump(dataset, out, ensure_ascii=False, indent=1)


def write_sotkanet_unemployment():
    rows = [("Työttömät, % työvoimasta", "Kuopio", y, "Yhteensä", v) for y, v in
            [(2017, "12,1"), (2018, "10,9"), (2019, "10,3"), (2020, "13,4"), (2021, "11,6"), (2022, "10,4"), (2023, "10,9")]]
    rows += [("Työttömät, % työvoimasta", "Koko maa", y, "Yhteensä", v) for y, v in
             [(2019, "9,2"), (2020, "11,9"), (2021, "10,3"), (2022, "8,8"), (2023, "9,4")]]
    lines = ["Indikaattori;Alue;Vuosi;Sukupuoli;Arvo"] + [";".join(str(c) for c in row) for row in rows]
    with open(os.path.join(OUT, "sotkanet-tyottomyys.csv"), "wb") as out:
        out.write("\ufeff".encode("utf-8") + ("\r\n".join(lines) + "\r\n").encode("utf-8"))


def write_companies():
    from openpyxl import Workbook
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Yritykset"
    sheet.append(["Kuopion yritysten määrä (toimipaikat), elinvoimapalveluiden seuranta"])
    sheet.append([])
    sheet.append(["Vuosi", "Arvo", "Huomautus"])
    for year, value in [(2018, 7562), (2019, 7640), (2020, 7611), (2021, 7745), (2022, 7890)]:
        sheet.append([year, value, None])
    sheet.append([2023, "..", "Tilasto julkaistaan myöhemmin"])
    workbook.save(os.path.join(OUT, "kuopio-yritykset.xlsx"))


def main():
    os.makedirs(OUT, exist_ok=True)
    write_population()
    write_employment_rate()
    write_sotkanet_unemployment()
    write_companies()
    shutil.copy(os.path.join(HERE, "statfin", "statfin_atp_pxt_11n3.px"), os.path.join(OUT, "statfin_atp_pxt_11n3.px"))
    print(f"wrote the indicator files into {OUT}")


if __name__ == "__main__":
    sys.exit(main())
