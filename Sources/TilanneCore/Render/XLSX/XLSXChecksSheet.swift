/// Sheet "Tarkistukset": the row accounting, every finding with its location, and every
/// rejected row with its reason, so a coordinator can fix the source.
enum XLSXChecksSheet {
    static func write(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.checksSheet)
        let catalogue = MessageCatalogue(language: model.language)
        for (column, width) in [12.0, 26, 70, 40, 8, 50].enumerated() { sheet.width(column, width) }
        sheet.string(0, 0, strings.accounting(model.accounting), styles.title)
        var row = 2
        sheet.string(row, 0, strings.diagnosticsTitle, styles.sectionTitle)
        row += 1
        let headers = [strings.severity, strings.code, strings.message, strings.file, strings.row, strings.column]
        for (column, header) in headers.enumerated() { sheet.string(row, column, header, styles.header) }
        row += 1
        if model.diagnostics.isEmpty {
            sheet.string(row, 0, strings.noFindings, styles.cell)
            row += 1
        }
        for diagnostic in model.diagnostics {
            sheet.string(row, 0, catalogue.severityName(diagnostic.severity), styles.cell)
            sheet.string(row, 1, diagnostic.code.rawValue, styles.cell)
            sheet.string(row, 2, catalogue.message(diagnostic), styles.cell)
            sheet.string(row, 3, diagnostic.location?.filePart(tableWord: catalogue.tableWord) ?? "", styles.cell)
            if let line = diagnostic.location?.row { sheet.number(row, 4, Double(line), styles.number) } else { sheet.blank(row, 4, styles.cell) }
            var column = ""
            if let location = diagnostic.location, let index = location.column {
                column = SourceLocation.columnLetters(index) + (location.columnName.map { " (\($0))" } ?? "")
            }
            sheet.string(row, 5, column, styles.cell)
            row += 1
        }
        row += 1
        sheet.string(row, 0, strings.rejectedTitle, styles.sectionTitle)
        row += 1
        // The same columns as the findings above, so both tables read alike.
        let rejectedHeaders = [strings.severity, strings.code, strings.reason, strings.file, strings.row, strings.content]
        for (column, header) in rejectedHeaders.enumerated() { sheet.string(row, column, header, styles.header) }
        row += 1
        if model.rejectedRows.isEmpty {
            sheet.string(row, 0, strings.noRejected, styles.cell)
        }
        for rejected in model.rejectedRows {
            sheet.string(row, 0, catalogue.severityName(.error), styles.cell)
            sheet.string(row, 1, rejected.code.rawValue, styles.cell)
            sheet.string(row, 2, catalogue.message(rejected.code, rejected.arguments), styles.cell)
            sheet.string(row, 3, rejected.location.filePart(tableWord: catalogue.tableWord), styles.cell)
            sheet.number(row, 4, Double(rejected.location.row ?? 0), styles.number)
            sheet.string(row, 5, rejected.content, styles.cell)
            row += 1
        }
        sheet.freeze(rows: 1)
        sheet.printSetup(repeatRows: nil, header: "&L\(XLSXText.headerSafe(model.programme.name))",
                         footer: "&R\(strings.page) &P / &N")
    }
}
