import TilanneCore

/// `tilanne validate --json`: the findings as data (code, typed arguments, location, subject)
/// and, for people reading the JSON, each message written in the report's language.
struct FindingsJSON: Encodable {
    /// A value encoded as itself with one more key holding its text (`message`, `reason`).
    struct WithText<Value: Encodable>: Encodable {
        var value: Value
        var key: String
        var text: String

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: TextKey.self)
            try container.encode(text, forKey: TextKey(stringValue: key))
        }
    }

    private struct TextKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var diagnostics: [WithText<Diagnostic>]
    var rejectedRows: [WithText<RejectedRow>]
    var accounting: RowAccounting

    init(_ programme: ValidatedProgramme, language: ReportLanguage) {
        diagnostics = programme.diagnostics.map { WithText(value: $0, key: "message", text: $0.message(language)) }
        rejectedRows = programme.rejected.map { WithText(value: $0, key: "reason", text: $0.reason(language)) }
        accounting = programme.accounting
    }
}
