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
        /// 1-based index of a field whose bytes were not valid UTF-8 (only with a forced UTF-8 read).
        var invalidUTF8Columns: [Int] = []
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

    /// Picks `;` or `,` by counting them outside quotes in the first lines; `;` wins ties
    /// because that is what Excel writes with Finnish regional settings.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var tabs = 0
        var inQuotes = false
        var lines = 0
        for byte in bytes {
            if byte == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            switch byte {
            case UInt8(ascii: ";"): semicolons += 1
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: "\t"): tabs += 1
            case lf:
                lines += 1
                if lines >= 20 { break }
            default: break
            }
            if lines >= 20 { break }
        }
        if tabs > semicolons && tabs > commas { return UInt8(ascii: "\t") }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }

    /// Parses the bytes (UTF-8, BOM already removed). With `checkUTF8`, each field is validated
    /// and invalid bytes are replaced, noting the column; otherwise the caller validated the buffer.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, checkUTF8: Bool) -> Result {
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

        func makeString(_ start: Int, _ end: Int) -> String {
            let slice = UnsafeBufferPointer(start: base + start, count: end - start)
            if checkUTF8 && !TextDecoding.isValidUTF8(slice) { invalidColumns.append(fields.count + 1) }
            return String(decoding: slice, as: UTF8.self)
        }
        func makeString(_ buffer: [UInt8]) -> String {
            buffer.withUnsafeBufferPointer { slice in
                if checkUTF8 && !TextDecoding.isValidUTF8(slice) { invalidColumns.append(fields.count + 1) }
                return String(decoding: slice, as: UTF8.self)
            }
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
    /// encoding (UTF-8, else Windows-1252, unless one is forced) and the delimiter (unless
    /// given) detected. Returns the records and what was used.
    static func parse(_ data: Data, encoding: SourceEncoding, delimiter given: UInt8?) -> (Result, SourceEncoding, UInt8) {
        data.withUnsafeBytes { raw -> (Result, SourceEncoding, UInt8) in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            let delimiter = given ?? detectDelimiter(bytes)
            let chosen: SourceEncoding
            switch encoding {
            case .utf8:
                let valid = TextDecoding.isValidUTF8(bytes)
                return (parse(bytes, delimiter: delimiter, checkUTF8: !valid), .utf8, delimiter)
            case .windows1252:
                chosen = .windows1252
            case .auto:
                chosen = TextDecoding.isValidUTF8(bytes) ? .utf8 : .windows1252
            }
            if chosen == .windows1252 {
                let utf8 = TextDecoding.windows1252ToUTF8(bytes)
                return (utf8.withUnsafeBufferPointer { parse($0, delimiter: delimiter, checkUTF8: false) }, chosen, delimiter)
            }
            return (parse(bytes, delimiter: delimiter, checkUTF8: false), chosen, delimiter)
        }
    }
}
