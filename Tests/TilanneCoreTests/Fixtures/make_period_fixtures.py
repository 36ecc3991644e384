#!/usr/bin/env python3
"""Makes kuopio-tilanne-2-2024.csv: the next period of the real Kuopio table, made by editing a
copy of Input/kasvava-kuopio-tilanne-1-2024.csv the way a coordinator would, with exactly these
changes (the history tests expect them, and only them, in the "Muutokset" list):

  - "Pitkäaikais- ja nuorisotyöttömyyden vähentäminen ..." (goal 1): + → +/-   (worsened)
  - "Pohjois-Savon yhtenäisen työssäkäyntialueen vahvistaminen" (goal 1): - → +/-   (improved)
  - "Muuttajapalvelujen kehittäminen" reworded to "Muuttajapalvelujen kehittäminen ja
    vakiinnuttaminen" (goal 1; matched by similar wording, an uncertain match)
  - "Työyhteisöjen ja yritysten kv-osaajien vastaanottovalmiuksien edistäminen" dropped
  - "Yritysten digitaalisten palvelujen kehittäminen" added under goal 2
The status column is headed "Tilanne 2/2024"; the status texts are otherwise unchanged.
Run from the repository root: python3 Tests/TilanneCoreTests/Fixtures/make_period_fixtures.py"""
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
with open(os.path.join(root, "Input", "kasvava-kuopio-tilanne-1-2024.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, body = rows[0], rows[1:]
header[8] = "Tilanne 2/2024"
out = []
for r in body:
    action = r[4]
    if action.startswith("Työyhteisöjen ja yritysten kv-osaajien"):
        continue
    if action.startswith("Pitkäaikais- ja nuorisotyöttömyyden"):
        assert r[7] == "+"
        r[7] = "+/-"
    if action.startswith("Pohjois-Savon yhtenäisen työssäkäyntialueen"):
        assert r[7] == "-"
        r[7] = "+/-"
    if action == "Muuttajapalvelujen kehittäminen":
        r[4] = "Muuttajapalvelujen kehittäminen ja vakiinnuttaminen"
    out.append(r)
    if action.startswith("Yrityshankinta, investointien hankinta"):
        out.append([r[0], r[1], r[2], r[3], "Yritysten digitaalisten palvelujen kehittäminen", "",
                    "Elinvoima- ja konsernipalvelut", "+", "Käynnistyi syksyllä 2024."])
with open(os.path.join(here, "kuopio-tilanne-2-2024.csv"), "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, delimiter=";", lineterminator="\r\n").writerows([header] + out)
print(f"wrote {len(out)} action rows")
