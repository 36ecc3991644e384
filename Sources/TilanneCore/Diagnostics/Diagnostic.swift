/// One finding about the input or the configuration, kept as data: the run collects them,
/// the policy judges them, and every renderer lists them. Not an exception.
public struct Diagnostic: Codable, Sendable, Hashable {
    public var severity: Severity
    /// Stable identifier (for example `progress.unknown-code`); documented in docs/diagnostics.md.
    public var code: DiagnosticCode
    /// Human-readable text in the report language.
    public var message: String
    public var location: SourceLocation?
    /// What the message was filled in with, so it can be written again in another language.
    public var arguments: [String]

    public init(severity: Severity, code: DiagnosticCode, message: String, location: SourceLocation?, arguments: [String] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.arguments = arguments
    }

    /// The same finding with its message in another language.
    public func localized(_ catalogue: MessageCatalogue) -> Diagnostic {
        var copy = self
        copy.message = catalogue.message(code, arguments)
        return copy
    }
}
