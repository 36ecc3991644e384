/// How large a report the workbook holds, and how it is written when it is large.
extension XLSXReportRenderer {
    /// Above this many actions the workbook is written in constant-memory mode (texts inline, each
    /// row flushed as the next one starts, the status sheet written beside the others): the
    /// library's cell tables would otherwise take about 1.3 KiB per action, 130 MiB at 100,000.
    /// What the mode costs: the data sheet, whose Excel Table the library cannot write then (the
    /// workbook leaves the sheet out, decision 0009), and the charts' cached values, which the
    /// library cannot read back from flushed rows (Excel and LibreOffice draw the charts from the
    /// cells; a previewer that only reads the cache shows them empty). A programme's table has tens
    /// to hundreds of actions (Kuopio's 77), so every real report stays in the normal mode, Table,
    /// chart cache and shared strings included (measurements in docs/performance.md).
    public static let streamingThreshold = 20_000

    /// The rows a worksheet holds in Excel (and in libxlsxwriter, which refuses the rest).
    public static let worksheetRows = 1_048_576

    /// The most rows each large sheet of the edition's workbook can need — the council's: the
    /// status sheet (one row per action, a heading per item, the title, legend and header rows;
    /// the data sheet needs fewer) and the changes; the coordinator's: one row per finding and
    /// rejected row, per change, per party and action on the update list. A bound, not the exact count.
    static func rowsNeeded(_ model: ReportModel) -> [(sheet: String, rows: Int)] {
        let strings = ReportStrings(language: model.language)
        var sheets: [(String, Int)] = []
        if model.isCoordinatorEdition {
            sheets.append((strings.checksSheet, 12 + model.diagnostics.count + model.rejectedRows.count))
            if let requests = model.updateRequests {
                sheets.append((strings.updatesSheet, 12 + requests.reduce(0) { $0 + 2 + $1.actions.count }))
            }
        } else {
            sheets.append((strings.statusSheet, 8 + model.legend.count + 2 * model.outline.count + model.totals.total))
        }
        if let comparison = model.comparison { sheets.append((strings.changesSheet, 12 + comparison.changes.count)) }
        return sheets
    }

    /// Why the report does not fit in a workbook, or nil when it does: said before anything is
    /// written, instead of a file cut short or libxlsxwriter's "index out of range".
    public static func sizeProblem(_ model: ReportModel) -> String? {
        guard let (sheet, rows) = rowsNeeded(model).first(where: { $0.rows > worksheetRows }) else { return nil }
        return "the report needs up to \(rows) rows on the sheet \"\(sheet)\" (\(model.totals.total) actions), more than the "
            + "\(worksheetRows) rows an Excel worksheet holds; nothing was written. Write the other formats "
            + "(--format csv --format html) or split the sources into several programmes"
    }
}
