"""Configuration mistakes that used to pass or to be reported badly, as the command reports
them: each stops the run with exit 3, one line naming the file, the line and the key, and
nothing is written."""
import pytest

from conftest import reports_in, run_tilanne, write_config


def line_of(path, text, occurrence=1):
    hits = [number for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize("replacement, file, marker, says", [
    # A key given twice: its name and lines, not the whole configuration.
    (("validation:", 'period: "2/2024"\nvalidation:'), "tilanne.yml", 'period: "2/2024"',
     "period: this key is given twice in the same mapping (first on line"),
    # An empty theme title: it would be an empty heading and link in the HTML.
    (('title: "KUOPION TUNNETTUUS JA EDUNVALVONTA"', 'title: ""'), "kasvava-kuopio-ohjelma.yml", 'title: ""',
     "programme.items[3].title: the value is empty"),
    # A group following a theme that does not exist: named with the closest one.
    (("validation:", 'groups:\n  - name: Elinvoima\n    items: ["KILPAILUKYKYINEN YRITTAJYYSYMPARISTO"]\nvalidation:'),
     "tilanne.yml", "YRITTAJYYSYMPARISTO",
     'groups[0].items[0]: no item "KILPAILUKYKYINEN YRITTAJYYSYMPARISTO" in the programme\'s register '
     '(did you mean "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"?)'),
    # An alias that is another code: both codes named.
    (('aliases: ["＋"]', 'aliases: ["＋", "-"]'), "kasvava-kuopio-ohjelma.yml", 'code: "-"',
     'legend[2].code: the code "-" is the same as the code "+"\'s alias "-"'),
])
def test_a_config_mistake_stops_the_run_with_one_located_line(tmp_path, replacement, file, marker, says):
    config = write_config(tmp_path, extra_replacements=[replacement])
    result = run_tilanne("run", "--config", config)
    assert result.returncode == 3, (result.stdout, result.stderr)
    line = line_of(config.parent / file, marker)
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"{file}:{line}: {says}" in result.stderr, result.stderr
    assert reports_in(tmp_path / "Output") == []
