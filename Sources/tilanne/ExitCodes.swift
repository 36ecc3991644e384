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
    /// The reports were published, then a later step (the groups' files, the history) failed.
    case publishedThenFailed = 9
    /// `run` for a frozen period: nothing written, the next period must be opened.
    case periodFrozen = 10
    /// A lifecycle step the period's state does not allow (freezing what was never published or
    /// what changed since, opening a period out of order, undoing a freeze unconfirmed).
    case periodStateRefused = 11
    /// `status --max-age`: the last successful run is older than the limit, or there was none.
    case stale = 12
    // 64: command-line usage errors, reported by the argument parser itself.
    /// An error the contract does not name (a fault in Tilanne itself): never counted as success.
    case unexpectedError = 70

    static func status(for diagnostics: [Diagnostic]) -> ExitCodes {
        diagnostics.contains { $0.severity >= .warning } ? .successWithWarnings : .success
    }

    /// Runs the body and turns its result or error into the process exit code. With a journal,
    /// the run's summary and log line are written last, whatever happened.
    static func guarding(_ console: Console, journal: RunJournal? = nil, _ body: () throws -> ExitCodes) throws {
        let code: ExitCodes
        var problem: String?
        let say = FailureText(language: console.language)
        do {
            code = try body()
        } catch let error as ConfigError {
            problem = say.configError(error)
            code = .badConfiguration
        } catch let error as OutputError {
            problem = say.outputError(error)
            code = .outputFailed
        } catch let error as HistoryError {
            problem = say.historyError(error)
            code = .historyFailed
        } catch let busy as RunLock.Busy {
            problem = say.locked(busy)
            code = .anotherRunInProgress
        } catch let failure as Sendmail.Failure {
            problem = say.mailingFailed(failure)
            code = .deliveryFailed
        } catch let frozen as PeriodIsFrozen {
            problem = say.periodFrozen(frozen)
            code = .periodFrozen
        } catch let refusal as LifecycleRefusal {
            problem = LifecycleText.refusal(refusal, console.language)
            code = .periodStateRefused
        } catch let refused as PeriodAlreadyFrozen {
            problem = ConsoleText.alreadyFrozen(refused.period, refused.frozenAt, console.language)
            code = .periodAlreadyFrozen
        } catch let failure as PublishedThenFailed {
            problem = say.publishedThenFailed(failure)
            code = .publishedThenFailed
        } catch let exit as ExitCode {
            // The argument parser's own codes pass through untouched.
            throw exit
        } catch {
            problem = say.unexpected(error)
            code = .unexpectedError
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
        case .publishedThenFailed: "published-then-failed"
        case .periodFrozen: "period-frozen"
        case .periodStateRefused: "refused-by-period-state"
        case .stale: "stale"
        case .unexpectedError: "unexpected-error"
        }
    }
}
