import Foundation

/// Reads a PX file in two passes over one stream: the header (the keywords before `DATA=`) into
/// dimensions and labels, then the data values one by one, keeping only the cells the query
/// asks for. Memory stays at the header plus the chosen cells however large the table is.
struct PXReader {
    /// A header larger than this is not a statistics table.
    static let maxHeaderBytes = 64 * 1024 * 1024
    static let chunkSize = 1 << 20

    let file: String

    /// - Parameters:
    ///   - query: given the header's dimensions, which cells to keep; nil keeps none.
    ///   - visit: also called with every cell, for callers that summarise a whole table.
    func read(_ url: URL, query: (StatisticalCube) -> CubeQuery?, visit: ((Int, CubeCell) -> Void)? = nil) -> StatisticalCube {
        var log = DiagnosticLog()
        var cube = StatisticalCube(file: file, format: .px, language: "fi", languages: [], title: [:], dimensions: [],
                                   units: [:], lastUpdated: nil, source: [:], cells: [:], cellCount: 0, missingCount: 0,
                                   diagnostics: [])
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            log.emit(.statisticsUnreadable, at: cube.origin, with: [.phrase(.cannotOpenFile)])
            cube.diagnostics = log.diagnostics
            cube.damaged = true
            return cube
        }
        defer { try? handle.close() }
        var stream = ChunkStream(handle: handle)
        // Pass 1: header bytes up to `DATA=` (outside quotes, at the start of a statement).
        var header: [UInt8] = []
        guard let afterData = stream.readHeader(into: &header, limit: Self.maxHeaderBytes) else {
            // A text never closed hides DATA= too: name where it opens. Otherwise the line the
            // reading stopped at, the end of the file (or of the first 64 MB).
            var line = header.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            var problem = header.count >= Self.maxHeaderBytes ? "no DATA= in the first 64 MB" : "DATA= is missing"
            if header.count < Self.maxHeaderBytes {
                let encoding = PXEncoding.actual(declared: PXEncoding.declared(in: header).encoding, bytes: header)
                do { _ = try PXHeader.parse(encoding.decode(header)) } catch { (line, problem) = (error.line, error.problem) }
            }
            log.emit(.statisticsSyntax, at: cube.origin.at(row: line), arguments: ["\(line)", problem])
            cube.diagnostics = log.diagnostics
            cube.damaged = true
            return cube
        }
        let declared = PXEncoding.declared(in: header)
        let encoding = PXEncoding.actual(declared: declared.encoding, bytes: header)
        if encoding != declared.encoding {
            log.emit(.statisticsEncodingMismatch, at: cube.origin, arguments: [declared.text ?? declared.encoding.rawValue, encoding.rawValue])
        }
        let parsed: PXHeader
        do {
            parsed = try PXHeader.parse(encoding.decode(header))
        } catch {
            log.emit(.statisticsSyntax, at: cube.origin.at(row: error.line), arguments: ["\(error.line)", error.problem])
            cube.diagnostics = log.diagnostics
            cube.damaged = true
            return cube
        }
        let dataLine = header.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        do {
            try describe(parsed, dataLine: dataLine, into: &cube)
        } catch {
            log.emit(error.code, at: cube.origin.at(row: error.line), arguments: error.arguments)
            cube.diagnostics = log.diagnostics
            cube.damaged = true
            return cube
        }
        // Pass 2: the values.
        let sizes = cube.dimensions.map(\.codes.count)
        cube.cellCount = sizes.reduce(1, *)
        let wanted = query(cube).map { $0.indices(sizes: sizes) } ?? []
        var next = 0
        var index = 0
        var missing = 0
        var badValues: [(Int, String, Int)] = []
        var cells: [Int: CubeCell] = [:]
        stream.data(from: afterData, line: dataLine) { cell, token, line in
            if cell.value == nil {
                missing += 1
                if let token { if badValues.count < 5 { badValues.append((index, token, line)) } }
            }
            visit?(index, cell)
            if next < wanted.count, wanted[next] == index {
                cells[index] = cell
                next += 1
            }
            index += 1
        }
        cube.cells = cells
        cube.missingCount = missing
        for (cellIndex, token, line) in badValues {
            log.emit(.statisticsBadValue, at: cube.origin.at(row: line), arguments: [token, describeCell(cellIndex, in: cube)])
        }
        if index != cube.cellCount {
            log.emit(.statisticsCellCount, at: cube.origin.at(row: dataLine),
                     arguments: ["\(index)", "\(cube.cellCount)", cube.dimensions.map { "\($0.name) \($0.codes.count)" }.joined(separator: " × ")])
            cube.cells = [:]
            cube.damaged = true
        }
        cube.diagnostics = log.diagnostics
        return cube
    }

    /// `Alue=297, Vuosi=2023`: a cell named by its categories, for findings.
    private func describeCell(_ index: Int, in cube: StatisticalCube) -> String {
        var rest = index
        var parts: [String] = []
        for dimension in cube.dimensions.reversed() {
            let size = max(dimension.codes.count, 1)
            parts.append("\(dimension.name)=\(dimension.codes.isEmpty ? "?" : dimension.codes[rest % size])")
            rest /= size
        }
        return parts.reversed().joined(separator: ", ")
    }

    /// A header that cannot describe a table: the code, the line it is found on (every syntax
    /// finding names one) and the arguments after the line.
    struct HeaderProblem: Error {
        var code: DiagnosticCode
        var line: Int
        var arguments: [String]

        static func syntax(_ line: Int, _ problem: String) -> HeaderProblem {
            HeaderProblem(code: .statisticsSyntax, line: line, arguments: ["\(line)", problem])
        }
    }

    /// Dimensions in data order (`STUB` then `HEADING`), with codes, labels in every language,
    /// time and content variables, and the content variable's own units, precision and update
    /// times. Keys tagged with the main language were folded into the untagged ones by the parser.
    private func describe(_ header: PXHeader, dataLine: Int, into cube: inout StatisticalCube) throws(HeaderProblem) {
        let main = header.mainLanguage
        let languages = header.languages
        cube.language = main
        cube.languages = languages
        // `KEYS("Alue")=VALUES;`: always with the variable it keys.
        if let keys = header.entries.first(where: { $0.keyword == "KEYS" }) {
            throw HeaderProblem(code: .statisticsUnsupported, line: keys.line, arguments: ["KEYS"])
        }
        func perLanguage(_ keyword: String) -> [String: String] {
            var result: [String: String] = [:]
            for language in languages {
                if let text = header.text(keyword, language: language == main ? nil : language) { result[language] = text }
            }
            return result
        }
        cube.title = perLanguage("TITLE")
        if cube.title.isEmpty { cube.title = perLanguage("DESCRIPTION") }
        cube.units = perLanguage("UNITS")
        cube.source = perLanguage("SOURCE")
        cube.lastUpdated = header.text("LAST-UPDATED")
        let stub = header.items("STUB") ?? []
        let heading = header.items("HEADING") ?? []
        guard !stub.isEmpty || !heading.isEmpty else {
            // Where the table's variables should have been declared at the latest.
            throw HeaderProblem.syntax(dataLine, "STUB and HEADING are missing")
        }
        /// The line of the STUB or HEADING that names a variable.
        func declaredAt(_ name: String) -> Int {
            (stub.contains(name) ? header.entry("STUB") : header.entry("HEADING"))?.line ?? dataLine
        }
        var namesByLanguage: [String: [String]] = [main: stub + heading]
        for language in languages where language != main {
            let names = (header.items("STUB", language: language) ?? []) + (header.items("HEADING", language: language) ?? [])
            if names.count == stub.count + heading.count { namesByLanguage[language] = names }
        }
        let content = header.text("CONTVARIABLE")
        for (position, name) in (stub + heading).enumerated() {
            guard let values = header.items("VALUES", subkeys: [name]) else {
                throw HeaderProblem.syntax(declaredAt(name), "VALUES(\"\(name)\") is missing")
            }
            var dimension = CubeDimension(name: name, names: [:], code: header.text("VARIABLECODE", subkeys: [name]),
                                          codes: header.items("CODES", subkeys: [name]) ?? values,
                                          labels: [main: values], isTime: false, isContent: name == content)
            guard dimension.codes.count == values.count else {
                throw HeaderProblem.syntax(header.entry("CODES", subkeys: [name])?.line ?? declaredAt(name),
                              "CODES(\"\(name)\") has \(dimension.codes.count) codes for \(values.count) values")
            }
            for (language, names) in namesByLanguage {
                dimension.names[language] = names[position]
                if language != main, let labels = header.items("VALUES", language: language, subkeys: [names[position]]),
                   labels.count == values.count {
                    dimension.labels[language] = labels
                }
            }
            let type = header.text("VARIABLE-TYPE", subkeys: [name])?.lowercased()
            dimension.isTime = header.entry("TIMEVAL", subkeys: [name]) != nil || type == "time"
            if dimension.isContent {
                // A content's own keyword: `UNITS("Tiedot","Väkiluku")` as the specification
                // recommends, or the older `UNITS("Väkiluku")`; in each language by that
                // language's names.
                func own(_ keyword: String, _ language: String, _ category: Int) -> String? {
                    let tag = language == main ? nil : language
                    guard let variable = dimension.names[language] ?? (language == main ? name : nil),
                          let label = dimension.labels[language]?[category] else { return nil }
                    return header.text(keyword, language: tag, subkeys: [variable, label])
                        ?? header.text(keyword, language: tag, subkeys: [label])
                }
                for index in values.indices {
                    var units: [String: String] = [:]
                    for language in languages {
                        if let text = own("UNITS", language, index) { units[language] = text }
                    }
                    let updated = own("LAST-UPDATED", main, index)
                    let precision = own("PRECISION", main, index).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                    dimension.units.append(units)
                    dimension.lastUpdated.append(updated)
                    dimension.precision.append(precision)
                }
            }
            cube.dimensions.append(dimension)
        }
        // A file without TIMEVAL or VARIABLE-TYPE: the variable named as a year or period.
        if !cube.dimensions.contains(where: \.isTime),
           let guess = cube.dimensions.firstIndex(where: { CubeDimension.timeNames.contains(TextNormaliser.comparisonKey($0.name)) }) {
            cube.dimensions[guess].isTime = true
        }
    }
}

/// The file read in 1 MiB chunks: first up to `DATA=`, then value by value.
private struct ChunkStream {
    let handle: FileHandle
    var buffer: [UInt8] = []

    init(handle: FileHandle) { self.handle = handle }

    mutating func nextChunk() -> [UInt8]? {
        guard let data = try? handle.read(upToCount: PXReader.chunkSize), !data.isEmpty else { return nil }
        return [UInt8](data)
    }

    /// Collects the header into `header`; returns the bytes after `DATA=` already read.
    mutating func readHeader(into header: inout [UInt8], limit: Int) -> [UInt8]? {
        var inQuote = false
        var statementStart = true
        var scanned = 0
        while header.count < limit {
            guard let chunk = nextChunk() else { return nil }
            header.append(contentsOf: chunk)
            var index = scanned
            while index < header.count {
                let byte = header[index]
                if byte == UInt8(ascii: "\"") { inQuote.toggle(); statementStart = false }
                else if !inQuote {
                    if byte == UInt8(ascii: ";") { statementStart = true }
                    else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {}
                    else if statementStart {
                        statementStart = false
                        // Needs "DATA" and the next non-space byte; wait for more bytes at a chunk end.
                        if index + 6 > header.count { break }
                        if header[index] == UInt8(ascii: "D"), header[index + 1] == UInt8(ascii: "A"),
                           header[index + 2] == UInt8(ascii: "T"), header[index + 3] == UInt8(ascii: "A") {
                            var cursor = index + 4
                            while cursor < header.count, header[cursor] == 0x20 || header[cursor] == 0x09 { cursor += 1 }
                            if cursor < header.count, header[cursor] == UInt8(ascii: "=") {
                                let rest = Array(header[(cursor + 1)...])
                                header.removeSubrange(index...)
                                return rest
                            }
                        }
                    }
                }
                index += 1
            }
            scanned = index
            // A chunk boundary inside the "DATA" test: go back to the statement start.
            if index < header.count { statementStart = true; scanned = index }
        }
        return nil
    }

    /// Every value after `DATA=` up to `;`: numbers, and quoted or bare symbols for missing ones.
    /// `visit` gets the cell and, for a token that is neither a number nor a known symbol, the token.
    mutating func data(from start: [UInt8], line firstLine: Int, visit: (CubeCell, String?, Int) -> Void) {
        // The line of the value being read, for findings (`DATA=` is on `firstLine`).
        var line = firstLine
        var tokenLine = firstLine
        var token: [UInt8] = []
        var inQuote = false
        var quotedToken = false
        var done = false
        func flush() {
            defer { token.removeAll(keepingCapacity: true); quotedToken = false }
            if quotedToken {
                visit(CubeCell(value: nil, symbol: String(decoding: token, as: UTF8.self)), nil, tokenLine)
                return
            }
            guard !token.isEmpty else { return }
            if let number = PXNumber.parse(token) {
                visit(CubeCell(value: number), nil, tokenLine)
            } else {
                let text = String(decoding: token, as: UTF8.self)
                visit(CubeCell(value: nil, symbol: text), PXNumber.knownSymbols.contains(text) ? nil : text, tokenLine)
            }
        }
        func consume(_ bytes: [UInt8]) {
            for byte in bytes {
                if done { return }
                if byte == 0x0A { line += 1 }
                if inQuote {
                    if byte == UInt8(ascii: "\"") { inQuote = false } else { token.append(byte) }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inQuote = true
                    quotedToken = true
                    tokenLine = line
                case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","):
                    if !token.isEmpty || quotedToken { flush() }
                case UInt8(ascii: ";"):
                    if !token.isEmpty || quotedToken { flush() }
                    done = true
                default:
                    if token.isEmpty { tokenLine = line }
                    token.append(byte)
                }
            }
        }
        consume(start)
        while !done, let chunk = nextChunk() { consume(chunk) }
        if !done, !token.isEmpty || quotedToken { flush() }
    }
}

/// A PX data value: `-12.5`, `7`, `1.5e3`. Written by hand because the data section of a
/// large table is millions of short numbers (see docs/decisions/0004-statistics-readers.md).
enum PXNumber {
    /// Statistics Finland's missing-value symbols, written bare by some programs.
    static let knownSymbols: Set<String> = [".", "..", "...", "....", ".....", "......", "-", ":"]

    private static let powers: [Double] = (0...22).map { pow(10.0, Double($0)) }

    static func parse(_ bytes: [UInt8]) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                if digits < 18 { mantissa = mantissa * 10 + UInt64(byte - 0x30); digits += 1; if seenPoint { scale += 1 } }
                else if !seenPoint { return slow(bytes) }
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                return slow(bytes)
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        // Exact for up to 15 significant digits: both operands are exact doubles.
        var value = Double(mantissa)
        if scale > 0 { value = scale < powers.count && digits <= 15 ? value / powers[scale] : (slow(bytes) ?? value) }
        return negative ? -value : value
    }

    private static func slow(_ bytes: [UInt8]) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: ",", with: "."))
    }
}
