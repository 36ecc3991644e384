import Foundation

extension Pipeline {
    /// `delivery.send_on: freeze`: when a period is frozen, each steering group is mailed its
    /// slice of the period's report. The inputs were just found to be the published ones, so the
    /// stages make the published edition again (compared with the same earlier frozen period);
    /// the groups' files are written again, the same as published.
    public func mailFrozenPeriod(store: HistoryStore) throws -> [GroupDelivery.Result] {
        guard let delivery = config.delivery, delivery.sendOn.contains(.freeze), config.groups.contains(where: { !$0.email.isEmpty }) else {
            return []
        }
        var programme = check()
        let history = try compare(programme, store: store)
        programme.diagnostics += history.diagnostics
        let report = judge(self.report(from: programme, history: history))
        let lineages = Dictionary(history.rows.map { ($0.identity, $0.lineage) }, uniquingKeysWith: { first, _ in first })
        return try GroupDelivery(config: config, store: store, lineages: lineages).run(report.main, dryRun: false, resend: nil, occasion: .freeze)
    }
}
