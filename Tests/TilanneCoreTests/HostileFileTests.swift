import Foundation
import Testing
@testable import TilanneCore

/// A workbook is a ZIP of XML written by someone else. Each hostile file is refused with one
/// clear finding, reads nothing into the report, and fails the run before anything is written.
@Suite("Ingest: hostile workbooks and documents")
struct HostileFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let code: DiagnosticCode
        let says: String
        var testDescription: String { "\(file) → \(code.rawValue)" }
    }

    static let cases: [Case] = [
        Case(file: "bomb.xlsx", code: .archiveTooLarge, says: "yli 16 Mt"),
        Case(file: "bomb-lying-size.xlsx", code: .archiveTooLarge, says: "xl/worksheets/sheet1.xml"),
        Case(file: "escape.xlsx", code: .archiveUnsafePath, says: "../../../tmp/tilanne-escape.txt"),
        Case(file: "laughs.xlsx", code: .xmlForbiddenDTD, says: "xl/workbook.xml"),
        Case(file: "xxe.docx", code: .xmlForbiddenDTD, says: "word/document.xml"),
        Case(file: "wide.xlsx", code: .sheetTooLarge, says: "XFD2"),
        Case(file: "truncated.xlsx", code: .archiveDamaged, says: "vioittunut"),
        Case(file: "renamed-csv.xlsx", code: .sourceWrongFormat, says: "tekstiä (esimerkiksi CSV)"),
        Case(file: "old-binary.xlsx", code: .sourceWrongFormat, says: "vanha binäärimuoto"),
    ]

    @Test("Refused with a clear finding, nothing read, the run fails before writing", arguments: cases)
    func refused(_ hostile: Case) throws {
        var config = try TestSupport.config(reading: TestSupport.hostile(hostile.file))
        config.limits.maxExpandedBytes = 16 * 1024 * 1024
        let programme = TestSupport.check(config)
        let errors = programme.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [hostile.code], "\(errors.map { $0.message(.fi) })")
        let finding = try #require(errors.first)
        #expect(finding.message(.fi).contains(hostile.says), "\(finding.message(.fi))")
        #expect(finding.location?.file == "Tests/TilanneCoreTests/Fixtures/hostile/\(hostile.file)")
        #expect(programme.accounting.reported == 0)
        #expect(programme.accounting.isBalanced)
        #expect(Pipeline(config: config).policy.fails(programme.diagnostics))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/tilanne-escape.txt"))
    }

    @Test("A Word document given as a workbook is named for what it is")
    func documentAsWorkbook() throws {
        var config = try TestSupport.config(reading: TestSupport.office("kuopio-sectioned-python-docx.docx"))
        config.sources[0].format = .xlsx
        let programme = TestSupport.check(config)
        let finding = try #require(programme.diagnostics.first { $0.code == .archiveMissingPart })
        #expect(finding.message(.fi).contains("xl/workbook.xml (DOCX)"))
    }

    @Test("Entry names that climb out of the archive are recognised")
    func containedPaths() {
        #expect(OfficeArchive.isContained("xl/worksheets/sheet1.xml"))
        #expect(!OfficeArchive.isContained("../evil"))
        #expect(!OfficeArchive.isContained("xl/../../evil"))
        #expect(!OfficeArchive.isContained("/etc/passwd"))
        #expect(!OfficeArchive.isContained("..\\evil"))
        #expect(!OfficeArchive.isContained("C:evil"))
    }

    @Test("Cell references past the sheet's bounds are not references")
    func cellReferences() {
        #expect(CellReference(Array("E14".utf8)) == CellReference(column: 5, row: 14))
        #expect(CellReference(Array("XFD1048576".utf8)) == CellReference(column: 16_384, row: 1_048_576))
        #expect(CellReference(Array("XFE1".utf8)) == nil)
        #expect(CellReference(Array("A1048577".utf8)) == nil)
        #expect(CellReference(Array("AAAA1".utf8)) == nil)
        #expect(CellReference(Array("A0".utf8)) == nil)
    }
}
