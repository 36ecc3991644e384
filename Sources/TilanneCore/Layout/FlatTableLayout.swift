/// Layout of the report as a flat table, one row per action: the CSV report and the workbook's
/// data sheet "Tiedot". Its columns — the id, the hierarchy (the programme when there are
/// several, then per level its number when it has one and its title), the binding goal, the
/// action, the programme's own columns, the progress code and its label apart, the status text,
/// the cross-cutting dimensions and, with a previous period, the change and the earlier code — and
/// each row's cells are decided here once; the two formats only encode them.
public struct FlatTableLayout: Sendable {
    public enum Content: Sendable, Hashable {
        case identifier
        /// The hierarchy: level 0 is the programme, 1… the declared levels.
        case levelNumber(Int)
        case levelTitle(Int)
        case bindingGoal
        case action
        case own(ColumnSummary)
        case progressCode
        case progressLabel
        case status
        case tag(String)
        case change
        case progressBefore
    }

    public struct Column: Sendable, Hashable {
        public var header: String
        public var content: Content
        /// Width in spreadsheet units (the data sheet's; the CSV has none).
        public var width: Double
    }

    /// A cell's value.
    public enum Cell: Sendable, Hashable {
        case text(String)
        /// An item's number on a level numbered with whole numbers: a number to sort and count
        /// by, and the text as the source wrote it.
        case number(Double, text: String)
        /// A progress code (`+/-`): readable as a code, never taken for a formula.
        case code(String)
    }

    public let columns: [Column]
    private let model: ReportModel
    private let strings: ReportStrings

    public init(_ model: ReportModel) {
        self.model = model
        strings = ReportStrings(language: model.language)
        var columns = [Column(header: strings.identifier, content: .identifier, width: 14)]
        if model.showsProgrammes { columns.append(Column(header: model.programmeLevelName, content: .levelTitle(0), width: 30)) }
        for (index, level) in model.levels.enumerated() {
            if level.numbering != .none {
                columns.append(Column(header: strings.numberColumn(level.name), content: .levelNumber(index + 1), width: 10))
            }
            columns.append(Column(header: level.name, content: .levelTitle(index + 1), width: 36))
        }
        if !model.programme.bindingGoalLabel.isEmpty {
            columns.append(Column(header: model.programme.bindingGoalLabel, content: .bindingGoal, width: 36))
        }
        columns.append(Column(header: strings.action, content: .action, width: 40))
        columns += model.columns.map { Column(header: $0.label, content: .own($0), width: 24) }
        columns += [Column(header: strings.progress, content: .progressCode, width: 11),
                    Column(header: strings.progressLabel, content: .progressLabel, width: 26),
                    Column(header: model.statusColumn, content: .status, width: 70)]
        columns += (model.tags ?? []).map { Column(header: $0.name, content: .tag($0.key), width: 30) }
        if let comparison = model.comparison {
            columns += [Column(header: strings.changeColumn(comparison.previousPeriod), content: .change, width: 30),
                        Column(header: strings.progressBefore, content: .progressBefore, width: 11)]
        }
        self.columns = columns
    }

    /// An item's number as a cell: a number on a level numbered with whole numbers, else text.
    public static func number(_ item: ItemReport, model: ReportModel) -> Cell {
        guard let number = item.number else { return .text("") }
        let level = item.level >= 1 && item.level <= model.levels.count ? model.levels[item.level - 1] : nil
        if level?.numbering == .integer, let value = Int(number) { return .number(Double(value), text: number) }
        return .text(number)
    }

    /// Calls `body` with each action's cells, in report order. The array is reused between rows.
    public func forEachRow(_ body: ([Cell]) -> Void) {
        let model = self.model, strings = self.strings, columns = self.columns
        let tagTitles = Dictionary(uniqueKeysWithValues: (model.tags ?? []).map { tag in
            (tag.key, Dictionary(uniqueKeysWithValues: tag.items.map { ($0.key, $0.label) }))
        })
        var cells: [Cell] = []
        cells.reserveCapacity(columns.count)
        func walk(_ item: ItemReport, ancestors: [ItemReport]) {
            let trail = ancestors + [item]
            let binding = trail.reversed().lazy.compactMap(\.bindingGoal).first?.text ?? ""
            for action in item.actions {
                cells.removeAll(keepingCapacity: true)
                for column in columns {
                    switch column.content {
                    case .identifier: cells.append(.text(action.id))
                    case .levelNumber(let level):
                        cells.append(level < trail.count ? Self.number(trail[level], model: model) : .text(""))
                    case .levelTitle(let level):
                        let step = level < trail.count ? trail[level] : nil
                        cells.append(.text(step.map { model.shown($0.title, untranslated: $0.untranslatedTitle == true) } ?? ""))
                    case .bindingGoal: cells.append(.text(binding))
                    case .action: cells.append(.text(model.shown(action, .action)))
                    case .own(let own): cells.append(.text(own.text(action)))
                    case .progressCode: cells.append(.code(action.progress.code))
                    case .progressLabel: cells.append(.text(ProgressText.label(action.progress, strings: strings)))
                    case .status: cells.append(.text(model.shown(action, .status)))
                    case .tag(let key):
                        cells.append(.text((action.tags?[key] ?? []).map { tagTitles[key]?[$0] ?? $0 }.joined(separator: "\n")))
                    case .change: cells.append(.text(action.change.map { strings.changeNote($0, now: action.progress.code) } ?? ""))
                    case .progressBefore: cells.append(.code(action.change?.progressBefore ?? ""))
                    }
                }
                body(cells)
            }
            for child in item.items { walk(child, ancestors: trail) }
        }
        for programme in model.programmes { walk(programme, ancestors: []) }
    }
}
