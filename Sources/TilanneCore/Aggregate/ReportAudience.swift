/// The two editions of a report: the one the council reads and the one the coordinator works
/// from. The council edition says nothing about checking the sources (no finding codes, file
/// places, row accounting or "check" notes); the coordinator's edition is those lists alone
/// (`CoordinatorWorkbookRenderer`, `CoordinatorCSVRenderer`).
public enum ReportAudience: String, Sendable, Codable, CaseIterable {
    case council
    case coordinator
}

extension ReportModel {
    /// Whether this is the coordinator's edition (its change list then has the matches to confirm).
    public var isCoordinatorEdition: Bool { audience == .coordinator }

    /// The report for `audience`: the council edition leaves out the update lists, the answers,
    /// each action's finding codes and the uncertain-match notes, so that no council file can show them.
    public func edition(for audience: ReportAudience) -> ReportModel {
        var model = self
        model.audience = audience == .council ? nil : audience
        if audience == .council {
            model.updateRequests = nil
            model.answers = nil
            // An uncertain match is the coordinator's to check; the council sees the change itself.
            if var comparison = model.comparison {
                comparison.changes = comparison.changes.map { change in
                    var change = change
                    change.uncertain = false
                    return change
                }
                model.comparison = comparison
            }
            model.programmes = model.programmes.map { $0.mappingActions { action in
                var action = action
                action.change?.uncertain = false
                action.findings = []
                return action
            } }
        }
        return model
    }
}

extension ItemReport {
    /// The item with `transform` applied to every action under it.
    func mappingActions(_ transform: (ActionReport) -> ActionReport) -> ItemReport {
        var item = self
        item.actions = actions.map(transform)
        item.items = items.map { $0.mappingActions(transform) }
        return item
    }
}
