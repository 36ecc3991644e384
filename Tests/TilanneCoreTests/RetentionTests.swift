import Foundation
import Testing
@testable import TilanneCore

/// Pruning old runs from the history, never those still needed.
@Suite("Retention: operations.keep_runs")
struct RetentionTests {
    private func parse(_ text: String) throws -> TilanneConfig {
        try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
    }

    private var shipped: String {
        get throws { try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8) }
    }


    @Test("operations.keep_runs must be at least 1 and needs a history; the error names the key and its line")
    func keepRunsChecked() throws {
        let zero = try shipped.replacingOccurrences(of: "validation:\n", with: "operations:\n  keep_runs: 0\n\nvalidation:\n")
        #expect { try parse(zero) } throws: { error in
            let error = error as? ConfigError
            return error?.keyPath == "operations.keep_runs" && error?.line != nil && error?.problem.contains("at least 1") == true
        }
        let noHistory = try shipped.replacingOccurrences(of: "history:\n  state_folder: ../State\n  stale_after_periods: 2\n", with: "")
            .replacingOccurrences(of: "validation:\n", with: "operations:\n  keep_runs: 5\n\nvalidation:\n")
        #expect { try parse(noHistory) } throws: { error in
            (error as? ConfigError)?.problem.contains("needs a history") == true
        }
        let good = try parse(try shipped.replacingOccurrences(of: "validation:\n",
                                                              with: "operations:\n  keep_runs: 30\n  metrics: ../Metrics/tilanne.prom\n\nvalidation:\n"))
        #expect(good.operations.keepRuns == 30)
        #expect(good.metricsFile?.path == TestSupport.repositoryRoot.appendingPathComponent("Metrics/tilanne.prom").path)
    }


    private func run(_ period: String, _ outcome: RunRecord.Outcome, at minute: Int) -> RunRecord {
        let time = String(format: "2024-03-05T02:%02d:00+02:00", minute)
        return RunRecord(id: nil, startedAt: time, finishedAt: time, period: period, fingerprint: "f\(minute)", outcome: outcome,
                         actions: 1, rejected: 0, warnings: 0, errors: 0)
    }

    private func row(_ identity: String) -> HistoryRow {
        HistoryRow(identity: identity, lineage: identity, theme: "T", goalNumber: 1, goalTitle: "G", action: identity, projects: "",
                   responsible: "", progress: "+", status: "s", statusKey: "s", sourceFile: "x.csv", sourceRow: 2)
    }

    @Test("keep_runs prunes old runs and their rows, never the last published run nor the run behind a frozen period")
    func retention() throws {
        let store = try HistoryStore(url: try TestSupport.temporaryFolder().appendingPathComponent("h.sqlite"))
        // 1/2024: published at :01 (the run the frozen period's reports came from), then unchanged nights.
        let frozenRun = try store.record(run("1/2024", .published, at: 1), rows: [row("a"), row("b")])
        for minute in 2...4 { try store.record(run("1/2024", .unchanged, at: minute), rows: []) }
        #expect(try store.freeze(try #require(PeriodFormat.halfYears.parse("1/2024")), rows: [row("a")], fingerprint: "f1",
                                 at: "2024-03-06T10:00:00+02:00", force: false) == false)
        // 2/2024: published at :05, then nights whose mail failed and unchanged ones.
        let lastPublished = try store.record(run("2/2024", .published, at: 5), rows: [row("a"), row("c")])
        try store.record(run("2/2024", .deliveryFailed, at: 6), rows: [row("a"), row("c")])
        for minute in 7...9 { try store.record(run("2/2024", .unchanged, at: minute), rows: []) }

        let removed = try store.prune(keeping: 2)
        let kept = try store.runs(limit: 100).compactMap(\.id)
        let newest = try store.runs(limit: 2).compactMap(\.id)
        #expect(kept == newest + [lastPublished, frozenRun])
        #expect(removed == 9 - 4)
        #expect(try store.lastPublishedRun()?.id == lastPublished)
        // The pruned runs' rows are gone with them; the kept ones' rows are whole.
        let queue = store.queue
        let rowRuns = try queue.read { try Int64.fetchAll($0, sql: "SELECT DISTINCT runId FROM runAction ORDER BY runId") }
        #expect(rowRuns == [frozenRun, lastPublished])
        // The frozen period is untouched.
        #expect(try store.frozenPeriods().map(\.label) == ["1/2024"])
        // Pruning again removes nothing more.
        #expect(try store.prune(keeping: 2) == 0)
    }
}
