import Foundation

/// A MIME message (RFC 5322, 2045–2047, 2231): a UTF-8 text body and files attached in base64,
/// ready for a sendmail program's standard input. Every header line is made by `MailHeader`,
/// which refuses control characters and encodes text beyond ASCII.
public struct MailMessage: Sendable {
    public struct Attachment: Sendable {
        public var fileName: String
        public var contentType: String
        public var data: Data
    }

    /// One mailbox, as the configuration wrote it (`Tilanne <tilanne@kuopio.fi>`).
    public var from: String
    /// The recipients' mailboxes, display names allowed.
    public var to: [String]
    public var subject: String
    public var body: String
    public var attachments: [Attachment]
    /// Fixed by the caller for reproducible messages in tests; a date header otherwise.
    public var date: Date = Date()
    /// The right-hand side of the Message-ID (`<unique@domain>`); nil: the domain of `from`.
    /// A domain the sender owns keeps the identifier unique worldwide, as RFC 5322 asks, and
    /// spam filters score a Message-ID without a real domain against the message.
    public var messageIDDomain: String?
    /// Where replies go when not to `from` (the coordinator, for update requests).
    public var replyTo: String?

    public init(from: String, to: [String], subject: String, body: String, attachments: [Attachment]) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.attachments = attachments
    }

    /// A message Tilanne sends under the `delivery` settings: their sender and their Message-ID
    /// domain, its files attached. The steering groups' reports, the parties' update requests and
    /// the alert to IT all go out this way.
    public init(delivery: DeliveryConfig, to mailboxes: [String], subject: String, body: String, attachments: [Attachment] = []) {
        self.init(from: delivery.from, to: mailboxes, subject: subject, body: body, attachments: attachments)
        messageIDDomain = delivery.messageIDDomain
    }

    /// A header that cannot be written safely: a control character, an address that does not parse.
    public struct InvalidHeader: Error, Sendable, CustomStringConvertible {
        public var field: String
        public var problem: String
        public var description: String { "\(field): \(problem)" }
    }

    public static func contentType(for format: OutputFormat) -> String {
        switch format {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }

    /// The bare addresses (`local@domain`) the sendmail program is given as recipients.
    public func envelopeRecipients() throws -> [String] {
        try to.map { text in try Self.address(text, field: "To").addressSpec }
    }

    public func rendered() throws -> Data {
        let boundary = "tilanne-" + UUID().uuidString
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        // The same zone as every other time Tilanne writes (the summary, the log, the history).
        formatter.timeZone = Timestamp.zone
        let sender = try Self.address(from, field: "From")
        let recipients = try to.map { text in try Self.address(text, field: "To") }
        var lines = [
            try MailHeader.addresses("From", [sender]),
            try MailHeader.addresses("To", recipients),
        ]
        if let replyTo { lines.append(try MailHeader.addresses("Reply-To", [try Self.address(replyTo, field: "Reply-To")])) }
        lines += [
            try MailHeader.text("Subject", subject),
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(messageIDDomain ?? sender.domain)>",
            "MIME-Version: 1.0",
            try MailHeader.structured("Content-Type", "multipart/mixed; boundary=\"\(boundary)\""),
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        lines += Self.base64Lines(Data(body.utf8))
        for attachment in attachments {
            lines += [
                "--\(boundary)",
                try MailHeader.structured("Content-Type", attachment.contentType),
                "Content-Transfer-Encoding: base64",
                try MailHeader.attachment(fileName: attachment.fileName),
                "",
            ]
            lines += Self.base64Lines(attachment.data)
        }
        lines += ["--\(boundary)--", ""]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    private static func address(_ text: String, field: String) throws -> MailAddress {
        do {
            return try MailAddress.parse(text)
        } catch {
            throw InvalidHeader(field: field, problem: "\"\(text)\": \(error.problem)")
        }
    }

    static func base64Lines(_ data: Data) -> [String] {
        let text = data.base64EncodedString()
        return stride(from: 0, to: text.count, by: 76).map { start in
            let from = text.index(text.startIndex, offsetBy: start)
            let to = text.index(from, offsetBy: min(76, text.count - start))
            return String(text[from..<to])
        }
    }
}

/// The one place a mail header line is made. Text from the configuration (the subject, a
/// group's or the programme's name, a display name, a file name) never reaches the message
/// unchecked: a control character is refused — checked by Unicode scalar, since `"\r\n"` is
/// one Swift `Character` — and text beyond ASCII is written as RFC 2047 encoded-words (file
/// names per RFC 2231), folded so that no line is longer than 76 characters.
enum MailHeader {
    /// The longest line written (RFC 2047 asks encoded-words to fit in 76).
    static let width = 76

    /// Why a text cannot stand in a header, or nil: a control character (C0, DEL, C1 —
    /// CR, LF and TAB among them) or a Unicode line or paragraph separator.
    static func controlProblem(_ text: String) -> String? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isForbidden(scalar) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let name = switch scalar {
            case "\r": "a carriage return (CR)"
            case "\n": "a line feed (LF)"
            case "\t": "a tab"
            default: "a control character"
            }
            return "holds \(name), U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code), " +
                "at character \(offset + 1); a mail header is one line of text"
        }
        return nil
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// An unstructured header (`Subject`): as it is when it is short plain ASCII, otherwise as
    /// encoded-words, each at most 75 characters, on lines of at most 76.
    static func text(_ name: String, _ value: String) throws -> String {
        try refuseControls(name, value)
        if value.isEmpty { return name + ":" }
        var folder = Folder(name: name)
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let plain = !value.contains("=?") && !words.contains(where: \.isEmpty)
            && value.unicodeScalars.allSatisfy { $0.isASCII }
            && words.allSatisfy { $0.count <= width - 1 - name.count - 2 }
        if plain {
            for word in words { folder.append(String(word)) }
        } else {
            folder.appendEncoded(value)
        }
        return folder.rendered
    }

    /// An address header (`From`, `To`): the mailboxes separated by commas, each display name
    /// as written when it is plain ASCII, quoted when it holds specials, encoded otherwise.
    static func addresses(_ name: String, _ addresses: [MailAddress]) throws -> String {
        var folder = Folder(name: name)
        for (index, address) in addresses.enumerated() {
            let separator = index < addresses.count - 1 ? "," : ""
            guard let displayName = address.displayName else {
                folder.append(address.addressSpec + separator)
                continue
            }
            try refuseControls(name, displayName)
            let phrase = MailAddress.phraseText(displayName)
            if displayName.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "=" }) && phrase.count <= width - 2 - name.count - 2 {
                if phrase.hasPrefix("\"") {
                    folder.append(phrase)
                } else {
                    for word in phrase.split(separator: " ") { folder.append(String(word)) }
                }
            } else {
                folder.appendEncoded(displayName, phrase: true)
            }
            folder.append("<\(address.addressSpec)>" + separator)
        }
        return folder.rendered
    }

    /// A structured header whose value Tilanne itself writes (a content type): checked, folded at spaces.
    static func structured(_ name: String, _ value: String) throws -> String {
        try refuseControls(name, value)
        var folder = Folder(name: name)
        for word in value.split(separator: " ") { folder.append(String(word)) }
        return folder.rendered
    }

    /// `Content-Disposition: attachment; filename="x.xlsx"`, or per RFC 2231 `filename*=UTF-8''…`
    /// (in numbered pieces when long) for a name beyond plain ASCII, with quotes or controls.
    static func attachment(fileName: String) throws -> String {
        let name = "Content-Disposition"
        let quoted = "filename=\"\(fileName)\""
        let plain = fileName.unicodeScalars.allSatisfy { $0.isASCII && !isForbidden($0) && $0 != "\"" && $0 != "\\" }
        if plain && quoted.count <= width - 1 {
            var folder = Folder(name: name)
            folder.append("attachment;")
            folder.append(quoted)
            return folder.rendered
        }
        // Percent-encoded: a control character becomes %0D, harmless; the pieces never split a %XX.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_".unicodeScalars)
        var tokens: [String] = []
        for byte in Array(fileName.utf8) {
            let scalar = Unicode.Scalar(byte)
            tokens.append(byte < 0x80 && allowed.contains(scalar) ? String(scalar) : String(format: "%%%02X", byte))
        }
        var pieces: [String] = []
        var current = "UTF-8''"
        for token in tokens {
            if current.count + token.count > 48 {
                pieces.append(current)
                current = ""
            }
            current += token
        }
        pieces.append(current)
        var folder = Folder(name: name)
        folder.append("attachment;")
        if pieces.count == 1 {
            folder.append("filename*=\(pieces[0])")
        } else {
            for (index, piece) in pieces.enumerated() {
                folder.append("filename*\(index)*=\(piece)" + (index < pieces.count - 1 ? ";" : ""))
            }
        }
        return folder.rendered
    }

    private static func refuseControls(_ name: String, _ value: String) throws {
        if let problem = controlProblem(value) { throw MailMessage.InvalidHeader(field: name, problem: problem) }
    }

    /// Lays out a header's tokens on lines of at most `width` characters, each token after one
    /// space; a new line starts with that space (folding white space, removed by unfolding).
    struct Folder {
        private var lines: [String]
        private var fresh = true

        init(name: String) { lines = [name + ":"] }

        var rendered: String { lines.joined(separator: "\r\n") }

        /// Right after the header's name too, when the token fits on a line of its own
        /// (`Content-Type:` and the long workbook type on the next line).
        mutating func append(_ token: String) {
            if lines[lines.count - 1].count + 1 + token.count > MailHeader.width && (!fresh || 1 + token.count <= MailHeader.width) {
                lines.append("")
            }
            lines[lines.count - 1] += " " + token
            fresh = false
        }

        /// The text as `=?UTF-8?B?…?=` words, each filling the room left on its line and
        /// holding whole Unicode scalars (a letter's bytes are never split between words).
        /// A `phrase` (a display name) is kept in one word when it fits in one, on a line of its
        /// own if need be: some readers keep the space between two encoded-words of a name.
        mutating func appendEncoded(_ text: String, phrase: Bool = false) {
            let overhead = "=?UTF-8?B??=".count
            let whole = (75 - overhead) / 4 * 3
            var scalars = Array(text.unicodeScalars)[...]
            repeat {
                var room = MailHeader.width - lines[lines.count - 1].count - 1
                let wanted = phrase && text.utf8.count <= whole ? (text.utf8.count + 2) / 3 * 4 + overhead : overhead + 8
                if room < wanted && !fresh {
                    lines.append("")
                    room = MailHeader.width - 1
                }
                let maxBytes = max(3, (min(room, 75) - overhead) / 4 * 3)
                var chunk = String.UnicodeScalarView()
                var bytes = 0
                while let scalar = scalars.first {
                    let size = String(scalar).utf8.count
                    if bytes + size > maxBytes && !chunk.isEmpty { break }
                    chunk.append(scalar)
                    bytes += size
                    scalars = scalars.dropFirst()
                }
                lines[lines.count - 1] += " =?UTF-8?B?\(Data(String(chunk).utf8).base64EncodedString())?="
                fresh = false
            } while !scalars.isEmpty
        }
    }
}
