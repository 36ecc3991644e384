import Foundation

/// The report as one CSV row per action, with the hierarchy in columns, for a Finnish Excel
/// user: UTF-8 with BOM (so Excel detects the encoding), `;`, CRLF, no `sep=` line.
public struct CSVReportRenderer: ReportRenderer {
    public let format = OutputFormat.csv

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let writer = try BufferedFileWriter(path: url.path)
        writer.write(bytes: [0xEF, 0xBB, 0xBF])
        var header = [
            strings.identifier, strings.theme, strings.goalNumber, strings.goal, model.programme.bindingGoalLabel,
            strings.action, strings.projects, strings.responsible, strings.progress, strings.progressLabel,
            strings.statusColumn(model.period), strings.checkFlag,
        ]
        // With a history: the change since the previous frozen period and why a row needs an update.
        if let comparison = model.comparison { header += [strings.changeColumn(comparison.previousPeriod), strings.progressBefore] }
        if model.updateRequests != nil { header.append(strings.reasonColumn) }
        writer.write(header.map { CSVCell.encode($0) }.joined(separator: ";") + "\r\n")
        for theme in model.themes {
            for goal in theme.goals {
                let binding = goal.bindingGoal?.text ?? ""
                for action in goal.actions {
                    var line = ""
                    line.reserveCapacity(512)
                    var cells: [String] = [
                        CSVCell.encode(action.id),
                        CSVCell.encode(model.shown(theme.title, untranslated: theme.untranslatedTitle == true)),
                        String(goal.number),
                        CSVCell.encode(model.shown(goal.title, untranslated: goal.untranslatedTitle == true)),
                        CSVCell.encode(binding),
                        CSVCell.encode(model.shown(action, .action)),
                        CSVCell.encode(action.projects.map(\.text).joined(separator: "\n")),
                        CSVCell.encode(action.responsible.joined(separator: ", ")),
                        CSVCell.encode(action.progress.code, isProgressCode: true),
                        CSVCell.encode(ProgressText.label(action.progress, strings: strings)),
                        CSVCell.encode(model.shown(action, .status)),
                        CSVCell.encode(action.findings.map(\.rawValue).joined(separator: ", ")),
                    ]
                    if model.comparison != nil {
                        cells.append(CSVCell.encode(action.change.map { strings.changeNote($0, now: action.progress.code) } ?? ""))
                        cells.append(CSVCell.encode(action.change?.progressBefore ?? "", isProgressCode: true))
                    }
                    if model.updateRequests != nil { cells.append(CSVCell.encode(action.stale.map(strings.staleReason) ?? "")) }
                    for (index, cell) in cells.enumerated() {
                        if index > 0 { line += ";" }
                        line += cell
                    }
                    line += "\r\n"
                    writer.write(line)
                }
            }
        }
        try writer.close()
    }
}
