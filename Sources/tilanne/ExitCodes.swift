import ArgumentParser
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
    // 64: command-line usage errors, reported by the argument parser itself.

    static func status(for diagnostics: [Diagnostic]) -> ExitCodes {
        diagnostics.contains { $0.severity >= .warning } ? .successWithWarnings : .success
    }

    /// Runs the body and turns its result or error into the process exit code.
    static func guarding(_ console: Console, _ body: () throws -> ExitCodes) throws {
        let code: ExitCodes
        do {
            code = try body()
        } catch let error as ConfigError {
            console.failure("\(ConsoleText.configError)\(error)")
            code = .badConfiguration
        } catch let error as OutputError {
            console.failure("\(ConsoleText.outputError)\(error)")
            code = .outputFailed
        } catch let error as HistoryError {
            console.failure("\(ConsoleText.historyError)\(error)")
            code = .historyFailed
        } catch let busy as RunLock.Busy {
            console.failure(ConsoleText.locked(busy))
            code = .anotherRunInProgress
        }
        if code != .success { throw ExitCode(code.rawValue) }
    }
}
