#!/usr/bin/env python3
"""Makes the committed hostile-file fixtures: workbooks and documents built byte by byte with
Python's zipfile, the way an attacker or a broken export would, each small on disk.

  bomb.xlsx             a sheet that expands to 64 MiB of whitespace (tests set the limit to 16 MB)
  bomb-lying-size.xlsx  the same, with the ZIP headers claiming the sheet is 1,000 bytes
  escape.xlsx           a valid workbook plus an entry named ../../../tmp/tilanne-escape.txt
  laughs.xlsx           workbook.xml with a DTD defining nested entities ("billion laughs")
  xxe.docx              document.xml with an external entity pointing at /etc/passwd
  wide.xlsx             a sheet claiming A1:XFD1048576 with a cell in column XFD
  truncated.xlsx        the first half of a real workbook (made by openpyxl)
  renamed-csv.xlsx      the Kuopio CSV renamed to .xlsx
  old-binary.xlsx       an OLE2 (old .xls) header renamed to .xlsx
  values-1904.xlsx      not hostile: the 1904 date system, a boolean, an ISO date cell, a text
                        with an _x000D_ escape and a phonetic run, written as the standard allows
  inline-strings.xlsx   not hostile: inline strings and rows without r attributes, as some
                        reporting systems export them

Run from the repository root: python3 Tests/TilanneCoreTests/Fixtures/make_hostile_fixtures.py"""
import os
import struct
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "hostile")
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
os.makedirs(out, exist_ok=True)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Tilanne" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
SHEET_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
HEADER = ["Painopiste", "Tavoite nro", "Tavoite", "Sitova tavoite TA2021", "Toimenpiteet 2018-2021 (-2022)",
          "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]
ROW = ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ", "1", "Osaavan työvoiman saannin turvaaminen", "",
       "Muuttajapalvelujen kehittäminen", "Future Savo", "Elinvoima- ja konsernipalvelut", "+", "Sivusto käytössä."]


def inline_row(cells, number=None):
    r = f' r="{number}"' if number else ""
    return f"<row{r}>" + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in cells if True) + "</row>"


def workbook(path, sheet_xml, workbook_xml=WORKBOOK, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook_xml)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        if isinstance(sheet_xml, str):
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        else:
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=False) as f:
                for chunk in sheet_xml:
                    f.write(chunk)
        for name, data in extra:
            z.writestr(name, data)


def normal_sheet():
    return SHEET_HEAD + "<sheetData>" + inline_row(HEADER) + inline_row(ROW) + "</sheetData></worksheet>"


def bomb_chunks(megabytes):
    yield (SHEET_HEAD + "<sheetData>").encode()
    spaces = b" " * (1024 * 1024)
    for _ in range(megabytes):
        yield spaces
    yield b"</sheetData></worksheet>"


def lie_about_size(path, member, claimed):
    """Rewrites the uncompressed size of `member` in its local header and central directory."""
    data = bytearray(open(path, "rb").read())
    name = member.encode()
    offset = 0
    while True:
        offset = data.find(b"PK\x03\x04", offset)
        if offset < 0:
            break
        name_length = struct.unpack_from("<H", data, offset + 26)[0]
        if data[offset + 30:offset + 30 + name_length] == name:
            struct.pack_into("<I", data, offset + 22, claimed)
        offset += 4
    offset = 0
    while True:
        offset = data.find(b"PK\x01\x02", offset)
        if offset < 0:
            break
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46:offset + 46 + name_length] == name:
            struct.pack_into("<I", data, offset + 24, claimed)
        offset += 4
    open(path, "wb").write(data)


workbook(os.path.join(out, "bomb.xlsx"), bomb_chunks(64))
workbook(os.path.join(out, "bomb-lying-size.xlsx"), bomb_chunks(64))
lie_about_size(os.path.join(out, "bomb-lying-size.xlsx"), "xl/worksheets/sheet1.xml", 1000)
workbook(os.path.join(out, "escape.xlsx"), normal_sheet(), extra=[("../../../tmp/tilanne-escape.txt", "escaped")])
laughs = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="&lol4;" sheetId="1" r:id="rId1"/></sheets></workbook>"""
workbook(os.path.join(out, "laughs.xlsx"), normal_sheet(), workbook_xml=laughs)
with zipfile.ZipFile(os.path.join(out, "xxe.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("word/document.xml", """<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>""")
wide = (SHEET_HEAD + '<dimension ref="A1:XFD1048576"/><sheetData>' + inline_row(HEADER, 1)
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="XFD2" t="inlineStr"><is><t>y</t></is></c></row>'
        + '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')
workbook(os.path.join(out, "wide.xlsx"), wide)
real = open(os.path.join(here, "office", "kuopio-flat-openpyxl.xlsx"), "rb").read()
open(os.path.join(out, "truncated.xlsx"), "wb").write(real[: len(real) // 2])
open(os.path.join(out, "renamed-csv.xlsx"), "wb").write(open(os.path.join(root, "Input", "kasvava-kuopio-tilanne-1-2024.csv"), "rb").read()[:4096])
open(os.path.join(out, "old-binary.xlsx"), "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
inline = SHEET_HEAD + "<sheetData>" + inline_row(["Kasvava Kuopio"]) + inline_row([]) + inline_row(HEADER) + inline_row(ROW) \
    + inline_row([c.replace("Muuttajapalvelujen", "Yrityspalvelujen") for c in ROW]) + "</sheetData></worksheet>"
workbook(os.path.join(out, "inline-strings.xlsx"), inline)
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-40B]d\\.m\\.yyyy;@"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>"""
values = (SHEET_HEAD + "<sheetData>"
          + '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c></row>'
          + '<row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" s="2"><v>43875.75</v></c></row>'
          + '<row r="3"><c r="A3" t="d"><v>2024-02-15T00:00:00</v></c><c r="C3"><v>0.1</v></c></row>'
          + '<row r="4"><c r="A4" t="inlineStr"><is><r><t>rivi_x000D_</t></r><r><t xml:space="preserve"> yksi</t></r>'
          + '<rPh sb="0" eb="1"><t>ruby</t></rPh></is></c></row>'
          + "</sheetData></worksheet>")
with zipfile.ZipFile(os.path.join(out, "values-1904.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("xl/workbook.xml", WORKBOOK.replace("<sheets>", '<workbookPr date1904="1"/><sheets>'))
    z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.replace("</Relationships>",
               '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>'))
    z.writestr("xl/styles.xml", STYLES)
    z.writestr("xl/worksheets/sheet1.xml", values)
for name in sorted(os.listdir(out)):
    print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")
