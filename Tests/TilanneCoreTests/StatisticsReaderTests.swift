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
        PXReader(file: url.lastPathComponent, catalogue: catalogue).read(url) { .everything($0.dimensions.count) }
    }

    /// The value of the cell named by one code per dimension.
    static func value(_ cube: StatisticalCube, _ codes: [String]) -> CubeCell? {
        let categories = zip(cube.dimensions, codes).map { $0.codes.firstIndex(of: $1)! }
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
        let cube = PXReader(file: "v.px", catalogue: Self.catalogue).read(url) { header in
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
        let cube = JSONStatReader(file: "t.json", catalogue: Self.catalogue).read(Self.input("kuopio-tyollisyysaste.json")) {
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
        let cube = JSONStatReader(file: "a.json", catalogue: Self.catalogue).read(url) { .everything($0.dimensions.count) }
        #expect(Self.value(cube, ["KU297", "2022"])?.value == 72.4)
        #expect(Self.value(cube, ["KU297", "2023"])?.symbol == "..")
        #expect(Self.value(cube, ["SSS", "2023"])?.value == 73.9)
        #expect(cube.missingCount == 1)
    }

    @Test("Sotkanet CSV: decimal comma, BOM, rows chosen by region and gender")
    func sotkanet() throws {
        let cube = LongTableReader(file: "s.csv", catalogue: Self.catalogue, limits: .default, language: .fi)
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
        let cube = LongTableReader(file: "w.csv", catalogue: Self.catalogue, limits: .default, language: .fi)
            .read(url, columns: ["Alue"], timeColumn: nil, valueColumn: nil, sheet: nil)
        #expect(cube.diagnostics.isEmpty)
        #expect(cube.dimensions.map(\.codes) == [["Kuopio", "Koko maa"], ["2019", "2020", "2021"]])
        #expect(cube.dimensions[1].isTime)
        #expect(Self.value(cube, ["Kuopio", "2019"])?.value == 1_012_345)
        #expect(Self.value(cube, ["Kuopio", "2021"])?.symbol == "..")
        #expect(Self.value(cube, ["Koko maa", "2021"])?.value == 17_300_000)
    }
}
