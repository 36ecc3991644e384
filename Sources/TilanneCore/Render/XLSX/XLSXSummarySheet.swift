import CXlsxWriter

/// Sheet "Yhteenveto": counts and shares of each progress code per item, per programme and for
/// the whole report; the native stacked bar chart of the items that hold the actions follows on
/// a sheet of its own (`XLSXSummaryChart`).
enum XLSXSummarySheet {
    /// With `data`, the counts are formulas over its table (see `XLSXDataTable`); without, numbers.
    /// `note` goes under the last table; `geometry` is the program the rows are sized for, as the
    /// status sheet's.
    static func write(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook, styles: XLSXStyles,
                      geometry: XLSXRowGeometry, data: XLSXDataTable? = nil, note: String? = nil) throws {
        let sheet = try workbook.addSheet(strings.summarySheet)
        sheet.string(0, 0, strings.summaryTitle, styles.title)
        sheet.height(0, 22)
        /// A line of text under a title or a table: unwrapped, so that it runs over the empty cells
        /// beside it instead of wrapping over the row below.
        func runningText(_ row: Int, _ text: String) { sheet.string(row, 0, text, nil) }
        if let notice = model.notice { runningText(1, notice) }
        let summary = SummaryLayout(model)
        // With more than one level shown, each item row names the top-level item it is under
        // (theme, programme); a one-level programme needs no such column.
        let hasTop = summary.hasTop
        let firstCount = hasTop ? 2 : 1
        var headers = hasTop ? [summary.topHeader, summary.itemHeader] : [summary.itemHeader]
        // Each code's count and its share in columns of their own, so both stay numbers.
        for item in summary.legend {
            headers.append("\(item.code) \(item.label): \(strings.count)")
            headers.append("\(item.code) \(strings.share)")
        }
        headers += [summary.unknownHeader, summary.missingHeader, summary.totalHeader]
        let (topWidth, itemWidth) = (34.0, 44.0)
        if hasTop { sheet.width(0, topWidth) }
        sheet.width(firstCount - 1, itemWidth)
        // Wrapped names need tall rows; spreadsheet programs do not grow them on opening. Measured
        // in the workbook's font like the status sheet's rows (decision 0006), so a name that fits
        // on one line keeps a one-line row.
        func fit(_ row: Int, _ top: String, _ item: String, bold: Bool) {
            let font = bold ? XLSXFontMetrics.bold : XLSXFontMetrics.regular
            if let font, let measured = XLSXMeasure.rowHeight([(item, itemWidth, font)] + (hasTop ? [(top, topWidth, font)] : []),
                                                               for: geometry) {
                let oneLine = XLSXMeasure.height(lines: 1, size: XLSXMeasure.bodySize, font: font, for: geometry)
                if measured > oneLine { sheet.height(row, measured) }
                return
            }
            // Without the font, the estimate: top-level names are often capitals (bold in the
            // totals), and fewer of them fit on a line than of body text.
            let lines = max(hasTop ? XLSXText.lineCount(top, width: topWidth, charactersPerUnit: 0.75) : 1,
                            XLSXText.lineCount(item, width: itemWidth))
            if lines > 1 { sheet.height(row, XLSXText.height(lines: lines)) }
        }
        for column in firstCount..<headers.count { sheet.width(column, 12) }
        let headerRow = 2
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
        sheet.height(headerRow, 48)

        /// The counts of a row; with the data table, as formulas over it (`terms` select the
        /// row's actions, none: all) with the counts computed here as their cached results.
        func counts(_ row: Int, _ counts: ProgressCounts, bold: Bool, terms: [String]?) {
            let (number, percent) = bold ? (styles.numberBold, styles.percentBold) : (styles.number, styles.percent)
            let unknownColumn = firstCount + 2 * counts.byCode.count
            let totalColumn = unknownColumn + 2
            func cell(_ column: Int) -> String { "\(XLSXDataTable.columnLetters(column))\(row + 1)" }
            func count(_ column: Int, _ value: Int, _ formula: String?) {
                if let formula, terms != nil {
                    sheet.formula(row, column, "=" + formula, value: Double(value), number)
                } else {
                    sheet.number(row, column, Double(value), number)
                }
            }
            func selecting(_ extra: String?) -> String? {
                guard let terms, let data else { return nil }
                let all = terms + (extra.map { [$0] } ?? [])
                return all.isEmpty ? "ROWS(\(data.names[0]))" : "SUMPRODUCT(\(all.joined(separator: ",")))"
            }
            var column = firstCount
            for item in counts.byCode {
                count(column, item.count, data?.codeCondition(item.code).flatMap(selecting))
                if terms != nil {
                    sheet.formula(row, column + 1, "=IF(\(cell(totalColumn))=0,0,\(cell(column))/\(cell(totalColumn)))",
                                  value: item.share, percent)
                } else {
                    sheet.number(row, column + 1, item.share, percent)
                }
                column += 2
            }
            // The codes the legend does not know: what is left of the total.
            let known = counts.byCode.indices.map { cell(firstCount + 2 * $0) }
            count(unknownColumn, counts.unknownTotal,
                  "\(cell(totalColumn))-\(cell(unknownColumn + 1))" + (known.isEmpty ? "" : "-(\(known.joined(separator: "+")))"))
            count(unknownColumn + 1, counts.missing, data?.codeCondition("").flatMap(selecting))
            count(totalColumn, counts.total, selecting(nil))
        }
        /// A row naming an item (and the top-level item it is under) with its counts.
        func line(_ row: Int, top: String, item: String, _ values: ProgressCounts, bold: Bool, terms: [String]? = nil) {
            let style = bold ? styles.textBold : styles.cell
            if hasTop { sheet.string(row, 0, top, style) }
            sheet.string(row, firstCount - 1, item, style)
            fit(row, top, item, bold: bold)
            counts(row, values, bold: bold, terms: terms)
        }

        // The items without sub-items first, in one contiguous block, so the chart can refer to them.
        var row = headerRow + 1
        let firstLeafRow = row
        for item in summary.rows where item.kind == .leaf {
            line(row, top: item.top ?? "", item: model.shown(item.label, untranslated: item.untranslated), item.counts, bold: false,
                 terms: data?.conditions(item.path))
            row += 1
        }
        let lastLeafRow = row - 1
        row += 1
        // Then the totals of every item with sub-items, and the report's: all programmes, or the one.
        for item in summary.rows where item.kind != .leaf {
            line(row, top: model.shown(item.label, untranslated: item.untranslated), item: summary.totalHeader, item.counts,
                 bold: true, terms: data?.conditions(item.path))
            if item.kind == .total && !hasTop {
                sheet.string(row, 0, "\(item.label): \(summary.totalHeader.lowercased())", styles.textBold)
            }
            row += 1
        }
        row += 1

        // Each cross-cutting dimension as a table of its own, under its own header row.
        for tag in model.tags ?? [] {
            var tagHeaders = headers
            tagHeaders[firstCount - 1] = tag.name
            if hasTop { tagHeaders[0] = "" }
            for (column, header) in tagHeaders.enumerated() { sheet.string(row, column, header, styles.header) }
            sheet.height(row, 48)
            row += 1
            for item in tag.items {
                line(row, top: "", item: item.label, item.counts, bold: false)
                row += 1
            }
            row += 1
        }
        if let note { runningText(row, note) }

        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(repeatRows: headerRow...headerRow,
                         header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(model.statusColumn))",
                         footer: "&R\(strings.page) &P / &N")
        if lastLeafRow >= firstLeafRow {
            let codeColumns = model.legend.indices.map { firstCount + 2 * $0 }
            let unknownColumn = firstCount + 2 * model.legend.count
            try XLSXSummaryChart.write(model, strings: strings, workbook: workbook, source: .init(
                sheet: strings.summarySheet, rows: firstLeafRow...lastLeafRow, labelColumn: firstCount - 1,
                codeColumns: codeColumns, unknownColumn: unknownColumn, missingColumn: unknownColumn + 1))
        }
    }
}
