/// A list laid out by the layout stage (`LayoutTable`: "Muutokset", "Päivitettävät") as a sheet
/// of its own: the title and the note spanning the table, the header row frozen and repeated
/// on every printed page, a whole-number place as a number, each row as tall as its text.
enum XLSXLayoutSheet {
    static func write(_ table: LayoutTable, model: ReportModel, strings: ReportStrings,
                      workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(table.name)
        let widths = table.columns.map(\.width)
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        // Title and note span the table, so that print and screen show them whole.
        sheet.merge(0, 0, widths.count - 1, table.title, styles.title)
        if let note = table.note {
            sheet.merge(1, 0, widths.count - 1, note, styles.cell)
            sheet.height(1, XLSXText.height(lines: 2))
        }
        let headerRow = table.note == nil ? 2 : 3
        for (column, header) in table.columns.map(\.header).enumerated() { sheet.string(headerRow, column, header, styles.header) }
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow, header: "&L\(XLSXText.headerSafe(model.programme.name))",
                         footer: "&R\(strings.page) &P / &N")
        var row = headerRow + 1
        if table.rows.isEmpty { sheet.string(row, 0, table.empty, styles.cell) }
        for layoutRow in table.rows {
            for (column, text) in layoutRow.cells.enumerated() {
                // A whole-number place (goal 5) stays a number, so the column sorts and filters as one.
                if table.columns[column].content == .place, let number = Int(text) {
                    sheet.number(row, column, Double(number), styles.number)
                } else {
                    sheet.string(row, column, text, styles.cell)
                }
            }
            let lines = zip(layoutRow.cells, widths).map { XLSXText.lineCount($0, width: $1) }.max() ?? 1
            sheet.height(row, XLSXText.height(lines: min(lines, 20)))
            row += 1
        }
    }
}
