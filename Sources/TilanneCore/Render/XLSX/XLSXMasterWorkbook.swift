import CXlsxWriter
import Foundation

/// The coordinator's master as a workbook: each source table of one file on a sheet of its
/// own, every cell as text exactly as read (a code stays `+`, a number written as text stays
/// as written), the header row bold with an autofilter, the answered cells shaded so the
/// coordinator sees what came back. Read again with the source's own `sources:` settings.
///
/// A `ReportRenderer` so that the publisher writes it as it writes the reports (private folder,
/// read back, renamed into place); the report model it is handed is not used.
public struct MasterWorkbookRenderer: ReportRenderer {
    public let tables: [MasterTable]
    public var format: OutputFormat { .xlsx }

    public init(tables: [MasterTable]) { self.tables = tables }

    public func render(_ model: ReportModel, to url: URL) throws {
        let workbook = try XLSXWorkbook(path: url.path)
        let text = workbook.format { $0.wrap().top() }
        let header = workbook.format { $0.bold().wrap().top().fill(0xD9E1F2) }
        let answered = workbook.format { $0.wrap().top().fill(0xFFF2CC) }
        var used: Set<String> = []
        for (index, table) in tables.enumerated() {
            let sheet = try workbook.addSheet(Self.sheetName(table, index: index, used: &used))
            let width = table.width
            for column in 0..<width { sheet.width(column, column == 0 ? 14 : 30) }
            for (row, cells) in table.rows.enumerated() {
                for (column, value) in cells.enumerated() where !value.isEmpty {
                    let format = row == table.headerIndex ? header
                        : table.answered.contains(.init(row: row, column: column)) ? answered : text
                    sheet.string(row, column, value, format)
                }
            }
            if let headerIndex = table.headerIndex, width > 0 {
                sheet.freeze(rows: headerIndex + 1)
                worksheet_autofilter(sheet.handle, lxw_row_t(headerIndex), 0, lxw_row_t(max(headerIndex, table.rows.count - 1)), lxw_col_t(width - 1))
            }
        }
        try workbook.close()
    }

    /// The source's own sheet name where it has one; Excel's limits (31 characters, no `[]:*?/\`, unique) kept.
    static func sheetName(_ table: MasterTable, index: Int, used: inout Set<String>) -> String {
        let wanted = table.sheet ?? table.tableNumber.map { "Taulukko \($0)" } ?? "Taulukko"
        var name = String(wanted.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        if name.isEmpty || used.contains(name) { name = String(name.prefix(27)) + " \(index + 1)" }
        used.insert(name)
        return name
    }
}

/// The coordinator's master as CSV, one file per source table, for Excel on a Finnish machine
/// (UTF-8 with BOM, `;`, CRLF). Its cells carry the same formula guard as every CSV written
/// here (a leading apostrophe before text starting with `=`, `+`, `-`, `@`), so the workbook is
/// the one that reads back exactly.
public struct MasterCSVRenderer: ReportRenderer {
    public let table: MasterTable
    public var format: OutputFormat { .csv }

    public init(table: MasterTable) { self.table = table }

    public func render(_ model: ReportModel, to url: URL) throws {
        let writer = try BufferedFileWriter(path: url.path)
        writer.write(bytes: [0xEF, 0xBB, 0xBF])
        let width = table.width
        for cells in table.rows {
            let padded = cells + Array(repeating: "", count: max(0, width - cells.count))
            writer.write(padded.map { CSVCell.encode($0, isProgressCode: true) }.joined(separator: ";") + "\r\n")
        }
        try writer.close()
    }
}
