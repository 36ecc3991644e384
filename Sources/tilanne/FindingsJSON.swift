import TilanneCore

/// `tilanne validate --json`: the findings as data (code, typed arguments, location, subject)
/// and, for people reading the JSON, each message written in the report's language.
struct FindingsJSON: Encodable {
    struct Finding: Encodable {
        var finding: Diagnostic
        var message: String

        func encode(to encoder: any Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(message, forKey: .message)
        }

        private enum Key: String, CodingKey { case message }
    }

    struct Rejected: Encodable {
        var row: RejectedRow
        var reason: String

        func encode(to encoder: any Encoder) throws {
            try row.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(reason, forKey: .reason)
        }

        private enum Key: String, CodingKey { case reason }
    }

    var diagnostics: [Finding]
    var rejectedRows: [Rejected]
    var accounting: RowAccounting

    init(_ programme: ValidatedProgramme, language: ReportLanguage) {
        diagnostics = programme.diagnostics.map { Finding(finding: $0, message: $0.message(language)) }
        rejectedRows = programme.rejected.map { Rejected(row: $0, reason: $0.reason(language)) }
        accounting = programme.accounting
    }
}
