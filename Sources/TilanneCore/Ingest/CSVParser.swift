import Foundation

/// An RFC 4180 reader that also accepts what Excel on a Finnish machine writes: `;` or `,`,
/// CRLF, LF or CR line ends, quoted cells with line breaks and doubled quotes.
/// It never throws: damage (an unterminated quote, a stray quote) becomes a finding with the
/// record and column where it starts, and reading goes on.
struct CSVParser {
    struct Record {
        /// 1-based record number, as a spreadsheet shows the row.
        var number: Int
        var fields: [String]
        /// 1-based indexes of the fields whose bytes were not valid UTF-8 (read by the `Decoding`).
        var invalidUTF8Columns: [Int] = []
    }

    /// How the bytes of a field become text.
    enum Decoding {
        /// The whole buffer is valid UTF-8 (checked by the caller).
        case utf8
        /// Each field is checked; bytes that are not UTF-8 become U+FFFD (`encoding: utf-8`).
        case utf8ReplacingInvalid
        /// Each field is checked; a field that is not UTF-8 is read as Windows-1252 (a UTF-8
        /// file with a few rows saved by another program).
        case utf8ElseWindows1252
    }

    enum Problem {
        case unterminatedQuote(record: Int, column: Int)
        case strayQuote(record: Int, column: Int)
    }

    struct Result {
        /// The records holding anything but white space; blank ones are only counted.
        var records: [Record]
        var problems: [Problem]
        /// Records left out because every field was empty or white space (a flood of empty lines
        /// costs nothing to keep).
        var blankRecords = 0
    }

    static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")

    /// Picks `;`, `,` or a tab by the number of the first lines (outside quotes) that hold it,
    /// then by how many there are; `;` wins ties because that is what Excel writes with
    /// Finnish regional settings. Counting lines, not characters, keeps one long cell full of
    /// commas in an unquoted status text from turning a `;` file into a `,` file.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]
        var lines = [0, 0, 0]
        var totals = [0, 0, 0]
        var onLine = [false, false, false]
        var inQuotes = false
        var lineCount = 0
        func endLine() {
            for index in 0..<3 where onLine[index] { lines[index] += 1 }
            onLine = [false, false, false]
            lineCount += 1
        }
        for byte in bytes {
            if byte == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == lf {
                endLine()
                if lineCount >= 20 { break }
                continue
            }
            let index: Int
            switch byte {
            case UInt8(ascii: ";"): index = 0
            case UInt8(ascii: ","): index = 1
            case UInt8(ascii: "\t"): index = 2
            default: continue
            }
            onLine[index] = true
            totals[index] += 1
        }
        if lineCount < 20 { endLine() }
        func rank(_ index: Int) -> (Int, Int) { (lines[index], totals[index]) }
        if rank(2) > rank(0) && rank(2) > rank(1) { return candidates[2] }
        return rank(1) > rank(0) ? candidates[1] : candidates[0]
    }

    /// Parses the bytes (UTF-8, BOM already removed), decoding each field as `decoding` says and
    /// noting the columns that were not UTF-8.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, decoding: Decoding) -> Result {
        var records: [Record] = []
        var blankRecords = 0
        var problems: [Problem] = []
        var fields: [String] = []
        var invalidColumns: [Int] = []
        var scratch: [UInt8] = []
        var index = 0
        let count = bytes.count
        var recordNumber = 1
        guard let base = bytes.baseAddress, count > 0 else { return Result(records: [], problems: []) }

        func makeString(_ slice: UnsafeBufferPointer<UInt8>) -> String {
            if decoding == .utf8 || TextDecoding.isValidUTF8(slice) { return String(decoding: slice, as: UTF8.self) }
            invalidColumns.append(fields.count + 1)
            if decoding == .utf8ElseWindows1252 { return String(decoding: TextDecoding.windows1252ToUTF8(slice), as: UTF8.self) }
            return String(decoding: slice, as: UTF8.self)
        }
        func makeString(_ start: Int, _ end: Int) -> String {
            makeString(UnsafeBufferPointer(start: base + start, count: end - start))
        }
        func makeString(_ buffer: [UInt8]) -> String {
            buffer.withUnsafeBufferPointer { makeString($0) }
        }
        func endRecord() {
            if fields.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }) {
                // Counted, not kept: each kept record costs its arrays (measured: about 230 bytes per empty line).
                blankRecords += 1
                fields.removeAll(keepingCapacity: true)
            } else {
                records.append(Record(number: recordNumber, fields: fields, invalidUTF8Columns: invalidColumns))
                fields = []
                fields.reserveCapacity(records.last!.fields.count)
            }
            invalidColumns = []
            recordNumber += 1
        }

        while index < count {
            // An empty line: counted at once (a file of line feeds must cost nothing per line).
            if fields.isEmpty, base[index] == lf || base[index] == cr {
                index += base[index] == cr && index + 1 < count && base[index + 1] == lf ? 2 : 1
                blankRecords += 1
                recordNumber += 1
                continue
            }
            // One field starts at `index`.
            if base[index] == quote {
                let openedAt = (record: recordNumber, column: fields.count + 1)
                index += 1
                scratch.removeAll(keepingCapacity: true)
                var runStart = index
                var closed = false
                while index < count {
                    let byte = base[index]
                    if byte == quote {
                        scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                        if index + 1 < count && base[index + 1] == quote {
                            scratch.append(quote)
                            index += 2
                            runStart = index
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    index += 1
                }
                if !closed {
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    problems.append(.unterminatedQuote(record: openedAt.record, column: openedAt.column))
                    fields.append(makeString(scratch))
                    endRecord()
                    break
                }
                // Text after the closing quote up to the delimiter is kept (Excel does the same).
                let tailStart = index
                while index < count, base[index] != delimiter, base[index] != lf, base[index] != cr { index += 1 }
                if index > tailStart {
                    problems.append(.strayQuote(record: recordNumber, column: fields.count + 1))
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + tailStart, count: index - tailStart))
                }
                fields.append(makeString(scratch))
            } else {
                let start = index
                var sawQuote = false
                while index < count {
                    let byte = base[index]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    if byte == quote { sawQuote = true }
                    index += 1
                }
                if sawQuote { problems.append(.strayQuote(record: recordNumber, column: fields.count + 1)) }
                fields.append(makeString(start, index))
            }
            // After a field: delimiter, line end or end of input.
            if index >= count {
                endRecord()
                break
            }
            let byte = base[index]
            if byte == delimiter {
                index += 1
                if index >= count {
                    fields.append("")
                    endRecord()
                }
                continue
            }
            if byte == cr {
                index += 1
                if index < count && base[index] == lf { index += 1 }
            } else {
                index += 1
            }
            endRecord()
        }
        return Result(records: records, problems: problems, blankRecords: blankRecords)
    }
}

extension CSVParser {
    /// A whole CSV file as Excel on a Finnish machine saves it: a UTF-8 BOM skipped, the
    /// encoding (unless one is forced) and the delimiter (unless given) detected. Returns the
    /// records and what was used.
    ///
    /// Detection (`encoding: auto`): valid UTF-8 is UTF-8. A file with a BOM, or one whose
    /// lines are UTF-8 more often than not, is UTF-8 with a few rows saved by another program:
    /// those fields are read as Windows-1252 and noted (`invalidUTF8Columns`), so the caller can
    /// name each row. Otherwise the file is Windows-1252, as Excel saves a "CSV" on a Finnish
    /// machine. The structure (quotes, delimiters, line ends) is ASCII in both encodings, so
    /// the records are the same whichever is chosen.
    static func parse(_ data: Data, encoding: SourceEncoding, delimiter given: UInt8?) -> (Result, SourceEncoding, UInt8) {
        data.withUnsafeBytes { raw -> (Result, SourceEncoding, UInt8) in
            var bytes = raw.bindMemory(to: UInt8.self)
            let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            if hasBOM { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            let delimiter = given ?? detectDelimiter(bytes)
            let valid = encoding != .windows1252 && TextDecoding.isValidUTF8(bytes)
            switch encoding {
            case .utf8:
                return (parse(bytes, delimiter: delimiter, decoding: valid ? .utf8 : .utf8ReplacingInvalid), .utf8, delimiter)
            case .auto where valid:
                return (parse(bytes, delimiter: delimiter, decoding: .utf8), .utf8, delimiter)
            case .auto where hasBOM || TextDecoding.lineCensus(bytes).mostlyUTF8:
                return (parse(bytes, delimiter: delimiter, decoding: .utf8ElseWindows1252), .utf8, delimiter)
            case .auto, .windows1252:
                let utf8 = TextDecoding.windows1252ToUTF8(bytes)
                return (utf8.withUnsafeBufferPointer { parse($0, delimiter: delimiter, decoding: .utf8) }, .windows1252, delimiter)
            }
        }
    }
}
