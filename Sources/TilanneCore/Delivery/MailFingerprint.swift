import Crypto
import Foundation

/// What makes two messages to one recipient the same: subject, body and every attachment's
/// name and bytes (the reports are byte-reproducible, so an unchanged report is an unchanged
/// message). The To line, the date and the Message-ID are not part of it, nor the note of what
/// changed since the group's last mail, which depends on that mail and not on the report.
enum MailFingerprint {
    static func content(subject: String, body: String, attachments: [MailMessage.Attachment]) -> String {
        var hasher = SHA256()
        // Tagged, so that a fingerprint of this kind never equals one of the older kind below.
        for part in ["recipient-mail", subject, body] { hasher.update(data: Data((part + "\u{0}").utf8)) }
        add(attachments.map { ($0.fileName, $0.data) }, to: &hasher)
        return HexDigits.of(hasher.finalize())
    }

    /// The fingerprint Tilanne stored before each recipient was mailed on its own (history
    /// migration `v3-deliveries`): one message to all the group's addresses, the files under
    /// their names on disk. An address carried over from such a row has had this message when
    /// this fingerprint is the same, so upgrading re-sends nothing that was already delivered.
    static func groupMessage(addresses: [String], subject: String, body: String, files: [(name: String, data: Data)]) -> String {
        var hasher = SHA256()
        for part in [addresses.joined(separator: ","), subject, body] { hasher.update(data: Data((part + "\u{0}").utf8)) }
        add(files, to: &hasher)
        return HexDigits.of(hasher.finalize())
    }

    private static func add(_ files: [(name: String, data: Data)], to hasher: inout SHA256) {
        for file in files {
            hasher.update(data: Data((file.name + "\u{0}").utf8))
            hasher.update(data: file.data)
        }
    }
}
