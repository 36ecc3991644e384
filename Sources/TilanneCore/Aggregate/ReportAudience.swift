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

    /// The report for `audience`: the council edition leaves out the update lists, the answers
    /// and the uncertain-match flags of the change list, so that no council file can show them.
    /// Each action keeps its finding codes and its change as they are (copying every action of a
    /// large report for each language cost a full copy of the actions: no council renderer reads
    /// the codes, and the change note never says whether a match is certain).
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
        }
        return model
    }
}
