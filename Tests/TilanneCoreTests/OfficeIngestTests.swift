import Foundation
import Testing
@testable import TilanneCore

/// The Kuopio table as coordinators keep it: Excel workbooks and Word documents made by
/// LibreOffice, openpyxl and python-docx, each giving the same report as the CSV.
@Suite("Ingest: XLSX workbooks and DOCX tables")
struct OfficeIngestTests {
    static func csvModel() throws -> ReportModel { TestSupport.model(try TestSupport.kuopioConfig()).1 }

    static func config(_ file: URL, shape: TableShape = .flat, part: PartSelection? = nil) throws -> TilanneConfig {
        var config = try TestSupport.config(reading: file)
        config.sources[0].shape = shape
        config.sources[0].part = part
        if shape == .sectioned { TestSupport.makeSectioned(&config) }
        return config
    }

    func expectSameReport(_ config: TilanneConfig, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let csv = try Self.csvModel()
        let (programme, model) = TestSupport.model(config)
        #expect(programme.accounting.reported == 77, sourceLocation: sourceLocation)
        #expect(programme.accounting.rejected == 0, sourceLocation: sourceLocation)
        #expect(programme.accounting.isBalanced, sourceLocation: sourceLocation)
        let expected = TestSupport.essence(csv), actual = TestSupport.essence(model)
        for (index, pair) in zip(expected, actual).enumerated() where pair.0 != pair.1 {
            Issue.record("action \(index + 1) differs:\n  csv:  \(pair.0)\n  file: \(pair.1)", sourceLocation: sourceLocation)
            break
        }
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        #expect(model.totals == csv.totals, sourceLocation: sourceLocation)
        #expect(model.themes.map(\.title) == csv.themes.map(\.title), sourceLocation: sourceLocation)
        // The sectioned layout also names the binding goal's label (TA2021); the text is the same.
        #expect(model.themes.flatMap(\.goals).map(\.bindingGoal?.text) == csv.themes.flatMap(\.goals).map(\.bindingGoal?.text),
                sourceLocation: sourceLocation)
        #expect(model.themes.flatMap(\.goals).map(\.title) == csv.themes.flatMap(\.goals).map(\.title), sourceLocation: sourceLocation)
    }

    @Test("Sectioned workbook from LibreOffice (theme and goal rows merged, title rows, instructions sheet) = the CSV")
    func sectionedWorkbook() throws {
        try expectSameReport(try Self.config(TestSupport.office("kuopio-sectioned-libreoffice.xlsx"), shape: .sectioned,
                                             part: .named("Tilanne")))
    }

    @Test("Flat workbook from openpyxl (header on row 3, goals merged down, numbers, rich text) = the CSV")
    func flatWorkbook() throws {
        try expectSameReport(try Self.config(TestSupport.office("kuopio-flat-openpyxl.xlsx")))
    }

    @Test("Sectioned Word table from python-docx (gridSpan rows, paragraphs, nested table) = the CSV")
    func sectionedDocument() throws {
        let config = try Self.config(TestSupport.office("kuopio-sectioned-python-docx.docx"), shape: .sectioned)
        try expectSameReport(config)
        let programme = TestSupport.check(config)
        // Exactly the table's own findings, no other: the legend table before the status table has
        // no header row (skipped, and said so), the nested table, then the ten of the Kuopio table.
        #expect(ExpectedFindings.keys(besideFixtures: programme.diagnostics) == [
            "source.part-skipped@-", "table.nested@4", "goal.title-differs@22", "responsible.missing@60", "status.missing@61",
            "status.missing@62", "progress.unknown-code@69", "progress.unknown-code@70", "status.missing@71",
            "progress.unknown-code@72", "responsible.missing@73", "goal.title-differs@90",
        ])
        let skipped = programme.diagnostics.filter { $0.code == .partSkipped }
        #expect(skipped.first?.location?.table == 1)
        let nested = programme.diagnostics.filter { $0.code == .nestedTable }
        #expect(nested.count == 1)
        #expect(nested.first?.location?.table == 2)
        #expect(nested.first?.location?.compact == "Tests/TilanneCoreTests/Fixtures/office/kuopio-sectioned-python-docx.docx#2:4")
    }

    @Test("Flat Word table from LibreOffice Writer (theme and goal merged down with vMerge) = the CSV")
    func flatDocument() throws {
        try expectSameReport(try Self.config(TestSupport.office("kuopio-flat-libreoffice.docx")))
    }

    @Test("A programme kept in two workbooks, one per unit, is one report")
    func twoWorkbooks() throws {
        try expectSameReport(try Self.config(TestSupport.office("kuopio-theme-*-openpyxl.xlsx")))
    }

    @Test("A workbook finding names the sheet and the cell: Tilanne!H54")
    func workbookLocation() throws {
        let csv = TestSupport.check(try TestSupport.kuopioConfig())
        let xlsx = TestSupport.check(try Self.config(TestSupport.office("kuopio-flat-openpyxl.xlsx")))
        let csvUnknown = csv.diagnostics.filter { $0.code == .progressUnknown }
        let xlsxUnknown = xlsx.diagnostics.filter { $0.code == .progressUnknown }
        #expect(csvUnknown.map(\.location?.row) == [52, 53, 55])
        // Two title rows above the header move every row down by two.
        #expect(xlsxUnknown.map(\.location?.cellReference) == ["Tilanne!H54", "Tilanne!H55", "Tilanne!H57"])
        #expect(xlsxUnknown.first?.location?.compact == "Tests/TilanneCoreTests/Fixtures/office/kuopio-flat-openpyxl.xlsx:Tilanne!H54")
        #expect(xlsxUnknown.first?.location?.columnName == "Eteneminen")
    }

    @Test("The same action in two files is rejected with a finding that names both places")
    func duplicateAcrossFiles() throws {
        var config = try TestSupport.kuopioConfig()
        var second = config.sources[0]
        second.path = TestSupport.office("kuopio-flat-openpyxl.xlsx").path
        config.sources.append(second)
        let programme = TestSupport.check(config)
        let duplicates = programme.diagnostics.filter { $0.code == .actionDuplicate }
        #expect(duplicates.count == 77)
        #expect(programme.accounting.reported == 77)
        #expect(programme.accounting.rejected == 77)
        #expect(programme.accounting.isBalanced)
        let first = try #require(duplicates.first)
        #expect(first.location?.cellReference == "Tilanne!E4")
        #expect(first.message(.fi).contains("rivillä 2 (Input/kasvava-kuopio-tilanne-1-2024.csv)"), "\(first.message(.fi))")
    }

    @Test("Sheet selection: by name, by position, all sheets with the header; a missing sheet is named")
    func sheetSelection() throws {
        let file = TestSupport.office("kuopio-sectioned-libreoffice.xlsx")
        let byIndex = TestSupport.check(try Self.config(file, shape: .sectioned, part: .index(2)))
        #expect(byIndex.accounting.reported == 77)
        let all = TestSupport.check(try Self.config(file, shape: .sectioned, part: .all))
        #expect(all.accounting.reported == 77)
        #expect(ExpectedFindings.keys(besideFixtures: all.diagnostics) == [
            "source.part-skipped@-", "goal.title-differs@26", "responsible.missing@65", "status.missing@66", "status.missing@67",
            "progress.unknown-code@74", "progress.unknown-code@75", "status.missing@76", "progress.unknown-code@77",
            "responsible.missing@78", "goal.title-differs@96",
        ])
        #expect(ExpectedFindings.besideFixtures(all.diagnostics)[0].message(.fi).contains("Ohjeet"))
        let missing = TestSupport.check(try Self.config(file, shape: .sectioned, part: .named("Tilanne 2/2024")))
        #expect(ExpectedFindings.keys(besideFixtures: missing.diagnostics) == ["sheet.not-found@-"])
        let finding = try #require(ExpectedFindings.besideFixtures(missing.diagnostics).first)
        #expect(finding.severity == .error)
        #expect(finding.message(.fi).contains("\"Ohjeet\", \"Tilanne\""))
        // The first sheet holds only instructions: the missing headers are named.
        let first = TestSupport.check(try Self.config(file, shape: .sectioned))
        #expect(ExpectedFindings.keys(besideFixtures: first.diagnostics) == Array(repeating: "source.header-not-found@1", count: 5))
    }

    @Test("Cell values as the cell shows them: dates, decimals, booleans, cached formula values, errors")
    func cellValues() throws {
        let reader = try WorkbookReader(url: TestSupport.office("cell-values-libreoffice.xlsx"), limits: .default, language: .fi)
        let content = try reader.read(reader.sheets[0])
        let values = Dictionary(uniqueKeysWithValues: content.records.dropFirst().map { ($0.cells[0], $0.cells[1]) })
        #expect(values["päivämäärä"] == "15.2.2024")
        // LibreOffice counts days before 1.3.1900 from its own epoch and wrote 16 for 15.1.1900;
        // Excel, whose convention a workbook follows, shows serial 16 as 16.1.1900, and so do we.
        #expect(values["vanha päivämäärä"] == "16.1.1900")
        #expect(values["kokonaisluku"] == "13")
        #expect(values["desimaali"] == "7,8")
        #expect(values["kaava"] == "12")
        #expect(values["tekstikaava"] == "a+b")
        #expect(values["virhe"] == "#DIV/0!")
        #expect(values["rivinvaihto"] == "rivi 1\nrivi 2")
        #expect(content.errorCells.map(\.reference.text) == ["B8"])
    }

    @Test("The 1904 date system, booleans, ISO dates, escapes and phonetic runs, as the standard allows them")
    func handWrittenValues() throws {
        let reader = try WorkbookReader(url: TestSupport.hostile("values-1904.xlsx"), limits: .default, language: .fi)
        let rows = try reader.read(reader.sheets[0]).records.map(\.cells)
        #expect(rows[0] == ["TOSI", "EPÄTOSI"])
        #expect(rows[1] == ["1.1.1904", "15.2.2024 18.00"])
        #expect(rows[2] == ["15.2.2024", "", "0,1"])
        #expect(rows[3] == ["rivi\r yksi"])
    }

    @Test("Inline strings and rows without numbers, as report exports write them")
    func inlineStrings() throws {
        let programme = TestSupport.check(try Self.config(TestSupport.hostile("inline-strings.xlsx")))
        #expect(programme.accounting.reported == 2)
        #expect(programme.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test("Serial dates: the 1900 leap-year quirk and the 1904 system")
    func serialDates() {
        #expect(SpreadsheetDate.text(serial: 1, date1904: false) == "1.1.1900")
        #expect(SpreadsheetDate.text(serial: 59, date1904: false) == "28.2.1900")
        #expect(SpreadsheetDate.text(serial: 60, date1904: false) == "29.2.1900")
        #expect(SpreadsheetDate.text(serial: 61, date1904: false) == "1.3.1900")
        #expect(SpreadsheetDate.text(serial: 45337, date1904: false) == "15.2.2024")
        #expect(SpreadsheetDate.text(serial: 45337.5, date1904: false) == "15.2.2024 12.00")
        #expect(SpreadsheetDate.text(serial: 0, date1904: true) == "1.1.1904")
        #expect(CellStylesHandler.isDateFormat("[$-40B]d.m.yyyy"))
        #expect(!CellStylesHandler.isDateFormat("0.0\" d\""))
        #expect(!CellStylesHandler.isDateFormat("General"))
    }
}
