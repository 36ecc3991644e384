/// Sheet "Muutokset": what changed since the previous frozen period, one row per change, in
/// report order with the actions no longer reported last; uncertain matches are marked.
enum XLSXChangesSheet {
    static let widths: [Double] = [18, 12, 11, 40, 24, 17, 15, 15, 22, 34, 40, 40, 22]

    static func write(_ comparison: PeriodComparison, model: ReportModel, strings: ReportStrings,
                      workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.changesSheet)
        // The last column (a match to check) is the coordinator's.
        let widths = model.isCoordinatorEdition ? widths : Array(widths.dropLast())
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        // Title and counts span the table, so that print and screen show them whole.
        sheet.merge(0, 0, widths.count - 1, strings.changesTitle(comparison.previousPeriod, model.period), styles.title)
        sheet.merge(1, 0, widths.count - 1, strings.changeCounts(comparison.counts), styles.cell)
        sheet.height(1, XLSXText.height(lines: 2))
        let headerRow = 3
        let headers = [strings.changeKindColumn, strings.identifier, model.placeColumn, strings.action, strings.responsible,
                       strings.progressBefore, strings.progressNow, strings.directionColumn, strings.statusUpdated,
                       strings.previousWording, strings.statusBefore, model.statusColumn, strings.checkFlag].prefix(widths.count)
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow, header: "&L\(XLSXText.headerSafe(model.programme.name))",
                         footer: "&R\(strings.page) &P / &N")
        var row = headerRow + 1
        if comparison.changes.isEmpty {
            sheet.string(row, 0, strings.noChanges, styles.cell)
        }
        for change in comparison.changes {
            let cells = Array(ChangeRows.cells(change, strings: strings).prefix(widths.count))
            for (column, text) in cells.enumerated() {
                // A whole-number place (goal 5) stays a number, so the column sorts and filters as one.
                if column == 2, let number = Int(text) {
                    sheet.number(row, column, Double(number), styles.number)
                } else {
                    sheet.string(row, column, text, styles.cell)
                }
            }
            let lines = zip(cells, widths).map { XLSXText.lineCount($0, width: $1) }.max() ?? 1
            sheet.height(row, XLSXText.height(lines: min(lines, 20)))
            row += 1
        }
    }
}

/// Sheet "Päivitettävät": per responsible party, the rows whose status text has not been
/// updated for the configured number of periods or whose progress is unknown; ready to send.
enum XLSXUpdatesSheet {
    static let widths: [Double] = [30, 12, 11, 44, 13, 50, 34]

    static func write(_ requests: [UpdateRequest], model: ReportModel, strings: ReportStrings,
                      workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.updatesSheet)
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        sheet.merge(0, 0, widths.count - 1, strings.updatesTitle(model.period), styles.title)
        let headerRow = 2
        let headers = [strings.responsible, strings.identifier, model.placeColumn, strings.action, strings.progress,
                       model.statusColumn, strings.reasonColumn]
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow, header: "&L\(XLSXText.headerSafe(model.programme.name))",
                         footer: "&R\(strings.page) &P / &N")
        var row = headerRow + 1
        if requests.isEmpty { sheet.string(row, 0, strings.noUpdates, styles.cell) }
        for request in requests {
            for item in request.actions {
                let cells = [request.responsible, item.id, item.place, item.action, item.progress, item.status,
                             strings.staleReason(item.stale)]
                for (column, text) in cells.enumerated() {
                    if column == 2, let number = Int(text) { sheet.number(row, column, Double(number), styles.number) } else { sheet.string(row, column, text, styles.cell) }
                }
                let lines = zip(cells, widths).map { XLSXText.lineCount($0, width: $1) }.max() ?? 1
                sheet.height(row, XLSXText.height(lines: min(lines, 20)))
                row += 1
            }
        }
    }
}
