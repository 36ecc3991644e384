import CXlsxWriter

/// Sheet "Mittarit": per indicator its baseline, latest value and target as numbers (the
/// decimal comma is the reader's display format, never text), the change, the share of the
/// way covered, the status as symbol, text and colour, and a small native line chart.
/// Sheet "Mittarisarjat" holds every period's value, one row each: the charts' data, and a
/// table a reader can filter; with no values at all (indicators whose figures the programme only
/// wrote), there is no such sheet, rather than a printed page of headers.
enum XLSXIndicatorSheets {
    static let widths: [Double] = [34, 12, 11, 13, 11, 13, 11, 13, 13, 12, 12, 26, 30, 34]
    /// Chart cells: the row height in points and the chart's size in pixels.
    static let chartRowHeight = 54.0

    static func write(_ indicators: [IndicatorReport], model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook,
                      styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.indicatorsSheet)
        let series = indicators.contains { !$0.series.isEmpty } ? try workbook.addSheet(strings.indicatorSeriesSheet) : nil
        let formats = Formats(workbook: workbook)
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        let lastColumn = widths.count - 1
        sheet.merge(0, 0, lastColumn, strings.indicatorsTitle, styles.title)
        sheet.height(0, 24)
        // The status legend above the table, each status in its colour.
        sheet.string(1, 0, strings.legend, styles.legendHeading)
        for (index, status) in IndicatorStatus.allCases.enumerated() {
            // Over two columns, so that the longest status text fits on two lines.
            sheet.merge(1, 1 + index * 2, 2 + index * 2, "\(status.symbol)  \(strings.indicatorStatusLabel(status))", formats.status(status.colour))
        }
        sheet.height(1, 30)
        let headerRow = 3
        let headers = [strings.indicator, strings.unit, "\(strings.baseline): \(strings.period.lowercased())", strings.baseline,
                       "\(strings.latest): \(strings.period.lowercased())", strings.latest, "\(strings.target): \(strings.period.lowercased())",
                       strings.target, strings.change, strings.progressToTarget, strings.expectedByNow, strings.indicatorStatus,
                       strings.trend, strings.statisticsSource]
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
        sheet.height(headerRow, 45)
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow,
                         header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(model.statusColumn))",
                         footer: "&R\(strings.page) &P / &N")

        let seriesHeaders = [strings.indicator, strings.period, strings.value, strings.unit, strings.missingSymbolColumn]
        for (column, width) in [40.0, 12, 14, 18, 24].enumerated() { series?.width(column, width) }
        for (column, header) in seriesHeaders.enumerated() { series?.string(0, column, header, styles.header) }
        series?.freeze(rows: 1)

        var row = headerRow + 1
        var seriesRow = 1
        for group in IndicatorTableLayout(indicators, model: model).groups {
            sheet.merge(row, 0, lastColumn, group.title, styles.theme)
            sheet.height(row, 20)
            row += 1
            for layout in group.rows {
                let indicator = layout.indicator
                let name = indicator.shownName(model)
                let number = formats.number(decimals: indicator.decimals, percentUnit: indicator.unit == "%")
                sheet.string(row, 0, name, styles.cell)
                sheet.string(row, 1, indicator.unit, styles.cell)
                /// A figure in two cells: its period, and its value as a number (the unit has its
                /// own column), or what the programme wrote, or a dash.
                func figure(_ column: Int, _ figure: IndicatorTableLayout.Figure) {
                    switch figure {
                    case .value(let value, let period):
                        sheet.string(row, column, period, formats.period)
                        sheet.number(row, column + 1, value, number)
                    case .written(let text, let period):
                        sheet.string(row, column, period ?? "", formats.period)
                        sheet.string(row, column + 1, text, formats.missing)
                    case .band(let low, let high):
                        sheet.string(row, column, "", formats.period)
                        sheet.string(row, column + 1, "\(strings.decimal(low, decimals: indicator.decimals))–\(strings.decimal(high, decimals: indicator.decimals))", formats.missing)
                    case .none:
                        sheet.blank(row, column, formats.period)
                        sheet.string(row, column + 1, "–", formats.missing)
                    }
                }
                figure(2, layout.baseline)
                figure(4, layout.latest)
                figure(6, layout.target)
                if let change = indicator.change { sheet.number(row, 8, change, formats.change(decimals: indicator.decimals)) } else { sheet.string(row, 8, "–", formats.missing) }
                if let progress = indicator.progress { sheet.number(row, 9, progress, formats.percent) } else { sheet.string(row, 9, "–", formats.missing) }
                if let expected = indicator.expectedProgress { sheet.number(row, 10, expected, formats.percent) } else { sheet.string(row, 10, "–", formats.missing) }
                sheet.string(row, 11, indicator.statusText(strings), formats.status(indicator.statusColour))
                // The column headed "Lähde": how to read it, what is missing, where the figures come
                // from as readers know it (the file's path is for the checks, not the council).
                var notes = [layout.direction]
                if layout.oldData { notes.append(strings.oldData) }
                if !layout.missingPeriods.isEmpty { notes.append("\(strings.missingValues): \(layout.missingPeriods.joined(separator: ", "))") }
                notes += layout.examples + (layout.source.map { [$0] } ?? [])
                if layout.setByHand { notes.append(strings.statusSetByHand) }
                sheet.string(row, 13, notes.joined(separator: "\n"), styles.cell)
                sheet.height(row, max(chartRowHeight, XLSXText.height(lines: XLSXText.lineCount(notes.joined(separator: "\n"), width: widths[13]))))

                // The series, then the chart that draws it.
                let first = seriesRow
                for point in indicator.series {
                    series?.string(seriesRow, 0, name, styles.cell)
                    series?.string(seriesRow, 1, point.period, formats.period)
                    let plain = formats.number(decimals: indicator.decimals, percentUnit: false)
                    if let value = point.value { series?.number(seriesRow, 2, value, plain) } else { series?.blank(seriesRow, 2, plain) }
                    series?.string(seriesRow, 3, indicator.unit, styles.cell)
                    series?.string(seriesRow, 4, point.value == nil ? (point.symbol ?? "") : "", styles.cell)
                    seriesRow += 1
                }
                if indicator.series.compactMap(\.value).count >= 2 {
                    insertChart(indicator, name: name, strings: strings, workbook: workbook, sheet: sheet, at: row,
                                dataRows: first...(seriesRow - 1), numberFormat: indicator.decimals)
                } else {
                    sheet.string(row, 12, strings.trendDescription(indicator.series, decimals: indicator.decimals, unit: indicator.unit), styles.cell)
                }
                row += 1
            }
        }
        series?.printSetup(repeatRows: 0...0, header: "&L\(XLSXText.headerSafe(model.programme.name))", footer: "&R\(strings.page) &P / &N")
    }

    private static func insertChart(_ indicator: IndicatorReport, name: String, strings: ReportStrings, workbook: XLSXWorkbook,
                                    sheet: XLSXSheet, at row: Int, dataRows: ClosedRange<Int>, numberFormat decimals: Int) {
        guard let chart = workbook_add_chart(workbook.handle, UInt8(LXW_CHART_LINE.rawValue)),
              let line = chart_add_series(chart, nil, nil) else { return }
        let seriesSheet = strings.indicatorSeriesSheet
        chart_series_set_categories(line, seriesSheet, lxw_row_t(dataRows.lowerBound), 1, lxw_row_t(dataRows.upperBound), 1)
        chart_series_set_values(line, seriesSheet, lxw_row_t(dataRows.lowerBound), 2, lxw_row_t(dataRows.upperBound), 2)
        chart_series_set_name(line, name)
        var stroke = lxw_chart_line(color: 0x1F3864, none: 0, width: 1.75, dash_type: 0, transparency: 0)
        chart_series_set_line(line, &stroke)
        chart_series_set_marker_type(line, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
        chart_series_set_marker_size(line, 3)
        chart_title_off(chart)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        chart_show_blanks_as(chart, UInt8(LXW_CHART_BLANKS_AS_GAP.rawValue))
        chart_axis_off(chart.pointee.x_axis)
        chart_axis_off(chart.pointee.y_axis)
        chart_axis_major_gridlines_set_visible(chart.pointee.y_axis, 0)
        var options = lxw_chart_options()
        // About 200 × 70 pixels: inside the cell of column M at the row's height.
        options.x_scale = 0.42
        options.y_scale = 0.245
        options.x_offset = 2
        options.y_offset = 2
        options.object_position = UInt8(LXW_OBJECT_MOVE_AND_SIZE.rawValue)
        options.description = workbook.retainAttribute(strings.trendDescription(indicator.series, decimals: decimals, unit: indicator.unit))
        workbook.check(worksheet_insert_chart_opt(sheet.handle, lxw_row_t(row), 12, chart, &options))
    }

    /// Number formats by decimals; a `%` unit shows the sign after the number. One format per
    /// pattern, however many indicators use it.
    private final class Formats {
        let workbook: XLSXWorkbook
        let period: UnsafeMutablePointer<lxw_format>
        let missing: UnsafeMutablePointer<lxw_format>
        let percent: UnsafeMutablePointer<lxw_format>
        private var statusFormats: [String: UnsafeMutablePointer<lxw_format>] = [:]
        private var byPattern: [String: UnsafeMutablePointer<lxw_format>] = [:]

        init(workbook: XLSXWorkbook) {
            self.workbook = workbook
            period = workbook.format { $0.top().border().centre() }
            missing = workbook.format { $0.top().border().centre().italic() }
            percent = workbook.format { $0.top().border().numberFormat("0.0 %") }
        }

        /// A status cell in its fill colour (the status's own, or the programme's legend colour).
        func status(_ colour: String) -> UnsafeMutablePointer<lxw_format> {
            if let format = statusFormats[colour] { return format }
            let format = workbook.format { $0.bold().wrap().top().border().fill(HexColour(colour)?.rgb ?? 0xFFFFFF) }
            statusFormats[colour] = format
            return format
        }

        static func pattern(_ decimals: Int) -> String { decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals) }

        func number(decimals: Int, percentUnit: Bool) -> UnsafeMutablePointer<lxw_format> {
            cached(Self.pattern(decimals) + (percentUnit ? "\" %\"" : ""))
        }

        func change(decimals: Int) -> UnsafeMutablePointer<lxw_format> {
            let pattern = Self.pattern(decimals)
            return cached("+\(pattern);-\(pattern);0")
        }

        private func cached(_ pattern: String) -> UnsafeMutablePointer<lxw_format> {
            if let format = byPattern[pattern] { return format }
            let format = workbook.format { $0.top().border().numberFormat(pattern) }
            byPattern[pattern] = format
            return format
        }
    }
}
