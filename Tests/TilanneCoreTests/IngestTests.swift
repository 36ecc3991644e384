import Foundation
import Testing
@testable import TilanneCore

@Suite("Ingest: CSV as Excel writes it")
struct IngestTests {
    private func parse(_ text: [UInt8], delimiter: UInt8? = nil) -> CSVParser.Result {
        text.withUnsafeBufferPointer { bytes in
            CSVParser.parse(bytes, delimiter: delimiter ?? CSVParser.detectDelimiter(bytes), decoding: .utf8)
        }
    }

    @Test("Quoted cells keep line breaks and doubled quotes; CRLF, LF and CR all end records")
    func quotedCells() {
        let result = parse(Array("a;b\r\n\"line 1\nline 2\";\"say \"\"hi\"\"\"\nx;y\rz;w".utf8))
        #expect(result.records.map(\.fields) == [["a", "b"], ["line 1\nline 2", "say \"hi\""], ["x", "y"], ["z", "w"]])
        #expect(result.records.map(\.number) == [1, 2, 3, 4])
        #expect(result.problems.isEmpty)
    }

    @Test("The delimiter is detected: ';' as Finnish Excel writes, ',' otherwise")
    func delimiter() {
        let semicolon = Array("a;b;c\n1;2;3\n".utf8)
        let comma = Array("a,b,c\n\"1;x\",2,3\n".utf8)
        #expect(semicolon.withUnsafeBufferPointer(CSVParser.detectDelimiter) == UInt8(ascii: ";"))
        #expect(comma.withUnsafeBufferPointer(CSVParser.detectDelimiter) == UInt8(ascii: ","))
        // One long unquoted cell full of commas does not outvote the semicolons of every line.
        let longText = Array(("a;b;c\n1;2;" + String(repeating: "x, ", count: 10_000) + "\n3;4;5\n").utf8)
        #expect(longText.withUnsafeBufferPointer(CSVParser.detectDelimiter) == UInt8(ascii: ";"))
        let tabs = Array("a\tb\tc\n1\t2\t3,5\n".utf8)
        #expect(tabs.withUnsafeBufferPointer(CSVParser.detectDelimiter) == UInt8(ascii: "\t"))
    }

    @Test("An unterminated quote is reported at the row and column where it opens")
    func unterminatedQuote() {
        let result = parse(Array("a;b\n1;2\n3;\"never closed\n4;5\n".utf8), delimiter: UInt8(ascii: ";"))
        guard case .unterminatedQuote(let record, let column)? = result.problems.first else {
            Issue.record("expected an unterminated quote, got \(result.problems)")
            return
        }
        #expect(record == 3)
        #expect(column == 2)
    }

    @Test("UTF-8 validation accepts Finnish text and rejects Windows-1252 bytes")
    func utf8Validation() {
        let finnish = Array("Työllisyys – ÄÖÅ €".utf8)
        let cp1252: [UInt8] = [0x54, 0x79, 0xF6, 0x6C, 0x6C, 0x69, 0x73, 0x79, 0x79, 0x73] // "Työllisyys" in cp1252
        #expect(finnish.withUnsafeBufferPointer(TextDecoding.isValidUTF8))
        #expect(!cp1252.withUnsafeBufferPointer(TextDecoding.isValidUTF8))
        let decoded = cp1252.withUnsafeBufferPointer(TextDecoding.windows1252ToUTF8)
        #expect(String(decoding: decoded, as: UTF8.self) == "Työllisyys")
        let euroAndDash: [UInt8] = [0x80, 0x96]
        #expect(String(decoding: euroAndDash.withUnsafeBufferPointer(TextDecoding.windows1252ToUTF8), as: UTF8.self) == "€–")
    }

    @Test("The real Kuopio CSV: 77 data rows under one header, UTF-8 with BOM, ';'")
    func kuopioFile() throws {
        let config = try TestSupport.kuopioConfig()
        let tables = SourceIngester(config: config).ingest(config.sources[0])
        #expect(tables.count == 1)
        let table = tables[0]
        #expect(table.file == "Input/kasvava-kuopio-tilanne-1-2024.csv")
        #expect(table.encoding == .utf8)
        #expect(table.delimiter == ";")
        #expect(table.headerIndex == 0)
        #expect(table.records.count == 78)
        #expect(table.columns[.progress] == 7)
        #expect(table.diagnostics.isEmpty)
    }

    @Test("A Windows-1252 file is detected and read as such, with a note")
    func windows1252File() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("cp1252.csv")
        let utf8 = try String(contentsOf: TestSupport.kuopioCSV, encoding: .utf8)
        try utf8.replacingOccurrences(of: "\u{FEFF}", with: "").data(using: .windowsCP1252)!.write(to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        #expect(programme.diagnostics.contains { $0.code == .sourceEncodingFallback && $0.severity == .info })
        #expect(programme.actions.count == 77)
        #expect(programme.actions[0].row.action == "Osaajien rekrytoinnin tuki, opiskelu- ja työperäinen maahanmuutto")
    }

    @Test("Invalid UTF-8 in a file configured as UTF-8 names the row and column")
    func invalidUTF8Forced() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("bad.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow(), TestSupport.actionRow([4: "Toinen", 8: "BADBYTE"])], to: file)
        var bytes = try Data(contentsOf: file)
        let marker = Data("BADBYTE".utf8)
        let range = bytes.range(of: marker)!
        bytes.replaceSubrange(range, with: Data([0x54, 0xF6, 0x69, 0x74, 0xE4])) // "Töitä" in cp1252
        try bytes.write(to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file, encoding: .utf8))
        let finding = programme.diagnostics.first { $0.code == .sourceInvalidUTF8 }
        #expect(finding?.location?.row == 3)
        #expect(finding?.location?.column == 9)
        #expect(finding?.severity == .error)
    }
}
