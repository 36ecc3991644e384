import Foundation

/// The last `run` that ended well (exit 0 or 1: published, or nothing changed), carried in every
/// run summary: the summary file holds only the latest run, and a monitor must still see when the
/// nights last worked after a string of failures.
public struct LastSuccess: Codable, Sendable, Equatable {
    public var finished: String
    public var period: String?
    public var exitCode: Int32
    public var outcome: String

    public init(finished: String, period: String?, exitCode: Int32, outcome: String) {
        self.finished = finished
        self.period = period
        self.exitCode = exitCode
        self.outcome = outcome
    }
}

extension RunSummary {
    /// Whether this summary is itself a night that worked.
    public var succeeded: Bool {
        command == "run" && (exitCode == 0 || exitCode == 1)
    }

    /// Sets `lastSuccess`: this run when it succeeded, else what the previous summary at `previous`
    /// said (its own run, when it was written before summaries carried `lastSuccess`).
    public mutating func carryLastSuccess(from previous: URL?) {
        if succeeded, let finished, let exitCode {
            lastSuccess = LastSuccess(finished: finished, period: period, exitCode: exitCode, outcome: outcome ?? "published")
            return
        }
        guard let previous, let data = try? Data(contentsOf: previous),
              let earlier = try? JSONDecoder().decode(RunSummary.self, from: data) else { return }
        if let carried = earlier.lastSuccess {
            lastSuccess = carried
        } else if earlier.succeeded, let finished = earlier.finished, let exitCode = earlier.exitCode {
            lastSuccess = LastSuccess(finished: finished, period: earlier.period, exitCode: exitCode, outcome: earlier.outcome ?? "published")
        }
    }
}
