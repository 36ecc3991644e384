/// One finding about the input or the configuration, kept as data: the run collects them,
/// the policy judges them, and every renderer lists them. Not an exception.
public struct Diagnostic: Codable, Sendable, Hashable {
    public var severity: Severity
    /// Stable identifier (for example `progress.unknown-code`); documented in docs/diagnostics.md.
    public var code: DiagnosticCode
    /// Human-readable text in the report language.
    public var message: String
    public var location: SourceLocation?

    public init(severity: Severity, code: DiagnosticCode, message: String, location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}
