#!/usr/bin/env python3
"""Writes the variants of statfin_klts_pxt_11wv.px that exercise the optional parts of the PX
specification (PxTools/Px.Utils docs/PXFILE_SPECIFICATION.md) the original file does not use:

- statfin_klts_pxt_11wv-tagged.px: every language-dependent key of the default language tagged
  with it (`STUB[fi]=`, `VALUES[fi]("Tiedot")=`): "specifying it in the key is optional";
  and the content's UNITS and LAST-UPDATED in the two-specifier form the specification
  recommends (`UNITS[fi]("Tiedot","…")=`).

The values and texts are the original file's; only the keys change. Run from this folder."""
import re

LANGUAGE_FREE = {"CHARSET", "AXIS-VERSION", "CODEPAGE", "LANGUAGE", "LANGUAGES", "CREATION-DATE", "NEXT-UPDATE",
                 "TABLEID", "DECIMALS", "SHOWDECIMALS", "MATRIX", "SUBJECT-CODE", "COPYRIGHT", "OFFICIAL-STATISTICS",
                 "DATA"}
CONTENT = {None: "Tiedot", "fi": "Tiedot", "sv": "Uppgifter", "en": "Information"}
KEY = re.compile(r'^([A-Z][A-Z0-9-]*)(\[([a-z]+)\])?(\("[^"]*"(?:,"[^"]*")?\))?=')


def tagged(line):
    match = KEY.match(line)
    if not match:
        return line  # a continued text or a data row
    keyword, language, specifier = match.group(1), match.group(3), match.group(4)
    if keyword in ("UNITS", "LAST-UPDATED") and specifier and '","' not in specifier:
        specifier = '("%s",%s' % (CONTENT[language], specifier[1:])
    if keyword not in LANGUAGE_FREE and language is None:
        language = "fi"
    key = keyword + (f"[{language}]" if language else "") + (specifier or "")
    return key + "=" + line[match.end():]


with open("statfin_klts_pxt_11wv.px", encoding="utf-8", newline="") as source:
    lines = source.read().split("\n")
with open("statfin_klts_pxt_11wv-tagged.px", "w", encoding="utf-8", newline="") as target:
    target.write("\n".join(tagged(line) for line in lines))
