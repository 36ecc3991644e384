#!/usr/bin/env python3
"""Fuzz the built `tilanne` command with mutated inputs: CSV, XLSX, DOCX, PX, JSON-stat and YAML.

Every case is a small project in a temporary folder (the shipped Kuopio configuration, or one of
the example programmes, with every path relative to the project), in which one file is replaced by
a mutation of a real input of the repository. The command (`run --force`, `validate` or
`inspect`) runs with a wall-clock limit, and the case fails on:

- a crash (death by a signal),
- a run over the time limit (10 s; the process group is killed),
- a peak resident set over MEM_BASE_MIB + MEM_FACTOR x the input's bytes (for XLSX and DOCX the
  bytes of the archive's parts as written, i.e. expanded),
- an exit code outside the contract of docs/exit-codes.md, or 70 (an unexpected error: a fault in
  the program), or a code of the contract that only the environment may cause (4–10,
  64: the fuzz project has free space, writable folders, no other run, no mail, a well-formed
  command line),
- reports published by a run that exits 2 or 3 ("nothing published"), or none by a run that
  exits 0 or 1.

Each failing case is saved as a folder under WORK/failures/ with the project, the command
(`replay.sh`), the exit status, the end of standard error and the measurements. Cases are
derived from (seed, case number), so `--seed S --case N` replays case N of a campaign.

Standard library only. Run through `make fuzz` (FUZZ_SECONDS, FUZZ_SEED, FUZZ_JOBS, TILANNE_BIN).
"""
import argparse
import collections
import io
import json
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
warnings.filterwarnings("ignore", message="Duplicate name", module="zipfile")  # duplicated parts are meant
FIXTURES = ROOT / "Tests" / "TilanneCoreTests" / "Fixtures"

# docs/exit-codes.md
CONTRACT = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 64, 70}
# Codes the contract gives to the environment (disk, rights, history contention, lock, mail,
# command line); a fuzz project has none of those problems, so its input must not cause them.
ENVIRONMENT_ONLY = {4, 5, 6, 7, 8, 9, 10, 64}
UNEXPECTED = 70

# ---------------------------------------------------------------------------------------------
# Projects: the configurations a mutated file is run in.
# ---------------------------------------------------------------------------------------------

SECTIONED_COLUMNS = """      levels:
        painopiste: Painopiste
        tavoite: {number: Tavoite nro, title: Tavoite}
      binding_goal: Sitova tavoite TA2021
"""
SECTIONS = r"""    sections:
      painopiste: '^(?<title>[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9 ,\-–]+?)(?:\s+SELITTEET\b.*)?$'
      tavoite: '^TAVOITE\s+(?<number>\d+)\s*[.:]?\s*(?<title>.+)$'
      binding_goal: '^\(?\s*Sitova tavoite\s*(?<label>[^:]*):\s*(?<text>.+?)\s*\)?$'
"""

STATUS_FORMAT = {".csv": "csv", ".xlsx": "xlsx", ".docx": "docx"}


def indicator_format(name):
    suffix = pathlib.Path(name).suffix
    return {".px": "px", ".json": "jsonstat", ".csv": "table-csv", ".xlsx": "table-xlsx"}[suffix]


class Project:
    """Files (relative path -> bytes), the config's path, and the files a case may mutate,
    each with its format."""

    def __init__(self, name, files, config, targets):
        self.name, self.files, self.config, self.targets = name, files, config, targets


def kuopio_project(name, status_file, shape="flat", part_line=None, indicators=False):
    """The shipped configuration (Finnish and Swedish, history, five indicators) on one status
    table, every path inside the project folder."""
    text = (ROOT / "Config" / "tilanne.yml").read_text(encoding="utf-8")
    programme = (ROOT / "Config" / "kasvava-kuopio-ohjelma.yml").read_text(encoding="utf-8")
    status_name = "Input/" + status_file.name
    text = text.replace("path: ../Input/kasvava-kuopio-tilanne-{period}.csv", f"path: {status_name}")
    text = text.replace("folder: ../Output", "folder: Output").replace("state_folder: ../State", "state_folder: State")
    if shape == "sectioned":
        line = f"\n    {part_line}" if part_line else ""
        text = text.replace("shape: flat", f"shape: sectioned{line}\n{SECTIONS.rstrip()}").replace(SECTIONED_COLUMNS, "")
    programme = programme.replace("path: ../Input/mittarit/", "path: Input/mittarit/")
    files = {"tilanne.yml": text.encode(), "kasvava-kuopio-ohjelma.yml": programme.encode(),
             status_name: status_file.read_bytes()}
    targets = [(status_name, STATUS_FORMAT[status_file.suffix]), ("tilanne.yml", "yaml"),
               ("kasvava-kuopio-ohjelma.yml", "yaml")]
    for path in sorted((ROOT / "Input" / "mittarit").iterdir()):
        relative = "Input/mittarit/" + path.name
        files[relative] = path.read_bytes()
        if indicators:  # the statistics files are mutated in one project; the others only read them
            targets.append((relative, indicator_format(path.name)))
    return Project(name, files, "tilanne.yml", targets)


def example_project(city):
    """An example programme of examples/ as it is (its paths are already inside its folder)."""
    folder = ROOT / "examples" / city
    files = {"tilanne.yml": (folder / "tilanne.yml").read_bytes(), "ohjelma.yml": (folder / "ohjelma.yml").read_bytes()}
    targets = [("tilanne.yml", "yaml"), ("ohjelma.yml", "yaml")]
    for path in sorted((folder / "Input").iterdir()):
        files["Input/" + path.name] = path.read_bytes()
        targets.append(("Input/" + path.name, STATUS_FORMAT[path.suffix]))
    return Project(f"example-{city}", files, "tilanne.yml", targets)


def projects():
    office = FIXTURES / "office"
    return [
        kuopio_project("kuopio-csv", ROOT / "Input" / "kasvava-kuopio-tilanne-1-2024.csv", indicators=True),
        kuopio_project("kuopio-sectioned-csv", FIXTURES / "kuopio-sectioned-cp1252.csv", "sectioned"),
        kuopio_project("kuopio-xlsx", office / "kuopio-flat-openpyxl.xlsx"),
        kuopio_project("kuopio-sectioned-xlsx", office / "kuopio-sectioned-libreoffice.xlsx", "sectioned", "sheet: Tilanne"),
        kuopio_project("kuopio-docx", office / "kuopio-flat-libreoffice.docx"),
        kuopio_project("kuopio-sectioned-docx", office / "kuopio-sectioned-python-docx.docx", "sectioned", "table: all"),
        example_project("imatra"), example_project("kouvola"), example_project("mikkeli"), example_project("heinola"),
    ]


def seed_pool(all_projects):
    """Every seed of each format, for splicing and for replacing a file by another of its kind."""
    pool = collections.defaultdict(list)
    for project in all_projects:
        for path, fmt in project.targets:
            pool[KIND[fmt]].append(project.files[path])
    for path in sorted((FIXTURES / "statistics" / "statfin").glob("*.px")):
        pool["px"].append(path.read_bytes())
    for path in sorted(office.glob("*.xlsx")) if (office := FIXTURES / "office").exists() else []:
        pool["xlsx"].append(path.read_bytes())
    pool["csv"].append((FIXTURES / "kuopio-tilanne-2-2024.csv").read_bytes())
    for family in pool:  # distinct seeds only
        pool[family] = list(dict.fromkeys(pool[family]))
    return pool


# ---------------------------------------------------------------------------------------------
# Mutations
# ---------------------------------------------------------------------------------------------

INTERESTING = [
    b"\xef\xbb\xbf", b"\x00", b"\r", b"\n", b"\r\n", b"\n\r", b"\xff", b"\xfe", b"\xef\xbf\xbf", b"\xef\xbf\xbe",
    b"\xed\xa0\x80", b"\xc0\x80", b"\xe4", b"\x96", b"\x1b[31m", b"\x0b", b"\x0c", b"\x7f", b"\xe2\x80\xa8",
    b"\xe2\x80\x8b", b"\xcc\x88" * 50, b"\"", b"\"\"", b";", b",", b"\t", b"'", b"=", b"=1+1", b"%", b"{period}",
    b"{", b"}", b"[", b"]", b"<", b">", b"&", b"&amp;", b"]]>", b"-", b"\xe2\x80\x93", b"+/-", b"?", b"..",
    b"999999999999999999999", b"-1", b"0", b"1e400", b"NaN", b"\\", b"/", b"../", b"#", b"*", b"!", b"|",
]
LONG_SIZES = [100, 1000, 32768, 40000, 100_000, 500_000, 2_000_000]
LONG_UNITS = [b"A", b"a", b"\xc3\xa4", b"\n", b"\r\n", b"\r", b" ", b"\"", b";", b",", b"\xef\xbf\xbf", b"\x00",
              b"AB", b"\xe2\x80\x93", b"\t", b"x\n", b";\n", b"\"\"\n"]


def long_run(rng):
    size = rng.choices(LONG_SIZES, weights=[20, 20, 10, 10, 8, 4, 2])[0]
    unit = rng.choice(LONG_UNITS)
    return unit * max(1, size // len(unit))


def pos(rng, data):
    return rng.randrange(len(data) + 1)


def m_flip(rng, data, pool):
    if not data:
        return data
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


def m_random_bytes(rng, data, pool):
    if not data:
        return data
    data = bytearray(data)
    i = rng.randrange(len(data))
    n = rng.randint(1, 16)
    data[i:i + n] = bytes(rng.randrange(256) for _ in range(min(n, len(data) - i)))
    return bytes(data)


def m_insert(rng, data, pool):
    i = pos(rng, data)
    token = rng.choice(INTERESTING) * rng.choice([1, 1, 1, 2, 10, 1000])
    return data[:i] + token + data[i:]


def m_insert_random(rng, data, pool):
    i = pos(rng, data)
    return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 32))) + data[i:]


def m_delete(rng, data, pool):
    if not data:
        return data
    i = rng.randrange(len(data))
    n = rng.choice([1, 2, 4, 16, 256, 4096, len(data)])
    return data[:i] + data[i + n:]


def m_duplicate(rng, data, pool):
    if not data:
        return data
    i = rng.randrange(len(data))
    n = rng.choice([1, 8, 64, 512, 4096])
    times = rng.choice([1, 2, 10, 100, 1000])
    chunk = data[i:i + n]
    if len(chunk) * times > 4_000_000:
        times = max(1, 4_000_000 // max(1, len(chunk)))
    return data[:i] + chunk * times + data[i:]


def m_truncate(rng, data, pool):
    return data[:rng.randrange(len(data) + 1)]


def m_long(rng, data, pool):
    i = pos(rng, data)
    return data[:i] + long_run(rng) + data[i:]


def m_splice(rng, data, pool, family=None):
    donors = pool.get(family) or [d for v in pool.values() for d in v]
    other = rng.choice(donors)
    return data[:pos(rng, data)] + other[pos(rng, other):]


def m_replace_seed(rng, data, pool, family=None):
    """Another seed of the same kind in this file's place."""
    return rng.choice(pool.get(family) or [data])


BYTE_MUTATORS = [m_flip, m_random_bytes, m_insert, m_insert_random, m_delete, m_duplicate, m_truncate, m_long, m_splice]


def lines_of(data):
    return data.splitlines(keepends=True)


def m_line_delete(rng, data, pool):
    lines = lines_of(data)
    if lines:
        i = rng.randrange(len(lines))
        del lines[i:i + rng.choice([1, 1, 2, 10])]
    return b"".join(lines)


def m_line_duplicate(rng, data, pool):
    lines = lines_of(data)
    if not lines:
        return data
    i = rng.randrange(len(lines))
    n = rng.choice([1, 1, 3, 10])
    times = rng.choice([1, 2, 100, 5000])
    block = b"".join(lines[i:i + n])
    times = min(times, max(1, 4_000_000 // max(1, len(block))))
    lines[i:i] = [block] * times
    return b"".join(lines)


def m_line_swap(rng, data, pool):
    lines = lines_of(data)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def m_line_endings(rng, data, pool):
    new = rng.choice([b"\r\n", b"\r", b"\n", b"\n\n", b"\x00\n", b"\xe2\x80\xa8"])
    return re.sub(rb"\r\n|\r|\n", new, data)


# CSV: split on the delimiter the file uses, mutate cells.

CELL_VALUES = [b"", b"\"", b"\"\"", b"\"a\"b\"", b"a;b", b"a,b", b"\"a\nb\"", b"+", b"+/-", b"-", b"?", b"+?", b"60 %",
               b"150 %", b"-5 %", b"TAVOITE 99. X", b"TAVOITE 1.", b"1", b"0", b"-1", b"99999999999999999999", b"1.1.1",
               b"=HYPERLINK(\"x\")", b"\xef\xbf\xbf", b"\x00", b"\x1b", b"\xe4\xf6", b"\xc3\xa4", b"Future Savo (2018-20)",
               b"(2021-23)?", b"(9999-1)", b"(2018-6/21)", b"1e308", b"-1e308", b"1,7976931348623157e308", b"inf",
               b"NaN", b"9223372036854775808", b"-0", b"1 234 567 890 123 456 789", b"\xe2\x80\x8b", b"\xc2\xad", b"\t", b" ", b"\r",
               b"Tilanne 1/2024", b"Eteneminen", b"Painopiste", b"Toimenpiteet 2018-2021 (-2022)"]


def csv_delimiter(data):
    head = data[:4096]
    return b";" if head.count(b";") >= head.count(b",") else b","


def m_csv_cell(rng, data, pool):
    lines = lines_of(data)
    if not lines:
        return data
    d = csv_delimiter(data)
    i = rng.randrange(len(lines))
    ending = lines[i][len(lines[i].rstrip(b"\r\n")):]
    cells = lines[i].rstrip(b"\r\n").split(d)
    j = rng.randrange(len(cells))
    action = rng.random()
    if action < 0.5:
        cells[j] = rng.choice(CELL_VALUES)
    elif action < 0.7:
        cells[j] = long_run(rng)
    elif action < 0.8:
        cells[j:j] = [rng.choice(CELL_VALUES)] * rng.choice([1, 2, 50, 20000])
    elif action < 0.9:
        del cells[j]
    else:
        cells[j] = cells[j] * rng.choice([2, 100, 5000])
    lines[i] = d.join(cells) + ending
    return b"".join(lines)


def m_csv_quote(rng, data, pool):
    quotes = [m.start() for m in re.finditer(b"\"", data[:500_000])]
    if quotes and rng.random() < 0.5:
        i = rng.choice(quotes)
        return data[:i] + data[i + 1:] if rng.random() < 0.5 else data[:i] + b"\"" + data[i:]
    i = pos(rng, data)
    return data[:i] + b"\"" + data[i:]


def m_csv_recode(rng, data, pool):
    """The file, or part of it, in another encoding."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    encoding = rng.choice(["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-8-sig", "utf-32", "mac-roman"])
    recoded = text.encode(encoding, errors="replace")
    if rng.random() < 0.5:  # only some rows
        a, b = sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))
        recoded = text[:a].encode("utf-8") + text[a:b].encode(encoding, errors="replace") + text[b:].encode("utf-8")
    return recoded


CSV_MUTATORS = [m_csv_cell, m_csv_cell, m_csv_quote, m_csv_recode, m_line_delete, m_line_duplicate, m_line_swap,
                m_line_endings]


# PX: keyword statements, quoted values, DATA.

PX_KEYWORDS = [b"CHARSET=\"ANSI\";", b"CODEPAGE=\"utf-8\";", b"CODEPAGE=\"iso-8859-15\";", b"CODEPAGE=\"x-nonsense\";",
               b"LANGUAGE=\"no\";", b"LANGUAGES=(\"fi\",\"sv\",\"xx\");", b"KEYS(\"Alue\")=CODES;",
               b"STUB=\"Alue\";", b"HEADING=\"Vuosi\";", b"STUB[no]=\"Alue\";", b"HEADING=\"Tiedot\",\"Vuosi\",\"X\";",
               b"VALUES(\"Vuosi\")=\"2019\",\"2019\";", b"CODES(\"Alue\")=\"KU297\";", b"TIMEVAL(\"Vuosi\")=TLIST(A1),\"2019\";",
               b"TIMEVAL(\"Vuosi\")=TLIST(M1,\"2019M01\"-\"2030M12\");", b"TIMEVAL(\"Vuosi\")=TLIST(Q9),\"x\";",
               b"UNITS(\"Tiedot\",\"vaesto\")=\"henkea\";", b"DECIMALS=99;", b"SHOWDECIMALS=-1;", b"PRECISION(\"Tiedot\",\"x\")=3;",
               b"CONTVARIABLE=\"Tiedot\";", b"CONTVARIABLE=\"Nope\";", b"VARIABLE-TYPE(\"Alue\")=\"time\";",
               b"DATA=;", b"DATA=\n\"..\" \"...\" 1 2 3;", b"MATRIX=\"x\";", b"AXIS-VERSION=\"2010\";",
               b"ELIMINATION(\"Alue\")=YES;", b"LAST-UPDATED=\"99999999 99:99\";", b"NOTE=\"" + b"x" * 40000 + b"\";",
               b"TITLE=\"" + b"\xc3\xa4" * 20000 + b"\";", b"=\"\";", b"(\"\")=\"\";", b"X[=\"a\";", b"VALUES(\"Alue\"=\"a\";"]
PX_DATA_TOKENS = [b"\".\"", b"\"..\"", b"\"...\"", b"\"....\"", b"\".....\"", b"\"......\"", b"\"-\"", b"\":\"", b"-",
                  b"1e400", b"-1e400", b"1e308", b"-1e308", b"1.7976931348623157e308", b"4.9e-324", b"NaN", b"inf", b"0x10", b"1,5", b"1.5.5", b"99999999999999999999999",
                  b"\"\"", b"\"", b"x", b"", b";", b"1;2"]


def px_statements(data):
    """Split at the ';' that ends a keyword statement (outside quotes), keeping it."""
    out, start, quoted = [], 0, False
    limit = min(len(data), 2_000_000)
    for i in range(limit):
        c = data[i]
        if c == 0x22:
            quoted = not quoted
        elif c == 0x3B and not quoted:
            out.append(data[start:i + 1])
            start = i + 1
    out.append(data[start:])
    return out


def m_px_statement(rng, data, pool):
    parts = px_statements(data)
    if not parts:
        return data
    i = rng.randrange(len(parts))
    action = rng.random()
    if action < 0.25:
        del parts[i]
    elif action < 0.4:
        parts[i:i] = [parts[i]] * rng.choice([1, 1, 2, 1000])
    elif action < 0.55:
        j = rng.randrange(len(parts))
        parts[i], parts[j] = parts[j], parts[i]
    else:
        parts.insert(i, b"\n" + rng.choice(PX_KEYWORDS))
    return b"".join(parts)


def m_px_quoted(rng, data, pool):
    spans = [m.span() for m in re.finditer(rb"\"[^\"\n]*\"", data[:1_000_000])]
    if not spans:
        return data
    a, b = rng.choice(spans)
    new = rng.choice([b"\"\"", b"\"", b"\"a\"\"b\"", b"\"a;b\"", b"\"" + long_run(rng).replace(b"\"", b"'") + b"\"",
                      b"\"x\",\"y\"", b"\"\xef\xbf\xbf\"", b"\"\xe4\"", b"\"\n\"", b"\"KU297\"", b"\"SSS\"", b"\"2019\"",
                      b"\"" + rng.choice(INTERESTING) + b"\"", b"\"a\"\n\"b\""])
    return data[:a] + new + data[b:]


def m_px_data(rng, data, pool):
    at = data.rfind(b"DATA=")
    if at < 0:
        return m_px_statement(rng, data, pool)
    head, body = data[:at + 5], data[at + 5:]
    tokens = re.split(rb"(\s+)", body)
    words = [k for k, t in enumerate(tokens) if t and not t.isspace()]
    if not words:
        return head + body + b" 1;"
    k = rng.choice(words)
    action = rng.random()
    if action < 0.5:
        tokens[k] = rng.choice(PX_DATA_TOKENS)
    elif action < 0.7:
        del tokens[k]
    elif action < 0.85:
        tokens[k:k] = [b"1 "] * rng.choice([1, 10, 100_000])
    else:
        tokens = tokens[:k]  # DATA cut short, maybe without ';'
    return head + b"".join(tokens)


def m_px_lang(rng, data, pool):
    """Language tags on keywords: [sv], [no], [], [fi][sv]."""
    keys = [m.end() for m in re.finditer(rb"(?m)^[A-Z-]+", data[:1_000_000])]
    if not keys:
        return data
    i = rng.choice(keys)
    return data[:i] + rng.choice([b"[sv]", b"[no]", b"[]", b"[fi][sv]", b"[", b"[" + b"x" * 1000 + b"]"]) + data[i:]


PX_MUTATORS = [m_px_statement, m_px_quoted, m_px_quoted, m_px_data, m_px_data, m_px_lang, m_line_endings, m_line_delete,
               m_csv_recode]


# JSON-stat: structure through the json module.

JSON_VALUES = [None, True, False, 0, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 63, -2 ** 63 - 1, 10 ** 400, "", "x", "\uffff", "\ud800", [], {}, [None],
               {"a": 1}, "2019", "KU297", [1, 2, 3], "..", {"0": 1}, [[[[[]]]]], "a" * 40000]


def json_paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from json_paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node[:200]):
            yield from json_paths(value, path + (i,))


def m_json(rng, data, pool):
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return m_flip(rng, data, pool)
    paths = list(json_paths(doc))
    path = rng.choice(paths[1:] or paths)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if not path:
        return json.dumps(rng.choice(JSON_VALUES)).encode()
    key = path[-1]
    action = rng.random()
    if action < 0.45:
        parent[key] = rng.choice(JSON_VALUES)
    elif action < 0.6:
        if isinstance(parent, dict):
            del parent[key]
        else:
            parent.pop(key)
    elif action < 0.75 and isinstance(parent[key], list):
        parent[key] = parent[key] * rng.choice([2, 100, 10000])
    elif action < 0.85 and isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
        parent[key] = rng.choice([parent[key] * 1000, -parent[key], parent[key] + 1, 10 ** 9])
    else:
        nested = rng.choice(JSON_VALUES)
        for _ in range(rng.choice([1, 10, 5000])):
            nested = [nested]
        parent[key] = nested
    try:
        return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", errors="surrogatepass")
    except (RecursionError, ValueError):
        return data


JSON_MUTATORS = [m_json, m_json, m_json]


# YAML: lines, keys, indentation, types, anchors and aliases.

YAML_VALUES = [b"[]", b"{}", b"[a, b]", b"{x: 1}", b"null", b"~", b"true", b"no", b"0", b"-1", b"1e400", b"0x10",
               b".inf", b"-.inf", b".nan", b"1e308", b"-1e308", b"9223372036854775808", b"-9223372036854775809",
               b"{year: 99999, value: 1e308}", b"{year: -1, value: -1e308}", b"{year: 2019, value: .nan}",
               b"\"\"", b"''", b"\"{period}\"", b"\"{unknown}\"", b"\"1/2024\"", b"13/2024", b"&a x", b"*a", b"*nope",
               b"!!binary aGVsbG8=", b"!!python/object:os.system x", b"!!set {a, b}", b"|\n  a\n  b", b">-", b"- a",
               b"\"\\uFFFF\"", b"\"\\0\"", b"\"\\x00\"", b"\"a\\r\\nb\"", b"'a\n  b'", b"\"\xef\xbf\xbf\"", b"2024-13-45",
               b"Output", b".", b"..", b"/", b"\"\"\"", b"[[[[[[[[[[", b"{{{{", b"?", b": x", b"- - - x", b"@x", b"`x`",
               b"%YAML 1.1", b"---", b"...", b"xlsx", b"[xlsx, xlsx]", b"[pdf]", b"[fi, sv, en, xx]", b"error", b"warning"]


def yaml_long(rng):
    return b"\"" + long_run(rng).replace(b"\"", b"'").replace(b"\\", b"/").replace(b"\n", b" ").replace(b"\r", b" ") + b"\""


def m_yaml_value(rng, data, pool):
    lines = lines_of(data)
    keyed = [i for i, line in enumerate(lines) if re.match(rb"^\s*-?\s*[\w\-]+\s*:", line)]
    if not keyed:
        return m_line_delete(rng, data, pool)
    i = rng.choice(keyed)
    line = lines[i]
    colon = line.index(b":")
    ending = line[len(line.rstrip(b"\r\n")):]
    value = yaml_long(rng) if rng.random() < 0.15 else rng.choice(YAML_VALUES)
    lines[i] = line[:colon + 1] + b" " + value + ending
    return b"".join(lines)


def m_yaml_indent(rng, data, pool):
    lines = lines_of(data)
    if not lines:
        return data
    i = rng.randrange(len(lines))
    n = rng.choice([1, 1, 2, 4])
    if rng.random() < 0.5:
        lines[i] = rng.choice([b" ", b"\t", b"  "]) * n + lines[i]
    else:
        lines[i] = lines[i][min(n, len(lines[i]) - len(lines[i].lstrip(b" "))):]
    return b"".join(lines)


def m_yaml_key(rng, data, pool):
    lines = lines_of(data)
    keyed = [i for i, line in enumerate(lines) if re.match(rb"^\s*-?\s*[\w\-]+\s*:", line)]
    if not keyed:
        return data
    i = rng.choice(keyed)
    m = re.match(rb"^(\s*-?\s*)([\w\-]+)(\s*:.*)$", lines[i], re.S)
    prefix, key, rest = m.groups()
    action = rng.random()
    if action < 0.35:  # a duplicate key right below
        lines.insert(i + 1, lines[i] if lines[i].endswith(b"\n") else lines[i] + b"\n")
    elif action < 0.6:  # a typo
        k = bytearray(key)
        if k:
            k[rng.randrange(len(k))] = rng.choice(b"abcdefghijklmnopqrstuvwxyz_")
        lines[i] = prefix + bytes(k) + rest
    elif action < 0.8:  # another key of the file here
        other = re.match(rb"^\s*-?\s*([\w\-]+)", lines[rng.choice(keyed)]).group(1)
        lines[i] = prefix + other + rest
    else:
        lines[i] = prefix + rng.choice([b"\"\"", b"''", b"? x", b"<<", b"\xc3\xa4\xc3\xa4", b"1", b"null", b"~"]) + rest
    return b"".join(lines)


def m_yaml_block(rng, data, pool):
    """Duplicate, move or delete an indented block (a list item, a mapping)."""
    lines = lines_of(data)
    if len(lines) < 2:
        return data
    i = rng.randrange(len(lines))
    indent = len(lines[i]) - len(lines[i].lstrip(b" "))
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(b" ")) > indent):
        j += 1
    block = lines[i:j]
    action = rng.random()
    if action < 0.4:
        times = rng.choice([1, 2, 100, 2000])
        times = min(times, max(1, 4_000_000 // max(1, len(b"".join(block)))))
        lines[j:j] = block * times
    elif action < 0.7:
        del lines[i:j]
    else:
        k = rng.randrange(len(lines) + 1)
        moved = block
        del lines[i:j]
        k = min(k, len(lines))
        lines[k:k] = moved
    return b"".join(lines)


def m_yaml_alias(rng, data, pool):
    """Anchors and aliases: a value reused elsewhere, a self-reference, or a billion laughs."""
    lines = lines_of(data)
    keyed = [i for i, line in enumerate(lines) if re.match(rb"^\s*[\w\-]+\s*:", line)]
    if not keyed:
        return data
    action = rng.random()
    if action < 0.4:
        i, j = rng.choice(keyed), rng.choice(keyed)
        li, lj = lines[i], lines[j]
        ci, cj = li.index(b":"), lj.index(b":")
        lines[i] = li[:ci + 1] + b" &fz" + li[ci + 1:]
        if j != i:
            lines[j] = lj[:cj + 1] + b" *fz\n"
    elif action < 0.7:
        laughs = [b"fz0: &fz0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"]
        for n in range(1, rng.choice([3, 6, 9])):
            laughs.append(f"fz{n}: &fz{n} [".encode() + b", ".join([f"*fz{n - 1}".encode()] * 9) + b"]\n")
        lines[0:0] = laughs
    else:
        i = rng.choice(keyed)
        line = lines[i]
        c = line.index(b":")
        lines[i] = line[:c + 1] + b" &fzself [*fzself]\n"
    return b"".join(lines)


def m_yaml_nest(rng, data, pool):
    i = pos(rng, data)
    depth = rng.choice([10, 100, 1000, 100_000])
    opener, closer = rng.choice([(b"[", b"]"), (b"{a: ", b"}"), (b"- ", b"")])
    return data[:i] + opener * depth + b"x" + closer * depth + data[i:]


YAML_MUTATORS = [m_yaml_value, m_yaml_value, m_yaml_indent, m_yaml_key, m_yaml_key, m_yaml_block, m_yaml_alias,
                 m_yaml_nest, m_line_delete, m_line_duplicate, m_line_swap, m_line_endings]


# XLSX and DOCX: mutate the parts inside the archive and write it again.

XML_ATTRIBUTE_VALUES = [b"A1", b"A0", b"XFD1048576", b"XFE1", b"A1048577", b"ZZZZZZ99999999999", b"", b"-1", b"0",
                        b"999999999", b"1:99999", b"A1:XFD1048576", b"A1:A1048576", b"A1:ZZ100000", b"B2:A1", b"s",
                        b"str", b"inlineStr", b"b", b"e", b"n", b"d", b"restart", b"continue", b"x", b"1e400", b"NaN",
                        b"\xef\xbf\xbf", b"&#0;", b"&#xFFFF;", b"&#x1F;", b"&amp;", b"&unknown;", b"\"", b"10000", b"65536"]
XML_TEXT_VALUES = [b"", b"0", b"-1", b"99999999", b"1e400", b"NaN", b"60", b"2.5", b"45000", b"-45000", b"&#0;",
                   b"&#xFFFF;", b"_x0000_", b"_x001F_", b"_xD800_", b"_xFFFF_", b"_x000D_", b"+?", b"TAVOITE 1.", b"<",
                   b"&", b"]]>", b"<![CDATA[x]]>", b"<!-- c -->", b"<?pi x?>", b"\xef\xbf\xbf", b"\xff\xfe"]
XML_SNIPPETS = [b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">]>", b"<!DOCTYPE x SYSTEM \"file:///etc/passwd\">",
                b"<mergeCell ref=\"A1:XFD1048576\"/>", b"<mergeCells count=\"1\"><mergeCell ref=\"A1:Z100000\"/></mergeCells>",
                b"<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
                b"<c r=\"XFD1\" t=\"s\"><v>99999</v></c>", b"<c r=\"A1\" t=\"e\"><v>#DIV/0!</v></c>",
                b"<w:tc><w:tcPr><w:gridSpan w:val=\"60000\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>",
                b"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>",
                b"<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
                b"<w:tr>" * 1000, b"<x>" * 100_000, b"</sheetData>", b"</w:tbl>", b"<si><t>" + b"x" * 40000 + b"</t></si>",
                b"<w:t>" + b"\xc3\xa4" * 40000 + b"</w:t>", b"<w:br/>" * 5000, b"<w:tab/>", b"<w:del><w:r><w:delText>x</w:delText></w:r></w:del>",
                b"<w:fldChar w:fldCharType=\"begin\"/>", b"<sheetPr><outlinePr/></sheetPr>", b"<dimension ref=\"A1:XFD1048576\"/>"]


def xml_mutate(rng, data):
    action = rng.random()
    if action < 0.3:  # an attribute value
        spans = [m.span(1) for m in re.finditer(rb"=\"([^\"]*)\"", data[:2_000_000])]
        if spans:
            a, b = rng.choice(spans)
            return data[:a] + rng.choice(XML_ATTRIBUTE_VALUES) + data[b:]
    if action < 0.5:  # a text node
        spans = [m.span(1) for m in re.finditer(rb">([^<]+)<", data[:2_000_000])]
        if spans:
            a, b = rng.choice(spans)
            new = long_run(rng).replace(b"<", b"x").replace(b"&", b"x") if rng.random() < 0.2 else rng.choice(XML_TEXT_VALUES)
            return data[:a] + new + data[b:]
    if action < 0.65:  # a snippet at a tag boundary
        tags = [m.start() for m in re.finditer(rb"<", data[:2_000_000])] or [0]
        i = rng.choice(tags)
        return data[:i] + rng.choice(XML_SNIPPETS) + data[i:]
    if action < 0.8:  # an element duplicated or removed
        elements = [m.span() for m in re.finditer(rb"<(c|row|si|w:tr|w:tc|w:p|w:r|mergeCell|sheet|Relationship)\b[^>]*?(/>|>.*?</\1>)", data[:2_000_000], re.S)]
        if elements:
            a, b = rng.choice(elements)
            if rng.random() < 0.5:
                times = rng.choice([1, 2, 100, 5000])
                times = min(times, max(1, 8_000_000 // max(1, b - a)))
                return data[:b] + data[a:b] * times + data[b:]
            return data[:a] + data[b:]
    if action < 0.9:  # a tag broken
        tags = [m.span() for m in re.finditer(rb"</?[\w:]+", data[:2_000_000])]
        if tags:
            a, b = rng.choice(tags)
            return data[:a] + rng.choice([b"", b"<", b"</x", b"<x:y", data[a:b] + b"x"]) + data[b:]
    return rng.choice(BYTE_MUTATORS[:8])(rng, data, {})


def read_zip(data):
    """The archive's parts in order, or None when Python cannot read it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:  # noqa: BLE001 - any damage means: mutate the bytes instead
        return None


def write_zip(parts, rng):
    buffer = io.BytesIO()
    method = rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 2, 15, 12, 0, 0))
            info.compress_type = method
            archive.writestr(info, content)
    return buffer.getvalue()


def m_zip(rng, data, pool):
    """Returns (bytes, expanded size)."""
    parts = read_zip(data)
    if parts is None:
        return rng.choice(BYTE_MUTATORS)(rng, data, pool), None
    named = [(info.filename, content) for info, content in parts]
    xml = [k for k, (name, _) in enumerate(named) if name.endswith((".xml", ".rels"))]
    action = rng.random()
    if action < 0.6 and xml:
        # the sheet, shared strings and the document most often
        weights = [5 if re.search(r"sheet\d|sharedStrings|document\.xml|workbook\.xml", named[k][0]) else 1 for k in xml]
        k = rng.choices(xml, weights=weights)[0]
        name, content = named[k]
        for _ in range(rng.choice([1, 1, 2, 3])):
            content = xml_mutate(rng, content)
        named[k] = (name, content)
    elif action < 0.7 and named:
        del named[rng.randrange(len(named))]
    elif action < 0.78 and named:
        k = rng.randrange(len(named))
        named.insert(rng.randrange(len(named) + 1), named[k])  # the same name twice
    elif action < 0.84 and named:
        k = rng.randrange(len(named))
        named[k] = (rng.choice(["../" + named[k][0], "/" + named[k][0], named[k][0].upper(), named[k][0] + "\x00",
                                named[k][0].replace("/", "\\"), "x" * 300]), named[k][1])
    elif action < 0.9 and named:
        k = rng.randrange(len(named))
        named[k] = (named[k][0], rng.choice([b"", b"PK\x03\x04", long_run(rng), pool_member(rng, pool, "xlsx")]))
    else:
        out = write_zip(named, rng)
        return corrupt_zip(rng, out), sum(len(c) for _, c in named)
    try:
        return write_zip(named, rng), sum(len(c) for _, c in named)
    except (ValueError, zipfile.BadZipFile):
        return data, None


def pool_member(rng, pool, family):
    return rng.choice(pool.get(family) or [b""])


def corrupt_zip(rng, data):
    """Damage the archive's own structures: a CRC, a size, a header offset, the end record."""
    data = bytearray(data)
    headers = [m.start() for m in re.finditer(b"PK\x03\x04", data)]
    central = [m.start() for m in re.finditer(b"PK\x01\x02", data)]
    end = data.rfind(b"PK\x05\x06")
    action = rng.random()
    value = rng.choice([0, 1, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(1 << 32)]).to_bytes(4, "little")
    if action < 0.3 and headers:  # local header: CRC (14), compressed size (18), size (22)
        h = rng.choice(headers)
        off = h + rng.choice([14, 18, 22])
        data[off:off + 4] = value
    elif action < 0.6 and central:  # central directory: CRC (16), sizes (20, 24), offset (42)
        c = rng.choice(central)
        off = c + rng.choice([16, 20, 24, 42])
        data[off:off + 4] = value
    elif action < 0.75 and end >= 0:  # end record: entries (8, 10), size (12), offset (16)
        off = end + rng.choice([8, 10, 12, 16])
        width = 2 if off - end < 12 else 4
        data[off:off + width] = value[:width]
    elif action < 0.85:  # compression method
        if headers:
            h = rng.choice(headers)
            data[h + 8:h + 10] = rng.choice([b"\x00\x00", b"\x08\x00", b"\x0c\x00", b"\x63\x00"])
    else:
        return bytes(data[:rng.randrange(len(data) + 1)]) + (b"\x00" * rng.choice([0, 100]))
    return bytes(data)


# ---------------------------------------------------------------------------------------------
# A case
# ---------------------------------------------------------------------------------------------

# The family a format is drawn under, and the kind of mutations it gets.
FAMILY = {"csv": "csv", "table-csv": "table", "xlsx": "xlsx", "table-xlsx": "table", "docx": "docx", "px": "px",
          "jsonstat": "jsonstat", "yaml": "yaml"}
KIND = {"csv": "csv", "table-csv": "csv", "xlsx": "xlsx", "table-xlsx": "xlsx", "docx": "docx", "px": "px",
        "jsonstat": "jsonstat", "yaml": "yaml"}
FORMAT_MUTATORS = {"csv": CSV_MUTATORS, "px": PX_MUTATORS, "jsonstat": JSON_MUTATORS, "yaml": YAML_MUTATORS}
# The families a case is drawn from, with their weights.
FAMILIES = [("csv", 3), ("xlsx", 3), ("docx", 3), ("px", 3), ("yaml", 3), ("jsonstat", 1), ("table", 1)]


def mutate(rng, fmt, data, pool):
    """A stack of 1-4 mutations: structure-aware ones mostly, byte-level ones otherwise.
    Returns (bytes, expanded size for archives or None, the names of the mutations)."""
    family = KIND[fmt]
    names, expanded = [], None
    if rng.random() < 0.05:
        data = m_replace_seed(rng, data, pool, family)
        names.append("replace-seed")
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        if family in ("xlsx", "docx"):
            if rng.random() < 0.8:
                data, size = m_zip(rng, data, pool)
                expanded = size if size is not None else expanded
                names.append("zip")
                continue
            expanded = None  # the bytes of the archive changed under its parts
        if family in FORMAT_MUTATORS and rng.random() < 0.6:
            mutator = rng.choice(FORMAT_MUTATORS[family])
        else:
            mutator = rng.choice(BYTE_MUTATORS)
        if mutator is m_splice:
            data = m_splice(rng, data, pool, family if rng.random() < 0.8 else None)
        else:
            data = mutator(rng, data, pool)
        names.append(mutator.__name__[2:])
    return data, expanded, names


def choose_command(rng, fmt, target, config):
    if fmt in ("px", "jsonstat", "table-csv", "table-xlsx"):
        r = rng.random()
        if r < 0.4:
            return ["inspect", target]
        if r < 0.5:
            return ["validate", "--config", config]
        return ["run", "--force", "--config", config]
    r = rng.random()
    if r < 0.2:
        return ["validate", "--config", config]
    if r < 0.3:
        return ["validate", "--json", "--config", config]
    if r < 0.35:
        return ["run", "--force", "--verbose", "--dump-model", "model.json", "--config", config]
    return ["run", "--force", "--config", config]


def make_case(seed, number, all_projects, pool):
    rng = random.Random(f"{seed}:{number}")
    family = rng.choices([f for f, _ in FAMILIES], weights=[w for _, w in FAMILIES])[0]
    choices = [(p, path, fmt) for p in all_projects for path, fmt in p.targets if FAMILY[fmt] == family]
    project, target, fmt = rng.choice(choices)
    data, expanded, names = mutate(rng, fmt, project.files[target], pool)
    command = choose_command(rng, fmt, target, project.config)
    return {"number": number, "family": family, "format": fmt, "project": project, "target": target, "data": data,
            "expanded": expanded, "mutations": names, "command": command}


def input_bytes(case):
    """The size the memory bound is stated against: the mutated file, or for an archive the
    larger of its bytes and its parts' bytes (as written, or as far as they inflate; a size the
    archive's directory declares can lie)."""
    data = case["data"]
    if case["expanded"] is not None:
        return max(len(data), case["expanded"])
    if KIND[case["format"]] in ("xlsx", "docx"):
        return max(len(data), inflated_size(data))
    return len(data)


def inflated_size(data, cap=256 << 20):
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                try:
                    with archive.open(info) as part:
                        while total < cap and (chunk := part.read(1 << 20)):
                            total += len(chunk)
                except Exception:  # noqa: BLE001 - a damaged part counts as far as it inflates
                    pass
    except Exception:  # noqa: BLE001
        pass
    return min(total, cap)


def write_project(folder, case):
    for relative, content in case["project"].files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case["data"] if relative == case["target"] else content)


GNU_TIME = "/usr/bin/time"


def gnu_time():
    try:
        version = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True, timeout=10)
        return "GNU" in version.stdout + version.stderr
    except (OSError, subprocess.SubprocessError):
        return False


def run_case(binary, folder, command, limit, use_time=True):
    """Runs the command in its own process group; returns (exit code, wall seconds, peak KiB,
    timed out, CPU seconds); a negative exit code is the signal that ended it.

    The peak comes from GNU time (`%M`) wrapped around the command: the kernel carries a
    process's peak RSS across exec, so a command forked straight from this (much larger) Python
    process would report the harness's own size. Without GNU time, os.wait4's ru_maxrss is used
    and may include it."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "LANG": "C.UTF-8", "TZ": "Europe/Helsinki"}
    measure = folder / ".time"
    argv = [GNU_TIME, "-o", str(measure), "-f", "%M %U %S", binary, *command] if use_time else [binary, *command]
    with open(folder / ".stdout", "wb") as out, open(folder / ".stderr", "wb") as err:
        start = time.monotonic()
        process = subprocess.Popen(argv, cwd=folder, env=env, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=err, start_new_session=True)
        pid = process.pid
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(limit, kill)
        timer.start()
        _, status, usage = os.wait4(pid, 0)
        wall = time.monotonic() - start
        timer.cancel()
        process.returncode = code = os.waitstatus_to_exitcode(status)
        try:  # anything the command left running in its group
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    if use_time and not timed_out.is_set():
        try:
            report = measure.read_text()
        except OSError:
            report = ""
        if signalled := re.search(r"Command terminated by signal (\d+)", report):
            code = -int(signalled.group(1))
        numbers = re.findall(r"(?m)^(\d+) ([\d.]+) ([\d.]+)\s*$", report)
        if numbers:
            peak, user, system = numbers[-1]
            peak, cpu = int(peak), float(user) + float(system)
    return code, wall, peak, timed_out.is_set(), cpu


REPORT_SUFFIXES = (".xlsx", ".csv", ".html")


def report_files(folder):
    """Files of the project that look like reports (wherever a mutated `outputs.folder` put them)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and p.suffix in REPORT_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)}


def published(folder, before):
    """The report files the run added to the project."""
    return sorted(report_files(folder) - before)


def judge(case, code, wall, peak_kib, timed_out, reports, options):
    """The case's failures, as (kind, one line) pairs."""
    problems = []
    bound_kib = (options.mem_base_mib * 1024) + options.mem_factor * case["input_bytes"] / 1024
    if timed_out:
        problems.append(("timeout", f"killed after {options.time_limit:.0f} s"))
    elif code < 0:
        problems.append(("crash", f"killed by signal {signal.Signals(-code).name}"))
    elif wall > options.time_limit:
        problems.append(("timeout", f"{wall:.1f} s"))
    if peak_kib > bound_kib:
        problems.append(("memory", f"peak {peak_kib / 1024:.0f} MiB > bound {bound_kib / 1024:.0f} MiB "
                                   f"(input {case['input_bytes']:,} bytes)"))
    if code >= 0 and not timed_out:
        if code not in CONTRACT:
            problems.append(("exit-undocumented", f"exit {code} is not in docs/exit-codes.md"))
        elif code == UNEXPECTED:
            problems.append(("exit-70", "exit 70: an unexpected error (a fault in the program)"))
        elif code in ENVIRONMENT_ONLY and code not in options.allow_exit:
            problems.append(("exit-environment", f"exit {code}, a code the contract gives to the environment, "
                                                 "caused by input alone"))
        command = case["command"][0]
        if command == "run" and code in (2, 3) and reports:
            problems.append(("published-on-failure", f"exit {code} but {len(reports)} reports published"))
        if command == "run" and code in (0, 1) and not reports:
            problems.append(("nothing-published", f"exit {code} but no report in Output/"))
    return problems


def tail(path, lines=15, width=400):
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(line[:width] for line in text.splitlines()[-lines:])


def what_happened(stderr_text):
    """The line of standard error that says what went wrong: Swift's fatal error, else the
    program's own failure line, else the last line."""
    lines = [line.strip() for line in stderr_text.splitlines() if line.strip()]
    for pattern in (r"Fatal error|fatalError|Precondition failed|Assertion failed", r"^tilanne: ", r"virhe \[|fel \["):
        found = [line for line in lines if re.search(pattern, line)]
        if found:
            return found[-1][:300]
    return lines[-1][:300] if lines else ""


def signature(result):
    """Failures with the same kind and message (numbers, paths and quoted texts blurred) are one finding."""
    text = re.sub(r"/\S+", "PATH", result.get("what", ""))
    text = re.sub(r"\"[^\"]*\"|'[^']*'", "TEXT", text)
    text = re.sub(r"\d[\d,. ]*", "N", text)
    return f"{result['problems'][0][0]}: {text[:160]}"


def save_failure(options, case, folder, result):
    target = options.work / "failures" / f"case-{case['number']:06d}-{result['problems'][0][0]}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(folder, target, symlinks=True, ignore=shutil.ignore_patterns("Output", "State"))
    command = " ".join(shlex_quote(c) for c in case["command"])
    (target / "replay.sh").write_text(
        "#!/bin/sh\n# Replays this case: ./replay.sh [binary]\n"
        f"cd \"$(dirname \"$0\")\" && rm -rf Output State && exec \"${{1:-{options.binary}}}\" {command}\n")
    (target / "replay.sh").chmod(0o755)
    record = {k: v for k, v in result.items() if k != "stderr_tail"}
    record.update({"seed": options.seed, "target": case["target"], "project": case["project"].name,
                   "mutations": case["mutations"], "command": case["command"],
                   "stderr_tail": result["stderr_tail"]})
    (target / "failure.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return target


def shlex_quote(text):
    return text if re.fullmatch(r"[\w./=-]+", text) else "'" + text.replace("'", "'\\''") + "'"


def execute(options, case, scratch):
    folder = pathlib.Path(tempfile.mkdtemp(prefix=f"case-{case['number']}-", dir=scratch))
    try:
        write_project(folder, case)
        case["input_bytes"] = input_bytes(case)
        before = report_files(folder)
        code, wall, peak, timed_out, cpu = run_case(str(options.binary), folder, case["command"], options.time_limit,
                                                    options.use_time)
        reports = published(folder, before)
        problems = judge(case, code, wall, peak, timed_out, reports, options)
        result = {"case": case["number"], "family": case["family"], "format": case["format"],
                  "project": case["project"].name, "command": case["command"][0], "exit": code, "wall": wall, "cpu": cpu,
                  "peak_kib": peak, "input_bytes": case["input_bytes"], "timed_out": timed_out,
                  "problems": problems, "stderr_tail": tail(folder / ".stderr", lines=40) if problems else ""}
        if problems:
            stderr_text = (folder / ".stderr").read_bytes().decode("utf-8", errors="replace")
            result["what"] = what_happened(stderr_text)
            result["signature"] = signature(result)
        if problems:
            result["saved"] = str(save_failure(options, case, folder, result))
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The campaign
# ---------------------------------------------------------------------------------------------

def campaign(options):
    all_projects = projects()
    pool = seed_pool(all_projects)
    (options.work / "failures").mkdir(parents=True, exist_ok=True)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="tilanne-fuzz-"))
    results, lock = [], threading.Lock()
    counter = iter(range(options.first_case, 1 << 62))
    deadline = time.monotonic() + options.seconds
    started = time.monotonic()
    stop = threading.Event()

    def worker():
        while not stop.is_set() and time.monotonic() < deadline:
            with lock:
                number = next(counter)
                if options.cases and number >= options.first_case + options.cases:
                    return
            case = make_case(options.seed, number, all_projects, pool)
            result = execute(options, case, scratch)
            with lock:
                results.append(result)
                if result["problems"]:
                    kind, line = result["problems"][0]
                    print(f"FAIL case {number} [{case['format']} {case['target']} {result['command']}] {kind}: {line}"
                          f" | {result['what'][:160]} -> {result['saved']}", flush=True)
                elif options.verbose:
                    print(f"ok   case {number} [{case['format']} {result['command']}] exit {result['exit']} "
                          f"{result['wall']:.2f} s {result['peak_kib'] / 1024:.0f} MiB", flush=True)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(options.jobs)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.5)
    except KeyboardInterrupt:
        stop.set()
        for thread in threads:
            thread.join()
    elapsed = time.monotonic() - started
    shutil.rmtree(scratch, ignore_errors=True)
    return results, elapsed


def summary(options, results, elapsed):
    lines = []
    failures = [r for r in results if r["problems"]]
    lines.append(f"tilanne fuzz: seed {options.seed}, {len(results)} cases in {elapsed:.0f} s "
                 f"({len(results) / max(elapsed, 1e-9):.1f} runs/s, {options.jobs} jobs), binary {options.binary}")
    lines.append(f"bounds: wall {options.time_limit:.0f} s; peak RSS {options.mem_base_mib} MiB + "
                 f"{options.mem_factor} x input bytes; exit codes {sorted(CONTRACT - {UNEXPECTED})}, "
                 f"not 70, not {sorted(ENVIRONMENT_ONLY - set(options.allow_exit))} (environment only)")
    by_format = collections.Counter(r["format"] for r in results)
    failed_format = collections.Counter(r["format"] for r in failures)
    lines.append("cases per format: " + ", ".join(f"{f} {n} ({failed_format[f]} failed)" for f, n in sorted(by_format.items())))
    by_command = collections.Counter(r["command"] for r in results)
    lines.append("cases per command: " + ", ".join(f"{c} {n}" for c, n in sorted(by_command.items())))
    exits = collections.Counter("timeout" if r["timed_out"] else r["exit"] for r in results)
    lines.append("exit codes: " + ", ".join(f"{c}: {n}" for c, n in sorted(exits.items(), key=lambda kv: str(kv[0]))))
    if results:
        walls = sorted(r["wall"] for r in results)
        cpus = sorted(r["cpu"] for r in results)
        lines.append(f"wall s: median {walls[len(walls) // 2]:.2f}, max {walls[-1]:.2f}; "
                     f"CPU s: median {cpus[len(cpus) // 2]:.2f}, max {cpus[-1]:.2f}")
        peaks = sorted(r["peak_kib"] for r in results)
        lines.append(f"peak MiB: median {peaks[len(peaks) // 2] / 1024:.0f}, max {peaks[-1] / 1024:.0f}")
        lines.append(f"largest input: {max(r['input_bytes'] for r in results):,} bytes")
        lines.append("slowest: " + "; ".join(f"case {r['case']} {r['format']} {r['command']} {r['wall']:.2f} s"
                                               for r in sorted(results, key=lambda r: -r["wall"])[:3]))
        lines.append("most memory: " + "; ".join(
            f"case {r['case']} {r['format']} {r['command']} {r['peak_kib'] / 1024:.0f} MiB (input {r['input_bytes']:,} B)"
            for r in sorted(results, key=lambda r: -r["peak_kib"])[:3]))
    slow = [r for r in results if r.get("slow_under_load")]
    if slow:
        lines.append(f"slow under load (over {options.time_limit:.0f} s in the campaign, within it alone; not failures): "
                     + "; ".join(f"case {r['case']} {r['format']} {r['wall']:.1f} s, alone {r['rerun_wall']:.1f} s -> {r['saved']}"
                                 for r in slow))
    kinds = collections.Counter(r["problems"][0][0] for r in failures)
    lines.append(f"failures: {len(failures)}" + (" (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")" if failures else ""))
    groups = collections.defaultdict(list)
    for r in failures:
        groups[r["signature"]].append(r)
    lines.append(f"distinct failures: {len(groups)}")
    for key, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        first = members[0]
        formats = ", ".join(sorted({m["format"] for m in members}))
        lines.append(f"  {len(members)} x {key}")
        lines.append(f"      formats {formats}; e.g. case {first['case']} ({first['command']}, "
                     + "; ".join(t for _, t in first["problems"]) + f"): {first['what']}")
        lines.append(f"      saved: {first['saved']}")
    return "\n".join(lines)


def confirm_timeouts(options, results):
    """A machine shared with other work can push a run past the limit: each timed-out case runs
    once more, alone, and is judged again on that run (time, and the memory a killed run could
    not report). One that stays within the limit then is kept as `slow-under-load` (saved,
    listed, not a failure by time)."""
    for result in results:
        if "timeout" not in [kind for kind, _ in result["problems"]]:
            continue
        folder = pathlib.Path(result["saved"])
        record = json.loads((folder / "failure.json").read_text())
        scratch = pathlib.Path(tempfile.mkdtemp(prefix="tilanne-confirm-"))
        try:
            copy = scratch / "case"
            shutil.copytree(folder, copy)
            before = report_files(copy)
            code, wall, peak, timed_out, cpu = run_case(str(options.binary), copy, record["command"],
                                                        options.time_limit, options.use_time)
            alone = judge({"input_bytes": result["input_bytes"], "command": record["command"]},
                          code, wall, peak, timed_out, published(copy, before), options)
            what = what_happened((copy / ".stderr").read_bytes().decode("utf-8", errors="replace"))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        record["rerun_alone"] = {"exit": code, "wall": wall, "peak_kib": peak, "cpu": cpu, "timed_out": timed_out,
                                 "problems": alone, "what": what}
        result["rerun_wall"] = wall
        if not timed_out:
            result["problems"] = alone
            result["exit"], result["peak_kib"] = code, max(result["peak_kib"], peak)
            result["what"] = what
            if alone:
                result["signature"] = signature(result)
        if "timeout" not in [kind for kind, _ in alone]:
            result["slow_under_load"] = True
            record["slow_under_load"] = True
        record["problems_after_rerun"] = result["problems"]
        (folder / "failure.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def replay_check(options):
    """Runs one saved failure folder again and prints what happens now, judged as in a campaign."""
    folder = pathlib.Path(options.replay).resolve()
    record = json.loads((folder / "failure.json").read_text())
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="tilanne-replay-"))
    try:
        copy = scratch / "case"
        shutil.copytree(folder, copy)
        before = report_files(copy)
        code, wall, peak, timed_out, cpu = run_case(str(options.binary), copy, record["command"], options.time_limit,
                                                    options.use_time)
        alone = judge({"input_bytes": record["input_bytes"], "command": record["command"]},
                      code, wall, peak, timed_out, published(copy, before), options)
        print(f"{folder.name}: was exit {record['exit']} ({record['problems'][0][1]}); "
              f"now exit {code}, {wall:.2f} s, {peak / 1024:.0f} MiB{', timed out' if timed_out else ''}")
        print("now: " + ("; ".join(f"{kind}: {line}" for kind, line in alone) or "passes"))
        print(what_happened((copy / ".stderr").read_bytes().decode("utf-8", errors="replace")))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if alone else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", dest="binary", default=os.environ.get("TILANNE_BIN", str(ROOT / ".build" / "release" / "tilanne")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", 300)))
    parser.add_argument("--seed", default=os.environ.get("FUZZ_SEED", "13"))
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("FUZZ_JOBS", os.cpu_count() or 2)))
    parser.add_argument("--work", type=pathlib.Path, default=ROOT / "fuzz-work")
    parser.add_argument("--case", dest="first_case", type=int, default=0, help="the first case number (replay: --case N --cases 1)")
    parser.add_argument("--cases", type=int, default=0, help="stop after this many cases (0: until --seconds)")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--mem-base-mib", type=int, default=200)
    parser.add_argument("--mem-factor", type=float, default=20.0)
    parser.add_argument("--allow-exit", type=int, action="append", default=[],
                        help="accept this environment-only exit code as caused by input (repeatable)")
    parser.add_argument("--replay", help="a saved failure folder: run it again and show what happens")
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args(argv)
    options.binary = pathlib.Path(options.binary).resolve()
    if not options.binary.exists():
        parser.error(f"{options.binary} is missing: build it with `make build` or pass --bin / TILANNE_BIN")
    options.use_time = gnu_time()
    if not options.use_time:
        print(f"warning: {GNU_TIME} (GNU time, Debian package `time`) is missing: peak memory is taken from "
              "os.wait4 and may include the harness's own size", file=sys.stderr)
    if options.replay:
        return replay_check(options)
    results, elapsed = campaign(options)
    confirm_timeouts(options, results)
    text = summary(options, results, elapsed)
    print(text)
    options.work.mkdir(parents=True, exist_ok=True)
    (options.work / "summary.txt").write_text(text + "\n")
    with open(options.work / "results.jsonl", "w") as out:
        for r in results:
            out.write(json.dumps({k: v for k, v in r.items() if k != "stderr_tail"}) + "\n")
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
