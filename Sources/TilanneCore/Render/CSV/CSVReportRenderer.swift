import Foundation

/// The report as one CSV row per action, with the hierarchy in columns (a number and a title
/// per level), for a Finnish Excel
/// user: UTF-8 with BOM (so Excel detects the encoding), `;`, CRLF, no `sep=` line.
public struct CSVReportRenderer: ReportRenderer {
    public let format = OutputFormat.csv

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let strings = ReportStrings(language: model.language)
        let writer = try BufferedFileWriter(path: url.path)
        writer.write(bytes: [0xEF, 0xBB, 0xBF])
        // The hierarchy in columns: the programme when there are several, then per level its
        // number (when it has one) and title; an action under a higher level leaves the rest empty.
        var header = [strings.identifier]
        if model.showsProgrammes { header.append(model.programmeLevelName) }
        for level in model.levels {
            if level.numbering != .none { header.append(strings.numberColumn(level.name)) }
            header.append(level.name)
        }
        let showsBinding = !model.programme.bindingGoalLabel.isEmpty
        if showsBinding { header.append(model.programme.bindingGoalLabel) }
        header.append(strings.action)
        header += model.columns.map(\.label)
        header += [strings.progress, strings.progressLabel, model.statusColumn]
        header += (model.tags ?? []).map(\.name)
        // With a history: the change since the previous frozen period and why a row needs an update.
        if let comparison = model.comparison { header += [strings.changeColumn(comparison.previousPeriod), strings.progressBefore] }
        if model.updateRequests != nil { header.append(strings.reasonColumn) }
        writer.write(header.map { CSVCell.encode($0) }.joined(separator: ";") + "\r\n")
        let tagTitles = Dictionary(uniqueKeysWithValues: (model.tags ?? []).map { tag in
            (tag.key, Dictionary(uniqueKeysWithValues: tag.items.map { ($0.key, $0.label) }))
        })

        func write(_ item: ItemReport, ancestors: [ItemReport]) {
            let trail = ancestors + [item]
            var placeCells: [String] = []
            if model.showsProgrammes { placeCells.append(CSVCell.encode(model.shown(trail[0].title, untranslated: trail[0].untranslatedTitle == true))) }
            for (index, level) in model.levels.enumerated() {
                let step = index + 1 < trail.count ? trail[index + 1] : nil
                if level.numbering != .none { placeCells.append(CSVCell.encode(step?.number ?? "")) }
                placeCells.append(CSVCell.encode(step.map { model.shown($0.title, untranslated: $0.untranslatedTitle == true) } ?? ""))
            }
            let binding = trail.reversed().lazy.compactMap(\.bindingGoal).first?.text ?? ""
            for action in item.actions {
                var line = ""
                line.reserveCapacity(512)
                var cells: [String] = [CSVCell.encode(action.id)]
                cells += placeCells
                if showsBinding { cells.append(CSVCell.encode(binding)) }
                cells.append(CSVCell.encode(model.shown(action, .action)))
                cells += model.columns.map { CSVCell.encode($0.text(action)) }
                cells += [
                    CSVCell.encode(action.progress.code, isProgressCode: true),
                    CSVCell.encode(ProgressText.label(action.progress, strings: strings)),
                    CSVCell.encode(model.shown(action, .status)),
                ]
                for tag in model.tags ?? [] {
                    cells.append(CSVCell.encode((action.tags?[tag.key] ?? []).map { tagTitles[tag.key]?[$0] ?? $0 }.joined(separator: "\n")))
                }
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
            for child in item.items { write(child, ancestors: trail) }
        }
        for programme in model.programmes { write(programme, ancestors: []) }
        try writer.close()
    }
}
