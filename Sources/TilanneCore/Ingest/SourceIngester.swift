import Foundation

/// Ingest stage: finds the files of a source, decodes them, parses the CSV and locates the
/// header row and the configured columns. Returns one `RawTable` per file.
public struct SourceIngester: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// A source pattern that matches no file is itself a finding; its table has no records.
    public func ingest(_ source: SourceConfig) -> [RawTable] {
        let files = SourceFiles.expand(config.resolve(source.path))
        if files.isEmpty {
            var log = makeLog()
            let shown = DisplayPath.of(config.resolve(source.path), root: config.projectRoot)
            log.emit(.sourceMissing, at: SourceLocation(file: shown), shown)
            return [RawTable(file: shown, shape: source.shape, encoding: source.encoding, delimiter: "",
                             records: [], headerIndex: nil, columns: [:], headerCells: [], diagnostics: log.diagnostics)]
        }
        return files.map { ingestFile($0, source: source) }
    }

    func makeLog() -> DiagnosticLog {
        DiagnosticLog(catalogue: MessageCatalogue(language: config.language), severityOverrides: config.validation.severity)
    }

    public func ingestFile(_ url: URL, source: SourceConfig) -> RawTable {
        var log = makeLog()
        let file = DisplayPath.of(url, root: config.projectRoot)
        var table = RawTable(file: file, shape: source.shape, encoding: source.encoding, delimiter: "",
                             records: [], headerIndex: nil, columns: [:], headerCells: [], diagnostics: [])
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            log.emit(.sourceUnreadable, at: SourceLocation(file: file), error.localizedDescription)
            table.diagnostics = log.diagnostics
            return table
        }
        let parsed = data.withUnsafeBytes { raw -> (CSVParser.Result, SourceEncoding, UInt8) in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            let delimiter = source.delimiter ?? CSVParser.detectDelimiter(bytes)
            let encoding: SourceEncoding
            switch source.encoding {
            case .utf8:
                let valid = TextDecoding.isValidUTF8(bytes)
                return (CSVParser.parse(bytes, delimiter: delimiter, checkUTF8: !valid), .utf8, delimiter)
            case .windows1252:
                encoding = .windows1252
            case .auto:
                encoding = TextDecoding.isValidUTF8(bytes) ? .utf8 : .windows1252
            }
            if encoding == .windows1252 {
                let utf8 = TextDecoding.windows1252ToUTF8(bytes)
                return (utf8.withUnsafeBufferPointer { CSVParser.parse($0, delimiter: delimiter, checkUTF8: false) }, encoding, delimiter)
            }
            return (CSVParser.parse(bytes, delimiter: delimiter, checkUTF8: false), encoding, delimiter)
        }
        let (result, encoding, delimiter) = parsed
        table.encoding = encoding
        table.delimiter = String(UnicodeScalar(delimiter))
        if source.encoding == .auto && encoding == .windows1252 {
            log.emit(.sourceEncodingFallback, at: SourceLocation(file: file))
        }
        var records = result.records.map { RawRecord(row: $0.number, cells: $0.fields) }
        if data.isEmpty || records.allSatisfy(\.isBlank) {
            log.emit(.sourceEmpty, at: SourceLocation(file: file))
            table.records = records
            table.diagnostics = log.diagnostics
            return table
        }
        for record in result.records where !record.invalidUTF8Columns.isEmpty {
            for column in record.invalidUTF8Columns {
                log.emit(.sourceInvalidUTF8, at: SourceLocation(file: file, row: record.number, column: column))
            }
        }
        for problem in result.problems {
            switch problem {
            case .unterminatedQuote(let row, let column):
                let finding = log.emit(.csvUnterminatedQuote, at: SourceLocation(file: file, row: row, column: column))
                if let index = records.firstIndex(where: { $0.row == row }) { records[index].rejection = finding }
            case .strayQuote(let row, let column):
                log.emit(.csvStrayQuote, at: SourceLocation(file: file, row: row, column: column))
            }
        }
        table.records = records
        locateHeader(in: &table, source: source, log: &log)
        if let headerIndex = table.headerIndex {
            checkWidths(in: &table, after: headerIndex, log: &log)
            let dataRows = table.records[(headerIndex + 1)...].filter { !$0.isBlank }
            let anyBeforeHeader = source.shape == .sectioned && table.records[..<headerIndex].contains { !$0.isBlank }
            if dataRows.isEmpty && !anyBeforeHeader {
                log.emit(.noDataRows, at: SourceLocation(file: file, row: table.records[headerIndex].row))
            }
        }
        table.diagnostics = log.diagnostics
        return table
    }

    /// The header is the first record holding every configured column header (compared after
    /// whitespace and dash normalisation and case folding); title rows above it are allowed.
    private func locateHeader(in table: inout RawTable, source: SourceConfig, log: inout DiagnosticLog) {
        let wanted = source.columns.mapValues { TextNormaliser.comparisonKey($0) }
        var best: (index: Int, found: Int)?
        for (index, record) in table.records.enumerated().prefix(200) where !record.isBlank {
            let keys = record.cells.map { TextNormaliser.comparisonKey($0) }
            var columns: [Field: Int] = [:]
            for (field, header) in wanted {
                if let column = keys.firstIndex(of: header) { columns[field] = column }
            }
            if columns.count == wanted.count {
                table.headerIndex = index
                table.columns = columns
                table.headerCells = record.cells.map { TextNormaliser.singleLine($0) }
                return
            }
            if columns.count > (best?.found ?? 0) { best = (index, columns.count) }
        }
        let reference = table.records[best?.index ?? table.records.firstIndex(where: { !$0.isBlank }) ?? 0]
        let keys = reference.cells.map { TextNormaliser.comparisonKey($0) }
        let found = reference.cells.map { "\"\(TextNormaliser.singleLine($0))\"" }.joined(separator: ", ")
        for field in Field.allCases {
            guard let header = source.columns[field], !keys.contains(TextNormaliser.comparisonKey(header)) else { continue }
            log.emit(.headerNotFound, at: SourceLocation(file: table.file, row: reference.row), header, found)
        }
    }

    /// A record wider or narrower than the header means a broken line; only trailing empty
    /// cells are forgiven. Sectioned tables may have short section rows.
    private func checkWidths(in table: inout RawTable, after headerIndex: Int, log: inout DiagnosticLog) {
        let width = table.records[headerIndex].cells.count
        for index in table.records.indices where index != headerIndex {
            let record = table.records[index]
            if record.rejection != nil || record.isBlank { continue }
            if table.shape == .flat && index < headerIndex { continue }
            var used = record.cells.count
            while used > width, record.cells[used - 1].isEmpty { used -= 1 }
            let tooWide = used > width
            let tooNarrow = record.cells.count < width && table.shape == .flat
            if tooWide || tooNarrow {
                table.records[index].rejection = log.emit(
                    .csvRaggedRow, at: SourceLocation(file: table.file, row: record.row), "\(record.cells.count)", "\(width)")
            } else if record.cells.count < width {
                table.records[index].cells += Array(repeating: "", count: width - record.cells.count)
            }
        }
    }
}
