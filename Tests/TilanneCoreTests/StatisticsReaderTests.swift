import Foundation
import Testing
@testable import TilanneCore

/// The statistics readers on real StatFin PX files and on files shaped as the services
/// publish them: the values read must be the ones in the file, missing ones stay missing.
@Suite("Ingest: PX, JSON-stat and long tables")
struct StatisticsReaderTests {
    static func statfin(_ name: String) -> URL { TestSupport.fixtures.appendingPathComponent("statistics/statfin/\(name)") }
    static func input(_ name: String) -> URL { TestSupport.repositoryRoot.appendingPathComponent("Input/mittarit/\(name)") }
    static let catalogue = MessageCatalogue(language: .fi)

    static func readAll(_ url: URL) -> StatisticalCube {
        PXReader(file: url.lastPathComponent).read(url) { .everything($0.dimensions.count) }
    }

    /// The value of the cell named by one code per dimension.
    static func value(_ cube: StatisticalCube, _ codes: [String]) -> CubeCell? {
        guard cube.dimensions.count == codes.count else { return nil }
        var categories: [Int] = []
        for (dimension, code) in zip(cube.dimensions, codes) {
            guard let category = dimension.codes.firstIndex(of: code) else { return nil }
            categories.append(category)
        }
        return cube.cells[cube.index(of: categories)]
    }

    @Test("StatFin job vacancies (ISO-8859-15, content variable): values by code, units and labels in fi, sv and en")
    func jobVacancies() throws {
        let cube = Self.readAll(Self.statfin("statfin_atp_pxt_11n3.px"))
        #expect(cube.diagnostics.isEmpty, "\(cube.diagnostics.map { $0.message(.fi) })")
        #expect(cube.dimensions.map(\.name) == ["Tiedot", "Vuosi"])
        #expect(cube.cellCount == 55 && cube.missingCount == 0)
        // Stub-major order, the last heading variable fastest: row 1 is atp_lkm 2013…2023.
        #expect(Self.value(cube, ["atp_lkm", "2013"])?.value == 29500)
        #expect(Self.value(cube, ["atp_lkm", "2023"])?.value == 54500)
        #expect(Self.value(cube, ["atp_vaik", "2022"])?.value == 41700)
        #expect(Self.value(cube, ["atp_osa", "2019"])?.value == 8300)
        let content = cube.dimensions[0]
        #expect(content.isContent && cube.dimensions[1].isTime)
        #expect(content.labels["fi"]?[3] == "Määräaikaiset avoimet työpaikat")
        #expect(content.labels["sv"]?[1] == "Obesatta lediga arbetsplatser")
        #expect(content.labels["en"]?[4] == "Hard-to-fill vacancies")
        #expect(content.units[0] == ["fi": "Lukumäärä", "sv": "Antal", "en": "Number"])
        #expect(content.lastUpdated[0] == "20240220 08:00")
        #expect(cube.dimensions[1].names == ["fi": "Vuosi", "sv": "År", "en": "Year"])
        #expect(cube.title["sv"] == "Lediga arbetsplatser efter Uppgifter och År")
    }

    @Test("StatFin price index: the \".\" of 2009's annual change stays missing, never zero")
    func missingSymbolStaysMissing() throws {
        let cube = Self.readAll(Self.statfin("statfin_kihi_pxt_141f.px"))
        #expect(cube.missingCount == 1)
        let missing = Self.value(cube, ["2009", "vmuut"])
        #expect(missing?.value == nil)
        #expect(missing?.symbol == ".")
        #expect(Self.value(cube, ["2009", "ketjutettu_lv"])?.value == 101.9)
        #expect(Self.value(cube, ["2010", "vmuut"])?.value == -1.8)
        #expect(Self.value(cube, ["2023", "vmuut"])?.value == 2)
        #expect(cube.dimensions[1].units[1]["sv"] == "%")
    }

    @Test("StatFin building permits (UTF-8, monthly TLIST): negative decimals, month codes")
    func monthlyUTF8() throws {
        let cube = Self.readAll(Self.statfin("statfin_ras_pxt_13m4.px"))
        #expect(cube.diagnostics.isEmpty)
        #expect(cube.dimensions[0].isTime && cube.dimensions[0].codes.first == "2023M08")
        #expect(Self.value(cube, ["2023M08", "alk_muutos"])?.value == -69.7)
        #expect(Self.value(cube, ["2024M07", "alk_muutos_revisio"])?.value == 0.6)
        #expect(cube.dimensions[1].labels["sv"]?[2] == "Revidering, procentenhet")
    }

    @Test("StatFin time use (2006, two stub variables): declared ISO-8859-15 but Windows-1252 dashes are noticed")
    func wrongDeclaredEncoding() throws {
        let cube = Self.readAll(Self.statfin("statfin_akay_pxt_013.px"))
        #expect(cube.diagnostics.map(\.code) == [.statisticsEncodingMismatch])
        #expect(cube.diagnostics.first?.arguments == ["iso-8859-15", "windows-1252"])
        #expect(cube.dimensions.map(\.name) == ["Väestöryhmä", "Vuosi", "Tieto"])
        #expect(cube.dimensions[0].labels["sv"]?[3] == "10–14 år")
        #expect(cube.dimensions[0].labels["fi"]?[0] == "10 vuotta täyttäneet yhteensä")
        // Row "Naiset, 2017" is the 12th line of DATA: 45 55 100 3652.
        #expect(Self.value(cube, ["2", "2017", "lkm"])?.value == 3652)
        #expect(Self.value(cube, ["65-", "2017", "1"])?.value == 35)
        #expect(cube.dimensions[1].isTime) // found by its name: the file has no TIMEVAL
    }

    @Test("A PX file saved as UTF-8 that still says iso-8859-15 is read as UTF-8, with a note")
    func utf8UnderLatinLabel() throws {
        let folder = try TestSupport.temporaryFolder()
        let original = try String(contentsOf: Self.statfin("statfin_atp_pxt_11n3.px"), encoding: .isoLatin1)
        let url = folder.appendingPathComponent("resaved.px")
        try original.write(to: url, atomically: true, encoding: .utf8)
        let cube = Self.readAll(url)
        #expect(cube.diagnostics.map(\.code) == [.statisticsEncodingMismatch])
        #expect(cube.dimensions[0].labels["fi"]?[4] == "Vaikeasti täytettävät avoimet työpaikat")
    }

    @Test("A query keeps only the chosen cells; the count still covers the whole table")
    func queryKeepsChosenCells() throws {
        let url = Self.input("kuopio-vaesto.px")
        let cube = PXReader(file: "v.px").read(url) { header in
            CubeQuery(categories: [[header.dimensions[0].codes.firstIndex(of: "KU297")!], [0], nil])
        }
        #expect(cube.cells.count == 7)
        #expect(cube.cellCount == 35)
        #expect(cube.missingCount == 7) // Maaninka's "." in every year
        #expect(Self.value(cube, ["KU297", "vaesto", "2023"])?.value == 124025)
        #expect(cube.dimensions[0].labels["sv"]?[0] == "HELA LANDET")
    }

    @Test("A DATA section shorter than the table is refused, not read into the wrong cells")
    func shortData() throws {
        let folder = try TestSupport.temporaryFolder()
        var text = try String(contentsOf: Self.statfin("statfin_ras_pxt_13m4.px"), encoding: .utf8)
        text = text.replacingOccurrences(of: "8.3 8.9 0.6; ", with: "8.3 8.9; ")
        let url = folder.appendingPathComponent("short.px")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let cube = Self.readAll(url)
        #expect(cube.damaged)
        #expect(cube.diagnostics.map(\.code) == [.statisticsCellCount])
        #expect(cube.diagnostics.first?.arguments.prefix(2) == ["35", "36"])
    }

    @Test("A PX header that is not closed is a finding with its line")
    func brokenHeader() throws {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent("broken.px")
        try "CHARSET=\"ANSI\";\nSTUB=\"Alue\";\nVALUES(\"Alue\")=\"Kuopio;\nDATA=\n1;\n".write(to: url, atomically: true, encoding: .utf8)
        let cube = Self.readAll(url)
        #expect(cube.damaged)
        #expect(cube.diagnostics.first?.code == .statisticsSyntax)
    }

    @Test("JSON-stat 2.0: index as an object in shuffled key order, sparse values, a status for the missing year")
    func jsonStat() throws {
        let cube = JSONStatReader(file: "t.json").read(Self.input("kuopio-tyollisyysaste.json")) {
            .everything($0.dimensions.count)
        }
        #expect(cube.diagnostics.isEmpty)
        #expect(cube.dimensions[0].codes == ["KU297", "SSS"]) // by position, not by key order
        #expect(cube.dimensions[1].isTime && cube.dimensions[2].isContent)
        #expect(Self.value(cube, ["KU297", "2022", "tyollisyysaste"])?.value == 72.4)
        #expect(Self.value(cube, ["SSS", "2018", "tyollisyysaste"])?.value == 71.7)
        let missing = Self.value(cube, ["KU297", "2023", "tyollisyysaste"])
        #expect(missing?.value == nil && missing?.symbol == "..")
        #expect(cube.dimensions[2].units[0]["fi"] == "%")
    }

    @Test("JSON-stat 2.0 with an index array and a value array with nulls gives the same cells")
    func jsonStatArrays() throws {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent("arrays.json")
        try """
        {"version":"2.0","class":"dataset","id":["Alue","Vuosi"],"size":[2,2],
         "dimension":{"Alue":{"category":{"index":["KU297","SSS"]}},"Vuosi":{"category":{"index":["2022","2023"]}}},
         "value":[72.4,null,74.0,73.9],"status":[null,"..",null,null]}
        """.write(to: url, atomically: true, encoding: .utf8)
        let cube = JSONStatReader(file: "a.json").read(url) { .everything($0.dimensions.count) }
        #expect(Self.value(cube, ["KU297", "2022"])?.value == 72.4)
        #expect(Self.value(cube, ["KU297", "2023"])?.symbol == "..")
        #expect(Self.value(cube, ["SSS", "2023"])?.value == 73.9)
        #expect(cube.missingCount == 1)
    }

    @Test("Sotkanet CSV: decimal comma, BOM, rows chosen by region and gender")
    func sotkanet() throws {
        let cube = LongTableReader(file: "s.csv", limits: .default, language: .fi)
            .read(Self.input("sotkanet-tyottomyys.csv"), columns: ["Alue", "Sukupuoli"], timeColumn: nil, valueColumn: nil, sheet: nil)
        #expect(cube.diagnostics.isEmpty)
        #expect(cube.dimensions.map(\.name) == ["Alue", "Sukupuoli", "Vuosi"])
        #expect(Self.value(cube, ["Kuopio", "Yhteensä", "2020"])?.value == 13.4)
        #expect(Self.value(cube, ["Koko maa", "Yhteensä", "2023"])?.value == 9.4)
        // Koko maa has no 2017 and 2018 rows: those cells are missing, not zero.
        #expect(Self.value(cube, ["Koko maa", "Yhteensä", "2017"]) == nil)
    }

    @Test("Numbers as Finns write them", arguments: [
        ("1 234,5", 1234.5), ("7,8", 7.8), ("-3.2", -3.2), ("12 %", 12), ("1\u{00A0}000", 1000), ("\u{2212}4,5", -4.5),
    ])
    func finnishNumbers(text: String, expected: Double) {
        #expect(StatisticsNumber.cell(text).value == expected)
    }

    @Test("Missing-value symbols are never numbers", arguments: ["..", ".", "...", "-", ""])
    func symbols(text: String) {
        #expect(StatisticsNumber.cell(text).value == nil)
    }
}

extension StatisticsReaderTests {
    @Test("A file read whole is not marked damaged", arguments: ["statfin_atp_pxt_11n3.px", "statfin_kihi_pxt_141f.px"])
    func readableIsNotDamaged(name: String) {
        #expect(!Self.readAll(Self.statfin(name)).damaged)
    }
}

extension StatisticsReaderTests {
    @Test("A wide table (a column per year, as coordinators type it) reads as the same series")
    func wideTable() throws {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent("leveä.csv")
        try "Kuopion matkailu\r\nAlue;2019;2020;2021\r\nKuopio;1 012 345;612 000;..\r\nKoko maa;23 100 000;14 800 000;17 300 000\r\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let cube = LongTableReader(file: "w.csv", limits: .default, language: .fi)
            .read(url, columns: ["Alue"], timeColumn: nil, valueColumn: nil, sheet: nil)
        #expect(cube.diagnostics.isEmpty)
        #expect(cube.dimensions.map(\.codes) == [["Kuopio", "Koko maa"], ["2019", "2020", "2021"]])
        #expect(cube.dimensions[1].isTime)
        #expect(Self.value(cube, ["Kuopio", "2019"])?.value == 1_012_345)
        #expect(Self.value(cube, ["Kuopio", "2021"])?.symbol == "..")
        #expect(Self.value(cube, ["Koko maa", "2021"])?.value == 17_300_000)
    }
}

/// PX as Statistics Finland writes it, per the PX specification kept in PxTools/Px.Utils
/// (`docs/PXFILE_SPECIFICATION.md`): real files from that repository and one variant of them,
/// see `Fixtures/statistics/pxtools/README.md`.
extension StatisticsReaderTests {
    static func pxtools(_ name: String) -> URL { TestSupport.fixtures.appendingPathComponent("statistics/pxtools/\(name)") }

    static func write(_ text: String, as name: String) throws -> URL {
        let url = try TestSupport.temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("PxTools: StatFin 11wv (UTF-8, content units, two-key PRECISION) reads whole, with no finding")
    func pxtoolsCulture() throws {
        let cube = Self.readAll(Self.pxtools("statfin_klts_pxt_11wv.px"))
        #expect(cube.diagnostics.map(\.code) == [])
        #expect(!cube.damaged)
        #expect(cube.dimensions.map(\.name) == ["Tiedot", "Vuosi"])
        #expect(cube.cellCount == 45 && cube.missingCount == 0 && cube.cells.count == 45)
        #expect(Self.value(cube, ["klts010", "2008"])?.value == 170940)
        #expect(Self.value(cube, ["klts020", "2022"])?.value == 7112)
        #expect(Self.value(cube, ["klts030", "2020"])?.value == 2.9)
        #expect(cube.dimensions[0].units[2] == ["fi": "%", "sv": "%", "en": "%"])
        #expect(cube.dimensions[0].units[0] == ["fi": "Miljoonaa euroa", "sv": "Miljoner euro", "en": "Million euros"])
        #expect(cube.dimensions[0].lastUpdated == ["20240508 08:00", "20240508 08:00", "20240508 08:00"])
        #expect(cube.dimensions[1].isTime && cube.dimensions[1].names == ["fi": "Vuosi", "sv": "År", "en": "Year"])
        #expect(cube.source["sv"] == "Statistikcentralen, satelliträkenskaper för kultur")
    }

    @Test("PxTools: a content's PRECISION in the two-key form is read")
    func pxtoolsPrecision() throws {
        let cube = Self.readAll(Self.pxtools("statfin_klts_pxt_11wv.px"))
        #expect(cube.dimensions[0].precision == [nil, nil, 1])
    }

    @Test("PxTools: StatFin 122q (ISO-8859-15, the content variable in the heading) reads whole, with no finding")
    func pxtoolsConsumerPrices() throws {
        let cube = Self.readAll(Self.pxtools("statfin_khi_pxt_122q.px"))
        #expect(cube.diagnostics.map(\.code) == [])
        #expect(cube.dimensions.map(\.name) == ["Vuosi", "Tiedot"])
        #expect(cube.cellCount == 44 && cube.missingCount == 0)
        #expect(Self.value(cube, ["1980", "Vuosimuutos"])?.value == 11.6)
        #expect(Self.value(cube, ["2009", "Vuosimuutos"])?.value == 0)
        #expect(Self.value(cube, ["2015", "Vuosimuutos"])?.value == -0.2)
        #expect(Self.value(cube, ["2023", "Vuosimuutos"])?.value == 6.2)
        #expect(cube.dimensions[1].labels["sv"] == ["Årsförändring (%)"])
        #expect(cube.dimensions[1].units[0] == ["fi": "%", "sv": "%", "en": "%"])
    }

    @Test("Keys tagged with the default language (STUB[fi]=) and two-key UNITS(\"Tiedot\",\"…\") read as the untagged file")
    func pxtoolsTagged() throws {
        let original = Self.readAll(Self.pxtools("statfin_klts_pxt_11wv.px"))
        let tagged = Self.readAll(Self.pxtools("statfin_klts_pxt_11wv-tagged.px"))
        #expect(tagged.diagnostics.map { $0.message(.fi) } == [])
        #expect(tagged.language == "fi" && tagged.languages == ["fi", "sv", "en"])
        #expect(tagged.dimensions == original.dimensions)
        #expect(tagged.cells == original.cells && tagged.cellCount == 45)
        #expect(tagged.title == original.title && tagged.units == original.units && tagged.source == original.source)
        #expect(tagged.dimensions.first?.units.dropFirst().first?["en"] == "Million euros")
    }

    @Test("LANGUAGE=\"no\" with every key tagged [no]: read in its own language, the English labels apart")
    func defaultLanguageTagged() throws {
        let url = try Self.write("""
        CHARSET="ANSI";
        CODEPAGE="utf-8";
        LANGUAGE="no";
        LANGUAGES="no","en";
        TITLE[no]="Folketall";
        TITLE[en]="Population";
        STUB[no]="Region";
        STUB[en]="Area";
        HEADING[no]="År";
        HEADING[en]="Year";
        VALUES[no]("Region")="Hele landet","Oslo";
        VALUES[en]("Area")="Whole country","Oslo";
        CODES[no]("Region")="0","301";
        VALUES[no]("År")="2022","2023";
        VALUES[en]("Year")="2022","2023";
        TIMEVAL[no]("År")=TLIST(A1),"2022","2023";
        UNITS[no]="personer";
        UNITS[en]="persons";
        DATA=
        5425270 5488984
        699827 709037;
        """, as: "no.px")
        let cube = Self.readAll(url)
        #expect(cube.diagnostics.map { $0.message(.fi) } == [])
        #expect(cube.language == "no" && cube.languages == ["no", "en"])
        #expect(cube.dimensions.map(\.name) == ["Region", "År"])
        #expect(cube.dimensions.first?.names == ["no": "Region", "en": "Area"])
        #expect(cube.dimensions.first?.codes == ["0", "301"])
        #expect(cube.dimensions.first?.labels == ["no": ["Hele landet", "Oslo"], "en": ["Whole country", "Oslo"]])
        #expect(cube.dimensions.last?.isTime == true)
        #expect(cube.units == ["no": "personer", "en": "persons"])
        #expect(cube.title["en"] == "Population")
        #expect(Self.value(cube, ["301", "2023"])?.value == 709037)
    }

    @Test("UNITS(\"Tiedot\",\"Väkiluku\") without a language tag is the content's own unit")
    func twoKeyUnits() throws {
        let url = try Self.write("""
        CHARSET="ANSI";
        CODEPAGE="utf-8";
        LANGUAGE="fi";
        LANGUAGES="fi","sv";
        STUB="Tiedot";
        STUB[sv]="Uppgifter";
        HEADING="Vuosi";
        HEADING[sv]="År";
        CONTVARIABLE="Tiedot";
        VALUES("Tiedot")="Väkiluku","Työttömyysaste";
        VALUES[sv]("Uppgifter")="Folkmängd","Arbetslöshetsgrad";
        VALUES("Vuosi")="2023";
        VALUES[sv]("År")="2023";
        UNITS("Tiedot","Väkiluku")="henkilöä";
        UNITS[sv]("Uppgifter","Folkmängd")="personer";
        UNITS("Tiedot","Työttömyysaste")="%";
        UNITS[sv]("Uppgifter","Arbetslöshetsgrad")="%";
        LAST-UPDATED("Tiedot","Väkiluku")="20240320 08:00";
        PRECISION("Tiedot","Työttömyysaste")=1;
        DATA=
        124025
        10.9;
        """, as: "units.px")
        let cube = Self.readAll(url)
        #expect(cube.diagnostics.map { $0.message(.fi) } == [])
        #expect(cube.dimensions.first?.units == [["fi": "henkilöä", "sv": "personer"], ["fi": "%", "sv": "%"]])
        #expect(cube.dimensions.first?.lastUpdated == ["20240320 08:00", nil])
    }

    @Test("Every PX syntax finding names its line", arguments: [
        // No STUB or HEADING: where DATA= starts, the latest place they could be.
        ("CHARSET=\"ANSI\";\nVALUES(\"Alue\")=\"Kuopio\";\nDATA=\n1;\n", 3),
        // A variable without VALUES: the STUB that names it.
        ("CHARSET=\"ANSI\";\nLANGUAGE=\"fi\";\nSTUB=\"Alue\";\nDATA=\n1;\n", 3),
        // CODES and VALUES of different lengths: the CODES.
        ("STUB=\"Alue\";\nVALUES(\"Alue\")=\"Kuopio\",\"Oulu\";\n\nCODES(\"Alue\")=\"297\";\nDATA=\n1 2;\n", 4),
        // No DATA= at all: the end of the file.
        ("STUB=\"Alue\";\nVALUES(\"Alue\")=\"Kuopio\";\n", 3),
        // A text never closed: where it opens.
        ("CHARSET=\"ANSI\";\nSTUB=\"Alue\";\nVALUES(\"Alue\")=\"Kuopio;\nDATA=\n1;\n", 3),
        // Without "=" after a keyword.
        ("CHARSET=\"ANSI\";\nSTUB \"Alue\";\nDATA=\n1;\n", 2),
    ])
    func syntaxFindingsHaveLines(text: String, line: Int) throws {
        let cube = Self.readAll(try Self.write(text, as: "broken.px"))
        #expect(cube.damaged)
        #expect(cube.diagnostics.map(\.code) == [.statisticsSyntax])
        #expect(cube.diagnostics.first?.location?.row == line)
        #expect(cube.diagnostics.first?.arguments.first == .text("\(line)"))
        #expect(cube.diagnostics.first?.message(.fi).hasPrefix("Tilastotiedosto on rikki (rivi \(line)): ") == true, "\(cube.diagnostics.map { $0.message(.fi) })")
    }

    @Test("KEYS (sparse PX) is refused at its line")
    func keysAtLine() throws {
        let cube = Self.readAll(try Self.write("STUB=\"Alue\";\nVALUES(\"Alue\")=\"Kuopio\";\nKEYS(\"Alue\")=VALUES;\nDATA=\n\"Kuopio\" 1;\n", as: "keys.px"))
        #expect(cube.diagnostics.map(\.code) == [.statisticsUnsupported])
        #expect(cube.diagnostics.first?.location?.row == 3)
    }

    @Test("A value that is not a number is located at its line in DATA")
    func badValueLine() throws {
        let cube = Self.readAll(try Self.write("STUB=\"Alue\";\nHEADING=\"Vuosi\";\nVALUES(\"Alue\")=\"A\",\"B\";\nVALUES(\"Vuosi\")=\"2022\",\"2023\";\nDATA=\n1 2\n3 x7;\n",
                                               as: "bad.px"))
        #expect(cube.diagnostics.map(\.code) == [.statisticsBadValue])
        #expect(cube.diagnostics.first?.location?.row == 7)
        #expect(cube.diagnostics.first?.arguments.first == "x7")
    }

    @Test("JSON-stat syntax findings name a line", arguments: [
        ("[1, 2]", 1),
        ("{\"version\":\"2.0\",\n\"id\":[\"Alue\"],\n\"size\":[1],\n\"dimension\":{},\n\"value\":[1]}", 4),
        ("{\"version\":\"2.0\",\n\"id\":[\"Alue\"],\n\"size\":[1],\n\"dimension\":{\"Alue\":{\"category\":{\"index\":[\"A\"]}}}}", 1),
    ])
    func jsonSyntaxLines(text: String, line: Int) throws {
        let url = try Self.write(text, as: "broken.json")
        let cube = JSONStatReader(file: "broken.json").read(url) { .everything($0.dimensions.count) }
        #expect(cube.diagnostics.map(\.code) == [.statisticsSyntax])
        #expect(cube.diagnostics.first?.location?.row == line)
        #expect(cube.diagnostics.first?.arguments.first == .text("\(line)"))
    }

    @Test("JSON that does not parse names a line")
    func jsonNotParsedHasLine() throws {
        let url = try Self.write("{\"id\": [\"Alue\"],\n \"size\": [1,\n}", as: "bad.json")
        let cube = JSONStatReader(file: "bad.json").read(url) { .everything($0.dimensions.count) }
        #expect(cube.diagnostics.map(\.code) == [.statisticsSyntax])
        let row = try #require(cube.diagnostics.first?.location?.row)
        #expect(row >= 1 && cube.diagnostics.first?.arguments.first == .text("\(row)"))
    }
}

/// `tilanne inspect` on tables: every code column with its codes (what `select:` needs), and
/// counts that add up.
extension StatisticsReaderTests {
    @Test("Inspecting the shipped Sotkanet file lists every code column and counts that add up")
    func inspectSotkanet() {
        let inspection = StatisticsInspection.inspect(Self.input("sotkanet-tyottomyys.csv"), config: nil)
        let cube = inspection.cube
        #expect(cube.diagnostics.map { $0.message(.fi) } == [])
        #expect(cube.dimensions.map(\.name) == ["Indikaattori", "Alue", "Sukupuoli", "Vuosi"])
        #expect(cube.dimensions.map(\.codes).dropFirst().first == ["Kuopio", "Koko maa"])
        #expect(cube.dimensions.map(\.codes).dropFirst(2).first == ["Yhteensä"])
        #expect(cube.dimensions.last?.codes == ["2017", "2018", "2019", "2020", "2021", "2022", "2023"])
        // 1 × 2 × 1 × 7 cells: 12 rows with a value, Koko maa 2017 and 2018 not in the file.
        #expect(cube.cellCount == 14)
        #expect(inspection.values == 12 && inspection.missing == 2)
        #expect(inspection.missing >= 0 && inspection.values + inspection.missing == cube.cellCount)
    }

    @Test("Inspecting a table with a repeated row counts the cell once and says where")
    func inspectDuplicateRow() throws {
        let url = try Self.write("Alue;Vuosi;Arvo\nKuopio;2022;1\nKuopio;2023;2\nKuopio;2023;3\n", as: "dup.csv")
        let inspection = StatisticsInspection.inspect(url, config: nil)
        #expect(inspection.cube.diagnostics.map(\.code) == [.statisticsDuplicateCell])
        #expect(inspection.cube.diagnostics.first?.location?.row == 4)
        #expect(inspection.cube.cellCount == 2 && inspection.values == 2 && inspection.missing == 0)
        #expect(inspection.sum == 3)
    }

    @Test("Inspecting a wide table lists its code columns; the year columns are the time")
    func inspectWide() throws {
        let url = try Self.write("Alue;Mittari;2019;2020\nKuopio;matkailijat;10;..\nOulu;matkailijat;7;8\n", as: "wide.csv")
        let inspection = StatisticsInspection.inspect(url, config: nil)
        #expect(inspection.cube.diagnostics.map { $0.message(.fi) } == [])
        #expect(inspection.cube.dimensions.map(\.name) == ["Alue", "Mittari", "Vuosi"])
        #expect(inspection.cube.cellCount == 4 && inspection.values == 3 && inspection.missing == 1)
    }
}
