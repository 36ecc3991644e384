#!/usr/bin/env python3
"""Makes the committed test fixtures from the real Kuopio table (Input/kasvava-kuopio-tilanne-1-2024.csv).

kuopio-sectioned-cp1252.csv: the same table in the *sectioned* shape of the printed council
document (theme row with the legend, "TAVOITE n. ..." row with the binding goal on its next
line, the column header repeated under every goal, then the action rows), saved the way an
older Excel on a Finnish Windows machine saves CSV: Windows-1252, ',' delimiter, CRLF.
Run from the repository root: python3 Tests/TilanneCoreTests/Fixtures/make_fixtures.py"""
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
with open(os.path.join(root, "Input", "kasvava-kuopio-tilanne-1-2024.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, body = rows[0], rows[1:]
legend = "+ Etenee myönteisesti     +/- Etenee osittain myönteisesti       - Ei ole edennyt       ? Ei tietoa etenemisestä"
columns = ["Toimenpiteet 2018-2021 (-2022)", "Hankkeet ", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]

out_rows = []
theme, goal = None, None
for r in body:
    r_theme, r_number, r_title, r_binding, action, projects, responsible, progress, status = r
    if r_theme != theme:
        theme, goal = r_theme, None
        out_rows.append([f"{theme} SELITTEET", legend, "", "", ""])
        out_rows.append(["", "", "", "", ""])
    if r_number != goal:
        goal = r_number
        cell = f"TAVOITE {r_number}. {r_title} "
        if r_binding:
            cell += f"\n(Sitova tavoite TA2021: {r_binding})"
        out_rows.append([cell, "", "", "", ""])
        out_rows.append(columns)
    out_rows.append([action, projects, responsible, progress, status])

with open(os.path.join(here, "kuopio-sectioned-cp1252.csv"), "w", encoding="cp1252", newline="") as f:
    w = csv.writer(f, delimiter=",", lineterminator="\r\n")
    w.writerows(out_rows)
print(f"wrote {len(out_rows)} rows")
