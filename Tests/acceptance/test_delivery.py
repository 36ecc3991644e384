"""Per-group delivery through a real mail path on this machine: msmtp as the sendmail program,
a local SMTP server (aiosmtpd) on loopback. The test reads what arrived: recipients, subject,
attachments opened, nothing re-sent when nothing changed, alerts on failure only."""
import datetime
import email
import hashlib
import json
import email.policy
import io
import shutil
import socket

import openpyxl
import pytest

from conftest import ROOT, reports_in, require_tool, run_tilanne, write_config

GROUPS = """
groups:
  - name: Elinvoiman ohjausryhmä
    items: ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"]
    formats: [xlsx, html]
    email: [elinvoima@kuopio.example]
  - name: Työllisyyden ohjausryhmä
    responsible: [Työllisyyspalvelut]
    email: [tyollisyys@kuopio.example, pj@kuopio.example]
  - name: Kaupunkikehitys
    items: [9, 10, 11]

delivery:
  sendmail: [{msmtp}, -C, {rc}]
  from: "Tilanne <tilanne@kuopio.example>"
  subject: "{{programme}} – tilanne {{period}}: {{group}}"
  body: |
    Hei,
    liitteenä {{group}}:n seurantaraportti, tilanne {{period}}.
  alerts:
    to: [it@kuopio.example]
"""


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # An address the server does not know, as a mistyped or departed member's would be.
        if address.startswith("dead@"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((sorted(envelope.rcpt_tos), email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"


@pytest.fixture
def smtp(tmp_path):
    msmtp = require_tool("msmtp", "msmtp", "msmtp")
    from aiosmtpd.controller import Controller
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    rc = tmp_path / "msmtprc"
    rc.write_text(f"defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport {port}\nfrom tilanne@kuopio.example\n")
    rc.chmod(0o600)
    yield mailbox, msmtp, rc
    controller.stop()


def mail_config(folder, msmtp, rc, source=None, send_on="change"):
    """Groups mailed on every change (drafts included), unless told otherwise: most tests here
    are about how mail goes out, not when."""
    return write_config(folder, source=source, extra_replacements=[
        ("validation:", GROUPS.format(msmtp=msmtp, rc=rc) + f"  send_on: {send_on}\n\nvalidation:")])


def status_rows(data):
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True)["Tilanne"]
    return [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0]]


def test_each_group_gets_its_own_slice_by_mail_once(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    config = mail_config(tmp_path, msmtp, rc)
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 1, result.stderr
    assert "Elinvoiman ohjausryhmä: lähetetty: elinvoima@kuopio.example" in result.stdout
    output = tmp_path / "Output"
    assert reports_in(output / "elinvoiman-ohjausryhma") == ["kasvava-kuopio-tilanne-1-2024.html", "kasvava-kuopio-tilanne-1-2024.xlsx"]
    assert reports_in(output / "kaupunkikehitys") == ["kasvava-kuopio-tilanne-1-2024.xlsx"]  # files only, no addresses

    # One message per recipient: the employment group's two addresses get one each.
    assert sorted(rcpts for rcpts, _ in mailbox.messages) == [
        ["elinvoima@kuopio.example"], ["pj@kuopio.example"], ["tyollisyys@kuopio.example"]]
    by_subject = {message["subject"]: (rcpts, message) for rcpts, message in mailbox.messages}
    elinvoima_rcpts, elinvoima = by_subject["Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024: Elinvoiman ohjausryhmä"]
    assert elinvoima_rcpts == ["elinvoima@kuopio.example"]
    assert elinvoima["from"] == "Tilanne <tilanne@kuopio.example>"
    assert "liitteenä Elinvoiman ohjausryhmä:n seurantaraportti, tilanne 1/2024." in elinvoima.get_body().get_content()
    # Attached under names that say the group, so two groups' files saved side by side stay apart.
    attachments = {part.get_filename(): part.get_content() for part in elinvoima.iter_attachments()}
    assert sorted(attachments) == ["kasvava-kuopio-tilanne-1-2024-elinvoiman-ohjausryhma.html",
                                   "kasvava-kuopio-tilanne-1-2024-elinvoiman-ohjausryhma.xlsx"]
    workbook = attachments["kasvava-kuopio-tilanne-1-2024-elinvoiman-ohjausryhma.xlsx"]
    assert workbook == (output / "elinvoiman-ohjausryhma" / "kasvava-kuopio-tilanne-1-2024.xlsx").read_bytes()
    # Every file the run wrote is in the run summary with its size and hash, the groups' too.
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    recorded = {record["path"]: record for record in summary["outputs"]}
    group_file = output / "elinvoiman-ohjausryhma" / "kasvava-kuopio-tilanne-1-2024.xlsx"
    assert recorded[str(group_file)]["sha256"] == hashlib.sha256(group_file.read_bytes()).hexdigest()
    assert recorded[str(group_file)]["bytes"] == group_file.stat().st_size
    assert str(output / "kasvava-kuopio-tilanne-1-2024-sv.html") in recorded
    rows = status_rows(workbook)
    goals = [r for r in rows if str(r).startswith("TAVOITE")]
    assert [g.split(".")[0] for g in goals] == [f"TAVOITE {n}" for n in range(1, 6)]  # only the theme's goals 1–5
    assert rows[0].endswith("Elinvoiman ohjausryhmä") or "Elinvoiman ohjausryhmä" in rows[0]
    assert "<html lang=\"fi\">" in attachments["kasvava-kuopio-tilanne-1-2024-elinvoiman-ohjausryhma.html"]

    tyollisyys_rcpts, tyollisyys = by_subject["Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024: Työllisyyden ohjausryhmä"]
    assert tyollisyys["to"] == tyollisyys_rcpts[0]  # each message is addressed to its one recipient
    workbook = next(part.get_content() for part in tyollisyys.iter_attachments())
    sheet = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)["Tilanne"]
    responsible = [row[2] for row in sheet.iter_rows(min_row=4, values_only=True) if row[3]]
    assert responsible and all("Työllisyyspalvelut" in r for r in responsible if r and r != "Vastuutaho")

    # Written again with nothing changed: the same files, so nothing is re-sent.
    again = run_tilanne("run", "--force", "--config", config)
    assert again.returncode == 1
    assert "ei lähetetty: sama kuin edellinen lähetys" in again.stdout
    assert run_tilanne("run", "--config", config).returncode == 0  # unchanged inputs: skipped entirely
    assert len(mailbox.messages) == 3


def test_dry_run_shows_what_would_be_sent_and_sends_nothing(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    config = mail_config(tmp_path, msmtp, rc)
    result = run_tilanne("run", "--dry-run", "--quiet", "--config", config)
    assert result.returncode == 1, result.stderr
    assert "Työllisyyden ohjausryhmä: LÄHETETTÄISIIN: tyollisyys@kuopio.example, pj@kuopio.example" in result.stdout
    assert mailbox.messages == []


def test_a_failed_run_alerts_the_administrators_and_sends_the_groups_nothing(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    broken = tmp_path / "broken.csv"
    broken.write_text("Painopiste;Tavoite\r\n", encoding="utf-8")
    config = mail_config(tmp_path, msmtp, rc, source=broken)
    assert run_tilanne("run", "--quiet", "--config", config).returncode == 2
    assert len(mailbox.messages) == 1
    rcpts, alert = mailbox.messages[0]
    assert rcpts == ["it@kuopio.example"]
    assert alert["subject"] == "Tilanne: Kasvava Kuopio -toimenpideohjelma – ajo epäonnistui (exit 2, invalid-input)"
    summary = next(part for part in alert.iter_attachments() if part.get_filename() == "last-run.json")
    assert b'"outcome" : "invalid-input"' in summary.get_content()
    # The alert says what stopped the run and where, not only that it stopped.
    body = alert.get_body(preferencelist=("plain",)).get_content()
    assert "broken.csv:1: virhe [source.header-not-found] Otsikkoriviltä puuttuu sarake \"Hankkeet\"" in body, body
    assert not (tmp_path / "Output" / "elinvoiman-ohjausryhma").exists()


def test_a_failed_delivery_exits_8_and_is_tried_again_next_night(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    dead = tmp_path / "dead-msmtprc"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    dead.write_text(rc.read_text().replace(f"port ", f"port {closed_port}\n# was ", 1))
    dead.chmod(0o600)
    config = mail_config(tmp_path, msmtp, dead)
    failed = run_tilanne("run", "--quiet", "--config", config)
    assert failed.returncode == 8, failed.stderr
    assert "raportit kirjoitettiin, mutta postitus epäonnistui" in failed.stderr
    assert (tmp_path / "Output" / "kasvava-kuopio-tilanne-1-2024.xlsx").exists()
    # The mail server is back: the next run is not skipped as unchanged, it delivers.
    shutil.copy(rc, dead)
    retried = run_tilanne("run", "--quiet", "--config", config)
    assert retried.returncode == 1, retried.stderr
    assert sum(1 for rcpts, _ in mailbox.messages if rcpts != ["it@kuopio.example"]) == 3


def group_mails(mailbox):
    return [(rcpts, message) for rcpts, message in mailbox.messages if rcpts != ["it@kuopio.example"]]


def test_a_dry_run_records_nothing_and_the_next_run_mails_the_groups(tmp_path, smtp):
    """A dry run used to be recorded as published: the next real run said "unchanged" and
    never mailed the groups."""
    mailbox, msmtp, rc = smtp
    config = mail_config(tmp_path, msmtp, rc)
    dry = run_tilanne("run", "--dry-run", "--config", config)
    assert dry.returncode == 1, dry.stderr
    assert group_mails(mailbox) == []
    real = run_tilanne("run", "--config", config)
    assert real.returncode == 1, real.stderr
    assert sorted(rcpts for rcpts, _ in group_mails(mailbox)) == [
        ["elinvoima@kuopio.example"], ["pj@kuopio.example"], ["tyollisyys@kuopio.example"]]


def test_one_group_failing_does_not_stop_the_others_and_only_it_is_tried_again(tmp_path, smtp):
    """A failed group used to stop the delivery: no later group was tried, and last-run.json
    said nothing of any group."""
    mailbox, msmtp, rc = smtp
    config = write_config(tmp_path, extra_replacements=[
        ("validation:", GROUPS.format(msmtp=msmtp, rc=rc).replace("elinvoima@kuopio.example", "dead@kuopio.example")
        + "  send_on: change\n\nvalidation:")])
    first = run_tilanne("run", "--config", config)
    assert first.returncode == 8, first.stderr
    assert "Elinvoiman ohjausryhmä" in first.stderr
    assert [rcpts for rcpts, _ in group_mails(mailbox)] == [["tyollisyys@kuopio.example"], ["pj@kuopio.example"]]
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    assert {d["group"]: d["outcome"] for d in summary["deliveries"]} == {
        "Elinvoiman ohjausryhmä": "failed", "Työllisyyden ohjausryhmä": "sent", "Kaupunkikehitys": "files-only"}
    assert "550" in next(d for d in summary["deliveries"] if d["outcome"] == "failed")["problem"]
    again = run_tilanne("run", "--config", config)
    assert again.returncode == 8, again.stderr
    # The group that got its mail is not mailed the same files again; the failed one is tried again.
    assert len(group_mails(mailbox)) == 2
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    assert {d["group"]: d["outcome"] for d in summary["deliveries"]}["Työllisyyden ohjausryhmä"] == "unchanged"


def test_resend_works_alone_and_to_one_group(tmp_path, smtp):
    """--resend used to do nothing when nothing had changed (the run stopped as "unchanged"),
    and there was no way to resend to one group."""
    mailbox, msmtp, rc = smtp
    config = mail_config(tmp_path, msmtp, rc)
    assert run_tilanne("run", "--config", config).returncode == 1
    assert len(group_mails(mailbox)) == 3
    unchanged = run_tilanne("run", "--config", config)
    assert unchanged.returncode == 0 and len(group_mails(mailbox)) == 3
    everyone = run_tilanne("run", "--resend", "--config", config)
    assert everyone.returncode == 1, everyone.stderr
    assert len(group_mails(mailbox)) == 6
    one = run_tilanne("run", "--resend", "--group", "Työllisyyden ohjausryhmä", "--config", config)
    assert one.returncode == 1, one.stderr
    assert [rcpts for rcpts, _ in group_mails(mailbox)][6:] == [["tyollisyys@kuopio.example"], ["pj@kuopio.example"]]
    assert run_tilanne("run", "--group", "Kaupunkikehitys", "--config", config).returncode == 64
    unknown = run_tilanne("run", "--resend", "--group", "Elinvoima", "--config", config)
    assert unknown.returncode == 3 and '"Elinvoiman ohjausryhmä"' in unknown.stderr
    assert len(group_mails(mailbox)) == 8


def test_a_bad_address_in_a_group_does_not_stop_the_good_one_getting_mail(tmp_path, smtp):
    """One message to all a group's addresses used to fail as a whole when the server refused
    one of them: the group's good address got nothing, night after night."""
    mailbox, msmtp, rc = smtp
    config = write_config(tmp_path, extra_replacements=[
        ("validation:", GROUPS.format(msmtp=msmtp, rc=rc).replace("[elinvoima@kuopio.example]",
                                                                  "[dead@kuopio.example, elinvoima@kuopio.example]")
         + "  send_on: change\n\nvalidation:")])
    first = run_tilanne("run", "--config", config)
    assert first.returncode == 8, first.stderr
    assert ["elinvoima@kuopio.example"] in [rcpts for rcpts, _ in group_mails(mailbox)]
    assert "Elinvoiman ohjausryhmä: dead@kuopio.example: " in first.stderr, first.stderr
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    elinvoima = next(d for d in summary["deliveries"] if d["group"] == "Elinvoiman ohjausryhmä")
    assert elinvoima["outcome"] == "failed"
    assert [(r["address"], r["outcome"]) for r in elinvoima["recipientResults"]] == [
        ("dead@kuopio.example", "failed"), ("elinvoima@kuopio.example", "sent")]
    assert "550" in elinvoima["recipientResults"][0]["problem"]
    assert "550" in elinvoima["problem"] and "dead@kuopio.example" in elinvoima["problem"]
    sent = len(group_mails(mailbox))
    # The next night only the failed address is tried again: the good one is not mailed twice.
    again = run_tilanne("run", "--config", config)
    assert again.returncode == 8, again.stderr
    assert len(group_mails(mailbox)) == sent
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    elinvoima = next(d for d in summary["deliveries"] if d["group"] == "Elinvoiman ohjausryhmä")
    assert [(r["address"], r["outcome"]) for r in elinvoima["recipientResults"]] == [
        ("dead@kuopio.example", "failed"), ("elinvoima@kuopio.example", "unchanged")]


def test_groups_waiting_for_publication_are_held_with_their_files_written(tmp_path, smtp):
    """delivery.send_on: a nightly run (a change) mails no group that waits for the period's
    publication; its files are still written and its result says what it waits for."""
    mailbox, msmtp, rc = smtp
    config = write_config(tmp_path, extra_replacements=[
        ("validation:", GROUPS.format(msmtp=msmtp, rc=rc) + "  send_on: [publish, freeze]\n\nvalidation:")])
    held = run_tilanne("run", "--config", config)
    assert held.returncode == 1, held.stderr
    assert group_mails(mailbox) == []
    assert "Elinvoiman ohjausryhmä: ei lähetetty: lähetetään vasta, kun kausi julkaistaan, kausi jäädytetään" in held.stdout
    assert reports_in(tmp_path / "Output" / "elinvoiman-ohjausryhma") == [
        "kasvava-kuopio-tilanne-1-2024.html", "kasvava-kuopio-tilanne-1-2024.xlsx"]
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    elinvoima = next(d for d in summary["deliveries"] if d["group"] == "Elinvoiman ohjausryhmä")
    assert elinvoima["outcome"] == "held" and elinvoima["waitsFor"] == ["publish", "freeze"]
    assert [r["outcome"] for r in elinvoima["recipientResults"]] == ["held"]
    # A resend mails regardless of the occasion.
    resent = run_tilanne("run", "--resend", "--group", "Elinvoiman ohjausryhmä", "--config", config)
    assert resent.returncode == 1, resent.stderr
    assert [rcpts for rcpts, _ in group_mails(mailbox)] == [["elinvoima@kuopio.example"]]


def test_an_unknown_send_on_occasion_stops_at_load(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    config = write_config(tmp_path, extra_replacements=[
        ("validation:", GROUPS.format(msmtp=msmtp, rc=rc) + "  send_on: [publish, weekly]\n\nvalidation:")])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3, result.stderr
    assert "delivery.send_on[1]" in result.stderr, result.stderr
    assert mailbox.messages == []


def test_a_repeat_mail_says_what_changed_since_the_groups_last_mail(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    source = tmp_path / "tilanne.csv"
    text = (ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv").read_text(encoding="utf-8-sig")
    source.write_text(text, encoding="utf-8")
    config = mail_config(tmp_path, msmtp, rc, source=source)
    assert run_tilanne("run", "--config", config).returncode == 1
    first = [message for rcpts, message in group_mails(mailbox) if rcpts == ["elinvoima@kuopio.example"]]
    assert len(first) == 1
    assert "Edellisen viestin" not in first[0].get_body().get_content()  # a group's first mail says nothing of the kind

    row = ";Muuttajapalvelujen kehittäminen;Future Savo;Elinvoima- ja konsernipalvelut;+;Palvelua tukeva"
    assert row in text
    source.write_text(text.replace(row, row.replace(";+;", ";+/-;")), encoding="utf-8")
    mailed = len(group_mails(mailbox))
    assert run_tilanne("run", "--config", config).returncode == 1
    new = group_mails(mailbox)[mailed:]
    # Only the group whose slice changed is mailed; the employment group's message is the same.
    assert [rcpts for rcpts, _ in new] == [["elinvoima@kuopio.example"]]
    body = new[0][1].get_body().get_content()
    today = datetime.date.today()
    assert body.startswith(f"Edellisen viestin ({today.day}.{today.month}.{today.year}) jälkeen: 1 toimenpiteen tilanne muuttui.\n"
                           "- Muuttajapalvelujen kehittäminen\n\n"), body
    assert "liitteenä Elinvoiman ohjausryhmä:n seurantaraportti" in body


def test_with_a_history_the_groups_get_the_published_edition_not_the_drafts(tmp_path, smtp):
    """Bumping period: (or any mid-period save) used to mail every group a new draft; now the
    default with a history is to mail on publishing, and send_on: freeze mails at the freeze."""
    mailbox, msmtp, rc = smtp
    config = write_config(tmp_path, extra_replacements=[("validation:", GROUPS.format(msmtp=msmtp, rc=rc) + "\nvalidation:")])
    for _ in range(2):
        night = run_tilanne("run", "--force", "--config", config)
        assert night.returncode == 1, night.stderr
    assert group_mails(mailbox) == []  # two drafts, no mail
    published = run_tilanne("publish", "--config", config)
    assert published.returncode == 1, published.stderr
    mails = group_mails(mailbox)
    assert sorted(rcpts for rcpts, _ in mails) == [["elinvoima@kuopio.example"], ["pj@kuopio.example"], ["tyollisyys@kuopio.example"]]
    workbook = next(part.get_content() for _, message in mails for part in message.iter_attachments()
                    if part.get_filename().endswith("elinvoiman-ohjausryhma.xlsx"))
    title = openpyxl.load_workbook(io.BytesIO(workbook))["Tilanne"]["A1"].value
    assert title == "Kasvava Kuopio -toimenpideohjelma – Elinvoiman ohjausryhmä – tilanne 1/2024"  # the council edition, not LUONNOS
    frozen = run_tilanne("freeze", "--config", config)
    assert frozen.returncode == 0, frozen.stderr
    assert len(group_mails(mailbox)) == 3  # freeze is not an occasion here


def test_send_on_freeze_mails_the_groups_when_the_period_is_frozen(tmp_path, smtp):
    mailbox, msmtp, rc = smtp
    config = mail_config(tmp_path, msmtp, rc, send_on="freeze")
    assert run_tilanne("publish", "--config", config).returncode == 1
    assert group_mails(mailbox) == []
    frozen = run_tilanne("freeze", "--config", config)
    assert frozen.returncode == 0, frozen.stderr
    assert sorted(rcpts for rcpts, _ in group_mails(mailbox)) == [
        ["elinvoima@kuopio.example"], ["pj@kuopio.example"], ["tyollisyys@kuopio.example"]]
    summary = json.loads((tmp_path / "State" / "last-run.json").read_text(encoding="utf-8"))
    assert summary["command"] == "freeze" and {d["outcome"] for d in summary["deliveries"] if d["recipients"]} == {"sent"}
