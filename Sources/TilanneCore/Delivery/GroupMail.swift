import Foundation

/// One steering group's mail before it is addressed: subject, body and the group's files
/// attached under names that say the group. Each recipient gets it as a message of its own.
struct GroupMail {
    let delivery: DeliveryConfig
    let subject: String
    let body: String
    let attachments: [MailMessage.Attachment]
    /// Each distinct address once: the mailbox as configured (for the To line) and its bare address.
    let recipients: [(mailbox: String, address: String)]
    /// What a recipient who has this message has on record (see `MailFingerprint`).
    let fingerprint: String
    /// The same message as Tilanne recorded it before recipients were mailed one by one.
    private let groupFingerprint: String
    /// What changed since the group's last mail, opening the body; nil for a group's first mail.
    /// Not part of the fingerprint: it follows from the last mail, not from the report.
    var preface: String?

    init(group: SteeringGroup, files: [URL], formats: [OutputFormat], config: TilanneConfig, delivery: DeliveryConfig) throws {
        func fill(_ template: String) -> String {
            template.replacingOccurrences(of: "{programme}", with: config.programme.name)
                .replacingOccurrences(of: "{period}", with: config.period.label)
                .replacingOccurrences(of: "{group}", with: group.name)
        }
        self.delivery = delivery
        subject = fill(delivery.subject)
        body = fill(delivery.body)
        var attachments: [MailMessage.Attachment] = []
        var onDisk: [(name: String, data: Data)] = []
        for (url, format) in zip(files, formats) {
            let data = try Data(contentsOf: url)
            onDisk.append((url.lastPathComponent, data))
            attachments.append(.init(fileName: AttachmentName.forGroup(fileName: url.lastPathComponent, folder: group.folder),
                                     contentType: MailMessage.contentType(for: format), data: data))
        }
        self.attachments = attachments
        var seen = Set<String>()
        recipients = group.email.compactMap { mailbox in
            let address = (try? MailAddress.parse(mailbox).addressSpec) ?? mailbox
            return seen.insert(address).inserted ? (mailbox, address) : nil
        }
        fingerprint = MailFingerprint.content(subject: subject, body: body, attachments: attachments)
        groupFingerprint = MailFingerprint.groupMessage(addresses: group.email, subject: subject, body: body, files: onDisk)
    }

    /// Whether a recipient whose record says `recorded` already has this message.
    func isSame(as recorded: String) -> Bool { recorded == fingerprint || recorded == groupFingerprint }

    func message(to mailbox: String) -> MailMessage {
        let text = preface.map { "\($0)\n\n\(body)" } ?? body
        return MailMessage(delivery: delivery, to: [mailbox], subject: subject, body: text, attachments: attachments)
    }
}
