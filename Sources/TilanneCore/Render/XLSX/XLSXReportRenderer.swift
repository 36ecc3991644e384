import CXlsxWriter
import Foundation

/// The council edition as an Excel workbook, written with libxlsxwriter: sheet "Tilanne" laid
/// out like the council table and ready to print, "Yhteenveto" with counts (formulas over the
/// data) and "Kaavio" with a native chart, "Tiedot" with every action as an Excel Table, the
/// indicators and, with a previous period, the changes.
///
/// A report of more than `streamingActions` actions is written in constant-memory mode and
/// without "Tiedot": there libxlsxwriter cannot make an Excel Table, the sheet would be most of
/// the workbook (96 of its 154 MB of XML at 100,000 actions) and repeat the CSV, and the
/// summary's counts are numbers (decision 0009).
public struct XLSXReportRenderer: ReportRenderer {
    public let format = OutputFormat.xlsx
    /// The program the status sheet's rows are sized for (see `XLSXRowGeometry`).
    public let geometry: XLSXRowGeometry
    /// Reports with more actions than this are written in libxlsxwriter's constant-memory mode,
    /// without the data sheet.
    public var streamingActions = XLSXReportRenderer.streamingThreshold
    /// Whether the workbook has the data sheet at all: the one printed as the PDF attachment has
    /// not (a table to filter, one line a row, prints cut off at a tiny scale).
    public var dataSheet = true

    public init(rowsFor geometry: XLSXRowGeometry = .excel) { self.geometry = geometry }

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let streaming = model.totals.total > streamingActions
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: streaming)
        let styles = XLSXStyles(workbook: workbook, legend: model.legend)
        workbook.draftMark = model.draft ? strings.draftMark : nil
        // A draft's title says so in the document's properties too: a PDF made from the
        // workbook takes its title from there.
        var document = model.document
        document.title = document.title.map { strings.marked($0, draft: model.draft) }
        workbook.setProperties(document, fallbackTitle: strings.reportTitle(of: model))
        var statusSheet = try workbook.addSheet(strings.statusSheet)
        statusSheet.indexedFormatsOnly = workbook.constantMemory
        let data = streaming || !dataSheet ? nil : XLSXDataTable(model, strings: strings)
        let writeStatus = { try writeStatusSheet(model, on: statusSheet, strings: strings, styles: styles) }
        let writeTheRest = {
            try XLSXSummarySheet.write(model, strings: strings, workbook: workbook, styles: styles, geometry: geometry, data: data,
                                       note: streaming && dataSheet ? strings.noDataSheet(over: streamingActions) : nil)
            try data?.write(workbook: workbook, styles: styles, strings: strings)
            if let indicators = model.indicators {
                try XLSXIndicatorSheets.write(indicators, model: model, strings: strings, workbook: workbook, styles: styles)
            }
            if let comparison = model.comparison {
                try XLSXLayoutSheet.write(ChangeListLayout.changes(comparison, model: model), model: model, strings: strings,
                                          workbook: workbook, styles: styles)
            }
        }
        if workbook.constantMemory {
            // In this mode each sheet writes its rows into a temporary file of its own as they
            // come, so the status table is written on one thread and the other sheets (with a
            // history, the change list can be as long) on another, the formats' style indices
            // fixed first (`fixStyleIndices`). In the normal mode every sheet adds its texts to
            // the one shared-strings table, so they go one after another.
            workbook.fixStyleIndices()
            try SideBySide.run(writeStatus, writeTheRest)
        } else {
            try writeStatus()
            try writeTheRest()
        }
        worksheet_activate(statusSheet.handle)
        // The update list and the answers are the coordinator's (`CoordinatorWorkbookRenderer`).
        try workbook.close()
    }

    /// Touches only its own sheet and the formats of `styles`: in constant-memory mode it runs
    /// beside the other sheets' writers.
    private func writeStatusSheet(_ model: ReportModel, on sheet: XLSXSheet, strings: ReportStrings,
                                  styles: XLSXStyles) throws {
        let workbook = sheet.workbook
        let layout = StatusTableLayout(model)
        let widths = layout.columns.map(\.width)
        let progressColumn = layout.progressColumn
        let lastColumn = widths.count - 1
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        let title = strings.reportTitle(of: model)

        // Every row's height, for the page breaks; the headings that must not end a page.
        var heights: [Double] = []
        var headings: Set<Int> = []
        func setHeight(_ row: Int, _ height: Double) {
            sheet.height(row, height)
            while heights.count <= row { heights.append(15) }
            heights[row] = height
        }
        let (regular, bold, italic) = (XLSXFontMetrics.regular, XLSXFontMetrics.bold, XLSXFontMetrics.italic)
        sheet.merge(0, 0, lastColumn, title, styles.title)
        setHeight(0, 24)
        var row = 1
        if let dates = strings.datesLine(report: model.reportDate, data: model.dataDate) {
            sheet.merge(row, 0, lastColumn, dates, styles.cell)
            row += 1
        }
        if let notice = model.notice {
            sheet.merge(row, 0, lastColumn, notice, styles.cell)
            setHeight(row, XLSXMeasure.rowHeight([(notice, widths.reduce(0, +), regular)], for: geometry)
                      ?? XLSXText.rowHeight(notice, width: widths.reduce(0, +), lineHeight: 15))
            row += 1
        }
        // The legend sits above the table, as in the council document: code, label, colour.
        var legendLines = 1
        var legendCells: [(String, Double, XLSXFontMetrics?)] = [(strings.legend, widths[0], bold)]
        sheet.string(row, 0, strings.legend, styles.legendHeading)
        for (index, item) in model.legend.enumerated() {
            let column = 1 + index % lastColumn
            if index > 0 && column == 1 {
                setHeight(row, XLSXMeasure.rowHeight(legendCells, for: geometry) ?? XLSXText.height(lines: legendLines))
                row += 1
                legendLines = 1
                legendCells = []
                sheet.blank(row, 0, styles.legendHeading)
            }
            let text = "\(item.code)  \(item.label)"
            sheet.string(row, column, text, styles.progress[index])
            legendLines = max(legendLines, XLSXText.lineCount(text, width: widths[column]))
            legendCells.append((text, widths[column], bold))
        }
        setHeight(row, XLSXMeasure.rowHeight(legendCells, for: geometry) ?? XLSXText.height(lines: legendLines))
        row += 1
        let headerRow = row
        let headers = layout.columns.map(\.header)
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
        setHeight(headerRow, XLSXMeasure.rowHeight(zip(headers, widths).map { ($0, $1, bold) }, for: geometry) ?? 15)
        sheet.freeze(rows: headerRow + 1)
        sheet.printSetup(
            repeatRows: headerRow...headerRow,
            header: "&L\(XLSXText.headerSafe(model.programme.name))&R\(XLSXText.headerSafe(model.statusColumn))",
            footer: "&L\(XLSXText.headerSafe(model.programme.organisation ?? ""))&R\(strings.page) &P / &N"
        )
        row += 1
        let legendIndex = Dictionary(uniqueKeysWithValues: model.legend.enumerated().map { ($1.code, $0) })
        let totalWidth = widths.reduce(0, +)

        for (item, depth) in model.outline {
            var text = model.heading(item)
            if let owner = item.owner, item.level == 0 { text += " (\(owner))" }
            if let binding = item.bindingGoal {
                text += "\n" + strings.bindingGoal(model.programme.bindingGoalLabel, binding.text)
            }
            // The top shown level prints as the council table's theme rows, the levels below as its goal rows.
            if depth == 0 {
                sheet.merge(row, 0, lastColumn, text, styles.theme)
                setHeight(row, XLSXMeasure.rowHeight([(text, totalWidth, bold)], size: 12, for: geometry)
                          ?? XLSXText.rowHeight(text, width: totalWidth, lineHeight: 17, charactersPerUnit: 0.8))
            } else {
                // A third level (and below) in its own lighter style, so kohdat read apart from painopisteet.
                sheet.merge(row, 0, lastColumn, text, depth == 1 ? styles.goal : styles.subheading)
                setHeight(row, XLSXMeasure.rowHeight([(text, totalWidth, depth == 1 ? bold : italic)], for: geometry)
                          ?? XLSXText.rowHeight(text, width: totalWidth, lineHeight: 15.5))
            }
            headings.insert(row)
            row += 1
            if item.actions.isEmpty && item.items.isEmpty {
                sheet.merge(row, 0, lastColumn, strings.noActions, styles.cell)
                setHeight(row, 15)
                row += 1
            }
            for action in item.actions {
                let texts = layout.cells(action).map { cell -> String in
                    switch cell {
                    case .text(let text, let untranslated): model.shown(text, untranslated: untranslated)
                    case .lines(let lines): lines.joined(separator: "\n")
                    case .progress(let progress): progressText(progress, strings: strings)
                    }
                }
                for column in 0..<texts.count where column != progressColumn { sheet.string(row, column, texts[column], styles.cell) }
                sheet.string(row, progressColumn, texts[progressColumn], progressStyle(action.progress, styles: styles, legendIndex: legendIndex))
                // Spreadsheet programs do not grow rows for wrapped text on opening; size them here,
                // from the font's own widths where it is installed.
                let fonts = texts.indices.map { column -> XLSXFontMetrics? in
                    guard column == progressColumn else { return regular }
                    return action.progress.status == .missing ? italic : bold
                }
                if let height = XLSXMeasure.rowHeight((0..<texts.count).map { (texts[$0], widths[$0], fonts[$0]) }, for: geometry) {
                    setHeight(row, height)
                } else {
                    let lines = zip(texts, widths).map { XLSXText.lineCount($0, width: $1) }.max() ?? 1
                    setHeight(row, XLSXText.height(lines: lines))
                }
                row += 1
            }
        }
        // Printed at a fixed scale (fitting to the page width would drop the page breaks), one
        // page wide, with breaks placed so that no heading ends a page.
        let scale = XLSXMeasure.printScale(widths: widths)
        worksheet_set_print_scale(sheet.handle, UInt16(scale))
        var breaks = XLSXMeasure.pageBreaks(heights: heights, from: headerRow + 1, repeated: heights[headerRow],
                                            keepWithNext: headings, scale: scale).map { lxw_row_t($0) }
        if !breaks.isEmpty {
            breaks.append(0)
            workbook.check(worksheet_set_h_pagebreaks(sheet.handle, &breaks))
        }
    }
}

extension XLSXReportRenderer {
    /// A code the legend does not know shows as written, and a missing one as no information:
    /// never a note to check it (that is the coordinator's check list).
    func progressText(_ progress: ProgressCell, strings: ReportStrings) -> String {
        switch progress.status {
        case .known: "\(progress.code)\n\(progress.label ?? "")"
        case .unknown: progress.code
        case .missing: strings.noInformation
        }
    }

    func progressStyle(_ progress: ProgressCell, styles: XLSXStyles, legendIndex: [String: Int]) -> UnsafeMutablePointer<lxw_format> {
        switch progress.status {
        case .known: styles.progress[legendIndex[progress.code] ?? 0]
        case .unknown: styles.unknownProgress
        case .missing: styles.missingProgress
        }
    }
}

/// Text helpers for cells, headers and row heights.
enum XLSXText {
    /// `&` starts a control code in Excel headers and footers; the limit is 255 characters.
    static func headerSafe(_ text: String) -> String {
        String(text.replacingOccurrences(of: "&", with: "&&").prefix(100))
    }

    /// Lines a text needs in a wrapped cell of the given width (in character units). An
    /// estimate: about 1.1 characters of 11-point body text fit in one unit of width.
    static func lineCount(_ text: String, width: Double, charactersPerUnit: Double = 1.1) -> Int {
        let perLine = max(8, Int(width * charactersPerUnit) - 2)
        // Counted over UTF-8 bytes (continuation bytes skipped): this runs for every cell.
        var lines = 0
        var characters = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                lines += max(1, (characters + perLine - 1) / perLine)
                characters = 0
            } else if byte & 0xC0 != 0x80 {
                characters += 1
            }
        }
        lines += max(1, (characters + perLine - 1) / perLine)
        return lines
    }

    /// Row height in points for a number of 11-point lines; Excel's limit is 409 points.
    static func height(lines: Int, lineHeight: Double = 15) -> Double {
        min(409, Double(lines) * lineHeight + 3)
    }

    /// Merged cells are not auto-fitted by spreadsheet programs either.
    static func rowHeight(_ text: String, width: Double, lineHeight: Double, charactersPerUnit: Double = 1.1) -> Double {
        height(lines: lineCount(text, width: width, charactersPerUnit: charactersPerUnit), lineHeight: lineHeight)
    }
}
