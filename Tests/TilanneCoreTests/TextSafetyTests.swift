import Foundation
import Testing
@testable import TilanneCore

/// Texts no spreadsheet cell can hold, made fit once where they are normalised; a UTF-8 file
/// with a row in another encoding; inputs whose cost must stay linear in their size.
@Suite("Text safety: cells, encodings, linear cost")
struct TextSafetyTests {
    @Test("Noncharacters become U+FFFD, control characters go, line breaks and tabs stay")
    func fitCharacters() {
        // Swift string literals refuse some noncharacters; they are made from their code points.
        func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }
        let (text, repairs) = CellText.fit("a" + scalar(0xFFFF) + "b" + scalar(0xFFFE) + "c" + scalar(0xFDD0) + "d" + scalar(0x1FFFF)
                                           + "e" + scalar(0x10FFFF) + "f\u{0001}g\u{007F}h\u{0085}i\tj\nk")
        #expect(text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}fghi\tj\nk")
        #expect(repairs == CellText.Repairs(controls: 3, noncharacters: 5))
        #expect(CellText.fits("Työllisyys – ÄÖÅ € 🙂 \u{FFFD}" + scalar(0xFDEF) + "x") == false)
        #expect(CellText.fits("Työllisyys – ÄÖÅ € 🙂 \u{FFFD}\u{FDCF}\u{FDF0}\u{FFFD}\u{1FFFD}"))
    }

    @Test("A text longer than a cell is cut to 32,767 UTF-16 code units on a whole character, marked")
    func fitLength() {
        let (text, repairs) = CellText.fit(String(repeating: "x", count: 40_000))
        #expect(text.utf16.count == CellText.limit)
        #expect(text.hasSuffix(" […]"))
        #expect(repairs == CellText.Repairs(cutFrom: 40_000))
        // Characters outside the Basic Multilingual Plane count twice, as in a spreadsheet.
        let emoji = CellText.fit(String(repeating: "🙂", count: 20_000)).text
        #expect(emoji.utf16.count <= CellText.limit && emoji.hasSuffix(" […]"))
        #expect(emoji.unicodeScalars.dropLast(4).allSatisfy { $0 == "🙂" })
        let exact = String(repeating: "ä", count: CellText.limit)
        #expect(CellText.fits(exact) && CellText.fit(exact).text == exact)
    }

    @Test("A finding quotes an excerpt: one line, at most 1,000 characters, fit for a cell")
    func excerpts() {
        let catalogue = MessageCatalogue(language: .fi)
        let message = catalogue.message(.progressUnknown, [.text(String(repeating: "+", count: 40_000))])
        #expect(message.count < 1_200)
        #expect(message.contains(String(repeating: "+", count: 999) + "…"))
        #expect(CellText.excerpt("a\nb" + String(Unicode.Scalar(0xFFFF)!) + "\u{0007}c") == "a b\u{FFFD}c")
        #expect(CellText.excerpt(String(repeating: "y", count: 200), length: 200) == String(repeating: "y", count: 200))
        #expect(CellText.excerpt(String(repeating: "y", count: 201), length: 200) == String(repeating: "y", count: 199) + "…")
        // Filled in one pass: an argument holding "{1}" stays as written.
        #expect(catalogue.message(.indicatorUnitChanged, ["{1}", "a", "b", "c"]).hasPrefix("Mittarin {1} yksikkö vaihtuu: \"a\""))
    }

    @Test("A status table's cells are made fit once, with a finding at each cell, the same for every sheet")
    func normalisedCells() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("cells.csv")
        try TestSupport.writeFlatCSV([
            TestSupport.actionRow([8: "Tila " + String(Unicode.Scalar(0xFFFF)!) + " auki"]),
            TestSupport.actionRow([4: "Toinen", 7: String(repeating: "+", count: 40_000)]),
        ], to: file)
        let (programme, model) = TestSupport.model(try TestSupport.config(reading: file))
        let found = programme.diagnostics.map { "\($0.location?.compact.replacingOccurrences(of: folder.path + "/", with: "") ?? "-") \($0.code.rawValue)" }
        #expect(found == ["cells.csv:2:I text.noncharacters", "cells.csv:3:H text.too-long", "cells.csv:3:H progress.unknown-code"])
        #expect(model.allActions.map(\.status) == ["Tila \u{FFFD} auki", "Sivusto käytössä."])
        #expect(model.allActions[1].progress.code.utf16.count == CellText.limit)
        #expect(model.diagnostics.allSatisfy { $0.message(.fi).utf16.count < 2_000 })
    }

    @Test("A UTF-8 file with a BOM and one Windows-1252 row is UTF-8, the row read as Windows-1252 and named")
    func mixedEncoding() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("mixed.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow()], to: file)
        let second = TestSupport.actionRow([4: "Yritysten sijoittuminen"]).joined(separator: ";") + "\r\n"
        try (try Data(contentsOf: file) + second.data(using: .windowsCP1252)!).write(to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        #expect(programme.diagnostics.map(\.code) == [.sourceMixedEncoding])
        #expect(programme.diagnostics.first?.location?.row == 3)
        #expect(programme.actions.map(\.row.status) == ["Sivusto käytössä.", "Sivusto käytössä."])
        #expect(programme.actions.allSatisfy { !$0.row.action.contains("Ã") && !$0.row.status.contains("Ã") })
    }

    @Test("Line census: UTF-8 lines against lines that are not")
    func lineCensus() {
        func census(_ bytes: [UInt8]) -> TextDecoding.LineCensus { bytes.withUnsafeBufferPointer(TextDecoding.lineCensus) }
        let mixed = Array("Työ\nä\n".utf8) + [0x54, 0xF6, 0x0A]
        #expect(census(mixed).utf8Lines == 2 && census(mixed).invalidLines == 1 && census(mixed).mostlyUTF8)
        let ansi: [UInt8] = [0x54, 0xF6, 0x0A, 0xE4, 0x0A, 0x41, 0x0A]
        #expect(!census(ansi).mostlyUTF8)
    }

    @Test("Empty lines are counted, not kept")
    func blankLines() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("lines.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow()], to: file)
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(Data(repeating: 0x0A, count: 100_000) + Data(";;;\r\n\r\n".utf8))
        try handle.close()
        let config = try TestSupport.config(reading: file)
        let table = SourceIngester(config: config).ingest(config.sources[0])[0]
        #expect(table.records.count == 2)
        #expect(table.blankRecords == 100_002)
        let programme = TestSupport.check(config)
        #expect(programme.accounting.rowsIn == 100_003)
        #expect(programme.accounting.blank == 100_002)
        #expect(programme.accounting.reported == 1)
        #expect(programme.diagnostics.isEmpty)
    }

    // How long such inputs take is measured by `make fuzz` (its budget per input), not here.
    @Test("A cell listing thousands of responsible parties: repeats dropped, each unregistered name found once")
    func manyParties() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("parties.csv")
        let names = (0..<2_000).map { "Yksikkö \($0)" }
        let written = (names + ["yksikkö 7", "YKSIKKÖ  1999", "Yksikkö 0"]).joined(separator: ", ")
        try TestSupport.writeFlatCSV([TestSupport.actionRow([6: written])], to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        #expect(programme.actions.first?.row.responsible == names)
        // None is in the shipped parties register: one finding per name, the repeats none.
        #expect(programme.diagnostics.count == 2_000 && programme.diagnostics.allSatisfy { $0.code == .partyUnregistered })
    }

    @Test("Comparison keys of a long text: 800,000 capital letters fold to lower case, whole")
    func longComparisonKey() {
        let capitals = String(repeating: "Ä", count: 800_000)
        let key = TextNormaliser.comparisonKey(capitals)
        #expect(key == String(repeating: "ä", count: 800_000))
        #expect(TextNormaliser.comparisonKey("Työ-paikka  MÄÄRÄ\u{00A0}Ǆ") == "työpaikkamääräǆ")
    }
}
