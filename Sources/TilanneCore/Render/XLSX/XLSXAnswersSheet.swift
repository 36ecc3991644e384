/// Sheet "Vastaukset": who has answered the period's requests — every party asked, answered or
/// not, with the open rows and the deadline above, so the coordinator knows whom to chase.
enum XLSXAnswersSheet {
    static let widths: [Double] = [48, 18, 10, 10, 12]

    static func write(_ answers: AnswersReport, model: ReportModel, strings: ReportStrings,
                      workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.answersSheet)
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        sheet.merge(0, 0, widths.count - 1, strings.answersTitle(model.period), styles.title)
        sheet.merge(1, 0, widths.count - 1, strings.answersSummary(answers), styles.cell)
        let headerRow = 3
        for (column, header) in [strings.responsible, strings.answerStateColumn, strings.requestedRowsColumn, strings.openRowsColumn].enumerated() {
            sheet.string(headerRow, column, header, styles.header)
        }
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow, header: "&L\(XLSXText.headerSafe(model.programme.name))",
                         footer: "&R\(strings.page) &P / &N")
        for (offset, party) in answers.parties.enumerated() {
            sheet.string(headerRow + 1 + offset, 0, party.name, styles.cell)
            sheet.string(headerRow + 1 + offset, 1, strings.answerState(party.answered), styles.cell)
            sheet.number(headerRow + 1 + offset, 2, Double(party.rows), styles.number)
            sheet.number(headerRow + 1 + offset, 3, Double(party.open), styles.number)
            // After the deadline, the parties still owing rows are the ones to chase.
            if answers.deadlinePassed && party.open > 0 { sheet.string(headerRow + 1 + offset, 4, strings.lateMark, styles.cell) }
        }
    }
}
