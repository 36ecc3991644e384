import Foundation

extension SourceIngester {
    /// An XLSX workbook: the configured sheet (by default the first), or with `sheet: all`
    /// every sheet whose header row matches; the others are skipped with a note.
    func readWorkbook(_ url: URL, source: SourceConfig) -> [RawTable] {
        let file = DisplayPath.of(url, root: config.projectRoot)
        var log = DiagnosticLog()
        let failed = RawTable(file: file, format: .xlsx, shape: source.shape, encoding: .utf8)
        let workbook: WorkbookReader
        do {
            workbook = try WorkbookReader(url: url, limits: config.limits, language: config.language)
        } catch {
            report(error, format: .xlsx, at: failed.origin, log: &log)
            return [with(failed, log)]
        }
        let names = workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let chosen: [WorkbookReader.Sheet]
        switch source.part ?? .index(1) {
        case .named(let name):
            let key = TextNormaliser.comparisonKey(name)
            let match = workbook.sheets.first { $0.name == name }
                ?? workbook.sheets.first { TextNormaliser.comparisonKey($0.name) == key }
            chosen = match.map { [$0] } ?? []
            if chosen.isEmpty { log.emit(.sheetNotFound, at: failed.origin, name, names) }
        case .index(let index):
            chosen = index <= workbook.sheets.count ? [workbook.sheets[index - 1]] : []
            if chosen.isEmpty { log.emit(.sheetNotFound, at: failed.origin, "\(index)", names) }
        case .all:
            chosen = workbook.sheets
            if chosen.isEmpty { log.emit(.sheetNotFound, at: failed.origin, "*", names) }
        }
        if chosen.isEmpty { return [with(failed, log)] }

        var tables: [RawTable] = []
        var skipped: [RawTable] = []
        for sheet in chosen {
            var sheetLog = DiagnosticLog()
            var table = RawTable(file: file, format: .xlsx, sheet: sheet.name, shape: source.shape, encoding: .utf8)
            do {
                let content = try workbook.read(sheet)
                table.records = content.records
                for cell in content.errorCells {
                    sheetLog.emit(.cellFormulaError, at: table.origin.at(row: cell.reference.row, column: cell.reference.column), cell.text)
                }
            } catch {
                report(error, format: .xlsx, at: table.origin, log: &sheetLog)
                tables.append(with(table, sheetLog))
                continue
            }
            if source.part == .all, !locateHeader(in: &table, source: source) {
                skipped.append(table)
                continue
            }
            locateColumns(in: &table, source: source, log: &sheetLog)
            tables.append(with(table, sheetLog))
        }
        return partsRead(tables, skipped: skipped, source: source, fileLog: log)
    }

    /// A DOCX document: every top-level table whose header row matches (or the configured one).
    func readDocument(_ url: URL, source: SourceConfig) -> [RawTable] {
        let file = DisplayPath.of(url, root: config.projectRoot)
        var log = DiagnosticLog()
        let failed = RawTable(file: file, format: .docx, shape: source.shape, encoding: .utf8)
        let found: [DocumentTablesHandler.Table]
        do {
            found = try DocumentReader.tables(url: url, limits: config.limits)
        } catch {
            report(error, format: .docx, at: failed.origin, log: &log)
            return [with(failed, log)]
        }
        let selection = source.part ?? .all
        var chosen = found
        if case .index(let number) = selection { chosen = found.filter { $0.number == number } }
        if chosen.isEmpty {
            let wanted = if case .index(let number) = selection { "\(number)" } else { "1" }
            log.emit(.tableNotFound, at: failed.origin, wanted, "\(found.count)")
            return [with(failed, log)]
        }
        var tables: [RawTable] = []
        var skipped: [RawTable] = []
        for documentTable in chosen {
            var tableLog = DiagnosticLog()
            var table = RawTable(file: file, format: .docx, tableNumber: documentTable.number, shape: source.shape,
                                 encoding: .utf8, records: documentTable.records)
            if selection == .all, !locateHeader(in: &table, source: source) {
                skipped.append(table)
                continue
            }
            for row in documentTable.nestedTableRows { tableLog.emit(.nestedTable, at: table.origin.at(row: row)) }
            locateColumns(in: &table, source: source, log: &tableLog)
            tables.append(with(table, tableLog))
        }
        return partsRead(tables, skipped: skipped, source: source, fileLog: log)
    }

    /// Sheets or tables skipped for want of a header are noted; when none had the header, the
    /// first one is reported as the CSV would be, naming the missing columns.
    private func partsRead(_ tables: [RawTable], skipped: [RawTable], source: SourceConfig, fileLog: DiagnosticLog) -> [RawTable] {
        var log = fileLog
        guard !tables.isEmpty else {
            guard var first = skipped.first else { return [] }
            locateColumns(in: &first, source: source, log: &log)
            first.diagnostics = log.diagnostics
            return [first]
        }
        var result = tables
        for table in skipped {
            let name: DiagnosticArgument = table.sheet.map { .text("\"\($0)\"") } ?? .documentTable(table.tableNumber ?? 0)
            log.emit(.partSkipped, at: table.origin, with: [name])
        }
        result[0].diagnostics = log.diagnostics + result[0].diagnostics
        return result
    }

    private func with(_ table: RawTable, _ log: DiagnosticLog) -> RawTable {
        var table = table
        table.diagnostics = log.diagnostics
        return table
    }

    /// One finding per file that cannot be read; nothing of it reaches the report.
    /// What a file that is not the format its name says turned out to be.
    private static func content(_ detected: String) -> DiagnosticArgument {
        switch detected {
        case "OLE2 (.xls/.doc)": .phrase(.oldBinaryFormat)
        case "empty": .phrase(.emptyContent)
        case "text": .phrase(.textContent)
        case "binary": .phrase(.binaryContent)
        default: .text(detected)
        }
    }

    private func report(_ error: Error, format: SourceFormat, at origin: SourceLocation, log: inout DiagnosticLog) {
        let kind = format.rawValue.uppercased()
        guard let error = error as? OfficeReadError else {
            log.emit(.sourceUnreadable, at: origin, String(describing: error))
            return
        }
        switch error {
        case .notAnArchive(let detected):
            log.emit(.sourceWrongFormat, at: origin, with: [.text(kind), Self.content(detected)])
        case .damagedArchive(let detail):
            log.emit(.archiveDamaged, at: origin, detail)
        case .unsafeEntryPath(let path):
            log.emit(.archiveUnsafePath, at: origin, path)
        case .expansionLimit(let entry, let limit):
            log.emit(.archiveTooLarge, at: origin, "\(limit / (1024 * 1024))", entry)
        case .missingPart(let part):
            log.emit(.archiveMissingPart, at: origin, part, kind)
        case .forbiddenDTD(let entry):
            log.emit(.xmlForbiddenDTD, at: origin, entry)
        case .malformedXML(let entry, let line, let message):
            log.emit(.xmlMalformed, at: origin, entry, "\(line)", message)
        case .sheetTooLarge(let cell, let limit):
            log.emit(.sheetTooLarge, at: origin, cell, limit)
        case .badCellReference(let reference):
            log.emit(.sheetBadReference, at: origin, reference)
        }
    }
}
