import CXlsxWriter

/// Sheet "Kaavio": the summary's bar chart alone on one printed A4 landscape page, so that it
/// never straddles a page break and no repeated header row of the summary is printed over it.
/// One bar per item that holds actions, in the programme's order from the top; one segment per
/// progress code in the legend's order, then the codes the legend does not know (`+?`) and the
/// actions without a code, so that the bars add up to every action of the report.
enum XLSXSummaryChart {
    /// Where the summary sheet holds the chart's data (0-based rows and columns).
    struct Source {
        var sheet: String
        var rows: ClosedRange<Int>
        var labelColumn: Int
        /// The count column of each legend code, in the legend's order.
        var codeColumns: [Int]
        var unknownColumn: Int
        var missingColumn: Int
    }

    /// One segment of the bars: its name in the chart's legend, the column of its counts, its look.
    struct Series: Equatable {
        var name: String
        var column: Int
        var fill: UInt32
        var border: UInt32
        var dashed: Bool
    }

    /// The chart's segments: every legend code, then the unknown codes and the missing ones when
    /// the report has any (a segment no action has would only crowd the chart's legend).
    static func series(_ model: ReportModel, strings: ReportStrings, source: Source) -> [Series] {
        var result = zip(model.legend, source.codeColumns).map { item, column in
            Series(name: "\(item.code) \(item.label)", column: column, fill: HexColour(item.colour)?.rgb ?? 0x999999,
                   border: 0x404040, dashed: false)
        }
        let unknownCodes = model.totals.unknown.map(\.code)
        if model.totals.unknownTotal > 0 {
            result.append(Series(name: "\(strings.unknownCodesColumn) (\(unknownCodes.joined(separator: ", ")))",
                                 column: source.unknownColumn, fill: 0xFBE5D6, border: XLSXStyles.warningText, dashed: true))
        }
        if model.totals.missing > 0 {
            result.append(Series(name: strings.missingColumn, column: source.missingColumn, fill: 0xF2F2F2,
                                 border: 0x7F7F7F, dashed: true))
        }
        return result
    }

    /// The chart's alternative text: what it shows and the report's counts, so that a reader who
    /// cannot see the bars gets the same numbers.
    static func description(_ model: ReportModel, strings: ReportStrings) -> String {
        var parts = model.legend.map { item in
            "\(item.code) \(item.label): \(model.totals.byCode.first { $0.code == item.code }?.count ?? 0)"
        }
        for unknown in model.totals.unknown { parts.append("\(strings.unknownCodesColumn) (\(unknown.code)): \(unknown.count)") }
        if model.totals.missing > 0 { parts.append("\(strings.missingColumn): \(model.totals.missing)") }
        return "\(strings.chartTitle) – \(model.totalName), \(strings.total.lowercased()) \(model.totals.total). "
            + parts.joined(separator: "; ") + "."
    }

    /// Width and height of the chart in pixels: the shape of the printable A4 landscape page,
    /// taller when there are many bars (the page then scales it down to fit).
    static func size(bars: Int) -> (width: Int, height: Int) {
        let height = max(640, 120 + 28 * bars)
        return (Int((Double(height) * 1.45).rounded()), height)
    }

    static func write(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, source: Source) throws {
        guard let chart = workbook_add_chart(workbook.handle, UInt8(LXW_CHART_BAR_STACKED.rawValue)) else { return }
        let sheet = try workbook.addSheet(strings.chartSheet)
        let sheetName = workbook.retain(source.sheet)
        let (first, last) = (lxw_row_t(source.rows.lowerBound), lxw_row_t(source.rows.upperBound))
        for item in series(model, strings: strings, source: source) {
            guard let series = chart_add_series(chart, nil, nil) else { continue }
            chart_series_set_categories(series, sheetName, first, lxw_col_t(source.labelColumn), last, lxw_col_t(source.labelColumn))
            chart_series_set_values(series, sheetName, first, lxw_col_t(item.column), last, lxw_col_t(item.column))
            chart_series_set_name(series, workbook.retain(item.name))
            var fill = lxw_chart_fill(color: item.fill, none: 0, transparency: 0)
            chart_series_set_fill(series, &fill)
            let dash = item.dashed ? UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) : 0
            var line = lxw_chart_line(color: item.border, none: 0, width: item.dashed ? 1.25 : 0.75, dash_type: dash, transparency: 0)
            chart_series_set_line(series, &line)
        }
        chart_title_set_name(chart, workbook.retain("\(strings.chartTitle) – \(model.period)"))
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        chart_set_series_gap(chart, 60)
        // In a bar chart libxlsxwriter's x axis is the value axis (drawn at the bottom) and its y
        // axis the categories (drawn on the left), as in Excel's dialogs. Reversing the categories
        // puts the first item on top, as in the table; the value axis then crosses them at their
        // maximum, which keeps it at the bottom, and counts from 0 to the right. (A crossing is
        // set on the axis that is crossed: the category axis's "max" is the value axis's place.)
        let (categoryAxis, valueAxis) = (chart.pointee.y_axis, chart.pointee.x_axis)
        chart_axis_set_reverse(categoryAxis)
        chart_axis_set_crossing_max(categoryAxis)
        chart_axis_set_min(valueAxis, 0)
        // Whole actions: ticks at whole numbers, about eight of them.
        let largest = model.outline.filter { $0.item.items.isEmpty }.map(\.item.counts.total).max() ?? 1
        chart_axis_set_major_unit(valueAxis, Double(max(1, (largest + 7) / 8)))
        chart_axis_set_num_format(valueAxis, "0")
        chart_axis_set_name(valueAxis, workbook.retain(strings.actionCount))

        let (width, height) = size(bars: source.rows.count)
        var options = lxw_chart_options()
        options.x_scale = Double(width) / 480
        options.y_scale = Double(height) / 288
        options.description = workbook.retainAttribute(description(model, strings: strings))
        workbook.check(worksheet_insert_chart_opt(sheet.handle, 0, 0, chart, &options))
        // The page holds the chart and nothing else: the cells under it (64 × 20 pixels each by
        // default) are the print area, fitted to one page.
        let lastColumn = (width + 63) / 64 - 1
        let lastRow = (height + 19) / 20 - 1
        workbook.check(worksheet_print_area(sheet.handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)))
        sheet.printSetup(repeatRows: nil,
                         header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(model.statusColumn))",
                         footer: "&R\(strings.page) &P / &N")
        worksheet_fit_to_pages(sheet.handle, 1, 1)
    }
}
