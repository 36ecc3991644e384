import CXlsxWriter
import Foundation

/// The report as an Excel workbook, written with libxlsxwriter: sheet "Tilanne" laid out like
/// the council table and ready to print, "Yhteenveto" with counts and a native chart,
/// "Tarkistukset" with the findings and rejected rows.
public struct XLSXReportRenderer: ReportRenderer {
    public let format = OutputFormat.xlsx
    /// Reports with more actions than this are written in libxlsxwriter's constant-memory mode.
    public var streamingActions = XLSXReportRenderer.streamingThreshold

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: model.totals.total > streamingActions)
        let styles = XLSXStyles(workbook: workbook, legend: model.legend)
        workbook.draftMark = model.draft ? strings.draftMark : nil
        workbook.setProperties(model.document, fallbackTitle: strings.reportTitle(of: model))
        try writeStatusSheet(model, strings: strings, workbook: workbook, styles: styles)
        try XLSXSummarySheet.write(model, strings: strings, workbook: workbook, styles: styles)
        if let indicators = model.indicators {
            try XLSXIndicatorSheets.write(indicators, model: model, strings: strings, workbook: workbook, styles: styles)
        }
        if let comparison = model.comparison {
            try XLSXChangesSheet.write(comparison, model: model, strings: strings, workbook: workbook, styles: styles)
        }
        if let requests = model.updateRequests {
            try XLSXUpdatesSheet.write(requests, model: model, strings: strings, workbook: workbook, styles: styles)
        }
        if let answers = model.answers {
            try XLSXAnswersSheet.write(answers, model: model, strings: strings, workbook: workbook, styles: styles)
        }
        try XLSXChecksSheet.write(model, strings: strings, workbook: workbook, styles: styles)
        try workbook.close()
    }

    /// Widths of the action, progress and status columns; the status column takes what the
    /// programme's own columns leave of the page (167 units: A4 landscape, one page wide).
    static let actionWidth: Double = 36
    static let progressWidth: Double = 17
    static let pageWidth: Double = 167
    /// The change column, when the report compares with a previous period.
    static let changeWidth: Double = 24

    static func columnWidth(_ column: ColumnSummary) -> Double {
        switch column.content {
        case .projects: 28
        case .responsible: 24
        case .extra: 20
        }
    }

    static func statusWidths(_ model: ReportModel) -> [Double] {
        let own = model.columns.map(columnWidth)
        let status = max(62, pageWidth - actionWidth - progressWidth - own.reduce(0, +))
        return [actionWidth] + own + [progressWidth, status]
    }

    private func writeStatusSheet(_ model: ReportModel, strings: ReportStrings, workbook: XLSXWorkbook,
                                  styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(strings.statusSheet)
        let widths = model.comparison == nil ? Self.statusWidths(model) : Self.statusWidths(model) + [Self.changeWidth]
        let progressColumn = 1 + model.columns.count
        let lastColumn = widths.count - 1
        for (column, width) in widths.enumerated() { sheet.width(column, width) }
        let title = strings.reportTitle(of: model)

        sheet.merge(0, 0, lastColumn, title, styles.title)
        sheet.height(0, 24)
        var row = 1
        if let notice = model.notice {
            sheet.merge(row, 0, lastColumn, notice, styles.cell)
            sheet.height(row, XLSXText.rowHeight(notice, width: widths.reduce(0, +), lineHeight: 15))
            row += 1
        }
        // The legend sits above the table, as in the council document: code, label, colour.
        var legendLines = 1
        sheet.string(row, 0, strings.legend, styles.legendHeading)
        for (index, item) in model.legend.enumerated() {
            let column = 1 + index % lastColumn
            if index > 0 && column == 1 {
                sheet.height(row, XLSXText.height(lines: legendLines))
                row += 1
                legendLines = 1
                sheet.blank(row, 0, styles.legendHeading)
            }
            let text = "\(item.code)  \(item.label)"
            sheet.string(row, column, text, styles.progress[index])
            legendLines = max(legendLines, XLSXText.lineCount(text, width: widths[column]))
        }
        sheet.height(row, XLSXText.height(lines: legendLines))
        row += 1
        let headerRow = row
        var headers = [strings.action] + model.columns.map(\.label) + [strings.progress, model.statusColumn]
        if let comparison = model.comparison { headers.append(strings.changeColumn(comparison.previousPeriod)) }
        for (column, header) in headers.enumerated() { sheet.string(headerRow, column, header, styles.header) }
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
                sheet.height(row, XLSXText.rowHeight(text, width: totalWidth, lineHeight: 17, charactersPerUnit: 0.8))
            } else {
                // A third level (and below) in its own lighter style, so kohdat read apart from painopisteet.
                sheet.merge(row, 0, lastColumn, text, depth == 1 ? styles.goal : styles.subheading)
                sheet.height(row, XLSXText.rowHeight(text, width: totalWidth, lineHeight: 15.5))
            }
            row += 1
            if item.actions.isEmpty && item.items.isEmpty {
                sheet.merge(row, 0, lastColumn, strings.noActions, styles.cell)
                row += 1
            }
            for action in item.actions {
                var texts = [model.shown(action, .action)]
                texts += model.columns.map { $0.text(action) }
                texts += [progressText(action.progress, strings: strings), model.shown(action, .status)]
                if model.comparison != nil {
                    texts.append(action.change.map { strings.changeNote($0, now: action.progress.code) } ?? "")
                }
                for column in 0..<texts.count where column != progressColumn { sheet.string(row, column, texts[column], styles.cell) }
                sheet.string(row, progressColumn, texts[progressColumn], progressStyle(action.progress, styles: styles, legendIndex: legendIndex))
                // Spreadsheet programs do not grow rows for wrapped text on opening; size them here.
                let lines = zip(texts, widths).map { XLSXText.lineCount($0, width: $1) }.max() ?? 1
                sheet.height(row, XLSXText.height(lines: lines))
                row += 1
            }
        }
        worksheet_activate(sheet.handle)
    }
}

extension XLSXReportRenderer {
    func progressText(_ progress: ProgressCell, strings: ReportStrings) -> String {
        switch progress.status {
        case .known: "\(progress.code)\n\(progress.label ?? "")"
        case .unknown: "\(progress.code)\n\(strings.unknownCode)"
        case .missing: strings.missingCode
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
