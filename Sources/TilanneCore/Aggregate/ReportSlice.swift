/// The part of the report one steering group follows: the actions under its items (a
/// programme, a painopiste, a goal … with everything below) and of its responsible parties,
/// with counts recounted, and only the findings, changes and update requests about those
/// actions. Every renderer reads it like the whole report.
extension ReportModel {
    public func slice(for group: SteeringGroup) -> ReportModel {
        let followed = group.items
        let partyKeys = Set(group.responsible.map(TextNormaliser.comparisonKey))
        let legendEntries = ProgressLegend(entries: legend.map {
            ProgressLegendEntry(code: $0.code, label: $0.label, colour: $0.colour, aliases: [], ranked: true)
        })
        func follows(_ action: ActionReport) -> Bool {
            action.responsible.contains { partyKeys.contains(TextNormaliser.comparisonKey($0)) }
        }
        func isFollowed(_ path: ItemPath) -> Bool { followed.contains { $0.contains(path) } }
        /// The item with only what the group follows; nil when nothing of it is followed.
        func sliced(_ item: ItemReport) -> ItemReport? {
            let whole = isFollowed(item.path)
            var result = item
            result.actions = whole ? item.actions : item.actions.filter(follows)
            result.items = item.items.compactMap(sliced)
            // An item on the way to a followed one is kept as its heading.
            let onTheWay = followed.contains { item.path.contains($0) }
            guard whole || onTheWay || !result.actions.isEmpty || !result.items.isEmpty else { return nil }
            result.counts = Aggregator.count(result.allActions.map(\.progress), legend: legendEntries)
            return result
        }
        var model = self
        model.programme.name = "\(programme.name) – \(group.name)"
        model.programmes = programmes.compactMap(sliced)
        // The group's indicators: those of the items it follows as a whole.
        if let indicators {
            let kept = indicators.filter { indicator in indicator.itemPath.map(isFollowed) == true }
            model.indicators = kept.isEmpty ? nil : kept
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
                ids.contains(change.id) || change.path.map(isFollowed) == true
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
            if note.movedFrom != nil { moved += 1 }
        }
    }
}
