import Foundation

/// Hands a message to the system's sendmail interface (postfix, exim, msmtp all provide it, and
/// cron itself mails through it): the program with its configured arguments, `-i`, then the
/// recipients; the message on standard input.
public struct Sendmail: Sendable {
    public var command: [String]

    public init(command: [String]) { self.command = command }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var command: String
        public var problem: String
        public var description: String { "\(command): \(problem)" }
    }

    public func send(_ message: MailMessage) throws {
        guard let program = command.first else { throw Failure(command: "", problem: "no sendmail program configured") }
        // The message is made before the program starts: a header that cannot be written is never half sent.
        let rendered: Data
        let recipients: [String]
        do {
            rendered = try message.rendered()
            recipients = try message.envelopeRecipients()
        } catch {
            throw Failure(command: program, problem: "the message cannot be made (\(error))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst()) + ["-i", "--"] + recipients
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            throw Failure(command: program, problem: "cannot start it (\(error.localizedDescription))")
        }
        // A sendmail that exits early (no server) closes the pipe while a large message is still
        // being written: that must be its exit status below, not SIGPIPE killing the whole run.
        signal(SIGPIPE, SIG_IGN)
        var writeProblem: String?
        do {
            try input.fileHandleForWriting.write(contentsOf: rendered)
        } catch {
            writeProblem = "the message could not be handed over (\(error.localizedDescription))"
        }
        try? input.fileHandleForWriting.close()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: said.prefix(2000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(command: program, problem: "exit \(process.terminationStatus)\(text.isEmpty ? "" : ": \(text)")")
        }
        if let writeProblem { throw Failure(command: program, problem: writeProblem) }
    }
}
