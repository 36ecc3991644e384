import Foundation

/// A MIME message (RFC 5322, 2045–2047, 2231): a UTF-8 text body and files attached in base64,
/// with non-ASCII headers encoded, ready for a sendmail program's standard input.
public struct MailMessage: Sendable {
    public struct Attachment: Sendable {
        public var fileName: String
        public var contentType: String
        public var data: Data
    }

    public var from: String
    public var to: [String]
    public var subject: String
    public var body: String
    public var attachments: [Attachment]
    /// Fixed by the caller for reproducible messages in tests; a date header otherwise.
    public var date: Date = Date()

    public init(from: String, to: [String], subject: String, body: String, attachments: [Attachment]) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.attachments = attachments
    }

    public static func contentType(for format: OutputFormat) -> String {
        switch format {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }

    public func rendered() -> Data {
        let boundary = "tilanne-" + UUID().uuidString
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var lines = [
            "From: \(Self.encodedHeader(from))",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(Self.encodedHeader(subject))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString)@tilanne>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
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
                "Content-Type: \(attachment.contentType)",
                "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; \(Self.fileNameParameter(attachment.fileName))",
                "",
            ]
            lines += Self.base64Lines(attachment.data)
        }
        lines += ["--\(boundary)--", ""]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// RFC 2047 encoded-word for headers with non-ASCII text (`Kasvava Kuopio – tilanne`).
    static func encodedHeader(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// `filename="x.xlsx"`, or RFC 2231 `filename*=UTF-8''…` for non-ASCII names.
    static func fileNameParameter(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { !$0.isASCII || $0 == "\"" }) else { return "filename=\"\(name)\"" }
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: ".-_"))) ?? name
        return "filename*=UTF-8''\(encoded)"
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
