import Foundation

/// Ingest stage: finds the files of a source, reads each by its format (CSV, XLSX workbook,
/// DOCX document), and locates the header row and the configured columns. Returns one
/// `RawTable` per file, worksheet or document table read.
public struct SourceIngester: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// A source pattern that matches no file is itself a finding; its table has no records.
    public func ingest(_ source: SourceConfig) -> [RawTable] {
        let files = SourceFiles.expand(config.resolve(source.path))
        if files.isEmpty {
            var log = DiagnosticLog()
            let shown = DisplayPath.of(config.resolve(source.path), root: config.projectRoot)
            log.emit(.sourceMissing, at: SourceLocation(file: shown), shown)
            return [RawTable(file: shown, format: source.format ?? SourceFormat.of(fileName: shown), shape: source.shape,
                             encoding: source.encoding, diagnostics: log.diagnostics)]
        }
        return files.flatMap { ingestFile($0, source: source) }
    }

    public func ingestFile(_ url: URL, source: SourceConfig) -> [RawTable] {
        switch source.format ?? SourceFormat.of(fileName: url.lastPathComponent) {
        case .csv: [readCSV(url, source: source)]
        case .xlsx: readWorkbook(url, source: source)
        case .docx: readDocument(url, source: source)
        }
    }

    /// Shared by every format once the records are read: the header row, the widths, and
    /// whether any action row follows.
    func locateColumns(in table: inout RawTable, source: SourceConfig, log: inout DiagnosticLog) {
        if table.records.allSatisfy(\.isBlank) {
            log.emit(.sourceEmpty, at: table.origin)
            return
        }
        guard locateHeader(in: &table, source: source) else {
            reportMissingHeaders(in: table, source: source, log: &log)
            return
        }
        guard let headerIndex = table.headerIndex else { return }
        locateTranslatedColumns(in: &table, source: source, log: &log)
        if table.format == .csv {
            checkWidths(in: &table, after: headerIndex, log: &log)
        } else {
            // Workbooks and documents store no trailing empty cells: pad to the header's width.
            let width = table.records[headerIndex].cells.count
            for index in table.records.indices where table.records[index].cells.count < width {
                table.records[index].cells += Array(repeating: "", count: width - table.records[index].cells.count)
            }
        }
        let dataRows = table.records[(headerIndex + 1)...].contains { !$0.isBlank }
        let anyBeforeHeader = source.shape == .sectioned && table.records[..<headerIndex].contains { !$0.isBlank }
        if !dataRows && !anyBeforeHeader {
            log.emit(.noDataRows, at: table.origin.at(row: table.records[headerIndex].row))
        }
    }

    /// The header is the first record holding every configured column header (compared after
    /// whitespace and dash normalisation and case folding); title rows above it are allowed.
    func locateHeader(in table: inout RawTable, source: SourceConfig) -> Bool {
        let wanted = source.columns.mapValues { TextNormaliser.comparisonKey($0) }
        let levelHeaders = Self.levelHeaders(source)
        for (index, record) in table.records.enumerated().prefix(200) where !record.isBlank {
            let keys = record.cells.map { TextNormaliser.comparisonKey($0) }
            var columns: [Field: Int] = [:]
            for (field, header) in wanted {
                if let column = keys.firstIndex(of: header) { columns[field] = column }
            }
            guard columns.count == wanted.count,
                  levelHeaders.allSatisfy({ keys.contains(TextNormaliser.comparisonKey($0)) }) else { continue }
            table.headerIndex = index
            table.columns = columns
            // Headers name a column in every finding: quoted as an excerpt (a header cell can be anything).
            table.headerCells = record.cells.map { CellText.excerpt(TextNormaliser.singleLine($0), length: 200) }
            func column(_ header: String?) -> Int? { header.flatMap { keys.firstIndex(of: TextNormaliser.comparisonKey($0)) } }
            for (level, headers) in source.levelColumns {
                table.levelColumns[level] = LevelColumnIndexes(number: column(headers.number), title: column(headers.title))
            }
            // Tag and extra columns are optional: a unit's file without them is still read.
            for (key, header) in source.tagColumns { if let found = column(header) { table.tagColumns[key] = found } }
            for header in source.extraColumns { if let found = column(header) { table.extraColumns[header] = found } }
            return true
        }
        return false
    }

    /// The headers of the level columns, which a header row must hold like the field columns.
    static func levelHeaders(_ source: SourceConfig) -> [String] {
        source.levelColumns.sorted { $0.key < $1.key }.flatMap { [$0.value.number, $0.value.title].compactMap { $0 } }
    }

    /// The columns with texts in other report languages, in the header row already found.
    private func locateTranslatedColumns(in table: inout RawTable, source: SourceConfig, log: inout DiagnosticLog) {
        guard !source.translatedColumns.isEmpty, let headerIndex = table.headerIndex else { return }
        let header = table.records[headerIndex]
        let keys = header.cells.map { TextNormaliser.comparisonKey($0) }
        for (language, fields) in source.translatedColumns.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for (field, name) in fields.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                if let column = keys.firstIndex(of: TextNormaliser.comparisonKey(name)) {
                    table.translatedColumns[language, default: [:]][field] = column
                } else {
                    let found = header.cells.filter { !$0.isEmpty }.map { "\"\(TextNormaliser.singleLine($0))\"" }.joined(separator: ", ")
                    log.emit(.headerNotFound, at: table.origin.at(row: header.row), name, found)
                }
            }
        }
    }

    /// Names each configured header missing from the row that came closest to being the header.
    private func reportMissingHeaders(in table: RawTable, source: SourceConfig, log: inout DiagnosticLog) {
        let wanted = Array(source.columns.values.map { TextNormaliser.comparisonKey($0) })
            + Self.levelHeaders(source).map { TextNormaliser.comparisonKey($0) }
        var best: (index: Int, found: Int)?
        for (index, record) in table.records.enumerated().prefix(200) where !record.isBlank {
            let keys = Set(record.cells.map { TextNormaliser.comparisonKey($0) })
            let found = wanted.filter(keys.contains).count
            if found > (best?.found ?? 0) { best = (index, found) }
        }
        let reference = table.records[best?.index ?? table.records.firstIndex(where: { !$0.isBlank }) ?? 0]
        let keys = reference.cells.map { TextNormaliser.comparisonKey($0) }
        let found = reference.cells.filter { !$0.isEmpty }.map { "\"\(TextNormaliser.singleLine($0))\"" }.joined(separator: ", ")
        for field in Field.allCases {
            guard let header = source.columns[field], !keys.contains(TextNormaliser.comparisonKey(header)) else { continue }
            log.emit(.headerNotFound, at: table.origin.at(row: reference.row), header, found)
        }
        for header in Self.levelHeaders(source) where !keys.contains(TextNormaliser.comparisonKey(header)) {
            log.emit(.headerNotFound, at: table.origin.at(row: reference.row), header, found)
        }
    }

    /// A CSV record wider or narrower than the header means a broken line; only trailing
    /// empty cells are forgiven. Sectioned tables may have short section rows.
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
                    .csvRaggedRow, at: table.origin.at(row: record.row), "\(record.cells.count)", "\(width)")
            } else if record.cells.count < width {
                table.records[index].cells += Array(repeating: "", count: width - record.cells.count)
            }
        }
    }
}
