"""Mail headers made from configuration text. A line break in the subject, a group's name,
`from` or an address is refused when the configuration is loaded (exit 3, key and line), and
nothing is mailed. A real message, captured from a sendmail program that only saves what it is
given, is read back with Python's email package: display names and Finnish and Swedish letters
come back as written, every header line fits in 76 characters, and no header is added."""
import email
import email.header
import email.policy
import re
import stat

import pytest

from conftest import run_tilanne, write_config

GROUP = """
groups:
  - name: Elinvoiman ja yrittäjyyden ohjausryhmä (Åbo–Kuopio)
    items: [1]
    email: ["Kuopion kaupunki <raportit@kuopio.example>", '"Virtanen, Äijä" <aija.virtanen@kuopio.example>', pj@kuopio.example]

delivery:
  sendmail: [{sendmail}]
  send_on: change
  from: "Tilanne – Kuopion kaupunki <tilanne@kuopio.example>"
  subject: "{{programme}} – tilanne {{period}}: {{group}}"
  body: |
    Hei,
    liitteenä {{group}}:n seurantaraportti, tilanne {{period}}.
"""


def capturing_sendmail(folder):
    """A sendmail program that saves its arguments and the message it is handed, each run's
    under the next number (args-0, message-0, args-1 …)."""
    script = folder / "sendmail"
    script.write_text(f"#!/bin/sh\nn=$(ls {folder} | grep -c '^message-')\n"
                      f"printf '%s\\n' \"$@\" > {folder}/args-$n\ncat > {folder}/message-$n\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def config_with(tmp_path, group=GROUP, replacements=()):
    mail = tmp_path / "mail"
    mail.mkdir()
    text = group.format(sendmail=capturing_sendmail(mail))
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return write_config(tmp_path, extra_replacements=[("validation:", text + "\nvalidation:")]), mail


def header_lines(raw):
    head = raw.split(b"\r\n\r\n", 1)[0]
    return head.split(b"\r\n")


def test_display_names_and_letters_round_trip_and_no_header_is_added(tmp_path):
    config, mail = config_with(tmp_path)
    result = run_tilanne("run", "--quiet", "--config", config)
    assert result.returncode == 1, result.stderr
    # One message per recipient: the sendmail program is given the envelope sender (from's
    # address), then the recipient's bare address after -i and --.
    recipients = ["raportit@kuopio.example", "aija.virtanen@kuopio.example", "pj@kuopio.example"]
    assert [(mail / f"args-{n}").read_text().split("\n")[:-1] for n in range(3)] == [
        ["-f", "tilanne@kuopio.example", "-i", "--", address] for address in recipients]
    assert not (mail / "message-3").exists()
    raws = [(mail / f"message-{n}").read_bytes() for n in range(3)]
    messages = [email.message_from_bytes(raw, policy=email.policy.default) for raw in raws]
    assert [[(a.display_name, a.addr_spec) for a in message["to"].addresses] for message in messages] == [
        [("Kuopion kaupunki", "raportit@kuopio.example")],
        [("Virtanen, Äijä", "aija.virtanen@kuopio.example")],
        [("", "pj@kuopio.example")]]
    assert len({message["message-id"] for message in messages}) == 3
    raw, message = raws[1], messages[1]
    lines = header_lines(raw)
    assert all(len(line) <= 76 for line in lines), [line for line in lines if len(line) > 76]
    assert all(max(line, default=0) < 128 for line in lines)
    assert sorted(message.keys()) == ["Content-Type", "Date", "From", "MIME-Version", "Message-ID", "Subject", "To"]
    assert message["subject"] == ("Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024: "
                                  "Elinvoiman ja yrittäjyyden ohjausryhmä (Åbo–Kuopio)")
    assert message["message-id"].endswith("@kuopio.example>")
    assert [(a.display_name, a.addr_spec) for a in message["from"].addresses] == [
        ("Tilanne – Kuopion kaupunki", "tilanne@kuopio.example")]
    assert "liitteenä Elinvoiman ja yrittäjyyden ohjausryhmä (Åbo–Kuopio):n seurantaraportti" in message.get_body().get_content()
    # The attachment's name says the group (its folder); the file on disk keeps its own name.
    assert [part.get_filename() for part in message.iter_attachments()] == [
        "kasvava-kuopio-tilanne-1-2024-elinvoiman-ja-yrittajyyden-ohjausryhma-abo-kuopio.xlsx"]
    # The parts' headers and the base64 lines too: no line of the whole message passes 76.
    assert all(len(line) <= 76 for line in raw.split(b"\r\n"))


INJECTED = "\\r\\nBcc: kaikki@muualla.example"

# Plain addresses and texts, as the configuration before display names could already hold them.
PLAIN_GROUP = """
groups:
  - name: Elinvoiman ohjausryhma
    items: [1]
    email: [elinvoima@kuopio.example, pj@kuopio.example]

delivery:
  sendmail: [{sendmail}]
  send_on: change
  from: tilanne@kuopio.example
  subject: "{{programme}} - tilanne {{period}}: {{group}}"
"""


@pytest.mark.parametrize("old, new, key", [
    ('subject: "{programme}', f'subject: "Raportti{INJECTED} {{programme}}', "delivery.subject"),
    ("  - name: Elinvoiman ohjausryhma", f'  - name: "Elinvoima{INJECTED}"', "groups[0].name"),
    ("from: tilanne@kuopio.example", f'from: "tilanne@kuopio.example{INJECTED}"', "delivery.from"),
    ("pj@kuopio.example]", f'"pj@kuopio.example{INJECTED}"]', "groups[0].email[1]"),
])
def test_a_line_break_in_a_header_field_is_refused_at_load(tmp_path, old, new, key):
    config, mail = config_with(tmp_path, group=PLAIN_GROUP, replacements=[(old, new)])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert f": {key}: " in result.stderr, result.stderr
    lines = config.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if "Bcc: kaikki" in text)
    assert f"tilanne.yml:{line}: {key}:" in result.stderr, result.stderr
    assert "\nBcc" not in result.stderr and "\rBcc" not in result.stderr
    assert not list(mail.glob("message*"))
    assert not (tmp_path / "Output").exists() or not any((tmp_path / "Output").iterdir())


LONG_SUBJECT = ("Kasvava Kuopio – tilanne {period}: Hyvinvoinnin ja terveyden edistämisen ohjausryhmä, "
                "päivitetyt tilannetiedot ja sisäisen tarkastuksen huomiot käsiteltäväksi yhtymähallituksessa")


def test_a_long_finnish_subject_is_folded_into_encoded_words_python_reads_back_exactly(tmp_path):
    config, mail = config_with(tmp_path, replacements=[
        ('subject: "{programme} – tilanne {period}: {group}"', f'subject: "{LONG_SUBJECT}"')])
    result = run_tilanne("run", "--quiet", "--config", config)
    assert result.returncode == 1, result.stderr
    raw = next(iter(sorted(mail.glob("message*")))).read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    subject_lines = []
    for line in head.split("\r\n"):
        if line.startswith("Subject:") or (subject_lines and line.startswith(" ")):
            subject_lines.append(line)
        elif subject_lines:
            break
    assert len(subject_lines) > 2, subject_lines
    assert all(len(line) <= 78 for line in subject_lines), subject_lines
    words = re.findall(r"=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=", " ".join(subject_lines))
    assert words and all(len(word) <= 75 for word in words), words
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["subject"] == LONG_SUBJECT.replace("{period}", "1/2024")
    # The older parser, word by word, reads the same text.
    unfolded = " ".join(line.strip() for line in subject_lines)[len("Subject:"):]
    assert str(email.header.make_header(email.header.decode_header(unfolded))) == LONG_SUBJECT.replace("{period}", "1/2024")
