import Crypto
import Foundation

/// Per-group delivery ("bursting"): each steering group's slice of the report is published into
/// its own folder and, when the group has addresses, mailed as one message with the files
/// attached. A message is not sent again while its content is what was last sent to the group.
public struct GroupDelivery {
    public let config: TilanneConfig
    public let store: HistoryStore?

    public init(config: TilanneConfig, store: HistoryStore?) {
        self.config = config
        self.store = store
    }

    public enum Outcome: String, Sendable, Codable {
        case sent
        /// The same files were already sent to the same addresses.
        case unchanged
        case wouldSend = "would-send"
        case filesOnly = "files-only"
        /// The sendmail program refused or failed; `problem` says how. Tried again next run.
        case failed
    }

    public struct Result: Sendable, Codable {
        public var group: String
        public var files: [String]
        public var recipients: [String]
        public var subject: String?
        public var outcome: Outcome
        /// For a failed delivery: the sendmail program's message.
        public var problem: String?
    }

    /// Publishes every group's files (each set atomically), then mails those that changed. Each
    /// group is mailed on its own: one that fails is a `failed` result and the others are still
    /// tried; only a sent message is recorded, so the next run tries the failed ones again.
    /// With `dryRun`, nothing is mailed or recorded; the results say what would be.
    /// - Parameter resend: groups mailed even when their message is the one last sent: nil none,
    ///   an empty set every group, else the groups of those names.
    public func run(_ model: ReportModel, dryRun: Bool, resend: Set<String>?) throws -> [Result] {
        var results: [Result] = []
        let root = config.resolve(config.outputs.folder)
        let pipeline = Pipeline(config: config)
        for group in config.groups {
            let slice = model.slice(for: group)
            // Each part of the group's folder is created here and must be a real folder: files
            // are never published through a link planted in the output folder.
            let folder = try SafeFile.makeFolders(group.folder, in: root)
            let publisher = ReportPublisher(folder: folder, renderers: pipeline.renderers(for: group.formats, model: slice))
            let files = try publisher.publish(slice) { pipeline.fileName($0) }
            guard !group.email.isEmpty, let delivery = config.delivery else {
                results.append(Result(group: group.name, files: files.map(\.path), recipients: [], subject: nil, outcome: .filesOnly))
                continue
            }
            let subject = fill(delivery.subject, group: group)
            var message = MailMessage(from: delivery.from, to: group.email, subject: subject, body: fill(delivery.body, group: group),
                                      attachments: [])
            message.messageIDDomain = delivery.messageIDDomain
            for (url, format) in zip(files, publisher.renderers.map(\.format)) {
                let data = try Data(contentsOf: url)
                message.attachments.append(.init(fileName: url.lastPathComponent, contentType: MailMessage.contentType(for: format), data: data))
            }
            let fingerprint = Self.fingerprint(message)
            let previous = try store?.lastDelivery(group: group.folder)
            let resent = resend.map { $0.isEmpty || $0.contains(group.name) } ?? false
            if previous == fingerprint && !resent {
                results.append(Result(group: group.name, files: files.map(\.path), recipients: group.email, subject: subject, outcome: .unchanged))
                continue
            }
            if dryRun {
                results.append(Result(group: group.name, files: files.map(\.path), recipients: group.email, subject: subject, outcome: .wouldSend))
                continue
            }
            do {
                try Sendmail(delivery).send(message)
            } catch let failure as Sendmail.Failure {
                results.append(Result(group: group.name, files: files.map(\.path), recipients: group.email, subject: subject,
                                      outcome: .failed, problem: failure.description))
                continue
            }
            try store?.recordDelivery(group: group.folder, fingerprint: fingerprint, recipients: group.email, at: Timestamp.now())
            results.append(Result(group: group.name, files: files.map(\.path), recipients: group.email, subject: subject, outcome: .sent))
        }
        return results
    }

    /// Mails the failure summary to the configured administrators. A failure never sends the
    /// steering groups anything.
    public static func alert(config: TilanneConfig, summary: RunSummary) throws {
        guard let delivery = config.delivery, !delivery.alertTo.isEmpty else { return }
        let subject = delivery.alertSubject
            .replacingOccurrences(of: "{programme}", with: config.programme.name)
            .replacingOccurrences(of: "{period}", with: config.period.label)
            .replacingOccurrences(of: "{exit}", with: "\(summary.exitCode ?? -1)")
            .replacingOccurrences(of: "{outcome}", with: summary.outcome ?? "")
        // The findings that stopped the run, located, so the alert says what to fix and where.
        let findings = summary.findings?.first.map { "\n\n" + $0.joined(separator: "\n") } ?? ""
        let body = "\(summary.logLine)\n\n\(summary.problem ?? "")\(findings)\n\nThe run summary is attached (\(config.summaryFile.lastPathComponent)).\n"
        let json = (try? StableJSON.encode(summary)) ?? Data()
        var message = MailMessage(from: delivery.from, to: delivery.alertTo, subject: subject, body: body,
                                  attachments: [.init(fileName: "last-run.json", contentType: "application/json", data: json)])
        message.messageIDDomain = delivery.messageIDDomain
        try Sendmail(delivery).send(message)
    }

    private func fill(_ template: String, group: SteeringGroup) -> String {
        template.replacingOccurrences(of: "{programme}", with: config.programme.name)
            .replacingOccurrences(of: "{period}", with: config.period.label)
            .replacingOccurrences(of: "{group}", with: group.name)
    }

    /// What makes a message the same: addresses, subject, body and every attachment's bytes.
    static func fingerprint(_ message: MailMessage) -> String {
        var hasher = SHA256()
        for part in [message.to.joined(separator: ","), message.subject, message.body] { hasher.update(data: Data((part + "\u{0}").utf8)) }
        for attachment in message.attachments {
            hasher.update(data: Data((attachment.fileName + "\u{0}").utf8))
            hasher.update(data: attachment.data)
        }
        return HexDigits.of(hasher.finalize())
    }
}
