import ArgumentParser
import Foundation
import TilanneCore

/// The exit-code contract (docs/exit-codes.md), in one place. Every error the run can meet is
/// mapped here; nothing else in the program decides an exit code.
enum ExitCodes: Int32 {
    case success = 0
    case successWithWarnings = 1
    case invalidInput = 2
    case badConfiguration = 3
    case outputFailed = 4
    case historyFailed = 5
    case periodAlreadyFrozen = 6
    case anotherRunInProgress = 7
    case deliveryFailed = 8
    // 64: command-line usage errors, reported by the argument parser itself.

    static func status(for diagnostics: [Diagnostic]) -> ExitCodes {
        diagnostics.contains { $0.severity >= .warning } ? .successWithWarnings : .success
    }

    /// Runs the body and turns its result or error into the process exit code. With a journal,
    /// the run's summary and log line are written last, whatever happened.
    static func guarding(_ console: Console, journal: RunJournal? = nil, _ body: () throws -> ExitCodes) throws {
        let code: ExitCodes
        var problem: String?
        do {
            code = try body()
        } catch let error as ConfigError {
            problem = "\(ConsoleText.configError)\(error)"
            code = .badConfiguration
        } catch let error as OutputError {
            problem = "\(ConsoleText.outputError)\(error)"
            code = .outputFailed
        } catch let error as HistoryError {
            problem = "\(ConsoleText.historyError)\(error)"
            code = .historyFailed
        } catch let busy as RunLock.Busy {
            problem = ConsoleText.locked(busy)
            code = .anotherRunInProgress
        } catch let failure as Sendmail.Failure {
            problem = "tilanne: the reports were written, but mailing failed: \(failure)"
            code = .deliveryFailed
        }
        if let problem { console.failure(problem) }
        if let journal, let failure = journal.finish(code, problem: problem) { console.failure("tilanne: \(failure)") }
        if code != .success { throw ExitCode(code.rawValue) }
    }

    /// The outcome word of the run summary for an exit code the body did not name itself.
    var outcome: String {
        switch self {
        case .success, .successWithWarnings: "published"
        case .invalidInput: "invalid-input"
        case .badConfiguration: "bad-configuration"
        case .outputFailed: "output-failed"
        case .historyFailed: "history-failed"
        case .periodAlreadyFrozen: "refused"
        case .anotherRunInProgress: "locked"
        case .deliveryFailed: "delivery-failed"
        }
    }
}

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
        guard let config else { return nil }
        if let run { summary = run.summary }
        summary.finished = Timestamp.now()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
        summary.exitCode = code.rawValue
        summary.outcome = outcome ?? code.outcome
        summary.problem = problem
        if code == .anotherRunInProgress {
            return summary.write(json: nil, log: config.logFile)
        }
        let written = summary.write(json: config.summaryFile, log: config.logFile)
        // A failed run alerts the administrators (when configured); a refused freeze is a
        // person at a terminal, and a run that found the lock taken is not a failure.
        if sendsAlerts, [.invalidInput, .badConfiguration, .outputFailed, .historyFailed, .deliveryFailed].contains(code) {
            do {
                try GroupDelivery.alert(config: config, summary: summary)
            } catch {
                return [written, "cannot mail the failure alert: \(error)"].compactMap { $0 }.joined(separator: "; ")
            }
        }
        return written
    }
}
