/// The part of the report one steering group follows: the actions of its themes, its goals and
/// its responsible parties, with counts recounted, and only the findings, changes and update
/// requests about those actions. Every renderer reads it like the whole report.
extension ReportModel {
    public func slice(for group: SteeringGroup) -> ReportModel {
        let themeKeys = Set(group.themes.map(TextNormaliser.comparisonKey))
        let goals = Set(group.goals)
        let partyKeys = Set(group.responsible.map(TextNormaliser.comparisonKey))
        let legendEntries = ProgressLegend(entries: legend.map {
            ProgressLegendEntry(code: $0.code, label: $0.label, colour: $0.colour, aliases: [], ranked: true)
        })
        func follows(_ action: ActionReport) -> Bool {
            action.responsible.contains { partyKeys.contains(TextNormaliser.comparisonKey($0)) }
        }
        var goalTheme: [Int: String] = [:]
        var slicedThemes: [ThemeReport] = []
        for theme in themes {
            let wholeTheme = themeKeys.contains(TextNormaliser.comparisonKey(theme.title))
            var slicedGoals: [GoalReport] = []
            for goal in theme.goals {
                goalTheme[goal.number] = theme.title
                let wholeGoal = wholeTheme || goals.contains(goal.number)
                var sliced = goal
                sliced.actions = wholeGoal ? goal.actions : goal.actions.filter(follows)
                guard wholeGoal || !sliced.actions.isEmpty else { continue }
                sliced.counts = Aggregator.count(sliced.actions.map(\.progress), legend: legendEntries)
                slicedGoals.append(sliced)
            }
            guard !slicedGoals.isEmpty else { continue }
            slicedThemes.append(ThemeReport(title: theme.title, untranslatedTitle: theme.untranslatedTitle, goals: slicedGoals,
                                            counts: Aggregator.count(slicedGoals.flatMap { $0.actions.map(\.progress) }, legend: legendEntries)))
        }
        var model = self
        model.programme.name = "\(programme.name) – \(group.name)"
        model.themes = slicedThemes
        // The group's indicators: those of the themes and goals it follows as a whole.
        if let indicators {
            let followedThemes = Set(themes.filter { themeKeys.contains(TextNormaliser.comparisonKey($0.title)) }.map(\.title))
            let sliced = indicators.filter { indicator in
                indicator.goal.map(goals.contains) == true || indicator.theme.map(followedThemes.contains) == true
            }
            model.indicators = sliced.isEmpty ? nil : sliced
        }
        let actions = model.allActions
        model.totals = Aggregator.count(actions.map(\.progress), legend: legendEntries)
        let places = Set(actions.map { $0.source.at(row: $0.source.row) })
        model.diagnostics = diagnostics.filter { $0.location.map { places.contains($0.at(row: $0.row)) } ?? false }
        model.rejectedRows = []
        model.accounting = RowAccounting(rowsIn: actions.count, reported: actions.count, rejected: 0, structure: 0, blank: 0)
        let ids = Set(actions.map(\.id))
        if var comparison {
            comparison.changes = comparison.changes.filter { change in
                ids.contains(change.id) || goals.contains(change.goalNumber)
                    || goalTheme[change.goalNumber].map { themeKeys.contains(TextNormaliser.comparisonKey($0)) } == true
                    || change.responsible.contains { partyKeys.contains(TextNormaliser.comparisonKey($0)) }
            }
            comparison.counts = ChangeCounts(actions: actions, dropped: comparison.changes.filter { $0.kind == .dropped }.count)
            model.comparison = comparison
        }
        model.updateRequests = updateRequests?.compactMap { request in
            var request = request
            request.actions = request.actions.filter { ids.contains($0.id) }
            return request.actions.isEmpty ? nil : request
        }
        return model
    }
}

extension ChangeCounts {
    /// Counted from the change notes of the actions shown, for a slice of the report.
    init(actions: [ActionReport], dropped: Int) {
        self.init()
        self.dropped = dropped
        for note in actions.compactMap(\.change) {
            if note.isNew { new += 1; continue }
            switch note.direction {
            case .improved: improved += 1
            case .worsened: worsened += 1
            case .notComparable: codeChanged += 1
            case .unchanged, nil: unchanged += 1
            }
            if note.statusChanged { statusChanged += 1 }
            if note.reworded { reworded += 1 }
            if note.movedFromGoal != nil { moved += 1 }
        }
    }
}
