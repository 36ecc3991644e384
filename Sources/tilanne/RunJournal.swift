import Foundation
import TilanneCore

/// Collects a run's summary as the command goes, and writes it when the run ends.
final class RunJournal {
    var summary: RunSummary
    var config: TilanneConfig?
    /// A run whose summary is taken from it when the run ends (`run` keeps its own as it goes).
    private var run: NightlyRun?
    /// Set by the command when the exit code alone does not say it (`unchanged`, `frozen`).
    var outcome: String?
    private let clock = DispatchTime.now()
    /// Only `run` mails alerts.
    var sendsAlerts: Bool { summary.command == "run" }

    init(command: String, configPath: String) {
        summary = RunSummary(command: command, config: configPath, started: Timestamp.now())
    }

    func follow(_ run: NightlyRun) {
        self.run = run
        config = run.config
    }

    /// Writes `last-run.json`, the log line and the metrics file; a run that found another
    /// holding the lock only logs and updates the metrics, so the summary of the run in progress
    /// is not overwritten.
    func finish(_ code: ExitCodes, problem: String?) -> String? {
        guard let config else {
            // The configuration could not be loaded: the summary, the log line and the metrics
            // still go where the file says they go, so a monitor sees the failed night.
            guard let paths = OperationsPaths.lenient(configFile: URL(fileURLWithPath: summary.config)) else { return nil }
            stamp(code, problem: problem)
            summary.carryLastSuccess(from: paths.summary)
            let written = summary.write(json: paths.summary, log: paths.log)
            return joined(written, paths.metrics.flatMap { writeMetrics(to: $0, programme: nil) })
        }
        if let run { summary = run.summary }
        stamp(code, problem: problem)
        summary.carryLastSuccess(from: config.summaryFile)
        let metrics = config.metricsFile.flatMap { writeMetrics(to: $0, programme: config.programme.name) }
        if code == .anotherRunInProgress {
            return joined(summary.write(json: nil, log: config.logFile), metrics)
        }
        let written = joined(summary.write(json: config.summaryFile, log: config.logFile), metrics)
        // A failed run alerts the administrators (when configured); a refused freeze is a
        // person at a terminal, and a run that found the lock taken is not a failure.
        if sendsAlerts, [.invalidInput, .badConfiguration, .outputFailed, .historyFailed, .deliveryFailed, .publishedThenFailed, .periodFrozen,
                             .unexpectedError].contains(code) {
            do {
                try GroupDelivery.alert(config: config, summary: summary)
            } catch {
                return [written, "cannot mail the failure alert: \(error)"].compactMap { $0 }.joined(separator: "; ")
            }
        }
        return written
    }

    /// Only the nightly `run` writes metrics: a refused `freeze` is a person at a terminal, and
    /// must not look like a failed night to the alerting.
    private func writeMetrics(to url: URL, programme: String?) -> String? {
        guard summary.command == "run" else { return nil }
        let configPath = URL(fileURLWithPath: summary.config).standardizedFileURL.path
        return MetricsFile(summary: summary, configPath: configPath, programme: programme,
                           previousSuccess: MetricsFile.lastSuccess(in: url)).write(to: url)
    }

    private func joined(_ problems: String?...) -> String? {
        let said = problems.compactMap { $0 }
        return said.isEmpty ? nil : said.joined(separator: "; ")
    }

    private func stamp(_ code: ExitCodes, problem: String?) {
        summary.finished = Timestamp.now()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
        summary.exitCode = code.rawValue
        summary.outcome = outcome ?? code.outcome
        summary.problem = problem
    }
}
