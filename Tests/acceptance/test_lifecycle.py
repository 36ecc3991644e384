"""The period lifecycle through the built command, in a project laid out as a city keeps it
(Config/, Input/ with a {period} file name, Output/, State/): nightly drafts, `publish` (the
council edition, archived and recorded with its hashes), `freeze` of exactly what was
published, `period open` for the next period and `unfreeze` of a wrong freeze."""
import hashlib
import json
import shutil
import sqlite3

import openpyxl

from conftest import PROGRAMME_FILE, ROOT, SECOND_PERIOD, run_tilanne

KUOPIO = "kasvava-kuopio-tilanne"


def write_project(folder):
    """The shipped configuration in a project folder of its own; the period's table is
    Input/kasvava-kuopio-tilanne-{period}.csv, as the shipped config names it."""
    (folder / "Config").mkdir(parents=True)
    (folder / "Input").mkdir()
    text = (ROOT / "Config" / "tilanne.yml").read_text(encoding="utf-8")
    assert "path: ../Input/kasvava-kuopio-tilanne-{period}.csv" in text
    programme = (ROOT / "Config" / PROGRAMME_FILE).read_text(encoding="utf-8")
    programme = programme.replace("path: ../Input/mittarit/", f"path: {ROOT / 'Input' / 'mittarit'}/")
    (folder / "Config" / "tilanne.yml").write_text(text, encoding="utf-8")
    (folder / "Config" / PROGRAMME_FILE).write_text(programme, encoding="utf-8")
    shutil.copy(ROOT / "Input" / f"{KUOPIO}-1-2024.csv", folder / "Input" / f"{KUOPIO}-1-2024.csv")
    return folder / "Config" / "tilanne.yml"


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def history(folder):
    return sqlite3.connect(folder / "State" / "tilanne-history.sqlite")


def html_title(folder, period="1-2024"):
    html = (folder / "Output" / f"{KUOPIO}-{period}.html").read_text(encoding="utf-8")
    return html.split("<title>")[1].split("</title>")[0]


def summary(folder):
    return json.loads((folder / "State" / "last-run.json").read_text(encoding="utf-8"))


def test_drafts_until_published_then_the_archive_holds_exactly_what_was_recorded(tmp_path):
    config = write_project(tmp_path)
    draft = run_tilanne("run", "--config", config)
    assert draft.returncode == 1, draft.stderr
    assert html_title(tmp_path) == "LUONNOS: Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024"
    assert html_title(tmp_path, "1-2024-sv").startswith("UTKAST: ")
    sheet = openpyxl.load_workbook(tmp_path / "Output" / f"{KUOPIO}-1-2024.xlsx")["Yhteenveto"]
    assert sheet.oddHeader.center.text == "LUONNOS"  # every sheet's printed pages, not only the first
    assert summary(tmp_path)["edition"] == "draft"
    assert not (tmp_path / "Output" / "arkisto").exists()

    published = run_tilanne("publish", "--config", config)
    assert published.returncode == 1, published.stderr
    assert "Kausi 1/2024 julkaistu: 11 tiedostoa arkistoitu" in published.stdout
    assert html_title(tmp_path) == "Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024"
    archive = tmp_path / "Output" / "arkisto" / "1-2024"
    archived = sorted(p.name for p in archive.iterdir())
    assert len(archived) == 11 and f"{KUOPIO}-1-2024.xlsx" in archived and f"{KUOPIO}-1-2024-sv.html" in archived
    with history(tmp_path) as db:
        recorded = dict(db.execute("SELECT f.name, f.sha256 FROM publicationFile f JOIN publication p ON p.id = f.publicationId "
                                   "WHERE p.label = '1/2024'").fetchall())
        assert db.execute("SELECT count(*) FROM publicationAction").fetchone()[0] == 77
    # Each archived file is the published one, byte for byte, and its hash is the one recorded.
    assert recorded == {name: sha256(archive / name) for name in archived}
    assert all(sha256(tmp_path / "Output" / name) == recorded[name] for name in archived)
    assert summary(tmp_path)["edition"] == "council" and summary(tmp_path)["archive"] == str(archive)
    status = run_tilanne("status", "--config", config)
    assert "Avoimet kaudet: 1/2024 (julkaistu " in status.stdout, status.stdout

    # Nothing changed since: the next night keeps the council edition as it is.
    again = run_tilanne("run", "--config", config)
    assert again.returncode == 0 and "raportit ennallaan" in again.stdout
    assert html_title(tmp_path) == "Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024"


def test_an_edit_after_publishing_makes_drafts_and_blocks_the_freeze_until_published_again(tmp_path):
    config = write_project(tmp_path)
    assert run_tilanne("publish", "--config", config).returncode == 1
    archive = tmp_path / "Output" / "arkisto" / "1-2024"
    before = {p.name: sha256(p) for p in archive.iterdir()}
    table = tmp_path / "Input" / f"{KUOPIO}-1-2024.csv"
    table.write_text(table.read_text(encoding="utf-8-sig").replace("Talent HUB", "Talent Hub -hanke"), encoding="utf-8")

    night = run_tilanne("run", "--config", config)
    assert night.returncode == 1, night.stderr
    assert html_title(tmp_path).startswith("LUONNOS: ")  # Output/ shows today's data, marked as such
    assert {p.name: sha256(p) for p in archive.iterdir()} == before  # the council edition is untouched

    refused = run_tilanne("freeze", "--config", config)
    assert refused.returncode == 11, refused.stderr
    assert "lähtötiedot ovat muuttuneet julkaisun" in refused.stderr and f"muuttunut: {table}" in refused.stderr
    with history(tmp_path) as db:
        assert db.execute("SELECT count(*) FROM period").fetchone()[0] == 0

    assert run_tilanne("publish", "--config", config).returncode == 1
    frozen = run_tilanne("freeze", "--config", config)
    assert frozen.returncode == 0, frozen.stderr
    assert "Kausi 1/2024 jäädytetty (77 toimenpidettä)" in frozen.stdout
    with history(tmp_path) as db:
        texts = [row[0] for row in db.execute("SELECT projects || status FROM periodAction WHERE periodLabel = '1/2024'")]
        events = [row[0] for row in db.execute("SELECT event FROM periodEvent ORDER BY id")]
    assert any("Talent Hub -hanke" in text for text in texts)
    assert events == ["published", "published", "frozen"]
    assert run_tilanne("run", "--config", config).returncode == 10


def test_freeze_of_a_period_never_published_is_refused(tmp_path):
    """The README's own `freeze --period 2/2023` used to freeze 1/2024's data under the label 2/2023."""
    config = write_project(tmp_path)
    assert run_tilanne("run", "--config", config).returncode == 1
    for args in ([], ["--period", "2/2023"]):
        refused = run_tilanne("freeze", *args, "--config", config)
        assert refused.returncode == 11, refused.stderr
        assert "ei ole julkaistu" in refused.stderr and "tilanne publish" in refused.stderr
    wrong_format = run_tilanne("freeze", "--period", "2025/2", "--config", config)
    assert wrong_format.returncode == 3 and "N/YYYY" in wrong_format.stderr


def test_opening_the_next_period_is_one_checked_edit(tmp_path):
    config = write_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    assert run_tilanne("period", "open", "2025/1", "--config", config).returncode == 3
    assert run_tilanne("period", "open", "2/2023", "--config", config).returncode == 11
    not_frozen = run_tilanne("period", "open", "2/2024", "--config", config)
    assert not_frozen.returncode == 11 and "ei jäädytetty" in not_frozen.stderr
    assert config.read_text(encoding="utf-8") == text  # nothing changed by a refusal

    assert run_tilanne("publish", "--config", config).returncode == 1
    assert run_tilanne("freeze", "--config", config).returncode == 0
    opened = run_tilanne("period", "open", "2/2024", "--config", config)
    assert opened.returncode == 0, opened.stderr
    assert f"{tmp_path / 'Input' / KUOPIO}-2-2024.csv (ei vielä olemassa)" in opened.stdout
    # One line changed, the rest of the file (comments, order) as it was.
    assert config.read_text(encoding="utf-8") == text.replace('period: "1/2024"', 'period: "2/2024"')

    # The coordinators' new table arrives; the first night of 2/2024 is a draft compared with 1/2024.
    shutil.copy(SECOND_PERIOD, tmp_path / "Input" / f"{KUOPIO}-2-2024.csv")
    night = run_tilanne("run", "--config", config)
    assert night.returncode == 1, night.stderr
    assert html_title(tmp_path, "2-2024") == "LUONNOS: Kasvava Kuopio -toimenpideohjelma – tilanne 2/2024"
    assert (tmp_path / "Output" / f"{KUOPIO}-2-2024-muutokset.csv").exists()
    with history(tmp_path) as db:
        assert [row for row in db.execute("SELECT label, event FROM periodEvent ORDER BY id")] == [
            ("1/2024", "published"), ("1/2024", "frozen"), ("2/2024", "opened")]


def test_a_wrong_freeze_is_undone_only_when_confirmed_and_stays_on_record(tmp_path):
    config = write_project(tmp_path)
    assert run_tilanne("publish", "--config", config).returncode == 1
    assert run_tilanne("freeze", "--config", config).returncode == 0
    unconfirmed = run_tilanne("unfreeze", "--period", "1/2024", "--config", config)
    assert unconfirmed.returncode == 11 and "--yes" in unconfirmed.stderr
    assert run_tilanne("run", "--config", config).returncode == 10  # still frozen

    undone = run_tilanne("unfreeze", "--period", "1/2024", "--yes", "--reason", "väärä versio jäädytettiin", "--config", config)
    assert undone.returncode == 0, undone.stderr
    with history(tmp_path) as db:
        assert db.execute("SELECT count(*) FROM period").fetchone()[0] == 0
        event = db.execute("SELECT event, detail FROM periodEvent ORDER BY id DESC LIMIT 1").fetchone()
    assert event[0] == "unfrozen" and event[1].startswith("väärä versio jäädytettiin; user ")
    assert run_tilanne("unfreeze", "--period", "1/2024", "--yes", "--config", config).returncode == 11  # not frozen now
    listing = run_tilanne("history", "--config", config).stdout
    assert "Kausien vaiheet:" in listing and "1/2024  jäädytys purettu  (väärä versio jäädytettiin; user " in listing
    # Published again: it can be frozen again, from the same publication.
    assert run_tilanne("freeze", "--config", config).returncode == 0


def test_a_period_a_later_frozen_period_compared_with_cannot_be_unfrozen(tmp_path):
    config = write_project(tmp_path)
    assert run_tilanne("publish", "--config", config).returncode == 1
    assert run_tilanne("freeze", "--config", config).returncode == 0
    assert run_tilanne("period", "open", "2/2024", "--config", config).returncode == 0
    shutil.copy(SECOND_PERIOD, tmp_path / "Input" / f"{KUOPIO}-2-2024.csv")
    assert run_tilanne("publish", "--config", config).returncode == 1
    assert run_tilanne("freeze", "--config", config).returncode == 0
    refused = run_tilanne("unfreeze", "--period", "1/2024", "--yes", "--config", config)
    assert refused.returncode == 11 and "2/2024" in refused.stderr
