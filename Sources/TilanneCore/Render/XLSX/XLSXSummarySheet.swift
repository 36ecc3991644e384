import CXlsxWriter

/// Sheet "Yhteenveto": counts and shares of each progress code per item, per programme and for
/// the whole report, and a native stacked bar chart of the items that hold the actions.
enum XLSXSummarySheet {
    static func write(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.summarySheet)
        sheet.string(0, 0, strings.summaryTitle, styles.title)
        sheet.height(0, 22)
        // Columns: the top level, the item, then count and share per legend code, other, missing, total.
        let topName = model.levels.count > 1 ? model.levels[0].name : model.programmeLevelName
        var headers = [topName, model.placeColumn]
        for item in model.legend {
            headers.append("\(item.code) \(item.label): \(strings.count)")
            headers.append("\(item.code) \(strings.share)")
        }
        headers += [strings.unknownCodesColumn, strings.missingColumn, strings.total]
        let (topWidth, itemWidth) = (34.0, 44.0)
        sheet.width(0, topWidth)
        sheet.width(1, itemWidth)
        // Wrapped names need tall rows; spreadsheet programs do not grow them on opening.
        func fit(_ row: Int, _ top: String, _ item: String) {
            // Top-level names are often capitals (bold in the totals): fewer fit on a line than of body text.
            let lines = max(XLSXText.lineCount(top, width: topWidth, charactersPerUnit: 0.75), XLSXText.lineCount(item, width: itemWidth))
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

        // The items without sub-items first, in one contiguous block, so the chart can refer to them;
        // beside each, the top-level item it is under.
        let outline = model.outline
        var topOf: [ItemPath: ItemReport] = [:]
        for (item, depth) in outline where depth == 0 { topOf[item.path] = item }
        func top(_ item: ItemReport) -> ItemReport? {
            topOf.first { $0.key.contains(item.path) && $0.key != item.path }?.value
        }
        var row = headerRow + 1
        let firstLeafRow = row
        for (item, _) in outline where item.items.isEmpty {
            let topTitle = top(item).map { model.shown($0.title, untranslated: $0.untranslatedTitle == true) } ?? ""
            let label = model.shown(item.label, untranslated: item.untranslatedTitle == true)
            sheet.string(row, 0, topTitle, styles.cell)
            sheet.string(row, 1, label, styles.cell)
            fit(row, topTitle, label)
            counts(row, item.counts, bold: false)
            row += 1
        }
        let lastLeafRow = row - 1
        row += 1
        // Then the totals of every item with sub-items, the programmes' and the report's.
        for (item, _) in outline where !item.items.isEmpty {
            let label = model.shown(item.label, untranslated: item.untranslatedTitle == true)
            sheet.string(row, 0, label, styles.textBold)
            sheet.string(row, 1, strings.total, styles.textBold)
            fit(row, label, strings.total)
            counts(row, item.counts, bold: true)
            row += 1
        }
        if !model.showsProgrammes {
            sheet.string(row, 0, strings.programmeTotal, styles.textBold)
        } else {
            sheet.string(row, 0, strings.allProgrammesTotal, styles.textBold)
        }
        sheet.string(row, 1, strings.total, styles.textBold)
        counts(row, model.totals, bold: true)
        row += 2

        if let tags = model.tags {
            for tag in tags {
                sheet.string(row, 0, tag.name, styles.header)
                sheet.string(row, 1, strings.total, styles.header)
                row += 1
                for item in tag.items {
                    sheet.string(row, 0, item.label, styles.cell)
                    fit(row, item.label, "")
                    counts(row, item.counts, bold: false)
                    row += 1
                }
                row += 1
            }
        }

        if lastLeafRow >= firstLeafRow {
            insertChart(model, strings: strings, workbook: workbook, sheet: sheet, rows: firstLeafRow...lastLeafRow, at: row)
        }
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow,
                         header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(model.statusColumn))",
                         footer: "&R\(strings.page) &P / &N")
    }

    private static func insertChart(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, sheet: XLSXSheet,
                                    rows: ClosedRange<Int>, at row: Int) {
        guard let chart = workbook_add_chart(workbook.handle, UInt8(LXW_CHART_BAR_STACKED.rawValue)) else { return }
        let sheetName = strings.summarySheet
        for (index, item) in model.legend.enumerated() {
            let column = lxw_col_t(2 + index * 2)
            guard let series = chart_add_series(chart, nil, nil) else { continue }
            chart_series_set_categories(series, sheetName, lxw_row_t(rows.lowerBound), 1, lxw_row_t(rows.upperBound), 1)
            chart_series_set_values(series, sheetName, lxw_row_t(rows.lowerBound), column, lxw_row_t(rows.upperBound), column)
            chart_series_set_name(series, "\(item.code) \(item.label)")
            var fill = lxw_chart_fill(color: HexColour(item.colour)?.rgb ?? 0x999999, none: 0, transparency: 0)
            chart_series_set_fill(series, &fill)
            var line = lxw_chart_line(color: 0x404040, none: 0, width: 0.75, dash_type: 0, transparency: 0)
            chart_series_set_line(series, &line)
        }
        chart_title_set_name(chart, strings.chartTitle)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        // The first item on top, as in the table.
        chart_axis_set_reverse(chart.pointee.x_axis)
        var options = lxw_chart_options()
        options.x_scale = 2.0
        options.y_scale = 2.2
        options.description = workbook.retain(strings.chartTitle)
        workbook.check(worksheet_insert_chart_opt(sheet.handle, lxw_row_t(row), 0, chart, &options))
    }
}
