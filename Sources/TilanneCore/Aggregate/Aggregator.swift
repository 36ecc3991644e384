/// Aggregate stage: places the validated actions under the register's themes and goals
/// (in the register's order) and counts the progress codes per goal, theme and programme.
/// With a history, each action also carries its change since the previous frozen period and
/// whether it needs an update, and the stale rows are listed per responsible party.
public struct Aggregator: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public func aggregate(_ programme: ValidatedProgramme, history: HistoryContext? = nil) -> ReportModel {
        var byGoal: [Int: [ValidatedAction]] = [:]
        for action in programme.actions { byGoal[action.goalNumber, default: []].append(action) }
        var position: [String: Int] = [:]
        if history != nil { for (index, action) in programme.actions.enumerated() { position[action.row.identity] = index } }
        func report(_ action: ValidatedAction, theme: RegisteredTheme, goal: RegisteredGoal) -> ActionReport {
            var result = self.report(action, theme: theme, goal: goal)
            if let history, let index = position[action.row.identity] {
                result.change = history.notes[index]
                result.stale = history.stale[index]
            }
            return result
        }
        let legend = config.legend

        let themes = config.register.themes.map { theme -> ThemeReport in
            let goals = theme.goals.map { goal -> GoalReport in
                let actions = (byGoal[goal.number] ?? []).map { report($0, theme: theme, goal: goal) }
                let tableBinding = byGoal[goal.number]?.lazy.compactMap(\.row.bindingGoal).first
                let binding = goal.bindingGoal.map { BindingGoal(label: nil, text: $0) } ?? tableBinding
                return GoalReport(number: goal.number, title: goal.title, untranslatedTitle: nil, bindingGoal: binding,
                                  actions: actions, counts: Self.count(actions.map(\.progress), legend: legend))
            }
            return ThemeReport(title: theme.title, untranslatedTitle: nil, goals: goals,
                               counts: Self.count(goals.flatMap { $0.actions.map(\.progress) }, legend: legend))
        }
        let totals = Self.count(themes.flatMap { $0.goals.flatMap { $0.actions.map(\.progress) } }, legend: legend)
        var model = ReportModel(
            programme: ProgrammeSummary(name: config.programme.name, organisation: config.programme.organisation,
                                        strategy: config.programme.strategy,
                                        bindingGoalLabel: config.register.bindingGoalLabel),
            period: config.period,
            language: config.language,
            legend: legend.entries.map { LegendItem(code: $0.code, label: $0.label, colour: $0.colour) },
            themes: themes,
            totals: totals,
            diagnostics: programme.diagnostics,
            rejectedRows: programme.rejected,
            accounting: programme.accounting,
            sources: programme.sources,
            document: config.document
        )
        if !config.indicators.isEmpty {
            model.indicators = IndicatorAggregator(config: config).aggregate(programme.indicators, diagnostics: programme.diagnostics)
        }
        if let history {
            model.comparison = history.comparison
            model.updateRequests = Self.updateRequests(model.allActions, language: config.language)
        }
        return model
    }

    /// The stale rows grouped by responsible party (a row with two parties is in both lists),
    /// parties in alphabetical order, rows in report order.
    static func updateRequests(_ actions: [ActionReport], language: ReportLanguage) -> [UpdateRequest] {
        var groups: [String: UpdateRequest] = [:]
        for action in actions {
            guard let stale = action.stale else { continue }
            let parties = action.responsible.isEmpty ? [ReportStrings(language: language).noResponsible] : action.responsible
            for party in parties {
                let key = TextNormaliser.comparisonKey(party)
                groups[key, default: UpdateRequest(responsible: party, actions: [])].actions.append(UpdateRequestItem(
                    id: action.id, goalNumber: action.goalNumber, action: action.action,
                    progress: action.progress.code, status: action.status, stale: stale))
            }
        }
        return groups.sorted { $0.key < $1.key }.map(\.value)
    }

    private func report(_ action: ValidatedAction, theme: RegisteredTheme, goal: RegisteredGoal) -> ActionReport {
        let row = action.row
        let cell: ProgressCell
        switch row.progress {
        case .known(let code):
            let entry = config.legend.entry(for: code)
            cell = ProgressCell(code: code, label: entry?.label, colour: entry?.colour, status: .known)
        case .unknown(let written):
            cell = ProgressCell(code: written, label: nil, colour: nil, status: .unknown)
        case .missing:
            cell = ProgressCell(code: "", label: nil, colour: nil, status: .missing)
        }
        return ActionReport(
            id: row.identity, source: row.location, theme: theme.title, goalNumber: goal.number, goalTitle: goal.title,
            action: row.action, projects: row.projects, responsible: row.responsible, progress: cell,
            status: row.status, findings: action.findings,
            translations: row.translations.isEmpty ? nil : row.translations
        )
    }

    static func count(_ cells: [ProgressCell], legend: ProgressLegend) -> ProgressCounts {
        let total = cells.count
        func share(_ count: Int) -> Double {
            total == 0 ? 0 : (Double(count) / Double(total) * 10_000).rounded() / 10_000
        }
        var known: [String: Int] = [:]
        var unknown: [String: Int] = [:]
        var unknownOrder: [String] = []
        var missing = 0
        for cell in cells {
            switch cell.status {
            case .known: known[cell.code, default: 0] += 1
            case .unknown:
                if unknown[cell.code] == nil { unknownOrder.append(cell.code) }
                unknown[cell.code, default: 0] += 1
            case .missing: missing += 1
            }
        }
        return ProgressCounts(
            byCode: legend.entries.map { .init(code: $0.code, count: known[$0.code] ?? 0, share: share(known[$0.code] ?? 0)) },
            unknown: unknownOrder.map { .init(code: $0, count: unknown[$0]!, share: share(unknown[$0]!)) },
            missing: missing,
            total: total
        )
    }
}
