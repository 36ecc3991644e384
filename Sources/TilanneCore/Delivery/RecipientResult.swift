extension GroupDelivery {
    /// What became of the group's mail for one of its addresses. Each address gets its own
    /// message (its own sendmail run), so a mistyped or departed member's address fails only
    /// that message, and only that address is tried again by the next run.
    public struct RecipientResult: Sendable, Codable, Equatable {
        /// The bare address (`local@domain`), as the envelope and the history carry it.
        public var address: String
        public var outcome: Outcome
        /// For a failed message: the sendmail program's message.
        public var problem: String?

        public init(address: String, outcome: Outcome, problem: String? = nil) {
            self.address = address
            self.outcome = outcome
            self.problem = problem
        }
    }

    /// The group's outcome from its recipients': failed when any failed (the run then ends with
    /// exit 8 and the next run tries those again), sent when any was sent, unchanged when every
    /// address already had this message.
    static func groupOutcome(_ recipients: [RecipientResult]) -> Outcome {
        let outcomes = Set(recipients.map(\.outcome))
        for outcome in [Outcome.failed, .sent, .wouldSend] where outcomes.contains(outcome) { return outcome }
        return .unchanged
    }

    /// The failed addresses with the program's message each, for the group's `problem`.
    static func groupProblem(_ recipients: [RecipientResult]) -> String? {
        let failed = recipients.filter { $0.outcome == .failed }
        guard !failed.isEmpty else { return nil }
        return failed.map { "\($0.address): \($0.problem ?? "")" }.joined(separator: "; ")
    }
}
