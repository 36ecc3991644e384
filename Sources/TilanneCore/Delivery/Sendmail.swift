import Foundation

/// Hands a message to the system's sendmail interface (postfix, exim, msmtp all provide it, and
/// cron itself mails through it): the program with its configured arguments, `-f` and the
/// envelope sender, `-i`, then the recipients; the message on standard input. A sendmail that does not finish within the
/// timeout is killed and the delivery fails, so a hung mail server cannot hold the night.
public struct Sendmail: Sendable {
    public var command: [String]
    public var timeout: TimeInterval
    /// The envelope sender (`-f`), where bounces go; nil when the command sets it itself.
    public var envelopeFrom: String?

    public init(command: [String], timeout: TimeInterval = DeliveryConfig.defaultTimeout, envelopeFrom: String? = nil) {
        self.command = command
        self.timeout = timeout
        self.envelopeFrom = envelopeFrom
    }

    /// As the delivery section configures it.
    public init(_ delivery: DeliveryConfig) {
        self.init(command: delivery.sendmail, timeout: delivery.timeout, envelopeFrom: delivery.envelopeFrom)
    }

    /// The arguments after the program: the configured ones, the envelope sender, `-i` (a line
    /// of one dot is text, not the end), `--`, the recipients.
    func arguments(recipients: [String]) -> [String] {
        Array(command.dropFirst()) + (envelopeFrom.map { ["-f", $0] } ?? []) + ["-i", "--"] + recipients
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var command: String
        public var problem: String
        public var description: String { "\(command): \(problem)" }

        public init(command: String, problem: String) {
            (self.command, self.problem) = (command, problem)
        }
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
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try ExternalProgram.run(program, arguments(recipients: recipients),
                                              input: rendered, timeout: timeout)
        } catch {
            guard case .cannotStart(let why) = error else { throw error }
            throw Failure(command: program, problem: "cannot start it (\(why))")
        }
        let said = outcome.said.prefix(2000)
        guard let status = outcome.status else {
            throw Failure(command: program, problem: "did not finish within \(Int(timeout)) s and was stopped; the message may not have been sent"
                          + (said.isEmpty ? "" : ": \(said)"))
        }
        guard status == 0 else {
            throw Failure(command: program, problem: "exit \(status)\(said.isEmpty ? "" : ": \(said)")")
        }
    }
}
