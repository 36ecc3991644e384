import Foundation

/// Runs a program Tilanne depends on (sendmail, LibreOffice, Chromium) with a deadline: an
/// unattended night must end even when the program never does. Past the deadline the program
/// is asked to stop (SIGTERM), then killed (SIGKILL), and the caller gets `timedOut`.
public enum ExternalProgram {
    public struct Outcome: Sendable {
        /// The exit status; nil when the program was killed at the deadline.
        public var status: Int32?
        /// Standard output and error, the first 64 KiB.
        public var said: String
        public var timedOut: Bool { status == nil }
    }

    public enum Failure: Error, Sendable {
        case cannotStart(String)
    }

    /// - Parameters:
    ///   - input: written to the program's standard input, then closed (nil: an empty input).
    ///   - timeout: seconds before the program is stopped.
    ///   - environment: variables set for the program over the run's own.
    public static func run(_ program: String, _ arguments: [String], input: Data? = nil, timeout: TimeInterval,
                           environment: [String: String] = [:]) throws(Failure) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, set in set }
        }
        let stdin = Pipe()
        let output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        // A program that exits early (no mail server) closes its input while a large message is
        // still being written: that must be its exit status, not SIGPIPE ending the whole run.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        let collected = Collected()
        // Input and output move on their own threads: a program that neither reads its input nor
        // exits must not block the run before the deadline is looked at.
        let reader = Thread {
            collected.set(output.fileHandleForReading.readDataToEndOfFile().prefix(65_536))
        }
        reader.start()
        let writer = Thread {
            if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGTERM)
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 5)
            }
            return Outcome(status: nil, said: collected.text(waiting: 0.5))
        }
        return Outcome(status: process.terminationStatus, said: collected.text(waiting: 2))
    }
}

/// The program's output, handed over by the reader thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.broadcast()
        lock.unlock()
    }

    /// What the program said; a child that keeps the pipe open after the program ended is not waited for past `seconds`.
    func text(waiting seconds: TimeInterval) -> String {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while data == nil, lock.wait(until: deadline) {}
        return String(decoding: data ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
