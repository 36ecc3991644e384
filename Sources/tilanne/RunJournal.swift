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

    /// Writes `last-run.json` and the log line; a run that found another holding the lock only
    /// logs, so the summary of the run in progress is not overwritten.
    func finish(_ code: ExitCodes, problem: String?) -> String? {
        guard let config else {
            // The configuration could not be loaded: the summary and the log line still go where
            // the file says they go, so a monitor sees the failed night.
            guard let paths = OperationsPaths.lenient(configFile: URL(fileURLWithPath: summary.config)) else { return nil }
            stamp(code, problem: problem)
            return summary.write(json: paths.summary, log: paths.log)
        }
        if let run { summary = run.summary }
        stamp(code, problem: problem)
        if code == .anotherRunInProgress {
            return summary.write(json: nil, log: config.logFile)
        }
        let written = summary.write(json: config.summaryFile, log: config.logFile)
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

    private func stamp(_ code: ExitCodes, problem: String?) {
        summary.finished = Timestamp.now()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
        summary.exitCode = code.rawValue
        summary.outcome = outcome ?? code.outcome
        summary.problem = problem
    }
}
