import Foundation
import Testing
@testable import TilanneCore

@Suite("Validate: the real table's findings and broken files")
struct ValidateTests {
    @Test("Kuopio 1/2024: the three '+?' rows are kept and flagged; goal titles 3 and 11 differ, 2 and 10 do not")
    func kuopioFindings() throws {
        let programme = TestSupport.check(try TestSupport.kuopioConfig())
        #expect(programme.actions.count == 77)
        #expect(programme.rejected.isEmpty)
        #expect(programme.accounting == RowAccounting(rowsIn: 77, reported: 77, rejected: 0, structure: 0, blank: 0))
        let unknown = programme.diagnostics.filter { $0.code == .progressUnknown }
        #expect(unknown.map { $0.location?.row } == [52, 53, 55])
        #expect(unknown.allSatisfy { $0.location?.columnName == "Eteneminen" && $0.message(.fi).contains("\"+?\"") })
        let flagged = programme.actions.filter { $0.findings.contains(.progressUnknown) }
        #expect(flagged.count == 3)
        #expect(flagged.allSatisfy { $0.row.progress == .unknown(written: "+?") })
        let titles = programme.diagnostics.filter { $0.code == .goalTitleDiffers }
        #expect(titles.map { $0.location?.row } == [16, 66])
        #expect(titles[0].message(.fi).contains("Yritysten fyysisen toimintaympäristön kehittäminen"))
        #expect(!programme.diagnostics.contains { $0.severity == .error })
    }

    @Test("Every broken row is rejected with a located reason and nothing is lost")
    func brokenRows() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("broken.csv")
        try TestSupport.writeFlatCSV([
            TestSupport.actionRow(),                                   // row 2: fine
            TestSupport.actionRow([4: ""]),                            // row 3: no action text
            TestSupport.actionRow([1: "99", 4: "Tuntematon tavoite"]), // row 4: goal not in register
            TestSupport.actionRow([1: "yksi", 4: "Sana numerona"]),    // row 5: goal number not a number
            TestSupport.actionRow([4: "Muuttajapalvelujen  kehittäminen"]), // row 6: duplicate of row 2
            TestSupport.actionRow([4: "Koodi ++", 7: "++"]),           // row 7: unknown code, kept
            TestSupport.actionRow([4: "Ei tilannetta", 8: "", 6: ""]), // row 8: missing status and responsible, kept
            ["", "", "", "", "", "", "", "", ""],                      // row 9: blank
        ], to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        #expect(programme.accounting == RowAccounting(rowsIn: 8, reported: 3, rejected: 4, structure: 0, blank: 1))
        #expect(programme.accounting.isBalanced)
        #expect(programme.rejected.map(\.code) == [.actionMissing, .goalNotInRegister, .goalNumberInvalid, .actionDuplicate])
        #expect(programme.rejected.map { $0.location.row } == [3, 4, 5, 6])
        let duplicate = programme.diagnostics.first { $0.code == .actionDuplicate }
        #expect(duplicate?.message(.fi).contains("rivillä 2") == true)
        let unknown = programme.diagnostics.first { $0.code == .progressUnknown }
        #expect(unknown?.location == SourceLocation(file: file.path, row: 7, column: 8, columnName: "Eteneminen"))
        #expect(unknown?.message(.fi) == "Tuntematon etenemiskoodi \"++\"; se näytetään sellaisenaan ja merkitään tarkistettavaksi.")
        #expect(programme.diagnostics.contains { $0.code == .statusMissing && $0.location?.row == 8 && $0.location?.column == 9 })
        #expect(programme.diagnostics.contains { $0.code == .responsibleMissing && $0.location?.row == 8 })
    }

    @Test("Ragged rows are rejected, naming the column counts")
    func raggedRows() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("ragged.csv")
        var text = TestSupport.flatHeader.joined(separator: ";") + "\r\n"
        text += TestSupport.actionRow().joined(separator: ";") + "\r\n"
        text += TestSupport.actionRow([4: "Liian leveä"]).joined(separator: ";") + ";ylimääräinen\r\n"
        text += "KILPAILUKYKYINEN;1;Katkennut rivi\r\n"
        try Data(text.utf8).write(to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        #expect(programme.rejected.map(\.code) == [.csvRaggedRow, .csvRaggedRow])
        #expect(programme.rejected.map { $0.location.row } == [3, 4])
        #expect(programme.diagnostics.contains { $0.code == .csvRaggedRow && $0.message(.fi).contains("10 saraketta, otsikkorivillä 9") })
        #expect(programme.accounting.isBalanced)
    }

    @Test("An unterminated quote rejects the row where it opens, located by row and column")
    func unterminatedQuote() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("quote.csv")
        var text = TestSupport.flatHeader.joined(separator: ";") + "\n"
        text += TestSupport.actionRow().joined(separator: ";") + "\n"
        text += "T;1;T;;Toinen;\"Hanke auki;V;+;teksti\nT;1;T;;Kolmas;H;V;+;teksti\n"
        try Data(text.utf8).write(to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        let finding = programme.diagnostics.first { $0.code == .csvUnterminatedQuote }
        #expect(finding?.location?.row == 3)
        #expect(finding?.location?.column == 6)
        #expect(programme.rejected.map(\.code) == [.csvUnterminatedQuote])
        #expect(programme.actions.count == 1)
        #expect(programme.accounting.isBalanced)
    }

    @Test("An empty file and a header-only file are errors, not crashes")
    func emptyAndHeaderOnly() throws {
        let folder = try TestSupport.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let emptyRun = TestSupport.check(try TestSupport.config(reading: empty))
        #expect(emptyRun.diagnostics.map(\.code) == [.sourceEmpty])
        #expect(emptyRun.actions.isEmpty)

        // In a folder of its own: the empty file beside it would be a file nobody reads.
        let headerOnly = try TestSupport.temporaryFolder().appendingPathComponent("header.csv")
        try TestSupport.writeFlatCSV([], to: headerOnly)
        let headerRun = TestSupport.check(try TestSupport.config(reading: headerOnly))
        #expect(headerRun.diagnostics.map(\.code) == [.noDataRows])
        #expect(headerRun.diagnostics[0].location?.row == 1)
    }

    @Test("A missing column is named together with the columns that were found")
    func missingColumn() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("columns.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow()], to: file, header: [
            "Painopiste", "Tavoite nro", "Tavoite", "Sitova tavoite TA2021", "Toimenpiteet 2018-2021 (-2022)",
            "Hankkeet", "Vastuutaho", "Tila", "Tilanne 1/2024",
        ])
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        let finding = programme.diagnostics.first { $0.code == .headerNotFound }
        #expect(finding?.message(.fi).contains("\"Eteneminen\"") == true)
        #expect(finding?.message(.fi).contains("\"Tila\"") == true)
        #expect(programme.rejected.count == 2)
        #expect(programme.accounting.isBalanced)
    }

    @Test("A 42,000-character cell and control characters are reported; the row is kept, its text cut to a cell")
    func longAndControlText() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("long.csv")
        let long = String(repeating: "Pitkä tilanneteksti. ", count: 2_000) // 42,000 characters
        try TestSupport.writeFlatCSV([TestSupport.actionRow([8: long]), TestSupport.actionRow([4: "Ohjaus\u{0007}merkki"])], to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        let found = programme.diagnostics.map { [$0.code.rawValue, "\($0.location?.row ?? 0)", "\($0.location?.column ?? 0)"] + $0.arguments.map(\.description) }
        #expect(found == [["text.too-long", "2", "9", "41999", "32767"], ["text.control-characters", "3", "5", "1"]])
        let status = programme.actions[0].row.status
        #expect(status.utf16.count == CellText.limit && status.hasPrefix(String(long.prefix(1_000))) && status.hasSuffix(" […]"))
        #expect(programme.actions[1].row.action == "Ohjausmerkki")
    }
}
