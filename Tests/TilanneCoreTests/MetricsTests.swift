import Foundation
import Testing
@testable import TilanneCore

/// The metrics file and the last successful run a failed night carries over.
@Suite("Metrics: the last success carried, the textfile written")
struct MetricsTests {
    private func parse(_ text: String) throws -> TilanneConfig {
        try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
    }

    private var shipped: String {
        get throws { try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8) }
    }

    @Test("The metrics file may not take the place of another file the run writes")
    func metricsClaimsItsPlace() throws {
        let clash = try shipped.replacingOccurrences(of: "validation:\n", with: "operations:\n  metrics: ../State/last-run.json\n\nvalidation:\n")
        #expect { try parse(clash) } throws: { error in
            let error = error as? ConfigError
            return error?.keyPath == "operations.metrics" && error?.problem.contains("run summary") == true
        }
    }


    @Test("A failed run keeps the last success of the summary before it; a successful one is its own")
    func lastSuccessCarried() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("last-run.json")
        var good = RunSummary(command: "run", config: "c.yml", started: "2024-03-05T02:30:00+02:00")
        (good.finished, good.exitCode, good.outcome, good.period) = ("2024-03-05T02:30:09+02:00", 1, "published", "1/2024")
        good.carryLastSuccess(from: file)
        #expect(good.lastSuccess == LastSuccess(finished: "2024-03-05T02:30:09+02:00", period: "1/2024", exitCode: 1, outcome: "published"))
        #expect(good.write(json: file, log: folder.appendingPathComponent("log")) == nil)

        var failed = RunSummary(command: "run", config: "c.yml", started: "2024-03-06T02:30:00+02:00")
        (failed.finished, failed.exitCode, failed.outcome) = ("2024-03-06T02:30:02+02:00", 2, "invalid-input")
        failed.carryLastSuccess(from: file)
        #expect(failed.lastSuccess == good.lastSuccess)
        let text = MetricsFile(summary: failed, configPath: "/srv/a \"b\"\\c.yml", programme: nil).text
        #expect(text.contains("tilanne_last_exit_code{config=\"/srv/a \\\"b\\\"\\\\c.yml\"} 2\n"))
        // 2024-03-05T02:30:09+02:00 is 1709598609 in Unix time.
        #expect(text.contains("tilanne_last_success_timestamp_seconds{config=\"/srv/a \\\"b\\\"\\\\c.yml\"} 1709598609\n"))
        #expect(text.contains("tilanne_last_run_timestamp_seconds{config=\"/srv/a \\\"b\\\"\\\\c.yml\"} 1709685002\n"))
    }
}
