import Foundation

/// Writes a CSV for a Finnish Excel user (UTF-8 with BOM, `;`, CRLF), each cell protected
/// against formula injection: shared by the report's side lists.
struct CSVTable {
    private let writer: BufferedFileWriter

    init(url: URL, header: [String]) throws {
        writer = try BufferedFileWriter(path: url.path)
        writer.write(bytes: [0xEF, 0xBB, 0xBF])
        row(header)
    }

    /// Cells whose index is in `codes` are progress codes (`+`, `-`), kept readable as codes.
    func row(_ cells: [String], codes: Set<Int> = []) {
        writer.write(cells.enumerated().map { CSVCell.encode($1, isProgressCode: codes.contains($0)) }.joined(separator: ";") + "\r\n")
    }

    func close() throws { try writer.close() }
}

/// `…-muutokset.csv`: the changes since the previous frozen period, one row each, as the
/// "Muutokset" sheet lists them (`ChangeListLayout`).
public struct ChangesCSVRenderer: ReportRenderer {
    public let format = OutputFormat.csv
    public let variant = ReportVariant.changes

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        // Written only with a comparison; without one, the headers alone.
        let layout = model.comparison.map { ChangeListLayout.changes($0, model: model) }
        try CSVTable.write(layout?.columns ?? ChangeListLayout.changeColumns(model: model), rows: layout?.rows ?? [], to: url)
    }
}

/// `…-paivitettavat.csv`: per responsible party, the rows that need an update from them.
public struct UpdatesCSVRenderer: ReportRenderer {
    public let format = OutputFormat.csv
    public let variant = ReportVariant.updates

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let layout = ChangeListLayout.updates(model.updateRequests ?? [], model: model)
        try CSVTable.write(layout.columns, rows: layout.rows, to: url)
    }
}

extension CSVTable {
    /// A laid-out list as CSV: its headers, then its rows, the progress codes kept as codes.
    static func write(_ columns: [LayoutColumn], rows: [LayoutRow], to url: URL) throws {
        let table = try CSVTable(url: url, header: columns.map(\.header))
        let codes = Set(columns.indices.filter { columns[$0].content == .progressCode })
        for row in rows { table.row(row.cells, codes: codes) }
        try table.close()
    }
}
