import Foundation

/// The coordinator's workbook (`…-koordinaattori.xlsx`): only what the coordinator works from —
/// sheet "Tarkistukset" (every finding and rejected row with its file, row and column), and when
/// there are any the changes with the matches to check ("Muutokset"), the rows each party should
/// update ("Päivitettävät") and who has answered ("Vastaukset"). The status table itself is the
/// council edition's; writing it again here cost a second full workbook every night.
public struct CoordinatorWorkbookRenderer: ReportRenderer {
    public let format = OutputFormat.xlsx

    /// A workbook whose longest sheet has more rows than this is written in libxlsxwriter's
    /// constant-memory mode, like the council's (`XLSXReportRenderer.streamingThreshold`): a
    /// million-row table gives some hundred thousand findings. Every sheet here is written row
    /// by row in order and none is an Excel Table, so the sheets are the same in either mode.
    public var streamingRows = XLSXReportRenderer.streamingThreshold

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let longest = XLSXReportRenderer.rowsNeeded(model).map(\.rows).max() ?? 0
        let workbook = try XLSXWorkbook(path: url.path, constantMemory: longest > streamingRows)
        let styles = XLSXStyles(workbook: workbook, legend: model.legend)
        // A draft's check list says so, like the draft report it belongs to.
        workbook.draftMark = model.draft ? strings.draftMark : nil
        var document = model.document
        let title = strings.coordinatorTitle(model.programme.name, period: model.period)
        document.title = strings.marked(title, draft: model.draft)
        workbook.setProperties(document, fallbackTitle: document.title ?? "")
        try XLSXLayoutSheet.write(CheckListLayout.checks(model), model: model, strings: strings, workbook: workbook, styles: styles)
        if let comparison = model.comparison {
            try XLSXLayoutSheet.write(ChangeListLayout.changes(comparison, model: model), model: model, strings: strings,
                                      workbook: workbook, styles: styles)
        }
        if let requests = model.updateRequests {
            try XLSXLayoutSheet.write(ChangeListLayout.updates(requests, model: model), model: model, strings: strings,
                                      workbook: workbook, styles: styles)
        }
        if let answers = model.answers {
            try XLSXAnswersSheet.write(answers, model: model, strings: strings, workbook: workbook, styles: styles)
        }
        try workbook.close()
    }
}
