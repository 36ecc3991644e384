import Foundation

/// Per-group delivery ("bursting"): each steering group's slice of the report is published into
/// its own folder and, when the group has addresses, mailed to each address as a message of its
/// own with the files attached. A recipient is not sent the same message twice.
public struct GroupDelivery {
    public let config: TilanneConfig
    public let store: HistoryStore?
    /// Each action's lineage by its identity (from the history's comparison), so that the note
    /// of what changed since a group's last mail follows a reworded action as the same one.
    public var lineages: [String: String]

    public init(config: TilanneConfig, store: HistoryStore?, lineages: [String: String] = [:]) {
        self.config = config
        self.store = store
        self.lineages = lineages
    }

    public enum Outcome: String, Sendable, Codable {
        case sent
        /// The same files were already sent to the same addresses.
        case unchanged
        case wouldSend = "would-send"
        case filesOnly = "files-only"
        /// The sendmail program refused or failed; `problem` says how. Tried again next run.
        case failed
        /// Not mailed on this occasion (`delivery.send_on`); `waitsFor` says on which it will be.
        case held
    }

    public struct Result: Sendable, Codable {
        public var group: String
        public var files: [String]
        public var recipients: [String]
        public var subject: String?
        /// For the group: failed when any recipient failed, else sent when any was sent.
        public var outcome: Outcome
        /// For a failed delivery: each failed address with the sendmail program's message.
        public var problem: String?
        /// Each address's own result, in the order the group lists them.
        public var recipientResults: [RecipientResult] = []
        /// For a held group: the occasions its mail goes out on.
        public var waitsFor: [MailOccasion]?
    }

    /// Publishes every group's files (each set atomically), then mails each address of each
    /// group on its own. One that fails is a `failed` recipient (and its group failed) while the
    /// others are still tried; only a sent message is recorded, so the next run tries exactly
    /// the failed addresses again. With `dryRun`, nothing is mailed or recorded; the results say
    /// what would be.
    /// - Parameter resend: groups mailed even when their message is the one last sent: nil none,
    ///   an empty set every group, else the groups of those names.
    /// - Parameter occasion: what this run is; the groups are mailed only when `delivery.send_on`
    ///   lists it (a resend mails regardless), otherwise their files are published and held.
    public func run(_ model: ReportModel, dryRun: Bool, resend: Set<String>?, occasion: MailOccasion) throws -> [Result] {
        var results: [Result] = []
        let root = config.resolve(config.outputs.folder)
        for group in config.groups {
            // A steering group reads the council edition.
            let slice = model.slice(for: group).edition(for: .council)
            // Each part of the group's folder is created here and must be a real folder: files
            // are never published through a link planted in the output folder.
            let folder = try SafeFile.makeFolders(group.folder, in: root)
            let planned = FilePlan.files(of: group, content: FilePlan.Content(of: slice), outputs: config.outputs,
                                         period: config.period, main: config.reportLanguages[0])
            let publisher = ReportPublisher(folder: folder, renderers: planned.map(\.renderer))
            let files = try publisher.publish(planned.map { ReportPublisher.Item(model: slice, renderer: $0.renderer, fileName: $0.name) })
            guard !group.email.isEmpty, let delivery = config.delivery else {
                results.append(Result(group: group.name, files: files.map(\.path), recipients: [], subject: nil, outcome: .filesOnly))
                continue
            }
            var mail = try GroupMail(group: group, files: files, formats: publisher.renderers.map(\.format), config: config, delivery: delivery)
            let resent = resend.map { $0.isEmpty || $0.contains(group.name) } ?? false
            // Held, not recorded: the next run of a listed occasion mails what is current then.
            if !resent && !delivery.sendOn.contains(occasion) {
                results.append(Result(group: group.name, files: files.map(\.path), recipients: group.email, subject: mail.subject,
                                      outcome: .held, recipientResults: mail.recipients.map { RecipientResult(address: $0.address, outcome: .held) },
                                      waitsFor: delivery.sendOn.sorted()))
                continue
            }
            let contents = MailSnapshot.actions(of: slice, lineages: lineages)
            if let previous = try store?.lastGroupMail(group: group.folder, before: mail.fingerprint) {
                mail.preface = MailChangeText(language: slice.language).text(MailChanges(since: previous, now: contents))
            }
            var recipients: [RecipientResult] = []
            for (mailbox, address) in mail.recipients {
                recipients.append(try deliver(mail, to: mailbox, address: address, group: group, resent: resent, dryRun: dryRun,
                                              sendmail: Sendmail(delivery)))
            }
            if recipients.contains(where: { $0.outcome == .sent }) {
                try store?.recordGroupMail(group: group.folder, fingerprint: mail.fingerprint, actions: contents, at: Timestamp.now())
            }
            results.append(Result(group: group.name, files: files.map(\.path), recipients: group.email, subject: mail.subject,
                                  outcome: Self.groupOutcome(recipients), problem: Self.groupProblem(recipients), recipientResults: recipients))
        }
        return results
    }

    /// One recipient: skipped when it already has this message, else mailed and recorded.
    private func deliver(_ mail: GroupMail, to mailbox: String, address: String, group: SteeringGroup, resent: Bool, dryRun: Bool,
                         sendmail: Sendmail) throws -> RecipientResult {
        let previous = try store?.deliveredFingerprint(group: group.folder, recipient: address)
        if !resent, let previous, mail.isSame(as: previous) {
            return RecipientResult(address: address, outcome: .unchanged)
        }
        if dryRun { return RecipientResult(address: address, outcome: .wouldSend) }
        do {
            try sendmail.send(mail.message(to: mailbox))
        } catch let failure as Sendmail.Failure {
            return RecipientResult(address: address, outcome: .failed, problem: failure.description)
        }
        try store?.recordRecipientDelivery(group: group.folder, recipient: address, fingerprint: mail.fingerprint, at: Timestamp.now())
        return RecipientResult(address: address, outcome: .sent)
    }

    /// The failure a set of results ends the command with (exit 8), naming each failed group and
    /// why; nil when every group's mail went out (or was held or unchanged).
    public static func failure(of results: [Result], config: TilanneConfig) -> Sendmail.Failure? {
        let failed = results.filter { $0.outcome == .failed }
        guard !failed.isEmpty else { return nil }
        return Sendmail.Failure(command: config.delivery?.sendmail.first ?? "sendmail",
                                problem: failed.map { "\($0.group): \($0.problem ?? "")" }.joined(separator: "; "))
    }

    /// Every file the groups' results name, in order.
    public static func files(of results: [Result]) -> [URL] {
        results.flatMap { $0.files.map { URL(fileURLWithPath: $0) } }
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
        let message = MailMessage(delivery: delivery, to: delivery.alertTo, subject: subject, body: body,
                                  attachments: [.init(fileName: "last-run.json", contentType: "application/json", data: json)])
        try Sendmail(delivery).send(message)
    }
}
