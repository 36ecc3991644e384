"""The update requests mailed and the reminders around the deadline, through msmtp to a local
SMTP server on loopback: each party's addresses get its workbook once; while rows have no
accepted answer, one reminder per reminder day that has come (a missed one caught up once);
at most one mail a day per address; a dry run sends and records nothing; a dead address
fails the run (exit 8) and is tried again on the next run."""
import sqlite3

import openpyxl
import pytest

from conftest import run_tilanne, write_config
from test_delivery import smtp  # noqa: F401  (the fixture: msmtp and a loopback SMTP server)

DELIVERY = """delivery:
  sendmail: [{msmtp}, -C, {rc}]
  from: "Tilanne <tilanne@kuopio.example>"
  subject: "{{programme}} {{period}}"
  body: "Liitteenä raportti."

validation:"""

REQUESTS = ("  deadline: 2024-03-01",
            "  deadline: 2024-03-01\n  answers: ../Vastaukset/{period}\n  reminders: [-3, 0, 3]\n  reply_to: koordinaattori@kuopio.example")
# One Swedish-speaking party, and one whose address the server refuses.
SWEDISH = ("email: [uef@kuopio.example]\n    language: fi", "email: [uef@kuopio.example]\n    language: sv")
DEAD = ("email: [ktm@kuopio.example]", "email: [dead@kuopio.example]")


@pytest.fixture
def mailing(tmp_path, smtp):  # noqa: F811
    mailbox, msmtp, rc = smtp
    config = write_config(tmp_path, extra_replacements=[
        ("validation:", DELIVERY.format(msmtp=msmtp, rc=rc)), REQUESTS, SWEDISH, DEAD])

    def mail(day, *extra):
        before = len(mailbox.messages)
        result = run_tilanne("requests", "--mail", "--today", day, *extra, "--config", config)
        return result, mailbox.messages[before:]
    return tmp_path, config, mail


def recorded(folder):
    with sqlite3.connect(folder / "State" / "tilanne-history.sqlite") as db:
        return db.execute("SELECT party, recipient, kind, day, outcome FROM requestMail ORDER BY id").fetchall()


def answer_every_row(folder, party):
    """The party's request returned with every row answered."""
    sent = folder / "Output" / "pyynnot" / "1-2024" / f"pyynto-{party}-1-2024.xlsx"
    book = openpyxl.load_workbook(sent)
    sheet = book.worksheets[0]
    row = 9
    while sheet.cell(row=row, column=1).value:
        sheet.cell(row=row, column=8, value="+")
        sheet.cell(row=row, column=9, value="Valmis.")
        row += 1
    inbox = folder / "Vastaukset" / "1-2024"
    inbox.mkdir(parents=True, exist_ok=True)
    book.save(inbox / sent.name)
    return row - 9


def test_requests_then_reminders_at_most_one_a_day(mailing):
    folder, config, mail = mailing
    parties = 39

    # A dry run names every address and sends and records nothing.
    result, arrived = mail("2024-02-15", "--dry-run")
    assert result.returncode in (0, 1), result.stderr
    assert arrived == []
    assert result.stdout.count("LÄHETETTÄISIIN") == parties, result.stdout
    assert "yrityspalvelut@kuopio.example (yrityspalvelut): päivityspyyntö, 11 riviä" in result.stdout
    assert not (folder / "State" / "tilanne-history.sqlite").exists() or recorded(folder) == []

    # The first real run: one request to each address; the dead one fails the run.
    result, arrived = mail("2024-02-15")
    assert result.returncode == 8, (result.stdout, result.stderr)
    assert "dead@kuopio.example" in result.stderr
    assert len(arrived) == parties - 1
    by_address = {recipients[0]: message for recipients, message in arrived}
    business = by_address["yrityspalvelut@kuopio.example"]
    assert business["Subject"] == "Päivityspyyntö: Kasvava Kuopio -toimenpideohjelma, tilanne 1/2024 – vastaus viimeistään 1.3.2024"
    assert business["Reply-To"] == "koordinaattori@kuopio.example"
    [attachment] = [part for part in business.iter_attachments()]
    assert attachment.get_filename() == "pyynto-yrityspalvelut-1-2024.xlsx"
    assert "11 toimenpidettä" in business.get_body(("plain",)).get_content()
    swedish = by_address["uef@kuopio.example"]
    assert swedish["Subject"].startswith("Uppdateringsbegäran: ")
    assert "svar senast 1.3.2024" in swedish["Subject"]
    assert [part.get_filename() for part in swedish.iter_attachments()] == ["begaran-uef-1-2024.xlsx"]

    # The same day again: only the dead address is tried again; nobody else gets a second mail.
    result, arrived = mail("2024-02-15")
    assert result.returncode == 8
    assert arrived == []
    assert [row[1] for row in recorded(folder) if row[4] == "failed"] == ["dead@kuopio.example"] * 2

    # Before the first reminder day: nothing.
    result, arrived = mail("2024-02-20")
    assert arrived == [] and result.returncode == 8  # the dead address still fails

    # One party answers every row; three days before the deadline (2024 is a leap year) the
    # others are reminded.
    assert answer_every_row(folder, "yrityspalvelut") == 11
    assert mail("2024-02-26")[1] == []
    result, arrived = mail("2024-02-27")
    reminded = {recipients[0] for recipients, _ in arrived}
    assert "yrityspalvelut@kuopio.example" not in reminded
    # A row answered by one of its parties is answered for all: the parties whose every row
    # the business services shared are not reminded either.
    answered = int(result.stdout.split("vastannut ")[1].split(",")[0])
    assert answered >= 1
    assert len(reminded) == parties - 1 - answered, result.stdout
    assert all(message["Subject"].startswith(("Muistutus: ", "Påminnelse: ")) for _, message in arrived)
    assert "vastaus viimeistään 1.3.2024" in by_subject(arrived, "Muistutus")["Subject"]

    # The same day again, and the day after: nothing.
    assert mail("2024-02-27")[1] == [] and mail("2024-02-28")[1] == []

    # The server was down on the deadline and three days after it: one reminder, not two.
    result, arrived = mail("2024-03-05")
    assert {recipients[0] for recipients, _ in arrived} == reminded
    late = by_subject(arrived, "Muistutus")
    assert late["Subject"].endswith("määräaika 1.3.2024 on mennyt")
    assert "Määräaika oli 1.3.2024." in late.get_body(("plain",)).get_content()
    assert mail("2024-03-05")[1] == []

    kinds = [(kind, outcome) for party, _, kind, _, outcome in recorded(folder) if party == "kasvu-ja-oppiminen"]
    assert kinds == [("request", "sent"), ("reminder", "sent"), ("reminder", "sent")]


def by_subject(arrived, prefix):
    return next(message for _, message in arrived if message["Subject"].startswith(prefix))


def test_mailing_needs_a_delivery_section(tmp_path):
    config = write_config(tmp_path)
    result = run_tilanne("requests", "--mail", "--config", config)
    assert result.returncode == 3, result.stderr
    assert "delivery" in result.stderr
