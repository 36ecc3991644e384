"""A year of use in one test, as the city's IT administrator and the coordinator live it: four
reporting periods, each opened, filled by the coordinators in two saves, run every night as
drafts, published, mailed to two steering groups through msmtp to an SMTP server on loopback
(one group has a dead address), and frozen; a dry run, a forgotten period bump and two files
dropped into Input/. At the end: the mails counted, every archive hashed against the history,
and the exit code of every step."""
import csv
import hashlib
import io
import json
import sqlite3

import openpyxl

from conftest import run_tilanne
from test_delivery import Mailbox, group_mails, smtp  # noqa: F401 (the fixture)
from test_lifecycle import KUOPIO, write_project

PERIODS = ["1/2024", "2/2024", "1/2025", "2/2025"]

GROUPS = """
groups:
  - name: Elinvoiman ohjausryhmä
    items: ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"]
    formats: [xlsx]
    email: [elinvoima@kuopio.example, dead@kuopio.example]
  - name: Työllisyyden ohjausryhmä
    responsible: [Työllisyyspalvelut]
    email: [tyollisyys@kuopio.example, pj@kuopio.example]

delivery:
  sendmail: [{msmtp}, -C, {rc}]
  from: "Tilanne <tilanne@kuopio.example>"
  alerts:
    to: [it@kuopio.example]

"""


def file_form(period):
    return period.replace("/", "-")


def table_for(folder, period, edit):
    """The previous period's table as the coordinators save it for `period`: the status
    column renamed, and `edit` applied to its rows (a list of dicts)."""
    source = folder / "Input" / f"{KUOPIO}-1-2024.csv"
    rows = list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8-sig")), delimiter=";"))
    header = list(rows[0].keys())
    status = header[-1]
    new_status = f"Tilanne {period}"
    rows = [{(new_status if key == status else key): value for key, value in row.items()} for row in rows]
    edit(rows, new_status)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[new_status if h == status else h for h in header], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "Input" / f"{KUOPIO}-{file_form(period)}.csv").write_text(out.getvalue(), encoding="utf-8-sig")


def edit_status(count, note):
    """The coordinators update `count` status texts (and move a code on)."""
    def edit(rows, status):
        for row in rows[:count]:
            row[status] = f"{row[status]} {note}".strip()
        rows[1]["Eteneminen"] = "+" if rows[1]["Eteneminen"] != "+" else "+/-"
    return edit


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_year_of_periods(tmp_path, smtp):  # noqa: F811 (the fixture)
    mailbox, msmtp, rc = smtp
    config = write_project(tmp_path)
    text = config.read_text(encoding="utf-8").replace("validation:", GROUPS.format(msmtp=msmtp, rc=rc) + "validation:", 1)
    config.write_text(text, encoding="utf-8")
    exits = []

    def tilanne(*args):
        result = run_tilanne(*args, "--config", config)
        exits.append((" ".join(args), result.returncode))
        return result

    archives = {}
    for index, period in enumerate(PERIODS):
        if index > 0:
            assert tilanne("period", "open", period).returncode == 0
            # Before the coordinators deliver: the night says which file it waits for (and alerts).
            waiting = tilanne("run")
            assert waiting.returncode == 2 and f"{KUOPIO}-{file_form(period)}.csv" in waiting.stderr
            table_for(tmp_path, period, edit_status(3 + index, f"(päivitetty {period}, esimerkki)"))
        if index == 2:
            # Dropped into Input/ by mistake: a copy nobody reads, and next period's file too early.
            (tmp_path / "Input" / f"{KUOPIO}-{file_form(period)} (2).csv").write_bytes(
                (tmp_path / "Input" / f"{KUOPIO}-{file_form(period)}.csv").read_bytes())
            (tmp_path / "Input" / f"{KUOPIO}-2-2025.csv").write_bytes(b"")
        if index == 0:
            # Trying it out first: a dry run mails nothing and records nothing.
            assert tilanne("run", "--dry-run").returncode == 1
        first_night = tilanne("run")
        assert first_night.returncode == 1, first_night.stderr
        if index == 2:
            assert "[source.unread-file]" in first_night.stderr and "[source.later-period]" in first_night.stderr
            (tmp_path / "Input" / f"{KUOPIO}-{file_form(period)} (2).csv").unlink()
            (tmp_path / "Input" / f"{KUOPIO}-2-2025.csv").unlink()
        # A second save in the middle of the period: a new draft, still no group mail.
        table_for(tmp_path, period, edit_status(4 + index, f"(päivitetty {period}, toinen tallennus, esimerkki)"))
        assert tilanne("run").returncode == 1
        html = (tmp_path / "Output" / f"{KUOPIO}-{file_form(period)}.html").read_text(encoding="utf-8")
        assert f"<title>LUONNOS: Kasvava Kuopio -toimenpideohjelma – tilanne {period}</title>" in html
        assert group_mails(mailbox) == [] or len(group_mails(mailbox)) == 3 * index  # drafts are never mailed

        # The council edition: the good addresses get it, the dead one fails (exit 8), the rest is done.
        published = tilanne("publish")
        assert published.returncode == 8, published.stderr
        assert "dead@kuopio.example" in published.stderr
        assert len(group_mails(mailbox)) == 3 * (index + 1)
        archive = tmp_path / "Output" / "arkisto" / file_form(period)
        archives[period] = {p.relative_to(archive).as_posix(): sha256(p) for p in archive.rglob("*") if p.is_file()}
        assert f"elinvoiman-ohjausryhma/{KUOPIO}-{file_form(period)}.xlsx" in archives[period]
        # The next night tries the dead address again (and only it), loudly: exit 8 and the alert.
        retried = tilanne("run")
        assert retried.returncode == 8 and "dead@kuopio.example" in retried.stderr
        assert len(group_mails(mailbox)) == 3 * (index + 1)
        assert tilanne("freeze").returncode == 0
        if index == 1:
            # The forgotten period bump: the frozen period's files are never replaced.
            before = sha256(tmp_path / "Output" / f"{KUOPIO}-{file_form(period)}.xlsx")
            assert tilanne("run", "--force").returncode == 10
            assert sha256(tmp_path / "Output" / f"{KUOPIO}-{file_form(period)}.xlsx") == before

    # The mails: three good addresses per publication, each its own message, never a draft.
    mails = group_mails(mailbox)
    assert len(mails) == 12
    assert sorted({rcpts[0] for rcpts, _ in mails}) == ["elinvoima@kuopio.example", "pj@kuopio.example", "tyollisyys@kuopio.example"]
    for _, message in mails:
        for part in message.iter_attachments():
            if part.get_filename().endswith(".xlsx"):
                assert not openpyxl.load_workbook(io.BytesIO(part.get_content()))["Tilanne"]["A1"].value.startswith("LUONNOS")
    # A repeat mail says what changed since that group's last mail.
    last = [message for rcpts, message in mails if rcpts == ["elinvoima@kuopio.example"]][-1]
    assert "Edellisen viestin" in last.get_body().get_content()
    # Alerts: the three nights that waited for a new period's table, the four that retried the
    # dead address, and the forgotten bump.
    alerts = [message for rcpts, message in mailbox.messages if rcpts == ["it@kuopio.example"]]
    assert len(alerts) == 8

    # Every archive is what was published, byte for byte, a year later; the history agrees.
    with sqlite3.connect(tmp_path / "State" / "tilanne-history.sqlite") as db:
        for period, files in archives.items():
            archive = tmp_path / "Output" / "arkisto" / file_form(period)
            assert {name: sha256(archive / name) for name in files} == files
            recorded = dict(db.execute("SELECT f.name, f.sha256 FROM publicationFile f JOIN publication p ON p.id = f.publicationId "
                                       "WHERE p.label = ? ORDER BY p.id DESC", (period,)).fetchall())
            assert recorded == files
        assert [row[0] for row in db.execute("SELECT label FROM period ORDER BY sortKey")] == PERIODS

    assert exits == [
        ("run --dry-run", 1), ("run", 1), ("run", 1), ("publish", 8), ("run", 8), ("freeze", 0),
        ("period open 2/2024", 0), ("run", 2), ("run", 1), ("run", 1), ("publish", 8), ("run", 8), ("freeze", 0), ("run --force", 10),
        ("period open 1/2025", 0), ("run", 2), ("run", 1), ("run", 1), ("publish", 8), ("run", 8), ("freeze", 0),
        ("period open 2/2025", 0), ("run", 2), ("run", 1), ("run", 1), ("publish", 8), ("run", 8), ("freeze", 0),
    ]
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    assert summary["command"] == "freeze" and summary["period"] == "2/2025"
