import Foundation

/// Sends the day's request mails through the configured sendmail program, one message per
/// recipient with the party's workbook attached, and records each in the history right after
/// it went out. A dry run sends and records nothing.
public struct RequestMailer {
    public let config: TilanneConfig
    public let delivery: DeliveryConfig
    public let store: HistoryStore

    public init(config: TilanneConfig, delivery: DeliveryConfig, store: HistoryStore) {
        self.config = config
        self.delivery = delivery
        self.store = store
    }

    public enum Outcome: String, Sendable, Codable {
        case sent
        case failed
        case wouldSend = "would-send"
    }

    public struct Result: Sendable, Codable {
        public var mail: RequestMailPlan.Mail
        public var subject: String
        public var outcome: Outcome
        /// The sendmail program's message, for a failed mail.
        public var problem: String?
    }

    /// - Parameter folder: where the request workbooks were written.
    public func send(_ plan: RequestMailPlan, requests: [PartyRequest], folder: URL, dryRun: Bool) throws(HistoryError) -> [Result] {
        let byParty = Dictionary(requests.map { ($0.party.key, $0) }, uniquingKeysWith: { first, _ in first })
        let deadline = config.requests?.deadline ?? DocumentDate.local()
        let sendmail = Sendmail(delivery)
        var results: [Result] = []
        for mail in plan.mails {
            guard let request = byParty[mail.party] else { continue }
            let text = RequestMailText(language: request.party.language)
            let subject = text.subject(mail, programme: request.programmeName, period: request.period, deadline: deadline)
            var result = Result(mail: mail, subject: subject, outcome: .wouldSend)
            if dryRun {
                results.append(result)
                continue
            }
            do {
                let file = folder.appendingPathComponent(mail.file)
                var message = MailMessage(
                    delivery: delivery, to: [mail.mailbox], subject: subject,
                    body: text.body(mail, programme: request.programmeName, period: request.period, deadline: deadline),
                    attachments: [.init(fileName: mail.file, contentType: MailMessage.contentType(for: .xlsx), data: try Data(contentsOf: file))])
                message.replyTo = config.requests?.replyTo
                try sendmail.send(message)
                result.outcome = .sent
            } catch {
                result.outcome = .failed
                result.problem = (error as? Sendmail.Failure)?.problem ?? "\(error)"
            }
            try store.record(RequestMailRecord(period: config.period.label, party: mail.party, recipient: mail.address, kind: mail.kind,
                                               day: plan.today, sentAt: Timestamp.now(), outcome: result.outcome == .sent ? .sent : .failed,
                                               detail: result.problem ?? ""))
            results.append(result)
        }
        return results
    }
}
