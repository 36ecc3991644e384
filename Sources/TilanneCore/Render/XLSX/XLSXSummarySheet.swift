import CXlsxWriter

/// Sheet "Yhteenveto": counts and shares of each progress code per goal, per theme and for the
/// programme, and a native stacked bar chart of the goals.
enum XLSXSummarySheet {
    static func write(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.summarySheet)
        sheet.string(0, 0, strings.summaryTitle, styles.title)
        sheet.height(0, 22)
        // Columns: theme, goal, then count and share per legend code, other, missing, total.
        var headers = [strings.theme, strings.goal]
        for item in model.legend {
            headers.append("\(item.code) \(item.label): \(strings.count)")
            headers.append("\(item.code) \(strings.share)")
        }
        headers += [strings.unknownCodesColumn, strings.missingColumn, strings.total]
        let (themeWidth, goalWidth) = (34.0, 44.0)
        sheet.width(0, themeWidth)
        sheet.width(1, goalWidth)
        // Wrapped names need tall rows; spreadsheet programs do not grow them on opening.
        func fit(_ row: Int, _ theme: String, _ goal: String) {
            // Theme names are capitals (bold in the totals): fewer fit on a line than of body text.
            let lines = max(XLSXText.lineCount(theme, width: themeWidth, charactersPerUnit: 0.75), XLSXText.lineCount(goal, width: goalWidth))
            if lines > 1 { sheet.height(row, XLSXText.height(lines: lines)) }
        }
        for column in 2..<headers.count { sheet.width(column, 12) }
        let headerRow = 2
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
        sheet.height(headerRow, 48)

        func counts(_ row: Int, _ counts: ProgressCounts, bold: Bool) {
            var column = 2
            for item in counts.byCode {
                sheet.number(row, column, Double(item.count), bold ? styles.numberBold : styles.number)
                sheet.number(row, column + 1, item.share, bold ? styles.percentBold : styles.percent)
                column += 2
            }
            sheet.number(row, column, Double(counts.unknownTotal), bold ? styles.numberBold : styles.number)
            sheet.number(row, column + 1, Double(counts.missing), bold ? styles.numberBold : styles.number)
            sheet.number(row, column + 2, Double(counts.total), bold ? styles.numberBold : styles.number)
        }

        // Goals first, in one contiguous block, so the chart can refer to them.
        var row = headerRow + 1
        let firstGoalRow = row
        for theme in model.themes {
            for goal in theme.goals {
                let themeTitle = model.shown(theme.title, untranslated: theme.untranslatedTitle == true)
                let goalTitle = "\(goal.number). \(model.shown(goal.title, untranslated: goal.untranslatedTitle == true))"
                sheet.string(row, 0, themeTitle, styles.cell)
                sheet.string(row, 1, goalTitle, styles.cell)
                fit(row, themeTitle, goalTitle)
                counts(row, goal.counts, bold: false)
                row += 1
            }
        }
        let lastGoalRow = row - 1
        row += 1
        for theme in model.themes {
            let themeTitle = model.shown(theme.title, untranslated: theme.untranslatedTitle == true)
            sheet.string(row, 0, themeTitle, styles.textBold)
            sheet.string(row, 1, strings.total, styles.textBold)
            fit(row, themeTitle, strings.total)
            counts(row, theme.counts, bold: true)
            row += 1
        }
        sheet.string(row, 0, strings.programmeTotal, styles.textBold)
        sheet.string(row, 1, strings.total, styles.textBold)
        counts(row, model.totals, bold: true)
        row += 2

        if lastGoalRow >= firstGoalRow {
            insertChart(model, strings: strings, workbook: workbook, sheet: sheet, goalRows: firstGoalRow...lastGoalRow, at: row)
        }
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow,
                         header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(strings.statusColumn(model.period)))",
                         footer: "&R\(strings.page) &P / &N")
    }

    private static func insertChart(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, sheet: XLSXSheet,
                                    goalRows: ClosedRange<Int>, at row: Int) {
        guard let chart = workbook_add_chart(workbook.handle, UInt8(LXW_CHART_BAR_STACKED.rawValue)) else { return }
        let sheetName = strings.summarySheet
        for (index, item) in model.legend.enumerated() {
            let column = lxw_col_t(2 + index * 2)
            guard let series = chart_add_series(chart, nil, nil) else { continue }
            chart_series_set_categories(series, sheetName, lxw_row_t(goalRows.lowerBound), 1, lxw_row_t(goalRows.upperBound), 1)
            chart_series_set_values(series, sheetName, lxw_row_t(goalRows.lowerBound), column, lxw_row_t(goalRows.upperBound), column)
            chart_series_set_name(series, "\(item.code) \(item.label)")
            var fill = lxw_chart_fill(color: HexColour(item.colour)?.rgb ?? 0x999999, none: 0, transparency: 0)
            chart_series_set_fill(series, &fill)
            var line = lxw_chart_line(color: 0x404040, none: 0, width: 0.75, dash_type: 0, transparency: 0)
            chart_series_set_line(series, &line)
        }
        chart_title_set_name(chart, strings.chartTitle)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        // Goal 1 on top, as in the table.
        chart_axis_set_reverse(chart.pointee.x_axis)
        var options = lxw_chart_options()
        options.x_scale = 2.0
        options.y_scale = 2.2
        options.description = workbook.retain(strings.chartTitle)
        workbook.check(worksheet_insert_chart_opt(sheet.handle, lxw_row_t(row), 0, chart, &options))
    }
}
