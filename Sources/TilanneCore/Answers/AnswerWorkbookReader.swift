import Foundation

/// Answers ingest: reads one returned request workbook with the same XLSX reader the source
/// tables use. The answer sheet is found by its header row (the id and checksum headers in the
/// meta sheet's language), not by position or name, so LibreOffice's re-save, a reordered
/// sheet or an extra column at the end do not lose it.
public struct AnswerWorkbookReader: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public func read(_ url: URL) -> ReturnedWorkbook {
        let shown = DisplayPath.of(url, root: config.projectRoot)
        let empty = ReturnedColumns(id: 0, checksum: 0, headers: [:])
        var result = ReturnedWorkbook(file: shown, sheet: nil, meta: [:], rows: [], columns: empty)
        do {
            let reader = try WorkbookReader(url: url, limits: config.limits, language: config.language)
            if let meta = reader.sheets.first(where: { $0.name == RequestWorkbookRenderer.metaSheet }) {
                for record in try reader.read(meta).records where !record.cell(0).isEmpty {
                    result.meta[record.cell(0)] = record.cell(1)
                }
            }
            let language = result.meta["language"].flatMap(ReportLanguage.init(rawValue:)) ?? config.language
            let words = RequestStrings(language: language)
            let period = result.meta["period"] ?? config.period.label
            for sheet in reader.sheets where sheet.name != RequestWorkbookRenderer.metaSheet && sheet.name != RequestWorkbookRenderer.listSheet {
                let records = try reader.read(sheet).records
                guard let headerIndex = records.firstIndex(where: { $0.cells.contains(words.id) && $0.cells.contains(words.checksum) }) else { continue }
                let header = records[headerIndex].cells.map(Self.clean)
                func column(_ name: String) -> Int? { header.firstIndex(of: name).map { $0 + 1 } }
                let columns = ReturnedColumns(
                    id: column(words.id)!, checksum: column(words.checksum)!, action: column(words.action),
                    projects: column(words.projects), responsible: column(words.responsible),
                    newCode: column(words.newCode(period)), newStatus: column(words.newStatus(period)),
                    headers: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.offset + 1, $0.element) }))
                result.sheet = sheet.name
                result.columns = columns
                for record in records[(headerIndex + 1)...] {
                    func cell(_ index: Int?) -> String { index.map { Self.clean(record.cell($0 - 1)) } ?? "" }
                    let id = cell(columns.id)
                    let checksum = cell(columns.checksum)
                    // A row without an id is not a request row (a note typed below the table).
                    guard !id.isEmpty || !checksum.isEmpty else { continue }
                    result.rows.append(ReturnedRow(row: record.row, rowID: id, checksum: checksum, action: cell(columns.action),
                                                   projects: cell(columns.projects), responsible: cell(columns.responsible),
                                                   newCode: cell(columns.newCode), newStatus: cell(columns.newStatus)))
                }
                break
            }
        } catch {
            result.unreadable = Diagnostic(code: .sourceUnreadable, location: SourceLocation(file: shown), arguments: [.text("\(error)")])
        }
        return result
    }

    /// Line breaks as the tables have them (a spreadsheet may write CR LF), no edge spaces.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
