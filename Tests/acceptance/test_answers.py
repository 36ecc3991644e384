"""Answers read back: the requests for the Kuopio table written, several filled with openpyxl
(one re-saved by LibreOffice), returned with a tampered id, a row of another party, a workbook
of an earlier period and two different answers for one row; the report carries exactly the
accepted answers and each refusal is a finding at its file and cell."""
import csv
import io
import json
import shutil
import subprocess

import openpyxl
import pytest

from conftest import require_tool, run_tilanne, write_config

ANSWERS = ("  deadline: 2024-03-01", "  deadline: 2024-03-01\n  answers: ../Vastaukset/{period}")
# Line breaks, dashes and quotes must survive the round trip.
TEXT = 'Etenee – "hyvin"\nToinen rivi: 50 % valmis'
# The answer re-saved by LibreOffice, accepted: its dash, quotes and line break reach the report.
SAVED = 'LibreOffice – "tallennettu"\nToinen rivi: 50 % valmis'


def fill(source, target, answers, edit=None):
    """Copies a request with answers {sheet row: (code, text)}; `edit(book)` changes anything else."""
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[0]
    for row, (code, text) in answers.items():
        sheet.cell(row=row, column=8, value=code)
        sheet.cell(row=row, column=9, value=text)
    if edit:
        edit(book)
    book.save(target)


def row_texts(path, row):
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [sheet.cell(row=row, column=c).value for c in range(1, 10)]


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    soffice = require_tool("soffice", "LibreOffice", "libreoffice-calc-nogui")
    folder = tmp_path_factory.mktemp("answers")
    config = write_config(folder, extra_replacements=[ANSWERS])
    assert run_tilanne("requests", "--config", config).returncode in (0, 1)
    sent = folder / "Output" / "pyynnot" / "1-2024"
    inbox = folder / "Vastaukset" / "1-2024"
    inbox.mkdir(parents=True)

    business = sent / "pyynto-yrityspalvelut-1-2024.xlsx"
    # Rows 9 and 10 answered; a second copy answers row 9 differently and row 10 the same.
    fill(business, inbox / "pyynto-yrityspalvelut-1-2024.xlsx", {9: ("+", TEXT), 10: ("-", "Viivästyy.")})
    fill(business, inbox / "pyynto-yrityspalvelut-1-2024 (2).xlsx", {9: ("?", "Toinen vastaus."), 10: ("-", "Viivästyy.")})

    # Filled, then re-saved by LibreOffice with a column added at the end and the sheets reordered.
    def reorder(book):
        book.worksheets[0].cell(row=8, column=12, value="Huomautus")
        book.move_sheet("meta", offset=-2)
        book.active = book.worksheets.index(book["Päivitys"])
    draft = folder / "draft" / "pyynto-elinvoima-1-2024.xlsx"
    draft.parent.mkdir()
    fill(sent / "pyynto-elinvoima-1-2024.xlsx", draft, {9: ("+/-", SAVED)}, reorder)
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "xlsx",
                             "--outdir", str(inbox), str(draft)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr

    # Row 9's id edited (refused), row 10 answered (accepted).
    def tamper(book):
        cell = book.worksheets[0]["A9"]
        cell.value = cell.value + "x"
    fill(sent / "pyynto-kasvu-ja-oppiminen-1-2024.xlsx", inbox / "pyynto-kasvu-ja-oppiminen-1-2024.xlsx",
         {9: ("+", "Tunniste muutettu."), 10: ("+", "Hyväksytty vastaus.")}, tamper)

    # A row of the business services' request pasted under the KTM's one row.
    pasted = row_texts(business, 11)
    def paste(book):
        for column, value in enumerate(pasted, start=1):
            book.worksheets[0].cell(row=10, column=column, value=value)
    fill(sent / "pyynto-ktm-1-2024.xlsx", inbox / "pyynto-ktm-1-2024.xlsx", {10: ("+", "Toisen tahon rivi.")}, paste)

    # Last period's request returned late: refused whole.
    def earlier(book):
        book["meta"]["B2"] = "2/2023"
    fill(sent / "pyynto-uef-1-2024.xlsx", inbox / "pyynto-uef-1-2024.xlsx", {9: ("+", "Vanha vastaus.")}, earlier)

    validated = run_tilanne("validate", "--json", "--config", config)
    findings = [f for f in json.loads(validated.stdout)["diagnostics"] if f["code"].startswith("answer.")]
    run = run_tilanne("run", "--config", config)
    assert run.returncode in (0, 1), run.stderr
    return {"folder": folder, "sent": sent, "findings": findings, "run": run,
            "actions": {name: row_texts(path, row)[4] for name, path, row in [
                ("business9", business, 9), ("business10", business, 10),
                ("elinvoima9", sent / "pyynto-elinvoima-1-2024.xlsx", 9),
                ("kasvu9", sent / "pyynto-kasvu-ja-oppiminen-1-2024.xlsx", 9),
                ("kasvu10", sent / "pyynto-kasvu-ja-oppiminen-1-2024.xlsx", 10),
                ("business11", business, 11), ("uef9", sent / "pyynto-uef-1-2024.xlsx", 9)]}}


def located(finding):
    location = finding["location"]
    return (finding["code"], location["file"], location.get("sheet"), location.get("row"), location.get("column"))


def test_each_refusal_is_a_finding_at_its_cell(returned):
    inbox = "Vastaukset/1-2024/"
    assert sorted(map(located, returned["findings"])) == sorted([
        ("answer.conflict", inbox + "pyynto-yrityspalvelut-1-2024 (2).xlsx", "Päivitys", 9, None),
        ("answer.conflict", inbox + "pyynto-yrityspalvelut-1-2024.xlsx", "Päivitys", 9, None),
        ("answer.other-party", inbox + "pyynto-ktm-1-2024.xlsx", "Päivitys", 10, 1),
        ("answer.other-period", inbox + "pyynto-uef-1-2024.xlsx", None, None, None),
        ("answer.tampered-id", inbox + "pyynto-kasvu-ja-oppiminen-1-2024.xlsx", "Päivitys", 9, 1),
    ]), returned["findings"]
    conflict = next(f for f in returned["findings"] if f["code"] == "answer.conflict" and "(2)" not in f["location"]["file"])
    # Each of the two names the other.
    assert "pyynto-yrityspalvelut-1-2024 (2).xlsx:Päivitys!9:9" in conflict["arguments"][0]
    other_party = next(f for f in returned["findings"] if f["code"] == "answer.other-party")
    assert other_party["arguments"][1:] == ["Yrityspalvelut", "Kauppatorin kehittämisen toimikunta (KTM)"] or \
        other_party["arguments"][1] == "Yrityspalvelut"


def report_rows(folder):
    text = (folder / "Output" / "kasvava-kuopio-tilanne-1-2024.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def cells_of(rows, action):
    matches = [row for row in rows if action in row]
    assert len(matches) == 1, action
    return matches[0]


def test_the_report_carries_exactly_the_accepted_answers(returned):
    rows = report_rows(returned["folder"])
    actions = returned["actions"]
    accepted = {"business10": ("-", "Viivästyy."), "elinvoima9": ("+/-", SAVED),
                "kasvu10": ("+", "Hyväksytty vastaus.")}
    for key, (code, text) in accepted.items():
        row = cells_of(rows, actions[key])
        assert code in row and text in row, (key, row)
    # Refused answers left the table's text as it was.
    for key, text in [("business9", "Toinen vastaus."), ("kasvu9", "Tunniste muutettu."), ("uef9", "Vanha vastaus.")]:
        assert text not in cells_of(rows, actions[key]), key
    assert TEXT not in cells_of(rows, actions["business9"])
    flat = "\n".join(";".join(row) for row in rows)
    for text in ["Toisen tahon rivi.", "Toinen vastaus.", "Tunniste muutettu.", "Vanha vastaus."]:
        assert text not in flat


def test_the_run_summary_names_who_has_not_answered(returned):
    """The parties that sent nothing back (or only refused answers) are named in last-run.json."""
    summary = json.loads((returned["folder"] / "State" / "last-run.json").read_text(encoding="utf-8"))
    answers = summary["answers"]
    answered = set(answers["answered"]) if isinstance(answers["answered"], list) else None
    missing = set(answers["missing"])
    sent = {path.name.removeprefix("pyynto-").removesuffix("-1-2024.xlsx") for path in returned["sent"].glob("pyynto-*.xlsx")}
    # Three parties had an answer accepted; every other party that got a request is missing.
    for party in ("yrityspalvelut", "elinvoima", "kasvu-ja-oppiminen"):
        assert party not in missing, party
    assert "uef" in missing and "ktm" in missing  # only refused answers came back from them
    assert missing == sent - {"yrityspalvelut", "elinvoima", "kasvu-ja-oppiminen"}, sorted(missing ^ sent)
    if answered is not None:
        assert answered == {"yrityspalvelut", "elinvoima", "kasvu-ja-oppiminen"}
    # The deadline (1.3.2024) is past: every party with a row still open is late, those who
    # answered only some rows too; the run says so in one line.
    assert answers["deadline"] == "2024-03-01" and answers["deadlinePassed"] is True
    assert answers["requestedByParty"]["yrityspalvelut"] == 11 and answers["openByParty"]["yrityspalvelut"] == 10
    assert set(answers["lateParties"]) == {key for key, count in answers["openByParty"].items() if count > 0}
    assert {"uef", "ktm", "yrityspalvelut"} <= set(answers["lateParties"])
    assert "määräaika 1.3.2024 on mennyt" in returned["run"].stdout, returned["run"].stdout


def test_the_coordinators_workbook_lists_who_has_answered(returned):
    # The answers are the coordinator's: in the coordinator's edition, not the council's.
    book = openpyxl.load_workbook(returned["folder"] / "Output" / "kasvava-kuopio-tilanne-1-2024-koordinaattori.xlsx", read_only=True)
    assert "Vastaukset" in book.sheetnames
    rows = [row for row in book["Vastaukset"].iter_rows(values_only=True)]
    assert rows[0][0] == "Päivityspyyntöjen vastaukset, tilanne 1/2024"
    assert rows[1][0].startswith("Vastanneita 3/")
    assert rows[3][:4] == ("Vastuutaho", "Vastaus", "Rivejä", "Avoinna")
    states = {row[0]: row[1] for row in rows[4:] if row[0]}
    assert states["Yrityspalvelut"] == "vastannut"
    business = next(row for row in rows[4:] if row[0] == "Yrityspalvelut")
    assert business[2:] == (11, 10, "myöhässä")
    # The deadline as the report's language writes a date; the summary keeps it as a date.
    assert "Määräaika 1.3.2024." in rows[1][0] and "Määräaika on mennyt" in rows[1][0]
    assert sum(state == "vastannut" for state in states.values()) == 3
    assert len(states) == int(rows[1][0].split("/")[1].split()[0])
    assert all(state in ("vastannut", "ei vastausta") for state in states.values())


def test_the_coordinators_master_carries_the_answers_and_reads_back(returned, tmp_path):
    """The merged table, in the source's own columns, as XLSX and CSV in the requests folder; read
    as the period's table by the same settings, it gives the report the answers gave."""
    sent = returned["sent"]
    master = sent / "kasvava-kuopio-tilanne-1-2024-master.xlsx"
    assert master.exists() and (sent / "kasvava-kuopio-tilanne-1-2024-master.csv").exists(), sorted(p.name for p in sent.iterdir())
    sheet = openpyxl.load_workbook(master).worksheets[0]
    shaded = [cell.value for row in sheet.iter_rows() for cell in row if cell.fill.fgColor.rgb in ("FFFFF2CC", "00FFF2CC")]
    assert sorted(shaded) == sorted(["-", "Viivästyy.", "+/-", SAVED, "+", "Hyväksytty vastaus."])
    assert sheet.auto_filter.ref and sheet.freeze_panes
    master_csv = (sent / "kasvava-kuopio-tilanne-1-2024-master.csv").read_text(encoding="utf-8-sig")
    assert "Hyväksytty vastaus." in master_csv and "Tunniste muutettu." not in master_csv

    config = write_config(tmp_path, source=master)
    result = run_tilanne("run", "--config", config)
    assert result.returncode in (0, 1), result.stderr
    again = report_rows(tmp_path)
    before = report_rows(returned["folder"])
    assert len(again) == len(before)
    assert [row for row in again if row not in before] == [], "the report from the master differs"
    actions = returned["actions"]
    for key, (code, text) in {"business10": ("-", "Viivästyy."), "elinvoima9": ("+/-", SAVED),
                              "kasvu10": ("+", "Hyväksytty vastaus.")}.items():
        row = cells_of(again, actions[key])
        assert code in row and text in row, (key, row)
